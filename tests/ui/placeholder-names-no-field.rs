use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Error {
    #[api(code = "NOT_FOUND", message = "pet {pet} not found in shard {shard}")]
    NotFound { pet_id: u64, shard: u32 },
}

fn main() {}
