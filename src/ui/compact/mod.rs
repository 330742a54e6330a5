//! The compact variant, for patient lists: what the banner decided, in the banner's own words,
//! cut to its essentials (level, total and band, when measured, when due) with a trend line of
//! the total and a button that asks the host for the full view.
//!
//! It renders the same [`Decision`] and [`BannerWords`] as the full view, so a list of compact
//! widgets never shows a calmer state than the full view would. It has no live region: twenty
//! widgets in a list announcing themselves on load would drown each other; the host hears each
//! level change as `news2-escalation`.

pub mod trend_line;

use leptos::prelude::*;

use crate::clinical::escalation::Decision;
use crate::clinical::observation_set::History;
use crate::clinical::time::Timestamp;
use crate::i18n::banner::BannerWords;
use crate::i18n::{Language, words};
use crate::ui::banner::types::presentation;
use trend_line::{HEIGHT, TrendLine, WIDTH, y_of};

#[component]
pub fn CompactView(
    decision: Signal<Decision>,
    words: Signal<BannerWords>,
    /// The sets shown (history and unsaved entries), for the trend line.
    history: Signal<History>,
    now: Signal<Timestamp>,
    language: Signal<Language>,
    /// The nurse asked for the full view.
    on_open: Callback<()>,
) -> impl IntoView {
    let look = Memo::new(move |_| decision.with(|d| presentation(d.level)));
    let trend = Memo::new(move |_| history.with(|h| TrendLine::of(h.as_of(now.get()).sets())));
    let w = move || words::words(language.get());
    let band_line = |total: u8| format!("{:.1}", y_of(total));
    view! {
        <section
            class=move || format!("news2-banner news2-compact {}", look.get().tone.class())
            data-level=move || decision.with(|d| d.level.name())
            aria-label=move || w().compact_label
        >
            <p class="news2-compact__level">
                <span class="news2-banner__symbol" aria-hidden="true">{move || look.get().symbol}</span>
                " "
                <span class="news2-banner__level">{move || words.with(|w| w.level.clone())}</span>
                {move || words.with(|w| w.score.clone()).map(|score| view! {
                    " · "<strong class="news2-compact__score">{score}</strong>
                })}
            </p>
            <p class="news2-compact__when">
                {move || words.with(|w| w.measured.clone()).map(|text| view! {
                    <span class="news2-compact__measured">{text}</span>
                })}
                {move || words.with(|w| w.due_short.clone()).map(|text| view! {
                    <span class="news2-compact__due">{text}</span>
                })}
            </p>
            <div class="news2-compact__foot">
                {move || trend.with(TrendLine::is_drawable).then(|| {
                    let totals = trend.with(|t| t.totals().map(|t| t.to_string()).collect::<Vec<_>>().join(", "));
                    view! {
                        <span class="news2-compact__trend">
                            <svg
                                class="news2-compact__trend-line"
                                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                                preserveAspectRatio="none"
                                aria-hidden="true"
                                focusable="false"
                            >
                                // The thresholds of medium (5) and high (7) risk.
                                <line class="news2-compact__threshold" x1="0" x2=WIDTH.to_string() y1=band_line(5) y2=band_line(5) />
                                <line class="news2-compact__threshold" x1="0" x2=WIDTH.to_string() y1=band_line(7) y2=band_line(7) />
                                <polyline class="news2-compact__total" points=move || trend.with(TrendLine::points) />
                                {move || trend.with(TrendLine::newest).map(|(cx, cy)| view! {
                                    <circle class="news2-compact__newest" cx=format!("{cx:.1}") cy=format!("{cy:.1}") r="2.5" />
                                })}
                            </svg>
                            <span class="news2-visually-hidden">{move || w().compact_trend}": "{totals}</span>
                        </span>
                    }
                })}
                <button type="button" class="news2-button news2-compact__open" on:click=move |_| on_open.run(())>
                    {move || w().open_full_view}
                </button>
            </div>
        </section>
    }
}
