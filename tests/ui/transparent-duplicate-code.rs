use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 401)]
pub enum AuthError {
    #[api(code = "EXPIRED")]
    TokenExpired,
}

#[derive(Debug, ApiError)]
#[api(status = 400)]
pub enum HandlerError {
    #[api(code = "EXPIRED")]
    LinkExpired,
    #[api(transparent)]
    Auth(AuthError),
}

fn main() {}
