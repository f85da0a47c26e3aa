use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, category = "Pets")]
enum Error {
    #[api(code = "NOT_FOUND")]
    NotFound,
}

fn main() {}
