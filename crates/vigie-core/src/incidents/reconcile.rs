//! Reconciling the figures of an incident's reports into UCDP-style low/best/high.
//!
//! Rule (also in ARCHITECTURE.md):
//! 1. Claims are grouped by *source*: (article, who the article attributes the figure to),
//!    where wire copies of one story count as one article.
//!    A source that restates its figure counts once. Separate figures for soldiers, attackers
//!    and civilians in one article add up, whichever of its sources gave each; where its
//!    sources differ on one side, each of their figures gives a total.
//! 2. Vague words ("several", "dozens") are set aside when any source gives a number.
//! 3. low  = the lowest low among sources that are not hedged (ACLED: the lowest reported
//!    figure), or among all sources when every one is hedged.
//!    high = the highest bound any source gives (open-ended "more than 150" bounds nothing).
//!    best = the figure that the most independent articles' ranges contain (an article's
//!    hedged or superseded figures do not count when it also states one firmly), ties going to
//!    the figure more sources give, then to a figure stated as such over an open bound ("more
//!    than 40"), then to the lower figure; clamped into [low, high].

use crate::model::{Claim, ClaimValue, Estimate, Qualifier, Quantity, Victims};
use std::collections::BTreeMap;

/// One source's figure.
#[derive(Debug, Clone, Copy)]
struct Value {
    low: u32,
    high: Option<u32>,
    best: u32,
    hedged: bool,
    vague: bool,
}

/// Reconcile the claims (all for one field) of an incident. `claims` are (source article, claim):
/// pass the same source article for wire copies of one story.
pub fn estimate<'a>(claims: impl IntoIterator<Item = (&'a str, &'a Claim)>) -> Estimate {
    // article → victims → the first quantity each source of the article states for them
    type Stated = (String, Quantity, bool);
    let mut by_article: BTreeMap<String, BTreeMap<u8, Vec<Stated>>> = BTreeMap::new();
    for (article, claim) in claims {
        let ClaimValue::Count(q) = claim.value else {
            continue;
        };
        let source = claim
            .attributed_to
            .clone()
            .unwrap_or_default()
            .to_lowercase();
        let victims = match claim.victims {
            None | Some(Victims::Unspecified) => 0,
            Some(Victims::Soldiers) => 1,
            Some(Victims::Attackers) => 2,
            Some(Victims::Civilians) => 3,
        };
        let stated = by_article
            .entry(article.to_string())
            .or_default()
            .entry(victims)
            .or_default();
        // A later restatement by the same source does not replace the first — unless the
        // first was hedged or superseded and this one is firm ("a first toll gave eight …
        // bringing the toll to 51").
        if !stated.iter().any(|(s, _, _)| *s == source) {
            stated.push((source, q, claim.hedged));
        }
    }
    let value_of = |parts: &[(Quantity, bool)]| {
        let mut v = Value {
            low: 0,
            high: Some(0),
            best: 0,
            hedged: false,
            vague: false,
        };
        for (q, hedged) in parts {
            v.low += q.low;
            v.best += q.best;
            v.high = match (v.high, q.high) {
                (Some(a), Some(b)) => Some(a + b),
                _ => None,
            };
            v.hedged |= *hedged;
            v.vague |= q.qualifier == Qualifier::Vague;
        }
        v
    };
    let mut values: Vec<(String, Value)> = Vec::new();
    for (article, groups) in by_article {
        let named: Vec<&Vec<Stated>> = groups
            .iter()
            .filter(|(k, _)| **k != 0)
            .map(|(_, v)| v)
            .collect();
        if named.len() >= 2 {
            // Soldiers, attackers and civilians counted apart — by one source or by several
            // ("1 soldier killed … the army says it killed 5 assailants") — add up. Where
            // sources differ on one group, each of their figures gives a total.
            let base: Vec<(Quantity, bool)> = named.iter().map(|g| (g[0].1, g[0].2)).collect();
            values.push((article.clone(), value_of(&base)));
            for (gi, group) in named.iter().enumerate() {
                for alternative in group.iter().skip(1) {
                    let mut parts = base.clone();
                    parts[gi] = (alternative.1, alternative.2);
                    values.push((article.clone(), value_of(&parts)));
                }
            }
            // A total given without saying whose dead is one more reading.
            for total in groups.get(&0).into_iter().flatten() {
                values.push((article.clone(), value_of(&[(total.1, total.2)])));
            }
        } else {
            // One group, or dead not said to be whose: each source's figure is a reading of
            // the same toll ("Unspecified" alongside one named group is usually its total).
            for stated in groups.values().flatten() {
                values.push((article.clone(), value_of(&[(stated.1, stated.2)])));
            }
        }
    }
    if values.is_empty() {
        return Estimate::default();
    }
    if values.iter().any(|(_, v)| !v.vague) {
        values.retain(|(_, v)| !v.vague);
    }
    let firm: Vec<&Value> = values
        .iter()
        .map(|(_, v)| v)
        .filter(|v| !v.hedged)
        .collect();
    let pool: Vec<&Value> = if firm.is_empty() {
        values.iter().map(|(_, v)| v).collect()
    } else {
        firm
    };
    let low = pool.iter().map(|v| v.low).min();
    let high = values
        .iter()
        .map(|(_, v)| v.high.unwrap_or(v.best.max(v.low)))
        .max();
    let any_bounded = values.iter().any(|(_, v)| v.high.is_some());
    let high = if any_bounded { high } else { None };
    // best: most articles agree with it; ties to the lower figure.
    let mut candidates: Vec<u32> = values.iter().map(|(_, v)| v.best).collect();
    candidates.sort_unstable();
    candidates.dedup();
    // An article that states a figure firmly speaks by it: its hedged or superseded figures
    // ("a first toll gave eight") do not vote beside it.
    let firm_articles: Vec<&str> = values
        .iter()
        .filter(|(_, v)| !v.hedged)
        .map(|(a, _)| a.as_str())
        .collect();
    let voters: Vec<&(String, Value)> = values
        .iter()
        .filter(|(a, v)| !v.hedged || !firm_articles.contains(&a.as_str()))
        .collect();
    let support = |x: u32| -> usize {
        let mut arts: Vec<&str> = voters
            .iter()
            .filter(|(_, v)| v.low <= x && v.high.is_none_or(|h| x <= h))
            .map(|(a, _)| a.as_str())
            .collect();
        arts.sort_unstable();
        arts.dedup();
        arts.len()
    };
    // (between figures as many articles hold, the one more of their sources give: "18 killed",
    // "authorities said 18", and one witness's "a soldier was also killed" in one article;
    // said as that very figure: "at least 9" does not give 11)
    let readings = |x: u32| -> usize { voters.iter().filter(|(_, v)| v.best == x).count() };
    // (then a figure someone states as such over a bound: "more than 40" agrees with 44 and 70
    // but tells less than either)
    let stated = |x: u32| voters.iter().any(|(_, v)| v.best == x && v.high.is_some());
    let best = candidates.iter().copied().max_by(|&a, &b| {
        support(a)
            .cmp(&support(b))
            .then(readings(a).cmp(&readings(b)))
            .then(stated(a).cmp(&stated(b)))
            .then(b.cmp(&a))
    });
    let best = best.map(|b| {
        let b = low.map_or(b, |l| b.max(l));
        high.map_or(b, |h| b.min(h))
    });
    Estimate { low, best, high }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn claim(q: Quantity, source: Option<&str>, hedged: bool) -> Claim {
        Claim {
            field: "abducted".into(),
            value: ClaimValue::Count(q),
            quote: String::new(),
            span: Span::new(0, 0),
            attributed_to: source.map(str::to_string),
            hedged,
            victims: None,
        }
    }

    fn range(low: u32, high: u32) -> Quantity {
        Quantity {
            low,
            high: Some(high),
            best: low,
            qualifier: Qualifier::Range,
        }
    }

    #[test]
    fn disagreeing_sources_give_a_range_with_the_best_supported_figure() {
        let a = claim(range(3, 4), Some("some sources"), true);
        let b = claim(Quantity::exact(3), Some("a press collective"), false);
        let c = claim(Quantity::exact(4), Some("an elected official"), false);
        let e = estimate([("x", &a), ("y", &b), ("y", &c)]);
        assert_eq!(
            e,
            Estimate {
                low: Some(3),
                best: Some(3),
                high: Some(4)
            }
        );
    }

    #[test]
    fn a_figure_stated_beats_an_open_bound_that_only_agrees_with_it() {
        // One article: the governor's "more than 40 killed", a witness's "44 buried".
        let more = claim(
            Quantity {
                low: 40,
                high: None,
                best: 40,
                qualifier: Qualifier::MoreThan,
            },
            Some("the governor"),
            false,
        );
        let buried = claim(Quantity::exact(44), Some("a witness"), false);
        let e = estimate([("a", &more), ("a", &buried)]);
        assert_eq!(e.best, Some(44));
        assert_eq!(e.low, Some(40));
    }

    #[test]
    fn more_than_and_nearly_bound_each_other() {
        let more = claim(
            Quantity {
                low: 150,
                high: None,
                best: 150,
                qualifier: Qualifier::MoreThan,
            },
            None,
            false,
        );
        let nearly = claim(
            Quantity {
                low: 160,
                high: Some(160),
                best: 160,
                qualifier: Qualifier::UpTo,
            },
            None,
            false,
        );
        let e = estimate([("fr", &more), ("en", &nearly)]);
        assert_eq!(e.low, Some(150));
        assert_eq!(e.high, Some(160));
        assert_eq!(e.best, Some(160), "160 is inside both reports' ranges");
        let alone = estimate([("fr", &more)]);
        assert_eq!(
            alone,
            Estimate {
                low: Some(150),
                best: Some(150),
                high: None
            }
        );
    }

    #[test]
    fn hedged_figures_do_not_set_the_low_when_a_firm_one_exists() {
        let hedged = claim(Quantity::exact(80), Some("state television"), true);
        let firm = claim(Quantity::exact(95), Some("the army"), false);
        let e = estimate([("a", &hedged), ("b", &firm)]);
        assert_eq!(e.low, Some(95));
        assert_eq!(e.high, Some(95));
    }

    #[test]
    fn a_source_restating_its_figure_counts_once_and_vague_words_yield_to_numbers() {
        let first = claim(Quantity::exact(4), Some("the army"), false);
        let again = claim(Quantity::exact(4), Some("The army"), false);
        let several = claim(
            Quantity {
                low: 2,
                high: None,
                best: 3,
                qualifier: Qualifier::Vague,
            },
            None,
            true,
        );
        let e = estimate([("a", &first), ("a", &again), ("b", &several)]);
        assert_eq!(
            e,
            Estimate {
                low: Some(4),
                best: Some(4),
                high: Some(4)
            }
        );
        let only_vague = estimate([("b", &several)]);
        assert_eq!(only_vague.best, Some(3));
    }

    #[test]
    fn dead_of_each_side_told_by_different_sources_add_up() {
        let victims = |q: u32, source: Option<&str>, v: Victims| Claim {
            field: "fatalities".into(),
            victims: Some(v),
            ..claim(Quantity::exact(q), source, false)
        };
        // "1 soldier killed … the army says it killed 5 assailants"
        let soldier = victims(1, None, Victims::Soldiers);
        let attackers = victims(5, Some("the army"), Victims::Attackers);
        let e = estimate([("x", &soldier), ("x", &attackers)]);
        assert_eq!(e.best, Some(6));
        assert_eq!((e.low, e.high), (Some(6), Some(6)));
        // Another source's figure for one side gives another total.
        let claimed = victims(40, Some("the group"), Victims::Soldiers);
        let e = estimate([("x", &soldier), ("x", &attackers), ("x", &claimed)]);
        assert_eq!((e.low, e.high), (Some(6), Some(45)));
    }

    #[test]
    fn within_one_article_the_figure_more_sources_give_is_best() {
        let dead = |n: u32, source: Option<&str>| {
            let mut c = claim(Quantity::exact(n), source, false);
            c.field = "fatalities".into();
            c
        };
        // "18 killed", "authorities said 18", a witness's "a soldier was also killed".
        let (a, b, c) = (
            dead(18, None),
            dead(18, Some("authorities")),
            dead(1, Some("a witness")),
        );
        let e = estimate([("x", &a), ("x", &b), ("x", &c)]);
        assert_eq!(e.best, Some(18));
        assert_eq!((e.low, e.high), (Some(1), Some(18)));
    }

    #[test]
    fn no_claims_no_figure() {
        assert_eq!(estimate(std::iter::empty()), Estimate::default());
    }

    #[test]
    fn an_article_s_superseded_figure_does_not_vote_beside_its_firm_one() {
        let dead = |n: u32, source: &str, hedged: bool| {
            let mut c = claim(Quantity::exact(n), Some(source), hedged);
            c.field = "fatalities".into();
            c
        };
        // Article a: a first toll of 8 (superseded), then the army's 51. Article b: 8 only.
        // Article c: 51.
        let (a1, a2) = (dead(8, "a first toll", true), dead(51, "the army", false));
        let (b, c) = (dead(8, "the army", false), dead(51, "the army", false));
        let e = estimate([("a", &a1), ("a", &a2), ("b", &b), ("c", &c)]);
        assert_eq!(e.best, Some(51));
        assert_eq!(e.low, Some(8));
    }
}
