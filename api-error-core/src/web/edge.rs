//! What the middlewares answer in place of error responses that no derived error wrote:
//! framework rejections, plain-text (or empty) errors from handlers and other middleware, and
//! panics. The framework-specific layers find these and copy the answer over; everything they
//! share is here.

use std::borrow::Cow;

use http::{Response, StatusCode};

use crate::request::with_current;
use crate::web::report::Report;
use crate::web::stand_in;
use crate::{ApiError, Descriptor, Rejection, RejectionKind};

/// The most of a plain-text body that a replacement keeps, in bytes: a longer text is cut
/// there (at a character's start) and ends with [`CUT_MARK`].
///
/// ```
/// use api_error_core::request::{CUT_MARK, TEXT_LIMIT};
///
/// assert_eq!(TEXT_LIMIT, 16 * 1024);
/// assert!(CUT_MARK.contains("truncated"));
/// ```
pub const TEXT_LIMIT: usize = 16 * 1024;

/// What ends a text cut at [`TEXT_LIMIT`].
///
/// ```
/// use api_error_core::request::CUT_MARK;
///
/// assert_eq!(CUT_MARK, "… (truncated)");
/// ```
pub const CUT_MARK: &str = "… (truncated)";

/// A plain-text body, read up to [`TEXT_LIMIT`] bytes.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct TextReader {
    bytes: Vec<u8>,
    cut: bool,
}

impl TextReader {
    /// Takes the next chunk of the body; `false` once the limit is reached, when the rest
    /// need not be read.
    pub fn push(&mut self, chunk: &[u8]) -> bool {
        let room = TEXT_LIMIT.saturating_sub(self.bytes.len());
        match chunk.get(..room) {
            Some(kept) if kept.len() < chunk.len() => {
                self.bytes.extend_from_slice(kept);
                self.cut = true;
                false
            }
            _ => {
                self.bytes.extend_from_slice(chunk);
                true
            }
        }
    }

    /// The text read: invalid UTF-8 replaced, a character the limit split dropped, and
    /// [`CUT_MARK`] at the end when the body was longer.
    pub fn finish(mut self) -> String {
        if self.cut
            && let Err(error) = std::str::from_utf8(&self.bytes)
            && error.error_len().is_none()
        {
            self.bytes.truncate(error.valid_up_to());
        }
        let mut text = match String::from_utf8_lossy(&self.bytes) {
            Cow::Borrowed(_) => String::from_utf8(self.bytes).unwrap_or_default(),
            Cow::Owned(text) => text,
        };
        if self.cut {
            text.push_str(CUT_MARK);
        }
        text
    }
}

/// What a middleware found in place of a derived error's response.
#[doc(hidden)]
#[derive(Debug)]
pub enum Found {
    /// A request the framework refused.
    Rejection(Rejection),
    /// A plain-text (or empty) error response from a handler or another middleware.
    Plain {
        /// Its status, which the answer keeps.
        status: StatusCode,
        /// Its text, as [`TextReader`] read it.
        text: String,
    },
    /// A handler that panicked, with the panic's message.
    Panic(String),
}

/// The answer to what was found, in `E`'s envelope, with the current request's context, and
/// the descriptor of its body; its event is recorded.
///
/// - A rejection keeps its status: it becomes the variant that takes its kind, else the
///   generic error of its status with the rejection's text as the message.
/// - A plain-text 4xx keeps its status and becomes the generic error of it, its text the
///   message.
/// - A 5xx keeps its status and says nothing of its text: a 500 is `E`'s fixed 500, any other
///   the generic error of its status. The text goes to the log.
/// - A panic is `E`'s fixed 500; the message goes to the log.
#[doc(hidden)]
pub fn answer<E: ApiError>(found: Found) -> (Response<Vec<u8>>, &'static Descriptor) {
    let ((response, descriptor), report_text, rejection) = with_current(|context| match &found {
        Found::Panic(message) => (fixed::<E>(context), message.as_str(), None),
        Found::Plain { status, text } => (plain::<E>(*status, text, context), text.as_str(), None),
        Found::Rejection(rejection) if rejection.status().is_server_error() => (
            plain::<E>(rejection.status(), rejection.message(), context),
            rejection.message(),
            Some(rejection),
        ),
        Found::Rejection(rejection) => {
            let answer = match E::from_rejection(rejection.clone()) {
                Some(error) => stand_in::with_status(&error, rejection.status(), context),
                None => {
                    let text = rejection.to_string();
                    stand_in::generic::<E>(rejection.status(), Some(&text), context)
                }
            };
            (answer, rejection.message(), Some(rejection))
        }
    });
    record(
        descriptor,
        response.status(),
        Report::Text(report_text),
        rejection.map(Rejection::kind),
    );
    (response, descriptor)
}

/// `E`'s fixed 500 and its descriptor.
fn fixed<E: ApiError>(
    context: &crate::RequestContext<'_>,
) -> (Response<Vec<u8>>, &'static Descriptor) {
    (E::internal_response(context), E::internal_descriptor())
}

/// The answer to a plain-text error response of `status` with `text`.
fn plain<E: ApiError>(
    status: StatusCode,
    text: &str,
    context: &crate::RequestContext<'_>,
) -> (Response<Vec<u8>>, &'static Descriptor) {
    if status == StatusCode::INTERNAL_SERVER_ERROR {
        fixed::<E>(context)
    } else if status.is_server_error() {
        stand_in::generic::<E>(status, None, context)
    } else {
        stand_in::generic::<E>(status, Some(text), context)
    }
}

/// What a plain-text (or empty) error response of `status` stands for: an unknown route
/// (a 404 where no route matched), a wrong method (405), too large a body (413), or a plain
/// error of its own.
#[doc(hidden)]
pub fn found(status: u16, text: String, routed: bool) -> Found {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match status_kind(status, routed) {
        Some(kind) => Found::Rejection(Rejection::new(kind, status, text)),
        None => Found::Plain { status, text },
    }
}

/// The rejection kind a status alone tells.
pub(crate) fn status_kind(status: StatusCode, routed: bool) -> Option<RejectionKind> {
    match status {
        StatusCode::NOT_FOUND if !routed => Some(RejectionKind::UnknownRoute),
        StatusCode::METHOD_NOT_ALLOWED => Some(RejectionKind::Method),
        StatusCode::PAYLOAD_TOO_LARGE => Some(RejectionKind::BodyTooLarge),
        _ => None,
    }
}

/// Whether a response's body is plain text, or has no content type (an empty body, most
/// likely): what frameworks, handlers and middleware answer errors with when they say little.
/// An encoded body is not read as text.
#[doc(hidden)]
pub fn is_plain(content_type: Option<&[u8]>, encoded: bool) -> bool {
    !encoded && content_type.is_none_or(|value| value.starts_with(b"text/plain"))
}

/// Records the event of one error response (with the `tracing` feature).
#[doc(hidden)]
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub fn record(
    descriptor: &Descriptor,
    status: StatusCode,
    report: Report<'_>,
    rejection: Option<RejectionKind>,
) {
    #[cfg(feature = "tracing")]
    crate::web::report::event(descriptor, status, report, rejection);
}

/// Logs once per process, with the `tracing` feature, that a derived error answered outside
/// any middleware: framework rejections, unknown routes and panics are then not in the
/// envelope, and bodies carry no request id. `setup` is the middleware's expression, with
/// `{}` where the type goes.
#[doc(hidden)]
// Without `tracing` there is nothing to log after the check.
#[cfg_attr(
    not(feature = "tracing"),
    allow(unused_variables, clippy::needless_return)
)]
pub fn warn_outside<E>(setup: &str) {
    use std::sync::atomic::{AtomicBool, Ordering};

    static WARNED: AtomicBool = AtomicBool::new(false);
    // A load first: a swap on every response outside the layer would cost more than a load.
    if WARNED.load(Ordering::Relaxed) || WARNED.swap(true, Ordering::Relaxed) {
        return;
    }
    #[cfg(feature = "tracing")]
    {
        let error = std::any::type_name::<E>();
        tracing::warn!(
            target: "api_error",
            error,
            "an error answered outside its middleware: framework rejections, unknown routes and \
             panics are not in the envelope, and bodies carry no request id; add `{}` to the \
             app",
            setup.replace("{}", error),
        );
    }
}

/// The text of a panic's payload: a `&str` or `String` message, else a placeholder.
#[doc(hidden)]
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_owned()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_is_kept_whole() {
        let mut reader = TextReader::default();
        assert!(reader.push(b"too many "));
        assert!(reader.push(b"requests"));
        assert_eq!(reader.finish(), "too many requests");
    }

    #[test]
    fn a_long_text_is_cut_at_a_character_and_marked() {
        let mut reader = TextReader::default();
        let long = "é".repeat(TEXT_LIMIT);
        assert!(!reader.push(long.as_bytes()));
        let text = reader.finish();
        let kept = text.strip_suffix(CUT_MARK).unwrap_or_default();
        assert_eq!(kept.len(), TEXT_LIMIT);
        assert!(kept.chars().all(|c| c == 'é'));

        let mut reader = TextReader::default();
        assert!(reader.push(b"x"));
        assert!(!reader.push("é".repeat(TEXT_LIMIT).as_bytes()));
        let text = reader.finish();
        // The limit falls inside a character, which is dropped.
        assert_eq!(text.len(), TEXT_LIMIT - 1 + CUT_MARK.len());
    }

    #[test]
    fn invalid_text_is_replaced() {
        let mut reader = TextReader::default();
        reader.push(b"bad \xff byte");
        assert_eq!(reader.finish(), "bad \u{fffd} byte");
    }

    #[test]
    fn panic_messages() {
        assert_eq!(panic_message(&"boom"), "boom");
        assert_eq!(panic_message(&String::from("bang")), "bang");
        assert_eq!(panic_message(&7_u8), "a panic without a message");
    }
}
