use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Error {
    #[api(code = "NOT_FOUND", message = "pet {pet_id} not found")]
    NotFound,
}

fn main() {}
