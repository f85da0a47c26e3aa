use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 429)]
enum Error {
    #[api(header("Retry-After", "60"))]
    RateLimited,
}

fn main() {}
