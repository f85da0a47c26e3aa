//! Discord's HTTP API: an integer code and a message, and form errors nested along each
//! field's path, with the errors of a field under `_errors` at its end.
//!
//! Document: <https://discord.com/developers/docs/reference#error-messages>

use api_error_core::envelope::{Member, Shape, Value};
use api_error_core::{ApiError, DetailsForm, FieldError, FieldErrors, RequestContext};

/// `{"code": 50035, "errors": {..nested..}, "message": ".."}`.
pub const SHAPE: Shape = Shape::new(&[
    Member::new("code", Value::Code),
    Member::new("errors", Value::Details),
    Member::new("message", Value::Message),
])
.details_form(DetailsForm::Nested {
    leaf: "_errors",
    value: Value::Object(&[
        Member::new("code", Value::FieldCode),
        Member::new("message", Value::FieldMessage),
    ]),
});

/// Some of Discord's JSON error codes.
#[derive(Debug, ApiError)]
#[api(envelope = SHAPE)]
pub enum DiscordError {
    /// General error (such as a malformed request body, amongst other things).
    #[api(code = 0, status = 400, message = "General error")]
    General,
    /// Unknown channel.
    #[api(code = 10003, status = 404, message = "Unknown channel")]
    UnknownChannel,
    /// The token is not valid.
    #[api(code = 50014, status = 401, message = "Invalid authentication token")]
    InvalidAuthenticationToken,
    /// Fields of the request body are not valid.
    #[api(code = 50035, status = 400, message = "Invalid Form Body")]
    InvalidFormBody(#[api(details)] FieldErrors),
}

/// Every form error body the document shows, in its order.
pub fn documented() -> Vec<(DiscordError, RequestContext<'static>)> {
    api_error_examples::with_empty_context(vec![
        // "Array Error"
        DiscordError::InvalidFormBody(FieldErrors::from([
            FieldError::new(
                "activities[0].platform",
                "Value must be one of ('desktop', 'android', 'ios').",
            )
            .code("BASE_TYPE_CHOICES"),
            FieldError::new(
                "activities[0].type",
                "Value must be one of (0, 1, 2, 3, 4, 5).",
            )
            .code("BASE_TYPE_CHOICES"),
        ])),
        // "Object Error"
        DiscordError::InvalidFormBody(FieldErrors::from([FieldError::new(
            "access_token",
            "This field is required",
        )
        .code("BASE_TYPE_REQUIRED")])),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_examples::without_layout;

    const DOCUMENT: [&str; 2] = [
        r#"{
    "code": 50035,
    "errors": {
        "activities": {
            "0": {
                "platform": {
                    "_errors": [
                        {
                            "code": "BASE_TYPE_CHOICES",
                            "message": "Value must be one of ('desktop', 'android', 'ios')."
                        }
                    ]
                },
                "type": {
                    "_errors": [
                        {
                            "code": "BASE_TYPE_CHOICES",
                            "message": "Value must be one of (0, 1, 2, 3, 4, 5)."
                        }
                    ]
                }
            }
        }
    },
    "message": "Invalid Form Body"
}"#,
        r#"{
    "code": 50035,
    "errors": {
        "access_token": {
            "_errors": [
                {
                    "code": "BASE_TYPE_REQUIRED",
                    "message": "This field is required"
                }
            ]
        }
    },
    "message": "Invalid Form Body"
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
