//! The entry form in headless Chromium: typing into it scores as you type.
#![cfg(target_arch = "wasm32")]

mod browser;

use std::sync::Arc;

use browser::{Mounted, bundle, mount_in};
use leptos::prelude::*;
use news2_widget::clinical::observation_set::Scale2Decision;
use news2_widget::clinical::time::Timestamp;
use news2_widget::fhir::datetime;
use news2_widget::i18n::format::LocalZone;
use news2_widget::ui::widget::{DataSource, Mode};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The widget in entry mode for a patient with no sets yet.
async fn mount() -> Mounted {
    browser::mount(|inputs| {
        inputs.source.set(DataSource::Bundle(Arc::new(bundle(&[]))));
        inputs.mode.set(Mode::Entry);
    })
    .await
}

#[wasm_bindgen_test]
async fn scores_as_you_type_and_withholds_the_total_until_complete() {
    let page = mount().await;
    assert!(page.text(".news2-summary").contains("Ingen totalskår"));
    for (name, value) in [
        ("respiratoryRate", "22"),
        ("spo2", "95"),
        ("systolicBp", "120"),
        ("pulse", "70"),
    ] {
        page.type_into(name, value).await;
    }
    page.click("input[value=air]").await;
    page.click("input[value=A]").await;
    let summary = page.text(".news2-summary");
    assert!(summary.contains("Mangler: Temperatur"), "{summary}");
    assert_eq!(
        page.text(".news2-summary__minimum"),
        "",
        "RR 22 and SpO2 95 make nothing certain"
    );
    assert!(
        !summary.contains("Totalskår"),
        "a partial sum was shown: {summary}"
    );

    page.type_into("temperature", "38,05").await;
    assert_eq!(page.text(".news2-summary__total"), "Totalskår 4");
    assert!(page.text(".news2-summary__risk").contains("Lav"));
    assert!(
        page.text(".news2-summary__monitoring")
            .contains("Minst hver 4.–6. time")
    );
    assert!(
        page.text(".news2-entry__form")
            .contains("Føres som 38,1 °C")
    );

    page.type_into("temperature", "").await;
    page.click("input[value=V]").await;
    assert_eq!(
        page.text(".news2-summary__minimum"),
        "Uansett hva som mangler, er klinisk risiko minst: Middels"
    );
    let summary = page.root.query_selector(".news2-summary").unwrap().unwrap();
    assert_eq!(
        summary.get_attribute("data-risk").as_deref(),
        Some("medium"),
        "coloured as the certain band"
    );
    page.type_into("temperature", "38,05").await;
    assert_eq!(page.text(".news2-summary__total"), "Totalskår 7");
    assert!(page.text(".news2-summary__risk").contains("Høy"));
    assert!(
        page.text(".news2-summary__monitoring")
            .contains("Kontinuerlig")
    );
}

#[wasm_bindgen_test]
async fn an_impossible_value_is_explained_and_marked_invalid() {
    let page = mount().await;
    page.type_into("spo2", "101").await;
    assert!(
        page.text(".news2-field--invalid")
            .contains("Over 100 % er ikke mulig")
    );
    assert_eq!(
        page.input("input[name=spo2]")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    page.type_into("spo2", "99").await;
    assert_eq!(
        page.input("input[name=spo2]")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn scale_2_is_used_only_for_a_patient_with_a_documented_decision() {
    let page = mount().await;
    page.type_into("spo2", "90").await;
    assert!(
        page.text(".news2-field:nth-child(4) .news2-sub-score")
            .contains("Skår 3")
    );
    assert!(
        page.find("input[name=spo2Scale]").is_none(),
        "no switch: values never choose Scale 2"
    );
    let decision = Scale2Decision::new("Dr. Lege", Timestamp::from_millis(0)).unwrap();
    page.inputs.scale_2.set(Some(decision));
    page.settle().await;
    assert!(page.text(".news2-entry__scale").contains("Skala 2"));
    assert!(
        page.text(".news2-field:nth-child(4) .news2-sub-score")
            .contains("Skår 0")
    );
}

/// Europe/Oslo's rules for 2026, as the browser of a nurse in Norway has them: summer time
/// (UTC+2) from 29 March 01:00 UTC to 25 October 01:00 UTC.
struct Oslo2026;

impl LocalZone for Oslo2026 {
    fn offset_minutes(&self, at: Timestamp) -> i32 {
        let summer = 1_774_746_000_000..1_792_890_000_000;
        if summer.contains(&at.millis()) {
            120
        } else {
            60
        }
    }
}

static OSLO_2026: Oslo2026 = Oslo2026;

/// The widget in entry mode in Oslo's zone, its clock on 26 November 2026.
async fn mount_in_oslo() -> Mounted {
    let now = datetime::parse("2026-11-26T13:05:00Z").unwrap();
    mount_in(&OSLO_2026, move |inputs| {
        inputs.source.set(DataSource::Bundle(Arc::new(bundle(&[]))));
        inputs.mode.set(Mode::Entry);
        inputs.fixed_now.set(Some(now));
    })
    .await
}

async fn fill_normal_values(page: &Mounted) {
    for (name, value) in [
        ("respiratoryRate", "16"),
        ("spo2", "97"),
        ("systolicBp", "125"),
        ("pulse", "72"),
        ("temperature", "37,0"),
    ] {
        page.type_into(name, value).await;
    }
    page.click("input[value=air]").await;
    page.click("input[value=A]").await;
}

// Issue 10, case 8: a local time that happens twice is never picked silently.
#[wasm_bindgen_test]
async fn the_autumn_nights_repeated_hour_asks_which_before_saving() {
    let page = mount_in_oslo().await;
    fill_normal_values(&page).await;
    page.type_into("takenAt", "25.10.2026 02:30").await;
    let choice = page.text(".news2-entry__occurrence");
    assert!(choice.contains("to ganger"), "{choice}");
    assert!(
        choice.contains("UTC+2") && choice.contains("UTC+1"),
        "{choice}"
    );
    page.click(".news2-entry__form button[type=submit]").await;
    assert!(page.text(TIME_MESSAGE).contains("to ganger"));
    assert!(
        page.last_event("news2-entry").is_none(),
        "nothing saved yet"
    );
    // The second occurrence: 02:30 winter time is 01:30 UTC.
    let second = page.all(".news2-entry__occurrence input");
    assert_eq!(second.len(), 2);
    page.click(".news2-entry__occurrence .news2-choice:nth-child(2) input")
        .await;
    page.click(".news2-entry__form button[type=submit]").await;
    let entry = page.last_event("news2-entry").expect("saved once chosen");
    assert_eq!(entry["set"]["time"], "2026-10-25T01:30:00Z");
}

#[wasm_bindgen_test]
async fn the_spring_nights_missing_hour_and_a_future_time_are_refused() {
    let page = mount_in_oslo().await;
    fill_normal_values(&page).await;
    page.type_into("takenAt", "29.03.2026 02:30").await;
    assert!(
        page.text(".news2-entry__time-check")
            .contains("finnes ikke")
    );
    page.click(".news2-entry__form button[type=submit]").await;
    assert!(page.text(TIME_MESSAGE).contains("finnes ikke"));
    page.type_into("takenAt", "26.11.2026 15:00").await;
    page.click(".news2-entry__form button[type=submit]").await;
    assert!(page.text(TIME_MESSAGE).contains("fram i tid"));
    assert!(page.last_event("news2-entry").is_none());
}

/// The message under the time field: how to write the time, or what is wrong with it.
const TIME_MESSAGE: &str = ".news2-entry__time .news2-field__message";

fn focused_name() -> Option<String> {
    web_sys::window()?
        .document()?
        .active_element()?
        .get_attribute("name")
}

/// Regression (issue 14): a time typed as digits was refused at submit with a general message,
/// the field was not marked and the focus stayed on the button.
#[wasm_bindgen_test]
async fn a_wrong_time_marks_its_field_says_why_and_takes_the_focus() {
    let page = mount_in_oslo().await;
    fill_normal_values(&page).await;
    page.type_into("takenAt", "26.11 14").await;
    page.click(".news2-entry__form button[type=submit]").await;
    assert_eq!(
        page.attribute("input[name=takenAt]", "aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(
        page.text(TIME_MESSAGE).contains("dd.mm.åååå tt:mm"),
        "{}",
        page.text(TIME_MESSAGE)
    );
    assert!(
        page.find(".news2-entry__time.news2-field--invalid")
            .is_some()
    );
    assert_eq!(focused_name().as_deref(), Some("takenAt"));
    // The message is the field's description, so it is read where the focus is.
    let described = page
        .attribute("input[name=takenAt]", "aria-describedby")
        .unwrap();
    assert!(page.find(&format!("#{described}")).is_some());
    assert!(page.last_event("news2-entry").is_none());
    // Digits alone, where they mean one time, are a time; the mark goes with the edit.
    page.type_into("takenAt", "26112026 1400").await;
    assert_eq!(
        page.attribute("input[name=takenAt]", "aria-invalid")
            .as_deref(),
        Some("false")
    );
    page.click(".news2-entry__form button[type=submit]").await;
    let entry = page.last_event("news2-entry").expect("entered");
    assert_eq!(entry["set"]["time"], "2026-11-26T13:00:00Z");
}

#[wasm_bindgen_test]
async fn a_value_to_correct_takes_the_focus_to_its_field() {
    let page = mount_in_oslo().await;
    fill_normal_values(&page).await;
    page.type_into("pulse", "7x").await;
    page.click(".news2-entry__form button[type=submit]").await;
    assert_eq!(focused_name().as_deref(), Some("pulse"));
    assert!(
        page.text(".news2-entry__error")
            .to_lowercase()
            .contains("puls"),
        "{}",
        page.text(".news2-entry__error")
    );
}

#[wasm_bindgen_test]
async fn now_sets_the_time_to_the_clock_and_no_further() {
    let page = mount_in_oslo().await;
    page.type_into("takenAt", "").await;
    page.click(".news2-entry__now").await;
    assert_eq!(
        page.input("input[name=takenAt]").value(),
        "26.11.2026 14:05"
    );
    // Its accessible name contains its visible text (WCAG 2.5.3).
    let name = page.attribute(".news2-entry__now", "aria-label").unwrap();
    assert!(
        name.to_lowercase()
            .contains(&page.text(".news2-entry__now").to_lowercase())
    );
}

/// Regression (issue 14): with no server to save to, the form said "sent to the record" above
/// a red box saying the set was not saved. Its one status now says what is true.
#[wasm_bindgen_test]
async fn without_a_server_the_form_does_not_claim_the_set_is_saved() {
    let page = mount_in_oslo().await;
    fill_normal_values(&page).await;
    page.click(".news2-entry__form button[type=submit]").await;
    assert!(page.last_event("news2-entry").is_some());
    let status = page.text(".news2-entry__done");
    assert!(status.contains("ikke lagret herfra"), "{status}");
    assert!(!status.contains("er lagret"), "{status}");
}
