use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 500, internal)]
enum Error {
    Internal,
}

fn main() {}
