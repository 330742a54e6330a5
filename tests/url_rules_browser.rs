//! The URL rules against the browser's own URL parser, the one fetch uses.
#![cfg(target_arch = "wasm32")]

#[path = "fhir/url_cases.rs"]
mod url_cases;

use news2_widget::fhir::urls::BrowserUrls;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn next_links_stay_home() {
    url_cases::next_links_stay_home(&BrowserUrls);
}

#[wasm_bindgen_test]
fn relative_links_resolve_against_their_page() {
    url_cases::relative_links_resolve_against_their_page(&BrowserUrls);
}

#[wasm_bindgen_test]
fn national_ids_stay_out_of_urls() {
    url_cases::national_ids_stay_out_of_urls(&BrowserUrls);
}
