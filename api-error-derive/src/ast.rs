//! The typed model of the input: darling receivers turned into variants, fields and attributes.

use darling::ast::{Data, Fields, Style};
use darling::error::Accumulator;
use darling::{FromDeriveInput, FromField, FromVariant};
use proc_macro2::Span;
use syn::{Attribute, DeriveInput, Generics, Ident, Member, Type};

use crate::attr::{self, Attrs, Level, error_at};
use crate::message::Template;
use crate::meta;

#[derive(FromDeriveInput)]
#[darling(forward_attrs(api, doc))]
struct InputReceiver {
    ident: Ident,
    generics: Generics,
    data: Data<VariantReceiver, FieldReceiver>,
    attrs: Vec<Attribute>,
}

struct VariantReceiver {
    ident: Ident,
    fields: Fields<FieldReceiver>,
    attrs: Vec<Attribute>,
}

// Written out where darling's derive would also find the span of the fields as a whole, by
// printing them to tokens, for every variant: the derive never asks for it.
impl FromVariant for VariantReceiver {
    fn from_variant(variant: &syn::Variant) -> darling::Result<Self> {
        let mut errors = darling::Error::accumulator();
        let fields = variant
            .fields
            .iter()
            .filter_map(|field| errors.handle(FieldReceiver::from_field(field)))
            .collect();
        let attrs = variant
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("api") || attr.path().is_ident("doc"))
            .cloned()
            .collect();
        errors.finish_with(VariantReceiver {
            ident: variant.ident.clone(),
            fields: Fields::new(Style::from(&variant.fields), fields),
            attrs,
        })
    }
}

#[derive(FromField)]
#[darling(forward_attrs(api))]
struct FieldReceiver {
    ident: Option<Ident>,
    ty: Type,
    attrs: Vec<Attribute>,
}

/// The type deriving `ApiError`.
pub struct Input {
    pub ident: Ident,
    pub generics: Generics,
    pub vis: syn::Visibility,
    /// Type-level keys: defaults, code rule, prefix, crate path.
    pub attrs: Attrs,
    /// The enum-level default message, parsed.
    pub message: Option<Template>,
    /// An enum's variants in declaration order; a struct is its own single variant.
    pub variants: Vec<Variant>,
}

pub struct Variant {
    pub ident: Ident,
    pub attrs: Attrs,
    pub doc: String,
    pub fields: Vec<Field>,
    pub style: Style,
    pub message: Option<Template>,
    /// `Type::Variant` for an enum, `Type` for a struct.
    pub is_struct: bool,
    /// The type's name, at the call site: generated code names the variant by it, as
    /// `Type::Variant`, which rustc resolves with the module's names, where `Self::Variant` is
    /// looked up while type-checking, once per use.
    pub owner: Ident,
}

pub struct Field {
    pub member: Member,
    pub ty: Type,
    /// Where `#[api(details)]` marks this field as the variant's details.
    pub details: Option<Span>,
    /// Where `#[api(retry_after)]` marks this field as the Retry-After value.
    pub retry_after: Option<Span>,
    /// `#[api(example = expr)]`: the field's value in documentation examples.
    pub example: Option<syn::Expr>,
    /// `#[api(member)]` or `#[api(member = "key")]`: written as an envelope member.
    pub as_member: Option<darling::util::SpannedValue<Option<syn::LitStr>>>,
    /// Where `#[api(inner)]` marks this field as the variant's inner error.
    pub inner: Option<Span>,
    /// `#[api(header = "x-name")]`: a response header with the field's text.
    pub header: Option<darling::util::SpannedValue<String>>,
}

impl Input {
    /// Reads the whole input, reporting every problem into `errors` and keeping what it can,
    /// so that later stages see as much as possible and one pass reports everything.
    pub fn from_syn(input: &DeriveInput, errors: &mut Accumulator) -> Input {
        let mut model = Input {
            ident: input.ident.clone(),
            vis: input.vis.clone(),
            generics: input.generics.clone(),
            attrs: Attrs::default(),
            message: None,
            variants: Vec::new(),
        };
        if let syn::Data::Union(union) = &input.data {
            errors.push(error_at(
                union.union_token.span,
                "`ApiError` cannot be derived for a union; derive it on an enum or a struct",
            ));
            return model;
        }
        let Some(receiver) = errors.handle(InputReceiver::from_derive_input(input)) else {
            return model;
        };
        model.generics = receiver.generics;
        let mut owner = input.ident.clone();
        owner.set_span(Span::call_site());
        match receiver.data {
            Data::Enum(variants) => {
                model.attrs = Attrs::parse(&receiver.attrs, Level::Enum, errors);
                model.variants = variants
                    .into_iter()
                    .map(|variant| {
                        let parsed = Attrs::parse(&variant.attrs, Level::Variant, errors);
                        Variant::new(
                            &owner,
                            variant.ident,
                            &variant.attrs,
                            parsed,
                            variant.fields,
                            false,
                            errors,
                        )
                    })
                    .collect();
            }
            Data::Struct(fields) => {
                let mut attrs = Attrs::parse(&receiver.attrs, Level::Struct, errors);
                model.attrs = attrs.take_type_keys();
                model.variants = vec![Variant::new(
                    &owner,
                    receiver.ident,
                    &receiver.attrs,
                    attrs,
                    fields,
                    true,
                    errors,
                )];
            }
        }
        model.message = model
            .attrs
            .message
            .as_ref()
            .and_then(|lit| errors.handle(parse_template(lit)));
        model
    }

    /// The path generated code reaches the core crate through.
    pub fn krate(&self) -> syn::Path {
        self.attrs
            .krate
            .clone()
            .unwrap_or_else(|| syn::parse_quote!(::api_error_core))
    }
}

impl Variant {
    fn new(
        owner: &Ident,
        ident: Ident,
        attrs: &[Attribute],
        mut parsed: Attrs,
        fields: Fields<FieldReceiver>,
        is_struct: bool,
        errors: &mut Accumulator,
    ) -> Variant {
        let style = fields.style;
        let fields = fields
            .fields
            .into_iter()
            .enumerate()
            .map(|(index, field)| {
                let attrs = Attrs::parse(
                    &field.attrs,
                    Level::Field {
                        in_struct: is_struct,
                    },
                    errors,
                );
                // A misplaced key on a field must not also be reported missing on the variant.
                parsed.failed.extend(attrs.failed.iter().cloned());
                let member = match field.ident {
                    Some(ident) => Member::Named(ident),
                    None => Member::Unnamed(syn::Index {
                        index: u32::try_from(index).unwrap_or(u32::MAX),
                        span: crate::spans::ty(&field.ty),
                    }),
                };
                Field {
                    member,
                    ty: field.ty,
                    details: attrs.details,
                    retry_after: attrs.retry_after_field,
                    example: attrs.example,
                    as_member: attrs.member,
                    inner: attrs.inner,
                    header: attrs.header_field,
                }
            })
            .collect();
        let message = parsed
            .message
            .as_ref()
            .and_then(|lit| errors.handle(parse_template(lit)));
        Variant {
            ident,
            doc: attr::doc(attrs),
            attrs: parsed,
            fields,
            style,
            message,
            is_struct,
            owner: owner.clone(),
        }
    }

    /// Where errors about the variant as a whole point.
    pub fn span(&self) -> Span {
        self.ident.span()
    }
}

impl Attrs {
    /// Moves out the keys that concern the type rather than its single error (for structs).
    fn take_type_keys(&mut self) -> Attrs {
        Attrs {
            code_case: self.code_case.take(),
            prefix: self.prefix.take(),
            krate: self.krate.take(),
            envelope: self.envelope.take(),
            custom_envelope: self.custom_envelope.take(),
            failed: self.failed.clone(),
            ..Attrs::default()
        }
    }
}

fn parse_template(lit: &syn::LitStr) -> darling::Result<Template> {
    let template = Template::parse(&meta::text(lit), lit.span())
        .map_err(|message| error_at(lit.span(), message))?;
    Ok(Template {
        literal: Some(lit.clone()),
        ..template
    })
}
