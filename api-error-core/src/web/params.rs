//! Path parameters and query strings whose rejections name the parameter that failed, in
//! words a client reads: no Rust type names.

use http::StatusCode;
use serde::de::DeserializeOwned;

use crate::{Rejection, RejectionKind};

/// A query string, like axum's `Query`, whose rejections name the parameter that failed.
///
/// Its rejections are [`Rejection`]s of kind [`Query`](RejectionKind::Query) (400) at the
/// parameter's name: behind the error layer they become the variant that takes that kind,
/// whose [`FieldErrors`](crate::FieldErrors) field then holds the parameter and what is wrong
/// with it, where axum's own `Query` says `Failed to deserialize query string: ...`.
///
/// ```
/// use api_error_core::{ApiQuery, RejectionKind};
/// use serde::Deserialize;
///
/// #[derive(Debug, Deserialize)]
/// struct Page {
///     limit: u32,
///     cursor: Option<String>,
/// }
///
/// let ApiQuery(page) = ApiQuery::<Page>::from_query("limit=20&cursor=c_9").unwrap();
/// assert_eq!((page.limit, page.cursor.as_deref()), (20, Some("c_9")));
///
/// let rejection = ApiQuery::<Page>::from_query("limit=many").unwrap_err();
/// assert_eq!(rejection.kind(), RejectionKind::Query);
/// assert_eq!(rejection.status(), 400);
/// assert_eq!(rejection.field(), Some("limit"));
/// assert_eq!(rejection.message(), "invalid digit found in string");
///
/// let missing = ApiQuery::<Page>::from_query("cursor=c_9").unwrap_err();
/// assert_eq!((missing.field(), missing.message()), (Some("limit"), "missing parameter `limit`"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned> ApiQuery<T> {
    /// Reads a query string (without its `?`), or says which parameter is wrong.
    ///
    /// # Errors
    ///
    /// A [`Query`](RejectionKind::Query) rejection (400) at the parameter that is missing or
    /// does not parse.
    pub fn from_query(query: &str) -> Result<Self, Rejection> {
        let pairs = form_urlencoded::parse(query.as_bytes());
        serde_path_to_error::deserialize(serde_urlencoded::Deserializer::new(pairs))
            .map(ApiQuery)
            .map_err(|error| {
                let path = error.path().to_string();
                let message = error.inner().to_string();
                let missing = message
                    .strip_prefix("missing field `")
                    .and_then(|rest| rest.strip_suffix('`'));
                let (field, message) = match missing {
                    Some(name) => (Some(name.to_owned()), format!("missing parameter `{name}`")),
                    None if path == "." => (None, message),
                    None => (Some(path), message),
                };
                let rejection =
                    Rejection::new(RejectionKind::Query, StatusCode::BAD_REQUEST, message);
                match field {
                    Some(field) => rejection.at(field),
                    None => rejection,
                }
            })
    }
}

/// Path parameters, like axum's `Path`, whose rejections name the parameter that failed and
/// say what it must be without naming Rust types: where axum's `Path<(String, u32)>` answers
/// ``Invalid URL: Cannot parse value at index 1 with value `high` to a `u32` ``, this says,
/// at the parameter `threshold` of the route `/faces/{face_id}/score/{threshold}`:
/// ``"high" is not an integer from 0 to 4294967295``.
///
/// Its rejections are [`Rejection`]s of kind [`Path`](RejectionKind::Path) (400). A route
/// whose parameters do not fit the type (a programmer's error) is a 500, as with axum's own.
///
/// ```
/// use api_error_core::ApiPath;
/// use axum::{Router, routing::get};
///
/// async fn score(ApiPath((face_id, threshold)): ApiPath<(String, u32)>) -> String {
///     format!("{face_id} above {threshold}")
/// }
///
/// let app: Router = Router::new().route("/faces/{face_id}/score/{threshold}", get(score));
/// ```
#[cfg(feature = "axum")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ApiPath<T>(pub T);

#[cfg(feature = "axum")]
impl<T, S> axum_core::extract::FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        state: &S,
    ) -> Result<Self, Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(ApiPath(value)),
            Err(rejection) => {
                let route = parts
                    .extensions
                    .get::<axum::extract::MatchedPath>()
                    .map(axum::extract::MatchedPath::as_str);
                Err(path_rejection(&rejection, route))
            }
        }
    }
}

#[cfg(feature = "axum")]
impl<T, S> axum_core::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _state: &S,
    ) -> Result<Self, Rejection> {
        ApiQuery::from_query(parts.uri.query().unwrap_or_default())
    }
}

/// The rejection of path parameters axum could not read, at the parameter's name in `route`.
#[cfg(feature = "axum")]
fn path_rejection(
    rejection: &axum::extract::rejection::PathRejection,
    route: Option<&str>,
) -> Rejection {
    use axum::extract::path::ErrorKind;
    use axum::extract::rejection::PathRejection;

    let status = rejection.status();
    let PathRejection::FailedToDeserializePathParams(failed) = rejection else {
        return Rejection::new(RejectionKind::Other, status, rejection.body_text());
    };
    let (field, message) = match failed.kind() {
        ErrorKind::ParseErrorAtKey {
            key,
            value,
            expected_type,
        } => (Some(key.clone()), not_a(value, expected_type)),
        ErrorKind::ParseErrorAtIndex {
            index,
            value,
            expected_type,
        } => (
            Some(parameter(route, *index).unwrap_or_else(|| index.to_string())),
            not_a(value, expected_type),
        ),
        ErrorKind::ParseError {
            value,
            expected_type,
        } => (parameter(route, 0), not_a(value, expected_type)),
        ErrorKind::InvalidUtf8InPathParam { key } => (
            Some(key.clone()),
            "is not valid UTF-8 once percent-decoded".to_owned(),
        ),
        ErrorKind::DeserializeError { key, message, .. } => (Some(key.clone()), message.clone()),
        _ => (None, failed.body_text()),
    };
    let kind = if status.is_client_error() {
        RejectionKind::Path
    } else {
        RejectionKind::Other
    };
    let rejection = Rejection::new(kind, status, message);
    match field {
        Some(field) => rejection.at(field),
        None => rejection,
    }
}

#[cfg(feature = "axum")]
/// The name of the `index`th parameter of a route such as `/faces/{face_id}/score/{threshold}`.
fn parameter(route: Option<&str>, index: usize) -> Option<String> {
    route?
        .split('/')
        .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
        .map(|name| name.trim_start_matches('*'))
        .nth(index)
        .map(str::to_owned)
}

#[cfg(feature = "axum")]
/// `"high" is not an integer from 0 to 255`: what a value must be, in a client's words.
fn not_a(value: &str, expected_type: &str) -> String {
    format!("{value:?} is not {}", what(expected_type))
}

#[cfg(feature = "axum")]
/// What a value of the Rust type named `expected_type` is, in a client's words.
fn what(expected_type: &str) -> String {
    let name = expected_type.rsplit("::").next().unwrap_or(expected_type);
    let range = |min: &dyn std::fmt::Display, max: &dyn std::fmt::Display| {
        format!("an integer from {min} to {max}")
    };
    match name {
        "u8" => range(&u8::MIN, &u8::MAX),
        "u16" => range(&u16::MIN, &u16::MAX),
        "u32" => range(&u32::MIN, &u32::MAX),
        "u64" | "usize" => range(&u64::MIN, &u64::MAX),
        "u128" => range(&u128::MIN, &u128::MAX),
        "i8" => range(&i8::MIN, &i8::MAX),
        "i16" => range(&i16::MIN, &i16::MAX),
        "i32" => range(&i32::MIN, &i32::MAX),
        "i64" | "isize" => range(&i64::MIN, &i64::MAX),
        "i128" => range(&i128::MIN, &i128::MAX),
        "f32" | "f64" => "a number".to_owned(),
        "bool" => "`true` or `false`".to_owned(),
        "char" => "a single character".to_owned(),
        "Uuid" => "a UUID".to_owned(),
        _ => "a valid value".to_owned(),
    }
}

#[cfg(all(test, feature = "axum"))]
mod tests {
    use super::{parameter, what};

    #[test]
    fn parameters_are_named_by_their_place_in_the_route() {
        let route = Some("/faces/{face_id}/score/{threshold}");
        assert_eq!(parameter(route, 0).as_deref(), Some("face_id"));
        assert_eq!(parameter(route, 1).as_deref(), Some("threshold"));
        assert_eq!(parameter(route, 2), None);
        assert_eq!(parameter(None, 0), None);
        assert_eq!(
            parameter(Some("/files/{*path}"), 0).as_deref(),
            Some("path")
        );
    }

    #[test]
    fn types_are_described_without_their_rust_names() {
        assert_eq!(what("u8"), "an integer from 0 to 255");
        assert_eq!(what("i16"), "an integer from -32768 to 32767");
        assert_eq!(what("f64"), "a number");
        assert_eq!(what("uuid::Uuid"), "a UUID");
        assert_eq!(what("alloc::string::String"), "a valid value");
        assert_eq!(what("my_crate::Species"), "a valid value");
    }
}
