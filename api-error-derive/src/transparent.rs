//! Transparent variants: `#[api(transparent)]` on a variant whose one field is another
//! `ApiError`, which the variant is in all but its body's envelope.
//!
//! The rules:
//! - a transparent variant has exactly one field, the error it wraps;
//! - it declares nothing the wrapped error says itself: no code, status, message, name,
//!   cause, solution, retry advice, category, `expose`, header, challenge or Retry-After, and
//!   its field is no `details`, `retry_after` or `example`;
//! - the enum's defaults (status, message, headers) are for its own variants only.
//!
//! That the field's type implements `ApiError` is rustc's to check; the codes the wrapped
//! catalog brings (unique in the whole tree, within the enum's `prefix`, of one kind) are
//! checked in `const` evaluation, where the wrapped catalog is known.

use std::collections::BTreeSet;

use darling::error::Accumulator;
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Ident, Type};

use crate::ast::{Field, Input, Variant};
use crate::attr::error_at;
use crate::generics;
use crate::valid::describe;

/// A transparent variant, checked.
pub struct Transparent<'a> {
    pub variant: &'a Variant,
    /// The error it wraps.
    pub field: &'a Field,
    /// Whether the field's type names a parameter of the input: the wrapped catalog is then
    /// known for each instance of the type only.
    pub generic: bool,
}

impl Transparent<'_> {
    pub fn ty(&self) -> &Type {
        &self.field.ty
    }

    /// Where errors about the variant point.
    pub fn span(&self) -> Span {
        self.variant.span()
    }
}

/// The transparent variants of the input, in declaration order, each checked; a variant that
/// breaks a rule is reported and left out.
pub fn resolve<'a>(input: &'a Input, errors: &mut Accumulator) -> Vec<Transparent<'a>> {
    let params: BTreeSet<Ident> = input
        .generics
        .params
        .iter()
        .map(|param| match param {
            syn::GenericParam::Type(param) => param.ident.clone(),
            syn::GenericParam::Lifetime(param) => param.lifetime.ident.clone(),
            syn::GenericParam::Const(param) => param.ident.clone(),
        })
        .collect();
    input
        .variants
        .iter()
        .filter(|variant| variant.attrs.transparent.is_some())
        .filter_map(|variant| {
            let declared = declared_keys(variant, errors);
            let field = one_field(variant, errors);
            let field = field.filter(|field| own_field_keys(variant, field, errors) && declared)?;
            Some(Transparent {
                variant,
                field,
                generic: generics::mentions(&field.ty, &params),
            })
        })
        .collect()
}

fn one_field<'a>(variant: &'a Variant, errors: &mut Accumulator) -> Option<&'a Field> {
    match variant.fields.as_slice() {
        [field] => Some(field),
        fields => {
            let count = match fields.len() {
                0 => "none".to_owned(),
                count => count.to_string(),
            };
            errors.push(error_at(
                variant.span(),
                format!(
                    "{} is transparent, so it has exactly one field, the error it wraps; it has {count}",
                    describe(variant)
                ),
            ));
            None
        }
    }
}

/// Reports every key the variant declares that the wrapped error says itself; true when
/// there are none.
fn declared_keys(variant: &Variant, errors: &mut Accumulator) -> bool {
    let attrs = &variant.attrs;
    let mut found: Vec<(&str, Span)> = Vec::new();
    let mut note = |key: &'static str, span: Option<Span>| {
        if let Some(span) = span {
            found.push((key, span));
        }
    };
    note("code", attrs.code.as_ref().map(|code| code.span()));
    note("status", attrs.status.as_ref().map(|status| status.span()));
    note("message", attrs.message.as_ref().map(Spanned::span));
    note("name", attrs.name.as_ref().map(Spanned::span));
    note("cause", attrs.causes.first().map(Spanned::span));
    note("solution", attrs.solutions.first().map(Spanned::span));
    note(
        "retryable",
        attrs.retryable.as_ref().map(|value| value.span()),
    );
    note("category", attrs.category.as_ref().map(Spanned::span));
    note("expose", attrs.expose);
    note(
        "retry_after",
        attrs.retry_after.as_ref().map(|value| value.span()),
    );
    note(
        "www_authenticate",
        attrs.www_authenticate.as_ref().map(Spanned::span),
    );
    note("header", attrs.headers.first().map(|header| header.span));
    let clean = found.is_empty();
    for (key, span) in found {
        errors.push(error_at(
            span,
            format!(
                "`{key}` cannot go on transparent {}: the error it wraps gives its {}",
                describe(variant),
                what(key)
            ),
        ));
    }
    clean
}

/// What a key declares, in a message about the wrapped error giving it.
fn what(key: &str) -> &str {
    match key {
        "cause" => "causes",
        "solution" => "solutions",
        "retryable" => "retry advice",
        "www_authenticate" => "WWW-Authenticate challenge",
        "header" => "headers",
        "retry_after" => "Retry-After header",
        "expose" => "message",
        other => other,
    }
}

/// Reports every key on the field that the wrapped error says itself; true when there are
/// none.
fn own_field_keys(variant: &Variant, field: &Field, errors: &mut Accumulator) -> bool {
    let keys = [
        ("details", field.details, "details"),
        ("retry_after", field.retry_after, "Retry-After header"),
        (
            "example",
            field.example.as_ref().map(Spanned::span),
            "example values",
        ),
    ];
    let mut clean = true;
    for (key, span, what) in keys {
        if let Some(span) = span {
            errors.push(error_at(
                span,
                format!(
                    "`{key}` cannot go on the field of transparent {}: the error it wraps gives its {what}",
                    describe(variant)
                ),
            ));
            clean = false;
        }
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::{DeriveInput, parse_quote};

    fn resolved(input: &DeriveInput) -> (Vec<(String, bool)>, Vec<String>) {
        let mut errors = darling::Error::accumulator();
        let model = Input::from_syn(input, &mut errors);
        let found = resolve(&model, &mut errors)
            .iter()
            .map(|transparent| (transparent.variant.ident.to_string(), transparent.generic))
            .collect();
        let errors = errors
            .into_inner()
            .iter()
            .map(ToString::to_string)
            .collect();
        (found, errors)
    }

    #[test]
    fn one_field_and_nothing_the_wrapped_error_says() {
        let input = parse_quote! {
            enum E<T> {
                #[api(transparent)] Auth(AuthError),
                #[api(transparent)] Named { inner: T },
                #[api(transparent)] Unit,
                #[api(transparent)] Two(AuthError, u8),
                #[api(transparent, code = "X", status = 404, cause = "a", header("x-a", "b"))] Keys(AuthError),
                #[api(transparent)] Details(#[api(details, example = AuthError::Expired)] AuthError),
            }
        };
        let (found, errors) = resolved(&input);
        assert_eq!(
            found,
            [("Auth".to_owned(), false), ("Named".to_owned(), true)]
        );
        assert_eq!(
            errors,
            [
                "variant `Unit` is transparent, so it has exactly one field, the error it wraps; it has none",
                "variant `Two` is transparent, so it has exactly one field, the error it wraps; it has 2",
                "`code` cannot go on transparent variant `Keys`: the error it wraps gives its code",
                "`status` cannot go on transparent variant `Keys`: the error it wraps gives its status",
                "`cause` cannot go on transparent variant `Keys`: the error it wraps gives its causes",
                "`header` cannot go on transparent variant `Keys`: the error it wraps gives its headers",
                "`details` cannot go on the field of transparent variant `Details`: the error it wraps gives its details",
                "`example` cannot go on the field of transparent variant `Details`: the error it wraps gives its example values",
            ]
        );
    }

    #[test]
    fn lifetimes_and_consts_make_a_field_generic() {
        let input = parse_quote! {
            enum E<'a, const N: usize> {
                #[api(transparent)] Borrowed(Inner<'a>),
                #[api(transparent)] Sized(Inner<N>),
                #[api(transparent)] Plain(Inner),
            }
        };
        let (found, errors) = resolved(&input);
        assert!(errors.is_empty(), "{errors:?}");
        let generic: Vec<bool> = found.iter().map(|(_, generic)| *generic).collect();
        assert_eq!(generic, [true, true, false]);
    }
}
