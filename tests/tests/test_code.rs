use api_error_core::{ApiError, Code};

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Explicit {
    #[api(code = "FACE_NOT_FOUND")]
    FaceNotFound,
    #[api(code = "MULTIPLE_FACES")]
    MultipleFaces,
}

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Integers {
    #[api(code = 2006)]
    EntitySaving,
    #[api(code = 200601)]
    UsptaNotUnique,
    #[api(code = 0)]
    Unknown,
    #[api(code = -1)]
    Negative,
}

#[test]
fn explicit_codes() {
    assert_eq!(Explicit::FaceNotFound.code(), Code::Str("FACE_NOT_FOUND"));
    assert_eq!(Explicit::MultipleFaces.code(), "MULTIPLE_FACES");
    assert_eq!(Integers::EntitySaving.code(), Code::Int(2006));
    assert_eq!(Integers::UsptaNotUnique.code(), 200601);
    assert_eq!(Integers::Unknown.code(), Code::Int(0));
    assert_eq!(Integers::Negative.code(), Code::Int(-1));
}

macro_rules! case_rule {
    ($name:ident, $rule:literal, [$($code:literal),*]) => {
        // Only the catalog is inspected; no value is built.
        #[allow(dead_code)]
        #[derive(Debug, ApiError)]
        #[api(code_case = $rule, status = 500)]
        enum $name {
            FaceNotFound,
            HTTPVersionNotSupported,
            Requires2FA,
            #[api(code = "EXPLICIT_WINS")]
            Explicit,
        }

        #[test]
        #[allow(non_snake_case)]
        fn $name() {
            let codes: Vec<String> = $name::CATALOG.iter().map(|d| d.code().to_string()).collect();
            assert_eq!(codes, [$($code),*]);
        }
    };
}

case_rule!(
    Lower,
    "lowercase",
    [
        "facenotfound",
        "httpversionnotsupported",
        "requires2fa",
        "EXPLICIT_WINS"
    ]
);
case_rule!(
    Upper,
    "UPPERCASE",
    [
        "FACENOTFOUND",
        "HTTPVERSIONNOTSUPPORTED",
        "REQUIRES2FA",
        "EXPLICIT_WINS"
    ]
);
case_rule!(
    Pascal,
    "PascalCase",
    [
        "FaceNotFound",
        "HttpVersionNotSupported",
        "Requires2Fa",
        "EXPLICIT_WINS"
    ]
);
case_rule!(
    Camel,
    "camelCase",
    [
        "faceNotFound",
        "httpVersionNotSupported",
        "requires2Fa",
        "EXPLICIT_WINS"
    ]
);
case_rule!(
    Snake,
    "snake_case",
    [
        "face_not_found",
        "http_version_not_supported",
        "requires2_fa",
        "EXPLICIT_WINS"
    ]
);
case_rule!(
    ScreamingSnake,
    "SCREAMING_SNAKE_CASE",
    [
        "FACE_NOT_FOUND",
        "HTTP_VERSION_NOT_SUPPORTED",
        "REQUIRES2_FA",
        "EXPLICIT_WINS"
    ]
);
case_rule!(
    Kebab,
    "kebab-case",
    [
        "face-not-found",
        "http-version-not-supported",
        "requires2-fa",
        "EXPLICIT_WINS"
    ]
);
case_rule!(
    ScreamingKebab,
    "SCREAMING-KEBAB-CASE",
    [
        "FACE-NOT-FOUND",
        "HTTP-VERSION-NOT-SUPPORTED",
        "REQUIRES2-FA",
        "EXPLICIT_WINS"
    ]
);

#[derive(Debug, ApiError)]
#[api(prefix = "PETNOWB2B", status = 404)]
enum Prefixed {
    #[api(code = "PETNOWB2B20000")]
    NoSuchPet,
}

#[derive(Debug, ApiError)]
#[api(prefix = "E_", code_case = "SCREAMING_SNAKE_CASE", status = 404)]
enum PrefixedDerived {
    NoSuchPet,
    #[api(code = "E_CUSTOM")]
    Custom,
}

#[test]
fn prefixes() {
    assert_eq!(Prefixed::NoSuchPet.code(), "PETNOWB2B20000");
    assert_eq!(PrefixedDerived::NoSuchPet.code(), "E_NO_SUCH_PET");
    assert_eq!(PrefixedDerived::Custom.code(), "E_CUSTOM");
}

#[test]
fn lookup_by_code() {
    assert_eq!(
        Explicit::CATALOG.get("MULTIPLE_FACES").unwrap().variant(),
        "MultipleFaces"
    );
    assert_eq!(
        Explicit::CATALOG
            .get(String::from("FACE_NOT_FOUND"))
            .unwrap()
            .variant(),
        "FaceNotFound"
    );
    assert_eq!(
        Explicit::CATALOG
            .get(Code::Str("FACE_NOT_FOUND"))
            .unwrap()
            .variant(),
        "FaceNotFound"
    );
    assert!(Explicit::CATALOG.get("face_not_found").is_none());
    assert_eq!(
        Integers::CATALOG.get(200601).unwrap().variant(),
        "UsptaNotUnique"
    );
    assert_eq!(
        Integers::CATALOG.get(200601u64).unwrap().variant(),
        "UsptaNotUnique"
    );
    assert_eq!(Integers::CATALOG.get(-1i8).unwrap().variant(), "Negative");
    assert!(Integers::CATALOG.get(u64::MAX).is_none());
    assert!(Integers::CATALOG.get("2006").is_none());
}

#[test]
fn codes_serialize_as_their_kind() {
    assert_eq!(
        serde_json::to_string(&Explicit::FaceNotFound.code()).unwrap(),
        r#""FACE_NOT_FOUND""#
    );
    assert_eq!(
        serde_json::to_string(&Integers::EntitySaving.code()).unwrap(),
        "2006"
    );
    assert_eq!(
        format!("[{:>8}]", Integers::EntitySaving.code()),
        "[    2006]"
    );
    assert_eq!(format!("[{:<6}]", Code::Str("AB")), "[AB    ]");
}
