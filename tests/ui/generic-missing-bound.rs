use api_error_core::ApiError;

#[derive(Debug)]
struct Opaque;

// The derive infers `T: Display` from the message; a type that lacks it is reported where the
// enum is used with it.
#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 400)]
enum Error<T> {
    #[api(message = "bad value {0}")]
    Invalid(T),
}

fn main() {
    let error = Error::Invalid(Opaque);
    let _ = error.status();
}
