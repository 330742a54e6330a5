//! The `score(input)` contract of the JavaScript API, in plain Rust: reading the input object's
//! fields into vital signs with a precise message for every mistake, and the output object.
//!
//! Kept free of wasm-bindgen so that every message and every output field is tested natively;
//! `api::score` only moves values between JavaScript and these functions.

use serde::Serialize;

use crate::clinical::{
    ClinicalRisk, Consciousness, InvalidReading, News2, Parameter, Quantity, Reading, Spo2Scale,
    SubScore, VitalSigns,
};

/// A field of the input object as JavaScript holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum JsField {
    /// `undefined`, `null`, or not there: the parameter is missing.
    Absent,
    Number(f64),
    Bool(bool),
    Text(String),
    /// Anything else, by its `typeof` (object, bigint, …).
    Other(String),
}

impl From<&serde_json::Value> for JsField {
    /// A JSON value as JavaScript would hold it after `JSON.parse`.
    fn from(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => JsField::Absent,
            Value::Number(n) => n
                .as_f64()
                .map_or(JsField::Other("number".into()), JsField::Number),
            Value::Bool(b) => JsField::Bool(*b),
            Value::String(s) => JsField::Text(s.clone()),
            Value::Array(_) | Value::Object(_) => JsField::Other("object".into()),
        }
    }
}

/// The input fields, as vendors write them.
pub const INPUT_FIELDS: [&str; 8] = [
    "respiratoryRate",
    "spo2",
    "spo2Scale",
    "onOxygen",
    "systolicBp",
    "pulse",
    "consciousness",
    "temperature",
];

/// A mistake in the input, as the message of the Error that `score()` throws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError(pub String);

/// Reads the input object. `keys` are its own property names, `field` reads one of them.
/// Unknown keys are refused, so a misspelt field (`temp`) is not silently scored as missing.
pub fn vitals_from_fields(
    keys: &[String],
    field: impl Fn(&str) -> JsField,
) -> Result<VitalSigns, InputError> {
    if let Some(unknown) = keys.iter().find(|k| !INPUT_FIELDS.contains(&k.as_str())) {
        return Err(InputError(format!(
            "unknown field \"{unknown}\"; accepted fields: {}",
            INPUT_FIELDS.join(", ")
        )));
    }
    let reading = |name: &str, quantity: Quantity| read_quantity(name, quantity, field(name));
    let spo2_scale = match field("spo2Scale") {
        JsField::Absent => Spo2Scale::Scale1,
        JsField::Number(1.0) => Spo2Scale::Scale1,
        JsField::Number(2.0) => Spo2Scale::Scale2,
        other => {
            return Err(InputError(format!(
                "spo2Scale must be 1 or 2 (default 1); got {}",
                describe(&other)
            )));
        }
    };
    let on_oxygen = match field("onOxygen") {
        JsField::Absent => None,
        JsField::Bool(b) => Some(b),
        other => {
            return Err(InputError(format!(
                "onOxygen must be true or false; got {}",
                describe(&other)
            )));
        }
    };
    let consciousness = match field("consciousness") {
        JsField::Absent => None,
        JsField::Text(letter) if Consciousness::from_letter(&letter).is_some() => {
            Consciousness::from_letter(&letter)
        }
        other => {
            return Err(InputError(format!(
                "consciousness must be one of \"A\", \"C\", \"V\", \"P\", \"U\" (ACVPU); got {}",
                describe(&other)
            )));
        }
    };
    Ok(VitalSigns {
        respiratory_rate: reading("respiratoryRate", Quantity::RespiratoryRate)?,
        spo2: reading("spo2", Quantity::Spo2)?,
        spo2_scale,
        on_oxygen,
        systolic_bp: reading("systolicBp", Quantity::SystolicBp)?,
        pulse: reading("pulse", Quantity::Pulse)?,
        consciousness,
        temperature: reading("temperature", Quantity::Temperature)?,
    })
}

fn read_quantity(
    name: &str,
    quantity: Quantity,
    value: JsField,
) -> Result<Option<Reading>, InputError> {
    let (min, max) = quantity.physical_range();
    let unit = match quantity {
        Quantity::RespiratoryRate => " breaths per minute",
        Quantity::Spo2 => " %",
        Quantity::SystolicBp => " mmHg",
        Quantity::Pulse => " beats per minute",
        Quantity::Temperature => " °C",
    };
    let accepted = format!("accepted: a number from {min} to {max}{unit}");
    let number = match value {
        JsField::Absent => return Ok(None),
        JsField::Number(n) => n,
        other => {
            return Err(InputError(format!(
                "{name} must be a number; got {}; {accepted}",
                describe(&other)
            )));
        }
    };
    Reading::from_f64(quantity, number)
        .map(Some)
        .map_err(|invalid| {
            let problem = match invalid {
                InvalidReading::NotANumber => {
                    format!("{name} must be a finite number; got {number}")
                }
                InvalidReading::Negative => format!("{name} cannot be negative; got {number}"),
                InvalidReading::BelowRange { min } => {
                    format!("{name} {number} is below {min}, which no living patient has")
                }
                InvalidReading::AboveRange { max } => {
                    format!("{name} {number} is above {max}, which is not possible")
                }
                InvalidReading::TooPrecise => {
                    format!("{name} {number} has more decimals than any measurement")
                }
                // Numbers in this API are always in the chart's unit, so these cannot arise.
                InvalidReading::UnknownUnit | InvalidReading::WrongUnit(_) => {
                    format!("{name} has a unit that is not accepted")
                }
            };
            InputError(format!("{problem}; {accepted}"))
        })
}

fn describe(value: &JsField) -> String {
    match value {
        JsField::Absent => "nothing".into(),
        JsField::Number(n) => format!("the number {n}"),
        JsField::Bool(b) => format!("{b}"),
        // Debug-quoting keeps control characters and quotes in a vendor's string visible.
        JsField::Text(s) => format!("the string {s:?}"),
        JsField::Other(kind) => format!("a value of type {kind}"),
    }
}

/// What `score()` returns, serialised to a plain JavaScript object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreOutput {
    /// The aggregate; `null` unless every parameter is present.
    pub total: Option<u8>,
    pub complete: bool,
    /// Input field names of the missing parameters (air or oxygen is `onOxygen`).
    pub missing: Vec<&'static str>,
    pub sub_scores: SubScoresOutput,
    pub risk: Option<&'static str>,
    /// For an incomplete set, the risk band already certain from what is known; `null` when
    /// nothing is certain, and for a complete set (whose `risk` says it all).
    pub minimum_risk: Option<&'static str>,
    pub monitoring: Option<&'static str>,
}

/// Each sub-score, `null` where it is not known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubScoresOutput {
    pub respiratory_rate: Option<u8>,
    pub spo2: Option<u8>,
    pub air_or_oxygen: Option<u8>,
    pub systolic_bp: Option<u8>,
    pub pulse: Option<u8>,
    pub consciousness: Option<u8>,
    pub temperature: Option<u8>,
}

impl ScoreOutput {
    pub fn of(score: &News2) -> Self {
        let value = |p| score.sub_score(p).map(SubScore::value);
        let sub_scores = SubScoresOutput {
            respiratory_rate: value(Parameter::RespiratoryRate),
            spo2: value(Parameter::Spo2),
            air_or_oxygen: value(Parameter::AirOrOxygen),
            systolic_bp: value(Parameter::SystolicBp),
            pulse: value(Parameter::Pulse),
            consciousness: value(Parameter::Consciousness),
            temperature: value(Parameter::Temperature),
        };
        match score {
            News2::Complete(complete) => ScoreOutput {
                total: Some(complete.total().value()),
                complete: true,
                missing: Vec::new(),
                sub_scores,
                risk: Some(complete.risk().name()),
                minimum_risk: None,
                monitoring: Some(complete.monitoring().name()),
            },
            News2::Incomplete(incomplete) => ScoreOutput {
                total: None,
                complete: false,
                missing: incomplete.missing().iter().map(|&p| p.name()).collect(),
                sub_scores,
                risk: None,
                minimum_risk: incomplete.minimum_risk().map(ClinicalRisk::name),
                monitoring: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    /// Runs the API contract on a JSON object, as the wasm export does on a JavaScript one.
    fn score_json(input: Value) -> Result<Value, String> {
        let object = input.as_object().expect("test input is an object");
        let keys: Vec<String> = object.keys().cloned().collect();
        let field = |name: &str| object.get(name).map_or(JsField::Absent, JsField::from);
        let vitals = vitals_from_fields(&keys, field).map_err(|e| e.0)?;
        Ok(serde_json::to_value(ScoreOutput::of(&News2::of(&vitals))).unwrap())
    }

    fn baseline() -> Value {
        json!({"respiratoryRate": 16, "spo2": 98, "spo2Scale": 1, "onOxygen": false,
               "systolicBp": 120, "pulse": 70, "consciousness": "A", "temperature": 37.0})
    }

    fn with(field: &str, value: Value) -> Value {
        let mut input = baseline();
        input[field] = value;
        input
    }

    #[test]
    fn a_complete_set_has_every_output_field() {
        assert_eq!(
            score_json(with("temperature", json!(38.05))).unwrap(),
            json!({"total": 1, "complete": true, "missing": [],
                   "subScores": {"respiratoryRate": 0, "spo2": 0, "airOrOxygen": 0, "systolicBp": 0,
                                 "pulse": 0, "consciousness": 0, "temperature": 1},
                   "risk": "low", "minimumRisk": null, "monitoring": "4-6-hourly"})
        );
    }

    #[test]
    fn an_incomplete_set_has_no_total_risk_or_monitoring() {
        let mut input = baseline();
        input.as_object_mut().unwrap().remove("pulse");
        input["onOxygen"] = Value::Null;
        input["respiratoryRate"] = json!(30);
        assert_eq!(
            score_json(input).unwrap(),
            json!({"total": null, "complete": false, "missing": ["onOxygen", "pulse"],
                   "subScores": {"respiratoryRate": 3, "spo2": 0, "airOrOxygen": null, "systolicBp": 0,
                                 "pulse": null, "consciousness": 0, "temperature": 0},
                   "risk": null, "minimumRisk": "low-medium", "monitoring": null})
        );
    }

    #[test]
    fn scale_defaults_to_1() {
        let mut input = with("spo2", json!(90));
        input.as_object_mut().unwrap().remove("spo2Scale");
        assert_eq!(score_json(input).unwrap()["subScores"]["spo2"], json!(3));
    }

    #[test]
    fn every_mistake_names_the_field_and_what_is_accepted() {
        let cases = [
            (
                with("spo2", json!(101)),
                "spo2 101 is above 100, which is not possible; accepted: a number from 0 to 100 %",
            ),
            (
                with("pulse", json!(-5)),
                "pulse cannot be negative; got -5; accepted: a number from 0 to 600 beats per minute",
            ),
            (
                with("respiratoryRate", json!("16")),
                "respiratoryRate must be a number; got the string \"16\"; accepted: a number from 0 to 120 breaths per minute",
            ),
            (
                with("temperature", json!(5)),
                "temperature 5 is below 10.0, which no living patient has; accepted: a number from 10.0 to 47.0 °C",
            ),
            (
                with("systolicBp", json!({})),
                "systolicBp must be a number; got a value of type object; accepted: a number from 0 to 500 mmHg",
            ),
            (
                with("consciousness", json!("alert")),
                "consciousness must be one of \"A\", \"C\", \"V\", \"P\", \"U\" (ACVPU); got the string \"alert\"",
            ),
            (
                with("spo2Scale", json!(3)),
                "spo2Scale must be 1 or 2 (default 1); got the number 3",
            ),
            (
                with("onOxygen", json!("yes")),
                "onOxygen must be true or false; got the string \"yes\"",
            ),
            (
                with("temp", json!(37)),
                "unknown field \"temp\"; accepted fields: respiratoryRate, spo2, spo2Scale, onOxygen, systolicBp, pulse, consciousness, temperature",
            ),
        ];
        for (input, message) in cases {
            assert_eq!(score_json(input).unwrap_err(), message);
        }
    }

    #[test]
    fn non_finite_numbers_are_refused() {
        for value in [f64::NAN, f64::INFINITY] {
            let error =
                read_quantity("pulse", Quantity::Pulse, JsField::Number(value)).unwrap_err();
            assert!(
                error.0.starts_with("pulse must be a finite number; got"),
                "{}",
                error.0
            );
        }
    }
}
