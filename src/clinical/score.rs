//! The NEWS2 of one set of vital signs: sub-scores, the aggregate, clinical risk (RCP Chart 3)
//! and minimum monitoring frequency (Chart 4).
//!
//! A set with a parameter missing has no total: a partial sum shown as a NEWS2 would read as
//! reassuring exactly when it is not. [`News2`] makes that a matter of type: only
//! [`CompleteScore`] has a total, a risk and a monitoring frequency.

use super::chart1::{self, SubScore};
use super::vital_signs::{Parameter, Spo2Scale, VitalSigns};

/// One value per Chart 1 row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SubScores<T> {
    pub respiratory_rate: T,
    pub spo2: T,
    pub air_or_oxygen: T,
    pub systolic_bp: T,
    pub pulse: T,
    pub consciousness: T,
    pub temperature: T,
}

impl<T: Copy> SubScores<T> {
    pub fn get(&self, parameter: Parameter) -> T {
        match parameter {
            Parameter::RespiratoryRate => self.respiratory_rate,
            Parameter::Spo2 => self.spo2,
            Parameter::AirOrOxygen => self.air_or_oxygen,
            Parameter::SystolicBp => self.systolic_bp,
            Parameter::Pulse => self.pulse,
            Parameter::Consciousness => self.consciousness,
            Parameter::Temperature => self.temperature,
        }
    }

    /// The values in chart order, each with its row.
    pub fn iter(&self) -> impl Iterator<Item = (Parameter, T)> + '_ {
        Parameter::ALL.into_iter().map(|p| (p, self.get(p)))
    }
}

/// The aggregate NEWS2, 0 to 20.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Total(u8);

impl Total {
    /// A total a source states: 0 to 20, or not a NEWS2.
    pub const fn new(value: u8) -> Option<Total> {
        if value <= 20 {
            Some(Total(value))
        } else {
            None
        }
    }

    pub const fn value(self) -> u8 {
        self.0
    }
}

/// Clinical risk, RCP Chart 3, in rising order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClinicalRisk {
    /// Total 0–4 with no single red score.
    Low,
    /// A 3 in one parameter, total 0–4.
    LowMedium,
    /// Total 5–6: the urgent response threshold.
    Medium,
    /// Total 7 or more: the emergency response threshold.
    High,
}

impl ClinicalRisk {
    pub const ALL: [ClinicalRisk; 4] = [
        ClinicalRisk::Low,
        ClinicalRisk::LowMedium,
        ClinicalRisk::Medium,
        ClinicalRisk::High,
    ];

    /// The band's stable public name (`low-medium`): the `score()` API, the `data-risk`
    /// attribute, the CSS and the events all write it so.
    pub const fn name(self) -> &'static str {
        match self {
            ClinicalRisk::Low => "low",
            ClinicalRisk::LowMedium => "low-medium",
            ClinicalRisk::Medium => "medium",
            ClinicalRisk::High => "high",
        }
    }

    /// Chart 3, in its precedence: total ≥7 high; else 5–6 medium; else any red score
    /// low–medium; else low.
    pub fn of(total: Total, any_red: bool) -> Self {
        match total.value() {
            7.. => ClinicalRisk::High,
            5..=6 => ClinicalRisk::Medium,
            _ if any_red => ClinicalRisk::LowMedium,
            _ => ClinicalRisk::Low,
        }
    }
}

/// Minimum monitoring frequency, RCP Chart 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MonitoringFrequency {
    /// Total 0.
    TwelveHourly,
    /// Total 1–4 with no red score.
    FourToSixHourly,
    /// A red score, or total 5–6.
    Hourly,
    /// Total 7 or more.
    Continuous,
}

impl MonitoringFrequency {
    /// The frequency's stable public name (`4-6-hourly`), as the `score()` API writes it.
    pub const fn name(self) -> &'static str {
        match self {
            MonitoringFrequency::TwelveHourly => "12-hourly",
            MonitoringFrequency::FourToSixHourly => "4-6-hourly",
            MonitoringFrequency::Hourly => "hourly",
            MonitoringFrequency::Continuous => "continuous",
        }
    }

    pub fn of(total: Total, risk: ClinicalRisk) -> Self {
        match risk {
            ClinicalRisk::High => MonitoringFrequency::Continuous,
            ClinicalRisk::Medium | ClinicalRisk::LowMedium => MonitoringFrequency::Hourly,
            ClinicalRisk::Low if total.value() == 0 => MonitoringFrequency::TwelveHourly,
            ClinicalRisk::Low => MonitoringFrequency::FourToSixHourly,
        }
    }
}

/// A set with every parameter scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompleteScore {
    sub_scores: SubScores<SubScore>,
    spo2_scale: Spo2Scale,
}

impl CompleteScore {
    pub fn sub_scores(&self) -> &SubScores<SubScore> {
        &self.sub_scores
    }

    /// The SpO2 scale that scored the saturation.
    pub fn spo2_scale(&self) -> Spo2Scale {
        self.spo2_scale
    }

    pub fn total(&self) -> Total {
        Total(self.sub_scores.iter().map(|(_, s)| s.value()).sum())
    }

    /// Whether one parameter scored 3.
    pub fn has_red_score(&self) -> bool {
        self.sub_scores.iter().any(|(_, s)| s.is_red())
    }

    pub fn risk(&self) -> ClinicalRisk {
        ClinicalRisk::of(self.total(), self.has_red_score())
    }

    pub fn monitoring(&self) -> MonitoringFrequency {
        MonitoringFrequency::of(self.total(), self.risk())
    }
}

/// A set with at least one parameter missing: what is known, and what is not. No total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncompleteScore {
    sub_scores: SubScores<Option<SubScore>>,
    missing: Vec<Parameter>,
    spo2_scale: Spo2Scale,
}

impl IncompleteScore {
    /// Sub-scores where they are known. SpO2 on Scale 2 at 93 % or more has none while air or
    /// oxygen is missing, since its band depends on it.
    pub fn sub_scores(&self) -> &SubScores<Option<SubScore>> {
        &self.sub_scores
    }

    /// The parameters with no value, in chart order; never empty.
    pub fn missing(&self) -> &[Parameter] {
        &self.missing
    }

    pub fn spo2_scale(&self) -> Spo2Scale {
        self.spo2_scale
    }

    /// The lowest clinical risk already certain from the known sub-scores, whatever the missing
    /// ones turn out to be: known sub-scores summing to 7 or more → at least high; 5–6 → at
    /// least medium; a known 3 → at least low–medium; otherwise nothing is certain (`None`).
    /// A decision of this project (docs/clinical-rules.md, "Missing parameters").
    pub fn minimum_risk(&self) -> Option<ClinicalRisk> {
        let known = || self.sub_scores.iter().filter_map(|(_, s)| s);
        let sum: u8 = known().map(SubScore::value).sum();
        match sum {
            7.. => Some(ClinicalRisk::High),
            5..=6 => Some(ClinicalRisk::Medium),
            _ if known().any(SubScore::is_red) => Some(ClinicalRisk::LowMedium),
            _ => None,
        }
    }
}

/// The NEWS2 of a set of vital signs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum News2 {
    Complete(CompleteScore),
    Incomplete(IncompleteScore),
}

impl News2 {
    /// The band of a set that calls for a clinical response beyond routine monitoring (RCP
    /// Chart 4: low–medium and above), when it is certain: the set's own band when complete,
    /// the band already certain when not. The entry form asks for confirmation before saving
    /// such a set.
    pub fn response_band(&self) -> Option<ClinicalRisk> {
        let band = match self {
            News2::Complete(score) => Some(score.risk()),
            News2::Incomplete(score) => score.minimum_risk(),
        };
        band.filter(|&band| band >= ClinicalRisk::LowMedium)
    }

    /// Scores a set by RCP NEWS2 (2017).
    pub fn of(vitals: &VitalSigns) -> Self {
        let charted = |reading: Option<super::vital_signs::Reading>| reading.map(|r| r.charted());
        let spo2 = charted(vitals.spo2).and_then(|percent| match vitals.spo2_scale {
            Spo2Scale::Scale1 => Some(chart1::spo2_scale1(percent)),
            Spo2Scale::Scale2 => chart1::spo2_scale2(percent, vitals.on_oxygen),
        });
        let known = SubScores {
            respiratory_rate: charted(vitals.respiratory_rate).map(chart1::respiratory_rate),
            spo2,
            air_or_oxygen: vitals.on_oxygen.map(chart1::air_or_oxygen),
            systolic_bp: charted(vitals.systolic_bp).map(chart1::systolic_bp),
            pulse: charted(vitals.pulse).map(chart1::pulse),
            consciousness: vitals.consciousness.map(chart1::consciousness),
            temperature: charted(vitals.temperature).map(chart1::temperature),
        };
        let missing = Parameter::ALL
            .into_iter()
            .filter(|&p| !is_present(vitals, p))
            .collect();
        News2::from_known(known, missing, vitals.spo2_scale)
    }

    /// Scores a set whose source stated sub-scores for parameters it did not send values for
    /// (a NEWS2 total with components and no raw vital signs). Computed sub-scores stand where
    /// the values are present; the source's fill only the gaps, and
    /// [`crate::clinical::observation_set::ObservationSet::source_only`] names them.
    pub fn with_source_sub_scores(
        vitals: &VitalSigns,
        stated: &SubScores<Option<SubScore>>,
    ) -> Self {
        let computed = News2::of(vitals);
        let known = SubScores {
            respiratory_rate: computed
                .sub_score(Parameter::RespiratoryRate)
                .or(stated.respiratory_rate),
            spo2: computed.sub_score(Parameter::Spo2).or(stated.spo2),
            air_or_oxygen: computed
                .sub_score(Parameter::AirOrOxygen)
                .or(stated.air_or_oxygen),
            systolic_bp: computed
                .sub_score(Parameter::SystolicBp)
                .or(stated.systolic_bp),
            pulse: computed.sub_score(Parameter::Pulse).or(stated.pulse),
            consciousness: computed
                .sub_score(Parameter::Consciousness)
                .or(stated.consciousness),
            temperature: computed
                .sub_score(Parameter::Temperature)
                .or(stated.temperature),
        };
        let missing = Parameter::ALL
            .into_iter()
            .filter(|&p| !is_present(vitals, p) && stated.get(p).is_none())
            .collect();
        News2::from_known(known, missing, vitals.spo2_scale)
    }

    fn from_known(
        known: SubScores<Option<SubScore>>,
        missing: Vec<Parameter>,
        spo2_scale: Spo2Scale,
    ) -> Self {
        let all = (|| {
            Some(SubScores {
                respiratory_rate: known.respiratory_rate?,
                spo2: known.spo2?,
                air_or_oxygen: known.air_or_oxygen?,
                systolic_bp: known.systolic_bp?,
                pulse: known.pulse?,
                consciousness: known.consciousness?,
                temperature: known.temperature?,
            })
        })();
        match all {
            Some(sub_scores) => News2::Complete(CompleteScore {
                sub_scores,
                spo2_scale,
            }),
            None => News2::Incomplete(IncompleteScore {
                sub_scores: known,
                missing,
                spo2_scale,
            }),
        }
    }

    /// The sub-score of one parameter, where known.
    pub fn sub_score(&self, parameter: Parameter) -> Option<SubScore> {
        match self {
            News2::Complete(score) => Some(score.sub_scores.get(parameter)),
            News2::Incomplete(score) => score.sub_scores.get(parameter),
        }
    }
}

fn is_present(vitals: &VitalSigns, parameter: Parameter) -> bool {
    match parameter {
        Parameter::RespiratoryRate => vitals.respiratory_rate.is_some(),
        Parameter::Spo2 => vitals.spo2.is_some(),
        Parameter::AirOrOxygen => vitals.on_oxygen.is_some(),
        Parameter::SystolicBp => vitals.systolic_bp.is_some(),
        Parameter::Pulse => vitals.pulse.is_some(),
        Parameter::Consciousness => vitals.consciousness.is_some(),
        Parameter::Temperature => vitals.temperature.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::vital_signs::{Consciousness, Quantity, Reading};

    fn reading(quantity: Quantity, text: &str) -> Option<Reading> {
        Some(Reading::parse(quantity, text).unwrap())
    }

    fn baseline() -> VitalSigns {
        VitalSigns {
            respiratory_rate: reading(Quantity::RespiratoryRate, "16"),
            spo2: reading(Quantity::Spo2, "98"),
            spo2_scale: Spo2Scale::Scale1,
            on_oxygen: Some(false),
            systolic_bp: reading(Quantity::SystolicBp, "120"),
            pulse: reading(Quantity::Pulse, "70"),
            consciousness: Some(Consciousness::Alert),
            temperature: reading(Quantity::Temperature, "37.0"),
        }
    }

    fn complete(vitals: &VitalSigns) -> CompleteScore {
        match News2::of(vitals) {
            News2::Complete(score) => score,
            News2::Incomplete(score) => panic!("incomplete: {:?}", score.missing()),
        }
    }

    #[test]
    fn risk_follows_chart_3_precedence() {
        let total = |n| Total(n);
        assert_eq!(ClinicalRisk::of(total(0), false), ClinicalRisk::Low);
        assert_eq!(ClinicalRisk::of(total(4), false), ClinicalRisk::Low);
        assert_eq!(ClinicalRisk::of(total(3), true), ClinicalRisk::LowMedium);
        assert_eq!(ClinicalRisk::of(total(5), true), ClinicalRisk::Medium);
        assert_eq!(ClinicalRisk::of(total(6), false), ClinicalRisk::Medium);
        assert_eq!(ClinicalRisk::of(total(7), false), ClinicalRisk::High);
        assert_eq!(ClinicalRisk::of(total(20), true), ClinicalRisk::High);
    }

    #[test]
    fn monitoring_follows_chart_4() {
        use MonitoringFrequency::*;
        let of = |n, red| MonitoringFrequency::of(Total(n), ClinicalRisk::of(Total(n), red));
        assert_eq!(
            [of(0, false), of(1, false), of(4, false)],
            [TwelveHourly, FourToSixHourly, FourToSixHourly]
        );
        assert_eq!(
            [of(3, true), of(5, false), of(6, true), of(7, false)],
            [Hourly, Hourly, Hourly, Continuous]
        );
    }

    #[test]
    fn a_missing_parameter_leaves_no_total_and_is_named() {
        let mut vitals = baseline();
        vitals.pulse = None;
        vitals.on_oxygen = None;
        let News2::Incomplete(score) = News2::of(&vitals) else {
            panic!("scored as complete")
        };
        assert_eq!(score.missing(), [Parameter::AirOrOxygen, Parameter::Pulse]);
        assert_eq!(score.sub_scores().respiratory_rate, Some(SubScore::ZERO));
        assert_eq!(score.sub_scores().pulse, None);
    }

    #[test]
    fn an_incomplete_set_escalates_on_what_is_already_certain() {
        let minimum = |vitals: &VitalSigns| match News2::of(vitals) {
            News2::Incomplete(score) => score.minimum_risk(),
            News2::Complete(_) => panic!("complete"),
        };
        let mut vitals = baseline();
        vitals.temperature = None;
        assert_eq!(minimum(&vitals), None);
        vitals.respiratory_rate = reading(Quantity::RespiratoryRate, "25");
        assert_eq!(minimum(&vitals), Some(ClinicalRisk::LowMedium));
        vitals.on_oxygen = Some(true);
        assert_eq!(minimum(&vitals), Some(ClinicalRisk::Medium));
        vitals.pulse = reading(Quantity::Pulse, "111");
        assert_eq!(minimum(&vitals), Some(ClinicalRisk::High));
    }

    #[test]
    fn scale_2_at_93_or_more_needs_air_or_oxygen_to_score_spo2() {
        let mut vitals = baseline();
        vitals.spo2_scale = Spo2Scale::Scale2;
        vitals.spo2 = reading(Quantity::Spo2, "97");
        vitals.on_oxygen = None;
        let scored = News2::of(&vitals);
        assert_eq!(scored.sub_score(Parameter::Spo2), None);
        vitals.spo2 = reading(Quantity::Spo2, "85");
        assert_eq!(
            News2::of(&vitals).sub_score(Parameter::Spo2),
            Some(SubScore::TWO)
        );
        vitals.spo2 = reading(Quantity::Spo2, "97");
        vitals.on_oxygen = Some(true);
        let score = complete(&vitals);
        assert_eq!(
            (score.sub_scores().spo2, score.sub_scores().air_or_oxygen),
            (SubScore::THREE, SubScore::TWO)
        );
        assert_eq!(
            (score.total().value(), score.risk()),
            (5, ClinicalRisk::Medium)
        );
        assert_eq!(score.spo2_scale(), Spo2Scale::Scale2);
    }

    #[test]
    fn decimals_score_as_written_not_as_floats() {
        let mut vitals = baseline();
        vitals.temperature = Some(Reading::from_f64(Quantity::Temperature, 38.05).unwrap());
        assert_eq!(complete(&vitals).sub_scores().temperature, SubScore::ONE);
        vitals.temperature = Some(Reading::from_f64(Quantity::Temperature, 38.04).unwrap());
        assert_eq!(complete(&vitals).sub_scores().temperature, SubScore::ZERO);
        vitals.respiratory_rate = reading(Quantity::RespiratoryRate, "20.5");
        assert_eq!(
            complete(&vitals).sub_scores().respiratory_rate,
            SubScore::TWO
        );
    }

    #[test]
    fn a_response_band_is_low_medium_or_above_and_certain() {
        assert_eq!(News2::of(&baseline()).response_band(), None, "NEWS2 0");
        let red = VitalSigns {
            respiratory_rate: reading(Quantity::RespiratoryRate, "26"),
            ..baseline()
        };
        assert_eq!(
            News2::of(&red).response_band(),
            Some(ClinicalRisk::LowMedium)
        );
        let red_incomplete = VitalSigns {
            temperature: None,
            ..red
        };
        assert_eq!(
            News2::of(&red_incomplete).response_band(),
            Some(ClinicalRisk::LowMedium),
            "a red score makes low-medium certain even without a temperature"
        );
        let nothing_certain = VitalSigns {
            temperature: None,
            ..baseline()
        };
        assert_eq!(News2::of(&nothing_certain).response_band(), None);
    }
}
