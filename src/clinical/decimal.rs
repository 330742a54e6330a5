//! Decimal numbers as they were written, and the half-up rounding that charts them.
//!
//! NEWS2 bands are whole numbers (temperature: tenths of a degree). A reading finer than the
//! chart, such as 38.05 °C or a respiration rate of 20.5, is taken as the decimal it is written
//! as and rounded half-up to chart resolution, the way a nurse writes it on the paper chart
//! (a decision of this project: docs/clinical-rules.md). Binary floating point cannot do this:
//! 38.05 as an `f64` is 38.04999…, which would chart as 38.0 and score 0 instead of 1. So every
//! reading passes through this type, built from text or from the shortest decimal that a float
//! stands for, never from float arithmetic.

use std::cmp::Ordering;
use std::fmt;

/// The most digits kept on either side of the decimal point. Any real reading needs far fewer;
/// the bound keeps every comparison within `i128` with no overflow.
const MAX_DIGITS: usize = 18;

/// A decimal number exactly as written: `units × 10^-scale`, for example 38.05 = 3805 × 10^-2.
#[derive(Clone, Copy, Debug)]
pub struct Decimal {
    units: i128,
    scale: u32,
}

/// Why a text is not a decimal number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalError {
    /// Nothing but white space.
    Empty,
    /// Not of the form `[-]digits[(.|,)digits]`.
    Malformed,
    /// More than 18 digits before the decimal point: larger than any reading.
    TooLarge,
    /// More than 18 digits after the decimal point.
    TooPrecise,
}

impl Decimal {
    /// A whole number of chart units at `scale` decimal places (`Decimal::new(381, 1)` is 38.1).
    pub const fn new(units: i128, scale: u32) -> Self {
        Decimal { units, scale }
    }

    /// Parses `[-|+]digits[(.|,)digits]`, allowing a decimal comma as Norwegian forms write it.
    /// Surrounding white space is ignored; exponents, thousands separators and words are not
    /// accepted.
    pub fn parse(text: &str) -> Result<Self, DecimalError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DecimalError::Empty);
        }
        let (negative, unsigned) = match text.as_bytes()[0] {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (whole, fraction) = match unsigned.find(['.', ',']) {
            Some(at) => (&unsigned[..at], &unsigned[at + 1..]),
            None => (unsigned, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction)
        {
            return Err(DecimalError::Malformed);
        }
        if whole.trim_start_matches('0').len() > MAX_DIGITS {
            return Err(DecimalError::TooLarge);
        }
        if fraction.len() > MAX_DIGITS {
            return Err(DecimalError::TooPrecise);
        }
        let magnitude = whole
            .bytes()
            .chain(fraction.bytes())
            .fold(0i128, |acc, digit| acc * 10 + i128::from(digit - b'0'));
        let units = if negative { -magnitude } else { magnitude };
        Ok(Decimal {
            units,
            scale: fraction.len() as u32,
        })
    }

    /// The decimal a float stands for: the shortest decimal text that reads back as the same
    /// float (what JavaScript's `String(x)` shows too), so a JSON or JavaScript `38.05` is 38.05.
    /// `None` for NaN and the infinities.
    pub fn from_f64(value: f64) -> Option<Result<Self, DecimalError>> {
        // Rust's `Display` for floats prints that shortest round-trip text, never an exponent.
        value
            .is_finite()
            .then(|| Decimal::parse(&value.to_string()))
    }

    /// The digits as a whole number: 3805 for 38.05.
    pub fn units(&self) -> i128 {
        self.units
    }

    /// Decimal places as written: 2 for 38.05.
    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// Whether the number is below zero (`-0` is not).
    pub fn is_negative(&self) -> bool {
        self.units < 0
    }

    /// Rounds half-up (halves away from zero) to `places` decimals and returns the result in
    /// units of 10^-places: `38.05.round_half_up(1) == 381`, `20.5.round_half_up(0) == 21`.
    pub fn round_half_up(&self, places: u32) -> i128 {
        if self.scale <= places {
            return self.units * 10i128.pow(places - self.scale);
        }
        let divisor = 10i128.pow(self.scale - places);
        let (quotient, remainder) = (self.units / divisor, (self.units % divisor).abs());
        if remainder * 2 >= divisor {
            quotient + self.units.signum()
        } else {
            quotient
        }
    }

    /// The value in units of 10^-scale, at a common scale with `other`.
    fn aligned(&self, other: &Decimal) -> (i128, i128) {
        let scale = self.scale.max(other.scale);
        (
            self.units * 10i128.pow(scale - self.scale),
            other.units * 10i128.pow(scale - other.scale),
        )
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = self.aligned(other);
        a.cmp(&b)
    }
}

impl fmt::Display for Decimal {
    /// Writes the number as it was written, with a decimal point: 38.50 stays "38.50".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let magnitude = self.units.unsigned_abs();
        if self.scale == 0 {
            return write!(f, "{sign}{magnitude}");
        }
        let divisor = 10u128.pow(self.scale);
        let width = self.scale as usize;
        write!(
            f,
            "{sign}{}.{:0width$}",
            magnitude / divisor,
            magnitude % divisor
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    #[test]
    fn parses_points_and_commas_and_keeps_the_written_scale() {
        assert_eq!(d("38.05").to_string(), "38.05");
        assert_eq!(d("38,50").to_string(), "38.50");
        assert_eq!(d(" 7 ").to_string(), "7");
        assert_eq!(d(".5").to_string(), "0.5");
        assert_eq!(d("5.").to_string(), "5");
        assert_eq!(d("+12").to_string(), "12");
        assert_eq!(d("-0.5").to_string(), "-0.5");
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for text in [
            "", "  ", "abc", "1e3", "1.2.3", "1,2.3", "38 5", "--1", "-", ".", "1_000", "∞",
        ] {
            assert!(Decimal::parse(text).is_err(), "{text:?} was accepted");
        }
        assert_eq!(Decimal::parse(""), Err(DecimalError::Empty));
        assert_eq!(Decimal::parse("1e3"), Err(DecimalError::Malformed));
        assert_eq!(
            Decimal::parse("1234567890123456789"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(
            Decimal::parse("0.1234567890123456789"),
            Err(DecimalError::TooPrecise)
        );
        assert!(
            Decimal::parse("000000000000000000000001").is_ok(),
            "leading zeros are not size"
        );
    }

    #[test]
    fn rounds_half_up_to_chart_resolution() {
        assert_eq!(d("38.05").round_half_up(1), 381);
        assert_eq!(d("38.04").round_half_up(1), 380);
        assert_eq!(d("38.049999").round_half_up(1), 380);
        assert_eq!(d("20.5").round_half_up(0), 21);
        assert_eq!(d("20.49").round_half_up(0), 20);
        assert_eq!(d("90.5").round_half_up(0), 91);
        assert_eq!(d("37").round_half_up(1), 370);
        assert_eq!(d("-0.5").round_half_up(0), -1);
    }

    // Regression guard: the reason this type exists. 38.05 as an f64 is 38.04999…, and must
    // still chart as 38.1.
    #[test]
    fn floats_are_taken_as_the_decimal_they_are_written_as() {
        assert_eq!(
            Decimal::from_f64(38.05).unwrap().unwrap().round_half_up(1),
            381
        );
        assert_eq!(
            Decimal::from_f64(0.1 + 0.2).unwrap().unwrap().to_string(),
            "0.30000000000000004"
        );
        assert!(!Decimal::from_f64(-0.0).unwrap().unwrap().is_negative());
        assert!(Decimal::from_f64(f64::NAN).is_none());
        assert!(Decimal::from_f64(f64::INFINITY).is_none());
        assert_eq!(
            Decimal::from_f64(1e300).unwrap(),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(
            Decimal::from_f64(1e-300).unwrap(),
            Err(DecimalError::TooPrecise)
        );
    }

    #[test]
    fn compares_across_scales() {
        assert_eq!(d("38.50"), d("38.5"));
        assert!(d("100.01") > d("100"));
        assert!(d("-0.1") < d("0"));
    }
}
