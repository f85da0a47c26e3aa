//! An axum service documented with utoipa: its operations name a derived type, or the errors
//! they can answer with (`error_responses!`), in `#[utoipa::path(responses(...))]`, and
//! `utoipa-axum` collects them into one `OpenApi` document. The document parses as OpenAPI 3.1,
//! each schema is JSON Schema 2020-12 that utoipa reads back unchanged, every example matches
//! its schema, and every error the service answers with is a response its operation declares:
//! its status, its body against that response's schema, its headers among those declared.

use api_error_conformance::{check_document, check_schema, resolve};
use api_error_core::axum::ErrorLayer;
use api_error_core::{ApiError, FieldError, FieldErrors};
use axum::body::Body;
use axum::extract::Path;
use axum::http::{HeaderMap, Request};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};
use tower::ServiceExt as _;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The authentication module's errors, wrapped by the orders service's.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(
    envelope = "face",
    prefix = "AUTH_",
    code_case = "SCREAMING_SNAKE_CASE"
)]
pub enum AuthError {
    /// The bearer token is missing or expired.
    #[error("token expired")]
    #[api(status = 401, www_authenticate = "Bearer realm=\"orders\"")]
    TokenExpired,
    /// The token does not allow this.
    #[error("forbidden")]
    #[api(status = 403, message = "this token cannot delete orders")]
    Forbidden,
}

/// Every error of the orders service, as RFC 9457 problem details.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(
    code_case = "SCREAMING_SNAKE_CASE",
    header("cache-control", "no-store")
)]
pub enum OrderError {
    /// The order does not exist, or was deleted.
    #[error("no order {order_id}")]
    #[api(status = 404, message = "order {order_id} does not exist")]
    OrderNotFound { order_id: u64 },
    /// The order is not valid: `errors` says which fields are wrong.
    #[error("invalid order")]
    #[api(status = 422, message = "the order is not valid")]
    InvalidOrder {
        #[api(details, example = FieldErrors::from([FieldError::new("quantity", "must be positive")]))]
        errors: FieldErrors,
    },
    /// Too many requests: wait as `retry-after` says.
    #[error("rate limited")]
    #[api(status = 429, message = "slow down")]
    RateLimited {
        #[api(retry_after)]
        wait_seconds: u64,
        #[api(header = "x-ratelimit-remaining")]
        remaining: u32,
    },
    /// Authentication failed.
    #[error(transparent)]
    #[api(transparent)]
    Auth(#[from] AuthError),
    /// The store failed; clients see the status's reason phrase.
    #[error("database: {0}")]
    #[api(status = 500, internal)]
    Database(String),
}

api_error_core::error_responses! {
    /// What reading an order can fail with.
    pub struct GetOrderErrors = OrderError[OrderNotFound, RateLimited, "AUTH_TOKEN_EXPIRED"];
    /// What deleting an order can fail with.
    pub struct DeleteOrderErrors = OrderError[OrderNotFound, "AUTH_TOKEN_EXPIRED", "AUTH_FORBIDDEN"];
}

/// An order as created.
#[derive(Deserialize)]
pub struct NewOrder {
    quantity: i64,
}

fn authorized(headers: &HeaderMap) -> Result<(), AuthError> {
    match headers.get("authorization") {
        Some(value) if value == "Bearer admin" || value == "Bearer reader" => Ok(()),
        _ => Err(AuthError::TokenExpired),
    }
}

/// Reads an order.
#[utoipa::path(get, path = "/orders/{order_id}", responses(
    (status = 200, description = "The order"),
    GetOrderErrors,
))]
async fn get_order(headers: HeaderMap, Path(order_id): Path<u64>) -> Result<String, OrderError> {
    authorized(&headers)?;
    match order_id {
        1 => Ok("order 1".to_owned()),
        429 => Err(OrderError::RateLimited {
            wait_seconds: 30,
            remaining: 0,
        }),
        _ => Err(OrderError::OrderNotFound { order_id }),
    }
}

/// Creates an order.
#[utoipa::path(post, path = "/orders", responses(
    (status = 201, description = "Created"),
    OrderError,
))]
async fn create_order(
    headers: HeaderMap,
    Json(order): Json<NewOrder>,
) -> Result<String, OrderError> {
    authorized(&headers)?;
    match order.quantity {
        quantity if quantity <= 0 => Err(OrderError::InvalidOrder {
            errors: FieldErrors::from([FieldError::new("quantity", "must be positive")]),
        }),
        13 => Err(OrderError::Database("connection reset".to_owned())),
        _ => Ok("created".to_owned()),
    }
}

/// Deletes an order.
#[utoipa::path(delete, path = "/orders/{order_id}", responses(
    (status = 204, description = "Deleted"),
    DeleteOrderErrors,
))]
async fn delete_order(headers: HeaderMap, Path(order_id): Path<u64>) -> Result<(), OrderError> {
    authorized(&headers)?;
    if headers["authorization"] != "Bearer admin" {
        return Err(AuthError::Forbidden.into());
    }
    Err(OrderError::OrderNotFound { order_id })
}

#[derive(OpenApi)]
#[openapi(info(title = "Orders", version = "1.0.0"))]
struct ApiDoc;

/// The service and its document, as `utoipa-axum` builds them together.
fn service() -> (Router, Value) {
    let (router, api) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(get_order, delete_order))
        .routes(routes!(create_order))
        .split_for_parts();
    let document = serde_json::to_value(&api).expect("the document serializes");
    (router.layer(ErrorLayer::<OrderError>::new()), document)
}

fn statuses(document: &Value, method: &str, path: &str) -> Vec<String> {
    document["paths"][path][method]["responses"]
        .as_object()
        .unwrap_or_else(|| panic!("no {method} {path}"))
        .keys()
        .cloned()
        .collect()
}

#[test]
fn the_document_is_openapi_3_1_and_its_examples_match_their_schemas() {
    let (_, document) = service();
    let examples = check_document(&document);
    // Get: three errors; delete: three; create: all six.
    assert_eq!(examples, 3 + 3 + 6, "{document:#}");
}

#[test]
fn each_operation_lists_the_errors_it_chose() {
    let (_, document) = service();
    assert_eq!(
        statuses(&document, "get", "/orders/{order_id}"),
        ["200", "401", "404", "429"]
    );
    assert_eq!(
        statuses(&document, "delete", "/orders/{order_id}"),
        ["204", "401", "403", "404"]
    );
    assert_eq!(
        statuses(&document, "post", "/orders"),
        ["201", "401", "403", "404", "422", "429", "500"]
    );
    let get = &document["paths"]["/orders/{order_id}"]["get"]["responses"];
    let examples: Vec<&String> = get["404"]["content"]["application/problem+json"]["examples"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(examples, ["ORDER_NOT_FOUND"]);
    // The wrapped error's example, in the service's envelope.
    assert_eq!(
        get["401"]["content"]["application/problem+json"]["examples"]["AUTH_TOKEN_EXPIRED"]["value"],
        json!({"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "Unauthorized", "code": "AUTH_TOKEN_EXPIRED"})
    );
    // The schema lists the codes of the whole catalog, wrapped ones included.
    let schema = &get["404"]["content"]["application/problem+json"]["schema"];
    check_schema(schema);
    assert_eq!(
        schema["properties"]["code"]["enum"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
}

#[test]
fn responses_declare_the_headers_of_their_errors() {
    let (_, document) = service();
    let get = &document["paths"]["/orders/{order_id}"]["get"]["responses"];
    assert_eq!(
        get["429"]["headers"]["retry-after"],
        json!({
            "description": "When the request may be retried: a delay in seconds, or an HTTP date.",
            "required": true,
            "schema": {"type": "string"},
            "example": "1"
        })
    );
    assert_eq!(
        get["429"]["headers"]["x-ratelimit-remaining"]["example"],
        "1"
    );
    assert_eq!(
        get["401"]["headers"]["www-authenticate"]["schema"],
        json!({"type": "string", "enum": ["Bearer realm=\"orders\""]})
    );
    // The enum's static header, on the errors of its own variants only: a wrapped type's
    // errors carry their own type's headers.
    assert_eq!(get["404"]["headers"]["cache-control"]["required"], true);
    assert!(get["401"]["headers"].get("cache-control").is_none());
}

/// Requests that fail, each with the operation that answers them.
fn failing_requests() -> Vec<(&'static str, &'static str, Request<Body>)> {
    let request = |method: &str, uri: &str, token: Option<&str>, body: Option<Value>| {
        let mut builder = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            builder = builder.header("authorization", format!("Bearer {token}"));
        }
        match body {
            Some(body) => builder
                .header("content-type", "application/json")
                .body(Body::from(body.to_string())),
            None => builder.body(Body::empty()),
        }
        .unwrap()
    };
    let order = "/orders/{order_id}";
    vec![
        (
            "get",
            order,
            request("GET", "/orders/7", Some("reader"), None),
        ),
        (
            "get",
            order,
            request("GET", "/orders/429", Some("reader"), None),
        ),
        ("get", order, request("GET", "/orders/1", None, None)),
        (
            "delete",
            order,
            request("DELETE", "/orders/7", Some("reader"), None),
        ),
        (
            "delete",
            order,
            request("DELETE", "/orders/7", Some("admin"), None),
        ),
        ("delete", order, request("DELETE", "/orders/7", None, None)),
        (
            "post",
            "/orders",
            request(
                "POST",
                "/orders",
                Some("admin"),
                Some(json!({"quantity": 0})),
            ),
        ),
        (
            "post",
            "/orders",
            request(
                "POST",
                "/orders",
                Some("admin"),
                Some(json!({"quantity": 13})),
            ),
        ),
        (
            "post",
            "/orders",
            request("POST", "/orders", None, Some(json!({"quantity": 1}))),
        ),
    ]
}

#[tokio::test]
async fn every_error_the_service_answers_with_is_documented() {
    let (router, document) = service();
    let mut answered = Vec::new();
    for (method, path, request) in failing_requests() {
        let response = router.clone().oneshot(request).await.unwrap();
        let status = response.status().as_u16().to_string();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let body: Value = serde_json::from_slice(&body).unwrap();
        let documented = &document["paths"][path][method]["responses"][&status];
        assert!(
            documented.is_object(),
            "{method} {path} answered {status}, which it does not declare: {body}"
        );
        let documented = resolve(&document, documented);
        let media = &documented["content"][headers["content-type"].to_str().unwrap()];
        let schema = resolve(&document, &media["schema"]);
        let validator = jsonschema::draft202012::new(schema).unwrap();
        assert!(
            validator.is_valid(&body),
            "{body} does not match {schema:#}"
        );
        let declared = documented["headers"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for (name, header) in &declared {
            if header["required"] == true {
                assert!(
                    headers.contains_key(name.as_str()),
                    "{method} {path} {status}: no {name}"
                );
            }
        }
        for name in headers.keys() {
            // The framework's and the layer's, which no error declares.
            if ["content-type", "content-length", "x-request-id"].contains(&name.as_str()) {
                continue;
            }
            assert!(
                declared.contains_key(name.as_str()),
                "{method} {path} {status}: {name} is sent but not declared"
            );
        }
        answered.push(format!(
            "{method} {status} {}",
            body["code"].as_str().unwrap()
        ));
    }
    assert_eq!(
        answered,
        [
            "get 404 ORDER_NOT_FOUND",
            "get 429 RATE_LIMITED",
            "get 401 AUTH_TOKEN_EXPIRED",
            "delete 403 AUTH_FORBIDDEN",
            "delete 404 ORDER_NOT_FOUND",
            "delete 401 AUTH_TOKEN_EXPIRED",
            "post 422 INVALID_ORDER",
            "post 500 DATABASE",
            "post 401 AUTH_TOKEN_EXPIRED",
        ]
    );
}
