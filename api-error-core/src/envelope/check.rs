//! The rules a shape obeys, checked in `const` evaluation: a shape that cannot be written as
//! declared, or an enum whose errors it would write only in part, fails the build with a
//! message naming the member (and the variant), never a body with `{}` or a value left out.
//!
//! Shape rules, checked by [`Shape::new`](super::Shape::new) and
//! [`Shape::details_form`](super::Shape::details_form):
//! - an object has one member of each name, and at most one flattened [`Value::Members`];
//! - `Value::Object(&[])` and `Value::List(&[])` are errors (write a constant `{}` or `[]`);
//! - a field value ([`Value::Field`], ...) stands in a list's item, or in a details form;
//! - [`Member::required`] marks a [`Value::Attr`], [`Member::when_declared`] a
//!   [`Value::Message`], [`Member::flatten`] a [`Value::Members`];
//! - [`Member::or`] follows a value that can be absent, and neither is an object or a list;
//! - a constant object has one member of each name;
//! - a details form holds field values, constants and objects of them.
//!
//! Rules between a shape and an enum, checked by [`check_flagged`] for each derived type:
//! - a variant with details has a [`Value::Details`] to be written in, or, for details written
//!   `FieldErrors`, a list with field values to be spread in;
//! - a variant's members have a [`Value::Members`] or a [`Value::Member`] of their key;
//! - a variant's inner error has a [`Value::Inner`];
//! - a variant has every attribute a [`Member::required`] member names;
//! - a flattened member of a variant does not share its key with a member beside it.

use super::value::{Constant, Value};
use super::{DetailsForm, Member, Shape};
use crate::model::descriptor::{EMPTY_ROW, row};
use crate::{Catalog, Descriptor};

/// Panics with the message the parts spell, in `const` evaluation a compile error.
pub(crate) struct Complaint {
    bytes: [u8; 320],
    len: usize,
}

impl Complaint {
    pub(crate) const fn new() -> Self {
        Complaint {
            bytes: [0; 320],
            len: 0,
        }
    }

    pub(crate) const fn say(mut self, text: &str) -> Self {
        let text = text.as_bytes();
        let mut index = 0;
        while index < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[index];
            self.len += 1;
            index += 1;
        }
        self
    }

    /// ``member `error.details` `` or ``the root object``.
    const fn member(self, path: &Path, name: &str) -> Self {
        if path.len == 0 && name.is_empty() {
            return self.say("a flattened member of the root object");
        }
        let mut complaint = self.say("member `");
        let mut index = 0;
        while index < path.len {
            complaint = complaint.say(path.names[index]).say(".");
            index += 1;
        }
        if name.is_empty() {
            complaint.say("(flattened)`")
        } else {
            complaint.say(name).say("`")
        }
    }

    const fn fail(self) -> ! {
        let (text, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(text) {
            Ok(text) => panic!("{}", text),
            // Cut inside a character: said without it.
            Err(error) => {
                let (text, _) = text.split_at(error.valid_up_to());
                match core::str::from_utf8(text) {
                    Ok(text) => panic!("{}", text),
                    Err(_) => panic!("the envelope's shape breaks a rule"),
                }
            }
        }
    }

    /// The message said so far, for a caller that panics with it where its error belongs.
    #[cfg(feature = "utoipa")]
    pub(crate) const fn text(&self) -> &str {
        let (text, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(text) {
            Ok(text) => text,
            // Cut inside a character: said without it.
            Err(error) => {
                let (text, _) = text.split_at(error.valid_up_to());
                match core::str::from_utf8(text) {
                    Ok(text) => text,
                    Err(_) => "",
                }
            }
        }
    }
}

/// The names of the objects around a member, outermost first.
#[derive(Clone, Copy)]
struct Path {
    names: [&'static str; 16],
    len: usize,
}

impl Path {
    const ROOT: Path = Path {
        names: [""; 16],
        len: 0,
    };

    const fn into(mut self, name: &'static str) -> Path {
        if self.len < self.names.len() {
            self.names[self.len] = name;
            self.len += 1;
        }
        self
    }
}

pub(crate) const fn eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// Checks a shape's members and its details form.
pub(crate) const fn shape(members: &'static [Member], form: DetailsForm) {
    object(members, Path::ROOT, false);
    details_form(form);
}

const fn object(members: &'static [Member], path: Path, in_list: bool) {
    let mut index = 0;
    let mut flattened = 0;
    while index < members.len() {
        let member = &members[index];
        if member.flatten {
            flattened += 1;
            if flattened > 1 {
                Complaint::new()
                    .member(&path, "")
                    .say(": an object flattens `Value::Members` once")
                    .fail();
            }
        } else {
            let mut before = 0;
            while before < index {
                let other = &members[before];
                if !other.flatten && eq(other.name, member.name) {
                    Complaint::new()
                        .member(&path, member.name)
                        .say(" is declared twice in its object")
                        .fail();
                }
                before += 1;
            }
        }
        self::member(member, path, in_list);
        index += 1;
    }
}

const fn member(member: &Member, path: Path, in_list: bool) {
    let name = member.name;
    if member.required && !matches!(member.value, Value::Attr(_)) {
        Complaint::new()
            .member(&path, name)
            .say(
                ": only a `Value::Attr` can be required; other values are absent by their own rule",
            )
            .fail();
    }
    if member.when_declared && !matches!(member.value, Value::Message) {
        Complaint::new()
            .member(&path, name)
            .say(": `when_declared` applies to `Value::Message`; other values are absent when not declared already")
            .fail();
    }
    if member.flatten && !matches!(member.value, Value::Members) {
        Complaint::new()
            .member(&path, name)
            .say(": `Member::flatten` holds `Value::Members`")
            .fail();
    }
    if let Some(fallback) = member.fallback {
        let absent = member.value.can_be_absent()
            || (member.when_declared && matches!(member.value, Value::Message));
        if !absent {
            Complaint::new()
                .member(&path, name)
                .say(": its value is never absent, so the value of `.or(..)` is never written")
                .fail();
        }
        if matches!(
            member.value,
            Value::Object(_) | Value::List(_) | Value::Members
        ) || matches!(fallback, Value::Object(_) | Value::List(_) | Value::Members)
        {
            Complaint::new()
                .member(&path, name)
                .say(": `.or(..)` joins two single values, not objects, lists or members")
                .fail();
        }
        value(fallback, name, path, in_list);
    }
    value(member.value, name, path, in_list);
}

const fn value(value: Value, name: &'static str, path: Path, in_list: bool) {
    if value.is_per_field() && !in_list {
        Complaint::new()
            .member(&path, name)
            .say(": a field value is written once per field error, in a list's item; put the member inside a `Value::List`")
            .fail();
    }
    match value {
        Value::Object(&[]) => Complaint::new()
            .member(&path, name)
            .say(": an object without members would always be `{}`; write `Value::Constant(Constant::Object(&[]))`")
            .fail(),
        Value::List(&[]) => Complaint::new()
            .member(&path, name)
            .say(": a list item without members would be `{}`; write `Value::Constant(Constant::Array(&[]))` for `[]`")
            .fail(),
        Value::Object(members) => object(members, path.into(name), in_list),
        Value::List(members) => object(members, path.into(name), true),
        Value::Constant(constant) => self::constant(constant, name, path),
        _ => {}
    }
}

const fn constant(constant: Constant, name: &'static str, path: Path) {
    match constant {
        Constant::Array(items) => {
            let mut index = 0;
            while index < items.len() {
                self::constant(items[index], name, path);
                index += 1;
            }
        }
        Constant::Object(members) => {
            let mut index = 0;
            while index < members.len() {
                let (key, inner) = members[index];
                let mut before = 0;
                while before < index {
                    if eq(members[before].0, key) {
                        Complaint::new()
                            .member(&path, name)
                            .say(": its constant object has two members named `")
                            .say(key)
                            .say("`")
                            .fail();
                    }
                    before += 1;
                }
                self::constant(inner, name, path);
                index += 1;
            }
        }
        _ => {}
    }
}

const fn details_form(form: DetailsForm) {
    let path = Path::ROOT.into("details_form");
    match form {
        DetailsForm::Items(&[]) => Complaint::new()
            .say("a details form's item needs members; `DetailsForm::Items(&[])` would write `[{}, ...]`")
            .fail(),
        DetailsForm::Items(members) => form_object(members, path),
        DetailsForm::ByField(value)
        | DetailsForm::AllByField(value)
        | DetailsForm::Nested { value, .. } => form_value(value, "value", path),
        DetailsForm::MessagesByField
        | DetailsForm::ObjectByField
        | DetailsForm::List
        | DetailsForm::Problem => {}
    }
}

const fn form_object(members: &'static [Member], path: Path) {
    object(members, path, true);
    let mut index = 0;
    while index < members.len() {
        let member = &members[index];
        form_value(member.value, member.name, path);
        if let Some(fallback) = member.fallback {
            form_value(fallback, member.name, path);
        }
        index += 1;
    }
}

const fn form_value(value: Value, name: &'static str, path: Path) {
    match value {
        Value::Object(members) => form_object(members, path.into(name)),
        Value::Constant(_) => {}
        value if value.is_per_field() => {}
        _ => Complaint::new()
            .member(&path, name)
            .say(": a details form writes field errors, so it holds field values (`Value::Field`, `Value::FieldMessage`, ...), constants and objects of them")
            .fail(),
    }
}

/// What a shape offers the variants of an enum, found in one walk.
#[derive(Clone, Copy)]
struct Offers {
    details: bool,
    field_list: bool,
    members: bool,
    inner: bool,
    required: bool,
}

impl Offers {
    const NOTHING: Offers = Offers {
        details: false,
        field_list: false,
        members: false,
        inner: false,
        required: false,
    };
}

const fn offers(members: &'static [Member], mut found: Offers) -> Offers {
    let mut index = 0;
    while index < members.len() {
        let member = &members[index];
        found.required |= member.required;
        found = offered(member.value, found);
        if let Some(fallback) = member.fallback {
            found = offered(fallback, found);
        }
        index += 1;
    }
    found
}

const fn offered(value: Value, mut found: Offers) -> Offers {
    match value {
        Value::Details => found.details = true,
        Value::Members => found.members = true,
        Value::Inner => found.inner = true,
        Value::Object(members) => found = offers(members, found),
        Value::List(members) => {
            found.field_list |= holds_field_values(members);
            found = offers(members, found);
        }
        _ => {}
    }
    found
}

/// Whether a list's item (or an object in it) holds a field value.
const fn holds_field_values(members: &'static [Member]) -> bool {
    let mut index = 0;
    while index < members.len() {
        let member = &members[index];
        let nested = match member.value {
            Value::Object(inner) => holds_field_values(inner),
            value => value.is_per_field(),
        };
        if nested || matches!(member.fallback, Some(fallback) if fallback.is_per_field()) {
            return true;
        }
        index += 1;
    }
    false
}

/// Whether the shape has a `Value::Member(key)` anywhere.
const fn names_member(members: &'static [Member], key: &str) -> bool {
    let mut index = 0;
    while index < members.len() {
        let member = &members[index];
        if names_member_in(member.value, key)
            || matches!(member.fallback, Some(fallback) if names_member_in(fallback, key))
        {
            return true;
        }
        index += 1;
    }
    false
}

const fn names_member_in(value: Value, key: &str) -> bool {
    match value {
        Value::Member(named) => eq(named, key),
        Value::Object(members) | Value::List(members) => names_member(members, key),
        _ => false,
    }
}

/// Checks that `shape` writes every error of `catalog` whole, the errors of its nested
/// catalogs included: an enum's transparent variants are written in its own envelope.
#[doc(hidden)]
pub const fn check_tree(shape: &Shape, catalog: &Catalog) {
    let found = offers(shape.members, Offers::NOTHING);
    check_catalog(shape, found, catalog.descriptors());
    let nested = catalog.nested();
    let mut index = 0;
    while index < nested.len() {
        check_tree(shape, &nested[index]);
        index += 1;
    }
}

/// [`check_catalog`] for an enum whose rows' flags, all together, are `flags`: the variants
/// are checked one by one only when one of them has something `shape` may lack a place for,
/// or `shape` requires attributes. Each step of `const` evaluation costs rustc, and a catalog
/// has thousands of variants.
#[doc(hidden)]
pub const fn check_flagged(shape: &Shape, flags: u8, descriptors: &[Descriptor]) {
    let found = offers(shape.members, Offers::NOTHING);
    let details_placed = flags & row::DETAILS == 0 || found.details;
    let inner_placed = flags & row::INNER == 0 || found.inner;
    if found.required || flags & row::MEMBERS != 0 || !details_placed || !inner_placed {
        check_catalog(shape, found, descriptors);
    }
}

/// Checks that `shape`, which offers `found`, writes every variant of an enum whole: see the
/// module's rules. Generated code calls it in `const` evaluation, for the enum's descriptors,
/// through [`check_flagged`].
const fn check_catalog(shape: &Shape, found: Offers, descriptors: &[Descriptor]) {
    let mut index = 0;
    while index < descriptors.len() {
        let descriptor = &descriptors[index];
        // The flags are read in place, as each call costs `const` evaluation a frame and a
        // catalog has thousands of variants, most with nothing an envelope may lack a place
        // for.
        let meta = match descriptor.row {
            Some(row) => row.3,
            None => EMPTY_ROW.3,
        };
        let flags = (meta >> 16) as u8;
        let spread = flags & row::FIELD_ERRORS != 0 && found.field_list;
        let lacks_details = flags & row::DETAILS != 0 && !found.details && !spread;
        let lacks_inner = flags & row::INNER != 0 && !found.inner;
        if !found.required && !lacks_details && !lacks_inner && flags & row::MEMBERS == 0 {
            index += 1;
            continue;
        }
        if lacks_details {
            Complaint::new()
                .say("variant `")
                .say(descriptor.variant())
                .say("` has details (`#[api(details)]`), but the envelope has no `Value::Details` to write them in")
                .fail();
        }
        if lacks_inner {
            Complaint::new()
                .say("variant `")
                .say(descriptor.variant())
                .say("` has an inner error (`#[api(inner)]`), but the envelope has no `Value::Inner` to write it in")
                .fail();
        }
        let keys = descriptor.members();
        let mut key = 0;
        while key < keys.len() {
            if !found.members && !names_member(shape.members, keys[key]) {
                Complaint::new()
                    .say("variant `")
                    .say(descriptor.variant())
                    .say("` has the member `")
                    .say(keys[key])
                    .say("` (`#[api(member)]`), but the envelope has no `Value::Members` or `Value::Member(\"")
                    .say(keys[key])
                    .say("\")` to write it in")
                    .fail();
            }
            key += 1;
        }
        if found.required {
            required(shape.members, descriptor, Path::ROOT);
        }
        if !keys.is_empty() && found.members {
            collisions(shape.members, shape.members, descriptor, Path::ROOT);
        }
        index += 1;
    }
}

/// Every attribute a required member names is one the variant has.
const fn required(members: &'static [Member], descriptor: &Descriptor, path: Path) {
    let mut index = 0;
    while index < members.len() {
        let member = &members[index];
        match member.value {
            Value::Attr(attr) if member.required && descriptor.attr(attr).is_none() => {
                Complaint::new()
                    .say("variant `")
                    .say(descriptor.variant())
                    .say("` has no attribute `")
                    .say(attr)
                    .say("`, which the envelope's ")
                    .member(&path, member.name)
                    .say(" requires; add `#[api(attr(")
                    .say(attr)
                    .say(" = ...))]` to the variant or the enum")
                    .fail();
            }
            Value::Object(inner) | Value::List(inner) => {
                required(inner, descriptor, path.into(member.name));
            }
            _ => {}
        }
        index += 1;
    }
}

/// No key of a member the variant flattens into an object is the name of a member beside it.
const fn collisions(
    root: &'static [Member],
    members: &'static [Member],
    descriptor: &Descriptor,
    path: Path,
) {
    let mut flattens = false;
    let mut index = 0;
    while index < members.len() {
        flattens |= members[index].flatten;
        index += 1;
    }
    let keys = descriptor.members();
    let mut index = 0;
    while index < members.len() {
        let member = &members[index];
        if flattens && !member.flatten {
            let mut key = 0;
            while key < keys.len() {
                if eq(keys[key], member.name) && !names_member(root, keys[key]) {
                    Complaint::new()
                        .say("variant `")
                        .say(descriptor.variant())
                        .say("` has the member `")
                        .say(keys[key])
                        .say("`, which would be written beside the envelope's ")
                        .member(&path, member.name)
                        .say(" under the same key; rename it with `#[api(member = \"...\")]`")
                        .fail();
                }
                key += 1;
            }
        }
        if let Value::Object(inner) | Value::List(inner) = member.value {
            collisions(root, inner, descriptor, path.into(member.name));
        }
        index += 1;
    }
}
