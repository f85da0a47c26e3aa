//! A [`Shape`] compiled into a plan for one error: the runs of fixed bytes (braces, commas,
//! escaped member names, constants, and the error's own code, status and fixed message) each
//! become one copy, and only what differs from one body of the error to the next is left to do
//! between them.
//!
//! `{"errors":[{"code":"E1","details":..}]}` is two steps: copy `{"errors":[{"code":"E1"` and
//! write the details member when there are details, then copy `}]}`.

use std::sync::OnceLock;

use super::escape::{escaped, string};
use super::{Absent, Constant, Member, Shape, Value};
use crate::model::descriptor::reason;
use crate::{Code, Descriptor, DetailsForm};

/// A [`Shape`] compiled for one error.
#[derive(Debug)]
pub(crate) struct Plan {
    pub(crate) bytes: Box<[u8]>,
    pub(crate) steps: Box<[Step]>,
    pub(crate) form: DetailsForm,
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
    /// Nothing: the last step of a plan or of a list's item.
    Stop,
    /// A comma, unless the object has no member yet: before a member that is always written,
    /// when only members that may be absent come before it.
    Comma,
    /// A value whose key is written: the value, or `null` when the body has none.
    Value(Slot),
    /// A member that may be absent: its key (`bytes[start..end]`, `"name":`, after a comma
    /// when a member always comes before it) and its value. When the value is absent, the
    /// member is left out, or written with `null`. `ask` is set when only members that may be
    /// absent come before it: the body then tells whether it needs a comma.
    Optional {
        slot: Slot,
        start: u32,
        end: u32,
        absent: Absent,
        ask: bool,
    },
    /// A list of per-field items. The next `spread` steps are the item for one field error,
    /// written once per field error when the details hold some; the `plain` steps after them
    /// are the single item written otherwise.
    PerField { spread: u32, plain: u32 },
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
    /// The field of a per-field item.
    Field,
    /// The field's location, in a per-field item.
    FieldLocation,
}

/// Whether a value is written, as far as the plan can tell.
enum Presence {
    Always,
    Never,
    /// Up to the body: the slot that tells.
    Maybe(Slot),
}

/// Whether a member of the object being compiled comes before the next one, from least to
/// most certain.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Before {
    Nothing,
    Maybe,
    Certain,
}

impl Plan {
    /// Compiles `shape` for the error `descriptor` describes: its code, status, name and
    /// category, and its message when it has no values in it, become fixed bytes too.
    pub(crate) fn new(shape: &Shape, descriptor: &Descriptor) -> Plan {
        let mut builder = Builder {
            descriptor,
            bytes: Vec::new(),
            steps: Vec::new(),
            run: 0,
        };
        builder.object(shape.members, false);
        builder.then(Then::Stop);
        Plan {
            bytes: builder.bytes.into_boxed_slice(),
            steps: builder.steps.into_boxed_slice(),
            form: shape.details,
        }
    }
}

struct Builder<'a> {
    descriptor: &'a Descriptor,
    bytes: Vec<u8>,
    steps: Vec<Step>,
    /// Where the fixed bytes of the next step start: they run to the end of `bytes`.
    run: usize,
}

impl Builder<'_> {
    /// An object's members; `item` when the object is (in) a per-field item.
    fn object(&mut self, members: &[Member], item: bool) {
        self.fixed(b"{");
        let mut before = Before::Nothing;
        for member in members {
            match self.presence(member.value, item) {
                // Written either way, as its value or `null`: its key is fixed bytes.
                Presence::Maybe(slot)
                    if member.absent == Absent::Null && before != Before::Maybe =>
                {
                    if before == Before::Certain {
                        self.fixed(b",");
                    }
                    key(&mut self.bytes, member);
                    self.then(Then::Value(slot));
                    before = Before::Certain;
                }
                Presence::Maybe(slot) => {
                    // The key is the member's own: it comes after the step's fixed bytes.
                    let step = self.run_so_far();
                    let start = offset(self.bytes.len());
                    if before == Before::Certain {
                        self.fixed(b",");
                    }
                    key(&mut self.bytes, member);
                    let end = offset(self.bytes.len());
                    self.push(
                        step,
                        Then::Optional {
                            slot,
                            start,
                            end,
                            absent: member.absent,
                            ask: before == Before::Maybe,
                        },
                    );
                    before = before.max(Before::Maybe);
                }
                Presence::Never if member.absent == Absent::Omit => {}
                presence => {
                    match before {
                        Before::Nothing => {}
                        Before::Maybe => self.then(Then::Comma),
                        Before::Certain => self.fixed(b","),
                    }
                    key(&mut self.bytes, member);
                    if matches!(presence, Presence::Never) {
                        self.fixed(b"null");
                    } else {
                        self.value(member.value, item);
                    }
                    before = Before::Certain;
                }
            }
        }
        self.fixed(b"}");
    }

    fn presence(&self, value: Value, item: bool) -> Presence {
        match value {
            Value::Category if self.descriptor.category().is_none() => Presence::Never,
            // A per-field item is written only once the field errors are spread out, and then
            // they are not written again.
            Value::Details if item => Presence::Never,
            Value::Details => Presence::Maybe(Slot::Details),
            Value::RequestId => Presence::Maybe(Slot::RequestId),
            Value::Timestamp => Presence::Maybe(Slot::Timestamp),
            Value::Instance => Presence::Maybe(Slot::Instance),
            Value::Field | Value::FieldLocation if !item => Presence::Never,
            Value::FieldLocation => Presence::Maybe(Slot::FieldLocation),
            _ => Presence::Always,
        }
    }

    fn value(&mut self, value: Value, item: bool) {
        let descriptor = self.descriptor;
        let bytes = &mut self.bytes;
        match value {
            Value::Code => bytes.extend_from_slice(descriptor.code_json().as_bytes()),
            Value::Message => match descriptor.message_json() {
                Some(json) => bytes.extend_from_slice(json.as_bytes()),
                None => self.then(Then::Value(Slot::Message)),
            },
            Value::Name => string(bytes, descriptor.name()),
            Value::Category => string(bytes, descriptor.category().unwrap_or_default()),
            Value::Status => bytes.extend_from_slice(descriptor.status().as_str().as_bytes()),
            Value::StatusText => string(bytes, descriptor.status().as_str()),
            Value::Title => string(bytes, reason(descriptor.status().as_u16())),
            Value::TypeUri(base) => {
                bytes.push(b'"');
                escaped(bytes, base);
                match descriptor.code() {
                    Code::Str(text) => escaped(bytes, text),
                    Code::Int(number) => bytes.extend_from_slice(number.to_string().as_bytes()),
                }
                bytes.push(b'"');
            }
            Value::Constant(constant) => self::constant(bytes, constant),
            Value::Field => self.then(Then::Value(Slot::Field)),
            Value::Object(members) => self.object(members, item),
            Value::List(members) => self.list(members, item),
            // Written by `Then::Optional`, or known to be absent.
            Value::Details
            | Value::RequestId
            | Value::Timestamp
            | Value::Instance
            | Value::FieldLocation => {}
        }
    }

    /// A list's single item, or its per-field items. Inside a per-field item, the field errors
    /// are spread out already, and a list holds its single item.
    fn list(&mut self, members: &[Member], item: bool) {
        self.fixed(b"[");
        let per_field = members
            .iter()
            .any(|member| matches!(member.value, Value::Field | Value::FieldLocation));
        if per_field && !item {
            let at = self.steps.len();
            self.then(Then::PerField {
                spread: 0,
                plain: 0,
            });
            // Each item's steps end with its own bytes.
            self.object(members, true);
            self.then(Then::Stop);
            let spread = self.steps.len() - at - 1;
            self.object(members, false);
            self.then(Then::Stop);
            let plain = self.steps.len() - at - 1 - spread;
            if let Some(step) = self.steps.get_mut(at) {
                step.then = Then::PerField {
                    spread: offset(spread),
                    plain: offset(plain),
                };
            }
        } else {
            self.object(members, false);
        }
        self.fixed(b"]");
    }

    fn fixed(&mut self, text: &[u8]) {
        self.bytes.extend_from_slice(text);
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

/// `"name":`.
fn key(out: &mut Vec<u8>, member: &Member) {
    string(out, member.name());
    out.push(b':');
}

fn constant(out: &mut Vec<u8>, constant: Constant) {
    match constant {
        Constant::Null => out.extend_from_slice(b"null"),
        Constant::Bool(true) => out.extend_from_slice(b"true"),
        Constant::Bool(false) => out.extend_from_slice(b"false"),
        Constant::Int(number) => out.extend_from_slice(number.to_string().as_bytes()),
        Constant::Str(text) => string(out, text),
    }
}

/// An offset into a plan. Shapes are `'static` data written by hand, far below 4 GiB; a larger
/// one would only write a shorter body, never read out of bounds.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
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
            steps
                .iter()
                .any(|step| step.1 == Then::Value(Slot::Message)),
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
        assert!(
            spread_item
                .iter()
                .any(|step| step.1 == Then::Value(Slot::Field))
        );
        assert!(
            !spread_item
                .iter()
                .any(|step| optional(Slot::Details)(&step.1))
        );
        // The plain item has no field, and holds the details when there are some.
        assert!(!plain_item.iter().any(
            |step| step.1 == Then::Value(Slot::Field) || optional(Slot::FieldLocation)(&step.1)
        ));
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
            Member::new("field", Value::Field).null_if_absent(),
        ]);
        let plan = Plan::new(&SHAPE, descriptor(1));
        let steps = steps(&plan);
        assert_eq!(steps[0].0, "{");
        assert!(optional(Slot::RequestId)(&steps[0].1));
        // The first member of its object: no comma, and none to ask for.
        assert_eq!(steps[0].2, r#""request_id":"#);
        assert!(matches!(steps[0].1, Then::Optional { ask: false, .. }));
        assert_eq!((steps[1].0, steps[1].1), ("", Then::Comma));
        // No category: the member is left out. No field outside a per-field item: `null`.
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
                Then::Value(Slot::Details)
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
                absent: Absent::Null,
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
