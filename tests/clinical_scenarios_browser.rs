//! The clinical scenario suite through `<news2-widget>` in Chromium: each FHIR Bundle is handed
//! to a real element (the `history` property, with `demo`, `now` and the Scale 2 attributes a
//! host would set), and the banner it draws and the `news2-escalation` event it sends must be
//! the ones the scenario names. The same scenarios run through the engine natively in
//! tests/clinical_scenarios.rs.
#![cfg(target_arch = "wasm32")]

#[path = "browser/embedded.rs"]
mod embedded;
#[path = "clinical/scenarios.rs"]
mod scenarios;

use embedded::Embedded;
use wasm_bindgen::JsCast;

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The attributes a host sets for `scenario` (a demo page with its fixed clock, and its Scale 2
/// decision, who and when before `spo2-scale`), then `extra`.
fn attributes(
    scenario: &scenarios::Scenario,
    extra: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    let mut attributes = vec![("lang", "nb"), ("demo", ""), ("now", scenario.now)];
    if let Some((by, at, until)) = scenario.scale_2 {
        attributes.extend([("spo2-scale-by", by), ("spo2-scale-at", at)]);
        if let Some(until) = until {
            attributes.push(("spo2-scale-until", until));
        }
        attributes.push(("spo2-scale", "2"));
    }
    attributes.extend_from_slice(extra);
    attributes
}

#[wasm_bindgen_test]
async fn every_scenario_through_the_element() {
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    for scenario in scenarios::all() {
        let name = scenario.name;
        let widget = Embedded::new(&attributes(&scenario, &[]));
        let history = js_sys::JSON::parse(&scenario.bundle.to_string()).unwrap();
        js_sys::Reflect::set(&widget.element, &"history".into(), &history).unwrap();
        body.append_child(&widget.element).unwrap();
        widget.until_drawn(name).await;

        let banner = widget
            .shadow_find(".news2-banner")
            .unwrap_or_else(|| panic!("{name}: no banner"));
        let text = banner.text_content().unwrap_or_default();
        let expect = &scenario.expect;
        assert_eq!(
            banner.get_attribute("data-level").as_deref(),
            Some(expect.level),
            "{name}: {text}"
        );
        let escalation = widget.last_event("news2-escalation").unwrap();
        assert_eq!(escalation["level"], expect.level, "{name}");
        assert_eq!(
            escalation["risk"].as_str(),
            expect.band,
            "{name}: the band it stands on"
        );
        for also in expect.also {
            assert!(
                escalation["also"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|l| l == also)),
                "{name}: {also} not in {}",
                escalation["also"]
            );
        }
        for says in expect.says {
            assert!(text.contains(says), "{name}: does not say {says:?}: {text}");
        }
        for never in expect.never {
            assert!(!text.contains(never), "{name}: says {never:?}: {text}");
        }
        assert!(
            widget.last_event("news2-error").is_none(),
            "{name}: {:?}",
            widget.last_event("news2-error")
        );
        widget.element.remove();
    }
}

// Issue 10, case 7: `now` fixes the clock only on a page that says it is a demo, and the widget
// then says so on screen.
#[wasm_bindgen_test]
async fn a_fixed_clock_only_with_demo_and_never_silently() {
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    let scenario = scenarios::all()
        .into_iter()
        .find(|s| s.name == "raw-calm")
        .unwrap();
    let history = js_sys::JSON::parse(&scenario.bundle.to_string()).unwrap();

    // A record page that left `now` in: refused, and the browser's clock runs (months after
    // the set, so it is overdue).
    let record = Embedded::new(&[("lang", "nb"), ("now", scenario.now)]);
    js_sys::Reflect::set(&record.element, &"history".into(), &history).unwrap();
    body.append_child(&record.element).unwrap();
    record.until_drawn("record").await;
    let error = record
        .last_event("news2-error")
        .expect("the refusal is told");
    assert_eq!(error["kind"], "config");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("only on a demo or test page")
    );
    assert!(record.shadow_find(".news2-fixed-clock").is_none());
    assert_eq!(
        record
            .shadow_find(".news2-banner")
            .and_then(|b| b.get_attribute("data-level"))
            .as_deref(),
        Some("overdue")
    );
    record.element.remove();

    // A demo page: the clock is fixed, and the widget says so.
    let demo = Embedded::new(&[("lang", "nb"), ("demo", ""), ("now", scenario.now)]);
    js_sys::Reflect::set(&demo.element, &"history".into(), &history).unwrap();
    body.append_child(&demo.element).unwrap();
    demo.until_drawn("demo").await;
    let note = demo
        .shadow_find(".news2-fixed-clock")
        .and_then(|e| e.text_content())
        .expect("the fixed clock is shown");
    assert!(note.contains("klokka står fast"), "{note}");
    assert_eq!(
        demo.shadow_find(".news2-banner")
            .and_then(|b| b.get_attribute("data-level"))
            .as_deref(),
        Some("none")
    );
    demo.element.remove();
}

/// Issue 14: the compact variant for patient lists says what the full view's banner says (the
/// same level for every clinical scenario, never a calmer one), in at most 160 px from a 320 px
/// phone to a desktop column, and asks the host for the full view.
#[wasm_bindgen_test]
async fn every_scenario_in_the_compact_variant_keeps_its_level_within_160_px() {
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    for width in ["320px", "768px"] {
        for scenario in scenarios::all() {
            let name = format!("{} at {width}", scenario.name);
            let widget = Embedded::new(&attributes(&scenario, &[("variant", "compact")]));
            widget.element.style().set_property("width", width).unwrap();
            let history = js_sys::JSON::parse(&scenario.bundle.to_string()).unwrap();
            js_sys::Reflect::set(&widget.element, &"history".into(), &history).unwrap();
            body.append_child(&widget.element).unwrap();
            widget.until_drawn(&name).await;

            let compact = widget
                .shadow_find(".news2-compact")
                .unwrap_or_else(|| panic!("{name}: no compact view"));
            let text = compact.text_content().unwrap_or_default();
            assert_eq!(
                compact.get_attribute("data-level").as_deref(),
                Some(scenario.expect.level),
                "{name}: {text}"
            );
            assert!(
                widget.shadow_find(".news2-history").is_none()
                    && widget.shadow_find(".news2-chart").is_none(),
                "{name}: only the compact view"
            );
            if scenario.expect.band.is_some() {
                assert!(
                    text.contains("NEWS2") && text.contains("Målt"),
                    "{name}: the total and when measured: {text}"
                );
            }
            // From the compact view's top: the fixed clock's note above it is for demo pages
            // only, where it must be said.
            let height = |selector: &str| {
                widget
                    .shadow_find(selector)
                    .map_or(0.0, |e| e.get_bounding_client_rect().height())
            };
            let tall = widget.element.get_bounding_client_rect().bottom()
                - compact.get_bounding_client_rect().top();
            assert!(
                tall <= 160.0,
                "{name}: {tall} px tall: {:?} {text}",
                [
                    ".news2-compact__level",
                    ".news2-compact__when",
                    ".news2-compact__foot",
                    ".news2-widget__attribution"
                ]
                .map(height)
            );
            // Nothing inside runs out of it.
            let outer = widget.element.get_bounding_client_rect();
            let inner = compact.get_bounding_client_rect();
            assert!(
                inner.right() <= outer.right() + 0.5 && inner.left() >= outer.left() - 0.5,
                "{name}: the compact view runs out of the widget"
            );

            let open = widget
                .shadow_find(".news2-compact__open")
                .expect("the button to the full view");
            open.unchecked_ref::<web_sys::HtmlElement>().click();
            // Events reach the host in a later task, as the element dispatches them.
            widget
                .until("news2-open", |w| w.last_event("news2-open").is_some())
                .await;
            let asked = widget.last_event("news2-open").expect("news2-open");
            assert_eq!(asked["level"], scenario.expect.level, "{name}");
            widget.element.remove();
        }
    }
}
