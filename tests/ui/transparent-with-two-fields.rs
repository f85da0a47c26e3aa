use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 401, code_case = "SCREAMING_SNAKE_CASE")]
pub enum AuthError {
    TokenExpired,
}

#[derive(Debug, ApiError)]
#[api(status = 400, code_case = "SCREAMING_SNAKE_CASE")]
pub enum HandlerError {
    BadRequest,
    #[api(transparent)]
    Auth(AuthError, String),
}

fn main() {}
