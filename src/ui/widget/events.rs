//! What the widget tells its host, as event names and JSON details.
//!
//! Plain data, tested natively: the embedding turns each into a DOM `CustomEvent`. Details hold
//! clinical facts and counts only: no patient identifier, no header, no free text from the
//! source. The one exception is `news2-isbar`, whose point is the text the nurse copied: it
//! carries that text (with the host's own patient label and the names the record gives) to the
//! host that is showing it, never further.

use std::sync::Arc;

use serde_json::{Value, json};

use crate::clinical::News2;
use crate::clinical::escalation::{Basis, Decision, Standing};
use crate::clinical::isbar::Isbar;
use crate::clinical::observation_set::{AsOf, ObservationSet};
use crate::fhir::pending::{PendingResponse, ResponseState};
use crate::fhir::retry::{FetchError, FetchErrorKind};
use crate::i18n::Language;
use crate::i18n::format::iso_utc;
use crate::i18n::isbar::{IsbarWords, recommendation_lines};

/// Where the widget's events go. Not tied to the view's lifetime: the outcome of a save that
/// was under way when the widget was removed still reaches the host.
#[derive(Clone)]
pub struct EventSink(Arc<dyn Fn(WidgetEvent) + Send + Sync>);

impl EventSink {
    pub fn new(send: impl Fn(WidgetEvent) + Send + Sync + 'static) -> Self {
        EventSink(Arc::new(send))
    }

    pub fn send(&self, event: WidgetEvent) {
        (self.0)(event);
    }
}

/// An event for the host.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// The history was read (also after a reload).
    Loaded {
        detail: Value,
    },
    /// The banner's level changed.
    Escalation {
        detail: Value,
    },
    /// A new set was entered; `bundle` is its FHIR transaction when the patient is known.
    Entry {
        detail: Value,
    },
    Saved {
        detail: Value,
    },
    SaveFailed {
        detail: Value,
    },
    Acknowledged {
        detail: Value,
    },
    Error {
        detail: Value,
    },
    /// The nurse asked for the full view from the compact one.
    Open {
        detail: Value,
    },
    /// The nurse copied the ISBAR summary: its text and its parts, for the host to send on.
    Isbar {
        detail: Value,
    },
    /// An escalation response was recorded, or its save ended.
    Response {
        detail: Value,
    },
}

impl WidgetEvent {
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Loaded { .. } => "news2-loaded",
            WidgetEvent::Escalation { .. } => "news2-escalation",
            WidgetEvent::Entry { .. } => "news2-entry",
            WidgetEvent::Saved { .. } => "news2-saved",
            WidgetEvent::SaveFailed { .. } => "news2-save-failed",
            WidgetEvent::Acknowledged { .. } => "news2-acknowledged",
            WidgetEvent::Error { .. } => "news2-error",
            WidgetEvent::Open { .. } => "news2-open",
            WidgetEvent::Isbar { .. } => "news2-isbar",
            WidgetEvent::Response { .. } => "news2-response",
        }
    }

    pub fn detail(&self) -> &Value {
        match self {
            WidgetEvent::Loaded { detail }
            | WidgetEvent::Escalation { detail }
            | WidgetEvent::Entry { detail }
            | WidgetEvent::Saved { detail }
            | WidgetEvent::SaveFailed { detail }
            | WidgetEvent::Acknowledged { detail }
            | WidgetEvent::Error { detail }
            | WidgetEvent::Open { detail }
            | WidgetEvent::Isbar { detail }
            | WidgetEvent::Response { detail } => detail,
        }
    }
}

/// A set's time, total (or null), risk (the certain minimum for an incomplete set, or null),
/// completeness, a total the source stated (or null), and whether a value needs checking.
pub fn set_summary(set: &ObservationSet) -> Value {
    let (total, complete) = match set.score() {
        News2::Complete(score) => (Some(score.total().value()), true),
        News2::Incomplete(_) => (None, false),
    };
    json!({
        "time": iso_utc(set.taken_at()),
        "total": total,
        "statedTotal": set.stated_total().map(|t| t.value()),
        "risk": set.band().map(|(band, _)| band.name()),
        "complete": complete,
        "flagged": !set.to_verify().is_empty()
            || !set.disagreements().is_empty()
            || !set.conflicts.is_empty(),
    })
}

/// The history was read: how many sets and problems (sets dated in the future count as
/// problems too), whether it stopped early, and the latest set taken by now.
pub fn loaded(history: AsOf<'_>, problems: usize, partial: bool) -> WidgetEvent {
    WidgetEvent::Loaded {
        detail: json!({
            "sets": history.sets().len() + history.future().len(),
            "problems": problems + history.future().len(),
            "partial": partial,
            "latest": history.latest().map(set_summary),
        }),
    }
}

/// The total a standing names (none for a certain minimum) and the public name of its basis.
fn total_and_basis(standing: Option<&Standing>) -> (Option<u8>, Option<&'static str>) {
    match standing.map(|s| &s.basis) {
        Some(Basis::Computed { total, .. }) => (Some(*total), Some("computed")),
        Some(Basis::Stated { total }) => (Some(*total), Some("stated")),
        Some(Basis::Certain { .. }) => (None, Some("certain")),
        None => (None, None),
    }
}

/// The banner's level changed: the level, what the clinical band stands on (total, risk, the
/// set's time, and whether the total is computed, a certain minimum, or stated by the source),
/// and the other levels that apply.
pub fn escalation(decision: &Decision) -> WidgetEvent {
    let standing = decision.standing.as_ref();
    let (total, basis) = total_and_basis(standing);
    WidgetEvent::Escalation {
        detail: json!({
            "level": decision.level.name(),
            "total": total,
            "risk": standing.map(|s| s.band.name()),
            "basis": basis,
            "time": standing.map(|s| iso_utc(s.at)),
            "also": decision.also.iter().map(|l| l.name()).collect::<Vec<_>>(),
        }),
    }
}

pub fn entry(entry_id: &str, set: &ObservationSet, bundle: Option<Value>) -> WidgetEvent {
    WidgetEvent::Entry {
        detail: json!({
            "entryId": entry_id,
            "set": set_summary(set),
            "bundle": bundle,
        }),
    }
}

pub fn saved(entry_id: &str) -> WidgetEvent {
    WidgetEvent::Saved {
        detail: json!({ "entryId": entry_id }),
    }
}

pub fn save_failed(entry_id: &str, error: &FetchError) -> WidgetEvent {
    WidgetEvent::SaveFailed {
        detail: json!({
            "entryId": entry_id,
            "kind": error.kind.name(),
            "status": error.status,
            "message": error.message,
        }),
    }
}

/// The nurse acknowledged the banner: its level and title as shown, and when.
pub fn acknowledged(
    decision: &Decision,
    title: &str,
    at: crate::clinical::time::Timestamp,
) -> WidgetEvent {
    WidgetEvent::Acknowledged {
        detail: json!({
            "level": decision.level.name(),
            "title": title,
            "at": iso_utc(at),
        }),
    }
}

/// The nurse asked for the full view, with the level she saw.
pub fn open(decision: &Decision) -> WidgetEvent {
    WidgetEvent::Open {
        detail: json!({"level": decision.level.name()}),
    }
}

/// The nurse copied the ISBAR summary: the banner's level and what its band stands on (as in
/// `news2-escalation`), the language, the plain text as copied (with the nurse's R), and each
/// part's lines.
pub fn isbar(
    summary: &Isbar,
    words: &IsbarWords,
    language: Language,
    text: &str,
    recommendation: &str,
) -> WidgetEvent {
    let standing = summary.situation.standing.as_ref();
    let (total, basis) = total_and_basis(standing);
    WidgetEvent::Isbar {
        detail: json!({
            "level": summary.situation.level.name(),
            "total": total,
            "risk": standing.map(|s| s.band.name()),
            "basis": basis,
            "time": standing.map(|s| iso_utc(s.at)),
            "at": iso_utc(summary.at),
            "language": language.code(),
            "text": text,
            "identification": words.identification,
            "situation": words.situation,
            "background": words.background,
            "assessment": words.assessment,
            "recommendation": recommendation_lines(recommendation).join("\n"),
        }),
    }
}

/// An escalation response: what was recorded, where it stands (`saving`, `saved`, `failed`,
/// or `host` where the source cannot hold it and the host stores it), and its FHIR
/// `Communication`, for the host to store or send on. Like `news2-isbar`, it carries the nurse's
/// texts and the ISBAR text to the host showing the widget, never further.
pub fn response(pending: &PendingResponse, communication: &Value) -> WidgetEvent {
    let r = &pending.response;
    let error = match &pending.state {
        ResponseState::Failed(error) => json!({
            "kind": error.kind.name(),
            "status": error.status,
            "message": error.message,
        }),
        _ => Value::Null,
    };
    WidgetEvent::Response {
        detail: json!({
            "responseId": pending.response_id,
            "state": pending.state.name(),
            "informed": r.informed.name(),
            "informedName": r.informed_name,
            "channel": r.channel.name(),
            "at": iso_utc(r.at),
            "by": r.by,
            "note": r.note,
            "risk": r.band.name(),
            "time": iso_utc(r.about_set),
            "about": pending.about,
            "isbar": pending.isbar,
            "communication": communication,
            "error": error,
        }),
    }
}

/// Something the host configured that the widget could not use (it keeps what it had).
pub fn config_error(message: &str) -> WidgetEvent {
    WidgetEvent::Error {
        detail: json!({"kind": FetchErrorKind::Config.name(), "status": null, "message": message}),
    }
}

/// The widget stopped after a defect (the panic hook's event; its words are on screen).
pub fn internal_error() -> WidgetEvent {
    WidgetEvent::Error {
        detail: json!({
            "kind": INTERNAL,
            "status": null,
            "message": "the widget stopped after an internal error; reload the page",
        }),
    }
}

/// `news2-error`'s kind when the widget itself failed.
pub const INTERNAL: &str = "internal";

pub fn error(error: &FetchError) -> WidgetEvent {
    WidgetEvent::Error {
        detail: json!({
            "kind": error.kind.name(),
            "status": error.status,
            "message": error.message,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::observation_set::{History, Spo2ScaleBasis};
    use crate::clinical::time::Timestamp;
    use crate::clinical::{Quantity, Reading, VitalSigns};

    fn incomplete_red_set() -> ObservationSet {
        let vitals = VitalSigns {
            respiratory_rate: Some(Reading::parse(Quantity::RespiratoryRate, "26").expect("26")),
            ..VitalSigns::default()
        };
        ObservationSet::new(Timestamp::from_millis(0), vitals, Spo2ScaleBasis::Default)
    }

    #[test]
    fn an_incomplete_set_has_a_null_total_and_its_certain_band() {
        let summary = set_summary(&incomplete_red_set());
        assert_eq!(
            summary,
            json!({"time": "1970-01-01T00:00:00Z", "total": null, "statedTotal": null,
                   "risk": "low-medium", "complete": false, "flagged": false})
        );
    }

    #[test]
    fn loaded_counts_sets_and_problems_and_a_future_set_as_one() {
        let future = ObservationSet::new(
            Timestamp::from_millis(365 * 24 * 3_600_000),
            *incomplete_red_set().vitals(),
            Spo2ScaleBasis::Default,
        );
        let history = History::new(vec![incomplete_red_set(), future]);
        let event = loaded(history.as_of(Timestamp::from_millis(60_000)), 2, false);
        assert_eq!(event.name(), "news2-loaded");
        assert_eq!(event.detail()["sets"], 2);
        assert_eq!(event.detail()["problems"], 3);
        assert_eq!(event.detail()["latest"]["time"], "1970-01-01T00:00:00Z");
    }

    #[test]
    fn errors_carry_kind_and_message() {
        let event = error(&FetchError {
            kind: FetchErrorKind::Auth,
            status: Some(401),
            message: "refused".into(),
        });
        assert_eq!(event.name(), "news2-error");
        assert_eq!(
            event.detail(),
            &json!({"kind": "auth", "status": 401, "message": "refused"})
        );
    }
}
