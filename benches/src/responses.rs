//! axum responses end to end: a derived error's `IntoResponse` against the hand-written
//! `IntoResponse` a careful person writes for the same error, status, content type and body.
//!
//! Each side builds the whole `axum::response::Response`, body serialized, as a handler
//! returning the error would; the hand-written side is the usual `(status, Json(body))`, with
//! the same `#[derive(Serialize)]` structs the envelope figures use.
//!
//! Every figure first checks that both responses have the same status, content type and body.

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::Compare;
use crate::bodies::{
    Each, Face, FaceError, FaceField, FaceInner, Invalid, NAME_AND_COLLECTION, field_errors,
};

/// Every figure: a fixed message, and field errors in the details.
///
/// # Panics
///
/// When the two responses differ.
pub fn cases(run: &mut impl Compare) {
    compare(
        run,
        "axum/static_message",
        || FaceError::FaceNotFound,
        || HandError::FaceNotFound,
    );
    compare(
        run,
        "axum/field_errors",
        || FaceError::ValidationError {
            fields: field_errors(&NAME_AND_COLLECTION),
        },
        || HandError::Validation(&NAME_AND_COLLECTION),
    );
}

/// The hand-written error: the same two errors as [`FaceError`], in the same envelope.
enum HandError {
    FaceNotFound,
    Validation(&'static [Invalid]),
}

impl IntoResponse for HandError {
    fn into_response(self) -> Response {
        let (status, code, message, fields) = match self {
            HandError::FaceNotFound => (
                StatusCode::NOT_FOUND,
                "FACE_NOT_FOUND",
                "No face found with the given ID in this collection.",
                None,
            ),
            HandError::Validation(fields) => (
                StatusCode::BAD_REQUEST,
                "VALIDATION_ERROR",
                "Request validation failed.",
                Some(fields),
            ),
        };
        let details = fields.map(|fields| {
            Each(fields, |invalid: &Invalid| FaceField {
                field: invalid.field,
                message: invalid.message,
            })
        });
        let body = Face {
            success: false,
            error: FaceInner {
                code,
                message,
                details,
            },
            request_id: None,
            timestamp: None,
        };
        (status, Json(body)).into_response()
    }
}

/// Times turning each side's error into a response. The error is built outside the timed part
/// when it owns nothing; when it owns its details, building it is part of both sides, as in a
/// handler.
fn compare<D: IntoResponse, H: IntoResponse>(
    run: &mut impl Compare,
    id: &'static str,
    derived: impl Fn() -> D,
    by_hand: impl Fn() -> H,
) {
    let (ours, theirs) = (
        parts(derived().into_response()),
        parts(by_hand().into_response()),
    );
    assert_eq!(ours, theirs, "{id}: the responses differ");
    run.compare(
        id,
        || {
            black_box(black_box(derived()).into_response());
        },
        || {
            black_box(black_box(by_hand()).into_response());
        },
    );
}

/// Status, content type and body of a response.
fn parts(response: Response) -> (StatusCode, Option<String>, String) {
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let body = axum::body::to_bytes(response.into_body(), usize::MAX);
    // An in-memory body is complete at once: one poll, no runtime.
    let Poll::Ready(Ok(bytes)) = pin!(body).poll(&mut Context::from_waker(Waker::noop())) else {
        panic!("the body was not ready at once");
    };
    (
        status,
        content_type,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}
