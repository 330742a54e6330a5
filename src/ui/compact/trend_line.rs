//! The compact view's trend line: the totals of the last complete sets as points of an SVG
//! polyline, and the same totals as words for screen readers.
//!
//! Only computed totals of complete sets are drawn: an incomplete set has no total, and a partial
//! sum drawn as one would look calmer than the patient may be. Sets are spaced evenly, not by
//! time, so that a re-check minutes after a set stays visible beside it.

use crate::clinical::News2;
use crate::clinical::observation_set::ObservationSet;
use crate::clinical::time::Timestamp;

/// The most sets drawn: enough to show a direction; the chart shows the rest.
pub const MOST_SETS: usize = 12;
/// The drawing's own units (its `viewBox`); CSS scales it.
pub const WIDTH: f64 = 120.0;
pub const HEIGHT: f64 = 32.0;
/// Room above and below the line, so a total of 0 or 20 is not drawn on the edge.
const MARGIN: f64 = 3.0;
/// The highest NEWS2 total (3 + 3 + 3 + 2 + 3 + 3 + 3).
const MOST_TOTAL: f64 = 20.0;

/// The totals of the last complete sets, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrendLine {
    totals: Vec<(Timestamp, u8)>,
}

impl TrendLine {
    /// From the sets taken by now, oldest first.
    pub fn of(sets: &[ObservationSet]) -> Self {
        let complete: Vec<(Timestamp, u8)> = sets
            .iter()
            .filter_map(|set| match set.score() {
                News2::Complete(score) => Some((set.taken_at(), score.total().value())),
                News2::Incomplete(_) => None,
            })
            .collect();
        let skip = complete.len().saturating_sub(MOST_SETS);
        TrendLine {
            totals: complete[skip..].to_vec(),
        }
    }

    pub fn totals(&self) -> impl Iterator<Item = u8> + '_ {
        self.totals.iter().map(|&(_, total)| total)
    }

    /// A line needs two points.
    pub fn is_drawable(&self) -> bool {
        self.totals.len() >= 2
    }

    /// The polyline's `points`, in the drawing's units.
    pub fn points(&self) -> String {
        self.totals
            .iter()
            .enumerate()
            .map(|(i, &(_, total))| format!("{:.1},{:.1}", self.x(i), y_of(total)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Where the newest total is drawn, marked with a dot.
    pub fn newest(&self) -> Option<(f64, f64)> {
        let (_, total) = *self.totals.last()?;
        Some((self.x(self.totals.len() - 1), y_of(total)))
    }

    fn x(&self, index: usize) -> f64 {
        let gaps = self.totals.len().saturating_sub(1).max(1) as f64;
        MARGIN + index as f64 * (WIDTH - 2.0 * MARGIN) / gaps
    }
}

/// The height at which `total` is drawn: 0 at the bottom, 20 at the top.
pub fn y_of(total: u8) -> f64 {
    HEIGHT - MARGIN - f64::from(total.min(20)) / MOST_TOTAL * (HEIGHT - 2.0 * MARGIN)
}
