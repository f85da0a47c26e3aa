use api_error_core::ApiError;

struct Legacy;

#[derive(Debug, ApiError)]
#[api(envelope = "oz", custom_envelope = Legacy, code_case = "snake_case", status = 400)]
enum Error {
    Bad,
}

fn main() {}
