//! `examples()`: a value of each variant whose fields all have an example value, for the
//! documentation the core crate writes. Generated only with the `docs` feature.
//!
//! Whether a field's type has an example is found by method lookup on a probe (see the core
//! crate's `Probe`), which rustc resolves anew at every call. A catalog of thousands of
//! variants has only a few field types, so each type is probed once per function of two
//! hundred variants, for a flag and a function the fields of that type call with their name.
//! The variants whose fields need the same flags are one group, one `if` and one `extend` by
//! an array of their examples, which are then put back in declaration order.

use std::collections::HashMap;
use std::fmt::Write as _;

use darling::ast::Style;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::ext::IdentExt;

use crate::ast::{Field, Input, Variant};
use crate::case::Case;
use crate::expand::{binding, located, path, path_text};
use crate::transparent::Transparent;
use crate::valid::Resolved;
use crate::{compose, generics};

/// How many variants' examples one function makes: rustc's checking of a function body grows
/// faster than its length, and a catalog has thousands of variants.
const CHUNK: usize = 200;

/// The `collect_examples` method, which the core crate's `examples()` calls, and the
/// functions it calls under `header` (the type's inherent `impl`), each given to the core
/// crate's `docs_only!`, which writes them only when its `docs` feature is on. A type of up
/// to two hundred variants wrapping none has its examples in the method itself. All are
/// `#[inline]`: rustc then generates their code only in a crate that calls them, the one that
/// writes the documentation, not in every build of the type's.
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
    let mut steps: Vec<Step> = Vec::new();
    let mut run = Run::default();
    for variant in &input.variants {
        if let Some(nested) = wrapped.next_if(|nested| core::ptr::eq(nested.variant, variant)) {
            // The wrapped examples follow the run of the type's own before them.
            steps.extend(run.finish(&mut probes, private));
            steps.push(Step::Wrapped(compose::examples(nested, private)));
        } else if let Some(error) = own.next_if(|error| core::ptr::eq(error.variant, variant)) {
            own_examples(error, &mut probes, &mut run, private);
            if run.count == CHUNK {
                steps.extend(run.finish(&mut probes, private));
            }
        }
    }
    steps.extend(run.finish(&mut probes, private));
    let signature = quote! {
        #[inline]
        fn collect_examples(__examples: &mut #private::Examples<Self>)
    };
    match steps.as_slice() {
        // No example to collect: the trait's method, which collects none, is right.
        [] => return (TokenStream::new(), TokenStream::new()),
        [Step::Own(body)] => {
            let method = quote!(#private::docs_only! { #signature { #body } });
            return (method, TokenStream::new());
        }
        _ => {}
    }
    // Each run of own variants in a function of its own, called in its turn.
    let mut functions = Vec::new();
    let mut calls = Vec::new();
    for step in steps {
        match step {
            Step::Own(body) => {
                let function = format_ident!("__api_examples{}", functions.len());
                functions.push(quote! {
                    #[doc(hidden)]
                    #[inline]
                    fn #function(__examples: &mut #private::Examples<Self>) { #body }
                });
                calls.push(quote!(Self::#function(__examples);));
            }
            Step::Wrapped(tokens) => calls.push(tokens),
        }
    }
    let method = quote!(#private::docs_only! { #signature { #(#calls)* } });
    let items = quote! {
        #private::docs_only! {
            #[automatically_derived]
            #header {
                #(#functions)*
            }
        }
    };
    (method, items)
}

/// One step of `collect_examples`.
enum Step {
    /// The statements that push the examples of a run of the type's own variants.
    Own(TokenStream),
    /// The loop that adds a wrapped type's examples.
    Wrapped(TokenStream),
}

/// The examples of a run of the type's own variants: most as source text (see
/// [`source`](crate::source)), grouped by the flag that guards them, so that each group is one
/// `if` and one `extend`; those with a declared example or a borrowed field as statements of
/// their own.
#[derive(Default)]
struct Run {
    /// The flag of each group (`None`: pushed unguarded), in the order first met, and the
    /// values of its variants, each followed by a comma.
    groups: Vec<(Option<String>, String)>,
    statements: Vec<TokenStream>,
    /// How many variants the run has.
    count: usize,
}

impl Run {
    /// The statements that push the examples of the run, declaring the probes they use, as a
    /// step; nothing for an empty run. Grouped by the flags that guard them, the examples are
    /// put back in declaration order by the trait's `examples()`.
    fn finish(&mut self, probes: &mut Probes, private: &TokenStream) -> Option<Step> {
        if self.count == 0 {
            return None;
        }
        let declarations = probes.declarations(private);
        let pushes = self.take(private);
        Some(Step::Own(quote! {
            #[allow(unused_imports)]
            use #private::{ViaExample as _, WithoutExample as _};
            #(#declarations)*
            #(#pushes)*
        }))
    }

    fn statement(&mut self, tokens: TokenStream) {
        self.statements.push(tokens);
        self.count += 1;
    }

    /// The group guarded by `flag`, to which a variant's value is written.
    fn group(&mut self, flag: Option<String>) -> &mut String {
        self.count += 1;
        let at = match self.groups.iter().position(|(known, _)| *known == flag) {
            Some(at) => at,
            None => {
                self.groups.push((flag, String::new()));
                self.groups.len() - 1
            }
        };
        &mut self.groups[at].1
    }

    /// The run's statements: one for each group, then the others.
    fn take(&mut self, private: &TokenStream) -> Vec<TokenStream> {
        self.count = 0;
        let mut pushes: Vec<TokenStream> = self
            .groups
            .drain(..)
            .map(|(flag, values)| {
                let extend = format!("{private}::extend(__examples, [{values}]);");
                let text = match flag {
                    Some(flag) => format!("if {flag} {{ {extend} }}"),
                    None => extend,
                };
                crate::source::tokens(&text)
            })
            .collect();
        pushes.append(&mut self.statements);
        pushes
    }
}

/// One probe per field type: whether it has an example, and the function that makes one.
#[derive(Default)]
struct Probes {
    /// The types, in the order they were first met, by their tokens.
    types: Vec<syn::Type>,
    index: HashMap<String, usize>,
    /// The types used since the last declarations, in the order first used.
    used: Vec<usize>,
    /// The sets of two or more types whose flags guard a variant since the last declarations;
    /// each is one `__api_ok{index}` flag, so a variant tests one flag.
    guards: Vec<Vec<usize>>,
    /// Whether a variant since the last declarations pushes through `__api_push`: one with a
    /// declared example or a borrowed field.
    pushes: bool,
}

impl Probes {
    /// The index of `ty`'s probe, whose flag and function are `__api_has{index}` and
    /// `__api_example{index}`, added to the probes whose flags guard the variant (`guards`).
    fn of(&mut self, ty: &syn::Type, guards: &mut Vec<usize>) -> usize {
        // A plain name is its own key; other types are known by their tokens as text, which
        // takes the derive much longer to write.
        let name = match ty {
            syn::Type::Path(path) if path.qself.is_none() => path.path.get_ident(),
            _ => None,
        };
        let key = name.map_or_else(|| quote!(#ty).to_string(), ToString::to_string);
        let next = self.types.len();
        let index = *self.index.entry(key).or_insert(next);
        if index == next {
            self.types.push(ty.clone());
        }
        if !self.used.contains(&index) {
            self.used.push(index);
        }
        if !guards.contains(&index) {
            guards.push(index);
        }
        index
    }

    /// The flag that says whether all the types of `set` (probe indices, none repeated) have
    /// an example: `if {flag} { .. }` guards a variant's example; `None` for no types.
    fn guard(&mut self, set: &[usize]) -> Option<String> {
        match set {
            [] => None,
            [index] => Some(format!("__api_has{index}")),
            _ => {
                let mut set = set.to_vec();
                set.sort_unstable();
                let at = match self.guards.iter().position(|known| *known == set) {
                    Some(at) => at,
                    None => {
                        self.guards.push(set);
                        self.guards.len() - 1
                    }
                };
                Some(format!("__api_ok{at}"))
            }
        }
    }

    /// The statements that declare the probes, flags and push function used since the last
    /// call.
    fn declarations(&mut self, private: &TokenStream) -> Vec<TokenStream> {
        let mut declarations: Vec<TokenStream> = self
            .used
            .drain(..)
            .map(|index| {
                let (has, example) = probe(index);
                let ty = &self.types[index];
                // A function pointer, not a closure: calling it takes no closure-kind
                // inference or call-trait lookup at each of its uses.
                quote! {
                    let (#has, #example): #private::ExampleFn<#ty> =
                        (&#private::Probe::<#ty>::new()).example_fn();
                }
            })
            .collect();
        let mut text = String::new();
        for (at, set) in self.guards.drain(..).enumerate() {
            let _ = write!(text, "let __api_ok{at} = ");
            for (position, index) in set.iter().enumerate() {
                let and = if position == 0 { "" } else { " && " };
                let _ = write!(text, "{and}__api_has{index}");
            }
            text.push(';');
        }
        if !text.is_empty() {
            declarations.push(crate::source::tokens(&text));
        }
        // A typed function pointer: a call through it takes no method lookup.
        if std::mem::take(&mut self.pushes) {
            declarations.push(quote! {
                let __api_push: fn(&mut #private::Examples<Self>, Self) = #private::push;
            });
        }
        declarations
    }
}

/// The names of a probe's flag and function.
fn probe(index: usize) -> (syn::Ident, syn::Ident) {
    (
        format_ident!("__api_has{}", index),
        format_ident!("__api_example{}", index),
    )
}

/// The example value of a variant of the type's own: pushed when the types of all its fields
/// without a declared example have one, which their probes' flags say.
fn own_examples(error: &Resolved<'_>, probes: &mut Probes, run: &mut Run, private: &TokenStream) {
    let variant = error.variant;
    let plain = variant
        .fields
        .iter()
        .all(|field| field.example.is_none() && !generics::mentions_lifetime(&field.ty));
    if plain {
        plain_example(variant, probes, run);
        return;
    }
    probes.pushes = true;
    let path = path(variant);
    let mut guards: Vec<usize> = Vec::new();
    // A reference's lifetime cannot be chosen here, so a field that borrows has no example and
    // its variant none either; the rest of the variant's example is still checked.
    let mut borrowed = Vec::new();
    let inits: Vec<TokenStream> = variant
        .fields
        .iter()
        .enumerate()
        .map(|(index, field)| {
            let member = &field.member;
            match &field.example {
                // Located at the expression, so a value of the wrong type is reported there.
                Some(example) => located(quote!(#member: #example), crate::spans::expr(example)),
                None if generics::mentions_lifetime(&field.ty) => {
                    let binding = binding(index);
                    borrowed.push(binding.clone());
                    quote!(#member: #binding)
                }
                None => {
                    let (_, example) = probe(probes.of(&field.ty, &mut guards));
                    let name = example_name(variant, field);
                    quote!(#member: #example(#name))
                }
            }
        })
        .collect();
    let mut push = quote!(__api_push(__examples, #path { #(#inits),* }););
    if let Some(flag) = probes.guard(&guards) {
        let flag = syn::Ident::new(&flag, proc_macro2::Span::call_site());
        push = quote!(if #flag { #push });
    }
    run.statement(borrowed.iter().rev().fold(
        push,
        |inner, binding| quote!(if let #private::Some(#binding) = #private::None { #inner }),
    ));
}

/// The example of a variant whose fields all take their type's example, as source text in the
/// group of the flag that guards it, in the variant's own form, which rustc checks faster than
/// a struct expression: `Type::A,`, `Type::B(__api_example0("b"), ..),` or
/// `Type::C { id: __api_example0("id"), .. },`.
fn plain_example(variant: &Variant, probes: &mut Probes, run: &mut Run) {
    let mut guards: Vec<usize> = Vec::new();
    let mut inits = String::new();
    for field in &variant.fields {
        let index = probes.of(&field.ty, &mut guards);
        // Names come from identifiers, which need no escaping in a string literal.
        let name = example_name(variant, field);
        let _ = match &field.member {
            syn::Member::Named(member) => {
                write!(inits, "{member}: __api_example{index}(\"{name}\"),")
            }
            syn::Member::Unnamed(_) => write!(inits, "__api_example{index}(\"{name}\"),"),
        };
    }
    let group = run.group(probes.guard(&guards));
    let path = path_text(variant);
    let _ = match variant.style {
        Style::Unit => write!(group, "{path},"),
        Style::Tuple => write!(group, "{path}({inits}),"),
        Style::Struct => write!(group, "{path} {{ {inits} }},"),
    };
}

/// The name a field's example is made for: its own, or for a tuple variant's fields the
/// variant's name in `snake_case`.
fn example_name(variant: &Variant, field: &Field) -> String {
    match &field.member {
        syn::Member::Named(ident) => ident.unraw().to_string(),
        syn::Member::Unnamed(_) => Case::Snake.apply(&variant.ident.to_string()),
    }
}
