//! Envelopes: the JSON shape an API wraps its errors in.
//!
//! A [`Shape`] is data: the members of the body's root object, each a [`Member`] naming where
//! its [`Value`] comes from. Values come from the error (code, message, status, name, title,
//! type URI, category, status class), from attributes the variants declare
//! (`#[api(attr(doc_url = "..."))]`), from fields marked as members (`#[api(member)]`), from
//! the details, from an inner error, from the request context, or are constants. Lists write
//! one item per error or per field error; objects nest.
//!
//! Each value has a presence rule. When a value is absent, its member is left out, or written
//! as `null` ([`Member::null_if_absent`]), or written with another value ([`Member::or`]):
//!
//! | value | absent when | absent writes |
//! |---|---|---|
//! | `Code`, `Name`, `Status`, `StatusText`, `Title`, `TypeUri(base)`, `IsClientError`, `IsServerError`, `Constant(..)` | never | - |
//! | `Message` | never (the enum's default message or the reason phrase stand in); with `.when_declared()`, when the variant declares no message | the member's rule |
//! | `Category` | the variant declares none | the member's rule |
//! | `Attr(name)` | the variant and the enum declare no such attribute (a compile error when the member is `.required()`) | the member's rule |
//! | `Details` | no details field, `None`, empty field errors, or field errors already written as per-field items | the member's rule |
//! | `Members` | the variant has no member fields, or all are `None` | flattened: nothing; under a name: the member's rule |
//! | `Member(key)` | the variant has no member `key`, or it is `None` | the member's rule |
//! | `Inner` | no inner error, or `None` | the member's rule |
//! | `RequestId`, `Timestamp`, `Instance` | the request context lacks it | the member's rule |
//! | `Field`, `FieldPointer(base)`, `FieldMessage` | outside a per-field item (in the list's item written when there are no field errors) | the member's rule |
//! | `FieldCode`, `FieldLocation` | as `Field`, and when the field error has none | the member's rule |
//! | `Object(..)` | every member is absent | the member's rule |
//! | `List(..)` | never; an item whose members are all absent is left out (`[]`) | - |
//!
//! "The member's rule" is: nothing (the default), `null` with `.null_if_absent()`, or the
//! value given to `.or(..)` when that one is present.
//!
//! A shape that cannot be written as declared fails the build: [`Shape::new`] checks it in
//! `const` evaluation, and the derive checks each enum against its shape (a variant's details,
//! members or inner error with nowhere to go, a required attribute a variant lacks).

#[doc(hidden)]
pub mod builtin;
pub(crate) mod check;
mod errors;
mod escape;
#[cfg(test)]
mod escape_differential;
pub(crate) mod fields;
pub(crate) mod json;
mod member;
mod path;
mod plan;
mod schema;
mod source;
mod value;

use core::fmt;

use crate::client::Received;
use crate::{ApiError, Catalog, DetailsForm, RequestContext};

pub use errors::ApiErrors;
pub use member::{Absent, Member};
#[doc(hidden)]
pub use plan::{PlanCell, Plans};
#[doc(hidden)]
pub use source::{InnerError, MemberValue};
pub use value::{Constant, Value};

/// Writes an error's response body.
///
/// [`Shape`] is the declarative implementation every built-in envelope uses; implement this
/// trait directly for a body no shape can describe. An enum picks a shape with
/// `#[api(envelope = ...)]`, and any other envelope with `#[api(custom_envelope = ...)]`.
///
/// ```
/// use api_error_core::{ApiError, BodyError, Envelope, RequestContext};
///
/// /// Writes `CODE: message` as a JSON string, for a legacy client.
/// struct Legacy;
///
/// impl Envelope for Legacy {
///     fn content_type(&self) -> &'static str {
///         "application/json"
///     }
///
///     fn write<E: ApiError + ?Sized>(
///         &self,
///         error: &E,
///         _context: &RequestContext<'_>,
///         out: &mut Vec<u8>,
///     ) -> Result<(), BodyError> {
///         let text = format!("{}: {}", error.code(), error.message());
///         serde_json::to_writer(out, &text).map_err(BodyError::from)
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(custom_envelope = Legacy)]
/// enum Error {
///     #[api(code = "GONE", status = 410, message = "it \"left\"")]
///     Gone,
/// }
///
/// assert_eq!(Error::Gone.to_json_string(&RequestContext::new()), r#""GONE: it \"left\"""#);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an envelope",
    label = "`custom_envelope` names a value whose type implements `Envelope`"
)]
pub trait Envelope {
    /// The response's content type, such as `application/json`.
    fn content_type(&self) -> &'static str;

    /// Appends the body for `error` to `out`.
    ///
    /// # Errors
    ///
    /// When part of the body (an error's details) could not be serialized. Implementations
    /// must still leave a complete, valid body in `out`.
    fn write<E: ApiError + ?Sized>(
        &self,
        error: &E,
        context: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), BodyError>;

    /// The JSON Schema (2020-12) of the bodies this envelope writes for `catalog`'s errors, for
    /// OpenAPI documents; `None` when the envelope cannot describe them (the default).
    fn schema(&self, catalog: &Catalog) -> Option<serde_json::Value> {
        let _ = catalog;
        None
    }

    /// The envelope as a [`Shape`], when it is one: what documentation that reads a shape
    /// (the TypeScript export) works from. `None` by default.
    fn shape(&self) -> Option<Shape> {
        None
    }

    /// Reads a body this envelope wrote for one of `catalog`'s errors back into its errors;
    /// `None` when the body is not in the envelope, or the envelope cannot read bodies (the
    /// default). See [`client`](crate::client).
    fn read(&self, catalog: &Catalog, body: &[u8]) -> Option<Received> {
        let _ = (catalog, body);
        None
    }

    /// Not public API: what generated code calls, with a place per variant of the type where
    /// an envelope can keep what it prepares once for every body of that variant.
    #[doc(hidden)]
    fn write_prepared<E: ApiError + ?Sized>(
        &self,
        prepared: &[PlanCell],
        error: &E,
        context: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), BodyError> {
        let _ = prepared;
        self.write(error, context, out)
    }

    /// Not public API: the body of several errors, for [`ApiErrors`]; by default a JSON array
    /// of each error's own body.
    #[doc(hidden)]
    fn write_list<E: ApiError>(
        &self,
        prepared: &[PlanCell],
        errors: &[E],
        context: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), BodyError> {
        let mut result = Ok(());
        out.push(b'[');
        for (index, error) in errors.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            let written = self.write_prepared(prepared, error, context, out);
            if result.is_ok() {
                result = written;
            }
        }
        out.push(b']');
        result
    }
}

/// Part of a body could not be serialized; the body that was written is still complete and valid.
///
/// ```
/// use api_error_core::BodyError;
///
/// let failure: serde_json::Error = serde_json::from_str::<u8>("x").unwrap_err();
/// let error = BodyError::from(failure);
/// assert!(error.to_string().starts_with("error body: "));
/// ```
#[derive(Debug)]
pub struct BodyError {
    source: serde_json::Error,
}

impl BodyError {
    pub(crate) fn into_inner(self) -> serde_json::Error {
        self.source
    }
}

impl From<serde_json::Error> for BodyError {
    fn from(source: serde_json::Error) -> Self {
        BodyError { source }
    }
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error body: {}", self.source)
    }
}

impl std::error::Error for BodyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// A declared envelope: the members of the body's root object, in order.
///
/// Declare one as a `const` and name it in `#[api(envelope = path::TO_IT)]`; any number of
/// enums can share it. [`Shape::new`] checks the shape in `const` evaluation, and the derive
/// checks each enum against it, so a shape that cannot be written as declared fails the
/// build. A derived type compiles its shape for each variant, the first time it writes a body
/// of that variant: the member names, the constants, the punctuation and the variant's own
/// code, status, attributes and fixed message become runs of bytes, escaped once, that every
/// later body copies whole, with only the values that change (an interpolated message,
/// details, members, the request context) written between them.
///
/// ```
/// use api_error_core::envelope::{Constant, Member, Shape, Value};
/// use api_error_core::{ApiError, DetailsForm, RequestContext};
///
/// /// `{"ok":false,"status":"404","error":{"kind":..,"text":..},"meta":{"trace":..}}`
/// pub const MY_SHAPE: Shape = Shape::new(&[
///     Member::new("ok", Value::Constant(Constant::Bool(false))),
///     Member::new("status", Value::StatusText),
///     Member::new(
///         "error",
///         Value::Object(&[
///             Member::new("kind", Value::Code),
///             Member::new("text", Value::Message),
///             Member::new("fields", Value::Details).null_if_absent(),
///         ]),
///     ),
///     Member::new("meta", Value::Object(&[Member::new("trace", Value::RequestId)])),
/// ])
/// .details_form(DetailsForm::MessagesByField);
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = MY_SHAPE, code_case = "snake_case")]
/// enum Error {
///     #[api(status = 404, message = "no such thing")]
///     NotFound,
/// }
///
/// let context = RequestContext::new().request_id("t-1");
/// assert_eq!(
///     Error::NotFound.to_json_string(&context),
///     r#"{"ok":false,"status":"404","error":{"kind":"not_found","text":"no such thing","fields":null},"meta":{"trace":"t-1"}}"#
/// );
/// // Without a request id, `meta` has no member left, and is left out itself.
/// assert_eq!(
///     Error::NotFound.to_json_string(&RequestContext::new()),
///     r#"{"ok":false,"status":"404","error":{"kind":"not_found","text":"no such thing","fields":null}}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    members: &'static [Member],
    details: DetailsForm,
    content_type: &'static str,
    body: bool,
}

impl Shape {
    /// A shape whose root object has these members, served as `application/json`, writing
    /// field errors as a [`DetailsForm::List`].
    ///
    /// # Panics
    ///
    /// In `const` evaluation, so at compile time for a `const` shape, when the shape breaks
    /// one of its rules (see the [module](self)): an empty object or list, a field value
    /// outside a list, two members of one name, a modifier on a value it does not apply to.
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Shape, Value};
    ///
    /// const FLAT: Shape = Shape::new(&[Member::new("code", Value::Code)]);
    /// assert_eq!(FLAT.members().len(), 1);
    /// ```
    pub const fn new(members: &'static [Member]) -> Self {
        check::shape(members, DetailsForm::List);
        Shape {
            members,
            details: DetailsForm::List,
            content_type: "application/json",
            body: true,
        }
    }

    /// A shape of responses without a body: the error is in the status and the headers
    /// alone, and the response has no content type.
    ///
    /// ```
    /// use api_error_core::envelope::Shape;
    /// use api_error_core::{ApiError, RequestContext};
    ///
    /// const NONE: Shape = Shape::no_body();
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = NONE)]
    /// enum Error {
    ///     #[api(code = "RATE_LIMITED", status = 429, header("x-ratelimit-remaining", "0"))]
    ///     RateLimited,
    /// }
    ///
    /// let response = Error::RateLimited.to_response(&RequestContext::new());
    /// assert_eq!(response.status(), 429);
    /// assert!(response.body().is_empty());
    /// assert!(response.headers().get("content-type").is_none());
    /// assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
    /// ```
    pub const fn no_body() -> Self {
        Shape {
            members: &[],
            details: DetailsForm::List,
            content_type: "",
            body: false,
        }
    }

    /// How [`FieldErrors`](crate::FieldErrors) details are written.
    ///
    /// # Panics
    ///
    /// In `const` evaluation, when the form breaks a rule: an item without members, or a
    /// value that is not a field value, a constant or an object of them.
    ///
    /// ```
    /// use api_error_core::DetailsForm;
    /// use api_error_core::envelope::{Member, Shape, Value};
    ///
    /// const SHAPE: Shape = Shape::new(&[Member::new("details", Value::Details)])
    ///     .details_form(DetailsForm::ObjectByField);
    /// assert_eq!(SHAPE.details(), DetailsForm::ObjectByField);
    /// ```
    #[must_use]
    pub const fn details_form(mut self, form: DetailsForm) -> Self {
        check::shape(&[], form);
        self.details = form;
        self
    }

    /// Serves the body with another content type.
    ///
    /// ```
    /// use api_error_core::Envelope;
    /// use api_error_core::envelope::{Member, Shape, Value};
    ///
    /// const SHAPE: Shape = Shape::new(&[Member::new("code", Value::Code)])
    ///     .content_type("application/vnd.api+json");
    /// assert_eq!(Envelope::content_type(&SHAPE), "application/vnd.api+json");
    /// ```
    #[must_use]
    pub const fn content_type(mut self, content_type: &'static str) -> Self {
        self.content_type = content_type;
        self
    }

    /// The root object's members, in order.
    ///
    /// ```
    /// use api_error_core::envelopes::INCIDENT;
    ///
    /// let names: Vec<&str> = INCIDENT.members().iter().map(|m| m.name()).collect();
    /// assert_eq!(names, ["code", "message", "details", "request_id"]);
    /// ```
    pub const fn members(&self) -> &'static [Member] {
        self.members
    }

    /// How field errors are written.
    ///
    /// ```
    /// use api_error_core::DetailsForm;
    /// use api_error_core::envelopes::PETNOW;
    ///
    /// assert_eq!(PETNOW.details(), DetailsForm::MessagesByField);
    /// ```
    pub const fn details(&self) -> DetailsForm {
        self.details
    }

    /// Whether responses have a body; `false` for [`Shape::no_body`].
    ///
    /// ```
    /// use api_error_core::envelope::Shape;
    /// use api_error_core::envelopes::PROBLEM;
    ///
    /// assert!(PROBLEM.has_body());
    /// assert!(!Shape::no_body().has_body());
    /// ```
    pub const fn has_body(&self) -> bool {
        self.body
    }
}

impl Envelope for Shape {
    fn content_type(&self) -> &'static str {
        self.content_type
    }

    fn write<E: ApiError + ?Sized>(
        &self,
        error: &E,
        context: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), BodyError> {
        let descriptor = error.descriptor();
        json::write_plan(&plan::Plan::new(self, descriptor), error, context, out)
    }

    /// Compiles the shape for each variant once, the first time: its fixed bytes, code,
    /// status and fixed message become runs of bytes, and the values between them steps.
    fn write_prepared<E: ApiError + ?Sized>(
        &self,
        prepared: &[PlanCell],
        error: &E,
        context: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), BodyError> {
        // Generated code passes the plans of `E` itself, one per place of its catalog's tree,
        // and the error says which is its own.
        let descriptor = error.descriptor();
        match prepared.get(error.place()) {
            Some(cell) => json::write_plan(cell.plan(self, descriptor), error, context, out),
            None => self.write(error, context, out),
        }
    }

    fn write_list<E: ApiError>(
        &self,
        prepared: &[PlanCell],
        errors: &[E],
        context: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), BodyError> {
        errors::write(self, prepared, errors, context, out)
    }

    /// The bodies' JSON Schema; `None` for a shape without a body.
    fn schema(&self, catalog: &Catalog) -> Option<serde_json::Value> {
        schema::of_shape(self, catalog)
    }

    fn shape(&self) -> Option<Shape> {
        Some(*self)
    }

    /// Reads the shape backwards; see [`client`](crate::client).
    fn read(&self, catalog: &Catalog, body: &[u8]) -> Option<Received> {
        crate::client::read::read(self, catalog, body)
    }
}
