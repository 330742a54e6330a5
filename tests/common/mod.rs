//! Builders shared by the engine's tests: sets of vital signs by their values, at times counted
//! in minutes from a fixed start.
#![allow(dead_code)] // Each test file uses its own part of these.

pub mod year;

use news2_widget::clinical::observation_set::{History, ObservationSet, Spo2ScaleBasis};
use news2_widget::clinical::time::Timestamp;
use news2_widget::clinical::{Consciousness, Quantity, Reading, Spo2Scale, VitalSigns};

/// 2026-01-01T00:00:00Z.
pub const T0: Timestamp = Timestamp::from_millis(1_767_225_600_000);

pub fn minutes(m: i64) -> Timestamp {
    Timestamp::from_millis(T0.millis() + m * 60_000)
}

pub fn hours(h: i64) -> Timestamp {
    minutes(h * 60)
}

/// Vital signs built from the all-zero baseline: RR 16, SpO2 98 on air, SBP 120, pulse 70,
/// alert, 37.0 °C.
#[derive(Clone, Copy)]
pub struct Vitals(pub VitalSigns);

fn reading(quantity: Quantity, text: &str) -> Option<Reading> {
    Some(Reading::parse(quantity, text).unwrap_or_else(|e| panic!("{quantity:?} {text}: {e:?}")))
}

impl Vitals {
    pub fn baseline() -> Self {
        Vitals(VitalSigns {
            respiratory_rate: reading(Quantity::RespiratoryRate, "16"),
            spo2: reading(Quantity::Spo2, "98"),
            spo2_scale: Spo2Scale::Scale1,
            on_oxygen: Some(false),
            systolic_bp: reading(Quantity::SystolicBp, "120"),
            pulse: reading(Quantity::Pulse, "70"),
            consciousness: Some(Consciousness::Alert),
            temperature: reading(Quantity::Temperature, "37.0"),
        })
    }

    /// No values at all (a set that is only a total its source stated, say).
    pub fn none() -> Self {
        Vitals(VitalSigns::default())
    }

    /// A complete set with this total and no red score (total 0 to 7).
    pub fn total(total: u8) -> Self {
        let v = Vitals::baseline();
        match total {
            0 => v,
            1 => v.pulse("95"),
            2 => v.pulse("115"),
            3 => v.pulse("115").temperature("38.5"),
            4 => v.pulse("115").respiratory_rate("22"),
            5 => v.pulse("115").respiratory_rate("22").temperature("38.5"),
            6 => v
                .pulse("115")
                .respiratory_rate("22")
                .temperature("38.5")
                .spo2("95"),
            7 => v
                .pulse("115")
                .respiratory_rate("22")
                .temperature("38.5")
                .spo2("95")
                .systolic_bp("105"),
            _ => panic!("no builder for total {total}"),
        }
    }

    /// A complete set with a single red score (respiration 26) and total 3.
    pub fn red() -> Self {
        Vitals::baseline().respiratory_rate("26")
    }

    pub fn respiratory_rate(mut self, t: &str) -> Self {
        self.0.respiratory_rate = reading(Quantity::RespiratoryRate, t);
        self
    }
    pub fn spo2(mut self, t: &str) -> Self {
        self.0.spo2 = reading(Quantity::Spo2, t);
        self
    }
    pub fn systolic_bp(mut self, t: &str) -> Self {
        self.0.systolic_bp = reading(Quantity::SystolicBp, t);
        self
    }
    pub fn pulse(mut self, t: &str) -> Self {
        self.0.pulse = reading(Quantity::Pulse, t);
        self
    }
    pub fn temperature(mut self, t: &str) -> Self {
        self.0.temperature = reading(Quantity::Temperature, t);
        self
    }
    pub fn oxygen(mut self, on: bool) -> Self {
        self.0.on_oxygen = Some(on);
        self
    }
    pub fn without_temperature(mut self) -> Self {
        self.0.temperature = None;
        self
    }
    pub fn without_pulse(mut self) -> Self {
        self.0.pulse = None;
        self
    }

    /// The set, taken `m` minutes after [`T0`], on the default scale.
    pub fn at(self, m: i64) -> ObservationSet {
        ObservationSet::new(minutes(m), self.0, Spo2ScaleBasis::Default)
    }
}

pub fn history(sets: Vec<ObservationSet>) -> History {
    History::new(sets)
}
