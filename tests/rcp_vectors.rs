//! The 75 RCP NEWS2 boundary vectors (../shared/news2/rcp-vectors.json), each run natively
//! through the JavaScript API's contract: input fields → engine → output object.
#![cfg(not(target_arch = "wasm32"))]

use news2_widget::api::score_input::{JsField, ScoreOutput, vitals_from_fields};
use news2_widget::clinical::News2;
use serde_json::Value;

const VECTORS: &str = include_str!("data/rcp-vectors.json");

fn vectors() -> Vec<Value> {
    let file: Value = serde_json::from_str(VECTORS).expect("rcp-vectors.json is JSON");
    file["vectors"].as_array().expect("a vectors array").clone()
}

#[test]
fn all_75_vectors_score_as_expected() {
    let vectors = vectors();
    assert_eq!(vectors.len(), 75);
    for vector in vectors {
        let input = vector["input"].as_object().expect("an input object");
        let keys: Vec<String> = input.keys().cloned().collect();
        let vitals = vitals_from_fields(&keys, |name| {
            input.get(name).map_or(JsField::Absent, JsField::from)
        })
        .unwrap_or_else(|e| panic!("vector {}: {}", vector["id"], e.0));
        let output =
            serde_json::to_value(ScoreOutput::of(&News2::of(&vitals))).expect("serialises");
        let expected = &vector["expected"];
        for field in ["total", "risk", "monitoring", "subScores"] {
            assert_eq!(
                output[field], expected[field],
                "vector {} ({}): {field}",
                vector["id"], vector["case"]
            );
        }
        assert_eq!(
            (&output["complete"], &output["missing"]),
            (&Value::Bool(true), &Value::Array(vec![]))
        );
    }
}

/// The project keeps a copy of the shared vectors so that it tests on a machine without
/// ../shared; where the shared file is there, the copy must not have drifted from it.
#[test]
fn the_copy_matches_the_shared_vectors_where_they_are_present() {
    let shared = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/news2/rcp-vectors.json"
    );
    match std::fs::read_to_string(shared) {
        Ok(text) => assert_eq!(
            text, VECTORS,
            "tests/data/rcp-vectors.json differs from {shared}"
        ),
        Err(error) => eprintln!("skipped the comparison: {shared}: {error}"),
    }
}
