//! The escalation decision: from a patient's history, the clock and the settings, what the
//! banner shows. One function, [`decide`], so that the UI renders a decision and never makes
//! one. The decision holds no words: it names kinds with their data (levels, the set it stands
//! on, parameters, times), and `i18n::banner` words it in nb, nn or en.
//!
//! The rule the banner keeps (docs/clinical-rules.md, "What the banner stands on"): its
//! clinical band is never lower than
//! (a) the band of the newest complete set,
//! (b) the band already certain from any incomplete set taken after it, and
//! (c) the band of a total a source stated after it,
//! and the decision always says which set that band stands on and how old it is. Sets dated in
//! the future never count. When the newest set is incomplete, the decision says what it lacks,
//! with the last complete set beside it.
//!
//! Several things can call for attention at once (a high score and stale data, say). The
//! banner leads with the most urgent and lists the rest in [`Decision::also`], so nothing is
//! hidden. The order is a decision of this project (docs/clinical-rules.md, "Escalation").

pub mod config;
pub mod texts;

use std::time::Duration;

use super::observation_set::{
    AsOf, BandBasis, Disagreement, EarlierTotal, History, ObservationSet,
};
use super::response::{RecordedResponse, Responses, Unanswered, answered};
use super::schedule::{Schedule, ScheduleStatus};
use super::score::{ClinicalRisk, News2};
use super::set_values::{MeasuredValue, Rechecked, ValueConflict};
use super::time::{HOUR, MINUTE, Timestamp};
use super::trend::{RisingSignal, Trend, TrendSettings};
use super::vital_signs::Parameter;
use texts::ResponseRow;

/// Facts about the patient that the host knows and NEWS2 is not validated for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PatientContext {
    pub under_16: bool,
    pub pregnant: bool,
}

/// Whether the history is current, as the data layer knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataStatus {
    /// Fetched successfully at that time.
    Current { refreshed_at: Timestamp },
    /// The source could not be reached; the last success, if any.
    Unreachable { last_refreshed: Option<Timestamp> },
}

/// Everything besides history and clock that shapes the decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub patient: PatientContext,
    pub trend: TrendSettings,
    /// `None` when the host hands the history over itself: then it is never stale.
    pub data: Option<DataStatus>,
    /// Data older than this is shown as possibly out of date.
    pub stale_after: Duration,
    /// How long a set's disagreement with its source stays in the banner (unless
    /// acknowledged): long enough to be seen by the next shift.
    pub disagreement_shown_for: Duration,
    /// The sets (by time) whose disagreement with the source a nurse has acknowledged.
    pub acknowledged_disagreements: Vec<Timestamp>,
    /// The escalation responses recorded for the patient (issue 16).
    pub responses: Responses,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            patient: PatientContext::default(),
            trend: TrendSettings::default(),
            data: None,
            stale_after: 30 * MINUTE,
            disagreement_shown_for: 24 * HOUR,
            acknowledged_disagreements: Vec::new(),
            responses: Responses::default(),
        }
    }
}

/// What kind of banner it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// NEWS2 0: routine monitoring.
    None,
    /// Low risk (1–4), or no sets yet.
    Information,
    LowMedium,
    Medium,
    High,
    /// An incomplete set taken after the last complete one already makes this band certain,
    /// and it is higher than the last complete set's.
    IncompleteMinimum(ClinicalRisk),
    /// A total the source stated, which the values at hand cannot recompute, is the newest
    /// information and gives this band.
    SourceStated(ClinicalRisk),
    /// The newest set is incomplete and makes nothing more certain than the last complete set:
    /// complete it now.
    Incomplete,
    /// The next set is overdue.
    Overdue,
    /// The data may be out of date: the source could not be reached or not lately.
    StaleData,
    /// A set's stated score differs from the one computed from its values.
    SourceDisagreement,
    /// Sets are dated in the future: a wrong date, not taken into account.
    FutureDated,
}

impl Level {
    /// Higher is more urgent.
    fn urgency(self) -> u8 {
        let band = |risk| match risk {
            ClinicalRisk::High => 8,
            ClinicalRisk::Medium => 7,
            ClinicalRisk::LowMedium => 6,
            ClinicalRisk::Low => 2,
        };
        match self {
            Level::High => band(ClinicalRisk::High),
            Level::Medium => band(ClinicalRisk::Medium),
            Level::LowMedium => band(ClinicalRisk::LowMedium),
            Level::IncompleteMinimum(risk) | Level::SourceStated(risk) => band(risk),
            Level::Incomplete | Level::Overdue => 5,
            Level::StaleData => 4,
            Level::SourceDisagreement | Level::FutureDated => 3,
            Level::Information => 2,
            Level::None => 1,
        }
    }

    /// The level's stable public name: the `data-level` attribute, the CSS and the events use
    /// it, never the Rust name.
    pub const fn name(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Information => "information",
            Level::LowMedium => "low-medium",
            Level::Medium => "medium",
            Level::High => "high",
            Level::IncompleteMinimum(_) => "incomplete-minimum",
            Level::SourceStated(_) => "source-stated",
            Level::Incomplete => "incomplete",
            Level::Overdue => "overdue",
            Level::StaleData => "stale-data",
            Level::SourceDisagreement => "source-disagreement",
            Level::FutureDated => "future-dated",
        }
    }
}

/// What the clinical band rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// A complete set's NEWS2, computed from its values; `red` names a parameter scoring 3.
    Computed { total: u8, red: Vec<Parameter> },
    /// An incomplete set whose known sub-scores already make the band certain.
    Certain { missing: Vec<Parameter> },
    /// A total the source stated, not recomputed (the values to do so are not at hand).
    Stated { total: u8 },
}

/// The clinical band in force, and the set it stands on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub band: ClinicalRisk,
    pub basis: Basis,
    /// When the set it stands on was taken.
    pub at: Timestamp,
    /// How long ago that was (zero for a set dated within the clock tolerance ahead of now).
    pub age: Duration,
}

/// A set as the banner mentions it beside the one it stands on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetMention {
    pub at: Timestamp,
    pub age: Duration,
}

/// The last complete set, shown beside a band that stands on something else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastComplete {
    pub set: SetMention,
    pub total: u8,
    pub risk: ClinicalRisk,
}

/// The newest set, when it is incomplete: what it lacks, to complete now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToComplete {
    pub set: SetMention,
    pub missing: Vec<Parameter>,
}

/// Something the banner says besides its level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// NEWS2 is not validated under 16.
    Under16,
    /// NEWS2 is not validated in pregnancy.
    Pregnancy,
    /// A set has possible but unusual values here.
    Verify {
        at: Timestamp,
        parameters: Vec<Parameter>,
    },
    /// Sub-scores the source stated with no value to check them against.
    SourceOnly {
        at: Timestamp,
        parameters: Vec<Parameter>,
    },
    /// A difference between a set's stated score and the computed one.
    Disagreement {
        at: Timestamp,
        disagreement: Disagreement,
    },
    /// Different values of one parameter at one moment; the most severe is used.
    Conflict { conflict: ValueConflict },
    /// The source scored a set again and its later, calmer total counts: said, so a high
    /// score is never replaced in silence.
    Rescored {
        earlier: EarlierTotal,
        /// The total that counts now, if the set has one.
        now: Option<u8>,
        /// When the set was taken.
        at: Timestamp,
    },
    /// A value was measured again and the later, calmer reading counts: said, so a red value
    /// is never replaced in silence.
    Rechecked {
        earlier: Rechecked,
        counted: MeasuredValue,
        /// When the set was taken.
        at: Timestamp,
    },
    /// A rising score: decision support beyond RCP NEWS2, and its words say so.
    Rising(RisingSignal),
    /// Sets dated in the future (beyond the clock tolerance): `count`, the first at `first`.
    FutureDated { count: usize, first: Timestamp },
    /// A medium or high band with no recorded response for longer than its monitoring interval.
    Unanswered(Unanswered),
}

/// What the banner shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub level: Level,
    /// The clinical band and the set it stands on; `None` when no set makes any band certain
    /// (no sets, or only incomplete ones that make nothing certain).
    pub standing: Option<Standing>,
    /// The last complete set, when the band stands on another set.
    pub last_complete: Option<LastComplete>,
    /// The newest set when it is incomplete and taken after the last complete one.
    pub to_complete: Option<ToComplete>,
    /// The Chart 4 row in force, for its response and monitoring texts; `None` without a band.
    pub row: Option<ResponseRow>,
    /// When the next set is due (under continuous monitoring: when a recorded set is expected
    /// at the latest); `None` only with no sets at all.
    pub due_at: Option<Timestamp>,
    /// When it becomes overdue (later than `due_at` only for "4–6-hourly").
    pub overdue_after: Option<Timestamp>,
    /// Where the schedule stands at the decision's moment (due in how long, due now, or
    /// overdue by how long); `None` only with no sets at all.
    pub schedule: Option<ScheduleStatus>,
    /// The other levels that apply, most urgent first.
    pub also: Vec<Level>,
    pub notices: Vec<Notice>,
    /// The sets whose disagreement with the source is in the banner (by time), for the
    /// acknowledgement.
    pub disagreeing_sets: Vec<Timestamp>,
    /// Whether there are any sets taken by now.
    pub has_sets: bool,
    /// The recorded responses that answer the band in force, newest first.
    pub responses: Vec<RecordedResponse>,
}

/// The clinical picture of the sets taken by now.
struct Picture<'a> {
    standing: Option<(Standing, &'a ObservationSet)>,
    last_complete: Option<(&'a ObservationSet, u8, ClinicalRisk)>,
    to_complete: Option<(&'a ObservationSet, Vec<Parameter>)>,
}

/// How a standing ranks against another: by band, then by the total it names (a certain band
/// names none), then by time. The banner stands on the highest, so it is never calmer than any
/// of them.
fn rank(standing: &Standing) -> (ClinicalRisk, bool, u8, Timestamp) {
    let total = match standing.basis {
        Basis::Computed { total, .. } | Basis::Stated { total } => Some(total),
        Basis::Certain { .. } => None,
    };
    (
        standing.band,
        total.is_some(),
        total.unwrap_or(0),
        standing.at,
    )
}

fn age(now: Timestamp, at: Timestamp) -> Duration {
    now.since(at).unwrap_or_default()
}

fn picture<'a>(history: AsOf<'a>) -> Picture<'a> {
    let now = history.now();
    let last_complete = history.latest_complete().and_then(|set| match set.score() {
        News2::Complete(score) => Some((set, score)),
        News2::Incomplete(_) => None,
    });
    // (a) the newest complete set.
    let mut standing = last_complete.map(|(set, score)| {
        let red = score
            .sub_scores()
            .iter()
            .filter(|(_, s)| s.is_red())
            .map(|(p, _)| p)
            .collect();
        (
            Standing {
                band: score.risk(),
                basis: Basis::Computed {
                    total: score.total().value(),
                    red,
                },
                at: set.taken_at(),
                age: age(now, set.taken_at()),
            },
            set,
        )
    });
    // (b) and (c): every set taken since, each by the band it makes certain. A later set that
    // knows less does not undo what an earlier one made certain. Among equal bands the one
    // naming the higher total stands (a certain band names none), then the newer.
    for set in history.since_latest_complete() {
        let Some((band, basis)) = set.band() else {
            continue;
        };
        let basis = match (basis, set.score(), set.stated_floor()) {
            (BandBasis::Stated, _, Some((_, total))) => Basis::Stated {
                total: total.value(),
            },
            (_, News2::Incomplete(score), _) => Basis::Certain {
                missing: score.missing().to_vec(),
            },
            // Only incomplete sets follow the last complete one.
            (_, News2::Complete(_), _) => continue,
        };
        let candidate = Standing {
            band,
            basis,
            at: set.taken_at(),
            age: age(now, set.taken_at()),
        };
        if standing
            .as_ref()
            .is_none_or(|(current, _)| rank(&candidate) >= rank(current))
        {
            standing = Some((candidate, set));
        }
    }
    // The newest set, if incomplete: to be completed now (unless it is only a total its source
    // stated, with nothing here to complete).
    let to_complete = history
        .since_latest_complete()
        .last()
        .and_then(|set| match set.score() {
            News2::Incomplete(score) if !set.is_total_only() => {
                Some((set, score.missing().to_vec()))
            }
            _ => None,
        });
    Picture {
        standing,
        last_complete: last_complete.map(|(set, score)| (set, score.total().value(), score.risk())),
        to_complete,
    }
}

/// The level the clinical picture calls for.
fn clinical_level(picture: &Picture<'_>) -> Level {
    match &picture.standing {
        Some((standing, _)) if standing.band >= ClinicalRisk::LowMedium => {
            match (&standing.basis, standing.band) {
                (Basis::Computed { .. }, ClinicalRisk::High) => Level::High,
                (Basis::Computed { .. }, ClinicalRisk::Medium) => Level::Medium,
                (Basis::Computed { .. }, _) => Level::LowMedium,
                (Basis::Certain { .. }, band) => Level::IncompleteMinimum(band),
                (Basis::Stated { .. }, band) => Level::SourceStated(band),
            }
        }
        // Nothing above low is certain: a newer incomplete set must be completed before the
        // calm reading of an older one can stand.
        _ if picture.to_complete.is_some() => Level::Incomplete,
        Some((standing, _)) => match standing.basis {
            Basis::Computed { total: 0, .. } => Level::None,
            Basis::Stated { .. } => Level::SourceStated(standing.band),
            _ => Level::Information,
        },
        None => Level::Information,
    }
}

/// Decides what the banner shows for `history` at `now`.
pub fn decide(history: &History, now: Timestamp, settings: &Settings) -> Decision {
    let history = history.as_of(now);
    let schedule = Schedule::of(history);
    let status = schedule.map(|s| s.status(now));
    let picture = picture(history);

    let disagreeing: Vec<&ObservationSet> = history
        .sets()
        .iter()
        .filter(|set| age(now, set.taken_at()) <= settings.disagreement_shown_for)
        .filter(|set| {
            !settings
                .acknowledged_disagreements
                .contains(&set.taken_at())
        })
        .filter(|set| !set.disagreements().is_empty())
        .collect();

    let mut others = Vec::new();
    if let Some(ScheduleStatus::Overdue { .. }) = status {
        others.push(Level::Overdue);
    }
    if is_stale(settings, now) {
        others.push(Level::StaleData);
    }
    if !disagreeing.is_empty() {
        others.push(Level::SourceDisagreement);
    }
    if !history.future().is_empty() {
        others.push(Level::FutureDated);
    }
    // The most urgent leads; on a tie the clinical level does.
    let mut level = clinical_level(&picture);
    let mut also = Vec::new();
    for candidate in others {
        if candidate.urgency() > level.urgency() {
            also.push(std::mem::replace(&mut level, candidate));
        } else {
            also.push(candidate);
        }
    }
    also.retain(|&level| level != Level::None);
    also.sort_by_key(|level| std::cmp::Reverse(level.urgency()));

    let row = picture.standing.as_ref().map(|(standing, _)| {
        let total_is_zero = matches!(
            standing.basis,
            Basis::Computed { total: 0, .. } | Basis::Stated { total: 0 }
        );
        ResponseRow::of(standing.band, total_is_zero)
    });
    let mention = |set: &ObservationSet| SetMention {
        at: set.taken_at(),
        age: age(now, set.taken_at()),
    };
    let stands_on = picture.standing.as_ref().map(|(_, set)| *set);
    let last_complete = picture
        .last_complete
        .filter(|(set, _, _)| stands_on.is_none_or(|s| !std::ptr::eq(s, *set)))
        .map(|(set, total, risk)| LastComplete {
            set: mention(set),
            total,
            risk,
        });
    let to_complete = picture
        .to_complete
        .as_ref()
        .map(|(set, missing)| ToComplete {
            set: mention(set),
            missing: missing.clone(),
        });
    let mut notices = notices(history, settings, &picture, &disagreeing);
    let answered = answered(
        history,
        picture.standing.as_ref().map(|(s, _)| s),
        &settings.responses,
        now,
    );
    notices.extend(answered.unanswered.map(Notice::Unanswered));

    Decision {
        level,
        standing: picture.standing.map(|(standing, _)| standing),
        last_complete,
        to_complete,
        row,
        due_at: schedule.map(|s| s.due_at),
        overdue_after: schedule.map(|s| s.overdue_after),
        schedule: status,
        also,
        notices,
        disagreeing_sets: disagreeing.iter().map(|set| set.taken_at()).collect(),
        has_sets: !history.sets().is_empty(),
        responses: answered.responses,
    }
}

impl Decision {
    /// How long the next set is overdue, if it is.
    pub fn overdue_by(&self) -> Option<Duration> {
        match self.schedule {
            Some(ScheduleStatus::Overdue { by }) => Some(by),
            _ => None,
        }
    }
}

fn is_stale(settings: &Settings, now: Timestamp) -> bool {
    match settings.data {
        None => false,
        Some(DataStatus::Unreachable { .. }) => true,
        Some(DataStatus::Current { refreshed_at }) => now
            .since(refreshed_at)
            .is_some_and(|age| age > settings.stale_after),
    }
}

fn notices(
    history: AsOf<'_>,
    settings: &Settings,
    picture: &Picture<'_>,
    disagreeing: &[&ObservationSet],
) -> Vec<Notice> {
    let mut notices = Vec::new();
    if settings.patient.under_16 {
        notices.push(Notice::Under16);
    }
    if settings.patient.pregnant {
        notices.push(Notice::Pregnancy);
    }
    // What to be careful about in the set the band stands on and in the newest set.
    let mut relevant: Vec<&ObservationSet> = Vec::new();
    for set in [picture.standing.as_ref().map(|(_, s)| *s), history.latest()]
        .into_iter()
        .flatten()
    {
        if !relevant.iter().any(|r| std::ptr::eq(*r, set)) {
            relevant.push(set);
        }
    }
    relevant.sort_by_key(|set| set.taken_at());
    for set in &relevant {
        for conflict in &set.conflicts {
            notices.push(Notice::Conflict {
                conflict: conflict.clone(),
            });
        }
        for earlier in set.rescored_lower() {
            notices.push(Notice::Rescored {
                earlier,
                now: set.stated_total().map(|t| t.value()),
                at: set.taken_at(),
            });
        }
        for (earlier, counted) in set.rechecked_lower() {
            notices.push(Notice::Rechecked {
                earlier: earlier.clone(),
                counted,
                at: set.taken_at(),
            });
        }
        let source_only = set.source_only();
        if !source_only.is_empty() {
            notices.push(Notice::SourceOnly {
                at: set.taken_at(),
                parameters: source_only,
            });
        }
        let verify = set.to_verify();
        if !verify.is_empty() {
            notices.push(Notice::Verify {
                at: set.taken_at(),
                parameters: verify,
            });
        }
    }
    for set in disagreeing {
        for disagreement in set.disagreements() {
            notices.push(Notice::Disagreement {
                at: set.taken_at(),
                disagreement,
            });
        }
    }
    for signal in Trend::of(history.sets(), settings.trend).rising {
        notices.push(Notice::Rising(signal));
    }
    if let Some(first) = history.future().first() {
        notices.push(Notice::FutureDated {
            count: history.future().len(),
            first: first.taken_at(),
        });
    }
    notices
}
