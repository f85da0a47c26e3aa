//! OAuth 2.0 bearer tokens (RFC 6750), a protected resource's errors: no body at all, the
//! error only in the status and the `WWW-Authenticate` challenge.
//!
//! Document: <https://www.rfc-editor.org/rfc/rfc6750#section-3>

use api_error_core::{ApiError, RequestContext};

/// A protected resource's authentication errors.
#[derive(Debug, ApiError)]
#[api(envelope = "none", code_case = "snake_case", status = 401)]
pub enum BearerError {
    /// The request carries no authentication.
    #[api(www_authenticate = "Bearer realm=\"example\"")]
    Unauthenticated,
    /// The access token provided is expired, revoked, malformed, or invalid for other reasons.
    #[api(
        www_authenticate = "Bearer realm=\"example\", error=\"invalid_token\", error_description=\"The access token expired\""
    )]
    InvalidToken,
}

/// The section's two examples, in order.
pub fn documented() -> Vec<(BearerError, RequestContext<'static>)> {
    api_error_examples::with_empty_context(vec![
        BearerError::Unauthenticated,
        BearerError::InvalidToken,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The challenges of the examples, their continuation lines joined by a space.
    const DOCUMENT: [&str; 2] = [
        r#"Bearer realm="example""#,
        r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#,
    ];

    #[test]
    fn responses_have_no_body_and_the_documented_challenge() {
        for ((error, context), challenge) in documented().iter().zip(DOCUMENT) {
            let response = error.to_response(context);
            assert_eq!(response.status(), 401);
            assert!(response.body().is_empty());
            assert!(response.headers().get("content-type").is_none());
            assert_eq!(response.headers()["www-authenticate"], challenge);
        }
    }
}
