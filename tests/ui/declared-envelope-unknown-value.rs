use api_error_core::ApiError;
use api_error_core::envelope::{Member, Shape, Value};

const SHAPE: Shape = Shape::new(&[Member::new("code", Value::Cod)]);

#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "SCREAMING_SNAKE_CASE", status = 400)]
enum Error {
    Invalid,
}

fn main() {}
