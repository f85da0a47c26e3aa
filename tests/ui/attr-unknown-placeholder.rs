use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(code_case = "snake_case", status = 400, attr(doc_url = "https://docs.example.com/{kode}"))]
enum Error {
    Bad,
}

fn main() {}
