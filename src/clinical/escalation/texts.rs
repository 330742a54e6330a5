//! The response and monitoring texts of the five Chart 4 rows, in bokmål, nynorsk and English.
//!
//! RCP's content by default (paraphrased; the Norwegian wording is this project's, written for
//! municipal care, and marked for clinical review in docs/clinical-rules.md), and replaceable
//! by a municipality's own (see `config`). They are data the decision points at
//! ([`ResponseRow`]); every other word of the banner is in `i18n::banner`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::clinical::schedule::interval;
use crate::clinical::score::{ClinicalRisk, MonitoringFrequency};

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

    /// The language's code (`nb`), as the `lang` attribute and configs write it.
    pub const fn code(self) -> &'static str {
        match self {
            Language::Nb => "nb",
            Language::Nn => "nn",
            Language::En => "en",
        }
    }

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

    /// The row's name, as configs write it.
    pub const fn name(self) -> &'static str {
        match self {
            ResponseRow::Score0 => "score-0",
            ResponseRow::Low => "low",
            ResponseRow::LowMedium => "low-medium",
            ResponseRow::Medium => "medium",
            ResponseRow::High => "high",
        }
    }

    /// The minimum monitoring frequency of the row (Chart 4).
    pub const fn frequency(self) -> MonitoringFrequency {
        match self {
            ResponseRow::Score0 => MonitoringFrequency::TwelveHourly,
            ResponseRow::Low => MonitoringFrequency::FourToSixHourly,
            ResponseRow::LowMedium | ResponseRow::Medium => MonitoringFrequency::Hourly,
            ResponseRow::High => MonitoringFrequency::Continuous,
        }
    }

    /// The longest interval between sets the row allows: a monitoring text may not name a
    /// longer one.
    pub fn longest_interval(self) -> std::time::Duration {
        interval(self.frequency()).1
    }

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

/// RCP Chart 4, paraphrased for municipal care: the roles a nursing home, home care or an
/// out-of-hours clinic has (sykepleier, lege, legevakt, 113), and "høyere behandlingsnivå" for a
/// higher level of care. For clinical review: the Norwegian wording.
fn default_row(language: Language, row: ResponseRow) -> RowTexts {
    let (response, monitoring) = match row {
        ResponseRow::Score0 => (
            language.pick(
                "Fortsett med rutinemessige NEWS2-målinger.",
                "Hald fram med rutinemessige NEWS2-målingar.",
                "Continue routine NEWS2 monitoring.",
            ),
            language.pick("Minst hver 12. time.", "Minst kvar 12. time.", "Minimum every 12 hours."),
        ),
        ResponseRow::Low => (
            language.pick(
                "Sykepleier vurderer pasienten og avgjør om observasjonshyppigheten skal økes eller om lege skal kontaktes.",
                "Sjukepleiar vurderer pasienten og avgjer om observasjonshyppigheita skal aukast eller om lege skal kontaktast.",
                "A registered nurse assesses the patient and decides whether to observe more often or to contact a doctor.",
            ),
            language.pick("Minst hver 4.–6. time.", "Minst kvar 4.–6. time.", "Minimum every 4–6 hours."),
        ),
        ResponseRow::LowMedium => (
            language.pick(
                "Sykepleier kontakter lege (fastlege, tilsynslege eller legevakt), som vurderer pasienten og avgjør videre behandling.",
                "Sjukepleiar kontaktar lege (fastlege, tilsynslege eller legevakt), som vurderer pasienten og avgjer vidare behandling.",
                "The nurse contacts a doctor (the GP, the nursing home's doctor or the out-of-hours service), who assesses the patient and decides on further care.",
            ),
            language.pick("Minst hver time.", "Minst kvar time.", "Minimum every hour."),
        ),
        ResponseRow::Medium => (
            language.pick(
                "Sykepleier kontakter lege straks (tilsynslege eller legevakt) for rask vurdering av pasienten. Vurder om pasienten trenger et høyere behandlingsnivå med tettere overvåking.",
                "Sjukepleiar kontaktar lege straks (tilsynslege eller legevakt) for rask vurdering av pasienten. Vurder om pasienten treng eit høgare behandlingsnivå med tettare overvaking.",
                "The nurse contacts a doctor at once (the nursing home's doctor or the out-of-hours service) for urgent assessment. Consider whether the patient needs a higher level of care with closer monitoring.",
            ),
            language.pick("Minst hver time.", "Minst kvar time.", "Minimum every hour."),
        ),
        ResponseRow::High => (
            language.pick(
                "Sykepleier kontakter lege straks: legevakt, eller ring 113 ved akutt fare. Akutt legevurdering; vurder innleggelse i sykehus (høyere behandlingsnivå).",
                "Sjukepleiar kontaktar lege straks: legevakt, eller ring 113 ved akutt fare. Akutt legevurdering; vurder innlegging i sjukehus (høgare behandlingsnivå).",
                "The nurse contacts a doctor at once: the out-of-hours service, or call 113 in an emergency. Emergency assessment by a doctor; consider hospital admission (a higher level of care).",
            ),
            language.pick(
                "Kontinuerlig overvåking av vitale parametere, og en registrert NEWS2-måling minst hver time.",
                "Kontinuerleg overvaking av vitale parametrar, og ei registrert NEWS2-måling minst kvar time.",
                "Continuous monitoring of vital signs, and a recorded NEWS2 set at least every hour.",
            ),
        ),
    };
    RowTexts {
        response: response.into(),
        monitoring: monitoring.into(),
    }
}
