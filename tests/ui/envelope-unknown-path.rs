use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = crate::NO_SUCH_SHAPE, code_case = "SCREAMING_SNAKE_CASE", status = 400)]
enum Error {
    Invalid,
}

fn main() {}
