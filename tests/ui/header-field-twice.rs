use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 429)]
enum Error {
    #[api(header("x-ratelimit-remaining", "0"))]
    Limited {
        #[api(header = "x-ratelimit-remaining")]
        remaining: u32,
    },
}

fn main() {}
