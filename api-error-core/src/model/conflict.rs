//! Conflicts between a catalog and the catalogs nested in it, found in `const` evaluation so
//! that they fail the build and cost nothing at run time.
//!
//! The rules, for every error a transparent variant brings in (the errors of the catalog it
//! wraps, and of everything nested in that):
//! - its code is not the code of another error of the tree, unless both are the same error of
//!   the same type, reached through two paths;
//! - its code starts with the outer type's `prefix`, and is a string when there is one;
//! - its code is of the kind of the first code of the outer type's whole catalog.
//!
//! The outer type's own errors follow the same rules, which the derive checks itself. The
//! whole tree is walked once, through a [`CodeTable`], and each transparent variant gets the
//! first conflict it brings.

use crate::model::code_table::{Added, CodeTable, Inserted, MOST_ERRORS, Node};
use crate::model::text::{same_text, starts_with};
use crate::{Catalog, Code, Descriptor};

/// The longest message a conflict composes; longer ones are cut at a character boundary.
const CAPACITY: usize = 768;

/// Why a nested catalog cannot join its outer type's catalog: a message composed in `const`
/// evaluation, for the panic that fails the build.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Conflict {
    bytes: [u8; CAPACITY],
    len: usize,
}

impl Conflict {
    const fn new() -> Self {
        Conflict {
            bytes: [0; CAPACITY],
            len: 0,
        }
    }

    /// The message.
    pub const fn as_str(&self) -> &str {
        let (written, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(written) {
            Ok(text) => text,
            // Only whole characters are written.
            Err(_) => "conflicting codes",
        }
    }

    /// Appends `text`, or as many of its characters as fit.
    const fn text(mut self, text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut end = bytes.len();
        if end > CAPACITY - self.len {
            end = CAPACITY - self.len;
            // Back to the start of a character.
            while end > 0 && bytes[end] & 0b1100_0000 == 0b1000_0000 {
                end -= 1;
            }
        }
        let mut at = 0;
        while at < end {
            self.bytes[self.len] = bytes[at];
            self.len += 1;
            at += 1;
        }
        self
    }

    const fn int(mut self, value: i64) -> Self {
        if value < 0 {
            self = self.text("-");
        }
        let mut digits = [0u8; 20];
        let mut count = 0;
        let mut rest = value.unsigned_abs();
        loop {
            digits[count] = b'0' + (rest % 10) as u8;
            count += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        while count > 0 && self.len < CAPACITY {
            count -= 1;
            self.bytes[self.len] = digits[count];
            self.len += 1;
        }
        self
    }

    /// `` `TEXT` `` or `` `3001` ``.
    const fn code(self, code: Code) -> Self {
        let conflict = self.text("`");
        let conflict = match code {
            Code::Str(text) => conflict.text(text),
            Code::Int(value) => conflict.int(value),
        };
        conflict.text("`")
    }

    /// `` `Type::Variant` ``, and the transparent variant it comes through, if any.
    const fn error(self, at: Located<'_>) -> Self {
        let mut conflict = self.text("`").text(at.catalog.name());
        let variant = at.descriptor.variant();
        // A struct is its own single error: `NotFound`, not `NotFound::NotFound`.
        if !same_text(variant, at.catalog.name()) {
            conflict = conflict.text("::").text(variant);
        }
        conflict = conflict.text("`");
        match at.through {
            // A struct is its own single variant.
            Some(through) if same_text(through.outer, through.variant) => conflict
                .text(" (through transparent `")
                .text(through.outer)
                .text("`)"),
            Some(through) => conflict
                .text(" (through transparent variant `")
                .text(through.outer)
                .text("::")
                .text(through.variant)
                .text("`)"),
            None => conflict,
        }
    }
}

/// A transparent variant of the outer type.
#[derive(Clone, Copy)]
struct Through<'a> {
    outer: &'a str,
    variant: &'a str,
}

/// An error of the tree, where it was found.
#[derive(Clone, Copy)]
struct Located<'a> {
    catalog: &'a Catalog,
    descriptor: &'a Descriptor,
    through: Option<Through<'a>>,
}

/// What every check needs: the outer type, its transparent variants' names, its prefix, and
/// the first error of the tree, whose code's kind every code has.
#[derive(Clone, Copy)]
struct Outer<'a> {
    catalog: &'a Catalog,
    variants: &'a [&'a str],
    prefix: &'a str,
    first: Option<Located<'a>>,
}

impl Catalog {
    /// Not public API: for each of the first `K` nested catalogs, those of the transparent
    /// variants named `variants`, the first conflict it brings into this catalog; `prefix` is
    /// the outer type's (`""` for none).
    #[doc(hidden)]
    pub const fn conflicts<const K: usize>(
        &self,
        variants: &[&str],
        prefix: &str,
    ) -> [Option<Conflict>; K] {
        let mut found = [None; K];
        let outer = Outer {
            catalog: self,
            variants,
            prefix,
            first: first_error(self, variants),
        };
        let mut table = CodeTable::new();
        // The outer type's own errors, which the derive has checked.
        let own = Node {
            catalog: self,
            variant: None,
        };
        if let Added::New(id) = table.add(own) {
            let mut index = 0;
            while index < self.descriptors().len() {
                if let Inserted::Full = table.insert(id, index) {
                    if K > 0 {
                        found[0] = Some(too_large(self));
                    }
                    return found;
                }
                index += 1;
            }
        }
        let mut at = 0;
        while at < self.nested().len() && at < K {
            found[at] = walk(&mut table, outer, &self.nested()[at], at);
            at += 1;
        }
        found
    }
}

const fn too_large(outer: &Catalog) -> Conflict {
    Conflict::new()
        .text("the catalog of `")
        .text(outer.name())
        .text("` has more errors than its codes can be checked for at compile time (")
        .int(MOST_ERRORS as i64)
        .text(")")
}

const fn through<'a>(outer: &'a Catalog, variants: &[&'a str], at: usize) -> Option<Through<'a>> {
    Some(Through {
        outer: outer.name(),
        variant: if at < variants.len() {
            variants[at]
        } else {
            "?"
        },
    })
}

/// The first error of the whole tree, own errors first.
const fn first_error<'a>(outer: &'a Catalog, variants: &[&'a str]) -> Option<Located<'a>> {
    if let Some(descriptor) = outer.descriptors().first() {
        return Some(Located {
            catalog: outer,
            descriptor,
            through: None,
        });
    }
    let mut at = 0;
    while at < outer.nested().len() {
        if let Some(found) = first_in(&outer.nested()[at], through(outer, variants, at)) {
            return Some(found);
        }
        at += 1;
    }
    None
}

const fn first_in<'a>(catalog: &'a Catalog, through: Option<Through<'a>>) -> Option<Located<'a>> {
    if let Some(descriptor) = catalog.descriptors().first() {
        return Some(Located {
            catalog,
            descriptor,
            through,
        });
    }
    let mut at = 0;
    while at < catalog.nested().len() {
        if let Some(found) = first_in(&catalog.nested()[at], through) {
            return Some(found);
        }
        at += 1;
    }
    None
}

/// Adds `catalog`, which the transparent variant `at` brings in, and everything nested in it,
/// to the table; the first conflict found on the way. A catalog with the same errors as one
/// added before is the same errors again, and is skipped with what is nested in it.
const fn walk<'a>(
    table: &mut CodeTable<'a>,
    outer: Outer<'a>,
    catalog: &'a Catalog,
    at: usize,
) -> Option<Conflict> {
    let node = Node {
        catalog,
        variant: Some(at),
    };
    let id = match table.add(node) {
        Added::New(id) => id,
        Added::Known => return None,
        Added::Full => return Some(too_large(outer.catalog)),
    };
    let here = through(outer.catalog, outer.variants, at);
    let mut found = None;
    let mut index = 0;
    while index < catalog.descriptors().len() {
        let error = Located {
            catalog,
            descriptor: &catalog.descriptors()[index],
            through: here,
        };
        if found.is_none() {
            found = check(outer, error);
        }
        // Added whatever was found: the next variants are checked against it.
        match table.insert(id, index) {
            Inserted::New => {}
            Inserted::Taken(node, descriptor) => {
                if found.is_none() {
                    let earlier = Located {
                        catalog: node.catalog,
                        descriptor,
                        through: match node.variant {
                            Some(variant) => through(outer.catalog, outer.variants, variant),
                            None => None,
                        },
                    };
                    found = Some(duplicate(error, earlier));
                }
            }
            Inserted::Full => return Some(too_large(outer.catalog)),
        }
        index += 1;
    }
    let mut nested = 0;
    while nested < catalog.nested().len() {
        let conflict = walk(table, outer, &catalog.nested()[nested], at);
        if found.is_none() {
            found = conflict;
        }
        nested += 1;
    }
    found
}

const fn duplicate(error: Located<'_>, earlier: Located<'_>) -> Conflict {
    Conflict::new()
        .text("duplicate code ")
        .code(error.descriptor.code())
        .text(": ")
        .error(error)
        .text(" and ")
        .error(earlier)
        .text(" both use it")
}

/// One error brought in by a transparent variant, against the outer type's prefix and the
/// kind of the tree's first code.
const fn check(outer: Outer<'_>, error: Located<'_>) -> Option<Conflict> {
    let code = error.descriptor.code();
    let prefix = outer.prefix;
    if !prefix.is_empty() {
        match code {
            Code::Str(text) if starts_with(text, prefix) => {}
            Code::Str(_) => {
                return Some(
                    Conflict::new()
                        .text("code ")
                        .code(code)
                        .text(" of ")
                        .error(error)
                        .text(" does not start with the prefix `")
                        .text(prefix)
                        .text("` of `")
                        .text(outer.catalog.name())
                        .text("`"),
                );
            }
            Code::Int(_) => {
                return Some(
                    Conflict::new()
                        .text("code ")
                        .code(code)
                        .text(" of ")
                        .error(error)
                        .text(" is an integer, but the prefix `")
                        .text(prefix)
                        .text("` of `")
                        .text(outer.catalog.name())
                        .text("` applies to string codes"),
                );
            }
        }
    }
    if let Some(first) = outer.first
        && first.descriptor.code().is_int() != code.is_int()
    {
        return Some(
            Conflict::new()
                .text("code kinds are mixed: ")
                .error(error)
                .text(" has the ")
                .text(kind(code))
                .text(" code ")
                .code(code)
                .text(", but ")
                .error(first)
                .text(" has the ")
                .text(kind(first.descriptor.code()))
                .text(" code ")
                .code(first.descriptor.code())
                .text("; give every code the same kind"),
        );
    }
    None
}

const fn kind(code: Code) -> &'static str {
    match code {
        Code::Str(_) => "string",
        Code::Int(_) => "integer",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    mod auth {
        // Only the catalogs are read.
        #[allow(dead_code)]
        #[derive(Debug, crate::ApiError)]
        #[api(crate = crate, status = 401)]
        pub enum Error {
            #[api(code = "EXPIRED")]
            Expired,
        }
    }

    mod billing {
        // Only the catalogs are read.
        #[allow(dead_code)]
        #[derive(Debug, crate::ApiError)]
        #[api(crate = crate, status = 402)]
        pub enum Error {
            #[api(code = "EXPIRED")]
            Expired,
            #[api(code = "DECLINED")]
            Declined,
        }
    }

    #[allow(dead_code)]
    #[derive(Debug, crate::ApiError)]
    #[api(crate = crate, status = 400)]
    enum Numbered {
        #[api(code = 7)]
        Seven,
    }

    #[derive(Debug, crate::ApiError)]
    #[api(crate = crate, code = "SHOP_GONE", status = 410)]
    struct Gone;

    /// The conflict the catalog nested at `at` of a catalog of `own` and `nested` brings.
    fn conflict(
        own: &'static [Descriptor],
        nested: &'static [Catalog],
        at: usize,
        prefix: &str,
    ) -> Option<String> {
        let variants = ["First", "Second"];
        let found = Catalog::from_parts("Shop", own, nested).conflicts::<2>(&variants, prefix);
        found
            .get(at)
            .copied()
            .flatten()
            .map(|conflict| conflict.as_str().to_owned())
    }

    #[test]
    fn the_same_catalog_reached_twice_is_no_conflict() {
        const TWICE: &[Catalog] = &[auth::Error::CATALOG, auth::Error::CATALOG];
        assert_eq!(conflict(&[], TWICE, 1, ""), None);
    }

    #[test]
    fn types_of_the_same_name_are_told_apart_by_their_errors() {
        const BOTH: &[Catalog] = &[auth::Error::CATALOG, billing::Error::CATALOG];
        assert_eq!(conflict(&[], BOTH, 0, ""), None);
        assert_eq!(
            conflict(&[], BOTH, 1, "").as_deref(),
            Some(
                "duplicate code `EXPIRED`: `Error::Expired` (through transparent variant `Shop::Second`) \
                 and `Error::Expired` (through transparent variant `Shop::First`) both use it"
            )
        );
    }

    #[test]
    fn prefixes_and_kinds() {
        const NUMBERED: &[Catalog] = &[Numbered::CATALOG];
        assert_eq!(
            conflict(&[], NUMBERED, 0, "SHOP_").as_deref(),
            Some(
                "code `7` of `Numbered::Seven` (through transparent variant `Shop::First`) is an \
                 integer, but the prefix `SHOP_` of `Shop` applies to string codes"
            )
        );
        const STRUCT_THEN_NUMBERED: &[Catalog] = &[Gone::CATALOG, Numbered::CATALOG];
        assert_eq!(conflict(&[], STRUCT_THEN_NUMBERED, 0, "SHOP_"), None);
        assert_eq!(
            conflict(&[], STRUCT_THEN_NUMBERED, 1, "").as_deref(),
            Some(
                "code kinds are mixed: `Numbered::Seven` (through transparent variant \
                 `Shop::Second`) has the integer code `7`, but `Gone` (through transparent \
                 variant `Shop::First`) has the string code `SHOP_GONE`; give every code the \
                 same kind"
            )
        );
        // Out of range: nothing nested there.
        assert_eq!(conflict(&[], NUMBERED, 1, ""), None);
    }

    #[test]
    fn messages_keep_whole_characters() {
        let long = "é".repeat(CAPACITY);
        let conflict = Conflict::new().text("x").text(&long);
        assert!(conflict.as_str().len() <= CAPACITY);
        assert!(conflict.as_str().starts_with("xé"));
        assert_eq!(conflict.as_str().chars().count(), 1 + (CAPACITY - 1) / 2);
    }

    #[test]
    fn integers_are_written_in_full() {
        for value in [0, 7, -3, 200601, i64::MIN, i64::MAX] {
            assert_eq!(Conflict::new().int(value).as_str(), value.to_string());
        }
    }
}
