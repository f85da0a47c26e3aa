//! Writes a [`Shape`] as JSON: fixed parts are copied, strings are escaped straight into the
//! output, and only details values go through serde_json.

use core::fmt::Write as _;

use super::escape::{Escaping, escaped, string};
use super::{Absent, BodyError, Constant, Member, Shape, Value};
use crate::Code;
use crate::descriptor::reason;
use crate::{ApiError, Descriptor, Details, DetailsForm, FieldError, FieldErrors, RequestContext};

pub(crate) fn write_shape<E: ApiError + ?Sized>(
    shape: &Shape,
    error: &E,
    context: &RequestContext<'_>,
    out: &mut Vec<u8>,
) -> Result<(), BodyError> {
    let mut writer = Writer {
        error,
        descriptor: error.descriptor(),
        context,
        details: error.details(),
        form: shape.details,
        spread: false,
        failure: None,
        out,
    };
    writer.object(shape.members, None);
    match writer.failure {
        Some(failure) => Err(BodyError::from(failure)),
        None => Ok(()),
    }
}

struct Writer<'a, E: ?Sized> {
    error: &'a E,
    descriptor: &'static Descriptor,
    context: &'a RequestContext<'a>,
    details: Option<&'a dyn Details>,
    form: DetailsForm,
    /// Field errors went out as per-field list items; they are not written again.
    spread: bool,
    failure: Option<serde_json::Error>,
    out: &'a mut Vec<u8>,
}

impl<E: ApiError + ?Sized> Writer<'_, E> {
    fn object(&mut self, members: &[Member], item: Option<&FieldError>) {
        self.out.push(b'{');
        let mut first = true;
        for member in members {
            let present = self.is_present(member.value, item);
            if !present && member.absent == Absent::Omit {
                continue;
            }
            if !first {
                self.out.push(b',');
            }
            first = false;
            key(self.out, member);
            if present {
                self.value(member.value, item);
            } else {
                self.out.extend_from_slice(b"null");
            }
        }
        self.out.push(b'}');
    }

    fn is_present(&self, value: Value, item: Option<&FieldError>) -> bool {
        match value {
            Value::Details => {
                !self.spread && self.details.is_some_and(|details| !is_empty(details))
            }
            Value::RequestId => self.context.request_id.is_some(),
            Value::Timestamp => self.context.timestamp.is_some(),
            Value::Instance => self.context.instance.is_some(),
            Value::Category => self.descriptor.category().is_some(),
            Value::Field => item.is_some(),
            Value::FieldLocation => item.and_then(FieldError::location_text).is_some(),
            _ => true,
        }
    }

    fn value(&mut self, value: Value, item: Option<&FieldError>) {
        match value {
            Value::Code => self
                .out
                .extend_from_slice(self.descriptor.code_json().as_bytes()),
            Value::Message => match self.descriptor.message_json() {
                Some(json) => self.out.extend_from_slice(json.as_bytes()),
                None => self.message(),
            },
            Value::Name => string(self.out, self.descriptor.name()),
            Value::Category => string(self.out, self.descriptor.category().unwrap_or_default()),
            Value::Status => self
                .out
                .extend_from_slice(self.descriptor.status().as_str().as_bytes()),
            Value::StatusText => {
                self.out.push(b'"');
                self.out
                    .extend_from_slice(self.descriptor.status().as_str().as_bytes());
                self.out.push(b'"');
            }
            Value::Title => string(self.out, reason(self.descriptor.status().as_u16())),
            Value::TypeUri(base) => type_uri(self.out, base, self.descriptor.code()),
            Value::Details => self.details(),
            Value::RequestId => string(self.out, self.context.request_id.unwrap_or_default()),
            Value::Timestamp => string(self.out, self.context.timestamp.unwrap_or_default()),
            Value::Instance => string(self.out, self.context.instance.unwrap_or_default()),
            Value::Field => string(self.out, item.map(FieldError::field).unwrap_or_default()),
            Value::FieldLocation => {
                string(
                    self.out,
                    item.and_then(FieldError::location_text).unwrap_or_default(),
                );
            }
            Value::Constant(constant) => match constant {
                Constant::Null => self.out.extend_from_slice(b"null"),
                Constant::Bool(true) => self.out.extend_from_slice(b"true"),
                Constant::Bool(false) => self.out.extend_from_slice(b"false"),
                Constant::Int(number) => integer(self.out, number),
                Constant::Str(text) => string(self.out, text),
            },
            Value::Object(members) => self.object(members, item),
            Value::List(members) => self.list(members),
        }
    }

    /// A message with values in it, formatted straight into the output.
    fn message(&mut self) {
        let mark = self.out.len();
        self.out.push(b'"');
        if write!(Escaping(self.out), "{}", self.error.message()).is_ok() {
            self.out.push(b'"');
        } else {
            // Keep the body valid: a failing `Display` of a field leaves no half string.
            self.out.truncate(mark);
            self.out.extend_from_slice(b"null");
        }
    }

    fn list(&mut self, members: &[Member]) {
        self.out.push(b'[');
        let per_field = members
            .iter()
            .any(|member| matches!(member.value, Value::Field | Value::FieldLocation));
        let field_errors = self
            .details
            .and_then(Details::field_errors)
            .filter(|errors| per_field && !self.spread && !errors.is_empty());
        match field_errors {
            Some(errors) => {
                self.spread = true;
                for (index, error) in errors.iter().enumerate() {
                    if index > 0 {
                        self.out.push(b',');
                    }
                    self.object(members, Some(error));
                }
            }
            None => self.object(members, None),
        }
        self.out.push(b']');
    }

    fn details(&mut self) {
        let Some(details) = self.details else {
            self.out.extend_from_slice(b"null");
            return;
        };
        if let Some(errors) = details.field_errors() {
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

fn is_empty(details: &dyn Details) -> bool {
    details.field_errors().is_some_and(FieldErrors::is_empty)
}

fn key(out: &mut Vec<u8>, member: &Member) {
    if member.is_plain() {
        out.push(b'"');
        out.extend_from_slice(member.name().as_bytes());
        out.extend_from_slice(b"\":");
    } else {
        string(out, member.name());
        out.push(b':');
    }
}

/// A type URI: the base followed by the code.
fn type_uri(out: &mut Vec<u8>, base: &str, code: Code) {
    out.push(b'"');
    escaped(out, base);
    match code {
        Code::Str(text) => escaped(out, text),
        Code::Int(number) => integer(out, number),
    }
    out.push(b'"');
}

/// A number as JSON: its decimal digits.
fn integer(out: &mut Vec<u8>, number: impl core::fmt::Display) {
    // Digits and a sign need no escaping, and writing to a Vec cannot fail.
    let _ = write!(Escaping(out), "{number}");
}

/// Field errors in the given form.
pub(crate) fn write_field_errors(out: &mut Vec<u8>, errors: &FieldErrors, form: DetailsForm) {
    match form {
        DetailsForm::MessagesByField => {
            out.push(b'{');
            for (index, field) in distinct_fields(errors).enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                string(out, field);
                out.extend_from_slice(b":[");
                let messages = errors.iter().filter(|error| error.field() == field);
                for (position, error) in messages.enumerate() {
                    if position > 0 {
                        out.push(b',');
                    }
                    string(out, error.message());
                }
                out.push(b']');
            }
            out.push(b'}');
        }
        DetailsForm::ObjectByField => {
            out.push(b'{');
            for (index, field) in distinct_fields(errors).enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                let Some(first) = errors.iter().find(|error| error.field() == field) else {
                    continue;
                };
                string(out, field);
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

/// The fields of `errors`, each once, in the order first seen. Without allocating: the writers
/// that group by field already look through the list once per field.
fn distinct_fields(errors: &FieldErrors) -> impl Iterator<Item = &str> {
    errors.iter().enumerate().filter_map(|(index, error)| {
        let field = error.field();
        let seen = errors
            .iter()
            .take(index)
            .any(|earlier| earlier.field() == field);
        (!seen).then_some(field)
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
