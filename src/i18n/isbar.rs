//! The ISBAR summary ([`Isbar`]) in bokmål, nynorsk or English: a few lines under each letter,
//! and the whole as plain text to copy into a message or read out on the phone.
//!
//! Every kind the summary carries is worded here and nowhere else (a kind added without its
//! words does not compile); R's default is the band's Chart 4 response from [`ResponseTexts`]
//! (RCP's, or the municipality's). Texts from the record (names, services) are carried as they
//! came and only ever shown as text. For clinical review: the Norwegian wording
//! (docs/clinical-rules.md, "ISBAR").

use super::Language;
use super::banner::{notice, when};
use super::format::{LocalZone, date_time, duration};
use super::provenance;
use super::words::{capitalised, measured_value, parameter, parameter_list, risk_word, sub_score};
use crate::clinical::escalation::texts::ResponseTexts;
use crate::clinical::escalation::{Basis, Notice, Standing};
use crate::clinical::isbar::{
    AssessedScore, Assessment, Background, Caveat, Flag, IncompleteRun, Isbar, ParameterLine,
    ScaleInForce, Scope, Situation, TotalAt,
};
use crate::clinical::time::Timestamp;

/// The summary's words: the lines under each letter, and R's default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IsbarWords {
    pub identification: Vec<String>,
    pub situation: Vec<String>,
    pub background: Vec<String>,
    pub assessment: Vec<String>,
    /// The band's response (RCP Chart 4, or the municipality's), which the nurse may change;
    /// empty when no band is certain.
    pub recommendation: String,
}

/// The five headings, in ISBAR's order.
pub fn headings(language: Language) -> [(&'static str, &'static str); 5] {
    [
        (
            "I",
            language.pick("Identifisering", "Identifisering", "Identification"),
        ),
        ("S", language.pick("Situasjon", "Situasjon", "Situation")),
        ("B", language.pick("Bakgrunn", "Bakgrunn", "Background")),
        (
            "A",
            language.pick("Aktuell tilstand", "Aktuell tilstand", "Assessment"),
        ),
        ("R", language.pick("Råd", "Råd", "Recommendation")),
    ]
}

/// The words of `summary`.
pub fn isbar(
    summary: &Isbar,
    language: Language,
    texts: &ResponseTexts,
    zone: &dyn LocalZone,
) -> IsbarWords {
    let now = summary.at;
    IsbarWords {
        identification: identification(summary, language),
        situation: situation(&summary.situation, &summary.caveats, language, zone, now),
        background: background(&summary.background, language, zone),
        assessment: summary
            .assessment
            .as_ref()
            .map_or_else(Vec::new, |a| assessment(a, language, zone)),
        recommendation: summary
            .recommendation
            .map(|row| texts.row(language, row).response)
            .unwrap_or_default(),
    }
}

impl IsbarWords {
    /// The whole summary as plain text, with `recommendation` (the nurse's R, or the default)
    /// under R.
    pub fn plain_text(&self, language: Language, recommendation: &str) -> String {
        let none = language.pick("Ingen opplysninger", "Ingen opplysningar", "Nothing known");
        let recommendation = recommendation.trim();
        let r = if recommendation.is_empty() {
            Vec::new()
        } else {
            vec![recommendation.to_string()]
        };
        let parts = [
            &self.identification,
            &self.situation,
            &self.background,
            &self.assessment,
            &r,
        ];
        let mut text = String::new();
        for ((letter, heading), lines) in headings(language).into_iter().zip(parts) {
            text.push_str(&format!("{letter} – {heading}\n"));
            if lines.is_empty() {
                text.push_str(&format!("- {none}\n"));
            }
            for line in lines {
                text.push_str(&format!("- {line}\n"));
            }
            text.push('\n');
        }
        text.trim_end().to_string()
    }
}

fn identification(summary: &Isbar, language: Language) -> Vec<String> {
    let given = &summary.identification;
    let mut lines = Vec::new();
    match (&given.caller, &given.service) {
        (Some(caller), Some(service)) => lines.push(format!(
            "{}: {caller}, {service}",
            language.pick("Innringer", "Innringar", "Caller")
        )),
        (Some(caller), None) => lines.push(format!(
            "{}: {caller}",
            language.pick("Innringer", "Innringar", "Caller")
        )),
        (None, Some(service)) => lines.push(format!(
            "{}: {service}",
            language.pick("Tjeneste", "Teneste", "Service")
        )),
        (None, None) => {}
    }
    if let Some(patient) = &given.patient {
        lines.push(format!(
            "{}: {patient}",
            language.pick("Pasient", "Pasient", "Patient")
        ));
    }
    lines
}

fn total_at(language: Language, zone: &dyn LocalZone, total: TotalAt) -> String {
    format!(
        "NEWS2 {} ({} {}) {}",
        total.total,
        risk_word(language, total.risk),
        language.pick("risiko", "risiko", "risk"),
        date_time(total.at, zone)
    )
}

fn situation(
    situation: &Situation,
    caveats: &[Caveat],
    language: Language,
    zone: &dyn LocalZone,
    now: Timestamp,
) -> Vec<String> {
    let l = language;
    let mut lines = Vec::new();
    match &situation.standing {
        Some(standing) => lines.extend(standing_lines(standing, l, zone)),
        None => lines.push(
            l.pick(
                "Ingen NEWS2: ingen fullstendig måling, og ingen risiko er sikker",
                "Ingen NEWS2: inga fullstendig måling, og ingen risiko er sikker",
                "No NEWS2: no complete set, and no risk is certain",
            )
            .to_string(),
        ),
    }
    if let (Some(change), Some(standing)) = (situation.change, &situation.standing) {
        if change.band_since < standing.at {
            lines.push(format!(
                "{} {} {} ({} {})",
                capitalised(risk_word(l, standing.band)),
                l.pick("risiko siden", "risiko sidan", "risk since"),
                date_time(change.band_since, zone),
                duration(now.since(change.band_since).unwrap_or_default(), l),
                l.pick("siden", "sidan", "ago"),
            ));
        }
        if let Some(previous) = change.previous {
            lines.push(format!(
                "{}: {}",
                l.pick("Før det", "Før det", "Before that"),
                total_at(l, zone, previous)
            ));
        }
    }
    lines.extend(
        caveats
            .iter()
            .map(|&caveat| caveat_words(l, caveat).to_string()),
    );
    lines
}

fn standing_lines(standing: &Standing, l: Language, zone: &dyn LocalZone) -> Vec<String> {
    let risk = format!(
        "{} {}",
        risk_word(l, standing.band),
        l.pick("risiko", "risiko", "risk")
    );
    let measured = when(l, zone, standing.at, standing.age);
    match &standing.basis {
        Basis::Computed { total, red } => {
            let mut lines = vec![format!(
                "NEWS2 {total} ({risk}), {} {measured}",
                l.pick("målt", "målt", "measured")
            )];
            if !red.is_empty() {
                lines.push(format!(
                    "{}: {}",
                    l.pick(
                        "Enkeltparameter med 3 poeng",
                        "Enkeltparameter med 3 poeng",
                        "Single parameter scoring 3"
                    ),
                    parameter_list(l, red)
                ));
            }
            lines
        }
        Basis::Certain { missing } => vec![format!(
            "{} {risk}: {} {measured}, {} {}; {}",
            l.pick("Minst", "Minst", "At least"),
            l.pick(
                "ufullstendig måling",
                "ufullstendig måling",
                "incomplete set"
            ),
            l.pick("mangler", "manglar", "missing"),
            parameter_list(l, missing),
            l.pick(
                "ingen NEWS2 før den er fullstendig",
                "ingen NEWS2 før ho er fullstendig",
                "no NEWS2 until it is complete"
            ),
        )],
        Basis::Stated { total } => vec![format!(
            "NEWS2 {total} ({risk}) {}, {measured}; {}",
            l.pick(
                "oppgitt av kilden",
                "oppgitt av kjelda",
                "as stated by the source"
            ),
            l.pick(
                "verdiene til å regne den ut er ikke her",
                "verdiane til å rekne han ut er ikkje her",
                "the values to recompute it are not at hand"
            ),
        )],
    }
}

fn caveat_words(l: Language, caveat: Caveat) -> &'static str {
    match caveat {
        Caveat::NoSets => l.pick("Ingen målinger", "Ingen målingar", "No sets"),
        Caveat::StaleData => l.pick(
            "Dataene kan være utdaterte: kilden er ikke nådd nylig",
            "Dataa kan vere utdaterte: kjelda er ikkje nådd nyleg",
            "The data may be out of date: the source has not been reached lately",
        ),
        Caveat::Incomplete => l.pick(
            "Siste måling er ufullstendig",
            "Siste måling er ufullstendig",
            "The newest set is incomplete",
        ),
        Caveat::Overdue => l.pick(
            "Neste måling er forsinket",
            "Neste måling er forseinka",
            "The next set is overdue",
        ),
        Caveat::FutureDated => l.pick(
            "Målinger datert fram i tid er holdt utenfor",
            "Målingar daterte fram i tid er haldne utanfor",
            "Sets dated in the future are left out",
        ),
    }
}

fn background(background: &Background, l: Language, zone: &dyn LocalZone) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(window) = background.last_24_hours {
        let mut line = format!(
            "{}: {}, {} {}",
            l.pick("Siste 24 timer", "Siste 24 timar", "Last 24 hours"),
            sets(l, window.sets),
            window.complete,
            if window.complete == 1 {
                l.pick("fullstendig", "fullstendig", "complete")
            } else {
                l.pick("fullstendige", "fullstendige", "complete")
            },
        );
        if let (Some(lowest), Some(highest)) = (window.lowest, window.highest)
            && lowest == highest
        {
            line.push_str(&format!(": {}", total_at(l, zone, lowest)));
        } else if let (Some(lowest), Some(highest)) = (window.lowest, window.highest) {
            line.push_str(&format!(
                "; {} {}, {} {}",
                l.pick("lavest", "lågast", "lowest"),
                total_at(l, zone, lowest),
                l.pick("høyest", "høgast", "highest"),
                total_at(l, zone, highest),
            ));
        }
        lines.push(line);
    }
    match background.incomplete {
        None => {}
        Some(IncompleteRun::AfterComplete(count)) => lines.push(format!(
            "{} {}",
            incomplete_sets(l, count),
            l.pick(
                "etter siste fullstendige",
                "etter siste fullstendige",
                "since the last complete one"
            )
        )),
        Some(IncompleteRun::NoCompleteSet(count)) => lines.push(format!(
            "{}: {}",
            l.pick(
                "Ingen fullstendig måling",
                "Inga fullstendig måling",
                "No complete set"
            ),
            incomplete_sets(l, count)
        )),
    }
    match &background.spo2_scale {
        ScaleInForce::Scale1 => {}
        ScaleInForce::Scale2Decided { by, at } => lines.push(format!(
            "{} {by} {}",
            l.pick(
                "SpO₂ skåres på skala 2, besluttet av",
                "SpO₂ vert skåra på skala 2, avgjort av",
                "SpO₂ is scored on Scale 2, decided by"
            ),
            date_time(*at, zone)
        )),
        ScaleInForce::Scale2BySource => lines.push(
            l.pick(
                "SpO₂ er skåret på skala 2 av kilden; ingen dokumentert beslutning er gitt her",
                "SpO₂ er skåra på skala 2 av kjelda; inga dokumentert avgjerd er gitt her",
                "SpO₂ was scored on Scale 2 by the source; no documented decision is given here",
            )
            .to_string(),
        ),
    }
    for scope in &background.scope {
        let as_notice = match scope {
            Scope::Under16 => Notice::Under16,
            Scope::Pregnancy => Notice::Pregnancy,
        };
        lines.push(notice(l, &as_notice, zone));
    }
    for signal in &background.rising {
        lines.push(notice(l, &Notice::Rising(*signal), zone));
    }
    lines
}

/// "3 målinger", "1 måling".
fn sets(l: Language, count: usize) -> String {
    let noun = if count == 1 {
        l.pick("måling", "måling", "set")
    } else {
        l.pick("målinger", "målingar", "sets")
    };
    format!("{count} {noun}")
}

/// "2 ufullstendige målinger", "1 ufullstendig måling".
fn incomplete_sets(l: Language, count: usize) -> String {
    let words = if count == 1 {
        l.pick(
            "ufullstendig måling",
            "ufullstendig måling",
            "incomplete set",
        )
    } else {
        l.pick(
            "ufullstendige målinger",
            "ufullstendige målingar",
            "incomplete sets",
        )
    };
    format!("{count} {words}")
}

fn assessment(assessment: &Assessment, l: Language, zone: &dyn LocalZone) -> Vec<String> {
    let measured = when(l, zone, assessment.at, assessment.age);
    let mut lines = vec![match &assessment.score {
        AssessedScore::Complete { total, risk } => format!(
            "{} {measured}: NEWS2 {total} ({} {})",
            l.pick("Siste måling", "Siste måling", "Newest set"),
            risk_word(l, *risk),
            l.pick("risiko", "risiko", "risk"),
        ),
        AssessedScore::Incomplete { missing, at_least } => {
            let mut line = format!(
                "{} {measured}: {} {}; {}",
                l.pick("Siste måling", "Siste måling", "Newest set"),
                l.pick(
                    "ufullstendig, mangler",
                    "ufullstendig, manglar",
                    "incomplete, missing"
                ),
                parameter_list(l, missing),
                l.pick("ingen NEWS2", "ingen NEWS2", "no NEWS2"),
            );
            if let Some(risk) = at_least {
                line.push_str(&format!(
                    "; {} {} {}",
                    l.pick("minst", "minst", "at least"),
                    risk_word(l, *risk),
                    l.pick("risiko", "risiko", "risk"),
                ));
            }
            line
        }
    }];
    lines.extend(
        assessment
            .parameters
            .iter()
            .map(|line| parameter_line(line, l)),
    );
    if let Some((stated, computed)) = assessment.stated_total_differs {
        lines.push(format!(
            "{} NEWS2 {stated}; {} {computed}",
            l.pick("Kilden oppgir", "Kjelda oppgir", "The source states"),
            l.pick("utregnet", "utrekna", "computed"),
        ));
    }
    for source in provenance::lines(l, &assessment.recorded_by) {
        lines.push(format!(
            "{}: {source}",
            l.pick("Registrert av", "Registrert av", "Recorded by")
        ));
    }
    lines
}

fn parameter_line(line: &ParameterLine, l: Language) -> String {
    let value = match line.value {
        Some(value) => measured_value(l, value),
        None => l
            .pick("ikke målt", "ikkje målt", "not measured")
            .to_string(),
    };
    let score = match line.sub_score {
        Some(score) => sub_score(l, score.value()),
        None if line.value.is_some() => l
            .pick("skår ukjent", "skår ukjend", "score unknown")
            .to_string(),
        None => String::new(),
    };
    let mut text = format!("{}: {value}", parameter(l, line.parameter));
    if !score.is_empty() {
        text.push_str(&format!(" – {score}"));
    }
    let flags: Vec<String> = line.flags.iter().map(|&flag| flag_words(l, flag)).collect();
    if !flags.is_empty() {
        text.push_str(&format!(" ({})", flags.join("; ")));
    }
    text
}

fn flag_words(l: Language, flag: Flag) -> String {
    match flag {
        Flag::Verify => l
            .pick(
                "uvanlig verdi: kontroller",
                "uvanleg verdi: kontroller",
                "unusual value: verify",
            )
            .to_string(),
        Flag::SourceOnly(score) => format!(
            "{} {}",
            sub_score(l, score.value()),
            l.pick(
                "oppgitt av kilden, uten verdi",
                "oppgitt av kjelda, utan verdi",
                "stated by the source, no value"
            )
        ),
        Flag::Disagrees { stated, computed } => format!(
            "{} {stated}, {} {computed}",
            l.pick(
                "kilden oppgir skår",
                "kjelda oppgir skår",
                "the source states score"
            ),
            l.pick("utregnet", "utrekna", "computed"),
        ),
        Flag::Conflict => l
            .pick(
                "ulike verdier samtidig; den mest alvorlige teller",
                "ulike verdiar samstundes; den mest alvorlege tel",
                "different values at once; the most severe counts",
            )
            .to_string(),
        Flag::Rechecked { earlier } => format!(
            "{} {}",
            l.pick(
                "målt på nytt; før",
                "målt på nytt; før",
                "measured again; earlier"
            ),
            measured_value(l, earlier)
        ),
    }
}
