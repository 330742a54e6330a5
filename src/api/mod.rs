//! The JavaScript API for vendors who score in their own forms: `score(input)`.
//!
//! Only the crossing between JavaScript values and Rust lives here; the contract itself
//! (fields, messages, output) is in [`score_input`], tested natively.

pub mod score_input;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::clinical::News2;
use score_input::{JsField, ScoreOutput, vitals_from_fields};

#[wasm_bindgen(typescript_custom_section)]
const SCORE_TYPES: &str = r#"
/** One set of vital signs. A field that is absent, null or undefined is missing. */
export interface News2Input {
  /** Breaths per minute, 0 to 120. */
  respiratoryRate?: number | null;
  /** Percent, 0 to 100. */
  spo2?: number | null;
  /** 1 (default) or 2; 2 only on a documented decision for a target of 88–92 %. */
  spo2Scale?: 1 | 2 | null;
  /** True on supplemental oxygen, false on room air. */
  onOxygen?: boolean | null;
  /** mmHg, 0 to 500. */
  systolicBp?: number | null;
  /** Beats per minute, 0 to 600. */
  pulse?: number | null;
  /** ACVPU; C is new confusion. */
  consciousness?: "A" | "C" | "V" | "P" | "U" | null;
  /** Degrees Celsius, 10 to 47. */
  temperature?: number | null;
}

/** The NEWS2 of a set; total, risk and monitoring are null unless the set is complete. */
export interface News2Score {
  total: number | null;
  complete: boolean;
  missing: Array<"respiratoryRate" | "spo2" | "onOxygen" | "systolicBp" | "pulse" | "consciousness" | "temperature">;
  subScores: {
    respiratoryRate: number | null;
    spo2: number | null;
    airOrOxygen: number | null;
    systolicBp: number | null;
    pulse: number | null;
    consciousness: number | null;
    temperature: number | null;
  };
  risk: "low" | "low-medium" | "medium" | "high" | null;
  /** Incomplete sets only: the band already certain from what is known, or null. */
  minimumRisk: "low-medium" | "medium" | "high" | null;
  monitoring: "12-hourly" | "4-6-hourly" | "hourly" | "continuous" | null;
}
"#;

/// Scores one set of vital signs by RCP NEWS2 (2017). See README.md ("JavaScript API").
///
/// Throws an `Error` naming the field and what it accepts when the input is not an object, has
/// an unknown field, or holds a value of the wrong type or outside what a patient can show.
#[wasm_bindgen(unchecked_return_type = "News2Score")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "News2Input")] input: JsValue,
) -> Result<JsValue, JsError> {
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
