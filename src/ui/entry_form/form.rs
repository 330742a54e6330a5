//! The entry form's state as a nurse types it, and its reading into the clinical engine.
//!
//! Plain Rust above the component (as Leptos's todomvc keeps its `Todos`), so what a keystroke
//! does is tested natively. The text is kept as typed; scoring is [`News2::of`]'s alone.

use time::{Date, Month, PrimitiveDateTime, Time};

use crate::clinical::observation_set::{ObservationSet, Scale2Decision, Spo2ScaleBasis};
use crate::clinical::time::Timestamp;
use crate::clinical::{
    Consciousness, InvalidReading, News2, Parameter, Quantity, Reading, Spo2Scale, VitalSigns,
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
    /// Scale 2: on only when the patient has a documented Scale 2 decision (set by the widget,
    /// never by the values).
    pub scale_2: bool,
    /// When the set was taken, as typed (`26.11.2026 14:05`), in
    /// the browser's time zone.
    pub taken_at: String,
    /// Who took it, as typed.
    pub recorded_by: String,
    pub on_oxygen: Option<bool>,
    pub consciousness: Option<Consciousness>,
}

/// The form read through the engine: each typed value checked, and the set scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    readings: [Result<Option<Reading>, InvalidReading>; 5],
    vitals: VitalSigns,
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

    /// Checks every typed value and scores the set. An empty or impossible value counts as
    /// missing, so the set is incomplete and shows no total until it is put right.
    pub fn evaluate(&self) -> Evaluation {
        let readings = NUMERIC_FIELDS.map(|quantity| match self.text(quantity).trim() {
            "" => Ok(None),
            text => Reading::parse(quantity, text).map(Some),
        });
        let usable = |quantity| readings[slot(quantity)].ok().flatten();
        let vitals = VitalSigns {
            respiratory_rate: usable(Quantity::RespiratoryRate),
            spo2: usable(Quantity::Spo2),
            spo2_scale: if self.scale_2 {
                Spo2Scale::Scale2
            } else {
                Spo2Scale::Scale1
            },
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
        }
    }
}

/// Why a draft cannot become a set yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// No time, or not one the calendar has.
    NoTime,
    /// Not a single usable value: nothing to record.
    NoValues,
    /// Values that cannot be used: put them right or clear them first, so that nothing typed is
    /// silently dropped from the record.
    Invalid(Vec<Parameter>),
}

impl EntryDraft {
    /// The set this draft records, as the engine will score and the FHIR layer will write it.
    pub fn to_set(
        &self,
        scale_2: Option<&Scale2Decision>,
        zone: &dyn LocalZone,
    ) -> Result<ObservationSet, DraftError> {
        let taken_at = local_time(&self.taken_at, zone).ok_or(DraftError::NoTime)?;
        let evaluation = self.evaluate();
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
        let basis = match scale_2 {
            Some(decision) if self.scale_2 => {
                Spo2ScaleBasis::for_set(taken_at, Some(decision), false)
            }
            _ => Spo2ScaleBasis::Default,
        };
        let mut set = ObservationSet::new(taken_at, vitals, basis);
        let who = self.recorded_by.trim();
        set.details.recorded_by = (!who.is_empty()).then(|| who.to_string());
        Ok(set)
    }
}

/// Reads `26.11.2026 14:05` (also `26.11.2026 kl. 14.05`) as a local time in `zone`. A typed
/// field, not a `datetime-local` input, because that shows a 12-hour clock in an English browser
/// and a nurse must read the time the way she writes it in the record.
fn local_time(text: &str, zone: &dyn LocalZone) -> Option<Timestamp> {
    let text = text.trim().replace("kl.", " ");
    let mut parts = text.split_whitespace();
    let (date, clock) = (parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let mut date = date.split('.').map(|p| p.parse::<i32>().ok());
    let (day, month, year) = (date.next()??, date.next()??, date.next()??);
    if date.next().is_some() || year < 1000 {
        return None;
    }
    let mut clock = clock.split([':', '.']).map(|p| p.parse::<u8>().ok());
    let (hour, minute) = (clock.next()??, clock.next()??);
    if clock.next().is_some() {
        return None;
    }
    let date = Date::from_calendar_date(
        year,
        Month::try_from(u8::try_from(month).ok()?).ok()?,
        u8::try_from(day).ok()?,
    )
    .ok()?;
    let naive = PrimitiveDateTime::new(date, Time::from_hms(hour, minute, 0).ok()?).assume_utc();
    let as_utc =
        Timestamp::from_millis(i64::try_from(naive.unix_timestamp_nanos() / 1_000_000).ok()?);
    // The offset at the instant itself: asked twice, so a time just after a daylight-saving
    // change gets the offset in force then.
    let shift = |at: Timestamp| {
        Timestamp::from_millis(as_utc.millis() - i64::from(zone.offset_minutes(at)) * 60_000)
    };
    Some(shift(shift(as_utc)))
}

impl Evaluation {
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
    use crate::clinical::{ClinicalRisk, Parameter, SubScore};

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
        form
    }

    #[test]
    fn an_empty_form_is_incomplete_with_everything_missing() {
        let News2::Incomplete(score) = EntryDraft::default().evaluate().score else {
            panic!()
        };
        assert_eq!(score.missing(), Parameter::ALL);
    }

    #[test]
    fn a_filled_form_scores_with_decimal_commas() {
        let mut form = filled();
        form.set_text(Quantity::Temperature, "38,05".into());
        let News2::Complete(score) = form.evaluate().score else {
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
        let evaluation = form.evaluate();
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
    fn the_scale_2_switch_changes_which_row_scores_spo2() {
        let mut form = filled();
        form.set_text(Quantity::Spo2, "90".into());
        assert_eq!(
            form.evaluate().score.sub_score(Parameter::Spo2),
            Some(SubScore::THREE)
        );
        form.scale_2 = true;
        assert_eq!(
            form.evaluate().score.sub_score(Parameter::Spo2),
            Some(SubScore::ZERO)
        );
    }

    #[test]
    fn the_time_is_read_as_written_in_norwegian_in_the_local_zone() {
        use crate::i18n::format::FixedZone;
        let oslo = FixedZone(60);
        let expected = Some(Timestamp::from_millis(1_795_698_300_000)); // 2026-11-26T13:05Z
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
        ] {
            assert_eq!(local_time(wrong, &oslo), None, "{wrong}");
        }
    }

    #[test]
    fn a_draft_with_a_wrong_value_or_no_time_does_not_become_a_set() {
        use crate::i18n::format::FixedZone;
        let mut draft = filled();
        draft.taken_at = "26.11.2026 14:05".into();
        assert!(draft.to_set(None, &FixedZone(60)).is_ok());
        draft.set_text(Quantity::Spo2, "101".into());
        assert_eq!(
            draft.to_set(None, &FixedZone(60)),
            Err(DraftError::Invalid(vec![Parameter::Spo2]))
        );
        draft.set_text(Quantity::Spo2, "".into());
        draft.taken_at = "i går".into();
        assert_eq!(draft.to_set(None, &FixedZone(60)), Err(DraftError::NoTime));
        let empty = EntryDraft {
            taken_at: "26.11.2026 14:05".into(),
            ..EntryDraft::default()
        };
        assert_eq!(
            empty.to_set(None, &FixedZone(60)),
            Err(DraftError::NoValues)
        );
    }
}
