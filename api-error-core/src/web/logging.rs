//! Log events of error responses (feature `tracing`).
//!
//! Every error response records one [`tracing`](https://docs.rs/tracing) event, target
//! `api_error`, message `error response`: the responses of derived errors (their
//! `IntoResponse` and `ResponseError` impls) and every response the middlewares make
//! (`axum::ErrorLayer`, `actix_middleware!`: framework rejections, plain-text errors from
//! elsewhere, panics). Its fields follow the OpenTelemetry semantic conventions where they
//! have a name:
//!
//! | field | value |
//! |---|---|
//! | `error.type` | the code in the body (`DATABASE`, `404`, `NOT_FOUND`) |
//! | `http.response.status_code` | the response's status |
//! | `http.route` | the matched route (`/v2/pets/{pet_id}`), when a middleware runs the request |
//! | `request_id` | the request id the body and the response header carry |
//! | `exception.message` | the error's `Display` text (`Debug` for a type without it); for a response a middleware made, the text it replaced, or the panic's message |
//! | `exception.sources` | the error's `source()` chain, each after `: `, when it has sources |
//! | `rejection` | the [kind](crate::RejectionKind) of a framework rejection |
//!
//! A 5xx is recorded at `ERROR`: its body says nothing of the cause, so the event is where the
//! cause is found, by the request id the client reports. A 4xx is recorded at the level
//! [`set_client_error_level`] sets, `DEBUG` until it is called.
//!
//! With no subscriber, or none interested in the level, recording costs a comparison: no
//! field is computed.
//!
//! Behind a middleware, every error response also carries the error's
//! [`Descriptor`](crate::Descriptor) as a response extension (`&'static Descriptor`), so
//! the layers around it can read the code without parsing the body: `tower-http`'s
//! `TraceLayer`, a metrics layer. (The middleware adds it on the way out; a derived error's
//! `IntoResponse` alone does not, which spares every error response three allocations.)
//!
//! ```
//! # #[cfg(feature = "axum")]
//! # {
//! use api_error_core::axum::ErrorLayer;
//! use api_error_core::{ApiError, Descriptor};
//! use axum::{Router, body::Body, http::Request, routing::get};
//! use tower_service::Service;
//! use tracing::Level;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! #[api(code_case = "SCREAMING_SNAKE_CASE")]
//! enum Error {
//!     #[error("database unavailable: {0}")]
//!     #[api(status = 500)]
//!     Database(String),
//! }
//!
//! async fn handler() -> Result<(), Error> {
//!     Err(Error::Database("password=hunter2".into()))
//! }
//!
//! api_error_core::logging::set_client_error_level(Level::INFO);
//! assert_eq!(api_error_core::logging::client_error_level(), Level::INFO);
//!
//! let mut app = Router::new().route("/", get(handler)).layer(ErrorLayer::<Error>::new());
//! let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
//! let response = runtime.block_on(app.call(Request::new(Body::empty()))).unwrap();
//! let descriptor = response.extensions().get::<&Descriptor>().unwrap();
//! assert_eq!(descriptor.code(), "DATABASE");
//! # }
//! ```

use std::sync::atomic::{AtomicU8, Ordering};

use tracing::Level;

/// The level of 4xx events, as `level_index`.
static CLIENT_ERROR_LEVEL: AtomicU8 = AtomicU8::new(level_index(Level::DEBUG));

const fn level_index(level: Level) -> u8 {
    match level {
        Level::ERROR => 0,
        Level::WARN => 1,
        Level::INFO => 2,
        Level::DEBUG => 3,
        _ => 4,
    }
}

/// Records the events of 4xx responses at `level` from now on, in the whole process.
///
/// See the [module's documentation](self).
///
/// ```
/// use tracing::Level;
///
/// api_error_core::logging::set_client_error_level(Level::INFO);
/// assert_eq!(api_error_core::logging::client_error_level(), Level::INFO);
/// ```
pub fn set_client_error_level(level: Level) {
    CLIENT_ERROR_LEVEL.store(level_index(level), Ordering::Relaxed);
}

/// The level of 4xx events: `DEBUG`, unless [`set_client_error_level`] chose another.
///
/// See the [module's documentation](self).
///
/// ```
/// use tracing::Level;
///
/// api_error_core::logging::set_client_error_level(Level::INFO);
/// let level = api_error_core::logging::client_error_level();
/// assert_eq!(level, Level::INFO);
/// ```
pub fn client_error_level() -> Level {
    match CLIENT_ERROR_LEVEL.load(Ordering::Relaxed) {
        0 => Level::ERROR,
        1 => Level::WARN,
        2 => Level::INFO,
        3 => Level::DEBUG,
        _ => Level::TRACE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_errors_are_debug_until_set_and_every_level_can_be_set() {
        // No other unit test sets the level.
        assert_eq!(client_error_level(), Level::DEBUG);
        for level in [
            Level::ERROR,
            Level::WARN,
            Level::INFO,
            Level::TRACE,
            Level::DEBUG,
        ] {
            set_client_error_level(level);
            assert_eq!(client_error_level(), level);
        }
    }
}
