//! Where a set came from: the service that recorded it, who, and from which system.
//!
//! Sharing this is what the KS/NHN pilot exists for: a nurse in home care must see that the
//! last set was taken by the out-of-hours clinic (legevakt), not by her own colleagues. A set
//! built from several systems' copies of one measurement lists every source once.

/// The kind of municipal or specialist health service that recorded a set, when the source
/// says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ServiceKind {
    /// Hjemmetjenesten / hjemmesykepleien.
    HomeCare,
    /// Sykehjem.
    NursingHome,
    /// Legevakt.
    OutOfHours,
    /// Fastlege.
    GeneralPractice,
    /// Sykehus.
    Hospital,
}

impl ServiceKind {
    pub const ALL: [ServiceKind; 5] = [
        ServiceKind::HomeCare,
        ServiceKind::NursingHome,
        ServiceKind::OutOfHours,
        ServiceKind::GeneralPractice,
        ServiceKind::Hospital,
    ];

    /// Its stable public name: the code written and read in FHIR, the host's `service` value,
    /// and the `data-service` attribute.
    pub fn name(self) -> &'static str {
        match self {
            ServiceKind::HomeCare => "home-care",
            ServiceKind::NursingHome => "nursing-home",
            ServiceKind::OutOfHours => "out-of-hours",
            ServiceKind::GeneralPractice => "general-practice",
            ServiceKind::Hospital => "hospital",
        }
    }

    pub fn from_name(name: &str) -> Option<ServiceKind> {
        ServiceKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One source of a set. Every field is optional: a source names what it names, and nothing is
/// filled in by guess.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Provenance {
    /// The organisation or unit that recorded it, as the source names it.
    pub organisation: Option<String>,
    /// The kind of service, when the source codes it.
    pub service: Option<ServiceKind>,
    /// Who took or recorded it.
    pub performer: Option<String>,
    /// Their role (sykepleier, lege, …), when given.
    pub role: Option<String>,
    /// The system it came from (a record system, a device, this widget).
    pub system: Option<String>,
}

impl Provenance {
    /// Says nothing about where the set came from.
    pub fn is_unknown(&self) -> bool {
        *self == Provenance::default()
    }

    /// Which service it names: the organisation, else the kind of service. Sets from one
    /// service share this, whoever took them.
    pub fn service_key(&self) -> Option<ServiceKey> {
        match (&self.organisation, self.service) {
            (Some(organisation), _) => Some(ServiceKey::Organisation(organisation.clone())),
            (None, Some(kind)) => Some(ServiceKey::Kind(kind)),
            (None, None) => None,
        }
    }

    /// Fills what this does not say from `other`: two copies of one Observation, one naming
    /// its performer and the other its system, are one record with both.
    pub fn fill_from(&mut self, other: &Provenance) {
        fn fill<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
        fill(&mut self.organisation, &other.organisation);
        fill(&mut self.service, &other.service);
        fill(&mut self.performer, &other.performer);
        fill(&mut self.role, &other.role);
        fill(&mut self.system, &other.system);
    }

    /// Everything `other` says, this says too (it may say more): two readings of one record,
    /// one with fewer fields.
    fn covers(&self, other: &Provenance) -> bool {
        fn covers<T: PartialEq>(mine: &Option<T>, theirs: &Option<T>) -> bool {
            theirs.is_none() || mine == theirs
        }
        covers(&self.organisation, &other.organisation)
            && covers(&self.service, &other.service)
            && covers(&self.performer, &other.performer)
            && covers(&self.role, &other.role)
            && covers(&self.system, &other.system)
    }
}

/// What tells one service from another in a history: its organisation's name, else the kind
/// of service.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ServiceKey {
    Organisation(String),
    Kind(ServiceKind),
}

/// The distinct sources among `all`, in a fixed order (never by arrival): an unknown one and
/// one that another covers (the same record read with fewer fields) are left out.
pub fn distinct(all: impl IntoIterator<Item = Provenance>) -> Vec<Provenance> {
    let mut known: Vec<Provenance> = all.into_iter().filter(|p| !p.is_unknown()).collect();
    known.sort();
    known.dedup();
    let kept: Vec<Provenance> = known
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            !known
                .iter()
                .enumerate()
                .any(|(j, other)| j != *i && other != *p && other.covers(p))
        })
        .map(|(_, p)| p.clone())
        .collect();
    kept
}
