//! A year of 4-hourly NEWS2 sets in the UK Core shape (a total with components and
//! `derivedFrom`, and its seven vital-sign Observations), as one searchset Bundle: the input of
//! the mapping benchmark.

use serde_json::{Value, json};

const SETS: usize = 2190;

fn vital(id: String, time: &str, loinc: &str, value: f64, unit: &str) -> Value {
    json!({"resourceType": "Observation", "id": id, "status": "final",
           "code": {"coding": [{"system": "http://loinc.org", "code": loinc}]},
           "subject": {"reference": "Patient/bench"}, "effectiveDateTime": time,
           "valueQuantity": {"value": value, "system": "http://unitsofmeasure.org", "code": unit}})
}

/// The Bundle's bytes: 2,190 sets, 17,520 Observations.
pub fn year_bundle() -> Vec<u8> {
    let mut entries = Vec::with_capacity(SETS * 8);
    for i in 0..SETS {
        // Every 4 hours from 2025-01-01 00:00 UTC: 2,190 distinct moments (a moment repeated with
        // the same values under other ids would be one round copied, and counted once).
        let time = time::OffsetDateTime::from_unix_timestamp(1_735_689_600 + i as i64 * 4 * 3600)
            .unwrap()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let vary = (i % 7) as f64;
        let ids: Vec<String> = ["rr", "spo2", "o2", "bp", "hr", "acvpu", "temp"]
            .iter()
            .map(|p| format!("{p}-{i}"))
            .collect();
        entries.push(vital(ids[0].clone(), &time, "9279-1", 14.0 + vary, "/min"));
        entries.push(vital(
            ids[1].clone(),
            &time,
            "2708-6",
            93.0 + vary / 2.0,
            "%",
        ));
        entries.push(json!({"resourceType": "Observation", "id": ids[2], "status": "final",
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": "722742002"}]}, "effectiveDateTime": time}));
        entries.push(json!({"resourceType": "Observation", "id": ids[3], "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]}, "effectiveDateTime": time,
            "component": [
                {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {"value": 110.0 + vary * 3.0, "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
                {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {"value": 70, "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]}));
        entries.push(vital(
            ids[4].clone(),
            &time,
            "8867-4",
            70.0 + vary * 6.0,
            "/min",
        ));
        entries.push(json!({"resourceType": "Observation", "id": ids[5], "status": "final",
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": "1104441000000107"}]}, "effectiveDateTime": time,
            "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "248234008"}]}}));
        entries.push(vital(
            ids[6].clone(),
            &time,
            "8310-5",
            36.8 + vary / 5.0,
            "Cel",
        ));
        let components: Vec<Value> = ["1104301000000104", "1104311000000102", "1104331000000105", "1104341000000101", "1104351000000103", "1104361000000100", "1104371000000107"]
            .iter()
            .map(|code| json!({"code": {"coding": [{"system": "http://snomed.info/sct", "code": code}]}, "valueQuantity": {"value": 0, "system": "http://unitsofmeasure.org", "code": "{ScoreOf}"}}))
            .collect();
        entries.push(json!({"resourceType": "Observation", "id": format!("news2-{i}"), "status": "final",
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": "1104051000000101"}]}, "effectiveDateTime": time,
            "valueQuantity": {"value": 0, "system": "http://unitsofmeasure.org", "code": "{ScoreOf}"},
            "component": components,
            "derivedFrom": ids.iter().map(|id| json!({"reference": format!("Observation/{id}")})).collect::<Vec<_>>()}));
    }
    let bundle = json!({"resourceType": "Bundle", "type": "searchset",
        "entry": entries.into_iter().map(|r| json!({"resource": r})).collect::<Vec<_>>()});
    serde_json::to_vec(&bundle).unwrap_or_default()
}
