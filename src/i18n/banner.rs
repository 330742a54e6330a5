//! What the escalation banner says: the engine's [`Decision`] in bokmål, nynorsk or English.
//!
//! The decision names kinds with their data; this module alone turns them into words, so a
//! level or notice added to the engine without its words here does not compile. Chart 4's
//! response and monitoring texts come from [`ResponseTexts`] (RCP's, or a municipality's).
//! For clinical review: the Norwegian wording.

use std::time::Duration;

use super::Language;
use super::format::{LocalZone, date_time, duration, short_date_time};
use super::words::{self, capitalised, measured_value, parameter_list, parameter_name, risk_word};
use crate::clinical::ClinicalRisk;
use crate::clinical::escalation::texts::ResponseTexts;
use crate::clinical::escalation::{Basis, Decision, Level, Notice, Standing};
use crate::clinical::observation_set::Disagreement;
use crate::clinical::schedule::ScheduleStatus;
use crate::clinical::time::Timestamp;
use crate::clinical::trend::RisingSignal;

/// Every text of one banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BannerWords {
    /// The level in a word or two, beside its symbol, so colour is never the only cue.
    pub level: String,
    pub title: String,
    pub response: String,
    pub monitoring: String,
    /// Which set the band stands on, and how old it is.
    pub stands_on: Option<String>,
    /// The total and band the banner stands on in a few words, for the compact view beside the
    /// level's words: what those do not already say ("NEWS2 5" beside "Middels risiko",
    /// "NEWS2 2 · lav risiko" beside "Måling forsinket").
    pub score: Option<String>,
    /// When the set the band stands on was measured, and how long ago, as short as it reads
    /// without doubt ("Målt 07:04 (30 min siden)"); without a band, when the newest
    /// (incomplete) set was.
    pub measured: Option<String>,
    /// [`BannerWords::due`] in a few words ("Neste om 3 t 56 min", "Forsinket med 1 t 0 min").
    pub due_short: Option<String>,
    /// The last complete set, when the band stands on another.
    pub last_complete: Option<String>,
    /// The newest set when it is incomplete: what it lacks.
    pub to_complete: Option<String>,
    /// When the next set is due, or how long it is overdue.
    pub due: Option<String>,
    /// The other levels that apply.
    pub also: Vec<String>,
    pub notices: Vec<String>,
    /// The recorded responses that answer the band, newest first, a line each.
    pub responses: Vec<String>,
}

/// The banner's words for `decision`.
pub fn banner(
    decision: &Decision,
    language: Language,
    texts: &ResponseTexts,
    zone: &dyn LocalZone,
) -> BannerWords {
    let l = language;
    let when = |at: Timestamp, age: Duration| when(l, zone, at, age);
    let row = decision.row.map(|row| texts.row(l, row));
    let (title, response) = title_and_response(decision, l, row.as_ref().map(|r| &r.response));
    // The newest set is incomplete and nothing raises the band: the older set's schedule and
    // calm reading do not stand until it is complete.
    let completing = decision.to_complete.is_some()
        && decision
            .standing
            .as_ref()
            .is_none_or(|s| s.band < ClinicalRisk::LowMedium);
    let monitoring = match (&row, decision.has_sets) {
        _ if completing && decision.overdue_by().is_some() => l
            .pick(
                "Målingen skulle vært fullført innen en time.",
                "Målinga skulle vore fullført innan ein time.",
                "The set should have been completed within the hour.",
            )
            .into(),
        _ if completing => l
            .pick(
                "Fullfør målingen innen en time.",
                "Fullfør målinga innan ein time.",
                "Complete the set within the hour.",
            )
            .into(),
        (Some(row), _) => row.monitoring.clone(),
        (None, true) => l
            .pick(
                "Fullfør målingen innen en time.",
                "Fullfør målinga innan ein time.",
                "Complete the set within the hour.",
            )
            .into(),
        (None, false) => l
            .pick(
                "Ingen plan for neste måling før en måling er tatt.",
                "Ingen plan for neste måling før ei måling er teken.",
                "No schedule until a set is taken.",
            )
            .into(),
    };
    let stands_on = decision.standing.as_ref().map(|standing| {
        let at = when(standing.at, standing.age);
        match &standing.basis {
            // Beside a set to complete, the last complete one is a reference, not the basis.
            Basis::Computed { total, .. } if completing => format!(
                "{}: NEWS2 {total} ({} {}), {at}.",
                l.pick(
                    "Siste fullstendige måling",
                    "Siste fullstendige måling",
                    "Last complete set"
                ),
                risk_word(l, standing.band),
                l.pick("risiko", "risiko", "risk"),
            ),
            Basis::Computed { total, .. } => format!(
                "{} {at}: NEWS2 {total}, {} {}.",
                l.pick(
                    "Bygger på målingen",
                    "Byggjer på målinga",
                    "Based on the set taken"
                ),
                risk_word(l, standing.band),
                l.pick("risiko", "risiko", "risk"),
            ),
            Basis::Certain { missing } => format!(
                "{} {at} ({}: {}).",
                l.pick(
                    "Bygger på en ufullstendig måling",
                    "Byggjer på ei ufullstendig måling",
                    "Based on an incomplete set taken"
                ),
                l.pick("mangler", "manglar", "missing"),
                parameter_list(l, missing)
            ),
            Basis::Stated { total } => format!(
                "{} {total} {} {at}, {}.",
                l.pick("Bygger på NEWS2", "Byggjer på NEWS2", "Based on NEWS2"),
                l.pick(
                    "oppgitt av kilden",
                    "oppgitt av kjelda",
                    "stated by the source"
                ),
                l.pick(
                    "ikke beregnet på nytt fra målingene",
                    "ikkje rekna ut på nytt frå målingane",
                    "not recalculated from the measurements"
                ),
            ),
        }
    });
    let last_complete = decision.last_complete.as_ref().map(|last| {
        format!(
            "{}: NEWS2 {} ({} {}), {}.",
            l.pick(
                "Siste fullstendige måling",
                "Siste fullstendige måling",
                "Last complete set"
            ),
            last.total,
            risk_word(l, last.risk),
            l.pick("risiko", "risiko", "risk"),
            when(last.set.at, last.set.age)
        )
    });
    let to_complete = decision.to_complete.as_ref().map(|newest| {
        format!(
            "{} {} {} {}. {}",
            l.pick("Nyeste måling,", "Nyaste måling,", "The newest set,"),
            when(newest.set.at, newest.set.age),
            l.pick(
                "er ufullstendig og mangler",
                "er ufullstendig og manglar",
                "is incomplete and lacks"
            ),
            parameter_list(l, &newest.missing),
            l.pick(
                "Fullfør målingen nå.",
                "Fullfør målinga no.",
                "Complete the set now."
            ),
        )
    });
    // When the next set is due and how far away that is, so the nurse need not count.
    let due = match (decision.schedule, decision.due_at, decision.overdue_after) {
        (Some(ScheduleStatus::Overdue { by }), _, Some(after)) => Some(format!(
            "{} {} ({} {}).",
            words::words(l).overdue_by,
            duration(by, l),
            l.pick(
                "skulle vært tatt senest",
                "skulle vore teken seinast",
                "due at the latest"
            ),
            date_time(after, zone)
        )),
        (Some(ScheduleStatus::Due), _, Some(after)) => Some(format!(
            "{} ({} {}).",
            l.pick(
                "Neste måling skal tas nå",
                "Neste måling skal takast no",
                "The next set is due now"
            ),
            l.pick("senest", "seinast", "at the latest"),
            date_time(after, zone)
        )),
        (Some(ScheduleStatus::OnTime { due_in }), Some(at), _) => Some(format!(
            "{}: {} ({} {}).",
            words::words(l).next_due,
            date_time(at, zone),
            l.pick("om", "om", "in"),
            duration(due_in, l)
        )),
        _ => None,
    };
    // Beside the level's words, only what they do not already say: a band level names the
    // band (and whether the total is the source's, or there is none), "none" names NEWS2 0.
    let level_names_band = matches!(
        decision.level,
        Level::LowMedium
            | Level::Medium
            | Level::High
            | Level::IncompleteMinimum(_)
            | Level::SourceStated(_)
    );
    let score = decision.standing.as_ref().and_then(|standing| {
        let band = format!(
            "{} {}",
            risk_word(l, standing.band),
            l.pick("risiko", "risiko", "risk")
        );
        match standing.basis {
            _ if decision.level == Level::None => None,
            Basis::Computed { total, .. } | Basis::Stated { total } if level_names_band => {
                Some(format!("NEWS2 {total}"))
            }
            Basis::Certain { .. } if level_names_band => None,
            Basis::Computed { total, .. } => Some(format!("NEWS2 {total} · {band}")),
            Basis::Stated { total } => Some(format!(
                "NEWS2 {total} ({}) · {band}",
                l.pick(
                    "oppgitt av kilden",
                    "oppgitt av kjelda",
                    "stated by the source"
                )
            )),
            Basis::Certain { .. } => Some(format!(
                "{} · {} {band}",
                l.pick("Ingen totalskår", "Ingen totalskår", "No total"),
                l.pick("minst", "minst", "at least")
            )),
        }
    });
    let measured = decision
        .standing
        .as_ref()
        .map(|s| (s.at, s.age))
        .or_else(|| decision.to_complete.as_ref().map(|t| (t.set.at, t.set.age)))
        .map(|(at, age)| {
            let ago = if age.as_secs() < 60 {
                l.pick("nå", "no", "now").to_string()
            } else {
                format!("{} {}", duration(age, l), l.pick("siden", "sidan", "ago"))
            };
            format!(
                "{} {} ({ago})",
                l.pick("Målt", "Målt", "Measured"),
                short_date_time(at, at.plus(age), zone)
            )
        });
    let due_short = decision.schedule.map(|status| match status {
        ScheduleStatus::OnTime { due_in } => format!(
            "{} {}",
            l.pick("Neste om", "Neste om", "Next in"),
            duration(due_in, l)
        ),
        ScheduleStatus::Due => l
            .pick("Neste måling nå", "Neste måling no", "Next set now")
            .into(),
        ScheduleStatus::Overdue { by } => {
            format!("{} {}", words::words(l).overdue_by, duration(by, l))
        }
    });
    BannerWords {
        level: level(l, decision.level),
        title,
        response,
        monitoring,
        stands_on,
        score,
        measured,
        due_short,
        last_complete,
        to_complete,
        due,
        also: decision
            .also
            .iter()
            .map(|&level| self::level(l, level))
            .collect(),
        notices: decision
            .notices
            .iter()
            .map(|n| notice(l, n, zone))
            .collect(),
        responses: decision
            .responses
            .iter()
            .map(|r| super::response::line(l, r, zone))
            .collect(),
    }
}

/// `26.11.2026 09:00 (2 t 5 min siden)`.
pub(crate) fn when(
    language: Language,
    zone: &dyn LocalZone,
    at: Timestamp,
    age: Duration,
) -> String {
    let ago = if age.as_secs() < 60 {
        language.pick("nå", "no", "now").to_string()
    } else {
        format!(
            "{} {}",
            duration(age, language),
            language.pick("siden", "sidan", "ago")
        )
    };
    format!("{} ({ago})", date_time(at, zone))
}

/// "Høy klinisk risiko".
fn risk_title(language: Language, risk: ClinicalRisk) -> String {
    capitalised(&format!(
        "{} {}",
        risk_word(language, risk),
        language.pick("klinisk risiko", "klinisk risiko", "clinical risk")
    ))
}

fn title_and_response(
    decision: &Decision,
    l: Language,
    row_response: Option<&String>,
) -> (String, String) {
    let response = |fallback: &str| row_response.cloned().unwrap_or_else(|| fallback.into());
    let standing = decision.standing.as_ref();
    let missing = || {
        decision
            .to_complete
            .as_ref()
            .map(|t| parameter_list(l, &t.missing))
            .unwrap_or_default()
    };
    match decision.level {
        Level::None
        | Level::Information
        | Level::LowMedium
        | Level::Medium
        | Level::High
        | Level::IncompleteMinimum(_)
        | Level::SourceStated(_) => match standing {
            Some(Standing {
                band,
                basis: Basis::Computed { total, red },
                ..
            }) => {
                let mut title = format!("{} – NEWS2 {total}", risk_title(l, *band));
                if !red.is_empty() && *band == ClinicalRisk::LowMedium {
                    title.push_str(&format!(
                        ", {} {}",
                        l.pick("skår 3 i", "skår 3 i", "a 3 in"),
                        parameter_list(l, red)
                    ));
                }
                (title, response(""))
            }
            Some(Standing {
                band,
                basis: Basis::Certain { .. },
                ..
            }) => (
                format!(
                    "{} {} {}",
                    l.pick(
                        "Ufullstendig måling – minst",
                        "Ufullstendig måling – minst",
                        "Incomplete set – at least"
                    ),
                    risk_word(l, *band),
                    l.pick("klinisk risiko", "klinisk risiko", "clinical risk"),
                ),
                response(""),
            ),
            Some(Standing {
                band,
                basis: Basis::Stated { total },
                ..
            }) => (
                format!(
                    "{} – NEWS2 {total} {}",
                    risk_title(l, *band),
                    l.pick("oppgitt av kilden", "oppgitt av kjelda", "stated by the source")
                ),
                response(""),
            ),
            None => (
                l.pick(
                    "Ingen NEWS2-målinger ennå",
                    "Ingen NEWS2-målingar enno",
                    "No NEWS2 sets yet",
                )
                .into(),
                l.pick(
                    "Ta en fullstendig NEWS2-måling.",
                    "Ta ei fullstendig NEWS2-måling.",
                    "Take a complete NEWS2 set.",
                )
                .into(),
            ),
        },
        Level::Incomplete => (
            l.pick(
                "Ufullstendig måling – fullfør målingen nå",
                "Ufullstendig måling – fullfør målinga no",
                "Incomplete set – complete it now",
            )
            .into(),
            format!(
                "{} {} {}",
                l.pick("Mål", "Mål", "Measure"),
                missing(),
                l.pick(
                    "nå, så NEWS2 kan beregnes. En eldre, roligere skår gjelder ikke før målingen er fullført.",
                    "no, så NEWS2 kan reknast ut. Ein eldre, roligare skår gjeld ikkje før målinga er fullført.",
                    "now, so that NEWS2 can be calculated. An older, calmer score does not stand until the set is complete.",
                )
            ),
        ),
        Level::Overdue => (
            l.pick(
                "Ny NEWS2-måling er forsinket",
                "Ny NEWS2-måling er forseinka",
                "The next NEWS2 set is overdue",
            )
            .into(),
            l.pick(
                "Ta en fullstendig NEWS2-måling nå.",
                "Ta ei fullstendig NEWS2-måling no.",
                "Take a complete NEWS2 set now.",
            )
            .into(),
        ),
        Level::StaleData => (
            l.pick(
                "Dataene kan være utdaterte",
                "Dataa kan vere utdaterte",
                "The data may be out of date",
            )
            .into(),
            l.pick(
                "Nyere målinger kan mangle. Sjekk pasientens journal eller spør den som har målt.",
                "Nyare målingar kan mangle. Sjekk journalen til pasienten eller spør den som har målt.",
                "Newer sets may be missing. Check the patient's record or ask whoever took the measurements.",
            )
            .into(),
        ),
        Level::SourceDisagreement => (
            l.pick(
                "Kildens NEWS2 stemmer ikke med målingene",
                "NEWS2 frå kjelda stemmer ikkje med målingane",
                "The source's NEWS2 does not match the measurements",
            )
            .into(),
            l.pick(
                "Kontroller målingene. Begge skårene vises; skåren beregnet fra målingene er lagt til grunn.",
                "Kontroller målingane. Begge skårane blir viste; skåren rekna ut frå målingane er lagd til grunn.",
                "Check the measurements. Both scores are shown; the score calculated from the measurements is used.",
            )
            .into(),
        ),
        Level::FutureDated => (
            l.pick(
                "Måling datert fram i tid",
                "Måling datert fram i tid",
                "A set is dated in the future",
            )
            .into(),
            l.pick(
                "Kontroller dato og klokkeslett i journalen. En måling datert fram i tid er ikke tatt med i vurderingen.",
                "Kontroller dato og klokkeslett i journalen. Ei måling datert fram i tid er ikkje teken med i vurderinga.",
                "Check the date and time in the record. A set dated in the future is not taken into account.",
            )
            .into(),
        ),
    }
}

/// The banner's kind in a word or two, written beside its symbol.
pub fn level(language: Language, level: Level) -> String {
    let l = language;
    let risk = |band| {
        format!(
            "{} {}",
            words::risk(l, band),
            l.pick("risiko", "risiko", "risk")
        )
    };
    match level {
        Level::None => "NEWS2 0".into(),
        Level::Information => l.pick("Informasjon", "Informasjon", "Information").into(),
        Level::LowMedium => risk(ClinicalRisk::LowMedium),
        Level::Medium => risk(ClinicalRisk::Medium),
        Level::High => risk(ClinicalRisk::High),
        Level::IncompleteMinimum(band) => format!(
            "{} ({} {})",
            l.pick(
                "Ufullstendig måling",
                "Ufullstendig måling",
                "Incomplete set"
            ),
            l.pick("minst", "minst", "at least"),
            risk_word(l, band)
        ),
        Level::SourceStated(band) => format!(
            "{} ({})",
            risk(band),
            l.pick(
                "oppgitt av kilden",
                "oppgitt av kjelda",
                "stated by the source"
            ),
        ),
        Level::Incomplete => l
            .pick(
                "Ufullstendig måling",
                "Ufullstendig måling",
                "Incomplete set",
            )
            .into(),
        Level::Overdue => l
            .pick("Måling forsinket", "Måling forseinka", "Set overdue")
            .into(),
        Level::StaleData => l
            .pick(
                "Mulig utdaterte data",
                "Mogleg utdaterte data",
                "Data may be out of date",
            )
            .into(),
        Level::SourceDisagreement => l
            .pick(
                "Avvik fra kilden",
                "Avvik frå kjelda",
                "Differs from the source",
            )
            .into(),
        Level::FutureDated => l
            .pick("Dato fram i tid", "Dato fram i tid", "Dated in the future")
            .into(),
    }
}

/// One notice in words.
pub fn notice(language: Language, notice: &Notice, zone: &dyn LocalZone) -> String {
    let l = language;
    let at = |at: Timestamp| date_time(at, zone);
    let not_rcp = l.pick(
        "(beslutningsstøtte, ikke en del av RCP NEWS2)",
        "(avgjerdsstøtte, ikkje ein del av RCP NEWS2)",
        "(decision support, not part of RCP NEWS2)",
    );
    match notice {
        Notice::Under16 => l
            .pick(
                "NEWS2 er ikke validert for pasienter under 16 år. Bruk klinisk skjønn.",
                "NEWS2 er ikkje validert for pasientar under 16 år. Bruk klinisk skjønn.",
                "NEWS2 is not validated for patients under 16. Use clinical judgement.",
            )
            .into(),
        Notice::Pregnancy => l
            .pick(
                "NEWS2 er ikke validert i svangerskap. Bruk klinisk skjønn.",
                "NEWS2 er ikkje validert i svangerskap. Bruk klinisk skjønn.",
                "NEWS2 is not validated in pregnancy. Use clinical judgement.",
            )
            .into(),
        Notice::Verify {
            at: time,
            parameters,
        } => format!(
            "{} ({}): {}.",
            l.pick(
                "Uvanlig verdi, kontroller målingen",
                "Uvanleg verdi, kontroller målinga",
                "Unusual value, verify the measurement"
            ),
            at(*time),
            parameter_list(l, parameters)
        ),
        Notice::SourceOnly {
            at: time,
            parameters,
        } => format!(
            "{} ({}): {}.",
            l.pick(
                "Skår fra kilden, uten måleverdier å kontrollere mot",
                "Skår frå kjelda, utan måleverdiar å kontrollere mot",
                "Scored by the source, with no values to check against",
            ),
            at(*time),
            parameter_list(l, parameters)
        ),
        Notice::Disagreement {
            at: time,
            disagreement,
        } => {
            let (what, stated, computed) = match *disagreement {
                Disagreement::SubScore {
                    parameter,
                    stated,
                    computed,
                } => (words::parameter(l, parameter), stated, computed),
                Disagreement::Total { stated, computed } => ("NEWS2".to_string(), stated, computed),
            };
            format!(
                "{what} ({}): {} {stated}, {} {computed}.",
                at(*time),
                l.pick("kilden oppgir", "kjelda oppgir", "the source states"),
                l.pick(
                    "beregnet fra målingene",
                    "rekna ut frå målingane",
                    "calculated from the measurements"
                ),
            )
        }
        Notice::Conflict { conflict } => {
            let values: Vec<String> = conflict
                .values
                .iter()
                .map(|&v| measured_value(l, v))
                .collect();
            format!(
                "{} {} ({}): {}. {} ({}) {}",
                l.pick(
                    "Ulike verdier for",
                    "Ulike verdiar for",
                    "Different values for"
                ),
                parameter_name(l, conflict.parameter),
                at(conflict.at),
                values.join(", "),
                l.pick(
                    "Den mest alvorlige",
                    "Den mest alvorlege",
                    "The more severe"
                ),
                conflict
                    .counted()
                    .map(|v| measured_value(l, v))
                    .unwrap_or_default(),
                l.pick(
                    "er lagt til grunn. Kontroller målingen.",
                    "er lagd til grunn. Kontroller målinga.",
                    "is used. Check the measurement."
                ),
            )
        }
        Notice::Rescored { earlier, now, .. } => format!(
            "{} NEWS2 {} ({}){}. {}",
            l.pick(
                "Kilden skåret målingen på nytt:",
                "Kjelda skåra målinga på nytt:",
                "The source scored the set again:"
            ),
            earlier
                .stated
                .total
                .map_or_else(|| "?".to_string(), |t| t.to_string()),
            at(earlier.at),
            now.map_or_else(String::new, |now| format!(
                ", {} {now}",
                l.pick("så", "så", "then")
            )),
            l.pick(
                "Den siste skåren er lagt til grunn; vurder om den første var riktig.",
                "Den siste skåren er lagd til grunn; vurder om den første var rett.",
                "The later score is used; consider whether the first was right.",
            ),
        ),
        Notice::Rechecked {
            earlier, counted, ..
        } => format!(
            "{} {} {} ({}), {} {}. {}",
            words::parameter(l, earlier.value.parameter()),
            l.pick("ble kontrollmålt:", "vart kontrollmålt:", "was re-checked:"),
            measured_value(l, earlier.value),
            at(earlier.at),
            l.pick("så", "så", "then"),
            measured_value(l, *counted),
            l.pick(
                "Den siste målingen er lagt til grunn; vurder om den første var riktig.",
                "Den siste målinga er lagd til grunn; vurder om den første var rett.",
                "The later reading is used; consider whether the first was right.",
            ),
        ),
        Notice::Rising(RisingSignal::TotalRose {
            by,
            from,
            to,
            since,
        }) => format!(
            "{} +{by} ({from} → {to}) {} {} {not_rcp}",
            l.pick("Stigende NEWS2:", "Stigande NEWS2:", "Rising NEWS2:"),
            l.pick("siden", "sidan", "since"),
            at(*since),
        ),
        Notice::Rising(RisingSignal::HigherBand { from, to }) => format!(
            "{} ({} → {}) {not_rcp}",
            l.pick(
                "Høyere risiko enn forrige måling",
                "Høgare risiko enn førre måling",
                "Higher risk than the previous set"
            ),
            risk_word(l, *from),
            risk_word(l, *to),
        ),
        Notice::Unanswered(unanswered) => super::response::unanswered(l, unanswered, zone),
        Notice::FutureDated { count, first } => format!(
            "{count} {} ({} {}). {}",
            l.pick(
                "måling(er) er datert fram i tid",
                "måling(ar) er datert fram i tid",
                "set(s) dated in the future"
            ),
            l.pick("første", "første", "first"),
            at(*first),
            l.pick(
                "De er ikke tatt med i vurderingen; kontroller dato og klokkeslett.",
                "Dei er ikkje tekne med i vurderinga; kontroller dato og klokkeslett.",
                "They are not taken into account; check the date and time."
            ),
        ),
    }
}
