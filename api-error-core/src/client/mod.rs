//! The callers' side of the contract: error responses read back with the same declaration
//! that writes them, and the retry advice and policy a client loop follows.
//!
//! [`ErrorResponse::<E>::decode`](ErrorResponse::decode) reads a response (status, headers,
//! body) in `E`'s envelope, which it reads backwards: no code of the caller's, for every
//! built-in envelope and every declared [`Shape`](crate::Shape). Each error of the body comes
//! back with its code, the catalog's [`Descriptor`](crate::Descriptor) for it (name, status,
//! category, retry advice, causes, solutions), its message, its details (field errors read
//! from the envelope's own form of them, other details as JSON or any `Deserialize` type),
//! and the body's request id, timestamp and instance; the response's Retry-After header
//! comes with them. A code the catalog does not know (a newer server) is kept as it is, and a
//! body that is not in the envelope (a proxy's HTML 502, an empty 404) says so, with the
//! status.
//!
//! How each part of a shape is read back:
//!
//! | in the shape | read back as |
//! |---|---|
//! | `Code`, `TypeUri(base)`, `Name` | the code, and the catalog's descriptor of it |
//! | `Attr(..)`, `Status`, `StatusText`, `Title`, `Category` (and a fixed message) | where the shape has no code: the one error of the catalog they fit |
//! | `Message` | [`ReceivedError::message`] |
//! | `Details` | [`ReceivedError::field_errors`] from the shape's details form, every form; [`ReceivedError::details_as`] any `Deserialize` type |
//! | `Members`, `Member(key)`, members written in an object's place | [`ReceivedError::members`], [`ReceivedError::member_as`] |
//! | `Inner` | [`ReceivedError::cause`], read the same way |
//! | per-field list items (`Field`, `FieldPointer`, `FieldMessage`, `FieldCode`, `FieldLocation`) | the field errors of their error |
//! | `RequestId`, `Timestamp`, `Instance` | [`ErrorResponse::context`] |
//! | a list of errors, or an array of bodies | every error, in order |
//! | a shape without a body | the error of the status, when one error has it |
//! | constants, `IsClientError`, `IsServerError` | nothing: the same for every error |
//!
//! **Typed errors.** [`ReceivedError::to_error`] (and [`ErrorResponse::to_error`]) give the
//! value of the derived type itself when each field of its variant comes back: unit
//! variants; fields that are the details; fields that are members of the envelope; fields
//! the message's template names as `{field}` (read with `FromStr`, and kept only when the
//! value writes the same message again). A variant with any other field (one only its
//! `Display` text, a header or the Retry-After shows, an inner error, a type that cannot be
//! read) gives `None`, and the descriptor view is what the client has. The derive writes the
//! code that rebuilds each variant only with the `client` feature, so a crate that never
//! calls `to_error` does not compile it.
//!
//! [`RetryAdvice`](crate::RetryAdvice) says what to do about a response, from the catalog's
//! advice for its code, its status and its Retry-After; [`RetryPolicy`] turns that into the
//! next step of a loop: wait (exponential backoff with jitter, never less than Retry-After),
//! re-authenticate, or stop.
//!
//! ```
//! use api_error_core::client::{ErrorResponse, RetryPolicy, RetryStep};
//! use api_error_core::{ApiError, FieldError, FieldErrors, RequestContext};
//!
//! #[derive(Debug, ApiError)]
//! #[api(envelope = "incident")]
//! enum IncidentError {
//!     #[api(code = "VALIDATION_ERROR", status = 422, message = "Validation failed",
//!           retryable = "after fixing request")]
//!     Validation {
//!         #[api(details)]
//!         fields: FieldErrors,
//!     },
//!     #[api(code = "SERVICE_UNAVAILABLE", status = 503, retryable = "yes, with backoff")]
//!     ServiceUnavailable,
//! }
//!
//! // What the server sent, and what the client reads back.
//! let fields = FieldErrors::from([FieldError::new("email", "Invalid email format").code("invalid_format")]);
//! let sent = IncidentError::Validation { fields }.to_response(&RequestContext::new());
//! let received = ErrorResponse::<IncidentError>::from_response(&sent);
//! assert_eq!(received.code().unwrap(), "VALIDATION_ERROR");
//! for field in received.field_errors().unwrap() {
//!     assert_eq!((field.field(), field.message()), ("email", "Invalid email format"));
//! }
//!
//! // A loop's next step after a 503.
//! let sent = IncidentError::ServiceUnavailable.to_response(&RequestContext::new());
//! let received = ErrorResponse::<IncidentError>::from_response(&sent);
//! let mut retries = RetryPolicy::new().retries();
//! assert!(matches!(retries.next(received.retry_advice()), RetryStep::Wait(_)));
//! ```

mod fields;
mod policy;
pub(crate) mod read;
#[cfg(feature = "client")]
#[doc(hidden)]
pub mod rebuild;
mod received;
#[cfg(feature = "reqwest")]
mod reqwest;
mod response;
mod retry_after;

#[cfg(feature = "reqwest")]
pub use self::reqwest::ResponseExt;
pub use policy::{Retries, RetryPolicy, RetryStep};
pub use received::{Received, ReceivedCode, ReceivedContext, ReceivedError};
pub use response::{ErrorBody, ErrorResponse, ForeignBody};
