//! Reading a Retry-After header back: whole seconds or an HTTP date (RFC 9110, section 10.2.3).

use std::time::{Duration, SystemTime};

use http::HeaderMap;

use crate::RetryAfter;

impl RetryAfter {
    /// Reads a Retry-After value: a number of seconds (`"120"`) or an HTTP date
    /// (`"Sun, 06 Nov 1994 08:49:37 GMT"`, and the two obsolete date formats); `None` for
    /// anything else. A number of seconds too large for a `u64` is read as `u64::MAX`, a wait
    /// no client sits out.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use api_error_core::RetryAfter;
    ///
    /// assert_eq!(RetryAfter::parse("120"), Some(RetryAfter::Seconds(120)));
    /// assert_eq!(
    ///     RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT"),
    ///     Some(RetryAfter::Date(UNIX_EPOCH + Duration::from_secs(784_111_777)))
    /// );
    /// assert_eq!(RetryAfter::parse("-1"), None);
    /// assert_eq!(RetryAfter::parse("soon"), None);
    /// ```
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim();
        if !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit()) {
            // Only digits: it overflows or it is a number.
            return Some(RetryAfter::Seconds(value.parse().unwrap_or(u64::MAX)));
        }
        httpdate::parse_http_date(value).ok().map(RetryAfter::Date)
    }

    /// The Retry-After header among `headers`, when there is one that [`parse`](Self::parse)
    /// can read.
    ///
    /// ```
    /// use api_error_core::RetryAfter;
    /// use http::{HeaderMap, HeaderValue};
    ///
    /// let mut headers = HeaderMap::new();
    /// assert_eq!(RetryAfter::from_headers(&headers), None);
    /// headers.insert("retry-after", HeaderValue::from_static("30"));
    /// assert_eq!(RetryAfter::from_headers(&headers), Some(RetryAfter::Seconds(30)));
    /// ```
    pub fn from_headers(headers: &HeaderMap) -> Option<RetryAfter> {
        let value = headers.get(http::header::RETRY_AFTER)?;
        RetryAfter::parse(value.to_str().ok()?)
    }

    /// How long to wait from `now`: the seconds, or the time until the date (nothing when
    /// it has passed).
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use api_error_core::RetryAfter;
    ///
    /// let now = UNIX_EPOCH + Duration::from_secs(1_000);
    /// assert_eq!(RetryAfter::Seconds(5).delay_from(now), Duration::from_secs(5));
    /// let date = RetryAfter::Date(UNIX_EPOCH + Duration::from_secs(1_030));
    /// assert_eq!(date.delay_from(now), Duration::from_secs(30));
    /// assert_eq!(date.delay_from(now + Duration::from_secs(60)), Duration::ZERO);
    /// ```
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match *self {
            RetryAfter::Seconds(seconds) => Duration::from_secs(seconds),
            RetryAfter::Date(date) => date.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }

    /// How long to wait from now; see [`delay_from`](Self::delay_from).
    ///
    /// ```
    /// use std::time::Duration;
    /// use api_error_core::RetryAfter;
    ///
    /// assert_eq!(RetryAfter::Seconds(2).delay(), Duration::from_secs(2));
    /// ```
    pub fn delay(&self) -> Duration {
        self.delay_from(SystemTime::now())
    }
}

#[cfg(test)]
mod tests {
    use std::time::UNIX_EPOCH;

    use super::*;

    #[test]
    fn obsolete_date_formats_and_white_space() {
        let date = RetryAfter::Date(UNIX_EPOCH + Duration::from_secs(784_111_777));
        assert_eq!(RetryAfter::parse(" 7 "), Some(RetryAfter::Seconds(7)));
        assert_eq!(
            RetryAfter::parse("Sunday, 06-Nov-94 08:49:37 GMT"),
            Some(date)
        );
        assert_eq!(RetryAfter::parse("Sun Nov  6 08:49:37 1994"), Some(date));
    }

    #[test]
    fn nothing_that_is_no_delay() {
        for value in ["", " ", "1.5", "+3", "0x10", "3 s", "Sun, 06 Nov 1994", "∞"] {
            assert_eq!(RetryAfter::parse(value), None, "{value:?}");
        }
        assert_eq!(
            RetryAfter::parse("99999999999999999999999999"),
            Some(RetryAfter::Seconds(u64::MAX))
        );
    }
}
