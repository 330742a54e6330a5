//! A new entry as a transaction Bundle: read back, it is the same set with the same score, and
//! every Observation is created only once however often it is sent.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Vitals;
use news2_widget::clinical::News2;
use news2_widget::fhir::bundle::read_value;
use news2_widget::fhir::history::FhirHistory;
use news2_widget::fhir::write::{ENTRY_SYSTEM, NewEntry};

const ENTRY: &str = "0b8f6f1e-8d7c-4c55-9a53-3f2e4a6b7c8d";

#[test]
fn a_complete_entry_reads_back_as_the_same_scored_set() {
    let set = Vitals::total(5).temperature("38.05").oxygen(true).at(0);
    let bundle = NewEntry {
        entry_id: ENTRY,
        patient: "Patient/pt-1",
        set: &set,
    }
    .transaction();
    assert_eq!(bundle["type"], "transaction");
    let mut history = FhirHistory::new();
    history.add_page(read_value(&bundle));
    let grouped = history.group(None);
    assert_eq!(grouped.problems, []);
    let back = grouped.history.sets().last().unwrap();
    assert_eq!(
        (back.taken_at(), back.vitals()),
        (set.taken_at(), set.vitals())
    );
    assert_eq!(back.score(), set.score());
    assert_eq!((back.disagreements(), back.source_only()), (vec![], vec![]));
    assert!(matches!(back.score(), News2::Complete(_)));
}

#[test]
fn every_observation_is_created_only_if_its_identifier_is_new() {
    let set = Vitals::total(2).at(0);
    let bundle = NewEntry {
        entry_id: ENTRY,
        patient: "Patient/pt-1",
        set: &set,
    }
    .transaction();
    let entries = bundle["entry"].as_array().unwrap();
    assert_eq!(entries.len(), 8, "seven vital signs and the total");
    for entry in entries {
        let identifier = &entry["resource"]["identifier"][0];
        assert_eq!(identifier["system"], ENTRY_SYSTEM);
        let value = identifier["value"].as_str().unwrap();
        assert!(value.starts_with(ENTRY));
        assert_eq!(
            entry["request"]["ifNoneExist"],
            format!("identifier={ENTRY_SYSTEM}|{value}")
        );
        assert_eq!(entry["resource"]["subject"]["reference"], "Patient/pt-1");
    }
    // The same entry gives the same Bundle: a retry sends identical requests.
    assert_eq!(
        bundle,
        NewEntry {
            entry_id: ENTRY,
            patient: "Patient/pt-1",
            set: &set
        }
        .transaction()
    );
}

#[test]
fn an_incomplete_entry_is_written_without_a_total() {
    let set = Vitals::total(2).without_pulse().at(0);
    let bundle = NewEntry {
        entry_id: ENTRY,
        patient: "Patient/pt-1",
        set: &set,
    }
    .transaction();
    let codes: Vec<&str> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["resource"]["code"]["coding"][0]["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"1104051000000101"), "{codes:?}");
    assert_eq!(codes.len(), 6);
}
