use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
enum Error {
    #[api(rejection(cookies))]
    BadRequest,
}

fn main() {}
