//! Field errors read back from each details form, the forms of `DetailsForm` backwards.

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

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
                DetailsForm::Problem => pointer_to_field(&field)
                    .ok_or_else(|| de::Error::custom("a pointer that is not `#/field`"))?,
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

/// `#/a~1b` back to `a/b`: the pointer RFC 9457's form writes for a field.
fn pointer_to_field(pointer: &str) -> Option<String> {
    let escaped = pointer.strip_prefix("#/")?;
    let mut field = String::with_capacity(escaped.len());
    let mut chars = escaped.chars();
    while let Some(next) = chars.next() {
        match next {
            '~' => match chars.next() {
                Some('0') => field.push('~'),
                Some('1') => field.push('/'),
                _ => return None,
            },
            // A second segment is a path this form does not write.
            '/' => return None,
            other => field.push(other),
        }
    }
    Some(field)
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
        ])
    }

    #[test]
    fn every_form_reads_back_what_it_writes() {
        for form in [
            DetailsForm::MessagesByField,
            DetailsForm::ObjectByField,
            DetailsForm::List,
            DetailsForm::Problem,
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
            (
                r##"[{"detail":"d","pointer":"#/a/b"}]"##,
                DetailsForm::Problem,
            ),
            (r#"[1]"#, DetailsForm::List),
            ("null", DetailsForm::List),
        ] {
            assert_eq!(read(json, form), None, "{json}");
        }
    }
}
