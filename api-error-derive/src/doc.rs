//! The catalog as rustdoc: a table on the type's own page, written from the resolved errors.

use std::fmt::Write as _;

use crate::ast::Input;
use crate::retry::RetryableValue;
use crate::transparent::Transparent;
use crate::valid::{Message, Resolved, RetryAfter, member_name};

/// Markdown for the inherent `CATALOG` constant: a table of every error, then each variant
/// with its status and code, then the transparent variants and the types they wrap.
pub fn catalog(
    input: &Input,
    resolved: &[Resolved<'_>],
    transparent: &[Transparent<'_>],
) -> String {
    let mut doc = format!(
        "The error catalog of `{}`: every error it produces, as static data.\n\n\
         The same value as `<Self as ApiError>::CATALOG`, documented here so that the type's \
         page lists its errors.\n\n",
        input.ident
    );
    wrapped(&mut doc, input, transparent);
    if resolved.is_empty() {
        if transparent.is_empty() {
            doc.push_str("This type produces no errors.\n");
        }
        return doc;
    }
    doc.push_str(
        "| Code | HTTP status | Name | Message | Category | Retryable | Headers |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for error in resolved {
        let name = error
            .variant
            .attrs
            .name
            .as_ref()
            .map_or_else(|| error.variant.ident.to_string(), crate::meta::text);
        let message = match &error.message {
            Message::Static(text) => cell(text),
            Message::Format { template, .. } => cell(template),
            Message::Display { .. } => "*its `Display` text*".to_owned(),
        };
        let category = error
            .variant
            .attrs
            .category
            .as_ref()
            .map(crate::meta::text)
            .unwrap_or_default();
        // A catalog that states no advice has its status's, as clients act on it.
        let stated = error.variant.attrs.retryable.as_deref();
        let retryable = stated.map_or_else(
            || RetryableValue::for_status(error.status.0).text().to_owned(),
            |stated| stated.text().to_owned(),
        );
        let _ = writeln!(
            doc,
            "| `{}` | {} {} | {} | {} | {} | {} | {} |",
            error.code,
            error.status.0,
            error.status.reason(),
            cell(&name),
            message,
            cell(&category),
            cell(&retryable),
            headers(error),
        );
    }
    if !input.variants.iter().any(|variant| variant.is_struct) {
        doc.push_str("\n# Variants\n\n");
        for error in resolved {
            let ident = &error.variant.ident;
            let _ = write!(
                doc,
                "- [`{ident}`](Self::{ident}): status {}, code `{}`",
                error.status.0, error.code
            );
            match error.variant.doc.lines().next() {
                Some(summary) if !summary.is_empty() => {
                    let _ = writeln!(doc, ". {}", cell(summary));
                }
                _ => doc.push('\n'),
            }
        }
    }
    doc
}

/// The transparent variants, each with the type whose errors it adds to the catalog.
fn wrapped(doc: &mut String, input: &Input, transparent: &[Transparent<'_>]) {
    if transparent.is_empty() {
        return;
    }
    doc.push_str(if transparent.len() < input.variants.len() {
        "Besides its own errors, listed below, it produces every error of the types its \
         transparent variants wrap, which follow its own in the catalog:\n\n"
    } else {
        "It produces every error of the types its transparent variants wrap:\n\n"
    });
    for nested in transparent {
        let ident = &nested.variant.ident;
        let variant = if nested.variant.is_struct {
            format!("`{ident}`")
        } else {
            format!("[`{ident}`](Self::{ident})")
        };
        let _ = writeln!(doc, "- {variant}: the errors of {}", type_link(nested.ty()));
    }
    doc.push('\n');
}

/// `` [`Type`](path::Type) `` for a plain path, which rustdoc resolves where the type is
/// declared; `` `Type<T>` `` for anything else.
fn type_link(ty: &syn::Type) -> String {
    let text = quote::quote!(#ty).to_string().replace(' ', "");
    match ty {
        syn::Type::Path(path)
            if path.qself.is_none()
                && path
                    .path
                    .segments
                    .iter()
                    .all(|segment| segment.arguments.is_none()) =>
        {
            let name = path
                .path
                .segments
                .last()
                .map_or_else(String::new, |segment| segment.ident.to_string());
            format!("[`{name}`]({text})")
        }
        _ => format!("`{}`", cell(&text)),
    }
}

/// The response headers of an error, for one table cell: `retry-after: 60`, `retry-after`
/// (from a field), and the static ones with their values.
fn headers(error: &Resolved<'_>) -> String {
    let mut headers: Vec<String> = error
        .headers
        .iter()
        .map(|(name, value)| code_span(&format!("{name}: {value}")))
        .collect();
    match error.retry_after {
        RetryAfter::None => {}
        RetryAfter::Seconds(seconds) => headers.push(code_span(&format!("retry-after: {seconds}"))),
        RetryAfter::Field(index) => headers.push(format!(
            "`retry-after` (from `{}`)",
            member_name(&error.variant.fields[index].member)
        )),
    }
    cell(&headers.join(", "))
}

/// `text` as a Markdown code span, with enough backticks around it for the ones inside.
fn code_span(text: &str) -> String {
    let fence = if text.contains('`') { "`` " } else { "`" };
    format!("{fence}{text}{}", fence.chars().rev().collect::<String>())
}

/// Text fit for one Markdown table cell: copied whole when it has no bar or line break, as
/// nearly every text has none, else in one pass (the derive runs this for every variant, and
/// a proc macro is built without optimizations in a debug build).
fn cell(text: &str) -> String {
    if !(text.contains('|') || text.contains('\n') || text.contains('\r')) {
        return text.to_owned();
    }
    let mut cell = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '|' => cell.push_str("\\|"),
            '\n' | '\r' => cell.push(' '),
            c => cell.push(c),
        }
    }
    cell
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::{DeriveInput, parse_quote};

    #[test]
    fn table_and_variant_list() {
        let input: DeriveInput = parse_quote! {
            #[api(status = 404)]
            enum E {
                /// No such pet. More text.
                #[api(code = "NO_PET", name = "NoSuchPetException", message = "pet {id} | gone", retryable = "after a while", category = "Pets")]
                NoPet { id: u8 },
                #[api(code = "DOWN", status = 503, expose, retryable = false, retry_after = 30, header("cache-control", "no-store"))]
                Down,
                #[api(code = "SLOW", status = 429)]
                Slow {
                    #[api(retry_after)]
                    wait: u64,
                },
            }
        };
        let mut errors = darling::Error::accumulator();
        let model = Input::from_syn(&input, &mut errors);
        let resolved = crate::valid::resolve(&model, &mut errors);
        assert!(errors.finish().is_ok());
        let doc = catalog(&model, &resolved, &[]);
        assert!(doc.contains("| `NO_PET` | 404 Not Found | NoSuchPetException | pet {id} \\| gone | Pets | after a while |  |\n"), "{doc}");
        assert!(
            doc.contains("| `DOWN` | 503 Service Unavailable | Down | *its `Display` text* |  | no | `cache-control: no-store`, `retry-after: 30` |\n"),
            "{doc}"
        );
        assert!(
            doc.contains("| `SLOW` | 429 Too Many Requests | Slow | Too Many Requests |  | yes, with backoff | `retry-after` (from `wait`) |\n"),
            "{doc}"
        );
        assert!(
            doc.contains(
                "- [`NoPet`](Self::NoPet): status 404, code `NO_PET`. No such pet. More text.\n"
            ),
            "{doc}"
        );
        assert!(
            doc.contains("- [`Down`](Self::Down): status 503, code `DOWN`\n"),
            "{doc}"
        );
    }
}
