use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code = "NOT_FOUND", status = 400)]
enum Error {
    NotFound,
}

fn main() {}
