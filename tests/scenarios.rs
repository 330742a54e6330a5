//! The demo page's scenarios (public/scenarios/, written by scripts/scenarios.mjs): each Bundle
//! reads into the sets it was made with, the engine decides the level index.json promises at the
//! scenario's clock, and the committed files are exactly what the script writes.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use news2_widget::clinical::escalation::{Level, Notice, Settings, decide};
use news2_widget::clinical::observation_set::{Disagreement, History, Spo2ScaleBasis};
use news2_widget::clinical::time::{HOUR, Timestamp};
use news2_widget::clinical::{ClinicalRisk, Consciousness, News2, Parameter, Spo2Scale};
use news2_widget::fhir::bundle::read_page;
use news2_widget::fhir::datetime;
use news2_widget::fhir::history::{FhirHistory, Grouped};
use news2_widget::fhir::problem::ProblemKind;
use serde_json::Value;

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/scenarios")
}

/// One entry of index.json.
struct Scenario {
    id: String,
    /// Relative to the site root, which is the repository root.
    file: String,
    now: Timestamp,
    expect: String,
}

fn index(dir: &Path) -> Vec<Scenario> {
    let text = std::fs::read(dir.join("index.json")).expect("public/scenarios/index.json");
    let json: Value = serde_json::from_slice(&text).expect("index.json is JSON");
    json.as_array()
        .expect("index.json is a list")
        .iter()
        .map(|s| {
            for language in ["nb", "nn", "en"] {
                for text in ["title", "description"] {
                    assert!(
                        s[text][language].as_str().is_some_and(|t| !t.is_empty()),
                        "{} has no {text} in {language}",
                        s["id"]
                    );
                }
            }
            Scenario {
                id: s["id"].as_str().unwrap().to_owned(),
                file: s["file"].as_str().unwrap().to_owned(),
                now: datetime::parse(s["now"].as_str().unwrap()).unwrap(),
                expect: s["expect"].as_str().unwrap().to_owned(),
            }
        })
        .collect()
}

fn scenario(id: &str) -> Scenario {
    index(&scenarios_dir())
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("index.json has no scenario {id}"))
}

/// The scenario's Bundle read as the widget reads a page, with how many Observations it holds.
fn read(path: &Path) -> (Grouped, usize) {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let observations = serde_json::from_slice::<Value>(&bytes).unwrap()["entry"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "Observation")
        .count();
    let mut history = FhirHistory::new();
    history.add_page(read_page(&bytes));
    (history.group(None), observations)
}

fn read_scenario(s: &Scenario) -> Grouped {
    read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(&s.file)).0
}

fn totals(history: &History) -> Vec<Option<u8>> {
    history
        .sets()
        .iter()
        .map(|set| match set.score() {
            News2::Complete(score) => Some(score.total().value()),
            News2::Incomplete(_) => None,
        })
        .collect()
}

/// The level decided just after each set, with only the sets taken by then: the scenario as the
/// ward saw it unfold.
fn levels_over_time(history: &History) -> Vec<Level> {
    (1..=history.sets().len())
        .map(|n| {
            let so_far = History::new(history.sets()[..n].to_vec());
            let just_after = so_far.sets().last().unwrap().taken_at().plus(HOUR / 2);
            decide(&so_far, just_after, &Settings::default()).level
        })
        .collect()
}

/// The level as index.json writes it (its public name, "incomplete-minimum" say).
fn decided(grouped: &Grouped, now: Timestamp) -> String {
    decide(&grouped.history, now, &Settings::default())
        .level
        .name()
        .to_string()
}

#[test]
fn every_committed_scenario_reads_cleanly_and_decides_its_expected_level() {
    // Sets per scenario, and the copies counted once. None of them means to show another reading
    // problem: every Observation must go into a set (the incomplete and disagreeing data are in
    // the sets, not in problems).
    let expected_sets = [
        ("stable", 12, 0),
        ("deteriorating", 18, 0),
        ("copd-scale2", 8, 0),
        ("incomplete-disagreeing", 5, 0),
        ("shared-services", 8, 7),
    ];
    let scenarios: Vec<Scenario> = index(&scenarios_dir())
        .into_iter()
        .filter(|s| !s.file.starts_with("public/scenarios/generated/"))
        .collect();
    let ids: Vec<&str> = scenarios.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, expected_sets.map(|(id, _, _)| id));
    for (s, (_, sets, duplicates)) in scenarios.iter().zip(expected_sets) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&s.file);
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(size < 200 * 1024, "{} is {size} bytes", s.file);
        let (g, observations) = read(&path);
        assert!(
            g.problems.iter().all(|p| p.kind == ProblemKind::Duplicate),
            "{}: {:?}",
            s.id,
            g.problems
        );
        assert_eq!(g.problems.len(), duplicates, "{}", s.id);
        assert_eq!(
            g.placed.len(),
            observations,
            "{}: not every Observation placed",
            s.id
        );
        assert_eq!(g.history.sets().len(), sets, "{}", s.id);
        assert_eq!(decided(&g, s.now), s.expect, "{} at {:?}", s.id, s.now);
    }
}

#[test]
fn stable_stays_at_0_or_1_and_is_not_due_at_its_clock() {
    let s = scenario("stable");
    let g = read_scenario(&s);
    assert!(
        totals(&g.history).iter().all(|t| matches!(t, Some(0 | 1))),
        "{:?}",
        totals(&g.history)
    );
    let decision = decide(&g.history, s.now, &Settings::default());
    assert_eq!((decision.level, decision.also), (Level::None, vec![]));
}

#[test]
fn deteriorating_climbs_from_0_through_a_red_score_to_high() {
    let s = scenario("deteriorating");
    let g = read_scenario(&s);
    let sets = g.history.sets();
    assert_eq!(
        totals(&g.history),
        [0, 0, 0, 0, 3, 3, 5, 5, 5, 5, 5, 6, 6, 6, 8, 9, 10, 14].map(Some)
    );
    // 48 hours before the latest set the patient was at 0–1.
    let latest = sets.last().unwrap().taken_at();
    let two_days_before = latest.minus(48 * HOUR);
    assert!(
        sets.iter()
            .filter(|set| set.taken_at() <= two_days_before)
            .all(|set| matches!(set.score(), News2::Complete(score) if score.total().value() <= 1))
    );
    assert!(sets[0].taken_at() <= two_days_before);
    let mut levels = levels_over_time(&g.history);
    levels.dedup();
    assert_eq!(
        levels,
        [
            Level::None,
            Level::Information,
            Level::LowMedium,
            Level::Medium,
            Level::High
        ]
    );
    let latest = sets.last().unwrap();
    assert_eq!(
        latest.vitals().consciousness,
        Some(Consciousness::NewConfusion)
    );
    assert_eq!(
        decide(&g.history, s.now, &Settings::default()).level,
        Level::High
    );
    // Home care's call to the legevakt at the first high score and the legevakt's call to AMK
    // both answer the high band; a Bundle is never taken to hold every response.
    assert_eq!(g.responses.recorded.len(), 2);
    assert!(!g.responses.complete);
    let settings = Settings {
        responses: g.responses.clone(),
        ..Settings::default()
    };
    let decision = decide(&g.history, s.now, &settings);
    let whom: Vec<_> = decision
        .responses
        .iter()
        .map(|r| r.informed_name.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(whom, ["AMK Nordby", "Legevakten i Nordby"]);
}

#[test]
fn copd_is_scored_on_scale_2_because_the_source_says_so() {
    let s = scenario("copd-scale2");
    let g = read_scenario(&s);
    for set in g.history.sets() {
        assert_eq!(set.scale_basis(), &Spo2ScaleBasis::SourceObservation);
        assert_eq!(set.vitals().on_oxygen, Some(true));
        assert_eq!(set.disagreements(), []);
    }
    let latest = g.history.sets().last().unwrap();
    let News2::Complete(score) = latest.score() else {
        panic!("the latest COPD set is complete")
    };
    assert_eq!(score.spo2_scale(), Spo2Scale::Scale2);
    assert!((88..=92).contains(&latest.vitals().spo2.unwrap().charted()));
    assert_eq!(score.sub_scores().spo2.value(), 0);
    assert_eq!(
        totals(&g.history),
        [2, 3, 2, 2, 3, 2, 2, 2].map(Some),
        "SpO2 93 % on oxygen scores 1 on Scale 2"
    );
}

#[test]
fn incomplete_and_disagreeing_sets_are_shown_as_such() {
    let s = scenario("incomplete-disagreeing");
    let g = read_scenario(&s);
    let sets = g.history.sets();
    assert_eq!(totals(&g.history), [Some(1), Some(2), None, Some(2), None]);
    // The source scored SpO2 95 % as 3 and so stated 4 where the values give 2.
    assert_eq!(
        sets[1].disagreements(),
        [
            Disagreement::SubScore {
                parameter: Parameter::Spo2,
                stated: 3,
                computed: 1
            },
            Disagreement::Total {
                stated: 4,
                computed: 2
            },
        ]
    );
    let News2::Incomplete(missing_bp) = sets[2].score() else {
        panic!("the third set has no blood pressure")
    };
    assert_eq!(missing_bp.missing(), [Parameter::SystolicBp]);
    assert!(sets[2].stated.is_none());

    let latest = sets.last().unwrap();
    assert_eq!(
        latest.details.provenance[0].performer.as_deref(),
        Some("Ola <img src=x onerror=alert(1)> Nordmann")
    );
    let decision = decide(&g.history, s.now, &Settings::default());
    assert_eq!(
        decision.level,
        Level::IncompleteMinimum(ClinicalRisk::LowMedium)
    );
    assert_eq!(decision.also, [Level::SourceDisagreement]);
    assert_eq!(
        decision.to_complete.map(|t| t.missing),
        Some(vec![Parameter::Temperature])
    );
    let notices = decision.notices;
    assert!(
        notices.iter().any(|n| matches!(
            n,
            Notice::Disagreement {
                disagreement: Disagreement::SubScore {
                    parameter: Parameter::RespiratoryRate,
                    stated: 2,
                    computed: 3
                },
                ..
            }
        )),
        "{notices:?}"
    );
}

/// Runs the script into a fresh directory and removes it when dropped.
struct Generated(PathBuf);

impl Generated {
    fn run() -> Self {
        let out = std::env::temp_dir().join(format!("news2-scenarios-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/scenarios.mjs");
        let result = Command::new("node")
            .arg(&script)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap_or_else(|e| {
                panic!("cannot run `node` ({e}): Node 20 or later is needed to check the scenarios")
            });
        assert!(
            result.status.success(),
            "node scripts/scenarios.mjs failed: {}",
            String::from_utf8_lossy(&result.stderr)
        );
        Generated(out)
    }
}

impl Drop for Generated {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn json_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
}

#[test]
fn the_script_writes_the_committed_files_and_a_year() {
    let generated = Generated::run();
    let committed = scenarios_dir();
    // Byte for byte: the scenarios are edited in the script, never by hand.
    assert_eq!(json_files(&generated.0), json_files(&committed));
    for name in json_files(&committed) {
        assert!(
            std::fs::read(generated.0.join(&name)).unwrap()
                == std::fs::read(committed.join(&name)).unwrap(),
            "public/scenarios/{name} differs from what scripts/scenarios.mjs writes: run `node scripts/scenarios.mjs`"
        );
    }

    let year = index(&generated.0)
        .into_iter()
        .find(|s| s.id == "year")
        .expect("index.json lists the year");
    assert_eq!(year.file, "public/scenarios/generated/year.json");
    let (g, observations) = read(&generated.0.join("generated/year.json"));
    assert_eq!(g.problems, []);
    assert_eq!(g.placed.len(), observations);
    assert_eq!(g.history.sets().len(), 2190);
    assert_eq!(decided(&g, year.now), year.expect);
}

#[test]
fn shared_services_names_four_services_and_counts_the_copied_set_once() {
    use news2_widget::clinical::provenance::{ServiceKey, ServiceKind};
    let g = read_scenario(&scenario("shared-services"));
    let sets = g.history.sets();
    assert!(
        sets.iter().all(|s| !s.details.provenance.is_empty()),
        "every set names its service"
    );
    let kinds: std::collections::BTreeSet<ServiceKind> = sets
        .iter()
        .flat_map(|s| s.details.provenance.iter().filter_map(|p| p.service))
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            ServiceKind::HomeCare,
            ServiceKind::NursingHome,
            ServiceKind::OutOfHours,
            ServiceKind::GeneralPractice
        ]
    );
    let copied = &sets[1];
    let services: Vec<Option<ServiceKey>> = copied
        .details
        .provenance
        .iter()
        .map(|p| p.service_key())
        .collect();
    assert_eq!(services.len(), 2, "the copied set names both systems once");
    // The PMD-shaped (R5) sets of the legevakt read as the others do.
    let legevakt = &sets[4];
    assert_eq!(
        legevakt.details.provenance[0].service,
        Some(ServiceKind::OutOfHours)
    );
    assert!(matches!(legevakt.score(), News2::Complete(_)));
}
