use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(custom_envelope = "legacy", code_case = "snake_case", status = 400)]
enum Error {
    Bad,
}

fn main() {}
