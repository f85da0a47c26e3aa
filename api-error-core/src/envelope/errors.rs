//! Several errors in one body: [`ApiErrors`], and how a shape writes them.

use http::StatusCode;

use super::json::Writer;
use super::plan::{Cursor, Plan};
use super::{BodyError, PlanCell, Shape};
use crate::{ApiError, RequestContext};

/// Several errors of one type answered in one response: the items of the shape's list of
/// errors (JSON:API's `errors`, the seeds' `errors: [...]`), one per error, in order.
///
/// - **Body.** When the envelope's shape has one [`Value::List`](super::Value::List) and
///   nothing outside it but constants and the request context, the body is written once with
///   each error's item in that list (and each error's per-field items, when it has field
///   errors). Any other envelope writes a JSON array of each error's own body.
/// - **Status.** The errors' common status; when they differ, 500 if any is a server error
///   (5xx), else 400, the most general client error.
/// - **Headers.** Every error's headers, each name once: an earlier error's header wins.
///
/// With the `axum` feature it is an `IntoResponse`, with the current request's context.
///
/// ```
/// use api_error_core::{ApiError, ApiErrors, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "petnow")]
/// enum Error {
///     #[api(code = "PETNOWB2B20000", status = 404)]
///     NoSuchPet,
///     #[api(code = "PETNOWB2B30001", status = 409)]
///     AlreadyVerified,
/// }
///
/// let mut errors = ApiErrors::new(Error::NoSuchPet);
/// errors.push(Error::AlreadyVerified);
/// assert_eq!(errors.status(), 400);
/// assert_eq!(
///     errors.to_json_string(&RequestContext::new()),
///     r#"{"errors":[{"code":"PETNOWB2B20000"},{"code":"PETNOWB2B30001"}]}"#
/// );
/// let response = errors.to_response(&RequestContext::new());
/// assert_eq!(response.status(), 400);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiErrors<E> {
    errors: Vec<E>,
}

impl<E: ApiError> ApiErrors<E> {
    /// A body of one error, to which others can be added.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(code_case = "snake_case", status = 404)]
    /// # enum Error { NotFound }
    /// assert_eq!(ApiErrors::new(Error::NotFound).len(), 1);
    /// ```
    pub fn new(first: E) -> Self {
        ApiErrors {
            errors: vec![first],
        }
    }

    /// The errors of `errors`, or `None` when there are none: a body holds at least one.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(code_case = "snake_case", status = 404)]
    /// # enum Error { NotFound }
    /// assert!(ApiErrors::from_vec(Vec::<Error>::new()).is_none());
    /// assert_eq!(ApiErrors::from_vec(vec![Error::NotFound, Error::NotFound]).unwrap().len(), 2);
    /// ```
    pub fn from_vec(errors: Vec<E>) -> Option<Self> {
        (!errors.is_empty()).then_some(ApiErrors { errors })
    }

    /// Adds an error after the others.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(code_case = "snake_case", status = 404)]
    /// # enum Error { NotFound }
    /// let mut errors = ApiErrors::new(Error::NotFound);
    /// errors.push(Error::NotFound);
    /// assert_eq!(errors.len(), 2);
    /// ```
    pub fn push(&mut self, error: E) {
        self.errors.push(error);
    }

    /// How many errors there are: at least one.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(code_case = "snake_case", status = 404)]
    /// # enum Error { NotFound }
    /// assert_eq!(ApiErrors::from(Error::NotFound).len(), 1);
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// The errors, in order.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(code_case = "snake_case", status = 404)]
    /// # enum Error { NotFound }
    /// let errors = ApiErrors::new(Error::NotFound);
    /// assert_eq!(errors.as_slice()[0].code(), "not_found");
    /// ```
    pub fn as_slice(&self) -> &[E] {
        &self.errors
    }

    /// The response's status: the errors' common status; when they differ, 500 if any is a
    /// server error, else 400.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors};
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "snake_case")]
    /// enum Error {
    ///     #[api(status = 404)] NotFound,
    ///     #[api(status = 422)] Invalid,
    ///     #[api(status = 503)] Unavailable,
    /// }
    /// let mut errors = ApiErrors::new(Error::NotFound);
    /// assert_eq!(errors.status(), 404);
    /// errors.push(Error::Invalid);
    /// assert_eq!(errors.status(), 400);
    /// errors.push(Error::Unavailable);
    /// assert_eq!(errors.status(), 500);
    /// ```
    pub fn status(&self) -> StatusCode {
        let mut statuses = self.errors.iter().map(ApiError::status);
        let first = statuses.next().unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut common = true;
        let mut server = first.is_server_error();
        for status in statuses {
            common &= status == first;
            server |= status.is_server_error();
        }
        match (common, server) {
            (true, _) => first,
            (false, true) => StatusCode::INTERNAL_SERVER_ERROR,
            (false, false) => StatusCode::BAD_REQUEST,
        }
    }

    /// Every error's headers, each name once: an earlier error's header wins.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors};
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "snake_case", status = 429)]
    /// enum Error {
    ///     #[api(retry_after = 30)] Slow,
    ///     #[api(retry_after = 60, header("x-quota", "day"))] Slower,
    /// }
    /// let mut errors = ApiErrors::new(Error::Slow);
    /// errors.push(Error::Slower);
    /// let headers: Vec<String> = errors.headers().map(|(name, value)| format!("{name}: {value}")).collect();
    /// assert_eq!(headers, ["retry-after: 30", "x-quota: day"]);
    /// ```
    pub fn headers(&self) -> impl Iterator<Item = (&'static str, crate::HeaderValue<'_>)> {
        let mut seen: Vec<&'static str> = Vec::new();
        self.errors
            .iter()
            .flat_map(ApiError::headers)
            .filter(move |(name, _)| {
                let first = !seen.contains(name);
                seen.push(name);
                first
            })
    }

    /// The content type of the body: the envelope's.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(code_case = "snake_case", status = 404)]
    /// # enum Error { NotFound }
    /// assert_eq!(ApiErrors::new(Error::NotFound).content_type(), "application/problem+json");
    /// ```
    pub fn content_type(&self) -> &'static str {
        E::body_content_type()
    }

    /// Appends the body of the errors to `out`.
    ///
    /// # Errors
    ///
    /// When an error's details could not be serialized; `out` then holds the body with `null`
    /// in their place, still complete and valid.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors, RequestContext};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "oz")]
    /// # enum Error { #[api(code = 10, status = 404, message = "gone")] Gone }
    /// let mut out = Vec::new();
    /// ApiErrors::new(Error::Gone).write_body(&RequestContext::new(), &mut out).unwrap();
    /// // The oz envelope has no list: an array of bodies.
    /// assert_eq!(out, br#"[{"error_code":10,"error_message":"gone","details":null}]"#);
    /// ```
    pub fn write_body(
        &self,
        context: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), BodyError> {
        E::write_errors(&self.errors, context, out)
    }

    /// The body as JSON bytes; always complete and valid JSON.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors, RequestContext};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "petnow")]
    /// # enum Error { #[api(code = "E1", status = 404)] Gone }
    /// assert_eq!(ApiErrors::new(Error::Gone).to_json(&RequestContext::new()), br#"{"errors":[{"code":"E1"}]}"#);
    /// ```
    pub fn to_json(&self, context: &RequestContext<'_>) -> Vec<u8> {
        let mut out = Vec::with_capacity(256);
        // A failure is already replaced by `null` in the body.
        let _ = self.write_body(context, &mut out);
        out
    }

    /// The body as a JSON string.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors, RequestContext};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "petnow")]
    /// # enum Error { #[api(code = "E1", status = 404)] Gone }
    /// assert_eq!(ApiErrors::new(Error::Gone).to_json_string(&RequestContext::new()), r#"{"errors":[{"code":"E1"}]}"#);
    /// ```
    pub fn to_json_string(&self, context: &RequestContext<'_>) -> String {
        String::from_utf8(self.to_json(context)).unwrap_or_default()
    }

    /// The whole HTTP response: the status by the rule of [`status`](Self::status), the
    /// envelope's content type, the [`headers`](Self::headers) and the body; the type's fixed
    /// 500 response if the body cannot be written.
    ///
    /// ```
    /// # use api_error_core::{ApiError, ApiErrors, RequestContext};
    /// # #[derive(Debug, ApiError)]
    /// # #[api(envelope = "petnow")]
    /// # enum Error { #[api(code = "E1", status = 404)] Gone }
    /// let response = ApiErrors::new(Error::Gone).to_response(&RequestContext::new());
    /// assert_eq!(response.status(), 404);
    /// assert_eq!(response.body(), br#"{"errors":[{"code":"E1"}]}"#);
    /// ```
    pub fn to_response(&self, context: &RequestContext<'_>) -> http::Response<Vec<u8>> {
        crate::web::response::build_with(
            self.status(),
            self.content_type(),
            self.headers(),
            |out| self.write_body(context, out),
        )
        .unwrap_or_else(|| E::internal_response(context))
    }
}

impl<E: ApiError> From<E> for ApiErrors<E> {
    fn from(error: E) -> Self {
        ApiErrors::new(error)
    }
}

impl<'a, E> IntoIterator for &'a ApiErrors<E> {
    type Item = &'a E;
    type IntoIter = core::slice::Iter<'a, E>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

#[cfg(feature = "axum")]
impl<E: ApiError> axum_core::response::IntoResponse for ApiErrors<E> {
    fn into_response(self) -> axum_core::response::Response {
        crate::web::axum::several(&self)
    }
}

/// The body of several errors in `shape`, each error's item written from its own plan.
pub(super) fn write<E: ApiError>(
    shape: &Shape,
    prepared: &[PlanCell],
    errors: &[E],
    context: &RequestContext<'_>,
    out: &mut Vec<u8>,
) -> Result<(), BodyError> {
    let plan_of = |error: &E| -> PlanOf<'_> {
        let descriptor = error.descriptor();
        match prepared.get(error.place()) {
            Some(cell) => PlanOf::Kept(cell.plan(shape, descriptor)),
            None => PlanOf::Made(Box::new(Plan::new(shape, descriptor))),
        }
    };
    let Some(first) = errors.first() else {
        out.extend_from_slice(b"[]");
        return Ok(());
    };
    let first_plan = plan_of(first);
    let Some((start, end)) = first_plan.get().errors else {
        // No list of errors: an array of bodies.
        let mut result = Ok(());
        out.push(b'[');
        for (index, error) in errors.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            let plan = plan_of(error);
            let written = super::json::write_plan(plan.get(), error, context, out);
            if result.is_ok() {
                result = written;
            }
        }
        out.push(b']');
        return result;
    };
    let steps = &first_plan.get().steps;
    let step = |cursor: Cursor| cursor.step as usize;
    let mut result = Ok(());
    // Everything up to the list's item, from the first error's plan: constants and the
    // request context only, the same in every error's plan.
    let mut root = Writer::new(first_plan.get(), first, context, out);
    root.run(steps.get(..step(start)).unwrap_or_default(), None);
    if let Some(at) = steps.get(step(start)) {
        root.bytes(at.start, start.byte);
    }
    let root_result = root.finish();
    let mut wrote = false;
    for error in errors {
        let plan = plan_of(error);
        let plan = plan.get();
        let Some((from, to)) = plan.errors else {
            continue;
        };
        let mark = out.len();
        if wrote {
            out.push(b',');
        }
        let open = out.len();
        let mut writer = Writer::new(plan, error, context, out);
        if from.step == to.step {
            writer.bytes(from.byte, to.byte);
        } else {
            let item = plan.steps.get(step(from)..step(to)).unwrap_or_default();
            writer.run_from(item, from.byte);
            if let Some(at) = plan.steps.get(step(to)) {
                writer.bytes(at.start, to.byte);
            }
        }
        let written = writer.finish();
        if result.is_ok() {
            result = written;
        }
        if out.len() > open {
            wrote = true;
        } else {
            out.truncate(mark);
        }
    }
    // The rest, after the item.
    let mut root = Writer::new(first_plan.get(), first, context, out);
    root.run_from(steps.get(step(end)..).unwrap_or_default(), end.byte);
    root_result.and(root.finish()).and(result)
}

/// A variant's plan: the one its type keeps, or one made for this body.
enum PlanOf<'a> {
    Kept(&'a Plan),
    Made(Box<Plan>),
}

impl PlanOf<'_> {
    fn get(&self) -> &Plan {
        match self {
            PlanOf::Kept(plan) => plan,
            PlanOf::Made(plan) => plan,
        }
    }
}
