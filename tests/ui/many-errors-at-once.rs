use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(prefix = "PET_")]
enum Error {
    #[api(code = "NOT_FOUND", status = 404)]
    NotFound,
    #[api(code = "PET_GONE", status = 700)]
    Gone,
    #[api(code = "PET_CONFLICT", status = 409, message = "{id} taken")]
    Conflict(u64),
    #[api(code = "PET_LOCKED")]
    Locked,
}

fn main() {}
