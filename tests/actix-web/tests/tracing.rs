//! The log events of error responses (feature `tracing`), captured from an actix-web service
//! called over real HTTP: what a 5xx body hides from the client is in the event that carries
//! the request id the client saw.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};

use actix_web::{App, HttpServer, web};
use api_error_actix_web_tests::FaceError;
use api_error_tests::http::{SECRET, SOURCE_SECRET};
use serde_json::Value;
use tracing::Level;

async fn face(id: web::Path<String>) -> Result<String, FaceError> {
    Err(FaceError::for_id(&id))
}

async fn panics() -> Result<String, FaceError> {
    panic!("lost the connection to {SECRET}");
}

/// Everything the subscriber wrote, shared with the test.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn lines(&self) -> Vec<String> {
        let bytes = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        String::from_utf8_lossy(&bytes)
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// The one event line that names this request id.
    fn event_of(&self, request_id: &str) -> String {
        let lines: Vec<String> = self
            .lines()
            .into_iter()
            .filter(|line| line.contains(request_id))
            .collect();
        assert_eq!(lines.len(), 1, "{lines:#?}");
        lines.into_iter().next().unwrap_or_default()
    }
}

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut captured = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        captured.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn serve() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let server = HttpServer::new(|| {
        App::new()
            .wrap(api_error_core::actix_middleware!(FaceError))
            .route("/faces/{id}", web::get().to(face))
            .route("/panic", web::get().to(panics))
    })
    .workers(1)
    .disable_signals()
    .listen(listener)
    .unwrap()
    .run();
    actix_web::rt::spawn(server);
    address
}

async fn call(path: &str) -> (u16, Value) {
    let response = reqwest::get(format!("http://{}{path}", serve()))
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

/// One test, so that the global subscriber is set once.
#[actix_web::test]
async fn each_error_response_records_one_event_with_what_the_client_does_not_see() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(Level::TRACE)
        .with_ansi(false)
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();

    // A 5xx whose Display holds a secret: in the event, with the client's request id; not in
    // the body.
    let (status, body) = call("/faces/db").await;
    assert_eq!(status, 500);
    assert!(!body.to_string().contains("hunter2"));
    let event = captured.event_of(body["request_id"].as_str().unwrap());
    assert!(event.contains(" ERROR "), "{event}");
    assert!(event.contains(SECRET), "{event}");
    assert!(event.contains("error.type=DATABASE"), "{event}");
    assert!(event.contains("http.response.status_code=500"), "{event}");
    assert!(event.contains(r#"http.route="/faces/{id}""#), "{event}");

    // The whole source chain of a 5xx.
    let (status, body) = call("/faces/storage").await;
    assert_eq!(status, 500);
    assert!(!body.to_string().contains(SOURCE_SECRET));
    let event = captured.event_of(body["request_id"].as_str().unwrap());
    assert!(
        event.contains("exception.message=storage failed"),
        "{event}"
    );
    assert!(event.contains(SOURCE_SECRET), "{event}");

    // A panic's message.
    let (status, body) = call("/panic").await;
    assert_eq!(status, 500);
    assert!(!body.to_string().contains("hunter2"));
    let event = captured.event_of(body["request_id"].as_str().unwrap());
    assert!(event.contains(SECRET), "{event}");

    // A 4xx at DEBUG, and an unknown route answered by the middleware.
    let (status, body) = call("/faces/f_1").await;
    assert_eq!(status, 404);
    let event = captured.event_of(body["request_id"].as_str().unwrap());
    assert!(event.contains(" DEBUG "), "{event}");
    let (status, body) = call("/nowhere").await;
    assert_eq!(status, 404);
    let event = captured.event_of(body["request_id"].as_str().unwrap());
    assert!(event.contains("error.type=NO_SUCH_ENDPOINT"), "{event}");
}
