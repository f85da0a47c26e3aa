//! Conflicts between a catalog and the catalogs nested in it, found in `const` evaluation so
//! that they fail the build and cost nothing at run time.
//!
//! The rules, for the catalog a transparent variant wraps (with everything nested in it):
//! - none of its codes is used by an error declared before it (the outer type's own errors,
//!   and the catalogs of earlier transparent variants), unless both are the same error of the
//!   same type, reached through two paths;
//! - its codes start with the outer type's `prefix`, and are strings when there is one;
//! - its codes are of the kind of the first code of the outer type's whole catalog.
//!
//! Each catalog checks the catalogs it wraps itself, so a conflict deep in a tree is reported
//! by the type whose variant brings it in.

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

impl Catalog {
    /// Not public API: the first conflict the catalog nested at `at` brings into this one, for
    /// the transparent variants named `variants` (one per nested catalog) and the outer type's
    /// `prefix` (`""` for none).
    #[doc(hidden)]
    pub const fn conflict(&self, variants: &[&str], at: usize, prefix: &str) -> Option<Conflict> {
        if at >= self.nested().len() {
            return None;
        }
        let first = first_error(self, variants);
        let through = through(self, variants, at);
        walk(
            self,
            &self.nested()[at],
            through,
            variants,
            at,
            first,
            prefix,
        )
    }
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

/// Checks every error of `catalog` and the catalogs nested in it, all come through the
/// transparent variant `at` of `outer`.
const fn walk<'a>(
    outer: &'a Catalog,
    catalog: &'a Catalog,
    through: Option<Through<'a>>,
    variants: &[&'a str],
    at: usize,
    first: Option<Located<'a>>,
    prefix: &str,
) -> Option<Conflict> {
    let mut index = 0;
    while index < catalog.descriptors().len() {
        let error = Located {
            catalog,
            descriptor: &catalog.descriptors()[index],
            through,
        };
        if let Some(conflict) = check(outer, error, variants, at, first, prefix) {
            return Some(conflict);
        }
        index += 1;
    }
    let mut nested = 0;
    while nested < catalog.nested().len() {
        let found = walk(
            outer,
            &catalog.nested()[nested],
            through,
            variants,
            at,
            first,
            prefix,
        );
        if found.is_some() {
            return found;
        }
        nested += 1;
    }
    None
}

/// One error brought in through the transparent variant `at`, against the outer type's
/// prefix, the kind of its first code, and every error declared before the variant.
const fn check<'a>(
    outer: &'a Catalog,
    error: Located<'a>,
    variants: &[&'a str],
    at: usize,
    first: Option<Located<'a>>,
    prefix: &str,
) -> Option<Conflict> {
    let code = error.descriptor.code();
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
                        .text(outer.name())
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
                        .text(outer.name())
                        .text("` applies to string codes"),
                );
            }
        }
    }
    if let Some(first) = first
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
    if let Some(earlier) = earlier_with(outer, error, variants, at) {
        return Some(
            Conflict::new()
                .text("duplicate code ")
                .code(code)
                .text(": ")
                .error(error)
                .text(" and ")
                .error(earlier)
                .text(" both use it"),
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

/// An error declared before the transparent variant `at` that has the code of `error` and is
/// not the same error: one of the outer type's own, or in the catalog of an earlier variant.
const fn earlier_with<'a>(
    outer: &'a Catalog,
    error: Located<'a>,
    variants: &[&'a str],
    at: usize,
) -> Option<Located<'a>> {
    let own = Located {
        catalog: outer,
        descriptor: error.descriptor,
        through: None,
    };
    if let Some(found) = same_code_in(outer.descriptors(), own, error) {
        return Some(found);
    }
    let mut earlier = 0;
    while earlier < at && earlier < outer.nested().len() {
        let found = same_code_in_tree(
            &outer.nested()[earlier],
            through(outer, variants, earlier),
            error,
        );
        if found.is_some() {
            return found;
        }
        earlier += 1;
    }
    None
}

const fn same_code_in_tree<'a>(
    catalog: &'a Catalog,
    through: Option<Through<'a>>,
    error: Located<'a>,
) -> Option<Located<'a>> {
    let here = Located {
        catalog,
        descriptor: error.descriptor,
        through,
    };
    if let Some(found) = same_code_in(catalog.descriptors(), here, error) {
        return Some(found);
    }
    let mut nested = 0;
    while nested < catalog.nested().len() {
        let found = same_code_in_tree(&catalog.nested()[nested], through, error);
        if found.is_some() {
            return found;
        }
        nested += 1;
    }
    None
}

/// The descriptor of `descriptors` (those of `place.catalog`) with the code of `error`, unless
/// it is the same error reached through another path.
const fn same_code_in<'a>(
    descriptors: &'a [Descriptor],
    place: Located<'a>,
    error: Located<'a>,
) -> Option<Located<'a>> {
    let code = error.descriptor.code();
    let mut index = 0;
    while index < descriptors.len() {
        let candidate = &descriptors[index];
        if same_code(candidate.code(), code) {
            if same_catalog(place.catalog, error.catalog) {
                return None;
            }
            return Some(Located {
                descriptor: candidate,
                ..place
            });
        }
        index += 1;
    }
    None
}

const fn same_code(a: Code, b: Code) -> bool {
    match (a, b) {
        (Code::Str(a), Code::Str(b)) => same_text(a, b),
        (Code::Int(a), Code::Int(b)) => a == b,
        _ => false,
    }
}

/// Whether two catalogs hold the same errors: the same type's catalog reached twice. Compared
/// by value, as [`Catalog`]'s `==` compares them, because a constant's data has no guaranteed
/// single address.
const fn same_catalog(a: &Catalog, b: &Catalog) -> bool {
    if !same_text(a.name(), b.name())
        || a.descriptors().len() != b.descriptors().len()
        || a.nested().len() != b.nested().len()
    {
        return false;
    }
    let mut index = 0;
    while index < a.descriptors().len() {
        if !a.descriptors()[index].same(&b.descriptors()[index]) {
            return false;
        }
        index += 1;
    }
    let mut nested = 0;
    while nested < a.nested().len() {
        if !same_catalog(&a.nested()[nested], &b.nested()[nested]) {
            return false;
        }
        nested += 1;
    }
    true
}

pub(crate) const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}

pub(crate) const fn same_texts(a: &[&str], b: &[&str]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        if !same_text(a[at], b[at]) {
            return false;
        }
        at += 1;
    }
    true
}

pub(crate) const fn same_optional_text(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_text(a, b),
        (None, None) => true,
        _ => false,
    }
}

const fn starts_with(text: &str, prefix: &str) -> bool {
    let (text, prefix) = (text.as_bytes(), prefix.as_bytes());
    if prefix.len() > text.len() {
        return false;
    }
    let mut at = 0;
    while at < prefix.len() {
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

    mod auth {
        #[derive(Debug, crate::ApiError)]
        #[api(crate = crate, status = 401)]
        pub enum Error {
            #[api(code = "EXPIRED")]
            Expired,
        }
    }

    mod billing {
        #[derive(Debug, crate::ApiError)]
        #[api(crate = crate, status = 402)]
        pub enum Error {
            #[api(code = "EXPIRED")]
            Expired,
            #[api(code = "DECLINED")]
            Declined,
        }
    }

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
        Catalog::from_parts("Shop", own, nested)
            .conflict(&variants, at, prefix)
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
