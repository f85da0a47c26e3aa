//! Whether each value is there for one variant: always (fixed bytes, or a value every body
//! has), never, or as the body says; and so whether a member, an object or a list item is
//! written.

use super::super::{Absent, Member, Value};
use super::build::Builder;
use super::{Slot, offset16};

/// Whether a member writes something, as far as the plan can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Certainty {
    Never,
    Maybe,
    Always,
}

/// Where a value comes from, for one variant.
pub(super) enum Origin {
    /// Fixed bytes, or a value the body always has: written by [`Builder::value`].
    Always,
    /// A value the body may lack.
    Maybe(Slot),
    /// Absent for the variant.
    Never,
}

impl Builder<'_> {
    /// The variant's member fields a flattened or named-object `Value::Members` writes:
    /// their indexes and keys.
    pub(super) fn unnamed_members(&self) -> impl Iterator<Item = (usize, &'static str)> + use<'_> {
        self.descriptor
            .members()
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, key)| !self.named.contains(key))
    }

    /// Whether a `Value::Members` object of the variant has a member.
    pub(super) fn members_certainty(&self, absent: Absent) -> Certainty {
        match (self.unnamed_members().next(), absent) {
            (None, _) => Certainty::Never,
            // Members written as `null` when absent: always there.
            (Some(_), Absent::Null) => Certainty::Always,
            (Some(_), Absent::Omit) => Certainty::Maybe,
        }
    }

    /// Whether an object of `members` has a member written, for this variant.
    pub(super) fn object_certainty(&self, members: &'static [Member], item: bool) -> Certainty {
        members
            .iter()
            .map(|member| self.certainty(member, item))
            .max()
            .unwrap_or(Certainty::Never)
    }

    pub(super) fn certainty(&self, member: &Member, item: bool) -> Certainty {
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

    pub(super) fn value_certainty(
        &self,
        value: Value,
        when_declared: bool,
        item: bool,
    ) -> Certainty {
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
    pub(super) fn source(
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
    pub(super) fn peek(&self, value: Value, when_declared: bool, item: bool) -> Origin {
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
    pub(super) fn always_slot(&mut self, value: Value) -> Option<Slot> {
        match value {
            Value::Message if self.descriptor.message_json().is_none() => Some(Slot::Message),
            Value::Field => Some(Slot::Field),
            Value::FieldMessage => Some(Slot::FieldMessage),
            Value::FieldPointer(base) => Some(self.pointer(base)),
            _ => None,
        }
    }

    pub(super) fn pointer(&mut self, base: &'static str) -> Slot {
        self.bases.push(base);
        Slot::FieldPointer(offset16(self.bases.len() - 1))
    }
}
