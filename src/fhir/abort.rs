//! Abort signals that combine a timeout with cancellation, in every browser the widget supports.
//!
//! `AbortSignal.any` and `AbortSignal.timeout` are recent (Chrome 116 and 103, Safari 17.4 and
//! 16); where they are missing, one controller is aborted by a timer or by the other signal,
//! so a request is never left without its timeout.

use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

#[wasm_bindgen(inline_js = r#"
export function news2EitherSignal(first, second) {
  if (typeof AbortSignal.any === "function") return AbortSignal.any([first, second]);
  const controller = new AbortController();
  for (const signal of [first, second]) {
    if (signal.aborted) { controller.abort(signal.reason); break; }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
export function news2TimeoutSignal(ms) {
  if (typeof AbortSignal.timeout === "function") return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException("The request timed out", "TimeoutError")), ms);
  return controller.signal;
}
"#)]
extern "C" {
    /// Aborted as soon as either is.
    #[wasm_bindgen(js_name = news2EitherSignal)]
    pub fn either(first: &AbortSignal, second: &AbortSignal) -> AbortSignal;

    /// Aborted with a `TimeoutError` after `ms` milliseconds.
    #[wasm_bindgen(js_name = news2TimeoutSignal)]
    pub fn timeout(ms: u32) -> AbortSignal;
}
