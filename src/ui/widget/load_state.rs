//! What the widget has from its source, as a plain type: each event of a load (a source set, its
//! first page, its end) moves it, and what the view shows is read from it. No signal and no
//! browser here, so every transition is tested natively (tests/widget_state.rs); the component
//! only carries these events in and re-renders.
//!
//! Two rules live here. The newest sets come first: the first page of a new source is shown at
//! once, the rest when the load ends. And another patient's data never stands in: only a refresh
//! of the source on screen keeps its data while it fails; a new source starts from nothing.

use std::sync::Arc;

use crate::clinical::escalation::DataStatus;
use crate::clinical::time::Timestamp;
use crate::fhir::bundle::read_value;
use crate::fhir::client::{Loaded, Source};
use crate::fhir::history::FhirHistory;
use crate::fhir::retry::{FetchError, FetchErrorKind};

use super::DataSource;

/// What the widget has from its source.
#[derive(Clone, Debug, Default)]
pub enum LoadState {
    /// No source configured yet.
    #[default]
    Waiting,
    /// A source is being fetched and there is nothing of it to show yet.
    Loading,
    /// The configuration was refused; the message is the technical detail.
    Misconfigured(String),
    Ready {
        /// Shared, so a refresh keeps the data on screen without copying a year of it.
        history: Arc<FhirHistory>,
        /// Why the last load stopped early (pages before it are kept).
        stopped: Option<FetchError>,
        /// When the widget last heard from the source; `None` for a host-given Bundle.
        refreshed_at: Option<Timestamp>,
        /// More pages are on their way.
        more: bool,
    },
    Failed {
        error: FetchError,
        /// The last good data of the same source, kept on screen when a refresh fails.
        previous: Option<Arc<FhirHistory>>,
        last_refreshed: Option<Timestamp>,
    },
}

/// What the widget shows as a whole; its name is the root's `data-state`, for hosts' and
/// tests' selectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewState {
    Loading,
    Error,
    Empty,
    Ready,
}

impl ViewState {
    /// The `data-state` name.
    pub const fn name(self) -> &'static str {
        match self {
            ViewState::Loading => "loading",
            ViewState::Error => "error",
            ViewState::Empty => "empty",
            ViewState::Ready => "ready",
        }
    }
}

/// One load of a source. Answers to a load that a newer one replaced are ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadId(u64);

/// What the component must do after a source was set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// Nothing to fetch: waiting, refused, or the host's own Bundle (read already).
    Settled,
    /// Fetch the source, and report its pages and end with this id.
    Fetch(LoadId),
}

/// The load state with what its transitions need to remember.
#[derive(Clone, Debug, Default)]
pub struct Loads {
    state: LoadState,
    /// The source the data on screen came from.
    shown_source: Option<Source>,
    latest: u64,
    /// The latest load refreshes the data on screen (same source) instead of replacing it.
    refreshing: bool,
}

impl Loads {
    pub fn state(&self) -> &LoadState {
        &self.state
    }

    /// A source was set, or set again (a retry, a timed refresh, a save, new credentials).
    /// Returns what to do, and whether what is shown changed (the view need not re-render a
    /// refresh that keeps its data on screen).
    pub fn start(&mut self, source: &DataSource) -> (Start, bool) {
        self.latest += 1;
        self.refreshing = false;
        let settled = |state: LoadState| (Start::Settled, state);
        let (start, state) = match source {
            DataSource::None => settled(LoadState::Waiting),
            DataSource::Misconfigured(message) => {
                settled(LoadState::Misconfigured(message.clone()))
            }
            DataSource::Bundle(json) => {
                let mut history = FhirHistory::new();
                history.add_page(read_value(json));
                settled(LoadState::Ready {
                    history: Arc::new(history),
                    stopped: None,
                    refreshed_at: None,
                    more: false,
                })
            }
            DataSource::Fhir(source) => {
                self.refreshing =
                    self.shown_source.as_ref() == Some(source) && self.history().is_some();
                self.shown_source = Some(source.clone());
                if self.refreshing {
                    return (Start::Fetch(LoadId(self.latest)), false);
                }
                (Start::Fetch(LoadId(self.latest)), LoadState::Loading)
            }
        };
        if !matches!(source, DataSource::Fhir(_)) {
            self.shown_source = None;
        }
        self.state = state;
        (start, true)
    }

    /// Whether `load` is still the latest.
    pub fn is_current(&self, load: LoadId) -> bool {
        load.0 == self.latest
    }

    /// The first page of `load` arrived: shown at once unless a refresh keeps older data on
    /// screen (drawing every page of a year would cost more than it shows). Returns whether
    /// what is shown changed.
    pub fn first_page(&mut self, load: LoadId, page: &FhirHistory, at: Option<Timestamp>) -> bool {
        if !self.is_current(load) || self.refreshing {
            return false;
        }
        self.state = LoadState::Ready {
            history: Arc::new(page.clone()),
            stopped: None,
            refreshed_at: at,
            more: true,
        };
        true
    }

    /// `load` ended, with every page or stopped by a failure. Returns whether what is shown
    /// changed (an answer to a replaced load changes nothing).
    pub fn finished(&mut self, load: LoadId, loaded: Loaded, at: Option<Timestamp>) -> bool {
        if !self.is_current(load) {
            return false;
        }
        self.state = match loaded.stopped {
            Some(error) if loaded.history.is_empty() => {
                let (previous, last_refreshed) = match self.refreshing.then(|| self.kept()) {
                    Some(Some((history, at))) => (Some(history), at),
                    _ => (None, None),
                };
                LoadState::Failed {
                    error,
                    previous,
                    last_refreshed,
                }
            }
            stopped => LoadState::Ready {
                history: Arc::new(loaded.history),
                stopped,
                refreshed_at: at,
                more: false,
            },
        };
        true
    }

    /// The data on screen and when it was last refreshed.
    fn kept(&self) -> Option<(Arc<FhirHistory>, Option<Timestamp>)> {
        match &self.state {
            LoadState::Ready {
                history,
                refreshed_at,
                ..
            } => Some((Arc::clone(history), *refreshed_at)),
            LoadState::Failed {
                previous: Some(history),
                last_refreshed,
                ..
            } => Some((Arc::clone(history), *last_refreshed)),
            _ => None,
        }
    }

    /// The history on screen: the data, or the last good data of a failing refresh.
    pub fn history(&self) -> Option<&FhirHistory> {
        match &self.state {
            LoadState::Ready { history, .. }
            | LoadState::Failed {
                previous: Some(history),
                ..
            } => Some(history),
            _ => None,
        }
    }

    /// The history once every page has arrived: entries made here leave the outbox when it
    /// has them.
    pub fn complete_history(&self) -> Option<&FhirHistory> {
        match &self.state {
            LoadState::Ready {
                history,
                more: false,
                ..
            } => Some(history),
            _ => None,
        }
    }

    /// Whether the latest load has ended (events for the host are sent then).
    pub fn settled(&self) -> bool {
        matches!(
            self.state,
            LoadState::Ready { more: false, .. } | LoadState::Failed { .. }
        )
    }

    /// How current the data is, for the decision: `None` when there is none, or when the host
    /// handed it over (the host keeps it current).
    pub fn data_status(&self) -> Option<DataStatus> {
        match &self.state {
            LoadState::Ready {
                refreshed_at: Some(at),
                stopped: None,
                ..
            } => Some(DataStatus::Current { refreshed_at: *at }),
            LoadState::Ready {
                refreshed_at,
                stopped: Some(_),
                ..
            } => Some(DataStatus::Unreachable {
                last_refreshed: *refreshed_at,
            }),
            LoadState::Failed { last_refreshed, .. } => Some(DataStatus::Unreachable {
                last_refreshed: *last_refreshed,
            }),
            _ => None,
        }
    }

    /// What the widget shows; `nothing_to_show` is whether the history with the outbox has no
    /// set.
    pub fn view(&self, nothing_to_show: bool) -> ViewState {
        match &self.state {
            LoadState::Waiting | LoadState::Loading => ViewState::Loading,
            LoadState::Failed { previous: None, .. } | LoadState::Misconfigured(_) => {
                ViewState::Error
            }
            _ if nothing_to_show => ViewState::Empty,
            _ => ViewState::Ready,
        }
    }

    /// Why nothing can be shown: the failure of the error view.
    pub fn failure(&self) -> Option<FetchError> {
        match &self.state {
            LoadState::Failed { error, .. } => Some(error.clone()),
            LoadState::Misconfigured(message) => Some(FetchError {
                kind: FetchErrorKind::Config,
                status: None,
                message: message.clone(),
            }),
            _ => None,
        }
    }

    /// Why the data shown is not all there is: a load stopped early, or a refresh failed.
    pub fn interrupted(&self) -> Option<&FetchError> {
        match &self.state {
            LoadState::Ready {
                stopped: Some(error),
                ..
            }
            | LoadState::Failed { error, .. } => Some(error),
            _ => None,
        }
    }
}
