//! Issue 11, case 2, the last line: if the module ever panics, every widget on the page shows
//! an error in its own language and tells its host (`news2-error`, kind `internal`), instead of
//! "loading" for good; the element stops calling into the module. A test binary of its own:
//! after the panic this module's instance is not to be trusted.
#![cfg(target_arch = "wasm32")]

#[path = "browser/mod.rs"]
mod browser;
#[path = "browser/embedded.rs"]
mod embedded;

use browser::{RawSet, bundle};
use embedded::Embedded;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_panic_shows_an_error_on_every_widget_and_tells_each_host() {
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    let history =
        js_sys::JSON::parse(&bundle(&[RawSet::normal("2026-12-04T08:00:00Z")]).to_string())
            .unwrap();
    let widgets: Vec<Embedded> = ["nb", "nn", "en"]
        .into_iter()
        .map(|lang| {
            let widget = Embedded::new(&[
                ("lang", lang),
                ("demo", ""),
                ("now", "2026-12-04T09:00:00Z"),
            ]);
            js_sys::Reflect::set(&widget.element, &"history".into(), &history).unwrap();
            body.append_child(&widget.element).unwrap();
            widget
        })
        .collect();
    for widget in &widgets {
        widget.until_drawn("before the panic").await;
    }

    // A defect, reached from a host's call and caught by the host, as a trap would be.
    let defect = Closure::<dyn Fn()>::new(|| panic!("a defect"));
    let host = js_sys::Function::new_with_args(
        "f",
        "try { f(); return 'returned'; } catch (e) { return e instanceof WebAssembly.RuntimeError ? 'trapped' : String(e); }",
    );
    let outcome = host
        .call1(&JsValue::NULL, defect.as_ref().unchecked_ref())
        .unwrap();
    assert_eq!(outcome.as_string().as_deref(), Some("trapped"));

    let titles = [
        "NEWS2-visningen stoppet på grunn av en feil.",
        "NEWS2-visinga stoppa på grunn av ein feil.",
        "The NEWS2 view stopped because of an error.",
    ];
    for (widget, title) in widgets.iter().zip(titles) {
        widget
            .until("the internal error is told", |w| {
                w.last_event("news2-error")
                    .is_some_and(|d| d["kind"] == "internal")
            })
            .await;
        assert_eq!(widget.state().as_deref(), Some("error"));
        let text = widget
            .shadow_find(".news2-error__title")
            .unwrap()
            .text_content()
            .unwrap();
        assert_eq!(text, title);
        assert!(
            widget.shadow_find(".news2-banner").is_none(),
            "no banner over a stopped widget"
        );
    }

    // The element no longer calls into the module: a new attribute neither throws nor changes
    // the error on screen, and a new widget shows the error at once.
    widgets[0]
        .element
        .set_attribute("src", "/fhir/Observation")
        .unwrap();
    assert_eq!(widgets[0].state().as_deref(), Some("error"));
    let late = Embedded::new(&[("lang", "en")]);
    body.append_child(&late.element).unwrap();
    late.until("a late widget shows the error", |w| {
        w.state().as_deref() == Some("error") && w.last_event("news2-error").is_some()
    })
    .await;
}
