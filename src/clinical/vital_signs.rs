//! The seven NEWS2 parameters as measured, checked against what a living body can show, and
//! charted at NEWS2 resolution.
//!
//! A [`Reading`] can only be made from a value inside its parameter's physical range, so an
//! impossible value (negative, SpO2 above 100 %, …) is rejected with a reason where it enters,
//! and everything downstream scores only charted, possible values. The ranges are decisions of
//! this project, written down with their reasons in docs/clinical-rules.md.

use std::cmp::Ordering;
use std::fmt;

use super::decimal::{Decimal, DecimalError};
use super::units::{Exact, Unit};

/// One NEWS2 parameter: a row of RCP Chart 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Parameter {
    RespiratoryRate,
    Spo2,
    /// Whether the patient breathes air or receives supplemental oxygen.
    AirOrOxygen,
    SystolicBp,
    Pulse,
    Consciousness,
    Temperature,
}

impl Parameter {
    /// The rows of Chart 1, in chart order.
    pub const ALL: [Parameter; 7] = [
        Parameter::RespiratoryRate,
        Parameter::Spo2,
        Parameter::AirOrOxygen,
        Parameter::SystolicBp,
        Parameter::Pulse,
        Parameter::Consciousness,
        Parameter::Temperature,
    ];

    /// The parameter's stable public name, as the JavaScript API's input field, the
    /// `data-parameter` attribute and the events write it.
    pub const fn name(self) -> &'static str {
        match self {
            Parameter::RespiratoryRate => "respiratoryRate",
            Parameter::Spo2 => "spo2",
            Parameter::AirOrOxygen => "onOxygen",
            Parameter::SystolicBp => "systolicBp",
            Parameter::Pulse => "pulse",
            Parameter::Consciousness => "consciousness",
            Parameter::Temperature => "temperature",
        }
    }
}

/// A measured quantity of NEWS2, with its unit, chart resolution and physical range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quantity {
    /// Breaths per minute.
    RespiratoryRate,
    /// Peripheral oxygen saturation, percent.
    Spo2,
    /// Systolic blood pressure, mmHg.
    SystolicBp,
    /// Heart beats per minute.
    Pulse,
    /// Degrees Celsius.
    Temperature,
}

impl Quantity {
    /// Decimals kept when charting: NEWS2 bands are whole numbers except temperature (0.1 °C).
    pub const fn chart_places(self) -> u32 {
        match self {
            Quantity::Temperature => 1,
            _ => 0,
        }
    }

    /// The lowest and highest value a living patient can show; outside it a value is an entry
    /// or device error. Reasons in docs/clinical-rules.md ("Physical ranges").
    pub const fn physical_range(self) -> (Decimal, Decimal) {
        match self {
            Quantity::RespiratoryRate => (Decimal::new(0, 0), Decimal::new(120, 0)),
            Quantity::Spo2 => (Decimal::new(0, 0), Decimal::new(100, 0)),
            Quantity::SystolicBp => (Decimal::new(0, 0), Decimal::new(500, 0)),
            Quantity::Pulse => (Decimal::new(0, 0), Decimal::new(600, 0)),
            Quantity::Temperature => (Decimal::new(100, 1), Decimal::new(470, 1)),
        }
    }

    /// Charted values (in units of 10^-[`Quantity::chart_places`]) outside this range are
    /// possible but unusual enough to verify before trusting: a device slipping, a typing
    /// error. Reasons in docs/clinical-rules.md ("Values to verify").
    pub const fn usual_range(self) -> (u32, u32) {
        match self {
            Quantity::RespiratoryRate => (5, 60),
            Quantity::Spo2 => (70, 100),
            Quantity::SystolicBp => (60, 250),
            Quantity::Pulse => (30, 200),
            Quantity::Temperature => (320, 420),
        }
    }

    /// The Chart 1 row this quantity is scored on.
    pub const fn parameter(self) -> Parameter {
        match self {
            Quantity::RespiratoryRate => Parameter::RespiratoryRate,
            Quantity::Spo2 => Parameter::Spo2,
            Quantity::SystolicBp => Parameter::SystolicBp,
            Quantity::Pulse => Parameter::Pulse,
            Quantity::Temperature => Parameter::Temperature,
        }
    }
}

/// A possible value of one quantity: the decimal and unit as written, and as charted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    quantity: Quantity,
    raw: Decimal,
    unit: Unit,
    charted: u32,
}

/// Why a value cannot be a reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvalidReading {
    /// Not a decimal number (text, an exponent, NaN, …).
    NotANumber,
    /// Below zero.
    Negative,
    /// Below the lowest value a living patient can show (in the chart unit).
    BelowRange { min: Decimal },
    /// Above the highest value a living patient can show (in the chart unit).
    AboveRange { max: Decimal },
    /// More decimals than any device gives.
    TooPrecise,
    /// A unit code the widget does not know; it is never guessed.
    UnknownUnit,
    /// A known unit that does not measure this quantity (`%` for a pulse).
    WrongUnit(Unit),
}

impl Reading {
    /// A value in the chart's own unit (/min, %, mmHg, °C): see [`Reading::measured`].
    pub fn new(quantity: Quantity, raw: Decimal) -> Result<Self, InvalidReading> {
        Reading::measured(quantity, raw, Unit::chart_unit(quantity))
    }

    /// Converts a value exactly to the chart unit, checks it against the quantity's physical
    /// range, and charts it by half-up rounding.
    pub fn measured(quantity: Quantity, raw: Decimal, unit: Unit) -> Result<Self, InvalidReading> {
        if !unit.measures(quantity) {
            return Err(InvalidReading::WrongUnit(unit));
        }
        let (min, max) = quantity.physical_range();
        // A negative °F can be a real temperature scale reading; it is simply below the range.
        if raw.is_negative() && unit != Unit::Fahrenheit {
            return Err(InvalidReading::Negative);
        }
        let exact = Exact::convert(raw, unit).ok_or(InvalidReading::AboveRange { max })?;
        if exact.cmp_decimal(min) == Ordering::Less {
            return Err(InvalidReading::BelowRange { min });
        }
        if exact.cmp_decimal(max) == Ordering::Greater {
            return Err(InvalidReading::AboveRange { max });
        }
        // In range, so the charted value lies between 0 and 600 × 10: it fits a u32.
        let charted = exact.round_half_up(quantity.chart_places()) as u32;
        Ok(Reading {
            quantity,
            raw,
            unit,
            charted,
        })
    }

    /// A value with its UCUM unit code, as FHIR sends it.
    pub fn from_ucum(quantity: Quantity, raw: Decimal, code: &str) -> Result<Self, InvalidReading> {
        let unit = Unit::from_ucum(code).ok_or(InvalidReading::UnknownUnit)?;
        Reading::measured(quantity, raw, unit)
    }

    /// Parses text as a nurse types it (decimal point or comma) in the chart unit.
    pub fn parse(quantity: Quantity, text: &str) -> Result<Self, InvalidReading> {
        Reading::new(
            quantity,
            Decimal::parse(text).map_err(|e| InvalidReading::from_decimal(quantity, e))?,
        )
    }

    /// Takes a float as the decimal it is written as (see [`Decimal::from_f64`]), in the chart
    /// unit.
    pub fn from_f64(quantity: Quantity, value: f64) -> Result<Self, InvalidReading> {
        match Decimal::from_f64(value) {
            None => Err(InvalidReading::NotANumber),
            Some(parsed) => Reading::new(
                quantity,
                parsed.map_err(|e| InvalidReading::from_decimal(quantity, e))?,
            ),
        }
    }

    pub fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// The value as it was written, in [`Reading::unit`].
    pub fn raw(&self) -> Decimal {
        self.raw
    }

    /// The unit the value was written in.
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The value at chart resolution in the chart unit, in units of
    /// 10^-[`Quantity::chart_places`] (temperature in tenths of a degree: 38.1 °C is 381).
    pub fn charted(&self) -> u32 {
        self.charted
    }

    /// The charted value as a decimal, for display beside the raw one.
    pub fn charted_decimal(&self) -> Decimal {
        Decimal::new(i128::from(self.charted), self.quantity.chart_places())
    }

    /// Possible but unusual (outside [`Quantity::usual_range`]): to be verified before it is
    /// trusted. It is scored all the same.
    pub fn needs_verification(&self) -> bool {
        let (low, high) = self.quantity.usual_range();
        !(low..=high).contains(&self.charted)
    }
}

impl fmt::Display for InvalidReading {
    /// In English, for integrators' logs; the UI words it in the user's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvalidReading::NotANumber => f.write_str("is not a number"),
            InvalidReading::Negative => f.write_str("is negative"),
            InvalidReading::BelowRange { min } => {
                write!(f, "is below {min}, which no living patient has")
            }
            InvalidReading::AboveRange { max } => {
                write!(f, "is above {max}, which is not possible")
            }
            InvalidReading::TooPrecise => f.write_str("has more decimals than any measurement"),
            InvalidReading::UnknownUnit => f.write_str("has a unit this widget does not know"),
            InvalidReading::WrongUnit(unit) => write!(
                f,
                "has the unit {}, which does not measure this",
                unit.ucum()
            ),
        }
    }
}

impl InvalidReading {
    fn from_decimal(quantity: Quantity, error: DecimalError) -> Self {
        match error {
            DecimalError::Empty | DecimalError::Malformed => InvalidReading::NotANumber,
            DecimalError::TooPrecise => InvalidReading::TooPrecise,
            // More than 18 digits before the point is above every physical range.
            DecimalError::TooLarge => InvalidReading::AboveRange {
                max: quantity.physical_range().1,
            },
        }
    }
}

/// ACVPU: the consciousness row of Chart 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Consciousness {
    /// A: alert.
    Alert,
    /// C: new confusion (new-onset confusion, disorientation or agitation; not chronic).
    NewConfusion,
    /// V: responds to voice.
    Voice,
    /// P: responds to pain.
    Pain,
    /// U: unresponsive.
    Unresponsive,
}

impl Consciousness {
    pub const ALL: [Consciousness; 5] = [
        Consciousness::Alert,
        Consciousness::NewConfusion,
        Consciousness::Voice,
        Consciousness::Pain,
        Consciousness::Unresponsive,
    ];

    /// The ACVPU letter.
    pub const fn letter(self) -> char {
        match self {
            Consciousness::Alert => 'A',
            Consciousness::NewConfusion => 'C',
            Consciousness::Voice => 'V',
            Consciousness::Pain => 'P',
            Consciousness::Unresponsive => 'U',
        }
    }

    /// From the ACVPU letter, upper case only: a lower-case `c` in a record is more likely a
    /// typing slip than a clinical finding, so it is refused rather than guessed.
    pub fn from_letter(letter: &str) -> Option<Self> {
        Consciousness::ALL
            .into_iter()
            .find(|c| letter.len() == 1 && letter.starts_with(c.letter()))
    }
}

/// Which SpO2 row of Chart 1 scores the saturation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Spo2Scale {
    /// The default, for every patient without a documented Scale 2 decision.
    #[default]
    Scale1,
    /// Only for a prescribed target of 88–92 % (e.g. hypercapnic respiratory failure), decided
    /// and documented by a competent clinician; never inferred.
    Scale2,
}

/// One set of NEWS2 vital signs as entered or received; any parameter may be missing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VitalSigns {
    pub respiratory_rate: Option<Reading>,
    pub spo2: Option<Reading>,
    pub spo2_scale: Spo2Scale,
    /// `Some(true)` on supplemental oxygen, `Some(false)` on room air.
    pub on_oxygen: Option<bool>,
    pub systolic_bp: Option<Reading>,
    pub pulse: Option<Reading>,
    pub consciousness: Option<Consciousness>,
    pub temperature: Option<Reading>,
}

impl fmt::Display for Parameter {
    /// The parameter's name in English, for developers' messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Parameter::RespiratoryRate => "respiration rate",
            Parameter::Spo2 => "SpO2",
            Parameter::AirOrOxygen => "air or oxygen",
            Parameter::SystolicBp => "systolic blood pressure",
            Parameter::Pulse => "pulse",
            Parameter::Consciousness => "consciousness",
            Parameter::Temperature => "temperature",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_values_are_refused_with_the_reason() {
        assert_eq!(
            Reading::parse(Quantity::Spo2, "101"),
            Err(InvalidReading::AboveRange {
                max: Decimal::new(100, 0)
            })
        );
        assert_eq!(
            Reading::parse(Quantity::Spo2, "100.4"),
            Err(InvalidReading::AboveRange {
                max: Decimal::new(100, 0)
            })
        );
        assert_eq!(
            Reading::parse(Quantity::Pulse, "-1"),
            Err(InvalidReading::Negative)
        );
        assert_eq!(
            Reading::parse(Quantity::Temperature, "9.9"),
            Err(InvalidReading::BelowRange {
                min: Decimal::new(100, 1)
            })
        );
        assert_eq!(
            Reading::parse(Quantity::Temperature, "-0.0").map(|r| r.charted()),
            Err(InvalidReading::BelowRange {
                min: Decimal::new(100, 1)
            })
        );
        assert_eq!(
            Reading::parse(Quantity::RespiratoryRate, "twelve"),
            Err(InvalidReading::NotANumber)
        );
        assert_eq!(
            Reading::from_f64(Quantity::Pulse, f64::NAN),
            Err(InvalidReading::NotANumber)
        );
        assert!(matches!(
            Reading::from_f64(Quantity::SystolicBp, 1e40),
            Err(InvalidReading::AboveRange { .. })
        ));
    }

    #[test]
    fn range_edges_are_possible_values() {
        for quantity in [
            Quantity::RespiratoryRate,
            Quantity::Spo2,
            Quantity::SystolicBp,
            Quantity::Pulse,
            Quantity::Temperature,
        ] {
            let (min, max) = quantity.physical_range();
            assert!(Reading::new(quantity, min).is_ok(), "{quantity:?} {min}");
            assert!(Reading::new(quantity, max).is_ok(), "{quantity:?} {max}");
        }
    }

    #[test]
    fn charts_at_the_chart_resolution_and_keeps_the_raw_value() {
        let t = Reading::parse(Quantity::Temperature, "38,05").unwrap();
        assert_eq!(
            (
                t.raw().to_string(),
                t.charted(),
                t.charted_decimal().to_string()
            ),
            ("38.05".into(), 381, "38.1".into())
        );
        assert_eq!(
            Reading::parse(Quantity::RespiratoryRate, "20.5")
                .unwrap()
                .charted(),
            21
        );
        assert_eq!(
            Reading::from_f64(Quantity::Temperature, 38.04)
                .unwrap()
                .charted(),
            380
        );
    }

    #[test]
    fn other_units_are_converted_exactly_and_unknown_ones_refused() {
        let d = |t| Decimal::parse(t).unwrap();
        let t = Reading::from_ucum(Quantity::Temperature, d("100.49"), "[degF]").unwrap();
        assert_eq!(
            (t.raw().to_string(), t.unit(), t.charted()),
            ("100.49".into(), Unit::Fahrenheit, 381)
        );
        // 0.97 in % is 1 %, not 97 %: possible in principle, so kept, but marked for verification.
        let fraction_as_percent = Reading::from_ucum(Quantity::Spo2, d("0.97"), "%").unwrap();
        assert_eq!(
            (
                fraction_as_percent.charted(),
                fraction_as_percent.needs_verification()
            ),
            (1, true)
        );
        assert_eq!(
            Reading::from_ucum(Quantity::Spo2, d("0.97"), "1")
                .unwrap()
                .charted(),
            97
        );
        assert_eq!(
            Reading::from_ucum(Quantity::Spo2, d("1.01"), "1"),
            Err(InvalidReading::AboveRange {
                max: Decimal::new(100, 0)
            })
        );
        assert_eq!(
            Reading::from_ucum(Quantity::SystolicBp, d("16"), "kPa")
                .unwrap()
                .charted(),
            120
        );
        assert_eq!(
            Reading::from_ucum(Quantity::Pulse, d("70"), "{beats}/min")
                .unwrap()
                .charted(),
            70
        );
        assert_eq!(
            Reading::from_ucum(Quantity::Pulse, d("70"), "bpm"),
            Err(InvalidReading::UnknownUnit)
        );
        assert_eq!(
            Reading::from_ucum(Quantity::Pulse, d("70"), "%"),
            Err(InvalidReading::WrongUnit(Unit::Percent))
        );
        assert_eq!(
            Reading::from_ucum(Quantity::Temperature, d("-40"), "[degF]"),
            Err(InvalidReading::BelowRange {
                min: Decimal::new(100, 1)
            })
        );
        assert_eq!(
            Reading::from_ucum(Quantity::Temperature, d("99999999"), "[degF]"),
            Err(InvalidReading::AboveRange {
                max: Decimal::new(470, 1)
            })
        );
    }

    #[test]
    fn unusual_values_are_scored_but_marked_for_verification() {
        let verify = |q, t| Reading::parse(q, t).unwrap().needs_verification();
        assert!(verify(Quantity::RespiratoryRate, "4") && !verify(Quantity::RespiratoryRate, "5"));
        assert!(verify(Quantity::Spo2, "69") && !verify(Quantity::Spo2, "70"));
        assert!(verify(Quantity::SystolicBp, "251") && !verify(Quantity::SystolicBp, "250"));
        assert!(verify(Quantity::Pulse, "29") && !verify(Quantity::Pulse, "200"));
        assert!(verify(Quantity::Temperature, "31,9") && !verify(Quantity::Temperature, "42,0"));
        assert!(
            verify(Quantity::Temperature, "42,05"),
            "judged on the charted value 42.1"
        );
    }

    #[test]
    fn consciousness_letters_are_exact() {
        assert_eq!(
            Consciousness::from_letter("C"),
            Some(Consciousness::NewConfusion)
        );
        for letter in ["c", "", "AV", "X", "Alert"] {
            assert_eq!(Consciousness::from_letter(letter), None, "{letter:?}");
        }
    }
}
