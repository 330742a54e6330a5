//! The few ECharts calls the chart needs, through a small bridge module that holds the ECharts
//! library: handed over by the distribution's entry module as a function that imports it (so it
//! is fetched only when a chart is first shown), or as the module itself; else the page's global
//! `echarts`.
//!
//! charming's own renderer is not used: it finds its container by id (so it cannot reach into a
//! shadow root, and ids clash with two widgets on a page), has no dispose (instances leak) and
//! builds formatters with `new Function` (blocked by a strict CSP). charming builds the option;
//! these bindings draw it. Every call can fail (no ECharts on the page, a bad option): each is
//! `catch`, so a failure becomes an `Err` and never a trap that would kill the widget.

use crate::chart_option::ChartOption;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen(inline_js = r#"
let source = null;
let loaded = null;
let attempts = 0;
let live = 0;
const LOAD_LIMIT_MS = 30000;
export function news2SetECharts(given) { source = given; loaded = null; attempts = 0; }
export function echartsLoad() {
  if (loaded) return loaded;
  const attempt = attempts;
  attempts += 1;
  const pending = typeof source === "function"
    ? Promise.resolve(attempt).then(source)
    : Promise.resolve(source ?? globalThis.echarts);
  // A load that hangs fails after a while, so the chart says it is unavailable.
  let timer;
  const limit = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error("ECharts did not arrive")), LOAD_LIMIT_MS);
  });
  loaded = Promise.race([pending, limit]).finally(() => clearTimeout(timer)).then((echarts) => {
    if (typeof echarts?.init !== "function") throw new Error("ECharts is not loaded");
    return echarts;
  });
  // A load that failed (the network, a missing file) is tried again by the next chart.
  loaded.catch(() => { loaded = null; });
  return loaded;
}
export function echartsInit(echarts, element, theme, options) {
  const chart = echarts.init(element, theme, options);
  live += 1;
  return chart;
}
export function echartsDispose(chart) {
  chart.dispose();
  live -= 1;
}
export function news2LiveCharts() { return live; }
"#)]
extern "C" {
    /// An ECharts instance bound to one element.
    #[derive(Clone, Debug)]
    pub type ECharts;

    /// The ECharts library, loaded.
    #[derive(Clone, Debug)]
    pub type Library;

    /// Gives the widget the ECharts module to draw with, or a function that imports it, given
    /// the number of the attempt (0 first; the distribution passes one for the build it ships,
    /// which asks for it under another URL after a failure); without it, the page's global
    /// `echarts`.
    #[wasm_bindgen(js_name = news2SetECharts)]
    pub fn set_echarts(source: &JsValue);

    /// The library, imported on the first call; the same promise for every chart after.
    #[wasm_bindgen(js_name = echartsLoad)]
    fn echarts_load() -> js_sys::Promise;

    #[wasm_bindgen(catch, js_name = echartsInit)]
    fn echarts_init(
        library: &Library,
        element: &HtmlElement,
        theme: &JsValue,
        options: &JsValue,
    ) -> Result<ECharts, JsValue>;

    #[wasm_bindgen(catch, js_name = echartsDispose)]
    fn echarts_dispose(chart: &ECharts) -> Result<(), JsValue>;

    /// How many ECharts instances the widgets on this page hold now: every widget removed from
    /// the page must bring it down again (checked by the leak test).
    #[wasm_bindgen(js_name = news2LiveCharts)]
    pub fn live_charts() -> u32;

    #[wasm_bindgen(method, catch, js_name = setOption)]
    fn set_option_with(this: &ECharts, option: &JsValue, settings: &JsValue)
    -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn resize(this: &ECharts) -> Result<(), JsValue>;
}

/// The library, once it has arrived (the first chart imports it), or why not.
pub async fn load() -> Result<Library, JsValue> {
    wasm_bindgen_futures::JsFuture::from(echarts_load())
        .await
        .map(JsCast::unchecked_into)
}

/// An instance drawing into `element` with the canvas renderer, or why not.
pub fn init(library: &Library, element: &HtmlElement) -> Result<ECharts, JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"renderer".into(), &"canvas".into())?;
    echarts_init(library, element, &JsValue::NULL, &options)
}

impl ECharts {
    /// Frees the instance and its listeners.
    pub fn dispose(&self) -> Result<(), JsValue> {
        echarts_dispose(self)
    }

    /// Replaces the whole option (`notMerge`), so series of an earlier history never linger.
    pub fn replace_option(&self, option: &ChartOption) -> Result<(), JsValue> {
        let text = option
            .to_json_text()
            .map_err(|error| JsValue::from_str(&error.to_string()))?;
        let option = js_sys::JSON::parse(&text)?;
        let settings = js_sys::Object::new();
        js_sys::Reflect::set(&settings, &"notMerge".into(), &JsValue::TRUE)?;
        self.set_option_with(&option, &settings)
    }
}
