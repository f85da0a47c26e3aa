//! Several errors in one body: the items of the shape's list of errors, the status rule,
//! headers, the array of bodies for shapes without a list, and axum responses.

use api_error_core::envelope::{Constant, Member, Shape, Value};
use api_error_core::{ApiError, ApiErrors, FieldError, FieldErrors, RequestContext};
use axum::response::IntoResponse;

/// Cloudflare-like: constants around the list of errors.
const LISTED: Shape = Shape::new(&[
    Member::new("success", Value::Constant(Constant::Bool(false))),
    Member::new(
        "errors",
        Value::List(&[
            Member::new("code", Value::Code),
            Member::new("message", Value::Message),
            Member::new("field", Value::Field),
        ]),
    ),
    Member::new("messages", Value::Constant(Constant::Array(&[]))),
    Member::new("result", Value::Constant(Constant::Null)),
    Member::new("request_id", Value::RequestId),
]);

#[derive(Debug, ApiError)]
#[api(envelope = LISTED)]
enum Listed {
    #[api(code = 7003, status = 400, message = "Could not route to {0}")]
    NoRoute(&'static str),
    #[api(code = 1004, status = 400, message = "DNS Validation Error")]
    Validation(#[api(details)] FieldErrors),
    #[api(
        code = 10000,
        status = 403,
        message = "Authentication error",
        retry_after = 5
    )]
    Authentication,
    #[api(code = 1000, status = 503, message = "Service unavailable")]
    Unavailable,
}

#[test]
fn each_error_is_an_item_of_the_list() {
    let mut errors = ApiErrors::new(Listed::NoRoute("/zones/x"));
    errors.push(Listed::Validation(FieldErrors::from([
        FieldError::new("name", "required"),
        FieldError::new("ttl", "too low"),
    ])));
    errors.push(Listed::Validation(FieldErrors::new()));
    let context = RequestContext::new().request_id("r\"1");
    assert_eq!(
        errors.to_json_string(&context),
        concat!(
            r#"{"success":false,"errors":[{"code":7003,"message":"Could not route to /zones/x"},"#,
            r#"{"code":1004,"message":"DNS Validation Error","field":"name"},"#,
            r#"{"code":1004,"message":"DNS Validation Error","field":"ttl"},"#,
            r#"{"code":1004,"message":"DNS Validation Error"}],"#,
            r#""messages":[],"result":null,"request_id":"r\"1"}"#
        )
    );
    // One error: the same body as the error's own.
    let one = ApiErrors::new(Listed::Authentication);
    assert_eq!(
        one.to_json_string(&context),
        Listed::Authentication.to_json_string(&context)
    );
}

#[test]
fn the_status_is_the_common_one_else_400_or_500() {
    let mut errors = ApiErrors::new(Listed::NoRoute("a"));
    errors.push(Listed::NoRoute("b"));
    assert_eq!(errors.status(), 400);
    errors.push(Listed::Authentication);
    assert_eq!(errors.status(), 400);
    let response = errors.to_response(&RequestContext::new());
    assert_eq!(response.status(), 400);
    assert_eq!(response.headers()["retry-after"], "5");
    assert_eq!(response.headers()["content-type"], "application/json");
    errors.push(Listed::Unavailable);
    assert_eq!(errors.status(), 500);
    let only = ApiErrors::from(Listed::Authentication);
    assert_eq!(only.status(), 403);
    assert!(ApiErrors::<Listed>::from_vec(Vec::new()).is_none());
}

/// A shape whose error values stand outside any list: several errors are an array of bodies.
#[derive(Debug, ApiError)]
#[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]
enum Face {
    #[api(status = 404, message = "No face found.")]
    FaceNotFound,
    #[api(status = 409, message = "Face {0} exists.")]
    FaceExists(u32),
}

#[test]
fn other_shapes_write_an_array_of_bodies() {
    let mut errors = ApiErrors::new(Face::FaceNotFound);
    errors.push(Face::FaceExists(7));
    let context = RequestContext::new().request_id("r1");
    assert_eq!(
        errors.to_json_string(&context),
        concat!(
            r#"[{"success":false,"error":{"code":"FACE_NOT_FOUND","message":"No face found."},"request_id":"r1"},"#,
            r#"{"success":false,"error":{"code":"FACE_EXISTS","message":"Face 7 exists."},"request_id":"r1"}]"#
        )
    );
}

#[tokio::test]
async fn a_list_is_an_axum_response() {
    let mut errors = ApiErrors::new(Listed::NoRoute("/a"));
    errors.push(Listed::NoRoute("/b"));
    let response = errors.into_response();
    assert_eq!(response.status(), 400);
    let body = axum::body::to_bytes(response.into_body(), 1 << 16)
        .await
        .unwrap();
    assert_eq!(
        body,
        r#"{"success":false,"errors":[{"code":7003,"message":"Could not route to /a"},{"code":7003,"message":"Could not route to /b"}],"messages":[],"result":null}"#
    );
}

mod hostile {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value as Json;

    #[derive(Debug, ApiError)]
    #[api(envelope = LISTED)]
    enum Error {
        #[api(code = 1, status = 400, message = "{0}")]
        Text(String, #[api(details)] FieldErrors),
    }

    fn text() -> impl Strategy<Value = String> {
        "(?s).{0,20}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn list_bodies_stay_valid_json(
            raw in proptest::collection::vec((text(), proptest::collection::vec(text(), 0..3)), 1..4),
            id in text(),
        ) {
            let errors = ApiErrors::from_vec(
                raw.iter()
                    .map(|(message, fields)| {
                        Error::Text(
                            message.clone(),
                            fields.iter().map(|field| FieldError::new(field.clone(), "x")).collect(),
                        )
                    })
                    .collect(),
            )
            .unwrap();
            let context = RequestContext::new().request_id(&id);
            let parsed: Json = serde_json::from_str(&errors.to_json_string(&context)).unwrap();
            let items = parsed["errors"].as_array().unwrap();
            let expected: usize = raw.iter().map(|(_, fields)| fields.len().max(1)).sum();
            prop_assert_eq!(items.len(), expected);
            prop_assert_eq!(&parsed["request_id"], &Json::from(id.clone()));
            let mut at = 0;
            for (message, fields) in &raw {
                for index in 0..fields.len().max(1) {
                    prop_assert_eq!(&items[at]["message"], &Json::from(message.clone()));
                    if let Some(field) = fields.get(index) {
                        prop_assert_eq!(&items[at]["field"], &Json::from(field.clone()));
                    }
                    at += 1;
                }
            }
        }
    }
}
