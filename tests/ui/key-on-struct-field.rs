use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
struct NotFound {
    #[api(code = "NOT_FOUND")]
    id: u64,
}

fn main() {}
