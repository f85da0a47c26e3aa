use api_error_core::ApiError;

const NOT_A_SHAPE: &str = "{}";

#[derive(Debug, ApiError)]
#[api(envelope = NOT_A_SHAPE, code_case = "SCREAMING_SNAKE_CASE", status = 400)]
enum Error {
    Invalid,
}

fn main() {}
