use api_error_core::{ApiError, FieldErrors};

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
enum Error {
    Invalid {
        #[api(details)]
        fields: FieldErrors,
        #[api(details)]
        more: FieldErrors,
    },
}

fn main() {}
