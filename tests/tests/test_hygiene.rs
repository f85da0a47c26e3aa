//! Generated code compiles warning-free under strict lints, in a crate that names things the
//! derive uses internally, and without the prelude.
#![deny(
    warnings,
    unused_qualifications,
    unused_results,
    missing_docs,
    rust_2018_idioms
)]
#![deny(clippy::all, clippy::pedantic, clippy::nursery)]

use api_error_core::ApiError;

// Local names that would capture unhygienic generated code.
#[allow(dead_code)]
struct Option;
#[allow(dead_code)]
struct Formatter;
#[allow(dead_code)]
mod core {}

/// A documented error type.
#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum Strict {
    /// A unit variant.
    Unit,
    /// A tuple variant.
    #[api(message = "value {0}")]
    Tuple(u8),
    /// A struct variant.
    #[api(status = 404, message = "missing {id:?}")]
    Struct {
        /// The id.
        id: u64,
    },
    /// Every rejection of a request's content.
    #[api(rejection)]
    Rejected(String),
    /// Unknown routes and wrong methods.
    #[api(status = 404, rejection(unknown_route, method))]
    Nowhere,
    /// The fixed 500.
    #[api(status = 500, internal)]
    Internal,
}

/// A documented error type wrapping another.
#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum Wrapping {
    /// Its own error.
    Own,
    /// The strict errors.
    #[api(transparent)]
    Strict(Strict),
}

/// A documented error type wrapping a type parameter.
#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum Generic<E> {
    /// Its own error.
    Other,
    /// The wrapped errors.
    #[api(transparent)]
    Wrapped {
        /// The wrapped error.
        inner: E,
    },
}

/// Without the prelude, every path the derive writes must be absolute.
pub mod no_prelude {
    #![no_implicit_prelude]

    /// A documented error type.
    #[derive(::api_error_core::ApiError)]
    #[api(code = "NO_PRELUDE", status = 500, message = "{0}")]
    pub struct NoPrelude(pub ::std::string::String);

    /// A documented error type wrapping others.
    #[derive(::api_error_core::ApiError)]
    #[api(prefix = "NO_")]
    pub enum Wrapping<E> {
        /// The error without the prelude.
        #[api(transparent)]
        NoPrelude(NoPrelude),
        /// Any other.
        #[api(transparent)]
        Other(E),
    }
}

#[test]
fn strict_lints_pass() {
    use api_error_core::ApiError as _;
    assert_eq!(Strict::Tuple(3).message().to_string(), "value 3");
    assert_eq!(Strict::Struct { id: 4 }.message().to_string(), "missing 4");
    assert_eq!(Strict::Unit.code(), "UNIT");
    assert_eq!(Strict::internal_descriptor().code(), "INTERNAL");
    assert_eq!(no_prelude::NoPrelude("x".into()).message().to_string(), "x");
    assert_eq!(Wrapping::Strict(Strict::Unit).code(), "UNIT");
    assert_eq!(Wrapping::Own.code(), "OWN");
    let generic: Generic<Strict> = Generic::Wrapped {
        inner: Strict::Tuple(1),
    };
    assert_eq!(generic.message().to_string(), "value 1");
    let wrapped: no_prelude::Wrapping<Generic<Strict>> =
        no_prelude::Wrapping::NoPrelude(no_prelude::NoPrelude("y".into()));
    assert_eq!(wrapped.message().to_string(), "y");
}
