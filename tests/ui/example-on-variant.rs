use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 404)]
enum Error {
    #[api(example = "x")]
    NoSuchPet { pet_id: String },
}

fn main() {}
