//! Norwegian national identity numbers (fødselsnummer, D-nummer, H-nummer: 11 digits) in text,
//! in whatever form a person or a server writes them: bare, grouped ("131169 00216",
//! "131169-00216"), with any Unicode decimal digits, percent-encoded in a URL.
//!
//! Such a number must never travel in a URL (URLs end up in proxy and server logs, browser
//! history and referrers) nor reach a log or a screen from a server's message. These functions
//! find it; `fhir::urls` and `fhir::bundle` act on what they find.

use super::codes;

/// The first code point of every run of ten Unicode decimal digits (general category Nd,
/// Unicode 14), so a digit from any script is read as its value.
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of a decimal digit of any script.
fn digit_value(c: char) -> Option<u8> {
    let code = u32::from(c);
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .and_then(|zero| u8::try_from(code - zero).ok())
}

/// Characters people and systems put between the groups of a number.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '-'
            | '.'
            | '+'
            | '\u{a0}'
            | '\u{2009}'
            | '\u{202f}'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
    )
}

/// A run of digits in text, separators allowed singly between them: its digits and the byte
/// range it covers.
struct DigitRun {
    digits: Vec<u8>,
    start: usize,
    end: usize,
}

fn digit_runs(text: &str) -> Vec<DigitRun> {
    let mut runs = Vec::new();
    let mut current: Option<DigitRun> = None;
    let mut separator_pending = false;
    for (at, c) in text.char_indices() {
        if let Some(value) = digit_value(c) {
            let run = current.get_or_insert(DigitRun {
                digits: Vec::new(),
                start: at,
                end: at,
            });
            run.digits.push(value);
            run.end = at + c.len_utf8();
            separator_pending = false;
        } else if is_separator(c) && current.is_some() && !separator_pending {
            separator_pending = true;
        } else {
            runs.extend(current.take());
            separator_pending = false;
        }
    }
    runs.extend(current);
    runs
}

/// The identifier system of a national identity number as it is written in FHIR: a D-nummer
/// (first digit 4–7: the day plus 40) has its own, every other number is a fødselsnummer.
pub fn identifier_system(number: &str) -> &'static str {
    match number.trim().as_bytes().first() {
        Some(b'4'..=b'7') => codes::NATIONAL_ID_SYSTEMS[1],
        _ => codes::NATIONAL_ID_SYSTEMS[0],
    }
}

/// Whether 11 digits pass the identity number's two modulus-11 checks (fødselsnummer, D- and
/// H-nummer alike). Numbers issued from 2032 on may relax the first check; this rule must
/// follow when they do.
pub fn checksum_valid(digits: &[u8]) -> bool {
    const FIRST: [u32; 10] = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
    const SECOND: [u32; 11] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    if digits.len() != 11 {
        return false;
    }
    let weighted = |weights: &[u32]| -> u32 {
        weights
            .iter()
            .zip(digits)
            .map(|(w, &d)| w * u32::from(d))
            .sum()
    };
    weighted(&FIRST) % 11 == 0 && weighted(&SECOND) % 11 == 0
}

/// Whether the text holds 11 digits in a row (in any form) that pass the checksum: a national
/// identity number, as far as can be told without the population register.
pub fn contains_valid(text: &str) -> bool {
    digit_runs(text)
        .iter()
        .any(|run| run.digits.windows(11).any(checksum_valid))
}

/// Whether the text holds a run of 11 or more digits in any form, valid or not: the strict
/// test for what a host configures, where a number of that length has no business.
pub fn contains_eleven_digits(text: &str) -> bool {
    digit_runs(text).iter().any(|run| run.digits.len() >= 11)
}

/// Whether the text holds this number (its digits in order, in any form).
pub fn contains_number(text: &str, number: &str) -> bool {
    let wanted: Vec<u8> = number.chars().filter_map(digit_value).collect();
    !wanted.is_empty()
        && digit_runs(text)
            .iter()
            .any(|run| run.digits.windows(wanted.len()).any(|w| w == wanted))
}

/// The text with every run of 11 or more digits (in any form) replaced: for a server's message,
/// which may echo the search it was given.
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for run in digit_runs(text).iter().filter(|run| run.digits.len() >= 11) {
        out.push_str(&text[copied..run.start]);
        out.push_str("[number removed]");
        copied = run.end;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // A synthetic number from the tax authority's test population (month + 80): checksum-valid
    // and no one's.
    const SYNTHETIC: &str = "13916900281";

    fn digits(text: &str) -> Vec<u8> {
        text.chars().filter_map(digit_value).collect()
    }

    #[test]
    fn the_checksum_is_the_registers() {
        // Worked example of the register: 311299567 gives the control digits 1 and 5.
        assert!(checksum_valid(&digits("31129956715")));
        assert!(!checksum_valid(&digits("31129956716")));
        assert!(
            !checksum_valid(&digits("31129956705")),
            "first control digit off by one"
        );
        assert!(checksum_valid(&digits("13116900216")));
        assert!(!checksum_valid(&digits("1311690021")));
    }

    #[test]
    fn found_in_every_form_it_is_written() {
        for text in [
            "13116900216",
            "Patient/13116900216/_history/1",
            "131169 00216",
            "131169-00216",
            "131169.00216",
            "131169\u{a0}00216",
            // Arabic-Indic and full-width digits.
            "\u{661}\u{663}\u{661}\u{661}\u{666}\u{669}\u{660}\u{660}\u{662}\u{661}\u{666}",
            "\u{ff11}\u{ff13}\u{ff11}\u{ff11}\u{ff16}\u{ff19}\u{ff10}\u{ff10}\u{ff12}\u{ff11}\u{ff16}",
            "x9913116900216",
        ] {
            assert!(contains_valid(text), "{text}");
            assert!(contains_eleven_digits(text), "{text}");
            assert!(contains_number(text, "131169 00216"), "{text}");
            assert!(
                !redact(text).contains("00216"),
                "{text} -> {}",
                redact(text)
            );
        }
        assert!(contains_valid(SYNTHETIC));
    }

    #[test]
    fn ordinary_numbers_are_left_alone() {
        for text in [
            "Observation?_count=500&date=ge2026-12-04T10:00:00Z",
            "1311690021",
            "13116900217",
            "Patient/8f3c2a",
            "131169  00216",
        ] {
            assert!(!contains_valid(text), "{text}");
        }
        assert_eq!(redact("pulse 72 at 10:00"), "pulse 72 at 10:00");
        assert_eq!(redact("id 1311690021 is short"), "id 1311690021 is short");
        assert_eq!(
            redact("no match for 131169 00216; try again"),
            "no match for [number removed]; try again"
        );
    }
}
