//! The demo page's entry point (index.html, served by Trunk): mounts the NEWS2 calculator.

fn main() {
    leptos::mount::mount_to_body(news2_widget::ui::Calculator);
}
