//! The Microsoft REST API Guidelines' error response (OData's): a code, a message, a target,
//! `details` with each field error's own code and target, and `innererror` objects nesting
//! ever more specific errors, each with the members it carries.
//!
//! Document: <https://github.com/microsoft/api-guidelines/blob/vNext/Guidelines.md#7102-error-condition-responses>

use api_error_core::envelope::{Member, Shape, Value};
use api_error_core::{ApiError, DetailsForm, FieldError, FieldErrors, RequestContext};

/// `{"error": {"code", "message", "target", "details", ..members, "innererror": {..}}}`; an
/// inner error is an object of the same members.
pub const SHAPE: Shape = Shape::new(&[Member::new(
    "error",
    Value::Object(&[
        Member::new("code", Value::Code),
        Member::new("message", Value::Message).when_declared(),
        Member::new("target", Value::Member("target")),
        Member::new("details", Value::Details),
        Member::flatten(Value::Members),
        Member::new("innererror", Value::Inner),
    ]),
)])
.details_form(DetailsForm::Items(&[
    Member::new("code", Value::FieldCode),
    Member::new("target", Value::Field),
    Member::new("message", Value::FieldMessage),
]));

/// The errors of the guidelines' examples; the inner ones have no message of their own.
#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "PascalCase", status = 400)]
pub enum ServiceError {
    /// An argument of the request is not valid, as `target` and `details` say.
    #[api(message = "{reason}")]
    BadArgument {
        reason: &'static str,
        #[api(member)]
        target: &'static str,
        #[api(details)]
        details: Option<FieldErrors>,
        #[api(inner)]
        inner: Option<Box<ServiceError>>,
    },
    /// The password is not acceptable.
    PasswordError(#[api(inner)] Option<Box<ServiceError>>),
    /// The password breaks the policy whose limits it carries.
    PasswordDoesNotMeetPolicy {
        #[api(member = "minLength")]
        min_length: &'static str,
        #[api(member = "maxLength")]
        max_length: &'static str,
        #[api(member = "characterTypes")]
        character_types: Vec<&'static str>,
        #[api(member = "minDistinctCharacterTypes")]
        min_distinct_character_types: &'static str,
        #[api(inner)]
        inner: Option<Box<ServiceError>>,
    },
    /// The password was used before.
    PasswordReuseNotAllowed,
}

/// Both examples of the guidelines, in order.
pub fn documented() -> Vec<(ServiceError, RequestContext<'static>)> {
    let policy = ServiceError::PasswordDoesNotMeetPolicy {
        min_length: "6",
        max_length: "64",
        character_types: vec!["lowerCase", "upperCase", "number", "symbol"],
        min_distinct_character_types: "2",
        inner: Some(Box::new(ServiceError::PasswordReuseNotAllowed)),
    };
    api_error_examples::with_empty_context(vec![
        ServiceError::BadArgument {
            reason: "Previous passwords may not be reused",
            target: "password",
            details: None,
            inner: Some(Box::new(ServiceError::PasswordError(Some(Box::new(
                policy,
            ))))),
        },
        ServiceError::BadArgument {
            reason: "Multiple errors in ContactInfo data",
            target: "ContactInfo",
            details: Some(FieldErrors::from([
                FieldError::new("PhoneNumber", "Phone number must not be null").code("NullValue"),
                FieldError::new("LastName", "Last name must not be null").code("NullValue"),
                FieldError::new("Address", "Address is not valid").code("MalformedValue"),
            ])),
            inner: None,
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_examples::without_layout;

    const DOCUMENT: [&str; 2] = [
        r#"{
  "error": {
    "code": "BadArgument",
    "message": "Previous passwords may not be reused",
    "target": "password",
    "innererror": {
      "code": "PasswordError",
      "innererror": {
        "code": "PasswordDoesNotMeetPolicy",
        "minLength": "6",
        "maxLength": "64",
        "characterTypes": ["lowerCase","upperCase","number","symbol"],
        "minDistinctCharacterTypes": "2",
        "innererror": {
          "code": "PasswordReuseNotAllowed"
        }
      }
    }
  }
}"#,
        r#"{
  "error": {
    "code": "BadArgument",
    "message": "Multiple errors in ContactInfo data",
    "target": "ContactInfo",
    "details": [
      {
        "code": "NullValue",
        "target": "PhoneNumber",
        "message": "Phone number must not be null"
      },
      {
        "code": "NullValue",
        "target": "LastName",
        "message": "Last name must not be null"
      },
      {
        "code": "MalformedValue",
        "target": "Address",
        "message": "Address is not valid"
      }
    ]
  }
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
