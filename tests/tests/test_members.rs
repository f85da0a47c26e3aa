//! Values from the variant's fields: members (flattened, in an object, one by key), inner
//! errors, headers, and responses without a body.

use std::collections::BTreeMap;

use api_error_core::envelope::{Member, Shape, Value};
use api_error_core::{ApiError, FieldError, FieldErrors, RequestContext};
use serde::{Serialize, Serializer};

/// RFC 9457 with extension members (the default envelope flattens them after the others).
#[derive(Debug, ApiError)]
#[api(code_case = "snake_case")]
enum Problem {
    #[api(
        status = 403,
        message = "Your current balance is {balance}, but that costs {cost}."
    )]
    OutOfCredit {
        #[api(member)]
        balance: u32,
        cost: u32,
        #[api(member)]
        accounts: Vec<&'static str>,
    },
    #[api(status = 429, message = "slow down")]
    RateLimited {
        #[api(member = "retryAfter")]
        retry_after: Option<u64>,
        #[api(member)]
        window: &'static str,
    },
}

#[test]
fn extension_members_follow_the_problem_members() {
    let error = Problem::OutOfCredit {
        balance: 30,
        cost: 50,
        accounts: vec!["/account/12345", "/account/67890"],
    };
    assert_eq!(
        error.to_json_string(&RequestContext::new().instance("/account/12345/msgs/abc")),
        concat!(
            r#"{"type":"about:blank","title":"Forbidden","status":403,"#,
            r#""detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","#,
            r#""code":"out_of_credit","balance":30,"accounts":["/account/12345","/account/67890"]}"#
        )
    );
    let limited = Problem::RateLimited {
        retry_after: None,
        window: "1h",
    };
    assert!(
        limited
            .to_json_string(&RequestContext::new())
            .ends_with(r#""code":"rate_limited","window":"1h"}"#)
    );
    let limited = Problem::RateLimited {
        retry_after: Some(30),
        window: "1h",
    };
    assert!(
        limited
            .to_json_string(&RequestContext::new())
            .ends_with(r#""code":"rate_limited","retryAfter":30,"window":"1h"}"#)
    );
    assert_eq!(
        Problem::CATALOG.descriptors()[1].members(),
        ["retryAfter", "window"]
    );
}

/// GraphQL-like: `path` beside `locations`, the rest under `extensions`.
const GRAPHQL: Shape = Shape::new(&[Member::new(
    "errors",
    Value::List(&[
        Member::new("message", Value::Message),
        Member::new("locations", Value::Member("locations")),
        Member::new("path", Value::Member("path")),
        Member::new(
            "extensions",
            Value::Object(&[
                Member::new("code", Value::Code),
                Member::flatten(Value::Members),
            ]),
        ),
        Member::new("more", Value::Members),
    ]),
)]);

#[derive(Debug, Serialize)]
struct Location {
    line: u32,
    column: u32,
}

#[derive(Debug, ApiError)]
#[api(envelope = GRAPHQL, code_case = "SCREAMING_SNAKE_CASE", status = 200)]
enum Graphql {
    #[api(message = "Name for character with ID {id} could not be fetched.")]
    CanNotFetchById {
        id: u32,
        #[api(member)]
        locations: Vec<Location>,
        #[api(member)]
        path: Vec<serde_json::Value>,
        #[api(member)]
        timestamp: &'static str,
    },
    Plain,
}

#[test]
fn members_named_by_key_are_not_written_again() {
    let error = Graphql::CanNotFetchById {
        id: 1002,
        locations: vec![Location { line: 6, column: 7 }],
        path: vec!["hero".into(), "heroFriends".into(), 1.into(), "name".into()],
        timestamp: "Fri Feb 9 14:33:09 UTC 2018",
    };
    assert_eq!(
        error.to_json_string(&RequestContext::new()),
        concat!(
            r#"{"errors":[{"message":"Name for character with ID 1002 could not be fetched.","#,
            r#""locations":[{"line":6,"column":7}],"path":["hero","heroFriends",1,"name"],"#,
            r#""extensions":{"code":"CAN_NOT_FETCH_BY_ID","timestamp":"Fri Feb 9 14:33:09 UTC 2018"},"#,
            r#""more":{"timestamp":"Fri Feb 9 14:33:09 UTC 2018"}}]}"#
        )
    );
    // Without members, the object of members is absent; the other object is not.
    assert_eq!(
        Graphql::Plain.to_json_string(&RequestContext::new()),
        r#"{"errors":[{"message":"OK","extensions":{"code":"PLAIN"}}]}"#
    );
}

/// A member whose `Serialize` fails is `null`, and the body says so.
#[derive(Debug)]
struct Failing;

impl Serialize for Failing {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("no"))
    }
}

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 500)]
enum WithFailing {
    Broken {
        #[api(member)]
        value: Failing,
        #[api(member)]
        map: BTreeMap<&'static str, u8>,
    },
}

#[test]
fn a_member_that_fails_to_serialize_is_null() {
    let error = WithFailing::Broken {
        value: Failing,
        map: [("a", 1)].into_iter().collect(),
    };
    let mut out = Vec::new();
    assert!(error.write_body(&RequestContext::new(), &mut out).is_err());
    let body = String::from_utf8(out).unwrap();
    assert!(body.ends_with(r#""value":null,"map":{"a":1}}"#), "{body}");
    assert_eq!(error.to_response(&RequestContext::new()).status(), 500);
}

/// OData-like inner errors, nested to any depth.
const ODATA: Shape = Shape::new(&[Member::new(
    "error",
    Value::Object(&[
        Member::new("code", Value::Code),
        Member::new("message", Value::Message),
        Member::new("target", Value::Member("target")),
        Member::new("innererror", Value::Inner),
    ]),
)]);

#[derive(Debug, ApiError)]
#[api(envelope = ODATA)]
enum OData {
    #[api(
        code = "BadArgument",
        status = 400,
        message = "Multiple errors in ContactInfo data"
    )]
    BadArgument {
        #[api(member)]
        target: &'static str,
        #[api(inner)]
        inner: Box<OData>,
    },
    #[api(code = "PasswordError", status = 400, message = "{0}")]
    Password(&'static str, #[api(inner)] Option<Box<OData>>),
    #[api(code = "PasswordDoesNotMeetPolicy", status = 400, message = "policy")]
    Policy(#[api(inner)] Option<Inner>),
}

/// An inner error of another type.
#[derive(Debug, ApiError)]
#[api(code_case = "camelCase", status = 400)]
enum Inner {
    #[api(message = "min length {0}")]
    PasswordTooShort(u8),
}

#[test]
fn inner_errors_nest_as_the_object_they_stand_in() {
    let error = OData::BadArgument {
        target: "ContactInfo",
        inner: Box::new(OData::Password(
            "bad \"password\"",
            Some(Box::new(OData::Policy(Some(Inner::PasswordTooShort(8))))),
        )),
    };
    assert_eq!(
        error.to_json_string(&RequestContext::new()),
        concat!(
            r#"{"error":{"code":"BadArgument","message":"Multiple errors in ContactInfo data","target":"ContactInfo","#,
            r#""innererror":{"code":"PasswordError","message":"bad \"password\"","#,
            r#""innererror":{"code":"PasswordDoesNotMeetPolicy","message":"policy","#,
            r#""innererror":{"code":"passwordTooShort","message":"min length 8"}}}}}"#
        )
    );
    assert_eq!(
        OData::Policy(None).to_json_string(&RequestContext::new()),
        r#"{"error":{"code":"PasswordDoesNotMeetPolicy","message":"policy"}}"#
    );
}

#[test]
fn inner_errors_stop_at_sixteen_levels() {
    let mut error = OData::Policy(None);
    for _ in 0..40 {
        error = OData::Password("x", Some(Box::new(error)));
    }
    let body = error.to_json_string(&RequestContext::new());
    serde_json::from_str::<serde_json::Value>(&body).unwrap();
    assert_eq!(body.matches("innererror").count(), 16);
}

/// Headers from fields.
#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", header("x-ratelimit-limit", "100"))]
enum Limited {
    #[api(status = 429, retry_after = 30)]
    RateLimited {
        #[api(header = "X-RateLimit-Remaining")]
        remaining: u32,
        #[api(header = "x-ratelimit-reset")]
        reset: Option<u64>,
        #[api(header = "x-ratelimit-limit")]
        limit: String,
    },
}

#[test]
fn fields_become_headers_with_their_text() {
    let error = Limited::RateLimited {
        remaining: 0,
        reset: Some(1_372_700_873),
        limit: "60".into(),
    };
    let headers: Vec<String> = error
        .headers()
        .map(|(name, value)| format!("{name}: {value}"))
        .collect();
    // The field's header replaces the enum's of the same name; Retry-After comes last.
    assert_eq!(
        headers,
        [
            "x-ratelimit-remaining: 0",
            "x-ratelimit-reset: 1372700873",
            "x-ratelimit-limit: 60",
            "retry-after: 30"
        ]
    );
    let response = error.to_response(&RequestContext::new());
    assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
    assert_eq!(response.headers()["x-ratelimit-limit"], "60");
    // A value that is no header value is left out of the response, not sent broken.
    let broken = Limited::RateLimited {
        remaining: 1,
        reset: None,
        limit: "6\r\n0".into(),
    };
    let response = broken.to_response(&RequestContext::new());
    assert!(response.headers().get("x-ratelimit-limit").is_none());
    assert!(response.headers().get("x-ratelimit-reset").is_none());
    assert_eq!(response.headers()["x-ratelimit-remaining"], "1");
}

#[derive(Debug, ApiError)]
#[api(envelope = "none", code_case = "snake_case")]
enum Bodiless {
    #[api(status = 304)]
    NotModified {
        #[api(header = "etag")]
        etag: &'static str,
    },
}

#[test]
fn a_response_without_a_body_has_no_content_type() {
    let response = Bodiless::NotModified { etag: "\"v7\"" }.to_response(&RequestContext::new());
    assert_eq!(response.status(), 304);
    assert!(response.body().is_empty());
    assert!(response.headers().get("content-type").is_none());
    assert_eq!(response.headers()["etag"], "\"v7\"");
    assert_eq!(Bodiless::body_schema(), None);
}

/// Field errors as members too, in the shape's form.
#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 422)]
enum Fields {
    Invalid {
        #[api(member = "invalid-params")]
        fields: FieldErrors,
    },
}

#[test]
fn field_errors_as_a_member_take_the_shape_form() {
    let error = Fields::Invalid {
        fields: FieldErrors::from([FieldError::new("age", "must be positive")]),
    };
    assert!(
        error
            .to_json_string(&RequestContext::new())
            .ends_with(r##""invalid-params":[{"detail":"must be positive","pointer":"#/age"}]}"##)
    );
}

mod hostile {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value as Json;

    #[derive(Debug, ApiError)]
    #[api(envelope = ODATA, code_case = "snake_case", status = 400)]
    enum Error {
        #[api(message = "{0}")]
        Text(
            String,
            #[api(member = "target")] String,
            #[api(inner)] Option<Box<Error>>,
        ),
    }

    impl Error {
        fn target(&self) -> &str {
            let Error::Text(_, target, _) = self;
            target
        }
    }

    #[derive(Debug, ApiError)]
    #[api(code_case = "snake_case", status = 400)]
    enum Members {
        Text {
            #[api(member = "a\"b")]
            text: String,
            #[api(header = "x-text")]
            header: String,
        },
    }

    fn text() -> impl Strategy<Value = String> {
        "(?s).{0,30}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn bodies_stay_valid_json(outer in text(), inner in text(), target in text()) {
            let error = Error::Text(outer.clone(), target.clone(), Some(Box::new(Error::Text(inner.clone(), target.clone(), None))));
            prop_assert_eq!(error.target(), target.as_str());
            let parsed: Json = serde_json::from_str(&error.to_json_string(&RequestContext::new())).unwrap();
            prop_assert_eq!(&parsed["error"]["message"], &Json::from(outer));
            prop_assert_eq!(&parsed["error"]["target"], &Json::from(target.clone()));
            prop_assert_eq!(&parsed["error"]["innererror"]["message"], &Json::from(inner));
            prop_assert_eq!(&parsed["error"]["innererror"]["target"], &Json::from(target.clone()));

            let members = Members::Text { text: target.clone(), header: target.clone() };
            let response = members.to_response(&RequestContext::new());
            let parsed: Json = serde_json::from_slice(response.body()).unwrap();
            prop_assert_eq!(&parsed["a\"b"], &Json::from(target.clone()));
            // The header is there exactly when the text is a header value.
            let valid = target.bytes().all(|b| b == b'\t' || (0x20..0x7f).contains(&b) || b >= 0x80);
            prop_assert_eq!(response.headers().get("x-text").is_some(), valid);
        }
    }
}

#[test]
fn a_bodiless_envelope_documents_responses_without_content() {
    let document = api_error_core::openapi::document::<Bodiless>("Errors", "1.0.0");
    let response = &document["components"]["responses"]["Bodiless304"];
    assert_eq!(response["description"], "Not Modified");
    assert!(response.get("content").is_none(), "{response}");
}
