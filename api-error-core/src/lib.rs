//! One enum declaration, the whole HTTP error contract.
//!
//! `#[derive(ApiError)]` turns a service's error enum into its status mapping, its stable
//! error codes, its public messages and a static [`Catalog`] of every error, all checked at
//! compile time.
//!
//! ```
//! use api_error_core::{ApiError, Code};
//! use http::StatusCode;
//!
//! #[derive(Debug, ApiError)]
//! #[api(prefix = "PETNOWB2B")]
//! pub enum PetError {
//!     /// Invalid, missing or deactivated API key.
//!     #[api(code = "PETNOWB2B10000", status = 401, name = "InvalidApiKeyException",
//!           category = "Authentication",
//!           cause = "Invalid API Key", cause = "Missing API Key",
//!           solution = "Check x-petnow-api-key header")]
//!     InvalidApiKey,
//!     /// Pet ID does not exist, or the pet has been deleted.
//!     #[api(code = "PETNOWB2B20000", status = NOT_FOUND, name = "NoSuchPetException",
//!           message = "pet {pet_id} does not exist")]
//!     NoSuchPet { pet_id: String },
//! }
//!
//! let error = PetError::NoSuchPet { pet_id: "p_42".into() };
//! assert_eq!(error.status(), StatusCode::NOT_FOUND);
//! assert_eq!(error.code(), Code::Str("PETNOWB2B20000"));
//! assert_eq!(error.name(), "NoSuchPetException");
//! assert_eq!(error.message().to_string(), "pet p_42 does not exist");
//!
//! let key = PetError::CATALOG.get("PETNOWB2B10000").unwrap();
//! assert_eq!(key.causes(), ["Invalid API Key", "Missing API Key"]);
//! ```
//!
//! The attribute reference is in the README and on [`derive@ApiError`].
#![deny(missing_docs)]

#[cfg(feature = "actix-web")]
pub mod actix;
mod api_error;
#[cfg(feature = "axum")]
pub mod axum;
mod catalog;
mod code;
mod context;
mod descriptor;
mod details;
pub mod envelope;
pub mod envelopes;
mod example;
mod frameworks;
mod headers;
#[cfg(feature = "docs")]
pub mod markdown;
mod message;
#[cfg(feature = "docs")]
pub mod openapi;
mod rejection;
#[cfg(feature = "request-context")]
pub mod request;
mod response;
mod stability;

pub use crate::api_error::ApiError;
pub use crate::catalog::{Catalog, Iter};
pub use crate::code::{Code, CodeQuery};
pub use crate::context::RequestContext;
pub use crate::descriptor::{Descriptor, Retryable};
pub use crate::details::{Details, DetailsForm, FieldError, FieldErrors};
pub use crate::envelope::{BodyError, Envelope, Shape};
pub use crate::example::Example;
pub use crate::headers::{HeaderValue, Headers, IntoRetryAfter, RetryAfter};
pub use crate::message::Message;
pub use crate::rejection::Rejection;
pub use crate::stability::Breaks;

/// The derive: see the README's attribute reference.
///
/// ```
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
/// enum Error {
///     BadRequest,
///     #[api(status = 404)]
///     NotFound,
/// }
///
/// assert_eq!(Error::NotFound.code(), "NOT_FOUND");
/// assert_eq!(Error::BadRequest.status().as_u16(), 400);
/// ```
#[cfg(feature = "derive")]
pub use api_error_derive::ApiError;

pub use http;

// Not public API: the paths that generated code goes through.
#[doc(hidden)]
pub mod __private {
    pub use core::fmt::{Debug, Display, Result as FmtResult, Write as FmtWrite};
    pub use core::option::Option::{self, None, Some};

    pub use crate::descriptor::{DescriptorParts, MessageParts, NO_TEXT, RetryableParts};
    pub use crate::{
        ApiError, BodyError, Catalog, Code, Descriptor, Details, Envelope, Rejection,
        RequestContext, Retryable,
    };
    pub use core::convert::From;
    pub use http::StatusCode;
    pub use std::vec::Vec;

    pub use crate::envelope::Plans;
    pub use crate::example::Described;
    pub use crate::example::{Probe, ViaExample, WithoutExample, impl_examples};
    pub use crate::{Headers, IntoRetryAfter, RetryAfter};
    pub use serde_json::Value as JsonValue;

    /// A retry_after field's value.
    #[inline]
    pub fn retry_after<T: IntoRetryAfter + ?Sized>(value: &T) -> Option<RetryAfter> {
        value.retry_after()
    }

    pub use core::result::Result;

    pub use crate::frameworks::*;

    /// A details field as the envelope sees it.
    #[inline]
    pub fn details<T: Details>(value: &T) -> Option<&dyn Details> {
        Some(value)
    }

    /// An optional details field: `None` means the variant has no details this time.
    #[inline]
    pub fn optional_details<T: Details>(value: &Option<T>) -> Option<&dyn Details> {
        match value {
            Some(value) => Some(value),
            None => None,
        }
    }
}

// The README's examples are compiled and run as doc tests, so it cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;
