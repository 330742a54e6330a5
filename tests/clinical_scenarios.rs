//! The clinical scenario suite through the engine: each FHIR Bundle is read, grouped and
//! decided, and the banner must be the one the scenario names, whatever order its entries come
//! in and however they are split into pages. The same scenarios run through `<news2-widget>` in
//! Chromium in tests/clinical_scenarios_browser.rs.
#![cfg(not(target_arch = "wasm32"))]

#[path = "clinical/scenarios.rs"]
mod scenarios;

use news2_widget::clinical::escalation::texts::{Language, ResponseTexts};
use news2_widget::clinical::escalation::{Decision, Settings, decide};
use news2_widget::clinical::observation_set::Scale2Decision;
use news2_widget::fhir::bundle::read_value;
use news2_widget::fhir::datetime;
use news2_widget::fhir::history::FhirHistory;
use news2_widget::i18n::banner::banner;
use news2_widget::i18n::format::FixedZone;
use scenarios::{Scenario, all};
use serde_json::{Value, json};

fn decision_for(scenario: &Scenario, pages: &[Value]) -> (Decision, String) {
    let (decision, text, _) = decided(scenario, pages);
    (decision, text)
}

/// The decision, the banner's words, and the problems' messages.
fn decided(scenario: &Scenario, pages: &[Value]) -> (Decision, String, String) {
    let mut fhir = FhirHistory::new();
    for page in pages {
        fhir.add_page(read_value(page));
    }
    let scale_2 = scenario.scale_2.map(|(by, at, until)| {
        let decision =
            Scale2Decision::new(by, datetime::parse(at).unwrap()).expect("a named clinician");
        match until {
            Some(until) => decision
                .ending(datetime::parse(until).unwrap())
                .expect("an end after the start"),
            None => decision,
        }
    });
    let grouped = fhir.group(scale_2.as_ref());
    let now = datetime::parse(scenario.now).unwrap();
    let decision = decide(&grouped.history, now, &Settings::default());
    let words = banner(
        &decision,
        Language::Nb,
        &ResponseTexts::default(),
        &FixedZone(60),
    );
    let text = [
        vec![words.level, words.title, words.response, words.monitoring],
        [
            words.stands_on,
            words.to_complete,
            words.last_complete,
            words.due,
        ]
        .into_iter()
        .flatten()
        .collect(),
        words.also,
        words.notices,
    ]
    .concat()
    .join("\n");
    let problems = grouped
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.resource.as_deref().unwrap_or(""), p.message))
        .collect::<Vec<_>>()
        .join("\n");
    (decision, text, problems)
}

fn check(scenario: &Scenario, decision: &Decision, text: &str) {
    let name = scenario.name;
    let expect = &scenario.expect;
    assert_eq!(decision.level.name(), expect.level, "{name}:\n{text}");
    assert_eq!(
        decision.standing.as_ref().map(|s| s.band.name()),
        expect.band,
        "{name}: the band it stands on"
    );
    for also in expect.also {
        assert!(
            decision.also.iter().any(|l| l.name() == *also),
            "{name}: {also} not listed in {:?}",
            decision.also
        );
    }
    for says in expect.says {
        assert!(
            text.contains(says),
            "{name}: does not say {says:?}:\n{text}"
        );
    }
    for never in expect.never {
        assert!(!text.contains(never), "{name}: says {never:?}:\n{text}");
    }
}

#[test]
fn every_scenario_gives_its_banner() {
    let scenarios = all();
    assert!(scenarios.len() >= 30, "{} scenarios", scenarios.len());
    let mut names: Vec<&str> = scenarios.iter().map(|s| s.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), scenarios.len(), "names are unique");
    for shape in ["raw-", "uk-core-", "dips-"] {
        assert!(
            scenarios
                .iter()
                .filter(|s| s.name.starts_with(shape))
                .count()
                >= 6,
            "{shape}: every source shape is well covered"
        );
    }
    for scenario in &scenarios {
        let (decision, text, problems) = decided(scenario, std::slice::from_ref(&scenario.bundle));
        check(scenario, &decision, &text);
        for expected in scenario.expect.problems {
            assert!(
                problems.contains(expected),
                "{}: the problems do not name {expected:?}:\n{problems}",
                scenario.name
            );
        }
    }
}

#[test]
fn no_scenario_depends_on_the_order_or_paging_of_its_entries() {
    for scenario in all() {
        let entries: Vec<Value> = scenario.bundle["entry"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let page = |entries: &[Value]| json!({"resourceType": "Bundle", "type": "searchset", "entry": entries});
        let mut reversed = entries.clone();
        reversed.reverse();
        let half = reversed.len() / 2;
        let pages = [page(&reversed[half..]), page(&reversed[..half])];
        let (one_page, _) = decision_for(&scenario, std::slice::from_ref(&scenario.bundle));
        let (split, text) = decision_for(&scenario, &pages);
        assert_eq!(split, one_page, "{}", scenario.name);
        check(&scenario, &split, &text);
    }
}
