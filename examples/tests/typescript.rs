//! The TypeScript modules the seed catalogs export (`docs/errors/*.ts`, kept current by each
//! example's tests) compiled by the real TypeScript compiler with `--strict`, and a script
//! that uses the Petnow module run with node against the example service.
//!
//! `.ci/run` installs the compiler (a pinned `typescript` from the npm registry, into
//! `target/typescript`) and sets `API_ERROR_REQUIRE_TSC`; elsewhere, without the compiler
//! there, the test says so and passes. Install it the same way:
//! `npm install --prefix target/typescript --no-save typescript@5.9.3`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

#[path = "../support/service.rs"]
mod support;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The compiler: `$TSC`, or the one `.ci/run` installs.
fn tsc() -> Option<PathBuf> {
    let path = std::env::var_os("TSC").map_or_else(
        || repository().join("target/typescript/node_modules/.bin/tsc"),
        PathBuf::from,
    );
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("API_ERROR_REQUIRE_TSC").is_none(),
        "no TypeScript compiler at {}",
        path.display()
    );
    eprintln!("no TypeScript compiler at {}: not checked", path.display());
    None
}

#[test]
fn the_exported_modules_compile_strictly_and_read_the_service() {
    let Some(tsc) = tsc() else { return };
    let root = repository();
    let out = root.join("target/typescript-check");
    let mut modules: Vec<PathBuf> = std::fs::read_dir(root.join("docs/errors"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "ts"))
        .collect();
    modules.sort();
    assert!(modules.len() >= 5, "{modules:?}");
    let compiled = Command::new(&tsc)
        .args(["--strict", "--noUnusedLocals", "--noImplicitReturns"])
        .args([
            "--target",
            "es2022",
            "--lib",
            "es2022,dom",
            "--module",
            "commonjs",
        ])
        .arg("--rootDir")
        .arg(&root)
        .arg("--outDir")
        .arg(&out)
        .args(&modules)
        .arg(root.join("examples/typescript/check.ts"))
        .output()
        .unwrap();
    assert!(
        compiled.status.success(),
        "tsc --strict:\n{}{}",
        String::from_utf8_lossy(&compiled.stdout),
        String::from_utf8_lossy(&compiled.stderr)
    );

    let service = support::RunningService::start();
    let ran = Command::new("node")
        .arg(out.join("examples/typescript/check.js"))
        .arg(&service.base)
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&ran.stdout);
    assert!(
        ran.status.success(),
        "node: {printed}{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let lines: Vec<Value> = printed
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "{printed}");
    let expect = |line: &Value, status: u64, code: &str, name: &str, handled: &str, retry: &str| {
        assert_eq!(line["status"], status, "{line}");
        assert_eq!(line["guard"], true, "{line}");
        assert_eq!(line["code"], code, "{line}");
        assert_eq!(line["name"], name, "{line}");
        assert_eq!(line["handled"], handled, "{line}");
        assert_eq!(line["retry"], retry, "{line}");
    };
    expect(
        &lines[0],
        404,
        "PETNOWB2B20000",
        "NoSuchPetException",
        "Resource not found",
        "never",
    );
    expect(
        &lines[1],
        401,
        "PETNOWB2B10000",
        "InvalidApiKeyException",
        "Authentication error: Invalid API key",
        "reauthenticate",
    );
    expect(
        &lines[2],
        400,
        "PETNOWB2B10001",
        "ValidationError",
        "Validation error",
        "fix-request",
    );
    assert!(
        lines[2]["details"].to_string().contains("BIRD"),
        "{}",
        lines[2]
    );
    expect(
        &lines[3],
        500,
        "PETNOWB2B30002",
        "UnknownSpeciesException",
        "API error: PETNOWB2B30002 (UnknownSpeciesException)",
        "never",
    );
    // An unknown route: whatever the service answers, the catalog knows no error of it.
    assert_eq!(lines[4]["status"], 404, "{}", lines[4]);
    assert_eq!(lines[4]["name"], Value::Null, "{}", lines[4]);
    assert_eq!(lines[4]["retry"], "never", "{}", lines[4]);
}
