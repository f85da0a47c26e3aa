//! Every kind of error response a client can get from an axum service behind `ErrorLayer`,
//! over real HTTP with reqwest, against a service built from the crate's public API only:
//! unknown routes, wrong methods, each framework rejection, panics, and plain-text errors from
//! a middleware inside the layer. Each answer is checked for its status, content type,
//! headers, and a body in the face envelope whose code the catalog declares or the generic
//! status errors document.

use std::net::SocketAddr;

use api_error_core::axum::ErrorLayer;
use api_error_core::request::{CUT_MARK, TEXT_LIMIT};
use api_error_core::{ApiJson, ApiPath, ApiQuery};
use api_error_tests::http::{Answer, NewFace, NewPets, Page, SECRET, validation};
use axum::extract::{DefaultBodyLimit, Path, Query, Request};
use axum::http::{StatusCode, header};
use axum::middleware::{Next, from_fn};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use reqwest::Method;
use serde_json::json;

api_error_tests::face_http_error!();

async fn face(Path(id): Path<String>) -> Result<String, FaceError> {
    Err(FaceError::for_id(&id))
}

async fn score(Path((_, score)): Path<(String, u32)>) -> Result<String, FaceError> {
    Ok(score.to_string())
}

async fn named_score(ApiPath((_, score)): ApiPath<(String, u32)>) -> Result<String, FaceError> {
    Ok(score.to_string())
}

async fn named_list(ApiQuery(_): ApiQuery<Page>) -> Result<String, FaceError> {
    Ok("listed".to_owned())
}

async fn create(Json(_): Json<NewFace>) -> Result<String, FaceError> {
    Ok("created".to_owned())
}

async fn list(Query(_): Query<Page>) -> Result<String, FaceError> {
    Ok("listed".to_owned())
}

async fn pets(ApiJson(_): ApiJson<NewPets>) -> Result<String, FaceError> {
    Ok("registered".to_owned())
}

async fn panics() -> Result<String, FaceError> {
    let shards: Vec<&str> = Vec::new();
    panic!("no shard for {SECRET} among {}", shards.len());
}

async fn long() -> (StatusCode, String) {
    (StatusCode::BAD_REQUEST, "x".repeat(TEXT_LIMIT + 4096))
}

async fn gone() -> StatusCode {
    StatusCode::NOT_FOUND
}

async fn fine() -> &'static str {
    "fine"
}

/// A rate limiter's answer, in plain text.
async fn rate_limit(_: Request, _: Next) -> Response {
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, "30")],
        "Too many requests, slow down",
    )
        .into_response()
}

/// A maintenance switch's answer, in plain text that names an internal host.
async fn maintenance(_: Request, _: Next) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "120")],
        format!("upstream {SECRET} is down"),
    )
        .into_response()
}

/// The service: one line of set-up, the layer over the whole router.
fn app() -> Router {
    Router::new()
        .route("/faces/{id}", get(face))
        .route("/faces/{id}/score/{score}", get(score))
        .route("/faces", post(create).get(list))
        .route("/named/{face_id}/score/{threshold}", get(named_score))
        .route("/named", get(named_list))
        .route("/pets", post(pets))
        .route("/panic", get(panics))
        .route("/long", get(long))
        .route("/gone", get(gone))
        .route("/limited", get(fine).layer(from_fn(rate_limit)))
        .route("/maintenance", get(fine).layer(from_fn(maintenance)))
        .layer(DefaultBodyLimit::max(1024))
        .layer(ErrorLayer::<FaceError>::new())
}

async fn serve() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app()).await });
    address
}

async fn call(method: Method, path: &str, content_type: Option<&str>, body: &str) -> Answer {
    Answer::call(serve().await, method, path, content_type, body).await
}

async fn get_path(path: &str) -> Answer {
    call(Method::GET, path, None, "").await
}

async fn post_json(path: &str, body: &str) -> Answer {
    call(Method::POST, path, Some("application/json"), body).await
}

#[tokio::test]
async fn an_unknown_route_is_the_variant_that_takes_it() {
    let answer = get_path("/nowhere").await;
    answer.assert::<FaceError>(
        404,
        &json!({ "code": "NO_SUCH_ENDPOINT", "message": "No such endpoint." }),
    );
}

#[tokio::test]
async fn a_wrong_method_is_405_with_allow_and_the_generic_error() {
    let answer = call(Method::DELETE, "/faces", None, "").await;
    answer.assert::<FaceError>(
        405,
        &json!({ "code": "METHOD_NOT_ALLOWED", "message": "Method Not Allowed" }),
    );
    let mut allowed: Vec<&str> = answer.header("allow").unwrap().split(',').collect();
    allowed.sort_unstable();
    assert_eq!(allowed, ["GET", "HEAD", "POST"]);
}

#[tokio::test]
async fn bad_json_is_400_in_the_rejection_variant() {
    let answer = post_json("/faces", "{not json").await;
    answer.assert::<FaceError>(
        400,
        &validation(
            "request",
            "Failed to parse the request body as JSON: key must be a string at line 1 column 2",
        ),
    );
}

#[tokio::test]
async fn a_wrong_value_names_its_field() {
    let body = r#"{"pets":[
        {"name":"Coco","species":"DOG"},
        {"name":"Nabi","species":"CAT"},
        {"name":"Tweety","species":"BIRD"}
    ]}"#;
    let answer = post_json("/pets", body).await;
    answer.assert::<FaceError>(
        422,
        &validation(
            "pets[2].species",
            "unknown variant `BIRD`, expected `DOG` or `CAT`",
        ),
    );
    let answer = post_json("/pets", r#"{"pets":[{"species":"DOG"}]}"#).await;
    answer.assert::<FaceError>(422, &validation("pets[0].name", "missing field `name`"));
}

#[tokio::test]
async fn a_missing_content_type_is_415() {
    let answer = call(Method::POST, "/faces", None, "{}").await;
    answer.assert::<FaceError>(
        415,
        &validation(
            "request",
            "Expected request with `Content-Type: application/json`",
        ),
    );
    let answer = call(Method::POST, "/pets", Some("text/plain"), "{}").await;
    answer.assert::<FaceError>(
        415,
        &validation(
            "request",
            "Expected request with `Content-Type: application/json`",
        ),
    );
}

#[tokio::test]
async fn too_large_a_body_is_413() {
    let body = json!({ "image_url": "x".repeat(2048) }).to_string();
    let answer = post_json("/faces", &body).await;
    answer.assert::<FaceError>(
        413,
        &validation(
            "request",
            "Failed to buffer the request body: length limit exceeded",
        ),
    );
    let answer = post_json("/pets", &body).await;
    answer.assert::<FaceError>(
        413,
        &validation(
            "request",
            "Failed to buffer the request body: length limit exceeded",
        ),
    );
}

#[tokio::test]
async fn bad_path_and_query_parameters_are_400() {
    let answer = get_path("/faces/f_1/score/high").await;
    answer.assert::<FaceError>(
        400,
        &validation(
            "request",
            "Invalid URL: Cannot parse value at index 1 with value `high` to a `u32`",
        ),
    );
    let answer = get_path("/faces?limit=many").await;
    answer.assert::<FaceError>(
        400,
        &validation(
            "request",
            "Failed to deserialize query string: limit: invalid digit found in string",
        ),
    );
}

#[tokio::test]
async fn api_path_and_api_query_name_the_parameter_in_a_client_s_words() {
    let answer = get_path("/named/f_1/score/high").await;
    answer.assert::<FaceError>(
        400,
        &validation(
            "threshold",
            r#""high" is not an integer from 0 to 4294967295"#,
        ),
    );
    let answer = get_path("/named?limit=many").await;
    answer.assert::<FaceError>(400, &validation("limit", "invalid digit found in string"));
    let answer = get_path("/named").await;
    answer.assert::<FaceError>(400, &validation("limit", "missing parameter `limit`"));
}

#[tokio::test]
async fn a_panicking_handler_is_the_fixed_500() {
    let answer = get_path("/panic").await;
    answer.assert::<FaceError>(
        500,
        &json!({ "code": "DATABASE", "message": "Internal Server Error" }),
    );
}

#[tokio::test]
async fn a_plain_text_429_keeps_its_status_and_retry_after() {
    let answer = get_path("/limited").await;
    answer.assert::<FaceError>(
        429,
        &json!({ "code": "TOO_MANY_REQUESTS", "message": "Too many requests, slow down" }),
    );
    assert_eq!(answer.header("retry-after"), Some("30"));
}

#[tokio::test]
async fn a_plain_text_503_keeps_its_status_and_says_nothing_of_its_text() {
    let answer = get_path("/maintenance").await;
    answer.assert::<FaceError>(
        503,
        &json!({ "code": "SERVICE_UNAVAILABLE", "message": "Service Unavailable" }),
    );
    assert_eq!(answer.header("retry-after"), Some("120"));
}

#[tokio::test]
async fn a_plain_text_body_over_16_kib_keeps_its_text_cut_and_marked() {
    let answer = get_path("/long").await;
    let kept = "x".repeat(TEXT_LIMIT) + CUT_MARK;
    answer.assert::<FaceError>(400, &json!({ "code": "BAD_REQUEST", "message": kept }));
}

#[tokio::test]
async fn a_handler_s_bare_404_keeps_its_status_as_the_generic_error() {
    let answer = get_path("/gone").await;
    answer.assert::<FaceError>(404, &json!({ "code": "NOT_FOUND", "message": "Not Found" }));
}

#[tokio::test]
async fn a_handler_error_passes_as_it_is() {
    let answer = get_path("/faces/busy").await;
    answer.assert::<FaceError>(
        429,
        &json!({ "code": "RATE_LIMIT_EXCEEDED", "message": "API key RPM limit exceeded." }),
    );
    assert_eq!(answer.header("retry-after"), Some("30"));
    assert_eq!(answer.header("cache-control"), Some("no-store"));
}

#[tokio::test]
async fn the_edge_answers_as_its_documentation_says() {
    use api_error_core::{RejectionKind, edge_errors};

    let documented = edge_errors::<FaceError>();
    let documented = |kind: Option<RejectionKind>| {
        let edge = documented.iter().find(|edge| edge.kind() == kind).unwrap();
        (edge.status().as_u16(), edge.descriptor().code().to_string())
    };
    let cases = [
        (
            Some(RejectionKind::JsonSyntax),
            post_json("/faces", "{not json").await,
        ),
        (
            Some(RejectionKind::ContentType),
            call(Method::POST, "/faces", None, "{}").await,
        ),
        (
            Some(RejectionKind::UnknownRoute),
            get_path("/nowhere").await,
        ),
        (
            Some(RejectionKind::Method),
            call(Method::DELETE, "/faces", None, "").await,
        ),
        (None, get_path("/panic").await),
    ];
    for (kind, answer) in cases {
        let code = answer.body["error"]["code"].as_str().unwrap().to_owned();
        assert_eq!((answer.status, code), documented(kind), "{kind:?}");
    }
}
