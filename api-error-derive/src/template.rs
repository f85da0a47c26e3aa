//! Attributes of a variant (`#[api(attr(name = value))]`): the enum's defaults merged with the
//! variant's own, and string values filled in from `{code}`, `{status}` and `{name}`, each
//! optionally in a case (`{code:kebab-case}`).

use darling::FromMeta;
use darling::error::Accumulator;

use crate::attr::{AttrDecl, AttrLit, error_at};
use crate::case::Case;
use crate::code::CodeValue;

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
fn fill(template: &str, facts: &Facts<'_>, attr: &str) -> Result<String, String> {
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

fn placeholder_value(placeholder: &str, facts: &Facts<'_>, attr: &str) -> Result<String, String> {
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

    fn filled(template: &str) -> Result<String, String> {
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
