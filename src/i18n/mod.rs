//! What the widget says to clinicians, in Norwegian first.
//!
//! Bokmål is the only language so far; nynorsk and English come with the widget's views.
//! Clinical terms follow the Norwegian translation of the openEHR NEWS2 archetype
//! (../shared/news2/README.md, section 4).

pub mod nb;
