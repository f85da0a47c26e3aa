//! The request an error answers, made available to its body without the handler passing it.
//!
//! A middleware (`axum::ErrorLayer`, or the actix-web one) reads or makes up a request id,
//! takes the time, and runs the rest of the request inside [`scope`]. Every error turned into a
//! response inside that scope writes the request id and timestamp wherever its envelope has a
//! member for them.

use std::cell::Cell;
use std::future::Future;
use std::sync::Arc;
use std::time::SystemTime;

use http::HeaderName;

use crate::{Descriptor, RequestContext};

pub use crate::web::edge::{CUT_MARK, TEXT_LIMIT};
#[doc(hidden)]
pub use crate::web::edge::{
    Found, TextReader, answer, found, is_plain, panic_message, record, warn_outside,
};

tokio::task_local! {
    static CURRENT: Current;
}

/// The current request, and the descriptor of the derived error that answered it, if one
/// did: how the middleware tells an error's own response from one it must replace, without
/// a mark on the response that would cost allocations on every error response.
struct Current {
    info: RequestInfo,
    answered: Cell<Option<&'static Descriptor>>,
}

/// What the middleware learned about one request: its id, when it arrived, and optionally its
/// path as the RFC 9457 `instance`.
///
/// The arrival time is written out (RFC 3339, whole seconds) only when an error body needs it,
/// so requests that succeed pay nothing for it.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use api_error_core::request::RequestInfo;
///
/// let arrived = UNIX_EPOCH + Duration::from_secs(1_705_317_753);
/// let info = RequestInfo::new("req_1", arrived).with_instance("/pets/7");
/// info.with_context(|context| {
///     assert_eq!(context.request_id, Some("req_1"));
///     assert_eq!(context.timestamp, Some("2024-01-15T11:22:33Z"));
///     assert_eq!(context.instance, Some("/pets/7"));
/// });
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestInfo {
    request_id: Arc<str>,
    arrived: SystemTime,
    instance: Option<Arc<str>>,
    route: Option<Arc<str>>,
}

impl RequestInfo {
    /// A request with this id, which arrived at `arrived`.
    pub fn new(request_id: impl Into<Arc<str>>, arrived: SystemTime) -> Self {
        RequestInfo {
            request_id: request_id.into(),
            arrived,
            instance: None,
            route: None,
        }
    }

    /// Adds the route the request matched, such as `/v2/pets/{pet_id}`, for log events.
    ///
    /// ```
    /// use api_error_core::request::RequestInfo;
    ///
    /// let info = RequestInfo::new("req_1", std::time::SystemTime::now()).with_route("/pets/{id}");
    /// assert_eq!(info.route(), Some("/pets/{id}"));
    /// ```
    #[must_use]
    pub fn with_route(mut self, route: impl Into<Arc<str>>) -> Self {
        self.route = Some(route.into());
        self
    }

    /// The route the request matched, if the middleware learned it.
    ///
    /// ```
    /// use api_error_core::request::RequestInfo;
    ///
    /// assert_eq!(RequestInfo::new("req_1", std::time::SystemTime::now()).route(), None);
    /// ```
    pub fn route(&self) -> Option<&str> {
        self.route.as_deref()
    }

    /// Adds the RFC 9457 `instance`.
    #[must_use]
    pub fn with_instance(mut self, instance: impl Into<Arc<str>>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// The request id.
    ///
    /// ```
    /// use api_error_core::request::RequestInfo;
    ///
    /// let info = RequestInfo::new("req_1", std::time::SystemTime::now());
    /// assert_eq!(info.request_id(), "req_1");
    /// ```
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// Calls `f` with the context that error bodies are written with.
    pub fn with_context<R>(&self, f: impl FnOnce(&RequestContext<'_>) -> R) -> R {
        let timestamp = humantime::format_rfc3339_seconds(self.arrived).to_string();
        f(&RequestContext {
            request_id: Some(&self.request_id),
            timestamp: Some(&timestamp),
            instance: self.instance.as_deref(),
        })
    }
}

/// Runs `future` with `info` as the current request: errors turned into responses inside it
/// carry its request id and timestamp.
///
/// ```
/// use api_error_core::request::{RequestInfo, scope, with_current};
///
/// let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// let info = RequestInfo::new("req_1", std::time::SystemTime::now());
/// let id = runtime.block_on(scope(info, async {
///     with_current(|context| context.request_id.map(str::to_owned))
/// }));
/// assert_eq!(id.as_deref(), Some("req_1"));
/// ```
pub async fn scope<F: Future>(info: RequestInfo, future: F) -> F::Output {
    let current = Current {
        info,
        answered: Cell::new(None),
    };
    CURRENT.scope(current, future).await
}

/// Calls `f` with the current request's context, or an empty one outside any [`scope`].
///
/// ```
/// use api_error_core::request::with_current;
///
/// assert_eq!(with_current(|context| context.request_id.is_none()), true);
/// ```
pub fn with_current<R>(f: impl FnOnce(&RequestContext<'_>) -> R) -> R {
    // A clone is a few reference-count increments, and keeps `f` out of the task-local's
    // borrow.
    match CURRENT.try_with(|current| current.info.clone()) {
        Ok(info) => info.with_context(f),
        Err(_) => f(&RequestContext::new()),
    }
}

/// [`with_current`], and whether a middleware's [`scope`] was there to give the context.
pub(crate) fn with_current_in_scope<R>(f: impl FnOnce(&RequestContext<'_>) -> R) -> (R, bool) {
    match CURRENT.try_with(|current| current.info.clone()) {
        Ok(info) => (info.with_context(f), true),
        Err(_) => (f(&RequestContext::new()), false),
    }
}

/// Notes that a derived error with this descriptor answered the current request; `false`
/// outside any [`scope`].
#[cfg_attr(not(feature = "axum"), allow(dead_code))]
pub(crate) fn note_answered(descriptor: &'static Descriptor) -> bool {
    CURRENT
        .try_with(|current| current.answered.set(Some(descriptor)))
        .is_ok()
}

/// The descriptor [`note_answered`] noted for the current request, taken.
#[cfg_attr(not(feature = "axum"), allow(dead_code))]
pub(crate) fn take_answered() -> Option<&'static Descriptor> {
    CURRENT
        .try_with(|current| current.answered.take())
        .ok()
        .flatten()
}

/// How a middleware names requests: the header a request id arrives in (and is echoed back
/// in), how new ids are made, and whether the path becomes the `instance`.
///
/// An incoming id is kept when it is 1 to 128 visible ASCII characters; anything else is
/// replaced by a new id, so a client cannot put arbitrary text into bodies or logs.
///
/// ```
/// use api_error_core::request::RequestIds;
///
/// let ids = RequestIds::new().header("x-correlation-id").generate(|| "req_new".to_owned());
/// assert_eq!(ids.header_name(), "x-correlation-id");
///
/// let kept = ids.info(Some(b"abc-123"), "/pets/7");
/// assert_eq!(kept.request_id(), "abc-123");
/// let made = ids.info(Some(b"bad id\n"), "/pets/7");
/// assert_eq!(made.request_id(), "req_new");
/// made.with_context(|context| assert_eq!(context.instance, None));
///
/// let with_path = RequestIds::new().instance_from_path(true).info(None, "/pets/7");
/// with_path.with_context(|context| assert_eq!(context.instance, Some("/pets/7")));
/// ```
#[derive(Clone, Debug)]
pub struct RequestIds {
    header: HeaderName,
    generate: fn() -> String,
    instance_from_path: bool,
}

impl Default for RequestIds {
    fn default() -> Self {
        RequestIds::new()
    }
}

impl RequestIds {
    /// The longest incoming request id that is kept.
    pub const MAX_LEN: usize = 128;

    /// `x-request-id`, random UUIDs (version 4), no `instance`.
    pub fn new() -> Self {
        RequestIds {
            header: HeaderName::from_static("x-request-id"),
            generate: random_id,
            instance_from_path: false,
        }
    }

    /// Reads and echoes the request id in `name` instead of `x-request-id`. A name that is
    /// not a valid header name leaves the header unchanged.
    #[must_use]
    pub fn header(mut self, name: &str) -> Self {
        if let Ok(name) = HeaderName::from_bytes(name.as_bytes()) {
            self.header = name;
        }
        self
    }

    /// Makes new request ids with `generate`.
    #[must_use]
    pub fn generate(mut self, generate: fn() -> String) -> Self {
        self.generate = generate;
        self
    }

    /// Whether the request's path becomes the body's `instance` (RFC 9457).
    #[must_use]
    pub fn instance_from_path(mut self, yes: bool) -> Self {
        self.instance_from_path = yes;
        self
    }

    /// The header request ids arrive in and go back out in.
    pub fn header_name(&self) -> &HeaderName {
        &self.header
    }

    /// The request's info from its id header's value (if it had one) and its path, stamped
    /// with the current time.
    pub fn info(&self, incoming: Option<&[u8]>, path: &str) -> RequestInfo {
        let request_id = match incoming.and_then(acceptable_id) {
            Some(id) => Arc::from(id),
            None => Arc::from((self.generate)()),
        };
        let info = RequestInfo::new(request_id, SystemTime::now());
        if self.instance_from_path {
            info.with_instance(path)
        } else {
            info
        }
    }
}

fn acceptable_id(value: &[u8]) -> Option<&str> {
    let printable = value.iter().all(u8::is_ascii_graphic);
    if printable && (1..=RequestIds::MAX_LEN).contains(&value.len()) {
        std::str::from_utf8(value).ok()
    } else {
        None
    }
}

fn random_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The current request's id, outside any [`scope`] none.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(crate) fn current_id() -> Option<Arc<str>> {
    CURRENT
        .try_with(|current| Arc::clone(&current.info.request_id))
        .ok()
}

/// The current request's route, if its middleware learned it.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(crate) fn current_route() -> Option<Arc<str>> {
    CURRENT
        .try_with(|current| current.info.route.clone())
        .ok()
        .flatten()
}
