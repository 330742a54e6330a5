//! The public contract, written in several files (the Rust names, the TypeScript declarations,
//! the custom elements manifest, docs/embedding.md), checked to agree: a name added or renamed in
//! one place and not the others fails here.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use common::{Vitals, minutes};
use news2_widget::clinical::escalation::texts::{Language, ResponseTexts};
use news2_widget::clinical::escalation::{Settings, decide};
use news2_widget::clinical::isbar::{Identification, Isbar};
use news2_widget::clinical::observation_set::{History, ObservationSet};
use news2_widget::clinical::response::{Channel, EscalationResponse, Recipient};
use news2_widget::embed::properties::Property;
use news2_widget::fhir::pending::{PendingResponse, ResponseState};
use news2_widget::fhir::retry::FetchError;
use news2_widget::i18n::format::FixedZone;
use news2_widget::i18n::isbar::isbar as isbar_words;
use news2_widget::ui::widget::events::{self, WidgetEvent};
use serde_json::Value;

use news2_widget::clinical::ClinicalRisk;
use news2_widget::clinical::escalation::Level;
use news2_widget::embed::attributes::{self, OBSERVED};
use news2_widget::fhir::retry::FetchErrorKind;
use news2_widget::ui::widget::Variant;
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

/// The fields of `export interface {name} { ... }` in the d.ts.
fn interface(name: &str) -> BTreeSet<String> {
    let start = DTS
        .find(&format!("export interface {name} "))
        .unwrap_or_else(|| panic!("{name} not declared"));
    let body = &DTS[start..];
    let body = &body[..body.find("\n}").expect("the interface ends")];
    body.lines()
        .skip(1)
        .map(str::trim)
        .filter(|line| !line.starts_with("/*") && !line.starts_with('*'))
        .filter_map(|line| line.split_once(':').map(|(field, _)| field))
        .map(|field| field.trim_end_matches('?').to_string())
        .collect()
}

/// The first column of the markdown table under `## {heading}` in docs/embedding.md.
fn table(heading: &str) -> BTreeSet<String> {
    let start = EMBEDDING
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading}"));
    EMBEDDING[start..]
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .filter_map(|line| line.split('`').nth(1).map(str::to_owned))
        .collect()
}

fn keys(detail: &Value) -> BTreeSet<String> {
    detail
        .as_object()
        .expect("an event's detail is an object")
        .keys()
        .cloned()
        .collect()
}

/// One event of each kind, built as the widget builds them.
fn every_event() -> Vec<WidgetEvent> {
    let set = Vitals::red().at(0);
    let history = History::new(vec![set.clone()]);
    let decision = decide(&history, minutes(10), &Settings::default());
    let failure = FetchError {
        kind: FetchErrorKind::Server,
        status: Some(503),
        message: "unavailable".into(),
    };
    vec![
        events::loaded(history.as_of(minutes(10)), 0, false),
        events::escalation(&decision),
        events::entry("e1", &set, None),
        events::saved("e1"),
        events::save_failed("e1", &failure),
        events::acknowledged(&decision, "title", minutes(11)),
        events::error(&failure),
        events::config_error("refused"),
        events::internal_error(),
        events::open(&decision),
        {
            let summary = Isbar::of(
                history.as_of(minutes(10)),
                &decision,
                Identification::default(),
            );
            let words = isbar_words(
                &summary,
                Language::Nb,
                &ResponseTexts::default(),
                &FixedZone(0),
            );
            let text = words.plain_text(Language::Nb, &words.recommendation);
            events::isbar(&summary, &words, Language::Nb, &text, &words.recommendation)
        },
        {
            let pending = a_failed_response(&set, failure.clone());
            events::response(
                &pending,
                &serde_json::json!({"resourceType": "Communication"}),
            )
        },
    ]
}

fn a_failed_response(set: &ObservationSet, error: FetchError) -> PendingResponse {
    let response = EscalationResponse::new(
        Recipient::Other,
        Some("Fastlege Berg"),
        Channel::Message,
        set.taken_at(),
        None,
        None,
        set.taken_at(),
        ClinicalRisk::High,
        set.taken_at(),
    )
    .unwrap();
    PendingResponse {
        response_id: "r1".into(),
        response,
        about: vec!["Observation/1".into()],
        isbar: "S – Situasjon".into(),
        state: ResponseState::Failed(error),
    }
}

/// Guards `news2-response`'s names: who, how and the state, as the d.ts declares them.
#[test]
fn the_response_names_agree() {
    let names = |all: &[&str]| all.iter().map(|n| n.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(
        union("News2Recipient"),
        names(&Recipient::ALL.map(Recipient::name))
    );
    assert_eq!(
        union("News2Channel"),
        names(&Channel::ALL.map(Channel::name))
    );
    let detail = &DTS[DTS.find("interface News2ResponseDetail").expect("declared")..];
    let state = &detail[detail.find("  state:").expect("state")..];
    let state = &state[..state.find(';').expect("ends")];
    assert_eq!(quoted(state), names(&ResponseState::NAMES));
}

#[test]
fn the_variants_agree() {
    let rust: BTreeSet<String> = Variant::ALL
        .iter()
        .map(|variant| variant.name().to_string())
        .collect();
    assert_eq!(union("News2Variant"), rust, "news2-widget.d.ts");
    assert_eq!(documented("Variant"), rust, "docs/embedding.md");
    for variant in Variant::ALL {
        assert_eq!(
            attributes::variant(Some(variant.name())),
            variant,
            "the attribute reads its own name"
        );
    }
    assert_eq!(attributes::variant(Some("kompakt")), Variant::Full);
    assert_eq!(attributes::variant(None), Variant::Full);
}

#[test]
fn properties_agree() {
    let rust: BTreeSet<String> = Property::ALL.iter().map(|p| p.name().to_string()).collect();
    for property in Property::ALL {
        assert_eq!(Property::from_name(property.name()), Some(property));
    }
    assert_eq!(
        interface("News2WidgetElement"),
        rust,
        "news2-widget.d.ts element interface"
    );
    let manifest: serde_json::Value = serde_json::from_str(MANIFEST).expect("the manifest is JSON");
    let members: BTreeSet<String> = manifest["modules"][0]["declarations"][0]["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m["name"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(members, rust, "custom-elements.json members");
    assert_eq!(table("Properties"), rust, "docs/embedding.md properties");
}

#[test]
fn documented_attributes_are_the_observed_ones() {
    let observed: BTreeSet<String> = OBSERVED.iter().map(|a| a.to_string()).collect();
    assert_eq!(
        table("Attributes"),
        observed,
        "docs/embedding.md attributes"
    );
}

#[test]
fn every_event_detail_has_the_declared_fields() {
    let map = &DTS[DTS
        .find("interface News2WidgetEventMap")
        .expect("the event map")..];
    let map = &map[..map.find('}').expect("the map ends")];
    let mut names = BTreeSet::new();
    for event in every_event() {
        let name = event.name();
        names.insert(name.to_string());
        let line = map
            .lines()
            .find(|line| line.contains(&format!("\"{name}\"")))
            .unwrap_or_else(|| panic!("{name} not in the d.ts event map"));
        let detail_type = line
            .split_once("CustomEvent<")
            .and_then(|(_, rest)| rest.split_once('>'))
            .map(|(ty, _)| ty)
            .expect("CustomEvent<Detail>");
        assert_eq!(
            keys(event.detail()),
            interface(detail_type),
            "{name}: the detail against {detail_type}"
        );
    }
    assert_eq!(names, quoted(map), "every declared event is sent");
    assert_eq!(table("Events"), names, "docs/embedding.md events");
}

#[test]
fn a_set_in_an_event_has_the_declared_fields() {
    let set = events::set_summary(&Vitals::red().at(0));
    assert_eq!(
        keys(&set),
        interface("News2SetSummary"),
        "news2-widget.d.ts"
    );
    let line = EMBEDDING
        .lines()
        .find(|line| line.starts_with("- `Set` is "))
        .expect("Set documented");
    let documented: BTreeSet<String> = line
        .split(['{', ',', '}'])
        .filter_map(|field| {
            field
                .split_once(':')
                .map(|(name, _)| name.trim().to_string())
        })
        .collect();
    assert_eq!(keys(&set), documented, "docs/embedding.md Set");
}

#[test]
fn the_author_and_the_source_kinds_agree() {
    use news2_widget::clinical::provenance::ServiceKind;
    use news2_widget::embed::attributes::SourceKind;
    use news2_widget::embed::properties::AUTHOR_FIELDS;
    let fields: BTreeSet<String> = AUTHOR_FIELDS.iter().map(|f| f.to_string()).collect();
    assert_eq!(fields, interface("News2Author"));
    let services: BTreeSet<String> = ServiceKind::ALL
        .iter()
        .map(|k| k.name().to_string())
        .collect();
    assert_eq!(services, union("News2ServiceKind"));
    let kinds: BTreeSet<String> = SourceKind::ALL
        .iter()
        .map(|k| k.name().to_string())
        .collect();
    let manifest: serde_json::Value = serde_json::from_str(MANIFEST).expect("the manifest is JSON");
    let attribute = manifest["modules"][0]["declarations"][0]["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "source-kind")
        .expect("source-kind in the manifest");
    assert_eq!(kinds, quoted(attribute["type"]["text"].as_str().unwrap()));
    for service in &services {
        assert!(
            EMBEDDING.contains(&format!("`{service}`")),
            "{service} documented"
        );
    }
}
