//! The few ECharts calls the chart needs, through a small bridge module that holds the ECharts
//! library (handed over by the distribution's entry module, else the page's global `echarts`).
//!
//! charming's own renderer is not used: it finds its container by id (so it cannot reach into a
//! shadow root, and ids clash with two widgets on a page), has no dispose (instances leak) and
//! builds formatters with `new Function` (blocked by a strict CSP). charming builds the option;
//! these bindings draw it. Every call can fail (no ECharts on the page, a bad option): each is
//! `catch`, so a failure becomes an `Err` and never a trap that would kill the widget.

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen(inline_js = r#"
let library = null;
let live = 0;
export function news2SetECharts(module) { library = module; }
export function echartsInit(element, theme, options) {
  const echarts = library ?? globalThis.echarts;
  if (!echarts) throw new Error("ECharts is not loaded");
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

    /// Gives the widget the ECharts module to draw with (the distribution passes the copy it
    /// ships); without it, the page's global `echarts`.
    #[wasm_bindgen(js_name = news2SetECharts)]
    pub fn set_echarts(module: &JsValue);

    #[wasm_bindgen(catch, js_name = echartsInit)]
    fn echarts_init(
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

/// An instance drawing into `element` with the canvas renderer, or why not.
pub fn init(element: &HtmlElement) -> Result<ECharts, JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"renderer".into(), &"canvas".into())?;
    echarts_init(element, &JsValue::NULL, &options)
}

impl ECharts {
    /// Frees the instance and its listeners.
    pub fn dispose(&self) -> Result<(), JsValue> {
        echarts_dispose(self)
    }

    /// Replaces the whole option (`notMerge`), so series of an earlier history never linger.
    pub fn replace_option(&self, option: &serde_json::Value) -> Result<(), JsValue> {
        let option = js_sys::JSON::parse(&option.to_string())?;
        let settings = js_sys::Object::new();
        js_sys::Reflect::set(&settings, &"notMerge".into(), &JsValue::TRUE)?;
        self.set_option_with(&option, &settings)
    }
}
