//! Documentation from the catalog: example values and bodies, Markdown pages, OpenAPI
//! documents, utoipa responses, and the stability check of a catalog against its committed
//! export.

#[cfg(feature = "utoipa")]
pub(crate) mod chosen;
#[cfg(feature = "docs")]
pub mod committed;
pub(crate) mod example;
mod example_text;
#[cfg(feature = "docs")]
pub mod markdown;
#[cfg(feature = "docs")]
pub mod openapi;
#[cfg(feature = "docs")]
mod responses;
#[cfg(feature = "utoipa")]
pub mod utoipa;

/// Without the `utoipa` feature, the derive's request for a `utoipa::IntoResponses` impl
/// writes nothing: the derive cannot see this crate's features.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($tokens:tt)*) => {};
}

pub use crate::__impl_utoipa as impl_utoipa;
pub(crate) mod stability;
#[cfg(feature = "docs")]
pub mod typescript;
