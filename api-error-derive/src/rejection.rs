//! `rejection` and `rejection(kind, ...)`: the kinds of framework rejection a variant takes, as
//! the core crate's `RejectionKind` names them.

use darling::{Error, Result};
use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::{Expr, Token};

use crate::attr::error_at;
use crate::suggest;

/// `rejection` (every kind about a request's content) or `rejection(unknown_route, ...)`.
#[derive(Clone, Debug)]
pub struct RejectionAttr {
    pub span: Span,
    /// The kinds named, each with its span; `None` for a bare `rejection`.
    pub kinds: Option<Vec<(&'static RejectionKind, Span)>>,
}

/// A kind of framework rejection a variant can name: its name in `rejection(...)`, the
/// `RejectionKind` variant, and whether a bare `rejection` takes it.
#[derive(Debug)]
pub struct RejectionKind {
    pub name: &'static str,
    pub variant: &'static str,
    pub content: bool,
}

/// The kinds a variant can name, as the core crate's `RejectionKind` has them
/// (`tests/tests/test_rejection.rs` checks that every one of its kinds is named here or is
/// `Other`).
pub const REJECTION_KINDS: &[RejectionKind] = &[
    RejectionKind {
        name: "json_syntax",
        variant: "JsonSyntax",
        content: true,
    },
    RejectionKind {
        name: "json_data",
        variant: "JsonData",
        content: true,
    },
    RejectionKind {
        name: "content_type",
        variant: "ContentType",
        content: true,
    },
    RejectionKind {
        name: "body_too_large",
        variant: "BodyTooLarge",
        content: true,
    },
    RejectionKind {
        name: "path",
        variant: "Path",
        content: true,
    },
    RejectionKind {
        name: "query",
        variant: "Query",
        content: true,
    },
    RejectionKind {
        name: "unknown_route",
        variant: "UnknownRoute",
        content: false,
    },
    RejectionKind {
        name: "method",
        variant: "Method",
        content: false,
    },
];

/// The kind only a bare `rejection` takes: anything else a framework refuses.
pub const OTHER_REJECTION: RejectionKind = RejectionKind {
    name: "other",
    variant: "Other",
    content: true,
};

/// The kinds in `rejection(json_syntax, json_data)`: known, each once, at least one.
pub fn rejection_kinds(list: &syn::MetaList) -> Result<Vec<(&'static RejectionKind, Span)>> {
    let items = list.parse_args_with(Punctuated::<Expr, Token![,]>::parse_terminated)?;
    if items.is_empty() {
        return Err(Error::custom(
            "`rejection()` names no kind; name one such as `rejection(unknown_route)`, or write `rejection` for every rejection of a request's content",
        )
        .with_span(list));
    }
    let names = || REJECTION_KINDS.iter().map(|kind| kind.name);
    let mut kinds: Vec<(&'static RejectionKind, Span)> = Vec::new();
    let mut errors = Error::accumulator();
    for item in &items {
        let ident = match item {
            Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => {
                path.path.get_ident()
            }
            _ => None,
        };
        let Some(ident) = ident else {
            errors.push(
                Error::custom("expected a rejection kind such as `json_syntax` or `unknown_route`")
                    .with_span(item),
            );
            continue;
        };
        let name = ident.to_string();
        let Some(kind) = REJECTION_KINDS.iter().find(|kind| kind.name == name) else {
            let hint = match suggest::did_you_mean(&name, names()) {
                hint if hint.is_empty() => format!(
                    "; the kinds are {}",
                    names()
                        .map(|name| format!("`{name}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                hint => hint,
            };
            errors.push(error_at(
                ident.span(),
                format!("unknown rejection kind `{name}`{hint}"),
            ));
            continue;
        };
        if kinds.iter().any(|(known, _)| known.name == kind.name) {
            errors.push(error_at(
                ident.span(),
                format!("duplicate rejection kind `{name}`; give it once"),
            ));
            continue;
        }
        kinds.push((kind, ident.span()));
    }
    errors.finish()?;
    Ok(kinds)
}
