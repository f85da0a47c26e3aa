//! Matches over many variants, split into a chain of functions.
//!
//! rustc's checks of a `match` grow with the square of its arms: whether each arm is
//! reachable is found by comparing it with the others, and the borrow checker's work on the
//! match's blocks grows the same way. A catalog of thousands of variants would make that the
//! largest part of what the derive costs, so a match of more than [`ARMS`] arms is written as
//! a chain: each function matches a run of arms and hands every other variant to the next
//! with `_ => Self::__api_{method}{n}(self, ..)`. Enums of up to [`ARMS`] variants get one
//! match, as before; a variant of a longer one is found after at most one call per run.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// How many arms one function of a chain holds, at least.
pub const ARMS: usize = 128;

/// How many arms one function of a chain of `count` holds: [`ARMS`], or more for a very long
/// match. Each function of a chain also works out which variants its arms leave to the `_`,
/// in time that grows with the number of variants, so the best run grows with the square
/// root of their number (on a model of 3,750 variants, 214 arms a run took 13 M instructions
/// fewer than 128 or 300).
pub fn run_length(count: usize) -> usize {
    ARMS.max(count.isqrt() * 7 / 2)
}

/// A method whose match may be split: what its continuations are named after and declared
/// with.
pub struct Method {
    /// The method's name; continuation `n` is `__api_{name}{n}`.
    pub name: &'static str,
    /// A continuation's signature after its name: generics, parameters (`&self` first) and
    /// return type.
    pub signature: TokenStream,
    /// The arguments a continuation is called with after `self`.
    pub args: TokenStream,
}

impl Method {
    /// The method itself, `fn {name}{signature} { body }`, whose match `body` is.
    pub fn define(&self, body: TokenStream) -> TokenStream {
        let name = format_ident!("{}", self.name);
        let signature = &self.signature;
        quote!(fn #name #signature { #body })
    }

    /// A method taking no arguments after `&self` (`signature` from its parameters on).
    pub fn new(name: &'static str, signature: TokenStream) -> Self {
        Method {
            name,
            signature,
            args: TokenStream::new(),
        }
    }
}

/// The continuations of the type's split matches, written together in an inherent `impl`.
#[derive(Default)]
pub struct Chains {
    items: Vec<TokenStream>,
}

impl Chains {
    /// `match self { arms.. nested.. _ => rest }` for `method`, its own `arms` split into a
    /// chain when there are more than [`ARMS`]. `rest` is what a variant without an arm gives,
    /// and must be right for any variant: a chain's last function needs it for the variants
    /// of the functions before it, which never get there. `complete` says that every variant
    /// has an arm, so that one match needs no `_`. The arms of transparent variants, `nested`,
    /// stay in the method itself, since they may `return` from it.
    pub fn arms(
        &mut self,
        method: &Method,
        arms: &[TokenStream],
        nested: &[TokenStream],
        rest: TokenStream,
        complete: bool,
    ) -> TokenStream {
        let runs = arms
            .chunks(run_length(arms.len()))
            .map(|run| quote!(#(#run,)*))
            .collect();
        self.runs(method, runs, nested, rest, complete)
    }

    /// [`arms`](Self::arms) with the arms already in runs of [`run_length`], each arm followed
    /// by a comma.
    pub fn runs(
        &mut self,
        method: &Method,
        runs: Vec<TokenStream>,
        nested: &[TokenStream],
        rest: TokenStream,
        complete: bool,
    ) -> TokenStream {
        let mut runs = runs.into_iter();
        let first = runs.next().unwrap_or_default();
        if runs.len() == 0 {
            let rest = (!complete).then(|| quote!(_ => #rest,));
            return quote!(match self { #first #(#nested,)* #rest });
        }
        let args = &method.args;
        let signature = &method.signature;
        let function = |index: usize| format_ident!("__api_{}{}", method.name, index);
        let last = runs.len();
        for (index, run) in (1..).zip(runs) {
            let name = function(index);
            let other = if index < last {
                let next = function(index + 1);
                quote!(Self::#next(self, #args))
            } else {
                rest.clone()
            };
            self.items.push(quote! {
                #[doc(hidden)]
                fn #name #signature {
                    match self {
                        #run
                        _ => #other,
                    }
                }
            });
        }
        let next = function(1);
        quote!(match self { #first #(#nested,)* _ => Self::#next(self, #args), })
    }

    /// The continuations, in an inherent `impl` under `header`; nothing when no match was split.
    pub fn items(self, header: &TokenStream) -> TokenStream {
        if self.items.is_empty() {
            return TokenStream::new();
        }
        let items = self.items;
        quote! {
            #[automatically_derived]
            #header {
                #(#items)*
            }
        }
    }
}
