//! The escalation banner: the engine's [`Decision`], rendered in the words `i18n::banner` gives it.
//!
//! This view adds only the level's symbol (so colour is never the only cue), which part is
//! announced, and an acknowledgement for the host's audit trail; every word and every time comes
//! from [`BannerWords`].

pub mod types;

use leptos::prelude::*;

use crate::clinical::escalation::{Decision, Level};
use crate::clinical::time::Timestamp;
use crate::i18n::banner::BannerWords;
use crate::i18n::response::response_words;
use crate::i18n::{Language, words};
use types::presentation;

/// What an acknowledgement covers: the banner as the nurse saw it, and the set it stood on (so
/// the same words over another set, another patient's on a host's new Bundle, ask again).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acknowledgement {
    pub level: Level,
    pub title: String,
    pub stands_on: Option<Timestamp>,
}

#[component]
pub fn EscalationBanner(
    decision: Signal<Decision>,
    /// The decision in the widget's language.
    words: Signal<BannerWords>,
    language: Signal<Language>,
    /// Called when the nurse acknowledges the banner (the host logs it, and the widget stops
    /// listing the disagreements it covered).
    on_acknowledge: Callback<(Decision, BannerWords)>,
) -> impl IntoView {
    // What was acknowledged: the level and its title, so the acknowledgement stands while the
    // clock moves on and lapses when the situation changes.
    let acknowledged = RwSignal::new(None::<Acknowledgement>);
    // Runs after each new decision is in the document.
    Effect::new(move |_| {
        decision.track();
        crate::ui::timing::mark(crate::ui::timing::BANNER_DRAWN);
    });
    let look = Memo::new(move |_| decision.with(|d| presentation(d.level)));
    // The announced part changes only when what the nurse must do changes, never with the
    // clock: a live region re-read every half minute would drown everything else out. Ages
    // ("2 t siden") are therefore outside it.
    let announced = Memo::new(move |_| {
        words.with(|w| {
            (
                w.level.clone(),
                w.title.clone(),
                w.response.clone(),
                w.monitoring.clone(),
            )
        })
    });
    let current = move || Acknowledgement {
        level: decision.with(|d| d.level),
        title: words.with(|w| w.title.clone()),
        stands_on: decision.with(|d| d.standing.as_ref().map(|s| s.at)),
    };
    let is_acknowledged = move || acknowledged.with(|a| a.as_ref() == Some(&current()));
    // Interrupting levels, and a disagreement with the source, are acknowledged.
    let asks_acknowledgement =
        move || look.get().interrupts || decision.with(|d| !d.disagreeing_sets.is_empty());
    let w = move || words::words(language.get());
    let line = |class: &'static str, text: Option<String>| {
        text.map(|text| view! { <p class=class>{text}</p> })
    };
    view! {
        <section
            class=move || format!("news2-banner {}", look.get().tone.class())
            data-level=move || decision.with(|d| d.level.name())
        >
            <div role=move || if look.get().interrupts { "alert" } else { "status" }>
                {move || {
                    let (level, title, response, monitoring) = announced.get();
                    view! {
                        <p class="news2-banner__level">
                            <span class="news2-banner__symbol" aria-hidden="true">{look.get().symbol}</span>
                            " "{level}
                        </p>
                        <h2 class="news2-banner__title">{title}</h2>
                        <p class="news2-banner__response">{response}</p>
                        <p class="news2-banner__monitoring">{monitoring}</p>
                    }
                }}
            </div>
            {move || line("news2-banner__basis", words.with(|w| w.stands_on.clone()))}
            {move || line("news2-banner__to-complete", words.with(|w| w.to_complete.clone()))}
            {move || line("news2-banner__last-complete", words.with(|w| w.last_complete.clone()))}
            {move || line("news2-banner__due", words.with(|w| w.due.clone()))}
            {move || {
                let also = words.with(|w| w.also.join(" · "));
                (!also.is_empty()).then(|| view! {
                    <p class="news2-banner__also">{w().banner_also}": "{also}</p>
                })
            }}
            {move || {
                let notices = words.with(|w| w.notices.clone());
                (!notices.is_empty()).then(|| view! {
                    <ul class="news2-banner__notices">
                        {notices.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
                    </ul>
                })
            }}
            {move || {
                let responses = words.with(|w| w.responses.clone());
                (!responses.is_empty()).then(|| view! {
                    <div class="news2-banner__responses">
                        <p class="news2-banner__responses-heading">
                            {move || response_words(language.get()).recorded_heading}
                        </p>
                        <ul>
                            {responses.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || asks_acknowledgement().then(|| view! {
                <button
                    type="button"
                    class="news2-button news2-banner__acknowledge"
                    disabled=is_acknowledged
                    on:click=move |_| {
                        acknowledged.set(Some(current()));
                        on_acknowledge.run((decision.get_untracked(), words.get_untracked()));
                    }
                >
                    {move || if is_acknowledged() { w().acknowledged } else { w().acknowledge }}
                </button>
            })}
        </section>
    }
}
