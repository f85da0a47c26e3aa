use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 503)]
enum Error {
    #[api(code = "UNAVAILABLE", retryable = "")]
    Unavailable,
}

fn main() {}
