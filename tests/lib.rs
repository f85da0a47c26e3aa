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

/// Declares an error enum in the given envelope with one variant of each kind the envelopes
/// treat differently: an interpolated message, field errors, optional pass-through details,
/// and two errors sharing a status. The OpenAPI tests here and the conformance tests use it.
#[macro_export]
macro_rules! fixture_catalog {
    ($name:ident, $envelope:expr) => {
        #[derive(Debug, ::api_error_core::ApiError)]
        #[api(envelope = $envelope, code_case = "SCREAMING_SNAKE_CASE")]
        pub enum $name {
            /// No such thing.
            #[api(status = 404, message = "no {0}")]
            NotFound(String),
            #[api(status = 422, message = "invalid request")]
            Invalid {
                #[api(details, example = ::api_error_core::FieldErrors::from([
                    ::api_error_core::FieldError::new("name", "required").code("required").location("body"),
                    ::api_error_core::FieldError::new("email", "bad"),
                ]))]
                fields: ::api_error_core::FieldErrors,
            },
            #[api(status = 409)]
            Conflict {
                #[api(details, example = Some(vec![1, 2]))]
                existing: Option<Vec<u32>>,
            },
            #[api(status = 429, retryable)]
            RateLimited,
            #[api(status = 429)]
            QuotaExhausted,
        }
    };
}

/// The fixture in every built-in envelope.
pub mod fixtures {
    crate::fixture_catalog!(Problem, "problem");
    crate::fixture_catalog!(Petnow, "petnow");
    crate::fixture_catalog!(Tennis, "tennis_registry");
    crate::fixture_catalog!(Oz, "oz");
    crate::fixture_catalog!(Face, "face");
    crate::fixture_catalog!(Incident, "incident");
}
