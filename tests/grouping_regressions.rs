//! Regressions from the clinical safety review of issue 10: inputs where the sets, and so the
//! banner, depended on the order copies and totals arrived in, on a link to a panel, or on a
//! measurement dated in the future. Each test names the defect it guards.
#![cfg(not(target_arch = "wasm32"))]

#[path = "clinical/scenarios.rs"]
mod scenarios;

use news2_widget::clinical::escalation::texts::{Language, ResponseTexts};
use news2_widget::clinical::escalation::{Settings, decide};
use news2_widget::clinical::observation_set::Scale2Decision;
use news2_widget::clinical::time::Timestamp;
use news2_widget::clinical::{ClinicalRisk, News2, Parameter, Spo2Scale};
use news2_widget::fhir::bundle::read_value;
use news2_widget::fhir::datetime;
use news2_widget::fhir::history::{FhirHistory, Grouped};
use news2_widget::fhir::problem::ProblemKind;
use news2_widget::i18n::banner::banner;
use news2_widget::i18n::format::FixedZone;
use scenarios::{Acvpu, V, at, bundle, raw, total, uk_core};
use serde_json::{Value, json};

const NOW: &str = "2026-02-10T14:30:00+01:00";

fn ts(text: &str) -> Timestamp {
    datetime::parse(text).unwrap()
}

fn grouped(pages: &[Vec<Value>]) -> Grouped {
    let mut fhir = FhirHistory::new();
    for page in pages {
        fhir.add_page(read_value(&bundle(page.clone())));
    }
    fhir.group(None)
}

/// What the banner and the sets come to, for comparing two orders.
fn summary(g: &Grouped) -> String {
    let d = decide(&g.history, ts(NOW), &Settings::default());
    let sets: Vec<String> = g
        .history
        .sets()
        .iter()
        .map(|s| {
            let total = match s.score() {
                News2::Complete(c) => Some(c.total().value()),
                News2::Incomplete(_) => None,
            };
            format!("{}:{total:?}/{:?}", s.taken_at().millis(), s.stated_total())
        })
        .collect();
    let mut problems: Vec<String> = g
        .problems
        .iter()
        .map(|p| format!("{:?}:{:?}", p.kind, p.resource))
        .collect();
    problems.sort();
    format!(
        "{} {:?} {:?} {sets:?} {problems:?}",
        d.level.name(),
        d.standing.map(|s| (s.band, s.basis)),
        d.also
    )
}

fn quantity(id: &str, loinc: &str, time: &str, value: i64, unit: &str) -> Value {
    json!({"resourceType": "Observation", "id": id, "status": "final",
           "code": {"coding": [{"system": "http://loinc.org", "code": loinc}]},
           "effectiveDateTime": time,
           "valueQuantity": {"value": value, "system": "http://unitsofmeasure.org", "code": unit}})
}

fn panel(id: &str, time: &str, members: &[String]) -> Value {
    json!({"resourceType": "Observation", "id": id, "status": "final",
           "code": {"coding": [{"system": "http://loinc.org", "code": "85353-1"}]},
           "effectiveDateTime": time,
           "hasMember": members.iter().map(|r| json!({"reference": r})).collect::<Vec<_>>()})
}

fn references(entries: &[Value]) -> Vec<String> {
    entries
        .iter()
        .map(|o| format!("Observation/{}", o["id"].as_str().unwrap()))
        .collect()
}

// Review defect 1: two component-less totals at one moment; the higher counts in any order.
#[test]
fn two_totals_for_one_set_the_higher_counts_in_any_order() {
    let t = at("14:00");
    let values = raw("a", &t, V::LOW, Acvpu::Dips);
    let five = total("x-news2", &t, Some(5), &[], false, &[]);
    let two = total("y-news2", &t, Some(2), &[], false, &[]);
    let one = grouped(&[[vec![five.clone(), two.clone()], values.clone()].concat()]);
    let other = grouped(&[[vec![two, five], values].concat()]);
    assert_eq!(summary(&one), summary(&other));
    assert_eq!(one.history.sets().len(), 1);
    assert_eq!(
        one.history.sets()[0].stated_total().map(|t| t.value()),
        Some(5)
    );
    assert!(
        one.problems.iter().any(|p| p.kind == ProblemKind::Conflict
            && p.resource.as_deref() == Some("Observation/y-news2"))
    );
}

// Review defect 2: the same total twice under two ids is one total, reported.
#[test]
fn the_same_total_under_two_ids_counts_once_and_is_reported() {
    let t = at("14:00");
    let mut entries = raw("a", &t, V::LOW, Acvpu::Dips);
    let mut first = total("x-news2", &t, Some(2), &[], false, &[]);
    first["identifier"] = json!([{"system": "urn:other", "value": "x"}]);
    let mut second = first.clone();
    second["id"] = json!("y-news2");
    second["identifier"] = json!([{"system": "urn:other", "value": "y"}]);
    entries.extend([first, second]);
    let g = grouped(&[entries]);
    assert_eq!(g.history.sets().len(), 1);
    assert!(g.problems.iter().any(|p| p.kind == ProblemKind::Duplicate
        && p.resource.as_deref() == Some("Observation/y-news2")));
}

// Review defect 3: a total whose derivedFrom names a vital-signs panel is one set with the
// panel's members; a panel alone is one set too.
#[test]
fn a_total_derived_from_a_panel_is_one_set() {
    let t = at("14:00");
    let mut entries = raw("a", &t, V::LOW, Acvpu::Snomed);
    let members = references(&entries);
    entries.push(panel("a-panel", &t, &members));
    let alone = grouped(&[entries.clone()]);
    assert_eq!(alone.history.sets().len(), 1);
    assert_eq!(total_of(&alone), Some(2));
    entries.push(total(
        "a-news2",
        &t,
        Some(2),
        &[],
        false,
        &["Observation/a-panel".into()],
    ));
    let g = grouped(&[entries]);
    assert_eq!(g.history.sets().len(), 1, "{}", summary(&g));
    assert_eq!(total_of(&g), Some(2));
    assert!(g.placed.contains("Observation/a-panel") && g.placed.contains("Observation/a-news2"));
}

fn total_of(g: &Grouped) -> Option<u8> {
    match g.history.sets().last()?.score() {
        News2::Complete(c) => Some(c.total().value()),
        News2::Incomplete(_) => None,
    }
}

fn pulse_copy(id: &str, version: Option<&str>, value: i64, identifier: bool) -> Value {
    let mut o = quantity(id, "8867-4", &at("14:00"), value, "/min");
    if let Some(v) = version {
        o["meta"] = json!({"versionId": v});
    }
    if identifier {
        o["identifier"] = json!([{"system": "urn:dips:measurement", "value": "m-1"}]);
    }
    o
}

fn without_pulse() -> Vec<Value> {
    let mut base = raw("a", &at("14:00"), V::NORMAL, Acvpu::Snomed);
    base.retain(|o| o["id"] != "a-hr");
    base
}

// Review defect 4: versions 1 (135), 2 (80), 3 (135 again): version 3 stands in every order.
#[test]
fn the_newest_version_stands_in_any_order() {
    for order in [
        ["1", "2", "3"],
        ["1", "3", "2"],
        ["3", "1", "2"],
        ["2", "3", "1"],
    ] {
        let mut pages = vec![without_pulse()];
        for v in order {
            pages.push(vec![pulse_copy(
                "a-hr",
                Some(v),
                if v == "2" { 80 } else { 135 },
                false,
            )]);
        }
        let g = grouped(&pages);
        let pulse = g.history.sets()[0].vitals().pulse.map(|p| p.charted());
        assert_eq!(pulse, Some(135), "{order:?}");
    }
}

// Review defect 5: a version and another system's copy: the same result in any order, and no
// copy is called "the same measurement" once it differs.
#[test]
fn a_version_and_a_copy_under_another_id_in_any_order() {
    let v1 = pulse_copy("a-hr", Some("1"), 135, true);
    let copy = pulse_copy("copy-a-hr", None, 135, true);
    let v2 = pulse_copy("a-hr", Some("2"), 80, true);
    let results: Vec<String> = [[&v1, &copy, &v2], [&v2, &copy, &v1], [&copy, &v2, &v1]]
        .iter()
        .map(|order| {
            let mut pages = vec![without_pulse()];
            pages.extend(order.iter().map(|o| vec![(*o).clone()]));
            summary(&grouped(&pages))
        })
        .collect();
    assert!(results.windows(2).all(|w| w[0] == w[1]), "{results:#?}");
    // The copy still says 135 where the source corrected itself to 80: a conflict, the more
    // severe counts, and it is not reported as a duplicate.
    assert!(
        results[0].contains("Conflict") && !results[0].contains("Duplicate"),
        "{}",
        results[0]
    );
}

// Review defect 6: two panels at one moment and an unlinked value: the same sets in any order.
#[test]
fn two_panels_at_one_moment_in_any_order() {
    let t = at("14:00");
    let mut a = raw("a", &t, V::NORMAL, Acvpu::Snomed);
    a.retain(|o| o["id"] != "a-hr");
    let panel_a = panel("pa", &t, &references(&a));
    let hr_b = quantity("b-hr", "8867-4", &t, 72, "/min");
    let panel_b = panel("pb", &t, &["Observation/b-hr".to_string()]);
    let loose = quantity("z-hr", "8867-4", &t, 135, "/min");
    let one = [
        a.clone(),
        vec![
            hr_b.clone(),
            panel_a.clone(),
            panel_b.clone(),
            loose.clone(),
        ],
    ]
    .concat();
    let other = [vec![hr_b], a, vec![panel_b, panel_a, loose]].concat();
    assert_eq!(summary(&grouped(&[one])), summary(&grouped(&[other])));
}

// Review defect 7: derivedFrom by a business identifier every value of the round carries names
// them all, in any order.
#[test]
fn derived_from_a_shared_identifier_names_every_value() {
    let mut values = raw("a", &at("14:00"), V::RED, Acvpu::Dips);
    for o in values.iter_mut() {
        o["identifier"] = json!([{"system": "urn:dips:measurement", "value": "m-7"}]);
    }
    let mut t = total("a-news2", &at("14:10"), Some(3), &[], false, &[]);
    t["derivedFrom"] = json!([{"identifier": {"system": "urn:dips:measurement", "value": "m-7"}}]);
    let forward = grouped(&[[values.clone(), vec![t.clone()]].concat()]);
    let mut reversed = values;
    reversed.reverse();
    let backward = grouped(&[[reversed, vec![t]].concat()]);
    assert_eq!(summary(&forward), summary(&backward));
    assert_eq!(forward.history.sets().len(), 1);
    assert_eq!(total_of(&forward), Some(3));
}

// Review defect 8: a measurement dated after now never replaces a real one as its "re-check".
#[test]
fn a_future_value_is_not_a_re_check() {
    let mut entries = raw("a", &at("14:00"), V::NORMAL, Acvpu::Snomed);
    entries.retain(|o| o["id"] != "a-temp" && o["id"] != "a-rr");
    entries.push(quantity("rr-real", "9279-1", &at("14:00"), 26, "/min"));
    entries.push(quantity("rr-future", "9279-1", &at("14:14"), 16, "/min"));
    let mut fhir = FhirHistory::new();
    fhir.add_page(read_value(&bundle(entries)));
    let now = ts("2026-02-10T14:02:00+01:00");
    let g = fhir.group_as_of(None, Some(now));
    let d = decide(&g.history, now, &Settings::default());
    assert_eq!(d.standing.map(|s| s.band), Some(ClinicalRisk::LowMedium));
    assert_eq!(fhir.count_after(now), 1);
    // Once the clock passes it, it is a re-check like any other.
    let later = ts("2026-02-10T14:20:00+01:00");
    let g = fhir.group_as_of(None, Some(later));
    assert_eq!(
        g.history.sets()[0]
            .vitals()
            .respiratory_rate
            .map(|r| r.charted()),
        Some(16)
    );
}

// Review defect 9: the host's record of a Scale 2 decision's end is not undone by a source
// that still writes Scale 2; the difference shows as a disagreement.
#[test]
fn an_ended_scale_2_decision_is_not_undone_by_a_source() {
    let t = at("14:00");
    let v = V {
        spo2: Some(88.0),
        ..V::NORMAL
    };
    let mut entries = raw("a", &t, v, Acvpu::Dips);
    let subs: Vec<(Parameter, u8)> = Parameter::ALL.iter().map(|&p| (p, 0u8)).collect();
    entries.push(total("a-news2", &t, Some(0), &subs, true, &[]));
    let decision = Scale2Decision::new("Dr. Lunde", ts("2026-02-09T10:00:00+01:00"))
        .unwrap()
        .ending(ts("2026-02-10T10:00:00+01:00"))
        .unwrap();
    let mut fhir = FhirHistory::new();
    fhir.add_page(read_value(&bundle(entries)));
    let g = fhir.group(Some(&decision));
    let set = &g.history.sets()[0];
    assert_eq!(set.vitals().spo2_scale, Spo2Scale::Scale1);
    assert!(!set.disagreements().is_empty());
    let d = decide(&g.history, ts(NOW), &Settings::default());
    assert!(d.standing.map(|s| s.band) >= Some(ClinicalRisk::LowMedium));
}

// Review defect 10: two sets at one moment, equally severe: which is "the latest" does not
// depend on their order.
#[test]
fn two_sets_at_one_moment_in_any_order() {
    let t = at("14:00");
    let a = uk_core(
        "a",
        &t,
        V {
            pulse: Some(135.0),
            ..V::NORMAL
        },
        &[],
    );
    let b = uk_core(
        "b",
        &t,
        V {
            rr: Some(26.0),
            ..V::NORMAL
        },
        &[],
    );
    let title = |entries: Vec<Value>| {
        let g = grouped(&[entries]);
        let d = decide(&g.history, ts(NOW), &Settings::default());
        banner(&d, Language::Nb, &ResponseTexts::default(), &FixedZone(60)).title
    };
    assert_eq!(
        title([a.clone(), b.clone()].concat()),
        title([b, a].concat())
    );
}

// Review (suspected, confirmed here): an Observation entered in error takes its earlier copies
// with it.
#[test]
fn entered_in_error_withdraws_earlier_copies_too() {
    let mut wrong = pulse_copy("a-hr", Some("2"), 135, false);
    wrong["status"] = json!("entered-in-error");
    let g = grouped(&[
        [
            without_pulse(),
            vec![pulse_copy("a-hr", Some("1"), 135, false)],
        ]
        .concat(),
        vec![wrong],
    ]);
    assert_eq!(g.history.sets()[0].vitals().pulse, None);
    assert!(g.problems.iter().any(|p| p.kind == ProblemKind::NotScored));
}

// Review (suspected): a copy without a performer does not erase the other copy's.
#[test]
fn a_merged_copy_keeps_the_performer_either_copy_names() {
    let mut named = pulse_copy("a-hr", None, 80, false);
    named["performer"] = json!([{"display": "Kari Nordmann"}]);
    let mut anonymous = named.clone();
    anonymous["id"] = json!("0-hr");
    anonymous.as_object_mut().unwrap().remove("performer");
    anonymous["identifier"] = json!([{"system": "urn:x", "value": "1"}]);
    named["identifier"] = json!([{"system": "urn:x", "value": "1"}]);
    let g = grouped(&[vec![anonymous, named]]);
    assert_eq!(
        g.history.sets()[0].details.provenance[0]
            .performer
            .as_deref(),
        Some("Kari Nordmann")
    );
}

// Review (suspected): a total stamped with a whole raw set joins that set, not an earlier
// partial round still open.
#[test]
fn a_total_joins_the_whole_set_stamped_with_it() {
    let partial = raw(
        "p",
        &at("13:55"),
        V {
            temp: None,
            ..V::EMPTY
        },
        Acvpu::Snomed,
    );
    let mut p = partial;
    p.push(quantity("p-hr", "8867-4", &at("13:55"), 72, "/min"));
    let whole = raw("a", &at("14:00"), V::LOW, Acvpu::Dips);
    let stated = total("a-news2", &at("14:00"), Some(2), &[], false, &[]);
    let g = grouped(&[[p, whole, vec![stated]].concat()]);
    let at_14 = g
        .history
        .sets()
        .iter()
        .find(|s| s.taken_at() == ts(&at("14:00")))
        .expect("the 14:00 set");
    assert_eq!(at_14.stated_total().map(|t| t.value()), Some(2));
    assert!(at_14.disagreements().is_empty());
}

// Second review, defect 1: a future-dated value linked by a total is not a re-check either.
#[test]
fn a_future_value_linked_by_a_total_is_not_a_re_check() {
    let mut entries = uk_core("a", &at("14:00"), V::RED, &[]);
    entries.push(quantity("a-rr-late", "9279-1", &at("15:30"), 16, "/min"));
    if let Some(references) = entries
        .iter_mut()
        .find(|o| o["id"] == "a-news2")
        .and_then(|t| t["derivedFrom"].as_array_mut())
    {
        references.push(json!({"reference": "Observation/a-rr-late"}));
    }
    let mut fhir = FhirHistory::new();
    fhir.add_page(read_value(&bundle(entries)));
    let now = ts("2026-02-10T14:02:00+01:00");
    let g = fhir.group_as_of(None, Some(now));
    let d = decide(&g.history, now, &Settings::default());
    assert_eq!(d.standing.map(|s| s.band), Some(ClinicalRisk::LowMedium));
}

// Second review, defect 2: of two totals at one moment the more severe band counts (a red
// sub-score outranks a tie on the total); a later total in one round is a re-score, and the
// banner says when it was calmer.
#[test]
fn totals_at_one_moment_by_severity_and_later_ones_as_re_scores() {
    let t = at("14:00");
    let a = total(
        "a-news2",
        &t,
        Some(3),
        &[(Parameter::Pulse, 1), (Parameter::Spo2, 2)],
        false,
        &[],
    );
    let b = total(
        "b-news2",
        &t,
        Some(3),
        &[(Parameter::RespiratoryRate, 3)],
        false,
        &[],
    );
    for entries in [vec![a.clone(), b.clone()], vec![b, a]] {
        let g = grouped(&[entries]);
        let d = decide(&g.history, ts(NOW), &Settings::default());
        assert_eq!(d.standing.map(|s| s.band), Some(ClinicalRisk::LowMedium));
    }
    // Two bare totals ten minutes apart, no values: two sets, and the later, calmer one does
    // not lower what the earlier made certain (rule (c) of the banner): high stands.
    let g = grouped(&[vec![
        total("a-news2", &at("14:00"), Some(7), &[], false, &[]),
        total("b-news2", &at("14:10"), Some(0), &[], false, &[]),
    ]]);
    assert_eq!(g.history.sets().len(), 2);
    let d = decide(&g.history, ts(NOW), &Settings::default());
    assert_eq!(
        d.standing.map(|s| (s.band, s.basis)),
        Some((
            ClinicalRisk::High,
            news2_widget::clinical::escalation::Basis::Stated { total: 7 }
        ))
    );
    // A complete set the source scored again with a re-checked value, lower: said in the banner.
    let mut entries = raw("c", &at("14:00"), V::RED, Acvpu::Dips);
    entries.push(total("c-news2", &at("14:00"), Some(7), &[], false, &[]));
    entries.push(quantity("c-rr-2", "9279-1", &at("14:10"), 16, "/min"));
    entries.push(total("d-news2", &at("14:10"), Some(0), &[], false, &[]));
    let g = grouped(&[entries]);
    assert_eq!(g.history.sets().len(), 1);
    let d = decide(&g.history, ts(NOW), &Settings::default());
    let w = banner(&d, Language::Nb, &ResponseTexts::default(), &FixedZone(60));
    assert!(
        w.notices
            .iter()
            .any(|n| n.starts_with("Kilden skåret målingen på nytt: NEWS2 7")),
        "{:?}",
        w.notices
    );
    // A re-check with a new total from the source: the source's newest total and the values
    // agree; no disagreement.
    let mut entries = raw("a", &at("14:00"), V::RED, Acvpu::Dips);
    entries.push(total("a-news2", &at("14:00"), Some(3), &[], false, &[]));
    entries.push(quantity("a-rr-2", "9279-1", &at("14:10"), 16, "/min"));
    entries.push(total("b-news2", &at("14:10"), Some(0), &[], false, &[]));
    let g = grouped(&[entries]);
    let d = decide(&g.history, ts(NOW), &Settings::default());
    assert_eq!(d.level.name(), "none", "{:?} {:?}", d.also, d.notices);
}

// Second review, defect 3: two linked totals over the same values are one set; an identical
// component-only total beside a linked one is a duplicate, not a conflict.
#[test]
fn two_linked_totals_over_the_same_values_are_one_set() {
    let t = at("14:00");
    let mut entries = uk_core("a", &t, V::LOW, &[]);
    let mut second = entries
        .iter()
        .find(|o| o["id"] == "a-news2")
        .unwrap()
        .clone();
    second["id"] = json!("z-news2");
    second["identifier"] = json!([{"system": "urn:other", "value": "z"}]);
    entries.push(second);
    let g = grouped(&[entries.clone()]);
    assert_eq!(g.history.sets().len(), 1, "{}", summary(&g));
    assert!(g.problems.iter().any(|p| p.kind == ProblemKind::Duplicate
        && p.resource.as_deref() == Some("Observation/z-news2")));
    let mut beside = uk_core("a", &t, V::LOW, &[]);
    let linked = beside
        .iter()
        .find(|o| o["id"] == "a-news2")
        .unwrap()
        .clone();
    let mut unlinked = linked.clone();
    unlinked["id"] = json!("y-news2");
    unlinked["identifier"] = json!([{"system": "urn:other", "value": "y"}]);
    unlinked.as_object_mut().unwrap().remove("derivedFrom");
    beside.push(unlinked);
    let g = grouped(&[beside]);
    assert!(
        !g.problems.iter().any(|p| p.kind == ProblemKind::Conflict),
        "{:?}",
        g.problems
    );
}

// Second review, defect 4: a link to an id merged into another copy still resolves.
#[test]
fn a_link_to_a_merged_copy_resolves() {
    let mut entries = uk_core("a", &at("14:00"), V::LOW, &[]);
    for o in entries.iter_mut().filter(|o| o["id"] == "a-hr") {
        o["identifier"] = json!([{"system": "urn:x", "value": "hr"}]);
    }
    let mut mirror = entries.iter().find(|o| o["id"] == "a-hr").unwrap().clone();
    mirror["id"] = json!("0-hr");
    entries.push(mirror);
    let g = grouped(&[entries]);
    assert!(g.unresolved.is_empty(), "{:?}", g.unresolved);
    assert!(!g.problems.iter().any(|p| p.kind == ProblemKind::Unresolved));
    assert_eq!(g.history.sets().len(), 1);
}

// Second review, defect 8: an Observation entered in error takes its copy in another system
// with it.
#[test]
fn entered_in_error_withdraws_copies_under_other_ids() {
    let first = pulse_copy("a-hr", Some("1"), 135, true);
    let mirror = pulse_copy("mirror-hr", None, 135, true);
    let mut wrong = pulse_copy("a-hr", Some("2"), 135, true);
    wrong["status"] = json!("entered-in-error");
    let g = grouped(&[[without_pulse(), vec![first, mirror]].concat(), vec![wrong]]);
    assert_eq!(g.history.sets()[0].vitals().pulse, None);
}

fn pulse_at(id: &str, time: &str, value: i64, version: Option<&str>, status: &str) -> Value {
    let mut o = quantity(id, "8867-4", time, value, "/min");
    o["status"] = json!(status);
    o["identifier"] = json!([{"system": "urn:dips:measurement", "value": "m-1"}]);
    if let Some(v) = version {
        o["meta"] = json!({"versionId": v});
    }
    o
}

// Third review, defect 1: a total dated in the future does not carry present values off.
#[test]
fn a_future_dated_total_leaves_present_values_in_the_present() {
    let mut entries = raw("o", &at("10:00"), V::NORMAL, Acvpu::Snomed);
    let values = raw("a", &at("14:00"), V::HIGH, Acvpu::Snomed);
    let links = references(&values);
    entries.extend(values);
    entries.push(total("a-news2", &at("15:00"), Some(10), &[], false, &links));
    let mut fhir = FhirHistory::new();
    fhir.add_page(read_value(&bundle(entries)));
    let g = fhir.group_as_of(None, Some(ts(NOW)));
    let d = decide(&g.history, ts(NOW), &Settings::default());
    assert_eq!(
        d.standing.map(|s| s.band),
        Some(ClinicalRisk::High),
        "{}",
        summary(&g)
    );
}

// Third review, defect 2: a later, higher total is the newest information, not a
// "disagreement" with the values before it.
#[test]
fn a_later_higher_total_stands_as_the_newest_information() {
    let mut entries = raw("m", &at("14:00"), V::NORMAL, Acvpu::Snomed);
    entries.push(total("dips-news2", &at("14:12"), Some(7), &[], false, &[]));
    let g = grouped(&[entries]);
    let d = decide(&g.history, ts(NOW), &Settings::default());
    assert_eq!(
        d.standing.map(|s| s.band),
        Some(ClinicalRisk::High),
        "{}",
        summary(&g)
    );
}

// Third review, defect 3: linked totals over shared values merge the same whatever their ids.
#[test]
fn linked_totals_merge_the_same_whatever_their_ids() {
    let t = at("14:00");
    let values = raw("v", &t, V::RED, Acvpu::Snomed);
    let links = references(&values);
    let outcome = |x: &str, y: &str, z: &str| {
        let mut entries = values.clone();
        entries.push(total(
            &format!("{x}-news2"),
            &t,
            Some(6),
            &[],
            false,
            &links[..2],
        ));
        entries.push(total(
            &format!("{y}-news2"),
            &t,
            Some(1),
            &[],
            false,
            &links[4..],
        ));
        entries.push(total(
            &format!("{z}-news2"),
            &t,
            Some(3),
            &[],
            false,
            &links,
        ));
        let g = grouped(&[entries]);
        let d = decide(&g.history, ts(NOW), &Settings::default());
        (
            g.history.sets().len(),
            d.level.name(),
            d.standing.map(|s| s.band),
        )
    };
    assert_eq!(outcome("x", "y", "z"), outcome("x", "z", "y"));
    assert_eq!(outcome("x", "y", "z"), outcome("z", "y", "x"));
    assert_eq!(outcome("x", "y", "z").0, 1);
}

// Third review, defects 4 and 5: withdrawing one value spares a re-check that shares the set's
// measurement id, and a copy withdrawn with it is named.
#[test]
fn withdrawing_one_value_spares_a_re_check_sharing_the_set_identifier() {
    let mut base = raw(
        "a",
        &at("14:00"),
        V {
            pulse: None,
            ..V::NORMAL
        },
        Acvpu::Dips,
    );
    for o in base.iter_mut() {
        o["identifier"] = json!([{"system": "urn:dips:measurement", "value": "m-1"}]);
    }
    let first = pulse_at("a-hr", &at("14:00"), 80, Some("1"), "final");
    let recheck = pulse_at("a-hr2", &at("14:05"), 135, None, "final");
    let wrong = pulse_at("a-hr", &at("14:00"), 80, Some("2"), "entered-in-error");
    let g = grouped(&[
        [base.clone(), vec![first.clone(), recheck]].concat(),
        vec![wrong.clone()],
    ]);
    assert_eq!(
        g.history.sets()[0].vitals().pulse.map(|p| p.charted()),
        Some(135)
    );
    // A mirror of the withdrawn value at its moment goes with it, and says so.
    let mirror = pulse_at("mirror-hr", &at("14:00"), 80, None, "final");
    let g = grouped(&[[base, vec![first, mirror]].concat(), vec![wrong]]);
    assert_eq!(g.history.sets()[0].vitals().pulse, None);
    assert!(
        g.problems
            .iter()
            .any(|p| p.resource.as_deref() == Some("Observation/mirror-hr")
                && p.kind == ProblemKind::NotScored)
    );
}

// Third review, defect 6: entries with no id are never taken for each other across pages.
#[test]
fn a_retraction_of_another_id_less_entry_withdraws_nothing_else() {
    let mut first = raw(
        "c",
        &at("14:00"),
        V {
            pulse: None,
            ..V::NORMAL
        },
        Acvpu::Dips,
    );
    let mut hr = quantity("x", "8867-4", &at("14:00"), 135, "/min");
    hr.as_object_mut().unwrap().remove("id");
    first.insert(0, hr);
    let mut other = quantity("x", "9279-1", &at("13:00"), 30, "/min");
    other.as_object_mut().unwrap().remove("id");
    other["status"] = json!("entered-in-error");
    let page = |entries: Vec<Value>| {
        json!({"resourceType": "Bundle", "type": "searchset",
               "entry": entries.into_iter().map(|r| json!({"resource": r})).collect::<Vec<_>>()})
    };
    let mut fhir = FhirHistory::new();
    fhir.add_page(read_value(&page(first)));
    fhir.add_page(read_value(&page(vec![other])));
    let g = fhir.group(None);
    assert_eq!(
        g.history.sets()[0].vitals().pulse.map(|p| p.charted()),
        Some(135)
    );
}
