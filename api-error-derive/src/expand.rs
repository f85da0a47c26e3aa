//! Code generation: turns resolved errors into the `ApiError` impl. No decisions are made here.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::DeriveInput;
use syn::spanned::Spanned;

use crate::ast::{Input, Variant};
use crate::attr::EnvelopeRef;
use crate::code::CodeValue;
use crate::retry::RetryableValue;
use crate::transparent::{self, Transparent};
use crate::valid::{self, Message, Resolved, RetryAfter};
use crate::{compose, doc, fallback, generics, json};

/// The whole derive: parse, validate, expand, or report every error with a fallback impl.
pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = darling::Error::accumulator();
    let model = Input::from_syn(input, &mut errors);
    let resolved = valid::resolve(&model, &mut errors);
    let transparent = transparent::resolve(&model, &mut errors);
    match errors.finish() {
        Ok(()) => expand(&model, &resolved, &transparent),
        Err(errors) => {
            let mut tokens = errors.write_errors();
            tokens.extend(fallback::expand(&model));
            tokens
        }
    }
}

fn expand(
    input: &Input,
    resolved: &[Resolved<'_>],
    transparent: &[Transparent<'_>],
) -> TokenStream {
    let krate = input.krate();
    // The generated impl reaches the core crate through one short alias, declared in its
    // `const _` block: a catalog of thousands of errors names these paths thousands of times.
    let private = quote!(__api);
    // The full path, for what stands outside that block or is shown to the user: the inherent
    // impl (rustdoc shows it on the type's page), the bounds both impls share, and the
    // framework macros (rustc names them in its notes).
    let public = quote!(#krate::__private);
    let ident = &input.ident;
    let name = ident.to_string();
    let mut generics = generics::with_inferred_bounds(&input.generics, resolved, &public);
    compose::bounds(&mut generics, transparent, &public);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let descriptors = resolved
        .iter()
        .enumerate()
        .map(|(index, error)| descriptor(index, error, &private));
    // One index per variant into the catalog, read once: a plain match over integers, which
    // also keeps rustc from evaluating the whole catalog once per arm. A transparent variant
    // answers with the descriptor of the error it wraps.
    let nested = |method: &str| compose::delegating(transparent, method, &private);
    let descriptor_body = if resolved.is_empty() {
        arms(&[], &nested("descriptor"), |_, _| TokenStream::new())
    } else {
        let index = arms(
            resolved,
            &compose::returning(transparent, "descriptor", &private),
            |index, error| {
                let pattern = pattern(error.variant, &[]);
                quote!(#pattern => #index)
            },
        );
        if transparent.is_empty() {
            quote!(&<Self as #private::ApiError>::CATALOG.descriptors()[#index])
        } else {
            quote! {
                let __index = #index;
                &<Self as #private::ApiError>::CATALOG.descriptors()[__index]
            }
        }
    };
    let write_message_body = write_message_body(resolved, &nested("write_message"), &private);
    let details = details_method(resolved, &nested("details"), &private);
    let headers = headers_method(resolved, &nested("headers"), &private);
    // Written only for documentation: example values are code the user's crate compiles.
    let examples = if cfg!(feature = "docs") {
        examples_method(input, resolved, transparent, &private)
    } else {
        TokenStream::new()
    };
    let delegated = compose::delegated_methods(resolved, transparent, &private);
    let places = compose::places(resolved.len(), transparent, &private);
    let place = compose::place_method(resolved, transparent, &places, &private);
    let checks = compose::checks(input, transparent, &private);
    let nested_catalogs = compose::catalogs(transparent, &private);
    let catalog = compose::catalog(
        input,
        transparent,
        quote!(#private::Catalog::from_parts(#name, &[#(#descriptors),*], &[#(#nested_catalogs),*])),
        &private,
    );
    let from_rejection = from_rejection_method(resolved, &private);
    let envelope = match input.attrs.envelope.as_deref() {
        None => quote!(#krate::envelopes::PROBLEM),
        Some(EnvelopeRef::Builtin(constant)) => {
            let constant = format_ident!("{}", constant);
            quote!(#krate::envelopes::#constant)
        }
        Some(EnvelopeRef::Path(path)) => quote!(#path),
    };
    // Located at the envelope's path, so a value that is no envelope is reported there.
    let envelope_span = input
        .attrs
        .envelope
        .as_ref()
        .map_or_else(Span::call_site, |envelope| envelope.span());
    let content_type = located(
        quote!(#private::Envelope::content_type(&#envelope)),
        envelope_span,
    );
    let body_content_type = located(
        quote!(#private::Envelope::content_type(&#envelope)),
        envelope_span,
    );
    let body_schema = located(
        quote!(#private::Envelope::schema(&#envelope, &<Self as #private::ApiError>::CATALOG)),
        envelope_span,
    );
    let body_shape = located(quote!(#private::Envelope::shape(&#envelope)), envelope_span);
    let read_body = located(
        quote!(#private::Envelope::read(&#envelope, &<Self as #private::ApiError>::CATALOG, __body)),
        envelope_span,
    );
    let write_descriptor_body = located(
        quote!(#private::Envelope::write(&#envelope, &#private::Described(__descriptor), __context, __out)),
        envelope_span,
    );
    let write_body = located(
        quote!(#private::Envelope::write_prepared(&#envelope, __PLANS.cells(), self, __context, __out)),
        envelope_span,
    );

    let plan_count = places.count;
    let place_consts = &places.consts;

    let vis = &input.vis;
    let catalog_doc = doc::catalog(input, resolved, transparent);
    let frameworks = framework_impls(input, &public);

    quote! {
        impl #impl_generics #ident #ty_generics #where_clause {
            #[doc = #catalog_doc]
            #[allow(dead_code)]
            #vis const CATALOG: #public::Catalog = <Self as #public::ApiError>::CATALOG;
        }

        const _: () = {
            use #krate::__private as __api;

            #place_consts

            // The envelope's plan for each variant, and for each error a transparent variant
            // wraps, compiled the first time it is needed.
            static __PLANS: #private::Plans<#plan_count> = #private::Plans::new();

            #checks

            #[automatically_derived]
            impl #impl_generics #private::ApiError for #ident #ty_generics #where_clause {
                const CATALOG: #private::Catalog = #catalog;

                #[inline]
                fn descriptor(&self) -> &'static #private::Descriptor {
                    #descriptor_body
                }

                #place

                #delegated

                fn write_message<__W: #private::FmtWrite + ?::core::marker::Sized>(
                    &self,
                    __out: &mut __W,
                ) -> #private::FmtResult {
                    #write_message_body
                }

                #details

                #headers

                #examples

                #from_rejection

                #[inline]
                fn content_type(&self) -> &'static str {
                    #content_type
                }

                fn body_content_type() -> &'static str {
                    #body_content_type
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
            }

            #frameworks
        };
    }
}

/// The web framework impls, which the core crate writes only when its feature for that
/// framework is on: the derive cannot see features, so it asks the core crate's macros.
fn framework_impls(input: &Input, private: &TokenStream) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let bounds = where_clause.map(|clause| &clause.predicates);
    let args = quote!([#impl_generics] [#ident #ty_generics] [#bounds]);
    let axum = quote!(#private::impl_axum!(#args););
    // Opted into per type: the impl names the using crate's own `actix_web`, which a crate
    // that never asked for it does not have.
    let actix_web = input
        .attrs
        .actix_web
        .map(|span| located(quote!(#private::impl_actix_web!(#args);), span));
    quote!(#axum #actix_web)
}

/// `match self { arms }`, with the arms of the transparent variants `nested`, or
/// `match *self {}` for an enum without variants.
fn arms(
    resolved: &[Resolved<'_>],
    nested: &[TokenStream],
    arm: impl Fn(usize, &Resolved<'_>) -> TokenStream,
) -> TokenStream {
    if resolved.is_empty() && nested.is_empty() {
        return quote!(match *self {});
    }
    let arms = resolved
        .iter()
        .enumerate()
        .map(|(index, error)| arm(index, error));
    quote!(match self { #(#arms,)* #(#nested,)* })
}

/// `match self { arms }` with an arm for each variant `arm` writes one for, the arms of the
/// transparent variants `nested`, and `_ => rest` for all the others, if there are any: most
/// methods differ from their default for few variants, and every arm is code the user's crate
/// compiles.
pub(crate) fn some_arms(
    resolved: &[Resolved<'_>],
    nested: &[TokenStream],
    arm: impl Fn(&Resolved<'_>) -> Option<TokenStream>,
    rest: TokenStream,
) -> TokenStream {
    if resolved.is_empty() && nested.is_empty() {
        return quote!(match *self {});
    }
    let arms: Vec<TokenStream> = resolved.iter().filter_map(arm).collect();
    let rest = (arms.len() < resolved.len()).then(|| quote!(_ => #rest,));
    quote!(match self { #(#arms,)* #(#nested,)* #rest })
}

/// `Self::Variant` for an enum's variant, `Self` for a struct.
pub(crate) fn path(variant: &Variant) -> TokenStream {
    if variant.is_struct {
        quote!(Self)
    } else {
        let ident = &variant.ident;
        quote!(Self::#ident)
    }
}

/// `Self::Variant { member: __api_N, .. }` binding the given fields, for any variant style.
pub(crate) fn pattern(variant: &Variant, bound: &[usize]) -> TokenStream {
    let path = path(variant);
    let bindings = bound.iter().map(|&index| {
        let member = &variant.fields[index].member;
        let binding = binding(index);
        quote!(#member: #binding)
    });
    quote!(#path { #(#bindings,)* .. })
}

pub(crate) fn binding(index: usize) -> syn::Ident {
    format_ident!("__api_field{}", index)
}

/// `write_message`: an arm for each message with placeholders or shown from `Display`; a fixed
/// message is read from the variant's descriptor.
fn write_message_body(
    resolved: &[Resolved<'_>],
    nested: &[TokenStream],
    private: &TokenStream,
) -> TokenStream {
    let arm = |error: &Resolved<'_>| match &error.message {
        Message::Static(_) => None,
        Message::Format {
            format, args, span, ..
        } => {
            let pattern = pattern(error.variant, args);
            // Located at the message, so a field that cannot be formatted is reported there;
            // resolved at the call site, like the binding it names.
            let located = Span::call_site().located_at(*span);
            let args = args.iter().map(|&index| {
                let mut binding = binding(index);
                binding.set_span(located);
                binding
            });
            let format = syn::LitStr::new(format, *span);
            Some(quote!(#pattern => __out.write_fmt(::core::format_args!(#format, #(#args),*))))
        }
        Message::Display { span } => {
            let pattern = pattern(error.variant, &[]);
            let call = quote_spanned!(*span=> __out.write_fmt(::core::format_args!("{}", self)));
            Some(quote!(#pattern => #call))
        }
    };
    some_arms(
        resolved,
        nested,
        arm,
        quote!(__out.write_str(
            <Self as #private::ApiError>::static_message(self).unwrap_or_default()
        )),
    )
}

fn descriptor(index: usize, error: &Resolved<'_>, private: &TokenStream) -> TokenStream {
    let index = Literal::usize_unsuffixed(index);
    let variant = error.variant;
    let variant_name = variant.ident.to_string();
    let code = match &error.code {
        CodeValue::Str(text) => quote!(#private::Code::Str(#text)),
        CodeValue::Int(value) => quote!(#private::Code::Int(#value)),
    };
    let status = error.status.0;
    let name = variant
        .attrs
        .name
        .as_ref()
        .map_or_else(|| variant_name.clone(), syn::LitStr::value);
    let description = &variant.doc;
    let message = match &error.message {
        Message::Static(text) => {
            let json = json::string(text);
            quote!(#private::MessageParts::Fixed(#text, #json))
        }
        Message::Format { template, .. } => quote!(#private::MessageParts::Template(#template)),
        Message::Display { .. } => quote!(#private::MessageParts::Display),
    };
    let code_json = json::code(&error.code);
    let attrs = &variant.attrs;
    // Most variants state no causes, solutions, retry advice or category: theirs is the short
    // constructor, whose fewer tokens cost less to expand and check in a catalog of thousands.
    if attrs.causes.is_empty()
        && attrs.solutions.is_empty()
        && attrs.retryable.is_none()
        && attrs.category.is_none()
    {
        return quote! {
            #private::Descriptor::plain(
                #index, #variant_name, #code, #status, #name, #description, #message, #code_json
            )
        };
    }
    let texts = |texts: &[syn::LitStr]| {
        if texts.is_empty() {
            quote!(#private::NO_TEXT)
        } else {
            quote!(&[#(#texts),*])
        }
    };
    let causes = texts(&attrs.causes);
    let solutions = texts(&attrs.solutions);
    let retryable = match attrs.retryable.as_deref() {
        None => quote!(#private::RetryableParts::Unstated),
        Some(RetryableValue::No) => quote!(#private::RetryableParts::No),
        Some(RetryableValue::WithBackoff) => quote!(#private::RetryableParts::WithBackoff),
        Some(RetryableValue::WithCaution) => quote!(#private::RetryableParts::WithCaution),
        Some(RetryableValue::AfterReauth) => quote!(#private::RetryableParts::AfterReauth),
        Some(RetryableValue::AfterFixingRequest) => {
            quote!(#private::RetryableParts::AfterFixingRequest)
        }
        Some(RetryableValue::After(condition)) => {
            quote!(#private::RetryableParts::After(#condition))
        }
    };
    // Never empty when given: the derive rejects an empty category.
    let category = attrs
        .category
        .as_ref()
        .map_or_else(String::new, syn::LitStr::value);
    quote! {
        #private::Descriptor::from_parts(#private::DescriptorParts {
            index: #index,
            variant: #variant_name,
            code: #code,
            status: #status,
            name: #name,
            description: #description,
            message: #message,
            causes: #causes,
            solutions: #solutions,
            retryable: #retryable,
            category: #category,
            code_json: #code_json,
        })
    }
}

/// `details()`, when any variant marks a details field.
fn details_method(
    resolved: &[Resolved<'_>],
    nested: &[TokenStream],
    private: &TokenStream,
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
        let call = located(call, ty.span());
        Some(quote!(#pattern => #call))
    };
    let body = some_arms(resolved, nested, arm, quote!(#private::None));
    quote! {
        #[inline]
        fn details(&self) -> #private::Option<&dyn #private::Details> {
            #body
        }
    }
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
) -> TokenStream {
    let none = |error: &Resolved<'_>| {
        error.headers.is_empty() && matches!(error.retry_after, RetryAfter::None)
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
        Some(match error.retry_after {
            RetryAfter::None => {
                let pattern = pattern(error.variant, &[]);
                quote!(#pattern => #private::Headers::from_parts(#fixed, #private::None))
            }
            RetryAfter::Seconds(seconds) => {
                let pattern = pattern(error.variant, &[]);
                quote! {
                    #pattern => #private::Headers::from_parts(
                        #fixed,
                        #private::Some(#private::RetryAfter::Seconds(#seconds)),
                    )
                }
            }
            RetryAfter::Field(index) => {
                let pattern = pattern(error.variant, &[index]);
                let binding = binding(index);
                // Located at the field's type, so a type that gives no Retry-After is reported there.
                let value = located(
                    quote!(#private::retry_after(#binding)),
                    error.variant.fields[index].ty.span(),
                );
                quote!(#pattern => #private::Headers::from_parts(#fixed, #value))
            }
        })
    };
    let body = some_arms(resolved, nested, arm, quote!(#private::Headers::none()));
    quote! {
        fn headers(&self) -> #private::Headers {
            #body
        }
    }
}

/// `from_rejection`, when a variant is marked `#[api(rejection)]`: the variant, with its one
/// field (if any) converted from the rejection.
fn from_rejection_method(resolved: &[Resolved<'_>], private: &TokenStream) -> TokenStream {
    let Some(variant) = resolved
        .iter()
        .map(|error| error.variant)
        .find(|variant| variant.attrs.rejection.is_some())
    else {
        return TokenStream::new();
    };
    let path = path(variant);
    let value = match variant.fields.first() {
        None => quote!(#path {}),
        Some(field) => {
            let member = &field.member;
            let ty = &field.ty;
            // Located at the field's type, so a type that cannot hold a rejection is reported there.
            let convert = located(
                quote!(<#ty as #private::From<#private::Rejection>>::from(__rejection)),
                ty.span(),
            );
            quote!(#path { #member: #convert })
        }
    };
    quote! {
        fn from_rejection(__rejection: #private::Rejection) -> #private::Option<Self> {
            #private::Some(#value)
        }
    }
}

/// `examples()`: a value of each variant whose fields all have an example value, written by
/// the core crate only when its `docs` feature is on.
fn examples_method(
    input: &Input,
    resolved: &[Resolved<'_>],
    transparent: &[Transparent<'_>],
    private: &TokenStream,
) -> TokenStream {
    // In declaration order: a transparent variant's are the wrapped type's examples, wrapped.
    let pushes = input.variants.iter().filter_map(|variant| {
        if let Some(nested) = transparent
            .iter()
            .find(|nested| core::ptr::eq(nested.variant, variant))
        {
            return Some(compose::examples(nested, private));
        }
        resolved
            .iter()
            .find(|error| core::ptr::eq(error.variant, variant))
            .map(|error| own_examples(error, private))
    });
    quote! {
        #private::impl_examples! {
            fn examples() -> #private::Vec<Self> {
                #[allow(unused_imports)]
                use #private::{ViaExample as _, WithoutExample as _};
                let mut __examples = #private::Vec::new();
                #(#pushes)*
                __examples
            }
        }
    }
}

/// The example value of a variant of the type's own, pushed when all its fields have one.
fn own_examples(error: &Resolved<'_>, private: &TokenStream) -> TokenStream {
    let variant = error.variant;
    let path = path(variant);
    let bindings: Vec<_> = (0..variant.fields.len()).map(binding).collect();
    // A declared example of the wrong type is reported at the user's expression.
    let inits = variant
        .fields
        .iter()
        .zip(&bindings)
        .map(|(field, binding)| {
            let member = &field.member;
            match &field.example {
                Some(example) => located(quote!(#member: #binding), example.span()),
                None => quote!(#member: #binding),
            }
        });
    let values = variant.fields.iter().map(|field| match &field.example {
        // Located at the expression, so a value of the wrong type is reported there.
        Some(example) => located(quote!(#private::Some(#example)), example.span()),
        // A reference's lifetime cannot be chosen here, so such fields have no example.
        None if mentions_lifetime(&field.ty) => quote!(#private::None),
        None => {
            let ty = &field.ty;
            quote!((&#private::Probe::<#ty>::new()).example_value())
        }
    });
    quote! {
        if let (#(#private::Some(#bindings),)*) = (#(#values,)*) {
            __examples.push(#path { #(#inits),* });
        }
    }
}

fn mentions_lifetime(ty: &syn::Type) -> bool {
    fn walk(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Punct(punct) => matches!(punct.as_char(), '\'' | '&'),
            proc_macro2::TokenTree::Group(group) => walk(group.stream()),
            proc_macro2::TokenTree::Ident(_) | proc_macro2::TokenTree::Literal(_) => false,
        })
    }
    walk(quote!(#ty))
}
