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

use std::collections::BTreeMap;

use serde::Deserialize;

use super::texts::{Language, ResponseRow, ResponseTexts, RowTexts};

/// The longest text accepted: a banner is not a procedure manual.
pub const MAX_TEXT_CHARS: usize = 600;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RowOverride {
    response: Option<String>,
    monitoring: Option<String>,
}

/// Why a config was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl ResponseTexts {
    /// The default texts with a municipality's replacements, or why the config is refused.
    pub fn from_config(json: &str) -> Result<ResponseTexts, ConfigError> {
        let config: BTreeMap<Language, BTreeMap<ResponseRow, RowOverride>> =
            serde_json::from_str(json)
                .map_err(|e| ConfigError(format!("the response-text config is not valid: {e}")))?;
        let mut texts = ResponseTexts::default();
        for (language, rows) in config {
            for (row, replacement) in rows {
                let default = texts.row(language, row);
                let check = |field: &str, text: Option<String>, default: String| match text {
                    None => Ok(default),
                    Some(text) if text.trim().is_empty() => Err(ConfigError(format!(
                        "{language:?}.{row:?}.{field} is empty"
                    ))),
                    Some(text) if text.chars().count() > MAX_TEXT_CHARS => {
                        Err(ConfigError(format!(
                            "{language:?}.{row:?}.{field} is longer than {MAX_TEXT_CHARS} characters"
                        )))
                    }
                    Some(text) => Ok(text),
                };
                let response = check("response", replacement.response, default.response)?;
                let monitoring = check("monitoring", replacement.monitoring, default.monitoring)?;
                texts.replace(
                    language,
                    row,
                    RowTexts {
                        response,
                        monitoring,
                    },
                );
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
                "unknown field `threshold`",
            ),
            (r#"{"nb": {"high": {"response": 7}}}"#, "invalid type"),
            (
                r#"{"nb": {"high": {"response": "ok"}, "low": {"monitoring": "  "}}}"#,
                "Nb.Low.monitoring is empty",
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
