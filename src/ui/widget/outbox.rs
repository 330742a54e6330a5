//! Entries and escalation responses made here that are not in the record yet, kept per source, as a plain type tested
//! natively (tests/widget_state.rs).
//!
//! An unsaved set belongs to the patient it was made for: when the widget is pointed at another
//! source, the entries are set aside (never shown with, scored with or sent to the other
//! patient's record) and come back when their own source is shown again.

use crate::fhir::client::Source;
use crate::fhir::pending::{PendingEntries, PendingResponses};
use crate::fhir::retry::FetchError;

use super::DataSource;

/// The entries of the source on screen, and those set aside for other sources.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outbox {
    /// The FHIR source `current` belongs to; `None` before any FHIR source. A host-given Bundle
    /// keeps the owner: the host decides whose data it is, and was told of every entry.
    owner: Option<Source>,
    current: Unsent,
    set_aside: Vec<(Option<Source>, Unsent)>,
}

/// One patient's entries and escalation responses not yet in the record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Unsent {
    entries: PendingEntries,
    responses: PendingResponses,
}

impl Outbox {
    /// Follows the widget to `source`. Returns whether the entries' owner changed: what was
    /// acknowledged for one patient must not carry over to another.
    pub fn follow(&mut self, source: &DataSource) -> bool {
        let owner = match source {
            DataSource::Fhir(source) => Some(source.clone()),
            DataSource::None | DataSource::Bundle(_) | DataSource::Misconfigured(_) => {
                self.owner.clone()
            }
        };
        if owner == self.owner {
            return false;
        }
        let restored = self
            .set_aside
            .iter()
            .position(|(o, _)| *o == owner)
            .map(|i| self.set_aside.remove(i).1)
            .unwrap_or_default();
        let mut mine = std::mem::replace(&mut self.current, restored);
        // Responses handed to the host wait for nothing: they are not set aside.
        mine.responses.forget_given_to_host();
        if !mine.entries.entries().is_empty() || !mine.responses.is_empty() {
            let previous_owner = std::mem::replace(&mut self.owner, owner);
            self.set_aside.push((previous_owner, mine));
        } else {
            self.owner = owner;
        }
        true
    }

    /// The entries of the source on screen.
    pub fn current(&self) -> &PendingEntries {
        &self.current.entries
    }

    pub fn current_mut(&mut self) -> &mut PendingEntries {
        &mut self.current.entries
    }

    /// The escalation responses recorded for the source on screen.
    pub fn responses(&self) -> &PendingResponses {
        &self.current.responses
    }

    pub fn responses_mut(&mut self) -> &mut PendingResponses {
        &mut self.current.responses
    }

    /// Every patient's unsent entries and responses: the one on screen, then those set aside.
    fn everyone(&mut self) -> impl Iterator<Item = &mut Unsent> {
        std::iter::once(&mut self.current).chain(self.set_aside.iter_mut().map(|(_, u)| u))
    }

    /// Records how an entry's save ended, whichever patient is on screen now: a save still
    /// under way when the nurse moved to another patient ends for the entry it was for.
    pub fn entry_finished(&mut self, entry_id: &str, result: Result<(), FetchError>) {
        for unsent in self.everyone() {
            unsent.entries.finished(entry_id, result.clone());
        }
    }

    /// As [`Outbox::entry_finished`], for an escalation response.
    pub fn response_finished(&mut self, response_id: &str, result: Result<(), FetchError>) {
        for unsent in self.everyone() {
            unsent.responses.finished(response_id, result.clone());
        }
    }

    /// How many entries and responses wait for another source.
    pub fn set_aside_count(&self) -> usize {
        self.set_aside
            .iter()
            .map(|(_, unsent)| unsent.entries.entries().len() + unsent.responses.responses().len())
            .sum()
    }
}
