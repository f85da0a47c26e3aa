use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 400)]
enum Error {
    #[api(attr(doc_url = "https://docs.example.com/{code:Kebab}"))]
    Bad,
}

fn main() {}
