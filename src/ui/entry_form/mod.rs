//! The NEWS2 calculator: the seven parameters, scored as they are typed.
//!
//! The demo page shows it; the entry form of the widget will grow from it. Every number it
//! shows comes from [`form::Evaluation`], that is from the clinical engine.

pub mod form;

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use crate::api::score_input::input_field;
use crate::clinical::{Consciousness, News2, Parameter, Quantity, SubScore};
use crate::i18n::nb;
use form::{CalculatorForm, Evaluation};

/// A page-unique id prefix per calculator, so that labels, descriptions and radio groups of two
/// calculators on one page never point at each other.
fn next_instance() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("news2-calc-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[component]
pub fn Calculator() -> impl IntoView {
    let form = RwSignal::new(CalculatorForm::default());
    let evaluation = Memo::new(move |_| form.with(CalculatorForm::evaluate));
    let id = next_instance();
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();

    view! {
        <section class="news2-calculator" aria-labelledby=labelled_by>
            <h1 id=title_id>{nb::CALCULATOR_TITLE}</h1>
            <p class="news2-calculator__intro">{nb::CALCULATOR_INTRO}</p>
            <form class="news2-calculator__form" on:submit=|ev| ev.prevent_default()>
                <NumericField id=id.clone() quantity=Quantity::RespiratoryRate form evaluation />
                <NumericField id=id.clone() quantity=Quantity::Spo2 form evaluation />
                <Scale2Switch id=id.clone() form />
                {choice_field(
                    &id,
                    Parameter::AirOrOxygen,
                    air_or_oxygen_choices(),
                    form,
                    evaluation,
                    |f| f.on_oxygen,
                    |f, on_oxygen| f.on_oxygen = Some(on_oxygen),
                )}
                <NumericField id=id.clone() quantity=Quantity::SystolicBp form evaluation />
                <NumericField id=id.clone() quantity=Quantity::Pulse form evaluation />
                {choice_field(
                    &id,
                    Parameter::Consciousness,
                    consciousness_choices(),
                    form,
                    evaluation,
                    |f| f.consciousness,
                    |f, level| f.consciousness = Some(level),
                )}
                <NumericField id=id.clone() quantity=Quantity::Temperature form evaluation />
            </form>
            <Summary evaluation />
            <p class="news2-calculator__attribution">{nb::ATTRIBUTION}</p>
        </section>
    }
}

/// One measured parameter: its input, unit, sub-score and what is wrong with the value.
#[component]
fn NumericField(
    id: String,
    quantity: Quantity,
    form: RwSignal<CalculatorForm>,
    evaluation: Memo<Evaluation>,
) -> impl IntoView {
    let name = input_field(quantity.parameter());
    let input_id = format!("{id}-{name}");
    let message_id = format!("{input_id}-message");
    let reading = move || evaluation.with(|e| e.reading(quantity));
    let message = move || match reading() {
        Err(invalid) => nb::invalid_reading(quantity, invalid),
        Ok(Some(r)) if r.charted_decimal() != r.raw() => {
            nb::charted_as(r.charted_decimal(), quantity)
        }
        Ok(_) => String::new(),
    };
    view! {
        <div class="news2-field" class:news2-field--invalid=move || reading().is_err()>
            <label class="news2-field__label" for=input_id.clone()>{nb::parameter(quantity.parameter())}</label>
            <span class="news2-field__control">
                <input
                    id=input_id
                    name=name
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby=message_id.clone()
                    aria-invalid=move || if reading().is_err() { "true" } else { "false" }
                    prop:value=move || form.with(|f| f.text(quantity).to_owned())
                    on:input=move |ev| form.update(|f| f.set_text(quantity, event_target_value(&ev)))
                />
                <span class="news2-field__unit">{nb::unit(quantity)}</span>
            </span>
            <SubScoreBadge evaluation parameter=quantity.parameter() />
            <p id=message_id class="news2-field__message">{message}</p>
        </div>
    }
}

/// The explicit Scale 2 decision. Never switched on by the values themselves.
#[component]
fn Scale2Switch(id: String, form: RwSignal<CalculatorForm>) -> impl IntoView {
    let switch_id = format!("{id}-spo2Scale");
    let help_id = format!("{switch_id}-help");
    view! {
        <div class="news2-field news2-field--switch">
            <input
                id=switch_id.clone()
                name="spo2Scale"
                type="checkbox"
                aria-describedby=help_id.clone()
                prop:checked=move || form.with(|f| f.scale_2)
                on:change=move |ev| form.update(|f| f.scale_2 = event_target_checked(&ev))
            />
            <label for=switch_id>{nb::SCALE_2_SWITCH}</label>
            <p id=help_id class="news2-field__help">{nb::SCALE_2_HELP}</p>
        </div>
    }
}

/// One option of a [`choice_field`].
struct Choice<T> {
    value: T,
    /// The radio button's `value`, for forms and tests.
    html_value: String,
    label: String,
}

fn air_or_oxygen_choices() -> Vec<Choice<bool>> {
    [(false, "air", nb::AIR), (true, "oxygen", nb::OXYGEN)]
        .into_iter()
        .map(|(value, html_value, label)| Choice {
            value,
            html_value: html_value.into(),
            label: label.into(),
        })
        .collect()
}

fn consciousness_choices() -> Vec<Choice<Consciousness>> {
    Consciousness::ALL
        .into_iter()
        .map(|level| Choice {
            value: level,
            html_value: level.letter().to_string(),
            label: format!("{} ({})", nb::consciousness(level), level.letter()),
        })
        .collect()
}

/// A parameter chosen from a few options: a radio group with its sub-score.
fn choice_field<T: Copy + PartialEq + Send + Sync + 'static>(
    id: &str,
    parameter: Parameter,
    choices: Vec<Choice<T>>,
    form: RwSignal<CalculatorForm>,
    evaluation: Memo<Evaluation>,
    selected: fn(&CalculatorForm) -> Option<T>,
    select: fn(&mut CalculatorForm, T),
) -> impl IntoView + use<T> {
    let group = format!("{id}-{}", input_field(parameter));
    let options = choices
        .into_iter()
        .map(
            |Choice {
                 value,
                 html_value,
                 label,
             }| {
                view! {
                    <label class="news2-choice">
                        <input
                            type="radio"
                            name=group.clone()
                            value=html_value
                            prop:checked=move || form.with(|f| selected(f) == Some(value))
                            on:change=move |_| form.update(|f| select(f, value))
                        />
                        {label}
                    </label>
                }
            },
        )
        .collect_view();
    view! {
        <fieldset class="news2-field news2-field--choices">
            <legend class="news2-field__label">{nb::parameter(parameter)}</legend>
            <span class="news2-field__choices">{options}</span>
            <SubScoreBadge evaluation parameter />
        </fieldset>
    }
}

/// A sub-score as its number and words, coloured in the RCP band colours as a second cue.
#[component]
fn SubScoreBadge(evaluation: Memo<Evaluation>, parameter: Parameter) -> impl IntoView {
    let score = move || evaluation.with(|e| e.score.sub_score(parameter));
    view! {
        <span
            class="news2-sub-score"
            data-score=move || score().map(|s| s.value().to_string()).unwrap_or_default()
        >
            {move || score().map(|s: SubScore| nb::sub_score(s.value())).unwrap_or_else(|| nb::NO_SUB_SCORE.into())}
        </span>
    }
}

/// The total, clinical risk and monitoring frequency, or why there is no total.
#[component]
fn Summary(evaluation: Memo<Evaluation>) -> impl IntoView {
    let names = |parameters: &[Parameter]| {
        parameters
            .iter()
            .map(|&p| nb::parameter(p))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let summary = move || {
        evaluation.with(|evaluation| match &evaluation.score {
            News2::Complete(score) => {
                let risk = score.risk();
                view! {
                    <div class="news2-summary" data-risk=format!("{risk:?}")>
                        <p class="news2-summary__total">
                            {nb::TOTAL}" "<strong>{score.total().value()}</strong>
                        </p>
                        <p class="news2-summary__risk">
                            {nb::CLINICAL_RISK}": "<strong>{nb::risk(risk)}</strong>
                            {score.has_red_score().then_some(format!(" ({})", nb::RED_SCORE))}
                        </p>
                        <p class="news2-summary__monitoring">
                            {nb::MONITORING}": "{nb::monitoring(score.monitoring())}
                        </p>
                        <p class="news2-summary__scale">
                            {nb::SPO2_SCALE}": "{nb::spo2_scale(score.spo2_scale())}
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
                        data-risk=score.minimum_risk().map_or("Incomplete".to_string(), |band| format!("{band:?}"))
                    >
                        <p class="news2-summary__total">{nb::NO_TOTAL}</p>
                        {score.minimum_risk().map(|band| view! {
                            <p class="news2-summary__minimum">
                                {nb::ALREADY_CERTAIN}": "<strong>{nb::risk(band)}</strong>
                            </p>
                        })}
                        {(!invalid.is_empty()).then(|| view! {
                            <p class="news2-summary__invalid">{nb::TO_CORRECT}": "{names(&invalid)}</p>
                        })}
                        {(!missing.is_empty()).then(|| view! {
                            <p class="news2-summary__missing">{nb::MISSING}": "{names(&missing)}</p>
                        })}
                    </div>
                }
                .into_any()
            }
        })
    };
    view! { <output class="news2-calculator__summary" aria-live="polite">{summary}</output> }
}
