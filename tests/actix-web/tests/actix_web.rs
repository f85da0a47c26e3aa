//! Derived errors as actix-web handler errors, behind the middleware, called in process:
//! status, headers, envelope, request context, redaction, rejections, the serialization
//! fallback and the descriptor extension. `http.rs` calls a service over real HTTP for every
//! kind of error response, `tracing.rs` captures their log events.

use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::test::{TestRequest, call_service, init_service, read_body};
use actix_web::{App, HttpResponse, web};
use api_error_actix_web_tests::FaceError;
use api_error_core::request::RequestIds;
use api_error_tests::http::{NewFace, Page, PlainText, SECRET, take_context};
use serde_json::{Value, json};

async fn face(id: web::Path<String>) -> Result<String, FaceError> {
    Err(FaceError::for_id(&id))
}

async fn create(_: web::Json<NewFace>) -> Result<String, FaceError> {
    Ok("created".to_owned())
}

async fn list(_: web::Query<Page>) -> Result<String, FaceError> {
    Ok("listed".to_owned())
}

async fn leaky() -> HttpResponse {
    HttpResponse::InternalServerError()
        .content_type("text/plain; charset=utf-8")
        .body(format!("connect {SECRET}"))
}

macro_rules! app {
    ($middleware:expr) => {
        init_service(
            App::new()
                .wrap($middleware)
                .route("/faces/{id}", web::get().to(face))
                .route("/faces", web::post().to(create))
                .route("/faces", web::get().to(list))
                .route("/leaky", web::get().to(leaky)),
        )
        .await
    };
}

async fn body_of(
    response: ServiceResponse,
) -> (StatusCode, actix_web::http::header::HeaderMap, Value) {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = read_body(response).await;
    let value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| panic!("not JSON: {:?}", String::from_utf8_lossy(&bytes)));
    (status, headers, value)
}

fn text<'a>(headers: &'a actix_web::http::header::HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).map(|value| value.to_str().unwrap())
}

/// A face body without its request id and timestamp, and the id.
fn without_context(mut body: Value) -> (Value, String) {
    let (id, _) = take_context(&mut body);
    (body, id)
}

#[actix_web::test]
async fn a_handler_error_is_its_status_headers_and_body() {
    let app = app!(api_error_core::actix_middleware!(FaceError));
    let response = call_service(&app, TestRequest::get().uri("/faces/f_1").to_request()).await;
    let (status, headers, body) = body_of(response).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(text(&headers, "content-type"), Some("application/json"));
    assert_eq!(text(&headers, "cache-control"), Some("no-store"));
    let (body, id) = without_context(body);
    assert_eq!(text(&headers, "x-request-id"), Some(id.as_str()));
    assert_eq!(
        body,
        json!({"success": false, "error": {"code": "FACE_NOT_FOUND", "message": "No face found with the given ID in this collection."}})
    );

    let response = call_service(&app, TestRequest::get().uri("/faces/busy").to_request()).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(text(response.headers(), "retry-after"), Some("30"));
    let response = call_service(&app, TestRequest::get().uri("/faces/key").to_request()).await;
    assert_eq!(
        text(response.headers(), "www-authenticate"),
        Some("Bearer realm=\"faces\"")
    );
}

#[actix_web::test]
async fn the_request_id_comes_from_the_configured_header() {
    let app = app!(api_error_core::actix_middleware!(
        FaceError,
        RequestIds::new().header("x-correlation-id")
    ));
    let request = TestRequest::get()
        .uri("/faces/f_1")
        .insert_header(("x-correlation-id", "req_01j8abc"))
        .to_request();
    let (_, headers, body) = body_of(call_service(&app, request).await).await;
    assert_eq!(body["request_id"], "req_01j8abc");
    assert_eq!(text(&headers, "x-correlation-id"), Some("req_01j8abc"));
}

#[actix_web::test]
async fn server_errors_never_show_internal_text() {
    let app = app!(api_error_core::actix_middleware!(FaceError));
    let expected = json!({"success": false, "error": {"code": "DATABASE", "message": "Internal Server Error"}});
    for path in ["/faces/db", "/leaky", "/faces/broken"] {
        let response = call_service(&app, TestRequest::get().uri(path).to_request()).await;
        let (status, headers, body) = body_of(response).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{path}");
        assert_eq!(text(&headers, "content-type"), Some("application/json"));
        assert!(!body.to_string().contains("hunter2"));
        assert_eq!(without_context(body).0, expected, "{path}");
    }
}

#[actix_web::test]
async fn framework_rejections_become_the_designated_variant() {
    let app = app!(api_error_core::actix_middleware!(FaceError));
    let requests = [
        TestRequest::post()
            .uri("/faces")
            .insert_header(("content-type", "application/json"))
            .set_payload("{not json")
            .to_request(),
        TestRequest::post()
            .uri("/faces")
            .insert_header(("content-type", "application/json"))
            .set_payload(r#"{"image":1}"#)
            .to_request(),
        TestRequest::post()
            .uri("/faces")
            .set_payload("{}")
            .to_request(),
        TestRequest::get().uri("/faces?limit=many").to_request(),
    ];
    for request in requests {
        let (status, headers, body) = body_of(call_service(&app, request).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(text(&headers, "content-type"), Some("application/json"));
        let (body, _) = without_context(body);
        assert_eq!(body["error"]["code"], "VALIDATION_ERROR");
        assert!(body["error"]["details"][0]["field"].is_string());
        assert!(
            !body["error"]["details"][0]["message"]
                .as_str()
                .unwrap()
                .is_empty()
        );
    }
}

#[actix_web::test]
async fn without_the_middleware_errors_still_answer_in_the_envelope() {
    let app = init_service(App::new().route("/faces/{id}", web::get().to(face))).await;
    let response = call_service(&app, TestRequest::get().uri("/faces/f_1").to_request()).await;
    let (status, _, body) = body_of(response).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.get("request_id").is_none());
    assert_eq!(body["error"]["code"], "FACE_NOT_FOUND");
}

#[derive(Debug, thiserror::Error, api_error_core::ApiError)]
#[api(custom_envelope = PlainText, code_case = "SCREAMING_SNAKE_CASE", actix_web)]
enum PlainError {
    #[error("conflict")]
    #[api(status = 409, message = "already there")]
    Conflict,
}

#[actix_web::test]
async fn a_derived_plain_text_error_is_not_taken_for_a_rejection() {
    async fn conflict() -> Result<HttpResponse, PlainError> {
        Err(PlainError::Conflict)
    }
    // The middleware replaces actix-web's own plain-text 4xx responses with the rejection
    // variant; this one is the error's own and passes as it is.
    let app = init_service(
        App::new()
            .wrap(api_error_core::actix_middleware!(FaceError))
            .route("/conflict", web::get().to(conflict)),
    )
    .await;
    let response = call_service(&app, TestRequest::get().uri("/conflict").to_request()).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        text(response.headers(), "content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(&read_body(response).await[..], b"CONFLICT: already there");
}

#[actix_web::test]
async fn every_error_response_carries_its_descriptor_for_the_layers_around() {
    let app = app!(api_error_core::actix_middleware!(FaceError));
    for (path, code) in [
        ("/faces/f_1", Some("FACE_NOT_FOUND")),
        ("/leaky", Some("DATABASE")),
        ("/faces?limit=many", Some("VALIDATION_ERROR")),
        ("/nowhere", Some("NO_SUCH_ENDPOINT")),
        ("/faces?limit=5", None),
    ] {
        let response = call_service(&app, TestRequest::get().uri(path).to_request()).await;
        let descriptor = response
            .response()
            .extensions()
            .get::<&api_error_core::Descriptor>()
            .map(|descriptor| descriptor.code().to_string());
        assert_eq!(descriptor.as_deref(), code, "{path}");
    }
}
