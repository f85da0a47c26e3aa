//! The `utoipa::IntoResponses` impls, the derive's and those `error_responses!` declares,
//! compile warning-free under strict lints, in a crate that names things they use, and
//! without the prelude.
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
struct BTreeMap;
#[allow(dead_code)]
struct String;
#[allow(dead_code)]
mod core {}
#[allow(dead_code)]
mod utoipa {}

/// A documented error type.
#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum Strict {
    /// A unit variant.
    Unit,
    /// A tuple variant.
    #[api(status = 429, retry_after = 5)]
    Tuple(u8),
    /// A struct variant.
    #[api(status = 404)]
    Struct {
        /// The id.
        id: u64,
    },
}

/// A documented error type over a type parameter.
#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
pub enum Generic<E> {
    /// Its own error.
    Other,
    /// The wrapped errors.
    #[api(transparent)]
    Wrapped(E),
}

api_error_core::error_responses! {
    /// Some of the strict errors.
    pub struct Chosen = Strict[Unit, Tuple, Struct, "UNIT"];
    /// One of them, by code, of a generic type.
    pub(crate) struct ChosenByCode = Generic<Strict>["TUPLE", Other];
}

/// Without the prelude, every path must be absolute.
pub mod no_prelude {
    #![no_implicit_prelude]

    /// A documented error type.
    #[derive(::api_error_core::ApiError)]
    #[api(code = "NO_PRELUDE", status = 500, message = "{0}")]
    pub struct NoPrelude(pub ::std::string::String);

    /// A documented error type with integer codes.
    #[derive(::api_error_core::ApiError)]
    pub enum Numbered {
        /// First.
        #[api(code = 3001, status = 404)]
        First,
        /// Second.
        #[api(code = -2, status = 409)]
        Second,
    }

    ::api_error_core::error_responses! {
        /// Chosen without the prelude.
        pub struct Chosen = Numbered[First, -2];
    }
}

#[test]
fn strict_lints_pass() {
    use ::utoipa::IntoResponses;
    let keys = |responses: std::collections::BTreeMap<std::string::String, _>| {
        responses.into_keys().collect::<Vec<_>>()
    };
    assert_eq!(keys(Strict::responses()), ["400", "404", "429"]);
    assert_eq!(keys(Chosen::responses()), ["400", "404", "429"]);
    assert_eq!(keys(Generic::<Strict>::responses()), ["400", "404", "429"]);
    assert_eq!(keys(ChosenByCode::responses()), ["400", "429"]);
    assert_eq!(keys(no_prelude::NoPrelude::responses()), ["500"]);
    assert_eq!(keys(no_prelude::Chosen::responses()), ["404", "409"]);
}
