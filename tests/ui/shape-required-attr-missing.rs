use api_error_core::ApiError;
use api_error_core::envelope::{Member, Shape, Value};

const SHAPE: Shape = Shape::new(&[
    Member::new("code", Value::Code),
    Member::new("doc_url", Value::Attr("doc_url")).required(),
]);

#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "snake_case", status = 400)]
enum Error {
    #[api(attr(doc_url = "https://docs.example.com/found"))]
    Found,
    NotFound,
}

fn main() {}
