//! Compile-fail cases: one file per diagnostic in `ui/`, each with its `.stderr` snapshot.

use std::fs;
use std::path::Path;

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}

/// CONTRIBUTING.md's table of diagnostics lists every case with its message, as the snapshot
/// has it.
#[test]
fn contributing_lists_every_diagnostic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table = fs::read_to_string(root.join("../CONTRIBUTING.md")).unwrap();
    let mut cases = 0;
    for entry in fs::read_dir(root.join("ui")).unwrap() {
        let path = entry.unwrap().path();
        if path
            .extension()
            .is_none_or(|extension| extension != "stderr")
        {
            continue;
        }
        let name = path.file_stem().unwrap().to_str().unwrap();
        let snapshot = fs::read_to_string(&path).unwrap();
        let headline = snapshot
            .lines()
            .find(|line| line.starts_with("error"))
            .unwrap();
        let (code, message) = headline.split_once(": ").unwrap();
        let rustc = code
            .strip_prefix("error[")
            .map(|code| format!("rustc {}: ", code.trim_end_matches(']')));
        let row = format!(
            "| `{name}` | {}{} |",
            rustc.unwrap_or_default(),
            message.replace('|', "\\|")
        );
        assert!(table.contains(&row), "CONTRIBUTING.md lacks the row\n{row}");
        cases += 1;
    }
    assert!(cases >= 40, "only {cases} compile-fail cases");
}
