//! HTTP status values: numbers or names, range-checked at parse time.

// The names and reason phrases of `http::StatusCode`, so `status = NOT_FOUND` means what it
// means there and the default public message of a variant is its status's reason phrase.
const KNOWN: &[(u16, &str, &str)] = &[
    (100, "CONTINUE", "Continue"),
    (101, "SWITCHING_PROTOCOLS", "Switching Protocols"),
    (102, "PROCESSING", "Processing"),
    (103, "EARLY_HINTS", "Early Hints"),
    (200, "OK", "OK"),
    (201, "CREATED", "Created"),
    (202, "ACCEPTED", "Accepted"),
    (
        203,
        "NON_AUTHORITATIVE_INFORMATION",
        "Non Authoritative Information",
    ),
    (204, "NO_CONTENT", "No Content"),
    (205, "RESET_CONTENT", "Reset Content"),
    (206, "PARTIAL_CONTENT", "Partial Content"),
    (207, "MULTI_STATUS", "Multi-Status"),
    (208, "ALREADY_REPORTED", "Already Reported"),
    (226, "IM_USED", "IM Used"),
    (300, "MULTIPLE_CHOICES", "Multiple Choices"),
    (301, "MOVED_PERMANENTLY", "Moved Permanently"),
    (302, "FOUND", "Found"),
    (303, "SEE_OTHER", "See Other"),
    (304, "NOT_MODIFIED", "Not Modified"),
    (305, "USE_PROXY", "Use Proxy"),
    (307, "TEMPORARY_REDIRECT", "Temporary Redirect"),
    (308, "PERMANENT_REDIRECT", "Permanent Redirect"),
    (400, "BAD_REQUEST", "Bad Request"),
    (401, "UNAUTHORIZED", "Unauthorized"),
    (402, "PAYMENT_REQUIRED", "Payment Required"),
    (403, "FORBIDDEN", "Forbidden"),
    (404, "NOT_FOUND", "Not Found"),
    (405, "METHOD_NOT_ALLOWED", "Method Not Allowed"),
    (406, "NOT_ACCEPTABLE", "Not Acceptable"),
    (
        407,
        "PROXY_AUTHENTICATION_REQUIRED",
        "Proxy Authentication Required",
    ),
    (408, "REQUEST_TIMEOUT", "Request Timeout"),
    (409, "CONFLICT", "Conflict"),
    (410, "GONE", "Gone"),
    (411, "LENGTH_REQUIRED", "Length Required"),
    (412, "PRECONDITION_FAILED", "Precondition Failed"),
    (413, "PAYLOAD_TOO_LARGE", "Payload Too Large"),
    (414, "URI_TOO_LONG", "URI Too Long"),
    (415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type"),
    (416, "RANGE_NOT_SATISFIABLE", "Range Not Satisfiable"),
    (417, "EXPECTATION_FAILED", "Expectation Failed"),
    (418, "IM_A_TEAPOT", "I'm a teapot"),
    (421, "MISDIRECTED_REQUEST", "Misdirected Request"),
    (422, "UNPROCESSABLE_ENTITY", "Unprocessable Entity"),
    (423, "LOCKED", "Locked"),
    (424, "FAILED_DEPENDENCY", "Failed Dependency"),
    (425, "TOO_EARLY", "Too Early"),
    (426, "UPGRADE_REQUIRED", "Upgrade Required"),
    (428, "PRECONDITION_REQUIRED", "Precondition Required"),
    (429, "TOO_MANY_REQUESTS", "Too Many Requests"),
    (
        431,
        "REQUEST_HEADER_FIELDS_TOO_LARGE",
        "Request Header Fields Too Large",
    ),
    (
        451,
        "UNAVAILABLE_FOR_LEGAL_REASONS",
        "Unavailable For Legal Reasons",
    ),
    (500, "INTERNAL_SERVER_ERROR", "Internal Server Error"),
    (501, "NOT_IMPLEMENTED", "Not Implemented"),
    (502, "BAD_GATEWAY", "Bad Gateway"),
    (503, "SERVICE_UNAVAILABLE", "Service Unavailable"),
    (504, "GATEWAY_TIMEOUT", "Gateway Timeout"),
    (
        505,
        "HTTP_VERSION_NOT_SUPPORTED",
        "HTTP Version Not Supported",
    ),
    (506, "VARIANT_ALSO_NEGOTIATES", "Variant Also Negotiates"),
    (507, "INSUFFICIENT_STORAGE", "Insufficient Storage"),
    (508, "LOOP_DETECTED", "Loop Detected"),
    (510, "NOT_EXTENDED", "Not Extended"),
    (
        511,
        "NETWORK_AUTHENTICATION_REQUIRED",
        "Network Authentication Required",
    ),
];

use darling::{Error, FromMeta, Result};
use syn::{Expr, ExprLit, Lit, spanned::Spanned};

use crate::suggest;

/// A checked HTTP status: a number in 100..=599.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status(pub u16);

impl Status {
    /// The reason phrase of a registered status, or a phrase for its class.
    pub fn reason(self) -> &'static str {
        match KNOWN.iter().find(|(code, _, _)| *code == self.0) {
            Some((_, _, reason)) => reason,
            None if self.is_server_error() => "Server Error",
            None if self.0 >= 400 => "Client Error",
            None => "Error",
        }
    }

    pub fn is_server_error(self) -> bool {
        self.0 >= 500
    }
}

impl FromMeta for Status {
    fn from_expr(expr: &Expr) -> Result<Self> {
        match expr {
            // status = 404
            Expr::Lit(ExprLit {
                lit: Lit::Int(int), ..
            }) => match int.base10_parse::<u16>() {
                Ok(code @ 100..=599) => Ok(Status(code)),
                _ => Err(Error::custom(format!(
                    "status {} is out of range; an HTTP status lies in 100..=599",
                    int.base10_digits()
                ))
                .with_span(int)),
            },
            // status = NOT_FOUND, status = StatusCode::NOT_FOUND, status = http::StatusCode::NOT_FOUND
            Expr::Path(path) if path.qself.is_none() => {
                let Some(last) = path.path.segments.last() else {
                    return Err(expected_status(expr));
                };
                let name = last.ident.to_string();
                match KNOWN.iter().find(|(_, known, _)| *known == name) {
                    Some((code, _, _)) => Ok(Status(*code)),
                    None => Err(Error::custom(format!(
                        "unknown status name `{name}`{}",
                        suggest::did_you_mean(&name, KNOWN.iter().map(|(_, known, _)| *known))
                    ))
                    .with_span(&last.ident)),
                }
            }
            _ => Err(expected_status(expr)),
        }
    }
}

fn expected_status(expr: &Expr) -> Error {
    Error::custom("expected a status number such as `404` or a name such as `NOT_FOUND`")
        .with_span(&expr.span())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(tokens: &str) -> Result<Status> {
        Status::from_expr(&syn::parse_str(tokens).unwrap())
    }

    #[test]
    fn numbers_and_names() {
        assert_eq!(parse("404").unwrap(), Status(404));
        assert_eq!(parse("NOT_FOUND").unwrap(), Status(404));
        assert_eq!(parse("StatusCode::TOO_MANY_REQUESTS").unwrap(), Status(429));
        assert_eq!(parse("599").unwrap(), Status(599));
        assert_eq!(parse("100").unwrap(), Status(100));
    }

    #[test]
    fn out_of_range() {
        for bad in ["99", "600", "0", "70000"] {
            let message = parse(bad).unwrap_err().to_string();
            assert!(message.contains("out of range"), "{bad}: {message}");
        }
    }

    #[test]
    fn unknown_names_get_suggestions() {
        let message = parse("NOT_FUOND").unwrap_err().to_string();
        assert_eq!(
            message,
            "unknown status name `NOT_FUOND`; did you mean `NOT_FOUND`?"
        );
        let message = parse("\"404\"").unwrap_err().to_string();
        assert!(message.starts_with("expected a status number"), "{message}");
    }

    #[test]
    fn reasons() {
        assert_eq!(Status(404).reason(), "Not Found");
        assert_eq!(Status(599).reason(), "Server Error");
        assert_eq!(Status(499).reason(), "Client Error");
        assert!(Status(503).is_server_error());
    }
}
