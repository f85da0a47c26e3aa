//! Catalog stability: codes are a contract, so a release must not take one away or change what
//! it means.

use core::fmt;

use serde_json::Value;

use crate::Catalog;

/// What changed between a committed catalog snapshot and the catalog now, that clients would
/// notice.
///
/// A code may be added. It may not disappear, change its HTTP status, or change its name, which
/// is what the code means; messages and descriptions may be reworded.
///
/// ```
/// use api_error_core::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum Before {
///     #[api(code = "GONE", status = 410)] Gone,
///     #[api(code = "NOT_FOUND", status = 404)] NotFound,
/// }
///
/// #[derive(Debug, ApiError)]
/// enum After {
///     #[api(code = "NOT_FOUND", status = 400)] NotFound,
///     #[api(code = "NEW", status = 409)] New,
/// }
///
/// let snapshot = Before::CATALOG.to_json();
/// let breaks = After::CATALOG.check_stable(&snapshot).unwrap_err();
/// assert_eq!(
///     breaks.to_string(),
///     "the catalog of `After` breaks its snapshot:\n\
///      - code `GONE` (Gone) was removed\n\
///      - code `NOT_FOUND` changed its status from 404 to 400"
/// );
/// assert!(Before::CATALOG.check_stable(&snapshot).is_ok());
/// assert!(After::CATALOG.check_stable(&After::CATALOG.to_json()).is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breaks {
    catalog: &'static str,
    changes: Vec<String>,
}

impl Breaks {
    /// Each incompatible change, one sentence each.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum E { #[api(code = 1, status = 400)] A }
    /// let breaks = E::CATALOG.check_stable("not json").unwrap_err();
    /// assert_eq!(breaks.changes().len(), 1);
    /// ```
    pub fn changes(&self) -> &[String] {
        &self.changes
    }
}

impl fmt::Display for Breaks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the catalog of `{}` breaks its snapshot:", self.catalog)?;
        for change in &self.changes {
            write!(f, "\n- {change}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Breaks {}

impl Catalog {
    /// Compares the catalog with a snapshot written earlier by [`Catalog::to_json`] (or
    /// [`Catalog::to_json_pretty`]): every code of the snapshot must still exist, with the same
    /// status and name. New codes are fine.
    ///
    /// # Errors
    ///
    /// [`Breaks`] lists every incompatible change, or says the snapshot cannot be read.
    ///
    /// ```
    /// # use api_error_core::ApiError;
    /// #[derive(Debug, ApiError)]
    /// enum E { #[api(code = 3001, status = 404)] EntityNotFound }
    /// let snapshot = r#"{"name":"E","errors":[{"code":3001,"status":404,"name":"EntityNotFound"}]}"#;
    /// assert!(E::CATALOG.check_stable(snapshot).is_ok());
    /// ```
    pub fn check_stable(&self, snapshot: &str) -> Result<(), Breaks> {
        let mut changes = Vec::new();
        let entries = match serde_json::from_str::<Value>(snapshot) {
            Ok(Value::Object(mut root)) => match root.remove("errors") {
                Some(Value::Array(entries)) => entries,
                _ => Vec::new(),
            },
            Ok(_) => Vec::new(),
            Err(error) => {
                changes.push(format!("the snapshot is not JSON: {error}"));
                Vec::new()
            }
        };
        for entry in &entries {
            let name = entry["name"].as_str().unwrap_or_default();
            let status = entry["status"].as_u64();
            let found = match &entry["code"] {
                Value::String(code) => self.get(code.as_str()),
                Value::Number(code) => code.as_i64().and_then(|code| self.get(code)),
                other => {
                    changes.push(format!(
                        "the snapshot has an entry with the code {other}, which is no code"
                    ));
                    continue;
                }
            };
            let code = match &entry["code"] {
                Value::String(code) => code.clone(),
                other => other.to_string(),
            };
            let Some(now) = found else {
                changes.push(format!("code `{code}` ({name}) was removed"));
                continue;
            };
            if status != Some(u64::from(now.status().as_u16())) {
                changes.push(format!(
                    "code `{code}` changed its status from {} to {}",
                    status.map_or_else(|| "none".to_owned(), |status| status.to_string()),
                    now.status().as_u16()
                ));
            }
            if name != now.name() {
                changes.push(format!(
                    "code `{code}` changed its name from `{name}` to `{}`",
                    now.name()
                ));
            }
        }
        if changes.is_empty() {
            Ok(())
        } else {
            Err(Breaks {
                catalog: self.name(),
                changes,
            })
        }
    }
}
