//! The entry form's state as a nurse types it, and its reading into the clinical engine.
//!
//! Plain Rust above the component (as Leptos's todomvc keeps its `Todos`), so what a keystroke
//! does is tested natively. The text is kept as typed; scoring is [`News2::of`]'s alone.

use time::{Date, Month, PrimitiveDateTime, Time};

use crate::clinical::observation_set::{
    CLOCK_SKEW, ObservationSet, Scale2Decision, Spo2ScaleBasis,
};
use crate::clinical::provenance::Provenance;
use crate::clinical::time::Timestamp;
use crate::clinical::{
    Consciousness, InvalidReading, News2, Parameter, Quantity, Reading, VitalSigns,
};
use crate::i18n::format::LocalZone;

/// The measured fields of the form, in form order.
pub const NUMERIC_FIELDS: [Quantity; 5] = [
    Quantity::RespiratoryRate,
    Quantity::Spo2,
    Quantity::SystolicBp,
    Quantity::Pulse,
    Quantity::Temperature,
];

/// What has been entered so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryDraft {
    /// The text of each field in [`NUMERIC_FIELDS`], as typed.
    texts: [String; 5],
    /// When the set was taken, as typed (`26.11.2026 14:05`), in the browser's time zone.
    taken_at: String,
    /// Which of two moments an ambiguous local time (the autumn night's repeated hour) means,
    /// once the nurse has chosen; any edit of the time withdraws the choice.
    occurrence: Option<Occurrence>,
    /// Who took it, as typed.
    pub recorded_by: String,
    pub on_oxygen: Option<bool>,
    pub consciousness: Option<Consciousness>,
}

/// Which of the two moments a repeated local time means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occurrence {
    /// Before the clocks went back (summer time).
    First,
    /// After the clocks went back (standard time).
    Second,
}

/// A typed time read in the local zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryTime {
    /// Not a time in the form `dd.mm.åååå tt:mm`, or not one the calendar has.
    Unreadable,
    /// A local time the clocks skip (the spring night's missing hour).
    Nonexistent,
    /// A local time that happens twice (the autumn night's repeated hour): the two moments,
    /// with the offset from UTC in minutes of each.
    Ambiguous {
        first: (Timestamp, i32),
        second: (Timestamp, i32),
    },
    At(Timestamp),
}

/// The form read through the engine: each typed value checked, and the set scored on the scale
/// the set would be saved on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    readings: [Result<Option<Reading>, InvalidReading>; 5],
    vitals: VitalSigns,
    basis: Spo2ScaleBasis,
    pub score: News2,
}

/// Where a quantity sits in [`NUMERIC_FIELDS`].
const fn slot(quantity: Quantity) -> usize {
    match quantity {
        Quantity::RespiratoryRate => 0,
        Quantity::Spo2 => 1,
        Quantity::SystolicBp => 2,
        Quantity::Pulse => 3,
        Quantity::Temperature => 4,
    }
}

impl EntryDraft {
    pub fn text(&self, quantity: Quantity) -> &str {
        &self.texts[slot(quantity)]
    }

    pub fn set_text(&mut self, quantity: Quantity, text: String) {
        self.texts[slot(quantity)] = text;
    }

    /// The time as typed.
    pub fn taken_at_text(&self) -> &str {
        &self.taken_at
    }

    /// A new time; a choice between two moments of an earlier time no longer holds.
    pub fn set_taken_at(&mut self, text: String) {
        if text != self.taken_at {
            self.occurrence = None;
        }
        self.taken_at = text;
    }

    pub fn occurrence(&self) -> Option<Occurrence> {
        self.occurrence
    }

    /// The nurse's choice of moment for a repeated local time.
    pub fn choose_occurrence(&mut self, occurrence: Occurrence) {
        self.occurrence = Some(occurrence);
    }

    /// The typed time, read in `zone`.
    pub fn time(&self, zone: &dyn LocalZone) -> EntryTime {
        local_time(&self.taken_at, zone)
    }

    /// The moment the set was taken, when the typed time names one (a repeated local time only
    /// once the nurse has chosen which).
    fn moment(&self, zone: &dyn LocalZone) -> Option<Timestamp> {
        match (self.time(zone), self.occurrence) {
            (EntryTime::At(at), _) => Some(at),
            (EntryTime::Ambiguous { first, .. }, Some(Occurrence::First)) => Some(first.0),
            (EntryTime::Ambiguous { second, .. }, Some(Occurrence::Second)) => Some(second.0),
            _ => None,
        }
    }

    /// Checks every typed value and scores the set on the SpO2 scale the saved set will have:
    /// the patient's Scale 2 decision if it covers the typed time (or, while no time can be
    /// read, `now`). An empty or impossible value counts as missing, so the set is incomplete
    /// and shows no total until it is put right.
    pub fn evaluate(
        &self,
        scale_2: Option<&Scale2Decision>,
        zone: &dyn LocalZone,
        now: Timestamp,
    ) -> Evaluation {
        let at = self.moment(zone).unwrap_or(now);
        let basis = Spo2ScaleBasis::for_set(at, scale_2, false);
        let readings = NUMERIC_FIELDS.map(|quantity| match self.text(quantity).trim() {
            "" => Ok(None),
            text => Reading::parse(quantity, text).map(Some),
        });
        let usable = |quantity| readings[slot(quantity)].ok().flatten();
        let vitals = VitalSigns {
            respiratory_rate: usable(Quantity::RespiratoryRate),
            spo2: usable(Quantity::Spo2),
            spo2_scale: basis.scale(),
            on_oxygen: self.on_oxygen,
            systolic_bp: usable(Quantity::SystolicBp),
            pulse: usable(Quantity::Pulse),
            consciousness: self.consciousness,
            temperature: usable(Quantity::Temperature),
        };
        Evaluation {
            readings,
            score: News2::of(&vitals),
            vitals,
            basis,
        }
    }
}

/// Why a draft cannot become a set yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// No time, or not one the calendar has.
    NoTime,
    /// A local time the clocks skip that night.
    NonexistentTime,
    /// A local time that happens twice that night, and the nurse has not said which.
    AmbiguousTime,
    /// A time after now: a set cannot be recorded before it is taken.
    FutureTime,
    /// Not a single usable value: nothing to record.
    NoValues,
    /// Values that cannot be used: put them right or clear them first, so that nothing typed is
    /// silently dropped from the record.
    Invalid(Vec<Parameter>),
}

/// The form field that holds the time, by its `name`.
pub const TIME_FIELD: &str = "takenAt";

impl DraftError {
    /// The `name` of the field the nurse must go to: the time, the first value to correct, or
    /// the first value of the form when there is none.
    pub fn field_name(&self) -> &'static str {
        match self {
            DraftError::NoTime
            | DraftError::NonexistentTime
            | DraftError::AmbiguousTime
            | DraftError::FutureTime => TIME_FIELD,
            DraftError::Invalid(parameters) => parameters
                .first()
                .unwrap_or(&Parameter::RespiratoryRate)
                .name(),
            DraftError::NoValues => Parameter::RespiratoryRate.name(),
        }
    }
}

impl EntryDraft {
    /// The set this draft records, as the engine will score and the FHIR layer will write it:
    /// on the same scale [`EntryDraft::evaluate`] showed, since both come from the same time.
    pub fn to_set(
        &self,
        scale_2: Option<&Scale2Decision>,
        zone: &dyn LocalZone,
        now: Timestamp,
    ) -> Result<ObservationSet, DraftError> {
        let taken_at = match (self.time(zone), self.moment(zone)) {
            (_, Some(at)) => at,
            (EntryTime::Nonexistent, _) => return Err(DraftError::NonexistentTime),
            (EntryTime::Ambiguous { .. }, _) => return Err(DraftError::AmbiguousTime),
            _ => return Err(DraftError::NoTime),
        };
        if taken_at > now.plus(CLOCK_SKEW) {
            return Err(DraftError::FutureTime);
        }
        let evaluation = self.evaluate(scale_2, zone, now);
        let invalid = evaluation.invalid();
        if !invalid.is_empty() {
            return Err(DraftError::Invalid(invalid));
        }
        let vitals = evaluation.vitals();
        if vitals
            == (VitalSigns {
                spo2_scale: vitals.spo2_scale,
                ..VitalSigns::default()
            })
        {
            return Err(DraftError::NoValues);
        }
        let mut set = ObservationSet::new(taken_at, vitals, evaluation.basis.clone());
        let who = self.recorded_by.trim();
        if !who.is_empty() {
            set.details.provenance = vec![Provenance {
                performer: Some(who.to_string()),
                ..Provenance::default()
            }];
        }
        Ok(set)
    }
}

/// Reads `26.11.2026 14:05` (also `26.11.2026 kl. 14.05`) as a local time in `zone`. A typed
/// field, not a `datetime-local` input, because that shows a 12-hour clock in an English browser
/// and a nurse must read the time the way she writes it in the record.
///
/// On the nights the clocks change, a local time may not exist (02:30 when the clocks jump from
/// 02:00 to 03:00) or exist twice (02:30 when they go back from 03:00 to 02:00): neither is
/// moved or picked silently.
pub fn local_time(text: &str, zone: &dyn LocalZone) -> EntryTime {
    let Some(naive) = naive_local(text) else {
        return EntryTime::Unreadable;
    };
    // Every offset in force around that day; each is a candidate, valid if the zone has it at
    // the instant it gives.
    let day = 24 * 60 * 60_000;
    let mut offsets: Vec<i32> = [-day, 0, day]
        .into_iter()
        .map(|shift| zone.offset_minutes(Timestamp::from_millis(naive.saturating_add(shift))))
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut moments: Vec<(Timestamp, i32)> = offsets
        .into_iter()
        .filter_map(|offset| {
            let at = Timestamp::from_millis(naive.checked_sub(i64::from(offset) * 60_000)?);
            (zone.offset_minutes(at) == offset).then_some((at, offset))
        })
        .collect();
    moments.sort_unstable();
    match moments.as_slice() {
        [] => EntryTime::Nonexistent,
        [(at, _)] => EntryTime::At(*at),
        [first, .., second] => EntryTime::Ambiguous {
            first: *first,
            second: *second,
        },
    }
}

/// The typed date and time as milliseconds, as if the local time were UTC.
///
/// Besides `dd.mm.åååå tt:mm`, digits alone are read where they can mean one thing only, since
/// a phone's number pad may lack the separators: a clock of three or four digits (`0704`, `704`:
/// hours then two digits of minutes), a date of eight (`05122026`), or both run together in
/// twelve (`051220260704`). A clock without a date is not read: near midnight it could mean
/// two days.
fn naive_local(text: &str) -> Option<i64> {
    let text = text.trim().replace("kl.", " ");
    let mut parts = text.split_whitespace();
    let (date, clock) = match (parts.next()?, parts.next(), parts.next()) {
        (date, Some(clock), None) => (date, clock),
        (both, None, None) if both.len() == 12 && all_digits(both) => both.split_at(8),
        _ => return None,
    };
    let (day, month, year) = read_date(date)?;
    if year < 1000 {
        return None;
    }
    let (hour, minute) = read_clock(clock)?;
    let date = Date::from_calendar_date(
        year,
        Month::try_from(u8::try_from(month).ok()?).ok()?,
        u8::try_from(day).ok()?,
    )
    .ok()?;
    let naive = PrimitiveDateTime::new(date, Time::from_hms(hour, minute, 0).ok()?).assume_utc();
    i64::try_from(naive.unix_timestamp_nanos() / 1_000_000).ok()
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// `05.12.2026` or `05122026`: (day, month, year).
fn read_date(text: &str) -> Option<(i32, i32, i32)> {
    if text.len() == 8 && all_digits(text) {
        let (day, rest) = text.split_at(2);
        let (month, year) = rest.split_at(2);
        return Some((day.parse().ok()?, month.parse().ok()?, year.parse().ok()?));
    }
    let mut parts = text.split('.').map(|p| p.parse::<i32>().ok());
    let date = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(date)
}

/// `07:04`, `07.04`, `0704` or `704`: (hour, minute).
fn read_clock(text: &str) -> Option<(u8, u8)> {
    if all_digits(text) && (3..=4).contains(&text.len()) {
        let (hour, minute) = text.split_at(text.len() - 2);
        return Some((hour.parse().ok()?, minute.parse().ok()?));
    }
    let mut parts = text.split([':', '.']).map(|p| p.parse::<u8>().ok());
    let clock = (parts.next()??, parts.next()??);
    parts.next().is_none().then_some(clock)
}

impl Evaluation {
    /// Why the set is scored on the SpO2 scale it is.
    pub fn basis(&self) -> &Spo2ScaleBasis {
        &self.basis
    }

    /// The usable values, as the engine scored them.
    pub fn vitals(&self) -> VitalSigns {
        self.vitals
    }

    /// The checked value of one field: `Ok(None)` when empty.
    pub fn reading(&self, quantity: Quantity) -> Result<Option<Reading>, InvalidReading> {
        self.readings[slot(quantity)]
    }

    /// The parameters whose typed value cannot be used, in form order: the engine counts them
    /// as missing, the nurse needs to know they are there but wrong.
    pub fn invalid(&self) -> Vec<Parameter> {
        NUMERIC_FIELDS
            .into_iter()
            .filter(|&q| self.reading(q).is_err())
            .map(Quantity::parameter)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::{ClinicalRisk, Parameter, Spo2Scale, SubScore};
    use crate::i18n::format::FixedZone;

    /// 2026-11-26T13:05Z, 14:05 in Oslo.
    const NOW: Timestamp = Timestamp::from_millis(1_795_698_300_000);

    /// Europe/Oslo's rules for 2026: summer time (UTC+2) from 29 March 01:00 UTC to 25 October
    /// 01:00 UTC, else UTC+1.
    struct Oslo2026;

    impl LocalZone for Oslo2026 {
        fn offset_minutes(&self, at: Timestamp) -> i32 {
            let summer_starts = 1_774_746_000_000; // 2026-03-29T01:00:00Z
            let summer_ends = 1_792_890_000_000; // 2026-10-25T01:00:00Z
            if (summer_starts..summer_ends).contains(&at.millis()) {
                120
            } else {
                60
            }
        }
    }

    fn filled() -> EntryDraft {
        let mut form = EntryDraft::default();
        for (quantity, text) in NUMERIC_FIELDS
            .into_iter()
            .zip(["16", "98", "120", "70", "37,0"])
        {
            form.set_text(quantity, text.into());
        }
        form.on_oxygen = Some(false);
        form.consciousness = Some(Consciousness::Alert);
        form.set_taken_at("26.11.2026 14:05".into());
        form
    }

    fn evaluate(form: &EntryDraft) -> Evaluation {
        form.evaluate(None, &FixedZone(60), NOW)
    }

    #[test]
    fn an_empty_form_is_incomplete_with_everything_missing() {
        let News2::Incomplete(score) = evaluate(&EntryDraft::default()).score else {
            panic!()
        };
        assert_eq!(score.missing(), Parameter::ALL);
    }

    #[test]
    fn a_filled_form_scores_with_decimal_commas() {
        let mut form = filled();
        form.set_text(Quantity::Temperature, "38,05".into());
        let News2::Complete(score) = evaluate(&form).score else {
            panic!()
        };
        assert_eq!(
            (score.total().value(), score.risk()),
            (1, ClinicalRisk::Low)
        );
    }

    #[test]
    fn an_impossible_value_is_reported_and_leaves_the_set_without_total() {
        let mut form = filled();
        form.set_text(Quantity::Spo2, "101".into());
        let evaluation = evaluate(&form);
        assert!(matches!(
            evaluation.reading(Quantity::Spo2),
            Err(InvalidReading::AboveRange { .. })
        ));
        assert_eq!(evaluation.invalid(), [Parameter::Spo2]);
        let News2::Incomplete(score) = evaluation.score else {
            panic!("scored a set with SpO2 101")
        };
        assert_eq!(score.missing(), [Parameter::Spo2]);
    }

    #[test]
    fn the_scale_follows_the_patients_decision_at_the_typed_time() {
        let decision = Scale2Decision::new("Dr. Lunde", NOW.minus(crate::clinical::time::HOUR))
            .expect("a named clinician");
        let mut form = filled();
        form.set_text(Quantity::Spo2, "90".into());
        let zone = FixedZone(60);
        assert_eq!(
            form.evaluate(None, &zone, NOW)
                .score
                .sub_score(Parameter::Spo2),
            Some(SubScore::THREE)
        );
        assert_eq!(
            form.evaluate(Some(&decision), &zone, NOW)
                .score
                .sub_score(Parameter::Spo2),
            Some(SubScore::ZERO)
        );
        // Back-dated before the decision: the preview is on Scale 1, as the saved set will be.
        form.set_taken_at("26.11.2026 12:00".into());
        let preview = form.evaluate(Some(&decision), &zone, NOW);
        let saved = form.to_set(Some(&decision), &zone, NOW).expect("a set");
        assert_eq!(
            preview.score.sub_score(Parameter::Spo2),
            Some(SubScore::THREE)
        );
        assert_eq!(saved.score(), preview.score);
        assert_eq!(saved.scale_basis(), preview.basis());
    }

    #[test]
    fn preview_and_saved_set_never_differ_in_scale() {
        // Regression guard for issue 10, case 6: every time around a decision's start and end.
        let start = NOW.minus(crate::clinical::time::HOUR * 3);
        let decision = Scale2Decision::new("Dr. Lunde", start)
            .and_then(|d| d.ending(NOW.minus(crate::clinical::time::HOUR)))
            .expect("a decision with an end");
        let zone = FixedZone(60);
        for minutes_before_now in (0..=5 * 60).step_by(15) {
            let at = NOW.minus(crate::clinical::time::MINUTE * minutes_before_now);
            let mut form = filled();
            form.set_text(Quantity::Spo2, "90".into());
            form.set_taken_at(crate::i18n::format::date_time(at, &zone));
            let preview = form.evaluate(Some(&decision), &zone, NOW);
            let saved = form.to_set(Some(&decision), &zone, NOW).expect("a set");
            assert_eq!(
                saved.score(),
                preview.score,
                "{minutes_before_now} min before now"
            );
            // And both are on the scale the decision gives at the typed time, not at now.
            let expected = if decision.covers(at) {
                Spo2Scale::Scale2
            } else {
                Spo2Scale::Scale1
            };
            assert_eq!(
                saved.vitals().spo2_scale,
                expected,
                "{minutes_before_now} min"
            );
            assert_eq!(
                preview.basis().scale(),
                expected,
                "{minutes_before_now} min"
            );
        }
    }

    #[test]
    fn the_time_is_read_as_written_in_norwegian_in_the_local_zone() {
        let oslo = FixedZone(60);
        let expected = EntryTime::At(NOW);
        assert_eq!(local_time("26.11.2026 14:05", &oslo), expected);
        assert_eq!(local_time(" 26.11.2026 kl. 14.05 ", &oslo), expected);
        for wrong in [
            "",
            "26.11.2026",
            "14:05",
            "31.11.2026 14:05",
            "26.11.26 14:05",
            "26.11.2026 24:00",
            "26.11.2026 14:05 x",
            "2026-11-26T14:05",
            // A clock alone could mean today or, near midnight, yesterday.
            "1405",
            // Digits that split more than one way, or are no clock at all.
            "26.11.2026 14",
            "26.11.2026 14055",
            "26.11.2026 1465",
            "2611202614",
            "26112026140",
            "2611202614055",
            "261120261405x",
            "26.11.2026 +405",
            "26.11.2026 ١٤٠٥",
        ] {
            assert_eq!(local_time(wrong, &oslo), EntryTime::Unreadable, "{wrong}");
        }
    }

    /// Regression (issue 14): on a phone's number pad a nurse types `0704`, and the form refused
    /// it at submit with a general message.
    #[test]
    fn digits_alone_are_read_where_they_mean_one_time() {
        let oslo = FixedZone(60);
        let expected = EntryTime::At(NOW);
        for typed in [
            "26.11.2026 1405",
            "26112026 14:05",
            "26112026 1405",
            "261120261405",
            " 26.11.2026 kl. 1405 ",
        ] {
            assert_eq!(local_time(typed, &oslo), expected, "{typed}");
        }
        let seven = EntryTime::At(
            NOW.minus(crate::clinical::time::HOUR * 7 + crate::clinical::time::MINUTE),
        );
        assert_eq!(local_time("26.11.2026 704", &oslo), seven);
        assert_eq!(local_time("26.11.2026 0704", &oslo), seven);
    }

    #[test]
    fn the_spring_nights_missing_hour_is_refused() {
        assert_eq!(
            local_time("29.03.2026 02:30", &Oslo2026),
            EntryTime::Nonexistent
        );
        // Either side of the gap is an ordinary time.
        assert_eq!(
            local_time("29.03.2026 01:59", &Oslo2026),
            EntryTime::At(Timestamp::from_millis(1_774_745_940_000))
        );
        assert_eq!(
            local_time("29.03.2026 03:00", &Oslo2026),
            EntryTime::At(Timestamp::from_millis(1_774_746_000_000))
        );
        let mut form = filled();
        form.set_taken_at("29.03.2026 02:30".into());
        assert_eq!(
            form.to_set(None, &Oslo2026, NOW),
            Err(DraftError::NonexistentTime)
        );
    }

    #[test]
    fn the_autumn_nights_repeated_hour_waits_for_the_nurses_choice() {
        let first = Timestamp::from_millis(1_792_888_200_000); // 00:30Z, 02:30 summer time
        let second = Timestamp::from_millis(1_792_891_800_000); // 01:30Z, 02:30 winter time
        assert_eq!(
            local_time("25.10.2026 02:30", &Oslo2026),
            EntryTime::Ambiguous {
                first: (first, 120),
                second: (second, 60)
            }
        );
        let mut form = filled();
        form.set_taken_at("25.10.2026 02:30".into());
        assert_eq!(
            form.to_set(None, &Oslo2026, NOW),
            Err(DraftError::AmbiguousTime)
        );
        form.choose_occurrence(Occurrence::Second);
        assert_eq!(
            form.to_set(None, &Oslo2026, NOW).map(|s| s.taken_at()),
            Ok(second)
        );
        form.choose_occurrence(Occurrence::First);
        assert_eq!(
            form.to_set(None, &Oslo2026, NOW).map(|s| s.taken_at()),
            Ok(first)
        );
        // Another time withdraws the choice.
        form.set_taken_at("25.10.2026 02:45".into());
        assert_eq!(form.occurrence(), None);
        assert_eq!(
            form.to_set(None, &Oslo2026, NOW),
            Err(DraftError::AmbiguousTime)
        );
    }

    #[test]
    fn a_time_in_the_future_is_refused() {
        let mut form = filled();
        form.set_taken_at("26.11.2026 14:10".into());
        assert!(
            form.to_set(None, &FixedZone(60), NOW).is_ok(),
            "within the clock tolerance"
        );
        form.set_taken_at("26.11.2026 14:11".into());
        assert_eq!(
            form.to_set(None, &FixedZone(60), NOW),
            Err(DraftError::FutureTime)
        );
        form.set_taken_at("26.11.2027 14:05".into());
        assert_eq!(
            form.to_set(None, &FixedZone(60), NOW),
            Err(DraftError::FutureTime)
        );
    }

    #[test]
    fn a_draft_with_a_wrong_value_or_no_time_does_not_become_a_set() {
        let zone = FixedZone(60);
        let mut draft = filled();
        assert!(draft.to_set(None, &zone, NOW).is_ok());
        draft.set_text(Quantity::Spo2, "101".into());
        assert_eq!(
            draft.to_set(None, &zone, NOW),
            Err(DraftError::Invalid(vec![Parameter::Spo2]))
        );
        draft.set_text(Quantity::Spo2, "".into());
        draft.set_taken_at("i går".into());
        assert_eq!(draft.to_set(None, &zone, NOW), Err(DraftError::NoTime));
        let mut empty = EntryDraft::default();
        empty.set_taken_at("26.11.2026 14:05".into());
        assert_eq!(empty.to_set(None, &zone, NOW), Err(DraftError::NoValues));
    }
}
