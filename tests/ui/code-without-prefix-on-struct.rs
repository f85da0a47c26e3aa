use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(prefix = "PET_", code = "NOT_FOUND", status = 400)]
struct NotFound;

fn main() {}
