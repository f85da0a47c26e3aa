//! A [`Shape`] compiled into a plan for one error: the runs of fixed bytes (braces, commas,
//! escaped member names, constants, and the error's own code, status, attributes and fixed
//! message) each become one copy, and only what differs from one body of the error to the
//! next is left to do between them.
//!
//! `{"errors":[{"code":"E1","details":..}]}` is two steps: copy `{"errors":[{"code":"E1"` and
//! write the details member when there are details, then copy `}]}`.

use std::sync::OnceLock;

use super::escape::{escaped, string};
use super::{Absent, Constant, Member, Shape, Value};
use crate::model::descriptor::reason;
use crate::{AttrValue, Code, Descriptor, DetailsForm};

/// A [`Shape`] compiled for one error.
#[derive(Debug)]
pub(crate) struct Plan {
    pub(crate) bytes: Box<[u8]>,
    pub(crate) steps: Box<[Step]>,
    pub(crate) form: DetailsForm,
    /// The bases of field pointers, by [`Slot::FieldPointer`].
    pub(crate) bases: Box<[&'static str]>,
    /// The members of the objects inner errors are written as, by [`Slot::Inner`].
    pub(crate) inner: Box<[&'static [Member]]>,
    /// Where the item of the list of errors starts and ends, when the shape has such a list
    /// and nothing else of an error outside it: a body of several errors writes each error's
    /// item there.
    pub(crate) errors: Option<(Cursor, Cursor)>,
}

/// A place in a plan: in the fixed bytes of step `step`, at byte `byte` of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cursor {
    pub(crate) step: u32,
    pub(crate) byte: u32,
}

/// One step of a [`Plan`]: copy `bytes[start..end]` of the plan, then do `then`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Step {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) then: Then,
}

/// What a [`Step`] does after its fixed bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Then {
    /// Nothing: the last step of a plan, of an item, or of an object's members.
    Stop,
    /// A comma, unless the object has no member yet: before a member that is always written,
    /// when only members that may be absent come before it.
    Comma,
    /// A value whose key is written: the value, or what `otherwise` writes when it is absent.
    Value { slot: Slot, otherwise: Otherwise },
    /// A member that may be absent: its key (`bytes[start..end]`, `"name":`, after a comma
    /// when a member always comes before it) and its value, or what `otherwise` writes. `ask`
    /// is set when only members that may be absent come before it: the body then tells
    /// whether it needs a comma.
    Optional {
        slot: Slot,
        start: u32,
        end: u32,
        otherwise: Otherwise,
        ask: bool,
    },
    /// An object that may be absent: its key (`bytes[start..end]`, as for `Optional`; empty
    /// for a list's item), `{`, and its members, the next `len` steps. When none of them
    /// writes anything, the object is left out, or written as `null`.
    Object {
        len: u32,
        start: u32,
        end: u32,
        null: bool,
        ask: bool,
    },
    /// A list of per-field items. The next `spread` steps are the item for one field error,
    /// written once per field error when the details hold some; the `plain` steps after them
    /// are the single item written otherwise.
    PerField { spread: u32, plain: u32 },
}

/// What a member writes when its value is absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Otherwise {
    /// Nothing: the member is left out.
    Omit,
    /// `null`.
    Null,
    /// `bytes[start..end]`: the value of `.or(..)`, known when the plan is made.
    Fixed { start: u32, end: u32 },
    /// The value of `.or(..)` from the body; when it is absent too, `null` or nothing.
    Slot { slot: Slot, null: bool },
}

/// A value that differs from one body of the same error to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A message with values in it.
    Message,
    Details,
    RequestId,
    Timestamp,
    Instance,
    /// The path of the field error of a per-field item.
    Field,
    /// The same path as a JSON Pointer after the plan's base of this index.
    FieldPointer(u16),
    FieldMessage,
    FieldCode,
    FieldLocation,
    /// The variant's member field of this index.
    Member(u16),
    /// The inner error, as an object of the plan's members of this index.
    Inner(u16),
}

/// Whether a member writes something, as far as the plan can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Certainty {
    Never,
    Maybe,
    Always,
}

/// Where a value comes from, for one variant.
enum Origin {
    /// Fixed bytes, or a value the body always has: written by [`Builder::value`].
    Always,
    /// A value the body may lack.
    Maybe(Slot),
    /// Absent for the variant.
    Never,
}

/// Whether a member of the object being compiled comes before the next one, from least to
/// most certain.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Before {
    Nothing,
    Maybe,
    Certain,
}

impl Before {
    fn after(self, writes: Certainty) -> Before {
        match writes {
            Certainty::Always => Before::Certain,
            Certainty::Maybe => self.max(Before::Maybe),
            Certainty::Never => self,
        }
    }
}

impl Plan {
    /// Compiles `shape` for the error `descriptor` describes: its code, status, name,
    /// category and attributes, and its message when it has no values in it, become fixed
    /// bytes too.
    pub(crate) fn new(shape: &Shape, descriptor: &Descriptor) -> Plan {
        if !shape.body {
            return Builder::new(descriptor, shape.members).finish(shape.details);
        }
        let mut builder = Builder::new(descriptor, shape.members);
        builder.error_list = error_list(shape.members).ok().flatten();
        builder.object(shape.members, false);
        builder.then(Then::Stop);
        builder.finish(shape.details)
    }

    /// Compiles the object of `members` for the error `descriptor` describes, as the root of
    /// a plan: how an inner error is written.
    pub(crate) fn object(
        members: &'static [Member],
        descriptor: &Descriptor,
        form: DetailsForm,
    ) -> Plan {
        let mut builder = Builder::new(descriptor, members);
        builder.object(members, false);
        builder.then(Then::Stop);
        builder.finish(form)
    }
}

/// Whether `member` of an object of `shape` is written in every body
/// of the error `descriptor` describes (`item`: in a per-field item).
pub(crate) fn always_written(
    shape: &Shape,
    member: &Member,
    descriptor: &Descriptor,
    item: bool,
) -> bool {
    Builder::new(descriptor, shape.members).certainty(member, item) == Certainty::Always
}

struct Builder<'a> {
    descriptor: &'a Descriptor,
    bytes: Vec<u8>,
    steps: Vec<Step>,
    /// Where the fixed bytes of the next step start: they run to the end of `bytes`.
    run: usize,
    bases: Vec<&'static str>,
    inner: Vec<&'static [Member]>,
    /// The member keys a `Value::Member` of the shape names: a flattened `Value::Members`
    /// leaves them out.
    named: Vec<&'static str>,
    error_list: Option<&'static [Member]>,
    errors: Option<(Cursor, Cursor)>,
}

impl<'a> Builder<'a> {
    fn new(descriptor: &'a Descriptor, members: &'static [Member]) -> Self {
        let mut named = Vec::new();
        names(members, &mut named);
        Builder {
            descriptor,
            bytes: Vec::new(),
            steps: Vec::new(),
            run: 0,
            bases: Vec::new(),
            inner: Vec::new(),
            named,
            error_list: None,
            errors: None,
        }
    }

    fn finish(self, form: DetailsForm) -> Plan {
        Plan {
            bytes: self.bytes.into_boxed_slice(),
            steps: self.steps.into_boxed_slice(),
            form,
            bases: self.bases.into_boxed_slice(),
            inner: self.inner.into_boxed_slice(),
            errors: self.errors,
        }
    }

    /// The variant's member fields a flattened or named-object `Value::Members` writes:
    /// their indexes and keys.
    fn unnamed_members(&self) -> impl Iterator<Item = (usize, &'static str)> + use<'_> {
        self.descriptor
            .members()
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, key)| !self.named.contains(key))
    }

    /// An object's members, `{` and `}` included; `item` when the object is (in) a
    /// per-field item.
    fn object(&mut self, members: &'static [Member], item: bool) {
        self.fixed(b"{");
        self.members(members, item);
        self.fixed(b"}");
    }

    /// The members of an object, between its braces.
    fn members(&mut self, members: &'static [Member], item: bool) {
        let mut before = Before::Nothing;
        for member in members {
            if member.flatten {
                let absent = member.absent;
                let keys: Vec<_> = self.unnamed_members().collect();
                for (index, key) in keys {
                    let slot = Slot::Member(offset16(index));
                    before = self.maybe(before, key, slot, otherwise(absent, None));
                }
                continue;
            }
            before = match member.value {
                Value::Object(inner) => self.nested(before, member, inner, item, false),
                Value::Members => self.nested(before, member, &[], item, true),
                _ => self.single(before, member, members, item),
            };
        }
    }

    /// A member holding one value, with its fallback.
    fn single(
        &mut self,
        before: Before,
        member: &Member,
        object: &'static [Member],
        item: bool,
    ) -> Before {
        let own = self.source(member.value, member.when_declared, object, item);
        let fallback = member
            .fallback
            .map(|value| (value, self.source(value, false, object, item)));
        match (own, fallback) {
            (Origin::Always, _) => self.always(before, member.name, member.value, item),
            (Origin::Never, Some((value, Origin::Always))) => {
                self.always(before, member.name, value, item)
            }
            (Origin::Never, Some((_, Origin::Maybe(slot)))) => {
                self.maybe(before, member.name, slot, otherwise(member.absent, None))
            }
            (Origin::Never, _) if member.absent == Absent::Null => {
                self.always(before, member.name, Value::Constant(Constant::Null), item)
            }
            (Origin::Never, _) => before,
            (Origin::Maybe(slot), fallback) => {
                let fallback = match fallback {
                    Some((value, Origin::Always)) => match self.always_slot(value) {
                        Some(other) => Some(Fallback::Slot(other)),
                        None => Some(Fallback::Value(value)),
                    },
                    Some((_, Origin::Maybe(other))) => Some(Fallback::Slot(other)),
                    _ => None,
                };
                match fallback {
                    Some(Fallback::Value(value)) => {
                        self.maybe_or_fixed(before, member.name, slot, value, item)
                    }
                    Some(Fallback::Slot(other)) => self.maybe(
                        before,
                        member.name,
                        slot,
                        Otherwise::Slot {
                            slot: other,
                            null: member.absent == Absent::Null,
                        },
                    ),
                    None => self.maybe(before, member.name, slot, otherwise(member.absent, None)),
                }
            }
        }
    }

    /// A member whose value is always there: its comma, key and value.
    fn always(&mut self, before: Before, name: &str, value: Value, item: bool) -> Before {
        self.comma(before);
        key(&mut self.bytes, name);
        self.value(value, item);
        Before::Certain
    }

    /// A member that may be absent: after a certain member, its key (with the comma) is fixed
    /// when it always writes something; else both are the body's to write.
    fn maybe(&mut self, before: Before, name: &str, slot: Slot, otherwise: Otherwise) -> Before {
        let writes = if otherwise_writes(otherwise) {
            Certainty::Always
        } else {
            Certainty::Maybe
        };
        if writes == Certainty::Always && before != Before::Maybe {
            self.comma(before);
            key(&mut self.bytes, name);
            self.then(Then::Value { slot, otherwise });
            return Before::Certain;
        }
        let step = self.run_so_far();
        let start = offset(self.bytes.len());
        if before == Before::Certain {
            self.fixed(b",");
        }
        key(&mut self.bytes, name);
        let end = offset(self.bytes.len());
        self.push(
            step,
            Then::Optional {
                slot,
                start,
                end,
                otherwise,
                ask: before == Before::Maybe,
            },
        );
        before.after(writes)
    }

    /// A member that may be absent, with a fallback of fixed bytes, which lie after its key.
    fn maybe_or_fixed(
        &mut self,
        before: Before,
        name: &str,
        slot: Slot,
        fallback: Value,
        item: bool,
    ) -> Before {
        let step = self.run_so_far();
        let start = offset(self.bytes.len());
        if before == Before::Certain {
            self.fixed(b",");
        }
        key(&mut self.bytes, name);
        let end = offset(self.bytes.len());
        // A fallback that is fixed bytes adds no step: it ends in the key's bytes.
        let steps = self.steps.len();
        self.value(fallback, item);
        let fixed_end = offset(self.bytes.len());
        if self.steps.len() != steps {
            // Not fixed bytes after all; refused for fallbacks by the shape's rules.
            self.bytes.truncate(end as usize);
            self.steps.truncate(steps);
        }
        self.push(
            step,
            Then::Optional {
                slot,
                start,
                end,
                otherwise: Otherwise::Fixed {
                    start: end,
                    end: fixed_end,
                },
                ask: before == Before::Maybe,
            },
        );
        Before::Certain
    }

    /// An object member: written as fixed braces when one of its members always is; as an
    /// object the body leaves out when all its members are absent; or not at all.
    /// `variant_members` is a `Value::Members` under a name: the object of the variant's
    /// member fields.
    fn nested(
        &mut self,
        before: Before,
        member: &Member,
        members: &'static [Member],
        item: bool,
        variant_members: bool,
    ) -> Before {
        let members = if variant_members { FLATTENED } else { members };
        match self.object_certainty(members, item) {
            Certainty::Always => {
                self.comma(before);
                key(&mut self.bytes, member.name);
                self.object(members, item);
                Before::Certain
            }
            Certainty::Never if member.absent == Absent::Null => {
                self.always(before, member.name, Value::Constant(Constant::Null), item)
            }
            Certainty::Never => before,
            Certainty::Maybe => self.maybe_object(
                before,
                Some(member.name),
                member.absent == Absent::Null,
                members,
                item,
            ),
        }
    }

    /// An object that may be absent: a step that opens it (after its key, when it has one),
    /// its members' steps, and a step that ends them; the body closes it, or leaves it out.
    fn maybe_object(
        &mut self,
        before: Before,
        name: Option<&str>,
        null: bool,
        members: &'static [Member],
        item: bool,
    ) -> Before {
        let step = self.run_so_far();
        let start = offset(self.bytes.len());
        if before == Before::Certain {
            self.fixed(b",");
        }
        if let Some(name) = name {
            key(&mut self.bytes, name);
        }
        let end = offset(self.bytes.len());
        let at = self.steps.len();
        self.push(
            step,
            Then::Object {
                len: 0,
                start,
                end,
                null,
                ask: before == Before::Maybe,
            },
        );
        self.members(members, item);
        self.then(Then::Stop);
        let len = offset(self.steps.len() - at - 1);
        if let Some(Step {
            then: Then::Object { len: slot, .. },
            ..
        }) = self.steps.get_mut(at)
        {
            *slot = len;
        }
        before.after(if null {
            Certainty::Always
        } else {
            Certainty::Maybe
        })
    }

    /// Whether a `Value::Members` object of the variant has a member.
    fn members_certainty(&self, absent: Absent) -> Certainty {
        match (self.unnamed_members().next(), absent) {
            (None, _) => Certainty::Never,
            // Members written as `null` when absent: always there.
            (Some(_), Absent::Null) => Certainty::Always,
            (Some(_), Absent::Omit) => Certainty::Maybe,
        }
    }

    /// Whether an object of `members` has a member written, for this variant.
    fn object_certainty(&self, members: &'static [Member], item: bool) -> Certainty {
        members
            .iter()
            .map(|member| self.certainty(member, item))
            .max()
            .unwrap_or(Certainty::Never)
    }

    fn certainty(&self, member: &Member, item: bool) -> Certainty {
        if member.flatten {
            return self.members_certainty(member.absent);
        }
        let own = match member.value {
            Value::Object(members) => self.object_certainty(members, item),
            Value::Members => self.members_certainty(Absent::Omit),
            value => self.value_certainty(value, member.when_declared, item),
        };
        let fallback = member.fallback.map_or(Certainty::Never, |value| {
            self.value_certainty(value, false, item)
        });
        let null = if member.absent == Absent::Null {
            Certainty::Always
        } else {
            Certainty::Never
        };
        match own {
            Certainty::Always => Certainty::Always,
            Certainty::Maybe => fallback.max(null).max(Certainty::Maybe),
            Certainty::Never => fallback.max(null),
        }
    }

    fn value_certainty(&self, value: Value, when_declared: bool, item: bool) -> Certainty {
        match value {
            Value::Object(members) => self.object_certainty(members, item),
            Value::Members => self.members_certainty(Absent::Omit),
            value => match self.peek(value, when_declared, item) {
                Origin::Always => Certainty::Always,
                Origin::Maybe(_) => Certainty::Maybe,
                Origin::Never => Certainty::Never,
            },
        }
    }

    /// Where a single value comes from for this variant, noting the side tables it needs.
    fn source(
        &mut self,
        value: Value,
        when_declared: bool,
        object: &'static [Member],
        item: bool,
    ) -> Origin {
        match self.peek(value, when_declared, item) {
            Origin::Maybe(Slot::Inner(_)) => {
                self.inner.push(object);
                Origin::Maybe(Slot::Inner(offset16(self.inner.len() - 1)))
            }
            source => source,
        }
    }

    /// Where a single value comes from for this variant.
    fn peek(&self, value: Value, when_declared: bool, item: bool) -> Origin {
        let descriptor = self.descriptor;
        match value {
            Value::Message if when_declared && !descriptor.declares_message() => Origin::Never,
            Value::Category if descriptor.category().is_none() => Origin::Never,
            Value::Attr(name) if descriptor.attr(name).is_none() => Origin::Never,
            // A per-field item is written only once the field errors are spread out, and then
            // they are not written again.
            Value::Details if item => Origin::Never,
            Value::Details => Origin::Maybe(Slot::Details),
            Value::RequestId => Origin::Maybe(Slot::RequestId),
            Value::Timestamp => Origin::Maybe(Slot::Timestamp),
            Value::Instance => Origin::Maybe(Slot::Instance),
            value if value.is_per_field() && !item => Origin::Never,
            Value::FieldCode => Origin::Maybe(Slot::FieldCode),
            Value::FieldLocation => Origin::Maybe(Slot::FieldLocation),
            Value::Member(key) => match descriptor.members().iter().position(|own| *own == key) {
                Some(index) => Origin::Maybe(Slot::Member(offset16(index))),
                None => Origin::Never,
            },
            Value::Inner if descriptor.has_inner() => Origin::Maybe(Slot::Inner(0)),
            Value::Inner => Origin::Never,
            Value::Members => Origin::Never,
            _ => Origin::Always,
        }
    }

    /// The slot of a fallback the body always has (an interpolated message, a field value),
    /// or `None` when it is fixed bytes.
    fn always_slot(&mut self, value: Value) -> Option<Slot> {
        match value {
            Value::Message if self.descriptor.message_json().is_none() => Some(Slot::Message),
            Value::Field => Some(Slot::Field),
            Value::FieldMessage => Some(Slot::FieldMessage),
            Value::FieldPointer(base) => Some(self.pointer(base)),
            _ => None,
        }
    }

    fn pointer(&mut self, base: &'static str) -> Slot {
        self.bases.push(base);
        Slot::FieldPointer(offset16(self.bases.len() - 1))
    }

    /// A value that is always there: fixed bytes, or the step that writes it.
    fn value(&mut self, value: Value, item: bool) {
        let descriptor = self.descriptor;
        let bytes = &mut self.bytes;
        match value {
            Value::Code => bytes.extend_from_slice(descriptor.code_json().as_bytes()),
            Value::Message => match descriptor.message_json() {
                Some(json) => bytes.extend_from_slice(json.as_bytes()),
                None => self.then(Then::Value {
                    slot: Slot::Message,
                    otherwise: Otherwise::Null,
                }),
            },
            Value::Name => string(bytes, descriptor.name()),
            Value::Category => string(bytes, descriptor.category().unwrap_or_default()),
            Value::Status => bytes.extend_from_slice(descriptor.status().as_str().as_bytes()),
            Value::StatusText => string(bytes, descriptor.status().as_str()),
            Value::Title => string(bytes, reason(descriptor.status().as_u16())),
            Value::IsClientError => {
                constant(bytes, Constant::Bool(descriptor.status().is_client_error()))
            }
            Value::IsServerError => {
                constant(bytes, Constant::Bool(descriptor.status().is_server_error()))
            }
            Value::TypeUri(base) => {
                bytes.push(b'"');
                escaped(bytes, base);
                match descriptor.code() {
                    Code::Str(text) => escaped(bytes, text),
                    Code::Int(number) => bytes.extend_from_slice(number.to_string().as_bytes()),
                }
                bytes.push(b'"');
            }
            Value::Attr(name) => match descriptor.attr(name) {
                Some(AttrValue::Str(text)) => string(bytes, text),
                Some(AttrValue::Int(number)) => {
                    bytes.extend_from_slice(number.to_string().as_bytes())
                }
                Some(AttrValue::Bool(flag)) => constant(bytes, Constant::Bool(flag)),
                None => bytes.extend_from_slice(b"null"),
            },
            Value::Constant(fixed) => constant(bytes, fixed),
            Value::Field | Value::FieldMessage | Value::FieldPointer(_) => {
                if let Some(slot) = self.always_slot(value) {
                    self.then(Then::Value {
                        slot,
                        otherwise: Otherwise::Null,
                    });
                }
            }
            Value::Object(members) => self.object(members, item),
            Value::List(members) => self.list(members, item),
            // Written by `Then::Optional`, or known to be absent.
            Value::Details
            | Value::Members
            | Value::Member(_)
            | Value::Inner
            | Value::RequestId
            | Value::Timestamp
            | Value::Instance
            | Value::FieldCode
            | Value::FieldLocation => {}
        }
    }

    /// A list's single item, or its per-field items. Inside a per-field item, the field errors
    /// are spread out already, and a list holds its single item. The list of errors is marked
    /// for bodies of several errors.
    fn list(&mut self, members: &'static [Member], item: bool) {
        self.fixed(b"[");
        let errors = !item
            && self
                .error_list
                .is_some_and(|list| core::ptr::eq(list, members));
        let first = self.cursor();
        if !item && holds_field_values(members) {
            let at = self.steps.len();
            self.then(Then::PerField {
                spread: 0,
                plain: 0,
            });
            // Each item's steps end with its own bytes.
            self.item(members, true);
            self.then(Then::Stop);
            let spread = self.steps.len() - at - 1;
            self.item(members, false);
            self.then(Then::Stop);
            let plain = self.steps.len() - at - 1 - spread;
            if let Some(step) = self.steps.get_mut(at) {
                step.then = Then::PerField {
                    spread: offset(spread),
                    plain: offset(plain),
                };
            }
        } else {
            self.item(members, item);
        }
        if errors {
            self.errors = Some((first, self.cursor()));
        }
        self.fixed(b"]");
    }

    /// One item of a list: an object, left out when all its members are absent.
    fn item(&mut self, members: &'static [Member], item: bool) {
        match self.object_certainty(members, item) {
            Certainty::Always => self.object(members, item),
            Certainty::Never => {}
            Certainty::Maybe => {
                let _ = self.maybe_object(Before::Nothing, None, false, members, item);
            }
        }
    }

    /// The comma before a member, after those `before` it.
    fn comma(&mut self, before: Before) {
        match before {
            Before::Nothing => {}
            Before::Maybe => self.then(Then::Comma),
            Before::Certain => self.fixed(b","),
        }
    }

    fn fixed(&mut self, text: &[u8]) {
        self.bytes.extend_from_slice(text);
    }

    /// Where the next fixed byte goes: in the run of the next step.
    fn cursor(&self) -> Cursor {
        Cursor {
            step: offset(self.steps.len()),
            byte: offset(self.bytes.len()),
        }
    }

    /// The fixed bytes written since the last step.
    fn run_so_far(&self) -> (u32, u32) {
        (offset(self.run), offset(self.bytes.len()))
    }

    /// Ends a step: the fixed bytes since the last one, then `then`.
    fn then(&mut self, then: Then) {
        let step = self.run_so_far();
        self.push(step, then);
    }

    fn push(&mut self, (start, end): (u32, u32), then: Then) {
        self.steps.push(Step { start, end, then });
        self.run = self.bytes.len();
    }
}

/// The members of a `Value::Members` object: the variant's member fields, flattened in it.
const FLATTENED: &[Member] = &[Member::flatten(Value::Members)];

/// The fallback of a member that may be absent.
enum Fallback {
    Value(Value),
    Slot(Slot),
}

/// What a member writes when its value (and fallback) is absent.
fn otherwise(absent: Absent, fallback: Option<Slot>) -> Otherwise {
    match (fallback, absent) {
        (Some(slot), absent) => Otherwise::Slot {
            slot,
            null: absent == Absent::Null,
        },
        (None, Absent::Null) => Otherwise::Null,
        (None, Absent::Omit) => Otherwise::Omit,
    }
}

/// Whether a member with this rule writes something whatever the body holds.
fn otherwise_writes(otherwise: Otherwise) -> bool {
    match otherwise {
        Otherwise::Omit => false,
        Otherwise::Null | Otherwise::Fixed { .. } => true,
        Otherwise::Slot { slot, null } => {
            null || matches!(
                slot,
                Slot::Message | Slot::Field | Slot::FieldMessage | Slot::FieldPointer(_)
            )
        }
    }
}

/// Whether a list's item holds a field value, in it or in its objects: its item is then
/// written once per field error.
fn holds_field_values(members: &[Member]) -> bool {
    members.iter().any(|member| {
        let holds = |value: Value| match value {
            Value::Object(inner) => holds_field_values(inner),
            value => value.is_per_field(),
        };
        holds(member.value) || member.fallback.is_some_and(holds)
    })
}

/// The member keys the `Value::Member`s of `members` name.
fn names(members: &'static [Member], found: &mut Vec<&'static str>) {
    for member in members {
        for value in [Some(member.value), member.fallback].into_iter().flatten() {
            match value {
                Value::Member(key) => found.push(key),
                Value::Object(inner) | Value::List(inner) => names(inner, found),
                _ => {}
            }
        }
    }
}

/// The list of errors of a shape, for bodies of several errors: its one list outside others,
/// when nothing else outside it belongs to an error (only constants and the request context).
/// `Err` when something does.
fn error_list(members: &'static [Member]) -> Result<Option<&'static [Member]>, ()> {
    let mut found = None;
    for member in members {
        if member.flatten || member.fallback.is_some_and(|value| !value.is_body_level()) {
            return Err(());
        }
        let list = match member.value {
            Value::List(items) => Some(items),
            Value::Object(inner) => error_list(inner)?,
            value if value.is_body_level() => None,
            _ => return Err(()),
        };
        if let Some(list) = list {
            if found.is_some() {
                return Err(());
            }
            found = Some(list);
        }
    }
    Ok(found)
}

/// `"name":`.
fn key(out: &mut Vec<u8>, name: &str) {
    string(out, name);
    out.push(b':');
}

pub(crate) fn constant(out: &mut Vec<u8>, constant: Constant) {
    match constant {
        Constant::Null => out.extend_from_slice(b"null"),
        Constant::Bool(true) => out.extend_from_slice(b"true"),
        Constant::Bool(false) => out.extend_from_slice(b"false"),
        Constant::Int(number) => out.extend_from_slice(number.to_string().as_bytes()),
        Constant::Str(text) => string(out, text),
        Constant::Array(items) => {
            out.push(b'[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                self::constant(out, *item);
            }
            out.push(b']');
        }
        Constant::Object(members) => {
            out.push(b'{');
            for (index, (name, value)) in members.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                key(out, name);
                self::constant(out, *value);
            }
            out.push(b'}');
        }
    }
}

/// An offset into a plan. Shapes are `'static` data written by hand, far below 4 GiB; a larger
/// one would only write a shorter body, never read out of bounds.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// An index into a plan's side table, or a variant's members: far below 65,536.
fn offset16(at: usize) -> u16 {
    u16::try_from(at).unwrap_or(u16::MAX)
}

/// Where generated code keeps its envelope's plans, one per variant: each is compiled the first
/// time a body of its variant is written, then shared by every body of it.
#[doc(hidden)]
#[derive(Debug)]
pub struct Plans<const VARIANTS: usize>([PlanCell; VARIANTS]);

impl<const VARIANTS: usize> Plans<VARIANTS> {
    /// No plan yet.
    pub const fn new() -> Self {
        Plans([const { PlanCell(OnceLock::new()) }; VARIANTS])
    }

    /// The place of each variant's plan, in declaration order.
    pub const fn cells(&self) -> &[PlanCell] {
        &self.0
    }
}

impl<const VARIANTS: usize> Default for Plans<VARIANTS> {
    fn default() -> Self {
        Plans::new()
    }
}

/// The place of one variant's plan.
#[doc(hidden)]
#[derive(Debug)]
pub struct PlanCell(OnceLock<Plan>);

impl PlanCell {
    #[inline]
    pub(crate) fn plan(&self, shape: &Shape, descriptor: &Descriptor) -> &Plan {
        self.0.get_or_init(|| Plan::new(shape, descriptor))
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::FieldErrors;
    use crate::envelopes::{OZ, PETNOW, PROBLEM, TENNIS_REGISTRY};

    #[derive(Debug, crate::ApiError)]
    #[api(crate = crate, code_case = "SCREAMING_SNAKE_CASE")]
    enum Error {
        #[api(status = 404, message = "no \"such\" pet", category = "Pets")]
        NoSuchPet,
        #[api(status = 400, message = "{field} is invalid")]
        Invalid {
            field: &'static str,
            #[api(details)]
            fields: FieldErrors,
        },
    }

    fn descriptor(index: usize) -> &'static Descriptor {
        &Error::CATALOG.descriptors()[index]
    }

    /// Each step's fixed bytes, and what it does then with the key it names, if any.
    fn steps(plan: &Plan) -> Vec<(&str, Then, &str)> {
        let text = |start: u32, end: u32| {
            core::str::from_utf8(&plan.bytes[start as usize..end as usize]).unwrap_or("?")
        };
        plan.steps
            .iter()
            .map(|step| {
                let key = match step.then {
                    Then::Optional { start, end, .. } => text(start, end),
                    _ => "",
                };
                (text(step.start, step.end), step.then, key)
            })
            .collect()
    }

    fn optional(slot: Slot) -> impl Fn(&Then) -> bool {
        move |then| matches!(then, Then::Optional { slot: found, .. } if *found == slot)
    }

    #[test]
    fn the_code_and_a_fixed_message_join_the_fixed_bytes() {
        let plan = Plan::new(&PETNOW, descriptor(0));
        let steps = steps(&plan);
        assert_eq!(steps.len(), 2, "{steps:?}");
        assert_eq!(steps[0].0, r#"{"errors":[{"code":"NO_SUCH_PET""#);
        assert!(optional(Slot::Details)(&steps[0].1));
        assert_eq!(steps[0].2, r#","details":"#);
        assert_eq!((steps[1].0, steps[1].1), ("}]}", Then::Stop));
    }

    #[test]
    fn status_title_and_escaped_message_are_fixed_bytes() {
        let plan = Plan::new(&PROBLEM, descriptor(0));
        let steps = steps(&plan);
        assert_eq!(
            steps[0].0,
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no \"such\" pet""#
        );
        assert_eq!(steps[0].2, r#","instance":"#);
        assert_eq!(steps[1].0, r#","code":"NO_SUCH_PET""#);
        assert_eq!(steps[1].2, r#","errors":"#);
        assert_eq!((steps[2].0, steps[2].1), ("}", Then::Stop));
    }

    #[test]
    fn a_message_with_values_is_a_step() {
        let plan = Plan::new(&TENNIS_REGISTRY, descriptor(1));
        let steps = steps(&plan);
        assert!(
            steps.iter().any(|step| matches!(
                step.1,
                Then::Value {
                    slot: Slot::Message,
                    ..
                }
            )),
            "{steps:?}"
        );
    }

    #[test]
    fn a_per_field_list_has_an_item_per_field_error_and_a_plain_one() {
        let plan = Plan::new(&TENNIS_REGISTRY, descriptor(1));
        let steps = steps(&plan);
        assert_eq!(steps[0].0, r#"{"errors":["#);
        let Then::PerField { spread, plain } = steps[0].1 else {
            panic!("{steps:?}");
        };
        let (spread, plain) = (spread as usize, plain as usize);
        let spread_item = &steps[1..=spread];
        let plain_item = &steps[1 + spread..=spread + plain];
        // The item for a field error names the field, and never holds the details again.
        assert!(spread_item.iter().any(|step| matches!(
            step.1,
            Then::Value {
                slot: Slot::Field,
                ..
            }
        )));
        assert!(
            !spread_item
                .iter()
                .any(|step| optional(Slot::Details)(&step.1))
        );
        // The plain item has no field, and holds the details when there are some.
        assert!(!plain_item.iter().any(|step| matches!(
            step.1,
            Then::Value {
                slot: Slot::Field,
                ..
            }
        ) || optional(Slot::FieldLocation)(&step.1)));
        assert!(
            plain_item
                .iter()
                .any(|step| optional(Slot::Details)(&step.1))
        );
        // Each item ends with its own closing brace.
        assert_eq!(
            spread_item.last().map(|step| (step.0, step.1)),
            Some(("}", Then::Stop))
        );
        assert_eq!(
            plain_item.last().map(|step| (step.0, step.1)),
            Some(("}", Then::Stop))
        );
        assert_eq!(steps.last().map(|step| step.0), Some("]}"));
    }

    #[test]
    fn members_after_optional_ones_ask_for_their_comma_and_absent_ones_are_left_out() {
        const SHAPE: Shape = Shape::new(&[
            Member::new("request_id", Value::RequestId),
            Member::new("code", Value::Code),
            Member::new("group", Value::Category),
            Member::new("field", Value::Attr("missing")).null_if_absent(),
        ]);
        let plan = Plan::new(&SHAPE, descriptor(1));
        let steps = steps(&plan);
        assert_eq!(steps[0].0, "{");
        assert!(optional(Slot::RequestId)(&steps[0].1));
        // The first member of its object: no comma, and none to ask for.
        assert_eq!(steps[0].2, r#""request_id":"#);
        assert!(matches!(steps[0].1, Then::Optional { ask: false, .. }));
        assert_eq!((steps[1].0, steps[1].1), ("", Then::Comma));
        // No category: the member is left out. No such attribute: `null`.
        assert_eq!(steps[2].0, r#""code":"INVALID","field":null}"#);
        // With a category, the member is fixed bytes.
        let plan = Plan::new(&SHAPE, descriptor(0));
        assert_eq!(
            self::steps(&plan)[2].0,
            r#""code":"NO_SUCH_PET","group":"Pets","field":null}"#
        );
    }

    #[test]
    fn only_members_after_optional_ones_alone_ask_for_their_comma() {
        const SHAPE: Shape = Shape::new(&[
            Member::new("request_id", Value::RequestId),
            Member::new("timestamp", Value::Timestamp),
            Member::new("code", Value::Code),
            Member::new("instance", Value::Instance),
        ]);
        let plan = Plan::new(&SHAPE, descriptor(0));
        let steps = steps(&plan);
        let asks = |then: Then| matches!(then, Then::Optional { ask: true, .. });
        assert_eq!((steps[0].2, asks(steps[0].1)), (r#""request_id":"#, false));
        assert_eq!((steps[1].2, asks(steps[1].1)), (r#""timestamp":"#, true));
        assert_eq!(steps[2].1, Then::Comma);
        // After the code, which is always there, the comma is fixed.
        assert_eq!((steps[3].2, asks(steps[3].1)), (r#","instance":"#, false));
    }

    #[test]
    fn the_key_of_a_member_written_as_null_when_absent_is_fixed() {
        let plan = Plan::new(&OZ, descriptor(0));
        let steps = steps(&plan);
        assert_eq!(
            (steps[0].0, steps[0].1),
            (
                r#"{"error_code":"NO_SUCH_PET","error_message":"no \"such\" pet","details":"#,
                Then::Value {
                    slot: Slot::Details,
                    otherwise: Otherwise::Null
                }
            )
        );
        assert_eq!((steps[1].0, steps[1].1), ("}", Then::Stop));
        // After members that may be absent, its comma is the body's to tell: it stays optional.
        const SHAPE: Shape = Shape::new(&[
            Member::new("request_id", Value::RequestId),
            Member::new("details", Value::Details).null_if_absent(),
        ]);
        let plan = Plan::new(&SHAPE, descriptor(0));
        let steps = self::steps(&plan);
        assert!(matches!(
            steps[1].1,
            Then::Optional {
                slot: Slot::Details,
                otherwise: Otherwise::Null,
                ask: true,
                ..
            }
        ));
    }

    #[test]
    fn members_written_as_null_get_their_commas_whatever_comes_before() {
        use crate::{Envelope, RequestContext};
        const SHAPE: Shape = Shape::new(&[
            Member::new("request_id", Value::RequestId),
            Member::new("details", Value::Details).null_if_absent(),
            Member::new("instance", Value::Instance).null_if_absent(),
        ]);
        let body = |context: &RequestContext<'_>| {
            let mut out = Vec::new();
            let written = SHAPE.write(&Error::NoSuchPet, context, &mut out);
            assert!(written.is_ok());
            String::from_utf8(out).unwrap_or_default()
        };
        assert_eq!(
            body(&RequestContext::new()),
            r#"{"details":null,"instance":null}"#
        );
        assert_eq!(
            body(&RequestContext::new().request_id("r1").instance("/pets/1")),
            r#"{"request_id":"r1","details":null,"instance":"/pets/1"}"#
        );
    }

    #[test]
    fn member_names_are_escaped_once_in_the_plan() {
        const SHAPE: Shape = Shape::new(&[
            Member::new("say \"hi\"", Value::Code),
            Member::new("tab\there", Value::RequestId),
        ]);
        let plan = Plan::new(&SHAPE, descriptor(0));
        let steps = steps(&plan);
        assert_eq!(steps[0].0, r#"{"say \"hi\"":"NO_SUCH_PET""#);
        assert_eq!(steps[0].2, r#","tab\there":"#);
    }

    #[test]
    fn plans_are_kept_per_variant() {
        let plans = Plans::<2>::new();
        let first = plans.cells()[0].plan(&PETNOW, descriptor(0));
        let again = plans.cells()[0].plan(&PETNOW, descriptor(0));
        assert!(core::ptr::eq(first, again));
        assert_eq!(plans.cells().len(), 2);
    }
}
