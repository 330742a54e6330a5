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
use super::format::{LocalZone, date_time};
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
    let mut assessment_lines = summary
        .assessment
        .as_ref()
        .map_or_else(Vec::new, |a| assessment(a, language, zone));
    // What the banner says about the trust of values (of the newest set or an earlier one).
    assessment_lines.extend(summary.notices.iter().map(|n| notice(language, n, zone)));
    let response = summary
        .recommendation
        .map(|row| texts.row(language, row).response);
    // An incomplete newest set is to be completed first, whatever the earlier set's band asks.
    let complete_first = summary.situation.to_complete.as_ref().map(|to_complete| {
        format!(
            "{} {}.",
            language.pick(
                "Fullfør målingen nå: mål",
                "Fullfør målinga no: mål",
                "Complete the set now: measure"
            ),
            parameter_list(language, &to_complete.missing)
        )
    });
    IsbarWords {
        identification: one_line_each(identification(summary, language)),
        situation: one_line_each(situation(
            &summary.situation,
            &summary.caveats,
            language,
            zone,
            now,
        )),
        background: one_line_each(background(&summary.background, language, zone)),
        assessment: one_line_each(assessment_lines),
        recommendation: [complete_first, response]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Each line on one line: a line break (or another control character) in a text from the host
/// or the record would otherwise make a line of its own in the plain text, or a heading.
fn one_line_each(lines: Vec<String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|line| {
            line.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect()
        })
        .collect()
}

/// The nurse's R as lines: it may run over several; blank ones are dropped.
pub fn recommendation_lines(recommendation: &str) -> Vec<String> {
    recommendation
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What a part with nothing in it says.
pub fn nothing_known(language: Language) -> &'static str {
    language.pick("Ingen opplysninger", "Ingen opplysningar", "Nothing known")
}

impl IsbarWords {
    /// The whole summary as plain text, with `recommendation` (the nurse's R, or the default)
    /// under R.
    pub fn plain_text(&self, language: Language, recommendation: &str) -> String {
        let none = nothing_known(language);
        let r = recommendation_lines(recommendation);
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
    // The newest set is incomplete and the band stands on an earlier one: that leads, and the
    // earlier set is named as what it is.
    if let Some(to_complete) = &situation.to_complete {
        lines.push(format!(
            "{} {}: {} {}; {}",
            l.pick("Siste måling", "Siste måling", "The newest set"),
            when(l, zone, to_complete.set.at, to_complete.set.age),
            l.pick(
                "ufullstendig, mangler",
                "ufullstendig, manglar",
                "incomplete, missing"
            ),
            parameter_list(l, &to_complete.missing),
            l.pick(
                "NEWS2 kan ikke beregnes før målingen er fullført",
                "NEWS2 kan ikkje reknast ut før målinga er fullført",
                "NEWS2 cannot be calculated until the set is complete"
            ),
        ));
    }
    match &situation.standing {
        Some(standing) => {
            let standing_lines = standing_lines(standing, l, zone);
            if situation.to_complete.is_some() {
                lines.extend(
                    standing_lines.into_iter().map(|line| {
                        format!("{}: {line}", l.pick("Før den", "Før ho", "Before it"))
                    }),
                );
            } else {
                lines.extend(standing_lines);
            }
        }
        None => lines.push(
            l.pick(
                "Ingen NEWS2: ingen fullstendig måling, og risikoen kan ikke fastsettes ennå",
                "Ingen NEWS2: inga fullstendig måling, og risikoen kan ikkje fastsetjast enno",
                "No NEWS2: no complete set, and the risk cannot be told yet",
            )
            .to_string(),
        ),
    }
    if let (Some(change), Some(standing)) = (situation.change, &situation.standing) {
        if change.band_since < standing.at {
            lines.push(format!(
                "{} {} {}",
                capitalised(risk_word(l, standing.band)),
                l.pick("risiko siden", "risiko sidan", "risk since"),
                when(
                    l,
                    zone,
                    change.band_since,
                    now.since(change.band_since).unwrap_or_default()
                ),
            ));
        }
        if let Some(previous) = change.previous {
            lines.push(format!(
                "{}: {}",
                l.pick(
                    "Forrige fullstendige måling",
                    "Førre fullstendige måling",
                    "The complete set before"
                ),
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
                    l.pick("Skår 3 i", "Skår 3 i", "Score 3 in"),
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
                "NEWS2 kan ikke beregnes før målingen er fullført",
                "NEWS2 kan ikkje reknast ut før målinga er fullført",
                "NEWS2 cannot be calculated until the set is complete"
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
                "ikke beregnet på nytt fra målingene",
                "ikkje rekna ut på nytt frå målingane",
                "not recalculated from the measurements"
            ),
        )],
    }
}

fn caveat_words(l: Language, caveat: Caveat) -> &'static str {
    match caveat {
        Caveat::NoSets => l.pick("Ingen målinger", "Ingen målingar", "No sets"),
        Caveat::StaleData => l.pick(
            "Dataene kan være utdaterte: har ikke fått kontakt med kilden nylig",
            "Dataa kan vere utdaterte: har ikkje fått kontakt med kjelda nyleg",
            "The data may be out of date: the source has not been reached lately",
        ),
        Caveat::Incomplete => l.pick(
            "Siste måling er ufullstendig",
            "Siste måling er ufullstendig",
            "The newest set is incomplete",
        ),
        Caveat::Overdue => l.pick(
            "Ny NEWS2-måling er forsinket",
            "Ny NEWS2-måling er forseinka",
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
            l.pick(
                "24 timer fram til siste måling",
                "24 timar fram til siste måling",
                "24 hours up to the newest set"
            ),
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
                "Siste måling er skåret etter SpO₂ Skala 2, besluttet av",
                "Siste måling er skåra etter SpO₂ Skala 2, avgjort av",
                "The newest set is scored on SpO₂ Scale 2, decided by"
            ),
            date_time(*at, zone)
        )),
        ScaleInForce::Scale2BySource => lines.push(
            l.pick(
                "Siste måling er skåret etter SpO₂ Skala 2 av kilden; ingen dokumentert beslutning er gitt her",
                "Siste måling er skåra etter SpO₂ Skala 2 av kjelda; inga dokumentert avgjerd er gitt her",
                "The newest set was scored on SpO₂ Scale 2 by the source; no documented decision is given here",
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
    for response in &background.informed {
        lines.push(format!(
            "{}: {}",
            l.pick("Allerede informert", "Alt informert", "Already informed"),
            super::response::line(l, response, zone)
        ));
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
        AssessedScore::Incomplete {
            missing,
            at_least,
            stated_total,
        } => {
            let mut line = format!(
                "{} {measured}: {} {}; {}",
                l.pick("Siste måling", "Siste måling", "Newest set"),
                l.pick(
                    "ufullstendig, mangler",
                    "ufullstendig, manglar",
                    "incomplete, missing"
                ),
                parameter_list(l, missing),
                l.pick(
                    "ingen NEWS2 beregnet",
                    "ingen NEWS2 rekna ut",
                    "no NEWS2 calculated"
                ),
            );
            if let Some(total) = stated_total {
                line.push_str(&format!(
                    "; {} NEWS2 {total}",
                    l.pick("kilden oppgir", "kjelda oppgir", "the source states")
                ));
            }
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
        Flag::SourceOnly(_) => l
            .pick(
                "skår oppgitt av kilden, ingen måleverdi",
                "skår oppgitt av kjelda, ingen måleverdi",
                "score stated by the source, no measured value",
            )
            .to_string(),
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
                "ulike verdier på samme tidspunkt; den mest alvorlige er brukt",
                "ulike verdiar på same tidspunkt; den mest alvorlege er brukt",
                "different values at the same time; the most severe is used",
            )
            .to_string(),
        Flag::Rechecked { earlier } => format!(
            "{} {}",
            l.pick(
                "kontrollmålt, tidligere",
                "kontrollmålt, tidlegare",
                "re-checked, earlier"
            ),
            measured_value(l, earlier)
        ),
    }
}
