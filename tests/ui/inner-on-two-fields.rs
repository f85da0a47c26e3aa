use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 400)]
enum Error {
    Bad {
        #[api(inner)]
        first: Box<Error>,
        #[api(inner)]
        second: Box<Error>,
    },
}

fn main() {}
