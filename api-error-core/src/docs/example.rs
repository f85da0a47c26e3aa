//! Example values of errors, for documentation: every body in the docs is written by the real
//! envelope from a real value.

use core::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use crate::{ApiError, Catalog, Descriptor, FieldError, FieldErrors};

/// A representative value of a type, used to build example errors for documentation (with the
/// `docs` feature).
///
/// The derive builds one value of each variant from its fields: a field marked
/// `#[api(example = expr)]` takes `expr`, any other field takes
/// [`Example::example_for`] its name (a tuple variant's fields, the variant's name in
/// `snake_case`). A `String` takes its text from that name: `pet_id` is
/// `"pet_01J8Z3K4QF7XW2M9V6T5R1N0BC"`, `email` `"jane.doe@example.com"`, `webhook_url`
/// `"https://example.com/webhook"`, a bare `id` a UUID, and a name it does not know
/// becomes itself with a number (`species` is `"species-1"`). Numbers are `1`, an `Option` is
/// `None`, a `Vec` empty.
///
/// A variant with a field of a type without an `Example` impl (and no `example` attribute) has
/// no example value; its documented body shows the message template instead.
///
/// ```
/// use api_error_core::{ApiError, Example, FieldErrors};
///
/// #[derive(Debug)]
/// struct PetId(u64);
///
/// impl Example for PetId {
///     fn example() -> Self {
///         PetId(42)
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(code_case = "SCREAMING_SNAKE_CASE", status = 404)]
/// enum Error {
///     #[api(message = "pet {0:?} not found")]
///     NoSuchPet(PetId),
///     #[api(message = "order {order_id} for {email} not found")]
///     NoSuchOrder { order_id: String, email: String },
///     #[api(message = "session {session} expired")]
///     SessionExpired {
///         #[api(example = "s_1".to_owned())]
///         session: String,
///     },
/// }
///
/// // `examples()` comes with the `docs` feature.
/// # #[cfg(feature = "docs")]
/// # {
/// let messages: Vec<String> = Error::examples().iter().map(|e| e.message().to_string()).collect();
/// assert_eq!(
///     messages,
///     [
///         "pet PetId(42) not found",
///         "order order_01J8Z3K4QF7XW2M9V6T5R1N0BC for jane.doe@example.com not found",
///         "session s_1 expired",
///     ]
/// );
/// # }
/// assert_eq!(String::example_for("contact_email"), "jane.doe@example.com");
/// assert_eq!(u32::example_for("pet_id"), 1);
/// assert_eq!(FieldErrors::example().len(), 1);
/// ```
pub trait Example: Sized {
    /// The example value.
    fn example() -> Self;

    /// The example value of a field named `field`, for types whose good example depends on
    /// what the field holds; [`example`](Self::example) unless the type says otherwise.
    ///
    /// ```
    /// use api_error_core::Example;
    ///
    /// assert_eq!(String::example_for("order_id"), "order_01J8Z3K4QF7XW2M9V6T5R1N0BC");
    /// assert_eq!(String::example_for("webhook_url"), "https://example.com/webhook");
    /// assert_eq!(String::example_for("created_at"), "2024-01-15T11:22:33Z");
    /// assert_eq!(bool::example_for("verified"), false);
    /// ```
    fn example_for(field: &str) -> Self {
        let _ = field;
        Self::example()
    }
}

impl Example for String {
    fn example() -> Self {
        "example".to_owned()
    }

    fn example_for(field: &str) -> Self {
        crate::docs::example_text::for_field(field)
    }
}

impl Example for Box<str> {
    fn example() -> Self {
        String::example().into_boxed_str()
    }

    fn example_for(field: &str) -> Self {
        String::example_for(field).into_boxed_str()
    }
}

macro_rules! examples {
    ($($ty:ty => $value:expr),* $(,)?) => {$(
        impl Example for $ty {
            fn example() -> Self {
                $value
            }
        }
    )*};
}

examples! {
    bool => false,
    char => 'x',
    u8 => 1, u16 => 1, u32 => 1, u64 => 1, u128 => 1, usize => 1,
    i8 => 1, i16 => 1, i32 => 1, i64 => 1, i128 => 1, isize => 1,
    f32 => 1.5, f64 => 1.5,
    Duration => Duration::from_secs(30),
    FieldErrors => FieldErrors::from([FieldError::example()]),
    FieldError => FieldError::new("field", "This field is invalid."),
}

impl<T> Example for Option<T> {
    fn example() -> Self {
        None
    }
}

impl<T> Example for Vec<T> {
    fn example() -> Self {
        Vec::new()
    }
}

/// Picks `Example::example_for` where the type has it, without requiring the bound: the impl
/// for `Probe<T>` is found first when `T: Example`, the one for `&Probe<T>` otherwise (method
/// lookup tries the receiver before borrowing it again).
///
/// Either answers whether the type has an example and a function that makes one; the derive
/// calls the function only where the answer was yes, so that a variant's example is one
/// guarded constructor call instead of a match on an `Option` per field.
#[doc(hidden)]
pub struct Probe<T>(PhantomData<T>);

impl<T> Probe<T> {
    #[doc(hidden)]
    pub const fn new() -> Self {
        Probe(PhantomData)
    }
}

impl<T> Default for Probe<T> {
    fn default() -> Self {
        Probe::new()
    }
}

/// Whether a field's type has an example, and the function that makes it from the field's
/// name.
#[doc(hidden)]
pub type ExampleFn<T> = (bool, fn(&'static str) -> T);

#[doc(hidden)]
pub trait ViaExample<T> {
    fn example_fn(&self) -> ExampleFn<T>;
}

impl<T: Example> ViaExample<T> for Probe<T> {
    fn example_fn(&self) -> ExampleFn<T> {
        (true, T::example_for)
    }
}

#[doc(hidden)]
pub trait WithoutExample<T> {
    fn example_fn(&self) -> ExampleFn<T>;
}

impl<T> WithoutExample<T> for &Probe<T> {
    fn example_fn(&self) -> ExampleFn<T> {
        (false, no_example::<T>)
    }
}

/// The function of a type without an example. Generated code never calls it: every call of a
/// field's example function is guarded by the flag that comes with it, which is `false` here.
fn no_example<T>(field: &'static str) -> T {
    unreachable!("no example value of the type of `{field}`, whose flag says so")
}

/// Not public API: the examples a derived type collects for
/// [`ApiError::examples`](crate::ApiError::examples), which puts them in declaration order.
/// The derive writes its own variants' examples grouped by the field types they need, and the
/// examples of the types its transparent variants wrap in place, through [`push_wrapped`].
#[doc(hidden)]
pub struct Examples<E> {
    values: Vec<E>,
    /// The positions in `values` of the examples of wrapped types, in increasing order; the
    /// runs of the type's own examples between them are sorted each on its own.
    wrapped: Vec<usize>,
}

#[cfg(feature = "docs")]
impl<E> Examples<E> {
    pub(crate) const fn new() -> Self {
        Examples {
            values: Vec::new(),
            wrapped: Vec::new(),
        }
    }
}

#[cfg(feature = "docs")]
impl<E: ApiError> Examples<E> {
    /// The examples in declaration order, their order in the catalog. The order is found on
    /// the descriptors' indices alone, so that what is compiled for each type is a few swaps.
    pub(crate) fn into_catalog_order(self) -> Vec<E> {
        let Examples {
            mut values,
            wrapped,
        } = self;
        let mut start = 0;
        for end in wrapped.into_iter().chain([values.len()]) {
            if let Some(run) = values.get_mut(start..end) {
                in_catalog_order(run);
            }
            start = end + 1;
        }
        values
    }
}

/// Appends the examples of a group of a type's own variants: a path the derive calls, where a
/// method would need `Extend` in scope.
#[doc(hidden)]
#[inline]
pub fn extend<E, const N: usize>(examples: &mut Examples<E>, values: [E; N]) {
    examples.values.extend(values);
}

/// Appends the example of one of a type's own variants.
#[doc(hidden)]
#[inline]
pub fn push<E>(examples: &mut Examples<E>, value: E) {
    examples.values.push(value);
}

/// Appends an example of a type a transparent variant wraps, wrapped: it keeps its place.
#[doc(hidden)]
#[inline]
pub fn push_wrapped<E>(examples: &mut Examples<E>, value: E) {
    examples.wrapped.push(examples.values.len());
    examples.values.push(value);
}

/// Puts the examples of a run of a type's own variants in declaration order.
#[cfg(feature = "docs")]
fn in_catalog_order<E: ApiError>(examples: &mut [E]) {
    let mut places = Vec::with_capacity(examples.len());
    for example in examples.iter() {
        places.push(example.descriptor().index());
    }
    let mut ranks = ranks(&places);
    for at in 0..examples.len() {
        while ranks[at] != at {
            let to = ranks[at];
            examples.swap(at, to);
            ranks.swap(at, to);
        }
    }
}

/// Where each of `places` goes for them to be in increasing order.
#[cfg(feature = "docs")]
fn ranks(places: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_unstable_by_key(|&at| places[at]);
    let mut ranks = vec![0; places.len()];
    for (rank, at) in order.into_iter().enumerate() {
        ranks[at] = rank;
    }
    ranks
}

/// An error known only by its descriptor: its message is the template, it has no details.
#[doc(hidden)]
pub struct Described(pub &'static Descriptor);

impl Described {
    /// The declared message, else the status's reason phrase, as the derive's own messages.
    fn message_text(&self) -> &'static str {
        self.0
            .message()
            .unwrap_or_else(|| crate::model::descriptor::reason(self.0.status().as_u16()))
    }
}

impl ApiError for Described {
    const CATALOG: Catalog = Catalog::from_parts("Described", &[], &[]);

    fn descriptor(&self) -> &'static Descriptor {
        self.0
    }

    fn write_message<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        out.write_str(self.message_text())
    }

    fn static_message(&self) -> Option<&'static str> {
        Some(self.message_text())
    }
}

/// The body of `error` from its example value when there is one, else from its descriptor.
#[cfg(feature = "docs")]
pub(crate) fn body<E: ApiError>(
    error: &'static Descriptor,
    examples: &[E],
    context: &crate::RequestContext<'_>,
) -> Vec<u8> {
    let mut body = Vec::new();
    // By code, which is unique in a catalog: a constant's data has no guaranteed single address.
    match examples
        .iter()
        .find(|example| example.code() == error.code())
    {
        Some(example) => {
            let _ = example.write_body(context, &mut body);
        }
        None => E::write_descriptor_body(error, context, &mut body),
    }
    body
}

/// Writes what it is given when the `docs` feature is on, and nothing when it is off: a derived
/// type's `examples()` and the functions it calls. The derive cannot see this crate's features,
/// and example values are code that only documentation needs.
#[cfg(feature = "docs")]
#[doc(hidden)]
#[macro_export]
macro_rules! __docs_only {
    ($($tokens:tt)*) => {
        $($tokens)*
    };
}

#[cfg(not(feature = "docs"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __docs_only {
    ($($tokens:tt)*) => {};
}

pub use crate::__docs_only as docs_only;
