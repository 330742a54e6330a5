//! One NEWS2 observation set: the seven parameters taken together, when, by whom and from where,
//! with the SpO2 scale that applies and what the source itself said the score was.
//!
//! The scale is decided here and only here (section "SpO2 Scale 2" of docs/clinical-rules.md):
//! Scale 2 needs a documented decision, never an inference from the values.

use std::time::Duration;

use super::chart1::SubScore;
use super::decimal::Decimal;
use super::provenance::Provenance;
use super::score::{ClinicalRisk, News2, SubScores, Total};
use super::set_values::{MeasuredValue, Rechecked, Resolved, SetValues, ValueConflict};
use super::time::Timestamp;
use super::units::Unit;
use super::vital_signs::{Parameter, Spo2Scale, VitalSigns};

/// A clinician's documented decision that a patient is scored on SpO2 Scale 2 (a prescribed
/// target of 88–92 %), as the host system records it: who decided, from when, and until when if
/// it has ended. It cannot be made without saying who decided.
///
/// A decision that ends (the patient is back on a Scale 1 target) keeps covering the sets taken
/// while it was in force; a decision withdrawn as a mistake is simply not given to the widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale2Decision {
    decided_by: String,
    decided_at: Timestamp,
    ends_at: Option<Timestamp>,
}

impl Scale2Decision {
    /// `decided_by` names the clinician; `decided_at` is when, and the decision applies to sets
    /// taken from then on. Refused when nobody is named.
    pub fn new(decided_by: &str, decided_at: Timestamp) -> Result<Self, String> {
        let decided_by = decided_by.trim();
        if decided_by.is_empty() {
            return Err("a Scale 2 decision must name the clinician who made it".into());
        }
        Ok(Scale2Decision {
            decided_by: decided_by.to_string(),
            decided_at,
            ends_at: None,
        })
    }

    /// The same decision, ended at `ends_at`: sets taken from then on are on Scale 1 again.
    /// Refused when it would end before it began.
    pub fn ending(self, ends_at: Timestamp) -> Result<Self, String> {
        if ends_at <= self.decided_at {
            return Err("a Scale 2 decision must end after it was made".into());
        }
        Ok(Scale2Decision {
            ends_at: Some(ends_at),
            ..self
        })
    }

    pub fn decided_by(&self) -> &str {
        &self.decided_by
    }

    pub fn decided_at(&self) -> Timestamp {
        self.decided_at
    }

    /// When the decision ended, if it has.
    pub fn ends_at(&self) -> Option<Timestamp> {
        self.ends_at
    }

    /// Whether a set taken at `at` is covered: from the decision up to (not including) its end.
    pub fn covers(&self, at: Timestamp) -> bool {
        self.decided_at <= at && self.ends_at.is_none_or(|end| at < end)
    }
}

/// Why a set is scored on the SpO2 scale it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spo2ScaleBasis {
    /// Scale 1: no documented Scale 2 decision covers this set.
    Default,
    /// Scale 2 by the patient's documented decision.
    PatientDecision(Scale2Decision),
    /// Scale 2 because the source Observation itself carries the Scale 2 sub-score.
    SourceObservation,
}

impl Spo2ScaleBasis {
    /// The basis for a set taken at `taken_at`: the patient's decision if it covers that time;
    /// Scale 1 after the decision ended, whatever a source still writes (the host's record of
    /// the end stands; a source's Scale 2 sub-score then shows as a disagreement); else the
    /// source's own Scale 2 sub-score; else the default, Scale 1. The entry form's live score
    /// and the saved set both come from here, so they cannot differ.
    pub fn for_set(
        taken_at: Timestamp,
        decision: Option<&Scale2Decision>,
        source_used_scale_2: bool,
    ) -> Self {
        match decision {
            Some(decision) if decision.covers(taken_at) => {
                Spo2ScaleBasis::PatientDecision(decision.clone())
            }
            Some(decision) if decision.ends_at.is_some_and(|end| taken_at >= end) => {
                Spo2ScaleBasis::Default
            }
            _ if source_used_scale_2 => Spo2ScaleBasis::SourceObservation,
            _ => Spo2ScaleBasis::Default,
        }
    }

    pub fn scale(&self) -> Spo2Scale {
        match self {
            Spo2ScaleBasis::Default => Spo2Scale::Scale1,
            Spo2ScaleBasis::PatientDecision(_) | Spo2ScaleBasis::SourceObservation => {
                Spo2Scale::Scale2
            }
        }
    }
}

/// A value shown beside the chart but not scored, in the unit it came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Measurement {
    pub value: Decimal,
    pub unit: Unit,
}

/// How oxygen is given, when the source says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OxygenDelivery {
    /// Flow in litres per minute.
    pub flow_litres_per_minute: Option<Decimal>,
    /// The device as the source names it (nasal cannula, mask, …).
    pub device: Option<String>,
}

/// What the chart shows beside the seven parameters, when known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetDetails {
    pub oxygen: Option<OxygenDelivery>,
    pub diastolic_bp: Option<Measurement>,
    /// Where the set came from: each service, person and system that recorded it (several
    /// when systems sent copies of the same measurements), none when no source says.
    pub provenance: Vec<Provenance>,
    /// The FHIR Observations the set was made from (`Observation/{id}`), in a fixed order:
    /// what an escalation response is `about`. Empty for a set made here and not yet read back.
    pub observations: Vec<String>,
}

/// The score a source stated for a set, to be checked against the engine's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatedScore {
    pub total: Option<u8>,
    pub sub_scores: SubScores<Option<SubScore>>,
}

/// A difference between what the source stated and what the engine computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disagreement {
    SubScore {
        parameter: Parameter,
        stated: u8,
        computed: u8,
    },
    Total {
        stated: u8,
        computed: u8,
    },
}

/// One set of NEWS2 observations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObservationSet {
    taken_at: Timestamp,
    vitals: VitalSigns,
    scale_basis: Spo2ScaleBasis,
    pub details: SetDetails,
    /// What the source said the NEWS2 was, if it said.
    pub stated: Option<StatedScore>,
    /// Earlier values that a re-check in the same set replaced, oldest first.
    pub rechecked: Vec<Rechecked>,
    /// Parameters with different values at one moment; the most severe is in `vitals`.
    pub conflicts: Vec<ValueConflict>,
    /// Totals the source stated earlier for this set, before it scored it again (after a
    /// re-check, say), oldest first.
    pub rescored: Vec<EarlierTotal>,
}

/// A total a source stated for a set and later replaced with another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EarlierTotal {
    pub at: Timestamp,
    pub stated: StatedScore,
}

/// What a set's band rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandBasis {
    /// The set is complete: its NEWS2, computed from its values.
    Computed,
    /// The set is incomplete, and its known sub-scores already make the band certain.
    Certain,
    /// The source stated a total that the set's values cannot recompute.
    Stated,
}

impl ObservationSet {
    /// A set taken at `taken_at`. The SpO2 scale in `vitals` is replaced by the one
    /// `scale_basis` gives, so no set can claim Scale 2 without a basis for it.
    pub fn new(taken_at: Timestamp, vitals: VitalSigns, scale_basis: Spo2ScaleBasis) -> Self {
        let vitals = VitalSigns {
            spo2_scale: scale_basis.scale(),
            ..vitals
        };
        ObservationSet {
            taken_at,
            vitals,
            scale_basis,
            details: SetDetails::default(),
            stated: None,
            rechecked: Vec::new(),
            conflicts: Vec::new(),
            rescored: Vec::new(),
        }
    }

    /// A set from every value measured for it ([`SetValues`]): the values that count, with the
    /// re-checked and conflicting ones kept beside them.
    pub fn from_values(
        taken_at: Timestamp,
        values: &SetValues,
        scale_basis: Spo2ScaleBasis,
    ) -> (Self, Resolved) {
        let resolved = values.resolve(scale_basis.scale());
        let mut set = ObservationSet::new(taken_at, resolved.vitals, scale_basis);
        set.rechecked.clone_from(&resolved.rechecked);
        set.conflicts.clone_from(&resolved.conflicts);
        (set, resolved)
    }

    pub fn taken_at(&self) -> Timestamp {
        self.taken_at
    }

    pub fn vitals(&self) -> &VitalSigns {
        &self.vitals
    }

    pub fn scale_basis(&self) -> &Spo2ScaleBasis {
        &self.scale_basis
    }

    /// The set's NEWS2: computed from its values, with the source's stated sub-scores filling
    /// in only for parameters it sent no value for ([`ObservationSet::source_only`]).
    pub fn score(&self) -> News2 {
        match &self.stated {
            Some(stated) => News2::with_source_sub_scores(&self.vitals, &stated.sub_scores),
            None => News2::of(&self.vitals),
        }
    }

    /// The total the source stated, if it stated one.
    pub fn stated_total(&self) -> Option<Total> {
        self.stated.and_then(|s| s.total).and_then(Total::new)
    }

    /// The band this set makes certain, and what it rests on: a complete set's own risk; for an
    /// incomplete one the band its known sub-scores make certain, or the band of the total its
    /// source stated if that is higher. A stated total counts only where it says more than the
    /// known sub-scores add up to (or is all there is): a total no higher than them, on a set
    /// that lacks parameters, is the source's partial sum. On a tie the values' own certain
    /// band is shown. `None` when an incomplete set makes nothing certain. A decision of this
    /// project (docs/clinical-rules.md, "What the banner stands on").
    pub fn band(&self) -> Option<(ClinicalRisk, BandBasis)> {
        let score = self.score();
        let incomplete = match &score {
            News2::Complete(complete) => return Some((complete.risk(), BandBasis::Computed)),
            News2::Incomplete(incomplete) => incomplete,
        };
        let certain = incomplete
            .minimum_risk()
            .map(|band| (band, BandBasis::Certain));
        let stated = self
            .stated_floor()
            .map(|(band, _)| (band, BandBasis::Stated));
        match (certain, stated) {
            (Some(c), Some(s)) if c.0 >= s.0 => Some(c),
            (_, Some(s)) => Some(s),
            (c, None) => c,
        }
    }

    /// For an incomplete set, the highest band a total its source stated makes certain, with
    /// that total: the total it states now, and any it stated earlier for this set and replaced
    /// (a re-score cannot lower what an incomplete set has made certain). A stated total no
    /// higher than the known sub-scores add up to is, on a set that lacks parameters, evidently a
    /// partial sum and tells nothing the values do not. `None` for a complete set.
    pub fn stated_floor(&self) -> Option<(ClinicalRisk, Total)> {
        let score = self.score();
        let News2::Incomplete(incomplete) = &score else {
            return None;
        };
        let known: Vec<SubScore> = incomplete
            .sub_scores()
            .iter()
            .filter_map(|(_, s)| s)
            .collect();
        let known_sum: u8 = known.iter().map(|s| s.value()).sum();
        let known_red = known.iter().any(|s| s.is_red());
        let band_of = |stated: &StatedScore| {
            let total = stated.total.and_then(Total::new)?;
            if !known.is_empty() && total.value() <= known_sum {
                return None;
            }
            let red = known_red
                || stated
                    .sub_scores
                    .iter()
                    .any(|(_, s)| s.is_some_and(SubScore::is_red));
            Some((ClinicalRisk::of(total, red), total))
        };
        self.stated
            .iter()
            .chain(self.rescored.iter().map(|e| &e.stated))
            .filter_map(band_of)
            .max()
    }

    /// A set that is nothing but a total its source stated: no value and no sub-score the widget
    /// can read (no components, or only codes it does not know). Nothing can be completed here.
    pub fn is_total_only(&self) -> bool {
        self.stated_total().is_some()
            && Parameter::ALL
                .iter()
                .all(|&p| self.score().sub_score(p).is_none())
    }

    /// Parameters scored only by the source's word: no value came to check it against.
    pub fn source_only(&self) -> Vec<Parameter> {
        let Some(stated) = &self.stated else {
            return Vec::new();
        };
        let computed = News2::of(&self.vitals);
        Parameter::ALL
            .into_iter()
            .filter(|&p| computed.sub_score(p).is_none() && stated.sub_scores.get(p).is_some())
            .collect()
    }

    /// Where the source's stated score differs from the engine's, parameter by parameter and in
    /// total. Only what both sides know is compared; the set keeps both.
    pub fn disagreements(&self) -> Vec<Disagreement> {
        let Some(stated) = self.stated else {
            return Vec::new();
        };
        let from_values = News2::of(&self.vitals);
        let mut found: Vec<Disagreement> = Parameter::ALL
            .into_iter()
            .filter_map(|parameter| {
                let stated = stated.sub_scores.get(parameter)?.value();
                let computed = from_values.sub_score(parameter)?.value();
                (stated != computed).then_some(Disagreement::SubScore {
                    parameter,
                    stated,
                    computed,
                })
            })
            .collect();
        // The total against the set's own score, so a source that mis-adds its own sub-scores
        // is caught too.
        if let (Some(stated), News2::Complete(complete)) = (stated.total, &self.score()) {
            let computed = complete.total().value();
            if stated != computed {
                found.push(Disagreement::Total { stated, computed });
            }
        }
        found
    }

    /// Parameters whose value is possible but unusual, to verify before trusting.
    pub fn to_verify(&self) -> Vec<Parameter> {
        let v = &self.vitals;
        [
            v.respiratory_rate,
            v.spo2,
            v.systolic_bp,
            v.pulse,
            v.temperature,
        ]
        .into_iter()
        .flatten()
        .filter(|reading| reading.needs_verification())
        .map(|reading| reading.quantity().parameter())
        .collect()
    }

    /// How sets taken at one moment are ordered: the most severe last, so that "the latest"
    /// of two sets at one time is never the calmer one; a complete set after an incomplete one
    /// as severe; then by their sub-scores and charted values, so that which of two equally
    /// severe sets is "the latest" never depends on the order they arrived in.
    fn severity_at_its_time(&self) -> (Timestamp, u8, u8, bool, [u8; 7], [u32; 5]) {
        let band = self.band().map_or(0, |(band, _)| band as u8 + 1);
        let score = self.score();
        let (total, complete) = match &score {
            News2::Complete(score) => (score.total().value(), true),
            News2::Incomplete(_) => (self.stated_total().map_or(0, Total::value), false),
        };
        let sub_scores = Parameter::ALL.map(|p| score.sub_score(p).map_or(0, |s| s.value()));
        let v = &self.vitals;
        let charted = [
            v.respiratory_rate,
            v.spo2,
            v.systolic_bp,
            v.pulse,
            v.temperature,
        ]
        .map(|r| r.map_or(u32::MAX, |r| r.charted()));
        (self.taken_at, band, total, complete, sub_scores, charted)
    }

    /// The value that counts for `parameter`, if the set has one.
    pub fn counted_value(&self, parameter: Parameter) -> Option<MeasuredValue> {
        let v = &self.vitals;
        let reading = |r: Option<crate::clinical::Reading>| r.map(MeasuredValue::Reading);
        match parameter {
            Parameter::RespiratoryRate => reading(v.respiratory_rate),
            Parameter::Spo2 => reading(v.spo2),
            Parameter::AirOrOxygen => v.on_oxygen.map(MeasuredValue::OnOxygen),
            Parameter::SystolicBp => reading(v.systolic_bp),
            Parameter::Pulse => reading(v.pulse),
            Parameter::Consciousness => v.consciousness.map(MeasuredValue::Consciousness),
            Parameter::Temperature => reading(v.temperature),
        }
    }

    /// Earlier totals the source stated for this set that gave a higher band than the set has
    /// now: the banner says so, since the later total counts.
    pub fn rescored_lower(&self) -> Vec<EarlierTotal> {
        let now = self.band().map(|(band, _)| band);
        self.rescored
            .iter()
            .filter(|earlier| {
                let red = earlier
                    .stated
                    .sub_scores
                    .iter()
                    .any(|(_, s)| s.is_some_and(SubScore::is_red));
                let band = earlier
                    .stated
                    .total
                    .and_then(Total::new)
                    .map(|total| ClinicalRisk::of(total, red));
                band > now
            })
            .copied()
            .collect()
    }

    /// Earlier values of this set that scored higher than the re-check that replaced them: the
    /// banner says so, since the later value counts.
    pub fn rechecked_lower(&self) -> Vec<(&Rechecked, MeasuredValue)> {
        self.rechecked
            .iter()
            .filter_map(|earlier| {
                let parameter = earlier.value.parameter();
                let counted = self.counted_value(parameter)?;
                let scale = self.vitals.spo2_scale;
                let oxygen = self.vitals.on_oxygen;
                (earlier.value.sub_score(scale, oxygen) > counted.sub_score(scale, oxygen))
                    .then_some((earlier, counted))
            })
            .collect()
    }
}

/// How far past "now" a set may be dated and still count as taken: clocks of devices and
/// servers differ by seconds to a few minutes. A set dated later than this is in the future:
/// a wrong date, which must not stand in for the real latest set (a decision of this project,
/// docs/clinical-rules.md, "Sets dated in the future").
pub const CLOCK_SKEW: Duration = Duration::from_secs(5 * 60);

/// A patient's sets, oldest first, whatever order they arrived in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    sets: Vec<ObservationSet>,
}

impl History {
    pub fn new(mut sets: Vec<ObservationSet>) -> Self {
        sets.sort_by_cached_key(ObservationSet::severity_at_its_time);
        History { sets }
    }

    /// Every set, oldest first, including any dated in the future.
    pub fn sets(&self) -> &[ObservationSet] {
        &self.sets
    }

    /// The history as it stands at `now`: which sets are taken, and which are dated in the
    /// future. Everything that depends on "the latest" set goes through this, so a wrong date
    /// cannot make a set the latest.
    pub fn as_of(&self, now: Timestamp) -> AsOf<'_> {
        let limit = now.plus(CLOCK_SKEW);
        let split = self.sets.partition_point(|set| set.taken_at() <= limit);
        let (taken, future) = self.sets.split_at(split);
        AsOf { taken, future, now }
    }
}

/// A history at a moment: the sets taken by then, and those dated after it.
#[derive(Clone, Copy, Debug)]
pub struct AsOf<'a> {
    taken: &'a [ObservationSet],
    future: &'a [ObservationSet],
    now: Timestamp,
}

impl<'a> AsOf<'a> {
    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// The sets taken by now, oldest first.
    pub fn sets(&self) -> &'a [ObservationSet] {
        self.taken
    }

    /// Sets dated more than [`CLOCK_SKEW`] after now: shown and reported, never the latest.
    pub fn future(&self) -> &'a [ObservationSet] {
        self.future
    }

    pub fn latest(&self) -> Option<&'a ObservationSet> {
        self.taken.last()
    }

    /// The newest set with every parameter scored.
    pub fn latest_complete(&self) -> Option<&'a ObservationSet> {
        self.taken
            .iter()
            .rev()
            .find(|set| matches!(set.score(), News2::Complete(_)))
    }

    /// The sets after the latest complete one (all of them if none is complete), oldest first:
    /// each is incomplete.
    pub fn since_latest_complete(&self) -> &'a [ObservationSet] {
        let after = self
            .taken
            .iter()
            .rposition(|set| matches!(set.score(), News2::Complete(_)))
            .map_or(0, |i| i + 1);
        &self.taken[after..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::vital_signs::{Consciousness, Quantity, Reading};

    fn vitals(spo2: &str, on_oxygen: bool) -> VitalSigns {
        let r = |q, t| Some(Reading::parse(q, t).unwrap());
        VitalSigns {
            respiratory_rate: r(Quantity::RespiratoryRate, "16"),
            spo2: r(Quantity::Spo2, spo2),
            spo2_scale: Spo2Scale::Scale1,
            on_oxygen: Some(on_oxygen),
            systolic_bp: r(Quantity::SystolicBp, "120"),
            pulse: r(Quantity::Pulse, "70"),
            consciousness: Some(Consciousness::Alert),
            temperature: r(Quantity::Temperature, "37.0"),
        }
    }

    const T0: Timestamp = Timestamp::from_millis(1_700_000_000_000);

    #[test]
    fn scale_2_needs_a_decision_made_by_then_or_the_source_s_own_scale_2() {
        let decision = Scale2Decision::new("Dr. Lege", T0).unwrap();
        assert!(Scale2Decision::new("  ", T0).is_err());
        let before = Timestamp::from_millis(T0.millis() - 1);
        assert_eq!(
            Spo2ScaleBasis::for_set(before, Some(&decision), false),
            Spo2ScaleBasis::Default
        );
        assert_eq!(
            Spo2ScaleBasis::for_set(before, Some(&decision), true),
            Spo2ScaleBasis::SourceObservation
        );
        assert_eq!(
            Spo2ScaleBasis::for_set(T0, Some(&decision), false),
            Spo2ScaleBasis::PatientDecision(decision.clone())
        );
        assert_eq!(
            Spo2ScaleBasis::for_set(T0, None, false).scale(),
            Spo2Scale::Scale1
        );
    }

    // Issue 10, case 6: a decision has an end; sets after it are on Scale 1 again.
    #[test]
    fn a_scale_2_decision_covers_only_its_own_time() {
        let end = Timestamp::from_millis(T0.millis() + 3_600_000);
        let decision = Scale2Decision::new("Dr. Lege", T0)
            .and_then(|d| d.ending(end))
            .unwrap();
        let basis = |at: Timestamp| Spo2ScaleBasis::for_set(at, Some(&decision), false).scale();
        assert_eq!(basis(T0), Spo2Scale::Scale2);
        assert_eq!(
            basis(Timestamp::from_millis(end.millis() - 1)),
            Spo2Scale::Scale2
        );
        assert_eq!(basis(end), Spo2Scale::Scale1);
        assert!(
            Scale2Decision::new("Dr. Lege", T0)
                .unwrap()
                .ending(T0)
                .is_err()
        );
    }

    // A source's total over a set it did not complete may be a partial sum: it can raise the
    // set's band (a partial sum is never above the whole), but on a tie the values' own certain
    // band stands, not a number that may be partial.
    #[test]
    fn a_stated_total_over_an_incomplete_set_is_a_floor_not_the_set_s_total() {
        let mut v = vitals("95", false);
        v.temperature = None;
        v.respiratory_rate = Some(Reading::parse(Quantity::RespiratoryRate, "26").unwrap());
        let mut set = ObservationSet::new(T0, v, Spo2ScaleBasis::Default);
        set.stated = Some(StatedScore {
            total: Some(4),
            ..StatedScore::default()
        });
        assert_eq!(
            set.band(),
            Some((ClinicalRisk::LowMedium, BandBasis::Certain))
        );
        assert!(!set.is_total_only());
        set.stated = Some(StatedScore {
            total: Some(6),
            ..StatedScore::default()
        });
        assert_eq!(set.band(), Some((ClinicalRisk::Medium, BandBasis::Stated)));
        let only = {
            let mut only = ObservationSet::new(T0, VitalSigns::default(), Spo2ScaleBasis::Default);
            only.stated = set.stated;
            only
        };
        assert!(only.is_total_only());
        assert_eq!(only.band(), Some((ClinicalRisk::Medium, BandBasis::Stated)));
    }

    #[test]
    fn the_basis_not_the_input_decides_the_scale() {
        let mut claimed = vitals("90", false);
        claimed.spo2_scale = Spo2Scale::Scale2;
        let set = ObservationSet::new(T0, claimed, Spo2ScaleBasis::Default);
        assert_eq!(set.vitals().spo2_scale, Spo2Scale::Scale1);
        assert_eq!(
            set.score().sub_score(Parameter::Spo2),
            Some(SubScore::THREE)
        );
    }

    #[test]
    fn disagreements_with_the_source_are_listed_not_overwritten() {
        let mut set = ObservationSet::new(T0, vitals("95", false), Spo2ScaleBasis::Default);
        let mut stated = StatedScore {
            total: Some(3),
            ..StatedScore::default()
        };
        stated.sub_scores.spo2 = Some(SubScore::THREE);
        stated.sub_scores.pulse = Some(SubScore::ZERO);
        set.stated = Some(stated);
        assert_eq!(
            set.disagreements(),
            [
                Disagreement::SubScore {
                    parameter: Parameter::Spo2,
                    stated: 3,
                    computed: 1
                },
                Disagreement::Total {
                    stated: 3,
                    computed: 1
                },
            ]
        );
        set.stated = Some(StatedScore {
            total: Some(1),
            ..StatedScore::default()
        });
        assert_eq!(set.disagreements(), []);
    }

    #[test]
    fn a_source_s_sub_scores_fill_only_what_has_no_value() {
        let mut v = vitals("95", false);
        v.pulse = None;
        v.temperature = None;
        let mut set = ObservationSet::new(T0, v, Spo2ScaleBasis::Default);
        let mut stated = StatedScore {
            total: Some(6),
            ..StatedScore::default()
        };
        stated.sub_scores.spo2 = Some(SubScore::THREE);
        stated.sub_scores.pulse = Some(SubScore::TWO);
        stated.sub_scores.temperature = Some(SubScore::ONE);
        set.stated = Some(stated);
        let News2::Complete(score) = set.score() else {
            panic!("the source filled every gap")
        };
        // SpO2 95 scores 1 from its value; the source's 3 does not override it.
        assert_eq!(
            (score.sub_scores().spo2, score.total().value()),
            (SubScore::ONE, 4)
        );
        assert_eq!(
            set.source_only(),
            [Parameter::Pulse, Parameter::Temperature]
        );
        assert_eq!(
            set.disagreements(),
            [
                Disagreement::SubScore {
                    parameter: Parameter::Spo2,
                    stated: 3,
                    computed: 1
                },
                Disagreement::Total {
                    stated: 6,
                    computed: 4
                },
            ]
        );
    }

    #[test]
    fn history_is_kept_oldest_first() {
        let at = |minutes: i64| {
            ObservationSet::new(
                Timestamp::from_millis(T0.millis() + minutes * 60_000),
                vitals("98", false),
                Spo2ScaleBasis::Default,
            )
        };
        let history = History::new(vec![at(30), at(0), at(60)]);
        let times: Vec<i64> = history
            .sets()
            .iter()
            .map(|s| (s.taken_at().millis() - T0.millis()) / 60_000)
            .collect();
        assert_eq!(times, [0, 30, 60]);
    }
}
