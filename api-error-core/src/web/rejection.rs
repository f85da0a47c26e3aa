//! Requests a web framework refused before any handler ran, on their way into the service's
//! own error type.

use core::fmt;

use http::StatusCode;

use crate::{FieldError, FieldErrors};

/// A request the framework refused on its own: a body that is not JSON, a missing query
/// parameter, a path segment of the wrong type, a wrong content type.
///
/// Frameworks answer these with plain text. The variant marked `#[api(rejection)]` is built
/// from the rejection instead, so clients get the service's own envelope; its one field (if
/// it has one) is converted with `From<Rejection>`, which `String` and [`FieldErrors`]
/// implement.
///
/// ```
/// use api_error_core::{ApiError, FieldErrors, Rejection};
/// use http::StatusCode;
///
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE")]
/// enum Error {
///     #[api(status = 400, message = "Request validation failed.", rejection)]
///     ValidationFailed {
///         #[api(details)]
///         fields: FieldErrors,
///     },
/// }
///
/// let rejection = Rejection::new(StatusCode::UNPROCESSABLE_ENTITY, "missing field `petId`");
/// let error = Error::from_rejection(rejection).unwrap();
/// assert_eq!(error.code(), "VALIDATION_FAILED");
/// assert_eq!(error.status(), StatusCode::BAD_REQUEST);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    status: StatusCode,
    message: String,
}

impl Rejection {
    /// The field name under which [`FieldErrors`] carries a rejection's text: a rejection is
    /// about the request as a whole.
    pub const FIELD: &'static str = "request";

    /// A rejection with the framework's status and its text for the client.
    ///
    /// ```
    /// use api_error_core::Rejection;
    /// use http::StatusCode;
    ///
    /// let rejection = Rejection::new(StatusCode::BAD_REQUEST, "expected value at line 1");
    /// assert_eq!(rejection.status(), StatusCode::BAD_REQUEST);
    /// assert_eq!(rejection.message(), "expected value at line 1");
    /// ```
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Rejection {
            status,
            message: message.into(),
        }
    }

    /// The status the framework chose. The response carries the rejection variant's own
    /// status, as the catalog documents it; this one is for logs and for fields that want it.
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The framework's explanation, such as `Failed to parse the request body as JSON`.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<Rejection> for String {
    /// The framework's explanation.
    ///
    /// ```
    /// use api_error_core::Rejection;
    /// use http::StatusCode;
    ///
    /// let text = String::from(Rejection::new(StatusCode::BAD_REQUEST, "bad query"));
    /// assert_eq!(text, "bad query");
    /// ```
    fn from(rejection: Rejection) -> Self {
        rejection.message
    }
}

impl From<Rejection> for FieldErrors {
    /// One field error, under [`Rejection::FIELD`], with the framework's explanation.
    ///
    /// ```
    /// use api_error_core::{FieldErrors, Rejection};
    /// use http::StatusCode;
    ///
    /// let fields = FieldErrors::from(Rejection::new(StatusCode::BAD_REQUEST, "bad query"));
    /// let only = fields.iter().next().unwrap();
    /// assert_eq!((only.field(), only.message()), ("request", "bad query"));
    /// ```
    fn from(rejection: Rejection) -> Self {
        FieldErrors::from(vec![FieldError::new(Rejection::FIELD, rejection.message)])
    }
}
