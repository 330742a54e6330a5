//! FHIR `dateTime` and `instant` to the engine's timestamps.
//!
//! A vital sign needs the time of day it was taken: a date alone ("2025-03-11") cannot place a
//! set on the chart or in the schedule, so it is refused with a reason rather than put at
//! midnight.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::clinical::time::Timestamp;

/// Parses a FHIR dateTime with a time of day and a zone (`2025-03-10T14:00:00+01:00`).
pub fn parse(text: &str) -> Result<Timestamp, String> {
    if text.len() <= 10 {
        return Err(format!("\"{text}\" has no time of day"));
    }
    let parsed = OffsetDateTime::parse(text, &Rfc3339)
        .map_err(|e| format!("\"{text}\" is not a FHIR dateTime ({e})"))?;
    let millis = parsed.unix_timestamp_nanos() / 1_000_000;
    i64::try_from(millis)
        .map(Timestamp::from_millis)
        .map_err(|_| format!("\"{text}\" is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_zoned_times_to_the_same_instant() {
        assert_eq!(
            parse("2025-03-10T13:00:00Z"),
            parse("2025-03-10T14:00:00+01:00")
        );
        assert_eq!(
            parse("1970-01-01T00:00:01.5Z"),
            Ok(Timestamp::from_millis(1500))
        );
    }

    #[test]
    fn refuses_dates_without_times_and_times_without_zones() {
        assert!(parse("2025-03-10").unwrap_err().contains("no time of day"));
        assert!(parse("2025-03").is_err());
        assert!(parse("2025-03-10T14:00:00").is_err());
        assert!(parse("yesterday at noon").is_err());
    }
}
