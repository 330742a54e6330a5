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
                    // Clock times only in a monitoring text: a response text names opening hours.
                    let clock_times = field == RowField::Monitoring;
                    if let Some(hours) = longest_interval_named(&text, clock_times)
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

/// A number written in words (nb, nn, en; cardinal or ordinal). Words that are also common
/// prepositions or pronouns ("to", "second", "andre") are left out: they say nothing here.
fn number_word(word: &str) -> Option<f64> {
    let n = match word {
        "ein" | "ett" | "eitt" | "one" | "første" | "first" => 1,
        "two" => 2,
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
        "tjue" | "twenty" => 20,
        _ => return None,
    };
    Some(f64::from(n))
}

/// A number in digits ("4", "1.5") or words; never "NaN" or "inf".
fn number(token: &str) -> Option<f64> {
    if token.starts_with(|c: char| c.is_ascii_digit()) {
        token.parse::<f64>().ok().filter(|n| n.is_finite())
    } else {
        number_word(token)
    }
}

/// Hours in one of a unit word ("time", "minutter", "døgn", "week").
fn unit_hours(word: &str) -> Option<f64> {
    match word {
        "t" | "h" | "hr" | "hrs" | "time" | "timer" | "timar" | "timen" | "timane" | "hour"
        | "hours" | "hourly" | "timers" => Some(1.0),
        "min" | "mins" | "minutt" | "minutter" | "minuttar" | "minute" | "minutes" => {
            Some(1.0 / 60.0)
        }
        "døgn" | "døgnet" | "dag" | "dagen" | "dager" | "dagar" | "day" | "days" | "daily"
        | "daglig" | "dagleg" => Some(24.0),
        "uke" | "uka" | "uken" | "uker" | "veke" | "veka" | "veker" | "week" | "weeks"
        | "weekly" | "ukentlig" | "vekentleg" => Some(168.0),
        _ => None,
    }
}

/// Words that make a number and a unit an interval between measurements ("hver 4. time",
/// "every 4 hours", "om 12 timer"), as against a duration ("de neste 24 timene") or a
/// deadline ("innen 2 timer").
fn interval_marker(word: &str) -> bool {
    matches!(
        word,
        "hver" | "hvert" | "kvar" | "kvart" | "every" | "each" | "om" | "etter" | "after" | "in"
    )
}

/// Words that may stand between a marker or a number and what it counts.
fn filler(word: &str) -> bool {
    matches!(
        word,
        "st" | "nd"
            | "rd"
            | "th"
            | "minst"
            | "at"
            | "least"
            | "i"
            | "per"
            | "pr"
            | "a"
            | "an"
            | "the"
            | "gang"
            | "gong"
    )
}

/// Words that say "so many times" ("2 ganger i døgnet", "3x daglig").
fn times_word(word: &str) -> bool {
    matches!(word, "x" | "gang" | "gong" | "ganger" | "gonger" | "times")
}

/// Splits a text into words and numbers: "4.–6." is `4`, `6`; "1,5" is `1.5`; "08:00" stays
/// one clock time.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.to_lowercase().chars().collect();
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let digits = !current.is_empty() && current.starts_with(|c: char| c.is_ascii_digit());
        let joins_number = matches!(c, ',' | '.' | ':')
            && digits
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if joins_number {
            current.push(if c == ',' { '.' } else { c });
        } else if c.is_alphanumeric() {
            if !current.is_empty() && c.is_ascii_digit() != digits {
                tokens.push(std::mem::take(&mut current));
            }
            current.push(c);
        } else if !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// The longest interval between measurements a text names, in hours, or `None` when it names
/// none. It reads what municipal routines write: "hver 4.–6. time", "every 30 minutes",
/// "12-hourly", "every 4th hour", "hver fjerde time", "annenhver time", "2 ganger i døgnet",
/// "3x daglig", "1 gang i uken", "hvert døgn", "ukentlig"; and, where `clock_times`, "kl. 08 og
/// 20". A number with a unit counts only as an interval ("hver", "every", "om", "-hourly"), not
/// as a duration or a deadline ("de neste 24 timene", "innen 2 timer"). A text that words an
/// interval another way is not caught: municipal texts still need local review (H-13).
fn longest_interval_named(text: &str, clock_times: bool) -> Option<f64> {
    let tokens = tokens(text);
    let mut longest: Option<f64> = None;
    let mut note = |hours: f64| longest = Some(longest.map_or(hours, |l: f64| l.max(hours)));
    let next_unit = |from: usize| {
        tokens[from.min(tokens.len())..]
            .iter()
            .find(|t| !filler(t))
            .and_then(|t| unit_hours(t))
    };

    // Clock times: "kl. 08 og 20", "kl 8 og kl 20", "kl. 08:00 og 20:00" is twice a day.
    if clock_times {
        let mut times: Vec<u32> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if matches!(tokens[i].as_str(), "kl" | "klokka" | "klokken") {
                let mut j = i + 1;
                while j < tokens.len() {
                    let t = tokens[j].as_str();
                    if let Some(hour) = t
                        .split([':', '.'])
                        .next()
                        .and_then(|h| h.parse::<u32>().ok())
                        .filter(|h| *h <= 24 && t.starts_with(|c: char| c.is_ascii_digit()))
                    {
                        if !times.contains(&hour) {
                            times.push(hour);
                        }
                    } else if !matches!(t, "og" | "and" | "kl" | "klokka" | "klokken") {
                        break;
                    }
                    j += 1;
                }
                i = j;
            } else {
                i += 1;
            }
        }
        if !times.is_empty() {
            note(24.0 / times.len() as f64);
        }
    }

    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i].as_str();
        // "annenhver time", "every other hour": a marker and two in one.
        let every_other = matches!(token, "annenhver" | "annakvar" | "annankvar")
            || (token == "other" && i > 0 && tokens[i - 1] == "every");
        if every_other {
            if let Some(unit) = next_unit(i + 1) {
                note(2.0 * unit);
            }
            i += 1;
            continue;
        }
        // "ukentlig", "daglig", "weekly" alone: once a unit (unless counted: "2x daglig").
        if matches!(
            token,
            "daglig" | "dagleg" | "daily" | "ukentlig" | "vekentleg" | "weekly"
        ) {
            let counted = tokens[..i]
                .iter()
                .rev()
                .take(3)
                .any(|t| times_word(t) || number(t).is_some());
            if !counted {
                note(unit_hours(token).unwrap_or(24.0));
            }
            i += 1;
            continue;
        }
        // A marker straight before a unit: "hvert døgn", "every day", "hver time".
        if interval_marker(token)
            && let Some(unit) = tokens.get(i + 1).and_then(|t| unit_hours(t))
        {
            note(unit);
            i += 2;
            continue;
        }
        // "x 2 daglig".
        if times_word(token)
            && let Some(count) = tokens.get(i + 1).and_then(|t| number(t))
            && count > 0.0
            && let Some(unit) = next_unit(i + 2)
        {
            note(unit / count);
            i += 2;
            continue;
        }
        let Some(first) = number(token) else {
            i += 1;
            continue;
        };
        // A range ("4–6", "4 til 6", "fjerde til sjette"): the larger counts.
        let mut value = first;
        let mut j = i + 1;
        if j + 1 < tokens.len()
            && matches!(tokens[j].as_str(), "til" | "to" | "or" | "eller")
            && let Some(second) = number(&tokens[j + 1])
        {
            value = value.max(second);
            j += 2;
        } else if let Some(second) = tokens.get(j).and_then(|t| number(t))
            && token.starts_with(|c: char| c.is_ascii_digit())
            && tokens[j].starts_with(|c: char| c.is_ascii_digit())
        {
            value = value.max(second);
            j += 1;
        }
        while j < tokens.len() && matches!(tokens[j].as_str(), "st" | "nd" | "rd" | "th") {
            j += 1;
        }
        let Some(word) = tokens.get(j).map(String::as_str) else {
            break;
        };
        if times_word(word) {
            // "2 ganger i døgnet": the period divided by the count.
            if let Some(unit) = next_unit(j + 1)
                && value > 0.0
            {
                note(unit / value);
            }
        } else if let Some(unit) = unit_hours(word) {
            let marked = tokens[..i]
                .iter()
                .rev()
                .find(|t| !filler(t))
                .is_some_and(|t| interval_marker(t));
            let adjectival = matches!(word, "hourly" | "timers");
            if marked || adjectival {
                note(value * unit);
            }
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
                    let hours = longest_interval_named(&text, true).unwrap_or(0.0);
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
        // Including what the two reviews of issue 10 found accepted.
        for (row, field, text) in [
            ("high", "monitoring", "Minst hver 4. time."),
            ("medium", "monitoring", "Minst kvar 4.–6. time."),
            ("low-medium", "monitoring", "Every 2 hours."),
            ("low", "monitoring", "Hvert døgn."),
            ("score-0", "monitoring", "Every 24 hours."),
            ("low", "monitoring", "8-hourly"),
            ("high", "monitoring", "Every 4th hour."),
            ("high", "monitoring", "Minst hver fjerde time."),
            ("medium", "monitoring", "Annenhver time."),
            ("high", "monitoring", "Four-hourly."),
            ("high", "monitoring", "Minst 1 gang i uken."),
            ("high", "monitoring", "Every 4 hrs"),
            ("medium", "monitoring", "Hver 2 timar"),
            ("high", "monitoring", "Hver 4.time"),
            ("high", "monitoring", "Every 4h"),
            ("high", "monitoring", "Hver 1,5 time"),
            ("medium", "monitoring", "2x daglig"),
            ("high", "monitoring", "hver fjerde til sjette time"),
            ("medium", "monitoring", "Mål kl. 08 og 20."),
            ("low", "monitoring", "Mål kl. 08:00 og 20:00."),
            ("low", "monitoring", "Mål kl. 08.00 og 20.00."),
            ("low", "monitoring", "Mål kl. 8 og kl. 20."),
            ("medium", "monitoring", "x 2 daglig"),
            ("low", "monitoring", "Ukentlig."),
            ("high", "monitoring", "Every other hour."),
            ("high", "response", "Ingen tiltak. Mål igjen om 12 timer."),
        ] {
            let error = ResponseTexts::from_config(&all_three(row, field, text)).expect_err(text);
            assert!(
                error.0.contains("contradict the schedule"),
                "{text}: {}",
                error.0
            );
        }
        for (row, field, text) in [
            (
                "high",
                "monitoring",
                "Kontinuerlig, og registrer hvert 15. minutt.",
            ),
            ("medium", "monitoring", "Minst hver time."),
            ("low", "monitoring", "Minst hver 4.–6. time."),
            ("score-0", "monitoring", "Minst hver 12. time."),
            (
                "high",
                "response",
                "Ring 113. Legen skal se pasienten innen 30 minutter.",
            ),
            ("medium", "response", "Ring legevakt på 116 117."),
            ("low", "monitoring", "Minst kvar fjerde til sjette time."),
            ("score-0", "monitoring", "Minst 2 ganger i døgnet."),
            ("low", "monitoring", "4x daglig."),
            ("medium", "response", "Kontakt fastlege samme dag."),
            (
                "medium",
                "response",
                "Kontakt legevakt (åpen hele døgnet) på 116 117.",
            ),
            (
                "medium",
                "response",
                "Ring fastlege (kl. 08–16), ellers legevakt 116 117.",
            ),
            (
                "high",
                "monitoring",
                "Kontinuerlig overvåking døgnet rundt.",
            ),
            ("medium", "monitoring", "Mål hver time det neste døgnet."),
            (
                "medium",
                "monitoring",
                "Observe hourly for the next 24 hours.",
            ),
            ("medium", "monitoring", "Increase frequency to hourly."),
            (
                "medium",
                "response",
                "Measure a second time within 30 minutes.",
            ),
            ("high", "response", "Gi 2 l/min oksygen og ring 113."),
            (
                "medium",
                "response",
                "Legen skal se pasienten innen 2 timer.",
            ),
            ("high", "monitoring", "Hver NaN t"),
        ] {
            assert!(
                ResponseTexts::from_config(&all_three(row, field, text)).is_ok(),
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
