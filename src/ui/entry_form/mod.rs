//! The entry form: the seven parameters with their units, scored as they are typed, then a set
//! made from them, confirmed first when it escalates, and handed to the widget to save.
//!
//! Every number it shows comes from [`form::Evaluation`], that is from the clinical engine.
//! Scale 2 is used only when the patient has a documented Scale 2 decision; the form offers no
//! switch, because the values must never be what puts a patient on Scale 2.

pub mod form;

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use crate::clinical::observation_set::{ObservationSet, Scale2Decision};
use crate::clinical::time::Timestamp;
use crate::clinical::{Consciousness, News2, Parameter, Quantity};
use crate::i18n::format::LocalZone;
use crate::i18n::{Language, words};
use crate::ui::sub_score::SubScoreBadge;
use form::{DraftError, EntryDraft, EntryTime, Evaluation, Occurrence, TIME_FIELD};
use wasm_bindgen::JsCast;

use crate::fhir::pending::SaveState;

/// What is wrong with the typed time, said under the time field.
fn time_error_text(error: &DraftError, language: Language) -> Option<&'static str> {
    let w = words(language);
    match error {
        DraftError::NoTime => Some(w.entry_needs_time),
        DraftError::NonexistentTime => Some(w.entry_time_nonexistent),
        DraftError::AmbiguousTime => Some(w.entry_time_ambiguous),
        DraftError::FutureTime => Some(w.entry_time_future),
        DraftError::NoValues | DraftError::Invalid(_) => None,
    }
}

/// A page-unique id prefix per form, so that labels, descriptions and radio groups of two
/// widgets on one page never point at each other.
fn next_instance() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("news2-entry-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[component]
pub fn EntryForm(
    language: Signal<Language>,
    /// The patient's documented Scale 2 decision, if any.
    scale_2: Signal<Option<Scale2Decision>>,
    now: Signal<Timestamp>,
    zone: &'static dyn LocalZone,
    /// True when a FHIR server is configured: the button says "save", else "send to record".
    saves_to_server: Signal<bool>,
    /// Where the save of the last set submitted here stands, as the widget knows it: the form's
    /// one status says that and nothing more hopeful.
    last_save: Signal<Option<SaveState>>,
    on_submit: Callback<ObservationSet>,
) -> impl IntoView {
    let fresh = move || {
        let mut draft = EntryDraft::default();
        draft.set_taken_at(crate::i18n::format::date_time(now.get_untracked(), zone));
        draft
    };
    let draft = RwSignal::new(fresh());
    // Scored on the scale the saved set will have: the decision (which may arrive or change
    // after the form is drawn) at the typed time.
    let evaluation = Memo::new(move |_| {
        draft.with(|d| scale_2.with(|s| d.evaluate(s.as_ref(), zone, now.get())))
    });
    let confirming = RwSignal::new(None::<ObservationSet>);
    let error = RwSignal::new(None::<DraftError>);
    let form = NodeRef::<leptos::html::Form>::new();
    let id = next_instance();
    let heading_id = format!("{id}-heading");
    // A confirmation is for the values it showed: any edit withdraws it, so the set saved is
    // always the one on screen.
    Effect::new(move |_| {
        draft.track();
        confirming.set(None);
    });
    let dialog = NodeRef::<leptos::html::Section>::new();
    // The confirmation takes the focus, so a keyboard or screen-reader user is where it asks.
    Effect::new(move |_| {
        if confirming.with(Option::is_some)
            && let Some(dialog) = dialog.get()
        {
            // Focus can fail only on a detached element; the dialog is then gone anyway.
            let _ = dialog.focus();
        }
    });
    let labelled_by = heading_id.clone();
    let confirm_id = format!("{id}-confirm");

    let submit = move |set: ObservationSet| {
        on_submit.run(set);
        confirming.set(None);
        error.set(None);
        draft.set(fresh());
    };
    // An error takes the nurse to the field it is about, where its message is read out.
    let focus_field = move |name: &str| {
        if let Some(form) = form.get_untracked()
            && let Ok(Some(field)) = form.query_selector(&format!("[name=\"{name}\"]"))
            && let Ok(field) = field.dyn_into::<web_sys::HtmlElement>()
        {
            // Focus fails only on a detached form, which is then gone anyway.
            let _ = field.focus();
        }
    };
    let try_submit = move || {
        let result =
            draft.with(|d| scale_2.with(|s| d.to_set(s.as_ref(), zone, now.get_untracked())));
        match result {
            Err(e) => {
                focus_field(e.field_name());
                error.set(Some(e));
            }
            Ok(set) if set.score().response_band().is_some() => {
                error.set(None);
                confirming.set(Some(set));
            }
            Ok(set) => submit(set),
        }
    };

    let time_id = format!("{id}-takenAt");
    let time_help_id = format!("{id}-takenAt-help");
    let time_error =
        move || error.with(|e| e.as_ref().and_then(|e| time_error_text(e, language.get())));
    let who_id = format!("{id}-recordedBy");
    let w = move || words(language.get());
    view! {
        <section class="news2-entry" aria-labelledby=labelled_by>
            <h2 id=heading_id class="news2-heading">{move || w().entry_heading}</h2>
            <p class="news2-entry__intro">{move || w().entry_intro}</p>
            <form class="news2-entry__form" node_ref=form on:submit=move |ev| { ev.prevent_default(); try_submit(); }>
                <div class="news2-field news2-entry__time" class:news2-field--invalid=move || time_error().is_some()>
                    <label class="news2-field__label" for=time_id.clone()>{move || w().entry_taken_at}</label>
                    // A text keyboard, which has the separators; digits alone are read too.
                    <span class="news2-field__control">
                        <input
                            id=time_id
                            name=TIME_FIELD
                            type="text"
                            autocomplete="off"
                            aria-describedby=time_help_id.clone()
                            aria-invalid=move || if time_error().is_some() { "true" } else { "false" }
                            prop:value=move || draft.with(|d| d.taken_at_text().to_owned())
                            on:input=move |ev| {
                                draft.update(|d| d.set_taken_at(event_target_value(&ev)));
                                // The message was about the time as it was: it goes when that does.
                                if time_error().is_some() {
                                    error.set(None);
                                }
                            }
                        />
                        <button
                            type="button"
                            class="news2-button news2-entry__now"
                            aria-label=move || w().set_time_now
                            on:click=move |_| draft.update(|d| {
                                d.set_taken_at(crate::i18n::format::date_time(now.get_untracked(), zone));
                            })
                        >
                            {move || w().now}
                        </button>
                    </span>
                    // What is wrong with the time, else how to write it.
                    <p id=time_help_id class="news2-field__message">{move || time_error().unwrap_or(w().time_format)}</p>
                </div>
                <TimeCheck id=id.clone() draft zone language />
                <div class="news2-field">
                    <label class="news2-field__label" for=who_id.clone()>{move || w().entry_recorded_by}</label>
                    <input
                        id=who_id
                        name="recordedBy"
                        type="text"
                        autocomplete="name"
                        prop:value=move || draft.with(|d| d.recorded_by.clone())
                        on:input=move |ev| draft.update(|d| d.recorded_by = event_target_value(&ev))
                    />
                </div>
                <NumericField id=id.clone() quantity=Quantity::RespiratoryRate draft evaluation language />
                <NumericField id=id.clone() quantity=Quantity::Spo2 draft evaluation language />
                {move || evaluation.with(|e| e.basis().scale() == crate::clinical::Spo2Scale::Scale2).then(|| view! {
                    <p class="news2-entry__scale">{w().scale_2_in_use}</p>
                })}
                {choice_field(
                    &id,
                    Parameter::AirOrOxygen,
                    [false, true].map(|o| (o, if o { "oxygen" } else { "air" }.to_string())).to_vec(),
                    |lang, o| crate::i18n::words::air_or_oxygen(lang, o).to_string(),
                    draft, evaluation, language,
                    |d| d.on_oxygen,
                    |d, on_oxygen| d.on_oxygen = Some(on_oxygen),
                )}
                <NumericField id=id.clone() quantity=Quantity::SystolicBp draft evaluation language />
                <NumericField id=id.clone() quantity=Quantity::Pulse draft evaluation language />
                {choice_field(
                    &id,
                    Parameter::Consciousness,
                    Consciousness::ALL.map(|l| (l, l.letter().to_string())).to_vec(),
                    |lang, l| format!("{} ({})", crate::i18n::words::consciousness(lang, l), l.letter()),
                    draft, evaluation, language,
                    |d| d.consciousness,
                    |d, level| d.consciousness = Some(level),
                )}
                <NumericField id=id.clone() quantity=Quantity::Temperature draft evaluation language />
                <Summary evaluation language />
                <p class="news2-entry__error" role="alert">
                    // A time error is said under the time field, which has the focus.
                    {move || error.get().and_then(|e| match e {
                        DraftError::NoTime
                        | DraftError::NonexistentTime
                        | DraftError::AmbiguousTime
                        | DraftError::FutureTime => None,
                        DraftError::NoValues => Some(w().entry_needs_values.to_string()),
                        DraftError::Invalid(parameters) => Some(format!(
                            "{}: {}",
                            w().to_correct,
                            parameters.iter().map(|&p| crate::i18n::words::parameter(language.get(), p)).collect::<Vec<_>>().join(", ")
                        )),
                    })}
                </p>
                <p class="news2-entry__done" role="status">
                    {move || last_save.get().map(|state| match state {
                        SaveState::Saving => w().saving,
                        SaveState::Saved => w().entry_saved,
                        SaveState::Failed(_) => w().entry_not_saved,
                        SaveState::NotSaved => w().entry_handed_over,
                    })}
                </p>
                <button type="submit" class="news2-button news2-button--primary">
                    {move || if saves_to_server.get() { w().save } else { w().hand_over }}
                </button>
            </form>
            {move || confirming.get().map(|set| {
                let band = set.score().response_band();
                let for_save = set.clone();
                view! {
                    <section class="news2-entry__confirm" role="alertdialog" aria-labelledby=confirm_id.clone() aria-modal="false" tabindex="-1" node_ref=dialog>
                        <h3 id=confirm_id.clone() class="news2-heading">{w().confirm_heading}</h3>
                        <p>{w().confirm_intro}</p>
                        {band.map(|band| view! {
                            <p class="news2-entry__confirm-band">
                                {w().clinical_risk}": "<strong>{crate::i18n::words::risk(language.get(), band)}</strong>
                            </p>
                        })}
                        <button type="button" class="news2-button news2-button--primary"
                            on:click=move |_| submit(for_save.clone())>
                            {w().confirm_save}
                        </button>
                        " "
                        <button type="button" class="news2-button" on:click=move |_| confirming.set(None)>
                            {w().go_back}
                        </button>
                    </section>
                }
            })}
        </section>
    }
}

/// What the typed time is on a night the clocks change: a time that does not exist, or a
/// choice between the two moments a repeated time can mean.
#[component]
fn TimeCheck(
    id: String,
    draft: RwSignal<EntryDraft>,
    zone: &'static dyn LocalZone,
    language: Signal<Language>,
) -> impl IntoView {
    let group = format!("{id}-occurrence");
    move || {
        let w = words(language.get());
        match draft.with(|d| d.time(zone)) {
            EntryTime::Nonexistent => Some(
                view! { <p class="news2-entry__time-check" role="alert">{w.entry_time_nonexistent}</p> }
                    .into_any(),
            ),
            EntryTime::Ambiguous { first, second } => {
                let utc = |minutes: i32| format!("UTC{:+}", minutes / 60);
                let option = |occurrence: Occurrence, label: &str, offset: i32| {
                    let text = label.replace("{offset}", &utc(offset));
                    view! {
                        <label class="news2-choice">
                            <input
                                type="radio"
                                name=group.clone()
                                prop:checked=move || draft.with(|d| d.occurrence() == Some(occurrence))
                                on:change=move |_| draft.update(|d| d.choose_occurrence(occurrence))
                            />
                            {text}
                        </label>
                    }
                };
                Some(
                    view! {
                        <fieldset class="news2-field news2-field--choices news2-entry__occurrence">
                            <legend class="news2-field__label">{w.entry_time_ambiguous}</legend>
                            <span class="news2-field__choices">
                                {option(Occurrence::First, w.occurrence_first, first.1)}
                                {option(Occurrence::Second, w.occurrence_second, second.1)}
                            </span>
                        </fieldset>
                    }
                    .into_any(),
                )
            }
            EntryTime::Unreadable | EntryTime::At(_) => None,
        }
    }
}

/// One measured parameter: its input, unit, sub-score and what is wrong with the value.
#[component]
fn NumericField(
    id: String,
    quantity: Quantity,
    draft: RwSignal<EntryDraft>,
    evaluation: Memo<Evaluation>,
    language: Signal<Language>,
) -> impl IntoView {
    let name = quantity.parameter().name();
    let input_id = format!("{id}-{name}");
    let message_id = format!("{input_id}-message");
    let reading = move || evaluation.with(|e| e.reading(quantity));
    let message = move || {
        let lang = language.get();
        match reading() {
            Err(invalid) => crate::i18n::words::invalid_reading(lang, quantity, invalid),
            Ok(Some(r)) if r.needs_verification() => words(lang).to_verify.to_string(),
            Ok(Some(r)) if r.charted_decimal() != r.raw() => {
                crate::i18n::words::charted_as(lang, r.charted_decimal(), quantity)
            }
            Ok(_) => String::new(),
        }
    };
    view! {
        <div class="news2-field" class:news2-field--invalid=move || reading().is_err()>
            <label class="news2-field__label" for=input_id.clone()>
                {move || crate::i18n::words::parameter(language.get(), quantity.parameter())}
            </label>
            <span class="news2-field__control">
                <input
                    id=input_id
                    name=name
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby=message_id.clone()
                    aria-invalid=move || if reading().is_err() { "true" } else { "false" }
                    prop:value=move || draft.with(|d| d.text(quantity).to_owned())
                    on:input=move |ev| draft.update(|d| d.set_text(quantity, event_target_value(&ev)))
                />
                <span class="news2-field__unit">{crate::i18n::words::unit(quantity)}</span>
            </span>
            {move || view! {
                <SubScoreBadge
                    score=evaluation.with(|e| e.score.sub_score(quantity.parameter()).map(|s| s.value()))
                    language=language.get()
                />
            }}
            <p id=message_id class="news2-field__message">{message}</p>
        </div>
    }
}

/// A parameter chosen from a few options: a radio group with its sub-score.
#[allow(clippy::too_many_arguments)]
fn choice_field<T: Copy + PartialEq + Send + Sync + 'static>(
    id: &str,
    parameter: Parameter,
    choices: Vec<(T, String)>,
    label: fn(Language, T) -> String,
    draft: RwSignal<EntryDraft>,
    evaluation: Memo<Evaluation>,
    language: Signal<Language>,
    selected: fn(&EntryDraft) -> Option<T>,
    select: fn(&mut EntryDraft, T),
) -> impl IntoView + use<T> {
    let group = format!("{id}-{}", parameter.name());
    let options = choices
        .into_iter()
        .map(|(value, html_value)| {
            view! {
                <label class="news2-choice">
                    <input
                        type="radio"
                        name=group.clone()
                        value=html_value
                        prop:checked=move || draft.with(|d| selected(d) == Some(value))
                        on:change=move |_| draft.update(|d| select(d, value))
                    />
                    {move || label(language.get(), value)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="news2-field news2-field--choices">
            <legend class="news2-field__label">{move || crate::i18n::words::parameter(language.get(), parameter)}</legend>
            <span class="news2-field__choices">{options}</span>
            {move || view! {
                <SubScoreBadge
                    score=evaluation.with(|e| e.score.sub_score(parameter).map(|s| s.value()))
                    language=language.get()
                />
            }}
        </fieldset>
    }
}

/// The total, clinical risk and monitoring frequency, or why there is no total.
#[component]
fn Summary(evaluation: Memo<Evaluation>, language: Signal<Language>) -> impl IntoView {
    let summary = move || {
        let lang = language.get();
        let w = words(lang);
        let names = |parameters: &[Parameter]| {
            parameters
                .iter()
                .map(|&p| crate::i18n::words::parameter(lang, p))
                .collect::<Vec<_>>()
                .join(", ")
        };
        evaluation.with(|evaluation| match &evaluation.score {
            News2::Complete(score) => {
                let risk = score.risk();
                view! {
                    <div class="news2-summary" data-risk=risk.name()>
                        <p class="news2-summary__total">
                            {w.total}" "<strong>{score.total().value()}</strong>
                        </p>
                        <p class="news2-summary__risk">
                            {w.clinical_risk}": "<strong>{crate::i18n::words::risk(lang, risk)}</strong>
                            {score.has_red_score().then_some(format!(" ({})", w.red_score))}
                        </p>
                        <p class="news2-summary__monitoring">
                            {w.monitoring}": "{crate::i18n::words::monitoring(lang, score.monitoring())}
                        </p>
                        <p class="news2-summary__scale">
                            {w.spo2_scale}": "{crate::i18n::words::spo2_scale(lang, score.spo2_scale())}
                        </p>
                    </div>
                }
                .into_any()
            }
            News2::Incomplete(score) => {
                let invalid = evaluation.invalid();
                let missing: Vec<Parameter> =
                    score.missing().iter().copied().filter(|p| !invalid.contains(p)).collect();
                view! {
                    // Coloured as the band already certain, if any: the words say "at least".
                    <div
                        class="news2-summary"
                        data-risk=score.minimum_risk().map_or("incomplete", |band| band.name())
                    >
                        <p class="news2-summary__total">{w.no_total}</p>
                        {score.minimum_risk().map(|band| view! {
                            <p class="news2-summary__minimum">
                                {w.already_certain}": "<strong>{crate::i18n::words::risk(lang, band)}</strong>
                            </p>
                        })}
                        {(!invalid.is_empty()).then(|| view! {
                            <p class="news2-summary__invalid">{w.to_correct}": "{names(&invalid)}</p>
                        })}
                        {(!missing.is_empty()).then(|| view! {
                            <p class="news2-summary__missing">{w.missing}": "{names(&missing)}</p>
                        })}
                    </div>
                }
                .into_any()
            }
        })
    };
    view! { <output class="news2-entry__summary" aria-live="polite">{summary}</output> }
}
