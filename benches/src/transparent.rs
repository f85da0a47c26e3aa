//! Bodies of errors that transparent variants wrap: a module's error, and one three levels
//! down with the message of `incident/interpolated_message`, written in the outer type's
//! envelope, by the derive and by the hand-written
//! `#[derive(Serialize)]` struct of that envelope that gives the same bytes.
//!
//! The derive's side goes through every level: the outer type's plan for the wrapped error is
//! chosen by its place in the outer catalog's tree, the message and details are asked of the
//! wrapped error through each level. The hand-written side, as in [`bodies`](crate::bodies),
//! has the code and message as literals.

use std::hint::black_box;

use api_error_core::{ApiError, RequestContext};
use serde::Serialize;

use crate::Compare;
use crate::bodies::{body, derived, hand_written};

/// The auth module's errors, in an envelope of their own.
#[derive(Debug, ApiError)]
#[api(
    envelope = "petnow",
    prefix = "SHOP_AUTH_",
    code_case = "SCREAMING_SNAKE_CASE"
)]
pub enum AuthError {
    #[api(status = 401, message = "The session token is invalid.")]
    InvalidToken,
    #[api(status = 401, message = "The session has expired.")]
    SessionExpired,
}

/// The record errors, inside the storage module's.
#[derive(Debug, ApiError)]
#[api(prefix = "SHOP_STORAGE_RECORD_", code_case = "SCREAMING_SNAKE_CASE")]
pub enum RecordError {
    #[api(status = 507)]
    Full,
    #[api(status = 404, message = "Not found: Incident {id} not found")]
    NotFound { id: String },
}

/// The storage module's errors, with the record errors inside.
#[derive(Debug, ApiError)]
#[api(prefix = "SHOP_STORAGE_", code_case = "SCREAMING_SNAKE_CASE")]
pub enum StorageError {
    #[api(status = 503, message = "storage unavailable")]
    Unavailable,
    #[api(transparent)]
    Record(RecordError),
}

/// The handlers' errors: their own, the auth module's and the storage module's, in the
/// incident envelope.
#[derive(Debug, ApiError)]
#[api(
    envelope = "incident",
    prefix = "SHOP_",
    code_case = "SCREAMING_SNAKE_CASE"
)]
pub enum ShopError {
    #[api(status = 404, message = "no route")]
    RouteNotFound,
    #[api(transparent)]
    Auth(AuthError),
    #[api(transparent)]
    Storage(StorageError),
}

/// The incident envelope, hand-written.
#[derive(Serialize)]
struct Incident<'a, M> {
    code: &'a str,
    message: M,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
}

/// Every figure.
///
/// # Panics
///
/// When the derive and the hand-written struct do not both write the expected body.
pub fn cases(run: &mut impl Compare) {
    let context = RequestContext::new().request_id("req_01j8");
    let error = ShopError::Auth(AuthError::SessionExpired);
    body(
        run,
        "transparent/static_message",
        r#"{"code":"SHOP_AUTH_SESSION_EXPIRED","message":"The session has expired.","request_id":"req_01j8"}"#,
        |out| derived(&error, &context, out),
        |out| {
            let context = black_box(&context);
            let body = Incident {
                code: "SHOP_AUTH_SESSION_EXPIRED",
                message: "The session has expired.",
                request_id: context.request_id,
            };
            hand_written(&body, out);
        },
    );

    // Three levels down, with the message and value of `incident/interpolated_message`, so
    // that the two figures differ by the levels alone.
    let context = RequestContext::new();
    let id = String::from("550e8400-e29b-41d4-a716-446655440000");
    let error = ShopError::Storage(StorageError::Record(RecordError::NotFound {
        id: id.clone(),
    }));
    body(
        run,
        "transparent/three_levels",
        r#"{"code":"SHOP_STORAGE_RECORD_NOT_FOUND","message":"Not found: Incident 550e8400-e29b-41d4-a716-446655440000 not found"}"#,
        |out| derived(&error, &context, out),
        |out| {
            let context = black_box(&context);
            let id = black_box(&id);
            let body = Incident {
                code: "SHOP_STORAGE_RECORD_NOT_FOUND",
                message: format_args!("Not found: Incident {id} not found"),
                request_id: context.request_id,
            };
            hand_written(&body, out);
        },
    );
}
