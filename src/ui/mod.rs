//! The widget's views, built with Leptos (client-side rendering). They render decisions of the
//! clinical engine and data of the FHIR layer, and compute no clinical rule themselves.
//!
//! - [`widget`]: the whole widget, its inputs, states and events for the host.
//! - [`banner`], [`isbar`], [`response`], [`status`], [`observation_chart`], [`history_table`], [`entry_form`]:
//!   its parts.
//! - [`set_view`], [`sub_score`]: how one set and one sub-score are shown, shared by the parts.

pub mod banner;
pub mod compact;
pub mod entry_form;
pub mod history_table;
pub mod isbar;
pub mod observation_chart;
pub mod response;
pub mod set_view;
pub mod status;
pub mod sub_score;
pub mod timing;
pub mod widget;

pub use widget::{Widget, WidgetInputs};
