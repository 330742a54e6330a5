//! The escalation decision: one function from history, clock and settings to the banner.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Vitals, history, hours, minutes};
use news2_widget::clinical::escalation::texts::{Language, ResponseRow, ResponseTexts};
use news2_widget::clinical::escalation::{
    DataStatus, Decision, Level, NoticeKind, PatientContext, Settings, decide,
};
use news2_widget::clinical::observation_set::{ObservationSet, StatedScore};
use news2_widget::clinical::time::HOUR;
use news2_widget::clinical::{ClinicalRisk, Parameter};

fn banner(sets: Vec<ObservationSet>, now_minutes: i64) -> Decision {
    decide(&history(sets), minutes(now_minutes), &Settings::default())
}

fn defaults(row: ResponseRow) -> (String, String) {
    let texts = ResponseTexts::default().row(Language::Nb, row);
    (texts.response, texts.monitoring)
}

#[test]
fn each_clinical_band_gives_its_level_and_chart_4_texts() {
    let table = [
        (
            Vitals::total(0),
            Level::None,
            "Lav klinisk risiko – NEWS2 0",
            ResponseRow::Score0,
        ),
        (
            Vitals::total(3),
            Level::Information,
            "Lav klinisk risiko – NEWS2 3",
            ResponseRow::Low,
        ),
        (
            Vitals::red(),
            Level::LowMedium,
            "Lav–middels klinisk risiko – NEWS2 3, skår 3 i respirasjonsfrekvens",
            ResponseRow::LowMedium,
        ),
        (
            Vitals::total(5),
            Level::Medium,
            "Middels klinisk risiko – NEWS2 5",
            ResponseRow::Medium,
        ),
        (
            Vitals::total(7),
            Level::High,
            "Høy klinisk risiko – NEWS2 7",
            ResponseRow::High,
        ),
    ];
    for (vitals, level, title, row) in table {
        let d = banner(vec![vitals.at(0)], 10);
        assert_eq!((d.level, d.title.as_str()), (level, title));
        assert_eq!((d.response, d.monitoring), defaults(row), "{title}");
        assert!(
            d.also.is_empty() && d.notices.is_empty(),
            "{title}: {:?} {:?}",
            d.also,
            d.notices
        );
    }
}

#[test]
fn due_and_overdue_times_come_with_the_decision() {
    let d = banner(vec![Vitals::total(2).at(0)], 60);
    assert_eq!((d.due_at, d.overdue_by), (Some(hours(4)), None));
    let d = banner(vec![Vitals::total(2).at(0)], 7 * 60);
    assert_eq!(
        (d.level, d.also.as_slice(), d.overdue_by),
        (Level::Overdue, &[Level::Information][..], Some(HOUR))
    );
    assert_eq!(d.title, "Ny NEWS2-måling er forsinket");
    assert_eq!(d.monitoring, defaults(ResponseRow::Low).1);
    assert_eq!(d.overdue_after, Some(hours(6)));
    let d = banner(vec![Vitals::total(7).at(0)], 30);
    assert_eq!(
        (d.level, d.due_at, d.overdue_by),
        (Level::High, Some(hours(1)), None)
    );
}

#[test]
fn the_most_urgent_leads_and_nothing_is_hidden() {
    // Medium and overdue: medium leads, overdue is listed.
    let d = banner(vec![Vitals::total(5).at(0)], 2 * 60);
    assert_eq!(
        (d.level, d.also.as_slice()),
        (Level::Medium, &[Level::Overdue][..])
    );
    // Score 0 and the source unreachable: stale data leads; "none" is not listed.
    let settings = Settings {
        data: Some(DataStatus::Unreachable {
            last_refreshed: None,
        }),
        ..Settings::default()
    };
    let d = decide(
        &history(vec![Vitals::total(0).at(0)]),
        minutes(10),
        &settings,
    );
    assert_eq!((d.level, d.also.as_slice()), (Level::StaleData, &[][..]));
}

#[test]
fn data_is_stale_after_30_minutes_without_a_refresh() {
    let at = |refreshed: i64, now: i64| {
        let settings = Settings {
            data: Some(DataStatus::Current {
                refreshed_at: minutes(refreshed),
            }),
            ..Settings::default()
        };
        decide(
            &history(vec![Vitals::total(0).at(0)]),
            minutes(now),
            &settings,
        )
        .level
    };
    assert_eq!(at(0, 30), Level::None);
    assert_eq!(at(0, 31), Level::StaleData);
}

#[test]
fn an_incomplete_latest_set_shows_its_certain_band_and_what_is_missing() {
    let d = banner(
        vec![Vitals::total(0).at(0), Vitals::red().without_pulse().at(30)],
        40,
    );
    assert_eq!(d.level, Level::IncompleteMinimum(ClinicalRisk::LowMedium));
    assert_eq!(
        d.title,
        "Ufullstendig måling – minst lav–middels klinisk risiko"
    );
    assert_eq!((d.response, d.monitoring), defaults(ResponseRow::LowMedium));
    assert_eq!(
        d.notices[0].kind,
        NoticeKind::Missing(vec![Parameter::Pulse])
    );
    assert_eq!(d.notices[0].text, "Mangler: puls.");
    // A band no higher than the last complete set's changes nothing: high stays high.
    let d = banner(
        vec![Vitals::total(7).at(0), Vitals::red().without_pulse().at(30)],
        40,
    );
    assert_eq!(d.level, Level::High);
    // Medium and high bands too, and a later partial set cannot undo them.
    let d = banner(
        vec![
            Vitals::total(0).at(0),
            Vitals::total(6)
                .respiratory_rate("26")
                .without_pulse()
                .at(30),
        ],
        40,
    );
    assert_eq!(d.level, Level::IncompleteMinimum(ClinicalRisk::Medium));
    let certain_high = Vitals::total(7)
        .respiratory_rate("26")
        .without_temperature();
    let d = banner(
        vec![
            Vitals::total(0).at(0),
            certain_high.at(30),
            Vitals::total(0).without_pulse().at(35),
        ],
        40,
    );
    assert_eq!(d.level, Level::IncompleteMinimum(ClinicalRisk::High));
    assert_eq!(d.monitoring, defaults(ResponseRow::High).1);
    // Nothing certain: information, and no total anywhere.
    let d = banner(vec![Vitals::total(2).without_pulse().at(0)], 10);
    assert_eq!(
        (d.level, d.title.as_str()),
        (Level::Information, "Ufullstendig måling – ingen totalskår")
    );
}

// Regression: the monitoring text follows the band shown, not an older complete set's row.
#[test]
fn the_monitoring_text_matches_the_level() {
    let d = banner(
        vec![
            Vitals::total(2).at(0),
            Vitals::red().without_pulse().at(330),
        ],
        335,
    );
    assert_eq!(d.level, Level::IncompleteMinimum(ClinicalRisk::LowMedium));
    assert_eq!(d.monitoring, defaults(ResponseRow::LowMedium).1);
}

#[test]
fn no_sets_yet() {
    let d = banner(vec![], 0);
    assert_eq!(
        (d.level, d.title.as_str(), d.due_at),
        (Level::Information, "Ingen NEWS2-målinger ennå", None)
    );
}

#[test]
fn a_source_that_disagrees_is_flagged_with_both_scores() {
    let mut set = Vitals::total(1).at(0);
    set.stated = Some(StatedScore {
        total: Some(3),
        ..StatedScore::default()
    });
    let d = banner(vec![set], 10);
    assert_eq!(
        (d.level, d.also.as_slice()),
        (Level::SourceDisagreement, &[Level::Information][..])
    );
    assert_eq!(
        d.notices.last().unwrap().text,
        "NEWS2: kilden oppgir 3, beregnet fra målingene 1."
    );
}

#[test]
fn unusual_values_are_to_be_verified() {
    let d = banner(vec![Vitals::baseline().pulse("210").at(0)], 10);
    assert_eq!(
        d.notices[0].kind,
        NoticeKind::Verify(vec![Parameter::Pulse])
    );
}

#[test]
fn scope_warnings_ride_on_every_decision() {
    let settings = Settings {
        patient: PatientContext {
            under_16: true,
            pregnant: true,
        },
        ..Settings::default()
    };
    for sets in [
        vec![],
        vec![Vitals::total(0).at(0)],
        vec![Vitals::total(7).at(0)],
    ] {
        let d = decide(&history(sets), minutes(10), &settings);
        let kinds: Vec<&NoticeKind> = d.notices.iter().map(|n| &n.kind).collect();
        assert_eq!(kinds, [&NoticeKind::Under16, &NoticeKind::Pregnancy]);
    }
}

#[test]
fn rising_scores_are_marked_as_beyond_rcp() {
    let d = banner(vec![Vitals::total(1).at(0), Vitals::total(3).at(60)], 70);
    let rising: Vec<&str> = d
        .notices
        .iter()
        .filter(|n| matches!(n.kind, NoticeKind::Rising(_)))
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(
        rising,
        ["Stigende NEWS2: +2 (1 → 3) innen 24 timer (beslutningsstøtte, ikke en del av RCP NEWS2)"]
    );
}

#[test]
fn nynorsk_and_english() {
    let sets = vec![Vitals::total(7).at(0)];
    let nn = decide(
        &history(sets.clone()),
        minutes(5),
        &Settings {
            language: Language::Nn,
            ..Settings::default()
        },
    );
    assert_eq!(nn.title, "Høg klinisk risiko – NEWS2 7");
    assert_eq!(
        nn.monitoring,
        "Kontinuerleg overvaking av vitale parametrar."
    );
    let en = decide(
        &history(sets),
        minutes(5),
        &Settings {
            language: Language::En,
            ..Settings::default()
        },
    );
    assert_eq!(en.title, "High clinical risk – NEWS2 7");
    assert_eq!(en.monitoring, "Continuous monitoring of vital signs.");
}

#[test]
fn a_municipality_s_texts_replace_the_response_not_the_decision() {
    let texts = ResponseTexts::from_config(
        r#"{"nb": {"medium": {"response": "Ring legevakt på 116 117."}}}"#,
    )
    .unwrap();
    let settings = Settings {
        texts,
        ..Settings::default()
    };
    let d = decide(
        &history(vec![Vitals::total(5).at(0)]),
        minutes(5),
        &settings,
    );
    assert_eq!(
        (d.level, d.response.as_str()),
        (Level::Medium, "Ring legevakt på 116 117.")
    );
    assert_eq!(d.due_at, Some(minutes(60)));
}
