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
    match reader::read(input.into()) {
        Ok(input) => expand::derive(&input).into(),
        Err(error) => error.to_compile_error().into(),
    }
}
