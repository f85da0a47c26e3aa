//! A shape read backwards: the body is streamed through serde_json once, each member matched
//! by name against the shape and read straight into the error it belongs to, with no
//! `serde_json::Value` in between. Members the shape does not name are skipped; a member of
//! the wrong type is taken as absent. serde_json bounds the nesting (128 levels).

use core::fmt;
use core::marker::PhantomData;
use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::fields::{self, Key};
use super::received::{Received, ReceivedCode, ReceivedContext, ReceivedError};
use crate::envelope::{Member, Value};
use crate::{Catalog, Code, Descriptor, Shape};

/// Why a body could not be read in the envelope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unread {
    /// Not JSON, or JSON that is not the shape's object.
    NotTheShape,
    /// The shape's object, but no error in it could be identified.
    NoError,
}

/// Reads `body` as `shape` writes it, identifying each error in `catalog`.
pub(crate) fn read(shape: &Shape, catalog: &Catalog, body: &[u8]) -> Result<Received, Unread> {
    let mut state = State {
        shape,
        catalog,
        context: ReceivedContext::default(),
        errors: Vec::new(),
        pending: None,
        orphans: Vec::new(),
    };
    let mut root = Partial::default();
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let seed = Object {
        members: shape.members(),
        error: &mut root,
        state: &mut state,
    };
    seed.deserialize(&mut deserializer)
        .map_err(|_| Unread::NotTheShape)?;
    deserializer.end().map_err(|_| Unread::NotTheShape)?;

    state.flush();
    if root.identifies() {
        // Per-field items without a code of their own belong to the error beside them.
        for (field, location) in core::mem::take(&mut state.orphans) {
            root.push_field(field, location);
        }
        let root = root.finish(shape, catalog);
        state.errors.insert(0, root);
    }
    if state.errors.is_empty() {
        return Err(Unread::NoError);
    }
    Ok(Received {
        errors: state.errors,
        context: state.context,
    })
}

/// What one object of the body said about one error.
#[derive(Default)]
struct Partial {
    code: Option<ReceivedCode>,
    descriptor: Option<&'static Descriptor>,
    /// The code, from a type URI: its text after the URI's base.
    type_code: Option<String>,
    name: Option<String>,
    message: Option<String>,
    details: Option<Box<RawValue>>,
    field: Option<String>,
    field_location: Option<String>,
    /// Fields of per-field items, with their locations.
    fields: Vec<(String, Option<String>)>,
}

impl Partial {
    fn identifies(&self) -> bool {
        self.code.is_some() || self.type_code.is_some() || self.name.is_some()
    }

    fn same_error(&self, other: &Partial) -> bool {
        self.code == other.code
            && self.type_code == other.type_code
            && self.name == other.name
            && self.message == other.message
    }

    fn push_field(&mut self, field: String, location: Option<String>) {
        if self.fields.is_empty() {
            if let Some(own) = self.field.take() {
                self.fields.push((own, self.field_location.take()));
            }
        }
        self.fields.push((field, location));
    }

    /// The error, identified in the catalog by its code (done as the code was read), else
    /// its type URI, else its name.
    fn finish(self, shape: &Shape, catalog: &Catalog) -> ReceivedError {
        let descriptor = match (self.descriptor, &self.code, &self.type_code, &self.name) {
            (Some(descriptor), ..) => Some(descriptor),
            (None, None, Some(text), _) => find_text_code(catalog, text),
            (None, None, None, Some(name)) => catalog.iter().find(|error| error.name() == name),
            _ => None,
        };
        let code = match (self.code, self.type_code, descriptor) {
            (Some(code), _, _) => code,
            (None, _, Some(descriptor)) => ReceivedCode::from(descriptor.code()),
            (None, Some(text), None) => ReceivedCode::Str(text.into()),
            (None, None, None) => ReceivedCode::Str(self.name.clone().unwrap_or_default().into()),
        };
        let mut fields = self.fields;
        if fields.is_empty() {
            if let Some(field) = self.field {
                fields.push((field, self.field_location));
            }
        }
        let field_errors = if fields.is_empty() {
            self.details
                .as_deref()
                .and_then(|raw| fields::read(raw.get(), shape.details()))
        } else {
            let message = self.message.as_deref().unwrap_or_default();
            Some(
                fields
                    .into_iter()
                    .map(|(field, location)| {
                        let error = crate::FieldError::new(field, message.to_owned());
                        match location {
                            Some(location) => error.location(location),
                            None => error,
                        }
                    })
                    .collect(),
            )
        };
        ReceivedError {
            code,
            descriptor,
            message: self.message,
            details: self.details,
            field_errors,
        }
    }
}

/// The code read from a body, identified in `catalog` at once: a known string code is then
/// the catalog's own text, with no copy.
fn identify(
    catalog: &Catalog,
    code: Lenient<CodeText<'_>>,
) -> (Option<ReceivedCode>, Option<&'static Descriptor>) {
    match code.0 {
        Some(CodeText::Str(text)) => match catalog.get(&*text) {
            Some(descriptor) => (
                Some(ReceivedCode::from(descriptor.code())),
                Some(descriptor),
            ),
            None => (Some(ReceivedCode::Str(text.into_owned().into())), None),
        },
        Some(CodeText::Int(value)) => (Some(ReceivedCode::Int(value)), catalog.get(value)),
        None => (None, None),
    }
}

/// A code written as text (after a type URI's base): a string code, or an integer's digits.
fn find_text_code(catalog: &Catalog, text: &str) -> Option<&'static Descriptor> {
    catalog.iter().find(|error| match error.code() {
        Code::Str(code) => code == text,
        Code::Int(code) => text.parse() == Ok(code),
    })
}

/// What the whole body said: its request context, and its errors as they are finished.
struct State<'s> {
    shape: &'s Shape,
    catalog: &'s Catalog,
    context: ReceivedContext,
    errors: Vec<ReceivedError>,
    /// The last list item, which the next may continue (per-field items of one error).
    pending: Option<Partial>,
    /// Fields of per-field items that name no error of their own.
    orphans: Vec<(String, Option<String>)>,
}

impl State<'_> {
    /// Takes a list item: the next field of the pending error, or an error of its own.
    fn item(&mut self, item: Partial) {
        if !item.identifies() {
            if let Some(field) = item.field {
                self.orphans.push((field, item.field_location));
            }
            return;
        }
        match &mut self.pending {
            Some(pending) if item.field.is_some() && pending.same_error(&item) => {
                pending.push_field(item.field.unwrap_or_default(), item.field_location);
            }
            _ => {
                self.flush();
                self.pending = Some(item);
            }
        }
    }

    fn flush(&mut self) {
        if let Some(pending) = self.pending.take() {
            let error = pending.finish(self.shape, self.catalog);
            self.errors.push(error);
        }
    }
}

/// An object of the shape, read into `error`.
struct Object<'a, 's> {
    members: &'static [Member],
    error: &'a mut Partial,
    state: &'a mut State<'s>,
}

impl<'de> DeserializeSeed<'de> for Object<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Object<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of the envelope")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let Some(member) = self.members.iter().find(|member| member.name() == key.0) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            match member.value() {
                Value::Code => {
                    let code = map.next_value::<Lenient<CodeText<'de>>>()?;
                    (self.error.code, self.error.descriptor) = identify(self.state.catalog, code);
                }
                Value::TypeUri(base) => {
                    let uri = map.next_value::<Lenient<String>>()?.0;
                    self.error.type_code = uri
                        .and_then(|uri| uri.strip_prefix(base).map(str::to_owned))
                        .filter(|code| !code.is_empty());
                }
                Value::Name => self.error.name = map.next_value::<Lenient<String>>()?.0,
                Value::Message => self.error.message = map.next_value::<Lenient<String>>()?.0,
                Value::Details => self.error.details = map.next_value()?,
                Value::RequestId => {
                    first(&mut self.state.context.request_id, map.next_value()?);
                }
                Value::Timestamp => {
                    first(&mut self.state.context.timestamp, map.next_value()?);
                }
                Value::Instance => {
                    first(&mut self.state.context.instance, map.next_value()?);
                }
                Value::Field => self.error.field = map.next_value::<Lenient<String>>()?.0,
                Value::FieldLocation => {
                    self.error.field_location = map.next_value::<Lenient<String>>()?.0;
                }
                Value::Object(members) => map.next_value_seed(Nullable(Object {
                    members,
                    error: &mut *self.error,
                    state: &mut *self.state,
                }))?,
                Value::List(members) => map.next_value_seed(Nullable(List {
                    members,
                    state: &mut *self.state,
                }))?,
                // What every error of a code says alike: nothing to read back.
                Value::Category
                | Value::Status
                | Value::StatusText
                | Value::Title
                | Value::Constant(_) => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

fn first(slot: &mut Option<String>, value: Lenient<String>) {
    if slot.is_none() {
        *slot = value.0;
    }
}

/// A list of the shape: each item an error of its own (or a field of one).
struct List<'a, 's> {
    members: &'static [Member],
    state: &'a mut State<'s>,
}

impl<'de> DeserializeSeed<'de> for List<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for List<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of the envelope")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let mut item = Partial::default();
            let seed = Object {
                members: self.members,
                error: &mut item,
                state: &mut *self.state,
            };
            if seq.next_element_seed(seed)?.is_none() {
                return Ok(());
            }
            self.state.item(item);
        }
    }
}

/// An object or a list that may be `null` (absent).
struct Nullable<T>(T);

impl<'de, T: DeserializeSeed<'de, Value = ()>> DeserializeSeed<'de> for Nullable<T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: DeserializeSeed<'de, Value = ()>> Visitor<'de> for Nullable<T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member of the envelope, or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.0.deserialize(deserializer)
    }
}

/// A value read from any JSON, `None` when it is of another type (which is skipped).
struct Lenient<T>(Option<T>);

/// A code as the body has it: text (borrowed from the body when it has no escapes) or an
/// integer (one beyond `i64` kept as its digits).
enum CodeText<'de> {
    Str(Cow<'de, str>),
    Int(i64),
}

/// What a lenient value accepts.
trait Accept<'de>: Sized {
    fn text(_: &str) -> Option<Self> {
        None
    }
    fn borrowed(text: &'de str) -> Option<Self> {
        Self::text(text)
    }
    fn signed(_: i64) -> Option<Self> {
        None
    }
    fn unsigned(_: u64) -> Option<Self> {
        None
    }
}

impl Accept<'_> for String {
    fn text(text: &str) -> Option<Self> {
        Some(text.to_owned())
    }
}

impl<'de> Accept<'de> for CodeText<'de> {
    fn text(text: &str) -> Option<Self> {
        Some(CodeText::Str(Cow::Owned(text.to_owned())))
    }
    fn borrowed(text: &'de str) -> Option<Self> {
        Some(CodeText::Str(Cow::Borrowed(text)))
    }
    fn signed(value: i64) -> Option<Self> {
        Some(CodeText::Int(value))
    }
    fn unsigned(value: u64) -> Option<Self> {
        Some(match i64::try_from(value) {
            Ok(value) => CodeText::Int(value),
            Err(_) => CodeText::Str(Cow::Owned(value.to_string())),
        })
    }
}

impl<'de, T: Accept<'de>> serde::Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(AnyValue::<T>(PhantomData))
            .map(Lenient)
    }
}

struct AnyValue<T>(PhantomData<T>);

impl<'de, T: Accept<'de>> Visitor<'de> for AnyValue<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Option<T>, E> {
        Ok(T::borrowed(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Option<T>, E> {
        Ok(T::text(text))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Option<T>, E> {
        Ok(T::signed(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Option<T>, E> {
        Ok(T::unsigned(value))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<T>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<T>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}
