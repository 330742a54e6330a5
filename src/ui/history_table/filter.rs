//! The history table's filter by service, as plain data tested natively
//! (tests/history_filter.rs); the table only renders it.
//!
//! A history shared between services (home care, the legevakt, a nursing home) holds sets a
//! nurse may want to look at one service at a time. Two things must never follow from that: a
//! filtered table taken for the whole history (the table says how many sets it shows, in
//! words), and an entry not yet saved disappearing behind a filter (it would look lost, and be
//! typed again): every filter keeps it.

use std::collections::BTreeSet;

use super::types::Row;
use crate::clinical::observation_set::ObservationSet;
use crate::clinical::provenance::{ServiceKey, ServiceKind};

/// Which sets the table shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ServiceFilter {
    #[default]
    All,
    /// The sets one service recorded (a set two services sent is in both).
    Service(ServiceKey),
    /// The sets whose sources name no service (none at all, or only a person or a system):
    /// without this choice they would be in no filter but All.
    Unknown,
}

impl ServiceFilter {
    /// Whether the table shows `row` under this filter.
    pub fn keeps(&self, row: &Row) -> bool {
        let mut keys = row
            .set
            .details
            .provenance
            .iter()
            .filter_map(|p| p.service_key());
        match self {
            ServiceFilter::All => true,
            // An entry not yet saved is never filtered away: it would look lost.
            _ if row.flags.unsaved.is_some() => true,
            ServiceFilter::Service(key) => keys.any(|k| k == *key),
            ServiceFilter::Unknown => keys.next().is_none(),
        }
    }
}

/// The choices the rows offer, in a fixed order: All, each service some saved set names (in
/// [`ServiceKey`]'s order: organisations by name, then kinds of service, so the list does not
/// reorder when a new set arrives), and Unknown when some saved set names none.
///
/// Entries not yet saved offer no choice of their own: every filter shows them anyway, and an
/// entry typed here without a service would otherwise offer "unknown source" for the nurse's
/// own set.
pub fn service_choices(rows: &[Row]) -> Vec<ServiceFilter> {
    let mut services: BTreeSet<ServiceKey> = BTreeSet::new();
    let mut unknown = false;
    for row in rows.iter().filter(|r| r.flags.unsaved.is_none()) {
        let mut named = false;
        for key in row
            .set
            .details
            .provenance
            .iter()
            .filter_map(|p| p.service_key())
        {
            named = true;
            services.insert(key);
        }
        unknown |= !named;
    }
    std::iter::once(ServiceFilter::All)
        .chain(services.into_iter().map(ServiceFilter::Service))
        .chain(unknown.then_some(ServiceFilter::Unknown))
        .collect()
}

/// Whether `choices` are worth a choice: two or more besides All. One service (or one and no
/// unknown sets) has nothing to filter, and a control that changes nothing is noise.
pub fn worth_offering(choices: &[ServiceFilter]) -> bool {
    choices.len() > 2
}

/// The filter in force once the choices are `choices`: `current` while it is still offered,
/// else All. A filter the rows no longer offer (another patient, a reload) must not keep
/// hiding sets, nor stay active with its control gone.
pub fn still_chosen(current: &ServiceFilter, choices: &[ServiceFilter]) -> ServiceFilter {
    if worth_offering(choices) && choices.contains(current) {
        current.clone()
    } else {
        ServiceFilter::All
    }
}

/// The rows `choice` keeps, in their order (every entry not yet saved among them).
pub fn filter(rows: &[Row], choice: &ServiceFilter) -> Vec<Row> {
    rows.iter().filter(|r| choice.keeps(r)).cloned().collect()
}

/// The stable names ([`ServiceKind::name`]) of the kinds of service `set`'s sources code, each
/// once, in the order of its sources: the row's `data-services` attribute. Empty when none is
/// coded (an organisation named without a kind has no stable name to give).
pub fn service_names(set: &ObservationSet) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for name in set
        .details
        .provenance
        .iter()
        .filter_map(|p| p.service.map(ServiceKind::name))
    {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}
