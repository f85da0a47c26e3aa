//! Documentation from the catalog: example values and bodies, Markdown pages, OpenAPI
//! documents, and the stability check of a catalog against its committed export.

#[cfg(feature = "docs")]
pub mod committed;
pub(crate) mod example;
mod example_text;
#[cfg(feature = "docs")]
pub mod markdown;
#[cfg(feature = "docs")]
pub mod openapi;
pub(crate) mod stability;
#[cfg(feature = "docs")]
pub mod typescript;
