use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Error {
    #[api(code = 3001)]
    NotFound,
    #[api(code = "GONE")]
    Gone,
}

fn main() {}
