//! A municipality's own response and monitoring texts, from JSON.
//!
//! Norwegian services write their own routines on top of NEWS2 (Helsedirektoratet's advice), so
//! the words of the response may be replaced; the scoring, the risk bands and when to escalate
//! may not, and this format has no place for them. A config with any mistake is refused whole,
//! with a message, and the defaults stay: half a municipality's texts mixed with RCP's would be
//! worse than either.
//!
//! ```json
//! { "nb": { "medium": { "response": "Ring legevakt på 116 117.", "monitoring": "Minst hver time." } } }
//! ```
//! Languages `nb`, `nn`, `en`; rows `score-0`, `low`, `low-medium`, `medium`, `high`; either
//! text of a row may be left out to keep the default.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, Error as _, MapAccess, Visitor};

use super::texts::{Language, ResponseRow, ResponseTexts};

/// The longest text accepted: a banner is not a procedure manual.
pub const MAX_TEXT_CHARS: usize = 600;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum RowField {
    Response,
    Monitoring,
}

/// A JSON object whose keys must be unique: serde_json would otherwise let a repeated key
/// silently replace the first, and half a config would apply.
struct UniqueMap<K, V>(Vec<(K, V)>);

impl<'de, K, V> Deserialize<'de> for UniqueMap<K, V>
where
    K: Deserialize<'de> + PartialEq + fmt::Debug,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(PhantomData<(K, V)>);
        impl<'de, K, V> Visitor<'de> for Entries<K, V>
        where
            K: Deserialize<'de> + PartialEq + fmt::Debug,
            V: Deserialize<'de>,
        {
            type Value = UniqueMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries: Vec<(K, V)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<K, V>()? {
                    if entries.iter().any(|(seen, _)| *seen == key) {
                        return Err(A::Error::custom(format!("{key:?} appears twice")));
                    }
                    entries.push((key, value));
                }
                Ok(UniqueMap(entries))
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

/// Why a config was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl ResponseTexts {
    /// The default texts with a municipality's replacements, or why the config is refused.
    pub fn from_config(json: &str) -> Result<ResponseTexts, ConfigError> {
        let config: UniqueMap<Language, UniqueMap<ResponseRow, UniqueMap<RowField, String>>> =
            serde_json::from_str(json)
                .map_err(|e| ConfigError(format!("the response-text config is not valid: {e}")))?;
        let mut texts = ResponseTexts::default();
        for (language, rows) in config.0 {
            for (row, fields) in rows.0 {
                if fields.0.is_empty() {
                    return Err(ConfigError(format!("{language:?}.{row:?} names no text")));
                }
                let mut replaced = texts.row(language, row);
                for (field, text) in fields.0 {
                    if text.trim().is_empty() {
                        return Err(ConfigError(format!(
                            "{language:?}.{row:?}.{field:?} is empty"
                        )));
                    }
                    if text.chars().count() > MAX_TEXT_CHARS {
                        return Err(ConfigError(format!(
                            "{language:?}.{row:?}.{field:?} is longer than {MAX_TEXT_CHARS} characters"
                        )));
                    }
                    match field {
                        RowField::Response => replaced.response = text,
                        RowField::Monitoring => replaced.monitoring = text,
                    }
                }
                texts.replace(language, row, replaced);
            }
        }
        Ok(texts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_what_it_names() {
        let texts =
            ResponseTexts::from_config(r#"{"nb": {"medium": {"response": "Ring legevakt."}}}"#)
                .unwrap();
        let defaults = ResponseTexts::default();
        let medium = texts.row(Language::Nb, ResponseRow::Medium);
        assert_eq!(medium.response, "Ring legevakt.");
        assert_eq!(
            medium.monitoring,
            defaults.row(Language::Nb, ResponseRow::Medium).monitoring
        );
        assert_eq!(
            texts.row(Language::Nn, ResponseRow::Medium),
            defaults.row(Language::Nn, ResponseRow::Medium)
        );
        assert_eq!(
            texts.row(Language::Nb, ResponseRow::High),
            defaults.row(Language::Nb, ResponseRow::High)
        );
    }

    #[test]
    fn refuses_the_whole_config_for_any_mistake() {
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        let cases = [
            ("not json", "is not valid"),
            (r#"{"se": {}}"#, "unknown variant `se`"),
            (
                r#"{"nb": {"hihg": {"response": "x"}}}"#,
                "unknown variant `hihg`",
            ),
            (
                r#"{"nb": {"high": {"response": "x", "threshold": 5}}}"#,
                "unknown variant `threshold`",
            ),
            (
                r#"{"nb": {"high": {"response": "x"}}, "nb": {"low": {"response": "y"}}}"#,
                "Nb appears twice",
            ),
            (
                r#"{"nb": {"high": {"response": "x"}, "high": {"monitoring": "y"}}}"#,
                "High appears twice",
            ),
            (
                r#"{"nb": {"high": {"response": null}}}"#,
                "invalid type: null",
            ),
            (r#"{"nb": {"high": {}}}"#, "Nb.High names no text"),
            (r#"{"nb": {"high": {"response": 7}}}"#, "invalid type"),
            (
                r#"{"nb": {"high": {"response": "ok"}, "low": {"monitoring": "  "}}}"#,
                "Nb.Low.Monitoring is empty",
            ),
            (
                &format!(r#"{{"en": {{"low": {{"response": "{long}"}}}}}}"#),
                "longer than 600",
            ),
        ];
        for (json, expected) in cases {
            let error = ResponseTexts::from_config(json).unwrap_err();
            assert!(error.0.contains(expected), "{json}: {}", error.0);
        }
    }
}
