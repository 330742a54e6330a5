//! `<news2-widget>`: the widget as a custom element, the way a host's page embeds it.
//!
//! The element class itself is a few lines of JavaScript (a custom element must be a JS class);
//! each lifecycle callback calls straight into Rust. On connection the widget is mounted in an
//! open shadow root with its own stylesheet (adopted, so no `<style>` element needs the host's
//! CSP to allow inline styles), so the host's CSS cannot break it and its CSS cannot leak. On
//! disconnection it is unmounted, which disposes its chart, timers and listeners.

pub mod attributes;

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::ui::widget::events::WidgetEvent;
use crate::ui::{Widget, WidgetInputs};

/// The element's name.
pub const ELEMENT_NAME: &str = "news2-widget";

/// The widget's stylesheet, in the order the parts are laid out; print rules last.
pub const STYLESHEET: &str = concat!(
    include_str!("../../style/widget.css"),
    include_str!("../../style/banner.css"),
    include_str!("../../style/status.css"),
    include_str!("../../style/chart.css"),
    include_str!("../../style/history-table.css"),
    include_str!("../../style/entry-form.css"),
    include_str!("../../style/print.css"),
);

#[wasm_bindgen(inline_js = r#"
export function defineElement(name, observed, connect, disconnect, changed) {
  if (customElements.get(name)) return;
  customElements.define(name, class extends HTMLElement {
    static get observedAttributes() { return observed; }
    connectedCallback() { if (this.news2Handle === undefined) this.news2Handle = connect(this); }
    disconnectedCallback() {
      if (this.news2Handle !== undefined) { disconnect(this.news2Handle); this.news2Handle = undefined; }
    }
    attributeChangedCallback() { if (this.news2Handle !== undefined) changed(this.news2Handle); }
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = defineElement)]
    fn define_element(
        name: &str,
        observed: js_sys::Array,
        connect: &Closure<dyn FnMut(HtmlElement) -> u32>,
        disconnect: &Closure<dyn FnMut(u32)>,
        changed: &Closure<dyn FnMut(u32)>,
    ) -> Result<(), JsValue>;
}

/// A mounted widget: its element, its inputs and what unmounts it.
struct Mounted {
    element: HtmlElement,
    inputs: WidgetInputs,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

thread_local! {
    static MOUNTED: RefCell<HashMap<u32, Mounted>> = RefCell::new(HashMap::new());
    static NEXT: RefCell<u32> = const { RefCell::new(0) };
}

/// Defines `<news2-widget>` on this page (once; later calls do nothing).
pub fn define() -> Result<(), JsValue> {
    let observed: js_sys::Array = attributes::OBSERVED
        .iter()
        .map(|&a| JsValue::from(a))
        .collect();
    let connect = Closure::<dyn FnMut(HtmlElement) -> u32>::new(connect);
    let disconnect = Closure::<dyn FnMut(u32)>::new(|handle| {
        // Dropping the mount handle unmounts the view and runs every cleanup.
        MOUNTED.with(|m| m.borrow_mut().remove(&handle));
    });
    let changed = Closure::<dyn FnMut(u32)>::new(|handle| {
        MOUNTED.with(|m| {
            if let Some(mounted) = m.borrow().get(&handle) {
                apply_attributes(&mounted.element, mounted.inputs);
            }
        });
    });
    define_element(ELEMENT_NAME, observed, &connect, &disconnect, &changed)?;
    // The element class calls these for the page's lifetime.
    connect.forget();
    disconnect.forget();
    changed.forget();
    Ok(())
}

fn connect(element: HtmlElement) -> u32 {
    let handle = NEXT.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n
    });
    let Some(container) = shadow_container(&element) else {
        return handle;
    };
    let inputs_out = std::rc::Rc::new(RefCell::new(None));
    let inputs_in = inputs_out.clone();
    let host = element.clone();
    let mount_handle = leptos::mount::mount_to(container, move || {
        let inputs = WidgetInputs::new();
        *inputs_in.borrow_mut() = Some(inputs);
        apply_attributes(&host, inputs);
        let target = send_wrapper::SendWrapper::new(host.clone());
        let on_event = Callback::new(move |event: WidgetEvent| dispatch(&target, &event));
        view! { <Widget inputs on_event /> }.into_any()
    });
    if let Some(inputs) = inputs_out.borrow_mut().take() {
        MOUNTED.with(|m| {
            m.borrow_mut().insert(
                handle,
                Mounted {
                    element,
                    inputs,
                    _handle: mount_handle,
                },
            )
        });
    }
    handle
}

/// The element's open shadow root, with the widget's stylesheet and an empty container in it.
fn shadow_container(element: &HtmlElement) -> Option<HtmlElement> {
    let shadow = match element.shadow_root() {
        Some(shadow) => shadow,
        None => element
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?,
    };
    shadow.set_inner_html("");
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(STYLESHEET).ok()?;
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &sheets).ok()?;
    let document = element.owner_document()?;
    let container: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    shadow.append_child(&container).ok()?;
    Some(container)
}

fn apply_attributes(element: &HtmlElement, inputs: WidgetInputs) {
    let get = |name: &str| element.get_attribute(name);
    let source = attributes::source(
        get("src").as_deref(),
        get("fhir-base").as_deref(),
        get("patient").as_deref(),
    );
    // Set only what changed, so a change of language does not reload the history.
    if inputs.source.get_untracked() != source {
        inputs.source.set(source);
    }
    let language = attributes::language(get("lang").as_deref());
    if inputs.language.get_untracked() != language {
        inputs.language.set(language);
    }
    let mode = attributes::mode(get("mode").as_deref());
    if inputs.mode.get_untracked() != mode {
        inputs.mode.set(mode);
    }
    let now = attributes::now(get("now").as_deref());
    if inputs.fixed_now.get_untracked() != now {
        inputs.fixed_now.set(now);
    }
    let patient = crate::clinical::escalation::PatientContext {
        under_16: attributes::flag(get("under-16").as_deref()),
        pregnant: attributes::flag(get("pregnant").as_deref()),
    };
    if inputs.patient.get_untracked() != patient {
        inputs.patient.set(patient);
    }
    let scale_2 = attributes::scale_2(
        get("spo2-scale").as_deref(),
        get("spo2-scale-by").as_deref(),
        get("spo2-scale-at").as_deref(),
    );
    if inputs.scale_2.get_untracked() != scale_2 {
        inputs.scale_2.set(scale_2);
    }
}

/// Sends `event` from the element, bubbling and composed so the host hears it outside the
/// shadow root. A detail that will not convert is sent as `null` rather than not at all.
fn dispatch(element: &HtmlElement, event: &WidgetEvent) {
    let detail = js_sys::JSON::parse(&event.detail().to_string()).unwrap_or(JsValue::NULL);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(custom) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        // A host listener that throws must not stop the widget.
        let _ = element.dispatch_event(&custom);
    }
}
