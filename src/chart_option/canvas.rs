//! What the chart may draw on its canvas besides words: RCP's attribution, and text from the
//! record made safe for a canvas tooltip. The chart's words are `i18n::words`', so the chart,
//! the banner and the table name things alike.

/// RCP asks that NEWS2 charts carry this (../shared/news2/README.md, section 2).
pub(super) const ATTRIBUTION: &str = "NEWS2 © Royal College of Physicians 2017";

/// Text from the record (a name, a device) made safe for the canvas tooltip. ECharts HTML-encodes
/// what a string formatter substitutes even in richText mode, so `&<>"'` would show as entities:
/// they become look-alikes. `{`/`}` would start a rich-text style and a line break would forge a
/// tooltip line, so they are replaced too. Nothing from the record ever reaches HTML: the tooltip
/// is drawn on the canvas.
pub(super) fn canvas_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => '＆',
            '<' => '‹',
            '>' => '›',
            '"' => '”',
            '\'' => '’',
            '{' => '(',
            '}' => ')',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}
