use api_error_core::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 500)]
enum Error {
    #[error("database: {0}")]
    #[api(internal, expose)]
    Internal(String),
}

fn main() {}
