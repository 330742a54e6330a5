//! Whether what a search returned is about the patient searched for.
//!
//! A server answers a search for one patient; an Observation in the answer that names another
//! patient (a server's bug, a mixed-up include, a proxy's cache) must never be charted as this
//! patient's, and one that names no patient at all cannot be told apart from one. Both are
//! reported and not used: a clear message, nothing guessed.

use super::bundle::Page;
use super::codes;
use super::observation::{SourceObservation, Subject};
use super::problem::{Problem, ProblemKind};

/// The patient a search was for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Searched<'a> {
    /// By reference (`fhir-base` with `patient`): `Patient/123`, or the bare id.
    Reference(&'a str),
    /// By national identity number (the `nationalId` property, PMD).
    NationalId(&'a str),
}

/// Why an Observation is not this patient's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// It names no patient at all.
    NoPatient,
    /// It names another patient.
    Another,
}

impl Mismatch {
    fn message(self) -> &'static str {
        match self {
            Mismatch::NoPatient => {
                "names no patient (no subject reference or identifier); not used, since it \
                 cannot be told to be this patient's"
            }
            Mismatch::Another => {
                "names another patient than the one searched for; not used (the server's answer \
                 mixes patients: tell its supplier)"
            }
        }
    }
}

/// The id part of `Patient/123`, of an absolute URL ending so, or of a bare `123`.
fn patient_id(reference: &str) -> &str {
    let path = reference.split("/_history/").next().unwrap_or(reference);
    path.rsplit_once("Patient/").map_or(path, |(_, id)| id)
}

/// Checks one Observation's subject against the patient searched for:
/// - by reference: a subject reference must name the same patient id; a subject given only by
///   identifier is accepted (the server matched it to the patient searched for);
/// - by national identity number: a subject identifier with a national identity number system
///   must carry that number; a subject given only by reference is accepted (PMD manages its
///   own patients: the server matched it to the number searched for).
///
/// Either way, a subject that is neither is refused.
pub fn check(subject: &Subject, searched: Searched) -> Result<(), Mismatch> {
    if subject.reference.is_none() && subject.identifier.is_none() {
        return Err(Mismatch::NoPatient);
    }
    let agrees = match searched {
        Searched::Reference(patient) => subject
            .reference
            .as_deref()
            .is_none_or(|r| patient_id(r) == patient_id(patient)),
        // Under a national identity number system, or any 11 digits under a system not
        // listed (a variant URI): it must be the number searched for.
        Searched::NationalId(number) => {
            subject.identifier.as_ref().is_none_or(|(system, value)| {
                let looks_like_one = digits(value).len() == 11;
                !(codes::NATIONAL_ID_SYSTEMS.contains(&system.as_str()) || looks_like_one)
                    || digits(value) == digits(number)
            })
        }
    };
    if agrees {
        Ok(())
    } else {
        Err(Mismatch::Another)
    }
}

/// The digits of a number as written ("131169 00216").
fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Takes out of a page every Observation that is not the searched patient's, each with a
/// problem that names it (never the number it carries).
pub fn keep_the_patients(page: &mut Page, searched: Searched) {
    let observations = std::mem::take(&mut page.observations);
    let (kept, refused): (Vec<SourceObservation>, Vec<SourceObservation>) = observations
        .into_iter()
        .partition(|o| check(&o.subject, searched).is_ok());
    for observation in refused {
        if let Err(why) = check(&observation.subject, searched) {
            page.problems.push(Problem {
                resource: Some(observation.key.clone()),
                kind: ProblemKind::NotScored,
                message: why.message().to_string(),
            });
        }
    }
    page.observations = kept;
}
