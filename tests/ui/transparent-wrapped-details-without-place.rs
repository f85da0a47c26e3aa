use api_error_core::envelope::{Member, Value};
use api_error_core::{ApiError, FieldErrors, Shape};

const CODE_ONLY: Shape = Shape::new(&[Member::new("code", Value::Code)]);

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case")]
enum FormError {
    #[api(status = 422)]
    Invalid {
        #[api(details)]
        fields: FieldErrors,
    },
}

#[derive(Debug, ApiError)]
#[api(envelope = CODE_ONLY, code_case = "snake_case")]
enum HandlerError {
    #[api(status = 404)]
    Missing,
    #[api(transparent)]
    Form(FormError),
}

fn main() {}
