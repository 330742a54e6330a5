//! The views' fixed texts in bokmål, nynorsk and English.
//!
//! One [`Words`] value per language: a field added without its three translations does not
//! compile. Texts that depend on a clinical value (a parameter's name, a unit, a risk band) are
//! functions below, written as matches over the engine's enums for the same reason.

use super::Language;
use super::format::decimal;
use crate::clinical::Decimal;
use crate::clinical::set_values::MeasuredValue;
use crate::clinical::{
    ClinicalRisk, Consciousness, InvalidReading, MonitoringFrequency, Parameter, Quantity,
    Spo2Scale, Unit,
};

/// Every fixed text of the views.
#[derive(Debug)]
pub struct Words {
    pub widget_label: &'static str,
    pub loading: &'static str,
    pub empty: &'static str,
    pub load_failed: &'static str,
    pub partly_loaded: &'static str,
    pub retry: &'static str,
    pub problems_heading: &'static str,
    pub unresolved_heading: &'static str,

    pub latest_heading: &'static str,
    pub taken_at: &'static str,
    pub recorded_by: &'static str,
    pub next_due: &'static str,
    pub overdue_by: &'static str,
    pub raw_value: &'static str,
    pub charted_value: &'static str,
    pub sub_score: &'static str,
    pub total: &'static str,
    pub clinical_risk: &'static str,
    pub monitoring: &'static str,
    pub spo2_scale: &'static str,
    pub red_score: &'static str,
    pub no_total: &'static str,
    pub missing: &'static str,
    pub already_certain: &'static str,
    pub to_correct: &'static str,
    pub to_verify: &'static str,
    pub no_sub_score: &'static str,
    pub stated_by_source: &'static str,
    pub source_stated_total: &'static str,
    /// Beside a total the source stated and the values cannot recompute.
    pub not_recomputed: &'static str,
    /// A set dated after now.
    pub future_dated: &'static str,
    /// A set with different values for one parameter at one moment.
    pub conflicting: &'static str,
    /// Before another value measured at the same moment.
    pub conflict_also: &'static str,
    /// A set in which a parameter was measured again.
    pub rechecked: &'static str,
    /// Before the earlier value a re-check replaced.
    pub rechecked_earlier: &'static str,
    /// A set the source scored again.
    pub rescored: &'static str,
    /// The widget runs on a fixed clock: `{time}` is where it stands.
    pub fixed_clock: &'static str,

    pub banner_also: &'static str,
    pub acknowledge: &'static str,
    pub acknowledged: &'static str,
    /// The button that shows (and hides) the ISBAR summary.
    pub isbar_show: &'static str,
    pub isbar_hide: &'static str,
    pub isbar_heading: &'static str,
    /// Over R's text box: the band's response, which the nurse may change.
    pub isbar_recommendation: &'static str,
    pub isbar_copy: &'static str,
    pub isbar_copied: &'static str,
    /// The clipboard refused: the text is shown selected, to copy by hand.
    pub isbar_copy_failed: &'static str,
    /// The band changed while R was being written: R is back to the new band's response.
    pub isbar_recommendation_reset: &'static str,

    pub chart_heading: &'static str,
    pub chart_range: &'static str,
    pub chart_unavailable: &'static str,
    pub range_24h: &'static str,
    pub range_72h: &'static str,
    pub range_7d: &'static str,
    pub range_30d: &'static str,
    pub range_all: &'static str,
    /// The observation chart's canvas: the total's panel title.
    pub chart_total_title: &'static str,
    /// A sub-score the chart cannot give.
    pub chart_unknown: &'static str,
    /// Between a measured value and the value charted.
    pub chart_rounded_to: &'static str,
    /// Said on every point of a set with a parameter missing: such a set has no NEWS2.
    pub chart_incomplete: &'static str,
    /// The short label of a total's point that its source stated.
    pub chart_source_label: &'static str,
    /// Before the other values measured at the same moment (the most severe is drawn).
    pub chart_conflict: &'static str,
    /// The chart's marker of the present moment.
    pub chart_now: &'static str,

    pub table_heading: &'static str,
    pub table_caption: &'static str,
    pub time: &'static str,
    pub flags: &'static str,
    pub incomplete: &'static str,
    pub flagged: &'static str,
    pub unsaved: &'static str,
    pub saving: &'static str,
    pub saved_waiting: &'static str,
    pub save_failed: &'static str,
    pub disagrees: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub first_page: &'static str,
    pub last_page: &'static str,
    pub page_of: &'static str,
    /// The label of the history table's filter by service.
    pub service_filter: &'static str,
    /// The filter's first choice: every set.
    pub all_services: &'static str,
    /// The filter's choice of the sets whose source names no service.
    pub unknown_source: &'static str,
    /// Said while a filter hides sets: `{shown}` of `{all}` (see [`shown_of`]).
    pub shown_of: &'static str,
    /// Before the chart's legend of the service marks beside its totals.
    pub chart_services: &'static str,

    pub entry_heading: &'static str,
    pub entry_intro: &'static str,
    pub air: &'static str,
    pub oxygen: &'static str,
    pub scale_2_in_use: &'static str,
    pub scale_2_switch: &'static str,
    pub scale_2_help: &'static str,
    pub entry_taken_at: &'static str,
    pub entry_recorded_by: &'static str,
    pub time_format: &'static str,
    pub save: &'static str,
    pub hand_over: &'static str,
    pub confirm_heading: &'static str,
    pub confirm_intro: &'static str,
    pub confirm_save: &'static str,
    pub go_back: &'static str,
    pub entry_needs_time: &'static str,
    pub entry_time_nonexistent: &'static str,
    pub entry_time_ambiguous: &'static str,
    pub entry_time_future: &'static str,
    /// The first of a repeated local time; `{offset}` is its UTC offset (`UTC+2`).
    pub occurrence_first: &'static str,
    pub occurrence_second: &'static str,
    pub entry_needs_values: &'static str,
    pub entry_saved: &'static str,
    /// No server to save to: the host got the set, and whether its record keeps it the widget
    /// cannot know.
    pub entry_handed_over: &'static str,
    pub entry_not_saved: &'static str,
    /// The button beside the time field, and its accessible name (which contains its text).
    pub now: &'static str,
    pub set_time_now: &'static str,
    /// The compact variant's region, its trend line in words, and its button.
    pub compact_label: &'static str,
    pub compact_trend: &'static str,
    pub open_full_view: &'static str,
    pub pending_heading: &'static str,
    pub send_again: &'static str,

    pub attribution: &'static str,
    pub language: &'static str,
}

const NB: Words = Words {
    widget_label: "NEWS2 – vitale parametere",
    loading: "Henter målinger …",
    empty: "Ingen NEWS2-målinger er registrert for pasienten ennå.",
    load_failed: "Kunne ikke hente målingene.",
    partly_loaded: "Bare en del av målingene kom fram. Det som vises, kan mangle nyere eller eldre målinger.",
    retry: "Prøv igjen",
    problems_heading: "Observasjoner som ikke kunne brukes",
    unresolved_heading: "Delskårer som viser til målinger som ikke kom fram",

    latest_heading: "Siste måling",
    taken_at: "Målt",
    recorded_by: "Registrert av",
    next_due: "Neste måling",
    overdue_by: "Forsinket med",
    raw_value: "Målt verdi",
    charted_value: "Føres som",
    sub_score: "Delskår",
    total: "Totalskår",
    clinical_risk: "Klinisk risiko",
    monitoring: "Minste observasjonshyppighet",
    spo2_scale: "SpO₂-skala",
    red_score: "Skår 3 i én parameter",
    no_total: "Ingen totalskår: målingen er ufullstendig.",
    missing: "Mangler",
    already_certain: "Uansett hva som mangler, er klinisk risiko minst",
    to_correct: "Må rettes",
    to_verify: "Uvanlig verdi, kontroller",
    no_sub_score: "Ingen skår",
    stated_by_source: "oppgitt av kilden",
    source_stated_total: "Kildens totalskår",
    not_recomputed: "oppgitt av kilden, ikke beregnet på nytt",
    future_dated: "Datert fram i tid, ikke tatt med",
    conflicting: "Ulike verdier samtidig",
    conflict_also: "også målt samtidig:",
    rechecked: "Kontrollmålt",
    rechecked_earlier: "kontrollmålt, tidligere",
    rescored: "Skåret på nytt av kilden",
    fixed_clock: "Demo: klokka står fast på {time}. Tidene her gjelder ikke for pasientbehandling.",

    banner_also: "Gjelder også",
    acknowledge: "Kvitter ut",
    acknowledged: "Kvittert",
    isbar_show: "Vis ISBAR",
    isbar_hide: "Skjul ISBAR",
    isbar_heading: "ISBAR fra målingene",
    isbar_recommendation: "Råd (kan endres)",
    isbar_copy: "Kopier ISBAR",
    isbar_copied: "ISBAR er kopiert.",
    isbar_copy_failed: "Kunne ikke kopiere automatisk. Teksten er merket: kopier den med Ctrl+C.",
    isbar_recommendation_reset: "Risikoen er endret: rådet er satt tilbake til det som gjelder nå.",

    chart_heading: "Kurve",
    chart_range: "Tidsrom",
    chart_unavailable: "Kurven kan ikke vises her. Alle målingene står i tabellen.",
    range_24h: "24 t",
    range_72h: "72 t",
    range_7d: "7 døgn",
    range_30d: "30 døgn",
    range_all: "Alt",
    chart_total_title: "NEWS2 totalskår",
    chart_unknown: "ukjent",
    chart_rounded_to: "avrundet til",
    chart_incomplete: "Ufullstendig sett, ingen NEWS2. Mangler",
    chart_source_label: "kilde",
    chart_conflict: "Ulik verdi samtidig (den mest alvorlige er brukt):",
    chart_now: "nå",

    table_heading: "Alle målinger",
    table_caption: "NEWS2-målinger, nyeste først. Tallet i parentes er delskåren.",
    time: "Tid",
    flags: "Merknader",
    incomplete: "Ufullstendig",
    flagged: "Kontroller verdi",
    unsaved: "Ikke lagret",
    saving: "Lagres …",
    saved_waiting: "Lagret, venter på journalen",
    save_failed: "Lagring feilet",
    disagrees: "Avviker fra kilden",
    previous_page: "Nyere",
    next_page: "Eldre",
    first_page: "Nyeste",
    last_page: "Eldste",
    page_of: "Side {page} av {pages}",
    service_filter: "Vis målinger fra",
    all_services: "Alle tjenester",
    unknown_source: "Ukjent kilde",
    shown_of: "Viser {shown} av {all} målinger",
    chart_services: "Tjenester i grafen (merket ved NEWS2-totalen)",

    entry_heading: "Ny måling",
    entry_intro: "Skriv inn målingene. Delskårene, totalskåren og klinisk risiko oppdateres mens du skriver.",
    air: "Romluft",
    oxygen: "Oksygen",
    scale_2_in_use: "Pasienten har SpO₂ Skala 2",
    scale_2_switch: "Bruk SpO₂ Skala 2",
    scale_2_help: "Bare for pasienter med et foreskrevet målområde for SpO₂ på 88–92 % \
        (f.eks. hyperkapnisk respirasjonssvikt), besluttet og dokumentert av kompetent kliniker.",
    entry_taken_at: "Tidspunkt for målingen",
    entry_recorded_by: "Målt av",
    time_format: "dd.mm.åååå tt:mm",
    save: "Lagre målingen",
    hand_over: "Send til journalen",
    confirm_heading: "Bekreft målingen",
    confirm_intro: "Denne målingen utløser eskalering. Kontroller verdiene før du lagrer.",
    confirm_save: "Verdiene stemmer, lagre",
    go_back: "Tilbake og rett",
    entry_needs_time: "Skriv tidspunktet som dd.mm.åååå tt:mm.",
    entry_time_nonexistent: "Dette klokkeslettet finnes ikke denne natta: klokka ble stilt fram fra 02:00 til 03:00. Sjekk tidspunktet.",
    entry_time_ambiguous: "Dette klokkeslettet fantes to ganger denne natta: klokka ble stilt tilbake fra 03:00 til 02:00. Velg hvilket:",
    entry_time_future: "Tidspunktet er fram i tid. Skriv når målingen ble tatt.",
    occurrence_first: "Første gang (sommertid, {offset})",
    occurrence_second: "Andre gang (vintertid, {offset})",
    entry_needs_values: "Skriv inn minst én måling.",
    entry_saved: "Målingen er lagret.",
    entry_handed_over: "Målingen er gitt videre til journalsystemet, men ikke lagret herfra. Se at den kommer i journalen.",
    entry_not_saved: "Målingen er ikke lagret. Se «Målinger som ikke er lagret» nedenfor.",
    now: "Nå",
    set_time_now: "Sett tidspunktet til nå",
    compact_label: "NEWS2 kort",
    compact_trend: "NEWS2 i de siste fullstendige målingene, eldst først",
    open_full_view: "Åpne NEWS2",
    pending_heading: "Målinger som ikke er lagret",
    send_again: "Send på nytt",

    attribution: "NEWS2 © Royal College of Physicians 2017",
    language: "Språk",
};

const NN: Words = Words {
    widget_label: "NEWS2 – vitale parametrar",
    loading: "Hentar målingar …",
    empty: "Ingen NEWS2-målingar er registrerte for pasienten enno.",
    load_failed: "Kunne ikkje hente målingane.",
    partly_loaded: "Berre ein del av målingane kom fram. Det som blir vist, kan mangle nyare eller eldre målingar.",
    retry: "Prøv igjen",
    problems_heading: "Observasjonar som ikkje kunne brukast",
    unresolved_heading: "Delskårar som viser til målingar som ikkje kom fram",

    latest_heading: "Siste måling",
    taken_at: "Målt",
    recorded_by: "Registrert av",
    next_due: "Neste måling",
    overdue_by: "Forseinka med",
    raw_value: "Målt verdi",
    charted_value: "Førast som",
    sub_score: "Delskår",
    total: "Totalskår",
    clinical_risk: "Klinisk risiko",
    monitoring: "Minste observasjonshyppigheit",
    spo2_scale: "SpO₂-skala",
    red_score: "Skår 3 i éin parameter",
    no_total: "Ingen totalskår: målinga er ufullstendig.",
    missing: "Manglar",
    already_certain: "Uansett kva som manglar, er klinisk risiko minst",
    to_correct: "Må rettast",
    to_verify: "Uvanleg verdi, kontroller",
    no_sub_score: "Ingen skår",
    stated_by_source: "oppgitt av kjelda",
    source_stated_total: "Totalskåren til kjelda",
    not_recomputed: "oppgitt av kjelda, ikkje rekna ut på nytt",
    future_dated: "Datert fram i tid, ikkje teken med",
    conflicting: "Ulike verdiar samstundes",
    conflict_also: "også målt samstundes:",
    rechecked: "Kontrollmålt",
    rechecked_earlier: "kontrollmålt, tidlegare",
    rescored: "Skåra på nytt av kjelda",
    fixed_clock: "Demo: klokka står fast på {time}. Tidene her gjeld ikkje for pasientbehandling.",

    banner_also: "Gjeld også",
    acknowledge: "Kvitter ut",
    acknowledged: "Kvittert",
    isbar_show: "Vis ISBAR",
    isbar_hide: "Gøym ISBAR",
    isbar_heading: "ISBAR frå målingane",
    isbar_recommendation: "Råd (kan endrast)",
    isbar_copy: "Kopier ISBAR",
    isbar_copied: "ISBAR er kopiert.",
    isbar_copy_failed: "Kunne ikkje kopiere automatisk. Teksten er merkt: kopier han med Ctrl+C.",
    isbar_recommendation_reset: "Risikoen er endra: rådet er sett tilbake til det som gjeld no.",

    chart_heading: "Kurve",
    chart_range: "Tidsrom",
    chart_unavailable: "Kurva kan ikkje visast her. Alle målingane står i tabellen.",
    range_24h: "24 t",
    range_72h: "72 t",
    range_7d: "7 døgn",
    range_30d: "30 døgn",
    range_all: "Alt",
    chart_total_title: "NEWS2 totalskår",
    chart_unknown: "ukjend",
    chart_rounded_to: "avrunda til",
    chart_incomplete: "Ufullstendig sett, ingen NEWS2. Manglar",
    chart_source_label: "kjelde",
    chart_conflict: "Ulik verdi samstundes (den mest alvorlege er brukt):",
    chart_now: "no",

    table_heading: "Alle målingar",
    table_caption: "NEWS2-målingar, nyaste først. Talet i parentes er delskåren.",
    time: "Tid",
    flags: "Merknader",
    incomplete: "Ufullstendig",
    flagged: "Kontroller verdi",
    unsaved: "Ikkje lagra",
    saving: "Blir lagra …",
    saved_waiting: "Lagra, ventar på journalen",
    save_failed: "Lagringa feila",
    disagrees: "Avvik frå kjelda",
    previous_page: "Nyare",
    next_page: "Eldre",
    first_page: "Nyaste",
    last_page: "Eldste",
    page_of: "Side {page} av {pages}",
    service_filter: "Vis målingar frå",
    all_services: "Alle tenester",
    unknown_source: "Ukjend kjelde",
    shown_of: "Viser {shown} av {all} målingar",
    chart_services: "Tenester i grafen (merkte ved NEWS2-totalen)",

    entry_heading: "Ny måling",
    entry_intro: "Skriv inn målingane. Delskårane, totalskåren og klinisk risiko blir oppdaterte medan du skriv.",
    air: "Romluft",
    oxygen: "Oksygen",
    scale_2_in_use: "Pasienten har SpO₂ Skala 2",
    scale_2_switch: "Bruk SpO₂ Skala 2",
    scale_2_help: "Berre for pasientar med eit foreskrive målområde for SpO₂ på 88–92 % \
        (t.d. hyperkapnisk respirasjonssvikt), avgjort og dokumentert av kompetent klinikar.",
    entry_taken_at: "Tidspunkt for målinga",
    entry_recorded_by: "Målt av",
    time_format: "dd.mm.åååå tt:mm",
    save: "Lagre målinga",
    hand_over: "Send til journalen",
    confirm_heading: "Stadfest målinga",
    confirm_intro: "Denne målinga utløyser eskalering. Kontroller verdiane før du lagrar.",
    confirm_save: "Verdiane stemmer, lagre",
    go_back: "Tilbake og rett",
    entry_needs_time: "Skriv tidspunktet som dd.mm.åååå tt:mm.",
    entry_time_nonexistent: "Dette klokkeslettet finst ikkje denne natta: klokka vart stilt fram frå 02:00 til 03:00. Sjekk tidspunktet.",
    entry_time_ambiguous: "Dette klokkeslettet fanst to gonger denne natta: klokka vart stilt tilbake frå 03:00 til 02:00. Vel kva for eitt:",
    entry_time_future: "Tidspunktet er fram i tid. Skriv når målinga vart teken.",
    occurrence_first: "Første gong (sommartid, {offset})",
    occurrence_second: "Andre gong (vintertid, {offset})",
    entry_needs_values: "Skriv inn minst éi måling.",
    entry_saved: "Målinga er lagra.",
    entry_handed_over: "Målinga er gitt vidare til journalsystemet, men ikkje lagra herifrå. Sjå at ho kjem i journalen.",
    entry_not_saved: "Målinga er ikkje lagra. Sjå «Målingar som ikkje er lagra» nedanfor.",
    now: "No",
    set_time_now: "Set tidspunktet til no",
    compact_label: "NEWS2 kort",
    compact_trend: "NEWS2 i dei siste fullstendige målingane, eldst først",
    open_full_view: "Opne NEWS2",
    pending_heading: "Målingar som ikkje er lagra",
    send_again: "Send på nytt",

    attribution: "NEWS2 © Royal College of Physicians 2017",
    language: "Språk",
};

const EN: Words = Words {
    widget_label: "NEWS2 – vital signs",
    loading: "Fetching observations …",
    empty: "No NEWS2 observations have been recorded for this patient yet.",
    load_failed: "The observations could not be fetched.",
    partly_loaded: "Only part of the observations arrived. What is shown may lack newer or older sets.",
    retry: "Try again",
    problems_heading: "Observations that could not be used",
    unresolved_heading: "Sub-scores referring to observations that did not arrive",

    latest_heading: "Latest set",
    taken_at: "Taken",
    recorded_by: "Recorded by",
    next_due: "Next set due",
    overdue_by: "Overdue by",
    raw_value: "Measured",
    charted_value: "Charted as",
    sub_score: "Sub-score",
    total: "NEWS2 total",
    clinical_risk: "Clinical risk",
    monitoring: "Minimum monitoring frequency",
    spo2_scale: "SpO₂ scale",
    red_score: "Score of 3 in one parameter",
    no_total: "No total: the set is incomplete.",
    missing: "Missing",
    already_certain: "Whatever is missing, the clinical risk is at least",
    to_correct: "To correct",
    to_verify: "Unusual value, check",
    no_sub_score: "No score",
    stated_by_source: "stated by the source",
    source_stated_total: "The source's total",
    not_recomputed: "stated by the source, not recalculated",
    future_dated: "Dated in the future, not taken into account",
    conflicting: "Different values at the same time",
    conflict_also: "also measured at the same time:",
    rechecked: "Re-checked",
    rechecked_earlier: "re-checked, earlier",
    rescored: "Scored again by the source",
    fixed_clock: "Demo: the clock is fixed at {time}. The times here are not for patient care.",

    banner_also: "Also",
    acknowledge: "Acknowledge",
    acknowledged: "Acknowledged",
    isbar_show: "Show ISBAR",
    isbar_hide: "Hide ISBAR",
    isbar_heading: "ISBAR from the measurements",
    isbar_recommendation: "Recommendation (you may change it)",
    isbar_copy: "Copy ISBAR",
    isbar_copied: "ISBAR copied.",
    isbar_copy_failed: "Could not copy automatically. The text is selected: copy it with Ctrl+C.",
    isbar_recommendation_reset: "The risk has changed: the recommendation is back to the one that applies now.",

    chart_heading: "Chart",
    chart_range: "Time range",
    chart_unavailable: "The chart cannot be shown here. Every set is in the table.",
    range_24h: "24 h",
    range_72h: "72 h",
    range_7d: "7 days",
    range_30d: "30 days",
    range_all: "All",
    chart_total_title: "NEWS2 total score",
    chart_unknown: "unknown",
    chart_rounded_to: "charted as",
    chart_incomplete: "Incomplete set, no NEWS2. Missing",
    chart_source_label: "source",
    chart_conflict: "A different value at the same time (the more severe is used):",
    chart_now: "now",

    table_heading: "All observation sets",
    table_caption: "NEWS2 observation sets, newest first. The number in brackets is the sub-score.",
    time: "Time",
    flags: "Notes",
    incomplete: "Incomplete",
    flagged: "Check value",
    unsaved: "Not saved",
    saving: "Saving …",
    saved_waiting: "Saved, waiting for the record",
    save_failed: "Saving failed",
    disagrees: "Differs from the source",
    previous_page: "Newer",
    next_page: "Older",
    first_page: "Newest",
    last_page: "Oldest",
    page_of: "Page {page} of {pages}",
    service_filter: "Show sets from",
    all_services: "All services",
    unknown_source: "Unknown source",
    shown_of: "Showing {shown} of {all} sets",
    chart_services: "Services in the chart (marked beside the NEWS2 total)",

    entry_heading: "New observation set",
    entry_intro: "Enter the observations. Sub-scores, the total and the clinical risk update as you type.",
    air: "Air",
    oxygen: "Oxygen",
    scale_2_in_use: "The patient is on SpO₂ Scale 2",
    scale_2_switch: "Use SpO₂ Scale 2",
    scale_2_help: "Only for patients with a prescribed SpO₂ target range of 88–92 % \
        (e.g. hypercapnic respiratory failure), decided and documented by a competent clinician.",
    entry_taken_at: "Time of the observations",
    entry_recorded_by: "Taken by",
    time_format: "dd.mm.yyyy hh:mm",
    save: "Save the set",
    hand_over: "Send to the record",
    confirm_heading: "Confirm the set",
    confirm_intro: "This set calls for escalation. Check the values before saving.",
    confirm_save: "The values are right, save",
    go_back: "Back to correct",
    entry_needs_time: "Write the time as dd.mm.yyyy hh:mm.",
    entry_time_nonexistent: "This time did not exist that night: the clocks went forward from 02:00 to 03:00. Check the time.",
    entry_time_ambiguous: "This time happened twice that night: the clocks went back from 03:00 to 02:00. Choose which:",
    entry_time_future: "The time is in the future. Write when the set was taken.",
    occurrence_first: "The first time (summer time, {offset})",
    occurrence_second: "The second time (standard time, {offset})",
    entry_needs_values: "Enter at least one observation.",
    entry_saved: "The set is saved.",
    entry_handed_over: "The set was handed to the record system but not saved from here. Check that it appears in the record.",
    entry_not_saved: "The set is not saved. See “Sets not saved” below.",
    now: "Now",
    set_time_now: "Set the time to now",
    compact_label: "NEWS2 summary",
    compact_trend: "NEWS2 of the last complete sets, oldest first",
    open_full_view: "Open NEWS2",
    pending_heading: "Sets not saved",
    send_again: "Send again",

    attribution: "NEWS2 © Royal College of Physicians 2017",
    language: "Language",
};

/// The texts of a language.
pub fn words(language: Language) -> &'static Words {
    match language {
        Language::Nb => &NB,
        Language::Nn => &NN,
        Language::En => &EN,
    }
}

/// "Side 2 av 5".
pub fn page_of(language: Language, page: usize, pages: usize) -> String {
    words(language)
        .page_of
        .replace("{page}", &page.to_string())
        .replace("{pages}", &pages.to_string())
}

/// "Viser 12 av 40 målinger": said while the history table's filter hides sets, so a filtered
/// table is never taken for the whole history.
pub fn shown_of(language: Language, shown: usize, all: usize) -> String {
    words(language)
        .shown_of
        .replace("{shown}", &shown.to_string())
        .replace("{all}", &all.to_string())
}

/// "2 målinger eller responser for en annen pasient er ikke lagret": entries and escalation
/// responses set aside when the source changed.
pub fn set_aside(language: Language, count: usize) -> String {
    match language {
        Language::Nb => format!(
            "{count} måling(er) eller respons(er) for en annen pasient er ikke lagret og vises \
             ikke her."
        ),
        Language::Nn => format!(
            "{count} måling(ar) eller respons(ar) for ein annan pasient er ikkje lagra og blir \
             ikkje viste her."
        ),
        Language::En => format!(
            "{count} set(s) or response(s) for another patient are not saved and are not shown \
             here."
        ),
    }
}

/// The observation chart described for screen readers (the canvas itself says nothing to them).
pub fn chart_description(language: Language, sets: usize) -> String {
    match language {
        Language::Nb => format!(
            "NEWS2-observasjonskurve med {sets} målesett: én rad per parameter og totalskåren \
             over tid. Tabellen over målinger viser de samme verdiene."
        ),
        Language::Nn => format!(
            "NEWS2-observasjonskurve med {sets} målesett: éi rad per parameter og totalskåren \
             over tid. Tabellen over målingar viser dei same verdiane."
        ),
        Language::En => format!(
            "NEWS2 observation chart with {sets} sets: one row per parameter and the total \
             score over time. The table of observations shows the same values."
        ),
    }
}

/// A risk band in lower case, for running text.
pub fn risk_word(language: Language, risk: ClinicalRisk) -> &'static str {
    match risk {
        ClinicalRisk::Low => language.pick("lav", "låg", "low"),
        ClinicalRisk::LowMedium => language.pick("lav–middels", "låg–middels", "low–medium"),
        ClinicalRisk::Medium => language.pick("middels", "middels", "medium"),
        ClinicalRisk::High => language.pick("høy", "høg", "high"),
    }
}

/// A parameter's name in lower case, for running text.
pub fn parameter_name(language: Language, parameter: Parameter) -> &'static str {
    match parameter {
        Parameter::RespiratoryRate => language.pick(
            "respirasjonsfrekvens",
            "respirasjonsfrekvens",
            "respiration rate",
        ),
        Parameter::Spo2 => "SpO₂",
        Parameter::AirOrOxygen => language.pick(
            "romluft eller oksygen",
            "romluft eller oksygen",
            "air or oxygen",
        ),
        Parameter::SystolicBp => language.pick(
            "systolisk blodtrykk",
            "systolisk blodtrykk",
            "systolic blood pressure",
        ),
        Parameter::Pulse => language.pick("puls", "puls", "pulse"),
        Parameter::Consciousness => {
            language.pick("bevissthetsnivå", "medvitsnivå", "consciousness")
        }
        Parameter::Temperature => language.pick("temperatur", "temperatur", "temperature"),
    }
}

/// Parameters in running text: "puls, temperatur".
pub fn parameter_list(language: Language, parameters: &[Parameter]) -> String {
    parameters
        .iter()
        .map(|&p| parameter_name(language, p))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A parameter's name as a label (capitalised).
pub fn parameter(language: Language, parameter: Parameter) -> String {
    capitalised(parameter_name(language, parameter))
}

/// A risk band as a label (capitalised).
pub fn risk(language: Language, risk: ClinicalRisk) -> String {
    capitalised(risk_word(language, risk))
}

/// The text with its first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A quantity's unit as it is written beside its value.
pub fn unit(quantity: Quantity) -> &'static str {
    unit_written(Unit::chart_unit(quantity))
}

/// How a unit is written after a number as it came from the source (SpO2 as a fraction has
/// no unit to write).
pub fn unit_written(unit: Unit) -> &'static str {
    match unit {
        Unit::Celsius => "°C",
        Unit::Fahrenheit => "°F",
        Unit::PerMinute => "/min",
        Unit::Percent => "%",
        Unit::Fraction => "",
        Unit::MmHg => "mmHg",
        Unit::KiloPascal => "kPa",
    }
}

pub fn consciousness(language: Language, level: Consciousness) -> &'static str {
    match level {
        Consciousness::Alert => language.pick("Våken", "Vaken", "Alert"),
        Consciousness::NewConfusion => language.pick(
            "Nyoppstått forvirring",
            "Nyoppstått forvirring",
            "New confusion",
        ),
        Consciousness::Voice => {
            language.pick("Reagerer på tiltale", "Reagerer på tiltale", "Voice")
        }
        Consciousness::Pain => language.pick("Reagerer på smerte", "Reagerer på smerte", "Pain"),
        Consciousness::Unresponsive => {
            language.pick("Reagerer ikke", "Reagerer ikkje", "Unresponsive")
        }
    }
}

pub fn air_or_oxygen(language: Language, on_oxygen: bool) -> &'static str {
    let words = words(language);
    if on_oxygen { words.oxygen } else { words.air }
}

pub fn monitoring(language: Language, monitoring: MonitoringFrequency) -> &'static str {
    match monitoring {
        MonitoringFrequency::TwelveHourly => language.pick(
            "Minst hver 12. time",
            "Minst kvar 12. time",
            "At least 12-hourly",
        ),
        MonitoringFrequency::FourToSixHourly => language.pick(
            "Minst hver 4.–6. time",
            "Minst kvar 4.–6. time",
            "At least 4–6-hourly",
        ),
        MonitoringFrequency::Hourly => {
            language.pick("Minst hver time", "Minst kvar time", "At least hourly")
        }
        MonitoringFrequency::Continuous => language.pick(
            "Kontinuerlig overvåking",
            "Kontinuerleg overvaking",
            "Continuous monitoring",
        ),
    }
}

pub fn spo2_scale(language: Language, scale: Spo2Scale) -> &'static str {
    match scale {
        Spo2Scale::Scale1 => language.pick("Skala 1", "Skala 1", "Scale 1"),
        Spo2Scale::Scale2 => language.pick("Skala 2", "Skala 2", "Scale 2"),
    }
}

/// "Skår 2", the sub-score in words beside its colour.
pub fn sub_score(language: Language, value: u8) -> String {
    format!("{} {value}", language.pick("Skår", "Skår", "Score"))
}

/// A measured value as it came, with its unit: `130 mmHg`, `Våken (A)`, `Oksygen`.
pub fn measured_value(language: Language, value: MeasuredValue) -> String {
    match value {
        MeasuredValue::Reading(reading) => {
            let number = decimal(reading.raw(), language);
            match unit_written(reading.unit()) {
                "" => number,
                unit => format!("{number} {unit}"),
            }
        }
        MeasuredValue::Consciousness(level) => {
            format!("{} ({})", consciousness(language, level), level.letter())
        }
        MeasuredValue::OnOxygen(on) => air_or_oxygen(language, on).to_string(),
    }
}

/// Why a typed value cannot be used, and what to do.
pub fn invalid_reading(language: Language, quantity: Quantity, invalid: InvalidReading) -> String {
    let unit = unit(quantity);
    let number = |value: Decimal| decimal(value, language);
    match invalid {
        InvalidReading::NotANumber => language
            .pick(
                "Ikke et tall. Skriv siffer, med komma som desimaltegn.",
                "Ikkje eit tal. Skriv siffer, med komma som desimalteikn.",
                "Not a number. Write digits, with a decimal comma or point.",
            )
            .into(),
        InvalidReading::Negative => language
            .pick(
                "Kan ikke være negativ. Sjekk verdien.",
                "Kan ikkje vere negativ. Sjekk verdien.",
                "Cannot be negative. Check the value.",
            )
            .into(),
        InvalidReading::BelowRange { min } => format!(
            "{} {} {unit} {}",
            language.pick("Under", "Under", "Below"),
            number(min),
            language.pick(
                "er ikke mulig. Sjekk verdien.",
                "er ikkje mogleg. Sjekk verdien.",
                "is not possible. Check the value."
            )
        ),
        InvalidReading::AboveRange { max } => format!(
            "{} {} {unit} {}",
            language.pick("Over", "Over", "Above"),
            number(max),
            language.pick(
                "er ikke mulig. Sjekk verdien.",
                "er ikkje mogleg. Sjekk verdien.",
                "is not possible. Check the value."
            )
        ),
        InvalidReading::TooPrecise => language
            .pick(
                "For mange desimaler.",
                "For mange desimalar.",
                "Too many decimals.",
            )
            .into(),
        InvalidReading::UnknownUnit => language
            .pick("Ukjent måleenhet.", "Ukjend måleeining.", "Unknown unit.")
            .into(),
        InvalidReading::WrongUnit(wrong) => format!(
            "{} {} {}",
            language.pick("Enheten", "Eininga", "The unit"),
            wrong.ucum(),
            language.pick(
                "passer ikke til denne målingen.",
                "passar ikkje til denne målinga.",
                "does not fit this measurement."
            )
        ),
    }
}

/// Shown when a value is charted differently from how it was typed (38,05 → 38,1).
pub fn charted_as(language: Language, value: Decimal, quantity: Quantity) -> String {
    format!(
        "{} {} {}",
        words(language).charted_value,
        decimal(value, language),
        unit(quantity)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_filled_in() {
        assert_eq!(page_of(Language::Nb, 2, 5), "Side 2 av 5");
        assert_eq!(page_of(Language::En, 1, 1), "Page 1 of 1");
        assert_eq!(shown_of(Language::Nb, 12, 40), "Viser 12 av 40 målinger");
        assert_eq!(shown_of(Language::Nn, 1, 2), "Viser 1 av 2 målingar");
        assert_eq!(shown_of(Language::En, 3, 9), "Showing 3 of 9 sets");
    }

    #[test]
    fn labels_are_capitalised_from_the_engines_running_text() {
        assert_eq!(
            parameter(Language::Nn, Parameter::Consciousness),
            "Medvitsnivå"
        );
        assert_eq!(risk(Language::Nb, ClinicalRisk::High), "Høy");
    }

    #[test]
    fn typed_value_messages_write_numbers_in_the_language() {
        let message = invalid_reading(
            Language::Nb,
            Quantity::Temperature,
            InvalidReading::AboveRange {
                max: Decimal::new(470, 1),
            },
        );
        assert_eq!(message, "Over 47,0 °C er ikke mulig. Sjekk verdien.");
        let message = invalid_reading(
            Language::En,
            Quantity::Temperature,
            InvalidReading::AboveRange {
                max: Decimal::new(470, 1),
            },
        );
        assert_eq!(message, "Above 47.0 °C is not possible. Check the value.");
    }
}
