//! Write, then read back: every error in every built-in envelope and every declared shape,
//! compared with what the envelope holds of it.

use core::fmt::Debug;
use std::time::{Duration, SystemTime};

use api_error_core::client::{ErrorResponse, Received};
use api_error_core::envelope::{Member, Value};
use api_error_core::{ApiError, DetailsForm, Envelope, RequestContext, Shape, envelopes};

/// The shapes every error is written in: the six built-in envelopes and shapes declared the
/// way a service declares its own.
pub fn shapes() -> Vec<(&'static str, Shape)> {
    vec![
        ("problem", envelopes::PROBLEM),
        ("petnow", envelopes::PETNOW),
        ("tennis_registry", envelopes::TENNIS_REGISTRY),
        ("oz", envelopes::OZ),
        ("face", envelopes::FACE),
        ("incident", envelopes::INCIDENT),
        ("declared: nested, null when absent", declared::NESTED),
        (
            "declared: type URI, name, list of field items",
            declared::TYPED,
        ),
    ]
}

/// Shapes as services declare them, with the values the built-in ones do not use.
mod declared {
    use api_error_core::DetailsForm;
    use api_error_core::envelope::{Constant, Member, Shape, Value};

    pub const NESTED: Shape = Shape::new(&[
        Member::new("ok", Value::Constant(Constant::Bool(false))),
        Member::new(
            "error",
            Value::Object(&[
                Member::new("kind", Value::Code),
                Member::new("status", Value::StatusText),
                Member::new("text", Value::Message),
                Member::new("fields", Value::Details).null_if_absent(),
            ]),
        ),
        Member::new(
            "meta",
            Value::Object(&[
                Member::new("trace", Value::RequestId).null_if_absent(),
                Member::new("at", Value::Timestamp),
                Member::new("where", Value::Instance),
            ]),
        ),
    ])
    .details_form(DetailsForm::ObjectByField);

    pub const TYPED: Shape = Shape::new(&[
        Member::new("type", Value::TypeUri("https://errors.example.com/")),
        Member::new("name", Value::Name),
        Member::new("title", Value::Title),
        Member::new("status", Value::Status),
        Member::new("detail", Value::Message),
        Member::new("category", Value::Category),
        Member::new(
            "problems",
            Value::List(&[
                Member::new("field", Value::Field),
                Member::new("in", Value::FieldLocation),
                Member::new("version", Value::Constant(Constant::Int(2))),
            ]),
        ),
        Member::new("details", Value::Details),
    ])
    .details_form(DetailsForm::Problem);
}

/// Asserts that every error of `errors`, written in every shape of [`shapes`] with a full
/// request context and read back, has its code (when the shape identifies errors), message,
/// details and request context (where the shape has a member for them); and that its whole
/// response, in the type's own envelope, reads back with its status and Retry-After.
///
/// # Panics
///
/// On the first difference.
pub fn assert_round_trips<E: ApiError + Debug>(errors: &[E]) {
    assert!(!errors.is_empty(), "no errors to write");
    let context = RequestContext::new()
        .request_id("req_01j8")
        .timestamp("2024-01-15T11:22:33Z")
        .instance("/v2/pets/p_1");
    for (name, shape) in shapes() {
        for error in errors {
            let mut body = Vec::new();
            let _ = shape.write(error, &context, &mut body);
            let text = String::from_utf8_lossy(&body);
            let received = shape
                .read(&E::CATALOG, &body)
                .unwrap_or_else(|| panic!("{name}: {error:?} not read back from {text}"));
            let at = format!("{name}: {text}");
            assert_read_back(&shape, error, &received, &at);
            assert_fixed_context(&shape, &received, &at);
        }
    }
    for error in errors {
        let response = error.to_response(&context);
        let received = ErrorResponse::<E>::from_response(&response);
        assert_eq!(received.status(), error.status(), "{error:?}");
        let sent = response
            .headers()
            .get("retry-after")
            .map(|value| value.to_str().unwrap().to_owned());
        let read = received
            .retry_after()
            .map(|retry_after| retry_after.to_string());
        assert_eq!(read, sent, "{error:?}: Retry-After");
        if let Some(retry_after) = received.retry_after() {
            let now = SystemTime::now();
            assert!(retry_after.delay_from(now) <= Duration::from_secs(u64::from(u32::MAX)));
        }
        assert!(
            received.error().is_some(),
            "{error:?}: not read in its own envelope"
        );
        // Rebuilt as a value of `E` where its fields come back: then the same error again.
        if let Some(rebuilt) = received.to_error() {
            assert_eq!(
                rebuilt.to_json_string(&context),
                error.to_json_string(&context),
                "{error:?}: rebuilt as {rebuilt:?}"
            );
        }
    }
}

/// Asserts that each error, written in `shape` (the API's own) with its context and read
/// back, has what [`assert_round_trips`] checks, and also its member fields and its inner
/// error where the shape has a place for them.
///
/// # Panics
///
/// On the first difference.
pub fn assert_round_trips_in<E: ApiError + Debug>(
    name: &str,
    shape: &Shape,
    errors: &[(E, RequestContext<'_>)],
) {
    assert!(!errors.is_empty(), "{name}: no errors to write");
    for (error, context) in errors {
        let mut body = Vec::new();
        let _ = shape.write(error, context, &mut body);
        let text = String::from_utf8_lossy(&body);
        let received = shape
            .read(&E::CATALOG, &body)
            .unwrap_or_else(|| panic!("{name}: {error:?} not read back from {text}"));
        let at = format!("{name}: {text}");
        assert_read_back(shape, error, &received, &at);
        assert_context(shape, context, &received, &at);
        let first = &received.errors()[0];
        let members = shape.members();
        let descriptor = error.descriptor();
        for (index, key) in descriptor.members().iter().enumerate() {
            let Some(value) = error.member_value(index) else {
                continue;
            };
            if value.field_errors().is_some()
                || !holds(members, &|value| {
                    value == Value::Members || value == Value::Member(key)
                })
            {
                continue;
            }
            let mut json = Vec::new();
            value.write_json(&mut json).unwrap();
            let read: Option<serde_json::Value> = first.member_as(key).and_then(Result::ok);
            let sent: serde_json::Value = serde_json::from_slice(&json).unwrap();
            assert_eq!(read, Some(sent), "{at}: member {key}");
        }
        if let Some(inner) = error.inner_error()
            && holds(members, &|value| value == Value::Inner)
        {
            let cause = first
                .cause()
                .unwrap_or_else(|| panic!("{at}: no inner error"));
            assert_eq!(
                cause.code(),
                &inner.inner_descriptor().code(),
                "{at}: inner error"
            );
        }
    }
}

fn assert_read_back<E: ApiError + Debug>(shape: &Shape, error: &E, received: &Received, at: &str) {
    let members = shape.members();
    let identifies = holds(members, &|value| {
        matches!(value, Value::Code | Value::TypeUri(_) | Value::Name)
    });
    let first = received
        .errors()
        .first()
        .unwrap_or_else(|| panic!("{at}: no error read"));
    if identifies {
        assert_eq!(first.code(), &error.code(), "{at}: code");
    }
    // Without a code, an error is known by the static facts the shape holds, when they fit
    // one error only.
    if let Some(descriptor) = first.descriptor() {
        assert_eq!(descriptor.code(), error.code(), "{at}: descriptor");
    } else {
        assert!(!identifies, "{at}: no descriptor");
        return;
    }
    if holds(members, &|value| value == Value::Message) {
        assert_eq!(
            first.message(),
            Some(error.message().to_string().as_str()),
            "{at}: message"
        );
    }
    let per_field = holds(members, &|value| {
        matches!(value, Value::Field | Value::FieldPointer(_))
    });
    match error.details() {
        Some(details) => match details.field_errors() {
            Some(fields) if fields.is_empty() => {}
            Some(fields) if per_field => {
                let read = first
                    .field_errors()
                    .unwrap_or_else(|| panic!("{at}: fields"));
                let pairs =
                    |errors: &api_error_core::FieldErrors| -> Vec<(String, Option<String>)> {
                        errors
                            .iter()
                            .map(|e| (e.field().to_owned(), e.location_text().map(str::to_owned)))
                            .collect()
                    };
                assert_eq!(pairs(read), pairs(fields), "{at}: fields");
            }
            Some(fields) if holds(members, &|value| value == Value::Details) => {
                let read = first
                    .field_errors()
                    .unwrap_or_else(|| panic!("{at}: fields"));
                let form = shape.details();
                assert_eq!(form.render(read), form.render(fields), "{at}: field errors");
                if form != DetailsForm::ObjectByField {
                    assert_eq!(read.len(), fields.len(), "{at}: field errors");
                }
            }
            Some(_) => {}
            None if holds(members, &|value| value == Value::Details) => {
                let mut json = Vec::new();
                details.write_json(&mut json).unwrap();
                assert_eq!(
                    first.details_json(),
                    Some(String::from_utf8(json).unwrap().as_str()),
                    "{at}: details"
                );
            }
            None => {}
        },
        None => assert_eq!(first.details_json(), None, "{at}: details"),
    }
}

fn assert_context(shape: &Shape, sent: &RequestContext<'_>, received: &Received, at: &str) {
    let members = shape.members();
    let context = received.context();
    if holds(members, &|value| value == Value::RequestId) {
        assert_eq!(context.request_id(), sent.request_id, "{at}: request id");
    }
    if holds(members, &|value| value == Value::Timestamp) {
        assert_eq!(context.timestamp(), sent.timestamp, "{at}: timestamp");
    }
    if holds(members, &|value| value == Value::Instance) {
        assert_eq!(context.instance(), sent.instance, "{at}: instance");
    }
}

fn assert_fixed_context(shape: &Shape, received: &Received, at: &str) {
    let members = shape.members();
    let context = received.context();
    if holds(members, &|value| value == Value::RequestId) {
        assert_eq!(context.request_id(), Some("req_01j8"), "{at}: request id");
    }
    if holds(members, &|value| value == Value::Timestamp) {
        assert_eq!(
            context.timestamp(),
            Some("2024-01-15T11:22:33Z"),
            "{at}: timestamp"
        );
    }
    if holds(members, &|value| value == Value::Instance) {
        assert_eq!(context.instance(), Some("/v2/pets/p_1"), "{at}: instance");
    }
}

/// Whether any member of the shape, at any depth, holds a value `wanted` accepts.
fn holds(members: &[Member], wanted: &dyn Fn(Value) -> bool) -> bool {
    members.iter().any(|member| match member.value() {
        Value::Object(inner) | Value::List(inner) => holds(inner, wanted),
        value => wanted(value),
    })
}
