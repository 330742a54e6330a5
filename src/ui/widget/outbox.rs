//! Entries made here that are not in the history yet, kept per source, as a plain type tested
//! natively (tests/widget_state.rs).
//!
//! An unsaved set belongs to the patient it was made for: when the widget is pointed at another
//! source, the entries are set aside (never shown with, scored with or sent to the other
//! patient's record) and come back when their own source is shown again.

use crate::fhir::client::Source;
use crate::fhir::pending::PendingEntries;

use super::DataSource;

/// The entries of the source on screen, and those set aside for other sources.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outbox {
    /// The FHIR source `current` belongs to; `None` before any FHIR source. A host-given Bundle
    /// keeps the owner: the host decides whose data it is, and was told of every entry.
    owner: Option<Source>,
    current: PendingEntries,
    set_aside: Vec<(Option<Source>, PendingEntries)>,
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
        let mine = std::mem::replace(&mut self.current, restored);
        if !mine.entries().is_empty() {
            let previous_owner = std::mem::replace(&mut self.owner, owner);
            self.set_aside.push((previous_owner, mine));
        } else {
            self.owner = owner;
        }
        true
    }

    /// The entries of the source on screen.
    pub fn current(&self) -> &PendingEntries {
        &self.current
    }

    pub fn current_mut(&mut self) -> &mut PendingEntries {
        &mut self.current
    }

    /// How many entries wait for another source.
    pub fn set_aside_count(&self) -> usize {
        self.set_aside
            .iter()
            .map(|(_, entries)| entries.entries().len())
            .sum()
    }
}
