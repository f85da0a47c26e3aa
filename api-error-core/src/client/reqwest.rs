//! reqwest integration: a response passed through when it succeeded, read back when it failed.

use core::future::Future;

use crate::ApiError;
use crate::client::ErrorResponse;

/// The most of an error body that is read: enough for any envelope, little of a proxy's page.
const MAX_ERROR_BODY: usize = 1 << 20;

/// [`api_result`](Self::api_result) on `reqwest::Response`. Needs the `reqwest` feature.
///
/// ```no_run
/// use api_error_core::ApiError;
/// use api_error_core::client::ResponseExt;
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "petnow")]
/// enum PetnowError {
///     #[api(code = "PETNOWB2B20000", status = 404, name = "NoSuchPetException")]
///     NoSuchPet,
/// }
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let response = reqwest::get("http://127.0.0.1:3000/v2/pets/p_1").await?;
/// match response.api_result::<PetnowError>().await {
///     Ok(pet) => println!("{}", pet.text().await?),
///     Err(failure) => match failure.code() {
///         Some(code) if *code == "PETNOWB2B20000" => println!("no such pet"),
///         _ => return Err(failure.into()),
///     },
/// }
/// # Ok(())
/// # }
/// ```
pub trait ResponseExt: Sized {
    /// The response itself when its status is not an error (below 400); otherwise its body,
    /// read (at most a mebibyte of it) in `E`'s envelope as an [`ErrorResponse`]. A body
    /// whose reading fails midway is read as far as it came.
    fn api_result<E: ApiError>(self)
    -> impl Future<Output = Result<Self, ErrorResponse<E>>> + Send;
}

impl ResponseExt for reqwest::Response {
    async fn api_result<E: ApiError>(mut self) -> Result<Self, ErrorResponse<E>> {
        let status = self.status();
        if !status.is_client_error() && !status.is_server_error() {
            return Ok(self);
        }
        let headers = core::mem::take(self.headers_mut());
        let mut body = Vec::new();
        while let Ok(Some(chunk)) = self.chunk().await {
            let room = MAX_ERROR_BODY.saturating_sub(body.len());
            body.extend_from_slice(chunk.get(..room).unwrap_or(&chunk));
            if body.len() >= MAX_ERROR_BODY {
                break;
            }
        }
        Err(ErrorResponse::decode(status, &headers, &body))
    }
}
