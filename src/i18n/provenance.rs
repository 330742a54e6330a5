//! Where a set came from, in words: the service, who and which system, in bokmål, nynorsk and
//! English. Names from the source (an organisation, a person, a system) are shown as written;
//! only the kind of service and the joining words are translated.

use super::Language;
use crate::clinical::provenance::{Provenance, ServiceKey, ServiceKind};

/// The kind of service, as a clinician says it.
pub fn service_kind(language: Language, kind: ServiceKind) -> &'static str {
    use ServiceKind::*;
    match (language, kind) {
        (Language::Nb, HomeCare) => "Hjemmetjenesten",
        (Language::Nb, NursingHome) => "Sykehjem",
        (Language::Nb, OutOfHours) => "Legevakt",
        (Language::Nb, GeneralPractice) => "Fastlege",
        (Language::Nb, Hospital) => "Sykehus",
        (Language::Nn, HomeCare) => "Heimetenesta",
        (Language::Nn, NursingHome) => "Sjukeheim",
        (Language::Nn, OutOfHours) => "Legevakt",
        (Language::Nn, GeneralPractice) => "Fastlege",
        (Language::Nn, Hospital) => "Sjukehus",
        (Language::En, HomeCare) => "Home care",
        (Language::En, NursingHome) => "Nursing home",
        (Language::En, OutOfHours) => "Out-of-hours clinic (legevakt)",
        (Language::En, GeneralPractice) => "GP",
        (Language::En, Hospital) => "Hospital",
    }
}

/// A short mark for the kind of service, for the chart where a name does not fit; the legend
/// beside the chart spells it out.
pub fn service_mark(language: Language, kind: ServiceKind) -> &'static str {
    use ServiceKind::*;
    match (language, kind) {
        (Language::En, HomeCare) => "HC",
        (Language::En, NursingHome) => "NH",
        (Language::En, OutOfHours) => "OOH",
        (Language::En, GeneralPractice) => "GP",
        (Language::En, Hospital) => "HOS",
        (_, HomeCare) => "HJT",
        (_, NursingHome) => "SH",
        (_, OutOfHours) => "LV",
        (_, GeneralPractice) => "FL",
        (_, Hospital) => "SYK",
    }
}

/// What a set says when no source names where it came from (no service, person or system).
pub fn unknown(language: Language) -> &'static str {
    match language {
        Language::Nb => "Kilde ukjent",
        Language::Nn => "Kjelde ukjend",
        Language::En => "Source unknown",
    }
}

/// A service as a history's filter and the chart's legend name it.
pub fn service(language: Language, key: &ServiceKey) -> String {
    match key {
        ServiceKey::Organisation(name) => name.clone(),
        ServiceKey::Kind(kind) => service_kind(language, *kind).to_string(),
    }
}

/// One source in one line: "Bergen kommune, hjemmesykepleien (Hjemmetjenesten) · Kari
/// Nordmann, sykepleier · via Gerica".
pub fn line(language: Language, provenance: &Provenance) -> String {
    if provenance.is_unknown() {
        return unknown(language).to_string();
    }
    let mut parts = Vec::new();
    match (&provenance.organisation, provenance.service) {
        (Some(organisation), Some(kind)) => {
            parts.push(format!("{organisation} ({})", service_kind(language, kind)))
        }
        (Some(organisation), None) => parts.push(organisation.clone()),
        (None, Some(kind)) => parts.push(service_kind(language, kind).to_string()),
        (None, None) => {}
    }
    match (&provenance.performer, &provenance.role) {
        (Some(person), Some(role)) => parts.push(format!("{person}, {role}")),
        (Some(person), None) => parts.push(person.clone()),
        (None, Some(role)) => parts.push(role.clone()),
        (None, None) => {}
    }
    if let Some(system) = &provenance.system {
        parts.push(format!("via {system}"));
    }
    parts.join(" · ")
}

/// Every source of a set, one line each; the unknown line when there is none.
pub fn lines(language: Language, provenance: &[Provenance]) -> Vec<String> {
    if provenance.is_empty() {
        return vec![unknown(language).to_string()];
    }
    provenance.iter().map(|p| line(language, p)).collect()
}
