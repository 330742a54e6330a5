//! The URL rules' cases, run twice: natively against the `url` crate (tests/url_rules.rs) and in
//! the browser against its own parser (tests/url_rules_browser.rs), so the rules hold for the
//! parser that will really resolve the URL.

use news2_widget::fhir::urls::{Planned, UrlParser, UrlRefusal, plan_first, plan_link};

const PAGE: &str = "https://ehr.example/journal/patient.html";
/// A synthetic number from the tax authority's test population: checksum-valid, no one's.
pub const NIN: &str = "13916900281";

/// Issue 11, case 1: where a next link may lead when the source was configured as a relative URL
/// on the EHR's own server.
pub fn next_links_stay_home(parser: &dyn UrlParser) {
    let (home, first) = plan_first(
        parser,
        "/fhir/Observation?subject=Patient/1",
        PAGE,
        None,
        None,
    )
    .expect("a relative source");
    assert_eq!(home.origin(), "https://ehr.example");
    assert_eq!(
        first,
        Planned::Get {
            url: "https://ehr.example/fhir/Observation?subject=Patient/1".into()
        }
    );
    let carried_by = "https://ehr.example/fhir/Observation?subject=Patient/1";
    for hostile in [
        "//other.example/fhir/Observation?page=2",
        "\\\\other.example/fhir/Observation?page=2",
        "/\\other.example/fhir/Observation?page=2",
        "https://other.example/fhir/Observation?page=2",
        "http:other.example/fhir",
        "http://ehr.example/fhir/Observation?page=2",
        "https://ehr.example:8443/fhir/Observation?page=2",
        "https://ehr.example.other.example/fhir",
        "https://ehr.example@other.example/fhir",
        " //other.example/x",
        "\t//other.example/x",
    ] {
        let planned = plan_link(parser, &home, hostile, carried_by, None);
        assert!(
            matches!(
                planned,
                Err(UrlRefusal::OtherOrigin | UrlRefusal::Credentials)
            ),
            "{hostile:?} -> {planned:?}"
        );
    }
    for not_http in [
        "javascript:alert(1)",
        "data:application/json,{}",
        "file:///etc/passwd",
    ] {
        assert_eq!(
            plan_link(parser, &home, not_http, carried_by, None),
            Err(UrlRefusal::NotHttp),
            "{not_http}"
        );
    }
    assert_eq!(
        plan_link(
            parser,
            &home,
            "https://user:pw@ehr.example/fhir",
            carried_by,
            None
        ),
        Err(UrlRefusal::Credentials)
    );
    // The host may configure its own Bundle as a data: URL; a server's link may not be one.
    assert!(plan_first(parser, "data:application/fhir+json,{}", PAGE, None, None).is_ok());
    for refused in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "blob:https://ehr.example/1",
    ] {
        assert_eq!(
            plan_first(parser, refused, PAGE, None, None).map(|_| ()),
            Err(UrlRefusal::NotHttp),
            "{refused}"
        );
    }
}

/// A relative next link is resolved against the page that carried it, not the document.
pub fn relative_links_resolve_against_their_page(parser: &dyn UrlParser) {
    let (home, _) = plan_first(
        parser,
        "https://fhir.example/R4/Observation?x=1",
        PAGE,
        None,
        None,
    )
    .expect("absolute source");
    let carried_by = "https://fhir.example/R4/Observation?x=1";
    let url = |link| {
        plan_link(parser, &home, link, carried_by, None)
            .expect(link)
            .url()
            .to_string()
    };
    assert_eq!(
        url("?x=1&page=2"),
        "https://fhir.example/R4/Observation?x=1&page=2"
    );
    assert_eq!(
        url("Observation?page=2"),
        "https://fhir.example/R4/Observation?page=2"
    );
    assert_eq!(
        url("/R4?_getpages=abc"),
        "https://fhir.example/R4?_getpages=abc"
    );
    assert_eq!(
        url("page2#frag"),
        "https://fhir.example/R4/page2",
        "fragments are never sent"
    );
}

/// Issue 11, case 5: a national identity number never travels in a URL, in any form.
pub fn national_ids_stay_out_of_urls(parser: &dyn UrlParser) {
    let (home, _) = plan_first(
        parser,
        "https://fhir.example/R4/Observation/_search",
        PAGE,
        None,
        None,
    )
    .expect("source");
    let carried_by = "https://fhir.example/R4/Observation/_search";
    // In the query: the same search, as a POST form.
    for link in [
        format!("Observation?patient.identifier=urn:oid:2.16.578.1.12.4.1.4.1|{NIN}&_page=2"),
        format!("Observation?patient.identifier=urn%3Aoid%3A2.16.578.1.12.4.1.4.1%7C{NIN}&p=2"),
        "Observation?identifier=139169%2000281&p=2".to_string(),
        "Observation?identifier=139169+00281&p=2".to_string(),
        "Observation?identifier=139169-00281".to_string(),
        "Observation?identifier=%25313916900281".to_string(),
        "Observation?id=\u{661}\u{663}\u{669}\u{661}\u{666}\u{669}\u{660}\u{660}\u{662}\u{668}\u{661}"
            .to_string(),
    ] {
        let planned = plan_link(parser, &home, &link, carried_by, None).expect(&link);
        let Planned::PostForm { url, form } = &planned else {
            panic!("{link} -> {planned:?}")
        };
        assert_eq!(url, "https://fhir.example/R4/Observation/Observation/_search", "{link}");
        assert!(!form.is_empty(), "{link}");
    }
    // In the path: no body can take its place.
    for link in [
        format!("Patient/{NIN}/Observation"),
        format!("Observation/{NIN}"),
        "Patient/139169%2000281".to_string(),
        "Patient/139169-00281/_history/1".to_string(),
    ] {
        assert_eq!(
            plan_link(parser, &home, &link, carried_by, None),
            Err(UrlRefusal::NationalIdInPath),
            "{link}"
        );
    }
    // The configured number is caught even where its checksum fails (a test number, a typo).
    assert!(matches!(
        plan_link(
            parser,
            &home,
            "Observation?identifier=01130000001&p=2",
            carried_by,
            Some("01130000001")
        ),
        Ok(Planned::PostForm { .. })
    ));
    // Ordinary links stay GETs.
    assert!(matches!(
        plan_link(
            parser,
            &home,
            "Observation?date=ge2026-12-04T10:00:00Z&_count=500",
            carried_by,
            None
        ),
        Ok(Planned::Get { .. })
    ));
    // A source already searched by POST must hold no number in its URL.
    assert_eq!(
        plan_first(
            parser,
            &format!("https://fhir.example/R4/Observation/_search?identifier={NIN}"),
            PAGE,
            Some("patient.identifier=x".into()),
            None
        ),
        Err(UrlRefusal::NationalIdInPath)
    );
}
