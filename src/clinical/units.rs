//! Units of measurement as FHIR sends them (UCUM codes), and exact conversion to the units the
//! NEWS2 chart is drawn in.
//!
//! A reading in °F or kPa is converted exactly, as a fraction, and only then rounded half-up to
//! chart resolution: converting through a rounded intermediate could move a value across a band
//! boundary (100.49 °F is 38.05 °C, which charts as 38.1 and scores 1). An unknown unit is
//! refused, never guessed.

use super::decimal::Decimal;
use super::vital_signs::Quantity;

/// A unit the widget accepts, by its UCUM code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// `Cel`: degrees Celsius, the chart's temperature unit.
    Celsius,
    /// `[degF]`: degrees Fahrenheit.
    Fahrenheit,
    /// `/min`, also with a UCUM annotation such as `{beats}/min` or `{breaths}/min`.
    PerMinute,
    /// `%`: the chart's SpO2 unit.
    Percent,
    /// `1` (or `{ratio}`): SpO2 as a fraction, 0.97 for 97 %.
    Fraction,
    /// `mm[Hg]`: the chart's blood pressure unit.
    MmHg,
    /// `kPa`.
    KiloPascal,
}

/// `canonical = (raw × numerator + offset) / denominator`, exactly.
struct Affine {
    numerator: i128,
    offset: i128,
    denominator: i128,
}

impl Unit {
    /// Reads a UCUM code. Annotations in braces carry no meaning in UCUM, so `{beats}/min` is
    /// `/min`; anything else unknown is `None`.
    pub fn from_ucum(code: &str) -> Option<Unit> {
        let code = code.trim();
        let without_annotation = match (code.find('{'), code.find('}')) {
            (Some(0), Some(end)) => &code[end + 1..],
            _ => code,
        };
        match (code, without_annotation) {
            ("Cel", _) => Some(Unit::Celsius),
            ("[degF]", _) => Some(Unit::Fahrenheit),
            ("%", _) => Some(Unit::Percent),
            ("1" | "{ratio}", _) => Some(Unit::Fraction),
            ("mm[Hg]", _) => Some(Unit::MmHg),
            ("kPa", _) => Some(Unit::KiloPascal),
            (_, "/min") => Some(Unit::PerMinute),
            _ => None,
        }
    }

    /// The UCUM code.
    pub fn ucum(self) -> &'static str {
        match self {
            Unit::Celsius => "Cel",
            Unit::Fahrenheit => "[degF]",
            Unit::PerMinute => "/min",
            Unit::Percent => "%",
            Unit::Fraction => "1",
            Unit::MmHg => "mm[Hg]",
            Unit::KiloPascal => "kPa",
        }
    }

    /// The unit the chart is drawn in for a quantity.
    pub fn chart_unit(quantity: Quantity) -> Unit {
        match quantity {
            Quantity::RespiratoryRate | Quantity::Pulse => Unit::PerMinute,
            Quantity::Spo2 => Unit::Percent,
            Quantity::SystolicBp => Unit::MmHg,
            Quantity::Temperature => Unit::Celsius,
        }
    }

    /// Whether this unit measures that quantity.
    pub fn measures(self, quantity: Quantity) -> bool {
        let accepted: &[Unit] = match quantity {
            Quantity::RespiratoryRate | Quantity::Pulse => &[Unit::PerMinute],
            Quantity::Spo2 => &[Unit::Percent, Unit::Fraction],
            Quantity::SystolicBp => &[Unit::MmHg, Unit::KiloPascal],
            Quantity::Temperature => &[Unit::Celsius, Unit::Fahrenheit],
        };
        accepted.contains(&self)
    }

    fn to_chart_unit(self) -> Affine {
        match self {
            Unit::Celsius | Unit::PerMinute | Unit::Percent | Unit::MmHg => Affine {
                numerator: 1,
                offset: 0,
                denominator: 1,
            },
            // °C = (°F − 32) × 5/9 = (5 × °F − 160) / 9.
            Unit::Fahrenheit => Affine {
                numerator: 5,
                offset: -160,
                denominator: 9,
            },
            Unit::Fraction => Affine {
                numerator: 100,
                offset: 0,
                denominator: 1,
            },
            // 1 mmHg is 133.322387415 Pa by definition, so mmHg = kPa × 10^12 / 133322387415.
            Unit::KiloPascal => Affine {
                numerator: 1_000_000_000_000,
                offset: 0,
                denominator: 133_322_387_415,
            },
        }
    }
}

/// A value converted to its chart unit, exactly, as the fraction `numerator / denominator`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Exact {
    numerator: i128,
    denominator: i128,
}

/// Raw values at or above this, in any accepted unit, are beyond every physical range; the
/// bound keeps the exact arithmetic inside `i128`.
const LARGEST_RAW: Decimal = Decimal::new(100_000, 0);

impl Exact {
    /// Converts `raw` (in `unit`) to the chart unit. `None` when the raw value is so large that
    /// it is above every physical range anyway.
    pub(crate) fn convert(raw: Decimal, unit: Unit) -> Option<Exact> {
        if raw >= LARGEST_RAW {
            return None;
        }
        let Affine {
            numerator,
            offset,
            denominator,
        } = unit.to_chart_unit();
        let scale = 10i128.pow(raw.scale());
        // |units| < 10^5 × 10^18 and numerator ≤ 10^12: at most about 10^35.
        Some(Exact {
            numerator: raw.units() * numerator + offset * scale,
            denominator: denominator * scale,
        })
    }

    /// Compares with a decimal: `Less`, `Equal` or `Greater`.
    pub(crate) fn cmp_decimal(&self, other: Decimal) -> std::cmp::Ordering {
        // a/b against c/10^s, with b > 0: compare a × 10^s with c × b.
        let left = self.numerator * 10i128.pow(other.scale());
        let right = other.units() * self.denominator;
        left.cmp(&right)
    }

    /// Rounds half-up (halves away from zero) to `places` decimals, in units of 10^-places.
    pub(crate) fn round_half_up(&self, places: u32) -> i128 {
        let scaled = self.numerator * 10i128.pow(places);
        let (quotient, remainder) = (scaled / self.denominator, (scaled % self.denominator).abs());
        if remainder * 2 >= self.denominator {
            quotient + scaled.signum()
        } else {
            quotient
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(text: &str, unit: Unit, places: u32) -> i128 {
        Exact::convert(Decimal::parse(text).unwrap(), unit)
            .unwrap()
            .round_half_up(places)
    }

    #[test]
    fn reads_ucum_codes_and_refuses_the_rest() {
        assert_eq!(Unit::from_ucum("Cel"), Some(Unit::Celsius));
        assert_eq!(Unit::from_ucum("[degF]"), Some(Unit::Fahrenheit));
        assert_eq!(Unit::from_ucum("{beats}/min"), Some(Unit::PerMinute));
        assert_eq!(Unit::from_ucum("{breaths}/min"), Some(Unit::PerMinute));
        assert_eq!(Unit::from_ucum("mm[Hg]"), Some(Unit::MmHg));
        assert_eq!(Unit::from_ucum("1"), Some(Unit::Fraction));
        for code in [
            "C",
            "°C",
            "degC",
            "cel",
            "F",
            "mmHg",
            "bpm",
            "beats/min",
            "{beats}",
            "kpa",
            "",
            "Pa",
        ] {
            assert_eq!(Unit::from_ucum(code), None, "{code:?} was accepted");
        }
    }

    #[test]
    fn converts_exactly_before_rounding() {
        assert_eq!(chart("100.4", Unit::Fahrenheit, 1), 380);
        // 100.49 °F is 38.05 °C exactly: charts as 38.1.
        assert_eq!(chart("100.49", Unit::Fahrenheit, 1), 381);
        assert_eq!(chart("100.48", Unit::Fahrenheit, 1), 380);
        assert_eq!(chart("0.955", Unit::Fraction, 0), 96);
        assert_eq!(chart("16", Unit::KiloPascal, 0), 120);
        assert_eq!(chart("13.3322387415", Unit::KiloPascal, 0), 100);
    }

    #[test]
    fn units_belong_to_their_quantities() {
        assert!(Unit::Fahrenheit.measures(Quantity::Temperature));
        assert!(!Unit::Percent.measures(Quantity::Pulse));
        assert!(!Unit::PerMinute.measures(Quantity::Spo2));
        assert!(Unit::KiloPascal.measures(Quantity::SystolicBp));
    }
}
