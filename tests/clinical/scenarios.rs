//! The clinical scenario suite: FHIR Bundles shaped the way real sources send them, each with
//! the banner it must produce. Built here once, and run through the engine natively
//! (tests/clinical_scenarios.rs) and through `<news2-widget>` in Chromium
//! (tests/clinical_scenarios_browser.rs).
//!
//! Three source shapes (../shared/news2/README.md, section 5): raw vital signs (NHN's Pasientens
//! måledata), UK Core totals with `derivedFrom`, and DIPS-like totals with components only (with
//! DIPS's ACVPU codes on the raw values beside them). Every case of issue 10 is here in each
//! shape it can arise in; the `about` line names it.

#![allow(dead_code)] // Each runner reads its own part.

use news2_widget::clinical::{
    Consciousness, News2, Parameter, Quantity, Reading, Spo2Scale, VitalSigns,
};
use serde_json::{Value, json};

/// One scenario: a Bundle, the clock, the patient's Scale 2 decision if any, and what the
/// banner must say.
pub struct Scenario {
    pub name: &'static str,
    /// What it checks (and the case of issue 10 it covers).
    pub about: &'static str,
    /// The widget's clock, RFC 3339.
    pub now: &'static str,
    /// `spo2-scale-by`, `spo2-scale-at`, and `spo2-scale-until` if it has ended.
    pub scale_2: Option<(&'static str, &'static str, Option<&'static str>)>,
    pub bundle: Value,
    pub expect: Expect,
}

/// What the banner must show.
pub struct Expect {
    /// `data-level`: the level's public name.
    pub level: &'static str,
    /// The clinical band it stands on (`high`, …), or `None` when nothing is certain.
    pub band: Option<&'static str>,
    /// Levels that must be listed besides the leading one.
    pub also: &'static [&'static str],
    /// Texts the banner must contain (bokmål).
    pub says: &'static [&'static str],
    /// Texts it must not contain.
    pub never: &'static [&'static str],
    /// Texts the list of problems must contain (what could not be used, and why).
    pub problems: &'static [&'static str],
}

/// Values of one set; `None` is not measured.
#[derive(Clone, Copy)]
pub struct V {
    pub rr: Option<f64>,
    pub spo2: Option<f64>,
    pub o2: Option<bool>,
    pub sbp: Option<f64>,
    pub pulse: Option<f64>,
    pub acvpu: Option<char>,
    pub temp: Option<f64>,
}

impl V {
    /// NEWS2 0.
    pub const NORMAL: V = V {
        rr: Some(16.0),
        spo2: Some(97.0),
        o2: Some(false),
        sbp: Some(125.0),
        pulse: Some(72.0),
        acvpu: Some('A'),
        temp: Some(37.0),
    };

    /// Nothing measured.
    pub const EMPTY: V = V {
        rr: None,
        spo2: None,
        o2: None,
        sbp: None,
        pulse: None,
        acvpu: None,
        temp: None,
    };

    /// NEWS2 10: RR 26 (3), SpO2 93 (2), on oxygen (2), SBP 125 (0), pulse 115 (2), alert (0),
    /// temperature 38.5 (1).
    pub const HIGH: V = V {
        rr: Some(26.0),
        spo2: Some(93.0),
        o2: Some(true),
        sbp: Some(125.0),
        pulse: Some(115.0),
        acvpu: Some('A'),
        temp: Some(38.5),
    };

    /// NEWS2 5: RR 22 (2), pulse 115 (2), temperature 38.5 (1).
    pub const MEDIUM: V = V {
        rr: Some(22.0),
        pulse: Some(115.0),
        temp: Some(38.5),
        ..V::NORMAL
    };

    /// NEWS2 3 with a red score: RR 26.
    pub const RED: V = V {
        rr: Some(26.0),
        ..V::NORMAL
    };

    /// NEWS2 2: pulse 115.
    pub const LOW: V = V {
        pulse: Some(115.0),
        ..V::NORMAL
    };

    fn vitals(&self, scale: Spo2Scale) -> VitalSigns {
        let reading = |q, v: Option<f64>| v.map(|v| Reading::from_f64(q, v).expect("a value"));
        VitalSigns {
            respiratory_rate: reading(Quantity::RespiratoryRate, self.rr),
            spo2: reading(Quantity::Spo2, self.spo2),
            spo2_scale: scale,
            on_oxygen: self.o2,
            systolic_bp: reading(Quantity::SystolicBp, self.sbp),
            pulse: reading(Quantity::Pulse, self.pulse),
            consciousness: self
                .acvpu
                .and_then(|c| Consciousness::from_letter(&c.to_string())),
            temperature: reading(Quantity::Temperature, self.temp),
        }
    }
}

/// A time on 10 February 2026, written with Oslo's winter offset as Norwegian servers write it.
pub fn at(clock: &str) -> String {
    format!("2026-02-10T{clock}:00+01:00")
}

const SNOMED: &str = "http://snomed.info/sct";
const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";
const PATIENT: &str = "Patient/scenario";

fn coded(system: &str, code: &str) -> Value {
    json!({"coding": [{"system": system, "code": code}]})
}

fn observation(id: &str, code: Value, time: &str) -> Value {
    json!({
        "resourceType": "Observation",
        "id": id,
        "status": "final",
        "code": code,
        "subject": {"reference": PATIENT},
        "effectiveDateTime": time,
        "performer": [{"display": "Kari Nordmann"}],
    })
}

/// A number as a source writes it: whole numbers without a decimal point.
fn number(value: f64) -> Value {
    if value.fract() == 0.0 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

fn quantity(id: &str, loinc: &str, time: &str, value: f64, unit: &str) -> Value {
    let mut o = observation(id, coded(LOINC, loinc), time);
    o["valueQuantity"] = json!({"value": number(value), "system": UCUM, "code": unit});
    o
}

/// How ACVPU is coded: UK Core's SNOMED values, or DIPS's own codes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Acvpu {
    Snomed,
    Dips,
}

fn acvpu(id: &str, time: &str, letter: char, codes: Acvpu) -> Value {
    let code = match (codes, letter) {
        (Acvpu::Snomed, 'A') => "248234008",
        (Acvpu::Snomed, 'C') => "130987000",
        (Acvpu::Snomed, 'V') => "300202002",
        (Acvpu::Snomed, 'P') => "450847001",
        (Acvpu::Snomed, _) => "422768004",
        (Acvpu::Dips, 'A') => "D0005",
        (Acvpu::Dips, 'C') => "D0012",
        (Acvpu::Dips, 'V') => "D0006",
        (Acvpu::Dips, 'P') => "D0007",
        (Acvpu::Dips, _) => "D0008",
    };
    let system = match codes {
        Acvpu::Snomed => SNOMED,
        Acvpu::Dips => "http://dips.no/fhir/CodeSystem/acvpu",
    };
    let mut o = observation(id, coded(SNOMED, "1104441000000107"), time);
    o["valueCodeableConcept"] = coded(system, code);
    o
}

/// The raw vital signs of one set at one moment, one Observation each (blood pressure as a
/// panel), ids `{prefix}-rr`, … .
pub fn raw(prefix: &str, time: &str, v: V, codes: Acvpu) -> Vec<Value> {
    raw_spread(prefix, &[time; 7], v, codes)
}

/// As [`raw`], each parameter at its own time (in chart order).
pub fn raw_spread(prefix: &str, times: &[&str; 7], v: V, codes: Acvpu) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(rr) = v.rr {
        out.push(quantity(
            &format!("{prefix}-rr"),
            "9279-1",
            times[0],
            rr,
            "/min",
        ));
    }
    if let Some(spo2) = v.spo2 {
        out.push(quantity(
            &format!("{prefix}-spo2"),
            "59408-5",
            times[1],
            spo2,
            "%",
        ));
    }
    if let Some(o2) = v.o2 {
        let code = if o2 { "371825009" } else { "722742002" };
        out.push(observation(
            &format!("{prefix}-o2"),
            coded(SNOMED, code),
            times[2],
        ));
    }
    if let Some(sbp) = v.sbp {
        out.push(bp_panel(&format!("{prefix}-bp"), times[3], &[sbp]));
    }
    if let Some(pulse) = v.pulse {
        out.push(quantity(
            &format!("{prefix}-hr"),
            "8867-4",
            times[4],
            pulse,
            "/min",
        ));
    }
    if let Some(letter) = v.acvpu {
        out.push(acvpu(&format!("{prefix}-acvpu"), times[5], letter, codes));
    }
    if let Some(temp) = v.temp {
        out.push(quantity(
            &format!("{prefix}-temp"),
            "8310-5",
            times[6],
            temp,
            "Cel",
        ));
    }
    out
}

/// A blood-pressure panel with these systolic components (two that differ are a conflict) and
/// a diastolic of 80.
pub fn bp_panel(id: &str, time: &str, systolic: &[f64]) -> Value {
    let mut o = observation(id, coded(LOINC, "85354-9"), time);
    let mut components: Vec<Value> = systolic
        .iter()
        .map(|v| {
            json!({"code": coded(LOINC, "8480-6"),
                   "valueQuantity": {"value": number(*v), "system": UCUM, "code": "mm[Hg]"}})
        })
        .collect();
    components.push(json!({"code": coded(LOINC, "8462-4"),
                           "valueQuantity": {"value": 80, "system": UCUM, "code": "mm[Hg]"}}));
    o["component"] = Value::Array(components);
    o
}

const SUB_SCORE_CODES: [(Parameter, &str); 7] = [
    (Parameter::RespiratoryRate, "1104301000000104"),
    (Parameter::Spo2, "1104311000000102"),
    (Parameter::AirOrOxygen, "1104331000000105"),
    (Parameter::SystolicBp, "1104341000000101"),
    (Parameter::Pulse, "1104351000000103"),
    (Parameter::Consciousness, "1104361000000100"),
    (Parameter::Temperature, "1104371000000107"),
];
const SPO2_SCALE_2_CODE: &str = "1104321000000108";

/// The sub-scores a careful source would state for `v` (by the engine's Chart 1, which the
/// reference tests check), with `wrong` overriding some, as sources sometimes do.
fn sub_scores(v: V, scale: Spo2Scale, wrong: &[(Parameter, u8)]) -> Vec<(Parameter, u8)> {
    let score = News2::of(&v.vitals(scale));
    SUB_SCORE_CODES
        .iter()
        .filter_map(|&(p, _)| {
            let stated = wrong
                .iter()
                .find(|(q, _)| *q == p)
                .map(|(_, s)| *s)
                .or_else(|| score.sub_score(p).map(|s| s.value()))?;
            Some((p, stated))
        })
        .collect()
}

/// A NEWS2 total: its stated value, its components (`(parameter, sub-score)`, on Scale 2 if
/// asked), and `derivedFrom` references.
pub fn total(
    id: &str,
    time: &str,
    stated: Option<u8>,
    components: &[(Parameter, u8)],
    scale_2: bool,
    derived_from: &[String],
) -> Value {
    let mut o = observation(id, coded(SNOMED, "1104051000000101"), time);
    if let Some(total) = stated {
        o["valueQuantity"] = json!({"value": total, "system": UCUM, "code": "{ScoreOf}"});
    }
    o["identifier"] = json!([{"system": "urn:scenario:news2", "value": id}]);
    let components: Vec<Value> = components
        .iter()
        .map(|&(p, score)| {
            let code = match p {
                Parameter::Spo2 if scale_2 => SPO2_SCALE_2_CODE,
                _ => SUB_SCORE_CODES
                    .iter()
                    .find(|(q, _)| *q == p)
                    .map(|(_, c)| *c)
                    .unwrap_or_default(),
            };
            json!({"code": coded(SNOMED, code),
                   "valueQuantity": {"value": score, "system": UCUM, "code": "{ScoreOf}"}})
        })
        .collect();
    if !components.is_empty() {
        o["component"] = Value::Array(components);
    }
    if !derived_from.is_empty() {
        o["derivedFrom"] = derived_from
            .iter()
            .map(|r| json!({"reference": r}))
            .collect();
    }
    o
}

/// A UK Core set: the raw Observations and a total with their sub-scores and `derivedFrom`
/// each of them.
pub fn uk_core(prefix: &str, time: &str, v: V, wrong: &[(Parameter, u8)]) -> Vec<Value> {
    let mut out = raw(prefix, time, v, Acvpu::Snomed);
    let references: Vec<String> = out
        .iter()
        .map(|o| format!("Observation/{}", o["id"].as_str().unwrap_or_default()))
        .collect();
    let subs = sub_scores(v, Spo2Scale::Scale1, wrong);
    let sum: u8 = subs.iter().map(|(_, s)| s).sum();
    out.push(total(
        &format!("{prefix}-news2"),
        time,
        Some(sum),
        &subs,
        false,
        &references,
    ));
    out
}

/// A DIPS-like set: a total with components only (no `derivedFrom`), with the raw values beside
/// it when `with_values`.
pub fn dips(
    prefix: &str,
    time: &str,
    v: V,
    with_values: bool,
    wrong: &[(Parameter, u8)],
) -> Vec<Value> {
    let subs = sub_scores(v, Spo2Scale::Scale1, wrong);
    let sum: u8 = subs.iter().map(|(_, s)| s).sum();
    let mut out = vec![total(
        &format!("{prefix}-news2"),
        time,
        Some(sum),
        &subs,
        false,
        &[],
    )];
    if with_values {
        out.extend(raw(prefix, time, v, Acvpu::Dips));
    }
    out
}

pub fn bundle(entries: Vec<Value>) -> Value {
    json!({
        "resourceType": "Bundle",
        "type": "searchset",
        "entry": entries.into_iter().map(|resource| {
            let url = format!("https://fhir.example/Observation/{}", resource["id"].as_str().unwrap_or_default());
            json!({"fullUrl": url, "resource": resource})
        }).collect::<Vec<_>>(),
    })
}

fn entries(parts: Vec<Vec<Value>>) -> Value {
    bundle(parts.into_iter().flatten().collect())
}

/// Every scenario.
pub fn all() -> Vec<Scenario> {
    let none: &[&str] = &[];
    let now = "2026-02-10T14:30:00+01:00";
    let sc = |name, about, bundle, level, band, also, says, never| Scenario {
        name,
        about,
        now,
        scale_2: None,
        bundle,
        expect: Expect {
            level,
            band,
            also,
            says,
            never,
            problems: &[],
        },
    };
    let mut list = vec![
        // --- The three shapes, calm and high ---------------------------------------------
        sc(
            "raw-calm",
            "Raw vital signs, NEWS2 0: calm, and it says which set and how old.",
            entries(vec![raw("a", &at("14:00"), V::NORMAL, Acvpu::Snomed)]),
            "none",
            Some("low"),
            none,
            &[
                "Lav klinisk risiko – NEWS2 0",
                "Bygger på målingen",
                "30 min siden",
            ],
            none,
        ),
        sc(
            "uk-core-calm",
            "UK Core total with derivedFrom, NEWS2 0.",
            entries(vec![uk_core("a", &at("14:00"), V::NORMAL, &[])]),
            "none",
            Some("low"),
            none,
            &["NEWS2 0"],
            none,
        ),
        sc(
            "dips-calm",
            "DIPS-like total with components and values beside it, NEWS2 0.",
            entries(vec![dips("a", &at("14:00"), V::NORMAL, true, &[])]),
            "none",
            Some("low"),
            none,
            &["NEWS2 0"],
            none,
        ),
        sc(
            "raw-high",
            "Raw vital signs, NEWS2 10: high.",
            entries(vec![raw("a", &at("14:00"), V::HIGH, Acvpu::Snomed)]),
            "high",
            Some("high"),
            none,
            &["Høy klinisk risiko – NEWS2 10", "113"],
            none,
        ),
        sc(
            "uk-core-high",
            "UK Core, NEWS2 10: high.",
            entries(vec![uk_core("a", &at("14:00"), V::HIGH, &[])]),
            "high",
            Some("high"),
            none,
            &["Høy klinisk risiko – NEWS2 10"],
            none,
        ),
        sc(
            "dips-components-only-high",
            "DIPS-like total with its seven components and no values: scored from the source's \
             sub-scores, high.",
            entries(vec![dips("a", &at("14:00"), V::HIGH, false, &[])]),
            "high",
            Some("high"),
            none,
            &[
                "NEWS2 10",
                "Skår fra kilden, uten måleverdier å kontrollere mot",
            ],
            none,
        ),
        // --- Case 1: a set dated in the future --------------------------------------------
        sc(
            "raw-future-year-typo",
            "Case 1: a high set typed with next year's date does not hide the real latest set, \
             and is named.",
            entries(vec![
                raw("a", &at("13:00"), V::MEDIUM, Acvpu::Snomed),
                raw("b", "2027-02-10T14:00:00+01:00", V::NORMAL, Acvpu::Snomed),
            ]),
            "medium",
            Some("medium"),
            &["future-dated"],
            &["Middels klinisk risiko – NEWS2 5", "datert fram i tid"],
            &["NEWS2 0"],
        ),
        sc(
            "uk-core-future-local-time-as-z",
            "Case 1: local time written with Z lands an hour ahead; the earlier high set stands.",
            entries(vec![
                uk_core("a", &at("13:50"), V::HIGH, &[]),
                uk_core("b", "2026-02-10T14:20:00Z", V::NORMAL, &[]),
            ]),
            "high",
            Some("high"),
            &["future-dated"],
            &["Høy klinisk risiko – NEWS2 10"],
            none,
        ),
        sc(
            "dips-future-only",
            "Case 1: the only recent set is dated in the future: the warning leads over the old \
             calm set.",
            entries(vec![
                dips("a", &at("08:00"), V::NORMAL, true, &[]),
                dips("b", "2026-03-10T14:00:00+01:00", V::HIGH, true, &[]),
            ]),
            "future-dated",
            Some("low"),
            none,
            &["Måling datert fram i tid", "ikke tatt med"],
            none,
        ),
        sc(
            "raw-within-clock-skew",
            "Case 1: a set 4 minutes ahead (a device clock) counts as taken.",
            entries(vec![
                raw("a", &at("13:00"), V::NORMAL, Acvpu::Snomed),
                raw("b", &at("14:34"), V::RED, Acvpu::Snomed),
            ]),
            "low-medium",
            Some("low-medium"),
            none,
            &["skår 3 i respirasjonsfrekvens"],
            &["datert fram i tid"],
        ),
        // --- Case 2: raw vital signs in real bedside rounds -------------------------------
        sc(
            "raw-re-checked-pulse",
            "Case 2: a pulse re-checked two minutes later stays in the set; its NEWS2 is kept.",
            entries(vec![
                raw("a", &at("14:00"), V::MEDIUM, Acvpu::Snomed),
                vec![quantity("a-hr2", "8867-4", &at("14:02"), 118.0, "/min")],
            ]),
            "medium",
            Some("medium"),
            none,
            &["Middels klinisk risiko – NEWS2 5"],
            &["Ufullstendig"],
        ),
        sc(
            "raw-slow-round",
            "Case 2: a bedside round that takes twelve minutes is one set.",
            entries(vec![raw_spread(
                "a",
                &[
                    &at("14:00"),
                    &at("14:02"),
                    &at("14:02"),
                    &at("14:05"),
                    &at("14:07"),
                    &at("14:10"),
                    &at("14:12"),
                ],
                V::RED,
                Acvpu::Snomed,
            )]),
            "low-medium",
            Some("low-medium"),
            none,
            &["Lav–middels klinisk risiko – NEWS2 3"],
            &["Ufullstendig"],
        ),
        sc(
            "raw-re-check-lowers",
            "Case 2: a high pulse re-checked lower: the later value counts, the earlier is kept, \
             and the banner says so.",
            entries(vec![
                raw(
                    "a",
                    &at("14:00"),
                    V {
                        pulse: Some(135.0),
                        ..V::NORMAL
                    },
                    Acvpu::Snomed,
                ),
                vec![quantity("a-hr2", "8867-4", &at("14:03"), 88.0, "/min")],
            ]),
            "none",
            Some("low"),
            none,
            &["NEWS2 0", "Puls ble kontrollmålt: 135 /min", "så 88 /min"],
            none,
        ),
        sc(
            "raw-monitor-every-five-minutes",
            "Case 2: a monitor stamping whole sets five minutes apart: separate sets, the newest \
             stands.",
            entries(vec![
                raw("a", &at("14:00"), V::HIGH, Acvpu::Snomed),
                raw("b", &at("14:05"), V::HIGH, Acvpu::Snomed),
                raw("c", &at("14:10"), V::LOW, Acvpu::Snomed),
            ]),
            "information",
            Some("low"),
            none,
            &["Lav klinisk risiko – NEWS2 2"],
            none,
        ),
        // --- Case 3: a total stated by the source -----------------------------------------
        sc(
            "dips-total-without-components",
            "Case 3: a stated NEWS2 9 with no components, newer than a complete NEWS2 0, drives \
             the banner, marked as the source's.",
            entries(vec![
                raw("a", &at("08:00"), V::NORMAL, Acvpu::Dips),
                vec![total("b-news2", &at("14:00"), Some(9), &[], false, &[])],
            ]),
            "source-stated",
            Some("high"),
            none,
            &["NEWS2 9 oppgitt av kilden", "ikke beregnet på nytt"],
            &["Lav klinisk risiko"],
        ),
        sc(
            "dips-total-with-local-codes",
            "Case 3: a stated NEWS2 6 whose components have local codes: medium, and the codes \
             are named.",
            entries(vec![
                raw("a", &at("08:00"), V::NORMAL, Acvpu::Dips),
                vec![{
                    let mut t = total("b-news2", &at("14:00"), Some(6), &[], false, &[]);
                    t["component"] = json!([
                        {"code": coded("http://dips.no/fhir/CodeSystem/news2", "D-RF"),
                         "valueQuantity": {"value": 2, "system": UCUM, "code": "{ScoreOf}"}},
                        {"code": coded("http://dips.no/fhir/CodeSystem/news2", "D-PULS"),
                         "valueQuantity": {"value": 2, "system": UCUM, "code": "{ScoreOf}"}}
                    ]);
                    t
                }],
            ]),
            "source-stated",
            Some("medium"),
            none,
            &["Middels klinisk risiko – NEWS2 6 oppgitt av kilden"],
            none,
        ),
        sc(
            "uk-core-total-only",
            "Case 3: a UK Core total that arrived without components or references.",
            entries(vec![
                uk_core("a", &at("08:00"), V::NORMAL, &[]),
                vec![total("b-news2", &at("14:00"), Some(7), &[], false, &[])],
            ]),
            "source-stated",
            Some("high"),
            none,
            &["NEWS2 7 oppgitt av kilden"],
            none,
        ),
        sc(
            "raw-with-stated-total-beside",
            "Case 3: a stated total stamped with complete raw values: the computed total stands, \
             the disagreement is shown.",
            entries(vec![
                raw("a", &at("14:00"), V::LOW, Acvpu::Snomed),
                vec![total("a-news2", &at("14:00"), Some(5), &[], false, &[])],
            ]),
            "source-disagreement",
            Some("low"),
            &["information"],
            &[
                "NEWS2 2, lav risiko",
                "kilden oppgir 5, beregnet fra målingene 2",
            ],
            none,
        ),
        sc(
            "raw-later-higher-total",
            "Case 3: a total from another system twelve minutes after a complete round: the \
             newest information, never demoted to a disagreement.",
            entries(vec![
                raw("a", &at("14:00"), V::NORMAL, Acvpu::Snomed),
                vec![total("b-news2", &at("14:12"), Some(7), &[], false, &[])],
            ]),
            "source-stated",
            Some("high"),
            none,
            &[
                "NEWS2 7 oppgitt av kilden",
                "Siste fullstendige måling: NEWS2 0",
            ],
            &["kilden oppgir"],
        ),
        sc(
            "raw-older-stated-total",
            "Case 3: an older stated total does not outrank a newer complete set.",
            entries(vec![
                vec![total("a-news2", &at("08:00"), Some(9), &[], false, &[])],
                raw("b", &at("14:00"), V::NORMAL, Acvpu::Snomed),
            ]),
            "none",
            Some("low"),
            none,
            &["NEWS2 0"],
            none,
        ),
        // --- Case 4: the newest set is incomplete -----------------------------------------
        sc(
            "raw-newest-incomplete",
            "Case 4: a newer partial round with nothing certain: complete it now, the older \
             score beside it.",
            entries(vec![
                raw("a", &at("08:00"), V::NORMAL, Acvpu::Snomed),
                raw(
                    "b",
                    &at("14:00"),
                    V {
                        temp: None,
                        acvpu: None,
                        sbp: None,
                        ..V::LOW
                    },
                    Acvpu::Snomed,
                ),
            ]),
            "incomplete",
            Some("low"),
            none,
            &[
                "fullfør målingen nå",
                "mangler systolisk blodtrykk, bevissthetsnivå, temperatur",
                "Siste fullstendige måling: NEWS2 0",
                "Fullfør målingen innen en time.",
            ],
            &[
                "Fortsett med rutinemessige",
                "Minst hver 12. time",
                "Bygger på",
            ],
        ),
        sc(
            "uk-core-newest-incomplete",
            "Case 4: after a UK Core set, raw values of a new round with two parameters.",
            entries(vec![
                uk_core("a", &at("08:00"), V::NORMAL, &[]),
                raw(
                    "b",
                    &at("14:00"),
                    V {
                        rr: Some(18.0),
                        pulse: Some(80.0),
                        ..V::EMPTY
                    },
                    Acvpu::Snomed,
                ),
            ]),
            "incomplete",
            Some("low"),
            none,
            &["Ufullstendig måling – fullfør målingen nå"],
            none,
        ),
        sc(
            "dips-newest-partial-components",
            "Case 4: a DIPS total with five of seven components, stating their sum: a partial \
             sum, never shown as the NEWS2; the set is to be completed.",
            entries(vec![
                dips("a", &at("08:00"), V::NORMAL, false, &[]),
                dips(
                    "b",
                    &at("14:00"),
                    V {
                        temp: None,
                        acvpu: None,
                        ..V::LOW
                    },
                    false,
                    &[],
                ),
            ]),
            "incomplete",
            Some("low"),
            none,
            &[
                "Ufullstendig måling – fullfør målingen nå",
                "Siste fullstendige måling: NEWS2 0",
            ],
            &["oppgitt av kilden"],
        ),
        sc(
            "raw-newest-incomplete-with-a-red-score",
            "Case 4: a newer partial round with a known 3: at least low–medium.",
            entries(vec![
                raw("a", &at("08:00"), V::NORMAL, Acvpu::Snomed),
                raw(
                    "b",
                    &at("14:00"),
                    V {
                        temp: None,
                        ..V::RED
                    },
                    Acvpu::Snomed,
                ),
            ]),
            "incomplete-minimum",
            Some("low-medium"),
            none,
            &[
                "Ufullstendig måling – minst lav–middels",
                "Siste fullstendige måling: NEWS2 0",
            ],
            none,
        ),
        // --- Case 5: a disagreement stays -------------------------------------------------
        sc(
            "dips-disagreement-then-partial-set",
            "Case 5: the source scored SpO2 95 as 3; a newer partial set does not take the \
             disagreement out of the banner.",
            entries(vec![
                dips(
                    "a",
                    &at("12:00"),
                    V {
                        spo2: Some(95.0),
                        ..V::NORMAL
                    },
                    true,
                    &[(Parameter::Spo2, 3)],
                ),
                raw(
                    "b",
                    &at("14:00"),
                    V {
                        temp: None,
                        ..V::NORMAL
                    },
                    Acvpu::Dips,
                ),
            ]),
            "incomplete",
            Some("low"),
            &["source-disagreement"],
            &["SpO₂", "kilden oppgir 3, beregnet fra målingene 1"],
            none,
        ),
        sc(
            "uk-core-old-disagreement",
            "Case 5: a disagreement more than 24 hours old is no longer listed.",
            entries(vec![
                uk_core(
                    "a",
                    "2026-02-09T08:00:00+01:00",
                    V::LOW,
                    &[(Parameter::Pulse, 3)],
                ),
                uk_core("b", &at("14:00"), V::NORMAL, &[]),
            ]),
            "none",
            Some("low"),
            none,
            &["NEWS2 0"],
            &["kilden oppgir"],
        ),
        // --- Case 6: SpO2 Scale 2 ------------------------------------------------------------
        sc(
            "uk-core-source-scale-2",
            "Case 6: the source's own Scale 2 sub-score: SpO2 90 % on oxygen scores 0.",
            {
                let v = V {
                    spo2: Some(90.0),
                    o2: Some(true),
                    ..V::NORMAL
                };
                let mut parts = raw("a", &at("14:00"), v, Acvpu::Snomed);
                let refs: Vec<String> = parts
                    .iter()
                    .map(|o| format!("Observation/{}", o["id"].as_str().unwrap_or_default()))
                    .collect();
                let subs = sub_scores(v, Spo2Scale::Scale2, &[]);
                let sum = subs.iter().map(|(_, s)| s).sum();
                parts.push(total(
                    "a-news2",
                    &at("14:00"),
                    Some(sum),
                    &subs,
                    true,
                    &refs,
                ));
                entries(vec![parts])
            },
            "information",
            Some("low"),
            none,
            &["NEWS2 2"],
            none,
        ),
        sc(
            "dips-source-scale-2",
            "Case 6: a DIPS total with the Scale 2 sub-score beside its values: SpO2 90 % on \
             oxygen scores 0 on Scale 2, and the source's scale stands.",
            {
                let v = V {
                    spo2: Some(90.0),
                    o2: Some(true),
                    ..V::NORMAL
                };
                let subs = sub_scores(v, Spo2Scale::Scale2, &[]);
                let sum = subs.iter().map(|(_, s)| s).sum();
                let mut parts = vec![total("a-news2", &at("14:00"), Some(sum), &subs, true, &[])];
                parts.extend(raw("a", &at("14:00"), v, Acvpu::Dips));
                entries(vec![parts])
            },
            "information",
            Some("low"),
            none,
            &["NEWS2 2, lav risiko"],
            &["kilden oppgir"],
        ),
        // --- Case 9: conflicting values ------------------------------------------------------
        sc(
            "raw-two-systolic-components",
            "Case 9: a blood-pressure panel with systolic 90 and 130: the more severe counts, \
             whatever their order, and the banner says why.",
            entries(vec![
                raw(
                    "a",
                    &at("14:00"),
                    V {
                        sbp: None,
                        ..V::NORMAL
                    },
                    Acvpu::Snomed,
                ),
                vec![bp_panel("a-bp", &at("14:00"), &[130.0, 90.0])],
            ]),
            "low-medium",
            Some("low-medium"),
            none,
            &[
                "Ulike verdier for systolisk blodtrykk",
                "Den mest alvorlige (90 mmHg)",
            ],
            none,
        ),
        sc(
            "raw-same-id-twice",
            "Case 9: one Observation id twice with pulse 90 and 135 (no version): 135 counts.",
            entries(vec![
                raw(
                    "a",
                    &at("14:00"),
                    V {
                        pulse: Some(90.0),
                        ..V::NORMAL
                    },
                    Acvpu::Snomed,
                ),
                vec![quantity("a-hr", "8867-4", &at("14:00"), 135.0, "/min")],
            ]),
            "low-medium",
            Some("low-medium"),
            none,
            &["NEWS2 3", "Ulike verdier for puls"],
            none,
        ),
        sc(
            "uk-core-conflicting-members",
            "Case 9: a UK Core total referencing two pulses at one moment.",
            {
                let mut parts = uk_core("a", &at("14:00"), V::NORMAL, &[]);
                parts.push(quantity("a-hr-b", "8867-4", &at("14:00"), 128.0, "/min"));
                if let Some(references) = parts
                    .iter_mut()
                    .find(|o| o["id"] == "a-news2")
                    .and_then(|t| t["derivedFrom"].as_array_mut())
                {
                    references.push(json!({"reference": "Observation/a-hr-b"}));
                }
                entries(vec![parts])
            },
            "source-disagreement",
            Some("low"),
            &["information"],
            &["Ulike verdier for puls", "NEWS2 2, lav risiko"],
            none,
        ),
        sc(
            "dips-two-acvpu-codes",
            "Case 9: Alert and Voice at one moment (DIPS codes): Voice counts, a red score.",
            entries(vec![
                raw("a", &at("14:00"), V::NORMAL, Acvpu::Dips),
                vec![acvpu("a-acvpu-2", &at("14:00"), 'V', Acvpu::Dips)],
            ]),
            "low-medium",
            Some("low-medium"),
            none,
            &[
                "skår 3 i bevissthetsnivå",
                "Ulike verdier for bevissthetsnivå",
            ],
            none,
        ),
        // --- Duplicates ------------------------------------------------------------------------
        sc(
            "raw-round-twice-under-two-systems",
            "A round copied by a second system under other ids: counted once.",
            entries(vec![
                raw("a", &at("14:00"), V::MEDIUM, Acvpu::Snomed),
                raw("copy", &at("14:00"), V::MEDIUM, Acvpu::Snomed),
            ]),
            "medium",
            Some("medium"),
            none,
            &["NEWS2 5"],
            &["Ulike verdier"],
        ),
        sc(
            "uk-core-page-overlap",
            "The same UK Core set twice (a page boundary that moved): counted once.",
            entries(vec![
                uk_core("a", &at("14:00"), V::RED, &[]),
                uk_core("a", &at("14:00"), V::RED, &[]),
            ]),
            "low-medium",
            Some("low-medium"),
            none,
            &["NEWS2 3"],
            none,
        ),
        // --- Schedule and the rest -----------------------------------------------------------
        sc(
            "raw-overdue",
            "A NEWS2 2 taken seven hours ago: overdue leads, the band is listed.",
            entries(vec![raw("a", &at("07:30"), V::LOW, Acvpu::Snomed)]),
            "overdue",
            Some("low"),
            &["information"],
            &["Ny NEWS2-måling er forsinket", "Forsinket med 1 t 0 min"],
            none,
        ),
        sc(
            "uk-core-value-to-verify",
            "An unusual pulse (210) is scored and marked for verification.",
            entries(vec![uk_core(
                "a",
                &at("14:00"),
                V {
                    pulse: Some(210.0),
                    ..V::NORMAL
                },
                &[],
            )]),
            "low-medium",
            Some("low-medium"),
            none,
            &["Uvanlig verdi, kontroller målingen"],
            none,
        ),
        sc(
            "empty",
            "No sets yet.",
            entries(vec![]),
            "information",
            None,
            none,
            &["Ingen NEWS2-målinger ennå"],
            none,
        ),
    ];
    // Case 6: the patient's own decision, with a start and an end.
    list.push(Scenario {
        name: "raw-scale-2-decision-after-first-set",
        about: "Case 6: a Scale 2 decision made at 10:00 covers the 14:00 set (SpO2 90 % on air \
                scores 0), not the 08:00 one.",
        now,
        scale_2: Some(("Dr. Lunde", "2026-02-10T10:00:00+01:00", None)),
        bundle: entries(vec![
            raw(
                "a",
                &at("08:00"),
                V {
                    spo2: Some(90.0),
                    ..V::NORMAL
                },
                Acvpu::Snomed,
            ),
            raw(
                "b",
                &at("14:00"),
                V {
                    spo2: Some(90.0),
                    ..V::NORMAL
                },
                Acvpu::Snomed,
            ),
        ]),
        expect: Expect {
            level: "none",
            band: Some("low"),
            also: &[],
            says: &["NEWS2 0"],
            never: &[],
            problems: &[],
        },
    });
    list.push(Scenario {
        name: "raw-scale-2-decision-ended",
        about: "Case 6: a Scale 2 decision that ended at 12:00 does not cover the 14:00 set: \
                SpO2 90 % scores 3 on Scale 1.",
        now,
        scale_2: Some((
            "Dr. Lunde",
            "2026-02-09T10:00:00+01:00",
            Some("2026-02-10T12:00:00+01:00"),
        )),
        bundle: entries(vec![raw(
            "b",
            &at("14:00"),
            V {
                spo2: Some(90.0),
                ..V::NORMAL
            },
            Acvpu::Snomed,
        )]),
        expect: Expect {
            level: "low-medium",
            band: Some("low-medium"),
            also: &[],
            says: &["skår 3 i SpO₂"],
            never: &[],
            problems: &[],
        },
    });
    // What each of these must name in the problems list.
    for scenario in &mut list {
        scenario.expect.problems = match scenario.name {
            "dips-total-with-local-codes" => &["D-RF", "D-PULS", "is not a NEWS2 sub-score"],
            "raw-future-year-typo" => &[],
            "raw-two-systolic-components" => &["2 different systolic blood pressure values"],
            "raw-same-id-twice" => &["arrived 2 times with different content"],
            "raw-round-twice-under-two-systems" => {
                &["at the same time as Observation/a-hr; counted once"]
            }
            _ => &[],
        };
    }
    list
}
