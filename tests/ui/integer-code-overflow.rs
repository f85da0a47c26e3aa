use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Error {
    #[api(code = 9223372036854775808)]
    NotFound,
}

fn main() {}
