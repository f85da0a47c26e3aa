//! PayPal's Orders v2 API: the error's documented name, per-issue details (a field error's
//! JSON Pointer, location, issue and description, or an issue alone), the message, the
//! request's debug id, and a link to the issue's documentation.
//!
//! Document: <https://docs.paypal.ai/developer/how-to/api/troubleshooting/common-errors/overview>
//! ("Error samples")

use api_error_core::envelope::{Constant, Member, Shape, Value};
use api_error_core::{ApiError, DetailsForm, FieldError, FieldErrors, RequestContext};
use serde::Serialize;

/// `{"name", "details", "message", "debug_id", "links": [{"href", "rel", "method"}]}`.
pub const SHAPE: Shape = Shape::new(&[
    Member::new("name", Value::Name),
    Member::new("details", Value::Details),
    Member::new("message", Value::Message),
    Member::new("debug_id", Value::RequestId),
    Member::new(
        "links",
        Value::List(&[
            Member::new("href", Value::Attr("information_link")).required(),
            Member::new("rel", Value::Constant(Constant::Str("information_link"))),
            Member::new("method", Value::Constant(Constant::Str("GET"))),
        ]),
    ),
])
.details_form(DetailsForm::Items(&[
    Member::new("field", Value::Field),
    Member::new("location", Value::FieldLocation),
    Member::new("issue", Value::FieldCode),
    Member::new("description", Value::FieldMessage),
]));

/// An issue that concerns no field of the request.
#[derive(Debug, Clone, Serialize)]
pub struct Issue {
    pub issue: &'static str,
    pub description: &'static str,
}

/// Errors of the Orders v2 API: the code is the issue, the name the error's kind.
#[derive(Debug, ApiError)]
#[api(
    envelope = SHAPE,
    code_case = "SCREAMING_SNAKE_CASE",
    attr(information_link = "https://developer.paypal.com/api/orders/v2/#error-{code}")
)]
pub enum PayPalError {
    /// Something unexpected occurred on the server.
    #[api(
        status = 500,
        name = "INTERNAL_SERVER_ERROR",
        message = "An internal server error has occurred."
    )]
    InternalServerError,
    /// The card is expired.
    #[api(
        status = 422,
        name = "UNPROCESSABLE_ENTITY",
        message = "The requested action could not be performed, semantically incorrect, or failed business validation.",
        attr(information_link = "https://developer.paypal.com/docs/api/orders/v2/#error-{code}")
    )]
    CardExpired(#[api(details)] FieldErrors),
    /// The caller may not send donation items.
    #[api(
        status = 403,
        name = "NOT_AUTHORIZED",
        message = "Authorization failed due to insufficient permissions."
    )]
    PermissionDeniedForDonationItems(#[api(details)] Vec<Issue>),
}

/// The document's samples with a body of this layout, in its order, each with its debug id.
pub fn documented() -> Vec<(PayPalError, RequestContext<'static>)> {
    vec![
        (
            PayPalError::InternalServerError,
            RequestContext::new().request_id("90957fca61718"),
        ),
        (
            PayPalError::CardExpired(FieldErrors::from([FieldError::new(
                "/payment_source/card/expiry",
                "The card is expired.",
            )
            .location("body")
            .code("CARD_EXPIRED")])),
            RequestContext::new().request_id("866780170332c"),
        ),
        (
            PayPalError::PermissionDeniedForDonationItems(vec![Issue {
                issue: "PERMISSION_DENIED_FOR_DONATION_ITEMS",
                description: "The API Caller or Payee have not been granted appropriate permissions to send 'items.category' as 'DONATION'. Please speak to your account manager if you want to process these type of items.",
            }]),
            RequestContext::new().request_id("90957fca61718"),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_examples::without_layout;

    const DOCUMENT: [&str; 3] = [
        r#"{
  "name": "INTERNAL_SERVER_ERROR",
  "message": "An internal server error has occurred.",
  "debug_id": "90957fca61718",
  "links": [
    {
      "href": "https://developer.paypal.com/api/orders/v2/#error-INTERNAL_SERVER_ERROR",
      "rel": "information_link",
      "method": "GET"
    }
  ]
}"#,
        r#"{
  "name": "UNPROCESSABLE_ENTITY",
  "details": [
    {
      "field": "/payment_source/card/expiry",
      "location": "body",
      "issue": "CARD_EXPIRED",
      "description": "The card is expired."
    }
  ],
  "message": "The requested action could not be performed, semantically incorrect, or failed business validation.",
  "debug_id": "866780170332c",
  "links": [
    {
      "href": "https://developer.paypal.com/docs/api/orders/v2/#error-CARD_EXPIRED",
      "rel": "information_link",
      "method": "GET"
    }
  ]
}"#,
        r#"{
  "name": "NOT_AUTHORIZED",
  "details": [
    {
      "issue": "PERMISSION_DENIED_FOR_DONATION_ITEMS",
      "description": "The API Caller or Payee have not been granted appropriate permissions to send 'items.category' as 'DONATION'. Please speak to your account manager if you want to process these type of items."
    }
  ],
  "message": "Authorization failed due to insufficient permissions.",
  "debug_id": "90957fca61718",
  "links": [
    {
      "href": "https://developer.paypal.com/api/orders/v2/#error-PERMISSION_DENIED_FOR_DONATION_ITEMS",
      "rel": "information_link",
      "method": "GET"
    }
  ]
}"#,
    ];

    #[test]
    fn bodies_are_the_documents() {
        let errors = documented();
        assert_eq!(errors.len(), DOCUMENT.len());
        for ((error, context), document) in errors.iter().zip(DOCUMENT) {
            assert_eq!(error.to_json_string(context), without_layout(document));
        }
    }
}
