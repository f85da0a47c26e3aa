use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
enum Error {
    #[api(status = 503, internal)]
    Unavailable,
}

fn main() {}
