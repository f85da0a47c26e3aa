use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
struct NotFound;

fn main() {}
