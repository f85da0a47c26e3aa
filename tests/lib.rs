//! Behaviour tests live in `tests/`, compile-fail cases in `ui/`. This library holds the types
//! whose generated documentation `tests/test_rustdoc.rs` reads back.

use api_error_core::ApiError;

/// Errors whose catalog rustdoc must show on this page.
#[derive(Debug, ApiError)]
#[api(envelope = "incident")]
pub enum DocumentedError {
    /// Missing or invalid authentication.
    #[api(code = "UNAUTHORIZED", status = 401, retryable = "after re-auth")]
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

/// Errors of a handler that wraps [`DocumentedError`]: its page lists the wrapped type.
#[derive(Debug, ApiError)]
#[api(envelope = "incident")]
pub enum WrappingError {
    /// The request was malformed.
    #[api(code = "MALFORMED", status = 400)]
    Malformed,
    /// Everything the documented errors say.
    #[api(transparent)]
    Documented(DocumentedError),
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

/// What the HTTP tests of both frameworks share: the face API's errors, with every response
/// feature in play, and the request bodies their handlers take.
pub mod http {
    use serde::{Deserialize, Serialize, Serializer};

    /// Internal text that must never reach a client.
    pub const SECRET: &str = "postgres://admin:hunter2@10.0.0.7/faces";

    /// Details whose serialization always fails, with [`SECRET`] as the error.
    #[derive(Debug)]
    pub struct Unserializable;

    impl Serialize for Unserializable {
        fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom(SECRET))
        }
    }

    /// The request id and timestamp of a face body, checked (the timestamp is RFC 3339) and
    /// removed, so that the rest of the body can be compared with a fixed value.
    ///
    /// # Panics
    ///
    /// When either is missing, not a string, or the timestamp is not RFC 3339.
    pub fn take_context(body: &mut serde_json::Value) -> (String, String) {
        let object = body.as_object_mut().expect("the body is an object");
        let mut take = |name: &str| {
            object
                .remove(name)
                .and_then(|value| value.as_str().map(str::to_owned))
                .unwrap_or_else(|| panic!("no string {name} in the body"))
        };
        let (id, timestamp) = (take("request_id"), take("timestamp"));
        humantime::parse_rfc3339(&timestamp).expect("an RFC 3339 timestamp");
        (id, timestamp)
    }

    /// An envelope whose bodies are plain text (`CODE: message`), like a framework's own
    /// errors, which the middlewares must still tell apart from those.
    pub struct PlainText;

    impl api_error_core::Envelope for PlainText {
        fn content_type(&self) -> &'static str {
            "text/plain; charset=utf-8"
        }

        fn write<E: api_error_core::ApiError + ?Sized>(
            &self,
            error: &E,
            _context: &api_error_core::RequestContext<'_>,
            out: &mut Vec<u8>,
        ) -> Result<(), api_error_core::BodyError> {
            out.extend_from_slice(format!("{}: {}", error.code(), error.message()).as_bytes());
            Ok(())
        }
    }

    /// The body of `POST /faces`.
    #[derive(Deserialize)]
    pub struct NewFace {
        /// Where the image is.
        pub image_url: String,
    }

    /// The query of `GET /faces`.
    #[derive(Deserialize)]
    pub struct Page {
        /// How many faces.
        pub limit: u32,
    }

    /// Declares `FaceError`: the face envelope, a static header, WWW-Authenticate, Retry-After
    /// from a field, a rejection variant, a redacted and an exposed 5xx, and details that fail
    /// to serialize. Extra enum-level keys (`actix_web`) go in the arguments.
    #[macro_export]
    macro_rules! face_http_error {
        ($($key:ident),*) => {
            /// The face API's errors, as the HTTP tests' services answer them.
            #[derive(Debug, ::thiserror::Error, ::api_error_core::ApiError)]
            #[api(
                envelope = "face",
                code_case = "SCREAMING_SNAKE_CASE",
                header("cache-control", "no-store")
                $(, $key)*
            )]
            pub enum FaceError {
                /// No face with that id.
                #[error("face {0} missing")]
                #[api(status = 404, message = "No face found with the given ID in this collection.")]
                FaceNotFound(String),
                /// A bad or missing key.
                #[error("invalid key")]
                #[api(status = 401, message = "Invalid API key.", www_authenticate = "Bearer realm=\"faces\"")]
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
                #[error("request rejected: {fields:?}")]
                #[api(status = 400, message = "Request validation failed.", rejection)]
                ValidationError {
                    /// What was wrong.
                    #[api(details)]
                    fields: ::api_error_core::FieldErrors,
                },
                /// A database failure, whose text stays in logs.
                #[error("database unavailable: {0}")]
                #[api(status = 500)]
                Database(String),
                /// An upstream failure, whose text clients may see.
                #[error("upstream said: {0}")]
                #[api(status = 502, expose)]
                Upstream(String),
                /// Details that cannot be written.
                #[error("broken details")]
                #[api(status = 422, message = "Unprocessable.")]
                BrokenDetails {
                    /// Fails to serialize.
                    #[api(details)]
                    details: $crate::http::Unserializable,
                },
            }

            impl FaceError {
                /// The error `GET /faces/{id}` answers with: `key`, `busy`, `db`, `upstream`
                /// and `broken` pick their variants, any other id is not found.
                pub fn for_id(id: &str) -> Self {
                    match id {
                        "key" => FaceError::InvalidApiKey,
                        "busy" => FaceError::RateLimitExceeded { seconds: 30 },
                        "db" => FaceError::Database($crate::http::SECRET.to_owned()),
                        "upstream" => FaceError::Upstream("maintenance window".to_owned()),
                        "broken" => FaceError::BrokenDetails {
                            details: $crate::http::Unserializable,
                        },
                        other => FaceError::FaceNotFound(other.to_owned()),
                    }
                }
            }
        };
    }
}
