use api_error_core::ApiError;

#[derive(ApiError)]
#[api(code = "NOT_FOUND", status = 400)]
union NotFound {
    id: u64,
}

fn main() {}
