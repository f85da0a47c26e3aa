//! Attributes of a variant (`#[api(attr(name = value))]`): the enum's defaults merged with the
//! variant's own, and string values filled in from `{code}`, `{status}` and `{name}`, each
//! optionally in a case (`{code:kebab-case}`).

use darling::error::Accumulator;
use darling::{Error, FromMeta, Result};
use syn::{Expr, ExprLit, Lit, LitStr, Meta, Token};

use crate::attr::{error_at, ungrouped};
use crate::case::Case;
use crate::code::CodeValue;

/// `attr(doc_url = "https://docs.example.com/{code}")`: one attribute, its value unchecked
/// for templates until the variant's code, status and name are known.
#[derive(Clone, Debug)]
pub struct AttrDecl {
    pub name: syn::Ident,
    pub value: AttrLit,
}

/// An attribute's value as written.
#[derive(Clone, Debug)]
pub enum AttrLit {
    Str(LitStr),
    Int(i64),
    Bool(bool),
}

/// `attr(name = "text" | 12 | -3 | true, ...)`.
pub fn attr_decls(meta: &Meta) -> Result<Vec<AttrDecl>> {
    let usage = || {
        Error::custom(
            "`attr` takes named values: `attr(doc_url = \"https://...\", retries = 3, client = true)`",
        )
        .with_span(meta)
    };
    let Meta::List(list) = meta else {
        return Err(usage());
    };
    // `name = value` pairs, whose names may be keywords: `attr(type = "card_error")`.
    let pairs = list
        .parse_args_with(|input: syn::parse::ParseStream<'_>| {
            let mut pairs = Vec::new();
            while !input.is_empty() {
                let name = input.call(syn::ext::IdentExt::parse_any)?;
                input.parse::<Token![=]>()?;
                let value: Expr = input.parse()?;
                pairs.push((name, value));
                if !input.is_empty() {
                    input.parse::<Token![,]>()?;
                }
            }
            Ok(pairs)
        })
        .map_err(|_| usage())?;
    if pairs.is_empty() {
        return Err(usage());
    }
    pairs
        .iter()
        .map(|(name, value)| {
            let value = match ungrouped(value) {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(text),
                    ..
                }) => AttrLit::Str(text.clone()),
                Expr::Lit(ExprLit {
                    lit: Lit::Bool(flag),
                    ..
                }) => AttrLit::Bool(flag.value),
                Expr::Lit(ExprLit {
                    lit: Lit::Int(int), ..
                }) => AttrLit::Int(int.base10_parse::<i64>().map_err(|_| {
                    Error::custom("the attribute does not fit in an i64").with_span(int)
                })?),
                Expr::Unary(syn::ExprUnary {
                    op: syn::UnOp::Neg(_),
                    expr,
                    ..
                }) => match ungrouped(expr) {
                    Expr::Lit(ExprLit {
                        lit: Lit::Int(int), ..
                    }) => {
                        AttrLit::Int(format!("-{}", int.base10_digits()).parse::<i64>().map_err(
                            |_| {
                                Error::custom("the attribute does not fit in an i64").with_span(int)
                            },
                        )?)
                    }
                    other => return Err(attr_value_error(name, other)),
                },
                other => return Err(attr_value_error(name, other)),
            };
            Ok(AttrDecl {
                name: name.clone(),
                value,
            })
        })
        .collect()
}

fn attr_value_error(name: &syn::Ident, value: &Expr) -> Error {
    Error::custom(format!(
        "attribute `{name}` expects a string, an integer or a boolean literal"
    ))
    .with_span(value)
}

/// An attribute's value, templates filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttrOut {
    Str(String),
    Int(i64),
    Bool(bool),
}

/// What a template can name.
pub struct Facts<'a> {
    pub code: &'a CodeValue,
    pub status: u16,
    pub name: &'a str,
}

/// The variant's attributes: the enum's, in order, each replaced by the variant's own of the
/// same name, then the variant's others. A bad template of the variant's own is reported here;
/// one of the enum's, by [`check`], once.
pub fn attrs(
    defaults: &[AttrDecl],
    own: &[AttrDecl],
    facts: &Facts<'_>,
    errors: &mut Accumulator,
) -> Vec<(String, AttrOut)> {
    let inherited =
        defaults.iter().map(
            |decl| match own.iter().find(|other| other.name == decl.name) {
                Some(other) => (other, true),
                None => (decl, false),
            },
        );
    let added = own
        .iter()
        .filter(|decl| !defaults.iter().any(|default| default.name == decl.name))
        .map(|decl| (decl, true));
    inherited
        .chain(added)
        .filter_map(|(decl, is_own)| {
            let value = match &decl.value {
                AttrLit::Str(text) => {
                    let filled = fill(&text.value(), facts, &decl.name.to_string());
                    AttrOut::Str(match filled {
                        Ok(text) => text,
                        Err(message) if is_own => {
                            errors.push(error_at(text.span(), message));
                            return None;
                        }
                        Err(_) => return None,
                    })
                }
                AttrLit::Int(number) => AttrOut::Int(*number),
                AttrLit::Bool(flag) => AttrOut::Bool(*flag),
            };
            Some((decl.name.to_string(), value))
        })
        .collect()
}

/// Checks the placeholders of every string attribute, for the enum's defaults, which are
/// filled in per variant (and would otherwise report one error per variant).
pub fn check(decls: &[AttrDecl], errors: &mut Accumulator) {
    let code = CodeValue::Str("CODE".to_owned());
    let facts = Facts {
        code: &code,
        status: 500,
        name: "Name",
    };
    for decl in decls {
        if let AttrLit::Str(text) = &decl.value
            && let Err(message) = fill(&text.value(), &facts, &decl.name.to_string())
        {
            errors.push(error_at(text.span(), message));
        }
    }
}

/// `template` with its placeholders filled in.
fn fill(template: &str, facts: &Facts<'_>, attr: &str) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        let (text, special) = rest.split_at(at);
        out.push_str(text);
        if let Some(tail) = special.strip_prefix("{{") {
            out.push('{');
            rest = tail;
        } else if let Some(tail) = special.strip_prefix("}}") {
            out.push('}');
            rest = tail;
        } else if special.starts_with('}') {
            return Err(format!(
                "unmatched `}}` in attribute `{attr}`; write `}}}}` for a literal brace"
            ));
        } else {
            let inner = special.get(1..).unwrap_or_default();
            let Some(close) = inner.find('}') else {
                return Err(format!(
                    "unclosed placeholder in attribute `{attr}`; close it with `}}` or write `{{{{` for a literal brace"
                ));
            };
            let (placeholder, tail) = inner.split_at(close);
            out.push_str(&placeholder_value(placeholder, facts, attr)?);
            rest = tail.get(1..).unwrap_or_default();
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn placeholder_value(
    placeholder: &str,
    facts: &Facts<'_>,
    attr: &str,
) -> std::result::Result<String, String> {
    let (what, case) = match placeholder.split_once(':') {
        Some((what, case)) => (what, Some(case)),
        None => (placeholder, None),
    };
    let text = match what {
        "code" => facts.code.to_string(),
        "status" => facts.status.to_string(),
        "name" => facts.name.to_owned(),
        _ => {
            return Err(format!(
                "unknown placeholder `{{{placeholder}}}` in attribute `{attr}`; an attribute can use `{{code}}`, `{{status}}` and `{{name}}`"
            ));
        }
    };
    match case {
        None => Ok(text),
        Some(case) => {
            let case = Case::from_string(case).map_err(|error| {
                format!("in `{{{placeholder}}}` of attribute `{attr}`: {error}")
            })?;
            Ok(case.apply(&text))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(template: &str) -> std::result::Result<String, String> {
        let code = CodeValue::Str("resource_missing".to_owned());
        let facts = Facts {
            code: &code,
            status: 404,
            name: "ResourceMissing",
        };
        fill(template, &facts, "doc_url")
    }

    #[test]
    fn placeholders_are_filled_in() {
        assert_eq!(
            filled("https://docs.example.com/{code:kebab-case}").unwrap(),
            "https://docs.example.com/resource-missing"
        );
        assert_eq!(
            filled("{status} {name} {code}").unwrap(),
            "404 ResourceMissing resource_missing"
        );
        assert_eq!(
            filled("{{literal}} {code:SCREAMING_SNAKE_CASE}").unwrap(),
            "{literal} RESOURCE_MISSING"
        );
        let int = CodeValue::Int(20404);
        let facts = Facts {
            code: &int,
            status: 404,
            name: "NotFound",
        };
        assert_eq!(
            fill(
                "https://www.twilio.com/docs/errors/{code}",
                &facts,
                "more_info"
            )
            .unwrap(),
            "https://www.twilio.com/docs/errors/20404"
        );
    }

    #[test]
    fn bad_templates_say_what_is_wrong() {
        assert_eq!(
            filled("{kode}").unwrap_err(),
            "unknown placeholder `{kode}` in attribute `doc_url`; an attribute can use `{code}`, `{status}` and `{name}`"
        );
        assert!(
            filled("{code")
                .unwrap_err()
                .starts_with("unclosed placeholder")
        );
        assert!(filled("a}b").unwrap_err().starts_with("unmatched `}`"));
        assert!(
            filled("{code:Kebab}")
                .unwrap_err()
                .starts_with("in `{code:Kebab}` of attribute `doc_url`: unknown code case `Kebab`")
        );
    }
}
