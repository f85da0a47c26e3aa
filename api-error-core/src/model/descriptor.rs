//! The static facts about one error: code, status, name and documentation.

use core::fmt;

use http::StatusCode;
use serde::{Serialize, Serializer};

use crate::{Code, DeclaredHeader, Retryable};

/// Everything that is known about one error variant before any value of it exists.
///
/// The derive builds one `&'static Descriptor` per variant; [`ApiError::descriptor`](crate::ApiError::descriptor) picks it
/// with a plain `match`, and [`Catalog`](crate::Catalog) lists them all for documentation and
/// lookup by code.
///
/// ```
/// use api_error_core::{ApiError, Retryable};
///
/// #[derive(Debug, ApiError)]
/// enum FaceError {
///     /// No face with the given face_id or external_id in this collection.
///     #[api(code = "FACE_NOT_FOUND", status = 404, category = "Face & recognition")]
///     FaceNotFound,
///     /// API key RPM limit exceeded. See Retry-After header.
///     #[api(code = "RATE_LIMIT_EXCEEDED", status = 429, retryable)]
///     RateLimitExceeded,
/// }
///
/// let found = FaceError::FaceNotFound.descriptor();
/// assert_eq!(found.code(), "FACE_NOT_FOUND");
/// assert_eq!(found.status().as_u16(), 404);
/// assert_eq!(found.name(), "FaceNotFound");
/// assert_eq!(found.category(), Some("Face & recognition"));
/// assert_eq!(
///     found.description(),
///     "No face with the given face_id or external_id in this collection."
/// );
/// assert_eq!(FaceError::RateLimitExceeded.descriptor().retryable(), Some(Retryable::WithBackoff));
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Descriptor {
    /// Names, code, status, description, flags and message: the variant's row of its type's
    /// table, a `static` of literals in the crate that derives. `None` only in a table being
    /// filled in, read as an empty row (see [`row`](Self::row)).
    pub(crate) row: Option<&'static Row>,
    /// Causes, solutions, retry advice, category, attributes, members and headers; `None`,
    /// read as [`Extra::NONE`], for most variants.
    extra: Option<&'static Extra>,
    /// The code and the status, read from the row once: what a response and a client's
    /// lookup ask for first.
    code: Code,
    status: StatusCode,
    /// The variant's position in its type's catalog; `usize::MAX` for a descriptor of none.
    index: usize,
}

/// What a [`Descriptor`] has beyond its [`Row`]: causes, solutions, retry advice, category,
/// attributes, members and response headers.
///
/// Not a stable API: the derive writes these for the few variants that state any of them.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extra {
    /// [`NO_TEXT`] when empty.
    pub causes: &'static [&'static str],
    /// [`NO_TEXT`] when empty.
    pub solutions: &'static [&'static str],
    pub retryable: Option<Retryable>,
    /// `""` when the variant has no category, which the derive never accepts as one.
    pub category: &'static str,
    /// The variant's attributes, the enum's defaults merged in, templates filled in.
    pub attrs: &'static [(&'static str, AttrValue)],
    /// The keys of the variant's member fields, in field order.
    pub members: &'static [&'static str],
    /// The response headers the variant declares, in the order they go out.
    pub headers: &'static [DeclaredHeader],
}

impl Extra {
    /// Nothing beyond the row: what most variants have.
    pub const NONE: Extra = Extra {
        causes: NO_TEXT,
        solutions: NO_TEXT,
        retryable: None,
        category: "",
        attrs: &[],
        members: NO_TEXT,
        headers: &[],
    };
}

/// The row of a descriptor that [`Descriptor::table`] has not filled in yet.
pub(crate) const EMPTY_ROW: Row = ("0", "", 0, row::meta(0, 500, row::DISPLAY | row::INT_CODE));

/// The parts of a [`Descriptor`] built at run time, with [`Descriptor::from_parts`]: a
/// catalog read from elsewhere, or a test's.
///
/// Not a stable API: construct descriptors with `#[derive(ApiError)]`, which writes a
/// [`Descriptor::table`] of rows instead.
#[doc(hidden)]
pub struct DescriptorParts {
    /// The variant's position in its type's catalog; `usize::MAX` for a descriptor of none.
    pub index: usize,
    pub variant: &'static str,
    pub code: Code,
    /// A number outside 100..=599 reads as 500.
    pub status: u16,
    pub name: &'static str,
    pub description: &'static str,
    pub message: MessageParts,
    /// [`NO_TEXT`] when empty.
    pub causes: &'static [&'static str],
    /// [`NO_TEXT`] when empty.
    pub solutions: &'static [&'static str],
    pub retryable: Option<Retryable>,
    /// `""` when the variant has no category, which the derive never accepts as one.
    pub category: &'static str,
    /// The code as JSON text, escaped at compile time.
    pub code_json: &'static str,
    /// The variant's attributes, the enum's defaults merged in, templates filled in.
    pub attrs: &'static [(&'static str, AttrValue)],
    /// The keys of the variant's member fields, in field order.
    pub members: &'static [&'static str],
    /// Whether the variant has a details field.
    pub details: bool,
    /// Whether that field is written `FieldErrors` (or an `Option` of it).
    pub field_errors: bool,
    /// Whether the variant has an inner error field.
    pub inner: bool,
    /// The response headers the variant declares, in the order they go out.
    pub headers: &'static [DeclaredHeader],
}

impl DescriptorParts {
    /// The parts of a descriptor without causes, solutions, retry advice, category,
    /// attributes, members, details or inner error: what generated code completes with
    /// `..DescriptorParts::PLAIN`.
    pub const PLAIN: DescriptorParts = DescriptorParts {
        index: usize::MAX,
        variant: "",
        code: Code::Int(0),
        status: 500,
        name: "",
        description: "",
        message: MessageParts::Display,
        causes: NO_TEXT,
        solutions: NO_TEXT,
        retryable: None,
        category: "",
        code_json: "0",
        attrs: &[],
        members: NO_TEXT,
        details: false,
        field_errors: false,
        inner: false,
        headers: &[],
    };
}

/// An empty list of causes or solutions, named so that generated code need not infer `&[]`.
#[doc(hidden)]
pub const NO_TEXT: &[&str] = &[];

/// One variant in a [`Descriptor::table`]: `(code, text, ends, meta)`.
///
/// - `code`: the code; an integer code's decimal digits.
/// - `text`: six parts one after another: the variant's name, its name in documentation
///   (`""` when it is the variant's), the code as JSON (`""` for an integer code, whose JSON
///   is its digits), its description, its message (`""` for its `Display` text) and the
///   message as JSON (`""` when it has placeholders or is the `Display` text).
/// - `ends`: where the first four parts end in `text`, 32 bits each from the lowest.
/// - `meta`: the status (bits 0 to 15), the [`row`] flags (16 to 23) and where the fifth
///   part ends (32 to 63); [`row::meta`] packs them.
///
/// Four literals a variant, so that rustc checks and evaluates a table of thousands quickly:
/// its cost grows with the number of literals, not with their length.
#[doc(hidden)]
pub type Row = (&'static str, &'static str, u128, u64);

/// The flags of a [`Row`].
#[doc(hidden)]
pub mod row {
    /// The bits that say where the message comes from; none of them: the variant's own.
    pub const SOURCE: u8 = 0b11;
    /// The enum's default message.
    pub const ENUM: u8 = 1;
    /// The status's reason phrase.
    pub const STATUS: u8 = 2;
    /// The variant's `Display` text.
    pub const DISPLAY: u8 = 3;
    /// The code is an integer, read from the code's JSON.
    pub const INT_CODE: u8 = 1 << 2;
    /// The variant has a details field.
    pub const DETAILS: u8 = 1 << 3;
    /// That field is written `FieldErrors`.
    pub const FIELD_ERRORS: u8 = 1 << 4;
    /// The variant has an inner error field.
    pub const INNER: u8 = 1 << 5;
    /// The variant has member fields, listed in its [`Extra`](super::Extra).
    pub const MEMBERS: u8 = 1 << 6;

    /// The parts of a row's text, in order.
    pub(crate) const VARIANT: usize = 0;
    pub(crate) const NAME: usize = 1;
    pub(crate) const CODE_JSON: usize = 2;
    pub(crate) const DESCRIPTION: usize = 3;
    pub(crate) const MESSAGE: usize = 4;
    pub(crate) const MESSAGE_JSON: usize = 5;

    /// The `ends` of a row whose first four parts end at these offsets of its text.
    pub const fn ends(ends: [u32; 4]) -> u128 {
        ends[0] as u128
            | (ends[1] as u128) << 32
            | (ends[2] as u128) << 64
            | (ends[3] as u128) << 96
    }

    /// The `meta` of a row: where its fifth part ends, its status and its flags.
    pub const fn meta(fifth_end: u32, status: u16, flags: u8) -> u64 {
        status as u64 | (flags as u64) << 16 | (fifth_end as u64) << 32
    }

    /// The row of a code and a text whose first five parts are these long: how rows are
    /// written where a macro, not the derive, has the parts.
    pub const fn new(
        code: &'static str,
        text: &'static str,
        lengths: [usize; 5],
        status: u16,
        flags: u8,
    ) -> super::Row {
        let mut ends = [0u32; 5];
        let mut at = 0;
        let mut end = 0usize;
        while at < 5 {
            end = end.saturating_add(lengths[at]);
            assert!(end <= text.len(), "the parts are longer than the text");
            // Saturated at 4 GiB, past anything rustc reads in one file: parts beyond read as
            // empty.
            ends[at] = if end > u32::MAX as usize {
                u32::MAX
            } else {
                end as u32
            };
            at += 1;
        }
        (
            code,
            text,
            self::ends([ends[0], ends[1], ends[2], ends[3]]),
            meta(ends[4], status, flags),
        )
    }

    /// The row of these parts, built at run time (their text is leaked).
    pub(crate) fn from_parts(
        code: &'static str,
        parts: [&str; 6],
        status: u16,
        flags: u8,
    ) -> super::Row {
        let text: &'static str = Box::leak(parts.concat().into_boxed_str());
        // The text is the parts, so their lengths never pass its end.
        let lengths = [0, 1, 2, 3, 4].map(|at| parts[at].len());
        new(code, text, lengths, status, flags)
    }

    /// The status of a row's `meta`.
    #[inline]
    pub(crate) const fn status(meta: u64) -> u16 {
        meta as u16
    }

    /// The flags of a row's `meta`.
    #[inline]
    pub(crate) const fn flags(meta: u64) -> u8 {
        (meta >> 16) as u8
    }

    /// Part `part` of a row's text; `""` where the offsets do not fall on characters of it,
    /// which the derive never writes.
    #[inline]
    pub(crate) const fn part(row: &'static super::Row, part: usize) -> &'static str {
        let text = row.1;
        let start = if part == 0 { 0 } else { end(row, part - 1) };
        match text.split_at_checked(end(row, part)) {
            Some((head, _)) => match head.split_at_checked(start) {
                Some((_, part)) => part,
                None => "",
            },
            None => "",
        }
    }

    /// Where part `part` of a row's text ends.
    #[inline]
    pub(crate) const fn end(row: &super::Row, part: usize) -> usize {
        let &(_, text, ends, meta) = row;
        match part {
            0..4 => (ends >> (32 * part)) as u32 as usize,
            4 => (meta >> 32) as usize,
            _ => text.len(),
        }
    }

    /// The integer whose decimal digits `json` is, an optional `-` first; the derive writes
    /// it from an `i64`, so it fits.
    pub(crate) const fn integer(json: &str) -> i64 {
        let bytes = json.as_bytes();
        let negative = !bytes.is_empty() && bytes[0] == b'-';
        let mut at = if negative { 1 } else { 0 };
        // Counted below zero, where an i64 has room for one more than above it.
        let mut value: i64 = 0;
        while at < bytes.len() {
            let digit = bytes[at].wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            value = value.saturating_mul(10).saturating_sub(digit as i64);
            at += 1;
        }
        if negative {
            value
        } else {
            value.saturating_neg()
        }
    }
}

/// A variant's public message, as the derive writes it.
#[doc(hidden)]
pub enum MessageParts {
    /// A message of the variant's own without placeholders, and the same text as JSON,
    /// escaped at compile time.
    Fixed(&'static str, &'static str),
    /// A message with placeholders, filled in from the fields.
    Template(&'static str),
    /// The variant's `Display` text, opted into with `#[api(expose)]`.
    Display,
    /// The enum's default message, and its JSON.
    Default(&'static str, &'static str),
    /// The status's reason phrase, and its JSON: the variant declares no message.
    Reason(&'static str, &'static str),
}

impl Descriptor {
    /// A descriptor from its parts, built at run time: a catalog read from elsewhere, or a
    /// test's. Its row and extras are leaked for the `'static` a descriptor has; the derive
    /// writes a [`table`](Self::table) instead.
    #[doc(hidden)]
    pub fn from_parts(parts: DescriptorParts) -> Self {
        let DescriptorParts {
            index,
            variant,
            code,
            status,
            name,
            description,
            message,
            causes,
            solutions,
            retryable,
            category,
            code_json,
            attrs,
            members,
            details,
            field_errors,
            inner,
            headers,
        } = parts;
        let (mut flags, message, message_json) = match message {
            MessageParts::Fixed(text, json) => (0, text, json),
            MessageParts::Template(template) => (0, template, ""),
            MessageParts::Display => (row::DISPLAY, "", ""),
            MessageParts::Default(text, json) => (row::ENUM, text, json),
            MessageParts::Reason(text, json) => (row::STATUS, text, json),
        };
        // The code's JSON is what bodies write: written from the code when it is missing, or
        // for an integer code, whose JSON is its digits.
        let leak = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
        let (code, code_json) = match code {
            Code::Str(text) if code_json.is_empty() => {
                (text, serde_json::Value::from(text).to_string())
            }
            Code::Str(text) => (text, code_json.to_owned()),
            Code::Int(value) => {
                flags |= row::INT_CODE;
                (leak(value.to_string()), String::new())
            }
        };
        for (set, flag) in [
            (details, row::DETAILS),
            (field_errors, row::FIELD_ERRORS),
            (inner, row::INNER),
            (!members.is_empty(), row::MEMBERS),
        ] {
            if set {
                flags |= flag;
            }
        }
        let row = Box::leak(Box::new(row::from_parts(
            code,
            [
                variant,
                name,
                &code_json,
                description,
                message,
                message_json,
            ],
            status,
            flags,
        )));
        let extra = Extra {
            causes,
            solutions,
            retryable,
            category,
            attrs,
            members,
            headers,
        };
        Descriptor {
            extra: if extra == Extra::NONE {
                None
            } else {
                Some(Box::leak(Box::new(extra)))
            },
            index,
            ..Descriptor::detached(row)
        }
    }

    /// The descriptors of a whole catalog, one [`Row`] each, with the [`Extra`] parts of the
    /// few variants that have any, by index in increasing order: what the derive writes for
    /// an enum.
    ///
    /// A catalog of thousands of variants is a `static` built in the user's crate. Its rows
    /// are one `static` of tuples of literals, which rustc checks without inference; each
    /// descriptor points at its row and holds only its code, status and index besides, where
    /// a descriptor holding every part itself took rustc several times longer to validate.
    #[doc(hidden)]
    pub const fn table<const N: usize>(
        rows: &'static [Row; N],
        extras: &'static [(usize, Extra)],
    ) -> [Descriptor; N] {
        // A value without references to start from: `const` evaluation keeps a sorted list of
        // where an allocation holds references, and writing one in the middle of it moves
        // all those after it, which for a table of references would take time growing with
        // the square of its length.
        let mut table = [Descriptor::UNFILLED; N];
        let mut index = 0;
        let mut next = 0;
        while index < N {
            let extra = if next < extras.len() && extras[next].0 == index {
                next += 1;
                Some(&extras[next - 1].1)
            } else {
                None
            };
            // In place rather than through `detached`: each call costs `const` evaluation a
            // frame, and a catalog has thousands of rows.
            let row = &rows[index];
            let (code, meta) = (row.0, row.3);
            table[index] = Descriptor {
                row: Some(row),
                extra,
                code: if (meta >> 16) as u8 & row::INT_CODE == 0 {
                    Code::Str(code)
                } else {
                    Code::Int(row::integer(code))
                },
                status: match meta as u16 {
                    status @ 100..=599 => STATUSES[status as usize - 100],
                    _ => StatusCode::INTERNAL_SERVER_ERROR,
                },
                index,
            };
            index += 1;
        }
        assert!(
            next == extras.len(),
            "the extra parts of a table are by index, in increasing order"
        );
        table
    }

    /// The descriptor of this row in no type's catalog, such as the generic error of a
    /// status.
    #[doc(hidden)]
    pub const fn detached(row: &'static Row) -> Self {
        let &(code, _, _, meta) = row;
        Descriptor {
            row: Some(row),
            extra: None,
            code: if row::flags(meta) & row::INT_CODE == 0 {
                Code::Str(code)
            } else {
                Code::Int(row::integer(code))
            },
            status: status_code(row::status(meta)),
            index: usize::MAX,
        }
    }

    /// What [`table`](Self::table) starts from: a descriptor without references.
    const UNFILLED: Descriptor = Descriptor {
        row: None,
        extra: None,
        code: Code::Int(0),
        status: StatusCode::INTERNAL_SERVER_ERROR,
        index: usize::MAX,
    };

    /// The variant's row.
    #[inline]
    pub(crate) const fn row(&self) -> &'static Row {
        match self.row {
            Some(row) => row,
            None => &EMPTY_ROW,
        }
    }

    /// What the variant has beyond its row.
    #[inline]
    const fn extra(&self) -> &'static Extra {
        match self.extra {
            Some(extra) => extra,
            None => &Extra::NONE,
        }
    }

    #[inline]
    const fn flags(&self) -> u8 {
        row::flags(self.row().3)
    }

    #[inline]
    const fn part(&self, part: usize) -> &'static str {
        row::part(self.row(), part)
    }

    /// The variant's position in its type's catalog.
    pub(crate) const fn index(&self) -> usize {
        self.index
    }

    /// Whether the variant has a details field (`#[api(details)]`).
    pub(crate) const fn has_details(&self) -> bool {
        self.flags() & row::DETAILS != 0
    }

    /// Whether the details field is written `FieldErrors`: a list of per-field items is then
    /// a place for them.
    pub(crate) const fn has_field_errors(&self) -> bool {
        self.flags() & row::FIELD_ERRORS != 0
    }

    /// Whether the variant has an inner error field (`#[api(inner)]`).
    pub(crate) const fn has_inner(&self) -> bool {
        self.flags() & row::INNER != 0
    }

    /// The code as JSON text (`"\"FACE_NOT_FOUND\""`, `"3001"`), prepared at compile time.
    #[inline]
    pub(crate) const fn code_json(&self) -> &'static str {
        if self.flags() & row::INT_CODE == 0 {
            self.part(row::CODE_JSON)
        } else {
            self.row().0
        }
    }

    /// A static public message as JSON text, prepared at compile time.
    #[inline]
    pub(crate) const fn message_json(&self) -> Option<&'static str> {
        let json = self.part(row::MESSAGE_JSON);
        if json.is_empty() { None } else { Some(json) }
    }

    /// The message when it is fixed, which a fixed message's JSON says: its row read once,
    /// the JSON only measured.
    #[inline]
    pub(crate) const fn fixed_message(&self) -> Option<&'static str> {
        let row = self.row();
        if row::end(row, row::MESSAGE_JSON) > row::end(row, row::MESSAGE) {
            Some(row::part(row, row::MESSAGE))
        } else {
            None
        }
    }

    /// The Rust name of the variant (or struct) this descriptor belongs to.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404)]
    /// enum Error {
    ///     #[api(code = 3001, name = "entity not found")]
    ///     EntityNotFound,
    /// }
    /// assert_eq!(Error::EntityNotFound.descriptor().variant(), "EntityNotFound");
    /// ```
    #[inline]
    pub const fn variant(&self) -> &'static str {
        self.part(row::VARIANT)
    }

    /// The stable error code.
    ///
    /// ```
    /// # use api_error_core::{ApiError, Code};
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = 3001, status = 404)]
    ///     EntityNotFound,
    /// }
    /// assert_eq!(Error::EntityNotFound.descriptor().code(), Code::Int(3001));
    /// ```
    pub const fn code(&self) -> Code {
        self.code
    }

    /// The HTTP status of responses carrying this error.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// # use http::StatusCode;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = 3001, status = NOT_FOUND)]
    ///     EntityNotFound,
    /// }
    /// assert_eq!(Error::EntityNotFound.descriptor().status(), StatusCode::NOT_FOUND);
    /// ```
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The documented name, such as `"NoSuchPetException"`; the variant's name unless
    /// `#[api(name = "...")]` says otherwise.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404)]
    /// enum PetError {
    ///     #[api(code = "PETNOWB2B20000", name = "NoSuchPetException")]
    ///     NoSuchPet,
    /// }
    /// assert_eq!(PetError::NoSuchPet.descriptor().name(), "NoSuchPetException");
    /// ```
    #[inline]
    pub const fn name(&self) -> &'static str {
        let name = self.part(row::NAME);
        if name.is_empty() {
            self.variant()
        } else {
            name
        }
    }

    /// The variant's doc comment, or `""` when it has none.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     /// Entity was not found.
    ///     #[api(code = 3001, status = 404)]
    ///     EntityNotFound,
    /// }
    /// assert_eq!(Error::EntityNotFound.descriptor().description(), "Entity was not found.");
    /// ```
    #[inline]
    pub const fn description(&self) -> &'static str {
        self.part(row::DESCRIPTION)
    }

    /// The public message template, placeholders included (`"pet {pet_id} not found"`).
    ///
    /// `None` when the variant opts in to using its `Display` text with `#[api(expose)]`.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = 3001, status = 404, message = "entity {0} not found")]
    ///     EntityNotFound(u64),
    /// }
    /// assert_eq!(Error::EntityNotFound(7).descriptor().message(), Some("entity {0} not found"));
    /// ```
    #[inline]
    pub const fn message(&self) -> Option<&'static str> {
        match self.message_source() {
            MessageSource::Display => None,
            _ => Some(self.part(row::MESSAGE)),
        }
    }

    /// What may have caused the error, one line each, in declaration order.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = "E1", status = 401, cause = "Invalid API Key", cause = "Missing API Key")]
    ///     InvalidApiKey,
    /// }
    /// assert_eq!(
    ///     Error::InvalidApiKey.descriptor().causes(),
    ///     ["Invalid API Key", "Missing API Key"]
    /// );
    /// ```
    pub const fn causes(&self) -> &'static [&'static str] {
        self.extra().causes
    }

    /// How a client can resolve the error, one step each, in declaration order.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = "E1", status = 401, solution = "Check the x-api-key header")]
    ///     InvalidApiKey,
    /// }
    /// assert_eq!(Error::InvalidApiKey.descriptor().solutions(), ["Check the x-api-key header"]);
    /// ```
    pub const fn solutions(&self) -> &'static [&'static str] {
        self.extra().solutions
    }

    /// Whether a client may retry the request, if the catalog says; see
    /// [`Retryable::of`] for the advice of an error that does not say.
    ///
    /// ```
    /// # use api_error_core::{ApiError, Retryable};
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = "SESSION_EXPIRED", status = 401, retryable = "after re-auth")]
    ///     SessionExpired,
    /// }
    /// assert_eq!(Error::SessionExpired.descriptor().retryable(), Some(Retryable::AfterReauth));
    /// ```
    pub const fn retryable(&self) -> Option<Retryable> {
        self.extra().retryable
    }

    /// The documentation group the error belongs to, such as `"Authentication"`.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = "TOKEN_EXPIRED", status = 401, category = "Authentication")]
    ///     TokenExpired,
    /// }
    /// assert_eq!(Error::TokenExpired.descriptor().category(), Some("Authentication"));
    /// ```
    pub const fn category(&self) -> Option<&'static str> {
        if self.extra().category.is_empty() {
            None
        } else {
            Some(self.extra().category)
        }
    }

    /// Where the public message comes from: the variant, its `Display` text, the enum's
    /// default, or the status's reason phrase.
    ///
    /// ```
    /// # use api_error_core::{ApiError, MessageSource};
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "snake_case")]
    /// enum Error {
    ///     #[api(status = 404, message = "no such pet")]
    ///     NoSuchPet,
    ///     #[api(status = 410)]
    ///     Gone,
    /// }
    /// assert_eq!(Error::NoSuchPet.descriptor().message_source(), MessageSource::Variant);
    /// assert_eq!(Error::Gone.descriptor().message_source(), MessageSource::Status);
    /// assert_eq!(Error::Gone.descriptor().message(), Some("Gone"));
    /// ```
    #[inline]
    pub const fn message_source(&self) -> MessageSource {
        match self.flags() & row::SOURCE {
            row::ENUM => MessageSource::Enum,
            row::STATUS => MessageSource::Status,
            row::DISPLAY => MessageSource::Display,
            _ => MessageSource::Variant,
        }
    }

    /// Whether the variant (or the enum, as a default) declares its public message: `false`
    /// when the message is the status's reason phrase.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "snake_case")]
    /// enum Error {
    ///     #[api(status = 404, message = "no such pet")]
    ///     NoSuchPet,
    ///     #[api(status = 410)]
    ///     Gone,
    /// }
    /// assert!(Error::NoSuchPet.descriptor().declares_message());
    /// assert!(!Error::Gone.descriptor().declares_message());
    /// ```
    pub const fn declares_message(&self) -> bool {
        !matches!(self.message_source(), MessageSource::Status)
    }

    /// The variant's attributes (`#[api(attr(name = value))]`), the enum's defaults included
    /// and `{code}`, `{status}` and `{name}` filled in, in declaration order (the variant's
    /// own after the enum's).
    ///
    /// ```
    /// # use api_error_core::{ApiError, AttrValue};
    /// #[derive(Debug, ApiError)]
    /// #[api(attr(doc_url = "https://docs.example.com/errors/{code}"))]
    /// enum Error {
    ///     #[api(code = "card_declined", status = 402, attr(retries = 3, client = true))]
    ///     CardDeclined,
    /// }
    /// let descriptor = Error::CardDeclined.descriptor();
    /// assert_eq!(
    ///     descriptor.attrs(),
    ///     [
    ///         ("doc_url", AttrValue::Str("https://docs.example.com/errors/card_declined")),
    ///         ("retries", AttrValue::Int(3)),
    ///         ("client", AttrValue::Bool(true)),
    ///     ]
    /// );
    /// ```
    pub const fn attrs(&self) -> &'static [(&'static str, AttrValue)] {
        self.extra().attrs
    }

    /// The variant's attribute of this name.
    ///
    /// ```
    /// # use api_error_core::{ApiError, AttrValue};
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = "E1", status = 400, attr(title = "Bad input"))]
    ///     Bad,
    /// }
    /// assert_eq!(Error::Bad.descriptor().attr("title"), Some(AttrValue::Str("Bad input")));
    /// assert_eq!(Error::Bad.descriptor().attr("doc_url"), None);
    /// ```
    pub const fn attr(&self, name: &str) -> Option<AttrValue> {
        let mut index = 0;
        let attrs = self.extra().attrs;
        while index < attrs.len() {
            let (own, value) = attrs[index];
            if crate::envelope::check::eq(own, name) {
                return Some(value);
            }
            index += 1;
        }
        None
    }

    /// The keys of the variant's member fields (`#[api(member)]`), in field order.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     #[api(code = "E1", status = 429)]
    ///     Limited {
    ///         #[api(member)]
    ///         limit: u32,
    ///         #[api(member = "retryAfter")]
    ///         retry_after: u32,
    ///     },
    /// }
    /// assert_eq!(Error::CATALOG.descriptors()[0].members(), ["limit", "retryAfter"]);
    /// ```
    pub const fn members(&self) -> &'static [&'static str] {
        self.extra().members
    }

    /// The response headers the error declares, in the order they go out (see
    /// [`ApiError::headers`](crate::ApiError::headers)): its static headers, the enum's first,
    /// `www-authenticate`, those from fields marked `#[api(header = "...")]`, then
    /// `retry-after`. Documentation lists them without a value of the error.
    ///
    /// ```
    /// use api_error_core::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "SCREAMING_SNAKE_CASE", header("cache-control", "no-store"))]
    /// enum Error {
    ///     #[api(status = 429)]
    ///     RateLimited {
    ///         #[api(header = "x-ratelimit-reset")]
    ///         reset: Option<u64>,
    ///         #[api(retry_after)]
    ///         wait_seconds: u64,
    ///     },
    ///     #[api(status = 401, www_authenticate = "Bearer")]
    ///     Unauthorized,
    /// }
    ///
    /// let limited = Error::CATALOG.get("RATE_LIMITED").unwrap().headers();
    /// let names: Vec<&str> = limited.iter().map(|header| header.name()).collect();
    /// assert_eq!(names, ["cache-control", "x-ratelimit-reset", "retry-after"]);
    /// assert_eq!(limited[0].value(), Some("no-store"));
    /// assert_eq!(limited[1].value(), None);
    /// assert!(!limited[1].is_required());
    /// assert!(limited[2].is_required());
    ///
    /// let unauthorized = Error::CATALOG.get("UNAUTHORIZED").unwrap().headers();
    /// assert_eq!(unauthorized[1].name(), "www-authenticate");
    /// assert_eq!(unauthorized[1].value(), Some("Bearer"));
    /// ```
    pub const fn headers(&self) -> &'static [DeclaredHeader] {
        self.extra().headers
    }
}

/// Where a variant's public message comes from; see [`Descriptor::message_source`].
///
/// ```
/// use api_error_core::MessageSource;
///
/// assert_ne!(MessageSource::Variant, MessageSource::Status);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageSource {
    /// The variant's own `message`.
    Variant,
    /// The variant's `Display` text, opted into with `expose`.
    Display,
    /// The enum's default `message`.
    Enum,
    /// The status's reason phrase: nothing declares a message.
    Status,
}

/// The value of a variant's attribute: `#[api(attr(name = value))]`.
///
/// ```
/// use api_error_core::AttrValue;
///
/// assert_eq!(AttrValue::Str("x").to_string(), "x");
/// assert_eq!(AttrValue::Int(-3).to_string(), "-3");
/// assert_eq!(AttrValue::Bool(true).to_string(), "true");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AttrValue {
    /// A string.
    Str(&'static str),
    /// An integer.
    Int(i64),
    /// A boolean.
    Bool(bool),
}

impl fmt::Display for AttrValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            AttrValue::Str(text) => f.pad(text),
            AttrValue::Int(number) => fmt::Display::fmt(&number, f),
            AttrValue::Bool(flag) => fmt::Display::fmt(&flag, f),
        }
    }
}

impl Serialize for AttrValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            AttrValue::Str(text) => serializer.serialize_str(text),
            AttrValue::Int(number) => serializer.serialize_i64(number),
            AttrValue::Bool(flag) => serializer.serialize_bool(flag),
        }
    }
}

/// Every status from 100 to 599, by its number less 100: what descriptors built in `const`
/// evaluation read, one step where `StatusCode::from_u16` takes several calls.
static STATUSES: [StatusCode; 500] = {
    let mut statuses = [StatusCode::INTERNAL_SERVER_ERROR; 500];
    let mut at = 0;
    while at < statuses.len() {
        // Every number in 100..=599 is a status.
        if let Ok(status) = StatusCode::from_u16(at as u16 + 100) {
            statuses[at] = status;
        }
        at += 1;
    }
    statuses
};

/// The status of this number; 500 for a number outside 100..=599, which the derive rejects.
const fn status_code(status: u16) -> StatusCode {
    match status {
        100..=599 => STATUSES[status as usize - 100],
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The reason phrase of a status (`"Not Found"`), or of its class when it has none.
pub(crate) fn reason(status: u16) -> &'static str {
    StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or(if status >= 500 {
            "Server Error"
        } else {
            "Client Error"
        })
}

impl Serialize for Descriptor {
    /// The catalog entry as client generators read it: every static fact, in a fixed order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut entry = serializer.serialize_struct("Descriptor", 10)?;
        entry.serialize_field("code", &self.code())?;
        entry.serialize_field("status", &self.status().as_u16())?;
        entry.serialize_field("name", self.name())?;
        entry.serialize_field("variant", self.variant())?;
        entry.serialize_field("category", &self.category())?;
        entry.serialize_field("description", self.description())?;
        entry.serialize_field("message", &self.message())?;
        entry.serialize_field("causes", self.causes())?;
        entry.serialize_field("solutions", self.solutions())?;
        entry.serialize_field("retryable", &self.retryable())?;
        entry.end()
    }
}

impl fmt::Debug for Descriptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Descriptor")
            .field("variant", &self.variant())
            .field("code", &self.code())
            .field("status", &self.status())
            .field("name", &self.name())
            .field("description", &self.description())
            .field("message", &self.message())
            .field("message_source", &self.message_source())
            .field("causes", &self.causes())
            .field("solutions", &self.solutions())
            .field("retryable", &self.retryable())
            .field("category", &self.category())
            .field("attrs", &self.attrs())
            .field("members", &self.members())
            .field("headers", &self.headers())
            .finish_non_exhaustive()
    }
}

impl Descriptor {
    /// The same error with another status, in no type's catalog: how a rejection variant is
    /// written with the framework's status.
    pub(crate) fn with_status(&self, status: StatusCode) -> Descriptor {
        let mut row = *self.row();
        row.3 = row::meta(
            row::end(&row, row::MESSAGE) as u32,
            status.as_u16(),
            self.flags(),
        );
        Descriptor {
            row: Some(Box::leak(Box::new(row))),
            status,
            index: usize::MAX,
            ..*self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_codes_are_read_back_from_their_json() {
        for value in [0, 7, -7, 3001, i64::MAX, i64::MIN, i64::MIN + 1] {
            assert_eq!(row::integer(&value.to_string()), value, "{value}");
        }
    }

    #[test]
    fn parts_out_of_place_read_as_empty() {
        // An end past the text, and an end inside a character.
        static PAST: Row = ("X", "ab", row::ends([1, 9, 9, 9]), row::meta(9, 404, 0));
        static SPLIT: Row = ("X", "aé", row::ends([2, 3, 3, 3]), row::meta(3, 404, 0));
        let past = Descriptor::detached(&PAST);
        assert_eq!(
            (past.variant(), past.name(), past.description()),
            ("a", "a", "")
        );
        assert_eq!(past.message(), Some(""));
        let split = Descriptor::detached(&SPLIT);
        assert_eq!((split.variant(), split.name()), ("", ""));
        assert_eq!(split.message_json(), None);
    }

    #[test]
    fn a_table_row_gives_the_descriptor_its_parts_say() {
        const ROWS: [Row; 3] = [
            row::new(
                "GONE",
                "Gone\"GONE\"It is gone.gone\"gone\"",
                [4, 0, 6, 11, 4],
                410,
                0,
            ),
            row::new(
                "-42",
                "BusyBusyException",
                [4, 13, 0, 0, 0],
                503,
                row::INT_CODE | row::DISPLAY | row::INNER,
            ),
            row::new(
                "BAD",
                "Bad\"BAD\"Unprocessable Entity\"Unprocessable Entity\"",
                [3, 0, 5, 0, 20],
                422,
                row::STATUS | row::DETAILS | row::FIELD_ERRORS,
            ),
        ];
        static TABLE: [Descriptor; 3] = Descriptor::table(&ROWS, &[]);
        let [gone, busy, bad] = &TABLE;
        assert_eq!(
            (
                gone.variant(),
                gone.name(),
                gone.code(),
                gone.status().as_u16()
            ),
            ("Gone", "Gone", Code::Str("GONE"), 410)
        );
        assert_eq!((gone.message(), gone.index()), (Some("gone"), 0));
        assert_eq!(
            (gone.description(), gone.code_json(), gone.message_json()),
            ("It is gone.", "\"GONE\"", Some("\"gone\""))
        );
        assert_eq!((busy.code_json(), busy.message_json()), ("-42", None));
        assert_eq!(
            (bad.message(), bad.message_json()),
            (
                Some("Unprocessable Entity"),
                Some("\"Unprocessable Entity\"")
            )
        );
        assert_eq!(gone.message_source(), MessageSource::Variant);
        assert_eq!(
            (busy.name(), busy.code(), busy.message()),
            ("BusyException", Code::Int(-42), None)
        );
        assert_eq!(busy.message_source(), MessageSource::Display);
        assert!(busy.has_inner() && !busy.has_details());
        assert_eq!(bad.message_source(), MessageSource::Status);
        assert!(bad.has_details() && bad.has_field_errors() && !bad.has_inner());
        assert_eq!(bad.index(), 2);
    }
}
