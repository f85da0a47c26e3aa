//! The input as syn's `DeriveInput`, read straight from the tokens when it is an enum of the
//! common form: outer attributes that are a name, a name with a delimited list, or
//! `name = literal`; no generics; unit, tuple and struct variants without discriminants; field
//! types that are paths with type arguments (any other field type is parsed by syn alone).
//! Any other input is left to syn's parser, which also reports every error: `None` here means
//! "not this form", never "invalid".
//!
//! syn's parser is general and, in a proc macro built without optimizations, costs about two
//! hundred thousand instructions a variant of a big catalog; this reader produces the same
//! syntax tree (the tests compare both on many inputs) for half of that.

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::token;
use syn::{
    AngleBracketedGenericArguments, AttrStyle, Attribute, Data, DataEnum, DeriveInput, Field,
    FieldModifiers, Fields, FieldsNamed, FieldsUnnamed, GenericArgument, Generics, Meta,
    MetaNameValue, Path, PathArguments, PathSegment, Type, TypePath, Variant, Visibility,
};

use crate::meta;

/// The input as the derive reads it: by this reader when it is of the common form, by syn's
/// parser otherwise.
pub fn read(tokens: TokenStream) -> syn::Result<DeriveInput> {
    match derive_input(tokens.clone()) {
        Some(input) => Ok(input),
        None => syn::parse2(tokens),
    }
}

/// The input, when it is an enum of the common form.
pub fn derive_input(tokens: TokenStream) -> Option<DeriveInput> {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut at = 0;
    let attrs = attributes(&tokens, &mut at)?;
    let vis = match tokens.get(at) {
        Some(TokenTree::Ident(ident)) if ident == "pub" => {
            at += 1;
            Visibility::Public(token::Pub(ident.span()))
        }
        _ => Visibility::Inherited,
    };
    let enum_token = match tokens.get(at) {
        Some(TokenTree::Ident(ident)) if ident == "enum" => token::Enum(ident.span()),
        _ => return None,
    };
    let ident = plain_ident(tokens.get(at + 1)?)?;
    let body = match tokens.get(at + 2) {
        Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => group,
        _ => return None,
    };
    if tokens.len() != at + 3 {
        return None;
    }
    Some(DeriveInput {
        attrs,
        vis,
        ident,
        generics: Generics::default(),
        data: Data::Enum(DataEnum {
            enum_token,
            brace_token: token::Brace(body.delim_span()),
            variants: variants(body)?,
        }),
    })
}

/// The variants of the enum's body, with their commas.
fn variants(body: &Group) -> Option<Punctuated<Variant, token::Comma>> {
    let tokens: Vec<TokenTree> = body.stream().into_iter().collect();
    let mut variants = Punctuated::new();
    let mut at = 0;
    while at < tokens.len() {
        let attrs = attributes(&tokens, &mut at)?;
        let ident = plain_ident(tokens.get(at)?)?;
        at += 1;
        let fields = match tokens.get(at) {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
                at += 1;
                Fields::Unnamed(FieldsUnnamed {
                    paren_token: token::Paren(group.delim_span()),
                    unnamed: fields(group, false)?,
                })
            }
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => {
                at += 1;
                Fields::Named(FieldsNamed {
                    brace_token: token::Brace(group.delim_span()),
                    named: fields(group, true)?,
                })
            }
            _ => Fields::Unit,
        };
        variants.push_value(Variant {
            attrs,
            ident,
            fields,
            discriminant: None,
        });
        match tokens.get(at) {
            None => {}
            Some(TokenTree::Punct(punct)) if punct.as_char() == ',' => {
                variants.push_punct(token::Comma(punct.span()));
                at += 1;
            }
            _ => return None,
        }
    }
    Some(variants)
}

/// The fields of a tuple (`named` false) or struct variant, with their commas.
fn fields(group: &Group, named: bool) -> Option<Punctuated<Field, token::Comma>> {
    let tokens: Vec<TokenTree> = group.stream().into_iter().collect();
    let mut fields = Punctuated::new();
    let mut at = 0;
    while at < tokens.len() {
        let attrs = attributes(&tokens, &mut at)?;
        let (ident, colon_token) = if named {
            let ident = plain_ident(tokens.get(at)?)?;
            let colon = match tokens.get(at + 1) {
                Some(TokenTree::Punct(punct))
                    if punct.as_char() == ':' && punct.spacing() == Spacing::Alone =>
                {
                    token::Colon(punct.span())
                }
                _ => return None,
            };
            at += 2;
            (Some(ident), Some(colon))
        } else {
            (None, None)
        };
        // The type runs to the next comma outside angle brackets.
        let start = at;
        let mut depth = 0usize;
        while let Some(tree) = tokens.get(at) {
            if let TokenTree::Punct(punct) = tree {
                match punct.as_char() {
                    '<' => depth += 1,
                    '>' => depth = depth.checked_sub(1)?,
                    ',' if depth == 0 => break,
                    // The `>` of `->` closes no bracket: such types are left to syn.
                    '-' => return None,
                    _ => {}
                }
            }
            at += 1;
        }
        let ty = ty(&tokens[start..at])?;
        fields.push_value(Field {
            attrs,
            vis: Visibility::Inherited,
            modifiers: FieldModifiers::default(),
            ident,
            colon_token,
            ty,
            default: None,
        });
        if let Some(TokenTree::Punct(comma)) = tokens.get(at) {
            fields.push_punct(token::Comma(comma.span()));
            at += 1;
        }
    }
    Some(fields)
}

/// A field's type: read here when it is a path with type arguments, otherwise by syn.
fn ty(tokens: &[TokenTree]) -> Option<Type> {
    if tokens.is_empty() {
        return None;
    }
    let mut at = 0;
    match path_type(tokens, &mut at) {
        Some(ty) if at == tokens.len() => Some(ty),
        _ => syn::parse2(tokens.iter().cloned().collect()).ok(),
    }
}

/// `a::b::C<T, U>` from `at`, each segment's arguments types of the same form.
fn path_type(tokens: &[TokenTree], at: &mut usize) -> Option<Type> {
    let mut segments = Punctuated::new();
    loop {
        let ident = plain_ident(tokens.get(*at)?)?;
        *at += 1;
        let arguments = match tokens.get(*at) {
            Some(TokenTree::Punct(lt)) if lt.as_char() == '<' => {
                *at += 1;
                let mut args = Punctuated::new();
                loop {
                    args.push_value(GenericArgument::Type(path_type(tokens, at)?));
                    match tokens.get(*at) {
                        Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => {
                            args.push_punct(token::Comma(comma.span()));
                            *at += 1;
                        }
                        _ => break,
                    }
                }
                let gt = match tokens.get(*at) {
                    Some(TokenTree::Punct(gt)) if gt.as_char() == '>' => gt,
                    _ => return None,
                };
                *at += 1;
                PathArguments::AngleBracketed(AngleBracketedGenericArguments {
                    colon2_token: None,
                    lt_token: token::Lt(lt.span()),
                    args,
                    gt_token: token::Gt(gt.span()),
                })
            }
            _ => PathArguments::None,
        };
        segments.push_value(PathSegment { ident, arguments });
        match path_separator(tokens, *at) {
            Some(separator) => {
                segments.push_punct(separator);
                *at += 2;
            }
            None => break,
        }
    }
    Some(Type::Path(TypePath {
        attrs: Vec::new(),
        qself: None,
        path: Path {
            leading_colon: None,
            segments,
        },
    }))
}

/// `::` at `at`.
fn path_separator(tokens: &[TokenTree], at: usize) -> Option<token::PathSep> {
    match (tokens.get(at), tokens.get(at + 1)) {
        (Some(TokenTree::Punct(first)), Some(TokenTree::Punct(second)))
            if first.as_char() == ':'
                && first.spacing() == Spacing::Joint
                && second.as_char() == ':' =>
        {
            Some(token::PathSep([first.span(), second.span()]))
        }
        _ => None,
    }
}

/// The outer attributes from `at`, each `#[name]`, `#[name(..)]` (or `[..]`, `{..}`) or
/// `#[name = literal]`.
fn attributes(tokens: &[TokenTree], at: &mut usize) -> Option<Vec<Attribute>> {
    let mut attrs = Vec::new();
    while let Some(TokenTree::Punct(pound)) = tokens.get(*at) {
        if pound.as_char() != '#' {
            break;
        }
        let bracket = match tokens.get(*at + 1) {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Bracket => group,
            _ => return None,
        };
        attrs.push(Attribute {
            pound_token: token::Pound(pound.span()),
            style: AttrStyle::Outer,
            bracket_token: token::Bracket(bracket.delim_span()),
            meta: meta(bracket)?,
        });
        *at += 2;
    }
    Some(attrs)
}

/// What an attribute's brackets hold.
fn meta(bracket: &Group) -> Option<Meta> {
    let tokens: Vec<TokenTree> = bracket.stream().into_iter().collect();
    let TokenTree::Ident(name) = tokens.first()? else {
        return None;
    };
    // The name of an attribute may be a keyword, as syn reads it.
    let path = Path::from(name.clone());
    match &tokens[1..] {
        [] => Some(Meta::Path(path)),
        [TokenTree::Group(group)] if group.delimiter() != Delimiter::None => {
            Some(meta::list(path, group))
        }
        [TokenTree::Punct(eq), TokenTree::Literal(literal)] if is_eq(eq) => {
            Some(Meta::NameValue(MetaNameValue {
                path,
                eq_token: token::Eq(eq.span()),
                value: meta::literal_value(literal.clone()),
            }))
        }
        _ => None,
    }
}

fn is_eq(punct: &Punct) -> bool {
    punct.as_char() == '=' && punct.spacing() == Spacing::Alone
}

/// An identifier that is not a keyword (a raw one is fine): what syn reads as a name.
fn plain_ident(tree: &TokenTree) -> Option<Ident> {
    match tree {
        TokenTree::Ident(ident) if !is_keyword(&ident.to_string()) => Some(ident.clone()),
        _ => None,
    }
}

fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "_" | "abstract"
            | "as"
            | "async"
            | "await"
            | "become"
            | "box"
            | "break"
            | "const"
            | "continue"
            | "crate"
            | "do"
            | "dyn"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "final"
            | "fn"
            | "for"
            | "gen"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "macro"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "override"
            | "priv"
            | "pub"
            | "ref"
            | "return"
            | "self"
            | "Self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "try"
            | "type"
            | "typeof"
            | "union"
            | "unsafe"
            | "unsized"
            | "use"
            | "virtual"
            | "where"
            | "while"
            | "yield"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `source` both ways: this reader's tree, when it takes the input, is syn's.
    fn same_as_syn(source: &str) -> bool {
        let tokens: TokenStream = source.parse().expect("the test's source lexes");
        let syn_reading = syn::parse2::<DeriveInput>(tokens.clone());
        match derive_input(tokens) {
            Some(ours) => {
                assert_eq!(Ok(&ours), syn_reading.as_ref().map_err(|_| ()), "{source}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn reads_the_common_forms_as_syn_does() {
        let taken = [
            "enum E { A }",
            "pub enum E { A, }",
            "#[derive(Debug)] #[api(status = 404, code_case = \"snake_case\")] pub enum Error {
                /// Gone.
                /// Really.
                #[error(\"gone\")]
                #[api(status = GONE)]
                Gone,
                #[api(message = \"no pet {0}\")]
                NoPet(u64, String),
                NoOrder { id: String, #[api(details)] problems: Vec<String>, },
                Nested { a: std::collections::HashMap<String, Vec<Option<u32>>>, b: ::core::primitive::u8 },
                Refs(&'static str, [u8; 4], (u8, u16)),
                #[cfg_attr(feature = \"x\", api(internal))] Internal(Box<dyn std::error::Error + Send>),
                r#Type { r#type: Self },
            }",
            "enum E { #[doc = r\"raw\"] A(crate::Thing) }",
            "enum E { #[api[status = 404]] #[api{status = 404}] #[inline] A }",
            "enum E { A(Vec<Vec<u8>>), B(Result<u8, String>,) }",
        ];
        for source in taken {
            assert!(same_as_syn(source), "not taken: {source}");
        }
    }

    #[test]
    fn leaves_other_forms_to_syn() {
        let left = [
            "struct S;",
            "enum E<T> { A(T) }",
            "enum E where u8: Copy { A }",
            "pub(crate) enum E { A }",
            "enum E { A = 1 }",
            "enum E { #[a::b] A }",
            "enum E { #[a = -1] A }",
            "enum E { #![inner] A }",
            "enum E { A(fn(u8) -> u8) }",
            "enum E { A { pub x: u8 } }",
            "enum E { A B }",
            "enum E { fn }",
            "enum E { A(Vec<u8>>) }",
            "enum E { A } extra",
        ];
        for source in left {
            assert!(!same_as_syn(source), "taken: {source}");
        }
    }

    /// The benchmark's variant mix, generated, is read the way syn reads it.
    #[test]
    fn a_generated_catalog() {
        let mut source = String::from("#[api(envelope = \"face\")] pub enum E {");
        for index in 0..200 {
            source.push_str(&match index % 4 {
                0 => format!("/// Unit {index}.\n#[error(\"e\")] #[api(status = 404)] U{index},"),
                1 => format!("/// Tuple.\n#[api(message = \"t {{0}}\")] T{index}(String, u32),"),
                2 => format!("S{index} {{ id: String, shard: u32 }},"),
                _ => format!("D{index} {{ id: String, #[api(details)] problems: Vec<String> }},"),
            });
        }
        source.push('}');
        assert!(same_as_syn(&source));
    }
}
