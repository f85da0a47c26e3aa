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
        let name = name.trim_start_matches("r#");
        if name.is_ascii() {
            self.apply_ascii(name.as_bytes())
        } else {
            self.apply_by_words(name)
        }
    }

    /// `apply` through `words`, for any name.
    fn apply_by_words(self, name: &str) -> String {
        let separator = self.separator();
        let mut out = String::with_capacity(name.len() + 8);
        for (index, word) in words(name).into_iter().enumerate() {
            if index > 0 {
                out.push_str(separator);
            }
            match self {
                Case::Lower | Case::Snake | Case::Kebab => out.push_str(&word.to_lowercase()),
                Case::Upper | Case::ScreamingSnake | Case::ScreamingKebab => {
                    out.push_str(&word.to_uppercase());
                }
                Case::Camel if index == 0 => out.push_str(&word.to_lowercase()),
                Case::Pascal | Case::Camel => capitalized(&mut out, word),
            }
        }
        out
    }

    /// `apply` on an ASCII name, as nearly every name is: one pass over its bytes that finds
    /// the words as `words` does and writes each changed.
    fn apply_ascii(self, name: &[u8]) -> String {
        let separator = self.separator();
        let mut out = String::with_capacity(name.len() + 8);
        let mut words = 0;
        // Where in the current word the byte is; 0 after a separator.
        let mut within = 0;
        for (at, &byte) in name.iter().enumerate() {
            if byte == b'_' || byte == b'-' {
                within = 0;
                continue;
            }
            if within > 0 && byte.is_ascii_uppercase() {
                let previous = name[at - 1];
                let next_is_lower = name.get(at + 1).is_some_and(u8::is_ascii_lowercase);
                if previous.is_ascii_lowercase()
                    || previous.is_ascii_digit()
                    || (previous.is_ascii_uppercase() && next_is_lower)
                {
                    within = 0;
                }
            }
            if within == 0 {
                if words > 0 {
                    out.push_str(separator);
                }
                words += 1;
            }
            let upper = match self {
                Case::Upper | Case::ScreamingSnake | Case::ScreamingKebab => true,
                Case::Lower | Case::Snake | Case::Kebab => false,
                Case::Pascal => within == 0,
                Case::Camel => within == 0 && words > 1,
            };
            out.push(char::from(if upper {
                byte.to_ascii_uppercase()
            } else {
                byte.to_ascii_lowercase()
            }));
            within += 1;
        }
        out
    }

    fn separator(self) -> &'static str {
        match self {
            Case::Snake | Case::ScreamingSnake => "_",
            Case::Kebab | Case::ScreamingKebab => "-",
            Case::Lower | Case::Upper | Case::Pascal | Case::Camel => "",
        }
    }
}

fn capitalized(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(&chars.as_str().to_lowercase());
    }
}

// Splits `HTTPVersionNotSupported` into HTTP, Version, Not, Supported and `no_such_pet` into
// no, such, pet: a word starts at an underscore, at a lower-to-upper step, and at the last
// capital of a run of capitals that a lowercase letter follows. Digits stay with their word.
fn words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for part in name.split(['_', '-']).filter(|part| !part.is_empty()) {
        part_words(part, &mut words);
    }
    words
}

/// The words of one part between separators.
fn part_words<'a>(part: &'a str, words: &mut Vec<&'a str>) {
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
        assert_eq!(words("ÉtéChaudÜBERMaß"), ["Été", "Chaud", "ÜBER", "Maß"]);
    }

    /// The byte-wise pass over ASCII names writes what the split into words does.
    #[test]
    fn ascii_names_as_by_words() {
        let names = [
            "NoSuchPet",
            "HTTPVersionNotSupported",
            "Requires2FA",
            "Oauth2Error",
            "A",
            "AB",
            "aB",
            "ABc",
            "a1B2c3D",
            "XMLHttpRequestV2",
            "lower",
            "no_such__pet_",
            "_Leading-kebab-Case",
            "SCREAMING_SNAKE",
        ];
        for name in names {
            for (_, case) in NAMES {
                assert_eq!(
                    case.apply_ascii(name.as_bytes()),
                    case.apply_by_words(name),
                    "{name} {case:?}"
                );
            }
        }
        assert_eq!(Case::ScreamingSnake.apply("ÉtéChaud"), "ÉTÉ_CHAUD");
        assert_eq!(Case::Camel.apply("ÉtéChaud"), "étéChaud");
        assert_eq!(Case::Pascal.apply("r#type_of_pet"), "TypeOfPet");
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
