//! Any shape, any catalog: shapes made of every value, with every modifier and every details
//! form, over catalogs of errors with and without categories, attributes, declared messages
//! and members. The schema of each is JSON Schema 2020-12 that utoipa reads back unchanged,
//! and every body the shape writes for each error matches it.

use api_error_conformance::check_schema;
use api_error_core::__private::{Described, DescriptorParts, MessageParts};
use api_error_core::envelope::{Constant, Member, Value};
use api_error_core::{
    AttrValue, Catalog, Code, Descriptor, DetailsForm, Envelope, RequestContext, Shape,
};
use proptest::prelude::*;

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

fn constant() -> impl Strategy<Value = Constant> {
    let leaf = prop_oneof![
        Just(Constant::Null),
        any::<bool>().prop_map(Constant::Bool),
        (-3i64..3).prop_map(Constant::Int),
        Just(Constant::Str("v1")),
    ];
    leaf.prop_recursive(2, 6, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3)
                .prop_map(|items| Constant::Array(leak(items))),
            proptest::collection::vec(inner, 0..3).prop_map(|items| {
                let names = ["a", "b", "c"];
                Constant::Object(leak(names.into_iter().zip(items).collect()))
            }),
        ]
    })
}

/// A value of the error or the body; field values too when `in_list`.
fn value(in_list: bool) -> BoxedStrategy<Value> {
    let mut leaves = vec![
        Just(Value::Code).boxed(),
        Just(Value::Message).boxed(),
        Just(Value::Name).boxed(),
        Just(Value::Category).boxed(),
        Just(Value::Status).boxed(),
        Just(Value::StatusText).boxed(),
        Just(Value::Title).boxed(),
        Just(Value::TypeUri("https://errors.example.com/")).boxed(),
        Just(Value::IsClientError).boxed(),
        Just(Value::IsServerError).boxed(),
        prop_oneof![Just(Value::Attr("doc")), Just(Value::Attr("flag"))].boxed(),
        Just(Value::Details).boxed(),
        Just(Value::Member("limit")).boxed(),
        Just(Value::Inner).boxed(),
        Just(Value::RequestId).boxed(),
        Just(Value::Timestamp).boxed(),
        Just(Value::Instance).boxed(),
        constant().prop_map(Value::Constant).boxed(),
    ];
    if in_list {
        leaves.extend([
            Just(Value::Field).boxed(),
            Just(Value::FieldPointer("#")).boxed(),
            Just(Value::FieldMessage).boxed(),
            Just(Value::FieldCode).boxed(),
            Just(Value::FieldLocation).boxed(),
        ]);
    }
    proptest::strategy::Union::new(leaves).boxed()
}

/// A member of `value`, with the modifiers that apply to it.
fn member(name: &'static str, value: Value, in_list: bool) -> BoxedStrategy<Member> {
    let fallback = prop::option::of(self::value(in_list));
    (any::<bool>(), fallback, any::<bool>())
        .prop_map(move |(null, fallback, flag)| {
            let mut member = Member::new(name, value);
            if null {
                member = member.null_if_absent();
            }
            if let Some(fallback) = fallback {
                member = member.or(fallback);
            }
            match value {
                Value::Attr(_) if flag => member.required(),
                Value::Message if flag => member.when_declared(),
                _ => member,
            }
        })
        .boxed()
}

const NAMES: [&str; 6] = ["m0", "m1", "m2", "m3", "m4", "m5"];

fn members(depth: u32, in_list: bool) -> BoxedStrategy<&'static [Member]> {
    let one = move |index: usize| {
        let nested = if depth == 0 {
            value(in_list)
        } else {
            prop_oneof![
                6 => value(in_list),
                1 => members(depth - 1, in_list).prop_map(Value::Object),
                1 => members(depth - 1, true).prop_map(Value::List),
            ]
            .boxed()
        };
        nested
            .prop_flat_map(move |value| member(NAMES[index], value, in_list))
            .boxed()
    };
    (1usize..5, any::<bool>())
        .prop_flat_map(move |(count, flatten)| {
            let members: Vec<BoxedStrategy<Member>> = (0..count).map(one).collect();
            members.prop_map(move |mut members| {
                if flatten {
                    members.push(Member::flatten(Value::Members));
                }
                leak(members)
            })
        })
        .boxed()
}

fn details_form() -> impl Strategy<Value = DetailsForm> {
    let item = leak(vec![
        Member::new("field", Value::Field),
        Member::new("reason", Value::FieldCode).or(Value::FieldMessage),
        Member::new("where", Value::FieldLocation).null_if_absent(),
    ]);
    prop_oneof![
        Just(DetailsForm::MessagesByField),
        Just(DetailsForm::ObjectByField),
        Just(DetailsForm::List),
        Just(DetailsForm::Problem),
        Just(DetailsForm::Items(item)),
        Just(DetailsForm::ByField(Value::FieldMessage)),
        Just(DetailsForm::AllByField(Value::Object(item))),
        Just(DetailsForm::Nested {
            leaf: "_errors",
            value: Value::FieldMessage,
        }),
    ]
}

/// A shape that `Shape::new` accepts (it refuses some, as it does at compile time).
fn shape() -> impl Strategy<Value = Shape> {
    (members(2, false), details_form(), any::<bool>()).prop_filter_map(
        "a shape that breaks a rule",
        |(members, form, body)| {
            if !body {
                return Some(Shape::no_body());
            }
            // `Shape::new` says what is wrong by panicking: quietly, here.
            let hook = std::panic::take_hook();
            std::panic::set_hook(Box::new(|_| {}));
            let shape = std::panic::catch_unwind(|| Shape::new(members).details_form(form));
            std::panic::set_hook(hook);
            shape.ok()
        },
    )
}

fn attr() -> impl Strategy<Value = Option<AttrValue>> {
    prop::option::of(prop_oneof![
        Just(AttrValue::Str("https://docs.example.com")),
        (0i64..3).prop_map(AttrValue::Int),
        any::<bool>().prop_map(AttrValue::Bool),
    ])
}

fn catalog() -> impl Strategy<Value = Catalog> {
    let error = (
        prop_oneof![Just(400u16), Just(404), Just(429), Just(500), Just(503)],
        any::<bool>(),
        any::<bool>(),
        attr(),
        attr(),
        any::<bool>(),
    );
    proptest::collection::vec(error, 1..5).prop_map(|errors| {
        let descriptors = errors
            .into_iter()
            .enumerate()
            .map(|(index, (status, category, message, doc, flag, member))| {
                let code: &'static str = Box::leak(format!("E{index}").into_boxed_str());
                let code_json: &'static str = Box::leak(format!("\"{code}\"").into_boxed_str());
                let attrs: Vec<(&'static str, AttrValue)> = [("doc", doc), ("flag", flag)]
                    .into_iter()
                    .filter_map(|(name, value)| Some((name, value?)))
                    .collect();
                Descriptor::from_parts(DescriptorParts {
                    index,
                    variant: code,
                    code: Code::Str(code),
                    status,
                    name: code,
                    message: if message {
                        MessageParts::Fixed("it failed", "\"it failed\"")
                    } else {
                        MessageParts::Reason("Reason", "\"Reason\"")
                    },
                    category: if category { "Limits" } else { "" },
                    code_json,
                    attrs: leak(attrs),
                    members: if member { &["limit"] } else { &[] },
                    ..DescriptorParts::PLAIN
                })
            })
            .collect();
        Catalog::from_parts("Errors", leak(descriptors), &[])
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_body_matches_the_schema(shape in shape(), catalog in catalog()) {
        let Some(schema) = Envelope::schema(&shape, &catalog) else {
            prop_assert!(!shape.has_body());
            return Ok(());
        };
        check_schema(&schema);
        let validator = jsonschema::draft202012::new(&schema).unwrap();
        let contexts = [
            RequestContext::new(),
            RequestContext::new().request_id("r1").timestamp("2024-01-15T11:22:33Z").instance("/x"),
        ];
        for descriptor in catalog.iter() {
            for context in &contexts {
                let mut body = Vec::new();
                Envelope::write(&shape, &Described(descriptor), context, &mut body).unwrap();
                let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
                let errors: Vec<String> = validator
                    .iter_errors(&body)
                    .map(|error| format!("{error} at {}", error.instance_path))
                    .collect();
                prop_assert!(errors.is_empty(), "{} does not match {:#}: {:?}", body, schema, errors);
            }
        }
    }
}
