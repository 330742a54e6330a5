//! The entry form's state as a nurse types it, and its reading into the clinical engine.
//!
//! Plain Rust above the component (as Leptos's todomvc keeps its `Todos`), so what a keystroke
//! does is tested natively. The text is kept as typed; scoring is [`News2::of`]'s alone.

use time::{Date, Month, PrimitiveDateTime, Time};

use crate::clinical::observation_set::{ObservationSet, Scale2Decision, Spo2ScaleBasis};
use crate::clinical::time::Timestamp;
use crate::clinical::{
    ClinicalRisk, Consciousness, InvalidReading, News2, Parameter, Quantity, Reading, Spo2Scale,
    VitalSigns,
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
    /// When the set was taken, as a `datetime-local` input gives it (`2026-11-26T14:05`), in
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

/// Reads `2026-11-26T14:05` as a local time in `zone`.
fn local_time(text: &str, zone: &dyn LocalZone) -> Option<Timestamp> {
    let (date, clock) = text.trim().split_once('T')?;
    let mut date = date.split('-').map(str::parse::<i32>);
    let (year, month, day) = (date.next()?.ok()?, date.next()?.ok()?, date.next()?.ok()?);
    let mut clock = clock.split(':').map(str::parse::<u8>);
    let (hour, minute) = (clock.next()?.ok()?, clock.next()?.ok()?);
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

/// The clinical risk a set would call for, for the confirmation step: its band when complete,
/// the band already certain when not.
pub fn escalating_band(score: &News2) -> Option<ClinicalRisk> {
    let band = match score {
        News2::Complete(score) => Some(score.risk()),
        News2::Incomplete(score) => score.minimum_risk(),
    };
    band.filter(|&band| band >= ClinicalRisk::LowMedium)
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
}
