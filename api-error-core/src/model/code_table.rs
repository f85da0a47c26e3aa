//! The codes of a catalog tree, in a hash table kept in `const` evaluation: each error of the
//! tree is hashed and placed once, so checking a tree of thousands of errors takes a number of
//! steps proportional to its size, within what rustc lets one constant evaluate.

use crate::model::text::same_text;
use crate::{Catalog, Code, Descriptor};

/// Slots of the table: a power of two, at most three quarters of them used.
const SLOTS: usize = 1 << 15;
/// The most errors a tree can hold.
pub(crate) const MOST_ERRORS: usize = SLOTS / 4 * 3;
/// The most catalogs a tree can hold (a catalog reached twice counted once).
const MOST_CATALOGS: usize = 512;
/// A slot holds the high half of its code's hash, to compare codes only when those match, and
/// the error: its catalog's id, and its index in the catalog in the low `INDEX_BITS` bits.
const INDEX_BITS: u32 = 22;
const EMPTY: u64 = u64::MAX;

/// A catalog of the tree and the transparent variant of the outer type it comes through
/// (`None` for the outer type's own errors).
#[derive(Clone, Copy)]
pub(crate) struct Node<'a> {
    pub(crate) catalog: &'a Catalog,
    pub(crate) variant: Option<usize>,
}

/// What [`CodeTable::add`] found.
pub(crate) enum Added {
    /// A new catalog, with its id.
    New(usize),
    /// The same errors as a catalog added before: nothing to check again.
    Known,
    /// The table has no room left.
    Full,
}

/// What [`CodeTable::insert`] found.
pub(crate) enum Inserted<'a> {
    New,
    /// An error added before has the same code: the catalog it is in, and the error.
    Taken(Node<'a>, &'a Descriptor),
    Full,
}

pub(crate) struct CodeTable<'a> {
    catalogs: [Option<Node<'a>>; MOST_CATALOGS],
    catalog_count: usize,
    slots: [u64; SLOTS],
    error_count: usize,
}

impl<'a> CodeTable<'a> {
    pub(crate) const fn new() -> Self {
        CodeTable {
            catalogs: [None; MOST_CATALOGS],
            catalog_count: 0,
            slots: [EMPTY; SLOTS],
            error_count: 0,
        }
    }

    /// Adds a catalog, unless one with the same errors is in the table already.
    pub(crate) const fn add(&mut self, node: Node<'a>) -> Added {
        let mut id = 0;
        while id < self.catalog_count {
            if let Some(known) = self.catalogs[id]
                && known.catalog.same_errors(node.catalog)
            {
                return Added::Known;
            }
            id += 1;
        }
        if self.catalog_count == MOST_CATALOGS {
            return Added::Full;
        }
        self.catalogs[self.catalog_count] = Some(node);
        self.catalog_count += 1;
        Added::New(self.catalog_count - 1)
    }

    /// Adds the error at `index` of the catalog `id`, unless an error added before has its
    /// code.
    pub(crate) const fn insert(&mut self, id: usize, index: usize) -> Inserted<'a> {
        let Some(node) = self.catalogs[id] else {
            return Inserted::Full;
        };
        let code = node.catalog.descriptors()[index].code();
        let hash = hash(code);
        let tag = hash >> 32;
        let mut slot = (hash as usize) & (SLOTS - 1);
        loop {
            let entry = self.slots[slot];
            if entry == EMPTY {
                break;
            }
            if entry >> 32 == tag
                && let Some((other, descriptor)) = self.entry(entry)
                && same_code(descriptor.code(), code)
            {
                return Inserted::Taken(other, descriptor);
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        if self.error_count == MOST_ERRORS || index >= 1 << INDEX_BITS {
            return Inserted::Full;
        }
        self.slots[slot] = (tag << 32) | ((id as u64) << INDEX_BITS) | index as u64;
        self.error_count += 1;
        Inserted::New
    }

    /// The catalog and error an entry names; entries are only written for errors of
    /// catalogs added before, so there always is one.
    const fn entry(&self, entry: u64) -> Option<(Node<'a>, &'a Descriptor)> {
        let error = entry & 0xffff_ffff;
        let id = (error >> INDEX_BITS) as usize;
        let index = (error & ((1 << INDEX_BITS) - 1)) as usize;
        if id >= MOST_CATALOGS {
            return None;
        }
        let Some(node) = self.catalogs[id] else {
            return None;
        };
        if index >= node.catalog.descriptors().len() {
            return None;
        }
        Some((node, &node.catalog.descriptors()[index]))
    }
}

/// The code's length and three windows of eight bytes (its start, middle and end), or an
/// integer code's value: `const` evaluation counts its steps, and a step per byte would make a
/// tree of thousands of errors too long to check. Codes that differ elsewhere only share a
/// slot's probe sequence, and are told apart by comparing them.
const fn hash(code: Code) -> u64 {
    const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut hash = match code {
        Code::Int(value) => value as u64,
        Code::Str(text) => {
            let bytes = text.as_bytes();
            let len = bytes.len();
            let middle = len / 2;
            let end = len.saturating_sub(8);
            let mut hash = (len as u64).wrapping_mul(MULTIPLIER);
            hash = (hash ^ window(bytes, 0)).wrapping_mul(MULTIPLIER);
            hash = (hash ^ window(bytes, middle.saturating_sub(4))).wrapping_mul(MULTIPLIER);
            (hash ^ window(bytes, end)).wrapping_mul(MULTIPLIER)
        }
    };
    hash = hash.wrapping_mul(MULTIPLIER);
    hash ^ (hash >> 31)
}

/// Up to eight bytes of `bytes` from `start`, as a number.
const fn window(bytes: &[u8], start: usize) -> u64 {
    let len = bytes.len();
    let mut value = 0;
    let mut at = start;
    while at < len && at < start + 8 {
        value = (value << 8) | bytes[at] as u64;
        at += 1;
    }
    value
}

pub(crate) const fn same_code(a: Code, b: Code) -> bool {
    match (a, b) {
        (Code::Str(a), Code::Str(b)) => same_text(a, b),
        (Code::Int(a), Code::Int(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::descriptor::DescriptorParts;

    /// A catalog named `name` with these codes, leaked for the `'static` a catalog needs.
    fn catalog(name: &'static str, codes: Vec<Code>) -> &'static Catalog {
        let descriptors: Vec<Descriptor> = codes
            .into_iter()
            .enumerate()
            .map(|(index, code)| {
                Descriptor::from_parts(DescriptorParts {
                    index,
                    variant: "Variant",
                    code,
                    status: 400,
                    name: "Variant",
                    code_json: "",
                    ..DescriptorParts::PLAIN
                })
            })
            .collect();
        Box::leak(Box::new(Catalog::from_parts(
            name,
            Box::leak(descriptors.into_boxed_slice()),
            &[],
        )))
    }

    fn text(code: String) -> Code {
        Code::Str(Box::leak(code.into_boxed_str()))
    }

    fn insert_all(table: &mut CodeTable<'static>, catalog: &'static Catalog) -> Vec<bool> {
        let Added::New(id) = table.add(Node {
            catalog,
            variant: None,
        }) else {
            panic!("the catalog is new");
        };
        (0..catalog.descriptors().len())
            .map(|index| matches!(table.insert(id, index), Inserted::New))
            .collect()
    }

    #[test]
    fn codes_that_share_every_hashed_window_are_told_apart() {
        // Forty bytes each, differing only between the windows the hash reads.
        let codes = (0..200)
            .map(|n| text(format!("SHOP_AUTH_{n:03}_{}_EXPIRED_AGAIN", "X".repeat(11))))
            .collect();
        let mut table = CodeTable::new();
        let inserted = insert_all(&mut table, catalog("Auth", codes));
        assert!(inserted.iter().all(|new| *new));
    }

    #[test]
    fn a_code_added_twice_names_the_first_error() {
        let mut table = CodeTable::new();
        let first = catalog("Auth", (0..3000).map(Code::Int).collect());
        assert!(insert_all(&mut table, first).iter().all(|new| *new));
        let second = catalog("Billing", vec![Code::Int(4000), Code::Int(2999)]);
        let Added::New(id) = table.add(Node {
            catalog: second,
            variant: Some(1),
        }) else {
            panic!("the catalog is new");
        };
        assert!(matches!(table.insert(id, 0), Inserted::New));
        match table.insert(id, 1) {
            Inserted::Taken(node, descriptor) => {
                assert_eq!(node.catalog.name(), "Auth");
                assert_eq!(node.variant, None);
                assert_eq!(descriptor.code(), Code::Int(2999));
            }
            _ => panic!("2999 is taken"),
        }
        // The same errors again are known, whatever the path.
        assert!(matches!(
            table.add(Node {
                catalog: first,
                variant: Some(2)
            }),
            Added::Known
        ));
    }

    #[test]
    fn the_table_says_when_it_is_full() {
        let mut table = CodeTable::new();
        let codes = (0..=MOST_ERRORS as i64).map(Code::Int).collect();
        let inserted = insert_all(&mut table, catalog("Huge", codes));
        assert_eq!(inserted.iter().filter(|new| **new).count(), MOST_ERRORS);
        assert_eq!(inserted.last(), Some(&false));
    }
}
