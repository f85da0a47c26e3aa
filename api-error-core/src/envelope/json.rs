//! Writes a body from a compiled [`Shape`](super::Shape): fixed runs are copied, strings are
//! escaped straight into the output, and only details and member values go through
//! serde_json.

use super::BodyError;
use super::escape::{Escaping, string};
use super::fields;
use super::path::pointer;
use super::plan::{Otherwise, Plan, Slot, Step, Then};
use super::source::Source;
use crate::{Details, FieldError, FieldErrors, RequestContext};

/// How deep inner errors are written: a deeper one is absent.
const INNER_DEPTH: u8 = 16;

/// Writes the body `plan` describes for `error`.
pub(crate) fn write_plan<S: Source + ?Sized>(
    plan: &Plan,
    error: &S,
    context: &RequestContext<'_>,
    out: &mut Vec<u8>,
) -> Result<(), BodyError> {
    let mut writer = Writer::new(plan, error, context, out);
    writer.run(&plan.steps, None);
    writer.finish()
}

pub(crate) struct Writer<'a, S: ?Sized> {
    error: &'a S,
    context: &'a RequestContext<'a>,
    details: Option<&'a dyn Details>,
    /// The details' field errors, when they are field errors: asked once per body.
    field_errors: Option<&'a FieldErrors>,
    plan: &'a Plan,
    /// The plan's fixed bytes.
    bytes: &'a [u8],
    /// Field errors went out as per-field list items; they are not written again.
    spread: bool,
    /// How many inner errors this one is inside.
    depth: u8,
    failure: Option<serde_json::Error>,
    out: &'a mut Vec<u8>,
}

impl<'a, S: Source + ?Sized> Writer<'a, S> {
    pub(crate) fn new(
        plan: &'a Plan,
        error: &'a S,
        context: &'a RequestContext<'a>,
        out: &'a mut Vec<u8>,
    ) -> Self {
        let details = error.details();
        Writer {
            error,
            context,
            details,
            field_errors: details.and_then(Details::field_errors),
            plan,
            bytes: &plan.bytes,
            spread: false,
            depth: 0,
            failure: None,
            out,
        }
    }

    /// The first failure of a details or member value, if any.
    pub(crate) fn finish(self) -> Result<(), BodyError> {
        match self.failure {
            Some(failure) => Err(BodyError::from(failure)),
            None => Ok(()),
        }
    }

    /// Writes `steps`; `item` is the field error of the list item they belong to, if any.
    /// Inlined into the body's own writer; nested objects and items go through
    /// [`nested`](Self::nested).
    #[inline(always)]
    pub(crate) fn run(&mut self, steps: &[Step], item: Option<&FieldError>) {
        let mut rest = steps;
        while let Some((&step, tail)) = rest.split_first() {
            rest = tail;
            self.fixed(step.start, step.end);
            self.then(step.then, &mut rest, item);
        }
    }

    /// Writes `steps` from byte `from` of the first one's fixed bytes on: the part of a plan
    /// after a place inside a run.
    pub(crate) fn run_from(&mut self, steps: &[Step], from: u32) {
        let Some((&first, tail)) = steps.split_first() else {
            return;
        };
        let mut rest = tail;
        self.fixed(from.max(first.start), first.end);
        self.then(first.then, &mut rest, None);
        self.run(rest, None);
    }

    /// Does what a step does after its fixed bytes; a step over the steps after it takes them
    /// from `rest`.
    #[inline(always)]
    fn then(&mut self, then: Then, rest: &mut &[Step], item: Option<&FieldError>) {
        match then {
            Then::Stop => {}
            Then::Comma => self.comma(),
            Then::Value { slot, otherwise } => {
                if !self.slot(slot, item) {
                    // Never a fixed fallback here: those follow a key written by `Optional`.
                    self.otherwise(otherwise, 0, item);
                }
            }
            Then::Optional {
                slot,
                start,
                end,
                otherwise,
                ask,
            } => {
                // Most absent values are known absent before their key is written.
                if otherwise == Otherwise::Omit && !self.may_be_present(slot, item) {
                    return;
                }
                let mark = self.out.len();
                if ask {
                    self.comma();
                }
                self.fixed(start, end);
                if !self.slot(slot, item) && !self.otherwise(otherwise, end, item) {
                    self.out.truncate(mark);
                }
            }
            Then::Object {
                len,
                start,
                end,
                null,
                ask,
            } => {
                let (members, tail) = split(rest, len);
                *rest = tail;
                self.object(members, item, (start, end), null, ask);
            }
            Then::PerField { spread, plain } => {
                let (spread, tail) = split(rest, spread);
                let (plain, tail) = split(tail, plain);
                *rest = tail;
                self.per_field(spread, plain);
            }
        }
    }

    /// The fixed bytes of a plan from `start` to `end`.
    pub(crate) fn bytes(&mut self, start: u32, end: u32) {
        self.fixed(start, end);
    }

    #[inline]
    fn fixed(&mut self, start: u32, end: u32) {
        if let Some(bytes) = self.bytes.get(start as usize..end as usize) {
            self.out.extend_from_slice(bytes);
        }
    }

    /// A comma before a member, unless it is the first of its object.
    fn comma(&mut self) {
        if self.out.last() != Some(&b'{') {
            self.out.push(b',');
        }
    }

    /// What a member writes when its value is absent; `false` when that is nothing.
    /// `key_end` is where the member's key ends, and a fixed fallback starts.
    #[inline]
    fn otherwise(&mut self, otherwise: Otherwise, key_end: u32, item: Option<&FieldError>) -> bool {
        match otherwise {
            Otherwise::Omit => false,
            Otherwise::Null => {
                self.out.extend_from_slice(b"null");
                true
            }
            Otherwise::Fixed { end } => {
                self.fixed(key_end, end);
                true
            }
            Otherwise::Slot { slot, null } => {
                if self.slot(slot, item) {
                    true
                } else if null {
                    self.out.extend_from_slice(b"null");
                    true
                } else {
                    false
                }
            }
        }
    }

    /// An object that may be absent: its key, `{`, its members, and `}`; or, when no member
    /// was written, nothing (or its key and `null`).
    fn object(
        &mut self,
        members: &[Step],
        item: Option<&FieldError>,
        (start, end): (u32, u32),
        null: bool,
        ask: bool,
    ) {
        let mark = self.out.len();
        if ask {
            self.comma();
        }
        self.fixed(start, end);
        self.out.push(b'{');
        let open = self.out.len();
        self.nested(members, item);
        if self.out.len() > open {
            self.out.push(b'}');
        } else if null {
            self.out.truncate(open - 1);
            self.out.extend_from_slice(b"null");
        } else {
            self.out.truncate(mark);
        }
    }

    /// Whether the slot's value may be there: `false` when it is known absent without asking
    /// the error (member fields and inner errors are asked when written).
    #[inline]
    fn may_be_present(&self, slot: Slot, item: Option<&FieldError>) -> bool {
        match slot {
            Slot::Details => {
                !self.spread
                    && self.details.is_some()
                    && !self.field_errors.is_some_and(FieldErrors::is_empty)
            }
            Slot::RequestId => self.context.request_id.is_some(),
            Slot::Timestamp => self.context.timestamp.is_some(),
            Slot::Instance => self.context.instance.is_some(),
            Slot::Field | Slot::FieldPointer(_) | Slot::FieldMessage => item.is_some(),
            Slot::FieldCode => item.and_then(FieldError::code_text).is_some(),
            Slot::FieldLocation => item.and_then(FieldError::location_text).is_some(),
            Slot::Message | Slot::Member(_) | Slot::Inner(_) => true,
        }
    }

    /// Writes the slot's value when the body has it; `false`, having written nothing, when
    /// it is absent.
    #[inline]
    fn slot(&mut self, slot: Slot, item: Option<&FieldError>) -> bool {
        let text = match slot {
            Slot::Message => {
                self.message();
                return true;
            }
            Slot::Details => return self.details(),
            Slot::Member(index) => return self.member(index),
            Slot::Inner(index) => return self.inner(index),
            Slot::FieldPointer(index) => {
                let (Some(error), Some(base)) = (item, self.plan.bases.get(usize::from(index)))
                else {
                    return false;
                };
                self.out.push(b'"');
                pointer(self.out, base, error.field());
                self.out.push(b'"');
                return true;
            }
            Slot::RequestId => self.context.request_id,
            Slot::Timestamp => self.context.timestamp,
            Slot::Instance => self.context.instance,
            Slot::Field => item.map(FieldError::field),
            Slot::FieldMessage => item.map(FieldError::message),
            Slot::FieldCode => item.and_then(FieldError::code_text),
            Slot::FieldLocation => item.and_then(FieldError::location_text),
        };
        match text {
            Some(text) => {
                string(self.out, text);
                true
            }
            None => false,
        }
    }

    /// A message with values in it, formatted straight into the output. (A plan writes a fixed
    /// message as fixed bytes, so this one is not asked whether it is static.)
    fn message(&mut self) {
        let mark = self.out.len();
        self.out.push(b'"');
        if self.error.message_into(&mut Escaping(self.out)).is_ok() {
            self.out.push(b'"');
        } else {
            // Keep the body valid: a failing `Display` of a field leaves no half string.
            self.out.truncate(mark);
            self.out.extend_from_slice(b"null");
        }
    }

    /// The steps of a nested object or a list item.
    #[inline(never)]
    fn nested(&mut self, steps: &[Step], item: Option<&FieldError>) {
        self.run(steps, item);
    }

    /// A list of per-field items: the `spread` item once per field error when the details
    /// hold some that are not written yet, else the `plain` item.
    fn per_field(&mut self, spread: &[Step], plain: &[Step]) {
        let field_errors = self
            .field_errors
            .filter(|errors| !self.spread && !errors.is_empty());
        match field_errors {
            Some(errors) => {
                self.spread = true;
                let mut wrote = false;
                for error in errors {
                    let mark = self.out.len();
                    if wrote {
                        self.out.push(b',');
                    }
                    let start = self.out.len();
                    self.nested(spread, Some(error));
                    if self.out.len() > start {
                        wrote = true;
                    } else {
                        // An item whose members were all absent: no comma for it either.
                        self.out.truncate(mark);
                    }
                }
            }
            None => self.nested(plain, None),
        }
    }

    fn details(&mut self) -> bool {
        let present = !self.spread && !self.field_errors.is_some_and(FieldErrors::is_empty);
        let Some(details) = self.details.filter(|_| present) else {
            return false;
        };
        if let Some(errors) = self.field_errors {
            fields::write(self.out, errors, self.plan.form);
            return true;
        }
        let mark = self.out.len();
        if let Err(failure) = details.write_json(self.out) {
            self.failed(mark, failure);
        }
        true
    }

    fn member(&mut self, index: u16) -> bool {
        let Some(value) = self.error.member(usize::from(index)) else {
            return false;
        };
        if let Some(errors) = value.field_errors() {
            fields::write(self.out, errors, self.plan.form);
            return true;
        }
        let mark = self.out.len();
        if let Err(failure) = value.write_json(self.out) {
            self.failed(mark, failure);
        }
        true
    }

    /// Keeps the body valid where a value failed to serialize: what it wrote is discarded and
    /// `null` stands in its place; the first failure is reported.
    fn failed(&mut self, mark: usize, failure: serde_json::Error) {
        self.out.truncate(mark);
        self.out.extend_from_slice(b"null");
        if self.failure.is_none() {
            self.failure = Some(failure);
        }
    }

    /// The inner error, as an object of the members this plan keeps at `index`, compiled for
    /// the inner error's variant (inner errors are rare: their plan is not kept).
    fn inner(&mut self, index: u16) -> bool {
        if self.depth >= INNER_DEPTH {
            return false;
        }
        let (Some(members), Some(inner)) =
            (self.plan.inner.get(usize::from(index)), self.error.inner())
        else {
            return false;
        };
        let plan = Plan::object(members, inner.inner_descriptor(), self.plan.form);
        let mut writer = Writer::new(&plan, inner, self.context, self.out);
        writer.depth = self.depth + 1;
        writer.run(&plan.steps, None);
        if let Err(failure) = writer.finish()
            && self.failure.is_none()
        {
            self.failure = Some(failure.into_inner());
        }
        true
    }
}

/// The first `len` steps of `steps`, and the rest.
pub(crate) fn split(steps: &[Step], len: u32) -> (&[Step], &[Step]) {
    steps.split_at((len as usize).min(steps.len()))
}
