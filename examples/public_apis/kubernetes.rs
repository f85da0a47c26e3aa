//! Kubernetes: a `Status` object with constant kind, version, empty metadata and `Failure`,
//! the reason as the code, the HTTP status as `code`, and `details` naming the resource when
//! the error concerns one.
//!
//! Document: <https://github.com/kubernetes/community/blob/master/contributors/devel/sig-architecture/api-conventions.md#response-status-kind>

use api_error_core::envelope::{Constant, Member, Shape, Value};
use api_error_core::{ApiError, RequestContext};

/// The `Status` kind.
pub const SHAPE: Shape = Shape::new(&[
    Member::new("kind", Value::Constant(Constant::Str("Status"))),
    Member::new("apiVersion", Value::Constant(Constant::Str("v1"))),
    Member::new("metadata", Value::Constant(Constant::Object(&[]))),
    Member::new("status", Value::Constant(Constant::Str("Failure"))),
    Member::new("message", Value::Message),
    Member::new("reason", Value::Code),
    Member::new(
        "details",
        Value::Object(&[
            Member::new("name", Value::Member("name")),
            Member::new("group", Value::Member("group")),
            Member::new("kind", Value::Member("kind")),
        ]),
    ),
    Member::new("code", Value::Status),
]);

/// The reasons of the conventions' list, each with its status.
#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "PascalCase")]
pub enum StatusReason {
    /// The request itself was invalid.
    #[api(
        status = 400,
        message = "the server rejected our request for an unknown reason"
    )]
    BadRequest,
    /// The client provided no, or not sufficient, authorization.
    #[api(status = 401, message = "Unauthorized")]
    Unauthorized,
    /// The client is not allowed to do this to the resource.
    #[api(status = 403, message = "{kind} \"{name}\" is forbidden: {reason}")]
    Forbidden {
        #[api(member)]
        kind: &'static str,
        #[api(member)]
        name: &'static str,
        reason: &'static str,
    },
    /// The resource does not exist.
    #[api(status = 404, message = "{kind} \"{name}\" not found")]
    NotFound {
        #[api(member)]
        name: &'static str,
        #[api(member)]
        kind: &'static str,
    },
    /// The resource exists already.
    #[api(status = 409, message = "{kind} \"{name}\" already exists")]
    AlreadyExists {
        #[api(member)]
        name: &'static str,
        #[api(member)]
        group: Option<&'static str>,
        #[api(member)]
        kind: &'static str,
    },
    /// The request conflicts with the resource's current state.
    #[api(
        status = 409,
        message = "the object has been modified; please apply your changes to the latest version and try again"
    )]
    Conflict,
    /// The resource was deleted.
    #[api(status = 410, message = "the resource requested has been deleted")]
    Gone,
    /// The data of the request is not valid.
    #[api(status = 422, message = "the request is invalid")]
    Invalid,
    /// The server is out of resources or the client is rate limited.
    #[api(status = 429, message = "too many requests")]
    TooManyRequests,
    /// The operation did not complete in time.
    #[api(
        status = 504,
        message = "the server was unable to return a response in the time allotted"
    )]
    Timeout,
    /// An error the server did not expect.
    #[api(
        status = 500,
        message = "an error on the server has prevented the request from succeeding"
    )]
    InternalError,
}

/// The conventions' example.
pub fn documented() -> Vec<(StatusReason, RequestContext<'static>)> {
    api_error_examples::with_empty_context(vec![StatusReason::NotFound {
        name: "grafana",
        kind: "pods",
    }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_examples::without_layout;

    const DOCUMENT: &str = r#"{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {},
  "status": "Failure",
  "message": "pods \"grafana\" not found",
  "reason": "NotFound",
  "details": {
    "name": "grafana",
    "kind": "pods"
  },
  "code": 404
}"#;

    #[test]
    fn the_body_is_the_document() {
        let errors = documented();
        let [(error, context)] = errors.as_slice() else {
            panic!("one body");
        };
        assert_eq!(error.to_json_string(context), without_layout(DOCUMENT));
        // Without a resource, `details` is left out.
        assert_eq!(
            StatusReason::Conflict.to_json_string(context),
            r#"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","code":409}"#
        );
    }
}
