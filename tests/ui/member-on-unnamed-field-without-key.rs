use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 400)]
enum Error {
    Bad(#[api(member)] u8),
}

fn main() {}
