use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = "face", code_case = "snake_case", status = 429)]
enum Error {
    Limited {
        #[api(member)]
        limit: u32,
    },
}

fn main() {}
