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
use crate::{AttrValue, Catalog, Code, Descriptor, Shape};

/// Reads `body` as `shape` writes it, identifying each error in `catalog`: `None` when it is
/// not JSON, JSON that is not the shape's object, or the shape's object with no error in it
/// that could be identified.
pub(crate) fn read(shape: &Shape, catalog: &Catalog, body: &[u8]) -> Option<Received> {
    let mut state = State {
        shape,
        catalog,
        context: ReceivedContext::default(),
        errors: Vec::new(),
        pending: None,
        orphans: Vec::new(),
    };
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    Root(&mut state).deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    state.flush();
    if state.errors.is_empty() {
        return None;
    }
    Some(Received {
        errors: state.errors,
        context: state.context,
    })
}

/// The body: the shape's root object, or, for several errors in an envelope without a list
/// of errors, an array of such objects.
struct Root<'a, 's>(&'a mut State<'s>);

impl<'de> DeserializeSeed<'de> for Root<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Root<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the envelope's object, or an array of them")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let state = self.0;
        let start = state.errors.len();
        let mut root = Partial::default();
        let members = state.shape.members();
        Object {
            members,
            error: &mut root,
            state: &mut *state,
        }
        .visit_map(map)?;
        state.root(&mut root, start);
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.0;
        let members = state.shape.members();
        loop {
            let mut root = Partial::default();
            let start = state.errors.len();
            let seed = Object {
                members,
                error: &mut root,
                state: &mut *state,
            };
            if seq.next_element_seed(seed)?.is_none() {
                return Ok(());
            }
            state.root(&mut root, start);
        }
    }
}

/// Whether the members, at any depth, hold a code, a type URI or a name.
fn identifying(members: &[Member]) -> bool {
    members.iter().any(|member| match member.value() {
        Value::Code | Value::TypeUri(_) | Value::Name => true,
        Value::Object(inner) | Value::List(inner) => identifying(inner),
        _ => false,
    })
}

/// One field error of a per-field item, as far as the item said.
#[derive(Default)]
pub(crate) struct FieldParts {
    pub(crate) field: Option<String>,
    pub(crate) message: Option<String>,
    pub(crate) code: Option<String>,
    pub(crate) location: Option<String>,
}

impl FieldParts {
    fn is_empty(&self) -> bool {
        self.field.is_none()
            && self.message.is_none()
            && self.code.is_none()
            && self.location.is_none()
    }

    /// The field error, with `message` when the item said none of its own.
    pub(crate) fn into_error(self, message: Option<&str>) -> crate::FieldError {
        let message = self
            .message
            .or_else(|| message.map(str::to_owned))
            .unwrap_or_default();
        let mut error = crate::FieldError::new(self.field.unwrap_or_default(), message);
        if let Some(code) = self.code {
            error = error.code(code);
        }
        if let Some(location) = self.location {
            error = error.location(location);
        }
        error
    }
}

/// A static fact about an error read from a body, which identifies it where the shape holds
/// no code: an attribute, the status, the title, the category.
#[derive(PartialEq)]
enum Fact {
    Attr(&'static str, AttrRead),
    Status(u64),
    Title(String),
    Category(String),
}

/// An attribute's value as read.
#[derive(PartialEq)]
enum AttrRead {
    Str(String),
    Int(i64),
    Bool(bool),
}

impl Fact {
    fn holds_for(&self, descriptor: &Descriptor) -> bool {
        match self {
            Fact::Attr(name, read) => match (descriptor.attr(name), read) {
                (Some(AttrValue::Str(own)), AttrRead::Str(text)) => own == text,
                (Some(AttrValue::Int(own)), AttrRead::Int(value)) => own == *value,
                (Some(AttrValue::Bool(own)), AttrRead::Bool(flag)) => own == *flag,
                _ => false,
            },
            Fact::Status(status) => u64::from(descriptor.status().as_u16()) == *status,
            Fact::Title(title) => {
                crate::model::descriptor::reason(descriptor.status().as_u16()) == title
            }
            Fact::Category(category) => descriptor.category() == Some(category.as_str()),
        }
    }
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
    members: Vec<(String, Box<RawValue>)>,
    facts: Vec<Fact>,
    cause: Option<Box<Partial>>,
    /// The field error of a per-field item.
    field: FieldParts,
    /// A per-field value that stands in for the error's message in an item without a field.
    field_message_or_message: bool,
    /// The field errors of the per-field items of this error.
    fields: Vec<FieldParts>,
}

impl Partial {
    /// Whether the object said enough to be an error: its code (or type URI, or name) in a
    /// shape that holds one; in a shape without, any of its facts, its message or its field.
    fn identifies(&self, shape: &Shape) -> bool {
        self.code.is_some()
            || self.type_code.is_some()
            || self.name.is_some()
            || ((!self.facts.is_empty() || self.message.is_some() || self.is_per_field())
                && !identifying(shape.members()))
    }

    fn is_per_field(&self) -> bool {
        self.field.field.is_some()
    }

    fn same_error(&self, other: &Partial) -> bool {
        self.code == other.code
            && self.type_code == other.type_code
            && self.name == other.name
            && self.message == other.message
            && self.facts == other.facts
    }

    /// An item without a field: its per-field value that stands in for the message is the
    /// message.
    fn settle(&mut self) {
        if !self.is_per_field() && self.field_message_or_message && self.message.is_none() {
            self.message = self.field.message.take();
        }
    }

    /// The error, identified in the catalog by its code (done as the code was read), else
    /// its type URI, else its name, else the one error its static facts fit.
    /// Takes what the object said, leaving it empty.
    fn finish(&mut self, shape: &Shape, catalog: &Catalog) -> ReceivedError {
        let descriptor = match (self.descriptor, &self.code, &self.type_code, &self.name) {
            (Some(descriptor), ..) => Some(descriptor),
            (None, None, Some(text), _) => find_text_code(catalog, text),
            (None, None, None, Some(name)) => catalog.iter().find(|error| error.name() == name),
            (None, None, None, None) => {
                let fits = |error: &&'static Descriptor| {
                    self.facts.iter().all(|fact| fact.holds_for(error))
                };
                let said = |error: &&'static Descriptor| {
                    self.message.is_some()
                        && crate::__private::fixed_message(error) == self.message.as_deref()
                };
                only(catalog.iter().filter(fits).filter(said)).or_else(|| {
                    if self.facts.is_empty() {
                        None
                    } else {
                        only(catalog.iter().filter(fits))
                    }
                })
            }
            _ => None,
        };
        let code = match (self.code.take(), self.type_code.take(), descriptor) {
            (Some(code), _, _) => code,
            (None, _, Some(descriptor)) => ReceivedCode::from(descriptor.code()),
            (None, Some(text), None) => ReceivedCode::Str(text.into()),
            (None, None, None) => ReceivedCode::Str(self.name.take().unwrap_or_default().into()),
        };
        let mut fields = core::mem::take(&mut self.fields);
        if self.field.field.is_some() {
            fields.insert(0, core::mem::take(&mut self.field));
        }
        let field_errors = if fields.is_empty() {
            self.details
                .as_deref()
                .and_then(|raw| fields::read(raw.get(), shape.details()))
        } else {
            let message = self.message.as_deref();
            Some(
                fields
                    .into_iter()
                    .map(|parts| parts.into_error(message))
                    .collect(),
            )
        };
        let cause = self
            .cause
            .take()
            .map(|mut cause| Box::new(cause.finish(shape, catalog)));
        ReceivedError {
            code,
            descriptor,
            message: self.message.take(),
            details: self.details.take(),
            field_errors,
            members: core::mem::take(&mut self.members),
            cause,
        }
    }
}

/// The one item of `items`, when there is exactly one.
fn only<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    match (items.next(), items.next()) {
        (Some(only), None) => Some(only),
        _ => None,
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
    /// Per-field items that name no error of their own.
    orphans: Vec<FieldParts>,
}

impl State<'_> {
    /// Takes a list item: the next field of the pending error, or an error of its own.
    fn item(&mut self, mut item: Partial) {
        item.settle();
        if !item.identifies(self.shape) {
            if item.is_per_field() {
                self.orphans.push(item.field);
            }
            return;
        }
        match &mut self.pending {
            Some(pending) if item.is_per_field() && pending.same_error(&item) => {
                pending.fields.push(item.field);
            }
            _ => {
                self.flush();
                self.pending = Some(item);
            }
        }
    }

    /// Takes the root object's error (or one of an array of bodies): first of all, with the
    /// fields of items that name no error of their own.
    fn root(&mut self, root: &mut Partial, start: usize) {
        self.flush();
        root.settle();
        let orphans = core::mem::take(&mut self.orphans);
        if !root.identifies(self.shape) {
            return;
        }
        root.fields
            .extend(orphans.into_iter().filter(|parts| !parts.is_empty()));
        let error = root.finish(self.shape, self.catalog);
        // The root's error comes before the errors of its list's items.
        self.errors.insert(start.min(self.errors.len()), error);
    }

    fn flush(&mut self) {
        if let Some(pending) = &mut self.pending {
            let error = pending.finish(self.shape, self.catalog);
            self.pending = None;
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
        let flattened = self
            .members
            .iter()
            .any(|member| member.is_flattened() && member.value() == Value::Members);
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let named = self
                .members
                .iter()
                .find(|member| !member.is_flattened() && member.name() == key.0);
            let Some(member) = named else {
                if flattened {
                    // Another key beside the shape's: one of the variant's member fields.
                    let raw = map.next_value::<Box<RawValue>>()?;
                    self.error.members.push((key.0.into_owned(), raw));
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
                continue;
            };
            let error = &mut *self.error;
            match member.value() {
                Value::Code => {
                    let code = map.next_value::<Lenient<CodeText<'de>>>()?;
                    (error.code, error.descriptor) = identify(self.state.catalog, code);
                }
                Value::TypeUri(base) => {
                    let uri = map.next_value::<Lenient<String>>()?.0;
                    error.type_code = uri
                        .and_then(|uri| uri.strip_prefix(base).map(str::to_owned))
                        .filter(|code| !code.is_empty());
                }
                Value::Name => error.name = map.next_value::<Lenient<String>>()?.0,
                Value::Message => error.message = map.next_value::<Lenient<String>>()?.0,
                Value::Category => {
                    if let Some(category) = map.next_value::<Lenient<String>>()?.0 {
                        error.facts.push(Fact::Category(category));
                    }
                }
                Value::Title => {
                    if let Some(title) = map.next_value::<Lenient<String>>()?.0 {
                        error.facts.push(Fact::Title(title));
                    }
                }
                Value::Status => {
                    if let Some(status) = map.next_value::<Lenient<u64>>()?.0 {
                        error.facts.push(Fact::Status(status));
                    }
                }
                Value::StatusText => {
                    let text = map.next_value::<Lenient<String>>()?.0;
                    if let Some(status) = text.and_then(|text| text.parse().ok()) {
                        error.facts.push(Fact::Status(status));
                    }
                }
                Value::Attr(name) => {
                    if let Some(value) = map.next_value::<Lenient<AttrRead>>()?.0 {
                        error.facts.push(Fact::Attr(name, value));
                    }
                }
                Value::Details => {
                    let details: Option<Box<RawValue>> = map.next_value()?;
                    // `.or(Value::Message)`: a string where details would be is the message.
                    match (details, member.fallback()) {
                        (Some(raw), Some(Value::Message)) if raw.get().starts_with('"') => {
                            error.message = serde_json::from_str(raw.get()).ok();
                        }
                        (details, _) => error.details = details,
                    }
                }
                Value::Members => {
                    let members: Option<Vec<(String, Box<RawValue>)>> = map
                        .next_value::<Option<RawMembers>>()?
                        .map(|members| members.0);
                    error.members.extend(members.into_iter().flatten());
                }
                Value::Member(name) => {
                    let raw: Option<Box<RawValue>> = map.next_value()?;
                    if let Some(raw) = raw {
                        error.members.push((name.to_owned(), raw));
                    }
                }
                Value::Inner => {
                    let mut cause = Partial::default();
                    map.next_value_seed(Nullable(Object {
                        members: self.members,
                        error: &mut cause,
                        state: &mut *self.state,
                    }))?;
                    cause.settle();
                    if cause.identifies(self.state.shape) {
                        self.error.cause = Some(Box::new(cause));
                    }
                }
                Value::RequestId => {
                    first(&mut self.state.context.request_id, map.next_value()?);
                }
                Value::Timestamp => {
                    first(&mut self.state.context.timestamp, map.next_value()?);
                }
                Value::Instance => {
                    first(&mut self.state.context.instance, map.next_value()?);
                }
                Value::Field => error.field.field = map.next_value::<Lenient<String>>()?.0,
                Value::FieldPointer(base) => {
                    let pointer = map.next_value::<Lenient<String>>()?.0;
                    error.field.field =
                        pointer.and_then(|pointer| fields::pointer_to_path(&pointer, base));
                }
                Value::FieldMessage => {
                    error.field.message = map.next_value::<Lenient<String>>()?.0;
                    error.field_message_or_message |= member.fallback() == Some(Value::Message);
                }
                Value::FieldCode => error.field.code = map.next_value::<Lenient<String>>()?.0,
                Value::FieldLocation => {
                    error.field.location = map.next_value::<Lenient<String>>()?.0;
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
                // The same for every error: nothing to read back.
                Value::IsClientError | Value::IsServerError | Value::Constant(_) => {
                    map.next_value::<IgnoredAny>()?;
                }
                // A value added to the model that this reader does not know yet: skipped.
                #[allow(unreachable_patterns)]
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// The member fields of an object under a name: each key with its JSON.
struct RawMembers(Vec<(String, Box<RawValue>)>);

impl<'de> serde::Deserialize<'de> for RawMembers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;

        impl<'de> Visitor<'de> for Entries {
            type Value = RawMembers;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of members")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawMembers, A::Error> {
                let mut members = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    members.push((key, map.next_value()?));
                }
                Ok(RawMembers(members))
            }
        }

        deserializer.deserialize_map(Entries)
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
    fn boolean(_: bool) -> Option<Self> {
        None
    }
}

impl Accept<'_> for String {
    fn text(text: &str) -> Option<Self> {
        Some(text.to_owned())
    }
}

impl Accept<'_> for u64 {
    fn unsigned(value: u64) -> Option<Self> {
        Some(value)
    }
}

impl Accept<'_> for AttrRead {
    fn text(text: &str) -> Option<Self> {
        Some(AttrRead::Str(text.to_owned()))
    }
    fn signed(value: i64) -> Option<Self> {
        Some(AttrRead::Int(value))
    }
    fn unsigned(value: u64) -> Option<Self> {
        i64::try_from(value).ok().map(AttrRead::Int)
    }
    fn boolean(flag: bool) -> Option<Self> {
        Some(AttrRead::Bool(flag))
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

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Option<T>, E> {
        Ok(T::boolean(flag))
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
