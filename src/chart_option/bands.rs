//! The coloured score bands behind each panel, derived from the engine's Chart 1 functions.
//!
//! The UI must never re-implement a clinical rule, and neither does the chart: instead of a
//! table of band limits, every charted value on the panel's axis is scored by
//! `clinical::chart1` and runs of values with the same sub-score become one band. A band's edges
//! lie half a chart step outside its first and last value (8.5 and 11.5 for respiration 9–11),
//! so every plotted point, which sits at its charted value, lies inside the band of its own
//! sub-score.

use crate::clinical::chart1;
use crate::clinical::time::Timestamp;
use crate::clinical::{Consciousness, Parameter, Quantity, SubScore};

/// A run of axis values with one non-zero sub-score, in axis units, across the whole time
/// axis or (`span`) a stretch of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Band {
    pub score: SubScore,
    pub from: f64,
    pub to: f64,
    pub span: Option<(Timestamp, Timestamp)>,
}

/// The sub-score Chart 1 gives a charted value of `quantity`. SpO2 Scale 2 is scored as on
/// oxygen: RCP's chart draws its upper rows (93 % and above) with the on-oxygen colours and
/// marks them "on oxygen", and so does this chart. A point's own label and symbol still give the
/// score it actually had (0 at 97 % on air).
pub(super) fn measured_score(quantity: Quantity, scale_2: bool, charted: u32) -> SubScore {
    match quantity {
        Quantity::RespiratoryRate => chart1::respiratory_rate(charted),
        Quantity::Spo2 if scale_2 => {
            chart1::spo2_scale2(charted, Some(true)).unwrap_or(SubScore::ZERO)
        }
        Quantity::Spo2 => chart1::spo2_scale1(charted),
        Quantity::SystolicBp => chart1::systolic_bp(charted),
        Quantity::Pulse => chart1::pulse(charted),
        Quantity::Temperature => chart1::temperature(charted),
    }
}

/// The sub-score of the `index`th category of a category panel, bottom to top.
pub(super) fn category_score(parameter: Parameter, index: usize) -> SubScore {
    match parameter {
        Parameter::Consciousness => Consciousness::ALL
            .get(index)
            .map_or(SubScore::ZERO, |&level| chart1::consciousness(level)),
        _ => chart1::air_or_oxygen(index == 1),
    }
}

/// Bands over the values `lowest..=highest` (in units of 10^-`places`), clipped to that range,
/// from the sub-score of each value. Sub-score 0 has no band.
pub(super) fn bands(
    lowest: u32,
    highest: u32,
    places: u32,
    score: impl Fn(u32) -> SubScore,
) -> Vec<Band> {
    let scale = f64::from(10u32.pow(places));
    // Half a step below `value`, computed as one division so 35.05 prints as 35.05.
    let edge_below = |value: u32| (2.0 * f64::from(value) - 1.0) / (2.0 * scale);
    let (axis_min, axis_max) = (f64::from(lowest) / scale, f64::from(highest) / scale);
    let mut found = Vec::new();
    let mut start = lowest;
    while start <= highest {
        let run_score = score(start);
        let mut end = start;
        while end < highest && score(end + 1) == run_score {
            end += 1;
        }
        if run_score != SubScore::ZERO {
            found.push(Band {
                score: run_score,
                from: edge_below(start).max(axis_min),
                to: edge_below(end + 1).min(axis_max),
                span: None,
            });
        }
        start = end + 1;
    }
    found
}

/// Bands of a category panel whose value axis runs from -0.5 to `count` - 0.5, category `i`
/// at `i`.
pub(super) fn category_bands(parameter: Parameter, count: usize) -> Vec<Band> {
    let Some(last) = count.checked_sub(1) else {
        return Vec::new();
    };
    let last = u32::try_from(last).unwrap_or(0);
    // The axis reaches half a category beyond the first and last: widen the clip by as much.
    bands(0, last, 0, |i| category_score(parameter, i as usize))
        .into_iter()
        .map(|band| Band {
            from: if band.from <= 0.0 { -0.5 } else { band.from },
            to: if band.to >= f64::from(last) {
                f64::from(last) + 0.5
            } else {
                band.to
            },
            ..band
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(bands: &[Band]) -> Vec<(u8, f64, f64)> {
        bands
            .iter()
            .map(|b| (b.score.value(), b.from, b.to))
            .collect()
    }

    #[test]
    fn respiration_bands_follow_chart_1() {
        let found = bands(0, 40, 0, |v| {
            measured_score(Quantity::RespiratoryRate, false, v)
        });
        assert_eq!(
            edges(&found),
            [
                (3, 0.0, 8.5),
                (1, 8.5, 11.5),
                (2, 20.5, 24.5),
                (3, 24.5, 40.0)
            ]
        );
    }

    #[test]
    fn temperature_edges_are_half_a_tenth_outside() {
        let found = bands(340, 410, 1, |v| {
            measured_score(Quantity::Temperature, false, v)
        });
        assert_eq!(
            edges(&found),
            [
                (3, 34.0, 35.05),
                (1, 35.05, 36.05),
                (1, 38.05, 39.05),
                (2, 39.05, 41.0)
            ]
        );
    }

    #[test]
    fn category_bands_cover_whole_rows() {
        assert_eq!(
            edges(&category_bands(Parameter::Consciousness, 5)),
            [(3, 0.5, 4.5)]
        );
        assert_eq!(
            edges(&category_bands(Parameter::AirOrOxygen, 2)),
            [(2, 0.5, 1.5)]
        );
    }
}
