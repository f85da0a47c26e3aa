//! Every kind of error response a client can get from an actix-web service behind
//! `actix_middleware!`, over real HTTP with reqwest, against a service built from the crate's
//! public API only: the same rows as the axum tests, with actix-web's own statuses.

use std::net::SocketAddr;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceRequest;
use actix_web::dev::ServiceResponse;
use actix_web::middleware::{Next, from_fn};
use actix_web::{App, Error, HttpResponse, HttpServer, web};
use api_error_actix_web_tests::{ApiJson, FaceError};
use api_error_core::request::{CUT_MARK, TEXT_LIMIT};
use api_error_tests::http::{Answer, NewFace, NewPets, Page, SECRET, validation};
use reqwest::Method;
use serde_json::json;

async fn face(id: web::Path<String>) -> Result<String, FaceError> {
    Err(FaceError::for_id(&id))
}

async fn score(path: web::Path<(String, u32)>) -> Result<String, FaceError> {
    Ok(path.1.to_string())
}

async fn create(_: web::Json<NewFace>) -> Result<String, FaceError> {
    Ok("created".to_owned())
}

async fn list(_: web::Query<Page>) -> Result<String, FaceError> {
    Ok("listed".to_owned())
}

async fn pets(_: ApiJson<NewPets>) -> Result<String, FaceError> {
    Ok("registered".to_owned())
}

async fn panics() -> Result<String, FaceError> {
    let shards: Vec<&str> = Vec::new();
    panic!("no shard for {SECRET} among {}", shards.len());
}

async fn long() -> HttpResponse {
    HttpResponse::BadRequest()
        .content_type("text/plain; charset=utf-8")
        .body("x".repeat(TEXT_LIMIT + 4096))
}

async fn gone() -> HttpResponse {
    HttpResponse::NotFound().finish()
}

async fn fine() -> &'static str {
    "fine"
}

/// A rate limiter's answer, in plain text.
async fn rate_limit(
    request: ServiceRequest,
    _: Next<impl MessageBody>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    Ok(request.into_response(
        HttpResponse::TooManyRequests()
            .insert_header(("retry-after", "30"))
            .content_type("text/plain; charset=utf-8")
            .body("Too many requests, slow down"),
    ))
}

/// A maintenance switch's answer, in plain text that names an internal host.
async fn maintenance(
    request: ServiceRequest,
    _: Next<impl MessageBody>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    Ok(request.into_response(
        HttpResponse::ServiceUnavailable()
            .insert_header(("retry-after", "120"))
            .content_type("text/plain; charset=utf-8")
            .body(format!("upstream {SECRET} is down")),
    ))
}

/// The service on a free port: one line of set-up, the middleware over the whole app.
fn serve() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let server = HttpServer::new(|| {
        App::new()
            .wrap(api_error_core::actix_middleware!(FaceError))
            .app_data(web::JsonConfig::default().limit(1024))
            .app_data(web::PayloadConfig::default().limit(1024))
            .service(
                web::resource("/faces")
                    .route(web::post().to(create))
                    .route(web::get().to(list)),
            )
            .route("/faces/{id}", web::get().to(face))
            .route("/faces/{id}/score/{score}", web::get().to(score))
            .route("/pets", web::post().to(pets))
            .route("/panic", web::get().to(panics))
            .route("/long", web::get().to(long))
            .route("/gone", web::get().to(gone))
            .service(
                web::resource("/limited")
                    .wrap(from_fn(rate_limit))
                    .route(web::get().to(fine)),
            )
            .service(
                web::resource("/maintenance")
                    .wrap(from_fn(maintenance))
                    .route(web::get().to(fine)),
            )
    })
    .workers(1)
    .disable_signals()
    .listen(listener)
    .unwrap()
    .run();
    actix_web::rt::spawn(server);
    address
}

async fn call(method: Method, path: &str, content_type: Option<&str>, body: &str) -> Answer {
    Answer::call(serve(), method, path, content_type, body).await
}

async fn get_path(path: &str) -> Answer {
    call(Method::GET, path, None, "").await
}

async fn post_json(path: &str, body: &str) -> Answer {
    call(Method::POST, path, Some("application/json"), body).await
}

#[actix_web::test]
async fn an_unknown_route_is_the_variant_that_takes_it() {
    let answer = get_path("/nowhere").await;
    answer.assert::<FaceError>(
        404,
        &json!({ "code": "NO_SUCH_ENDPOINT", "message": "No such endpoint." }),
    );
}

#[actix_web::test]
async fn a_wrong_method_is_405_with_allow_and_the_generic_error() {
    let answer = call(Method::DELETE, "/faces", None, "").await;
    answer.assert::<FaceError>(
        405,
        &json!({ "code": "METHOD_NOT_ALLOWED", "message": "Method Not Allowed" }),
    );
    let mut allowed: Vec<&str> = answer
        .header("allow")
        .unwrap()
        .split(',')
        .map(str::trim)
        .collect();
    allowed.sort_unstable();
    assert_eq!(allowed, ["GET", "POST"]);
}

#[actix_web::test]
async fn bad_json_is_400_in_the_rejection_variant() {
    let answer = post_json("/faces", "{not json").await;
    answer.assert::<FaceError>(400, &validation("request", "key must be a string"));
}

#[actix_web::test]
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
    // actix-web's own extractor names a missing field too, with its status.
    let answer = post_json("/faces", "{}").await;
    answer.assert::<FaceError>(400, &validation("image_url", "missing field `image_url`"));
}

#[actix_web::test]
async fn a_missing_content_type_is_refused_with_the_framework_s_status() {
    // actix-web's `Json` answers 400; `ApiJson` answers 415.
    let answer = call(Method::POST, "/faces", None, "{}").await;
    answer.assert::<FaceError>(400, &validation("request", "Content type error"));
    let answer = call(Method::POST, "/pets", Some("text/plain"), "{}").await;
    answer.assert::<FaceError>(
        415,
        &validation(
            "request",
            "Expected request with `Content-Type: application/json`",
        ),
    );
}

#[actix_web::test]
async fn too_large_a_body_is_413() {
    let body = json!({ "image_url": "x".repeat(2048) }).to_string();
    let answer = post_json("/faces", &body).await;
    let message = format!(
        "JSON payload ({} bytes) is larger than allowed (limit: 1024 bytes).",
        body.len()
    );
    answer.assert::<FaceError>(413, &validation("request", &message));
    let answer = post_json("/pets", &body).await;
    assert_eq!(answer.status, 413);
    assert_eq!(answer.body["error"]["code"], "VALIDATION_ERROR");
}

#[actix_web::test]
async fn bad_path_and_query_parameters_keep_actix_web_s_statuses() {
    // actix-web answers a path that does not parse with 404.
    let answer = get_path("/faces/f_1/score/high").await;
    answer.assert::<FaceError>(
        404,
        &validation("request", r#"can not parse "high" to a u32"#),
    );
    let answer = get_path("/faces?limit=many").await;
    answer.assert::<FaceError>(
        400,
        &validation(
            "request",
            "Query deserialize error: invalid digit found in string",
        ),
    );
}

#[actix_web::test]
async fn a_panicking_handler_is_the_fixed_500() {
    let answer = get_path("/panic").await;
    answer.assert::<FaceError>(
        500,
        &json!({ "code": "DATABASE", "message": "Internal Server Error" }),
    );
}

#[actix_web::test]
async fn a_plain_text_429_keeps_its_status_and_retry_after() {
    let answer = get_path("/limited").await;
    answer.assert::<FaceError>(
        429,
        &json!({ "code": "TOO_MANY_REQUESTS", "message": "Too many requests, slow down" }),
    );
    assert_eq!(answer.header("retry-after"), Some("30"));
}

#[actix_web::test]
async fn a_plain_text_503_keeps_its_status_and_says_nothing_of_its_text() {
    let answer = get_path("/maintenance").await;
    answer.assert::<FaceError>(
        503,
        &json!({ "code": "SERVICE_UNAVAILABLE", "message": "Service Unavailable" }),
    );
    assert_eq!(answer.header("retry-after"), Some("120"));
}

#[actix_web::test]
async fn a_plain_text_body_over_16_kib_keeps_its_text_cut_and_marked() {
    let answer = get_path("/long").await;
    let kept = "x".repeat(TEXT_LIMIT) + CUT_MARK;
    answer.assert::<FaceError>(400, &json!({ "code": "BAD_REQUEST", "message": kept }));
}

#[actix_web::test]
async fn a_handler_s_bare_404_keeps_its_status_as_the_generic_error() {
    let answer = get_path("/gone").await;
    answer.assert::<FaceError>(404, &json!({ "code": "NOT_FOUND", "message": "Not Found" }));
}

#[actix_web::test]
async fn a_handler_error_passes_as_it_is() {
    let answer = get_path("/faces/busy").await;
    answer.assert::<FaceError>(
        429,
        &json!({ "code": "RATE_LIMIT_EXCEEDED", "message": "API key RPM limit exceeded." }),
    );
    assert_eq!(answer.header("retry-after"), Some("30"));
    assert_eq!(answer.header("cache-control"), Some("no-store"));
}
