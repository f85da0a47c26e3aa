//! The face recognition API's error catalog, declared once: every code, status and description
//! of its error-code document, in the document's
//! `{"success":false,"error":{"code":..,"message":..},"request_id":..,"timestamp":..}` envelope.
//!
//! Run with `cargo run --example face_api`; `cargo test` checks every body against the
//! document.
//!
//! The categories are the document's section headings ("Authentication errors" is
//! "Authentication", and so on). Where the document is silent:
//!
//! - `VALIDATION_ERROR` has no table row, only a sample body under "Validation errors"; it is
//!   declared last, in that section, with the status 400, which the document's status table
//!   describes as "Missing or invalid parameters".
//! - It shows messages for `FACE_NOT_FOUND` and `VALIDATION_ERROR` only, so the others' public
//!   messages are their statuses' reason phrases.
//! - It has no names, causes or solutions, so the names are the variants' names.
//! - Its retry advice is in its text: a 429 may be retried after the `Retry-After` delay, and
//!   an expired token after refreshing it ("Refresh it.").
//! - It promises one JSON structure for every error, so requests the web framework refuses
//!   become `VALIDATION_ERROR` (`#[api(rejection)]`) rather than the framework's plain text.

use api_error_core::markdown::{Page, summary};
use api_error_core::{ApiError, FieldError, FieldErrors, RequestContext};
use api_error_examples::print_bodies;

/// Errors of the face recognition API.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(envelope = "face")]
pub enum FaceError {
    /// Email or password is incorrect.
    #[error("wrong email or password for {email}")]
    #[api(
        code = "INVALID_CREDENTIALS",
        status = UNAUTHORIZED,
        category = "Authentication"
    )]
    InvalidCredentials { email: String },

    /// JWT access token has expired. Refresh it.
    #[error("access token expired")]
    #[api(
        code = "TOKEN_EXPIRED",
        status = UNAUTHORIZED,
        category = "Authentication",
        retryable = "after re-auth"
    )]
    TokenExpired,

    /// JWT token is malformed or tampered.
    #[error("malformed or tampered token")]
    #[api(code = "TOKEN_INVALID", status = UNAUTHORIZED, category = "Authentication")]
    TokenInvalid,

    /// API key does not exist or has been revoked.
    #[error("unknown or revoked API key")]
    #[api(code = "INVALID_API_KEY", status = UNAUTHORIZED, category = "Authentication")]
    InvalidApiKey,

    /// Request source IP is not in the key's whitelist.
    #[error("source IP {ip} is not whitelisted")]
    #[api(code = "IP_NOT_ALLOWED", status = FORBIDDEN, category = "Authentication")]
    IpNotAllowed { ip: String },

    /// Account has 2FA enabled; OTP code required.
    #[error("OTP code required")]
    #[api(code = "REQUIRES_2FA", status = FORBIDDEN, category = "Authentication")]
    Requires2fa,

    /// Email address has not been verified.
    #[error("email {email} is not verified")]
    #[api(code = "EMAIL_NOT_VERIFIED", status = FORBIDDEN, category = "Authentication")]
    EmailNotVerified { email: String },

    /// No face with the given face_id or external_id in this collection.
    #[error("no face {face_id} in collection {collection_id}")]
    #[api(
        code = "FACE_NOT_FOUND",
        status = NOT_FOUND,
        category = "Face & recognition",
        message = "No face found with the given ID in this collection."
    )]
    FaceNotFound {
        face_id: String,
        collection_id: String,
    },

    /// No face was detected in the submitted image.
    #[error("no face detected")]
    #[api(
        code = "FACE_NOT_DETECTED",
        status = UNPROCESSABLE_ENTITY,
        category = "Face & recognition"
    )]
    FaceNotDetected,

    /// More than one face detected; submit a single-face image.
    #[error("{count} faces detected")]
    #[api(
        code = "MULTIPLE_FACES",
        status = UNPROCESSABLE_ENTITY,
        category = "Face & recognition"
    )]
    MultipleFaces { count: usize },

    /// Quality score below threshold (blur, occlusion, extreme pose).
    #[error("quality score {score} below threshold {threshold}")]
    #[api(
        code = "FACE_QUALITY_TOO_LOW",
        status = UNPROCESSABLE_ENTITY,
        category = "Face & recognition"
    )]
    FaceQualityTooLow { score: f32, threshold: f32 },

    /// Image failed anti-spoofing check (print/replay/mask detected).
    #[error("liveness check failed")]
    #[api(
        code = "LIVENESS_CHECK_FAILED",
        status = UNPROCESSABLE_ENTITY,
        category = "Face & recognition"
    )]
    LivenessCheckFailed,

    /// An active face with this external_id already exists in the collection.
    #[error("external id {external_id} already active in collection {collection_id}")]
    #[api(
        code = "DUPLICATE_EXTERNAL_ID",
        status = CONFLICT,
        category = "Face & recognition"
    )]
    DuplicateExternalId {
        external_id: String,
        collection_id: String,
    },

    /// Collection does not exist or belongs to a different org.
    #[error("no collection {collection_id} in this org")]
    #[api(
        code = "COLLECTION_NOT_FOUND",
        status = NOT_FOUND,
        category = "Collection & API key"
    )]
    CollectionNotFound { collection_id: String },

    /// Plan collection limit reached. Upgrade to create more.
    #[error("collection limit of {limit} reached")]
    #[api(
        code = "COLLECTION_LIMIT_REACHED",
        status = FORBIDDEN,
        category = "Collection & API key"
    )]
    CollectionLimitReached { limit: u32 },

    /// Collection face limit reached for your current plan.
    #[error("face limit of {limit} reached in collection {collection_id}")]
    #[api(
        code = "FACE_LIMIT_REACHED",
        status = FORBIDDEN,
        category = "Collection & API key"
    )]
    FaceLimitReached { collection_id: String, limit: u32 },

    /// API key limit per member reached for your current plan.
    #[error("API key limit of {limit} reached")]
    #[api(
        code = "API_KEY_LIMIT_REACHED",
        status = FORBIDDEN,
        category = "Collection & API key"
    )]
    ApiKeyLimitReached { limit: u32 },

    /// API key RPM limit exceeded. See Retry-After header.
    #[error("RPM limit exceeded, retry after {retry_after}s")]
    #[api(
        code = "RATE_LIMIT_EXCEEDED",
        status = TOO_MANY_REQUESTS,
        category = "Collection & API key",
        retryable = true
    )]
    RateLimitExceeded {
        /// Seconds until the key's RPM window resets, sent as the Retry-After header.
        #[api(retry_after)]
        retry_after: u32,
    },

    /// Missing or invalid parameters; `details` lists each field that failed validation.
    // No table row in the document, only a body: its status table gives 400 for "Missing or
    // invalid parameters", and 422 for requests that passed validation. Requests the web
    // framework refuses (bad JSON, a wrong value, a bad query) become this error too, with the
    // framework's status, so that every response keeps the document's one structure.
    #[error("request validation failed")]
    #[api(
        code = "VALIDATION_ERROR",
        status = BAD_REQUEST,
        category = "Validation",
        message = "Request validation failed.",
        rejection
    )]
    ValidationError {
        #[api(details)]
        fields: FieldErrors,
    },
}

/// One value of every error body the document shows, in its order, with the document's own
/// values and the request context each body carries.
pub fn documented() -> Vec<(FaceError, RequestContext<'static>)> {
    vec![
        // "Error response format"
        (
            FaceError::FaceNotFound {
                face_id: "f_1".into(),
                collection_id: "c_1".into(),
            },
            RequestContext::new()
                .request_id("req_01j8...")
                .timestamp("2024-01-15T11:22:33Z"),
        ),
        // "Validation errors": the document's body has no request id or timestamp.
        (
            FaceError::ValidationError {
                fields: FieldErrors::from([
                    FieldError::new("name", "name is required"),
                    FieldError::new("collection_id", "collection_id must be a valid UUID"),
                ]),
            },
            RequestContext::new(),
        ),
    ]
}

/// The catalog page committed as `docs/errors/face_api.md`: the guide, then the summary tables.
pub fn page() -> String {
    let mut page = Page::new("Error Codes")
        .overview("All error responses follow a consistent JSON structure. The error.code field contains a machine-readable string identifier that you should use in your error handling logic. Never rely on the message field, which may change.")
        .render::<FaceError>();
    page.push('\n');
    page.push_str(&summary::<FaceError>());
    page
}

fn main() {
    print_bodies(&documented());
}

#[cfg(test)]
mod tests {
    use api_error_core::Retryable;
    use api_error_examples::{assert_catalog, assert_json_bodies, assert_sections};

    use super::*;

    // Every body of the document, in its order, whitespace removed.
    const BODIES: [&str; 2] = [
        r#"{"success":false,"error":{"code":"FACE_NOT_FOUND","message":"No face found with the given ID in this collection."},"request_id":"req_01j8...","timestamp":"2024-01-15T11:22:33Z"}"#,
        r#"{"success":false,"error":{"code":"VALIDATION_ERROR","message":"Request validation failed.","details":[{"field":"name","message":"name is required"},{"field":"collection_id","message":"collection_id must be a valid UUID"}]}}"#,
    ];

    // (code, status, name) as the document's tables list them, then VALIDATION_ERROR, whose
    // status is this example's choice. The document has no names: these are the variants'.
    const CATALOG: [(&str, u16, &str); 19] = [
        ("INVALID_CREDENTIALS", 401, "InvalidCredentials"),
        ("TOKEN_EXPIRED", 401, "TokenExpired"),
        ("TOKEN_INVALID", 401, "TokenInvalid"),
        ("INVALID_API_KEY", 401, "InvalidApiKey"),
        ("IP_NOT_ALLOWED", 403, "IpNotAllowed"),
        ("REQUIRES_2FA", 403, "Requires2fa"),
        ("EMAIL_NOT_VERIFIED", 403, "EmailNotVerified"),
        ("FACE_NOT_FOUND", 404, "FaceNotFound"),
        ("FACE_NOT_DETECTED", 422, "FaceNotDetected"),
        ("MULTIPLE_FACES", 422, "MultipleFaces"),
        ("FACE_QUALITY_TOO_LOW", 422, "FaceQualityTooLow"),
        ("LIVENESS_CHECK_FAILED", 422, "LivenessCheckFailed"),
        ("DUPLICATE_EXTERNAL_ID", 409, "DuplicateExternalId"),
        ("COLLECTION_NOT_FOUND", 404, "CollectionNotFound"),
        ("COLLECTION_LIMIT_REACHED", 403, "CollectionLimitReached"),
        ("FACE_LIMIT_REACHED", 403, "FaceLimitReached"),
        ("API_KEY_LIMIT_REACHED", 403, "ApiKeyLimitReached"),
        ("RATE_LIMIT_EXCEEDED", 429, "RateLimitExceeded"),
        ("VALIDATION_ERROR", 400, "ValidationError"),
    ];

    // The document's sections, as categories: each heading's codes.
    const SECTIONS: [(&str, &[&str]); 4] = [
        (
            "Authentication",
            &[
                "INVALID_CREDENTIALS",
                "TOKEN_EXPIRED",
                "TOKEN_INVALID",
                "INVALID_API_KEY",
                "IP_NOT_ALLOWED",
                "REQUIRES_2FA",
                "EMAIL_NOT_VERIFIED",
            ],
        ),
        (
            "Face & recognition",
            &[
                "FACE_NOT_FOUND",
                "FACE_NOT_DETECTED",
                "MULTIPLE_FACES",
                "FACE_QUALITY_TOO_LOW",
                "LIVENESS_CHECK_FAILED",
                "DUPLICATE_EXTERNAL_ID",
            ],
        ),
        (
            "Collection & API key",
            &[
                "COLLECTION_NOT_FOUND",
                "COLLECTION_LIMIT_REACHED",
                "FACE_LIMIT_REACHED",
                "API_KEY_LIMIT_REACHED",
                "RATE_LIMIT_EXCEEDED",
            ],
        ),
        ("Validation", &["VALIDATION_ERROR"]),
    ];

    #[test]
    fn bodies_match_the_document_byte_for_byte() {
        assert_json_bodies(&documented(), &BODIES);
    }

    #[test]
    fn catalog_matches_the_document() {
        assert_catalog(FaceError::CATALOG, &CATALOG);
        for descriptor in FaceError::CATALOG {
            let code = descriptor.code();
            assert!(!descriptor.description().is_empty(), "{code}");
        }
        assert_sections(FaceError::CATALOG, &SECTIONS);
    }

    #[test]
    fn rate_limits_carry_retry_after() {
        let limited = FaceError::RateLimitExceeded { retry_after: 12 };
        let headers: Vec<String> = limited
            .headers()
            .map(|(name, value)| format!("{name}: {value}"))
            .collect();
        assert_eq!(headers, ["retry-after: 12"]);
    }

    #[test]
    fn retry_advice() {
        let retryable = |code: &str| FaceError::CATALOG.get(code).unwrap().retryable();
        assert_eq!(
            retryable("RATE_LIMIT_EXCEEDED"),
            Some(Retryable::WithBackoff)
        );
        assert_eq!(retryable("TOKEN_EXPIRED"), Some(Retryable::AfterReauth));
        assert_eq!(retryable("FACE_NOT_FOUND"), None);
    }

    #[test]
    fn every_error_reads_back_in_every_envelope() {
        let errors = FaceError::examples();
        assert_eq!(
            errors.len(),
            FaceError::CATALOG.len(),
            "an example of every error"
        );
        api_error_examples::assert_round_trips(&errors);
    }

    #[test]
    fn framework_rejections_are_validation_errors_in_the_envelope() {
        use api_error_core::{Rejection, RejectionKind};
        use http::StatusCode;

        let rejection = Rejection::new(
            RejectionKind::Path,
            StatusCode::BAD_REQUEST,
            "Invalid URL: Cannot parse `abc` to a `u32`",
        );
        let error = FaceError::from_rejection(rejection).unwrap();
        assert_eq!(
            error.to_json_string(&RequestContext::new()),
            r#"{"success":false,"error":{"code":"VALIDATION_ERROR","message":"Request validation failed.","details":[{"field":"request","message":"Invalid URL: Cannot parse `abc` to a `u32`"}]}}"#
        );
        // Unknown routes are left to the generic `NOT_FOUND`: no error of the document is one.
        let route = Rejection::new(RejectionKind::UnknownRoute, StatusCode::NOT_FOUND, "");
        assert!(FaceError::from_rejection(route).is_none());
    }

    #[test]
    fn committed_page_is_current() {
        api_error_examples::assert_committed_page("face_api", &page());
    }

    #[test]
    fn committed_typescript_is_current() {
        let module = api_error_core::typescript::module::<FaceError>();
        api_error_examples::assert_committed_typescript("face_api", &module);
    }

    #[test]
    fn catalog_is_stable_against_its_snapshot() {
        api_error_examples::assert_stable_catalog("face_api", FaceError::CATALOG);
    }
}
