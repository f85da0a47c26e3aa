//! `examples()`: a value of each variant whose fields all have an example value, for the
//! documentation the core crate writes. Generated only with the `docs` feature.
//!
//! Whether a field's type has an example is found by method lookup on a probe (see the core
//! crate's `Probe`), which rustc resolves anew at every call. A catalog of thousands of
//! variants has only a few field types, so each type is probed once, in a function the
//! fields of that type call with their name.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::ext::IdentExt;
use syn::spanned::Spanned;

use crate::ast::{Field, Input};
use crate::case::Case;
use crate::expand::{binding, located, path};
use crate::transparent::Transparent;
use crate::valid::Resolved;
use crate::{compose, generics};

/// How many variants' examples one function makes: rustc's checking of a function body grows
/// faster than its length, and a catalog has thousands of variants.
const CHUNK: usize = 50;

/// The `examples()` method, and the functions it calls under `header` (the type's inherent
/// `impl`), each given to the core crate's `docs_only!`, which writes them only when its
/// `docs` feature is on.
pub fn method(
    input: &Input,
    resolved: &[Resolved<'_>],
    transparent: &[Transparent<'_>],
    header: &TokenStream,
    private: &TokenStream,
) -> (TokenStream, TokenStream) {
    let mut probes = Probes::default();
    // In declaration order: a transparent variant's are the wrapped type's examples, wrapped.
    // Both lists follow the declaration order, so each is walked once.
    let mut own = resolved.iter().peekable();
    let mut wrapped = transparent.iter().peekable();
    let mut chunks = Vec::new();
    let mut pushes = Vec::with_capacity(CHUNK);
    for variant in &input.variants {
        if let Some(nested) = wrapped.next_if(|nested| core::ptr::eq(nested.variant, variant)) {
            pushes.push(compose::examples(nested, private));
        } else if let Some(error) = own.next_if(|error| core::ptr::eq(error.variant, variant)) {
            pushes.push(own_examples(error, &mut probes, private));
        }
        if pushes.len() == CHUNK {
            chunks.push(chunk(chunks.len(), &mut pushes, &mut probes, private));
        }
    }
    if !pushes.is_empty() {
        chunks.push(chunk(chunks.len(), &mut pushes, &mut probes, private));
    }
    let calls = (0..chunks.len()).map(|index| {
        let function = format_ident!("__api_examples{}", index);
        quote!(Self::#function(&mut __examples);)
    });
    let method = quote! {
        #private::docs_only! {
            fn examples() -> #private::Vec<Self> {
                let mut __examples = #private::Vec::new();
                #(#calls)*
                __examples
            }
        }
    };
    let items = quote! {
        #private::docs_only! {
            #[automatically_derived]
            #header {
                #(#chunks)*
            }
        }
    };
    (method, items)
}

/// The function that pushes the examples of a run of variants, declaring the probes they use.
fn chunk(
    index: usize,
    pushes: &mut Vec<TokenStream>,
    probes: &mut Probes,
    private: &TokenStream,
) -> TokenStream {
    let function = format_ident!("__api_examples{}", index);
    let declarations = probes.declarations(private);
    let pushes = pushes.drain(..);
    quote! {
        #[doc(hidden)]
        fn #function(__examples: &mut #private::Vec<Self>) {
            #[allow(unused_imports)]
            use #private::{ViaExample as _, WithoutExample as _};
            #(#declarations)*
            #(#pushes)*
        }
    }
}

/// One function per field type: `|name| Some(example)` where the type has an example, `None`
/// where it has not.
#[derive(Default)]
struct Probes {
    /// The types, in the order they were first met, by their tokens.
    types: Vec<syn::Type>,
    index: HashMap<String, usize>,
    /// The types used since the last declarations, in the order first used.
    used: Vec<usize>,
}

impl Probes {
    /// The function that gives an example of `ty`.
    fn of(&mut self, ty: &syn::Type) -> syn::Ident {
        let key = quote!(#ty).to_string();
        let next = self.types.len();
        let index = *self.index.entry(key).or_insert(next);
        if index == next {
            self.types.push(ty.clone());
        }
        if !self.used.contains(&index) {
            self.used.push(index);
        }
        format_ident!("__api_example{}", index)
    }

    /// The functions of the types used since the last call.
    fn declarations(&mut self, private: &TokenStream) -> Vec<TokenStream> {
        self.used
            .drain(..)
            .map(|index| {
                let probe = format_ident!("__api_example{}", index);
                let ty = &self.types[index];
                // A function pointer, not a closure: calling it takes no closure-kind
                // inference or call-trait lookup at each of its uses.
                quote! {
                    let #probe: fn(&'static str) -> #private::Option<#ty> =
                        |__field| (&#private::Probe::<#ty>::new()).example_value(__field);
                }
            })
            .collect()
    }
}

/// The example value of a variant of the type's own, pushed when all its fields have one.
fn own_examples(error: &Resolved<'_>, probes: &mut Probes, private: &TokenStream) -> TokenStream {
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
    let values: Vec<_> = variant
        .fields
        .iter()
        .map(|field| value(field, &variant.ident, probes, private))
        .collect();
    // One `if let` a field, nested, rather than one on a tuple of them: rustc checks the
    // tuple's partial moves at a much higher cost.
    let push = quote!(__examples.push(#path { #(#inits),* }););
    bindings.iter().zip(values).rev().fold(
        push,
        |inner, (binding, value)| quote!(if let #private::Some(#binding) = #value { #inner }),
    )
}

/// A field's example: the declared one, else its type's under the field's name.
fn value(
    field: &Field,
    variant: &syn::Ident,
    probes: &mut Probes,
    private: &TokenStream,
) -> TokenStream {
    match &field.example {
        // Located at the expression, so a value of the wrong type is reported there.
        Some(example) => located(quote!(#private::Some(#example)), example.span()),
        // A reference's lifetime cannot be chosen here, so such fields have no example.
        None if generics::mentions_lifetime(&field.ty) => quote!(#private::None),
        None => {
            let name = match &field.member {
                syn::Member::Named(ident) => ident.unraw().to_string(),
                // A tuple variant's fields take their examples from the variant's name.
                syn::Member::Unnamed(_) => Case::Snake.apply(&variant.to_string()),
            };
            let probe = probes.of(&field.ty);
            quote!(#probe(#name))
        }
    }
}
