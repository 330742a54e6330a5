//! What went wrong, in words a nurse can act on: a title and what to do for every kind of
//! failure, in bokmål, nynorsk and English. The technical detail (English, for support) is shown
//! apart, behind a disclosure.

use super::Language;
use crate::fhir::retry::FetchErrorKind;

/// A failure the widget tells a nurse about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// Fetching or saving failed.
    Fetch(FetchErrorKind),
    /// The widget itself stopped (a defect): nothing more can be shown until the page reloads.
    Internal,
}

/// A failure in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TroubleWords {
    pub title: &'static str,
    /// What the nurse can do.
    pub advice: &'static str,
}

const fn words(title: &'static str, advice: &'static str) -> TroubleWords {
    TroubleWords { title, advice }
}

/// The heading of the technical detail's disclosure.
pub fn technical_details(language: Language) -> &'static str {
    match language {
        Language::Nb => "Teknisk informasjon til brukerstøtte",
        Language::Nn => "Teknisk informasjon til brukarstøtte",
        Language::En => "Technical details for support",
    }
}

/// The title and advice for a failure.
pub fn trouble_words(trouble: Trouble, language: Language) -> TroubleWords {
    use FetchErrorKind as K;
    match (trouble, language) {
        (Trouble::Fetch(K::Network), Language::Nb) => words(
            "Fikk ikke kontakt med journalsystemet.",
            "Sjekk nettforbindelsen og prøv igjen.",
        ),
        (Trouble::Fetch(K::Network), Language::Nn) => words(
            "Fekk ikkje kontakt med journalsystemet.",
            "Sjekk nettilkoplinga og prøv igjen.",
        ),
        (Trouble::Fetch(K::Network), Language::En) => words(
            "The record system could not be reached.",
            "Check the network connection and try again.",
        ),
        (Trouble::Fetch(K::Timeout), Language::Nb) => {
            words("Journalsystemet svarte ikke i tide.", "Prøv igjen om litt.")
        }
        (Trouble::Fetch(K::Timeout), Language::Nn) => words(
            "Journalsystemet svarte ikkje i tide.",
            "Prøv igjen om litt.",
        ),
        (Trouble::Fetch(K::Timeout), Language::En) => words(
            "The record system did not answer in time.",
            "Try again in a little while.",
        ),
        (Trouble::Fetch(K::Auth), Language::Nb) => words(
            "Innloggingen er utløpt eller gir ikke tilgang til målingene.",
            "Logg inn på nytt i journalen og prøv igjen.",
        ),
        (Trouble::Fetch(K::Auth), Language::Nn) => words(
            "Innlogginga er gått ut eller gir ikkje tilgang til målingane.",
            "Logg inn på nytt i journalen og prøv igjen.",
        ),
        (Trouble::Fetch(K::Auth), Language::En) => words(
            "The sign-in has expired or does not give access to the observations.",
            "Sign in to the record again and try again.",
        ),
        (Trouble::Fetch(K::NotFound), Language::Nb) => words(
            "Fant ikke målingene for denne pasienten.",
            "Kontroller at riktig pasient er valgt. Kontakt systemansvarlig hvis feilen varer.",
        ),
        (Trouble::Fetch(K::NotFound), Language::Nn) => words(
            "Fann ikkje målingane for denne pasienten.",
            "Kontroller at rett pasient er vald. Kontakt systemansvarleg om feilen varer.",
        ),
        (Trouble::Fetch(K::NotFound), Language::En) => words(
            "The observations for this patient were not found.",
            "Check that the right patient is selected. Contact the system administrator if it \
             persists.",
        ),
        (Trouble::Fetch(K::RateLimited), Language::Nb) => words(
            "Journalsystemet har for mye å gjøre akkurat nå.",
            "Prøv igjen om litt.",
        ),
        (Trouble::Fetch(K::RateLimited), Language::Nn) => words(
            "Journalsystemet har for mykje å gjere akkurat no.",
            "Prøv igjen om litt.",
        ),
        (Trouble::Fetch(K::RateLimited), Language::En) => words(
            "The record system is too busy right now.",
            "Try again in a little while.",
        ),
        (Trouble::Fetch(K::Server), Language::Nb) => words(
            "Journalsystemet meldte en feil.",
            "Prøv igjen. Kontakt systemansvarlig hvis feilen varer.",
        ),
        (Trouble::Fetch(K::Server), Language::Nn) => words(
            "Journalsystemet melde ein feil.",
            "Prøv igjen. Kontakt systemansvarleg om feilen varer.",
        ),
        (Trouble::Fetch(K::Server), Language::En) => words(
            "The record system reported an error.",
            "Try again. Contact the system administrator if it persists.",
        ),
        (Trouble::Fetch(K::Rejected), Language::Nb) => words(
            "Journalsystemet avviste forespørselen.",
            "Kontakt systemansvarlig.",
        ),
        (Trouble::Fetch(K::Rejected), Language::Nn) => words(
            "Journalsystemet avviste førespurnaden.",
            "Kontakt systemansvarleg.",
        ),
        (Trouble::Fetch(K::Rejected), Language::En) => words(
            "The record system refused the request.",
            "Contact the system administrator.",
        ),
        (Trouble::Fetch(K::Malformed), Language::Nb) => words(
            "Svaret fra journalsystemet var ikke målinger widgeten kan lese.",
            "Kontakt systemansvarlig.",
        ),
        (Trouble::Fetch(K::Malformed), Language::Nn) => words(
            "Svaret frå journalsystemet var ikkje målingar widgeten kan lese.",
            "Kontakt systemansvarleg.",
        ),
        (Trouble::Fetch(K::Malformed), Language::En) => words(
            "The record system's answer was not observations the widget can read.",
            "Contact the system administrator.",
        ),
        (Trouble::Fetch(K::TooLarge), Language::Nb) => words(
            "Det er flere målinger enn widgeten kan hente på én gang.",
            "Det som kom fram, vises. Kontakt systemansvarlig.",
        ),
        (Trouble::Fetch(K::TooLarge), Language::Nn) => words(
            "Det er fleire målingar enn widgeten kan hente på ein gong.",
            "Det som kom fram, blir vist. Kontakt systemansvarleg.",
        ),
        (Trouble::Fetch(K::TooLarge), Language::En) => words(
            "There are more observations than the widget can fetch at once.",
            "What arrived is shown. Contact the system administrator.",
        ),
        (Trouble::Fetch(K::Config), Language::Nb) => words(
            "Widgeten er ikke satt opp riktig i journalen.",
            "Kontakt systemansvarlig.",
        ),
        (Trouble::Fetch(K::Config), Language::Nn) => words(
            "Widgeten er ikkje sett opp rett i journalen.",
            "Kontakt systemansvarleg.",
        ),
        (Trouble::Fetch(K::Config), Language::En) => words(
            "The widget is not set up correctly in the record.",
            "Contact the system administrator.",
        ),
        (Trouble::Fetch(K::Cancelled), Language::Nb) => {
            words("Hentingen ble avbrutt.", "Prøv igjen.")
        }
        (Trouble::Fetch(K::Cancelled), Language::Nn) => {
            words("Hentinga vart avbroten.", "Prøv igjen.")
        }
        (Trouble::Fetch(K::Cancelled), Language::En) => {
            words("The fetching was stopped.", "Try again.")
        }
        (Trouble::Internal, Language::Nb) => words(
            "NEWS2-visningen stoppet på grunn av en feil.",
            "Last inn siden på nytt. Bruk journalens egne målinger så lenge.",
        ),
        (Trouble::Internal, Language::Nn) => words(
            "NEWS2-visinga stoppa på grunn av ein feil.",
            "Last inn sida på nytt. Bruk målingane i journalen så lenge.",
        ),
        (Trouble::Internal, Language::En) => words(
            "The NEWS2 view stopped because of an error.",
            "Reload the page. Use the record's own observations meanwhile.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_has_distinct_words_in_every_language() {
        let troubles: Vec<Trouble> = FetchErrorKind::ALL
            .iter()
            .map(|&kind| Trouble::Fetch(kind))
            .chain([Trouble::Internal])
            .collect();
        for language in Language::ALL {
            let titles: std::collections::HashSet<&str> = troubles
                .iter()
                .map(|&trouble| trouble_words(trouble, language).title)
                .collect();
            assert_eq!(
                titles.len(),
                troubles.len(),
                "{language:?}: two kinds share a title"
            );
        }
        assert_ne!(
            trouble_words(Trouble::Fetch(FetchErrorKind::Auth), Language::Nb),
            trouble_words(Trouble::Fetch(FetchErrorKind::Auth), Language::Nn)
        );
    }
}
