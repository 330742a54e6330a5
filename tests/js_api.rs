//! `score(input)` as JavaScript calls it, in headless Chromium: inputs built from JSON, outputs
//! read back as JSON, and the Errors it throws.
#![cfg(target_arch = "wasm32")]

use js_sys::JSON;
use news2_widget::api::score;
use serde_json::{Value, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(value: &Value) -> JsValue {
    JSON::parse(&value.to_string()).expect("valid JSON")
}

fn call(input: JsValue) -> Result<Value, String> {
    match score(input) {
        Ok(output) => {
            let text = JSON::stringify(&output)
                .expect("stringifies")
                .as_string()
                .expect("a string");
            Ok(serde_json::from_str(&text).expect("JSON"))
        }
        Err(error) => {
            let error: JsValue = error.into();
            let error = error.dyn_into::<js_sys::Error>().expect("throws an Error");
            Err(error.message().into())
        }
    }
}

fn baseline() -> Value {
    json!({"respiratoryRate": 16, "spo2": 98, "spo2Scale": 1, "onOxygen": false,
           "systolicBp": 120, "pulse": 70, "consciousness": "A", "temperature": 37.0})
}

#[wasm_bindgen_test]
fn all_75_rcp_vectors_through_the_export() {
    let file: Value = serde_json::from_str(include_str!("data/rcp-vectors.json")).unwrap();
    let vectors = file["vectors"].as_array().unwrap();
    assert_eq!(vectors.len(), 75);
    for vector in vectors {
        let output =
            call(js(&vector["input"])).unwrap_or_else(|e| panic!("vector {}: {e}", vector["id"]));
        for field in ["total", "risk", "monitoring", "subScores"] {
            assert_eq!(
                output[field], vector["expected"][field],
                "vector {}: {field}",
                vector["id"]
            );
        }
        assert_eq!(output["complete"], json!(true));
    }
}

#[wasm_bindgen_test]
fn decimals_are_scored_as_written() {
    let mut input = baseline();
    input["temperature"] = json!(38.05);
    assert_eq!(
        call(js(&input)).unwrap()["subScores"]["temperature"],
        json!(1)
    );
    input["temperature"] = json!(38.04);
    assert_eq!(
        call(js(&input)).unwrap()["subScores"]["temperature"],
        json!(0)
    );
    input["respiratoryRate"] = json!(20.5);
    assert_eq!(
        call(js(&input)).unwrap()["subScores"]["respiratoryRate"],
        json!(2)
    );
}

#[wasm_bindgen_test]
fn a_missing_parameter_gives_nulls_and_names_it() {
    let mut input = baseline();
    input.as_object_mut().unwrap().remove("temperature");
    let output = call(js(&input)).unwrap();
    assert_eq!(
        output,
        json!({"total": null, "complete": false, "missing": ["temperature"],
               "subScores": {"respiratoryRate": 0, "spo2": 0, "airOrOxygen": 0, "systolicBp": 0,
                             "pulse": 0, "consciousness": 0, "temperature": null},
               "risk": null, "minimumRisk": null, "monitoring": null})
    );
    // `undefined` is as missing as an absent key.
    let object = js(&baseline());
    js_sys::Reflect::set(&object, &"pulse".into(), &JsValue::UNDEFINED).unwrap();
    assert_eq!(call(object).unwrap()["missing"], json!(["pulse"]));
}

#[wasm_bindgen_test]
fn an_incomplete_set_reports_the_band_already_certain() {
    let input = json!({"respiratoryRate": 26, "onOxygen": true, "pulse": 135});
    let output = call(js(&input)).unwrap();
    assert_eq!(
        (&output["total"], &output["risk"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(output["minimumRisk"], json!("high"));
    let output = call(js(&json!({"respiratoryRate": 26}))).unwrap();
    assert_eq!(output["minimumRisk"], json!("low-medium"));
}

#[wasm_bindgen_test]
fn wrong_values_throw_errors_that_name_the_field() {
    let with = |field: &str, value: JsValue| {
        let object = js(&baseline());
        js_sys::Reflect::set(&object, &field.into(), &value).unwrap();
        call(object).unwrap_err()
    };
    assert_eq!(
        with("spo2", 101.into()),
        "spo2 101 is above 100, which is not possible; accepted: a number from 0 to 100 %"
    );
    assert!(with("pulse", f64::NAN.into()).starts_with("pulse must be a finite number; got NaN"));
    assert!(with("pulse", (-3).into()).starts_with("pulse cannot be negative"));
    assert!(
        with("systolicBp", "120".into())
            .starts_with("systolicBp must be a number; got the string \"120\"")
    );
    assert!(
        with("temperature", js_sys::Object::new().into()).contains("got a value of type object")
    );
    assert!(with("consciousness", "a".into()).starts_with("consciousness must be one of"));
    assert!(with("spo2Scale", 2.5.into()).starts_with("spo2Scale must be 1 or 2"));
    assert!(with("onOxygen", 1.into()).starts_with("onOxygen must be true or false"));
    assert!(with("spO2", 97.into()).starts_with("unknown field \"spO2\""));
}

#[wasm_bindgen_test]
fn input_that_is_not_an_object_throws() {
    for input in [
        JsValue::NULL,
        JsValue::UNDEFINED,
        42.into(),
        "A".into(),
        js_sys::Array::new().into(),
    ] {
        assert!(
            call(input)
                .unwrap_err()
                .starts_with("score() takes an object")
        );
    }
}
