//! Property tests of the engine's general rules: an incomplete set's certain band, and unit
//! conversion against the chart's band boundaries.
#![cfg(not(target_arch = "wasm32"))]

use news2_widget::clinical::{
    ClinicalRisk, Consciousness, Decimal, News2, Quantity, Reading, Spo2Scale, Unit, VitalSigns,
};
use proptest::prelude::*;

fn full_set() -> impl Strategy<Value = VitalSigns> {
    (
        0u32..=120,
        0u32..=100,
        any::<bool>(),
        any::<bool>(),
        0u32..=500,
        0u32..=600,
        0..5usize,
        100u32..=470,
    )
        .prop_map(|(rr, spo2, scale_2, on_oxygen, sbp, pulse, c, tenths)| {
            let r = |q, units: u32, scale| {
                Some(Reading::new(q, Decimal::new(i128::from(units), scale)).unwrap())
            };
            VitalSigns {
                respiratory_rate: r(Quantity::RespiratoryRate, rr, 0),
                spo2: r(Quantity::Spo2, spo2, 0),
                spo2_scale: if scale_2 {
                    Spo2Scale::Scale2
                } else {
                    Spo2Scale::Scale1
                },
                on_oxygen: Some(on_oxygen),
                systolic_bp: r(Quantity::SystolicBp, sbp, 0),
                pulse: r(Quantity::Pulse, pulse, 0),
                consciousness: Some(Consciousness::ALL[c]),
                temperature: r(Quantity::Temperature, tenths, 1),
            }
        })
}

/// Removes the parameters whose bit is set in `mask`.
fn without(mut v: VitalSigns, mask: u8) -> VitalSigns {
    if mask & 1 != 0 {
        v.respiratory_rate = None
    }
    if mask & 2 != 0 {
        v.spo2 = None
    }
    if mask & 4 != 0 {
        v.on_oxygen = None
    }
    if mask & 8 != 0 {
        v.systolic_bp = None
    }
    if mask & 16 != 0 {
        v.pulse = None
    }
    if mask & 32 != 0 {
        v.consciousness = None
    }
    if mask & 64 != 0 {
        v.temperature = None
    }
    v
}

proptest! {
    /// Whatever the missing values turn out to be, the band an incomplete set calls certain is
    /// never above the band of the completed set.
    #[test]
    fn the_certain_band_is_never_above_any_completion(full in full_set(), mask in 1u8..128) {
        let News2::Complete(complete) = News2::of(&full) else { panic!("full set incomplete") };
        let News2::Incomplete(partial) = News2::of(&without(full, mask)) else { panic!("nothing was removed") };
        if let Some(minimum) = partial.minimum_risk() {
            prop_assert!(minimum <= complete.risk(), "{minimum:?} above {:?}", complete.risk());
            prop_assert!(minimum >= ClinicalRisk::LowMedium);
        }
    }

    /// °F converted then charted is the half-up rounding of the exact Celsius value, so it lands
    /// in the band the value itself is in: no rounded intermediate moves it across a boundary.
    #[test]
    fn fahrenheit_conversion_never_crosses_a_band_boundary(hundredths in 5_000u32..=11_660) {
        let f = Decimal::new(i128::from(hundredths), 2);
        let reading = Reading::measured(Quantity::Temperature, f, Unit::Fahrenheit).unwrap();
        let t = i128::from(reading.charted());
        // F = h/100, so the exact Celsius value in tenths is (h − 3200)/18, and the charted
        // tenth t is right iff t − ½ ≤ (h − 3200)/18 < t + ½, i.e. 9(2t − 1) ≤ h − 3200 < 9(2t + 1).
        let lhs = i128::from(hundredths) - 3200;
        prop_assert!(9 * (2 * t - 1) <= lhs && lhs < 9 * (2 * t + 1), "{f} °F charted as {t}");
    }

    /// kPa to mmHg: the charted whole mmHg m satisfies m − ½ ≤ kPa × 10^12 / 133322387415 < m + ½.
    #[test]
    fn kilopascal_conversion_is_exact(thousandths in 0u32..=66_000) {
        let kpa = Decimal::new(i128::from(thousandths), 3);
        let reading = Reading::measured(Quantity::SystolicBp, kpa, Unit::KiloPascal).unwrap();
        let m = i128::from(reading.charted());
        let value = i128::from(thousandths) * 2 * 1_000_000_000; // 2 × kPa × 10^12, over 10^3
        let unit = 133_322_387_415i128;
        prop_assert!((2 * m - 1) * unit <= value && value < (2 * m + 1) * unit, "{kpa} kPa charted as {m}");
    }

    /// SpO2 as a fraction charts as the percentage it stands for.
    #[test]
    fn spo2_fractions_are_percentages(ten_thousandths in 0u32..=10_000) {
        let fraction = Decimal::new(i128::from(ten_thousandths), 4);
        let percent = Decimal::new(i128::from(ten_thousandths), 2);
        prop_assert_eq!(
            Reading::measured(Quantity::Spo2, fraction, Unit::Fraction).unwrap().charted(),
            Reading::new(Quantity::Spo2, percent).unwrap().charted()
        );
    }
}
