//! Google Cloud APIs (AIP-193): `google.rpc.Status` as JSON: the HTTP status as `code`, the
//! canonical code as `status`, and typed detail payloads (`ErrorInfo`, `LocalizedMessage`,
//! `Help`) in `details`.
//!
//! Document: <https://google.aip.dev/193#json-representation>

use api_error_core::envelope::{Member, Shape, Value};
use api_error_core::{ApiError, RequestContext};
use serde::Serialize;

/// `{"error": {"code": 429, "message": .., "status": "RESOURCE_EXHAUSTED", "details": [..]}}`.
pub const SHAPE: Shape = Shape::new(&[Member::new(
    "error",
    Value::Object(&[
        Member::new("code", Value::Status),
        Member::new("message", Value::Message),
        Member::new("status", Value::Code),
        Member::new("details", Value::Details),
    ]),
)]);

/// A detail payload, tagged with its type URL.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "@type")]
pub enum Detail {
    #[serde(rename = "type.googleapis.com/google.rpc.ErrorInfo")]
    ErrorInfo {
        reason: &'static str,
        domain: &'static str,
        metadata: Capacity,
    },
    #[serde(rename = "type.googleapis.com/google.rpc.LocalizedMessage")]
    LocalizedMessage {
        locale: &'static str,
        message: String,
    },
    #[serde(rename = "type.googleapis.com/google.rpc.Help")]
    Help { links: Vec<Link> },
}

/// The variables of a capacity error's message, as `ErrorInfo.metadata`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Capacity {
    pub zone: &'static str,
    pub vm_type: &'static str,
    pub attachment: &'static str,
    pub zones_with_capacity: &'static str,
}

/// A `Help` link.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub description: &'static str,
    pub url: &'static str,
}

/// Canonical errors of a Google Cloud API.
#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "SCREAMING_SNAKE_CASE")]
pub enum GoogleError {
    /// The client specified an invalid argument.
    #[api(status = 400, message = "Request contains an invalid argument.")]
    InvalidArgument,
    /// A resource the request names was not found.
    #[api(status = 404, message = "Resource not found.")]
    NotFound,
    /// A quota or the available capacity is exhausted.
    #[api(
        status = 429,
        message = "The zone '{zone}' does not have enough resources available to fulfill the request. Try a different zone, or try again later."
    )]
    ResourceExhausted {
        zone: &'static str,
        #[api(details)]
        details: Vec<Detail>,
    },
}

/// The document's example.
pub fn documented() -> Vec<(GoogleError, RequestContext<'static>)> {
    let capacity = Capacity {
        zone: "us-east1-a",
        vm_type: "e2-medium",
        attachment: "local-ssd=3,nvidia-t4=2",
        zones_with_capacity: "us-central1-f,us-central1-c",
    };
    let localized = "An <e2-medium> VM instance with <local-ssd=3,nvidia-t4=2> is currently unavailable in the <us-east1-a> zone. Consider trying your request in the <us-central1-f,us-central1-c> zone(s), which currently has/have capacity to accommodate your request. Alternatively, you can try your request again with a different VM hardware configuration or at a later time. For more information, see the troubleshooting documentation.";
    api_error_examples::with_empty_context(vec![GoogleError::ResourceExhausted {
        zone: capacity.zone,
        details: vec![
            Detail::ErrorInfo {
                reason: "RESOURCE_AVAILABILITY",
                domain: "compute.googleapis.com",
                metadata: capacity,
            },
            Detail::LocalizedMessage {
                locale: "en-US",
                message: localized.to_owned(),
            },
            Detail::Help {
                links: vec![Link {
                    description: "Additional information on this error",
                    url: "https://cloud.google.com/compute/docs/resource-error",
                }],
            },
        ],
    }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_examples::without_layout;

    const DOCUMENT: &str = r#"{
  "error": {
    "code": 429,
    "message": "The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
    "status": "RESOURCE_EXHAUSTED",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "RESOURCE_AVAILABILITY",
        "domain": "compute.googleapis.com",
        "metadata": {
          "zone": "us-east1-a",
          "vmType": "e2-medium",
          "attachment": "local-ssd=3,nvidia-t4=2",
          "zonesWithCapacity": "us-central1-f,us-central1-c"
        }
      },
      {
        "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
        "locale": "en-US",
        "message": "An <e2-medium> VM instance with <local-ssd=3,nvidia-t4=2> is currently unavailable in the <us-east1-a> zone. Consider trying your request in the <us-central1-f,us-central1-c> zone(s), which currently has/have capacity to accommodate your request. Alternatively, you can try your request again with a different VM hardware configuration or at a later time. For more information, see the troubleshooting documentation."
      },
      {
        "@type": "type.googleapis.com/google.rpc.Help",
        "links": [
          {
            "description": "Additional information on this error",
            "url": "https://cloud.google.com/compute/docs/resource-error"
          }
        ]
      }
    ]
  }
}"#;

    #[test]
    fn the_body_is_the_document() {
        let errors = documented();
        let [(error, context)] = errors.as_slice() else {
            panic!("one body");
        };
        assert_eq!(error.to_json_string(context), without_layout(DOCUMENT));
        assert_eq!(error.status(), 429);
    }
}
