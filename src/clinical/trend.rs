//! How a patient's NEWS2 is moving: change since the previous set and over a window (24 hours
//! by default), per parameter and in total, and a rising-score signal.
//!
//! This is decision support beyond the RCP rules: RCP Chart 4 responds to each set's score, not
//! to its trend. The escalation decision says so in the text of every trend notice.

use std::time::Duration;

use super::observation_set::ObservationSet;
use super::score::{ClinicalRisk, News2};
use super::time::{HOUR, Timestamp};
use super::vital_signs::{Parameter, VitalSigns};

/// What counts as a rising score. A municipality may set its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrendSettings {
    /// A total this much above the lowest complete total within the window rises.
    pub rise: u8,
    pub window: Duration,
}

impl Default for TrendSettings {
    /// +2 within 24 hours (a decision of this project: docs/clinical-rules.md, "Trend").
    fn default() -> Self {
        TrendSettings {
            rise: 2,
            window: 24 * HOUR,
        }
    }
}

/// One parameter between two sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParameterChange {
    pub parameter: Parameter,
    /// Change of sub-score, where both sets have one.
    pub sub_score: Option<i8>,
    /// Change of charted value in chart units (temperature in tenths of a degree), where both
    /// sets have one; air or oxygen and consciousness have no value to subtract.
    pub value: Option<i64>,
}

/// Two sets compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub from: Timestamp,
    pub to: Timestamp,
    /// Change of total, where both sets are complete.
    pub total: Option<i8>,
    pub parameters: Vec<ParameterChange>,
}

/// A rising score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RisingSignal {
    /// The latest complete total is `by` above the lowest complete total within the window.
    TotalRose {
        by: u8,
        from: u8,
        to: u8,
        since: Timestamp,
    },
    /// The latest complete set's clinical risk is above the previous complete set's.
    HigherBand {
        from: ClinicalRisk,
        to: ClinicalRisk,
    },
}

/// The trend of a history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trend {
    /// The latest set against the one before it.
    pub since_previous: Option<Comparison>,
    /// The latest set against the oldest set within the window before it.
    pub over_window: Option<Comparison>,
    pub rising: Vec<RisingSignal>,
}

fn charted(vitals: &VitalSigns, parameter: Parameter) -> Option<i64> {
    let reading = match parameter {
        Parameter::RespiratoryRate => vitals.respiratory_rate,
        Parameter::Spo2 => vitals.spo2,
        Parameter::SystolicBp => vitals.systolic_bp,
        Parameter::Pulse => vitals.pulse,
        Parameter::Temperature => vitals.temperature,
        Parameter::AirOrOxygen | Parameter::Consciousness => None,
    };
    reading.map(|r| i64::from(r.charted()))
}

fn total(set: &ObservationSet) -> Option<u8> {
    match set.score() {
        News2::Complete(score) => Some(score.total().value()),
        News2::Incomplete(_) => None,
    }
}

/// Compares two sets (`from` older than `to`).
pub fn compare(from: &ObservationSet, to: &ObservationSet) -> Comparison {
    let (before, after) = (from.score(), to.score());
    let parameters = Parameter::ALL
        .into_iter()
        .map(|parameter| ParameterChange {
            parameter,
            sub_score: match (before.sub_score(parameter), after.sub_score(parameter)) {
                (Some(a), Some(b)) => Some(b.value() as i8 - a.value() as i8),
                _ => None,
            },
            value: charted(to.vitals(), parameter)
                .zip(charted(from.vitals(), parameter))
                .map(|(b, a)| b - a),
        })
        .collect();
    Comparison {
        from: from.taken_at(),
        to: to.taken_at(),
        total: total(from).zip(total(to)).map(|(a, b)| b as i8 - a as i8),
        parameters,
    }
}

impl Trend {
    /// The trend of `sets` (oldest first; as [`AsOf::sets`] gives them, without sets dated in
    /// the future).
    ///
    /// [`AsOf::sets`]: crate::clinical::observation_set::AsOf::sets
    pub fn of(sets: &[ObservationSet], settings: TrendSettings) -> Trend {
        let Some((latest, earlier)) = sets.split_last() else {
            return Trend {
                since_previous: None,
                over_window: None,
                rising: Vec::new(),
            };
        };
        let window_start = latest.taken_at().minus(settings.window);
        let since_previous = earlier.last().map(|previous| compare(previous, latest));
        let over_window = earlier
            .iter()
            .find(|set| set.taken_at() >= window_start)
            .map(|oldest| compare(oldest, latest));
        Trend {
            since_previous,
            over_window,
            rising: rising(sets, settings),
        }
    }
}

fn rising(sets: &[ObservationSet], settings: TrendSettings) -> Vec<RisingSignal> {
    let complete: Vec<(&ObservationSet, crate::clinical::CompleteScore)> = sets
        .iter()
        .filter_map(|set| match set.score() {
            News2::Complete(score) => Some((set, score)),
            News2::Incomplete(_) => None,
        })
        .collect();
    let Some(((latest, latest_score), earlier)) = complete.split_last() else {
        return Vec::new();
    };
    let mut signals = Vec::new();
    let to = latest_score.total().value();
    let window_start = latest.taken_at().minus(settings.window);
    let lowest = earlier
        .iter()
        .filter(|(set, _)| set.taken_at() >= window_start)
        .min_by_key(|(set, score)| (score.total(), std::cmp::Reverse(set.taken_at())));
    if let Some((set, score)) = lowest {
        let from = score.total().value();
        if to >= from.saturating_add(settings.rise) && to > from {
            signals.push(RisingSignal::TotalRose {
                by: to - from,
                from,
                to,
                since: set.taken_at(),
            });
        }
    }
    if let Some((_, previous)) = earlier.last()
        && latest_score.risk() > previous.risk()
    {
        signals.push(RisingSignal::HigherBand {
            from: previous.risk(),
            to: latest_score.risk(),
        });
    }
    signals
}
