//! JSON request bodies whose rejections name the field that failed.

use http::StatusCode;
use serde::de::DeserializeOwned;

use crate::{Rejection, RejectionKind};

/// A JSON request body, like axum's `Json`, whose rejections say which field failed and
/// how, in the path [`serde_path_to_error`](https://docs.rs/serde_path_to_error) writes:
/// `pets[2].species`, `unknown variant `BIRD`, expected `DOG` or `CAT``.
///
/// Its rejections are [`Rejection`]s of kind [`ContentType`](RejectionKind::ContentType)
/// (415), [`BodyTooLarge`](RejectionKind::BodyTooLarge) (413),
/// [`JsonSyntax`](RejectionKind::JsonSyntax) (400) and [`JsonData`](RejectionKind::JsonData)
/// (422). Behind the error layer they become the variant that takes their kind, whose
/// [`FieldErrors`](crate::FieldErrors) field then holds the path and the message; without the
/// layer they answer in plain text, as axum's own rejections do.
///
/// With the `axum` feature it is an axum extractor; [`from_slice`](Self::from_slice) reads a
/// body in any framework.
///
/// ```
/// use api_error_core::{ApiJson, RejectionKind};
/// use serde::Deserialize;
///
/// #[derive(Debug, Deserialize)]
/// struct Pet {
///     species: Species,
/// }
///
/// #[derive(Debug, Deserialize)]
/// #[serde(rename_all = "UPPERCASE")]
/// enum Species { Dog, Cat }
///
/// #[derive(Debug, Deserialize)]
/// struct NewPets {
///     pets: Vec<Pet>,
/// }
///
/// let body = br#"{"pets":[{"species":"DOG"},{"species":"CAT"},{"species":"BIRD"}]}"#;
/// let rejection = ApiJson::<NewPets>::from_slice(body).unwrap_err();
/// assert_eq!(rejection.kind(), RejectionKind::JsonData);
/// assert_eq!(rejection.status(), 422);
/// assert_eq!(rejection.field(), Some("pets[2].species"));
/// assert_eq!(rejection.message(), "unknown variant `BIRD`, expected `DOG` or `CAT`");
///
/// let missing = ApiJson::<Pet>::from_slice(b"{}").unwrap_err();
/// assert_eq!((missing.field(), missing.message()), (Some("species"), "missing field `species`"));
///
/// let syntax = ApiJson::<Pet>::from_slice(b"{not json").unwrap_err();
/// assert_eq!(syntax.kind(), RejectionKind::JsonSyntax);
/// assert_eq!((syntax.field(), syntax.message()), (None, "key must be a string"));
/// let cut = ApiJson::<NewPets>::from_slice(br#"{"pets":[{"species":"DOG"}"#).unwrap_err();
/// assert_eq!((cut.field(), cut.message()), (Some("pets"), "EOF while parsing a list"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> ApiJson<T> {
    /// Reads a JSON body, or says why it cannot.
    ///
    /// # Errors
    ///
    /// A [`JsonSyntax`](RejectionKind::JsonSyntax) rejection (400) when the body is not JSON,
    /// a [`JsonData`](RejectionKind::JsonData) one (422) naming the field when it is JSON of
    /// another shape.
    pub fn from_slice(body: &[u8]) -> Result<Self, Rejection> {
        let mut deserializer = serde_json::Deserializer::from_slice(body);
        let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            let path = error.path().to_string();
            rejection(error.inner(), &path)
        })?;
        deserializer.end().map_err(|error| rejection(&error, "."))?;
        Ok(ApiJson(value))
    }
}

/// The rejection of a body whose content type is not JSON.
#[doc(hidden)]
pub fn not_json() -> Rejection {
    Rejection::new(
        RejectionKind::ContentType,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "Expected request with `Content-Type: application/json`",
    )
}

/// The rejection of a body that failed at `path` (`.` for the whole body).
pub(crate) fn rejection(error: &serde_json::Error, path: &str) -> Rejection {
    let (kind, status) = match error.classify() {
        serde_json::error::Category::Data => {
            (RejectionKind::JsonData, StatusCode::UNPROCESSABLE_ENTITY)
        }
        _ => (RejectionKind::JsonSyntax, StatusCode::BAD_REQUEST),
    };
    let text = error.to_string();
    // The path says where; the position in the body says it again less readably.
    let position = format!(" at line {} column {}", error.line(), error.column());
    let message = text.strip_suffix(&position).unwrap_or(&text);
    // serde reports a missing field at the object that lacks it.
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'));
    // `?` stands for a segment the parser had not read yet, when the body broke off.
    let path = if path.contains('?') { "." } else { path };
    let field = match (path, missing) {
        (".", Some(name)) => Some(name.to_owned()),
        (path, Some(name)) => Some(format!("{path}.{name}")),
        (".", None) => None,
        (path, None) => Some(path.to_owned()),
    };
    let rejection = Rejection::new(kind, status, message);
    match field {
        Some(field) => rejection.at(field),
        None => rejection,
    }
}

/// Whether a request's content type is JSON: `application/json`, or any `+json` type.
#[doc(hidden)]
pub fn is_json(content_type: Option<&[u8]>) -> bool {
    let Some(value) = content_type.and_then(|value| std::str::from_utf8(value).ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype
                .get(subtype.len().saturating_sub(5)..)
                .is_some_and(|suffix| suffix.eq_ignore_ascii_case("+json")))
}

#[cfg(feature = "axum")]
impl<T, S> axum_core::extract::FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(
        request: axum_core::extract::Request,
        state: &S,
    ) -> Result<Self, Rejection> {
        let content_type = request.headers().get(http::header::CONTENT_TYPE);
        if !is_json(content_type.map(http::HeaderValue::as_bytes)) {
            return Err(not_json());
        }
        let bytes =
            <axum::body::Bytes as axum_core::extract::FromRequest<S>>::from_request(request, state)
                .await
                .map_err(|rejection| {
                    let kind = if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                        RejectionKind::BodyTooLarge
                    } else {
                        RejectionKind::Other
                    };
                    Rejection::new(kind, rejection.status(), rejection.body_text())
                })?;
        ApiJson::from_slice(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::is_json;

    #[test]
    fn json_content_types() {
        for yes in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON",
            "application/problem+json",
        ] {
            assert!(is_json(Some(yes.as_bytes())), "{yes}");
        }
        for no in [
            "text/plain",
            "application/jsonx",
            "json",
            "application/x-json5",
        ] {
            assert!(!is_json(Some(no.as_bytes())), "{no}");
        }
        assert!(!is_json(None));
    }
}
