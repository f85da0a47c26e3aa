//! The tennis registry API's error catalog, declared once: every code, message and description
//! of its error-code document, in the document's `{"errors":[{"errorCode":..,"message":..}]}`
//! envelope.
//!
//! Run with `cargo run --example tennis_registry`; `cargo test` checks every body against the
//! document.
//!
//! The document is silent on much of the contract, so this example fills it in:
//!
//! - It gives a status for one code only (3001 is answered with 404 in its "API Responses"
//!   table). Every other status is chosen from the document's own status table (400, 401, 403,
//!   404, 405, 415, 500), with the reason in a comment on the variant; it lists no 409, so
//!   duplicates are 400s.
//! - It has no categories; they are derived from the code ranges: 2xxx "Persistence", 3xxx
//!   "Entity", 4xxx "Authentication", 5xxx "Validation", 6xxx "Client & credentials", 9xxx
//!   "System".
//! - It has no names, causes, solutions or retry advice, so the names are the variants' names
//!   and the others are left out. The "Message" column is the public message, the
//!   "Description" column the doc comment.
//!
//! The document also shows a flat body with no `errors` list, `{"errorCode": 3001, "message":
//! "entity not found"}`, for GET, PUT and PATCH on a missing object. [`FLAT`] declares that
//! shape, and [`documented`] pairs each body with the shape the document shows it in.

use api_error_core::envelope::{Member, Value};
use api_error_core::envelopes::TENNIS_REGISTRY;
use api_error_core::markdown::{Page, summary};
use api_error_core::{
    ApiError, BodyError, Envelope, FieldError, FieldErrors, RequestContext, Shape,
};
use api_error_examples::{print_bodies, print_bodies_with, with_empty_context};

/// The flat body of the document's "API Responses" table: `{"errorCode":3001,"message":".."}`.
pub const FLAT: Shape = Shape::new(&[
    Member::new("errorCode", Value::Code),
    Member::new("message", Value::Message),
]);

/// Errors of the tennis registry API.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(envelope = "tennis_registry")]
pub enum TennisRegistryError {
    /// Error occurred while saving the entity.
    // No status in the document: the save failed on the server's side, so 500.
    #[error("could not save {entity}: {reason}")]
    #[api(
        code = 2006,
        status = INTERNAL_SERVER_ERROR,
        category = "Persistence",
        message = "entity saving error"
    )]
    EntitySaving { entity: String, reason: String },

    /// Error occurred while saving the entity. USPTA number must be unique.
    ///
    /// A sub-code of 2006 (entity saving error).
    // No status in the document: the client sent a number that is taken; the document's status
    // table has no 409, and its 400 is for requests that "cannot be otherwise served".
    #[error("USPTA number {number} is already registered")]
    #[api(
        code = 200601,
        status = BAD_REQUEST,
        category = "Persistence",
        message = "entity saving error: USPTA number must be unique"
    )]
    UsptaNumberNotUnique { number: String },

    /// Error occurred while saving the entity. PTR number must be unique.
    ///
    /// A sub-code of 2006 (entity saving error).
    // No status in the document: as for 200601, a duplicate the client sent, so 400.
    #[error("PTR number {number} is already registered")]
    #[api(
        code = 200602,
        status = BAD_REQUEST,
        category = "Persistence",
        message = "entity saving error: PTR number must be unique"
    )]
    PtrNumberNotUnique { number: String },

    /// Entity was not found.
    #[error("no {entity} {id}")]
    #[api(
        code = 3001,
        status = NOT_FOUND,
        category = "Entity",
        message = "entity not found"
    )]
    EntityNotFound { entity: String, id: String },

    /// Same entity already exists and cannot be created.
    // No status in the document: the document's status table has no 409, so the request
    // "cannot be otherwise served": 400.
    #[error("{entity} {id} already exists")]
    #[api(
        code = 3002,
        status = BAD_REQUEST,
        category = "Entity",
        message = "entity already exists"
    )]
    EntityAlreadyExists { entity: String, id: String },

    /// Authentication token is not valid.
    // No status in the document: "incorrect authentication credentials" is its 401.
    #[error("invalid authentication token")]
    #[api(
        code = 4003,
        status = UNAUTHORIZED,
        category = "Authentication",
        message = "authentication token is invalid"
    )]
    AuthenticationTokenInvalid,

    /// Unknown authentication error occurred.
    // No status in the document: authentication failed, so 401.
    #[error("authentication failed: {reason}")]
    #[api(
        code = 4004,
        status = UNAUTHORIZED,
        category = "Authentication",
        message = "authentication error"
    )]
    Authentication { reason: String },

    /// Authorization token for backend system call is not valid therefore request cannot be
    /// completed.
    // No status in the document: the token is the server's own, for its call to a backend
    // system, so the client cannot fix it: 500.
    #[error("token for backend system {system} is invalid")]
    #[api(
        code = 4005,
        status = INTERNAL_SERVER_ERROR,
        category = "Authentication",
        message = "backend system token is invalid"
    )]
    BackendSystemTokenInvalid { system: String },

    /// Access is denied.
    // No status in the document: "access is not allowed" is its 403.
    #[error("access denied")]
    #[api(
        code = 4006,
        status = FORBIDDEN,
        category = "Authentication",
        message = "access denied"
    )]
    AccessDenied,

    /// Validation error. Additional attributes "subject" and "subjectType" may be present in
    /// response containing additional information (e.g. field name).
    // No status in the document: an invalid request, so 400.
    #[error("request validation failed")]
    #[api(
        code = 5000,
        status = BAD_REQUEST,
        category = "Validation",
        message = "validation error"
    )]
    Validation {
        #[api(details)]
        fields: FieldErrors,
    },

    /// Supplied method arguments either invalid or incomplete.
    // No status in the document: an invalid request, so 400.
    #[error("illegal combination of method arguments")]
    #[api(
        code = 5001,
        status = BAD_REQUEST,
        category = "Validation",
        message = "illegal combination of method arguments"
    )]
    IllegalArgumentCombination,

    /// Entity primary key is empty, request cannot be completed.
    // No status in the document: the request lacks the key, so 400.
    #[error("empty id for {entity}")]
    #[api(
        code = 5002,
        status = BAD_REQUEST,
        category = "Validation",
        message = "entity id is empty"
    )]
    EntityIdEmpty { entity: String },

    /// Unknown entity identifier error.
    // No status in the document: the identifier the request carries is wrong, so 400 (a
    // well-formed id of a missing entity is 3001's 404).
    #[error("unknown identifier {id}")]
    #[api(
        code = 5003,
        status = BAD_REQUEST,
        category = "Validation",
        message = "unknown identifier error"
    )]
    UnknownIdentifier { id: String },

    /// No remaining amount error.
    // No status in the document: the request asks for more than remains, so 400.
    #[error("no remaining amount")]
    #[api(
        code = 5004,
        status = BAD_REQUEST,
        category = "Validation",
        message = "no remaining amount"
    )]
    NoRemainingAmount,

    /// Empty "client org" attribute value.
    // No status in the document: a missing request value, so 400.
    #[error("empty client org")]
    #[api(
        code = 6001,
        status = BAD_REQUEST,
        category = "Client & credentials",
        message = "empty client org"
    )]
    EmptyClientOrg,

    /// Password cannot be empty.
    // No status in the document: a missing request value, so 400.
    #[error("empty password")]
    #[api(
        code = 6002,
        status = BAD_REQUEST,
        category = "Client & credentials",
        message = "empty password"
    )]
    EmptyPassword,

    /// Invalid "client grant type" value error.
    // No status in the document: an invalid request value, so 400.
    #[error("invalid client grant type {grant_type:?}")]
    #[api(
        code = 6003,
        status = BAD_REQUEST,
        category = "Client & credentials",
        message = "invalid client grant type"
    )]
    InvalidClientGrantType { grant_type: String },

    /// Invalid "client profile" value error.
    // No status in the document: an invalid request value, so 400.
    #[error("invalid client profile {profile:?}")]
    #[api(
        code = 6004,
        status = BAD_REQUEST,
        category = "Client & credentials",
        message = "invalid client profile"
    )]
    InvalidClientProfile { profile: String },

    /// Invalid "client scope" value error.
    // No status in the document: an invalid request value, so 400.
    #[error("invalid client scope set {scopes:?}")]
    #[api(
        code = 6005,
        status = BAD_REQUEST,
        category = "Client & credentials",
        message = "invalid client scope set"
    )]
    InvalidClientScopeSet { scopes: String },

    /// New passwords do not match.
    // No status in the document: the two passwords of the request differ, so 400.
    #[error("new passwords do not match")]
    #[api(
        code = 6006,
        status = BAD_REQUEST,
        category = "Client & credentials",
        message = "new password not match"
    )]
    NewPasswordMismatch,

    /// Wrong password.
    // No status in the document: a wrong password given with a request (a password change)
    // is a bad request, not missing credentials; a 401 would send clients to log in again.
    #[error("wrong password")]
    #[api(
        code = 6007,
        status = BAD_REQUEST,
        category = "Client & credentials",
        message = "wrong password"
    )]
    WrongPassword,

    /// Unexpected system error.
    // No status in the document: its 500 is "Unspecified server error".
    #[error("unexpected system error: {reason}")]
    #[api(
        code = 9001,
        status = INTERNAL_SERVER_ERROR,
        category = "System",
        message = "unexpected system error"
    )]
    UnexpectedSystem { reason: String },

    /// HTTP message not readable error.
    // No status in the document: the client sent a body the server cannot read, so 400.
    #[error("HTTP message not readable: {reason}")]
    #[api(
        code = 9002,
        status = BAD_REQUEST,
        category = "System",
        message = "HTTP message not readable error"
    )]
    HttpMessageNotReadable { reason: String },

    /// Error while triggering an email.
    // No status in the document: the mail system failed on the server's side, so 500.
    #[error("could not trigger email {template}: {reason}")]
    #[api(
        code = 9003,
        status = INTERNAL_SERVER_ERROR,
        category = "System",
        message = "mail trigger error"
    )]
    MailTrigger { template: String, reason: String },
}

/// One value of every error body the document shows, in its order, each with the shape the
/// document shows it in: the `errors` list ([`TENNIS_REGISTRY`], the enum's envelope) or the
/// flat object ([`FLAT`]).
pub fn documented() -> Vec<(TennisRegistryError, Shape)> {
    let not_found = || TennisRegistryError::EntityNotFound {
        entity: "member".into(),
        id: "member_1".into(),
    };
    vec![
        // "Error Messages": the general form, then a field validation error.
        (not_found(), TENNIS_REGISTRY),
        (
            TennisRegistryError::Validation {
                fields: FieldErrors::from([
                    // The envelope has no place for a field's own message: each field's item
                    // carries the error's message.
                    FieldError::new("firstName", "validation error").location("parameter"),
                ]),
            },
            TENNIS_REGISTRY,
        ),
        // "API Responses": a GET, then a PUT or PATCH, of an object that does not exist.
        (not_found(), FLAT),
        (not_found(), FLAT),
    ]
}

/// The body of `error` in `shape`.
///
/// # Errors
///
/// When the error's details could not be serialized (never, for this enum's details).
pub fn body(error: &TennisRegistryError, shape: &Shape) -> Result<String, BodyError> {
    let mut out = Vec::new();
    Envelope::write(shape, error, &RequestContext::new(), &mut out)?;
    // The writer produces UTF-8 only.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// The catalog page committed as `docs/errors/tennis_registry.md`: the guide, then the summary tables.
pub fn page() -> String {
    let mut page = Page::new("API Error Codes")
        .overview("API HTTP status codes, error codes and messages. While the text for an error message may change, the codes will stay the same.")
        .render::<TennisRegistryError>();
    page.push('\n');
    page.push_str(&summary::<TennisRegistryError>());
    page
}

/// One value of every error of the table, in its order, built from example field values: what
/// `main` prints after the document's own bodies, so that every code's body is shown.
pub fn every_code() -> Vec<TennisRegistryError> {
    TennisRegistryError::examples()
}

fn main() -> Result<(), BodyError> {
    println!("## The document's bodies\n");
    print_bodies_with(&documented(), body)?;
    println!("## Every code of the table\n");
    print_bodies(&with_empty_context(every_code()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use api_error_examples::assert_catalog;

    use super::*;

    // Every body of the document, in its order, whitespace removed.
    const BODIES: [&str; 4] = [
        r#"{"errors":[{"errorCode":3001,"message":"entity not found"}]}"#,
        r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"}]}"#,
        r#"{"errorCode":3001,"message":"entity not found"}"#,
        r#"{"errorCode":3001,"message":"entity not found"}"#,
    ];

    // (code, status, name) in the document's order. The document gives only codes (and 3001's
    // 404); the statuses are this example's choices and the names are the variants'.
    const CATALOG: [(i64, u16, &str); 24] = [
        (2006, 500, "EntitySaving"),
        (200601, 400, "UsptaNumberNotUnique"),
        (200602, 400, "PtrNumberNotUnique"),
        (3001, 404, "EntityNotFound"),
        (3002, 400, "EntityAlreadyExists"),
        (4003, 401, "AuthenticationTokenInvalid"),
        (4004, 401, "Authentication"),
        (4005, 500, "BackendSystemTokenInvalid"),
        (4006, 403, "AccessDenied"),
        (5000, 400, "Validation"),
        (5001, 400, "IllegalArgumentCombination"),
        (5002, 400, "EntityIdEmpty"),
        (5003, 400, "UnknownIdentifier"),
        (5004, 400, "NoRemainingAmount"),
        (6001, 400, "EmptyClientOrg"),
        (6002, 400, "EmptyPassword"),
        (6003, 400, "InvalidClientGrantType"),
        (6004, 400, "InvalidClientProfile"),
        (6005, 400, "InvalidClientScopeSet"),
        (6006, 400, "NewPasswordMismatch"),
        (6007, 400, "WrongPassword"),
        (9001, 500, "UnexpectedSystem"),
        (9002, 400, "HttpMessageNotReadable"),
        (9003, 500, "MailTrigger"),
    ];

    #[test]
    fn bodies_match_the_document_byte_for_byte() {
        let errors = documented();
        assert_eq!(errors.len(), BODIES.len());
        for ((error, shape), expected) in errors.iter().zip(BODIES) {
            assert_eq!(body(error, shape).unwrap(), expected);
            if *shape == TENNIS_REGISTRY {
                // The enum's own envelope writes the same body.
                assert_eq!(error.to_json_string(&RequestContext::new()), expected);
            }
        }
        assert_eq!(Envelope::content_type(&FLAT), "application/json");
    }

    #[test]
    fn catalog_matches_the_document() {
        assert_catalog(TennisRegistryError::CATALOG, &CATALOG);
        for descriptor in TennisRegistryError::CATALOG {
            let code = descriptor.code();
            assert!(descriptor.message().is_some(), "{code}");
            assert!(!descriptor.description().is_empty(), "{code}");
            assert!(descriptor.category().is_some(), "{code}");
        }
    }

    #[test]
    fn every_code_of_the_table_has_its_body() {
        let errors = every_code();
        let codes: Vec<i64> = errors
            .iter()
            .map(|error| match error.code() {
                api_error_core::Code::Int(code) => code,
                api_error_core::Code::Str(_) => 0,
            })
            .collect();
        let table: Vec<i64> = CATALOG.iter().map(|(code, _, _)| *code).collect();
        assert_eq!(codes, table);
        for error in &errors {
            let body: serde_json::Value =
                serde_json::from_str(&error.to_json_string(&RequestContext::new())).unwrap();
            let item = &body["errors"][0];
            assert_eq!(item["errorCode"], serde_json::json!(error.code()));
            assert_eq!(
                item["message"],
                error.descriptor().message().unwrap_or_default()
            );
        }
    }

    #[test]
    fn sub_codes_name_their_parent() {
        for code in [200601, 200602] {
            let descriptor = TennisRegistryError::CATALOG.get(code).unwrap();
            assert!(
                descriptor
                    .description()
                    .ends_with("A sub-code of 2006 (entity saving error).")
            );
            let parent = TennisRegistryError::CATALOG.get(2006).unwrap();
            assert!(
                descriptor
                    .message()
                    .unwrap()
                    .starts_with(parent.message().unwrap())
            );
        }
    }

    #[test]
    fn every_error_reads_back_in_every_envelope() {
        let errors = TennisRegistryError::examples();
        assert_eq!(
            errors.len(),
            TennisRegistryError::CATALOG.len(),
            "an example of every error"
        );
        api_error_examples::assert_round_trips(&errors);
    }

    #[test]
    fn committed_page_is_current() {
        api_error_examples::assert_committed_page("tennis_registry", &page());
    }

    #[test]
    fn committed_typescript_is_current() {
        let module = api_error_core::typescript::module::<TennisRegistryError>();
        api_error_examples::assert_committed_typescript("tennis_registry", &module);
    }

    #[test]
    fn catalog_is_stable_against_its_snapshot() {
        api_error_examples::assert_stable_catalog("tennis_registry", TennisRegistryError::CATALOG);
    }
}
