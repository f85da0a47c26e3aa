//! JSON string escaping, written straight into the output buffer.
//!
//! The bytes are those serde_json writes: `"` and `\` and the control characters are escaped,
//! with the short forms where JSON has them and `\u00XX` otherwise; everything else, non-ASCII
//! included, is copied as it is.

use core::fmt;

/// `text` as a JSON string, quotes included.
pub(crate) fn string(out: &mut Vec<u8>, text: &str) {
    out.reserve(text.len() + 2);
    out.push(b'"');
    escaped(out, text);
    out.push(b'"');
}

/// `text` as it appears inside a JSON string, without the quotes.
pub(crate) fn escaped(out: &mut Vec<u8>, text: &str) {
    let mut rest = text.as_bytes();
    loop {
        let clean = clean_prefix(rest);
        let (copied, tail) = rest.split_at(clean);
        out.extend_from_slice(copied);
        let Some((&byte, tail)) = tail.split_first() else {
            return;
        };
        escape_byte(out, byte);
        rest = tail;
    }
}

/// A `fmt::Write` that escapes what is written through it, so a formatted value goes into a
/// JSON string with no intermediate `String`.
pub(crate) struct Escaping<'a>(pub(crate) &'a mut Vec<u8>);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        escaped(self.0, text);
        Ok(())
    }
}

/// Whether JSON needs `byte` escaped inside a string.
const fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// How many bytes at the start of `bytes` need no escaping, eight at a time while it can.
fn clean_prefix(bytes: &[u8]) -> usize {
    let mut clean = 0;
    for word in bytes.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(word) else {
            break;
        };
        if has_special(u64::from_le_bytes(word)) {
            break;
        }
        clean += 8;
    }
    let rest = bytes.get(clean..).unwrap_or_default();
    clean
        + rest
            .iter()
            .position(|&byte| needs_escape(byte))
            .unwrap_or(rest.len())
}

/// Whether any of the eight bytes of `word` needs escaping: a byte below 0x20, `"` or `\`.
/// Exact for the word as a whole (never a false answer), which is all the caller asks.
const fn has_special(word: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    // A byte below n has its high bit set in `x - n` and clear in `x`, for n up to 0x80.
    const fn below(word: u64, n: u8) -> u64 {
        word.wrapping_sub(ONES * n as u64) & !word & HIGH
    }
    const fn equal(word: u64, byte: u8) -> u64 {
        below(word ^ (ONES * byte as u64), 1)
    }
    (below(word, 0x20) | equal(word, b'"') | equal(word, b'\\')) != 0
}

fn escape_byte(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        0x08 => b'b',
        0x0c => b'f',
        _ => 0,
    };
    if short == 0 {
        let high = HEX[usize::from(byte >> 4)];
        let low = HEX[usize::from(byte & 0x0f)];
        out.extend_from_slice(&[b'\\', b'u', b'0', b'0', high, low]);
    } else {
        out.extend_from_slice(&[b'\\', short]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        string(&mut out, text);
        out
    }

    #[test]
    fn same_bytes_as_serde_json_for_every_character_class() {
        let mut texts: Vec<String> = (0u32..0x80)
            .filter_map(char::from_u32)
            .map(|c| format!("ab{c}cdefghijklmnop{c}"))
            .collect();
        texts.extend(
            [
                "",
                "plain",
                "exactly8",
                "sixteen bytes!!!",
                "é ü ß → 😀",
                "\u{7f}\u{80}\u{2028}",
                "quote\" at 6",
                "\\\\\\\\\\\\\\\\\\",
                "tab\tnew\nline\rcr\u{8}\u{c}",
            ]
            .map(str::to_owned),
        );
        for text in &texts {
            let expected = serde_json::to_vec(text).unwrap_or_default();
            assert_eq!(written(text), expected, "{text:?}");
        }
    }

    #[test]
    fn every_special_byte_is_found_at_every_position_of_a_word() {
        for position in 0..16 {
            for special in (0u8..0x20).chain([b'"', b'\\']) {
                let mut bytes = vec![b'x'; 16];
                bytes[position] = special;
                let text = String::from_utf8(bytes).unwrap_or_default();
                assert_eq!(
                    clean_prefix(text.as_bytes()),
                    position,
                    "{special:#x} at {position}"
                );
            }
        }
    }

    #[test]
    fn bytes_next_to_the_special_ones_are_not_escaped() {
        // 0x20 and the bytes one above `"` and `\` (and non-ASCII, high bit set) are plain.
        for byte in [0x20u8, b'#', b']', 0x7f] {
            assert!(!has_special(u64::from_le_bytes([byte; 8])), "{byte:#x}");
        }
        assert!(!has_special(u64::from_le_bytes([
            0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98
        ])));
    }
}
