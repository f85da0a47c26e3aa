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
        "<td><code>UNAUTHORIZED</code></td><td>401 Unauthorized</td><td>Unauthorized</td><td>Unauthorized</td><td>after re-auth</td>",
        "<td><code>NOT_FOUND</code></td><td>404 Not Found</td><td>NotFound</td><td>Not found: Incident {id} not found</td><td></td>",
        "<td><code>RATE_LIMIT_EXCEEDED</code></td><td>429 Too Many Requests</td><td>RateLimited</td><td>Rate limit exceeded</td><td>yes, with backoff</td>",
    ];
    for row in rows {
        assert!(page.contains(row), "the page lacks the row {row}");
    }
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

    // A type with a transparent variant names the type it wraps, linked to its page.
    let page = std::fs::read_to_string(target.join("doc/api_error_tests/enum.WrappingError.html"))
        .unwrap();
    assert!(
        page.contains("<td><code>MALFORMED</code></td><td>400 Bad Request</td>"),
        "the page lacks its own error"
    );
    assert!(
        page.contains("enum.WrappingError.html#variant.Documented\"")
            && page.contains("enum.DocumentedError.html\"")
            && page.contains("the errors of <a href"),
        "the page does not name the wrapped type"
    );
}
