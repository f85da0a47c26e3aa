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
