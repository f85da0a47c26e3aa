//! Whether and how a client may retry: the catalog's advice per error ([`Retryable`]), and the
//! advice for one response ([`RetryAdvice`]), which adds the status and Retry-After.

use core::fmt;
use std::time::Duration;

use http::StatusCode;
use serde::{Serialize, Serializer};

use crate::Descriptor;

/// Retry advice for one error, as a catalog states it: the words of an API's "Retryable"
/// column ("Yes, with backoff", "After re-auth", ...).
///
/// Declared with `#[api(retryable = ...)]` on a variant:
///
/// | declaration | advice |
/// |---|---|
/// | `retryable`, `retryable = true`, `"yes"`, `"with backoff"`, `"yes, with backoff"` | [`Retryable::WithBackoff`] |
/// | `retryable = "with caution"`, `"yes, with caution"` | [`Retryable::WithCaution`] |
/// | `retryable = "after re-auth"`, `"after re-authenticating"` | [`Retryable::AfterReauth`] |
/// | `retryable = "after fixing request"`, `"after fixing the request"` | [`Retryable::AfterFixingRequest`] |
/// | `retryable = false`, `"no"` | [`Retryable::No`] |
/// | `retryable = "after ..."`, any other condition | [`Retryable::After`] |
///
/// The words are compared without regard to case. A string that is none of these and does
/// not start with "after" is a compile error, and so is one that misspells a phrase above.
/// A variant that states no advice has the advice of its status ([`Retryable::for_status`]).
///
/// ```
/// use api_error_core::{ApiError, Retryable};
///
/// #[derive(Debug, ApiError)]
/// enum IncidentError {
///     #[api(code = "RATE_LIMIT_EXCEEDED", status = 429, retryable = "yes, with backoff")]
///     RateLimitExceeded,
///     #[api(code = "INTERNAL_ERROR", status = 500, retryable = "with caution")]
///     InternalError,
///     #[api(code = "SESSION_EXPIRED", status = 401, retryable = "after re-auth")]
///     SessionExpired,
///     #[api(code = "JOB_RUNNING", status = 409, retryable = "after the running job completes")]
///     JobRunning,
/// }
///
/// let advice = |error: IncidentError| error.descriptor().retryable();
/// assert_eq!(advice(IncidentError::RateLimitExceeded), Some(Retryable::WithBackoff));
/// assert_eq!(advice(IncidentError::InternalError), Some(Retryable::WithCaution));
/// assert_eq!(advice(IncidentError::SessionExpired), Some(Retryable::AfterReauth));
/// assert_eq!(
///     advice(IncidentError::JobRunning),
///     Some(Retryable::After("after the running job completes"))
/// );
/// assert_eq!(Retryable::WithCaution.to_string(), "yes, with caution");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Retryable {
    /// "no": the same request fails the same way.
    No,
    /// "yes, with backoff": a transient failure; the same request may succeed later, sent
    /// again after exponentially growing delays and no sooner than the server's Retry-After.
    WithBackoff,
    /// "yes, with caution": the failed attempt may have taken effect (a 500 halfway through
    /// a write), so only a request that is safe to repeat is sent again, and once.
    WithCaution,
    /// "after re-auth": the credentials expired or were revoked; the request may succeed with
    /// fresh ones.
    AfterReauth,
    /// "after fixing request": the request itself is wrong; a corrected one may succeed.
    AfterFixingRequest,
    /// Another condition, in the catalog's words ("after the running job completes").
    After(&'static str),
}

impl Retryable {
    /// The advice of an error that states none, from its HTTP status, as an API's status
    /// table gives it: 401 after re-auth; 408, 425, 429, 502, 503 and 504 with backoff; 500
    /// with caution; 422 after fixing the request; every other status no.
    ///
    /// ```
    /// use api_error_core::Retryable;
    /// use http::StatusCode;
    ///
    /// assert_eq!(Retryable::for_status(StatusCode::UNAUTHORIZED), Retryable::AfterReauth);
    /// assert_eq!(Retryable::for_status(StatusCode::TOO_MANY_REQUESTS), Retryable::WithBackoff);
    /// assert_eq!(Retryable::for_status(StatusCode::INTERNAL_SERVER_ERROR), Retryable::WithCaution);
    /// assert_eq!(Retryable::for_status(StatusCode::UNPROCESSABLE_ENTITY), Retryable::AfterFixingRequest);
    /// assert_eq!(Retryable::for_status(StatusCode::NOT_FOUND), Retryable::No);
    /// ```
    pub const fn for_status(status: StatusCode) -> Retryable {
        match status.as_u16() {
            401 => Retryable::AfterReauth,
            408 | 425 | 429 | 502 | 503 | 504 => Retryable::WithBackoff,
            500 => Retryable::WithCaution,
            422 => Retryable::AfterFixingRequest,
            _ => Retryable::No,
        }
    }

    /// The advice of the error `descriptor` describes: its own, else its status's.
    ///
    /// ```
    /// use api_error_core::{ApiError, Retryable};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "SCREAMING_SNAKE_CASE")]
    /// enum Error {
    ///     #[api(status = 503)]
    ///     Unavailable,
    ///     #[api(status = 503, retryable = false)]
    ///     Retired,
    /// }
    /// assert_eq!(Retryable::of(Error::Unavailable.descriptor()), Retryable::WithBackoff);
    /// assert_eq!(Retryable::of(Error::Retired.descriptor()), Retryable::No);
    /// ```
    pub const fn of(descriptor: &Descriptor) -> Retryable {
        match descriptor.retryable() {
            Some(retryable) => retryable,
            None => Retryable::for_status(descriptor.status()),
        }
    }

    /// Whether retrying can succeed at all, possibly after a condition is met.
    ///
    /// ```
    /// use api_error_core::Retryable;
    ///
    /// assert!(Retryable::AfterReauth.may_retry());
    /// assert!(!Retryable::No.may_retry());
    /// ```
    pub const fn may_retry(&self) -> bool {
        !matches!(self, Retryable::No)
    }

    /// A short, stable name of the kind of advice, as the TypeScript export writes it:
    /// `"never"`, `"backoff"`, `"caution"`, `"reauthenticate"`, `"fix-request"` or
    /// `"condition"`.
    ///
    /// ```
    /// use api_error_core::Retryable;
    ///
    /// assert_eq!(Retryable::AfterFixingRequest.kind(), "fix-request");
    /// assert_eq!(Retryable::After("after the job completes").kind(), "condition");
    /// ```
    pub const fn kind(&self) -> &'static str {
        match self {
            Retryable::No => "never",
            Retryable::WithBackoff => "backoff",
            Retryable::WithCaution => "caution",
            Retryable::AfterReauth => "reauthenticate",
            Retryable::AfterFixingRequest => "fix-request",
            Retryable::After(_) => "condition",
        }
    }

    /// The advice in words, as [`Display`](fmt::Display) writes it: `"no"`,
    /// `"yes, with backoff"`, `"yes, with caution"`, `"after re-auth"`,
    /// `"after fixing request"`, or the condition.
    ///
    /// ```
    /// use api_error_core::Retryable;
    ///
    /// assert_eq!(Retryable::AfterReauth.text(), "after re-auth");
    /// ```
    pub const fn text(&self) -> &'static str {
        match *self {
            Retryable::No => "no",
            Retryable::WithBackoff => "yes, with backoff",
            Retryable::WithCaution => "yes, with caution",
            Retryable::AfterReauth => "after re-auth",
            Retryable::AfterFixingRequest => "after fixing request",
            Retryable::After(condition) => condition,
        }
    }
}

impl fmt::Display for Retryable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.text())
    }
}

impl Serialize for Retryable {
    /// The advice in words: `"yes, with backoff"`, `"after re-auth"`, ...
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.text())
    }
}

/// What a client should do about one error response: the catalog's advice for its code (or
/// its status's, for an error the catalog does not state advice for, does not know, or could
/// not read), with the server's Retry-After.
///
/// [`RetryPolicy`](crate::client::RetryPolicy) turns it into the next step of a client loop.
///
/// ```
/// use std::time::Duration;
/// use api_error_core::{RetryAdvice, Retryable};
/// use http::StatusCode;
///
/// let wait = Some(Duration::from_secs(30));
/// assert_eq!(
///     RetryAdvice::new(Retryable::WithBackoff, wait),
///     RetryAdvice::Retry { retry_after: wait }
/// );
/// assert_eq!(RetryAdvice::new(Retryable::No, wait), RetryAdvice::Never);
/// // An error without a catalog entry, such as a proxy's HTML page: its status decides.
/// assert_eq!(
///     RetryAdvice::for_response(None, StatusCode::BAD_GATEWAY, None),
///     RetryAdvice::Retry { retry_after: None }
/// );
/// assert_eq!(RetryAdvice::Reauthenticate.to_string(), "re-authenticate, then retry");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryAdvice {
    /// Send the same request again after a delay: the server's Retry-After when it gave
    /// one, else exponential backoff with jitter.
    Retry {
        /// How long the server asked to wait.
        retry_after: Option<Duration>,
    },
    /// Send the same request again at most once, after a delay, and only if it is safe to
    /// repeat: the failed attempt may have taken effect.
    RetryOnce {
        /// How long the server asked to wait.
        retry_after: Option<Duration>,
    },
    /// Obtain fresh credentials, then send the request again.
    Reauthenticate,
    /// The request is at fault: send a corrected one, not the same again.
    FixRequest,
    /// Retry once the condition, in the catalog's words, is met; a loop does not retry on
    /// its own.
    When(&'static str),
    /// Do not retry.
    Never,
}

impl RetryAdvice {
    /// The advice `retryable` gives, with the server's Retry-After.
    ///
    /// ```
    /// use api_error_core::{RetryAdvice, Retryable};
    ///
    /// assert_eq!(RetryAdvice::new(Retryable::AfterFixingRequest, None), RetryAdvice::FixRequest);
    /// ```
    pub const fn new(retryable: Retryable, retry_after: Option<Duration>) -> RetryAdvice {
        match retryable {
            Retryable::No => RetryAdvice::Never,
            Retryable::WithBackoff => RetryAdvice::Retry { retry_after },
            Retryable::WithCaution => RetryAdvice::RetryOnce { retry_after },
            Retryable::AfterReauth => RetryAdvice::Reauthenticate,
            Retryable::AfterFixingRequest => RetryAdvice::FixRequest,
            Retryable::After(condition) => RetryAdvice::When(condition),
        }
    }

    /// The advice for a response with this `status`: the catalog's advice for the error's
    /// `descriptor`, when the code is known and the catalog states advice for it, else the
    /// status's ([`Retryable::for_status`]).
    ///
    /// ```
    /// use api_error_core::{ApiError, RetryAdvice};
    /// use http::StatusCode;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(code_case = "SCREAMING_SNAKE_CASE")]
    /// enum Error {
    ///     #[api(status = 500, retryable = false)]
    ///     UnknownSpecies,
    /// }
    /// let descriptor = Error::UnknownSpecies.descriptor();
    /// let status = StatusCode::INTERNAL_SERVER_ERROR;
    /// assert_eq!(RetryAdvice::for_response(Some(descriptor), status, None), RetryAdvice::Never);
    /// assert_eq!(
    ///     RetryAdvice::for_response(None, status, None),
    ///     RetryAdvice::RetryOnce { retry_after: None }
    /// );
    /// ```
    pub const fn for_response(
        descriptor: Option<&Descriptor>,
        status: StatusCode,
        retry_after: Option<Duration>,
    ) -> RetryAdvice {
        let retryable = match descriptor {
            Some(descriptor) => match descriptor.retryable() {
                Some(retryable) => retryable,
                None => Retryable::for_status(status),
            },
            None => Retryable::for_status(status),
        };
        RetryAdvice::new(retryable, retry_after)
    }
}

impl fmt::Display for RetryAdvice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let wait = |f: &mut fmt::Formatter<'_>, retry_after: Option<Duration>| match retry_after {
            Some(delay) => write!(f, " after {} s", delay.as_secs_f64()),
            None => f.write_str(" with backoff"),
        };
        match *self {
            RetryAdvice::Retry { retry_after } => {
                f.write_str("retry")?;
                wait(f, retry_after)
            }
            RetryAdvice::RetryOnce { retry_after } => {
                f.write_str("retry once, with caution,")?;
                wait(f, retry_after)
            }
            RetryAdvice::Reauthenticate => f.write_str("re-authenticate, then retry"),
            RetryAdvice::FixRequest => f.write_str("fix the request"),
            RetryAdvice::When(condition) => write!(f, "retry {condition}"),
            RetryAdvice::Never => f.write_str("do not retry"),
        }
    }
}
