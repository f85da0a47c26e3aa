use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Error {
    #[api(code = "CONFLICT", message = "{0} conflicts with {2}")]
    Conflict(u64, u64),
}

fn main() {}
