use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400, actix_web = "4")]
enum Error {
    BadRequest,
}

fn main() {}
