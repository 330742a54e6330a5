//! Benchmark (not a test; ignored unless asked for): the year of sets of benches/fhir_read.rs,
//! mapped in headless Chromium, beside the browser's own JSON.parse of the same bytes. Run with
//! `./scripts/bench.sh`; figures go in docs/benchmarks.md.
#![cfg(target_arch = "wasm32")]

#[path = "common/year.rs"]
mod year;

use news2_widget::clinical::News2;
use news2_widget::fhir::bundle::read_page;
use news2_widget::fhir::history::FhirHistory;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

#[wasm_bindgen_test]
#[ignore]
fn year_of_sets_in_the_browser() {
    let performance = web_sys::window().unwrap().performance().unwrap();
    let bytes = year::year_bundle();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let (mut ours, mut parse) = (Vec::new(), Vec::new());
    let mut complete = 0;
    for _ in 0..9 {
        let start = performance.now();
        let mut history = FhirHistory::new();
        history.add_page(read_page(&bytes));
        let grouped = history.group(None);
        complete = grouped
            .history
            .sets()
            .iter()
            .filter(|s| matches!(s.score(), News2::Complete(_)))
            .count();
        ours.push(performance.now() - start);
        let start = performance.now();
        let parsed = js_sys::JSON::parse(&text).unwrap();
        parse.push(performance.now() - start);
        assert!(parsed.is_object());
    }
    // Memory is measured on the distribution (benches/views.mjs): here the year's generation
    // has already grown wasm memory past what reading needs.
    let (ours, parse) = (median(ours), median(parse));
    console_log!(
        "bench_browser: {} bytes, {complete} complete sets; news2-widget bytes → scored sets median {ours:.1} ms; JSON.parse alone median {parse:.1} ms (9 runs); ratio {:.2}",
        bytes.len(),
        ours / parse
    );
}
