//! What to do after a request failed: retry after how long, or give up with which kind of error.
//!
//! Plain Rust so the policy is tested natively; `fhir::client` only carries it out. Retried:
//! network errors, timeouts, 429, 502, 503 and 504 (the server or a proxy is briefly unable to
//! answer). Not retried: any other 4xx (retrying cannot fix a bad request or a missing right)
//! and 500 (a server error that is likely to repeat). Backoff doubles from 0.5 s up to 8 s with
//! "equal jitter", so widgets on many screens do not retry in step; a `Retry-After` in seconds
//! is honoured when it is no longer than 30 s, and a longer one gives up instead of freezing
//! the widget.

use std::time::Duration;

/// The kinds of failure the UI tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FetchErrorKind {
    /// No answer: offline, DNS, CORS refused, connection dropped.
    Network,
    /// No answer within the timeout.
    Timeout,
    /// 401 or 403: the host's credentials were refused.
    Auth,
    /// 404 or 410.
    NotFound,
    /// 429 after the retries.
    RateLimited,
    /// 5xx.
    Server,
    /// Another 4xx: the request itself was refused.
    Rejected,
    /// An answer that is not the FHIR expected (not JSON, a truncated body, another resource),
    /// or a link from the server that the widget will not follow.
    Malformed,
    /// An answer larger than the widget's budget (a page, or all pages together).
    TooLarge,
    /// The configured source cannot be requested (not http, a national identity number in it).
    Config,
    /// The widget cancelled it (it was removed from the page, or its source changed).
    Cancelled,
}

impl FetchErrorKind {
    /// Every kind, for the contract tests.
    pub const ALL: [FetchErrorKind; 11] = [
        FetchErrorKind::Network,
        FetchErrorKind::Timeout,
        FetchErrorKind::Auth,
        FetchErrorKind::NotFound,
        FetchErrorKind::RateLimited,
        FetchErrorKind::Server,
        FetchErrorKind::Rejected,
        FetchErrorKind::Malformed,
        FetchErrorKind::TooLarge,
        FetchErrorKind::Config,
        FetchErrorKind::Cancelled,
    ];

    /// The stable name hosts see in `news2-error`'s `kind`.
    pub fn name(self) -> &'static str {
        match self {
            FetchErrorKind::Network => "network",
            FetchErrorKind::Timeout => "timeout",
            FetchErrorKind::Auth => "auth",
            FetchErrorKind::NotFound => "not-found",
            FetchErrorKind::RateLimited => "rate-limited",
            FetchErrorKind::Server => "server",
            FetchErrorKind::Rejected => "rejected",
            FetchErrorKind::Malformed => "malformed",
            FetchErrorKind::TooLarge => "too-large",
            FetchErrorKind::Config => "config",
            FetchErrorKind::Cancelled => "cancelled",
        }
    }
}

/// A failed request, as reported to the UI and the host. The message never holds a header value
/// or a patient identifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchError {
    pub kind: FetchErrorKind,
    /// The HTTP status, where there was an answer.
    pub status: Option<u16>,
    pub message: String,
}

/// How one attempt ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Status(u16),
    NetworkError,
    Timeout,
}

/// Limits of the retrying.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// The longest `Retry-After` that is waited for.
    pub max_retry_after: Duration,
    /// Per attempt.
    pub timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(30),
            timeout: Duration::from_secs(20),
        }
    }
}

/// What to do next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The attempt succeeded.
    Done,
    RetryAfter(Duration),
    GiveUp(FetchError),
}

/// The kind of error an HTTP status is, or `None` for success.
pub fn classify(status: u16) -> Option<FetchErrorKind> {
    match status {
        200..=299 => None,
        401 | 403 => Some(FetchErrorKind::Auth),
        404 | 410 => Some(FetchErrorKind::NotFound),
        429 => Some(FetchErrorKind::RateLimited),
        500..=599 => Some(FetchErrorKind::Server),
        _ => Some(FetchErrorKind::Rejected),
    }
}

fn retryable(outcome: Outcome) -> bool {
    matches!(
        outcome,
        Outcome::NetworkError | Outcome::Timeout | Outcome::Status(429 | 502 | 503 | 504)
    )
}

/// Decides after `attempt` (1 for the first) ended with `outcome`. `retry_after` is the
/// response's header, `jitter` a random number in [0, 1).
pub fn next_step(
    policy: &RetryPolicy,
    attempt: u32,
    outcome: Outcome,
    retry_after: Option<&str>,
    jitter: f64,
) -> Step {
    let (kind, status) = match outcome {
        Outcome::Status(code) => match classify(code) {
            None => return Step::Done,
            Some(kind) => (kind, Some(code)),
        },
        Outcome::NetworkError => (FetchErrorKind::Network, None),
        Outcome::Timeout => (FetchErrorKind::Timeout, None),
    };
    let give_up = |why: &str| {
        let what = match status {
            Some(code) => format!("the server answered {code}"),
            None if kind == FetchErrorKind::Timeout => {
                format!("no answer within {} s", policy.timeout.as_secs())
            }
            None => "the server could not be reached".to_string(),
        };
        Step::GiveUp(FetchError {
            kind,
            status,
            message: format!("{what}{why}"),
        })
    };
    if !retryable(outcome) {
        return give_up("");
    }
    if attempt >= policy.max_attempts {
        return give_up(&format!(" ({attempt} attempts)"));
    }
    if let Some(seconds) = retry_after.and_then(|v| v.trim().parse::<u64>().ok()) {
        let wait = Duration::from_secs(seconds);
        return if wait <= policy.max_retry_after {
            Step::RetryAfter(wait)
        } else {
            give_up(&format!(" and asked to wait {seconds} s"))
        };
    }
    let doubled = policy
        .base_delay
        .saturating_mul(1u32 << (attempt - 1).min(16));
    let ceiling = doubled.min(policy.max_delay);
    let half = ceiling / 2;
    Step::RetryAfter(half + half.mul_f64(jitter.clamp(0.0, 1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(attempt: u32, outcome: Outcome, retry_after: Option<&str>) -> Step {
        next_step(&RetryPolicy::default(), attempt, outcome, retry_after, 0.5)
    }

    #[test]
    fn retries_only_what_a_retry_can_fix() {
        for outcome in [
            Outcome::NetworkError,
            Outcome::Timeout,
            Outcome::Status(429),
            Outcome::Status(502),
            Outcome::Status(503),
            Outcome::Status(504),
        ] {
            assert!(
                matches!(step(1, outcome, None), Step::RetryAfter(_)),
                "{outcome:?}"
            );
        }
        let kinds = [
            (400, FetchErrorKind::Rejected),
            (401, FetchErrorKind::Auth),
            (403, FetchErrorKind::Auth),
            (404, FetchErrorKind::NotFound),
            (410, FetchErrorKind::NotFound),
            (422, FetchErrorKind::Rejected),
            (500, FetchErrorKind::Server),
        ];
        for (code, kind) in kinds {
            let Step::GiveUp(error) = step(1, Outcome::Status(code), None) else {
                panic!("{code} retried")
            };
            assert_eq!((error.kind, error.status), (kind, Some(code)));
        }
        assert_eq!(step(1, Outcome::Status(200), None), Step::Done);
    }

    #[test]
    fn backs_off_exponentially_with_jitter_up_to_a_ceiling() {
        let delay = |attempt, jitter| match next_step(
            &RetryPolicy {
                max_attempts: 10,
                ..RetryPolicy::default()
            },
            attempt,
            Outcome::NetworkError,
            None,
            jitter,
        ) {
            Step::RetryAfter(d) => d,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            (delay(1, 0.0), delay(1, 0.999_999).as_millis()),
            (Duration::from_millis(250), 499)
        );
        assert_eq!(delay(2, 0.0), Duration::from_millis(500));
        assert_eq!(delay(3, 0.0), Duration::from_millis(1000));
        assert_eq!(
            delay(9, 0.0),
            Duration::from_secs(4),
            "capped at 8 s, half of it fixed"
        );
    }

    #[test]
    fn honours_retry_after_within_reason() {
        assert_eq!(
            step(1, Outcome::Status(429), Some("2")),
            Step::RetryAfter(Duration::from_secs(2))
        );
        assert_eq!(
            step(1, Outcome::Status(503), Some(" 30 ")),
            Step::RetryAfter(Duration::from_secs(30))
        );
        let Step::GiveUp(error) = step(1, Outcome::Status(429), Some("3600")) else {
            panic!()
        };
        assert_eq!(
            (error.kind, error.message.as_str()),
            (
                FetchErrorKind::RateLimited,
                "the server answered 429 and asked to wait 3600 s"
            )
        );
        // An HTTP-date is not parsed: ordinary backoff applies.
        assert!(
            matches!(step(1, Outcome::Status(429), Some("Wed, 21 Oct 2026 07:28:00 GMT")), Step::RetryAfter(d) if d < Duration::from_secs(1))
        );
    }

    #[test]
    fn gives_up_after_the_last_attempt() {
        let Step::GiveUp(error) = step(4, Outcome::Status(503), None) else {
            panic!()
        };
        assert_eq!(
            (error.kind, error.message.as_str()),
            (
                FetchErrorKind::Server,
                "the server answered 503 (4 attempts)"
            )
        );
        let Step::GiveUp(error) = step(4, Outcome::Timeout, None) else {
            panic!()
        };
        assert_eq!(error.message, "no answer within 20 s (4 attempts)");
    }
}
