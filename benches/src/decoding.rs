//! Error bodies of the seed documents read back: `client::ErrorResponse::decode`, which reads
//! the type's envelope backwards and identifies the error in its catalog, against
//! `serde_json::from_slice` into a hand-written `#[derive(Deserialize)]` struct of the same
//! envelope. Before anything is timed, both sides are checked to read the same code, message
//! and details.

use std::collections::HashMap;
use std::hint::black_box;

use api_error_core::client::ErrorResponse;
use http::{HeaderMap, StatusCode};
use serde::Deserialize;

use crate::Compare;
use crate::bodies::{FaceError, IncidentError, OzError, PetnowError};

/// Every figure.
pub fn cases(run: &mut impl Compare) {
    petnow(run);
    incident(run);
    face(run);
    oz(run);
}

/// Seed 000, its validation error: `details` by field.
const PETNOW_BODY: &[u8] =
    br#"{"errors":[{"code":"PETNOWB2B10001","details":{"petId":["This field is required."]}}]}"#;

#[derive(Deserialize)]
struct Petnow {
    errors: Vec<PetnowItem>,
}

#[derive(Deserialize)]
struct PetnowItem {
    code: String,
    #[serde(default)]
    details: Option<HashMap<String, Vec<String>>>,
}

fn petnow(run: &mut impl Compare) {
    let headers = HeaderMap::new();
    let derive = || {
        ErrorResponse::<PetnowError>::decode(
            StatusCode::BAD_REQUEST,
            &headers,
            black_box(PETNOW_BODY),
        )
    };
    let hand_written = || serde_json::from_slice::<Petnow>(black_box(PETNOW_BODY)).unwrap();

    let (read, by_hand) = (derive(), hand_written());
    let item = &by_hand.errors[0];
    assert_eq!(read.code().unwrap(), item.code.as_str());
    assert!(read.descriptor().is_some());
    let fields = read.field_errors().unwrap();
    let details = item.details.as_ref().unwrap();
    assert_eq!(fields.len(), details.values().map(Vec::len).sum::<usize>());
    for field in fields {
        assert!(
            details[field.field()]
                .iter()
                .any(|message| message == field.message())
        );
    }
    run.compare(
        "decode/petnow_field_errors",
        || drop(black_box(derive())),
        || drop(black_box(hand_written())),
    );
}

/// Seed 004, its validation error: `details` by field, each with a code and a message.
const INCIDENT_BODY: &[u8] = br#"{"code":"VALIDATION_ERROR","message":"Validation failed","details":{"name":{"code":"required","message":"Name is required"},"email":{"code":"invalid_format","message":"Invalid email format"}}}"#;

#[derive(Deserialize)]
struct Incident {
    code: String,
    message: String,
    #[serde(default)]
    details: Option<HashMap<String, IncidentField>>,
    #[serde(default)]
    request_id: Option<String>,
}

#[derive(Deserialize)]
struct IncidentField {
    #[serde(default)]
    code: Option<String>,
    message: String,
}

fn incident(run: &mut impl Compare) {
    let headers = HeaderMap::new();
    let derive = || {
        ErrorResponse::<IncidentError>::decode(
            StatusCode::BAD_REQUEST,
            &headers,
            black_box(INCIDENT_BODY),
        )
    };
    let hand_written = || serde_json::from_slice::<Incident>(black_box(INCIDENT_BODY)).unwrap();

    let (read, by_hand) = (derive(), hand_written());
    assert_eq!(read.code().unwrap(), by_hand.code.as_str());
    assert_eq!(read.message(), Some(by_hand.message.as_str()));
    assert_eq!(read.context().request_id(), by_hand.request_id.as_deref());
    let details = by_hand.details.as_ref().unwrap();
    let fields = read.field_errors().unwrap();
    assert_eq!(fields.len(), details.len());
    for field in fields {
        let by_hand = &details[field.field()];
        assert_eq!(field.message(), by_hand.message);
        assert_eq!(field.code_text(), by_hand.code.as_deref());
    }
    run.compare(
        "decode/incident_field_errors",
        || drop(black_box(derive())),
        || drop(black_box(hand_written())),
    );
}

/// Seed 002's error response format: the error in an object, request id and timestamp beside.
const FACE_BODY: &[u8] = br#"{"success":false,"error":{"code":"FACE_NOT_FOUND","message":"No face found with the given ID in this collection."},"request_id":"req_01j8","timestamp":"2024-01-15T11:22:33Z"}"#;

#[derive(Deserialize)]
struct Face {
    #[allow(dead_code)]
    success: bool,
    error: FaceInner,
    #[serde(default)]
    request_id: Option<String>,
    #[serde(default)]
    timestamp: Option<String>,
}

#[derive(Deserialize)]
struct FaceInner {
    code: String,
    message: String,
    #[serde(default)]
    details: Option<serde_json::Value>,
}

fn face(run: &mut impl Compare) {
    let headers = HeaderMap::new();
    let derive = || {
        ErrorResponse::<FaceError>::decode(StatusCode::NOT_FOUND, &headers, black_box(FACE_BODY))
    };
    let hand_written = || serde_json::from_slice::<Face>(black_box(FACE_BODY)).unwrap();

    let (read, by_hand) = (derive(), hand_written());
    assert_eq!(read.code().unwrap(), by_hand.error.code.as_str());
    assert_eq!(read.message(), Some(by_hand.error.message.as_str()));
    assert!(read.error().unwrap().details_json().is_none() && by_hand.error.details.is_none());
    assert_eq!(read.context().request_id(), by_hand.request_id.as_deref());
    assert_eq!(read.context().timestamp(), by_hand.timestamp.as_deref());
    run.compare(
        "decode/face_not_found",
        || drop(black_box(derive())),
        || drop(black_box(hand_written())),
    );
}

/// Seed 003's sample: a flat object whose `details` is written as `null`.
const OZ_BODY: &[u8] =
    br#"{"error_code":10,"error_message":"the requested resource is not found","details":null}"#;

#[derive(Deserialize)]
struct Oz {
    error_code: i64,
    error_message: String,
    details: Option<serde_json::Value>,
}

fn oz(run: &mut impl Compare) {
    let headers = HeaderMap::new();
    let derive =
        || ErrorResponse::<OzError>::decode(StatusCode::NOT_FOUND, &headers, black_box(OZ_BODY));
    let hand_written = || serde_json::from_slice::<Oz>(black_box(OZ_BODY)).unwrap();

    let (read, by_hand) = (derive(), hand_written());
    assert_eq!(read.code().unwrap(), &by_hand.error_code);
    assert_eq!(read.message(), Some(by_hand.error_message.as_str()));
    assert!(read.error().unwrap().details_json().is_none() && by_hand.details.is_none());
    run.compare(
        "decode/oz_flat",
        || drop(black_box(derive())),
        || drop(black_box(hand_written())),
    );
}
