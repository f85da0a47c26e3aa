//! Derived errors as axum handler errors, behind `ErrorLayer`: status, headers, envelope,
//! request context, redaction, rejections and the serialization fallback. The router is
//! called in process; `examples/service.rs` is tested over real HTTP.

use api_error_core::ApiError;
use api_error_core::axum::ErrorLayer;
use api_error_core::request::RequestIds;
use api_error_tests::http::{NewFace, Page, PlainText, SECRET, take_context};
use axum::body::{Body, to_bytes};
use axum::extract::{Path, Query};
use axum::http::{Request, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use tower::ServiceExt;

api_error_tests::face_http_error!();

/// RFC 9457 bodies, whose content type differs.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_case = "kebab-case")]
enum ProblemError {
    #[error("out of credit")]
    #[api(
        status = 403,
        message = "Your current balance is 30, but that costs 50."
    )]
    OutOfCredit,
}

async fn face(Path(id): Path<String>) -> Result<String, FaceError> {
    Err(FaceError::for_id(&id))
}

async fn create(Json(_): Json<NewFace>) -> Result<String, FaceError> {
    Ok("created".to_owned())
}

async fn list(Query(_): Query<Page>) -> Result<String, FaceError> {
    Ok("listed".to_owned())
}

async fn leaky() -> (StatusCode, String) {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("connect {SECRET}"),
    )
}

async fn problem() -> Result<(), ProblemError> {
    Err(ProblemError::OutOfCredit)
}

fn app() -> Router {
    Router::new()
        .route("/faces/{id}", get(face))
        .route("/faces", post(create).get(list))
        .route("/leaky", get(leaky))
        .route("/problem", get(problem))
        .layer(ErrorLayer::<FaceError>::new())
}

async fn send(app: Router, request: Request<Body>) -> (Response<()>, Value) {
    let response = app.oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, 1 << 20).await.unwrap();
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text:?}"));
    (Response::from_parts(parts, ()), value)
}

async fn get_path(path: &str) -> (Response<()>, Value) {
    send(app(), Request::get(path).body(Body::empty()).unwrap()).await
}

fn header<'a>(response: &'a Response<()>, name: &str) -> Option<&'a str> {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap())
}

#[tokio::test]
async fn a_handler_error_is_its_status_content_type_headers_and_body() {
    let (response, mut body) = get_path("/faces/f_1").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    assert_eq!(header(&response, "cache-control"), Some("no-store"));
    let (id, _) = take_context(&mut body);
    assert_eq!(header(&response, "x-request-id"), Some(id.as_str()));
    assert_eq!(
        body,
        json!({"success": false, "error": {"code": "FACE_NOT_FOUND", "message": "No face found with the given ID in this collection."}})
    );
}

#[tokio::test]
async fn retry_after_and_www_authenticate_are_sent() {
    let (response, _) = get_path("/faces/busy").await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(header(&response, "retry-after"), Some("30"));
    assert_eq!(header(&response, "www-authenticate"), None);

    let (response, _) = get_path("/faces/key").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        header(&response, "www-authenticate"),
        Some("Bearer realm=\"faces\"")
    );
}

#[tokio::test]
async fn rfc_9457_bodies_are_problem_json() {
    let (response, body) = get_path("/problem").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/problem+json")
    );
    assert_eq!(
        body,
        json!({
            "type": "about:blank",
            "title": "Forbidden",
            "status": 403,
            "detail": "Your current balance is 30, but that costs 50.",
            "code": "out-of-credit"
        })
    );
}

#[tokio::test]
async fn the_path_can_be_the_problem_instance() {
    let app =
        Router::new()
            .route("/problem", get(problem))
            .layer(ErrorLayer::<ProblemError>::with_ids(
                RequestIds::new().instance_from_path(true),
            ));
    let (_, body) = send(app, Request::get("/problem").body(Body::empty()).unwrap()).await;
    assert_eq!(body["instance"], "/problem");
}

#[tokio::test]
async fn an_incoming_request_id_is_kept_and_echoed() {
    let request = Request::get("/faces/f_1")
        .header("x-request-id", "req_01j8abc")
        .body(Body::empty())
        .unwrap();
    let (response, body) = send(app(), request).await;
    assert_eq!(body["request_id"], "req_01j8abc");
    assert_eq!(header(&response, "x-request-id"), Some("req_01j8abc"));
}

#[tokio::test]
async fn an_unusable_request_id_is_replaced() {
    let long = "x".repeat(RequestIds::MAX_LEN + 1);
    for bad in [long.as_str(), "has space", ""] {
        let request = Request::get("/faces/f_1")
            .header("x-request-id", bad)
            .body(Body::empty())
            .unwrap();
        let (_, body) = send(app(), request).await;
        let id = body["request_id"].as_str().unwrap();
        assert_ne!(id, bad);
        assert_eq!(id.len(), 36, "a UUID: {id}");
    }
}

#[tokio::test]
async fn the_header_and_generator_are_configurable() {
    let app =
        Router::new()
            .route("/faces/{id}", get(face))
            .layer(ErrorLayer::<FaceError>::with_ids(
                RequestIds::new()
                    .header("x-correlation-id")
                    .generate(|| "req_generated".to_owned()),
            ));
    let (response, body) = send(app, Request::get("/faces/f_1").body(Body::empty()).unwrap()).await;
    assert_eq!(body["request_id"], "req_generated");
    assert_eq!(header(&response, "x-correlation-id"), Some("req_generated"));
    assert_eq!(header(&response, "x-request-id"), None);
}

#[tokio::test]
async fn every_request_gets_its_own_id() {
    let (_, first) = get_path("/faces/f_1").await;
    let (_, second) = get_path("/faces/f_1").await;
    assert_ne!(first["request_id"], second["request_id"]);
}

#[tokio::test]
async fn without_the_layer_bodies_have_no_request_context() {
    let app = Router::new().route("/faces/{id}", get(face));
    let (response, body) = send(app, Request::get("/faces/f_1").body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(body.get("request_id").is_none() && body.get("timestamp").is_none());
}

#[tokio::test]
async fn server_errors_never_show_internal_text() {
    let (response, mut body) = get_path("/faces/db").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    take_context(&mut body);
    assert_eq!(
        body,
        json!({"success": false, "error": {"code": "DATABASE", "message": "Internal Server Error"}})
    );
    // Display has the secret; the response does not, anywhere.
    assert!(
        FaceError::Database(SECRET.into())
            .to_string()
            .contains("hunter2")
    );
    assert!(!format!("{response:?}{body}").contains("hunter2"));

    // A variant that opts in shows its Display text.
    let (_, body) = get_path("/faces/upstream").await;
    assert_eq!(
        body["error"]["message"],
        "upstream said: maintenance window"
    );
}

#[tokio::test]
async fn plain_text_server_errors_are_replaced_without_their_text() {
    let (response, mut body) = get_path("/leaky").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    take_context(&mut body);
    // The catalog's own 500 error, with its fixed message.
    assert_eq!(
        body,
        json!({"success": false, "error": {"code": "DATABASE", "message": "Internal Server Error"}})
    );
}

#[tokio::test]
async fn a_body_that_fails_to_serialize_becomes_a_fixed_500() {
    let (response, mut body) = get_path("/faces/broken").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    assert_eq!(header(&response, "cache-control"), None);
    take_context(&mut body);
    assert_eq!(
        body,
        json!({"success": false, "error": {"code": "DATABASE", "message": "Internal Server Error"}})
    );
    assert!(!body.to_string().contains("hunter2"));
}

fn rejection_body(text: &str) -> Value {
    json!({
        "success": false,
        "error": {
            "code": "VALIDATION_ERROR",
            "message": "Request validation failed.",
            "details": [{"field": "request", "message": text}]
        }
    })
}

#[tokio::test]
async fn framework_rejections_become_the_designated_variant() {
    let cases = [
        // Not JSON at all.
        (
            Request::post("/faces")
                .header("content-type", "application/json")
                .body(Body::from("{not json"))
                .unwrap(),
            "Failed to parse the request body as JSON",
        ),
        // JSON of the wrong shape.
        (
            Request::post("/faces")
                .header("content-type", "application/json")
                .body(Body::from(r#"{"image":1}"#))
                .unwrap(),
            "Failed to deserialize the JSON body into the target type",
        ),
        // No JSON content type.
        (
            Request::post("/faces").body(Body::from("{}")).unwrap(),
            "Expected request with `Content-Type: application/json`",
        ),
        // A missing query parameter.
        (
            Request::get("/faces").body(Body::empty()).unwrap(),
            "Failed to deserialize query string",
        ),
        // A query parameter of the wrong type.
        (
            Request::get("/faces?limit=many")
                .body(Body::empty())
                .unwrap(),
            "Failed to deserialize query string",
        ),
    ];
    for (request, text) in cases {
        let (response, mut body) = send(app(), request).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(header(&response, "content-type"), Some("application/json"));
        take_context(&mut body);
        let message = body["error"]["details"][0]["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(message.starts_with(text), "{message}");
        assert_eq!(body, rejection_body(&message));
    }
}

#[tokio::test]
async fn without_a_rejection_variant_rejections_pass_unchanged() {
    async fn create(Json(_): Json<NewFace>) -> Result<(), ProblemError> {
        Ok(())
    }
    let app = Router::new()
        .route("/faces", post(create))
        .layer(ErrorLayer::<ProblemError>::new());
    let request = Request::post("/faces").body(Body::from("{}")).unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = to_bytes(response.into_body(), 1024).await.unwrap();
    assert!(text.starts_with(b"Expected request with"));
}

#[tokio::test]
async fn other_responses_pass_unchanged() {
    let app = app();
    let response = app
        .clone()
        .oneshot(Request::get("/faces?limit=5").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("x-request-id"));
    assert_eq!(
        to_bytes(response.into_body(), 1024).await.unwrap(),
        "listed"
    );

    // An unknown route: axum's empty 404 is no plain-text error.
    let response = app
        .oneshot(Request::get("/nowhere").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(
        to_bytes(response.into_body(), 1024)
            .await
            .unwrap()
            .is_empty()
    );
}

#[derive(Debug, ApiError)]
#[api(custom_envelope = PlainText, code_case = "SCREAMING_SNAKE_CASE")]
enum PlainError {
    #[api(status = 409, message = "already there")]
    Conflict,
}

#[tokio::test]
async fn a_derived_plain_text_error_is_not_taken_for_a_rejection() {
    async fn conflict() -> Result<(), PlainError> {
        Err(PlainError::Conflict)
    }
    // The layer replaces axum's own plain-text 4xx responses with the rejection variant; this
    // one is the error's own and passes as it is.
    let app = Router::new()
        .route("/conflict", get(conflict))
        .layer(ErrorLayer::<FaceError>::new());
    let request = Request::get("/conflict").body(Body::empty()).unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    let text = to_bytes(response.into_body(), 1024).await.unwrap();
    assert_eq!(&text[..], b"CONFLICT: already there");
}
