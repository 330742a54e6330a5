//! Mounting the widget in the test page and reading it back, for the browser tests.

#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use news2_widget::i18n::format::{FixedZone, LocalZone};
use news2_widget::ui::widget::events::{EventSink, WidgetEvent};
use news2_widget::ui::{Widget, WidgetInputs};
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

/// Oslo in winter: the tests' dates read as a nurse in Norway sees them.
pub static OSLO_WINTER: FixedZone = FixedZone(60);

/// A widget mounted in a fresh element of the test page, with the events it sent.
pub struct Mounted {
    pub root: HtmlElement,
    pub inputs: WidgetInputs,
    pub events: Arc<Mutex<Vec<WidgetEvent>>>,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

/// Mounts a widget; `setup` sets its inputs before the first render.
pub async fn mount(setup: impl FnOnce(WidgetInputs) + 'static) -> Mounted {
    mount_in(&OSLO_WINTER, setup).await
}

/// Mounts a widget that shows and reads times in `zone`.
pub async fn mount_in(
    zone: &'static dyn LocalZone,
    setup: impl FnOnce(WidgetInputs) + 'static,
) -> Mounted {
    let document = document();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let out = Rc::new(RefCell::new(None));
    let inputs_out = out.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let inputs = WidgetInputs::new();
        setup(inputs);
        *inputs_out.borrow_mut() = Some(inputs);
        let on_event = EventSink::new(move |event: WidgetEvent| sink.lock().unwrap().push(event));
        view! { <Widget inputs on_event zone /> }.into_any()
    });
    let inputs = out.borrow_mut().take().unwrap();
    let mounted = Mounted {
        root,
        inputs,
        events,
        _handle: handle,
    };
    mounted.settle().await;
    mounted
}

impl Mounted {
    /// Lets effects and spawned tasks that are ready run (no timer: a few turns of the
    /// microtask queue).
    pub async fn settle(&self) {
        for _ in 0..5 {
            leptos::task::tick().await;
        }
    }

    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into().ok())
            .collect()
    }

    pub fn text(&self, selector: &str) -> String {
        self.find(selector)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    pub fn attribute(&self, selector: &str, name: &str) -> Option<String> {
        self.find(selector)?.get_attribute(name)
    }

    pub fn input(&self, selector: &str) -> HtmlInputElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("no {selector}"))
            .unchecked_into()
    }

    /// Types a value the way a browser reports it: the value changes, then a bubbling `input`.
    pub async fn type_into(&self, name: &str, text: &str) {
        let input = self.input(&format!("input[name={name}]"));
        input.set_value(text);
        let init = EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        self.settle().await;
    }

    pub async fn click(&self, selector: &str) {
        let element: HtmlElement = self
            .find(selector)
            .unwrap_or_else(|| panic!("no {selector}"))
            .unchecked_into();
        element.click();
        self.settle().await;
    }

    /// The first button whose text contains `label`.
    pub async fn click_button(&self, label: &str) {
        let button: HtmlElement = self
            .all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().contains(label))
            .unwrap_or_else(|| panic!("no button {label}"))
            .unchecked_into();
        button.click();
        self.settle().await;
    }

    /// Enters a set that does not escalate (NEWS2 0) and submits it.
    pub async fn enter_normal_set(&self) {
        for (name, value) in [
            ("respiratoryRate", "16"),
            ("spo2", "97"),
            ("systolicBp", "125"),
            ("pulse", "72"),
            ("temperature", "37,0"),
        ] {
            self.type_into(name, value).await;
        }
        self.click("input[value=air]").await;
        self.click("input[value=A]").await;
        self.click(".news2-entry__form button[type=submit]").await;
    }

    pub fn state(&self) -> String {
        self.attribute(".news2-widget", "data-state")
            .unwrap_or_default()
    }

    pub fn event_names(&self) -> Vec<&'static str> {
        self.events
            .lock()
            .unwrap()
            .iter()
            .map(WidgetEvent::name)
            .collect()
    }

    pub fn last_event(&self, name: &str) -> Option<Value> {
        self.events
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find(|e| e.name() == name)
            .map(|e| e.detail().clone())
    }
}

/// One set of raw vital signs, as a Norwegian source sends them.
pub struct RawSet {
    pub time: &'static str,
    pub respiratory_rate: Option<f64>,
    pub spo2: Option<f64>,
    pub on_oxygen: bool,
    pub systolic_bp: Option<f64>,
    pub pulse: Option<f64>,
    /// Alert (A); otherwise responds to voice (V), a 3.
    pub alert: bool,
    pub temperature: Option<f64>,
    pub performer: Option<&'static str>,
}

impl RawSet {
    /// NEWS2 0: RR 16, SpO2 97 on air, SBP 125, pulse 72, alert, 37.0 °C.
    pub fn normal(time: &'static str) -> Self {
        RawSet {
            time,
            respiratory_rate: Some(16.0),
            spo2: Some(97.0),
            on_oxygen: false,
            systolic_bp: Some(125.0),
            pulse: Some(72.0),
            alert: true,
            temperature: Some(37.0),
            performer: None,
        }
    }
}

fn quantity(id: String, set: &RawSet, loinc: &str, value: f64, unit: &str) -> Value {
    let mut resource = json!({"resourceType": "Observation", "id": id, "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": loinc}]},
        "subject": {"reference": "Patient/test"}, "effectiveDateTime": set.time,
        "valueQuantity": {"value": value, "system": "http://unitsofmeasure.org", "code": unit}});
    if let Some(name) = set.performer {
        resource["performer"] = json!([{"display": name}]);
    }
    resource
}

/// A searchset Bundle of raw vital-sign Observations, one group per set.
pub fn bundle(sets: &[RawSet]) -> Value {
    let mut entries = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        let id = |p: &str| format!("{p}-{i}");
        if let Some(v) = set.respiratory_rate {
            entries.push(quantity(id("rr"), set, "9279-1", v, "/min"));
        }
        if let Some(v) = set.spo2 {
            entries.push(quantity(id("spo2"), set, "2708-6", v, "%"));
        }
        let oxygen = if set.on_oxygen {
            "371825009"
        } else {
            "722742002"
        };
        entries.push(
            json!({"resourceType": "Observation", "id": id("o2"), "status": "final",
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": oxygen}]},
            "subject": {"reference": "Patient/test"}, "effectiveDateTime": set.time}),
        );
        if let Some(v) = set.systolic_bp {
            entries.push(quantity(id("sbp"), set, "8480-6", v, "mm[Hg]"));
        }
        if let Some(v) = set.pulse {
            entries.push(quantity(id("hr"), set, "8867-4", v, "/min"));
        }
        let acvpu = if set.alert { "248234008" } else { "300202002" };
        entries.push(json!({"resourceType": "Observation", "id": id("acvpu"), "status": "final",
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": "1104441000000107"}]},
            "subject": {"reference": "Patient/test"}, "effectiveDateTime": set.time,
            "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": acvpu}]}}));
        if let Some(v) = set.temperature {
            entries.push(quantity(id("temp"), set, "8310-5", v, "Cel"));
        }
    }
    json!({"resourceType": "Bundle", "type": "searchset",
           "entry": entries.into_iter().map(|r| json!({"resource": r})).collect::<Vec<_>>()})
}

/// The FHIR test server that scripts/test.sh starts (tests/fhir-server/server.mjs).
pub fn server() -> String {
    format!(
        "http://127.0.0.1:{}",
        option_env!("FHIR_TEST_PORT").unwrap_or("8103")
    )
}

/// POSTs FHIR JSON to the test server and returns its answer.
pub async fn post(url: &str, body: &Value) -> Value {
    let response = gloo_net::http::Request::post(url)
        .header("Content-Type", "application/fhir+json")
        .body(body.to_string())
        .unwrap()
        .send()
        .await
        .unwrap();
    response.json().await.unwrap()
}

/// PUTs FHIR JSON to the test server.
pub async fn put(url: &str, body: &Value) {
    gloo_net::http::Request::put(url)
        .header("Content-Type", "application/fhir+json")
        .body(body.to_string())
        .unwrap()
        .send()
        .await
        .unwrap();
}

/// GETs JSON from the test server (its own search, a control endpoint), not through the
/// widget's reader.
pub async fn get(url: &str) -> Value {
    gloo_net::http::Request::get(url)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Queues faults on the test server (see tests/fhir-server/server.mjs).
pub async fn faults(list: Value) {
    post(&format!("{}/__faults", server()), &list).await;
}

/// The test server's log of requests.
pub async fn log() -> Vec<Value> {
    let response = gloo_net::http::Request::get(&format!("{}/__log", server()))
        .send()
        .await
        .unwrap();
    response.json::<Vec<Value>>().await.unwrap()
}

/// A unique id, in hexadecimal: never 11 decimal digits in a row, which the URL rules would
/// take for a national identity number.
pub fn unique(prefix: &str) -> String {
    format!("{prefix}-{:x}", (js_sys::Math::random() * 1e12) as u64)
}

/// A synthetic national identity number (month + 80, as in the tax authority's test
/// population), random and checksum-valid, so the URL rules see it as the real thing.
pub fn synthetic_national_id() -> String {
    loop {
        let random = |n: f64| (js_sys::Math::random() * n) as u32;
        let body = format!(
            "{:02}{:02}{:02}{:03}",
            1 + random(28.0),
            81 + random(12.0),
            random(100.0),
            random(1000.0)
        );
        let digits: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
        let control = |weights: &[u32], digits: &[u32]| {
            let sum: u32 = weights.iter().zip(digits).map(|(w, d)| w * d).sum();
            (11 - sum % 11) % 11
        };
        let k1 = control(&[3, 7, 6, 1, 8, 9, 4, 5, 2], &digits);
        let with_k1: Vec<u32> = digits.iter().copied().chain([k1]).collect();
        let k2 = control(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], &with_k1);
        if k1 < 10 && k2 < 10 {
            return format!("{body}{k1}{k2}");
        }
    }
}
