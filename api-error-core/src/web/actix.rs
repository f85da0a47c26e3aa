//! actix-web support (feature `actix-web`).
//!
//! With the feature on, a derived type marked `#[api(actix_web)]` implements
//! `actix_web::ResponseError`, against the `actix_web` crate of the crate that uses the derive
//! (actix-web 4; this crate does not depend on it, and a crate that does not ask for the impl
//! needs no `actix_web`). Such types implement `Debug` and `Display`, as `ResponseError`
//! requires; derive `thiserror::Error` for the internal text, which the error's log event
//! carries with its `source()` chain (feature `tracing`).
//!
//! ```ignore
//! #[derive(Debug, thiserror::Error, ApiError)]
//! #[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE", actix_web)]
//! enum FaceError {
//!     #[error("face {0} missing")]
//!     #[api(status = 404, message = "No face found with the given ID in this collection.")]
//!     FaceNotFound(String),
//!     #[error("request rejected")]
//!     #[api(status = 400, message = "Request validation failed.", rejection)]
//!     ValidationError {
//!         #[api(details)]
//!         fields: FieldErrors,
//!     },
//! }
//!
//! api_error_core::actix_json!();   // declares `ApiJson<T>` in this crate
//!
//! App::new()
//!     .wrap(api_error_core::actix_middleware!(FaceError))
//!     .service(web::resource("/faces").route(web::post().to(create)));
//! ```
//!
//! [`actix_middleware!`](crate::actix_middleware) is the one line of set-up. Behind it every
//! error response is in the type's envelope with its true status, as behind
//! [`axum::ErrorLayer`](crate::axum::ErrorLayer) (the table there holds for both):
//! actix-web's rejections (told by the error type actix-web attaches to the response:
//! `JsonPayloadError`, `PathError`, `QueryPayloadError`, `UrlencodedError`,
//! `PayloadError`), unknown routes (404), wrong methods (405 with `Allow`, for resources with
//! several routes), plain-text or empty errors from handlers and middleware inside it, and
//! panics, which become the fixed 500 with the message logged. actix-web's own statuses are
//! kept: it answers a JSON body of the wrong shape, and a wrong content type, with 400.
//! [`actix_json!`](crate::actix_json) declares an extractor whose rejections name the field
//! that failed.
//!
//! The actix-web tests live in the repository's `tests/actix-web` package.

use std::future::Future;
use std::panic::AssertUnwindSafe;

use futures_util::FutureExt;
use http::StatusCode;

use crate::web::report::Report;
use crate::{ApiError, Descriptor, Rejection};

/// The response for `error` with the current request's context, and the descriptor of its
/// body, its event recorded; what the derived `ResponseError` impls answer with.
#[doc(hidden)]
pub fn reported<E: ApiError>(
    error: &E,
    report: Report<'_>,
) -> (http::Response<Vec<u8>>, &'static Descriptor) {
    let (response, in_scope) =
        crate::request::with_current_in_scope(|context| error.to_response(context));
    if !in_scope {
        crate::request::warn_outside::<E>(".wrap(api_error_core::actix_middleware!({}))");
    }
    // The fixed 500 when the error's own body could not be written.
    let descriptor = if response.status() == error.status() {
        error.descriptor()
    } else {
        E::internal_descriptor()
    };
    crate::request::record(descriptor, response.status(), report, None);
    (response, descriptor)
}

/// `future`'s output, or the message of the panic that stopped it.
#[doc(hidden)]
pub async fn catch_unwind<F: Future>(future: F) -> Result<F::Output, String> {
    AssertUnwindSafe(future)
        .catch_unwind()
        .await
        .map_err(|payload| crate::request::panic_message(payload.as_ref()))
}

/// The rejection of a JSON body that serde_json refused, with actix-web's status.
#[doc(hidden)]
pub fn json_rejection(error: &serde_json::Error, status: u16) -> Rejection {
    let rejection = crate::web::json::rejection(error, ".");
    let status = StatusCode::from_u16(status).unwrap_or(rejection.status());
    let rebuilt = Rejection::new(rejection.kind(), status, rejection.message());
    match rejection.field() {
        Some(field) => rebuilt.at(field),
        None => rebuilt,
    }
}

/// The actix-web middleware for the error type `$error`: the same work as
/// [`axum::ErrorLayer`](crate::axum::ErrorLayer), as an `actix_web::middleware::from_fn`
/// middleware; see the [`actix`](crate::actix) module.
///
/// - Each request gets an id (from the `x-request-id` header, or a new UUID) and a timestamp,
///   which error bodies carry wherever their envelope has a member for them; the id is echoed
///   in the response header. A second argument, a
///   [`RequestIds`](crate::request::RequestIds), changes the header and how ids are made.
/// - Rejections, unknown routes, wrong methods, plain-text or empty error responses from
///   inside it, and panics answer in `$error`'s envelope with their true status.
/// - Every error response records one log event (feature `tracing`) and carries its
///   descriptor as a response extension.
///
/// ```ignore
/// use actix_web::{App, HttpServer};
/// use api_error_core::request::RequestIds;
///
/// HttpServer::new(|| {
///     App::new()
///         .wrap(api_error_core::actix_middleware!(FaceError))
///         .service(faces)
/// });
/// // or, with another header:
/// App::new().wrap(api_error_core::actix_middleware!(
///     FaceError,
///     RequestIds::new().header("x-correlation-id")
/// ));
/// ```
#[macro_export]
macro_rules! actix_middleware {
    ($error:ty) => {
        $crate::actix_middleware!($error, $crate::request::RequestIds::new())
    };
    ($error:ty, $ids:expr) => {{
        let ids = ::std::sync::Arc::new($ids);
        ::actix_web::middleware::from_fn(
            move |request: ::actix_web::dev::ServiceRequest,
                  next: ::actix_web::middleware::Next<_>| {
                let ids = ::std::sync::Arc::clone(&ids);
                async move {
                    let header = ids.header_name().as_str();
                    let incoming = request.headers().get(header).map(|value| value.as_bytes());
                    let mut info = ids.info(incoming, request.path());
                    // Only a path some resource matches has a pattern.
                    let route = request.resource_map().match_pattern(request.path());
                    let routed = route.is_some();
                    if let ::std::option::Option::Some(route) = route {
                        info = info.with_route(route);
                    }
                    let echo = (
                        ::actix_web::http::header::HeaderName::from_bytes(header.as_bytes()).ok(),
                        ::actix_web::http::header::HeaderValue::from_str(info.request_id()).ok(),
                    );
                    let answered = $crate::request::scope(info, async move {
                        match $crate::actix::catch_unwind(next.call(request)).await {
                            ::std::result::Result::Ok(::std::result::Result::Ok(response)) => {
                                let (request, response) =
                                    response.map_into_boxed_body().into_parts();
                                let response =
                                    $crate::__private::actix_replace!($error, response, routed);
                                ::std::result::Result::Ok(::actix_web::dev::ServiceResponse::new(
                                    request, response,
                                ))
                            }
                            // An error a middleware inside returned, not yet a response.
                            ::std::result::Result::Ok(::std::result::Result::Err(error)) => {
                                let response = ::actix_web::HttpResponse::from_error(error);
                                ::std::result::Result::Err($crate::__private::actix_replace!(
                                    $error, response, routed
                                ))
                            }
                            ::std::result::Result::Err(message) => {
                                let answer = $crate::request::answer::<$error>(
                                    $crate::request::Found::Panic(message),
                                );
                                ::std::result::Result::Err($crate::__private::actix_response!(
                                    answer
                                ))
                            }
                        }
                    })
                    .await;
                    let echo = |headers: &mut ::actix_web::http::header::HeaderMap| {
                        if let (
                            ::std::option::Option::Some(name),
                            ::std::option::Option::Some(value),
                        ) = echo.clone()
                        {
                            if !headers.contains_key(&name) {
                                headers.insert(name, value);
                            }
                        }
                    };
                    match answered {
                        ::std::result::Result::Ok(mut response) => {
                            echo(response.headers_mut());
                            ::std::result::Result::Ok(response)
                        }
                        // Without the request there is no `ServiceResponse`: actix-web answers
                        // with the response this error holds.
                        ::std::result::Result::Err(mut response) => {
                            echo(response.headers_mut());
                            ::std::result::Result::Err(
                                ::actix_web::error::InternalError::from_response(
                                    "answered by the error middleware",
                                    response,
                                )
                                .into(),
                            )
                        }
                    }
                }
            },
        )
    }};
}

/// `$response` (an `HttpResponse<BoxBody>`), or the answer in `$error`'s envelope in its
/// place when it is an error response no derived error wrote.
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_replace {
    ($error:ty, $response:expr, $routed:expr) => {{
        let response: ::actix_web::HttpResponse<::actix_web::body::BoxBody> = $response;
        let status = response.status().as_u16();
        let ours = response
            .extensions()
            .get::<&'static $crate::Descriptor>()
            .is_some();
        let rejection = if ours || status < 400 {
            ::std::option::Option::None
        } else {
            response
                .extensions()
                .get::<$crate::Rejection>()
                .cloned()
                .or_else(|| {
                    let error = response.error()?;
                    $crate::__private::actix_rejection!(error, status)
                })
        };
        let headers = response.headers();
        let plain = $crate::request::is_plain(
            headers.get("content-type").map(|value| value.as_bytes()),
            headers.contains_key("content-encoding"),
        );
        if ours || status < 400 || (rejection.is_none() && !plain) {
            response
        } else {
            let (head, body) = response.into_parts();
            let found = match rejection {
                ::std::option::Option::Some(rejection) => {
                    $crate::request::Found::Rejection(rejection)
                }
                ::std::option::Option::None => {
                    let mut reader = $crate::request::TextReader::default();
                    let mut body = body;
                    while let ::std::option::Option::Some(::std::result::Result::Ok(chunk)) =
                        ::std::future::poll_fn(|cx| {
                            ::actix_web::body::MessageBody::poll_next(
                                ::std::pin::Pin::new(&mut body),
                                cx,
                            )
                        })
                        .await
                    {
                        if !reader.push(&chunk) {
                            break;
                        }
                    }
                    $crate::request::found(status, reader.finish(), $routed)
                }
            };
            let (answer, descriptor) = $crate::request::answer::<$error>(found);
            let (parts, body) = answer.into_parts();
            let mut response = head.set_body(::actix_web::body::BoxBody::new(body));
            *response.status_mut() = ::actix_web::http::StatusCode::from_u16(parts.status.as_u16())
                .unwrap_or(::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR);
            // The original's headers (`Allow`, `Retry-After`) stay; the answer's body and its
            // headers come in.
            let headers = response.headers_mut();
            headers.remove(::actix_web::http::header::CONTENT_TYPE);
            headers.remove(::actix_web::http::header::CONTENT_LENGTH);
            for (name, value) in &parts.headers {
                if let (::std::result::Result::Ok(name), ::std::result::Result::Ok(value)) = (
                    ::actix_web::http::header::HeaderName::from_bytes(name.as_str().as_bytes()),
                    ::actix_web::http::header::HeaderValue::from_bytes(value.as_bytes()),
                ) {
                    if name == ::actix_web::http::header::CONTENT_TYPE
                        || !headers.contains_key(&name)
                    {
                        headers.insert(name, value);
                    }
                }
            }
            response.extensions_mut().insert(descriptor);
            response
        }
    }};
}

/// The rejection an `actix_web::Error` stands for, told by its type; `None` for an error that
/// is no framework rejection.
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_rejection {
    ($error:expr, $status:expr) => {{
        use ::actix_web::error::{
            JsonPayloadError, PathError, PayloadError, QueryPayloadError, UrlencodedError,
        };
        use $crate::RejectionKind;
        let error: &::actix_web::Error = $error;
        let status: u16 = $status;
        let rejection = |kind: RejectionKind| {
            let status = $crate::http::StatusCode::from_u16(status)
                .unwrap_or($crate::http::StatusCode::BAD_REQUEST);
            $crate::Rejection::new(kind, status, error.to_string())
        };
        if let ::std::option::Option::Some(json) = error.as_error::<JsonPayloadError>() {
            ::std::option::Option::Some(match json {
                JsonPayloadError::Deserialize(inner) => {
                    $crate::actix::json_rejection(inner, status)
                }
                JsonPayloadError::OverflowKnownLength { .. }
                | JsonPayloadError::Overflow { .. } => rejection(RejectionKind::BodyTooLarge),
                JsonPayloadError::ContentType => rejection(RejectionKind::ContentType),
                _ => rejection(RejectionKind::Other),
            })
        } else if error.as_error::<PathError>().is_some()
            || error
                .as_error::<::actix_web::error::InternalError<$crate::__private::SerdeValueError>>()
                .is_some()
        {
            // actix-web's `Path` answers a path that does not parse with 404, its serde error
            // in an `InternalError`.
            ::std::option::Option::Some(rejection(RejectionKind::Path))
        } else if error.as_error::<QueryPayloadError>().is_some() {
            ::std::option::Option::Some(rejection(RejectionKind::Query))
        } else if let ::std::option::Option::Some(form) = error.as_error::<UrlencodedError>() {
            ::std::option::Option::Some(match form {
                UrlencodedError::Overflow { .. } => rejection(RejectionKind::BodyTooLarge),
                UrlencodedError::ContentType => rejection(RejectionKind::ContentType),
                _ => rejection(RejectionKind::Other),
            })
        } else if let ::std::option::Option::Some(payload) = error.as_error::<PayloadError>() {
            ::std::option::Option::Some(match payload {
                PayloadError::Overflow => rejection(RejectionKind::BodyTooLarge),
                _ => rejection(RejectionKind::Other),
            })
        } else {
            ::std::option::Option::None
        }
    }};
}

/// Declares `ApiJson<T>` in the calling module: an actix-web extractor of JSON bodies whose
/// rejections say which field failed, in the path `serde_path_to_error` writes
/// (`pets[2].species`), as [`ApiJson`](crate::ApiJson) does for axum.
///
/// actix-web's `FromRequest` and this crate's types are both foreign to the crate that would
/// join them, so the extractor is declared there, by this macro, once per crate. Its
/// rejections are [`Rejection`](crate::Rejection)s of kind `ContentType` (415),
/// `BodyTooLarge` (413, past actix-web's `PayloadConfig` limit, 256 KiB by default),
/// `JsonSyntax` (400) and `JsonData` (422); behind
/// [`actix_middleware!`](crate::actix_middleware) they become the variant that takes their
/// kind, and without it they answer in plain text.
///
/// ```ignore
/// api_error_core::actix_json!();
///
/// async fn create(ApiJson(pets): ApiJson<NewPets>) -> Result<HttpResponse, FaceError> {
///     // ...
/// }
/// ```
#[macro_export]
macro_rules! actix_json {
    () => {
        /// A JSON request body whose rejections name the field that failed; declared by
        /// `api_error_core::actix_json!`.
        #[derive(Debug)]
        pub struct ApiJson<T>(pub T);

        impl<T: $crate::__private::DeserializeOwned + 'static> ::actix_web::FromRequest
            for ApiJson<T>
        {
            type Error = ::actix_web::Error;
            type Future = ::std::pin::Pin<
                ::std::boxed::Box<
                    dyn ::std::future::Future<
                            Output = ::std::result::Result<Self, ::actix_web::Error>,
                        >,
                >,
            >;

            fn from_request(
                request: &::actix_web::HttpRequest,
                payload: &mut ::actix_web::dev::Payload,
            ) -> Self::Future {
                let json = $crate::__private::is_json(
                    request
                        .headers()
                        .get("content-type")
                        .map(|value| value.as_bytes()),
                );
                let bytes = <::actix_web::web::Bytes as ::actix_web::FromRequest>::from_request(
                    request, payload,
                );
                ::std::boxed::Box::pin(async move {
                    if !json {
                        return ::std::result::Result::Err(
                            __api_error_json::Rejected($crate::__private::not_json()).into(),
                        );
                    }
                    let bytes = bytes.await.map_err(|error| {
                        let status = error.as_response_error().status_code().as_u16();
                        match $crate::__private::actix_rejection!(&error, status) {
                            ::std::option::Option::Some(rejection) => {
                                __api_error_json::Rejected(rejection).into()
                            }
                            ::std::option::Option::None => error,
                        }
                    })?;
                    match $crate::ApiJson::<T>::from_slice(&bytes) {
                        ::std::result::Result::Ok($crate::ApiJson(value)) => {
                            ::std::result::Result::Ok(ApiJson(value))
                        }
                        ::std::result::Result::Err(rejection) => {
                            ::std::result::Result::Err(__api_error_json::Rejected(rejection).into())
                        }
                    }
                })
            }
        }

        #[doc(hidden)]
        mod __api_error_json {
            /// A rejection as an actix-web error: plain text, with the rejection itself as an
            /// extension, which the middleware turns into the service's envelope.
            #[derive(Debug)]
            pub struct Rejected(pub $crate::Rejection);

            impl ::std::fmt::Display for Rejected {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    ::std::fmt::Display::fmt(&self.0, f)
                }
            }

            impl ::actix_web::ResponseError for Rejected {
                fn status_code(&self) -> ::actix_web::http::StatusCode {
                    ::actix_web::http::StatusCode::from_u16(self.0.status().as_u16())
                        .unwrap_or(::actix_web::http::StatusCode::BAD_REQUEST)
                }

                fn error_response(&self) -> ::actix_web::HttpResponse {
                    let mut response = ::actix_web::HttpResponse::build(self.status_code())
                        .content_type("text/plain; charset=utf-8")
                        .body(self.0.to_string());
                    response.extensions_mut().insert(self.0.clone());
                    response
                }
            }
        }
    };
}
