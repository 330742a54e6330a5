//! The history table's filter by service (issue 13): which choices a history offers, which rows
//! each keeps, and that an entry not yet saved is never filtered away.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Vitals, history};
use news2_widget::clinical::observation_set::ObservationSet;
use news2_widget::clinical::provenance::{Provenance, ServiceKey, ServiceKind};
use news2_widget::fhir::pending::PendingEntries;
use news2_widget::ui::history_table::types::{ServiceFilter, filtered, rows, service_filters};

fn by(set: ObservationSet, organisations: &[&str]) -> ObservationSet {
    let mut set = set;
    set.details.provenance = organisations
        .iter()
        .map(|o| Provenance {
            organisation: Some(o.to_string()),
            service: Some(ServiceKind::HomeCare),
            ..Provenance::default()
        })
        .collect();
    set
}

fn service(name: &str) -> ServiceFilter {
    ServiceFilter::Service(ServiceKey::Organisation(name.into()))
}

#[test]
fn each_service_and_the_unknown_are_offered_and_a_shared_set_is_in_both() {
    let h = history(vec![
        by(Vitals::total(1).at(0), &["Hjemmesykepleien"]),
        by(Vitals::total(2).at(60), &["Legevakten"]),
        by(
            Vitals::total(3).at(120),
            &["Hjemmesykepleien", "Helsehuset"],
        ),
        Vitals::total(0).at(180),
    ]);
    let all = rows(&h, &PendingEntries::default());
    assert_eq!(
        service_filters(&all),
        [
            ServiceFilter::All,
            service("Hjemmesykepleien"),
            service("Helsehuset"),
            service("Legevakten"),
            ServiceFilter::Unknown
        ],
        "newest first, as the rows are"
    );
    let minutes = |rows: Vec<news2_widget::ui::history_table::types::Row>| -> Vec<i64> {
        rows.iter()
            .map(|r| (r.set.taken_at().millis() - common::T0.millis()) / 60_000)
            .collect()
    };
    assert_eq!(
        minutes(filtered(&all, &service("Hjemmesykepleien"))),
        [120, 0]
    );
    assert_eq!(minutes(filtered(&all, &service("Helsehuset"))), [120]);
    assert_eq!(minutes(filtered(&all, &ServiceFilter::Unknown)), [180]);
    assert_eq!(filtered(&all, &ServiceFilter::All).len(), 4);
}

#[test]
fn an_entry_not_yet_saved_is_never_filtered_away() {
    let h = history(vec![
        by(Vitals::total(1).at(0), &["Hjemmesykepleien"]),
        by(Vitals::total(2).at(60), &["Legevakten"]),
    ]);
    let mut pending = PendingEntries::default();
    pending.add("e".into(), Vitals::total(5).at(90));
    let all = rows(&h, &pending);
    assert_eq!(
        service_filters(&all).len(),
        3,
        "the entry offers no choice of its own"
    );
    let shown = filtered(&all, &service("Legevakten"));
    assert_eq!(shown.len(), 2);
    assert!(shown.iter().any(|r| r.flags.unsaved.is_some()));
}
