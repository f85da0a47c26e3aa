//! A struct deriving `ApiError` is a single error type: every key goes on the struct.

use api_error_core::ApiError;
use http::StatusCode;

/// The entity could not be found.
#[derive(Debug, ApiError)]
#[api(code = 3001, status = NOT_FOUND, name = "entity not found", message = "entity {id} not found",
      cause = "wrong id", solution = "check the id", category = "Entities")]
struct EntityNotFound {
    id: u64,
}

#[derive(Debug, ApiError)]
#[api(
    code_case = "SCREAMING_SNAKE_CASE",
    prefix = "E_",
    status = 409,
    message = "duplicate {0}"
)]
struct Duplicate(String);

#[derive(Debug, ApiError)]
#[api(code = "RATE_LIMITED", status = 429, retryable)]
struct RateLimited;

#[test]
fn named_struct() {
    let error = EntityNotFound { id: 9 };
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(error.code(), 3001);
    assert_eq!(error.name(), "entity not found");
    assert_eq!(error.message().to_string(), "entity 9 not found");
    let descriptor = error.descriptor();
    assert_eq!(descriptor.description(), "The entity could not be found.");
    assert_eq!(descriptor.category(), Some("Entities"));
    assert_eq!(descriptor.variant(), "EntityNotFound");
    assert_eq!(EntityNotFound::CATALOG.len(), 1);
}

#[test]
fn tuple_struct_with_derived_code() {
    let error = Duplicate("x".into());
    assert_eq!(error.code(), "E_DUPLICATE");
    assert_eq!(error.status().as_u16(), 409);
    assert_eq!(error.message().to_string(), "duplicate x");
}

#[test]
fn unit_struct() {
    assert_eq!(RateLimited.code(), "RATE_LIMITED");
    assert_eq!(RateLimited.message().to_string(), "Too Many Requests");
    assert_eq!(
        RateLimited::CATALOG.get("RATE_LIMITED").unwrap().variant(),
        "RateLimited"
    );
}
