use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "Title Case", status = 400)]
enum Error {
    NotFound,
}

fn main() {}
