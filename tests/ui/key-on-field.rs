use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Error {
    #[api(code = "NOT_FOUND")]
    NotFound {
        #[api(status = 404)]
        id: u64,
    },
}

fn main() {}
