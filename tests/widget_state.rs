//! The widget's state without a browser: the load-state transitions (what the view shows after a
//! source is set, its first page, its end, a failure, a newer load) and the outbox of unsaved
//! entries across patient switches. The component only carries events into these types.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::Arc;

use common::{Vitals, minutes};
use news2_widget::clinical::escalation::DataStatus;
use news2_widget::fhir::bundle::read_value;
use news2_widget::fhir::client::{Loaded, Source};
use news2_widget::fhir::history::FhirHistory;
use news2_widget::fhir::retry::{FetchError, FetchErrorKind};
use news2_widget::ui::widget::DataSource;
use news2_widget::ui::widget::load_state::{LoadId, LoadState, Loads, Start, ViewState};
use news2_widget::ui::widget::outbox::Outbox;
use serde_json::{Value, json};

fn patient(id: &str) -> Source {
    Source::Patient {
        base: "https://fhir.example.no/fhir".into(),
        patient: id.into(),
    }
}

fn fhir(id: &str) -> DataSource {
    DataSource::Fhir(patient(id))
}

/// A Bundle with one pulse Observation per `(id, value)`, taken at 08:00.
fn bundle(pulses: &[(&str, u32)]) -> Value {
    let entries: Vec<Value> = pulses
        .iter()
        .map(|(id, value)| {
            json!({"resource": {
                "resourceType": "Observation", "id": id, "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
                "effectiveDateTime": "2026-01-01T08:00:00Z",
                "valueQuantity": {"value": value, "unit": "/min",
                    "system": "http://unitsofmeasure.org", "code": "/min"}
            }})
        })
        .collect();
    json!({"resourceType": "Bundle", "type": "searchset", "entry": entries})
}

fn page(pulses: &[(&str, u32)]) -> FhirHistory {
    let mut history = FhirHistory::new();
    history.add_page(read_value(&bundle(pulses)));
    history
}

fn all(history: FhirHistory) -> Loaded {
    Loaded {
        history,
        stopped: None,
    }
}

fn error(kind: FetchErrorKind) -> FetchError {
    FetchError {
        kind,
        status: None,
        message: "test".into(),
    }
}

fn stopped(history: FhirHistory, kind: FetchErrorKind) -> Loaded {
    Loaded {
        history,
        stopped: Some(error(kind)),
    }
}

fn fetch(loads: &mut Loads, source: &DataSource) -> LoadId {
    match loads.start(source).0 {
        Start::Fetch(id) => id,
        Start::Settled => panic!("a FHIR source is fetched"),
    }
}

/// Whether the history holds the Observation with this id.
fn has(history: &FhirHistory, id: &str) -> bool {
    history.contains(&format!("Observation/{id}"))
}

/// Whether patient a's first Observation is on screen.
fn shown(loads: &Loads) -> Option<bool> {
    loads.history().map(|h| has(h, "a1"))
}

/// A source loaded completely with one Observation `id`.
fn loaded(source: &DataSource, id: &str, at: i64) -> Loads {
    let mut loads = Loads::default();
    let load = fetch(&mut loads, source);
    assert!(loads.finished(load, all(page(&[(id, 70)])), Some(minutes(at))));
    loads
}

#[test]
fn nothing_configured_waits_on_the_skeleton() {
    let mut loads = Loads::default();
    assert_eq!(loads.view(true), ViewState::Loading);
    assert_eq!(loads.start(&DataSource::None), (Start::Settled, true));
    assert!(matches!(loads.state(), LoadState::Waiting));
    assert_eq!(loads.view(true), ViewState::Loading);
    assert!(!loads.settled());
}

#[test]
fn a_new_source_shows_its_first_page_at_once_and_the_rest_at_the_end() {
    let mut loads = Loads::default();
    let (start, changed) = loads.start(&fhir("a"));
    let Start::Fetch(load) = start else {
        panic!("fetched")
    };
    assert!(changed);
    assert!(matches!(loads.state(), LoadState::Loading));
    assert_eq!(loads.view(true), ViewState::Loading);

    assert!(loads.first_page(load, &page(&[("a1", 70)]), Some(minutes(0))));
    assert!(matches!(loads.state(), LoadState::Ready { more: true, .. }));
    assert_eq!(loads.view(false), ViewState::Ready);
    assert!(!loads.settled(), "events wait for the last page");
    assert!(loads.complete_history().is_none(), "the outbox waits too");

    let whole = page(&[("a1", 70), ("a2", 72)]);
    assert!(loads.finished(load, all(whole), Some(minutes(1))));
    assert!(loads.settled());
    assert!(loads.complete_history().is_some_and(|h| has(h, "a2")));
    assert_eq!(
        loads.data_status(),
        Some(DataStatus::Current {
            refreshed_at: minutes(1)
        })
    );
    assert!(loads.failure().is_none() && loads.interrupted().is_none());
}

#[test]
fn a_refresh_keeps_the_data_on_screen_shared_and_does_not_re_render() {
    let source = fhir("a");
    let mut loads = loaded(&source, "a1", 0);
    let before: *const FhirHistory = loads.history().expect("shown");
    let (start, changed) = loads.start(&source);
    assert!(matches!(start, Start::Fetch(_)));
    assert!(
        !changed,
        "a refresh changes nothing on screen until it ends"
    );
    assert!(
        std::ptr::eq(before, loads.history().expect("still shown")),
        "the history is shared, not copied"
    );
    // The refresh's first page does not replace the whole history with one page.
    let Start::Fetch(load) = start else {
        unreachable!()
    };
    assert!(!loads.first_page(load, &page(&[("a9", 90)]), Some(minutes(5))));
    assert!(
        loads
            .history()
            .is_some_and(|h| has(h, "a1") && !has(h, "a9"))
    );
}

#[test]
fn a_failed_refresh_keeps_the_same_patients_data_and_says_it_is_unreachable() {
    let source = fhir("a");
    let mut loads = loaded(&source, "a1", 0);
    for attempt in 1..=2 {
        let load = fetch(&mut loads, &source);
        assert!(loads.finished(
            load,
            stopped(FhirHistory::new(), FetchErrorKind::Network),
            Some(minutes(5 * attempt))
        ));
        assert!(matches!(loads.state(), LoadState::Failed { .. }));
        assert_eq!(shown(&loads), Some(true), "attempt {attempt}");
        assert_eq!(loads.view(false), ViewState::Ready, "not the error view");
        assert_eq!(
            loads.data_status(),
            Some(DataStatus::Unreachable {
                last_refreshed: Some(minutes(0))
            }),
            "last heard at the first load, attempt {attempt}"
        );
        assert_eq!(
            loads.interrupted().map(|e| e.kind),
            Some(FetchErrorKind::Network)
        );
        assert!(loads.settled());
    }
}

#[test]
fn another_patients_data_never_stands_in() {
    let mut loads = loaded(&fhir("a"), "a1", 0);
    let load = fetch(&mut loads, &fhir("b"));
    assert!(matches!(loads.state(), LoadState::Loading));
    assert!(loads.history().is_none(), "patient a's data left with a");
    assert!(loads.finished(
        load,
        stopped(FhirHistory::new(), FetchErrorKind::Network),
        Some(minutes(1))
    ));
    assert!(matches!(
        loads.state(),
        LoadState::Failed { previous: None, .. }
    ));
    assert!(loads.history().is_none());
    assert_eq!(loads.view(true), ViewState::Error);
    assert_eq!(
        loads.data_status(),
        Some(DataStatus::Unreachable {
            last_refreshed: None
        }),
        "patient a's refresh time is not patient b's"
    );
}

#[test]
fn switching_back_to_a_patient_loads_afresh() {
    let mut loads = loaded(&fhir("a"), "a1", 0);
    let to_b = fetch(&mut loads, &fhir("b"));
    assert!(loads.finished(to_b, all(page(&[("b1", 80)])), Some(minutes(1))));
    let back = fetch(&mut loads, &fhir("a"));
    assert!(
        loads.history().is_none(),
        "b's data is not kept on screen for a, nor a's old data revived"
    );
    assert!(loads.finished(
        back,
        stopped(FhirHistory::new(), FetchErrorKind::Network),
        None
    ));
    assert_eq!(loads.view(true), ViewState::Error);
}

#[test]
fn answers_to_a_replaced_load_are_ignored() {
    let mut loads = Loads::default();
    let for_a = fetch(&mut loads, &fhir("a"));
    let for_b = fetch(&mut loads, &fhir("b"));
    assert!(!loads.is_current(for_a) && loads.is_current(for_b));
    assert!(!loads.first_page(for_a, &page(&[("a1", 70)]), None));
    assert!(!loads.finished(for_a, all(page(&[("a1", 70)])), None));
    assert!(
        matches!(loads.state(), LoadState::Loading),
        "a's late answer is not shown as b's"
    );
    // A refresh replaced by a newer one: the older one's failure cannot fail the newer.
    let mut loads = loaded(&fhir("a"), "a1", 0);
    let older = fetch(&mut loads, &fhir("a"));
    let newer = fetch(&mut loads, &fhir("a"));
    assert!(!loads.finished(
        older,
        stopped(FhirHistory::new(), FetchErrorKind::Auth),
        None
    ));
    assert!(matches!(loads.state(), LoadState::Ready { .. }));
    assert!(loads.finished(newer, all(page(&[("a1", 70)])), Some(minutes(9))));
}

#[test]
fn a_load_stopped_after_some_pages_shows_them_as_partial() {
    let mut loads = Loads::default();
    let load = fetch(&mut loads, &fhir("a"));
    assert!(loads.finished(
        load,
        stopped(page(&[("a1", 70)]), FetchErrorKind::Auth),
        Some(minutes(3))
    ));
    assert_eq!(shown(&loads), Some(true));
    assert_eq!(loads.view(false), ViewState::Ready);
    assert!(loads.failure().is_none(), "not the error view");
    assert_eq!(
        loads.interrupted().map(|e| e.kind),
        Some(FetchErrorKind::Auth)
    );
    assert_eq!(
        loads.data_status(),
        Some(DataStatus::Unreachable {
            last_refreshed: Some(minutes(3))
        }),
        "what arrived is shown, and the banner knows the rest did not"
    );
}

#[test]
fn a_retry_after_an_error_shows_the_skeleton_not_the_error() {
    let source = fhir("a");
    let mut loads = Loads::default();
    let load = fetch(&mut loads, &source);
    assert!(loads.finished(
        load,
        stopped(FhirHistory::new(), FetchErrorKind::Server),
        None
    ));
    assert_eq!(loads.view(true), ViewState::Error);
    let (_, changed) = loads.start(&source);
    assert!(changed);
    assert_eq!(loads.view(true), ViewState::Loading);
}

#[test]
fn a_refused_configuration_is_an_error_with_its_kind() {
    let mut loads = loaded(&fhir("a"), "a1", 0);
    assert_eq!(
        loads.start(&DataSource::Misconfigured(
            "patient holds a national id".into()
        )),
        (Start::Settled, true)
    );
    assert!(loads.history().is_none());
    assert_eq!(loads.view(true), ViewState::Error);
    assert_eq!(
        loads.failure().map(|e| e.kind),
        Some(FetchErrorKind::Config)
    );
    // Configured again with the same source: a fresh load, not a refresh of the old data.
    let (_, changed) = loads.start(&fhir("a"));
    assert!(changed);
    assert!(matches!(loads.state(), LoadState::Loading));
}

#[test]
fn a_hosts_bundle_is_read_at_once_and_never_called_stale() {
    let mut loads = Loads::default();
    let given = DataSource::Bundle(Arc::new(bundle(&[("a1", 70)])));
    assert_eq!(loads.start(&given), (Start::Settled, true));
    assert!(loads.settled());
    assert_eq!(shown(&loads), Some(true));
    assert_eq!(loads.data_status(), None, "the host keeps it current");
    assert_eq!(loads.view(false), ViewState::Ready);
    assert_eq!(loads.view(true), ViewState::Empty);
}

#[test]
fn view_names_are_the_data_state_attribute() {
    let names: Vec<&str> = [
        ViewState::Loading,
        ViewState::Error,
        ViewState::Empty,
        ViewState::Ready,
    ]
    .map(ViewState::name)
    .to_vec();
    assert_eq!(names, ["loading", "error", "empty", "ready"]);
}

fn outbox_with(source: &DataSource, entries: &[&str]) -> Outbox {
    let mut outbox = Outbox::default();
    outbox.follow(source);
    for (i, id) in entries.iter().enumerate() {
        outbox
            .current_mut()
            .add((*id).into(), Vitals::total(0).at(i as i64));
    }
    outbox
}

fn ids(outbox: &Outbox) -> Vec<&str> {
    outbox
        .current()
        .entries()
        .iter()
        .map(|e| e.entry_id.as_str())
        .collect()
}

#[test]
fn an_unsaved_set_is_set_aside_for_another_patient_and_comes_back_with_its_own() {
    let mut outbox = outbox_with(&fhir("a"), &["a-entry"]);
    assert!(outbox.follow(&fhir("b")), "the owner changed");
    assert!(ids(&outbox).is_empty(), "a's entry is not shown with b");
    assert_eq!(outbox.set_aside_count(), 1);
    outbox
        .current_mut()
        .add("b-entry".into(), Vitals::red().at(5));
    assert!(outbox.follow(&fhir("c")));
    assert_eq!(outbox.set_aside_count(), 2);
    assert!(outbox.follow(&fhir("b")));
    assert_eq!(ids(&outbox), ["b-entry"]);
    assert!(outbox.follow(&fhir("a")));
    assert_eq!(ids(&outbox), ["a-entry"]);
    assert_eq!(outbox.set_aside_count(), 1, "b's waits for b");
}

#[test]
fn the_same_source_again_keeps_the_entries() {
    let mut outbox = outbox_with(&fhir("a"), &["a-entry"]);
    assert!(
        !outbox.follow(&fhir("a")),
        "a refresh or retry is not a switch"
    );
    assert_eq!(ids(&outbox), ["a-entry"]);
    // The same patient on another server is another record.
    let elsewhere = DataSource::Fhir(Source::Patient {
        base: "https://other.example.no/fhir".into(),
        patient: "a".into(),
    });
    assert!(outbox.follow(&elsewhere));
    assert!(ids(&outbox).is_empty());
}

#[test]
fn a_source_that_is_not_a_fhir_patient_keeps_the_owner() {
    for source in [
        DataSource::None,
        DataSource::Misconfigured("refused".into()),
        DataSource::Bundle(Arc::new(bundle(&[]))),
    ] {
        let mut outbox = outbox_with(&fhir("a"), &["a-entry"]);
        assert!(!outbox.follow(&source), "{source:?}");
        assert_eq!(ids(&outbox), ["a-entry"], "{source:?}");
        assert!(!outbox.follow(&fhir("a")), "back to a: the same owner");
    }
}

#[test]
fn entries_made_on_a_hosts_bundle_never_go_to_a_fhir_patient() {
    let mut outbox = outbox_with(&DataSource::Bundle(Arc::new(bundle(&[]))), &["host-entry"]);
    assert!(outbox.follow(&fhir("a")));
    assert!(ids(&outbox).is_empty());
    assert_eq!(outbox.set_aside_count(), 1);
}

#[test]
fn an_empty_outbox_leaves_nothing_aside() {
    let mut outbox = Outbox::default();
    for id in ["a", "b", "c", "a"] {
        outbox.follow(&fhir(id));
    }
    assert_eq!(outbox.set_aside_count(), 0);
}

/// Guards an escalation response recorded for one patient: set aside with her unsaved sets when
/// the widget moves to another, never shown or sent with the other's, and back with her own.
#[test]
fn an_unsaved_response_follows_its_patient() {
    use news2_widget::clinical::ClinicalRisk;
    use news2_widget::clinical::response::{Channel, EscalationResponse, Recipient};
    use news2_widget::fhir::pending::{PendingResponse, ResponseState};

    let set = Vitals::red().at(0);
    let response = EscalationResponse::new(
        Recipient::Doctor,
        None,
        Channel::Phone,
        set.taken_at(),
        None,
        None,
        set.taken_at(),
        ClinicalRisk::LowMedium,
        set.taken_at(),
    )
    .unwrap();
    let mut outbox = outbox_with(&fhir("a"), &[]);
    outbox.responses_mut().add(PendingResponse {
        response_id: "a-response".into(),
        response,
        about: vec![],
        isbar: String::new(),
        state: ResponseState::Failed(error(FetchErrorKind::Network)),
    });
    assert!(outbox.follow(&fhir("b")));
    assert!(outbox.responses().is_empty(), "not shown with b");
    assert_eq!(outbox.set_aside_count(), 1);
    assert!(outbox.follow(&fhir("a")));
    assert_eq!(outbox.responses().responses()[0].response_id, "a-response");
    // Read back by a load: it leaves; one still being saved would stay until its save ends.
    let mut read = outbox.responses().responses()[0].recorded();
    assert!(outbox.responses_mut().forget_arrived(&[read.clone()]));
    assert!(outbox.responses().is_empty());
    read.response_id = Some("another".into());
    assert!(!outbox.responses_mut().forget_arrived(&[read]));
}
