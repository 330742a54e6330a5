//! Grouping never depends on the order entries come in or how they are split into pages
//! (docs/fhir-mapping.md, "Grouping"): generated histories in the three source shapes and with
//! vital-signs panels and links by identifier, often several at one moment, with re-checks,
//! copies under other ids, versions, second totals and repeated entries, give the same sets,
//! problems and placed Observations under any permutation and any split into pages.
#![cfg(not(target_arch = "wasm32"))]

#[path = "clinical/scenarios.rs"]
mod scenarios;

use news2_widget::fhir::bundle::read_value;
use news2_widget::fhir::history::{FhirHistory, Grouped};
use proptest::prelude::*;
use scenarios::{Acvpu, V, dips, raw, uk_core};
use serde_json::{Value, json};

#[derive(Clone, Debug)]
struct Round {
    minute: u32,
    shape: u8,
    values: u8,
    drop: Vec<u8>,
    re_check: Option<(u32, f64)>,
    copied: bool,
    /// Versions of a pulse under one id, each with its value.
    versions: Vec<f64>,
    /// A second total with components only at the round's time.
    second_total: Option<u8>,
}

fn round() -> impl Strategy<Value = Round> {
    (
        // Often the same few moments, so rounds meet and tie.
        prop_oneof![
            Just(600u32),
            Just(605),
            Just(615),
            Just(616),
            0u32..(20 * 60)
        ],
        0u8..6,
        0u8..5,
        proptest::collection::vec(0u8..7, 0..3),
        proptest::option::of((0u32..20, 40.0f64..160.0)),
        prop::bool::weighted(0.2),
        proptest::collection::vec(40.0f64..160.0, 0..3),
        proptest::option::of(0u8..=20),
    )
        .prop_map(
            |(minute, shape, values, drop, re_check, copied, versions, second_total)| Round {
                minute,
                shape,
                values,
                drop,
                re_check: re_check.map(|(after, pulse)| (after, pulse.round())),
                copied,
                versions: versions.into_iter().map(f64::round).collect(),
                second_total,
            },
        )
}

fn time(minute: u32) -> String {
    format!("2026-02-10T{:02}:{:02}:00+01:00", minute / 60, minute % 60)
}

fn entries_of(index: usize, round: &Round) -> Vec<Value> {
    let mut v = [V::NORMAL, V::LOW, V::MEDIUM, V::RED, V::HIGH][round.values as usize];
    for d in &round.drop {
        match d {
            0 => v.rr = None,
            1 => v.spo2 = None,
            2 => v.o2 = None,
            3 => v.sbp = None,
            4 => v.pulse = None,
            5 => v.acvpu = None,
            _ => v.temp = None,
        }
    }
    let at = time(round.minute);
    let prefix = format!("r{index}");
    let mut entries = match round.shape {
        0 => raw(&prefix, &at, v, Acvpu::Snomed),
        1 => uk_core(&prefix, &at, v, &[]),
        2 => dips(&prefix, &at, v, true, &[]),
        3 => dips(&prefix, &at, v, false, &[]),
        4 => {
            // A vital-signs panel with hasMember.
            let mut values = raw(&prefix, &at, v, Acvpu::Snomed);
            let members: Vec<Value> = values
                .iter()
                .map(|o| json!({"reference": format!("Observation/{}", o["id"].as_str().unwrap_or_default())}))
                .collect();
            values.push(json!({"resourceType": "Observation", "id": format!("{prefix}-panel"),
                "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "85353-1"}]},
                "effectiveDateTime": at, "hasMember": members}));
            values
        }
        _ => {
            // One measurement id on every value, and a total naming them by it.
            let mut values = raw(&prefix, &at, v, Acvpu::Dips);
            for o in values.iter_mut() {
                o["identifier"] = json!([{"system": "urn:dips:measurement", "value": prefix}]);
            }
            let mut news2 =
                scenarios::total(&format!("{prefix}-news2"), &at, None, &[], false, &[]);
            news2["derivedFrom"] =
                json!([{"identifier": {"system": "urn:dips:measurement", "value": prefix}}]);
            values.push(news2);
            values
        }
    };
    for (i, pulse) in round.versions.iter().enumerate() {
        entries.push(json!({
            "resourceType": "Observation", "id": format!("{prefix}-versioned"), "status": "final",
            "meta": {"versionId": (i + 1).to_string()},
            "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
            "effectiveDateTime": at,
            "valueQuantity": {"value": *pulse as i64, "system": "http://unitsofmeasure.org", "code": "/min"}
        }));
    }
    if let Some(stated) = round.second_total {
        entries.push(scenarios::total(
            &format!("{prefix}-other-news2"),
            &at,
            Some(stated),
            &[],
            false,
            &[],
        ));
    }
    if let Some((after, pulse)) = round.re_check {
        entries.push(json!({
            "resourceType": "Observation", "id": format!("{prefix}-recheck"), "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
            "effectiveDateTime": time(round.minute + after),
            "valueQuantity": {"value": pulse as i64, "system": "http://unitsofmeasure.org", "code": "/min"}
        }));
    }
    if round.copied {
        // The same measurements under other ids (a second system's copy).
        let copies: Vec<Value> = entries
            .iter()
            .map(|e| {
                let mut copy = e.clone();
                copy["id"] = json!(format!("copy-{}", e["id"].as_str().unwrap_or_default()));
                copy
            })
            .collect();
        entries.extend(copies);
    }
    entries
}

fn page(entries: &[Value]) -> Value {
    json!({"resourceType": "Bundle", "type": "searchset",
           "entry": entries.iter().map(|r| json!({"resource": r})).collect::<Vec<_>>()})
}

fn grouped(pages: &[Value]) -> Grouped {
    let mut fhir = FhirHistory::new();
    for p in pages {
        fhir.add_page(read_value(p));
    }
    fhir.group(None)
}

/// The grouping's result with the problems as a sorted list (their order follows the pages).
fn canonical(g: Grouped) -> (Grouped, Vec<String>) {
    let mut problems: Vec<String> = g
        .problems
        .iter()
        .map(|p| format!("{:?}|{:?}|{}", p.resource, p.kind, p.message))
        .collect();
    problems.sort();
    (
        Grouped {
            problems: Vec::new(),
            ..g
        },
        problems,
    )
}

/// Generated entries, and the same entries in another order.
fn entries_and_a_permutation() -> impl Strategy<Value = (Vec<Value>, Vec<Value>)> {
    proptest::collection::vec(round(), 1..6).prop_flat_map(|rounds| {
        let entries: Vec<Value> = rounds
            .iter()
            .enumerate()
            .flat_map(|(i, r)| entries_of(i, r))
            .collect();
        (Just(entries.clone()), Just(entries).prop_shuffle())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn order_and_paging_never_change_the_sets(
        (entries, shuffled) in entries_and_a_permutation(),
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..4),
        repeat in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let reference = canonical(grouped(&[page(&entries)]));

        // Another order, another split into pages, and an entry repeated on a later page.
        let mut bounds: Vec<usize> = cuts.iter().map(|c| c.index(shuffled.len() + 1)).collect();
        bounds.push(0);
        bounds.push(shuffled.len());
        bounds.sort_unstable();
        bounds.dedup();
        let mut pages: Vec<Value> = bounds.windows(2).map(|w| page(&shuffled[w[0]..w[1]])).collect();
        if let Some(repeat) = repeat {
            pages.push(page(&[shuffled[repeat.index(shuffled.len())].clone()]));
        }
        let again = canonical(grouped(&pages));
        prop_assert_eq!(&again.0.history, &reference.0.history);
        prop_assert_eq!(&again.0.placed, &reference.0.placed);
        prop_assert_eq!(&again.1, &reference.1);
    }
}
