//! One point per set and panel: where it is plotted, its non-colour cue, and its tooltip text.
//!
//! Every set gives a point on every panel, so a parameter missing from a set is a gap (a null
//! value) at that set's time and the line breaks there instead of bridging it. The total panel
//! has a gap for every incomplete set: a partial sum is never shown as a NEWS2.
//!
//! The cue that is not colour: each point's symbol shape says its sub-score (0 circle, 1 square,
//! 2 diamond, 3 triangle: more corners, sharper, as the score rises) and a non-zero sub-score is
//! also written beside it. An unknown sub-score (SpO2 on Scale 2 at 93 % or more with air or
//! oxygen missing) is an empty circle labelled "?". Total points use the same shapes for the
//! clinical risk (low, low–medium, medium, high) and are labelled with the total.

use serde::{Serialize, Serializer};

use super::canvas;
use crate::clinical::observation_set::ObservationSet;
use crate::clinical::time::Timestamp;
use crate::clinical::vital_signs::Reading;
use crate::clinical::{ClinicalRisk, News2, Parameter, Quantity, SubScore, Unit};
use crate::i18n::format::decimal;
use crate::i18n::words::{self, words};
use crate::i18n::{Language, provenance};

/// A point of one panel.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Point {
    pub at: Timestamp,
    /// In axis units; `None` is a gap.
    pub value: Option<f64>,
    pub cue: Cue,
    /// The tooltip, one fact a line.
    pub text: String,
}

/// What a point shows besides its colour.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Cue {
    pub symbol: &'static str,
    pub label: Option<String>,
    /// Drawn in full however crowded the chart: a sub-score of 3, a sub-score that cannot be
    /// known, a total of medium or high risk.
    pub always: bool,
}

impl Cue {
    fn of_score(score: Option<SubScore>) -> Self {
        match score {
            None => Cue {
                symbol: "emptyCircle",
                label: Some("?".into()),
                always: true,
            },
            Some(score) => Cue {
                symbol: shape(score.value()),
                label: (score != SubScore::ZERO).then(|| score.value().to_string()),
                always: score.value() >= 3,
            },
        }
    }
}

/// How crowded the points are across the chart's width, and so what each draws beside itself.
/// However crowded, a point whose cue is [`Cue::always`] keeps its symbol and its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Density {
    /// Room for every label.
    Roomy,
    /// Labels only on the points that must never be missed.
    Crowded,
    /// As crowded, and the other symbols drawn small, so that a year reads as a line and not
    /// as a solid bar of symbols.
    Dense,
}

impl Density {
    /// For `sets` in view across `plot_width_px`.
    pub(crate) fn of(sets: usize, plot_width_px: u32) -> Self {
        let px_per_set = f64::from(plot_width_px) / sets.max(1) as f64;
        if px_per_set >= 14.0 {
            Density::Roomy
        } else if px_per_set >= 5.0 {
            Density::Crowded
        } else {
            Density::Dense
        }
    }
}

/// The symbol of a point that gives way on a crowded chart: no wider than the room a set has
/// there (at least 5 px), so symbols do not run together.
pub(crate) const CROWDED_SYMBOL_PX: u32 = 5;
/// A small symbol, for points that give way on a dense chart (still there for a tooltip), in
/// the dense line's grey.
pub(crate) const SMALL_SYMBOL_PX: u32 = 2;
/// The grey of a dense chart's line and of the symbols that give way on it.
pub(crate) const DENSE_INK: &str = "#8a8a96";

impl Density {
    /// The size of the symbol a point draws at this density, if not the series' own (9 px):
    /// `None` for a point that never gives way ([`Cue::always`]), whatever the density.
    pub(crate) fn symbol_px(self, always: bool) -> Option<u32> {
        match (always, self) {
            (true, _) | (false, Density::Roomy) => None,
            (false, Density::Crowded) => Some(CROWDED_SYMBOL_PX),
            (false, Density::Dense) => Some(SMALL_SYMBOL_PX),
        }
    }

    /// Whether a point writes its label (its sub-score or total) beside itself.
    pub(crate) fn shows_label(self, always: bool) -> bool {
        always || self == Density::Roomy
    }
}

fn shape(rank: u8) -> &'static str {
    match rank {
        0 => "circle",
        1 => "rect",
        2 => "diamond",
        _ => "triangle",
    }
}

fn risk_rank(risk: ClinicalRisk) -> u8 {
    match risk {
        ClinicalRisk::Low => 0,
        ClinicalRisk::LowMedium => 1,
        ClinicalRisk::Medium => 2,
        ClinicalRisk::High => 3,
    }
}

impl Point {
    /// Adds the mark of the service that recorded its set to its label (a gap has none).
    pub(super) fn mark_service(&mut self, mark: &str) {
        if self.value.is_none() {
            return;
        }
        self.cue.label = Some(match self.cue.label.take() {
            Some(label) => format!("{label} {mark}"),
            None => mark.to_string(),
        });
    }

    /// The ECharts data item at `density`, written straight into the option's text.
    pub(super) fn item(&self, density: Density) -> DataItem<'_> {
        DataItem {
            point: self,
            density,
        }
    }
}

/// A point as ECharts' data item: `[time in ms, value]`, with the tooltip text as its `name`
/// and the cue as its own symbol and label. A gap is a bare `[time, null]`.
pub(super) struct DataItem<'a> {
    point: &'a Point,
    density: Density,
}

/// The fields of a data item that has a value, in ECharts' names.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ValueItem<'a> {
    value: (i64, f64),
    name: &'a str,
    symbol: &'static str,
    label: ItemLabel<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    symbol_size: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    item_style: Option<ItemColour>,
}

#[derive(Serialize)]
struct ItemLabel<'a> {
    show: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    formatter: Option<&'a str>,
}

#[derive(Serialize)]
struct ItemColour {
    color: &'static str,
}

impl Serialize for DataItem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let point = self.point;
        let Some(value) = point.value else {
            return (point.at.millis(), ()).serialize(serializer);
        };
        let always = point.cue.always;
        let formatter = point
            .cue
            .label
            .as_deref()
            .filter(|_| self.density.shows_label(always));
        ValueItem {
            value: (point.at.millis(), value),
            name: &point.text,
            symbol: point.cue.symbol,
            label: ItemLabel {
                show: formatter.is_some(),
                formatter,
            },
            symbol_size: self.density.symbol_px(always),
            item_style: (!always && self.density == Density::Dense)
                .then_some(ItemColour { color: DENSE_INK }),
        }
        .serialize(serializer)
    }
}

/// What every tooltip of a set starts and ends with.
struct SetLines {
    time: String,
    tail: Vec<String>,
}

impl SetLines {
    fn of(
        set: &ObservationSet,
        score: &News2,
        language: Language,
        format_time: &dyn Fn(Timestamp) -> String,
    ) -> Self {
        let mut tail = Vec::new();
        if let News2::Incomplete(incomplete) = score {
            let missing: Vec<String> = incomplete
                .missing()
                .iter()
                .map(|&p| words::parameter(language, p).to_lowercase())
                .collect();
            tail.push(format!(
                "{}: {}",
                words(language).chart_incomplete,
                missing.join(", ")
            ));
        }
        for line in provenance::lines(language, &set.details.provenance) {
            tail.push(format!(
                "{}: {}",
                words(language).recorded_by,
                canvas::canvas_text(&line)
            ));
        }
        SetLines {
            time: canvas::canvas_text(&format_time(set.taken_at())),
            tail,
        }
    }

    fn text(&self, middle: &[String]) -> String {
        std::iter::once(&self.time)
            .chain(middle)
            .chain(&self.tail)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A set's points: one per Chart 1 row in chart order ([`Parameter::ALL`]), then the total's.
pub(super) fn of_set(
    set: &ObservationSet,
    language: Language,
    format_time: &dyn Fn(Timestamp) -> String,
) -> Vec<Point> {
    let score = set.score();
    let lines = SetLines::of(set, &score, language, format_time);
    Parameter::ALL
        .into_iter()
        .map(|parameter| parameter_point(set, &score, parameter, &lines, language))
        .chain(std::iter::once(total_point(set, &score, &lines, language)))
        .collect()
}

fn parameter_point(
    set: &ObservationSet,
    score: &News2,
    parameter: Parameter,
    lines: &SetLines,
    language: Language,
) -> Point {
    let v = set.vitals();
    let sub_score = score.sub_score(parameter);
    let title = words::parameter(language, parameter);
    // (axis value, what was measured)
    let shown: Option<(f64, String)> = match parameter {
        Parameter::AirOrOxygen => v.on_oxygen.map(|on| {
            let mut said = format!("{title}: {}", words::air_or_oxygen(language, on));
            let flow = set
                .details
                .oxygen
                .as_ref()
                .and_then(|o| o.flow_litres_per_minute);
            if let (true, Some(flow)) = (on, flow) {
                said.push_str(&format!(", {} l/min", decimal(flow, language)));
            }
            (if on { 1.0 } else { 0.0 }, said)
        }),
        Parameter::Consciousness => v.consciousness.map(|level| {
            let index = crate::clinical::Consciousness::ALL
                .iter()
                .position(|&l| l == level)
                .unwrap_or(0);
            (
                index as f64,
                format!(
                    "{title}: {} ({})",
                    level.letter(),
                    words::consciousness(language, level)
                ),
            )
        }),
        Parameter::Spo2 => v.spo2.map(|r| {
            let title = format!("{title} {}", words::spo2_scale(language, v.spo2_scale));
            measured(&r, &title, language)
        }),
        Parameter::RespiratoryRate => v.respiratory_rate.map(|r| measured(&r, &title, language)),
        Parameter::SystolicBp => v.systolic_bp.map(|r| measured(&r, &title, language)),
        Parameter::Pulse => v.pulse.map(|r| measured(&r, &title, language)),
        Parameter::Temperature => v.temperature.map(|r| measured(&r, &title, language)),
    };
    let Some((value, said)) = shown else {
        return gap(set.taken_at());
    };
    let score_line = format!(
        "{}: {}",
        words(language).sub_score,
        sub_score.map_or_else(
            || words(language).chart_unknown.to_string(),
            |s| s.value().to_string()
        )
    );
    let mut said = vec![said, score_line];
    for conflict in set.conflicts.iter().filter(|c| c.parameter == parameter) {
        let others: Vec<String> = conflict
            .values
            .iter()
            .skip(1)
            .map(|&v| canvas::canvas_text(&words::measured_value(language, v)))
            .collect();
        said.push(format!(
            "{} {}",
            words(language).chart_conflict,
            others.join(", ")
        ));
    }
    for earlier in set
        .rechecked
        .iter()
        .filter(|r| r.value.parameter() == parameter)
    {
        said.push(format!(
            "{}: {}",
            words::capitalised(words(language).rechecked_earlier),
            canvas::canvas_text(&words::measured_value(language, earlier.value))
        ));
    }
    Point {
        at: set.taken_at(),
        value: Some(value),
        cue: Cue::of_score(sub_score),
        text: lines.text(&said),
    }
}

/// The axis value of a reading (its charted value) and the line saying it: the value as written
/// with its unit, and the charted value where that differs (38.05 °C is charted as 38.1 °C).
fn measured(reading: &Reading, title: &str, language: Language) -> (f64, String) {
    let quantity: Quantity = reading.quantity();
    let chart_unit = Unit::chart_unit(quantity);
    let charted = reading.charted_decimal();
    let with_unit = |number: String, unit: Unit| match words::unit_written(unit) {
        "" => number,
        "%" => format!("{number} %"),
        symbol => format!("{number} {symbol}"),
    };
    let mut said = format!(
        "{title}: {}",
        with_unit(decimal(reading.raw(), language), reading.unit())
    );
    if reading.unit() != chart_unit || reading.raw() != charted {
        said.push_str(&format!(
            " ({} {})",
            words(language).chart_rounded_to,
            with_unit(decimal(charted, language), chart_unit)
        ));
    }
    let scale = f64::from(10u32.pow(quantity.chart_places()));
    (f64::from(reading.charted()) / scale, said)
}

/// The total's point: a complete set's computed total; a total the source stated where the
/// values cannot recompute it, drawn hollow and labelled as the source's; else a gap.
fn total_point(set: &ObservationSet, score: &News2, lines: &SetLines, language: Language) -> Point {
    match (score, set.stated_total(), set.band()) {
        (News2::Complete(complete), stated, _) => {
            let total = complete.total().value();
            let risk = complete.risk();
            let mut said = vec![
                format!("NEWS2: {total}"),
                format!(
                    "{}: {}",
                    words(language).clinical_risk,
                    words::risk_word(language, risk)
                ),
            ];
            if let Some(stated) = stated.filter(|s| s.value() != total) {
                said.push(format!(
                    "{}: {}",
                    words(language).source_stated_total,
                    stated.value()
                ));
            }
            Point {
                at: set.taken_at(),
                value: Some(f64::from(total)),
                cue: Cue {
                    symbol: shape(risk_rank(risk)),
                    label: (total > 0).then(|| total.to_string()),
                    always: risk >= ClinicalRisk::Medium,
                },
                text: lines.text(&said),
            }
        }
        (News2::Incomplete(_), Some(stated), Some((risk, _))) => {
            let total = stated.value();
            Point {
                at: set.taken_at(),
                value: Some(f64::from(total)),
                cue: Cue {
                    symbol: hollow(risk_rank(risk)),
                    label: Some(format!("{total} ({})", words(language).chart_source_label)),
                    always: risk >= ClinicalRisk::Medium,
                },
                text: lines.text(&[
                    format!("NEWS2: {total} ({})", words(language).not_recomputed),
                    format!(
                        "{}: {}",
                        words(language).clinical_risk,
                        words::risk_word(language, risk)
                    ),
                ]),
            }
        }
        _ => gap(set.taken_at()),
    }
}

/// The shape of a rank, drawn hollow: a total the source stated.
fn hollow(rank: u8) -> &'static str {
    match rank {
        0 => "emptyCircle",
        1 => "emptyRect",
        2 => "emptyDiamond",
        _ => "emptyTriangle",
    }
}

fn gap(at: Timestamp) -> Point {
    Point {
        at,
        value: None,
        cue: Cue {
            symbol: "none",
            label: None,
            always: false,
        },
        text: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn density_follows_the_room_each_set_has() {
        // 14 px a set or more: every label; 5 px or more: crowded; less: dense.
        assert_eq!(Density::of(10, 140), Density::Roomy);
        assert_eq!(Density::of(11, 140), Density::Crowded);
        assert_eq!(Density::of(28, 140), Density::Crowded);
        assert_eq!(Density::of(29, 140), Density::Dense);
        assert_eq!(Density::of(0, 140), Density::Roomy, "no sets, no crowd");
        // A year of 4-hourly sets: dense on a phone and on a desktop.
        assert_eq!(Density::of(2190, 184), Density::Dense);
        assert_eq!(Density::of(2190, 1272), Density::Dense);
    }

    /// The rule of issue 14: a point that never gives way (a 3, an unknown sub-score, a total
    /// of medium or high risk) keeps the series' full symbol and its label at every density.
    #[test]
    fn a_point_that_never_gives_way_keeps_its_symbol_and_label_at_every_density() {
        for density in [Density::Roomy, Density::Crowded, Density::Dense] {
            assert_eq!(density.symbol_px(true), None, "{density:?}");
            assert!(density.shows_label(true), "{density:?}");
        }
        assert_eq!(Density::Roomy.symbol_px(false), None);
        assert!(Density::Roomy.shows_label(false));
        assert_eq!(Density::Crowded.symbol_px(false), Some(CROWDED_SYMBOL_PX));
        assert!(!Density::Crowded.shows_label(false));
        assert_eq!(Density::Dense.symbol_px(false), Some(SMALL_SYMBOL_PX));
        assert!(!Density::Dense.shows_label(false));
    }

    #[test]
    fn a_three_on_a_dense_chart_is_drawn_in_full_and_black() {
        let three = Point {
            at: Timestamp::from_millis(0),
            value: Some(30.0),
            cue: Cue::of_score(Some(SubScore::THREE)),
            text: String::new(),
        };
        let one = Point {
            cue: Cue::of_score(Some(SubScore::ONE)),
            ..three.clone()
        };
        let unknown = Point {
            cue: Cue::of_score(None),
            ..three.clone()
        };
        for density in [Density::Roomy, Density::Crowded, Density::Dense] {
            for point in [&three, &unknown] {
                let item = serde_json::to_value(point.item(density)).unwrap();
                assert_eq!(item["label"]["show"], true, "{density:?} {item}");
                assert!(item.get("symbolSize").is_none(), "{density:?} {item}");
                assert!(item.get("itemStyle").is_none(), "{density:?} {item}");
            }
        }
        let thinned = serde_json::to_value(one.item(Density::Dense)).unwrap();
        assert_eq!(thinned["label"]["show"], false);
        assert_eq!(thinned["symbolSize"], SMALL_SYMBOL_PX);
        assert_eq!(thinned["itemStyle"]["color"], DENSE_INK);
    }
}
