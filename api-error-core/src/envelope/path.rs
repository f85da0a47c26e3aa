//! Field paths as `serde_path_to_error` prints them (`profile.color`, `pets[2].species`,
//! `[0].name`, and `.` for the whole input), read into their steps, and written as a JSON
//! Pointer (RFC 6901).

use super::escape::escaped;

/// Calls `step` with each step of `path`, in order: `pets[2].species` is `pets`, `2`,
/// `species`. A part that does not end in well-formed `[index]` suffixes is one step as it is
/// (a map key may hold brackets).
pub(crate) fn steps<'a>(path: &'a str, mut step: impl FnMut(&'a str)) {
    if path == "." {
        return;
    }
    for part in path.split('.') {
        match index_suffixes(part) {
            Some(at) => {
                let (name, mut indexes) = part.split_at(at);
                if !name.is_empty() {
                    step(name);
                }
                while let Some(rest) = indexes.strip_prefix('[') {
                    let close = rest.find(']').unwrap_or(rest.len());
                    let (index, tail) = rest.split_at(close);
                    step(index);
                    indexes = tail.get(1..).unwrap_or_default();
                }
            }
            None => step(part),
        }
    }
}

/// Where the `[digits]` suffixes of `part` start, when it ends in at least one.
fn index_suffixes(part: &str) -> Option<usize> {
    let bytes = part.as_bytes();
    let mut end = bytes.len();
    let mut start = None;
    while end > 0 && bytes.get(end - 1) == Some(&b']') {
        let digits = bytes.get(..end - 1)?;
        let Some(open) = digits.iter().rposition(|&byte| !byte.is_ascii_digit()) else {
            break;
        };
        if digits.get(open) != Some(&b'[') || open + 1 == end - 1 {
            break;
        }
        start = Some(open);
        end = open;
    }
    start
}

/// The steps of `path` as a JSON Pointer after `base`, inside a JSON string (no quotes):
/// `#` and `pets[2].species` give `#/pets/2/species`; `~` and `/` in a step are `~0` and `~1`.
pub(crate) fn pointer(out: &mut Vec<u8>, base: &str, path: &str) {
    escaped(out, base);
    steps(path, |step| {
        out.push(b'/');
        let mut rest = step;
        while let Some(at) = rest.find(['~', '/']) {
            let (plain, special) = rest.split_at(at);
            escaped(out, plain);
            out.extend_from_slice(if special.starts_with('~') {
                b"~0"
            } else {
                b"~1"
            });
            rest = special.get(1..).unwrap_or_default();
        }
        escaped(out, rest);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(path: &str) -> Vec<&str> {
        let mut found = Vec::new();
        steps(path, |step| found.push(step));
        found
    }

    fn pointed(base: &str, path: &str) -> String {
        let mut out = Vec::new();
        pointer(&mut out, base, path);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn steps_of_the_paths_serde_path_to_error_prints() {
        assert_eq!(all("name"), ["name"]);
        assert_eq!(all("profile.color"), ["profile", "color"]);
        assert_eq!(all("pets[2].species"), ["pets", "2", "species"]);
        assert_eq!(all("[0].name"), ["0", "name"]);
        assert_eq!(all("grid[1][2]"), ["grid", "1", "2"]);
        assert_eq!(all("."), Vec::<&str>::new());
        // Not index suffixes: one step as it is.
        assert_eq!(all("a[b]"), ["a[b]"]);
        assert_eq!(all("a[]"), ["a[]"]);
        assert_eq!(all("a]"), ["a]"]);
        assert_eq!(all("x[1]y"), ["x[1]y"]);
        assert_eq!(all("a..b"), ["a", "", "b"]);
        assert_eq!(all("5][1]"), ["5]", "1"]);
    }

    #[test]
    fn pointers_escape_each_step() {
        assert_eq!(pointed("#", "pets[2].species"), "#/pets/2/species");
        assert_eq!(pointed("", "profile.color"), "/profile/color");
        assert_eq!(
            pointed("/data/attributes", "firstName"),
            "/data/attributes/firstName"
        );
        assert_eq!(pointed("#", "a/b"), "#/a~1b");
        assert_eq!(pointed("#", "~x.y/z"), "#/~0x/y~1z");
        assert_eq!(pointed("#", "."), "#");
        assert_eq!(pointed("#", "say \"hi\""), "#/say \\\"hi\\\"");
    }
}
