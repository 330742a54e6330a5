//! The escalation response: what was done about a banner at low–medium or above, as a nurse
//! records it when she acknowledges it (issue 16): who was informed, how, when, by whom, and a
//! note. Plain data with stable public names; `fhir::communication` writes it as a FHIR
//! `Communication`, and `i18n` words it.

use std::collections::HashSet;
use std::time::Duration;

use super::escalation::Standing;
use super::observation_set::{AsOf, CLOCK_SKEW};
use super::schedule::{frequency_for_band, interval};
use super::score::ClinicalRisk;
use super::time::Timestamp;

/// Who was informed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Recipient {
    /// A doctor (the GP, the nursing home's doctor).
    Doctor,
    /// The out-of-hours service (legevakt).
    OutOfHours,
    /// A (registered) nurse.
    Nurse,
    /// 113 / the emergency medical communication centre (AMK).
    Emergency,
    /// Someone else, named in the response.
    Other,
}

impl Recipient {
    pub const ALL: [Recipient; 5] = [
        Recipient::Doctor,
        Recipient::OutOfHours,
        Recipient::Nurse,
        Recipient::Emergency,
        Recipient::Other,
    ];

    /// The stable public name: the code written in FHIR, the event's value.
    pub const fn name(self) -> &'static str {
        match self {
            Recipient::Doctor => "doctor",
            Recipient::OutOfHours => "out-of-hours",
            Recipient::Nurse => "nurse",
            Recipient::Emergency => "emergency-113",
            Recipient::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Recipient::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// How they were informed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channel {
    Phone,
    /// In person (direkte).
    InPerson,
    /// A written message (an e-message in the record).
    Message,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Phone, Channel::InPerson, Channel::Message];

    /// The stable public name.
    pub const fn name(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::InPerson => "in-person",
            Channel::Message => "message",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Channel::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Whether acknowledging a band asks what was done about it: from low–medium up, where Chart 4
/// asks for a clinician's review (urgent ward-based response at low–medium, key threshold at
/// medium, emergency at high). A low band is left to the registered nurse.
pub fn asks_response(band: ClinicalRisk) -> bool {
    band >= ClinicalRisk::LowMedium
}

/// Free texts longer than this are refused, not cut: what the nurse wrote is sent whole or not
/// at all.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// A recorded escalation response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EscalationResponse {
    pub informed: Recipient,
    /// Whom, by name or service: required for [`Recipient::Other`], optional otherwise.
    pub informed_name: Option<String>,
    pub channel: Channel,
    /// When they were informed.
    pub at: Timestamp,
    /// Who informed them (the host's user); `None` when the host does not say.
    pub by: Option<String>,
    pub note: Option<String>,
    /// The set the banner stood on (its time) and the band it gave.
    pub about_set: Timestamp,
    pub band: ClinicalRisk,
}

/// Why a response cannot be recorded as it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResponseRefusal {
    /// "Other" without saying whom.
    OtherWithoutName,
    /// Informed before the set it responds to was taken.
    BeforeTheSet,
    /// Informed later than now (beyond the clock tolerance).
    InTheFuture,
    /// A text over [`MAX_TEXT_CHARS`].
    TooLong,
}

impl EscalationResponse {
    /// The response, or why it cannot be recorded. Texts are trimmed; an empty one is none.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        informed: Recipient,
        informed_name: Option<&str>,
        channel: Channel,
        at: Timestamp,
        by: Option<&str>,
        note: Option<&str>,
        about_set: Timestamp,
        band: ClinicalRisk,
        now: Timestamp,
    ) -> Result<Self, ResponseRefusal> {
        // A control character is no text FHIR takes: written as a space.
        let text = |t: Option<&str>| {
            t.map(|t| {
                t.chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect::<String>()
                    .trim()
                    .to_string()
            })
            .filter(|t| !t.is_empty())
        };
        let (informed_name, by, note) = (text(informed_name), text(by), text(note));
        if [&informed_name, &by, &note]
            .into_iter()
            .flatten()
            .any(|t| t.chars().count() > MAX_TEXT_CHARS)
        {
            return Err(ResponseRefusal::TooLong);
        }
        if informed == Recipient::Other && informed_name.is_none() {
            return Err(ResponseRefusal::OtherWithoutName);
        }
        // A set may be dated a little ahead of the clock (section 16 of docs/clinical-rules.md):
        // "now" is not before it.
        if at < about_set.minus(super::observation_set::CLOCK_SKEW) {
            return Err(ResponseRefusal::BeforeTheSet);
        }
        if at > now.plus(super::observation_set::CLOCK_SKEW) {
            return Err(ResponseRefusal::InTheFuture);
        }
        Ok(EscalationResponse {
            informed,
            informed_name,
            channel,
            at,
            by,
            note,
            about_set,
            band,
        })
    }
}

/// A response as a record holds it: recorded here or by another service's system (read back
/// from its FHIR `Communication`). What another system left out, or coded otherwise, is `None`,
/// never guessed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedResponse {
    /// The id this widget gave it (its identifier in `urn:news2-widget:response`), so a
    /// response waiting to be saved here is known when it comes back; `None` for another
    /// system's.
    pub response_id: Option<String>,
    pub informed: Option<Recipient>,
    /// Whom, by name or service, as written.
    pub informed_name: Option<String>,
    pub channel: Option<Channel>,
    /// When they were informed.
    pub at: Timestamp,
    pub by: Option<String>,
    pub note: Option<String>,
    /// The Observations it is about (`Observation/{id}`).
    pub about: Vec<String>,
    /// The band responded to, when it says.
    pub band: Option<ClinicalRisk>,
    /// The patient it names (`Patient/{id}`), to check it against the patient searched.
    pub subject: Option<String>,
    /// Whether it is written as an escalation response (its category says so). Only such a
    /// response may be placed by its time when it names no set the history holds: another
    /// system's message about some other Observation is not a response to the score.
    pub categorised: bool,
}

/// The responses the widget holds for the patient, and whether they are all there are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Responses {
    pub recorded: Vec<RecordedResponse>,
    /// Whether the source was searched for every response and answered: only then may the
    /// banner say none was recorded. A source that holds none (PMD, a Bundle) or a search that
    /// failed leaves this `false`.
    pub complete: bool,
}

/// A band of medium or above that has stood longer than its monitoring interval with no
/// recorded response: said in the banner, with no colour or sound beyond the band's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unanswered {
    pub band: ClinicalRisk,
    /// When the sets at this band (or above) began: the first set of the run.
    pub since: Timestamp,
    /// The band's monitoring interval, exceeded.
    pub interval: Duration,
}

/// The responses that answer the band in force, and whether it has gone unanswered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answered {
    /// Newest first.
    pub responses: Vec<RecordedResponse>,
    pub unanswered: Option<Unanswered>,
}

/// Which responses answer the band the banner stands on.
///
/// The band is answered by a response about any set of the run it stands on: the sets, back
/// from the newest, whose band is this one or higher (a set with no band yet, being incomplete,
/// neither breaks nor starts the run). A response about a set before the run answered an
/// earlier, other situation and does not count; one that names no set the history holds (another
/// system's, without `about`, or one about a set made here and not yet read back) counts when it
/// was given during the run and names no lower band. One dated after now answers nothing. Bands
/// below medium ask no response of this kind (Chart 4: a registered nurse assesses low scores),
/// so only medium and high can go unanswered, and only when `responses` is complete.
pub fn answered(
    history: AsOf<'_>,
    standing: Option<&Standing>,
    responses: &Responses,
    now: Timestamp,
) -> Answered {
    let Some(standing) = standing else {
        return Answered::default();
    };
    let sets = history.sets();
    let Some(stands_at) = sets.iter().rposition(|s| s.taken_at() == standing.at) else {
        return Answered::default();
    };
    let mut start = stands_at;
    for (i, set) in sets[..stands_at].iter().enumerate().rev() {
        match set.band() {
            Some((band, _)) if band < standing.band => break,
            Some(_) => start = i,
            None => {}
        }
    }
    let since = sets[start].taken_at();
    let in_run: HashSet<&str> = sets[start..]
        .iter()
        .flat_map(|s| s.details.observations.iter().map(String::as_str))
        .collect();
    // Every set the history holds, also those dated ahead of now: a response about one of those
    // is about a known set, not one to place by its time.
    let known: HashSet<&str> = sets
        .iter()
        .chain(history.future())
        .flat_map(|s| s.details.observations.iter().map(String::as_str))
        .collect();
    let latest_possible = now.plus(CLOCK_SKEW);
    let mut answering: Vec<RecordedResponse> = responses
        .recorded
        .iter()
        .filter(|r| {
            // A response dated after now did not happen yet: a wrong date answers nothing.
            if r.at > latest_possible {
                return false;
            }
            // Never to a band it says was lower: a response to a medium score does not answer
            // the high one that came after it, nor the same set scored higher since.
            if r.band.is_some_and(|band| band < standing.band) {
                return false;
            }
            if r.about.iter().any(|key| known.contains(key.as_str())) {
                r.about.iter().any(|key| in_run.contains(key.as_str()))
            } else {
                // Placed by time only: an escalation response given during the run.
                r.categorised && r.at >= since
            }
        })
        .cloned()
        .collect();
    answering.sort_by_key(|r| std::cmp::Reverse(r.at));
    let interval = interval(frequency_for_band(standing.band)).0;
    let unanswered = (responses.complete
        && answering.is_empty()
        && standing.band >= ClinicalRisk::Medium
        && now.since(since).is_some_and(|waited| waited > interval))
    .then_some(Unanswered {
        band: standing.band,
        since,
        interval,
    });
    Answered {
        responses: answering,
        unanswered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> Timestamp {
        Timestamp::from_millis(minutes * 60_000)
    }

    fn response(
        informed: Recipient,
        name: Option<&str>,
        when: i64,
    ) -> Result<EscalationResponse, ResponseRefusal> {
        EscalationResponse::new(
            informed,
            name,
            Channel::Phone,
            at(when),
            Some(" Kari "),
            Some("  "),
            at(10),
            ClinicalRisk::High,
            at(20),
        )
    }

    #[test]
    fn a_response_is_asked_from_low_medium_up() {
        let asked: Vec<_> = ClinicalRisk::ALL
            .into_iter()
            .filter(|&band| asks_response(band))
            .collect();
        assert_eq!(
            asked,
            [
                ClinicalRisk::LowMedium,
                ClinicalRisk::Medium,
                ClinicalRisk::High
            ]
        );
    }

    #[test]
    fn names_are_stable_and_read_back() {
        for recipient in Recipient::ALL {
            assert_eq!(Recipient::from_name(recipient.name()), Some(recipient));
        }
        for channel in Channel::ALL {
            assert_eq!(Channel::from_name(channel.name()), Some(channel));
        }
        assert_eq!(Recipient::from_name("Doctor"), None);
    }

    /// Guards a response that says nothing about whom, or that is dated where it cannot be.
    #[test]
    fn a_response_needs_whom_and_a_possible_time() {
        assert_eq!(
            response(Recipient::Other, None, 15),
            Err(ResponseRefusal::OtherWithoutName)
        );
        assert_eq!(
            response(Recipient::Other, Some("  "), 15),
            Err(ResponseRefusal::OtherWithoutName)
        );
        assert_eq!(
            response(Recipient::Doctor, None, 4),
            Err(ResponseRefusal::BeforeTheSet)
        );
        assert_eq!(
            response(Recipient::Doctor, None, 20 + 6),
            Err(ResponseRefusal::InTheFuture)
        );
        assert!(response(Recipient::Doctor, None, 20).is_ok());
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            response(Recipient::Other, Some(&long), 15),
            Err(ResponseRefusal::TooLong)
        );
    }

    /// Guards a response to a set dated within the clock tolerance ahead of now.
    #[test]
    fn a_response_now_to_a_set_dated_a_little_ahead_is_taken() {
        let ok = EscalationResponse::new(
            Recipient::Doctor,
            None,
            Channel::Phone,
            at(20),
            None,
            Some("Lege\nkommer"),
            at(23),
            ClinicalRisk::Medium,
            at(20),
        )
        .unwrap();
        assert_eq!(ok.note.as_deref(), Some("Lege kommer"));
    }

    #[test]
    fn texts_are_trimmed_and_empty_ones_are_none() {
        let ok = response(Recipient::OutOfHours, Some(" Legevakten i Bergen "), 15).unwrap();
        assert_eq!(ok.informed_name.as_deref(), Some("Legevakten i Bergen"));
        assert_eq!(ok.by.as_deref(), Some("Kari"));
        assert_eq!(ok.note, None);
    }
}
