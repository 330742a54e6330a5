//! The widget's views in headless Chromium: every state and banner it can show, in the three
//! languages, and that data from the source is shown as text, never as markup.
#![cfg(target_arch = "wasm32")]

mod browser;

use std::sync::Arc;

use browser::{RawSet, bundle, faults, mount, server, unique};
use leptos::prelude::*;
use news2_widget::clinical::escalation::PatientContext;
use news2_widget::clinical::provenance::Provenance;
use news2_widget::clinical::time::{HOUR, Timestamp};
use news2_widget::fhir::client::Source;
use news2_widget::fhir::datetime;
use news2_widget::fhir::write::Author;
use news2_widget::i18n::Language;
use news2_widget::ui::widget::{DataSource, Mode, PatientLabel};
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn at(text: &str) -> Timestamp {
    datetime::parse(text).unwrap()
}

fn scenario(json: &str) -> DataSource {
    DataSource::Bundle(Arc::new(serde_json::from_str::<Value>(json).unwrap()))
}

const DETERIORATING: &str = include_str!("../public/scenarios/deteriorating.json");
const INCOMPLETE: &str = include_str!("../public/scenarios/incomplete-disagreeing.json");
const COPD: &str = include_str!("../public/scenarios/copd-scale2.json");

fn scenario_now(id: &str) -> Timestamp {
    let index: Value =
        serde_json::from_str(include_str!("../public/scenarios/index.json")).unwrap();
    let entry = index
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap();
    at(entry["now"].as_str().unwrap())
}

/// Mounts the widget on `sets`, with the clock at `now`.
async fn widget_on(sets: Vec<RawSet>, now: &str) -> browser::Mounted {
    let data = DataSource::Bundle(Arc::new(bundle(&sets)));
    let now = at(now);
    mount(move |inputs| {
        inputs.source.set(data);
        inputs.fixed_now.set(Some(now));
    })
    .await
}

#[wasm_bindgen_test]
async fn a_high_score_interrupts_with_words_and_symbol_not_colour_alone() {
    let now = scenario_now("deteriorating");
    let page = mount(move |inputs| {
        inputs.source.set(scenario(DETERIORATING));
        inputs.fixed_now.set(Some(now));
    })
    .await;
    assert_eq!(page.state(), "ready");
    assert_eq!(
        page.attribute(".news2-banner [role]", "role").as_deref(),
        Some("alert")
    );
    assert_eq!(
        page.attribute(".news2-banner", "data-level").as_deref(),
        Some("high")
    );
    assert!(page.text(".news2-banner__level").contains("Høy risiko"));
    assert!(!page.text(".news2-banner__symbol").is_empty());
    assert!(!page.text(".news2-banner__response").is_empty());
    assert!(!page.text(".news2-banner__monitoring").is_empty());
    // The total is the banner's to say; the block below does not repeat it.
    assert!(
        page.text(".news2-banner__title").contains("NEWS2"),
        "{}",
        page.text(".news2-banner__title")
    );
    assert!(page.find(".news2-status__total").is_none());
    // The host heard it: loaded with the latest set's facts, then the escalation.
    let loaded = page.last_event("news2-loaded").expect("news2-loaded");
    assert_eq!(loaded["latest"]["risk"], "high");
    assert_eq!(loaded["latest"]["complete"], true);
    let escalation = page
        .last_event("news2-escalation")
        .expect("news2-escalation");
    assert_eq!(escalation["level"], "high");
}

#[wasm_bindgen_test]
async fn a_medium_score_interrupts() {
    // RR 22 (2), pulse 112 (2), temperature 38.5 (1): NEWS2 5, medium.
    let set = RawSet {
        respiratory_rate: Some(22.0),
        pulse: Some(112.0),
        temperature: Some(38.5),
        ..RawSet::normal("2026-11-26T09:00:00+01:00")
    };
    let page = widget_on(vec![set], "2026-11-26T09:10:00+01:00").await;
    assert_eq!(
        page.attribute(".news2-banner", "data-level").as_deref(),
        Some("medium")
    );
    assert_eq!(
        page.attribute(".news2-banner [role]", "role").as_deref(),
        Some("alert")
    );
    assert!(page.text(".news2-banner__title").contains("NEWS2 5"));
    assert!(
        page.text(".news2-banner__basis")
            .contains("09:00 (10 min siden)"),
        "when measured, and how long ago: {}",
        page.text(".news2-banner__basis")
    );
    assert!(
        page.text(".news2-banner__due").contains("(om 50 min)"),
        "when next due, and in how long: {}",
        page.text(".news2-banner__due")
    );
    assert!(
        page.find(".news2-status__total").is_none(),
        "the block below does not repeat the banner's total"
    );
}

#[wasm_bindgen_test]
async fn a_single_red_score_is_low_medium() {
    let set = RawSet {
        respiratory_rate: Some(26.0),
        ..RawSet::normal("2026-11-26T09:00:00+01:00")
    };
    let page = widget_on(vec![set], "2026-11-26T09:10:00+01:00").await;
    assert_eq!(
        page.attribute(".news2-banner", "data-level").as_deref(),
        Some("low-medium")
    );
    assert!(
        page.text(".news2-banner__title")
            .contains("skår 3 i respirasjonsfrekvens"),
        "{}",
        page.text(".news2-banner__title")
    );
    // The table numbers the sub-score beside the value and marks its band.
    let cell = page.find("td[data-score='3']").expect("a red cell");
    assert_eq!(
        cell.text_content().unwrap(),
        "26,0 /min (3)",
        "as the source wrote it"
    );
}

#[wasm_bindgen_test]
async fn a_score_of_zero_is_calm_and_does_not_interrupt() {
    let page = widget_on(
        vec![RawSet::normal("2026-11-26T09:00:00+01:00")],
        "2026-11-26T09:10:00+01:00",
    )
    .await;
    assert_eq!(
        page.attribute(".news2-banner", "data-level").as_deref(),
        Some("none")
    );
    assert_eq!(
        page.attribute(".news2-banner [role]", "role").as_deref(),
        Some("status")
    );
    assert!(page.find(".news2-banner__acknowledge").is_none());
    assert!(
        page.text(".news2-banner__due")
            .contains("26.11.2026 21:00 (om 11 t 50 min)"),
        "12-hourly, Oslo time: {}",
        page.text(".news2-banner__due")
    );
}

#[wasm_bindgen_test]
async fn an_overdue_set_says_by_how_long() {
    let page = widget_on(
        vec![RawSet::normal("2026-11-26T09:00:00+01:00")],
        "2026-11-26T23:30:00+01:00",
    )
    .await;
    assert_eq!(
        page.attribute(".news2-banner", "data-level").as_deref(),
        Some("overdue")
    );
    assert!(
        page.text(".news2-banner__due").contains("2 t 30 min"),
        "{}",
        page.text(".news2-banner__due")
    );
    assert!(
        page.text(".news2-banner__due")
            .contains("senest 26.11.2026 21:00"),
        "{}",
        page.text(".news2-banner__due")
    );
    assert!(
        !page.text(".news2-status").contains("Forsinket"),
        "said once, in the banner"
    );
}

#[wasm_bindgen_test]
async fn an_incomplete_set_shows_its_certain_band_and_the_source_disagreement() {
    let now = scenario_now("incomplete-disagreeing");
    let page = mount(move |inputs| {
        inputs.source.set(scenario(INCOMPLETE));
        inputs.fixed_now.set(Some(now));
    })
    .await;
    let level = page.attribute(".news2-banner", "data-level").unwrap();
    assert!(level == "incomplete-minimum", "{level}");
    assert!(
        page.text(".news2-status__total")
            .contains("Ingen totalskår")
    );
    let banner = page.text(".news2-banner");
    assert!(
        banner.contains("Avviker fra kilden") || banner.contains("Avvik fra kilden"),
        "{banner}"
    );
    assert!(
        page.text(".news2-history__notes").contains("Ufullstendig"),
        "newest row"
    );
    assert_eq!(
        page.all(".news2-history__row--incomplete").len(),
        2,
        "sets 3 and 5"
    );
}

#[wasm_bindgen_test]
async fn markup_from_the_source_is_shown_as_text() {
    let set = RawSet {
        performer: Some("Ola <img src=x onerror=alert(1)> <b>Nordmann</b>"),
        ..RawSet::normal("2026-11-26T09:00:00+01:00")
    };
    let page = widget_on(vec![set], "2026-11-26T09:10:00+01:00").await;
    assert!(
        page.text(".news2-status__facts")
            .contains("<img src=x onerror=alert(1)>")
    );
    assert!(
        page.find("img").is_none(),
        "markup from the source became an element"
    );
    assert!(page.find("b").is_none());
}

#[wasm_bindgen_test]
async fn scope_warnings_show_for_children_and_pregnancy() {
    let data = DataSource::Bundle(Arc::new(bundle(&[RawSet::normal(
        "2026-11-26T09:00:00+01:00",
    )])));
    let page = mount(move |inputs| {
        inputs.source.set(data);
        inputs.fixed_now.set(Some(at("2026-11-26T09:10:00+01:00")));
        inputs.patient.set(PatientContext {
            under_16: true,
            pregnant: true,
        });
    })
    .await;
    let notices = page.all(".news2-banner__notices li");
    assert_eq!(
        notices.len(),
        2,
        "{:?}",
        page.text(".news2-banner__notices")
    );
    assert!(page.text(".news2-banner__notices").contains("16"));
}

#[wasm_bindgen_test]
async fn data_not_refreshed_for_long_is_marked_stale() {
    let url = format!(
        "data:application/fhir+json,{}",
        js_sys::encode_uri_component(
            &bundle(&[RawSet::normal("2026-11-26T09:00:00+01:00")]).to_string()
        )
    );
    let now = at("2026-11-26T09:10:00+01:00");
    let page = mount(move |inputs| {
        inputs.source.set(DataSource::Fhir(Source::BundleUrl(url)));
        inputs.fixed_now.set(Some(now));
    })
    .await;
    wait_for(&page, |p| p.state() == "ready").await;
    assert_eq!(
        page.attribute(".news2-banner", "data-level").as_deref(),
        Some("none")
    );
    page.inputs.fixed_now.set(Some(now.plus(HOUR)));
    page.settle().await;
    let level = page.attribute(".news2-banner", "data-level").unwrap();
    let also = page.text(".news2-banner__also");
    assert!(
        level == "stale-data" || also.contains("utdaterte"),
        "{level} / {also}"
    );
}

/// The skeleton holds the place while the answer is on its way. (It once asserted this on an
/// unreachable source, whose refusal could come before the first look.)
#[wasm_bindgen_test]
async fn the_skeleton_holds_the_place_while_the_answer_is_on_its_way() {
    let patient = unique("held");
    // The test server holds this answer back for two seconds.
    faults(json!([{"kind": "delay", "ms": 2000, "path": patient}])).await;
    let url = format!("{}/fhir/Observation?subject=Patient/{patient}", server());
    let page = mount(move |inputs| {
        inputs.source.set(DataSource::Fhir(Source::BundleUrl(url)));
    })
    .await;
    assert_eq!(page.state(), "loading");
    assert!(page.find(".news2-skeleton").is_some());
    wait_for(&page, |p| p.state() == "empty").await;
}

#[wasm_bindgen_test]
async fn an_unreachable_source_shows_an_error_with_a_retry() {
    let page = mount(|inputs| {
        inputs.source.set(DataSource::Fhir(Source::BundleUrl(
            "http://127.0.0.1:9/unreachable.json".into(),
        )));
    })
    .await;
    wait_for(&page, |p| p.state() == "error").await;
    assert_eq!(
        page.attribute(".news2-error", "role").as_deref(),
        Some("alert")
    );
    assert!(page.text(".news2-error").contains("Prøv igjen"));
    let error = page.last_event("news2-error").expect("news2-error");
    assert_eq!(error["kind"], "network");
}

#[wasm_bindgen_test]
async fn no_observations_yet_is_said_plainly() {
    let page = widget_on(vec![], "2026-11-26T09:10:00+01:00").await;
    assert_eq!(page.state(), "empty");
    assert!(page.text(".news2-empty").contains("Ingen NEWS2-målinger"));
}

#[wasm_bindgen_test]
async fn the_languages_switch_without_reloading() {
    let now = scenario_now("copd-scale2");
    let page = mount(move |inputs| {
        inputs.source.set(scenario(COPD));
        inputs.fixed_now.set(Some(now));
    })
    .await;
    assert!(page.text(".news2-status__facts").contains("Skala 2"));
    page.inputs.language.set(Language::En);
    page.settle().await;
    assert_eq!(
        page.attribute(".news2-widget", "lang").as_deref(),
        Some("en")
    );
    assert!(page.text(".news2-status__facts").contains("Scale 2"));
    assert!(page.text(".news2-history").contains("All observation sets"));
    page.inputs.language.set(Language::Nn);
    page.settle().await;
    assert!(page.text(".news2-history").contains("Alle målingar"));
    let loads = page
        .event_names()
        .iter()
        .filter(|n| **n == "news2-loaded")
        .count();
    assert_eq!(loads, 1, "a language switch reloaded the history");
}

#[wasm_bindgen_test]
async fn the_table_pages_through_every_set() {
    let times: Vec<&'static str> = (0..45)
        .map(|i| {
            &*Box::leak(
                format!("2026-11-{:02}T{:02}:00:00+01:00", 1 + i / 4, (i % 4) * 6).into_boxed_str(),
            )
        })
        .collect();
    let sets = times.into_iter().map(RawSet::normal).collect();
    let page = widget_on(sets, "2026-11-12T09:00:00+01:00").await;
    assert_eq!(page.all(".news2-history tbody tr").len(), 20);
    assert_eq!(page.text(".news2-pager__position"), "Side 1 av 3");
    assert!(
        page.text(".news2-history tbody tr th")
            .contains("12.11.2026 00:00"),
        "newest first"
    );
    page.click_button("Eldre").await;
    assert_eq!(page.text(".news2-pager__position"), "Side 2 av 3");
    page.click_button("Eldste").await;
    assert_eq!(page.text(".news2-pager__position"), "Side 3 av 3");
    assert_eq!(page.all(".news2-history tbody tr").len(), 5);
    page.click_button("Nyeste").await;
    assert_eq!(page.text(".news2-pager__position"), "Side 1 av 3");
}

#[wasm_bindgen_test]
async fn without_echarts_the_chart_points_to_the_table() {
    let page = widget_on(
        vec![RawSet::normal("2026-11-26T09:00:00+01:00")],
        "2026-11-26T09:10:00+01:00",
    )
    .await;
    assert!(page.text(".news2-chart__unavailable").contains("tabellen"));
    assert_eq!(page.all(".news2-chart__range").len(), 5);
}

#[wasm_bindgen_test]
async fn acknowledging_a_banner_tells_the_host() {
    let set = RawSet {
        respiratory_rate: Some(26.0),
        ..RawSet::normal("2026-11-26T09:00:00+01:00")
    };
    let page = widget_on(vec![set], "2026-11-26T09:10:00+01:00").await;
    page.click(".news2-banner__acknowledge").await;
    let ack = page
        .last_event("news2-acknowledged")
        .expect("news2-acknowledged");
    assert_eq!(ack["level"], "low-medium");
    assert_eq!(page.text(".news2-banner__acknowledge"), "Kvittert");
}

#[wasm_bindgen_test]
async fn an_entered_set_is_confirmed_when_it_escalates_then_handed_to_the_host_and_kept_in_view() {
    let data = DataSource::Bundle(Arc::new(bundle(&[RawSet::normal(
        "2026-11-26T08:00:00+01:00",
    )])));
    let page = mount(move |inputs| {
        inputs.source.set(data);
        inputs.fixed_now.set(Some(at("2026-11-26T09:10:00+01:00")));
        inputs.mode.set(Mode::Entry);
    })
    .await;
    for (name, value) in [
        ("respiratoryRate", "26"),
        ("spo2", "96"),
        ("systolicBp", "120"),
        ("pulse", "80"),
        ("temperature", "37,2"),
        ("recordedBy", "Kari <script>Nordmann</script>"),
    ] {
        page.type_into(name, value).await;
    }
    page.click("input[value=air]").await;
    page.click("input[value=A]").await;
    page.click(".news2-entry__form button[type=submit]").await;
    assert!(
        page.find(".news2-entry__confirm").is_some(),
        "an escalating set asks first"
    );
    assert!(page.last_event("news2-entry").is_none());
    page.click(".news2-entry__confirm .news2-button--primary")
        .await;
    let entry = page.last_event("news2-entry").expect("news2-entry");
    assert_eq!(entry["set"]["total"], 3);
    assert_eq!(entry["set"]["risk"], "low-medium");
    assert_eq!(
        entry["bundle"],
        Value::Null,
        "no patient known: the host builds its own"
    );
    // The new set leads the table, marked as not saved, and the banner follows it.
    let first = page.text(".news2-history tbody tr");
    assert!(first.contains("Ikke lagret"), "{first}");
    assert!(
        page.text(".news2-status__facts")
            .contains("Kari <script>Nordmann</script>")
    );
    assert!(page.find("script").is_none());
    assert_eq!(
        page.attribute(".news2-banner", "data-level").as_deref(),
        Some("low-medium")
    );
}

#[wasm_bindgen_test]
async fn the_isbar_summary_opens_from_the_banner_and_its_copy_reaches_the_host() {
    let now = scenario_now("deteriorating");
    let source = scenario(DETERIORATING);
    let labelled = source.clone();
    let page = mount(move |inputs| {
        inputs.source.set(source);
        inputs.fixed_now.set(Some(now));
        inputs.author.set(Author {
            provenance: Provenance {
                performer: Some("<b>Kari</b>".into()),
                organisation: Some("Hjemmesykepleien Nord".into()),
                ..Provenance::default()
            },
            municipality: None,
        });
        inputs.patient_label.set(Some(PatientLabel {
            label: "Rom 12".into(),
            source: labelled,
        }));
    })
    .await;
    // Closed until asked for; one button opens it.
    assert_eq!(
        page.attribute(".news2-isbar__toggle", "aria-expanded")
            .as_deref(),
        Some("false")
    );
    assert!(page.find(".news2-isbar__panel[hidden]").is_some());
    page.click(".news2-isbar__toggle").await;
    assert_eq!(
        page.attribute(".news2-isbar__toggle", "aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert!(page.find(".news2-isbar__panel[hidden]").is_none());
    let panel = page.text(".news2-isbar__panel");
    for heading in [
        "I – Identifisering",
        "S – Situasjon",
        "B – Bakgrunn",
        "A – Aktuell tilstand",
        "R – Råd",
    ] {
        assert!(panel.contains(heading), "{heading} in {panel}");
    }
    // The host's names, as text.
    assert!(
        panel.contains("Innringer: <b>Kari</b>, Hjemmesykepleien Nord"),
        "{panel}"
    );
    assert!(page.find(".news2-isbar__panel b").is_none());
    assert!(panel.contains("Pasient: Rom 12"), "{panel}");
    // S stands on what the banner stands on.
    assert!(panel.contains("høy risiko"), "{panel}");
    // R: the band's response, which the nurse changes.
    let r: web_sys::HtmlTextAreaElement = page
        .find(".news2-isbar__recommendation")
        .unwrap()
        .unchecked_into();
    assert!(!r.value().is_empty());
    r.set_value("Legevakt varslet, tilsyn innen 30 min");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    r.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    page.settle().await;
    page.click(".news2-isbar__copy").await;
    let sent = page.last_event("news2-isbar").expect("news2-isbar");
    assert_eq!(sent["level"], "high");
    assert_eq!(
        sent["recommendation"],
        "Legevakt varslet, tilsyn innen 30 min"
    );
    let text = sent["text"].as_str().unwrap();
    assert!(
        text.starts_with("I – Identifisering\n- Innringer: <b>Kari</b>"),
        "{text}"
    );
    assert!(
        text.ends_with("R – Råd\n- Legevakt varslet, tilsyn innen 30 min"),
        "{text}"
    );
    // The clipboard took it, or the text is shown selected to copy by hand.
    wait_for(&page, |p| {
        p.attribute(".news2-isbar", "data-copy")
            .is_some_and(|c| !c.is_empty())
    })
    .await;
    match page.attribute(".news2-isbar", "data-copy").as_deref() {
        Some("copied") => assert!(page.text(".news2-isbar__copied").contains("kopiert")),
        Some("failed") => {
            let by_hand: web_sys::HtmlTextAreaElement = page
                .find(".news2-isbar__by-hand")
                .expect("the text to copy by hand")
                .unchecked_into();
            assert_eq!(by_hand.value(), text);
        }
        other => panic!("data-copy {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_patient_label_never_names_the_next_patient() {
    let now = scenario_now("deteriorating");
    let first = scenario(DETERIORATING);
    let labelled = first.clone();
    let page = mount(move |inputs| {
        inputs.source.set(first);
        inputs.fixed_now.set(Some(now));
        inputs.patient_label.set(Some(PatientLabel {
            label: "Rom 12".into(),
            source: labelled,
        }));
    })
    .await;
    page.click(".news2-isbar__toggle").await;
    assert!(page.text(".news2-isbar__panel").contains("Rom 12"));
    page.inputs.source.set(scenario(INCOMPLETE));
    page.settle().await;
    let panel = page.text(".news2-isbar__panel");
    assert!(!panel.contains("Rom 12"), "{panel}");
}

/// Waits for a fetch to settle: yields to the event loop until `ready`, at most 200 turns.
/// Waits, frame by frame, until `ready`; gives up after 30 s (a deadline, not a pace: how fast
/// frames come does not matter).
async fn wait_for(page: &browser::Mounted, ready: impl Fn(&browser::Mounted) -> bool) {
    let performance = web_sys::window().unwrap().performance().unwrap();
    let deadline = performance.now() + 30_000.0;
    while performance.now() < deadline {
        if ready(page) {
            return;
        }
        next_frame().await;
    }
    panic!("the widget never got there: state {}", page.state());
}

/// One animation frame: lets the network and timers progress without a fixed sleep.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn data_url(sets: &[RawSet]) -> DataSource {
    DataSource::Fhir(Source::BundleUrl(format!(
        "data:application/fhir+json,{}",
        js_sys::encode_uri_component(&bundle(sets).to_string())
    )))
}

#[wasm_bindgen_test]
async fn an_unsaved_set_never_shows_with_another_patient_and_comes_back_with_its_own() {
    let patient_a = data_url(&[RawSet::normal("2026-11-26T08:00:00+01:00")]);
    let patient_b = data_url(&[RawSet {
        respiratory_rate: Some(26.0),
        ..RawSet::normal("2026-11-26T07:00:00+01:00")
    }]);
    let first = patient_a.clone();
    let page = mount(move |inputs| {
        inputs.source.set(first);
        inputs.fixed_now.set(Some(at("2026-11-26T09:10:00+01:00")));
        inputs.mode.set(Mode::Entry);
    })
    .await;
    wait_for(&page, |p| p.state() == "ready").await;
    page.enter_normal_set().await;
    assert!(page.last_event("news2-entry").is_some());
    assert_eq!(page.all(".news2-history__row--unsaved").len(), 1);

    page.inputs.source.set(patient_b);
    page.settle().await;
    wait_for(&page, |p| {
        p.state() == "ready" && p.all(".news2-history tbody tr").len() == 1
    })
    .await;
    assert!(
        page.all(".news2-history__row--unsaved").is_empty(),
        "A's set in B's table"
    );
    assert_eq!(
        page.attribute(".news2-banner", "data-level").as_deref(),
        Some("low-medium"),
        "B's own banner"
    );
    assert!(
        page.text(".news2-pending__aside")
            .contains("1 måling(er) eller respons(er) for en annen pasient")
    );

    page.inputs.source.set(patient_a);
    page.settle().await;
    wait_for(&page, |p| {
        p.state() == "ready" && p.all(".news2-history tbody tr").len() == 2
    })
    .await;
    assert_eq!(
        page.all(".news2-history__row--unsaved").len(),
        1,
        "A's unsaved set is back"
    );
}

#[wasm_bindgen_test]
async fn editing_a_value_withdraws_the_confirmation_so_the_saved_set_is_the_one_on_screen() {
    let page = mount(|inputs| {
        inputs.source.set(DataSource::Bundle(Arc::new(bundle(&[]))));
        inputs.fixed_now.set(Some(at("2026-11-26T09:10:00+01:00")));
        inputs.mode.set(Mode::Entry);
    })
    .await;
    page.enter_normal_set().await;
    assert!(
        page.find(".news2-entry__confirm").is_none(),
        "NEWS2 0 needs no confirmation"
    );
    assert_eq!(page.last_event("news2-entry").unwrap()["set"]["total"], 0);
    for (name, value) in [
        ("respiratoryRate", "26"),
        ("spo2", "97"),
        ("systolicBp", "125"),
        ("pulse", "72"),
        ("temperature", "37,0"),
    ] {
        page.type_into(name, value).await;
    }
    page.click("input[value=air]").await;
    page.click("input[value=A]").await;
    page.click(".news2-entry__form button[type=submit]").await;
    assert!(page.find(".news2-entry__confirm").is_some());
    page.type_into("pulse", "135").await;
    assert!(
        page.find(".news2-entry__confirm").is_none(),
        "the confirmation outlived an edit"
    );
}

#[wasm_bindgen_test]
async fn an_acknowledgement_stands_while_the_clock_moves_on() {
    let set = RawSet {
        respiratory_rate: Some(26.0),
        ..RawSet::normal("2026-11-26T09:00:00+01:00")
    };
    let page = widget_on(vec![set], "2026-11-26T09:10:00+01:00").await;
    page.click(".news2-banner__acknowledge").await;
    page.inputs
        .fixed_now
        .set(Some(at("2026-11-26T09:11:00+01:00")));
    page.settle().await;
    assert_eq!(page.text(".news2-banner__acknowledge"), "Kvittert");
}

fn high_set(time: &'static str) -> RawSet {
    RawSet {
        respiratory_rate: Some(26.0),
        spo2: Some(90.0),
        pulse: Some(135.0),
        alert: false,
        ..RawSet::normal(time)
    }
}

/// Guards the response step on a host's Bundle (issue 16): the same patient's refreshed Bundle
/// keeps the open step with what the nurse typed, and a response handed to the host stays in
/// view; another patient's Bundle closes the step and drops the handed-over response, so
/// neither stands beside the other patient's data.
#[wasm_bindgen_test]
async fn a_refreshed_bundle_keeps_the_step_and_another_patients_closes_it() {
    let page = widget_on(
        vec![high_set("2026-01-01T10:00:00Z")],
        "2026-01-01T10:20:00Z",
    )
    .await;
    let refresh = |sets: Vec<RawSet>| {
        let source = page.inputs.source;
        let data = DataSource::Bundle(Arc::new(bundle(&sets)));
        source.set(data);
    };
    page.click(".news2-banner__acknowledge").await;
    assert!(page.find(".news2-response").is_some(), "the step opens");
    page.click(".news2-response input[value=other]").await;
    let name = page.input(".news2-response input[type=text]");
    name.set_value("Fastlege Berg");
    name.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    page.settle().await;

    // The host's refresh: the same set, and a calm one before it.
    refresh(vec![
        RawSet::normal("2026-01-01T06:00:00Z"),
        high_set("2026-01-01T10:00:00Z"),
    ]);
    page.settle().await;
    assert!(
        page.find(".news2-response").is_some(),
        "the step stays open"
    );
    assert_eq!(
        page.input(".news2-response input[type=text]").value(),
        "Fastlege Berg"
    );
    page.click(".news2-response input[value=phone]").await;
    page.click(".news2-response__save").await;
    let sent = page.last_event("news2-response").expect("news2-response");
    assert_eq!(sent["state"], "host");
    assert!(sent["communication"].get("subject").is_none(), "{sent}");
    assert!(
        page.text(".news2-pending__responses")
            .contains("Fastlege Berg")
    );

    refresh(vec![
        RawSet::normal("2026-01-01T06:00:00Z"),
        high_set("2026-01-01T10:00:00Z"),
    ]);
    page.settle().await;
    assert!(
        page.text(".news2-pending__responses")
            .contains("Fastlege Berg"),
        "kept on refresh"
    );

    // Another patient's Bundle, with its own high set: the handed-over response goes.
    page.click(".news2-banner__acknowledge").await;
    refresh(vec![high_set("2026-01-01T09:30:00Z")]);
    page.settle().await;
    assert!(page.find(".news2-pending__responses").is_none());
    page.click(".news2-banner__acknowledge").await;
    assert!(page.find(".news2-response").is_some());
    refresh(vec![high_set("2026-01-01T09:40:00Z")]);
    page.settle().await;
    assert!(
        page.find(".news2-response").is_none(),
        "closed with its patient's set"
    );
}
