//! The OpenAPI documents parse as OpenAPI 3.1 with `oas3`, and every example body validates
//! against the envelope's JSON Schema with `jsonschema`, for every built-in envelope and a
//! declared shape.

use api_error_core::envelope::{Constant, Member, Shape, Value};
use api_error_core::{ApiError, DetailsForm, FieldErrors, RequestContext};
use serde_json::json;

const DECLARED: Shape = Shape::new(&[
    Member::new("ok", Value::Constant(Constant::Bool(false))),
    Member::new("status", Value::StatusText),
    Member::new(
        "error",
        Value::Object(&[
            Member::new("code", Value::Code),
            Member::new("message", Value::Message),
            Member::new("fields", Value::Details).null_if_absent(),
        ]),
    ),
    Member::new(
        "items",
        Value::List(&[
            Member::new("field", Value::Field),
            Member::new("where", Value::FieldLocation),
        ]),
    ),
    Member::new("trace", Value::RequestId),
])
.details_form(DetailsForm::ObjectByField);

/// The values of the second generation: attributes, declared messages, members, inner errors,
/// constants of every kind, the status class, fallbacks, objects that may be absent, and
/// field values in items and in a details form.
const SECOND: Shape = Shape::new(&[
    Member::new("type", Value::Attr("type")).required(),
    Member::new("detail", Value::Message).when_declared(),
    Member::new("title", Value::Attr("title")).or(Value::Title),
    Member::new("client", Value::IsClientError),
    Member::new("empty", Value::Constant(Constant::Array(&[]))),
    Member::new(
        "meta",
        Value::Constant(Constant::Object(&[("v", Constant::Int(1))])),
    ),
    Member::new(
        "context",
        Value::Object(&[Member::new("id", Value::RequestId)]),
    ),
    Member::new("target", Value::Member("target")),
    Member::new("extensions", Value::Members),
    Member::new("cause", Value::Inner),
    Member::new("details", Value::Details),
    Member::new(
        "items",
        Value::List(&[
            Member::new("pointer", Value::FieldPointer("#")),
            Member::new("detail", Value::FieldMessage).or(Value::Message),
        ]),
    ),
])
.details_form(DetailsForm::Items(&[
    Member::new("name", Value::Field),
    Member::new("reason", Value::FieldCode).or(Value::FieldMessage),
]));

#[derive(Debug, ApiError)]
#[api(envelope = SECOND, code_case = "snake_case", attr(type = "https://errors.example.com/{code}"))]
enum Second {
    #[api(status = 404, attr(title = "Not here"))]
    Missing {
        #[api(member)]
        target: String,
        #[api(member)]
        limit: u32,
    },
    #[api(status = 422, message = "invalid {what}")]
    Invalid {
        what: String,
        #[api(details)]
        fields: FieldErrors,
        #[api(inner)]
        cause: Option<Box<Second>>,
    },
    #[api(status = 503, attr(type = "about:blank"))]
    Unavailable,
}

use api_error_conformance::{check_document, check_schema};
use api_error_tests::fixture_catalog;
use api_error_tests::fixtures::{Face, Incident, Oz, Petnow, Problem, Tennis};

fixture_catalog!(Declared, DECLARED);

#[derive(Debug, ApiError)]
#[api(envelope = "tennis_registry", status = 400)]
enum IntegerCodes {
    #[api(code = 3001, status = 404, message = "entity not found")]
    EntityNotFound,
    #[api(code = 5000, message = "validation error")]
    Validation {
        #[api(details)]
        fields: FieldErrors,
    },
}

fn check<E: ApiError>() -> usize {
    let document = api_error_core::openapi::document::<E>("Errors", "1.0.0");
    let name = E::CATALOG.name();
    let examples = check_document(&document);
    assert_eq!(examples, E::CATALOG.len(), "{name}");
    assert_eq!(
        document["components"]["responses"]
            .as_object()
            .unwrap()
            .len(),
        E::CATALOG.statuses().len()
    );
    let schema = &document["components"]["schemas"][name];
    let validator =
        jsonschema::draft202012::new(schema).unwrap_or_else(|error| panic!("{name}: {error}"));
    // Bodies with the request context filled in match too.
    let context = RequestContext::new()
        .request_id("req_1")
        .timestamp("2024-01-15T11:22:33Z")
        .instance("/x");
    for error in E::examples() {
        let body: serde_json::Value = serde_json::from_slice(&error.to_json(&context)).unwrap();
        assert!(validator.is_valid(&body), "{body} does not match {schema}");
    }
    examples
}

#[test]
fn every_example_body_matches_its_schema() {
    let checked = check::<Problem>()
        + check::<Petnow>()
        + check::<Tennis>()
        + check::<Oz>()
        + check::<Face>()
        + check::<Incident>()
        + check::<Declared>()
        + check::<IntegerCodes>()
        + check::<Second>();
    assert_eq!(checked, 7 * 5 + 2 + 3);
}

#[test]
fn the_schema_rejects_what_the_envelope_never_writes() {
    let document = api_error_core::openapi::document::<Face>("Errors", "1.0.0");
    let validator =
        jsonschema::draft202012::new(&document["components"]["schemas"]["Face"]).unwrap();
    assert!(
        !validator
            .is_valid(&json!({"success": true, "error": {"code": "NOT_FOUND", "message": "x"}}))
    );
    assert!(
        !validator.is_valid(
            &json!({"success": false, "error": {"code": "NO_SUCH_CODE", "message": "x"}})
        )
    );
    assert!(!validator.is_valid(&json!({"success": false})));
    assert!(
        validator
            .is_valid(&json!({"success": false, "error": {"code": "NOT_FOUND", "message": "x"}}))
    );
}

#[test]
fn second_generation_bodies_match_their_schema() {
    use api_error_core::FieldError;
    let schema = Second::body_schema().unwrap();
    check_schema(&schema);
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let cause = Second::Missing {
        target: "pets[0]".into(),
        limit: 3,
    };
    let error = Second::Invalid {
        what: "pet".into(),
        fields: FieldErrors::from([
            FieldError::new("pets[0].name", "required").code("missing"),
            FieldError::new("age", "too old"),
        ]),
        cause: Some(Box::new(cause)),
    };
    for context in [RequestContext::new(), RequestContext::new().request_id("r")] {
        let body: serde_json::Value = serde_json::from_slice(&error.to_json(&context)).unwrap();
        assert!(validator.is_valid(&body), "{body} does not match {schema}");
    }
    // A body without the required type, or with a status class of the wrong type, does not.
    assert!(
        !validator.is_valid(&json!({"client": true, "empty": [], "meta": {"v": 1}, "items": []}))
    );
    assert!(!validator.is_valid(&json!({
        "type": "https://errors.example.com/missing", "title": "Not here", "client": "yes",
        "empty": [], "meta": {"v": 1}, "items": []
    })));
}

/// The checks can fail: what utoipa's types cannot read, or read as something else, and what
/// is no JSON Schema, are refused.
#[test]
fn the_schema_check_refuses_what_utoipa_loses() {
    for refused in [
        json!({}),
        json!({"const": null}),
        json!({"type": "string", "const": "x"}),
        json!({"anyOf": [{"type": "string"}, {}]}),
        json!({"type": "object", "required": []}),
        json!({"type": "nothing"}),
    ] {
        let outcome = std::panic::catch_unwind(|| check_schema(&refused));
        assert!(outcome.is_err(), "{refused} passed");
    }
    check_schema(&json!({"anyOf": [{"type": "string", "enum": ["x"]}, {"type": "null"}]}));
}
