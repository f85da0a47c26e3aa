//! An error as a whole HTTP response: status, content type, headers and body, for any
//! framework that speaks the `http` crate's types.

use std::cell::Cell;
use std::convert::Infallible;

use http::header::{CONTENT_TYPE, HeaderName};
use http::{HeaderValue, Response, StatusCode};

use crate::{ApiError, RequestContext};

thread_local! {
    /// Where this thread writes bodies before each is copied into an allocation of its size.
    static SCRATCH: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// The largest scratch buffer a thread keeps for the next body.
const SCRATCH_KEPT: usize = 64 * 1024;

/// A body written by `write`, in an allocation of exactly its length.
///
/// Frameworks turn a `Vec<u8>` into `bytes::Bytes` without another allocation only when it
/// has no spare capacity; writing into a reused buffer and copying costs one allocation where
/// growing a fresh `Vec` costs one or more, and conversion one more. A body written while
/// another is being written on the same thread (by a `Display` or `Serialize` impl) gets a
/// buffer of its own.
pub(crate) fn sized_body<E>(
    write: impl FnOnce(&mut Vec<u8>) -> Result<(), E>,
) -> Result<Vec<u8>, E> {
    let mut scratch = SCRATCH.try_with(Cell::take).unwrap_or_default();
    scratch.clear();
    let body = write(&mut scratch).map(|()| scratch.as_slice().to_vec());
    if scratch.capacity() <= SCRATCH_KEPT {
        // During the thread's teardown there is nowhere to keep it; it is dropped.
        let _ = SCRATCH.try_with(|cell| cell.set(scratch));
    }
    body
}

/// The response for `error`; see [`ApiError::to_response`].
pub(crate) fn build<E: ApiError>(error: &E, context: &RequestContext<'_>) -> Response<Vec<u8>> {
    let Ok(body) = sized_body(|out| error.write_body(context, out)) else {
        return internal::<E>(context);
    };
    let mut response = with_body(error.status(), error.content_type(), body);
    append_headers(response.headers_mut(), error.headers());
    response
}

/// A response of this status, content type (none for an empty body) and headers, with the
/// body `write` writes; `None` when it fails.
pub(crate) fn build_with<'a, E>(
    status: StatusCode,
    content_type: &'static str,
    headers: impl Iterator<Item = (&'static str, crate::HeaderValue<'a>)>,
    write: impl FnOnce(&mut Vec<u8>) -> Result<(), E>,
) -> Option<Response<Vec<u8>>> {
    let body = sized_body(write).ok()?;
    let mut response = with_body(status, content_type, body);
    append_headers(response.headers_mut(), headers);
    Some(response)
}

/// Appends an error's headers.
pub(crate) fn append_headers<'a>(
    map: &mut http::HeaderMap,
    headers: impl Iterator<Item = (&'static str, crate::HeaderValue<'a>)>,
) {
    for (name, value) in headers {
        // Names and static values were checked at compile time and Retry-After values are
        // digits or HTTP dates; a field's text with a line break in it is left out. Nothing
        // can panic.
        let name = HeaderName::from_bytes(name.as_bytes());
        let value = match value {
            crate::HeaderValue::Static(value) => HeaderValue::from_str(value),
            other => HeaderValue::try_from(other.to_string()),
        };
        if let (Ok(name), Ok(value)) = (name, value) {
            map.append(name, value);
        }
    }
}

/// The fixed `500 Internal Server Error` response of `E`'s envelope; see
/// [`ApiError::internal_response`].
pub(crate) fn internal<E: ApiError>(context: &RequestContext<'_>) -> Response<Vec<u8>> {
    let Ok(body) = sized_body(|out| {
        E::write_descriptor_body(E::internal_descriptor(), context, out);
        Ok::<(), Infallible>(())
    });
    with_body(
        StatusCode::INTERNAL_SERVER_ERROR,
        E::body_content_type(),
        body,
    )
}

/// A response of `status` with `body` and its content type (none for an empty body).
pub(crate) fn with_body(
    status: StatusCode,
    content_type: &'static str,
    body: Vec<u8>,
) -> Response<Vec<u8>> {
    let empty = body.is_empty();
    let mut response = Response::new(body);
    *response.status_mut() = status;
    // A response without a body (`Shape::no_body`) has no content type either.
    if !empty {
        response
            .headers_mut()
            .insert(CONTENT_TYPE, content_type_value(content_type));
    }
    response
}

const JSON: HeaderValue = HeaderValue::from_static("application/json");
const PROBLEM_JSON: HeaderValue = HeaderValue::from_static("application/problem+json");

/// The header value of a content type: the common ones are constants, which cost no
/// allocation and no check per response; others are checked (and copied) each time, and one
/// that is not a valid header value becomes `application/json`.
fn content_type_value(content_type: &'static str) -> HeaderValue {
    match content_type {
        "application/json" => JSON,
        "application/problem+json" => PROBLEM_JSON,
        other => HeaderValue::from_str(other).unwrap_or(JSON),
    }
}

#[cfg(test)]
mod tests {
    use core::fmt;

    use crate::{ApiError, RequestContext};

    #[derive(Debug, crate::ApiError)]
    #[api(crate = crate, envelope = "incident", code_case = "SCREAMING_SNAKE_CASE")]
    enum Error {
        #[api(status = 404, message = "no pet {0}")]
        NoPet(Nested),
        #[api(status = 410, message = "gone")]
        Gone,
        #[api(status = 400, message = "bad {0}")]
        Bad(String),
    }

    fn kept_capacity() -> usize {
        super::SCRATCH.with(|cell| {
            let scratch = cell.take();
            let capacity = scratch.capacity();
            cell.set(scratch);
            capacity
        })
    }

    /// A value whose `Display` writes a whole response of its own on the same thread.
    #[derive(Debug)]
    struct Nested;

    impl fmt::Display for Nested {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let inner = Error::Gone.to_response(&RequestContext::new());
            f.write_str(core::str::from_utf8(inner.body()).unwrap_or("?"))
        }
    }

    #[test]
    fn a_body_has_no_spare_capacity() {
        for error in [Error::Gone, Error::NoPet(Nested)] {
            let response = error.to_response(&RequestContext::new());
            assert_eq!(response.body().len(), response.body().capacity());
        }
        let response = Error::internal_response(&RequestContext::new());
        assert_eq!(response.body().len(), response.body().capacity());
    }

    #[test]
    fn a_body_written_while_another_is_written_has_its_own_buffer() {
        let gone = r#"{"code":"GONE","message":"gone"}"#;
        for _ in 0..2 {
            let response = Error::NoPet(Nested).to_response(&RequestContext::new());
            let body = core::str::from_utf8(response.body()).unwrap_or_default();
            let expected = format!(
                r#"{{"code":"NO_PET","message":"no pet {}"}}"#,
                gone.replace('"', "\\\"")
            );
            assert_eq!(body, expected);
            // The buffer the thread keeps is still good for the next body.
            let again = Error::Gone.to_response(&RequestContext::new());
            assert_eq!(again.body(), gone.as_bytes());
        }
    }

    #[test]
    fn a_thread_keeps_a_small_buffer_but_not_a_large_one() {
        let _ = Error::Gone.to_response(&RequestContext::new());
        assert!(kept_capacity() > 0);
        let large = Error::Bad("x".repeat(super::SCRATCH_KEPT * 2));
        let response = large.to_response(&RequestContext::new());
        assert!(response.body().len() > super::SCRATCH_KEPT * 2);
        assert_eq!(kept_capacity(), 0);
    }

    #[test]
    fn content_types_become_header_values() {
        use super::content_type_value;
        for text in [
            "application/json",
            "application/problem+json",
            "text/plain; charset=utf-8",
        ] {
            assert_eq!(content_type_value(text), text);
        }
        assert_eq!(content_type_value("bad\nvalue"), "application/json");
    }
}
