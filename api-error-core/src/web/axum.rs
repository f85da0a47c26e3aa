//! axum support (feature `axum`): derived errors are handler errors, and [`ErrorLayer`] puts
//! request ids and timestamps into their bodies and turns axum's own plain-text rejections
//! into the service's envelope.
//!
//! ```
//! use api_error_core::ApiError;
//! use api_error_core::axum::ErrorLayer;
//! use axum::{Router, routing::get};
//!
//! #[derive(Debug, ApiError)]
//! #[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]
//! enum FaceError {
//!     #[api(status = 404, message = "No face found with the given ID in this collection.")]
//!     FaceNotFound,
//!     #[api(status = 400, message = "Request validation failed.", rejection)]
//!     ValidationError,
//! }
//!
//! async fn face() -> Result<String, FaceError> {
//!     Err(FaceError::FaceNotFound)
//! }
//!
//! let app: Router = Router::new()
//!     .route("/faces/{id}", get(face))
//!     .layer(ErrorLayer::<FaceError>::new());
//! ```

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum_core::body::Body;
use axum_core::response::Response;
use http::header::CONTENT_TYPE;
use http::{HeaderValue, Request};
use http_body_util::{BodyExt, Limited};

use crate::ApiError;
use crate::request::{self, Rendered, RequestIds};

/// The most of a rejection's text that is read; axum's are a line or two.
const REJECTION_TEXT_LIMIT: usize = 16 * 1024;

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
    let response = request::with_current(|context| error.to_response(context));
    rendered(response)
}

pub(crate) fn rendered(response: http::Response<Vec<u8>>) -> Response {
    let mut response = response.map(Body::from);
    // Only a response the layer could take for one of axum's plain-text errors needs the mark,
    // which costs two allocations.
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .map(HeaderValue::as_bytes);
    if request::is_plain_text_error(response.status().as_u16(), content_type) {
        response.extensions_mut().insert(Rendered);
    }
    response
}

/// A tower layer for axum routers, over the error type `E`:
///
/// - it gives each request an id (from the `x-request-id` header, or a new UUID) and a
///   timestamp, which error bodies carry wherever their envelope has a member for them, and
///   echoes the id in the response's `x-request-id` header; [`RequestIds`] changes the header
///   and how ids are made;
/// - it replaces axum's plain-text error responses, such as a body that is not JSON or a
///   missing query parameter: a 4xx becomes `E`'s variant marked `#[api(rejection)]` (when
///   there is none, the response is left as it is), and a 5xx becomes `E`'s fixed
///   [`internal_response`](ApiError::internal_response), whose body says nothing of the
///   cause.
///
/// Responses of derived errors, and responses that are not plain-text errors, pass unchanged.
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
        let info = ids.info(incoming, request.uri().path());
        let echo = HeaderValue::from_str(info.request_id()).ok();
        Box::pin(request::scope(info, async move {
            let response = inner.call(request).await?;
            let mut response = replace_plain_text::<E>(response).await;
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

/// `response`, or the service's own response in place of a plain-text error from axum.
async fn replace_plain_text<E: ApiError>(response: Response) -> Response {
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .map(HeaderValue::as_bytes);
    let status = response.status().as_u16();
    let ours = response.extensions().get::<Rendered>().is_some();
    if ours || !request::is_plain_text_error(status, content_type) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = match Limited::new(body, REJECTION_TEXT_LIMIT).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => Default::default(),
    };
    match request::replacement::<E>(status, &text) {
        Some(replacement) => rendered(replacement),
        None => Response::from_parts(parts, Body::from(text)),
    }
}
