use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(prefix = "AUTH_", code_case = "SCREAMING_SNAKE_CASE")]
pub enum AuthError {
    #[api(status = 401)]
    TokenExpired,
}

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
pub enum PetError {
    #[api(status = 404)]
    PetNotFound,
    #[api(transparent)]
    Auth(AuthError),
}

api_error_core::error_responses! {
    pub struct GetPetErrors = PetError[PetNotFound, Auth];
}

fn main() {}
