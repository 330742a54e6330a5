//! A new entry as a FHIR Bundle: the vital-sign Observations and, for a complete set, a NEWS2
//! total with its sub-scores and `derivedFrom` references to them.
//!
//! Two shapes:
//! - for a FHIR server, a transaction: every Observation is created only if none with its
//!   identifier exists (`ifNoneExist`), so a POST retried after a lost answer creates nothing
//!   twice. `derivedFrom` names each vital sign both by `urn:uuid` (resolved by the server
//!   within the transaction) and by identifier (so a reader can still resolve it where a server
//!   keeps the `urn:uuid` as written);
//! - for NHN's Pasientens måledata (PMD), a `collection` tagged with the municipality number,
//!   with a Bundle identifier and a timestamp, the patient named by national identity number,
//!   and `derivedFrom` by identifier only (a collection's `urn:uuid`s are not resolved). Both
//!   identifiers are made from the entry's id, so a resend is the same Bundle and PMD can refuse
//!   to store it twice.
//!
//! Every Observation carries a stable identifier made from the entry's id, and the set's
//! provenance (performer, role, organisation, kind of service) as the host gave it.

use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::codes::{self, LOINC, NEWS2_TOTAL, SNOMED, SPO2_SCALE_2_SUB_SCORE, UCUM};
use super::national_id;
use crate::clinical::observation_set::ObservationSet;
use crate::clinical::provenance::Provenance;
use crate::clinical::time::Timestamp;
use crate::clinical::{Consciousness, News2, Parameter, Reading, Spo2Scale};

/// The identifier system of entries made in this widget.
pub const ENTRY_SYSTEM: &str = "urn:news2-widget:entry";

/// What a new entry needs besides its set.
pub struct NewEntry<'a> {
    /// A fresh UUID per entry, kept across retries of the same entry.
    pub entry_id: &'a str,
    /// The subject, as a reference (`Patient/123`); PMD's collection names the patient by
    /// national identity number instead.
    pub patient: &'a str,
    pub set: &'a ObservationSet,
}

/// A municipality number (kommunenummer): four digits, as Kartverket's register writes them
/// (`0301` Oslo, `4601` Bergen), with the name when the host gives it. PMD refuses a Bundle
/// without one; a number in another form is refused here, never padded or guessed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Municipality {
    code: String,
    name: Option<String>,
}

impl Municipality {
    pub fn new(code: &str, name: Option<&str>) -> Result<Municipality, String> {
        let code = code.trim();
        if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
            // The value is not echoed: a host that put another number there by mistake (a
            // national identity number) must not see it sent on in an event.
            return Err(
                "not a municipality number (kommunenummer: four digits, as 0301)".to_string(),
            );
        }
        Ok(Municipality {
            code: code.to_string(),
            name: name
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned),
        })
    }

    pub fn code(&self) -> &str {
        &self.code
    }
}

/// Who writes new entries, as the host says: the service, the person and the municipality.
/// It fills each new set's provenance and, for PMD, the Bundle's municipality tag.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Author {
    /// The organisation, kind of service, person, role and system; the entry form's "taken
    /// by", when filled in, names the person instead.
    pub provenance: Provenance,
    /// Required for PMD.
    pub municipality: Option<Municipality>,
}

impl Author {
    /// A new set's provenance: the host's, with the person the nurse typed (if she did) as
    /// the performer.
    /// The host user's role belongs to the host user: beside a typed name it is not filled in
    /// (it would call the typed person by someone else's role).
    pub fn provenance_of(&self, typed: Option<&Provenance>) -> Provenance {
        let mut provenance = typed.cloned().unwrap_or_default();
        let someone_else =
            provenance.performer.is_some() && provenance.performer != self.provenance.performer;
        let mut host = self.provenance.clone();
        if someone_else {
            host.role = None;
        }
        provenance.fill_from(&host);
        provenance
    }
}

/// Where and how new entries are written, from the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteTo {
    /// A transaction to a FHIR server, for a `Patient/…`.
    Fhir { base: String, patient: String },
    /// A collection to PMD.
    Pmd {
        base: String,
        national_id: String,
        municipality: Municipality,
    },
}

/// Why an entry cannot be written where its source is: shown with the kept entry, never lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteRefusal {
    /// PMD refuses a Bundle without the municipality number; the host did not give one.
    NoMunicipality,
}

impl WriteRefusal {
    pub fn message(&self) -> &'static str {
        match self {
            WriteRefusal::NoMunicipality => {
                "not sent: Pasientens måledata needs the municipality number, which the host did                  not give (author.municipality); the entry is kept"
            }
        }
    }
}

impl WriteTo {
    /// Where entries for `source` go: `None` where the widget does not write (a Bundle's URL,
    /// a search by national identity number on a generic server, which names no
    /// `Patient/…` to write for).
    pub fn of(
        source: &super::client::Source,
        author: &Author,
    ) -> Option<Result<WriteTo, WriteRefusal>> {
        use super::client::Source;
        match source {
            Source::Patient { base, patient } => Some(Ok(WriteTo::Fhir {
                base: base.clone(),
                patient: patient_reference(patient),
            })),
            Source::Pmd { base, national_id } => Some(match &author.municipality {
                Some(municipality) => Ok(WriteTo::Pmd {
                    base: base.clone(),
                    national_id: national_id.clone(),
                    municipality: municipality.clone(),
                }),
                None => Err(WriteRefusal::NoMunicipality),
            }),
            Source::BundleUrl(_) | Source::NationalId { .. } => None,
        }
    }

    /// The server's base URL.
    pub fn base(&self) -> &str {
        match self {
            WriteTo::Fhir { base, .. } | WriteTo::Pmd { base, .. } => base,
        }
    }

    /// The Bundle for one entry. `now` stamps a PMD collection; the rest is the same for every
    /// send of the entry, so a resend creates nothing twice.
    pub fn bundle(&self, entry_id: &str, set: &ObservationSet, now: Timestamp) -> Value {
        match self {
            WriteTo::Fhir { patient, .. } => NewEntry {
                entry_id,
                patient,
                set,
            }
            .transaction(),
            WriteTo::Pmd {
                national_id,
                municipality,
                ..
            } => NewEntry {
                entry_id,
                patient: "",
                set,
            }
            .pmd_collection(&PmdTarget {
                national_id,
                municipality,
                now,
            }),
        }
    }
}

/// `Patient/123` from a `patient` attribute written as `123` or as a reference.
fn patient_reference(patient: &str) -> String {
    if patient.contains('/') {
        patient.to_string()
    } else {
        format!("Patient/{patient}")
    }
}

/// Where a PMD collection goes: the patient, and the municipality it is written for.
pub struct PmdTarget<'a> {
    pub national_id: &'a str,
    pub municipality: &'a Municipality,
    /// When the Bundle is made (its `timestamp`).
    pub now: Timestamp,
}

pub(crate) fn instant(t: Timestamp) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(t.millis()) * 1_000_000)
        .ok()
        .and_then(|dt| dt.format(&Rfc3339).ok())
        .unwrap_or_default()
}

fn number(reading: &Reading) -> Value {
    serde_json::from_str(&reading.raw().to_string()).unwrap_or(Value::Null)
}

fn concept(system: &str, code: &str, display: &str) -> Value {
    json!({"coding": [{"system": system, "code": code, "display": display}], "text": display})
}

fn quantity(reading: &Reading) -> Value {
    json!({"value": number(reading), "system": UCUM, "code": reading.unit().ucum()})
}

struct Part {
    parameter: Parameter,
    resource: Value,
}

impl NewEntry<'_> {
    fn identifier(&self, part: &str) -> String {
        format!("{}/{part}", self.entry_id)
    }

    fn observation(&self, part: &str, code: Value, value: (&str, Value)) -> Value {
        let mut resource = json!({
            "resourceType": "Observation",
            "status": "final",
            "category": [concept("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")],
            "code": code,
            "subject": {"reference": self.patient},
            "effectiveDateTime": instant(self.set.taken_at()),
            "identifier": [{"system": ENTRY_SYSTEM, "value": self.identifier(part)}],
        });
        if !value.0.is_empty() {
            resource[value.0] = value.1;
        }
        if let Some(provenance) = self.set.details.provenance.first() {
            write_provenance(&mut resource, provenance);
        }
        resource
    }

    fn parts(&self) -> Vec<Part> {
        let v = self.set.vitals();
        let mut parts = Vec::new();
        let mut add = |parameter, resource| {
            parts.push(Part {
                parameter,
                resource,
            })
        };
        if let Some(r) = &v.respiratory_rate {
            add(
                Parameter::RespiratoryRate,
                self.observation(
                    "respiratory-rate",
                    concept(LOINC, "9279-1", "Respiratory rate"),
                    ("valueQuantity", quantity(r)),
                ),
            );
        }
        if let Some(r) = &v.spo2 {
            add(
                Parameter::Spo2,
                self.observation(
                    "spo2",
                    concept(LOINC, "2708-6", "Oxygen saturation"),
                    ("valueQuantity", quantity(r)),
                ),
            );
        }
        if let Some(on_oxygen) = v.on_oxygen {
            let (code, display) = if on_oxygen {
                ("371825009", "Patient on oxygen")
            } else {
                ("722742002", "Breathing room air")
            };
            add(
                Parameter::AirOrOxygen,
                self.observation(
                    "air-or-oxygen",
                    concept(SNOMED, code, display),
                    ("", Value::Null),
                ),
            );
        }
        if let Some(r) = &v.systolic_bp {
            let mut bp = self.observation(
                "blood-pressure",
                concept(LOINC, "85354-9", "Blood pressure panel"),
                ("", Value::Null),
            );
            let mut components = vec![
                json!({"code": concept(LOINC, "8480-6", "Systolic blood pressure"), "valueQuantity": quantity(r)}),
            ];
            if let Some(d) = self.set.details.diastolic_bp {
                let value: Value =
                    serde_json::from_str(&d.value.to_string()).unwrap_or(Value::Null);
                components.push(json!({"code": concept(LOINC, "8462-4", "Diastolic blood pressure"),
                                       "valueQuantity": {"value": value, "system": UCUM, "code": d.unit.ucum()}}));
            }
            bp["component"] = Value::Array(components);
            add(Parameter::SystolicBp, bp);
        }
        if let Some(r) = &v.pulse {
            add(
                Parameter::Pulse,
                self.observation(
                    "pulse",
                    concept(LOINC, "8867-4", "Heart rate"),
                    ("valueQuantity", quantity(r)),
                ),
            );
        }
        if let Some(level) = v.consciousness {
            let (code, display) = match level {
                Consciousness::Alert => ("248234008", "Mentally alert"),
                Consciousness::NewConfusion => ("130987000", "Acute confusion"),
                Consciousness::Voice => ("300202002", "Responds to voice"),
                Consciousness::Pain => ("450847001", "Responds to pain"),
                Consciousness::Unresponsive => ("422768004", "Unresponsive"),
            };
            add(
                Parameter::Consciousness,
                self.observation(
                    "consciousness",
                    concept(SNOMED, "1104441000000107", "ACVPU"),
                    ("valueCodeableConcept", concept(SNOMED, code, display)),
                ),
            );
        }
        if let Some(r) = &v.temperature {
            add(
                Parameter::Temperature,
                self.observation(
                    "temperature",
                    concept(LOINC, "8310-5", "Body temperature"),
                    ("valueQuantity", quantity(r)),
                ),
            );
        }
        parts
    }

    /// The entry's Observations with their part names: the vital signs and, for a complete set,
    /// the total. An incomplete set is written without a total: a NEWS2 total is never written
    /// for a set that has none.
    fn resources(&self) -> Vec<(&'static str, Value)> {
        let parts = self.parts();
        let mut resources: Vec<(&'static str, Value)> = parts
            .iter()
            .map(|part| (part_name(part.parameter), part.resource.clone()))
            .collect();
        if let News2::Complete(score) = self.set.score() {
            let components: Vec<Value> = score
                .sub_scores()
                .iter()
                .map(|(parameter, sub_score)| {
                    let code = match (parameter, score.spo2_scale()) {
                        (Parameter::Spo2, Spo2Scale::Scale2) => SPO2_SCALE_2_SUB_SCORE,
                        _ => sub_score_code(parameter),
                    };
                    json!({"code": concept(SNOMED, code, &parameter.to_string()),
                           "valueQuantity": {"value": sub_score.value(), "system": UCUM, "code": "{ScoreOf}"}})
                })
                .collect();
            let derived_from: Vec<Value> = parts
                .iter()
                .map(|part| {
                    let name = part_name(part.parameter);
                    json!({"reference": self.full_url(name), "identifier": {"system": ENTRY_SYSTEM, "value": self.identifier(name)}})
                })
                .collect();
            let mut total = self.observation(
                "news2",
                concept(SNOMED, NEWS2_TOTAL, "NEWS2 total score"),
                (
                    "valueQuantity",
                    json!({"value": score.total().value(), "system": UCUM, "code": "{ScoreOf}"}),
                ),
            );
            total["component"] = Value::Array(components);
            total["derivedFrom"] = Value::Array(derived_from);
            resources.push(("news2", total));
        }
        resources
    }

    fn full_url(&self, part: &str) -> String {
        format!("urn:uuid:{}", uuid_like(self.entry_id, part))
    }

    /// The transaction Bundle, for a FHIR server.
    pub fn transaction(&self) -> Value {
        let entries: Vec<Value> = self
            .resources()
            .into_iter()
            .map(|(name, resource)| {
                json!({
                    "fullUrl": self.full_url(name),
                    "resource": resource,
                    "request": {"method": "POST", "url": "Observation",
                                "ifNoneExist": format!("identifier={ENTRY_SYSTEM}|{}", self.identifier(name))}
                })
            })
            .collect();
        json!({"resourceType": "Bundle", "type": "transaction", "entry": entries})
    }

    /// The `collection` Bundle PMD takes: tagged with the municipality number, identified by a
    /// UUID made from the entry's id (a resend is the same Bundle), stamped with when it was
    /// made; the patient by national identity number; `derivedFrom` by identifier only.
    pub fn pmd_collection(&self, target: &PmdTarget) -> Value {
        let subject = json!({"identifier": {
            "system": national_id::identifier_system(target.national_id),
            "value": target.national_id.trim(),
        }});
        let entries: Vec<Value> = self
            .resources()
            .into_iter()
            .map(|(name, mut resource)| {
                resource["subject"] = subject.clone();
                // `get_mut`, not indexing: indexing would add `"derivedFrom": null` to every
                // vital sign, which is not FHIR and a validating server refuses.
                if let Some(links) = resource
                    .get_mut("derivedFrom")
                    .and_then(Value::as_array_mut)
                {
                    for link in links {
                        if let Some(link) = link.as_object_mut() {
                            link.remove("reference");
                        }
                    }
                }
                json!({"fullUrl": self.full_url(name), "resource": resource})
            })
            .collect();
        let mut tag = json!({"system": codes::MUNICIPALITY, "code": target.municipality.code});
        if let Some(name) = &target.municipality.name {
            tag["display"] = json!(name);
        }
        json!({
            "resourceType": "Bundle",
            "type": "collection",
            "meta": {"tag": [tag]},
            "identifier": {"system": codes::PMD_BUNDLE_IDENTIFIER, "value": uuid_like(self.entry_id, "bundle")},
            "timestamp": instant(target.now),
            "entry": entries,
        })
    }
}

/// Who recorded the set, where and with what, as [`super::observation::provenance`] reads it
/// back: the person, their role and the organisation as typed `performer` references (display
/// only), the kind of service as a `meta.tag`, the system as `meta.source`.
fn write_provenance(resource: &mut Value, provenance: &Provenance) {
    let performers: Vec<Value> = [
        ("Practitioner", &provenance.performer),
        ("PractitionerRole", &provenance.role),
        ("Organization", &provenance.organisation),
    ]
    .into_iter()
    .filter_map(|(kind, display)| Some(json!({"type": kind, "display": display.as_deref()?})))
    .collect();
    if !performers.is_empty() {
        resource["performer"] = Value::Array(performers);
    }
    if let Some(kind) = provenance.service {
        resource["meta"]["tag"] = json!([{"system": codes::SERVICE_KIND, "code": kind.name()}]);
    }
    if let Some(system) = &provenance.system {
        resource["meta"]["source"] = json!(system);
    }
}

/// Every identifier (`system|value`) an entry's Observations can carry.
pub fn entry_identifiers(entry_id: &str) -> Vec<String> {
    Parameter::ALL
        .into_iter()
        .map(part_name)
        .chain(["news2"])
        .map(|part| format!("{ENTRY_SYSTEM}|{entry_id}/{part}"))
        .collect()
}

fn part_name(parameter: Parameter) -> &'static str {
    match parameter {
        Parameter::RespiratoryRate => "respiratory-rate",
        Parameter::Spo2 => "spo2",
        Parameter::AirOrOxygen => "air-or-oxygen",
        Parameter::SystolicBp => "blood-pressure",
        Parameter::Pulse => "pulse",
        Parameter::Consciousness => "consciousness",
        Parameter::Temperature => "temperature",
    }
}

fn sub_score_code(parameter: Parameter) -> &'static str {
    match parameter {
        Parameter::RespiratoryRate => "1104301000000104",
        Parameter::Spo2 => "1104311000000102",
        Parameter::AirOrOxygen => "1104331000000105",
        Parameter::SystolicBp => "1104341000000101",
        Parameter::Pulse => "1104351000000103",
        Parameter::Consciousness => "1104361000000100",
        Parameter::Temperature => "1104371000000107",
    }
}

/// A `urn:uuid` for a part of an entry: UUID-shaped hex from a hash of the entry id and the
/// part, so the same entry always gives the same Bundle (a retry is byte-for-byte the same).
fn uuid_like(entry_id: &str, part: &str) -> String {
    let fnv = |seed: u64| {
        entry_id
            .bytes()
            .chain([0])
            .chain(part.bytes())
            .fold(seed, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            })
    };
    let hex = format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x8422_2325_cbf2_9ce4)
    );
    format!(
        "{}-{}-4{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::uuid_like;

    #[test]
    fn part_urls_are_uuids_stable_per_entry_and_part() {
        let a = uuid_like("entry-1", "pulse");
        assert_eq!(a.len(), 36);
        assert_eq!(a.matches('-').count(), 4);
        assert_eq!(&a[14..15], "4");
        assert_eq!(a, uuid_like("entry-1", "pulse"));
        assert_ne!(a, uuid_like("entry-1", "spo2"));
        assert_ne!(a, uuid_like("entry-2", "pulse"));
    }
}
