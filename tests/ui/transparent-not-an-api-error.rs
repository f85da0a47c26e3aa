use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, code_case = "SCREAMING_SNAKE_CASE")]
pub enum HandlerError {
    BadRequest,
    #[api(transparent)]
    Io(std::io::Error),
}

fn main() {}
