//! FHIR R4 in and out: reading Norwegian and UK NEWS2 data into the clinical engine's observation
//! sets, and writing a set made in the widget back as a transaction.
//!
//! Plain Rust, tested natively: [`bundle::read_answer`] reads a page's bytes, [`urls`] decides
//! which URL may be requested with the host's credentials, [`history::FhirHistory`] gathers
//! pages and groups them into sets, [`write`] builds the transaction, and [`pending`] keeps an
//! entry until the history has it. [`client`] and [`abort`] alone touch the network. Nothing here
//! scores (the engine does). Every Observation that cannot be used is reported as a
//! [`problem::Problem`], never skipped in silence. The mapping is written down in
//! docs/fhir-mapping.md.

pub mod abort;
pub mod bundle;
pub mod client;
pub mod codes;
pub mod communication;
pub mod datetime;
pub mod history;
pub mod json;
pub mod national_id;
pub mod observation;
pub mod patient;
pub mod pending;
pub mod problem;
pub mod retry;
pub mod urls;
pub mod write;
