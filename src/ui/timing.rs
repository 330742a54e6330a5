//! User Timing marks (`performance.mark`) at the moments that make the widget feel fast or
//! slow: the first page of history in, all data in hand, the banner, the chart and the table
//! drawn. The benchmark (tests/e2e/bench-views.mjs) reads them, and an integrator can see them
//! in the browser's performance panel. A mark carries only its name: no data.

/// The first page of a fetched history has arrived.
pub const FIRST_PAGE: &str = "news2:first-page";
/// Every page has arrived (or the host handed the Bundle over).
pub const DATA_IN_HAND: &str = "news2:data-in-hand";
pub const BANNER_DRAWN: &str = "news2:banner-drawn";
pub const CHART_DRAWN: &str = "news2:chart-drawn";
pub const TABLE_DRAWN: &str = "news2:table-drawn";

/// Marks of one name kept at most: the browser keeps marks for the page's lifetime, and an EHR
/// page stays open all shift while widgets come and go.
const KEPT: u32 = 50;

/// Marks `name` now; where the browser has no Performance API, nothing happens.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        if performance.get_entries_by_name(name).length() >= KEPT {
            performance.clear_marks_with_mark_name(name);
        }
        // A mark that cannot be made only loses a benchmark figure.
        let _ = performance.mark(name);
    }
}
