//! Envelopes: the JSON shape an API wraps its errors in.

#[doc(hidden)]
pub mod builtin;
mod escape;
pub(crate) mod json;
mod plan;
mod schema;

use core::fmt;

use crate::client::Received;
use crate::{ApiError, Catalog, DetailsForm, RequestContext};

#[doc(hidden)]
pub use plan::{PlanCell, Plans};

/// Writes an error's response body.
///
/// [`Shape`] is the declarative implementation every built-in envelope uses; implement this
/// trait directly for a body no shape can describe. An enum picks its envelope with
/// `#[api(envelope = ...)]`.
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
/// #[api(envelope = Legacy)]
/// enum Error {
///     #[api(code = "GONE", status = 410, message = "it \"left\"")]
///     Gone,
/// }
///
/// assert_eq!(Error::Gone.to_json_string(&RequestContext::new()), r#""GONE: it \"left\"""#);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an envelope",
    label = "name a built-in envelope, a `Shape` constant, or a value whose type implements `Envelope`"
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
/// enums can share it. A derived type compiles its shape for each variant, the first time it
/// writes a body of that variant: the member names, the constants, the punctuation and the
/// variant's own code, status and fixed message become runs of bytes, escaped once, that every
/// later body copies whole, with only the values that change (an interpolated message,
/// details, the request context) written between them.
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
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    members: &'static [Member],
    details: DetailsForm,
    content_type: &'static str,
}

impl Shape {
    /// A shape whose root object has these members, served as `application/json`, writing
    /// field errors as a [`DetailsForm::List`].
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Shape, Value};
    ///
    /// const FLAT: Shape = Shape::new(&[Member::new("code", Value::Code)]);
    /// assert_eq!(FLAT.members().len(), 1);
    /// ```
    pub const fn new(members: &'static [Member]) -> Self {
        Shape {
            members,
            details: DetailsForm::List,
            content_type: "application/json",
        }
    }

    /// How [`FieldErrors`](crate::FieldErrors) details are written.
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

    fn schema(&self, catalog: &Catalog) -> Option<serde_json::Value> {
        Some(schema::of_shape(self, catalog))
    }

    fn shape(&self) -> Option<Shape> {
        Some(*self)
    }

    /// Reads the shape backwards; see [`client`](crate::client).
    fn read(&self, catalog: &Catalog, body: &[u8]) -> Option<Received> {
        crate::client::read::read(self, catalog, body).ok()
    }
}

/// One member of an object in a [`Shape`]: its name, what it holds, and what happens when that
/// is absent.
///
/// ```
/// use api_error_core::envelope::{Absent, Member, Value};
///
/// let member = Member::new("request_id", Value::RequestId);
/// assert_eq!(member.name(), "request_id");
/// assert_eq!(member.absent(), Absent::Omit);
/// assert_eq!(member.null_if_absent().absent(), Absent::Null);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    name: &'static str,
    value: Value,
    absent: Absent,
}

impl Member {
    /// A member named `name` holding `value`; omitted from the body when the value is absent.
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Value};
    ///
    /// let member = Member::new("errorCode", Value::Code);
    /// assert_eq!(member.value(), Value::Code);
    /// ```
    pub const fn new(name: &'static str, value: Value) -> Self {
        Member {
            name,
            value,
            absent: Absent::Omit,
        }
    }

    /// Writes `null` instead of leaving the member out when its value is absent.
    ///
    /// ```
    /// use api_error_core::envelope::{Absent, Member, Value};
    ///
    /// assert_eq!(Member::new("details", Value::Details).null_if_absent().absent(), Absent::Null);
    /// ```
    #[must_use]
    pub const fn null_if_absent(mut self) -> Self {
        self.absent = Absent::Null;
        self
    }

    /// The member's name.
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Value};
    ///
    /// assert_eq!(Member::new("code", Value::Code).name(), "code");
    /// ```
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// What the member holds.
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Value};
    ///
    /// assert_eq!(Member::new("message", Value::Message).value(), Value::Message);
    /// ```
    pub const fn value(&self) -> Value {
        self.value
    }

    /// What happens when the value is absent.
    ///
    /// ```
    /// use api_error_core::envelope::{Absent, Member, Value};
    ///
    /// assert_eq!(Member::new("timestamp", Value::Timestamp).absent(), Absent::Omit);
    /// ```
    pub const fn absent(&self) -> Absent {
        self.absent
    }
}

/// What a [`Member`] does when its value is absent: no details, no request id, ...
///
/// ```
/// use api_error_core::envelope::Absent;
///
/// assert_ne!(Absent::Omit, Absent::Null);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Absent {
    /// The member is left out.
    Omit,
    /// The member is written with `null`.
    Null,
}

/// What a [`Member`] holds.
///
/// ```
/// use api_error_core::envelope::{Constant, Value};
///
/// let flag = Value::Constant(Constant::Bool(false));
/// assert_ne!(flag, Value::Code);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Value {
    /// The error code, as a string or a number.
    Code,
    /// The public message.
    Message,
    /// The documented name, such as `"NoSuchPetException"`.
    Name,
    /// The category, absent when the error has none.
    Category,
    /// The HTTP status as a number: `404`.
    Status,
    /// The HTTP status as a string: `"404"`.
    StatusText,
    /// The status's reason phrase: `"Not Found"` (RFC 9457's `title` for `about:blank`).
    Title,
    /// A URI naming the problem type: the given base followed by the code.
    TypeUri(&'static str),
    /// The variant's details, absent when it has none (or an empty list of field errors).
    Details,
    /// The request id from the [`RequestContext`].
    RequestId,
    /// The timestamp from the [`RequestContext`].
    Timestamp,
    /// The instance from the [`RequestContext`].
    Instance,
    /// In a list of per-field items: the field's name. A list whose items hold this value
    /// repeats its item once per field error, and the details are not written again.
    Field,
    /// In a list of per-field items: where the field was (`"parameter"`), when known.
    FieldLocation,
    /// A fixed value.
    Constant(Constant),
    /// A nested object with these members.
    Object(&'static [Member]),
    /// A list holding one object with these members (or one per field error, see
    /// [`Value::Field`]).
    List(&'static [Member]),
}

/// A fixed JSON value in a [`Shape`].
///
/// ```
/// use api_error_core::envelope::Constant;
///
/// assert_eq!(Constant::Str("v1"), Constant::Str("v1"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Constant {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Int(i64),
    /// A string.
    Str(&'static str),
}
