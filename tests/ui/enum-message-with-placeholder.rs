use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, message = "bad {id}")]
enum Error {
    #[api(code = "NOT_FOUND")]
    NotFound { id: u64 },
}

fn main() {}
