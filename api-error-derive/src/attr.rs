//! `#[api(...)]` keys: which level each belongs on, and the value each takes.

use darling::util::SpannedValue;
use darling::{Error, FromMeta, Result, error::Accumulator};
use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Lit, LitStr, Meta, Path, Token};

use crate::case::Case;
use crate::code::CodeValue;
use crate::meta;
use crate::rejection::{RejectionAttr, rejection_kinds};
use crate::retry::{self, RetryableValue};
use crate::spans;
use crate::status::Status;
use crate::suggest;
use crate::template::{AttrDecl, attr_decls};

/// Where an `#[api(...)]` attribute stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Enum,
    Variant,
    /// A struct deriving `ApiError` is both the type and its single error.
    Struct,
    Field {
        in_struct: bool,
    },
}

impl Level {
    fn noun(self) -> &'static str {
        match self {
            Level::Enum => "the enum",
            Level::Variant => "a variant",
            Level::Struct => "the struct",
            Level::Field { .. } => "a field",
        }
    }
}

/// Where a key may stand.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Home {
    Enum,
    Variant,
    EnumOrVariant,
    VariantOrField,
    Field,
    Anywhere,
}

impl Home {
    fn admits(self, level: Level) -> bool {
        match level {
            Level::Struct => self != Home::Field,
            Level::Enum => matches!(self, Home::Enum | Home::EnumOrVariant | Home::Anywhere),
            Level::Variant => matches!(
                self,
                Home::Variant | Home::EnumOrVariant | Home::VariantOrField | Home::Anywhere
            ),
            Level::Field { .. } => {
                matches!(self, Home::Field | Home::VariantOrField | Home::Anywhere)
            }
        }
    }

    /// Where the key belongs, said for a key found at `level`.
    fn noun(self, level: Level) -> &'static str {
        match (self, level) {
            (Home::Field, _) => "a field",
            (_, Level::Field { in_struct: true }) => "the struct",
            (Home::Enum, _) => "the enum",
            (Home::Variant, _) => "a variant",
            (Home::EnumOrVariant, _) => "a variant or the enum",
            (Home::VariantOrField, _) => "a variant or a field",
            (Home::Anywhere, _) => "a field, a variant or the enum",
        }
    }
}

pub(crate) const KEYS: &[(&str, Home)] = &[
    ("code", Home::Variant),
    ("status", Home::EnumOrVariant),
    ("message", Home::EnumOrVariant),
    ("name", Home::Variant),
    ("cause", Home::Variant),
    ("solution", Home::Variant),
    ("retryable", Home::Variant),
    ("category", Home::Variant),
    ("expose", Home::Variant),
    ("code_case", Home::Enum),
    ("prefix", Home::Enum),
    ("crate", Home::Enum),
    ("envelope", Home::Enum),
    ("details", Home::Field),
    ("retry_after", Home::VariantOrField),
    ("example", Home::Field),
    ("www_authenticate", Home::EnumOrVariant),
    ("header", Home::Anywhere),
    ("rejection", Home::Variant),
    ("transparent", Home::Variant),
    ("actix_web", Home::Enum),
    ("internal", Home::Variant),
    ("custom_envelope", Home::Enum),
    ("attr", Home::EnumOrVariant),
    ("member", Home::Field),
    ("inner", Home::Field),
];

/// Everything `#[api(...)]` attributes said at one level, each value with its span.
#[derive(Default)]
pub struct Attrs {
    pub code: Option<SpannedValue<CodeValue>>,
    pub status: Option<SpannedValue<Status>>,
    pub message: Option<LitStr>,
    pub name: Option<LitStr>,
    pub causes: Vec<LitStr>,
    pub solutions: Vec<LitStr>,
    pub retryable: Option<SpannedValue<RetryableValue>>,
    pub category: Option<LitStr>,
    pub expose: Option<Span>,
    /// `rejection` or `rejection(kind, ...)`: which framework rejections the variant takes.
    pub rejection: Option<RejectionAttr>,
    /// `transparent`: the variant is the error its one field holds.
    pub transparent: Option<Span>,
    /// `actix_web`: implement `actix_web::ResponseError` too.
    pub actix_web: Option<Span>,
    pub code_case: Option<SpannedValue<Case>>,
    pub prefix: Option<LitStr>,
    pub krate: Option<Path>,
    pub envelope: Option<SpannedValue<EnvelopeRef>>,
    /// `custom_envelope = VALUE`: a value whose type implements `Envelope`.
    pub custom_envelope: Option<Path>,
    /// `attr(name = value, ...)`: attributes of the variant, or defaults of the enum.
    pub attrs: Vec<AttrDecl>,
    /// `member` or `member = "key"` on a field.
    pub member: Option<SpannedValue<Option<LitStr>>>,
    /// `inner` on a field: the variant's inner error.
    pub inner: Option<Span>,
    /// `header = "x-name"` on a field: a header with the field's text; the name checked and
    /// lowercased.
    pub header_field: Option<SpannedValue<String>>,
    pub details: Option<Span>,
    /// `retry_after = 60` on a variant.
    pub retry_after: Option<SpannedValue<u64>>,
    /// `retry_after` on a field.
    pub retry_after_field: Option<Span>,
    pub www_authenticate: Option<LitStr>,
    pub headers: Vec<StaticHeader>,
    /// `example = expr` on a field: its value in documentation examples.
    pub example: Option<Expr>,
    /// Keys that were given but could not be read, so later checks do not also report them
    /// as missing.
    pub failed: Vec<String>,
    /// `internal`: the variant is the catalog's fixed 500.
    pub internal: Option<Span>,
}

/// `header("cache-control", "no-store")`: a checked header name (lowercased) and value.
#[derive(Clone, Debug)]
pub struct StaticHeader {
    pub name: String,
    pub value: String,
    pub span: Span,
}

/// `envelope = "face"` (a built-in shape) or `envelope = path::TO_SHAPE` (a declared one).
#[derive(Clone, Debug)]
pub enum EnvelopeRef {
    Builtin(&'static str),
    Path(Path),
}

/// The built-in envelopes: the name users write, and the constant in `envelopes`.
pub const BUILTIN_ENVELOPES: &[(&str, &str)] = &[
    ("problem", "PROBLEM"),
    ("petnow", "PETNOW"),
    ("tennis_registry", "TENNIS_REGISTRY"),
    ("oz", "OZ"),
    ("face", "FACE"),
    ("incident", "INCIDENT"),
    ("none", "NO_BODY"),
];

impl Attrs {
    /// Reads every `#[api(...)]` among `attrs`, reporting each bad key or value.
    pub fn parse(attrs: &[Attribute], level: Level, errors: &mut Accumulator) -> Attrs {
        let mut parsed = Attrs::default();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("api")) {
            let Meta::List(list) = &attr.meta else {
                errors.push(
                    Error::custom("expected `#[api(...)]` with keys inside the parentheses")
                        .with_span(&attr.meta),
                );
                parsed.failed.push("*".to_owned());
                continue;
            };
            let items = meta::items(list);
            match items {
                Ok(items) => {
                    for item in &items {
                        if let Err(error) = parsed.set(item, level) {
                            errors.push(error);
                            // An unknown key may have been meant as any key: suppress every
                            // "missing" report it could cause.
                            let key = item.path().get_ident().map(ToString::to_string);
                            match key {
                                Some(key) if KEYS.iter().any(|(name, _)| *name == key) => {
                                    parsed.failed.push(key);
                                }
                                _ => parsed.failed.push("*".to_owned()),
                            }
                        }
                    }
                }
                Err(error) => {
                    errors.push(Error::from(error));
                    parsed.failed.push("*".to_owned());
                }
            }
        }
        parsed
    }

    fn set(&mut self, meta: &Meta, level: Level) -> Result<()> {
        let Some(key) = meta.path().get_ident().map(ToString::to_string) else {
            return Err(
                Error::custom("expected a key such as `code` or `status`").with_span(meta.path())
            );
        };
        let key_span = spans::path(meta.path());
        let Some(&(_, home)) = KEYS.iter().find(|(name, _)| *name == key) else {
            let hint = suggest::did_you_mean(
                &key,
                KEYS.iter()
                    .filter(|(_, home)| home.admits(level))
                    .map(|(name, _)| *name),
            );
            let where_ = format!(" on {}", level.noun());
            return Err(error_at(
                key_span,
                format!("unknown key `{key}` in #[api]{where_}{hint}"),
            ));
        };
        if !home.admits(level) {
            return Err(error_at(
                key_span,
                format!(
                    "`{key}` belongs on {}, not on {}",
                    home.noun(level),
                    level.noun()
                ),
            ));
        }
        let duplicate = || error_at(key_span, format!("duplicate `{key}`; give it once"));
        match key.as_str() {
            // code = "NOT_FOUND" | code = 3001
            "code" => once(
                &mut self.code,
                spanned(value(meta)?, CodeValue::from_expr)?,
                duplicate,
            ),
            // status = 404 | status = NOT_FOUND
            "status" => once(
                &mut self.status,
                spanned(value(meta)?, Status::from_expr)?,
                duplicate,
            ),
            // message = "pet {pet_id} not found"
            "message" => once(
                &mut self.message,
                lit_str(value(meta)?, &key, true)?,
                duplicate,
            ),
            // name = "NoSuchPetException"
            "name" => once(
                &mut self.name,
                lit_str(value(meta)?, &key, false)?,
                duplicate,
            ),
            // cause = "...", repeatable
            "cause" => {
                self.causes.push(lit_str(value(meta)?, &key, false)?);
                Ok(())
            }
            // solution = "...", repeatable
            "solution" => {
                self.solutions.push(lit_str(value(meta)?, &key, false)?);
                Ok(())
            }
            // retryable | retryable = true | retryable = "after re-auth"
            "retryable" => {
                let parsed = match meta {
                    Meta::Path(_) => RetryableValue::WithBackoff,
                    _ => retry::parse(value(meta)?)?,
                };
                once(
                    &mut self.retryable,
                    SpannedValue::new(parsed, spans::path(meta.path())),
                    duplicate,
                )
            }
            // category = "Authentication"
            "category" => once(
                &mut self.category,
                lit_str(value(meta)?, &key, false)?,
                duplicate,
            ),
            // expose
            "expose" => match meta {
                Meta::Path(path) => once(&mut self.expose, spans::path(path), duplicate),
                _ => Err(
                    Error::custom("`expose` takes no value; write `#[api(expose)]`")
                        .with_span(meta),
                ),
            },
            // actix_web
            "actix_web" => match meta {
                Meta::Path(path) => once(&mut self.actix_web, spans::path(path), duplicate),
                _ => Err(Error::custom(
                    "`actix_web` takes no value; write `#[api(actix_web)]` for an `actix_web::ResponseError` impl",
                )
                .with_span(meta)),
            },
            // rejection | rejection(json_syntax, unknown_route)
            "rejection" => {
                let kinds = match meta {
                    Meta::Path(_) => None,
                    Meta::List(list) => Some(rejection_kinds(list)?),
                    Meta::NameValue(_) => {
                        return Err(Error::custom(
                            "`rejection` takes no value; write `#[api(rejection)]` for every rejection of a request's content, or name kinds as in `#[api(rejection(unknown_route, method))]`",
                        )
                        .with_span(meta));
                    }
                };
                let rejection = RejectionAttr {
                    span: key_span,
                    kinds,
                };
                once(&mut self.rejection, rejection, duplicate)
            }
            // internal
            "internal" => match meta {
                Meta::Path(path) => once(&mut self.internal, spans::path(path), duplicate),
                _ => Err(Error::custom(
                    "`internal` takes no value; write `#[api(internal)]` on the variant that is the catalog's fixed 500",
                )
                .with_span(meta)),
            },
            // transparent
            "transparent" => match meta {
                Meta::Path(path) => once(&mut self.transparent, spans::path(path), duplicate),
                _ => Err(Error::custom(
                    "`transparent` takes no value; write `#[api(transparent)]` on a variant whose one field is an `ApiError`",
                )
                .with_span(meta)),
            },
            // code_case = "SCREAMING_SNAKE_CASE"
            "code_case" => {
                let expr = value(meta)?;
                let text = lit_str(expr, &key, false)?;
                let case =
                    Case::from_string(&text.value()).map_err(|error| error.with_span(&text))?;
                once(
                    &mut self.code_case,
                    SpannedValue::new(case, text.span()),
                    duplicate,
                )
            }
            // prefix = "PETNOWB2B"
            "prefix" => {
                let text = lit_str(value(meta)?, &key, false)?;
                CodeValue::check_text(&text.value()).map_err(|_| {
                    Error::custom(
                        "prefix must be a code fragment without white space or control characters",
                    )
                    .with_span(&text)
                })?;
                once(&mut self.prefix, text, duplicate)
            }
            // crate = ::api_error_core | crate = "::api_error_core"
            "crate" => once(&mut self.krate, crate_path(value(meta)?)?, duplicate),
            // envelope = "face" | envelope = crate::errors::SHAPE
            "envelope" => {
                let expr = value(meta)?;
                let parsed = envelope(expr)?;
                once(
                    &mut self.envelope,
                    SpannedValue::new(parsed, spans::expr(expr)),
                    duplicate,
                )
            }
            // retry_after = 60 on a variant | retry_after on a field
            "retry_after" => match (meta, level) {
                (Meta::Path(path), Level::Field { .. }) => {
                    once(&mut self.retry_after_field, spans::path(path), duplicate)
                }
                (_, Level::Field { .. }) => Err(Error::custom(
                    "`retry_after` on a field takes no value; write `#[api(retry_after)]`",
                )
                .with_span(meta)),
                _ => {
                    let expr = value(meta)?;
                    let seconds = retry_seconds(expr)?;
                    once(
                        &mut self.retry_after,
                        SpannedValue::new(seconds, spans::expr(expr)),
                        duplicate,
                    )
                }
            },
            // www_authenticate = "Bearer realm=\"api\""
            "www_authenticate" => {
                let text = lit_str(value(meta)?, &key, false)?;
                check_header_value(&text)?;
                once(&mut self.www_authenticate, text, duplicate)
            }
            // header = "x-ratelimit-remaining" on a field
            "header" if matches!(level, Level::Field { .. }) => {
                let name = field_header(meta)?;
                once(&mut self.header_field, name, duplicate)
            }
            // header("cache-control", "no-store"), repeatable
            "header" => {
                let header = static_header(meta)?;
                if self.headers.iter().any(|other| other.name == header.name) {
                    return Err(error_at(
                        header.span,
                        format!("duplicate header `{}`; give it once", header.name),
                    ));
                }
                self.headers.push(header);
                Ok(())
            }
            // custom_envelope = Legacy
            "custom_envelope" => {
                let expr = value(meta)?;
                match expr {
                    Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => {
                        once(&mut self.custom_envelope, path.path.clone(), duplicate)
                    }
                    _ => Err(Error::custom(
                        "`custom_envelope` expects the path of a value whose type implements `Envelope`",
                    )
                    .with_span(expr)),
                }
            }
            // attr(doc_url = "https://...", retries = 3, client = true), repeatable
            "attr" => {
                for decl in attr_decls(meta)? {
                    if self.attrs.iter().any(|other| other.name == decl.name) {
                        return Err(error_at(
                            decl.name.span(),
                            format!("duplicate attribute `{}`; give it once", decl.name),
                        ));
                    }
                    self.attrs.push(decl);
                }
                Ok(())
            }
            // member | member = "retryAfter"
            "member" => {
                let key = match meta {
                    Meta::Path(_) => None,
                    _ => Some(lit_str(value(meta)?, &key, false)?),
                };
                once(&mut self.member, SpannedValue::new(key, spans::path(meta.path())), duplicate)
            }
            // inner
            "inner" => match meta {
                Meta::Path(path) => once(&mut self.inner, spans::path(path), duplicate),
                _ => Err(Error::custom(
                    "`inner` takes no value; write `#[api(inner)]` on the field holding the inner error",
                )
                .with_span(meta)),
            },
            // example = "550e8400-e29b-41d4-a716-446655440000".to_owned()
            "example" => once(&mut self.example, value(meta)?.clone(), duplicate),
            // details
            "details" => match meta {
                Meta::Path(path) => once(&mut self.details, spans::path(path), duplicate),
                _ => Err(
                    Error::custom("`details` takes no value; write `#[api(details)]`")
                        .with_span(meta),
                ),
            },
            _ => Err(error_at(key_span, format!("unknown key `{key}` in #[api]"))),
        }
    }
}

impl Attrs {
    /// Whether `key` was given, even if its value could not be read (or a whole attribute
    /// could not be parsed, which may have hidden it).
    pub fn attempted(&self, key: &str) -> bool {
        self.failed
            .iter()
            .any(|failed| failed == key || failed == "*")
    }
}

// A value passed through a `macro_rules!` fragment (`$code:literal`) arrives wrapped in an
// invisible group.
pub(crate) fn ungrouped(mut expr: &Expr) -> &Expr {
    while let Expr::Group(group) = expr {
        expr = &group.expr;
    }
    expr
}

/// An error pointing at `span`, which need not belong to a single token.
pub fn error_at(span: Span, message: impl std::fmt::Display) -> Error {
    syn::Error::new(span, message).into()
}

fn once<T>(slot: &mut Option<T>, value: T, duplicate: impl FnOnce() -> Error) -> Result<()> {
    if slot.is_some() {
        return Err(duplicate());
    }
    *slot = Some(value);
    Ok(())
}

pub(crate) fn value(meta: &Meta) -> Result<&Expr> {
    match meta {
        Meta::NameValue(pair) => Ok(ungrouped(&pair.value)),
        _ => {
            let key = meta
                .path()
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            Err(Error::custom(format!("`{key}` takes a value: `{key} = ...`")).with_span(meta))
        }
    }
}

fn spanned<T>(expr: &Expr, parse: impl FnOnce(&Expr) -> Result<T>) -> Result<SpannedValue<T>> {
    let parsed = parse(expr).map_err(|error| error.with_span(expr))?;
    Ok(SpannedValue::new(parsed, spans::expr(expr)))
}

fn lit_str(expr: &Expr, key: &str, empty_allowed: bool) -> Result<LitStr> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) if !empty_allowed && meta::text(text).trim().is_empty() => {
            Err(Error::custom(format!("`{key}` is empty")).with_span(text))
        }
        Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) => Ok(text.clone()),
        _ => Err(Error::custom(format!("`{key}` expects a string literal")).with_span(expr)),
    }
}

fn retry_seconds(expr: &Expr) -> Result<u64> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => int.base10_parse::<u64>().map_err(|_| {
            Error::custom("`retry_after` is a whole number of seconds").with_span(int)
        }),
        _ => Err(Error::custom(
            "`retry_after` on a variant is a whole number of seconds, such as `retry_after = 60`; \
             to take it from a field, mark the field with `#[api(retry_after)]`",
        )
        .with_span(expr)),
    }
}

// Headers the envelope, the server or another key already sets.
const RESERVED_HEADERS: &[(&str, &str)] = &[
    ("content-type", "the envelope sets it"),
    ("content-length", "the server sets it"),
    ("retry-after", "use `retry_after`"),
    ("www-authenticate", "use `www_authenticate`"),
];

/// `header = "x-ratelimit-remaining"` on a field: a valid, unreserved header name, lowercased.
fn field_header(meta: &Meta) -> Result<SpannedValue<String>> {
    let text = lit_str(value(meta)?, "header", false)?;
    let lower = header_name(&text)?;
    Ok(SpannedValue::new(lower, text.span()))
}

/// A header name: a token, lowercased, and none that the envelope, the server or another key
/// sets.
fn header_name(name: &LitStr) -> Result<String> {
    let text = name.value();
    let is_token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if text.is_empty() || !text.chars().all(is_token) {
        return Err(Error::custom(format!(
            "`{}` is not a valid header name; a name is letters, digits and !#$%&'*+-.^_`|~",
            text.escape_debug()
        ))
        .with_span(name));
    }
    let lower = text.to_ascii_lowercase();
    if let Some((_, reason)) = RESERVED_HEADERS
        .iter()
        .find(|(reserved, _)| *reserved == lower)
    {
        return Err(Error::custom(format!(
            "header `{lower}` cannot be declared here; {reason}"
        ))
        .with_span(name));
    }
    Ok(lower)
}

fn static_header(meta: &Meta) -> Result<StaticHeader> {
    let usage = || {
        Error::custom(
            "`header` takes a name and a value: `header(\"cache-control\", \"no-store\")`",
        )
        .with_span(meta)
    };
    let Meta::List(list) = meta else {
        return Err(usage());
    };
    let parts = list
        .parse_args_with(Punctuated::<LitStr, Token![,]>::parse_terminated)
        .map_err(|_| usage())?;
    let [name, value] = [parts.first(), parts.get(1)];
    let (Some(name), Some(value), 2) = (name, value, parts.len()) else {
        return Err(usage());
    };
    let lower = header_name(name)?;
    check_header_value(value)?;
    Ok(StaticHeader {
        name: lower,
        value: value.value(),
        span: name.span(),
    })
}

fn check_header_value(value: &LitStr) -> Result<()> {
    let text = value.value();
    let valid = |c: char| c == '\t' || (' '..='~').contains(&c);
    if text.trim().is_empty() || !text.chars().all(valid) || text.trim() != text {
        return Err(Error::custom(format!(
            "`{}` is not a valid header value; use visible ASCII and spaces, without leading or trailing space",
            text.escape_debug()
        ))
        .with_span(value));
    }
    Ok(())
}

fn envelope(expr: &Expr) -> Result<EnvelopeRef> {
    let builtins = || BUILTIN_ENVELOPES.iter().map(|(builtin, _)| *builtin);
    match expr {
        // envelope = "face"
        Expr::Lit(ExprLit {
            lit: Lit::Str(text), ..
        }) => {
            let name = text.value();
            match BUILTIN_ENVELOPES.iter().find(|(builtin, _)| *builtin == name) {
                Some((_, constant)) => Ok(EnvelopeRef::Builtin(constant)),
                None => {
                    let hint = match suggest::did_you_mean(&name, builtins()) {
                        hint if hint.is_empty() => format!(
                            "; the built-in envelopes are {}, and a declared one is named by its path",
                            builtins().map(|builtin| format!("\"{builtin}\"")).collect::<Vec<_>>().join(", ")
                        ),
                        hint => hint,
                    };
                    Err(Error::custom(format!("unknown envelope `{name}`{hint}")).with_span(text))
                }
            }
        }
        // envelope = crate::errors::SHAPE
        Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => {
            Ok(EnvelopeRef::Path(path.path.clone()))
        }
        _ => Err(Error::custom(
            "`envelope` expects a built-in name such as \"problem\" or the path of a declared `Shape`",
        )
        .with_span(expr)),
    }
}

fn crate_path(expr: &Expr) -> Result<Path> {
    let malformed =
        || Error::custom("`crate` expects a path such as `::api_error_core`").with_span(expr);
    let path = match expr {
        Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => path.path.clone(),
        Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) => text.parse::<Path>().map_err(|_| malformed())?,
        _ => return Err(malformed()),
    };
    let anchored = path.leading_colon.is_some()
        || path
            .segments
            .first()
            .is_some_and(|first| first.ident == "crate");
    if !anchored
        || path
            .segments
            .iter()
            .any(|segment| !segment.arguments.is_none())
    {
        return Err(Error::custom(
            "`crate` must be an absolute path such as `::api_error_core` or `crate::errors::api`; \
             a relative path does not resolve inside the generated code",
        )
        .with_span(expr));
    }
    Ok(path)
}

/// The doc comment of an item, one line per `///` line, trimmed of the space after `///`.
pub fn doc(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            Meta::NameValue(pair) => match &pair.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(text),
                    ..
                }) => Some(meta::text(text)),
                _ => None,
            },
            _ => None,
        })
        .flat_map(|text| {
            text.split('\n')
                .map(|line| line.strip_prefix(' ').unwrap_or(line).trim_end().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    lines.join("\n").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn parse(attrs: Vec<Attribute>, level: Level) -> (Attrs, Vec<String>) {
        let mut errors = Error::accumulator();
        let parsed = Attrs::parse(&attrs, level, &mut errors);
        let messages = errors
            .into_inner()
            .into_iter()
            .flatten()
            .map(|error| error.to_string())
            .collect();
        (parsed, messages)
    }

    #[test]
    fn variant_keys() {
        let (attrs, errors) = parse(
            vec![
                parse_quote!(#[api(code = "NOT_FOUND", status = NOT_FOUND, name = "NotFound")]),
                parse_quote!(#[api(cause = "a", cause = "b", solution = "c", retryable, category = "Resource", expose)]),
                parse_quote!(#[api(message = "missing {id}")]),
            ],
            Level::Variant,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(*attrs.code.unwrap(), CodeValue::Str("NOT_FOUND".into()));
        assert_eq!(*attrs.status.unwrap(), Status(404));
        assert_eq!(attrs.name.unwrap().value(), "NotFound");
        assert_eq!(
            attrs.causes.iter().map(LitStr::value).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(attrs.solutions.len(), 1);
        assert_eq!(*attrs.retryable.unwrap(), RetryableValue::WithBackoff);
        assert_eq!(attrs.category.unwrap().value(), "Resource");
        assert!(attrs.expose.is_some());
        assert_eq!(attrs.message.unwrap().value(), "missing {id}");
    }

    #[test]
    fn enum_keys() {
        let (attrs, errors) = parse(
            vec![
                parse_quote!(#[api(code_case = "snake_case", prefix = "E_", crate = ::my_core, status = 500)]),
            ],
            Level::Enum,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(*attrs.code_case.unwrap(), Case::Snake);
        assert_eq!(attrs.prefix.unwrap().value(), "E_");
        assert!(attrs.krate.unwrap().leading_colon.is_some());
        assert_eq!(*attrs.status.unwrap(), Status(500));
    }

    #[test]
    fn retryable_values() {
        let (attrs, _) = parse(
            vec![parse_quote!(#[api(retryable = false)])],
            Level::Variant,
        );
        assert_eq!(*attrs.retryable.unwrap(), RetryableValue::No);
        let (attrs, _) = parse(
            vec![parse_quote!(#[api(retryable = "after re-auth")])],
            Level::Variant,
        );
        assert_eq!(*attrs.retryable.unwrap(), RetryableValue::AfterReauth);
    }

    #[test]
    fn misuse_is_reported_all_at_once() {
        let (_, errors) = parse(
            vec![
                parse_quote!(#[api(stauts = 404, code = "A", code = "B", prefix = "P")]),
                parse_quote!(#[api(name = "", cause, retryable = 1, expose = true)]),
                parse_quote!(#[api]),
            ],
            Level::Variant,
        );
        assert_eq!(
            errors,
            [
                "unknown key `stauts` in #[api] on a variant; did you mean `status`?",
                "duplicate `code`; give it once",
                "`prefix` belongs on the enum, not on a variant",
                "`name` is empty",
                "`cause` takes a value: `cause = ...`",
                "`retryable` expects `true`, `false`, or a string: \"no\", \"with backoff\", \"with caution\", \"after re-auth\", \"after fixing request\", or \"after\" and a condition",
                "`expose` takes no value; write `#[api(expose)]`",
                "expected `#[api(...)]` with keys inside the parentheses",
            ]
        );
    }

    #[test]
    fn wrong_levels() {
        let (_, errors) = parse(
            vec![parse_quote!(#[api(code = "A", cause = "x")])],
            Level::Enum,
        );
        assert_eq!(
            errors,
            [
                "`code` belongs on a variant, not on the enum",
                "`cause` belongs on a variant, not on the enum"
            ]
        );
        let (_, errors) = parse(
            vec![parse_quote!(#[api(code = "A")])],
            Level::Field { in_struct: true },
        );
        assert_eq!(errors, ["`code` belongs on the struct, not on a field"]);
        let (_, errors) = parse(vec![parse_quote!(#[api(details)])], Level::Variant);
        assert_eq!(errors, ["`details` belongs on a field, not on a variant"]);
        let (attrs, errors) = parse(
            vec![parse_quote!(#[api(details)])],
            Level::Field { in_struct: true },
        );
        assert!(errors.is_empty() && attrs.details.is_some(), "{errors:?}");
        let (_, errors) = parse(
            vec![parse_quote!(#[api(status = 400)])],
            Level::Field { in_struct: false },
        );
        assert_eq!(
            errors,
            ["`status` belongs on a variant or the enum, not on a field"]
        );
        let (_, errors) = parse(
            vec![parse_quote!(#[api(code = "A", prefix = "P", code_case = "snake_case")])],
            Level::Struct,
        );
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn headers() {
        let (attrs, errors) = parse(
            vec![
                parse_quote!(#[api(retry_after = 60, www_authenticate = "Bearer", header("Cache-Control", "no-store"), header("x-a", "b"))]),
            ],
            Level::Variant,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(*attrs.retry_after.unwrap(), 60);
        assert_eq!(attrs.www_authenticate.unwrap().value(), "Bearer");
        let names: Vec<_> = attrs
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_str()))
            .collect();
        assert_eq!(names, [("cache-control", "no-store"), ("x-a", "b")]);
        let (attrs, errors) = parse(
            vec![parse_quote!(#[api(retry_after)])],
            Level::Field { in_struct: false },
        );
        assert!(
            errors.is_empty() && attrs.retry_after_field.is_some(),
            "{errors:?}"
        );
        let (_, errors) = parse(
            vec![parse_quote!(#[api(
                retry_after, header("bad name", "x"), header("x-a", "line\nbreak"), header("Content-Type", "x"),
                header("x-b"), www_authenticate = " padded", header("x-c", "1"), header("X-C", "2")
            )])],
            Level::Variant,
        );
        assert_eq!(
            errors,
            [
                "`retry_after` takes a value: `retry_after = ...`",
                "`bad name` is not a valid header name; a name is letters, digits and !#$%&'*+-.^_`|~",
                "`line\\nbreak` is not a valid header value; use visible ASCII and spaces, without leading or trailing space",
                "header `content-type` cannot be declared here; the envelope sets it",
                "`header` takes a name and a value: `header(\"cache-control\", \"no-store\")`",
                "` padded` is not a valid header value; use visible ASCII and spaces, without leading or trailing space",
                "duplicate header `x-c`; give it once",
            ]
        );
    }

    #[test]
    fn rejections_and_the_fixed_500() {
        let (attrs, errors) = parse(
            vec![parse_quote!(#[api(rejection(json_data, method), internal)])],
            Level::Variant,
        );
        assert!(errors.is_empty(), "{errors:?}");
        let kinds = attrs.rejection.unwrap().kinds.unwrap();
        let names: Vec<_> = kinds.iter().map(|(kind, _)| kind.name).collect();
        assert_eq!(names, ["json_data", "method"]);
        assert!(attrs.internal.is_some());
        let (attrs, errors) = parse(vec![parse_quote!(#[api(rejection)])], Level::Variant);
        assert!(errors.is_empty() && attrs.rejection.unwrap().kinds.is_none());
        let (_, errors) = parse(
            vec![parse_quote!(#[api(rejection(path, pth, path), internal(x))])],
            Level::Variant,
        );
        assert_eq!(
            errors,
            [
                "unknown rejection kind `pth`; did you mean `path`?",
                "duplicate rejection kind `path`; give it once",
                "`internal` takes no value; write `#[api(internal)]` on the variant that is the catalog's fixed 500",
            ]
        );
    }

    #[test]
    fn envelopes() {
        let (attrs, errors) = parse(vec![parse_quote!(#[api(envelope = "face")])], Level::Enum);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(matches!(
            attrs.envelope.as_deref(),
            Some(EnvelopeRef::Builtin("FACE"))
        ));
        let (attrs, _) = parse(
            vec![parse_quote!(#[api(envelope = crate::SHAPE)])],
            Level::Enum,
        );
        assert!(matches!(
            attrs.envelope.as_deref(),
            Some(EnvelopeRef::Path(_))
        ));
        let (_, errors) = parse(vec![parse_quote!(#[api(envelope = "fase")])], Level::Enum);
        assert_eq!(errors, ["unknown envelope `fase`; did you mean `face`?"]);
        let (_, errors) = parse(vec![parse_quote!(#[api(envelope = "json")])], Level::Enum);
        assert!(
            errors[0].contains("the built-in envelopes are \"problem\", \"petnow\""),
            "{errors:?}"
        );
        let (_, errors) = parse(vec![parse_quote!(#[api(envelope = 1)])], Level::Enum);
        assert!(
            errors[0].starts_with("`envelope` expects a built-in name"),
            "{errors:?}"
        );
    }

    #[test]
    fn envelope_field_roles_and_attributes() {
        let (attrs, errors) = parse(
            vec![
                parse_quote!(#[api(attr(doc_url = "https://x/{code}", type = "card_error", retries = -3, client = true), custom_envelope = crate::Legacy)]),
            ],
            Level::Enum,
        );
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<String> = attrs
            .attrs
            .iter()
            .map(|decl| decl.name.to_string())
            .collect();
        assert_eq!(names, ["doc_url", "type", "retries", "client"]);
        assert!(matches!(
            attrs.attrs[2].value,
            crate::template::AttrLit::Int(-3)
        ));
        assert!(matches!(
            attrs.attrs[3].value,
            crate::template::AttrLit::Bool(true)
        ));
        assert!(attrs.custom_envelope.is_some());
        let (attrs, errors) = parse(
            vec![parse_quote!(#[api(member = "retryAfter", header = "X-Limit", inner)])],
            Level::Field { in_struct: false },
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            attrs
                .member
                .as_deref()
                .and_then(Option::as_ref)
                .map(LitStr::value)
                .as_deref(),
            Some("retryAfter")
        );
        assert_eq!(
            attrs.header_field.as_deref().map(String::as_str),
            Some("x-limit")
        );
        assert!(attrs.inner.is_some());
        let (_, errors) = parse(
            vec![
                parse_quote!(#[api(attr(a = 1.5), attr(b), member = "", header = "content-type")]),
            ],
            Level::Field { in_struct: false },
        );
        assert_eq!(
            errors,
            [
                "`attr` belongs on a variant or the enum, not on a field",
                "`attr` belongs on a variant or the enum, not on a field",
                "`member` is empty",
                "header `content-type` cannot be declared here; the envelope sets it",
            ]
        );
        let (_, errors) = parse(
            vec![parse_quote!(#[api(attr(a = 1.5), attr(b), attr(a = 1, a = 2))])],
            Level::Variant,
        );
        assert_eq!(
            errors,
            [
                "attribute `a` expects a string, an integer or a boolean literal",
                "`attr` takes named values: `attr(doc_url = \"https://...\", retries = 3, client = true)`",
                "duplicate attribute `a`; give it once",
            ]
        );
    }

    #[test]
    fn crate_paths() {
        let (_, errors) = parse(vec![parse_quote!(#[api(crate = my_core)])], Level::Enum);
        assert!(
            errors[0].starts_with("`crate` must be an absolute path"),
            "{errors:?}"
        );
        let (attrs, errors) = parse(vec![parse_quote!(#[api(crate = "::renamed")])], Level::Enum);
        assert!(errors.is_empty() && attrs.krate.is_some(), "{errors:?}");
        let (_, errors) = parse(
            vec![parse_quote!(#[api(crate = "not a path")])],
            Level::Enum,
        );
        assert_eq!(
            errors,
            ["`crate` expects a path such as `::api_error_core`"]
        );
        let (attrs, errors) = parse(
            vec![parse_quote!(#[api(crate = crate::errors::api)])],
            Level::Enum,
        );
        assert!(errors.is_empty() && attrs.krate.is_some(), "{errors:?}");
    }

    #[test]
    fn doc_comments() {
        let attrs: Vec<Attribute> = vec![
            parse_quote!(#[doc = " Pet ID does not exist."]),
            parse_quote!(#[doc = ""]),
            parse_quote!(#[doc = " Or it was deleted.  "]),
            parse_quote!(#[api(code = "X")]),
        ];
        assert_eq!(doc(&attrs), "Pet ID does not exist.\n\nOr it was deleted.");
        assert_eq!(doc(&[]), "");
    }
}
