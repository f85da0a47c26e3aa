//! The catalog as Markdown: a full page per error (like an API's "Error Codes" page) and a
//! summary of tables. Every example body is written by the type's real envelope.

use core::fmt::{self, Write as _};

use crate::{ApiError, Catalog, Descriptor, RequestContext, Retryable};

/// A page in the style of an "Error Codes" guide: an overview, the envelope format, the HTTP
/// statuses used, then one section per category with, for each error, its status, an example
/// body, its description, causes and solutions.
///
/// ```
/// use api_error_core::{ApiError, RequestContext};
/// use api_error_core::markdown::Page;
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "petnow")]
/// enum PetError {
///     /// The pet does not exist.
///     #[api(code = "PETNOWB2B20000", status = 404, name = "NoSuchPetException",
///           category = "Resource", cause = "Pet ID does not exist", solution = "Verify pet ID")]
///     NoSuchPet,
/// }
///
/// let page = Page::new("Error Codes").overview("Petnow Server API error codes.").render::<PetError>();
/// assert!(page.starts_with("# Error Codes\n\nPetnow Server API error codes.\n"));
/// assert!(page.contains("## Resource Errors (404)\n"));
/// assert!(page.contains("### PETNOWB2B20000 - NoSuchPetException\n\nStatus Code: 404\n"));
/// assert!(page.contains("```json\n{\n  \"errors\": [\n    {\n      \"code\": \"PETNOWB2B20000\"\n    }\n  ]\n}\n```"));
/// assert!(page.contains("#### Cause\n\n- Pet ID does not exist\n"));
/// assert!(page.contains("#### Solution\n\n1. Verify pet ID\n"));
/// ```
#[derive(Clone, Debug)]
pub struct Page<'a> {
    title: &'a str,
    overview: &'a str,
    context: RequestContext<'a>,
    http_edge: bool,
}

impl<'a> Page<'a> {
    /// A page with this title.
    ///
    /// ```
    /// # use api_error_core::markdown::Page;
    /// let page = Page::new("Error Codes");
    /// # let _ = page;
    /// ```
    pub fn new(title: &'a str) -> Self {
        Page {
            title,
            overview: "",
            context: RequestContext::new(),
            http_edge: true,
        }
    }

    /// The paragraph under the title.
    ///
    /// ```
    /// # use api_error_core::markdown::Page;
    /// let page = Page::new("Error Codes").overview("How errors are reported.");
    /// # let _ = page;
    /// ```
    #[must_use]
    pub fn overview(mut self, overview: &'a str) -> Self {
        self.overview = overview;
        self
    }

    /// The request context the example bodies are written with.
    ///
    /// ```
    /// # use api_error_core::{RequestContext, markdown::Page};
    /// let page = Page::new("Error Codes").context(RequestContext::new().request_id("req_01j8"));
    /// # let _ = page;
    /// ```
    #[must_use]
    pub fn context(mut self, context: RequestContext<'a>) -> Self {
        self.context = context;
        self
    }

    /// Whether the page ends with the errors of the HTTP edge (on by default): what the
    /// service answers where no handler's error does (a body that is not JSON, an unknown
    /// route, a wrong method, a panic), as [`edge_errors`](crate::edge_errors) lists them,
    /// and the generic code of any other status. Turn it off for a catalog that is not
    /// served behind the middlewares.
    ///
    /// ```
    /// use api_error_core::ApiError;
    /// use api_error_core::markdown::Page;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "SCREAMING_SNAKE_CASE")]
    /// enum OrderError {
    ///     #[api(status = 400, message = "The request is not valid.", rejection)]
    ///     InvalidRequest(String),
    /// }
    ///
    /// let page = Page::new("Errors").render::<OrderError>();
    /// assert!(page.contains("| a body that is not JSON | 400 | `INVALID_REQUEST` | InvalidRequest |\n"));
    /// assert!(page.contains("| a path no route matches | 404 | `NOT_FOUND` | NotFound |\n"));
    /// assert!(page.contains("(a 429, a 503) carries the generic code of its status: `TOO_MANY_REQUESTS`"));
    ///
    /// let page = Page::new("Errors").http_edge(false).render::<OrderError>();
    /// assert!(!page.contains("HTTP edge"));
    /// ```
    #[must_use]
    pub fn http_edge(mut self, listed: bool) -> Self {
        self.http_edge = listed;
        self
    }

    /// The page for `E`'s catalog.
    pub fn render<E: ApiError>(&self) -> String {
        let examples = E::examples();
        let catalog = E::CATALOG;
        let mut out = String::new();
        let _ = self.write::<E>(&mut out, &catalog, &examples);
        out
    }

    fn write<E: ApiError>(
        &self,
        out: &mut String,
        catalog: &Catalog,
        examples: &[E],
    ) -> fmt::Result {
        writeln!(out, "# {}\n", self.title)?;
        if !self.overview.is_empty() {
            writeln!(out, "{}\n", self.overview)?;
        }
        if let Some(first) = catalog.iter().next() {
            writeln!(out, "## Error Response Format\n")?;
            writeln!(out, "Content type: `{}`\n", E::body_content_type())?;
            writeln!(
                out,
                "```json\n{}\n```\n",
                body(first, examples, &self.context)
            )?;
        }
        writeln!(out, "## HTTP Status Codes\n")?;
        writeln!(out, "| Status Code | Description |\n|---|---|")?;
        for status in catalog.statuses() {
            writeln!(
                out,
                "| {} | {} |",
                status,
                crate::model::descriptor::reason(status)
            )?;
        }
        for (category, errors) in categories(catalog) {
            let mut codes: Vec<u16> = errors.iter().map(|error| error.status().as_u16()).collect();
            codes.dedup();
            match codes.as_slice() {
                [status] => writeln!(out, "\n## {category} Errors ({status})")?,
                _ => writeln!(out, "\n## {category} Errors")?,
            }
            for error in errors {
                writeln!(out, "\n### {} - {}\n", error.code(), error.name())?;
                writeln!(out, "Status Code: {}\n", error.status().as_u16())?;
                writeln!(
                    out,
                    "```json\n{}\n```",
                    body(error, examples, &self.context)
                )?;
                if !error.description().is_empty() {
                    writeln!(out, "\n{}", error.description())?;
                }
                writeln!(out, "\nRetryable: {}", capitalized(Retryable::of(error)))?;
                if !error.causes().is_empty() {
                    writeln!(out, "\n#### Cause\n")?;
                    for cause in error.causes() {
                        writeln!(out, "- {cause}")?;
                    }
                }
                if !error.solutions().is_empty() {
                    writeln!(out, "\n#### Solution\n")?;
                    for (step, solution) in error.solutions().iter().enumerate() {
                        writeln!(out, "{}. {solution}", step + 1)?;
                    }
                }
            }
        }
        if self.http_edge {
            write_edge::<E>(out)?;
        }
        Ok(())
    }
}

/// The errors of the HTTP edge: a table of situations, then the rule for other statuses.
fn write_edge<E: ApiError>(out: &mut String) -> fmt::Result {
    writeln!(out, "\n## Errors of the HTTP edge\n")?;
    writeln!(
        out,
        "Requests refused before any operation runs, and operations that fail unexpectedly, \
         are answered in the same format, with these statuses and codes:\n"
    )?;
    writeln!(
        out,
        "| Situation | Status Code | Code | Name |\n|---|---|---|---|"
    )?;
    for edge in crate::edge_errors::<E>() {
        let error = edge.descriptor();
        writeln!(
            out,
            "| {} | {} | `{}` | {} |",
            edge.situation(),
            edge.status().as_u16(),
            error.code(),
            error.name()
        )?;
    }
    let status =
        |code| crate::status_error::<E>(http::StatusCode::from_u16(code).unwrap_or_default());
    writeln!(
        out,
        "\nAny other error status that the service answers with in plain text (a 429, a 503) \
         carries the generic code of its status: `{}`, `{}`, and so on; its message is the \
         status's reason phrase, or a 4xx response's own text.",
        status(429).code(),
        status(503).code()
    )
}

/// Tables in the style of an API reference: Code | HTTP Status | Description | Resolution,
/// then Status | Meaning | Retryable.
///
/// The Retryable column gives each status the advice of its errors ("Varies by error" when
/// they differ): an error's own `retryable`, else its status's
/// ([`Retryable::for_status`]), the same advice the client side acts on
/// ([`RetryAdvice`](crate::RetryAdvice)) and the TypeScript export lists.
///
/// ```
/// use api_error_core::ApiError;
/// use api_error_core::markdown::summary;
///
/// #[derive(Debug, ApiError)]
/// #[api(envelope = "incident")]
/// enum IncidentError {
///     /// Missing or invalid authentication
///     #[api(code = "UNAUTHORIZED", status = 401, retryable = "after re-auth",
///           solution = "Provide valid API key or session cookie")]
///     Unauthorized,
///     /// Too many requests
///     #[api(code = "RATE_LIMIT_EXCEEDED", status = 429, retryable = true,
///           solution = "Wait and retry with exponential backoff")]
///     RateLimited,
/// }
///
/// let tables = summary::<IncidentError>();
/// assert!(tables.contains("| `UNAUTHORIZED` | 401 | Missing or invalid authentication | Provide valid API key or session cookie |\n"));
/// assert!(tables.contains("| 401 | Unauthorized | After re-auth |\n| 429 | Too Many Requests | Yes, with backoff |\n"));
/// ```
pub fn summary<E: ApiError>() -> String {
    let catalog = E::CATALOG;
    let mut out = String::new();
    let _ = write_summary(&mut out, &catalog);
    out
}

fn write_summary(out: &mut String, catalog: &Catalog) -> fmt::Result {
    writeln!(out, "## Error Codes Reference\n")?;
    writeln!(
        out,
        "| Code | HTTP Status | Description | Resolution |\n|---|---|---|---|"
    )?;
    for error in catalog.iter() {
        // The first paragraph, its lines joined: a table cell holds one line.
        let description = error
            .description()
            .lines()
            .take_while(|line| !line.trim().is_empty())
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            error.code(),
            error.status().as_u16(),
            cell(&description),
            cell(&error.solutions().join("; ")),
        )?;
    }
    writeln!(out, "\n## HTTP Status Code Summary\n")?;
    writeln!(out, "| Status | Meaning | Retryable |\n|---|---|---|")?;
    for status in catalog.statuses() {
        let mut advice: Vec<Retryable> = catalog
            .iter()
            .filter(|error| error.status().as_u16() == status)
            .map(Retryable::of)
            .collect();
        advice.dedup();
        let retryable = match advice.as_slice() {
            [retryable] => capitalized(*retryable),
            _ => "Varies by error".to_owned(),
        };
        writeln!(
            out,
            "| {status} | {} | {} |",
            crate::model::descriptor::reason(status),
            cell(&retryable)
        )?;
    }
    Ok(())
}

/// The example body of `error`, pretty-printed.
fn body<E: ApiError>(
    error: &'static Descriptor,
    examples: &[E],
    context: &RequestContext<'_>,
) -> String {
    pretty(&crate::docs::example::body(error, examples, context))
}

/// JSON text re-indented by two spaces, member order kept.
fn pretty(compact: &[u8]) -> String {
    let mut out = Vec::with_capacity(compact.len() * 2);
    let mut reader = serde_json::Deserializer::from_slice(compact);
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"  ");
    let mut writer = serde_json::Serializer::with_formatter(&mut out, formatter);
    match serde_transcode::transcode(&mut reader, &mut writer) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(_) => String::from_utf8_lossy(compact).into_owned(),
    }
}

/// The errors grouped by category, categories in the order they first appear; errors without
/// one come last, as "Other".
fn categories(catalog: &Catalog) -> Vec<(&'static str, Vec<&'static Descriptor>)> {
    let mut groups: Vec<(&'static str, Vec<&'static Descriptor>)> = Vec::new();
    let mut other = Vec::new();
    for error in catalog.iter() {
        match error.category() {
            Some(category) => match groups.iter_mut().find(|(name, _)| *name == category) {
                Some((_, errors)) => errors.push(error),
                None => groups.push((category, vec![error])),
            },
            None => other.push(error),
        }
    }
    if !other.is_empty() {
        groups.push(("Other", other));
    }
    groups
}

fn capitalized(retryable: Retryable) -> String {
    let text = retryable.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}
