//! Where syntax starts, as `Spanned::span` finds it on stable Rust (the span of the first
//! token), without printing the syntax to tokens first: the derive asks for the spans of
//! every key, expression and field type it reads, and printing each costs far more than the
//! common cases below.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, Path, Type};

/// Where `path` starts.
pub fn path(path: &Path) -> Span {
    match (&path.leading_colon, path.segments.first()) {
        (None, Some(segment)) => segment.ident.span(),
        _ => path.span(),
    }
}

/// Where `expr` starts.
pub fn expr(expr: &Expr) -> Span {
    match expr {
        Expr::Lit(literal) if literal.attrs.is_empty() => literal.lit.span(),
        Expr::Path(found) if found.attrs.is_empty() && found.qself.is_none() => path(&found.path),
        _ => expr.span(),
    }
}

/// Where `ty` starts.
pub fn ty(ty: &Type) -> Span {
    match ty {
        Type::Path(found) if found.qself.is_none() => path(&found.path),
        _ => ty.span(),
    }
}
