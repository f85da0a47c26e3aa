//! GraphQL: a list of errors, each with its message, the `locations` and `path` it concerns,
//! and `extensions` holding the code and the other facts of the error; several errors in one
//! response.
//!
//! Document: <https://spec.graphql.org/draft/#sec-Errors> (the example with `extensions`)

use api_error_core::envelope::{Member, Shape, Value};
use api_error_core::{ApiError, ApiErrors, RequestContext};
use serde::Serialize;

/// `{"errors": [{"message", "locations", "path", "extensions": {"code", ..}}]}`.
pub const SHAPE: Shape = Shape::new(&[Member::new(
    "errors",
    Value::List(&[
        Member::new("message", Value::Message),
        Member::new("locations", Value::Member("locations")),
        Member::new("path", Value::Member("path")),
        Member::new(
            "extensions",
            Value::Object(&[
                Member::new("code", Value::Code),
                Member::flatten(Value::Members),
            ]),
        ),
    ]),
)]);

/// Where in the document an error is: `{"line": 6, "column": 7}`.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Location {
    pub line: u32,
    pub column: u32,
}

/// A step of a response path: a field's name or a list index.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(untagged)]
pub enum Step {
    Field(&'static str),
    Index(u32),
}

/// Errors of a GraphQL service; the response is 200 with the errors in its body.
#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "SCREAMING_SNAKE_CASE", status = 200)]
pub enum GraphqlError {
    /// A character's data could not be fetched by its ID.
    #[api(message = "Name for character with ID {id} could not be fetched.")]
    CanNotFetchById {
        id: u32,
        #[api(member)]
        locations: Vec<Location>,
        #[api(member)]
        path: Vec<Step>,
        #[api(member)]
        timestamp: &'static str,
    },
    /// The user is not allowed to read a field.
    #[api(message = "You are not authorized to read {field}.")]
    Forbidden {
        field: &'static str,
        #[api(member)]
        path: Vec<Step>,
    },
}

/// The body the document shows.
pub fn documented() -> ApiErrors<GraphqlError> {
    ApiErrors::new(GraphqlError::CanNotFetchById {
        id: 1002,
        locations: vec![Location { line: 6, column: 7 }],
        path: vec![
            Step::Field("hero"),
            Step::Field("heroFriends"),
            Step::Index(1),
            Step::Field("name"),
        ],
        timestamp: "Fri Feb 9 14:33:09 UTC 2018",
    })
}

/// The document's error with one of another kind: two items in one body.
pub fn two_errors() -> ApiErrors<GraphqlError> {
    let mut errors = documented();
    errors.push(GraphqlError::Forbidden {
        field: "secretBackstory",
        path: vec![Step::Field("hero"), Step::Field("secretBackstory")],
    });
    errors
}

/// The context of both.
pub const CONTEXT: RequestContext<'static> = RequestContext::new();

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_examples::without_layout;

    const DOCUMENT: &str = r#"{
  "errors": [
    {
      "message": "Name for character with ID 1002 could not be fetched.",
      "locations": [{ "line": 6, "column": 7 }],
      "path": ["hero", "heroFriends", 1, "name"],
      "extensions": {
        "code": "CAN_NOT_FETCH_BY_ID",
        "timestamp": "Fri Feb 9 14:33:09 UTC 2018"
      }
    }
  ]
}"#;

    #[test]
    fn the_body_is_the_document() {
        assert_eq!(
            documented().to_json_string(&CONTEXT),
            without_layout(DOCUMENT)
        );
        // One error alone is written the same.
        let one = documented();
        let [error] = one.as_slice() else {
            panic!("one error");
        };
        assert_eq!(error.to_json_string(&CONTEXT), without_layout(DOCUMENT));
    }

    #[test]
    fn several_errors_are_items_of_one_list() {
        assert_eq!(
            two_errors().to_json_string(&CONTEXT),
            concat!(
                r#"{"errors":[{"message":"Name for character with ID 1002 could not be fetched.","locations":[{"line":6,"column":7}],"path":["hero","heroFriends",1,"name"],"extensions":{"code":"CAN_NOT_FETCH_BY_ID","timestamp":"Fri Feb 9 14:33:09 UTC 2018"}},"#,
                r#"{"message":"You are not authorized to read secretBackstory.","path":["hero","secretBackstory"],"extensions":{"code":"FORBIDDEN"}}]}"#
            )
        );
        assert_eq!(two_errors().status(), 200);
    }
}
