//! The incident API's error catalog, declared once: every code, status, description,
//! resolution and retry advice of its error-code document, in the document's
//! `{"code":..,"message":..,"details":..,"request_id":..}` envelope.
//!
//! Run with `cargo run --example incident_api`; `cargo test` checks every body against the
//! document.
//!
//! The categories are the document's section headings ("Authentication Errors (4xx)" is
//! "Authentication", and so on), the "Resolution" column is each error's solution, and the
//! retry advice is its "HTTP Status Code Summary" table, which gives it per status in the
//! table's own words: `retryable = "no"`, `"after re-auth"`, `"after fixing request"`,
//! `"yes, with backoff"` and `"yes, with caution"`.
//!
//! Where the document is silent:
//!
//! - It shows messages for five codes only, so the others' public messages are their statuses'
//!   reason phrases.
//! - It has no names or causes, so the names are the variants' names.
//! - It promises a consistent JSON structure for every error, so requests the web framework
//!   refuses become `BAD_REQUEST` (its message, `Malformed request: {reason}`, is this
//!   example's) or, for a JSON body of the wrong shape, `VALIDATION_ERROR` with the field in
//!   its details; `INTERNAL_ERROR` is the fixed 500 that panics and unwritable bodies become.

use api_error_core::markdown::{Page, summary};
use api_error_core::{ApiError, FieldError, FieldErrors};
use api_error_examples::{print_bodies, with_empty_context};

/// Errors of the incident API.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(envelope = "incident")]
pub enum IncidentError {
    /// Missing or invalid authentication
    #[error("no authentication provided")]
    #[api(
        code = "UNAUTHORIZED",
        status = UNAUTHORIZED,
        category = "Authentication",
        message = "Unauthorized: No authentication provided",
        solution = "Provide valid API key or session cookie",
        retryable = "after re-auth"
    )]
    Unauthorized,

    /// Invalid username or password
    #[error("invalid credentials for {username}")]
    #[api(
        code = "INVALID_CREDENTIALS",
        status = UNAUTHORIZED,
        category = "Authentication",
        solution = "Check login credentials",
        retryable = "after re-auth"
    )]
    InvalidCredentials { username: String },

    /// Session has expired
    #[error("session expired")]
    #[api(
        code = "SESSION_EXPIRED",
        status = UNAUTHORIZED,
        category = "Authentication",
        solution = "Re-authenticate to get new session",
        retryable = "after re-auth"
    )]
    SessionExpired,

    /// Webhook signature validation failed
    #[error("bad signature on webhook {webhook}")]
    #[api(
        code = "INVALID_SIGNATURE",
        status = UNAUTHORIZED,
        category = "Authentication",
        solution = "Verify webhook secret configuration",
        retryable = "after re-auth"
    )]
    InvalidSignature { webhook: String },

    /// Authenticated but not authorized
    #[error("user {user} lacks permission {permission}")]
    #[api(
        code = "FORBIDDEN",
        status = FORBIDDEN,
        category = "Authentication",
        solution = "Check user role and permissions",
        retryable = "no"
    )]
    Forbidden { user: String, permission: String },

    /// CSRF token missing or invalid
    #[error("CSRF token missing or invalid")]
    #[api(
        code = "CSRF_VALIDATION_FAILED",
        status = FORBIDDEN,
        category = "Authentication",
        solution = "Include valid CSRF token in request",
        retryable = "no"
    )]
    CsrfValidationFailed,

    /// User account is disabled
    #[error("account of {user} is disabled")]
    #[api(
        code = "ACCOUNT_DISABLED",
        status = FORBIDDEN,
        category = "Authentication",
        solution = "Contact administrator",
        retryable = "no"
    )]
    AccountDisabled { user: String },

    /// Resource not found
    #[error("no incident {id}")]
    #[api(
        code = "NOT_FOUND",
        status = NOT_FOUND,
        category = "Client",
        message = "Not found: Incident {id} not found",
        solution = "Verify resource ID exists",
        retryable = "no"
    )]
    NotFound {
        #[api(example = "550e8400-e29b-41d4-a716-446655440000".to_owned())]
        id: String,
    },

    /// Malformed request
    // Requests the web framework refuses (bad JSON, a wrong content type, a bad query) become
    // this error, with the framework's status and its explanation as the message.
    #[error("malformed request: {reason}")]
    #[api(
        code = "BAD_REQUEST",
        status = BAD_REQUEST,
        category = "Client",
        message = "Malformed request: {reason}",
        solution = "Check request syntax and parameters",
        retryable = "no",
        rejection
    )]
    BadRequest {
        #[api(example = "expected value at line 1 column 1".to_owned())]
        reason: String,
    },

    /// Resource conflict (e.g., already exists)
    #[error("action {action_id} is {current_status}, not pending approval")]
    #[api(
        code = "CONFLICT",
        status = CONFLICT,
        category = "Client",
        message = "Conflict: Action is not pending approval (current status: {current_status})",
        solution = "Action already completed or duplicate resource",
        retryable = "no"
    )]
    Conflict {
        action_id: String,
        #[api(example = "Approved".to_owned())]
        current_status: String,
    },

    /// Semantic error in request
    #[error("semantic error: {reason}")]
    #[api(
        code = "UNPROCESSABLE_ENTITY",
        status = UNPROCESSABLE_ENTITY,
        category = "Client",
        solution = "Check request logic and data validity",
        retryable = "after fixing request"
    )]
    UnprocessableEntity { reason: String },

    /// Field validation failed
    // A JSON body of the wrong shape becomes this error, the field that failed in its details.
    #[error("field validation failed")]
    #[api(
        code = "VALIDATION_ERROR",
        status = UNPROCESSABLE_ENTITY,
        category = "Client",
        message = "Validation failed",
        solution = "See details for field-specific errors",
        retryable = "after fixing request",
        rejection(json_data)
    )]
    ValidationError {
        #[api(details, example = FieldErrors::from([
            FieldError::new("name", "Name is required").code("required"),
            FieldError::new("email", "Invalid email format").code("invalid_format"),
        ]))]
        fields: FieldErrors,
    },

    /// Too many requests
    #[error("rate limit exceeded")]
    #[api(
        code = "RATE_LIMIT_EXCEEDED",
        status = TOO_MANY_REQUESTS,
        category = "Client",
        message = "Rate limit exceeded",
        solution = "Wait and retry with exponential backoff",
        retryable = "yes, with backoff"
    )]
    RateLimitExceeded,

    /// Unexpected server error
    // The fixed 500: panics, plain-text 500s, bodies that cannot be written.
    #[error("unexpected error: {reason}")]
    #[api(
        code = "INTERNAL_ERROR",
        status = INTERNAL_SERVER_ERROR,
        category = "Server",
        solution = "Check server logs, contact support",
        retryable = "yes, with caution",
        internal
    )]
    InternalError { reason: String },

    /// Database operation failed
    #[error("database operation failed: {reason}")]
    #[api(
        code = "DATABASE_ERROR",
        status = INTERNAL_SERVER_ERROR,
        category = "Server",
        solution = "Check database connectivity",
        retryable = "yes, with caution"
    )]
    DatabaseError { reason: String },

    /// Service temporarily unavailable
    #[error("service temporarily unavailable")]
    #[api(
        code = "SERVICE_UNAVAILABLE",
        status = SERVICE_UNAVAILABLE,
        category = "Server",
        solution = "Retry later",
        retryable = "yes, with backoff"
    )]
    ServiceUnavailable,
}

/// One value of every error body the document shows, in its order, with the document's own
/// values.
///
/// The document's first block, "Error Response Format", is a template with placeholders
/// (`"ERROR_CODE"`, `{ ... }`), not the body of any error, so it is not among them.
pub fn documented() -> Vec<IncidentError> {
    vec![
        IncidentError::ValidationError {
            fields: FieldErrors::from([
                FieldError::new("name", "Name is required").code("required"),
                FieldError::new("email", "Invalid email format").code("invalid_format"),
            ]),
        },
        IncidentError::NotFound {
            id: "550e8400-e29b-41d4-a716-446655440000".into(),
        },
        IncidentError::Conflict {
            action_id: "action_1".into(),
            current_status: "Approved".into(),
        },
        IncidentError::RateLimitExceeded,
        IncidentError::Unauthorized,
    ]
}

/// The catalog page committed as `docs/errors/incident_api.md`: the guide, then the summary tables.
pub fn page() -> String {
    let mut page = Page::new("API Error Codes")
        .overview("All API errors return a consistent JSON structure with an error code, message, and optional details.")
        .render::<IncidentError>();
    page.push('\n');
    page.push_str(&summary::<IncidentError>());
    page
}

fn main() {
    print_bodies(&with_empty_context(documented()));
}

#[cfg(test)]
mod tests {
    use api_error_core::{RequestContext, Retryable};
    use api_error_examples::{assert_catalog, assert_json_bodies, assert_sections};

    use super::*;

    // Every body of the document, in its order, whitespace removed (the format template
    // excepted).
    const BODIES: [&str; 5] = [
        r#"{"code":"VALIDATION_ERROR","message":"Validation failed","details":{"name":{"code":"required","message":"Name is required"},"email":{"code":"invalid_format","message":"Invalid email format"}}}"#,
        r#"{"code":"NOT_FOUND","message":"Not found: Incident 550e8400-e29b-41d4-a716-446655440000 not found"}"#,
        r#"{"code":"CONFLICT","message":"Conflict: Action is not pending approval (current status: Approved)"}"#,
        r#"{"code":"RATE_LIMIT_EXCEEDED","message":"Rate limit exceeded"}"#,
        r#"{"code":"UNAUTHORIZED","message":"Unauthorized: No authentication provided"}"#,
    ];

    // (code, status, name) as the document's tables list them. The document has no names:
    // these are the variants'.
    const CATALOG: [(&str, u16, &str); 16] = [
        ("UNAUTHORIZED", 401, "Unauthorized"),
        ("INVALID_CREDENTIALS", 401, "InvalidCredentials"),
        ("SESSION_EXPIRED", 401, "SessionExpired"),
        ("INVALID_SIGNATURE", 401, "InvalidSignature"),
        ("FORBIDDEN", 403, "Forbidden"),
        ("CSRF_VALIDATION_FAILED", 403, "CsrfValidationFailed"),
        ("ACCOUNT_DISABLED", 403, "AccountDisabled"),
        ("NOT_FOUND", 404, "NotFound"),
        ("BAD_REQUEST", 400, "BadRequest"),
        ("CONFLICT", 409, "Conflict"),
        ("UNPROCESSABLE_ENTITY", 422, "UnprocessableEntity"),
        ("VALIDATION_ERROR", 422, "ValidationError"),
        ("RATE_LIMIT_EXCEEDED", 429, "RateLimitExceeded"),
        ("INTERNAL_ERROR", 500, "InternalError"),
        ("DATABASE_ERROR", 500, "DatabaseError"),
        ("SERVICE_UNAVAILABLE", 503, "ServiceUnavailable"),
    ];

    // The document's sections, as categories: each heading's codes.
    const SECTIONS: [(&str, &[&str]); 3] = [
        (
            "Authentication",
            &[
                "UNAUTHORIZED",
                "INVALID_CREDENTIALS",
                "SESSION_EXPIRED",
                "INVALID_SIGNATURE",
                "FORBIDDEN",
                "CSRF_VALIDATION_FAILED",
                "ACCOUNT_DISABLED",
            ],
        ),
        (
            "Client",
            &[
                "NOT_FOUND",
                "BAD_REQUEST",
                "CONFLICT",
                "UNPROCESSABLE_ENTITY",
                "VALIDATION_ERROR",
                "RATE_LIMIT_EXCEEDED",
            ],
        ),
        (
            "Server",
            &["INTERNAL_ERROR", "DATABASE_ERROR", "SERVICE_UNAVAILABLE"],
        ),
    ];

    // The "HTTP Status Code Summary" table: status, retryable.
    const RETRY: [(u16, Retryable); 9] = [
        (400, Retryable::No),
        (401, Retryable::AfterReauth),
        (403, Retryable::No),
        (404, Retryable::No),
        (409, Retryable::No),
        (422, Retryable::AfterFixingRequest),
        (429, Retryable::WithBackoff),
        (500, Retryable::WithCaution),
        (503, Retryable::WithBackoff),
    ];

    #[test]
    fn bodies_match_the_document_byte_for_byte() {
        assert_json_bodies(&with_empty_context(documented()), &BODIES);
    }

    #[test]
    fn catalog_matches_the_document() {
        assert_catalog(IncidentError::CATALOG, &CATALOG);
        for descriptor in IncidentError::CATALOG {
            let code = descriptor.code();
            let status = descriptor.status().as_u16();
            assert!(!descriptor.description().is_empty(), "{code}");
            assert_eq!(descriptor.solutions().len(), 1, "{code}");
            let advice = RETRY.iter().find(|(s, _)| *s == status).map(|(_, r)| *r);
            assert_eq!(descriptor.retryable(), advice, "{code}");
        }
        assert_sections(IncidentError::CATALOG, &SECTIONS);
    }

    #[test]
    fn the_optional_request_id_comes_last() {
        let context = RequestContext::new().request_id("req_1");
        assert_eq!(
            IncidentError::RateLimitExceeded.to_json_string(&context),
            r#"{"code":"RATE_LIMIT_EXCEEDED","message":"Rate limit exceeded","request_id":"req_1"}"#
        );
    }

    #[test]
    fn every_error_reads_back_in_every_envelope() {
        let errors = IncidentError::examples();
        assert_eq!(
            errors.len(),
            IncidentError::CATALOG.len(),
            "an example of every error"
        );
        api_error_examples::assert_round_trips(&errors);
    }

    #[test]
    fn framework_rejections_and_the_fixed_500() {
        use api_error_core::{Rejection, RejectionKind};
        use http::StatusCode;

        let context = RequestContext::new();
        let syntax = Rejection::new(
            RejectionKind::JsonSyntax,
            StatusCode::BAD_REQUEST,
            "expected value at line 1 column 1",
        );
        let error = IncidentError::from_rejection(syntax).unwrap();
        assert_eq!(
            error.to_json_string(&context),
            r#"{"code":"BAD_REQUEST","message":"Malformed request: expected value at line 1 column 1"}"#
        );
        let data = Rejection::new(
            RejectionKind::JsonData,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid type: integer `7`, expected a string",
        )
        .at("actions[0].assignee");
        let error = IncidentError::from_rejection(data).unwrap();
        assert_eq!(
            error.to_json_string(&context),
            r#"{"code":"VALIDATION_ERROR","message":"Validation failed","details":{"actions[0].assignee":{"message":"invalid type: integer `7`, expected a string"}}}"#
        );
        let response = IncidentError::internal_response(&context);
        assert_eq!(
            response.body(),
            br#"{"code":"INTERNAL_ERROR","message":"Internal Server Error"}"#
        );
    }

    #[test]
    fn committed_page_is_current() {
        api_error_examples::assert_committed_page("incident_api", &page());
    }

    #[test]
    fn committed_typescript_is_current() {
        let module = api_error_core::typescript::module::<IncidentError>();
        api_error_examples::assert_committed_typescript("incident_api", &module);
    }

    #[test]
    fn catalog_is_stable_against_its_snapshot() {
        api_error_examples::assert_stable_catalog("incident_api", IncidentError::CATALOG);
    }
}
