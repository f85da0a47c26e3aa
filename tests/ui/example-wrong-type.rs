use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 404)]
enum Error {
    #[api(message = "no pet {pet_id}")]
    NoSuchPet {
        #[api(example = 42)]
        pet_id: String,
    },
}

fn main() {}
