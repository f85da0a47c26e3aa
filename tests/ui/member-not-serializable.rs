use api_error_core::ApiError;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 400)]
enum Error {
    Bad {
        #[api(member)]
        value: Opaque,
    },
}

fn main() {}
