//! axum support (feature `axum`): derived errors are handler errors, and [`ErrorLayer`] makes
//! every other error response of the service speak the same envelope.
//!
//! One line of set-up, the layer over the whole router:
//!
//! ```
//! use api_error_core::axum::ErrorLayer;
//! use api_error_core::{ApiError, ApiJson, FieldErrors};
//! use axum::{Router, routing::post};
//! use serde::Deserialize;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! #[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]
//! enum FaceError {
//!     #[error("face {0} missing")]
//!     #[api(status = 404, message = "No face found with the given ID in this collection.")]
//!     FaceNotFound(String),
//!     /// Every rejection of a request's content: bad JSON, a wrong value, a bad query.
//!     #[error("request rejected")]
//!     #[api(status = 400, message = "Request validation failed.", rejection)]
//!     ValidationError {
//!         #[api(details)]
//!         fields: FieldErrors,
//!     },
//!     /// The fixed 500: panics, plain-text 500s from elsewhere, bodies that cannot be written.
//!     #[error("internal error")]
//!     #[api(status = 500, message = "Something went wrong on our side.", internal)]
//!     Internal,
//! }
//!
//! #[derive(Deserialize)]
//! struct NewFace {
//!     image_url: String,
//! }
//!
//! async fn create(ApiJson(face): ApiJson<NewFace>) -> Result<String, FaceError> {
//!     Err(FaceError::FaceNotFound(face.image_url))
//! }
//!
//! let app: Router = Router::new()
//!     .route("/faces", post(create))
//!     .layer(ErrorLayer::<FaceError>::new());
//! ```
//!
//! Behind the layer, every error response a client can get is in `FaceError`'s envelope with
//! its true status:
//!
//! | response | status | body |
//! |---|---|---|
//! | a handler's `FaceError` | the variant's | the variant's |
//! | a framework rejection: JSON syntax, JSON data, content type, body too large, path, query | axum's (400, 422, 415, 413, 400, 400) | the variant taking the [kind](crate::RejectionKind) (here `VALIDATION_ERROR`), else the [generic error](crate::status_error) of the status |
//! | an unknown route | 404 | the variant taking `unknown_route`, else `NOT_FOUND` |
//! | a wrong method | 405, with axum's `Allow` | the variant taking `method`, else `METHOD_NOT_ALLOWED` |
//! | a plain-text or empty 4xx from a handler or a middleware inside the layer | its own, with its headers (`Retry-After`) | the generic error of its status, its text as the message |
//! | a plain-text or empty 5xx | its own, with its headers | a 500 is the fixed 500, any other the generic error of its status; the text is logged, not sent |
//! | a handler panic | 500 | the fixed 500; the panic's message is logged, not sent |
//!
//! A response with another content type (JSON from elsewhere, HTML) passes as it is. A
//! plain-text body is read up to [`TEXT_LIMIT`](crate::request::TEXT_LIMIT) bytes; a longer
//! one is cut there and marked. axum's own rejections are told apart by their text, which
//! axum keeps stable; [`ApiJson`](crate::ApiJson) says its rejection's kind itself, and
//! names the field that failed.
//!
//! Without the layer, derived errors still answer in their envelope, but nothing else does,
//! and bodies carry no request id: with the `tracing` feature, the first error response made
//! outside the layer logs a warning saying so.

use std::future::Future;
use std::marker::PhantomData;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::extract::MatchedPath;
use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use futures_util::FutureExt;
use http::header::{CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderValue, Request, StatusCode};
use http_body_util::BodyExt;

use crate::request::{self, Found, RequestIds, TextReader};
use crate::web::report::Report;
use crate::{ApiError, Descriptor, Rejection, RejectionKind};

/// The response for `error`, with the current request's context; what the derived
/// `IntoResponse` impls return.
///
/// ```
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE")]
/// enum Error {
///     #[api(status = 404)]
///     NotFound,
/// }
///
/// let response = api_error_core::axum::response(&Error::NotFound);
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// ```
pub fn response<E: ApiError>(error: &E) -> Response {
    reported(error, Report::Nothing)
}

/// [`response`], with what the error's log event can say of it.
#[doc(hidden)]
pub fn reported<E: ApiError>(error: &E, report: Report<'_>) -> Response {
    let (response, in_scope) = request::with_current_in_scope(|context| error.to_response(context));
    // The fixed 500 when the error's own body could not be written.
    let descriptor = if response.status() == error.status() {
        error.descriptor()
    } else {
        E::internal_descriptor()
    };
    if in_scope {
        // The layer marks the response; a mark here would cost every error response three
        // allocations, layer or not.
        request::note_answered(descriptor);
    } else {
        request::warn_outside::<E>(".layer(api_error_core::axum::ErrorLayer::<{}>::new())");
    }
    request::record(descriptor, response.status(), report, None);
    response.map(Body::from)
}

/// The response of several errors in one body: each error's event is recorded, and the first
/// error's descriptor is the response's.
pub(crate) fn several<E: ApiError>(errors: &crate::ApiErrors<E>) -> Response {
    let (response, in_scope) =
        request::with_current_in_scope(|context| errors.to_response(context));
    let first = errors.as_slice().first().map(ApiError::descriptor);
    let descriptor = match first {
        Some(first) if response.status() == errors.status() => first,
        _ => E::internal_descriptor(),
    };
    if in_scope {
        request::note_answered(descriptor);
    } else {
        request::warn_outside::<E>(".layer(api_error_core::axum::ErrorLayer::<{}>::new())");
    }
    for error in errors {
        request::record(error.descriptor(), response.status(), Report::Nothing, None);
    }
    response.map(Body::from)
}

impl IntoResponse for Rejection {
    /// Plain text, as axum's own rejections answer, with the rejection itself as an
    /// extension, which [`ErrorLayer`] turns into the service's envelope.
    fn into_response(self) -> Response {
        let status = self.status();
        let mut response = (status, self.to_string()).into_response();
        response.extensions_mut().insert(self);
        response
    }
}

/// A tower layer for axum routers, over the error type `E`; see the [module's
/// documentation](self) for what it answers.
///
/// - Each request gets an id (from the `x-request-id` header, or a new UUID) and a timestamp,
///   which error bodies carry wherever their envelope has a member for them; the id is echoed
///   in the response's `x-request-id` header. [`RequestIds`] changes the header and how ids
///   are made.
/// - Rejections, unknown routes, wrong methods, plain-text or empty error responses from
///   inside it, and panics answer in `E`'s envelope with their true status.
/// - Every error response records one log event (feature `tracing`; see
///   [`logging`](crate::logging)) and carries its descriptor as a response extension.
///
/// Responses of derived errors, and responses that are not errors, pass unchanged.
pub struct ErrorLayer<E> {
    ids: Arc<RequestIds>,
    error: PhantomData<fn() -> E>,
}

impl<E> ErrorLayer<E> {
    /// The layer with [`RequestIds::new`]: `x-request-id`, UUIDs, no `instance`.
    pub fn new() -> Self {
        ErrorLayer::with_ids(RequestIds::new())
    }

    /// The layer with its own way of naming requests.
    ///
    /// ```
    /// use api_error_core::axum::ErrorLayer;
    /// use api_error_core::request::RequestIds;
    /// # #[derive(Debug, api_error_core::ApiError)]
    /// # #[api(code_case = "snake_case", status = 400)]
    /// # enum Error { Bad }
    ///
    /// let layer = ErrorLayer::<Error>::with_ids(RequestIds::new().header("x-correlation-id"));
    /// ```
    pub fn with_ids(ids: RequestIds) -> Self {
        ErrorLayer {
            ids: Arc::new(ids),
            error: PhantomData,
        }
    }
}

impl<E> Default for ErrorLayer<E> {
    fn default() -> Self {
        ErrorLayer::new()
    }
}

impl<E> Clone for ErrorLayer<E> {
    fn clone(&self) -> Self {
        ErrorLayer {
            ids: Arc::clone(&self.ids),
            error: PhantomData,
        }
    }
}

impl<S, E> tower_layer::Layer<S> for ErrorLayer<E> {
    type Service = ErrorService<S, E>;

    fn layer(&self, inner: S) -> Self::Service {
        ErrorService {
            inner,
            ids: Arc::clone(&self.ids),
            error: PhantomData,
        }
    }
}

/// The service [`ErrorLayer`] wraps around an axum router or handler.
pub struct ErrorService<S, E> {
    inner: S,
    ids: Arc<RequestIds>,
    error: PhantomData<fn() -> E>,
}

impl<S: Clone, E> Clone for ErrorService<S, E> {
    fn clone(&self) -> Self {
        ErrorService {
            inner: self.inner.clone(),
            ids: Arc::clone(&self.ids),
            error: PhantomData,
        }
    }
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S, E, B> tower_service::Service<Request<B>> for ErrorService<S, E>
where
    S: tower_service::Service<Request<B>, Response = Response> + Clone + Send + 'static,
    S::Future: Send,
    S::Error: Send,
    B: Send + 'static,
    E: ApiError + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = BoxFuture<Result<Response, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        // The service that was polled ready is the one that must be called.
        let fresh = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, fresh);
        let ids = Arc::clone(&self.ids);
        let incoming = request
            .headers()
            .get(ids.header_name())
            .map(HeaderValue::as_bytes);
        let mut info = ids.info(incoming, request.uri().path());
        // Only a request that matched a route has one; the fallback's have none.
        let route = request
            .extensions()
            .get::<MatchedPath>()
            .map(MatchedPath::as_str);
        let routed = route.is_some();
        if let Some(route) = route {
            info = info.with_route(route);
        }
        let echo = HeaderValue::from_str(info.request_id()).ok();
        Box::pin(request::scope(info, async move {
            let called = std::panic::catch_unwind(AssertUnwindSafe(|| inner.call(request)));
            let answered = match called {
                Ok(future) => AssertUnwindSafe(future).catch_unwind().await,
                Err(payload) => Err(payload),
            };
            let mut response = match answered {
                Ok(Ok(response)) => replace::<E>(response, routed).await,
                Ok(Err(error)) => return Err(error),
                Err(payload) => {
                    let message = request::panic_message(payload.as_ref());
                    let (answer, descriptor) = request::answer::<E>(Found::Panic(message));
                    let mut response = answer.map(Body::from);
                    response.extensions_mut().insert(descriptor);
                    response
                }
            };
            if let Some(echo) = echo {
                response
                    .headers_mut()
                    .entry(ids.header_name())
                    .or_insert(echo);
            }
            Ok(response)
        }))
    }
}

/// `response`, or the answer in `E`'s envelope in its place when it is an error response no
/// derived error wrote; either way, an error response with its descriptor as an extension.
async fn replace<E: ApiError>(mut response: Response, routed: bool) -> Response {
    let status = response.status();
    let answered = request::take_answered().filter(|descriptor| descriptor.status() == status);
    if let Some(descriptor) = answered {
        response.extensions_mut().insert(descriptor);
        return response;
    }
    // A layer further in already answered (or replaced) it.
    let marked = response.extensions().get::<&'static Descriptor>().is_some();
    if marked || status.as_u16() < 400 {
        return response;
    }
    let rejection = response.extensions().get::<Rejection>().cloned();
    let headers = response.headers();
    let plain = request::is_plain(
        headers.get(CONTENT_TYPE).map(HeaderValue::as_bytes),
        headers.contains_key(CONTENT_ENCODING),
    );
    if rejection.is_none() && !plain {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let found = match rejection {
        Some(rejection) => Found::Rejection(rejection),
        None => {
            let text = read_text(body).await;
            match kind_of(status, &text, routed) {
                Some(kind) => Found::Rejection(Rejection::new(kind, status, text)),
                None => Found::Plain { status, text },
            }
        }
    };
    let (answer, descriptor) = request::answer::<E>(found);
    let (answer, body) = answer.into_parts();
    // The answer's status (the same, but for a 5xx that became the fixed 500) and body, with
    // the original's headers (`Allow`, `Retry-After`) and extensions.
    parts.status = answer.status;
    for name in [CONTENT_TYPE, CONTENT_LENGTH] {
        parts.headers.remove(name);
    }
    for (name, value) in &answer.headers {
        if name == CONTENT_TYPE || !parts.headers.contains_key(name) {
            parts.headers.insert(name, value.clone());
        }
    }
    parts.extensions.insert(descriptor);
    Response::from_parts(parts, Body::from(body))
}

/// The body's text, up to the limit.
async fn read_text(body: Body) -> String {
    let mut reader = TextReader::default();
    let mut body = body;
    while let Some(Ok(frame)) = body.frame().await {
        if let Ok(data) = frame.into_data()
            && !reader.push(&data)
        {
            break;
        }
    }
    reader.finish()
}

/// The kind of one of axum's own rejections, told by its status and text; `None` for a
/// plain-text error that is not one.
fn kind_of(status: StatusCode, text: &str, routed: bool) -> Option<RejectionKind> {
    const KINDS: [(&str, RejectionKind); 12] = [
        (
            "Failed to parse the request body as JSON",
            RejectionKind::JsonSyntax,
        ),
        (
            "Failed to deserialize the JSON body into the target type",
            RejectionKind::JsonData,
        ),
        (
            "Expected request with `Content-Type: application/json`",
            RejectionKind::ContentType,
        ),
        (
            "Form requests must have `Content-Type:",
            RejectionKind::ContentType,
        ),
        ("Failed to deserialize query string", RejectionKind::Query),
        ("Invalid URL", RejectionKind::Path),
        ("Wrong number of path arguments", RejectionKind::Path),
        ("No paths parameters found", RejectionKind::Path),
        ("Failed to deserialize form", RejectionKind::Other),
        ("Failed to buffer the request body", RejectionKind::Other),
        (
            "Request body didn't contain valid UTF-8",
            RejectionKind::Other,
        ),
        ("Missing request extension", RejectionKind::Other),
    ];
    crate::web::edge::status_kind(status, routed).or_else(|| {
        KINDS
            .iter()
            .find(|(start, _)| text.starts_with(start))
            .map(|&(_, kind)| kind)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axum_rejections_are_told_by_their_text() {
        let cases = [
            (
                400,
                "Failed to parse the request body as JSON: EOF",
                Some(RejectionKind::JsonSyntax),
            ),
            (
                422,
                "Failed to deserialize the JSON body into the target type: x",
                Some(RejectionKind::JsonData),
            ),
            (
                415,
                "Expected request with `Content-Type: application/json`",
                Some(RejectionKind::ContentType),
            ),
            (
                413,
                "Failed to buffer the request body: length limit exceeded",
                Some(RejectionKind::BodyTooLarge),
            ),
            (
                400,
                "Failed to deserialize query string: missing field `limit`",
                Some(RejectionKind::Query),
            ),
            (
                400,
                "Invalid URL: Cannot parse `abc` to a `u32`",
                Some(RejectionKind::Path),
            ),
            (404, "", Some(RejectionKind::UnknownRoute)),
            (405, "", Some(RejectionKind::Method)),
            (429, "slow down", None),
            (400, "no such pet", None),
        ];
        for (status, text, kind) in cases {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
            assert_eq!(kind_of(status, text, false), kind, "{text}");
        }
        // A handler's own 404, on a route that matched.
        assert_eq!(kind_of(StatusCode::NOT_FOUND, "", true), None);
    }
}
