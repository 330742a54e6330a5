//! The widget saving a new set through the FHIR layer, against the FHIR test server that
//! scripts/test.sh starts: a refused save keeps the set in view with "send again", the resend
//! lands, and once the history holds it the set is no longer marked unsaved.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{Mounted, post, put, server};
use leptos::prelude::*;
use news2_widget::fhir::client::Source;
use news2_widget::ui::widget::{DataSource, Mode};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Yields animation frames until `ready`; a write to the in-memory server can take seconds.
async fn wait_for(page: &Mounted, what: &str, ready: impl Fn(&Mounted) -> bool) {
    for _ in 0..6000 {
        if ready(page) {
            return;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
    panic!("never: {what} (state {})", page.state());
}

#[wasm_bindgen_test]
async fn a_refused_save_is_kept_with_send_again_and_the_resent_set_arrives() {
    let id = format!("widget-{}", (js_sys::Math::random() * 1e12) as u64);
    put(
        &format!("{}/fhir/Patient/{id}", server()),
        &json!({"resourceType": "Patient", "id": id}),
    )
    .await;
    let source = DataSource::Fhir(Source::Patient {
        base: format!("{}/fhir", server()),
        patient: format!("Patient/{id}"),
    });
    let page = browser::mount(move |inputs| {
        inputs.source.set(source);
        inputs.mode.set(Mode::Entry);
    })
    .await;
    wait_for(&page, "an empty history", |p| p.state() == "empty").await;
    assert!(
        page.text(".news2-entry__form button[type=submit]")
            .contains("Lagre målingen")
    );

    // The server refuses the next write once.
    post(
        &format!("{}/__faults", server()),
        &json!([{"kind": "status", "status": 400, "method": "POST"}]),
    )
    .await;
    page.enter_normal_set().await;
    let entry = page.last_event("news2-entry").expect("news2-entry");
    assert_eq!(entry["bundle"]["type"], "transaction");

    wait_for(&page, "the refusal", |p| {
        p.last_event("news2-save-failed").is_some()
    })
    .await;
    assert_eq!(
        page.last_event("news2-save-failed").unwrap()["kind"],
        "rejected"
    );
    assert!(page.text(".news2-pending").contains("Lagring feilet"));
    // The form's one status agrees with the box below it (issue 14).
    assert!(
        page.text(".news2-entry__done")
            .contains("Målingen er ikke lagret")
    );
    assert_eq!(
        page.all(".news2-history__row--unsaved").len(),
        1,
        "kept in view"
    );

    page.click_button("Send på nytt").await;
    wait_for(&page, "the save", |p| p.last_event("news2-saved").is_some()).await;
    wait_for(&page, "the reload with the set", |p| {
        p.state() == "ready" && p.all(".news2-history__row--unsaved").is_empty()
    })
    .await;
    assert_eq!(page.all(".news2-history tbody tr").len(), 1, "saved once");
    assert!(page.find(".news2-pending").is_none());
    assert_eq!(page.text(".news2-entry__done"), "Målingen er lagret.");
}

// Issue 13: a set entered for a patient in Pasientens måledata goes there as PMD's collection,
// signed with the host's service; without the municipality number PMD requires, it is kept,
// not saved, with why, and lands once the host gives one.
#[wasm_bindgen_test]
async fn an_entry_for_pmd_waits_for_the_municipality_and_then_lands_with_its_service() {
    use js_sys::{Object, Reflect};
    use news2_widget::clinical::provenance::{Provenance, ServiceKind};
    use news2_widget::fhir::write::{Author, Municipality};
    use wasm_bindgen::prelude::*;

    let national_id = browser::synthetic_national_id();
    let source = DataSource::Fhir(Source::Pmd {
        base: format!("{}/pmd", server()),
        national_id: national_id.clone(),
    });
    let auth = Closure::<dyn Fn(String, String) -> JsValue>::new(|_method, _url| {
        let headers = Object::new();
        Reflect::set(&headers, &"Authorization".into(), &"DPoP t".into()).unwrap();
        Reflect::set(&headers, &"DPoP".into(), &"eyJh.eyJi.c2ln".into()).unwrap();
        headers.into()
    });
    let function: js_sys::Function = auth.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let home_care = Provenance {
        organisation: Some("Bergen kommune, hjemmesykepleien".into()),
        service: Some(ServiceKind::HomeCare),
        performer: Some("Kari Nordmann".into()),
        role: Some("Sykepleier".into()),
        system: None,
    };
    let without_municipality = Author {
        provenance: home_care.clone(),
        municipality: None,
    };
    let page = browser::mount(move |inputs| {
        inputs.auth.set_value(Some(function));
        inputs.author.set(without_municipality);
        inputs.source.set(source);
        inputs.mode.set(Mode::Entry);
    })
    .await;
    wait_for(&page, "an empty history", |p| p.state() == "empty").await;
    page.enter_normal_set().await;
    wait_for(&page, "the refusal", |p| {
        p.last_event("news2-save-failed").is_some()
    })
    .await;
    assert_eq!(
        page.last_event("news2-save-failed").unwrap()["kind"],
        "config"
    );
    assert_eq!(
        page.all(".news2-history__row--unsaved").len(),
        1,
        "kept in view"
    );

    page.inputs.author.set(Author {
        provenance: home_care,
        municipality: Some(Municipality::new("4601", Some("Bergen")).unwrap()),
    });
    page.click_button("Send på nytt").await;
    wait_for(&page, "the save", |p| p.last_event("news2-saved").is_some()).await;
    wait_for(&page, "the reload with the set", |p| {
        p.state() == "ready" && p.all(".news2-history__row--unsaved").is_empty()
    })
    .await;
    assert_eq!(page.all(".news2-history tbody tr").len(), 1, "saved once");
    let said = page.text(".news2-status__provenance");
    assert!(
        said.contains("Bergen kommune, hjemmesykepleien (Hjemmetjenesten)")
            && said.contains("Sykepleier"),
        "{said}"
    );
    drop(auth);
}
