//! The monitoring schedule (RCP Chart 4) against an injected clock.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Vitals, history, minutes};
use news2_widget::clinical::MonitoringFrequency;
use news2_widget::clinical::schedule::{Due, Schedule, ScheduleStatus};
use news2_widget::clinical::time::{HOUR, MINUTE};

fn schedule(
    sets: Vec<news2_widget::clinical::observation_set::ObservationSet>,
) -> Option<Schedule> {
    Schedule::of(&history(sets))
}

#[test]
fn each_frequency_sets_its_due_and_overdue_times() {
    // (set, frequency, due after, overdue after), counted from the set at minute 0.
    let table = [
        (
            Vitals::total(0),
            MonitoringFrequency::TwelveHourly,
            12 * 60,
            12 * 60,
        ),
        (
            Vitals::total(1),
            MonitoringFrequency::FourToSixHourly,
            4 * 60,
            6 * 60,
        ),
        (
            Vitals::total(4),
            MonitoringFrequency::FourToSixHourly,
            4 * 60,
            6 * 60,
        ),
        (Vitals::red(), MonitoringFrequency::Hourly, 60, 60),
        (Vitals::total(5), MonitoringFrequency::Hourly, 60, 60),
        (Vitals::total(6), MonitoringFrequency::Hourly, 60, 60),
    ];
    for (vitals, frequency, due, overdue) in table {
        let s = schedule(vec![vitals.at(0)]).unwrap();
        assert_eq!(s.frequency, frequency);
        assert_eq!(
            s.due,
            Due::At {
                due_at: minutes(due),
                overdue_after: minutes(overdue)
            },
            "{frequency:?}"
        );
        assert!(
            matches!(s.status(minutes(due - 1)), ScheduleStatus::OnTime { due_in } if due_in == MINUTE)
        );
        assert_eq!(s.status(minutes(due)), ScheduleStatus::Due);
        assert_eq!(
            s.status(minutes(overdue)),
            ScheduleStatus::Due,
            "not overdue at the limit itself"
        );
        assert_eq!(
            s.status(minutes(overdue + 90)),
            ScheduleStatus::Overdue { by: 90 * MINUTE }
        );
    }
}

#[test]
fn high_risk_is_continuous_with_no_due_time() {
    let s = schedule(vec![Vitals::total(7).at(0)]).unwrap();
    assert_eq!(
        (s.frequency, s.due),
        (MonitoringFrequency::Continuous, Due::Continuous)
    );
    assert_eq!(s.status(minutes(10_000)), ScheduleStatus::Continuous);
}

#[test]
fn the_latest_complete_set_counts() {
    let s = schedule(vec![Vitals::total(5).at(0), Vitals::total(0).at(30)]).unwrap();
    assert_eq!(
        (s.frequency, s.counted_from),
        (MonitoringFrequency::TwelveHourly, minutes(30))
    );
}

#[test]
fn an_incomplete_latest_set_does_not_reset_the_schedule() {
    let s = schedule(vec![
        Vitals::total(2).at(0),
        Vitals::total(2).without_pulse().at(180),
    ])
    .unwrap();
    assert_eq!((s.counted_from, s.from_incomplete_set), (minutes(0), false));
    assert_eq!(
        s.status(minutes(7 * 60)),
        ScheduleStatus::Overdue { by: HOUR }
    );
}

#[test]
fn an_incomplete_set_s_certain_band_tightens_the_schedule() {
    // Total 0 (12-hourly), then an incomplete set with a red respiration rate: hourly from it.
    let s = schedule(vec![
        Vitals::total(0).at(0),
        Vitals::red().without_pulse().at(120),
    ])
    .unwrap();
    assert_eq!(
        (s.frequency, s.counted_from, s.from_incomplete_set),
        (MonitoringFrequency::Hourly, minutes(120), true)
    );
    assert_eq!(
        s.status(minutes(181)),
        ScheduleStatus::Overdue { by: MINUTE }
    );
    // But never loosens it: high (continuous), then an incomplete set certain only of low–medium.
    let s = schedule(vec![
        Vitals::total(7).at(0),
        Vitals::red().without_pulse().at(30),
    ])
    .unwrap();
    assert_eq!(s.due, Due::Continuous);
    // An incomplete set certain of high: continuous.
    let s = schedule(vec![
        Vitals::total(0).at(0),
        Vitals::total(7)
            .respiratory_rate("26")
            .without_temperature()
            .at(30),
    ])
    .unwrap();
    assert_eq!((s.due, s.from_incomplete_set), (Due::Continuous, true));
}

#[test]
fn no_schedule_without_a_complete_set_or_a_certain_band() {
    assert_eq!(schedule(vec![]), None);
    assert_eq!(schedule(vec![Vitals::total(2).without_pulse().at(0)]), None);
    let s = schedule(vec![Vitals::red().without_pulse().at(0)]).unwrap();
    assert_eq!(s.frequency, MonitoringFrequency::Hourly);
}
