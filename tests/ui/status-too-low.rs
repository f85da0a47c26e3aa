use api_error_core::ApiError;

#[derive(Debug, ApiError)]
enum Error {
    #[api(code = "NOT_FOUND", status = 99)]
    NotFound,
}

fn main() {}
