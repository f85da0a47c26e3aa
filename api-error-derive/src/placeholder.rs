//! Message placeholders that name no field, reported at the placeholder inside the literal.
//!
//! A derive on stable Rust cannot make a span for part of a string literal, but rustc can:
//! `format_args!` points at the placeholder itself when its literal is the one in the source.
//! So for such a placeholder the derive emits a function that formats the user's literal,
//! unchanged, with each field the template names bound to a value that formats, and each
//! name that is no field bound to a value whose formatting needs a trait nothing implements.
//! That trait's `#[diagnostic::on_unimplemented]` message is the derive's own, so the error
//! reads as the derive wrote it and underlines the placeholder alone.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use crate::message::{FieldRef, Template};

/// The placeholders of one message that name no field, with what rustc needs to point at them.
pub struct MissingFields {
    literal: syn::LitStr,
    /// Names the template uses that are fields of the variant.
    present: Vec<syn::Ident>,
    /// Names that are not, each with its message.
    missing: Vec<(syn::Ident, String)>,
    /// How many positional arguments the template uses: `{0}` to `{n-1}`, each at least once.
    positional: usize,
}

impl MissingFields {
    /// An empty report for `template`, when rustc can point inside it: the template came from a
    /// string literal, its named placeholders are plain identifiers, and its positional ones
    /// are `{0}` to `{n-1}` without a gap (`format_args!` wants every argument used).
    pub fn for_template(template: &Template) -> Option<MissingFields> {
        let literal = template.literal.clone()?;
        // A raw identifier in a placeholder is not one `format_args!` captures.
        if template.source.contains("r#") {
            return None;
        }
        let mut positions = Vec::new();
        for placeholder in template.placeholders() {
            match &placeholder.field {
                FieldRef::Named(name) => {
                    syn::parse_str::<syn::Ident>(name).ok()?;
                }
                FieldRef::Index(index) => positions.push(*index),
            }
        }
        positions.sort_unstable();
        positions.dedup();
        if positions.iter().enumerate().any(|(at, &index)| at != index) {
            return None;
        }
        Some(MissingFields {
            literal,
            present: Vec::new(),
            missing: Vec::new(),
            positional: positions.len(),
        })
    }

    /// `name` is a field the template may use.
    pub fn present(&mut self, name: &str) {
        if let Some(ident) = self.ident(name)
            && !self.present.contains(&ident)
        {
            self.present.push(ident);
        }
    }

    /// `name` is no field of the variant; `message` says so.
    pub fn missing(&mut self, name: &str, message: String) {
        if let Some(ident) = self.ident(name)
            && self.missing.iter().all(|(known, _)| *known != ident)
        {
            self.missing.push((ident, message));
        }
    }

    /// The same problems as errors on the whole literal, for tests that collect messages.
    #[cfg(test)]
    pub fn errors(&self) -> impl Iterator<Item = darling::Error> + '_ {
        self.missing
            .iter()
            .map(|(_, message)| crate::attr::error_at(self.literal.span(), message))
    }

    fn ident(&self, name: &str) -> Option<syn::Ident> {
        let mut ident = syn::parse_str::<syn::Ident>(name).ok()?;
        // The literal's own context, which `format_args!` resolves captured names in.
        ident.set_span(self.literal.span());
        Some(ident)
    }

    /// The function that makes rustc report each missing name at its placeholder.
    pub fn expand(&self) -> TokenStream {
        let literal = &self.literal;
        let span = Span::call_site();
        let formats = [
            "Display", "Debug", "LowerHex", "UpperHex", "Octal", "Binary", "LowerExp", "UpperExp",
        ]
        .map(|name| syn::Ident::new(name, span));
        let present = &self.present;
        let positional = (0..self.positional).map(|_| quote!(__ApiAnyField));
        let missing = self.missing.iter().enumerate().map(|(index, (ident, message))| {
            let marker = format_ident!("__ApiNoField{}", index);
            let value = format_ident!("__ApiMissingField{}", index);
            // `on_unimplemented` reads its strings as format strings of its own.
            let message = message.replace('{', "{{").replace('}', "}}");
            quote! {
                #[diagnostic::on_unimplemented(message = #message, label = "not a field")]
                trait #marker {}
                // Implemented for something, so that rustc does not suggest implementing it.
                impl #marker for __ApiAnyField {}
                struct #value<T>(::core::marker::PhantomData<T>);
                #(
                    impl<T: #marker> ::core::fmt::#formats for #value<T> {
                        fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                            ::core::result::Result::Ok(())
                        }
                    }
                )*
                let #ident = #value::<()>(::core::marker::PhantomData);
            }
        });
        quote! {
            #[allow(dead_code, non_camel_case_types, non_snake_case, unused_variables)]
            const _: () = {
                struct __ApiAnyField;
                #(
                    impl ::core::fmt::#formats for __ApiAnyField {
                        fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                            ::core::result::Result::Ok(())
                        }
                    }
                )*
                fn __api_message_fields() {
                    #(let #present = __ApiAnyField;)*
                    #(#missing)*
                    let _ = ::core::format_args!(#literal #(, #positional)*);
                }
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(source: &str) -> Template {
        let literal = syn::LitStr::new(source, Span::call_site());
        Template {
            literal: Some(literal),
            ..Template::parse(source, Span::call_site()).unwrap()
        }
    }

    #[test]
    fn which_templates_rustc_can_point_into() {
        for located in [
            "{pet} in {shard:>4}",
            "{0} and {1:?} and {pet}",
            "{} {} {x}",
            "{{pet}} {pet}",
        ] {
            assert!(
                MissingFields::for_template(&template(located)).is_some(),
                "{located}"
            );
        }
        // A gap in the positions, a raw identifier, a keyword, or no literal at all.
        for apart in ["{1} {pet}", "{r#type}", "{self}", "{fn}"] {
            assert!(
                MissingFields::for_template(&template(apart)).is_none(),
                "{apart}"
            );
        }
        let parsed = Template::parse("{pet}", Span::call_site()).unwrap();
        assert!(MissingFields::for_template(&parsed).is_none());
    }

    #[test]
    fn binds_each_name_once_and_formats_the_literal_unchanged() {
        let mut missing =
            MissingFields::for_template(&template("{pet} {pet:?} {0} {shard}")).unwrap();
        assert_eq!(missing.errors().count(), 0);
        missing.present("shard");
        missing.present("shard");
        missing.missing(
            "pet",
            "message placeholder `{pet}` names no field".to_owned(),
        );
        missing.missing("pet", "again".to_owned());
        assert_eq!(missing.errors().count(), 1);
        let tokens = missing.expand().to_string();
        assert_eq!(
            tokens.matches("let shard = __ApiAnyField").count(),
            1,
            "{tokens}"
        );
        assert_eq!(tokens.matches("let pet =").count(), 1, "{tokens}");
        assert!(
            tokens.contains("message = \"message placeholder `{{pet}}` names no field\""),
            "{tokens}"
        );
        assert!(
            tokens.contains(
                ":: core :: format_args ! (\"{pet} {pet:?} {0} {shard}\" , __ApiAnyField)"
            ),
            "{tokens}"
        );
    }
}
