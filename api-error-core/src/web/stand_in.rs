//! Bodies that stand in for another's: the generic error of a status, with a response's own
//! text for its message, and a rejection variant written with the framework's status.

use core::fmt;

use http::{Response, StatusCode};

use crate::model::descriptor::reason;
use crate::web::response::{append_headers, build, internal, sized_body, with_body};
use crate::web::status;
use crate::{ApiError, Catalog, Descriptor, Details, Headers, RequestContext};

/// The response for `error` with `status` in place of its own (a rejection keeps the
/// framework's status), in `E`'s envelope, and the descriptor of its body; the fixed 500 if
/// its body cannot be written.
pub(crate) fn with_status<E: ApiError>(
    error: &E,
    status: StatusCode,
    context: &RequestContext<'_>,
) -> (Response<Vec<u8>>, &'static Descriptor) {
    let descriptor = status::with_status(error.descriptor(), status);
    let response = if error.status() == status {
        build(error, context)
    } else {
        let restated = Restated { error, descriptor };
        match sized_body(|out| E::write_body_of(&restated, context, out)) {
            Ok(body) => {
                let mut response = with_body(status, E::body_content_type(), body);
                append_headers(response.headers_mut(), error.headers());
                response
            }
            Err(_) => internal::<E>(context),
        }
    };
    if response.status() == status {
        (response, descriptor)
    } else {
        (response, E::internal_descriptor())
    }
}

/// The response of the generic error of `status` in `E`'s envelope, with `text` for its
/// message when there is one, and the descriptor of its body.
pub(crate) fn generic<E: ApiError>(
    status: StatusCode,
    text: Option<&str>,
    context: &RequestContext<'_>,
) -> (Response<Vec<u8>>, &'static Descriptor) {
    let descriptor = status::status_error::<E>(status);
    let error = StatusError { descriptor, text };
    match sized_body(|out| E::write_body_of(&error, context, out)) {
        Ok(body) => (with_body(status, E::body_content_type(), body), descriptor),
        Err(_) => (internal::<E>(context), E::internal_descriptor()),
    }
}

/// A generic error's value, with the text that stands in for its reason phrase.
struct StatusError<'a> {
    descriptor: &'static Descriptor,
    text: Option<&'a str>,
}

impl ApiError for StatusError<'_> {
    const CATALOG: Catalog = Catalog::from_parts("StatusError", &[], &[]);

    fn descriptor(&self) -> &'static Descriptor {
        self.descriptor
    }

    fn write_message<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        match self.text {
            Some(text) if !text.is_empty() => out.write_str(text),
            _ => out.write_str(reason(self.descriptor.status().as_u16())),
        }
    }

    fn static_message(&self) -> Option<&'static str> {
        None
    }
}

/// An error of type `E` written with another descriptor: a rejection variant with the
/// framework's status.
struct Restated<'a, E> {
    error: &'a E,
    descriptor: &'static Descriptor,
}

impl<E: ApiError> ApiError for Restated<'_, E> {
    const CATALOG: Catalog = E::CATALOG;

    fn descriptor(&self) -> &'static Descriptor {
        self.descriptor
    }

    fn write_message<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        self.error.write_message(out)
    }

    fn static_message(&self) -> Option<&'static str> {
        self.error.static_message()
    }

    fn details(&self) -> Option<&dyn Details> {
        self.error.details()
    }

    fn headers(&self) -> Headers<'_> {
        self.error.headers()
    }
}
