//! One enum declaration, the whole HTTP error contract.
//!
//! `#[derive(ApiError)]` turns a service's error enum into its status mapping, its stable
//! error codes, its public messages, its JSON error body in the API's own envelope, its
//! response headers and a static [`Catalog`] of every error, all checked at compile time.
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
//!
//! # Where to read on
//!
//! | what | where |
//! |---|---|
//! | every `#[api(...)]` key, on the enum, a variant, a field or a struct | [the attribute reference](derive@ApiError) |
//! | what a derived type can do: status, code, message, body, headers, response | [`ApiError`](trait@ApiError) |
//! | the built-in envelopes, each with an example body | [`envelopes`] |
//! | an envelope of your own, declared as data | [`envelope`], [`Shape`] |
//! | validation errors in each envelope's own form | [`FieldErrors`], [`Details`] |
//! | axum: handler errors, request ids, framework rejections | [`axum`], [`request`], [`Rejection`] |
//! | actix-web | [`actix`] |
//! | documentation: Markdown pages, OpenAPI, example values, committed files | [`markdown`], [`openapi`], [`Example`], [`committed`] |
//! | utoipa: the errors an operation answers with, as its responses | [`utoipa`](mod@utoipa), [`error_responses!`] |
//! | the catalog as data, and keeping codes stable | [`Catalog`], [`Breaks`] |
//!
//! # Feature flags
//!
#![doc = document_features::document_features!()]
#![deny(missing_docs)]

// The error model: the trait, descriptors, codes, catalogs, messages, details, context.
mod model;
// Envelopes: declared shapes, the built-in ones, and the writer that turns them into bytes.
pub mod envelope;
// The HTTP edge: responses, headers, request context, rejections, axum and actix-web.
mod web;
// Documentation: example bodies, Markdown, OpenAPI, and the stability check.
mod docs;
// The callers' side: error responses read back, retry advice and policy.
pub mod client;

pub use crate::model::api_error::ApiError;
pub use crate::model::catalog::{Catalog, Iter};
pub use crate::model::code::{Code, CodeQuery};
pub use crate::model::context::RequestContext;
pub use crate::model::descriptor::{AttrValue, Descriptor, MessageSource};
pub use crate::model::details::{Details, DetailsForm, FieldError, FieldErrors};
pub use crate::model::message::Message;
pub use crate::model::retry::{RetryAdvice, Retryable};

#[doc = include_str!("../doc/envelopes.md")]
#[doc(inline)]
pub use crate::envelope::builtin as envelopes;
pub use crate::envelope::{ApiErrors, BodyError, Envelope, Shape};

#[cfg(feature = "actix-web")]
pub use crate::web::actix;
#[cfg(feature = "axum")]
pub use crate::web::axum;
pub use crate::web::edge_errors::{EdgeError, edge_errors};
pub use crate::web::headers::{DeclaredHeader, HeaderValue, Headers, IntoRetryAfter, RetryAfter};
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use crate::web::json::ApiJson;
#[cfg(feature = "tracing")]
pub use crate::web::logging;
#[cfg(feature = "axum")]
pub use crate::web::params::ApiPath;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use crate::web::params::ApiQuery;
pub use crate::web::rejection::{Rejection, RejectionKind};
#[cfg(feature = "request-context")]
pub use crate::web::request;
pub use crate::web::status::status_error;

#[cfg(feature = "docs")]
pub use crate::docs::committed;
pub use crate::docs::example::Example;
#[cfg(feature = "docs")]
pub use crate::docs::markdown;
#[cfg(feature = "docs")]
pub use crate::docs::openapi;
pub use crate::docs::stability::Breaks;
#[cfg(feature = "docs")]
pub use crate::docs::typescript;
#[cfg(feature = "utoipa")]
pub use crate::docs::utoipa;

#[doc = include_str!("../doc/attributes.md")]
#[cfg(feature = "derive")]
pub use api_error_derive::ApiError;

pub use http;

// Not public API: the paths that generated code goes through.
#[doc(hidden)]
pub mod __private {
    pub use core::fmt::{Debug, Display, Result as FmtResult, Write as FmtWrite};
    pub use core::option::Option::{self, None, Some};

    pub use crate::model::descriptor::{DescriptorParts, Extra, MessageParts, NO_TEXT, Row, row};
    pub use crate::model::message::{parts1, parts2, parts3};
    pub use crate::{
        ApiError, BodyError, Catalog, Code, Descriptor, Details, Envelope, Rejection,
        RejectionKind, RequestContext, Retryable,
    };
    pub use core::convert::From;
    pub use http::StatusCode;
    pub use std::vec::Vec;

    #[cfg(feature = "client")]
    pub use crate::client::rebuild::{
        Piece, Rebuild, ViaFromStr, ViaReceived, WithoutFromStr, WithoutReceived, says,
        template_values,
    };
    pub use crate::client::{Received, ReceivedError};
    pub use crate::envelope::builtin::statics as shapes;
    pub use crate::envelopes;
    #[cfg(feature = "derive")]
    pub use api_error_derive::__catalog_doc as catalog_doc;

    #[cfg(feature = "utoipa")]
    pub use crate::docs::chosen::{Chosen, Refusal, check_chosen};
    pub use crate::docs::example::Described;
    pub use crate::docs::example::{
        ExampleFn, Examples, Probe, ViaExample, WithoutExample, docs_only, extend, push,
        push_wrapped,
    };
    pub use crate::docs::impl_utoipa;
    pub use crate::envelope::check::{check_flagged, check_tree};
    pub use crate::envelope::{InnerError, MemberValue};
    pub use crate::envelope::{PlanCell, Plans};
    pub use crate::model::conflict::Conflict;
    pub use crate::web::headers::FieldHeaders;
    pub use crate::{AttrValue, DeclaredHeader, Shape};
    pub use crate::{Headers, IntoRetryAfter, RetryAfter};
    #[cfg(feature = "utoipa")]
    pub use ::utoipa;
    pub use serde_json::Value as JsonValue;
    #[cfg(feature = "utoipa")]
    pub use std::{collections::BTreeMap, string::String};

    /// `E`'s catalog: the value of a derived type's inherent `CATALOG`, a call so that rustdoc
    /// shows no path for it.
    #[inline]
    pub const fn catalog_of<E: ApiError + ?Sized>() -> Catalog {
        E::CATALOG
    }

    /// A retry_after field's value.
    #[inline]
    pub fn retry_after<T: IntoRetryAfter + ?Sized>(value: &T) -> Option<RetryAfter> {
        value.retry_after()
    }

    pub use core::result::Result;

    pub use crate::web::frameworks::*;
    #[cfg(feature = "actix-web")]
    pub use crate::web::json::{is_json, not_json};
    pub use crate::web::report::{
        Report, ReportDebug, ReportDisplay, ReportError, ReportNothing, Reported,
    };
    #[cfg(feature = "actix-web")]
    pub use serde::de::{DeserializeOwned, value::Error as SerdeValueError};

    /// The first fixed 500 among a type's wrapped types', for a type that marks none itself.
    pub const fn first_internal(
        wrapped: &[Option<&'static Descriptor>],
    ) -> Option<&'static Descriptor> {
        let mut index = 0;
        while index < wrapped.len() {
            if let Some(found) = wrapped[index] {
                return Some(found);
            }
            index += 1;
        }
        None
    }

    /// A details field as the envelope sees it.
    #[inline]
    pub fn details<T: Details>(value: &T) -> Option<&dyn Details> {
        Some(value)
    }

    /// The place of an error of the type's own, among its plans.
    #[inline]
    pub const fn own_place(descriptor: &Descriptor) -> usize {
        descriptor.index()
    }

    /// The place of an error that a transparent variant wraps: `place`, the wrapped error's
    /// own, after `start`, the places before the variant's; `usize::MAX` (no place) when that
    /// does not lie before `end`, where the places of the next variant start.
    #[inline]
    pub const fn nested_place(start: usize, end: usize, place: usize) -> usize {
        match start.checked_add(place) {
            Some(place) if place < end => place,
            _ => usize::MAX,
        }
    }

    /// The message of the error `descriptor` describes, when it is fixed.
    #[inline]
    pub const fn fixed_message(descriptor: &Descriptor) -> Option<&'static str> {
        descriptor.fixed_message()
    }

    /// A member field as the envelope sees it.
    #[inline]
    pub fn member<T: MemberValue>(value: &T) -> Option<&dyn MemberValue> {
        Some(value)
    }

    /// An optional member field: `None` leaves the member out.
    #[inline]
    pub fn optional_member<T: MemberValue>(value: &Option<T>) -> Option<&dyn MemberValue> {
        match value {
            Some(value) => Some(value),
            None => None,
        }
    }

    /// An inner error field as the envelope sees it.
    #[inline]
    pub fn inner_error<T: InnerError>(value: &T) -> &dyn InnerError {
        value
    }

    /// A header field's text, as the response writes it.
    #[inline]
    pub fn header_text<T: Display>(value: &T) -> Option<&dyn Display> {
        Some(value)
    }

    /// An optional header field: `None` leaves the header out.
    #[inline]
    pub fn optional_header_text<T: Display>(value: &Option<T>) -> Option<&dyn Display> {
        match value {
            Some(value) => Some(value),
            None => None,
        }
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
