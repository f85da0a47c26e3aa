//! actix-web support (feature `actix-web`).
//!
//! With the feature on, a derived type marked `#[api(actix_web)]` implements
//! `actix_web::ResponseError`, against the `actix_web` crate of the crate that uses the derive
//! (actix-web 4; this crate does not depend on it, and a crate that does not ask for the impl
//! needs no `actix_web`). Such types implement `Debug` and `Display`, as `ResponseError`
//! requires; derive `thiserror::Error` for the internal text.
//!
//! ```ignore
//! #[derive(Debug, thiserror::Error, ApiError)]
//! #[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE", actix_web)]
//! enum FaceError {
//!     #[error("face {0} missing")]
//!     #[api(status = 404, message = "No face found with the given ID in this collection.")]
//!     FaceNotFound(String),
//! }
//! ```
//!
//! [`actix_middleware!`](crate::actix_middleware) adds request ids and timestamps and replaces
//! actix-web's plain-text errors.
//!
//! The actix-web tests live in the repository's `tests/actix-web` package.

/// The actix-web middleware for the error type `$error`: the same work as
/// [`axum::ErrorLayer`](crate::axum::ErrorLayer), as an `actix_web::middleware::from_fn`
/// middleware.
///
/// - Each request gets an id (from the `x-request-id` header, or a new UUID) and a timestamp,
///   which error bodies carry wherever their envelope has a member for them; the id is echoed
///   in the response header. A second argument, a
///   [`RequestIds`](crate::request::RequestIds), changes the header and how ids are made.
/// - actix-web's plain-text error responses (a body that is not JSON, a bad query string) are
///   replaced: a 4xx by `$error`'s variant marked `#[api(rejection)]`, a 5xx by `$error`'s
///   fixed [`internal_response`](crate::ApiError::internal_response).
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
                    let info = ids.info(incoming, request.path());
                    let echo = ::std::string::String::from(info.request_id());
                    let mut response = $crate::request::scope(info, async move {
                        let response = next.call(request).await?.map_into_boxed_body();
                        let status = response.status().as_u16();
                        let content_type = response
                            .headers()
                            .get("content-type")
                            .map(|value| value.as_bytes());
                        let ours = response
                            .response()
                            .extensions()
                            .get::<$crate::__private::Rendered>()
                            .is_some();
                        if ours || !$crate::request::is_plain_text_error(status, content_type) {
                            return ::std::result::Result::Ok::<_, ::actix_web::Error>(response);
                        }
                        let (request, response) = response.into_parts();
                        let (response, body) = response.into_parts();
                        let text = ::actix_web::body::to_bytes_limited(body, 16 * 1024)
                            .await
                            .ok()
                            .and_then(::std::result::Result::ok)
                            .unwrap_or_default();
                        let response = match $crate::request::replacement::<$error>(status, &text) {
                            ::std::option::Option::Some(replacement) => {
                                $crate::__private::actix_response!(replacement)
                            }
                            ::std::option::Option::None => {
                                response.set_body(::actix_web::body::BoxBody::new(text))
                            }
                        };
                        ::std::result::Result::Ok(::actix_web::dev::ServiceResponse::new(
                            request, response,
                        ))
                    })
                    .await?;
                    if let ::std::result::Result::Ok(value) =
                        ::actix_web::http::header::HeaderValue::from_str(&echo)
                    {
                        if let ::std::result::Result::Ok(name) =
                            ::actix_web::http::header::HeaderName::from_bytes(header.as_bytes())
                        {
                            if !response.headers().contains_key(&name) {
                                response.headers_mut().insert(name, value);
                            }
                        }
                    }
                    ::std::result::Result::Ok::<_, ::actix_web::Error>(response)
                }
            },
        )
    }};
}
