//! Checks that need the whole input, and the decisions that follow from them.
//!
//! The rules:
//! - every error ends up with a code: its own `code`, or one the enum's `code_case` derives
//!   from its name (after the enum's `prefix`);
//! - explicit string codes start with the enum's `prefix`; integer codes take no prefix;
//! - codes are unique, and all of one kind (strings or integers);
//! - every error ends up with a status: its own, or the enum's default;
//! - message placeholders name fields the variant has; the enum-level message names none;
//! - `expose` and `message` exclude each other;
//! - a variant has at most one details field and one Retry-After source (a field or a number);
//! - `www_authenticate` on a variant needs status 401; on the enum it applies to its 401s;
//! - a variant's static header replaces the enum's header of the same name;
//! - a framework rejection kind goes to one variant at most: the one naming it in
//!   `rejection(...)`, else the one bare `rejection` if the kind is about a request's content;
//!   a variant taking rejections has at most one field;
//! - at most one variant is the fixed 500 (`internal`): status 500, a message without
//!   placeholders, no `expose`;
//! - `envelope` and `custom_envelope` exclude each other;
//! - attribute templates name `{code}`, `{status}` or `{name}` (see `template`); member,
//!   inner and header fields follow the rules of `roles`;
//! - with neither, the public message is the enum's default message, else the status's reason
//!   phrase, so a 5xx error never shows its internal text unless it opts in with `expose`.

use std::collections::HashMap;
use std::fmt::Write as _;

use darling::ast::Style;
use darling::error::Accumulator;
use proc_macro2::Span;
use syn::Member;
use syn::ext::IdentExt;

use crate::ast::{Input, Variant};
use crate::attr::error_at;
use crate::code::CodeValue;
use crate::message::{FieldRef, FormatTrait, Segment, Template};
use crate::placeholder::MissingFields;
use crate::rejection::{OTHER_REJECTION, REJECTION_KINDS, RejectionKind};
use crate::roles;
use crate::status::Status;
use crate::suggest;
use crate::template::{self, AttrOut, Facts};

/// One error with every decision made: what expansion turns into code.
pub struct Resolved<'a> {
    pub variant: &'a Variant,
    pub code: CodeValue,
    pub code_span: Span,
    pub status: Status,
    pub message: Message,
    /// The index of the field marked `#[api(details)]`.
    pub details: Option<usize>,
    /// Static headers, `www-authenticate` last, in the order they go out.
    pub headers: Vec<(String, String)>,
    pub retry_after: RetryAfter,
    /// The framework rejection kinds this variant takes.
    pub rejections: Vec<&'static RejectionKind>,
    /// Whether this variant is the catalog's fixed 500.
    pub internal: bool,
    /// Where a static message comes from.
    pub message_from: MessageFrom,
    /// The variant's attributes, the enum's defaults merged in, templates filled in.
    pub attrs: Vec<(String, AttrOut)>,
    /// The member fields: index and key.
    pub members: Vec<(usize, String)>,
    /// The index of the inner error field.
    pub inner: Option<usize>,
    /// The header fields: index and header name.
    pub header_fields: Vec<(usize, String)>,
}

/// Where a variant's static message comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageFrom {
    /// The variant's own message (or its `Display` text).
    Variant,
    /// The enum's default message.
    Enum,
    /// The status's reason phrase.
    Status,
}

/// Where a Retry-After header comes from.
pub enum RetryAfter {
    None,
    Seconds(u64),
    Field(usize),
}

/// Where an error's public message comes from.
pub enum Message {
    /// Text with nothing to interpolate.
    Static(String),
    /// A `format_args!` string over the variant's fields.
    Format {
        template: String,
        format: String,
        /// Field indexes, in the order the format string numbers them.
        args: Vec<usize>,
        /// Each field index with the trait a placeholder formats it with.
        uses: Vec<(usize, FormatTrait)>,
        /// The template as text and fields, in order.
        parts: Vec<Part>,
        span: Span,
    },
    /// The variant's `Display` text, opted in with `expose`.
    Display { span: Span },
}

/// A piece of a message's template, once its placeholders are bound to fields.
#[derive(Debug, PartialEq, Eq)]
pub enum Part {
    /// Text written as it is.
    Text(String),
    /// A field's value; `plain` when it is written with no format spec.
    Field { index: usize, plain: bool },
}

/// Every error resolved, with every problem in `errors`.
#[cfg(test)]
pub fn resolve<'a>(input: &'a Input, errors: &mut Accumulator) -> Vec<Resolved<'a>> {
    let mut located = Vec::new();
    let resolved = resolve_located(input, errors, &mut located);
    for missing in &located {
        for error in missing.errors() {
            errors.push(error);
        }
    }
    resolved
}

/// As [`resolve`], with the message placeholders that name no field kept apart in `located`
/// (not in `errors`), where rustc can report them at the placeholder.
pub fn resolve_located<'a>(
    input: &'a Input,
    errors: &mut Accumulator,
    located: &mut Vec<MissingFields>,
) -> Vec<Resolved<'a>> {
    if let Some(template) = &input.message
        && template.placeholders().next().is_some()
    {
        errors.push(error_at(
            template.span,
            "the enum-level message cannot interpolate fields; give the variants that need them a message of their own",
        ));
    }
    // Transparent variants are the errors they wrap: see `transparent`.
    let mut resolved: Vec<Resolved<'a>> = input
        .variants
        .iter()
        .filter(|variant| variant.attrs.transparent.is_none())
        .filter_map(|variant| resolve_variant(input, variant, errors, located))
        .collect();
    check_codes(&resolved, errors);
    assign_rejections(input, &mut resolved, errors);
    check_internal(&mut resolved, errors);
    template::check(&input.attrs.attrs, errors);
    if let (Some(envelope), Some(custom)) = (&input.attrs.envelope, &input.attrs.custom_envelope) {
        let _ = envelope;
        errors.push(error_at(
            syn::spanned::Spanned::span(custom),
            "`envelope` and `custom_envelope` exclude each other: `envelope` names a shape, `custom_envelope` any other envelope",
        ));
    }
    resolved
}

/// Which variant takes each rejection kind: the one naming it, else the one bare `rejection`
/// for a kind about a request's content. A variant taking rejections is built from the
/// rejection alone.
fn assign_rejections(input: &Input, resolved: &mut [Resolved<'_>], errors: &mut Accumulator) {
    let mut bare: Option<&Variant> = None;
    let mut named: Vec<(&'static RejectionKind, &Variant)> = Vec::new();
    for variant in &input.variants {
        let Some(rejection) = &variant.attrs.rejection else {
            continue;
        };
        match &rejection.kinds {
            None => match bare {
                Some(first) => errors.push(error_at(
                    rejection.span,
                    format!(
                        "only one variant takes every rejection of a request's content, and {} already does; name the kinds this one takes, as in `rejection(json_data)`",
                        describe(first)
                    ),
                )),
                None => bare = Some(variant),
            },
            Some(kinds) => {
                for &(kind, span) in kinds {
                    match named.iter().find(|(other, _)| other.name == kind.name) {
                        Some((_, first)) => errors.push(error_at(
                            span,
                            format!(
                                "rejection kind `{}` already goes to {}",
                                kind.name,
                                describe(first)
                            ),
                        )),
                        None => named.push((kind, variant)),
                    }
                }
            }
        }
        if variant.fields.len() > 1 {
            errors.push(error_at(
                rejection.span,
                format!(
                    "{} takes framework rejections, so it is built from the rejection alone and can have at most one field, not {}",
                    describe(variant),
                    variant.fields.len()
                ),
            ));
        }
    }
    let content = REJECTION_KINDS
        .iter()
        .chain([&OTHER_REJECTION])
        .filter(|kind| kind.content);
    let taken = named.iter().copied().chain(content.filter_map(|kind| {
        let unnamed = named.iter().all(|(other, _)| other.name != kind.name);
        Some((kind, bare.filter(|_| unnamed)?))
    }));
    for (kind, variant) in taken {
        let error = resolved
            .iter_mut()
            .find(|error| core::ptr::eq(error.variant, variant));
        if let Some(error) = error {
            error.rejections.push(kind);
        }
    }
}

/// The fixed 500 is one variant at most, whose body can be written from its descriptor alone.
fn check_internal(resolved: &mut [Resolved<'_>], errors: &mut Accumulator) {
    let mut first: Option<&Variant> = None;
    for error in resolved.iter_mut() {
        let Some(span) = error.variant.attrs.internal else {
            continue;
        };
        let what = describe(error.variant);
        if let Some(first) = first {
            errors.push(error_at(
                span,
                format!(
                    "only one variant is the fixed 500, and {} already is",
                    describe(first)
                ),
            ));
            continue;
        }
        first = Some(error.variant);
        error.internal = true;
        if error.status.0 != 500 {
            errors.push(error_at(
                span,
                format!(
                    "{what} is the fixed 500 (`internal`), so its status must be 500, not {}",
                    error.status.0
                ),
            ));
        }
        match &error.message {
            Message::Format { span, .. } => errors.push(error_at(
                *span,
                format!(
                    "{what} is the fixed 500 (`internal`), whose body is written without a value, so its message cannot have placeholders"
                ),
            )),
            Message::Display { span } => errors.push(error_at(
                *span,
                "`expose` and `internal` exclude each other: the fixed 500 shows no internal text",
            )),
            Message::Static(_) => {}
        }
    }
}

fn resolve_variant<'a>(
    input: &Input,
    variant: &'a Variant,
    errors: &mut Accumulator,
    located: &mut Vec<MissingFields>,
) -> Option<Resolved<'a>> {
    let what = describe(variant);
    let prefix = input.attrs.prefix.as_ref().map(syn::LitStr::value);
    let code = match (&variant.attrs.code, &input.attrs.code_case) {
        (Some(code), _) => {
            match (&**code, &prefix) {
                (CodeValue::Str(text), Some(prefix)) if !text.starts_with(prefix.as_str()) => {
                    errors.push(error_at(
                        code.span(),
                        format!("code `{text}` does not start with the prefix `{prefix}`"),
                    ));
                }
                (CodeValue::Int(value), Some(prefix)) => errors.push(error_at(
                    code.span(),
                    format!("code {value} is an integer, but the prefix `{prefix}` applies to string codes"),
                )),
                _ => {}
            }
            Some((CodeValue::clone(code), code.span()))
        }
        (None, Some(case)) => {
            let derived = case.apply(&variant.ident.to_string());
            Some((
                CodeValue::Str(prefix.unwrap_or_default() + &derived),
                variant.span(),
            ))
        }
        (None, None)
            if variant.attrs.attempted("code")
                || input.attrs.attempted("code")
                || input.attrs.attempted("code_case") =>
        {
            None
        }
        (None, None) => {
            errors.push(error_at(
                variant.span(),
                format!(
                    "{what} has no code; add `#[api(code = ...)]` to it, or a `code_case` rule {}",
                    if variant.is_struct {
                        "beside it"
                    } else {
                        "to the enum"
                    }
                ),
            ));
            None
        }
    };
    let status = variant
        .attrs
        .status
        .as_ref()
        .or(input.attrs.status.as_ref())
        .map(|status| **status);
    if status.is_none() && !variant.attrs.attempted("status") && !input.attrs.attempted("status") {
        errors.push(error_at(
            variant.span(),
            if variant.is_struct {
                format!("{what} has no status; add `#[api(status = ...)]` to it")
            } else {
                format!("{what} has no status; add `#[api(status = ...)]` to it, or a default status to the enum")
            },
        ));
    }
    let message = match (variant.attrs.expose, &variant.message) {
        (Some(span), Some(_)) => {
            errors.push(error_at(
                span,
                "`expose` and `message` exclude each other: `expose` shows the Display text, `message` declares the public text",
            ));
            None
        }
        (Some(span), None) => Some(Message::Display { span }),
        (None, Some(template)) => message_for(template, variant, errors, located),
        (None, None) => match (&input.message, status) {
            (Some(default), _) => Some(Message::Static(default.as_static().unwrap_or_default())),
            (None, Some(status)) => Some(Message::Static(status.reason().to_owned())),
            (None, None) => None,
        },
    };
    let message_from = match (variant.attrs.expose, &variant.message, &input.message) {
        (None, None, Some(_)) => MessageFrom::Enum,
        (None, None, None) => MessageFrom::Status,
        _ => MessageFrom::Variant,
    };
    let mut marked = variant
        .fields
        .iter()
        .enumerate()
        .filter_map(|(index, field)| Some((index, field.details?)));
    let details = marked.next().map(|(index, _)| index);
    for (_, span) in marked {
        errors.push(error_at(
            span,
            format!(
                "`details` marks more than one field of {what}; a variant has one details field"
            ),
        ));
    }
    let own_static: Vec<String> = variant
        .attrs
        .headers
        .iter()
        .map(|header| header.name.clone())
        .collect();
    let header_fields = roles::headers(variant, &own_static, errors);
    let mut headers = headers_for(input, variant, status, errors);
    // A header field replaces the enum's static header of its name.
    headers.retain(|(name, _)| header_fields.iter().all(|(_, field)| field != name));
    let retry_after = retry_after_for(variant, &what, errors);
    let members = roles::members(variant, &what, errors);
    let inner = roles::inner(variant, &what, errors);
    let (code, code_span) = code?;
    let status = status?;
    let name = variant
        .attrs
        .name
        .as_ref()
        .map_or_else(|| variant.ident.to_string(), crate::meta::text);
    let facts = Facts {
        code: &code,
        status: status.0,
        name: &name,
    };
    let attrs = template::attrs(&input.attrs.attrs, &variant.attrs.attrs, &facts, errors);
    Some(Resolved {
        variant,
        code,
        code_span,
        status,
        message: message?,
        details,
        headers,
        retry_after,
        rejections: Vec::new(),
        internal: false,
        message_from,
        attrs,
        members,
        inner,
        header_fields,
    })
}

fn headers_for(
    input: &Input,
    variant: &Variant,
    status: Option<Status>,
    errors: &mut Accumulator,
) -> Vec<(String, String)> {
    let own = &variant.attrs.headers;
    let mut headers: Vec<(String, String)> = input
        .attrs
        .headers
        .iter()
        .filter(|header| own.iter().all(|other| other.name != header.name))
        .chain(own)
        .map(|header| (header.name.clone(), header.value.clone()))
        .collect();
    let is_401 = status.is_some_and(|status| status.0 == 401);
    match (
        &variant.attrs.www_authenticate,
        &input.attrs.www_authenticate,
    ) {
        (Some(challenge), _) if status.is_some() && !is_401 => errors.push(error_at(
            challenge.span(),
            format!(
                "`www_authenticate` belongs on a 401 variant; {} has status {}",
                describe(variant),
                status.map_or(0, |status| status.0)
            ),
        )),
        (Some(challenge), _) | (None, Some(challenge)) if is_401 => {
            headers.push(("www-authenticate".to_owned(), challenge.value()));
        }
        _ => {}
    }
    headers
}

fn retry_after_for(variant: &Variant, what: &str, errors: &mut Accumulator) -> RetryAfter {
    let mut marked = variant
        .fields
        .iter()
        .enumerate()
        .filter_map(|(index, field)| Some((index, field.retry_after?)));
    let field = marked.next();
    for (_, span) in marked {
        errors.push(error_at(
            span,
            format!("`retry_after` marks more than one field of {what}; a variant has one Retry-After value"),
        ));
    }
    match (field, &variant.attrs.retry_after) {
        (Some((_, span)), Some(_)) => {
            errors.push(error_at(
                span,
                format!("{what} has a `retry_after` number and a `retry_after` field; keep one"),
            ));
            RetryAfter::None
        }
        (Some((index, _)), None) => RetryAfter::Field(index),
        (None, Some(seconds)) => RetryAfter::Seconds(**seconds),
        (None, None) => RetryAfter::None,
    }
}

pub fn describe(variant: &Variant) -> String {
    if variant.is_struct {
        format!("struct `{}`", variant.ident)
    } else {
        format!("variant `{}`", variant.ident)
    }
}

/// Binds every placeholder to a field and writes the `format_args!` string. A placeholder
/// naming no field goes to `located` when rustc can point at it, else to `errors`.
fn message_for(
    template: &Template,
    variant: &Variant,
    errors: &mut Accumulator,
    located: &mut Vec<MissingFields>,
) -> Option<Message> {
    if let Some(text) = template.as_static() {
        return Some(Message::Static(text));
    }
    // Placeholders that name no field, each with its message: reported after the loop.
    let mut unknown: Vec<(&str, String)> = Vec::new();
    let mut failed = false;
    let mut format = String::new();
    let mut args: Vec<usize> = Vec::new();
    let mut uses = Vec::new();
    let mut parts = Vec::new();
    for segment in &template.segments {
        let placeholder = match segment {
            Segment::Text(text) => {
                format.push_str(&text.replace('{', "{{").replace('}', "}}"));
                parts.push(Part::Text(text.clone()));
                continue;
            }
            Segment::Placeholder(placeholder) => placeholder,
        };
        let index = match (field_index(&placeholder.field, variant), &placeholder.field) {
            (Ok(index), _) => index,
            (Err(message), FieldRef::Named(name)) => {
                unknown.push((name, message));
                failed = true;
                continue;
            }
            (Err(message), FieldRef::Index(_)) => {
                errors.push(error_at(template.span, message));
                failed = true;
                continue;
            }
        };
        // A field used twice is one argument, referred to by its position.
        let position = args
            .iter()
            .position(|&arg| arg == index)
            .unwrap_or_else(|| {
                args.push(index);
                args.len() - 1
            });
        if !uses.contains(&(index, placeholder.format)) {
            uses.push((index, placeholder.format));
        }
        parts.push(Part::Field {
            index,
            plain: placeholder.spec.is_empty(),
        });
        let _ = match placeholder.spec.as_str() {
            "" => write!(format, "{{{position}}}"),
            spec => write!(format, "{{{position}:{spec}}}"),
        };
    }
    if !unknown.is_empty() {
        match MissingFields::for_template(template) {
            Some(mut missing) => {
                for placeholder in template.placeholders() {
                    if let FieldRef::Named(name) = &placeholder.field
                        && unknown.iter().all(|(unknown, _)| unknown != name)
                    {
                        missing.present(name);
                    }
                }
                for (name, message) in unknown {
                    missing.missing(name, message);
                }
                located.push(missing);
            }
            None => {
                for (_, message) in unknown {
                    errors.push(error_at(template.span, message));
                }
            }
        }
    }
    (!failed).then(|| Message::Format {
        template: template.source.clone(),
        format,
        args,
        uses,
        parts,
        span: template.span,
    })
}

/// The field a placeholder names, or the message saying why it names none.
fn field_index(field: &FieldRef, variant: &Variant) -> Result<usize, String> {
    let what = describe(variant);
    let count = variant.fields.len();
    // `{0}`, `{0}` to `{1}`: how to name the fields of a tuple variant.
    let positions = match count {
        0 => String::new(),
        1 => "`{0}`".to_owned(),
        _ => format!("`{{0}}` to `{{{}}}`", count - 1),
    };
    match (field, variant.style) {
        (FieldRef::Named(name), style) => {
            let found = variant.fields.iter().position(|field| match &field.member {
                Member::Named(ident) => ident.unraw() == name,
                Member::Unnamed(_) => false,
            });
            match (found, style) {
                (Some(index), _) => Ok(index),
                (None, Style::Struct) => {
                    let names: Vec<String> = variant
                        .fields
                        .iter()
                        .map(|field| member_name(&field.member))
                        .collect();
                    let hint = suggest::did_you_mean(name, names.iter().map(String::as_str));
                    Err(format!(
                        "message placeholder `{{{name}}}` names no field of {what}, {}{hint}",
                        field_list(&names)
                    ))
                }
                (None, Style::Tuple) if count > 0 => Err(format!(
                    "message placeholder `{{{name}}}` names no field; {what} has unnamed fields, so write {positions}"
                )),
                (None, _) => Err(format!(
                    "message placeholder `{{{name}}}` names no field; {what} has no fields"
                )),
            }
        }
        (FieldRef::Index(index), Style::Tuple) if *index < count => Ok(*index),
        (FieldRef::Index(index), Style::Struct) if count > 0 => Err(format!(
            "message placeholder `{{{index}}}` is positional, but {what} has named fields; write the field's name"
        )),
        (FieldRef::Index(index), _) if count > 0 => Err(format!(
            "message placeholder `{{{index}}}` is out of range; {what} has {count} field{} ({positions})",
            if count == 1 { "" } else { "s" },
        )),
        (FieldRef::Index(index), _) => Err(format!(
            "message placeholder `{{{index}}}` is out of range; {what} has no fields"
        )),
    }
}

/// "whose fields are `a`, `b` and `c`", for a variant with named fields.
fn field_list(names: &[String]) -> String {
    match names {
        [] => "which has no fields".to_owned(),
        [one] => format!("whose only field is `{one}`"),
        [rest @ .., last] => format!(
            "whose fields are {} and `{last}`",
            rest.iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

pub fn member_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => ident.unraw().to_string(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}

fn check_codes(resolved: &[Resolved<'_>], errors: &mut Accumulator) {
    let mut seen: HashMap<&CodeValue, &Resolved<'_>> = HashMap::with_capacity(resolved.len());
    for error in resolved {
        if let Some(first) = seen.get(&error.code) {
            errors.push(error_at(
                error.code_span,
                format!(
                    "duplicate code `{}`: {} already uses it",
                    error.code,
                    describe(first.variant)
                ),
            ));
            errors.push(error_at(
                first.code_span,
                format!(
                    "code `{}` first used here, by {}",
                    first.code,
                    describe(first.variant)
                ),
            ));
        } else {
            seen.insert(&error.code, error);
        }
    }
    let Some(first) = resolved.first() else {
        return;
    };
    for error in resolved
        .iter()
        .filter(|error| error.code.kind() != first.code.kind())
    {
        errors.push(error_at(
            error.code_span,
            format!(
                "code kinds are mixed: `{}` is {} code, but {} has the {} code `{}`; give every code the same kind",
                error.code,
                if error.code.kind() == "integer" { "an integer" } else { "a string" },
                describe(first.variant),
                first.code.kind(),
                first.code,
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::{DeriveInput, parse_quote};

    /// Every error message the input produces, in the order reported.
    fn errors(input: DeriveInput) -> Vec<String> {
        let mut errors = darling::Error::accumulator();
        let model = Input::from_syn(&input, &mut errors);
        let _ = resolve(&model, &mut errors);
        errors
            .into_inner()
            .into_iter()
            .map(|error| error.to_string())
            .collect()
    }

    fn codes(input: DeriveInput) -> Vec<String> {
        let mut errors = darling::Error::accumulator();
        let model = Input::from_syn(&input, &mut errors);
        let codes = resolve(&model, &mut errors)
            .iter()
            .map(|error| error.code.to_string())
            .collect();
        assert!(errors.finish().is_ok());
        codes
    }

    #[test]
    fn codes_are_explicit_or_derived() {
        let input = parse_quote! {
            #[api(code_case = "SCREAMING_SNAKE_CASE", prefix = "PET_", status = 400)]
            enum E { NoSuchPet, #[api(code = "PET_EXPLICIT")] Other }
        };
        assert_eq!(codes(input), ["PET_NO_SUCH_PET", "PET_EXPLICIT"]);
    }

    #[test]
    fn missing_code_and_status() {
        let input = parse_quote! {
            enum E { A, #[api(code = "B")] B }
        };
        assert_eq!(
            errors(input),
            [
                "variant `A` has no code; add `#[api(code = ...)]` to it, or a `code_case` rule to the enum",
                "variant `A` has no status; add `#[api(status = ...)]` to it, or a default status to the enum",
                "variant `B` has no status; add `#[api(status = ...)]` to it, or a default status to the enum",
            ]
        );
    }

    #[test]
    fn a_bad_value_is_not_also_reported_missing() {
        let input = parse_quote! {
            #[api(code_case = "screaming")]
            enum E { #[api(status = 700)] A, B }
        };
        let reported = errors(input);
        assert_eq!(reported.len(), 3, "{reported:?}");
        assert!(reported[0].starts_with("unknown code case `screaming`"));
        assert!(reported[1].starts_with("status 700 is out of range"));
        assert!(reported[2].starts_with("variant `B` has no status"));
    }

    #[test]
    fn duplicate_codes_point_at_both() {
        let input = parse_quote! {
            #[api(status = 400)]
            enum E { #[api(code = "X")] A, #[api(code = "Y")] B, #[api(code = "X")] C }
        };
        assert_eq!(
            errors(input),
            [
                "duplicate code `X`: variant `A` already uses it",
                "code `X` first used here, by variant `A`"
            ]
        );
        let derived = parse_quote! {
            #[api(status = 400, code_case = "snake_case")]
            enum E { FooBar, #[api(code = "foo_bar")] Explicit }
        };
        assert_eq!(
            errors(derived)[0],
            "duplicate code `foo_bar`: variant `FooBar` already uses it"
        );
    }

    #[test]
    fn mixed_kinds_and_prefixes() {
        let input = parse_quote! {
            #[api(status = 400)]
            enum E { #[api(code = 1)] A, #[api(code = "B")] B }
        };
        assert_eq!(
            errors(input),
            [
                "code kinds are mixed: `B` is a string code, but variant `A` has the integer code `1`; give every code the same kind"
            ]
        );
        let input = parse_quote! {
            #[api(status = 400, prefix = "PET")]
            enum E { #[api(code = "DOG1")] A, #[api(code = 2)] B }
        };
        assert_eq!(
            errors(input)[..2],
            [
                "code `DOG1` does not start with the prefix `PET`",
                "code 2 is an integer, but the prefix `PET` applies to string codes",
            ]
        );
    }

    #[test]
    fn placeholders_name_real_fields() {
        let input = parse_quote! {
            #[api(status = 400, code_case = "snake_case")]
            enum E {
                #[api(message = "{pet}")] Named { pet_id: u8 },
                #[api(message = "{name}")] Tuple(u8, u8),
                #[api(message = "{2}")] Range(u8, u8),
                #[api(message = "{0}")] Positional { a: u8 },
                #[api(message = "{x}")] Unit,
                #[api(message = "{0}")] UnitIndex,
                #[api(message = "{0}")] EmptyTuple(),
                #[api(message = "{a}")] EmptyTupleNamed(),
                #[api(message = "{a}")] OneField(u8),
            }
        };
        // Named placeholders that name no field come last: rustc reports them, inside the
        // literal, and the unit tests see them after the derive's own errors.
        assert_eq!(
            errors(input),
            [
                "message placeholder `{2}` is out of range; variant `Range` has 2 fields (`{0}` to `{1}`)",
                "message placeholder `{0}` is positional, but variant `Positional` has named fields; write the field's name",
                "message placeholder `{0}` is out of range; variant `UnitIndex` has no fields",
                "message placeholder `{0}` is out of range; variant `EmptyTuple` has no fields",
                "message placeholder `{pet}` names no field of variant `Named`, whose only field is `pet_id`; did you mean `pet_id`?",
                "message placeholder `{name}` names no field; variant `Tuple` has unnamed fields, so write `{0}` to `{1}`",
                "message placeholder `{x}` names no field; variant `Unit` has no fields",
                "message placeholder `{a}` names no field; variant `EmptyTupleNamed` has no fields",
                "message placeholder `{a}` names no field; variant `OneField` has unnamed fields, so write `{0}`",
            ]
        );
    }

    #[test]
    fn message_sources() {
        let input: DeriveInput = parse_quote! {
            #[api(status = 400, code_case = "snake_case")]
            enum E {
                #[api(message = "{a} and {a:?} and {{literal}}")] Format { a: u8 },
                #[api(status = 503)] Server,
                #[api(expose)] Exposed,
                #[api(expose, message = "x")] Both,
            }
        };
        let mut errors = darling::Error::accumulator();
        let model = Input::from_syn(&input, &mut errors);
        let resolved = resolve(&model, &mut errors);
        let reported: Vec<String> = errors
            .into_inner()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            reported,
            [
                "`expose` and `message` exclude each other: `expose` shows the Display text, `message` declares the public text"
            ]
        );
        match &resolved[0].message {
            Message::Format {
                format, args, uses, ..
            } => {
                assert_eq!(format, "{0} and {0:?} and {{literal}}");
                assert_eq!(args, &[0]);
                assert_eq!(uses, &[(0, FormatTrait::Display), (0, FormatTrait::Debug)]);
            }
            _ => panic!("expected a format message"),
        }
        assert!(
            matches!(&resolved[1].message, Message::Static(text) if text == "Service Unavailable")
        );
        assert!(matches!(&resolved[2].message, Message::Display { .. }));
        assert_eq!(resolved.len(), 3);
    }

    #[test]
    fn headers_and_retry_after() {
        let input: DeriveInput = parse_quote! {
            #[api(status = 401, code_case = "snake_case", www_authenticate = "Bearer", header("x-a", "enum"), header("x-b", "enum"))]
            enum E {
                Challenged,
                #[api(status = 403)] NotChallenged,
                #[api(header("x-b", "variant"), retry_after = 5)] Overridden,
                Field { #[api(retry_after)] wait: u64 },
            }
        };
        let mut accumulator = darling::Error::accumulator();
        let model = Input::from_syn(&input, &mut accumulator);
        let resolved = resolve(&model, &mut accumulator);
        assert!(accumulator.finish().is_ok());
        let headers = |index: usize| -> Vec<String> {
            resolved[index]
                .headers
                .iter()
                .map(|(name, value)| format!("{name}: {value}"))
                .collect()
        };
        assert_eq!(
            headers(0),
            ["x-a: enum", "x-b: enum", "www-authenticate: Bearer"]
        );
        assert_eq!(headers(1), ["x-a: enum", "x-b: enum"]);
        assert_eq!(
            headers(2),
            ["x-a: enum", "x-b: variant", "www-authenticate: Bearer"]
        );
        assert!(matches!(resolved[2].retry_after, RetryAfter::Seconds(5)));
        assert!(matches!(resolved[3].retry_after, RetryAfter::Field(0)));
        assert!(matches!(resolved[0].retry_after, RetryAfter::None));

        let input = parse_quote! {
            #[api(status = 429, code_case = "snake_case")]
            enum E {
                #[api(www_authenticate = "Bearer")] Wrong,
                #[api(retry_after = 1)] Both { #[api(retry_after)] a: u8 },
                Twice { #[api(retry_after)] a: u8, #[api(retry_after)] b: u8 },
            }
        };
        assert_eq!(
            errors(input),
            [
                "`www_authenticate` belongs on a 401 variant; variant `Wrong` has status 429",
                "variant `Both` has a `retry_after` number and a `retry_after` field; keep one",
                "`retry_after` marks more than one field of variant `Twice`; a variant has one Retry-After value",
            ]
        );
    }

    #[test]
    fn enum_message_cannot_interpolate() {
        let input = parse_quote! {
            #[api(status = 400, code_case = "snake_case", message = "bad {field}")]
            enum E { A { field: u8 } }
        };
        assert_eq!(
            errors(input),
            [
                "the enum-level message cannot interpolate fields; give the variants that need them a message of their own"
            ]
        );
    }

    #[test]
    fn structs_and_unions() {
        let input = parse_quote! { struct S; };
        assert_eq!(
            errors(input),
            [
                "struct `S` has no code; add `#[api(code = ...)]` to it, or a `code_case` rule beside it",
                "struct `S` has no status; add `#[api(status = ...)]` to it",
            ]
        );
        let input = parse_quote! { union U { a: u8 } };
        assert_eq!(
            errors(input),
            ["`ApiError` cannot be derived for a union; derive it on an enum or a struct"]
        );
    }
}
