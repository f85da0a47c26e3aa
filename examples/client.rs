//! A client of the example service (`service.rs`, the Petnow API), in Rust: what the seed
//! documents' client snippets do, with the catalog the service itself is declared with.
//!
//! - `handleApiError` branches on the code: every failure is read back with
//!   `response.api_result::<PetnowError>()`, and [`describe`] matches the `PetnowError` value
//!   itself where the body gives back all its fields (`Validation { fields }`, whose field
//!   errors it prints), and the code otherwise.
//! - `api_request_with_retry` and `retry_with_backoff` retry rate limits and unavailable
//!   services with exponential backoff: [`PetnowClient::send`] asks the catalog's
//!   [`RetryPolicy`] after each failure, which waits out a `Retry-After` (seconds or a date),
//!   backs off with jitter otherwise, never retries a code the catalog marks not retryable
//!   (the service's 500 `UnknownSpeciesException`), and stops after three attempts.
//! - `handle_api_error` re-authenticates on an expired session: a revoked API key (401,
//!   "after re-auth" in the catalog) makes the client log in again and resend the request.
//!
//! Run the service, then the client against it:
//!
//! ```text
//! cargo run --example service            # serves on 127.0.0.1:3000
//! cargo run --example client             # or: cargo run --example client -- http://host:port
//! ```
//!
//! Its tests start the service and put a gateway in front of it that answers some requests
//! with a 429 and a `Retry-After`, or a 503, as a rate-limiting proxy or a deploy would.

use std::time::Duration;

use api_error_core::RetryAdvice;
use api_error_core::client::{ErrorBody, ErrorResponse, ResponseExt, RetryPolicy, RetryStep};
use api_error_examples::petnow::PetnowError;
use reqwest::Method;
use serde_json::{Value, json};

/// A client of the Petnow API that knows its error catalog.
pub struct PetnowClient {
    http: reqwest::Client,
    base: String,
    api_key: String,
    /// Logs in again: the key to use after the current one is refused.
    login: Box<dyn Fn() -> String + Send + Sync>,
    policy: RetryPolicy,
    /// What the client did, one line per step, for the caller to print or check.
    pub log: Vec<String>,
}

impl PetnowClient {
    /// A client of the API at `base` (`http://127.0.0.1:3000`) with `api_key`, which calls
    /// `login` for a new key when the API refuses the one it has.
    pub fn new(
        base: &str,
        api_key: &str,
        login: impl Fn() -> String + Send + Sync + 'static,
    ) -> Self {
        PetnowClient {
            http: reqwest::Client::new(),
            base: base.trim_end_matches('/').to_owned(),
            api_key: api_key.to_owned(),
            login: Box::new(login),
            policy: RetryPolicy::new(),
            log: Vec::new(),
        }
    }

    /// Uses another retry policy (the tests shorten the backoff).
    #[must_use]
    pub fn policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Sends a request until it succeeds or the retry policy stops: the JSON of a success,
    /// or the last failure read back in the catalog's envelope.
    ///
    /// # Errors
    ///
    /// The failure the policy gave up on.
    pub async fn send(
        &mut self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, Failure> {
        let mut retries = self.policy.retries();
        loop {
            let mut request = self
                .http
                .request(method.clone(), format!("{}{path}", self.base))
                .header("x-petnow-api-key", &self.api_key);
            if let Some(body) = body {
                request = request.json(body);
            }
            let (advice, failure) = match request.send().await {
                Ok(response) => match response.api_result::<PetnowError>().await {
                    Ok(response) => {
                        self.log
                            .push(format!("{method} {path}: {}", response.status()));
                        // A success without a body (204) is `null`.
                        let text = response.text().await.map_err(Failure::Transport)?;
                        return Ok(serde_json::from_str(&text).unwrap_or(Value::Null));
                    }
                    Err(failure) => (failure.retry_advice(), Failure::Api(failure)),
                },
                // A refused connection or a timeout: transient, as the seed's retry helper has it.
                Err(error) => (
                    RetryAdvice::Retry { retry_after: None },
                    Failure::Transport(error),
                ),
            };
            self.log
                .push(format!("{method} {path}: {failure} ({advice})"));
            match retries.next(advice) {
                RetryStep::Wait(delay) => {
                    self.log.push(format!("waiting {} ms", delay.as_millis()));
                    tokio::time::sleep(delay).await;
                }
                RetryStep::Reauthenticate => {
                    self.log.push("logging in again".to_owned());
                    self.api_key = (self.login)();
                }
                RetryStep::Stop => return Err(failure),
            }
        }
    }

    /// Registers a pet, answering its id.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn create_pet(&mut self, species: &str, name: &str) -> Result<String, Failure> {
        let body = json!({ "species": species, "name": name });
        let created = self.send(Method::POST, "/v2/pets", Some(&body)).await?;
        Ok(created["petId"].as_str().unwrap_or_default().to_owned())
    }

    /// A pet's record.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn pet(&mut self, pet_id: &str) -> Result<Value, Failure> {
        self.send(Method::GET, &format!("/v2/pets/{pet_id}"), None)
            .await
    }
}

/// Why a request failed for good.
#[derive(Debug)]
pub enum Failure {
    /// The API answered with an error, read back in its envelope.
    Api(ErrorResponse<PetnowError>),
    /// No answer: the connection failed.
    Transport(reqwest::Error),
}

impl core::fmt::Display for Failure {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Failure::Api(failure) => core::fmt::Display::fmt(failure, f),
            Failure::Transport(error) => write!(f, "no answer: {error}"),
        }
    }
}

impl std::error::Error for Failure {}

/// What the seed's `handleApiError` says about a failure: one line per branch on the code,
/// the field errors of a validation error, the status of a body from something in between.
pub fn describe(failure: &ErrorResponse<PetnowError>) -> Vec<String> {
    let Some(error) = failure.error() else {
        return vec![match failure.body() {
            ErrorBody::Foreign(body) => format!(
                "HTTP {} from something between us and the API ({})",
                failure.status(),
                body.content_type().unwrap_or("no content type")
            ),
            _ => format!("HTTP {} without an error body", failure.status()),
        }];
    };
    // The errors whose every field the body gives back are `PetnowError` values again.
    match failure.to_error() {
        Some(PetnowError::InvalidApiKey) => {
            return vec!["Authentication error: Invalid API key".to_owned()];
        }
        Some(PetnowError::Validation { fields }) => {
            let mut lines = vec!["Validation error:".to_owned()];
            for field in &fields {
                lines.push(format!("  field '{}': {}", field.field(), field.message()));
            }
            return lines;
        }
        Some(PetnowError::PetLimitExceeded) => {
            return vec!["Pet limit exceeded. Please upgrade your plan.".to_owned()];
        }
        _ => {}
    }
    // The others by code, as `handleApiError` does: the Petnow body carries a code only, so
    // a missing pet's id does not come back.
    let code = error.code();
    let code = code.as_str().unwrap_or_default();
    match code {
        "PETNOWB2B20000" | "PETNOWB2B20010" => vec!["Resource not found".to_owned()],
        _ => {
            // Any other code the catalog knows, with what it says to do; or one it does not.
            let line = match error.descriptor() {
                Some(descriptor) => format!(
                    "API error: {code} ({}): {}",
                    descriptor.name(),
                    descriptor
                        .solutions()
                        .first()
                        .copied()
                        .unwrap_or("no solution given")
                ),
                None => format!("API error: {code} (unknown to this client)"),
            };
            vec![line]
        }
    }
}

/// A session with the API: a revoked key, a pet registered, a validation error, a missing
/// pet, the legacy pet's server error, and the plan's pet limit; what happened, line by line.
pub async fn session(base: &str, policy: RetryPolicy) -> Vec<String> {
    let mut client =
        PetnowClient::new(base, "revoked-key", || "demo-key".to_owned()).policy(policy);
    let mut lines = Vec::new();
    let created = client.create_pet("DOG", "Rex").await;
    report(created, &mut lines);
    let invalid = client.create_pet("BIRD", "Tweety").await;
    report(invalid, &mut lines);
    let missing = client.pet("pet_404").await.map(|pet| pet.to_string());
    report(missing, &mut lines);
    let legacy = client.pet("pet_legacy").await.map(|pet| pet.to_string());
    report(legacy, &mut lines);
    for name in ["Bella", "Max", "Luna"] {
        let created = client.create_pet("CAT", name).await;
        report(created, &mut lines);
    }
    lines.extend(client.log.iter().map(|line| format!("log: {line}")));
    lines
}

/// One line for a result, or [`describe`]'s lines for a failure.
fn report(result: Result<String, Failure>, lines: &mut Vec<String>) {
    match result {
        Ok(value) => lines.push(format!("ok: {value}")),
        Err(Failure::Api(failure)) => lines.extend(describe(&failure)),
        Err(failure) => lines.push(failure.to_string()),
    }
}

#[tokio::main]
async fn main() {
    let base = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "http://127.0.0.1:3000".to_owned());
    let policy = RetryPolicy::new().base_delay(Duration::from_millis(500));
    for line in session(&base, policy).await {
        println!("{line}");
    }
    // The catalog's advice for every code, as the client acts on it.
    for descriptor in PetnowError::CATALOG {
        println!(
            "{} {}: {}",
            descriptor.code(),
            descriptor.name(),
            RetryAdvice::for_response(Some(descriptor), descriptor.status(), None)
        );
    }
}

#[cfg(test)]
#[path = "client/tests.rs"]
mod tests;
