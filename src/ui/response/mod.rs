//! The escalation response step (issue 16): after a banner of low–medium or above is
//! acknowledged, one short form asks what was done (who was informed, how, when, a note) and
//! hands the response to the widget, which records it. The draft and its checks are
//! [`types::ResponseDraft`]; this view wires them to the fields and moves focus to what needs
//! putting right.

pub mod types;

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::clinical::response::{Channel, EscalationResponse, Recipient};
use crate::clinical::time::Timestamp;
use crate::i18n::Language;
use crate::i18n::format::{LocalZone, date_time};
use crate::i18n::response::{self as texts, response_words};
use types::{Answering, DraftProblem, ResponseDraft};

/// A page-unique id prefix per step, so two widgets' labels never point at each other.
fn next_instance() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("news2-response-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Where the keyboard goes when the step closes: the ISBAR button of the same widget, the next
/// thing a nurse does after the call (else nowhere in particular).
fn after_the_step(step: Option<web_sys::HtmlElement>) -> Option<web_sys::HtmlElement> {
    step?
        .closest(".news2-widget")
        .ok()
        .flatten()?
        .query_selector(".news2-isbar__toggle")
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Whether the keyboard is nowhere (its element was removed, and the browser put it back on
/// the page's body); focus the nurse has put elsewhere on the host's page is left alone.
fn focus_is_lost() -> bool {
    let document = web_sys::window().and_then(|w| w.document());
    match document.and_then(|d| d.active_element()) {
        None => true,
        Some(active) => active.tag_name() == "BODY",
    }
}

/// Closes the step and moves the keyboard on, so focus is never left on a removed element.
fn close(answering: RwSignal<Option<Answering>>, step: NodeRef<leptos::html::Section>) {
    let next = after_the_step(step.get_untracked());
    answering.set(None);
    if let Some(next) = next {
        let _ = next.focus();
    }
}

/// Focuses the element `#id` inside the step. Looked up from the step itself, not the
/// document: in the embedded element the step lives in a shadow root.
fn focus(step: NodeRef<leptos::html::Section>, id: &str) {
    let element = step
        .get_untracked()
        .and_then(|s| s.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// One choice of the step as radio buttons: the first carries the group's id, so a problem with
/// the choice can focus it.
struct RadioGroup<T: 'static> {
    options: &'static [T],
    first_id: String,
    group: String,
    value: fn(T) -> &'static str,
    label: fn(Language, T) -> &'static str,
    selected: fn(&ResponseDraft) -> Option<T>,
    select: fn(&mut ResponseDraft, T),
}

impl<T: Copy + PartialEq + Send + Sync + 'static> RadioGroup<T> {
    fn view(self, draft: RwSignal<ResponseDraft>, language: Signal<Language>) -> impl IntoView {
        let RadioGroup {
            options,
            first_id,
            group,
            value,
            label,
            selected,
            select,
        } = self;
        options
            .iter()
            .enumerate()
            .map(|(i, &option)| {
                view! {
                    <label class="news2-choice">
                        <input
                            type="radio"
                            id=(i == 0).then(|| first_id.clone())
                            name=group.clone()
                            value=value(option)
                            prop:checked=move || draft.with(|d| selected(d) == Some(option))
                            on:change=move |_| draft.update(|d| select(d, option))
                        />
                        {move || label(language.get(), option)}
                    </label>
                }
            })
            .collect_view()
    }
}

#[component]
pub fn ResponseStep(
    /// What the acknowledged banner asks a response to; the step is shown while this is set.
    answering: RwSignal<Option<Answering>>,
    /// Who records it, as the host names its user.
    recorded_by: Signal<Option<String>>,
    /// Whether the widget saves it to the FHIR server (else the host stores it).
    saves_to_server: Signal<bool>,
    now: Signal<Timestamp>,
    language: Signal<Language>,
    zone: &'static dyn LocalZone,
    on_record: Callback<(EscalationResponse, Answering)>,
) -> impl IntoView {
    let id = next_instance();
    let step = NodeRef::<leptos::html::Section>::new();
    let draft = RwSignal::new(ResponseDraft::default());
    let problem = RwSignal::new(None::<DraftProblem>);
    // Each new question starts a fresh draft dated now.
    Effect::new(move |_| {
        if answering.with(Option::is_some) {
            draft.set(ResponseDraft::new(date_time(now.get_untracked(), zone)));
            problem.set(None);
        }
    });
    // And takes the keyboard to the step's heading once the step is in the document,
    // remembering where it goes on when the step closes.
    let heading_id = format!("{id}-heading");
    let next = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new({
        let heading_id = heading_id.clone();
        move |_| {
            if step.get().is_some() {
                next.set_value(after_the_step(step.get_untracked()));
                focus(step, &heading_id);
            }
        }
    });
    // Closed by the widget (the set it answers is gone): the keyboard, left nowhere with the
    // removed step, goes on as after saving.
    Effect::new(move |was_open: Option<bool>| {
        let open = answering.with(Option::is_some);
        if was_open == Some(true)
            && !open
            && let Some(next) = next.get_value()
            && focus_is_lost()
        {
            let _ = next.focus();
        }
        open
    });
    let w = move || response_words(language.get());
    let field = {
        let id = id.clone();
        move |name: &str| format!("{id}-{name}")
    };
    let submit = {
        let field = field.clone();
        move || {
            let Some(question) = answering.get_untracked() else {
                return;
            };
            let by = recorded_by.get_untracked();
            let result = draft.with_untracked(|d| {
                d.response(&question, by.as_deref(), now.get_untracked(), zone)
            });
            match result {
                Ok(response) => {
                    problem.set(None);
                    close(answering, step);
                    on_record.run((response, question));
                }
                Err(why) => {
                    problem.set(Some(why));
                    focus(step, &field(why.field()));
                }
            }
        }
    };
    let problem_text = move || {
        problem.get().map(|p| {
            let l = language.get();
            let w = response_words(l);
            match p {
                DraftProblem::ChooseInformed => w.choose_informed,
                DraftProblem::ChooseChannel => w.choose_channel,
                DraftProblem::UnreadableTime => w.unreadable_time,
                DraftProblem::RepeatedTime => w.repeated_time,
                DraftProblem::SkippedTime => w.skipped_time,
                DraftProblem::Refused(why) => texts::refusal(l, why),
            }
        })
    };
    let problem_id = field("problem");
    let invalid = move |name: &'static str| {
        move || {
            if problem.get().is_some_and(|p| p.field() == name) {
                "true"
            } else {
                "false"
            }
        }
    };
    let informed = {
        let (first, group) = (field("informed"), field("informed-choice"));
        move || {
            RadioGroup {
                options: &Recipient::ALL,
                first_id: first.clone(),
                group: group.clone(),
                value: Recipient::name,
                label: texts::recipient,
                selected: |d| d.informed,
                select: |d, r| d.informed = Some(r),
            }
            .view(draft, language)
        }
    };
    let channels = {
        let (first, group) = (field("channel"), field("channel-choice"));
        move || {
            RadioGroup {
                options: &Channel::ALL,
                first_id: first.clone(),
                group: group.clone(),
                value: Channel::name,
                label: texts::channel,
                selected: |d| d.channel,
                select: |d, c| d.channel = Some(c),
            }
            .view(draft, language)
        }
    };
    let (name_id, at_id, at_hint_id, note_id) = (
        field("informed-name"),
        field("at"),
        field("at-hint"),
        field("note"),
    );
    let labelled_by = heading_id.clone();
    move || {
        answering.with(Option::is_some).then(|| {
            let submit = submit.clone();
            view! {
                <section class="news2-response" aria-labelledby=labelled_by.clone() node_ref=step>
                    <h2 id=heading_id.clone() class="news2-heading" tabindex="-1">{move || w().heading}</h2>
                    <p class="news2-response__intro">{move || if saves_to_server.get() { w().intro } else { w().intro_host }}</p>
                    <form class="news2-response__form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                        <fieldset class="news2-field news2-field--choices" aria-invalid=invalid("informed") aria-describedby=problem_id.clone()>
                            <legend class="news2-field__label">{move || w().informed}</legend>
                            <span class="news2-field__choices">{informed()}</span>
                        </fieldset>
                        <div class="news2-field">
                            <label class="news2-field__label" for=name_id.clone()>{move || w().informed_name}</label>
                            <input
                                id=name_id.clone()
                                type="text"
                                autocomplete="off"
                                aria-invalid=invalid("informed-name")
                                aria-describedby=problem_id.clone()
                                prop:value=move || draft.with(|d| d.informed_name.clone())
                                on:input=move |ev| draft.update(|d| d.informed_name = event_target_value(&ev))
                            />
                        </div>
                        <fieldset class="news2-field news2-field--choices" aria-invalid=invalid("channel") aria-describedby=problem_id.clone()>
                            <legend class="news2-field__label">{move || w().channel}</legend>
                            <span class="news2-field__choices">{channels()}</span>
                        </fieldset>
                        <div class="news2-field">
                            <label class="news2-field__label" for=at_id.clone()>{move || w().at}</label>
                            <input
                                id=at_id.clone()
                                type="text"
                                autocomplete="off"
                                aria-describedby=format!("{at_hint_id} {problem_id}")
                                aria-invalid=invalid("at")
                                prop:value=move || draft.with(|d| d.at.clone())
                                on:input=move |ev| draft.update(|d| d.at = event_target_value(&ev))
                            />
                            <p id=at_hint_id.clone() class="news2-field__message">{move || w().at_hint}</p>
                        </div>
                        <p class="news2-response__by">
                            {move || w().by}": "
                            {move || recorded_by.get().unwrap_or_else(|| w().by_unknown.to_string())}
                        </p>
                        <div class="news2-field">
                            <label class="news2-field__label" for=note_id.clone()>{move || w().note}</label>
                            <textarea
                                id=note_id.clone()
                                rows="2"
                                aria-invalid=invalid("note")
                                aria-describedby=problem_id.clone()
                                prop:value=move || draft.with(|d| d.note.clone())
                                on:input=move |ev| draft.update(|d| d.note = event_target_value(&ev))
                            ></textarea>
                        </div>
                        <p id=problem_id.clone() class="news2-response__problem" role="alert">{problem_text}</p>
                        <div class="news2-response__actions">
                            <button type="submit" class="news2-button news2-response__save">{move || w().save}</button>
                            <button
                                type="button"
                                class="news2-button news2-response__skip"
                                on:click=move |_| close(answering, step)
                            >
                                {move || w().skip}
                            </button>
                        </div>
                    </form>
                </section>
            }
        })
    }
}
