//! What a service answers where no handler's error does: requests the framework refuses,
//! routes and methods that do not exist, panics. Listed per catalog, so that its
//! documentation and its clients know every code the service can send.

use http::StatusCode;

use crate::web::status::status_error;
use crate::{ApiError, Descriptor, Rejection, RejectionKind};

/// One situation of the HTTP edge and the error the middlewares (`axum::ErrorLayer`, the
/// actix-web one) answer it with: the variant that takes it, or the generic error of its
/// status ([`status_error`]).
///
/// See [`edge_errors`].
#[derive(Clone, Copy, Debug)]
pub struct EdgeError {
    situation: &'static str,
    kind: Option<RejectionKind>,
    status: StatusCode,
    descriptor: &'static Descriptor,
    declared: bool,
}

impl EdgeError {
    /// What happened, in a client's words: "a body that is not JSON".
    ///
    /// ```
    /// # use api_error_core::{ApiError, edge_errors};
    /// # #[derive(Debug, ApiError)] enum E { #[api(status = 404, code = "NO_ORDER")] NoOrder }
    /// assert_eq!(edge_errors::<E>()[0].situation(), "a body that is not JSON");
    /// ```
    pub fn situation(&self) -> &'static str {
        self.situation
    }

    /// The rejection kind, or `None` for a handler's panic.
    ///
    /// ```
    /// # use api_error_core::{ApiError, RejectionKind, edge_errors};
    /// # #[derive(Debug, ApiError)] enum E { #[api(status = 404, code = "NO_ORDER")] NoOrder }
    /// assert_eq!(edge_errors::<E>()[0].kind(), Some(RejectionKind::JsonSyntax));
    /// ```
    pub fn kind(&self) -> Option<RejectionKind> {
        self.kind
    }

    /// The status of the response: the framework's (axum's; actix-web answers a JSON body
    /// of the wrong shape with 400 rather than 422), or 500 for a panic.
    ///
    /// ```
    /// # use api_error_core::{ApiError, edge_errors};
    /// # #[derive(Debug, ApiError)] enum E { #[api(status = 404, code = "NO_ORDER")] NoOrder }
    /// assert_eq!(edge_errors::<E>()[1].status(), 422);
    /// ```
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The error of the body: a variant of the catalog (with its own status, which the
    /// response does not keep when it differs), or a generic error.
    ///
    /// ```
    /// # use api_error_core::{ApiError, Code, edge_errors};
    /// # #[derive(Debug, ApiError)] enum E { #[api(status = 404, code = "NO_ORDER")] NoOrder }
    /// assert_eq!(edge_errors::<E>()[0].descriptor().code(), Code::Str("BAD_REQUEST"));
    /// ```
    pub fn descriptor(&self) -> &'static Descriptor {
        self.descriptor
    }

    /// Whether the error is a variant of the catalog, rather than a generic error.
    ///
    /// ```
    /// # use api_error_core::{ApiError, edge_errors};
    /// # #[derive(Debug, ApiError)] enum E { #[api(status = 404, code = "NO_ORDER")] NoOrder }
    /// assert!(!edge_errors::<E>()[0].is_declared());
    /// ```
    pub fn is_declared(&self) -> bool {
        self.declared
    }
}

/// Each situation, its rejection kind and axum's status for it.
const SITUATIONS: [(&str, Option<RejectionKind>, StatusCode); 10] = [
    (
        "a body that is not JSON",
        Some(RejectionKind::JsonSyntax),
        StatusCode::BAD_REQUEST,
    ),
    (
        "a JSON body of the wrong shape (a missing field, a wrong value)",
        Some(RejectionKind::JsonData),
        StatusCode::UNPROCESSABLE_ENTITY,
    ),
    (
        "no content type, or not the one the operation reads",
        Some(RejectionKind::ContentType),
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
    ),
    (
        "a body larger than the service accepts",
        Some(RejectionKind::BodyTooLarge),
        StatusCode::PAYLOAD_TOO_LARGE,
    ),
    (
        "a path parameter that does not parse",
        Some(RejectionKind::Path),
        StatusCode::BAD_REQUEST,
    ),
    (
        "query parameters that do not parse",
        Some(RejectionKind::Query),
        StatusCode::BAD_REQUEST,
    ),
    (
        "a path no route matches",
        Some(RejectionKind::UnknownRoute),
        StatusCode::NOT_FOUND,
    ),
    (
        "a method the route does not take (with `Allow`)",
        Some(RejectionKind::Method),
        StatusCode::METHOD_NOT_ALLOWED,
    ),
    (
        "anything else the framework refuses about the request",
        Some(RejectionKind::Other),
        StatusCode::BAD_REQUEST,
    ),
    (
        "a handler that fails unexpectedly (a panic)",
        None,
        StatusCode::INTERNAL_SERVER_ERROR,
    ),
];

/// Every situation of the HTTP edge, in a fixed order, with the error `E`'s service answers
/// it with behind the middlewares: the variant marked `rejection` (or `rejection(kind)`,
/// `internal`) that takes it, else the generic error of its status. The Markdown page and
/// the TypeScript module list them, so clients know these codes too.
///
/// Any other status that a middleware or handler answers with in plain text (a 429, a 503)
/// gets the generic error of that status, as [`status_error`] says.
///
/// ```
/// use api_error_core::{ApiError, Code, RejectionKind, edge_errors};
///
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE")]
/// enum Error {
///     #[api(status = 400, message = "The request is not valid.", rejection)]
///     InvalidRequest(String),
///     #[api(status = 404)]
///     NoSuchOrder,
/// }
///
/// let edge = edge_errors::<Error>();
/// let not_json = edge.iter().find(|e| e.kind() == Some(RejectionKind::JsonSyntax)).unwrap();
/// assert_eq!(not_json.descriptor().code(), Code::Str("INVALID_REQUEST"));
/// assert!(not_json.is_declared());
///
/// let route = edge.iter().find(|e| e.kind() == Some(RejectionKind::UnknownRoute)).unwrap();
/// assert_eq!((route.status().as_u16(), route.descriptor().code()), (404, Code::Str("NOT_FOUND")));
/// assert!(!route.is_declared());
/// ```
pub fn edge_errors<E: ApiError>() -> Vec<EdgeError> {
    SITUATIONS
        .into_iter()
        .map(|(situation, kind, status)| {
            let variant = match kind {
                Some(kind) => E::from_rejection(Rejection::new(kind, status, ""))
                    .map(|error| error.descriptor()),
                None => E::INTERNAL,
            };
            EdgeError {
                situation,
                kind,
                status,
                descriptor: variant.unwrap_or_else(|| status_error::<E>(status)),
                declared: variant.is_some(),
            }
        })
        .collect()
}
