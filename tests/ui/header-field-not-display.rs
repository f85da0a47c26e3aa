use api_error_core::ApiError;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 429)]
enum Error {
    Limited {
        #[api(header = "x-ratelimit-remaining")]
        remaining: Opaque,
    },
}

fn main() {}
