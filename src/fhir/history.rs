//! A patient's FHIR observations, gathered page by page, into observation sets.
//!
//! Three shapes arrive (../shared/news2/README.md, section 5) and all become the same sets:
//! - a NEWS2 total with `derivedFrom` (or `hasMember`) references: the referenced vital signs
//!   are its set;
//! - a NEWS2 total with components only: a set with the source's sub-scores, joined to the raw
//!   vital signs of the same bedside round if there are any;
//! - raw vital signs with no total: grouped into sets by time.
//!
//! Grouping (a decision of this project, docs/fhir-mapping.md, "Grouping"): structural links
//! first (a total's `derivedFrom` or `hasMember`, a vital-signs panel's `hasMember`), then time.
//! In time order, a bedside round stays open for [`GROUPING_WINDOW`] after its first
//! measurement: a measurement within it joins the round, and a parameter measured again is a
//! re-check (the later value counts, the earlier is kept for the table); different values at one
//! moment are a conflict (both kept, the more severe counts: `clinical::set_values`). A new
//! round starts after the window, at a linked total or panel, and at a moment that holds a
//! complete set of its own (a monitor or a form stamps a whole set at one time), so two whole
//! sets minutes apart stay two sets. A total with components only joins an open round that has
//! no total yet. The order of entries and pages never changes the sets: everything is sorted by
//! time and by key first, and copies of one Observation are told apart by content, not order.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use super::bundle::Page;
use super::observation::{Content, Link, NO_ID, SourceObservation};
use super::problem::{Problem, ProblemKind};
use crate::clinical::Parameter;
use crate::clinical::observation_set::{
    History, ObservationSet, OxygenDelivery, Scale2Decision, SetDetails, Spo2ScaleBasis,
    StatedScore,
};
use crate::clinical::set_values::{MeasuredValue, SetValues};
use crate::clinical::time::Timestamp;

/// How long after its first measurement a bedside round stays open for more.
pub const GROUPING_WINDOW: Duration = Duration::from_secs(15 * 60);

/// Everything read so far, each Observation once (or each differing copy of it once).
#[derive(Clone, Debug, Default)]
pub struct FhirHistory {
    observations: Vec<SourceObservation>,
    /// Each identity (`Observation/{id}`, `system|value#kind`) to the copies read under it.
    seen: HashMap<String, Vec<usize>>,
    /// Every `system|value` identifier read, to tell when an entry made here has arrived.
    identifiers: HashSet<String>,
    /// For each Observation kept, every key it arrived under (copies of one measurement).
    merged: Vec<std::collections::BTreeSet<String>>,
    problems: Vec<Problem>,
}

/// The sets made from what was read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grouped {
    pub history: History,
    /// Reading problems, then grouping problems.
    pub problems: Vec<Problem>,
    /// `derivedFrom` and `hasMember` references to Observations that have not arrived, to
    /// fetch.
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

/// The names an Observation is known by, for telling a copy from another Observation: its id,
/// and each identifier with what kind of Observation it identifies (one business identifier
/// may be shared by the seven Observations of one set, and they are not copies of each other).
fn identities(observation: &SourceObservation) -> Vec<String> {
    std::iter::once(observation.key.clone())
        // An Observation with no id is never taken for another one with no id.
        .filter(|key| !key.starts_with(NO_ID))
        .chain(
            observation
                .identifiers
                .iter()
                .map(|id| format!("{id}#{}", observation.kind.name())),
        )
        .collect()
}

/// Whether two copies say the same clinically: same time, same content.
fn same_measurement(a: &SourceObservation, b: &SourceObservation) -> bool {
    a.taken_at == b.taken_at && a.content == b.content
}

/// Which of two versions of one Observation is newer, when their `meta.versionId`s say.
fn newer_version(a: &SourceObservation, b: &SourceObservation) -> Option<bool> {
    let (a, b) = (a.version.as_deref()?, b.version.as_deref()?);
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(a), Ok(b)) if a != b => Some(a > b),
        _ => None,
    }
}

/// What a walk over the timeline meets, in this order at one moment.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    /// A total or panel with links: its members, and the total if it is one.
    Linked {
        total: Option<usize>,
        members: Vec<usize>,
    },
    /// A total with components only.
    Stated(usize),
    /// Raw measurements taken at one moment.
    Instant(Vec<usize>),
}

/// One set in the making.
struct Round {
    start: Timestamp,
    total: Option<usize>,
    members: Vec<usize>,
}

impl FhirHistory {
    pub fn new() -> Self {
        FhirHistory::default()
    }

    /// Adds a page. The same Observation arriving again (by id, or by identifier for the same
    /// kind of measurement, on this page or another) counts once. A copy that says something
    /// else is kept beside the first unless its version says it replaces it: which one stands
    /// is then a conflict for the engine, never a matter of which came last.
    pub fn add_page(&mut self, page: Page) {
        self.problems.extend(page.problems);
        for observation in page.observations {
            let names = identities(&observation);
            let mut copies: Vec<usize> = names
                .iter()
                .filter_map(|name| self.seen.get(name))
                .flatten()
                .copied()
                .collect();
            copies.sort_unstable();
            copies.dedup();
            let same_key = |i: &usize, o: &SourceObservation| self.observations[*i].key == o.key;
            let index = if let Some(&same) = copies
                .iter()
                .find(|&&i| same_measurement(&self.observations[i], &observation))
            {
                // One measurement. Which copy's key and details stand is the same whatever
                // order they came in: the smallest.
                let kept = &mut self.observations[same];
                if (&observation.performer, &observation.source) < (&kept.performer, &kept.source) {
                    kept.performer = observation.performer.clone();
                    kept.source = observation.source.clone();
                }
                if observation.key < kept.key {
                    kept.key = observation.key.clone();
                }
                self.merged[same].insert(observation.key);
                same
            } else if let Some(&older) = copies.iter().find(|&i| {
                same_key(i, &observation)
                    && newer_version(&observation, &self.observations[*i]) == Some(true)
            }) {
                self.observations[older] = observation;
                older
            } else if copies.iter().any(|i| {
                same_key(i, &observation)
                    && newer_version(&observation, &self.observations[*i]) == Some(false)
            }) {
                // An older version of what is already here.
                continue;
            } else {
                // New, or a copy that says something else with no version to tell which is
                // current: kept beside the other (a conflict, reported when grouping).
                self.merged
                    .push(std::iter::once(observation.key.clone()).collect());
                self.observations.push(observation);
                self.observations.len() - 1
            };
            self.identifiers
                .extend(self.observations[index].identifiers.iter().cloned());
            for name in names {
                let indices = self.seen.entry(name).or_default();
                if !indices.contains(&index) {
                    indices.push(index);
                }
            }
        }
    }

    /// What reading copies came to, in a fixed order: a copy counted as the same measurement
    /// under another id (`Duplicate`), and copies that say different things with no version to
    /// tell which is current (`Conflict`, all kept).
    fn copy_problems(&self) -> Vec<Problem> {
        let mut problems: Vec<Problem> = Vec::new();
        for (observation, keys) in self.observations.iter().zip(&self.merged) {
            for key in keys.iter().filter(|k| **k != observation.key) {
                problems.push(Problem {
                    resource: Some(key.clone()),
                    kind: ProblemKind::Duplicate,
                    message: format!("the same measurement as {}; counted once", observation.key),
                });
            }
        }
        let mut groups: Vec<Vec<usize>> = self
            .seen
            .values()
            .filter(|indices| indices.len() > 1)
            .map(|indices| {
                let mut indices = indices.clone();
                indices.sort_unstable();
                indices
            })
            .collect();
        groups.sort_by_key(|g| {
            let mut keys: Vec<&str> = g
                .iter()
                .map(|&i| self.observations[i].key.as_str())
                .collect();
            keys.sort_unstable();
            keys.join(" ")
        });
        groups.dedup();
        for group in groups {
            let mut keys: Vec<&str> = group
                .iter()
                .map(|&i| self.observations[i].key.as_str())
                .collect();
            keys.sort_unstable();
            problems.push(Problem {
                resource: keys.first().map(|k| (*k).to_string()),
                kind: ProblemKind::Conflict,
                message: format!(
                    "arrived {} times with different content ({}), with no version to tell which \
                     is current; all are kept",
                    keys.len(),
                    keys.join(", ")
                ),
            });
        }
        problems
    }

    /// Whether an Observation (`Observation/{id}`, or an identifier `system|value`) has been
    /// read.
    pub fn contains(&self, key: &str) -> bool {
        self.seen.contains_key(key) || self.identifiers.contains(key)
    }

    /// How many distinct Observations have been read.
    pub fn len(&self) -> usize {
        self.observations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.observations.is_empty()
    }

    /// The Observation a link names, if it has arrived.
    fn resolve(&self, link: &Link, by_key: &HashMap<String, Vec<usize>>) -> Option<usize> {
        let by_reference = link
            .reference
            .as_deref()
            .and_then(|r| by_key.get(&reference_key(r)));
        let by_identifier = link.identifier.as_ref().and_then(|id| {
            self.observations
                .iter()
                .position(|o| o.identifiers.contains(id))
                .map(|i| vec![i])
        });
        let found = by_reference.cloned().or(by_identifier)?;
        found.into_iter().min_by_key(|&i| self.sort_key(i))
    }

    fn sort_key(&self, i: usize) -> (Timestamp, String, usize) {
        let o = &self.observations[i];
        (o.taken_at, o.key.clone(), i)
    }

    /// Groups everything read so far into sets. `scale_2` is the patient's documented Scale 2
    /// decision, if the host gave one.
    pub fn group(&self, scale_2: Option<&Scale2Decision>) -> Grouped {
        let mut problems = self.problems.clone();
        problems.extend(self.copy_problems());
        let mut placed = HashSet::new();
        let mut unresolved = Vec::new();
        let mut consumed = vec![false; self.observations.len()];
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, o) in self.observations.iter().enumerate() {
            by_key.entry(reference_key(&o.key)).or_default().push(i);
        }
        // Every Observation in a fixed order, whatever order the pages came in.
        let mut order: Vec<usize> = (0..self.observations.len()).collect();
        order.sort_by_key(|&i| self.sort_key(i));

        // 1. Totals and panels with links: their members are their set.
        let mut events: Vec<(Timestamp, Event)> = Vec::new();
        for &i in &order {
            let observation = &self.observations[i];
            let (links, total) = match &observation.content {
                Content::Total { links, .. } if !links.is_empty() => (links, Some(i)),
                Content::Panel { members } => (members, None),
                _ => continue,
            };
            consumed[i] = true;
            placed.insert(observation.key.clone());
            let mut members = Vec::new();
            for link in links {
                let found = self.resolve(link, &by_key);
                // A panel among a total's links stands for its own members.
                let expanded: Vec<usize> = match found.map(|j| (j, &self.observations[j].content)) {
                    Some((j, Content::Panel { members: inner })) => {
                        consumed[j] = true;
                        placed.insert(self.observations[j].key.clone());
                        inner
                            .iter()
                            .filter_map(|l| self.resolve(l, &by_key))
                            .collect()
                    }
                    Some((j, _)) => vec![j],
                    None => Vec::new(),
                };
                let usable: Vec<usize> = expanded
                    .into_iter()
                    .filter(|&j| !self.observations[j].content.parameters().is_empty())
                    .collect();
                if usable.is_empty() {
                    problems.push(Problem {
                        resource: Some(observation.key.clone()),
                        kind: ProblemKind::Unresolved,
                        message: match total {
                            Some(_) => format!(
                                "{link} has not arrived or holds no vital sign; the source's \
                                 sub-score stands in for it"
                            ),
                            None => format!("{link} has not arrived or holds no vital sign"),
                        },
                    });
                    unresolved.extend(link.reference.clone());
                }
                for j in usable {
                    consumed[j] = true;
                    if !members.contains(&j) {
                        members.push(j);
                    }
                }
            }
            members.sort_by_key(|&j| self.sort_key(j));
            events.push((observation.taken_at, Event::Linked { total, members }));
        }

        // 2. Totals with components only, and 3. raw measurements, by the moment they were taken.
        let mut instants: Vec<(Timestamp, Vec<usize>)> = Vec::new();
        for &i in &order {
            if consumed[i] {
                continue;
            }
            let observation = &self.observations[i];
            match &observation.content {
                Content::Total { .. } => events.push((observation.taken_at, Event::Stated(i))),
                Content::Panel { .. } => {}
                _ => match instants.last_mut() {
                    Some((at, members)) if *at == observation.taken_at => members.push(i),
                    _ => instants.push((observation.taken_at, vec![i])),
                },
            }
        }
        events.extend(
            instants
                .into_iter()
                .map(|(at, members)| (at, Event::Instant(members))),
        );
        events.sort_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.cmp(y)));

        // 4. The walk: rounds open, take what fits, and close.
        let mut rounds: Vec<Round> = Vec::new();
        for (at, event) in events {
            let open = rounds
                .last_mut()
                .filter(|round| at.since(round.start).is_some_and(|d| d <= GROUPING_WINDOW));
            match event {
                Event::Linked { total, members } => rounds.push(Round {
                    start: at,
                    total,
                    members,
                }),
                Event::Stated(t) => match open {
                    Some(round) if round.total.is_none() => round.total = Some(t),
                    _ => rounds.push(Round {
                        start: at,
                        total: Some(t),
                        members: Vec::new(),
                    }),
                },
                Event::Instant(members) => {
                    let complete = self.covers_every_parameter(&members);
                    match open {
                        // A moment holding a whole set of its own starts a new set.
                        Some(round) if !complete || round.members.is_empty() => {
                            round.members.extend(members);
                        }
                        _ => rounds.push(Round {
                            start: at,
                            total: None,
                            members,
                        }),
                    }
                }
            }
        }

        let sets = rounds
            .iter()
            .map(|round| self.build(round, scale_2, &mut problems, &mut placed))
            .collect();
        Grouped {
            history: History::new(sets),
            problems,
            unresolved,
            placed,
        }
    }

    fn covers_every_parameter(&self, members: &[usize]) -> bool {
        let found: Vec<Parameter> = members
            .iter()
            .flat_map(|&m| self.observations[m].content.parameters())
            .collect();
        Parameter::ALL.iter().all(|p| found.contains(p))
    }

    /// One set from a round: its members' values (which count is the engine's rule), and the
    /// total that states its score, if there is one.
    fn build(
        &self,
        round: &Round,
        scale_2: Option<&Scale2Decision>,
        problems: &mut Vec<Problem>,
        placed: &mut HashSet<String>,
    ) -> ObservationSet {
        let mut values = SetValues::new();
        for &m in &round.members {
            let observation = &self.observations[m];
            placed.insert(observation.key.clone());
            let origin = observation.key.as_str();
            let at = observation.taken_at;
            match &observation.content {
                Content::Reading(reading) => {
                    values.add(MeasuredValue::Reading(*reading), at, origin);
                }
                Content::BloodPressure { systolic, .. } => {
                    for reading in systolic {
                        values.add(MeasuredValue::Reading(*reading), at, origin);
                    }
                }
                Content::Consciousness(level) => {
                    values.add(MeasuredValue::Consciousness(*level), at, origin);
                }
                Content::Oxygen { on_oxygen, .. } => {
                    values.add(MeasuredValue::OnOxygen(*on_oxygen), at, origin);
                }
                Content::Total { .. } | Content::Panel { .. } => {}
            }
        }
        let total = round
            .total
            .and_then(|t| match &self.observations[t].content {
                Content::Total {
                    stated, scale_2, ..
                } => Some((t, *stated, *scale_2)),
                _ => None,
            });
        let source_scale_2 = total.is_some_and(|(_, _, s2)| s2);
        let basis = Spo2ScaleBasis::for_set(round.start, scale_2, source_scale_2);
        let (mut set, resolved) = ObservationSet::from_values(round.start, &values, basis);

        for conflict in &resolved.conflicts {
            let origins: Vec<&str> = round
                .members
                .iter()
                .map(|&m| &self.observations[m])
                .filter(|o| {
                    o.taken_at == conflict.at
                        && o.content.parameters().contains(&conflict.parameter)
                })
                .map(|o| o.key.as_str())
                .collect();
            problems.push(Problem {
                resource: origins.first().map(|o| (*o).to_string()),
                kind: ProblemKind::Conflict,
                message: format!(
                    "{} different {} values at the same time ({}); both are shown and the more \
                     severe is used",
                    conflict.values.len(),
                    conflict.parameter,
                    origins.join(", ")
                ),
            });
        }
        for duplicate in &resolved.duplicates {
            if duplicate.kept != duplicate.merged {
                problems.push(Problem {
                    resource: Some(duplicate.merged.clone()),
                    kind: ProblemKind::Duplicate,
                    message: format!(
                        "the same {} value at the same time as {}; counted once",
                        duplicate.parameter, duplicate.kept
                    ),
                });
            }
        }

        set.details = self.details(round, &resolved, total.map(|(t, _, _)| t));
        set.stated = total.map(|(_, stated, _): (usize, StatedScore, bool)| stated);
        if let Some((t, _, _)) = total {
            placed.insert(self.observations[t].key.clone());
        }
        set
    }

    /// Who, from where, and the details beside the values: each from the Observation whose
    /// value counts.
    fn details(
        &self,
        round: &Round,
        resolved: &crate::clinical::set_values::Resolved,
        total: Option<usize>,
    ) -> SetDetails {
        let member = |key: Option<&str>| {
            round
                .members
                .iter()
                .map(|&m| &self.observations[m])
                .find(|o| Some(o.key.as_str()) == key)
        };
        let mut details = SetDetails::default();
        // The diastolic pressure of the panel whose systolic counts, else the newest one sent.
        let diastolic_of = |o: &SourceObservation| match &o.content {
            Content::BloodPressure { diastolic, .. } => *diastolic,
            _ => None,
        };
        details.diastolic_bp = member(resolved.origin(Parameter::SystolicBp))
            .and_then(diastolic_of)
            .or_else(|| {
                round
                    .members
                    .iter()
                    .rev()
                    .find_map(|&m| diastolic_of(&self.observations[m]))
            });
        if resolved.vitals.on_oxygen == Some(true) {
            let flow =
                member(resolved.origin(Parameter::AirOrOxygen)).and_then(|o| match o.content {
                    Content::Oxygen {
                        flow_litres_per_minute,
                        ..
                    } => flow_litres_per_minute,
                    _ => None,
                });
            details.oxygen = Some(OxygenDelivery {
                flow_litres_per_minute: flow,
                device: None,
            });
        }
        let recorded: Vec<&SourceObservation> = total
            .map(|t| &self.observations[t])
            .into_iter()
            .chain(round.members.iter().map(|&m| &self.observations[m]))
            .collect();
        details.recorded_by = recorded.iter().find_map(|o| o.performer.clone());
        details.source = recorded.iter().find_map(|o| o.source.clone());
        details
    }
}
