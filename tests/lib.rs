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
        category = "Authentication",
        retryable = "after re-auth",
        www_authenticate = "Bearer realm=\"api\""
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
        retryable,
        retry_after = 60
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

    /// The internal text of an error's source, which must never reach a client either.
    pub const SOURCE_SECRET: &str = "disk /dev/nvme0n1p3 full at 10.0.0.9";

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

    /// One answer of a service called over HTTP: status, headers and JSON body.
    pub struct Answer {
        /// The status.
        pub status: u16,
        /// The headers.
        pub headers: reqwest::header::HeaderMap,
        /// The body, which must be JSON.
        pub body: serde_json::Value,
    }

    impl Answer {
        /// Calls `method path` on the service at `address`, with the content type and body
        /// given.
        ///
        /// # Panics
        ///
        /// When the request fails or the body is not JSON.
        pub async fn call(
            address: std::net::SocketAddr,
            method: reqwest::Method,
            path: &str,
            content_type: Option<&str>,
            body: &str,
        ) -> Answer {
            let url = format!("http://{address}{path}");
            let mut request = reqwest::Client::new().request(method, url);
            if let Some(content_type) = content_type {
                request = request.header("content-type", content_type);
            }
            let response = request.body(body.to_owned()).send().await.unwrap();
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let text = response.text().await.unwrap();
            let body = serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"));
            Answer {
                status,
                headers,
                body,
            }
        }

        /// A header's value, if it is there and text.
        pub fn header(&self, name: &str) -> Option<&str> {
            self.headers.get(name).and_then(|value| value.to_str().ok())
        }

        /// Asserts an error answer in `E`'s face envelope: its status, the content type, the
        /// request id in the header and the body alike, a code `E`'s catalog declares or the
        /// generic error of the status documents, no trace of [`SECRET`], and then the rest of
        /// the body, `{"success":false,"error":error}`.
        ///
        /// # Panics
        ///
        /// On the first difference.
        pub fn assert<E: api_error_core::ApiError>(&self, status: u16, error: &serde_json::Value) {
            assert_eq!(self.status, status, "{}", self.body);
            assert_eq!(self.header("content-type"), Some("application/json"));
            let id = self.header("x-request-id").expect("an x-request-id header");
            let mut body = self.body.clone();
            let (body_id, _) = take_context(&mut body);
            assert_eq!(body_id, id);
            let code = body["error"]["code"].as_str().expect("a string code");
            let status = http::StatusCode::from_u16(status).expect("a status");
            let declared = E::CATALOG.get(code).is_some();
            let generic = api_error_core::status_error::<E>(status).code() == code;
            assert!(declared || generic, "{code} is not documented");
            assert_eq!(
                body,
                serde_json::json!({ "success": false, "error": error })
            );
            assert!(!self.body.to_string().contains("hunter2"));
        }
    }

    /// The `error` member of the face body of a rejection that became `ValidationError`.
    pub fn validation(field: &str, message: &str) -> serde_json::Value {
        serde_json::json!({
            "code": "VALIDATION_ERROR",
            "message": "Request validation failed.",
            "details": [{ "field": field, "message": message }]
        })
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

    /// The body of `POST /pets`: pets in a list, whose species is one of the seed's two, so
    /// that a wrong value has a path such as `pets[2].species`.
    #[derive(Deserialize)]
    pub struct NewPets {
        /// The pets.
        pub pets: Vec<NewPet>,
    }

    /// One pet of [`NewPets`].
    #[derive(Deserialize)]
    pub struct NewPet {
        /// Its name.
        pub name: String,
        /// Its species.
        pub species: Species,
    }

    /// DOG or CAT.
    #[derive(Deserialize)]
    #[serde(rename_all = "UPPERCASE")]
    pub enum Species {
        /// A dog.
        Dog,
        /// A cat.
        Cat,
    }

    /// The query of `GET /faces`.
    #[derive(Deserialize)]
    pub struct Page {
        /// How many faces.
        pub limit: u32,
    }

    /// Declares `FaceError`: the face envelope, a static header, WWW-Authenticate, Retry-After
    /// from a field, a variant for every rejection of a request's content and one for unknown
    /// routes (wrong methods are left to the generic error), the fixed 500, a redacted 5xx
    /// with a source, an exposed 5xx, and details that fail to serialize. Extra enum-level
    /// keys (`actix_web`) go in the arguments.
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
                /// No route matches the request's path.
                #[error("no route")]
                #[api(status = 404, message = "No such endpoint.", rejection(unknown_route))]
                NoSuchEndpoint,
                /// A database failure, whose text stays in logs; the catalog's fixed 500.
                #[error("database unavailable: {0}")]
                #[api(status = 500, internal)]
                Database(String),
                /// A storage failure, whose cause stays in logs.
                #[error("storage failed")]
                #[api(status = 500, message = "Storage is unavailable.")]
                Storage {
                    /// What the storage said.
                    #[source]
                    cause: ::std::io::Error,
                },
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
                /// The error `GET /faces/{id}` answers with: `key`, `busy`, `db`, `storage`,
                /// `upstream` and `broken` pick their variants, any other id is not found.
                pub fn for_id(id: &str) -> Self {
                    match id {
                        "key" => FaceError::InvalidApiKey,
                        "busy" => FaceError::RateLimitExceeded { seconds: 30 },
                        "db" => FaceError::Database($crate::http::SECRET.to_owned()),
                        "storage" => FaceError::Storage {
                            cause: ::std::io::Error::other($crate::http::SOURCE_SECRET),
                        },
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
