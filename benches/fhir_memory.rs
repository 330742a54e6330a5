//! Benchmark (not a test): the heap a year of 4-hourly sets in one Bundle needs at each step,
//! natively, counted by a global allocator: what is held after each step and its peak on the
//! way. wasm memory never shrinks, so in the browser its size after loading is the largest of
//! these peaks plus what the views hold (benches/views.mjs measures that).
//! Run with `cargo bench --bench fhir_memory` (or `./scripts/bench.sh`).

#[path = "../tests/common/year.rs"]
mod year;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use news2_widget::chart_option::{ChartInput, TimeRange, observation_chart};
use news2_widget::clinical::escalation::texts::Language;
use news2_widget::fhir::bundle::read_page;
use news2_widget::fhir::history::FhirHistory;

/// Counts the bytes held, and the most held since the last `start`.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(held, Relaxed);
        // SAFETY: as the caller's contract for `alloc`.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Relaxed);
        // SAFETY: as the caller's contract for `dealloc`.
        unsafe { System.dealloc(pointer, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// Runs a step and says what it left held and its peak, above what was held before it.
fn step<T>(name: &str, run: impl FnOnce() -> T) -> T {
    let before = HELD.load(Relaxed);
    PEAK.store(before, Relaxed);
    let result = run();
    println!(
        "fhir_memory: {name}: peak +{}, then held +{} ({} in all)",
        mb(PEAK.load(Relaxed) - before),
        mb(HELD.load(Relaxed).saturating_sub(before)),
        mb(HELD.load(Relaxed))
    );
    result
}

fn main() {
    let bytes = year::year_bundle();
    println!("fhir_memory: a Bundle of {}", mb(bytes.len()));
    let page = step("read the page", || read_page(&bytes));
    drop(bytes);
    let history = step("gather the copies (the Bundle's bytes freed)", || {
        let mut history = FhirHistory::new();
        history.add_page(page);
        history
    });
    let grouped = step("group and score", || history.group(None));
    assert_eq!(grouped.history.sets().len(), 2190);
    // As the widget first draws the year: the last 72 hours in view, every set in the data.
    let sets = &grouped.history;
    let text = step("the chart's option and its JSON text", || {
        observation_chart(&ChartInput {
            history: sets,
            now: sets.sets().last().expect("a year of sets").taken_at(),
            range: TimeRange::Hours72,
            language: Language::Nb,
            format_time: &|t| format!("{}", t.millis()),
            width_px: 900,
        })
        .to_json_text()
        .expect("the option as text")
    });
    println!(
        "fhir_memory: the option's text is {} (room made for {})",
        mb(text.len()),
        mb(text.capacity())
    );
}
