//! One observation set as the views show it: per parameter the value as it came (with its unit),
//! the charted value where it differs, the sub-score, and what to be careful about.
//!
//! Plain data built from the engine's results, tested natively; the status panel, the history
//! table and the entry form all render it, so they never disagree about a set.

use crate::clinical::observation_set::{ObservationSet, Spo2ScaleBasis};
use crate::clinical::time::Timestamp;
use crate::clinical::{ClinicalRisk, News2, Parameter, Reading, Unit};
use crate::i18n::format::decimal;
use crate::i18n::words::measured_value;
use crate::i18n::{Language, words};

/// What is shown for one parameter of one set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParameterView {
    pub parameter: Parameter,
    /// The value as the source gave it, with its unit (`100,4 °F`), or `None` when missing.
    pub value: Option<String>,
    /// The charted value when it differs from the value (`38,0 °C` for `100,4 °F`).
    pub charted: Option<String>,
    /// The sub-score, computed or (see `stated_only`) stated by the source.
    pub sub_score: Option<u8>,
    /// The sub-score is the source's word alone: no value came to check it against.
    pub stated_only: bool,
    /// Possible but unusual: check before trusting.
    pub verify: bool,
    /// Other values measured at the same moment (a conflict); the one shown is the most
    /// severe, and counts.
    pub conflicting: Vec<String>,
    /// Earlier values a re-check in the same set replaced, with when they were measured.
    pub earlier: Vec<(String, Timestamp)>,
}

fn with_unit(number: String, unit: &str) -> String {
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

fn reading_view(reading: &Reading, language: Language) -> (String, Option<String>) {
    let quantity = reading.quantity();
    let value = with_unit(
        decimal(reading.raw(), language),
        words::unit_written(reading.unit()),
    );
    let charted = with_unit(
        decimal(reading.charted_decimal(), language),
        words::unit(quantity),
    );
    let differs =
        reading.unit() != Unit::chart_unit(quantity) || reading.charted_decimal() != reading.raw();
    (value, differs.then_some(charted))
}

/// The seven parameters of `set`, in chart order.
pub fn parameters(set: &ObservationSet, language: Language) -> Vec<ParameterView> {
    let score = set.score();
    let stated_only = set.source_only();
    let verify = set.to_verify();
    let v = set.vitals();
    Parameter::ALL
        .into_iter()
        .map(|parameter| {
            let reading = match parameter {
                Parameter::RespiratoryRate => v.respiratory_rate,
                Parameter::Spo2 => v.spo2,
                Parameter::SystolicBp => v.systolic_bp,
                Parameter::Pulse => v.pulse,
                Parameter::Temperature => v.temperature,
                Parameter::AirOrOxygen | Parameter::Consciousness => None,
            };
            let (value, charted) = match (parameter, reading) {
                (_, Some(reading)) => {
                    let (value, charted) = reading_view(&reading, language);
                    (Some(value), charted)
                }
                (Parameter::AirOrOxygen, None) => (
                    v.on_oxygen
                        .map(|o| words::air_or_oxygen(language, o).to_string()),
                    None,
                ),
                (Parameter::Consciousness, None) => (
                    v.consciousness.map(|level| {
                        format!(
                            "{} ({})",
                            words::consciousness(language, level),
                            level.letter()
                        )
                    }),
                    None,
                ),
                _ => (None, None),
            };
            let conflicting = set
                .conflicts
                .iter()
                .filter(|c| c.parameter == parameter)
                .flat_map(|c| c.values.iter().skip(1))
                .map(|&v| measured_value(language, v))
                .collect();
            let earlier = set
                .rechecked
                .iter()
                .filter(|r| r.value.parameter() == parameter)
                .map(|r| (measured_value(language, r.value), r.at))
                .collect();
            ParameterView {
                parameter,
                value,
                charted,
                sub_score: score.sub_score(parameter).map(|s| s.value()),
                stated_only: stated_only.contains(&parameter),
                verify: verify.contains(&parameter),
                conflicting,
                earlier,
            }
        })
        .collect()
}

/// A set's total as the views show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TotalView {
    /// Computed from a complete set's values.
    Computed { total: u8, risk: ClinicalRisk },
    /// Stated by the source for a set whose values cannot recompute it: shown, and marked so.
    Stated { total: u8, risk: ClinicalRisk },
    /// An incomplete set: no total (a partial sum is never shown as one).
    None,
}

impl TotalView {
    pub fn of(set: &ObservationSet) -> Self {
        match (set.score(), set.stated_total()) {
            (News2::Complete(score), _) => TotalView::Computed {
                total: score.total().value(),
                risk: score.risk(),
            },
            // The set's band: the stated total's, or a higher one its known sub-scores make
            // certain.
            (News2::Incomplete(_), Some(total)) => TotalView::Stated {
                total: total.value(),
                risk: set.band().map_or(ClinicalRisk::Low, |(band, _)| band),
            },
            (News2::Incomplete(_), None) => TotalView::None,
        }
    }

    /// The `data-risk` name the CSS colours by.
    pub fn risk_name(self) -> &'static str {
        match self {
            TotalView::Computed { risk, .. } | TotalView::Stated { risk, .. } => risk.name(),
            TotalView::None => "incomplete",
        }
    }
}

/// Why the set is on the SpO2 scale it is, in words: "Skala 2 (dr. Hansen, 01.11.2026)".
pub fn scale_basis(set: &ObservationSet, language: Language) -> String {
    let scale = words::spo2_scale(language, set.scale_basis().scale());
    match set.scale_basis() {
        Spo2ScaleBasis::Default => scale.to_string(),
        Spo2ScaleBasis::PatientDecision(decision) => format!("{scale} ({})", decision.decided_by()),
        Spo2ScaleBasis::SourceObservation => {
            format!("{scale} ({})", words(language).stated_by_source)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::time::Timestamp;
    use crate::clinical::{Consciousness, Decimal, Quantity, VitalSigns};

    fn reading(quantity: Quantity, raw: Decimal, unit: Unit) -> Option<Reading> {
        Some(Reading::measured(quantity, raw, unit).expect("a possible value"))
    }

    fn set() -> ObservationSet {
        let vitals = VitalSigns {
            respiratory_rate: reading(
                Quantity::RespiratoryRate,
                Decimal::new(22, 0),
                Unit::PerMinute,
            ),
            temperature: reading(
                Quantity::Temperature,
                Decimal::new(1004, 1),
                Unit::Fahrenheit,
            ),
            consciousness: Some(Consciousness::NewConfusion),
            on_oxygen: Some(true),
            ..VitalSigns::default()
        };
        ObservationSet::new(Timestamp::from_millis(0), vitals, Spo2ScaleBasis::Default)
    }

    #[test]
    fn values_keep_the_unit_they_came_in_and_show_how_they_are_charted() {
        let views = parameters(&set(), Language::Nb);
        let temperature = &views[6];
        assert_eq!(temperature.parameter, Parameter::Temperature);
        assert_eq!(temperature.value.as_deref(), Some("100,4 °F"));
        assert_eq!(temperature.charted.as_deref(), Some("38,0 °C"));
        assert_eq!(temperature.sub_score, Some(0));
        let rate = &views[0];
        assert_eq!(rate.value.as_deref(), Some("22 /min"));
        assert_eq!(rate.charted, None);
        assert_eq!(rate.sub_score, Some(2));
    }

    #[test]
    fn missing_parameters_have_no_value_and_no_score() {
        let views = parameters(&set(), Language::En);
        assert_eq!(views[1].parameter, Parameter::Spo2);
        assert_eq!(views[1].value, None);
        assert_eq!(views[1].sub_score, None);
        assert_eq!(views[5].value.as_deref(), Some("New confusion (C)"));
        assert_eq!(views[5].sub_score, Some(3));
        assert_eq!(views[2].value.as_deref(), Some("Oxygen"));
    }

    #[test]
    fn an_incomplete_set_has_no_total() {
        assert_eq!(TotalView::of(&set()), TotalView::None);
    }

    #[test]
    fn a_total_the_source_stated_is_shown_as_stated() {
        use crate::clinical::observation_set::StatedScore;
        let mut set = set();
        set.stated = Some(StatedScore {
            total: Some(9),
            ..StatedScore::default()
        });
        assert_eq!(
            TotalView::of(&set),
            TotalView::Stated {
                total: 9,
                risk: ClinicalRisk::High
            }
        );
    }
}
