//! When the next set is due (RCP Chart 4's minimum monitoring frequency), against a clock that
//! is always given.
//!
//! The latest complete set sets the schedule. A newer incomplete set does not reset it (it has
//! no total), but the risk band it already makes certain can tighten it: a set with a known 3
//! is due again within the hour whatever is missing. Decisions of this project, in
//! docs/clinical-rules.md ("Monitoring schedule").

use std::time::Duration;

use super::observation_set::History;
use super::score::{ClinicalRisk, MonitoringFrequency, News2};
use super::time::{HOUR, Timestamp};

/// When the next set is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// The frequency in force.
    pub frequency: MonitoringFrequency,
    /// The set the interval is counted from.
    pub counted_from: Timestamp,
    /// Whether the frequency comes from a complete set or from an incomplete set's certain band.
    pub from_incomplete_set: bool,
    pub due: Due,
}

/// The next set's times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// High risk: continuous monitoring, no next set to wait for.
    Continuous,
    /// Due at `due_at`; overdue after `overdue_after` (the same time except for "4–6-hourly",
    /// which is due after 4 hours and overdue after 6).
    At {
        due_at: Timestamp,
        overdue_after: Timestamp,
    },
}

/// Where the clock stands against the schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleStatus {
    Continuous,
    /// Not yet due.
    OnTime {
        due_in: Duration,
    },
    /// Due, not yet overdue (inside the 4–6-hour window).
    Due,
    /// Overdue, by how long past `overdue_after`.
    Overdue {
        by: Duration,
    },
}

/// The interval to the next set: (due after, overdue after). `None` for continuous monitoring.
pub fn interval(frequency: MonitoringFrequency) -> Option<(Duration, Duration)> {
    match frequency {
        MonitoringFrequency::TwelveHourly => Some((12 * HOUR, 12 * HOUR)),
        MonitoringFrequency::FourToSixHourly => Some((4 * HOUR, 6 * HOUR)),
        MonitoringFrequency::Hourly => Some((HOUR, HOUR)),
        MonitoringFrequency::Continuous => None,
    }
}

/// The frequency a certain minimum band asks for at least (Chart 4 by band).
fn frequency_for_band(band: ClinicalRisk) -> Option<MonitoringFrequency> {
    match band {
        ClinicalRisk::High => Some(MonitoringFrequency::Continuous),
        ClinicalRisk::Medium | ClinicalRisk::LowMedium => Some(MonitoringFrequency::Hourly),
        ClinicalRisk::Low => None,
    }
}

fn schedule_from(
    frequency: MonitoringFrequency,
    counted_from: Timestamp,
    from_incomplete_set: bool,
) -> Schedule {
    let due = match interval(frequency) {
        None => Due::Continuous,
        Some((due, overdue)) => Due::At {
            due_at: counted_from.plus(due),
            overdue_after: counted_from.plus(overdue),
        },
    };
    Schedule {
        frequency,
        counted_from,
        from_incomplete_set,
        due,
    }
}

/// Whichever of two schedules asks for the next set sooner (continuous first).
fn sooner(a: Schedule, b: Schedule) -> Schedule {
    match (a.due, b.due) {
        (Due::Continuous, _) => a,
        (_, Due::Continuous) => b,
        (
            Due::At {
                overdue_after: a_by,
                ..
            },
            Due::At {
                overdue_after: b_by,
                ..
            },
        ) => {
            if b_by < a_by {
                b
            } else {
                a
            }
        }
    }
}

impl Schedule {
    /// The schedule a history sets; `None` while no set gives one (no complete set, and no
    /// incomplete set with a certain band).
    pub fn of(history: &History) -> Option<Schedule> {
        let complete = history.latest_complete().and_then(|set| match set.score() {
            News2::Complete(score) => {
                Some(schedule_from(score.monitoring(), set.taken_at(), false))
            }
            News2::Incomplete(_) => None,
        });
        let newer_incomplete = history.latest().and_then(|set| {
            let News2::Incomplete(score) = set.score() else {
                return None;
            };
            let frequency = frequency_for_band(score.minimum_risk()?)?;
            Some(schedule_from(frequency, set.taken_at(), true))
        });
        match (complete, newer_incomplete) {
            (Some(a), Some(b)) => Some(sooner(a, b)),
            (a, b) => a.or(b),
        }
    }

    /// Where `now` stands against the schedule.
    pub fn status(&self, now: Timestamp) -> ScheduleStatus {
        match self.due {
            Due::Continuous => ScheduleStatus::Continuous,
            Due::At {
                due_at,
                overdue_after,
            } => {
                if let Some(due_in) = due_at.since(now).filter(|d| !d.is_zero()) {
                    ScheduleStatus::OnTime { due_in }
                } else if let Some(by) = now.since(overdue_after).filter(|d| !d.is_zero()) {
                    ScheduleStatus::Overdue { by }
                } else {
                    ScheduleStatus::Due
                }
            }
        }
    }
}
