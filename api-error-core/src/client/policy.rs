//! The retry loop's rules: how many attempts, how long to wait between them, and when to stop.

use std::time::Duration;

use crate::RetryAdvice;

/// How a client retries a request: a bounded number of attempts, exponential backoff with
/// jitter between them, the server's Retry-After honoured, and no retry of an error the
/// catalog marks not retryable.
///
/// [`RetryPolicy::new`] is the strategy API documents prescribe for transient errors (5xx,
/// rate limits): three attempts, waiting `2^n` seconds plus up to a second of random jitter
/// before retry `n` (counting from 0), and never less than the Retry-After the server sent.
/// A Retry-After longer than [`max_delay`](Self::max_delay) (a minute by default) stops the
/// loop, rather than holding a caller that long.
///
/// ```
/// use std::time::Duration;
/// use api_error_core::RetryAdvice;
/// use api_error_core::client::{RetryPolicy, RetryStep};
///
/// let policy = RetryPolicy::new();
/// let mut retries = policy.retries();
/// // A 429 asking for 5 seconds, then a 503 without Retry-After.
/// let limited = RetryAdvice::Retry { retry_after: Some(Duration::from_secs(5)) };
/// let RetryStep::Wait(wait) = retries.next(limited) else { panic!() };
/// assert!(wait >= Duration::from_secs(5));
/// let unavailable = RetryAdvice::Retry { retry_after: None };
/// let RetryStep::Wait(wait) = retries.next(unavailable) else { panic!() };
/// assert!(wait >= Duration::from_secs(2) && wait < Duration::from_secs(3));
/// // Three attempts have failed: the policy gives up.
/// assert_eq!(retries.next(unavailable), RetryStep::Stop);
///
/// // Re-authenticate once, then stop; never retry what the catalog marks not retryable.
/// let mut retries = policy.retries();
/// assert_eq!(retries.next(RetryAdvice::Reauthenticate), RetryStep::Reauthenticate);
/// assert_eq!(retries.next(RetryAdvice::Reauthenticate), RetryStep::Stop);
/// assert_eq!(policy.retries().next(RetryAdvice::Never), RetryStep::Stop);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    attempts: u32,
    base_delay: Duration,
    jitter: Duration,
    max_delay: Duration,
    reauthentications: u32,
}

impl RetryPolicy {
    /// Three attempts; `2^n` seconds and up to one second of jitter before retry `n`; waits
    /// of at most a minute; one re-authentication.
    ///
    /// ```
    /// use std::time::Duration;
    /// use api_error_core::client::RetryPolicy;
    ///
    /// let policy = RetryPolicy::new();
    /// assert_eq!(policy.max_attempts(), 3);
    /// assert_eq!(policy.backoff(0, 0.0), Duration::from_secs(1));
    /// assert_eq!(policy.backoff(2, 0.5), Duration::from_millis(4_500));
    /// ```
    pub const fn new() -> RetryPolicy {
        RetryPolicy {
            attempts: 3,
            base_delay: Duration::from_secs(1),
            jitter: Duration::from_secs(1),
            max_delay: Duration::from_secs(60),
            reauthentications: 1,
        }
    }

    /// At most this many attempts in all, the first one included (at least 1).
    ///
    /// ```
    /// use api_error_core::client::RetryPolicy;
    ///
    /// assert_eq!(RetryPolicy::new().attempts(5).max_attempts(), 5);
    /// assert_eq!(RetryPolicy::new().attempts(0).max_attempts(), 1);
    /// ```
    #[must_use]
    pub const fn attempts(mut self, attempts: u32) -> RetryPolicy {
        self.attempts = if attempts == 0 { 1 } else { attempts };
        self
    }

    /// The wait before the first retry, doubled for each retry after it.
    ///
    /// ```
    /// use std::time::Duration;
    /// use api_error_core::client::RetryPolicy;
    ///
    /// let policy = RetryPolicy::new().base_delay(Duration::from_millis(100));
    /// assert_eq!(policy.backoff(3, 0.0), Duration::from_millis(800));
    /// ```
    #[must_use]
    pub const fn base_delay(mut self, delay: Duration) -> RetryPolicy {
        self.base_delay = delay;
        self
    }

    /// The most random time added to each wait, so that clients that failed together do not
    /// retry together.
    ///
    /// ```
    /// use std::time::Duration;
    /// use api_error_core::client::RetryPolicy;
    ///
    /// let policy = RetryPolicy::new().jitter(Duration::ZERO);
    /// assert_eq!(policy.backoff(1, 0.9), Duration::from_secs(2));
    /// ```
    #[must_use]
    pub const fn jitter(mut self, jitter: Duration) -> RetryPolicy {
        self.jitter = jitter;
        self
    }

    /// The longest wait the policy accepts: backoff is capped at it, and a Retry-After
    /// beyond it stops the loop.
    ///
    /// ```
    /// use std::time::Duration;
    /// use api_error_core::client::RetryPolicy;
    ///
    /// let policy = RetryPolicy::new().max_delay(Duration::from_secs(3));
    /// assert_eq!(policy.backoff(10, 0.0), Duration::from_secs(3));
    /// ```
    #[must_use]
    pub const fn max_delay(mut self, delay: Duration) -> RetryPolicy {
        self.max_delay = delay;
        self
    }

    /// How many times the loop may re-authenticate (1 by default; 0 never).
    ///
    /// ```
    /// use api_error_core::RetryAdvice;
    /// use api_error_core::client::{RetryPolicy, RetryStep};
    ///
    /// let mut retries = RetryPolicy::new().reauthentications(0).retries();
    /// assert_eq!(retries.next(RetryAdvice::Reauthenticate), RetryStep::Stop);
    /// ```
    #[must_use]
    pub const fn reauthentications(mut self, times: u32) -> RetryPolicy {
        self.reauthentications = times;
        self
    }

    /// The number of attempts, the first one included.
    ///
    /// ```
    /// use api_error_core::client::RetryPolicy;
    ///
    /// assert_eq!(RetryPolicy::new().max_attempts(), 3);
    /// ```
    pub const fn max_attempts(&self) -> u32 {
        self.attempts
    }

    /// The wait before retry `retry` (0 for the first retry), with `unit` (from 0 to 1) of
    /// the jitter: `base_delay * 2^retry + jitter * unit`, at most `max_delay`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use api_error_core::client::RetryPolicy;
    ///
    /// let policy = RetryPolicy::new();
    /// assert_eq!(policy.backoff(1, 0.25), Duration::from_millis(2_250));
    /// assert_eq!(policy.backoff(u32::MAX, 1.0), Duration::from_secs(60));
    /// ```
    pub fn backoff(&self, retry: u32, unit: f64) -> Duration {
        let factor = 1u32.checked_shl(retry).unwrap_or(u32::MAX);
        let exponential = self.base_delay.saturating_mul(factor);
        let unit = if unit.is_finite() {
            unit.clamp(0.0, 1.0)
        } else {
            0.0
        };
        exponential
            .saturating_add(self.jitter.mul_f64(unit))
            .min(self.max_delay)
    }

    /// The retries of one request under this policy.
    ///
    /// ```
    /// use api_error_core::client::RetryPolicy;
    ///
    /// assert_eq!(RetryPolicy::new().retries().failures(), 0);
    /// ```
    pub const fn retries(&self) -> Retries {
        Retries {
            policy: *self,
            failures: 0,
            reauthentications: 0,
            cautious: false,
        }
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::new()
    }
}

/// The retries of one request: how many attempts failed, and whether the loop already
/// re-authenticated or made its one cautious retry. Ask it for the next step after each
/// failure.
///
/// ```
/// use api_error_core::RetryAdvice;
/// use api_error_core::client::{RetryPolicy, RetryStep};
///
/// let mut retries = RetryPolicy::new().retries();
/// let caution = RetryAdvice::RetryOnce { retry_after: None };
/// assert!(matches!(retries.next(caution), RetryStep::Wait(_)));
/// assert_eq!(retries.next(caution), RetryStep::Stop);
/// assert_eq!(retries.failures(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retries {
    policy: RetryPolicy,
    failures: u32,
    reauthentications: u32,
    cautious: bool,
}

impl Retries {
    /// What to do after an attempt failed with `advice`, with random jitter.
    ///
    /// Call it for transport failures too (a refused connection, a timeout), with
    /// `RetryAdvice::Retry { retry_after: None }`.
    ///
    /// ```
    /// use api_error_core::RetryAdvice;
    /// use api_error_core::client::{RetryPolicy, RetryStep};
    ///
    /// let mut retries = RetryPolicy::new().retries();
    /// assert_eq!(retries.next(RetryAdvice::FixRequest), RetryStep::Stop);
    /// ```
    pub fn next(&mut self, advice: RetryAdvice) -> RetryStep {
        self.next_with_jitter(advice, fastrand::f64())
    }

    /// What to do after an attempt failed with `advice`, with `unit` (from 0 to 1) of the
    /// policy's jitter: the same as [`next`](Self::next), for a caller with its own source
    /// of randomness, or none.
    ///
    /// ```
    /// use std::time::Duration;
    /// use api_error_core::RetryAdvice;
    /// use api_error_core::client::{RetryPolicy, RetryStep};
    ///
    /// let mut retries = RetryPolicy::new().retries();
    /// let advice = RetryAdvice::Retry { retry_after: None };
    /// assert_eq!(retries.next_with_jitter(advice, 0.5), RetryStep::Wait(Duration::from_millis(1_500)));
    /// assert_eq!(retries.next_with_jitter(advice, 0.0), RetryStep::Wait(Duration::from_secs(2)));
    /// ```
    pub fn next_with_jitter(&mut self, advice: RetryAdvice, unit: f64) -> RetryStep {
        let retry = self.failures;
        self.failures = self.failures.saturating_add(1);
        if self.failures >= self.policy.attempts {
            return RetryStep::Stop;
        }
        match advice {
            RetryAdvice::Retry { retry_after } => self.wait(retry, retry_after, unit),
            RetryAdvice::RetryOnce { retry_after } if !self.cautious => {
                self.cautious = true;
                self.wait(retry, retry_after, unit)
            }
            RetryAdvice::Reauthenticate
                if self.reauthentications < self.policy.reauthentications =>
            {
                self.reauthentications += 1;
                RetryStep::Reauthenticate
            }
            _ => RetryStep::Stop,
        }
    }

    /// How many attempts have failed so far.
    ///
    /// ```
    /// use api_error_core::RetryAdvice;
    /// use api_error_core::client::RetryPolicy;
    ///
    /// let mut retries = RetryPolicy::new().retries();
    /// retries.next(RetryAdvice::Never);
    /// assert_eq!(retries.failures(), 1);
    /// ```
    pub const fn failures(&self) -> u32 {
        self.failures
    }

    fn wait(&self, retry: u32, retry_after: Option<Duration>, unit: f64) -> RetryStep {
        let backoff = self.policy.backoff(retry, unit);
        match retry_after {
            Some(asked) if asked > self.policy.max_delay => RetryStep::Stop,
            Some(asked) => RetryStep::Wait(asked.max(backoff)),
            None => RetryStep::Wait(backoff),
        }
    }
}

/// The next step of a client loop, from [`Retries::next`].
///
/// ```
/// use api_error_core::client::RetryStep;
///
/// assert_ne!(RetryStep::Reauthenticate, RetryStep::Stop);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RetryStep {
    /// Wait this long, then send the request again.
    Wait(Duration),
    /// Obtain fresh credentials, then send the request again.
    Reauthenticate,
    /// Give up: return the error to the caller.
    Stop,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_is_a_floor_and_a_ceiling_stops() {
        let policy = RetryPolicy::new();
        let mut retries = policy.retries();
        let short = RetryAdvice::Retry {
            retry_after: Some(Duration::from_millis(10)),
        };
        assert_eq!(
            retries.next_with_jitter(short, 0.0),
            RetryStep::Wait(Duration::from_secs(1))
        );
        let long = RetryAdvice::Retry {
            retry_after: Some(Duration::from_secs(3_600)),
        };
        assert_eq!(
            policy.retries().next_with_jitter(long, 0.0),
            RetryStep::Stop
        );
    }

    #[test]
    fn attempts_bound_every_kind_of_retry() {
        let mut retries = RetryPolicy::new().attempts(1).retries();
        assert_eq!(
            retries.next_with_jitter(RetryAdvice::Reauthenticate, 0.0),
            RetryStep::Stop
        );
        let mut retries = RetryPolicy::new().attempts(2).retries();
        let again = RetryAdvice::Retry { retry_after: None };
        assert!(matches!(
            retries.next_with_jitter(again, 0.0),
            RetryStep::Wait(_)
        ));
        assert_eq!(retries.next_with_jitter(again, 0.0), RetryStep::Stop);
    }

    #[test]
    fn conditions_and_fixes_are_for_the_caller() {
        for advice in [
            RetryAdvice::FixRequest,
            RetryAdvice::When("after the running job completes"),
            RetryAdvice::Never,
        ] {
            assert_eq!(
                RetryPolicy::new().retries().next_with_jitter(advice, 0.0),
                RetryStep::Stop
            );
        }
    }

    #[test]
    fn jitter_out_of_range_is_clamped() {
        let policy = RetryPolicy::new();
        assert_eq!(policy.backoff(0, f64::NAN), Duration::from_secs(1));
        assert_eq!(policy.backoff(0, -3.0), Duration::from_secs(1));
        assert_eq!(policy.backoff(0, 7.0), Duration::from_secs(2));
    }
}
