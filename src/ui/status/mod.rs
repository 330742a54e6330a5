//! The latest set at a glance: total and clinical risk (or why there is none), each parameter
//! with its value, charted value and sub-score, the SpO2 scale and why, when and by whom it
//! was taken. When the next set is due, and the total of the set the banner stands on, are the
//! banner's to say.

use leptos::prelude::*;

use crate::clinical::News2;
use crate::clinical::escalation::{Basis, Decision};
use crate::clinical::observation_set::ObservationSet;
use crate::i18n::format::{LocalZone, clock, date_time, iso_utc};
use crate::i18n::{Language, provenance, words};
use crate::ui::set_view::{TotalView, parameters, scale_basis};
use crate::ui::sub_score::SubScoreBadge;

#[component]
pub fn LatestSet(
    set: ObservationSet,
    decision: Decision,
    language: Language,
    zone: &'static dyn LocalZone,
) -> impl IntoView {
    let w = words(language);
    // The banner above names the total and band of the set it stands on: when that is this
    // set, saying it again here only makes the nurse read twice.
    let in_banner = decision.standing.as_ref().is_some_and(|standing| {
        standing.at == set.taken_at() && matches!(standing.basis, Basis::Computed { .. })
    });
    let summary = match (TotalView::of(&set), set.score()) {
        (TotalView::Computed { .. }, News2::Complete(_)) if in_banner => ().into_any(),
        (TotalView::Computed { total, risk }, News2::Complete(score)) => view! {
            <p class="news2-status__total" data-risk=risk.name()>
                <span>{w.total}" "</span><strong>{total}</strong>
                <span>" · "{w.clinical_risk}": "</span>
                <strong>{words::risk(language, risk)}</strong>
                {score.has_red_score().then(|| format!(" ({})", w.red_score))}
            </p>
        }
        .into_any(),
        (view, score) => {
            let certain = match score {
                News2::Incomplete(incomplete) => incomplete.minimum_risk(),
                News2::Complete(_) => None,
            };
            // A total the source stated is shown, marked as the source's; a set with values
            // of its own also says it has no total of its own (the source's may be a partial
            // sum).
            let stated = match view {
                TotalView::Stated { total, risk } => Some((total, risk)),
                _ => None,
            };
            view! {
                {(!set.is_total_only()).then(|| view! {
                    <p class="news2-status__total" data-risk=certain.map_or("incomplete", |b| b.name())>
                        {w.no_total}
                        {certain.map(|band| view! {
                            " "{w.already_certain}" "<strong>{words::risk_word(language, band)}</strong>"."
                        })}
                    </p>
                })}
                {stated.map(|(total, risk)| view! {
                    <p class="news2-status__total news2-status__total--stated" data-risk=risk.name()>
                        <span>{w.source_stated_total}" "</span><strong>{total}</strong>
                        <span>" ("{w.not_recomputed}")"</span>
                        <span>" · "{w.clinical_risk}": "</span>
                        <strong>{words::risk(language, risk)}</strong>
                    </p>
                })}
            }
            .into_any()
        }
    };
    let sources = provenance::lines(language, &set.details.provenance);
    let known = !set.details.provenance.is_empty();
    let rows = parameters(&set, language)
        .into_iter()
        .map(|p| {
            view! {
                <tr data-parameter=p.parameter.name()>
                    <th scope="row">{words::parameter(language, p.parameter)}</th>
                    <td>
                        {p.value.clone().unwrap_or_else(|| format!("— ({})", w.missing.to_lowercase()))}
                        {p.charted.clone().map(|c| view! {
                            <span class="news2-status__charted">" · "{w.charted_value}" "{c}</span>
                        })}
                        {p.verify.then(|| view! { <span class="news2-flag">" · "{w.to_verify}</span> })}
                        {p.stated_only.then(|| view! { <span class="news2-flag">" · "{w.stated_by_source}</span> })}
                        {(!p.conflicting.is_empty()).then(|| view! {
                            <span class="news2-flag">" · ⚠ "{w.conflict_also}" "{p.conflicting.join(", ")}</span>
                        })}
                        {p.earlier.iter().map(|(value, at)| view! {
                            <span class="news2-status__earlier">
                                " · "{w.rechecked_earlier}" "{value.clone()}" ("<time datetime=iso_utc(*at)>{clock(*at, zone)}</time>")"
                            </span>
                        }).collect_view()}
                    </td>
                    <td><SubScoreBadge score=p.sub_score language /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="news2-status" aria-labelledby="news2-status-heading">
            <h2 id="news2-status-heading" class="news2-heading">{w.latest_heading}</h2>
            {summary}
            <dl class="news2-status__facts">
                <div>
                    <dt>{w.taken_at}</dt>
                    <dd><time datetime=iso_utc(set.taken_at())>{date_time(set.taken_at(), zone)}</time></dd>
                </div>
                <div class="news2-status__provenance" data-known=known.to_string()>
                    <dt>{w.recorded_by}</dt>
                    {sources.into_iter().map(|line| view! { <dd>{line}</dd> }).collect_view()}
                </div>
                <div><dt>{w.spo2_scale}</dt><dd>{scale_basis(&set, language)}</dd></div>
            </dl>
            <table class="news2-status__parameters">
                <caption class="news2-visually-hidden">{w.latest_heading}</caption>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
