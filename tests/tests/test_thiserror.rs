//! The public message is separate from `Display`: one enum derives both.

use std::error::Error as _;

use api_error_core::ApiError;

#[derive(Debug, thiserror::Error)]
#[error("connection to db-primary.internal:5432 refused (password=hunter2)")]
pub struct DatabaseFailure;

#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
pub enum ServiceError {
    #[error("face {face_id} missing from collection {collection}")]
    #[api(
        status = 404,
        message = "No face found with the given ID in this collection."
    )]
    FaceNotFound { face_id: String, collection: String },

    #[error("storage failed: {0}")]
    #[api(status = 500)]
    Storage(#[from] DatabaseFailure),

    #[error("upstream said: {detail}")]
    #[api(status = 502, message = "upstream failure")]
    Upstream { detail: String },

    #[error("quota of {limit} requests exhausted")]
    #[api(status = 429, expose)]
    RateLimited { limit: u32 },

    #[error("internal text {secret}")]
    #[api(status = 503, expose)]
    ExposedOnPurpose { secret: &'static str },
}

#[test]
fn display_and_public_message_are_separate() {
    let missing = ServiceError::FaceNotFound {
        face_id: "f_1".into(),
        collection: "c_9".into(),
    };
    assert_eq!(missing.to_string(), "face f_1 missing from collection c_9");
    assert_eq!(
        missing.message().to_string(),
        "No face found with the given ID in this collection."
    );
}

#[test]
fn server_errors_never_show_internal_text() {
    let storage = ServiceError::from(DatabaseFailure);
    assert!(storage.to_string().contains("hunter2"));
    assert!(storage.source().is_some());
    let public = storage.message().to_string();
    assert_eq!(public, "Internal Server Error");
    assert!(!public.contains("hunter2") && !public.contains("db-primary"));
    assert_eq!(
        storage.descriptor().message(),
        Some("Internal Server Error")
    );

    let upstream = ServiceError::Upstream {
        detail: "token=abc".into(),
    };
    assert_eq!(upstream.message().to_string(), "upstream failure");
}

#[test]
fn expose_opts_in_to_display() {
    let limited = ServiceError::RateLimited { limit: 60 };
    assert_eq!(
        limited.message().to_string(),
        "quota of 60 requests exhausted"
    );
    assert_eq!(limited.message().as_static(), None);
    assert_eq!(limited.descriptor().message(), None);
    let exposed = ServiceError::ExposedOnPurpose { secret: "visible" };
    assert_eq!(exposed.message().to_string(), "internal text visible");
}

#[test]
fn works_as_a_boxed_std_error() {
    let boxed: Box<dyn std::error::Error> = Box::new(ServiceError::Upstream { detail: "x".into() });
    assert_eq!(boxed.to_string(), "upstream said: x");
}
