//! The JSON Schema of a [`Shape`]'s bodies, for OpenAPI documents.
//!
//! A member is required when every error of the catalog writes it in every body; values
//! whose type the shape cannot know (member fields) are left unconstrained by leaving them
//! out of `properties`.

use serde_json::{Map, Value as Json, json};

use super::plan::always_written;
use super::{Absent, Constant, Member, Shape, Value};
use crate::{AttrValue, Catalog, DetailsForm};

pub(super) fn of_shape(shape: &Shape, catalog: &Catalog) -> Json {
    if !shape.body {
        return json!({});
    }
    object(shape.members, shape, catalog, false)
}

fn object(members: &'static [Member], shape: &Shape, catalog: &Catalog, in_list: bool) -> Json {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for member in members {
        let Some(mut schema) = value(member.value, shape, catalog, in_list) else {
            continue;
        };
        if let Some(fallback) = member
            .fallback
            .and_then(|v| value(v, shape, catalog, in_list))
        {
            schema = json!({"anyOf": [schema, fallback]});
        }
        if member.absent == Absent::Null {
            // `const: null` rather than `type: null`, which OpenAPI 3.0 readers also accept.
            schema = json!({"anyOf": [schema, {"const": null}]});
        }
        if written_by_all(shape, member, catalog, in_list) {
            required.push(Json::from(member.name));
        }
        properties.insert(member.name.to_owned(), schema);
    }
    json!({"type": "object", "properties": properties, "required": required})
}

/// Whether every error of the catalog writes the member in every body: in a list's item, both
/// in the item for a field error and in the one written without.
fn written_by_all(shape: &Shape, member: &Member, catalog: &Catalog, in_list: bool) -> bool {
    !catalog.is_empty()
        && catalog.iter().all(|descriptor| {
            always_written(shape, member, descriptor, false)
                && (!in_list || always_written(shape, member, descriptor, true))
        })
}

/// The schema of a value; `None` for one whose type the shape does not know.
fn value(value: Value, shape: &Shape, catalog: &Catalog, in_list: bool) -> Option<Json> {
    let string = || json!({"type": "string"});
    Some(match value {
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
        Value::IsClientError | Value::IsServerError => json!({"type": "boolean"}),
        Value::Attr(name) => attr(name, catalog),
        Value::Constant(constant) => self::constant(constant),
        Value::Details => {
            // Field errors in the shape's form, or any value a variant passes through.
            json!({"anyOf": [field_errors(shape.details), {}]})
        }
        Value::Members | Value::Inner => json!({"type": "object"}),
        Value::Member(_) => return None,
        Value::Object(members) => object(members, shape, catalog, in_list),
        Value::List(members) => {
            json!({"type": "array", "items": object(members, shape, catalog, true)})
        }
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
        | Value::FieldPointer(_)
        | Value::FieldMessage
        | Value::FieldCode
        | Value::FieldLocation => string(),
    })
}

/// The values the catalog's errors give the attribute, and their type.
fn attr(name: &str, catalog: &Catalog) -> Json {
    let mut values: Vec<Json> = Vec::new();
    let mut kinds: Vec<&str> = Vec::new();
    for value in catalog
        .iter()
        .filter_map(|descriptor| descriptor.attr(name))
    {
        let (kind, json) = match value {
            AttrValue::Str(text) => ("string", json!(text)),
            AttrValue::Int(number) => ("integer", json!(number)),
            AttrValue::Bool(flag) => ("boolean", json!(flag)),
        };
        if !values.contains(&json) {
            values.push(json);
        }
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    match kinds.as_slice() {
        [kind] => json!({"type": kind, "enum": values}),
        _ => json!({"enum": values}),
    }
}

fn constant(constant: Constant) -> Json {
    let mut out = Vec::new();
    super::plan::constant(&mut out, constant);
    let value: Json = serde_json::from_slice(&out).unwrap_or(Json::Null);
    match constant {
        Constant::Array(_) => json!({"type": "array", "enum": [value]}),
        Constant::Object(_) => json!({"type": "object", "enum": [value]}),
        _ => json!({"const": value}),
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
        DetailsForm::Items(members) => {
            json!({"type": "array", "items": form_value(Value::Object(members))})
        }
        DetailsForm::ByField(value) => {
            json!({"type": "object", "additionalProperties": form_value(value)})
        }
        DetailsForm::AllByField(value) => json!({
            "type": "object",
            "additionalProperties": {"type": "array", "items": form_value(value)}
        }),
        DetailsForm::Nested { .. } => json!({"type": "object"}),
    }
}

/// The schema of a details form's value for one field error.
fn form_value(value: Value) -> Json {
    match value {
        Value::Object(members) => {
            let mut properties = Map::new();
            let mut required = Vec::new();
            for member in members {
                properties.insert(member.name.to_owned(), form_value(member.value));
                let always = |value: Value| {
                    matches!(
                        value,
                        Value::Field
                            | Value::FieldPointer(_)
                            | Value::FieldMessage
                            | Value::Constant(_)
                    )
                };
                if always(member.value)
                    || member.fallback.is_some_and(always)
                    || member.absent == Absent::Null
                {
                    required.push(Json::from(member.name));
                }
            }
            json!({"type": "object", "properties": properties, "required": required})
        }
        Value::Constant(fixed) => constant(fixed),
        _ => json!({"type": "string"}),
    }
}
