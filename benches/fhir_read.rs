//! Benchmark (not a test): a year of 4-hourly sets, UK Core shape, from bytes to scored sets.
//! Run with `cargo bench --bench fhir_read`; figures go in docs/benchmarks.md.

#[path = "../tests/common/year.rs"]
mod year;

use std::time::Instant;

use news2_widget::clinical::News2;
use news2_widget::fhir::bundle::read_page;
use news2_widget::fhir::history::FhirHistory;

fn main() {
    let bytes = year::year_bundle();
    let mut times = Vec::new();
    let mut complete = 0;
    for _ in 0..15 {
        let start = Instant::now();
        let mut history = FhirHistory::new();
        history.add_page(read_page(&bytes));
        let grouped = history.group(None);
        complete = grouped
            .history
            .sets()
            .iter()
            .filter(|s| matches!(s.score(), News2::Complete(_)))
            .count();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "fhir_read: {} bytes, {complete} complete sets; median {:.1} ms, min {:.1} ms, max {:.1} ms over {} runs",
        bytes.len(),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
}
