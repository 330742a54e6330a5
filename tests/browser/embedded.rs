//! `<news2-widget>` as a host embeds it, for the browser tests: an element with attributes,
//! the events it sent, and waits frame by frame (never a fixed sleep).
#![allow(dead_code)] // Each test file uses its own part of these.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

/// One animation frame: lets the widget's effects and tasks run without a fixed sleep.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// An element on the page with the events it sent.
pub struct Embedded {
    pub element: HtmlElement,
    events: Rc<RefCell<Vec<(String, Value)>>>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::CustomEvent)>>,
}

impl Embedded {
    pub fn new(attributes: &[(&str, &str)]) -> Self {
        news2_widget::embed::define().unwrap();
        let document = web_sys::window().unwrap().document().unwrap();
        let element: HtmlElement = document
            .create_element("news2-widget")
            .unwrap()
            .unchecked_into();
        for (name, value) in attributes {
            element.set_attribute(name, value).unwrap();
        }
        let events = Rc::new(RefCell::new(Vec::new()));
        let listeners = [
            "news2-escalation",
            "news2-error",
            "news2-loaded",
            "news2-entry",
            "news2-open",
        ]
        .into_iter()
        .map(|name| {
            let events = events.clone();
            let listener = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
                move |event: web_sys::CustomEvent| {
                    let detail = js_sys::JSON::stringify(&event.detail())
                        .ok()
                        .and_then(|s| s.as_string())
                        .and_then(|s| serde_json::from_str(&s).ok())
                        .unwrap_or(Value::Null);
                    events.borrow_mut().push((event.type_(), detail));
                },
            );
            element
                .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
                .unwrap();
            listener
        })
        .collect();
        Embedded {
            element,
            events,
            _listeners: listeners,
        }
    }

    pub fn shadow_find(&self, selector: &str) -> Option<Element> {
        self.element.shadow_root()?.query_selector(selector).ok()?
    }

    pub fn last_event(&self, name: &str) -> Option<Value> {
        self.events
            .borrow()
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
    }

    /// Waits (frame by frame, at most 600) until the widget has drawn its data and told the
    /// host the banner's level.
    pub async fn until_drawn(&self, name: &str) {
        for _ in 0..600 {
            let state = self
                .shadow_find(".news2-widget")
                .and_then(|e| e.get_attribute("data-state"));
            if matches!(state.as_deref(), Some("ready" | "empty"))
                && self.last_event("news2-escalation").is_some()
            {
                return;
            }
            next_frame().await;
        }
        panic!("{name}: never drawn");
    }
}

impl Embedded {
    /// The widget's `data-state` (`loading`, `error`, `empty`, `ready`).
    pub fn state(&self) -> Option<String> {
        self.shadow_find(".news2-widget")?
            .get_attribute("data-state")
    }

    /// Every event of this name, in order.
    pub fn events_named(&self, name: &str) -> Vec<Value> {
        self.events
            .borrow()
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
            .collect()
    }

    /// Waits (frame by frame, at most 600) until `done` holds.
    pub async fn until(&self, what: &str, done: impl Fn(&Embedded) -> bool) {
        for _ in 0..600 {
            if done(self) {
                return;
            }
            next_frame().await;
        }
        panic!("never: {what}");
    }
}
