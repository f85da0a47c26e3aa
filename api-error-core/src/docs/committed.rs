//! Documentation files kept in the repository and checked against what the code renders, from
//! a test (feature `docs`).
//!
//! The catalog's Markdown page and OpenAPI document are output of the code, but a service's
//! repository is where readers look for them. A test renders them and calls [`check`]: it
//! passes while the committed files are what the code renders now, fails as soon as an error
//! changes without its documentation, and writes the files when run with `API_ERROR_BLESS=1`.
//! A binary-only service needs nothing else: no example target, no documentation binary.
//!
//! ```no_run
//! use api_error_core::{ApiError, committed, markdown::Page, openapi};
//!
//! #[derive(Debug, ApiError)]
//! #[api(envelope = "incident", code_case = "SCREAMING_SNAKE_CASE")]
//! pub enum OrderError {
//!     /// The order does not exist.
//!     #[api(status = 404, message = "order {order_id} does not exist")]
//!     NotFound { order_id: String },
//! }
//!
//! // In the service's own crate, `src/main.rs` included:
//! #[test]
//! fn error_docs_are_current() {
//!     let page = Page::new("Error Codes").render::<OrderError>();
//!     committed::check("docs/errors.md", &page).unwrap();
//!     let document = openapi::document::<OrderError>("Orders", "1.0.0");
//!     committed::check("docs/errors.openapi.json", &format!("{document:#}\n")).unwrap();
//! }
//! ```
//!
//! ```sh
//! API_ERROR_BLESS=1 cargo test error_docs   # writes docs/errors.md and docs/errors.openapi.json
//! cargo test                                # fails while they differ from what the code renders
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

/// The environment variable that makes [`check`] write the files instead of checking them.
pub const BLESS: &str = "API_ERROR_BLESS";

/// Checks that the file at `path` holds exactly `contents`; with `API_ERROR_BLESS` set in the
/// environment (to anything but `0`), writes `contents` there instead, creating its folder.
///
/// A relative `path` is relative to the current directory, which `cargo test` sets to the
/// package's root.
///
/// # Errors
///
/// When the file does not exist or differs from `contents` (the error says where, and how to
/// write it), or cannot be read or written. Its `Debug` is its message, so `unwrap()` in a test
/// reads well.
///
/// ```
/// use api_error_core::committed;
///
/// # if std::env::var_os("API_ERROR_BLESS").is_some() { return; }
/// let path = std::env::temp_dir().join(format!("committed-{}.md", std::process::id()));
/// std::fs::write(&path, "# Error Codes\n\nold text\n").unwrap();
///
/// let stale = committed::check(&path, "# Error Codes\n\nnew text\n").unwrap_err();
/// assert!(stale.to_string().ends_with(
///     "differs from what the code renders now, first at line 3; run the test with \
///      API_ERROR_BLESS=1 to write it, and commit it"
/// ));
///
/// std::fs::write(&path, "# Error Codes\n\nnew text\n").unwrap();
/// assert!(committed::check(&path, "# Error Codes\n\nnew text\n").is_ok());
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn check(path: impl AsRef<Path>, contents: &str) -> Result<(), Stale> {
    let bless = std::env::var_os(BLESS).is_some_and(|value| value != "0");
    check_or_write(path.as_ref(), contents, bless)
}

fn check_or_write(path: &Path, contents: &str, bless: bool) -> Result<(), Stale> {
    let fail = |problem| {
        Err(Stale {
            path: path.to_owned(),
            problem,
        })
    };
    if bless {
        let written = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => std::fs::create_dir_all(folder),
            _ => Ok(()),
        }
        .and_then(|()| std::fs::write(path, contents));
        return match written {
            Ok(()) => Ok(()),
            Err(error) => fail(Problem::Io(error)),
        };
    }
    match std::fs::read_to_string(path) {
        Ok(committed) if committed == contents => Ok(()),
        Ok(committed) => fail(Problem::Differs {
            line: first_difference(&committed, contents),
        }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => fail(Problem::Missing),
        Err(error) => fail(Problem::Io(error)),
    }
}

/// The first line (from 1) where two texts differ.
fn first_difference(committed: &str, rendered: &str) -> usize {
    let mut committed_lines = committed.split('\n');
    let mut rendered_lines = rendered.split('\n');
    let mut line = 1;
    while committed_lines.next() == rendered_lines.next() {
        line += 1;
    }
    line
}

/// A committed documentation file that is not what the code renders now; see [`check`].
pub struct Stale {
    path: PathBuf,
    problem: Problem,
}

enum Problem {
    Missing,
    Differs { line: usize },
    Io(std::io::Error),
}

impl Stale {
    /// The file's path, as given to [`check`].
    ///
    /// ```
    /// # if std::env::var_os("API_ERROR_BLESS").is_some() { return; }
    /// let stale = api_error_core::committed::check("no/such/errors.md", "# Errors\n").unwrap_err();
    /// assert_eq!(stale.path(), std::path::Path::new("no/such/errors.md"));
    /// ```
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl fmt::Display for Stale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.problem {
            Problem::Missing => write!(
                f,
                "{path} does not exist; run the test with {BLESS}=1 to write it, and commit it"
            ),
            Problem::Differs { line } => write!(
                f,
                "{path} differs from what the code renders now, first at line {line}; run the \
                 test with {BLESS}=1 to write it, and commit it"
            ),
            Problem::Io(error) => write!(f, "{path}: {error}"),
        }
    }
}

// Its message, so that `check(..).unwrap()` in a test says what to do.
impl fmt::Debug for Stale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Stale {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.problem {
            Problem::Io(error) => Some(error),
            Problem::Missing | Problem::Differs { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_when_blessed_then_checks() {
        let folder =
            std::env::temp_dir().join(format!("api-error-committed-{}", std::process::id()));
        let path = folder.join("docs/errors.md");
        let missing = check_or_write(&path, "one\ntwo\n", false).unwrap_err();
        assert!(missing.to_string().ends_with(
            "does not exist; run the test with API_ERROR_BLESS=1 to write it, and commit it"
        ));
        check_or_write(&path, "one\ntwo\n", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one\ntwo\n");
        check_or_write(&path, "one\ntwo\n", false).unwrap();
        let stale = check_or_write(&path, "one\n2\n", false).unwrap_err();
        assert!(
            format!("{stale:?}").contains("first at line 2;"),
            "{stale:?}"
        );
        let longer = check_or_write(&path, "one\ntwo\nthree\n", false).unwrap_err();
        assert!(longer.to_string().contains("first at line 3;"), "{longer}");
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
