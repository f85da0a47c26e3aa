//! Code generation: turns resolved errors into the `ApiError` impl. No decisions are made here.

use std::fmt::Write as _;

use darling::ast::Style;
use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::DeriveInput;
use syn::spanned::Spanned;

use crate::ast::{Input, Variant};
use crate::attr::EnvelopeRef;
use crate::expand_fields::{field_headers_impl, inner_error_method, member_value_method};
use crate::placeholder::MissingFields;
use crate::split::{self, Chains, Method};
use crate::transparent::{self, Transparent};
use crate::valid::{self, Message, Part, Resolved, RetryAfter};
use crate::{compose, descriptors, doc, examples, fallback, generics, rebuild};

/// The whole derive: parse, validate, expand, or report every error with a fallback impl.
/// `tokens` are the input as the macro received it, passed on to the catalog's rustdoc table.
pub fn derive(input: &DeriveInput, tokens: &TokenStream) -> TokenStream {
    let mut errors = darling::Error::accumulator();
    let model = Input::from_syn(input, &mut errors);
    let mut located = Vec::new();
    let resolved = valid::resolve_located(&model, &mut errors, &mut located);
    let transparent = transparent::resolve(&model, &mut errors);
    match errors.finish() {
        Ok(()) if located.is_empty() => expand(&model, &resolved, &transparent, tokens),
        result => {
            let mut tokens = result
                .err()
                .map(darling::Error::write_errors)
                .unwrap_or_default();
            tokens.extend(located.iter().map(MissingFields::expand));
            tokens.extend(fallback::expand(&model));
            tokens
        }
    }
}

/// The rustdoc table of the catalog of the type `input` defines; `None` when the derive
/// reports errors on it instead.
pub fn catalog_doc(input: &DeriveInput) -> Option<String> {
    let mut errors = darling::Error::accumulator();
    let model = Input::from_syn(input, &mut errors);
    let mut located = Vec::new();
    let resolved = valid::resolve_located(&model, &mut errors, &mut located);
    let transparent = transparent::resolve(&model, &mut errors);
    let table = doc::catalog(&model, &resolved, &transparent);
    (errors.finish().is_ok() && located.is_empty()).then_some(table)
}

fn expand(
    input: &Input,
    resolved: &[Resolved<'_>],
    transparent: &[Transparent<'_>],
    tokens: &TokenStream,
) -> TokenStream {
    let krate = input.krate();
    // The generated code reaches the core crate through one short alias, declared in its
    // `const _` block: a catalog of thousands of errors names these paths thousands of times,
    // and a `crate = ...` path that does not resolve is reported once, at the user's path.
    let private = quote!(__api);
    let ident = &input.ident;
    let name = ident.to_string();
    let mut generics = generics::with_inferred_bounds(&input.generics, resolved, &private);
    compose::bounds(&mut generics, transparent, &private);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let descriptors = descriptors::statics(resolved, &private);
    // The continuations of the matches split for their length, in an inherent impl.
    let mut chains = Chains::default();
    // One index per variant into the catalog, read once: a plain match over integers, which
    // also keeps rustc from evaluating the whole catalog once per arm. A transparent variant
    // answers with the descriptor of the error it wraps.
    let nested = |method: &str| compose::delegating(transparent, method, &private);
    let descriptor_body = if resolved.is_empty() {
        index_match(&[], &nested("descriptor"), &mut chains)
    } else {
        let index = index_match(
            resolved,
            &compose::returning(transparent, "descriptor", &private),
            &mut chains,
        );
        if transparent.is_empty() {
            quote!(&__DESCRIPTORS[#index])
        } else {
            quote! {
                let __index = #index;
                &__DESCRIPTORS[__index]
            }
        }
    };
    // Values formatted through `&dyn Display` must be sized, which a type parameter may not be.
    let plain_parts = input.generics.type_params().next().is_none();
    let write_message = write_message_method(
        resolved,
        &nested("write_message"),
        &private,
        plain_parts,
        &mut chains,
    );
    let details = details_method(resolved, &nested("details"), &private, &mut chains);
    let headers = headers_method(resolved, &nested("headers"), &private, &mut chains);
    let header = quote!(impl #impl_generics #ident #ty_generics #where_clause);
    // Written only for documentation: example values are code the user's crate compiles.
    let (examples, example_items) = if cfg!(feature = "docs") {
        examples::method(input, resolved, transparent, &header, &private)
    } else {
        (TokenStream::new(), TokenStream::new())
    };
    let delegated = compose::delegated_methods(resolved, transparent, &private);
    let places = compose::places(resolved.len(), transparent, &private);
    let place = compose::place_method(resolved, transparent, &places, &private);
    let checks = compose::checks(input, transparent, &private);
    let nested_catalogs = compose::catalogs(transparent, &private);
    let catalog = compose::catalog(
        input,
        transparent,
        quote!(#private::Catalog::from_parts(#name, &__DESCRIPTORS, &[#(#nested_catalogs),*])),
        &private,
    );
    let from_rejection = from_rejection_method(resolved, &private);
    let internal = internal_const(resolved, transparent, &private);
    let member_value = member_value_method(resolved, transparent, &private);
    let inner_error = inner_error_method(resolved, transparent, &private, &mut chains);
    let chains = chains.items(&header);
    let (envelope, is_shape) = match (
        input.attrs.envelope.as_deref(),
        &input.attrs.custom_envelope,
    ) {
        (Some(EnvelopeRef::Builtin(constant)), _) => {
            let constant = format_ident!("{}", constant);
            (quote!(#private::shapes::#constant), true)
        }
        (Some(EnvelopeRef::Path(path)), _) => (quote!(#path), true),
        (None, Some(path)) => (quote!(#path), false),
        (None, None) => (quote!(#private::shapes::PROBLEM), true),
    };
    // Located at the envelope's path, so a value that is no envelope (or no shape) is reported
    // there.
    let envelope_span = match (&input.attrs.envelope, &input.attrs.custom_envelope) {
        (Some(envelope), _) => envelope.span(),
        (None, Some(path)) => path.span(),
        (None, None) => Span::call_site(),
    };
    // A shape is checked against the enum in `const` evaluation: every variant's details,
    // members and inner error have a place, and required attributes are there.
    // A shape is named once, as one: a path to anything else is reported there, once.
    let (check, envelope) = if is_shape {
        let declared = located(
            quote!(const __ENVELOPE: &#private::Shape = &#envelope;),
            envelope_span,
        );
        // Located at the envelope too: a variant the shape cannot write is reported there.
        // With what the variants have, all together, so that the check walks them one by one
        // only when some variant has something for the shape to place.
        let flags = resolved
            .iter()
            .fold(0u8, |flags, error| flags | descriptors::flags(error));
        let check = located(
            quote!(const _: () = #private::check_flagged(__ENVELOPE, #flags, &__DESCRIPTORS);),
            envelope_span,
        );
        // The errors transparent variants wrap are written in this envelope too; a wrapped
        // type parameter's are checked where an instance is written.
        let wrapped = transparent
            .iter()
            .filter(|nested| !nested.generic)
            .map(|nested| {
                let wrapped = compose::trait_of(nested, &private);
                // Located at the variant, so an error the envelope cannot write is reported there.
                located(
                    quote!(const _: () = #private::check_tree(__ENVELOPE, &#wrapped::CATALOG);),
                    nested.span(),
                )
            });
        let check = quote! {
            #declared
            #check
            #(#wrapped)*
        };
        (Some(check), quote!(__ENVELOPE))
    } else {
        (None, quote!(&#envelope))
    };
    // Written only for `to_error`: rebuilding a variant is code the user's crate compiles.
    let rebuild = if cfg!(feature = "client") {
        rebuild::method(resolved, transparent, &private)
    } else {
        TokenStream::new()
    };
    // The methods that write, read and describe bodies: provided by the trait from `SHAPE` and
    // `plans` for a shape, written here for a custom envelope.
    let envelope_methods = if is_shape {
        // Located at the envelope, like `__ENVELOPE`: a shape that fails its checks is
        // reported there, once.
        let shape = located(
            quote!(const SHAPE: &'static #private::Shape = __ENVELOPE;),
            envelope_span,
        );
        quote! {
            #shape

            fn plans() -> &'static [#private::PlanCell] {
                __PLANS.cells()
            }
        }
    } else {
        envelope_methods(&envelope, envelope_span, &private)
    };
    let field_headers = field_headers_impl(input, resolved, &private);

    let plan_count = places.count;
    let place_consts = &places.consts;

    let vis = &input.vis;
    // Written only by rustdoc: the attribute hands the input to a second macro, which rustc
    // expands only where `cfg(doc)` holds, so a build neither writes the table nor keeps it.
    let catalog_doc = quote!(#[cfg_attr(doc, doc = #krate::__private::catalog_doc!(#tokens))]);
    let frameworks = framework_impls(input, &private);

    quote! {
        const _: () = {
            use #krate::__private as __api;

            // The catalog on the type's own page.
            #[automatically_derived]
            impl #impl_generics #ident #ty_generics #where_clause {
                #catalog_doc
                #[cfg_attr(not(doc), doc = "The error catalog, in full in the documentation.")]
                #[allow(dead_code)]
                #vis const CATALOG: #private::Catalog = #private::catalog_of::<Self>();
            }

            #place_consts

            // `descriptor()` indexes `__DESCRIPTORS` directly.
            #descriptors

            #check

            // The envelope's plan for each variant, and for each error a transparent variant
            // wraps, compiled the first time it is needed.
            static __PLANS: #private::Plans<#plan_count> = #private::Plans::new();

            #checks

            #example_items

            #chains

            #[automatically_derived]
            impl #impl_generics #private::ApiError for #ident #ty_generics #where_clause {
                const CATALOG: #private::Catalog = #catalog;

                #[inline]
                fn descriptor(&self) -> &'static #private::Descriptor {
                    #descriptor_body
                }

                #place

                #delegated

                #write_message

                #details

                #headers

                #member_value

                #inner_error

                #examples

                #from_rejection

                #internal

                #envelope_methods

                #rebuild
            }

            #field_headers

            #frameworks
        };
    }
}

/// The trait's methods that write, read and describe bodies in `envelope`, for a custom
/// envelope (a shape sets `SHAPE` and `plans`, and the trait provides them).
fn envelope_methods(envelope: &TokenStream, span: Span, private: &TokenStream) -> TokenStream {
    let call = |tokens: TokenStream| located(tokens, span);
    let content_type = call(quote!(#private::Envelope::content_type(#envelope)));
    let body_schema =
        call(quote!(#private::Envelope::schema(#envelope, &<Self as #private::ApiError>::CATALOG)));
    let body_shape = call(quote!(#private::Envelope::shape(#envelope)));
    let read_body = call(
        quote!(#private::Envelope::read(#envelope, &<Self as #private::ApiError>::CATALOG, __body)),
    );
    let write_descriptor_body = call(
        quote!(#private::Envelope::write(#envelope, &#private::Described(__descriptor), __context, __out)),
    );
    let write_body_of =
        call(quote!(#private::Envelope::write(#envelope, __error, __context, __out)));
    let write_body = call(
        quote!(#private::Envelope::write_prepared(#envelope, __PLANS.cells(), self, __context, __out)),
    );
    let write_errors = call(
        quote!(#private::Envelope::write_list(#envelope, __PLANS.cells(), __errors, __context, __out)),
    );
    quote! {
        fn write_body_of<__F: #private::ApiError + ?::core::marker::Sized>(
            __error: &__F,
            __context: &#private::RequestContext<'_>,
            __out: &mut #private::Vec<u8>,
        ) -> #private::Result<(), #private::BodyError> {
            #write_body_of
        }

        #[inline]
        fn content_type(&self) -> &'static str {
            #content_type
        }

        fn body_content_type() -> &'static str {
            #content_type
        }

        fn body_schema() -> #private::Option<#private::JsonValue> {
            #body_schema
        }

        fn body_shape() -> #private::Option<#private::Shape> {
            #body_shape
        }

        fn read_body(__body: &[u8]) -> #private::Option<#private::Received> {
            #read_body
        }

        fn write_descriptor_body(
            __descriptor: &'static #private::Descriptor,
            __context: &#private::RequestContext<'_>,
            __out: &mut #private::Vec<u8>,
        ) {
            let _ = #write_descriptor_body;
        }

        #[inline]
        fn write_body(
            &self,
            __context: &#private::RequestContext<'_>,
            __out: &mut #private::Vec<u8>,
        ) -> #private::Result<(), #private::BodyError> {
            #write_body
        }

        fn write_errors(
            __errors: &[Self],
            __context: &#private::RequestContext<'_>,
            __out: &mut #private::Vec<u8>,
        ) -> #private::Result<(), #private::BodyError> {
            #write_errors
        }
    }
}

/// The web framework impls and utoipa's `IntoResponses`, which the core crate writes only
/// when its feature for them is on: the derive cannot see features, so it asks the core
/// crate's macros.
fn framework_impls(input: &Input, private: &TokenStream) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let bounds = where_clause.map(|clause| &clause.predicates);
    let args = quote!([#impl_generics] [#ident #ty_generics] [#bounds]);
    let axum = quote!(#private::impl_axum!(#args););
    let utoipa = quote!(#private::impl_utoipa!(#args););
    // Opted into per type: the impl names the using crate's own `actix_web`, which a crate
    // that never asked for it does not have.
    let actix_web = input
        .attrs
        .actix_web
        .map(|span| located(quote!(#private::impl_actix_web!(#args);), span));
    quote!(#axum #utoipa #actix_web)
}

/// `match self { Type::A => 0usize, Type::B(..) => 1usize, .. }`: each variant's index in the
/// catalog, then the arms of the transparent variants `nested`; `match *self {}` for an enum
/// without variants. The variants' arms are written as source text (see [`source`](crate::source)),
/// a run of [`split::run_length`] at a time.
fn index_match(
    resolved: &[Resolved<'_>],
    nested: &[TokenStream],
    chains: &mut Chains,
) -> TokenStream {
    if resolved.is_empty() && nested.is_empty() {
        return quote!(match *self {});
    }
    let length = split::run_length(resolved.len());
    let runs = resolved
        .chunks(length)
        .enumerate()
        .map(|(run, errors)| {
            let mut source = String::with_capacity(errors.len() * 40);
            for (offset, error) in errors.iter().enumerate() {
                let index = run * length + offset;
                // In the variant's own form: rustc checks a path or tuple pattern in fewer
                // passes than a struct pattern.
                let rest = match error.variant.style {
                    Style::Unit => "",
                    Style::Tuple => "(..)",
                    Style::Struct => " { .. }",
                };
                let path = path_text(error.variant);
                let _ = write!(source, "{path}{rest} => {index}usize,");
            }
            crate::source::tokens(&source)
        })
        .collect();
    let method = Method::new("index", quote!((&self) -> usize));
    // Every variant has an arm; the last index stands for the variants a chain's last
    // function never sees.
    let last = Literal::usize_suffixed(resolved.len().saturating_sub(1));
    chains.runs(&method, runs, nested, quote!(#last), true)
}

/// `match self { arms }` with an arm for each variant `arm` writes one for, the arms of the
/// transparent variants `nested`, and `_ => rest` for all the others, if there are any: most
/// methods differ from their default for few variants, and every arm is code the user's crate
/// compiles. `rest` must be right for any variant: a long match is split (see [`split`]).
pub(crate) fn some_arms(
    chains: &mut Chains,
    method: &Method,
    resolved: &[Resolved<'_>],
    nested: &[TokenStream],
    arm: impl Fn(&Resolved<'_>) -> Option<TokenStream>,
    rest: TokenStream,
) -> TokenStream {
    if resolved.is_empty() && nested.is_empty() {
        return quote!(match *self {});
    }
    let arms: Vec<TokenStream> = resolved.iter().filter_map(arm).collect();
    let complete = arms.len() == resolved.len();
    chains.arms(method, &arms, nested, rest, complete)
}

/// `match self { nested.. _ => rest }`: the arms of the transparent variants, and `rest` for
/// the others, if there are any.
pub(crate) fn nested_arms(
    resolved: &[Resolved<'_>],
    nested: &[TokenStream],
    rest: TokenStream,
) -> TokenStream {
    if resolved.is_empty() && nested.is_empty() {
        return quote!(match *self {});
    }
    let rest = (!resolved.is_empty()).then(|| quote!(_ => #rest,));
    quote!(match self { #(#nested,)* #rest })
}

/// `Type::Variant` for an enum's variant, `Type` for a struct (see [`Variant::owner`]).
pub(crate) fn path(variant: &Variant) -> TokenStream {
    let owner = &variant.owner;
    if variant.is_struct {
        quote!(#owner)
    } else {
        let ident = &variant.ident;
        quote!(#owner::#ident)
    }
}

/// [`path`] as source text (see [`source`](crate::source)).
pub(crate) fn path_text(variant: &Variant) -> String {
    if variant.is_struct {
        variant.owner.to_string()
    } else {
        format!("{}::{}", variant.owner, variant.ident)
    }
}

/// A pattern of the variant binding the given fields (`__api_fieldN`), in the variant's own
/// form: `Type::A`, `Type::B(_, __api_field1, ..)`, `Type::C { id: __api_field0, .. }`. rustc
/// checks a path or tuple pattern in fewer passes than a struct pattern, in which it looks the
/// variant up among all the enum's again.
pub(crate) fn pattern(variant: &Variant, bound: &[usize]) -> TokenStream {
    let path = path(variant);
    match variant.style {
        Style::Unit => path,
        Style::Tuple => {
            let count = bound.iter().map(|&index| index + 1).max().unwrap_or(0);
            let fields = (0..count).map(|index| {
                if bound.contains(&index) {
                    let binding = binding(index);
                    quote!(#binding)
                } else {
                    quote!(_)
                }
            });
            quote!(#path(#(#fields,)* ..))
        }
        Style::Struct => {
            let bindings = bound.iter().map(|&index| {
                let member = &variant.fields[index].member;
                let binding = binding(index);
                quote!(#member: #binding)
            });
            quote!(#path { #(#bindings,)* .. })
        }
    }
}

pub(crate) fn binding(index: usize) -> syn::Ident {
    format_ident!("__api_field{}", index)
}

/// `write_message`: an arm for each message with placeholders or shown from `Display`; a fixed
/// message is read from the variant's descriptor.
///
/// A template whose placeholders are plain (`{name}`, no format spec), at most three of them, is
/// written as its text and values in turn (`parts2(__out, "a ", x, " b ", y, "")`), which
/// rustc checks in a good part of the time `format_args!` takes; any other through
/// `format_args!`.
fn write_message_method(
    resolved: &[Resolved<'_>],
    nested: &[TokenStream],
    private: &TokenStream,
    plain_parts: bool,
    chains: &mut Chains,
) -> TokenStream {
    let arm = |error: &Resolved<'_>| match &error.message {
        Message::Static(_) => None,
        Message::Format {
            format,
            args,
            parts,
            span,
            ..
        } => {
            let pattern = pattern(error.variant, args);
            // Located at the message, so a field that cannot be formatted is reported there;
            // resolved at the call site, like the binding it names.
            let located = Span::call_site().located_at(*span);
            let bound = |index: usize| {
                let mut binding = binding(index);
                binding.set_span(located);
                binding
            };
            if plain_parts && let Some((texts, fields)) = interleaved(parts) {
                let function = format_ident!("parts{}", fields.len());
                let first = Literal::string(texts[0]);
                let rest = fields.iter().zip(&texts[1..]).map(|(&field, text)| {
                    let (binding, text) = (bound(field), Literal::string(text));
                    quote!(#binding, #text)
                });
                return Some(quote!(#pattern => #private::#function(__out, #first, #(#rest),*)));
            }
            let args = args.iter().map(|&index| bound(index));
            let format = syn::LitStr::new(format, *span);
            Some(quote!(#pattern => __out.write_fmt(::core::format_args!(#format, #(#args),*))))
        }
        Message::Display { span } => {
            let pattern = pattern(error.variant, &[]);
            let call = quote_spanned!(*span=> __out.write_fmt(::core::format_args!("{}", self)));
            Some(quote!(#pattern => #call))
        }
    };
    let method = Method {
        name: "write_message",
        signature: quote! {
            <__W: #private::FmtWrite + ?::core::marker::Sized>(
                &self,
                __out: &mut __W,
            ) -> #private::FmtResult
        },
        args: quote!(__out),
    };
    method.define(some_arms(
        chains,
        &method,
        resolved,
        nested,
        arm,
        quote!(__out.write_str(
            <Self as #private::ApiError>::static_message(self).unwrap_or_default()
        )),
    ))
}

/// A template of one to three plain placeholders as the text before, between and after them
/// (empty where two meet or at an end) and the field each formats; `None` for any other.
fn interleaved(parts: &[Part]) -> Option<(Vec<&str>, Vec<usize>)> {
    let mut texts = vec![""];
    let mut fields = Vec::new();
    for part in parts {
        match part {
            Part::Text(text) => {
                let last = texts.last_mut()?;
                if !last.is_empty() {
                    return None;
                }
                *last = text;
            }
            &Part::Field { index, plain: true } => {
                fields.push(index);
                texts.push("");
            }
            Part::Field { plain: false, .. } => return None,
        }
    }
    (1..=3).contains(&fields.len()).then_some((texts, fields))
}

/// `details()`, when any variant marks a details field.
fn details_method(
    resolved: &[Resolved<'_>],
    nested: &[TokenStream],
    private: &TokenStream,
    chains: &mut Chains,
) -> TokenStream {
    if resolved.iter().all(|error| error.details.is_none()) && nested.is_empty() {
        return TokenStream::new();
    }
    let arm = |error: &Resolved<'_>| {
        let index = error.details?;
        let pattern = pattern(error.variant, &[index]);
        let binding = binding(index);
        let ty = &error.variant.fields[index].ty;
        // Located at the field's type, so a type that cannot be details is reported there.
        let call = if generics::option_inner(ty).is_some() {
            quote!(#private::optional_details(#binding))
        } else {
            quote!(#private::details(#binding))
        };
        let call = located(call, crate::spans::ty(ty));
        Some(quote!(#pattern => #call))
    };
    let method = Method::new(
        "details",
        quote!((&self) -> #private::Option<&dyn #private::Details>),
    );
    let body = some_arms(
        chains,
        &method,
        resolved,
        nested,
        arm,
        quote!(#private::None),
    );
    let details = method.define(body);
    quote!(#[inline] #details)
}

/// `tokens` with every span moved to `span`'s location, keeping call-site resolution, so that
/// rustc reports a type error in them at the user's tokens rather than at the derive.
pub(crate) fn located(tokens: TokenStream, span: Span) -> TokenStream {
    let span = Span::call_site().located_at(span);
    tokens
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), located(group.stream(), span));
                inner.set_span(span);
                token = proc_macro2::TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// `headers()`, when any variant has a header.
fn headers_method(
    resolved: &[Resolved<'_>],
    nested: &[TokenStream],
    private: &TokenStream,
    chains: &mut Chains,
) -> TokenStream {
    let none = |error: &Resolved<'_>| {
        error.headers.is_empty()
            && matches!(error.retry_after, RetryAfter::None)
            && error.header_fields.is_empty()
    };
    if resolved.iter().all(none) && nested.is_empty() {
        return TokenStream::new();
    }
    let arm = |error: &Resolved<'_>| {
        if none(error) {
            return None;
        }
        let fixed = error
            .headers
            .iter()
            .map(|(name, value)| quote!((#name, #value)));
        let fixed = quote!(&[#(#fixed),*]);
        let fields = (!error.header_fields.is_empty()).then(|| {
            let names = error.header_fields.iter().map(|(_, name)| name);
            quote!(.with_fields(&[#(#names),*], self))
        });
        Some(match error.retry_after {
            RetryAfter::None => {
                let pattern = pattern(error.variant, &[]);
                quote!(#pattern => #private::Headers::from_parts(#fixed, #private::None)#fields)
            }
            RetryAfter::Seconds(seconds) => {
                let pattern = pattern(error.variant, &[]);
                quote! {
                    #pattern => #private::Headers::from_parts(
                        #fixed,
                        #private::Some(#private::RetryAfter::Seconds(#seconds)),
                    )#fields
                }
            }
            RetryAfter::Field(index) => {
                let pattern = pattern(error.variant, &[index]);
                let binding = binding(index);
                // Located at the field's type, so a type that gives no Retry-After is reported there.
                let value = located(
                    quote!(#private::retry_after(#binding)),
                    crate::spans::ty(&error.variant.fields[index].ty),
                );
                quote!(#pattern => #private::Headers::from_parts(#fixed, #value)#fields)
            }
        })
    };
    let method = Method::new("headers", quote!((&self) -> #private::Headers<'_>));
    let none = quote!(#private::Headers::none());
    method.define(some_arms(chains, &method, resolved, nested, arm, none))
}

/// `from_rejection`, when any variant takes rejections: for each kind, the variant that takes
/// it, with its one field (if any) converted from the rejection.
fn from_rejection_method(resolved: &[Resolved<'_>], private: &TokenStream) -> TokenStream {
    let arms: Vec<TokenStream> = resolved
        .iter()
        .filter(|error| !error.rejections.is_empty())
        .map(|error| {
            let variant = error.variant;
            let kinds = error.rejections.iter().map(|kind| {
                let kind = format_ident!("{}", kind.variant);
                quote!(#private::RejectionKind::#kind)
            });
            let path = path(variant);
            let value = match variant.fields.first() {
                None => quote!(#path {}),
                Some(field) => {
                    let member = &field.member;
                    let ty = &field.ty;
                    // Located at the field's type, so a type that cannot hold a rejection is reported there.
                    let convert = located(
                        quote!(<#ty as #private::From<#private::Rejection>>::from(__rejection)),
                        crate::spans::ty(ty),
                    );
                    quote!(#path { #member: #convert })
                }
            };
            quote!(#(#kinds)|* => #private::Some(#value))
        })
        .collect();
    if arms.is_empty() {
        return TokenStream::new();
    }
    quote! {
        // `RejectionKind` is non-exhaustive, so the last arm is needed even when every kind
        // has a variant, except in the core crate's own tests.
        #[allow(unreachable_patterns)]
        fn from_rejection(__rejection: #private::Rejection) -> #private::Option<Self> {
            match __rejection.kind() {
                #(#arms,)*
                _ => #private::None,
            }
        }
    }
}

/// `INTERNAL`, when a variant is the fixed 500: its descriptor in the catalog; without one,
/// the first fixed 500 among the wrapped types'.
fn internal_const(
    resolved: &[Resolved<'_>],
    transparent: &[Transparent<'_>],
    private: &TokenStream,
) -> TokenStream {
    let Some(index) = resolved.iter().position(|error| error.internal) else {
        return compose::internal(transparent, private);
    };
    let index = Literal::usize_unsuffixed(index);
    quote! {
        const INTERNAL: #private::Option<&'static #private::Descriptor> =
            #private::Some(&__DESCRIPTORS[#index]);
    }
}

#[cfg(test)]
mod tests {
    use super::interleaved;
    use crate::valid::Part;

    fn text(text: &str) -> Part {
        Part::Text(text.to_owned())
    }

    fn field(index: usize) -> Part {
        Part::Field { index, plain: true }
    }

    #[test]
    fn plain_templates_split_into_text_and_fields() {
        assert_eq!(
            interleaved(&[text("pet "), field(0), text(" in "), field(1)]),
            Some((vec!["pet ", " in ", ""], vec![0, 1]))
        );
        assert_eq!(
            interleaved(&[field(2), field(0), text("."), field(2)]),
            Some((vec!["", "", ".", ""], vec![2, 0, 2]))
        );
    }

    #[test]
    fn other_templates_are_left_to_format_args() {
        // No placeholder: a static message, never written by `write_message`.
        assert_eq!(interleaved(&[text("fixed")]), None);
        assert_eq!(interleaved(&[field(0), field(1), field(2), field(3)]), None);
        let spec = Part::Field {
            index: 0,
            plain: false,
        };
        assert_eq!(interleaved(&[text("a "), spec]), None);
        assert_eq!(interleaved(&[text("a"), text("b"), field(0)]), None);
    }
}
