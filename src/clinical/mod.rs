//! The clinical rules of NEWS2, in plain Rust with no web dependency.
//!
//! Everything the widget decides about a patient is decided here and tested natively: the UI
//! and the JavaScript API only render what this module returns. Sources and the project's own
//! decisions are written down in docs/clinical-rules.md.
//!
//! - [`decimal`]: readings as the decimals they were written as, and half-up rounding.
//! - [`vital_signs`]: the seven parameters, physical ranges, charted readings.
//! - [`chart`]: RCP Chart 1, one function per row.
//! - [`score`]: the aggregate, clinical risk (Chart 3) and monitoring frequency (Chart 4).

pub mod chart;
pub mod decimal;
pub mod score;
pub mod vital_signs;

pub use chart::SubScore;
pub use decimal::Decimal;
pub use score::{
    ClinicalRisk, CompleteScore, IncompleteScore, MonitoringFrequency, News2, SubScores, Total,
};
pub use vital_signs::{
    Consciousness, InvalidReading, Parameter, Quantity, Reading, Spo2Scale, VitalSigns,
};
