//! The escalation banner: the engine's [`Decision`], rendered.
//!
//! Title, response and monitoring come from the engine in the widget's language; this view adds
//! only the level's symbol and words (so colour is never the only cue), the other levels that
//! apply, the notices, the due time, and an acknowledgement button for the host's audit trail.

pub mod types;

use leptos::prelude::*;

use crate::clinical::escalation::Decision;
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
    let acknowledged = RwSignal::new(None::<Decision>);
    view! {
        {move || {
            let d = decision.get();
            let lang = language.get();
            let w = words(lang);
            let look = presentation(d.level);
            let is_acknowledged = acknowledged.with(|a| a.as_ref() == Some(&d));
            let role = if look.interrupts { "alert" } else { "status" };
            let also = d
                .also
                .iter()
                .map(|&l| level_words(lang, l))
                .collect::<Vec<_>>()
                .join(" · ");
            let due = match (d.overdue_by, d.due_at) {
                (Some(by), _) => Some(format!("{} {}", w.overdue_by, duration(by, lang))),
                (None, Some(at)) => Some(format!("{}: {}", w.next_due, date_time(at, zone))),
                (None, None) => None,
            };
            let for_ack = d.clone();
            view! {
                <section
                    class=format!("news2-banner {}", look.tone.class())
                    role=role
                    data-level=format!("{:?}", d.level)
                >
                    <p class="news2-banner__level">
                        <span class="news2-banner__symbol" aria-hidden="true">{look.symbol}</span>
                        " "{level_words(lang, d.level)}
                    </p>
                    <h2 class="news2-banner__title">{d.title.clone()}</h2>
                    <p class="news2-banner__response">{d.response.clone()}</p>
                    <p class="news2-banner__monitoring">{d.monitoring.clone()}</p>
                    {due.map(|text| view! { <p class="news2-banner__due">{text}</p> })}
                    {(!also.is_empty()).then(|| view! {
                        <p class="news2-banner__also">{w.banner_also}": "{also}</p>
                    })}
                    {(!d.notices.is_empty()).then(|| view! {
                        <ul class="news2-banner__notices">
                            {d.notices.iter().map(|n| view! { <li>{n.text.clone()}</li> }).collect_view()}
                        </ul>
                    })}
                    {look.interrupts.then(|| view! {
                        <button
                            type="button"
                            class="news2-button news2-banner__acknowledge"
                            disabled=is_acknowledged
                            on:click=move |_| {
                                acknowledged.set(Some(for_ack.clone()));
                                on_acknowledge.run(for_ack.clone());
                            }
                        >
                            {if is_acknowledged { w.acknowledged } else { w.acknowledge }}
                        </button>
                    })}
                </section>
            }
        }}
    }
}
