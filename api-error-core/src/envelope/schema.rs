//! The JSON Schema (2020-12) of a [`Shape`]'s bodies, for OpenAPI 3.1 documents.
//!
//! A member is required when every error of the catalog writes it in every body. Values the
//! catalog fixes (codes, statuses, names, attributes, constants) are listed with `enum`;
//! values whose type the shape cannot know (member fields, details passed through as they
//! are) are left unconstrained by leaving their member out of `properties`, and members no
//! error of the catalog writes are left out too.
//!
//! Every schema is in the subset of JSON Schema that OpenAPI tools model as types (utoipa's
//! `Schema`, among others): each one has a `type`, or is an `anyOf`, and nothing else; a fixed
//! value is an `enum` of one (there is no `const`), `null` is `{"type": "null"}`, and there is
//! no `{}`.

use serde_json::{Map, Value as Json, json};

use super::plan::always_written;
use super::{Absent, Constant, Member, Shape, Value};
use crate::model::descriptor::reason;
use crate::{AttrValue, Catalog, Code, Descriptor, DetailsForm};

/// What the bodies can hold in one place.
#[derive(Clone, Debug, PartialEq)]
enum Values {
    /// Values of this schema.
    Of(Json),
    /// Any value: a type the shape does not know.
    Any,
    /// Nothing: no error of the catalog writes a value there.
    Never,
}

/// The catalog's errors, as the schema needs them.
struct Errors<'a> {
    shape: &'a Shape,
    catalog: &'a Catalog,
    errors: Vec<&'static Descriptor>,
}

/// The schema of the bodies `shape` writes for `catalog`'s errors; `None` for a shape without
/// a body.
pub(super) fn of_shape(shape: &Shape, catalog: &Catalog) -> Option<Json> {
    if !shape.body {
        return None;
    }
    let errors = Errors {
        shape,
        catalog,
        errors: catalog.iter().collect(),
    };
    Some(errors.object(shape.members, false).0)
}

impl Errors<'_> {
    /// The schema of an object of `members`, and whether any error writes one of them.
    fn object(&self, members: &'static [Member], in_list: bool) -> (Json, bool) {
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut written = false;
        for member in members {
            // A flattened member's keys are the variants' member fields: any keys, any values.
            if member.flatten {
                written |= self.errors.iter().any(|error| !error.members().is_empty());
                continue;
            }
            let mut alternatives = vec![self.value(member.value, in_list)];
            if let Some(fallback) = member.fallback {
                alternatives.push(self.value(fallback, in_list));
            }
            if member.absent == Absent::Null {
                alternatives.push(Values::Of(json!({"type": "null"})));
            }
            match any_of(alternatives) {
                Values::Of(schema) => {
                    properties.insert(member.name.to_owned(), schema);
                }
                Values::Any => {}
                // Never written: neither described nor required.
                Values::Never => continue,
            }
            written = true;
            if self.written_by_all(member, in_list) {
                required.push(Json::from(member.name));
            }
        }
        (object_schema(properties, required), written)
    }

    /// Whether every error of the catalog writes the member in every body: in a list's item,
    /// both in the item for a field error and in the one written without.
    fn written_by_all(&self, member: &Member, in_list: bool) -> bool {
        !self.errors.is_empty()
            && self.errors.iter().all(|descriptor| {
                always_written(self.shape, member, descriptor, false)
                    && (!in_list || always_written(self.shape, member, descriptor, true))
            })
    }

    /// The values of the errors' `each`, each once, in catalog order; an error for which
    /// `each` gives `None` adds nothing.
    fn distinct(&self, each: impl Fn(&Descriptor) -> Option<Json>) -> Vec<Json> {
        let mut values: Vec<Json> = Vec::new();
        for value in self.errors.iter().copied().filter_map(each) {
            if !values.contains(&value) {
                values.push(value);
            }
        }
        values
    }

    /// A string that is one of the errors' `each`.
    fn strings(&self, each: impl Fn(&Descriptor) -> Option<String>) -> Values {
        let values = self.distinct(|descriptor| each(descriptor).map(Json::from));
        if values.is_empty() {
            return Values::Never;
        }
        Values::Of(json!({"type": "string", "enum": values}))
    }

    fn value(&self, value: Value, in_list: bool) -> Values {
        let string = || Values::Of(json!({"type": "string"}));
        match value {
            Value::Code => {
                let codes = self.distinct(|error| Some(json!(error.code())));
                let kind = if !codes.is_empty() && self.errors.iter().all(|e| e.code().is_int()) {
                    "integer"
                } else {
                    "string"
                };
                Values::Of(json!({"type": kind, "enum": codes}))
            }
            Value::Status => {
                Values::Of(json!({"type": "integer", "enum": self.catalog.statuses()}))
            }
            Value::StatusText => self.strings(|error| Some(error.status().as_str().to_owned())),
            Value::Title => self.strings(|error| Some(reason(error.status().as_u16()).to_owned())),
            Value::Name => self.strings(|error| Some(error.name().to_owned())),
            Value::Category => self.strings(|error| error.category().map(str::to_owned)),
            Value::TypeUri(base) => self.strings(|error| {
                Some(match error.code() {
                    Code::Str(code) => format!("{base}{code}"),
                    Code::Int(code) => format!("{base}{code}"),
                })
            }),
            Value::IsClientError => self.booleans(|error| error.status().is_client_error()),
            Value::IsServerError => self.booleans(|error| error.status().is_server_error()),
            Value::Attr(name) => self.attr(name),
            Value::Constant(constant) => Values::Of(self::constant(constant)),
            Value::Details => self.details(),
            Value::Members if self.errors.iter().all(|e| e.members().is_empty()) => Values::Never,
            Value::Members => Values::Of(json!({"type": "object"})),
            Value::Member(key) if self.errors.iter().any(|e| e.members().contains(&key)) => {
                Values::Any
            }
            Value::Member(_) => Values::Never,
            // The inner error is written with the members of the object it stands in, from its
            // own type's catalog: an object, whose codes are not this catalog's.
            Value::Inner if self.errors.iter().any(|e| e.has_inner()) => {
                Values::Of(json!({"type": "object"}))
            }
            Value::Inner => Values::Never,
            // An object none of whose members is written is absent itself.
            Value::Object(members) => match self.object(members, in_list) {
                (schema, true) => Values::Of(schema),
                (_, false) => Values::Never,
            },
            // Never absent, but its items are when none of their members is written: `[]`.
            Value::List(members) => {
                let (item, _) = self.object(members, true);
                Values::Of(json!({"type": "array", "items": item}))
            }
            Value::Message
            | Value::RequestId
            | Value::Timestamp
            | Value::Instance
            | Value::Field
            | Value::FieldPointer(_)
            | Value::FieldMessage
            | Value::FieldCode
            | Value::FieldLocation => string(),
        }
    }

    fn booleans(&self, each: impl Fn(&Descriptor) -> bool) -> Values {
        let values = self.distinct(|error| Some(Json::Bool(each(error))));
        Values::Of(json!({"type": "boolean", "enum": values}))
    }

    /// The values the catalog's errors give the attribute, and their types.
    fn attr(&self, name: &str) -> Values {
        let values = self.distinct(|error| {
            error.attr(name).map(|value| match value {
                AttrValue::Str(text) => json!(text),
                AttrValue::Int(number) => json!(number),
                AttrValue::Bool(flag) => json!(flag),
            })
        });
        let mut kinds: Vec<&str> = Vec::new();
        for value in &values {
            let kind = type_name(value);
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        match kinds.as_slice() {
            [] => Values::Never,
            [kind] => Values::Of(json!({"type": kind, "enum": values})),
            _ => Values::Of(json!({"type": kinds, "enum": values})),
        }
    }

    /// Field errors in the shape's form; any value when a variant passes other details
    /// through as they are.
    fn details(&self) -> Values {
        let mut with_details = self.errors.iter().filter(|e| e.has_details()).peekable();
        if with_details.peek().is_none() {
            return Values::Never;
        }
        if with_details.all(|error| error.has_field_errors()) {
            Values::Of(field_errors(self.shape.details))
        } else {
            Values::Any
        }
    }
}

/// One schema for values of any of the `alternatives`.
fn any_of(alternatives: Vec<Values>) -> Values {
    let mut schemas: Vec<Json> = Vec::new();
    for alternative in alternatives {
        match alternative {
            Values::Any => return Values::Any,
            Values::Never => {}
            Values::Of(schema) => {
                // Two lists of values of one type are one list.
                if let Some(known) = schemas
                    .iter_mut()
                    .find(|known| same_type_enums(known, &schema))
                {
                    for value in schema["enum"].as_array().into_iter().flatten() {
                        if let Some(values) = known["enum"].as_array_mut()
                            && !values.contains(value)
                        {
                            values.push(value.clone());
                        }
                    }
                } else if !schemas.contains(&schema) {
                    schemas.push(schema);
                }
            }
        }
    }
    match schemas.len() {
        0 => Values::Never,
        1 => Values::Of(schemas.remove(0)),
        _ => Values::Of(json!({"anyOf": schemas})),
    }
}

/// Whether both schemas are `{"type": .., "enum": [..]}` of the same type, and nothing else.
fn same_type_enums(a: &Json, b: &Json) -> bool {
    fn type_of_enum(schema: &Json) -> Option<&Json> {
        let object = schema.as_object()?;
        (object.len() == 2 && object.get("enum")?.is_array()).then(|| object.get("type"))?
    }
    matches!((type_of_enum(a), type_of_enum(b)), (Some(a), Some(b)) if a == b)
}

/// An object schema, without the empty keywords OpenAPI tools leave out.
fn object_schema(properties: Map<String, Json>, required: Vec<Json>) -> Json {
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    if !properties.is_empty() {
        schema.insert("properties".into(), Json::Object(properties));
    }
    if !required.is_empty() {
        schema.insert("required".into(), Json::Array(required));
    }
    Json::Object(schema)
}

/// The JSON Schema type of a value.
fn type_name(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(number) if number.is_i64() || number.is_u64() => "integer",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

/// A fixed value: an `enum` of one, with its type.
fn constant(constant: Constant) -> Json {
    let mut out = Vec::new();
    super::plan::constant(&mut out, constant);
    let value: Json = serde_json::from_slice(&out).unwrap_or(Json::Null);
    match value {
        Json::Null => json!({"type": "null"}),
        value => json!({"type": type_name(&value), "enum": [value]}),
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
            json!({"type": "array", "items": form_object(members)})
        }
        DetailsForm::ByField(value) => {
            json!({"type": "object", "additionalProperties": form_value(value)})
        }
        DetailsForm::AllByField(value) => json!({
            "type": "object",
            "additionalProperties": {"type": "array", "items": form_value(value)}
        }),
        // Objects nested along each field's path: a member per first step, each an object.
        DetailsForm::Nested { .. } => json!({
            "type": "object",
            "additionalProperties": {"type": "object"}
        }),
    }
}

/// The schema of a details form's value for one field error.
fn form_value(value: Value) -> Json {
    match form_values(value) {
        Values::Of(schema) => schema,
        // A form holds field values, constants and objects of them (`Shape::details_form`
        // refuses anything else): never reached.
        Values::Any | Values::Never => json!({"type": "string"}),
    }
}

fn form_values(value: Value) -> Values {
    match value {
        Value::Object(members) => Values::Of(form_object(members)),
        Value::Constant(fixed) => Values::Of(constant(fixed)),
        Value::Field
        | Value::FieldPointer(_)
        | Value::FieldMessage
        | Value::FieldCode
        | Value::FieldLocation => Values::Of(json!({"type": "string"})),
        _ => Values::Never,
    }
}

/// An object of a details form, for one field error.
fn form_object(members: &'static [Member]) -> Json {
    // Whether a value is in every field error's object.
    fn always(value: Value) -> bool {
        match value {
            Value::Field | Value::FieldPointer(_) | Value::FieldMessage | Value::Constant(_) => {
                true
            }
            Value::Object(members) => members.iter().any(|member| {
                always(member.value)
                    || member.fallback.is_some_and(always)
                    || member.absent == Absent::Null
            }),
            _ => false,
        }
    }
    let mut properties = Map::new();
    let mut required = Vec::new();
    for member in members {
        let mut alternatives = vec![form_values(member.value)];
        if let Some(fallback) = member.fallback {
            alternatives.push(form_values(fallback));
        }
        if member.absent == Absent::Null {
            alternatives.push(Values::Of(json!({"type": "null"})));
        }
        let Values::Of(schema) = any_of(alternatives) else {
            continue;
        };
        properties.insert(member.name.to_owned(), schema);
        if always(member.value)
            || member.fallback.is_some_and(always)
            || member.absent == Absent::Null
        {
            required.push(Json::from(member.name));
        }
    }
    object_schema(properties, required)
}
