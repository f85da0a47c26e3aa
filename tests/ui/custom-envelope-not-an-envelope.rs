use api_error_core::ApiError;

const NOT_AN_ENVELOPE: &str = "{}";

#[derive(Debug, ApiError)]
#[api(custom_envelope = NOT_AN_ENVELOPE, code_case = "snake_case", status = 400)]
enum Error {
    Bad,
}

fn main() {}
