use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE")]
enum Error {
    #[api(status = 404, rejection(unknown_route))]
    NoSuchRoute,
    #[api(status = 404, rejection(method, unknown_route))]
    NotFound,
}

fn main() {}
