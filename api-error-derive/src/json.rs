//! JSON text prepared at compile time: codes and static messages are escaped once, here, so
//! writing a body copies them as they are.

use crate::code::CodeValue;

/// `text` as a JSON string literal, quotes included.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            c if c < ' ' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn code(code: &CodeValue) -> String {
    match code {
        CodeValue::Str(text) => string(text),
        CodeValue::Int(value) => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The same escapes serde_json writes, so fragments prepared here are byte-identical to
    // what serializing the text at run time would give.
    #[test]
    fn escapes_like_serde_json() {
        assert_eq!(string("plain"), r#""plain""#);
        assert_eq!(string("a \"q\" \\ b"), r#""a \"q\" \\ b""#);
        assert_eq!(string("\n\r\t\u{8}\u{c}"), r#""\n\r\t\b\f""#);
        assert_eq!(string("\u{1}\u{1f}"), r#""\u0001\u001f""#);
        assert_eq!(string("ünï \u{7f} 🙂"), "\"ünï \u{7f} 🙂\"");
        assert_eq!(code(&CodeValue::Int(-3)), "-3");
        assert_eq!(code(&CodeValue::Str("X".into())), r#""X""#);
    }
}
