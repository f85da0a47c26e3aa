//! The `#[derive(ApiError)]` macro. Depend on `api-error-core`, which re-exports it.
//!
//! The derive runs in three stages, each in its own file: [`ast`] reads the input into a
//! typed model, [`valid`] checks what needs the whole input and makes every decision, and
//! [`expand`] writes the impl. Errors from all stages are reported together, beside a
//! [`fallback`] impl that keeps follow-on errors away.

mod ast;
mod attr;
mod case;
mod code;
mod compose;
mod descriptors;
mod doc;
mod examples;
mod expand;
mod expand_fields;
mod fallback;
mod generics;
mod json;
mod message;
mod meta;
mod placeholder;
mod reader;
mod rebuild;
mod rejection;
mod retry;
mod roles;
mod source;
mod spans;
mod split;
mod status;
mod suggest;
mod template;
mod transparent;
mod valid;

#[cfg(test)]
mod robustness;

use proc_macro::TokenStream;

// Documented where api-error-core re-exports it: that page is the attribute reference.
#[proc_macro_derive(ApiError, attributes(api))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let tokens = proc_macro2::TokenStream::from(input);
    match reader::read(tokens.clone()) {
        Ok(input) => expand::derive(&input, &tokens).into(),
        Err(error) => error.to_compile_error().into(),
    }
}

/// Not public API: the rustdoc table of a derived type's catalog, as a string literal, from
/// the type's definition. The derive writes `#[cfg_attr(doc, doc = catalog_doc!(..))]`, so only
/// rustdoc expands it. A definition the derive reports errors on gets an empty table.
#[doc(hidden)]
#[proc_macro]
pub fn __catalog_doc(input: TokenStream) -> TokenStream {
    let table = reader::read(input.into())
        .ok()
        .and_then(|input| expand::catalog_doc(&input))
        .unwrap_or_default();
    proc_macro::TokenTree::Literal(proc_macro::Literal::string(&table)).into()
}
