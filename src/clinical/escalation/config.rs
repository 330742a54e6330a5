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

impl RowField {
    const fn name(self) -> &'static str {
        match self {
            RowField::Response => "response",
            RowField::Monitoring => "monitoring",
        }
    }
}

impl ResponseTexts {
    /// The default texts with a municipality's replacements, or why the config is refused.
    ///
    /// Every text replaced must be given in every language the widget can show: a nurse who
    /// reads nynorsk must not get RCP's default where a bokmål colleague gets the
    /// municipality's routine. A monitoring text may not name a longer interval than its row's
    /// schedule allows ("every 4 hours" for a score of 7 contradicts the schedule).
    pub fn from_config(json: &str) -> Result<ResponseTexts, ConfigError> {
        let config: UniqueMap<Language, UniqueMap<ResponseRow, UniqueMap<RowField, String>>> =
            serde_json::from_str(json)
                .map_err(|e| ConfigError(format!("the response-text config is not valid: {e}")))?;
        let mut texts = ResponseTexts::default();
        let mut given: Vec<(ResponseRow, RowField, Language)> = Vec::new();
        for (language, rows) in config.0 {
            let lang = language.code();
            for (row, fields) in rows.0 {
                let row_name = row.name();
                if fields.0.is_empty() {
                    return Err(ConfigError(format!("{lang}.{row_name} names no text")));
                }
                let mut replaced = texts.row(language, row);
                for (field, text) in fields.0 {
                    let where_ = format!("{lang}.{row_name}.{}", field.name());
                    if text.trim().is_empty() {
                        return Err(ConfigError(format!("{where_} is empty")));
                    }
                    if text.chars().count() > MAX_TEXT_CHARS {
                        return Err(ConfigError(format!(
                            "{where_} is longer than {MAX_TEXT_CHARS} characters"
                        )));
                    }
                    if field == RowField::Monitoring
                        && let Some(hours) = longest_interval_named(&text)
                        && hours * 3600.0 > row.longest_interval().as_secs_f64()
                    {
                        return Err(ConfigError(format!(
                            "{where_} names an interval of {hours} hours, longer than the {} hours \
                             Chart 4 allows for this row: it would contradict the schedule",
                            row.longest_interval().as_secs() / 3600
                        )));
                    }
                    given.push((row, field, language));
                    match field {
                        RowField::Response => replaced.response = text,
                        RowField::Monitoring => replaced.monitoring = text,
                    }
                }
                texts.replace(language, row, replaced);
            }
        }
        for &(row, field, _) in &given {
            let missing: Vec<&str> = Language::ALL
                .into_iter()
                .filter(|l| !given.contains(&(row, field, *l)))
                .map(Language::code)
                .collect();
            if !missing.is_empty() {
                return Err(ConfigError(format!(
                    "{}.{} is not given in {}: a municipal text must be given in nb, nn and en, \
                     so every language shows the same routine",
                    row.name(),
                    field.name(),
                    missing.join(", ")
                )));
            }
        }
        Ok(texts)
    }
}

/// The longest interval between sets a monitoring text names, in hours ("hver 4.–6. time",
/// "every 30 minutes", "12-hourly", "hvert døgn"), or `None` when it names none.
fn longest_interval_named(text: &str) -> Option<f64> {
    const HOURS: &[&str] = &[
        "t", "h", "time", "timer", "timar", "timen", "timers", "hour", "hours", "hourly", "hrs",
    ];
    const MINUTES: &[&str] = &["min", "minutt", "minutter", "minutes", "minute"];
    const DAYS: &[&str] = &[
        "døgn", "døgnet", "dag", "dager", "dagar", "day", "days", "daily",
    ];
    let lower = text.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let mut longest: Option<f64> = None;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A number, or a range of two ("4.–6."): the larger counts.
        let mut numbers = Vec::new();
        loop {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            numbers.push(digits.parse::<f64>().unwrap_or(0.0));
            let mut j = i;
            while j < chars.len() && matches!(chars[j], '.' | ' ') {
                j += 1;
            }
            if j < chars.len() && matches!(chars[j], '-' | '–' | '—') {
                j += 1;
                while j < chars.len() && chars[j] == ' ' {
                    j += 1;
                }
                if j < chars.len() && chars[j].is_ascii_digit() {
                    i = j;
                    continue;
                }
            }
            break;
        }
        while i < chars.len() && matches!(chars[i], '.' | ' ' | '-' | '–') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && chars[i].is_alphabetic() {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let factor = if HOURS.contains(&word.as_str()) {
            1.0
        } else if MINUTES.contains(&word.as_str()) {
            1.0 / 60.0
        } else if DAYS.contains(&word.as_str()) {
            24.0
        } else {
            continue;
        };
        let hours = numbers.iter().copied().fold(0.0, f64::max) * factor;
        longest = Some(longest.map_or(hours, |l: f64| l.max(hours)));
    }
    // "hvert døgn", "daily" without a number: one day.
    if longest.is_none()
        && lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| matches!(w, "døgn" | "døgnet" | "daily"))
    {
        longest = Some(24.0);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One text in all three languages, as a config must give it.
    fn all_three(row: &str, field: &str, text: &str) -> String {
        format!(
            r#"{{"nb": {{"{row}": {{"{field}": "{text}"}}}}, "nn": {{"{row}": {{"{field}": "{text}"}}}}, "en": {{"{row}": {{"{field}": "{text}"}}}}}}"#
        )
    }

    #[test]
    fn replaces_only_what_it_names() {
        let texts =
            ResponseTexts::from_config(&all_three("medium", "response", "Ring legevakt.")).unwrap();
        let defaults = ResponseTexts::default();
        let medium = texts.row(Language::Nb, ResponseRow::Medium);
        assert_eq!(medium.response, "Ring legevakt.");
        assert_eq!(
            medium.monitoring,
            defaults.row(Language::Nb, ResponseRow::Medium).monitoring
        );
        assert_eq!(
            texts.row(Language::Nn, ResponseRow::Medium).response,
            "Ring legevakt."
        );
        assert_eq!(
            texts.row(Language::Nb, ResponseRow::High),
            defaults.row(Language::Nb, ResponseRow::High)
        );
    }

    #[test]
    fn a_text_given_in_one_language_only_is_refused() {
        let error =
            ResponseTexts::from_config(r#"{"nb": {"medium": {"response": "Ring legevakt."}}}"#)
                .unwrap_err();
        assert!(
            error.0.contains("medium.response is not given in nn, en"),
            "{}",
            error.0
        );
    }

    #[test]
    fn a_monitoring_text_may_not_contradict_the_schedule() {
        for (row, text) in [
            ("high", "Minst hver 4. time."),
            ("medium", "Minst kvar 4.–6. time."),
            ("low-medium", "Every 2 hours."),
            ("low", "Hvert døgn."),
            ("score-0", "Every 24 hours."),
            ("low", "8-hourly"),
        ] {
            let error =
                ResponseTexts::from_config(&all_three(row, "monitoring", text)).expect_err(text);
            assert!(
                error.0.contains("contradict the schedule"),
                "{text}: {}",
                error.0
            );
        }
        for (row, text) in [
            ("high", "Kontinuerlig, og registrer hvert 15. minutt."),
            ("medium", "Minst hver time."),
            ("low", "Minst hver 4.–6. time."),
            ("score-0", "Minst hver 12. time."),
        ] {
            assert!(
                ResponseTexts::from_config(&all_three(row, "monitoring", text)).is_ok(),
                "{text}"
            );
        }
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
            (r#"{"nb": {"high": {}}}"#, "nb.high names no text"),
            (r#"{"nb": {"high": {"response": 7}}}"#, "invalid type"),
            (
                r#"{"nb": {"high": {"response": "ok"}, "low": {"monitoring": "  "}}}"#,
                "nb.low.monitoring is empty",
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
