//! An escalation response as a FHIR `Communication` (issue 16), written through the same
//! idempotent path as entries: a transaction whose one entry is created only if no
//! Communication with its identifier exists (`ifNoneExist`), so a resend after a lost answer
//! records it once.
//!
//! The shape (a decision of this project; no national profile exists yet):
//! - `identifier`: [`RESPONSE_SYSTEM`] and the response's id, a fresh UUID kept across resends;
//! - `status` `completed`, `category` [`RESPONSE_CATEGORY`] `news2-escalation-response`;
//! - `subject` the patient; `about` the Observations of the set the banner stood on;
//! - `sent` when they were informed; `sender` who informed them (display only);
//! - `recipient` a contained `PractitionerRole` whose code is the [`Recipient`]'s name in
//!   [`RECIPIENT_ROLE`], displayed with the name given; `medium` HL7 v3 ParticipationMode
//!   (`PHONE`, `FACE`, `WRITTEN`);
//! - `payload` the ISBAR text as copied; `note` the nurse's note;
//! - the band the banner gave, as a `reasonCode` in [`RESPONSE_BAND`], so a reader knows what was
//!   responded to without regrouping the sets.
//!
//! [`read`] reads any completed `Communication` back, this widget's or another service's, for
//! what it says: what it leaves out or codes otherwise is unknown, never guessed.

use serde_json::{Value, json};

use super::datetime;
use super::history::reference_key;
use super::write::instant;
use crate::clinical::ClinicalRisk;
use crate::clinical::response::{Channel, EscalationResponse, Recipient, RecordedResponse};

/// The identifier system of responses recorded in this widget.
pub const RESPONSE_SYSTEM: &str = "urn:news2-widget:response";
/// The category every escalation response carries (and a search can ask for).
pub const RESPONSE_CATEGORY: &str = "urn:news2-widget:communication-category";
/// The code of an escalation response in [`RESPONSE_CATEGORY`].
pub const ESCALATION_RESPONSE: &str = "news2-escalation-response";
/// Who was informed: [`Recipient::name`]s.
pub const RECIPIENT_ROLE: &str = "urn:news2-widget:recipient";
/// The band responded to: `ClinicalRisk::name`s.
pub const RESPONSE_BAND: &str = "urn:news2-widget:risk";
/// HL7 v3 ParticipationMode, for how they were informed.
pub const PARTICIPATION_MODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";

/// What a response needs besides itself.
pub struct NewResponse<'a> {
    /// A fresh UUID per response, kept across resends.
    pub response_id: &'a str,
    /// `Patient/123`; `None` where the host stores it (the widget knows no `Patient/…`).
    pub patient: Option<&'a str>,
    /// The Observations of the set the banner stood on (`Observation/{id}`).
    pub about: &'a [String],
    /// The ISBAR text as copied, if the nurse made one.
    pub isbar: Option<&'a str>,
    pub response: &'a EscalationResponse,
}

fn medium(channel: Channel) -> (&'static str, &'static str) {
    match channel {
        Channel::Phone => ("PHONE", "telephone"),
        Channel::InPerson => ("FACE", "face-to-face"),
        Channel::Message => ("WRITTEN", "written"),
    }
}

impl NewResponse<'_> {
    /// The Communication.
    pub fn communication(&self) -> Value {
        let response = self.response;
        let (mode, mode_display) = medium(response.channel);
        let mut role = json!({
            "resourceType": "PractitionerRole",
            "id": "recipient",
            "code": [{"coding": [{"system": RECIPIENT_ROLE, "code": response.informed.name()}]}],
        });
        let mut recipient = json!({"reference": "#recipient"});
        if let Some(name) = &response.informed_name {
            recipient["display"] = json!(name);
            role["code"][0]["text"] = json!(name);
        }
        let mut communication = json!({
            "resourceType": "Communication",
            "contained": [role],
            "identifier": [{"system": RESPONSE_SYSTEM, "value": self.response_id}],
            "status": "completed",
            "category": [{"coding": [{"system": RESPONSE_CATEGORY, "code": ESCALATION_RESPONSE}]}],
            "medium": [{"coding": [{"system": PARTICIPATION_MODE, "code": mode, "display": mode_display}]}],
            "sent": instant(response.at),
            "recipient": [recipient],
            "reasonCode": [{"coding": [{"system": RESPONSE_BAND, "code": response.band.name()}]}],
        });
        // FHIR allows no empty list: no `about` at all when the set's Observations are unknown.
        if !self.about.is_empty() {
            communication["about"] = self
                .about
                .iter()
                .map(|key| json!({"reference": key}))
                .collect();
        }
        if let Some(patient) = self.patient {
            communication["subject"] = json!({"reference": patient});
        }
        if let Some(by) = &response.by {
            communication["sender"] = json!({"display": by});
        }
        if let Some(text) = self.isbar {
            communication["payload"] = json!([{"contentString": text}]);
        }
        if let Some(note) = &response.note {
            communication["note"] = json!([{"text": note}]);
        }
        communication
    }

    /// The transaction Bundle: the Communication, created only if none with its identifier
    /// exists.
    pub fn transaction(&self) -> Value {
        json!({
            "resourceType": "Bundle",
            "type": "transaction",
            "entry": [{
                "fullUrl": format!("urn:uuid:{}", self.response_id),
                "resource": self.communication(),
                "request": {
                    "method": "POST",
                    "url": "Communication",
                    "ifNoneExist": format!("identifier={RESPONSE_SYSTEM}|{}", self.response_id),
                },
            }],
        })
    }
}

/// The recipient role a Communication names, read back.
pub fn recipient_of(communication: &Value) -> Option<Recipient> {
    let contained = communication["contained"].as_array()?;
    let reference = communication["recipient"][0]["reference"].as_str()?;
    let id = reference.strip_prefix('#')?;
    contained.iter().find(|r| r["id"] == id)?["code"]
        .as_array()?
        .iter()
        .flat_map(|code| code["coding"].as_array().into_iter().flatten())
        .filter(|coding| coding["system"] == RECIPIENT_ROLE)
        .find_map(|coding| coding["code"].as_str().and_then(Recipient::from_name))
}

/// Reads a `Communication` as a recorded response, or says why it is not one: it must be
/// completed, say when it was sent, and be an escalation response (in [`RESPONSE_CATEGORY`]) or
/// about an Observation (another system's record of a call about a measurement). An ordinary
/// message about the patient is not a response to a score.
pub fn read(resource: &Value) -> Result<RecordedResponse, String> {
    if resource["resourceType"] != "Communication" {
        return Err("not a Communication".into());
    }
    match resource["status"].as_str() {
        Some("completed") => {}
        Some(status) => return Err(format!("status {status}: not a response that was given")),
        None => return Err("has no status".into()),
    }
    let at = resource["sent"]
        .as_str()
        .ok_or("has no time it was sent")
        .map_err(str::to_owned)
        .and_then(|sent| datetime::parse(sent).map_err(|why| format!("sent {why}")))?;
    let text = |value: &Value| {
        value
            .as_str()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let codes = |member: &Value, system: &str| -> Vec<String> {
        member
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|concept| concept["coding"].as_array().into_iter().flatten())
            .filter(|coding| coding["system"] == system)
            .filter_map(|coding| coding["code"].as_str().map(str::to_owned))
            .collect()
    };
    let channel = codes(&resource["medium"], PARTICIPATION_MODE)
        .iter()
        .find_map(|code| match code.as_str() {
            "PHONE" => Some(Channel::Phone),
            "FACE" => Some(Channel::InPerson),
            "WRITTEN" | "ELECTRONIC" | "ONLINEWRIT" | "EMAILWRIT" | "TYPEWRIT" | "HANDWRIT" => {
                Some(Channel::Message)
            }
            _ => None,
        });
    let band = codes(&resource["reasonCode"], RESPONSE_BAND)
        .iter()
        .find_map(|code| {
            ClinicalRisk::ALL
                .into_iter()
                .find(|risk| risk.name() == code)
        });
    let about: Vec<String> = resource["about"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|about| about["reference"].as_str())
        .map(reference_key)
        .filter(|key| key.starts_with("Observation/"))
        .collect();
    let categorised = codes(&resource["category"], RESPONSE_CATEGORY)
        .iter()
        .any(|code| code == ESCALATION_RESPONSE);
    if about.is_empty() && !categorised {
        return Err(
            "not an escalation response: neither its category nor an Observation it is about \
             says so"
                .into(),
        );
    }
    let response_id = resource["identifier"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|identifier| identifier["system"] == RESPONSE_SYSTEM)
        .find_map(|identifier| text(&identifier["value"]));
    Ok(RecordedResponse {
        response_id,
        informed: recipient_of(resource),
        informed_name: text(&resource["recipient"][0]["display"]),
        channel,
        at,
        by: text(&resource["sender"]["display"]),
        note: text(&resource["note"][0]["text"]),
        about,
        band,
        subject: resource["subject"]["reference"].as_str().map(reference_key),
        categorised,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::time::Timestamp;

    fn response(note: Option<&str>) -> EscalationResponse {
        EscalationResponse::new(
            Recipient::OutOfHours,
            Some("Legevakten <b>Nord</b>"),
            Channel::Phone,
            Timestamp::from_millis(1_767_225_600_000),
            Some("Kari Nordmann"),
            note,
            Timestamp::from_millis(1_767_225_000_000),
            ClinicalRisk::High,
            Timestamp::from_millis(1_767_225_600_000),
        )
        .unwrap()
    }

    fn new<'a>(response: &'a EscalationResponse, about: &'a [String]) -> NewResponse<'a> {
        NewResponse {
            response_id: "5f0c2d7e-1b2a-4c3d-9e8f-0a1b2c3d4e5f",
            patient: Some("Patient/123"),
            about,
            isbar: Some("I – Identifisering\n- Innringer: Kari"),
            response,
        }
    }

    /// Guards the resend: the same response is the same Bundle, created only if its identifier
    /// is not there yet.
    #[test]
    fn a_resend_is_the_same_bundle_created_once() {
        let response = response(None);
        let about = vec!["Observation/1".to_string()];
        let first = new(&response, &about).transaction();
        assert_eq!(first, new(&response, &about).transaction());
        assert_eq!(
            first["entry"][0]["request"]["ifNoneExist"],
            "identifier=urn:news2-widget:response|5f0c2d7e-1b2a-4c3d-9e8f-0a1b2c3d4e5f"
        );
        assert_eq!(first["entry"][0]["request"]["url"], "Communication");
    }

    #[test]
    fn the_communication_says_who_how_when_about_what_and_the_isbar() {
        let response = response(Some("Lege kommer innen 30 min"));
        let about = vec!["Observation/1".to_string(), "Observation/2".to_string()];
        let c = new(&response, &about).communication();
        assert_eq!(c["status"], "completed");
        assert_eq!(c["subject"]["reference"], "Patient/123");
        assert_eq!(c["about"][1]["reference"], "Observation/2");
        assert_eq!(c["sent"], "2026-01-01T00:00:00Z");
        assert_eq!(c["sender"]["display"], "Kari Nordmann");
        assert_eq!(c["medium"][0]["coding"][0]["code"], "PHONE");
        assert_eq!(c["reasonCode"][0]["coding"][0]["code"], "high");
        assert_eq!(
            c["payload"][0]["contentString"],
            "I – Identifisering\n- Innringer: Kari"
        );
        assert_eq!(c["note"][0]["text"], "Lege kommer innen 30 min");
        // Markup is data: written as given, to be shown as text by any reader.
        assert_eq!(c["recipient"][0]["display"], "Legevakten <b>Nord</b>");
        assert_eq!(recipient_of(&c), Some(Recipient::OutOfHours));
    }

    /// Guards a response without a sender, note or ISBAR: those members are left out, never
    /// written as null (a validating server refuses null).
    #[test]
    fn what_is_not_known_is_left_out_not_null() {
        let response = EscalationResponse::new(
            Recipient::Doctor,
            None,
            Channel::InPerson,
            Timestamp::from_millis(60_000),
            None,
            None,
            Timestamp::from_millis(0),
            ClinicalRisk::LowMedium,
            Timestamp::from_millis(60_000),
        )
        .unwrap();
        let c = NewResponse {
            response_id: "r1",
            patient: None,
            about: &[],
            isbar: None,
            response: &response,
        }
        .communication();
        for member in ["sender", "payload", "note", "about", "subject"] {
            assert!(c.get(member).is_none(), "{member}: {c}");
        }
        assert!(c["recipient"][0].get("display").is_none());
        assert!(!c.to_string().contains("null"), "{c}");
        assert_eq!(recipient_of(&c), Some(Recipient::Doctor));
    }

    /// Guards the round trip: a response written here reads back as what was recorded.
    #[test]
    fn a_written_response_reads_back_as_recorded() {
        let response = response(Some("Lege kommer innen 30 min"));
        let about = vec!["Observation/1".to_string(), "Observation/2".to_string()];
        let read = read(&new(&response, &about).communication()).unwrap();
        assert_eq!(
            read,
            RecordedResponse {
                response_id: Some("5f0c2d7e-1b2a-4c3d-9e8f-0a1b2c3d4e5f".into()),
                informed: Some(Recipient::OutOfHours),
                informed_name: Some("Legevakten <b>Nord</b>".into()),
                channel: Some(Channel::Phone),
                at: response.at,
                by: Some("Kari Nordmann".into()),
                note: Some("Lege kommer innen 30 min".into()),
                about,
                band: Some(ClinicalRisk::High),
                subject: Some("Patient/123".into()),
                categorised: true,
            }
        );
    }

    /// Guards another service's record: what it leaves out or codes otherwise is unknown, never
    /// guessed; a withdrawn one or one without a time is not a response.
    #[test]
    fn another_systems_communication_is_read_for_what_it_says() {
        let theirs = serde_json::json!({
            "resourceType": "Communication",
            "status": "completed",
            "sent": "2026-11-26T14:05:00+01:00",
            "recipient": [{"display": "Legevakten"}],
            "medium": [{"coding": [{"system": PARTICIPATION_MODE, "code": "VIDEOCONF"}]}],
            "about": [
                {"reference": "https://fhir.example.no/fhir/Observation/9/_history/2"},
                {"reference": "Patient/1"}
            ],
        });
        let read = read(&theirs).unwrap();
        assert_eq!(read.informed, None);
        assert_eq!(read.response_id, None);
        assert!(!read.categorised);
        assert_eq!(read.informed_name.as_deref(), Some("Legevakten"));
        assert_eq!(read.channel, None);
        assert_eq!(read.band, None);
        assert_eq!(read.about, ["Observation/9"]);
        let mut withdrawn = theirs.clone();
        withdrawn["status"] = "entered-in-error".into();
        assert!(read_err(&withdrawn).contains("entered-in-error"));
        let mut untimed = theirs.clone();
        untimed.as_object_mut().unwrap().remove("sent");
        assert!(read_err(&untimed).contains("time"));
        // An ordinary message about the patient is not a response to a score.
        let mut message = theirs;
        message["about"] = serde_json::json!([{"reference": "Patient/1"}]);
        assert!(read_err(&message).contains("not an escalation response"));
    }

    fn read_err(resource: &Value) -> String {
        read(resource).unwrap_err()
    }
}
