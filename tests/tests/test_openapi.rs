//! OpenAPI: the document parses with a maintained OpenAPI crate, every response references the
//! envelope schema and one example per code, and every example is a real body.

use api_error_core::{ApiError, RequestContext};
use openapiv3::{OpenAPI, ReferenceOr};
use serde_json::json;

use api_error_tests::fixtures::{Face, Incident, Oz, Petnow, Problem, Tennis};

fn check<E: ApiError>() {
    let document = api_error_core::openapi::document::<E>("Errors", "1.0.0");
    let text = serde_json::to_string(&document).unwrap();
    let parsed: OpenAPI =
        serde_json::from_str(&text).unwrap_or_else(|error| panic!("{error}: {text}"));
    let components = parsed.components.expect("components");
    let name = E::CATALOG.name();
    assert!(
        components.schemas.contains_key(name),
        "no schema for {name}"
    );

    // Grouped by status: one response per status, one example per code.
    let mut expected: Vec<(u16, Vec<String>)> = Vec::new();
    for error in E::CATALOG.iter() {
        let status = error.status().as_u16();
        match expected.iter_mut().find(|(known, _)| *known == status) {
            Some((_, codes)) => codes.push(error.code().to_string()),
            None => expected.push((status, vec![error.code().to_string()])),
        }
    }
    assert_eq!(components.responses.len(), expected.len());
    let examples = E::examples();
    for (status, codes) in expected {
        let Some(ReferenceOr::Item(response)) =
            components.responses.get(&format!("{name}{status}"))
        else {
            panic!("no response for {status}");
        };
        let media = &response.content[E::body_content_type()];
        match &media.schema {
            Some(ReferenceOr::Reference { reference }) => {
                assert_eq!(reference, &format!("#/components/schemas/{name}"));
            }
            other => panic!("the response's schema is not the shared component: {other:?}"),
        }
        let mut keys: Vec<&String> = media.examples.keys().collect();
        keys.sort();
        let mut wanted: Vec<&String> = codes.iter().collect();
        wanted.sort();
        assert_eq!(keys, wanted);
        for code in &codes {
            let component = format!("{name}_{code}");
            let ReferenceOr::Item(example) = &components.examples[&component] else {
                panic!("example {component} is a reference");
            };
            // The example is the body the envelope writes for the example value.
            let value = examples
                .iter()
                .find(|error| error.code().to_string() == *code)
                .unwrap();
            let body: serde_json::Value =
                serde_json::from_str(&value.to_json_string(&RequestContext::new())).unwrap();
            assert_eq!(example.value.as_ref(), Some(&body), "{component}");
        }
    }
}

#[test]
fn every_envelope_gives_a_valid_document() {
    check::<Problem>();
    check::<Petnow>();
    check::<Tennis>();
    check::<Oz>();
    check::<Face>();
    check::<Incident>();
}

#[test]
fn schemas_describe_the_envelope() {
    let schema = Face::body_schema().unwrap();
    assert_eq!(
        schema["properties"]["success"],
        serde_json::json!({"type": "boolean", "enum": [false]})
    );
    assert_eq!(schema["required"], serde_json::json!(["success", "error"]));
    let code = &schema["properties"]["error"]["properties"]["code"];
    assert_eq!(
        code["enum"],
        serde_json::json!([
            "NOT_FOUND",
            "INVALID",
            "CONFLICT",
            "RATE_LIMITED",
            "QUOTA_EXHAUSTED"
        ])
    );
    let oz = Oz::body_schema().unwrap();
    assert_eq!(
        oz["required"],
        serde_json::json!(["error_code", "error_message", "details"])
    );
    // Field errors, or a list one variant passes through as it is: any value, never left out.
    assert!(oz["properties"].get("details").is_none(), "{oz}");
    assert_eq!(oz["properties"]["error_code"]["type"], "string");
    let problem = Problem::body_schema().unwrap();
    assert_eq!(
        problem["properties"]["status"]["enum"],
        serde_json::json!([404, 409, 422, 429])
    );
}

/// Every kind of response header, on errors that share statuses.
#[derive(Debug, ApiError)]
#[api(
    code_case = "SCREAMING_SNAKE_CASE",
    header("cache-control", "no-store")
)]
enum Throttled {
    /// Too many requests.
    #[api(status = 429)]
    RateLimited {
        #[api(retry_after)]
        wait_seconds: u64,
        #[api(header = "x-ratelimit-reset")]
        reset: Option<u64>,
    },
    #[api(status = 429, retry_after = 3600)]
    QuotaExhausted,
    #[api(status = 401, www_authenticate = "Bearer realm=\"api\"")]
    Unauthorized,
    #[api(status = 401)]
    SessionExpired,
    #[api(status = 404)]
    NotFound,
}

#[test]
fn responses_declare_their_headers() {
    let components = api_error_core::openapi::components::<Throttled>();
    let responses = &components["responses"];
    let too_many = &responses["Throttled429"]["headers"];
    assert_eq!(
        too_many["retry-after"],
        json!({
            "description": "When the request may be retried: a delay in seconds, or an HTTP date.",
            "required": true,
            "schema": {"type": "string"},
            "example": "3600"
        })
    );
    // Sent by one error of the two, and only when the field is `Some`.
    assert_eq!(
        too_many["x-ratelimit-reset"],
        json!({"description": "Sent with `RATE_LIMITED`.", "schema": {"type": "string"}})
    );
    assert_eq!(
        too_many["cache-control"],
        json!({"required": true, "schema": {"type": "string", "enum": ["no-store"]}, "example": "no-store"})
    );
    let unauthorized = &responses["Throttled401"]["headers"];
    assert_eq!(
        unauthorized["www-authenticate"],
        json!({
            "description": "The authentication the request needs. Sent with `UNAUTHORIZED`.",
            "schema": {"type": "string", "enum": ["Bearer realm=\"api\""]},
            "example": "Bearer realm=\"api\""
        })
    );
    let names: Vec<&String> = responses["Throttled429"]["headers"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(names.len(), 3);
    assert_eq!(
        responses["Throttled404"]["headers"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["cache-control"]
    );
    // The document parses, headers and all.
    let document = api_error_core::openapi::document::<Throttled>("Limits", "1");
    let parsed: OpenAPI = serde_json::from_value(document).unwrap();
    let Some(ReferenceOr::Item(response)) = parsed
        .components
        .unwrap()
        .responses
        .get("Throttled429")
        .cloned()
    else {
        panic!("no 429 response");
    };
    assert!(response.headers.contains_key("retry-after"));
}
