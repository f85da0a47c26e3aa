use api_error_core::{ApiError, Catalog};

#[derive(Debug, ApiError)]
#[api(status = 400)]
pub enum Wrapped<E> {
    #[api(code = "INVALID")]
    Invalid,
    #[api(transparent)]
    Inner(E),
}

#[derive(Debug, ApiError)]
#[api(status = 422)]
pub enum FormError {
    #[api(code = "INVALID")]
    Invalid,
}

// A type with parameters checks the catalogs it wraps for each instance, when its catalog is
// evaluated: here in a constant, or wherever a method of the instance is compiled.
const CATALOG: Catalog = <Wrapped<FormError> as ApiError>::CATALOG;

fn main() {
    let _ = CATALOG;
}
