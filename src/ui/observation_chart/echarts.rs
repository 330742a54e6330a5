//! The few ECharts calls the chart needs, bound to the global `echarts` the page loads.
//!
//! charming's own renderer is not used: it finds its container by id (so it cannot reach into a
//! shadow root, and ids clash with two widgets on a page), has no dispose (instances leak) and
//! builds formatters with `new Function` (blocked by a strict CSP). charming builds the option;
//! these bindings draw it. Every call can fail (no ECharts on the page, a bad option): each is
//! `catch`, so a failure becomes an `Err` and never a trap that would kill the widget.

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance bound to one element.
    #[derive(Clone, Debug)]
    pub type ECharts;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(
        element: &HtmlElement,
        theme: &JsValue,
        options: &JsValue,
    ) -> Result<ECharts, JsValue>;

    #[wasm_bindgen(method, catch, js_name = setOption)]
    fn set_option_with(this: &ECharts, option: &JsValue, settings: &JsValue)
    -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn resize(this: &ECharts) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn dispose(this: &ECharts) -> Result<(), JsValue>;
}

/// An instance drawing into `element` with the canvas renderer, or why not.
pub fn init(element: &HtmlElement) -> Result<ECharts, JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"renderer".into(), &"canvas".into())?;
    echarts_init(element, &JsValue::NULL, &options)
}

impl ECharts {
    /// Replaces the whole option (`notMerge`), so series of an earlier history never linger.
    pub fn replace_option(&self, option: &serde_json::Value) -> Result<(), JsValue> {
        let option = js_sys::JSON::parse(&option.to_string())?;
        let settings = js_sys::Object::new();
        js_sys::Reflect::set(&settings, &"notMerge".into(), &JsValue::TRUE)?;
        self.set_option_with(&option, &settings)
    }
}
