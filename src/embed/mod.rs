//! `<news2-widget>`: the widget as a custom element, the way a host's page embeds it.
//!
//! On connection the widget is mounted in an open shadow root with its own stylesheet (adopted, so no `<style>` element needs the host's
//! CSP to allow inline styles), so the host's CSS cannot break it and its CSS cannot leak. On
//! disconnection it is unmounted, which disposes its chart, timers and listeners.
//!
//! - [`element`]: the element class, its registry of mounted widgets, events and the panic hook.
//! - [`attributes`]: what each attribute means, read as plain Rust.
//! - [`properties`]: the properties a host sets from script, each read and checked.
//! - [`exports`]: the module's other JavaScript exports.

pub mod attributes;
pub mod element;
pub mod exports;
pub mod properties;

pub use element::define;
pub use exports::VERSION;

/// The element's name.
pub const ELEMENT_NAME: &str = "news2-widget";

/// The widget's stylesheet, in the order the parts are laid out; print rules last.
pub const STYLESHEET: &str = concat!(
    include_str!("../../style/widget.css"),
    include_str!("../../style/banner.css"),
    include_str!("../../style/isbar.css"),
    include_str!("../../style/response.css"),
    include_str!("../../style/status.css"),
    include_str!("../../style/chart.css"),
    include_str!("../../style/history-table.css"),
    include_str!("../../style/entry-form.css"),
    include_str!("../../style/print.css"),
);
