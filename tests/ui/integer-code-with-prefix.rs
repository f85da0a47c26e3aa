use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(prefix = "PET_", status = 400)]
enum Error {
    #[api(code = 3001)]
    NotFound,
}

fn main() {}
