//! The JavaScript API for vendors who score in their own forms: `score(input)`.
//!
//! Only the crossing between JavaScript values and Rust lives here; the contract itself
//! (fields, messages, output) is in [`score_input`], tested natively.

pub mod score_input;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::clinical::News2;
use score_input::{JsField, ScoreOutput, vitals_from_fields};

/// Scores one set of vital signs by RCP NEWS2 (2017). See README.md ("JavaScript API").
///
/// Throws an `Error` naming the field and what it accepts when the input is not an object, has
/// an unknown field, or holds a value of the wrong type or outside what a patient can show.
#[wasm_bindgen]
pub fn score(input: JsValue) -> Result<JsValue, JsError> {
    if !input.is_object() || Array::is_array(&input) || input.is_function() {
        return Err(JsError::new(
            "score() takes an object such as {respiratoryRate: 16, spo2: 98, onOxygen: false, \
             systolicBp: 120, pulse: 70, consciousness: \"A\", temperature: 37.0}",
        ));
    }
    let keys: Vec<String> = Object::keys(input.unchecked_ref::<Object>())
        .iter()
        .filter_map(|key| key.as_string())
        .collect();
    let vitals = vitals_from_fields(&keys, |name| field(&input, name))
        .map_err(|error| JsError::new(&error.0))?;
    let output = ScoreOutput::of(&News2::of(&vitals));
    let json = serde_json::to_string(&output).map_err(|error| JsError::new(&error.to_string()))?;
    js_sys::JSON::parse(&json)
        .map_err(|_| JsError::new("internal error: the score could not be returned"))
}

fn field(object: &JsValue, name: &str) -> JsField {
    // A getter that throws is reported as a value we cannot read, not propagated as a panic.
    let Ok(value) = Reflect::get(object, &JsValue::from_str(name)) else {
        return JsField::Other("unreadable".into());
    };
    if value.is_undefined() || value.is_null() {
        JsField::Absent
    } else if let Some(n) = value.as_f64() {
        JsField::Number(n)
    } else if let Some(b) = value.as_bool() {
        JsField::Bool(b)
    } else if let Some(s) = value.as_string() {
        JsField::Text(s)
    } else {
        JsField::Other(value.js_typeof().as_string().unwrap_or_default())
    }
}
