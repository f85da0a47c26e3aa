//! JSON:API: a list of error objects with an optional status, a `source` pointing at the
//! request document's member or naming a query parameter, an optional title and the detail;
//! one object per field error, and several errors of different statuses in one response.
//!
//! Document: <https://jsonapi.org/examples/#error-objects>

use api_error_core::envelope::{Member, Shape, Value};
use api_error_core::{ApiError, ApiErrors, FieldError, FieldErrors, RequestContext};

/// `{"errors": [{"status", "source": {"pointer" | "parameter"}, "title", "detail"}]}`.
pub const SHAPE: Shape = Shape::new(&[Member::new(
    "errors",
    Value::List(&[
        Member::new("status", Value::Attr("status")),
        Member::new(
            "source",
            Value::Object(&[
                Member::new("pointer", Value::FieldPointer("")),
                Member::new("parameter", Value::Member("parameter")),
            ]),
        ),
        Member::new("title", Value::Attr("title")),
        Member::new("detail", Value::FieldMessage).or(Value::Message),
    ]),
)])
.content_type("application/vnd.api+json");

/// The errors of the document's examples. Some state their status in the body
/// (`attr(status = "{status}")`), others do not.
#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "kebab-case")]
pub enum JsonApiError {
    /// Editing a member is not allowed now.
    #[api(status = 403, attr(status = "{status}"))]
    NotAuthorized(#[api(details)] FieldErrors),
    /// A value is out of its range.
    #[api(status = 422, attr(status = "{status}"))]
    OutOfRange(#[api(details)] FieldErrors),
    /// A service behind the API did not answer.
    #[api(
        status = 500,
        attr(status = "{status}", title = "The backend responded with an error")
    )]
    BackendError(#[api(details)] FieldErrors),
    /// Attributes of the resource are not valid.
    #[api(status = 422, attr(title = "Invalid Attribute"))]
    InvalidAttribute(#[api(details)] FieldErrors),
    /// The request document lacks a member.
    #[api(status = 422)]
    MissingMember(#[api(details)] FieldErrors),
    /// The request body is not JSON.
    #[api(
        status = 400,
        attr(status = "{status}"),
        message = "JSON parse error - {0}"
    )]
    JsonParse(&'static str),
    /// A query parameter names something the resource does not have.
    #[api(
        status = 400,
        attr(title = "Invalid Query Parameter"),
        message = "The resource does not have an `{relationship}` relationship path."
    )]
    InvalidQueryParameter {
        #[api(member)]
        parameter: &'static str,
        relationship: &'static str,
    },
}

/// One field error at a member of the request document's attributes.
fn attribute(name: &str, detail: &'static str) -> FieldErrors {
    FieldErrors::from([FieldError::new(format!("data.attributes.{name}"), detail)])
}

/// The "Multiple Errors" example: three errors of three statuses.
pub fn multiple_errors() -> ApiErrors<JsonApiError> {
    let mut errors = ApiErrors::new(JsonApiError::NotAuthorized(attribute(
        "secret-powers",
        "Editing secret powers is not authorized on Sundays.",
    )));
    errors.push(JsonApiError::OutOfRange(attribute(
        "volume",
        "Volume does not, in fact, go to 11.",
    )));
    errors.push(JsonApiError::BackendError(attribute(
        "reputation",
        "Reputation service not responding after three requests.",
    )));
    errors
}

/// The other examples, in the document's order, each one error.
pub fn documented() -> Vec<(JsonApiError, RequestContext<'static>)> {
    api_error_examples::with_empty_context(vec![
        JsonApiError::InvalidAttribute(FieldErrors::from([
            FieldError::new(
                "data.attributes.first-name",
                "First name must contain at least three characters.",
            ),
            FieldError::new(
                "data.attributes.first-name",
                "First name must contain an emoji.",
            ),
        ])),
        // The request document's root: the path `.` is the pointer `""`.
        JsonApiError::MissingMember(FieldErrors::from([FieldError::new(
            ".",
            "Missing `data` Member at document's top level.",
        )])),
        JsonApiError::JsonParse("Expecting property name at line 1 column 2 (char 1)."),
        JsonApiError::InvalidQueryParameter {
            parameter: "include",
            relationship: "auther",
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_examples::without_layout;

    const MULTIPLE_ERRORS: &str = r#"{
  "errors": [
    {
      "status": "403",
      "source": { "pointer": "/data/attributes/secret-powers" },
      "detail": "Editing secret powers is not authorized on Sundays."
    },
    {
      "status": "422",
      "source": { "pointer": "/data/attributes/volume" },
      "detail": "Volume does not, in fact, go to 11."
    },
    {
      "status": "500",
      "source": { "pointer": "/data/attributes/reputation" },
      "title": "The backend responded with an error",
      "detail": "Reputation service not responding after three requests."
    }
  ]
}"#;

    const DOCUMENT: [&str; 4] = [
        r#"{
  "errors": [
    {
      "source": { "pointer": "/data/attributes/first-name" },
      "title": "Invalid Attribute",
      "detail": "First name must contain at least three characters."
    },
    {
      "source": { "pointer": "/data/attributes/first-name" },
      "title": "Invalid Attribute",
      "detail": "First name must contain an emoji."
    }
  ]
}"#,
        r#"{
  "errors": [
    {
      "source": { "pointer": "" },
      "detail":  "Missing `data` Member at document's top level."
    }
  ]
}"#,
        r#"{
  "errors": [{
    "status": "400",
    "detail": "JSON parse error - Expecting property name at line 1 column 2 (char 1)."
  }]
}"#,
        r#"{
  "errors": [
    {
      "source": { "parameter": "include" },
      "title":  "Invalid Query Parameter",
      "detail": "The resource does not have an `auther` relationship path."
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
            assert_eq!(error.content_type(), "application/vnd.api+json");
        }
    }

    #[test]
    fn several_errors_are_one_body() {
        let errors = multiple_errors();
        assert_eq!(
            errors.to_json_string(&RequestContext::new()),
            without_layout(MULTIPLE_ERRORS)
        );
        // The document answers these with 400; the rule of `ApiErrors` answers 500, because
        // one of them is a server error.
        assert_eq!(errors.status(), 500);
    }
}
