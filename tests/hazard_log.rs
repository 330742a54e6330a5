//! The hazard log's evidence exists: every test it names (`tests/x.rs::name`,
//! `src/y.rs::name`) is a test function in that file, every scenario it names is in the
//! clinical scenario suite, and every hazard names at least one test.
#![cfg(not(target_arch = "wasm32"))]

#[path = "clinical/scenarios.rs"]
mod scenarios;

use std::path::Path;

const LOG: &str = include_str!("../docs/safety/hazard-log.md");

/// Every backticked span of the log.
fn spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

#[test]
fn every_test_the_hazard_log_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut named = 0;
    for span in spans(LOG) {
        let Some((file, test)) = span.split_once("::") else {
            continue;
        };
        if !file.ends_with(".rs") {
            continue;
        }
        let source = std::fs::read_to_string(root.join(file))
            .unwrap_or_else(|_| panic!("the hazard log names {file}, which does not exist"));
        let defined = [format!("fn {test}("), format!("fn {test} (")]
            .iter()
            .any(|d| source.contains(d.as_str()));
        assert!(
            defined,
            "the hazard log names {span}, which is not a test in {file}"
        );
        // A test, not a helper: marked as one just above (directly, or within a proptest! block).
        let at = source.find(&format!("fn {test}(")).unwrap_or(0);
        let before = &source[..at];
        let marked = before
            .rfind("#[test]")
            .into_iter()
            .chain(before.rfind("#[wasm_bindgen_test]"))
            .chain(before.rfind("proptest! {"))
            .max()
            .is_some_and(|mark| !before[mark..].contains("\n}\n"));
        assert!(marked, "{span} is not marked as a test");
        named += 1;
    }
    assert!(
        named >= 40,
        "only {named} tests named: the log has lost its evidence"
    );
}

#[test]
fn every_scenario_the_hazard_log_names_exists() {
    let names: Vec<&str> = scenarios::all().iter().map(|s| s.name).collect();
    for span in spans(LOG) {
        let looks_like_a_scenario = ["raw-", "uk-core-", "dips-"]
            .iter()
            .any(|shape| span.starts_with(shape))
            && !span.contains(' ')
            && !span.contains('/');
        if looks_like_a_scenario {
            assert!(names.contains(&span), "no scenario {span}");
        }
    }
}

#[test]
fn every_hazard_has_controls_and_tests() {
    let hazards: Vec<&str> = LOG.split("\n### ").skip(1).collect();
    assert!(hazards.len() >= 20, "{} hazards", hazards.len());
    for hazard in hazards {
        let title = hazard.lines().next().unwrap_or_default();
        for part in [
            "**Cause.**",
            "**Effect.**",
            "**Initial.**",
            "**Controls.**",
            "**Verified by.**",
            "**Remaining.**",
        ] {
            assert!(hazard.contains(part), "{title}: no {part}");
        }
        assert!(
            spans(hazard).iter().any(|s| s.contains(".rs::")),
            "{title}: names no test"
        );
    }
}
