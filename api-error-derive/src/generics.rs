//! Bounds the generated impl needs on the input's type parameters, inferred from messages.

use std::collections::BTreeSet;

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, format_ident};
use syn::{Generics, Ident, Type, WherePredicate};

use crate::valid::{Message, Resolved};

/// The input's where clause plus the predicates the generated code needs on fields whose types
/// mention a type parameter: the format trait each message placeholder uses (as thiserror does
/// for `Display`), `Details` for a details field, `MemberValue` for a member field and
/// `Display` for a header field.
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
        if let Some(index) = error.details {
            let ty = &error.variant.fields[index].ty;
            let ty = option_inner(ty).unwrap_or(ty);
            if mentions(ty, &params) {
                push(syn::parse_quote!(#ty: #private::Details));
            }
        }
        for (index, _) in &error.members {
            let ty = &error.variant.fields[*index].ty;
            let ty = option_inner(ty).unwrap_or(ty);
            if mentions(ty, &params) {
                push(syn::parse_quote!(#ty: #private::MemberValue));
            }
        }
        for (index, _) in &error.header_fields {
            let ty = &error.variant.fields[*index].ty;
            let ty = option_inner(ty).unwrap_or(ty);
            if mentions(ty, &params) {
                push(syn::parse_quote!(#ty: #private::Display));
            }
        }
    }
    generics.make_where_clause().predicates.extend(predicates);
    generics
}

/// `T` when `ty` is written `Option<T>`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    wrapped(ty, "Option")
}

/// `T` when `ty` is written `Box<T>`.
pub fn box_inner(ty: &Type) -> Option<&Type> {
    wrapped(ty, "Box")
}

/// `T` when `ty` is written `Wrapper<T>`, by the last segment of its path.
fn wrapped<'a>(ty: &'a Type, wrapper: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != wrapper {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// Whether `ty` is written `FieldErrors` or `Option<FieldErrors>` (by its last path segment).
pub fn is_field_errors(ty: &Type) -> bool {
    let ty = option_inner(ty).unwrap_or(ty);
    matches!(ty, Type::Path(path) if path.qself.is_none()
        && path.path.segments.last().is_some_and(|last| last.ident == "FieldErrors" && last.arguments.is_none()))
}

pub fn mentions(ty: &Type, params: &BTreeSet<Ident>) -> bool {
    any_token(
        ty,
        &|token| matches!(token, TokenTree::Ident(ident) if params.contains(ident)),
    )
}

/// Whether the type names a lifetime or a reference, whose lifetime generated code that makes
/// a value of it (an example, a field read back) cannot choose.
pub fn mentions_lifetime(ty: &Type) -> bool {
    // A path of type arguments only (`String`, `Vec<String>`), the most common field type, is
    // answered without writing its tokens.
    if plain_path(ty) {
        return false;
    }
    any_token(
        ty,
        &|token| matches!(token, TokenTree::Punct(punct) if matches!(punct.as_char(), '\'' | '&')),
    )
}

/// Whether the type is a path whose arguments, if any, are such paths too.
fn plain_path(ty: &Type) -> bool {
    let Type::Path(path) = ty else {
        return false;
    };
    path.qself.is_none()
        && path
            .path
            .segments
            .iter()
            .all(|segment| match &segment.arguments {
                syn::PathArguments::None => true,
                syn::PathArguments::AngleBracketed(arguments) => arguments.args.iter().all(
                    |argument| matches!(argument, syn::GenericArgument::Type(ty) if plain_path(ty)),
                ),
                syn::PathArguments::Parenthesized(_) => false,
            })
}

/// Whether any token of the type, inside groups too, is one `found` accepts.
fn any_token(ty: &Type, found: &dyn Fn(&TokenTree) -> bool) -> bool {
    fn walk(tokens: TokenStream, found: &dyn Fn(&TokenTree) -> bool) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Group(group) => walk(group.stream(), found),
            token => found(&token),
        })
    }
    walk(ty.to_token_stream(), found)
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

    #[test]
    fn finds_lifetimes_and_references_past_plain_paths() {
        assert!(!mentions_lifetime(&syn::parse_quote!(String)));
        assert!(!mentions_lifetime(
            &syn::parse_quote!(std::collections::HashMap<String, Vec<u8>>)
        ));
        assert!(mentions_lifetime(&syn::parse_quote!(&str)));
        assert!(mentions_lifetime(&syn::parse_quote!(Vec<&'static str>)));
        assert!(mentions_lifetime(&syn::parse_quote!(Cow<'a, str>)));
        assert!(mentions_lifetime(&syn::parse_quote!(
            Option<Box<dyn Error + 'a>>
        )));
        assert!(mentions_lifetime(&syn::parse_quote!([&'a str; 2])));
    }
}
