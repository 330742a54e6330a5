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
    /// municipality's routine. Neither text may name a longer interval than its row's schedule
    /// allows ("every 4 hours", or "measure again in 12 hours", for a score of 7 contradicts
    /// the schedule).
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
                    if let Some(hours) = longest_interval_named(&text)
                        && hours * 3600.0 > row.longest_interval().as_secs_f64() + 0.5
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

/// A number a text names, in digits or in words (nb, nn, en; cardinal or ordinal).
fn number_word(word: &str) -> Option<f64> {
    let n = match word {
        "en" | "ein" | "ei" | "ett" | "eitt" | "one" | "første" | "first" => 1,
        "to" | "two" | "andre" | "second" | "annenhver" | "annakvar" | "annankvar" | "other" => 2,
        "tre" | "three" | "tredje" | "third" => 3,
        "fire" | "four" | "fjerde" | "fourth" => 4,
        "fem" | "five" | "femte" | "fifth" => 5,
        "seks" | "six" | "sjette" | "sixth" => 6,
        "sju" | "syv" | "seven" | "sjuende" | "syvende" | "seventh" => 7,
        "åtte" | "eight" | "åttende" | "eighth" => 8,
        "ni" | "nine" | "niende" | "ninth" => 9,
        "ti" | "ten" | "tiende" | "tenth" => 10,
        "elleve" | "eleven" | "ellevte" | "eleventh" => 11,
        "tolv" | "twelve" | "tolvte" | "twelfth" => 12,
        "tjue" | "twenty" | "tjuende" | "twentieth" => 20,
        "tjuefire" | "twentyfour" => 24,
        _ => return None,
    };
    Some(f64::from(n))
}

/// Hours in one of a unit word ("time", "minutter", "døgn", "week"), or `None`.
fn unit_hours(word: &str) -> Option<f64> {
    const HOURS: &[&str] = &[
        "t", "h", "hr", "hrs", "time", "timer", "timar", "timen", "timane", "timers", "hour",
        "hours", "hourly", "timesvis",
    ];
    const MINUTES: &[&str] = &[
        "min", "mins", "minutt", "minutter", "minuttar", "minute", "minutes",
    ];
    const DAYS: &[&str] = &[
        "døgn", "døgnet", "dag", "dagen", "dager", "dagar", "day", "days", "daily", "daglig",
        "dagleg",
    ];
    const WEEKS: &[&str] = &[
        "uke",
        "uka",
        "uken",
        "uker",
        "veke",
        "veka",
        "veker",
        "week",
        "weeks",
        "weekly",
        "ukentlig",
        "vekentleg",
    ];
    if HOURS.contains(&word) {
        Some(1.0)
    } else if MINUTES.contains(&word) {
        Some(1.0 / 60.0)
    } else if DAYS.contains(&word) {
        Some(24.0)
    } else if WEEKS.contains(&word) {
        Some(168.0)
    } else {
        None
    }
}

/// Words that say "so many times" ("2 ganger i døgnet", "3x daily", "twice a day").
fn times_word(word: &str) -> bool {
    matches!(
        word,
        "x" | "ganger" | "gonger" | "gang" | "gong" | "times" | "twice" | "once" | "thrice"
    )
}

/// Words that carry nothing between a number and what it counts.
fn filler(word: &str) -> bool {
    matches!(
        word,
        "st" | "nd"
            | "rd"
            | "th"
            | "per"
            | "pr"
            | "i"
            | "a"
            | "an"
            | "om"
            | "in"
            | "every"
            | "hver"
            | "hvert"
            | "kvar"
            | "kvart"
            | "each"
    )
}

/// The longest interval between sets a text names, in hours, or `None` when it names none. It
/// reads what municipal routines write: "hver 4.–6. time", "every 30 minutes", "12-hourly",
/// "every 4th hour", "hver fjerde time", "annenhver time", "2 ganger i døgnet", "3x daglig",
/// "1 gang i uken", "hvert døgn", "kl. 08 og 20". A text that words an interval another way is
/// not caught: municipal texts still need local review (hazard log H-13).
fn longest_interval_named(text: &str) -> Option<f64> {
    let lower = text.to_lowercase();
    // Words and numbers; a decimal comma or point inside a number stays ("1,5").
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = lower.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let in_number = |t: &str| t.chars().all(|c| c.is_ascii_digit() || c == '.');
        let decimal_mark = (c == ',' || c == '.')
            && !current.is_empty()
            && current.chars().all(|c| c.is_ascii_digit())
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || decimal_mark {
            // A change between digits and letters ends a token ("4th", "2x", "12-hourly").
            if !current.is_empty() && (c.is_ascii_digit() != in_number(&current)) && !decimal_mark {
                tokens.push(std::mem::take(&mut current));
            }
            current.push(if c == ',' { '.' } else { c });
        } else if !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    let number = |t: &str| t.parse::<f64>().ok().or_else(|| number_word(t));
    let mut longest: Option<f64> = None;
    let mut note = |hours: f64| longest = Some(longest.map_or(hours, |l: f64| l.max(hours)));

    // Clock times: "kl. 08 og 20" is twice a day.
    if let Some(at) = tokens
        .iter()
        .position(|t| t == "kl" || t == "klokka" || t == "klokken")
    {
        let times = tokens[at + 1..]
            .iter()
            .take_while(|t| number(t).is_some() || matches!(t.as_str(), "og" | "and" | "00" | "30"))
            .filter(|t| t.parse::<u32>().is_ok_and(|h| h <= 24) && t.len() <= 2)
            .count();
        if times > 0 {
            note(24.0 / times as f64);
        }
    }
    let mut i = 0;
    while i < tokens.len() {
        let Some(first) = number(&tokens[i]) else {
            // "hvert døgn", "daily", "weekly": once per unit.
            if let Some(unit) = unit_hours(&tokens[i]).filter(|u| *u >= 24.0) {
                let counted = i > 0 && number(&tokens[i - 1]).is_some();
                if !counted {
                    note(unit);
                }
            }
            // "twice a day", "once a week".
            if let Some(times) = match tokens[i].as_str() {
                "once" => Some(1.0),
                "twice" => Some(2.0),
                "thrice" => Some(3.0),
                _ => None,
            } && let Some(unit) = tokens[i + 1..]
                .iter()
                .skip_while(|t| filler(t))
                .find_map(|t| unit_hours(t))
            {
                note(unit / times);
            }
            i += 1;
            continue;
        };
        // A range ("4–6", "fjerde til sjette"): the larger counts.
        let mut value = first;
        let mut j = i + 1;
        while j < tokens.len() && filler(&tokens[j]) {
            j += 1;
        }
        if j + 1 < tokens.len()
            && matches!(
                tokens[j].as_str(),
                "til" | "to" | "or" | "eller" | "and" | "og"
            )
            && let Some(second) = number(&tokens[j + 1])
        {
            value = value.max(second);
            j += 2;
            while j < tokens.len() && filler(&tokens[j]) {
                j += 1;
            }
        } else if j < tokens.len()
            && let Some(second) = number(&tokens[j])
            && tokens[j].parse::<f64>().is_ok()
            && tokens[i].parse::<f64>().is_ok()
        {
            // "4 6" from "4-6" with the dash dropped.
            value = value.max(second);
            j += 1;
        }
        let Some(word) = tokens.get(j) else {
            break;
        };
        if times_word(word) {
            // "2 ganger i døgnet": the period divided by the count.
            if let Some(unit) = tokens[j + 1..]
                .iter()
                .skip_while(|t| filler(t))
                .find_map(|t| unit_hours(t))
                && value > 0.0
            {
                note(unit / value);
            }
        } else if let Some(unit) = unit_hours(word) {
            note(value * unit);
        }
        i = j.max(i + 1);
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
    fn the_default_texts_pass_their_own_check() {
        let defaults = ResponseTexts::default();
        for language in Language::ALL {
            for row in ResponseRow::ALL {
                let texts = defaults.row(language, row);
                for text in [texts.response, texts.monitoring] {
                    let hours = longest_interval_named(&text).unwrap_or(0.0);
                    assert!(
                        hours * 3600.0 <= row.longest_interval().as_secs_f64(),
                        "{text}"
                    );
                }
            }
        }
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
