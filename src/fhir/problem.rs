//! Problems met while reading FHIR data: every one is reported, none stops the rest.

/// What kind of problem, for the UI to word and group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// Not JSON, not a Bundle or Observation, or a required element missing or of the wrong type.
    Malformed,
    /// A code that is not a NEWS2 parameter or sub-score.
    UnknownCode,
    /// A value the engine refuses (impossible, wrong or unknown unit, not a number).
    InvalidValue,
    /// Entered in error or cancelled: deliberately not scored.
    NotScored,
    /// A `derivedFrom` reference to an Observation that has not arrived.
    Unresolved,
    /// Different values for one parameter at one moment, or two copies of one Observation
    /// that differ: all are kept, and the more severe value counts.
    Conflict,
    /// The same measurement twice under different ids: counted once.
    Duplicate,
    /// The server reported a problem (an OperationOutcome in the Bundle).
    ServerMessage,
}

/// One problem, with the resource it is about when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Problem {
    /// `Observation/{id}` or the entry's fullUrl. Never a patient identifier.
    pub resource: Option<String>,
    pub kind: ProblemKind,
    /// In English, for integrators' logs and as the detail under a translated heading.
    pub message: String,
}
