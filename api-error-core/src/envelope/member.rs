//! One member of an object in a shape, and what it does when its value is absent.

use super::Value;

/// One member of an object in a [`Shape`](super::Shape): its name, what it holds, and what happens when that
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Member {
    pub(super) name: &'static str,
    pub(super) value: Value,
    pub(super) absent: Absent,
    pub(super) fallback: Option<Value>,
    pub(super) required: bool,
    pub(super) when_declared: bool,
    pub(super) flatten: bool,
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
            fallback: None,
            required: false,
            when_declared: false,
            flatten: false,
        }
    }

    /// The variant's member fields, each under its own key, written here among the other
    /// members of the object rather than under a name of their own: RFC 9457's extension
    /// members. `value` is [`Value::Members`].
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Shape, Value};
    /// use api_error_core::{ApiError, RequestContext};
    ///
    /// const SHAPE: Shape = Shape::new(&[
    ///     Member::new("code", Value::Code),
    ///     Member::flatten(Value::Members),
    /// ]);
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = SHAPE, code_case = "snake_case")]
    /// enum Error {
    ///     #[api(status = 429)]
    ///     RateLimited {
    ///         #[api(member)]
    ///         limit: u32,
    ///         #[api(member = "retryAfter")]
    ///         retry_after: Option<u32>,
    ///     },
    /// }
    ///
    /// let error = Error::RateLimited { limit: 100, retry_after: Some(30) };
    /// assert_eq!(
    ///     error.to_json_string(&RequestContext::new()),
    ///     r#"{"code":"rate_limited","limit":100,"retryAfter":30}"#
    /// );
    /// let error = Error::RateLimited { limit: 100, retry_after: None };
    /// assert_eq!(error.to_json_string(&RequestContext::new()), r#"{"code":"rate_limited","limit":100}"#);
    /// ```
    pub const fn flatten(value: Value) -> Self {
        let mut member = Member::new("", value);
        member.flatten = true;
        member
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

    /// Writes `value` when the member's own value is absent: the details, or else the
    /// message; an attribute, or else the title. When both are absent, the member's own rule
    /// applies (left out, or `null`).
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Shape, Value};
    /// use api_error_core::{ApiError, DetailsForm, FieldError, FieldErrors, RequestContext};
    ///
    /// /// `{"errors": "Not Found"}`, or `{"errors": {"title": ["can't be blank"]}}`.
    /// const SHAPE: Shape = Shape::new(&[Member::new("errors", Value::Details).or(Value::Message)])
    ///     .details_form(DetailsForm::MessagesByField);
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = SHAPE, code_case = "snake_case")]
    /// enum Error {
    ///     #[api(status = 404)]
    ///     NotFound,
    ///     #[api(status = 422)]
    ///     Invalid(#[api(details)] FieldErrors),
    /// }
    ///
    /// let context = RequestContext::new();
    /// assert_eq!(Error::NotFound.to_json_string(&context), r#"{"errors":"Not Found"}"#);
    /// let invalid = Error::Invalid(FieldErrors::from([FieldError::new("title", "can't be blank")]));
    /// assert_eq!(invalid.to_json_string(&context), r#"{"errors":{"title":["can't be blank"]}}"#);
    /// ```
    #[must_use]
    pub const fn or(mut self, value: Value) -> Self {
        self.fallback = Some(value);
        self
    }

    /// Makes a [`Value::Attr`] member one that every variant must have: a variant without
    /// the attribute (of its own or from the enum) is a compile error.
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Value};
    ///
    /// let member = Member::new("doc_url", Value::Attr("doc_url")).required();
    /// assert!(member.is_required());
    /// ```
    #[must_use]
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Makes a [`Value::Message`] member absent for variants that declare no message (their
    /// message would be the status's reason phrase); see
    /// [`Descriptor::declares_message`](crate::Descriptor::declares_message).
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Shape, Value};
    /// use api_error_core::{ApiError, RequestContext};
    ///
    /// const SHAPE: Shape = Shape::new(&[
    ///     Member::new("title", Value::Title),
    ///     Member::new("detail", Value::Message).when_declared(),
    /// ]);
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(envelope = SHAPE, code_case = "snake_case")]
    /// enum Error {
    ///     #[api(status = 404)]
    ///     NotFound,
    ///     #[api(status = 409, message = "the name is taken")]
    ///     Taken,
    /// }
    ///
    /// let context = RequestContext::new();
    /// assert_eq!(Error::NotFound.to_json_string(&context), r#"{"title":"Not Found"}"#);
    /// assert_eq!(Error::Taken.to_json_string(&context), r#"{"title":"Conflict","detail":"the name is taken"}"#);
    /// ```
    #[must_use]
    pub const fn when_declared(mut self) -> Self {
        self.when_declared = true;
        self
    }

    /// The member's name (`""` for a flattened member).
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

    /// What happens when the value (and the value given to [`or`](Self::or)) is absent.
    ///
    /// ```
    /// use api_error_core::envelope::{Absent, Member, Value};
    ///
    /// assert_eq!(Member::new("timestamp", Value::Timestamp).absent(), Absent::Omit);
    /// ```
    pub const fn absent(&self) -> Absent {
        self.absent
    }

    /// The value written when the member's own is absent, given with [`or`](Self::or).
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Value};
    ///
    /// let member = Member::new("errors", Value::Details).or(Value::Message);
    /// assert_eq!(member.fallback(), Some(Value::Message));
    /// ```
    pub const fn fallback(&self) -> Option<Value> {
        self.fallback
    }

    /// Whether every variant must have the attribute; see [`required`](Self::required).
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Value};
    ///
    /// assert!(!Member::new("doc_url", Value::Attr("doc_url")).is_required());
    /// ```
    pub const fn is_required(&self) -> bool {
        self.required
    }

    /// Whether the message is written only when declared; see
    /// [`when_declared`](Self::when_declared).
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Value};
    ///
    /// assert!(Member::new("detail", Value::Message).when_declared().only_when_declared());
    /// ```
    pub const fn only_when_declared(&self) -> bool {
        self.when_declared
    }

    /// Whether the member's members are written in its place; see [`flatten`](Self::flatten).
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Value};
    ///
    /// assert!(Member::flatten(Value::Members).is_flattened());
    /// ```
    pub const fn is_flattened(&self) -> bool {
        self.flatten
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
