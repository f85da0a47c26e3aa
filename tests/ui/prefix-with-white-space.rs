use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(prefix = "PET ", code_case = "SCREAMING_SNAKE_CASE", status = 400)]
enum Error {
    NotFound,
}

fn main() {}
