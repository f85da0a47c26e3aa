use api_error_core::ApiError;

#[derive(Debug, ApiError)]
enum Error {
    #[api(code = "NOT_FOUND", stauts = 404)]
    NotFound,
}

fn main() {}
