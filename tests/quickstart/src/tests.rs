//! The quick start as a user runs it: served on 127.0.0.1 and called over HTTP, its error
//! documentation kept from a test, and its code still the README's, word for word.

use std::path::Path;

use api_error_core::committed;
use api_error_core::markdown::Page;

use super::{OrderError, app};

/// The README's quick start: its fenced blocks, as (language, text) pairs.
fn readme_quick_start() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(root().join("../../README.md")).unwrap();
    let section = readme
        .split("\n## Quick start\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the README has no quick start");
    fenced_blocks(section)
}

fn fenced_blocks(text: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(language) = line.strip_prefix("```") else {
            continue;
        };
        let body: Vec<&str> = lines.by_ref().take_while(|line| *line != "```").collect();
        blocks.push((language.to_owned(), body.join("\n") + "\n"));
    }
    blocks
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn this_package_is_the_readme_quick_start() {
    let blocks = readme_quick_start();
    let block = |language: &str| {
        blocks
            .iter()
            .find(|(tag, _)| tag.split(',').next() == Some(language))
            .map(|(_, text)| text.as_str())
            .unwrap_or_else(|| panic!("the quick start has no {language} block"))
    };
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains(block("toml")),
        "Cargo.toml lacks the quick start's dependency lines:\n{}",
        block("toml")
    );
    let main = std::fs::read_to_string(root().join("src/main.rs")).unwrap();
    assert_eq!(
        main,
        format!("{}\n#[cfg(test)]\nmod tests;\n", block("rust")),
        "src/main.rs is not the quick start's code"
    );
    // The bodies the README shows are the ones `served_errors_are_problem_details` gets.
    let shown = block("console");
    for body in [NOT_FOUND, REJECTED] {
        assert!(shown.contains(body), "the README does not show {body}");
    }
}

#[test]
fn the_documentation_section_gives_these_dev_dependencies() {
    let readme = std::fs::read_to_string(root().join("../../README.md")).unwrap();
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let dev = fenced_blocks(&readme)
        .into_iter()
        .find(|(language, text)| language == "toml" && text.starts_with("[dev-dependencies]"))
        .expect("the README gives no [dev-dependencies]");
    assert!(manifest.contains(&dev.1), "Cargo.toml lacks\n{}", dev.1);
}

const NOT_FOUND: &str = r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"order 42 does not exist","code":"ORDER_NOT_FOUND"}"#;
const REJECTED: &str = r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"the request is not valid","code":"BAD_REQUEST"}"#;

#[tokio::test]
async fn served_errors_are_problem_details() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app()).await });
    let client = reqwest::Client::new();
    for (path, status, body) in [
        ("/orders/42", 404, NOT_FOUND),
        ("/orders/abc", 400, REJECTED),
    ] {
        let response = client
            .get(format!("http://{address}{path}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{path}");
        let headers = response.headers();
        assert_eq!(
            headers["content-type"], "application/problem+json",
            "{path}"
        );
        let id = headers["x-request-id"].to_str().unwrap();
        assert_eq!(id.len(), 36, "{path}: a UUID request id, not {id}");
        assert_eq!(response.text().await.unwrap(), body, "{path}");
    }
}

/// The error documentation of this binary-only service, committed beside it and kept current
/// by this test (`API_ERROR_BLESS=1 cargo test -p api-error-quickstart` rewrites it).
#[test]
fn error_docs_are_current() {
    let page = Page::new("Error Codes").render::<OrderError>();
    committed::check("docs/errors.md", &page).unwrap();
    assert_eq!(OrderError::CATALOG.len(), 3);
}
