//! The roles a variant's fields take in the body and the headers, beyond the message:
//! members (`#[api(member)]`), the inner error (`#[api(inner)]`) and header fields
//! (`#[api(header = "x-name")]`).
//!
//! The rules:
//! - a member's key is its own (`member = "key"`) or the field's name; an unnamed field needs
//!   one; keys are unique within the variant;
//! - a variant has at most one inner error;
//! - a header field's name is not one of the variant's static headers nor another header
//!   field's; it replaces an enum-level static header of the same name.

use darling::error::Accumulator;

use crate::ast::Variant;
use crate::attr::error_at;
use crate::valid::member_name;

/// The variant's member fields: their indexes and keys, in field order.
pub fn members(variant: &Variant, what: &str, errors: &mut Accumulator) -> Vec<(usize, String)> {
    let mut keys: Vec<(usize, String)> = Vec::new();
    for (index, field) in variant.fields.iter().enumerate() {
        let Some(member) = &field.as_member else {
            continue;
        };
        let key = match (&**member, &field.member) {
            (Some(key), _) => key.value(),
            (None, syn::Member::Named(_)) => member_name(&field.member),
            (None, syn::Member::Unnamed(_)) => {
                errors.push(error_at(
                    member.span(),
                    format!(
                        "`member` on an unnamed field of {what} needs a key: `#[api(member = \"key\")]`"
                    ),
                ));
                continue;
            }
        };
        if keys.iter().any(|(_, other)| *other == key) {
            errors.push(error_at(
                member.span(),
                format!("{what} has two members with the key `{key}`; give one another key with `member = \"...\"`"),
            ));
            continue;
        }
        keys.push((index, key));
    }
    keys
}

/// The index of the variant's inner error field.
pub fn inner(variant: &Variant, what: &str, errors: &mut Accumulator) -> Option<usize> {
    let mut marked = variant
        .fields
        .iter()
        .enumerate()
        .filter_map(|(index, field)| Some((index, field.inner?)));
    let first = marked.next().map(|(index, _)| index);
    for (_, span) in marked {
        errors.push(error_at(
            span,
            format!("`inner` marks more than one field of {what}; a variant has one inner error"),
        ));
    }
    first
}

/// The variant's header fields: their indexes and names.
pub fn headers(
    variant: &Variant,
    static_names: &[String],
    errors: &mut Accumulator,
) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for (index, field) in variant.fields.iter().enumerate() {
        let Some(name) = &field.header else {
            continue;
        };
        let taken = static_names.iter().any(|other| other == &**name)
            || found.iter().any(|(_, other)| other == &**name);
        if taken {
            errors.push(error_at(
                name.span(),
                format!("duplicate header `{}`; give it once", &**name),
            ));
            continue;
        }
        found.push((index, String::clone(name)));
    }
    found
}
