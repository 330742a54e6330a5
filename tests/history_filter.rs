//! The history table's filter by service (issue 13): which choices a history offers and in which
//! order, which rows each keeps, when the filter is offered and when it falls back to all, the
//! row's `data-services`, and that an entry not yet saved is never filtered away.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Vitals, history};
use news2_widget::clinical::observation_set::ObservationSet;
use news2_widget::clinical::provenance::{Provenance, ServiceKey, ServiceKind};
use news2_widget::fhir::pending::PendingEntries;
use news2_widget::i18n::Language;
use news2_widget::i18n::words::shown_of;
use news2_widget::ui::history_table::filter::{
    ServiceFilter, filter, service_choices, service_names, still_chosen, worth_offering,
};
use news2_widget::ui::history_table::types::{PAGE_SIZE, Row, page, page_count, rows};

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

fn of_kinds(set: ObservationSet, kinds: &[ServiceKind]) -> ObservationSet {
    let mut set = set;
    set.details.provenance = kinds
        .iter()
        .map(|&kind| Provenance {
            service: Some(kind),
            ..Provenance::default()
        })
        .collect();
    set
}

fn service(name: &str) -> ServiceFilter {
    ServiceFilter::Service(ServiceKey::Organisation(name.into()))
}

/// Minutes after T0 of each row, in the rows' order (newest first).
fn minutes(rows: &[Row]) -> Vec<i64> {
    rows.iter()
        .map(|r| (r.set.taken_at().millis() - common::T0.millis()) / 60_000)
        .collect()
}

fn shared_history() -> Vec<Row> {
    let h = history(vec![
        by(Vitals::total(1).at(0), &["Hjemmesykepleien"]),
        by(Vitals::total(2).at(60), &["Legevakten"]),
        by(
            Vitals::total(3).at(120),
            &["Hjemmesykepleien", "Helsehuset"],
        ),
        Vitals::total(0).at(180),
    ]);
    rows(&h, &PendingEntries::default())
}

#[test]
fn each_service_and_the_unknown_are_offered_in_a_fixed_order() {
    let all = shared_history();
    let choices = service_choices(&all);
    assert_eq!(
        choices,
        [
            ServiceFilter::All,
            service("Helsehuset"),
            service("Hjemmesykepleien"),
            service("Legevakten"),
            ServiceFilter::Unknown
        ],
        "All, the services by name, then the sets of no service"
    );
    assert!(worth_offering(&choices));
    // A new set from another service does not reorder the choices already there.
    let mut more = all.clone();
    more.insert(
        0,
        rows(
            &history(vec![by(Vitals::total(1).at(240), &["Aasane sykehjem"])]),
            &PendingEntries::default(),
        )
        .remove(0),
    );
    let after = service_choices(&more);
    assert_eq!(after[0], ServiceFilter::All);
    assert_eq!(after[1], service("Aasane sykehjem"));
    assert_eq!(after[2..], choices[1..]);
    // Organisations by name come before kinds of service named without an organisation.
    let kinds = rows(
        &history(vec![
            of_kinds(Vitals::total(1).at(0), &[ServiceKind::OutOfHours]),
            of_kinds(Vitals::total(1).at(60), &[ServiceKind::HomeCare]),
            by(Vitals::total(1).at(120), &["Bydel Frogner"]),
        ]),
        &PendingEntries::default(),
    );
    assert_eq!(
        service_choices(&kinds),
        [
            ServiceFilter::All,
            service("Bydel Frogner"),
            ServiceFilter::Service(ServiceKey::Kind(ServiceKind::HomeCare)),
            ServiceFilter::Service(ServiceKey::Kind(ServiceKind::OutOfHours)),
        ]
    );
}

#[test]
fn a_filter_keeps_its_services_sets_and_a_merged_set_is_in_both() {
    let all = shared_history();
    assert_eq!(
        minutes(&filter(&all, &service("Hjemmesykepleien"))),
        [120, 0]
    );
    assert_eq!(minutes(&filter(&all, &service("Helsehuset"))), [120]);
    assert_eq!(minutes(&filter(&all, &service("Legevakten"))), [60]);
    assert_eq!(minutes(&filter(&all, &ServiceFilter::Unknown)), [180]);
    assert_eq!(filter(&all, &ServiceFilter::All), all);
}

#[test]
fn a_set_naming_a_person_or_a_system_but_no_service_is_under_unknown() {
    let mut system_only = Vitals::total(1).at(60);
    system_only.details.provenance = vec![Provenance {
        performer: Some("Kari Nordmann".into()),
        system: Some("Gerica".into()),
        ..Provenance::default()
    }];
    let all = rows(
        &history(vec![
            by(Vitals::total(1).at(0), &["Hjemmesykepleien"]),
            system_only,
        ]),
        &PendingEntries::default(),
    );
    assert_eq!(
        service_choices(&all),
        [
            ServiceFilter::All,
            service("Hjemmesykepleien"),
            ServiceFilter::Unknown
        ]
    );
    assert_eq!(minutes(&filter(&all, &ServiceFilter::Unknown)), [60]);
    // Every saved set is under some choice besides All.
    let covered: usize = service_choices(&all)[1..]
        .iter()
        .map(|c| filter(&all, c).len())
        .sum();
    assert_eq!(covered, all.len());
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
        service_choices(&all),
        [
            ServiceFilter::All,
            service("Hjemmesykepleien"),
            service("Legevakten")
        ],
        "the entry (of no service) offers no choice of its own"
    );
    for choice in [
        service("Legevakten"),
        service("Hjemmesykepleien"),
        service("Nowhere"),
        ServiceFilter::Unknown,
    ] {
        let shown = filter(&all, &choice);
        assert!(
            shown.iter().any(|r| r.flags.unsaved.is_some()),
            "{choice:?} hid the unsaved entry"
        );
    }
    assert_eq!(minutes(&filter(&all, &service("Legevakten"))), [90, 60]);
}

#[test]
fn the_filter_is_offered_with_two_choices_besides_all_and_falls_back_to_all() {
    // One service: nothing to choose.
    let one = rows(
        &history(vec![
            by(Vitals::total(1).at(0), &["Hjemmesykepleien"]),
            by(Vitals::total(1).at(60), &["Hjemmesykepleien"]),
        ]),
        &PendingEntries::default(),
    );
    let choices = service_choices(&one);
    assert!(!worth_offering(&choices));
    // A choice made on another history does not stay in force without its control.
    assert_eq!(
        still_chosen(&service("Hjemmesykepleien"), &choices),
        ServiceFilter::All
    );
    // One service and sets of none: worth a choice.
    let with_unknown = rows(
        &history(vec![
            by(Vitals::total(1).at(0), &["Hjemmesykepleien"]),
            Vitals::total(1).at(60),
        ]),
        &PendingEntries::default(),
    );
    assert!(worth_offering(&service_choices(&with_unknown)));
    // A choice still offered stays; one no longer offered goes back to All.
    let shared = service_choices(&shared_history());
    assert_eq!(
        still_chosen(&service("Legevakten"), &shared),
        service("Legevakten")
    );
    assert_eq!(
        still_chosen(&ServiceFilter::Unknown, &shared),
        ServiceFilter::Unknown
    );
    assert_eq!(
        still_chosen(&service("Sone nord"), &shared),
        ServiceFilter::All
    );
    assert_eq!(
        still_chosen(&ServiceFilter::All, &shared),
        ServiceFilter::All
    );
}

#[test]
fn pages_are_of_the_filtered_rows_and_the_table_says_how_many_it_shows() {
    let sets = (0..45)
        .map(|i| {
            let service = if i % 3 == 0 {
                "Legevakten"
            } else {
                "Hjemmesykepleien"
            };
            by(Vitals::total(1).at(i * 60), &[service])
        })
        .collect();
    let all = rows(&history(sets), &PendingEntries::default());
    let kept = filter(&all, &service("Hjemmesykepleien"));
    assert_eq!(kept.len(), 30);
    assert_eq!(page_count(kept.len()), 2);
    assert_eq!(page(&kept, 1).len(), 30 - PAGE_SIZE);
    assert!(page(&kept, 0).iter().all(|r| {
        r.set.details.provenance[0].organisation.as_deref() == Some("Hjemmesykepleien")
    }));
    assert_eq!(
        shown_of(Language::Nb, kept.len(), all.len()),
        "Viser 30 av 45 målinger"
    );
    assert_eq!(
        shown_of(Language::Nn, kept.len(), all.len()),
        "Viser 30 av 45 målingar"
    );
    assert_eq!(
        shown_of(Language::En, kept.len(), all.len()),
        "Showing 30 of 45 sets"
    );
}

#[test]
fn a_rows_services_are_named_by_their_stable_names_once_each() {
    let merged = of_kinds(
        Vitals::total(1).at(0),
        &[
            ServiceKind::HomeCare,
            ServiceKind::OutOfHours,
            ServiceKind::HomeCare,
        ],
    );
    assert_eq!(service_names(&merged), ["home-care", "out-of-hours"]);
    let mut uncoded = Vitals::total(1).at(0);
    uncoded.details.provenance = vec![Provenance {
        organisation: Some("Fjellsiden legekontor".into()),
        ..Provenance::default()
    }];
    assert!(service_names(&uncoded).is_empty());
    assert!(service_names(&Vitals::total(1).at(0)).is_empty());
}
