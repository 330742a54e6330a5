//! The codes that identify NEWS2 data in FHIR: SNOMED CT and LOINC, as UK Core, the Norwegian
//! draft profiles (DIPS, Helse Nord) and NHN's Pasientens måledata use them
//! (../shared/news2/README.md, section 5).

use crate::clinical::{Consciousness, Parameter};

pub const SNOMED: &str = "http://snomed.info/sct";
pub const LOINC: &str = "http://loinc.org";
pub const UCUM: &str = "http://unitsofmeasure.org";

/// The NEWS2 total. (Not LOINC 88330-6, which some repositories misuse: that is mobility.)
pub const NEWS2_TOTAL: &str = "1104051000000101";
/// SpO2 Scale 2 sub-score: a source that sends it scored on Scale 2.
pub const SPO2_SCALE_2_SUB_SCORE: &str = "1104321000000108";

/// The kind of service that recorded an Observation, as a `meta.tag` (codes:
/// [`crate::clinical::provenance::ServiceKind::name`]). The project's own system: no national
/// code for "home care, nursing home, legevakt, GP, hospital" on an Observation was found
/// (docs/fhir-mapping.md, "Provenance").
pub const SERVICE_KIND: &str = "urn:news2-widget:service-kind";
/// Organisation identifiers a performer may carry: organisasjonsnummer (ENH) and RESH, as
/// HL7 Norway's VkpObservation lists them.
pub const ORGANISATION_IDENTIFIERS: [&str; 2] = [
    "urn:oid:2.16.578.1.12.4.1.4.101",
    "urn:oid:2.16.578.1.12.4.1.4.102",
];
/// Norwegian national identity numbers: fødselsnummer, and D-nummer.
pub const NATIONAL_ID_SYSTEMS: [&str; 2] = [
    "urn:oid:2.16.578.1.12.4.1.4.1",
    "urn:oid:2.16.578.1.12.4.1.4.2",
];
/// The municipality number (kommunenummer) a PMD collection Bundle is tagged with.
pub const MUNICIPALITY: &str =
    "https://register.geonorge.no/sosi-kodelister/inndelinger/inndelingsbase/kommunenummer";
/// The identifier system of a Bundle written to PMD.
pub const PMD_BUNDLE_IDENTIFIER: &str = "https://www.nhn.no/komlink/bundle-identifier";

/// What an Observation's code says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObservationKind {
    News2Total,
    /// The vital-signs panel, grouping its members with `hasMember`.
    VitalSignsPanel,
    RespiratoryRate,
    Spo2,
    /// The blood pressure panel, with systolic and diastolic components.
    BloodPressure,
    /// A systolic pressure sent on its own.
    SystolicBp,
    Pulse,
    Temperature,
    Consciousness,
    OnOxygen,
    RoomAir,
}

/// Every Observation code the widget reads, with what it is. The search asks for exactly these.
pub const OBSERVATION_CODES: &[(&str, &str, ObservationKind)] = &[
    (SNOMED, NEWS2_TOTAL, ObservationKind::News2Total),
    (LOINC, "85353-1", ObservationKind::VitalSignsPanel),
    (LOINC, "9279-1", ObservationKind::RespiratoryRate),
    (SNOMED, "86290005", ObservationKind::RespiratoryRate),
    (LOINC, "2708-6", ObservationKind::Spo2),
    (LOINC, "59408-5", ObservationKind::Spo2),
    (SNOMED, "431314004", ObservationKind::Spo2),
    (LOINC, "85354-9", ObservationKind::BloodPressure),
    (SNOMED, "75367002", ObservationKind::BloodPressure),
    (LOINC, "8480-6", ObservationKind::SystolicBp),
    (SNOMED, "72313002", ObservationKind::SystolicBp),
    (LOINC, "8867-4", ObservationKind::Pulse),
    (SNOMED, "78564009", ObservationKind::Pulse),
    (SNOMED, "364075005", ObservationKind::Pulse),
    (LOINC, "8310-5", ObservationKind::Temperature),
    (SNOMED, "276885007", ObservationKind::Temperature),
    (SNOMED, "1104441000000107", ObservationKind::Consciousness),
    (SNOMED, "371825009", ObservationKind::OnOxygen),
    (SNOMED, "722742002", ObservationKind::RoomAir),
];

impl ObservationKind {
    /// A short stable name, for keys and messages.
    pub const fn name(self) -> &'static str {
        match self {
            ObservationKind::News2Total => "news2-total",
            ObservationKind::VitalSignsPanel => "vital-signs-panel",
            ObservationKind::RespiratoryRate => "respiratory-rate",
            ObservationKind::Spo2 => "spo2",
            ObservationKind::BloodPressure => "blood-pressure",
            ObservationKind::SystolicBp => "systolic-bp",
            ObservationKind::Pulse => "pulse",
            ObservationKind::Temperature => "temperature",
            ObservationKind::Consciousness => "consciousness",
            ObservationKind::OnOxygen => "on-oxygen",
            ObservationKind::RoomAir => "room-air",
        }
    }
}

/// Classifies by code. SNOMED and LOINC codes only count with their own system.
pub fn observation_kind(system: &str, code: &str) -> Option<ObservationKind> {
    OBSERVATION_CODES
        .iter()
        .find(|(s, c, _)| *s == system && *c == code)
        .map(|(_, _, kind)| *kind)
}

/// Blood pressure panel components.
pub fn is_systolic(system: &str, code: &str) -> bool {
    matches!((system, code), (LOINC, "8480-6") | (SNOMED, "72313002"))
}

pub fn is_diastolic(system: &str, code: &str) -> bool {
    matches!(
        (system, code),
        (LOINC, "8462-4") | (SNOMED, "1091811000000102" | "271650006")
    )
}

/// A NEWS2 sub-score component's parameter. The SpO2 Scale 2 sub-score is SpO2's.
pub fn sub_score_parameter(system: &str, code: &str) -> Option<Parameter> {
    if system != SNOMED {
        return None;
    }
    match code {
        "1104301000000104" => Some(Parameter::RespiratoryRate),
        "1104311000000102" | SPO2_SCALE_2_SUB_SCORE => Some(Parameter::Spo2),
        "1104331000000105" => Some(Parameter::AirOrOxygen),
        "1104341000000101" => Some(Parameter::SystolicBp),
        "1104351000000103" => Some(Parameter::Pulse),
        "1104361000000100" => Some(Parameter::Consciousness),
        "1104371000000107" => Some(Parameter::Temperature),
        _ => None,
    }
}

/// An ACVPU value: UK Core's SNOMED codes, or DIPS's own codes (whose system URL varies between
/// installations, so they are matched by code).
pub fn consciousness(system: &str, code: &str) -> Option<Consciousness> {
    match (system, code) {
        (SNOMED, "248234008") | (_, "D0005") => Some(Consciousness::Alert),
        (SNOMED, "130987000") | (_, "D0012") => Some(Consciousness::NewConfusion),
        (SNOMED, "300202002") | (_, "D0006") => Some(Consciousness::Voice),
        (SNOMED, "450847001") | (_, "D0007") => Some(Consciousness::Pain),
        (SNOMED, "422768004") | (_, "D0008") => Some(Consciousness::Unresponsive),
        _ => None,
    }
}
