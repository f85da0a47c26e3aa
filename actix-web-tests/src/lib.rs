//! An error catalog served by actix-web, for the tests in `tests/`.

use api_error_core::{ApiError, FieldErrors};
use serde::{Serialize, Serializer};

/// Internal text that must never reach a client.
pub const SECRET: &str = "postgres://admin:hunter2@10.0.0.7/faces";

/// Details whose serialization always fails.
#[derive(Debug)]
pub struct Unserializable;

impl Serialize for Unserializable {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(SECRET))
    }
}

/// The face API's errors, as an actix-web service answers them.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(
    envelope = "face",
    code_case = "SCREAMING_SNAKE_CASE",
    header("cache-control", "no-store"),
    actix_web
)]
pub enum FaceError {
    /// No face with that id.
    #[error("face {0} missing")]
    #[api(
        status = 404,
        message = "No face found with the given ID in this collection."
    )]
    FaceNotFound(String),
    /// A bad or missing key.
    #[error("invalid key")]
    #[api(
        status = 401,
        message = "Invalid API key.",
        www_authenticate = "Bearer realm=\"faces\""
    )]
    InvalidApiKey,
    /// Too many requests.
    #[error("rate limited")]
    #[api(status = 429, message = "API key RPM limit exceeded.")]
    RateLimitExceeded {
        /// Seconds until the next request is accepted.
        #[api(retry_after)]
        seconds: u64,
    },
    /// A request the framework refused.
    #[error("request rejected")]
    #[api(status = 400, message = "Request validation failed.", rejection)]
    ValidationError {
        /// What was wrong.
        #[api(details)]
        fields: FieldErrors,
    },
    /// A database failure, whose text stays in logs.
    #[error("database unavailable: {0}")]
    #[api(status = 500)]
    Database(String),
    /// Details that cannot be written.
    #[error("broken details")]
    #[api(status = 422, message = "Unprocessable.")]
    BrokenDetails {
        /// Fails to serialize.
        #[api(details)]
        details: Unserializable,
    },
}
