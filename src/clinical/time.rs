//! Points in time for the engine, always given from outside.
//!
//! The engine has no hidden "now": every rule that depends on time takes the clock as an
//! argument, so tests and demos can fix it and the host decides what the time is.

use std::time::Duration;

/// Milliseconds since 1970-01-01T00:00:00Z, as JavaScript's `Date.now()` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

pub const MINUTE: Duration = Duration::from_secs(60);
pub const HOUR: Duration = Duration::from_secs(3600);

impl Timestamp {
    pub const fn from_millis(millis: i64) -> Self {
        Timestamp(millis)
    }

    pub const fn millis(self) -> i64 {
        self.0
    }

    /// This time plus a span (saturating at the ends of the range).
    pub fn plus(self, span: Duration) -> Self {
        Timestamp(
            self.0
                .saturating_add(i64::try_from(span.as_millis()).unwrap_or(i64::MAX)),
        )
    }

    /// This time minus a span (saturating).
    pub fn minus(self, span: Duration) -> Self {
        Timestamp(
            self.0
                .saturating_sub(i64::try_from(span.as_millis()).unwrap_or(i64::MAX)),
        )
    }

    /// How long after `earlier` this is; `None` if it is before it.
    pub fn since(self, earlier: Timestamp) -> Option<Duration> {
        u64::try_from(self.0.checked_sub(earlier.0)?)
            .ok()
            .map(Duration::from_millis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_between_points() {
        let t = Timestamp::from_millis(1_000_000);
        assert_eq!(t.plus(HOUR).since(t), Some(HOUR));
        assert_eq!(t.minus(MINUTE).since(t), None);
        assert_eq!(
            Timestamp::from_millis(i64::MAX).plus(HOUR),
            Timestamp::from_millis(i64::MAX)
        );
    }
}
