//! The demo page's entry point (index.html, served by Trunk): defines `<news2-widget>`; the
//! page's own script (public/demo.js) plays the host.

fn main() {
    if let Err(error) = news2_widget::embed::define() {
        leptos::logging::error!("news2-widget could not be defined: {error:?}");
    }
}
