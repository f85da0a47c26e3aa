//! GitHub's REST API: a message, validation errors naming the resource, the field and a code,
//! a documentation URL for the errors that have one, and the rate limit in `x-ratelimit-*`
//! headers taken from the error's fields.
//!
//! Document: <https://docs.github.com/en/rest/overview/resources-in-the-rest-api> ("Client
//! errors", "Failed login limit", "Timeouts", "Rate limiting"), where
//! `{% data variables.product.doc_url_pre %}` is `https://docs.github.com/rest`.

use api_error_core::envelope::{Member, Shape, Value};
use api_error_core::{ApiError, DetailsForm, FieldError, FieldErrors, RequestContext};

/// `{"message": .., "errors": [{"resource", "field", "code"}], "documentation_url": ..}`.
pub const SHAPE: Shape = Shape::new(&[
    Member::new("message", Value::Message),
    Member::new("errors", Value::Details),
    Member::new("documentation_url", Value::Attr("documentation_url")),
])
.details_form(DetailsForm::Items(&[
    Member::new("resource", Value::FieldLocation),
    Member::new("field", Value::Field),
    Member::new("code", Value::FieldCode),
]));

/// Errors of the GitHub REST API.
#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "snake_case")]
pub enum GitHubError {
    /// The request body is not valid JSON.
    #[api(status = 400, message = "Problems parsing JSON")]
    ProblemsParsingJson,

    /// The request body is JSON of the wrong type.
    #[api(status = 400, message = "Body should be a JSON object")]
    BodyNotAnObject,

    /// Fields of a resource are missing or not valid; each says its resource, field and code
    /// (`missing`, `missing_field`, `invalid`, `already_exists`, `unprocessable`, `custom`).
    #[api(status = 422, message = "Validation Failed")]
    ValidationFailed(#[api(details)] FieldErrors),

    /// The credentials are not valid.
    #[api(
        status = 401,
        message = "Bad credentials",
        attr(documentation_url = "https://docs.github.com/rest")
    )]
    BadCredentials,

    /// Too many requests with bad credentials: every authentication is refused for a while.
    #[api(
        status = 403,
        message = "Maximum number of login attempts exceeded. Please try again later.",
        attr(documentation_url = "https://docs.github.com/rest")
    )]
    LoginAttemptsExceeded,

    /// The request took more than 10 seconds.
    #[api(status = 504, message = "Server Error")]
    Timeout,

    /// The primary rate limit is used up; the headers say by how much and until when.
    #[api(
        status = 403,
        message = "API rate limit exceeded for {address}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
        attr(
            documentation_url = "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"
        )
    )]
    RateLimitExceeded {
        address: String,
        #[api(header = "x-ratelimit-limit")]
        limit: u32,
        #[api(header = "x-ratelimit-remaining")]
        remaining: u32,
        #[api(header = "x-ratelimit-used")]
        used: u32,
        #[api(header = "x-ratelimit-reset")]
        reset: u64,
    },

    /// A secondary rate limit blocks content creation for a while.
    #[api(
        status = 403,
        message = "You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.",
        attr(
            documentation_url = "https://docs.github.com/rest/overview/resources-in-the-rest-api#secondary-rate-limits"
        )
    )]
    SecondaryRateLimit,
}

/// Every body the document shows, in its order.
pub fn documented() -> Vec<(GitHubError, RequestContext<'static>)> {
    api_error_examples::with_empty_context(vec![
        GitHubError::BadCredentials,
        GitHubError::LoginAttemptsExceeded,
        GitHubError::ProblemsParsingJson,
        GitHubError::BodyNotAnObject,
        GitHubError::ValidationFailed(FieldErrors::from([FieldError::new(
            "title",
            "title is missing",
        )
        .location("Issue")
        .code("missing_field")])),
        GitHubError::Timeout,
        GitHubError::RateLimitExceeded {
            address: "xxx.xxx.xxx.xxx".into(),
            limit: 60,
            remaining: 0,
            used: 60,
            reset: 1_377_013_266,
        },
        GitHubError::SecondaryRateLimit,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_examples::without_layout;

    /// The document's bodies, in its order, as printed there (the `> ` of its shell sessions
    /// removed).
    const DOCUMENT: [&str; 8] = [
        r#"{
  "message": "Bad credentials",
  "documentation_url": "https://docs.github.com/rest"
}"#,
        r#"{
  "message": "Maximum number of login attempts exceeded. Please try again later.",
  "documentation_url": "https://docs.github.com/rest"
}"#,
        r#"{"message":"Problems parsing JSON"}"#,
        r#"{"message":"Body should be a JSON object"}"#,
        r#"{
  "message": "Validation Failed",
  "errors": [
    {
      "resource": "Issue",
      "field": "title",
      "code": "missing_field"
    }
  ]
}"#,
        r#"{
    "message": "Server Error"
}"#,
        r#"{
   "message": "API rate limit exceeded for xxx.xxx.xxx.xxx. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
   "documentation_url": "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"
}"#,
        r#"{
  "message": "You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.",
  "documentation_url": "https://docs.github.com/rest/overview/resources-in-the-rest-api#secondary-rate-limits"
}"#,
    ];

    #[test]
    fn bodies_are_the_documents() {
        let errors = documented();
        assert_eq!(errors.len(), DOCUMENT.len());
        for ((error, context), document) in errors.iter().zip(DOCUMENT) {
            assert_eq!(error.to_json_string(context), without_layout(document));
        }
        let statuses: Vec<u16> = errors
            .iter()
            .map(|(error, _)| error.status().as_u16())
            .collect();
        assert_eq!(statuses, [401, 403, 400, 400, 422, 504, 403, 403]);
    }

    /// "If you exceed the rate limit, the response will have a `403` status and the
    /// `x-ratelimit-remaining` header will be `0`", with the headers of the document's session.
    #[test]
    fn the_rate_limit_is_in_the_headers() {
        let errors = documented();
        let (error, context) = &errors[6];
        let response = error.to_response(context);
        assert_eq!(response.status(), 403);
        let headers = response.headers();
        assert_eq!(headers["x-ratelimit-limit"], "60");
        assert_eq!(headers["x-ratelimit-remaining"], "0");
        assert_eq!(headers["x-ratelimit-used"], "60");
        assert_eq!(headers["x-ratelimit-reset"], "1377013266");
    }
}
