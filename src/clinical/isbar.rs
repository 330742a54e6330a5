//! The ISBAR summary of a patient's NEWS2 (Identifisering, Situasjon, Bakgrunn, Aktuell
//! tilstand, Råd), as plain data: what a nurse says on the phone when a patient gets worse,
//! taken from the history the engine holds and the decision the banner shows, and nothing else.
//!
//! It holds no words (`i18n` words it in nb, nn and en) and states no more than the data
//! supports: a band stands on what the banner's decision stands on; "since when" is told only
//! from complete sets; what is missing, to verify, stated by a source only, or disagreeing is
//! carried beside the value it concerns; stale, incomplete and future-dated data are carried as
//! caveats. Identification is what the host gives (who calls, from which service, a label for
//! the patient): the widget knows nothing more of them and adds nothing.

use std::time::Duration;

use super::SubScore;
use super::escalation::texts::ResponseRow;
use super::escalation::{Basis, Decision, Level, Notice, Standing, ToComplete};
use super::observation_set::{AsOf, BandBasis, Disagreement, ObservationSet, Spo2ScaleBasis};
use super::provenance::Provenance;
use super::response::RecordedResponse;
use super::score::{ClinicalRisk, News2};
use super::set_values::MeasuredValue;
use super::time::{HOUR, Timestamp};
use super::trend::RisingSignal;
use super::vital_signs::Parameter;

/// What the host says about the call: the widget never finds these out itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identification {
    /// Who calls (the logged-in clinician's name).
    pub caller: Option<String>,
    /// The service calling (a home-care district, a nursing home ward).
    pub service: Option<String>,
    /// How the patient is named in the call, as the host chooses (never looked up here).
    pub patient: Option<String>,
}

/// The whole summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Isbar {
    /// The moment it was made (the decision's).
    pub at: Timestamp,
    pub identification: Identification,
    pub situation: Situation,
    pub background: Background,
    /// The newest set, parameter by parameter; `None` without any set.
    pub assessment: Option<Assessment>,
    /// The Chart 4 row in force: its response is R's default, which the nurse may change.
    /// `None` when no set makes any band certain.
    pub recommendation: Option<ResponseRow>,
    /// What limits the summary (stale, incomplete, overdue, no sets, future-dated sets).
    pub caveats: Vec<Caveat>,
    /// What the banner says about the trust of values, of any set (to verify, stated by the
    /// source only, disagreeing, conflicting, re-checked, re-scored): said here as there.
    pub notices: Vec<Notice>,
}

/// S: NEWS2 now, its band and what it stands on, and what changed since when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Situation {
    /// The banner's level.
    pub level: Level,
    /// The band in force and the set it stands on (a red parameter is in its basis); `None`
    /// when no set makes any band certain.
    pub standing: Option<Standing>,
    /// How the complete totals came to the one in force; only when the band stands on the
    /// newest set and that set is complete.
    pub change: Option<Change>,
    /// The newest set, when it is incomplete and the band stands on an earlier set: what it
    /// lacks, to complete now (the banner's "incomplete").
    pub to_complete: Option<ToComplete>,
}

/// How the complete totals came to the one in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    /// The complete set before the one the band stands on: its total, band and time.
    pub previous: Option<TotalAt>,
    /// The first set of the unbroken run of sets at the band in force (no set at another band
    /// between them), ending with the one it stands on and going back at most 24 hours:
    /// "high since 14:05".
    pub band_since: Timestamp,
}

/// A complete set's total, band and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TotalAt {
    pub total: u8,
    pub risk: ClinicalRisk,
    pub at: Timestamp,
}

/// B: how the patient has been.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Background {
    /// The complete totals of the 24 hours up to the newest set.
    pub last_24_hours: Option<Window>,
    /// The incomplete sets taken after the last complete one; `None` when there are none.
    pub incomplete: Option<IncompleteRun>,
    /// The SpO2 scale of the newest set and why.
    pub spo2_scale: ScaleInForce,
    /// NEWS2 is not validated for this patient (under 16, pregnant).
    pub scope: Vec<Scope>,
    /// A rising score (decision support beyond RCP, and worded as such).
    pub rising: Vec<RisingSignal>,
    /// Who has already been informed about the band in force: the recorded responses the
    /// banner stands with, newest first (its "no response recorded" is among the notices).
    pub informed: Vec<RecordedResponse>,
}

/// Incomplete sets at the end of the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IncompleteRun {
    /// This many since the last complete set.
    AfterComplete(usize),
    /// This many, and no complete set at all.
    NoCompleteSet(usize),
}

/// The sets of a time window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub sets: usize,
    pub complete: usize,
    /// The lowest and the highest complete total, the first of each if it recurs; `None`
    /// without a complete set in the window.
    pub lowest: Option<TotalAt>,
    pub highest: Option<TotalAt>,
}

/// The SpO2 scale the newest set was scored on, and on what grounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScaleInForce {
    Scale1,
    /// By the patient's documented decision: who made it and when.
    Scale2Decided {
        by: String,
        at: Timestamp,
    },
    /// Because the source Observation carries the Scale 2 sub-score (no decision given).
    Scale2BySource,
}

/// Who NEWS2 is not validated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Under16,
    Pregnancy,
}

/// A: the newest set, parameter by parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub at: Timestamp,
    pub age: Duration,
    /// The seven parameters in Chart 1 order, each present whether measured or not.
    pub parameters: Vec<ParameterLine>,
    pub score: AssessedScore,
    /// The total the source stated for the set, when it differs from the computed one.
    pub stated_total_differs: Option<(u8, u8)>,
    /// Who and which service recorded it, as far as the sources say.
    pub recorded_by: Vec<Provenance>,
}

/// One parameter of the newest set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParameterLine {
    pub parameter: Parameter,
    /// The value that counts; `None` when not measured.
    pub value: Option<MeasuredValue>,
    /// Its sub-score; `None` when not measured, or when it cannot be known (SpO2 on Scale 2
    /// without air or oxygen).
    pub sub_score: Option<SubScore>,
    pub flags: Vec<Flag>,
}

/// What to say beside a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// Possible but unusual: to verify.
    Verify,
    /// The source stated this sub-score with no value to check it against.
    SourceOnly(SubScore),
    /// The source stated another sub-score than the value gives.
    Disagrees { stated: u8, computed: u8 },
    /// Measured more than once at this moment with different values; the most severe counts.
    Conflict,
    /// Measured again: an earlier, more severe value was replaced by this one.
    Rechecked { earlier: MeasuredValue },
}

/// The newest set's NEWS2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssessedScore {
    Complete {
        total: u8,
        risk: ClinicalRisk,
    },
    /// No NEWS2 (never a partial sum): what is missing, the band its values already make
    /// certain, and a total its source stated (not recomputed), if any.
    Incomplete {
        missing: Vec<Parameter>,
        at_least: Option<ClinicalRisk>,
        stated_total: Option<u8>,
    },
}

/// What limits what the summary can say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caveat {
    /// No sets at all.
    NoSets,
    /// The data may be out of date (the source unreachable, or not lately).
    StaleData,
    /// The newest set is incomplete.
    Incomplete,
    /// The next set is overdue.
    Overdue,
    /// Sets dated in the future were left out.
    FutureDated,
}

impl Isbar {
    /// The summary of `history` as `decision` (made from the same history, at the same moment)
    /// reads it.
    pub fn of(history: AsOf<'_>, decision: &Decision, identification: Identification) -> Self {
        let now = history.now();
        let latest = history.latest();
        Isbar {
            at: now,
            identification,
            situation: Situation {
                level: decision.level,
                standing: decision.standing.clone(),
                change: decision
                    .standing
                    .as_ref()
                    .filter(|standing| latest.is_some_and(|set| set.taken_at() == standing.at))
                    .and_then(|standing| change(history.sets(), standing)),
                to_complete: decision.to_complete.clone().filter(|to_complete| {
                    decision
                        .standing
                        .as_ref()
                        .is_none_or(|standing| standing.at != to_complete.set.at)
                }),
            },
            background: Background {
                last_24_hours: latest.map(|set| window(history.sets(), set.taken_at())),
                incomplete: match (history.latest_complete(), history.sets().len()) {
                    (_, 0) => None,
                    (Some(_), _) => Some(history.since_latest_complete().len())
                        .filter(|&count| count > 0)
                        .map(IncompleteRun::AfterComplete),
                    (None, count) => Some(IncompleteRun::NoCompleteSet(count)),
                },
                spo2_scale: latest.map_or(ScaleInForce::Scale1, |set| scale(set.scale_basis())),
                scope: decision
                    .notices
                    .iter()
                    .filter_map(|notice| match notice {
                        Notice::Under16 => Some(Scope::Under16),
                        Notice::Pregnancy => Some(Scope::Pregnancy),
                        _ => None,
                    })
                    .collect(),
                rising: decision
                    .notices
                    .iter()
                    .filter_map(|notice| match notice {
                        Notice::Rising(signal) => Some(*signal),
                        _ => None,
                    })
                    .collect(),
                informed: decision.responses.clone(),
            },
            assessment: latest.map(|set| assessment(set, now)),
            recommendation: decision.row,
            caveats: caveats(decision, latest),
            notices: decision
                .notices
                .iter()
                .filter(|notice| {
                    !matches!(
                        notice,
                        Notice::Under16 | Notice::Pregnancy | Notice::Rising(_)
                    )
                })
                .cloned()
                .collect(),
        }
    }
}

/// The way to the band in force, when it stands on a complete set's total.
fn change(sets: &[ObservationSet], standing: &Standing) -> Option<Change> {
    let Basis::Computed { .. } = standing.basis else {
        return None;
    };
    let earlier: Vec<&ObservationSet> = sets
        .iter()
        .filter(|set| set.taken_at() < standing.at)
        .collect();
    // Back from the set it stands on, over sets at the same band, to the first set at another
    // band (a set with no certain band says nothing either way), within 24 hours.
    let window_start = standing.at.minus(24 * HOUR);
    let mut band_since = standing.at;
    for set in earlier.iter().rev() {
        if set.taken_at() < window_start {
            break;
        }
        match set.band() {
            Some((band, _)) if band == standing.band => band_since = set.taken_at(),
            Some(_) => break,
            None => {}
        }
    }
    Some(Change {
        previous: earlier.iter().rev().find_map(|set| total_at(set)),
        band_since,
    })
}

fn total_at(set: &ObservationSet) -> Option<TotalAt> {
    match set.score() {
        News2::Complete(score) => Some(TotalAt {
            total: score.total().value(),
            risk: score.risk(),
            at: set.taken_at(),
        }),
        News2::Incomplete(_) => None,
    }
}

/// The sets of the 24 hours up to `end` (the newest set).
fn window(sets: &[ObservationSet], end: Timestamp) -> Window {
    let start = end.minus(24 * HOUR);
    let within: Vec<&ObservationSet> = sets
        .iter()
        .filter(|set| set.taken_at() >= start && set.taken_at() <= end)
        .collect();
    let totals: Vec<TotalAt> = within.iter().filter_map(|set| total_at(set)).collect();
    // The first of equals: "lowest 1 at 02:00" names when it was first so.
    let lowest = totals
        .iter()
        .copied()
        .reduce(|low, t| if t.total < low.total { t } else { low });
    let highest = totals
        .iter()
        .copied()
        .reduce(|high, t| if t.total > high.total { t } else { high });
    Window {
        sets: within.len(),
        complete: totals.len(),
        lowest,
        highest,
    }
}

fn scale(basis: &Spo2ScaleBasis) -> ScaleInForce {
    match basis {
        Spo2ScaleBasis::Default => ScaleInForce::Scale1,
        Spo2ScaleBasis::PatientDecision(decision) => ScaleInForce::Scale2Decided {
            by: decision.decided_by().to_string(),
            at: decision.decided_at(),
        },
        Spo2ScaleBasis::SourceObservation => ScaleInForce::Scale2BySource,
    }
}

fn assessment(set: &ObservationSet, now: Timestamp) -> Assessment {
    let score = set.score();
    let disagreements = set.disagreements();
    let source_only = set.source_only();
    let to_verify = set.to_verify();
    let parameters = Parameter::ALL
        .into_iter()
        .map(|parameter| {
            let mut flags = Vec::new();
            if to_verify.contains(&parameter) {
                flags.push(Flag::Verify);
            }
            if source_only.contains(&parameter)
                && let Some(stated) = set
                    .stated
                    .as_ref()
                    .and_then(|stated| stated.sub_scores.get(parameter))
            {
                flags.push(Flag::SourceOnly(stated));
            }
            for disagreement in &disagreements {
                if let Disagreement::SubScore {
                    parameter: p,
                    stated,
                    computed,
                } = *disagreement
                    && p == parameter
                {
                    flags.push(Flag::Disagrees { stated, computed });
                }
            }
            if set.conflicts.iter().any(|c| c.parameter == parameter) {
                flags.push(Flag::Conflict);
            }
            for (rechecked, _) in set.rechecked_lower() {
                if rechecked.value.parameter() == parameter {
                    flags.push(Flag::Rechecked {
                        earlier: rechecked.value,
                    });
                }
            }
            ParameterLine {
                parameter,
                value: set.counted_value(parameter),
                sub_score: score.sub_score(parameter),
                flags,
            }
        })
        .collect();
    let stated_total_differs = disagreements.iter().find_map(|d| match *d {
        Disagreement::Total { stated, computed } => Some((stated, computed)),
        Disagreement::SubScore { .. } => None,
    });
    Assessment {
        at: set.taken_at(),
        age: now.since(set.taken_at()).unwrap_or_default(),
        parameters,
        score: match &score {
            News2::Complete(score) => AssessedScore::Complete {
                total: score.total().value(),
                risk: score.risk(),
            },
            News2::Incomplete(score) => AssessedScore::Incomplete {
                missing: score.missing().to_vec(),
                // The band the set makes certain (its values', or its source's total where
                // that says more); the total only where it counts, never a partial sum.
                at_least: set.band().map(|(band, _)| band),
                stated_total: set
                    .band()
                    .filter(|(_, basis)| *basis == BandBasis::Stated)
                    .and(set.stated_total())
                    .map(|total| total.value()),
            },
        },
        stated_total_differs,
        recorded_by: set.details.provenance.clone(),
    }
}

fn caveats(decision: &Decision, latest: Option<&ObservationSet>) -> Vec<Caveat> {
    let mut caveats = Vec::new();
    if !decision.has_sets {
        caveats.push(Caveat::NoSets);
    }
    let levels = || std::iter::once(decision.level).chain(decision.also.iter().copied());
    for (level, caveat) in [
        (Level::StaleData, Caveat::StaleData),
        (Level::Overdue, Caveat::Overdue),
        (Level::FutureDated, Caveat::FutureDated),
    ] {
        if levels().any(|l| l == level) {
            caveats.push(caveat);
        }
    }
    if latest.is_some_and(|set| matches!(set.score(), News2::Incomplete(_))) {
        caveats.push(Caveat::Incomplete);
    }
    caveats
}
