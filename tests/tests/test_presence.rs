//! Values present for some variants only: declared messages, attributes, objects whose
//! members are all absent, fallbacks, the status class, and constants of every kind.

use api_error_core::envelope::{Constant, Member, Shape, Value};
use api_error_core::{ApiError, AttrValue, MessageSource, RequestContext};

/// GitHub-like: `detail` only when a message is declared, a documentation URL per error.
const DECLARED: Shape = Shape::new(&[
    Member::new("title", Value::Title),
    Member::new("detail", Value::Message).when_declared(),
    Member::new("documentation_url", Value::Attr("doc_url")).required(),
    Member::new("retries", Value::Attr("retries")),
    Member::new("flag", Value::Attr("flag")).null_if_absent(),
]);

#[derive(Debug, ApiError)]
#[api(
    envelope = DECLARED,
    code_case = "snake_case",
    attr(doc_url = "https://docs.example.com/{status}/{code:kebab-case}#{name}")
)]
enum Declared {
    #[api(status = 404)]
    NotFound,
    #[api(status = 409, message = "the name {0} is taken", attr(retries = -1, flag = true))]
    NameTaken(String),
    #[api(
        status = 410,
        name = "GoneForGood",
        attr(doc_url = "https://example.com/{{literal}}")
    )]
    Gone,
}

#[test]
fn a_message_is_written_only_when_declared() {
    let context = RequestContext::new();
    assert_eq!(
        Declared::NotFound.to_json_string(&context),
        r#"{"title":"Not Found","documentation_url":"https://docs.example.com/404/not-found#NotFound","flag":null}"#
    );
    assert_eq!(
        Declared::NameTaken("x\"y".into()).to_json_string(&context),
        r#"{"title":"Conflict","detail":"the name x\"y is taken","documentation_url":"https://docs.example.com/409/name-taken#NameTaken","retries":-1,"flag":true}"#
    );
    assert_eq!(
        Declared::Gone.to_json_string(&context),
        r#"{"title":"Gone","documentation_url":"https://example.com/{literal}","flag":null}"#
    );
}

#[test]
fn descriptors_tell_a_declared_message_from_the_reason_phrase() {
    #[derive(Debug, ApiError)]
    #[api(code_case = "snake_case", status = 400, message = "bad request")]
    enum Sources {
        Default,
        #[api(message = "own")]
        Own,
        #[api(expose)]
        Exposed,
    }
    impl core::fmt::Display for Sources {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("shown")
        }
    }
    let source = |error: &Sources| error.descriptor().message_source();
    assert_eq!(source(&Sources::Default), MessageSource::Enum);
    assert_eq!(source(&Sources::Own), MessageSource::Variant);
    assert_eq!(source(&Sources::Exposed), MessageSource::Display);
    assert!(Sources::Default.descriptor().declares_message());
    assert_eq!(
        Declared::NotFound.descriptor().message_source(),
        MessageSource::Status
    );
    assert!(!Declared::NotFound.descriptor().declares_message());
    // The reason phrase is still the message.
    assert_eq!(Declared::NotFound.message().to_string(), "Not Found");
}

#[test]
fn attributes_merge_the_enum_defaults_with_the_variant_own() {
    let attrs = Declared::NameTaken(String::new()).descriptor().attrs();
    assert_eq!(
        attrs,
        [
            (
                "doc_url",
                AttrValue::Str("https://docs.example.com/409/name-taken#NameTaken")
            ),
            ("retries", AttrValue::Int(-1)),
            ("flag", AttrValue::Bool(true)),
        ]
    );
    // A variant's own value of a default stands where the default stood.
    assert_eq!(
        Declared::Gone.descriptor().attrs(),
        [("doc_url", AttrValue::Str("https://example.com/{literal}"))]
    );
}

/// Objects whose members may all be absent, and fallbacks.
const NESTED: Shape = Shape::new(&[
    Member::new(
        "meta",
        Value::Object(&[
            Member::new("request_id", Value::RequestId),
            Member::new("at", Value::Timestamp),
        ]),
    ),
    Member::new(
        "trace",
        Value::Object(&[Member::new("id", Value::RequestId)]),
    )
    .null_if_absent(),
    Member::new("code", Value::Code),
    Member::new("title", Value::Attr("title")).or(Value::Title),
    Member::new("group", Value::Category).or(Value::Constant(Constant::Str("general"))),
    Member::new("where", Value::Instance).or(Value::RequestId),
    Member::new("client", Value::IsClientError),
    Member::new("server", Value::IsServerError),
    Member::new("items", Value::List(&[Member::new("at", Value::Timestamp)])),
]);

#[derive(Debug, ApiError)]
#[api(envelope = NESTED, code_case = "snake_case")]
enum Nested {
    #[api(status = 503, attr(title = "Try later"), category = "Availability")]
    Unavailable,
    #[api(status = 404)]
    Missing,
}

#[test]
fn an_object_without_members_is_left_out_and_fallbacks_stand_in() {
    assert_eq!(
        Nested::Missing.to_json_string(&RequestContext::new()),
        r#"{"trace":null,"code":"missing","title":"Not Found","group":"general","client":true,"server":false,"items":[]}"#
    );
    let context = RequestContext::new()
        .request_id("r-1")
        .timestamp("2024-01-15T11:22:33Z");
    assert_eq!(
        Nested::Unavailable.to_json_string(&context),
        concat!(
            r#"{"meta":{"request_id":"r-1","at":"2024-01-15T11:22:33Z"},"trace":{"id":"r-1"},"code":"unavailable","#,
            r#""title":"Try later","group":"Availability","where":"r-1","client":false,"server":true,"#,
            r#""items":[{"at":"2024-01-15T11:22:33Z"}]}"#
        )
    );
    let context = RequestContext::new().instance("/x");
    let body = Nested::Unavailable.to_json_string(&context);
    assert!(body.contains(r#""where":"/x""#), "{body}");
    assert!(!body.contains("meta"), "{body}");
}

/// Constants of every kind, the empty ones included.
const CONSTANTS: Shape = Shape::new(&[
    Member::new("success", Value::Constant(Constant::Bool(false))),
    Member::new("errors", Value::Constant(Constant::Array(&[]))),
    Member::new("metadata", Value::Constant(Constant::Object(&[]))),
    Member::new(
        "versions",
        Value::Constant(Constant::Array(&[
            Constant::Int(1),
            Constant::Str("two\n"),
            Constant::Null,
            Constant::Array(&[Constant::Bool(true)]),
        ])),
    ),
    Member::new(
        "api",
        Value::Constant(Constant::Object(&[
            ("name", Constant::Str("x")),
            ("tags", Constant::Array(&[])),
        ])),
    ),
    Member::new("result", Value::Constant(Constant::Null)),
]);

#[derive(Debug, ApiError)]
#[api(envelope = CONSTANTS, code_case = "snake_case", status = 400)]
enum WithConstants {
    Bad,
}

#[test]
fn constants_of_every_kind() {
    let body = WithConstants::Bad.to_json_string(&RequestContext::new());
    assert_eq!(
        body,
        r#"{"success":false,"errors":[],"metadata":{},"versions":[1,"two\n",null,[true]],"api":{"name":"x","tags":[]},"result":null}"#
    );
    serde_json::from_str::<serde_json::Value>(&body).unwrap();
}

mod hostile {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value as Json;

    const SHAPE: Shape = Shape::new(&[
        Member::new("detail", Value::Message).when_declared(),
        Member::new("m", Value::Object(&[Member::new("id", Value::RequestId)])),
        Member::new("where", Value::Instance).or(Value::Message),
        Member::new("doc", Value::Attr("doc")),
    ]);

    #[derive(Debug, ApiError)]
    #[api(envelope = SHAPE, code_case = "snake_case", status = 400, attr(doc = "a\"b\\c\n{code}"))]
    enum Error {
        #[api(message = "{0}")]
        Text(String),
        Plain,
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn bodies_stay_valid_json(text in "(?s).{0,40}", id in proptest::option::of("(?s).{0,20}")) {
            let mut context = RequestContext::new();
            if let Some(id) = &id {
                context = context.request_id(id);
            }
            let parsed: Json = serde_json::from_str(&Error::Text(text.clone()).to_json_string(&context)).unwrap();
            prop_assert_eq!(&parsed["detail"], &Json::from(text.clone()));
            prop_assert_eq!(&parsed["where"], &Json::from(text.clone()));
            prop_assert_eq!(&parsed["doc"], &Json::from("a\"b\\c\ntext"));
            prop_assert_eq!(parsed.get("m").map(|m| m["id"].clone()), id.clone().map(Json::from));
            let parsed: Json = serde_json::from_str(&Error::Plain.to_json_string(&context)).unwrap();
            prop_assert!(parsed.get("detail").is_none());
        }
    }
}
