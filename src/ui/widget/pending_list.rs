//! The outbox on screen: entries made here that the server does not have yet.

use leptos::prelude::*;

use super::FailureText;
use super::outbox::Outbox;
use crate::clinical::time::Timestamp;
use crate::fhir::pending::{PendingResponse, ResponseState, SaveState};
use crate::i18n::format::{LocalZone, date_time, iso_utc};
use crate::i18n::response::{line as response_line, response_words};
use crate::i18n::{Language, words};

/// Entries made here that the server does not have yet, each with where its save stands and
/// "send again" for a failed one; and how many entries for another patient are set aside.
#[component]
pub(super) fn PendingList(
    outbox: RwSignal<Outbox>,
    language: Signal<Language>,
    can_send: Signal<bool>,
    resend: impl Fn(String) + Copy + Send + Sync + 'static,
    resend_response: impl Fn(String) + Copy + Send + Sync + 'static,
    zone: &'static dyn LocalZone,
) -> impl IntoView {
    move || {
        let w = words(language.get());
        let rw = response_words(language.get());
        let responses: Vec<PendingResponse> = outbox.with(|o| o.responses().responses().to_vec());
        let response_failed = responses
            .iter()
            .any(|r| matches!(r.state, ResponseState::Failed(_)));
        let entries: Vec<(String, Timestamp, SaveState)> = outbox.with(|o| {
            o.current()
                .entries()
                .iter()
                .map(|e| (e.entry_id.clone(), e.set.taken_at(), e.state.clone()))
                .collect()
        });
        let aside = outbox.with(Outbox::set_aside_count);
        let any_failed = entries
            .iter()
            .any(|(_, _, s)| matches!(s, SaveState::Failed(_)));
        let any_failed = any_failed || response_failed;
        let has_entries = !entries.is_empty();
        (has_entries || !responses.is_empty() || aside > 0).then(|| view! {
            <section class="news2-pending" role=if any_failed { "alert" } else { "status" }>
                {(has_entries || responses.is_empty()).then(|| view! { <h2 class="news2-heading">{w.pending_heading}</h2> })}
                <ul>
                    {entries.into_iter().map(|(id, taken_at, state)| {
                        let for_click = id.clone();
                        let (label, failure) = match &state {
                            SaveState::NotSaved => (w.unsaved.to_string(), None),
                            SaveState::Saving => (w.saving.to_string(), None),
                            SaveState::Saved => (w.saved_waiting.to_string(), None),
                            SaveState::Failed(error) => (w.save_failed.to_string(), Some(error.clone())),
                        };
                        let failed = failure.is_some();
                        view! {
                            <li>
                                <time datetime=iso_utc(taken_at)>{date_time(taken_at, zone)}</time>
                                " · "{label}" "
                                {failure.map(|error| view! { <FailureText error language=language.get() /> })}
                                {(failed && can_send.get()).then(|| view! {
                                    <button type="button" class="news2-button" on:click=move |_| resend(for_click.clone())>
                                        {w.send_again}
                                    </button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {(!responses.is_empty()).then(|| view! {
                    <h2 class="news2-heading">{rw.pending_heading}</h2>
                    <ul class="news2-pending__responses">
                        {responses.into_iter().map(|pending| {
                            let id = pending.response_id.clone();
                            let (label, failure) = match &pending.state {
                                ResponseState::Saving => (rw.saving, None),
                                ResponseState::Saved => (rw.saved_waiting, None),
                                ResponseState::Failed(error) => (rw.save_failed, Some(error.clone())),
                                ResponseState::GivenToHost => (rw.given_to_host, None),
                            };
                            let failed = failure.is_some();
                            let line = response_line(language.get(), &pending.recorded(), zone);
                            view! {
                                <li data-state=pending.state.name()>
                                    {line}" · "{label}" "
                                    {failure.map(|error| view! { <FailureText error language=language.get() /> })}
                                    {(failed && can_send.get()).then(|| view! {
                                        <button type="button" class="news2-button" on:click=move |_| resend_response(id.clone())>
                                            {w.send_again}
                                        </button>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
                {(aside > 0).then(|| view! {
                    <p class="news2-pending__aside">{words::set_aside(language.get(), aside)}</p>
                })}
            </section>
        })
    }
}
