//! Trend: change since the previous set and over 24 hours, and the rising-score signal.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Vitals, history, minutes};
use news2_widget::clinical::time::HOUR;
use news2_widget::clinical::trend::{RisingSignal, Trend, TrendSettings};
use news2_widget::clinical::{ClinicalRisk, Parameter};

fn trend(sets: Vec<news2_widget::clinical::observation_set::ObservationSet>) -> Trend {
    Trend::of(history(sets).sets(), TrendSettings::default())
}

#[test]
fn change_since_the_previous_set_per_parameter_and_in_total() {
    let t = trend(vec![Vitals::total(1).at(0), Vitals::total(3).at(60)]);
    let since = t.since_previous.unwrap();
    assert_eq!(
        (since.from, since.to, since.total),
        (minutes(0), minutes(60), Some(2))
    );
    let pulse = since
        .parameters
        .iter()
        .find(|c| c.parameter == Parameter::Pulse)
        .unwrap();
    assert_eq!((pulse.sub_score, pulse.value), (Some(1), Some(20)));
    let temperature = since
        .parameters
        .iter()
        .find(|c| c.parameter == Parameter::Temperature)
        .unwrap();
    assert_eq!(
        (temperature.sub_score, temperature.value),
        (Some(1), Some(15)),
        "in tenths of a degree"
    );
    let consciousness = since
        .parameters
        .iter()
        .find(|c| c.parameter == Parameter::Consciousness)
        .unwrap();
    assert_eq!(
        (consciousness.sub_score, consciousness.value),
        (Some(0), None)
    );
}

#[test]
fn no_total_change_across_an_incomplete_set() {
    let t = trend(vec![
        Vitals::total(1).at(0),
        Vitals::total(3).without_pulse().at(60),
    ]);
    let since = t.since_previous.unwrap();
    assert_eq!(since.total, None);
    assert_eq!(
        since
            .parameters
            .iter()
            .find(|c| c.parameter == Parameter::Pulse)
            .unwrap()
            .value,
        None
    );
}

#[test]
fn the_window_reaches_back_24_hours_from_the_latest_set() {
    let t = trend(vec![
        Vitals::total(0).at(0),
        Vitals::total(1).at(60),
        Vitals::total(2).at(25 * 60),
    ]);
    assert_eq!(t.over_window.unwrap().from, minutes(60));
    let t = trend(vec![Vitals::total(0).at(0), Vitals::total(2).at(24 * 60)]);
    assert_eq!(
        t.over_window.unwrap().from,
        minutes(0),
        "exactly 24 hours is inside"
    );
}

#[test]
fn a_rise_of_2_within_24_hours_signals() {
    let t = trend(vec![
        Vitals::total(3).at(0),
        Vitals::total(1).at(60),
        Vitals::total(2).at(120),
        Vitals::total(3).at(180),
    ]);
    assert_eq!(
        t.rising,
        [RisingSignal::TotalRose {
            by: 2,
            from: 1,
            to: 3,
            since: minutes(60)
        }]
    );
    // A rise of 1 does not; nor a rise of 2 from a set older than the window.
    assert!(
        trend(vec![Vitals::total(1).at(0), Vitals::total(2).at(60)])
            .rising
            .is_empty()
    );
    assert!(
        trend(vec![Vitals::total(1).at(0), Vitals::total(3).at(25 * 60)])
            .rising
            .is_empty()
    );
}

#[test]
fn a_move_into_a_higher_band_signals() {
    let t = trend(vec![Vitals::total(2).at(0), Vitals::red().at(60)]);
    assert_eq!(
        t.rising,
        [RisingSignal::HigherBand {
            from: ClinicalRisk::Low,
            to: ClinicalRisk::LowMedium
        }]
    );
    let t = trend(vec![Vitals::total(4).at(0), Vitals::total(6).at(60)]);
    assert_eq!(
        t.rising,
        [
            RisingSignal::TotalRose {
                by: 2,
                from: 4,
                to: 6,
                since: minutes(0)
            },
            RisingSignal::HigherBand {
                from: ClinicalRisk::Low,
                to: ClinicalRisk::Medium
            },
        ]
    );
}

#[test]
fn the_threshold_and_window_are_settings() {
    let sets = vec![Vitals::total(1).at(0), Vitals::total(3).at(60)];
    let strict = TrendSettings {
        rise: 3,
        window: 24 * HOUR,
    };
    assert!(
        Trend::of(history(sets.clone()).sets(), strict)
            .rising
            .is_empty()
    );
    let short = TrendSettings {
        rise: 2,
        window: HOUR / 2,
    };
    assert!(Trend::of(history(sets).sets(), short).rising.is_empty());
}
