//! The history table's rows and pages, as plain data tested natively.

use crate::clinical::News2;
use crate::clinical::observation_set::{History, ObservationSet};
use crate::clinical::response::RecordedResponse;
use crate::fhir::pending::{PendingEntries, SaveState};

/// Rows per page: a year of 4-hourly sets is 2,190 rows, which would make the page sluggish
/// and a screen reader's table navigation useless if drawn at once.
pub const PAGE_SIZE: usize = 20;

/// What marks a row besides its values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowFlags {
    pub incomplete: bool,
    /// Values to verify (possible but unusual).
    pub flagged: bool,
    /// Where an entry made here stands, until the history shows it.
    pub unsaved: Option<SaveState>,
    /// The source's stated score differs from the computed one.
    pub disagrees: bool,
    /// Different values of one parameter at one moment (the more severe counts).
    pub conflicting: bool,
    /// A parameter was measured again in the set (the later value counts).
    pub rechecked: bool,
    /// The source scored the set again (its later total counts).
    pub rescored: bool,
}

/// One row: a set, its marks, and the escalation responses recorded about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub set: ObservationSet,
    pub flags: RowFlags,
    pub responses: Vec<RecordedResponse>,
}

/// Puts each response beside its set (`rows` newest first): the set whose Observations it
/// names; else, for a response that names none the rows hold (another system's, or one about a
/// set not loaded), the newest set taken by the time it was given; else the oldest row. None is
/// left out of the table.
pub fn with_responses(rows: &mut [Row], responses: &[RecordedResponse]) {
    for response in responses {
        let named = rows.iter().position(|row| {
            row.set
                .details
                .observations
                .iter()
                .any(|key| response.about.contains(key))
        });
        let place = named
            .or_else(|| {
                rows.iter()
                    .position(|row| row.set.taken_at() <= response.at)
            })
            .or_else(|| rows.len().checked_sub(1));
        if let Some(i) = place {
            rows[i].responses.push(response.clone());
        }
    }
    for row in rows {
        row.responses.sort_by_key(|r| std::cmp::Reverse(r.at));
    }
}

/// Every set of `history` and every pending entry, newest first.
pub fn rows(history: &History, pending: &PendingEntries) -> Vec<Row> {
    let mut rows: Vec<Row> = history
        .sets()
        .iter()
        .map(|set| row(set, None))
        .chain(
            pending
                .entries()
                .iter()
                .map(|entry| row(&entry.set, Some(entry.state.clone()))),
        )
        .collect();
    // Stable: sets taken at the same minute keep their order, pending entries after.
    rows.sort_by_key(|row| std::cmp::Reverse(row.set.taken_at()));
    rows
}

fn row(set: &ObservationSet, unsaved: Option<SaveState>) -> Row {
    Row {
        flags: RowFlags {
            incomplete: matches!(set.score(), News2::Incomplete(_)),
            flagged: !set.to_verify().is_empty(),
            unsaved,
            disagrees: !set.disagreements().is_empty(),
            conflicting: !set.conflicts.is_empty(),
            rechecked: !set.rechecked.is_empty(),
            rescored: !set.rescored.is_empty(),
        },
        set: set.clone(),
        responses: Vec::new(),
    }
}

/// How many pages `count` rows fill (at least one, so an empty table still says "1 of 1").
pub fn page_count(count: usize) -> usize {
    count.div_ceil(PAGE_SIZE).max(1)
}

/// The rows of page `page` (0-based; clamped to the last page).
pub fn page(rows: &[Row], page: usize) -> &[Row] {
    let page = page.min(page_count(rows.len()) - 1);
    let start = page * PAGE_SIZE;
    &rows[start.min(rows.len())..(start + PAGE_SIZE).min(rows.len())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::observation_set::Spo2ScaleBasis;
    use crate::clinical::time::Timestamp;
    use crate::clinical::{Quantity, Reading, VitalSigns};

    fn set(minute: i64) -> ObservationSet {
        let vitals = VitalSigns {
            pulse: Some(Reading::parse(Quantity::Pulse, "80").expect("a pulse")),
            ..VitalSigns::default()
        };
        ObservationSet::new(
            Timestamp::from_millis(minute * 60_000),
            vitals,
            Spo2ScaleBasis::Default,
        )
    }

    #[test]
    fn rows_are_newest_first_with_pending_entries_marked() {
        let history = History::new(vec![set(1), set(3)]);
        let mut pending = PendingEntries::default();
        pending.add("e1".into(), set(2));
        let rows = rows(&history, &pending);
        let minutes: Vec<i64> = rows
            .iter()
            .map(|r| r.set.taken_at().millis() / 60_000)
            .collect();
        assert_eq!(minutes, [3, 2, 1]);
        assert_eq!(rows[1].flags.unsaved, Some(SaveState::NotSaved));
        assert_eq!(rows[0].flags.unsaved, None);
        assert!(rows.iter().all(|r| r.flags.incomplete));
    }

    #[test]
    fn pages_cover_every_row_once() {
        let history = History::new((0..45).map(set).collect());
        let rows = rows(&history, &PendingEntries::default());
        assert_eq!(page_count(rows.len()), 3);
        let shown: usize = (0..3).map(|p| page(&rows, p).len()).sum();
        assert_eq!(shown, 45);
        assert_eq!(page(&rows, 2).len(), 5);
        assert_eq!(
            page(&rows, 99),
            page(&rows, 2),
            "a page past the end shows the last"
        );
        assert_eq!(page_count(0), 1);
        assert!(page(&[], 0).is_empty());
    }
}
