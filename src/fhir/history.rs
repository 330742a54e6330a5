//! A patient's FHIR observations, gathered page by page, into observation sets.
//!
//! Three shapes arrive (../shared/news2/README.md, section 5) and all become the same sets:
//! - a NEWS2 total with `derivedFrom` references: the referenced vital signs are its set;
//! - a NEWS2 total with components only: a set with the source's sub-scores and no values,
//!   joined to a group of raw vital signs whose window holds its time, if there is one;
//! - raw vital signs with no total: grouped into sets by time (rule below) and scored.
//!
//! Grouping rule for raw vital signs (a decision of this project, docs/fhir-mapping.md): in
//! time order, an observation joins the open set if it was taken at most 5 minutes after the
//! set's first observation and the set has no value for its parameter yet; otherwise it opens a
//! new set. A set is timed by its first observation.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use super::bundle::Page;
use super::observation::{Content, NO_ID, SourceObservation};
use super::problem::{Problem, ProblemKind};
use crate::clinical::observation_set::{
    History, ObservationSet, OxygenDelivery, Scale2Decision, SetDetails, Spo2ScaleBasis,
    StatedScore,
};
use crate::clinical::time::Timestamp;
use crate::clinical::{Parameter, Quantity, VitalSigns};

/// How far after a set's first observation another may still join it.
pub const GROUPING_WINDOW: Duration = Duration::from_secs(5 * 60);

/// Everything read so far, each Observation once.
#[derive(Clone, Debug, Default)]
pub struct FhirHistory {
    observations: Vec<SourceObservation>,
    /// Keys and identifiers seen, to the observation's index.
    seen: HashMap<String, usize>,
    problems: Vec<Problem>,
}

/// The sets made from what was read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grouped {
    pub history: History,
    /// Reading problems, then grouping problems.
    pub problems: Vec<Problem>,
    /// `derivedFrom` references to Observations that have not arrived, to fetch.
    pub unresolved: Vec<String>,
    /// The keys of the Observations whose content went into a set (for checking that nothing
    /// was dropped: every other one has a problem).
    pub placed: HashSet<String>,
}

/// `Observation/{id}` of a reference, relative or absolute, with any `_history` cut off.
fn reference_key(reference: &str) -> String {
    let path = reference.split("/_history/").next().unwrap_or(reference);
    let mut parts = path.rsplit('/');
    match (parts.next(), parts.next()) {
        (Some(id), Some(kind)) => format!("{kind}/{id}"),
        _ => path.to_string(),
    }
}

impl FhirHistory {
    pub fn new() -> Self {
        FhirHistory::default()
    }

    /// Adds a page. The same Observation arriving again (by id or by identifier, on this page
    /// or another) replaces the earlier copy instead of counting twice.
    pub fn add_page(&mut self, page: Page) {
        self.problems.extend(page.problems);
        for observation in page.observations {
            // An Observation with no id is never taken for another one with no id.
            let names: Vec<String> = std::iter::once(observation.key.clone())
                .filter(|key| !key.starts_with(NO_ID))
                .chain(observation.identifiers.iter().cloned())
                .collect();
            match names.iter().find_map(|name| self.seen.get(name).copied()) {
                Some(index) => {
                    for name in names {
                        self.seen.insert(name, index);
                    }
                    self.observations[index] = observation;
                }
                None => {
                    let index = self.observations.len();
                    for name in names {
                        self.seen.insert(name, index);
                    }
                    self.observations.push(observation);
                }
            }
        }
    }

    /// Whether an Observation (`Observation/{id}`, or an identifier) has been read.
    pub fn contains(&self, key: &str) -> bool {
        self.seen.contains_key(key)
    }

    /// How many distinct Observations have been read.
    pub fn len(&self) -> usize {
        self.observations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.observations.is_empty()
    }

    /// Groups everything read so far into sets. `scale_2` is the patient's documented Scale 2
    /// decision, if the host gave one.
    pub fn group(&self, scale_2: Option<&Scale2Decision>) -> Grouped {
        let mut problems = self.problems.clone();
        let mut placed = HashSet::new();
        let mut unresolved = Vec::new();
        let mut consumed = vec![false; self.observations.len()];
        let mut sets = Vec::new();
        let index_of: HashMap<String, usize> = self
            .observations
            .iter()
            .enumerate()
            .map(|(i, o)| (reference_key(&o.key), i))
            .collect();

        // 1. Totals with derivedFrom: their references are their set.
        let mut component_only = Vec::new();
        for (i, observation) in self.observations.iter().enumerate() {
            let Content::Total {
                stated,
                scale_2: source_scale_2,
                derived_from,
            } = &observation.content
            else {
                continue;
            };
            consumed[i] = true;
            if derived_from.is_empty() {
                component_only.push(i);
                continue;
            }
            let mut members = Vec::new();
            for reference in derived_from {
                let by_reference = reference
                    .reference
                    .as_deref()
                    .and_then(|r| index_of.get(&reference_key(r)).copied());
                let by_identifier = reference
                    .identifier
                    .as_ref()
                    .and_then(|id| self.seen.get(id).copied());
                match by_reference.or(by_identifier).as_ref() {
                    Some(&j) if !matches!(self.observations[j].content, Content::Total { .. }) => {
                        consumed[j] = true;
                        members.push(j);
                    }
                    _ => {
                        problems.push(Problem {
                            resource: Some(observation.key.clone()),
                            kind: ProblemKind::Unresolved,
                            message: format!("derivedFrom {reference} has not arrived; the source's sub-score stands in for it"),
                        });
                        unresolved.extend(reference.reference.clone());
                    }
                }
            }
            sets.push(self.build(
                observation.taken_at,
                &members,
                Some((i, *stated, *source_scale_2)),
                scale_2,
                &mut problems,
                &mut placed,
            ));
        }

        // 2. Raw vital signs not in a total's set: grouped by time.
        let mut raw: Vec<usize> = (0..self.observations.len())
            .filter(|&i| !consumed[i])
            .collect();
        raw.sort_by_key(|&i| self.observations[i].taken_at);
        let mut groups: Vec<(Timestamp, Vec<usize>)> = Vec::new();
        for i in raw {
            let observation = &self.observations[i];
            let parameters = observation.content.parameters();
            let joins = groups.last().is_some_and(|(start, members)| {
                observation
                    .taken_at
                    .since(*start)
                    .is_some_and(|d| d <= GROUPING_WINDOW)
                    && !members.iter().any(|&m| {
                        self.observations[m]
                            .content
                            .parameters()
                            .iter()
                            .any(|p| parameters.contains(p))
                    })
            });
            match groups.last_mut() {
                Some((_, members)) if joins => members.push(i),
                _ => groups.push((observation.taken_at, vec![i])),
            }
        }

        // 3. Totals with components only join a group taken at exactly their time, or stand alone.
        let mut attached: HashSet<usize> = HashSet::new();
        let mut totals_for_group: HashMap<usize, usize> = HashMap::new();
        for &t in &component_only {
            let time = self.observations[t].taken_at;
            match groups.iter().enumerate().find(|(g, (start, _))| {
                time.since(*start).is_some_and(|d| d <= GROUPING_WINDOW) && !attached.contains(g)
            }) {
                Some((g, _)) => {
                    attached.insert(g);
                    totals_for_group.insert(g, t);
                }
                None => {
                    let Content::Total {
                        stated,
                        scale_2: s2,
                        ..
                    } = self.observations[t].content
                    else {
                        continue;
                    };
                    sets.push(self.build(
                        time,
                        &[],
                        Some((t, stated, s2)),
                        scale_2,
                        &mut problems,
                        &mut placed,
                    ));
                }
            }
        }
        for (g, (start, members)) in groups.iter().enumerate() {
            let total =
                totals_for_group
                    .get(&g)
                    .and_then(|&t| match self.observations[t].content {
                        Content::Total {
                            stated,
                            scale_2: s2,
                            ..
                        } => Some((t, stated, s2)),
                        _ => None,
                    });
            sets.push(self.build(*start, members, total, scale_2, &mut problems, &mut placed));
        }
        Grouped {
            history: History::new(sets),
            problems,
            unresolved,
            placed,
        }
    }

    /// One set from its members and, if there is one, the total that states its score.
    fn build(
        &self,
        taken_at: Timestamp,
        members: &[usize],
        total: Option<(usize, StatedScore, bool)>,
        scale_2: Option<&Scale2Decision>,
        problems: &mut Vec<Problem>,
        placed: &mut HashSet<String>,
    ) -> ObservationSet {
        let mut vitals = VitalSigns::default();
        let mut details = SetDetails::default();
        let mut seen: Vec<Parameter> = Vec::new();
        for &m in members {
            let observation = &self.observations[m];
            if let Some(duplicate) = observation
                .content
                .parameters()
                .into_iter()
                .find(|p| seen.contains(p))
            {
                problems.push(Problem {
                    resource: Some(observation.key.clone()),
                    kind: ProblemKind::Conflict,
                    message: format!(
                        "a second {duplicate} value for the set at the same time; the first is used"
                    ),
                });
                continue;
            }
            seen.extend(observation.content.parameters());
            placed.insert(observation.key.clone());
            match &observation.content {
                Content::Reading(reading) => {
                    let slot = match reading.quantity() {
                        Quantity::RespiratoryRate => &mut vitals.respiratory_rate,
                        Quantity::Spo2 => &mut vitals.spo2,
                        Quantity::SystolicBp => &mut vitals.systolic_bp,
                        Quantity::Pulse => &mut vitals.pulse,
                        Quantity::Temperature => &mut vitals.temperature,
                    };
                    *slot = Some(*reading);
                }
                Content::BloodPressure {
                    systolic,
                    diastolic,
                } => {
                    // A panel with only a diastolic value leaves a systolic sent on its own alone.
                    if systolic.is_some() {
                        vitals.systolic_bp = *systolic;
                    }
                    if diastolic.is_some() {
                        details.diastolic_bp = *diastolic;
                    }
                }
                Content::Consciousness(level) => vitals.consciousness = Some(*level),
                Content::Oxygen {
                    on_oxygen,
                    flow_litres_per_minute,
                } => {
                    vitals.on_oxygen = Some(*on_oxygen);
                    if *on_oxygen {
                        details.oxygen = Some(OxygenDelivery {
                            flow_litres_per_minute: *flow_litres_per_minute,
                            device: None,
                        });
                    }
                }
                Content::Total { .. } => {}
            }
            if details.recorded_by.is_none() {
                details.recorded_by = observation.performer.clone();
            }
            if details.source.is_none() {
                details.source = observation.source.clone();
            }
        }
        let source_scale_2 = total.is_some_and(|(_, _, s2)| s2);
        if let Some((t, _, _)) = total
            && let Some(performer) = &self.observations[t].performer
        {
            details.recorded_by = Some(performer.clone());
        }
        let mut set = ObservationSet::new(
            taken_at,
            vitals,
            Spo2ScaleBasis::for_set(taken_at, scale_2, source_scale_2),
        );
        set.details = details;
        set.stated = total.map(|(_, stated, _)| stated);
        if let Some((t, _, _)) = total {
            placed.insert(self.observations[t].key.clone());
        }
        set
    }
}
