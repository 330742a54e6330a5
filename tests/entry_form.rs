//! The demo page's calculator in headless Chromium: typing into it scores as you type.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use news2_widget::ui::Calculator;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A calculator mounted in a fresh element of the test page.
struct Mounted {
    root: HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

fn mount() -> Mounted {
    let document = document();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), || view! { <Calculator /> }.into_any());
    Mounted {
        root,
        _handle: handle,
    }
}

impl Mounted {
    fn input(&self, selector: &str) -> HtmlInputElement {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .unchecked_into()
    }

    /// Types a value the way a browser reports it: the value changes, then a bubbling `input`.
    async fn type_into(&self, name: &str, text: &str) {
        let input = self.input(&format!("input[name={name}]"));
        input.set_value(text);
        let init = EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        leptos::task::tick().await;
    }

    async fn click(&self, selector: &str) {
        self.input(selector).click();
        leptos::task::tick().await;
    }

    fn text(&self, selector: &str) -> String {
        self.root
            .query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }
}

#[wasm_bindgen_test]
async fn scores_as_you_type_and_withholds_the_total_until_complete() {
    let page = mount();
    assert!(page.text(".news2-summary").contains("Ingen totalskår"));
    for (name, value) in [
        ("respiratoryRate", "22"),
        ("spo2", "95"),
        ("systolicBp", "120"),
        ("pulse", "70"),
    ] {
        page.type_into(name, value).await;
    }
    page.click("input[value=air]").await;
    page.click("input[value=A]").await;
    let summary = page.text(".news2-summary");
    assert!(summary.contains("Mangler: Temperatur"), "{summary}");
    assert_eq!(
        page.text(".news2-summary__minimum"),
        "",
        "RR 22 and SpO2 95 make nothing certain"
    );
    assert!(
        !summary.contains("Totalskår"),
        "a partial sum was shown: {summary}"
    );

    page.type_into("temperature", "38,05").await;
    assert_eq!(page.text(".news2-summary__total"), "Totalskår 4");
    assert!(page.text(".news2-summary__risk").contains("Lav"));
    assert!(
        page.text(".news2-summary__monitoring")
            .contains("Minst hver 4.–6. time")
    );
    assert!(
        page.text(".news2-calculator__form")
            .contains("Føres som 38,1 °C")
    );

    page.type_into("temperature", "").await;
    page.click("input[value=V]").await;
    assert_eq!(
        page.text(".news2-summary__minimum"),
        "Uansett hva som mangler, er klinisk risiko minst: Middels"
    );
    let summary = page.root.query_selector(".news2-summary").unwrap().unwrap();
    assert_eq!(
        summary.get_attribute("data-risk").as_deref(),
        Some("Medium"),
        "coloured as the certain band"
    );
    page.type_into("temperature", "38,05").await;
    assert_eq!(page.text(".news2-summary__total"), "Totalskår 7");
    assert!(page.text(".news2-summary__risk").contains("Høy"));
    assert!(
        page.text(".news2-summary__monitoring")
            .contains("Kontinuerlig")
    );
}

#[wasm_bindgen_test]
async fn an_impossible_value_is_explained_and_marked_invalid() {
    let page = mount();
    page.type_into("spo2", "101").await;
    assert!(
        page.text(".news2-field--invalid")
            .contains("Over 100 % er ikke mulig")
    );
    assert_eq!(
        page.input("input[name=spo2]")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    page.type_into("spo2", "99").await;
    assert_eq!(
        page.input("input[name=spo2]")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn scale_2_is_used_only_when_switched_on() {
    let page = mount();
    page.type_into("spo2", "90").await;
    assert!(
        page.text(".news2-field:nth-child(2) .news2-sub-score")
            .contains("Skår 3")
    );
    page.click("input[name=spo2Scale]").await;
    assert!(
        page.text(".news2-field:nth-child(2) .news2-sub-score")
            .contains("Skår 0")
    );
}
