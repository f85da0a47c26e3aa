//! Bounds the generated impl needs on the input's type parameters, inferred from messages.

use std::collections::BTreeSet;

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, format_ident};
use syn::{Generics, Ident, Type, WherePredicate};

use crate::valid::{Message, Resolved};

/// The input's where clause plus one predicate per (field type, format trait) that a message
/// uses on a field whose type mentions a type parameter, as thiserror does for `Display`.
pub fn with_inferred_bounds(
    generics: &Generics,
    resolved: &[Resolved<'_>],
    private: &TokenStream,
) -> Generics {
    let params: BTreeSet<Ident> = generics
        .type_params()
        .map(|param| param.ident.clone())
        .collect();
    let mut generics = generics.clone();
    if params.is_empty() {
        return generics;
    }
    let mut predicates: Vec<WherePredicate> = Vec::new();
    let mut push = |predicate: WherePredicate| {
        if !predicates.contains(&predicate) {
            predicates.push(predicate);
        }
    };
    for error in resolved {
        match &error.message {
            Message::Format { uses, .. } => {
                for (index, format) in uses {
                    let ty = &error.variant.fields[*index].ty;
                    if mentions(ty, &params) {
                        let format = format_ident!("{}", format.name());
                        push(syn::parse_quote!(#ty: #private::#format));
                    }
                }
            }
            Message::Display { .. } => push(syn::parse_quote!(Self: #private::Display)),
            Message::Static(_) => {}
        }
    }
    generics.make_where_clause().predicates.extend(predicates);
    generics
}

fn mentions(ty: &Type, params: &BTreeSet<Ident>) -> bool {
    fn walk(tokens: TokenStream, params: &BTreeSet<Ident>) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Ident(ident) => params.contains(&ident),
            TokenTree::Group(group) => walk(group.stream(), params),
            TokenTree::Punct(_) | TokenTree::Literal(_) => false,
        })
    }
    walk(ty.to_token_stream(), params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_parameters_anywhere_in_a_type() {
        let params: BTreeSet<Ident> = [format_ident!("T")].into_iter().collect();
        assert!(mentions(&syn::parse_quote!(T), &params));
        assert!(mentions(&syn::parse_quote!(Vec<Option<T>>), &params));
        assert!(mentions(&syn::parse_quote!(&'a [T; 3]), &params));
        assert!(!mentions(&syn::parse_quote!(String), &params));
        assert!(!mentions(&syn::parse_quote!(Type), &params));
    }
}
