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
//! sets minutes apart stay two sets. A total with components only joins the open round; two
//! totals in one round are a conflict (the higher counts). A measurement dated after now never
//! joins a round of measurements taken by then.
//!
//! The order of entries and pages never changes the sets: every copy read is kept until
//! grouping, where copies of one Observation are resolved over all of them at once (by version,
//! then by content), and everything is sorted by time and key.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use super::bundle::Page;
use super::codes::ObservationKind;
use super::observation::{Content, Link, NO_ID, Retracted, SourceObservation};
use super::problem::{Problem, ProblemKind};
use crate::clinical::observation_set::{
    CLOCK_SKEW, EarlierTotal, History, ObservationSet, OxygenDelivery, Scale2Decision, SetDetails,
    Spo2ScaleBasis, StatedScore,
};
use crate::clinical::provenance::{self, Provenance};
use crate::clinical::response::{RecordedResponse, Responses};
use crate::clinical::set_values::{MeasuredValue, SetValues};
use crate::clinical::time::Timestamp;
use crate::clinical::{ClinicalRisk, Parameter, Total};

/// How long after its first measurement a bedside round stays open for more.
pub const GROUPING_WINDOW: Duration = Duration::from_secs(15 * 60);

/// Everything read so far: every copy of every Observation (a copy repeated exactly, as a page
/// overlap sends it, once), resolved into Observations only when grouping, so that no
/// resolution depends on the order copies came in.
#[derive(Clone, Debug, Default)]
pub struct FhirHistory {
    copies: Vec<SourceObservation>,
    /// Each copy's key to its indices, to drop exact repeats.
    by_key: HashMap<String, Vec<usize>>,
    /// Every key and `system|value` identifier read, to tell when an entry made here arrived.
    names: HashSet<String>,
    retracted: Vec<Retracted>,
    problems: Vec<Problem>,
    /// The problems already reported: the same one read again (a page overlap) is one problem.
    reported: HashSet<Problem>,
    /// The escalation responses read, each once.
    responses: Vec<RecordedResponse>,
    /// Whether the source was searched for every response and answered.
    responses_complete: bool,
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
    /// The escalation responses read with the Observations.
    pub responses: Responses,
}

/// `Observation/{id}` of a reference, relative or absolute, with any `_history` cut off.
pub(crate) fn reference_key(reference: &str) -> String {
    let path = reference.split("/_history/").next().unwrap_or(reference);
    let mut parts = path.rsplit('/');
    match (parts.next(), parts.next()) {
        (Some(id), Some(kind)) => format!("{kind}/{id}"),
        _ => path.to_string(),
    }
}

/// The names a copy is known by, for telling a copy from another Observation: its id, and each
/// identifier with what kind of Observation it identifies (one business identifier may be
/// shared by the seven Observations of one set, and they are not copies of each other).
fn identities(observation: &SourceObservation) -> Vec<String> {
    std::iter::once(observation.key.clone())
        // An Observation with no id is never taken for another one with no id.
        .filter(|key| !key.starts_with(NO_ID))
        .chain(
            observation
                .identifiers
                .iter()
                .map(|id| identifier_identity(id, observation.kind, observation.taken_at)),
        )
        .collect()
}

/// What makes two Observations under different ids copies of one: the same identifier, for the
/// same kind of measurement, at the same moment. (A source may give every value of a bedside
/// round, re-checks included, one measurement id: the re-check is not a copy of the first.)
fn identifier_identity(id: &str, kind: ObservationKind, at: Timestamp) -> String {
    format!("{id}#{}@{}", kind.name(), at.millis())
}

/// Whether two copies say the same clinically: same time, same content.
fn same_measurement(a: &SourceObservation, b: &SourceObservation) -> bool {
    a.taken_at == b.taken_at && a.content == b.content
}

/// A copy's `meta.versionId` as a number, when it is one.
fn version(o: &SourceObservation) -> Option<u64> {
    o.version.as_deref()?.parse().ok()
}

/// A fixed order among copies and Observations that has nothing to do with arrival: time, key,
/// then content. The content's Debug text is only a tie-break here (it never leaves Rust), and
/// written only for two under one key at one time: a year's 17,520 Observations once wrote it
/// for every one of them, a quarter of the time their grouping took.
fn in_order(a: &SourceObservation, b: &SourceObservation) -> Ordering {
    a.taken_at
        .cmp(&b.taken_at)
        .then_with(|| a.key.cmp(&b.key))
        .then_with(|| format!("{:?}", a.content).cmp(&format!("{:?}", b.content)))
}

/// Union–find over copy indices.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// What a walk over the timeline meets, in this order at one moment: linked totals and
/// panels, raw measurements, then totals with components only (so that a total stamped with a
/// whole set joins that set). Each event carries its first key, so equal times sort the same
/// whatever order things came in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum EventKind {
    Linked,
    Instant,
    Stated,
}

struct Event {
    at: Timestamp,
    kind: EventKind,
    key: String,
    totals: Vec<usize>,
    members: Vec<usize>,
}

/// One set in the making.
struct Round {
    start: Timestamp,
    /// Whether the round began after now (beyond the clock tolerance).
    future: bool,
    totals: Vec<usize>,
    members: Vec<usize>,
}

impl FhirHistory {
    pub fn new() -> Self {
        FhirHistory::default()
    }

    /// Adds a page: every copy is kept (an exact repeat once), to be resolved when grouping.
    pub fn add_page(&mut self, page: Page) {
        for problem in page.problems {
            if self.reported.insert(problem.clone()) {
                self.problems.push(problem);
            }
        }
        self.retracted.extend(page.retracted);
        for response in page.responses {
            if !self.responses.contains(&response) {
                self.responses.push(response);
            }
        }
        // Room for the page at once: grown by doubling, a year in one Bundle briefly needed its
        // copies twice over (benches/fhir_memory.rs).
        self.copies.reserve(page.observations.len());
        for observation in page.observations {
            // Entries with no id have keys by their place on a page: never taken for each other.
            let repeat = !observation.key.starts_with(NO_ID)
                && self
                    .by_key
                    .get(&observation.key)
                    .is_some_and(|indices| indices.iter().any(|&i| self.copies[i] == observation));
            if repeat {
                continue;
            }
            self.names.insert(observation.key.clone());
            self.names.extend(observation.identifiers.iter().cloned());
            self.by_key
                .entry(observation.key.clone())
                .or_default()
                .push(self.copies.len());
            self.copies.push(observation);
        }
    }

    /// Says that the source was searched for every escalation response and answered (the
    /// responses themselves came as pages): only then may the banner say none was recorded.
    pub fn responses_searched(&mut self) {
        self.responses_complete = true;
    }

    /// Says that the search for escalation responses failed: a problem in the list, and no
    /// claim that none was recorded.
    pub fn responses_not_read(&mut self, why: &str) {
        let problem = Problem {
            resource: None,
            kind: ProblemKind::ServerMessage,
            message: format!("escalation responses (Communication) could not be read: {why}"),
        };
        if self.reported.insert(problem.clone()) {
            self.problems.push(problem);
        }
    }

    /// Whether an Observation (`Observation/{id}`, or an identifier `system|value`) has been
    /// read.
    pub fn contains(&self, key: &str) -> bool {
        self.names.contains(key)
    }

    /// How many distinct Observations have been read (copies resolved).
    pub fn len(&self) -> usize {
        self.resolve_copies().observations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.copies.is_empty()
    }

    /// The Observations the copies come to, in a fixed order, and what was reported doing it:
    /// - a copy whose source withdrew it (entered in error, cancelled) counts for nothing, nor
    ///   does any earlier version of it, nor a copy of it under another id;
    /// - of the copies under one id, a higher `meta.versionId` replaces a lower;
    /// - copies that say the same (under one id, or under ids sharing an identifier for the same
    ///   kind of measurement) are one Observation: the smallest key stands, every key still
    ///   resolves to it, the others are reported as duplicates, and a performer or source any of
    ///   them names is kept;
    /// - copies that say different things with no version to tell are all kept, and reported
    ///   as a conflict: which value counts is then the engine's rule, never arrival.
    fn resolve_copies(&self) -> Resolution {
        let mut problems = Vec::new();
        // Withdrawn: by its own id (an earlier version too), or as a copy under another id of
        // what was withdrawn (the same identifier, kind and moment) — then reported, since
        // nothing must go without a word.
        let withdrawn_by = |o: &SourceObservation| -> Option<&Retracted> {
            self.retracted.iter().find(|r| {
                if r.key.starts_with(NO_ID) {
                    return false;
                }
                if r.key == o.key {
                    let retracted = r.version.as_deref().and_then(|v| v.parse::<u64>().ok());
                    return match (retracted, version(o)) {
                        (Some(retracted), Some(copy)) => copy <= retracted,
                        _ => true,
                    };
                }
                let (Some(kind), Some(at)) = (r.kind, r.taken_at) else {
                    return false;
                };
                let names: Vec<String> = r
                    .identifiers
                    .iter()
                    .map(|id| identifier_identity(id, kind, at))
                    .collect();
                identities(o).iter().any(|name| names.contains(name))
            })
        };
        let mut live: Vec<&SourceObservation> = Vec::new();
        let mut named: HashSet<&str> = HashSet::new();
        for copy in &self.copies {
            match withdrawn_by(copy) {
                None => live.push(copy),
                Some(r) if r.key != copy.key && named.insert(copy.key.as_str()) => {
                    problems.push(Problem {
                        resource: Some(copy.key.clone()),
                        kind: ProblemKind::NotScored,
                        message: format!(
                            "a copy of {}, which its source entered in error or cancelled; not \
                             scored",
                            r.key
                        ),
                    });
                }
                Some(_) => {}
            }
        }
        // Groups of copies of one Observation.
        let mut parent: Vec<usize> = (0..live.len()).collect();
        let mut first_with: HashMap<String, usize> = HashMap::new();
        for (i, copy) in live.iter().enumerate() {
            for name in identities(copy) {
                match first_with.get(&name) {
                    Some(&j) => {
                        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                        parent[a.max(b)] = a.min(b);
                    }
                    None => {
                        first_with.insert(name, i);
                    }
                }
            }
        }
        let mut groups: BTreeMap<usize, Vec<&SourceObservation>> = BTreeMap::new();
        for (i, copy) in live.iter().enumerate() {
            let root = find(&mut parent, i);
            groups.entry(root).or_default().push(copy);
        }
        let mut kept_with_keys: Vec<(SourceObservation, Vec<String>)> =
            Vec::with_capacity(groups.len());
        for mut copies in groups.into_values() {
            // A fixed order of copies: which one's details stand never depends on arrival.
            copies.sort_by(|a, b| {
                in_order(a, b).then_with(|| {
                    (&a.version, &a.identifiers, &a.provenance).cmp(&(
                        &b.version,
                        &b.identifiers,
                        &b.provenance,
                    ))
                })
            });
            // Versions, within one id.
            let newest: HashMap<&str, u64> = copies.iter().fold(HashMap::new(), |mut m, o| {
                if let Some(v) = version(o) {
                    let e = m.entry(o.key.as_str()).or_insert(v);
                    *e = (*e).max(v);
                }
                m
            });
            let superseded: Vec<String> = copies
                .iter()
                .filter(|o| matches!((version(o), newest.get(o.key.as_str())), (Some(v), Some(&n)) if v < n))
                .map(|o| o.key.clone())
                .collect();
            copies.retain(|o| match (version(o), newest.get(o.key.as_str())) {
                (Some(v), Some(&newest)) => v == newest,
                _ => true,
            });
            // One Observation per distinct measurement.
            let mut kinds: Vec<Vec<&SourceObservation>> = Vec::new();
            for copy in copies {
                match kinds.iter_mut().find(|k| same_measurement(k[0], copy)) {
                    Some(kind) => kind.push(copy),
                    None => kinds.push(vec![copy]),
                }
            }
            if kinds.len() > 1 {
                let mut keys: Vec<&str> = kinds.iter().map(|k| k[0].key.as_str()).collect();
                keys.sort_unstable();
                keys.dedup();
                problems.push(Problem {
                    resource: keys.first().map(|k| (*k).to_string()),
                    kind: ProblemKind::Conflict,
                    message: format!(
                        "arrived {} times with different content ({}), with no version to tell \
                         which is current; all are kept and the more severe value counts",
                        kinds.len(),
                        keys.join(", ")
                    ),
                });
            }
            for kind in kinds {
                let mut kept = kind[0].clone();
                let mut keys: Vec<String> = kind.iter().map(|o| o.key.clone()).collect();
                keys.sort_unstable();
                keys.dedup();
                kept.key = keys[0].clone();
                for other in &kind[1..] {
                    Arc::make_mut(&mut kept.provenance).fill_from(&other.provenance);
                }
                let mut identifiers: Vec<String> = kind
                    .iter()
                    .flat_map(|o| o.identifiers.iter().cloned())
                    .collect();
                identifiers.sort_unstable();
                identifiers.dedup();
                kept.identifiers = identifiers;
                for other in keys.iter().skip(1) {
                    problems.push(Problem {
                        resource: Some(other.clone()),
                        kind: ProblemKind::Duplicate,
                        message: format!("the same measurement as {}; counted once", kept.key),
                    });
                }
                // An older version's id still names the Observation it became.
                keys.extend(superseded.iter().filter(|k| **k == kept.key).cloned());
                kept_with_keys.push((kept, keys));
            }
        }
        kept_with_keys.sort_by(|(a, _), (b, _)| in_order(a, b));
        let mut aliases: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_identifier: HashMap<String, Vec<usize>> = HashMap::new();
        let mut observations = Vec::with_capacity(kept_with_keys.len());
        for (i, (observation, keys)) in kept_with_keys.into_iter().enumerate() {
            for key in keys {
                let indices = aliases.entry(reference_key(&key)).or_default();
                if !indices.contains(&i) {
                    indices.push(i);
                }
            }
            for id in &observation.identifiers {
                by_identifier.entry(id.clone()).or_default().push(i);
            }
            observations.push(observation);
        }
        Resolution {
            observations,
            aliases,
            by_identifier,
            problems,
        }
    }

    /// Groups everything read so far into sets. `scale_2` is the patient's documented Scale 2
    /// decision, if the host gave one.
    pub fn group(&self, scale_2: Option<&Scale2Decision>) -> Grouped {
        self.group_as_of(scale_2, None)
    }

    /// How many copies are dated after `now` (beyond the clock tolerance): grouping as of `now`
    /// changes only when this does.
    pub fn count_after(&self, now: Timestamp) -> usize {
        let limit = now.plus(CLOCK_SKEW);
        self.copies.iter().filter(|o| o.taken_at > limit).count()
    }

    /// As [`FhirHistory::group`], with a measurement dated after `now` (beyond the clock
    /// tolerance) kept out of every set of measurements taken by then, linked or not: a wrong
    /// date must not stand in for a real value as its "re-check".
    pub fn group_as_of(&self, scale_2: Option<&Scale2Decision>, now: Option<Timestamp>) -> Grouped {
        let Resolution {
            observations,
            aliases,
            by_identifier,
            problems: copy_problems,
        } = self.resolve_copies();
        let mut problems = self.problems.clone();
        problems.extend(copy_problems);
        let limit = now.map(|now| now.plus(CLOCK_SKEW));
        let in_future = |at: Timestamp| limit.is_some_and(|limit| at > limit);
        let mut placed = HashSet::new();
        let mut unresolved = Vec::new();
        let mut consumed = vec![false; observations.len()];
        // What a link names: every Observation under that id (or an id merged into it), or
        // every one carrying that identifier (a logical reference to a set-wide measurement id
        // names them all).
        let resolve = |link: &Link| -> Vec<usize> {
            let by_reference = link
                .reference
                .as_deref()
                .and_then(|r| aliases.get(&reference_key(r)))
                .cloned()
                .unwrap_or_default();
            if !by_reference.is_empty() {
                return by_reference;
            }
            link.identifier
                .as_ref()
                .and_then(|id| by_identifier.get(id))
                .cloned()
                .unwrap_or_default()
        };
        let is_total = |o: &SourceObservation| matches!(o.content, Content::Total { .. });

        // 1. Totals with links, then panels that no total took: their members are their set.
        let mut events: Vec<Event> = Vec::new();
        let mut linked: Vec<usize> = (0..observations.len())
            .filter(|&i| matches!(&observations[i].content, Content::Total { links, .. } if !links.is_empty()))
            .collect();
        linked.extend(
            (0..observations.len())
                .filter(|&i| matches!(observations[i].content, Content::Panel { .. })),
        );
        for i in linked {
            if consumed[i] {
                continue;
            }
            let observation = &observations[i];
            let (links, total) = match &observation.content {
                Content::Total { links, .. } => (links, Some(i)),
                Content::Panel { members } => (members, None),
                _ => continue,
            };
            consumed[i] = true;
            placed.insert(observation.key.clone());
            let mut members = Vec::new();
            for link in links {
                let mut usable = Vec::new();
                for j in resolve(link) {
                    match &observations[j].content {
                        // A panel among a total's links stands for its own members.
                        Content::Panel { members: inner } => {
                            consumed[j] = true;
                            placed.insert(observations[j].key.clone());
                            usable.extend(inner.iter().flat_map(&resolve));
                        }
                        _ => usable.push(j),
                    }
                }
                usable.retain(|&j| {
                    !is_total(&observations[j])
                        && !observations[j].content.parameters().is_empty()
                        // A member dated after now is not part of a set taken by now, nor a
                        // member taken by now part of a set dated after it.
                        && in_future(observation.taken_at) == in_future(observations[j].taken_at)
                });
                if usable.is_empty() {
                    problems.push(Problem {
                        resource: Some(observation.key.clone()),
                        kind: ProblemKind::Unresolved,
                        message: match total {
                            Some(_) => format!(
                                "{link} has not arrived, holds no vital sign, or is dated after \
                                 now; the source's sub-score stands in for it"
                            ),
                            None => format!(
                                "{link} has not arrived, holds no vital sign, or is dated after now"
                            ),
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
            members.sort_unstable();
            events.push(Event {
                at: observation.taken_at,
                kind: EventKind::Linked,
                key: observation.key.clone(),
                totals: total.into_iter().collect(),
                members,
            });
        }

        // 2. Totals with components only, and 3. raw measurements, by the moment they were
        // taken.
        let mut instants: BTreeMap<Timestamp, Vec<usize>> = BTreeMap::new();
        for (i, observation) in observations.iter().enumerate() {
            if consumed[i] {
                continue;
            }
            match &observation.content {
                Content::Total { .. } => events.push(Event {
                    at: observation.taken_at,
                    kind: EventKind::Stated,
                    key: observation.key.clone(),
                    totals: vec![i],
                    members: Vec::new(),
                }),
                Content::Panel { .. } => {}
                _ => instants.entry(observation.taken_at).or_default().push(i),
            }
        }
        events.extend(instants.into_iter().map(|(at, members)| Event {
            at,
            kind: EventKind::Instant,
            key: observations[members[0]].key.clone(),
            totals: Vec::new(),
            members,
        }));
        events.sort_by(|a, b| (a.at, &a.kind, &a.key).cmp(&(b.at, &b.kind, &b.key)));
        let events = merge_linked(events, &observations);

        // 4. The walk: rounds open, take what fits, and close.
        let mut rounds: Vec<Round> = Vec::new();
        for event in events {
            let future = in_future(event.at);
            let open = rounds.last_mut().filter(|round| {
                round.future == future
                    && event
                        .at
                        .since(round.start)
                        .is_some_and(|d| d <= GROUPING_WINDOW)
            });
            match event.kind {
                EventKind::Linked => rounds.push(Round {
                    start: event.at,
                    future,
                    totals: event.totals,
                    members: event.members,
                }),
                // A total joins the open round when it was stamped with its measurements (the
                // same moment), or when it names the sub-scores it gave and the round has no
                // total yet (a form saved minutes after the values it scored, as DIPS does). A
                // bare total at another moment stands as the newest information of its own: it
                // is never demoted to "disagrees with the values" of a round it may not score.
                EventKind::Stated => match open.filter(|round| {
                    let same_moment = round
                        .members
                        .iter()
                        .chain(&round.totals)
                        .any(|&m| observations[m].taken_at == event.at);
                    let names_its_sub_scores = event.totals.iter().any(|&t| {
                        stated_score(&observations[t])
                            .is_some_and(|(s, _)| s.sub_scores.iter().any(|(_, v)| v.is_some()))
                    });
                    same_moment || (names_its_sub_scores && round.totals.is_empty())
                }) {
                    Some(round) => round.totals.extend(event.totals),
                    None => rounds.push(Round {
                        start: event.at,
                        future,
                        totals: event.totals,
                        members: Vec::new(),
                    }),
                },
                EventKind::Instant => {
                    let complete = covers_every_parameter(&observations, &event.members);
                    match open {
                        // A moment holding a whole set of its own starts a new set, unless it is
                        // the open set's values again (copied by another system, unlinked).
                        Some(round)
                            if !complete
                                || round.members.is_empty()
                                || same_values(
                                    &observations,
                                    &round
                                        .members
                                        .iter()
                                        .copied()
                                        .filter(|&m| observations[m].taken_at == event.at)
                                        .collect::<Vec<_>>(),
                                    &event.members,
                                ) =>
                        {
                            round.members.extend(event.members);
                        }
                        _ => rounds.push(Round {
                            start: event.at,
                            future,
                            totals: Vec::new(),
                            members: event.members,
                        }),
                    }
                }
            }
        }

        let sets = rounds
            .iter()
            .map(|round| build(&observations, round, scale_2, &mut problems, &mut placed))
            .collect();
        Grouped {
            history: History::new(sets),
            problems,
            unresolved,
            placed,
            responses: Responses {
                recorded: self.responses.clone(),
                complete: self.responses_complete,
            },
        }
    }
}

/// What the copies read come to.
struct Resolution {
    /// One per Observation, in a fixed order.
    observations: Vec<SourceObservation>,
    /// Every key a copy arrived under (`Observation/{id}`), to the Observations it became.
    aliases: HashMap<String, Vec<usize>>,
    /// Every `system|value` identifier, to the Observations carrying it.
    by_identifier: HashMap<String, Vec<usize>>,
    problems: Vec<Problem>,
}

/// Whether two groups of Observations hold the same measurements: each taken at the same moment
/// with the same content, one for one. Two systems' copies of one bedside round (written by home
/// care, copied by a nursing home's record under new ids) are this; a re-check, a value that
/// differs, or a copy with fewer values is not.
///
/// Each group is compared by its distinct measurements: a group already merged from two copies
/// holds every value twice, and a third copy must still join it (regression: three systems'
/// copies of one round showed as two sets).
fn same_values(observations: &[SourceObservation], a: &[usize], b: &[usize]) -> bool {
    let distinct = |group: &[usize]| {
        let mut kept: Vec<usize> = Vec::with_capacity(group.len());
        for &i in group {
            if !kept
                .iter()
                .any(|&k| same_measurement(&observations[k], &observations[i]))
            {
                kept.push(i);
            }
        }
        kept
    };
    let (a, b) = (distinct(a), distinct(b));
    if a.is_empty() || a.len() != b.len() {
        return false;
    }
    let mut unmatched: Vec<usize> = b;
    a.iter().all(|&i| {
        match unmatched
            .iter()
            .position(|&j| same_measurement(&observations[i], &observations[j]))
        {
            Some(found) => {
                unmatched.swap_remove(found);
                true
            }
            None => false,
        }
    })
}

/// Linked totals and panels at one moment that share a value, or whose values are the same
/// measurements (one round copied by another system under new ids), are one set: merged,
/// transitively, so the sets never depend on which came first or on their ids. Events come
/// sorted.
fn merge_linked(events: Vec<Event>, observations: &[SourceObservation]) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut pending: Vec<Event> = Vec::new();
    let flush = |pending: &mut Vec<Event>, out: &mut Vec<Event>| {
        // Union by shared members, repeated until nothing more joins.
        let mut groups: Vec<Event> = Vec::new();
        for event in pending.drain(..) {
            let mut merged = event;
            while let Some(i) = groups.iter().position(|g| {
                g.members.iter().any(|m| merged.members.contains(m))
                    || same_values(observations, &g.members, &merged.members)
            }) {
                let other = groups.swap_remove(i);
                merged.key = merged.key.min(other.key);
                merged.totals.extend(other.totals);
                for m in other.members {
                    if !merged.members.contains(&m) {
                        merged.members.push(m);
                    }
                }
            }
            merged.members.sort_unstable();
            merged.totals.sort_unstable();
            groups.push(merged);
        }
        groups.sort_by(|a, b| a.key.cmp(&b.key));
        out.extend(groups);
    };
    for event in events {
        let same_moment = pending.first().is_some_and(|p| p.at == event.at);
        if event.kind == EventKind::Linked {
            if !same_moment {
                flush(&mut pending, &mut out);
            }
            pending.push(event);
        } else {
            flush(&mut pending, &mut out);
            out.push(event);
        }
    }
    flush(&mut pending, &mut out);
    out
}

fn covers_every_parameter(observations: &[SourceObservation], members: &[usize]) -> bool {
    let found: Vec<Parameter> = members
        .iter()
        .flat_map(|&m| observations[m].content.parameters())
        .collect();
    Parameter::ALL.iter().all(|p| found.contains(p))
}

/// What a total states, for telling two totals apart: its score and scale, not its links.
fn stated_score(observation: &SourceObservation) -> Option<(StatedScore, bool)> {
    match &observation.content {
        Content::Total {
            stated, scale_2, ..
        } => Some((*stated, *scale_2)),
        _ => None,
    }
}

/// The band a stated total gives: Chart 3 on the total, with a 3 among its stated sub-scores.
fn stated_band(stated: &StatedScore) -> (Option<ClinicalRisk>, u8) {
    let red = stated
        .sub_scores
        .iter()
        .any(|(_, s)| s.is_some_and(|s| s.is_red()));
    let band = stated
        .total
        .and_then(Total::new)
        .map(|total| ClinicalRisk::of(total, red));
    (band, stated.total.unwrap_or(0))
}

/// The total a round's score is stated by. A later total in one round is the source scoring the
/// set again (with a re-checked value, say): the latest moment's stands, and earlier ones are
/// kept on the set as re-scores. Of two or more at that moment, the more severe stands (band,
/// then total, then the smallest key), whatever order they came in; the others are reported as
/// duplicates or as a conflict.
fn stating_total(
    observations: &[SourceObservation],
    round: &Round,
    problems: &mut Vec<Problem>,
) -> (Option<usize>, Vec<usize>) {
    let Some(latest) = round.totals.iter().map(|&t| observations[t].taken_at).max() else {
        return (None, Vec::new());
    };
    let (now, earlier): (Vec<usize>, Vec<usize>) = round
        .totals
        .iter()
        .copied()
        .partition(|&t| observations[t].taken_at == latest);
    let severity = |t: usize| stated_score(&observations[t]).map(|(s, _)| stated_band(&s));
    let Some(chosen) = now.iter().copied().max_by(|&a, &b| {
        severity(a)
            .cmp(&severity(b))
            .then_with(|| observations[b].key.cmp(&observations[a].key))
    }) else {
        return (None, earlier);
    };
    for &other in now.iter().filter(|&&t| t != chosen) {
        let same = stated_score(&observations[other]) == stated_score(&observations[chosen]);
        problems.push(Problem {
            resource: Some(observations[other].key.clone()),
            kind: if same {
                ProblemKind::Duplicate
            } else {
                ProblemKind::Conflict
            },
            message: if same {
                format!(
                    "the same NEWS2 total as {} for one set; counted once",
                    observations[chosen].key
                )
            } else {
                format!(
                    "a second NEWS2 total for one set at the same time (against {}); the more \
                     severe counts",
                    observations[chosen].key
                )
            },
        });
    }
    (Some(chosen), earlier)
}

/// One set from a round: its members' values (which count is the engine's rule), and the
/// total that states its score, if there is one.
fn build(
    observations: &[SourceObservation],
    round: &Round,
    scale_2: Option<&Scale2Decision>,
    problems: &mut Vec<Problem>,
    placed: &mut HashSet<String>,
) -> ObservationSet {
    let mut values = SetValues::new();
    for &m in &round.members {
        let observation = &observations[m];
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
    let (stating, earlier_totals) = stating_total(observations, round, problems);
    let total = stating.and_then(|t| stated_score(&observations[t]).map(|(s, s2)| (t, s, s2)));
    let source_scale_2 = total.is_some_and(|(_, _, s2)| s2);
    let basis = Spo2ScaleBasis::for_set(round.start, scale_2, source_scale_2);
    let (mut set, resolved) = ObservationSet::from_values(round.start, &values, basis);

    for conflict in &resolved.conflicts {
        let origins: Vec<&str> = round
            .members
            .iter()
            .map(|&m| &observations[m])
            .filter(|o| {
                o.taken_at == conflict.at && o.content.parameters().contains(&conflict.parameter)
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

    set.details = details(observations, round, &resolved, total.map(|(t, _, _)| t));
    set.stated = total.map(|(_, stated, _)| stated);
    set.rescored = earlier_totals
        .iter()
        .filter_map(|&t| {
            let (stated, _) = stated_score(&observations[t])?;
            Some(EarlierTotal {
                at: observations[t].taken_at,
                stated,
            })
        })
        .collect();
    set.rescored.sort_by_key(|e| (e.at, e.stated.total));
    for &t in &round.totals {
        placed.insert(observations[t].key.clone());
    }
    // What a response to this set is about: its Observations that have an id (one known by a
    // fullUrl only cannot be referred to from another resource).
    let mut about: Vec<String> = round
        .members
        .iter()
        .chain(&round.totals)
        .map(|&i| &observations[i].key)
        .filter(|key| key.starts_with("Observation/"))
        .cloned()
        .collect();
    about.sort_unstable();
    about.dedup();
    set.details.observations = about;
    set
}

/// Who, from where, and the details beside the values: each from the Observation whose
/// value counts.
fn details(
    observations: &[SourceObservation],
    round: &Round,
    resolved: &crate::clinical::set_values::Resolved,
    total: Option<usize>,
) -> SetDetails {
    let member = |key: Option<&str>| {
        round
            .members
            .iter()
            .map(|&m| &observations[m])
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
                .find_map(|&m| diastolic_of(&observations[m]))
        });
    if resolved.vitals.on_oxygen == Some(true) {
        let flow = member(resolved.origin(Parameter::AirOrOxygen)).and_then(|o| match o.content {
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
        .map(|t| &observations[t])
        .into_iter()
        .chain(round.members.iter().map(|&m| &observations[m]))
        .collect();
    details.provenance =
        provenance::distinct(recorded.iter().map(|o| Provenance::clone(&o.provenance)));
    details
}
