//! The URL rules against the `url` crate, which implements the same WHATWG URL standard as
//! the browser's parser (the cases also run in the browser: tests/url_rules_browser.rs).
#![cfg(not(target_arch = "wasm32"))]

#[path = "fhir/url_cases.rs"]
mod url_cases;

use news2_widget::fhir::urls::{ParsedUrl, UrlParser};

struct WhatwgUrls;

impl UrlParser for WhatwgUrls {
    fn resolve(&self, reference: &str, base: &str) -> Option<ParsedUrl> {
        let base = url::Url::parse(base).ok()?;
        let mut url = base.join(reference).ok()?;
        url.set_fragment(None);
        Some(ParsedUrl {
            href: url.to_string(),
            origin: url.origin().ascii_serialization(),
            scheme: url.scheme().to_string(),
            has_credentials: !url.username().is_empty() || url.password().is_some(),
            path: url.path().to_string(),
            query: url.query().unwrap_or_default().to_string(),
        })
    }
}

#[test]
fn next_links_stay_home() {
    url_cases::next_links_stay_home(&WhatwgUrls);
}

#[test]
fn relative_links_resolve_against_their_page() {
    url_cases::relative_links_resolve_against_their_page(&WhatwgUrls);
}

#[test]
fn national_ids_stay_out_of_urls() {
    url_cases::national_ids_stay_out_of_urls(&WhatwgUrls);
}
