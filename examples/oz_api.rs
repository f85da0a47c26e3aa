//! The Oz API's error catalog, declared once: every code, name, message and description of its
//! error-code document, in the document's `{"error_code":..,"error_message":..,"details":..}`
//! envelope.
//!
//! Run with `cargo run --example oz_api`; `cargo test` checks every body against the document.
//!
//! The document is garbled: its general list of error codes (0 to 12) and its "OzCapsula
//! errors" table (3, 4, 5, 13 and 14) are interleaved, and both use 3, 4 and 5, with other
//! meanings. Codes are unique within one type, so the general list is [`OzError`] and the
//! OzCapsula table is a second enum, [`OzCapsulaError`], in the same envelope. Read back into
//! order, the table's rows are:
//!
//! | code | message | description |
//! |---|---|---|
//! | 3 | Invalid structure | Missing payload.json |
//! | 4 | Can't start analysis without media | No media have been added into container |
//! | 5 | Invalid or empty Session Token; Invalid Type | Container is damaged |
//! | 13 | No data container provided | API didn’t receive the container |
//! | 14 | Data container unpacking failed; Invalid Data Container; Invalid signature; Invalid hash | The container appears to be affected by errors and can’t be unpackaged. |
//!
//! Where the document is silent:
//!
//! - It gives two statuses (405 for code 1, 404 for code 10); every other status is chosen, with
//!   the reason in a comment on the variant.
//! - It has no categories. The general list's are derived from its code ranges and names: 0
//!   "Server", 1-2 "Method", 3-5 "Validation" (`INVALID ...`), 6-9 "Authentication"
//!   (`AUTH ...`), 10 "Resource", 11-12 "Server". The OzCapsula errors' category is their
//!   section heading, "OzCapsula".
//! - The general list gives a name and a description per code, but a message only for code 0
//!   (in the sample response), so the others' public messages are their statuses' reason
//!   phrases. The OzCapsula table gives messages but no names, so the names are the variants'.
//! - It has no causes, solutions or retry advice.
//! - Codes 5 and 14 of the OzCapsula table list several messages each; the variant carries
//!   which one applies ([`DamagedContainer`], [`UnpackingFault`]).

use core::fmt;

use api_error_core::markdown::{Page, summary};
use api_error_core::{ApiError, FieldErrors};
use api_error_examples::{print_bodies, with_empty_context};

/// Errors of the Oz API: the document's general list of error codes.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(envelope = "oz")]
pub enum OzError {
    /// Unknown server error.
    // No status in the document: an unknown error on the server's side, so 500. The message
    // is the document's sample response.
    #[error("unknown server error")]
    #[api(
        code = 0,
        status = INTERNAL_SERVER_ERROR,
        name = "UNKNOWN",
        category = "Server",
        message = "Unknown server side error occurred"
    )]
    Unknown,

    /// An unallowed method is called. Usually is followed by the 405 HTTP status of response.
    /// For example, trying to request the PATCH method, while only GET/POST ones are
    /// supported.
    #[error("method {method} is not allowed")]
    #[api(
        code = 1,
        status = METHOD_NOT_ALLOWED,
        name = "NOT ALLOWED",
        category = "Method"
    )]
    NotAllowed { method: String },

    /// The method is documented but is not realized by any temporary or permanent reason.
    // No status in the document: a documented method the server does not implement, so 501.
    #[error("method {method} is documented but not realized")]
    #[api(
        code = 2,
        status = NOT_IMPLEMENTED,
        name = "NOT REALIZED",
        category = "Method"
    )]
    NotRealized { method: String },

    /// Incorrect structure of request. Some required fields missing or a format validation
    /// error occurred.
    // No status in the document: the client's request is malformed, so 400.
    #[error("request structure is invalid")]
    #[api(
        code = 3,
        status = BAD_REQUEST,
        name = "INVALID STRUCTURE",
        category = "Validation"
    )]
    InvalidStructure {
        #[api(details)]
        fields: FieldErrors,
    },

    /// Incorrect value of the parameter inside request body or query.
    // No status in the document: the client's request is invalid, so 400.
    #[error("request has an invalid value")]
    #[api(
        code = 4,
        status = BAD_REQUEST,
        name = "INVALID VALUE",
        category = "Validation"
    )]
    InvalidValue {
        #[api(details)]
        fields: FieldErrors,
    },

    /// The invalid data type of the request parameter.
    // No status in the document: the client's request is invalid, so 400.
    #[error("request parameter has an invalid type")]
    #[api(
        code = 5,
        status = BAD_REQUEST,
        name = "INVALID TYPE",
        category = "Validation"
    )]
    InvalidType {
        #[api(details)]
        fields: FieldErrors,
    },

    /// Access token not specified.
    // No status in the document: no credentials, so 401.
    #[error("no access token")]
    #[api(
        code = 6,
        status = UNAUTHORIZED,
        name = "AUTH NOT PROVIDED",
        category = "Authentication"
    )]
    AuthNotProvided,

    /// The access token does not exist in the database.
    // No status in the document: unknown credentials, so 401.
    #[error("access token not in the database")]
    #[api(
        code = 7,
        status = UNAUTHORIZED,
        name = "AUTH INVALID",
        category = "Authentication"
    )]
    AuthInvalid,

    /// Auth token is expired.
    // No status in the document: expired credentials, so 401.
    #[error("access token expired")]
    #[api(
        code = 8,
        status = UNAUTHORIZED,
        name = "AUTH EXPIRED",
        category = "Authentication"
    )]
    AuthExpired,

    /// Access denied for the current user.
    // No status in the document: valid credentials without the right, so 403.
    #[error("access denied for user {user}")]
    #[api(
        code = 9,
        status = FORBIDDEN,
        name = "AUTH FORBIDDEN",
        category = "Authentication"
    )]
    AuthForbidden { user: String },

    /// the requested resource is not found (alternative of HTTP status_code = 404).
    #[error("no {resource} {id}")]
    #[api(
        code = 10,
        status = NOT_FOUND,
        name = "NOT EXIST",
        category = "Resource"
    )]
    NotExist { resource: String, id: String },

    /// Error in the external information system.
    // No status in the document: a system upstream of the server failed, so 502.
    #[error("external service {service} failed: {reason}")]
    #[api(
        code = 11,
        status = BAD_GATEWAY,
        name = "EXTERNAL SERVICE",
        category = "Server"
    )]
    ExternalService { service: String, reason: String },

    /// Critical database error on the server host.
    // No status in the document: a failure on the server's side, so 500.
    #[error("database error: {reason}")]
    #[api(
        code = 12,
        status = INTERNAL_SERVER_ERROR,
        name = "DATABASE",
        category = "Server"
    )]
    Database { reason: String },
}

/// Errors of the Oz API's OzCapsula data containers: the document's "OzCapsula errors" table.
///
/// Its codes 3, 4 and 5 overlap [`OzError`]'s, so it is a type of its own.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(envelope = "oz")]
pub enum OzCapsulaError {
    /// Missing payload.json
    // No status in the document: the client's container is incomplete, so 400 (its 4XX are
    // "client-side data issues").
    #[error("container has no payload.json")]
    #[api(
        code = 3,
        status = BAD_REQUEST,
        category = "OzCapsula",
        message = "Invalid structure"
    )]
    MissingPayload,

    /// No media have been added into container
    // No status in the document: a client-side data issue, so 400.
    #[error("container {container} has no media")]
    #[api(
        code = 4,
        status = BAD_REQUEST,
        category = "OzCapsula",
        message = "Can't start analysis without media"
    )]
    NoMedia { container: String },

    /// Container is damaged
    // No status in the document: a client-side data issue, so 400; "Invalid or empty Session
    // Token" reads like a 401, but the row's description is a damaged container.
    #[error("container is damaged: {fault:?}")]
    #[api(code = 5, status = BAD_REQUEST, category = "OzCapsula", message = "{fault}")]
    ContainerDamaged { fault: DamagedContainer },

    /// API didn’t receive the container
    // No status in the document: a client-side data issue, so 400.
    #[error("no data container in the request")]
    #[api(
        code = 13,
        status = BAD_REQUEST,
        category = "OzCapsula",
        message = "No data container provided"
    )]
    NoContainer,

    /// The container appears to be affected by errors and can’t be unpackaged.
    // No status in the document: a client-side data issue, so 400.
    #[error("container cannot be unpacked: {fault:?}")]
    #[api(code = 14, status = BAD_REQUEST, category = "OzCapsula", message = "{fault}")]
    UnpackingFailed { fault: UnpackingFault },
}

/// Which of code 5's documented messages applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DamagedContainer {
    /// "Invalid or empty Session Token"
    SessionToken,
    /// "Invalid Type"
    Type,
}

impl DamagedContainer {
    /// Every case, in the document's order.
    pub const ALL: [Self; 2] = [Self::SessionToken, Self::Type];
}

impl fmt::Display for DamagedContainer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::SessionToken => "Invalid or empty Session Token",
            Self::Type => "Invalid Type",
        })
    }
}

/// Which of code 14's documented messages applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnpackingFault {
    /// "Data container unpacking failed"
    Unpacking,
    /// "Invalid Data Container"
    Container,
    /// "Invalid signature"
    Signature,
    /// "Invalid hash"
    Hash,
}

impl UnpackingFault {
    /// Every case, in the document's order.
    pub const ALL: [Self; 4] = [
        Self::Unpacking,
        Self::Container,
        Self::Signature,
        Self::Hash,
    ];
}

impl fmt::Display for UnpackingFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Unpacking => "Data container unpacking failed",
            Self::Container => "Invalid Data Container",
            Self::Signature => "Invalid signature",
            Self::Hash => "Invalid hash",
        })
    }
}

/// One value of every error body the document shows, in its order: its one sample response.
pub fn documented() -> Vec<OzError> {
    vec![OzError::Unknown]
}

/// The catalog page committed as `docs/errors/oz_api.md`: the guide, then the summary tables.
pub fn page() -> String {
    let mut page = Page::new("API Error Codes")
        .overview("Each response error includes HTTP code and JSON data with error description.")
        .render::<OzError>();
    page.push('\n');
    page.push_str(&Page::new("OzCapsula Errors").render::<OzCapsulaError>());
    page.push('\n');
    page.push_str(&summary::<OzError>());
    page
}

fn main() {
    print_bodies(&with_empty_context(documented()));
}

#[cfg(test)]
mod tests {
    use api_error_core::{FieldError, RequestContext};
    use api_error_examples::{assert_catalog, assert_json_bodies};

    use super::*;

    // Every body of the document, in its order, whitespace removed.
    const BODIES: [&str; 1] =
        [r#"{"error_code":0,"error_message":"Unknown server side error occurred","details":null}"#];

    // (code, status, name) of the general list, in the document's order. The document gives
    // the statuses of 1 and 10 only; the others are this example's choices.
    const CATALOG: [(i64, u16, &str); 13] = [
        (0, 500, "UNKNOWN"),
        (1, 405, "NOT ALLOWED"),
        (2, 501, "NOT REALIZED"),
        (3, 400, "INVALID STRUCTURE"),
        (4, 400, "INVALID VALUE"),
        (5, 400, "INVALID TYPE"),
        (6, 401, "AUTH NOT PROVIDED"),
        (7, 401, "AUTH INVALID"),
        (8, 401, "AUTH EXPIRED"),
        (9, 403, "AUTH FORBIDDEN"),
        (10, 404, "NOT EXIST"),
        (11, 502, "EXTERNAL SERVICE"),
        (12, 500, "DATABASE"),
    ];

    // (code, status, name) of the OzCapsula table, in its order. The document gives no
    // statuses or names; these are this example's choices and the variants' names.
    const CAPSULA_CATALOG: [(i64, u16, &str); 5] = [
        (3, 400, "MissingPayload"),
        (4, 400, "NoMedia"),
        (5, 400, "ContainerDamaged"),
        (13, 400, "NoContainer"),
        (14, 400, "UnpackingFailed"),
    ];

    #[test]
    fn bodies_match_the_document_byte_for_byte() {
        assert_json_bodies(&with_empty_context(documented()), &BODIES);
    }

    #[test]
    fn catalog_matches_the_document() {
        assert_catalog(OzError::CATALOG, &CATALOG);
        for descriptor in OzError::CATALOG {
            let code = descriptor.code();
            assert!(!descriptor.description().is_empty(), "{code}");
            assert!(descriptor.category().is_some(), "{code}");
        }
    }

    #[test]
    fn capsula_catalog_matches_the_document() {
        assert_catalog(OzCapsulaError::CATALOG, &CAPSULA_CATALOG);
        for descriptor in OzCapsulaError::CATALOG {
            let code = descriptor.code();
            assert!(descriptor.message().is_some(), "{code}");
            assert!(!descriptor.description().is_empty(), "{code}");
            assert_eq!(descriptor.category(), Some("OzCapsula"), "{code}");
        }
    }

    #[test]
    fn capsula_codes_with_several_messages() {
        let messages: Vec<String> = DamagedContainer::ALL
            .into_iter()
            .map(|fault| {
                OzCapsulaError::ContainerDamaged { fault }
                    .message()
                    .to_string()
            })
            .collect();
        assert_eq!(messages, ["Invalid or empty Session Token", "Invalid Type"]);
        let messages: Vec<String> = UnpackingFault::ALL
            .into_iter()
            .map(|fault| {
                OzCapsulaError::UnpackingFailed { fault }
                    .message()
                    .to_string()
            })
            .collect();
        assert_eq!(
            messages,
            [
                "Data container unpacking failed",
                "Invalid Data Container",
                "Invalid signature",
                "Invalid hash"
            ]
        );
        let error = OzCapsulaError::UnpackingFailed {
            fault: UnpackingFault::Signature,
        };
        assert_eq!(
            error.to_json_string(&RequestContext::new()),
            r#"{"error_code":14,"error_message":"Invalid signature","details":null}"#
        );
    }

    #[test]
    fn validation_errors_fill_the_details() {
        let error = OzError::InvalidValue {
            fields: FieldErrors::from([FieldError::new("limit", "must be positive")]),
        };
        assert_eq!(
            error.to_json_string(&RequestContext::new()),
            r#"{"error_code":4,"error_message":"Bad Request","details":[{"field":"limit","message":"must be positive"}]}"#
        );
    }

    #[test]
    fn every_error_reads_back_in_every_envelope() {
        let errors = OzError::examples();
        assert_eq!(
            errors.len(),
            OzError::CATALOG.len(),
            "an example of every error"
        );
        api_error_examples::assert_round_trips(&errors);
    }

    #[test]
    fn committed_page_is_current() {
        api_error_examples::assert_committed_page("oz_api", &page());
    }

    #[test]
    fn committed_typescript_is_current() {
        let module = api_error_core::typescript::module::<OzError>();
        api_error_examples::assert_committed_typescript("oz_api", &module);
    }

    #[test]
    fn catalog_is_stable_against_its_snapshot() {
        api_error_examples::assert_stable_catalog("oz_api", OzError::CATALOG);
        api_error_examples::assert_stable_catalog("oz_api_capsula", OzCapsulaError::CATALOG);
    }
}
