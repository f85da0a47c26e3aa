//! RFC 9457, Problem Details for HTTP APIs: a type URI and a title per problem type, the
//! message as `detail` only where a problem has one, and extension members (`balance`,
//! `accounts`) beside the standard ones; validation errors as `errors` with JSON Pointers to
//! nested fields.
//!
//! Document: <https://www.rfc-editor.org/rfc/rfc9457#section-3>

use api_error_core::envelope::{Member, Shape, Value};
use api_error_core::{ApiError, DetailsForm, FieldError, FieldErrors, RequestContext};

/// The problem object: a type and title every problem type declares, the detail of those that
/// have one, the instance, validation errors, then the extension members.
pub const SHAPE: Shape = Shape::new(&[
    Member::new("type", Value::Attr("type")).required(),
    Member::new("title", Value::Attr("title")).or(Value::Title),
    Member::new("detail", Value::Message).when_declared(),
    Member::new("instance", Value::Instance),
    Member::new("errors", Value::Details),
    Member::flatten(Value::Members),
])
.details_form(DetailsForm::Problem)
.content_type("application/problem+json");

/// The problem types of the RFC's examples.
#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "kebab-case")]
pub enum ProblemError {
    /// The account's balance does not cover the cost of the request.
    #[api(
        status = 403,
        attr(
            type = "https://example.com/probs/out-of-credit",
            title = "You do not have enough credit."
        ),
        message = "Your current balance is {balance}, but that costs {cost}."
    )]
    OutOfCredit {
        #[api(member)]
        balance: u32,
        cost: u32,
        #[api(member)]
        accounts: Vec<&'static str>,
    },

    /// Fields of the request are not valid.
    #[api(
        status = 422,
        attr(
            type = "https://example.net/validation-error",
            title = "Your request is not valid."
        )
    )]
    ValidationError(#[api(details)] FieldErrors),
}

/// Every body the document shows, in its order, each with its request's context.
pub fn documented() -> Vec<(ProblemError, RequestContext<'static>)> {
    vec![
        (
            ProblemError::OutOfCredit {
                balance: 30,
                cost: 50,
                accounts: vec!["/account/12345", "/account/67890"],
            },
            RequestContext::new().instance("/account/12345/msgs/abc"),
        ),
        (
            ProblemError::ValidationError(FieldErrors::from([
                FieldError::new("age", "must be a positive integer"),
                FieldError::new("profile.color", "must be 'green', 'red' or 'blue'"),
            ])),
            RequestContext::new(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_examples::without_layout;

    /// RFC 9457, section 3, the two examples, as printed.
    const DOCUMENT: [&str; 2] = [
        r#"{
 "type": "https://example.com/probs/out-of-credit",
 "title": "You do not have enough credit.",
 "detail": "Your current balance is 30, but that costs 50.",
 "instance": "/account/12345/msgs/abc",
 "balance": 30,
 "accounts": ["/account/12345",
              "/account/67890"]
}"#,
        r##"{
 "type": "https://example.net/validation-error",
 "title": "Your request is not valid.",
 "errors": [
             {
               "detail": "must be a positive integer",
               "pointer": "#/age"
             },
             {
               "detail": "must be 'green', 'red' or 'blue'",
               "pointer": "#/profile/color"
             }
          ]
  }"##,
    ];

    #[test]
    fn bodies_are_the_documents() {
        let errors = documented();
        assert_eq!(errors.len(), DOCUMENT.len());
        for ((error, context), document) in errors.iter().zip(DOCUMENT) {
            assert_eq!(error.to_json_string(context), without_layout(document));
            assert_eq!(error.content_type(), "application/problem+json");
        }
        assert_eq!(errors[0].0.status(), 403);
        assert_eq!(errors[1].0.status(), 422);
    }
}
