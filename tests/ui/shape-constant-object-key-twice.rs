use api_error_core::ApiError;
use api_error_core::envelope::{Constant, Member, Shape, Value};

const SHAPE: Shape = Shape::new(&[Member::new(
    "meta",
    Value::Constant(Constant::Object(&[("a", Constant::Null), ("a", Constant::Int(1))])),
)]);

#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "snake_case", status = 400)]
enum Error {
    Bad,
}

fn main() {}
