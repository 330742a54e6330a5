//! The module's JavaScript exports besides the element: defining it, handing it ECharts, and
//! the checks integrators run (version, chart instances, memory).

use wasm_bindgen::prelude::*;

use super::element::define;

/// The version of this build, for hosts that pin one.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// JavaScript: `defineElement()` defines `<news2-widget>` (the distribution's entry module calls
/// it; calling it again does nothing).
#[wasm_bindgen(js_name = defineElement)]
pub fn define_element_for_js() -> Result<(), JsValue> {
    define()
}

/// JavaScript: `useECharts(echarts)` gives the widgets the ECharts module to draw with, or a
/// function `(attempt) => import(…)` that loads it when the first chart is shown.
#[wasm_bindgen(js_name = useECharts)]
pub fn use_echarts(module: JsValue) {
    crate::ui::observation_chart::echarts::set_echarts(&module);
}

/// JavaScript: `chartCount()`, the ECharts instances the widgets on the page hold now; it falls
/// back when widgets are removed (a check for integrators' own leak tests).
#[wasm_bindgen(js_name = chartCount)]
pub fn chart_count() -> u32 {
    crate::ui::observation_chart::echarts::live_charts()
}

/// JavaScript: `memoryBytes()`, the size of the widgets' WebAssembly memory (it grows and never
/// shrinks, so it shows the peak; for integrators' own leak and load checks).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| memory.buffer())
        .ok()
        .and_then(|buffer| buffer.dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |buffer| f64::from(buffer.byte_length()))
}

/// JavaScript: `version()`, this build's version (`0.1.0`).
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    VERSION.to_string()
}
