//! The element's properties: what a host sets in JavaScript (objects and callbacks, never
//! reflected to attributes, so a token or an identity number never shows in the DOM), each read
//! and checked here before the widget sees it.

use std::sync::Arc;

use wasm_bindgen::prelude::*;

use crate::clinical::escalation::texts::ResponseTexts;
use crate::clinical::observation_set::Scale2Decision;
use crate::clinical::provenance::{Provenance, ServiceKind};
use crate::fhir::bundle::{MAX_PAGE_BYTES, MAX_PAGE_ENTRIES};
use crate::fhir::write::{Author, Municipality};

/// The `author` property's fields, as the host writes them.
pub const AUTHOR_FIELDS: [&str; 7] = [
    "municipality",
    "municipalityName",
    "organisation",
    "service",
    "performer",
    "role",
    "system",
];

/// Reads `author`: every field optional and a string; `municipality` four digits, `service` one
/// of the service kinds' names. Refused whole on any mistake, so a half-read author never
/// signs an entry.
fn author(value: &JsValue) -> Result<Author, String> {
    if !value.is_object() {
        return Err("author: not an object".into());
    }
    let field = |name: &str| -> Result<Option<String>, String> {
        let v = js_sys::Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        let text = v
            .as_string()
            .ok_or_else(|| format!("author: {name} is not a string"))?;
        let text = text.trim();
        Ok((!text.is_empty()).then(|| text.to_string()))
    };
    let [
        municipality,
        municipality_name,
        organisation,
        service,
        performer,
        role,
        system,
    ] = AUTHOR_FIELDS.map(field);
    let municipality = match municipality? {
        Some(code) => Some(
            Municipality::new(&code, municipality_name?.as_deref())
                .map_err(|why| format!("author: municipality {why}"))?,
        ),
        None => None,
    };
    let service = match service? {
        Some(name) => Some(ServiceKind::from_name(&name).ok_or_else(|| {
            let names: Vec<&str> = ServiceKind::ALL.iter().map(|k| k.name()).collect();
            format!(
                "author: service {name:?} is not one of {}",
                names.join(", ")
            )
        })?),
        None => None,
    };
    Ok(Author {
        provenance: Provenance {
            organisation: organisation?,
            service,
            performer: performer?,
            role: role?,
            system: system?,
        },
        municipality,
    })
}

/// A property of `<news2-widget>`. Its name is the one the element class defines, the
/// TypeScript declarations and the manifest list (tests/public_contract.rs checks they agree).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Property {
    /// A FHIR Bundle the host hands over.
    History,
    /// The per-request auth-headers callback.
    AuthHeaders,
    /// The patient's national identity number, searched for by POST.
    NationalId,
    /// A municipality's own Chart 4 texts.
    ResponseTexts,
    /// The patient's documented Scale 2 decision.
    Scale2Decision,
    /// Who writes new entries: service, person, municipality.
    Author,
    /// How the patient is named in an ISBAR summary.
    PatientLabel,
}

impl Property {
    pub const ALL: [Property; 7] = [
        Property::History,
        Property::AuthHeaders,
        Property::NationalId,
        Property::ResponseTexts,
        Property::Scale2Decision,
        Property::Author,
        Property::PatientLabel,
    ];

    /// The JavaScript property's name.
    pub const fn name(self) -> &'static str {
        match self {
            Property::History => "history",
            Property::AuthHeaders => "authHeaders",
            Property::NationalId => "nationalId",
            Property::ResponseTexts => "responseTexts",
            Property::Scale2Decision => "scale2Decision",
            Property::Author => "author",
            Property::PatientLabel => "patientLabel",
        }
    }

    pub fn from_name(name: &str) -> Option<Property> {
        Property::ALL.into_iter().find(|p| p.name() == name)
    }

    /// A refused value of this property leaves the widget without a source: the refusal is
    /// shown instead of a skeleton that would wait for ever.
    pub(super) const fn decides_the_source(self) -> bool {
        matches!(self, Property::History | Property::NationalId)
    }
}

/// What the host set as properties (objects and callbacks, never reflected to attributes).
#[derive(Default)]
pub(super) struct Properties {
    /// A FHIR Bundle the host hands over; wins over every attribute source.
    pub history: Option<Arc<serde_json::Value>>,
    /// The patient's national identity number: searched for by POST, never put in a URL.
    pub national_id: Option<String>,
    pub scale_2: Option<Scale2Decision>,
    /// Why the last `history` or `nationalId` was refused, while nothing replaced it: shown
    /// instead of a skeleton that would wait for ever.
    pub refused: Option<String>,
}

/// A property's new value, read from JavaScript before the registry is borrowed (reading may
/// run host code: a getter, a `toJSON`).
pub(super) enum Change {
    History(Option<Arc<serde_json::Value>>),
    Auth(Option<js_sys::Function>),
    NationalId(Option<String>),
    Texts(ResponseTexts),
    Scale2(Option<Scale2Decision>),
    Author(Author),
    PatientLabel(Option<String>),
}

/// Reads what the host set; a value the widget cannot use is refused with the reason, for a
/// `news2-error` of kind `config`.
pub(super) fn read(property: Property, value: JsValue) -> Result<Change, String> {
    let empty = value.is_null() || value.is_undefined();
    let json = |value: &JsValue| {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|text| text.as_string())
    };
    Ok(match property {
        Property::History if empty => Change::History(None),
        Property::History => {
            let text =
                js_sys::JSON::stringify(&value).map_err(|_| "history: not a FHIR Bundle object")?;
            // A function, a Symbol or a `toJSON` giving undefined stringifies to undefined, whose
            // length would throw through the module.
            if !text.is_string() {
                return Err("history: not a FHIR Bundle object".into());
            }
            // Measured before it is copied into the widget's memory.
            if text.length() as usize > MAX_PAGE_BYTES {
                return Err(format!(
                    "history: larger than {} MB; not used",
                    MAX_PAGE_BYTES / (1024 * 1024)
                ));
            }
            let bundle = text
                .as_string()
                .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
                .filter(|v| v["resourceType"] == "Bundle")
                .ok_or("history: not a FHIR Bundle object")?;
            // Refused whole, as a fetched page would be: read, it would show as "no sets".
            if bundle["entry"]
                .as_array()
                .is_some_and(|entries| entries.len() > MAX_PAGE_ENTRIES)
            {
                return Err(format!(
                    "history: more than {MAX_PAGE_ENTRIES} entries; not used"
                ));
            }
            Change::History(Some(Arc::new(bundle)))
        }
        Property::AuthHeaders if empty => Change::Auth(None),
        Property::AuthHeaders => Change::Auth(Some(
            value
                .dyn_into::<js_sys::Function>()
                .map_err(|_| "authHeaders: not a function")?,
        )),
        Property::NationalId if empty => Change::NationalId(None),
        Property::NationalId => {
            let id = value.as_string().ok_or("nationalId: not a string")?;
            let id = id.trim();
            Change::NationalId((!id.is_empty()).then(|| id.to_string()))
        }
        Property::ResponseTexts if empty => Change::Texts(ResponseTexts::default()),
        Property::ResponseTexts => {
            let text = value
                .as_string()
                .or_else(|| json(&value))
                .ok_or("responseTexts: neither JSON text nor an object")?;
            Change::Texts(
                ResponseTexts::from_config(&text)
                    .map_err(|error| format!("responseTexts: {}", error.0))?,
            )
        }
        Property::PatientLabel if empty => Change::PatientLabel(None),
        Property::PatientLabel => {
            let label = value.as_string().ok_or("patientLabel: not a string")?;
            let label = label.trim();
            Change::PatientLabel((!label.is_empty()).then(|| label.to_string()))
        }
        Property::Author if empty => Change::Author(Author::default()),
        Property::Author => Change::Author(author(&value)?),
        Property::Scale2Decision if empty => Change::Scale2(None),
        Property::Scale2Decision => {
            let field = |name: &str| {
                js_sys::Reflect::get(&value, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            let at = field("at")
                .and_then(|at| crate::fhir::datetime::parse(&at).ok())
                .ok_or("scale2Decision: needs { by: who decided, at: when (RFC 3339) }")?;
            let by = field("by").unwrap_or_default();
            let decision =
                Scale2Decision::new(&by, at).map_err(|why| format!("scale2Decision: {why}"))?;
            let decision = match field("until") {
                None => decision,
                Some(until) => {
                    let until = crate::fhir::datetime::parse(&until)
                        .map_err(|why| format!("scale2Decision: until {why}"))?;
                    decision
                        .ending(until)
                        .map_err(|why| format!("scale2Decision: {why}"))?
                }
            };
            Change::Scale2(Some(decision))
        }
    })
}
