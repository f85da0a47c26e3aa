//! The catalog as OpenAPI 3.1: one reusable response per status, each with the envelope's
//! JSON Schema and one named example body per error code.

use serde_json::{Map, Value, json};

use crate::docs::example;
use crate::model::descriptor::reason;
use crate::{ApiError, RequestContext};

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
/// ```
/// # use api_error_core::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
/// enum Error { BadRequest }
/// let components = api_error_core::openapi::components::<Error>();
/// assert!(components["responses"]["Error400"].is_object());
/// ```
pub fn components<E: ApiError>() -> Value {
    let catalog = E::CATALOG;
    let name = catalog.name();
    let examples = E::examples();
    let context = RequestContext::new();
    let content_type = E::body_content_type();

    let mut example_components = Map::new();
    let mut responses: Map<String, Value> = Map::new();
    for status in catalog.statuses() {
        let mut named = Map::new();
        for error in catalog
            .iter()
            .filter(|error| error.status().as_u16() == status)
        {
            let key = component_name(&error.code().to_string());
            let component = format!("{name}_{key}");
            let body = example::body(error, &examples, &context);
            let value: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let mut example = Map::new();
            example.insert(
                "summary".into(),
                json!(format!("{} - {}", error.code(), error.name())),
            );
            if !error.description().is_empty() {
                example.insert("description".into(), json!(error.description()));
            }
            example.insert("value".into(), value);
            example_components.insert(component.clone(), Value::Object(example));
            named.insert(
                key,
                json!({"$ref": format!("#/components/examples/{component}")}),
            );
        }
        // An envelope without a body (`Shape::no_body`) has no content to describe.
        let response = if content_type.is_empty() {
            json!({"description": reason(status)})
        } else {
            json!({
                "description": reason(status),
                "content": {
                    content_type: {
                        "schema": {"$ref": format!("#/components/schemas/{name}")},
                        "examples": named,
                    }
                }
            })
        };
        responses.insert(format!("{name}{status}"), response);
    }
    json!({
        "schemas": {name: E::body_schema().unwrap_or_else(|| json!({}))},
        "examples": example_components,
        "responses": responses,
    })
}

/// A component name OpenAPI accepts (`^[a-zA-Z0-9.\-_]+$`).
fn component_name(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}
