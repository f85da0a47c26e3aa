//! One error as a client received it, and the request context its body carried.

use core::fmt;
use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::{Code, Descriptor, FieldErrors};

/// The code of a received error, as the body had it: a string or an integer.
///
/// A code the catalog does not know (from a newer server) is kept as it is.
///
/// ```
/// use api_error_core::Code;
/// use api_error_core::client::ReceivedCode;
///
/// let code = ReceivedCode::Str("PETNOWB2B20000".into());
/// assert_eq!(code, "PETNOWB2B20000");
/// assert!(code.is(Code::Str("PETNOWB2B20000")));
/// assert_eq!(ReceivedCode::Int(3001).to_string(), "3001");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ReceivedCode {
    /// A string code (borrowed from the catalog when it knows the code).
    Str(Cow<'static, str>),
    /// An integer code.
    Int(i64),
}

impl ReceivedCode {
    /// Whether this is `code`.
    ///
    /// ```
    /// use api_error_core::Code;
    /// use api_error_core::client::ReceivedCode;
    ///
    /// assert!(ReceivedCode::Int(3001).is(Code::Int(3001)));
    /// assert!(!ReceivedCode::Str("3001".into()).is(Code::Int(3001)));
    /// ```
    pub fn is(&self, code: Code) -> bool {
        match (self, code) {
            (ReceivedCode::Str(own), Code::Str(other)) => own.as_ref() == other,
            (ReceivedCode::Int(own), Code::Int(other)) => *own == other,
            _ => false,
        }
    }

    /// The code's text, if it is a string code.
    ///
    /// ```
    /// use api_error_core::client::ReceivedCode;
    ///
    /// assert_eq!(ReceivedCode::Str("GONE".into()).as_str(), Some("GONE"));
    /// assert_eq!(ReceivedCode::Int(1).as_str(), None);
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            ReceivedCode::Str(text) => Some(text),
            ReceivedCode::Int(_) => None,
        }
    }

    /// The code's value, if it is an integer code.
    ///
    /// ```
    /// use api_error_core::client::ReceivedCode;
    ///
    /// assert_eq!(ReceivedCode::Int(3001).as_int(), Some(3001));
    /// ```
    pub fn as_int(&self) -> Option<i64> {
        match self {
            ReceivedCode::Int(value) => Some(*value),
            ReceivedCode::Str(_) => None,
        }
    }
}

impl From<Code> for ReceivedCode {
    fn from(code: Code) -> Self {
        match code {
            Code::Str(text) => ReceivedCode::Str(Cow::Borrowed(text)),
            Code::Int(value) => ReceivedCode::Int(value),
        }
    }
}

impl fmt::Display for ReceivedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReceivedCode::Str(text) => f.pad(text),
            ReceivedCode::Int(value) => fmt::Display::fmt(value, f),
        }
    }
}

impl PartialEq<str> for ReceivedCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for ReceivedCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<i64> for ReceivedCode {
    fn eq(&self, other: &i64) -> bool {
        self.as_int() == Some(*other)
    }
}

impl PartialEq<Code> for ReceivedCode {
    fn eq(&self, other: &Code) -> bool {
        self.is(*other)
    }
}

/// One error of a response body, read back in the envelope: its code, the catalog's
/// descriptor for it (when the catalog knows the code), its message and its details.
///
/// ```
/// use api_error_core::client::{ReceivedCode, ReceivedError};
/// use api_error_core::{FieldError, FieldErrors};
///
/// let error = ReceivedError::new(ReceivedCode::Str("VALIDATION_ERROR".into()))
///     .with_message("Validation failed")
///     .with_field_errors(FieldErrors::from([FieldError::new("name", "Name is required")]));
/// assert_eq!(error.code(), "VALIDATION_ERROR");
/// assert_eq!(error.message(), Some("Validation failed"));
/// assert_eq!(error.field_errors().unwrap().len(), 1);
/// assert!(error.descriptor().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct ReceivedError {
    pub(crate) code: ReceivedCode,
    pub(crate) descriptor: Option<&'static Descriptor>,
    pub(crate) message: Option<String>,
    pub(crate) details: Option<Box<RawValue>>,
    pub(crate) field_errors: Option<FieldErrors>,
    pub(crate) members: Vec<(String, Box<RawValue>)>,
    pub(crate) cause: Option<Box<ReceivedError>>,
}

impl ReceivedError {
    /// An error with this code and nothing else: what an [`Envelope`](crate::Envelope) of
    /// its own builds when it reads a body.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// assert_eq!(ReceivedError::new(ReceivedCode::Int(3001)).code(), &3001);
    /// ```
    pub fn new(code: ReceivedCode) -> Self {
        ReceivedError {
            code,
            descriptor: None,
            message: None,
            details: None,
            field_errors: None,
            members: Vec::new(),
            cause: None,
        }
    }

    /// Adds the message the body carried.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// let error = ReceivedError::new(ReceivedCode::Int(1)).with_message("entity not found");
    /// assert_eq!(error.message(), Some("entity not found"));
    /// ```
    #[must_use]
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Adds the details the body carried, as JSON text; `None` when it is not JSON.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// let error = ReceivedError::new(ReceivedCode::Int(1)).with_details_json(r#"{"id":7}"#).unwrap();
    /// assert_eq!(error.details_json(), Some(r#"{"id":7}"#));
    /// ```
    pub fn with_details_json(mut self, json: &str) -> Option<Self> {
        self.details = Some(RawValue::from_string(json.to_owned()).ok()?);
        Some(self)
    }

    /// Adds field errors the details held.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    /// use api_error_core::{FieldError, FieldErrors};
    ///
    /// let fields = FieldErrors::from([FieldError::new("petId", "This field is required.")]);
    /// let error = ReceivedError::new(ReceivedCode::Int(1)).with_field_errors(fields.clone());
    /// assert_eq!(error.field_errors(), Some(&fields));
    /// ```
    #[must_use]
    pub fn with_field_errors(mut self, errors: FieldErrors) -> Self {
        self.field_errors = Some(errors);
        self
    }

    /// The code, as the body had it.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// assert_eq!(ReceivedError::new(ReceivedCode::Str("GONE".into())).code(), "GONE");
    /// ```
    pub fn code(&self) -> &ReceivedCode {
        &self.code
    }

    /// The catalog's descriptor of the code (its name, status, category, retry advice,
    /// causes and solutions); `None` for a code the catalog does not know. A response's
    /// errors whose code is that of the generic error of the response's status (what the
    /// HTTP edge answers an unknown route or a wrong method with, see
    /// [`edge_errors`](crate::edge_errors)) have that generic error's descriptor.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// assert!(ReceivedError::new(ReceivedCode::Str("NEW_CODE".into())).descriptor().is_none());
    /// ```
    pub fn descriptor(&self) -> Option<&'static Descriptor> {
        self.descriptor
    }

    /// Whether the catalog knows the code.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// assert!(!ReceivedError::new(ReceivedCode::Int(9)).is_known());
    /// ```
    pub fn is_known(&self) -> bool {
        self.descriptor.is_some()
    }

    /// The public message the body carried; for an envelope without a message, the
    /// catalog's message of the code when it is fixed (it has no placeholders).
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// assert_eq!(ReceivedError::new(ReceivedCode::Int(9)).message(), None);
    /// ```
    pub fn message(&self) -> Option<&str> {
        match &self.message {
            Some(message) => Some(message),
            None => self.descriptor.and_then(crate::__private::fixed_message),
        }
    }

    /// The field errors the details held, read back from the envelope's form of them.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// assert!(ReceivedError::new(ReceivedCode::Int(9)).field_errors().is_none());
    /// ```
    pub fn field_errors(&self) -> Option<&FieldErrors> {
        self.field_errors.as_ref()
    }

    /// The details as the body had them, as JSON text.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// assert_eq!(ReceivedError::new(ReceivedCode::Int(9)).details_json(), None);
    /// ```
    pub fn details_json(&self) -> Option<&str> {
        self.details.as_deref().map(RawValue::get)
    }

    /// The details read as a `T`: `None` without details, an error when they are no `T`.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// let error = ReceivedError::new(ReceivedCode::Int(1)).with_details_json(r#"["f_1","f_2"]"#).unwrap();
    /// let existing: Vec<String> = error.details_as().unwrap().unwrap();
    /// assert_eq!(existing, ["f_1", "f_2"]);
    /// assert!(error.details_as::<u32>().unwrap().is_err());
    /// ```
    pub fn details_as<T: DeserializeOwned>(&self) -> Option<Result<T, serde_json::Error>> {
        self.details
            .as_deref()
            .map(|raw| serde_json::from_str(raw.get()))
    }

    /// The error's member fields the body carried (`#[api(member)]` on the server's
    /// variant): each key with its value as JSON text, in the body's order.
    ///
    /// ```
    /// use api_error_core::client::ErrorResponse;
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
    ///     },
    /// }
    ///
    /// let sent = Error::RateLimited { limit: 100 }.to_response(&RequestContext::new());
    /// let received = ErrorResponse::<Error>::from_response(&sent);
    /// let error = received.error().unwrap();
    /// assert_eq!(error.members().collect::<Vec<_>>(), [("limit", "100")]);
    /// assert_eq!(error.member_as::<u32>("limit").unwrap().unwrap(), 100);
    /// ```
    pub fn members(&self) -> impl Iterator<Item = (&str, &str)> {
        self.members
            .iter()
            .map(|(key, raw)| (key.as_str(), raw.get()))
    }

    /// The member field `key` read as a `T`: `None` when the body had no such member.
    ///
    /// See [`members`](Self::members) for an example.
    pub fn member_as<T: DeserializeOwned>(
        &self,
        key: &str,
    ) -> Option<Result<T, serde_json::Error>> {
        self.members
            .iter()
            .find(|(own, _)| own == key)
            .map(|(_, raw)| serde_json::from_str(raw.get()))
    }

    /// The error as a value of `E` itself, when its variant's fields all come back: a unit
    /// variant; fields that are the details (`FieldErrors`, or any `Deserialize` type), that
    /// are members of the envelope (any `Deserialize` type), or that the message's template
    /// names as `{field}` (any `FromStr` type whose text is its `Display` text, checked by
    /// writing the message again). Any other variant, one with a field of a type that cannot
    /// be read, a field only its `Display` text or a header shows, a Retry-After field or an
    /// inner error, gives `None`: the [`descriptor`](Self::descriptor) is then what there is.
    ///
    /// ```
    /// use api_error_core::client::ErrorResponse;
    /// use api_error_core::{ApiError, FieldError, FieldErrors, RequestContext};
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// #[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE")]
    /// enum IncidentError {
    ///     #[api(status = 404, message = "Not found: Incident {id} not found")]
    ///     NotFound { id: u64 },
    ///     #[api(status = 422, message = "Validation failed")]
    ///     ValidationError(#[api(details)] FieldErrors),
    ///     #[api(status = 409, message = "Conflict")]
    ///     Conflict { since: std::time::Instant },
    /// }
    ///
    /// let context = RequestContext::new();
    /// let read = |error: &IncidentError| {
    ///     let received = ErrorResponse::<IncidentError>::from_response(&error.to_response(&context));
    ///     received.to_error()
    /// };
    /// let missing = IncidentError::NotFound { id: 550 };
    /// assert_eq!(read(&missing), Some(missing));
    /// let invalid = IncidentError::ValidationError(FieldErrors::from([
    ///     FieldError::new("name", "Name is required").code("required"),
    /// ]));
    /// assert_eq!(read(&invalid), Some(invalid));
    /// // Nothing in the body gives back an `Instant`: the descriptor view only.
    /// assert_eq!(read(&IncidentError::Conflict { since: std::time::Instant::now() }), None);
    /// ```
    ///
    /// Needs the `client` feature, which has the derive write the code that rebuilds each
    /// variant.
    #[cfg(feature = "client")]
    pub fn to_error<E: crate::ApiError>(&self) -> Option<E> {
        E::rebuild(self)
    }

    /// The inner error the body nested in this one (`Value::Inner`), read back the same way.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// assert!(ReceivedError::new(ReceivedCode::Int(1)).cause().is_none());
    /// ```
    pub fn cause(&self) -> Option<&ReceivedError> {
        self.cause.as_deref()
    }

    /// The details as a JSON value.
    ///
    /// ```
    /// use api_error_core::client::{ReceivedCode, ReceivedError};
    ///
    /// let error = ReceivedError::new(ReceivedCode::Int(1)).with_details_json(r#"{"id":7}"#).unwrap();
    /// assert_eq!(error.details_value().unwrap()["id"], 7);
    /// ```
    pub fn details_value(&self) -> Option<serde_json::Value> {
        self.details_as().and_then(Result::ok)
    }
}

impl fmt::Display for ReceivedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code)?;
        if let Some(descriptor) = self.descriptor {
            write!(f, " ({})", descriptor.name())?;
        }
        if let Some(message) = self.message() {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

/// The request context a body carried: request id, timestamp and instance.
///
/// ```
/// use api_error_core::client::ReceivedContext;
///
/// let context = ReceivedContext::default();
/// assert_eq!(context.request_id(), None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ReceivedContext {
    pub(crate) request_id: Option<String>,
    pub(crate) timestamp: Option<String>,
    pub(crate) instance: Option<String>,
}

impl ReceivedContext {
    /// The request id, such as `"req_01j8..."`.
    ///
    /// ```
    /// # use api_error_core::client::ReceivedContext;
    /// assert_eq!(ReceivedContext::default().request_id(), None);
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The timestamp, as the API wrote it.
    ///
    /// ```
    /// # use api_error_core::client::ReceivedContext;
    /// assert_eq!(ReceivedContext::default().timestamp(), None);
    /// ```
    pub fn timestamp(&self) -> Option<&str> {
        self.timestamp.as_deref()
    }

    /// The instance (RFC 9457's URI reference of this occurrence).
    ///
    /// ```
    /// # use api_error_core::client::ReceivedContext;
    /// assert_eq!(ReceivedContext::default().instance(), None);
    /// ```
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }
}

/// What an envelope read from a body: its errors, in order, and its request context.
///
/// ```
/// use api_error_core::client::{Received, ReceivedCode, ReceivedError};
///
/// let received = Received::new(vec![ReceivedError::new(ReceivedCode::Int(3001))]);
/// assert_eq!(received.errors().len(), 1);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Received {
    pub(crate) errors: Vec<ReceivedError>,
    pub(crate) context: ReceivedContext,
}

impl Received {
    /// These errors, without request context.
    ///
    /// ```
    /// use api_error_core::client::Received;
    ///
    /// assert!(Received::new(Vec::new()).errors().is_empty());
    /// ```
    pub fn new(errors: Vec<ReceivedError>) -> Self {
        Received {
            errors,
            context: ReceivedContext::default(),
        }
    }

    /// The errors, in the body's order.
    ///
    /// ```
    /// use api_error_core::client::Received;
    ///
    /// assert!(Received::default().errors().is_empty());
    /// ```
    pub fn errors(&self) -> &[ReceivedError] {
        &self.errors
    }

    /// The request context the body carried.
    ///
    /// ```
    /// use api_error_core::client::Received;
    ///
    /// assert_eq!(Received::default().context().request_id(), None);
    /// ```
    pub fn context(&self) -> &ReceivedContext {
        &self.context
    }
}
