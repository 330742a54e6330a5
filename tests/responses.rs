//! Escalation responses (issue 16): which recorded responses answer the band in force, when a
//! medium or high band has gone unanswered for longer than its monitoring interval, and how the
//! banner and the table say so, with responses shaped as sources send them (another system's
//! without `about`, a late record about an earlier set, a withdrawn one, the same one twice).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Vitals, history, minutes};
use news2_widget::clinical::ClinicalRisk;
use news2_widget::clinical::escalation::texts::{Language, ResponseTexts};
use news2_widget::clinical::escalation::{Decision, Notice, Settings, decide};
use news2_widget::clinical::observation_set::ObservationSet;
use news2_widget::clinical::response::{
    Channel, Recipient, RecordedResponse, Responses, Unanswered,
};
use news2_widget::clinical::time::HOUR;
use news2_widget::fhir::bundle::read_value;
use news2_widget::fhir::history::FhirHistory;
use news2_widget::i18n::banner::banner;
use news2_widget::i18n::format::FixedZone;
use news2_widget::ui::history_table::types::{rows, with_responses};
use serde_json::json;

/// A set taken at `m` minutes with the given total, made from the Observation `id`.
fn set(total: u8, m: i64, id: &str) -> ObservationSet {
    let mut set = Vitals::total(total).at(m);
    set.details.observations = vec![format!("Observation/{id}")];
    set
}

fn response(at: i64, about: &[&str]) -> RecordedResponse {
    RecordedResponse {
        response_id: None,
        informed: Some(Recipient::OutOfHours),
        informed_name: None,
        channel: Some(Channel::Phone),
        at: minutes(at),
        by: Some("Kari Nordmann".into()),
        note: None,
        about: about.iter().map(|id| format!("Observation/{id}")).collect(),
        band: None,
        subject: None,
        categorised: true,
    }
}

fn decision(sets: Vec<ObservationSet>, recorded: Vec<RecordedResponse>, now: i64) -> Decision {
    let settings = Settings {
        responses: Responses {
            recorded,
            complete: true,
        },
        ..Settings::default()
    };
    decide(&history(sets), minutes(now), &settings)
}

fn unanswered(d: &Decision) -> Option<Unanswered> {
    d.notices.iter().find_map(|n| match n {
        Notice::Unanswered(u) => Some(*u),
        _ => None,
    })
}

/// Guards the rule's edges: a medium or high band unanswered for longer than its interval (one
/// hour) is said; at the hour it is not yet; a low–medium or low band never is.
#[test]
fn a_band_is_unanswered_only_after_its_monitoring_interval() {
    // (total, minutes since the set, said)
    let cases = [
        (7, 60, false),
        (7, 61, true),
        (5, 61, true),
        (5, 30, false),
        (3, 600, false),
        (0, 600, false),
    ];
    for (total, after, said) in cases {
        let d = decision(vec![set(total, 0, "a")], vec![], after);
        assert_eq!(
            unanswered(&d).is_some(),
            said,
            "total {total} after {after} min"
        );
    }
    let d = decision(vec![set(7, 0, "a")], vec![], 90);
    assert_eq!(
        unanswered(&d),
        Some(Unanswered {
            band: ClinicalRisk::High,
            since: minutes(0),
            interval: HOUR,
        })
    );
}

/// Guards a calm claim from an incomplete picture: where the responses were not all read (PMD,
/// a Bundle, a failed search), nothing is said about their absence.
#[test]
fn without_every_response_read_nothing_is_said_about_their_absence() {
    let settings = Settings {
        responses: Responses {
            recorded: vec![],
            complete: false,
        },
        ..Settings::default()
    };
    let d = decide(&history(vec![set(7, 0, "a")]), minutes(300), &settings);
    assert_eq!(unanswered(&d), None);
}

/// Guards which responses answer the band: one about a set of the run at this band or higher
/// does, also after the band rose again within it; one about a set before the run, even if
/// recorded later, does not; one naming no set the history holds counts by when it was given.
#[test]
fn a_response_answers_the_run_of_sets_at_its_band() {
    // Medium at 0 (answered at 10), high at 60 and 120 with an incomplete set between.
    let mut incomplete = Vitals::total(0).without_pulse().at(90);
    incomplete.details.observations = vec!["Observation/i".into()];
    let sets = || {
        vec![
            set(5, 0, "m"),
            set(7, 60, "h1"),
            incomplete.clone(),
            set(7, 120, "h2"),
        ]
    };
    // (response, answers the high band)
    let cases = [
        (response(10, &["m"]), false),
        (response(130, &["m"]), false),
        (response(70, &["h1"]), true),
        (response(95, &["i"]), true),
        (response(125, &["h2"]), true),
        (response(65, &[]), true),
        (response(30, &[]), false),
        (response(65, &["elsewhere"]), true),
        // Another system's message about some other Observation: not a response to the score.
        (
            RecordedResponse {
                categorised: false,
                ..response(65, &["elsewhere"])
            },
            false,
        ),
        // Dated after now (200): a wrong date answers nothing.
        (response(250, &[]), false),
        (response(250, &["h2"]), false),
        // Placed by time, but to a band it says was lower: the medium one, recorded late.
        (
            RecordedResponse {
                band: Some(ClinicalRisk::Medium),
                ..response(65, &[])
            },
            false,
        ),
        (
            RecordedResponse {
                band: Some(ClinicalRisk::High),
                ..response(65, &[])
            },
            true,
        ),
        // About a set of the run, but to a band it says was lower (the set scored higher since).
        (
            RecordedResponse {
                band: Some(ClinicalRisk::Medium),
                ..response(70, &["h1"])
            },
            false,
        ),
    ];
    for (r, answers) in cases {
        let d = decision(sets(), vec![r.clone()], 200);
        assert_eq!(d.responses.len(), usize::from(answers), "{r:?}");
        assert_eq!(unanswered(&d).is_none(), answers, "{r:?}");
        if !answers {
            assert_eq!(unanswered(&d).map(|u| u.since), Some(minutes(60)));
        }
    }
}

/// Guards a response about a set dated ahead of now: about a known set, so never placed by its
/// time into the run it does not belong to.
#[test]
fn a_response_about_a_set_dated_ahead_is_not_placed_by_time() {
    let d = decision(
        vec![set(5, 0, "m"), set(7, 60, "h"), set(0, 24 * 60, "ahead")],
        vec![response(70, &["ahead"])],
        200,
    );
    assert!(d.responses.is_empty());
    assert!(unanswered(&d).is_some());
}

/// Guards a band that fell: a response to the higher band answers the lower one that follows
/// in the same run, and a fall below medium ends the question.
#[test]
fn a_response_to_a_higher_band_answers_a_lower_one_that_follows() {
    let d = decision(
        vec![set(7, 0, "h"), set(5, 60, "m")],
        vec![response(5, &["h"])],
        200,
    );
    assert_eq!(d.responses.len(), 1);
    assert_eq!(unanswered(&d), None);
    let d = decision(vec![set(7, 0, "h"), set(2, 60, "l")], vec![], 200);
    assert_eq!(unanswered(&d), None);
}

/// Guards the banner's words: the line in all three languages, and each answering response as
/// a line naming whom, when, by whom and how, newest first.
#[test]
fn the_banner_says_it_in_words() {
    let zone = FixedZone(60);
    let d = decision(vec![set(7, 0, "a")], vec![], 90);
    let expected = [
        (
            Language::Nb,
            "Ingen respons er registrert på høy risiko siden",
        ),
        (
            Language::Nn,
            "Ingen respons er registrert på høg risiko sidan",
        ),
        (
            Language::En,
            "No response has been recorded to the high risk since",
        ),
    ];
    for (language, start) in expected {
        let words = banner(&d, language, &ResponseTexts::default(), &zone);
        assert!(
            words.notices.iter().any(|n| n.starts_with(start)),
            "{language:?}: {:?}",
            words.notices
        );
        assert!(words.responses.is_empty());
    }
    let mut named = response(20, &["a"]);
    named.informed_name = Some("Legevakten <b>Nord</b>".into());
    let d = decision(vec![set(7, 0, "a")], vec![response(10, &["a"]), named], 90);
    let words = banner(&d, Language::Nb, &ResponseTexts::default(), &zone);
    assert_eq!(
        words.responses,
        [
            "Legevakt (Legevakten <b>Nord</b>) informert 01.01.2026 01:20 av Kari Nordmann, telefon",
            "Legevakt informert 01.01.2026 01:10 av Kari Nordmann, telefon",
        ]
    );
    assert!(words.notices.iter().all(|n| !n.contains("Ingen respons")));
}

/// Guards responses as a FHIR source sends them: read from a Bundle beside the Observations,
/// the same one twice counted once, a withdrawn one listed as a problem and not counted.
#[test]
fn responses_in_a_bundle_are_read_once_and_a_withdrawn_one_is_not_one() {
    let communication = |id: &str, status: &str| {
        json!({
            "fullUrl": format!("Communication/{id}"),
            "resource": {
                "resourceType": "Communication",
                "id": id,
                "status": status,
                "sent": "2026-11-26T14:05:00+01:00",
                "recipient": [{"display": "Legevakten"}],
                "about": [{"reference": "Observation/x"}],
            }
        })
    };
    let bundle = json!({
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            communication("c1", "completed"),
            communication("c1", "completed"),
            communication("c2", "entered-in-error"),
        ]
    });
    let mut history = FhirHistory::new();
    history.add_page(read_value(&bundle));
    history.add_page(read_value(&bundle));
    let grouped = history.group(None);
    assert_eq!(grouped.responses.recorded.len(), 1);
    assert_eq!(
        grouped.responses.recorded[0].informed_name.as_deref(),
        Some("Legevakten")
    );
    assert!(
        !grouped.responses.complete,
        "a Bundle may not hold them all"
    );
    assert_eq!(
        grouped
            .problems
            .iter()
            .filter(|p| p.message.contains("entered-in-error"))
            .count(),
        1,
        "{:?}",
        grouped.problems
    );
}

/// Guards the table: each response beside the set it names, another system's beside the set
/// taken before it was given, one older than every set beside the oldest; none left out.
#[test]
fn the_table_shows_each_response_beside_its_set() {
    let h = history(vec![set(5, 0, "a"), set(7, 60, "b")]);
    let mut rows = rows(&h, &Default::default());
    with_responses(
        &mut rows,
        &[response(200, &["a"]), response(70, &[]), response(-30, &[])],
    );
    let at = |row: usize| -> Vec<_> { rows[row].responses.iter().map(|r| r.at).collect() };
    assert_eq!(rows[0].set.taken_at(), minutes(60));
    assert_eq!(at(0), [minutes(70)]);
    assert_eq!(at(1), [minutes(200), minutes(-30)]);
}
