//! Envelopes: declared shapes, details in every form, request context, and bodies that stay
//! valid JSON whatever they carry.

use api_error_core::envelope::{Constant, Member, Shape, Value};
use api_error_core::{ApiError, DetailsForm, Envelope, FieldError, FieldErrors, RequestContext};
use serde::{Serialize, Serializer};

/// Every kind of member a shape can declare, in a deliberately odd order.
const EVERYTHING: Shape = Shape::new(&[
    Member::new("v", Value::Constant(Constant::Int(2))),
    Member::new("nothing", Value::Constant(Constant::Null)),
    Member::new("ok", Value::Constant(Constant::Bool(true))),
    Member::new("say \"hi\"\n", Value::Constant(Constant::Str("tab\there"))),
    Member::new("status", Value::Status),
    Member::new("status_text", Value::StatusText),
    Member::new("title", Value::Title),
    Member::new("type", Value::TypeUri("https://errors.example.com/")),
    Member::new(
        "error",
        Value::Object(&[
            Member::new("name", Value::Name),
            Member::new("category", Value::Category).null_if_absent(),
            Member::new("code", Value::Code),
            Member::new("message", Value::Message),
        ]),
    ),
    Member::new(
        "meta",
        Value::Object(&[
            Member::new("request", Value::RequestId).null_if_absent(),
            Member::new("at", Value::Timestamp),
            Member::new("instance", Value::Instance),
        ]),
    ),
    Member::new("details", Value::Details).null_if_absent(),
])
.details_form(DetailsForm::MessagesByField);

#[derive(Debug, ApiError)]
#[api(envelope = EVERYTHING, code_case = "SCREAMING_SNAKE_CASE")]
enum Declared {
    #[api(
        status = 409,
        category = "Conflicts",
        name = "AlreadyThere",
        message = "{what} exists"
    )]
    Duplicate {
        what: String,
        #[api(details)]
        fields: FieldErrors,
    },
    #[api(status = 599)]
    Odd,
}

#[test]
fn declared_shape_writes_every_member_in_order() {
    let error = Declared::Duplicate {
        what: "face".into(),
        fields: FieldErrors::from([FieldError::new("name", "taken")]),
    };
    let context = RequestContext::new().timestamp("2024-01-15T11:22:33Z");
    assert_eq!(
        error.to_json_string(&context),
        concat!(
            r#"{"v":2,"nothing":null,"ok":true,"say \"hi\"\n":"tab\there","status":409,"#,
            r#""status_text":"409","title":"Conflict","type":"https://errors.example.com/DUPLICATE","#,
            r#""error":{"name":"AlreadyThere","category":"Conflicts","code":"DUPLICATE","message":"face exists"},"#,
            r#""meta":{"request":null,"at":"2024-01-15T11:22:33Z"},"details":{"name":["taken"]}}"#
        )
    );
    assert_eq!(
        Declared::Odd.to_json_string(&RequestContext::new().instance("/x")),
        concat!(
            r#"{"v":2,"nothing":null,"ok":true,"say \"hi\"\n":"tab\there","status":599,"#,
            r#""status_text":"599","title":"Server Error","type":"https://errors.example.com/ODD","#,
            r#""error":{"name":"Odd","category":null,"code":"ODD","message":"Server Error"},"#,
            r#""meta":{"request":null,"instance":"/x"},"details":null}"#
        )
    );
}

/// A second enum sharing the same declared shape.
#[derive(Debug, ApiError)]
#[api(envelope = EVERYTHING)]
enum Reuser {
    #[api(code = 7, status = 400)]
    Seven,
}

#[test]
fn one_shape_serves_several_enums() {
    let body = Reuser::Seven.to_json_string(&RequestContext::new());
    assert!(body.contains(r#""code":7,"#), "{body}");
    assert!(
        body.contains(r#""type":"https://errors.example.com/7""#),
        "{body}"
    );
}

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 422, message = "invalid")]
enum WithDetails {
    Fields {
        #[api(details)]
        fields: FieldErrors,
    },
    Optional {
        #[api(details)]
        extra: Option<Vec<u32>>,
    },
    Arbitrary {
        #[api(details)]
        extra: std::collections::BTreeMap<&'static str, (u8, bool)>,
    },
    Failing {
        #[api(details)]
        extra: Unserializable,
    },
    Plain,
}

#[derive(Debug)]
struct Unserializable;

impl Serialize for Unserializable {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("cannot serialize \"this\""))
    }
}

fn fields() -> FieldErrors {
    FieldErrors::from([
        FieldError::new("name", "Name is required")
            .code("required")
            .location("body"),
        FieldError::new("email", "Invalid email format").code("invalid_format"),
        FieldError::new("name", "Name is too short"),
    ])
}

fn body_in(shape: &Shape, error: &WithDetails) -> String {
    let mut out = Vec::new();
    shape
        .write(error, &RequestContext::new(), &mut out)
        .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn field_errors_in_each_native_form() {
    use api_error_core::envelopes::{FACE, INCIDENT, OZ, PETNOW, PROBLEM, TENNIS_REGISTRY};
    let error = WithDetails::Fields { fields: fields() };
    assert_eq!(
        body_in(&PETNOW, &error),
        r#"{"errors":[{"code":"FIELDS","details":{"name":["Name is required","Name is too short"],"email":["Invalid email format"]}}]}"#
    );
    assert_eq!(
        body_in(&TENNIS_REGISTRY, &error),
        concat!(
            r#"{"errors":[{"errorCode":"FIELDS","message":"invalid","subject":"name","subjectType":"body"},"#,
            r#"{"errorCode":"FIELDS","message":"invalid","subject":"email"},"#,
            r#"{"errorCode":"FIELDS","message":"invalid","subject":"name"}]}"#
        )
    );
    assert_eq!(
        body_in(&OZ, &error),
        concat!(
            r#"{"error_code":"FIELDS","error_message":"invalid","details":[{"field":"name","code":"required","message":"Name is required"},"#,
            r#"{"field":"email","code":"invalid_format","message":"Invalid email format"},{"field":"name","message":"Name is too short"}]}"#
        )
    );
    assert!(body_in(&FACE, &error).starts_with(r#"{"success":false,"error":{"code":"FIELDS","message":"invalid","details":[{"field":"name","#));
    assert_eq!(
        body_in(&INCIDENT, &error),
        r#"{"code":"FIELDS","message":"invalid","details":{"name":{"code":"required","message":"Name is required"},"email":{"code":"invalid_format","message":"Invalid email format"}}}"#
    );
    assert_eq!(
        body_in(&PROBLEM, &error),
        concat!(
            r#"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"invalid","code":"FIELDS","errors":["#,
            r##"{"detail":"Name is required","pointer":"#/name","code":"required"},"##,
            r##"{"detail":"Invalid email format","pointer":"#/email","code":"invalid_format"},"##,
            r##"{"detail":"Name is too short","pointer":"#/name"}]}"##
        )
    );
}

#[test]
fn absent_details_are_omitted_or_null_as_declared() {
    use api_error_core::envelopes::{INCIDENT, OZ, TENNIS_REGISTRY};
    let empty = WithDetails::Fields {
        fields: FieldErrors::new(),
    };
    assert_eq!(
        body_in(&INCIDENT, &empty),
        r#"{"code":"FIELDS","message":"invalid"}"#
    );
    assert_eq!(
        body_in(&OZ, &empty),
        r#"{"error_code":"FIELDS","error_message":"invalid","details":null}"#
    );
    assert_eq!(
        body_in(&TENNIS_REGISTRY, &empty),
        r#"{"errors":[{"errorCode":"FIELDS","message":"invalid"}]}"#
    );
    let none = WithDetails::Optional { extra: None };
    assert_eq!(
        body_in(&INCIDENT, &none),
        r#"{"code":"OPTIONAL","message":"invalid"}"#
    );
    assert_eq!(
        body_in(&OZ, &WithDetails::Plain),
        r#"{"error_code":"PLAIN","error_message":"invalid","details":null}"#
    );
}

#[test]
fn arbitrary_details_pass_through_unchanged() {
    use api_error_core::envelopes::{INCIDENT, TENNIS_REGISTRY};
    let some = WithDetails::Optional {
        extra: Some(vec![1, 2]),
    };
    assert_eq!(
        body_in(&INCIDENT, &some),
        r#"{"code":"OPTIONAL","message":"invalid","details":[1,2]}"#
    );
    let map = WithDetails::Arbitrary {
        extra: [("limit", (3, true))].into_iter().collect(),
    };
    assert_eq!(
        body_in(&INCIDENT, &map),
        r#"{"code":"ARBITRARY","message":"invalid","details":{"limit":[3,true]}}"#
    );
    // Only field errors are spread into per-field items; other details stay in their member.
    assert_eq!(
        body_in(&TENNIS_REGISTRY, &some),
        r#"{"errors":[{"errorCode":"OPTIONAL","message":"invalid","details":[1,2]}]}"#
    );
}

#[test]
fn details_that_fail_to_serialize_leave_a_valid_body() {
    use api_error_core::envelopes::{INCIDENT, PETNOW};
    let failing = WithDetails::Failing {
        extra: Unserializable,
    };
    let mut out = Vec::new();
    let result = INCIDENT.write(&failing, &RequestContext::new(), &mut out);
    let error = result.unwrap_err();
    assert!(error.to_string().contains("cannot serialize"), "{error}");
    assert_eq!(
        out,
        br#"{"code":"FAILING","message":"invalid","details":null}"#
    );
    let mut out = Vec::new();
    assert!(
        PETNOW
            .write(&failing, &RequestContext::new(), &mut out)
            .is_err()
    );
    assert_eq!(out, br#"{"errors":[{"code":"FAILING","details":null}]}"#);
    // The convenience methods never fail and still return the valid body.
    let body = failing.to_json_string(&RequestContext::new());
    serde_json::from_str::<serde_json::Value>(&body).unwrap();
}

#[test]
fn request_context_lands_where_the_shape_puts_it() {
    use api_error_core::envelopes::{FACE, INCIDENT, PROBLEM};
    let context = RequestContext::new()
        .request_id("req_1")
        .timestamp("2024-01-15T11:22:33Z")
        .instance("/faces/9");
    let plain = WithDetails::Plain;
    let mut out = Vec::new();
    FACE.write(&plain, &context, &mut out).unwrap();
    assert_eq!(
        out,
        br#"{"success":false,"error":{"code":"PLAIN","message":"invalid"},"request_id":"req_1","timestamp":"2024-01-15T11:22:33Z"}"#
    );
    out.clear();
    INCIDENT.write(&plain, &context, &mut out).unwrap();
    assert_eq!(
        out,
        br#"{"code":"PLAIN","message":"invalid","request_id":"req_1"}"#
    );
    out.clear();
    PROBLEM.write(&plain, &context, &mut out).unwrap();
    assert_eq!(
        out,
        br#"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"invalid","instance":"/faces/9","code":"PLAIN"}"#
    );
}

#[test]
fn default_envelope_is_problem_json() {
    assert_eq!(
        WithDetails::Plain.content_type(),
        "application/problem+json"
    );
    assert_eq!(
        WithDetails::Plain.to_json_string(&RequestContext::new()),
        r#"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"invalid","code":"PLAIN"}"#
    );
}

#[test]
fn write_body_appends() {
    let mut out = b"prefix:".to_vec();
    WithDetails::Plain
        .write_body(&RequestContext::new(), &mut out)
        .unwrap();
    assert!(out.starts_with(b"prefix:{\"type\""));
}

mod roundtrip {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value as Json;

    #[derive(Debug, ApiError)]
    #[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE", status = 400)]
    enum Face {
        #[api(message = "{text} / {text:?}", status = 404)]
        Text {
            text: String,
            #[api(details)]
            fields: FieldErrors,
        },
    }

    #[derive(Debug, ApiError)]
    #[api(envelope = "tennis_registry", status = 400)]
    enum Tennis {
        #[api(code = 5000, message = "{text}")]
        Text {
            text: String,
            #[api(details)]
            fields: FieldErrors,
        },
    }

    #[derive(Debug, ApiError)]
    #[api(envelope = "problem", code_case = "snake_case", status = 422)]
    enum Problem {
        #[api(message = "{text}")]
        Text {
            text: String,
            #[api(details)]
            fields: FieldErrors,
        },
    }

    // Any string: quotes, backslashes, control characters, non-ASCII, astral characters.
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("(?s).{0,40}").unwrap()
    }

    fn field_errors() -> impl Strategy<Value = Vec<(String, String, Option<String>)>> {
        proptest::collection::vec((text(), text(), proptest::option::of(text())), 0..4)
    }

    fn build(raw: &[(String, String, Option<String>)]) -> FieldErrors {
        raw.iter()
            .map(|(field, message, location)| {
                let error = FieldError::new(field.clone(), message.clone());
                match location {
                    Some(location) => error.location(location.clone()),
                    None => error,
                }
            })
            .collect()
    }

    /// The JSON Pointer of a field path as `serde_path_to_error` prints it, written apart from
    /// the crate's own: `pets[2].species` is `#/pets/2/species`; a part that does not end in
    /// `[digits]` suffixes is one step.
    fn reference_pointer(path: &str) -> String {
        let mut out = String::from("#");
        if path == "." {
            return out;
        }
        let escape = |step: &str| step.replace('~', "~0").replace('/', "~1");
        for part in path.split('.') {
            let mut name = part;
            let mut indexes = Vec::new();
            while let Some(open) = name
                .strip_suffix(']')
                .and_then(|inside| inside.rfind('[').map(|at| (inside, at)))
                .filter(|(inside, at)| {
                    let digits = &inside[at + 1..];
                    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
                })
            {
                let (inside, at) = open;
                indexes.push(&inside[at + 1..]);
                name = &inside[..at];
            }
            if !name.is_empty() || indexes.is_empty() {
                out.push('/');
                out.push_str(&escape(name));
            }
            for index in indexes.iter().rev() {
                out.push('/');
                out.push_str(index);
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn every_body_parses_back_to_the_same_strings(
            message in text(),
            request_id in text(),
            timestamp in text(),
            raw in field_errors(),
        ) {
            let context = RequestContext::new().request_id(&request_id).timestamp(&timestamp).instance(&request_id);

            let face = Face::Text { text: message.clone(), fields: build(&raw) };
            let parsed: Json = serde_json::from_str(&face.to_json_string(&context)).unwrap();
            prop_assert_eq!(&parsed["error"]["message"], &Json::from(format!("{message} / {message:?}")));
            prop_assert_eq!(&parsed["request_id"], &Json::from(request_id.clone()));
            prop_assert_eq!(&parsed["timestamp"], &Json::from(timestamp.clone()));
            for (index, (field, field_message, _)) in raw.iter().enumerate() {
                prop_assert_eq!(&parsed["error"]["details"][index]["field"], &Json::from(field.clone()));
                prop_assert_eq!(&parsed["error"]["details"][index]["message"], &Json::from(field_message.clone()));
            }

            let tennis = Tennis::Text { text: message.clone(), fields: build(&raw) };
            let parsed: Json = serde_json::from_str(&tennis.to_json_string(&context)).unwrap();
            let items = parsed["errors"].as_array().unwrap();
            prop_assert_eq!(items.len(), raw.len().max(1));
            for (item, (field, _, location)) in items.iter().zip(&raw) {
                prop_assert_eq!(&item["message"], &Json::from(message.clone()));
                prop_assert_eq!(&item["subject"], &Json::from(field.clone()));
                prop_assert_eq!(item.get("subjectType").cloned(), location.clone().map(Json::from));
            }

            let problem = Problem::Text { text: message.clone(), fields: build(&raw) };
            let parsed: Json = serde_json::from_str(&problem.to_json_string(&context)).unwrap();
            prop_assert_eq!(&parsed["detail"], &Json::from(message.clone()));
            prop_assert_eq!(&parsed["instance"], &Json::from(request_id.clone()));
            for (index, (field, field_message, _)) in raw.iter().enumerate() {
                let pointer = reference_pointer(field);
                prop_assert_eq!(&parsed["errors"][index]["pointer"], &Json::from(pointer));
                prop_assert_eq!(&parsed["errors"][index]["detail"], &Json::from(field_message.clone()));
            }

            // The other field-error forms parse too, whatever the names.
            let errors = build(&raw);
            for form in [DetailsForm::MessagesByField, DetailsForm::ObjectByField, DetailsForm::List] {
                let _: Json = serde_json::from_str(&form.render(&errors)).unwrap();
            }
        }
    }
}
