//! Field errors written in a [`DetailsForm`]: the seeds' four forms by hand, the declared ones
//! from their values.

use super::escape::string;
use super::path::{pointer, steps};
use super::plan::constant;
use super::{Absent, Member, Value};
use crate::{DetailsForm, FieldError, FieldErrors};

/// Field errors in the given form.
pub(crate) fn write(out: &mut Vec<u8>, errors: &FieldErrors, form: DetailsForm) {
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
                out.extend_from_slice(b",\"pointer\":\"");
                pointer(out, "#", error.field());
                out.push(b'"');
                if let Some(code) = error.code_text() {
                    out.extend_from_slice(b",\"code\":");
                    string(out, code);
                }
                out.push(b'}');
            }
            out.push(b']');
        }
        DetailsForm::Items(members) => {
            out.push(b'[');
            let mut wrote = false;
            for error in errors {
                let mark = out.len();
                if wrote {
                    out.push(b',');
                }
                if object(out, members, error) {
                    wrote = true;
                } else {
                    out.truncate(mark);
                }
            }
            out.push(b']');
        }
        DetailsForm::ByField(value) => {
            out.push(b'{');
            for (first, _) in by_field(errors) {
                let mark = out.len();
                if out.last() != Some(&b'{') {
                    out.push(b',');
                }
                string(out, first.field());
                out.push(b':');
                if !item(out, value, first) {
                    out.truncate(mark);
                }
            }
            out.push(b'}');
        }
        DetailsForm::AllByField(value) => {
            out.push(b'{');
            for (index, (first, after)) in by_field(errors).enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                string(out, first.field());
                out.push(b':');
                let same = after.iter().filter(|error| error.field() == first.field());
                list(out, value, core::iter::once(first).chain(same));
            }
            out.push(b'}');
        }
        DetailsForm::Nested { leaf, value } => {
            let placed: Vec<Placed<'_>> = errors
                .iter()
                .map(|error| {
                    let mut found = Vec::new();
                    steps(error.field(), |step| found.push(step));
                    (found, error)
                })
                .collect();
            let all: Vec<&Placed<'_>> = placed.iter().collect();
            nested(out, &all, 0, leaf, value);
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

/// `[value, ...]` for each error, leaving out those for which the value is absent.
fn list<'a>(out: &mut Vec<u8>, value: Value, errors: impl Iterator<Item = &'a FieldError>) {
    out.push(b'[');
    let mut wrote = false;
    for error in errors {
        let mark = out.len();
        if wrote {
            out.push(b',');
        }
        if item(out, value, error) {
            wrote = true;
        } else {
            out.truncate(mark);
        }
    }
    out.push(b']');
}

/// A field error with the steps of its path.
type Placed<'a> = (Vec<&'a str>, &'a FieldError);

/// The objects along the paths of `errors` from step `depth` on: `leaf` holds the errors whose
/// path ends here, then each next step (in first-seen order) has its own object.
fn nested(out: &mut Vec<u8>, errors: &[&Placed<'_>], depth: usize, leaf: &str, value: Value) {
    out.push(b'{');
    let ends = |(path, _): &Placed<'_>| path.len() <= depth;
    if errors.iter().any(|placed| ends(placed)) {
        string(out, leaf);
        out.push(b':');
        let here = errors.iter().filter(|placed| ends(placed));
        list(out, value, here.map(|(_, error)| *error));
    }
    let mut seen: Vec<&str> = Vec::new();
    for (path, _) in errors {
        let Some(&step) = path.get(depth) else {
            continue;
        };
        if seen.contains(&step) {
            continue;
        }
        seen.push(step);
        let same: Vec<&Placed<'_>> = errors
            .iter()
            .copied()
            .filter(|(path, _)| path.get(depth) == Some(&step))
            .collect();
        if out.last() != Some(&b'{') {
            out.push(b',');
        }
        string(out, step);
        out.push(b':');
        nested(out, &same, depth + 1, leaf, value);
    }
    out.push(b'}');
}

/// An object of `members` for one field error; `false`, having written nothing, when every
/// member is absent.
fn object(out: &mut Vec<u8>, members: &[Member], error: &FieldError) -> bool {
    let open = out.len();
    out.push(b'{');
    for member in members {
        let mark = out.len();
        if out.len() > open + 1 {
            out.push(b',');
        }
        string(out, member.name());
        out.push(b':');
        let present = item(out, member.value(), error)
            || member
                .fallback()
                .is_some_and(|fallback| item(out, fallback, error));
        if !present {
            match member.absent() {
                Absent::Null => out.extend_from_slice(b"null"),
                Absent::Omit => out.truncate(mark),
            }
        }
    }
    if out.len() == open + 1 {
        out.truncate(open);
        return false;
    }
    out.push(b'}');
    true
}

/// One value for one field error; `false`, having written nothing, when it is absent.
fn item(out: &mut Vec<u8>, value: Value, error: &FieldError) -> bool {
    let text = match value {
        Value::Field => error.field(),
        Value::FieldMessage => error.message(),
        Value::FieldCode => match error.code_text() {
            Some(code) => code,
            None => return false,
        },
        Value::FieldLocation => match error.location_text() {
            Some(location) => location,
            None => return false,
        },
        Value::FieldPointer(base) => {
            out.push(b'"');
            pointer(out, base, error.field());
            out.push(b'"');
            return true;
        }
        Value::Constant(fixed) => {
            constant(out, fixed);
            return true;
        }
        Value::Object(members) => return object(out, members, error),
        // Refused by `Shape::details_form`; a form built otherwise still writes valid JSON.
        _ => {
            out.extend_from_slice(b"null");
            return true;
        }
    };
    string(out, text);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(errors: &FieldErrors, form: DetailsForm) -> String {
        let mut out = Vec::new();
        write(&mut out, errors, form);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn fields_are_grouped_in_first_seen_order_whatever_comes_between() {
        let errors = FieldErrors::from([
            FieldError::new("a", "a1").code("x"),
            FieldError::new("b", "b1"),
            FieldError::new("a", "a2"),
            FieldError::new("c", "c1"),
            FieldError::new("b", "b2").code("y"),
        ]);
        assert_eq!(
            written(&errors, DetailsForm::MessagesByField),
            r#"{"a":["a1","a2"],"b":["b1","b2"],"c":["c1"]}"#
        );
        assert_eq!(
            written(&errors, DetailsForm::ObjectByField),
            r#"{"a":{"code":"x","message":"a1"},"b":{"message":"b1"},"c":{"message":"c1"}}"#
        );
        assert_eq!(
            written(&errors, DetailsForm::AllByField(Value::FieldCode)),
            r#"{"a":["x"],"b":["y"],"c":[]}"#
        );
        assert_eq!(
            written(&errors, DetailsForm::ByField(Value::FieldCode)),
            r#"{"a":"x"}"#
        );
    }

    #[test]
    fn nested_paths_share_their_objects() {
        let errors = FieldErrors::from([
            FieldError::new("a.b", "1"),
            FieldError::new("c", "2"),
            FieldError::new("a[0]", "3"),
            FieldError::new("a.b", "4"),
            FieldError::new("a", "5"),
            FieldError::new(".", "6"),
        ]);
        assert_eq!(
            written(
                &errors,
                DetailsForm::Nested {
                    leaf: "_errors",
                    value: Value::FieldMessage
                }
            ),
            r#"{"_errors":["6"],"a":{"_errors":["5"],"b":{"_errors":["1","4"]},"0":{"_errors":["3"]}},"c":{"_errors":["2"]}}"#
        );
    }

    #[test]
    fn items_leave_out_absent_members_and_use_fallbacks() {
        const FORM: DetailsForm = DetailsForm::Items(&[
            Member::new("name", Value::Field),
            Member::new("reason", Value::FieldCode).or(Value::FieldMessage),
            Member::new("in", Value::FieldLocation).null_if_absent(),
            Member::new("at", Value::FieldPointer("/data")),
        ]);
        let errors = FieldErrors::from([
            FieldError::new("x.y", "bad").code("invalid"),
            FieldError::new("z", "worse").location("query"),
        ]);
        assert_eq!(
            written(&errors, FORM),
            r#"[{"name":"x.y","reason":"invalid","in":null,"at":"/data/x/y"},{"name":"z","reason":"worse","in":"query","at":"/data/z"}]"#
        );
        const CODES: DetailsForm = DetailsForm::Items(&[Member::new("code", Value::FieldCode)]);
        assert_eq!(written(&errors, CODES), r#"[{"code":"invalid"}]"#);
    }
}
