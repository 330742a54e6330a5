//! The whole widget: it loads the history from its source, asks the engine for the decision,
//! and lays out the banner, the latest set, the chart, the entry form and the table, with the
//! loading, empty and error states around them.
//!
//! Its inputs are signals ([`WidgetInputs`]) so the embedding can change an attribute and the
//! widget follows; what it has to tell the host goes out through `on_event` as
//! [`events::WidgetEvent`]s. It holds no clinical rule: every level, score and text comes from
//! `clinical`, every set from `fhir`. Nor does it hold the rules of its own state: what a load
//! shows after each of its events is [`load_state::Loads`], and which unsaved entries belong to
//! the patient on screen is [`outbox::Outbox`], both plain types tested natively. The component
//! carries events into them and renders what they say.

mod failure_text;
mod pending_list;
mod problems;

pub mod events;
pub mod load_state;
pub mod outbox;

use std::sync::Arc;
use std::time::Duration;

use js_sys::Function;
use leptos::prelude::*;
use serde_json::Value;

use crate::clinical::escalation::texts::ResponseTexts;
use crate::clinical::escalation::{Decision, PatientContext, Settings, decide};
use crate::clinical::observation_set::{History, ObservationSet, Scale2Decision};
use crate::clinical::response::{EscalationResponse, Responses};
use crate::clinical::time::Timestamp;
use crate::fhir::abort;
use crate::fhir::client::{ClientOptions, Source, load, random_id, save};
use crate::fhir::communication::NewResponse;
use crate::fhir::pending::{PendingResponse, ResponseState};
use crate::fhir::retry::FetchError;
use crate::fhir::retry::FetchErrorKind;
use crate::fhir::write::{Author, WriteRefusal, WriteTo};
use crate::i18n::banner::{BannerWords, banner};
use crate::i18n::format::{BrowserZone, LocalZone, date_time};
use crate::i18n::{Language, words};
use crate::ui::banner::EscalationBanner;
use crate::ui::compact::CompactView;
use crate::ui::entry_form::EntryForm;
use crate::ui::history_table::HistoryTable;
use crate::ui::history_table::types::{rows, with_responses};
use crate::ui::isbar::types as isbar_types;
use crate::ui::isbar::{IsbarCopy, IsbarPanel};
use crate::ui::observation_chart::ObservationChart;
use crate::ui::response::ResponseStep;
use crate::ui::response::types::{Answering, recorded_by};
use crate::ui::status::LatestSet;
use crate::ui::timing;
use events::{EventSink, WidgetEvent};
use failure_text::FailureText;
use load_state::{LoadState, Loads, Start, ViewState};
use outbox::Outbox;
use pending_list::PendingList;
use problems::Problems;

/// The host's label for the patient and the source in force when it was given: shown only
/// while that source is, so a label set for one patient never names the next one.
#[derive(Clone, PartialEq)]
pub struct PatientLabel {
    pub label: String,
    pub source: DataSource,
}

/// Where the widget's observations come from.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum DataSource {
    /// Nothing configured yet: the widget waits.
    #[default]
    None,
    /// A FHIR server or Bundle URL, fetched by the widget.
    Fhir(Source),
    /// A Bundle the host handed over itself (never stale: the host keeps it current).
    Bundle(Arc<Value>),
    /// The host configured something the widget refused (the host was told why); shown as an
    /// error, never as a skeleton that waits for ever.
    Misconfigured(String),
}

/// View only, or with the entry form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    View,
    Entry,
}

/// How much of the widget is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Variant {
    /// Banner, latest set, chart, table (and the form in entry mode).
    #[default]
    Full,
    /// For patient lists: the banner's essentials and a trend line of the total, in about
    /// 160 px, with a way to ask the host for the full view.
    Compact,
}

impl Variant {
    pub const ALL: [Variant; 2] = [Variant::Full, Variant::Compact];

    /// The `variant` attribute's value, and the CSS modifier's suffix.
    pub fn name(self) -> &'static str {
        match self {
            Variant::Full => "full",
            Variant::Compact => "compact",
        }
    }
}

/// Everything the host can set, as signals the widget follows.
#[derive(Clone, Copy, Debug)]
pub struct WidgetInputs {
    pub source: RwSignal<DataSource>,
    pub language: RwSignal<Language>,
    pub mode: RwSignal<Mode>,
    pub variant: RwSignal<Variant>,
    /// A fixed clock for demos and tests; `None` follows the browser's clock. The widget says
    /// on screen when it is fixed.
    pub fixed_now: RwSignal<Option<Timestamp>>,
    /// The patient's documented Scale 2 decision.
    pub scale_2: RwSignal<Option<Scale2Decision>>,
    pub patient: RwSignal<PatientContext>,
    /// Chart 4's response texts: RCP's, or the municipality's own.
    pub texts: RwSignal<ResponseTexts>,
    /// Load again (a retry, new credentials).
    pub reload: RwSignal<u32>,
    /// The host's per-request auth-headers callback (kept in this widget's memory only).
    pub auth: StoredValue<Option<Function>, LocalStorage>,
    /// Who writes new entries: service, person, municipality.
    pub author: RwSignal<Author>,
    /// How the host names the patient in an ISBAR summary, with the source it was given for.
    pub patient_label: RwSignal<Option<PatientLabel>>,
}

impl WidgetInputs {
    /// Fresh inputs, owned by the current reactive owner.
    pub fn new() -> Self {
        WidgetInputs {
            source: RwSignal::new(DataSource::None),
            language: RwSignal::new(Language::Nb),
            mode: RwSignal::new(Mode::View),
            variant: RwSignal::new(Variant::Full),
            fixed_now: RwSignal::new(None),
            scale_2: RwSignal::new(None),
            patient: RwSignal::new(PatientContext::default()),
            texts: RwSignal::new(ResponseTexts::default()),
            reload: RwSignal::new(0),
            auth: StoredValue::new_local(None),
            author: RwSignal::new(Author::default()),
            patient_label: RwSignal::new(None),
        }
    }
}

impl Default for WidgetInputs {
    fn default() -> Self {
        Self::new()
    }
}

/// How often a fetched history is refreshed, so "stale data" means the source is unreachable,
/// not merely that the page has been open a while.
const REFRESH_EVERY: Duration = Duration::from_secs(5 * 60);

/// Observations per page requested: large enough that a year arrives in a few requests.
const PAGE_SIZE: u32 = 500;

static BROWSER_ZONE: BrowserZone = BrowserZone;

/// Moves the load state; the view re-renders only when what it shows changed (a refresh that
/// keeps its data on screen must not regroup a year of it).
fn move_loads(loads: RwSignal<Loads>, transition: impl FnOnce(&mut Loads) -> bool) {
    if loads.try_update_untracked(transition) == Some(true) {
        loads.notify();
    }
}

#[component]
pub fn Widget(
    inputs: WidgetInputs,
    /// Every event for the host.
    on_event: EventSink,
    /// The time zone dates are shown in; the browser's unless a test fixes one.
    #[prop(optional)]
    zone: Option<&'static dyn LocalZone>,
) -> impl IntoView {
    let zone: &'static dyn LocalZone = zone.unwrap_or(&BROWSER_ZONE);
    let sink = StoredValue::new(on_event);
    let emit = move |event: WidgetEvent| {
        if let Some(sink) = sink.try_get_value() {
            sink.send(event);
        }
    };
    let WidgetInputs {
        source,
        language,
        mode,
        variant,
        fixed_now,
        scale_2,
        patient,
        texts,
        reload,
        auth,
        author,
        patient_label,
    } = inputs;

    // The clock: fixed, or the browser's, ticking each half minute for due and overdue times.
    let ticking = RwSignal::new(Timestamp::from_millis(js_sys::Date::now() as i64));
    if let Ok(handle) = set_interval_with_handle(
        move || ticking.set(Timestamp::from_millis(js_sys::Date::now() as i64)),
        Duration::from_secs(30),
    ) {
        on_cleanup(move || handle.clear());
    }
    let now = Signal::derive(move || fixed_now.get().unwrap_or_else(|| ticking.get()));

    let loads = RwSignal::new(Loads::default());
    // The sets whose disagreement with the source a nurse has acknowledged, for this patient.
    let acknowledged_disagreements = RwSignal::new(Vec::<Timestamp>::new());
    let outbox = RwSignal::new(Outbox::default());
    // The entry last submitted from the form, for the form's status; forgotten with its patient.
    let last_entry = RwSignal::new(None::<String>);
    // What the response step asks about, while it is open; closed with its patient.
    let answering = RwSignal::new(None::<Answering>);
    // The ISBAR text as the panel holds it now (with the nurse's R), and as it stood when the
    // banner was acknowledged: a response's payload.
    let isbar_text = RwSignal::new(String::new());
    let isbar_at_acknowledgement = StoredValue::new(String::new());
    let last_save = Signal::derive(move || {
        last_entry.with(|id| {
            id.as_deref()
                .map(|id| outbox.with(|o| o.current().state_of(id)))
        })
    });

    // Aborts this widget's requests when it goes: a removed widget leaves nothing running.
    let unmounted = web_sys::AbortController::new().ok();
    let cancel = unmounted.as_ref().map(web_sys::AbortController::signal);
    let unmounted = send_wrapper::SendWrapper::new(unmounted);
    on_cleanup(move || {
        if let Some(controller) = unmounted.take() {
            controller.abort();
        }
    });
    // The current load's own controller: a new source aborts the old source's pages.
    let load_controller = StoredValue::new_local(None::<web_sys::AbortController>);
    let cancel = StoredValue::new_local(cancel);
    // `try_`: a save may be started from a host's event listener that has just removed the
    // widget; reading a disposed value would trap the whole module.
    let options = move || ClientOptions {
        auth: auth.try_get_value().flatten(),
        page_size: PAGE_SIZE,
        cancel: cancel.try_get_value().flatten(),
        correlation_ids: source
            .try_with_untracked(|s| matches!(s, DataSource::Fhir(Source::Pmd { .. })))
            .unwrap_or(false),
        ..ClientOptions::default()
    };

    // Loading: on a new source, on a retry, after a save, and every few minutes.
    Effect::new(move |_| {
        reload.track();
        let source = source.get();
        if outbox.try_update(|o| o.follow(&source)) == Some(true) {
            acknowledged_disagreements.set(Vec::new());
            last_entry.set(None);
            answering.set(None);
        }
        let mut start = Start::Settled;
        move_loads(loads, |l| {
            let (started, changed) = l.start(&source);
            start = started;
            changed
        });
        let (Start::Fetch(this_load), DataSource::Fhir(source)) = (start, source) else {
            if loads.with_untracked(|l| l.complete_history().is_some()) {
                timing::mark(timing::DATA_IN_HAND);
            }
            return;
        };
        let mut options = options();
        // This load stops when the widget goes or a newer load starts.
        if let Some(previous) = load_controller.get_value() {
            previous.abort();
        }
        let controller = web_sys::AbortController::new().ok();
        if let (Some(controller), Some(widget)) = (&controller, &options.cancel) {
            options.cancel = Some(abort::either(&controller.signal(), widget));
        }
        load_controller.set_value(controller);
        leptos::task::spawn_local(async move {
            let mut first = true;
            let loaded = load(&source, &options, |page| {
                if first {
                    timing::mark(timing::FIRST_PAGE);
                    move_loads(loads, |l| {
                        l.first_page(this_load, page, now.try_get_untracked())
                    });
                }
                first = false;
            })
            .await;
            let at = now.try_get_untracked();
            move_loads(loads, |l| l.finished(this_load, loaded, at));
            if loads.try_with_untracked(|l| l.is_current(this_load)) == Some(true) {
                timing::mark(timing::DATA_IN_HAND);
            }
        });
    });
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if matches!(source.try_get_untracked(), Some(DataSource::Fhir(_))) {
                reload.try_update(|r| *r += 1);
            }
        },
        REFRESH_EVERY,
    ) {
        on_cleanup(move || handle.clear());
    }

    // How many measurements are dated after now: grouping keeps them out of the rounds taken by
    // then, and regroups only when one of them comes due, not at every tick of the clock.
    let dated_ahead = Memo::new(move |_| {
        let now = now.get();
        loads.with(|l| l.history().map_or(0, |h| h.count_after(now)))
    });
    let grouped = Memo::new(move |_| {
        let decision = scale_2.get();
        dated_ahead.track();
        let at = Some(now.get_untracked());
        loads.with(|l| l.history().map(|h| h.group_as_of(decision.as_ref(), at)))
    });
    // Entries made here leave the outbox once a complete load contains them.
    Effect::new(move |_| {
        loads.with(|l| {
            if let Some(history) = l.complete_history() {
                outbox.update(|o| o.current_mut().forget_arrived(|key| history.contains(key)));
            }
        });
    });
    // The responses read with the history, and those recorded here leave the outbox once read.
    let responses = Memo::new(move |_| {
        grouped.with(|g| g.as_ref().map(|g| g.responses.clone()).unwrap_or_default())
    });
    // Also after a save ends: one read back while still being saved stays until then.
    Effect::new(move |_| {
        outbox.track();
        responses.with(|read: &Responses| {
            if outbox.try_update_untracked(|o| o.responses_mut().forget_arrived(&read.recorded))
                == Some(true)
            {
                outbox.notify();
            }
        });
    });
    let shown = Memo::new(move |_| {
        grouped.with(|g| {
            outbox.with(|o| {
                o.current()
                    .shown_with(g.as_ref().map_or(&History::default(), |g| &g.history))
            })
        })
    });
    // The step, and what was handed to the host, stand only beside the set they answer: a new
    // history without it (another patient's Bundle, which keeps the outbox's owner) closes the
    // one and drops the other; the same patient's refreshed Bundle keeps both.
    Effect::new(move |_| {
        // Tracked here, not only where `held` happens to be asked.
        shown.track();
        let held =
            |at: Timestamp| shown.with_untracked(|h| h.sets().iter().any(|s| s.taken_at() == at));
        if answering.with_untracked(|q| q.as_ref().is_some_and(|q| !held(q.set_at))) {
            answering.set(None);
        }
        if outbox.try_update_untracked(|o| o.responses_mut().keep_given_to_host_for(held))
            == Some(true)
        {
            outbox.notify();
        }
    });
    let data_status = Memo::new(move |_| loads.with(Loads::data_status));
    let decision = Memo::new(move |_| {
        let settings = Settings {
            patient: patient.get(),
            data: data_status.get(),
            acknowledged_disagreements: acknowledged_disagreements.get(),
            responses: responses.get(),
            ..Settings::default()
        };
        shown.with(|history| decide(history, now.get(), &settings))
    });
    let banner_words = Memo::new(move |_| {
        let language = language.get();
        texts.with(|texts| decision.with(|d| banner(d, language, texts, zone)))
    });
    // Sets dated in the future are problems of the data: listed with the others.
    let future_sets = Memo::new(move |_| {
        shown.with(|h| {
            h.as_of(now.get())
                .future()
                .iter()
                .map(ObservationSet::taken_at)
                .collect::<Vec<_>>()
        })
    });

    // Events for the host. A load that stopped early is loaded (what arrived is shown) and an
    // error the host can act on (a 401 in the middle of paging: refresh the token).
    Effect::new(move |_| {
        let sent: Vec<WidgetEvent> = loads.with(|l| match l.state() {
            LoadState::Ready {
                more: false,
                stopped,
                ..
            } => grouped.with(|g| {
                g.as_ref()
                    .map(|g| {
                        events::loaded(
                            g.history.as_of(now.get_untracked()),
                            g.problems.len(),
                            stopped.is_some(),
                        )
                    })
                    .into_iter()
                    .chain(stopped.as_ref().map(events::error))
                    .collect()
            }),
            LoadState::Failed { error, .. } => vec![events::error(error)],
            _ => Vec::new(),
        });
        for event in sent {
            emit(event);
        }
    });
    Effect::new(move |previous: Option<Option<&'static str>>| {
        let ready = loads.with(Loads::settled);
        let level = decision.with(|d| d.level.name());
        if ready && previous.flatten() != Some(level) {
            emit(decision.with(events::escalation));
        }
        ready.then_some(level)
    });

    let on_acknowledge = Callback::new(move |(d, words): (Decision, BannerWords)| {
        acknowledged_disagreements.update(|acknowledged| {
            for at in &d.disagreeing_sets {
                if !acknowledged.contains(at) {
                    acknowledged.push(*at);
                }
            }
        });
        emit(events::acknowledged(&d, &words.title, now.get_untracked()));
        isbar_at_acknowledgement.set_value(isbar_text.get_untracked());
        answering.set(shown.with_untracked(|h| Answering::of(&d, h.as_of(now.get_untracked()))));
    });
    let identification = Signal::derive(move || {
        let language = language.get();
        let label = patient_label.with(|label| {
            label
                .as_ref()
                .filter(|label| source.with(|s| *s == label.source))
                .map(|label| label.label.clone())
        });
        author.with(|author| isbar_types::identification(author, label.as_deref(), language))
    });
    let on_isbar_copy = Callback::new(move |copy: IsbarCopy| {
        emit(events::isbar(
            &copy.summary,
            &copy.words,
            language.get_untracked(),
            &copy.text,
            &copy.recommendation,
        ));
    });

    // Where entries go, decided by the source and the host's author (fhir::write).
    let write_to = move || match source.get_untracked() {
        DataSource::Fhir(source) => WriteTo::of(&source, &author.get_untracked()),
        _ => None,
    };
    let send = move |entry_id: String, target: WriteTo| {
        let Some(set) = outbox.with_untracked(|o| {
            o.current()
                .entries()
                .iter()
                .find(|e| e.entry_id == entry_id)
                .map(|e| e.set.clone())
        }) else {
            return;
        };
        let bundle = target.bundle(&entry_id, &set, now.get_untracked());
        outbox.update(|o| {
            o.current_mut().start_saving(&entry_id);
        });
        // A write is not cancelled with the widget: once sent it may land, and the host must
        // hear how it ended (through the sink, which outlives the view).
        let options = ClientOptions {
            cancel: None,
            ..options()
        };
        let outlives_view = sink.try_get_value();
        let base = target.base().to_string();
        leptos::task::spawn_local(async move {
            let result = save(&base, &bundle, &options).await;
            let event = match &result {
                Ok(_) => events::saved(&entry_id),
                Err(error) => events::save_failed(&entry_id, error),
            };
            let ok = result.is_ok();
            outbox.try_update(|o| o.entry_finished(&entry_id, result.map(|_| ())));
            if let Some(sink) = &outlives_view {
                sink.send(event);
            }
            if ok {
                reload.try_update(|r| *r += 1);
            }
        });
    };
    // Refused before sending (PMD without a municipality number): kept, with why, and the
    // host told.
    let refuse = move |entry_id: &str, why: WriteRefusal| {
        let error = FetchError {
            kind: FetchErrorKind::Config,
            status: None,
            message: why.message().to_string(),
        };
        let event = events::save_failed(entry_id, &error);
        outbox.update(|o| o.current_mut().finished(entry_id, Err(error)));
        emit(event);
    };
    let on_submit = Callback::new(move |mut set: ObservationSet| {
        let entry_id = random_id();
        last_entry.set(Some(entry_id.clone()));
        let provenance = author.with_untracked(|a| a.provenance_of(set.details.provenance.first()));
        set.details.provenance = (!provenance.is_unknown())
            .then_some(provenance)
            .into_iter()
            .collect();
        outbox.update(|o| o.current_mut().add(entry_id.clone(), set.clone()));
        let target = write_to();
        let bundle = match &target {
            Some(Ok(target)) => Some(target.bundle(&entry_id, &set, now.get_untracked())),
            _ => None,
        };
        let event = events::entry(&entry_id, &set, bundle);
        // The save starts before the host hears of the entry: a listener may remove the widget.
        match target {
            Some(Ok(target)) => {
                send(entry_id, target);
                emit(event);
            }
            Some(Err(why)) => {
                emit(event);
                refuse(&entry_id, why);
            }
            None => emit(event),
        }
    });
    // Escalation responses: to the FHIR server as a Communication, else to the host.
    let send_response = move |response_id: String| {
        let Some(Ok(WriteTo::Fhir { base, patient })) = write_to() else {
            return;
        };
        let Some(pending) = outbox
            .try_update(|o| o.responses_mut().start_saving(&response_id).cloned())
            .flatten()
        else {
            return;
        };
        let new = NewResponse {
            response_id: &pending.response_id,
            patient: Some(&patient),
            about: &pending.about,
            isbar: Some(pending.isbar.as_str()).filter(|t| !t.is_empty()),
            response: &pending.response,
        };
        let (bundle, resource) = (new.transaction(), new.communication());
        emit(events::response(&pending, &resource));
        // Not cancelled with the widget, and its outcome still reaches the host (as entries).
        let options = ClientOptions {
            cancel: None,
            ..options()
        };
        let outlives_view = sink.try_get_value();
        leptos::task::spawn_local(async move {
            let result = save(&base, &bundle, &options).await.map(|_| ());
            let ended = PendingResponse {
                state: match &result {
                    Ok(()) => ResponseState::Saved,
                    Err(error) => ResponseState::Failed(error.clone()),
                },
                ..pending
            };
            let ok = result.is_ok();
            outbox.try_update(|o| o.response_finished(&response_id, result));
            if let Some(sink) = &outlives_view {
                sink.send(events::response(&ended, &resource));
            }
            if ok {
                reload.try_update(|r| *r += 1);
            }
        });
    };
    let on_record = Callback::new(
        move |(response, question): (EscalationResponse, Answering)| {
            // The summary as it stands, with the nurse's R, while it still stands on the set the
            // response answers; else as it was when she acknowledged.
            let same_set = decision.with_untracked(|d| {
                d.standing
                    .as_ref()
                    .is_some_and(|s| (s.band, s.at) == (question.band, question.set_at))
            });
            let isbar = if same_set {
                isbar_text.get_untracked()
            } else {
                isbar_at_acknowledgement.get_value()
            };
            let pending = PendingResponse {
                response_id: random_id(),
                response,
                about: question.about,
                isbar,
                state: ResponseState::GivenToHost,
            };
            let response_id = pending.response_id.clone();
            if let Some(Ok(WriteTo::Fhir { .. })) = write_to() {
                outbox.update(|o| o.responses_mut().add(pending));
                send_response(response_id);
            } else {
                let resource = NewResponse {
                    response_id: &pending.response_id,
                    patient: None,
                    about: &pending.about,
                    isbar: Some(pending.isbar.as_str()).filter(|t| !t.is_empty()),
                    response: &pending.response,
                }
                .communication();
                let event = events::response(&pending, &resource);
                outbox.update(|o| o.responses_mut().add(pending));
                emit(event);
            }
        },
    );
    let recorder = Signal::derive(move || author.with(recorded_by));

    let resend = move |entry_id: String| match write_to() {
        Some(Ok(target)) => send(entry_id, target),
        Some(Err(why)) => refuse(&entry_id, why),
        None => {}
    };

    let table_rows = Signal::derive(move || {
        grouped.with(|g| {
            outbox.with(|o| {
                let mut rows = rows(
                    g.as_ref().map_or(&History::default(), |g| &g.history),
                    o.current(),
                );
                responses.with(|r| with_responses(&mut rows, &r.recorded));
                rows
            })
        })
    });
    // A memo, so the views below are built once per state and then only updated: a refresh
    // must not wipe a half-typed entry, an acknowledgement or the table's page.
    let state = Memo::new(move |_| {
        let nothing_to_show = shown.with(|h| h.sets().is_empty());
        loads.with(|l| l.view(nothing_to_show))
    });
    // Empty and ready share one layout: the first entry for a new patient must not rebuild it.
    let layout = Memo::new(move |_| match state.get() {
        ViewState::Empty => ViewState::Ready,
        other => other,
    });
    let w = move || words(language.get());
    let lang_code = move || language.get().code();

    let body = move || {
        match layout.get() {
        ViewState::Loading => view! {
            <div class="news2-skeleton" role="status" aria-busy="true">
                <p class="news2-skeleton__text">{w().loading}</p>
            </div>
        }
        .into_any(),
        ViewState::Error => {
            let failure = move || loads.with(Loads::failure);
            let retryable = move || failure().is_some_and(|e| e.kind != FetchErrorKind::Config);
            view! {
                <div class="news2-error" role="alert" data-kind=move || failure().map(|e| e.kind.name())>
                    <p class="news2-error__title">{w().load_failed}</p>
                    {move || failure().map(|error| view! {
                        <FailureText error language=language.get() />
                    })}
                    {move || retryable().then(|| view! {
                        <button type="button" class="news2-button" on:click=move |_| reload.update(|r| *r += 1)>
                            {w().retry}
                        </button>
                    })}
                </div>
            }
            .into_any()
        }
        ViewState::Empty | ViewState::Ready if variant.get() == Variant::Compact => view! {
            <CompactView
                decision=decision.into()
                words=banner_words.into()
                history=shown.into()
                now
                language=language.into()
                on_open=Callback::new(move |()| emit(decision.with_untracked(events::open)))
            />
        }
        .into_any(),
        ViewState::Empty | ViewState::Ready => view! {
            <EscalationBanner
                decision=decision.into()
                words=banner_words.into()
                language=language.into()
                on_acknowledge
            />
            <ResponseStep
                answering
                recorded_by=recorder
                saves_to_server=Signal::derive(move || {
                    source.track();
                    author.track();
                    matches!(write_to(), Some(Ok(WriteTo::Fhir { .. })))
                })
                now
                language=language.into()
                zone
                on_record
            />
            // Made anew for each source: the nurse's R, and what she copied, belong to the patient
            // they were written for.
            {move || {
                source.track();
                view! {
                    <IsbarPanel
                        decision=decision.into()
                        history=shown.into()
                        now
                        language=language.into()
                        texts=texts.into()
                        identification
                        zone
                        on_copy=on_isbar_copy
                        current_text=isbar_text
                    />
                }
            }}
            {move || loads.with(|l| l.interrupted().cloned()).map(|error| (error.kind.name(), error)).map(|(kind, error)| view! {
                <div class="news2-partial" role="status" data-kind=kind>
                    <p>{w().partly_loaded}</p>
                    <FailureText error language=language.get() />
                    <button type="button" class="news2-button" on:click=move |_| reload.update(|r| *r += 1)>
                        {w().retry}
                    </button>
                </div>
            })}
            {move || shown.with(|h| h.as_of(now.get()).latest().cloned()).map(|set| view! {
                <LatestSet set decision=decision.get() language=language.get() zone />
            })}
            {move || (state.get() == ViewState::Empty).then(|| view! { <p class="news2-empty">{w().empty}</p> })}
            {move || (mode.get() == Mode::Entry).then(|| view! {
                <EntryForm
                    language=language.into()
                    scale_2=scale_2.into()
                    now
                    zone
                    saves_to_server=Signal::derive(move || { source.track(); author.track(); write_to().is_some() })
                    last_save
                    on_submit
                />
            })}
            <PendingList
                outbox
                zone
                language=language.into()
                can_send=Signal::derive(move || { source.track(); author.track(); write_to().is_some() })
                resend
                resend_response=send_response
            />
            {move || (state.get() == ViewState::Ready).then(|| view! {
                <ObservationChart history=shown.into() now language=language.into() zone />
            })}
            <HistoryTable rows=table_rows language=language.into() now zone />
            <Problems grouped future=future_sets language=language.into() zone />
        }
        .into_any(),
    }
    };

    let fixed_clock = move || {
        fixed_now.get().map(|at| {
            view! {
                <p class="news2-fixed-clock" role="note">
                    {w().fixed_clock.replace("{time}", &date_time(at, zone))}
                </p>
            }
        })
    };
    view! {
        <div class=move || format!("news2-widget news2-widget--{}", variant.get().name()) lang=lang_code data-state=move || state.get().name() aria-label=move || w().widget_label role="region">
            {fixed_clock}
            {body}
            <p class="news2-widget__attribution">{move || w().attribution}</p>
        </div>
    }
}
