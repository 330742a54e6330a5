//! The escalation decision: from a patient's history, the clock and the settings, what the
//! banner shows. One function, [`decide`], so that the UI renders a decision and never makes
//! one.
//!
//! Several things can call for attention at once (a high score and stale data, say). The
//! banner leads with the most urgent and lists the rest in [`Decision::also`], so nothing is
//! hidden. The order is a decision of this project (docs/clinical-rules.md, "Escalation").

pub mod config;
pub mod texts;

use std::time::Duration;

use super::observation_set::{Disagreement, History};
use super::schedule::{Schedule, ScheduleStatus};
use super::score::{ClinicalRisk, News2};
use super::time::{MINUTE, Timestamp};
use super::trend::{RisingSignal, Trend, TrendSettings};
use super::vital_signs::Parameter;
use texts::{Language, ResponseRow, ResponseTexts, parameter_list, parameter_name, risk_word};

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
    pub language: Language,
    /// Chart 4's texts: RCP's, or a municipality's ([`ResponseTexts::from_config`]).
    pub texts: ResponseTexts,
    pub patient: PatientContext,
    pub trend: TrendSettings,
    /// `None` when the host hands the history over itself: then it is never stale.
    pub data: Option<DataStatus>,
    /// Data older than this is shown as possibly out of date.
    pub stale_after: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: Language::Nb,
            texts: ResponseTexts::default(),
            patient: PatientContext::default(),
            trend: TrendSettings::default(),
            data: None,
            stale_after: 30 * MINUTE,
        }
    }
}

/// What kind of banner it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// NEWS2 0: routine monitoring.
    None,
    /// Low risk (1–4), an incomplete set with nothing certain, or no sets yet.
    Information,
    LowMedium,
    Medium,
    High,
    /// The latest set is incomplete, and this band is already certain.
    IncompleteMinimum(ClinicalRisk),
    /// The next set is overdue.
    Overdue,
    /// The data may be out of date: the source could not be reached or not lately.
    StaleData,
    /// The source's stated score differs from the one computed from its values.
    SourceDisagreement,
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
            Level::IncompleteMinimum(risk) => band(risk),
            Level::Overdue => 5,
            Level::StaleData => 4,
            Level::SourceDisagreement => 3,
            Level::Information => 2,
            Level::None => 1,
        }
    }
}

/// Something the banner says besides its level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// NEWS2 is not validated under 16.
    Under16,
    /// NEWS2 is not validated in pregnancy.
    Pregnancy,
    /// The latest set lacks these.
    Missing(Vec<Parameter>),
    /// The latest set has possible but unusual values here.
    Verify(Vec<Parameter>),
    /// Sub-scores the source stated with no value to check them against.
    SourceOnly(Vec<Parameter>),
    /// A difference between the source's score and the computed one.
    Disagreement(Disagreement),
    /// A rising score: decision support beyond RCP NEWS2, and its text says so.
    Rising(RisingSignal),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

/// What the banner shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub level: Level,
    pub title: String,
    pub response: String,
    pub monitoring: String,
    /// When the next set is due (under continuous monitoring: when a recorded set is expected
    /// at the latest); `None` only with no sets at all.
    pub due_at: Option<Timestamp>,
    /// When it becomes overdue (later than `due_at` only for "4–6-hourly").
    pub overdue_after: Option<Timestamp>,
    pub overdue_by: Option<Duration>,
    /// The other levels that apply, most urgent first.
    pub also: Vec<Level>,
    pub notices: Vec<Notice>,
}

struct Candidate {
    level: Level,
    title: String,
    response: String,
    /// The Chart 4 row in force, for the clinical candidate.
    row: Option<ResponseRow>,
}

/// Decides what the banner shows for `history` at `now`.
pub fn decide(history: &History, now: Timestamp, settings: &Settings) -> Decision {
    let lang = settings.language;
    let texts = &settings.texts;
    let schedule = Schedule::of(history);
    let status = schedule.map(|s| s.status(now));

    let mut others = Vec::new();
    if let Some(ScheduleStatus::Overdue { .. }) = status {
        others.push(Candidate {
            level: Level::Overdue,
            title: lang
                .pick(
                    "Ny NEWS2-måling er forsinket",
                    "Ny NEWS2-måling er forseinka",
                    "The next NEWS2 set is overdue",
                )
                .into(),
            response: lang
                .pick(
                    "Ta en fullstendig NEWS2-måling nå.",
                    "Ta ei fullstendig NEWS2-måling no.",
                    "Take a complete NEWS2 set now.",
                )
                .into(),
            row: None,
        });
    }
    if is_stale(settings, now) {
        others.push(Candidate {
            level: Level::StaleData,
            title: lang.pick("Dataene kan være utdaterte", "Dataa kan vere utdaterte", "The data may be out of date").into(),
            response: lang
                .pick(
                    "Nyere målinger kan mangle. Sjekk pasientens journal eller spør den som har målt.",
                    "Nyare målingar kan mangle. Sjekk journalen til pasienten eller spør den som har målt.",
                    "Newer sets may be missing. Check the patient's record or ask whoever took the measurements.",
                )
                .into(),
            row: None,
        });
    }
    let latest = history.latest();
    let disagreements = latest.map(|set| set.disagreements()).unwrap_or_default();
    if !disagreements.is_empty() {
        others.push(Candidate {
            level: Level::SourceDisagreement,
            title: lang
                .pick("Kildens NEWS2 stemmer ikke med målingene", "NEWS2 frå kjelda stemmer ikkje med målingane", "The source's NEWS2 does not match the measurements")
                .into(),
            response: lang
                .pick(
                    "Kontroller målingene. Begge skårene vises; skåren beregnet fra målingene er lagt til grunn.",
                    "Kontroller målingane. Begge skårane blir viste; skåren rekna ut frå målingane er lagd til grunn.",
                    "Check the measurements. Both scores are shown; the score calculated from the measurements is used.",
                )
                .into(),
            row: None,
        });
    }
    // The most urgent leads; on a tie the clinical level does.
    let mut primary = clinical(history, lang, texts);
    let clinical_row = primary.row;
    let mut also = Vec::new();
    for candidate in others {
        if candidate.level.urgency() > primary.level.urgency() {
            also.push(std::mem::replace(&mut primary, candidate).level);
        } else {
            also.push(candidate.level);
        }
    }
    also.retain(|&level| level != Level::None);
    also.sort_by_key(|level| std::cmp::Reverse(level.urgency()));

    Decision {
        level: primary.level,
        title: primary.title,
        response: primary.response,
        monitoring: monitoring_text(clinical_row, history, lang, texts),
        due_at: schedule.map(|s| s.due_at),
        overdue_after: schedule.map(|s| s.overdue_after),
        overdue_by: match status {
            Some(ScheduleStatus::Overdue { by }) => Some(by),
            _ => None,
        },
        also,
        notices: notices(history, settings, &disagreements),
    }
}

/// The level the scores themselves call for.
fn clinical(history: &History, lang: Language, texts: &ResponseTexts) -> Candidate {
    let complete = history.latest_complete().and_then(|set| match set.score() {
        News2::Complete(score) => Some(score),
        News2::Incomplete(_) => None,
    });
    let incomplete = history.latest().and_then(|set| match set.score() {
        News2::Incomplete(score) => Some(score),
        News2::Complete(_) => None,
    });
    // Every incomplete set since the last complete one counts: a later partial set with less
    // known does not undo what an earlier one made certain.
    let band = history
        .newer_incomplete()
        .into_iter()
        .filter_map(|set| match set.score() {
            News2::Incomplete(score) => score.minimum_risk(),
            News2::Complete(_) => None,
        })
        .max();
    match (complete, band) {
        (complete, Some(band)) if complete.is_none_or(|c| c.risk() < band) => Candidate {
            level: Level::IncompleteMinimum(band),
            title: format!(
                "{} {} {}",
                lang.pick(
                    "Ufullstendig måling – minst",
                    "Ufullstendig måling – minst",
                    "Incomplete set – at least"
                ),
                risk_word(lang, band),
                lang.pick("klinisk risiko", "klinisk risiko", "clinical risk"),
            ),
            response: texts.row(lang, ResponseRow::of(band, false)).response,
            row: Some(ResponseRow::of(band, false)),
        },
        (Some(score), _) => {
            let total = score.total().value();
            let risk = score.risk();
            let level = match risk {
                ClinicalRisk::High => Level::High,
                ClinicalRisk::Medium => Level::Medium,
                ClinicalRisk::LowMedium => Level::LowMedium,
                ClinicalRisk::Low if total == 0 => Level::None,
                ClinicalRisk::Low => Level::Information,
            };
            let mut title = format!(
                "{} – NEWS2 {total}",
                capitalised(&format!(
                    "{} {}",
                    risk_word(lang, risk),
                    lang.pick("klinisk risiko", "klinisk risiko", "clinical risk")
                ))
            );
            if risk == ClinicalRisk::LowMedium {
                let red: Vec<Parameter> = score
                    .sub_scores()
                    .iter()
                    .filter(|(_, s)| s.is_red())
                    .map(|(p, _)| p)
                    .collect();
                title.push_str(&format!(
                    ", {} {}",
                    lang.pick("skår 3 i", "skår 3 i", "a 3 in"),
                    parameter_list(lang, &red)
                ));
            }
            let row = ResponseRow::of(risk, total == 0);
            Candidate {
                level,
                title,
                response: texts.row(lang, row).response,
                row: Some(row),
            }
        }
        (None, _) if incomplete.is_some() => Candidate {
            level: Level::Information,
            title: lang
                .pick(
                    "Ufullstendig måling – ingen totalskår",
                    "Ufullstendig måling – ingen totalskår",
                    "Incomplete set – no total score",
                )
                .into(),
            response: lang
                .pick(
                    "Mål de manglende parameterne.",
                    "Mål dei manglande parametrane.",
                    "Measure the missing parameters.",
                )
                .into(),
            row: None,
        },
        (None, _) => Candidate {
            level: Level::Information,
            title: lang
                .pick(
                    "Ingen NEWS2-målinger ennå",
                    "Ingen NEWS2-målingar enno",
                    "No NEWS2 sets yet",
                )
                .into(),
            response: lang
                .pick(
                    "Ta en fullstendig NEWS2-måling.",
                    "Ta ei fullstendig NEWS2-måling.",
                    "Take a complete NEWS2 set.",
                )
                .into(),
            row: None,
        },
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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

/// The monitoring text of the Chart 4 row that sets the schedule.
fn monitoring_text(
    row: Option<ResponseRow>,
    history: &History,
    lang: Language,
    texts: &ResponseTexts,
) -> String {
    match row {
        Some(row) => texts.row(lang, row).monitoring,
        None if history.latest().is_some() => lang
            .pick(
                "Fullfør målingen innen en time.",
                "Fullfør målinga innan ein time.",
                "Complete the set within the hour.",
            )
            .into(),
        None => lang
            .pick(
                "Ingen plan for neste måling før en måling er tatt.",
                "Ingen plan for neste måling før ei måling er teken.",
                "No schedule until a set is taken.",
            )
            .into(),
    }
}

fn notices(history: &History, settings: &Settings, disagreements: &[Disagreement]) -> Vec<Notice> {
    let lang = settings.language;
    let mut notices = Vec::new();
    if settings.patient.under_16 {
        notices.push(Notice {
            kind: NoticeKind::Under16,
            text: lang
                .pick(
                    "NEWS2 er ikke validert for pasienter under 16 år. Bruk klinisk skjønn.",
                    "NEWS2 er ikkje validert for pasientar under 16 år. Bruk klinisk skjønn.",
                    "NEWS2 is not validated for patients under 16. Use clinical judgement.",
                )
                .into(),
        });
    }
    if settings.patient.pregnant {
        notices.push(Notice {
            kind: NoticeKind::Pregnancy,
            text: lang
                .pick(
                    "NEWS2 er ikke validert i svangerskap. Bruk klinisk skjønn.",
                    "NEWS2 er ikkje validert i svangerskap. Bruk klinisk skjønn.",
                    "NEWS2 is not validated in pregnancy. Use clinical judgement.",
                )
                .into(),
        });
    }
    if let Some(latest) = history.latest() {
        if let News2::Incomplete(score) = latest.score() {
            let missing = score.missing().to_vec();
            let text = format!(
                "{}: {}.",
                lang.pick("Mangler", "Manglar", "Missing"),
                parameter_list(lang, &missing)
            );
            notices.push(Notice {
                kind: NoticeKind::Missing(missing),
                text,
            });
        }
        let source_only = latest.source_only();
        if !source_only.is_empty() {
            let text = format!(
                "{}: {}.",
                lang.pick(
                    "Skår fra kilden, uten måleverdier å kontrollere mot",
                    "Skår frå kjelda, utan måleverdiar å kontrollere mot",
                    "Scored by the source, with no values to check against",
                ),
                parameter_list(lang, &source_only)
            );
            notices.push(Notice {
                kind: NoticeKind::SourceOnly(source_only),
                text,
            });
        }
        let verify = latest.to_verify();
        if !verify.is_empty() {
            let text = format!(
                "{}: {}.",
                lang.pick(
                    "Uvanlig verdi, kontroller målingen",
                    "Uvanleg verdi, kontroller målinga",
                    "Unusual value, verify the measurement"
                ),
                parameter_list(lang, &verify)
            );
            notices.push(Notice {
                kind: NoticeKind::Verify(verify),
                text,
            });
        }
    }
    for &disagreement in disagreements {
        let (what, stated, computed) = match disagreement {
            Disagreement::SubScore {
                parameter,
                stated,
                computed,
            } => (parameter_name(lang, parameter), stated, computed),
            Disagreement::Total { stated, computed } => ("NEWS2", stated, computed),
        };
        let text = format!(
            "{what}: {} {stated}, {} {computed}.",
            lang.pick("kilden oppgir", "kjelda oppgir", "the source states"),
            lang.pick(
                "beregnet fra målingene",
                "rekna ut frå målingane",
                "calculated from the measurements"
            ),
        );
        notices.push(Notice {
            kind: NoticeKind::Disagreement(disagreement),
            text,
        });
    }
    let not_rcp = lang.pick(
        "(beslutningsstøtte, ikke en del av RCP NEWS2)",
        "(avgjerdsstøtte, ikkje ein del av RCP NEWS2)",
        "(decision support, not part of RCP NEWS2)",
    );
    for signal in Trend::of(history, settings.trend).rising {
        let text = match signal {
            RisingSignal::TotalRose { by, from, to, .. } => format!(
                "{} +{by} ({from} → {to}) {} {} {not_rcp}",
                lang.pick("Stigende NEWS2:", "Stigande NEWS2:", "Rising NEWS2:"),
                lang.pick("innen", "innan", "within"),
                hours(lang, settings.trend.window),
            ),
            RisingSignal::HigherBand { from, to } => format!(
                "{} ({} → {}) {not_rcp}",
                lang.pick(
                    "Høyere risiko enn forrige måling",
                    "Høgare risiko enn førre måling",
                    "Higher risk than the previous set"
                ),
                risk_word(lang, from),
                risk_word(lang, to),
            ),
        };
        notices.push(Notice {
            kind: NoticeKind::Rising(signal),
            text,
        });
    }
    notices
}

fn hours(lang: Language, span: Duration) -> String {
    let hours = span.as_secs() / 3600;
    format!("{hours} {}", lang.pick("timer", "timar", "hours"))
}
