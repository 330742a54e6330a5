//! How a banner level is presented: its tone, its symbol and whether it interrupts.
//!
//! Plain enums, tested natively, so that "never colour alone" and "alert only where it must
//! interrupt" are decided once and not per view.

use crate::clinical::ClinicalRisk;
use crate::clinical::escalation::Level;

/// The banner's colour family; always paired with [`Presentation::symbol`] and the level's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Neutral,
    Low,
    LowMedium,
    Medium,
    High,
    Warning,
}

impl Tone {
    /// The CSS modifier (`news2-banner--high`).
    pub fn class(self) -> &'static str {
        match self {
            Tone::Neutral => "news2-banner--neutral",
            Tone::Low => "news2-banner--low",
            Tone::LowMedium => "news2-banner--low-medium",
            Tone::Medium => "news2-banner--medium",
            Tone::High => "news2-banner--high",
            Tone::Warning => "news2-banner--warning",
        }
    }
}

/// Everything about a banner that is not its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Presentation {
    pub tone: Tone,
    /// A text symbol shown before the level's words (not an icon font: it prints and reads).
    pub symbol: &'static str,
    /// `role="alert"`: announced at once by screen readers. Only for levels that call for a
    /// clinical response or a set now; the rest are `role="status"`, so a nurse is not
    /// interrupted by information.
    pub interrupts: bool,
}

fn for_band(band: ClinicalRisk) -> Presentation {
    match band {
        ClinicalRisk::High => Presentation {
            tone: Tone::High,
            symbol: "▲▲▲",
            interrupts: true,
        },
        ClinicalRisk::Medium => Presentation {
            tone: Tone::Medium,
            symbol: "▲▲",
            interrupts: true,
        },
        ClinicalRisk::LowMedium => Presentation {
            tone: Tone::LowMedium,
            symbol: "▲",
            interrupts: true,
        },
        ClinicalRisk::Low => Presentation {
            tone: Tone::Low,
            symbol: "●",
            interrupts: false,
        },
    }
}

pub fn presentation(level: Level) -> Presentation {
    match level {
        Level::High => for_band(ClinicalRisk::High),
        Level::Medium => for_band(ClinicalRisk::Medium),
        Level::LowMedium => for_band(ClinicalRisk::LowMedium),
        Level::IncompleteMinimum(band) | Level::SourceStated(band) => for_band(band),
        // Nothing calmer may stand until the newest set is complete: a call to act now.
        Level::Incomplete => Presentation {
            tone: Tone::Warning,
            symbol: "◐",
            interrupts: true,
        },
        Level::Overdue => Presentation {
            tone: Tone::Warning,
            symbol: "⏰",
            interrupts: true,
        },
        Level::StaleData | Level::SourceDisagreement | Level::FutureDated => Presentation {
            tone: Tone::Warning,
            symbol: "!",
            interrupts: false,
        },
        Level::Information => Presentation {
            tone: Tone::Low,
            symbol: "i",
            interrupts: false,
        },
        Level::None => Presentation {
            tone: Tone::Neutral,
            symbol: "✓",
            interrupts: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clinical_response_levels_interrupt_and_information_does_not() {
        for level in [
            Level::High,
            Level::Medium,
            Level::LowMedium,
            Level::Overdue,
            Level::Incomplete,
            Level::IncompleteMinimum(ClinicalRisk::High),
            Level::SourceStated(ClinicalRisk::Medium),
        ] {
            assert!(presentation(level).interrupts, "{level:?}");
        }
        for level in [
            Level::None,
            Level::Information,
            Level::StaleData,
            Level::SourceDisagreement,
            Level::FutureDated,
            Level::IncompleteMinimum(ClinicalRisk::Low),
            Level::SourceStated(ClinicalRisk::Low),
        ] {
            assert!(!presentation(level).interrupts, "{level:?}");
        }
    }

    #[test]
    fn an_incomplete_set_looks_like_the_band_already_certain() {
        assert_eq!(
            presentation(Level::IncompleteMinimum(ClinicalRisk::Medium)),
            presentation(Level::Medium)
        );
    }

    #[test]
    fn every_band_has_its_own_symbol_besides_its_colour() {
        let symbols: Vec<_> = [
            Level::High,
            Level::Medium,
            Level::LowMedium,
            Level::Information,
        ]
        .map(|l| presentation(l).symbol)
        .to_vec();
        let mut unique = symbols.clone();
        unique.dedup();
        assert_eq!(symbols, unique);
    }
}
