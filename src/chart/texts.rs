//! The few words the observation chart draws on its canvas, in bokmål, nynorsk and English.
//!
//! The widget's UI texts proper live in `src/i18n`; these stay here so the chart's option is a
//! plain function of its input that tests can read natively. Parameter names and risk words are
//! `i18n::words`', so the chart and the banner name things alike. Clinical terms as in ../shared/news2/README.md, section 4.

use crate::clinical::escalation::texts::Language;
use crate::clinical::{ClinicalRisk, Parameter, Spo2Scale};
use crate::i18n::words::{self, risk_word};

/// A parameter's name as a panel title.
pub(super) fn panel_title(language: Language, parameter: Parameter) -> String {
    words::parameter(language, parameter)
}

pub(super) fn scale(language: Language, scale: Spo2Scale) -> &'static str {
    match scale {
        Spo2Scale::Scale1 => language.pick("Skala 1", "Skala 1", "Scale 1"),
        Spo2Scale::Scale2 => language.pick("Skala 2", "Skala 2", "Scale 2"),
    }
}

pub(super) fn total_title(language: Language) -> &'static str {
    language.pick("NEWS2 totalskår", "NEWS2 totalskår", "NEWS2 total score")
}

/// The air-or-oxygen axis labels, bottom to top (air scores 0, oxygen 2).
pub(super) fn air_or_oxygen_axis(language: Language) -> [&'static str; 2] {
    [language.pick("Romluft", "Romluft", "Air"), "O₂"]
}

pub(super) fn sub_score(language: Language) -> &'static str {
    language.pick("Delskår", "Delskår", "Sub-score")
}

pub(super) fn unknown(language: Language) -> &'static str {
    language.pick("ukjent", "ukjend", "unknown")
}

pub(super) fn rounded_to(language: Language) -> &'static str {
    language.pick("avrundet til", "avrunda til", "charted as")
}

pub(super) fn recorded_by(language: Language) -> &'static str {
    language.pick("Registrert av", "Registrert av", "Recorded by")
}

/// Said on every point of a set with a parameter missing: such a set has no NEWS2.
pub(super) fn incomplete(language: Language) -> &'static str {
    language.pick(
        "Ufullstendig sett, ingen NEWS2. Mangler",
        "Ufullstendig sett, ingen NEWS2. Manglar",
        "Incomplete set, no NEWS2. Missing",
    )
}

pub(super) fn clinical_risk(language: Language, risk: ClinicalRisk) -> String {
    let label = language.pick("Klinisk risiko", "Klinisk risiko", "Clinical risk");
    format!("{label}: {}", risk_word(language, risk))
}

/// Beside a total the source stated that the values cannot recompute.
pub(super) fn stated_by_source(language: Language) -> &'static str {
    language.pick(
        "oppgitt av kilden, ikke beregnet på nytt",
        "oppgitt av kjelda, ikkje rekna ut på nytt",
        "stated by the source, not recalculated",
    )
}

/// The short label of such a total's point.
pub(super) fn source_label(language: Language) -> &'static str {
    language.pick("kilde", "kjelde", "source")
}

/// A complete set's total as its source stated it, where that differs.
pub(super) fn source_total(language: Language) -> &'static str {
    language.pick(
        "Kildens totalskår",
        "Totalskåren til kjelda",
        "The source's total",
    )
}

/// Before the other values measured at the same moment (the most severe is drawn).
pub(super) fn conflict(language: Language) -> &'static str {
    language.pick(
        "Ulik verdi samtidig (den mest alvorlige er brukt):",
        "Ulik verdi samstundes (den mest alvorlege er brukt):",
        "A different value at the same time (the more severe is used):",
    )
}

/// Before an earlier value that a re-check replaced.
pub(super) fn rechecked(language: Language) -> &'static str {
    language.pick(
        "Kontrollmålt, tidligere",
        "Kontrollmålt, tidlegare",
        "Re-checked, earlier",
    )
}

pub(super) fn now(language: Language) -> &'static str {
    language.pick("nå", "no", "now")
}

pub(super) fn aria_description(language: Language, sets: usize) -> String {
    match language {
        Language::Nb => format!(
            "NEWS2-observasjonskurve med {sets} målesett: én rad per parameter og totalskåren \
             over tid. Tabellen over målinger viser de samme verdiene."
        ),
        Language::Nn => format!(
            "NEWS2-observasjonskurve med {sets} målesett: éi rad per parameter og totalskåren \
             over tid. Tabellen over målingar viser dei same verdiane."
        ),
        Language::En => format!(
            "NEWS2 observation chart with {sets} sets: one row per parameter and the total \
             score over time. The table of observations shows the same values."
        ),
    }
}

/// RCP asks that NEWS2 charts carry this (../shared/news2/README.md, section 2).
pub(super) const ATTRIBUTION: &str = "NEWS2 © Royal College of Physicians 2017";

/// Text from the record (a name, a device) made safe for the canvas tooltip. ECharts HTML-encodes
/// what a string formatter substitutes even in richText mode, so `&<>"'` would show as entities:
/// they become look-alikes. `{`/`}` would start a rich-text style and a line break would forge a
/// tooltip line, so they are replaced too. Nothing from the record ever reaches HTML: the tooltip
/// is drawn on the canvas.
pub(super) fn canvas_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => '＆',
            '<' => '‹',
            '>' => '›',
            '"' => '”',
            '\'' => '’',
            '{' => '(',
            '}' => ')',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}
