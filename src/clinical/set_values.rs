//! The values one set holds for each parameter, when a parameter was measured more than once.
//!
//! Real sources send a bedside round as separate measurements minutes apart, re-check a value
//! that looked wrong, send the same measurement twice under two ids, and now and then two
//! different values for one parameter at one moment (two systolic components in one panel, two
//! versions of one Observation). Which value counts is a clinical rule, decided here and never
//! by the order the values arrived in (docs/clinical-rules.md, "Values measured more than
//! once"):
//!
//! - the value measured last counts; an earlier one was re-checked, and is kept so the table
//!   can show it;
//! - different values at that same last moment conflict: all are kept, the set is flagged, and
//!   the most severe counts (the highest sub-score), so a set never reads calmer than one of its
//!   own readings;
//! - the same value at the same moment from two origins is one measurement: counted once, and
//!   the second origin is reported as a duplicate.

use std::cmp::Reverse;

use super::chart1::{self, SubScore};
use super::time::Timestamp;
use super::vital_signs::{Consciousness, Parameter, Quantity, Reading, Spo2Scale, VitalSigns};

/// One measured value of one Chart 1 row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeasuredValue {
    Reading(Reading),
    Consciousness(Consciousness),
    /// `true` on supplemental oxygen, `false` on room air.
    OnOxygen(bool),
}

impl MeasuredValue {
    pub fn parameter(&self) -> Parameter {
        match self {
            MeasuredValue::Reading(reading) => reading.quantity().parameter(),
            MeasuredValue::Consciousness(_) => Parameter::Consciousness,
            MeasuredValue::OnOxygen(_) => Parameter::AirOrOxygen,
        }
    }

    /// The sub-score this value would give in a set on `scale` with `on_oxygen`. Where it
    /// cannot be known (SpO2 on Scale 2 at 93 % or more with air or oxygen unknown) the worse
    /// of the two possibilities, since this ranks severity and must never rank calmer.
    pub fn sub_score(&self, scale: Spo2Scale, on_oxygen: Option<bool>) -> SubScore {
        match *self {
            MeasuredValue::Consciousness(level) => chart1::consciousness(level),
            MeasuredValue::OnOxygen(on) => chart1::air_or_oxygen(on),
            MeasuredValue::Reading(reading) => {
                let charted = reading.charted();
                match reading.quantity() {
                    Quantity::RespiratoryRate => chart1::respiratory_rate(charted),
                    Quantity::Spo2 if scale == Spo2Scale::Scale1 => chart1::spo2_scale1(charted),
                    Quantity::Spo2 => [Some(true), Some(false)]
                        .into_iter()
                        .filter(|o| on_oxygen.is_none() || *o == on_oxygen)
                        .filter_map(|o| chart1::spo2_scale2(charted, o))
                        .max()
                        .unwrap_or(SubScore::THREE),
                    Quantity::SystolicBp => chart1::systolic_bp(charted),
                    Quantity::Pulse => chart1::pulse(charted),
                    Quantity::Temperature => chart1::temperature(charted),
                }
            }
        }
    }

    /// A total order among values of one parameter that has nothing to do with arrival, so a
    /// choice between equally severe values is the same whatever order they came in.
    fn order_key(&self) -> (u8, i128, u32) {
        match self {
            MeasuredValue::Reading(reading) => (0, reading.raw().round_half_up(6), 0),
            MeasuredValue::Consciousness(level) => (1, 0, u32::from(level.letter())),
            MeasuredValue::OnOxygen(on) => (2, i128::from(*on), 0),
        }
    }
}

/// A value as it was measured: when, and from where (an Observation's key, or an entry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    pub value: MeasuredValue,
    pub at: Timestamp,
    pub origin: String,
}

/// An earlier value of a parameter that a later measurement in the same set replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rechecked {
    pub value: MeasuredValue,
    pub at: Timestamp,
}

/// Different values of one parameter at one moment. All are kept; the first, the most severe,
/// is the one the set is scored with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueConflict {
    pub parameter: Parameter,
    pub at: Timestamp,
    /// Every distinct value, most severe first.
    pub values: Vec<MeasuredValue>,
}

impl ValueConflict {
    /// The value the set is scored with (the first, the most severe).
    pub fn counted(&self) -> Option<MeasuredValue> {
        self.values.first().copied()
    }
}

/// The same value at the same moment from a second origin: counted once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub parameter: Parameter,
    /// The origin that counts.
    pub kept: String,
    /// The origin counted as the same measurement.
    pub merged: String,
}

/// What a set's values come to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    /// The values that count, on the scale given.
    pub vitals: VitalSigns,
    /// For each parameter with a value, the origin of the value that counts.
    pub counted_from: Vec<(Parameter, String)>,
    pub rechecked: Vec<Rechecked>,
    pub conflicts: Vec<ValueConflict>,
    pub duplicates: Vec<Duplicate>,
}

impl Resolved {
    /// Where the counted value of `parameter` came from.
    pub fn origin(&self, parameter: Parameter) -> Option<&str> {
        self.counted_from
            .iter()
            .find(|(p, _)| *p == parameter)
            .map(|(_, origin)| origin.as_str())
    }
}

/// Gathers every value measured for one set, then decides which count.
#[derive(Clone, Debug, Default)]
pub struct SetValues {
    measured: Vec<Measured>,
}

impl SetValues {
    pub fn new() -> Self {
        SetValues::default()
    }

    pub fn add(&mut self, value: MeasuredValue, at: Timestamp, origin: &str) {
        self.measured.push(Measured {
            value,
            at,
            origin: origin.to_string(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.measured.is_empty()
    }

    /// The parameters with at least one value.
    pub fn parameters(&self) -> Vec<Parameter> {
        Parameter::ALL
            .into_iter()
            .filter(|&p| self.measured.iter().any(|m| m.value.parameter() == p))
            .collect()
    }

    /// Which values count, on `scale`. Air or oxygen is decided first, since the severity of
    /// an SpO2 on Scale 2 depends on it.
    pub fn resolve(&self, scale: Spo2Scale) -> Resolved {
        let mut resolved = Resolved {
            vitals: VitalSigns {
                spo2_scale: scale,
                ..VitalSigns::default()
            },
            ..Resolved::default()
        };
        let order = [
            Parameter::AirOrOxygen,
            Parameter::RespiratoryRate,
            Parameter::Spo2,
            Parameter::SystolicBp,
            Parameter::Pulse,
            Parameter::Consciousness,
            Parameter::Temperature,
        ];
        for parameter in order {
            let mut values: Vec<&Measured> = self
                .measured
                .iter()
                .filter(|m| m.value.parameter() == parameter)
                .collect();
            let Some(last) = values.iter().map(|m| m.at).max() else {
                continue;
            };
            let on_oxygen = resolved.vitals.on_oxygen;
            // Most severe first; among equals a fixed order of value and origin.
            values.sort_by_key(|m| {
                (
                    Reverse(m.value.sub_score(scale, on_oxygen)),
                    m.value.order_key(),
                    m.origin.clone(),
                    m.at,
                )
            });
            let (latest, earlier): (Vec<&Measured>, Vec<&Measured>) =
                values.into_iter().partition(|m| m.at == last);
            let mut distinct: Vec<&Measured> = Vec::new();
            for measured in latest {
                match distinct.iter().find(|d| d.value == measured.value) {
                    Some(kept) => resolved.duplicates.push(Duplicate {
                        parameter,
                        kept: kept.origin.clone(),
                        merged: measured.origin.clone(),
                    }),
                    None => distinct.push(measured),
                }
            }
            let counted = distinct[0];
            set_value(&mut resolved.vitals, counted.value);
            resolved
                .counted_from
                .push((parameter, counted.origin.clone()));
            if distinct.len() > 1 {
                resolved.conflicts.push(ValueConflict {
                    parameter,
                    at: last,
                    values: distinct.iter().map(|m| m.value).collect(),
                });
            }
            let mut rechecked: Vec<Rechecked> = Vec::new();
            for measured in earlier {
                let earlier = Rechecked {
                    value: measured.value,
                    at: measured.at,
                };
                if !rechecked.contains(&earlier) {
                    rechecked.push(earlier);
                }
            }
            rechecked.sort_by_key(|r| (r.at, r.value.order_key()));
            resolved.rechecked.extend(rechecked);
        }
        // Chart order, for the views.
        resolved
            .counted_from
            .sort_by_key(|(p, _)| Parameter::ALL.iter().position(|q| q == p));
        resolved
            .conflicts
            .sort_by_key(|c| Parameter::ALL.iter().position(|q| *q == c.parameter));
        resolved
    }
}

fn set_value(vitals: &mut VitalSigns, value: MeasuredValue) {
    match value {
        MeasuredValue::OnOxygen(on) => vitals.on_oxygen = Some(on),
        MeasuredValue::Consciousness(level) => vitals.consciousness = Some(level),
        MeasuredValue::Reading(reading) => {
            let slot = match reading.quantity() {
                Quantity::RespiratoryRate => &mut vitals.respiratory_rate,
                Quantity::Spo2 => &mut vitals.spo2,
                Quantity::SystolicBp => &mut vitals.systolic_bp,
                Quantity::Pulse => &mut vitals.pulse,
                Quantity::Temperature => &mut vitals.temperature,
            };
            *slot = Some(reading);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Timestamp = Timestamp::from_millis(1_767_225_600_000);

    fn later(minutes: i64) -> Timestamp {
        Timestamp::from_millis(T.millis() + minutes * 60_000)
    }

    fn pulse(text: &str) -> MeasuredValue {
        MeasuredValue::Reading(Reading::parse(Quantity::Pulse, text).expect("a pulse"))
    }

    fn spo2(text: &str) -> MeasuredValue {
        MeasuredValue::Reading(Reading::parse(Quantity::Spo2, text).expect("an SpO2"))
    }

    #[test]
    fn a_re_check_counts_and_the_earlier_value_is_kept() {
        let mut values = SetValues::new();
        values.add(pulse("135"), T, "Observation/first");
        values.add(pulse("95"), later(2), "Observation/again");
        let resolved = values.resolve(Spo2Scale::Scale1);
        assert_eq!(resolved.vitals.pulse.map(|r| r.charted()), Some(95));
        assert_eq!(
            resolved.rechecked,
            [Rechecked {
                value: pulse("135"),
                at: T
            }]
        );
        assert_eq!(resolved.origin(Parameter::Pulse), Some("Observation/again"));
        assert!(resolved.conflicts.is_empty());
    }

    #[test]
    fn different_values_at_one_moment_conflict_and_the_more_severe_counts_in_any_order() {
        for order in [["90", "130"], ["130", "90"]] {
            let mut values = SetValues::new();
            for (i, text) in order.iter().enumerate() {
                values.add(
                    MeasuredValue::Reading(
                        Reading::parse(Quantity::SystolicBp, text).expect("a pressure"),
                    ),
                    T,
                    &format!("Observation/bp{i}"),
                );
            }
            let resolved = values.resolve(Spo2Scale::Scale1);
            assert_eq!(
                resolved.vitals.systolic_bp.map(|r| r.charted()),
                Some(90),
                "{order:?}"
            );
            assert_eq!(resolved.conflicts.len(), 1);
            assert_eq!(resolved.conflicts[0].values.len(), 2);
        }
    }

    #[test]
    fn the_same_value_twice_is_one_measurement_reported_as_a_duplicate() {
        let mut values = SetValues::new();
        values.add(pulse("80"), T, "Observation/b");
        values.add(pulse("80"), T, "Observation/a");
        let resolved = values.resolve(Spo2Scale::Scale1);
        assert!(resolved.conflicts.is_empty() && resolved.rechecked.is_empty());
        assert_eq!(
            resolved.duplicates,
            [Duplicate {
                parameter: Parameter::Pulse,
                kept: "Observation/a".into(),
                merged: "Observation/b".into()
            }]
        );
    }

    #[test]
    fn scale_2_severity_follows_the_oxygen_that_counts() {
        // 95 % on oxygen scores 2 on Scale 2; 90 % scores 0: the 95 is the more severe.
        let mut values = SetValues::new();
        values.add(MeasuredValue::OnOxygen(true), T, "o2");
        values.add(spo2("90"), T, "a");
        values.add(spo2("95"), T, "b");
        let resolved = values.resolve(Spo2Scale::Scale2);
        assert_eq!(resolved.vitals.spo2.map(|r| r.charted()), Some(95));
        // On Scale 1 the 90 % is the severe one.
        assert_eq!(
            values
                .resolve(Spo2Scale::Scale1)
                .vitals
                .spo2
                .map(|r| r.charted()),
            Some(90)
        );
    }
}
