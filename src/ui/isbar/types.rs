//! The ISBAR panel's state as plain data, tested natively: whether it is open, the nurse's R and
//! the band she wrote it under, and how the last copy went; and the identification the host's
//! author gives.

use crate::clinical::escalation::texts::ResponseRow;
use crate::clinical::isbar::Identification;
use crate::fhir::write::Author;
use crate::i18n::Language;
use crate::i18n::provenance::service_kind;

/// How a copy to the clipboard went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    Copied,
    /// The browser refused (no clipboard outside a secure page, or no permission): the text is
    /// shown selected, to copy by hand.
    Failed,
}

impl CopyOutcome {
    /// The `data-copy` attribute's value.
    pub const fn as_str(self) -> &'static str {
        match self {
            CopyOutcome::Copied => "copied",
            CopyOutcome::Failed => "failed",
        }
    }
}

/// The panel's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IsbarDraft {
    open: bool,
    /// What the nurse wrote as R, and the Chart 4 row in force when she wrote it.
    written: Option<(Option<ResponseRow>, String)>,
    /// R was set back to the default because the band changed under it.
    reset: bool,
    /// The last copy: its outcome and the text it copied (a changed text is not "copied").
    copied: Option<(CopyOutcome, String)>,
}

impl IsbarDraft {
    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// The nurse wrote R while `row` was in force.
    pub fn write(&mut self, row: Option<ResponseRow>, text: String) {
        self.written = Some((row, text));
        self.reset = false;
    }

    /// The band in force is now `row`: an R written under another row no longer fits (it may
    /// be calmer than the response now required), so it is dropped and that is said.
    pub fn follow(&mut self, row: Option<ResponseRow>) {
        if self
            .written
            .as_ref()
            .is_some_and(|(written, _)| *written != row)
        {
            self.written = None;
            self.reset = true;
        }
    }

    /// R as it stands: what the nurse wrote, else `default` (the band's response).
    pub fn recommendation<'a>(&'a self, default: &'a str) -> &'a str {
        self.written
            .as_ref()
            .map_or(default, |(_, text)| text.as_str())
    }

    /// Whether R was set back to the default because the band changed.
    pub fn was_reset(&self) -> bool {
        self.reset
    }

    pub fn copied(&mut self, outcome: CopyOutcome, text: &str) {
        self.copied = Some((outcome, text.to_string()));
    }

    /// How copying `text` went, if it was the text last copied.
    pub fn copy_of(&self, text: &str) -> Option<CopyOutcome> {
        self.copied
            .as_ref()
            .filter(|(_, copied)| copied == text)
            .map(|(outcome, _)| *outcome)
    }
}

/// I as the host's author gives it: the person (with the role) calling, and the service
/// (organisation, with its kind); the patient as the host labels it.
pub fn identification(
    author: &Author,
    patient: Option<&str>,
    language: Language,
) -> Identification {
    let who = &author.provenance;
    let caller = match (&who.performer, &who.role) {
        (Some(person), Some(role)) => Some(format!("{person}, {role}")),
        (Some(person), None) => Some(person.clone()),
        (None, _) => None,
    };
    let service = match (&who.organisation, who.service) {
        (Some(organisation), Some(kind)) => {
            Some(format!("{organisation} ({})", service_kind(language, kind)))
        }
        (Some(organisation), None) => Some(organisation.clone()),
        (None, Some(kind)) => Some(service_kind(language, kind).to_string()),
        (None, None) => None,
    };
    Identification {
        caller,
        service,
        patient: patient.map(str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::provenance::{Provenance, ServiceKind};

    /// Guards R against a band that rose while the nurse wrote it: her text is dropped, the new
    /// band's response stands, and the panel says so.
    #[test]
    fn a_recommendation_written_for_another_band_is_set_back_and_said() {
        let mut draft = IsbarDraft::default();
        draft.write(Some(ResponseRow::Medium), "Tilsyn i morgen".into());
        draft.follow(Some(ResponseRow::Medium));
        assert_eq!(draft.recommendation("default"), "Tilsyn i morgen");
        assert!(!draft.was_reset());
        draft.follow(Some(ResponseRow::High));
        assert_eq!(
            draft.recommendation("Ring legevakt straks"),
            "Ring legevakt straks"
        );
        assert!(draft.was_reset());
        draft.write(Some(ResponseRow::High), "Ringt 113".into());
        assert!(!draft.was_reset());
    }

    /// Guards "copied": it is said only of the text that was copied, not of a changed one.
    #[test]
    fn copied_holds_only_for_the_text_that_was_copied() {
        let mut draft = IsbarDraft::default();
        assert_eq!(draft.copy_of("a"), None);
        draft.copied(CopyOutcome::Copied, "a");
        assert_eq!(draft.copy_of("a"), Some(CopyOutcome::Copied));
        assert_eq!(draft.copy_of("b"), None);
        draft.copied(CopyOutcome::Failed, "b");
        assert_eq!(draft.copy_of("b"), Some(CopyOutcome::Failed));
    }

    #[test]
    fn identification_is_the_hosts_author_and_label_only() {
        let author = Author {
            provenance: Provenance {
                organisation: Some("Bergen kommune".into()),
                service: Some(ServiceKind::HomeCare),
                performer: Some("Kari Nordmann".into()),
                role: Some("sykepleier".into()),
                system: Some("Gerica".into()),
            },
            municipality: None,
        };
        let given = identification(&author, Some("Rom 12"), Language::Nb);
        assert_eq!(given.caller.as_deref(), Some("Kari Nordmann, sykepleier"));
        assert_eq!(
            given.service.as_deref(),
            Some("Bergen kommune (Hjemmetjenesten)")
        );
        assert_eq!(given.patient.as_deref(), Some("Rom 12"));
        assert_eq!(
            identification(&Author::default(), None, Language::Nb),
            Identification::default()
        );
    }
}
