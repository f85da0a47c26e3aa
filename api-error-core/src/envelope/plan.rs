//! A [`Shape`] compiled into a plan for one error: the runs of fixed bytes (braces, commas,
//! escaped member names, constants, and the error's own code, status, attributes and fixed
//! message) each become one copy, and only what differs from one body of the error to the
//! next is left to do between them.
//!
//! `{"errors":[{"code":"E1","details":..}]}` is two steps: copy `{"errors":[{"code":"E1"` and
//! write the details member when there are details, then copy `}]}`.

use std::sync::OnceLock;

use super::escape::string;
use super::{Constant, Member, Shape};
use crate::{Descriptor, DetailsForm};

mod build;
mod presence;

pub(crate) use build::always_written;

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
    /// The value of `.or(..)`, known when the plan is made: `bytes[key_end..end]`, right
    /// after the member's key (only in [`Then::Optional`]).
    Fixed { end: u32 },
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

/// `"name":`.
pub(super) fn key(out: &mut Vec<u8>, name: &str) {
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
pub(super) fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// An index into a plan's side table, or a variant's members: far below 65,536.
pub(super) fn offset16(at: usize) -> u16 {
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
    use crate::envelope::Value;
    use crate::envelopes::{OZ, PETNOW, PROBLEM, TENNIS_REGISTRY};

    // Only its descriptors are read: no value of `Invalid` is made.
    #[allow(dead_code)]
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
