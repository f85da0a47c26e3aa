use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 429)]
enum Error {
    Limited {
        #[api(header = "Retry-After")]
        seconds: u32,
    },
}

fn main() {}
