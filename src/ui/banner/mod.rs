//! The escalation banner: the engine's [`Decision`], rendered.
//!
//! Title, response and monitoring come from the engine in the widget's language; this view adds
//! only the level's symbol and words (so colour is never the only cue), the other levels that
//! apply, the notices, the due time, and an acknowledgement button for the host's audit trail.

pub mod types;

use leptos::prelude::*;

use crate::clinical::escalation::{Decision, Level};
use crate::i18n::format::{LocalZone, date_time, duration};
use crate::i18n::{Language, words, words::level as level_words};
use types::presentation;

#[component]
pub fn EscalationBanner(
    decision: Signal<Decision>,
    language: Signal<Language>,
    zone: &'static dyn LocalZone,
    /// Called when the nurse acknowledges the banner (the host logs it).
    on_acknowledge: Callback<Decision>,
) -> impl IntoView {
    // What was acknowledged: the level and its title, so the acknowledgement stands while the
    // clock moves on and lapses when the situation changes.
    let acknowledged = RwSignal::new(None::<(Level, String)>);
    // Runs after each new decision is in the document.
    Effect::new(move |_| {
        decision.track();
        crate::ui::timing::mark(crate::ui::timing::BANNER_DRAWN);
    });
    let look = Memo::new(move |_| decision.with(|d| presentation(d.level)));
    // The announced part changes only when what the nurse must do changes, never with the
    // clock: a live region re-read every half minute would drown everything else out.
    let announced = Memo::new(move |_| {
        decision.with(|d| {
            (
                d.level,
                d.title.clone(),
                d.response.clone(),
                d.monitoring.clone(),
            )
        })
    });
    let is_acknowledged = move || {
        let now = decision.with(|d| (d.level, d.title.clone()));
        acknowledged.with(|a| a.as_ref() == Some(&now))
    };
    let w = move || words(language.get());
    view! {
        <section
            class=move || format!("news2-banner {}", look.get().tone.class())
            data-level=move || decision.with(|d| format!("{:?}", d.level))
        >
            <div role=move || if look.get().interrupts { "alert" } else { "status" }>
                {move || {
                    let (level, title, response, monitoring) = announced.get();
                    view! {
                        <p class="news2-banner__level">
                            <span class="news2-banner__symbol" aria-hidden="true">{look.get().symbol}</span>
                            " "{level_words(language.get(), level)}
                        </p>
                        <h2 class="news2-banner__title">{title}</h2>
                        <p class="news2-banner__response">{response}</p>
                        <p class="news2-banner__monitoring">{monitoring}</p>
                    }
                }}
            </div>
            {move || {
                let lang = language.get();
                decision.with(|d| match (d.overdue_by, d.due_at) {
                    (Some(by), _) => Some(format!("{} {}", w().overdue_by, duration(by, lang))),
                    (None, Some(at)) => Some(format!("{}: {}", w().next_due, date_time(at, zone))),
                    (None, None) => None,
                })
                .map(|text| view! { <p class="news2-banner__due">{text}</p> })
            }}
            {move || {
                let lang = language.get();
                let also = decision.with(|d| {
                    d.also.iter().map(|&l| level_words(lang, l)).collect::<Vec<_>>().join(" · ")
                });
                (!also.is_empty()).then(|| view! {
                    <p class="news2-banner__also">{w().banner_also}": "{also}</p>
                })
            }}
            {move || {
                let notices: Vec<String> = decision.with(|d| d.notices.iter().map(|n| n.text.clone()).collect());
                (!notices.is_empty()).then(|| view! {
                    <ul class="news2-banner__notices">
                        {notices.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
                    </ul>
                })
            }}
            {move || look.get().interrupts.then(|| view! {
                <button
                    type="button"
                    class="news2-button news2-banner__acknowledge"
                    disabled=is_acknowledged
                    on:click=move |_| {
                        let d = decision.get_untracked();
                        acknowledged.set(Some((d.level, d.title.clone())));
                        on_acknowledge.run(d);
                    }
                >
                    {move || if is_acknowledged() { w().acknowledged } else { w().acknowledge }}
                </button>
            })}
        </section>
    }
}
