//! `cargo doc` of the core crate and of a crate using the derive: the crate page, the attribute
//! reference, the feature list, and the catalog on a derived type's own page.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The documentation of the core crate and of this package's library, built once for every
/// test here, with every feature, as docs.rs builds it.
fn docs() -> &'static Path {
    static DOCS: OnceLock<PathBuf> = OnceLock::new();
    DOCS.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        // A target directory of its own: the one running this test is locked by it.
        let target = manifest.join("../target/rustdoc-test");
        let status = Command::new(env!("CARGO"))
            .args([
                "doc",
                "--offline",
                "--no-deps",
                "--lib",
                "--all-features",
                "-p",
                "api-error-core",
                "-p",
                "api-error-tests",
            ])
            .env("CARGO_TARGET_DIR", &target)
            .env_remove("RUSTDOCFLAGS")
            .current_dir(manifest)
            .status()
            .unwrap();
        assert!(status.success(), "cargo doc failed");
        target.join("doc")
    })
}

fn page(path: &str) -> String {
    std::fs::read_to_string(docs().join(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn the_type_page_lists_the_catalog() {
    let page = page("api_error_tests/enum.DocumentedError.html");
    let rows = [
        "<tr><th>Code</th><th>HTTP status</th><th>Name</th><th>Message</th><th>Category</th><th>Retryable</th><th>Headers</th></tr>",
        "<td><code>UNAUTHORIZED</code></td><td>401 Unauthorized</td><td>Unauthorized</td><td>Unauthorized</td><td>Authentication</td><td>after re-auth</td><td><code>www-authenticate: Bearer realm=\"api\"</code></td>",
        "<td><code>NOT_FOUND</code></td><td>404 Not Found</td><td>NotFound</td><td>Not found: Incident {id} not found</td><td></td><td>no</td><td></td>",
        "<td><code>RATE_LIMIT_EXCEEDED</code></td><td>429 Too Many Requests</td><td>RateLimited</td><td>Rate limit exceeded</td><td></td><td>yes, with backoff</td><td><code>retry-after: 60</code></td>",
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

    // A type with a transparent variant names the type it wraps, linked to its page.
    let page = self::page("api_error_tests/enum.WrappingError.html");
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

#[test]
fn the_crate_page_links_the_reference_and_lists_every_feature() {
    let page = page("api_error_core/index.html");
    assert!(
        page.contains(r#"<a href="derive.ApiError.html" title="derive api_error_core::ApiError">the attribute reference</a>"#),
        "no link to the attribute reference"
    );
    let manifest = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../api-error-core/Cargo.toml"),
    )
    .unwrap();
    let features = manifest
        .split("[features]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .unwrap();
    let mut listed = 0;
    for line in features.lines() {
        let Some((name, _)) = line.split_once(" = ") else {
            continue;
        };
        if name == "default" || name.starts_with('#') {
            continue;
        }
        assert!(
            page.contains(&format!("<strong><code>{name}</code></strong>")),
            "the feature list lacks `{name}`"
        );
        listed += 1;
    }
    assert!(listed >= 5, "only {listed} features in Cargo.toml");
}

#[test]
fn the_derive_page_is_the_attribute_reference() {
    let page = page("api_error_core/derive.ApiError.html");
    for section in [
        "On the enum",
        "On a variant",
        "On a field",
        "On a struct",
        "Messages",
    ] {
        assert!(
            page.contains(&format!("</a>{section}</h2>")),
            "no section {section}"
        );
    }
    // Every key the derive reads, from its own list of them.
    let keys = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../api-error-derive/src/attr.rs"),
    )
    .unwrap();
    let keys = keys
        .split("pub(crate) const KEYS: &[(&str, Home)] = &[")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .unwrap();
    let mut documented = 0;
    for key in keys.split('"').skip(1).step_by(2) {
        assert!(
            page.contains(&format!("<tr><td><code>{key}</code></td>")),
            "the attribute reference has no row for `{key}`"
        );
        documented += 1;
    }
    assert!(documented >= 20, "only {documented} keys");
    assert!(
        !page.contains("See the"),
        "the derive crate's own note leaks into the page"
    );
}

#[test]
fn the_envelopes_page_names_every_builtin_and_its_source() {
    let page = page("api_error_core/envelopes/index.html");
    for (name, constant) in [
        ("problem", "PROBLEM"),
        ("petnow", "PETNOW"),
        ("tennis_registry", "TENNIS_REGISTRY"),
        ("oz", "OZ"),
        ("face", "FACE"),
        ("incident", "INCIDENT"),
    ] {
        assert!(
            page.contains(&format!(
                "<td><code>\"{name}\"</code></td><td><a href=\"constant.{constant}.html\""
            )),
            "no row for {name}"
        );
    }
    assert!(page.contains("RFC 9457") && page.contains("Petnow"));
}

#[test]
fn the_trait_page_shows_only_what_users_call() {
    let page = page("api_error_core/trait.ApiError.html");
    for method in ["status", "code", "message", "write_body", "to_response"] {
        assert!(
            page.contains(&format!("id=\"method.{method}\"")),
            "no {method}"
        );
    }
    for method in [
        "from_rejection",
        "body_schema",
        "body_content_type",
        "write_descriptor_body",
    ] {
        assert!(!page.contains(method), "{method} is on the trait's page");
    }
}
