//! A sub-score as its number and words, coloured in the RCP band colours as a second cue.

use leptos::prelude::*;

use crate::i18n::{Language, words};

/// `score` is `None` where no sub-score can be given (a missing or unusable value).
#[component]
pub fn SubScoreBadge(score: Option<u8>, language: Language) -> impl IntoView {
    let text = score.map_or_else(
        || words(language).no_sub_score.to_string(),
        |s| words::sub_score(language, s),
    );
    view! {
        <span class="news2-sub-score" data-score=score.map(|s| s.to_string()).unwrap_or_default()>
            {text}
        </span>
    }
}
