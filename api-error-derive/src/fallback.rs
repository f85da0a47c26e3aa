//! What is emitted beside the errors when the input is wrong: an impl with the right
//! signature, so that the only messages the user sees are the ones about the input.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;

pub fn expand(input: &Input) -> TokenStream {
    let krate = input.krate();
    let ident = &input.ident;
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        const _: () = {
            use #krate::__private as __api;

            #[automatically_derived]
            impl #impl_generics __api::ApiError for #ident #ty_generics #where_clause {
                const CATALOG: __api::Catalog = __api::Catalog::from_parts(#name, &[], &[]);

                fn descriptor(&self) -> &'static __api::Descriptor {
                    ::core::unreachable!()
                }

                fn write_message<W: __api::FmtWrite + ?::core::marker::Sized>(
                    &self,
                    _: &mut W,
                ) -> __api::FmtResult {
                    ::core::unreachable!()
                }
            }
        };
    }
}
