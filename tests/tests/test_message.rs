use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 400)]
enum Error {
    #[api(message = "entity not found")]
    Static,
    #[api(message = "pet {pet_id} not found in {pool}")]
    Named {
        pet_id: String,
        pool: &'static str,
    },
    #[api(message = "entity {0} conflicts with {1}")]
    Positional(u32, String),
    #[api(message = "next {} then {}")]
    Implicit(u8, u8),
    #[api(message = "species {species:?} is not DOG or CAT")]
    Debug {
        species: String,
    },
    #[api(message = "id {id:#x} / {id:08b} / {id:>6} / {id:<4}|")]
    Specs {
        id: u32,
    },
    #[api(message = "ratio {0:.2} or {0:e}")]
    Float(f64),
    #[api(message = "literal {{braces}} and {value}")]
    Braces {
        value: i32,
    },
    #[api(message = "keyword field {r#type}")]
    Keyword {
        r#type: &'static str,
    },
    #[api(message = "field {a} twice {a}")]
    Twice {
        a: char,
    },
    #[api(message = "{0}{1}-{2}")]
    Three(u8, &'static str, char),
    #[api(message = "{0} {1} {2} {3}")]
    Four(u8, u8, u8, u8),
    #[api(message = "{0}")]
    Alone(String),
    #[api(message = "{0} and {1:?}")]
    PlainAndSpec(u8, &'static str),
    NoMessage,
}

#[test]
fn static_messages_need_no_formatting() {
    assert_eq!(
        Error::Static.message().as_static(),
        Some("entity not found")
    );
    assert_eq!(Error::Static.message().to_string(), "entity not found");
    assert_eq!(Error::NoMessage.message().as_static(), Some("Bad Request"));
}

#[test]
fn interpolation() {
    let named = Error::Named {
        pet_id: "p_1".into(),
        pool: "main",
    };
    assert_eq!(named.message().to_string(), "pet p_1 not found in main");
    assert_eq!(named.message().as_static(), None);
    assert_eq!(
        Error::Positional(7, "x".into()).message().to_string(),
        "entity 7 conflicts with x"
    );
    assert_eq!(Error::Implicit(1, 2).message().to_string(), "next 1 then 2");
    let debug = Error::Debug {
        species: "PARROT".into(),
    };
    assert_eq!(
        debug.message().to_string(),
        r#"species "PARROT" is not DOG or CAT"#
    );
    assert_eq!(
        Error::Specs { id: 26 }.message().to_string(),
        "id 0x1a / 00011010 /     26 / 26  |"
    );
    assert_eq!(
        Error::Float(1.5).message().to_string(),
        "ratio 1.50 or 1.5e0"
    );
    assert_eq!(
        Error::Braces { value: -3 }.message().to_string(),
        "literal {braces} and -3"
    );
    assert_eq!(
        Error::Keyword { r#type: "dog" }.message().to_string(),
        "keyword field dog"
    );
    assert_eq!(
        Error::Twice { a: 'z' }.message().to_string(),
        "field z twice z"
    );
    let _ = Error::Twice { a: 'z' }.message();
}

/// Templates of one to three plain placeholders are written as their text and values in turn,
/// others through `format_args!`: the same text either way, with placeholders at either end,
/// side by side, or beside a format spec.
#[test]
fn plain_placeholders_at_ends_and_side_by_side() {
    assert_eq!(Error::Three(1, "b", 'c').message().to_string(), "1b-c");
    assert_eq!(Error::Four(1, 2, 3, 4).message().to_string(), "1 2 3 4");
    assert_eq!(
        Error::Alone("only {this}".into()).message().to_string(),
        "only {this}"
    );
    assert_eq!(
        Error::PlainAndSpec(5, "x").message().to_string(),
        r#"5 and "x""#
    );
    let mut written = String::new();
    Error::Three(9, "", 'z')
        .write_message(&mut written)
        .unwrap();
    assert_eq!(written, "9-z");
}

#[test]
fn templates_are_in_the_descriptor() {
    let named = Error::CATALOG.get("named").unwrap();
    assert_eq!(named.message(), Some("pet {pet_id} not found in {pool}"));
    assert_eq!(
        Error::CATALOG.get("braces").unwrap().message(),
        Some("literal {{braces}} and {value}")
    );
    assert_eq!(
        Error::CATALOG.get("no_message").unwrap().message(),
        Some("Bad Request")
    );
}

#[test]
fn messages_serialize_as_json_strings() {
    let named = Error::Named {
        pet_id: "\"quoted\"\n".into(),
        pool: "ü",
    };
    let json = serde_json::to_string(&named.message()).unwrap();
    assert_eq!(json, r#""pet \"quoted\"\n not found in ü""#);
    assert_eq!(
        serde_json::from_str::<String>(&json).unwrap(),
        named.message().to_string()
    );
    assert_eq!(
        serde_json::to_string(&Error::Static.message()).unwrap(),
        r#""entity not found""#
    );
}

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 422, message = "request rejected")]
enum WithDefault {
    UsesDefault,
    #[api(status = 503)]
    ServerUsesDefaultToo,
    #[api(message = "own {0}")]
    Own(u8),
}

#[test]
fn enum_level_default_message() {
    assert_eq!(
        WithDefault::UsesDefault.message().to_string(),
        "request rejected"
    );
    assert_eq!(
        WithDefault::ServerUsesDefaultToo.message().to_string(),
        "request rejected"
    );
    assert_eq!(WithDefault::Own(1).message().to_string(), "own 1");
}
