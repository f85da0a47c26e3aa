//! The public message template: `"pet {pet_id} not found"`, `"{0:?} is invalid"`.
//!
//! Grammar, a subset of `format!`'s:
//!
//! ```text
//! template    := (text | "{{" | "}}" | placeholder)*
//! placeholder := "{" [field] [":" spec] "}"
//! field       := identifier | integer          (empty: the next positional field)
//! spec        := [[fill] align] [sign] ["#"] ["0"] [width] ["." precision] [type]
//! type        := "" | "?" | "x?" | "X?" | "x" | "X" | "o" | "b" | "e" | "E"
//! ```
//!
//! Width and precision are plain integers: arguments that name other values (`*`, `n$`) would
//! reach outside the variant's fields.

use proc_macro2::Span;

/// A parsed template, with every placeholder still naming its field as written.
#[derive(Clone, Debug)]
pub struct Template {
    pub source: String,
    pub segments: Vec<Segment>,
    pub span: Span,
    /// The string literal as written, when the template came from one: rustc can point
    /// inside it (see `placeholder.rs`).
    pub literal: Option<syn::LitStr>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Placeholder(Placeholder),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub field: FieldRef,
    /// The spec as written after `:`, already checked.
    pub spec: String,
    pub format: FormatTrait,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldRef {
    Named(String),
    Index(usize),
}

/// The `core::fmt` trait a placeholder formats its value with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormatTrait {
    Display,
    Debug,
    LowerHex,
    UpperHex,
    Octal,
    Binary,
    LowerExp,
    UpperExp,
}

impl FormatTrait {
    pub fn name(self) -> &'static str {
        match self {
            FormatTrait::Display => "Display",
            FormatTrait::Debug => "Debug",
            FormatTrait::LowerHex => "LowerHex",
            FormatTrait::UpperHex => "UpperHex",
            FormatTrait::Octal => "Octal",
            FormatTrait::Binary => "Binary",
            FormatTrait::LowerExp => "LowerExp",
            FormatTrait::UpperExp => "UpperExp",
        }
    }
}

impl Template {
    pub fn parse(source: &str, span: Span) -> Result<Template, String> {
        let mut segments = Vec::new();
        let mut text = String::new();
        let mut next_positional = 0;
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    text.push('}');
                }
                '}' => {
                    return Err("unmatched `}` in message; write `}}` for a literal brace".into());
                }
                '{' => {
                    let mut inner = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some('{') => {
                                return Err(format!(
                                    "`{{` inside placeholder `{{{inner}`; write `{{{{` for a literal brace"
                                ));
                            }
                            Some(c) => inner.push(c),
                            None => {
                                return Err(format!(
                                    "unclosed placeholder `{{{inner}` in message; close it with `}}` or write `{{{{` for a literal brace"
                                ));
                            }
                        }
                    }
                    if !text.is_empty() {
                        segments.push(Segment::Text(std::mem::take(&mut text)));
                    }
                    segments.push(Segment::Placeholder(parse_placeholder(
                        &inner,
                        &mut next_positional,
                    )?));
                }
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            segments.push(Segment::Text(text));
        }
        Ok(Template {
            source: source.to_owned(),
            segments,
            span,
            literal: None,
        })
    }

    pub fn placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Placeholder(placeholder) => Some(placeholder),
            Segment::Text(_) => None,
        })
    }

    /// The message itself when it interpolates nothing.
    pub fn as_static(&self) -> Option<String> {
        self.segments
            .iter()
            .map(|segment| match segment {
                Segment::Text(text) => Some(text.as_str()),
                Segment::Placeholder(_) => None,
            })
            .collect()
    }
}

fn parse_placeholder(inner: &str, next_positional: &mut usize) -> Result<Placeholder, String> {
    let (field, spec) = match inner.split_once(':') {
        Some((field, spec)) => (field.trim(), spec),
        None => (inner.trim(), ""),
    };
    let field = if field.is_empty() {
        let index = *next_positional;
        *next_positional += 1;
        FieldRef::Index(index)
    } else if field.bytes().all(|b| b.is_ascii_digit()) {
        let index = field
            .parse()
            .map_err(|_| format!("placeholder `{{{field}}}` is not a field index"))?;
        FieldRef::Index(index)
    } else if is_identifier(field) {
        FieldRef::Named(field.trim_start_matches("r#").to_owned())
    } else {
        return Err(format!(
            "placeholder `{{{inner}}}` does not name a field; write `{{field}}`, `{{0}}` or `{{field:?}}`"
        ));
    };
    let format = check_spec(spec)
        .map_err(|reason| format!("invalid format spec `:{spec}` in `{{{inner}}}`: {reason}"))?;
    Ok(Placeholder {
        field,
        spec: spec.to_owned(),
        format,
    })
}

fn is_identifier(text: &str) -> bool {
    let text = text.strip_prefix("r#").unwrap_or(text);
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|first| first == '_' || first.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
        && text != "_"
}

fn check_spec(spec: &str) -> Result<FormatTrait, String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut at = 0;
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '^' | '>'));
    // [[fill] align]
    if is_align(chars.get(1)) {
        at = 2;
    } else if is_align(chars.first()) {
        at = 1;
    }
    // [sign] ['#'] ['0']
    for flag in ['+', '#', '0'] {
        if flag == '+' && matches!(chars.get(at), Some('+' | '-')) || chars.get(at) == Some(&flag) {
            at += 1;
        }
    }
    // [width]
    let digits = |at: &mut usize| {
        let start = *at;
        while chars.get(*at).is_some_and(char::is_ascii_digit) {
            *at += 1;
        }
        *at > start
    };
    digits(&mut at);
    if matches!(chars.get(at), Some('$' | '*')) {
        return Err("width and precision must be plain integers".into());
    }
    // ['.' precision]
    if chars.get(at) == Some(&'.') {
        at += 1;
        if !digits(&mut at) {
            return Err("width and precision must be plain integers".into());
        }
        if matches!(chars.get(at), Some('$' | '*')) {
            return Err("width and precision must be plain integers".into());
        }
    }
    // [type]
    let kind: String = chars[at..].iter().collect();
    Ok(match kind.as_str() {
        "" => FormatTrait::Display,
        "?" | "x?" | "X?" | "#?" => FormatTrait::Debug,
        "x" => FormatTrait::LowerHex,
        "X" => FormatTrait::UpperHex,
        "o" => FormatTrait::Octal,
        "b" => FormatTrait::Binary,
        "e" => FormatTrait::LowerExp,
        "E" => FormatTrait::UpperExp,
        other => {
            return Err(format!(
                "unknown format `{other}`; expected one of ``, `?`, `x?`, `X?`, `x`, `X`, `o`, `b`, `e`, `E`"
            ));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Result<Template, String> {
        Template::parse(source, Span::call_site())
    }

    fn placeholder(field: FieldRef, spec: &str, format: FormatTrait) -> Segment {
        Segment::Placeholder(Placeholder {
            field,
            spec: spec.into(),
            format,
        })
    }

    #[test]
    fn text_and_escapes() {
        let template = parse("entity {{id}} not found").unwrap();
        assert_eq!(
            template.segments,
            [Segment::Text("entity {id} not found".into())]
        );
        assert_eq!(
            template.as_static().as_deref(),
            Some("entity {id} not found")
        );
        assert_eq!(parse("").unwrap().as_static().as_deref(), Some(""));
    }

    #[test]
    fn placeholders() {
        let template = parse("pet {pet_id} in {0:?} and {} then {:>8.2e}").unwrap();
        assert_eq!(
            template.segments,
            [
                Segment::Text("pet ".into()),
                placeholder(FieldRef::Named("pet_id".into()), "", FormatTrait::Display),
                Segment::Text(" in ".into()),
                placeholder(FieldRef::Index(0), "?", FormatTrait::Debug),
                Segment::Text(" and ".into()),
                placeholder(FieldRef::Index(0), "", FormatTrait::Display),
                Segment::Text(" then ".into()),
                placeholder(FieldRef::Index(1), ">8.2e", FormatTrait::LowerExp),
            ]
        );
        assert_eq!(template.as_static(), None);
        assert_eq!(template.placeholders().count(), 4);
        let raw = parse("{r#type}").unwrap();
        assert_eq!(
            raw.placeholders().next().unwrap().field,
            FieldRef::Named("type".into())
        );
    }

    #[test]
    fn specs() {
        for (spec, format) in [
            ("", FormatTrait::Display),
            ("#?", FormatTrait::Debug),
            ("*^10", FormatTrait::Display),
            ("+08.3", FormatTrait::Display),
            ("#010x", FormatTrait::LowerHex),
            ("X", FormatTrait::UpperHex),
            ("o", FormatTrait::Octal),
            ("#b", FormatTrait::Binary),
            ("E", FormatTrait::UpperExp),
            ("x?", FormatTrait::Debug),
        ] {
            assert_eq!(check_spec(spec), Ok(format), "{spec}");
        }
        for bad in ["q", "1$", ".*", "5.", "??", "<<<"] {
            assert!(check_spec(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn malformed() {
        assert_eq!(
            parse("a } b").unwrap_err(),
            "unmatched `}` in message; write `}}` for a literal brace"
        );
        assert!(
            parse("a {b")
                .unwrap_err()
                .starts_with("unclosed placeholder `{b`")
        );
        assert!(parse("{a{b}").unwrap_err().contains("inside placeholder"));
        assert!(
            parse("{a-b}")
                .unwrap_err()
                .contains("does not name a field")
        );
        assert!(parse("{_}").unwrap_err().contains("does not name a field"));
        assert_eq!(
            parse("{id:q}").unwrap_err(),
            "invalid format spec `:q` in `{id:q}`: unknown format `q`; expected one of ``, `?`, `x?`, `X?`, `x`, `X`, `o`, `b`, `e`, `E`"
        );
    }
}
