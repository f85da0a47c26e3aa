use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Error {
    #[api(code = "NOT_FOUND", message = "pet {0:1$} not found")]
    NotFound(u64, usize),
}

fn main() {}
