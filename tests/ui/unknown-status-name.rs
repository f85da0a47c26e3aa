use api_error_core::ApiError;

#[derive(Debug, ApiError)]
enum Error {
    #[api(code = "NOT_FOUND", status = NOT_FUOND)]
    NotFound,
}

fn main() {}
