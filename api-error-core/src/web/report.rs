//! What is known of an error for its log event, and the event itself (feature `tracing`).
//!
//! A derived error's response is made where the value still exists, so its event carries
//! its `Display` text and `source()` chain. Generated code finds out which of them the type
//! has by calling `(&&&&Reported(&error)).report()`: method lookup tries the impl for
//! `&&&Reported` (an `Error`) first, then `&&Reported` (`Display`), `&Reported` (`Debug`) and
//! `Reported` (anything), so the most capable one that applies wins.

use core::fmt;
use std::error::Error;

#[cfg(all(feature = "tracing", feature = "request-context"))]
use http::StatusCode;

#[cfg(all(feature = "tracing", feature = "request-context"))]
use crate::Descriptor;

/// How an error can be written into its log event.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub enum Report<'a> {
    /// An `std::error::Error`: its `Display` text and its `source()` chain.
    Error(&'a (dyn Error + 'a)),
    /// A type with `Display` only.
    Display(&'a dyn fmt::Display),
    /// A type with `Debug` only.
    Debug(&'a dyn fmt::Debug),
    /// Text that stands for the error: a framework's explanation, a panic's message.
    Text(&'a str),
    /// Nothing to write.
    Nothing,
}

/// An error value on its way to its [`Report`]; see the module's documentation.
#[doc(hidden)]
pub struct Reported<'a, T: ?Sized>(pub &'a T);

/// The `report` of an `std::error::Error`.
#[doc(hidden)]
pub trait ReportError<'a> {
    fn report(&self) -> Report<'a>;
}

impl<'a, T: Error> ReportError<'a> for &&&Reported<'a, T> {
    fn report(&self) -> Report<'a> {
        Report::Error(self.0)
    }
}

/// The `report` of a type with `Display`.
#[doc(hidden)]
pub trait ReportDisplay<'a> {
    fn report(&self) -> Report<'a>;
}

impl<'a, T: fmt::Display> ReportDisplay<'a> for &&Reported<'a, T> {
    fn report(&self) -> Report<'a> {
        Report::Display(self.0)
    }
}

/// The `report` of a type with `Debug`.
#[doc(hidden)]
pub trait ReportDebug<'a> {
    fn report(&self) -> Report<'a>;
}

impl<'a, T: fmt::Debug> ReportDebug<'a> for &Reported<'a, T> {
    fn report(&self) -> Report<'a> {
        Report::Debug(self.0)
    }
}

/// The `report` of any other type.
#[doc(hidden)]
pub trait ReportNothing<'a> {
    fn report(&self) -> Report<'a>;
}

impl<'a, T: ?Sized> ReportNothing<'a> for Reported<'a, T> {
    fn report(&self) -> Report<'a> {
        Report::Nothing
    }
}

impl fmt::Display for Report<'_> {
    /// The error's own text: `Display`, else `Debug`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Report::Error(error) => fmt::Display::fmt(error, f),
            Report::Display(error) => error.fmt(f),
            Report::Debug(error) => error.fmt(f),
            Report::Text(text) => f.write_str(text),
            Report::Nothing => Ok(()),
        }
    }
}

/// The `source()` chain of an error, each source's text after `: `.
#[cfg(all(feature = "tracing", feature = "request-context"))]
struct Sources<'a>(&'a (dyn Error + 'a));

#[cfg(all(feature = "tracing", feature = "request-context"))]
impl fmt::Display for Sources<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut source = self.0.source();
        let mut first = true;
        while let Some(error) = source {
            if !first {
                f.write_str(": ")?;
            }
            first = false;
            fmt::Display::fmt(error, f)?;
            source = error.source();
        }
        Ok(())
    }
}

#[cfg(all(feature = "tracing", feature = "request-context"))]
impl Report<'_> {
    fn sources(&self) -> Option<Sources<'_>> {
        match *self {
            Report::Error(error) if error.source().is_some() => Some(Sources(error)),
            _ => None,
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, Report::Nothing | Report::Text(""))
    }
}

/// Records the event of one error response: at ERROR for a 5xx, at the level
/// [`set_client_error_level`](crate::logging::set_client_error_level) chose for a 4xx.
#[cfg(all(feature = "tracing", feature = "request-context"))]
pub(crate) fn event(
    descriptor: &Descriptor,
    status: StatusCode,
    report: Report<'_>,
    rejection: Option<crate::RejectionKind>,
) {
    use tracing::Level;
    use tracing::level_filters::LevelFilter;

    // With no subscriber, or none that wants any event, one load and done.
    if LevelFilter::current() == LevelFilter::OFF {
        return;
    }
    let level = if status.is_server_error() {
        Level::ERROR
    } else {
        crate::logging::client_error_level()
    };
    // Nothing below runs unless a subscriber wants events at this level.
    macro_rules! at {
        ($level:expr) => {
            tracing::event!(
                target: "api_error",
                $level,
                "error.type" = %descriptor.code(),
                "http.response.status_code" = status.as_u16(),
                "http.route" = current_route().as_deref(),
                request_id = current_id().as_deref(),
                "exception.message" = (!report.is_empty()).then_some(tracing::field::display(&report)),
                "exception.sources" = report.sources().map(tracing::field::display),
                rejection = rejection.map(crate::RejectionKind::name),
                "error response"
            )
        };
    }
    match level {
        Level::ERROR => at!(Level::ERROR),
        Level::WARN => at!(Level::WARN),
        Level::INFO => at!(Level::INFO),
        Level::DEBUG => at!(Level::DEBUG),
        _ => at!(Level::TRACE),
    }
}

/// The current request's id, if a middleware runs the request.
#[cfg(all(feature = "tracing", feature = "request-context"))]
fn current_id() -> Option<std::sync::Arc<str>> {
    crate::request::current_id()
}

/// The current request's route, if a middleware runs the request and its framework says.
#[cfg(all(feature = "tracing", feature = "request-context"))]
fn current_route() -> Option<std::sync::Arc<str>> {
    crate::request::current_route()
}
