//! Stable, machine-readable error codes.

use core::fmt;

use serde::{Serialize, Serializer};

/// A stable error code: a string such as `"FACE_NOT_FOUND"` or an integer such as `3001`.
///
/// Every variant of an [`ApiError`](crate::ApiError) has exactly one code, and all the codes of
/// one type are of the same kind. Codes are what clients branch on, so they never change once
/// published, while messages may.
///
/// A code serializes as a JSON string or a JSON number, and displays as its plain text.
///
/// ```
/// use api_error_core::Code;
///
/// let text = Code::Str("FACE_NOT_FOUND");
/// let number = Code::Int(3001);
///
/// assert_eq!(text.to_string(), "FACE_NOT_FOUND");
/// assert_eq!(serde_json::to_string(&number).unwrap(), "3001");
/// assert!(text == "FACE_NOT_FOUND" && number == 3001);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// A string code, such as `"PETNOWB2B20000"`.
    Str(&'static str),
    /// An integer code, such as `3001` or the sub-code `200601`.
    Int(i64),
}

impl Code {
    /// The code's text, if it is a string code.
    ///
    /// ```
    /// use api_error_core::Code;
    ///
    /// assert_eq!(Code::Str("NOT_FOUND").as_str(), Some("NOT_FOUND"));
    /// assert_eq!(Code::Int(3001).as_str(), None);
    /// ```
    pub const fn as_str(&self) -> Option<&'static str> {
        match *self {
            Code::Str(text) => Some(text),
            Code::Int(_) => None,
        }
    }

    /// The code's value, if it is an integer code.
    ///
    /// ```
    /// use api_error_core::Code;
    ///
    /// assert_eq!(Code::Int(3001).as_int(), Some(3001));
    /// assert_eq!(Code::Str("NOT_FOUND").as_int(), None);
    /// ```
    pub const fn as_int(&self) -> Option<i64> {
        match *self {
            Code::Int(value) => Some(value),
            Code::Str(_) => None,
        }
    }

    /// Whether this is an integer code.
    ///
    /// ```
    /// use api_error_core::Code;
    ///
    /// assert!(Code::Int(0).is_int());
    /// assert!(!Code::Str("UNKNOWN").is_int());
    /// ```
    pub const fn is_int(&self) -> bool {
        matches!(self, Code::Int(_))
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Code::Str(text) => f.pad(text),
            Code::Int(value) => fmt::Display::fmt(&value, f),
        }
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Code::Str(text) => serializer.serialize_str(text),
            Code::Int(value) => serializer.serialize_i64(value),
        }
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<i64> for Code {
    fn eq(&self, other: &i64) -> bool {
        self.as_int() == Some(*other)
    }
}

/// What [`Catalog::get`](crate::Catalog::get) accepts to find a descriptor: a string code
/// (`&str`, `String`), an integer code (any primitive integer), or a [`Code`].
///
/// ```
/// use api_error_core::{Code, CodeQuery};
///
/// assert!("FACE_NOT_FOUND".matches_code(&Code::Str("FACE_NOT_FOUND")));
/// assert!(3001.matches_code(&Code::Int(3001)));
/// assert!(!3001.matches_code(&Code::Str("3001")));
/// ```
pub trait CodeQuery {
    /// Whether `code` is the code this query names.
    fn matches_code(&self, code: &Code) -> bool;
}

impl CodeQuery for Code {
    fn matches_code(&self, code: &Code) -> bool {
        self == code
    }
}

impl CodeQuery for str {
    fn matches_code(&self, code: &Code) -> bool {
        code == self
    }
}

impl CodeQuery for String {
    fn matches_code(&self, code: &Code) -> bool {
        code == self.as_str()
    }
}

impl<Q: CodeQuery + ?Sized> CodeQuery for &Q {
    fn matches_code(&self, code: &Code) -> bool {
        (**self).matches_code(code)
    }
}

macro_rules! integer_queries {
    ($($int:ty)*) => {$(
        impl CodeQuery for $int {
            fn matches_code(&self, code: &Code) -> bool {
                i64::try_from(*self).is_ok_and(|value| *code == value)
            }
        }
    )*};
}

integer_queries!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);
