//! The JSON Schema of a [`Shape`]'s bodies, for OpenAPI documents.

use serde_json::{Map, Value as Json, json};

use super::{Absent, Constant, Member, Shape, Value};
use crate::{Catalog, DetailsForm};

pub(super) fn of_shape(shape: &Shape, catalog: &Catalog) -> Json {
    object(shape.members, shape, catalog)
}

fn object(members: &[Member], shape: &Shape, catalog: &Catalog) -> Json {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for member in members {
        let mut schema = value(member.value, shape, catalog);
        if member.absent == Absent::Null {
            // `const: null` rather than `type: null`, which OpenAPI 3.0 readers also accept.
            schema = json!({"anyOf": [schema, {"const": null}]});
        }
        if member.absent == Absent::Null || always_present(member.value) {
            required.push(Json::from(member.name));
        }
        properties.insert(member.name.to_owned(), schema);
    }
    json!({"type": "object", "properties": properties, "required": required})
}

/// Whether every body has the member (the others are left out when absent).
fn always_present(value: Value) -> bool {
    !matches!(
        value,
        Value::Details
            | Value::RequestId
            | Value::Timestamp
            | Value::Instance
            | Value::Category
            | Value::Field
            | Value::FieldLocation
    )
}

fn value(value: Value, shape: &Shape, catalog: &Catalog) -> Json {
    let string = || json!({"type": "string"});
    match value {
        Value::Code => {
            let codes: Vec<Json> = catalog.iter().map(|error| json!(error.code())).collect();
            let kind = if catalog.iter().all(|error| error.code().is_int()) && !codes.is_empty() {
                "integer"
            } else {
                "string"
            };
            json!({"type": kind, "enum": codes})
        }
        Value::Status => {
            json!({"type": "integer", "enum": catalog.statuses()})
        }
        Value::Constant(Constant::Null) => json!({"const": null}),
        Value::Constant(Constant::Bool(flag)) => json!({"const": flag}),
        Value::Constant(Constant::Int(number)) => json!({"const": number}),
        Value::Constant(Constant::Str(text)) => json!({"const": text}),
        Value::Details => {
            // Field errors in the shape's form, or any value a variant passes through.
            json!({"anyOf": [field_errors(shape.details), {}]})
        }
        Value::Object(members) => object(members, shape, catalog),
        Value::List(members) => json!({"type": "array", "items": object(members, shape, catalog)}),
        Value::Message
        | Value::Name
        | Value::Category
        | Value::StatusText
        | Value::Title
        | Value::TypeUri(_)
        | Value::RequestId
        | Value::Timestamp
        | Value::Instance
        | Value::Field
        | Value::FieldLocation => string(),
    }
}

fn field_errors(form: DetailsForm) -> Json {
    let item = |names: &[&str], required: &[&str]| {
        let properties: Map<String, Json> = names
            .iter()
            .map(|name| ((*name).to_owned(), json!({"type": "string"})))
            .collect();
        json!({"type": "object", "properties": properties, "required": required})
    };
    match form {
        DetailsForm::MessagesByField => json!({
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}}
        }),
        DetailsForm::ObjectByField => json!({
            "type": "object",
            "additionalProperties": item(&["code", "message"], &["message"])
        }),
        DetailsForm::List => {
            json!({"type": "array", "items": item(&["field", "code", "message"], &["field", "message"])})
        }
        DetailsForm::Problem => {
            json!({"type": "array", "items": item(&["detail", "pointer", "code"], &["detail", "pointer"])})
        }
    }
}
