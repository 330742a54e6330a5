//! Sets from several services told apart on the chart without colour: each set's point on the
//! total's panel carries its service's short mark ("HJT", "LV", …, or a number for an
//! organisation whose kind of service is not coded), and a legend in words spells the marks out.

use std::collections::BTreeMap;

use crate::clinical::observation_set::ObservationSet;
use crate::clinical::provenance::ServiceKey;
use crate::i18n::{Language, provenance, words};

/// The mark of a set whose sources name no service.
pub const UNKNOWN_MARK: &str = "?";

/// The marks of a history's sets, when it holds sets from two services or more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceLegend {
    /// Per set, in the order given: its services' marks joined by "+", "?" when it names none.
    pub marks: Vec<String>,
    /// Each mark with the service it stands for, in the order services first appear; last,
    /// "?" with the unknown source when some set names no service, so every mark on the chart
    /// is spelled out.
    pub entries: Vec<(String, String)>,
}

/// The marks of `sets` (oldest first), or `None` when fewer than two services recorded them:
/// one service needs no telling apart.
pub fn service_legend(sets: &[ObservationSet], language: Language) -> Option<ServiceLegend> {
    // Each service once, with its kind of service when a source coded it, by first appearance.
    let mut services: Vec<(ServiceKey, Option<&'static str>)> = Vec::new();
    for set in sets {
        for source in &set.details.provenance {
            let Some(key) = source.service_key() else {
                continue;
            };
            let kind_mark = source
                .service
                .map(|kind| provenance::service_mark(language, kind));
            match services.iter_mut().find(|(k, _)| *k == key) {
                Some((_, mark)) => *mark = mark.or(kind_mark),
                None => services.push((key, kind_mark)),
            }
        }
    }
    if services.len() < 2 {
        return None;
    }
    // Two organisations of one kind (two home-care districts) are numbered within it; an
    // organisation of no coded kind gets a number of its own.
    let mut per_base: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, mark) in &services {
        *per_base.entry(mark.unwrap_or("")).or_default() += 1;
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let named: Vec<(ServiceKey, String)> = services
        .iter()
        .map(|(key, mark)| {
            let base = mark.unwrap_or("");
            let n = seen.entry(base).or_default();
            *n += 1;
            let text = if base.is_empty() || per_base[base] > 1 {
                format!("{base}{n}")
            } else {
                base.to_string()
            };
            (key.clone(), text)
        })
        .collect();
    let marks: Vec<String> = sets
        .iter()
        .map(|set| {
            let mut of_set: Vec<&str> = Vec::new();
            for key in set
                .details
                .provenance
                .iter()
                .filter_map(|p| p.service_key())
            {
                if let Some((_, mark)) = named.iter().find(|(k, _)| *k == key)
                    && !of_set.contains(&mark.as_str())
                {
                    of_set.push(mark);
                }
            }
            if of_set.is_empty() {
                UNKNOWN_MARK.to_string()
            } else {
                of_set.join("+")
            }
        })
        .collect();
    let unknown = marks.iter().any(|m| m == UNKNOWN_MARK).then(|| {
        (
            UNKNOWN_MARK.to_string(),
            words(language).unknown_source.to_string(),
        )
    });
    let entries = named
        .into_iter()
        .map(|(key, mark)| (mark, provenance::service(language, &key)))
        .chain(unknown)
        .collect();
    Some(ServiceLegend { marks, entries })
}
