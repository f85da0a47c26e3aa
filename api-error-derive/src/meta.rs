//! The items of one `#[api(...)]` list, as syn's `Meta`s.
//!
//! Almost every item is `key`, `key = literal`, `key = NAME` or `key(...)`: those are read
//! straight from the tokens, which in a catalog of thousands of variants costs a fraction of
//! syn's expression parser. Any other list is parsed by syn whole, so what it accepts and the
//! errors it reports are syn's.

use proc_macro2::{Delimiter, Group, Ident, Literal, TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::token::{Brace, Bracket, Paren};
use syn::{Expr, ExprLit, ExprPath, Lit, LitBool, LitStr, MacroDelimiter, Meta, MetaList};
use syn::{MetaNameValue, Path, Token};

/// The items of the list, in order.
pub fn items(list: &MetaList) -> syn::Result<Vec<Meta>> {
    match simple_items(&list.tokens) {
        Some(items) => Ok(items),
        None => list
            .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
            .map(|items| items.into_iter().collect()),
    }
}

/// The value of a string literal: the text between its quotes when it has no escapes, as
/// nearly every one has none, otherwise syn's reading of it.
pub fn text(literal: &LitStr) -> String {
    let written = literal.token().to_string();
    match written
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    {
        Some(inner) if !inner.contains('\\') => inner.to_owned(),
        _ => literal.value(),
    }
}

/// The items when each is of a simple form; `None` when any is not.
fn simple_items(tokens: &TokenStream) -> Option<Vec<Meta>> {
    let mut items = Vec::new();
    let mut tokens = tokens.clone().into_iter().peekable();
    while let Some(tree) = tokens.next() {
        let TokenTree::Ident(key) = tree else {
            return None;
        };
        let path = Path::from(key);
        let item = match tokens.peek() {
            None => Meta::Path(path),
            Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => Meta::Path(path),
            Some(TokenTree::Punct(eq)) if eq.as_char() == '=' => {
                let eq_token = Token![=](eq.span());
                tokens.next();
                let value = match tokens.next()? {
                    TokenTree::Literal(literal) => literal_value(literal),
                    TokenTree::Ident(name) => simple_name(name)?,
                    _ => return None,
                };
                Meta::NameValue(MetaNameValue {
                    path,
                    eq_token,
                    value,
                })
            }
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
                let list = list(path, group);
                tokens.next();
                list
            }
            Some(_) => return None,
        };
        items.push(item);
        match tokens.next() {
            None => break,
            Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => {}
            Some(_) => return None,
        }
    }
    Some(items)
}

/// `path` followed by a delimited `group`, as syn reads a list (callers pass groups with
/// delimiters; an invisible one would read as parentheses).
pub fn list(path: Path, group: &Group) -> Meta {
    let span = group.delim_span();
    let delimiter = match group.delimiter() {
        Delimiter::Bracket => MacroDelimiter::Bracket(Bracket(span)),
        Delimiter::Brace => MacroDelimiter::Brace(Brace(span)),
        Delimiter::Parenthesis | Delimiter::None => MacroDelimiter::Paren(Paren(span)),
    };
    Meta::List(MetaList {
        path,
        delimiter,
        tokens: group.stream(),
    })
}

/// A literal as the value of `key = literal`, as syn reads it.
pub fn literal_value(literal: Literal) -> Expr {
    Expr::Lit(ExprLit {
        attrs: Vec::new(),
        lit: Lit::new(literal),
    })
}

/// A value that is one name: `true`, `false`, or a constant such as `NOT_FOUND`. Other names,
/// keywords among them, are left to syn.
fn simple_name(name: Ident) -> Option<Expr> {
    let text = name.to_string();
    if text == "true" || text == "false" {
        return Some(Expr::Lit(ExprLit {
            attrs: Vec::new(),
            lit: Lit::Bool(LitBool::new(text == "true", name.span())),
        }));
    }
    let constant = text
        .bytes()
        .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit() || byte == b'_');
    let starts_well = text
        .bytes()
        .next()
        .is_some_and(|byte| byte.is_ascii_uppercase());
    (constant && starts_well).then(|| {
        Expr::Path(ExprPath {
            attrs: Vec::new(),
            qself: None,
            path: Path::from(name),
        })
    })
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    /// syn's reading of the same list.
    fn by_syn(list: &str) -> syn::Result<Vec<Meta>> {
        let parser = Punctuated::<Meta, Token![,]>::parse_terminated;
        syn::parse::Parser::parse_str(parser, list).map(|items| items.into_iter().collect())
    }

    /// Each item's tokens and, for a `key = value`, which expression its value is.
    fn shape(items: &[Meta]) -> Vec<(String, &'static str)> {
        items
            .iter()
            .map(|item| {
                let kind = match item {
                    Meta::Path(_) => "path",
                    Meta::List(_) => "list",
                    Meta::NameValue(pair) => match &pair.value {
                        Expr::Lit(ExprLit {
                            lit: Lit::Str(_), ..
                        }) => "str",
                        Expr::Lit(ExprLit {
                            lit: Lit::Int(_), ..
                        }) => "int",
                        Expr::Lit(ExprLit {
                            lit: Lit::Bool(_), ..
                        }) => "bool",
                        Expr::Lit(_) => "literal",
                        Expr::Path(_) => "name",
                        _ => "expression",
                    },
                };
                (item.to_token_stream().to_string(), kind)
            })
            .collect()
    }

    #[test]
    fn simple_lists_read_as_syn_reads_them() {
        for list in [
            "",
            "expose",
            "expose,",
            "status = 404",
            "status = NOT_FOUND, message = \"no pet {id}\"",
            "code = \"E1\", status = 429, retryable, cause = \"a\", cause = \"b\",",
            "retryable = false, internal",
            "retryable = true",
            "retry_after = 30u64",
            "attr(doc_url = \"https://x\"), header(\"x-a\", \"b\")",
            "code = 3001, name = \"entity not found\", category = 'c'",
            "code = b\"raw\", message = r#\"raw \"quoted\"\"#",
        ] {
            let tokens: TokenStream = list.parse().unwrap();
            let simple = simple_items(&tokens).unwrap_or_else(|| panic!("{list}"));
            assert_eq!(shape(&simple), shape(&by_syn(list).unwrap()), "{list}");
        }
    }

    #[test]
    fn string_literals_read_as_syn_reads_them() {
        for written in [
            r#""""#,
            r#""plain text""#,
            r#""tab\tand \"quotes\"""#,
            r#""\u{1F600} \\ end""#,
            r#"r"raw \n""#,
            r##"r#"raw "quoted""#"##,
            r#""suffixed"x"#,
            "\"multi\nline\"",
        ] {
            let literal: LitStr = syn::parse_str(written).unwrap();
            assert_eq!(text(&literal), literal.value(), "{written}");
        }
    }

    #[test]
    fn other_lists_are_left_to_syn() {
        for list in [
            "crate = ::my_core",
            "crate = my_core",
            "status = -1",
            "envelope = envelopes::FACE",
            "status = if",
            "a == 1",
            "a => 1",
            "a,, b",
            "a = 1 b",
            "a b",
            "a[1]",
            "a{}",
            "\"text\"",
            "a = (1)",
            "status = 4 + 4",
        ] {
            let tokens: TokenStream = list.parse().unwrap();
            assert!(simple_items(&tokens).is_none(), "{list}");
        }
    }
}
