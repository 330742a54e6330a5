//! Measurements shared across services (issue 13): where each set came from, the same round
//! arriving through two systems counted once, Observations checked against the patient searched
//! for, and the collection Bundle NHN's Pasientens måledata (PMD) takes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Vitals;
use news2_widget::clinical::News2;
use news2_widget::clinical::observation_set::ObservationSet;
use news2_widget::clinical::provenance::{self, Provenance, ServiceKind};
use news2_widget::fhir::bundle::{Page, read_value};
use news2_widget::fhir::client::Source;
use news2_widget::fhir::codes;
use news2_widget::fhir::history::{FhirHistory, Grouped};
use news2_widget::fhir::observation::{self, Subject};
use news2_widget::fhir::patient::{self, Mismatch, Searched};
use news2_widget::fhir::problem::ProblemKind;
use news2_widget::fhir::write::{
    Author, ENTRY_SYSTEM, Municipality, NewEntry, PmdTarget, WriteRefusal, WriteTo,
};
use serde_json::{Value, json};

/// A fødselsnummer that passes the checksum (a test number, not a person).
const NIN: &str = "13116900216";

fn service(kind: ServiceKind, organisation: &str, performer: &str) -> Provenance {
    Provenance {
        organisation: Some(organisation.into()),
        service: Some(kind),
        performer: Some(performer.into()),
        role: Some("Sykepleier".into()),
        system: None,
    }
}

/// One round as a system writes it: seven vital signs and the total linking them, under ids of
/// its own (the entry id), signed by `by`.
fn written(entry_id: &str, mut set: ObservationSet, by: &Provenance) -> Value {
    set.details.provenance = vec![by.clone()];
    NewEntry {
        entry_id,
        patient: "Patient/pt-1",
        set: &set,
    }
    .transaction()
}

fn grouped(pages: &[Value]) -> Grouped {
    let mut history = FhirHistory::new();
    for page in pages {
        history.add_page(read_value(page));
    }
    history.group(None)
}

fn total(set: &ObservationSet) -> Option<u8> {
    match set.score() {
        News2::Complete(score) => Some(score.total().value()),
        News2::Incomplete(_) => None,
    }
}

fn home_care() -> Provenance {
    service(
        ServiceKind::HomeCare,
        "Bergen kommune, hjemmesykepleien",
        "Kari Nordmann",
    )
}

fn nursing_home() -> Provenance {
    service(ServiceKind::NursingHome, "Årstad sykehjem", "Ola Hansen")
}

#[test]
fn one_round_copied_by_another_system_is_one_set_naming_both() {
    let set = Vitals::total(5).at(0);
    let original = written("home-care-entry", set.clone(), &home_care());
    let copy = written("nursing-home-copy", set.clone(), &nursing_home());
    for pages in [
        [original.clone(), copy.clone()],
        [copy.clone(), original.clone()],
    ] {
        let g = grouped(&pages);
        assert_eq!(g.history.sets().len(), 1, "counted once, in either order");
        let shown = &g.history.sets()[0];
        assert_eq!(total(shown), Some(5));
        assert_eq!(shown.vitals(), set.vitals());
        let mut expected = vec![home_care(), nursing_home()];
        expected.sort();
        assert_eq!(shown.details.provenance, expected, "both sources listed");
        assert!(
            g.problems.iter().all(|p| p.kind == ProblemKind::Duplicate),
            "every copied value is reported as counted once: {:?}",
            g.problems
        );
        assert_eq!(
            g.problems.len(),
            8,
            "seven values and the total of the copy"
        );
    }
}

fn legevakt() -> Provenance {
    service(ServiceKind::OutOfHours, "Bergen legevakt", "Per Lege")
}

/// Regression (review of issue 13): three systems' copies of one round showed as two sets (a
/// merged group held every value twice and no longer matched the third copy).
#[test]
fn one_round_copied_by_three_systems_is_one_set_in_every_order() {
    let set = Vitals::total(4).at(0);
    let copies = [
        written("home-care-entry", set.clone(), &home_care()),
        written("nursing-home-copy", set.clone(), &nursing_home()),
        written("legevakt-copy", set.clone(), &legevakt()),
    ];
    for order in [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ] {
        let pages: Vec<Value> = order.iter().map(|&i| copies[i].clone()).collect();
        let g = grouped(&pages);
        assert_eq!(g.history.sets().len(), 1, "{order:?}");
        assert_eq!(g.history.sets()[0].details.provenance.len(), 3, "{order:?}");
        assert_eq!(total(&g.history.sets()[0]), Some(4));
        assert!(g.problems.iter().all(|p| p.kind == ProblemKind::Duplicate));
    }
    // One linked round and two raw copies (no total) of it.
    let raw = |entry: &str, by: &Provenance| {
        let mut r = written(entry, set.clone(), by);
        r["entry"]
            .as_array_mut()
            .unwrap()
            .retain(|e| e["resource"]["code"]["coding"][0]["code"] != codes::NEWS2_TOTAL);
        r
    };
    let g = grouped(&[
        copies[0].clone(),
        raw("raw-1", &nursing_home()),
        raw("raw-2", &legevakt()),
    ]);
    assert_eq!(g.history.sets().len(), 1);
    assert_eq!(g.history.sets()[0].details.provenance.len(), 3);
    // A third copy with one value different is a set of its own, never merged away.
    let other = Vitals::total(4).pulse("131").at(0);
    let g = grouped(&[
        copies[0].clone(),
        copies[1].clone(),
        written("legevakt-recheck", other, &legevakt()),
    ]);
    assert_eq!(g.history.sets().len(), 2);
}

#[test]
fn a_copy_without_its_total_joins_the_linked_round() {
    let set = Vitals::total(3).at(0);
    let original = written("home-care-entry", set.clone(), &home_care());
    let mut raw = written("nursing-home-copy", set, &nursing_home());
    raw["entry"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["resource"]["code"]["coding"][0]["code"] != codes::NEWS2_TOTAL);
    let g = grouped(&[original, raw]);
    assert_eq!(g.history.sets().len(), 1);
    assert_eq!(g.history.sets()[0].details.provenance.len(), 2);
}

#[test]
fn different_values_or_another_time_are_never_merged() {
    let original = written("home-care-entry", Vitals::total(5).at(0), &home_care());
    // One value differs: two sets, both shown (the rule must not hide a measurement).
    let other_pulse = written(
        "nursing-home-copy",
        Vitals::total(5).pulse("116").at(0),
        &nursing_home(),
    );
    assert_eq!(
        grouped(&[original.clone(), other_pulse])
            .history
            .sets()
            .len(),
        2
    );
    // The same values a minute later: a second round, not a copy.
    let later = written("nursing-home-copy", Vitals::total(5).at(1), &nursing_home());
    assert_eq!(grouped(&[original.clone(), later]).history.sets().len(), 2);
    // A copy of some of the values at the same moment adds nothing new: its values are the
    // round's (each reported as counted once), and both sources are named.
    let fewer = written(
        "nursing-home-copy",
        Vitals::total(5).without_temperature().at(0),
        &nursing_home(),
    );
    let g = grouped(&[original, fewer]);
    assert_eq!(g.history.sets().len(), 1);
    assert_eq!(total(&g.history.sets()[0]), Some(5));
    assert_eq!(g.history.sets()[0].details.provenance.len(), 2);
}

/// Provenance as the reader finds it in an Observation's JSON text.
fn provenance(resource: &Value) -> Provenance {
    let text = resource.to_string();
    observation::provenance(&serde_json::from_str(&text).unwrap())
}

#[test]
fn provenance_is_read_from_typed_performers_tags_and_the_source() {
    let resource = json!({
        "resourceType": "Observation",
        "meta": {"source": "urn:oid:2.16.578.1.12.4.1.2.99999",
                 "tag": [{"system": codes::SERVICE_KIND, "code": "out-of-hours"}]},
        "performer": [
            // VKP names a practitioner by national identity number: never shown.
            {"identifier": {"system": "urn:oid:2.16.578.1.12.4.1.4.1", "value": NIN}},
            {"reference": "Practitioner/77", "display": "Lege Lise Berg"},
            {"type": "PractitionerRole", "display": "Lege"},
            {"identifier": {"system": "urn:oid:2.16.578.1.12.4.1.4.101", "value": "974600951"},
             "display": "Bergen legevakt"},
        ],
    });
    assert_eq!(
        provenance(&resource),
        Provenance {
            organisation: Some("Bergen legevakt".into()),
            service: Some(ServiceKind::OutOfHours),
            performer: Some("Lege Lise Berg".into()),
            role: Some("Lege".into()),
            system: Some("urn:oid:2.16.578.1.12.4.1.2.99999".into()),
        }
    );
    let untyped = json!({"performer": [{"display": "Kari Nordmann"}],
                         "meta": {"tag": [{"system": codes::SERVICE_KIND, "code": "spa"}]}});
    assert_eq!(
        provenance(&untyped),
        Provenance {
            performer: Some("Kari Nordmann".into()),
            ..Provenance::default()
        },
        "an untyped performer is the person; an unknown service code is not guessed"
    );
}

#[test]
fn a_source_read_with_fewer_fields_is_not_listed_twice() {
    let full = home_care();
    let person_only = Provenance {
        performer: full.performer.clone(),
        ..Provenance::default()
    };
    assert_eq!(
        provenance::distinct([person_only, full.clone(), Provenance::default()]),
        [full]
    );
}

#[test]
fn what_the_widget_writes_reads_back_with_its_provenance() {
    let mut set = Vitals::total(2).at(0);
    set.details.provenance = vec![home_care()];
    let g = grouped(&[written("e", set.clone(), &home_care())]);
    assert_eq!(g.history.sets()[0].details.provenance, [home_care()]);
}

#[test]
fn the_patient_searched_for_is_the_only_one_shown() {
    let by_number = |value: &str| Subject {
        reference: None,
        identifier: Some((codes::NATIONAL_ID_SYSTEMS[0].into(), value.into())),
    };
    let by_reference = |r: &str| Subject {
        reference: Some(r.into()),
        identifier: None,
    };
    let pmd = Searched::NationalId(NIN);
    assert_eq!(patient::check(&by_number(NIN), pmd), Ok(()));
    assert_eq!(
        patient::check(&by_number("01010112345"), pmd),
        Err(Mismatch::Another)
    );
    assert_eq!(
        patient::check(&Subject::default(), pmd),
        Err(Mismatch::NoPatient)
    );
    assert_eq!(patient::check(&by_reference("Patient/x"), pmd), Ok(()));
    // Eleven digits under a system not listed (a variant URI) must be the number searched
    // for; the same number written with a space is (review of issue 13).
    let other_system = |value: &str| Subject {
        reference: None,
        identifier: Some(("http://example.org/fnr".into(), value.into())),
    };
    assert_eq!(
        patient::check(&other_system("01010112345"), pmd),
        Err(Mismatch::Another)
    );
    assert_eq!(patient::check(&other_system("131169 00216"), pmd), Ok(()));
    assert_eq!(patient::check(&other_system("H-1234"), pmd), Ok(()));
    let fhir = Searched::Reference("Patient/pt-1");
    assert_eq!(
        patient::check(&by_reference("https://fhir.example/Patient/pt-1"), fhir),
        Ok(())
    );
    assert_eq!(patient::check(&by_reference("pt-1"), fhir), Ok(()));
    assert_eq!(
        patient::check(&by_reference("Patient/pt-2"), fhir),
        Err(Mismatch::Another)
    );
    assert_eq!(patient::check(&by_number(NIN), fhir), Ok(()));

    // On a page: the other patient's Observation is taken out with a problem that never
    // carries the number.
    let mut set = Vitals::total(1).at(0);
    set.details.provenance = vec![home_care()];
    let mut page: Page = read_value(&written("e", set, &home_care()));
    let count = page.observations.len();
    page.observations[0].subject = by_reference("Patient/pt-2");
    page.observations[1].subject = Subject::default();
    patient::keep_the_patients(&mut page, Searched::Reference("Patient/pt-1"));
    assert_eq!(page.observations.len(), count - 2);
    assert_eq!(page.problems.len(), 2);
    assert!(
        page.problems
            .iter()
            .all(|p| p.kind == ProblemKind::NotScored && !p.message.contains("pt-2"))
    );
    assert!(
        format!("{:?}", by_number(NIN)).find(NIN).is_none(),
        "Debug hides the number"
    );
}

fn pmd_collection(entry_id: &str, set: &ObservationSet, now_minutes: i64) -> Value {
    NewEntry {
        entry_id,
        patient: "",
        set,
    }
    .pmd_collection(&PmdTarget {
        national_id: NIN,
        municipality: &Municipality::new("4601", Some("Bergen")).unwrap(),
        now: common::minutes(now_minutes),
    })
}

#[test]
fn a_pmd_collection_is_tagged_identified_and_the_same_when_resent() {
    let mut set = Vitals::total(5).at(0);
    set.details.provenance = vec![home_care()];
    let first = pmd_collection("entry-1", &set, 1);
    assert_eq!(first["type"], "collection");
    assert_eq!(
        first["meta"]["tag"],
        json!([{"system": codes::MUNICIPALITY, "code": "4601", "display": "Bergen"}])
    );
    assert_eq!(first["identifier"]["system"], codes::PMD_BUNDLE_IDENTIFIER);
    let id = first["identifier"]["value"].as_str().unwrap();
    assert_eq!((id.len(), id.matches('-').count()), (36, 4), "a UUID");
    assert_eq!(first["timestamp"], "2026-01-01T00:01:00Z");
    let entries = first["entry"].as_array().unwrap();
    assert_eq!(entries.len(), 8);
    for entry in entries {
        let resource = &entry["resource"];
        assert!(
            entry.get("request").is_none(),
            "a collection, not a transaction"
        );
        assert_eq!(
            resource["subject"],
            json!({"identifier": {"system": codes::NATIONAL_ID_SYSTEMS[0], "value": NIN}})
        );
        assert_eq!(resource["identifier"][0]["system"], ENTRY_SYSTEM);
        assert_eq!(resource["meta"]["tag"][0]["code"], "home-care");
        // Regression (review of issue 13): every vital sign carried `"derivedFrom": null`,
        // which is not FHIR.
        assert!(
            !resource.to_string().contains("null"),
            "no null anywhere: {resource}"
        );
        for link in resource["derivedFrom"].as_array().into_iter().flatten() {
            assert!(link.get("reference").is_none(), "PMD resolves no urn:uuid");
            assert!(link["identifier"]["value"].is_string());
        }
    }
    // Sent again later (after a lost answer): the same Bundle identifier and Observations.
    let again = pmd_collection("entry-1", &set, 9);
    assert_eq!(again["identifier"], first["identifier"]);
    assert_eq!(again["entry"], first["entry"]);
    assert_ne!(
        pmd_collection("entry-2", &set, 1)["identifier"],
        first["identifier"]
    );
    // Read back (as PMD returns it, by identifier links): the same set, score and sources.
    let g = grouped(&[first]);
    assert_eq!(g.problems, []);
    let back = &g.history.sets()[0];
    assert_eq!((back.vitals(), back.score()), (set.vitals(), set.score()));
    assert_eq!(back.details.provenance, [home_care()]);
}

#[test]
fn a_d_number_is_written_with_its_own_system() {
    let set = Vitals::total(1).at(0);
    let d_number = NewEntry {
        entry_id: "e",
        patient: "",
        set: &set,
    }
    .pmd_collection(&PmdTarget {
        national_id: "53116900216",
        municipality: &Municipality::new("0301", None).unwrap(),
        now: common::minutes(0),
    });
    assert_eq!(
        d_number["entry"][0]["resource"]["subject"]["identifier"]["system"],
        codes::NATIONAL_ID_SYSTEMS[1]
    );
    assert!(d_number["meta"]["tag"][0].get("display").is_none());
}

#[test]
fn a_municipality_number_is_four_digits_never_padded_or_guessed() {
    assert_eq!(Municipality::new(" 0301 ", None).unwrap().code(), "0301");
    for bad in ["301", "03011", "03 01", "abcd", "", "０３０１", "0301x"] {
        assert!(Municipality::new(bad, None).is_err(), "{bad:?}");
    }
    // The refused value is not echoed: a national identity number put there by mistake must
    // not travel on in news2-error.
    let refused = Municipality::new(NIN, None).unwrap_err();
    assert!(!refused.contains(NIN), "{refused}");
}

#[test]
fn entries_go_where_the_source_is_and_pmd_needs_a_municipality() {
    let pmd = Source::Pmd {
        base: "https://pmd.example/fhir".into(),
        national_id: NIN.into(),
    };
    assert_eq!(
        WriteTo::of(&pmd, &Author::default()),
        Some(Err(WriteRefusal::NoMunicipality))
    );
    let author = Author {
        municipality: Some(Municipality::new("4601", None).unwrap()),
        ..Author::default()
    };
    assert!(matches!(
        WriteTo::of(&pmd, &author),
        Some(Ok(WriteTo::Pmd { .. }))
    ));
    let fhir = Source::Patient {
        base: "https://fhir.example".into(),
        patient: "123".into(),
    };
    assert_eq!(
        WriteTo::of(&fhir, &author),
        Some(Ok(WriteTo::Fhir {
            base: "https://fhir.example".into(),
            patient: "Patient/123".into()
        }))
    );
    let by_number = Source::NationalId {
        base: "https://fhir.example".into(),
        national_id: NIN.into(),
    };
    assert_eq!(WriteTo::of(&by_number, &author), None);
}

#[test]
fn the_nurse_who_typed_her_name_is_the_performer_and_the_host_gives_the_rest() {
    let author = Author {
        provenance: home_care(),
        municipality: None,
    };
    let typed = Provenance {
        performer: Some("Nina Vikar".into()),
        ..Provenance::default()
    };
    let p = author.provenance_of(Some(&typed));
    assert_eq!(p.performer.as_deref(), Some("Nina Vikar"));
    assert_eq!(p.organisation, home_care().organisation);
    // The host user's role is hers, not the typed person's (review of issue 13).
    assert_eq!(p.role, None);
    assert_eq!(author.provenance_of(None), home_care());
}

/// PMD's R5 shape of an Observation: the time as `effectiveInstant`, `status: registered`, the
/// patient by identifier only, VKP's Norwegian interpretation text on the sub-scores.
fn as_pmd(resource: &Value) -> Value {
    let mut r = resource.clone();
    let object = r.as_object_mut().unwrap();
    if let Some(time) = object.remove("effectiveDateTime") {
        object.insert("effectiveInstant".into(), time);
    }
    object.insert("status".into(), json!("registered"));
    object.insert(
        "subject".into(),
        json!({"identifier": {"system": codes::NATIONAL_ID_SYSTEMS[0], "value": NIN}}),
    );
    for component in r["component"].as_array_mut().into_iter().flatten() {
        component["interpretation"] = json!([{"text": "93–94 med oksygentilførsel"}]);
    }
    r
}

#[test]
fn the_same_history_read_from_pmd_and_from_a_fhir_server_is_the_same() {
    let example = std::fs::read(format!(
        "{}/tests/data/fhir/uk-core-news2-with-vitals.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let generic: Value = serde_json::from_slice(&example).unwrap();
    let mut pmd = generic.clone();
    for entry in pmd["entry"].as_array_mut().unwrap() {
        entry["resource"] = as_pmd(&entry["resource"]);
    }
    let (a, b) = (grouped(&[generic]), grouped(&[pmd]));
    assert!(!a.history.sets().is_empty());
    assert_eq!(a.history, b.history);
    assert_eq!(a.problems, b.problems);
}
