//! The public, client-facing message of an error value.

use core::fmt;

use serde::{Serialize, Serializer};

use crate::ApiError;

/// The public message of one error value, formatted on demand.
///
/// It writes straight into whatever formats or serializes it, so building a response body
/// never allocates an intermediate `String`. Messages without placeholders are plain
/// `&'static str` ([`as_static`](Self::as_static)).
///
/// ```
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum IncidentError {
///     #[api(code = "NOT_FOUND", status = 404, message = "Not found: Incident {id} not found")]
///     NotFound { id: String },
///     #[api(code = "RATE_LIMIT_EXCEEDED", status = 429, message = "Rate limit exceeded")]
///     RateLimited,
/// }
///
/// let missing = IncidentError::NotFound { id: "550e8400".into() };
/// assert_eq!(missing.message().to_string(), "Not found: Incident 550e8400 not found");
/// assert_eq!(missing.message().as_static(), None);
/// assert_eq!(IncidentError::RateLimited.message().as_static(), Some("Rate limit exceeded"));
/// assert_eq!(
///     serde_json::to_string(&missing.message()).unwrap(),
///     r#""Not found: Incident 550e8400 not found""#
/// );
/// ```
pub struct Message<'a, E: ?Sized> {
    error: &'a E,
}

impl<'a, E: ApiError + ?Sized> Message<'a, E> {
    /// The message of `error`; the same as [`ApiError::message`].
    ///
    /// ```
    /// # use api_error_core::{ApiError, Message};
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = 3001, status = 404, message = "entity not found")]
    ///     EntityNotFound,
    /// }
    /// assert_eq!(Message::new(&Error::EntityNotFound).to_string(), "entity not found");
    /// ```
    pub fn new(error: &'a E) -> Self {
        Message { error }
    }

    /// The message as a static string, when it has no interpolated values.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = 3001, status = 404, message = "entity not found")]
    ///     EntityNotFound,
    /// }
    /// assert_eq!(Error::EntityNotFound.message().as_static(), Some("entity not found"));
    /// ```
    pub fn as_static(&self) -> Option<&'static str> {
        self.error.static_message()
    }
}

impl<E: ApiError + ?Sized> fmt::Display for Message<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.error.static_message() {
            Some(text) => f.write_str(text),
            None => self.error.write_message(f),
        }
    }
}

impl<E: ApiError + ?Sized> fmt::Debug for Message<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Message")
            .field(&format_args!("{self}"))
            .finish()
    }
}

impl<E: ApiError + ?Sized> Serialize for Message<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.error.static_message() {
            Some(text) => serializer.serialize_str(text),
            None => serializer.collect_str(self),
        }
    }
}

impl<E: ApiError + ?Sized> Clone for Message<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: ApiError + ?Sized> Copy for Message<'_, E> {}

/// What a derived `write_message` calls for a template of plain placeholders: the text around
/// each value and the values, formatted with `Display`, one after the other.
///
/// Writing `"pet {id} not found"` as `parts1(out, "pet ", id, " not found")` rather than
/// through `format_args!` costs rustc less per variant; a template with a format spec or more
/// placeholders is written with `format_args!`.
#[doc(hidden)]
#[inline]
pub fn parts1<W: fmt::Write + ?Sized>(
    out: &mut W,
    before: &str,
    value: &dyn fmt::Display,
    after: &str,
) -> fmt::Result {
    out.write_str(before)?;
    then(out, value, after)
}

/// [`parts1`] for two values.
#[doc(hidden)]
#[inline]
pub fn parts2<W: fmt::Write + ?Sized>(
    out: &mut W,
    first: &str,
    one: &dyn fmt::Display,
    second: &str,
    two: &dyn fmt::Display,
    third: &str,
) -> fmt::Result {
    parts1(out, first, one, second)?;
    then(out, two, third)
}

/// [`parts1`] for three values.
#[doc(hidden)]
#[inline]
#[allow(clippy::too_many_arguments)]
pub fn parts3<W: fmt::Write + ?Sized>(
    out: &mut W,
    first: &str,
    one: &dyn fmt::Display,
    second: &str,
    two: &dyn fmt::Display,
    third: &str,
    three: &dyn fmt::Display,
    fourth: &str,
) -> fmt::Result {
    parts2(out, first, one, second, two, third)?;
    then(out, three, fourth)
}

/// A value, then the text after it.
#[inline]
fn then<W: fmt::Write + ?Sized>(out: &mut W, value: &dyn fmt::Display, text: &str) -> fmt::Result {
    write!(out, "{value}")?;
    out.write_str(text)
}

#[cfg(test)]
mod tests {
    use super::{parts1, parts2, parts3};

    #[test]
    fn parts_write_text_and_values_in_order() {
        let mut out = String::new();
        parts1(&mut out, "pet ", &7, " not found").unwrap();
        parts2(&mut out, "; ", &"a", "{", &'b', "}").unwrap();
        parts3(&mut out, "", &1.5, "-", &"x", "", &-2, ".").unwrap();
        assert_eq!(out, "pet 7 not found; a{b}1.5-x-2.");
    }
}
