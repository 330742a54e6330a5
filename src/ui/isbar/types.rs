//! The ISBAR panel's state as plain data, tested natively: whether it is open, the nurse's R and
//! the band she wrote it under, and how the last copy went; and the identification the host's
//! author gives.

use crate::clinical::Parameter;
use crate::clinical::escalation::texts::ResponseRow;
use crate::clinical::isbar::{Identification, Isbar};
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

/// What R's default stands on: the Chart 4 row in force, and what an incomplete newest set
/// lacks (R then begins with "complete the set now"). A recommendation written under one basis
/// does not fit another.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecommendationBasis {
    row: Option<ResponseRow>,
    complete_first: Vec<Parameter>,
}

impl RecommendationBasis {
    pub fn of(summary: &Isbar) -> Self {
        RecommendationBasis {
            row: summary.recommendation,
            complete_first: summary
                .situation
                .to_complete
                .as_ref()
                .map(|to_complete| to_complete.missing.clone())
                .unwrap_or_default(),
        }
    }
}

/// The panel's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IsbarDraft {
    open: bool,
    /// What the nurse wrote as R, and what R's default stood on when she wrote it.
    written: Option<(RecommendationBasis, String)>,
    /// R was set back to the default because its basis changed under it.
    reset: bool,
    /// The last copy: its outcome and the text copied, kept until the next copy or a change of
    /// R (the summary's ages move with the clock; the text to copy by hand must not).
    copied: Option<(CopyOutcome, String)>,
}

impl IsbarDraft {
    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// The nurse wrote R while `basis` was in force.
    pub fn write(&mut self, basis: RecommendationBasis, text: String) {
        self.written = Some((basis, text));
        self.reset = false;
        self.copied = None;
    }

    /// R's default now stands on `basis`: an R written under another no longer fits (it may be
    /// calmer than the response now required), so it is dropped and that is said.
    pub fn follow(&mut self, basis: &RecommendationBasis) {
        if self
            .written
            .as_ref()
            .is_some_and(|(written, _)| written != basis)
        {
            self.written = None;
            self.reset = true;
            self.copied = None;
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

    /// How the last copy went, and the text it copied.
    pub fn last_copy(&self) -> Option<(CopyOutcome, &str)> {
        self.copied
            .as_ref()
            .map(|(outcome, text)| (*outcome, text.as_str()))
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
    fn basis(row: ResponseRow, complete_first: &[Parameter]) -> RecommendationBasis {
        RecommendationBasis {
            row: Some(row),
            complete_first: complete_first.to_vec(),
        }
    }

    #[test]
    fn a_recommendation_written_for_another_band_is_set_back_and_said() {
        let mut draft = IsbarDraft::default();
        draft.write(basis(ResponseRow::Medium, &[]), "Tilsyn i morgen".into());
        draft.follow(&basis(ResponseRow::Medium, &[]));
        assert_eq!(draft.recommendation("default"), "Tilsyn i morgen");
        assert!(!draft.was_reset());
        draft.follow(&basis(ResponseRow::High, &[]));
        assert_eq!(
            draft.recommendation("Ring legevakt straks"),
            "Ring legevakt straks"
        );
        assert!(draft.was_reset());
        draft.write(basis(ResponseRow::High, &[]), "Ringt 113".into());
        assert!(!draft.was_reset());
    }

    /// Guards R against a newest set that turns incomplete under it: the default then asks to
    /// complete the set first, and her R, written before, is set back.
    #[test]
    fn a_recommendation_is_set_back_when_the_newest_set_must_be_completed_first() {
        let mut draft = IsbarDraft::default();
        draft.write(basis(ResponseRow::Low, &[]), "Ny måling om 4 timer".into());
        draft.follow(&basis(ResponseRow::Low, &[Parameter::Pulse]));
        assert!(draft.was_reset());
        assert_eq!(
            draft.recommendation("Fullfør målingen nå"),
            "Fullfør målingen nå"
        );
    }

    /// Guards the text to copy by hand: it stays as copied while the clock moves the summary's
    /// ages on, until the next copy or a change of R.
    #[test]
    fn the_last_copy_stays_until_the_next_copy_or_a_change_of_r() {
        let mut draft = IsbarDraft::default();
        assert_eq!(draft.last_copy(), None);
        draft.copied(CopyOutcome::Failed, "målt 08:04 (5 min siden)");
        assert_eq!(
            draft.last_copy(),
            Some((CopyOutcome::Failed, "målt 08:04 (5 min siden)"))
        );
        draft.copied(CopyOutcome::Copied, "b");
        assert_eq!(draft.last_copy(), Some((CopyOutcome::Copied, "b")));
        draft.write(basis(ResponseRow::High, &[]), "Ringt 113".into());
        assert_eq!(draft.last_copy(), None);
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
