//! The examples are the `[[example]]` targets beside this file: `cargo run --example NAME`.
//!
//! This library holds what the examples share: printing each documented error with its body
//! (their `main`), and the checks their tests make of a catalog and of the bodies against the
//! seed document.

#![deny(missing_docs)]

use core::fmt::{Debug, Display};

use api_error_core::{ApiError, Catalog, CodeQuery, RequestContext};

// The variants' fields name what they hold (`pet_id`, `session_id`).
#[allow(missing_docs)]
#[path = "petnow_error.rs"]
pub mod petnow;

mod round_trip;
pub use round_trip::{assert_round_trips, assert_round_trips_in, shapes};

/// Pairs each error with an empty [`RequestContext`], for the examples whose documented bodies
/// carry no request facts (no request id, no timestamp).
pub fn with_empty_context<E>(errors: Vec<E>) -> Vec<(E, RequestContext<'static>)> {
    errors
        .into_iter()
        .map(|error| (error, RequestContext::new()))
        .collect()
}

/// Prints every error as an example's `main` does: a `CODE - Name (status)` line, then its
/// JSON body written in its context, then a blank line.
pub fn print_bodies<E: ApiError>(errors: &[(E, RequestContext<'_>)]) {
    for (error, context) in errors {
        print_heading(error);
        print_body(error.to_json_string(context));
    }
}

/// Prints every error as [`print_bodies`] does, with the body that `body` writes for the error
/// and what it is paired with (a [`Shape`](api_error_core::Shape), say).
///
/// # Errors
///
/// The first error `body` returns; the errors before it, and that error's heading line, are
/// printed by then.
pub fn print_bodies_with<E, T, B, Err>(
    errors: &[(E, T)],
    mut body: impl FnMut(&E, &T) -> Result<B, Err>,
) -> Result<(), Err>
where
    E: ApiError,
    B: Display,
{
    for (error, with) in errors {
        print_heading(error);
        print_body(body(error, with)?);
    }
    Ok(())
}

/// The `CODE - Name (status)` line of one error.
fn print_heading<E: ApiError>(error: &E) {
    let descriptor = error.descriptor();
    println!(
        "{} - {} ({})",
        descriptor.code(),
        descriptor.name(),
        error.status()
    );
}

/// One body, then a blank line.
fn print_body(body: impl Display) {
    println!("{body}\n");
}

/// Asserts that the errors' JSON bodies are the document's, byte for byte and in order: as many
/// errors as `expected` bodies, each error's body written in its context equal to its expected
/// body, and each error's content type `application/json`.
///
/// # Panics
///
/// On the first difference.
pub fn assert_json_bodies<E: ApiError>(errors: &[(E, RequestContext<'_>)], expected: &[&str]) {
    assert_eq!(errors.len(), expected.len(), "how many bodies");
    for (index, ((error, context), &body)) in errors.iter().zip(expected).enumerate() {
        assert_eq!(error.to_json_string(context), body, "body {index}");
        assert_eq!(error.content_type(), "application/json", "body {index}");
    }
}

/// Asserts that a catalog is the document's table, row for row: as many descriptors as `expected`
/// rows, and each descriptor's code, status and name equal to its row's `(code, status, name)`,
/// in order.
///
/// The codes are strings (`&str`) or integers (`i64`), as the catalog's are; a code matches as
/// [`Catalog::get`] matches it.
///
/// # Panics
///
/// On the first difference.
pub fn assert_catalog<C: CodeQuery + Debug + Copy>(catalog: Catalog, expected: &[(C, u16, &str)]) {
    assert_eq!(
        catalog.len(),
        expected.len(),
        "how many errors {} declares",
        catalog.name()
    );
    for (descriptor, &(code, status, name)) in catalog.iter().zip(expected) {
        assert!(
            code.matches_code(&descriptor.code()),
            "code {} where the table has {code:?}",
            descriptor.code()
        );
        assert_eq!(descriptor.status().as_u16(), status, "status of {code:?}");
        assert_eq!(descriptor.name(), name, "name of {code:?}");
    }
}

/// Asserts that a catalog's categories are the document's sections: every code a section lists
/// is in the catalog with the section's heading as its category, and the sections list as many
/// codes as the catalog has errors.
///
/// # Panics
///
/// On the first difference.
pub fn assert_sections(catalog: Catalog, sections: &[(&str, &[&str])]) {
    let mut sectioned = 0;
    for &(heading, codes) in sections {
        for &code in codes {
            let descriptor = catalog
                .get(code)
                .unwrap_or_else(|| panic!("{code} is not in {}", catalog.name()));
            assert_eq!(descriptor.category(), Some(heading), "{code}");
            sectioned += 1;
        }
    }
    assert_eq!(sectioned, catalog.len(), "how many codes the sections list");
}

/// Where an example's committed documentation lives: `docs/errors/<file>`.
pub fn docs_path(file: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs/errors")
        .join(file)
}

/// Checks that the committed page of example `name` is exactly `rendered`, so the docs in the
/// repository are always what the code renders now. With `API_ERROR_BLESS=1` in the
/// environment, writes the page instead.
///
/// # Panics
///
/// When the page differs, saying how to write it.
pub fn assert_committed_page(name: &str, rendered: &str) {
    api_error_core::committed::check(docs_path(&format!("{name}.md")), rendered).unwrap();
}

/// Checks that the committed TypeScript module of example `name`, `docs/errors/<name>.ts`, is
/// exactly `module` (`typescript::module::<E>()`); with `API_ERROR_BLESS=1`, writes it
/// instead. `examples/tests/typescript.rs` compiles every committed module with `tsc --strict`.
pub fn assert_committed_typescript(name: &str, module: &str) {
    let path = docs_path(&format!("{name}.ts"));
    if std::env::var_os("API_ERROR_BLESS").is_some() {
        std::fs::write(&path, module).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == module,
        "{} is not what the catalog exports now; run `API_ERROR_BLESS=1 cargo test -p api-error-examples` and commit it",
        path.display()
    );
}

/// Checks `catalog` against its committed snapshot `docs/errors/<name>.json`: no code may
/// disappear or change its status or name (new codes are fine). With `API_ERROR_BLESS=1`,
/// writes the current catalog as the new snapshot instead.
pub fn assert_stable_catalog(name: &str, catalog: Catalog) {
    let path = docs_path(&format!("{name}.json"));
    if std::env::var_os("API_ERROR_BLESS").is_some() {
        std::fs::write(&path, catalog.to_json_pretty() + "\n").unwrap();
        return;
    }
    let snapshot = std::fs::read_to_string(&path).unwrap_or_default();
    if let Err(breaks) = catalog.check_stable(&snapshot) {
        panic!("{breaks}\n(snapshot: {})", path.display());
    }
}

/// A JSON text as the document shows it, without the layout: every space, tab and line break
/// outside strings removed, and nothing else changed (member order, number forms and escapes
/// stay as the document writes them), so a body can be compared with it byte for byte.
pub fn without_layout(document: &str) -> String {
    let mut out = String::with_capacity(document.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in document.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_layout;

    #[test]
    fn layout_goes_and_strings_stay() {
        assert_eq!(
            without_layout("{\n  \"a b\": [1, 2],\n  \"c\\\" d\": \" x \"\n}"),
            r#"{"a b":[1,2],"c\" d":" x "}"#
        );
    }
}
