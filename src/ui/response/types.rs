//! The response step's state as plain types, tested natively: what the acknowledged banner
//! asks a response to, and the nurse's draft of it.

use crate::clinical::ClinicalRisk;
use crate::clinical::escalation::Decision;
use crate::clinical::observation_set::AsOf;
use crate::clinical::response::{
    Channel, EscalationResponse, Recipient, ResponseRefusal, asks_response,
};
use crate::clinical::time::Timestamp;
use crate::fhir::write::Author;
use crate::i18n::format::LocalZone;
use crate::ui::entry_form::form::{EntryTime, local_time};

/// What a response answers: the band the banner stood on when it was acknowledged, and the set
/// (by time and by its Observations).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answering {
    pub band: ClinicalRisk,
    pub set_at: Timestamp,
    /// The set's Observations (`Observation/{id}`); empty for a set made here and not yet read
    /// back.
    pub about: Vec<String>,
}

impl Answering {
    /// What acknowledging `decision` asks a response to, where the engine says its band asks
    /// one (`response::asks_response`), else nothing.
    pub fn of(decision: &Decision, history: AsOf<'_>) -> Option<Answering> {
        let standing = decision.standing.as_ref()?;
        if !asks_response(standing.band) {
            return None;
        }
        let about = history
            .sets()
            .iter()
            .rfind(|set| set.taken_at() == standing.at)
            .map(|set| set.details.observations.clone())
            .unwrap_or_default();
        Some(Answering {
            band: standing.band,
            set_at: standing.at,
            about,
        })
    }
}

/// Why the draft is not a response yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    ChooseInformed,
    ChooseChannel,
    UnreadableTime,
    /// A local time the clocks make happen twice (the autumn night's repeated hour).
    RepeatedTime,
    /// A local time the clocks skip (the spring night's missing hour).
    SkippedTime,
    Refused(ResponseRefusal),
}

impl DraftProblem {
    /// The id suffix of the field to put right, for focus and `aria-describedby`.
    pub fn field(self) -> &'static str {
        match self {
            DraftProblem::ChooseInformed => "informed",
            DraftProblem::Refused(ResponseRefusal::OtherWithoutName) => "informed-name",
            DraftProblem::ChooseChannel => "channel",
            DraftProblem::UnreadableTime
            | DraftProblem::RepeatedTime
            | DraftProblem::SkippedTime
            | DraftProblem::Refused(ResponseRefusal::BeforeTheSet)
            | DraftProblem::Refused(ResponseRefusal::InTheFuture) => "at",
            DraftProblem::Refused(ResponseRefusal::TooLong) => "note",
        }
    }
}

/// The nurse's draft, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResponseDraft {
    pub informed: Option<Recipient>,
    pub informed_name: String,
    pub channel: Option<Channel>,
    /// `dd.mm.åååå tt:mm`, filled with now when the step opens.
    pub at: String,
    pub note: String,
}

/// Who records the response, as the host names its user: "Kari Nordmann, sykepleier,
/// Hjemmetjenesten Nord"; `None` when the host names nobody.
pub fn recorded_by(author: &Author) -> Option<String> {
    let who = &author.provenance;
    let parts: Vec<&str> = [&who.performer, &who.role, &who.organisation]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    who.performer.as_ref().map(|_| parts.join(", "))
}

impl ResponseDraft {
    /// A draft dated `now`, as the nurse would write it.
    pub fn new(now_text: String) -> Self {
        ResponseDraft {
            at: now_text,
            ..ResponseDraft::default()
        }
    }

    /// The response, or the first thing to put right (in the order of the fields).
    pub fn response(
        &self,
        answering: &Answering,
        by: Option<&str>,
        now: Timestamp,
        zone: &dyn LocalZone,
    ) -> Result<EscalationResponse, DraftProblem> {
        let informed = self.informed.ok_or(DraftProblem::ChooseInformed)?;
        if informed == Recipient::Other && self.informed_name.trim().is_empty() {
            return Err(DraftProblem::Refused(ResponseRefusal::OtherWithoutName));
        }
        let channel = self.channel.ok_or(DraftProblem::ChooseChannel)?;
        let at = match local_time(&self.at, zone) {
            EntryTime::At(at) => at,
            EntryTime::Unreadable => return Err(DraftProblem::UnreadableTime),
            EntryTime::Nonexistent => return Err(DraftProblem::SkippedTime),
            EntryTime::Ambiguous { .. } => return Err(DraftProblem::RepeatedTime),
        };
        EscalationResponse::new(
            informed,
            Some(&self.informed_name),
            channel,
            at,
            by,
            Some(&self.note),
            answering.set_at,
            answering.band,
            now,
        )
        .map_err(DraftProblem::Refused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::provenance::Provenance;
    use crate::i18n::format::{FixedZone, date_time};

    const ZONE: FixedZone = FixedZone(60);

    fn answering() -> Answering {
        Answering {
            band: ClinicalRisk::High,
            set_at: Timestamp::from_millis(1_767_225_600_000),
            about: vec!["Observation/1".into()],
        }
    }

    fn minutes_after_set(minutes: i64) -> Timestamp {
        let span = std::time::Duration::from_secs(minutes.unsigned_abs() * 60);
        if minutes < 0 {
            answering().set_at.minus(span)
        } else {
            answering().set_at.plus(span)
        }
    }

    /// Guards the order a nurse puts the step right in: whom, name for "other", how, when.
    #[test]
    fn the_first_field_to_put_right_is_named() {
        let now = minutes_after_set(10);
        let mut draft = ResponseDraft::new(date_time(now, &ZONE));
        let check = |d: &ResponseDraft| d.response(&answering(), None, now, &ZONE);
        assert_eq!(check(&draft), Err(DraftProblem::ChooseInformed));
        draft.informed = Some(Recipient::Other);
        assert_eq!(
            check(&draft).map_err(DraftProblem::field),
            Err("informed-name")
        );
        draft.informed_name = "Fastlege Berg".into();
        assert_eq!(check(&draft), Err(DraftProblem::ChooseChannel));
        draft.channel = Some(Channel::Phone);
        draft.at = "i går".into();
        assert_eq!(check(&draft), Err(DraftProblem::UnreadableTime));
        draft.at = date_time(minutes_after_set(-30), &ZONE);
        assert_eq!(
            check(&draft),
            Err(DraftProblem::Refused(ResponseRefusal::BeforeTheSet))
        );
        draft.at = date_time(now, &ZONE);
        let response = check(&draft).unwrap();
        assert_eq!(response.at, now);
        assert_eq!(response.informed_name.as_deref(), Some("Fastlege Berg"));
        assert_eq!(response.band, ClinicalRisk::High);
    }

    #[test]
    fn the_recorder_is_the_hosts_user_with_role_and_service_or_nobody() {
        let mut author = Author::default();
        assert_eq!(recorded_by(&author), None);
        author.provenance = Provenance {
            organisation: Some("Hjemmetjenesten Nord".into()),
            role: Some("sykepleier".into()),
            ..Provenance::default()
        };
        assert_eq!(
            recorded_by(&author),
            None,
            "a service alone names no person"
        );
        author.provenance.performer = Some("Kari Nordmann".into());
        assert_eq!(
            recorded_by(&author).as_deref(),
            Some("Kari Nordmann, sykepleier, Hjemmetjenesten Nord")
        );
    }
}
