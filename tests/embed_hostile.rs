//! Issue 11: `<news2-widget>` under a careless or hostile host. A refused configuration is an
//! error on screen and an event, never a skeleton that waits for ever; a listener that removes
//! or moves the element while the widget tells it something cannot stop the widget.
#![cfg(target_arch = "wasm32")]

#[path = "browser/mod.rs"]
mod browser;
#[path = "browser/embedded.rs"]
mod embedded;

use browser::{RawSet, bundle, server};
use embedded::{Embedded, next_frame};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn body() -> HtmlElement {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap()
}

/// Waits until the widget shows an error and has told the host; returns the event's detail.
async fn refused(widget: &Embedded, what: &str) -> serde_json::Value {
    widget
        .until(what, |w| {
            w.state().as_deref() == Some("error") && w.last_event("news2-error").is_some()
        })
        .await;
    widget.last_event("news2-error").unwrap()
}

/// Issue 11, case 5: the `patient` guard reads the whole value, and `src` and `fhir-base` too.
#[wasm_bindgen_test]
async fn a_national_id_in_an_attribute_is_refused_on_screen_and_never_requested() {
    let base = format!("{}/fhir", server());
    let cases: [(&str, String); 6] = [
        ("patient", "Patient/13116900216/".into()),
        ("patient", "Patient/13116900216/_history/1".into()),
        ("patient", "Patient/13116900216#x".into()),
        ("patient", "Patient?identifier=131169 00216".into()),
        ("patient", "Patient/131169-00216".into()),
        (
            "src",
            format!("{base}/Observation?subject:Patient.identifier=13116900216"),
        ),
    ];
    for (attribute, value) in cases {
        let mut attributes = vec![(attribute, value.as_str())];
        if attribute == "patient" {
            attributes.push(("fhir-base", base.as_str()));
        }
        let widget = Embedded::new(&attributes);
        body().append_child(&widget.element).unwrap();
        let detail = refused(&widget, &value).await;
        assert_eq!(detail["kind"], "config", "{value}");
        assert!(
            !detail["message"].as_str().unwrap().contains("00216"),
            "{detail}"
        );
        assert_eq!(
            widget
                .shadow_find(".news2-error")
                .and_then(|e| e.get_attribute("data-kind"))
                .as_deref(),
            Some("config")
        );
        let performance = web_sys::window().unwrap().performance().unwrap();
        let requested = performance
            .get_entries_by_type("resource")
            .iter()
            .filter_map(|e| js_sys::Reflect::get(&e, &"name".into()).ok()?.as_string())
            .any(|url| url.contains("00216"));
        assert!(!requested, "{value} was requested");
        widget.element.remove();
    }
}

/// Issue 11, case 6: a `history` the widget refuses, on a widget with nothing else, is an
/// error on screen (not "loading" for good); one beyond the size budget is refused before it is
/// copied into the widget.
#[wasm_bindgen_test]
async fn a_refused_history_is_an_error_on_screen_not_a_skeleton() {
    let not_a_bundle = Embedded::new(&[("lang", "en")]);
    body().append_child(&not_a_bundle.element).unwrap();
    js_sys::Reflect::set(
        &not_a_bundle.element,
        &"history".into(),
        &js_sys::JSON::parse(r#"{"resourceType": "Patient"}"#).unwrap(),
    )
    .unwrap();
    let detail = refused(&not_a_bundle, "a Patient as history").await;
    assert_eq!(detail["kind"], "config");
    let text = not_a_bundle
        .shadow_find(".news2-error")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        text.contains("The widget is not set up correctly"),
        "{text}"
    );
    assert!(not_a_bundle.shadow_find(".news2-skeleton").is_none());
    not_a_bundle.element.remove();

    let huge = Embedded::new(&[]);
    body().append_child(&huge.element).unwrap();
    let padding = "x".repeat(17 * 1024 * 1024);
    let history = js_sys::JSON::parse(&format!(
        r#"{{"resourceType": "Bundle", "type": "collection", "padding": "{padding}"}}"#
    ))
    .unwrap();
    drop(padding);
    js_sys::Reflect::set(&huge.element, &"history".into(), &history).unwrap();
    let detail = refused(&huge, "a 17 MB history").await;
    assert_eq!(detail["message"], "history: larger than 16 MB; not used");
    huge.element.remove();
}

/// Review of issue 11: a refused `history` replaces what was shown (the host meant another
/// source, perhaps another patient's), a function given by mistake is refused (not a trap that
/// stops every widget), and a Bundle over the entry budget is refused, not shown as "no sets".
#[wasm_bindgen_test]
async fn a_refused_history_replaces_the_one_shown_and_never_stops_the_module() {
    let widget = Embedded::new(&[("lang", "en")]);
    body().append_child(&widget.element).unwrap();
    let patient_a =
        js_sys::JSON::parse(&bundle(&[RawSet::normal("2026-12-04T08:00:00Z")]).to_string())
            .unwrap();
    js_sys::Reflect::set(&widget.element, &"history".into(), &patient_a).unwrap();
    widget
        .until("patient a shown", |w| w.state().as_deref() == Some("ready"))
        .await;

    let mistake = js_sys::Function::new_no_args("return 1;");
    js_sys::Reflect::set(&widget.element, &"history".into(), &mistake).unwrap();
    let detail = refused(&widget, "a function as history").await;
    assert_eq!(detail["kind"], "config", "{detail}");
    assert!(
        widget.shadow_find(".news2-history").is_none(),
        "a's table left"
    );

    let entries = vec!["{}"; 40_001].join(",");
    let too_many = js_sys::JSON::parse(&format!(
        r#"{{"resourceType": "Bundle", "type": "collection", "entry": [{entries}]}}"#
    ))
    .unwrap();
    js_sys::Reflect::set(&widget.element, &"history".into(), &too_many).unwrap();
    widget
        .until("the entry budget named", |w| {
            w.last_event("news2-error")
                .is_some_and(|d| d["message"] == "history: more than 40000 entries; not used")
        })
        .await;
    assert_eq!(widget.state().as_deref(), Some("error"));
    widget.element.remove();
}

/// Issue 11, case 2: a host listener that removes the element, or moves it, while the widget
/// tells it something. Events leave after the widget's code has returned, so neither reaches
/// into it; a moved widget loads again where it now is.
#[wasm_bindgen_test]
async fn a_listener_that_removes_or_moves_the_element_cannot_stop_it() {
    let history =
        js_sys::JSON::parse(&bundle(&[RawSet::normal("2026-12-04T08:00:00Z")]).to_string())
            .unwrap();

    let removed = Embedded::new(&[("demo", ""), ("now", "2026-12-04T09:00:00Z")]);
    let target = removed.element.clone();
    let remove = Closure::<dyn FnMut()>::new(move || target.remove());
    removed
        .element
        .add_event_listener_with_callback("news2-loaded", remove.as_ref().unchecked_ref())
        .unwrap();
    js_sys::Reflect::set(&removed.element, &"history".into(), &history).unwrap();
    body().append_child(&removed.element).unwrap();
    removed
        .until("removed by its listener", |w| !w.element.is_connected())
        .await;

    let moved = Embedded::new(&[("demo", ""), ("now", "2026-12-04T09:00:00Z")]);
    let elsewhere: HtmlElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("section")
        .unwrap()
        .unchecked_into();
    body().append_child(&elsewhere).unwrap();
    let (target, parent) = (moved.element.clone(), elsewhere.clone());
    let moves = std::rc::Rc::new(std::cell::Cell::new(0));
    let counted = moves.clone();
    let relocate = Closure::<dyn FnMut()>::new(move || {
        if counted.get() == 0 {
            counted.set(1);
            parent.append_child(&target).unwrap();
        }
    });
    moved
        .element
        .add_event_listener_with_callback("news2-escalation", relocate.as_ref().unchecked_ref())
        .unwrap();
    js_sys::Reflect::set(&moved.element, &"history".into(), &history).unwrap();
    body().append_child(&moved.element).unwrap();
    moved
        .until("moved and drawn again", |w| {
            moves.get() == 1
                && w.element
                    .parent_element()
                    .is_some_and(|p| p.tag_name() == "SECTION")
                && w.state().as_deref() == Some("ready")
        })
        .await;
    // Still alive: it follows a new attribute.
    moved.element.set_attribute("lang", "en").unwrap();
    for _ in 0..3 {
        next_frame().await;
    }
    assert_eq!(
        moved
            .shadow_find(".news2-widget")
            .and_then(|e| e.get_attribute("lang"))
            .as_deref(),
        Some("en")
    );
    elsewhere.remove();
}
