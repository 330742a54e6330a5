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

/// S's change for complete sets of these totals at these minutes, five minutes after the last.
fn change_of(sets: &[(u8, i64)]) -> Change {
    let now = sets.iter().map(|&(_, m)| m).max().unwrap_or(0) + 5;
    let sets = sets
        .iter()
        .map(|&(total, m)| Vitals::total(total).at(m))
        .collect();
    isbar(sets, now).situation.change.expect("a change")
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
            stated_total: None,
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

/// Guards "since when" after a higher band: a medium set right after a high one is medium
/// since itself, not since an earlier medium set before the high one.
#[test]
fn a_band_since_stops_at_a_set_of_another_band() {
    let change = change_of(&[(5, 0), (2, 60), (5, 120), (7, 180), (6, 240)]);
    assert_eq!(change.previous, Some(at(7, ClinicalRisk::High, 180)));
    assert_eq!(change.band_since, minutes(240));
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
            // R always holds the band's Chart 4 response when a band is certain, and nothing
            // when none is.
            match summary.recommendation {
                Some(row) => {
                    let response = ResponseTexts::default().row(language, row).response;
                    assert!(
                        words.recommendation.ends_with(&response),
                        "{name} {language:?}: {:?}",
                        words.recommendation
                    );
                }
                None => assert_eq!(words.recommendation, "", "{name} {language:?}"),
            }
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
            .contains(&"Skår 3 i: respirasjonsfrekvens".into())
    );
    assert!(
        nb.situation
            .iter()
            .any(|l| l.starts_with("Høy risiko siden 01.01.2026 02:00"))
    );
    assert!(
        nb.situation
            .contains(&"Forrige fullstendige måling: NEWS2 8 (høy risiko) 01.01.2026 02:00".into())
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
            .contains(&"Score 3 in: respiration rate".into())
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
                Language::Nb => "mangler puls; ingen NEWS2 beregnet",
                Language::Nn => "manglar puls; ingen NEWS2 rekna ut",
                Language::En => "missing pulse; no NEWS2 calculated",
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
    assert!(words(&summary, Language::Nb).background.contains(
        &"Siste måling er skåret etter SpO₂ Skala 2, besluttet av Dr. Lege 01.01.2026 01:00".into()
    ));
}

/// A summary of one medium score, five minutes old, with what the host gives for I.
fn medium_score_told_by(identification: Identification) -> Isbar {
    let history = history(vec![Vitals::total(5).at(0)]);
    let now = minutes(5);
    let decision = decide(&history, now, &Settings::default());
    Isbar::of(history.as_of(now), &decision, identification)
}

/// Guards the nurse's R and the host's I: the text carries them as given, markup as text.
#[test]
fn the_plain_text_carries_the_nurses_recommendation_and_the_hosts_names_as_given() {
    let summary = medium_score_told_by(Identification {
        caller: Some("<b>Kari</b>".into()),
        service: Some("Hjemmesykepleien Nord".into()),
        patient: Some("Rom 12".into()),
    });
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

/// Guards "since when" for a low band: never since the first set ever, over a high one between.
#[test]
fn a_low_band_is_not_said_to_hold_across_a_high_set() {
    let change = change_of(&[(1, 0), (7, 60), (1, 120), (2, 180)]);
    assert_eq!(change.band_since, minutes(120));
    assert_eq!(change.previous, Some(at(1, ClinicalRisk::Low, 120)));
}

/// Guards "since when" over days: told back at most 24 hours before the set it stands on.
#[test]
fn a_band_since_goes_back_at_most_24_hours() {
    let change = change_of(&[(5, 0), (5, 20 * 60), (5, 30 * 60)]);
    assert_eq!(change.band_since, minutes(20 * 60));
}

/// Guards sets at one time: the set before is taken before, never a calmer one at the same time.
#[test]
fn the_set_before_is_earlier_not_at_the_same_time() {
    let change = change_of(&[(1, 0), (3, 60), (5, 60)]);
    assert_eq!(change.previous, Some(at(1, ClinicalRisk::Low, 0)));
}

/// Guards the banner's "incomplete": the newest set, incomplete, leads S with what it lacks; the
/// calmer earlier set is named as the one before it; R asks first to complete the set.
#[test]
fn an_incomplete_newest_set_leads_and_r_asks_to_complete_it() {
    let summary = isbar(
        vec![
            Vitals::total(1).at(0),
            Vitals::total(1).without_pulse().at(60),
        ],
        65,
    );
    assert_eq!(summary.situation.level, Level::Incomplete);
    assert!(summary.situation.to_complete.is_some());
    assert_eq!(summary.situation.change, None);
    let nb = words(&summary, Language::Nb);
    assert!(
        nb.situation[0].starts_with("Siste måling 01.01.2026 02:00 (5 min siden): ufullstendig, mangler puls; NEWS2 kan ikke beregnes"),
        "{nb:?}"
    );
    assert!(
        nb.situation[1].starts_with("Før den: NEWS2 1 (lav risiko), målt"),
        "{nb:?}"
    );
    assert!(
        nb.recommendation
            .starts_with("Fullfør målingen nå: mål puls. "),
        "{nb:?}"
    );
    let nn = words(&summary, Language::Nn);
    assert!(
        nn.recommendation
            .starts_with("Fullfør målinga no: mål puls. "),
        "{nn:?}"
    );
}

/// Guards a set that is only a source's total: A gives that total as the source's and its band,
/// never a partial sum of its own.
#[test]
fn a_stated_total_without_values_is_given_as_the_sources() {
    let mut set = ObservationSet::new(minutes(0), Vitals::none().0, Spo2ScaleBasis::Default);
    set.stated = Some(StatedScore {
        total: Some(6),
        ..StatedScore::default()
    });
    let summary = isbar(vec![set], 5);
    let AssessedScore::Incomplete {
        at_least,
        stated_total,
        ..
    } = &summary.assessment.as_ref().unwrap().score
    else {
        panic!("a set without values is incomplete");
    };
    assert_eq!(
        (*at_least, *stated_total),
        (Some(ClinicalRisk::Medium), Some(6))
    );
    let nb = words(&summary, Language::Nb);
    assert!(
        nb.assessment[0]
            .ends_with("ingen NEWS2 beregnet; kilden oppgir NEWS2 6; minst middels risiko"),
        "{nb:?}"
    );
}

/// Guards a stated total that is only a partial sum: not given as the source's NEWS2.
#[test]
fn a_stated_partial_sum_is_not_given_as_a_total() {
    let mut set = Vitals::total(2).without_temperature().at(0);
    set.stated = Some(StatedScore {
        total: Some(2),
        ..StatedScore::default()
    });
    let summary = isbar(vec![set], 5);
    let AssessedScore::Incomplete { stated_total, .. } =
        &summary.assessment.as_ref().unwrap().score
    else {
        panic!("incomplete");
    };
    assert_eq!(*stated_total, None);
    for language in Language::ALL {
        let text = words(&summary, language).assessment.join("\n");
        assert!(!text.contains("NEWS2 2"), "{text}");
    }
}

/// Guards Scale 2 without a decision: said to be the source's.
#[test]
fn scale_2_by_the_source_says_no_decision_is_given() {
    let set = ObservationSet::new(
        minutes(0),
        Vitals::baseline().spo2("89").0,
        Spo2ScaleBasis::SourceObservation,
    );
    let summary = isbar(vec![set], 5);
    assert_eq!(summary.background.spo2_scale, ScaleInForce::Scale2BySource);
    assert!(
        words(&summary, Language::Nb)
            .background
            .iter()
            .any(|line| line.contains("av kilden; ingen dokumentert beslutning"))
    );
}

/// Guards conflicting and re-checked values: flagged beside the parameter, and the banner's
/// notices about them said too.
#[test]
fn conflicting_and_rechecked_values_are_flagged_and_noticed() {
    use news2_widget::clinical::set_values::{Rechecked, ValueConflict};
    use news2_widget::clinical::{Quantity, Reading};
    let pulse = |text: &str| MeasuredValue::Reading(Reading::parse(Quantity::Pulse, text).unwrap());
    let mut set = Vitals::baseline().pulse("70").at(10);
    set.rechecked = vec![Rechecked {
        value: pulse("135"),
        at: minutes(5),
    }];
    set.conflicts = vec![ValueConflict {
        parameter: Parameter::Pulse,
        at: minutes(10),
        values: vec![pulse("70"), pulse("68")],
    }];
    let summary = isbar(vec![set], 15);
    let flags = &summary.assessment.as_ref().unwrap().parameters[4].flags;
    assert!(flags.contains(&Flag::Conflict), "{flags:?}");
    assert!(
        flags.contains(&Flag::Rechecked {
            earlier: pulse("135")
        }),
        "{flags:?}"
    );
    assert!(!summary.notices.is_empty());
    let nb = words(&summary, Language::Nb);
    let line = nb
        .assessment
        .iter()
        .find(|l| l.starts_with("Puls:"))
        .unwrap();
    assert!(line.contains("kontrollmålt, tidligere 135 /min"), "{line}");
    assert!(line.contains("ulike verdier på samme tidspunkt"), "{line}");
}

/// Guards the plain text against a line break in a host's or record's text: it cannot make a
/// line or a heading of its own.
#[test]
fn a_line_break_in_a_name_cannot_forge_a_line_or_a_heading() {
    let summary = medium_score_told_by(Identification {
        caller: Some("Kari\nR – Råd\n- Ingen tiltak".into()),
        service: None,
        patient: None,
    });
    let words = words(&summary, Language::Nb);
    let text = words.plain_text(Language::Nb, &words.recommendation);
    assert_eq!(text.matches("R – Råd").count(), 2, "{text}");
    assert_eq!(
        text.lines().filter(|l| l.starts_with("R – Råd")).count(),
        1,
        "{text}"
    );
    assert!(!text.lines().any(|l| l == "- Ingen tiltak"), "{text}");
}

/// Guards what the call says about earlier calls: who was already informed about the band in
/// force (from the record), and, where nobody was for longer than the band's interval, that no
/// response is recorded; a response to an earlier, lower band is not said as informed.
#[test]
fn b_says_who_was_already_informed_or_that_nobody_is_recorded() {
    use news2_widget::clinical::response::{Channel, Recipient, RecordedResponse, Responses};
    let mut medium = Vitals::total(5).at(0);
    medium.details.observations = vec!["Observation/m".into()];
    let mut high = Vitals::total(7).at(60);
    high.details.observations = vec!["Observation/h".into()];
    let response = |about: &str, at: i64| RecordedResponse {
        response_id: None,
        informed: Some(Recipient::OutOfHours),
        informed_name: Some("Legevakten i Nordby".into()),
        channel: Some(Channel::Phone),
        at: minutes(at),
        by: Some("Ola Nordmann".into()),
        note: None,
        about: vec![about.into()],
        band: None,
        subject: None,
        categorised: true,
    };
    let with = |recorded: Vec<RecordedResponse>| Settings {
        responses: Responses {
            recorded,
            complete: true,
        },
        ..Settings::default()
    };
    let sets = || vec![medium.clone(), high.clone()];

    let answered = isbar_with(sets(), 150, &with(vec![response("Observation/h", 70)]));
    assert_eq!(answered.background.informed.len(), 1);
    let lines = words(&answered, Language::Nb).background;
    assert!(
        lines.contains(
            &"Allerede informert: Legevakt (Legevakten i Nordby) informert 01.01.2026 02:10 av \
              Ola Nordmann, telefon"
                .to_string()
        ),
        "{lines:?}"
    );
    assert!(
        words(&answered, Language::Nn)
            .background
            .iter()
            .any(|l| l.starts_with("Alt informert: "))
    );
    assert!(
        words(&answered, Language::En)
            .background
            .iter()
            .any(|l| l.starts_with("Already informed: "))
    );

    let only_earlier = isbar_with(sets(), 150, &with(vec![response("Observation/m", 10)]));
    assert!(only_earlier.background.informed.is_empty());
    let text = {
        let w = words(&only_earlier, Language::Nb);
        w.plain_text(Language::Nb, &w.recommendation)
    };
    assert!(
        text.contains("Ingen respons er registrert på høy risiko"),
        "{text}"
    );
}
