//! Response headers: Retry-After from a field or a number, WWW-Authenticate on 401s, and
//! declared static headers.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use api_error_core::{ApiError, HeaderValue, RetryAfter};

#[derive(Debug, ApiError)]
#[api(
    code_case = "SCREAMING_SNAKE_CASE",
    status = 400,
    header("Cache-Control", "no-store"),
    header("x-api-version", "2"),
    www_authenticate = "Bearer realm=\"api\""
)]
enum Error {
    Plain,
    #[api(status = 401)]
    Unauthorized,
    #[api(status = 401, www_authenticate = "Basic realm=\"admin\"")]
    AdminOnly,
    #[api(status = 429)]
    RateLimited {
        #[api(retry_after)]
        seconds: u32,
    },
    #[api(status = 503)]
    Maintenance {
        #[api(retry_after)]
        until: SystemTime,
    },
    #[api(status = 503)]
    MaybeLater {
        #[api(retry_after)]
        wait: Option<Duration>,
    },
    #[api(status = 503, retry_after = 120, header("x-api-version", "3"))]
    Fixed,
}

fn lines(error: &Error) -> Vec<String> {
    error
        .headers()
        .map(|(name, value)| format!("{name}: {value}"))
        .collect()
}

#[test]
fn static_headers_in_declaration_order() {
    assert_eq!(
        lines(&Error::Plain),
        ["cache-control: no-store", "x-api-version: 2"]
    );
}

#[test]
fn www_authenticate_on_401s_only() {
    assert_eq!(
        lines(&Error::Unauthorized),
        [
            "cache-control: no-store",
            "x-api-version: 2",
            "www-authenticate: Bearer realm=\"api\""
        ]
    );
    assert_eq!(
        lines(&Error::AdminOnly)[2],
        "www-authenticate: Basic realm=\"admin\""
    );
    assert!(
        lines(&Error::RateLimited { seconds: 1 })
            .iter()
            .all(|line| !line.starts_with("www"))
    );
}

#[test]
fn retry_after_from_fields_and_numbers() {
    let limited = Error::RateLimited { seconds: 30 };
    let last = limited.headers().last().unwrap();
    assert_eq!(
        last,
        (
            "retry-after",
            HeaderValue::RetryAfter(RetryAfter::Seconds(30))
        )
    );

    let until = UNIX_EPOCH + Duration::from_secs(784_111_777);
    assert_eq!(
        lines(&Error::Maintenance { until }).last().unwrap(),
        "retry-after: Sun, 06 Nov 1994 08:49:37 GMT"
    );
    assert_eq!(
        lines(&Error::MaybeLater {
            wait: Some(Duration::from_millis(2500))
        })
        .last()
        .unwrap(),
        "retry-after: 3"
    );
    assert_eq!(lines(&Error::MaybeLater { wait: None }).len(), 2);
    assert_eq!(
        lines(&Error::Fixed),
        [
            "cache-control: no-store",
            "x-api-version: 3",
            "retry-after: 120"
        ]
    );
}

#[derive(Debug, ApiError)]
#[api(code = "NONE", status = 400)]
struct NoHeaders;

#[test]
fn no_headers_by_default() {
    assert_eq!(NoHeaders.headers().count(), 0);
}

/// The headers a descriptor declares, as `name: value` (`name` alone when a field gives the
/// value), `?` after those an `Option` field gives.
fn declared(error: &Error) -> Vec<String> {
    error
        .descriptor()
        .headers()
        .iter()
        .map(|header| {
            let optional = if header.is_required() { "" } else { "?" };
            match header.value() {
                Some(value) => format!("{}{optional}: {value}", header.name()),
                None => format!("{}{optional}", header.name()),
            }
        })
        .collect()
}

#[test]
fn descriptors_declare_the_headers_responses_send() {
    let until = UNIX_EPOCH + Duration::from_secs(784_111_777);
    let values = [
        Error::Plain,
        Error::Unauthorized,
        Error::AdminOnly,
        Error::RateLimited { seconds: 30 },
        Error::Maintenance { until },
        Error::MaybeLater {
            wait: Some(Duration::from_secs(1)),
        },
        Error::MaybeLater { wait: None },
        Error::Fixed,
    ];
    for error in &values {
        // The same names in the same order; only a `None` field leaves its header out.
        let sent: Vec<&str> = error.headers().map(|(name, _)| name).collect();
        let names: Vec<&str> = error
            .descriptor()
            .headers()
            .iter()
            .map(|h| h.name())
            .collect();
        let required: Vec<&str> = error
            .descriptor()
            .headers()
            .iter()
            .filter(|h| h.is_required())
            .map(|h| h.name())
            .collect();
        assert!(
            sent == names || sent == required,
            "{error:?}: sent {sent:?}, declared {names:?}"
        );
        // A fixed value is the one sent.
        for header in error.descriptor().headers() {
            if let Some(value) = header.value() {
                let (_, sent) = error
                    .headers()
                    .find(|(name, _)| *name == header.name())
                    .unwrap();
                assert_eq!(sent.to_string(), value);
            }
        }
    }
    assert_eq!(
        declared(&Error::Plain),
        ["cache-control: no-store", "x-api-version: 2"]
    );
    assert_eq!(
        declared(&Error::AdminOnly)[2],
        "www-authenticate: Basic realm=\"admin\""
    );
    assert_eq!(
        declared(&Error::RateLimited { seconds: 1 })[2],
        "retry-after"
    );
    assert_eq!(
        declared(&Error::MaybeLater { wait: None })[2],
        "retry-after?"
    );
    assert_eq!(
        declared(&Error::Fixed),
        [
            "cache-control: no-store",
            "x-api-version: 3",
            "retry-after: 120"
        ]
    );
    assert!(NoHeaders::CATALOG.descriptors()[0].headers().is_empty());
}

#[derive(Debug, ApiError)]
#[api(code_case = "SCREAMING_SNAKE_CASE", status = 429)]
enum FieldHeaders {
    Limited {
        #[api(header = "x-ratelimit-remaining")]
        remaining: u32,
        #[api(header = "x-ratelimit-reset")]
        reset: Option<u64>,
    },
}

#[test]
fn header_fields_are_declared_with_their_names() {
    let headers = FieldHeaders::CATALOG.descriptors()[0].headers();
    let names: Vec<(&str, Option<&str>, bool)> = headers
        .iter()
        .map(|h| (h.name(), h.value(), h.is_required()))
        .collect();
    assert_eq!(
        names,
        [
            ("x-ratelimit-remaining", None, true),
            ("x-ratelimit-reset", None, false)
        ]
    );
}
