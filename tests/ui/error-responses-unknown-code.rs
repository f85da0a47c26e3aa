use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
pub enum PetError {
    #[api(status = 404)]
    PetNotFound,
    #[api(status = 409)]
    PetExists,
}

api_error_core::error_responses! {
    pub struct GetPetErrors = PetError[PetNotFound, "PET_GONE"];
}

fn main() {}
