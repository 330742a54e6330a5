//! The RCP-style NEWS2 observation chart, as an ECharts option built from a patient's history.
//!
//! A plain function of data with no web dependency, so everything it draws is tested natively
//! as JSON (tests/chart_options.rs) and, through ECharts' own server-side renderer, in Node
//! (tests/chart/render.mjs). The UI turns the JSON into a JS object and calls
//! `setOption(option, {notMerge: true})` itself.
//!
//! One panel (ECharts grid) per Chart 1 row and one for the total, on one shared time axis.
//! Behind each panel's values lie its score bands in RCP's colours, derived from the engine's
//! Chart 1 functions (`bands`); each point carries its sub-score as a symbol and a number
//! too (`points`), so nothing is said by colour alone. Tooltips are drawn on the canvas
//! (`renderMode: "richText"`) from text computed here: no HTML, and no JavaScript function
//! anywhere in the option, since a strict CSP blocks the `new Function` that charming's JS
//! formatters need.
//!
//! charming builds the option where it has the types. Where it lacks a field, the serialised
//! JSON is completed in `complete_option`, each addition with its reason. The points, which are
//! nearly all of a long history's option, are never part of that tree: [`ChartOption`] writes
//! them straight into the text ECharts parses (a year's tree of 17,520 points took 8 MB of wasm
//! memory, which never shrinks).
//!
//! Every set is drawn: a year of 4-hourly sets is 2,190 points a panel, which ECharts draws
//! without trouble, and ECharts' `sampling` (and `labelLayout.hideOverlap`) are never used,
//! since they could drop a red score. What is thinned is how much each point draws beside
//! itself, by how crowded the chart is at its width (`points::Density`): a sub-score of 3, an
//! unknown sub-score and a total of medium or high risk keep their full symbol and label at
//! every density.

mod bands;
mod canvas;
mod points;
pub mod services;

use std::time::Duration;

use charming::Chart;
use charming::component::{Axis, DataZoom, DataZoomType, FilterMode, Grid, Title};
use charming::datatype::CompositeValue;
use charming::element::{
    AxisLabel, AxisLine, AxisTick, AxisType, ItemStyle, Label, LabelPosition, LineStyle,
    LineStyleType, MarkArea, MarkLine, MarkLineData, MarkLineVariant, NameLocation, SplitLine,
    Symbol, TextStyle, Tooltip, Trigger,
};
use charming::series::Line;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value, json};

use crate::clinical::observation_set::History;
use crate::clinical::time::{HOUR, Timestamp};
use crate::clinical::{Parameter, Quantity, Spo2Scale, SubScore};
use crate::i18n::Language;
use crate::i18n::format::iso_utc;
use crate::i18n::words::{self, words};
use bands::Band;
use points::{Density, Point};

/// The time span the chart opens on, ending now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TimeRange {
    #[default]
    Hours24,
    Hours72,
    Days7,
    Days30,
    /// From the first set to now.
    All,
}

impl TimeRange {
    pub const ALL: [TimeRange; 5] = [
        TimeRange::Hours24,
        TimeRange::Hours72,
        TimeRange::Days7,
        TimeRange::Days30,
        TimeRange::All,
    ];

    /// The span shown; `None` for [`TimeRange::All`], which spans the whole history.
    pub const fn duration(self) -> Option<Duration> {
        let hours = match self {
            TimeRange::Hours24 => 24,
            TimeRange::Hours72 => 72,
            TimeRange::Days7 => 7 * 24,
            TimeRange::Days30 => 30 * 24,
            TimeRange::All => return None,
        };
        Some(Duration::from_secs(hours * HOUR.as_secs()))
    }
}

/// What the chart is drawn from.
pub struct ChartInput<'a> {
    /// The sets; those dated after `now` (beyond the clock tolerance) are not drawn: the
    /// banner and the table name them.
    pub history: &'a History,
    pub now: Timestamp,
    pub range: TimeRange,
    pub language: Language,
    /// Formats a time for tooltips in the browser's time zone (the UI supplies it; tests pass a
    /// fixed one).
    pub format_time: &'a dyn Fn(Timestamp) -> String,
    /// The chart's width in CSS px, as its container was measured; `0` before it is known
    /// (laid out as [`DEFAULT_WIDTH_PX`]). Heights, time labels and how much each point writes
    /// beside itself follow it.
    pub width_px: u32,
}

/// A panel of the chart, top to bottom: the Chart 1 rows in chart order, as
/// `points::of_set` gives a set's points, then the total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Panel {
    Row(Parameter),
    Total,
}

const PANELS: [Panel; 8] = [
    Panel::Row(Parameter::RespiratoryRate),
    Panel::Row(Parameter::Spo2),
    Panel::Row(Parameter::AirOrOxygen),
    Panel::Row(Parameter::SystolicBp),
    Panel::Row(Parameter::Pulse),
    Panel::Row(Parameter::Consciousness),
    Panel::Row(Parameter::Temperature),
    Panel::Total,
];

// The layout is in pixels and depends on the width alone, so the panels never move as data
// arrive and the UI can give its container the chart's height before it draws.
/// The width laid out for before the container is measured.
pub const DEFAULT_WIDTH_PX: u32 = 1000;
/// Above the first panel.
const TOP_PX: u32 = 8;
/// Above each grid, for the panel's title (the y axis name).
const TITLE_PX: u32 = 22;
/// Below each grid but the last.
const GAP_PX: u32 = 6;
/// Below the last grid: its time labels (two lines), the zoom slider and the attribution.
const BOTTOM_PX: u32 = 104;
const SLIDER_BOTTOM_PX: u32 = 22;
/// The zoom slider's height, and so its handles' (WCAG 2.2: targets of at least 24 px).
const SLIDER_HEIGHT_PX: u32 = 32;
const LEFT_PX: u32 = 64;
const RIGHT_PX: u32 = 24;
/// The line of a dense chart: a thin mid grey (3.4:1 on white, a graphic's 3:1), so that a
/// year of values zigzagging within a few pixels reads as a grey band and not as a black bar,
/// and the black symbols of the points that never give way stand out from it.
const DENSE_LINE: &str = points::DENSE_INK;
const DENSE_LINE_WIDTH: f64 = 0.75;
/// A zoom handle: a bar 24 wide and 32 high (ECharts keeps the path's proportions).
const SLIDER_HANDLE_ICON: &str = "path://M0,0H24V32H0Z";
/// Every text on the chart: no smaller than 12 px.
const TEXT_PX: u32 = 12;
/// About this much room per time label, so that labels never run together.
const PX_PER_TIME_LABEL: u32 = 110;

/// The chart laid out for one width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The width of the panels' plotting area.
    pub plot_width_px: u32,
    /// A measured row's panel height: lower on a narrow screen, so a phone does not scroll
    /// through a metre of chart; never so low that a band's score cannot be read.
    pub row_height_px: u32,
    /// How many time labels the bottom axis aims for.
    pub time_labels: u32,
}

impl Layout {
    pub fn for_width(width_px: u32) -> Self {
        let width = if width_px == 0 {
            DEFAULT_WIDTH_PX
        } else {
            width_px
        };
        let plot_width_px = width.saturating_sub(LEFT_PX + RIGHT_PX).max(80);
        Layout {
            plot_width_px,
            row_height_px: (plot_width_px / 7).clamp(64, 96),
            time_labels: (plot_width_px / PX_PER_TIME_LABEL).clamp(2, 10),
        }
    }

    fn grid_height(&self, panel: Panel) -> u32 {
        match panel {
            Panel::Row(Parameter::AirOrOxygen) => 36,
            Panel::Row(Parameter::Consciousness) => 76,
            _ => self.row_height_px,
        }
    }

    /// The chart's height: the UI gives its container exactly this.
    pub fn height_px(&self) -> u32 {
        let panels: u32 = PANELS
            .iter()
            .map(|&panel| TITLE_PX + self.grid_height(panel))
            .sum();
        TOP_PX + panels + GAP_PX * (PANELS.len() as u32 - 1) + BOTTOM_PX
    }
}

/// The default axis range of a measured row, in chart units (temperature in tenths). Values
/// outside it widen it.
const fn default_range(quantity: Quantity) -> (u32, u32) {
    match quantity {
        Quantity::RespiratoryRate => (0, 40),
        Quantity::Spo2 => (70, 100),
        Quantity::SystolicBp => (60, 240),
        Quantity::Pulse => (30, 170),
        Quantity::Temperature => (340, 410),
    }
}

const fn quantity_of(parameter: Parameter) -> Option<Quantity> {
    match parameter {
        Parameter::RespiratoryRate => Some(Quantity::RespiratoryRate),
        Parameter::Spo2 => Some(Quantity::Spo2),
        Parameter::SystolicBp => Some(Quantity::SystolicBp),
        Parameter::Pulse => Some(Quantity::Pulse),
        Parameter::Temperature => Some(Quantity::Temperature),
        Parameter::AirOrOxygen | Parameter::Consciousness => None,
    }
}

/// The score band colours of style/widget.css (`--news2-score-N-bg`), semi-transparent so the
/// grid lines show through.
fn band_colour(score: SubScore) -> &'static str {
    match score.value() {
        1 => "rgba(255, 228, 92, 0.55)",
        2 => "rgba(245, 158, 66, 0.55)",
        _ => "rgba(200, 16, 46, 0.40)",
    }
}

const INK: &str = "#1b1b1f";

/// One panel's y axes, series and bands, before they are put together.
struct PanelParts {
    title: String,
    /// The axis the series is plotted on.
    value_axis: Axis,
    /// A category axis that only labels the rows (category panels).
    label_axis: Option<Axis>,
    bands: Vec<Band>,
    points: Vec<Point>,
}

/// A stretch of the time axis over which the sets were on one SpO2 scale: the SpO2 panel draws
/// that scale's bands behind them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ScaleRun {
    scale: Spo2Scale,
    /// From here (the first set on this scale; the axis start for the first run)…
    from: Timestamp,
    /// …to here (the first set on the next scale; the axis end for the last run).
    to: Timestamp,
}

/// The runs of one scale in `sets` (oldest first), spanning `axis_start..axis_end`.
fn scale_runs(
    sets: &[crate::clinical::observation_set::ObservationSet],
    axis_start: Timestamp,
    axis_end: Timestamp,
) -> Vec<ScaleRun> {
    let mut runs: Vec<ScaleRun> = Vec::new();
    for set in sets {
        let scale = set.vitals().spo2_scale;
        match runs.last_mut() {
            Some(run) if run.scale == scale => {}
            Some(run) => {
                run.to = set.taken_at();
                runs.push(ScaleRun {
                    scale,
                    from: set.taken_at(),
                    to: axis_end,
                });
            }
            None => runs.push(ScaleRun {
                scale,
                from: axis_start,
                to: axis_end,
            }),
        }
    }
    if runs.is_empty() {
        runs.push(ScaleRun {
            scale: Spo2Scale::Scale1,
            from: axis_start,
            to: axis_end,
        });
    }
    runs
}

/// The ECharts option of the observation chart: everything but the points as a JSON tree, and
/// each series' points, joined only when the option is written.
#[derive(Debug)]
pub struct ChartOption {
    /// The option as charming built it and `complete_option` completed it, without the series'
    /// `data`.
    skeleton: Value,
    /// Each series' points, in series order.
    points: Vec<Vec<Point>>,
    /// How crowded the points are, which decides what each writes beside itself.
    density: Density,
}

impl ChartOption {
    /// The option as JSON text, for `JSON.parse`: what the widget hands to ECharts.
    pub fn to_json_text(&self) -> Result<String, serde_json::Error> {
        // Room for the whole text at once: grown by doubling, a year's 3 MB would pass through
        // copies of 2 and 4 MB, and wasm memory keeps its largest size.
        let mut text = Vec::with_capacity(self.text_len_estimate());
        serde_json::to_writer(&mut text, self)?;
        // serde_json writes UTF-8 only; were it not, this is an error, not a panic.
        String::from_utf8(text).map_err(serde::ser::Error::custom)
    }

    /// A little more than the text's length: each point's tooltip (a line break is written as
    /// two characters) and the rest of its item, and room for what is not points.
    fn text_len_estimate(&self) -> usize {
        const ITEM_BYTES: usize = 96;
        const NOT_POINTS: usize = 64 * 1024;
        let points: usize = self
            .points
            .iter()
            .flatten()
            .map(|point| point.text.len() + point.text.len() / 8 + ITEM_BYTES)
            .sum();
        points + NOT_POINTS
    }

    /// The option as a JSON tree, to read it in tests and tools (the widget writes the text).
    pub fn to_value(&self) -> Result<Value, serde_json::Error> {
        serde_json::to_value(self)
    }
}

impl Serialize for ChartOption {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Value::Object(option) = &self.skeleton else {
            return self.skeleton.serialize(serializer);
        };
        let mut map = serializer.serialize_map(Some(option.len()))?;
        for (key, value) in option {
            match value {
                Value::Array(series) if key == "series" => map.serialize_entry(
                    key,
                    &SeriesList {
                        series,
                        points: &self.points,
                        density: self.density,
                    },
                )?,
                _ => map.serialize_entry(key, value)?,
            }
        }
        map.end()
    }
}

/// The option's `series`, each with its points as `data`.
struct SeriesList<'a> {
    series: &'a [Value],
    points: &'a [Vec<Point>],
    density: Density,
}

impl Serialize for SeriesList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut list = serializer.serialize_seq(Some(self.series.len()))?;
        for (index, series) in self.series.iter().enumerate() {
            // A series without points of its own here (none today: one per panel) is written as
            // charming wrote it, never with another panel's points.
            match (series, self.points.get(index)) {
                (Value::Object(fields), Some(points)) => list.serialize_element(&OneSeries {
                    fields,
                    points,
                    density: self.density,
                })?,
                (other, _) => list.serialize_element(other)?,
            }
        }
        list.end()
    }
}

/// One series' fields, and its points as its `data` (in place of any charming wrote).
struct OneSeries<'a> {
    fields: &'a Map<String, Value>,
    points: &'a [Point],
    density: Density,
}

impl Serialize for OneSeries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (key, value) in self.fields.iter().filter(|(key, _)| *key != "data") {
            map.serialize_entry(key, value)?;
        }
        map.serialize_entry("data", &DataList(self.points, self.density))?;
        map.end()
    }
}

/// A series' points as ECharts' data items.
struct DataList<'a>(&'a [Point], Density);

impl Serialize for DataList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|point| point.item(self.1)))
    }
}

/// The ECharts option of the observation chart.
pub fn observation_chart(input: &ChartInput) -> ChartOption {
    let sets = input.history.as_of(input.now).sets();
    let language = input.language;
    // Each panel's points, one per set, oldest first.
    let mut columns: Vec<Vec<Point>> = vec![Vec::with_capacity(sets.len()); PANELS.len()];
    for set in sets {
        let set_points = points::of_set(set, language, input.format_time);
        for (column, point) in columns.iter_mut().zip(set_points) {
            column.push(point);
        }
    }
    // Several services: each total carries its service's mark beside its number (the legend
    // under the chart spells the marks out), so services are told apart without colour.
    if let Some(legend) = services::service_legend(sets, language)
        && let Some(totals) = columns.last_mut()
    {
        for (point, mark) in totals.iter_mut().zip(legend.marks) {
            point.mark_service(&mark);
        }
    }

    // One time axis for all panels: from the first set (or the start of the range, if earlier)
    // to now (or the last set, if within the clock tolerance ahead of it).
    let first = sets.first().map(|s| s.taken_at());
    let last = sets
        .last()
        .map_or(input.now, |s| s.taken_at().max(input.now));
    let range_start = input.range.duration().map(|span| input.now.minus(span));
    let axis_start = match (first, range_start) {
        (Some(first), Some(start)) => first.min(start),
        (Some(first), None) => first,
        (None, Some(start)) => start,
        (None, None) => input.now.minus(24 * HOUR),
    };
    let zoom_start = range_start.unwrap_or(axis_start);
    let layout = Layout::for_width(input.width_px);
    let in_view = sets.iter().filter(|s| s.taken_at() >= zoom_start).count();
    let density = Density::of(in_view, layout.plot_width_px);
    let runs = scale_runs(sets, axis_start, last);
    let parts: Vec<PanelParts> = PANELS
        .into_iter()
        .zip(columns)
        .map(|(panel, points)| panel_parts(panel, points, &runs, language))
        .collect();
    // ECharts wants time-axis marker positions as ISO 8601 in UTC ending in `Z`; an instant
    // outside the calendar (no real clock reads that) gets no marker.
    let now_iso = Some(iso_utc(input.now)).filter(|iso| !iso.is_empty());

    let mut chart = Chart::new()
        .animation(false)
        .title(
            Title::new()
                .text(canvas::ATTRIBUTION)
                .right(f64::from(RIGHT_PX))
                .bottom(2)
                .text_style(TextStyle::new().font_size(TEXT_PX).color("#555")),
        )
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Item)
                // The point's own text, precomputed into its `name`.
                .formatter("{b}"),
        );
    let last_panel = PANELS.len() - 1;
    let mut top = TOP_PX;
    let mut y_axis_count = 0usize;
    let mut drawn = Vec::with_capacity(PANELS.len());
    for (index, (panel, part)) in PANELS.into_iter().zip(parts).enumerate() {
        top += TITLE_PX;
        let height = layout.grid_height(panel);
        chart = chart.grid(
            Grid::new()
                .left(f64::from(LEFT_PX))
                .right(f64::from(RIGHT_PX))
                .top(f64::from(top))
                .height(f64::from(height)),
        );
        top += height + GAP_PX;

        // Only the bottom panel writes the times; the others share them.
        let is_last = index == last_panel;
        chart = chart.x_axis(
            Axis::new()
                .type_(AxisType::Time)
                .grid_index(index as f64)
                .min(axis_start.millis())
                .max(last.millis())
                // As many labels as the width holds without running together.
                .split_number(layout.time_labels)
                .axis_label(
                    AxisLabel::new()
                        .show(is_last)
                        .font_size(TEXT_PX)
                        .formatter("{dd}.{MM}.\n{HH}:{mm}"),
                )
                .axis_tick(AxisTick::new().show(is_last))
                // At the bottom of its grid, not at the y axis's zero (a category row's centre).
                .axis_line(AxisLine::new().on_zero(false))
                .split_line(
                    SplitLine::new()
                        .show(true)
                        .line_style(LineStyle::new().color("#e4e4e7")),
                ),
        );

        let value_axis_index = y_axis_count;
        let titled = |axis: Axis| {
            axis.grid_index(index as f64)
                .name(part.title.as_str())
                .name_location(NameLocation::End)
                .name_gap(6)
                .name_text_style(TextStyle::new().color(INK).font_size(TEXT_PX).align("left"))
        };
        match part.label_axis {
            Some(label_axis) => {
                chart = chart
                    .y_axis(part.value_axis.grid_index(index as f64))
                    .y_axis(titled(label_axis));
                y_axis_count += 2;
            }
            None => {
                chart = chart.y_axis(titled(part.value_axis));
                y_axis_count += 1;
            }
        }

        chart = chart.series(
            Line::new()
                .name(part.title.as_str())
                .x_axis_index(index as f64)
                .y_axis_index(value_axis_index as f64)
                .connect_nulls(false)
                .show_symbol(true)
                .symbol_size(9)
                .line_style(LineStyle::new().color(INK).width(1.5))
                .item_style(ItemStyle::new().color(INK))
                .label(
                    Label::new()
                        .position(LabelPosition::Top)
                        .color(INK)
                        .font_size(TEXT_PX),
                )
                .mark_area(
                    MarkArea::new().silent(true).label(
                        Label::new()
                            .show(true)
                            .position(LabelPosition::InsideLeft)
                            .color(INK)
                            .font_size(TEXT_PX),
                    ),
                )
                .mark_line(markers(
                    panel,
                    index == 0,
                    now_iso.as_deref(),
                    &runs,
                    language,
                )),
        );
        drawn.push((part.bands, part.points));
    }

    let all_x_axes: Vec<CompositeValue> = (0..PANELS.len())
        .map(|i| CompositeValue::from(i as i64))
        .collect();
    for zoom_type in [DataZoomType::Inside, DataZoomType::Slider] {
        let zoom = DataZoom::new()
            .type_(zoom_type)
            .x_axis_index(CompositeValue::Array(all_x_axes.clone()))
            .start_value(zoom_start.millis())
            .end_value(input.now.millis())
            // Lines run on to the window's edge instead of stopping at the last point inside.
            .filter_mode(FilterMode::None);
        chart = chart.data_zoom(match zoom_type {
            DataZoomType::Slider => zoom
                .bottom(f64::from(SLIDER_BOTTOM_PX))
                .left(f64::from(LEFT_PX))
                .right(f64::from(RIGHT_PX)),
            _ => zoom,
        });
    }

    complete_option(&chart, drawn, language, sets.len(), density)
}

/// A panel's y axes, bands and title.
fn panel_parts(
    panel: Panel,
    points: Vec<Point>,
    runs: &[ScaleRun],
    language: Language,
) -> PanelParts {
    let value_axis = |min: f64, max: f64| {
        Axis::new()
            .type_(AxisType::Value)
            .min(min)
            .max(max)
            .split_number(4)
            .axis_label(AxisLabel::new().font_size(TEXT_PX))
            .split_line(
                SplitLine::new()
                    .show(true)
                    .line_style(LineStyle::new().color("#e4e4e7")),
            )
    };
    let parameter = match panel {
        Panel::Total => {
            return PanelParts {
                title: words(language).chart_total_title.to_string(),
                value_axis: value_axis(0.0, 20.0).interval(5),
                label_axis: None,
                bands: Vec::new(),
                points,
            };
        }
        Panel::Row(parameter) => parameter,
    };
    let title = words::parameter(language, parameter);
    let Some(quantity) = quantity_of(parameter) else {
        // A category row: the series and bands use a hidden value axis with category `i` at
        // `i`, so a band can cover whole rows (on an ECharts category axis a mark area can only
        // reach from one category's centre to another's); a category axis beside it, aligned
        // with it, writes the rows' names.
        let labels: Vec<String> = match parameter {
            Parameter::Consciousness => crate::clinical::Consciousness::ALL
                .iter()
                .map(|level| level.letter().to_string())
                .collect(),
            _ => [words(language).air, "O₂"]
                .iter()
                .map(|label| (*label).to_string())
                .collect(),
        };
        let count = labels.len();
        return PanelParts {
            title,
            value_axis: value_axis(-0.5, count as f64 - 0.5).show(false),
            label_axis: Some(
                Axis::new()
                    .type_(AxisType::Category)
                    // A grid's second y axis goes right unless told.
                    .position("left")
                    .data(labels)
                    .boundary_gap(true)
                    .axis_tick(AxisTick::new().show(false))
                    .axis_line(AxisLine::new().show(false))
                    .axis_label(AxisLabel::new().font_size(TEXT_PX)),
            ),
            bands: bands::category_bands(parameter, count),
            points,
        };
    };

    let places = quantity.chart_places();
    let per_unit = f64::from(10u32.pow(places));
    // The default range, widened to every charted value (values are charted, so exact).
    let (lowest, highest) = points
        .iter()
        .filter_map(|p| p.value)
        .map(|v| (v * per_unit).round() as u32)
        .fold(default_range(quantity), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let unit = words::unit(quantity);
    let band_runs = |scale_2: bool| {
        bands::bands(lowest, highest, places, |charted| {
            bands::measured_score(quantity, scale_2, charted)
        })
    };
    let (title, bands) = match quantity {
        // Each stretch of the axis has its own scale's bands behind it, and the title names
        // every scale the panel shows.
        Quantity::Spo2 => {
            let mut scales: Vec<&str> = Vec::new();
            for run in runs {
                let name = words::spo2_scale(language, run.scale);
                if !scales.contains(&name) {
                    scales.push(name);
                }
            }
            let bands = if runs.len() == 1 {
                band_runs(runs[0].scale == Spo2Scale::Scale2)
            } else {
                runs.iter()
                    .flat_map(|run| {
                        band_runs(run.scale == Spo2Scale::Scale2)
                            .into_iter()
                            .map(|band| Band {
                                span: Some((run.from, run.to)),
                                ..band
                            })
                    })
                    .collect()
            };
            (format!("{title} {} ({unit})", scales.join(" / ")), bands)
        }
        _ => (format!("{title} ({unit})"), band_runs(false)),
    };
    PanelParts {
        title,
        value_axis: value_axis(f64::from(lowest) / per_unit, f64::from(highest) / per_unit),
        label_axis: None,
        bands,
        points,
    }
}

/// The now marker on every panel; on the total's the Chart 3 response thresholds (urgent at 5,
/// emergency at 7); on SpO2's each change of scale, named.
fn markers(
    panel: Panel,
    first: bool,
    now_iso: Option<&str>,
    runs: &[ScaleRun],
    language: Language,
) -> MarkLine {
    let mut lines = Vec::new();
    if panel == Panel::Row(Parameter::Spo2) {
        for run in runs.iter().skip(1) {
            let at = iso_utc(run.from);
            if !at.is_empty() {
                lines.push(MarkLineVariant::Simple(
                    MarkLineData::new().x_axis(at.as_str()).label(
                        Label::new()
                            .show(true)
                            .formatter(words::spo2_scale(language, run.scale)),
                    ),
                ));
            }
        }
    }
    if let Some(now_iso) = now_iso {
        // "now" is written once, at the top; the other panels only draw the line.
        let label = if first {
            Label::new().show(true).formatter(words(language).chart_now)
        } else {
            Label::new().show(false)
        };
        lines.push(MarkLineVariant::Simple(
            MarkLineData::new().x_axis(now_iso).label(label),
        ));
    }
    if panel == Panel::Total {
        for threshold in [5, 7] {
            lines.push(MarkLineVariant::Simple(
                MarkLineData::new().y_axis(threshold).label(
                    Label::new()
                        .show(true)
                        .formatter(threshold.to_string().as_str()),
                ),
            ));
        }
    }
    MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(LineStyle::new().color(INK).type_(LineStyleType::Dashed))
        .data(lines)
}

/// The option, with what charming has no type for. Each panel's bands and points are given in
/// panel order.
fn complete_option(
    chart: &Chart,
    panels: Vec<(Vec<Band>, Vec<Point>)>,
    language: Language,
    sets: usize,
    density: Density,
) -> ChartOption {
    // charming's structs serialise to plain maps with string keys: there is no failure path.
    let mut option = serde_json::to_value(chart).unwrap_or(Value::Null);
    // charming's data item has only a value, a name and an item style: ECharts also reads a
    // symbol and a label per item, which carry the sub-score. The points are kept as they are
    // and written as such items with the text (`ChartOption`'s `Serialize`).
    let mut points = Vec::with_capacity(panels.len());
    if let Some(series) = option.get_mut("series").and_then(Value::as_array_mut) {
        for (series, (bands, panel_points)) in series.iter_mut().zip(panels) {
            points.push(panel_points);
            // A dense line is drawn thin and grey, so the black symbols of the points that
            // never give way (a 3, a red total) stand out from it.
            if density == Density::Dense {
                series["lineStyle"] = json!({"color": DENSE_LINE, "width": DENSE_LINE_WIDTH});
            }
            // charming's mark area takes its bounds as strings and has no per-piece style; each
            // piece here has both bounds as numbers, its colour, and its score as its label.
            series["markArea"]["data"] = bands
                .iter()
                .map(|band| {
                    let mut from = json!({
                        "name": band.score.value().to_string(),
                        "yAxis": band.from,
                        "itemStyle": {"color": band_colour(band.score)},
                    });
                    let mut to = json!({"yAxis": band.to});
                    // A band of one stretch of time (the SpO2 scale of the sets there).
                    if let Some((start, end)) = band.span {
                        from["xAxis"] = json!(start.millis());
                        to["xAxis"] = json!(end.millis());
                    }
                    json!([from, to])
                })
                .collect();
        }
    }
    // charming's axis label has no `lineHeight`: without it ECharts draws the time under the
    // date too tightly, and the two lines of the bottom axis overlap.
    // Nor `hideOverlap`: a label that would overlap another is left out, never drawn over it.
    if let Some(axes) = option.get_mut("xAxis").and_then(Value::as_array_mut) {
        for axis in axes {
            axis["axisLabel"]["lineHeight"] = json!(15);
            axis["axisLabel"]["hideOverlap"] = json!(true);
        }
    }
    // charming's slider has no height or handle settings: handles as tall as the slider and 24 px wide
    // (a plain bar), so each is a target of at least 24 × 24 px. No brush selection: with it,
    // ECharts moves the window only by a bar 7 px high under the slider (its `moveHandleSize`),
    // and a finger on the slider brushes a new window by accident; without it, the whole
    // window (32 px high) is what one drags to move it.
    if let Some(zooms) = option.get_mut("dataZoom").and_then(Value::as_array_mut) {
        for zoom in zooms.iter_mut().filter(|z| z["type"] == "slider") {
            zoom["height"] = json!(SLIDER_HEIGHT_PX);
            zoom["brushSelect"] = json!(false);
            zoom["handleIcon"] = json!(SLIDER_HANDLE_ICON);
            zoom["handleSize"] = json!("100%");
            zoom["textStyle"] = json!({"fontSize": TEXT_PX});
        }
    }
    // charming's tooltip has no `renderMode`: richText draws the tooltip on the canvas, so no
    // text from the record is ever parsed as HTML.
    option["tooltip"]["renderMode"] = json!("richText");
    // charming's aria label has no `description`. The history table is the accessible
    // alternative; this tells a screen reader what the picture is.
    option["aria"] = json!({
        "enabled": true,
        "label": {"enabled": true, "description": words::chart_description(language, sets)},
    });
    ChartOption {
        skeleton: option,
        points,
        density,
    }
}
