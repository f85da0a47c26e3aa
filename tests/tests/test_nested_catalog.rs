//! Merged catalogs: a type's catalog includes the catalogs its transparent variants wrap, so
//! lookups, the JSON export, the stability check, the Markdown pages, the OpenAPI document and
//! the body schema see every error it can produce, each once.

use api_error_core::markdown::{Page, summary};
use api_error_core::{ApiError, Catalog, RequestContext};

#[derive(Debug, ApiError)]
#[api(
    envelope = "face",
    prefix = "SHOP_AUTH_",
    code_case = "SCREAMING_SNAKE_CASE"
)]
pub enum AuthError {
    /// The session has expired.
    #[api(status = 401, category = "Authentication", solution = "Sign in again")]
    SessionExpired,
    #[api(status = 403)]
    Forbidden,
}

/// Billing wraps the auth errors too: they are reachable through two paths. Its prefix is the
/// one its codes and the wrapped ones share.
#[derive(Debug, ApiError)]
#[api(envelope = "incident", prefix = "SHOP_")]
pub enum BillingError {
    /// The card was declined.
    #[api(
        code = "SHOP_BILLING_CARD_DECLINED",
        status = 402,
        message = "card ending {last4} declined"
    )]
    CardDeclined { last4: String },
    #[api(transparent)]
    Auth(AuthError),
}

#[derive(Debug, ApiError)]
#[api(
    envelope = "incident",
    prefix = "SHOP_",
    code_case = "SCREAMING_SNAKE_CASE"
)]
pub enum ShopError {
    /// No such route.
    #[api(status = 404)]
    NotFound,
    #[api(transparent)]
    Auth(AuthError),
    #[api(transparent)]
    Billing(BillingError),
}

fn codes(catalog: Catalog) -> Vec<String> {
    catalog
        .iter()
        .map(|error| error.code().to_string())
        .collect()
}

const ALL: [&str; 4] = [
    "SHOP_NOT_FOUND",
    "SHOP_AUTH_SESSION_EXPIRED",
    "SHOP_AUTH_FORBIDDEN",
    "SHOP_BILLING_CARD_DECLINED",
];

#[test]
fn the_catalog_lists_every_error_once_own_first() {
    let catalog = ShopError::CATALOG;
    assert_eq!(codes(catalog), ALL);
    assert_eq!(catalog.len(), 4);
    assert_eq!(catalog.descriptors().len(), 1);
    let nested: Vec<&str> = catalog.nested().iter().map(Catalog::name).collect();
    assert_eq!(nested, ["AuthError", "BillingError"]);
    assert_eq!(catalog.statuses(), [401, 402, 403, 404]);
    // The billing module on its own lists the auth errors after its own.
    assert_eq!(
        codes(BillingError::CATALOG),
        [
            "SHOP_BILLING_CARD_DECLINED",
            "SHOP_AUTH_SESSION_EXPIRED",
            "SHOP_AUTH_FORBIDDEN"
        ]
    );
}

#[test]
fn lookups_find_nested_errors() {
    let found = ShopError::CATALOG.get("SHOP_AUTH_SESSION_EXPIRED").unwrap();
    assert_eq!(found.status(), 401);
    assert_eq!(found.solutions(), ["Sign in again"]);
    assert_eq!(
        ShopError::CATALOG
            .get("SHOP_BILLING_CARD_DECLINED")
            .unwrap()
            .name(),
        "CardDeclined"
    );
    assert!(ShopError::CATALOG.get("SHOP_NOPE").is_none());
}

#[test]
fn the_json_export_and_the_stability_check_see_every_error() {
    let export: serde_json::Value = serde_json::from_str(&ShopError::CATALOG.to_json()).unwrap();
    let exported: Vec<&str> = export["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["code"].as_str().unwrap())
        .collect();
    assert_eq!(exported, ALL);
    assert!(
        ShopError::CATALOG
            .check_stable(&ShopError::CATALOG.to_json())
            .is_ok()
    );
    // A snapshot with a nested error the catalog no longer has.
    let snapshot = r#"{"name":"ShopError","errors":[
        {"code":"SHOP_AUTH_FORBIDDEN","status":403,"name":"Forbidden"},
        {"code":"SHOP_BILLING_REFUND_FAILED","status":502,"name":"RefundFailed"}]}"#;
    let breaks = ShopError::CATALOG.check_stable(snapshot).unwrap_err();
    assert_eq!(
        breaks.changes(),
        ["code `SHOP_BILLING_REFUND_FAILED` (RefundFailed) was removed"]
    );
}

#[test]
fn markdown_pages_list_every_error_in_the_outer_envelope() {
    let tables = summary::<ShopError>();
    for code in ALL {
        assert!(
            tables.contains(&format!("| `{code}` |")),
            "{code}\n{tables}"
        );
    }
    let page = Page::new("Shop errors").render::<ShopError>();
    assert!(page.contains("## Authentication Errors (401)\n"), "{page}");
    // The example body of a nested error is the outer type's envelope.
    assert!(
        page.contains(
            "### SHOP_BILLING_CARD_DECLINED - CardDeclined\n\nStatus Code: 402\n\n```json\n{\n  \"code\": \"SHOP_BILLING_CARD_DECLINED\",\n  \"message\": \"card ending last4-1 declined\"\n}\n```"
        ),
        "{page}"
    );
    assert_eq!(page.matches("### SHOP_AUTH_FORBIDDEN - ").count(), 1);
}

#[test]
fn openapi_and_the_body_schema_see_every_error() {
    let components = api_error_core::openapi::components::<ShopError>();
    for code in ALL {
        let example = &components["examples"][format!("ShopError_{code}")];
        assert_eq!(example["value"]["code"], code, "{components:#}");
    }
    assert_eq!(
        components["responses"]["ShopError401"]["content"]["application/json"]["examples"]["SHOP_AUTH_SESSION_EXPIRED"]
            ["$ref"],
        "#/components/examples/ShopError_SHOP_AUTH_SESSION_EXPIRED"
    );
    let schema = ShopError::body_schema().unwrap();
    assert_eq!(schema["properties"]["code"]["enum"], serde_json::json!(ALL));
}

/// Only transparent variants, over integer codes.
#[derive(Debug, ApiError)]
#[api(envelope = "oz")]
pub enum LegacyError {
    #[api(code = 10, status = 404, message = "not found")]
    NotExist,
}

#[derive(Debug, ApiError)]
#[api(envelope = "oz")]
pub enum LegacyFacade {
    #[api(transparent)]
    Legacy(LegacyError),
}

#[test]
fn a_type_of_transparent_variants_only_answers_its_500_in_the_kind_of_its_codes() {
    assert!(LegacyFacade::CATALOG.descriptors().is_empty());
    assert_eq!(LegacyFacade::CATALOG.len(), 1);
    let response = LegacyFacade::internal_response(&RequestContext::new());
    assert_eq!(response.status(), 500);
    assert_eq!(
        response.body(),
        br#"{"error_code":500,"error_message":"Internal Server Error","details":null}"#
    );
}
