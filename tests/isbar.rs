//! The ISBAR summary as plain data: what it says for each kind of banner, for incomplete,
//! stale, Scale 2, disagreeing and provenance cases, and that it never says more than the data.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Vitals, history, minutes};
use news2_widget::clinical::escalation::texts::ResponseRow;
use news2_widget::clinical::escalation::{
    Basis, DataStatus, Level, PatientContext, Settings, decide,
};
use news2_widget::clinical::isbar::{
    AssessedScore, Caveat, Change, Flag, Identification, IncompleteRun, Isbar, ScaleInForce, Scope,
    TotalAt,
};
use news2_widget::clinical::observation_set::{
    History, ObservationSet, Scale2Decision, Spo2ScaleBasis, StatedScore,
};
use news2_widget::clinical::provenance::{Provenance, ServiceKind};
use news2_widget::clinical::set_values::MeasuredValue;
use news2_widget::clinical::{ClinicalRisk, Parameter, SubScore};

fn isbar_with(sets: Vec<ObservationSet>, now_minutes: i64, settings: &Settings) -> Isbar {
    let history: History = history(sets);
    let now = minutes(now_minutes);
    let decision = decide(&history, now, settings);
    Isbar::of(history.as_of(now), &decision, Identification::default())
}

fn isbar(sets: Vec<ObservationSet>, now_minutes: i64) -> Isbar {
    isbar_with(sets, now_minutes, &Settings::default())
}

fn at(total: u8, risk: ClinicalRisk, m: i64) -> TotalAt {
    TotalAt {
        total,
        risk,
        at: minutes(m),
    }
}

/// Guards S for a high score: the band stands on the newest complete set, and says how the
/// totals came to it (the previous total, and since when the band has held).
#[test]
fn a_high_score_says_since_when_and_what_it_was_before() {
    let summary = isbar(
        vec![
            Vitals::total(2).at(0),
            Vitals::total(3).at(4 * 60),
            Vitals::total(7).at(5 * 60),
            Vitals::total(7).at(6 * 60),
        ],
        6 * 60 + 5,
    );
    assert_eq!(summary.situation.level, Level::High);
    let standing = summary.situation.standing.as_ref().unwrap();
    assert_eq!(standing.band, ClinicalRisk::High);
    assert_eq!(standing.at, minutes(6 * 60));
    assert_eq!(
        summary.situation.change,
        Some(Change {
            previous: Some(at(7, ClinicalRisk::High, 5 * 60)),
            band_since: minutes(5 * 60),
        })
    );
    assert_eq!(summary.recommendation, Some(ResponseRow::High));
    let window = summary.background.last_24_hours.unwrap();
    assert_eq!((window.sets, window.complete), (4, 4));
    assert_eq!(window.lowest, Some(at(2, ClinicalRisk::Low, 0)));
    assert_eq!(window.highest, Some(at(7, ClinicalRisk::High, 5 * 60)));
    assert!(summary.caveats.is_empty(), "{:?}", summary.caveats);
}

/// Guards the red parameter: a single 3 is named in S, and A gives its raw value and sub-score.
#[test]
fn a_single_red_parameter_is_named_with_its_value_and_sub_score() {
    let summary = isbar(vec![Vitals::total(0).at(0), Vitals::red().at(60)], 65);
    assert_eq!(summary.situation.level, Level::LowMedium);
    let standing = summary.situation.standing.unwrap();
    assert_eq!(
        standing.basis,
        Basis::Computed {
            total: 3,
            red: vec![Parameter::RespiratoryRate]
        }
    );
    assert_eq!(
        summary.situation.change.unwrap().previous,
        Some(at(0, ClinicalRisk::Low, 0))
    );
    let assessment = summary.assessment.unwrap();
    let rr = &assessment.parameters[0];
    assert_eq!(rr.parameter, Parameter::RespiratoryRate);
    assert_eq!(rr.sub_score, Some(SubScore::THREE));
    match rr.value {
        Some(MeasuredValue::Reading(reading)) => assert_eq!(reading.raw().to_string(), "26"),
        other => panic!("respiration rate {other:?}"),
    }
    assert_eq!(
        assessment.score,
        AssessedScore::Complete {
            total: 3,
            risk: ClinicalRisk::LowMedium
        }
    );
    assert_eq!(summary.recommendation, Some(ResponseRow::LowMedium));
}

/// Guards A's completeness: all seven parameters, in Chart 1 order, measured or not.
#[test]
fn every_parameter_is_in_the_assessment_in_chart_1_order() {
    let summary = isbar(vec![Vitals::total(1).without_pulse().at(0)], 5);
    let parameters: Vec<Parameter> = summary
        .assessment
        .as_ref()
        .unwrap()
        .parameters
        .iter()
        .map(|line| line.parameter)
        .collect();
    assert_eq!(parameters, Parameter::ALL.to_vec());
    let pulse = &summary.assessment.unwrap().parameters[4];
    assert_eq!((pulse.value, pulse.sub_score), (None, None));
}

/// Guards the partial sum: an incomplete newest set has no NEWS2 in A (what is missing, and the
/// band already certain), S stands on what the banner stands on, and the summary says it is
/// incomplete.
#[test]
fn an_incomplete_newest_set_is_never_given_a_total() {
    let summary = isbar(
        vec![
            Vitals::total(1).at(0),
            Vitals::red().without_temperature().at(60),
        ],
        65,
    );
    assert_eq!(
        summary.assessment.as_ref().unwrap().score,
        AssessedScore::Incomplete {
            missing: vec![Parameter::Temperature],
            at_least: Some(ClinicalRisk::LowMedium),
        }
    );
    assert!(summary.caveats.contains(&Caveat::Incomplete));
    // The band in force is the certain one, from the incomplete set: no "since" is told from
    // a set without a total.
    let standing = summary.situation.standing.unwrap();
    assert_eq!(standing.band, ClinicalRisk::LowMedium);
    assert_eq!(summary.situation.change, None);
    assert_eq!(
        summary.background.incomplete,
        Some(IncompleteRun::AfterComplete(1))
    );
}

/// Guards stale data: a summary over data that may be out of date says so.
#[test]
fn stale_data_is_a_caveat() {
    let settings = Settings {
        data: Some(DataStatus::Unreachable {
            last_refreshed: Some(minutes(0)),
        }),
        ..Settings::default()
    };
    let summary = isbar_with(vec![Vitals::total(5).at(0)], 10, &settings);
    assert!(
        summary.caveats.contains(&Caveat::StaleData),
        "{:?}",
        summary.caveats
    );
    assert_eq!(summary.recommendation, Some(ResponseRow::Medium));
}

/// Guards the overdue set: a medium score whose hourly set is overdue says so.
#[test]
fn an_overdue_set_is_a_caveat() {
    let summary = isbar(vec![Vitals::total(5).at(0)], 2 * 60);
    assert!(
        summary.caveats.contains(&Caveat::Overdue),
        "{:?}",
        summary.caveats
    );
}

/// Guards the empty history: no band, no assessment, no default response, and it says there
/// are no sets.
#[test]
fn no_sets_says_so_and_recommends_nothing() {
    let summary = isbar(Vec::new(), 0);
    assert_eq!(summary.situation.standing, None);
    assert_eq!(summary.assessment, None);
    assert_eq!(summary.recommendation, None);
    assert_eq!(summary.background.last_24_hours, None);
    assert_eq!(summary.caveats, vec![Caveat::NoSets]);
}

/// Guards sets dated in the future: left out of every part and said.
#[test]
fn a_future_dated_set_is_left_out_and_said() {
    let summary = isbar(
        vec![Vitals::total(1).at(0), Vitals::total(7).at(3 * 60)],
        10,
    );
    assert!(
        summary.caveats.contains(&Caveat::FutureDated),
        "{:?}",
        summary.caveats
    );
    assert_eq!(summary.assessment.unwrap().at, minutes(0));
    assert_eq!(summary.background.last_24_hours.unwrap().sets, 1);
}

/// Guards the 24 hours of B: sets older than 24 hours before the newest are not in it.
#[test]
fn the_window_is_the_24_hours_up_to_the_newest_set() {
    let summary = isbar(
        vec![
            Vitals::total(7).at(0),
            Vitals::total(1).at(25 * 60),
            Vitals::total(4).at(26 * 60),
        ],
        26 * 60 + 5,
    );
    let window = summary.background.last_24_hours.unwrap();
    assert_eq!((window.sets, window.complete), (2, 2));
    assert_eq!(window.highest, Some(at(4, ClinicalRisk::Low, 26 * 60)));
}

/// Guards Scale 2: B says who decided it and when.
#[test]
fn a_scale_2_decision_names_who_and_when() {
    let decision = Scale2Decision::new("Dr. Lege", minutes(0)).unwrap();
    let set = ObservationSet::new(
        minutes(30),
        Vitals::baseline().spo2("89").0,
        Spo2ScaleBasis::PatientDecision(decision),
    );
    let summary = isbar(vec![set], 35);
    assert_eq!(
        summary.background.spo2_scale,
        ScaleInForce::Scale2Decided {
            by: "Dr. Lege".into(),
            at: minutes(0)
        }
    );
    let spo2 = &summary.assessment.unwrap().parameters[1];
    assert_eq!(spo2.sub_score, Some(SubScore::ZERO));
}

/// Guards the source's word: a stated sub-score and total that differ from the values are
/// carried beside the value, and a sub-score stated without a value is marked as the source's.
#[test]
fn a_disagreeing_or_source_only_score_is_flagged_beside_its_parameter() {
    let mut set = Vitals::total(1).without_temperature().at(0);
    let mut stated = StatedScore {
        total: Some(4),
        ..StatedScore::default()
    };
    stated.sub_scores.pulse = Some(SubScore::THREE);
    stated.sub_scores.temperature = Some(SubScore::ONE);
    set.stated = Some(stated);
    let summary = isbar(vec![set], 5);
    let assessment = summary.assessment.unwrap();
    assert!(
        assessment.parameters[4].flags.contains(&Flag::Disagrees {
            stated: 3,
            computed: 1
        }),
        "{:?}",
        assessment.parameters[4]
    );
    assert!(
        assessment.parameters[6]
            .flags
            .contains(&Flag::SourceOnly(SubScore::ONE)),
        "{:?}",
        assessment.parameters[6]
    );
}

/// Guards a value to verify: flagged beside it, not dropped.
#[test]
fn a_value_to_verify_is_flagged() {
    let summary = isbar(vec![Vitals::baseline().temperature("43.5").at(0)], 5);
    let temperature = &summary.assessment.unwrap().parameters[6];
    assert!(temperature.flags.contains(&Flag::Verify), "{temperature:?}");
}

/// Guards provenance: A says who and which service recorded the newest set, as the source says.
#[test]
fn the_recording_service_is_carried() {
    let mut set = Vitals::total(2).at(0);
    set.details.provenance = vec![Provenance {
        organisation: Some("Hjemmetjenesten Sentrum".into()),
        service: Some(ServiceKind::HomeCare),
        performer: Some("<b>Kari</b>".into()),
        ..Provenance::default()
    }];
    let summary = isbar(vec![set], 5);
    let recorded = &summary.assessment.unwrap().recorded_by;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].service, Some(ServiceKind::HomeCare));
    // Text is carried as it came, to be shown as text.
    assert_eq!(recorded[0].performer.as_deref(), Some("<b>Kari</b>"));
}

/// Guards scope: NEWS2 not validated for this patient is in B.
#[test]
fn scope_warnings_are_in_the_background() {
    let settings = Settings {
        patient: PatientContext {
            under_16: true,
            pregnant: true,
        },
        ..Settings::default()
    };
    let summary = isbar_with(vec![Vitals::total(2).at(0)], 5, &settings);
    assert_eq!(
        summary.background.scope,
        vec![Scope::Under16, Scope::Pregnancy]
    );
}

/// Guards I: only what the host gives, carried unchanged.
#[test]
fn identification_is_what_the_host_gives() {
    let history = history(vec![Vitals::total(2).at(0)]);
    let now = minutes(5);
    let decision = decide(&history, now, &Settings::default());
    let given = Identification {
        caller: Some("Kari Nordmann".into()),
        service: Some("Hjemmesykepleien Nord".into()),
        patient: None,
    };
    let summary = Isbar::of(history.as_of(now), &decision, given.clone());
    assert_eq!(summary.identification, given);
}

/// Guards "since when" for a band reached in steps: the run starts at the first set at the
/// band or above, not at an earlier calmer one.
#[test]
fn a_band_since_starts_at_the_first_set_at_that_band_in_an_unbroken_run() {
    let summary = isbar(
        vec![
            Vitals::total(5).at(0),
            Vitals::total(2).at(60),
            Vitals::total(5).at(120),
            Vitals::total(7).at(180),
            Vitals::total(6).at(240),
        ],
        245,
    );
    let change = summary.situation.change.unwrap();
    assert_eq!(change.previous, Some(at(7, ClinicalRisk::High, 180)));
    assert_eq!(change.band_since, minutes(120));
}

// --- The summary in words -------------------------------------------------------------------

use news2_widget::clinical::escalation::texts::{Language, ResponseTexts};
use news2_widget::i18n::format::FixedZone;
use news2_widget::i18n::isbar::{IsbarWords, headings, isbar as words_of};

fn words(summary: &Isbar, language: Language) -> IsbarWords {
    words_of(summary, language, &ResponseTexts::default(), &FixedZone(60))
}

/// Histories that give each kind of banner, with the level they give.
fn every_kind_of_banner() -> Vec<(&'static str, Isbar)> {
    let stated_only = {
        let mut set = ObservationSet::new(minutes(0), Vitals::none().0, Spo2ScaleBasis::Default);
        set.stated = Some(StatedScore {
            total: Some(6),
            ..StatedScore::default()
        });
        set
    };
    let stale = Settings {
        data: Some(DataStatus::Unreachable {
            last_refreshed: Some(minutes(0)),
        }),
        ..Settings::default()
    };
    vec![
        ("score 0", isbar(vec![Vitals::total(0).at(0)], 5)),
        ("low", isbar(vec![Vitals::total(2).at(0)], 5)),
        ("low-medium", isbar(vec![Vitals::red().at(0)], 5)),
        ("medium", isbar(vec![Vitals::total(5).at(0)], 5)),
        (
            "high",
            isbar(vec![Vitals::total(3).at(0), Vitals::total(7).at(60)], 65),
        ),
        (
            "incomplete",
            isbar(
                vec![
                    Vitals::total(1).at(0),
                    Vitals::total(1).without_pulse().at(60),
                ],
                65,
            ),
        ),
        (
            "incomplete minimum",
            isbar(
                vec![Vitals::total(1).at(0), Vitals::red().without_pulse().at(60)],
                65,
            ),
        ),
        ("source stated", isbar(vec![stated_only], 5)),
        (
            "stale",
            isbar_with(vec![Vitals::total(1).at(0)], 10, &stale),
        ),
        ("overdue", isbar(vec![Vitals::total(5).at(0)], 3 * 60)),
        (
            "future dated",
            isbar(vec![Vitals::total(1).at(0), Vitals::total(1).at(300)], 5),
        ),
        ("no sets", isbar(Vec::new(), 0)),
    ]
}

/// Guards every banner in every language: five headed parts, a situation that says something,
/// no placeholder or Rust name in the text, and R's default the band's Chart 4 response.
#[test]
fn every_banner_gives_a_whole_summary_in_each_language() {
    for (name, summary) in every_kind_of_banner() {
        for language in Language::ALL {
            let words = words(&summary, language);
            let text = words.plain_text(language, &words.recommendation);
            for (letter, heading) in headings(language) {
                assert!(
                    text.contains(&format!("{letter} – {heading}\n")),
                    "{name} {language:?}: no {heading}\n{text}"
                );
            }
            assert!(!words.situation.is_empty(), "{name} {language:?}");
            for leak in ["{", "}", "Some(", "None", "Scale2", "LowMedium", "Computed"] {
                assert!(
                    !text.contains(leak),
                    "{name} {language:?}: {leak:?} in\n{text}"
                );
            }
            let expected_r = summary
                .recommendation
                .map(|row| ResponseTexts::default().row(language, row).response)
                .unwrap_or_default();
            assert_eq!(words.recommendation, expected_r, "{name} {language:?}");
        }
    }
}

/// Guards the words of a high score in each language: the total and band, since when, what it
/// was before, the red parameter, and the newest set parameter by parameter.
#[test]
fn a_high_score_reads_as_a_call_would_say_it() {
    let summary = isbar(
        vec![
            Vitals::total(3).at(0),
            Vitals::total(7).respiratory_rate("26").at(60),
            Vitals::total(7).respiratory_rate("26").at(120),
        ],
        125,
    );
    let nb = words(&summary, Language::Nb);
    assert!(
        nb.situation[0].starts_with("NEWS2 8 (høy risiko), målt 01.01.2026 03:00 (5 min siden)"),
        "{nb:?}"
    );
    assert!(
        nb.situation
            .contains(&"Enkeltparameter med 3 poeng: respirasjonsfrekvens".into())
    );
    assert!(
        nb.situation
            .iter()
            .any(|l| l.starts_with("Høy risiko siden 01.01.2026 02:00"))
    );
    assert!(
        nb.situation
            .contains(&"Før det: NEWS2 8 (høy risiko) 01.01.2026 02:00".into())
    );
    assert!(
        nb.assessment
            .contains(&"Respirasjonsfrekvens: 26 /min – Skår 3".into()),
        "{nb:?}"
    );
    let nn = words(&summary, Language::Nn);
    assert!(
        nn.situation[0].starts_with("NEWS2 8 (høg risiko), målt"),
        "{nn:?}"
    );
    assert!(
        nn.situation
            .iter()
            .any(|l| l.starts_with("Høg risiko sidan"))
    );
    let en = words(&summary, Language::En);
    assert!(
        en.situation[0].starts_with("NEWS2 8 (high risk), measured"),
        "{en:?}"
    );
    assert!(
        en.situation
            .contains(&"Single parameter scoring 3: respiration rate".into())
    );
}

/// Guards the partial sum in words: an incomplete newest set says what it lacks and "no NEWS2",
/// never a total of its own.
#[test]
fn an_incomplete_set_is_worded_without_a_total() {
    let summary = isbar(
        vec![
            Vitals::total(1).at(0),
            Vitals::total(2).without_pulse().at(60),
        ],
        65,
    );
    for language in Language::ALL {
        let words = words(&summary, language);
        let newest = &words.assessment[0];
        assert!(
            newest.contains(match language {
                Language::Nb => "mangler puls; ingen NEWS2",
                Language::Nn => "manglar puls; ingen NEWS2",
                Language::En => "missing pulse; no NEWS2",
            }),
            "{newest}"
        );
        assert!(
            !newest.contains("NEWS2 0") && !newest.contains("NEWS2 1"),
            "{newest}"
        );
    }
}

/// Guards the source's word in words: a stated total and a Scale 2 decision say whose they are.
#[test]
fn stated_totals_and_scale_2_decisions_say_whose_they_are() {
    let (_, stated) = every_kind_of_banner()
        .into_iter()
        .find(|(name, _)| *name == "source stated")
        .unwrap();
    assert!(words(&stated, Language::Nb).situation[0].contains("oppgitt av kilden"));
    assert!(words(&stated, Language::Nn).situation[0].contains("oppgitt av kjelda"));
    let decision = Scale2Decision::new("Dr. Lege", minutes(0)).unwrap();
    let set = ObservationSet::new(
        minutes(30),
        Vitals::baseline().spo2("89").0,
        Spo2ScaleBasis::PatientDecision(decision),
    );
    let summary = isbar(vec![set], 35);
    assert!(
        words(&summary, Language::Nb)
            .background
            .contains(&"SpO₂ skåres på skala 2, besluttet av Dr. Lege 01.01.2026 01:00".into())
    );
}

/// Guards the nurse's R and the host's I: the text carries them as given, markup as text.
#[test]
fn the_plain_text_carries_the_nurses_recommendation_and_the_hosts_names_as_given() {
    let history = history(vec![Vitals::total(5).at(0)]);
    let now = minutes(5);
    let decision = decide(&history, now, &Settings::default());
    let summary = Isbar::of(
        history.as_of(now),
        &decision,
        Identification {
            caller: Some("<b>Kari</b>".into()),
            service: Some("Hjemmesykepleien Nord".into()),
            patient: Some("Rom 12".into()),
        },
    );
    let words = words(&summary, Language::Nb);
    assert_eq!(
        words.identification,
        vec![
            "Innringer: <b>Kari</b>, Hjemmesykepleien Nord".to_string(),
            "Pasient: Rom 12".to_string()
        ]
    );
    let text = words.plain_text(Language::Nb, "  Legevakt tilser innen 30 min  ");
    assert!(
        text.ends_with("R – Råd\n- Legevakt tilser innen 30 min"),
        "{text}"
    );
    // Nothing given: said, not left blank.
    let text = words.plain_text(Language::Nb, "");
    assert!(text.ends_with("R – Råd\n- Ingen opplysninger"), "{text}");
}
