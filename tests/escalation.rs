//! The escalation decision: one function from history, clock and settings to the banner, and
//! its words in nb, nn and en.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Vitals, history, hours, minutes};
use news2_widget::clinical::ClinicalRisk;
use news2_widget::clinical::Parameter;
use news2_widget::clinical::escalation::texts::{Language, ResponseRow, ResponseTexts};
use news2_widget::clinical::escalation::{
    Basis, DataStatus, Decision, Level, Notice, PatientContext, Settings, decide,
};
use news2_widget::clinical::observation_set::{ObservationSet, StatedScore};
use news2_widget::clinical::schedule::ScheduleStatus;
use news2_widget::clinical::time::{HOUR, MINUTE};
use news2_widget::i18n::banner::{BannerWords, banner as words_of};
use news2_widget::i18n::format::FixedZone;

fn banner(sets: Vec<ObservationSet>, now_minutes: i64) -> Decision {
    decide(&history(sets), minutes(now_minutes), &Settings::default())
}

fn words(d: &Decision, language: Language) -> BannerWords {
    words_of(d, language, &ResponseTexts::default(), &FixedZone(0))
}

fn nb(d: &Decision) -> BannerWords {
    words(d, Language::Nb)
}

fn defaults(row: ResponseRow) -> (String, String) {
    let texts = ResponseTexts::default().row(Language::Nb, row);
    (texts.response, texts.monitoring)
}

fn stated(total: u8) -> StatedScore {
    StatedScore {
        total: Some(total),
        ..StatedScore::default()
    }
}

/// A set with nothing but a total its source stated (no components, or only unknown ones).
fn total_only(total: u8, at: i64) -> ObservationSet {
    let mut set = Vitals::none().at(at);
    set.stated = Some(stated(total));
    set
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
        let w = nb(&d);
        assert_eq!((d.level, w.title.as_str()), (level, title));
        assert_eq!((w.response, w.monitoring), defaults(row), "{title}");
        assert!(
            d.also.is_empty() && d.notices.is_empty(),
            "{title}: {:?} {:?}",
            d.also,
            d.notices
        );
        // It always says which set it stands on, and how old that is.
        assert_eq!(
            w.stands_on.as_deref(),
            Some(format!(
                "Bygger på målingen 01.01.2026 00:00 (10 min siden): NEWS2 {}, {} risiko.",
                match d.standing.as_ref().map(|s| &s.basis) {
                    Some(Basis::Computed { total, .. }) => *total,
                    _ => panic!("a complete set"),
                },
                match level {
                    Level::High => "høy",
                    Level::Medium => "middels",
                    Level::LowMedium => "lav–middels",
                    _ => "lav",
                }
            ))
            .as_deref()
        );
    }
}

#[test]
fn due_and_overdue_times_come_with_the_decision() {
    let d = banner(vec![Vitals::total(2).at(0)], 60);
    assert_eq!((d.due_at, d.overdue_by()), (Some(hours(4)), None));
    let d = banner(vec![Vitals::total(2).at(0)], 7 * 60);
    assert_eq!(
        (d.level, d.also.as_slice(), d.overdue_by()),
        (Level::Overdue, &[Level::Information][..], Some(HOUR))
    );
    let w = nb(&d);
    assert_eq!(w.title, "Ny NEWS2-måling er forsinket");
    assert_eq!(w.level, "Måling forsinket");
    assert_eq!(w.monitoring, defaults(ResponseRow::Low).1);
    assert_eq!(
        w.due.as_deref(),
        Some("Forsinket med 1 t 0 min (skulle vært tatt senest 01.01.2026 06:00).")
    );
    assert_eq!(d.overdue_after, Some(hours(6)));
    let d = banner(vec![Vitals::total(7).at(0)], 30);
    assert_eq!(
        (d.level, d.due_at, d.overdue_by()),
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
fn an_incomplete_newer_set_shows_its_certain_band_and_what_is_missing() {
    let d = banner(
        vec![Vitals::total(0).at(0), Vitals::red().without_pulse().at(30)],
        40,
    );
    assert_eq!(d.level, Level::IncompleteMinimum(ClinicalRisk::LowMedium));
    let w = nb(&d);
    assert_eq!(
        w.title,
        "Ufullstendig måling – minst lav–middels klinisk risiko"
    );
    assert_eq!((w.response, w.monitoring), defaults(ResponseRow::LowMedium));
    assert_eq!(
        w.stands_on.as_deref(),
        Some("Bygger på en ufullstendig måling 01.01.2026 00:30 (10 min siden) (mangler: puls).")
    );
    assert_eq!(
        w.last_complete.as_deref(),
        Some("Siste fullstendige måling: NEWS2 0 (lav risiko), 01.01.2026 00:00 (40 min siden).")
    );
    assert_eq!(
        w.to_complete.as_deref(),
        Some(
            "Nyeste måling, 01.01.2026 00:30 (10 min siden) er ufullstendig og mangler puls. \
             Fullfør målingen nå."
        )
    );
    // A band no higher than the last complete set's changes nothing: high stays high.
    let d = banner(
        vec![Vitals::total(7).at(0), Vitals::red().without_pulse().at(30)],
        40,
    );
    assert_eq!(d.level, Level::High);
    assert!(
        d.to_complete.is_some(),
        "and the newest set is still to complete"
    );
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
    assert_eq!(nb(&d).monitoring, defaults(ResponseRow::High).1);
}

// Issue 10, case 4: an incomplete newest set with nothing certain must not leave the older
// complete set's calm message standing as if it were current.
#[test]
fn a_newer_incomplete_set_with_nothing_certain_asks_to_complete_it_now() {
    let d = banner(
        vec![
            Vitals::total(0).at(0),
            Vitals::total(2).without_pulse().at(180),
        ],
        190,
    );
    assert_eq!(d.level, Level::Incomplete);
    let w = nb(&d);
    assert_eq!(w.title, "Ufullstendig måling – fullfør målingen nå");
    assert!(w.response.starts_with("Mål puls nå"), "{}", w.response);
    // The older complete score is beside it, with its age, as a reference: its 12-hourly
    // schedule does not stand while the newer set is incomplete.
    assert_eq!(
        w.stands_on.as_deref(),
        Some(
            "Siste fullstendige måling: NEWS2 0 (lav risiko), 01.01.2026 00:00 (3 t 10 min siden)."
        )
    );
    assert!(w.to_complete.is_some());
    assert_eq!(w.monitoring, "Fullfør målingen innen en time.");
    assert_eq!(d.due_at, Some(minutes(180 + 60)));
    // Nothing complete and nothing certain: complete it too.
    let d = banner(vec![Vitals::total(2).without_pulse().at(0)], 10);
    assert_eq!((d.level, d.standing.as_ref()), (Level::Incomplete, None));
    assert_eq!(nb(&d).monitoring, "Fullfør målingen innen en time.");
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
    assert_eq!(nb(&d).monitoring, defaults(ResponseRow::LowMedium).1);
}

#[test]
fn no_sets_yet() {
    let d = banner(vec![], 0);
    assert_eq!((d.level, d.due_at), (Level::Information, None));
    assert_eq!(nb(&d).title, "Ingen NEWS2-målinger ennå");
}

// Issue 10, case 1: a set dated in the future never becomes "the latest".
#[test]
fn a_set_dated_in_the_future_is_reported_and_never_the_latest() {
    let d = banner(
        vec![
            Vitals::total(0).at(0),
            Vitals::total(7).at(60),
            // A year typed wrong.
            Vitals::total(0).at(365 * 24 * 60),
        ],
        70,
    );
    assert_eq!(d.level, Level::High);
    assert_eq!(d.also, [Level::FutureDated]);
    assert_eq!(
        d.due_at,
        Some(hours(2)),
        "the schedule follows the real latest set"
    );
    assert!(d.notices.contains(&Notice::FutureDated {
        count: 1,
        first: minutes(365 * 24 * 60)
    }));
    // Within the clock tolerance (5 minutes) a set counts as taken.
    let d = banner(vec![Vitals::total(0).at(0), Vitals::total(7).at(15)], 10);
    assert_eq!((d.level, d.also.as_slice()), (Level::High, &[][..]));
    // Beyond it, the warning leads over a calm banner.
    let d = banner(vec![Vitals::total(0).at(0), Vitals::total(7).at(16)], 10);
    assert_eq!((d.level, d.also.as_slice()), (Level::FutureDated, &[][..]));
    let d = banner(vec![Vitals::total(5).at(0), Vitals::total(7).at(16)], 10);
    assert_eq!(
        (d.level, d.also.as_slice()),
        (Level::Medium, &[Level::FutureDated][..])
    );
}

// Issue 10, case 3: a stated total without usable components is shown and drives the banner.
#[test]
fn a_total_the_source_stated_drives_the_banner_when_it_is_the_newest() {
    let d = banner(vec![Vitals::total(0).at(0), total_only(9, 60)], 70);
    assert_eq!(d.level, Level::SourceStated(ClinicalRisk::High));
    assert_eq!(
        d.standing.as_ref().map(|s| (&s.basis, s.at)),
        Some((&Basis::Stated { total: 9 }, minutes(60)))
    );
    assert_eq!(
        d.to_complete, None,
        "a stated total is not a set to complete"
    );
    let w = nb(&d);
    assert_eq!(w.title, "Høy klinisk risiko – NEWS2 9 oppgitt av kilden");
    assert_eq!(
        w.stands_on.as_deref(),
        Some(
            "Bygger på NEWS2 9 oppgitt av kilden 01.01.2026 01:00 (10 min siden), ikke beregnet \
             på nytt fra målingene."
        )
    );
    assert_eq!((w.response, w.monitoring), defaults(ResponseRow::High));
    // An older stated total does not outrank a newer complete set.
    let d = banner(vec![total_only(9, 0), Vitals::total(0).at(60)], 70);
    assert_eq!(d.level, Level::None);
    // A calm stated total stands as itself, not as "incomplete", when it names more.
    let d = banner(vec![Vitals::total(0).at(0), total_only(2, 60)], 70);
    assert_eq!(d.level, Level::SourceStated(ClinicalRisk::Low));
    // A newer but calmer one does not replace the band's higher total.
    let d = banner(vec![Vitals::total(3).at(0), total_only(0, 60)], 70);
    assert_eq!(d.level, Level::Information);
}

// Issue 10, case 5: a disagreement stays in view for 24 hours, or until acknowledged.
#[test]
fn a_disagreement_stays_for_24_hours_or_until_acknowledged() {
    let mut disagreeing = Vitals::total(1).at(0);
    disagreeing.stated = Some(stated(3));
    let sets = vec![disagreeing, Vitals::total(1).without_pulse().at(30)];
    let d = banner(sets.clone(), 40);
    assert!(d.also.contains(&Level::SourceDisagreement), "{:?}", d.also);
    assert_eq!(d.disagreeing_sets, [minutes(0)]);
    assert!(
        nb(&d).notices.contains(
            &"NEWS2 (01.01.2026 00:00): kilden oppgir 3, beregnet fra målingene 1.".into()
        )
    );
    let later = decide(
        &history(sets.clone()),
        minutes(24 * 60 + 1),
        &Settings::default(),
    );
    assert!(!later.also.contains(&Level::SourceDisagreement));
    let acknowledged = Settings {
        acknowledged_disagreements: vec![minutes(0)],
        ..Settings::default()
    };
    let d = decide(&history(sets), minutes(40), &acknowledged);
    assert!(!d.also.contains(&Level::SourceDisagreement) && d.disagreeing_sets.is_empty());
}

#[test]
fn a_source_that_disagrees_is_flagged_with_both_scores() {
    let mut set = Vitals::total(1).at(0);
    set.stated = Some(stated(3));
    let d = banner(vec![set], 10);
    assert_eq!(
        (d.level, d.also.as_slice()),
        (Level::SourceDisagreement, &[Level::Information][..])
    );
    assert_eq!(
        nb(&d).notices.last().map(String::as_str),
        Some("NEWS2 (01.01.2026 00:00): kilden oppgir 3, beregnet fra målingene 1.")
    );
}

#[test]
fn unusual_values_are_to_be_verified() {
    let d = banner(vec![Vitals::baseline().pulse("210").at(0)], 10);
    assert_eq!(
        d.notices[0],
        Notice::Verify {
            at: minutes(0),
            parameters: vec![Parameter::Pulse]
        }
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
        assert_eq!(d.notices, [Notice::Under16, Notice::Pregnancy]);
    }
}

#[test]
fn rising_scores_are_marked_as_beyond_rcp() {
    let d = banner(vec![Vitals::total(1).at(0), Vitals::total(3).at(60)], 70);
    let w = nb(&d);
    let rising: Vec<&String> = w
        .notices
        .iter()
        .filter(|n| n.starts_with("Stigende"))
        .collect();
    assert_eq!(
        rising,
        [
            "Stigende NEWS2: +2 (1 → 3) siden 01.01.2026 00:00 (beslutningsstøtte, ikke en del av RCP NEWS2)"
        ]
    );
}

#[test]
fn nynorsk_and_english() {
    let d = banner(vec![Vitals::total(7).at(0)], 5);
    let nn = words(&d, Language::Nn);
    assert_eq!(nn.title, "Høg klinisk risiko – NEWS2 7");
    assert_eq!(
        nn.monitoring,
        "Kontinuerleg overvaking av vitale parametrar, og ei registrert NEWS2-måling minst kvar time."
    );
    assert!(
        nn.response.contains("høgare behandlingsnivå"),
        "{}",
        nn.response
    );
    let en = words(&d, Language::En);
    assert_eq!(en.title, "High clinical risk – NEWS2 7");
    assert_eq!(
        en.stands_on.as_deref(),
        Some("Based on the set taken 01.01.2026 00:00 (5 min ago): NEWS2 7, high risk.")
    );
}

#[test]
fn norwegian_texts_are_for_municipal_care() {
    let d = banner(vec![Vitals::total(7).at(0)], 5);
    let w = nb(&d);
    assert!(
        w.response.contains("høyere behandlingsnivå"),
        "{}",
        w.response
    );
    assert!(!w.response.contains("omsorgsnivå"), "{}", w.response);
    assert!(
        w.response.contains("legevakt") && w.response.contains("113"),
        "{}",
        w.response
    );
    let low = nb(&banner(vec![Vitals::total(2).at(0)], 5));
    assert!(
        low.response.contains("observasjonshyppigheten"),
        "{}",
        low.response
    );
}

#[test]
fn a_municipality_s_texts_replace_the_response_not_the_decision() {
    let text = "Ring legevakt på 116 117.";
    let texts = ResponseTexts::from_config(&format!(
        r#"{{"nb": {{"medium": {{"response": "{text}"}}}}, "nn": {{"medium": {{"response": "{text}"}}}}, "en": {{"medium": {{"response": "{text}"}}}}}}"#
    ))
    .unwrap();
    let d = banner(vec![Vitals::total(5).at(0)], 5);
    let w = words_of(&d, Language::Nb, &texts, &FixedZone(0));
    assert_eq!((d.level, w.response.as_str()), (Level::Medium, text));
    assert_eq!(d.due_at, Some(minutes(60)));
}

#[test]
fn ages_are_said_in_hours_and_minutes() {
    let d = banner(vec![Vitals::total(0).at(0)], 125);
    assert_eq!(
        nb(&d).stands_on.as_deref(),
        Some("Bygger på målingen 01.01.2026 00:00 (2 t 5 min siden): NEWS2 0, lav risiko.")
    );
    let d = banner(vec![Vitals::total(0).at(0)], 0);
    assert_eq!(
        nb(&d).stands_on.as_deref(),
        Some("Bygger på målingen 01.01.2026 00:00 (nå): NEWS2 0, lav risiko.")
    );
}

// From the review of issue 10: a red value re-checked to a calmer one is said in the banner,
// not only in the table.
#[test]
fn a_calmer_re_check_is_said() {
    use news2_widget::clinical::set_values::{MeasuredValue, Rechecked};
    use news2_widget::clinical::{Quantity, Reading};
    let mut set = Vitals::total(0).at(0);
    set.rechecked.push(Rechecked {
        value: MeasuredValue::Reading(Reading::parse(Quantity::Pulse, "135").unwrap()),
        at: minutes(0),
    });
    let d = banner(vec![set], 10);
    assert_eq!(d.level, Level::None);
    assert!(
        matches!(d.notices[..], [Notice::Rechecked { .. }]),
        "{:?}",
        d.notices
    );
    let w = nb(&d);
    assert!(
        w.notices[0].starts_with("Puls ble kontrollmålt: 135 /min"),
        "{}",
        w.notices[0]
    );
    // A re-check that scores the same or higher needs no word in the banner.
    let mut same = Vitals::total(0).at(0);
    same.rechecked.push(Rechecked {
        value: MeasuredValue::Reading(Reading::parse(Quantity::Pulse, "75").unwrap()),
        at: minutes(0),
    });
    assert!(banner(vec![same], 10).notices.is_empty());
}

/// Regression (issue 14): the banner said when the next set was due but not how far away that
/// was, and said nothing between "due" and "overdue" in the 4–6-hour window.
#[test]
fn the_banner_says_when_the_next_set_is_due_and_in_how_long_in_every_language() {
    let sets = || vec![Vitals::total(2).at(0)];
    // 4–6-hourly: due at 04:00, overdue after 06:00.
    let on_time = banner(sets(), 60 + 15);
    assert_eq!(
        on_time.schedule,
        Some(ScheduleStatus::OnTime {
            due_in: 2 * HOUR + 45 * MINUTE
        })
    );
    let due = banner(sets(), 5 * 60);
    assert_eq!(due.schedule, Some(ScheduleStatus::Due));
    assert_eq!(due.overdue_by(), None);
    let overdue = banner(sets(), 6 * 60 + 20);
    assert_eq!(overdue.overdue_by(), Some(20 * MINUTE));
    let said = |d: &Decision, language| words(d, language).due.unwrap_or_default();
    assert_eq!(
        [Language::Nb, Language::Nn, Language::En].map(|l| said(&on_time, l)),
        [
            "Neste måling: 01.01.2026 04:00 (om 2 t 45 min).",
            "Neste måling: 01.01.2026 04:00 (om 2 t 45 min).",
            "Next set due: 01.01.2026 04:00 (in 2 h 45 min).",
        ]
    );
    assert_eq!(
        [Language::Nb, Language::Nn, Language::En].map(|l| said(&due, l)),
        [
            "Neste måling skal tas nå (senest 01.01.2026 06:00).",
            "Neste måling skal takast no (seinast 01.01.2026 06:00).",
            "The next set is due now (at the latest 01.01.2026 06:00).",
        ]
    );
    assert_eq!(
        [Language::Nb, Language::Nn, Language::En].map(|l| said(&overdue, l)),
        [
            "Forsinket med 20 min (skulle vært tatt senest 01.01.2026 06:00).",
            "Forseinka med 20 min (skulle vore teken seinast 01.01.2026 06:00).",
            "Overdue by 20 min (due at the latest 01.01.2026 06:00).",
        ]
    );
    // With no sets there is no schedule and nothing is said about one.
    let none = banner(vec![], 60);
    assert_eq!((none.schedule, nb(&none).due), (None, None));
}
