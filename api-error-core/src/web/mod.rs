//! The HTTP edge: an error as a whole response (status, content type, headers, body), the
//! request it answers, requests a framework rejects, and the axum and actix-web integrations.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "request-context")]
pub(crate) mod edge;
pub(crate) mod edge_errors;
pub(crate) mod frameworks;
pub(crate) mod headers;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod json;
#[cfg(feature = "tracing")]
pub mod logging;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod params;
pub(crate) mod rejection;
pub(crate) mod report;
#[cfg(feature = "request-context")]
pub mod request;
pub(crate) mod response;
#[cfg(feature = "request-context")]
pub(crate) mod stand_in;
pub(crate) mod status;
