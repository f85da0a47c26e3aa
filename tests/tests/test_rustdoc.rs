//! `cargo doc` shows the catalog on the enum's own page.

use std::path::Path;
use std::process::Command;

#[test]
fn the_type_page_lists_the_catalog() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    // A target directory of its own: the one running this test is locked by it.
    let target = manifest.join("../target/rustdoc-test");
    let status = Command::new(env!("CARGO"))
        .args([
            "doc",
            "--offline",
            "--no-deps",
            "--lib",
            "-p",
            "api-error-tests",
        ])
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTDOCFLAGS")
        .current_dir(manifest)
        .status()
        .unwrap();
    assert!(status.success(), "cargo doc failed");
    let page =
        std::fs::read_to_string(target.join("doc/api_error_tests/enum.DocumentedError.html"))
            .unwrap();
    let rows = [
        "<tr><th>Code</th><th>HTTP status</th><th>Name</th><th>Message</th><th>Category</th><th>Retryable</th><th>Headers</th></tr>",
        "<td><code>UNAUTHORIZED</code></td><td>401 Unauthorized</td><td>Unauthorized</td><td>Unauthorized</td><td>Authentication</td><td>after re-authenticating</td><td><code>www-authenticate: Bearer realm=\"api\"</code></td>",
        "<td><code>NOT_FOUND</code></td><td>404 Not Found</td><td>NotFound</td><td>Not found: Incident {id} not found</td><td></td><td>no</td><td></td>",
        "<td><code>RATE_LIMIT_EXCEEDED</code></td><td>429 Too Many Requests</td><td>RateLimited</td><td>Rate limit exceeded</td><td></td><td>yes</td><td><code>retry-after: 60</code></td>",
    ];
    for row in rows {
        assert!(page.contains(row), "the page lacks the row {row}");
    }
    // The inherent constant's signature: its type, and no path to how its value is made.
    let signature = page
        .split("id=\"associatedconstant.CATALOG\"")
        .nth(1)
        .and_then(|rest| rest.split("</h4>").next())
        .expect("no inherent CATALOG");
    let text = without_tags(signature);
    assert!(text.ends_with("pub const CATALOG: Catalog"), "{text}");
    assert!(!page.contains("__private"), "a private path on the page");
    for variant in ["Unauthorized", "NotFound", "RateLimited"] {
        assert!(
            page.contains(&format!("enum.DocumentedError.html#variant.{variant}\"")),
            "no link to {variant}"
        );
    }
    assert!(
        page.contains("status 404, code <code>NOT_FOUND</code>"),
        "no per-variant status and code"
    );
}

/// The text of some HTML, without its tags.
fn without_tags(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.trim().to_owned()
}
