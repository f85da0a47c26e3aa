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

/// A shape with a place for everything a variant can carry.
pub const SHAPE: api_error_core::Shape = api_error_core::Shape::new(&[
    api_error_core::envelope::Member::new("code", api_error_core::envelope::Value::Code),
    api_error_core::envelope::Member::new("doc", api_error_core::envelope::Value::Attr("doc"))
        .required(),
    api_error_core::envelope::Member::new("details", api_error_core::envelope::Value::Details),
    api_error_core::envelope::Member::new("cause", api_error_core::envelope::Value::Inner),
    api_error_core::envelope::Member::flatten(api_error_core::envelope::Value::Members),
]);

/// A documented error type using every field role.
#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "SCREAMING_SNAKE_CASE", attr(doc = "https://docs.example.com/{code}"))]
pub enum Roles {
    /// Members, an inner error, details and a header.
    #[api(status = 429, attr(doc = "x", retries = 3))]
    Limited {
        /// A member.
        #[api(member)]
        limit: u32,
        /// An optional member.
        #[api(member = "retryAfter")]
        retry_after: ::core::option::Option<u64>,
        /// A header.
        #[api(header = "x-ratelimit-remaining")]
        remaining: u32,
        /// An optional header.
        #[api(header = "x-ratelimit-reset")]
        reset: ::core::option::Option<u64>,
        /// Details.
        #[api(details)]
        fields: ::core::option::Option<api_error_core::FieldErrors>,
        /// The inner error.
        #[api(inner)]
        cause: ::core::option::Option<::std::boxed::Box<Self>>,
    },
    /// Nothing more.
    #[api(status = 400)]
    Plain,
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

    /// The same roles, without the prelude.
    #[derive(::api_error_core::ApiError)]
    #[api(envelope = super::SHAPE, code_case = "snake_case", attr(doc = "{name}"))]
    pub enum Roles {
        /// Members, an inner error and a header.
        #[api(status = 429)]
        Limited {
            /// A member.
            #[api(member)]
            limit: u32,
            /// A header.
            #[api(header = "x-limit")]
            header: ::core::option::Option<u32>,
            /// The inner error.
            #[api(inner)]
            cause: ::std::boxed::Box<super::Roles>,
        },
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
    let limited = Roles::Limited {
        limit: 1,
        retry_after: None,
        remaining: 0,
        reset: Some(9),
        fields: None,
        cause: Some(Box::new(Roles::Plain)),
    };
    assert_eq!(
        limited.to_json_string(&api_error_core::RequestContext::new()),
        r#"{"code":"LIMITED","doc":"x","cause":{"code":"PLAIN","doc":"https://docs.example.com/PLAIN"},"limit":1}"#
    );
    assert_eq!(limited.headers().count(), 2);
    let nested = no_prelude::Roles::Limited {
        limit: 2,
        header: None,
        cause: Box::new(Roles::Plain),
    };
    assert_eq!(
        nested.to_json_string(&api_error_core::RequestContext::new()),
        r#"{"code":"limited","doc":"Limited","cause":{"code":"PLAIN","doc":"https://docs.example.com/PLAIN"},"limit":2}"#
    );
}
