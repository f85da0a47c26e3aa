use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Error {
    #[api(code = "NOT_FOUND", message = "pet {0} not found")]
    NotFound { pet_id: u64 },
}

fn main() {}
