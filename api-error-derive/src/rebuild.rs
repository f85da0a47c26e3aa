//! `rebuild`: a value of the type from an error read back by a client. A variant is rebuilt
//! when each of its fields comes back: from the details, from its member in the body, or from
//! its place (`{field}`, without a format spec) in the message's template. Other variants, and
//! any field of a type that cannot be read, give `None`; the client then has the descriptor.
//!
//! Whether a type can be read is found by method lookup on a probe (the core crate's
//! `Rebuild`), which rustc resolves anew at every call; a catalog of thousands of variants
//! has few field types, so each type is probed once for each way it is read, in a function
//! the fields call.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ast::Variant;
use crate::code::CodeValue;
use crate::expand::{binding, located, path};
use crate::generics;
use crate::transparent::Transparent;
use crate::valid::{Message, Part, Resolved};

/// The `rebuild` method of the impl.
pub fn method(
    resolved: &[Resolved<'_>],
    transparent: &[Transparent<'_>],
    private: &TokenStream,
) -> TokenStream {
    let mut readers = Readers::default();
    let own: Vec<TokenStream> = resolved
        .iter()
        .filter_map(|error| own(error, &mut readers, private))
        .collect();
    let readers = &readers.declarations;
    let wrapped = transparent.iter().map(|nested| {
        let ty = nested.ty();
        let path = path(nested.variant);
        let member = &nested.field.member;
        // At the variant, where a wrapped type that is no `ApiError` is already reported: the
        // same error at the same place is reported once.
        let rebuild = located(
            quote!(<#ty as #private::ApiError>::rebuild(__received)),
            nested.variant.ident.span(),
        );
        quote! {
            if let #private::Some(__inner) = #rebuild {
                return #private::Some(#path { #member: __inner });
            }
        }
    });
    quote! {
        fn rebuild(
            __received: &#private::ReceivedError,
        ) -> #private::Option<Self> {
            #[allow(unused_imports)]
            use #private::{ViaFromStr as _, ViaReceived as _, WithoutFromStr as _, WithoutReceived as _};
            let __descriptor = __received.descriptor()?;
            let _ = __descriptor;
            #(#readers)*
            #(#own)*
            #(#wrapped)*
            #private::None
        }
    }
}

/// The branch of one of the type's own variants, when each of its fields has a source.
fn own(error: &Resolved<'_>, readers: &mut Readers, private: &TokenStream) -> Option<TokenStream> {
    let variant = error.variant;
    let code = match &error.code {
        CodeValue::Str(text) => quote!(#private::Code::Str(#text)),
        CodeValue::Int(value) => quote!(#private::Code::Int(#value)),
    };
    let template = match &error.message {
        Message::Format { parts, .. } => pieces(parts, private),
        _ => None,
    };
    let mut reads = Vec::new();
    let mut from_template = false;
    for (index, field) in variant.fields.iter().enumerate() {
        let ty = &field.ty;
        let optional = generics::option_inner(ty);
        if generics::mentions_lifetime(ty) {
            return None;
        }
        let read = if error.details == Some(index) {
            let read = readers.of(Read::Details, optional.unwrap_or(ty), private);
            match optional {
                Some(_) => quote!(#read(__received)),
                None => quote!(#read(__received)?),
            }
        } else if let Some((_, key)) = error.members.iter().find(|(at, _)| *at == index) {
            let read = readers.of(Read::Member, optional.unwrap_or(ty), private);
            match optional {
                Some(_) => quote!(#read(__received, #key)),
                None => quote!(#read(__received, #key)?),
            }
        } else if let Some(slot) = template
            .as_ref()
            .and_then(|(_, slots)| slots.iter().position(|&field| field == index))
        {
            from_template = true;
            let read = readers.of(Read::Text, ty, private);
            quote!(#read(__values.get(#slot).copied()?)?)
        } else {
            return None;
        };
        let binding = binding(index);
        reads.push(quote!(let #binding = #read;));
    }
    let values = if from_template {
        let pieces = &template.as_ref()?.0;
        quote! {
            let __message = __received.message()?;
            let __values = #private::template_values(&[#(#pieces),*], __message)?;
        }
    } else {
        TokenStream::new()
    };
    let done = if from_template {
        quote! {
            if #private::says(&__rebuilt, __message) {
                #private::Some(__rebuilt)
            } else {
                #private::None
            }
        }
    } else {
        quote!(#private::Some(__rebuilt))
    };
    let construct = construct(variant);
    // Codes are unique within the type: the variant of this code, or nothing.
    Some(quote! {
        if __descriptor.code() == #code {
            #values
            #(#reads)*
            let __rebuilt = #construct;
            return #done;
        }
    })
}

/// `Type::Variant { member: __api_fieldN, .. }` of every field.
fn construct(variant: &Variant) -> TokenStream {
    let path = path(variant);
    let fields = variant.fields.iter().enumerate().map(|(index, field)| {
        let member = &field.member;
        let binding = binding(index);
        quote!(#member: #binding)
    });
    quote!(#path { #(#fields),* })
}

/// The template's pieces, and the field of each placeholder in order; `None` when a
/// placeholder has a format spec (its text is no value `FromStr` reads back).
fn pieces(parts: &[Part], private: &TokenStream) -> Option<(Vec<TokenStream>, Vec<usize>)> {
    let mut pieces = Vec::new();
    let mut slots = Vec::new();
    for part in parts {
        match part {
            Part::Text(text) => pieces.push(quote!(#private::Piece::Text(#text))),
            Part::Field { index, plain: true } => {
                pieces.push(quote!(#private::Piece::Value));
                slots.push(*index);
            }
            Part::Field { plain: false, .. } => return None,
        }
    }
    Some((pieces, slots))
}

/// How a field is read back.
#[derive(Clone, Copy)]
enum Read {
    Details,
    Member,
    Text,
}

/// One function per type and way of reading it, declared at the top of `rebuild`: a function
/// pointer, so each use is a plain call.
#[derive(Default)]
struct Readers {
    index: HashMap<String, usize>,
    declarations: Vec<TokenStream>,
}

impl Readers {
    fn of(&mut self, read: Read, ty: &syn::Type, private: &TokenStream) -> syn::Ident {
        let key = format!("{} {}", read as u8, quote!(#ty));
        let next = self.declarations.len();
        let index = *self.index.entry(key).or_insert(next);
        let name = format_ident!("__api_read{}", index);
        if index == next {
            let probe = quote!((&#private::Rebuild::<#ty>::new()));
            self.declarations.push(match read {
                Read::Details => quote! {
                    let #name: fn(&#private::ReceivedError) -> #private::Option<#ty> =
                        |__received| #probe.details(__received);
                },
                Read::Member => quote! {
                    let #name: fn(&#private::ReceivedError, &str) -> #private::Option<#ty> =
                        |__received, __key| #probe.member(__received, __key);
                },
                Read::Text => quote! {
                    let #name: fn(&str) -> #private::Option<#ty> =
                        |__text| #probe.text(__text);
                },
            });
        }
        name
    }
}
