//! Compiling a shape for one variant: its members in order, each as fixed bytes or as the
//! step that writes it, with the commas between them decided once where the plan can tell.

use super::super::escape::{escaped, string};
use super::super::{Absent, Constant, Member, Shape, Value};
use super::presence::{Certainty, Origin};
use super::{Cursor, Otherwise, Plan, Slot, Step, Then, constant, key, offset, offset16};
use crate::model::descriptor::reason;
use crate::{AttrValue, Code, Descriptor, DetailsForm};

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

/// A plan being made for one variant.
pub(super) struct Builder<'a> {
    pub(super) descriptor: &'a Descriptor,
    bytes: Vec<u8>,
    steps: Vec<Step>,
    /// Where the fixed bytes of the next step start: they run to the end of `bytes`.
    run: usize,
    pub(super) bases: Vec<&'static str>,
    pub(super) inner: Vec<&'static [Member]>,
    /// The member keys a `Value::Member` of the shape names: a flattened `Value::Members`
    /// leaves them out.
    pub(super) named: Vec<&'static str>,
    error_list: Option<&'static [Member]>,
    errors: Option<(Cursor, Cursor)>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(descriptor: &'a Descriptor, members: &'static [Member]) -> Self {
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
                otherwise: Otherwise::Fixed { end: fixed_end },
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
