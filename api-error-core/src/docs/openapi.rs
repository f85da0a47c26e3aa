//! The catalog as OpenAPI 3.1: one reusable response per status, each with the headers its
//! errors send, the envelope's JSON Schema and one named example body per error code.
//!
//! With the `utoipa` feature, the `utoipa` module gives the same responses as utoipa's types,
//! for a document utoipa builds.

use serde_json::{Map, Value, json};

use crate::ApiError;
use crate::docs::responses::{self, StatusErrors};
use crate::model::descriptor::reason;

/// An OpenAPI 3.1 document whose `components` describe `E`'s error responses; merge its
/// components into a service's own document, and point operations' responses at
/// `#/components/responses/<Type><status>`.
///
/// ```
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "incident")]
/// enum IncidentError {
///     /// Resource not found
///     #[api(code = "NOT_FOUND", status = 404, message = "Not found: Incident {id} not found")]
///     NotFound { id: String },
///     /// Too many requests
///     #[api(code = "RATE_LIMIT_EXCEEDED", status = 429, retryable)]
///     RateLimited,
/// }
///
/// let document = api_error_core::openapi::document::<IncidentError>("Incidents", "1.0.0");
/// assert_eq!(document["openapi"], "3.1.0");
/// let response = &document["components"]["responses"]["IncidentError404"];
/// assert_eq!(response["description"], "Not Found");
/// let content = &response["content"]["application/json"];
/// assert_eq!(content["schema"]["$ref"], "#/components/schemas/IncidentError");
/// assert_eq!(content["examples"]["NOT_FOUND"]["$ref"], "#/components/examples/IncidentError_NOT_FOUND");
/// let example = &document["components"]["examples"]["IncidentError_NOT_FOUND"];
/// assert_eq!(
///     example["value"]["message"],
///     "Not found: Incident 550e8400-e29b-41d4-a716-446655440000 not found"
/// );
/// ```
pub fn document<E: ApiError>(title: &str, version: &str) -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {"title": title, "version": version},
        "paths": {},
        "components": components::<E>(),
    })
}

/// The `components` object alone: `schemas`, `examples` and `responses` for `E`.
///
/// Each response declares the headers its errors send (`retry-after`, `www-authenticate`,
/// static headers and header fields), `required` when every error of its status sends them.
///
/// ```
/// # use api_error_core::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE")]
/// enum Error {
///     #[api(status = 400)]
///     BadRequest,
///     #[api(status = 503, retry_after = 30)]
///     Unavailable,
/// }
/// let components = api_error_core::openapi::components::<Error>();
/// assert!(components["responses"]["Error400"].is_object());
/// let retry_after = &components["responses"]["Error503"]["headers"]["retry-after"];
/// assert_eq!(retry_after["required"], true);
/// assert_eq!(retry_after["schema"], serde_json::json!({"type": "string", "enum": ["30"]}));
/// ```
pub fn components<E: ApiError>() -> Value {
    let name = E::CATALOG.name();
    let examples = E::examples();
    let content_type = E::body_content_type();

    let mut example_components = Map::new();
    let mut responses: Map<String, Value> = Map::new();
    for StatusErrors { status, errors } in responses::by_status::<E>(|_| true) {
        let mut named = Map::new();
        for error in &errors {
            let key = responses::example_key(error);
            let component = format!("{name}_{key}");
            example_components.insert(component.clone(), responses::example(error, &examples));
            named.insert(
                key,
                json!({"$ref": format!("#/components/examples/{component}")}),
            );
        }
        let mut response = Map::new();
        response.insert("description".into(), json!(reason(status)));
        let headers = responses::headers(&errors, &examples);
        if !headers.is_empty() {
            response.insert("headers".into(), Value::Object(headers));
        }
        // An envelope without a body (`Shape::no_body`) has no content to describe.
        if !content_type.is_empty() {
            response.insert(
                "content".into(),
                json!({
                    content_type: {
                        "schema": {"$ref": format!("#/components/schemas/{name}")},
                        "examples": named,
                    }
                }),
            );
        }
        responses.insert(format!("{name}{status}"), Value::Object(response));
    }
    // An envelope without a body has no schema.
    let schemas: Map<String, Value> = E::body_schema()
        .map(|schema| (name.to_owned(), schema))
        .into_iter()
        .collect();
    json!({
        "schemas": schemas,
        "examples": example_components,
        "responses": responses,
    })
}
