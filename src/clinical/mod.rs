//! The clinical rules of NEWS2, in plain Rust with no web dependency.
//!
//! Everything the widget decides about a patient is decided here and tested natively: the UI
//! and the JavaScript API only render what this module returns. Sources and the project's own
//! decisions are written down in docs/clinical-rules.md.
//!
//! - [`decimal`]: readings as the decimals they were written as, and half-up rounding.
//! - [`units`]: UCUM units and their exact conversion to the chart's units.
//! - [`vital_signs`]: the seven parameters, physical ranges, values to verify, charted readings.
//! - [`chart1`]: RCP Chart 1, one function per row.
//! - [`score`]: the aggregate, clinical risk (Chart 3), monitoring frequency (Chart 4), and the
//!   band already certain for an incomplete set.
//! - [`set_values`]: which value counts when a parameter was measured more than once.
//! - [`observation_set`]: a set with its time, details, SpO2 scale basis and stated score;
//!   a patient's history, and the history as it stands at a moment.
//! - [`provenance`]: which service, who and which system recorded a set.
//! - [`response`]: the escalation response a nurse records: who was informed, how, when.
//! - [`time`]: timestamps; the clock is always passed in.
//! - [`schedule`]: when the next set is due, and whether it is overdue.
//! - [`trend`]: change over time and the rising-score signal (decision support beyond RCP).
//! - [`escalation`]: the banner's decision, its texts in nb, nn and en, and municipal texts.
//! - [`isbar`]: the ISBAR summary of the history and the decision, as plain data.

pub mod chart1;
pub mod decimal;
pub mod escalation;
pub mod isbar;
pub mod observation_set;
pub mod provenance;
pub mod response;
pub mod schedule;
pub mod score;
pub mod set_values;
pub mod time;
pub mod trend;
pub mod units;
pub mod vital_signs;

pub use chart1::SubScore;
pub use decimal::Decimal;
pub use score::{
    ClinicalRisk, CompleteScore, IncompleteScore, MonitoringFrequency, News2, SubScores, Total,
};
pub use units::Unit;
pub use vital_signs::{
    Consciousness, InvalidReading, Parameter, Quantity, Reading, Spo2Scale, VitalSigns,
};
