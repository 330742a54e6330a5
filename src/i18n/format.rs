//! Times, durations and numbers for display.
//!
//! Plain functions of a UTC offset, so they are tested natively; the browser's offset for a
//! given instant (daylight saving changes it within one history) comes from `LocalZone`.
//! Norwegian conventions in all three languages where clinicians read them side by side:
//! day.month.year and a 24-hour clock; English only swaps the decimal comma for a point.

use std::time::Duration;

use time::{OffsetDateTime, UtcOffset};

use super::Language;
use crate::clinical::Decimal;
use crate::clinical::time::Timestamp;

/// The offset from UTC at an instant, in minutes east of Greenwich.
pub trait LocalZone: Send + Sync {
    fn offset_minutes(&self, at: Timestamp) -> i32;
}

/// A fixed offset: tests, and hosts that fix the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedZone(pub i32);

impl LocalZone for FixedZone {
    fn offset_minutes(&self, _at: Timestamp) -> i32 {
        self.0
    }
}

/// The browser's time zone, asked per instant (JavaScript's `Date` knows the zone's rules).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BrowserZone;

impl LocalZone for BrowserZone {
    #[cfg(target_arch = "wasm32")]
    fn offset_minutes(&self, at: Timestamp) -> i32 {
        // `getTimezoneOffset` is minutes *behind* UTC (Oslo in winter: -60).
        #[allow(clippy::cast_precision_loss)]
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.millis() as f64));
        #[allow(clippy::cast_possible_truncation)]
        let behind = date.get_timezone_offset() as i32;
        -behind
    }

    /// Outside a browser there is no zone to ask: UTC.
    #[cfg(not(target_arch = "wasm32"))]
    fn offset_minutes(&self, _at: Timestamp) -> i32 {
        0
    }
}

fn local(at: Timestamp, zone: &dyn LocalZone) -> Option<OffsetDateTime> {
    let offset = UtcOffset::from_whole_seconds(zone.offset_minutes(at).saturating_mul(60)).ok()?;
    // `checked_`: the last hours of 9999-12-31 UTC are in year 10000 east of Greenwich, which
    // `to_offset` would panic on (and a panic stops every widget on the page).
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(at.millis()) * 1_000_000)
        .ok()
        .and_then(|t| t.checked_to_offset(offset))
}

/// `26.11.2026 14:05`. An instant outside the calendar's range shows as "?", never a panic.
pub fn date_time(at: Timestamp, zone: &dyn LocalZone) -> String {
    local(at, zone).map_or_else(
        || "?".into(),
        |t| {
            format!(
                "{:02}.{:02}.{} {:02}:{:02}",
                t.day(),
                u8::from(t.month()),
                t.year(),
                t.hour(),
                t.minute()
            )
        },
    )
}

/// `14:05`, for a time on a day the reader already sees.
pub fn clock(at: Timestamp, zone: &dyn LocalZone) -> String {
    local(at, zone).map_or_else(
        || "?".into(),
        |t| format!("{:02}:{:02}", t.hour(), t.minute()),
    )
}

/// As short as it can be read without doubt beside `now`: `14:05` on the same local day,
/// `26.11. 14:05` in the same year, else the whole [`date_time`].
pub fn short_date_time(at: Timestamp, now: Timestamp, zone: &dyn LocalZone) -> String {
    match (local(at, zone), local(now, zone)) {
        (Some(t), Some(n)) if t.date() == n.date() => clock(at, zone),
        (Some(t), Some(n)) if t.year() == n.year() => format!(
            "{:02}.{:02}. {:02}:{:02}",
            t.day(),
            u8::from(t.month()),
            t.hour(),
            t.minute()
        ),
        _ => date_time(at, zone),
    }
}

/// `2 t 5 min` / `2 h 5 min`; under a minute counts as `0 min`, days beyond 48 hours as days.
pub fn duration(span: Duration, language: Language) -> String {
    let minutes = span.as_secs() / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let hour = language.pick("t", "t", "h");
    if days >= 2 {
        let day = language.pick("døgn", "døgn", "days");
        format!("{days} {day} {hours} {hour}")
    } else if hours + days * 24 > 0 {
        format!("{} {hour} {minutes} min", hours + days * 24)
    } else {
        format!("{minutes} min")
    }
}

/// A number as written: decimal comma in Norwegian, point in English. `38.50` keeps its zero.
pub fn decimal(value: Decimal, language: Language) -> String {
    let text = value.to_string();
    match language {
        Language::En => text,
        Language::Nb | Language::Nn => text.replace('.', ","),
    }
}

/// The ISO 8601 instant in UTC (`2026-11-26T14:05:00Z`), for `<time datetime>` and machines.
pub fn iso_utc(at: Timestamp) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(at.millis()) * 1_000_000)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::time::{HOUR, MINUTE};

    /// 2026-03-29T00:30:00Z: the night Norway moves to summer time (at 01:00 UTC).
    const BEFORE_DST: i64 = 1_774_744_200_000;

    #[test]
    fn date_and_time_use_the_zone_and_a_24_hour_clock() {
        let at = Timestamp::from_millis(BEFORE_DST);
        assert_eq!(date_time(at, &FixedZone(60)), "29.03.2026 01:30");
        assert_eq!(
            date_time(at.plus(HOUR), &FixedZone(120)),
            "29.03.2026 03:30"
        );
        assert_eq!(
            date_time(at.plus(12 * HOUR), &FixedZone(0)),
            "29.03.2026 12:30"
        );
        assert_eq!(clock(at.plus(13 * HOUR), &FixedZone(120)), "15:30");
    }

    #[test]
    fn an_instant_beyond_the_calendar_shows_a_question_mark() {
        assert_eq!(
            date_time(Timestamp::from_millis(i64::MAX), &FixedZone(0)),
            "?"
        );
        // Issue 11, case 2: the last hour of 9999-12-31 in Oslo is in year 10000.
        let last_hour = Timestamp::from_millis(253_402_299_000_000); // 9999-12-31T23:30Z
        assert_eq!(date_time(last_hour, &FixedZone(60)), "?");
        assert_eq!(clock(last_hour, &FixedZone(60)), "?");
        assert_eq!(date_time(last_hour, &FixedZone(0)), "31.12.9999 23:30");
        assert_eq!(iso_utc(Timestamp::from_millis(i64::MAX)), "");
    }

    #[test]
    fn a_short_time_drops_only_what_the_reader_already_knows() {
        let oslo = FixedZone(60);
        // 2026-11-26 13:05 UTC is 14:05 in Oslo.
        let at = Timestamp::from_millis(1_795_698_300_000);
        assert_eq!(short_date_time(at, at.plus(HOUR * 9), &oslo), "14:05");
        // 23:05 UTC is the next day in Oslo: the date is said.
        assert_eq!(
            short_date_time(at, at.plus(HOUR * 10), &oslo),
            "26.11. 14:05"
        );
        assert_eq!(
            short_date_time(at, at.plus(HOUR * 24 * 40), &oslo),
            "26.11.2026 14:05"
        );
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(45 * MINUTE, Language::Nb), "45 min");
        assert_eq!(duration(2 * HOUR + 5 * MINUTE, Language::Nn), "2 t 5 min");
        assert_eq!(duration(30 * HOUR, Language::En), "30 h 0 min");
        assert_eq!(duration(50 * HOUR, Language::Nb), "2 døgn 2 t");
        assert_eq!(duration(50 * HOUR, Language::En), "2 days 2 h");
        assert_eq!(duration(Duration::from_secs(59), Language::En), "0 min");
    }

    #[test]
    fn decimals_have_a_comma_in_norwegian() {
        let t = Decimal::new(3850, 2);
        assert_eq!(decimal(t, Language::Nb), "38,50");
        assert_eq!(decimal(t, Language::Nn), "38,50");
        assert_eq!(decimal(t, Language::En), "38.50");
    }

    #[test]
    fn iso_instants_are_utc() {
        assert_eq!(
            iso_utc(Timestamp::from_millis(BEFORE_DST)),
            "2026-03-29T00:30:00Z"
        );
    }
}
