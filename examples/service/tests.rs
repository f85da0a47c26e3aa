//! The service on 127.0.0.1, called over HTTP: every error path's status, headers and exact
//! body, then a bounded concurrent load.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use reqwest::header::HeaderMap;
use reqwest::{Client, Method};
use serde_json::{Value, json};

use super::router;

/// A running service and a client for it.
struct Service {
    base: String,
    client: Client,
}

/// One response: status, headers and body text.
struct Reply {
    status: u16,
    headers: HeaderMap,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }

    /// Asserts a Petnow error response: its status, the JSON content type, a request id, and
    /// exactly the document's body for `code`.
    fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.header("content-type"), Some("application/json"));
        assert!(self.header("x-request-id").is_some_and(|id| id.len() == 36));
        assert_eq!(self.body, format!(r#"{{"errors":[{{"code":"{code}"}}]}}"#));
    }
}

impl Service {
    async fn start() -> Service {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, router()).await });
        Service {
            base: format!("http://{address}"),
            client: Client::new(),
        }
    }

    async fn send(&self, method: Method, path: &str, body: Option<&str>, key: bool) -> Reply {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if key {
            request = request.header("x-petnow-api-key", super::API_KEY);
        }
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(body.to_owned());
        }
        let response = request.send().await.unwrap();
        Reply {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.unwrap(),
        }
    }

    async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, None, true).await
    }

    async fn post(&self, path: &str, body: Value) -> Reply {
        self.send(Method::POST, path, Some(&body.to_string()), true)
            .await
    }

    /// A member of a successful response's JSON body.
    async fn created(&self, path: &str, body: Value, member: &str) -> String {
        let reply = self.post(path, body).await;
        assert!(reply.status < 300, "{}: {}", reply.status, reply.body);
        reply.json()[member].as_str().unwrap().to_owned()
    }

    async fn pet(&self, species: &str) -> String {
        let body = json!({ "species": species, "name": "Coco" });
        self.created("/v2/pets", body, "petId").await
    }

    async fn session(&self, purpose: &str, species: &str, pet_id: Option<&str>) -> String {
        let body = json!({ "purpose": purpose, "species": species, "petId": pet_id });
        self.created("/v2/capture-sessions", body, "sessionId")
            .await
    }

    async fn finished_session(&self, purpose: &str, species: &str, pet_id: Option<&str>) -> String {
        let session = self.session(purpose, species, pet_id).await;
        let path = format!("/v2/capture-sessions/{session}/appearance");
        assert_eq!(self.post(&path, json!({})).await.status, 204);
        session
    }
}

#[tokio::test]
async fn authentication_and_validation_errors() {
    let service = Service::start().await;

    let reply = service
        .send(Method::GET, "/v2/pets/pet_1", None, false)
        .await;
    reply.assert_error(401, "PETNOWB2B10000");

    // A body that is not JSON: the document's validation error, in its envelope.
    let reply = service
        .send(Method::POST, "/v2/pets", Some("{not json"), true)
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(
        reply.json(),
        json!({"errors": [{"code": "PETNOWB2B10001", "details": {"request": ["key must be a string"]}}]})
    );

    // A species other than DOG or CAT, the document's own example of a validation error: the
    // details name the field, as the document's do.
    let reply = service
        .post("/v2/pets", json!({ "species": "BIRD", "name": "Tweety" }))
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json(),
        json!({"errors": [{"code": "PETNOWB2B10001", "details": {
            "species": ["unknown variant `BIRD`, expected `DOG` or `CAT`"]
        }}]})
    );

    // A missing field.
    let reply = service
        .post("/v2/capture-sessions", json!({ "species": "DOG" }))
        .await;
    assert_eq!(
        reply.json(),
        json!({"errors": [{"code": "PETNOWB2B10001", "details": {"purpose": ["missing field `purpose`"]}}]})
    );

    // No content type.
    let reply = service.send(Method::POST, "/v2/pets", None, true).await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["errors"][0]["code"], "PETNOWB2B10001");
}

#[tokio::test]
async fn pet_and_plan_errors() {
    let service = Service::start().await;
    service
        .get("/v2/pets/pet_404")
        .await
        .assert_error(404, "PETNOWB2B20000");
    service
        .get("/v2/pets/pet_legacy")
        .await
        .assert_error(500, "PETNOWB2B30002");

    for _ in 0..super::DEMO_PLAN_PETS {
        service.pet("DOG").await;
    }
    let reply = service
        .post("/v2/pets", json!({ "species": "CAT", "name": "Nabi" }))
        .await;
    reply.assert_error(402, "PETNOWB2B10005");
}

#[tokio::test]
async fn capture_session_errors() {
    let service = Service::start().await;
    let dog = service.pet("DOG").await;
    let cat = service.pet("CAT").await;

    let reply = service
        .post(
            "/v2/capture-sessions",
            json!({ "purpose": "PET_VERIFICATION", "species": "DOG" }),
        )
        .await;
    reply.assert_error(400, "PETNOWB2B20011");

    let path = "/v2/capture-sessions/session_404/appearance";
    service
        .post(path, json!({}))
        .await
        .assert_error(404, "PETNOWB2B20010");

    let fingerprints = format!("/v2/pets/{dog}/fingerprints");
    let unfinished = service
        .session("PET_PROFILE_REGISTRATION", "DOG", Some(&dog))
        .await;
    let reply = service
        .post(&fingerprints, json!({ "sessionId": unfinished }))
        .await;
    reply.assert_error(400, "PETNOWB2B20012");

    let wrong_purpose = service
        .finished_session("PET_IDENTIFICATION", "DOG", None)
        .await;
    let reply = service
        .post(&fingerprints, json!({ "sessionId": wrong_purpose }))
        .await;
    reply.assert_error(400, "PETNOWB2B20013");

    let cat_session = service
        .finished_session("PET_PROFILE_REGISTRATION", "CAT", Some(&cat))
        .await;
    let reply = service
        .post(&fingerprints, json!({ "sessionId": cat_session }))
        .await;
    reply.assert_error(400, "PETNOWB2B20015");
    // The mismatch used the session up.
    let reply = service
        .post(&fingerprints, json!({ "sessionId": cat_session }))
        .await;
    reply.assert_error(400, "PETNOWB2B20014");

    let reply = service
        .post(&fingerprints, json!({ "sessionId": "session_404" }))
        .await;
    reply.assert_error(404, "PETNOWB2B20010");
}

#[tokio::test]
async fn fingerprint_and_job_errors() {
    let service = Service::start().await;
    let dog = service.pet("DOG").await;

    let verification = service
        .finished_session("PET_VERIFICATION", "DOG", Some(&dog))
        .await;
    let reply = service
        .post(
            &format!("/v2/pets/{dog}/verifications"),
            json!({ "sessionId": verification }),
        )
        .await;
    reply.assert_error(400, "PETNOWB2B20009");

    let fingerprints = format!("/v2/pets/{dog}/fingerprints");
    let first = service
        .finished_session("PET_PROFILE_REGISTRATION", "DOG", Some(&dog))
        .await;
    let job = service
        .created(&fingerprints, json!({ "sessionId": first }), "jobId")
        .await;
    let second = service
        .finished_session("PET_PROFILE_REGISTRATION", "DOG", Some(&dog))
        .await;
    let reply = service
        .post(&fingerprints, json!({ "sessionId": second }))
        .await;
    reply.assert_error(400, "PETNOWB2B20007");

    // Polling completes the job; the pet can then be verified.
    let reply = service
        .get(&format!("/v2/fingerprint-addition-jobs/{job}"))
        .await;
    assert_eq!(reply.json()["status"], "COMPLETED");
    let verification = service
        .created(
            &format!("/v2/pets/{dog}/verifications"),
            json!({ "sessionId": verification }),
            "jobId",
        )
        .await;
    let reply = service
        .get(&format!("/v2/verification-jobs/{verification}"))
        .await;
    assert_eq!(reply.status, 200);

    for (path, code) in [
        ("/v2/fingerprint-addition-jobs/job_404", "PETNOWB2B20004"),
        ("/v2/verification-jobs/job_404", "PETNOWB2B20005"),
        ("/v2/identification-jobs/job_404", "PETNOWB2B20006"),
    ] {
        service.get(path).await.assert_error(404, code);
    }

    let identification = service
        .finished_session("PET_IDENTIFICATION", "DOG", None)
        .await;
    let reply = service
        .post(
            "/v2/identifications",
            json!({ "sessionId": identification, "searchPool": "shelters" }),
        )
        .await;
    reply.assert_error(404, "PETNOWB2B20016");

    let reply = service
        .post(
            &format!("/v1/pets/{dog}/fingerprints"),
            json!({ "fingerprintUuids": ["session_1:1", "session_2:1"] }),
        )
        .await;
    reply.assert_error(400, "PETNOWB2B20017");
}

#[tokio::test]
async fn unknown_routes_and_wrong_methods_answer_in_the_envelope() {
    let service = Service::start().await;
    // The document has no error for these: the generic code of the status.
    service
        .get("/v2/animals")
        .await
        .assert_error(404, "NOT_FOUND");
    let reply = service
        .send(Method::DELETE, "/v2/pets/pet_1", None, true)
        .await;
    reply.assert_error(405, "METHOD_NOT_ALLOWED");
    assert_eq!(reply.header("allow"), Some("GET,HEAD"));
}

#[tokio::test]
async fn a_client_request_id_comes_back() {
    let service = Service::start().await;
    let response = service
        .client
        .get(format!("{}/v2/pets/pet_404", service.base))
        .header("x-petnow-api-key", super::API_KEY)
        .header("x-request-id", "trace-7f3a")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["x-request-id"], "trace-7f3a");
}

/// The requests of the load: a path and, for each, the code its answer must carry.
const LOAD_CASES: [(&str, &str); 4] = [
    ("/v2/pets/pet_404", "PETNOWB2B20000"),
    ("/v2/pets/pet_legacy", "PETNOWB2B30002"),
    ("/v2/verification-jobs/job_404", "PETNOWB2B20005"),
    (
        "/v2/capture-sessions/session_404/appearance",
        "PETNOWB2B20010",
    ),
];
const LOAD_REQUESTS: usize = 10_000;
const LOAD_IN_FLIGHT: usize = 64;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bounded_concurrent_load_keeps_every_answer_with_its_request() {
    let service = Arc::new(Service::start().await);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..LOAD_IN_FLIGHT)
        .map(|_| {
            let service = Arc::clone(&service);
            let next = Arc::clone(&next);
            tokio::spawn(async move {
                let mut answered = 0;
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= LOAD_REQUESTS {
                        return answered;
                    }
                    let (path, code) = LOAD_CASES[index % LOAD_CASES.len()];
                    let method = if path.ends_with("appearance") {
                        Method::POST
                    } else {
                        Method::GET
                    };
                    let id = format!("load-{index}");
                    let response = service
                        .client
                        .request(method, format!("{}{path}", service.base))
                        .header("x-petnow-api-key", super::API_KEY)
                        .header("x-request-id", &id)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(response.headers()["x-request-id"], id.as_str());
                    let body = response.text().await.unwrap();
                    assert_eq!(
                        body,
                        format!(r#"{{"errors":[{{"code":"{code}"}}]}}"#),
                        "{id}"
                    );
                    answered += 1;
                }
            })
        })
        .collect();
    let mut answered = 0;
    for worker in workers {
        answered += worker.await.unwrap();
    }
    let elapsed = started.elapsed();
    assert_eq!(answered, LOAD_REQUESTS);
    println!(
        "{LOAD_REQUESTS} requests, {LOAD_IN_FLIGHT} in flight: {:.2} s, {:.0} requests/s",
        elapsed.as_secs_f64(),
        LOAD_REQUESTS as f64 / elapsed.as_secs_f64()
    );
}
