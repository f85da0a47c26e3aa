//! A catalog's errors as the responses of the operations utoipa documents.
//!
//! With the `utoipa` feature, every derived type implements [`utoipa::IntoResponses`]: one
//! response per status, declaring the headers its errors send (`retry-after`,
//! `www-authenticate`, static headers, header fields), with the envelope's JSON Schema and a
//! named example body per code, written by the real envelope. Name the type in an operation's
//! `responses(...)` for every error it has, or an [`error_responses!`](crate::error_responses)
//! type for the errors the operation can answer with:
//!
//! ```
//! use api_error_core::ApiError;
//! use utoipa::OpenApi;
//!
//! #[derive(Debug, ApiError)]
//! #[api(code_case = "SCREAMING_SNAKE_CASE")]
//! pub enum OrderError {
//!     /// The order does not exist, or was deleted.
//!     #[api(status = 404, message = "order {order_id} does not exist")]
//!     OrderNotFound { order_id: u64 },
//!     /// The order was paid already.
//!     #[api(status = 409)]
//!     AlreadyPaid,
//!     /// Too many requests: wait as long as `retry-after` says.
//!     #[api(status = 429, retry_after = 30)]
//!     RateLimited,
//! }
//!
//! api_error_core::error_responses! {
//!     /// What `GET /orders/{order_id}` answers when it fails.
//!     pub struct GetOrderErrors = OrderError[OrderNotFound, RateLimited];
//! }
//!
//! /// The order.
//! #[utoipa::path(get, path = "/orders/{order_id}", responses(
//!     (status = 200, description = "The order"),
//!     GetOrderErrors,
//! ))]
//! async fn get_order() {}
//!
//! /// Pays the order.
//! #[utoipa::path(post, path = "/orders/{order_id}/payment", responses(
//!     (status = 204, description = "Paid"),
//!     OrderError,
//! ))]
//! async fn pay_order() {}
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(get_order, pay_order))]
//! struct Api;
//!
//! let document = serde_json::to_value(Api::openapi()).unwrap();
//! let get = &document["paths"]["/orders/{order_id}"]["get"]["responses"];
//! // The operation's own response and the errors it chose, by status.
//! let statuses: Vec<&String> = get.as_object().unwrap().keys().collect();
//! assert_eq!(statuses, ["200", "404", "429"]);
//! let not_found = &get["404"]["content"]["application/problem+json"];
//! assert_eq!(not_found["examples"]["ORDER_NOT_FOUND"]["value"]["detail"], "order 1 does not exist");
//! assert_eq!(get["429"]["headers"]["retry-after"]["schema"]["enum"][0], "30");
//!
//! let pay = &document["paths"]["/orders/{order_id}/payment"]["post"]["responses"];
//! assert!(pay["409"].is_object());
//! ```
//!
//! Each response holds its schema and examples inline, so the document needs no components
//! registered for them. [`responses`] and [`responses_where`] give the same responses for
//! documents built with utoipa's builders.

use std::collections::BTreeMap;

use ::utoipa::openapi::example::Example;
use ::utoipa::openapi::extensions::Extensions;
use ::utoipa::openapi::header::Header;
use ::utoipa::openapi::{
    ContentBuilder, RefOr, Response, ResponseBuilder, Responses, ResponsesBuilder, Schema,
};

use crate::docs::responses::{self, StatusErrors};
use crate::model::descriptor::reason;
use crate::{ApiError, Descriptor};

/// Every error of `E` as utoipa's [`Responses`]: what `E`'s
/// [`IntoResponses`](utoipa::IntoResponses) impl gives.
///
/// ```
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "incident")]
/// enum IncidentError {
///     #[api(code = "NOT_FOUND", status = 404)]
///     NotFound,
///     #[api(code = "GONE", status = 404)]
///     Gone,
///     #[api(code = "RATE_LIMIT_EXCEEDED", status = 429, retry_after = 60)]
///     RateLimited,
/// }
///
/// let responses = api_error_core::utoipa::responses::<IncidentError>();
/// let statuses: Vec<&String> = responses.responses.keys().collect();
/// assert_eq!(statuses, ["404", "429"]);
/// let document = serde_json::to_value(&responses).unwrap();
/// let examples = &document["404"]["content"]["application/json"]["examples"];
/// assert_eq!(examples["GONE"]["value"], serde_json::json!({"code": "GONE", "message": "Not Found"}));
/// assert_eq!(document["429"]["headers"]["retry-after"]["required"], true);
/// ```
pub fn responses<E: ApiError>() -> Responses {
    responses_where::<E>(|_| true)
}

/// The errors of `E` for which `chosen` is true, as utoipa's [`Responses`]: for an operation
/// that can answer with some of them only.
///
/// [`error_responses!`](crate::error_responses) chooses by variant name and code, checked at
/// compile time; this chooses by anything a [`Descriptor`] says.
///
/// ```
/// use api_error_core::ApiError;
/// use utoipa::openapi::path::OperationBuilder;
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "incident")]
/// enum IncidentError {
///     #[api(code = "NOT_FOUND", status = 404, category = "Incidents")]
///     NotFound,
///     #[api(code = "RATE_LIMIT_EXCEEDED", status = 429)]
///     RateLimited,
///     #[api(code = "INTERNAL_ERROR", status = 500)]
///     Internal,
/// }
///
/// let client_errors = api_error_core::utoipa::responses_where::<IncidentError>(|error| {
///     error.status().is_client_error()
/// });
/// let operation = OperationBuilder::new().responses(client_errors).build();
/// let statuses: Vec<&String> = operation.responses.responses.keys().collect();
/// assert_eq!(statuses, ["404", "429"]);
/// ```
pub fn responses_where<E: ApiError>(chosen: impl Fn(&Descriptor) -> bool) -> Responses {
    let examples = E::examples();
    let content_type = E::body_content_type();
    // Every schema a shape writes is one utoipa reads (the conformance tests check each
    // built-in envelope and declared shape); a custom envelope's that it cannot read is left
    // out rather than written wrong.
    let schema: Option<RefOr<Schema>> =
        E::body_schema().and_then(|schema| serde_json::from_value(schema).ok());
    let mut builder = ResponsesBuilder::new();
    for StatusErrors { status, errors } in responses::by_status::<E>(chosen) {
        let mut response = ResponseBuilder::new().description(reason(status));
        for (name, header) in responses::headers(&errors, &examples) {
            if let Some(header) = header_of(header) {
                response = response.header(name, header);
            }
        }
        if !content_type.is_empty() {
            let named = errors.iter().filter_map(|error| {
                let example = responses::example(error, &examples);
                let example: Example = serde_json::from_value(example).ok()?;
                Some((responses::example_key(error), example))
            });
            let content = ContentBuilder::new()
                .schema(schema.clone())
                .examples_from_iter(named)
                .build();
            response = response.content(content_type, content);
        }
        builder = builder.response(status.to_string(), response.build());
    }
    builder.build()
}

/// A Header Object as utoipa's [`Header`]: utoipa's type has no `required`, which it is
/// given through the extensions, written as they are.
fn header_of(header: serde_json::Value) -> Option<Header> {
    let required = header["required"] == true;
    let mut header: Header = serde_json::from_value(header).ok()?;
    if required {
        header.extensions = Some(Extensions::from_iter([("required", true)]));
    }
    Some(header)
}

/// `E`'s responses as [`utoipa::IntoResponses`] returns them.
#[doc(hidden)]
pub fn into_responses<E: ApiError>(
    chosen: impl Fn(&Descriptor) -> bool,
) -> BTreeMap<String, RefOr<Response>> {
    responses_where::<E>(chosen).into()
}

/// Declares a type that stands for some errors of a derived type, for the responses of an
/// operation that can answer with those only: name it in `#[utoipa::path(responses(...))]`.
///
/// ```text
/// error_responses! {
///     /// Doc comments and attributes go on the type.
///     pub struct NAME = ERROR_TYPE[Variant, "CODE", 3001, ...];
/// }
/// ```
///
/// Between the brackets, a name is a variant of the type's own, and a string or integer
/// literal is the code of any error in its catalog, those of wrapped types included (a
/// transparent variant's errors are chosen by their codes). The type implements
/// [`utoipa::IntoResponses`] with the chosen errors alone, as the derived type does with all
/// of them ([`responses_where`]). Several types can be declared in one call.
///
/// Every choice is checked at compile time: a name that is no variant of the type is the
/// compiler's own error at the name, and a code no error has, a transparent variant, or a
/// literal that is no code fail the build with a message that says which.
///
/// ```
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "face", prefix = "AUTH_", code_case = "SCREAMING_SNAKE_CASE")]
/// pub enum AuthError {
///     #[api(status = 401, www_authenticate = "Bearer")]
///     TokenExpired,
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "face", code_case = "SCREAMING_SNAKE_CASE")]
/// pub enum PetError {
///     #[api(status = 404)]
///     PetNotFound,
///     #[api(status = 409)]
///     PetExists,
///     #[api(transparent)]
///     Auth(AuthError),
/// }
///
/// api_error_core::error_responses! {
///     /// What `GET /pets/{id}` answers with when it fails.
///     pub struct GetPetErrors = PetError[PetNotFound, "AUTH_TOKEN_EXPIRED"];
///     /// What `POST /pets` answers with when it fails.
///     pub struct CreatePetErrors = PetError[PetExists];
/// }
///
/// let responses = <GetPetErrors as utoipa::IntoResponses>::responses();
/// let statuses: Vec<&String> = responses.keys().collect();
/// assert_eq!(statuses, ["401", "404"]);
/// assert_eq!(<CreatePetErrors as utoipa::IntoResponses>::responses().len(), 1);
/// ```
///
/// ```compile_fail,E0080
/// # use api_error_core::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE")]
/// pub enum PetError {
///     #[api(status = 404)]
///     PetNotFound,
/// }
///
/// api_error_core::error_responses! {
///     // error: `GetPetErrors` chooses code "NO_SUCH_PET", which no error of `PetError` has
///     pub struct GetPetErrors = PetError["NO_SUCH_PET"];
/// }
/// ```
#[macro_export]
macro_rules! error_responses {
    // A variant's name: checked as a pattern, and chosen by name.
    (@choose [$($head:tt)*] [$($chosen:tt)*] [$($variant:ident)*]
        $name:ident $(, $($rest:tt)*)?
    ) => {
        $crate::error_responses!(@choose [$($head)*]
            [$($chosen)* $crate::__private::Chosen::variant(::core::stringify!($name)),]
            [$($variant)* $name]
            $($($rest)*)?
        );
    };
    // A code: chosen by its text, which the check reads as the compiler does.
    (@choose [$($head:tt)*] [$($chosen:tt)*] [$($variant:ident)*]
        $code:literal $(, $($rest:tt)*)?
    ) => {
        $crate::error_responses!(@choose [$($head)*]
            [$($chosen)* $crate::__private::Chosen::code(::core::stringify!($code)),]
            [$($variant)*]
            $($($rest)*)?
        );
    };
    // Everything chosen: the type and its impl.
    (@choose [[$(#[$attr:meta])*] [$vis:vis] [$name:ident] [$ty:ty]]
        [$($chosen:tt)*] [$($variant:ident)*]
    ) => {
        $(#[$attr])*
        $vis struct $name;

        const _: () = {
            type __Error = $ty;

            const __CHOSEN: &[$crate::__private::Chosen] = &[$($chosen)*];
            const _: () = {
                // A name that is no variant of the type is the compiler's error, at the name,
                // and then the choice is not checked again.
                $(let _ = |__error: &__Error| ::core::matches!(__error, __Error::$variant { .. });)*
                let __refusal = $crate::__private::check_chosen(
                    &<__Error as $crate::ApiError>::CATALOG,
                    __CHOSEN,
                    ::core::stringify!($name),
                );
                if let ::core::option::Option::Some(__message) = __refusal.message() {
                    ::core::panic!("{}", __message);
                }
            };

            #[automatically_derived]
            impl $crate::__private::utoipa::IntoResponses for $name {
                fn responses() -> $crate::__private::BTreeMap<
                    $crate::__private::String,
                    $crate::__private::utoipa::openapi::RefOr<
                        $crate::__private::utoipa::openapi::Response,
                    >,
                > {
                    $crate::utoipa::into_responses::<__Error>(|__error| {
                        $crate::__private::Chosen::contains(
                            __CHOSEN,
                            &<__Error as $crate::ApiError>::CATALOG,
                            __error,
                        )
                    })
                }
            }
        };
    };
    (
        $(#[$attr:meta])*
        $vis:vis struct $name:ident = $ty:ty [$($choice:tt)*];
        $($more:tt)*
    ) => {
        $crate::error_responses!(@choose [[$(#[$attr])*] [$vis] [$name] [$ty]] [] [] $($choice)*);
        $crate::error_responses!($($more)*);
    };
    () => {};
}

/// Implements [`utoipa::IntoResponses`] for a derived type: `impl_utoipa!([impl generics]
/// [type] [where predicates])`.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ([$($generics:tt)*] [$($ty:tt)*] [$($bounds:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)*
        where
            $($ty)*: $crate::ApiError,
            $($bounds)*
        {
            fn responses() -> $crate::__private::BTreeMap<
                $crate::__private::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::Response,
                >,
            > {
                $crate::utoipa::into_responses::<Self>(|_| true)
            }
        }
    };
}
