//! What the body writer reads from an error: its descriptor, message, details, member fields
//! and inner error; the same for a derived type and for an inner error of any type.

use core::fmt;

use serde::Serialize;

use super::escape::Escaping;
use crate::{ApiError, Descriptor, Details, FieldErrors};

/// A field marked `#[api(member)]`, written through `Serialize` wherever the shape says;
/// [`FieldErrors`] are written in the shape's details form.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an envelope member",
    label = "a field marked `#[api(member)]` implements `serde::Serialize`, or is an `Option` of such a type"
)]
pub trait MemberValue {
    /// The field-level validation errors, when the member is such.
    fn field_errors(&self) -> Option<&FieldErrors> {
        None
    }

    /// Writes the value as JSON.
    ///
    /// # Errors
    ///
    /// When its `Serialize` implementation fails; what was written is then incomplete.
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()>;
}

impl<T: Serialize + ?Sized> MemberValue for T {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        serde_json::to_writer(out, self)
    }
}

impl MemberValue for FieldErrors {
    fn field_errors(&self) -> Option<&FieldErrors> {
        Some(self)
    }

    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        super::fields::write(out, self, crate::DetailsForm::List);
        Ok(())
    }
}

/// An [`ApiError`] of any type, as an envelope writes it inside another error: the field
/// marked `#[api(inner)]`.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an inner error",
    label = "a field marked `#[api(inner)]` is an `ApiError`, or a `Box` or an `Option` of one"
)]
pub trait InnerError {
    /// The inner error's descriptor.
    fn inner_descriptor(&self) -> &'static Descriptor;

    /// Writes the inner error's public message.
    ///
    /// # Errors
    ///
    /// When a value of the message fails to format.
    fn write_inner_message(&self, out: &mut dyn fmt::Write) -> fmt::Result;

    /// The inner error's details.
    fn inner_details(&self) -> Option<&dyn Details>;

    /// The inner error's member field of this index.
    fn inner_member(&self, index: usize) -> Option<&dyn MemberValue>;

    /// The inner error's own inner error.
    fn inner_inner(&self) -> Option<&dyn InnerError>;
}

impl<E: ApiError> InnerError for E {
    fn inner_descriptor(&self) -> &'static Descriptor {
        self.descriptor()
    }

    fn write_inner_message(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        self.write_message(out)
    }

    fn inner_details(&self) -> Option<&dyn Details> {
        self.details()
    }

    fn inner_member(&self, index: usize) -> Option<&dyn MemberValue> {
        self.member_value(index)
    }

    fn inner_inner(&self) -> Option<&dyn InnerError> {
        self.inner_error()
    }
}

/// What the writer asks of the error it writes.
pub(crate) trait Source {
    fn message_into(&self, out: &mut Escaping<'_>) -> fmt::Result;
    fn details(&self) -> Option<&dyn Details>;
    fn member(&self, index: usize) -> Option<&dyn MemberValue>;
    fn inner(&self) -> Option<&dyn InnerError>;
}

impl<E: ApiError + ?Sized> Source for E {
    #[inline]
    fn message_into(&self, out: &mut Escaping<'_>) -> fmt::Result {
        self.write_message(out)
    }

    #[inline]
    fn details(&self) -> Option<&dyn Details> {
        ApiError::details(self)
    }

    #[inline]
    fn member(&self, index: usize) -> Option<&dyn MemberValue> {
        self.member_value(index)
    }

    #[inline]
    fn inner(&self) -> Option<&dyn InnerError> {
        self.inner_error()
    }
}

impl Source for dyn InnerError + '_ {
    fn message_into(&self, out: &mut Escaping<'_>) -> fmt::Result {
        self.write_inner_message(out)
    }

    fn details(&self) -> Option<&dyn Details> {
        self.inner_details()
    }

    fn member(&self, index: usize) -> Option<&dyn MemberValue> {
        self.inner_member(index)
    }

    fn inner(&self) -> Option<&dyn InnerError> {
        self.inner_inner()
    }
}
