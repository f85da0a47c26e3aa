//! Generated code written as source text, for the parts whose tokens need no span of the
//! input: rustc lexes the text in one piece, where building the same tokens one at a time
//! costs the compiler several times more.

use proc_macro2::TokenStream;
use quote::quote;

/// The tokens of `source`, which the derive wrote and knows to lex.
///
/// Inside the compiler the text goes to rustc's lexer directly (`proc_macro2` would first
/// check it with a lexer of its own, at twice the cost); elsewhere, as in unit tests,
/// `proc_macro2` lexes it.
pub fn tokens(source: &str) -> TokenStream {
    let lexed = if proc_macro::is_available() {
        source
            .parse::<proc_macro::TokenStream>()
            .map(TokenStream::from)
            .ok()
    } else {
        source.parse::<TokenStream>().ok()
    };
    lexed.unwrap_or_else(
        || quote!(::core::compile_error!("api-error: generated code does not lex");),
    )
}
