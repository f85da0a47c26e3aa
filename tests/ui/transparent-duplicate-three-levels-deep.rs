use api_error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 503, code_case = "SCREAMING_SNAKE_CASE")]
pub enum DiskError {
    Full,
}

#[derive(Debug, ApiError)]
#[api(status = 500, code_case = "SCREAMING_SNAKE_CASE")]
pub enum StorageError {
    Corrupted,
    #[api(transparent)]
    Disk(DiskError),
}

#[derive(Debug, ApiError)]
#[api(status = 507, code_case = "SCREAMING_SNAKE_CASE")]
pub enum HandlerError {
    #[api(transparent)]
    Storage(StorageError),
    QuotaExceeded,
    /// The same code as `DiskError::Full`, two levels down.
    Full,
}

fn main() {}
