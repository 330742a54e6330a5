//! The RCP-style observation chart: a time-range picker and the ECharts drawing of the option
//! that `crate::chart_option` builds from the history.
//!
//! The instance is created when the container is in the document, redrawn with the whole
//! option when the history, range or language changes, resized with its container, and
//! disposed when the view goes. Without ECharts on the page the chart says so and points to the
//! table, which holds the same data.

pub mod echarts;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::chart_option::services::service_legend;
use crate::chart_option::{ChartInput, Layout, TimeRange, observation_chart};
use crate::clinical::observation_set::History;
use crate::clinical::time::Timestamp;
use crate::i18n::format::{LocalZone, date_time};
use crate::i18n::{Language, Words, words};
use crate::ui::timing;
use echarts::{ECharts, Library};

/// The observer that resizes the chart with its container, and the callback it calls.
type SizeWatch = (web_sys::ResizeObserver, Closure<dyn FnMut()>);

fn range_label(w: &Words, range: TimeRange) -> &'static str {
    match range {
        TimeRange::Hours24 => w.range_24h,
        TimeRange::Hours72 => w.range_72h,
        TimeRange::Days7 => w.range_7d,
        TimeRange::Days30 => w.range_30d,
        TimeRange::All => w.range_all,
    }
}

#[component]
pub fn ObservationChart(
    history: Signal<History>,
    now: Signal<Timestamp>,
    language: Signal<Language>,
    zone: &'static dyn LocalZone,
) -> impl IntoView {
    let range = RwSignal::new(TimeRange::Hours72);
    let container = NodeRef::<Div>::new();
    let library = StoredValue::new_local(None::<Library>);
    let loaded = RwSignal::new(false);
    let instance = StoredValue::new_local(None::<ECharts>);
    let observer = StoredValue::new_local(None::<SizeWatch>);
    let unavailable = RwSignal::new(false);
    // The container's width as last observed, in steps of `WIDTH_STEP_PX`; 0 until it changes
    // from the width the chart was first laid out for.
    let width = RwSignal::new(0u32);
    // The width the drawing is laid out for: the container's height follows it.
    let laid_out = RwSignal::new(0u32);
    let height = move || Layout::for_width(laid_out.get()).height_px();

    // ECharts is imported when the first chart is shown, never before: the banner and the
    // table are drawn without waiting for it. (The view may be gone when it arrives.)
    leptos::task::spawn_local(async move {
        match echarts::load().await {
            Ok(loaded_library) => {
                library.try_set_value(Some(loaded_library));
                loaded.try_set(true);
            }
            Err(_) => {
                unavailable.try_set(true);
            }
        }
    });

    // Redrawn when the clock passes a quarter hour, not at every tick: each redraw resets the
    // nurse's zoom, and the "now" marker is fine to a quarter of an hour.
    let quarter_hour = Memo::new(move |_| now.get().millis().div_euclid(15 * 60_000));
    Effect::new(move |_| {
        quarter_hour.track();
        let Some(element) = container.get() else {
            return;
        };
        if !loaded.get() {
            return;
        }
        // Laid out for the width it has (a new width redraws it).
        let width_px = match width.get() {
            0 => stepped(element.client_width()),
            measured => measured,
        };
        // The container takes the height of this layout before ECharts measures it, so the
        // first drawing is the right size and the size observer's first call changes nothing
        // (a second full drawing of a year costs about a quarter of a second). Should the style
        // refuse it, the reactive `style:height` below sets the same height a moment later.
        let _ = web_sys::HtmlElement::style(&element).set_property(
            "height",
            &format!("{}px", Layout::for_width(width_px).height_px()),
        );
        laid_out.set(width_px);
        let option = history.with(|history| {
            observation_chart(&ChartInput {
                history,
                now: now.get_untracked(),
                range: range.get(),
                language: language.get(),
                format_time: &|t| date_time(t, zone),
                width_px,
            })
        });
        if instance.with_value(Option::is_none) {
            let Some(loaded_library) = library.with_value(Clone::clone) else {
                return;
            };
            match echarts::init(&loaded_library, &element) {
                Ok(chart) => {
                    instance.set_value(Some(chart));
                    watch_size(&element, instance, observer, width, laid_out);
                }
                Err(_) => {
                    unavailable.set(true);
                    return;
                }
            }
        }
        instance.with_value(|chart| {
            match chart.as_ref().map(|chart| chart.replace_option(&option)) {
                Some(Ok(())) => timing::mark(timing::CHART_DRAWN),
                Some(Err(_)) => unavailable.set(true),
                None => {}
            }
        });
    });

    on_cleanup(move || {
        if let Some((observer, _callback)) = observer.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
        if let Some(chart) = instance.try_update_value(Option::take).flatten() {
            // A failed dispose leaves nothing more to do: the element is going anyway.
            let _ = chart.dispose();
        }
    });

    // The legend of the service marks, from the same sets as the drawing and at the same
    // moments (a quarter hour), so it never names a service the chart does not mark.
    let legend = Memo::new(move |_| {
        quarter_hour.track();
        let lang = language.get();
        history.with(|h| service_legend(h.as_of(now.get_untracked()).sets(), lang))
    });

    let w = move || words(language.get());
    view! {
        <section class="news2-chart" aria-labelledby="news2-chart-heading">
            <h2 id="news2-chart-heading" class="news2-heading">{move || w().chart_heading}</h2>
            <div class="news2-chart__ranges" role="group" aria-label=move || w().chart_range>
                {TimeRange::ALL.into_iter().map(|r| view! {
                    <button
                        type="button"
                        class="news2-button news2-chart__range"
                        aria-pressed=move || if range.get() == r { "true" } else { "false" }
                        on:click=move |_| range.set(r)
                    >
                        {move || range_label(w(), r)}
                    </button>
                }).collect_view()}
            </div>
            {move || unavailable.get().then(|| view! {
                <p class="news2-chart__unavailable" role="note">{w().chart_unavailable}</p>
            })}
            <div
                class="news2-chart__canvas"
                class:news2-chart__canvas--unavailable=move || unavailable.get()
                // The chart's own height at this width, so the page does not jump as it draws.
                style:height=move || format!("{}px", height())
                data-height=move || height().to_string()
                node_ref=container
                aria-hidden="true"
            ></div>
            // The canvas is hidden from screen readers; the marks beside its totals are
            // spelled out here as visible text, for everyone.
            {move || legend.with(|legend| legend.as_ref().map(|legend| {
                let entries: Vec<String> = legend
                    .entries
                    .iter()
                    .map(|(mark, service)| format!("{mark} = {service}"))
                    .collect();
                view! {
                    <p class="news2-chart__services">
                        {w().chart_services}": "{entries.join(" · ")}
                    </p>
                }
            }))}
        </section>
    }
}

/// Widths are followed in steps of this many px: a few pixels more or less change nothing one
/// can see, and each new width redraws the chart (and resets the nurse's zoom).
const WIDTH_STEP_PX: u32 = 16;

fn stepped(client_width: i32) -> u32 {
    u32::try_from(client_width).unwrap_or(0) / WIDTH_STEP_PX * WIDTH_STEP_PX
}

/// Follows the container's width (the layout depends on it) and fits the drawing to the
/// container whenever its size changes.
fn watch_size(
    element: &web_sys::HtmlDivElement,
    instance: StoredValue<Option<ECharts>, LocalStorage>,
    observer: StoredValue<Option<SizeWatch>, LocalStorage>,
    width: RwSignal<u32>,
    laid_out: RwSignal<u32>,
) {
    let observed = element.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        let now_wide = stepped(observed.client_width());
        // Only a width the drawing is not laid out for redraws it.
        if now_wide > 0 && laid_out.try_get_untracked() != Some(now_wide) {
            width.try_set(now_wide);
        }
        instance.with_value(|chart| {
            if let Some(chart) = chart {
                // A resize that fails leaves the last drawing in place.
                let _ = chart.resize();
            }
        });
    });
    if let Ok(resize) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        resize.observe(element);
        observer.set_value(Some((resize, callback)));
    }
}
