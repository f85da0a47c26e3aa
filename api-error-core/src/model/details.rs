//! What a variant adds to its envelope: field-level validation errors, or any `Serialize` value.

use std::borrow::Cow;

use serde::Serialize;

use crate::envelope::{Member, Value};

/// A value an envelope writes into its details slot.
///
/// Every `Serialize` type is `Details` and is written unchanged. [`FieldErrors`] is the one
/// exception: each envelope renders field-level validation errors in its own native form
/// (`{"petId": ["..."]}`, `[{"field": .., "message": ..}]`, one list item per field, ...).
///
/// Mark the field with `#[api(details)]`; an `Option` field contributes nothing when `None`.
///
/// ```
/// use api_error_core::{ApiError, FieldError, FieldErrors, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]
/// enum FaceError {
///     #[api(status = 400, message = "Request validation failed.")]
///     ValidationError {
///         #[api(details)]
///         fields: FieldErrors,
///     },
///     #[api(status = 409, message = "Conflict.")]
///     Conflict {
///         #[api(details)]
///         existing: Option<Vec<String>>,
///     },
/// }
///
/// let invalid = FaceError::ValidationError {
///     fields: FieldErrors::from([FieldError::new("name", "name is required")]),
/// };
/// assert_eq!(
///     invalid.to_json_string(&RequestContext::new()),
///     r#"{"success":false,"error":{"code":"VALIDATION_ERROR","message":"Request validation failed.","details":[{"field":"name","message":"name is required"}]}}"#
/// );
/// let conflict = FaceError::Conflict { existing: Some(vec!["f_1".into()]) };
/// assert!(conflict.to_json_string(&RequestContext::new()).contains(r#""details":["f_1"]"#));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an error's details",
    label = "details must implement `serde::Serialize`, or be `FieldErrors`"
)]
pub trait Details {
    /// The field-level validation errors, when these details are such.
    fn field_errors(&self) -> Option<&FieldErrors> {
        None
    }

    /// Writes the details as JSON, as they are.
    ///
    /// # Errors
    ///
    /// When the value's `Serialize` implementation fails. What was written is then incomplete;
    /// envelopes discard it and write `null` instead.
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()>;
}

impl<T: Serialize + ?Sized> Details for T {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        serde_json::to_writer(out, self)
    }
}

/// One failed field of a request: which field (its path, such as `profile.color` or
/// `pets[2].species`), what is wrong, and optionally a code and where the field was
/// (`"parameter"`, `"body"`, `"query"`).
///
/// ```
/// use api_error_core::FieldError;
///
/// let error = FieldError::new("email", "Invalid email format")
///     .code("invalid_format")
///     .location("body");
/// assert_eq!(error.field(), "email");
/// assert_eq!(error.message(), "Invalid email format");
/// assert_eq!(error.code_text(), Some("invalid_format"));
/// assert_eq!(error.location_text(), Some("body"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldError {
    field: Cow<'static, str>,
    message: Cow<'static, str>,
    code: Option<Cow<'static, str>>,
    location: Option<Cow<'static, str>>,
}

impl FieldError {
    /// A failed `field` with a client-facing `message`.
    ///
    /// ```
    /// use api_error_core::FieldError;
    ///
    /// let error = FieldError::new("petId", "This field is required.");
    /// assert_eq!(error.code_text(), None);
    /// ```
    pub fn new(field: impl Into<Cow<'static, str>>, message: impl Into<Cow<'static, str>>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
            code: None,
            location: None,
        }
    }

    /// Adds a machine-readable code, such as `"required"`.
    ///
    /// ```
    /// use api_error_core::FieldError;
    ///
    /// assert_eq!(FieldError::new("name", "Name is required").code("required").code_text(), Some("required"));
    /// ```
    #[must_use]
    pub fn code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Adds where the field was, such as `"parameter"`.
    ///
    /// ```
    /// use api_error_core::FieldError;
    ///
    /// let error = FieldError::new("firstName", "validation error").location("parameter");
    /// assert_eq!(error.location_text(), Some("parameter"));
    /// ```
    #[must_use]
    pub fn location(mut self, location: impl Into<Cow<'static, str>>) -> Self {
        self.location = Some(location.into());
        self
    }

    /// The field's path, as `serde_path_to_error` prints it: `name`, `profile.color`,
    /// `pets[2].species`.
    ///
    /// ```
    /// # use api_error_core::FieldError;
    /// assert_eq!(FieldError::new("name", "required").field(), "name");
    /// ```
    pub fn field(&self) -> &str {
        &self.field
    }

    /// What is wrong with the field.
    ///
    /// ```
    /// # use api_error_core::FieldError;
    /// assert_eq!(FieldError::new("name", "required").message(), "required");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The machine-readable code, if any.
    ///
    /// ```
    /// # use api_error_core::FieldError;
    /// assert_eq!(FieldError::new("name", "required").code_text(), None);
    /// ```
    pub fn code_text(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Where the field was, if known.
    ///
    /// ```
    /// # use api_error_core::FieldError;
    /// assert_eq!(FieldError::new("name", "required").location_text(), None);
    /// ```
    pub fn location_text(&self) -> Option<&str> {
        self.location.as_deref()
    }
}

/// Field-level validation errors, in the order they were found.
///
/// Each envelope renders them in its native form; see [`DetailsForm`].
///
/// ```
/// use api_error_core::{FieldError, FieldErrors};
///
/// let mut errors = FieldErrors::new();
/// errors.push(FieldError::new("name", "name is required"));
/// errors.push(FieldError::new("collection_id", "collection_id must be a valid UUID"));
/// assert_eq!(errors.len(), 2);
/// assert_eq!(errors.iter().next().unwrap().field(), "name");
///
/// let collected: FieldErrors = [FieldError::new("a", "b")].into_iter().collect();
/// assert!(!collected.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldErrors {
    errors: Vec<FieldError>,
}

impl FieldErrors {
    /// No errors yet.
    ///
    /// ```
    /// # use api_error_core::FieldErrors;
    /// assert!(FieldErrors::new().is_empty());
    /// ```
    pub const fn new() -> Self {
        FieldErrors { errors: Vec::new() }
    }

    /// Adds an error.
    ///
    /// ```
    /// # use api_error_core::{FieldError, FieldErrors};
    /// let mut errors = FieldErrors::new();
    /// errors.push(FieldError::new("name", "required"));
    /// assert_eq!(errors.len(), 1);
    /// ```
    pub fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// The errors, in the order they were added.
    ///
    /// ```
    /// # use api_error_core::{FieldError, FieldErrors};
    /// let errors = FieldErrors::from([FieldError::new("a", "x"), FieldError::new("b", "y")]);
    /// assert_eq!(errors.iter().map(FieldError::field).collect::<Vec<_>>(), ["a", "b"]);
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.errors.iter()
    }

    pub(crate) fn as_slice(&self) -> &[FieldError] {
        &self.errors
    }

    /// How many errors there are.
    ///
    /// ```
    /// # use api_error_core::{FieldError, FieldErrors};
    /// assert_eq!(FieldErrors::from([FieldError::new("a", "x")]).len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether there are none.
    ///
    /// ```
    /// # use api_error_core::FieldErrors;
    /// assert!(FieldErrors::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }
}

impl Details for FieldErrors {
    fn field_errors(&self) -> Option<&FieldErrors> {
        Some(self)
    }

    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        crate::envelope::fields::write(out, self, DetailsForm::List);
        Ok(())
    }
}

impl<const N: usize> From<[FieldError; N]> for FieldErrors {
    fn from(errors: [FieldError; N]) -> Self {
        FieldErrors {
            errors: errors.into(),
        }
    }
}

impl From<Vec<FieldError>> for FieldErrors {
    fn from(errors: Vec<FieldError>) -> Self {
        FieldErrors { errors }
    }
}

impl FromIterator<FieldError> for FieldErrors {
    fn from_iter<I: IntoIterator<Item = FieldError>>(iter: I) -> Self {
        FieldErrors {
            errors: iter.into_iter().collect(),
        }
    }
}

impl Extend<FieldError> for FieldErrors {
    fn extend<I: IntoIterator<Item = FieldError>>(&mut self, iter: I) {
        self.errors.extend(iter);
    }
}

impl<'a> IntoIterator for &'a FieldErrors {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

/// How an envelope writes [`FieldErrors`] into its details slot.
///
/// A field error's field is a path, as `serde_path_to_error` prints it (`name`,
/// `profile.color`, `pets[2].species`): the forms keyed by field use the path as it is, RFC
/// 9457's form writes it as a JSON Pointer (`#/profile/color`), and [`DetailsForm::Nested`]
/// nests an object per step of it.
///
/// The first four forms are the seeds'; the others are declared with the values of a shape
/// item: [`Value::Field`](crate::envelope::Value::Field),
/// [`Value::FieldPointer`](crate::envelope::Value::FieldPointer),
/// [`Value::FieldMessage`](crate::envelope::Value::FieldMessage),
/// [`Value::FieldCode`](crate::envelope::Value::FieldCode),
/// [`Value::FieldLocation`](crate::envelope::Value::FieldLocation), constants, and objects of
/// them, under any names.
///
/// ```
/// use api_error_core::{DetailsForm, FieldError, FieldErrors};
///
/// let errors = FieldErrors::from([
///     FieldError::new("name", "Name is required").code("required"),
///     FieldError::new("name", "Name is too short"),
/// ]);
/// assert_eq!(DetailsForm::MessagesByField.render(&errors), r#"{"name":["Name is required","Name is too short"]}"#);
/// assert_eq!(DetailsForm::ObjectByField.render(&errors), r#"{"name":{"code":"required","message":"Name is required"}}"#);
/// assert_eq!(
///     DetailsForm::List.render(&errors),
///     r#"[{"field":"name","code":"required","message":"Name is required"},{"field":"name","message":"Name is too short"}]"#
/// );
/// assert_eq!(
///     DetailsForm::Problem.render(&errors),
///     r##"[{"detail":"Name is required","pointer":"#/name","code":"required"},{"detail":"Name is too short","pointer":"#/name"}]"##
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DetailsForm {
    /// `{"petId": ["This field is required."]}`: each field's messages, fields in first-seen
    /// order. The same as `AllByField(Value::FieldMessage)`.
    MessagesByField,
    /// `{"name": {"code": "required", "message": "Name is required"}}`: the first error per
    /// field, its code when it has one.
    ObjectByField,
    /// `[{"field": "name", "message": "name is required"}]`, with `"code"` when there is one.
    List,
    /// RFC 9457's `[{"detail": "...", "pointer": "#/name"}]`, with `"code"` when there is one;
    /// the pointer is the field's path as a JSON Pointer (`pets[2].species` is
    /// `#/pets/2/species`).
    Problem,
    /// A list with an object of these members per field error: `{name, reason}`,
    /// `{field, description}`, `{field, code, message}`, ...
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Value};
    /// use api_error_core::{DetailsForm, FieldError, FieldErrors};
    ///
    /// const VIOLATIONS: DetailsForm = DetailsForm::Items(&[
    ///     Member::new("field", Value::Field),
    ///     Member::new("description", Value::FieldMessage),
    /// ]);
    /// let errors = FieldErrors::from([FieldError::new("profile.color", "must be red or blue")]);
    /// assert_eq!(VIOLATIONS.render(&errors), r#"[{"field":"profile.color","description":"must be red or blue"}]"#);
    /// ```
    Items(&'static [Member]),
    /// An object with a member per field (named by its path, in first-seen order) holding
    /// this value for the field's first error.
    ///
    /// ```
    /// use api_error_core::envelope::Value;
    /// use api_error_core::{DetailsForm, FieldError, FieldErrors};
    ///
    /// let errors = FieldErrors::from([
    ///     FieldError::new("summary", "Field 'summary' cannot be set."),
    ///     FieldError::new("summary", "It is not on the appropriate screen."),
    /// ]);
    /// assert_eq!(
    ///     DetailsForm::ByField(Value::FieldMessage).render(&errors),
    ///     r#"{"summary":"Field 'summary' cannot be set."}"#
    /// );
    /// ```
    ByField(Value),
    /// An object with a member per field (named by its path, in first-seen order) holding a
    /// list of this value for each of the field's errors.
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Value};
    /// use api_error_core::{DetailsForm, FieldError, FieldErrors};
    ///
    /// const FORM: DetailsForm = DetailsForm::AllByField(Value::Object(&[
    ///     Member::new("code", Value::FieldCode),
    ///     Member::new("message", Value::FieldMessage),
    /// ]));
    /// let errors = FieldErrors::from([
    ///     FieldError::new("name", "is required").code("required"),
    ///     FieldError::new("name", "is too short").code("too_short"),
    /// ]);
    /// assert_eq!(
    ///     FORM.render(&errors),
    ///     r#"{"name":[{"code":"required","message":"is required"},{"code":"too_short","message":"is too short"}]}"#
    /// );
    /// ```
    AllByField(Value),
    /// Objects nested along each field's path, with a list of this value for each of the
    /// field's errors under `leaf` at its end (Discord's form).
    ///
    /// ```
    /// use api_error_core::envelope::{Member, Value};
    /// use api_error_core::{DetailsForm, FieldError, FieldErrors};
    ///
    /// const FORM: DetailsForm = DetailsForm::Nested {
    ///     leaf: "_errors",
    ///     value: Value::Object(&[
    ///         Member::new("code", Value::FieldCode),
    ///         Member::new("message", Value::FieldMessage),
    ///     ]),
    /// };
    /// let errors = FieldErrors::from([
    ///     FieldError::new("activities[0].platform", "Value must be one of (desktop, android, ios).")
    ///         .code("BASE_TYPE_CHOICES"),
    /// ]);
    /// assert_eq!(
    ///     FORM.render(&errors),
    ///     r#"{"activities":{"0":{"platform":{"_errors":[{"code":"BASE_TYPE_CHOICES","message":"Value must be one of (desktop, android, ios)."}]}}}}"#
    /// );
    /// ```
    Nested {
        /// The key of the list of a field's errors, at the end of its path.
        leaf: &'static str,
        /// What is written for each error.
        value: Value,
    },
}

impl DetailsForm {
    /// The errors in this form, as JSON text. (A form's value that is no field value, no
    /// constant and no object of them, which [`Shape::details_form`](crate::Shape::details_form)
    /// refuses, is written as `null`.)
    ///
    /// ```
    /// use api_error_core::{DetailsForm, FieldError, FieldErrors};
    ///
    /// let errors = FieldErrors::from([FieldError::new("a/b", "bad")]);
    /// assert_eq!(DetailsForm::Problem.render(&errors), r##"[{"detail":"bad","pointer":"#/a~1b"}]"##);
    /// ```
    pub fn render(self, errors: &FieldErrors) -> String {
        let mut out = Vec::new();
        crate::envelope::fields::write(&mut out, errors, self);
        String::from_utf8(out).unwrap_or_default()
    }
}
