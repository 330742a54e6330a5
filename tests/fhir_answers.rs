//! Issue 11, case 3: what an answer is before it is data. A search answered with a login page,
//! a "session expired" OperationOutcome, JSON that is not FHIR or another resource is an error
//! of a kind the host can act on, never an empty page ("no sets"); one unreadable value loses
//! one named Observation, not the page.
#![cfg(not(target_arch = "wasm32"))]

use news2_widget::fhir::bundle::{Expect, MAX_PAGE_ENTRIES, NotDataKind, read_answer};
use news2_widget::fhir::problem::ProblemKind;
use serde_json::json;

fn kind(bytes: &[u8], expect: Expect) -> NotDataKind {
    match read_answer(bytes, expect) {
        Err(not) => not.kind,
        Ok(page) => panic!("read as data: {page:?}"),
    }
}

fn pulse(id: &str, value: &str) -> String {
    format!(
        r#"{{"fullUrl": "https://fhir.example/Observation/{id}", "resource": {{"resourceType": "Observation", "id": "{id}", "status": "final",
        "code": {{"coding": [{{"system": "http://loinc.org", "code": "8867-4"}}]}},
        "effectiveDateTime": "2026-12-04T10:00:00Z",
        "valueQuantity": {{"value": {value}, "system": "http://unitsofmeasure.org", "code": "/min"}}}}}}"#
    )
}

#[test]
fn a_login_page_or_an_ended_session_is_an_auth_matter() {
    let login = b"\xef\xbb\xbf\n  <!DOCTYPE html><html><body><form action=/login>Logg inn</form></body></html>";
    assert_eq!(kind(login, Expect::SearchSet), NotDataKind::WebPage);
    for outcome in [
        json!({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "login", "diagnostics": "Please sign in"}]}),
        json!({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "expired"}]}),
        json!({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "processing", "diagnostics": "Session expired"}]}),
        json!({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "exception", "details": {"text": "Sesjonen er utløpt"}}]}),
    ] {
        assert_eq!(
            kind(outcome.to_string().as_bytes(), Expect::SearchSet),
            NotDataKind::SessionEnded,
            "{outcome}"
        );
    }
    let other = json!({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "too-costly",
        "diagnostics": "Too many results for 131169 00216"}]});
    let Err(not) = read_answer(other.to_string().as_bytes(), Expect::SearchSet) else {
        panic!("read as data")
    };
    assert_eq!(not.kind, NotDataKind::ServerMessage);
    assert!(
        not.message.contains("[number removed]") && !not.message.contains("00216"),
        "{}",
        not.message
    );
}

#[test]
fn json_that_is_not_the_expected_fhir_is_not_data() {
    for (bytes, expect) in [
        (
            &b"{\"status\": \"ok\", \"items\": []}"[..],
            Expect::SearchSet,
        ),
        (b"[1, 2]", Expect::SearchSet),
        (b"null", Expect::BundleOrObservation),
        (
            b"{\"resourceType\": \"Patient\", \"id\": \"1\"}",
            Expect::SearchSet,
        ),
        (
            b"{\"resourceType\": \"Patient\", \"id\": \"1\"}",
            Expect::BundleOrObservation,
        ),
        (
            b"{\"resourceType\": \"Observation\", \"id\": \"1\"}",
            Expect::SearchSet,
        ),
        (
            b"{\"resourceType\": \"Bundle\", \"type\": \"collection\"}",
            Expect::SearchSet,
        ),
        (b"{\"resourceType\": \"Bundle\"}", Expect::SearchSet),
    ] {
        assert_eq!(
            kind(bytes, expect),
            NotDataKind::NotExpected,
            "{}",
            String::from_utf8_lossy(bytes)
        );
    }
    assert_eq!(
        kind(b"{\"resourceType\": \"Bundle\", ", Expect::SearchSet),
        NotDataKind::NotJson
    );
    // What a Bundle URL may be.
    let collection = b"{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": []}";
    assert!(read_answer(collection, Expect::BundleOrObservation).is_ok());
    // An empty search is data: "no sets" is true there.
    let empty = b"{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"total\": 0}";
    assert_eq!(
        read_answer(empty, Expect::SearchSet).map(|p| p.observations.len()),
        Ok(0)
    );
}

#[test]
fn one_unreadable_number_loses_one_named_observation() {
    let page = format!(
        r#"{{"resourceType": "Bundle", "type": "searchset", "entry": [{}, {}, {}]}}"#,
        pulse("a", "72"),
        pulse("b", "1e400"),
        pulse("c", "80")
    );
    let page = read_answer(page.as_bytes(), Expect::SearchSet).expect("the page is read");
    let keys: Vec<&str> = page.observations.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(keys, ["Observation/a", "Observation/c"]);
    assert_eq!(page.problems.len(), 1, "{:?}", page.problems);
    let problem = &page.problems[0];
    assert_eq!(
        (problem.kind, problem.resource.as_deref()),
        (ProblemKind::Malformed, Some("Observation/b"))
    );
    assert!(
        problem.message.starts_with("entry 1 could not be read"),
        "{}",
        problem.message
    );
}

#[test]
fn a_page_beyond_the_budget_is_refused_whole_and_says_so() {
    let entry = r#"{"resource": {"resourceType": "Patient"}}"#;
    let entries = vec![entry; MAX_PAGE_ENTRIES + 1].join(",");
    let page =
        format!(r#"{{"resourceType": "Bundle", "type": "searchset", "entry": [{entries}]}}"#);
    let Err(not) = read_answer(page.as_bytes(), Expect::SearchSet) else {
        panic!("read")
    };
    assert_eq!(not.kind, NotDataKind::TooLarge);
    assert!(not.message.contains("40000 accepted"), "{}", not.message);
}

/// Review of issue 15: a page of millions of tiny entries (`0,0,0,…`, 16 MB) is counted and
/// refused; the entries past the budget are skipped, never collected (8 million of them took
/// 134 MB natively before), and the count said is the page's own.
#[test]
fn millions_of_tiny_entries_are_counted_and_refused_not_collected() {
    let count = 2_000_000;
    let entries = vec!["0"; count].join(",");
    let page =
        format!(r#"{{"resourceType": "Bundle", "type": "searchset", "entry": [{entries}]}}"#);
    let Err(not) = read_answer(page.as_bytes(), Expect::SearchSet) else {
        panic!("read")
    };
    assert_eq!(not.kind, NotDataKind::TooLarge);
    assert!(
        not.message
            .starts_with(&format!("the page has {count} entries")),
        "{}",
        not.message
    );
}

/// Review of issue 11: a server message is redacted before it is cut to screen length, so a
/// number straddling the cut leaves no digits of it.
#[test]
fn a_number_across_the_cut_of_a_long_message_is_removed_whole() {
    let diagnostics = format!("{} 13116900216 and more", "x".repeat(494));
    let outcome = json!({"resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": "too-costly", "diagnostics": diagnostics}]});
    let Err(not) = read_answer(outcome.to_string().as_bytes(), Expect::SearchSet) else {
        panic!("read as data")
    };
    assert!(
        !not.message.chars().any(|c| c.is_ascii_digit()),
        "{}",
        not.message
    );
}
