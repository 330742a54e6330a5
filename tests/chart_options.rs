//! The observation chart's ECharts option, read as JSON: bands from Chart 1, gaps, cues that are
//! not colour, texts that never reach HTML, the shared time axis and its ranges; and ECharts
//! itself rendering the option in Node.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{T0, Vitals, history, hours, minutes};
use news2_widget::chart_option::services::service_legend;
use news2_widget::chart_option::{ChartInput, Layout, TimeRange, observation_chart};
use news2_widget::clinical::chart1;
use news2_widget::clinical::escalation::texts::Language;
use news2_widget::clinical::observation_set::{History, ObservationSet, Spo2ScaleBasis};
use news2_widget::clinical::provenance::{Provenance, ServiceKind};
use news2_widget::clinical::time::Timestamp;
use serde_json::Value;

// Series (and grid) order, top to bottom.
const RR: usize = 0;
const SPO2: usize = 1;
const AIR_OR_OXYGEN: usize = 2;
const SYSTOLIC_BP: usize = 3;
const PULSE: usize = 4;
const CONSCIOUSNESS: usize = 5;
const TEMPERATURE: usize = 6;
const TOTAL: usize = 7;

fn fixed_time(at: Timestamp) -> String {
    format!("T+{} min", (at.millis() - T0.millis()) / 60_000)
}

fn chart_at(history: &History, now: Timestamp, range: TimeRange, language: Language) -> Value {
    chart_wide(history, now, range, language, 0)
}

fn chart_wide(
    history: &History,
    now: Timestamp,
    range: TimeRange,
    language: Language,
    width_px: u32,
) -> Value {
    observation_chart(&ChartInput {
        history,
        now,
        range,
        language,
        format_time: &fixed_time,
        width_px,
    })
    .to_value()
    .expect("the option as JSON")
}

fn chart(history: &History) -> Value {
    chart_at(history, hours(12), TimeRange::Hours24, Language::Nb)
}

fn series(option: &Value, index: usize) -> &Value {
    &option["series"][index]
}

/// A series' bands as (score label, from, to), checking every piece has both bounds.
fn bands(option: &Value, index: usize) -> Vec<(String, f64, f64)> {
    series(option, index)["markArea"]["data"]
        .as_array()
        .expect("markArea data")
        .iter()
        .map(|piece| {
            let from = piece[0]["yAxis"].as_f64().expect("lower bound");
            let to = piece[1]["yAxis"].as_f64().expect("upper bound");
            let score = piece[0]["name"].as_str().expect("score label").to_string();
            (score, from, to)
        })
        .collect()
}

fn band(score: &str, from: f64, to: f64) -> (String, f64, f64) {
    (score.to_string(), from, to)
}

/// The score of the band covering `value` (0 when none does).
fn band_score_at(bands: &[(String, f64, f64)], value: f64) -> u8 {
    bands
        .iter()
        .find(|(_, from, to)| *from <= value && value <= *to)
        .map_or(0, |(score, _, _)| score.parse().expect("numeric score"))
}

fn point(option: &Value, series_index: usize, set_index: usize) -> &Value {
    &series(option, series_index)["data"][set_index]
}

fn name(option: &Value, series_index: usize, set_index: usize) -> &str {
    point(option, series_index, set_index)["name"]
        .as_str()
        .expect("tooltip text")
}

fn axis_range(option: &Value, series_index: usize) -> (f64, f64) {
    let y = series(option, series_index)["yAxisIndex"]
        .as_f64()
        .expect("yAxisIndex") as usize;
    let axis = &option["yAxis"][y];
    (
        axis["min"].as_f64().expect("min"),
        axis["max"].as_f64().expect("max"),
    )
}

#[test]
fn respiration_bands_match_chart_1() {
    let option = chart(&history(vec![Vitals::baseline().at(0)]));
    assert_eq!(
        bands(&option, RR),
        [
            band("3", 0.0, 8.5),
            band("1", 8.5, 11.5),
            band("2", 20.5, 24.5),
            band("3", 24.5, 40.0)
        ]
    );
}

#[test]
fn every_charted_value_lies_in_the_band_of_its_own_sub_score() {
    // Values outside the default ranges widen the axes; the bands follow.
    let wide = Vitals::baseline()
        .respiratory_rate("60")
        .systolic_bp("260")
        .pulse("25")
        .temperature("42.0");
    let option = chart(&history(vec![Vitals::baseline().at(0), wide.at(60)]));
    // (series, chart units per axis unit, the Chart 1 row)
    type Row = (usize, u32, fn(u32) -> u8);
    let rows: [Row; 5] = [
        (RR, 1, |v| chart1::respiratory_rate(v).value()),
        (SPO2, 1, |v| chart1::spo2_scale1(v).value()),
        (SYSTOLIC_BP, 1, |v| chart1::systolic_bp(v).value()),
        (PULSE, 1, |v| chart1::pulse(v).value()),
        (TEMPERATURE, 10, |v| chart1::temperature(v).value()),
    ];
    for (index, per_unit, score) in rows {
        let (min, max) = axis_range(&option, index);
        let found = bands(&option, index);
        let (lowest, highest) = (
            (min * f64::from(per_unit)).round() as u32,
            (max * f64::from(per_unit)).round() as u32,
        );
        for charted in lowest..=highest {
            let value = f64::from(charted) / f64::from(per_unit);
            assert_eq!(
                band_score_at(&found, value),
                score(charted),
                "series {index} at {value}"
            );
        }
    }
    assert_eq!(axis_range(&option, RR), (0.0, 60.0));
    assert_eq!(axis_range(&option, SYSTOLIC_BP), (60.0, 260.0));
    assert_eq!(axis_range(&option, PULSE), (25.0, 170.0));
    assert_eq!(axis_range(&option, TEMPERATURE), (34.0, 42.0));
}

#[test]
fn bands_wear_the_widget_s_score_colours() {
    let option = chart(&history(vec![Vitals::baseline().at(0)]));
    for piece in option["series"][RR]["markArea"]["data"].as_array().unwrap() {
        let colour = piece[0]["itemStyle"]["color"].as_str().unwrap();
        let expected = match piece[0]["name"].as_str().unwrap() {
            "1" => "rgba(255, 228, 92,",
            "2" => "rgba(245, 158, 66,",
            "3" => "rgba(200, 16, 46,",
            other => panic!("band {other}"),
        };
        assert!(colour.starts_with(expected), "{colour}");
    }
    assert_eq!(series(&option, RR)["markArea"]["label"]["show"], true);
}

fn scale_2_set(vitals: Vitals, m: i64) -> ObservationSet {
    ObservationSet::new(minutes(m), vitals.0, Spo2ScaleBasis::SourceObservation)
}

/// A series' bands with the stretch of time each covers (`None`: the whole axis).
fn spans(option: &Value, index: usize) -> Vec<Option<(i64, i64)>> {
    series(option, index)["markArea"]["data"]
        .as_array()
        .expect("markArea data")
        .iter()
        .map(|piece| Some((piece[0]["xAxis"].as_i64()?, piece[1]["xAxis"].as_i64()?)))
        .collect()
}

// Issue 10, case 6: each point's own scale's bands lie behind it, not the latest set's.
#[test]
fn spo2_bands_follow_each_set_s_scale() {
    let scale_1 = chart(&history(vec![Vitals::baseline().at(0)]));
    let scale_1_bands = [
        band("3", 70.0, 91.5),
        band("2", 91.5, 93.5),
        band("1", 93.5, 95.5),
    ];
    assert_eq!(bands(&scale_1, SPO2), scale_1_bands);
    assert!(spans(&scale_1, SPO2).iter().all(Option::is_none));
    assert!(
        series(&scale_1, SPO2)["name"]
            .as_str()
            .unwrap()
            .contains("Skala 1")
    );

    let on_air_at_97 = Vitals::baseline().spo2("97");
    let scale_2 = chart(&history(vec![
        Vitals::baseline().at(0),
        scale_2_set(on_air_at_97, 60),
    ]));
    // Scale 1's bands up to the first set on Scale 2, then Scale 2's: its on-oxygen rows are
    // drawn as RCP's chart draws them.
    let scale_2_bands = [
        band("3", 70.0, 83.5),
        band("2", 83.5, 85.5),
        band("1", 85.5, 87.5),
        band("1", 92.5, 94.5),
        band("2", 94.5, 96.5),
        band("3", 96.5, 100.0),
    ];
    assert_eq!(
        bands(&scale_2, SPO2),
        [&scale_1_bands[..], &scale_2_bands[..]].concat()
    );
    let axis_start = hours(12).millis() - 24 * 3_600_000;
    let switch = minutes(60).millis();
    assert_eq!(
        spans(&scale_2, SPO2),
        [
            vec![Some((axis_start, switch)); 3],
            vec![Some((switch, hours(12).millis())); 6]
        ]
        .concat()
    );
    assert_eq!(
        option_str(&scale_2, &["yAxis", "1", "name"]),
        "SpO₂ Skala 1 / Skala 2 (%)"
    );
    // The change of scale is named on the panel, not shown by colour alone.
    let marks = series(&scale_2, SPO2)["markLine"]["data"]
        .as_array()
        .unwrap();
    assert!(
        marks
            .iter()
            .any(|m| m["label"]["formatter"] == "Skala 2" && m["xAxis"] == "2026-01-01T01:00:00Z"),
        "{marks:?}"
    );
    // 97 % on air scores 0 on Scale 2: its own symbol and label say so inside the red band.
    let on_air = point(&scale_2, SPO2, 1);
    assert_eq!(on_air["symbol"], "circle");
    assert_eq!(on_air["label"]["show"], false);
    assert!(name(&scale_2, SPO2, 1).contains("Delskår: 0"));
}

// Issue 10, case 3: a total the source stated is drawn on the total's panel, marked as the
// source's.
#[test]
fn a_total_the_source_stated_is_drawn_hollow_and_labelled() {
    let mut stated = Vitals::none().at(60);
    stated.stated = Some(news2_widget::clinical::observation_set::StatedScore {
        total: Some(9),
        ..Default::default()
    });
    let option = chart(&history(vec![Vitals::baseline().at(0), stated]));
    let p = point(&option, TOTAL, 1);
    assert_eq!(p["value"][1], 9.0);
    assert_eq!(p["symbol"], "emptyTriangle");
    assert_eq!(p["label"]["formatter"], "9 (kilde)");
    assert!(
        name(&option, TOTAL, 1).contains("NEWS2: 9 (oppgitt av kilden, ikke beregnet på nytt)")
    );
}

// Issue 10, case 1: a set dated in the future is not drawn (the table and banner name it).
#[test]
fn a_set_dated_in_the_future_is_not_drawn() {
    let option = chart(&history(vec![
        Vitals::baseline().at(0),
        Vitals::total(7).at(365 * 24 * 60),
    ]));
    assert_eq!(series(&option, TOTAL)["data"].as_array().unwrap().len(), 1);
    assert_eq!(option["xAxis"][0]["max"], hours(12).millis());
}

fn option_str<'a>(option: &'a Value, path: &[&str]) -> &'a str {
    let mut at = option;
    for step in path {
        at = match step.parse::<usize>() {
            Ok(i) => &at[i],
            Err(_) => &at[*step],
        };
    }
    at.as_str().unwrap_or_else(|| panic!("{path:?} is {at}"))
}

#[test]
fn category_rows_have_labelled_rows_and_whole_row_bands() {
    let option = chart(&history(vec![Vitals::baseline().at(0)]));
    let category_axes: Vec<&Value> = option["yAxis"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|axis| axis["type"] == "category")
        .collect();
    assert_eq!(category_axes.len(), 2);
    assert_eq!(
        category_axes[0]["data"],
        serde_json::json!(["Romluft", "O₂"])
    );
    assert_eq!(
        category_axes[1]["data"],
        serde_json::json!(["A", "C", "V", "P", "U"])
    );
    assert_eq!(bands(&option, AIR_OR_OXYGEN), [band("2", 0.5, 1.5)]);
    assert_eq!(bands(&option, CONSCIOUSNESS), [band("3", 0.5, 4.5)]);
    assert_eq!(axis_range(&option, CONSCIOUSNESS), (-0.5, 4.5));
    // Each category axis shares its grid with the value axis its series is plotted on.
    for (series_index, axis) in [
        (AIR_OR_OXYGEN, category_axes[0]),
        (CONSCIOUSNESS, category_axes[1]),
    ] {
        let y = series(&option, series_index)["yAxisIndex"]
            .as_f64()
            .unwrap() as usize;
        assert_eq!(option["yAxis"][y]["gridIndex"], axis["gridIndex"]);
        assert_eq!(option["yAxis"][y]["show"], false);
    }
}

#[test]
fn points_carry_their_sub_score_as_shape_and_number() {
    let option = chart(&history(vec![
        Vitals::baseline().at(0),
        Vitals::baseline().respiratory_rate("26").at(60),
        Vitals::baseline()
            .respiratory_rate("10")
            .pulse("115")
            .at(120),
    ]));
    let cue = |set: usize, series_index: usize| {
        let p = point(&option, series_index, set);
        (
            p["symbol"].as_str().unwrap().to_string(),
            p["label"]["show"].as_bool().unwrap(),
            p["label"]["formatter"].as_str().map(str::to_string),
        )
    };
    assert_eq!(cue(0, RR), ("circle".into(), false, None));
    assert_eq!(cue(1, RR), ("triangle".into(), true, Some("3".into())));
    assert_eq!(cue(2, RR), ("rect".into(), true, Some("1".into())));
    assert_eq!(cue(2, PULSE), ("diamond".into(), true, Some("2".into())));
    assert_eq!(
        point(&option, RR, 1)["value"],
        serde_json::json!([minutes(60).millis(), 26.0])
    );
    // Totals: 3 with a red score is low–medium (square); 3 without is low (circle).
    assert_eq!(cue(1, TOTAL), ("rect".into(), true, Some("3".into())));
    assert_eq!(cue(2, TOTAL), ("circle".into(), true, Some("3".into())));
    assert!(name(&option, TOTAL, 1).contains("NEWS2: 3\nKlinisk risiko: lav–middels"));
}

#[test]
fn a_missing_parameter_is_a_gap_and_an_incomplete_set_has_no_total() {
    let option = chart(&history(vec![
        Vitals::baseline().at(0),
        Vitals::total(5).without_pulse().at(60),
        Vitals::baseline().at(120),
    ]));
    let gap = serde_json::json!([minutes(60).millis(), null]);
    assert_eq!(point(&option, PULSE, 1), &gap);
    assert_eq!(point(&option, TOTAL, 1), &gap);
    assert_eq!(series(&option, PULSE)["connectNulls"], false);
    assert_eq!(series(&option, TOTAL)["connectNulls"], false);
    assert_eq!(point(&option, TOTAL, 2)["value"][1], 0.0);
    // The set's other points say it is incomplete, and what is missing.
    assert!(
        name(&option, RR, 1).contains("Ufullstendig sett, ingen NEWS2. Mangler: puls"),
        "{}",
        name(&option, RR, 1)
    );
    assert!(!name(&option, RR, 0).contains("Ufullstendig"));
}

#[test]
fn tooltips_are_canvas_text_and_the_option_has_no_function() {
    let mut set = Vitals::baseline().at(0);
    set.details.provenance = vec![Provenance {
        performer: Some("<img src=x onerror=alert(1)> & {b|Eve}\nNEWS2: 0".into()),
        ..Provenance::default()
    }];
    let option = chart(&history(vec![set]));
    assert_eq!(option["tooltip"]["renderMode"], "richText");
    assert_eq!(option["tooltip"]["trigger"], "item");
    assert_eq!(option["tooltip"]["formatter"], "{b}");
    let text = serde_json::to_string(&option).unwrap();
    assert!(!text.contains("function"), "a JS function in the option");
    assert!(!text.contains("=>"), "a JS arrow function in the option");
    for markup in ['<', '>', '&'] {
        assert!(!text.contains(markup), "{markup:?} in the option");
    }
    assert!(!text.contains("\"html\""));
    let tooltip = name(&option, RR, 0);
    assert!(
        tooltip.ends_with("Registrert av: ‹img src=x onerror=alert(1)› ＆ (b|Eve) NEWS2: 0"),
        "{tooltip}"
    );
    assert!(!option.to_string().contains("sampling"));
}

#[test]
fn tooltips_say_time_value_charted_value_and_sub_score_in_each_language() {
    let sets = vec![
        Vitals::baseline().temperature("38.05").at(0),
        Vitals::total(5).at(60),
    ];
    let h = history(sets);
    let nb = chart_at(&h, hours(2), TimeRange::Hours24, Language::Nb);
    assert_eq!(
        name(&nb, TEMPERATURE, 0),
        "T+0 min\nTemperatur: 38,05 °C (avrundet til 38,1 °C)\nDelskår: 1\nRegistrert av: Kilde ukjent"
    );
    assert_eq!(point(&nb, TEMPERATURE, 0)["value"][1], 38.1);
    assert_eq!(
        name(&nb, RR, 0),
        "T+0 min\nRespirasjonsfrekvens: 16 /min\nDelskår: 0\nRegistrert av: Kilde ukjent"
    );
    assert_eq!(
        name(&nb, TOTAL, 1),
        "T+60 min\nNEWS2: 5\nKlinisk risiko: middels\nRegistrert av: Kilde ukjent"
    );
    let en = chart_at(&h, hours(2), TimeRange::Hours24, Language::En);
    assert_eq!(
        name(&en, TEMPERATURE, 0),
        "T+0 min\nTemperature: 38.05 °C (charted as 38.1 °C)\nSub-score: 1\nRecorded by: Source unknown"
    );
    assert_eq!(
        name(&en, TOTAL, 1),
        "T+60 min\nNEWS2: 5\nClinical risk: medium\nRecorded by: Source unknown"
    );
    let nn = chart_at(&h, hours(2), TimeRange::Hours24, Language::Nn);
    assert_eq!(
        name(&nn, CONSCIOUSNESS, 0),
        "T+0 min\nMedvitsnivå: A (Vaken)\nDelskår: 0\nRegistrert av: Kjelde ukjend"
    );
    assert_eq!(option_str(&nn, &["series", "7", "name"]), "NEWS2 totalskår");
}

#[test]
fn the_total_has_lines_at_the_5_and_7_thresholds() {
    let option = chart(&history(vec![Vitals::total(6).at(0)]));
    let lines = series(&option, TOTAL)["markLine"]["data"]
        .as_array()
        .unwrap();
    let thresholds: Vec<f64> = lines
        .iter()
        .filter_map(|line| line["yAxis"].as_f64())
        .collect();
    assert_eq!(thresholds, [5.0, 7.0]);
    for index in RR..TOTAL {
        assert!(
            series(&option, index)["markLine"]["data"]
                .as_array()
                .unwrap()
                .iter()
                .all(|line| line.get("yAxis").is_none())
        );
    }
}

#[test]
fn every_panel_marks_now_with_an_iso_instant_in_utc() {
    let now = hours(12);
    let option = chart_at(
        &history(vec![Vitals::baseline().at(0)]),
        now,
        TimeRange::Hours24,
        Language::Nb,
    );
    for index in RR..=TOTAL {
        let marker = &series(&option, index)["markLine"]["data"][0]["xAxis"];
        assert_eq!(marker, "2026-01-01T12:00:00Z", "series {index}");
    }
    assert_eq!(
        series(&option, RR)["markLine"]["data"][0]["label"]["formatter"],
        "nå"
    );
}

#[test]
fn each_range_zooms_to_its_span_ending_now_on_every_panel() {
    let now = hours(24 * 40);
    let h = history(vec![
        Vitals::baseline().at(0),
        Vitals::baseline().at(24 * 40 * 60 - 30),
    ]);
    for range in TimeRange::ALL {
        let option = chart_at(&h, now, range, Language::Nb);
        let expected_start = match range.duration() {
            Some(span) => now.minus(span).millis(),
            None => T0.millis(),
        };
        let zooms = option["dataZoom"].as_array().unwrap();
        let types: Vec<&str> = zooms.iter().map(|z| z["type"].as_str().unwrap()).collect();
        assert_eq!(types, ["inside", "slider"]);
        for zoom in zooms {
            assert_eq!(zoom["startValue"], expected_start, "{range:?}");
            assert_eq!(zoom["endValue"], now.millis(), "{range:?}");
            assert_eq!(
                zoom["xAxisIndex"],
                serde_json::json!([0, 1, 2, 3, 4, 5, 6, 7])
            );
        }
        let x_axes = option["xAxis"].as_array().unwrap();
        assert_eq!(x_axes.len(), 8);
        for axis in x_axes {
            assert_eq!(axis["type"], "time");
            // Regression: without it the date and time lines of the bottom axis overlapped.
            assert_eq!(axis["axisLabel"]["lineHeight"], 15);
            assert_eq!(
                (&axis["min"], &axis["max"]),
                (&x_axes[0]["min"], &x_axes[0]["max"])
            );
        }
        assert_eq!(x_axes[0]["min"], T0.millis());
        assert_eq!(x_axes[0]["max"], now.millis());
    }
    assert_eq!(
        TimeRange::Days7.duration(),
        Some(std::time::Duration::from_secs(7 * 86_400))
    );
    // A history shorter than the range: the axis reaches back to the range's start.
    let short = chart_at(
        &history(vec![Vitals::baseline().at(0)]),
        hours(2),
        TimeRange::Hours72,
        Language::Nb,
    );
    assert_eq!(
        short["xAxis"][0]["min"],
        hours(2)
            .minus(std::time::Duration::from_secs(72 * 3600))
            .millis()
    );
}

#[test]
fn a_fixed_layout_of_still_panels_with_attribution_and_aria() {
    let option = chart(&history(vec![Vitals::baseline().at(0)]));
    assert_eq!(option["animation"], false);
    let grids = option["grid"].as_array().unwrap();
    assert_eq!(grids.len(), 8);
    let mut bottom = 0.0;
    for grid in grids {
        let top = grid["top"].as_f64().unwrap();
        assert!(top > bottom, "grids overlap");
        bottom = top + grid["height"].as_f64().unwrap();
    }
    assert!(bottom + 60.0 < f64::from(Layout::for_width(0).height_px()));
    assert_eq!(
        option["title"][0]["text"],
        "NEWS2 © Royal College of Physicians 2017"
    );
    assert_eq!(option["aria"]["enabled"], true);
    assert!(
        option["aria"]["label"]["description"]
            .as_str()
            .unwrap()
            .contains("1 målesett")
    );
}

/// A year of 4-hourly sets, totals 0 to 7 in turn, with a red parameter every 97th.
fn year_of_sets() -> Vec<ObservationSet> {
    (0..2190)
        .map(|i| {
            let v = if i % 97 == 0 {
                Vitals::red()
            } else {
                Vitals::total((i % 8) as u8)
            };
            v.at(i * 240)
        })
        .collect()
}

#[test]
fn a_year_of_4_hourly_sets_is_drawn_whole() {
    let option = chart_at(
        &history(year_of_sets()),
        hours(2190 * 4),
        TimeRange::All,
        Language::Nb,
    );
    for index in RR..=TOTAL {
        assert_eq!(
            series(&option, index)["data"].as_array().unwrap().len(),
            2190
        );
    }
    let red_points = series(&option, RR)["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["symbol"] == "triangle")
        .count();
    assert_eq!(red_points, (0..2190).filter(|i| i % 97 == 0).count());
}

/// The text the widget gives ECharts is the option these tests read: the points are written into
/// it apart from the rest of the tree (`ChartOption`), each series' under its `data`.
#[test]
fn the_text_echarts_parses_is_the_option_read_here() {
    let option = observation_chart(&ChartInput {
        history: &history(year_of_sets()),
        now: hours(2190 * 4),
        range: TimeRange::Hours72,
        language: Language::Nn,
        format_time: &fixed_time,
        width_px: 900,
    });
    let text = option.to_json_text().expect("the option as text");
    let parsed: Value = serde_json::from_str(&text).expect("text ECharts can parse");
    assert_eq!(parsed, option.to_value().expect("the option as JSON"));
    for index in RR..=TOTAL {
        assert_eq!(
            parsed["series"][index]["data"].as_array().unwrap().len(),
            2190
        );
    }
}

/// ECharts 5.5.1 (node_modules, installed by the project's setup) renders the option in Node.
#[test]
fn echarts_renders_the_option() {
    let mut set = Vitals::total(5).at(60);
    set.details.provenance = vec![Provenance {
        performer: Some("<b>Nurse</b>".into()),
        ..Provenance::default()
    }];
    let h = history(vec![
        Vitals::baseline().at(0),
        set,
        Vitals::baseline().without_temperature().at(120),
        scale_2_set(Vitals::baseline().oxygen(true).spo2("95"), 180),
    ]);
    let option = chart_at(&h, hours(5), TimeRange::Hours24, Language::Nb);
    let dir = std::env::temp_dir().join(format!("news2-chart-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let option_path = dir.join("option.json");
    let svg_path = dir.join("chart.svg");
    std::fs::write(&option_path, serde_json::to_vec(&option).unwrap()).unwrap();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/chart/render.mjs");
    let output = Command::new("node")
        .arg(&script)
        .arg(&option_path)
        .arg(&svg_path)
        .arg(Layout::for_width(0).height_px().to_string())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| {
            panic!("could not run node ({e}): install it with scripts/setup.sh; this test needs it")
        });
    assert!(
        output.status.success(),
        "ECharts did not accept the option:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(svg.contains("Royal College of Physicians"));
    assert!(svg.contains("Respirasjonsfrekvens (/min)"));
    assert!(svg.contains("SpO₂ Skala 1 / Skala 2 (%)"));
    assert!(svg.contains("NEWS2 totalskår"));
    // Points, lines and bands are drawn: well over one path per panel.
    assert!(svg.matches("<path").count() > 40, "{svg}");
    // Nothing from the record is in the picture until hovered, and never as markup.
    assert!(!svg.contains("<b>Nurse"));
}

/// The container takes its height from the layout (set on the element), never from a fixed
/// rule that would disagree with it at another width.
#[test]
fn the_chart_container_has_no_fixed_height_of_its_own() {
    let css = include_str!("../style/chart.css");
    let canvas = &css[css.find(".news2-chart__canvas {").unwrap()..];
    let rule = &canvas[..canvas.find('}').unwrap()];
    assert!(!rule.contains("height"), "{rule}");
}

/// Regression (issue 14): the chart was 1,010 px tall at every width, its time labels ran
/// together below 480 px, its texts were 10 px and its zoom handles under 24 px.
#[test]
fn the_chart_follows_its_width_with_readable_labels_and_handles() {
    let h = history(vec![Vitals::baseline().at(0), Vitals::total(5).at(60)]);
    let at = |width| chart_wide(&h, hours(2), TimeRange::Hours24, Language::Nb, width);
    let heights: Vec<u32> = [320, 480, 768, 1400]
        .map(|w| Layout::for_width(w).height_px())
        .to_vec();
    assert!(heights.windows(2).all(|w| w[0] <= w[1]), "{heights:?}");
    assert!(heights[0] < heights[3], "{heights:?}");
    for width in [320, 480, 768, 1400] {
        let option = at(width);
        let layout = Layout::for_width(width);
        // The grids fit in the height the container is given.
        let last = option["grid"].as_array().unwrap().last().unwrap().clone();
        let bottom = last["top"].as_f64().unwrap() + last["height"].as_f64().unwrap();
        assert!(bottom + 80.0 <= f64::from(layout.height_px()), "{width}");
        // Time labels: at most one per 110 px of plot, never overlapping.
        let axis = &option["xAxis"][TOTAL];
        let labels = axis["splitNumber"].as_f64().unwrap();
        assert!(labels >= 2.0 && labels * 110.0 <= f64::from(layout.plot_width_px.max(220)));
        assert_eq!(axis["axisLabel"]["hideOverlap"], true);
        // No text under 12 px anywhere in the option.
        let text = option.to_string();
        for small in 1..12 {
            assert!(
                !text.contains(&format!("\"fontSize\":{small},"))
                    && !text.contains(&format!("\"fontSize\":{small}}}")),
                "{width}: a {small} px text"
            );
        }
        let slider = option["dataZoom"]
            .as_array()
            .unwrap()
            .iter()
            .find(|z| z["type"] == "slider")
            .unwrap();
        assert!(slider["height"].as_f64().unwrap() >= 24.0);
        assert_eq!(slider["handleSize"], "100%");
        assert_eq!(slider["handleIcon"], "path://M0,0H24V32H0Z");
        // The window is moved by dragging it (32 px high), not by ECharts' 7 px move bar.
        assert_eq!(slider["brushSelect"], false);
    }
}

/// Regression (issue 14): "Alt" over a year drew solid black bars of symbols and labels. Thinned
/// by density now, but a sub-score of 3 and a total of medium or high risk keep their symbol and
/// label at every density.
#[test]
fn a_crowded_chart_thins_its_labels_but_never_a_three_or_a_red_total() {
    let h = history(year_of_sets());
    let now = hours(2190 * 4);
    // Every width the widget is checked at, every range: roomy, crowded and dense charts.
    let combinations = [320, 375, 480, 768, 1400]
        .into_iter()
        .flat_map(|width| TimeRange::ALL.into_iter().map(move |range| (width, range)));
    for (width, range) in combinations {
        let option = chart_wide(&h, now, range, Language::Nb, width);
        let mut kept = 0;
        let mut thinned = 0;
        for index in 0..=TOTAL {
            for item in series(&option, index)["data"].as_array().unwrap() {
                let Some(label) = item.get("label") else {
                    continue;
                };
                let severe = item["symbol"] == "triangle"
                    || item["symbol"] == "emptyTriangle"
                    || item["symbol"] == "emptyCircle"
                    || (index == TOTAL
                        && (item["symbol"] == "diamond" || item["symbol"] == "emptyDiamond"));
                if severe {
                    assert_eq!(label["show"], true, "{width} {range:?}: {item}");
                    // The series' full symbol, in its black: never shrunk, never greyed.
                    assert!(item.get("symbolSize").is_none(), "{item}");
                    assert!(item.get("itemStyle").is_none(), "{item}");
                    kept += 1;
                } else if label["show"] == false && item["symbolSize"].is_number() {
                    thinned += 1;
                }
            }
        }
        assert!(kept > 0, "{width} {range:?}: the year has threes");
        if range == TimeRange::All {
            assert!(thinned > 1000, "{width}: a year is thinned ({thinned})");
            // A year is a thin grey line, its thinned symbols in the same grey: no black bar.
            let line = &series(&option, RR)["lineStyle"];
            assert!(line["width"].as_f64().unwrap() < 1.0, "{line}");
            assert_ne!(line["color"], "#1b1b1f", "{line}");
        }
    }
    // Room for every label: nothing thinned.
    let few = history(vec![Vitals::baseline().at(0), Vitals::total(3).at(240)]);
    let option = chart_wide(&few, hours(5), TimeRange::Hours24, Language::Nb, 1400);
    let total = series(&option, TOTAL)["data"].as_array().unwrap();
    assert!(total.iter().all(|item| item.get("symbolSize").is_none()));
}

fn from(kind: Option<ServiceKind>, organisation: &str) -> Provenance {
    Provenance {
        organisation: Some(organisation.into()),
        service: kind,
        ..Provenance::default()
    }
}

// Issue 13: sets from several services are told apart on the chart by a mark beside each total,
// not by colour, and the legend says what each mark means.
#[test]
fn services_are_marked_beside_the_totals_when_there_are_several() {
    let mut home = Vitals::total(2).at(0);
    home.details.provenance = vec![from(Some(ServiceKind::HomeCare), "Hjemmesykepleien Årstad")];
    let mut legevakt = Vitals::total(5).at(60);
    legevakt.details.provenance = vec![from(Some(ServiceKind::OutOfHours), "Bergen legevakt")];
    let mut copied = Vitals::total(3).at(120);
    copied.details.provenance = vec![
        from(Some(ServiceKind::HomeCare), "Hjemmesykepleien Årstad"),
        from(None, "Fjellsiden legekontor"),
    ];
    let unknown = Vitals::total(0).at(180);
    let sets = vec![home, legevakt, copied, unknown];
    let legend = service_legend(&sets, Language::Nb).expect("three services");
    assert_eq!(legend.marks, ["HJT", "LV", "HJT+1", "?"]);
    assert_eq!(
        legend.entries,
        [
            ("HJT".to_string(), "Hjemmesykepleien Årstad".to_string()),
            ("LV".to_string(), "Bergen legevakt".to_string()),
            ("1".to_string(), "Fjellsiden legekontor".to_string()),
            ("?".to_string(), "Ukjent kilde".to_string()),
        ]
    );
    let option = chart_at(
        &history(sets.clone()),
        hours(4),
        TimeRange::Hours24,
        Language::Nb,
    );
    assert_eq!(point(&option, TOTAL, 1)["label"]["formatter"], "5 LV");
    assert_eq!(point(&option, TOTAL, 3)["label"]["formatter"], "?");
    // One service, or none, needs no marks.
    assert_eq!(service_legend(&sets[..1], Language::Nb), None);
    assert_eq!(service_legend(&sets[3..], Language::Nb), None);
}

#[test]
fn two_organisations_of_one_kind_are_numbered_apart() {
    let mut a = Vitals::total(1).at(0);
    a.details.provenance = vec![from(Some(ServiceKind::HomeCare), "Sone nord")];
    let mut b = Vitals::total(1).at(60);
    b.details.provenance = vec![from(Some(ServiceKind::HomeCare), "Sone sør")];
    let legend = service_legend(&[a, b], Language::En).unwrap();
    assert_eq!(legend.marks, ["HC1", "HC2"]);
}

fn of_kind(kind: ServiceKind) -> Provenance {
    Provenance {
        service: Some(kind),
        ..Provenance::default()
    }
}

/// The label beside every total point of `option`, in set order (`None` for a gap).
fn total_labels(option: &Value) -> Vec<Option<String>> {
    series(option, TOTAL)["data"]
        .as_array()
        .expect("the total's points")
        .iter()
        .map(|p| p["label"]["formatter"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn two_services_give_each_total_its_mark_and_a_legend_in_words() {
    let mut home = Vitals::total(0).at(0);
    home.details.provenance = vec![of_kind(ServiceKind::HomeCare)];
    let mut legevakt = Vitals::total(6).at(60);
    legevakt.details.provenance = vec![of_kind(ServiceKind::OutOfHours)];
    let mut home_again = Vitals::total(1).at(120);
    home_again.details.provenance = vec![of_kind(ServiceKind::HomeCare)];
    let sets = vec![home, legevakt, home_again];
    let legend = service_legend(&sets, Language::Nb).expect("two services");
    assert_eq!(legend.marks, ["HJT", "LV", "HJT"]);
    assert_eq!(
        legend.entries,
        [
            ("HJT".to_string(), "Hjemmetjenesten".to_string()),
            ("LV".to_string(), "Legevakt".to_string()),
        ],
        "no unknown entry when every set names its service"
    );
    let en = service_legend(&sets, Language::En).expect("two services");
    assert_eq!(en.marks, ["HC", "OOH", "HC"]);
    assert_eq!(en.entries[0], ("HC".to_string(), "Home care".to_string()));
    // On the total's panel, beside the symbol that keeps saying the risk band.
    let option = chart_at(&history(sets), hours(3), TimeRange::Hours24, Language::Nb);
    assert_eq!(
        total_labels(&option),
        [
            Some("HJT".to_string()),
            Some("6 LV".to_string()),
            Some("1 HJT".to_string())
        ]
    );
    assert_eq!(point(&option, TOTAL, 0)["symbol"], "circle");
    assert_eq!(
        point(&option, TOTAL, 1)["symbol"],
        "diamond",
        "NEWS2 6: medium"
    );
    assert_eq!(point(&option, TOTAL, 2)["symbol"], "circle");
    // Only the total's panel carries the marks.
    for panel in 0..TOTAL {
        for set in 0..3 {
            let label = point(&option, panel, set)["label"]["formatter"].as_str();
            assert!(
                !label.is_some_and(|l| l.contains("HJT") || l.contains("LV")),
                "panel {panel} set {set}: {label:?}"
            );
        }
    }
}

#[test]
fn one_service_gives_no_marks_and_no_legend() {
    let mut a = Vitals::total(2).at(0);
    a.details.provenance = vec![from(Some(ServiceKind::HomeCare), "Sone nord")];
    let mut b = Vitals::total(3).at(60);
    // The same service read with more fields (a person, a system) is still one service.
    b.details.provenance = vec![Provenance {
        performer: Some("Kari Nordmann".into()),
        system: Some("Gerica".into()),
        ..from(Some(ServiceKind::HomeCare), "Sone nord")
    }];
    let sets = vec![a, b];
    assert_eq!(service_legend(&sets, Language::Nb), None);
    let option = chart_at(&history(sets), hours(2), TimeRange::Hours24, Language::Nb);
    assert_eq!(
        total_labels(&option),
        [Some("2".to_string()), Some("3".to_string())]
    );
    assert_eq!(service_legend(&[], Language::Nb), None);
}

#[test]
fn a_merged_set_joins_its_services_marks() {
    let mut home = Vitals::total(1).at(0);
    home.details.provenance = vec![of_kind(ServiceKind::HomeCare)];
    let mut merged = Vitals::total(2).at(60);
    merged.details.provenance = vec![
        of_kind(ServiceKind::HomeCare),
        of_kind(ServiceKind::OutOfHours),
    ];
    let legend = service_legend(&[home.clone(), merged.clone()], Language::Nn).unwrap();
    assert_eq!(legend.marks, ["HJT", "HJT+LV"]);
    assert_eq!(
        legend.entries,
        [
            ("HJT".to_string(), "Heimetenesta".to_string()),
            ("LV".to_string(), "Legevakt".to_string()),
        ]
    );
    let option = chart_at(
        &history(vec![home, merged]),
        hours(2),
        TimeRange::Hours24,
        Language::Nn,
    );
    assert_eq!(point(&option, TOTAL, 1)["label"]["formatter"], "2 HJT+LV");
}

#[test]
fn a_set_of_no_known_service_is_marked_with_a_question_mark() {
    let mut home = Vitals::total(1).at(0);
    home.details.provenance = vec![of_kind(ServiceKind::HomeCare)];
    let mut legevakt = Vitals::total(1).at(60);
    legevakt.details.provenance = vec![from(None, "Bergen legevakt")];
    let none = Vitals::total(1).at(120);
    let mut system_only = Vitals::total(1).at(180);
    system_only.details.provenance = vec![Provenance {
        system: Some("Gerica".into()),
        ..Provenance::default()
    }];
    let sets = vec![home, legevakt, none, system_only];
    let legend = service_legend(&sets, Language::En).unwrap();
    assert_eq!(legend.marks, ["HC", "1", "?", "?"]);
    assert_eq!(
        legend.entries.last(),
        Some(&("?".to_string(), "Unknown source".to_string())),
        "the legend spells out every mark on the chart, \"?\" too"
    );
    let option = chart_at(&history(sets), hours(4), TimeRange::Hours24, Language::En);
    assert_eq!(point(&option, TOTAL, 2)["label"]["formatter"], "1 ?");
    // Unknown sets alone are not several services.
    assert_eq!(
        service_legend(&[Vitals::total(1).at(0)], Language::Nb),
        None
    );
}
