//! Writes a body from a compiled [`Shape`](super::Shape): fixed runs are copied, strings are
//! escaped straight into the output, and only details values go through serde_json.

use super::escape::{Escaping, escaped, string};
use super::plan::{Plan, Slot, Step, Then};
use super::{Absent, BodyError};
use crate::{ApiError, Details, DetailsForm, FieldError, FieldErrors, RequestContext};

/// Writes the body `plan` describes for `error`.
pub(crate) fn write_plan<E: ApiError + ?Sized>(
    plan: &Plan,
    error: &E,
    context: &RequestContext<'_>,
    out: &mut Vec<u8>,
) -> Result<(), BodyError> {
    let details = error.details();
    let mut writer = Writer {
        error,
        context,
        details,
        field_errors: details.and_then(Details::field_errors),
        form: plan.form,
        bytes: &plan.bytes,
        spread: false,
        failure: None,
        out,
    };
    writer.run(&plan.steps, None);
    match writer.failure {
        Some(failure) => Err(BodyError::from(failure)),
        None => Ok(()),
    }
}

struct Writer<'a, E: ?Sized> {
    error: &'a E,
    context: &'a RequestContext<'a>,
    details: Option<&'a dyn Details>,
    /// The details' field errors, when they are field errors: asked once per body.
    field_errors: Option<&'a FieldErrors>,
    form: DetailsForm,
    /// The plan's fixed bytes.
    bytes: &'a [u8],
    /// Field errors went out as per-field list items; they are not written again.
    spread: bool,
    failure: Option<serde_json::Error>,
    out: &'a mut Vec<u8>,
}

impl<E: ApiError + ?Sized> Writer<'_, E> {
    /// Writes `steps`; `item` is the field error of the list item they belong to, if any.
    /// Inlined into the body's own writer; items go through [`item`](Self::item).
    #[inline(always)]
    fn run(&mut self, steps: &[Step], item: Option<&FieldError>) {
        let mut rest = steps;
        while let Some((&step, tail)) = rest.split_first() {
            rest = tail;
            self.fixed(step.start, step.end);
            match step.then {
                Then::Stop => {}
                Then::Comma => self.comma(),
                Then::Value(slot) => {
                    let present = self.is_present(slot, item);
                    self.slot_or_null(slot, item, present);
                }
                Then::Optional {
                    slot,
                    start,
                    end,
                    absent,
                    ask,
                } => {
                    let present = self.is_present(slot, item);
                    if present || absent == Absent::Null {
                        if ask {
                            self.comma();
                        }
                        self.fixed(start, end);
                        self.slot_or_null(slot, item, present);
                    }
                }
                Then::PerField { spread, plain } => {
                    let (spread, tail) = split(rest, spread);
                    let (plain, tail) = split(tail, plain);
                    rest = tail;
                    self.per_field(spread, plain);
                }
            }
        }
    }

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

    fn is_present(&self, slot: Slot, item: Option<&FieldError>) -> bool {
        match slot {
            Slot::Details => {
                !self.spread
                    && self.details.is_some()
                    && !self.field_errors.is_some_and(FieldErrors::is_empty)
            }
            Slot::RequestId => self.context.request_id.is_some(),
            Slot::Timestamp => self.context.timestamp.is_some(),
            Slot::Instance => self.context.instance.is_some(),
            Slot::Field => item.is_some(),
            Slot::FieldLocation => item.and_then(FieldError::location_text).is_some(),
            Slot::Message => true,
        }
    }

    /// The slot's value when it is `present`, else `null`.
    fn slot_or_null(&mut self, slot: Slot, item: Option<&FieldError>, present: bool) {
        if present {
            self.slot(slot, item);
        } else {
            self.out.extend_from_slice(b"null");
        }
    }

    fn slot(&mut self, slot: Slot, item: Option<&FieldError>) {
        let text = match slot {
            Slot::Message => return self.message(),
            Slot::Details => return self.details(),
            Slot::RequestId => self.context.request_id,
            Slot::Timestamp => self.context.timestamp,
            Slot::Instance => self.context.instance,
            Slot::Field => item.map(FieldError::field),
            Slot::FieldLocation => item.and_then(FieldError::location_text),
        };
        string(self.out, text.unwrap_or_default());
    }

    /// A message with values in it, formatted straight into the output. (A plan writes a fixed
    /// message as fixed bytes, so this one is not asked whether it is static.)
    fn message(&mut self) {
        let mark = self.out.len();
        self.out.push(b'"');
        if self.error.write_message(&mut Escaping(self.out)).is_ok() {
            self.out.push(b'"');
        } else {
            // Keep the body valid: a failing `Display` of a field leaves no half string.
            self.out.truncate(mark);
            self.out.extend_from_slice(b"null");
        }
    }

    /// The steps of a list item.
    #[inline(never)]
    fn item(&mut self, steps: &[Step], item: Option<&FieldError>) {
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
                for (index, error) in errors.iter().enumerate() {
                    if index > 0 {
                        self.out.push(b',');
                    }
                    self.item(spread, Some(error));
                }
            }
            None => self.item(plain, None),
        }
    }

    fn details(&mut self) {
        let Some(details) = self.details else {
            self.out.extend_from_slice(b"null");
            return;
        };
        if let Some(errors) = self.field_errors {
            write_field_errors(self.out, errors, self.form);
            return;
        }
        let mark = self.out.len();
        if let Err(failure) = details.write_json(self.out) {
            // Keep the body valid: what the failed value wrote is discarded.
            self.out.truncate(mark);
            self.out.extend_from_slice(b"null");
            self.failure = Some(failure);
        }
    }
}

/// The first `len` steps of `steps`, and the rest.
fn split(steps: &[Step], len: u32) -> (&[Step], &[Step]) {
    steps.split_at((len as usize).min(steps.len()))
}

/// Field errors in the given form.
pub(crate) fn write_field_errors(out: &mut Vec<u8>, errors: &FieldErrors, form: DetailsForm) {
    match form {
        DetailsForm::MessagesByField => {
            out.push(b'{');
            for (index, (first, after)) in by_field(errors).enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                string(out, first.field());
                out.extend_from_slice(b":[");
                string(out, first.message());
                for error in after.iter().filter(|error| error.field() == first.field()) {
                    out.push(b',');
                    string(out, error.message());
                }
                out.push(b']');
            }
            out.push(b'}');
        }
        DetailsForm::ObjectByField => {
            out.push(b'{');
            for (index, (first, _)) in by_field(errors).enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                string(out, first.field());
                out.extend_from_slice(b":{");
                if let Some(code) = first.code_text() {
                    out.extend_from_slice(b"\"code\":");
                    string(out, code);
                    out.push(b',');
                }
                out.extend_from_slice(b"\"message\":");
                string(out, first.message());
                out.push(b'}');
            }
            out.push(b'}');
        }
        DetailsForm::List => {
            out.push(b'[');
            for (index, error) in errors.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"field\":");
                string(out, error.field());
                if let Some(code) = error.code_text() {
                    out.extend_from_slice(b",\"code\":");
                    string(out, code);
                }
                out.extend_from_slice(b",\"message\":");
                string(out, error.message());
                out.push(b'}');
            }
            out.push(b']');
        }
        DetailsForm::Problem => {
            out.push(b'[');
            for (index, error) in errors.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"detail\":");
                string(out, error.message());
                out.extend_from_slice(b",\"pointer\":");
                pointer(out, error.field());
                if let Some(code) = error.code_text() {
                    out.extend_from_slice(b",\"code\":");
                    string(out, code);
                }
                out.push(b'}');
            }
            out.push(b']');
        }
    }
}

/// Each field of `errors` once, in the order first seen: its first error, and the errors after
/// that one, where its other errors are. Without allocating, and without comparing an error's
/// field with itself.
fn by_field(errors: &FieldErrors) -> impl Iterator<Item = (&FieldError, &[FieldError])> {
    let errors = errors.as_slice();
    errors.iter().enumerate().filter_map(|(index, error)| {
        let (before, from) = errors.split_at(index);
        let seen = before
            .iter()
            .any(|earlier| earlier.field() == error.field());
        (!seen).then(|| (error, from.get(1..).unwrap_or_default()))
    })
}

/// A JSON Pointer (RFC 6901) to a top-level member, as RFC 9457 writes it: `"#/name"`.
fn pointer(out: &mut Vec<u8>, field: &str) {
    out.extend_from_slice(b"\"#/");
    let mut rest = field;
    while let Some(at) = rest.find(['~', '/']) {
        let (plain, special) = rest.split_at(at);
        escaped(out, plain);
        out.extend_from_slice(if special.starts_with('~') {
            b"~0"
        } else {
            b"~1"
        });
        rest = special.get(1..).unwrap_or_default();
    }
    escaped(out, rest);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_grouped_in_first_seen_order_whatever_comes_between() {
        let errors = FieldErrors::from([
            FieldError::new("a", "a1").code("x"),
            FieldError::new("b", "b1"),
            FieldError::new("a", "a2"),
            FieldError::new("c", "c1"),
            FieldError::new("b", "b2").code("y"),
        ]);
        let written = |form| {
            let mut out = Vec::new();
            write_field_errors(&mut out, &errors, form);
            String::from_utf8(out).unwrap_or_default()
        };
        assert_eq!(
            written(DetailsForm::MessagesByField),
            r#"{"a":["a1","a2"],"b":["b1","b2"],"c":["c1"]}"#
        );
        assert_eq!(
            written(DetailsForm::ObjectByField),
            r#"{"a":{"code":"x","message":"a1"},"b":{"message":"b1"},"c":{"message":"c1"}}"#
        );
    }
}
