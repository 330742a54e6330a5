//! The escalation response in words: the step that records it, a recorded response as one line
//! ("Legevakt informert 26.11.2026 14:05 av Kari Nordmann, telefon"), and the banner's line
//! when a band has gone unanswered.

use super::Language;
use super::format::{LocalZone, date_time, duration};
use super::words::risk_word;
use crate::clinical::response::{
    Channel, Recipient, RecordedResponse, ResponseRefusal, Unanswered,
};

/// The response step's fixed texts.
#[derive(Debug)]
pub struct ResponseWords {
    pub heading: &'static str,
    /// Where the widget saves the response to the FHIR server every service reads.
    pub intro: &'static str,
    /// Where the source cannot hold it: the record system (the host) gets it.
    pub intro_host: &'static str,
    pub informed: &'static str,
    pub informed_name: &'static str,
    pub channel: &'static str,
    pub at: &'static str,
    pub at_hint: &'static str,
    pub by: &'static str,
    /// When the host names no user.
    pub by_unknown: &'static str,
    pub note: &'static str,
    pub save: &'static str,
    pub skip: &'static str,
    pub choose_informed: &'static str,
    pub choose_channel: &'static str,
    pub unreadable_time: &'static str,
    /// A local time that happens twice (the autumn night's repeated hour).
    pub repeated_time: &'static str,
    /// A local time the clocks skip (the spring night's missing hour).
    pub skipped_time: &'static str,
    /// Heading of the responses the banner stands with.
    pub recorded_heading: &'static str,
    /// Heading of the responses recorded here and not yet in the record.
    pub pending_heading: &'static str,
    pub saving: &'static str,
    pub saved_waiting: &'static str,
    pub save_failed: &'static str,
    /// A response the widget cannot save where the source is (PMD holds only Observations):
    /// handed to the journal system.
    pub given_to_host: &'static str,
    /// Said when a response read from the source could not be read.
    pub not_read: &'static str,
}

const NB: ResponseWords = ResponseWords {
    heading: "Hva ble gjort?",
    intro: "Registrer hvem som ble informert om skåren. Responsen lagres slik at alle tjenester som følger pasienten, ser den.",
    intro_host: "Registrer hvem som ble informert om skåren. Responsen gis til journalsystemet, som lagrer den.",
    informed: "Hvem ble informert?",
    informed_name: "Navn eller tjeneste",
    channel: "Hvordan?",
    at: "Når (dd.mm.åååå tt:mm)",
    at_hint: "Nå er fylt inn; endre om det var tidligere.",
    by: "Registrert av",
    by_unknown: "ikke oppgitt av journalsystemet",
    note: "Notat (valgfritt)",
    save: "Lagre respons",
    skip: "Ikke nå",
    choose_informed: "Velg hvem som ble informert.",
    choose_channel: "Velg hvordan de ble informert.",
    unreadable_time: "Skriv tidspunktet som dd.mm.åååå tt:mm.",
    repeated_time: "Dette klokkeslettet finnes to ganger i natt (klokka stilles tilbake); skriv et tidspunkt utenfor den gjentatte timen.",
    skipped_time: "Dette klokkeslettet finnes ikke i natt (klokka stilles fram en time); skriv et annet tidspunkt.",
    recorded_heading: "Registrert respons",
    pending_heading: "Respons ikke i journalen ennå",
    saving: "lagres …",
    saved_waiting: "lagret, venter på oppdatering",
    save_failed: "ikke lagret",
    given_to_host: "gitt til journalsystemet (kilden tar ikke imot responser)",
    not_read: "Registrerte responser kunne ikke leses",
};

const NN: ResponseWords = ResponseWords {
    heading: "Kva vart gjort?",
    intro: "Registrer kven som vart informert om skåren. Responsen vert lagra slik at alle tenester som følgjer pasienten, ser han.",
    intro_host: "Registrer kven som vart informert om skåren. Responsen vert gitt til journalsystemet, som lagrar han.",
    informed: "Kven vart informert?",
    informed_name: "Namn eller teneste",
    channel: "Korleis?",
    at: "Når (dd.mm.åååå tt:mm)",
    at_hint: "No er fylt inn; endre om det var tidlegare.",
    by: "Registrert av",
    by_unknown: "ikkje oppgitt av journalsystemet",
    note: "Notat (valfritt)",
    save: "Lagre respons",
    skip: "Ikkje no",
    choose_informed: "Vel kven som vart informert.",
    choose_channel: "Vel korleis dei vart informerte.",
    unreadable_time: "Skriv tidspunktet som dd.mm.åååå tt:mm.",
    repeated_time: "Dette klokkeslettet finst to gonger i natt (klokka vert stilt tilbake); skriv eit tidspunkt utanfor den gjentekne timen.",
    skipped_time: "Dette klokkeslettet finst ikkje i natt (klokka vert stilt fram ein time); skriv eit anna tidspunkt.",
    recorded_heading: "Registrert respons",
    pending_heading: "Respons ikkje i journalen enno",
    saving: "vert lagra …",
    saved_waiting: "lagra, ventar på oppdatering",
    save_failed: "ikkje lagra",
    given_to_host: "gitt til journalsystemet (kjelda tek ikkje imot responsar)",
    not_read: "Registrerte responsar kunne ikkje lesast",
};

const EN: ResponseWords = ResponseWords {
    heading: "What was done?",
    intro: "Record who was informed of the score. The response is saved so that every service following the patient sees it.",
    intro_host: "Record who was informed of the score. The response goes to the record system, which stores it.",
    informed: "Who was informed?",
    informed_name: "Name or service",
    channel: "How?",
    at: "When (dd.mm.yyyy hh:mm)",
    at_hint: "Now is filled in; change it if it was earlier.",
    by: "Recorded by",
    by_unknown: "not given by the record system",
    note: "Note (optional)",
    save: "Save response",
    skip: "Not now",
    choose_informed: "Choose who was informed.",
    choose_channel: "Choose how they were informed.",
    unreadable_time: "Write the time as dd.mm.yyyy hh:mm.",
    repeated_time: "This time happens twice tonight (the clocks go back); write a time outside the repeated hour.",
    skipped_time: "This time does not exist tonight (the clocks go forward an hour); write another time.",
    recorded_heading: "Recorded response",
    pending_heading: "Response not in the record yet",
    saving: "saving …",
    saved_waiting: "saved, waiting for the update",
    save_failed: "not saved",
    given_to_host: "handed to the record system (the source does not take responses)",
    not_read: "Recorded responses could not be read",
};

pub fn response_words(language: Language) -> &'static ResponseWords {
    match language {
        Language::Nb => &NB,
        Language::Nn => &NN,
        Language::En => &EN,
    }
}

/// Who was informed, as a choice and in a line.
pub fn recipient(language: Language, recipient: Recipient) -> &'static str {
    match recipient {
        Recipient::Doctor => language.pick("Lege", "Lege", "Doctor"),
        Recipient::OutOfHours => language.pick("Legevakt", "Legevakt", "Out-of-hours service"),
        Recipient::Nurse => language.pick("Sykepleier", "Sjukepleiar", "Nurse"),
        Recipient::Emergency => "113 / AMK",
        Recipient::Other => language.pick("Annen", "Annan", "Other"),
    }
}

/// How they were informed.
pub fn channel(language: Language, channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => language.pick("Telefon", "Telefon", "Phone"),
        Channel::InPerson => language.pick("Direkte", "Direkte", "In person"),
        Channel::Message => language.pick("Melding", "Melding", "Message"),
    }
}

/// Why the step cannot save the response as it stands.
pub fn refusal(language: Language, refusal: ResponseRefusal) -> &'static str {
    match refusal {
        ResponseRefusal::OtherWithoutName => language.pick(
            "Skriv hvem som ble informert.",
            "Skriv kven som vart informert.",
            "Write who was informed.",
        ),
        ResponseRefusal::BeforeTheSet => language.pick(
            "Tidspunktet er før målingen ble tatt.",
            "Tidspunktet er før målinga vart teken.",
            "The time is before the set was taken.",
        ),
        ResponseRefusal::InTheFuture => language.pick(
            "Tidspunktet er fram i tid.",
            "Tidspunktet er fram i tid.",
            "The time is in the future.",
        ),
        ResponseRefusal::TooLong => language.pick(
            "En tekst er lengre enn 2000 tegn.",
            "Ein tekst er lengre enn 2000 teikn.",
            "A text is longer than 2,000 characters.",
        ),
    }
}

/// A recorded response in one line: whom (and by name), when, by whom, how.
pub fn line(language: Language, response: &RecordedResponse, zone: &dyn LocalZone) -> String {
    let l = language;
    let whom = match (response.informed, response.informed_name.as_deref()) {
        (Some(Recipient::Other) | None, Some(name)) => name.to_string(),
        (Some(r), Some(name)) => format!("{} ({name})", recipient(l, r)),
        (Some(r), None) => recipient(l, r).to_string(),
        (None, None) => l
            .pick("Ukjent mottaker", "Ukjend mottakar", "Unknown recipient")
            .to_string(),
    };
    let mut text = format!(
        "{whom} {} {}",
        l.pick("informert", "informert", "informed"),
        date_time(response.at, zone)
    );
    if let Some(by) = &response.by {
        text.push_str(&format!(" {} {by}", l.pick("av", "av", "by")));
    }
    if let Some(how) = response.channel {
        text.push_str(&format!(", {}", channel(l, how).to_lowercase()));
    }
    if let Some(note) = &response.note {
        text.push_str(&format!(". {note}"));
    }
    text
}

/// The banner's line for a band that has gone unanswered.
pub fn unanswered(language: Language, unanswered: &Unanswered, zone: &dyn LocalZone) -> String {
    let l = language;
    format!(
        "{} {} {} {} ({} {}).",
        l.pick(
            "Ingen respons er registrert på",
            "Ingen respons er registrert på",
            "No response has been recorded to the"
        ),
        risk_word(l, unanswered.band),
        l.pick("risiko siden", "risiko sidan", "risk since"),
        date_time(unanswered.since, zone),
        l.pick(
            "lenger enn overvåkingsintervallet på",
            "lenger enn overvakingsintervallet på",
            "longer than the monitoring interval of"
        ),
        duration(unanswered.interval, l),
    )
}
