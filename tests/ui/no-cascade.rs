use api_error_core::ApiError;

#[derive(Debug, ApiError)]
enum Error {
    #[api(code = "NOT_FOUND")]
    NotFound,
}

fn main() {
    let error = Error::NotFound;
    let _ = error.status();
    let _ = error.code();
    let _ = error.message().to_string();
    let _ = Error::CATALOG.len();
}
