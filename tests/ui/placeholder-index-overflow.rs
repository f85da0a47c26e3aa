use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Error {
    #[api(code = "NOT_FOUND", message = "{99999999999999999999999}")]
    NotFound(u64),
}

fn main() {}
