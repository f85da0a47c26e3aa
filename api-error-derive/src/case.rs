//! Rules that derive a code from a variant's name, as serde's `rename_all` names them.

use darling::{Error, FromMeta, Result};

use crate::suggest;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

const NAMES: &[(&str, Case)] = &[
    ("lowercase", Case::Lower),
    ("UPPERCASE", Case::Upper),
    ("PascalCase", Case::Pascal),
    ("camelCase", Case::Camel),
    ("snake_case", Case::Snake),
    ("SCREAMING_SNAKE_CASE", Case::ScreamingSnake),
    ("kebab-case", Case::Kebab),
    ("SCREAMING-KEBAB-CASE", Case::ScreamingKebab),
];

impl Case {
    /// `name` (a Rust identifier, usually PascalCase) written in this case.
    pub fn apply(self, name: &str) -> String {
        let words = words(name.trim_start_matches("r#"));
        let joined = |separator: &str, upper: bool| {
            let words: Vec<String> = words
                .iter()
                .map(|word| {
                    if upper {
                        word.to_uppercase()
                    } else {
                        word.to_lowercase()
                    }
                })
                .collect();
            words.join(separator)
        };
        match self {
            Case::Lower => joined("", false),
            Case::Upper => joined("", true),
            Case::Snake => joined("_", false),
            Case::ScreamingSnake => joined("_", true),
            Case::Kebab => joined("-", false),
            Case::ScreamingKebab => joined("-", true),
            Case::Pascal => words.iter().map(|word| capitalized(word)).collect(),
            Case::Camel => words
                .iter()
                .enumerate()
                .map(|(i, word)| {
                    if i == 0 {
                        word.to_lowercase()
                    } else {
                        capitalized(word)
                    }
                })
                .collect(),
        }
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

// Splits `HTTPVersionNotSupported` into HTTP, Version, Not, Supported and `no_such_pet` into
// no, such, pet: a word starts at an underscore, at a lower-to-upper step, and at the last
// capital of a run of capitals that a lowercase letter follows. Digits stay with their word.
fn words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for part in name.split(['_', '-']).filter(|part| !part.is_empty()) {
        let chars: Vec<(usize, char)> = part.char_indices().collect();
        let mut start = 0;
        for k in 1..chars.len() {
            let (at, current) = chars[k];
            let previous = chars[k - 1].1;
            let next_is_lower = chars.get(k + 1).is_some_and(|&(_, c)| c.is_lowercase());
            let boundary = current.is_uppercase()
                && (previous.is_lowercase()
                    || previous.is_ascii_digit()
                    || (previous.is_uppercase() && next_is_lower));
            if boundary {
                words.push(&part[start..at]);
                start = at;
            }
        }
        words.push(&part[start..]);
    }
    words
}

impl FromMeta for Case {
    fn from_string(value: &str) -> Result<Self> {
        match NAMES.iter().find(|(name, _)| *name == value) {
            Some((_, case)) => Ok(*case),
            None => Err(Error::custom(format!(
                "unknown code case `{value}`{}",
                match suggest::did_you_mean(value, NAMES.iter().map(|(name, _)| *name)) {
                    hint if hint.is_empty() => format!(
                        "; expected one of {}",
                        NAMES
                            .iter()
                            .map(|(name, _)| format!("`{name}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    hint => hint,
                }
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words() {
        assert_eq!(words("NoSuchPet"), ["No", "Such", "Pet"]);
        assert_eq!(
            words("HTTPVersionNotSupported"),
            ["HTTP", "Version", "Not", "Supported"]
        );
        assert_eq!(words("Requires2FA"), ["Requires2", "FA"]);
        assert_eq!(words("Oauth2Error"), ["Oauth2", "Error"]);
        assert_eq!(words("no_such_pet"), ["no", "such", "pet"]);
        assert_eq!(words("A"), ["A"]);
    }

    #[test]
    fn applies_every_case() {
        let cases = [
            ("lowercase", "facenotfound"),
            ("UPPERCASE", "FACENOTFOUND"),
            ("PascalCase", "FaceNotFound"),
            ("camelCase", "faceNotFound"),
            ("snake_case", "face_not_found"),
            ("SCREAMING_SNAKE_CASE", "FACE_NOT_FOUND"),
            ("kebab-case", "face-not-found"),
            ("SCREAMING-KEBAB-CASE", "FACE-NOT-FOUND"),
        ];
        for (name, expected) in cases {
            assert_eq!(
                Case::from_string(name).unwrap().apply("FaceNotFound"),
                expected,
                "{name}"
            );
        }
        assert_eq!(Case::ScreamingSnake.apply("r#Type"), "TYPE");
    }

    #[test]
    fn unknown_case() {
        let message = Case::from_string("SCREAMING_SNAKE")
            .unwrap_err()
            .to_string();
        assert_eq!(
            message,
            "unknown code case `SCREAMING_SNAKE`; did you mean `SCREAMING_SNAKE_CASE`?"
        );
        let message = Case::from_string("Title Case").unwrap_err().to_string();
        assert!(message.contains("expected one of `lowercase`"), "{message}");
    }
}
