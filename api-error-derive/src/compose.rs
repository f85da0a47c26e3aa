//! Code generation for transparent variants: the arms that hand a method to the wrapped
//! error, the catalog that nests the wrapped catalogs, where their plans are kept, and the
//! `const` checks of the codes they bring. Nothing here is written for a type without
//! transparent variants.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens as _, format_ident, quote};
use syn::Generics;

use crate::ast::Input;
use crate::expand::{binding, located, nested_arms, path, pattern};
use crate::transparent::Transparent;
use crate::valid::Resolved;

/// `Wrapped: ApiError` for each wrapped type that names a parameter of the input.
pub fn bounds(generics: &mut Generics, transparent: &[Transparent<'_>], public: &TokenStream) {
    let predicates: Vec<syn::WherePredicate> = transparent
        .iter()
        .filter(|nested| nested.generic)
        .map(|nested| {
            let ty = nested.ty();
            syn::parse_quote!(#ty: #public::ApiError)
        })
        .collect();
    if !predicates.is_empty() {
        generics.make_where_clause().predicates.extend(predicates);
    }
}

/// `<Wrapped as ApiError>` for one transparent variant, located at the variant, so that a
/// type that is no `ApiError` is reported there.
pub fn trait_of(nested: &Transparent<'_>, private: &TokenStream) -> TokenStream {
    let ty = nested.ty();
    located(quote!(<#ty as #private::ApiError>), nested.span())
}

/// The pattern of a transparent variant, binding the wrapped error.
fn bound(nested: &Transparent<'_>) -> TokenStream {
    pattern(nested.variant, &[0])
}

/// `INTERNAL` of a type without a variant marked `internal`: the first wrapped type's fixed
/// 500, in declaration order, so that panics and unwritable bodies answer with the fixed 500
/// a module declared.
pub fn internal(transparent: &[Transparent<'_>], private: &TokenStream) -> TokenStream {
    if transparent.is_empty() {
        return TokenStream::new();
    }
    let wrapped = transparent.iter().map(|nested| {
        let wrapped = trait_of(nested, private);
        quote!(#wrapped::INTERNAL)
    });
    quote! {
        const INTERNAL: #private::Option<&'static #private::Descriptor> =
            #private::first_internal(&[#(#wrapped),*]);
    }
}

/// An arm per transparent variant: `Type::Variant(inner) => call(<Wrapped as ApiError>, inner)`.
pub fn arms_with(
    transparent: &[Transparent<'_>],
    private: &TokenStream,
    call: impl Fn(TokenStream, TokenStream) -> TokenStream,
) -> Vec<TokenStream> {
    transparent
        .iter()
        .map(|nested| {
            let pattern = bound(nested);
            let call = call(trait_of(nested, private), binding(0).into_token_stream());
            quote!(#pattern => #call)
        })
        .collect()
}

/// An arm per transparent variant answering `method` with the wrapped error's: `write_message`
/// passes the output on, any other method takes the error alone.
pub fn delegating(
    transparent: &[Transparent<'_>],
    method: &str,
    private: &TokenStream,
) -> Vec<TokenStream> {
    let method = format_ident!("{}", method);
    let with_out = method == "write_message";
    arms_with(transparent, private, |api_error, inner| {
        if with_out {
            quote!(#api_error::#method(#inner, __out))
        } else {
            quote!(#api_error::#method(#inner))
        }
    })
}

/// As [`delegating`], but each arm returns from the method: for a `match` whose other arms
/// give a value the method goes on with.
pub fn returning(
    transparent: &[Transparent<'_>],
    method: &str,
    private: &TokenStream,
) -> Vec<TokenStream> {
    let method = format_ident!("{}", method);
    arms_with(
        transparent,
        private,
        |api_error, inner| quote!(return #api_error::#method(#inner)),
    )
}

/// `static_message`, `status`, `code` and `name`, which a transparent variant takes from the
/// wrapped error and the others from their descriptor, as the trait's defaults do.
pub fn delegated_methods(
    resolved: &[Resolved<'_>],
    transparent: &[Transparent<'_>],
    private: &TokenStream,
) -> TokenStream {
    if transparent.is_empty() {
        return TokenStream::new();
    }
    let descriptor = quote!(<Self as #private::ApiError>::descriptor(self));
    let method = |name: &str, rest: TokenStream| {
        nested_arms(resolved, &delegating(transparent, name, private), rest)
    };
    let static_message = method(
        "static_message",
        quote!(#private::fixed_message(#descriptor)),
    );
    let status = method("status", quote!(#descriptor.status()));
    let code = method("code", quote!(#descriptor.code()));
    let name = method("name", quote!(#descriptor.name()));
    quote! {
        #[inline]
        fn static_message(&self) -> #private::Option<&'static str> {
            #static_message
        }

        #[inline]
        fn status(&self) -> #private::StatusCode {
            #status
        }

        #[inline]
        fn code(&self) -> #private::Code {
            #code
        }

        #[inline]
        fn name(&self) -> &'static str {
            #name
        }
    }
}

/// Where the plans of a type are kept. Its places are its own variants', then, for each
/// transparent variant in declaration order, as many as the wrapped catalog's tree has: a
/// variant's places start where the previous variant's end. The type's own `static` has room
/// for the places before the first variant whose wrapped type names a parameter of the input,
/// since a `static` cannot depend on one: its own bodies of the errors after that are written
/// without a kept plan. Their places are still those of the tree, and a type that wraps an
/// instance of this one keeps plans for all of them.
pub struct Places {
    /// `const __API_PLACES_N: usize = ...;`: where the places of each variant before the
    /// first one wrapping a parameter start, and where they end.
    pub consts: TokenStream,
    /// How many places the type's own plans have.
    pub count: TokenStream,
    /// For each transparent variant, where its places start and end.
    ranges: Vec<(TokenStream, TokenStream)>,
}

pub fn places(own: usize, transparent: &[Transparent<'_>], private: &TokenStream) -> Places {
    let own = Literal::usize_unsuffixed(own);
    let name = |index: usize| format_ident!("__API_PLACES_{}", index);
    let size = |nested: &Transparent<'_>| {
        let api_error = trait_of(nested, private);
        quote!(#private::Catalog::places(&#api_error::CATALOG))
    };
    let kept = transparent
        .iter()
        .take_while(|nested| !nested.generic)
        .count();
    let mut consts = TokenStream::new();
    let mut ranges = Vec::with_capacity(transparent.len());
    if kept > 0 {
        consts.extend(quote!(const __API_PLACES_0: usize = #own;));
    }
    for (index, nested) in transparent.iter().take(kept).enumerate() {
        let (start, end) = (name(index), name(index + 1));
        let size = size(nested);
        consts.extend(quote!(const #end: usize = #start + #size;));
        ranges.push((quote!(#start), quote!(#end)));
    }
    let count = if kept > 0 {
        name(kept).into_token_stream()
    } else {
        quote!(#own)
    };
    // After a wrapped parameter, where the places lie depends on the instance: computed in
    // `const` blocks, which may name the parameters.
    let mut before = vec![count.clone()];
    for nested in transparent.iter().skip(kept) {
        let start = quote!(const { #(#before)+* });
        before.push(size(nested));
        let end = quote!(const { #(#before)+* });
        ranges.push((start, end));
    }
    Places {
        consts,
        count,
        ranges,
    }
}

/// `place`: a wrapped error's place after those of what comes before its variant.
pub fn place_method(
    resolved: &[Resolved<'_>],
    transparent: &[Transparent<'_>],
    places: &Places,
    private: &TokenStream,
) -> TokenStream {
    if transparent.is_empty() {
        return TokenStream::new();
    }
    let arms: Vec<TokenStream> = transparent
        .iter()
        .zip(&places.ranges)
        .map(|(nested, (start, end))| {
            let pattern = bound(nested);
            let api_error = trait_of(nested, private);
            let inner = binding(0);
            quote!(#pattern => #private::nested_place(#start, #end, #api_error::place(#inner)))
        })
        .collect();
    let body = nested_arms(
        resolved,
        &arms,
        quote!(#private::own_place(<Self as #private::ApiError>::descriptor(self))),
    );
    quote! {
        #[inline]
        fn place(&self) -> usize {
            #body
        }
    }
}

/// `<Wrapped as ApiError>::CATALOG` for each transparent variant, in declaration order.
pub fn catalogs(transparent: &[Transparent<'_>], private: &TokenStream) -> Vec<TokenStream> {
    transparent
        .iter()
        .map(|nested| {
            let api_error = trait_of(nested, private);
            quote!(#api_error::CATALOG)
        })
        .collect()
}

/// `if let Some(conflict) = &conflicts[at] { panic!(..) }` for the transparent variant at
/// `at`, the panic located at the variant, where the build's error points.
fn check(
    conflicts: &TokenStream,
    at: usize,
    nested: &Transparent<'_>,
    private: &TokenStream,
) -> TokenStream {
    let at = Literal::usize_unsuffixed(at);
    let panic = located(
        quote!(::core::panic!("{}", __conflict.as_str())),
        nested.span(),
    );
    quote! {
        if let #private::Some(__conflict) = &#conflicts[#at] {
            #panic
        }
    }
}

/// `Catalog::conflicts(catalog, ..)`: the first conflict each transparent variant brings.
fn conflicts(
    input: &Input,
    transparent: &[Transparent<'_>],
    catalog: &TokenStream,
    private: &TokenStream,
) -> TokenStream {
    let count = Literal::usize_unsuffixed(transparent.len());
    let prefix = input
        .attrs
        .prefix
        .as_ref()
        .map(syn::LitStr::value)
        .unwrap_or_default();
    quote!(#private::Catalog::conflicts::<#count>(#catalog, __API_VARIANTS, #prefix))
}

/// The catalog, `base`. For a type with parameters and transparent variants, the wrapped
/// catalogs are known for each instance of the type only, so the catalog checks them when it
/// is evaluated for one: every use of the instance's catalog, its descriptors included, fails
/// the build on a conflict.
pub fn catalog(
    input: &Input,
    transparent: &[Transparent<'_>],
    base: TokenStream,
    private: &TokenStream,
) -> TokenStream {
    if transparent.is_empty() || input.generics.params.is_empty() {
        return base;
    }
    let conflicts = conflicts(input, transparent, &quote!(&__catalog), private);
    let checks = transparent
        .iter()
        .enumerate()
        .map(|(at, nested)| check(&quote!(__conflicts), at, nested, private));
    quote! {{
        let __catalog = #base;
        let __conflicts = #conflicts;
        #(#checks)*
        __catalog
    }}
}

/// The transparent variants' names, for the checks' messages. For a type without parameters,
/// the conflicts of the whole tree, found in one `const` evaluated with the crate, and one
/// `const` per transparent variant that fails the build on the first conflict it brings,
/// reported at the variant.
pub fn checks(
    input: &Input,
    transparent: &[Transparent<'_>],
    private: &TokenStream,
) -> TokenStream {
    if transparent.is_empty() {
        return TokenStream::new();
    }
    let names = transparent
        .iter()
        .map(|nested| nested.variant.ident.to_string());
    let names = quote! {
        // The transparent variants, for the messages of the checks.
        const __API_VARIANTS: &[&str] = &[#(#names),*];
    };
    if !input.generics.params.is_empty() {
        return names;
    }
    let ident = &input.ident;
    let count = Literal::usize_unsuffixed(transparent.len());
    let conflicts = conflicts(
        input,
        transparent,
        &quote!(&<#ident as #private::ApiError>::CATALOG),
        private,
    );
    let checks = transparent.iter().enumerate().map(|(at, nested)| {
        let check = check(&quote!(__API_CONFLICTS), at, nested, private);
        quote!(const _: () = #check;)
    });
    quote! {
        #names
        const __API_CONFLICTS: [#private::Option<#private::Conflict>; #count] = #conflicts;
        #(#checks)*
    }
}

/// The wrapped type's examples, each wrapped in the variant, in their place.
pub fn examples(nested: &Transparent<'_>, private: &TokenStream) -> TokenStream {
    let path = path(nested.variant);
    let member = &nested.field.member;
    let api_error = trait_of(nested, private);
    quote! {
        for __inner in #api_error::examples() {
            #private::push_wrapped(__examples, #path { #member: __inner });
        }
    }
}
