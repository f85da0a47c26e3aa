//! A choice among a type's errors, written as variant names and codes, as
//! [`error_responses!`](crate::error_responses) declares it: each name and code checked
//! against the catalog in `const` evaluation, so a choice of an error the type does not have
//! fails the build.

use crate::envelope::check::Complaint;
use crate::model::code_table::same_code;
use crate::model::text::{same_bytes, same_text};
use crate::{Catalog, Code, Descriptor};

/// One chosen error, as the macro writes it.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Chosen {
    /// A variant of the type's own, by name.
    Variant(&'static str),
    /// An error of the catalog, a wrapped type's included, by code; and the code as written.
    Code(Code, &'static str),
    /// A literal that is no code, as written.
    NotACode(&'static str),
}

impl Chosen {
    /// The variant of this name.
    pub const fn variant(name: &'static str) -> Self {
        Chosen::Variant(name)
    }

    /// The error whose code this literal is, from its source text (`stringify!`): a string
    /// without escapes, or a decimal integer, with or without a suffix.
    pub const fn code(literal: &'static str) -> Self {
        match parse_code(literal) {
            Some(code) => Chosen::Code(code, literal),
            None => Chosen::NotACode(literal),
        }
    }

    /// Whether `error`, of `catalog`'s tree, is among `chosen`.
    pub fn contains(chosen: &[Chosen], catalog: &Catalog, error: &Descriptor) -> bool {
        chosen.iter().any(|choice| match *choice {
            Chosen::Variant(name) => catalog
                .descriptors()
                .iter()
                .any(|own| own.variant() == name && own.code() == error.code()),
            Chosen::Code(code, _) => error.code() == code,
            Chosen::NotACode(_) => false,
        })
    }
}

/// What is wrong with a choice, if anything: generated code panics with it in `const`
/// evaluation, which fails the build with the message at the declaration.
#[doc(hidden)]
pub struct Refusal(Option<Complaint>);

impl Refusal {
    /// The message, when the choice is refused.
    pub const fn message(&self) -> Option<&str> {
        match &self.0 {
            Some(complaint) => Some(complaint.text()),
            None => None,
        }
    }
}

/// Refuses `chosen` unless every error it names is in `catalog`: a variant of the type's own
/// (a transparent variant has no code of its own: its errors are chosen by code), or a code
/// anywhere in the catalog's tree. `selection` names the choice in the message.
pub const fn check_chosen(catalog: &Catalog, chosen: &[Chosen], selection: &str) -> Refusal {
    if chosen.is_empty() {
        return Refusal(Some(
            chooses(selection)
                .say("no error of `")
                .say(catalog.name())
                .say("`: name variants or codes between the brackets"),
        ));
    }
    let mut index = 0;
    while index < chosen.len() {
        match chosen[index] {
            Chosen::Variant(name) => {
                if !has_variant(catalog.descriptors(), name) {
                    return Refusal(Some(
                        chooses(selection)
                            .say("`")
                            .say(name)
                            .say("`, a variant of `")
                            .say(catalog.name())
                            .say("` without a code of its own: choose the codes of the errors it wraps"),
                    ));
                }
            }
            Chosen::Code(code, literal) => {
                if !has_code(catalog, code) {
                    return Refusal(Some(
                        chooses(selection)
                            .say("code ")
                            .say(literal)
                            .say(", which no error of `")
                            .say(catalog.name())
                            .say("` has"),
                    ));
                }
            }
            Chosen::NotACode(literal) => {
                return Refusal(Some(chooses(selection).say(literal).say(
                    ": a code is a string literal without escapes or a decimal integer",
                )));
            }
        }
        index += 1;
    }
    Refusal(None)
}

/// The start of each message: ``"`GetOrderErrors` chooses "``.
const fn chooses(selection: &str) -> Complaint {
    Complaint::new().say("`").say(selection).say("` chooses ")
}

const fn has_variant(descriptors: &[Descriptor], name: &str) -> bool {
    let mut index = 0;
    while index < descriptors.len() {
        if same_text(descriptors[index].variant(), name) {
            return true;
        }
        index += 1;
    }
    false
}

const fn has_code(catalog: &Catalog, code: Code) -> bool {
    let descriptors = catalog.descriptors();
    let mut index = 0;
    while index < descriptors.len() {
        if same_code(descriptors[index].code(), code) {
            return true;
        }
        index += 1;
    }
    let nested = catalog.nested();
    let mut index = 0;
    while index < nested.len() {
        if has_code(&nested[index], code) {
            return true;
        }
        index += 1;
    }
    false
}

/// The code a literal's source text writes: `"NOT_FOUND"` or `3001` (`-7`, `200_601`,
/// `3001u32`); `None` for a string with escapes (a code has none to write) or any other
/// literal.
const fn parse_code(literal: &'static str) -> Option<Code> {
    let bytes = literal.as_bytes();
    let len = bytes.len();
    if len >= 2 && bytes[0] == b'"' && bytes[len - 1] == b'"' {
        let (_, text) = bytes.split_at(1);
        let (text, _) = text.split_at(len - 2);
        let mut at = 0;
        while at < text.len() {
            if text[at] == b'\\' {
                return None;
            }
            at += 1;
        }
        return match core::str::from_utf8(text) {
            Ok(text) => Some(Code::Str(text)),
            Err(_) => None,
        };
    }
    let mut at = 0;
    let negative = len > 0 && bytes[0] == b'-';
    if negative {
        at += 1;
        // `stringify!` may write a space after the sign.
        while at < len && bytes[at] == b' ' {
            at += 1;
        }
    }
    let mut value: i128 = 0;
    let mut digits = 0;
    while at < len && (bytes[at].is_ascii_digit() || bytes[at] == b'_') {
        if bytes[at] != b'_' {
            value = value * 10 + (bytes[at] - b'0') as i128;
            digits += 1;
            if value > i64::MAX as i128 + 1 {
                return None;
            }
        }
        at += 1;
    }
    let (_, suffix) = bytes.split_at(at);
    if digits == 0 || !integer_suffix(suffix) {
        return None;
    }
    let value = if negative { -value } else { value };
    if value < i64::MIN as i128 || value > i64::MAX as i128 {
        return None;
    }
    Some(Code::Int(value as i64))
}

const fn integer_suffix(suffix: &[u8]) -> bool {
    const SUFFIXES: [&str; 13] = [
        "", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
    ];
    let mut index = 0;
    while index < SUFFIXES.len() {
        if same_bytes(SUFFIXES[index].as_bytes(), suffix) {
            return true;
        }
        index += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_read_as_the_compiler_reads_them() {
        assert_eq!(parse_code("\"NOT_FOUND\""), Some(Code::Str("NOT_FOUND")));
        assert_eq!(parse_code("\"\""), Some(Code::Str("")));
        assert_eq!(parse_code("3001"), Some(Code::Int(3001)));
        assert_eq!(parse_code("200_601"), Some(Code::Int(200_601)));
        assert_eq!(parse_code("3001u32"), Some(Code::Int(3001)));
        assert_eq!(parse_code("-7"), Some(Code::Int(-7)));
        assert_eq!(parse_code("- 7"), Some(Code::Int(-7)));
        assert_eq!(
            parse_code("-9223372036854775808"),
            Some(Code::Int(i64::MIN))
        );
        assert_eq!(parse_code("9223372036854775808"), None);
        assert_eq!(parse_code("\"A\\nB\""), None);
        assert_eq!(parse_code("0x10"), None);
        assert_eq!(parse_code("1.5"), None);
        assert_eq!(parse_code("'a'"), None);
        assert_eq!(parse_code("b\"A\""), None);
        assert_eq!(parse_code("3001f32"), None);
        assert_eq!(parse_code("-"), None);
    }
}
