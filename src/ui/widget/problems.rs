//! What could not be used, listed: nothing is skipped silently.

use leptos::prelude::*;

use crate::clinical::time::Timestamp;
use crate::fhir::history::Grouped;
use crate::i18n::format::{LocalZone, date_time};
use crate::i18n::{Language, words};

/// Every Observation that could not be used, named, and every set dated in the future: nothing
/// is skipped silently.
#[component]
pub(super) fn Problems(
    grouped: Memo<Option<Grouped>>,
    future: Memo<Vec<Timestamp>>,
    language: Signal<Language>,
    zone: &'static dyn LocalZone,
) -> impl IntoView {
    move || {
        let lang = language.get();
        let w = words(lang);
        let future_items: Vec<String> = future.with(|f| {
            f.iter()
                .map(|&at| format!("{}: {}", date_time(at, zone), w.future_dated))
                .collect()
        });
        grouped.with(|g| {
            let problems = g.as_ref().map_or(&[][..], |g| g.problems.as_slice());
            let count = problems.len() + future_items.len();
            (count > 0).then(|| {
                let items = problems
                    .iter()
                    .map(|p| {
                        let text = match &p.resource {
                            Some(resource) => format!("{resource}: {}", p.message),
                            None => p.message.clone(),
                        };
                        view! { <li lang="en">{text}</li> }
                    })
                    .collect_view();
                let future = future_items
                    .into_iter()
                    .map(|text| view! { <li>{text}</li> })
                    .collect_view();
                view! {
                    <details class="news2-problems" open=true>
                        <summary>{format!("{} ({count})", w.problems_heading)}</summary>
                        <ul>{future}{items}</ul>
                    </details>
                }
            })
        })
    }
}
