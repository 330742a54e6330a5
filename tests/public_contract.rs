//! The public contract, written in several files (the Rust names, the TypeScript declarations,
//! the custom elements manifest, docs/embedding.md), checked to agree: a name added or renamed in
//! one place and not the others fails here.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use news2_widget::clinical::ClinicalRisk;
use news2_widget::clinical::escalation::Level;
use news2_widget::embed::attributes::OBSERVED;
use news2_widget::fhir::retry::FetchErrorKind;
use news2_widget::ui::widget::events::INTERNAL;

const DTS: &str = include_str!("../src/embed/dist/news2-widget.d.ts");
const MANIFEST: &str = include_str!("../src/embed/dist/custom-elements.json");
const EMBEDDING: &str = include_str!("../docs/embedding.md");

/// The members of a TypeScript union of string literals: `export type Name = | "a" | "b";`.
fn union(name: &str) -> BTreeSet<String> {
    let start = DTS
        .find(&format!("export type {name} ="))
        .unwrap_or_else(|| panic!("{name} not declared"));
    let end = start + DTS[start..].find(';').expect("the union ends");
    quoted(&DTS[start..end])
}

fn quoted(text: &str) -> BTreeSet<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The names in docs/embedding.md's line "- `Name` is `"a" | "b"`".
fn documented(name: &str) -> BTreeSet<String> {
    let line = EMBEDDING
        .lines()
        .find(|line| line.starts_with(&format!("- `{name}` is ")))
        .unwrap_or_else(|| panic!("{name} not documented"));
    quoted(line.split(':').next().unwrap_or(line))
}

#[test]
fn error_kinds_agree() {
    let rust: BTreeSet<String> = FetchErrorKind::ALL
        .iter()
        .map(|kind| kind.name().to_string())
        .chain([INTERNAL.to_string()])
        .collect();
    assert_eq!(union("News2ErrorKind"), rust, "news2-widget.d.ts");
    assert_eq!(documented("ErrorKind"), rust, "docs/embedding.md");
}

#[test]
fn levels_agree() {
    let risk = ClinicalRisk::Medium;
    let rust: BTreeSet<String> = [
        Level::None,
        Level::Information,
        Level::LowMedium,
        Level::Medium,
        Level::High,
        Level::IncompleteMinimum(risk),
        Level::SourceStated(risk),
        Level::Incomplete,
        Level::Overdue,
        Level::StaleData,
        Level::SourceDisagreement,
        Level::FutureDated,
    ]
    .iter()
    .map(|level| level.name().to_string())
    .collect();
    assert_eq!(union("News2Level"), rust, "news2-widget.d.ts");
    assert_eq!(documented("Level"), rust, "docs/embedding.md");
}

#[test]
fn attributes_and_events_agree() {
    let manifest: serde_json::Value = serde_json::from_str(MANIFEST).expect("the manifest is JSON");
    let element = &manifest["modules"][0]["declarations"][0];
    let names = |key: &str| -> BTreeSet<String> {
        element[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|item| item["name"].as_str().map(str::to_owned))
            .collect()
    };
    let observed: BTreeSet<String> = OBSERVED.iter().map(|a| a.to_string()).collect();
    assert_eq!(
        names("attributes"),
        observed,
        "custom-elements.json attributes"
    );
    let events = names("events");
    let map = &DTS[DTS
        .find("interface News2WidgetEventMap")
        .expect("the event map")..];
    let declared = quoted(&map[..map.find('}').expect("the map ends")]);
    assert_eq!(
        events, declared,
        "custom-elements.json events and the d.ts event map"
    );
}
