//! Code values as written in `#[api(code = ...)]`.

use std::fmt;

use darling::{Error, FromMeta, Result};
use syn::{Expr, ExprLit, ExprUnary, Lit, UnOp, spanned::Spanned};

/// A code: a non-empty string without white space, or an integer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CodeValue {
    Str(String),
    Int(i64),
}

impl CodeValue {
    pub fn kind(&self) -> &'static str {
        match self {
            CodeValue::Str(_) => "string",
            CodeValue::Int(_) => "integer",
        }
    }

    /// Whether a string code is fit to be one: the rules every string code obeys.
    pub fn check_text(text: &str) -> std::result::Result<(), String> {
        if text.is_empty() {
            return Err("code is empty; a code needs at least one character".into());
        }
        if let Some(bad) = text.chars().find(|c| c.is_whitespace() || c.is_control()) {
            return Err(format!(
                "code `{}` contains {}; codes are single tokens such as `NOT_FOUND`",
                text.escape_debug(),
                if bad.is_whitespace() {
                    "white space"
                } else {
                    "a control character"
                }
            ));
        }
        Ok(())
    }
}

impl fmt::Display for CodeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeValue::Str(text) => f.write_str(text),
            CodeValue::Int(value) => write!(f, "{value}"),
        }
    }
}

impl FromMeta for CodeValue {
    fn from_expr(expr: &Expr) -> Result<Self> {
        match expr {
            // code = "NOT_FOUND"
            Expr::Lit(ExprLit {
                lit: Lit::Str(text),
                ..
            }) => {
                let value = crate::meta::text(text);
                CodeValue::check_text(&value)
                    .map(|()| CodeValue::Str(value))
                    .map_err(|message| Error::custom(message).with_span(text))
            }
            // code = 3001
            Expr::Lit(ExprLit {
                lit: Lit::Int(int), ..
            }) => int
                .base10_parse::<i64>()
                .map(CodeValue::Int)
                .map_err(|_| Error::custom("integer code does not fit in an i64").with_span(int)),
            // code = -1
            Expr::Unary(ExprUnary {
                op: UnOp::Neg(_),
                expr: inner,
                ..
            }) => match CodeValue::from_expr(inner)? {
                CodeValue::Int(value) => Ok(CodeValue::Int(-value)),
                CodeValue::Str(_) => Err(expected_code(expr)),
            },
            _ => Err(expected_code(expr)),
        }
    }
}

fn expected_code(expr: &Expr) -> Error {
    Error::custom("expected a code: a string such as \"NOT_FOUND\" or an integer such as 3001")
        .with_span(&expr.span())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(tokens: &str) -> Result<CodeValue> {
        CodeValue::from_expr(&syn::parse_str(tokens).unwrap())
    }

    #[test]
    fn strings_and_integers() {
        assert_eq!(
            parse("\"FACE_NOT_FOUND\"").unwrap(),
            CodeValue::Str("FACE_NOT_FOUND".into())
        );
        assert_eq!(parse("200601").unwrap(), CodeValue::Int(200601));
        assert_eq!(parse("0").unwrap(), CodeValue::Int(0));
        assert_eq!(parse("-1").unwrap(), CodeValue::Int(-1));
    }

    #[test]
    fn rejects_bad_codes() {
        let empty = parse("\"\"").unwrap_err().to_string();
        assert_eq!(empty, "code is empty; a code needs at least one character");
        let spaced = parse("\"NOT FOUND\"").unwrap_err().to_string();
        assert!(spaced.contains("white space"), "{spaced}");
        let other = parse("1.5").unwrap_err().to_string();
        assert!(other.starts_with("expected a code"), "{other}");
        let huge = parse("99999999999999999999").unwrap_err().to_string();
        assert!(huge.contains("i64"), "{huge}");
    }
}
