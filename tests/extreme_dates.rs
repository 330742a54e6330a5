//! No panic from any date: Observations dated anywhere from year 1 to 9999, written with any
//! zone offset, read in any local zone, go through reading, grouping, the decision and its
//! words, the chart and the table without a panic (a panic in the browser stops every widget
//! on the page). Issue 11, case 2.
#![cfg(not(target_arch = "wasm32"))]

use news2_widget::chart_option::{ChartInput, TimeRange, observation_chart};
use news2_widget::clinical::escalation::texts::{Language, ResponseTexts};
use news2_widget::clinical::escalation::{Settings, decide};
use news2_widget::clinical::time::Timestamp;
use news2_widget::fhir::bundle::read_value;
use news2_widget::fhir::history::FhirHistory;
use news2_widget::i18n::banner::banner;
use news2_widget::i18n::format::{FixedZone, date_time};
use news2_widget::ui::set_view::parameters;
use proptest::prelude::*;
use serde_json::json;

fn observation(id: usize, time: &str, code: &str, value: i64, unit: &str) -> serde_json::Value {
    json!({"resourceType": "Observation", "id": format!("o{id}"), "status": "final",
           "code": {"coding": [{"system": "http://loinc.org", "code": code}]},
           "effectiveDateTime": time,
           "valueQuantity": {"value": value, "system": "http://unitsofmeasure.org", "code": unit}})
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_date_in_any_zone_never_panics(
        moments in proptest::collection::vec(
            prop_oneof![
                Just((9999i32, 12u8, 31u8, 23u8, 30u8, 0i32, 0i32)),
                Just((1, 1, 1, 0, 0, 0, 0)),
                (1i32..=9999, 1u8..=12, 1u8..=31, 0u8..24, 0u8..60, -14i32..=14, prop_oneof![Just(0i32), Just(30), Just(45)]),
            ],
            1..8,
        ),
        now_millis in prop_oneof![
            Just(i64::MIN), Just(i64::MAX), Just(0i64), Just(253_402_300_799_000i64),
            Just(-62_135_596_800_000i64), any::<i64>(),
        ],
        zone_minutes in -14 * 60i32..=14 * 60,
    ) {
        let entries: Vec<serde_json::Value> = moments
            .iter()
            .enumerate()
            .flat_map(|(i, &(year, month, day, hour, minute, offset_hours, offset_minutes))| {
                let sign = if offset_hours < 0 { '-' } else { '+' };
                let time = format!(
                    "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:00{sign}{:02}:{offset_minutes:02}",
                    offset_hours.abs()
                );
                [
                    observation(i * 2, &time, "8867-4", 135, "/min"),
                    observation(i * 2 + 1, &time, "9279-1", 26, "/min"),
                ]
            })
            .map(|resource| json!({"resource": resource}))
            .collect();
        let bundle = json!({"resourceType": "Bundle", "type": "searchset", "entry": entries});
        let mut fhir = FhirHistory::new();
        fhir.add_page(read_value(&bundle));
        let now = Timestamp::from_millis(now_millis);
        let zone = FixedZone(zone_minutes);
        let grouped = fhir.group_as_of(None, Some(now));
        let _ = fhir.count_after(now);
        let decision = decide(&grouped.history, now, &Settings::default());
        for language in Language::ALL {
            let _ = banner(&decision, language, &ResponseTexts::default(), &zone);
            for set in grouped.history.sets() {
                let _ = parameters(set, language);
                let _ = date_time(set.taken_at(), &zone);
            }
        }
        let format_time = |at: Timestamp| date_time(at, &zone);
        for range in TimeRange::ALL {
            // Written as the widget writes it: the points go into the text only then.
            let option = observation_chart(&ChartInput {
                history: &grouped.history,
                now,
                range,
                language: Language::Nb,
                format_time: &format_time,
                width_px: 0,
            });
            assert!(option.to_json_text().is_ok());
        }
    }
}
