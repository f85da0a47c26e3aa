//! Bodies of the second generation of envelopes: RFC 9457 extension members taken from the
//! variant's fields, and a body of several errors (`ApiErrors`) in a list shape, each against
//! the `#[derive(Serialize)]` struct that writes the same bytes.

use std::hint::black_box;

use api_error_core::envelope::{Member, Value};
use api_error_core::{ApiError, ApiErrors, RequestContext, Shape};
use serde::Serialize;

use crate::Compare;
use crate::bodies::{body, derived, hand_written};

/// Both figures.
///
/// # Panics
///
/// When the derive and the hand-written struct do not both write the expected body.
pub fn cases(run: &mut impl Compare) {
    extension_members(run);
    list(run);
}

// ---------------------------------------------------------------------------------------------
// RFC 9457 with extension members, in the default envelope.

/// Errors whose fields are extension members.
#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
pub enum CreditError {
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
}

#[derive(Serialize)]
struct OutOfCredit<'a, M> {
    #[serde(rename = "type")]
    type_uri: &'a str,
    title: &'a str,
    status: u16,
    detail: M,
    #[serde(skip_serializing_if = "Option::is_none")]
    instance: Option<&'a str>,
    code: &'a str,
    balance: u32,
    accounts: &'a [&'a str],
}

fn extension_members(run: &mut impl Compare) {
    let context = RequestContext::new().instance("/account/12345/msgs/abc");
    let accounts = vec!["/account/12345", "/account/67890"];
    let error = CreditError::OutOfCredit {
        balance: 30,
        cost: 50,
        accounts: accounts.clone(),
    };
    let (balance, cost) = (30_u32, 50_u32);
    body(
        run,
        "problem/extension_members",
        r#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","code":"OUT_OF_CREDIT","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
        |out| derived(&error, &context, out),
        |out| {
            let context = black_box(&context);
            let (balance, cost) = black_box((balance, cost));
            let body = OutOfCredit {
                type_uri: "about:blank",
                title: "Forbidden",
                status: 403,
                detail: format_args!("Your current balance is {balance}, but that costs {cost}."),
                instance: context.instance,
                code: "OUT_OF_CREDIT",
                balance,
                accounts: black_box(&accounts),
            };
            hand_written(&body, out);
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Several errors in one body: JSON:API-like items with a status, a title and a detail.

/// `{"errors": [{"status", "code", "title", "detail"}], "jsonapi": {"version": "1.1"}}`.
pub const LISTED: Shape = Shape::new(&[
    Member::new(
        "errors",
        Value::List(&[
            Member::new("status", Value::StatusText),
            Member::new("code", Value::Code),
            Member::new("title", Value::Attr("title")),
            Member::new("detail", Value::Message),
        ]),
    ),
    Member::new(
        "jsonapi",
        Value::Object(&[Member::new(
            "version",
            Value::Constant(api_error_core::envelope::Constant::Str("1.1")),
        )]),
    ),
])
.content_type("application/vnd.api+json");

/// Errors written several to a body.
#[derive(Debug, ApiError)]
#[api(envelope = LISTED, code_case = "kebab-case")]
pub enum ListedError {
    #[api(
        status = 403,
        attr(title = "Forbidden"),
        message = "Editing secret powers is not authorized on Sundays."
    )]
    SecretPowers,
    #[api(
        status = 422,
        attr(title = "Invalid Attribute"),
        message = "Volume does not, in fact, go to {0}."
    )]
    Volume(u32),
    #[api(
        status = 500,
        attr(title = "The backend responded with an error"),
        message = "Reputation service not responding after three requests."
    )]
    Reputation,
}

#[derive(Serialize)]
struct Listed<'a, I> {
    errors: I,
    jsonapi: Version<'a>,
}

#[derive(Serialize)]
struct Version<'a> {
    version: &'a str,
}

#[derive(Serialize)]
struct ListedItem<'a, D> {
    status: &'a str,
    code: &'a str,
    title: &'a str,
    detail: D,
}

/// A detail as hand-written code writes it: static text, or formatted while serialized.
enum Detail {
    Text(&'static str),
    Volume(u32),
}

impl Serialize for Detail {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Detail::Text(text) => serializer.serialize_str(text),
            Detail::Volume(volume) => {
                serializer.collect_str(&format_args!("Volume does not, in fact, go to {volume}."))
            }
        }
    }
}

fn list(run: &mut impl Compare) {
    let context = RequestContext::new();
    let errors = ApiErrors::from_vec(vec![
        ListedError::SecretPowers,
        ListedError::Volume(11),
        ListedError::Reputation,
    ])
    .unwrap_or_else(|| ApiErrors::new(ListedError::Reputation));
    body(
        run,
        "list/three_errors",
        concat!(
            r#"{"errors":[{"status":"403","code":"secret-powers","title":"Forbidden","detail":"Editing secret powers is not authorized on Sundays."},"#,
            r#"{"status":"422","code":"volume","title":"Invalid Attribute","detail":"Volume does not, in fact, go to 11."},"#,
            r#"{"status":"500","code":"reputation","title":"The backend responded with an error","detail":"Reputation service not responding after three requests."}],"jsonapi":{"version":"1.1"}}"#
        ),
        |out| {
            black_box(&errors)
                .write_body(black_box(&context), out)
                .unwrap()
        },
        |out| {
            let items =
                crate::bodies::Each(
                    black_box(errors.as_slice()),
                    |error: &ListedError| match error {
                        ListedError::SecretPowers => ListedItem {
                            status: "403",
                            code: "secret-powers",
                            title: "Forbidden",
                            detail: Detail::Text(
                                "Editing secret powers is not authorized on Sundays.",
                            ),
                        },
                        ListedError::Volume(volume) => ListedItem {
                            status: "422",
                            code: "volume",
                            title: "Invalid Attribute",
                            detail: Detail::Volume(*volume),
                        },
                        ListedError::Reputation => ListedItem {
                            status: "500",
                            code: "reputation",
                            title: "The backend responded with an error",
                            detail: Detail::Text(
                                "Reputation service not responding after three requests.",
                            ),
                        },
                    },
                );
            let body = Listed {
                errors: items,
                jsonapi: Version { version: "1.1" },
            };
            hand_written(&body, out);
        },
    );
}
