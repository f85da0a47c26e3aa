//! Text compared in `const` evaluation, where `==` on strings cannot be called. The loops call
//! nothing: `const` evaluation counts its steps, and a call costs more of them than a byte.

/// `a == b`.
pub(crate) const fn same_text(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

/// `a == b`, for bytes.
pub(crate) const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    let mut at = 0;
    while at < len {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}

/// `text.starts_with(prefix)`.
pub(crate) const fn starts_with(text: &str, prefix: &str) -> bool {
    let (text, prefix) = (text.as_bytes(), prefix.as_bytes());
    let len = prefix.len();
    if len > text.len() {
        return false;
    }
    let mut at = 0;
    while at < len {
        if text[at] != prefix[at] {
            return false;
        }
        at += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_the_standard_library_compares() {
        let texts = [
            "",
            "a",
            "ab",
            "SHOP_",
            "SHOP_AUTH_EXPIRED",
            "SHOP_AUTH_EXPIRES",
            "é",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(same_text(a, b), a == b, "{a:?} {b:?}");
                assert_eq!(starts_with(a, b), a.starts_with(b), "{a:?} {b:?}");
            }
        }
    }
}
