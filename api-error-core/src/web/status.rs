//! The generic error of each HTTP status, for responses no variant of a catalog stands for,
//! and a variant's descriptor with another status, for rejections that keep the framework's.

use std::sync::{Mutex, PoisonError};

use http::StatusCode;

use crate::model::descriptor::row;
use crate::{ApiError, Catalog, Code, Descriptor};

/// The description every generic error shares, as a literal for `concat!`.
macro_rules! description {
    () => {
        "An HTTP status the service answered with where no error of its catalog applies."
    };
}

/// The description every generic error shares.
const DESCRIPTION: &str = description!();

macro_rules! status_errors {
    ($($status:literal $code:ident $name:ident $reason:literal,)*) => {
        const COUNT: usize = [$($status),*].len();

        // A generic error's message is written through `write_message`, so that a response's
        // own text can stand in: a template, without JSON of its own.

        /// The generic errors of a catalog of string codes.
        static STRING_CODES: [Descriptor; COUNT] = [$(
            Descriptor::detached(&const {
                row::new(
                    stringify!($code),
                    concat!(stringify!($name), "\"", stringify!($code), "\"", description!(), $reason),
                    [
                        stringify!($name).len(),
                        0,
                        stringify!($code).len() + 2,
                        DESCRIPTION.len(),
                        $reason.len(),
                    ],
                    $status,
                    0,
                )
            }),
        )*];

        /// The generic errors of a catalog of integer codes.
        static INTEGER_CODES: [Descriptor; COUNT] = [$(
            Descriptor::detached(&const {
                row::new(
                    stringify!($status),
                    concat!(stringify!($name), description!(), $reason),
                    [stringify!($name).len(), 0, 0, DESCRIPTION.len(), $reason.len()],
                    $status,
                    row::INT_CODE,
                )
            }),
        )*];
    };
}

// Every registered 4xx and 5xx status with its `http::StatusCode` name, then the two a
// status of neither list falls back to.
status_errors! {
    400 BAD_REQUEST BadRequest "Bad Request",
    401 UNAUTHORIZED Unauthorized "Unauthorized",
    402 PAYMENT_REQUIRED PaymentRequired "Payment Required",
    403 FORBIDDEN Forbidden "Forbidden",
    404 NOT_FOUND NotFound "Not Found",
    405 METHOD_NOT_ALLOWED MethodNotAllowed "Method Not Allowed",
    406 NOT_ACCEPTABLE NotAcceptable "Not Acceptable",
    407 PROXY_AUTHENTICATION_REQUIRED ProxyAuthenticationRequired "Proxy Authentication Required",
    408 REQUEST_TIMEOUT RequestTimeout "Request Timeout",
    409 CONFLICT Conflict "Conflict",
    410 GONE Gone "Gone",
    411 LENGTH_REQUIRED LengthRequired "Length Required",
    412 PRECONDITION_FAILED PreconditionFailed "Precondition Failed",
    413 PAYLOAD_TOO_LARGE PayloadTooLarge "Payload Too Large",
    414 URI_TOO_LONG UriTooLong "URI Too Long",
    415 UNSUPPORTED_MEDIA_TYPE UnsupportedMediaType "Unsupported Media Type",
    416 RANGE_NOT_SATISFIABLE RangeNotSatisfiable "Range Not Satisfiable",
    417 EXPECTATION_FAILED ExpectationFailed "Expectation Failed",
    418 IM_A_TEAPOT ImATeapot "I'm a teapot",
    421 MISDIRECTED_REQUEST MisdirectedRequest "Misdirected Request",
    422 UNPROCESSABLE_ENTITY UnprocessableEntity "Unprocessable Entity",
    423 LOCKED Locked "Locked",
    424 FAILED_DEPENDENCY FailedDependency "Failed Dependency",
    425 TOO_EARLY TooEarly "Too Early",
    426 UPGRADE_REQUIRED UpgradeRequired "Upgrade Required",
    428 PRECONDITION_REQUIRED PreconditionRequired "Precondition Required",
    429 TOO_MANY_REQUESTS TooManyRequests "Too Many Requests",
    431 REQUEST_HEADER_FIELDS_TOO_LARGE RequestHeaderFieldsTooLarge "Request Header Fields Too Large",
    451 UNAVAILABLE_FOR_LEGAL_REASONS UnavailableForLegalReasons "Unavailable For Legal Reasons",
    500 INTERNAL_SERVER_ERROR InternalServerError "Internal Server Error",
    501 NOT_IMPLEMENTED NotImplemented "Not Implemented",
    502 BAD_GATEWAY BadGateway "Bad Gateway",
    503 SERVICE_UNAVAILABLE ServiceUnavailable "Service Unavailable",
    504 GATEWAY_TIMEOUT GatewayTimeout "Gateway Timeout",
    505 HTTP_VERSION_NOT_SUPPORTED HttpVersionNotSupported "HTTP Version Not Supported",
    506 VARIANT_ALSO_NEGOTIATES VariantAlsoNegotiates "Variant Also Negotiates",
    507 INSUFFICIENT_STORAGE InsufficientStorage "Insufficient Storage",
    508 LOOP_DETECTED LoopDetected "Loop Detected",
    510 NOT_EXTENDED NotExtended "Not Extended",
    511 NETWORK_AUTHENTICATION_REQUIRED NetworkAuthenticationRequired "Network Authentication Required",
    // Statuses without a registered name: their class, written with the status itself.
    499 CLIENT_ERROR ClientError "Client Error",
    599 SERVER_ERROR ServerError "Server Error",
}

/// The generic error of `status` in `E`'s kind of code.
///
/// A catalog does not declare every status an HTTP service can answer with: a middleware's
/// 429, a proxy's 503, a handler's bare 404. When a middleware (`axum::ErrorLayer`, the
/// actix-web one) replaces such a response, and when a framework rejection has no variant to
/// go to, the body carries the generic error of the response's status: its code is the name
/// `http::StatusCode` gives the status (`TOO_MANY_REQUESTS`, `SERVICE_UNAVAILABLE`), or the
/// status itself in a catalog of integer codes (`429`); its message is the status's reason
/// phrase (`Too Many Requests`), or for a 4xx the response's own text. A status without a
/// registered name gets `CLIENT_ERROR` or `SERVER_ERROR`, with its own status.
///
/// | status | code | message |
/// |---|---|---|
/// | 400 | `BAD_REQUEST` | `Bad Request` |
/// | 404 | `NOT_FOUND` | `Not Found` |
/// | 405 | `METHOD_NOT_ALLOWED` | `Method Not Allowed` |
/// | 413 | `PAYLOAD_TOO_LARGE` | `Payload Too Large` |
/// | 415 | `UNSUPPORTED_MEDIA_TYPE` | `Unsupported Media Type` |
/// | 422 | `UNPROCESSABLE_ENTITY` | `Unprocessable Entity` |
/// | 429 | `TOO_MANY_REQUESTS` | `Too Many Requests` |
/// | 500 | `INTERNAL_SERVER_ERROR` (unless a variant is marked `#[api(internal)]`) | `Internal Server Error` |
/// | 503 | `SERVICE_UNAVAILABLE` | `Service Unavailable` |
/// | any other registered 4xx or 5xx | its `http::StatusCode` name | its reason phrase |
/// | an unregistered 4xx or 5xx | `CLIENT_ERROR`, `SERVER_ERROR` | `Client Error`, `Server Error` |
///
/// ```
/// use api_error_core::{ApiError, Code, status_error};
/// use http::StatusCode;
///
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE", status = 404)]
/// enum PetError { NoSuchPet }
///
/// #[derive(Debug, ApiError)]
/// enum OzError {
///     #[api(code = 10, status = 404)]
///     NotExist,
/// }
///
/// let limited = status_error::<PetError>(StatusCode::TOO_MANY_REQUESTS);
/// assert_eq!(limited.code(), Code::Str("TOO_MANY_REQUESTS"));
/// assert_eq!(limited.message(), Some("Too Many Requests"));
/// assert_eq!(status_error::<OzError>(StatusCode::SERVICE_UNAVAILABLE).code(), Code::Int(503));
///
/// let odd = status_error::<PetError>(StatusCode::from_u16(499).unwrap());
/// assert_eq!((odd.code(), odd.status().as_u16()), (Code::Str("CLIENT_ERROR"), 499));
/// ```
pub fn status_error<E: ApiError>(status: StatusCode) -> &'static Descriptor {
    generic_of(status, integer_codes(&E::CATALOG))
}

/// Whether a catalog's codes are integers; an empty catalog's are taken to be strings.
pub(crate) fn integer_codes(catalog: &Catalog) -> bool {
    matches!(
        catalog.iter().next().map(Descriptor::code),
        Some(Code::Int(_))
    )
}

/// The generic error of `status`: its own, or its class's with `status`.
pub(crate) fn generic_of(status: StatusCode, integer: bool) -> &'static Descriptor {
    // The two class errors are the tables' last entries.
    let (table, client, server) = if integer {
        (
            &INTEGER_CODES,
            &INTEGER_CODES[COUNT - 2],
            &INTEGER_CODES[COUNT - 1],
        )
    } else {
        (
            &STRING_CODES,
            &STRING_CODES[COUNT - 2],
            &STRING_CODES[COUNT - 1],
        )
    };
    let registered = table
        .iter()
        .take(COUNT - 2)
        .find(|descriptor| descriptor.status() == status);
    match registered {
        Some(descriptor) => descriptor,
        None if status.is_server_error() => with_status(server, status),
        None => with_status(client, status),
    }
}

/// Descriptors already given another status, each made once.
static RESTATED: Mutex<Vec<(&'static Descriptor, StatusCode, &'static Descriptor)>> =
    Mutex::new(Vec::new());

/// At most this many are kept: a rejection variant takes a handful of statuses, and so does
/// each status class.
const RESTATED_KEPT: usize = 512;

/// `descriptor` with `status` in place of its own.
///
/// The body of a rejection keeps the framework's status, and a body written from a
/// descriptor writes the descriptor's status (RFC 9457's `status`, `title`): so the response
/// needs a descriptor with that status, as `&'static` as any. Each is made once and kept;
/// variants times statuses bound how many there are.
pub(crate) fn with_status(
    descriptor: &'static Descriptor,
    status: StatusCode,
) -> &'static Descriptor {
    if descriptor.status() == status {
        return descriptor;
    }
    let mut made = RESTATED.lock().unwrap_or_else(PoisonError::into_inner);
    let known = made
        .iter()
        .find(|(original, with, _)| core::ptr::eq(*original, descriptor) && *with == status);
    if let Some((_, _, restated)) = known {
        return restated;
    }
    if made.len() >= RESTATED_KEPT {
        // Beyond any plausible use: the generic error of the status, which needs none.
        drop(made);
        return generic_of(status, matches!(descriptor.code(), Code::Int(_)));
    }
    let restated: &'static Descriptor = Box::leak(Box::new(descriptor.with_status(status)));
    made.push((descriptor, status, restated));
    restated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_status_has_a_generic_error_of_its_own_status() {
        for status in 400..600 {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
            for integer in [false, true] {
                let descriptor = generic_of(status, integer);
                assert_eq!(descriptor.status(), status);
                assert_eq!(matches!(descriptor.code(), Code::Int(_)), integer);
                if status.canonical_reason().is_some() && integer {
                    assert_eq!(descriptor.code(), Code::Int(i64::from(status.as_u16())));
                }
            }
        }
        let teapot = generic_of(StatusCode::IM_A_TEAPOT, false);
        assert_eq!(teapot.code_json(), "\"IM_A_TEAPOT\"");
        assert_eq!(generic_of(StatusCode::NOT_FOUND, true).code_json(), "404");
        let odd = StatusCode::from_u16(599).unwrap_or(StatusCode::BAD_REQUEST);
        assert_eq!(generic_of(odd, false).code(), Code::Str("SERVER_ERROR"));
    }

    #[test]
    fn a_descriptor_with_another_status_is_made_once() {
        let original = generic_of(StatusCode::BAD_REQUEST, false);
        let first = with_status(original, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let second = with_status(original, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(core::ptr::eq(first, second));
        assert_eq!(first.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(first.code(), original.code());
        assert!(core::ptr::eq(
            with_status(original, StatusCode::BAD_REQUEST),
            original
        ));
    }
}
