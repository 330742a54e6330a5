//! One page of FHIR data: a Bundle (searchset, collection, transaction-response) or a single
//! Observation, read into observations, problems and the link to the next page; or, when the
//! answer is not data at all (a login page, a "session expired" OperationOutcome, another
//! resource), why not, so that it is never shown as "no sets".
//!
//! The page is read entry by entry: its bytes are scanned once for the Bundle's outline, and
//! each entry is parsed on its own, so one unreadable entry (a number like `1e400`) is one named
//! problem, not a lost page, and memory stays near the size of the page itself.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::json::{Member, Value};

use super::communication;
use super::national_id;
use super::observation::{self, NO_ID, Retracted, SourceObservation};
use super::problem::{Problem, ProblemKind};
use crate::clinical::response::RecordedResponse;

/// Pages larger than this are refused whole rather than parsed: the widget asks for 500 entries
/// a page (about 2 MB), a server that ignores the page size sends a year of 4-hourly sets in
/// about 9 MB, and a widget must not exhaust a tab that holds several.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// Entries read from one page at most: a year of 4-hourly sets, each a total and seven vital
/// signs, is 17,520.
pub const MAX_PAGE_ENTRIES: usize = 40_000;

/// Fewer bytes than an Observation with a code, a time and a value takes in JSON: room is
/// reserved for no more Observations than a page's bytes can hold.
const MIN_OBSERVATION_BYTES: usize = 128;

/// What one page held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub observations: Vec<SourceObservation>,
    pub problems: Vec<Problem>,
    /// Observations withdrawn by their source (entered in error, cancelled).
    pub retracted: Vec<Retracted>,
    /// `Bundle.link` with relation `next`.
    pub next: Option<String>,
    /// Escalation responses (`Communication`s) the page carries.
    pub responses: Vec<RecordedResponse>,
}

/// What a request expects its answer to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A search: a Bundle of type `searchset`, and nothing else.
    SearchSet,
    /// A Bundle's URL: any Bundle, or a single Observation.
    BundleOrObservation,
}

/// Why an answer is not data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotDataKind {
    /// Not JSON (or cut short).
    NotJson,
    /// A web page (HTML): a login page in front of the server, as a rule.
    WebPage,
    /// An OperationOutcome saying the session or the credentials are no longer valid.
    SessionEnded,
    /// An OperationOutcome with another message.
    ServerMessage,
    /// JSON that is not FHIR, another resource, or a Bundle of the wrong type.
    NotExpected,
    /// Larger than the widget reads.
    TooLarge,
}

/// An answer that is not data, with an English detail for support (no identifier in it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotData {
    pub kind: NotDataKind,
    pub message: String,
}

fn not_data(kind: NotDataKind, message: impl Into<String>) -> NotData {
    NotData {
        kind,
        message: message.into(),
    }
}

fn malformed(message: String) -> Problem {
    Problem {
        resource: None,
        kind: ProblemKind::Malformed,
        message,
    }
}

/// The outline of a FHIR resource: what decides how the rest is read. Every other element is
/// skipped without being parsed.
#[derive(Deserialize)]
struct Outline<'a> {
    #[serde(rename = "resourceType")]
    resource_type: Option<String>,
    #[serde(rename = "type")]
    bundle_type: Option<String>,
    #[serde(borrow)]
    link: Option<&'a RawValue>,
    #[serde(borrow)]
    entry: Option<EntryList<'a>>,
}

/// `Bundle.entry`, found in the same pass as the rest of the outline: each entry's text, to be
/// parsed on its own; when there are more than [`MAX_PAGE_ENTRIES`], only how many (a page of
/// millions of tiny entries is counted, never held); or, when it is not a list, only that.
enum EntryList<'a> {
    Entries(Vec<&'a RawValue>),
    TooMany(usize),
    NotAList,
}

impl<'de: 'a, 'a> Deserialize<'de> for EntryList<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Entries<'a> {
            type Value = EntryList<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("Bundle.entry")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = seq.next_element::<&'a RawValue>()? {
                    entries.push(entry);
                    if entries.len() > MAX_PAGE_ENTRIES {
                        let mut count = entries.len();
                        drop(entries);
                        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                            count += 1;
                        }
                        return Ok(EntryList::TooMany(count));
                    }
                }
                Ok(EntryList::Entries(entries))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(EntryList::NotAList)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(EntryList::NotAList)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(EntryList::NotAList)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(EntryList::NotAList)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(EntryList::NotAList)
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(EntryList::NotAList)
            }
        }
        deserializer.deserialize_any(Entries(std::marker::PhantomData))
    }
}

/// Enough of an entry to name it when the rest cannot be read.
#[derive(Deserialize)]
struct EntryName {
    #[serde(rename = "fullUrl")]
    full_url: Option<String>,
    resource: Option<ResourceName>,
}

#[derive(Deserialize)]
struct ResourceName {
    #[serde(rename = "resourceType")]
    resource_type: Option<String>,
    id: Option<String>,
}

/// Reads an answer from its bytes: a page of data, or why it is not one.
pub fn read_answer(bytes: &[u8], expect: Expect) -> Result<Page, NotData> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(not_data(
            NotDataKind::TooLarge,
            format!(
                "the page is {} MB, more than the {} MB accepted; nothing in it was read",
                bytes.len() / (1024 * 1024),
                MAX_PAGE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let text = String::from_utf8_lossy(bytes);
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with('<') {
        return Err(not_data(
            NotDataKind::WebPage,
            "the answer is a web page, not FHIR data: most likely a login page, so the session \
             has probably ended",
        ));
    }
    let outline: Outline<'_> = serde_json::from_str(start).map_err(|error| {
        if error.is_data() {
            not_data(
                NotDataKind::NotExpected,
                "the JSON has no resourceType: not FHIR",
            )
        } else {
            not_data(
                NotDataKind::NotJson,
                format!("the page is not JSON: {error}"),
            )
        }
    })?;
    match (outline.resource_type.as_deref(), expect) {
        (Some("Bundle"), _) => {}
        (Some("Observation"), Expect::BundleOrObservation) => {
            let json: Value = serde_json::from_str(start).map_err(|error| {
                not_data(
                    NotDataKind::NotJson,
                    format!("the page is not JSON: {error}"),
                )
            })?;
            let mut page = Page::default();
            add(&mut page, observation::read(&json, None));
            return Ok(page);
        }
        (Some("OperationOutcome"), _) => {
            let json: Value = serde_json::from_str(start).unwrap_or(Value::Null);
            return Err(outcome(&json));
        }
        (Some(other), Expect::SearchSet) => {
            return Err(not_data(
                NotDataKind::NotExpected,
                format!("expected a searchset Bundle, got a {other}"),
            ));
        }
        (Some(other), Expect::BundleOrObservation) => {
            return Err(not_data(
                NotDataKind::NotExpected,
                format!("expected a Bundle or an Observation, got a {other}"),
            ));
        }
        (None, _) => {
            return Err(not_data(
                NotDataKind::NotExpected,
                "the JSON has no resourceType: not FHIR",
            ));
        }
    }
    let bundle_type = outline.bundle_type.as_deref();
    if expect == Expect::SearchSet && bundle_type != Some("searchset") {
        return Err(not_data(
            NotDataKind::NotExpected,
            format!(
                "expected a searchset Bundle, got a Bundle of type {}",
                bundle_type.unwrap_or("(none)")
            ),
        ));
    }
    let mut page = Page {
        next: outline
            .link
            .and_then(|raw| serde_json::from_str::<Value>(raw.get()).ok())
            .as_ref()
            .and_then(next_link),
        ..Page::default()
    };
    let entries = match outline.entry {
        None => return Ok(page),
        Some(EntryList::NotAList) => {
            page.problems
                .push(malformed("Bundle.entry is not a list".into()));
            return Ok(page);
        }
        Some(EntryList::TooMany(count)) => {
            return Err(not_data(
                NotDataKind::TooLarge,
                format!(
                    "the page has {count} entries, more than the {MAX_PAGE_ENTRIES} accepted; \
                     nothing in it was read"
                ),
            ));
        }
        Some(EntryList::Entries(entries)) => entries,
    };
    let is_response = bundle_type == Some("transaction-response");
    // As a rule one Observation an entry: room for them at once, not by doubling; an entry that
    // holds an Observation takes a few hundred bytes, so a page of empty entries reserves little.
    page.observations
        .reserve(entries.len().min(start.len() / MIN_OBSERVATION_BYTES));
    for (index, raw) in entries.iter().enumerate() {
        match serde_json::from_str::<Value>(raw.get()) {
            Ok(entry) => read_entry(&mut page, index, &entry, is_response),
            Err(error) => page.problems.push(unreadable_entry(index, raw, &error)),
        }
    }
    Ok(page)
}

/// An entry whose JSON is valid but whose values cannot be read (a number beyond any float):
/// named by its id or fullUrl, so it is not lost in silence.
fn unreadable_entry(index: usize, raw: &RawValue, error: &serde_json::Error) -> Problem {
    let name = serde_json::from_str::<EntryName>(raw.get()).ok();
    let resource = name.as_ref().and_then(|name| {
        let id = name.resource.as_ref().and_then(|r| {
            Some(format!(
                "{}/{}",
                r.resource_type.as_deref()?,
                r.id.as_deref()?
            ))
        });
        id.or_else(|| name.full_url.clone())
    });
    Problem {
        resource,
        kind: ProblemKind::Malformed,
        message: format!("entry {index} could not be read ({error}); not used"),
    }
}

/// Reads a page from its bytes, whatever it is: an answer that is not data becomes the page's
/// one problem. For reading files and tests; the client tells the two apart.
pub fn read_page(bytes: &[u8]) -> Page {
    read_answer(bytes, Expect::BundleOrObservation).unwrap_or_else(|not| Page {
        problems: vec![malformed(not.message)],
        ..Page::default()
    })
}

/// Reads a page already parsed (a Bundle object handed over by the host, say), as its text
/// would be read.
pub fn read_value(json: &serde_json::Value) -> Page {
    let text = json.to_string();
    match serde_json::from_str::<Value>(&text) {
        Ok(document) => read_document(&document),
        // A serde_json tree always writes JSON that reads back; said, should it ever not.
        Err(error) => Page {
            problems: vec![malformed(format!("the Bundle could not be read ({error})"))],
            ..Page::default()
        },
    }
}

fn read_document(json: &Value) -> Page {
    let mut page = Page::default();
    match json.member("resourceType").as_str() {
        Some("Bundle") => {}
        Some("Observation") => {
            add(&mut page, observation::read(json, None));
            return page;
        }
        Some(other) => {
            page.problems.push(malformed(format!(
                "expected a Bundle or an Observation, got a {other}"
            )));
            return page;
        }
        None => {
            page.problems
                .push(malformed("the JSON has no resourceType: not FHIR".into()));
            return page;
        }
    }
    page.next = next_link(json.member("link"));
    let is_response = json.member("type").as_str() == Some("transaction-response");
    let Some(entries) = json.member("entry").as_array() else {
        if !json.member("entry").is_null() {
            page.problems
                .push(malformed("Bundle.entry is not a list".into()));
        }
        return page;
    };
    if entries.len() > MAX_PAGE_ENTRIES {
        page.problems.push(malformed(format!(
            "the Bundle has {} entries, more than the {MAX_PAGE_ENTRIES} accepted; nothing in \
             it was read",
            entries.len()
        )));
        return page;
    }
    for (index, entry) in entries.iter().enumerate() {
        read_entry(&mut page, index, entry, is_response);
    }
    page
}

fn next_link(links: &Value) -> Option<String> {
    links
        .as_array()
        .into_iter()
        .flatten()
        .find(|link| link.member("relation").as_str() == Some("next"))
        .and_then(|link| link.member("url").as_str())
        .map(str::to_owned)
}

/// The FHIR issue types that mean the credentials or the session no longer hold.
const SESSION_ISSUES: [&str; 6] = [
    "security",
    "login",
    "unknown",
    "expired",
    "forbidden",
    "suppressed",
];

/// A whole answer that is an OperationOutcome: the session has ended, or another message.
fn outcome(json: &Value) -> NotData {
    let issues = json.member("issue").as_array().unwrap_or_default();
    let texts = outcome_texts(issues);
    let session = issues.iter().any(|issue| {
        issue
            .member("code")
            .as_str()
            .is_some_and(|c| SESSION_ISSUES.contains(&c))
    }) || {
        let lower = texts.to_lowercase();
        [
            "session",
            "sesjon",
            "token",
            "expired",
            "utløpt",
            "login",
            "logg inn",
            "innlogging",
        ]
        .iter()
        .any(|word| lower.contains(word))
    };
    if session {
        not_data(
            NotDataKind::SessionEnded,
            format!("the server says the session or the credentials are no longer valid: {texts}"),
        )
    } else {
        not_data(
            NotDataKind::ServerMessage,
            format!("the server answered with a message instead of data: {texts}"),
        )
    }
}

/// An OperationOutcome's messages, without any long number it may echo.
fn outcome_texts(issues: &[Value]) -> String {
    let texts: Vec<&str> = issues
        .iter()
        .filter_map(|issue| {
            issue
                .member("diagnostics")
                .as_str()
                .or_else(|| issue.member("details").member("text").as_str())
        })
        .collect();
    // Redacted whole before it is cut (a cut through a number would leave digits the redaction
    // no longer recognises); then long enough for support, short enough for a screen.
    national_id::redact(&texts.join("; "))
        .chars()
        .take(500)
        .collect()
}

fn read_entry(page: &mut Page, index: usize, entry: &Value, is_response: bool) {
    let resource = entry.member("resource");
    let full_url = entry.member("fullUrl").as_str();
    match resource.member("resourceType").as_str() {
        Some("Observation") => {
            let fallback = full_url
                .map(str::to_owned)
                .unwrap_or_else(|| format!("{NO_ID} entry {index}"));
            add(page, observation::read(resource, Some(&fallback)));
        }
        Some("Communication") => match communication::read(&serde_json::Value::from(resource)) {
            Ok(response) => page.responses.push(response),
            Err(why) => page.problems.push(Problem {
                resource: full_url.map(str::to_owned),
                kind: ProblemKind::NotScored,
                message: format!("entry {index} is a Communication not taken as a response: {why}"),
            }),
        },
        Some("OperationOutcome") => {
            let issues = resource.member("issue").as_array().unwrap_or_default();
            page.problems.push(Problem {
                resource: None,
                kind: ProblemKind::ServerMessage,
                message: format!("the server says: {}", outcome_texts(issues)),
            });
        }
        // Resources a search includes for context (the patient, who recorded, where): they
        // hold no vital sign, so nothing is lost and a nurse need not be told of them.
        Some(
            "Patient" | "Practitioner" | "PractitionerRole" | "Organization" | "Device"
            | "Encounter" | "Location" | "Provenance",
        ) => {}
        // A transaction response may answer with locations only; nothing is lost.
        None if is_response => {}
        None => page
            .problems
            .push(malformed(format!("entry {index} has no resource"))),
        Some(other) => page.problems.push(Problem {
            resource: full_url.map(str::to_owned),
            kind: ProblemKind::UnknownCode,
            message: format!("entry {index} is a {other}, not an Observation; not used"),
        }),
    }
}

fn add(page: &mut Page, read: observation::Read) {
    if let Some(mut observation) = read.observation {
        // The Observations of a set come together and name the same source: one copy of it.
        if let Some(previous) = page.observations.last()
            && previous.provenance == observation.provenance
        {
            observation.provenance = previous.provenance.clone();
        }
        page.observations.push(observation);
    }
    page.problems.extend(read.problems);
    page.retracted.extend(read.retracted);
}
