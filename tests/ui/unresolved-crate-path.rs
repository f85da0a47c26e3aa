use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(crate = ::api_eror_core, status = 400)]
enum Error {
    #[api(code = "NOT_FOUND")]
    NotFound,
}

fn main() {}
