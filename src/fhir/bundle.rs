//! One page of FHIR data: a Bundle (searchset, collection, transaction-response) or a single
//! Observation, read into observations, problems and the link to the next page.

use serde_json::Value;

use super::observation::{self, NO_ID, Retracted, SourceObservation};
use super::problem::{Problem, ProblemKind};

/// Pages larger than this are refused whole rather than parsed: no real page of vital signs
/// comes near it, and parsing it could exhaust the browser tab.
pub const MAX_PAGE_BYTES: usize = 32 * 1024 * 1024;

/// What one page held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub observations: Vec<SourceObservation>,
    pub problems: Vec<Problem>,
    /// Observations withdrawn by their source (entered in error, cancelled).
    pub retracted: Vec<Retracted>,
    /// `Bundle.link` with relation `next`.
    pub next: Option<String>,
}

fn malformed(message: String) -> Problem {
    Problem {
        resource: None,
        kind: ProblemKind::Malformed,
        message,
    }
}

/// Reads a page from its bytes. Never fails: whatever cannot be read is a problem in the page.
pub fn read_page(bytes: &[u8]) -> Page {
    if bytes.len() > MAX_PAGE_BYTES {
        return Page {
            problems: vec![malformed(format!(
                "the page is {} MB, more than the {} MB accepted; nothing in it was read",
                bytes.len() / (1024 * 1024),
                MAX_PAGE_BYTES / (1024 * 1024)
            ))],
            ..Page::default()
        };
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(json) => read_value(&json),
        Err(error) => Page {
            problems: vec![malformed(format!("the page is not JSON: {error}"))],
            ..Page::default()
        },
    }
}

/// Reads a page already parsed (a Bundle object handed over by the host, say).
pub fn read_value(json: &Value) -> Page {
    let mut page = Page::default();
    match json["resourceType"].as_str() {
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
    page.next = json["link"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|link| link["relation"].as_str() == Some("next"))
        .and_then(|link| link["url"].as_str())
        .map(str::to_owned);
    let is_response = json["type"].as_str() == Some("transaction-response");
    let Some(entries) = json["entry"].as_array() else {
        if !json["entry"].is_null() {
            page.problems
                .push(malformed("Bundle.entry is not a list".into()));
        }
        return page;
    };
    for (index, entry) in entries.iter().enumerate() {
        let resource = &entry["resource"];
        let full_url = entry["fullUrl"].as_str();
        match resource["resourceType"].as_str() {
            Some("Observation") => {
                let fallback = full_url
                    .map(str::to_owned)
                    .unwrap_or_else(|| format!("{NO_ID} entry {index}"));
                add(&mut page, observation::read(resource, Some(&fallback)));
            }
            Some("OperationOutcome") => {
                let texts: Vec<&str> = resource["issue"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|issue| {
                        issue["diagnostics"]
                            .as_str()
                            .or_else(|| issue["details"]["text"].as_str())
                    })
                    .collect();
                page.problems.push(Problem {
                    resource: None,
                    kind: ProblemKind::ServerMessage,
                    message: format!(
                        "the server says: {}",
                        without_long_numbers(&texts.join("; "))
                    ),
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
    page
}

/// A server's message with every run of 11 or more digits removed: a server may echo the search
/// it was given, and a national identity number (11 digits) must not reach a log or a screen.
fn without_long_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if digits.len() >= 11 {
            out.push_str("[number removed]");
        } else {
            out.push_str(&digits);
        }
        digits.clear();
        out.push(c);
    }
    out.pop();
    out
}

fn add(page: &mut Page, read: observation::Read) {
    page.observations.extend(read.observation);
    page.problems.extend(read.problems);
    page.retracted.extend(read.retracted);
}
