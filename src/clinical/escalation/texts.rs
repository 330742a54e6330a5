//! What the escalation banner says, in bokmål, nynorsk and English.
//!
//! The response and monitoring texts of the five Chart 4 rows are RCP's content by default
//! (paraphrased; the Norwegian wording is this project's and marked for clinical review in
//! docs/clinical-rules.md) and may be replaced by a municipality's own (see `config`). Every
//! other text here is fixed.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::clinical::score::ClinicalRisk;
use crate::clinical::vital_signs::Parameter;

/// The widget's languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Language {
    /// Norwegian bokmål, the default.
    #[default]
    #[serde(rename = "nb")]
    Nb,
    /// Norwegian nynorsk.
    #[serde(rename = "nn")]
    Nn,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Nb, Language::Nn, Language::En];

    /// Picks this language's text.
    pub(crate) fn pick<'a>(self, nb: &'a str, nn: &'a str, en: &'a str) -> &'a str {
        match self {
            Language::Nb => nb,
            Language::Nn => nn,
            Language::En => en,
        }
    }
}

/// A row of RCP Chart 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum ResponseRow {
    /// Total 0.
    #[serde(rename = "score-0")]
    Score0,
    /// Total 1–4, no red score.
    #[serde(rename = "low")]
    Low,
    /// A 3 in one parameter.
    #[serde(rename = "low-medium")]
    LowMedium,
    /// Total 5–6.
    #[serde(rename = "medium")]
    Medium,
    /// Total 7 or more.
    #[serde(rename = "high")]
    High,
}

impl ResponseRow {
    pub const ALL: [ResponseRow; 5] = [
        ResponseRow::Score0,
        ResponseRow::Low,
        ResponseRow::LowMedium,
        ResponseRow::Medium,
        ResponseRow::High,
    ];

    /// The row a clinical risk answers to (low with total 0 is its own row).
    pub fn of(risk: ClinicalRisk, total_is_zero: bool) -> Self {
        match risk {
            ClinicalRisk::Low if total_is_zero => ResponseRow::Score0,
            ClinicalRisk::Low => ResponseRow::Low,
            ClinicalRisk::LowMedium => ResponseRow::LowMedium,
            ClinicalRisk::Medium => ResponseRow::Medium,
            ClinicalRisk::High => ResponseRow::High,
        }
    }
}

/// The response and monitoring text of one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowTexts {
    pub response: String,
    pub monitoring: String,
}

/// The Chart 4 texts in force: RCP's by default, or a municipality's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseTexts {
    rows: BTreeMap<(Language, ResponseRow), RowTexts>,
}

impl Default for ResponseTexts {
    fn default() -> Self {
        let rows = Language::ALL
            .into_iter()
            .flat_map(|language| {
                ResponseRow::ALL.map(|row| ((language, row), default_row(language, row)))
            })
            .collect();
        ResponseTexts { rows }
    }
}

impl ResponseTexts {
    pub fn row(&self, language: Language, row: ResponseRow) -> RowTexts {
        self.rows
            .get(&(language, row))
            .cloned()
            .unwrap_or_else(|| default_row(language, row))
    }

    pub(crate) fn replace(&mut self, language: Language, row: ResponseRow, texts: RowTexts) {
        self.rows.insert((language, row), texts);
    }
}

/// RCP Chart 4, paraphrased. For clinical review: the Norwegian wording.
fn default_row(language: Language, row: ResponseRow) -> RowTexts {
    let (response, monitoring) = match row {
        ResponseRow::Score0 => (
            language.pick(
                "Fortsett rutinemessig NEWS2-overvåking.",
                "Hald fram med rutinemessig NEWS2-overvaking.",
                "Continue routine NEWS2 monitoring.",
            ),
            language.pick("Minst hver 12. time.", "Minst kvar 12. time.", "Minimum every 12 hours."),
        ),
        ResponseRow::Low => (
            language.pick(
                "Sykepleier vurderer pasienten og avgjør om observasjonene skal økes eller behandlingen eskaleres.",
                "Sjukepleiar vurderer pasienten og avgjer om observasjonane skal aukast eller behandlinga eskalerast.",
                "A registered nurse assesses the patient and decides whether to increase monitoring or escalate care.",
            ),
            language.pick("Minst hver 4.–6. time.", "Minst kvar 4.–6. time.", "Minimum every 4–6 hours."),
        ),
        ResponseRow::LowMedium => (
            language.pick(
                "Sykepleier informerer legen eller behandlende team, som vurderer pasienten og avgjør om behandlingen skal eskaleres.",
                "Sjukepleiar informerer legen eller behandlande team, som vurderer pasienten og avgjer om behandlinga skal eskalerast.",
                "The registered nurse informs the medical team caring for the patient, who review the patient and decide whether care must be escalated.",
            ),
            language.pick("Minst hver time.", "Minst kvar time.", "Minimum every hour."),
        ),
        ResponseRow::Medium => (
            language.pick(
                "Sykepleier informerer straks legen eller behandlende team. Rask vurdering av lege med kompetanse på akutt syke pasienter. Pleie der pasienten kan overvåkes.",
                "Sjukepleiar informerer straks legen eller behandlande team. Rask vurdering av lege med kompetanse på akutt sjuke pasientar. Pleie der pasienten kan overvakast.",
                "The registered nurse informs the medical team at once. Urgent assessment by a clinician competent in acute illness. Care in an environment with monitoring.",
            ),
            language.pick("Minst hver time.", "Minst kvar time.", "Minimum every hour."),
        ),
        ResponseRow::High => (
            language.pick(
                "Sykepleier informerer straks lege på overordnet nivå. Akutt vurdering av team med akuttmedisinsk og intensivkompetanse. Vurder overflytting til høyere omsorgsnivå.",
                "Sjukepleiar informerer straks lege på overordna nivå. Akutt vurdering av team med akuttmedisinsk og intensivkompetanse. Vurder overflytting til høgare omsorgsnivå.",
                "The registered nurse informs the medical team at once, at senior level. Emergency assessment by a team with critical-care competence. Consider transfer to a higher level of care.",
            ),
            language.pick(
                "Kontinuerlig overvåking av vitale parametere.",
                "Kontinuerleg overvaking av vitale parametrar.",
                "Continuous monitoring of vital signs.",
            ),
        ),
    };
    RowTexts {
        response: response.into(),
        monitoring: monitoring.into(),
    }
}

/// A risk band in lower case, for running text.
pub(crate) fn risk_word(language: Language, risk: ClinicalRisk) -> &'static str {
    match risk {
        ClinicalRisk::Low => language.pick("lav", "låg", "low"),
        ClinicalRisk::LowMedium => language.pick("lav–middels", "låg–middels", "low–medium"),
        ClinicalRisk::Medium => language.pick("middels", "middels", "medium"),
        ClinicalRisk::High => language.pick("høy", "høg", "high"),
    }
}

pub(crate) fn parameter_name(language: Language, parameter: Parameter) -> &'static str {
    match parameter {
        Parameter::RespiratoryRate => language.pick(
            "respirasjonsfrekvens",
            "respirasjonsfrekvens",
            "respiration rate",
        ),
        Parameter::Spo2 => "SpO₂",
        Parameter::AirOrOxygen => language.pick(
            "romluft eller oksygen",
            "romluft eller oksygen",
            "air or oxygen",
        ),
        Parameter::SystolicBp => language.pick(
            "systolisk blodtrykk",
            "systolisk blodtrykk",
            "systolic blood pressure",
        ),
        Parameter::Pulse => language.pick("puls", "puls", "pulse"),
        Parameter::Consciousness => {
            language.pick("bevissthetsnivå", "medvitsnivå", "consciousness")
        }
        Parameter::Temperature => language.pick("temperatur", "temperatur", "temperature"),
    }
}

pub(crate) fn parameter_list(language: Language, parameters: &[Parameter]) -> String {
    parameters
        .iter()
        .map(|&p| parameter_name(language, p))
        .collect::<Vec<_>>()
        .join(", ")
}
