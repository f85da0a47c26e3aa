use api_error_core::ApiError;

#[derive(Debug, ApiError)]
pub enum RegistryError {
    #[api(code = 3001, status = 404)]
    EntityNotFound,
}

api_error_core::error_responses! {
    pub struct GetEntityErrors = RegistryError[0x0BB9];
}

fn main() {}
