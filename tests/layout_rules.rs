//! The widget's layout rules that keep a value from being cut off or hidden on a narrow screen
//! (issue 14, hazard H-41), read from the stylesheets themselves. The browser checks
//! (tests/e2e/layout.mjs) measure the result at each width; these say why it holds, and fail
//! at once when a rule that it rests on is taken away.

const WIDGET: &str = include_str!("../style/widget.css");
const BANNER: &str = include_str!("../style/banner.css");
const ISBAR: &str = include_str!("../style/isbar.css");
const RESPONSE: &str = include_str!("../style/response.css");
const STATUS: &str = include_str!("../style/status.css");
const CHART: &str = include_str!("../style/chart.css");
const TABLE: &str = include_str!("../style/history-table.css");
const ENTRY: &str = include_str!("../style/entry-form.css");

/// The stylesheet without its comments.
fn code(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// The declarations of the first rule whose selector list is exactly `selector`.
fn rule(css: &str, selector: &str) -> String {
    let css = code(css);
    let mut at = 0;
    while let Some(found) = css[at..].find(selector) {
        let start = at + found;
        let after = css[start + selector.len()..].trim_start();
        let before = css[..start].trim_end();
        let starts_list = before.is_empty() || before.ends_with('}') || before.ends_with('{');
        if starts_list && after.starts_with('{') {
            let body = &after[1..];
            return body[..body.find('}').expect("a closed rule")].to_string();
        }
        at = start + selector.len();
    }
    panic!("no rule for {selector}")
}

/// Layout follows the widget's own width (a side panel, a phone), never the window's: no width
/// media query in the widget's styles (print has its own sheet).
#[test]
fn every_width_dependent_rule_is_a_container_query() {
    for (name, css) in [
        ("widget", WIDGET),
        ("banner", BANNER),
        ("isbar", ISBAR),
        ("response", RESPONSE),
        ("status", STATUS),
        ("chart", CHART),
        ("history-table", TABLE),
        ("entry-form", ENTRY),
    ] {
        assert!(
            !code(css).contains("@media"),
            "{name}.css has a @media rule"
        );
    }
    let frame = rule(WIDGET, ".news2-widget");
    assert!(frame.contains("container: news2 / inline-size"), "{frame}");
    // The one-column entry form and the table's cards switch by the widget's width.
    assert!(code(ENTRY).contains("@container news2 (max-width:"));
    assert!(code(TABLE).contains("@container news2 (max-width: 31em)"));
}

/// Paint containment clips silently: what runs out of the widget would be lost unseen.
#[test]
fn the_host_clips_nothing() {
    let host = rule(WIDGET, ":host");
    assert!(host.contains("contain: layout style"), "{host}");
    for clipping in [
        "contain: content",
        "contain: strict",
        "paint",
        "overflow: hidden",
    ] {
        assert!(!host.contains(clipping), "{host}");
    }
    let frame = rule(WIDGET, ".news2-widget");
    for clipping in ["overflow:", "overflow-x:", "overflow-y:"] {
        assert!(!frame.contains(clipping), "{frame}");
    }
}

/// The table scrolls inside itself, with a scrollbar that stays drawn, and a row is never read
/// without its time; the caption wraps within what is in view.
#[test]
fn the_table_scrolls_in_its_own_region_and_keeps_the_time_in_view() {
    assert!(rule(TABLE, ".news2-history__scroll").contains("overflow-x: auto"));
    assert!(rule(TABLE, ".news2-history__scroll::-webkit-scrollbar").contains("height: 12px"));
    let sticky = rule(
        TABLE,
        ".news2-history__table tbody th,\n.news2-history__table thead th:first-child",
    );
    for needed in ["position: sticky", "inset-inline-start: 0", "background:"] {
        assert!(sticky.contains(needed), "{sticky}");
    }
    let caption = rule(TABLE, ".news2-history__table caption");
    assert!(!caption.contains("nowrap"), "{caption}");
    let all = code(TABLE);
    let caption_rules: Vec<&str> = all
        .match_indices(".news2-history__table caption {")
        .map(|(at, _)| &all[at..at + all[at..].find('}').unwrap()])
        .collect();
    assert!(
        caption_rules
            .iter()
            .any(|r| r.contains("white-space: normal") && r.contains("max-inline-size: 100cqi")),
        "{caption_rules:?}"
    );
}

/// Below about 500 px a card per set: every cell a block, labelled by its column's name (seen,
/// not read twice), and the caption a full-width block.
#[test]
fn a_narrow_table_is_a_card_per_set_with_every_cell_labelled() {
    let all = code(TABLE);
    let cards = &all[all
        .find("@container news2 (max-width: 31em)")
        .expect("the card query")..];
    // The query's block ends at the first closing brace in the first column.
    let cards = &cards[..cards.find("\n}").expect("a closed query")];
    for needed in [
        ".news2-history__table caption,",
        ".news2-history__table td {\n    display: block;",
        "content: attr(data-label) \": \" / \"\";",
    ] {
        assert!(cards.contains(needed), "the cards lack {needed}");
    }
    // Nothing of a set is hidden in a card but an empty notes cell.
    let hidden: Vec<&str> = cards
        .match_indices("display: none")
        .map(|(at, _)| {
            let open = cards[..at].rfind('{').unwrap();
            let selector_start = cards[..open].rfind('}').map_or(0, |i| i + 1);
            cards[selector_start..open].trim()
        })
        .collect();
    assert_eq!(hidden, [".news2-history__notes:empty"]);
}

/// Touch targets: buttons 44 px, the chart's and table's controls at least 24 px.
#[test]
fn buttons_are_targets_of_at_least_24_px() {
    let button = rule(WIDGET, ".news2-button");
    assert!(button.contains("min-width: 44px") && button.contains("min-height: 44px"));
    assert!(rule(TABLE, ".news2-history__filter select").contains("min-block-size: 2.75rem"));
    assert!(rule(TABLE, ".news2-pager").contains("flex-wrap: wrap"));
}
