//! `#[api(transparent)]`: a variant that is the error it wraps in everything but the envelope
//! its body is written in, beside thiserror's `#[error(transparent)]` and `#[from]`, nested
//! three deep, and over type parameters.

use std::error::Error as _;

use api_error_core::{ApiError, Code, Details, FieldError, FieldErrors, RequestContext};

/// The auth module's errors, in the face envelope.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(
    envelope = "face",
    prefix = "AUTH_",
    code_case = "SCREAMING_SNAKE_CASE"
)]
pub enum AuthError {
    /// The session token has expired.
    #[error("token of {user} expired")]
    #[api(
        status = 401,
        message = "Token expired.",
        www_authenticate = "Bearer",
        retryable = "after re-auth",
        category = "Authentication"
    )]
    TokenExpired { user: String },
    #[error("user {0} lacks permission {1}")]
    #[api(status = 403, message = "user {0} may not {1}")]
    Forbidden(String, &'static str),
    #[error("too many logins")]
    #[api(status = 429, header("x-limit", "logins"))]
    RateLimited {
        #[api(retry_after)]
        seconds: u64,
    },
    #[error("invalid login form")]
    #[api(status = 422, message = "Invalid login.")]
    InvalidLogin {
        #[api(details)]
        fields: FieldErrors,
    },
    #[error("directory said: {0}")]
    #[api(status = 502, expose)]
    Directory(String),
}

/// The handler's errors, in the default problem+json envelope, wrapping the auth module's.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(
    code_case = "SCREAMING_SNAKE_CASE",
    header("cache-control", "no-store")
)]
pub enum HandlerError {
    #[error("no route")]
    #[api(status = 404)]
    NotFound,
    #[error(transparent)]
    #[api(transparent)]
    Auth(#[from] AuthError),
    #[error("conflict on {0}")]
    #[api(status = 409, message = "conflict on item {0}")]
    Conflict(u32),
}

/// One value of each auth error.
fn auth_errors() -> Vec<AuthError> {
    vec![
        AuthError::TokenExpired { user: "ada".into() },
        AuthError::Forbidden("bob".into(), "delete"),
        AuthError::RateLimited { seconds: 30 },
        AuthError::InvalidLogin {
            fields: FieldErrors::from([FieldError::new("password", "is required")]),
        },
        AuthError::Directory("ldap timeout".into()),
    ]
}

fn details_json(details: Option<&dyn Details>) -> Option<String> {
    details.map(|details| {
        let mut out = Vec::new();
        details.write_json(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    })
}

fn headers(error: &impl ApiError) -> Vec<String> {
    error
        .headers()
        .map(|(name, value)| format!("{name}: {value}"))
        .collect()
}

#[test]
fn every_method_answers_as_the_wrapped_error() {
    let context = RequestContext::new().request_id("req_1");
    for (inner, wrapped) in auth_errors().into_iter().zip(auth_errors()) {
        let outer = HandlerError::from(wrapped);
        let what = inner.code().to_string();
        assert_eq!(outer.descriptor(), inner.descriptor(), "{what}");
        assert_eq!(outer.status(), inner.status(), "{what}");
        assert_eq!(outer.code(), inner.code(), "{what}");
        assert_eq!(outer.name(), inner.name(), "{what}");
        assert_eq!(
            outer.message().to_string(),
            inner.message().to_string(),
            "{what}"
        );
        assert_eq!(outer.static_message(), inner.static_message(), "{what}");
        assert_eq!(outer.message().as_static(), inner.message().as_static());
        let (mut from_outer, mut from_inner) = (String::new(), String::new());
        outer.write_message(&mut from_outer).unwrap();
        inner.write_message(&mut from_inner).unwrap();
        assert_eq!(from_outer, from_inner, "{what}");
        assert_eq!(
            details_json(outer.details()),
            details_json(inner.details()),
            "{what}"
        );
        // The wrapped error's headers, not the handler's own `cache-control`.
        assert_eq!(headers(&outer), headers(&inner), "{what}");
        // thiserror's transparent Display and source.
        assert_eq!(outer.to_string(), inner.to_string(), "{what}");
        assert!(outer.source().is_none() && inner.source().is_none());

        // The handler's envelope: its content type, and its shape around the wrapped facts.
        assert_eq!(outer.content_type(), "application/problem+json");
        assert_eq!(inner.content_type(), "application/json");
        let body: serde_json::Value = serde_json::from_slice(&outer.to_json(&context)).unwrap();
        assert_eq!(body["code"], what);
        assert_eq!(body["status"], inner.status().as_u16());
        assert_eq!(body["detail"], inner.message().to_string());
        let own: serde_json::Value = serde_json::from_slice(&inner.to_json(&context)).unwrap();
        assert_eq!(own["success"], false, "{what}");

        let response = outer.to_response(&context);
        assert_eq!(response.status(), inner.status());
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        assert!(response.headers().get("cache-control").is_none());
        assert_eq!(response.body(), &outer.to_json(&context));
    }
}

#[test]
fn bodies_are_the_outer_envelope_with_the_wrapped_facts() {
    let context = RequestContext::new().instance("/login");
    let forbidden = HandlerError::Auth(AuthError::Forbidden("bob".into(), "delete"));
    assert_eq!(
        forbidden.to_json_string(&context),
        r#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"user bob may not delete","instance":"/login","code":"AUTH_FORBIDDEN"}"#
    );
    // Field errors in the handler's native form, RFC 9457's `errors`.
    let invalid = HandlerError::Auth(AuthError::InvalidLogin {
        fields: FieldErrors::from([FieldError::new("password", "is required")]),
    });
    assert_eq!(
        invalid.to_json_string(&RequestContext::new()),
        r##"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"Invalid login.","code":"AUTH_INVALID_LOGIN","errors":[{"detail":"is required","pointer":"#/password"}]}"##
    );
    // The wrapped type's own bodies stay in its own envelope.
    assert_eq!(
        AuthError::Forbidden("bob".into(), "delete").to_json_string(&context),
        r#"{"success":false,"error":{"code":"AUTH_FORBIDDEN","message":"user bob may not delete"}}"#
    );
    let response =
        HandlerError::Auth(AuthError::TokenExpired { user: "ada".into() }).to_response(&context);
    assert_eq!(response.status(), 401);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    let limited = HandlerError::Auth(AuthError::RateLimited { seconds: 30 }).to_response(&context);
    assert_eq!(limited.headers()["retry-after"], "30");
    assert_eq!(limited.headers()["x-limit"], "logins");
    // The handler's own variants keep the handler's header.
    let missing = HandlerError::NotFound.to_response(&context);
    assert_eq!(missing.headers()["cache-control"], "no-store");
}

#[test]
fn each_error_keeps_its_own_plan_whatever_its_place_in_its_own_type() {
    // `NotFound` and `TokenExpired` are both first in their own catalogs, `Conflict` and
    // `Forbidden` second: the plans of each are kept apart.
    let context = RequestContext::new();
    let cases = [
        (
            HandlerError::NotFound,
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found","code":"NOT_FOUND"}"#,
        ),
        (
            HandlerError::Auth(AuthError::TokenExpired { user: "ada".into() }),
            r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Token expired.","code":"AUTH_TOKEN_EXPIRED"}"#,
        ),
        (
            HandlerError::Conflict(7),
            r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"conflict on item 7","code":"CONFLICT"}"#,
        ),
        (
            HandlerError::Auth(AuthError::Forbidden("bob".into(), "read")),
            r#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"user bob may not read","code":"AUTH_FORBIDDEN"}"#,
        ),
    ];
    for _ in 0..3 {
        for (error, expected) in &cases {
            assert_eq!(error.to_json_string(&context), *expected);
        }
    }
}

#[test]
fn examples_include_the_wrapped_examples_in_declaration_order() {
    let codes: Vec<String> = HandlerError::examples()
        .iter()
        .map(|example| example.code().to_string())
        .collect();
    // `Forbidden` holds a `&'static str`, which has no example value.
    assert_eq!(
        codes,
        [
            "NOT_FOUND",
            "AUTH_TOKEN_EXPIRED",
            "AUTH_RATE_LIMITED",
            "AUTH_INVALID_LOGIN",
            "AUTH_DIRECTORY",
            "CONFLICT"
        ]
    );
}

/// `?` converts a module error into the handler's, as thiserror's `#[from]` says.
fn login(password: &str) -> Result<(), HandlerError> {
    if password.is_empty() {
        Err(AuthError::InvalidLogin {
            fields: FieldErrors::from([FieldError::new("password", "is required")]),
        })?;
    }
    Ok(())
}

#[test]
fn from_and_question_mark_wrap_the_module_error() {
    let error = login("").unwrap_err();
    assert!(matches!(
        error,
        HandlerError::Auth(AuthError::InvalidLogin { .. })
    ));
    assert_eq!(error.code(), "AUTH_INVALID_LOGIN");
    assert_eq!(error.status(), 422);
}

// ---------------------------------------------------------------------------------------------
// Three levels: a disk module inside a storage module inside the API's errors.

#[derive(Debug, ApiError)]
#[api(
    envelope = "petnow",
    prefix = "STORE_DISK_",
    code_case = "SCREAMING_SNAKE_CASE"
)]
pub enum DiskError {
    #[api(status = 507)]
    Full,
    #[api(status = 503, message = "disk {0} is offline")]
    Offline(u8),
}

#[derive(Debug, ApiError)]
#[api(
    envelope = "incident",
    prefix = "STORE_",
    code_case = "SCREAMING_SNAKE_CASE"
)]
pub enum StorageError {
    #[api(status = 500, message = "data corrupted")]
    Corrupted,
    #[api(transparent)]
    Disk(DiskError),
}

#[derive(Debug, ApiError)]
#[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]
pub enum ApiFacade {
    #[api(transparent)]
    Storage(StorageError),
    #[api(status = 400, message = "bad request")]
    BadRequest,
}

#[test]
fn three_levels_deep() {
    let offline = ApiFacade::Storage(StorageError::Disk(DiskError::Offline(3)));
    assert_eq!(offline.code(), Code::Str("STORE_DISK_OFFLINE"));
    assert_eq!(offline.status(), 503);
    assert_eq!(offline.message().to_string(), "disk 3 is offline");
    assert_eq!(offline.descriptor().variant(), "Offline");
    let codes: Vec<String> = ApiFacade::CATALOG
        .iter()
        .map(|error| error.code().to_string())
        .collect();
    assert_eq!(
        codes,
        [
            "BAD_REQUEST",
            "STORE_CORRUPTED",
            "STORE_DISK_FULL",
            "STORE_DISK_OFFLINE"
        ]
    );
    // Every body in the face envelope, each from its own plan however often they alternate.
    let context = RequestContext::new().request_id("req_9");
    let cases = [
        (
            offline,
            r#"{"success":false,"error":{"code":"STORE_DISK_OFFLINE","message":"disk 3 is offline"},"request_id":"req_9"}"#,
        ),
        (
            ApiFacade::BadRequest,
            r#"{"success":false,"error":{"code":"BAD_REQUEST","message":"bad request"},"request_id":"req_9"}"#,
        ),
        (
            ApiFacade::Storage(StorageError::Corrupted),
            r#"{"success":false,"error":{"code":"STORE_CORRUPTED","message":"data corrupted"},"request_id":"req_9"}"#,
        ),
        (
            ApiFacade::Storage(StorageError::Disk(DiskError::Full)),
            r#"{"success":false,"error":{"code":"STORE_DISK_FULL","message":"Insufficient Storage"},"request_id":"req_9"}"#,
        ),
    ];
    for _ in 0..3 {
        for (error, expected) in &cases {
            assert_eq!(error.to_json_string(&context), *expected);
        }
    }
    // The middle level writes the same errors in its own envelope.
    assert_eq!(
        StorageError::Disk(DiskError::Full).to_json_string(&context),
        r#"{"code":"STORE_DISK_FULL","message":"Insufficient Storage","request_id":"req_9"}"#
    );
}

/// A struct can be transparent too: a newtype over a module's errors, in its own envelope.
#[derive(Debug, ApiError)]
#[api(transparent, envelope = "incident")]
pub struct Public(DiskError);

#[test]
fn a_transparent_struct() {
    let error = Public(DiskError::Offline(1));
    assert_eq!(error.code(), "STORE_DISK_OFFLINE");
    assert_eq!(
        error.to_json_string(&RequestContext::new()),
        r#"{"code":"STORE_DISK_OFFLINE","message":"disk 1 is offline"}"#
    );
    assert_eq!(Public::CATALOG.descriptors().len(), 0);
    assert_eq!(Public::CATALOG.len(), 2);
}

/// A storage module that marks its fixed 500.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", prefix = "STORE_")]
pub enum StoreError {
    #[error("disk {0} failed")]
    #[api(status = 500, message = "Storage failed.", internal)]
    DiskFailed(String),
}

/// A handler error that marks none and wraps the storage module.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", prefix = "STORE_")]
pub enum ServiceError {
    #[error("gone")]
    #[api(status = 410)]
    Gone,
    #[error(transparent)]
    #[api(transparent)]
    Store(#[from] StoreError),
}

#[test]
fn the_fixed_500_of_a_wrapped_type_stands_in_for_a_type_that_marks_none() {
    assert_eq!(
        ServiceError::internal_descriptor().code(),
        Code::Str("STORE_DISK_FAILED")
    );
    let response = ServiceError::internal_response(&RequestContext::new());
    assert_eq!(response.status(), 500);
    let body = String::from_utf8(response.into_body()).unwrap_or_default();
    assert!(body.contains(r#""code":"STORE_DISK_FAILED""#), "{body}");
    assert!(body.contains("Storage failed."), "{body}");
    // A type that wraps nothing that is marked keeps the generic one.
    assert_eq!(
        HandlerError::internal_descriptor().code(),
        Code::Str("INTERNAL_SERVER_ERROR")
    );
}

mod roles {
    use api_error_core::envelope::{Member, Value};
    use api_error_core::{ApiError, RequestContext, Shape};

    /// Extension members at the root, and a documentation link per error.
    pub const SHAPE: Shape = Shape::new(&[
        Member::new("code", Value::Code),
        Member::new("doc", Value::Attr("doc")).required(),
        Member::flatten(Value::Members),
    ]);

    /// A module whose errors carry members and a header from a field.
    #[derive(Debug, ApiError)]
    #[api(envelope = SHAPE, code_case = "snake_case", attr(doc = "https://docs.example.com/{code}"))]
    pub enum QuotaError {
        #[api(status = 429)]
        Exceeded {
            #[api(member)]
            limit: u32,
            #[api(member = "window")]
            period: &'static str,
            #[api(header = "x-ratelimit-remaining")]
            remaining: u32,
        },
    }

    /// The handlers' error: the module's errors in the same shape.
    #[derive(Debug, ApiError)]
    #[api(envelope = SHAPE, code_case = "snake_case", attr(doc = "https://docs.example.com/{code}"))]
    pub enum HandlerError {
        #[api(status = 404)]
        Missing,
        #[api(transparent)]
        Quota(QuotaError),
    }

    #[test]
    fn members_and_header_fields_of_a_wrapped_error_are_written() {
        let error = HandlerError::Quota(QuotaError::Exceeded {
            limit: 100,
            period: "1h",
            remaining: 0,
        });
        assert_eq!(
            error.to_json_string(&RequestContext::new()),
            r#"{"code":"exceeded","doc":"https://docs.example.com/exceeded","limit":100,"window":"1h"}"#
        );
        let headers: Vec<String> = error
            .headers()
            .map(|(name, value)| format!("{name}: {value}"))
            .collect();
        assert_eq!(headers, ["x-ratelimit-remaining: 0"]);
        assert_eq!(
            HandlerError::Missing.to_json_string(&RequestContext::new()),
            r#"{"code":"missing","doc":"https://docs.example.com/missing"}"#
        );
    }
}

/// The examples of a type's own variants, which the derive makes grouped by the field types
/// they need, come back in declaration order around those of the types it wraps, which keep
/// their place and their own order.
mod example_order {
    use api_error_core::ApiError;

    #[derive(Debug, ApiError)]
    #[api(code_case = "snake_case", status = 400)]
    pub enum Lookup {
        First,
        #[api(message = "second {0}")]
        Second(u32),
        Third,
    }

    #[derive(Debug, ApiError)]
    #[api(code_case = "snake_case", status = 409)]
    pub enum Storage {
        #[api(message = "locked by {0}")]
        Locked(String),
        Full,
    }

    #[derive(Debug, ApiError)]
    #[api(code_case = "snake_case", status = 400)]
    pub enum Handler {
        #[api(message = "count {0}")]
        Count(u32),
        Plain,
        #[api(message = "name {0}")]
        Name(String),
        #[api(message = "other {0}")]
        Other(u32),
        #[api(transparent)]
        Lookup(Lookup),
        #[api(transparent)]
        Storage(Storage),
        Later,
        #[api(message = "size {0}")]
        Size(u32),
        Tail,
    }

    fn codes<E: ApiError>() -> Vec<String> {
        E::examples()
            .iter()
            .map(|example| example.code().to_string())
            .collect()
    }

    #[test]
    fn own_and_wrapped_examples_are_in_declaration_order() {
        assert_eq!(codes::<Lookup>(), ["first", "second", "third"]);
        assert_eq!(
            codes::<Handler>(),
            [
                "count", "plain", "name", "other", "first", "second", "third", "locked", "full",
                "later", "size", "tail"
            ]
        );
    }
}
