//! FHIR R4 in: reading Norwegian and UK NEWS2 data into the clinical engine's observation sets.
//!
//! Plain Rust, tested natively: [`bundle::read_page`] reads a page's bytes, and
//! [`history::FhirHistory`] gathers pages and groups them into sets; [`client`] alone touches
//! the network. Nothing here scores (the engine does). Every Observation that cannot be used is reported as a
//! [`problem::Problem`], never skipped in silence. The mapping is written down in
//! docs/fhir-mapping.md.

pub mod bundle;
pub mod client;
pub mod codes;
pub mod datetime;
pub mod history;
pub mod national_id;
pub mod observation;
pub mod pending;
pub mod problem;
pub mod retry;
pub mod signal;
pub mod urls;
pub mod write;
