//! What the OpenAPI outputs share: a type's errors grouped by status, each error's named
//! example, and the headers each status's response declares. `openapi` writes them as JSON
//! with references into `components`, `utoipa` as utoipa's types, inline.

use serde_json::{Map, Value, json};

use crate::docs::example;
use crate::{ApiError, Code, DeclaredHeader, Descriptor, RequestContext};

/// The chosen errors of one status, in catalog order.
pub(crate) struct StatusErrors {
    pub(crate) status: u16,
    pub(crate) errors: Vec<&'static Descriptor>,
}

/// `E`'s errors for which `chosen` is true, grouped by status, statuses ascending.
pub(crate) fn by_status<E: ApiError>(chosen: impl Fn(&Descriptor) -> bool) -> Vec<StatusErrors> {
    let mut groups: Vec<StatusErrors> = Vec::new();
    for error in E::CATALOG.iter().filter(|error| chosen(error)) {
        let status = error.status().as_u16();
        match groups.iter_mut().find(|group| group.status == status) {
            Some(group) => group.errors.push(error),
            None => groups.push(StatusErrors {
                status,
                errors: vec![error],
            }),
        }
    }
    groups.sort_by_key(|group| group.status);
    groups
}

/// The key of an error's example in a response: its code, as a component name OpenAPI
/// accepts (`^[a-zA-Z0-9.\-_]+$`).
pub(crate) fn example_key(error: &Descriptor) -> String {
    error
        .code()
        .to_string()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// An Example Object for `error`: a summary of code and name, the description, and the body
/// the envelope writes for the error's example value (or its descriptor).
pub(crate) fn example<E: ApiError>(error: &'static Descriptor, examples: &[E]) -> Value {
    let body = example::body(error, examples, &RequestContext::new());
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
    Value::Object(example)
}

/// The Header Objects of a response of `errors`, by name, in the order the errors declare
/// them: what the header says, whether every error of the response sends it, its values when
/// all are fixed, and an example.
pub(crate) fn headers<E: ApiError>(
    errors: &[&'static Descriptor],
    examples: &[E],
) -> Map<String, Value> {
    let mut names: Vec<&'static str> = Vec::new();
    for header in errors.iter().flat_map(|error| error.headers()) {
        if !names.contains(&header.name()) {
            names.push(header.name());
        }
    }
    names
        .into_iter()
        .map(|name| (name.to_owned(), header(name, errors, examples)))
        .collect()
}

fn header<E: ApiError>(name: &str, errors: &[&'static Descriptor], examples: &[E]) -> Value {
    let declared = |error: &&'static Descriptor| -> Option<DeclaredHeader> {
        error
            .headers()
            .iter()
            .find(|header| header.name() == name)
            .copied()
    };
    let senders: Vec<(&'static Descriptor, DeclaredHeader)> = errors
        .iter()
        .filter_map(|error| Some((*error, declared(error)?)))
        .collect();
    let mut description = match name {
        "retry-after" => {
            "When the request may be retried: a delay in seconds, or an HTTP date.".to_owned()
        }
        "www-authenticate" => "The authentication the request needs.".to_owned(),
        _ => String::new(),
    };
    if senders.len() < errors.len() {
        let codes: Vec<String> = senders
            .iter()
            .map(|(error, _)| format!("`{}`", error.code()))
            .collect();
        if !description.is_empty() {
            description.push(' ');
        }
        description.push_str(&format!("Sent with {}.", codes.join(", ")));
    }
    let mut values: Vec<&'static str> = Vec::new();
    for (_, header) in &senders {
        match header.value() {
            Some(value) if !values.contains(&value) => values.push(value),
            _ => {}
        }
    }
    let fixed = senders.iter().all(|(_, header)| header.value().is_some());
    let schema = if fixed {
        json!({"type": "string", "enum": values})
    } else {
        json!({"type": "string"})
    };
    let mut object = Map::new();
    if !description.is_empty() {
        object.insert("description".into(), json!(description));
    }
    let required = senders.len() == errors.len() && senders.iter().all(|(_, h)| h.is_required());
    if required {
        object.insert("required".into(), json!(true));
    }
    object.insert("schema".into(), schema);
    if let Some(example) = values
        .first()
        .map(|value| (*value).to_owned())
        .or_else(|| example_value(name, &senders, examples))
    {
        object.insert("example".into(), json!(example));
    }
    Value::Object(object)
}

/// The header's value on the response of the first example value of an error that sends it.
fn example_value<E: ApiError>(
    name: &str,
    senders: &[(&'static Descriptor, DeclaredHeader)],
    examples: &[E],
) -> Option<String> {
    senders.iter().find_map(|(error, _)| {
        let code: Code = error.code();
        let example = examples.iter().find(|example| example.code() == code)?;
        example
            .headers()
            .find(|(header, _)| *header == name)
            .map(|(_, value)| value.to_string())
    })
}
