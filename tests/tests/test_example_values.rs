//! Documentation bodies carry example values that read like what each field holds: taken from
//! the field's name and type, or from `#[api(example = ...)]`.

use api_error_core::markdown::Page;
use api_error_core::{ApiError, Example, openapi};

/// Errors of a shop, with string fields of many kinds.
#[derive(Debug, ApiError)]
#[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE")]
pub enum ShopError {
    /// The order does not exist.
    #[api(status = 404, message = "order {order_id} of {email} does not exist")]
    OrderNotFound { order_id: String, email: String },
    /// The webhook could not be reached.
    #[api(status = 502, message = "webhook {webhook_url} answered {status_code}")]
    WebhookFailed {
        webhook_url: String,
        status_code: u16,
    },
    /// The currency is not one the shop takes.
    #[api(status = 422, message = "currency {0} is not supported")]
    UnsupportedCurrency(String),
    /// The incident id, as the incident API's document shows it.
    #[api(status = 404, message = "Not found: Incident {id} not found")]
    IncidentNotFound { id: String },
    /// A field with its own example.
    #[api(status = 409, message = "coupon {coupon} is already used")]
    CouponUsed {
        #[api(example = "WELCOME10".to_owned())]
        coupon: String,
    },
    /// A field whose name says nothing the examples know.
    #[api(status = 422, message = "species {species} is not supported")]
    UnknownSpecies { species: String },
}

#[test]
fn example_values_come_from_field_names() {
    let messages: Vec<String> = ShopError::examples()
        .iter()
        .map(|error| error.message().to_string())
        .collect();
    assert_eq!(
        messages,
        [
            "order order_01J8Z3K4QF7XW2M9V6T5R1N0BC of jane.doe@example.com does not exist",
            "webhook https://example.com/webhook answered 1",
            "currency USD is not supported",
            "Not found: Incident 550e8400-e29b-41d4-a716-446655440000 not found",
            "coupon WELCOME10 is already used",
            "species species-1 is not supported",
        ]
    );
    assert_eq!(String::example_for("contact_email"), "jane.doe@example.com");
}

#[test]
fn documentation_never_shows_the_bare_type() {
    let page = Page::new("Error Codes").render::<ShopError>();
    assert!(
        page.contains(
            r#""message": "order order_01J8Z3K4QF7XW2M9V6T5R1N0BC of jane.doe@example.com does not exist""#
        ),
        "{page}"
    );
    let document = openapi::document::<ShopError>("Shop", "1.0.0");
    let examples = document["components"]["examples"].as_object().unwrap();
    assert_eq!(examples.len(), 6);
    assert_eq!(
        examples["ShopError_UNSUPPORTED_CURRENCY"]["value"]["message"],
        "currency USD is not supported"
    );
    let bodies: Vec<String> = examples
        .values()
        .map(|example| example["value"].to_string())
        .collect();
    for body in bodies.iter().chain([&page]) {
        assert!(
            !body
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == "string"),
            "{body}"
        );
    }
}
