//! The log events of error responses (feature `tracing`), captured from an axum service
//! called over real HTTP: what a 5xx body hides from the client is in the event that carries
//! the request id the client saw, and nothing else leaks.

use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};

use api_error_core::axum::ErrorLayer;
use api_error_tests::http::{SECRET, SOURCE_SECRET};
use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use serde_json::Value;
use tracing::Level;

api_error_tests::face_http_error!();

async fn face(Path(id): Path<String>) -> Result<String, FaceError> {
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

/// Calls `path` on a fresh service and returns the status and the JSON body.
async fn call(path: &str) -> (u16, Value) {
    let app = Router::new()
        .route("/faces/{id}", get(face))
        .route("/panic", get(panics))
        .layer(ErrorLayer::<FaceError>::new());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let response = reqwest::get(format!("http://{address}{path}"))
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

/// One test, so that the global subscriber and the 4xx level are set once.
#[tokio::test]
async fn each_error_response_records_one_event_with_what_the_client_does_not_see() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(Level::TRACE)
        .with_ansi(false)
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();

    // A service without the layer is told so, once.
    for _ in 0..2 {
        let response = axum::response::IntoResponse::into_response(FaceError::InvalidApiKey);
        assert_eq!(response.status(), 401);
    }
    let warnings: Vec<String> = captured
        .lines()
        .into_iter()
        .filter(|line| line.contains(" WARN "))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(
        warnings[0].contains("outside its middleware"),
        "{warnings:#?}"
    );
    assert!(warnings[0].contains("axum::ErrorLayer::<test_axum_tracing::FaceError>::new()"));

    // A 5xx whose Display holds a secret: in the event, with the client's request id; not in
    // the body.
    let (status, body) = call("/faces/db").await;
    assert_eq!(status, 500);
    assert!(!body.to_string().contains("hunter2"));
    let id = body["request_id"].as_str().unwrap();
    let event = captured.event_of(id);
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
    assert!(event.contains(" ERROR "), "{event}");

    // A 4xx: at DEBUG, then at the level set.
    let (status, body) = call("/faces/f_1").await;
    assert_eq!(status, 404);
    let event = captured.event_of(body["request_id"].as_str().unwrap());
    assert!(event.contains(" DEBUG "), "{event}");
    assert!(event.contains("error.type=FACE_NOT_FOUND"), "{event}");
    api_error_core::logging::set_client_error_level(Level::INFO);
    let (_, body) = call("/faces/f_1").await;
    let event = captured.event_of(body["request_id"].as_str().unwrap());
    assert!(event.contains(" INFO "), "{event}");

    // An unknown route, answered by the layer.
    let (status, body) = call("/nowhere").await;
    assert_eq!(status, 404);
    let event = captured.event_of(body["request_id"].as_str().unwrap());
    assert!(event.contains("error.type=NO_SUCH_ENDPOINT"), "{event}");
    assert!(event.contains(r#"rejection="unknown_route""#), "{event}");
    assert!(!event.contains("exception.message"), "{event}");
}
