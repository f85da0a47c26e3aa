//! Checks of the OpenAPI output with maintained readers of the formats: `oas3` parses each
//! document as OpenAPI 3.1, `jsonschema` checks each schema against the JSON Schema 2020-12
//! meta-schema and each example against its schema, and utoipa's own types read each schema
//! back unchanged. The tests in `tests/` call them (`cargo test -p api-error-conformance`):
//! `schemas.rs` for the built-in envelopes and declared shapes, `shapes.rs` for any shape over
//! any catalog (generated), `examples.rs` for every
//! catalog and shape of `examples/`, `utoipa_service.rs` for an axum service documented with
//! utoipa, `utoipa_hygiene.rs` for the generated impls under strict lints.

use serde_json::Value;
use utoipa::openapi::{RefOr, Schema};

/// Checks a JSON Schema of the output: valid JSON Schema 2020-12, and read by utoipa's
/// `Schema` into the same value it writes back, so nothing of it is lost on the way.
///
/// # Panics
///
/// When either is not so, with the schema and what is wrong.
pub fn check_schema(schema: &Value) {
    if let Err(error) = jsonschema::draft202012::meta::validate(schema) {
        panic!("not JSON Schema 2020-12: {error}: {schema:#}");
    }
    let read: RefOr<Schema> = serde_json::from_value(schema.clone())
        .unwrap_or_else(|error| panic!("utoipa cannot read the schema: {error}: {schema:#}"));
    let written = serde_json::to_value(&read).expect("utoipa writes its schema");
    assert_eq!(&written, schema, "utoipa reads the schema as another one");
}

/// Checks an OpenAPI document: it parses as OpenAPI 3.1 with `oas3` and as utoipa's
/// `OpenApi`, every schema of a
/// response passes [`check_schema`], and every example of a response matches its schema
/// (references into `components` followed). Returns how many examples were checked.
///
/// # Panics
///
/// When any of that is not so.
pub fn check_document(document: &Value) -> usize {
    let spec = oas3::from_json(document.to_string())
        .unwrap_or_else(|error| panic!("not OpenAPI 3.1: {error}: {document:#}"));
    assert_eq!(
        spec.validate_version().expect("a version"),
        "3.1.0".parse().unwrap()
    );
    // utoipa reads the whole document too, so it can be merged into one utoipa builds.
    if let Err(error) = serde_json::from_value::<utoipa::openapi::OpenApi>(document.clone()) {
        panic!("utoipa cannot read the document: {error}: {document:#}");
    }
    let mut responses: Vec<&Value> = Vec::new();
    if let Some(components) = document["components"]["responses"].as_object() {
        responses.extend(components.values());
    }
    if let Some(paths) = document["paths"].as_object() {
        for operation in paths.values().flat_map(object_values) {
            responses.extend(object_values(&operation["responses"]));
        }
    }
    let mut checked = 0;
    for response in responses {
        let response = resolve(document, response);
        for media in object_values(&response["content"]) {
            let schema = resolve(document, &media["schema"]);
            check_schema(schema);
            let validator = jsonschema::draft202012::new(schema).expect("a valid schema");
            for (name, example) in media["examples"].as_object().into_iter().flatten() {
                let value = &resolve(document, example)["value"];
                let errors: Vec<String> = validator
                    .iter_errors(value)
                    .map(|error| format!("{error} at {}", error.instance_path))
                    .collect();
                assert!(
                    errors.is_empty(),
                    "example {name}: {value} does not match {schema:#}: {errors:?}"
                );
                checked += 1;
            }
        }
        for header in object_values(&response["headers"]) {
            let header = resolve(document, header);
            check_schema(&header["schema"]);
        }
    }
    checked
}

/// A `$ref` into the document followed (`#/components/...`), or the value itself.
pub fn resolve<'a>(document: &'a Value, value: &'a Value) -> &'a Value {
    match value["$ref"].as_str() {
        Some(reference) => {
            let pointer = reference.strip_prefix('#').expect("a local reference");
            document
                .pointer(pointer)
                .unwrap_or_else(|| panic!("{reference} points at nothing"))
        }
        None => value,
    }
}

fn object_values(value: &Value) -> impl Iterator<Item = &Value> {
    value
        .as_object()
        .into_iter()
        .flat_map(|object| object.values())
}
