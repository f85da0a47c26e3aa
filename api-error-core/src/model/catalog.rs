//! The static list of every error a type can produce.

use core::{fmt, iter::FusedIterator, slice};

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::model::code_table::same_code;
use crate::model::text::same_text;
use crate::{CodeQuery, Descriptor};

/// Every error an [`ApiError`](crate::ApiError) type can produce, as static data.
///
/// A catalog holds the type's own descriptors in declaration order, followed by the catalogs
/// of the error types its transparent variants wrap (`#[api(transparent)]`), in declaration
/// order, each with its own nested catalogs. It is what documentation is rendered from and
/// what clients look codes up in, so everything that reads it ([`get`](Self::get),
/// [`iter`](Self::iter), [`to_json`](Self::to_json), the Markdown pages, the OpenAPI document
/// and the stability check) sees every error the type can produce. A catalog that is reached
/// through two paths (two variants wrapping the same type) is listed once: two catalogs of the
/// same name whose errors have the same codes, variants, names and statuses, in order, are the
/// same errors.
///
/// ```
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE")]
/// enum FaceError {
///     #[api(status = 401)]
///     TokenExpired,
///     #[api(status = 404)]
///     FaceNotFound,
/// }
///
/// let catalog = FaceError::CATALOG;
/// assert_eq!(catalog.name(), "FaceError");
/// assert_eq!(catalog.len(), 2);
/// assert_eq!(catalog.get("FACE_NOT_FOUND").unwrap().status().as_u16(), 404);
/// assert!(catalog.get("NO_SUCH_CODE").is_none());
///
/// let codes: Vec<String> = catalog.iter().map(|d| d.code().to_string()).collect();
/// assert_eq!(codes, ["TOKEN_EXPIRED", "FACE_NOT_FOUND"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Catalog {
    name: &'static str,
    descriptors: &'static [Descriptor],
    nested: &'static [Catalog],
}

impl Catalog {
    #[doc(hidden)]
    pub const fn from_parts(
        name: &'static str,
        descriptors: &'static [Descriptor],
        nested: &'static [Catalog],
    ) -> Self {
        Catalog {
            name,
            descriptors,
            nested,
        }
    }

    /// The name of the Rust type the catalog belongs to.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 500, code_case = "snake_case")]
    /// enum StorageError { Unavailable }
    /// assert_eq!(StorageError::CATALOG.name(), "StorageError");
    /// ```
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The type's own descriptors, in declaration order, without nested catalogs.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 500, code_case = "snake_case")]
    /// enum StorageError { Unavailable, Corrupted }
    /// assert_eq!(StorageError::CATALOG.descriptors()[1].code(), "corrupted");
    /// ```
    pub const fn descriptors(&self) -> &'static [Descriptor] {
        self.descriptors
    }

    /// The catalogs of the error types the type's transparent variants wrap, in declaration
    /// order.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 500, code_case = "snake_case")]
    /// enum StorageError { Unavailable }
    /// assert!(StorageError::CATALOG.nested().is_empty());
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 400, code_case = "snake_case")]
    /// enum HandlerError {
    ///     BadRequest,
    ///     #[api(transparent)]
    ///     Storage(StorageError),
    /// }
    /// assert_eq!(HandlerError::CATALOG.nested(), [StorageError::CATALOG]);
    /// let codes: Vec<String> = HandlerError::CATALOG.iter().map(|d| d.code().to_string()).collect();
    /// assert_eq!(codes, ["bad_request", "unavailable"]);
    /// ```
    pub const fn nested(&self) -> &'static [Catalog] {
        self.nested
    }

    /// How many descriptors [`iter`](Self::iter) yields, nested ones included.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 500, code_case = "snake_case")]
    /// enum StorageError { Unavailable, Corrupted }
    /// assert_eq!(StorageError::CATALOG.len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        if self.nested.is_empty() {
            return self.descriptors.len();
        }
        self.iter().count()
    }

    /// Not public API: how many places the type's plans take, one per descriptor of the whole
    /// tree, a catalog reached through two paths counted on each.
    #[doc(hidden)]
    pub const fn places(&self) -> usize {
        let mut places = self.descriptors.len();
        let mut at = 0;
        while at < self.nested.len() {
            places += self.nested[at].places();
            at += 1;
        }
        places
    }

    /// Whether the catalog holds the same errors as `other`: the same type's catalog, reached
    /// a second time. Compared by value, as a constant's data has no guaranteed single address:
    /// the same name, errors with the same code, variant, name and status in the same order,
    /// and the same nested catalogs.
    pub(crate) const fn same_errors(&self, other: &Catalog) -> bool {
        if !same_text(self.name, other.name)
            || self.descriptors.len() != other.descriptors.len()
            || self.nested.len() != other.nested.len()
        {
            return false;
        }
        let mut index = 0;
        while index < self.descriptors.len() {
            let (a, b) = (&self.descriptors[index], &other.descriptors[index]);
            if !same_code(a.code(), b.code())
                || a.status().as_u16() != b.status().as_u16()
                || !same_text(a.variant(), b.variant())
                || !same_text(a.name(), b.name())
            {
                return false;
            }
            index += 1;
        }
        let mut nested = 0;
        while nested < self.nested.len() {
            if !self.nested[nested].same_errors(&other.nested[nested]) {
                return false;
            }
            nested += 1;
        }
        true
    }

    /// Whether the catalog has no descriptor at all.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Never {}
    /// assert!(Never::CATALOG.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every descriptor: the type's own first, then each nested catalog's, depth first; a
    /// catalog reached a second time is skipped.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 500, code_case = "snake_case")]
    /// enum StorageError { Unavailable, Corrupted }
    /// let names: Vec<_> = StorageError::CATALOG.iter().map(|d| d.name()).collect();
    /// assert_eq!(names, ["Unavailable", "Corrupted"]);
    /// ```
    pub fn iter(&self) -> Iter {
        Iter {
            current: self.descriptors.iter(),
            pending: self.nested.iter().rev().collect(),
            visited: Vec::new(),
        }
    }

    /// The HTTP statuses the catalog's errors use, ascending, each once.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "snake_case")]
    /// enum Error {
    ///     #[api(status = 404)] A,
    ///     #[api(status = 400)] B,
    ///     #[api(status = 404)] C,
    /// }
    /// assert_eq!(Error::CATALOG.statuses(), [400, 404]);
    /// ```
    pub fn statuses(&self) -> Vec<u16> {
        let mut statuses: Vec<u16> = self.iter().map(|error| error.status().as_u16()).collect();
        statuses.sort_unstable();
        statuses.dedup();
        statuses
    }

    /// The descriptor with the given code, if the catalog has one.
    ///
    /// String codes are found by `&str` or `String`, integer codes by any integer.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 400)]
    /// enum RegistryError {
    ///     #[api(code = 2006)]
    ///     EntitySaving,
    ///     #[api(code = 200601)]
    ///     UsptaNumberNotUnique,
    /// }
    /// let found = RegistryError::CATALOG.get(200601).unwrap();
    /// assert_eq!(found.name(), "UsptaNumberNotUnique");
    /// assert!(RegistryError::CATALOG.get("2006").is_none());
    /// ```
    pub fn get<Q: CodeQuery>(&self, code: Q) -> Option<&'static Descriptor> {
        let matches = |descriptor: &&'static Descriptor| code.matches_code(&descriptor.code());
        // The type's own errors come first in `iter` too: most catalogs have no others.
        if self.nested.is_empty() {
            return self.descriptors.iter().find(matches);
        }
        self.iter().find(matches)
    }
}

impl Catalog {
    /// The catalog as JSON, for client generators: `{"name": .., "errors": [..]}` with every
    /// descriptor, nested ones included, each with its code, status, name, variant, category,
    /// description, message, causes, solutions and retry advice.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum Error {
    ///     /// Entity was not found.
    ///     #[api(code = 3001, status = 404, message = "entity not found")]
    ///     EntityNotFound,
    /// }
    /// assert_eq!(
    ///     Error::CATALOG.to_json(),
    ///     r#"{"name":"Error","errors":[{"code":3001,"status":404,"name":"EntityNotFound","variant":"EntityNotFound","category":null,"description":"Entity was not found.","message":"entity not found","causes":[],"solutions":[],"retryable":null}]}"#
    /// );
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The same, indented for a file that people read and review.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "snake_case", status = 500)]
    /// enum Error { Failed }
    /// assert!(Error::CATALOG.to_json_pretty().starts_with("{\n  \"name\": \"Error\","));
    /// ```
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Serialize for Catalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut catalog = serializer.serialize_struct("Catalog", 2)?;
        catalog.serialize_field("name", self.name)?;
        catalog.serialize_field("errors", &Entries(self))?;
        catalog.end()
    }
}

struct Entries<'a>(&'a Catalog);

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter())
    }
}

impl IntoIterator for Catalog {
    type Item = &'static Descriptor;
    type IntoIter = Iter;

    fn into_iter(self) -> Iter {
        self.iter()
    }
}

impl IntoIterator for &Catalog {
    type Item = &'static Descriptor;
    type IntoIter = Iter;

    fn into_iter(self) -> Iter {
        self.iter()
    }
}

/// The iterator of [`Catalog::iter`]: every descriptor of a catalog and its nested catalogs.
///
/// ```
/// # use api_error_core::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api(status = 500, code_case = "snake_case")]
/// enum StorageError { Unavailable }
/// let mut iter = StorageError::CATALOG.iter();
/// assert_eq!(iter.next().map(|d| d.name()), Some("Unavailable"));
/// assert!(iter.next().is_none());
/// ```
#[derive(Clone)]
pub struct Iter {
    current: slice::Iter<'static, Descriptor>,
    pending: Vec<&'static Catalog>,
    /// The nested catalogs walked so far: one reached again is the same errors again.
    visited: Vec<&'static Catalog>,
}

impl Iterator for Iter {
    type Item = &'static Descriptor;

    fn next(&mut self) -> Option<&'static Descriptor> {
        loop {
            if let Some(descriptor) = self.current.next() {
                return Some(descriptor);
            }
            let catalog = self.pending.pop()?;
            if self
                .visited
                .iter()
                .any(|visited| visited.same_errors(catalog))
            {
                continue;
            }
            self.visited.push(catalog);
            self.current = catalog.descriptors.iter();
            self.pending.extend(catalog.nested.iter().rev());
        }
    }
}

impl FusedIterator for Iter {}

impl fmt::Debug for Iter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Iter")
            .field("remaining_own", &self.current.len())
            .field("pending_catalogs", &self.pending.len())
            .field("visited_catalogs", &self.visited.len())
            .finish()
    }
}
