//! What the widget says to clinicians: bokmål (the default), nynorsk and English.
//!
//! - [`words`]: the views' fixed texts, one [`Words`] table per language, so a missing
//!   translation is a compile error rather than an empty label.
//! - [`format`]: times, durations and numbers as Norwegians write them (24-hour clock, decimal
//!   comma), in the browser's time zone.
//!
//! - [`provenance`]: which service, who and which system recorded a set.
//! - [`errors`]: every kind of failure as a title and what to do.
//! - [`banner`]: the escalation decision in words. The engine decides in kinds with data; Chart
//!   4's response and monitoring texts are the engine's data (`clinical::escalation::texts`,
//!   replaceable by a municipality). Clinical terms follow the Norwegian translation of the
//!   openEHR NEWS2 archetype (../shared/news2/README.md, section 4).
//! - [`isbar`]: the ISBAR summary in words, and as plain text to copy.
//! - [`response`]: the escalation response: the step that records it, and a recorded one as a
//!   line.

pub mod banner;
pub mod errors;
pub mod format;
pub mod isbar;
pub mod provenance;
pub mod response;
pub mod words;

pub use crate::clinical::escalation::texts::Language;
pub use words::{Words, words};
