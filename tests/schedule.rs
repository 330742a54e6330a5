//! The monitoring schedule (RCP Chart 4) against an injected clock.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Vitals, history, minutes};
use news2_widget::clinical::MonitoringFrequency;
use news2_widget::clinical::observation_set::ObservationSet;
use news2_widget::clinical::schedule::{Schedule, ScheduleStatus};
use news2_widget::clinical::time::{HOUR, MINUTE};

/// The schedule as it stands long after every set (none is in the future).
fn schedule(sets: Vec<ObservationSet>) -> Option<Schedule> {
    Schedule::of(history(sets).as_of(minutes(100 * 24 * 60)))
}

#[test]
fn each_frequency_sets_its_due_and_overdue_times() {
    // (set, frequency, due after, overdue after), in minutes from the set at minute 0.
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
        (Vitals::total(7), MonitoringFrequency::Continuous, 60, 60),
    ];
    for (vitals, frequency, due, overdue) in table {
        let s = schedule(vec![vitals.at(0)]).unwrap();
        assert_eq!(s.frequency, frequency);
        assert_eq!(
            (s.due_at, s.overdue_after),
            (minutes(due), minutes(overdue)),
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

// Regression: a high score with nothing recorded after it must not stand for ever.
#[test]
fn continuous_monitoring_still_expects_a_recorded_set_every_hour() {
    let s = schedule(vec![Vitals::total(7).at(0)]).unwrap();
    assert_eq!(
        s.status(minutes(3 * 24 * 60)),
        ScheduleStatus::Overdue {
            by: 3 * 24 * HOUR - HOUR
        }
    );
}

#[test]
fn the_latest_complete_set_counts() {
    let s = schedule(vec![Vitals::total(5).at(0), Vitals::total(0).at(30)]).unwrap();
    assert_eq!(
        (s.frequency, s.counted_from),
        (MonitoringFrequency::TwelveHourly, minutes(30))
    );
}

// Issue 10, case 4 (from review): an incomplete newest set does not leave the older set's
// calmer schedule standing; it is to be completed within the hour.
#[test]
fn an_incomplete_latest_set_is_to_be_completed_within_the_hour() {
    let s = schedule(vec![
        Vitals::total(2).at(0),
        Vitals::total(2).without_pulse().at(180),
    ])
    .unwrap();
    assert_eq!(
        (s.frequency, s.counted_from, s.from_incomplete_set),
        (MonitoringFrequency::Hourly, minutes(180), true)
    );
    assert_eq!((s.due_at, s.overdue_after), (minutes(240), minutes(240)));
    assert_eq!(
        s.status(minutes(7 * 60)),
        ScheduleStatus::Overdue { by: 3 * HOUR }
    );
    // A set that is only a source's total has nothing to complete.
    let mut stated = Vitals::none().at(180);
    stated.stated = Some(news2_widget::clinical::observation_set::StatedScore {
        total: Some(0),
        ..Default::default()
    });
    let s = schedule(vec![Vitals::total(2).at(0), stated]).unwrap();
    assert_eq!(s.counted_from, minutes(0));
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
    // Never loosens it: high (continuous), then an incomplete set certain only of low–medium.
    let s = schedule(vec![
        Vitals::total(7).at(0),
        Vitals::red().without_pulse().at(30),
    ])
    .unwrap();
    assert_eq!(
        (s.frequency, s.overdue_after),
        (MonitoringFrequency::Continuous, minutes(60))
    );
    // An incomplete set certain of high: continuous.
    let s = schedule(vec![
        Vitals::total(0).at(0),
        Vitals::total(7)
            .respiratory_rate("26")
            .without_temperature()
            .at(30),
    ])
    .unwrap();
    assert_eq!(
        (s.frequency, s.from_incomplete_set),
        (MonitoringFrequency::Continuous, true)
    );
}

// Regression: total 2 at 0 (due 4 h, overdue 6 h), then a partial set with a red score at
// 5.5 h: the frequency is hourly, and the times are the earlier of both.
#[test]
fn combined_schedules_take_the_tighter_frequency_and_the_earlier_times() {
    let s = schedule(vec![
        Vitals::total(2).at(0),
        Vitals::red().without_pulse().at(330),
    ])
    .unwrap();
    assert_eq!(s.frequency, MonitoringFrequency::Hourly);
    assert_eq!((s.due_at, s.overdue_after), (minutes(240), minutes(360)));
}

// Regression: a later partial set that knows less must not undo an earlier one's certain band.
#[test]
fn every_incomplete_set_since_the_last_complete_one_counts() {
    let s = schedule(vec![
        Vitals::total(0).at(0),
        Vitals::total(7)
            .respiratory_rate("26")
            .without_temperature()
            .at(30),
        Vitals::total(0).without_pulse().at(40),
    ])
    .unwrap();
    assert_eq!(s.frequency, MonitoringFrequency::Continuous);
}

#[test]
fn with_nothing_complete_or_certain_the_set_is_to_be_completed_within_the_hour() {
    assert_eq!(schedule(vec![]), None);
    let s = schedule(vec![Vitals::total(2).without_pulse().at(0)]).unwrap();
    assert_eq!(
        (s.frequency, s.overdue_after, s.from_incomplete_set),
        (MonitoringFrequency::Hourly, minutes(60), true)
    );
}

// Issue 10, case 1: a set dated in the future never drives the schedule.
#[test]
fn a_set_dated_in_the_future_does_not_drive_the_schedule() {
    let sets = vec![Vitals::total(7).at(0), Vitals::total(0).at(365 * 24 * 60)];
    let now = minutes(30);
    let due = Schedule::of(history(sets).as_of(now)).map(|s| (s.frequency, s.due_at));
    assert_eq!(due, Some((MonitoringFrequency::Continuous, minutes(60))));
}

#[test]
fn a_total_the_source_stated_tightens_the_schedule() {
    let mut stated = Vitals::none().at(60);
    stated.stated = Some(news2_widget::clinical::observation_set::StatedScore {
        total: Some(6),
        ..Default::default()
    });
    let s = schedule(vec![Vitals::total(0).at(0), stated]).expect("a schedule");
    assert_eq!(
        (s.frequency, s.due_at, s.from_incomplete_set),
        (MonitoringFrequency::Hourly, minutes(120), true)
    );
}

// Second and third reviews: a set begun since the last complete one is due within the hour of
// its first measurement, whatever band a partial total gives it, and later spot checks do not
// put that off.
#[test]
fn an_incomplete_set_is_due_within_the_hour_of_its_first_measurement() {
    let mut stated = Vitals::total(0).without_temperature().at(240);
    stated.stated = Some(news2_widget::clinical::observation_set::StatedScore {
        total: Some(3),
        ..Default::default()
    });
    let s = schedule(vec![Vitals::total(0).at(0), stated]).unwrap();
    assert_eq!(s.due_at, minutes(300));
    let spot = |m| Vitals::none().pulse("80").at(m);
    let s = schedule(vec![Vitals::total(0).at(0), spot(60), spot(110), spot(160)]).unwrap();
    assert_eq!((s.due_at, s.overdue_after), (minutes(120), minutes(120)));
    assert!(matches!(
        s.status(minutes(170)),
        ScheduleStatus::Overdue { .. }
    ));
}
