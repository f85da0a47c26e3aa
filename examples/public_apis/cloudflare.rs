//! Cloudflare's API: `success: false`, the errors as a list of code and message, and the
//! other members of every response, empty: `messages: []`, `result: null`.
//!
//! Document: the `api-response-common-failure` schema of Cloudflare's API
//! (<https://github.com/cloudflare/api-schemas>, shown on
//! <https://developers.cloudflare.com/api/>), whose members' examples make the body below.

use api_error_core::envelope::{Constant, Member, Shape, Value};
use api_error_core::{ApiError, ApiErrors, RequestContext};

/// `{"errors": [{"code", "message"}], "messages": [], "result": null, "success": false}`.
pub const SHAPE: Shape = Shape::new(&[
    Member::new(
        "errors",
        Value::List(&[
            Member::new("code", Value::Code),
            Member::new("message", Value::Message),
        ]),
    ),
    Member::new("messages", Value::Constant(Constant::Array(&[]))),
    Member::new("result", Value::Constant(Constant::Null)),
    Member::new("success", Value::Constant(Constant::Bool(false))),
]);

/// Some of the API's error codes.
#[derive(Debug, ApiError)]
#[api(envelope = SHAPE)]
pub enum CloudflareError {
    /// The path names no endpoint.
    #[api(code = 7003, status = 400, message = "No route for the URI")]
    NoRoute,
    /// The credentials are missing or not valid.
    #[api(code = 10000, status = 403, message = "Authentication error")]
    Authentication,
}

/// The schema's example.
pub fn documented() -> Vec<(CloudflareError, RequestContext<'static>)> {
    api_error_examples::with_empty_context(vec![CloudflareError::NoRoute])
}

/// Two errors in one response: both in the list.
pub fn two_errors() -> ApiErrors<CloudflareError> {
    let mut errors = ApiErrors::new(CloudflareError::Authentication);
    errors.push(CloudflareError::NoRoute);
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_examples::without_layout;

    const DOCUMENT: &str = r#"{
  "errors": [
    {
      "code": 7003,
      "message": "No route for the URI"
    }
  ],
  "messages": [],
  "result": null,
  "success": false
}"#;

    #[test]
    fn the_body_is_the_document() {
        let errors = documented();
        let [(error, context)] = errors.as_slice() else {
            panic!("one body");
        };
        assert_eq!(error.to_json_string(context), without_layout(DOCUMENT));
    }

    #[test]
    fn several_errors_share_the_list() {
        let errors = two_errors();
        assert_eq!(
            errors.to_json_string(&RequestContext::new()),
            r#"{"errors":[{"code":10000,"message":"Authentication error"},{"code":7003,"message":"No route for the URI"}],"messages":[],"result":null,"success":false}"#
        );
        assert_eq!(errors.status(), 400);
    }
}
