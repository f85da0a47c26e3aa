use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code = "NOT_FOUND")]
struct NotFound;

fn main() {}
