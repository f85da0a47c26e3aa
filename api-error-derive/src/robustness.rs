//! The derive answers every input with tokens (the impl, or errors and a fallback), never a
//! panic: checked on a sweep of hand-picked malformed inputs and on random ones.

use proc_macro2::TokenStream;
use proptest::prelude::*;
use syn::DeriveInput;

use crate::attr::KEYS;
use crate::expand::derive;

/// Runs the derive on `source`; `None` when the source is not a type definition at all. The
/// input is read as the macro reads it, and where the derive's own reader takes it, its tree
/// must be syn's.
fn expand(source: &str) -> Option<TokenStream> {
    let tokens: TokenStream = source.parse().ok()?;
    let by_syn = syn::parse2::<DeriveInput>(tokens.clone());
    if let Some(read) = crate::reader::derive_input(tokens.clone()) {
        assert_eq!(Some(&read), by_syn.as_ref().ok(), "{source}");
    }
    let input = by_syn.ok()?;
    let tokens = derive(&input, &tokens);
    assert!(
        syn::parse2::<syn::File>(tokens.clone()).is_ok(),
        "{source} => {tokens}"
    );
    Some(tokens)
}

fn has_errors(tokens: &TokenStream) -> bool {
    let tokens = tokens.to_string();
    // A placeholder naming no field is reported by rustc, through the derive's own trait.
    tokens.contains("compile_error") || tokens.contains("on_unimplemented")
}

#[test]
fn never_panics_on_malformed_input() {
    // Every key the derive knows, and one it does not.
    let keys = KEYS.iter().map(|(key, _)| *key).chain(["nope"]);
    let values = [
        "",
        "= 1",
        "= -1",
        "= \"\"",
        "= \"x y\"",
        "= \"{\"",
        "= \"}\"",
        "= \"{0}\"",
        "= \"{a:*}\"",
        "= NOT_FOUND",
        "= true",
        "= ::x",
        "= x::y",
        "= 1.5",
        "= [1]",
        "(a, b)",
        "= \"SCREAMING_SNAKE_CASE\"",
        "= 99999999999999999999999",
        "= \"::a::b\"",
        "= \"a b\"",
        "= \"face\"",
    ];
    let shapes = [
        "enum E { A, B(u8), C { c: u8 } }",
        "struct S { s: u8 }",
        "struct T(u8);",
        "enum Z {}",
        "union U { u: u8 }",
        "enum G<T, 'a> where T: 'a { A(&'a T), B { b: T } }",
    ];
    let mut count = 0;
    for shape in shapes {
        for key in keys.clone() {
            for value in values {
                let attr = format!("#[api({key} {value})]");
                let sources = [
                    format!("{attr} {shape}"),
                    shape.replacen("A,", &format!("{attr} A,"), 1),
                    shape.replacen("u8", &format!("{attr} u8"), 1),
                    shape.replacen("{ c:", &format!("{{ {attr} c:"), 1),
                ];
                for source in sources {
                    if expand(&source).is_some() {
                        count += 1;
                    }
                }
            }
        }
    }
    println!("{count} malformed inputs expanded without a panic");
    assert!(count > 4000, "only {count} inputs parsed");
}

// Random inputs: a type of a random shape whose attributes are drawn from the keys the derive
// knows, values of every kind, and stray tokens.

fn key() -> impl Strategy<Value = &'static str> {
    let known = KEYS.iter().map(|(key, _)| *key);
    prop::sample::select(
        known
            .chain(["stauts", "r#type", "a::b"])
            .collect::<Vec<_>>(),
    )
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        any::<i64>().prop_map(|n| format!("= {n}")),
        (0u32..1000).prop_map(|n| format!("= {n}")),
        "[a-zA-Z_ {}:?#0-9.<>^*$-]{0,12}".prop_map(|s| format!("= {s:?}")),
        prop::sample::select(vec![
            "= NOT_FOUND",
            "= StatusCode::CONFLICT",
            "= true",
            "= false",
            "= ::core",
            "= crate::x",
            "= \"SCREAMING_SNAKE_CASE\"",
            "= \"problem\"",
            "= \"face\"",
            "= [1, 2]",
            "(x)",
            "= 'c'",
            "= 1.5",
            "= -7",
            "= (",
            "= {",
        ])
        .prop_map(str::to_owned),
    ]
}

fn attribute() -> impl Strategy<Value = String> {
    prop::collection::vec((key(), value()), 0..4).prop_map(|items| {
        let items: Vec<String> = items
            .into_iter()
            .map(|(key, value)| format!("{key} {value}"))
            .collect();
        format!("#[api({})]", items.join(", "))
    })
}

fn attributes() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![4 => attribute(), 1 => Just("#[api]".to_owned()), 1 => Just("/// doc".to_owned())],
        0..3,
    )
    .prop_map(|attrs| attrs.join("\n"))
}

fn fields() -> impl Strategy<Value = String> {
    let ty = prop::sample::select(vec![
        "u8",
        "String",
        "T",
        "Option<FieldErrors>",
        "&'a str",
        "Vec<T>",
    ]);
    prop_oneof![
        Just(String::new()),
        prop::collection::vec((attributes(), ty.clone()), 0..3).prop_map(|fields| {
            let fields: Vec<String> = fields
                .into_iter()
                .map(|(attrs, ty)| format!("{attrs} {ty}"))
                .collect();
            format!("({})", fields.join(", "))
        }),
        prop::collection::vec((attributes(), "[a-z]{1,3}", ty), 0..3).prop_map(|fields| {
            let fields: Vec<String> = fields
                .into_iter()
                .map(|(attrs, name, ty)| format!("{attrs} {name}_f: {ty}"))
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }),
    ]
}

fn input() -> impl Strategy<Value = String> {
    let variants = prop::collection::vec((attributes(), "[A-Z][a-z]{0,6}", fields()), 0..5);
    prop_oneof![
        (attributes(), variants).prop_map(|(attrs, variants)| {
            let variants: Vec<String> = variants
                .into_iter()
                .map(|(attrs, name, fields)| format!("{attrs} {name}{fields}"))
                .collect();
            format!("{attrs} enum E<'a, T> {{ {} }}", variants.join(",\n"))
        }),
        (attributes(), fields()).prop_map(|(attrs, fields)| {
            let body = if fields.starts_with('(') {
                format!("{fields};")
            } else if fields.is_empty() {
                ";".into()
            } else {
                fields
            };
            format!("{attrs} struct S<'a, T> {body}")
        }),
    ]
}

/// The attribute of a variant `A { a: u8 }` with exactly one mistake.
fn mistaken() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "#[api(code = \"A1\", status = 600)]",
        "#[api(code = \"A1\", status = NOT_A_STATUS)]",
        "#[api(code = \"\")]",
        "#[api(code = \"A 1\")]",
        "#[api(code = \"A1\", stauts = 404)]",
        "#[api(code = \"A1\", message = \"{missing}\")]",
        "#[api(code = \"A1\", message = \"{\")]",
        "#[api(code = \"A1\", message = \"{a:q}\")]",
        "#[api(code = \"A1\", message = \"{0}\")]",
        "#[api(code = \"A1\", code_case = \"snake_case\")]",
        "#[api(code = \"A1\", expose, message = \"x\")]",
        "#[api(code = \"A1\", code = \"A2\")]",
        "#[api(code = \"LAST\")]",
        "#[api(code = 5)]",
    ])
}

/// An enum whose first variant carries `first`, followed by `others` valid variants.
fn enum_with(first: &str, others: usize) -> String {
    let mut variants = vec![format!("{first} A {{ a: u8 }}")];
    variants.extend(
        (0..others).map(|index| {
            format!("#[api(code = \"V{index}\", message = \"v {{0}}\")] V{index}(u8)")
        }),
    );
    variants.push("#[api(code = \"LAST\")] Last".to_owned());
    format!("#[api(status = 400)] enum E {{ {} }}", variants.join(", "))
}

/// How many random inputs each property runs: `PROPTEST_CASES` when it is set to a number
/// (`PROPTEST_CASES=100000 cargo test --release -p api-error-derive robustness`), otherwise
/// 3,000, which CI runs in a few seconds.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.trim().parse().ok())
        .unwrap_or(3000)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn random_inputs_never_panic(source in input()) {
        let _ = expand(&source);
    }

    #[test]
    fn a_known_mistake_is_always_reported(mistake in mistaken(), others in 0usize..4) {
        // The same enum without the mistake expands cleanly, so the error is the mistake's.
        let control = expand(&enum_with("#[api(code = \"A1\", message = \"a {a}\")]", others)).unwrap();
        prop_assert!(!has_errors(&control), "{}", control);
        let source = enum_with(mistake, others);
        let tokens = expand(&source).expect("the input is a valid enum");
        prop_assert!(has_errors(&tokens), "{} => {}", source, tokens);
    }
}
