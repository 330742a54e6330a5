//! Reading FHIR into observation sets: the three shapes of ../shared/news2/fhir, paging and
//! duplicates, the grouping rule's edges, and bad input, each reported and none fatal.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use news2_widget::clinical::escalation::{Level, Notice, Settings, decide};
use news2_widget::clinical::observation_set::{Scale2Decision, Spo2ScaleBasis};
use news2_widget::clinical::time::Timestamp;
use news2_widget::clinical::{News2, Parameter, Spo2Scale};
use news2_widget::fhir::bundle::{MAX_PAGE_BYTES, read_page, read_value};
use news2_widget::fhir::datetime;
use news2_widget::fhir::history::{FhirHistory, Grouped};
use news2_widget::fhir::problem::ProblemKind;
use serde_json::{Value, json};

fn example(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/data/fhir/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn grouped(pages: &[&[u8]]) -> Grouped {
    let mut history = FhirHistory::new();
    for page in pages {
        history.add_page(read_page(page));
    }
    history.group(None)
}

fn totals(g: &Grouped) -> Vec<Option<u8>> {
    g.history
        .sets()
        .iter()
        .map(|set| match set.score() {
            News2::Complete(score) => Some(score.total().value()),
            News2::Incomplete(_) => None,
        })
        .collect()
}

fn at(text: &str) -> Timestamp {
    datetime::parse(text).unwrap()
}

#[test]
fn uk_core_totals_with_derived_from_and_included_vital_signs() {
    let g = grouped(&[&example("uk-core-news2-with-vitals.json")]);
    assert_eq!(g.problems, []);
    assert_eq!(totals(&g), [Some(1), Some(7)]);
    let latest = g.history.sets().last().unwrap();
    assert_eq!(latest.taken_at(), at("2025-03-10T14:00:00+01:00"));
    assert_eq!(latest.vitals().on_oxygen, Some(true));
    assert_eq!(
        latest
            .details
            .oxygen
            .as_ref()
            .unwrap()
            .flow_litres_per_minute
            .map(|f| f.to_string()),
        Some("2".into())
    );
    assert_eq!(
        latest.details.diastolic_bp.map(|d| d.value.to_string()),
        Some("70".into())
    );
    assert_eq!(
        (latest.disagreements(), latest.source_only()),
        (vec![], vec![])
    );
}

#[test]
fn component_only_totals_stand_on_the_source_s_sub_scores() {
    let g = grouped(&[&example("components-only-news2.json")]);
    assert_eq!(g.problems, []);
    assert_eq!(totals(&g), [Some(2), Some(8), Some(16)]);
    let latest = g.history.sets().last().unwrap();
    assert_eq!(latest.source_only(), Parameter::ALL);
    let decision = decide(
        &g.history,
        at("2025-03-11T13:10:00+01:00"),
        &Settings::default(),
    );
    assert_eq!(decision.level, Level::High, "a stated 16 must escalate");
    assert!(
        decision
            .notices
            .iter()
            .any(|n| matches!(n, Notice::SourceOnly { .. }))
    );
}

#[test]
fn raw_vital_signs_are_grouped_by_time_and_scored() {
    let g = grouped(&[&example("raw-vital-signs.json")]);
    assert_eq!(g.problems, []);
    // The same three sets as the components-only example, now computed from the values.
    assert_eq!(totals(&g), [Some(2), Some(8), Some(16)]);
    assert!(g.history.sets().iter().all(|s| s.stated.is_none()));
}

fn observation(id: &str, loinc: &str, time: &str, value: f64, unit: &str) -> Value {
    json!({"resourceType": "Observation", "id": id, "status": "final",
           "code": {"coding": [{"system": "http://loinc.org", "code": loinc}]},
           "effectiveDateTime": time,
           "valueQuantity": {"value": value, "system": "http://unitsofmeasure.org", "code": unit}})
}

fn bundle(entries: Vec<Value>) -> Value {
    json!({"resourceType": "Bundle", "type": "searchset",
           "entry": entries.into_iter().map(|r| json!({"resource": r})).collect::<Vec<_>>()})
}

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap()
}

/// Guards what an escalation response is `about` (issue 16): each set names the Observations it
/// was made from by id, re-checks and the total included, in a fixed order; one known only by
/// its entry's fullUrl cannot be referred to and is left out.
#[test]
fn a_set_names_the_observations_it_was_made_from() {
    let mut no_id = observation("x", "8310-5", "2025-03-11T08:05:01Z", 37.0, "Cel");
    no_id.as_object_mut().unwrap().remove("id");
    let b = json!({"resourceType": "Bundle", "type": "searchset", "entry": [
        {"resource": observation("rr2", "9279-1", "2025-03-11T08:05:30Z", 20.0, "/min")},
        {"resource": observation("rr1", "9279-1", "2025-03-11T08:00:00Z", 18.0, "/min")},
        {"resource": observation("hr1", "8867-4", "2025-03-11T08:05:00Z", 80.0, "/min")},
        {"fullUrl": "urn:uuid:6f1c1d2e-0000-4000-8000-000000000001", "resource": no_id},
    ]});
    let g = grouped(&[&bytes(&b)]);
    assert_eq!(g.history.sets().len(), 1);
    assert_eq!(
        g.history.sets()[0].details.observations,
        ["Observation/hr1", "Observation/rr1", "Observation/rr2"]
    );
}

// Issue 10, case 2: a bedside round recorded as raw values minutes apart, with re-checks, is
// one set, and its NEWS2 is not lost.
#[test]
fn a_bedside_round_with_re_checks_is_one_set() {
    let b = bundle(vec![
        observation("rr1", "9279-1", "2025-03-11T08:00:00Z", 18.0, "/min"),
        observation("hr1", "8867-4", "2025-03-11T08:05:00Z", 80.0, "/min"),
        observation("t1", "8310-5", "2025-03-11T08:05:01Z", 37.0, "Cel"),
        observation("rr2", "9279-1", "2025-03-11T08:05:30Z", 20.0, "/min"),
        observation("hr2", "8867-4", "2025-03-11T08:07:00Z", 82.0, "/min"),
        // Exactly 15 minutes after the round began: still in it.
        observation("sbp", "8480-6", "2025-03-11T08:15:00Z", 120.0, "mm[Hg]"),
        // A second later: a new round.
        observation("t2", "8310-5", "2025-03-11T08:15:01Z", 37.2, "Cel"),
    ]);
    let g = grouped(&[&bytes(&b)]);
    let sets = g.history.sets();
    let times: Vec<Timestamp> = sets.iter().map(|s| s.taken_at()).collect();
    assert_eq!(
        times,
        [at("2025-03-11T08:00:00Z"), at("2025-03-11T08:15:01Z")]
    );
    let round = &sets[0];
    // The later value of a re-checked parameter counts; the earlier is kept.
    assert_eq!(round.vitals().respiratory_rate.unwrap().charted(), 20);
    assert_eq!(round.vitals().pulse.unwrap().charted(), 82);
    assert_eq!(round.rechecked.len(), 2);
    assert!(round.vitals().systolic_bp.is_some());
    assert!(round.conflicts.is_empty() && g.problems.is_empty());
}

#[test]
fn a_moment_holding_a_whole_set_starts_a_new_set() {
    // A monitor (or a form) stamping all seven parameters at once, twice, five minutes apart:
    // two sets, not one set of re-checks.
    let whole_set = |suffix: &str, time: &str, pulse: f64| {
        vec![
            observation(&format!("rr{suffix}"), "9279-1", time, 16.0, "/min"),
            observation(&format!("spo2{suffix}"), "59408-5", time, 97.0, "%"),
            json!({"resourceType": "Observation", "id": format!("air{suffix}"), "status": "final",
                   "code": {"coding": [{"system": "http://snomed.info/sct", "code": "722742002"}]},
                   "effectiveDateTime": time}),
            observation(&format!("sbp{suffix}"), "8480-6", time, 120.0, "mm[Hg]"),
            observation(&format!("hr{suffix}"), "8867-4", time, pulse, "/min"),
            json!({"resourceType": "Observation", "id": format!("acvpu{suffix}"), "status": "final",
                   "code": {"coding": [{"system": "http://snomed.info/sct", "code": "1104441000000107"}]},
                   "effectiveDateTime": time,
                   "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "248234008"}]}}),
            observation(&format!("t{suffix}"), "8310-5", time, 37.0, "Cel"),
        ]
    };
    let mut entries = whole_set("a", "2025-03-11T08:00:00Z", 70.0);
    entries.extend(whole_set("b", "2025-03-11T08:05:00Z", 135.0));
    let g = grouped(&[&bytes(&bundle(entries))]);
    assert_eq!(totals(&g), [Some(0), Some(3)]);
}

// Issue 10, case 9: conflicting values are never resolved by their order in the Bundle.
#[test]
fn conflicting_values_are_kept_and_the_more_severe_counts_in_any_order() {
    let panel = |systolics: [f64; 2]| {
        json!({"resourceType": "Observation", "id": "bp", "status": "final",
               "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
               "effectiveDateTime": "2025-03-11T08:00:00Z",
               "component": systolics.iter().map(|v| json!({
                   "code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
                   "valueQuantity": {"value": v, "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}
               })).collect::<Vec<_>>()})
    };
    for systolics in [[90.0, 130.0], [130.0, 90.0]] {
        let g = grouped(&[&bytes(&bundle(vec![panel(systolics)]))]);
        let set = &g.history.sets()[0];
        assert_eq!(
            set.vitals().systolic_bp.unwrap().charted(),
            90,
            "{systolics:?}"
        );
        assert_eq!(set.conflicts.len(), 1);
        assert_eq!(g.problems.len(), 1);
        assert_eq!(g.problems[0].kind, ProblemKind::Conflict);
    }
    // The same id twice with different values, no version to tell: both kept, the more severe
    // counts, whichever page came first.
    let low = observation("hr", "8867-4", "2025-03-11T08:00:00Z", 90.0, "/min");
    let high = observation("hr", "8867-4", "2025-03-11T08:00:00Z", 135.0, "/min");
    for pages in [[&low, &high], [&high, &low]] {
        let g = grouped(&[
            &bytes(&bundle(vec![pages[0].clone()])),
            &bytes(&bundle(vec![pages[1].clone()])),
        ]);
        let set = &g.history.sets()[0];
        assert_eq!(set.vitals().pulse.unwrap().charted(), 135);
        assert_eq!(set.conflicts.len(), 1);
        assert!(g.problems.iter().all(|p| p.kind == ProblemKind::Conflict));
        assert_eq!(g.problems.len(), 2, "{:?}", g.problems);
    }
    // A newer version replaces an older one without a conflict.
    let mut v1 = low.clone();
    v1["meta"] = json!({"versionId": "1"});
    let mut v2 = high.clone();
    v2["meta"] = json!({"versionId": "2"});
    for pages in [[&v1, &v2], [&v2, &v1]] {
        let g = grouped(&[
            &bytes(&bundle(vec![pages[0].clone()])),
            &bytes(&bundle(vec![pages[1].clone()])),
        ]);
        assert_eq!(g.history.sets()[0].vitals().pulse.unwrap().charted(), 135);
        assert!(g.problems.is_empty(), "{:?}", g.problems);
    }
}

#[test]
fn the_same_measurement_under_two_ids_counts_once_and_is_reported() {
    let g = grouped(&[&bytes(&bundle(vec![
        observation("a", "8867-4", "2025-03-11T08:00:00Z", 80.0, "/min"),
        observation("b", "8867-4", "2025-03-11T08:00:00Z", 80.0, "/min"),
    ]))]);
    assert_eq!(g.history.sets().len(), 1);
    assert_eq!(g.problems.len(), 1);
    assert_eq!(g.problems[0].kind, ProblemKind::Duplicate);
    assert_eq!(g.problems[0].resource.as_deref(), Some("Observation/b"));
    assert!(g.placed.contains("Observation/a") && g.placed.contains("Observation/b"));
}

// Issue 11, case 4: one business identifier shared by the Observations of one set (one DIPS
// measurement id) merges nothing.
#[test]
fn a_shared_identifier_never_merges_different_parameters() {
    let mut entries = vec![
        observation("rr", "9279-1", "2025-03-11T08:00:00Z", 18.0, "/min"),
        observation("hr", "8867-4", "2025-03-11T08:00:00Z", 80.0, "/min"),
        observation("t", "8310-5", "2025-03-11T08:00:00Z", 37.0, "Cel"),
    ];
    for e in &mut entries {
        e["identifier"] = json!([{"system": "urn:dips:measurement", "value": "4711"}]);
    }
    let g = grouped(&[&bytes(&bundle(entries))]);
    let v = *g.history.sets()[0].vitals();
    assert!(v.respiratory_rate.is_some() && v.pulse.is_some() && v.temperature.is_some());
}

#[test]
fn the_same_observation_twice_counts_once_across_pages() {
    let page_1 = bundle(vec![observation(
        "hr1",
        "8867-4",
        "2025-03-11T08:00:00Z",
        80.0,
        "/min",
    )]);
    let mut again = observation("hr1", "8867-4", "2025-03-11T08:00:00Z", 80.0, "/min");
    let mut by_identifier = observation("other-id", "9279-1", "2025-03-11T09:00:00Z", 18.0, "/min");
    by_identifier["identifier"] = json!([{"system": "urn:x", "value": "42"}]);
    let mut same_identifier =
        observation("third-id", "9279-1", "2025-03-11T09:00:00Z", 18.0, "/min");
    same_identifier["identifier"] = json!([{"system": "urn:x", "value": "42"}]);
    again["meta"] = json!({"versionId": "2"});
    let page_2 = bundle(vec![again, by_identifier, same_identifier]);
    let mut history = FhirHistory::new();
    history.add_page(read_page(&bytes(&page_1)));
    history.add_page(read_page(&bytes(&page_2)));
    assert_eq!(history.len(), 2);
}

#[test]
fn entered_in_error_and_cancelled_are_reported_and_not_scored() {
    let mut wrong = observation("hr1", "8867-4", "2025-03-11T08:00:00Z", 180.0, "/min");
    wrong["status"] = json!("entered-in-error");
    let mut cancelled = observation("rr1", "9279-1", "2025-03-11T08:00:00Z", 30.0, "/min");
    cancelled["status"] = json!("cancelled");
    let g = grouped(&[&bytes(&bundle(vec![wrong, cancelled]))]);
    assert!(g.history.sets().is_empty());
    let kinds: Vec<ProblemKind> = g.problems.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [ProblemKind::NotScored, ProblemKind::NotScored]);
    assert_eq!(g.problems[0].resource.as_deref(), Some("Observation/hr1"));
}

#[test]
fn bad_input_gives_a_message_per_problem_and_keeps_the_rest() {
    let mut no_unit = observation("t1", "8310-5", "2025-03-11T08:00:00Z", 37.5, "Cel");
    no_unit["valueQuantity"] = json!({"value": 37.5, "unit": "C"});
    let mut no_time = observation("t2", "8310-5", "2025-03-11T08:00:00Z", 37.5, "Cel");
    no_time.as_object_mut().unwrap().remove("effectiveDateTime");
    let b = bundle(vec![
        observation("good", "8867-4", "2025-03-11T08:00:00Z", 80.0, "/min"),
        observation("bpm", "8867-4", "2025-03-11T08:00:00Z", 80.0, "bpm"),
        observation("impossible", "2708-6", "2025-03-11T08:00:00Z", 101.0, "%"),
        observation(
            "mobility",
            "88330-6",
            "2025-03-11T08:00:00Z",
            3.0,
            "{score}",
        ),
        observation("date-only", "9279-1", "2025-03-11", 18.0, "/min"),
        no_unit,
        no_time,
        json!({"resourceType": "MedicationRequest", "id": "m1"}),
        json!("not an object"),
        // Included for context, as searches do: no vital sign in it, so no problem either.
        json!({"resourceType": "Patient", "id": "p1"}),
    ]);
    let g = grouped(&[&bytes(&b)]);
    assert_eq!(g.history.sets().len(), 1, "the good pulse is still shown");
    let messages: Vec<String> = g
        .problems
        .iter()
        .map(|p| format!("{:?}: {}", p.kind, p.message))
        .collect();
    let expect = [
        "InvalidValue: value 80.0 bpm has a unit this widget does not know; not used",
        "InvalidValue: value 101.0 % is above 100, which is not possible; not used",
        "UnknownCode: code http://loinc.org|88330-6 is not a NEWS2 parameter; not used",
        "Malformed: effective time \"2025-03-11\" has no time of day; not used",
        "InvalidValue: has no UCUM unit code (unit text \"C\" is not used: units are never guessed); not used",
        "Malformed: has no effective time; not used",
        "UnknownCode: entry 7 is a MedicationRequest, not an Observation; not used",
        "Malformed: entry 8 has no resource",
    ];
    assert_eq!(messages, expect);
}

#[test]
fn pages_that_are_not_fhir() {
    let problem = |bytes: &[u8]| read_page(bytes).problems[0].message.clone();
    assert!(problem(b"{\"resourceType\": \"Bundle\", ").starts_with("the page is not JSON"));
    assert_eq!(
        problem(b"{\"resourceType\": \"Patient\"}"),
        "expected a Bundle or an Observation, got a Patient"
    );
    assert_eq!(problem(b"[1, 2]"), "the JSON has no resourceType: not FHIR");
    assert_eq!(
        problem(b"{\"resourceType\": \"Bundle\", \"entry\": 5}"),
        "Bundle.entry is not a list"
    );
    let huge = vec![b' '; MAX_PAGE_BYTES + 1];
    assert!(problem(&huge).contains("more than the 16 MB accepted"));
}

#[test]
fn next_links_operation_outcomes_and_transaction_responses() {
    let page = read_value(&json!({
        "resourceType": "Bundle", "type": "searchset",
        "link": [{"relation": "self", "url": "a"}, {"relation": "next", "url": "http://x/fhir/Observation?page=2"}],
        "entry": [{"resource": {"resourceType": "OperationOutcome", "issue": [{"diagnostics": "too many results for 13116900216, page 2"}]}}]
    }));
    assert_eq!(
        page.next.as_deref(),
        Some("http://x/fhir/Observation?page=2")
    );
    assert_eq!(
        (page.problems[0].kind, page.problems[0].message.as_str()),
        (
            ProblemKind::ServerMessage,
            "the server says: too many results for [number removed], page 2"
        )
    );
    let response = read_value(
        &json!({"resourceType": "Bundle", "type": "transaction-response",
        "entry": [{"response": {"status": "201 Created", "location": "Observation/1/_history/1"}}]}),
    );
    assert_eq!(response.problems, []);
}

#[test]
fn a_total_whose_references_have_not_arrived_asks_for_them() {
    let total = json!({"resourceType": "Observation", "id": "n1", "status": "final",
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "1104051000000101"}]},
        "effectiveDateTime": "2025-03-11T08:00:00Z",
        "valueQuantity": {"value": 3, "system": "http://unitsofmeasure.org", "code": "{ScoreOf}"},
        "component": [{"code": {"coding": [{"system": "http://snomed.info/sct", "code": "1104351000000103"}]},
                       "valueQuantity": {"value": 3, "code": "{ScoreOf}"}}],
        "derivedFrom": [{"reference": "Observation/rr1"}, {"reference": "http://x/fhir/Observation/hr1/_history/2"}]});
    let g = grouped(&[&bytes(&bundle(vec![
        total,
        observation("rr1", "9279-1", "2025-03-11T07:59:00Z", 18.0, "/min"),
    ]))]);
    assert_eq!(g.unresolved, ["http://x/fhir/Observation/hr1/_history/2"]);
    let set = g.history.sets().last().unwrap();
    assert_eq!(set.vitals().respiratory_rate.map(|r| r.charted()), Some(18));
    assert_eq!(set.source_only(), [Parameter::Pulse]);
    assert_eq!(
        g.history.sets().len(),
        1,
        "the referenced value is not counted again as a set of its own"
    );
}

#[test]
fn scale_2_comes_from_the_source_s_component_or_the_patient_s_decision() {
    let g = grouped(&[&example("raw-vital-signs.json")]);
    assert!(
        g.history
            .sets()
            .iter()
            .all(|s| s.vitals().spo2_scale == Spo2Scale::Scale1)
    );
    let mut history = FhirHistory::new();
    history.add_page(read_page(&example("raw-vital-signs.json")));
    let decision = Scale2Decision::new("Lege Hansen", at("2025-03-11T10:00:00+01:00")).unwrap();
    let g = history.group(Some(&decision));
    let scales: Vec<Spo2Scale> = g
        .history
        .sets()
        .iter()
        .map(|s| s.vitals().spo2_scale)
        .collect();
    assert_eq!(
        scales,
        [Spo2Scale::Scale1, Spo2Scale::Scale2, Spo2Scale::Scale2]
    );
    assert_eq!(
        *g.history.sets().last().unwrap().scale_basis(),
        Spo2ScaleBasis::PatientDecision(decision)
    );
}

#[test]
fn a_page_of_more_than_10_mb_is_read_whole() {
    let mut bytes = common::year::year_bundle();
    bytes.extend(std::iter::repeat_n(b' ', 2 * 1024 * 1024));
    assert!(bytes.len() > 10 * 1024 * 1024);
    let g = grouped(&[&bytes]);
    assert_eq!((g.history.sets().len(), g.problems.len()), (2190, 0));
}

fn total(id: &str, time: &str, value: Value, unit: &str) -> Value {
    json!({"resourceType": "Observation", "id": id, "status": "final",
           "code": {"coding": [{"system": "http://snomed.info/sct", "code": "1104051000000101"}]},
           "effectiveDateTime": time, "valueQuantity": {"value": value, "code": unit},
           "component": [{"code": {"coding": [{"system": "http://snomed.info/sct", "code": "1104351000000103"}]},
                          "valueQuantity": {"value": 1, "code": "{score}"}}]})
}

// Regressions found in review.
#[test]
fn a_diastolic_only_panel_leaves_a_separate_systolic_alone() {
    let mut panel = observation("bp", "85354-9", "2025-03-11T08:00:00Z", 0.0, "mm[Hg]");
    panel.as_object_mut().unwrap().remove("valueQuantity");
    panel["component"] = json!([{"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]},
                                 "valueQuantity": {"value": 60, "code": "mm[Hg]"}}]);
    let systolic = observation("sbp", "8480-6", "2025-03-11T08:00:00Z", 85.0, "mm[Hg]");
    let g = grouped(&[&bytes(&bundle(vec![systolic, panel]))]);
    let set = g.history.sets().last().unwrap();
    assert_eq!(set.vitals().systolic_bp.map(|r| r.charted()), Some(85));
    assert_eq!(
        set.details.diastolic_bp.map(|d| d.value.to_string()),
        Some("60".into())
    );
}

#[test]
fn observations_without_ids_or_identifier_systems_are_never_merged() {
    let mut a = observation("x", "8867-4", "2025-03-11T08:00:00Z", 80.0, "/min");
    let mut b = observation("x", "9279-1", "2025-03-11T08:00:00Z", 18.0, "/min");
    for o in [&mut a, &mut b] {
        o.as_object_mut().unwrap().remove("id");
        o["identifier"] = json!([{"value": "1"}]);
    }
    let g = grouped(&[&bytes(&bundle(vec![a, b]))]);
    let set = g.history.sets().last().unwrap();
    assert!(set.vitals().pulse.is_some() && set.vitals().respiratory_rate.is_some());
}

#[test]
fn on_oxygen_false_is_room_air() {
    let o2 = json!({"resourceType": "Observation", "id": "o2", "status": "final",
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "371825009"}]},
        "effectiveDateTime": "2025-03-11T08:00:00Z", "valueBoolean": false});
    let g = grouped(&[&bytes(&bundle(vec![o2]))]);
    assert_eq!(
        g.history.sets().last().unwrap().vitals().on_oxygen,
        Some(false)
    );
}

#[test]
fn stated_totals_are_whole_scores_with_a_score_unit() {
    let g = grouped(&[&bytes(&bundle(vec![total(
        "a",
        "2025-03-11T08:00:00Z",
        json!(7.0),
        "{ScoreOf}",
    )]))]);
    assert_eq!(
        (
            g.history.sets().last().unwrap().stated.unwrap().total,
            g.problems.len()
        ),
        (Some(7), 0)
    );
    let g = grouped(&[&bytes(&bundle(vec![
        total("b", "2025-03-11T08:00:00Z", json!(7), "mm[Hg]"),
        total("c", "2025-03-11T09:00:00Z", json!(6.5), "{score}"),
        total("d", "2025-03-11T10:00:00Z", Value::Null, "{score}"),
    ]))]);
    let messages: Vec<&str> = g.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "stated total has the unit mm[Hg], not a score; its sub-scores are still read",
            "stated total 6.5 is not a whole number of points; its sub-scores are still read",
            "stated total has no numeric value; its sub-scores are still read",
        ]
    );
    assert_eq!(g.history.sets().len(), 3, "each still shows its sub-scores");
}

#[test]
fn a_component_only_total_joins_the_vital_signs_whose_window_holds_it() {
    let g = grouped(&[&bytes(&bundle(vec![
        observation("hr", "8867-4", "2025-03-11T08:00:00Z", 95.0, "/min"),
        total("n", "2025-03-11T08:01:00Z", json!(1), "{ScoreOf}"),
    ]))]);
    assert_eq!(g.history.sets().len(), 1);
    let set = g.history.sets().last().unwrap();
    assert_eq!((set.disagreements(), set.source_only()), (vec![], vec![]));
}

#[test]
fn a_set_says_where_its_measurements_came_from() {
    let mut pulse = observation("p", "8867-4", "2025-03-11T08:00:00Z", 80.0, "/min");
    pulse["meta"] = json!({"source": "https://pmd.nhn.example/helsestasjon"});
    let mut rate = observation("r", "9279-1", "2025-03-11T08:01:00Z", 18.0, "/min");
    rate["device"] = json!({"display": "Philips IntelliVue MX450"});
    let g = grouped(&[&bytes(&bundle(vec![pulse.clone(), rate]))]);
    let systems: Vec<Option<&str>> = g
        .history
        .sets()
        .last()
        .unwrap()
        .details
        .provenance
        .iter()
        .map(|p| p.system.as_deref())
        .collect();
    assert_eq!(
        systems,
        [
            Some("Philips IntelliVue MX450"),
            Some("https://pmd.nhn.example/helsestasjon")
        ],
        "every system a set's measurements came from is named, none chosen by arrival"
    );
    let g = grouped(&[&bytes(&bundle(vec![observation(
        "q",
        "8867-4",
        "2025-03-11T08:00:00Z",
        80.0,
        "/min",
    )]))]);
    assert_eq!(g.history.sets().last().unwrap().details.provenance, []);
}
