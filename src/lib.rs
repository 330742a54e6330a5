//! news2-widget: NEWS2 (RCP 2017) scoring, trend chart and escalation banners for Norwegian
//! municipal health records, as a Rust/WebAssembly component.
//!
//! - [`clinical`]: the NEWS2 rules, plain Rust with no web dependency.
//! - [`chart_option`]: the observation chart's ECharts option, a plain function of the history.
//! - [`fhir`]: reading FHIR R4 Observations into observation sets.
//! - [`api`]: the JavaScript API (`score(input)`) for vendors' own forms.
//! - [`i18n`]: what the widget says, in Norwegian first.
//! - [`ui`]: the Leptos views.
//! - [`embed`]: the `<news2-widget>` custom element that hosts embed.

pub mod api;
pub mod chart_option;
pub mod clinical;
pub mod embed;
pub mod fhir;
pub mod i18n;
pub mod ui;
