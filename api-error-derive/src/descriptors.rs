//! The catalog's descriptors as the `static`s generated code indexes.
//!
//! Every variant is one row of four literals in one array, and the core crate's
//! `Descriptor::table` makes a descriptor of each that points at its row, in `const`
//! evaluation. A row holds what most variants have (names, code, status, message, details and
//! inner-error flags), its texts in one string; a variant that also states causes, solutions,
//! retry advice, a category, attributes, members or response headers has those parts written
//! beside its row. A catalog of thousands of variants is then two constants for rustc to check
//! instead of a call per variant, and what rustc builds and validates grows with the number
//! of literals, which is four a variant. The rows are written as source text.

use std::fmt::Write as _;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::code::CodeValue;
use crate::generics;
use crate::json;
use crate::retry::RetryableValue;
use crate::template::AttrOut;
use crate::valid::{Message, MessageFrom, Resolved, RetryAfter};

/// The catalog's two `static`s: `__ROWS`, one row of literals per variant, and
/// `__DESCRIPTORS`, which points at them, with the extra parts of the few variants that have
/// any.
pub fn statics(resolved: &[Resolved<'_>], private: &TokenStream) -> TokenStream {
    let count = Literal::usize_unsuffixed(resolved.len());
    let extras = resolved
        .iter()
        .enumerate()
        .filter(|(_, error)| !fits_a_row(error))
        .map(|(index, error)| {
            let at = Literal::usize_unsuffixed(index);
            let extra = extra(error, private);
            quote!((#at, #extra))
        });
    let rows = rows(resolved, private);
    quote! {
        // Literals only, which rustc checks without inference; `static`s, not `const`s, so
        // that each is evaluated and checked once, and the table points into the rows.
        #rows
        static __DESCRIPTORS: [#private::Descriptor; #count] =
            #private::Descriptor::table(&__ROWS, &[#(#extras),*]);
    }
}

/// `static __ROWS`, written as source text and read by rustc's lexer in one piece: literals
/// carry no span worth keeping, and a row of them costs a fraction of building its tokens.
fn rows(resolved: &[Resolved<'_>], private: &TokenStream) -> TokenStream {
    let mut source = String::with_capacity(resolved.len() * 160 + 64);
    let _ = write!(
        source,
        "static __ROWS: [{private}::Row; {}] = [",
        resolved.len()
    );
    for error in resolved {
        row(&mut source, error);
    }
    source.push_str("];");
    crate::source::tokens(&source)
}

/// Whether a row holds everything the variant's descriptor has.
fn fits_a_row(error: &Resolved<'_>) -> bool {
    let attrs = &error.variant.attrs;
    attrs.causes.is_empty()
        && attrs.solutions.is_empty()
        && attrs.retryable.is_none()
        && attrs.category.is_none()
        && error.attrs.is_empty()
        && error.members.is_empty()
        && !has_headers(error)
}

/// The variant's name in documentation, `name = ".."` or the variant's own.
fn name(error: &Resolved<'_>) -> Option<String> {
    error.variant.attrs.name.as_ref().map(crate::meta::text)
}

/// Appends `(code, text, ends, meta),`, as the core crate's `Row` reads it: the text is the
/// variant's name, its name in documentation, the code's JSON, the description, the message
/// and the message's JSON, one after another.
fn row(source: &mut String, error: &Resolved<'_>) {
    let variant = error.variant.ident.to_string();
    // The variant's name is written once.
    let name = name(error)
        .filter(|name| *name != variant)
        .unwrap_or_default();
    // An integer code is its digits, which are its JSON too.
    let (code, code_json) = match &error.code {
        CodeValue::Str(text) => (text.clone(), json::code(&error.code)),
        CodeValue::Int(_) => (json::code(&error.code), String::new()),
    };
    let (message, message_json) = match &error.message {
        Message::Static(text) => (text.as_str(), json::string(text)),
        Message::Format { template, .. } => (template.as_str(), String::new()),
        Message::Display { .. } => ("", String::new()),
    };
    let flags = flags(error);
    let parts = [
        variant.as_str(),
        &name,
        &code_json,
        &error.variant.doc,
        message,
        &message_json,
    ];
    let (text, ends, end) = concatenated(&parts);
    let meta = u64::from(error.status.0) | u64::from(flags) << 16 | u64::from(end) << 32;
    // `Debug` writes a string as a Rust literal.
    let _ = write!(source, "({code:?}, {text:?}, {ends}, {meta}),");
}

/// The row's flags: where its message comes from, an integer code, and what the variant has
/// that an envelope must have a place for.
pub(crate) fn flags(error: &Resolved<'_>) -> u8 {
    let mut flags = match error.code {
        CodeValue::Int(_) => FLAG_INT_CODE,
        CodeValue::Str(_) => 0,
    };
    flags |= match (&error.message, error.message_from) {
        (Message::Static(_), MessageFrom::Variant) | (Message::Format { .. }, _) => 0,
        (Message::Static(_), MessageFrom::Enum) => FLAG_ENUM,
        (Message::Static(_), MessageFrom::Status) => FLAG_STATUS,
        (Message::Display { .. }, _) => FLAG_DISPLAY,
    };
    if let Some(index) = error.details {
        flags |= FLAG_DETAILS;
        if generics::is_field_errors(&error.variant.fields[index].ty) {
            flags |= FLAG_FIELD_ERRORS;
        }
    }
    if error.inner.is_some() {
        flags |= FLAG_INNER;
    }
    if !error.members.is_empty() {
        flags |= FLAG_MEMBERS;
    }
    flags
}

/// The parts one after another, where the first four end (32 bits each, from the lowest), and
/// where the fifth ends. Offsets saturate at 4 GiB, past anything rustc reads in one file.
fn concatenated(parts: &[&str; 6]) -> (String, u128, u32) {
    let text = parts.concat();
    let mut ends = 0u128;
    let mut end = 0usize;
    let mut fifth = 0u32;
    for (at, part) in parts.iter().take(5).enumerate() {
        end = end.saturating_add(part.len());
        let offset = u32::try_from(end).unwrap_or(u32::MAX);
        if at < 4 {
            ends |= u128::from(offset) << (32 * at);
        } else {
            fifth = offset;
        }
    }
    (text, ends, fifth)
}

// The flags of a row, as the core crate's `row` module defines them; the tests of message
// sources, integer codes, details and inner errors read them back through descriptors.
const FLAG_ENUM: u8 = 1;
const FLAG_STATUS: u8 = 2;
const FLAG_DISPLAY: u8 = 3;
const FLAG_INT_CODE: u8 = 1 << 2;
const FLAG_DETAILS: u8 = 1 << 3;
const FLAG_FIELD_ERRORS: u8 = 1 << 4;
const FLAG_INNER: u8 = 1 << 5;
const FLAG_MEMBERS: u8 = 1 << 6;

/// The parts of a variant a row does not hold: causes, solutions, retry advice, category,
/// attributes, members and headers. Only the parts it states are named; the rest are none.
fn extra(error: &Resolved<'_>, private: &TokenStream) -> TokenStream {
    let attrs = &error.variant.attrs;
    let mut extra = Vec::new();
    let texts = |texts: &[syn::LitStr]| quote!(&[#(#texts),*]);
    if !attrs.causes.is_empty() {
        let causes = texts(&attrs.causes);
        extra.push(quote!(causes: #causes));
    }
    if !attrs.solutions.is_empty() {
        let solutions = texts(&attrs.solutions);
        extra.push(quote!(solutions: #solutions));
    }
    if let Some(retryable) = attrs.retryable.as_deref() {
        let retryable = match retryable {
            RetryableValue::No => quote!(No),
            RetryableValue::WithBackoff => quote!(WithBackoff),
            RetryableValue::WithCaution => quote!(WithCaution),
            RetryableValue::AfterReauth => quote!(AfterReauth),
            RetryableValue::AfterFixingRequest => quote!(AfterFixingRequest),
            RetryableValue::After(condition) => quote!(After(#condition)),
        };
        extra.push(quote!(retryable: #private::Some(#private::Retryable::#retryable)));
    }
    // Never empty when given: the derive rejects an empty category.
    if let Some(category) = &attrs.category {
        extra.push(quote!(category: #category));
    }
    if !error.attrs.is_empty() {
        let pairs = error.attrs.iter().map(|(name, value)| {
            let value = match value {
                AttrOut::Str(text) => quote!(#private::AttrValue::Str(#text)),
                AttrOut::Int(number) => quote!(#private::AttrValue::Int(#number)),
                AttrOut::Bool(flag) => quote!(#private::AttrValue::Bool(#flag)),
            };
            quote!((#name, #value))
        });
        extra.push(quote!(attrs: &[#(#pairs),*]));
    }
    if !error.members.is_empty() {
        let keys = error.members.iter().map(|(_, key)| key);
        extra.push(quote!(members: &[#(#keys),*]));
    }
    if has_headers(error) {
        let headers = declared_headers(error, private);
        extra.push(quote!(headers: &[#(#headers),*]));
    }
    quote! {
        #private::Extra {
            #(#extra,)*
            ..#private::Extra::NONE
        }
    }
}

/// Whether the variant declares a response header.
fn has_headers(error: &Resolved<'_>) -> bool {
    !error.headers.is_empty()
        || !error.header_fields.is_empty()
        || !matches!(error.retry_after, RetryAfter::None)
}

/// The variant's headers as its descriptor lists them, in the order they go out: static ones
/// (`www-authenticate` last), those from fields, then `retry-after`.
fn declared_headers(error: &Resolved<'_>, private: &TokenStream) -> Vec<TokenStream> {
    let field = |name: &str, index: usize| {
        let optional = generics::option_inner(&error.variant.fields[index].ty).is_some();
        quote!(#private::DeclaredHeader::field(#name, #optional))
    };
    let mut headers: Vec<TokenStream> = error
        .headers
        .iter()
        .map(|(name, value)| quote!(#private::DeclaredHeader::fixed(#name, #value)))
        .collect();
    headers.extend(
        error
            .header_fields
            .iter()
            .map(|(index, name)| field(name, *index)),
    );
    match error.retry_after {
        RetryAfter::None => {}
        RetryAfter::Seconds(seconds) => {
            let seconds = seconds.to_string();
            headers.push(quote!(#private::DeclaredHeader::fixed("retry-after", #seconds)));
        }
        RetryAfter::Field(index) => headers.push(field("retry-after", index)),
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_says_where_each_part_ends() {
        let (text, ends, fifth) =
            concatenated(&["Gone", "", "\"GONE\"", "It is gone.", "gone", "\"gone\""]);
        assert_eq!(text, "Gone\"GONE\"It is gone.gone\"gone\"");
        let ends: Vec<u32> = (0..4).map(|at| (ends >> (32 * at)) as u32).collect();
        assert_eq!(ends, [4, 4, 10, 21]);
        assert_eq!(fifth, 25);
    }
}
