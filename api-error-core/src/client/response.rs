//! An error response read back: status, Retry-After, and the body in the envelope or not.

use core::fmt;
use core::marker::PhantomData;

use http::{HeaderMap, StatusCode};

use super::received::{Received, ReceivedCode, ReceivedContext, ReceivedError};
use crate::{ApiError, Descriptor, FieldErrors, RetryAdvice, RetryAfter};

/// How much of a body that is not in the envelope is kept, for logs.
const EXCERPT: usize = 1024;

/// An error response of an API whose errors are `E`, read back in `E`'s envelope: the
/// status, the Retry-After header, and the errors of the body with the catalog's descriptor
/// of each, or, for a body that is not in the envelope, what it was.
///
/// Made by [`decode`](Self::decode) or [`from_response`](Self::from_response) (or, with the `reqwest` feature, by
/// [`ResponseExt::api_result`](super::ResponseExt::api_result)). The methods without an
/// index answer for the body's first error, which is its only one in most envelopes.
///
/// ```
/// use api_error_core::client::{ErrorBody, ErrorResponse};
/// use api_error_core::{ApiError, RequestContext, RetryAdvice};
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]
/// enum FaceError {
///     #[api(status = 404, message = "No face found with the given ID in this collection.")]
///     FaceNotFound,
///     #[api(status = 429, retryable)]
///     RateLimitExceeded,
/// }
///
/// let sent = FaceError::FaceNotFound.to_response(&RequestContext::new().request_id("req_1"));
/// let received = ErrorResponse::<FaceError>::from_response(&sent);
/// assert_eq!(received.status(), 404);
/// assert_eq!(received.code().unwrap(), "FACE_NOT_FOUND");
/// assert_eq!(received.descriptor().unwrap().name(), "FaceNotFound");
/// assert_eq!(received.message(), Some("No face found with the given ID in this collection."));
/// assert_eq!(received.context().request_id(), Some("req_1"));
/// assert_eq!(received.retry_advice(), RetryAdvice::Never);
///
/// // A proxy's page instead of the envelope: the status says what there is to say.
/// let html = http::Response::builder()
///     .status(502)
///     .header("content-type", "text/html")
///     .body(b"<html><body>Bad Gateway</body></html>".to_vec())
///     .unwrap();
/// let received = ErrorResponse::<FaceError>::from_response(&html);
/// assert!(matches!(received.body(), ErrorBody::Foreign(_)));
/// assert!(received.code().is_none());
/// assert_eq!(received.retry_advice(), RetryAdvice::Retry { retry_after: None });
/// ```
pub struct ErrorResponse<E> {
    status: StatusCode,
    retry_after: Option<RetryAfter>,
    body: ErrorBody,
    errors: PhantomData<fn() -> E>,
}

/// The body of an error response: in the envelope, empty, or something else.
///
/// ```
/// use api_error_core::client::ErrorBody;
///
/// assert!(ErrorBody::Empty.errors().is_empty());
/// ```
#[derive(Clone, Debug)]
pub enum ErrorBody {
    /// In the envelope: its errors and request context.
    Errors(Received),
    /// No body at all.
    Empty,
    /// A body that is not in the envelope: a proxy's HTML page, another service's JSON.
    Foreign(ForeignBody),
}

impl ErrorBody {
    /// The errors, none unless the body is in the envelope.
    ///
    /// ```
    /// use api_error_core::client::ErrorBody;
    ///
    /// assert!(ErrorBody::Empty.errors().is_empty());
    /// ```
    pub fn errors(&self) -> &[ReceivedError] {
        match self {
            ErrorBody::Errors(received) => received.errors(),
            ErrorBody::Empty | ErrorBody::Foreign(_) => &[],
        }
    }
}

/// A body that is not in the envelope, kept for logs: its content type and its first
/// kilobyte as text.
///
/// ```
/// use api_error_core::client::{ErrorBody, ErrorResponse};
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE")]
/// enum Error {
///     #[api(status = 404)]
///     NotFound,
/// }
///
/// let received = ErrorResponse::<Error>::decode(
///     http::StatusCode::BAD_GATEWAY,
///     &http::HeaderMap::new(),
///     b"upstream connect error",
/// );
/// let ErrorBody::Foreign(body) = received.body() else { panic!() };
/// assert_eq!(body.excerpt(), "upstream connect error");
/// assert_eq!(body.len(), 22);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForeignBody {
    content_type: Option<String>,
    excerpt: String,
    len: usize,
}

impl ForeignBody {
    /// The response's content type, when it had one.
    ///
    /// ```
    /// # use api_error_core::client::{ErrorBody, ErrorResponse};
    /// # use api_error_core::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(code_case = "snake_case", status = 500)]
    /// # enum Error { Failed }
    /// let received = ErrorResponse::<Error>::decode(http::StatusCode::BAD_GATEWAY, &http::HeaderMap::new(), b"x");
    /// let ErrorBody::Foreign(body) = received.body() else { panic!() };
    /// assert_eq!(body.content_type(), None);
    /// ```
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The body's first kilobyte, as text (invalid UTF-8 replaced).
    ///
    /// ```
    /// # use api_error_core::client::{ErrorBody, ErrorResponse};
    /// # use api_error_core::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(code_case = "snake_case", status = 500)]
    /// # enum Error { Failed }
    /// let received = ErrorResponse::<Error>::decode(http::StatusCode::BAD_GATEWAY, &http::HeaderMap::new(), b"\xffok");
    /// let ErrorBody::Foreign(body) = received.body() else { panic!() };
    /// assert_eq!(body.excerpt(), "\u{fffd}ok");
    /// ```
    pub fn excerpt(&self) -> &str {
        &self.excerpt
    }

    /// The body's length in bytes.
    ///
    /// ```
    /// # use api_error_core::client::{ErrorBody, ErrorResponse};
    /// # use api_error_core::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(code_case = "snake_case", status = 500)]
    /// # enum Error { Failed }
    /// let received = ErrorResponse::<Error>::decode(http::StatusCode::BAD_GATEWAY, &http::HeaderMap::new(), b"abc");
    /// let ErrorBody::Foreign(body) = received.body() else { panic!() };
    /// assert_eq!(body.len(), 3);
    /// assert!(!body.is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the body had no bytes (never, for a foreign body).
    ///
    /// ```
    /// # use api_error_core::client::{ErrorBody, ErrorResponse};
    /// # use api_error_core::ApiError;
    /// # #[derive(Debug, ApiError)]
    /// # #[api(code_case = "snake_case", status = 500)]
    /// # enum Error { Failed }
    /// let received = ErrorResponse::<Error>::decode(http::StatusCode::BAD_GATEWAY, &http::HeaderMap::new(), b"{}");
    /// let ErrorBody::Foreign(body) = received.body() else { panic!() };
    /// assert!(!body.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl<E: ApiError> ErrorResponse<E> {
    /// Reads a response with this status, these headers and this body.
    ///
    /// ```
    /// use api_error_core::client::ErrorResponse;
    /// use api_error_core::{ApiError, RetryAfter};
    /// use http::{HeaderMap, HeaderValue, StatusCode};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "incident")]
    /// enum IncidentError {
    ///     #[api(code = "RATE_LIMIT_EXCEEDED", status = 429, retryable = "yes, with backoff")]
    ///     RateLimitExceeded,
    /// }
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert("retry-after", HeaderValue::from_static("30"));
    /// let body = br#"{"code":"RATE_LIMIT_EXCEEDED","message":"Rate limit exceeded"}"#;
    /// let received = ErrorResponse::<IncidentError>::decode(StatusCode::TOO_MANY_REQUESTS, &headers, body);
    /// assert_eq!(received.code().unwrap(), "RATE_LIMIT_EXCEEDED");
    /// assert_eq!(received.retry_after(), Some(RetryAfter::Seconds(30)));
    /// ```
    pub fn decode(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        ErrorResponse {
            status,
            retry_after: RetryAfter::from_headers(headers),
            body: if body.iter().all(u8::is_ascii_whitespace) {
                match E::body_shape() {
                    // An envelope without a body: the status is the error, when one error has it.
                    Some(shape) if !shape.has_body() => by_status::<E>(status),
                    _ => ErrorBody::Empty,
                }
            } else {
                match E::read_body(body) {
                    Some(mut received) => {
                        known_generics::<E>(status, &mut received);
                        ErrorBody::Errors(received)
                    }
                    None => ErrorBody::Foreign(foreign(headers, body)),
                }
            },
            errors: PhantomData,
        }
    }

    /// Reads an `http::Response` whose body is bytes.
    ///
    /// ```
    /// use api_error_core::client::ErrorResponse;
    /// use api_error_core::{ApiError, RequestContext};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "oz")]
    /// enum OzError {
    ///     #[api(code = 10, status = 404, message = "the requested resource is not found")]
    ///     NotExist,
    /// }
    ///
    /// let sent = OzError::NotExist.to_response(&RequestContext::new());
    /// let received = ErrorResponse::<OzError>::from_response(&sent);
    /// assert_eq!(received.code().unwrap(), &10);
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> Self {
        Self::decode(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )
    }
}

impl<E> ErrorResponse<E> {
    /// The response's status.
    ///
    /// See [`ErrorResponse`] for an example.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The Retry-After header, when the response had one that could be read.
    ///
    /// See [`decode`](Self::decode) for an example.
    pub fn retry_after(&self) -> Option<RetryAfter> {
        self.retry_after
    }

    /// The body: in the envelope, empty, or foreign.
    ///
    /// See [`ErrorResponse`] for an example.
    pub fn body(&self) -> &ErrorBody {
        &self.body
    }

    /// Every error of the body, in its order; none when the body is not in the envelope.
    ///
    /// See [`ErrorResponse`] for an example.
    pub fn errors(&self) -> &[ReceivedError] {
        self.body.errors()
    }

    /// The body's first error.
    ///
    /// See [`ErrorResponse`] for an example.
    pub fn error(&self) -> Option<&ReceivedError> {
        self.errors().first()
    }

    /// The first error's code.
    ///
    /// See [`ErrorResponse`] for an example.
    pub fn code(&self) -> Option<&ReceivedCode> {
        self.error().map(ReceivedError::code)
    }

    /// The catalog's descriptor of the first error's code.
    ///
    /// See [`ErrorResponse`] for an example.
    pub fn descriptor(&self) -> Option<&'static Descriptor> {
        self.error().and_then(ReceivedError::descriptor)
    }

    /// The first error's message; see [`ReceivedError::message`].
    ///
    /// See [`ErrorResponse`] for an example.
    pub fn message(&self) -> Option<&str> {
        self.error().and_then(ReceivedError::message)
    }

    /// The first error's field errors.
    ///
    /// See [`ErrorResponse`] for an example.
    pub fn field_errors(&self) -> Option<&FieldErrors> {
        self.error().and_then(ReceivedError::field_errors)
    }

    /// The request context the body carried (empty for a body not in the envelope).
    ///
    /// See [`ErrorResponse`] for an example.
    pub fn context(&self) -> &ReceivedContext {
        const NONE: &ReceivedContext = &ReceivedContext {
            request_id: None,
            timestamp: None,
            instance: None,
        };
        match &self.body {
            ErrorBody::Errors(received) => received.context(),
            ErrorBody::Empty | ErrorBody::Foreign(_) => NONE,
        }
    }

    /// The first error as a value of `E`, when its variant can be rebuilt; see
    /// [`ReceivedError::to_error`].
    ///
    /// ```
    /// use api_error_core::client::ErrorResponse;
    /// use api_error_core::{ApiError, RequestContext};
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api(envelope = "petnow")]
    /// enum PetnowError {
    ///     #[api(code = "PETNOWB2B20000", status = 404, name = "NoSuchPetException")]
    ///     NoSuchPet,
    /// }
    ///
    /// let sent = PetnowError::NoSuchPet.to_response(&RequestContext::new());
    /// let received = ErrorResponse::<PetnowError>::from_response(&sent);
    /// assert_eq!(received.to_error(), Some(PetnowError::NoSuchPet));
    /// ```
    ///
    /// Needs the `client` feature.
    #[cfg(feature = "client")]
    pub fn to_error(&self) -> Option<E>
    where
        E: ApiError,
    {
        self.error().and_then(ReceivedError::to_error)
    }

    /// What to do about this response: the catalog's advice for the first error's code,
    /// else the status's, with the Retry-After delay from now.
    ///
    /// See [`ErrorResponse`] for an example.
    pub fn retry_advice(&self) -> RetryAdvice {
        RetryAdvice::for_response(
            self.descriptor(),
            self.status,
            self.retry_after.map(|retry_after| retry_after.delay()),
        )
    }
}

/// The one error of `E`'s catalog with this status, as a body of one error; empty when no
/// error or several have it.
fn by_status<E: ApiError>(status: StatusCode) -> ErrorBody {
    let mut errors = E::CATALOG.iter().filter(|error| error.status() == status);
    match (errors.next(), errors.next()) {
        (Some(only), None) => {
            let mut error = ReceivedError::new(ReceivedCode::from(only.code()));
            error.descriptor = Some(only);
            ErrorBody::Errors(Received::new(vec![error]))
        }
        _ => ErrorBody::Empty,
    }
}

/// Gives the errors whose code the catalog does not declare, but which is the code of the
/// generic error of the response's status (what the HTTP edge answers an unknown route or a
/// wrong method with, see [`edge_errors`](crate::edge_errors)), that generic error's
/// descriptor.
fn known_generics<E: ApiError>(status: StatusCode, received: &mut Received) {
    let unknown = |error: &ReceivedError| error.descriptor.is_none();
    if !(status.is_client_error() || status.is_server_error())
        || !received.errors.iter().any(unknown)
    {
        return;
    }
    let generic = crate::status_error::<E>(status);
    for error in &mut received.errors {
        if error.descriptor.is_none() && error.code.is(generic.code()) {
            error.descriptor = Some(generic);
        }
    }
}

fn foreign(headers: &HeaderMap, body: &[u8]) -> ForeignBody {
    let kept = body.get(..EXCERPT).unwrap_or(body);
    ForeignBody {
        content_type: headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned),
        excerpt: String::from_utf8_lossy(kept).into_owned(),
        len: body.len(),
    }
}

impl<E> Clone for ErrorResponse<E> {
    fn clone(&self) -> Self {
        ErrorResponse {
            status: self.status,
            retry_after: self.retry_after,
            body: self.body.clone(),
            errors: PhantomData,
        }
    }
}

impl<E> fmt::Debug for ErrorResponse<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorResponse")
            .field("status", &self.status)
            .field("retry_after", &self.retry_after)
            .field("body", &self.body)
            .finish()
    }
}

impl<E> fmt::Display for ErrorResponse<E> {
    /// `404 Not Found: PETNOWB2B20000 (NoSuchPetException)`, one error after another, or
    /// what the body was when it was not in the envelope.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status)?;
        match &self.body {
            ErrorBody::Errors(received) => {
                for (index, error) in received.errors().iter().enumerate() {
                    f.write_str(if index == 0 { ": " } else { "; " })?;
                    write!(f, "{error}")?;
                }
                Ok(())
            }
            ErrorBody::Empty => f.write_str(", without a body"),
            ErrorBody::Foreign(body) => write!(
                f,
                ", with a body not in the envelope ({})",
                body.content_type().unwrap_or("no content type")
            ),
        }
    }
}

impl<E> std::error::Error for ErrorResponse<E> {}
