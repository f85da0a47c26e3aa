//! An error as a whole HTTP response: status, content type, headers and body, for any
//! framework that speaks the `http` crate's types.

use http::header::{CONTENT_TYPE, HeaderName};
use http::{HeaderValue, Response, StatusCode};

use crate::descriptor::{DescriptorParts, MessageParts, NO_TEXT, RetryableParts};
use crate::{ApiError, Code, Descriptor, RequestContext};

/// The response for `error`; see [`ApiError::to_response`].
pub(crate) fn build<E: ApiError>(error: &E, context: &RequestContext<'_>) -> Response<Vec<u8>> {
    let mut body = Vec::with_capacity(128);
    if error.write_body(context, &mut body).is_err() {
        return internal::<E>(context);
    }
    let mut response = with_body(error.status(), error.content_type(), body);
    let headers = response.headers_mut();
    for (name, value) in error.headers() {
        // Names and static values were checked at compile time and Retry-After values are
        // digits or HTTP dates, so nothing is skipped in practice; but nothing can panic either.
        let name = HeaderName::from_bytes(name.as_bytes());
        let value = match value {
            crate::HeaderValue::Static(value) => HeaderValue::from_str(value),
            crate::HeaderValue::RetryAfter(value) => HeaderValue::try_from(value.to_string()),
        };
        if let (Ok(name), Ok(value)) = (name, value) {
            headers.append(name, value);
        }
    }
    response
}

/// The fixed `500 Internal Server Error` response of `E`'s envelope; see
/// [`ApiError::internal_response`].
pub(crate) fn internal<E: ApiError>(context: &RequestContext<'_>) -> Response<Vec<u8>> {
    let mut body = Vec::with_capacity(96);
    E::write_descriptor_body(internal_descriptor::<E>(), context, &mut body);
    with_body(
        StatusCode::INTERNAL_SERVER_ERROR,
        E::body_content_type(),
        body,
    )
}

/// The catalog's own 500 error when it has one with a fixed message, else a built-in one whose
/// code is of the catalog's kind.
fn internal_descriptor<E: ApiError>() -> &'static Descriptor {
    let descriptors = E::CATALOG.descriptors();
    let own = descriptors.iter().find(|descriptor| {
        // A template message would show its placeholders; only fixed messages qualify.
        descriptor.status() == StatusCode::INTERNAL_SERVER_ERROR
            && (descriptor.message().is_none() || descriptor.message_json().is_some())
    });
    match own {
        Some(descriptor) => descriptor,
        None if matches!(
            descriptors.first().map(Descriptor::code),
            Some(Code::Int(_))
        ) =>
        {
            &INTERNAL_INT
        }
        None => &INTERNAL_STR,
    }
}

const fn internal_parts(code: Code, code_json: &'static str) -> DescriptorParts {
    DescriptorParts {
        index: usize::MAX,
        variant: "InternalServerError",
        code,
        status: 500,
        name: "InternalServerError",
        description: "The server could not produce the error's own response.",
        message: MessageParts::Fixed("Internal Server Error", "\"Internal Server Error\""),
        causes: NO_TEXT,
        solutions: NO_TEXT,
        retryable: RetryableParts::Unstated,
        category: "",
        code_json,
    }
}

static INTERNAL_STR: Descriptor = Descriptor::from_parts(internal_parts(
    Code::Str("INTERNAL_SERVER_ERROR"),
    "\"INTERNAL_SERVER_ERROR\"",
));

static INTERNAL_INT: Descriptor = Descriptor::from_parts(internal_parts(Code::Int(500), "500"));

fn with_body(status: StatusCode, content_type: &'static str, body: Vec<u8>) -> Response<Vec<u8>> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let content_type =
        HeaderValue::from_str(content_type).unwrap_or(HeaderValue::from_static("application/json"));
    response.headers_mut().insert(CONTENT_TYPE, content_type);
    response
}
