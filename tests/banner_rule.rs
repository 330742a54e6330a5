//! The banner's rule over generated histories (docs/clinical-rules.md, section 14): its band is
//! never lower than (a) the newest complete set's, (b) the band certain from any incomplete set
//! taken after it, (c) the band of a total a source stated after it; it names the set it stands
//! on and its age; sets dated in the future never count; and the order the sets came in changes
//! nothing. The expected band is computed here independently of the engine's decision code,
//! from the sub-scores alone.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Vitals, minutes};
use news2_widget::clinical::escalation::{Level, Settings, decide};
use news2_widget::clinical::observation_set::{
    CLOCK_SKEW, History, ObservationSet, Spo2ScaleBasis, StatedScore,
};
use news2_widget::clinical::time::Timestamp;
use news2_widget::clinical::{ClinicalRisk, News2, Parameter};
use proptest::prelude::*;

/// One generated set, as data real sources send: complete, with parameters missing, a total
/// only, anywhere in time (also after now).
#[derive(Clone, Debug)]
enum Kind {
    Complete,
    Incomplete { drop: Vec<Parameter> },
    TotalOnly { total: u8 },
}

#[derive(Clone, Debug)]
struct Generated {
    at_minutes: i64,
    values: [&'static str; 5],
    on_oxygen: bool,
    confused: bool,
    kind: Kind,
}

const RR: [&str; 6] = ["6", "10", "16", "22", "26", "35"];
const SPO2: [&str; 6] = ["84", "90", "93", "95", "97", "99"];
const SBP: [&str; 6] = ["85", "95", "105", "120", "180", "230"];
const PULSE: [&str; 6] = ["38", "45", "70", "100", "120", "140"];
const TEMP: [&str; 6] = ["34.5", "35.5", "37.0", "38.5", "39.5", "36.4"];

fn generated() -> impl Strategy<Value = Generated> {
    let kind = prop_oneof![
        3 => Just(Kind::Complete),
        2 => proptest::sample::subsequence(Parameter::ALL.to_vec(), 1..=6)
            .prop_map(|drop| Kind::Incomplete { drop }),
        1 => (0u8..=20).prop_map(|total| Kind::TotalOnly { total }),
    ];
    (
        0i64..(48 * 60),
        (0..6usize, 0..6usize, 0..6usize, 0..6usize, 0..6usize),
        any::<bool>(),
        prop::bool::weighted(0.15),
        kind,
    )
        .prop_map(
            |(at_minutes, (r, s, b, p, t), on_oxygen, confused, kind)| Generated {
                at_minutes,
                values: [RR[r], SPO2[s], SBP[b], PULSE[p], TEMP[t]],
                on_oxygen,
                confused,
                kind,
            },
        )
}

fn set_of(g: &Generated) -> ObservationSet {
    let [rr, spo2, sbp, pulse, temp] = g.values;
    let mut v = Vitals::baseline()
        .respiratory_rate(rr)
        .spo2(spo2)
        .systolic_bp(sbp)
        .pulse(pulse)
        .temperature(temp)
        .oxygen(g.on_oxygen)
        .0;
    if g.confused {
        v.consciousness = Some(news2_widget::clinical::Consciousness::NewConfusion);
    }
    match &g.kind {
        Kind::Complete => {}
        Kind::Incomplete { drop } => {
            for p in drop {
                match p {
                    Parameter::RespiratoryRate => v.respiratory_rate = None,
                    Parameter::Spo2 => v.spo2 = None,
                    Parameter::AirOrOxygen => v.on_oxygen = None,
                    Parameter::SystolicBp => v.systolic_bp = None,
                    Parameter::Pulse => v.pulse = None,
                    Parameter::Consciousness => v.consciousness = None,
                    Parameter::Temperature => v.temperature = None,
                }
            }
        }
        Kind::TotalOnly { total } => {
            let mut set = ObservationSet::new(
                minutes(g.at_minutes),
                Vitals::none().0,
                Spo2ScaleBasis::Default,
            );
            set.stated = Some(StatedScore {
                total: Some(*total),
                ..StatedScore::default()
            });
            return set;
        }
    }
    ObservationSet::new(minutes(g.at_minutes), v, Spo2ScaleBasis::Default)
}

/// Chart 3 on a total and whether a 3 is known, written out again.
fn band_of(total: u8, red: bool) -> ClinicalRisk {
    match total {
        7.. => ClinicalRisk::High,
        5..=6 => ClinicalRisk::Medium,
        _ if red => ClinicalRisk::LowMedium,
        _ => ClinicalRisk::Low,
    }
}

/// What a set makes certain, written out again: a complete set's band; an incomplete set's
/// known sub-scores (sum ≥ 7 high, ≥ 5 medium, a 3 low–medium) or its stated total's band,
/// whichever is higher.
fn certain(set: &ObservationSet) -> Option<ClinicalRisk> {
    let score = set.score();
    let known: Vec<u8> = Parameter::ALL
        .iter()
        .filter_map(|&p| score.sub_score(p).map(|s| s.value()))
        .collect();
    let sum: u8 = known.iter().sum();
    let red = known.contains(&3);
    if let News2::Complete(_) = score {
        return Some(band_of(sum, red));
    }
    let from_values = match sum {
        7.. => Some(ClinicalRisk::High),
        5..=6 => Some(ClinicalRisk::Medium),
        _ if red => Some(ClinicalRisk::LowMedium),
        _ => None,
    };
    let stated = set
        .stated
        .and_then(|s| s.total)
        .map(|total| band_of(total, red));
    from_values.max(stated)
}

/// The band the rule requires at `now`: (a), (b) and (c) over the sets taken by then.
fn required(sets: &[ObservationSet], now: Timestamp) -> Option<ClinicalRisk> {
    let taken: Vec<&ObservationSet> = sets
        .iter()
        .filter(|s| s.taken_at() <= now.plus(CLOCK_SKEW))
        .collect();
    let complete_at = taken
        .iter()
        .filter(|s| matches!(s.score(), News2::Complete(_)))
        .map(|s| s.taken_at())
        .max();
    taken
        .iter()
        .filter(|s| complete_at.is_none_or(|at| s.taken_at() >= at))
        .filter_map(|s| certain(s))
        .max()
}

fn band_of_level(level: Level) -> Option<ClinicalRisk> {
    match level {
        Level::High => Some(ClinicalRisk::High),
        Level::Medium => Some(ClinicalRisk::Medium),
        Level::LowMedium => Some(ClinicalRisk::LowMedium),
        Level::IncompleteMinimum(band) | Level::SourceStated(band) => Some(band),
        _ => None,
    }
}

/// Generated sets, and the same sets in another order.
fn sets_and_a_permutation() -> impl Strategy<Value = (Vec<Generated>, Vec<Generated>)> {
    proptest::collection::vec(generated(), 0..14)
        .prop_flat_map(|sets| (Just(sets.clone()), Just(sets).prop_shuffle()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn the_banner_is_never_calmer_than_the_newest_data(
        (generated, permuted) in sets_and_a_permutation(),
        now_minutes in (24 * 60i64)..(52 * 60),
        duplicate in any::<prop::sample::Index>(),
    ) {
        let now = minutes(now_minutes);
        let sets: Vec<ObservationSet> = generated.iter().map(set_of).collect();
        let decision = decide(&History::new(sets.clone()), now, &Settings::default());

        // (a), (b), (c): exactly the highest band the newest data makes certain.
        let band = decision.standing.as_ref().map(|s| s.band);
        let expected = required(&sets, now);
        prop_assert!(band >= expected, "band {band:?} below {expected:?}");
        prop_assert_eq!(band, expected);

        // It names the set it stands on, taken by now, with that set's age.
        if let Some(standing) = &decision.standing {
            prop_assert!(standing.at <= now.plus(CLOCK_SKEW));
            prop_assert!(sets.iter().any(|s| s.taken_at() == standing.at));
            prop_assert_eq!(standing.age, now.since(standing.at).unwrap_or_default());
        }
        // A clinical band of low–medium or more leads, or is listed when something more
        // urgent leads: it is never hidden.
        if let Some(band) = band.filter(|b| *b >= ClinicalRisk::LowMedium) {
            let shown = std::iter::once(decision.level)
                .chain(decision.also.iter().copied())
                .filter_map(band_of_level)
                .max();
            prop_assert_eq!(shown, Some(band));
        }
        // Sets dated in the future change nothing but the warning about them.
        let taken: Vec<ObservationSet> = sets
            .iter()
            .filter(|s| s.taken_at() <= now.plus(CLOCK_SKEW))
            .cloned()
            .collect();
        let without_future = decide(&History::new(taken), now, &Settings::default());
        prop_assert_eq!(&without_future.standing, &decision.standing);
        prop_assert_eq!(&without_future.to_complete, &decision.to_complete);
        prop_assert_eq!(&without_future.last_complete, &decision.last_complete);
        prop_assert_eq!(
            (without_future.due_at, without_future.overdue_after, without_future.schedule),
            (decision.due_at, decision.overdue_after, decision.schedule)
        );
        prop_assert_eq!(without_future.row, decision.row);
        // The newest set, when incomplete and not only a stated total, is to be completed.
        let newest = History::new(sets.clone());
        let newest = newest.as_of(now).latest().cloned();
        if let Some(newest) = newest
            && matches!(newest.score(), News2::Incomplete(_))
            && !newest.is_total_only()
        {
            prop_assert_eq!(decision.to_complete.as_ref().map(|t| t.set.at), Some(newest.taken_at()));
        }

        // Any order gives the same decision, whole; a duplicated set changes no band.
        let mut again: Vec<ObservationSet> = permuted.iter().map(set_of).collect();
        let reordered = decide(&History::new(again.clone()), now, &Settings::default());
        prop_assert_eq!(&reordered, &decision);
        if !again.is_empty() {
            let copy = again[duplicate.index(again.len())].clone();
            again.push(copy);
            let duplicated = decide(&History::new(again), now, &Settings::default());
            prop_assert_eq!(duplicated.standing, decision.standing);
            prop_assert_eq!(duplicated.level, decision.level);
        }
    }
}
