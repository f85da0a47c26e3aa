use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400, header("cache control", "no-store"))]
enum Error {
    Invalid,
}

fn main() {}
