//! Error responses read back (`client::ErrorResponse`): round trips of arbitrary text and
//! field errors through every built-in envelope, and bodies and headers of every kind, valid,
//! mutated and hostile, that the reader must answer without panicking.
//!
//! Both properties run `PROPTEST_CASES` cases (2,000 by default; the reader was run with
//! 100,000, see the README of the client side).

use std::time::Duration;

use api_error_core::client::{ErrorBody, ErrorResponse, RetryPolicy};
use api_error_core::{
    ApiError, Envelope, FieldError, FieldErrors, RequestContext, Shape, envelopes,
};
use http::{HeaderMap, HeaderValue, StatusCode};
use proptest::prelude::*;

macro_rules! errors_in {
    ($($name:ident: $envelope:literal),* $(,)?) => {$(
        #[derive(Debug, ApiError)]
        #[api(envelope = $envelope, code_case = "SCREAMING_SNAKE_CASE")]
        enum $name {
            #[api(status = 422, message = "invalid: {text}")]
            Invalid {
                text: String,
                #[api(details)]
                fields: FieldErrors,
            },
            #[api(status = 409, message = "conflict with {0}")]
            Conflict(String, #[api(details)] Vec<String>),
            #[api(status = 429, retryable)]
            Limited {
                #[api(retry_after)]
                seconds: u64,
            },
        }
    )*};
}

errors_in! {
    Problem: "problem",
    Petnow: "petnow",
    Tennis: "tennis_registry",
    Oz: "oz",
    Face: "face",
    Incident: "incident",
}

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z_/~.\\[\\]0-9]{0,12}",
        Just(String::new()),
        Just("\"\\\u{0}\u{2028}</script>".to_owned()),
    ]
}

fn field_errors() -> impl Strategy<Value = FieldErrors> {
    let error = (
        text(),
        text(),
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
        .prop_map(|(field, message, code, location)| {
            let mut error = FieldError::new(field, message);
            if let Some(code) = code {
                error = error.code(code);
            }
            if let Some(location) = location {
                error = error.location(location);
            }
            error
        });
    proptest::collection::vec(error, 0..5).prop_map(FieldErrors::from)
}

/// Writes `error` in `shape` and reads it back, comparing what the shape holds.
fn round_trip<E: ApiError + std::fmt::Debug>(
    shape: &Shape,
    error: &E,
    context: &RequestContext<'_>,
    rebuildable: bool,
) -> Result<(), TestCaseError> {
    let mut body = Vec::new();
    let _ = shape.write(error, context, &mut body);
    let received = shape.read(&E::CATALOG, &body);
    let body = String::from_utf8_lossy(&body);
    let received = received.ok_or_else(|| TestCaseError::fail(format!("not read: {body}")))?;
    let first = &received.errors()[0];
    prop_assert_eq!(first.code(), &error.code(), "{}", body);
    let has_message = *shape != envelopes::PETNOW;
    if has_message {
        let message = error.message().to_string();
        prop_assert_eq!(first.message(), Some(message.as_str()));
    }
    match error.details().and_then(|details| details.field_errors()) {
        Some(fields) if fields.is_empty() => prop_assert!(first.field_errors().is_none()),
        Some(fields) if *shape == envelopes::TENNIS_REGISTRY => {
            let read = first.field_errors().expect("field items");
            let pairs = |errors: &FieldErrors| -> Vec<(String, Option<String>)> {
                errors
                    .iter()
                    .map(|e| (e.field().to_owned(), e.location_text().map(str::to_owned)))
                    .collect()
            };
            prop_assert_eq!(pairs(read), pairs(fields), "{}", body);
        }
        Some(fields) => {
            let read = first.field_errors().expect("field errors");
            let form = shape.details();
            prop_assert_eq!(form.render(read), form.render(fields), "{}", body);
        }
        None => {
            let mut json = Vec::new();
            if let Some(details) = error.details() {
                details.write_json(&mut json).unwrap();
            }
            let expected = (!json.is_empty()).then(|| String::from_utf8(json).unwrap());
            prop_assert_eq!(first.details_json(), expected.as_deref(), "{}", body);
        }
    }
    // The value itself, where the body gives back every field: the message's placeholders
    // (where the shape has a message) and the details.
    let rebuilt: Option<E> = first.to_error();
    if rebuildable && has_message {
        let rebuilt = rebuilt.ok_or_else(|| TestCaseError::fail(format!("not rebuilt: {body}")))?;
        prop_assert_eq!(
            rebuilt.to_json_string(context),
            error.to_json_string(context)
        );
    } else if !has_message {
        prop_assert!(rebuilt.is_none() || !rebuildable, "{}", body);
    }
    if *shape == envelopes::FACE || *shape == envelopes::INCIDENT {
        prop_assert_eq!(received.context().request_id(), context.request_id);
    }
    if *shape == envelopes::FACE {
        prop_assert_eq!(received.context().timestamp(), context.timestamp);
    }
    if *shape == envelopes::PROBLEM {
        prop_assert_eq!(received.context().instance(), context.instance);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2_000)))]

    #[test]
    fn arbitrary_text_and_field_errors_read_back_in_every_envelope(
        text in text(),
        fields in field_errors(),
        existing in proptest::collection::vec(text(), 0..3),
        seconds in any::<u64>(),
        request_id in text(),
        timestamp in text(),
        instance in text(),
    ) {
        let context = RequestContext::new()
            .request_id(&request_id)
            .timestamp(&timestamp)
            .instance(&instance);
        macro_rules! each {
            ($($ty:ident: $shape:ident),*) => {$(
                // Field errors come back whole where the form keeps every one of them.
                let whole = !matches!(
                    envelopes::$shape.details(),
                    api_error_core::DetailsForm::ObjectByField
                ) && envelopes::$shape != envelopes::TENNIS_REGISTRY;
                round_trip(&envelopes::$shape, &$ty::Invalid { text: text.clone(), fields: fields.clone() }, &context, whole)?;
                round_trip(&envelopes::$shape, &$ty::Conflict(text.clone(), existing.clone()), &context, true)?;
                round_trip(&envelopes::$shape, &$ty::Limited { seconds }, &context, false)?;
                let response = $ty::Limited { seconds }.to_response(&context);
                let received = ErrorResponse::<$ty>::from_response(&response);
                prop_assert_eq!(
                    received.retry_after(),
                    Some(api_error_core::RetryAfter::Seconds(seconds))
                );
            )*};
        }
        each!(Problem: PROBLEM, Petnow: PETNOW, Tennis: TENNIS_REGISTRY, Oz: OZ, Face: FACE, Incident: INCIDENT);
    }
}

/// A body a server, a proxy or an attacker might send: bytes, valid bodies mutated, JSON of
/// the wrong types, deep nesting, huge numbers, invalid UTF-8.
fn hostile_body() -> impl Strategy<Value = Vec<u8>> {
    let valid = (text(), field_errors(), 0..6usize)
        .prop_map(|(text, fields, which)| {
            let error = Incident::Invalid { text, fields };
            let context = RequestContext::new()
                .request_id("r")
                .timestamp("t")
                .instance("i");
            let shape = [
                envelopes::PROBLEM,
                envelopes::PETNOW,
                envelopes::TENNIS_REGISTRY,
                envelopes::OZ,
                envelopes::FACE,
                envelopes::INCIDENT,
            ][which % 6];
            let mut body = Vec::new();
            let _ = shape.write(&error, &context, &mut body);
            body
        })
        .boxed();
    let fragment = prop_oneof![
        Just(b"null".to_vec()),
        Just(b"{}".to_vec()),
        Just(b"[]".to_vec()),
        Just(b"1e400".to_vec()),
        Just(b"-184467440737095516150".to_vec()),
        Just(b"18446744073709551616".to_vec()),
        Just(b"0.5".to_vec()),
        Just(b"true".to_vec()),
        Just(b"\"\\ud800\"".to_vec()),
        Just(b"\"\xff\xfe\"".to_vec()),
        Just(b"{\"code\":{\"code\":[]}}".to_vec()),
        Just(b"[[[[[[[[[[[[[[[[[[[[".to_vec()),
        (1..20_000usize).prop_map(|depth| {
            let mut deep = b"[".repeat(depth);
            deep.extend(b"]".repeat(depth));
            deep
        }),
        (1..5_000usize).prop_map(|depth| {
            let mut deep = b"{\"errors\":[".repeat(depth);
            deep.extend(b"]}".repeat(depth));
            deep
        }),
        proptest::collection::vec(any::<u8>(), 0..16),
    ]
    .boxed();
    let mutated = (
        valid.clone(),
        any::<prop::sample::Index>(),
        0..4u8,
        fragment.clone(),
    )
        .prop_map(|(mut body, at, how, fragment)| {
            let at = at.index(body.len() + 1);
            match how {
                // Truncated.
                0 => body.truncate(at),
                // A byte changed.
                1 => {
                    if let Some(byte) = body.get_mut(at) {
                        *byte = byte.wrapping_add(0x5b);
                    }
                }
                // Something inserted.
                2 => {
                    body.splice(at..at, fragment);
                }
                // A value after a key replaced by something of another type.
                _ => {
                    if let Some(colon) = body.iter().skip(at).position(|&byte| byte == b':') {
                        let start = at + colon + 1;
                        let end = body
                            .iter()
                            .skip(start)
                            .position(|&byte| byte == b',' || byte == b'}')
                            .map_or(body.len(), |end| start + end);
                        body.splice(start..end, fragment);
                    }
                }
            }
            body
        });
    prop_oneof![
        3 => mutated,
        1 => valid,
        1 => fragment,
        1 => proptest::collection::vec(any::<u8>(), 0..256),
    ]
}

fn hostile_headers() -> impl Strategy<Value = HeaderMap> {
    let retry_after = prop_oneof![
        any::<u64>().prop_map(|seconds| seconds.to_string()),
        Just("99999999999999999999999999999".to_owned()),
        Just("Sun, 06 Nov 1994 08:49:37 GMT".to_owned()),
        Just("Fri, 31 Dec 9999 23:59:59 GMT".to_owned()),
        Just("-1".to_owned()),
        any::<String>(),
    ];
    (
        proptest::option::of(retry_after),
        proptest::option::of(any::<String>()),
    )
        .prop_map(|(retry_after, content_type)| {
            let mut headers = HeaderMap::new();
            for (name, value) in [("retry-after", retry_after), ("content-type", content_type)] {
                if let Some(value) = value.and_then(|value| HeaderValue::from_str(&value).ok()) {
                    headers.insert(name, value);
                }
            }
            headers
        })
}

/// Everything a client asks of a response read back.
fn use_all<E>(received: &ErrorResponse<E>) {
    let _ = received.to_string();
    let _ = format!("{received:?}");
    let advice = received.retry_advice();
    let _ = advice.to_string();
    let mut retries = RetryPolicy::new().retries();
    let _ = retries.next_with_jitter(advice, 0.5);
    let _ = (received.code(), received.descriptor(), received.message());
    let _ = received.context().request_id();
    for error in received.errors() {
        let _ = error.to_string();
        let _ = error.field_errors().map(FieldErrors::len);
        let _ = error.details_value();
        let _ = error.details_as::<Vec<String>>();
    }
    if let ErrorBody::Foreign(body) = received.body() {
        assert!(body.excerpt().len() <= 3 * 1024);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2_000)))]

    #[test]
    fn no_body_and_no_header_makes_the_reader_panic(
        body in hostile_body(),
        headers in hostile_headers(),
        status in 100..600u16,
    ) {
        let status = StatusCode::from_u16(status).unwrap();
        use_all(&ErrorResponse::<Problem>::decode(status, &headers, &body));
        use_all(&ErrorResponse::<Petnow>::decode(status, &headers, &body));
        use_all(&ErrorResponse::<Tennis>::decode(status, &headers, &body));
        use_all(&ErrorResponse::<Oz>::decode(status, &headers, &body));
        use_all(&ErrorResponse::<Face>::decode(status, &headers, &body));
        use_all(&ErrorResponse::<Incident>::decode(status, &headers, &body));
    }
}

#[test]
fn bodies_not_in_the_envelope_say_what_they_were() {
    let headers = HeaderMap::new();
    let empty = ErrorResponse::<Face>::decode(StatusCode::NOT_FOUND, &headers, b"  \n");
    assert!(matches!(empty.body(), ErrorBody::Empty));
    assert_eq!(empty.to_string(), "404 Not Found, without a body");

    // JSON, but another API's: the face envelope wants `error.code`.
    let other = ErrorResponse::<Face>::decode(
        StatusCode::INTERNAL_SERVER_ERROR,
        &headers,
        br#"{"message":"Internal server error"}"#,
    );
    assert!(matches!(other.body(), ErrorBody::Foreign(_)));
    assert!(other.code().is_none());

    // A newer server's code: kept as it is, with no descriptor.
    let newer = ErrorResponse::<Face>::decode(
        StatusCode::GONE,
        &headers,
        br#"{"success":false,"error":{"code":"FACE_ARCHIVED","message":"Archived."},"extra":[1,2]}"#,
    );
    assert_eq!(newer.code().unwrap(), "FACE_ARCHIVED");
    assert!(newer.descriptor().is_none());
    assert_eq!(newer.message(), Some("Archived."));
    assert_eq!(
        newer.retry_advice(),
        api_error_core::RetryAdvice::Never,
        "410's advice"
    );
}

#[test]
fn every_error_of_a_list_envelope() {
    let body = br#"{"errors":[{"code":"INVALID","details":{"a":["x"]}},{"code":"LIMITED"},{"code":"NEWER"}]}"#;
    let received =
        ErrorResponse::<Petnow>::decode(StatusCode::BAD_REQUEST, &HeaderMap::new(), body);
    let codes: Vec<String> = received
        .errors()
        .iter()
        .map(|e| e.code().to_string())
        .collect();
    assert_eq!(codes, ["INVALID", "LIMITED", "NEWER"]);
    assert_eq!(received.errors()[0].field_errors().unwrap().len(), 1);
    assert!(received.errors()[1].is_known() && !received.errors()[2].is_known());

    // Per-field items of one error become one error with its fields.
    let body = br#"{"errors":[{"errorCode":"INVALID","message":"bad","subject":"a","subjectType":"query"},{"errorCode":"INVALID","message":"bad","subject":"b"},{"errorCode":"LIMITED","message":"slow"}]}"#;
    let received =
        ErrorResponse::<Tennis>::decode(StatusCode::BAD_REQUEST, &HeaderMap::new(), body);
    assert_eq!(received.errors().len(), 2);
    let fields = received.errors()[0].field_errors().unwrap();
    let read: Vec<_> = fields
        .iter()
        .map(|error| (error.field(), error.location_text()))
        .collect();
    assert_eq!(read, [("a", Some("query")), ("b", None)]);
}

#[test]
fn retry_after_as_a_date_in_the_past_is_no_wait() {
    let mut headers = HeaderMap::new();
    headers.insert(
        "retry-after",
        HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"),
    );
    let received =
        ErrorResponse::<Incident>::decode(StatusCode::SERVICE_UNAVAILABLE, &headers, b"");
    assert_eq!(
        received.retry_advice(),
        api_error_core::RetryAdvice::Retry {
            retry_after: Some(Duration::ZERO)
        }
    );
}

#[test]
fn the_generic_errors_of_the_edge_are_known_with_their_status() {
    let body = br#"{"success":false,"error":{"code":"METHOD_NOT_ALLOWED","message":"Method Not Allowed"}}"#;
    let headers = HeaderMap::new();
    let received = ErrorResponse::<Face>::decode(StatusCode::METHOD_NOT_ALLOWED, &headers, body);
    let descriptor = received.error().unwrap().descriptor().unwrap();
    assert_eq!(
        (descriptor.name(), descriptor.status()),
        ("MethodNotAllowed", StatusCode::METHOD_NOT_ALLOWED)
    );
    // The same code with another status is no error the service documents.
    let received = ErrorResponse::<Face>::decode(StatusCode::BAD_REQUEST, &headers, body);
    assert!(received.error().unwrap().descriptor().is_none());
}
