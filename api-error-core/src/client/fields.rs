//! Field errors read back from each details form, the forms of `DetailsForm` backwards.

use core::fmt;

use serde::Deserialize as _;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::read::FieldParts;
use crate::envelope::{Member, Value};
use crate::{DetailsForm, FieldError, FieldErrors};

/// The field errors in `json`, when it is `form`'s rendering of some; `None` when it is not.
pub(crate) fn read(json: &str, form: DetailsForm) -> Option<FieldErrors> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let errors = Form(form).deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(errors)
}

/// Reads the details of one form into field errors.
struct Form(DetailsForm);

impl<'de> DeserializeSeed<'de> for Form {
    type Value = FieldErrors;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<FieldErrors, D::Error> {
        match self.0 {
            DetailsForm::MessagesByField | DetailsForm::ObjectByField => {
                deserializer.deserialize_map(self)
            }
            DetailsForm::List | DetailsForm::Problem => deserializer.deserialize_seq(self),
            DetailsForm::Items(members) => {
                let mut errors = FieldErrors::new();
                deserializer.deserialize_seq(Items {
                    members,
                    errors: &mut errors,
                })?;
                Ok(errors)
            }
            DetailsForm::ByField(value) | DetailsForm::AllByField(value) => {
                let mut errors = FieldErrors::new();
                let all = matches!(self.0, DetailsForm::AllByField(_));
                deserializer.deserialize_map(ByField {
                    value,
                    all,
                    errors: &mut errors,
                })?;
                Ok(errors)
            }
            DetailsForm::Nested { leaf, value } => {
                let mut errors = FieldErrors::new();
                deserializer.deserialize_map(Nested {
                    leaf,
                    value,
                    path: Vec::new(),
                    errors: &mut errors,
                })?;
                Ok(errors)
            }
            // A form added to the model that this reader does not know yet.
            #[allow(unreachable_patterns)]
            _ => Err(de::Error::custom(
                "a details form this reader does not know",
            )),
        }
    }
}

impl<'de> Visitor<'de> for Form {
    type Value = FieldErrors;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field errors in the form {:?}", self.0)
    }

    // {"petId": ["This field is required."]} or {"name": {"code": .., "message": ..}}
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FieldErrors, A::Error> {
        let mut errors = FieldErrors::new();
        while let Some(field) = map.next_key::<String>()? {
            match self.0 {
                DetailsForm::MessagesByField => map.next_value_seed(Messages {
                    field,
                    errors: &mut errors,
                })?,
                _ => {
                    let item = map.next_value_seed(Item(Keys::BY_FIELD))?;
                    let message = item
                        .message
                        .ok_or_else(|| de::Error::missing_field("message"))?;
                    let mut error = FieldError::new(field, message);
                    if let Some(code) = item.code {
                        error = error.code(code);
                    }
                    errors.push(error);
                }
            }
        }
        Ok(errors)
    }

    // [{"field": .., "code": .., "message": ..}] or [{"detail": .., "pointer": "#/..", "code": ..}]
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FieldErrors, A::Error> {
        let keys = match self.0 {
            DetailsForm::Problem => Keys::PROBLEM,
            _ => Keys::LIST,
        };
        let mut errors = FieldErrors::new();
        while let Some(item) = seq.next_element_seed(Item(keys))? {
            let field = item
                .field
                .ok_or_else(|| de::Error::missing_field(keys.field))?;
            let field = match self.0 {
                DetailsForm::Problem => pointer_to_path(&field, "#")
                    .ok_or_else(|| de::Error::custom("a pointer that is not `#/...`"))?,
                _ => field,
            };
            let message = item
                .message
                .ok_or_else(|| de::Error::missing_field(keys.message))?;
            let mut error = FieldError::new(field, message);
            if let Some(code) = item.code {
                error = error.code(code);
            }
            errors.push(error);
        }
        Ok(errors)
    }
}

/// A JSON Pointer after `base` back to the field path it was written from:
/// `#/pets/2/species` is `pets[2].species`, `#/a~1b` is `a/b`, `#` alone is `.` (the whole
/// input). `None` when the pointer does not start with `base`.
pub(crate) fn pointer_to_path(pointer: &str, base: &str) -> Option<String> {
    let rest = pointer.strip_prefix(base)?;
    if rest.is_empty() {
        return Some(".".to_owned());
    }
    let mut steps = Vec::new();
    for step in rest.strip_prefix('/')?.split('/') {
        let mut plain = String::with_capacity(step.len());
        let mut chars = step.chars();
        while let Some(next) = chars.next() {
            match next {
                '~' => match chars.next() {
                    Some('0') => plain.push('~'),
                    Some('1') => plain.push('/'),
                    _ => return None,
                },
                other => plain.push(other),
            }
        }
        steps.push(plain);
    }
    Some(path_of(&steps))
}

/// The path of these steps, as `serde_path_to_error` prints it: an all-digit step is an
/// index (`[2]`), the others are names joined by dots; no steps is `.`. The steps of the
/// path are those it was written from, which is what a round trip needs.
fn path_of<S: AsRef<str>>(steps: &[S]) -> String {
    if steps.is_empty() {
        return ".".to_owned();
    }
    let mut path = String::new();
    let mut previous_empty = false;
    for (index, step) in steps.iter().enumerate() {
        let step = step.as_ref();
        let digits = !step.is_empty() && step.bytes().all(|byte| byte.is_ascii_digit());
        // After an empty name (`.0`), digits are a name again: `[0]` would lose the name.
        let index_step = digits && !(index > 0 && previous_empty);
        previous_empty = step.is_empty();
        if index_step {
            path.push('[');
            path.push_str(step);
            path.push(']');
        } else {
            if index > 0 {
                path.push('.');
            }
            path.push_str(step);
        }
    }
    path
}

/// `DetailsForm::Items`: a list of objects of these members, one per field error.
struct Items<'a> {
    members: &'static [Member],
    errors: &'a mut FieldErrors,
}

impl<'de> Visitor<'de> for Items<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of field errors")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let mut parts = FieldParts::default();
            let seed = ItemValue {
                value: Value::Object(self.members),
                parts: &mut parts,
            };
            if seq.next_element_seed(seed)?.is_none() {
                return Ok(());
            }
            self.errors.push(parts.into_error(None));
        }
    }
}

/// `DetailsForm::ByField` and `AllByField`: an object with a member per field holding the
/// value of its first error, or a list of the value for each of its errors.
struct ByField<'a> {
    value: Value,
    all: bool,
    errors: &'a mut FieldErrors,
}

impl<'de> Visitor<'de> for ByField<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field errors by field")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(field) = map.next_key::<String>()? {
            if self.all {
                map.next_value_seed(Values {
                    value: self.value,
                    field: &field,
                    errors: &mut *self.errors,
                })?;
            } else {
                let mut parts = FieldParts::default();
                map.next_value_seed(ItemValue {
                    value: self.value,
                    parts: &mut parts,
                })?;
                parts.field.get_or_insert(field);
                self.errors.push(parts.into_error(None));
            }
        }
        Ok(())
    }
}

/// A list of one value for each of a field's errors.
struct Values<'a> {
    value: Value,
    field: &'a str,
    errors: &'a mut FieldErrors,
}

impl<'de> DeserializeSeed<'de> for Values<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Values<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of a field's errors")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let mut parts = FieldParts::default();
            let seed = ItemValue {
                value: self.value,
                parts: &mut parts,
            };
            if seq.next_element_seed(seed)?.is_none() {
                return Ok(());
            }
            parts.field.get_or_insert_with(|| self.field.to_owned());
            self.errors.push(parts.into_error(None));
        }
    }
}

/// `DetailsForm::Nested`: objects along each field's path, the field's errors under `leaf`.
struct Nested<'a> {
    leaf: &'static str,
    value: Value,
    path: Vec<String>,
    errors: &'a mut FieldErrors,
}

impl<'de> DeserializeSeed<'de> for Nested<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Nested<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field errors nested along their paths")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Nested {
            leaf,
            value,
            mut path,
            errors,
        } = self;
        while let Some(key) = map.next_key::<String>()? {
            if key == leaf {
                let field = path_of(&path);
                map.next_value_seed(Values {
                    value,
                    field: &field,
                    errors: &mut *errors,
                })?;
            } else {
                path.push(key);
                map.next_value_seed(Nested {
                    leaf,
                    value,
                    path: path.clone(),
                    errors: &mut *errors,
                })?;
                path.pop();
            }
        }
        Ok(())
    }
}

/// One value of a field error read into its parts: a field value, a constant (skipped), or an
/// object of them.
struct ItemValue<'a> {
    value: Value,
    parts: &'a mut FieldParts,
}

impl<'de> DeserializeSeed<'de> for ItemValue<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let text = |deserializer: D| -> Result<Option<String>, D::Error> {
            Ok(<Option<String> as serde::Deserialize>::deserialize(deserializer).unwrap_or(None))
        };
        match self.value {
            Value::Field => self.parts.field = text(deserializer)?,
            Value::FieldMessage => self.parts.message = text(deserializer)?,
            Value::FieldCode => self.parts.code = text(deserializer)?,
            Value::FieldLocation => self.parts.location = text(deserializer)?,
            Value::FieldPointer(base) => {
                let pointer = text(deserializer)?;
                self.parts.field = pointer.and_then(|pointer| pointer_to_path(&pointer, base));
            }
            Value::Object(members) => deserializer.deserialize_any(ItemObject {
                members,
                parts: self.parts,
            })?,
            _ => {
                IgnoredAny::deserialize(deserializer)?;
            }
        }
        Ok(())
    }
}

/// An object of a field error's members.
struct ItemObject<'a> {
    members: &'static [Member],
    parts: &'a mut FieldParts,
}

impl<'de> Visitor<'de> for ItemObject<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field error's object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match self.members.iter().find(|member| member.name() == key.0) {
                Some(member) => map.next_value_seed(ItemValue {
                    value: member.value(),
                    parts: &mut *self.parts,
                })?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// The member names of one form's item.
#[derive(Clone, Copy)]
struct Keys {
    field: &'static str,
    message: &'static str,
}

impl Keys {
    const BY_FIELD: Keys = Keys {
        field: "",
        message: "message",
    };
    const LIST: Keys = Keys {
        field: "field",
        message: "message",
    };
    const PROBLEM: Keys = Keys {
        field: "pointer",
        message: "detail",
    };
}

#[derive(Default)]
struct Parts {
    field: Option<String>,
    message: Option<String>,
    code: Option<String>,
}

/// One item of a form: an object with the form's members, others ignored.
struct Item(Keys);

impl<'de> DeserializeSeed<'de> for Item {
    type Value = Parts;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Parts, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Item {
    type Value = Parts;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field error object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parts, A::Error> {
        let mut parts = Parts::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let key: &str = &key.0;
            if key == self.0.message {
                parts.message = Some(map.next_value()?);
            } else if !self.0.field.is_empty() && key == self.0.field {
                parts.field = Some(map.next_value()?);
            } else if key == "code" {
                parts.code = Some(map.next_value()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(parts)
    }
}

/// A field's messages, a list of strings (or one string), each read into a field error.
struct Messages<'a> {
    field: String,
    errors: &'a mut FieldErrors,
}

impl<'de> DeserializeSeed<'de> for Messages<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Messages<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of messages")
    }

    fn visit_str<E: de::Error>(self, message: &str) -> Result<(), E> {
        self.errors
            .push(FieldError::new(self.field, message.to_owned()));
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // The field's name is copied for every message but the last, which takes it.
        let mut previous: Option<String> = None;
        while let Some(message) = seq.next_element::<String>()? {
            if let Some(previous) = previous.replace(message) {
                self.errors
                    .push(FieldError::new(self.field.clone(), previous));
            }
        }
        if let Some(last) = previous {
            self.errors.push(FieldError::new(self.field, last));
        }
        Ok(())
    }
}

/// A member name, borrowed from the body when it has no escapes.
pub(crate) struct Key<'de>(pub(crate) std::borrow::Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;

        impl<'de> Visitor<'de> for Name {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }

            fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(name)))
            }

            fn visit_str<E: de::Error>(self, name: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(name.to_owned())))
            }
        }

        deserializer.deserialize_str(Name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors() -> FieldErrors {
        FieldErrors::from([
            FieldError::new("name", "Name is required").code("required"),
            FieldError::new("name", "Name is too short"),
            FieldError::new("a/b~c", "bad \"quoted\" \u{1F600}"),
            FieldError::new("pets[2].species", "Must be DOG or CAT.").location("body"),
            FieldError::new(".", "The body is not JSON."),
        ])
    }

    #[test]
    fn pointers_read_back_into_paths() {
        assert_eq!(
            pointer_to_path("#/pets/2/species", "#").as_deref(),
            Some("pets[2].species")
        );
        assert_eq!(pointer_to_path("#/a~1b~0c", "#").as_deref(), Some("a/b~c"));
        assert_eq!(pointer_to_path("#", "#").as_deref(), Some("."));
        assert_eq!(
            pointer_to_path("/data/attributes/x", "/data/attributes").as_deref(),
            Some("x")
        );
        assert_eq!(pointer_to_path("#/a~2", "#"), None);
        assert_eq!(pointer_to_path("/other", "#"), None);
    }

    #[test]
    fn every_form_reads_back_what_it_writes() {
        const ITEMS: DetailsForm = DetailsForm::Items(&[
            Member::new("name", Value::Field),
            Member::new("reason", Value::FieldCode),
            Member::new("description", Value::FieldMessage),
            Member::new("in", Value::FieldLocation),
            Member::new("at", Value::FieldPointer("/data")),
            Member::new(
                "kind",
                Value::Constant(crate::envelope::Constant::Str("field")),
            ),
        ]);
        const OBJECT: Value = Value::Object(&[
            Member::new("code", Value::FieldCode),
            Member::new("message", Value::FieldMessage),
        ]);
        for form in [
            DetailsForm::MessagesByField,
            DetailsForm::ObjectByField,
            DetailsForm::List,
            DetailsForm::Problem,
            ITEMS,
            DetailsForm::ByField(Value::FieldMessage),
            DetailsForm::AllByField(OBJECT),
            DetailsForm::Nested {
                leaf: "_errors",
                value: OBJECT,
            },
        ] {
            let json = form.render(&errors());
            let read = read(&json, form).unwrap_or_else(|| panic!("{form:?}: {json}"));
            assert_eq!(form.render(&read), json, "{form:?}");
        }
    }

    #[test]
    fn other_json_is_no_field_errors() {
        for (json, form) in [
            (r#"{"a":1}"#, DetailsForm::MessagesByField),
            (r#"{"a":{"code":"x"}}"#, DetailsForm::ObjectByField),
            (r#"[{"message":"m"}]"#, DetailsForm::List),
            (r##"[{"detail":"d","pointer":"/a"}]"##, DetailsForm::Problem),
            (r#"[1]"#, DetailsForm::List),
            ("null", DetailsForm::List),
        ] {
            assert_eq!(read(json, form), None, "{json}");
        }
    }
}
