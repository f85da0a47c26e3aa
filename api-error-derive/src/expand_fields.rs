//! Code generation for the roles fields take beside the message: member values
//! (`#[api(member)]`), the inner error (`#[api(inner)]`) and header fields
//! (`#[api(header = "..")]`). Each method is written only when some variant needs it.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::spanned::Spanned;

use crate::ast::Input;
use crate::compose;
use crate::expand::{binding, located, pattern, some_arms};
use crate::generics;
use crate::split::{Chains, Method};
use crate::transparent::Transparent;
use crate::valid::Resolved;

/// `member_value`, when any variant has member fields or wraps an error that may: the field of
/// each index, in the order of the descriptor's member keys (the wrapped error's own, for a
/// transparent variant, whose descriptor is the wrapped error's).
pub fn member_value_method(
    resolved: &[Resolved<'_>],
    transparent: &[Transparent<'_>],
    private: &TokenStream,
) -> TokenStream {
    if resolved.iter().all(|error| error.members.is_empty()) && transparent.is_empty() {
        return TokenStream::new();
    }
    let nested = transparent.iter().map(|nested| {
        let pattern = pattern(nested.variant, &[0]);
        let binding = binding(0);
        let wrapped = compose::trait_of(nested, private);
        quote!((#pattern, __index) => #wrapped::member_value(#binding, __index),)
    });
    let arms = resolved.iter().flat_map(|error| {
        error
            .members
            .iter()
            .enumerate()
            .map(move |(position, (index, _))| {
                let pattern = pattern(error.variant, &[*index]);
                let binding = binding(*index);
                let ty = &error.variant.fields[*index].ty;
                let position = Literal::usize_unsuffixed(position);
                // Located at the field's type, so a type that cannot be a member is reported there.
                let call = if generics::option_inner(ty).is_some() {
                    quote!(#private::optional_member(#binding))
                } else {
                    quote!(#private::member(#binding))
                };
                let call = located(call, ty.span());
                quote!((#pattern, #position) => #call,)
            })
    });
    quote! {
        fn member_value(&self, __index: usize) -> #private::Option<&dyn #private::MemberValue> {
            match (self, __index) {
                #(#arms)*
                #(#nested)*
                _ => #private::None,
            }
        }
    }
}

/// `inner_error`, when any variant has an inner error field or wraps an error that may.
pub fn inner_error_method(
    resolved: &[Resolved<'_>],
    transparent: &[Transparent<'_>],
    private: &TokenStream,
    chains: &mut Chains,
) -> TokenStream {
    if resolved.iter().all(|error| error.inner.is_none()) && transparent.is_empty() {
        return TokenStream::new();
    }
    let nested = compose::delegating(transparent, "inner_error", private);
    let arm = |error: &Resolved<'_>| {
        let index = error.inner?;
        let pattern = pattern(error.variant, &[index]);
        let binding = binding(index);
        let ty = &error.variant.fields[index].ty;
        // A `Box` is seen through; located at the field's type, so a type that is no error is
        // reported there.
        let inner = generics::option_inner(ty);
        let boxed = generics::box_inner(inner.unwrap_or(ty)).is_some();
        let reach = |value: TokenStream| {
            if boxed {
                quote!(#private::inner_error(&**#value))
            } else {
                quote!(#private::inner_error(#value))
            }
        };
        let value = if inner.is_some() {
            let inner = reach(quote!(__inner));
            quote! {
                match #binding {
                    #private::Some(__inner) => #private::Some(#inner),
                    #private::None => #private::None,
                }
            }
        } else {
            let inner = reach(quote!(#binding));
            quote!(#private::Some(#inner))
        };
        let value = located(value, ty.span());
        Some(quote!(#pattern => #value))
    };
    let output = quote!(#private::Option<&dyn #private::InnerError>);
    let method = Method::new("inner_error", quote!((&self) -> #output));
    method.define(some_arms(
        chains,
        &method,
        resolved,
        &nested,
        arm,
        quote!(#private::None),
    ))
}

/// `FieldHeaders`, when any variant has header fields: the field of each index, in the
/// order of the variant's header names.
pub fn field_headers_impl(
    input: &Input,
    resolved: &[Resolved<'_>],
    private: &TokenStream,
) -> TokenStream {
    if resolved.iter().all(|error| error.header_fields.is_empty()) {
        return TokenStream::new();
    }
    let ident = &input.ident;
    let generics = generics::with_inferred_bounds(&input.generics, resolved, private);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let arms = resolved.iter().flat_map(|error| {
        error
            .header_fields
            .iter()
            .enumerate()
            .map(move |(position, (index, _))| {
                let pattern = pattern(error.variant, &[*index]);
                let binding = binding(*index);
                let ty = &error.variant.fields[*index].ty;
                let position = Literal::usize_unsuffixed(position);
                // Located at the field's type, so a type without `Display` is reported there.
                let call = if generics::option_inner(ty).is_some() {
                    quote!(#private::optional_header_text(#binding))
                } else {
                    quote!(#private::header_text(#binding))
                };
                let call = located(call, ty.span());
                quote!((#pattern, #position) => #call,)
            })
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::FieldHeaders for #ident #ty_generics #where_clause {
            fn field_header(&self, __index: usize) -> #private::Option<&dyn #private::Display> {
                match (self, __index) {
                    #(#arms)*
                    _ => #private::None,
                }
            }
        }
    }
}
