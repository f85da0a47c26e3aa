//! What a [`Member`] of a shape holds: [`Value`], and the fixed JSON of a [`Constant`].
//!
//! Every value has a presence rule: when it is absent for a body, and then the member is left
//! out, written as `null` ([`Member::null_if_absent`]), or written with another value
//! ([`Member::or`]). The rule is part of each value's documentation.

use super::Member;

/// What a [`Member`] holds, and when it is absent.
///
/// Values of the error are static per variant (the code, the status, an attribute) and become
/// fixed bytes when the shape is compiled for the variant; values of the body (an interpolated
/// message, details, a field, the request context) are written each time.
///
/// ```
/// use api_error_core::envelope::{Constant, Value};
///
/// let flag = Value::Constant(Constant::Bool(false));
/// assert_ne!(flag, Value::Code);
/// assert_eq!(Value::Attr("doc_url"), Value::Attr("doc_url"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Value {
    /// The error code, as a string or a number. Never absent.
    Code,
    /// The public message. Never absent: a variant without a message of its own has the
    /// enum's default message or the status's reason phrase. With
    /// [`Member::when_declared`], absent for variants whose message is that reason phrase.
    Message,
    /// The documented name, such as `"NoSuchPetException"`. Never absent.
    Name,
    /// The category; absent when the variant declares none.
    Category,
    /// The HTTP status as a number: `404`. Never absent.
    Status,
    /// The HTTP status as a string: `"404"`. Never absent.
    StatusText,
    /// The status's reason phrase: `"Not Found"` (RFC 9457's `title` for `about:blank`).
    /// Never absent.
    Title,
    /// A URI naming the problem type: the given base followed by the code. Never absent.
    TypeUri(&'static str),
    /// Whether the status is a client error (4xx): `true` or `false`. Never absent.
    IsClientError,
    /// Whether the status is a server error (5xx): `true` or `false`. Never absent.
    IsServerError,
    /// The variant's attribute of this name, declared with `#[api(attr(name = ...))]` on the
    /// variant or, as a default, on the enum: a string, an integer or a boolean. Absent for a
    /// variant that has no such attribute; [`Member::required`] makes that a compile error.
    Attr(&'static str),
    /// The variant's details (the field marked `#[api(details)]`). Absent when the variant
    /// has none, when an `Option` field is `None`, when field errors are empty, and when the
    /// field errors were already written as per-field list items.
    Details,
    /// The variant's fields marked `#[api(member)]` (or `#[api(member = "key")]`), each
    /// written through `Serialize` under its own key: flattened where the member stands with
    /// [`Member::flatten`], or as an object under the member's name with [`Member::new`].
    /// A field that is an `Option` is left out when `None`; a variant without such fields
    /// has none, and the object is then absent. Fields named by a [`Value::Member`]
    /// elsewhere in the shape are not written again here.
    Members,
    /// The variant's field marked `#[api(member = "key")]` (or a field `key` marked
    /// `#[api(member)]`), written through `Serialize`. Absent for a variant without that
    /// member, and when the field is an `Option` that is `None`.
    Member(&'static str),
    /// The variant's inner error (the field marked `#[api(inner)]`, itself an
    /// [`ApiError`](crate::ApiError)), written as an object with the members of the object
    /// this value stands in, so errors nest to any depth. Absent when the variant has no
    /// inner error or the field is `None` (and beyond 16 levels).
    Inner,
    /// The request id from the [`RequestContext`](crate::RequestContext); absent when it has
    /// none.
    RequestId,
    /// The timestamp from the [`RequestContext`](crate::RequestContext); absent when it has
    /// none.
    Timestamp,
    /// The instance from the [`RequestContext`](crate::RequestContext); absent when it has
    /// none.
    Instance,
    /// The path of a field error, as `serde_path_to_error` prints it: `pets[2].species`. Only
    /// in a per-field item: a [`Value::List`] whose item holds a field value is written once
    /// per field error (and the field errors are not written again as details), or a
    /// [`DetailsForm`](crate::DetailsForm) item. Absent in the list's single item written
    /// when there are no field errors.
    Field,
    /// The path of a field error as a JSON Pointer (RFC 6901) after the given base:
    /// `FieldPointer("#")` writes `#/pets/2/species`, `FieldPointer("/data/attributes")`
    /// writes `/data/attributes/firstName`. Where it may stand and when it is absent: as
    /// [`Value::Field`].
    FieldPointer(&'static str),
    /// The message of a field error. Where it may stand and when it is absent: as
    /// [`Value::Field`]; `Member::new("detail", Value::FieldMessage).or(Value::Message)`
    /// writes the error's own message in the item written when there are no field errors.
    FieldMessage,
    /// The code of a field error. Where it may stand: as [`Value::Field`]; absent also when
    /// the field error has no code.
    FieldCode,
    /// Where the field of a field error was (`"parameter"`). Where it may stand: as
    /// [`Value::Field`]; absent also when the field error does not say.
    FieldLocation,
    /// A fixed value. Never absent.
    Constant(Constant),
    /// A nested object with these members. Absent when every one of its members is absent
    /// (so an object never comes out as `{}`), and never otherwise.
    Object(&'static [Member]),
    /// A list of objects with these members: one for the error; one per field error when the
    /// item holds a field value (see [`Value::Field`]); in a body of several errors
    /// ([`ApiErrors`](crate::ApiErrors)), the item of each error. Never absent; an item whose
    /// members are all absent is left out, so the list may be `[]`.
    List(&'static [Member]),
}

/// A fixed JSON value in a shape.
///
/// ```
/// use api_error_core::envelope::Constant;
///
/// assert_eq!(Constant::Str("v1"), Constant::Str("v1"));
/// const NOTHING_YET: Constant = Constant::Array(&[]);
/// const EMPTY: Constant = Constant::Object(&[]);
/// assert_ne!(NOTHING_YET, EMPTY);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Constant {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Int(i64),
    /// A string.
    Str(&'static str),
    /// An array of constants; `Array(&[])` is `[]`.
    Array(&'static [Constant]),
    /// An object of named constants, in order; `Object(&[])` is `{}`.
    Object(&'static [(&'static str, Constant)]),
}

impl Value {
    /// Whether the value belongs to a field error, and so only to a per-field item.
    pub(crate) const fn is_per_field(self) -> bool {
        matches!(
            self,
            Value::Field
                | Value::FieldPointer(_)
                | Value::FieldMessage
                | Value::FieldCode
                | Value::FieldLocation
        )
    }

    /// Whether some body can lack the value (so [`Member::or`] has something to stand in for).
    pub(crate) const fn can_be_absent(self) -> bool {
        !matches!(
            self,
            Value::Code
                | Value::Message
                | Value::Name
                | Value::Status
                | Value::StatusText
                | Value::Title
                | Value::TypeUri(_)
                | Value::IsClientError
                | Value::IsServerError
                | Value::Constant(_)
                | Value::List(_)
        )
    }

    /// Whether the value is the body's rather than an error's: a constant, the request
    /// context, or an object of those. Only such values may stand outside the list of errors
    /// in a body of several errors.
    pub(crate) const fn is_body_level(self) -> bool {
        match self {
            Value::Constant(_) | Value::RequestId | Value::Timestamp | Value::Instance => true,
            Value::Object(members) => {
                let mut index = 0;
                while index < members.len() {
                    let member = &members[index];
                    if !member.value.is_body_level() {
                        return false;
                    }
                    if let Some(fallback) = member.fallback
                        && !fallback.is_body_level()
                    {
                        return false;
                    }
                    index += 1;
                }
                true
            }
            _ => false,
        }
    }
}
