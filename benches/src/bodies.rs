//! Error bodies in every built-in envelope and in a declared [`Shape`], each written by the
//! derive and by a hand-written `#[derive(Serialize)]` struct that gives the same bytes.
//!
//! Both sides write into a reused `Vec<u8>`, cleared before each body. The hand-written side is
//! what a careful person writes without the derive: one struct per envelope, string literals
//! for the code and the message (where the derive copies JSON prepared at compile time), the
//! request context and the field errors as inputs, and no intermediate `String` or `Vec` (an
//! interpolated message goes through `format_args!`, field errors are mapped while they are
//! serialized).
//!
//! Every figure first checks that both sides write exactly the body it names.

use std::fmt;
use std::hint::black_box;

use api_error_core::envelope::{Constant, Member, Value};
use api_error_core::{ApiError, DetailsForm, FieldError, FieldErrors, RequestContext, Shape};
use serde::{Serialize, Serializer};

use crate::Compare;

const REQUEST_ID: &str = "req_01j8";
const TIMESTAMP: &str = "2024-01-15T11:22:33Z";
const INCIDENT_ID: &str = "550e8400-e29b-41d4-a716-446655440000";

/// Every figure, envelope by envelope.
///
/// # Panics
///
/// When the derive and the hand-written struct do not both write the expected body.
pub fn cases(run: &mut impl Compare) {
    problem(run);
    petnow(run);
    tennis_registry(run);
    oz(run);
    face(run);
    incident(run);
    declared(run);
    crate::extensions::cases(run);
}

/// A field error as hand-written code holds it: the same facts as a [`FieldError`].
#[derive(Clone, Copy)]
pub(crate) struct Invalid {
    pub(crate) field: &'static str,
    pub(crate) message: &'static str,
    pub(crate) code: Option<&'static str>,
    pub(crate) location: Option<&'static str>,
}

impl Invalid {
    const fn new(field: &'static str, message: &'static str) -> Self {
        Invalid {
            field,
            message,
            code: None,
            location: None,
        }
    }

    const fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    const fn location(mut self, location: &'static str) -> Self {
        self.location = Some(location);
        self
    }
}

/// The derive's input for the same field errors.
pub(crate) fn field_errors(list: &[Invalid]) -> FieldErrors {
    list.iter()
        .map(|invalid| {
            let mut error = FieldError::new(invalid.field, invalid.message);
            if let Some(code) = invalid.code {
                error = error.code(code);
            }
            if let Some(location) = invalid.location {
                error = error.location(location);
            }
            error
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// problem (the default): RFC 9457 problem details.

/// Errors in the default envelope.
#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
pub enum ProblemError {
    #[api(status = 404, message = "Pet not found.")]
    PetNotFound,
    #[api(status = 422, message = "Your request is not valid.")]
    ValidationError {
        #[api(details)]
        fields: FieldErrors,
    },
}

#[derive(Serialize)]
struct Problem<'a, E> {
    #[serde(rename = "type")]
    type_uri: &'a str,
    title: &'a str,
    status: u16,
    detail: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    instance: Option<&'a str>,
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<E>,
}

#[derive(Serialize)]
struct ProblemField<'a> {
    detail: &'a str,
    pointer: Pointer<'a>,
}

/// `#/field`: a JSON Pointer as RFC 9457 writes it, with `~` and `/` escaped (RFC 6901) in the
/// rare name that has them.
struct Pointer<'a>(&'a str);

impl Serialize for Pointer<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.contains(['~', '/']) {
            let escaped = self.0.replace('~', "~0").replace('/', "~1");
            serializer.collect_str(&format_args!("#/{escaped}"))
        } else {
            serializer.collect_str(&format_args!("#/{}", self.0))
        }
    }
}

const AGE_AND_NAME: [Invalid; 2] = [
    Invalid::new("age", "must be a positive integer"),
    Invalid::new("name", "is required"),
];

fn problem(run: &mut impl Compare) {
    let context = RequestContext::new().instance("/pets/7");
    let error = ProblemError::PetNotFound;
    body(
        run,
        "problem/static_message",
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Pet not found.","instance":"/pets/7","code":"PET_NOT_FOUND"}"#,
        |out| derived(&error, &context, out),
        |out| {
            let context = black_box(&context);
            let body = Problem {
                type_uri: "about:blank",
                title: "Not Found",
                status: 404,
                detail: "Pet not found.",
                instance: context.instance,
                code: "PET_NOT_FOUND",
                errors: None::<()>,
            };
            hand_written(&body, out);
        },
    );

    let context = RequestContext::new().instance("/account/12345");
    let error = ProblemError::ValidationError {
        fields: field_errors(&AGE_AND_NAME),
    };
    body(
        run,
        "problem/field_errors",
        r##"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"Your request is not valid.","instance":"/account/12345","code":"VALIDATION_ERROR","errors":[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"is required","pointer":"#/name"}]}"##,
        |out| derived(&error, &context, out),
        |out| {
            let context = black_box(&context);
            let body = Problem {
                type_uri: "about:blank",
                title: "Unprocessable Entity",
                status: 422,
                detail: "Your request is not valid.",
                instance: context.instance,
                code: "VALIDATION_ERROR",
                errors: Some(Each(black_box(&AGE_AND_NAME), |invalid: &Invalid| {
                    ProblemField {
                        detail: invalid.message,
                        pointer: Pointer(invalid.field),
                    }
                })),
            };
            hand_written(&body, out);
        },
    );
}

// ---------------------------------------------------------------------------------------------
// petnow: a list of errors with a code and, for validation, messages by field.

/// Errors in the `petnow` envelope.
#[derive(Debug, ApiError)]
#[api(envelope = "petnow", prefix = "PETNOWB2B")]
pub enum PetnowError {
    #[api(code = "PETNOWB2B20000", status = 404)]
    NoSuchPet,
    #[api(code = "PETNOWB2B10001", status = 400)]
    InvalidParameters {
        #[api(details)]
        fields: FieldErrors,
    },
}

#[derive(Serialize)]
struct Petnow<'a, D> {
    errors: [PetnowItem<'a, D>; 1],
}

#[derive(Serialize)]
struct PetnowItem<'a, D> {
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<D>,
}

const PET_ID_AND_SPECIES: [Invalid; 2] = [
    Invalid::new("petId", "This field is required."),
    Invalid::new("species", "Must be DOG or CAT."),
];

fn petnow(run: &mut impl Compare) {
    let context = RequestContext::new();
    let error = PetnowError::NoSuchPet;
    body(
        run,
        "petnow/code_only",
        r#"{"errors":[{"code":"PETNOWB2B20000"}]}"#,
        |out| derived(&error, &context, out),
        |out| {
            let body = Petnow {
                errors: [PetnowItem {
                    code: "PETNOWB2B20000",
                    details: None::<()>,
                }],
            };
            hand_written(&body, out);
        },
    );

    let error = PetnowError::InvalidParameters {
        fields: field_errors(&PET_ID_AND_SPECIES),
    };
    body(
        run,
        "petnow/field_errors",
        r#"{"errors":[{"code":"PETNOWB2B10001","details":{"petId":["This field is required."],"species":["Must be DOG or CAT."]}}]}"#,
        |out| derived(&error, &context, out),
        |out| {
            // One message per field here, so each field maps to a one-element list.
            let details = Keyed(black_box(&PET_ID_AND_SPECIES), |invalid: &Invalid| {
                (invalid.field, [invalid.message])
            });
            let body = Petnow {
                errors: [PetnowItem {
                    code: "PETNOWB2B10001",
                    details: Some(details),
                }],
            };
            hand_written(&body, out);
        },
    );
}

// ---------------------------------------------------------------------------------------------
// tennis_registry: a list of errors with an integer code; one item per field error.

/// Errors in the `tennis_registry` envelope.
#[derive(Debug, ApiError)]
#[api(envelope = "tennis_registry")]
pub enum TennisError {
    #[api(code = 4040, status = 404, message = "player not found")]
    PlayerNotFound,
    #[api(code = 5000, status = 400, message = "validation error")]
    Validation {
        #[api(details)]
        fields: FieldErrors,
    },
}

#[derive(Serialize)]
struct Tennis<I> {
    errors: I,
}

#[derive(Serialize)]
struct TennisItem<'a> {
    #[serde(rename = "errorCode")]
    error_code: i64,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<&'a str>,
    #[serde(rename = "subjectType", skip_serializing_if = "Option::is_none")]
    subject_type: Option<&'a str>,
}

const FIRST_NAME_AND_BIRTH_DATE: [Invalid; 2] = [
    Invalid::new("firstName", "required").location("parameter"),
    Invalid::new("birthDate", "must be a date").location("parameter"),
];

fn tennis_registry(run: &mut impl Compare) {
    let context = RequestContext::new();
    let error = TennisError::PlayerNotFound;
    body(
        run,
        "tennis_registry/static_message",
        r#"{"errors":[{"errorCode":4040,"message":"player not found"}]}"#,
        |out| derived(&error, &context, out),
        |out| {
            let body = Tennis {
                errors: [TennisItem {
                    error_code: 4040,
                    message: "player not found",
                    subject: None,
                    subject_type: None,
                }],
            };
            hand_written(&body, out);
        },
    );

    let error = TennisError::Validation {
        fields: field_errors(&FIRST_NAME_AND_BIRTH_DATE),
    };
    body(
        run,
        "tennis_registry/field_errors",
        r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"},{"errorCode":5000,"message":"validation error","subject":"birthDate","subjectType":"parameter"}]}"#,
        |out| derived(&error, &context, out),
        |out| {
            let items = Each(
                black_box(&FIRST_NAME_AND_BIRTH_DATE),
                |invalid: &Invalid| TennisItem {
                    error_code: 5000,
                    message: "validation error",
                    subject: Some(invalid.field),
                    subject_type: invalid.location,
                },
            );
            hand_written(&Tennis { errors: items }, out);
        },
    );
}

// ---------------------------------------------------------------------------------------------
// oz: a flat object whose `details` is always written.

/// Errors in the `oz` envelope.
#[derive(Debug, ApiError)]
#[api(envelope = "oz")]
pub enum OzError {
    #[api(
        code = 10,
        status = 404,
        message = "the requested resource is not found"
    )]
    NotExist,
    #[api(code = 429, status = 429, message = "too many requests")]
    RateLimited {
        #[api(details)]
        limits: Limits,
    },
}

/// Details that are any `Serialize` value, written as they are.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Limits {
    pub limit: u32,
    pub remaining: u32,
    pub reset_seconds: u32,
}

#[derive(Serialize)]
struct Oz<'a, D> {
    error_code: i64,
    error_message: &'a str,
    details: Option<D>,
}

const LIMITS: Limits = Limits {
    limit: 100,
    remaining: 0,
    reset_seconds: 42,
};

fn oz(run: &mut impl Compare) {
    let context = RequestContext::new();
    let error = OzError::NotExist;
    body(
        run,
        "oz/static_message",
        r#"{"error_code":10,"error_message":"the requested resource is not found","details":null}"#,
        |out| derived(&error, &context, out),
        |out| {
            let body = Oz {
                error_code: 10,
                error_message: "the requested resource is not found",
                details: None::<()>,
            };
            hand_written(&body, out);
        },
    );

    let error = OzError::RateLimited { limits: LIMITS };
    body(
        run,
        "oz/serde_details",
        r#"{"error_code":429,"error_message":"too many requests","details":{"limit":100,"remaining":0,"reset_seconds":42}}"#,
        |out| derived(&error, &context, out),
        |out| {
            let body = Oz {
                error_code: 429,
                error_message: "too many requests",
                details: Some(black_box(&LIMITS)),
            };
            hand_written(&body, out);
        },
    );
}

// ---------------------------------------------------------------------------------------------
// face: `success: false`, the error in an object, the request id and timestamp beside it.

/// Errors in the `face` envelope.
#[derive(Debug, ApiError)]
#[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]
pub enum FaceError {
    #[api(
        status = 404,
        message = "No face found with the given ID in this collection."
    )]
    FaceNotFound,
    #[api(status = 400, message = "Request validation failed.")]
    ValidationError {
        #[api(details)]
        fields: FieldErrors,
    },
}

#[derive(Serialize)]
pub(crate) struct Face<'a, D> {
    pub(crate) success: bool,
    pub(crate) error: FaceInner<'a, D>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) request_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) timestamp: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct FaceInner<'a, D> {
    pub(crate) code: &'a str,
    pub(crate) message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) details: Option<D>,
}

#[derive(Serialize)]
pub(crate) struct FaceField<'a> {
    pub(crate) field: &'a str,
    pub(crate) message: &'a str,
}

pub(crate) const NAME_AND_COLLECTION: [Invalid; 2] = [
    Invalid::new("name", "name is required"),
    Invalid::new("collection_id", "collection_id must be a valid UUID"),
];

fn face(run: &mut impl Compare) {
    let context = RequestContext::new()
        .request_id(REQUEST_ID)
        .timestamp(TIMESTAMP);
    let error = FaceError::FaceNotFound;
    body_and_json(
        run,
        "face/static_message",
        r#"{"success":false,"error":{"code":"FACE_NOT_FOUND","message":"No face found with the given ID in this collection."},"request_id":"req_01j8","timestamp":"2024-01-15T11:22:33Z"}"#,
        |out| derived(&error, &context, out),
        |out| {
            let context = black_box(&context);
            let body = Face {
                success: false,
                error: FaceInner {
                    code: "FACE_NOT_FOUND",
                    message: "No face found with the given ID in this collection.",
                    details: None::<()>,
                },
                request_id: context.request_id,
                timestamp: context.timestamp,
            };
            hand_written(&body, out);
        },
        || {
            let context = black_box(&context);
            serde_json::json!({
                "success": false,
                "error": {
                    "code": "FACE_NOT_FOUND",
                    "message": "No face found with the given ID in this collection.",
                },
                "request_id": context.request_id,
                "timestamp": context.timestamp,
            })
        },
    );

    let context = RequestContext::new();
    let error = FaceError::ValidationError {
        fields: field_errors(&NAME_AND_COLLECTION),
    };
    body_and_json(
        run,
        "face/field_errors",
        r#"{"success":false,"error":{"code":"VALIDATION_ERROR","message":"Request validation failed.","details":[{"field":"name","message":"name is required"},{"field":"collection_id","message":"collection_id must be a valid UUID"}]}}"#,
        |out| derived(&error, &context, out),
        |out| {
            let context = black_box(&context);
            let details = Each(black_box(&NAME_AND_COLLECTION), |invalid: &Invalid| {
                FaceField {
                    field: invalid.field,
                    message: invalid.message,
                }
            });
            let body = Face {
                success: false,
                error: FaceInner {
                    code: "VALIDATION_ERROR",
                    message: "Request validation failed.",
                    details: Some(details),
                },
                request_id: context.request_id,
                timestamp: context.timestamp,
            };
            hand_written(&body, out);
        },
        || {
            let fields: Vec<_> = black_box(&NAME_AND_COLLECTION)
                .iter()
                .map(|invalid| serde_json::json!({"field": invalid.field, "message": invalid.message}))
                .collect();
            serde_json::json!({
                "success": false,
                "error": {
                    "code": "VALIDATION_ERROR",
                    "message": "Request validation failed.",
                    "details": fields,
                },
            })
        },
    );
}

// ---------------------------------------------------------------------------------------------
// incident: a flat object; field errors by field, each with its code and message.

/// Errors in the `incident` envelope.
#[derive(Debug, ApiError)]
#[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE")]
pub enum IncidentError {
    #[api(status = 404, message = "Not found: Incident {id} not found")]
    NotFound { id: String },
    #[api(status = 400, message = "Validation failed")]
    ValidationError {
        #[api(details)]
        fields: FieldErrors,
    },
}

#[derive(Serialize)]
struct Incident<'a, M, D> {
    code: &'a str,
    message: M,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<D>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
}

#[derive(Serialize)]
struct IncidentField<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    message: &'a str,
}

const NAME_AND_EMAIL: [Invalid; 2] = [
    Invalid::new("name", "Name is required").code("required"),
    Invalid::new("email", "Invalid email format").code("invalid_format"),
];

fn incident(run: &mut impl Compare) {
    // An interpolated message: both sides format it while it is written.
    let context = RequestContext::new();
    let error = IncidentError::NotFound {
        id: INCIDENT_ID.into(),
    };
    let id = String::from(INCIDENT_ID);
    body_and_json(
        run,
        "incident/interpolated_message",
        r#"{"code":"NOT_FOUND","message":"Not found: Incident 550e8400-e29b-41d4-a716-446655440000 not found"}"#,
        |out| derived(&error, &context, out),
        |out| {
            let context = black_box(&context);
            let id = black_box(&id);
            let body = Incident {
                code: "NOT_FOUND",
                message: format_args!("Not found: Incident {id} not found"),
                details: None::<()>,
                request_id: context.request_id,
            };
            hand_written(&body, out);
        },
        || {
            let id = black_box(&id);
            serde_json::json!({
                "code": "NOT_FOUND",
                "message": format!("Not found: Incident {id} not found"),
            })
        },
    );

    let context = RequestContext::new().request_id(REQUEST_ID);
    let error = IncidentError::ValidationError {
        fields: field_errors(&NAME_AND_EMAIL),
    };
    body(
        run,
        "incident/field_errors",
        r#"{"code":"VALIDATION_ERROR","message":"Validation failed","details":{"name":{"code":"required","message":"Name is required"},"email":{"code":"invalid_format","message":"Invalid email format"}},"request_id":"req_01j8"}"#,
        |out| derived(&error, &context, out),
        |out| {
            let context = black_box(&context);
            let details = Keyed(black_box(&NAME_AND_EMAIL), |invalid: &Invalid| {
                let item = IncidentField {
                    code: invalid.code,
                    message: invalid.message,
                };
                (invalid.field, item)
            });
            let body = Incident {
                code: "VALIDATION_ERROR",
                message: "Validation failed",
                details: Some(details),
                request_id: context.request_id,
            };
            hand_written(&body, out);
        },
    );
}

// ---------------------------------------------------------------------------------------------
// A declared shape, as a user writes one: most kinds of value, nested.

/// A user-declared envelope: a type URI, the documented name and category, the status as text,
/// and a trace id that is `null` when there is none.
pub const ACCOUNT_ENVELOPE: Shape = Shape::new(&[
    Member::new("ok", Value::Constant(Constant::Bool(false))),
    Member::new(
        "error",
        Value::Object(&[
            Member::new("type", Value::TypeUri("https://errors.example.com/")),
            Member::new("code", Value::Code),
            Member::new("name", Value::Name),
            Member::new("category", Value::Category),
            Member::new("status", Value::StatusText),
            Member::new("message", Value::Message),
            Member::new("fields", Value::Details),
        ]),
    ),
    Member::new("trace_id", Value::RequestId).null_if_absent(),
    Member::new("version", Value::Constant(Constant::Str("2024-06-01"))),
])
.details_form(DetailsForm::MessagesByField);

/// Errors in the declared envelope.
#[derive(Debug, ApiError)]
#[api(envelope = ACCOUNT_ENVELOPE, code_case = "SCREAMING_SNAKE_CASE")]
pub enum AccountError {
    #[api(
        status = 423,
        name = "AccountLockedException",
        category = "Account",
        message = "account {0} is locked"
    )]
    AccountLocked(u64),
}

#[derive(Serialize)]
struct Account<'a, M> {
    ok: bool,
    error: AccountInner<'a, M>,
    trace_id: Option<&'a str>,
    version: &'a str,
}

#[derive(Serialize)]
struct AccountInner<'a, M> {
    #[serde(rename = "type")]
    type_uri: &'a str,
    code: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    status: &'a str,
    message: M,
}

fn declared(run: &mut impl Compare) {
    let context = RequestContext::new();
    let error = AccountError::AccountLocked(7);
    let account = 7_u64;
    body(
        run,
        "declared/interpolated_message",
        r#"{"ok":false,"error":{"type":"https://errors.example.com/ACCOUNT_LOCKED","code":"ACCOUNT_LOCKED","name":"AccountLockedException","category":"Account","status":"423","message":"account 7 is locked"},"trace_id":null,"version":"2024-06-01"}"#,
        |out| derived(&error, &context, out),
        |out| {
            let context = black_box(&context);
            let account = black_box(account);
            let body = Account {
                ok: false,
                error: AccountInner {
                    type_uri: "https://errors.example.com/ACCOUNT_LOCKED",
                    code: "ACCOUNT_LOCKED",
                    name: "AccountLockedException",
                    category: Some("Account"),
                    status: "423",
                    message: format_args!("account {account} is locked"),
                },
                trace_id: context.request_id,
                version: "2024-06-01",
            };
            hand_written(&body, out);
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Writing, checking, and handing the figures to the runner.

/// The derive's body for `error`.
pub(crate) fn derived(error: &impl ApiError, context: &RequestContext<'_>, out: &mut Vec<u8>) {
    black_box(error)
        .write_body(black_box(context), out)
        .unwrap();
}

/// A hand-written body. Hidden from the optimizer like the derive's error value: in a service
/// the body's values come from a `match` on an error only known at run time.
pub(crate) fn hand_written(body: &impl Serialize, out: &mut Vec<u8>) {
    serde_json::to_writer(out, black_box(body)).unwrap();
}

/// Serializes the items of a slice as a JSON array, each mapped by a function: how
/// hand-written code turns its field errors into an envelope's items without a `Vec`.
pub(crate) struct Each<'a, T, F>(pub(crate) &'a [T], pub(crate) F);

impl<T, U: Serialize, F: Fn(&T) -> U> Serialize for Each<'_, T, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(&self.1))
    }
}

/// Serializes the items of a slice as a JSON object, each mapped to a member by a function.
struct Keyed<'a, T, F>(&'a [T], F);

impl<T, K: Serialize, V: Serialize, F: Fn(&T) -> (K, V)> Serialize for Keyed<'_, T, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(&self.1))
    }
}

/// Checks that both sides write `expected`, then hands the figure to `run`; each side appends
/// to its own reused buffer, cleared before every body.
pub(crate) fn body(
    run: &mut impl Compare,
    id: &'static str,
    expected: &str,
    mut derive: impl FnMut(&mut Vec<u8>),
    mut by_hand: impl FnMut(&mut Vec<u8>),
) {
    check(id, expected, &mut derive, &mut by_hand);
    run.compare(id, reusing(derive), reusing(by_hand));
}

/// [`body`], with a third way: a `serde_json::json!` value, which has to equal the body as a
/// value (it sorts members by name, so it cannot match byte for byte).
fn body_and_json(
    run: &mut impl Compare,
    id: &'static str,
    expected: &str,
    mut derive: impl FnMut(&mut Vec<u8>),
    mut by_hand: impl FnMut(&mut Vec<u8>),
    json: impl Fn() -> serde_json::Value,
) {
    check(id, expected, &mut derive, &mut by_hand);
    let parsed: serde_json::Value = serde_json::from_str(expected).unwrap();
    assert_eq!(parsed, json(), "{id}: the json! value");
    run.compare_with_json(
        id,
        reusing(derive),
        reusing(by_hand),
        reusing(move |out| hand_written(&json(), out)),
    );
}

/// `write` as a timed closure: each call writes one body into a buffer reused across calls,
/// cleared first.
fn reusing(mut write: impl FnMut(&mut Vec<u8>)) -> impl FnMut() {
    let mut out = Vec::with_capacity(1024);
    move || {
        out.clear();
        write(&mut out);
        black_box(&out);
    }
}

/// Both sides write exactly `expected`, or the comparison means nothing.
fn check(
    id: &str,
    expected: &str,
    derive: &mut impl FnMut(&mut Vec<u8>),
    by_hand: &mut impl FnMut(&mut Vec<u8>),
) {
    let (mut derive_out, mut by_hand_out) = (Vec::new(), Vec::new());
    derive(&mut derive_out);
    by_hand(&mut by_hand_out);
    assert_eq!(
        Text(&derive_out),
        Text(expected.as_bytes()),
        "{id}: the derive"
    );
    assert_eq!(
        Text(&by_hand_out),
        Text(expected.as_bytes()),
        "{id}: by hand"
    );
}

/// Bytes compared as bytes and shown as text when a check fails.
#[derive(PartialEq)]
struct Text<'a>(&'a [u8]);

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&String::from_utf8_lossy(self.0))
    }
}
