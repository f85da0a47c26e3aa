//! The escaper against serde_json on generated strings: for every one, the bytes written are
//! those of `serde_json::to_string`, quotes included.
//!
//! The strings are built from pieces chosen to hit what the word-at-a-time scan can get wrong:
//! every control character, `"` and `\`, DEL, characters of one to four UTF-8 bytes from every
//! Unicode plane (the line separators and the last character of each plane among them), long
//! runs of one piece, and a prefix of 0 to 15 plain bytes that moves whatever follows across
//! each of the eight positions of a word. The generator is seeded, so a failure names a string
//! that comes back on every run.
//!
//! `cargo test -p api-error-core --lib escape_differential` runs 100,000 strings (200,000 in a
//! release build); `API_ERROR_ESCAPE_CASES=5000000 cargo test --release -p api-error-core --lib
//! escape_differential` runs as many as it is told.

use super::escape::{Escaping, string};
use core::fmt::Write as _;

/// How many generated strings to compare: `API_ERROR_ESCAPE_CASES` when it is a number.
fn cases() -> u64 {
    let default = if cfg!(debug_assertions) {
        100_000
    } else {
        200_000
    };
    std::env::var("API_ERROR_ESCAPE_CASES")
        .ok()
        .and_then(|cases| cases.trim().parse().ok())
        .unwrap_or(default)
}

/// SplitMix64: a small, seeded source of numbers, enough to spread the choices.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound`, `bound` above zero.
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }

    /// A number in `0..bound` as an index.
    fn index(&mut self, bound: usize) -> usize {
        usize::try_from(self.below(bound as u64)).unwrap_or(0)
    }
}

/// A character of `plane` (0 to 16) whose UTF-8 form is `length` bytes long, where the plane
/// has such characters; surrogates, which no `char` is, are stepped over.
fn character(numbers: &mut Numbers, length: usize, plane: u32) -> char {
    let (low, high) = match length {
        1 => (0, 0x7f),
        2 => (0x80, 0x7ff),
        3 => (0x800, 0xffff),
        _ => (plane.max(1) << 16, (plane.max(1) << 16) | 0xffff),
    };
    let span = u64::from(high - low) + 1;
    let code = low + u32::try_from(numbers.below(span)).unwrap_or(0);
    char::from_u32(code).unwrap_or('\u{e000}')
}

/// Characters the scan must tell apart from their neighbours, and the edges of each length.
const EDGES: &[char] = &[
    '\u{0}',
    '\u{1f}',
    ' ',
    '!',
    '"',
    '#',
    '[',
    '\\',
    ']',
    '\u{7f}',
    '\u{80}',
    '\u{9f}',
    '\u{a0}',
    '\u{7ff}',
    '\u{800}',
    '\u{2028}',
    '\u{2029}',
    '\u{d7ff}',
    '\u{e000}',
    '\u{feff}',
    '\u{fffd}',
    '\u{ffff}',
    '\u{10000}',
    '\u{1f600}',
    '\u{2ffff}',
    '\u{e0001}',
    '\u{10fffd}',
    '\u{10ffff}',
];

/// One piece of a generated string.
fn piece(numbers: &mut Numbers, out: &mut String) {
    match numbers.below(8) {
        // Every control character, then the two that are always escaped.
        0 => out.push(char::from(u8::try_from(numbers.below(0x20)).unwrap_or(0))),
        1 => out.push(if numbers.below(2) == 0 { '"' } else { '\\' }),
        2 => out.push(EDGES[numbers.index(EDGES.len())]),
        // A character of each UTF-8 length, the four-byte ones from every plane above the
        // first (the first plane's are the one- to three-byte ones).
        3 => {
            let length = numbers.index(4) + 1;
            let plane = u32::try_from(numbers.below(17)).unwrap_or(1);
            out.push(character(numbers, length, plane));
        }
        // Plain ASCII, often several words of it.
        4 => {
            for _ in 0..numbers.below(20) {
                out.push(char::from(
                    b' ' + u8::try_from(numbers.below(95)).unwrap_or(0),
                ));
            }
        }
        // A long run of one character, special or not.
        5 => {
            let mut one = String::new();
            piece_once(numbers, &mut one);
            for _ in 0..numbers.below(40) + 8 {
                out.push_str(&one);
            }
        }
        _ => piece_once(numbers, out),
    }
}

/// A single character of any kind.
fn piece_once(numbers: &mut Numbers, out: &mut String) {
    match numbers.below(4) {
        0 => out.push(char::from(u8::try_from(numbers.below(0x20)).unwrap_or(0))),
        1 => out.push(EDGES[numbers.index(EDGES.len())]),
        _ => {
            let length = numbers.index(4) + 1;
            let plane = u32::try_from(numbers.below(17)).unwrap_or(1);
            out.push(character(numbers, length, plane));
        }
    }
}

/// The `case`-th generated string: a prefix of plain bytes that sets where the rest falls in
/// a word, then up to a dozen pieces.
fn generated(numbers: &mut Numbers, case: u64, out: &mut String) {
    out.clear();
    for _ in 0..case % 16 {
        out.push('x');
    }
    for _ in 0..numbers.below(13) {
        piece(numbers, out);
    }
}

fn written(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    string(&mut out, text);
    out
}

/// `text` through the `fmt::Write` adapter, in two parts split at a character boundary.
fn written_in_parts(text: &str, at: usize) -> Vec<u8> {
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0);
    let mut out = vec![b'"'];
    let (first, second) = text.split_at(at);
    let mut escaping = Escaping(&mut out);
    let _ = escaping.write_str(first);
    let _ = escaping.write_str(second);
    out.push(b'"');
    out
}

fn expected(text: &str) -> Vec<u8> {
    serde_json::to_string(text)
        .map(String::into_bytes)
        .unwrap_or_default()
}

#[test]
fn every_special_character_at_every_place_of_two_words() {
    let mut specials: Vec<char> = (0u8..0x20).map(char::from).collect();
    specials.extend(EDGES);
    for &special in &specials {
        for before in 0..24 {
            for after in 0..10 {
                let text = format!("{}{special}{}", "a".repeat(before), "b".repeat(after));
                assert_eq!(written(&text), expected(&text), "{text:?}");
            }
        }
    }
}

#[test]
fn generated_strings_are_written_as_serde_json_writes_them() {
    let cases = cases();
    let mut numbers = Numbers(0x5eed_0fe5_ca9e);
    let mut text = String::new();
    let mut seen = Seen::default();
    for case in 0..cases {
        generated(&mut numbers, case, &mut text);
        seen.tally(&text);
        let expected = expected(&text);
        assert_eq!(written(&text), expected, "string {case}: {text:?}");
        let at = numbers.index(text.len() + 1);
        assert_eq!(
            written_in_parts(&text, at),
            expected,
            "string {case} split at {at}: {text:?}"
        );
    }
    // The strings hold what they are meant to: with enough of them, every control
    // character, quote and backslash at each position of a word, every UTF-8 length starting
    // at each position, every plane, and runs longer than a word.
    if cases >= 50_000 {
        assert_eq!(seen.missing(), Vec::<String>::new());
    }
}

/// What the generated strings held, to tell that the generator reaches every case.
struct Seen {
    /// Per special byte (the 32 control characters, `"`, `\`), the positions in a word.
    specials: [[bool; 8]; 34],
    /// Per UTF-8 length less one, the positions in a word a character of it starts at.
    lengths: [[bool; 8]; 4],
    planes: [bool; 17],
    /// The longest run of one character, in bytes.
    longest_run: usize,
}

impl Default for Seen {
    fn default() -> Self {
        Seen {
            specials: [[false; 8]; 34],
            lengths: [[false; 8]; 4],
            planes: [false; 17],
            longest_run: 0,
        }
    }
}

impl Seen {
    fn tally(&mut self, text: &str) {
        let mut run = (None, 0);
        for (at, c) in text.char_indices() {
            let slot = match c {
                '"' => Some(32),
                '\\' => Some(33),
                c if u32::from(c) < 0x20 => usize::try_from(u32::from(c)).ok(),
                _ => None,
            };
            if let Some(slot) = slot {
                self.specials[slot][at % 8] = true;
            }
            self.lengths[c.len_utf8() - 1][at % 8] = true;
            self.planes[usize::try_from(u32::from(c) >> 16).unwrap_or(0)] = true;
            run = if run.0 == Some(c) {
                (run.0, run.1 + c.len_utf8())
            } else {
                (Some(c), c.len_utf8())
            };
            self.longest_run = self.longest_run.max(run.1);
        }
    }

    fn missing(&self) -> Vec<String> {
        let mut missing = Vec::new();
        for (slot, places) in self.specials.iter().enumerate() {
            for (place, &seen) in places.iter().enumerate() {
                if !seen {
                    missing.push(format!("special {slot} at {place}"));
                }
            }
        }
        for (length, places) in self.lengths.iter().enumerate() {
            for (place, &seen) in places.iter().enumerate() {
                if !seen {
                    missing.push(format!("{}-byte character at {place}", length + 1));
                }
            }
        }
        for (plane, &seen) in self.planes.iter().enumerate() {
            if !seen {
                missing.push(format!("plane {plane}"));
            }
        }
        if self.longest_run < 64 {
            missing.push(format!("runs: the longest is {} bytes", self.longest_run));
        }
        missing
    }
}
