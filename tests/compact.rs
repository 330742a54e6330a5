//! The compact variant's content, natively: the trend line of the total and the banner's short
//! words it shows (issue 14).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Vitals, history, minutes};
use news2_widget::clinical::escalation::texts::{Language, ResponseTexts};
use news2_widget::clinical::escalation::{Settings, decide};
use news2_widget::i18n::banner::banner;
use news2_widget::i18n::format::FixedZone;
use news2_widget::ui::compact::trend_line::{HEIGHT, MOST_SETS, TrendLine, WIDTH, y_of};

#[test]
fn the_trend_line_draws_computed_totals_only_never_a_partial_sum() {
    let sets = vec![
        Vitals::total(1).at(0),
        // Incomplete: no total, so no point (its partial sum would be 0 here).
        Vitals::baseline().without_pulse().at(30),
        Vitals::total(3).at(60),
        Vitals::total(7).at(90),
    ];
    let line = TrendLine::of(&sets);
    assert_eq!(line.totals().collect::<Vec<_>>(), vec![1, 3, 7]);
    assert!(line.is_drawable());
    let points: Vec<(f64, f64)> = line
        .points()
        .split(' ')
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect();
    assert_eq!(points.len(), 3);
    // Evenly spaced left to right, inside the drawing, higher totals drawn higher.
    assert!(points.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(
        points
            .iter()
            .all(|&(x, y)| (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y))
    );
    assert!(points.windows(2).all(|w| w[0].1 > w[1].1));
    let newest = line.newest().unwrap();
    assert!((newest.1 - y_of(7)).abs() < 0.05);
}

#[test]
fn the_trend_line_keeps_the_newest_sets_and_needs_two() {
    let sets: Vec<_> = (0..20u8)
        .map(|i| Vitals::total(i % 8).at(i64::from(i) * 60))
        .collect();
    let line = TrendLine::of(&sets);
    let expected: Vec<u8> = (20 - MOST_SETS as u8..20).map(|i| i % 8).collect();
    assert_eq!(
        line.totals().collect::<Vec<_>>(),
        expected,
        "the newest, in order"
    );
    assert!(!TrendLine::of(&sets[..1]).is_drawable());
    assert!(!TrendLine::of(&[]).is_drawable());
    // Every total a set can have is inside the drawing, 20 at the top.
    assert!((0..=20).all(|t| (0.0..=HEIGHT).contains(&y_of(t))));
    assert!(y_of(20) < y_of(0));
}

#[test]
fn the_short_words_name_the_score_the_banner_stands_on_and_when_it_was_measured() {
    let zone = FixedZone(60);
    let texts = ResponseTexts::default();
    let words = |sets, now, language| {
        let d = decide(&history(sets), minutes(now), &Settings::default());
        banner(&d, language, &texts, &zone)
    };
    let high = words(vec![Vitals::total(7).at(0)], 30, Language::Nb);
    assert_eq!(
        (high.level.as_str(), high.score.as_deref()),
        ("Høy risiko", Some("NEWS2 7")),
        "the band once, beside the total"
    );
    assert_eq!(high.measured.as_deref(), Some("Målt 01:00 (30 min siden)"));
    assert_eq!(high.due_short.as_deref(), Some("Neste om 30 min"));
    let en = words(vec![Vitals::total(7).at(0)], 30, Language::En);
    assert_eq!(en.score.as_deref(), Some("NEWS2 7"));
    assert_eq!(en.measured.as_deref(), Some("Measured 01:00 (30 min ago)"));
    // Overdue leads the banner, whose title then says nothing of the score: the short words
    // still do, for the compact view.
    let overdue = words(vec![Vitals::total(2).at(0)], 7 * 60, Language::Nn);
    assert_eq!(overdue.score.as_deref(), Some("NEWS2 2 · låg risiko"));
    assert!(!overdue.title.contains("NEWS2 2"), "{}", overdue.title);
    assert_eq!(
        overdue.due_short.as_deref(),
        Some("Forseinka med 1 t 0 min")
    );
    // NEWS2 0: the level says it all.
    let calm = words(vec![Vitals::total(0).at(0)], 30, Language::Nb);
    assert_eq!((calm.level.as_str(), calm.score), ("NEWS2 0", None));
    // A newer incomplete set: the band stands on the complete one, and the level says why.
    let incomplete = words(
        vec![
            Vitals::total(1).at(0),
            Vitals::baseline().without_pulse().at(60),
        ],
        70,
        Language::Nb,
    );
    assert!(incomplete.measured.is_some());
    // Nothing taken: nothing said about a score or a time.
    let none = words(vec![], 10, Language::Nb);
    assert_eq!(
        (none.score, none.measured, none.due_short),
        (None, None, None)
    );
}
