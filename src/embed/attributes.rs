//! The `<news2-widget>` attributes, read into the widget's inputs.
//!
//! Plain functions, tested natively. An attribute the widget cannot read falls back to its
//! default (and the widget stays usable) rather than failing: a host's typo must not take the
//! view away from a nurse.

use crate::clinical::observation_set::Scale2Decision;
use crate::clinical::time::Timestamp;
use crate::fhir::client::Source;
use crate::fhir::{datetime, national_id};
use crate::i18n::Language;
use crate::ui::widget::{DataSource, Mode, Variant};

/// The attributes the element observes; a change to any of them updates the widget.
pub const OBSERVED: [&str; 15] = [
    "src",
    "fhir-base",
    "source-kind",
    "patient",
    "lang",
    "mode",
    "variant",
    "demo",
    "now",
    "under-16",
    "pregnant",
    "spo2-scale",
    "spo2-scale-by",
    "spo2-scale-at",
    "spo2-scale-until",
];

/// `nb`, `nn`, `en`, also with a region (`nb-NO`) or as `no`; anything else is bokmål.
pub fn language(value: Option<&str>) -> Language {
    let value = value.unwrap_or_default().trim().to_ascii_lowercase();
    match value.split(['-', '_']).next().unwrap_or_default() {
        "nn" => Language::Nn,
        "en" => Language::En,
        _ => Language::Nb,
    }
}

/// `entry` shows the entry form; anything else is view only.
pub fn mode(value: Option<&str>) -> Mode {
    match value.map(str::trim) {
        Some("entry") => Mode::Entry,
        _ => Mode::View,
    }
}

/// `compact` shows the compact view for patient lists; anything else the full view, so a typo
/// never takes the chart and table away.
pub fn variant(value: Option<&str>) -> Variant {
    let value = value.map(str::trim).unwrap_or_default();
    Variant::ALL
        .into_iter()
        .find(|v| v.name().eq_ignore_ascii_case(value))
        .unwrap_or_default()
}

/// A fixed clock from an RFC 3339 time, honoured only on a page that says it is a demo or a
/// test (`demo`): in a record, a forgotten `now` would freeze "overdue" and "stale data" for
/// good. `None` (the browser's clock) when absent, and an error to report when refused or
/// unreadable.
pub fn now(value: Option<&str>, demo: bool) -> Result<Option<Timestamp>, String> {
    match value {
        None => Ok(None),
        Some(_) if !demo => Err(
            "now: a fixed clock is honoured only on a demo or test page (the demo attribute); \
             the browser's clock is used"
                .into(),
        ),
        Some(text) => datetime::parse(text.trim())
            .map(Some)
            .map_err(|why| format!("now: {why}; the browser's clock is used")),
    }
}

/// Where the data comes from: `fhir-base` with `patient` searches a server, else `src` is a
/// Bundle's URL, else nothing yet.
pub fn source(src: Option<&str>, fhir_base: Option<&str>, patient: Option<&str>) -> DataSource {
    let given = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(String::from);
    match (given(fhir_base), given(patient), given(src)) {
        (Some(base), Some(patient), _) => DataSource::Fhir(Source::Patient { base, patient }),
        (_, _, Some(url)) => DataSource::Fhir(Source::BundleUrl(url)),
        _ => DataSource::None,
    }
}

/// What kind of server `fhir-base` is (`source-kind`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SourceKind {
    /// A FHIR R4 server (the default).
    #[default]
    Fhir,
    /// NHN's Pasientens måledata: searched by POST with the `nationalId` property only, written
    /// as a collection Bundle tagged with the host's municipality number.
    Pmd,
}

impl SourceKind {
    pub const ALL: [SourceKind; 2] = [SourceKind::Fhir, SourceKind::Pmd];

    /// The attribute's value.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Fhir => "fhir",
            SourceKind::Pmd => "pmd",
        }
    }
}

/// `source-kind`: `fhir` (also when absent) or `pmd`. Another value is refused, not taken as
/// either: a PMD source read as a generic server would search by GET and write transactions PMD
/// refuses.
pub fn source_kind(value: Option<&str>) -> Result<SourceKind, String> {
    let Some(value) = value.map(|v| v.trim().to_ascii_lowercase()) else {
        return Ok(SourceKind::Fhir);
    };
    SourceKind::ALL
        .into_iter()
        .find(|kind| kind.name() == value)
        .ok_or_else(|| {
            format!("source-kind: {value:?} is neither \"fhir\" nor \"pmd\"; nothing is loaded")
        })
}

/// The patient's documented Scale 2 decision: `spo2-scale="2"` with who decided
/// (`spo2-scale-by`) and when (`spo2-scale-at`, RFC 3339), and when it ended if it has
/// (`spo2-scale-until`). Without who and when, Scale 1: Scale 2 is never used on an
/// undocumented say-so. A decision withdrawn as a mistake is removed (`spo2-scale` taken away).
pub fn scale_2(
    scale: Option<&str>,
    by: Option<&str>,
    at: Option<&str>,
    until: Option<&str>,
) -> Result<Option<Scale2Decision>, String> {
    match scale.map(str::trim) {
        None | Some("1") => return Ok(None),
        Some("2") => {}
        Some(other) => {
            return Err(format!(
                "spo2-scale: {other:?} is neither 1 nor 2; Scale 1 is used"
            ));
        }
    }
    let refused = |why: &str| format!("spo2-scale=\"2\" {why}; Scale 1 is used");
    let at = at
        .and_then(|at| datetime::parse(at.trim()).ok())
        .ok_or_else(|| refused("needs spo2-scale-at, when it was decided (RFC 3339)"))?;
    let decision = Scale2Decision::new(by.unwrap_or_default(), at)
        .map_err(|why| refused(&format!("needs spo2-scale-by ({why})")))?;
    match until {
        None => Ok(Some(decision)),
        Some(until) => {
            let until = datetime::parse(until.trim())
                .map_err(|why| refused(&format!("has an unreadable spo2-scale-until: {why}")))?;
            decision
                .ending(until)
                .map(Some)
                .map_err(|why| refused(&format!("({why})")))
        }
    }
}

/// An attribute that would put a national identity number into a URL (`patient`, `src`,
/// `fhir-base`): 11 digits in a row anywhere in its value, in any form (grouped, with other
/// scripts' digits, percent-encoded), checksum or not. Strict on purpose: the host controls the
/// value, and the number belongs in the `nationalId` property, which is only ever POSTed.
pub fn holds_national_id(value: Option<&str>) -> bool {
    value.is_some_and(|value| {
        let decoded = percent_encoding::percent_decode_str(value).decode_utf8_lossy();
        national_id::contains_eleven_digits(value) || national_id::contains_eleven_digits(&decoded)
    })
}

/// A boolean attribute: present means true, whatever its value, as in HTML.
pub fn flag(value: Option<&str>) -> bool {
    value.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_accept_regions_and_default_to_bokmal() {
        assert_eq!(language(Some("nn-NO")), Language::Nn);
        assert_eq!(language(Some("EN")), Language::En);
        assert_eq!(language(Some("no")), Language::Nb);
        assert_eq!(language(Some("sv")), Language::Nb);
        assert_eq!(language(None), Language::Nb);
    }

    #[test]
    fn a_patient_on_a_server_wins_over_a_bundle_url() {
        assert_eq!(
            source(
                Some("a.json"),
                Some("https://fhir.example/R4"),
                Some("Patient/1")
            ),
            DataSource::Fhir(Source::Patient {
                base: "https://fhir.example/R4".into(),
                patient: "Patient/1".into()
            })
        );
        assert_eq!(
            source(Some(" a.json "), None, Some("Patient/1")),
            DataSource::Fhir(Source::BundleUrl("a.json".into()))
        );
        assert_eq!(source(Some(""), Some("x"), None), DataSource::None);
    }

    #[test]
    // Issue 11, case 5: the guard reads the whole value, in every form.
    fn a_national_id_is_not_a_patient_reference_nor_in_any_url_attribute() {
        for value in [
            "Patient/13116900216",
            " 13116900216 ",
            "Patient/13116900216/",
            "Patient/13116900216/_history/1",
            "Patient/13116900216#x",
            "Patient?identifier=urn:oid:2.16.578.1.12.4.1.4.1|13116900216",
            "Patient/131169 00216",
            "Patient/131169-00216",
            "Patient/131169%2000216",
            "Patient/%31%33%31%31%36%39%30%30%32%31%36",
            "Patient/\u{661}\u{663}\u{661}\u{661}\u{666}\u{669}\u{660}\u{660}\u{662}\u{661}\u{666}",
            "/fhir/Observation?subject:Patient.identifier=13116900216",
        ] {
            assert!(holds_national_id(Some(value)), "{value}");
        }
        assert!(!holds_national_id(Some("Patient/8f3c2a")));
        assert!(!holds_national_id(Some("Patient/123")));
        assert!(!holds_national_id(Some(
            "https://fhir.example:8443/R4/Observation?_count=500"
        )));
        assert!(!holds_national_id(None));
    }

    #[test]
    fn scale_2_needs_who_and_when() {
        let decision = scale_2(
            Some("2"),
            Some("Dr. Lunde"),
            Some("2026-02-06T06:00:00Z"),
            None,
        )
        .expect("readable")
        .expect("a documented decision");
        assert_eq!(decision.decided_by(), "Dr. Lunde");
        // Refused out loud, never silently Scale 1: the host meant Scale 2.
        for (by, at) in [
            (None, Some("2026-02-06T06:00:00Z")),
            (Some("  "), Some("2026-02-06T06:00:00Z")),
            (Some("Dr. Lunde"), None),
            (Some("Dr. Lunde"), Some("yesterday")),
        ] {
            assert!(scale_2(Some("2"), by, at, None).is_err(), "{by:?} {at:?}");
        }
        assert!(scale_2(Some("3"), Some("Dr. Lunde"), None, None).is_err());
        assert_eq!(
            scale_2(
                Some("1"),
                Some("Dr. Lunde"),
                Some("2026-02-06T06:00:00Z"),
                None
            ),
            Ok(None)
        );
        assert_eq!(scale_2(None, None, None, None), Ok(None));
    }

    #[test]
    fn a_scale_2_decision_can_end() {
        let at = Some("2026-02-06T06:00:00Z");
        let ended = scale_2(
            Some("2"),
            Some("Dr. Lunde"),
            at,
            Some("2026-02-08T06:00:00Z"),
        )
        .expect("readable")
        .expect("a decision");
        assert_eq!(
            ended.ends_at(),
            Some(Timestamp::from_millis(1_770_530_400_000))
        );
        assert!(ended.covers(Timestamp::from_millis(1_770_400_000_000)));
        assert!(!ended.covers(Timestamp::from_millis(1_770_530_400_000)));
        for until in ["2026-02-05T06:00:00Z", "soon"] {
            assert!(
                scale_2(Some("2"), Some("Dr. Lunde"), at, Some(until)).is_err(),
                "{until}"
            );
        }
    }

    // Issue 10, case 7: `now` freezes the clock only where the host says it is a demo.
    #[test]
    fn a_fixed_clock_only_on_a_demo_page_and_an_unreadable_one_falls_back() {
        assert_eq!(
            now(Some("2026-11-26T10:00:00Z"), true),
            Ok(Some(Timestamp::from_millis(1_795_687_200_000)))
        );
        let refused = now(Some("2026-11-26T10:00:00Z"), false).unwrap_err();
        assert!(refused.contains("only on a demo or test page"), "{refused}");
        assert!(now(Some("tomorrow"), true).is_err());
        assert_eq!(now(None, false), Ok(None));
        assert_eq!(mode(Some("entry")), Mode::Entry);
        assert_eq!(mode(Some("edit")), Mode::View);
    }
}
