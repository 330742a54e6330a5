//! Benchmark (not a test): a year of 4-hourly sets, UK Core shape, from bytes to scored sets,
//! with the time of each step, beside serde_json's own parsing of the same bytes.
//! Run with `cargo bench --bench fhir_read` (or `./scripts/bench.sh`); figures go in
//! docs/benchmarks.md.

#[path = "../tests/common/year.rs"]
mod year;

use std::time::Instant;

use news2_widget::chart_option::{ChartInput, TimeRange, observation_chart};
use news2_widget::clinical::News2;
use news2_widget::fhir::bundle::read_page;
use news2_widget::fhir::history::FhirHistory;
use news2_widget::i18n::Language;

const RUNS: usize = 15;

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let bytes = year::year_bundle();
    let (mut total, mut read, mut gather, mut group, mut tree) =
        (vec![], vec![], vec![], vec![], vec![]);
    let (mut option, mut text) = (vec![], vec![]);
    let mut complete = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let page = read_page(&bytes);
        read.push(ms(start));
        let step = Instant::now();
        let mut history = FhirHistory::new();
        history.add_page(page);
        gather.push(ms(step));
        let step = Instant::now();
        let grouped = history.group(None);
        complete = grouped
            .history
            .sets()
            .iter()
            .filter(|s| matches!(s.score(), News2::Complete(_)))
            .count();
        group.push(ms(step));
        total.push(ms(start));
        // The chart's option for the year (as the widget draws it first: the last 72 hours in
        // view, every set in the data), and its JSON text for ECharts.
        let step = Instant::now();
        let sets = &grouped.history;
        let chart = observation_chart(&ChartInput {
            history: sets,
            now: sets.sets().last().expect("a year of sets").taken_at(),
            range: TimeRange::Hours72,
            language: Language::Nb,
            format_time: &|t| format!("{}", t.millis()),
            width_px: 900,
        });
        option.push(ms(step));
        let step = Instant::now();
        let json = chart.to_json_text().expect("the option as text");
        text.push(ms(step));
        assert!(json.len() > 1_000_000);
        // The baseline: the same bytes into serde_json's tree, nothing read from it.
        let step = Instant::now();
        let value: serde_json::Value = serde_json::from_slice(&bytes).expect("the year is JSON");
        tree.push(ms(step));
        drop(value);
    }
    let (total, tree) = (median(total), median(tree));
    println!(
        "fhir_read: {} bytes, {complete} complete sets, medians of {RUNS} runs: bytes → scored sets \
         {total:.1} ms (read the page {:.1}, gather the copies {:.1}, group and score {:.1}); \
         serde_json::Value of the same bytes {tree:.1} ms; ratio {:.2}; then the chart's option \
         {:.1} ms and its JSON text {:.1} ms",
        bytes.len(),
        median(read),
        median(gather),
        median(group),
        total / tree,
        median(option),
        median(text)
    );
}
