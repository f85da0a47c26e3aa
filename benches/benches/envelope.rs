//! Serializes the same errors three ways in one run: the derive's envelope, a hand-written
//! `#[derive(Serialize)]` struct of the same shape, and a `serde_json::json!` value.
//!
//! `cargo bench --manifest-path benches/Cargo.toml --bench envelope`

use std::hint::black_box;

use api_error_core::{ApiError, FieldError, FieldErrors, RequestContext};
use criterion::{Criterion, criterion_group, criterion_main};
use serde::Serialize;

#[derive(Debug, ApiError)]
#[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]
enum FaceError {
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

#[derive(Debug, ApiError)]
#[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE")]
enum IncidentError {
    #[api(status = 404, message = "Not found: Incident {id} not found")]
    NotFound { id: String },
}

// The same bodies, written the way a careful person would by hand.

#[derive(Serialize)]
struct FaceBody<'a> {
    success: bool,
    error: FaceInner<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timestamp: Option<&'a str>,
}

#[derive(Serialize)]
struct FaceInner<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<&'a [FieldDetail<'a>]>,
}

#[derive(Serialize)]
struct FieldDetail<'a> {
    field: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct IncidentBody<'a> {
    code: &'a str,
    message: String,
}

const REQUEST_ID: &str = "req_01j8";
const TIMESTAMP: &str = "2024-01-15T11:22:33Z";
const INCIDENT_ID: &str = "550e8400-e29b-41d4-a716-446655440000";

fn derived(error: &impl ApiError, context: &RequestContext<'_>, out: &mut Vec<u8>) {
    out.clear();
    error.write_body(context, out).unwrap();
}

fn hand_written(body: &impl Serialize, out: &mut Vec<u8>) {
    out.clear();
    serde_json::to_writer(&mut *out, body).unwrap();
}

fn bench(c: &mut Criterion) {
    // A static message, with the request context.
    let context = RequestContext::new()
        .request_id(REQUEST_ID)
        .timestamp(TIMESTAMP);
    let error = FaceError::FaceNotFound;
    let by_hand = || FaceBody {
        success: false,
        error: FaceInner {
            code: "FACE_NOT_FOUND",
            message: "No face found with the given ID in this collection.",
            details: None,
        },
        request_id: Some(REQUEST_ID),
        timestamp: Some(TIMESTAMP),
    };
    let by_json = || {
        serde_json::json!({
            "success": false,
            "error": {"code": "FACE_NOT_FOUND", "message": "No face found with the given ID in this collection."},
            "request_id": REQUEST_ID,
            "timestamp": TIMESTAMP,
        })
    };
    compare(c, "face_not_found", &error, &context, by_hand, by_json);

    // Field-level details.
    let context = RequestContext::new();
    let error = FaceError::ValidationError {
        fields: FieldErrors::from([
            FieldError::new("name", "name is required"),
            FieldError::new("collection_id", "collection_id must be a valid UUID"),
        ]),
    };
    let fields = [
        FieldDetail {
            field: "name",
            message: "name is required",
        },
        FieldDetail {
            field: "collection_id",
            message: "collection_id must be a valid UUID",
        },
    ];
    let by_hand = || FaceBody {
        success: false,
        error: FaceInner {
            code: "VALIDATION_ERROR",
            message: "Request validation failed.",
            details: Some(&fields),
        },
        request_id: None,
        timestamp: None,
    };
    let by_json = || {
        serde_json::json!({
            "success": false,
            "error": {
                "code": "VALIDATION_ERROR",
                "message": "Request validation failed.",
                "details": [
                    {"field": "name", "message": "name is required"},
                    {"field": "collection_id", "message": "collection_id must be a valid UUID"},
                ],
            },
        })
    };
    compare(c, "validation_details", &error, &context, by_hand, by_json);

    // An interpolated message: every way has to format it.
    let error = IncidentError::NotFound {
        id: INCIDENT_ID.into(),
    };
    let by_hand = |id: &str| IncidentBody {
        code: "NOT_FOUND",
        message: format!("Not found: Incident {id} not found"),
    };
    let by_json = |id: &str| serde_json::json!({"code": "NOT_FOUND", "message": format!("Not found: Incident {id} not found")});
    compare(
        c,
        "interpolated_message",
        &error,
        &context,
        || by_hand(black_box(INCIDENT_ID)),
        || by_json(black_box(INCIDENT_ID)),
    );
}

/// Checks that the three ways write the same body, then times each in one group.
fn compare<H: Serialize>(
    c: &mut Criterion,
    name: &str,
    error: &impl ApiError,
    context: &RequestContext<'_>,
    by_hand: impl Fn() -> H,
    by_json: impl Fn() -> serde_json::Value,
) {
    check(&error.to_json(context), &by_hand(), &by_json());
    let mut out = Vec::with_capacity(512);
    let mut group = c.benchmark_group(name);
    group.bench_function("derive", |b| {
        b.iter(|| derived(black_box(error), black_box(context), &mut out))
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| hand_written(&black_box(by_hand()), &mut out))
    });
    group.bench_function("json_macro", |b| {
        b.iter(|| hand_written(&black_box(by_json()), &mut out))
    });
    group.finish();
}

/// The three ways must write the same body, or the comparison means nothing. `json!` sorts
/// members by name (serde_json's map keeps no order by default), so it can only match by value,
/// not byte for byte: it cannot write these envelopes in the API's own order at all.
fn check(derived: &[u8], by_hand: &impl Serialize, by_json: &serde_json::Value) {
    assert_eq!(derived, serde_json::to_vec(by_hand).unwrap().as_slice());
    assert_eq!(
        &serde_json::from_slice::<serde_json::Value>(derived).unwrap(),
        by_json
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
