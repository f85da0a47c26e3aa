//! The trait every derived error type implements.

use core::fmt;

use http::StatusCode;

use crate::envelope::{InnerError, MemberValue};
use crate::{
    BodyError, Catalog, Code, Descriptor, Details, Envelope, Headers, Message, Rejection,
    RequestContext,
};

/// An error type whose every value knows its HTTP status, stable code and public message.
///
/// Implement it with `#[derive(ApiError)]`: the derive writes each method as a single `match`
/// over the variants, with no allocation, and builds [`CATALOG`](Self::CATALOG) from the same
/// declaration.
///
/// The public message is separate from `Display`, so the same enum can derive
/// `thiserror::Error` with internal text for logs while clients only ever see the message
/// declared here.
///
/// ```
/// use api_error_core::{ApiError, Code};
/// use http::StatusCode;
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE")]
/// enum FaceError {
///     #[error("face {face_id} missing from collection {collection}")]
///     #[api(status = 404, message = "No face found with the given ID in this collection.")]
///     FaceNotFound { face_id: String, collection: String },
///     #[error("database failure: {0}")]
///     #[api(status = 500)]
///     Database(String),
/// }
///
/// let missing = FaceError::FaceNotFound { face_id: "f_1".into(), collection: "c_1".into() };
/// assert_eq!(missing.status(), StatusCode::NOT_FOUND);
/// assert_eq!(missing.code(), Code::Str("FACE_NOT_FOUND"));
/// assert_eq!(missing.message().to_string(), "No face found with the given ID in this collection.");
/// assert_eq!(missing.to_string(), "face f_1 missing from collection c_1");
///
/// // A 5xx variant without a declared message shows a generic text, never its Display text.
/// let failed = FaceError::Database("password=hunter2".into());
/// assert_eq!(failed.message().to_string(), "Internal Server Error");
/// ```
///
/// # Transparent variants: one contract from many enums
///
/// A service keeps its errors in one enum per module and wraps them in its handlers' error.
/// A variant marked `#[api(transparent)]` has one field, whose type implements `ApiError`, and
/// is that error in everything but the envelope: its status, code, name, public message,
/// details, headers and descriptor are the wrapped error's, and its body is written in the
/// outer type's envelope, whose shape the API's clients know. It sits beside thiserror's
/// `#[error(transparent)]` and `#[from]`, so `?` wraps a module's error.
///
/// ```
/// use api_error_core::{ApiError, RequestContext};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api(envelope = "face", prefix = "SHOP_AUTH_", code_case = "SCREAMING_SNAKE_CASE")]
/// pub enum AuthError {
///     #[error("token expired")]
///     #[api(status = 401, message = "Token expired.", www_authenticate = "Bearer")]
///     TokenExpired,
/// }
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api(envelope = "incident", prefix = "SHOP_", code_case = "SCREAMING_SNAKE_CASE")]
/// pub enum HandlerError {
///     #[error("no route")]
///     #[api(status = 404)]
///     NotFound,
///     #[error(transparent)]
///     #[api(transparent)]
///     Auth(#[from] AuthError),
/// }
///
/// fn check_token() -> Result<(), HandlerError> {
///     Err(AuthError::TokenExpired)?
/// }
///
/// let error = check_token().unwrap_err();
/// assert_eq!(error.status(), 401);
/// assert_eq!(error.code(), "SHOP_AUTH_TOKEN_EXPIRED");
/// assert_eq!(error.headers().next().map(|(name, _)| name), Some("www-authenticate"));
/// // The handler's envelope, not the auth module's.
/// assert_eq!(
///     error.to_json_string(&RequestContext::new()),
///     r#"{"code":"SHOP_AUTH_TOKEN_EXPIRED","message":"Token expired."}"#
/// );
/// // The handler's catalog includes the wrapped one: docs and lookups see every error.
/// assert!(HandlerError::CATALOG.get("SHOP_AUTH_TOKEN_EXPIRED").is_some());
/// assert_eq!(HandlerError::CATALOG.len(), 2);
/// ```
///
/// A transparent variant declares nothing the wrapped error says (no `code`, `status`,
/// `message`, ...), and the enum's defaults (status, message, headers) are for its own
/// variants only. The wrapped type may be a type parameter (`Inner(E)`), which then gets the
/// bound `E: ApiError`. Such a type keeps no plans for the errors of `E`, since a `static`
/// cannot depend on `E` (nor for those of its later transparent variants): it compiles the
/// shape for each of their bodies. A type that wraps an instance of it (`Inner(Wrapped<E>)`
/// in a type without parameters) keeps plans for all of them.
///
/// The codes the wrapped catalog brings are checked at compile time, in `const` evaluation,
/// at no cost at run time: a code used twice anywhere in the outer type's catalog (directly
/// or through transparent variants, at any depth), a code that does not start with the outer
/// type's `prefix`, and a mix of string and integer codes fail the build, with a message that
/// names both errors and their types, at the transparent variant. A type reached through two
/// paths (the same name, and errors of the same codes, variants, names and statuses) is the
/// same errors, listed once. The check walks the tree once, through a hash table, so trees of
/// thousands of errors stay within rustc's limits on `const` evaluation; it holds up to
/// 24,576 errors. For a type with parameters the check runs for each instance, when its
/// catalog is compiled.
///
/// ```compile_fail,E0080
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 401)]
/// pub enum AuthError {
///     #[api(code = "EXPIRED")]
///     TokenExpired,
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 400)]
/// pub enum HandlerError {
///     #[api(code = "EXPIRED")]
///     LinkExpired,
///     // error: duplicate code `EXPIRED`: `AuthError::TokenExpired` (through transparent
///     // variant `HandlerError::Auth`) and `HandlerError::LinkExpired` both use it
///     #[api(transparent)]
///     Auth(AuthError),
/// }
/// ```
pub trait ApiError {
    /// Every error this type can produce, for documentation and lookup by code.
    const CATALOG: Catalog;

    /// The static facts about this value's variant.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = 3001, status = 404, name = "entity not found")]
    ///     EntityNotFound,
    /// }
    /// assert_eq!(Error::EntityNotFound.descriptor().name(), "entity not found");
    /// ```
    fn descriptor(&self) -> &'static Descriptor;

    /// Not public API: where the plan of this value's error is kept among its type's plans.
    ///
    /// The places of a type are its own descriptors, in catalog order, then, for each catalog
    /// nested in its catalog, as many places as that catalog's tree has descriptors
    /// ([`Catalog::places`]). The derive writes this method for types with transparent
    /// variants: such a variant's place is the wrapped error's place after the places of
    /// everything before it. `usize::MAX`, or any place the plans do not have, means no plan
    /// is kept: the body is written from a plan compiled for it. An impl that forwards
    /// [`descriptor`](Self::descriptor) to another type forwards this method too.
    #[doc(hidden)]
    #[inline]
    fn place(&self) -> usize {
        self.descriptor().index()
    }

    /// Writes the public message into `out`: a `String`, a [`fmt::Formatter`], or any other
    /// [`fmt::Write`]. Its values are formatted straight into `out`, with no `String` between.
    ///
    /// Prefer [`message`](Self::message), which also knows when the message is static.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = 3001, status = 404, message = "entity {0} not found")]
    ///     EntityNotFound(u32),
    /// }
    /// let mut out = String::from("error: ");
    /// Error::EntityNotFound(9).write_message(&mut out).unwrap();
    /// assert_eq!(out, "error: entity 9 not found");
    /// ```
    fn write_message<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result;

    /// The public message when it has no interpolated values, so it can be written without
    /// formatting machinery.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = 3001, status = 404, message = "entity not found")]
    ///     EntityNotFound,
    ///     #[api(code = 3002, status = 409, message = "entity {0} already exists")]
    ///     EntityExists(u32),
    /// }
    /// assert_eq!(Error::EntityNotFound.static_message(), Some("entity not found"));
    /// assert_eq!(Error::EntityExists(1).static_message(), None);
    /// ```
    fn static_message(&self) -> Option<&'static str> {
        crate::__private::fixed_message(self.descriptor())
    }

    /// The HTTP status of this error.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// # use http::StatusCode;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = "RATE_LIMIT_EXCEEDED", status = TOO_MANY_REQUESTS)]
    ///     RateLimited,
    /// }
    /// assert_eq!(Error::RateLimited.status(), StatusCode::TOO_MANY_REQUESTS);
    /// ```
    fn status(&self) -> StatusCode {
        self.descriptor().status()
    }

    /// The stable code of this error.
    ///
    /// ```
    /// # use api_error_core::{ApiError, Code};
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = 4003, status = 401)]
    ///     TokenInvalid,
    /// }
    /// assert_eq!(Error::TokenInvalid.code(), Code::Int(4003));
    /// ```
    fn code(&self) -> Code {
        self.descriptor().code()
    }

    /// The documented name of this error.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = "E", status = 401, name = "InvalidApiKeyException")]
    ///     InvalidApiKey,
    /// }
    /// assert_eq!(Error::InvalidApiKey.name(), "InvalidApiKeyException");
    /// ```
    fn name(&self) -> &'static str {
        self.descriptor().name()
    }

    /// The public, client-facing message of this value.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = 3001, status = 404, message = "entity {id} not found")]
    ///     EntityNotFound { id: u64 },
    /// }
    /// assert_eq!(Error::EntityNotFound { id: 4 }.message().to_string(), "entity 4 not found");
    /// ```
    fn message(&self) -> Message<'_, Self> {
        Message::new(self)
    }

    /// The value of the field marked `#[api(details)]`, if the variant has one.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "snake_case", status = 409)]
    /// enum Error {
    ///     Conflict {
    ///         #[api(details)]
    ///         existing: Vec<u32>,
    ///     },
    ///     Gone,
    /// }
    /// assert!(Error::Conflict { existing: vec![7] }.details().is_some());
    /// assert!(Error::Gone.details().is_none());
    /// ```
    fn details(&self) -> Option<&dyn Details> {
        None
    }

    /// The response headers this error adds: its static headers, `www-authenticate`, and
    /// `retry-after`.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "SCREAMING_SNAKE_CASE")]
    /// enum Error {
    ///     #[api(status = 429)]
    ///     RateLimited {
    ///         #[api(retry_after)]
    ///         seconds: u32,
    ///     },
    /// }
    /// let headers: Vec<_> = Error::RateLimited { seconds: 9 }
    ///     .headers()
    ///     .map(|(name, value)| format!("{name}: {value}"))
    ///     .collect();
    /// assert_eq!(headers, ["retry-after: 9"]);
    /// ```
    fn headers(&self) -> Headers<'_> {
        Headers::none()
    }

    /// Not public API: the variant's member field of this index (in the order of
    /// [`Descriptor::members`]), as the envelope writes it.
    #[doc(hidden)]
    fn member_value(&self, index: usize) -> Option<&dyn MemberValue> {
        let _ = index;
        None
    }

    /// Not public API: the variant's inner error (`#[api(inner)]`), if it has one.
    #[doc(hidden)]
    fn inner_error(&self) -> Option<&dyn InnerError> {
        None
    }

    /// Not public API: the body of several errors of this type; see
    /// [`ApiErrors`](crate::ApiErrors).
    #[doc(hidden)]
    fn write_errors(
        errors: &[Self],
        context: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), BodyError>
    where
        Self: Sized,
    {
        Envelope::write_list(Self::SHAPE, Self::plans(), errors, context, out)
    }

    /// One example value of every variant that can be built from example field values, in
    /// declaration order; see [`Example`](crate::Example). Documentation renders its bodies
    /// from these. Needs the `docs` feature.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "snake_case", status = 404)]
    /// enum Error {
    ///     #[api(message = "no pet {0}")]
    ///     NoSuchPet(u32),
    ///     Gone,
    /// }
    /// let examples = Error::examples();
    /// assert_eq!(examples.len(), 2);
    /// assert_eq!(examples[0].message().to_string(), "no pet 1");
    /// ```
    #[cfg(feature = "docs")]
    fn examples() -> Vec<Self>
    where
        Self: Sized,
    {
        let mut examples = crate::docs::example::Examples::new();
        Self::collect_examples(&mut examples);
        examples.into_catalog_order()
    }

    /// Not public API: appends the examples [`examples`](Self::examples) returns, in any order
    /// but with those of wrapped types in place.
    #[cfg(feature = "docs")]
    #[doc(hidden)]
    fn collect_examples(examples: &mut crate::docs::example::Examples<Self>)
    where
        Self: Sized,
    {
        let _ = examples;
    }

    /// Appends the body of the error `descriptor` describes, in this type's envelope, without
    /// a value of it: the message is the descriptor's template and there are no details.
    /// Documentation uses it for variants without an example value.
    ///
    /// ```
    /// # use api_error_core::{ApiError, RequestContext};
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE", status = 404)]
    /// enum Error {
    ///     #[api(message = "no pet {0:?}")]
    ///     NoSuchPet(std::fs::File),
    /// }
    /// let mut out = Vec::new();
    /// Error::write_descriptor_body(&Error::CATALOG.descriptors()[0], &RequestContext::new(), &mut out);
    /// assert_eq!(out, br#"{"code":"NO_SUCH_PET","message":"no pet {0:?}"}"#);
    /// ```
    #[doc(hidden)]
    fn write_descriptor_body(
        descriptor: &'static Descriptor,
        context: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) where
        Self: Sized,
    {
        let _ = Envelope::write(
            Self::SHAPE,
            &crate::docs::example::Described(descriptor),
            context,
            out,
        );
    }

    /// The content type of this type's bodies, without a value; see
    /// [`content_type`](Self::content_type).
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Never {}
    /// assert_eq!(Never::body_content_type(), "application/problem+json");
    /// ```
    #[doc(hidden)]
    fn body_content_type() -> &'static str
    where
        Self: Sized,
    {
        Envelope::content_type(Self::SHAPE)
    }

    /// The JSON Schema of this type's bodies, from its envelope, when the envelope can say.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE", status = 404)]
    /// enum Error { NotFound }
    /// let schema = Error::body_schema().unwrap();
    /// assert_eq!(schema["properties"]["code"]["enum"][0], "NOT_FOUND");
    /// assert_eq!(schema["required"], serde_json::json!(["code", "message"]));
    /// ```
    #[doc(hidden)]
    fn body_schema() -> Option<serde_json::Value>
    where
        Self: Sized,
    {
        Envelope::schema(Self::SHAPE, &Self::CATALOG)
    }

    /// Not public API: a value of this type rebuilt from an error read back, when its
    /// variant's fields all come back; see
    /// [`ReceivedError::to_error`](crate::client::ReceivedError::to_error).
    #[doc(hidden)]
    fn rebuild(received: &crate::client::ReceivedError) -> Option<Self>
    where
        Self: Sized,
    {
        let _ = received;
        None
    }

    /// Not public API: this type's envelope, when it is a [`Shape`](crate::Shape).
    #[doc(hidden)]
    fn body_shape() -> Option<crate::Shape>
    where
        Self: Sized,
    {
        Envelope::shape(Self::SHAPE)
    }

    /// Not public API: reads a body in this type's envelope, for
    /// [`ErrorResponse`](crate::client::ErrorResponse).
    #[doc(hidden)]
    fn read_body(body: &[u8]) -> Option<crate::client::Received>
    where
        Self: Sized,
    {
        Envelope::read(Self::SHAPE, &Self::CATALOG, body)
    }

    /// The content type of the body, from the type's envelope.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "face", code_case = "snake_case", status = 404)]
    /// enum Error { NotFound }
    /// assert_eq!(Error::NotFound.content_type(), "application/json");
    /// ```
    fn content_type(&self) -> &'static str {
        Envelope::content_type(Self::SHAPE)
    }

    /// Appends the body of this error, in the type's envelope, to `out`.
    ///
    /// # Errors
    ///
    /// When the details could not be serialized; `out` then holds the body with `null` in
    /// their place, still complete and valid.
    ///
    /// ```
    /// # use api_error_core::{ApiError, RequestContext};
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE", status = 404)]
    /// enum Error { NotFound }
    /// let mut out = Vec::new();
    /// Error::NotFound.write_body(&RequestContext::new(), &mut out).unwrap();
    /// assert_eq!(out, br#"{"code":"NOT_FOUND","message":"Not Found"}"#);
    /// ```
    fn write_body(&self, context: &RequestContext<'_>, out: &mut Vec<u8>) -> Result<(), BodyError> {
        Envelope::write_prepared(Self::SHAPE, Self::plans(), self, context, out)
    }

    /// The body of this error as JSON bytes.
    ///
    /// It is always complete and valid JSON: details that fail to serialize become `null`.
    ///
    /// ```
    /// # use api_error_core::{ApiError, RequestContext};
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "oz")]
    /// enum Error {
    ///     #[api(code = 10, status = 404, message = "the requested resource is not found")]
    ///     NotExist,
    /// }
    /// let body = Error::NotExist.to_json(&RequestContext::new());
    /// assert_eq!(body, br#"{"error_code":10,"error_message":"the requested resource is not found","details":null}"#);
    /// ```
    fn to_json(&self, context: &RequestContext<'_>) -> Vec<u8> {
        let mut out = Vec::with_capacity(128);
        // A failure is already replaced by `null` in the body; there is nothing more to do.
        let _ = self.write_body(context, &mut out);
        out
    }

    /// The body of this error as a JSON string.
    ///
    /// ```
    /// # use api_error_core::{ApiError, RequestContext};
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "petnow")]
    /// enum Error {
    ///     #[api(code = "PETNOWB2B10000", status = 401)]
    ///     InvalidApiKey,
    /// }
    /// assert_eq!(
    ///     Error::InvalidApiKey.to_json_string(&RequestContext::new()),
    ///     r#"{"errors":[{"code":"PETNOWB2B10000"}]}"#
    /// );
    /// ```
    fn to_json_string(&self, context: &RequestContext<'_>) -> String {
        // serde_json writes UTF-8 only, so the conversion cannot fail.
        String::from_utf8(self.to_json(context)).unwrap_or_default()
    }

    /// The whole HTTP response: the status, the envelope's content type, the
    /// [`headers`](Self::headers) and the body.
    ///
    /// When the body cannot be written (an error's details fail to serialize), the response
    /// is [`internal_response`](Self::internal_response) instead: a fixed, valid 500 body in
    /// the same envelope. The framework integrations (`axum`, `actix-web` features) answer
    /// with this response.
    ///
    /// ```
    /// # use api_error_core::{ApiError, RequestContext};
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]
    /// enum Error {
    ///     #[api(status = 429, message = "Rate limit exceeded.")]
    ///     RateLimitExceeded {
    ///         #[api(retry_after)]
    ///         seconds: u64,
    ///     },
    /// }
    /// let context = RequestContext::new().request_id("req_1");
    /// let response = Error::RateLimitExceeded { seconds: 30 }.to_response(&context);
    /// assert_eq!(response.status(), 429);
    /// assert_eq!(response.headers()["content-type"], "application/json");
    /// assert_eq!(response.headers()["retry-after"], "30");
    /// assert_eq!(
    ///     response.body(),
    ///     br#"{"success":false,"error":{"code":"RATE_LIMIT_EXCEEDED","message":"Rate limit exceeded."},"request_id":"req_1"}"#
    /// );
    /// ```
    fn to_response(&self, context: &RequestContext<'_>) -> http::Response<Vec<u8>>
    where
        Self: Sized,
    {
        crate::web::response::build(self, context)
    }

    /// The response that stands in when an error's own response cannot be written, a handler
    /// panics or a plain-text 500 comes from elsewhere: status 500, in this type's envelope,
    /// with the body of [`internal_descriptor`](Self::internal_descriptor), which says
    /// nothing of the cause.
    ///
    /// ```
    /// # use api_error_core::{ApiError, RequestContext};
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE", status = 404)]
    /// enum Error { NotFound }
    /// let response = Error::internal_response(&RequestContext::new());
    /// assert_eq!(response.status(), 500);
    /// assert_eq!(
    ///     response.body(),
    ///     br#"{"code":"INTERNAL_SERVER_ERROR","message":"Internal Server Error"}"#
    /// );
    /// ```
    fn internal_response(context: &RequestContext<'_>) -> http::Response<Vec<u8>>
    where
        Self: Sized,
    {
        crate::web::response::internal::<Self>(context)
    }

    /// The catalog's fixed 500: the variant marked `#[api(internal)]`, else the generic
    /// `INTERNAL_SERVER_ERROR` (`500` in a catalog of integer codes; see
    /// [`status_error`](crate::status_error)). A variant is never chosen for it by its
    /// status alone.
    ///
    /// The marked variant has status 500 and a fixed message (no placeholders, no `expose`),
    /// because its body is written without a value of it.
    ///
    /// ```
    /// # use api_error_core::{ApiError, Code};
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "SCREAMING_SNAKE_CASE")]
    /// enum Error {
    ///     #[api(status = 500, message = "The classifier failed.")]
    ///     ClassifierFailed,
    ///     #[api(status = 500, message = "Something went wrong on our side.", internal)]
    ///     Internal,
    /// }
    /// assert_eq!(Error::internal_descriptor().code(), Code::Str("INTERNAL"));
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "SCREAMING_SNAKE_CASE")]
    /// enum Unmarked {
    ///     #[api(status = 500, message = "The classifier failed.")]
    ///     ClassifierFailed,
    /// }
    /// assert_eq!(Unmarked::internal_descriptor().code(), Code::Str("INTERNAL_SERVER_ERROR"));
    /// ```
    fn internal_descriptor() -> &'static Descriptor
    where
        Self: Sized,
    {
        match Self::INTERNAL {
            Some(descriptor) => descriptor,
            None => crate::status_error::<Self>(StatusCode::INTERNAL_SERVER_ERROR),
        }
    }

    /// The variant marked `#[api(internal)]`, if one is.
    #[doc(hidden)]
    const INTERNAL: Option<&'static Descriptor> = None;

    /// Not public API: the shape of this type's bodies, in which the provided methods write,
    /// read and describe them (with the plans of [`plans`](Self::plans)). A derived type in a
    /// declared or built-in shape sets both; one with a custom envelope writes those methods
    /// itself.
    #[doc(hidden)]
    const SHAPE: &'static crate::Shape = &crate::envelope::builtin::statics::PROBLEM;

    /// Not public API: where [`SHAPE`](Self::SHAPE) keeps the plan of each variant's body (see
    /// [`Plans`](crate::envelope::Plans)), one per place of the catalog's tree; none by
    /// default, and each body is then written without one.
    #[doc(hidden)]
    fn plans() -> &'static [crate::envelope::PlanCell] {
        &[]
    }

    /// Appends the body of another error, in this type's envelope: the body of a generic
    /// status error, or of a rejection variant with the framework's status.
    #[doc(hidden)]
    fn write_body_of<F: ApiError + ?Sized>(
        error: &F,
        context: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), BodyError>
    where
        Self: Sized,
    {
        Envelope::write(Self::SHAPE, error, context, out)
    }

    /// The error a framework rejection becomes: the variant that takes the rejection's
    /// [kind](crate::RejectionKind), with its field (if it has one) converted from the
    /// rejection, or `None` when no variant takes it.
    ///
    /// See [`Rejection`] for an example.
    #[doc(hidden)]
    fn from_rejection(rejection: Rejection) -> Option<Self>
    where
        Self: Sized,
    {
        let _ = rejection;
        None
    }
}
