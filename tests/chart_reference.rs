//! Every charted value of every NEWS2 parameter, scored by the engine and by a separately
//! written table of RCP Chart 1 (as the chart is printed: one row of bands per parameter), and
//! property tests of the decimal rule and of the aggregate.
#![cfg(not(target_arch = "wasm32"))]

use news2_widget::clinical::{
    ClinicalRisk, Consciousness, Decimal, MonitoringFrequency, News2, Quantity, Reading, Spo2Scale,
    VitalSigns, chart1,
};
use proptest::prelude::*;

/// (score, lowest, highest) of each band, inclusive, as printed on Chart 1.
type Bands = &'static [(u8, u32, u32)];

const RESPIRATION: Bands = &[
    (3, 0, 8),
    (1, 9, 11),
    (0, 12, 20),
    (2, 21, 24),
    (3, 25, u32::MAX),
];
const SPO2_SCALE_1: Bands = &[(3, 0, 91), (2, 92, 93), (1, 94, 95), (0, 96, 100)];
const SPO2_SCALE_2_ON_AIR: Bands = &[(3, 0, 83), (2, 84, 85), (1, 86, 87), (0, 88, 100)];
const SPO2_SCALE_2_ON_OXYGEN: Bands = &[
    (3, 0, 83),
    (2, 84, 85),
    (1, 86, 87),
    (0, 88, 92),
    (1, 93, 94),
    (2, 95, 96),
    (3, 97, 100),
];
const SYSTOLIC: Bands = &[
    (3, 0, 90),
    (2, 91, 100),
    (1, 101, 110),
    (0, 111, 219),
    (3, 220, u32::MAX),
];
const PULSE: Bands = &[
    (3, 0, 40),
    (1, 41, 50),
    (0, 51, 90),
    (1, 91, 110),
    (2, 111, 130),
    (3, 131, u32::MAX),
];
/// Tenths of a degree.
const TEMPERATURE: Bands = &[
    (3, 0, 350),
    (1, 351, 360),
    (0, 361, 380),
    (1, 381, 390),
    (2, 391, u32::MAX),
];

fn band(bands: Bands, value: u32) -> u8 {
    let matching: Vec<u8> = bands
        .iter()
        .filter(|(_, lo, hi)| (*lo..=*hi).contains(&value))
        .map(|b| b.0)
        .collect();
    assert_eq!(
        matching.len(),
        1,
        "the reference table has a gap or overlap at {value}"
    );
    matching[0]
}

#[test]
fn respiration_every_value_0_to_120() {
    for rr in 0..=120 {
        assert_eq!(
            chart1::respiratory_rate(rr).value(),
            band(RESPIRATION, rr),
            "RR {rr}"
        );
    }
}

#[test]
fn spo2_every_value_0_to_100_on_both_scales_with_and_without_oxygen() {
    for spo2 in 0..=100 {
        assert_eq!(
            chart1::spo2_scale1(spo2).value(),
            band(SPO2_SCALE_1, spo2),
            "Scale 1 SpO2 {spo2}"
        );
        let on_air = chart1::spo2_scale2(spo2, Some(false)).map(|s| s.value());
        let on_oxygen = chart1::spo2_scale2(spo2, Some(true)).map(|s| s.value());
        assert_eq!(
            on_air,
            Some(band(SPO2_SCALE_2_ON_AIR, spo2)),
            "Scale 2 on air SpO2 {spo2}"
        );
        assert_eq!(
            on_oxygen,
            Some(band(SPO2_SCALE_2_ON_OXYGEN, spo2)),
            "Scale 2 on oxygen SpO2 {spo2}"
        );
        // Unknown air or oxygen: scored only where both rows agree, never guessed.
        let unknown = chart1::spo2_scale2(spo2, None).map(|s| s.value());
        let agreed = (on_air == on_oxygen).then_some(on_air).flatten();
        assert_eq!(
            unknown, agreed,
            "Scale 2, air or oxygen unknown, SpO2 {spo2}"
        );
    }
}

#[test]
fn air_or_oxygen_and_consciousness() {
    assert_eq!(
        (
            chart1::air_or_oxygen(false).value(),
            chart1::air_or_oxygen(true).value()
        ),
        (0, 2)
    );
    let scores: Vec<u8> = Consciousness::ALL
        .iter()
        .map(|&c| chart1::consciousness(c).value())
        .collect();
    assert_eq!(scores, [0, 3, 3, 3, 3]);
}

#[test]
fn systolic_every_value_0_to_500() {
    for sbp in 0..=500 {
        assert_eq!(
            chart1::systolic_bp(sbp).value(),
            band(SYSTOLIC, sbp),
            "SBP {sbp}"
        );
    }
}

#[test]
fn pulse_every_value_0_to_600() {
    for pulse in 0..=600 {
        assert_eq!(
            chart1::pulse(pulse).value(),
            band(PULSE, pulse),
            "pulse {pulse}"
        );
    }
}

#[test]
fn temperature_every_tenth_10_0_to_47_0() {
    for tenths in 100..=470 {
        assert_eq!(
            chart1::temperature(tenths).value(),
            band(TEMPERATURE, tenths),
            "temperature {tenths}/10"
        );
    }
}

/// Half-up rounding restated with plain integers: add half a chart unit, then truncate.
fn reference_round(units: u64, scale: u32, places: u32) -> u64 {
    if scale <= places {
        return units * 10u64.pow(places - scale);
    }
    let divisor = 10u64.pow(scale - places);
    (units + divisor / 2) / divisor
}

const QUANTITIES: [Quantity; 5] = [
    Quantity::RespiratoryRate,
    Quantity::Spo2,
    Quantity::SystolicBp,
    Quantity::Pulse,
    Quantity::Temperature,
];

proptest! {
    /// Any decimal inside the physical range charts to its half-up rounding, written with a
    /// point or a comma, and as the float a JavaScript caller would pass.
    #[test]
    fn readings_chart_by_half_up_rounding(q in 0..5usize, scale in 0u32..=4, seed in any::<u64>()) {
        let quantity = QUANTITIES[q];
        let (min, max) = quantity.physical_range();
        // A value of `scale` decimals, spread over the whole physical range.
        let top = max.round_half_up(scale) as u64;
        let units = seed % (top + 1);
        let value = Decimal::new(i128::from(units), scale);
        prop_assume!(min <= value);
        let expected = reference_round(units, scale, quantity.chart_places());
        let text = value.to_string();
        prop_assert_eq!(u64::from(Reading::parse(quantity, &text).unwrap().charted()), expected);
        prop_assert_eq!(u64::from(Reading::parse(quantity, &text.replace('.', ",")).unwrap().charted()), expected);
        let float: f64 = text.parse().unwrap();
        prop_assert_eq!(u64::from(Reading::from_f64(quantity, float).unwrap().charted()), expected);
    }

    /// Charting never reverses order: a larger reading never charts below a smaller one.
    #[test]
    fn charting_is_monotone(q in 0..5usize, a in any::<u64>(), b in any::<u64>()) {
        let quantity = QUANTITIES[q];
        // Two values in hundredths, both inside the physical range.
        let (min, max) = quantity.physical_range();
        let (bottom, top) = (min.round_half_up(2) as u64, max.round_half_up(2) as u64);
        let inside = |seed: u64| bottom + seed % (top - bottom + 1);
        let (lo, hi) = (inside(a).min(inside(b)), inside(a).max(inside(b)));
        let reading = |u: u64| Reading::new(quantity, Decimal::new(i128::from(u), 2)).unwrap();
        prop_assert!(reading(lo).charted() <= reading(hi).charted());
    }

    /// Every complete set: the total is the sum of the sub-scores, within 0–20, and risk and
    /// monitoring follow Charts 3 and 4 from it.
    #[test]
    fn complete_sets_follow_charts_3_and_4(
        rr in 0u32..=120, spo2 in 0u32..=100, scale_2 in any::<bool>(), on_oxygen in any::<bool>(),
        sbp in 0u32..=500, pulse in 0u32..=600, c in 0..5usize, tenths in 100u32..=470,
    ) {
        let reading = |q, units: u32, scale| Some(Reading::new(q, Decimal::new(i128::from(units), scale)).unwrap());
        let vitals = VitalSigns {
            respiratory_rate: reading(Quantity::RespiratoryRate, rr, 0),
            spo2: reading(Quantity::Spo2, spo2, 0),
            spo2_scale: if scale_2 { Spo2Scale::Scale2 } else { Spo2Scale::Scale1 },
            on_oxygen: Some(on_oxygen),
            systolic_bp: reading(Quantity::SystolicBp, sbp, 0),
            pulse: reading(Quantity::Pulse, pulse, 0),
            consciousness: Some(Consciousness::ALL[c]),
            temperature: reading(Quantity::Temperature, tenths, 1),
        };
        let News2::Complete(score) = News2::of(&vitals) else { panic!("a full set was incomplete") };
        let subs: Vec<u8> = score.sub_scores().iter().map(|(_, s)| s.value()).collect();
        let total = score.total().value();
        prop_assert_eq!(u32::from(total), subs.iter().map(|&s| u32::from(s)).sum::<u32>());
        prop_assert!(total <= 20);
        let red = subs.contains(&3);
        let (risk, monitoring) = match total {
            7.. => (ClinicalRisk::High, MonitoringFrequency::Continuous),
            5 | 6 => (ClinicalRisk::Medium, MonitoringFrequency::Hourly),
            _ if red => (ClinicalRisk::LowMedium, MonitoringFrequency::Hourly),
            0 => (ClinicalRisk::Low, MonitoringFrequency::TwelveHourly),
            _ => (ClinicalRisk::Low, MonitoringFrequency::FourToSixHourly),
        };
        prop_assert_eq!((score.risk(), score.monitoring()), (risk, monitoring));
    }
}
