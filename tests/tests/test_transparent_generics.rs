//! `#[api(transparent)]` over type parameters: a wrapped parameter gets its bound, the catalog of
//! each instance is checked and merged, and types wrapping an instance keep plans for every
//! error of it.

use api_error_core::{ApiError, FieldErrors, RequestContext};

/// A module's errors: five of them, the first two with fixed and interpolated messages, one
/// with headers.
#[derive(Debug, ApiError)]
#[api(
    envelope = "face",
    prefix = "AUTH_",
    code_case = "SCREAMING_SNAKE_CASE"
)]
pub enum AuthError {
    #[api(status = 401, message = "Token expired.")]
    TokenExpired { user: String },
    #[api(status = 403, message = "user {0} may not {1}")]
    Forbidden(String, &'static str),
    #[api(status = 429, header("x-limit", "logins"))]
    RateLimited {
        #[api(retry_after)]
        seconds: u64,
    },
    #[api(status = 422, message = "Invalid login.")]
    InvalidLogin {
        #[api(details)]
        fields: FieldErrors,
    },
    #[api(status = 502)]
    Directory(String),
}

/// Another module's errors.
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

fn headers(error: &impl ApiError) -> Vec<String> {
    error
        .headers()
        .map(|(name, value)| format!("{name}: {value}"))
        .collect()
}

/// Any module's errors behind one more of the handler's own.
#[derive(Debug, ApiError)]
#[api(
    envelope = "incident",
    code_case = "SCREAMING_SNAKE_CASE",
    status = 400
)]
pub enum Wrapped<E> {
    Malformed,
    #[api(transparent)]
    Inner(E),
}

#[test]
fn a_type_parameter_is_wrapped() {
    let context = RequestContext::new();
    let offline: Wrapped<DiskError> = Wrapped::Inner(DiskError::Offline(2));
    let malformed: Wrapped<DiskError> = Wrapped::Malformed;
    for _ in 0..3 {
        assert_eq!(
            offline.to_json_string(&context),
            r#"{"code":"STORE_DISK_OFFLINE","message":"disk 2 is offline"}"#
        );
        assert_eq!(
            malformed.to_json_string(&context),
            r#"{"code":"MALFORMED","message":"Bad Request"}"#
        );
    }
    assert_eq!(offline.status(), 503);
    let codes: Vec<String> = Wrapped::<DiskError>::CATALOG
        .iter()
        .map(|error| error.code().to_string())
        .collect();
    assert_eq!(
        codes,
        ["MALFORMED", "STORE_DISK_FULL", "STORE_DISK_OFFLINE"]
    );
    // Another instance, another catalog.
    let auth: Wrapped<AuthError> = Wrapped::Inner(AuthError::RateLimited { seconds: 5 });
    assert_eq!(headers(&auth), ["x-limit: logins", "retry-after: 5"]);
    assert_eq!(Wrapped::<AuthError>::CATALOG.len(), 6);
    assert_eq!(Wrapped::<AuthError>::examples().len(), 5);
}

/// An instance of a type with parameters, wrapped by a type without: its catalog is known.
#[derive(Debug, ApiError)]
#[api(envelope = "oz")]
pub enum Concrete {
    #[api(transparent)]
    Disk(Wrapped<DiskError>),
    #[api(code = "GONE", status = 410, message = "gone")]
    Gone,
}

/// A lifetime on the outer type: the catalog is checked for each instance.
#[derive(Debug, ApiError)]
#[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE")]
pub enum Borrowed<'a> {
    #[api(status = 400, message = "bad field {0}")]
    BadField(&'a str),
    #[api(transparent)]
    Disk(DiskError),
}

#[test]
fn wrapped_instances_and_lifetimes() {
    let context = RequestContext::new();
    let inner = Concrete::Disk(Wrapped::Inner(DiskError::Full));
    assert_eq!(
        inner.to_json_string(&context),
        r#"{"error_code":"STORE_DISK_FULL","error_message":"Insufficient Storage","details":null}"#
    );
    assert_eq!(
        Concrete::Gone.to_json_string(&context),
        r#"{"error_code":"GONE","error_message":"gone","details":null}"#
    );
    assert_eq!(Concrete::CATALOG.len(), 4);
    let field = String::from("name");
    let bad = Borrowed::BadField(&field);
    assert_eq!(
        bad.to_json_string(&context),
        r#"{"code":"BAD_FIELD","message":"bad field name"}"#
    );
    let full = Borrowed::Disk(DiskError::Full);
    assert_eq!(
        full.to_json_string(&context),
        r#"{"code":"STORE_DISK_FULL","message":"Insufficient Storage"}"#
    );
}

/// A parameter between an own error and a concrete module.
#[derive(Debug, ApiError)]
#[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE")]
pub enum Layered<E> {
    #[api(status = 400, message = "layered")]
    Own,
    #[api(transparent)]
    Inner(E),
    #[api(transparent)]
    Disk(DiskError),
}

/// An instance of it, wrapped by a type without parameters: its plans cover the whole tree.
#[derive(Debug, ApiError)]
#[api(envelope = "oz")]
pub enum Outermost {
    #[api(code = "FIRST", status = 418, message = "first")]
    First,
    #[api(transparent)]
    Layered(Layered<AuthError>),
}

fn outermost_errors() -> Vec<(Outermost, &'static str)> {
    vec![
        (
            Outermost::First,
            r#"{"error_code":"FIRST","error_message":"first","details":null}"#,
        ),
        (
            Outermost::Layered(Layered::Own),
            r#"{"error_code":"OWN","error_message":"layered","details":null}"#,
        ),
        (
            Outermost::Layered(Layered::Inner(AuthError::TokenExpired {
                user: "ada".into(),
            })),
            r#"{"error_code":"AUTH_TOKEN_EXPIRED","error_message":"Token expired.","details":null}"#,
        ),
        (
            Outermost::Layered(Layered::Inner(AuthError::Forbidden("bob".into(), "read"))),
            r#"{"error_code":"AUTH_FORBIDDEN","error_message":"user bob may not read","details":null}"#,
        ),
        (
            Outermost::Layered(Layered::Disk(DiskError::Full)),
            r#"{"error_code":"STORE_DISK_FULL","error_message":"Insufficient Storage","details":null}"#,
        ),
        (
            Outermost::Layered(Layered::Disk(DiskError::Offline(4))),
            r#"{"error_code":"STORE_DISK_OFFLINE","error_message":"disk 4 is offline","details":null}"#,
        ),
    ]
}

#[test]
fn every_error_of_a_tree_has_a_place_of_its_own() {
    let errors = outermost_errors();
    let places: Vec<usize> = errors.iter().map(|(error, _)| error.place()).collect();
    // First, then Layered's own, the five auth errors, the two disk errors: nine places.
    assert_eq!(places, [0, 1, 2, 3, 7, 8]);
    assert_eq!(Outermost::CATALOG.places(), 9);
    let context = RequestContext::new();
    for _ in 0..3 {
        for (error, expected) in &errors {
            assert_eq!(error.to_json_string(&context), *expected);
        }
    }
    // The generic type on its own: the same places, and the same bytes in its own envelope.
    let layered: Layered<AuthError> = Layered::Disk(DiskError::Offline(4));
    assert_eq!(layered.place(), 7);
    for _ in 0..2 {
        assert_eq!(
            layered.to_json_string(&context),
            r#"{"code":"STORE_DISK_OFFLINE","message":"disk 4 is offline"}"#
        );
    }
}
