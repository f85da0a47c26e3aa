//! Generic error types get the bounds their messages need, inferred.

use std::fmt::Debug;

use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 400)]
enum Generic<T, U> {
    #[api(message = "bad value {0}")]
    Shown(T),
    #[api(message = "bad value {0:?}")]
    Debugged(U),
    #[api(message = "static")]
    Unused(Vec<U>),
}

struct OnlyDebug;

impl Debug for OnlyDebug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OnlyDebug")
    }
}

#[test]
fn bounds_are_inferred_per_use() {
    let shown: Generic<u8, OnlyDebug> = Generic::Shown(5);
    assert_eq!(shown.message().to_string(), "bad value 5");
    let debugged: Generic<u8, OnlyDebug> = Generic::Debugged(OnlyDebug);
    assert_eq!(debugged.message().to_string(), "bad value OnlyDebug");
    let unused: Generic<u8, OnlyDebug> = Generic::Unused(Vec::new());
    assert_eq!(unused.message().to_string(), "static");
    assert!(matches!(unused, Generic::Unused(values) if values.is_empty()));
}

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 422)]
enum Borrowed<'a, T: Clone + Debug, const N: usize>
where
    T: PartialEq,
{
    #[api(message = "field {field} is invalid")]
    Invalid { field: &'a str, values: [T; N] },
}

#[test]
fn lifetimes_const_generics_and_where_clauses() {
    let error: Borrowed<'_, u8, 2> = Borrowed::Invalid {
        field: "name",
        values: [1, 2],
    };
    assert_eq!(error.message().to_string(), "field name is invalid");
    assert_eq!(error.code(), "INVALID");
    assert_eq!(Borrowed::<'static, u8, 2>::CATALOG.len(), 1);
    let Borrowed::Invalid { values, .. } = error;
    assert_eq!(values, [1, 2]);
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_case = "snake_case", status = 500)]
enum Exposed<E: std::error::Error + 'static> {
    #[error("wrapped: {0}")]
    #[api(expose)]
    Wrapped(#[source] E),
}

#[test]
fn expose_on_a_generic_type() {
    let error: Exposed<std::fmt::Error> = Exposed::Wrapped(std::fmt::Error);
    assert_eq!(
        error.message().to_string(),
        "wrapped: an error occurred when formatting an argument"
    );
}

#[derive(Debug, ApiError)]
#[api(
    envelope = "incident",
    code_case = "SCREAMING_SNAKE_CASE",
    status = 400
)]
enum WithGenericDetails<D, O> {
    Required {
        #[api(details)]
        details: D,
    },
    Optional {
        #[api(details)]
        details: Option<O>,
    },
}

#[test]
fn details_bounds_are_inferred() {
    use api_error_core::RequestContext;
    let required: WithGenericDetails<Vec<u8>, bool> =
        WithGenericDetails::Required { details: vec![1] };
    assert_eq!(
        required.to_json_string(&RequestContext::new()),
        r#"{"code":"REQUIRED","message":"Bad Request","details":[1]}"#
    );
    let optional: WithGenericDetails<Vec<u8>, bool> = WithGenericDetails::Optional {
        details: Some(true),
    };
    assert!(
        optional
            .to_json_string(&RequestContext::new())
            .contains(r#""details":true"#)
    );
}
