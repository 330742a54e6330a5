//! The element class and its registry: `<news2-widget>` defined in the page, each connected
//! element mounted with its own inputs, attributes and properties handed to the widget, events
//! sent from the element, and the panic hook that keeps a stopped module visible.
//!
//! The class itself is a few lines of JavaScript (a custom element must be a JS class); each
//! lifecycle callback calls straight into Rust.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

use super::attributes::{self, SourceKind};
use super::properties::{self, Change, Properties, Property};
use super::{ELEMENT_NAME, STYLESHEET};
use crate::fhir::client::Source;
use crate::fhir::write::Author;
use crate::i18n::Language;
use crate::i18n::errors::{Trouble, trouble_words};
use crate::ui::widget::events::{self, EventSink, WidgetEvent};
use crate::ui::widget::{DataSource, PatientLabel};
use crate::ui::{Widget, WidgetInputs};

#[wasm_bindgen(inline_js = r#"
// The property names, given by Rust (embed::properties::Property) when the element is defined.
let PROPERTIES = [];
// Every connected widget, so a stopped module can still say so on each (see news2Broken).
const LIVE = new Set();
let broken = false;
let brokenTexts = null;
let internalError = null;

// Events leave after the widget's own code has returned: a host listener that removes or moves
// the element, or sets a property, never runs inside it. Microtasks keep their order.
export function news2Dispatch(element, name, detail) {
  queueMicrotask(() => {
    let parsed = null;
    try { parsed = JSON.parse(detail); } catch {}
    element.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: parsed }));
  });
}

// The last line: the module stopped (a panic, or a trap from inside it). Every widget shows it
// in its own language (as the lang attribute selects it: nn, en, else bokmål), tells its host,
// and stops calling into the module, which can no longer be trusted.
function brokenView(element) {
  try {
    const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
    const code = (element.getAttribute("lang") ?? "").trim().toLowerCase().split(/[-_]/)[0];
    const texts = brokenTexts[code] ?? brokenTexts.nb;
    const region = document.createElement("div");
    region.className = "news2-widget";
    region.setAttribute("data-state", "error");
    region.setAttribute("role", "region");
    region.setAttribute("lang", texts.lang);
    const alert = document.createElement("div");
    alert.className = "news2-error";
    alert.setAttribute("role", "alert");
    const title = document.createElement("p");
    title.className = "news2-error__title";
    title.textContent = texts.title;
    const advice = document.createElement("p");
    advice.className = "news2-error__detail";
    advice.textContent = texts.advice;
    alert.append(title, advice);
    region.append(alert);
    root.replaceChildren(region);
  } catch {}
}
export function news2Broken() {
  if (broken || brokenTexts === null) return;
  broken = true;
  for (const element of LIVE) {
    brokenView(element);
    news2Dispatch(element, "news2-error", internalError);
  }
}
function guarded(call) {
  if (broken) return undefined;
  try {
    return call();
  } catch (error) {
    news2Broken();
    return undefined;
  }
}

export function news2DefineElement(name, observed, properties, connect, disconnect, changed, property, texts, internal, sourceNames, labelName) {
  if (customElements.get(name)) return;
  PROPERTIES = properties;
  brokenTexts = texts;
  internalError = internal;
  class News2Widget extends HTMLElement {
    #handle;
    #values = new Map();
    static get observedAttributes() { return observed; }
    connectedCallback() {
      LIVE.add(this);
      if (broken) {
        brokenView(this);
        news2Dispatch(this, "news2-error", internalError);
        return;
      }
      // A property set before the element was defined sits on the instance: move it behind
      // the accessor, so the widget sees it.
      for (const key of PROPERTIES) {
        if (Object.prototype.hasOwnProperty.call(this, key)) {
          const value = this[key];
          delete this[key];
          this[key] = value;
        }
      }
      if (this.#handle !== undefined) return;
      this.#handle = guarded(() => connect(this));
      for (const [key, value] of this.#values) {
        if (this.#handle !== undefined) guarded(() => property(this.#handle, key, value));
      }
    }
    disconnectedCallback() {
      LIVE.delete(this);
      if (this.#handle === undefined) return;
      const handle = this.#handle;
      this.#handle = undefined;
      guarded(() => disconnect(handle));
    }
    attributeChangedCallback(attribute) {
      // A new source forgets the patient's label here too, so a moved element never replays
      // it onto the next patient.
      if (sourceNames.includes(attribute)) this.#values.delete(labelName);
      if (this.#handle !== undefined) guarded(() => changed(this.#handle));
    }
    static setProperty(element, key, value) {
      if (sourceNames.includes(key)) element.#values.delete(labelName);
      element.#values.set(key, value);
      if (element.#handle !== undefined) guarded(() => property(element.#handle, key, value));
    }
    static getProperty(element, key) { return element.#values.get(key); }
  }
  for (const key of PROPERTIES) {
    Object.defineProperty(News2Widget.prototype, key, {
      get() { return News2Widget.getProperty(this, key); },
      set(value) { News2Widget.setProperty(this, key, value); },
      enumerable: true,
      configurable: true,
    });
  }
  customElements.define(name, News2Widget);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = news2DefineElement)]
    fn define_element(
        name: &str,
        observed: js_sys::Array,
        properties: js_sys::Array,
        connect: &Closure<dyn FnMut(HtmlElement) -> u32>,
        disconnect: &Closure<dyn FnMut(u32)>,
        changed: &Closure<dyn FnMut(u32)>,
        property: &Closure<dyn FnMut(u32, String, JsValue)>,
        broken_texts: JsValue,
        internal_error: String,
        source_names: js_sys::Array,
        label_name: &str,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(js_name = news2Dispatch)]
    fn dispatch_later(element: &HtmlElement, name: &str, detail: String);

    #[wasm_bindgen(js_name = news2Broken)]
    fn show_broken();
}

/// A mounted widget: its element, its inputs and what unmounts it.
struct Mounted {
    element: HtmlElement,
    inputs: WidgetInputs,
    properties: Properties,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

thread_local! {
    /// One parsed stylesheet, adopted by every widget's shadow root.
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
    static MOUNTED: RefCell<HashMap<u32, Mounted>> = RefCell::new(HashMap::new());
    static NEXT: RefCell<u32> = const { RefCell::new(0) };
}

/// The attributes and properties that decide whose data is shown: a change of any of them
/// forgets the patient's label (`patientLabel`), which the host sets again for the new patient.
const SOURCE_NAMES: [&str; 6] = [
    "src",
    "fhir-base",
    "source-kind",
    "patient",
    "history",
    "nationalId",
];

/// Defines `<news2-widget>` on this page (once; later calls do nothing).
pub fn define() -> Result<(), JsValue> {
    let observed: js_sys::Array = attributes::OBSERVED
        .iter()
        .map(|&a| JsValue::from(a))
        .collect();
    let properties: js_sys::Array = Property::ALL
        .iter()
        .map(|p| JsValue::from(p.name()))
        .collect();
    let connect = Closure::<dyn FnMut(HtmlElement) -> u32>::new(connect);
    let disconnect = Closure::<dyn FnMut(u32)>::new(|handle| {
        // Dropping the mount handle unmounts the view and runs every cleanup: done outside the
        // borrow, so nothing a cleanup triggers can find the registry locked.
        let removed = MOUNTED.with(|m| m.borrow_mut().remove(&handle));
        drop(removed);
    });
    let changed = Closure::<dyn FnMut(u32)>::new(|handle| {
        MOUNTED.with(|m| {
            let refused = m.borrow().get(&handle).and_then(|mounted| {
                apply_attributes(&mounted.element, mounted.inputs, &mounted.properties)
                    .map(|message| (mounted.element.clone(), message))
            });
            // Told outside the borrow: a host listener may change the element at once.
            if let Some((element, message)) = refused {
                dispatch(&element, &events::config_error(&message));
            }
        });
    });
    let property = Closure::<dyn FnMut(u32, String, JsValue)>::new(set_property);
    define_element(
        ELEMENT_NAME,
        observed,
        properties,
        &connect,
        &disconnect,
        &changed,
        &property,
        broken_texts(),
        events::internal_error().detail().to_string(),
        SOURCE_NAMES.iter().map(|&n| JsValue::from(n)).collect(),
        Property::PatientLabel.name(),
    )?;
    install_panic_hook();
    // The element class calls these for the page's lifetime.
    connect.forget();
    disconnect.forget();
    changed.forget();
    property.forget();
    Ok(())
}

fn connect(element: HtmlElement) -> u32 {
    let handle = NEXT.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n
    });
    let Some(container) = shadow_container(&element) else {
        // A host that gave the element a closed shadow root of its own, or a browser without
        // constructable stylesheets: nothing can be drawn, and the host must know.
        dispatch(
            &element,
            &events::config_error("the widget could not create its shadow root here"),
        );
        return handle;
    };
    let inputs_out = std::rc::Rc::new(RefCell::new(None));
    let inputs_in = inputs_out.clone();
    let host = element.clone();
    let mount_handle = leptos::mount::mount_to(container, move || {
        let inputs = WidgetInputs::new();
        *inputs_in.borrow_mut() = Some(inputs);
        if let Some(message) = apply_attributes(&host, inputs, &Properties::default()) {
            dispatch(&host, &events::config_error(&message));
        }
        let target = send_wrapper::SendWrapper::new(host.clone());
        let on_event = EventSink::new(move |event: WidgetEvent| dispatch(&target, &event));
        view! { <Widget inputs on_event /> }.into_any()
    });
    if let Some(inputs) = inputs_out.borrow_mut().take() {
        MOUNTED.with(|m| {
            m.borrow_mut().insert(
                handle,
                Mounted {
                    element,
                    inputs,
                    properties: Properties::default(),
                    _handle: mount_handle,
                },
            )
        });
    }
    handle
}

/// The widget's stylesheet, parsed once per page.
fn stylesheet() -> Option<web_sys::CssStyleSheet> {
    SHEET.with(|cached| {
        if let Some(sheet) = cached.borrow().as_ref() {
            return Some(sheet.clone());
        }
        let sheet = web_sys::CssStyleSheet::new().ok()?;
        sheet.replace_sync(STYLESHEET).ok()?;
        *cached.borrow_mut() = Some(sheet.clone());
        Some(sheet)
    })
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
    let sheet = stylesheet()?;
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &sheets).ok()?;
    let document = element.owner_document()?;
    let container: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    shadow.append_child(&container).ok()?;
    Some(container)
}

/// A property set by the host: read, checked and handed to the widget. One it cannot use is
/// reported as a `news2-error` of kind `config`, and the widget keeps what it had.
fn set_property(handle: u32, key: String, value: JsValue) {
    let Some(property) = Property::from_name(&key) else {
        return;
    };
    let change = properties::read(property, value);
    let refused = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let mounted = mounted.get_mut(&handle)?;
        let inputs = mounted.inputs;
        match change {
            Err(message) => {
                let element = mounted.element.clone();
                if property.decides_the_source() {
                    // The value it was to replace goes too: the host meant another source (it
                    // may be another patient's), so the old one must not stay on screen.
                    match property {
                        Property::History => mounted.properties.history = None,
                        _ => mounted.properties.national_id = None,
                    }
                    mounted.properties.refused = Some(message.clone());
                    // Shown at once instead of any other source; the host hears it below.
                    let _ = apply_attributes(&mounted.element, inputs, &mounted.properties);
                }
                // A refused author leaves none: the previous one must not sign new entries. Nor
                // does a refused label leave the previous one naming the patient.
                match property {
                    Property::Author => inputs.author.set(Author::default()),
                    Property::PatientLabel => inputs.patient_label.set(None),
                    _ => {}
                }
                return Some((element, message));
            }
            Ok(Change::History(bundle)) => {
                mounted.properties.history = bundle;
                mounted.properties.refused = None;
                // Even the same Bundle again: the host may mean another patient.
                inputs.patient_label.set(None);
            }
            Ok(Change::NationalId(id)) => {
                mounted.properties.national_id = id;
                mounted.properties.refused = None;
                inputs.patient_label.set(None);
            }
            Ok(Change::Scale2(decision)) => mounted.properties.scale_2 = decision,
            Ok(Change::Author(author)) => inputs.author.set(author),
            // Tied to the source in force now: it names this patient only.
            Ok(Change::PatientLabel(label)) => {
                inputs.patient_label.set(label.map(|label| PatientLabel {
                    label,
                    source: inputs.source.get_untracked(),
                }))
            }
            Ok(Change::Texts(texts)) => inputs.texts.set(texts),
            Ok(Change::Auth(callback)) => {
                inputs.auth.set_value(callback);
                // New credentials: load again (a load without them may have been refused).
                if matches!(inputs.source.get_untracked(), DataSource::Fhir(_)) {
                    inputs.reload.update(|r| *r += 1);
                }
            }
        }
        apply_attributes(&mounted.element, inputs, &mounted.properties)
            .map(|message| (mounted.element.clone(), message))
    });
    // Told outside the borrow: a host listener may set another property at once.
    if let Some((element, message)) = refused {
        dispatch(&element, &events::config_error(&message));
    }
}

/// Hands the attributes (and the properties that decide the source) to the widget; returns why
/// an attribute was refused, for a `news2-error`.
fn apply_attributes(
    element: &HtmlElement,
    inputs: WidgetInputs,
    properties: &Properties,
) -> Option<String> {
    let get = |name: &str| element.get_attribute(name);
    let mut refused: Vec<String> = Vec::new();
    let kind = attributes::source_kind(get("source-kind").as_deref());
    let base = get("fhir-base").filter(|base| !base.trim().is_empty());
    let source = match (
        &properties.refused,
        &properties.history,
        &properties.national_id,
        base,
        kind,
    ) {
        (Some(message), _, _, _, _) => DataSource::Misconfigured(message.clone()),
        (None, Some(bundle), _, _, _) => DataSource::Bundle(bundle.clone()),
        (None, None, _, _, Err(message)) => {
            refused.push(message.clone());
            DataSource::Misconfigured(message)
        }
        (None, None, Some(national_id), Some(base), Ok(kind)) => {
            let (base, national_id) = (base.trim().to_string(), national_id.clone());
            DataSource::Fhir(match kind {
                SourceKind::Fhir => Source::NationalId { base, national_id },
                SourceKind::Pmd => Source::Pmd { base, national_id },
            })
        }
        (None, None, _, _, Ok(SourceKind::Pmd)) => {
            let message = "source-kind=\"pmd\": Pasientens måledata is searched by national \
                           identity number only: set fhir-base and the nationalId property"
                .to_string();
            refused.push(message.clone());
            DataSource::Misconfigured(message)
        }
        _ => match ["patient", "src", "fhir-base"]
            .into_iter()
            .find(|&name| attributes::holds_national_id(get(name).as_deref()))
        {
            Some(name) => {
                let message = format!(
                    "{name}: holds 11 digits in a row, as a national identity number would; \
                     such a number is never put in a URL (set the nationalId property instead)"
                );
                refused.push(message.clone());
                DataSource::Misconfigured(message)
            }
            None => match attributes::source(
                get("src").as_deref(),
                get("fhir-base").as_deref(),
                get("patient").as_deref(),
            ) {
                DataSource::None => DataSource::None,
                source => source,
            },
        },
    };
    // Set only what changed, so a change of language does not reload the history.
    if inputs.source.get_untracked() != source {
        inputs.source.set(source);
        // Another patient, or none: the label named the one before.
        inputs.patient_label.set(None);
    }
    let language = attributes::language(get("lang").as_deref());
    if inputs.language.get_untracked() != language {
        inputs.language.set(language);
    }
    let mode = attributes::mode(get("mode").as_deref());
    if inputs.mode.get_untracked() != mode {
        inputs.mode.set(mode);
    }
    let variant = attributes::variant(get("variant").as_deref());
    if inputs.variant.get_untracked() != variant {
        inputs.variant.set(variant);
    }
    let demo = attributes::flag(get("demo").as_deref());
    let now = attributes::now(get("now").as_deref(), demo).unwrap_or_else(|why| {
        refused.push(why);
        None
    });
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
    let from_attributes = attributes::scale_2(
        get("spo2-scale").as_deref(),
        get("spo2-scale-by").as_deref(),
        get("spo2-scale-at").as_deref(),
        get("spo2-scale-until").as_deref(),
    )
    .unwrap_or_else(|why| {
        refused.push(why);
        None
    });
    let scale_2 = properties.scale_2.clone().or(from_attributes);
    if inputs.scale_2.get_untracked() != scale_2 {
        inputs.scale_2.set(scale_2);
    }
    (!refused.is_empty()).then(|| refused.join("; "))
}

/// Sends `event` from the element, bubbling and composed so the host hears it outside the
/// shadow root, once the widget's code has returned: a listener that removes, moves or
/// reconfigures the element never runs inside it.
fn dispatch(element: &HtmlElement, event: &WidgetEvent) {
    dispatch_later(element, event.name(), event.detail().to_string());
}

/// What a stopped widget says, per language, for the element's script to show without Rust.
fn broken_texts() -> JsValue {
    let texts = js_sys::Object::new();
    for language in Language::ALL {
        let words = trouble_words(Trouble::Internal, language);
        let entry = js_sys::Object::new();
        for (key, value) in [
            ("lang", language.code()),
            ("title", words.title),
            ("advice", words.advice),
        ] {
            let _ = js_sys::Reflect::set(&entry, &key.into(), &value.into());
        }
        let _ = js_sys::Reflect::set(&texts, &language.code().into(), &entry);
    }
    texts.into()
}

/// The last line against a defect: a panic shows a visible error on every widget and tells each
/// host (`news2-error`, kind `internal`), instead of leaving them "loading" for good. The hook
/// before it (the test runner's, say) still runs.
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            show_broken();
            previous(info);
        }));
    });
}
