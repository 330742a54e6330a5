//! RCP NEWS2 (2017) Chart 1: the sub-score of each parameter, from charted values.
//!
//! Each function is one row of the chart, written as the chart reads, lowest band first. The
//! chart is asymmetric on purpose (respiration 9–11 scores 1 but 21–24 scores 2; temperature
//! ≥39.1 scores 2, not 3): transcriptions often get this wrong, so tests/chart_reference.rs
//! checks every charted value against a separately written table of the chart.

use super::vital_signs::{Consciousness, Parameter};

/// A parameter's NEWS2 sub-score, 0 to 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SubScore(u8);

impl SubScore {
    pub const ZERO: SubScore = SubScore(0);
    pub const ONE: SubScore = SubScore(1);
    pub const TWO: SubScore = SubScore(2);
    pub const THREE: SubScore = SubScore(3);

    pub const fn value(self) -> u8 {
        self.0
    }

    /// A sub-score a source states for `parameter`, if Chart 1 can give that score for it
    /// (air or oxygen is 0 or 2, consciousness 0 or 3, the rest 0 to 3).
    pub fn stated(parameter: Parameter, value: u8) -> Option<SubScore> {
        let possible: &[u8] = match parameter {
            Parameter::AirOrOxygen => &[0, 2],
            Parameter::Consciousness => &[0, 3],
            _ => &[0, 1, 2, 3],
        };
        possible.contains(&value).then_some(SubScore(value))
    }

    /// A 3 in a single parameter: a "red score", low–medium risk by itself (Chart 3).
    pub const fn is_red(self) -> bool {
        self.0 == 3
    }
}

/// Breaths per minute.
pub fn respiratory_rate(per_minute: u32) -> SubScore {
    match per_minute {
        0..=8 => SubScore::THREE,
        9..=11 => SubScore::ONE,
        12..=20 => SubScore::ZERO,
        21..=24 => SubScore::TWO,
        _ => SubScore::THREE,
    }
}

/// SpO2 Scale 1, percent.
pub fn spo2_scale1(percent: u32) -> SubScore {
    match percent {
        0..=91 => SubScore::THREE,
        92..=93 => SubScore::TWO,
        94..=95 => SubScore::ONE,
        _ => SubScore::ZERO,
    }
}

/// SpO2 Scale 2, percent. At 93 % and above the score depends on whether the patient is on
/// oxygen (on air it is 0): `None` when that is not known, since guessing either way could
/// hide up to 3 points.
pub fn spo2_scale2(percent: u32, on_oxygen: Option<bool>) -> Option<SubScore> {
    let score = match (percent, on_oxygen) {
        (0..=83, _) => SubScore::THREE,
        (84..=85, _) => SubScore::TWO,
        (86..=87, _) => SubScore::ONE,
        (88..=92, _) => SubScore::ZERO,
        (_, None) => return None,
        (_, Some(false)) => SubScore::ZERO,
        (93..=94, Some(true)) => SubScore::ONE,
        (95..=96, Some(true)) => SubScore::TWO,
        (_, Some(true)) => SubScore::THREE,
    };
    Some(score)
}

/// Air or oxygen: supplemental oxygen scores 2, on either SpO2 scale.
pub fn air_or_oxygen(on_oxygen: bool) -> SubScore {
    if on_oxygen {
        SubScore::TWO
    } else {
        SubScore::ZERO
    }
}

/// Systolic blood pressure, mmHg.
pub fn systolic_bp(mmhg: u32) -> SubScore {
    match mmhg {
        0..=90 => SubScore::THREE,
        91..=100 => SubScore::TWO,
        101..=110 => SubScore::ONE,
        111..=219 => SubScore::ZERO,
        _ => SubScore::THREE,
    }
}

/// Beats per minute.
pub fn pulse(per_minute: u32) -> SubScore {
    match per_minute {
        0..=40 => SubScore::THREE,
        41..=50 => SubScore::ONE,
        51..=90 => SubScore::ZERO,
        91..=110 => SubScore::ONE,
        111..=130 => SubScore::TWO,
        _ => SubScore::THREE,
    }
}

/// ACVPU: anything but alert scores 3.
pub fn consciousness(level: Consciousness) -> SubScore {
    match level {
        Consciousness::Alert => SubScore::ZERO,
        _ => SubScore::THREE,
    }
}

/// Temperature in tenths of a degree Celsius (38.1 °C is 381).
pub fn temperature(tenths_celsius: u32) -> SubScore {
    match tenths_celsius {
        0..=350 => SubScore::THREE,
        351..=360 => SubScore::ONE,
        361..=380 => SubScore::ZERO,
        381..=390 => SubScore::ONE,
        _ => SubScore::TWO,
    }
}
