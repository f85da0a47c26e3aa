use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
enum Error {
    Invalid {
        #[api(details = true)]
        reason: String,
    },
}

fn main() {}
