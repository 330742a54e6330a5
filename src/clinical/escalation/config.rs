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
                    // A monitoring text is read strictly; a response text only where it speaks
                    // of measuring (it names opening hours and deadlines for calling a doctor).
                    let strict = field == RowField::Monitoring;
                    if let Some(hours) = longest_interval_named(&text, strict)
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

/// A number written in words (nb, nn, en; cardinal or ordinal). "to" (two, or the English
/// preposition) counts only where a count or a unit follows it.
fn number_word(word: &str) -> Option<f64> {
    let n = match word {
        "en" | "én" | "ein" | "éin" | "ei" | "ett" | "eitt" | "one" | "første" | "first" => 1,
        "to" | "two" => 2,
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

/// Ordinals that also mean "other" or "second" ("hver andre time", "every second hour"), read
/// as a number only right after a marker.
fn ordinal_after_marker(word: &str) -> Option<f64> {
    match word {
        "andre" | "annen" | "anna" | "annan" | "second" | "other" => Some(2.0),
        "halve" | "halv" | "halvt" | "half" => Some(0.5),
        _ => number_word(word),
    }
}

/// A number in digits ("4", "1.5") or words; never "NaN" or "inf".
fn number(token: &str) -> Option<f64> {
    if token.starts_with(|c: char| c.is_ascii_digit()) {
        token.parse::<f64>().ok().filter(|n| n.is_finite())
    } else {
        number_word(token)
    }
}

/// Hours in one of a unit word ("time", "minutter", "døgn", "vakt", "week").
fn unit_hours(word: &str) -> Option<f64> {
    match word {
        "t" | "h" | "hr" | "hrs" | "time" | "timer" | "timar" | "timen" | "timane" | "hour"
        | "hours" | "hourly" | "hrly" | "timers" => Some(1.0),
        "min" | "mins" | "minutt" | "minutter" | "minuttar" | "minute" | "minutes" => {
            Some(1.0 / 60.0)
        }
        "vakt" | "vakta" | "vakten" | "vakter" | "shift" | "shifts" => Some(8.0),
        "halvdøgn" | "halvdøgnet" => Some(12.0),
        "døgn" | "døgnet" | "døger" | "døgeret" | "dag" | "dagen" | "dager" | "dagar" | "day"
        | "days" | "daily" | "daglig" | "dagleg" | "morgen" | "morning" | "kveld" | "kvelden"
        | "evening" | "natt" | "night" => Some(24.0),
        "uke" | "uka" | "uken" | "uker" | "veke" | "veka" | "veker" | "week" | "weeks"
        | "weekly" | "ukentlig" | "vekentleg" => Some(168.0),
        _ => None,
    }
}

/// Parts of the day: a monitoring text that names them names a number of sets a day ("morgen
/// og kveld" is twice).
fn day_part(word: &str) -> bool {
    matches!(
        word,
        "morgen"
            | "formiddag"
            | "middag"
            | "ettermiddag"
            | "kveld"
            | "natt"
            | "morning"
            | "noon"
            | "afternoon"
            | "evening"
            | "night"
            | "morgon"
            | "ettermiddagen"
    )
}

/// Words that make a number and a unit an interval between measurements ("hver 4. time",
/// "every 4 hours", "om 12 timer", "q4h"); in a monitoring text also a deadline for the next
/// set ("innen 4 timer"). A duration ("de neste 24 timene") is neither.
fn interval_marker(word: &str, strict: bool) -> bool {
    matches!(
        word,
        "hver"
            | "hvert"
            | "kvar"
            | "kvart"
            | "every"
            | "each"
            | "om"
            | "etter"
            | "after"
            | "in"
            | "q"
    ) || (strict && matches!(word, "innen" | "innan" | "within"))
}

/// Words that may stand between a marker or a number and what it counts.
fn filler(word: &str) -> bool {
    matches!(
        word,
        "st" | "nd"
            | "rd"
            | "th"
            | "de"
            | "te"
            | "minst"
            | "at"
            | "least"
            | "i"
            | "per"
            | "pr"
            | "a"
            | "an"
            | "the"
    )
}

/// Words that say "so many times" ("2 ganger i døgnet", "3x daglig").
fn times_word(word: &str) -> bool {
    matches!(word, "x" | "gang" | "gong" | "ganger" | "gonger" | "times")
}

/// "once", "twice", "thrice": a count and "times" in one.
fn count_word(word: &str) -> Option<f64> {
    match word {
        "once" => Some(1.0),
        "twice" => Some(2.0),
        "thrice" => Some(3.0),
        _ => None,
    }
}

/// Words that tell a response text speaks of measuring (then an interval in it is one between
/// sets); a response text that does not ("ring legevakt om 2 timer dersom…") names deadlines.
fn speaks_of_measuring(tokens: &[String]) -> bool {
    tokens.iter().any(|t| {
        [
            "mål",
            "observ",
            "measur",
            "news",
            "obs",
            "gjenta",
            "repeat",
            "kontrollmål",
            "vital",
        ]
        .iter()
        .any(|stem| t.starts_with(stem))
    })
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
/// none. `strict` for a monitoring text: deadlines ("innen 4 timer"), clock times ("kl. 08 og
/// 20") and parts of the day ("morgen og kveld") count too. A response text is read only where
/// it speaks of measuring, so opening hours and deadlines for calling a doctor pass.
///
/// It reads what municipal routines write: "hver 4.–6. time", "every 30 minutes", "12-hourly",
/// "every 4th hour", "hver fjerde time", "hver andre time", "annenhver time", "q4h", "2 ganger i
/// døgnet", "3x daglig", "twice a day", "én gang per vakt", "1 gang i uken", "hvert døgn",
/// "ukentlig". A number with a unit counts only as an interval (after "hver", "every", "om",
/// "q", or as "-hourly"), not as a duration ("de neste 24 timene"). A text that words an
/// interval another way is not caught: municipal texts still need local review (H-13).
fn longest_interval_named(text: &str, strict: bool) -> Option<f64> {
    let tokens = tokens(text);
    if !strict && !speaks_of_measuring(&tokens) {
        return None;
    }
    let mut longest: Option<f64> = None;
    let mut note = |hours: f64| longest = Some(longest.map_or(hours, |l: f64| l.max(hours)));
    let next_unit = |from: usize| {
        tokens[from.min(tokens.len())..]
            .iter()
            .find(|t| !filler(t))
            .and_then(|t| unit_hours(t))
    };
    let marked_before = |i: usize| {
        tokens[..i]
            .iter()
            .rev()
            .find(|t| !filler(t))
            .is_some_and(|t| interval_marker(t, strict))
    };

    if strict {
        // Clock times: "kl. 08 og 20", "kl 8 og kl 20", "kl. 08:00 og 20:00" is twice a day.
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
                        .filter(|_| t.starts_with(|c: char| c.is_ascii_digit()))
                        .and_then(|h| h.parse::<u32>().ok())
                        .filter(|h| *h <= 24)
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
        // One clock time is an appointment ("legevisitt kl. 10"), not a schedule.
        if times.len() >= 2 {
            note(24.0 / times.len() as f64);
        }
        // Parts of the day, unless counted or marked ("hver morgen" is read below).
        let parts = tokens
            .iter()
            .enumerate()
            .filter(|(i, t)| day_part(t) && !marked_before(*i))
            .count();
        if parts > 0 {
            note(24.0 / parts as f64);
        }
    }

    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i].as_str();
        // "annenhver time", "every other hour": a marker and two in one.
        if matches!(token, "annenhver" | "annakvar" | "annankvar") {
            if let Some(unit) = next_unit(i + 1) {
                note(2.0 * unit);
            }
            i += 1;
            continue;
        }
        // "twice a day", "once per shift".
        if let Some(count) = count_word(token) {
            if let Some(unit) = next_unit(i + 1) {
                note(unit / count);
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
                .any(|t| times_word(t) || count_word(t).is_some() || number(t).is_some());
            if !counted {
                note(unit_hours(token).unwrap_or(24.0));
            }
            i += 1;
            continue;
        }
        // A marker before a unit, with an ordinal or a range of them between: "hvert døgn",
        // "hver time", "hver andre time", "hver fjerde–sjette time", "hver halve døgn".
        if interval_marker(token, strict) {
            let mut j = i + 1;
            let mut value: Option<f64> = None;
            while let Some(n) = tokens
                .get(j)
                .and_then(|t| ordinal_after_marker(t).or_else(|| number(t)))
            {
                value = Some(value.map_or(n, |v: f64| v.max(n)));
                j += 1;
                while tokens.get(j).is_some_and(|t| {
                    matches!(t.as_str(), "til" | "to" | "or" | "eller") || filler(t)
                }) {
                    j += 1;
                }
            }
            if let Some(unit) = tokens.get(j).and_then(|t| unit_hours(t)) {
                note(value.unwrap_or(1.0) * unit);
                i = j + 1;
                continue;
            }
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
        // A range ("4–6", "4 til 6"): the larger counts.
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
        while j < tokens.len()
            && matches!(tokens[j].as_str(), "st" | "nd" | "rd" | "th" | "de" | "te")
        {
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
            // "4-hourly", "four-hourly", "4-timers"; not "to hourly" (the preposition).
            let counted = token != "to";
            let adjectival =
                counted && (matches!(word, "hourly" | "hrly") || (strict && word == "timers"));
            if marked_before(i) || adjectival {
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
            // From the third review.
            ("score-0", "monitoring", "NEWS2 måles en gang i døgnet."),
            ("score-0", "monitoring", "Once a day."),
            ("score-0", "monitoring", "Hver morgen."),
            ("medium", "monitoring", "To ganger i døgnet."),
            ("medium", "monitoring", "2 gonger i døgeret."),
            ("medium", "monitoring", "Twice a day."),
            ("medium", "monitoring", "Morgen og kveld."),
            ("medium", "monitoring", "Morning and evening."),
            ("medium", "monitoring", "Én gang per vakt."),
            ("medium", "monitoring", "Every shift."),
            ("medium", "monitoring", "Kvar vakt."),
            ("high", "monitoring", "Hver andre time."),
            ("high", "monitoring", "Kvar andre time."),
            ("high", "monitoring", "Every second hour."),
            ("high", "monitoring", "Hver annen time."),
            ("high", "monitoring", "Hver fjerde–sjette time."),
            ("high", "monitoring", "Kvar fjerde/sjette time."),
            ("high", "monitoring", "Hver 4de time."),
            ("high", "monitoring", "Q4h."),
            ("high", "monitoring", "4 hrly obs."),
            ("high", "monitoring", "Hver halve døgn."),
            ("high", "monitoring", "Hvert halvdøgn."),
            ("low", "monitoring", "Mål morgen, middag og kveld."),
            ("low", "monitoring", "Minst to ganger per døgn."),
            ("high", "monitoring", "Ny NEWS2 innen 4 timer."),
            (
                "medium",
                "monitoring",
                "Repeat observations within 4 hours.",
            ),
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
            // From the third review.
            ("score-0", "monitoring", "Twice daily."),
            ("score-0", "monitoring", "Minimum twice daily."),
            (
                "medium",
                "response",
                "Kontakt 24-timers legevakt på 116 117.",
            ),
            ("medium", "response", "Vurder om 24-timers urin er aktuelt."),
            (
                "medium",
                "response",
                "Kontakt lege hvis ikke bedre etter 2 timer.",
            ),
            ("medium", "response", "Call the GP if no better in 2 hours."),
            (
                "medium",
                "response",
                "Ring lege om 2 timer dersom ingen bedring.",
            ),
            ("medium", "response", "Daglig legetilsyn."),
            ("medium", "response", "Paracet 1 g x 4 daglig."),
            ("medium", "monitoring", "Hver time. Legevisitt kl. 10."),
            (
                "high",
                "monitoring",
                "Kontinuerlig. Lege tilser innen kl. 12.",
            ),
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
