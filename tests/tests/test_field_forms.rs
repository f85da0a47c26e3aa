//! Field errors in every form: per-field list items with nested objects and pointers, the
//! declared details forms, and nested paths.

use api_error_core::envelope::{Member, Shape, Value};
use api_error_core::{ApiError, DetailsForm, FieldError, FieldErrors, RequestContext};

/// JSON:API: one item per field error, the pointer in a nested `source` object.
const JSON_API: Shape = Shape::new(&[Member::new(
    "errors",
    Value::List(&[
        Member::new("status", Value::StatusText),
        Member::new("code", Value::FieldCode),
        Member::new(
            "source",
            Value::Object(&[Member::new(
                "pointer",
                Value::FieldPointer("/data/attributes"),
            )]),
        ),
        Member::new("title", Value::Attr("title")),
        Member::new("detail", Value::FieldMessage).or(Value::Message),
    ]),
)])
.content_type("application/vnd.api+json");

#[derive(Debug, ApiError)]
#[api(envelope = JSON_API, code_case = "snake_case")]
enum JsonApi {
    #[api(status = 422, attr(title = "Invalid Attribute"), message = "invalid")]
    Invalid(#[api(details)] FieldErrors),
    #[api(status = 404, attr(title = "Not Found"), message = "no such article")]
    NotFound,
}

#[test]
fn field_values_in_nested_objects_of_a_list_item() {
    let error = JsonApi::Invalid(FieldErrors::from([
        FieldError::new(
            "firstName",
            "First name must contain at least two characters.",
        ),
        FieldError::new("address.city", "is required").code("required"),
        FieldError::new("tags[1]", "is too long"),
    ]));
    assert_eq!(
        error.to_json_string(&RequestContext::new()),
        concat!(
            r#"{"errors":[{"status":"422","source":{"pointer":"/data/attributes/firstName"},"title":"Invalid Attribute","detail":"First name must contain at least two characters."},"#,
            r#"{"status":"422","code":"required","source":{"pointer":"/data/attributes/address/city"},"title":"Invalid Attribute","detail":"is required"},"#,
            r#"{"status":"422","source":{"pointer":"/data/attributes/tags/1"},"title":"Invalid Attribute","detail":"is too long"}]}"#
        )
    );
    // Without field errors: one item, without a source, with the error's own message.
    assert_eq!(
        JsonApi::NotFound.to_json_string(&RequestContext::new()),
        r#"{"errors":[{"status":"404","title":"Not Found","detail":"no such article"}]}"#
    );
    assert_eq!(
        JsonApi::Invalid(FieldErrors::new()).to_json_string(&RequestContext::new()),
        r#"{"errors":[{"status":"422","title":"Invalid Attribute","detail":"invalid"}]}"#
    );
}

#[test]
fn problem_pointers_follow_nested_paths() {
    #[derive(Debug, ApiError)]
    #[api(
        code_case = "snake_case",
        status = 400,
        message = "Your request is not valid."
    )]
    enum Error {
        Invalid(#[api(details)] FieldErrors),
    }
    let error = Error::Invalid(FieldErrors::from([
        FieldError::new("age", "must be a positive integer"),
        FieldError::new("profile.color", "must be 'green', 'red' or 'blue'"),
        FieldError::new("pets[2].species", "unknown"),
    ]));
    let body = error.to_json_string(&RequestContext::new());
    assert!(
        body.ends_with(concat!(
            r##""errors":[{"detail":"must be a positive integer","pointer":"#/age"},"##,
            r##"{"detail":"must be 'green', 'red' or 'blue'","pointer":"#/profile/color"},"##,
            r##"{"detail":"unknown","pointer":"#/pets/2/species"}]}"##
        )),
        "{body}"
    );
}

/// Google's `fieldViolations`, with each field error's code beside its message, and every
/// message of a field in a list.
const GOOGLE: Shape = Shape::new(&[Member::new(
    "error",
    Value::Object(&[
        Member::new("code", Value::Status),
        Member::new("message", Value::Message),
        Member::new("status", Value::Code),
        Member::new("details", Value::Details),
    ]),
)])
.details_form(DetailsForm::Items(&[
    Member::new("field", Value::Field),
    Member::new("reason", Value::FieldCode),
    Member::new("description", Value::FieldMessage),
]));

#[derive(Debug, ApiError)]
#[api(envelope = GOOGLE, code_case = "SCREAMING_SNAKE_CASE")]
enum Google {
    #[api(status = 400, message = "Request contains an invalid argument.")]
    InvalidArgument(#[api(details)] FieldErrors),
}

#[test]
fn declared_item_forms_rename_and_add_keys() {
    let error = Google::InvalidArgument(FieldErrors::from([
        FieldError::new("book.title", "Title must not be empty").code("EMPTY"),
        FieldError::new("book.year", "Year is in the future"),
    ]));
    assert_eq!(
        error.to_json_string(&RequestContext::new()),
        concat!(
            r#"{"error":{"code":400,"message":"Request contains an invalid argument.","status":"INVALID_ARGUMENT","details":["#,
            r#"{"field":"book.title","reason":"EMPTY","description":"Title must not be empty"},"#,
            r#"{"field":"book.year","description":"Year is in the future"}]}}"#
        )
    );
}

#[test]
fn forms_keyed_by_field_keep_the_first_or_every_error() {
    let errors = FieldErrors::from([
        FieldError::new("summary", "Field 'summary' cannot be set.").code("set"),
        FieldError::new("summary", "It is required."),
        FieldError::new("profile.color", "bad"),
    ]);
    assert_eq!(
        DetailsForm::ByField(Value::FieldMessage).render(&errors),
        r#"{"summary":"Field 'summary' cannot be set.","profile.color":"bad"}"#
    );
    assert_eq!(
        DetailsForm::AllByField(Value::FieldMessage).render(&errors),
        r#"{"summary":["Field 'summary' cannot be set.","It is required."],"profile.color":["bad"]}"#
    );
    const CODES: DetailsForm = DetailsForm::AllByField(Value::Object(&[
        Member::new("code", Value::FieldCode).null_if_absent(),
        Member::new("message", Value::FieldMessage),
    ]));
    assert_eq!(
        CODES.render(&errors),
        concat!(
            r#"{"summary":[{"code":"set","message":"Field 'summary' cannot be set."},{"code":null,"message":"It is required."}],"#,
            r#""profile.color":[{"code":null,"message":"bad"}]}"#
        )
    );
    const NESTED: DetailsForm = DetailsForm::Nested {
        leaf: "_errors",
        value: Value::Object(&[
            Member::new("code", Value::FieldCode),
            Member::new("message", Value::FieldMessage),
        ]),
    };
    assert_eq!(
        NESTED.render(&errors),
        concat!(
            r#"{"summary":{"_errors":[{"code":"set","message":"Field 'summary' cannot be set."},{"message":"It is required."}]},"#,
            r#""profile":{"color":{"_errors":[{"message":"bad"}]}}}"#
        )
    );
}

mod hostile {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value as Json;

    const FORMS: [DetailsForm; 6] = [
        DetailsForm::Items(&[
            Member::new("field", Value::Field),
            Member::new("pointer", Value::FieldPointer("#")),
            Member::new("code", Value::FieldCode).or(Value::FieldLocation),
            Member::new("message", Value::FieldMessage),
        ]),
        DetailsForm::ByField(Value::FieldMessage),
        DetailsForm::AllByField(Value::FieldCode),
        DetailsForm::Nested {
            leaf: "_errors",
            value: Value::FieldMessage,
        },
        DetailsForm::Problem,
        DetailsForm::ObjectByField,
    ];

    fn text() -> impl Strategy<Value = String> {
        // Paths with dots and brackets among the hostile characters.
        "(?s)[a-z.\\[\\]0-9~/\"\\\\\u{0}-\u{1f}é😀]{0,16}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn every_form_stays_valid_json(
            raw in proptest::collection::vec((text(), text(), proptest::option::of(text())), 0..5),
            message in text(),
        ) {
            let errors: FieldErrors = raw
                .iter()
                .map(|(field, message, code)| {
                    let error = FieldError::new(field.clone(), message.clone());
                    match code {
                        Some(code) => error.code(code.clone()),
                        None => error,
                    }
                })
                .collect();
            for form in FORMS {
                let rendered = form.render(&errors);
                let parsed: Json = serde_json::from_str(&rendered).unwrap();
                prop_assert!(parsed.is_object() || parsed.is_array());
            }
            let items = serde_json::from_str::<Json>(&FORMS[0].render(&errors)).unwrap();
            for (item, (field, field_message, _)) in items.as_array().unwrap().iter().zip(&raw) {
                prop_assert_eq!(&item["field"], &Json::from(field.clone()));
                prop_assert_eq!(&item["message"], &Json::from(field_message.clone()));
            }
            let error = JsonApi::Invalid(errors);
            let _ = message;
            let parsed: Json = serde_json::from_str(&error.to_json_string(&RequestContext::new())).unwrap();
            prop_assert_eq!(parsed["errors"].as_array().unwrap().len(), raw.len().max(1));
        }
    }
}
