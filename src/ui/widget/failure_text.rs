//! A failure as a nurse reads it, and as support reads it.

use leptos::prelude::*;

use crate::fhir::retry::FetchError;
use crate::i18n::Language;
use crate::i18n::errors::{Trouble, technical_details, trouble_words};

/// A failure in the nurse's language (what happened, what to do), with the technical detail for
/// support behind a disclosure, in English as support reads it.
#[component]
pub(super) fn FailureText(error: FetchError, language: Language) -> impl IntoView {
    let words = trouble_words(Trouble::Fetch(error.kind), language);
    let detail = match error.status {
        Some(status) => format!("{} · {status} · {}", error.kind.name(), error.message),
        None => format!("{} · {}", error.kind.name(), error.message),
    };
    view! {
        <p class="news2-error__what">{words.title}" "{words.advice}</p>
        <details class="news2-error__technical">
            <summary>{technical_details(language)}</summary>
            <p lang="en">{detail}</p>
        </details>
    }
}
