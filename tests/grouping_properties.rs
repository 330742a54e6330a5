//! Grouping never depends on the order entries come in or how they are split into pages
//! (docs/fhir-mapping.md, "Grouping"): generated histories in the three source shapes, with
//! re-checks, copies under other ids, repeated entries and conflicting copies, give the same
//! sets, problems and placed Observations however they are shuffled and paged.
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
}

fn round() -> impl Strategy<Value = Round> {
    (
        0u32..(20 * 60),
        0u8..4,
        0u8..5,
        proptest::collection::vec(0u8..7, 0..3),
        proptest::option::of((1u32..20, 40.0f64..160.0)),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(minute, shape, values, drop, re_check, copied)| Round {
            minute,
            shape,
            values,
            drop,
            re_check: re_check.map(|(after, pulse)| (after, pulse.round())),
            copied,
        })
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
        _ => dips(&prefix, &at, v, false, &[]),
    };
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn order_and_paging_never_change_the_sets(
        rounds in proptest::collection::vec(round(), 1..6),
        order in any::<prop::sample::Index>(),
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..4),
        repeat in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let entries: Vec<Value> = rounds
            .iter()
            .enumerate()
            .flat_map(|(i, r)| entries_of(i, r))
            .collect();
        let reference = canonical(grouped(&[page(&entries)]));

        // Another order, another split into pages, and an entry repeated on a later page.
        let mut shuffled = entries.clone();
        let by = order.index(shuffled.len());
        shuffled.rotate_left(by);
        shuffled.reverse();
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
