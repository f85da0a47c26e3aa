//! OAuth 2.0 (RFC 6749), the token endpoint's error response: the error code, a description
//! and a URI only where they are given, served as `application/json;charset=UTF-8` with
//! `Cache-Control: no-store` and `Pragma: no-cache`.
//!
//! Document: <https://www.rfc-editor.org/rfc/rfc6749#section-5.2>

use api_error_core::envelope::{Member, Shape, Value};
use api_error_core::{ApiError, RequestContext};

/// `{"error": .., "error_description": .., "error_uri": ..}`.
pub const SHAPE: Shape = Shape::new(&[
    Member::new("error", Value::Code),
    Member::new("error_description", Value::Message).when_declared(),
    Member::new("error_uri", Value::Attr("error_uri")),
])
.content_type("application/json;charset=UTF-8");

/// The error codes of section 5.2.
#[derive(Debug, ApiError)]
#[api(
    envelope = SHAPE,
    code_case = "snake_case",
    status = 400,
    header("cache-control", "no-store"),
    header("pragma", "no-cache")
)]
pub enum TokenError {
    /// The request is missing a required parameter, includes an unsupported parameter value
    /// (other than grant type), repeats a parameter, includes multiple credentials, utilizes
    /// more than one mechanism for authenticating the client, or is otherwise malformed.
    InvalidRequest,
    /// Client authentication failed.
    #[api(status = 401, www_authenticate = "Basic realm=\"token\"")]
    InvalidClient,
    /// The provided authorization grant or refresh token is invalid, expired, revoked, does
    /// not match the redirection URI used in the authorization request, or was issued to
    /// another client.
    #[api(message = "The provided authorization grant is invalid, expired or revoked.")]
    InvalidGrant,
    /// The authenticated client is not authorized to use this authorization grant type.
    UnauthorizedClient,
    /// The authorization grant type is not supported by the authorization server.
    #[api(attr(error_uri = "https://www.rfc-editor.org/rfc/rfc6749#section-5.2"))]
    UnsupportedGrantType,
    /// The requested scope is invalid, unknown, malformed, or exceeds the scope granted by the
    /// resource owner.
    InvalidScope,
}

/// The section's example.
pub fn documented() -> Vec<(TokenError, RequestContext<'static>)> {
    api_error_examples::with_empty_context(vec![TokenError::InvalidRequest])
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_examples::without_layout;

    /// "For example:" in section 5.2, with its headers.
    const DOCUMENT: &str = r#"{
       "error":"invalid_request"
     }"#;

    #[test]
    fn the_response_is_the_document() {
        let errors = documented();
        let [(error, context)] = errors.as_slice() else {
            panic!("one body");
        };
        assert_eq!(error.to_json_string(context), without_layout(DOCUMENT));
        let response = error.to_response(context);
        assert_eq!(response.status(), 400);
        assert_eq!(
            response.headers()["content-type"],
            "application/json;charset=UTF-8"
        );
        assert_eq!(response.headers()["cache-control"], "no-store");
        assert_eq!(response.headers()["pragma"], "no-cache");
    }
}
