//! Response headers an error adds: Retry-After, WWW-Authenticate, and declared static ones.

use core::fmt;
use std::time::{Duration, SystemTime};

/// The headers of one error value, in declaration order: the enum's static headers, the
/// variant's, `www-authenticate`, the variant's fields marked `#[api(header = "name")]`, then
/// `retry-after`. Names are lowercase.
///
/// ```
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE", header("cache-control", "no-store"))]
/// enum Error {
///     #[api(status = 429)]
///     RateLimited {
///         #[api(retry_after)]
///         wait_seconds: u64,
///     },
///     #[api(status = 401, www_authenticate = "Bearer realm=\"api\"")]
///     Unauthorized,
///     #[api(status = 503, retry_after = 120)]
///     Maintenance,
/// }
///
/// let headers: Vec<(&str, String)> = Error::RateLimited { wait_seconds: 30 }
///     .headers()
///     .map(|(name, value)| (name, value.to_string()))
///     .collect();
/// assert_eq!(headers, [("cache-control", "no-store".to_owned()), ("retry-after", "30".to_owned())]);
///
/// let names: Vec<&str> = Error::Unauthorized.headers().map(|(name, _)| name).collect();
/// assert_eq!(names, ["cache-control", "www-authenticate"]);
/// assert_eq!(Error::Maintenance.headers().last().unwrap().1.to_string(), "120");
/// ```
///
/// A field marked `#[api(header = "name")]` gives a header with its `Display` text (an
/// `Option` field that is `None` gives none); the name is checked at compile time like the
/// others. A text that is no valid header value (a line break in it) is left out of the
/// response.
///
/// ```
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE")]
/// enum Error {
///     #[api(status = 429)]
///     RateLimited {
///         #[api(header = "x-ratelimit-remaining")]
///         remaining: u32,
///         #[api(header = "x-ratelimit-reset")]
///         reset: Option<u64>,
///     },
/// }
///
/// let headers: Vec<String> = Error::RateLimited { remaining: 0, reset: Some(1_700_000_000) }
///     .headers()
///     .map(|(name, value)| format!("{name}: {value}"))
///     .collect();
/// assert_eq!(headers, ["x-ratelimit-remaining: 0", "x-ratelimit-reset: 1700000000"]);
/// assert_eq!(Error::RateLimited { remaining: 5, reset: None }.headers().count(), 1);
/// ```
#[derive(Clone)]
pub struct Headers<'a> {
    fixed: core::slice::Iter<'static, (&'static str, &'static str)>,
    fields: core::slice::Iter<'static, &'static str>,
    field: usize,
    source: Option<&'a dyn FieldHeaders>,
    retry_after: Option<RetryAfter>,
}

impl fmt::Debug for Headers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// An error whose fields give headers: generated code reads the field of each index.
#[doc(hidden)]
pub trait FieldHeaders {
    /// The text of the header field of this index, or `None` for no header.
    fn field_header(&self, index: usize) -> Option<&dyn fmt::Display>;
}

impl<'a> Headers<'a> {
    /// No headers.
    ///
    /// ```
    /// use api_error_core::Headers;
    ///
    /// assert_eq!(Headers::none().count(), 0);
    /// ```
    pub fn none() -> Self {
        Headers {
            fixed: [].iter(),
            fields: [].iter(),
            field: 0,
            source: None,
            retry_after: None,
        }
    }

    #[doc(hidden)]
    pub fn from_parts(
        fixed: &'static [(&'static str, &'static str)],
        retry_after: Option<RetryAfter>,
    ) -> Self {
        Headers {
            fixed: fixed.iter(),
            retry_after,
            ..Headers::none()
        }
    }

    /// The headers of `source`'s fields of these names, after the static ones.
    #[doc(hidden)]
    #[must_use]
    pub fn with_fields(
        mut self,
        names: &'static [&'static str],
        source: &'a dyn FieldHeaders,
    ) -> Self {
        self.fields = names.iter();
        self.source = Some(source);
        self
    }
}

impl<'a> Iterator for Headers<'a> {
    type Item = (&'static str, HeaderValue<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(&(name, value)) = self.fixed.next() {
            return Some((name, HeaderValue::Static(value)));
        }
        for &name in self.fields.by_ref() {
            let index = self.field;
            self.field += 1;
            if let Some(text) = self.source.and_then(|source| source.field_header(index)) {
                return Some((name, HeaderValue::Text(text)));
            }
        }
        self.retry_after
            .take()
            .map(|retry_after| ("retry-after", HeaderValue::RetryAfter(retry_after)))
    }
}

/// The value of one header from [`Headers`]; `Display` writes it as it goes on the wire.
///
/// ```
/// use api_error_core::{HeaderValue, RetryAfter};
///
/// assert_eq!(HeaderValue::Static("no-store").to_string(), "no-store");
/// assert_eq!(HeaderValue::RetryAfter(RetryAfter::Seconds(5)).to_string(), "5");
/// assert_eq!(HeaderValue::Text(&42).to_string(), "42");
/// ```
#[derive(Clone, Copy)]
pub enum HeaderValue<'a> {
    /// A value fixed at compile time (already checked to be a valid header value).
    Static(&'static str),
    /// A Retry-After value taken from the error.
    RetryAfter(RetryAfter),
    /// The `Display` text of a field marked `#[api(header = "name")]`.
    Text(&'a dyn fmt::Display),
}

impl fmt::Display for HeaderValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderValue::Static(value) => f.write_str(value),
            HeaderValue::RetryAfter(retry_after) => fmt::Display::fmt(retry_after, f),
            HeaderValue::Text(text) => fmt::Display::fmt(text, f),
        }
    }
}

impl fmt::Debug for HeaderValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), f)
    }
}

impl PartialEq for HeaderValue<'_> {
    /// Values are equal when their texts are.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (HeaderValue::Static(a), HeaderValue::Static(b)) => a == b,
            (HeaderValue::RetryAfter(a), HeaderValue::RetryAfter(b)) => a == b,
            _ => self.to_string() == other.to_string(),
        }
    }
}

/// A response header an error declares, as documentation knows it before any value of the
/// error exists: its name, its value when the declaration fixes it, and whether every
/// response of the error carries it. [`Descriptor::headers`](crate::Descriptor::headers)
/// lists them; the OpenAPI responses declare them.
///
/// ```
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE")]
/// enum Error {
///     #[api(status = 503, retry_after = 120)]
///     Maintenance,
///     #[api(status = 429)]
///     RateLimited {
///         #[api(retry_after)]
///         wait_seconds: Option<u64>,
///     },
/// }
///
/// let fixed = Error::CATALOG.get("MAINTENANCE").unwrap().headers()[0];
/// assert_eq!((fixed.name(), fixed.value(), fixed.is_required()), ("retry-after", Some("120"), true));
/// let from_field = Error::CATALOG.get("RATE_LIMITED").unwrap().headers()[0];
/// assert_eq!((from_field.name(), from_field.value(), from_field.is_required()), ("retry-after", None, false));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DeclaredHeader {
    name: &'static str,
    value: Option<&'static str>,
    required: bool,
}

impl DeclaredHeader {
    /// A header of this fixed value: `header("name", "value")`, `www_authenticate = ...`,
    /// `retry_after = seconds`.
    #[doc(hidden)]
    pub const fn fixed(name: &'static str, value: &'static str) -> Self {
        DeclaredHeader {
            name,
            value: Some(value),
            required: true,
        }
    }

    /// A header whose value a field gives: `#[api(header = "name")]`, `#[api(retry_after)]`;
    /// `optional` for a field that is an `Option`.
    #[doc(hidden)]
    pub const fn field(name: &'static str, optional: bool) -> Self {
        DeclaredHeader {
            name,
            value: None,
            required: !optional,
        }
    }

    /// The header's name, in lowercase.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(code = "GONE", status = 410, header("Cache-Control", "no-store"))]
    /// struct Gone;
    /// assert_eq!(Gone::CATALOG.descriptors()[0].headers()[0].name(), "cache-control");
    /// ```
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The value, when the declaration fixes it; `None` when a field of the error gives it.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(code = "GONE", status = 410, header("cache-control", "no-store"))]
    /// struct Gone;
    /// assert_eq!(Gone::CATALOG.descriptors()[0].headers()[0].value(), Some("no-store"));
    /// ```
    pub const fn value(&self) -> Option<&'static str> {
        self.value
    }

    /// Whether every response of the error carries the header (OpenAPI's `required`): `false`
    /// when an `Option` field gives it.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(code = "GONE", status = 410, header("cache-control", "no-store"))]
    /// struct Gone;
    /// assert!(Gone::CATALOG.descriptors()[0].headers()[0].is_required());
    /// ```
    pub const fn is_required(&self) -> bool {
        self.required
    }
}

/// When a client may retry: a delay in seconds or a date (RFC 9110, section 10.2.3).
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use api_error_core::RetryAfter;
///
/// assert_eq!(RetryAfter::Seconds(120).to_string(), "120");
/// let date = UNIX_EPOCH + Duration::from_secs(784_111_777);
/// assert_eq!(RetryAfter::Date(date).to_string(), "Sun, 06 Nov 1994 08:49:37 GMT");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAfter {
    /// Retry after this many seconds.
    Seconds(u64),
    /// Retry after this date, written as an HTTP date.
    Date(SystemTime),
}

impl fmt::Display for RetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            RetryAfter::Seconds(seconds) => fmt::Display::fmt(&seconds, f),
            RetryAfter::Date(date) => fmt::Display::fmt(&httpdate::HttpDate::from(date), f),
        }
    }
}

/// A field type that can give a Retry-After value: whole seconds as an unsigned integer, a
/// `Duration` (rounded up to whole seconds), a `SystemTime`, or an `Option` of one.
///
/// Mark the field with `#[api(retry_after)]`.
///
/// ```
/// use std::time::Duration;
/// use api_error_core::{IntoRetryAfter, RetryAfter};
///
/// assert_eq!(30u32.retry_after(), Some(RetryAfter::Seconds(30)));
/// assert_eq!(Duration::from_millis(1500).retry_after(), Some(RetryAfter::Seconds(2)));
/// assert_eq!(None::<u64>.retry_after(), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a Retry-After value",
    label = "a retry_after field holds whole seconds (an unsigned integer or a `Duration`), a `SystemTime`, or an `Option` of one"
)]
pub trait IntoRetryAfter {
    /// The value, or `None` for no header.
    fn retry_after(&self) -> Option<RetryAfter>;
}

macro_rules! seconds {
    ($($int:ty)*) => {$(
        impl IntoRetryAfter for $int {
            fn retry_after(&self) -> Option<RetryAfter> {
                u64::try_from(*self).ok().map(RetryAfter::Seconds)
            }
        }
    )*};
}

seconds!(u8 u16 u32 u64 usize);

impl IntoRetryAfter for Duration {
    fn retry_after(&self) -> Option<RetryAfter> {
        let whole = self.as_secs();
        let seconds = if self.subsec_nanos() > 0 {
            whole.saturating_add(1)
        } else {
            whole
        };
        Some(RetryAfter::Seconds(seconds))
    }
}

impl IntoRetryAfter for SystemTime {
    fn retry_after(&self) -> Option<RetryAfter> {
        Some(RetryAfter::Date(*self))
    }
}

impl<T: IntoRetryAfter> IntoRetryAfter for Option<T> {
    fn retry_after(&self) -> Option<RetryAfter> {
        self.as_ref().and_then(IntoRetryAfter::retry_after)
    }
}

impl<T: IntoRetryAfter + ?Sized> IntoRetryAfter for &T {
    fn retry_after(&self) -> Option<RetryAfter> {
        (**self).retry_after()
    }
}
