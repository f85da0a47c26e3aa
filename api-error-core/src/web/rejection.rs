//! Requests a web framework refused before any handler ran, on their way into the service's
//! own error type.

use core::fmt;

use http::StatusCode;

use crate::{FieldError, FieldErrors};

/// What a framework refused about a request.
///
/// A variant takes rejections of the kinds it names with `#[api(rejection(kind, ...))]`; a
/// variant marked `#[api(rejection)]` without a list takes every kind about the request's
/// content that no other variant names: everything but [`UnknownRoute`](Self::UnknownRoute)
/// and [`Method`](Self::Method). A kind no variant takes answers with the generic error of
/// its status (see [`status_error`](crate::status_error)).
///
/// | kind | name in `rejection(...)` | the framework's status (axum; actix-web) |
/// |---|---|---|
/// | [`JsonSyntax`](Self::JsonSyntax) | `json_syntax` | 400; 400 |
/// | [`JsonData`](Self::JsonData) | `json_data` | 422; 400 |
/// | [`ContentType`](Self::ContentType) | `content_type` | 415; 400 |
/// | [`BodyTooLarge`](Self::BodyTooLarge) | `body_too_large` | 413; 413 |
/// | [`Path`](Self::Path) | `path` | 400; 400 |
/// | [`Query`](Self::Query) | `query` | 400; 400 |
/// | [`UnknownRoute`](Self::UnknownRoute) | `unknown_route` | 404; 404 |
/// | [`Method`](Self::Method) | `method` | 405 with `Allow`; 405 with `Allow` |
/// | [`Other`](Self::Other) | (only through a bare `rejection`) | the framework's |
///
/// ```
/// use api_error_core::RejectionKind;
///
/// assert_eq!(RejectionKind::JsonData.name(), "json_data");
/// assert!(RejectionKind::BodyTooLarge.is_content());
/// assert!(!RejectionKind::UnknownRoute.is_content());
/// assert_eq!(RejectionKind::from_name("method"), Some(RejectionKind::Method));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RejectionKind {
    /// The body is not JSON (`{not json`), or it ends too soon.
    JsonSyntax,
    /// The body is JSON, but not of the shape the handler takes: a missing field, a value of
    /// the wrong type, an unknown enum value.
    JsonData,
    /// The request has no content type, or not the one the handler reads.
    ContentType,
    /// The body is larger than the service accepts.
    BodyTooLarge,
    /// A path parameter that does not parse.
    Path,
    /// A query string that does not parse.
    Query,
    /// No route matches the request's path.
    UnknownRoute,
    /// A route matches the path, but not the request's method.
    Method,
    /// Anything else the framework refused about the request: a body that could not be read,
    /// a form that does not parse.
    Other,
}

impl RejectionKind {
    /// Every kind, in the order of the table above.
    ///
    /// ```
    /// use api_error_core::RejectionKind;
    ///
    /// let content = RejectionKind::ALL.iter().filter(|kind| kind.is_content()).count();
    /// assert_eq!((RejectionKind::ALL.len(), content), (9, 7));
    /// ```
    pub const ALL: [RejectionKind; 9] = [
        RejectionKind::JsonSyntax,
        RejectionKind::JsonData,
        RejectionKind::ContentType,
        RejectionKind::BodyTooLarge,
        RejectionKind::Path,
        RejectionKind::Query,
        RejectionKind::UnknownRoute,
        RejectionKind::Method,
        RejectionKind::Other,
    ];

    /// The kind's name, as `#[api(rejection(...))]` writes it and logs show it.
    ///
    /// ```
    /// use api_error_core::RejectionKind;
    ///
    /// assert_eq!(RejectionKind::UnknownRoute.name(), "unknown_route");
    /// assert_eq!(RejectionKind::BodyTooLarge.to_string(), "body_too_large");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            RejectionKind::JsonSyntax => "json_syntax",
            RejectionKind::JsonData => "json_data",
            RejectionKind::ContentType => "content_type",
            RejectionKind::BodyTooLarge => "body_too_large",
            RejectionKind::Path => "path",
            RejectionKind::Query => "query",
            RejectionKind::UnknownRoute => "unknown_route",
            RejectionKind::Method => "method",
            RejectionKind::Other => "other",
        }
    }

    /// The kind with this [`name`](Self::name).
    ///
    /// ```
    /// use api_error_core::RejectionKind;
    ///
    /// assert_eq!(RejectionKind::from_name("query"), Some(RejectionKind::Query));
    /// assert_eq!(RejectionKind::from_name("cookies"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<RejectionKind> {
        RejectionKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
    }

    /// Whether the kind is about the request's content, which a bare `#[api(rejection)]`
    /// takes: every kind but an unknown route and a wrong method, which are about where the
    /// request went.
    ///
    /// ```
    /// use api_error_core::RejectionKind;
    ///
    /// assert!(RejectionKind::JsonSyntax.is_content());
    /// assert!(!RejectionKind::Method.is_content());
    /// ```
    pub const fn is_content(self) -> bool {
        !matches!(self, RejectionKind::UnknownRoute | RejectionKind::Method)
    }
}

impl fmt::Display for RejectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A request the framework refused on its own: a body that is not JSON, a missing query
/// parameter, a path segment of the wrong type, a wrong content type, a path no route
/// matches.
///
/// Frameworks answer these with plain text. The middlewares ([`axum::ErrorLayer`], the
/// actix-web one) answer with the variant that takes the rejection's [kind](RejectionKind)
/// instead, with the framework's status and headers (`Allow` on a 405). Its one field (if it
/// has one) is converted with `From<Rejection>`, which `String` and [`FieldErrors`]
/// implement.
///
/// [`axum::ErrorLayer`]: https://docs.rs/api-error-core/latest/api_error_core/axum/struct.ErrorLayer.html
///
/// ```
/// use api_error_core::{ApiError, FieldErrors, Rejection, RejectionKind};
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
///     #[api(status = 404, message = "No such route.", rejection(unknown_route))]
///     NoSuchRoute,
/// }
///
/// let rejection = Rejection::new(
///     RejectionKind::JsonData,
///     StatusCode::UNPROCESSABLE_ENTITY,
///     "unknown variant `BIRD`, expected `DOG` or `CAT`",
/// )
/// .at("pets[2].species");
/// let error = Error::from_rejection(rejection).unwrap();
/// assert_eq!(error.code(), "VALIDATION_FAILED");
///
/// let route = Rejection::new(RejectionKind::UnknownRoute, StatusCode::NOT_FOUND, "");
/// assert_eq!(Error::from_rejection(route).unwrap().code(), "NO_SUCH_ROUTE");
/// let method = Rejection::new(RejectionKind::Method, StatusCode::METHOD_NOT_ALLOWED, "");
/// assert!(Error::from_rejection(method).is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    kind: RejectionKind,
    status: StatusCode,
    message: String,
    field: Option<String>,
}

impl Rejection {
    /// The field name under which [`FieldErrors`] carries a rejection that names no field:
    /// it is about the request as a whole.
    pub const FIELD: &'static str = "request";

    /// A rejection of this kind, with the framework's status and its explanation for the
    /// client.
    ///
    /// ```
    /// use api_error_core::{Rejection, RejectionKind};
    /// use http::StatusCode;
    ///
    /// let rejection = Rejection::new(RejectionKind::JsonSyntax, StatusCode::BAD_REQUEST, "expected value");
    /// assert_eq!(rejection.kind(), RejectionKind::JsonSyntax);
    /// assert_eq!(rejection.status(), StatusCode::BAD_REQUEST);
    /// assert_eq!(rejection.message(), "expected value");
    /// assert_eq!(rejection.field(), None);
    /// ```
    pub fn new(kind: RejectionKind, status: StatusCode, message: impl Into<String>) -> Self {
        Rejection {
            kind,
            status,
            message: message.into(),
            field: None,
        }
    }

    /// The rejection, about the field at `path`: `pets[2].species`, as
    /// [`serde_path_to_error`](https://docs.rs/serde_path_to_error) writes paths.
    ///
    /// ```
    /// use api_error_core::{Rejection, RejectionKind};
    /// use http::StatusCode;
    ///
    /// let rejection = Rejection::new(RejectionKind::JsonData, StatusCode::UNPROCESSABLE_ENTITY, "invalid type")
    ///     .at("pets[2].species");
    /// assert_eq!(rejection.field(), Some("pets[2].species"));
    /// assert_eq!(rejection.to_string(), "pets[2].species: invalid type");
    /// ```
    #[must_use]
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.field = Some(path.into());
        self
    }

    /// What was refused.
    ///
    /// ```
    /// use api_error_core::{Rejection, RejectionKind};
    /// use http::StatusCode;
    ///
    /// let rejection = Rejection::new(RejectionKind::Path, StatusCode::BAD_REQUEST, "bad id");
    /// assert_eq!(rejection.kind(), RejectionKind::Path);
    /// ```
    pub const fn kind(&self) -> RejectionKind {
        self.kind
    }

    /// The status the framework chose, which the response keeps.
    ///
    /// ```
    /// use api_error_core::{Rejection, RejectionKind};
    /// use http::StatusCode;
    ///
    /// let rejection = Rejection::new(RejectionKind::Method, StatusCode::METHOD_NOT_ALLOWED, "");
    /// assert_eq!(rejection.status(), StatusCode::METHOD_NOT_ALLOWED);
    /// ```
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The framework's explanation, such as `Failed to parse the request body as JSON`.
    ///
    /// ```
    /// use api_error_core::{Rejection, RejectionKind};
    /// use http::StatusCode;
    ///
    /// let rejection = Rejection::new(RejectionKind::Query, StatusCode::BAD_REQUEST, "bad query");
    /// assert_eq!(rejection.message(), "bad query");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The path of the field the rejection is about, when it names one.
    ///
    /// ```
    /// use api_error_core::{Rejection, RejectionKind};
    /// use http::StatusCode;
    ///
    /// let rejection = Rejection::new(RejectionKind::JsonData, StatusCode::UNPROCESSABLE_ENTITY, "bad");
    /// assert_eq!(rejection.field(), None);
    /// assert_eq!(rejection.at("pets[0]").field(), Some("pets[0]"));
    /// ```
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }
}

impl fmt::Display for Rejection {
    /// The message, after the field's path when there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl From<Rejection> for String {
    /// The framework's explanation, after the field's path when there is one.
    ///
    /// ```
    /// use api_error_core::{Rejection, RejectionKind};
    /// use http::StatusCode;
    ///
    /// let text = String::from(Rejection::new(RejectionKind::Query, StatusCode::BAD_REQUEST, "bad query"));
    /// assert_eq!(text, "bad query");
    /// ```
    fn from(rejection: Rejection) -> Self {
        match rejection.field {
            Some(_) => rejection.to_string(),
            None => rejection.message,
        }
    }
}

impl From<Rejection> for FieldErrors {
    /// One field error: the field's path (or [`Rejection::FIELD`]) with the explanation.
    ///
    /// ```
    /// use api_error_core::{FieldErrors, Rejection, RejectionKind};
    /// use http::StatusCode;
    ///
    /// let rejection = Rejection::new(RejectionKind::Query, StatusCode::BAD_REQUEST, "bad query");
    /// let fields = FieldErrors::from(rejection.clone());
    /// let only = fields.iter().next().unwrap();
    /// assert_eq!((only.field(), only.message()), ("request", "bad query"));
    ///
    /// let fields = FieldErrors::from(rejection.at("limit"));
    /// assert_eq!(fields.iter().next().unwrap().field(), "limit");
    /// ```
    fn from(rejection: Rejection) -> Self {
        let field = rejection
            .field
            .unwrap_or_else(|| Rejection::FIELD.to_owned());
        FieldErrors::from(vec![FieldError::new(field, rejection.message)])
    }
}
