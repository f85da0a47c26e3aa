//! Facts about the request an error answers, supplied when the body is written.

/// The request id, timestamp and instance an envelope may carry.
///
/// Envelopes place each where their shape says, and leave out what they have no member for.
/// Every part is optional; an envelope member whose part is missing is omitted or written as
/// `null`, as its shape declares.
///
/// ```
/// use api_error_core::RequestContext;
///
/// let context = RequestContext::new()
///     .request_id("req_01j8")
///     .timestamp("2024-01-15T11:22:33Z")
///     .instance("/collections/c_1/faces/f_9");
/// assert_eq!(context.request_id, Some("req_01j8"));
/// assert_eq!(RequestContext::new().timestamp, None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RequestContext<'a> {
    /// The id that correlates the response with server logs, such as `"req_01j8..."`.
    pub request_id: Option<&'a str>,
    /// When the error happened, as the API writes times (RFC 3339 in the seed APIs).
    pub timestamp: Option<&'a str>,
    /// A URI reference identifying this occurrence (RFC 9457's `instance`).
    pub instance: Option<&'a str>,
}

impl<'a> RequestContext<'a> {
    /// A context with nothing in it.
    ///
    /// ```
    /// use api_error_core::RequestContext;
    ///
    /// assert_eq!(RequestContext::new(), RequestContext::default());
    /// ```
    pub const fn new() -> Self {
        RequestContext {
            request_id: None,
            timestamp: None,
            instance: None,
        }
    }

    /// Sets the request id.
    ///
    /// ```
    /// use api_error_core::RequestContext;
    ///
    /// assert_eq!(RequestContext::new().request_id("req_1").request_id, Some("req_1"));
    /// ```
    pub const fn request_id(mut self, request_id: &'a str) -> Self {
        self.request_id = Some(request_id);
        self
    }

    /// Sets the timestamp.
    ///
    /// ```
    /// use api_error_core::RequestContext;
    ///
    /// let context = RequestContext::new().timestamp("2024-01-15T11:22:33Z");
    /// assert_eq!(context.timestamp, Some("2024-01-15T11:22:33Z"));
    /// ```
    pub const fn timestamp(mut self, timestamp: &'a str) -> Self {
        self.timestamp = Some(timestamp);
        self
    }

    /// Sets the instance.
    ///
    /// ```
    /// use api_error_core::RequestContext;
    ///
    /// assert_eq!(RequestContext::new().instance("/pets/7").instance, Some("/pets/7"));
    /// ```
    pub const fn instance(mut self, instance: &'a str) -> Self {
        self.instance = Some(instance);
        self
    }
}
