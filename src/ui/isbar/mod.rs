//! The ISBAR summary behind one button: the engine's [`Isbar`] in the widget's language
//! (`i18n::isbar`), R as a text box holding the band's response until the nurse changes it, and
//! a copy button. A copy gives the host the text and its parts (`news2-isbar`); where the
//! browser refuses the clipboard, the text is shown selected to copy by hand. Every text from
//! the record or the host is shown as text.

pub mod types;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::clinical::escalation::Decision;
use crate::clinical::escalation::texts::ResponseTexts;
use crate::clinical::isbar::{Identification, Isbar};
use crate::clinical::observation_set::History;
use crate::clinical::time::Timestamp;
use crate::i18n::format::LocalZone;
use crate::i18n::isbar::{IsbarWords, headings, isbar, nothing_known};
use crate::i18n::{Language, words};
use types::{CopyOutcome, IsbarDraft, RecommendationBasis};

/// What a copy hands over: the summary, its words, the text copied and the nurse's R.
#[derive(Clone, Debug)]
pub struct IsbarCopy {
    pub summary: Isbar,
    pub words: IsbarWords,
    pub text: String,
    pub recommendation: String,
}

#[component]
pub fn IsbarPanel(
    /// The banner's decision, made from `history` at `now`.
    decision: Signal<Decision>,
    history: Signal<History>,
    now: Signal<Timestamp>,
    language: Signal<Language>,
    texts: Signal<ResponseTexts>,
    /// What the host gives for I.
    identification: Signal<Identification>,
    zone: &'static dyn LocalZone,
    /// Called with each copy, whether the clipboard took it or not.
    on_copy: Callback<IsbarCopy>,
    /// Kept equal to the text as it stands (with the nurse's R), for an escalation response.
    current_text: RwSignal<String>,
) -> impl IntoView {
    let draft = RwSignal::new(IsbarDraft::default());
    let summary = Memo::new(move |_| {
        let now = now.get();
        decision.with(|d| history.with(|h| Isbar::of(h.as_of(now), d, identification.get())))
    });
    let isbar_words = Memo::new(move |_| {
        let language = language.get();
        texts.with(|t| summary.with(|s| isbar(s, language, t, zone)))
    });
    let basis = Memo::new(move |_| summary.with(RecommendationBasis::of));
    // A default that changes under the nurse's R sets it back (said in the panel).
    Effect::new(move |_| {
        basis.with(|basis| draft.update(|d| d.follow(basis)));
    });
    let recommendation = Memo::new(move |_| {
        isbar_words.with(|w| draft.with(|d| d.recommendation(&w.recommendation).to_string()))
    });
    let text = Memo::new(move |_| {
        let language = language.get();
        isbar_words.with(|w| recommendation.with(|r| w.plain_text(language, r)))
    });
    Effect::new(move |_| text.with(|t| current_text.set(t.clone())));
    let copy_state = move || draft.with(|d| d.last_copy().map(|(outcome, _)| outcome));
    let copied_text = move || {
        draft.with(|d| {
            d.last_copy()
                .map_or_else(String::new, |(_, text)| text.to_string())
        })
    };
    let by_hand = NodeRef::<leptos::html::Textarea>::new();
    // The text to copy by hand is selected as soon as it is shown.
    Effect::new(move |_| {
        if copy_state() == Some(CopyOutcome::Failed)
            && let Some(area) = by_hand.get()
        {
            // Focus first: a selection in an element without focus is not what Ctrl+C copies.
            let _ = area.focus();
            area.select();
        }
    });
    let copy = move |_| {
        let copied = text.get_untracked();
        let handed = IsbarCopy {
            summary: summary.get_untracked(),
            words: isbar_words.get_untracked(),
            text: copied.clone(),
            recommendation: recommendation.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            let outcome = match write_to_clipboard(&copied).await {
                Ok(()) => CopyOutcome::Copied,
                Err(()) => CopyOutcome::Failed,
            };
            draft.try_update(|d| d.copied(outcome, &copied));
        });
        on_copy.run(handed);
    };

    let w = move || words(language.get());
    let parts = move || {
        let language = language.get();
        let heads = headings(language);
        isbar_words.with(|words| {
            [
                &words.identification,
                &words.situation,
                &words.background,
                &words.assessment,
            ]
            .into_iter()
            .zip(heads)
            .map(|(lines, (letter, heading))| {
                let lines = lines.clone();
                view! {
                    <h3 class="news2-isbar__part">
                        <span class="news2-isbar__letter">{letter}</span>" – "{heading}
                    </h3>
                    {if lines.is_empty() {
                        view! { <p class="news2-isbar__none">{nothing_known(language)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="news2-isbar__lines">
                                {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                }
            })
            .collect_view()
        })
    };
    let r_heading = move || {
        let (letter, heading) = headings(language.get())[4];
        view! { <span class="news2-isbar__letter">{letter}</span>" – "{heading} }
    };

    view! {
        <section class="news2-isbar" data-copy=move || copy_state().map_or("", CopyOutcome::as_str)>
            <button
                type="button"
                class="news2-button news2-isbar__toggle"
                aria-expanded=move || if draft.with(IsbarDraft::is_open) { "true" } else { "false" }
                aria-controls="news2-isbar-panel"
                on:click=move |_| draft.update(IsbarDraft::toggle)
            >
                {move || if draft.with(IsbarDraft::is_open) { w().isbar_hide } else { w().isbar_show }}
            </button>
            <div id="news2-isbar-panel" class="news2-isbar__panel" hidden=move || !draft.with(IsbarDraft::is_open)>
                <h2 class="news2-heading">{move || w().isbar_heading}</h2>
                {parts}
                <h3 class="news2-isbar__part">{r_heading}</h3>
                <label class="news2-isbar__label" for="news2-isbar-recommendation">
                    {move || w().isbar_recommendation}
                </label>
                <textarea
                    id="news2-isbar-recommendation"
                    class="news2-isbar__recommendation"
                    rows="3"
                    prop:value=move || recommendation.get()
                    on:input=move |ev| {
                        let written = event_target_value(&ev);
                        let basis = basis.get_untracked();
                        draft.update(|d| d.write(basis, written));
                    }
                ></textarea>
                <p class="news2-isbar__reset" role="status">
                    {move || draft.with(IsbarDraft::was_reset).then(|| w().isbar_recommendation_reset)}
                </p>
                <button type="button" class="news2-button news2-isbar__copy" on:click=copy>
                    {move || w().isbar_copy}
                </button>
                <p class="news2-isbar__copied" role="status">
                    {move || match copy_state() {
                        Some(CopyOutcome::Copied) => w().isbar_copied,
                        Some(CopyOutcome::Failed) => w().isbar_copy_failed,
                        None => "",
                    }}
                </p>
                {move || (copy_state() == Some(CopyOutcome::Failed)).then(|| view! {
                    <textarea
                        class="news2-isbar__by-hand"
                        readonly
                        rows="12"
                        aria-label=move || w().isbar_heading
                        node_ref=by_hand
                        prop:value=copied_text
                    ></textarea>
                })}
            </div>
        </section>
    }
}

/// Writes `text` to the clipboard: `Err` where the browser has none (outside a secure page) or
/// refuses it. Looked up rather than bound, so its absence is an answer and never a trap.
async fn write_to_clipboard(text: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).map_err(|_| ())?;
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).map_err(|_| ())?;
    if !clipboard.is_object() {
        return Err(());
    }
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(())?;
    let promise = write
        .call1(&clipboard, &text.into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or(())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}
