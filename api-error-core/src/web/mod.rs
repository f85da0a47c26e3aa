//! The HTTP edge: an error as a whole response (status, content type, headers, body), the
//! request it answers, requests a framework rejects, and the axum and actix-web integrations.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
pub(crate) mod frameworks;
pub(crate) mod headers;
pub(crate) mod rejection;
#[cfg(feature = "request-context")]
pub mod request;
pub(crate) mod response;
