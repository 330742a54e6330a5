//! Every set, newest first: values with their sub-scores numbered and coloured, the total, and
//! marks for incomplete, flagged, disagreeing and unsaved sets. It is also the accessible
//! alternative to the chart, so it holds everything the chart shows, as text: under each time,
//! the set's sources (the service marks on the chart are spelled out here in full).
//!
//! With sets from several services it can be filtered by service ([`filter`]); it then says
//! how many sets it shows of how many, and never hides an entry not yet saved.

pub mod filter;
pub mod types;

use leptos::prelude::*;

use crate::clinical::Parameter;
use crate::clinical::observation_set::CLOCK_SKEW;
use crate::clinical::time::Timestamp;
use crate::fhir::pending::SaveState;
use crate::i18n::format::{LocalZone, clock, date_time, iso_utc};
use crate::i18n::response::line as response_line;
use crate::i18n::{Language, provenance, words};
use crate::ui::set_view::{TotalView, parameters};
use filter::{ServiceFilter, service_choices, service_names, still_chosen, worth_offering};
use types::{Row, page, page_count};

#[component]
pub fn HistoryTable(
    rows: Signal<Vec<Row>>,
    language: Signal<Language>,
    /// The clock, to mark sets dated after it.
    now: Signal<Timestamp>,
    zone: &'static dyn LocalZone,
) -> impl IntoView {
    let current = RwSignal::new(0usize);
    // On paper every row is printed, not the page on screen.
    let printing = RwSignal::new(false);
    let before = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    // The filter by service (a plain type, `filter`): what the nurse chose, and what is in
    // force, which falls back to All at once when the rows no longer offer the choice, before
    // any row is drawn with it.
    let choice = RwSignal::new(ServiceFilter::All);
    let choices = Memo::new(move |_| rows.with(|r| service_choices(r)));
    let active = Memo::new(move |_| choices.with(|c| choice.with(|f| still_chosen(f, c))));
    // A choice once dropped stays dropped: it must not come back by itself with the next
    // reload, hiding sets the nurse no longer expects to be hidden.
    Effect::new(move |_| {
        let kept = active.get();
        if choice.with_untracked(|f| *f != kept) {
            choice.set(kept);
        }
    });
    // The filtered rows, or `None` for all of them: a year's 2,190 rows are not copied to be
    // shown unfiltered.
    let kept_rows = Memo::new(move |_| {
        active.with(|f| (*f != ServiceFilter::All).then(|| rows.with(|r| filter::filter(r, f))))
    });
    let shown_count = move || {
        kept_rows
            .with(|kept| kept.as_ref().map(Vec::len))
            .unwrap_or_else(|| rows.with(Vec::len))
    };
    let pages = Memo::new(move |_| page_count(shown_count()));
    // A new history (a reload, a new entry) or another filter starts again at the newest sets.
    Effect::new(move |_| {
        rows.track();
        active.track();
        current.set(0);
    });
    let body = move || {
        let lang = language.get();
        let now = now.get();
        let draw = |rows: &[Row]| {
            let shown = if printing.get() {
                rows
            } else {
                page(rows, current.get())
            };
            shown
                .iter()
                .map(|row| table_row(row, lang, now, zone))
                .collect_view()
        };
        kept_rows.with(|kept| match kept {
            Some(kept) => draw(kept),
            None => rows.with(|all| draw(all)),
        })
    };
    // Runs after the rows are in the document.
    Effect::new(move |_| {
        rows.track();
        active.track();
        current.track();
        crate::ui::timing::mark(crate::ui::timing::TABLE_DRAWN);
    });
    let heading = move || words(language.get()).table_heading;
    view! {
        <section class="news2-history" aria-labelledby="news2-history-heading">
            <h2 id="news2-history-heading" class="news2-heading">{heading}</h2>
            {move || {
                let lang = language.get();
                let w = words(lang);
                choices.with(|offered| worth_offering(offered).then(|| {
                    // Rendered once per set of choices; the select keeps the nurse's choice
                    // itself (re-rendering it on each choice would take her focus away).
                    let chosen = active.get_untracked();
                    let options = offered
                        .iter()
                        .enumerate()
                        .map(|(i, f)| {
                            let text = match f {
                                ServiceFilter::All => w.all_services.to_string(),
                                ServiceFilter::Service(key) => provenance::service(lang, key),
                                ServiceFilter::Unknown => w.unknown_source.to_string(),
                            };
                            // The option's value is its place in `choices`, read back from the
                            // same memo: no name from the data goes into an attribute.
                            view! { <option value=i.to_string() selected=*f == chosen>{text}</option> }
                        })
                        .collect_view();
                    view! {
                        <div class="news2-history__filter">
                            <label for="news2-history-filter">{w.service_filter}</label>
                            <select
                                id="news2-history-filter"
                                on:change=move |ev| {
                                    let index = event_target_value(&ev).parse::<usize>().ok();
                                    let next = index
                                        .and_then(|i| choices.with_untracked(|c| c.get(i).cloned()))
                                        .unwrap_or_default();
                                    choice.set(next);
                                }
                            >
                                {options}
                            </select>
                        </div>
                    }
                }))
            }}
            // Always in the document, so screen readers hear it change; empty (and hidden)
            // while every set is shown.
            <p class="news2-history__filtered" aria-live="polite">
                {move || {
                    let lang = language.get();
                    let all = rows.with(Vec::len);
                    let shown = shown_count();
                    active
                        .with(|f| *f != ServiceFilter::All)
                        .then(|| words::shown_of(lang, shown, all))
                }}
            </p>
            // The table's roles are written out: below about 500 px its parts are laid out as
            // blocks (a card per set, style/history-table.css), and some engines drop a
            // table's semantics with its display.
            <div class="news2-history__scroll" tabindex="0" role="region" aria-labelledby="news2-history-heading">
                <table class="news2-history__table" role="table">
                    <caption>{move || words(language.get()).table_caption}</caption>
                    <thead role="rowgroup">
                        <tr role="row">
                            // Time and total first: what a nurse reads before the parameters.
                            <th scope="col" role="columnheader">{move || words(language.get()).time}</th>
                            <th scope="col" role="columnheader">{move || words(language.get()).total}</th>
                            {Parameter::ALL.into_iter().map(|p| view! {
                                <th scope="col" role="columnheader">{move || words::parameter(language.get(), p)}</th>
                            }).collect_view()}
                            <th scope="col" role="columnheader">{move || words(language.get()).flags}</th>
                        </tr>
                    </thead>
                    <tbody role="rowgroup">{body}</tbody>
                </table>
            </div>
            <nav class="news2-pager" aria-label=move || words(language.get()).table_heading>
                <button
                    type="button"
                    class="news2-button"
                    disabled=move || current.get() == 0
                    on:click=move |_| current.set(0)
                >
                    {move || words(language.get()).first_page}
                </button>
                <button
                    type="button"
                    class="news2-button"
                    disabled=move || current.get() == 0
                    on:click=move |_| current.update(|p| *p = p.saturating_sub(1))
                >
                    {move || words(language.get()).previous_page}
                </button>
                <span class="news2-pager__position" aria-live="polite">
                    {move || words::page_of(language.get(), current.get() + 1, pages.get())}
                </span>
                <button
                    type="button"
                    class="news2-button"
                    disabled=move || { current.get() + 1 >= pages.get() }
                    on:click=move |_| current.update(|p| *p = (*p + 1).min(pages.get() - 1))
                >
                    {move || words(language.get()).next_page}
                </button>
                <button
                    type="button"
                    class="news2-button"
                    disabled=move || { current.get() + 1 >= pages.get() }
                    on:click=move |_| current.set(pages.get() - 1)
                >
                    {move || words(language.get()).last_page}
                </button>
            </nav>
        </section>
    }
}

fn table_row(
    row: &Row,
    language: Language,
    now: Timestamp,
    zone: &'static dyn LocalZone,
) -> impl IntoView + use<> {
    let w = words(language);
    let set = &row.set;
    let cells = parameters(set, language)
        .into_iter()
        .map(|p| {
            let text = match (&p.value, p.sub_score) {
                (Some(value), Some(score)) => format!("{value} ({score})"),
                (Some(value), None) => value.clone(),
                (None, Some(score)) => format!("— ({score}, {})", w.stated_by_source),
                (None, None) => "—".to_string(),
            };
            view! {
                <td
                    role="cell"
                    class="news2-history__value"
                    data-label=words::parameter(language, p.parameter)
                    class:news2-history__value--verify=p.verify
                    data-score=p.sub_score.map(|s| s.to_string()).unwrap_or_default()
                >
                    {text}
                    {p.verify.then(|| view! { <span class="news2-flag">" ⚠ "{w.flagged}</span> })}
                    {(!p.conflicting.is_empty()).then(|| view! {
                        <span class="news2-flag">" ⚠ "{w.conflict_also}" "{p.conflicting.join(", ")}</span>
                    })}
                    {p.earlier.iter().map(|(value, at)| view! {
                        <span class="news2-history__earlier">
                            " ("{w.rechecked_earlier}" "{value.clone()}", "<time datetime=iso_utc(*at)>{clock(*at, zone)}</time>")"
                        </span>
                    }).collect_view()}
                </td>
            }
        })
        .collect_view();
    let total = TotalView::of(set);
    let mut notes: Vec<&str> = Vec::new();
    if set.taken_at() > now.plus(CLOCK_SKEW) {
        notes.push(w.future_dated);
    }
    if row.flags.incomplete {
        notes.push(w.incomplete);
    }
    if row.flags.conflicting {
        notes.push(w.conflicting);
    }
    if row.flags.rechecked {
        notes.push(w.rechecked);
    }
    if row.flags.rescored {
        notes.push(w.rescored);
    }
    if row.flags.flagged {
        notes.push(w.flagged);
    }
    if row.flags.disagrees {
        notes.push(w.disagrees);
    }
    match &row.flags.unsaved {
        Some(SaveState::NotSaved) => notes.push(w.unsaved),
        Some(SaveState::Saved) => notes.push(w.saved_waiting),
        Some(SaveState::Saving) => notes.push(w.saving),
        Some(SaveState::Failed(_)) => notes.push(w.save_failed),
        None => {}
    }
    let total_text = match total {
        TotalView::Computed { total, .. } => total.to_string(),
        TotalView::Stated { total, .. } => format!("{total} ({})", w.not_recomputed),
        TotalView::None => "—".to_string(),
    };
    // Which service, who and which system: the information shared services exist to share.
    let sources = provenance::lines(language, &set.details.provenance);
    let services = service_names(set).join(" ");
    view! {
        <tr
            role="row"
            data-services=services
            class:news2-history__row--unsaved=row.flags.unsaved.is_some()
            class:news2-history__row--incomplete=row.flags.incomplete
        >
            <th scope="row" role="rowheader">
                <time datetime=iso_utc(set.taken_at())>{date_time(set.taken_at(), zone)}</time>
                {sources.into_iter().map(|line| view! {
                    <span class="news2-history__source">{line}</span>
                }).collect_view()}
            </th>
            <td role="cell" class="news2-history__total" data-risk=total.risk_name() data-label=w.total>{total_text}</td>
            {cells}
            <td role="cell" class="news2-history__notes" data-label=w.flags>
                {notes.join(" · ")}
                {row.responses.iter().map(|r| view! {
                    <span class="news2-history__response">{response_line(language, r, zone)}</span>
                }).collect_view()}
            </td>
        </tr>
    }
}
