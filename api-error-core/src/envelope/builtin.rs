//! The built-in envelopes: RFC 9457 problem details, and the shapes of five public APIs.
//!
//! Pick one with `#[api(envelope = "name")]`, using the name given on each constant.
//! Without `envelope`, an enum uses [`PROBLEM`].

use crate::DetailsForm;
use crate::envelope::{Constant, Member, Shape, Value};

/// RFC 9457 problem details, served as `application/problem+json`. Name: `"problem"`.
///
/// `{"type":"about:blank","title":"Not Found","status":404,"detail":"...","instance":"...","code":"...","errors":[...]}`:
/// the public message is the `detail`, the code and the details are extension members, and
/// field errors are `{"detail", "pointer"}` objects whose pointer is the field's path
/// (`#/profile/color`). The variant's member fields (`#[api(member)]`) are extension members
/// too, after the others.
///
/// ```
/// use api_error_core::{ApiError, FieldError, FieldErrors, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "problem", code_case = "SCREAMING_SNAKE_CASE")]
/// enum Error {
///     #[api(status = 422, message = "Your request is not valid.")]
///     ValidationError {
///         #[api(details)]
///         fields: FieldErrors,
///     },
/// }
///
/// let error = Error::ValidationError {
///     fields: FieldErrors::from([FieldError::new("age", "must be a positive integer")]),
/// };
/// assert_eq!(error.content_type(), "application/problem+json");
/// assert_eq!(
///     error.to_json_string(&RequestContext::new().instance("/account/12345")),
///     r##"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"Your request is not valid.","instance":"/account/12345","code":"VALIDATION_ERROR","errors":[{"detail":"must be a positive integer","pointer":"#/age"}]}"##
/// );
/// ```
pub const PROBLEM: Shape = Shape::new(&[
    Member::new("type", Value::Constant(Constant::Str("about:blank"))),
    Member::new("title", Value::Title),
    Member::new("status", Value::Status),
    Member::new("detail", Value::Message),
    Member::new("instance", Value::Instance),
    Member::new("code", Value::Code),
    Member::new("errors", Value::Details),
    Member::flatten(Value::Members),
])
.details_form(DetailsForm::Problem)
.content_type("application/problem+json");

/// A list of errors with a code and, for validation, details by field. Name: `"petnow"`.
///
/// `{"errors":[{"code":"PETNOWB2B10001","details":{"petId":["This field is required."]}}]}`
///
/// ```
/// use api_error_core::{ApiError, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "petnow")]
/// enum Error {
///     #[api(code = "PETNOWB2B20000", status = 404)]
///     NoSuchPet,
/// }
///
/// assert_eq!(
///     Error::NoSuchPet.to_json_string(&RequestContext::new()),
///     r#"{"errors":[{"code":"PETNOWB2B20000"}]}"#
/// );
/// ```
pub const PETNOW: Shape = Shape::new(&[Member::new(
    "errors",
    Value::List(&[
        Member::new("code", Value::Code),
        Member::new("details", Value::Details),
    ]),
)])
.details_form(DetailsForm::MessagesByField);

/// A list of errors with an integer `errorCode` and a `message`; field errors become one item
/// each, naming the field in `subject` and its location in `subjectType`. Name:
/// `"tennis_registry"`.
///
/// `{"errors":[{"errorCode":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"}]}`
///
/// ```
/// use api_error_core::{ApiError, FieldError, FieldErrors, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "tennis_registry", status = 400)]
/// enum Error {
///     #[api(code = 5000, message = "validation error")]
///     Validation {
///         #[api(details)]
///         fields: FieldErrors,
///     },
/// }
///
/// let error = Error::Validation {
///     fields: FieldErrors::from([FieldError::new("firstName", "required").location("parameter")]),
/// };
/// assert_eq!(
///     error.to_json_string(&RequestContext::new()),
///     r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"}]}"#
/// );
/// ```
pub const TENNIS_REGISTRY: Shape = Shape::new(&[Member::new(
    "errors",
    Value::List(&[
        Member::new("errorCode", Value::Code),
        Member::new("message", Value::Message),
        Member::new("subject", Value::Field),
        Member::new("subjectType", Value::FieldLocation),
        Member::new("details", Value::Details),
    ]),
)]);

/// A flat object with `error_code`, `error_message` and `details`, which is `null` when there
/// are none. Name: `"oz"`.
///
/// `{"error_code":0,"error_message":"Unknown server side error occurred","details":null}`
///
/// ```
/// use api_error_core::{ApiError, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "oz")]
/// enum Error {
///     #[api(code = 0, status = 500, message = "Unknown server side error occurred")]
///     Unknown,
/// }
///
/// assert_eq!(
///     Error::Unknown.to_json_string(&RequestContext::new()),
///     r#"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#
/// );
/// ```
pub const OZ: Shape = Shape::new(&[
    Member::new("error_code", Value::Code),
    Member::new("error_message", Value::Message),
    Member::new("details", Value::Details).null_if_absent(),
]);

/// `success: false`, the error in an object, and the request id and timestamp beside it; field
/// errors are a `[{"field","message"}]` list. Name: `"face"`.
///
/// `{"success":false,"error":{"code":"FACE_NOT_FOUND","message":"..."},"request_id":"req_01j8...","timestamp":"2024-01-15T11:22:33Z"}`
///
/// ```
/// use api_error_core::{ApiError, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "face")]
/// enum Error {
///     #[api(code = "FACE_NOT_FOUND", status = 404,
///           message = "No face found with the given ID in this collection.")]
///     FaceNotFound,
/// }
///
/// let context = RequestContext::new().request_id("req_01j8").timestamp("2024-01-15T11:22:33Z");
/// assert_eq!(
///     Error::FaceNotFound.to_json_string(&context),
///     r#"{"success":false,"error":{"code":"FACE_NOT_FOUND","message":"No face found with the given ID in this collection."},"request_id":"req_01j8","timestamp":"2024-01-15T11:22:33Z"}"#
/// );
/// ```
pub const FACE: Shape = Shape::new(&[
    Member::new("success", Value::Constant(Constant::Bool(false))),
    Member::new(
        "error",
        Value::Object(&[
            Member::new("code", Value::Code),
            Member::new("message", Value::Message),
            Member::new("details", Value::Details),
        ]),
    ),
    Member::new("request_id", Value::RequestId),
    Member::new("timestamp", Value::Timestamp),
]);

/// A flat object with `code`, `message`, optional `details` (field errors as
/// `{field: {code, message}}`) and an optional `request_id`. Name: `"incident"`.
///
/// `{"code":"VALIDATION_ERROR","message":"Validation failed","details":{"name":{"code":"required","message":"Name is required"}}}`
///
/// ```
/// use api_error_core::{ApiError, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "incident")]
/// enum Error {
///     #[api(code = "RATE_LIMIT_EXCEEDED", status = 429, message = "Rate limit exceeded")]
///     RateLimitExceeded,
/// }
///
/// assert_eq!(
///     Error::RateLimitExceeded.to_json_string(&RequestContext::new()),
///     r#"{"code":"RATE_LIMIT_EXCEEDED","message":"Rate limit exceeded"}"#
/// );
/// ```
pub const INCIDENT: Shape = Shape::new(&[
    Member::new("code", Value::Code),
    Member::new("message", Value::Message),
    Member::new("details", Value::Details),
    Member::new("request_id", Value::RequestId),
])
.details_form(DetailsForm::ObjectByField);

/// No body: the error is in the status and the headers alone, and the response has no
/// content type. Name: `"none"`.
///
/// ```
/// use api_error_core::{ApiError, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "none")]
/// enum Error {
///     #[api(code = "NOT_MODIFIED", status = 412, header("etag", "\"v7\""))]
///     PreconditionFailed,
/// }
///
/// let response = Error::PreconditionFailed.to_response(&RequestContext::new());
/// assert_eq!(response.status(), 412);
/// assert!(response.body().is_empty());
/// assert_eq!(response.headers()["etag"], "\"v7\"");
/// ```
pub const NO_BODY: Shape = Shape::no_body();

/// Not public API: each built-in shape as a `static`, which derived types point at.
///
/// A `const` is evaluated in every crate that uses it: each crate deriving a type in a
/// built-in shape would run `Shape::new`'s checks again in `const` evaluation. A `static` is
/// evaluated once, here, and the `const` evaluation of a derived type's checks reads it.
#[doc(hidden)]
pub mod statics {
    use super::Shape;

    /// [`PROBLEM`](super::PROBLEM).
    pub static PROBLEM: Shape = super::PROBLEM;
    /// [`PETNOW`](super::PETNOW).
    pub static PETNOW: Shape = super::PETNOW;
    /// [`TENNIS_REGISTRY`](super::TENNIS_REGISTRY).
    pub static TENNIS_REGISTRY: Shape = super::TENNIS_REGISTRY;
    /// [`OZ`](super::OZ).
    pub static OZ: Shape = super::OZ;
    /// [`FACE`](super::FACE).
    pub static FACE: Shape = super::FACE;
    /// [`INCIDENT`](super::INCIDENT).
    pub static INCIDENT: Shape = super::INCIDENT;
    /// [`NO_BODY`](super::NO_BODY).
    pub static NO_BODY: Shape = super::NO_BODY;
}
