//! The calculator's state as a nurse types it, and its reading into the clinical engine.
//!
//! Plain Rust above the component (as Leptos's todomvc keeps its `Todos`), so what a keystroke
//! does is tested natively. The text is kept as typed; scoring is [`News2::of`]'s alone.

use crate::clinical::{
    Consciousness, InvalidReading, News2, Parameter, Quantity, Reading, Spo2Scale, VitalSigns,
};

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
pub struct CalculatorForm {
    /// The text of each field in [`NUMERIC_FIELDS`], as typed.
    texts: [String; 5],
    /// The Scale 2 switch: on only by the user's explicit choice.
    pub scale_2: bool,
    pub on_oxygen: Option<bool>,
    pub consciousness: Option<Consciousness>,
}

/// The form read through the engine: each typed value checked, and the set scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    readings: [Result<Option<Reading>, InvalidReading>; 5],
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

impl CalculatorForm {
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
        }
    }
}

impl Evaluation {
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

    fn filled() -> CalculatorForm {
        let mut form = CalculatorForm::default();
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
        let News2::Incomplete(score) = CalculatorForm::default().evaluate().score else {
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
