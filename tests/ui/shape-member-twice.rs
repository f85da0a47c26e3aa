use api_error_core::ApiError;
use api_error_core::envelope::{Member, Shape, Value};

const SHAPE: Shape = Shape::new(&[
    Member::new("code", Value::Code),
    Member::new("code", Value::Message),
]);

#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "snake_case", status = 400)]
enum Error {
    Bad,
}

fn main() {}
