//! What generated code uses to rebuild a value of a derived type from an error read back:
//! each field from the details, from its member in the body, or from its place in the
//! message's template; a variant any of whose fields has none of these is not rebuilt.

use core::marker::PhantomData;
use core::str::FromStr;

use serde::de::DeserializeOwned;

use super::ReceivedError;
use crate::{ApiError, FieldErrors};

/// A field type that can be read back from a received error's details or members: any
/// `Deserialize` type, and [`FieldErrors`] (from the envelope's own form of them).
#[doc(hidden)]
pub trait FromReceived: Sized {
    /// The details, as this type.
    fn from_details(received: &ReceivedError) -> Option<Self>;
    /// The member field `key`, as this type.
    fn from_member(received: &ReceivedError, key: &str) -> Option<Self>;
}

impl<T: DeserializeOwned> FromReceived for T {
    fn from_details(received: &ReceivedError) -> Option<Self> {
        received.details_as().and_then(Result::ok)
    }

    fn from_member(received: &ReceivedError, key: &str) -> Option<Self> {
        received.member_as(key).and_then(Result::ok)
    }
}

impl FromReceived for FieldErrors {
    /// No details at all are no field errors: envelopes leave empty field errors out.
    fn from_details(received: &ReceivedError) -> Option<Self> {
        match (received.field_errors(), received.details_json()) {
            (Some(errors), _) => Some(errors.clone()),
            (None, None) => Some(FieldErrors::new()),
            (None, Some(_)) => None,
        }
    }

    fn from_member(_: &ReceivedError, _: &str) -> Option<Self> {
        None
    }
}

/// Reads a field of type `T` back when `T` allows it, without requiring it to: the impls for
/// `Rebuild<T>` are found first when `T` has the bound, those for `&Rebuild<T>` otherwise
/// (method lookup tries the receiver before borrowing it again).
#[doc(hidden)]
pub struct Rebuild<T>(PhantomData<T>);

impl<T> Rebuild<T> {
    #[inline]
    pub const fn new() -> Self {
        Rebuild(PhantomData)
    }
}

impl<T> Default for Rebuild<T> {
    fn default() -> Self {
        Rebuild::new()
    }
}

#[doc(hidden)]
pub trait ViaReceived<T> {
    fn details(&self, received: &ReceivedError) -> Option<T>;
    fn member(&self, received: &ReceivedError, key: &str) -> Option<T>;
}

impl<T: FromReceived> ViaReceived<T> for Rebuild<T> {
    #[inline]
    fn details(&self, received: &ReceivedError) -> Option<T> {
        T::from_details(received)
    }

    #[inline]
    fn member(&self, received: &ReceivedError, key: &str) -> Option<T> {
        T::from_member(received, key)
    }
}

#[doc(hidden)]
pub trait WithoutReceived<T> {
    fn details(&self, received: &ReceivedError) -> Option<T>;
    fn member(&self, received: &ReceivedError, key: &str) -> Option<T>;
}

impl<T> WithoutReceived<T> for &Rebuild<T> {
    #[inline]
    fn details(&self, _: &ReceivedError) -> Option<T> {
        None
    }

    #[inline]
    fn member(&self, _: &ReceivedError, _: &str) -> Option<T> {
        None
    }
}

#[doc(hidden)]
pub trait ViaFromStr<T> {
    fn text(&self, text: &str) -> Option<T>;
}

impl<T: FromStr> ViaFromStr<T> for Rebuild<T> {
    #[inline]
    fn text(&self, text: &str) -> Option<T> {
        text.parse().ok()
    }
}

#[doc(hidden)]
pub trait WithoutFromStr<T> {
    fn text(&self, text: &str) -> Option<T>;
}

impl<T> WithoutFromStr<T> for &Rebuild<T> {
    #[inline]
    fn text(&self, _: &str) -> Option<T> {
        None
    }
}

/// A piece of a message template: literal text, or the value of a placeholder.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Piece {
    Text(&'static str),
    Value,
}

/// The values of a template's placeholders in `message`, in order: each value runs to the
/// first place where the text after it follows. `None` when the message does not follow the
/// template, or two placeholders touch (nothing tells where one value ends).
#[doc(hidden)]
pub fn template_values<'m>(pieces: &[Piece], message: &'m str) -> Option<Vec<&'m str>> {
    let mut values = Vec::new();
    let mut rest = message;
    let mut pieces = pieces.iter().peekable();
    while let Some(piece) = pieces.next() {
        match piece {
            Piece::Text(text) => rest = rest.strip_prefix(text)?,
            Piece::Value => match pieces.peek() {
                Some(Piece::Text(text)) => {
                    let end = rest.find(text)?;
                    let (value, after) = rest.split_at(end);
                    values.push(value);
                    rest = after;
                }
                Some(Piece::Value) => return None,
                None => {
                    values.push(rest);
                    rest = "";
                }
            },
        }
    }
    rest.is_empty().then_some(values)
}

/// Whether `rebuilt` says `message`: a value read from a template is kept only when it
/// writes the message back as received (a value that held the text after it, or a type
/// whose `FromStr` does not undo its `Display`, does not).
#[doc(hidden)]
pub fn says<E: ApiError>(rebuilt: &E, message: &str) -> bool {
    let mut text = String::with_capacity(message.len());
    rebuilt.write_message(&mut text).is_ok() && text == message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_run_to_the_text_after_them() {
        let pieces = [
            Piece::Text("pet "),
            Piece::Value,
            Piece::Text(" in shard "),
            Piece::Value,
        ];
        assert_eq!(
            template_values(&pieces, "pet p 1 in shard 3"),
            Some(vec!["p 1", "3"])
        );
        assert_eq!(template_values(&pieces, "dog p_1 in shard 3"), None);
        assert_eq!(template_values(&[Piece::Value, Piece::Value], "ab"), None);
        assert_eq!(template_values(&[Piece::Text("x")], "xy"), None);
        assert_eq!(template_values(&[], ""), Some(vec![]));
    }
}
