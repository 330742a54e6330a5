//! Entries made in the widget until the server has them: never lost from view.
//!
//! An entry stays in this list, shown beside the history and marked "not saved", from the moment
//! it is made until a reload of the history contains it; a failed save keeps it with its error,
//! ready to retry with the same entry id (so the retry cannot duplicate it). The UI renders
//! this; the host is told of each entry by an event (the embedding's concern).

use super::retry::FetchError;
use super::write::entry_identifiers;
use crate::clinical::observation_set::{History, ObservationSet};
use crate::clinical::response::{EscalationResponse, RecordedResponse};
use crate::clinical::time::Timestamp;

/// Where an entry's save stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Made, not sent (no server configured, or waiting for the user to send it).
    NotSaved,
    Saving,
    /// The server confirmed; kept until the history shows it.
    Saved,
    /// The last attempt failed.
    Failed(FetchError),
}

/// One entry and its state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingEntry {
    /// Kept for every retry of this entry.
    pub entry_id: String,
    pub set: ObservationSet,
    pub state: SaveState,
}

/// The entries not yet seen in the history, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PendingEntries {
    entries: Vec<PendingEntry>,
}

impl PendingEntries {
    pub fn add(&mut self, entry_id: String, set: ObservationSet) {
        self.entries.push(PendingEntry {
            entry_id,
            set,
            state: SaveState::NotSaved,
        });
    }

    pub fn entries(&self) -> &[PendingEntry] {
        &self.entries
    }

    /// Marks an entry as being sent; returns it, or `None` if there is no such entry.
    pub fn start_saving(&mut self, entry_id: &str) -> Option<&PendingEntry> {
        let entry = self.entries.iter_mut().find(|e| e.entry_id == entry_id)?;
        entry.state = SaveState::Saving;
        Some(entry)
    }

    /// Records how a save ended.
    pub fn finished(&mut self, entry_id: &str, result: Result<(), FetchError>) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.entry_id == entry_id) {
            entry.state = match result {
                Ok(()) => SaveState::Saved,
                Err(error) => SaveState::Failed(error),
            };
        }
    }

    /// Where the save of `entry_id`, once added here, stands. An entry leaves only when the
    /// history shows it ([`PendingEntries::forget_arrived`]), so one no longer here is saved.
    pub fn state_of(&self, entry_id: &str) -> SaveState {
        self.entries
            .iter()
            .find(|e| e.entry_id == entry_id)
            .map_or(SaveState::Saved, |e| e.state.clone())
    }

    /// Drops the entries (saved, or failed but arrived all the same) that `contains` (asked with an Observation identifier, as
    /// `system|value`) finds in the history just loaded: from now on they show from there.
    pub fn forget_arrived(&mut self, contains: impl Fn(&str) -> bool) {
        self.entries.retain(|entry| {
            let arrived = entry_identifiers(&entry.entry_id)
                .iter()
                .any(|id| contains(id));
            // A failed save may have reached the server all the same; only one in flight stays.
            !(arrived && entry.state != SaveState::Saving)
        });
    }

    /// The history with every entry not yet in it, so nothing typed is out of sight.
    pub fn shown_with(&self, history: &History) -> History {
        let mut sets = history.sets().to_vec();
        sets.extend(self.entries.iter().map(|e| e.set.clone()));
        History::new(sets)
    }
}

/// Where a recorded response stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseState {
    Saving,
    /// The server confirmed; kept until a load reads it back.
    Saved,
    Failed(FetchError),
    /// The source cannot hold it (PMD holds only Observations; a Bundle is the host's): it went
    /// to the host in `news2-response`, and stays in view for this session.
    GivenToHost,
}

impl ResponseState {
    pub const NAMES: [&'static str; 4] = ["saving", "saved", "failed", "host"];

    /// The stable public name (`news2-response`'s `state`).
    pub fn name(&self) -> &'static str {
        match self {
            ResponseState::Saving => Self::NAMES[0],
            ResponseState::Saved => Self::NAMES[1],
            ResponseState::Failed(_) => Self::NAMES[2],
            ResponseState::GivenToHost => Self::NAMES[3],
        }
    }
}

/// A response recorded here, until the record holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingResponse {
    /// Kept for every resend: the Communication's identifier.
    pub response_id: String,
    pub response: EscalationResponse,
    /// The Observations of the set it answers.
    pub about: Vec<String>,
    /// The ISBAR text sent with it.
    pub isbar: String,
    pub state: ResponseState,
}

impl PendingResponse {
    /// As a record will hold it, to be shown the way responses read from the record are.
    pub fn recorded(&self) -> RecordedResponse {
        let r = &self.response;
        RecordedResponse {
            response_id: Some(self.response_id.clone()),
            informed: Some(r.informed),
            informed_name: r.informed_name.clone(),
            channel: Some(r.channel),
            at: r.at,
            by: r.by.clone(),
            note: r.note.clone(),
            about: self.about.clone(),
            band: Some(r.band),
            subject: None,
            categorised: true,
        }
    }
}

/// The responses recorded here and not yet read back, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PendingResponses {
    responses: Vec<PendingResponse>,
}

impl PendingResponses {
    pub fn add(&mut self, response: PendingResponse) {
        self.responses.push(response);
    }

    pub fn responses(&self) -> &[PendingResponse] {
        &self.responses
    }

    pub fn get(&self, response_id: &str) -> Option<&PendingResponse> {
        self.responses.iter().find(|r| r.response_id == response_id)
    }

    /// Marks a response as being sent; `None` if there is no such response.
    pub fn start_saving(&mut self, response_id: &str) -> Option<&PendingResponse> {
        let response = self
            .responses
            .iter_mut()
            .find(|r| r.response_id == response_id)?;
        response.state = ResponseState::Saving;
        Some(response)
    }

    pub fn finished(&mut self, response_id: &str, result: Result<(), FetchError>) {
        if let Some(response) = self
            .responses
            .iter_mut()
            .find(|r| r.response_id == response_id)
        {
            response.state = match result {
                Ok(()) => ResponseState::Saved,
                Err(error) => ResponseState::Failed(error),
            };
        }
    }

    /// Drops the responses a load read back (by the id written as their identifier); one in
    /// flight stays until its save ends. Says whether any left.
    pub fn forget_arrived(&mut self, read: &[RecordedResponse]) -> bool {
        let before = self.responses.len();
        self.responses.retain(|pending| {
            let arrived = read
                .iter()
                .any(|r| r.response_id.as_deref() == Some(pending.response_id.as_str()));
            !(arrived && pending.state != ResponseState::Saving)
        });
        self.responses.len() != before
    }

    pub fn is_empty(&self) -> bool {
        self.responses.is_empty()
    }

    /// Drops the responses handed to the host (they are the host's now).
    pub fn forget_given_to_host(&mut self) {
        self.keep_given_to_host_for(|_| false);
    }

    /// Keeps the responses handed to the host only while `held` says the set each answers (by
    /// when it was taken) is on screen. Says whether any left.
    pub fn keep_given_to_host_for(&mut self, held: impl Fn(Timestamp) -> bool) -> bool {
        let before = self.responses.len();
        self.responses
            .retain(|r| r.state != ResponseState::GivenToHost || held(r.response.about_set));
        self.responses.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::observation_set::Spo2ScaleBasis;
    use crate::clinical::time::Timestamp;
    use crate::clinical::{Quantity, Reading, VitalSigns};
    use crate::fhir::retry::FetchErrorKind;

    fn set(minutes: i64) -> ObservationSet {
        let vitals = VitalSigns {
            pulse: Some(Reading::parse(Quantity::Pulse, "80").unwrap()),
            ..VitalSigns::default()
        };
        ObservationSet::new(
            Timestamp::from_millis(minutes * 60_000),
            vitals,
            Spo2ScaleBasis::Default,
        )
    }

    #[test]
    fn an_entry_stays_in_view_until_the_history_has_it() {
        let mut pending = PendingEntries::default();
        pending.add("e1".into(), set(10));
        let history = History::new(vec![set(0)]);
        assert_eq!(pending.shown_with(&history).sets().len(), 2);
        pending.start_saving("e1");
        let error = FetchError {
            kind: FetchErrorKind::Network,
            status: None,
            message: "offline".into(),
        };
        pending.finished("e1", Err(error.clone()));
        assert_eq!(pending.entries()[0].state, SaveState::Failed(error));
        // A failed entry is kept while the history does not have it.
        pending.forget_arrived(|_| false);
        assert_eq!(pending.entries().len(), 1);
        assert_eq!(
            pending.start_saving("e1").map(|e| e.entry_id.as_str()),
            Some("e1"),
            "retried under the same id"
        );
        // One being sent stays, whatever the history says.
        pending.forget_arrived(|_| true);
        assert_eq!(pending.entries().len(), 1);
        pending.finished("e1", Ok(()));
        // Saved, but not yet in the history: still shown.
        pending.forget_arrived(|_| false);
        assert_eq!(pending.entries().len(), 1);
        pending.forget_arrived(|id| id == "urn:news2-widget:entry|e1/pulse");
        assert!(pending.entries().is_empty());
    }

    /// Regression (issue 14): the form said "saved" the moment it was submitted, above a box
    /// saying the save had failed. Its status now follows the entry's state.
    #[test]
    fn the_state_of_an_entry_is_what_its_save_says_and_saved_once_arrived() {
        let mut pending = PendingEntries::default();
        pending.add("e1".into(), set(10));
        assert_eq!(pending.state_of("e1"), SaveState::NotSaved);
        pending.start_saving("e1");
        assert_eq!(pending.state_of("e1"), SaveState::Saving);
        let error = FetchError {
            kind: FetchErrorKind::Server,
            status: Some(500),
            message: String::new(),
        };
        pending.finished("e1", Err(error.clone()));
        assert_eq!(pending.state_of("e1"), SaveState::Failed(error));
        pending.start_saving("e1");
        pending.finished("e1", Ok(()));
        assert_eq!(pending.state_of("e1"), SaveState::Saved);
        pending.forget_arrived(|id| id.starts_with("urn:news2-widget:entry|e1/"));
        assert_eq!(
            pending.state_of("e1"),
            SaveState::Saved,
            "in the history now"
        );
    }
}

#[cfg(test)]
mod arrived_after_failure {
    use super::*;
    use crate::clinical::VitalSigns;
    use crate::clinical::observation_set::Spo2ScaleBasis;
    use crate::clinical::time::Timestamp;
    use crate::fhir::retry::FetchErrorKind;

    // Regression: a save whose answer was lost is "failed" but on the server; once the history
    // has it, it must not show twice.
    #[test]
    fn a_failed_save_that_reached_the_server_is_not_shown_twice() {
        let mut pending = PendingEntries::default();
        let set = ObservationSet::new(
            Timestamp::from_millis(0),
            VitalSigns::default(),
            Spo2ScaleBasis::Default,
        );
        pending.add("e2".into(), set);
        let lost = FetchError {
            kind: FetchErrorKind::Network,
            status: None,
            message: "no answer".into(),
        };
        pending.finished("e2", Err(lost));
        pending.forget_arrived(|id| id.ends_with("e2/news2"));
        assert!(pending.entries().is_empty());
    }
}
