use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 429)]
enum Error {
    RateLimited {
        #[api(retry_after)]
        wait: u64,
        #[api(retry_after)]
        again: u64,
    },
}

fn main() {}
