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

/// How many bytes at the start of `bytes` need no escaping, looked at eight at a time.
fn clean_prefix(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut clean = 0;
    for word in words.by_ref() {
        if let Some(at) = first_special(word) {
            return clean + at;
        }
        clean += 8;
    }
    let rest = words.remainder();
    if rest.is_empty() {
        return clean;
    }
    // The last eight bytes, when there are eight: the ones before the rest are clean already.
    if let Some(last) = bytes
        .len()
        .checked_sub(8)
        .and_then(|start| bytes.get(start..))
    {
        return first_special(last).map_or(bytes.len(), |at| bytes.len() - 8 + at);
    }
    // A short text, padded with spaces (which need no escaping) in a register.
    let word = rest
        .iter()
        .rev()
        .fold(u64::from_le_bytes([b' '; 8]), |word, &byte| {
            (word << 8) | u64::from(byte)
        });
    first_special_in(word).unwrap_or(rest.len())
}

/// The position of the first byte of an eight-byte `word` that needs escaping.
fn first_special(word: &[u8]) -> Option<usize> {
    let word = <[u8; 8]>::try_from(word).ok()?;
    first_special_in(u64::from_le_bytes(word))
}

/// The position of the first byte of `word`, read little-endian, that needs escaping: below
/// 0x20, `"` or `\`.
const fn first_special_in(word: u64) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    // A byte below n has its high bit set in `x - n` and clear in `x`, for n up to 0x80. A
    // borrow can also set the bit of a byte above one that is below n, never below it: the
    // lowest bit set is exact.
    const fn below(word: u64, n: u8) -> u64 {
        word.wrapping_sub(ONES * n as u64) & !word & HIGH
    }
    const fn equal(word: u64, byte: u8) -> u64 {
        below(word ^ (ONES * byte as u64), 1)
    }
    let found = below(word, 0x20) | equal(word, b'"') | equal(word, b'\\');
    if found == 0 {
        None
    } else {
        Some(found.trailing_zeros() as usize / 8)
    }
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
    fn every_special_byte_is_found_at_every_position_of_every_length() {
        for length in 1..=24 {
            for position in 0..length {
                for special in (0u8..0x20).chain([b'"', b'\\']) {
                    let mut bytes = vec![b'x'; length];
                    bytes[position] = special;
                    assert_eq!(
                        clean_prefix(&bytes),
                        position,
                        "{special:#x} at {position} of {length}"
                    );
                }
            }
            assert_eq!(clean_prefix(&vec![b'x'; length]), length);
        }
    }

    #[test]
    fn bytes_next_to_the_special_ones_are_not_escaped() {
        // 0x20 and the bytes one above `"` and `\` (and non-ASCII, high bit set) are plain.
        for byte in [0x20u8, b'#', b']', 0x7f] {
            assert_eq!(first_special(&[byte; 8]), None, "{byte:#x}");
        }
        assert_eq!(
            first_special(&[0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98]),
            None
        );
    }

    #[test]
    fn a_special_byte_after_another_does_not_move_the_first() {
        for first in 0..16 {
            for second in first + 1..16 {
                for (a, b) in [(0u8, b'"'), (b'\\', 0x1f), (b'"', b'\\'), (0x1f, 0)] {
                    let mut bytes = vec![b'x'; 16];
                    bytes[first] = a;
                    bytes[second] = b;
                    assert_eq!(
                        clean_prefix(&bytes),
                        first,
                        "{a:#x} at {first}, {b:#x} at {second}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_first_of_several_special_bytes_is_found() {
        // A borrow from the first special byte must not hide it nor move it.
        assert_eq!(first_special(b"ab\x00\"\\\n\x01\x1f"), Some(2));
        assert_eq!(first_special(b"abcdefg\""), Some(7));
        for length in 0..24 {
            let text = "é".repeat(length) + "\"";
            assert_eq!(clean_prefix(text.as_bytes()), 2 * length, "{length}");
        }
    }
}
