//! Behaviour tests live in `tests/`, compile-fail cases in `ui/`. This library holds the types
//! whose generated documentation `tests/test_rustdoc.rs` reads back.

use api_error_core::ApiError;

/// Errors whose catalog rustdoc must show on this page.
#[derive(Debug, ApiError)]
#[api(envelope = "incident")]
pub enum DocumentedError {
    /// Missing or invalid authentication.
    #[api(
        code = "UNAUTHORIZED",
        status = 401,
        retryable = "after re-authenticating"
    )]
    Unauthorized,
    /// Resource not found.
    #[api(
        code = "NOT_FOUND",
        status = 404,
        message = "Not found: Incident {id} not found"
    )]
    NotFound {
        /// The incident's id.
        id: String,
    },
    /// Too many requests.
    #[api(
        code = "RATE_LIMIT_EXCEEDED",
        status = 429,
        message = "Rate limit exceeded",
        retryable
    )]
    RateLimited,
}
