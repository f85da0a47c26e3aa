//! The client against the example service over HTTP, the service built and started as its
//! own process, with a gateway in front of it that answers chosen requests with a 429 and a
//! Retry-After, or a 503, before the service sees them.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use reqwest::Method;

use super::*;

#[path = "../support/service.rs"]
mod support;

use support::RunningService;

/// The default policy with a shorter backoff: 100 ms, 200 ms, ... plus up to 50 ms of jitter.
fn quick() -> RetryPolicy {
    RetryPolicy::new()
        .base_delay(Duration::from_millis(100))
        .jitter(Duration::from_millis(50))
}

/// An answer the gateway gives instead of the service's, to the next request for a path.
struct Fault {
    method: Method,
    path: &'static str,
    status: StatusCode,
    retry_after: Option<String>,
}

#[derive(Default)]
struct Script {
    faults: VecDeque<Fault>,
    /// Every request the gateway saw: method, path, when.
    seen: Vec<(Method, String, Instant)>,
}

/// A gateway on a free port that forwards to the service, but for the scripted faults.
struct Gateway {
    base: String,
    script: Arc<Mutex<Script>>,
}

#[derive(Clone)]
struct Upstream {
    base: String,
    http: reqwest::Client,
    script: Arc<Mutex<Script>>,
}

impl Gateway {
    async fn start(service: &RunningService, faults: Vec<Fault>) -> Gateway {
        let script = Arc::new(Mutex::new(Script {
            faults: faults.into(),
            seen: Vec::new(),
        }));
        let upstream = Upstream {
            base: service.base.clone(),
            http: reqwest::Client::new(),
            script: Arc::clone(&script),
        };
        let app = Router::new().fallback(forward).with_state(upstream);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        Gateway {
            base: format!("http://{address}"),
            script,
        }
    }

    /// When the gateway saw each request for `path`.
    fn seen(&self, method: &Method, path: &str) -> Vec<Instant> {
        let script = self.script.lock().unwrap_or_else(PoisonError::into_inner);
        script
            .seen
            .iter()
            .filter(|(seen, seen_path, _)| seen == method && seen_path == path)
            .map(|&(_, _, at)| at)
            .collect()
    }
}

async fn forward(State(upstream): State<Upstream>, request: Request) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let fault = {
        let mut script = upstream
            .script
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        script
            .seen
            .push((method.clone(), path.clone(), Instant::now()));
        let next = script
            .faults
            .iter()
            .position(|fault| fault.method == method && fault.path == path);
        next.and_then(|index| script.faults.remove(index))
    };
    if let Some(fault) = fault {
        // What nginx answers: its own page, not the API's envelope.
        let page = format!(
            "<html><head><title>{0}</title></head><body><center><h1>{0}</h1></center></body></html>",
            fault.status
        );
        let mut response = (fault.status, [("content-type", "text/html")], page).into_response();
        if let Some(retry_after) = fault.retry_after {
            let value = HeaderValue::from_str(&retry_after).unwrap();
            response.headers_mut().insert("retry-after", value);
        }
        return response;
    }
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let url = format!(
        "{}{}",
        upstream.base,
        parts.uri.path_and_query().map_or("/", |path| path.as_str())
    );
    let mut forwarded = upstream.http.request(method, url).body(body.to_vec());
    for (name, value) in &parts.headers {
        if name != "host" {
            forwarded = forwarded.header(name, value);
        }
    }
    let Ok(answer) = forwarded.send().await else {
        return StatusCode::BAD_GATEWAY.into_response();
    };
    let mut response = Response::builder().status(answer.status());
    for (name, value) in answer.headers() {
        response = response.header(name, value);
    }
    let body = answer.bytes().await.unwrap_or_default();
    response.body(Body::from(body)).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_seed_snippets_in_rust() {
    let service = RunningService::start();
    let lines = session(&service.base, quick()).await;
    let text = lines.join("\n");
    // An expired key: the client logs in again and the pet is registered.
    assert!(
        text.contains("POST /v2/pets: 401 Unauthorized: PETNOWB2B10000 (InvalidApiKeyException)"),
        "{text}"
    );
    assert!(text.contains("log: logging in again"), "{text}");
    assert!(lines[0].starts_with("ok: pet_"), "{text}");
    // A validation error, with its field errors.
    assert_eq!(lines[1], "Validation error:", "{text}");
    assert!(
        lines[2].starts_with("  field '") && lines[2].contains("BIRD"),
        "{text}"
    );
    assert!(lines.contains(&"Resource not found".to_owned()), "{text}");
    // The legacy pet's 500 is marked not retryable: asked once, never again.
    assert!(
        lines.contains(
            &"API error: PETNOWB2B30002 (UnknownSpeciesException): Verify species value is DOG or CAT"
                .to_owned()
        ),
        "{text}"
    );
    let legacy = lines
        .iter()
        .filter(|line| line.starts_with("log: GET /v2/pets/pet_legacy"))
        .count();
    assert_eq!(legacy, 1, "{text}");
    assert!(text.contains("(do not retry)"), "{text}");
    // The demo plan's fourth pet.
    assert_eq!(
        lines
            .iter()
            .filter(|line| line.starts_with("ok: pet_"))
            .count(),
        3,
        "{text}"
    );
    assert!(
        lines.contains(&"Pet limit exceeded. Please upgrade your plan.".to_owned()),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_429_with_retry_after_is_waited_out() {
    let service = RunningService::start();
    let in_four_seconds = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(4));
    let faults = vec![
        Fault {
            method: Method::POST,
            path: "/v2/pets",
            status: StatusCode::TOO_MANY_REQUESTS,
            retry_after: Some("1".to_owned()),
        },
        Fault {
            method: Method::GET,
            path: "/v2/pets/pet_legacy",
            status: StatusCode::TOO_MANY_REQUESTS,
            retry_after: Some(in_four_seconds),
        },
    ];
    let gateway = Gateway::start(&service, faults).await;
    let mut client = PetnowClient::new(&gateway.base, "demo-key", String::new).policy(quick());

    let pet_id = client.create_pet("DOG", "Rex").await.unwrap();
    assert!(pet_id.starts_with("pet_"), "{pet_id}");
    let seen = gateway.seen(&Method::POST, "/v2/pets");
    assert_eq!(seen.len(), 2, "{:?}", client.log);
    assert!(
        seen[1] - seen[0] >= Duration::from_secs(1),
        "retried after {:?}",
        seen[1] - seen[0]
    );
    assert!(
        client.log[0]
            .contains("429 Too Many Requests, with a body not in the envelope (text/html)")
    );
    assert!(
        client.log[0].contains("(retry after 1 s)"),
        "{:?}",
        client.log
    );

    // Retry-After as an HTTP date: waited out too (to the second it names).
    let Err(Failure::Api(failure)) = client.pet("pet_legacy").await else {
        panic!("the legacy pet answers 500");
    };
    assert_eq!(failure.status(), 500);
    let seen = gateway.seen(&Method::GET, "/v2/pets/pet_legacy");
    assert_eq!(seen.len(), 2, "{:?}", client.log);
    assert!(
        seen[1] - seen[0] >= Duration::from_secs(1),
        "retried after {:?}",
        seen[1] - seen[0]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_503_is_retried_with_backoff_and_a_non_retryable_500_is_not() {
    let service = RunningService::start();
    let unavailable = || Fault {
        method: Method::POST,
        path: "/v2/pets",
        status: StatusCode::SERVICE_UNAVAILABLE,
        retry_after: None,
    };
    let gateway = Gateway::start(&service, vec![unavailable(), unavailable()]).await;
    let mut client = PetnowClient::new(&gateway.base, "demo-key", String::new).policy(quick());

    client.create_pet("CAT", "Luna").await.unwrap();
    let seen = gateway.seen(&Method::POST, "/v2/pets");
    assert_eq!(seen.len(), 3, "{:?}", client.log);
    // 100 ms, then 200 ms, each with up to 50 ms of jitter.
    assert!(seen[1] - seen[0] >= Duration::from_millis(100));
    assert!(seen[2] - seen[1] >= Duration::from_millis(200));

    let Err(Failure::Api(failure)) = client.pet("pet_legacy").await else {
        panic!("the legacy pet answers 500");
    };
    assert_eq!(failure.code().unwrap(), "PETNOWB2B30002");
    assert_eq!(failure.retry_advice(), RetryAdvice::Never);
    assert_eq!(gateway.seen(&Method::GET, "/v2/pets/pet_legacy").len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn three_attempts_then_the_failure() {
    let service = RunningService::start();
    let unavailable = || Fault {
        method: Method::GET,
        path: "/v2/pets/pet_legacy",
        status: StatusCode::BAD_GATEWAY,
        retry_after: None,
    };
    let faults = vec![unavailable(), unavailable(), unavailable(), unavailable()];
    let gateway = Gateway::start(&service, faults).await;
    let mut client = PetnowClient::new(&gateway.base, "demo-key", String::new).policy(quick());
    let Err(Failure::Api(failure)) = client.pet("pet_legacy").await else {
        panic!("every attempt answers 502");
    };
    assert_eq!(failure.status(), 502);
    assert_eq!(
        describe(&failure),
        ["HTTP 502 Bad Gateway from something between us and the API (text/html)"]
    );
    assert_eq!(gateway.seen(&Method::GET, "/v2/pets/pet_legacy").len(), 3);
}
