//! Bokmål texts. Wording of clinical guidance is marked for clinical review where it is ours.

use crate::clinical::{
    ClinicalRisk, Consciousness, Decimal, InvalidReading, MonitoringFrequency, Parameter, Quantity,
    Spo2Scale,
};

pub const CALCULATOR_TITLE: &str = "NEWS2-kalkulator";
pub const CALCULATOR_INTRO: &str =
    "Skriv inn målingene. Delskårene, totalskåren og klinisk risiko oppdateres mens du skriver.";
pub const AIR: &str = "Romluft";
pub const OXYGEN: &str = "Oksygen";
pub const SCALE_2_SWITCH: &str = "Bruk SpO₂ Skala 2";
pub const SCALE_2_HELP: &str = "Bare for pasienter med et foreskrevet målområde for SpO₂ på 88–92 % \
    (f.eks. hyperkapnisk respirasjonssvikt), besluttet og dokumentert av kompetent kliniker.";
pub const TOTAL: &str = "Totalskår";
pub const CLINICAL_RISK: &str = "Klinisk risiko";
pub const MONITORING: &str = "Minste observasjonsfrekvens";
pub const RED_SCORE: &str = "Skår 3 i én parameter";
pub const NO_TOTAL: &str = "Ingen totalskår: målingen er ufullstendig.";
pub const MISSING: &str = "Mangler";
pub const ALREADY_CERTAIN: &str = "Uansett hva som mangler, er klinisk risiko minst";
pub const TO_CORRECT: &str = "Må rettes";
pub const SPO2_SCALE: &str = "SpO₂-skala";
pub const NO_SUB_SCORE: &str = "Ingen skår";
pub const ATTRIBUTION: &str = "NEWS2 © Royal College of Physicians 2017";

pub fn parameter(parameter: Parameter) -> &'static str {
    match parameter {
        Parameter::RespiratoryRate => "Respirasjonsfrekvens",
        Parameter::Spo2 => "SpO₂",
        Parameter::AirOrOxygen => "Romluft eller oksygen?",
        Parameter::SystolicBp => "Systolisk blodtrykk",
        Parameter::Pulse => "Puls",
        Parameter::Consciousness => "Bevissthetsnivå",
        Parameter::Temperature => "Temperatur",
    }
}

pub fn unit(quantity: Quantity) -> &'static str {
    match quantity {
        Quantity::RespiratoryRate | Quantity::Pulse => "/min",
        Quantity::Spo2 => "%",
        Quantity::SystolicBp => "mmHg",
        Quantity::Temperature => "°C",
    }
}

pub fn consciousness(level: Consciousness) -> &'static str {
    match level {
        Consciousness::Alert => "Våken",
        Consciousness::NewConfusion => "Nyoppstått forvirring",
        Consciousness::Voice => "Reagerer på tiltale",
        Consciousness::Pain => "Reagerer på smerte",
        Consciousness::Unresponsive => "Reagerer ikke",
    }
}

pub fn risk(risk: ClinicalRisk) -> &'static str {
    match risk {
        ClinicalRisk::Low => "Lav",
        ClinicalRisk::LowMedium => "Lav–middels",
        ClinicalRisk::Medium => "Middels",
        ClinicalRisk::High => "Høy",
    }
}

pub fn monitoring(monitoring: MonitoringFrequency) -> &'static str {
    match monitoring {
        MonitoringFrequency::TwelveHourly => "Minst hver 12. time",
        MonitoringFrequency::FourToSixHourly => "Minst hver 4.–6. time",
        MonitoringFrequency::Hourly => "Minst hver time",
        MonitoringFrequency::Continuous => "Kontinuerlig overvåking",
    }
}

pub fn spo2_scale(scale: Spo2Scale) -> &'static str {
    match scale {
        Spo2Scale::Scale1 => "Skala 1",
        Spo2Scale::Scale2 => "Skala 2",
    }
}

pub fn sub_score(value: u8) -> String {
    format!("Skår {value}")
}

/// A number the Norwegian way: decimal comma.
pub fn decimal(value: Decimal) -> String {
    value.to_string().replace('.', ",")
}

/// Why a typed value cannot be used, and what to do.
pub fn invalid_reading(quantity: Quantity, invalid: InvalidReading) -> String {
    let unit = unit(quantity);
    match invalid {
        InvalidReading::NotANumber => {
            "Ikke et tall. Skriv siffer, med komma som desimaltegn.".into()
        }
        InvalidReading::Negative => "Kan ikke være negativ. Sjekk verdien.".into(),
        InvalidReading::BelowRange { min } => format!(
            "Under {} {unit} er ikke mulig. Sjekk verdien.",
            decimal(min)
        ),
        InvalidReading::AboveRange { max } => {
            format!("Over {} {unit} er ikke mulig. Sjekk verdien.", decimal(max))
        }
        InvalidReading::TooPrecise => "For mange desimaler.".into(),
        InvalidReading::UnknownUnit => "Ukjent måleenhet.".into(),
        InvalidReading::WrongUnit(wrong) => {
            format!("Enheten {} passer ikke til denne målingen.", wrong.ucum())
        }
    }
}

/// Shown when the value is charted differently from how it was typed (38,05 → 38,1).
pub fn charted_as(value: Decimal, quantity: Quantity) -> String {
    format!("Føres som {} {}", decimal(value), unit(quantity))
}
