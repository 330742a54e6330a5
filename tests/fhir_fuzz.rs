//! Broken FHIR never panics and never loses an Observation in silence: every Observation with an
//! id either goes into a set or is named in a problem.
//!
//! Property tests mutate the shared example Bundles at random (replace any node with another
//! JSON value, cut the bytes short, flip a byte). Inputs that once broke the reader are kept in
//! tests/data/fhir-corpus/ and run every time.
#![cfg(not(target_arch = "wasm32"))]

use news2_widget::fhir::bundle::read_page;
use news2_widget::fhir::history::FhirHistory;
use proptest::prelude::*;
use serde_json::{Value, json};

const EXAMPLES: [&str; 3] = [
    include_str!("data/fhir/uk-core-news2-with-vitals.json"),
    include_str!("data/fhir/components-only-news2.json"),
    include_str!("data/fhir/raw-vital-signs.json"),
];

/// Reads bytes as a page and checks that nothing was lost in silence.
fn check(bytes: &[u8]) {
    let page = read_page(bytes);
    let mut history = FhirHistory::new();
    history.add_page(page.clone());
    let grouped = history.group(None);
    let Ok(json) = serde_json::from_slice::<Value>(bytes) else {
        assert!(
            !grouped.problems.is_empty(),
            "unreadable bytes gave no problem"
        );
        return;
    };
    // A page refused whole (not a Bundle, no entry list) says so once for all its entries.
    let refused_whole = grouped.problems.iter().any(|p| {
        p.resource.is_none()
            && [
                "expected a Bundle",
                "the JSON has no resourceType",
                "Bundle.entry is not a list",
            ]
            .iter()
            .any(|start| p.message.starts_with(start))
    });
    if refused_whole {
        return;
    }
    for entry in json["entry"].as_array().into_iter().flatten() {
        let resource = &entry["resource"];
        if resource["resourceType"] != "Observation" {
            continue;
        }
        if let Some(id) = resource["id"].as_str() {
            let key = format!("Observation/{id}");
            let reported = grouped
                .problems
                .iter()
                .any(|p| p.resource.as_deref() == Some(&key));
            assert!(
                history.contains(&key) || reported,
                "{key} vanished without a problem"
            );
        }
    }
}

/// All paths to nodes of a JSON tree, as a list of steps.
fn paths(value: &Value, prefix: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let mut p = prefix.clone();
                p.push(json!(key));
                paths(child, p, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let mut p = prefix.clone();
                p.push(json!(i));
                paths(child, p, out);
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(value: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(value, |node, step| match step {
        Value::String(key) => &mut node[key.as_str()],
        Value::Number(i) => &mut node[i.as_u64().unwrap_or(0) as usize],
        _ => node,
    })
}

fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(true)),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        Just(json!(1e300)),
        Just(json!(-0.0)),
        ".{0,12}".prop_map(|s| json!(s)),
        Just(json!("entered-in-error")),
        Just(json!("2025-13-45T25:61:61Z")),
        Just(json!([])),
        Just(json!({})),
        Just(json!([{"reference": "Observation/nowhere"}])),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_bundle_loses_nothing_in_silence(which in 0..3usize, pick in any::<prop::sample::Index>(), value in replacement()) {
        let mut json: Value = serde_json::from_str(EXAMPLES[which]).unwrap();
        let mut all = Vec::new();
        paths(&json, Vec::new(), &mut all);
        let path = pick.get(&all).clone();
        *node_mut(&mut json, &path) = value;
        check(&serde_json::to_vec(&json).unwrap());
    }

    #[test]
    fn cut_or_flipped_bytes_never_panic(which in 0..3usize, cut in any::<prop::sample::Index>(), flip in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = EXAMPLES[which].as_bytes().to_vec();
        let at = flip.index(bytes.len());
        bytes[at] = byte;
        bytes.truncate(cut.index(bytes.len() + 1));
        check(&bytes);
    }
}

#[test]
fn the_corpus_of_inputs_that_once_failed() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fhir-corpus");
    let mut count = 0;
    for file in std::fs::read_dir(folder).unwrap() {
        let path = file.unwrap().path();
        check(&std::fs::read(&path).unwrap());
        count += 1;
    }
    assert!(count >= 6, "the corpus is in {folder}");
}
