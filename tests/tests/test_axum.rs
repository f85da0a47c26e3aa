//! Derived errors as axum handler errors, behind `ErrorLayer`: status, headers, envelope,
//! request context, redaction, rejection statuses and the serialization fallback, the router
//! called in process. `test_axum_http.rs` calls a service over real HTTP for every kind of
//! error response.

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
    #[error("bad request")]
    #[api(status = 400, rejection)]
    BadRequest,
}

/// A catalog with no variant for rejections.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
enum OnlyCredit {
    #[error("out of credit")]
    #[api(status = 403)]
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

#[tokio::test]
async fn a_rejection_keeps_the_framework_status_in_the_body_too() {
    async fn create(Json(_): Json<NewFace>) -> Result<(), ProblemError> {
        Ok(())
    }
    // RFC 9457 bodies state their status: the rejection variant's body states axum's.
    let app = Router::new()
        .route("/faces", post(create))
        .layer(ErrorLayer::<ProblemError>::new());
    let request = Request::post("/faces").body(Body::from("{}")).unwrap();
    let (response, body) = send(app, request).await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/problem+json")
    );
    assert_eq!(body["status"], 415);
    assert_eq!(body["title"], "Unsupported Media Type");
    assert_eq!(body["code"], "bad-request");
}

#[tokio::test]
async fn without_a_variant_a_rejection_is_the_generic_error_of_its_status() {
    async fn create(Json(_): Json<NewFace>) -> Result<(), OnlyCredit> {
        Ok(())
    }
    let app = Router::new()
        .route("/faces", post(create))
        .layer(ErrorLayer::<OnlyCredit>::new());
    let request = Request::post("/faces").body(Body::from("{}")).unwrap();
    let (response, body) = send(app, request).await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        body,
        json!({
            "type": "about:blank",
            "title": "Unsupported Media Type",
            "status": 415,
            "detail": "Expected request with `Content-Type: application/json`",
            "code": "UNSUPPORTED_MEDIA_TYPE"
        })
    );
}

#[tokio::test]
async fn successful_responses_pass_unchanged() {
    let response = app()
        .oneshot(Request::get("/faces?limit=5").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("x-request-id"));
    assert_eq!(
        to_bytes(response.into_body(), 1024).await.unwrap(),
        "listed"
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

#[tokio::test]
async fn every_error_response_carries_its_descriptor_for_the_layers_around() {
    // A layer outside `ErrorLayer` (a metrics or trace layer) reads the code without the body.
    let app = app().layer(axum::middleware::map_response(
        |mut response: Response| async {
            let code = response
                .extensions()
                .get::<&api_error_core::Descriptor>()
                .map(|descriptor| descriptor.code().to_string());
            if let Some(code) = code.and_then(|code| code.parse().ok()) {
                response.headers_mut().insert("x-error-code", code);
            }
            response
        },
    ));
    for (path, code, status) in [
        ("/faces/f_1", Some("FACE_NOT_FOUND"), 404),
        ("/leaky", Some("DATABASE"), 500),
        ("/faces?limit=many", Some("VALIDATION_ERROR"), 400),
        ("/nowhere", Some("NO_SUCH_ENDPOINT"), 404),
        ("/faces?limit=5", None, 200),
    ] {
        let request = Request::get(path).body(Body::empty()).unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), status, "{path}");
        let header = response.headers().get("x-error-code");
        assert_eq!(header.map(|code| code.to_str().unwrap()), code, "{path}");
    }
}
