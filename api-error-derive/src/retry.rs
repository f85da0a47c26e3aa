//! `retryable = ...`: the words of an API's "Retryable" column, read into the advice they name.

use darling::{Error, Result};
use syn::{Expr, ExprLit, Lit, LitStr};

use crate::suggest;

/// The retry advice a variant declares; see `Retryable` in the core crate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RetryableValue {
    No,
    WithBackoff,
    WithCaution,
    AfterReauth,
    AfterFixingRequest,
    /// Another condition, in the user's words, starting with "after".
    After(String),
}

impl RetryableValue {
    /// The advice of a variant that states none, from its status: `Retryable::for_status`.
    pub fn for_status(status: u16) -> RetryableValue {
        match status {
            401 => RetryableValue::AfterReauth,
            408 | 425 | 429 | 502 | 503 | 504 => RetryableValue::WithBackoff,
            500 => RetryableValue::WithCaution,
            422 => RetryableValue::AfterFixingRequest,
            _ => RetryableValue::No,
        }
    }

    /// The advice in words, as the catalog displays it.
    pub fn text(&self) -> &str {
        match self {
            RetryableValue::No => "no",
            RetryableValue::WithBackoff => "yes, with backoff",
            RetryableValue::WithCaution => "yes, with caution",
            RetryableValue::AfterReauth => "after re-auth",
            RetryableValue::AfterFixingRequest => "after fixing request",
            RetryableValue::After(condition) => condition,
        }
    }
}

/// The phrases that name an advice, lowercase, single-spaced.
const PHRASES: &[(&str, RetryableValue)] = &[
    ("no", RetryableValue::No),
    ("yes", RetryableValue::WithBackoff),
    ("with backoff", RetryableValue::WithBackoff),
    ("yes, with backoff", RetryableValue::WithBackoff),
    ("with caution", RetryableValue::WithCaution),
    ("yes, with caution", RetryableValue::WithCaution),
    ("after re-auth", RetryableValue::AfterReauth),
    ("after re-authenticating", RetryableValue::AfterReauth),
    ("after fixing request", RetryableValue::AfterFixingRequest),
    (
        "after fixing the request",
        RetryableValue::AfterFixingRequest,
    ),
];

const EXPECTED: &str = "\"no\", \"with backoff\", \"with caution\", \"after re-auth\", \
                        \"after fixing request\", or \"after\" and a condition";

/// `true`, `false`, or a string: one of [`PHRASES`], or "after" and a condition.
pub fn parse(expr: &Expr) -> Result<RetryableValue> {
    match expr {
        // retryable = true | false
        Expr::Lit(ExprLit {
            lit: Lit::Bool(flag),
            ..
        }) => Ok(if flag.value {
            RetryableValue::WithBackoff
        } else {
            RetryableValue::No
        }),
        // retryable = "with caution" | "after the running job completes"
        Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) => phrase(text),
        _ => Err(Error::custom(format!(
            "`retryable` expects `true`, `false`, or a string: {EXPECTED}"
        ))
        .with_span(expr)),
    }
}

fn phrase(text: &LitStr) -> Result<RetryableValue> {
    let written = text.value();
    let words = written.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = words.to_lowercase();
    if lower.is_empty() {
        return Err(Error::custom("`retryable` is empty").with_span(text));
    }
    if let Some((_, value)) = PHRASES.iter().find(|(phrase, _)| *phrase == lower) {
        return Ok(value.clone());
    }
    let condition = if lower == "after" {
        Some("")
    } else {
        lower.strip_prefix("after ")
    };
    let Some(condition) = condition else {
        let hint = suggest::did_you_mean(&lower, PHRASES.iter().map(|(phrase, _)| *phrase));
        let expected = if hint.is_empty() {
            format!("; expected {EXPECTED}")
        } else {
            hint
        };
        return Err(
            Error::custom(format!("unknown retry advice `{written}`{expected}")).with_span(text),
        );
    };
    if condition.is_empty() {
        return Err(Error::custom(
            "retry advice `after` needs a condition, such as \"after the running job completes\"",
        )
        .with_span(text));
    }
    // A condition one or two typos away from a phrase is that phrase misspelled, not a
    // condition of its own.
    let near = PHRASES
        .iter()
        .map(|(phrase, _)| *phrase)
        .filter(|phrase| phrase.starts_with("after"))
        .find(|phrase| suggest::distance(&lower, phrase) <= 2);
    if let Some(phrase) = near {
        return Err(Error::custom(format!(
            "retry advice `{written}` looks like a misspelling of `{phrase}`"
        ))
        .with_span(text));
    }
    Ok(RetryableValue::After(words))
}

#[cfg(test)]
mod tests {
    use syn::parse_quote;

    use super::*;

    fn read(expr: Expr) -> core::result::Result<RetryableValue, String> {
        parse(&expr).map_err(|error| error.to_string())
    }

    #[test]
    fn phrases_name_their_advice_whatever_the_case_and_spacing() {
        assert_eq!(read(parse_quote!(true)), Ok(RetryableValue::WithBackoff));
        assert_eq!(read(parse_quote!(false)), Ok(RetryableValue::No));
        assert_eq!(
            read(parse_quote!("Yes, with  caution")),
            Ok(RetryableValue::WithCaution)
        );
        assert_eq!(
            read(parse_quote!("After re-auth")),
            Ok(RetryableValue::AfterReauth)
        );
        assert_eq!(
            read(parse_quote!("after fixing the request")),
            Ok(RetryableValue::AfterFixingRequest)
        );
    }

    #[test]
    fn other_conditions_keep_their_words() {
        assert_eq!(
            read(parse_quote!("After the running job  completes")),
            Ok(RetryableValue::After(
                "After the running job completes".into()
            ))
        );
    }

    #[test]
    fn misspellings_are_errors() {
        assert_eq!(
            read(parse_quote!("with backof")),
            Err("unknown retry advice `with backof`; did you mean `with backoff`?".into())
        );
        assert_eq!(
            read(parse_quote!("after re-atuh")),
            Err("retry advice `after re-atuh` looks like a misspelling of `after re-auth`".into())
        );
        assert!(
            read(parse_quote!("maybe"))
                .unwrap_err()
                .contains("; expected \"no\"")
        );
        assert_eq!(
            read(parse_quote!("after ")),
            Err("retry advice `after` needs a condition, such as \"after the running job completes\"".into())
        );
        assert_eq!(read(parse_quote!("  ")), Err("`retryable` is empty".into()));
        assert!(
            read(parse_quote!(1))
                .unwrap_err()
                .starts_with("`retryable` expects `true`")
        );
    }
}
