//! When the next set is due (RCP Chart 4's minimum monitoring frequency), against a clock that
//! is always given.
//!
//! The latest complete set sets the schedule. Newer incomplete sets do not reset it (they have
//! no total), but the band each already makes certain, or the total its source stated, can
//! tighten it: a set with a known 3 is due again within the hour whatever is missing, and one
//! that makes nothing certain is to be completed within the hour. Sets dated in the future
//! count for nothing. Decisions of this project, in
//! docs/clinical-rules.md ("Monitoring schedule").

use std::time::Duration;

use super::observation_set::{AsOf, BandBasis};
use super::score::{ClinicalRisk, MonitoringFrequency, News2};
use super::time::{HOUR, Timestamp};

/// When the next set is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// The tightest frequency in force.
    pub frequency: MonitoringFrequency,
    /// The set that frequency comes from.
    pub counted_from: Timestamp,
    /// Whether that set is incomplete (its certain band, or no complete set at all).
    pub from_incomplete_set: bool,
    /// The next set is due from here…
    pub due_at: Timestamp,
    /// …and overdue after here (later than `due_at` only for "4–6-hourly").
    pub overdue_after: Timestamp,
}

/// Where the clock stands against the schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleStatus {
    /// Not yet due.
    OnTime { due_in: Duration },
    /// Due, not yet overdue (inside the 4–6-hour window, or at the due time itself).
    Due,
    /// Overdue, by how long past `overdue_after`.
    Overdue { by: Duration },
}

/// The interval to the next set: (due after, overdue after). Under continuous monitoring a
/// recorded set is still expected at least hourly, so that a high score with nothing recorded
/// after it becomes overdue rather than standing for ever.
pub fn interval(frequency: MonitoringFrequency) -> (Duration, Duration) {
    match frequency {
        MonitoringFrequency::TwelveHourly => (12 * HOUR, 12 * HOUR),
        MonitoringFrequency::FourToSixHourly => (4 * HOUR, 6 * HOUR),
        MonitoringFrequency::Hourly | MonitoringFrequency::Continuous => (HOUR, HOUR),
    }
}

/// The frequency a certain minimum band asks for at least (Chart 4 by band).
pub fn frequency_for_band(band: ClinicalRisk) -> MonitoringFrequency {
    match band {
        ClinicalRisk::High => MonitoringFrequency::Continuous,
        ClinicalRisk::Medium | ClinicalRisk::LowMedium => MonitoringFrequency::Hourly,
        ClinicalRisk::Low => MonitoringFrequency::FourToSixHourly,
    }
}

fn tightness(frequency: MonitoringFrequency) -> u8 {
    match frequency {
        MonitoringFrequency::TwelveHourly => 0,
        MonitoringFrequency::FourToSixHourly => 1,
        MonitoringFrequency::Hourly => 2,
        MonitoringFrequency::Continuous => 3,
    }
}

fn schedule_from(
    frequency: MonitoringFrequency,
    counted_from: Timestamp,
    from_incomplete_set: bool,
) -> Schedule {
    let (due, overdue) = interval(frequency);
    Schedule {
        frequency,
        counted_from,
        from_incomplete_set,
        due_at: counted_from.plus(due),
        overdue_after: counted_from.plus(overdue),
    }
}

/// Both schedules at once: the tighter frequency, and the earlier of each time.
fn combine(a: Schedule, b: Schedule) -> Schedule {
    let tighter = if tightness(b.frequency) > tightness(a.frequency) {
        b
    } else {
        a
    };
    Schedule {
        due_at: a.due_at.min(b.due_at),
        overdue_after: a.overdue_after.min(b.overdue_after),
        ..tighter
    }
}

impl Schedule {
    /// The schedule the sets taken by now set; `None` only when there are none. Sets dated in
    /// the future never drive it.
    ///
    /// With no complete set and nothing certain, the latest set is to be completed within the
    /// hour (a decision of this project).
    pub fn of(history: AsOf<'_>) -> Option<Schedule> {
        let complete = history.latest_complete().and_then(|set| match set.score() {
            News2::Complete(score) => {
                Some(schedule_from(score.monitoring(), set.taken_at(), false))
            }
            News2::Incomplete(_) => None,
        });
        // Each newer incomplete set tightens it by what it makes certain (a total the source
        // stated by the frequency Chart 4 gives that total); and a set begun since the last
        // complete one is to be completed within the hour of its first measurement, so an older
        // set's calmer schedule does not stand meanwhile, and a stream of spot checks never
        // puts the deadline off.
        let newer = history.since_latest_complete();
        let tightened = newer.iter().filter_map(|set| {
            let frequency = match set.band()? {
                (band, BandBasis::Stated) => match set.stated_floor() {
                    Some((_, total)) => MonitoringFrequency::of(total, band),
                    None => frequency_for_band(band),
                },
                (band, _) => frequency_for_band(band),
            };
            Some(schedule_from(frequency, set.taken_at(), true))
        });
        let to_complete = newer
            .iter()
            .find(|set| !set.is_total_only())
            .map(|set| schedule_from(MonitoringFrequency::Hourly, set.taken_at(), true));
        let tightened = tightened.chain(to_complete);
        let combined = complete.into_iter().chain(tightened).reduce(combine);
        combined.or_else(|| {
            history
                .latest()
                .map(|set| schedule_from(MonitoringFrequency::Hourly, set.taken_at(), true))
        })
    }

    /// Where `now` stands against the schedule.
    pub fn status(&self, now: Timestamp) -> ScheduleStatus {
        if let Some(due_in) = self.due_at.since(now).filter(|d| !d.is_zero()) {
            ScheduleStatus::OnTime { due_in }
        } else if let Some(by) = now.since(self.overdue_after).filter(|d| !d.is_zero()) {
            ScheduleStatus::Overdue { by }
        } else {
            ScheduleStatus::Due
        }
    }
}
