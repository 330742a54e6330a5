//! One FHIR Observation read into what NEWS2 needs from it, or a reason why it cannot be used.
//!
//! Reading is lenient about what NEWS2 does not need and strict about what it does: an unknown
//! extension is passed over, but a value without a unit, a time without a zone or an unknown
//! code is reported, never guessed and never silently dropped.

use super::json::{Member, Value, number_text};

use super::codes::{self, ObservationKind};
use super::datetime;
use super::problem::{Problem, ProblemKind};
use crate::clinical::observation_set::{Measurement, StatedScore};
use std::sync::Arc;

use crate::clinical::provenance::{Provenance, ServiceKind};
use crate::clinical::time::Timestamp;
use crate::clinical::units::Unit;
use crate::clinical::{Consciousness, Decimal, Parameter, Quantity, Reading, SubScore};

/// An Observation as NEWS2 reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceObservation {
    /// `Observation/{id}`, or the entry's `fullUrl` where there is no id.
    pub key: String,
    /// `system|value` of each identifier, as `derivedFrom` and `hasMember` may name it.
    pub identifiers: Vec<String>,
    /// What its code says it is: one business identifier shared by the Observations of one
    /// set (as one DIPS measurement id) never merges two parameters.
    pub kind: ObservationKind,
    /// `meta.versionId`, to tell an amended copy from a conflicting one.
    pub version: Option<String>,
    pub taken_at: Timestamp,
    pub content: Content,
    /// Which service, who and which system recorded it, as far as it says (see
    /// [`provenance`]). Shared: the Observations of one set say the same, and a year holds
    /// 17,520 of them.
    pub provenance: Arc<Provenance>,
    /// Whom it says it is about, checked against the patient searched for
    /// ([`super::patient::check`]).
    pub subject: Subject,
}

/// Whom an Observation says it is about: a reference (`Patient/123`), a logical identifier (a
/// national identity number, as PMD and VKP write it), both or neither.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Subject {
    pub reference: Option<String>,
    /// `(system, value)`.
    pub identifier: Option<(String, String)>,
}

/// Never prints the identifier: it is a national identity number.
impl std::fmt::Debug for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subject")
            .field("reference", &self.reference)
            .field("identifier", &self.identifier.as_ref().map(|_| "…"))
            .finish()
    }
}

/// What an Observation carries for NEWS2.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// A NEWS2 total with its sub-score components and the Observations it was scored from
    /// (`derivedFrom`, or `hasMember` as some sources write it).
    Total {
        stated: StatedScore,
        scale_2: bool,
        links: Vec<Link>,
    },
    /// A vital-signs panel (LOINC 85353-1) grouping its members with `hasMember`.
    Panel {
        members: Vec<Link>,
    },
    Reading(Reading),
    BloodPressure {
        /// Every systolic component: two that differ are a conflict, not a choice by order.
        systolic: Vec<Reading>,
        diastolic: Option<Measurement>,
    },
    Consciousness(Consciousness),
    Oxygen {
        on_oxygen: bool,
        flow_litres_per_minute: Option<Decimal>,
    },
}

impl Content {
    /// The NEWS2 parameters this observation gives values for.
    pub fn parameters(&self) -> Vec<Parameter> {
        match self {
            Content::Total { .. } | Content::Panel { .. } => Vec::new(),
            Content::Reading(reading) => vec![reading.quantity().parameter()],
            Content::BloodPressure { systolic, .. } => {
                if systolic.is_empty() {
                    Vec::new()
                } else {
                    vec![Parameter::SystolicBp]
                }
            }
            Content::Consciousness(_) => vec![Parameter::Consciousness],
            Content::Oxygen { .. } => vec![Parameter::AirOrOxygen],
        }
    }
}

/// How an Observation with neither id nor fullUrl is named; such Observations are never merged
/// as duplicates of one another.
pub const NO_ID: &str = "Observation (no id)";

/// One `derivedFrom` or `hasMember` reference: a literal reference, a logical one by
/// identifier, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub reference: Option<String>,
    /// `system|value`.
    pub identifier: Option<String>,
}

impl std::fmt::Display for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.reference, &self.identifier) {
            (Some(reference), _) => f.write_str(reference),
            (None, Some(identifier)) => write!(f, "identifier {identifier}"),
            (None, None) => f.write_str("(empty reference)"),
        }
    }
}

/// What reading an Observation gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    pub observation: Option<SourceObservation>,
    /// Problems with it, or with parts of it.
    pub problems: Vec<Problem>,
    /// An Observation entered in error or cancelled: its key and version, so that an older
    /// copy of it (from another page) is not counted either.
    pub retracted: Option<Retracted>,
}

/// An Observation its source has withdrawn (`entered-in-error`, `cancelled`): its key and
/// version, and what identifies it, so that its copies under other ids go with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retracted {
    pub key: String,
    pub version: Option<String>,
    pub identifiers: Vec<String>,
    pub kind: Option<ObservationKind>,
    /// Its effective time, when it says: a copy under another id is a copy only at that time.
    pub taken_at: Option<Timestamp>,
}

impl Read {
    fn problems(problems: Vec<Problem>) -> Self {
        Read {
            problems,
            ..Read::default()
        }
    }
}

fn codings<'a>(concept: &'a Value<'a>) -> impl Iterator<Item = (&'a str, &'a str)> {
    concept
        .member("coding")
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|coding| {
            Some((
                coding.member("system").as_str().unwrap_or(""),
                coding.member("code").as_str()?,
            ))
        })
}

/// The decimal a JSON number is written as (its shortest round-trip text; see `Decimal`).
fn json_decimal(value: &Value) -> Option<Decimal> {
    number_text(value).and_then(|text| Decimal::parse(&text).ok())
}

/// Reads `valueQuantity` (or a component's) as a reading of `quantity`.
fn quantity_reading(quantity: Quantity, holder: &Value) -> Result<Reading, String> {
    let value_quantity = holder.member("valueQuantity");
    if value_quantity.is_null() {
        return Err("has no valueQuantity".into());
    }
    let value = json_decimal(value_quantity.member("value")).ok_or("has no numeric value")?;
    let code = value_quantity.member("code").as_str().ok_or_else(|| {
        format!(
            "has no UCUM unit code (unit text {:?} is not used: units are never guessed)",
            value_quantity.member("unit").as_str().unwrap_or("")
        )
    })?;
    if let Some(system) = value_quantity.member("system").as_str()
        && system != codes::UCUM
    {
        return Err(format!("has a unit from {system}, not UCUM"));
    }
    Reading::from_ucum(quantity, value, code)
        .map_err(|invalid| format!("value {value} {code} {invalid}"))
}

/// `system|value` of each identifier. Without a system an identifier is not unique enough to
/// merge two Observations by.
fn identifiers(resource: &Value) -> Vec<String> {
    resource
        .member("identifier")
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| {
            Some(format!(
                "{}|{}",
                i.member("system").as_str()?,
                i.member("value").as_str()?
            ))
        })
        .collect()
}

/// When the Observation was taken, as written.
fn effective_time<'a>(resource: &'a Value<'a>) -> Option<&'a str> {
    resource
        .member("effectiveDateTime")
        .as_str()
        .or_else(|| resource.member("effectiveInstant").as_str())
        .or_else(|| resource.member("effectivePeriod").member("start").as_str())
}

/// Reads one Observation resource. `fallback_key` is the entry's fullUrl, for a resource
/// without an id.
pub fn read(resource: &Value, fallback_key: Option<&str>) -> Read {
    let key = match (resource.member("id").as_str(), fallback_key) {
        (Some(id), _) => format!("Observation/{id}"),
        (None, Some(url)) => url.to_string(),
        (None, None) => NO_ID.to_string(),
    };
    let problem = |kind, message: String| Problem {
        resource: Some(key.clone()),
        kind,
        message,
    };
    let mut problems = Vec::new();

    let version = resource
        .member("meta")
        .member("versionId")
        .as_str()
        .map(str::to_owned);
    match resource.member("status").as_str() {
        Some("entered-in-error") | Some("cancelled") => {
            let status = resource.member("status").as_str().unwrap_or_default();
            return Read {
                observation: None,
                problems: vec![problem(
                    ProblemKind::NotScored,
                    format!("status {status}: not scored, nor any earlier copy of it"),
                )],
                retracted: Some(Retracted {
                    key: key.clone(),
                    version,
                    identifiers: identifiers(resource),
                    kind: codings(resource.member("code"))
                        .find_map(|(system, code)| codes::observation_kind(system, code)),
                    taken_at: effective_time(resource).and_then(|t| datetime::parse(t).ok()),
                }),
            };
        }
        Some("final" | "amended" | "corrected" | "preliminary" | "registered") => {}
        other => problems.push(problem(
            ProblemKind::Malformed,
            format!("status {other:?} is not a known Observation status; used as given"),
        )),
    }

    let Some(kind) = codings(resource.member("code"))
        .find_map(|(system, code)| codes::observation_kind(system, code))
    else {
        let shown: Vec<String> = codings(resource.member("code"))
            .map(|(s, c)| format!("{s}|{c}"))
            .collect();
        problems.push(problem(
            ProblemKind::UnknownCode,
            format!(
                "code {} is not a NEWS2 parameter; not used",
                shown.join(", ")
            ),
        ));
        return Read::problems(problems);
    };

    let taken_at = match effective_time(resource).map(datetime::parse) {
        Some(Ok(t)) => t,
        Some(Err(e)) => {
            problems.push(problem(
                ProblemKind::Malformed,
                format!("effective time {e}; not used"),
            ));
            return Read::problems(problems);
        }
        None => {
            problems.push(problem(
                ProblemKind::Malformed,
                "has no effective time; not used".into(),
            ));
            return Read::problems(problems);
        }
    };

    let content = match kind {
        ObservationKind::News2Total => Ok(read_total(resource, &mut problems, &problem)),
        ObservationKind::VitalSignsPanel => {
            let members = links(resource.member("hasMember"));
            if members.is_empty() {
                Err("vital-signs panel has no hasMember references".to_string())
            } else {
                Ok(Content::Panel { members })
            }
        }
        ObservationKind::RespiratoryRate => {
            quantity_reading(Quantity::RespiratoryRate, resource).map(Content::Reading)
        }
        ObservationKind::Spo2 => quantity_reading(Quantity::Spo2, resource).map(Content::Reading),
        ObservationKind::Pulse => quantity_reading(Quantity::Pulse, resource).map(Content::Reading),
        ObservationKind::Temperature => {
            quantity_reading(Quantity::Temperature, resource).map(Content::Reading)
        }
        ObservationKind::SystolicBp => {
            quantity_reading(Quantity::SystolicBp, resource).map(Content::Reading)
        }
        ObservationKind::BloodPressure => read_blood_pressure(resource, &mut problems, &problem),
        ObservationKind::Consciousness => codings(resource.member("valueCodeableConcept"))
            .find_map(|(system, code)| codes::consciousness(system, code))
            .map(Content::Consciousness)
            .ok_or_else(|| "has no ACVPU value this widget knows".to_string()),
        ObservationKind::OnOxygen => {
            let flow = match resource.member("valueQuantity") {
                Value::Null => None,
                q if q.member("code").as_str() == Some("L/min") => json_decimal(q.member("value")),
                q => {
                    problems.push(problem(
                        ProblemKind::InvalidValue,
                        format!(
                            "oxygen flow unit {:?} is not L/min; flow not shown",
                            q.member("code").as_str()
                        ),
                    ));
                    None
                }
            };
            // "Patient on oxygen" with valueBoolean false says the opposite.
            match resource.member("valueBoolean").as_bool() {
                Some(false) => Ok(Content::Oxygen {
                    on_oxygen: false,
                    flow_litres_per_minute: None,
                }),
                _ => Ok(Content::Oxygen {
                    on_oxygen: true,
                    flow_litres_per_minute: flow,
                }),
            }
        }
        ObservationKind::RoomAir => Ok(Content::Oxygen {
            on_oxygen: false,
            flow_litres_per_minute: None,
        }),
    };
    let content = match content {
        Ok(content) => content,
        Err(message) => {
            problems.push(problem(
                ProblemKind::InvalidValue,
                format!("{message}; not used"),
            ));
            return Read::problems(problems);
        }
    };

    let identifiers = identifiers(resource);
    let provenance = provenance(resource);
    let subject = Subject {
        reference: resource
            .member("subject")
            .member("reference")
            .as_str()
            .map(str::to_owned),
        identifier: match (
            resource
                .member("subject")
                .member("identifier")
                .member("system")
                .as_str(),
            resource
                .member("subject")
                .member("identifier")
                .member("value")
                .as_str(),
        ) {
            (Some(system), Some(value)) => Some((system.to_owned(), value.to_owned())),
            _ => None,
        },
    };
    Read {
        observation: Some(SourceObservation {
            key,
            identifiers,
            kind,
            version,
            taken_at,
            content,
            provenance: Arc::new(provenance),
            subject,
        }),
        problems,
        retracted: None,
    }
}

fn read_total(
    resource: &Value,
    problems: &mut Vec<Problem>,
    problem: &dyn Fn(ProblemKind, String) -> Problem,
) -> Content {
    let mut stated = StatedScore::default();
    let mut scale_2 = false;
    match score_value(resource) {
        Ok(total) if total <= 20 => stated.total = Some(total as u8),
        Ok(total) => problems.push(problem(
            ProblemKind::InvalidValue,
            format!("stated total {total} is outside 0–20; ignored"),
        )),
        Err(why) => problems.push(problem(
            ProblemKind::InvalidValue,
            format!("stated total {why}; its sub-scores are still read"),
        )),
    }
    for component in resource
        .member("component")
        .as_array()
        .into_iter()
        .flatten()
    {
        let found = codings(component.member("code")).find_map(|(system, code)| {
            codes::sub_score_parameter(system, code)
                .map(|p| (p, code == codes::SPO2_SCALE_2_SUB_SCORE))
        });
        let Some((parameter, is_scale_2)) = found else {
            let shown: Vec<String> = codings(component.member("code"))
                .map(|(s, c)| format!("{s}|{c}"))
                .collect();
            problems.push(problem(
                ProblemKind::UnknownCode,
                format!(
                    "component {} is not a NEWS2 sub-score; ignored",
                    shown.join(", ")
                ),
            ));
            continue;
        };
        match score_value(component)
            .ok()
            .and_then(|v| u8::try_from(v).ok())
            .and_then(|v| SubScore::stated(parameter, v))
        {
            Some(score) => {
                set_sub_score(&mut stated, parameter, score);
                scale_2 |= is_scale_2;
            }
            None => problems.push(problem(
                ProblemKind::InvalidValue,
                format!(
                    "{parameter} sub-score {} is not one Chart 1 gives; ignored",
                    component.member("valueQuantity").member("value")
                ),
            )),
        }
    }
    let mut links = links(resource.member("derivedFrom"));
    links.extend(links_of(resource.member("hasMember")));
    Content::Total {
        stated,
        scale_2,
        links,
    }
}

/// The references of a `derivedFrom` or `hasMember` list.
fn links(list: &Value) -> Vec<Link> {
    links_of(list).collect()
}

fn links_of<'a>(list: &'a Value<'a>) -> impl Iterator<Item = Link> + 'a {
    list.as_array()
        .into_iter()
        .flatten()
        .map(|r| Link {
            reference: r.member("reference").as_str().map(str::to_owned),
            identifier: r
                .member("identifier")
                .member("value")
                .as_str()
                .map(|value| {
                    format!(
                        "{}|{value}",
                        r.member("identifier")
                            .member("system")
                            .as_str()
                            .unwrap_or("")
                    )
                }),
        })
        .filter(|d| d.reference.is_some() || d.identifier.is_some())
}

/// A score as a source writes it: a whole number in `valueQuantity` (unit `{ScoreOf}`,
/// `{score}` or none) or `valueInteger`.
fn score_value(holder: &Value) -> Result<u64, String> {
    if let Some(n) = holder.member("valueInteger").as_u64() {
        return Ok(n);
    }
    let quantity = holder.member("valueQuantity");
    if quantity.is_null() {
        return Err("has no value".into());
    }
    if let Some(code) = quantity.member("code").as_str()
        && !matches!(code, "{ScoreOf}" | "{score}" | "{Score}" | "1")
    {
        return Err(format!("has the unit {code}, not a score"));
    }
    let value = json_decimal(quantity.member("value")).ok_or("has no numeric value")?;
    let whole = value.round_half_up(0);
    if value.is_negative() || Decimal::new(whole, 0) != value {
        return Err(format!("{value} is not a whole number of points"));
    }
    u64::try_from(whole).map_err(|_| format!("{value} is out of range"))
}

fn set_sub_score(stated: &mut StatedScore, parameter: Parameter, score: SubScore) {
    let s = &mut stated.sub_scores;
    let slot = match parameter {
        Parameter::RespiratoryRate => &mut s.respiratory_rate,
        Parameter::Spo2 => &mut s.spo2,
        Parameter::AirOrOxygen => &mut s.air_or_oxygen,
        Parameter::SystolicBp => &mut s.systolic_bp,
        Parameter::Pulse => &mut s.pulse,
        Parameter::Consciousness => &mut s.consciousness,
        Parameter::Temperature => &mut s.temperature,
    };
    *slot = Some(score);
}

fn read_blood_pressure(
    resource: &Value,
    problems: &mut Vec<Problem>,
    problem: &dyn Fn(ProblemKind, String) -> Problem,
) -> Result<Content, String> {
    let mut systolic: Vec<Reading> = Vec::new();
    let mut diastolic = None;
    for component in resource
        .member("component")
        .as_array()
        .into_iter()
        .flatten()
    {
        let is = |test: fn(&str, &str) -> bool| {
            codings(component.member("code")).any(|(s, c)| test(s, c))
        };
        if is(codes::is_systolic) {
            match quantity_reading(Quantity::SystolicBp, component) {
                Ok(reading) if !systolic.contains(&reading) => systolic.push(reading),
                Ok(_) => {}
                Err(message) => problems.push(problem(
                    ProblemKind::InvalidValue,
                    format!("systolic {message}; not used"),
                )),
            }
        } else if is(codes::is_diastolic) {
            let quantity = component.member("valueQuantity");
            let unit = quantity
                .member("code")
                .as_str()
                .and_then(Unit::from_ucum)
                .filter(|u| u.measures(Quantity::SystolicBp));
            match (json_decimal(quantity.member("value")), unit) {
                (Some(value), Some(unit)) if !value.is_negative() => {
                    diastolic = Some(Measurement { value, unit })
                }
                _ => problems.push(problem(
                    ProblemKind::InvalidValue,
                    "diastolic pressure has no usable value and unit; not shown".into(),
                )),
            }
        }
    }
    if systolic.is_empty() && diastolic.is_none() {
        return Err("blood pressure has neither systolic nor diastolic component".into());
    }
    Ok(Content::BloodPressure {
        systolic,
        diastolic,
    })
}

/// Which service, who and which system recorded an Observation, from what it says and nothing
/// else:
/// - `performer`: a reference to an Organization (by `type`, a reference `Organization/…` or an
///   organisation number / RESH identifier) names the organisation; one to a PractitionerRole
///   names the role; any other (Practitioner, or untyped) names the person, the first such;
/// - `meta.tag` in [`codes::SERVICE_KIND`] gives the kind of service (home care, nursing home,
///   legevakt, GP, hospital);
/// - the device's display name, else `meta.source`, names the system.
///
/// Only display names are kept: an identifier (a practitioner's national identity number, as
/// VKP writes it) is never shown.
pub fn provenance(resource: &Value) -> Provenance {
    let text = |value: &Value| {
        value
            .as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let mut provenance = Provenance::default();
    for performer in resource
        .member("performer")
        .as_array()
        .into_iter()
        .flatten()
    {
        let Some(display) = text(performer.member("display")) else {
            continue;
        };
        let reference = performer.member("reference").as_str().unwrap_or_default();
        let is = |kind: &str| {
            performer.member("type").as_str() == Some(kind)
                || reference.starts_with(&format!("{kind}/"))
                || reference.contains(&format!("/{kind}/"))
        };
        let organisation_id = performer
            .member("identifier")
            .member("system")
            .as_str()
            .is_some_and(|s| codes::ORGANISATION_IDENTIFIERS.contains(&s));
        let slot = if is("Organization") || organisation_id {
            &mut provenance.organisation
        } else if is("PractitionerRole") {
            &mut provenance.role
        } else {
            &mut provenance.performer
        };
        if slot.is_none() {
            *slot = Some(display);
        }
    }
    provenance.service = resource
        .member("meta")
        .member("tag")
        .as_array()
        .into_iter()
        .flatten()
        .filter(|tag| tag.member("system").as_str() == Some(codes::SERVICE_KIND))
        .find_map(|tag| tag.member("code").as_str().and_then(ServiceKind::from_name));
    provenance.system = text(resource.member("device").member("display"))
        .or_else(|| text(resource.member("meta").member("source")));
    provenance
}
