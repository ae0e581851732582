//! Helpers shared by the extraction rule tests: run the pipeline on a short report written for
//! a test, and read back the values the tests check.
#![allow(dead_code)]

use vigie_core::{process, Article, ClaimValue, Mention, Quantity, Victims};

/// The mentions of a one-report article published on `published` (YYYY-MM-DD).
pub fn mentions(text: &str, published: &str) -> Vec<Mention> {
    let mut article = Article::text("rule-test", text);
    article.published = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    process(&article).mentions
}

/// The one mention of a one-report article (fails, showing them all, when there is not exactly
/// one); `label` names the case in the failure ("fr", "en", the text).
pub fn one_mention(text: &str, published: &str, label: &str) -> Mention {
    let ms = mentions(text, published);
    assert_eq!(ms.len(), 1, "{label}: {ms:#?}");
    ms.into_iter().next().expect("one mention")
}

/// The mention's coded day, or "" when undated.
pub fn day(m: &Mention) -> String {
    m.date.map(|d| d.date.to_string()).unwrap_or_default()
}

pub fn location(m: &Mention) -> &str {
    m.place.as_ref().map_or("", |p| p.location.as_str())
}

pub fn locations(ms: &[Mention]) -> Vec<&str> {
    ms.iter().map(location).collect()
}

pub fn actor1(m: &Mention) -> &str {
    m.actor1.as_ref().map_or("", |a| a.name.as_str())
}

pub fn actor2(m: &Mention) -> &str {
    m.actor2.as_ref().map_or("", |a| a.name.as_str())
}

/// (field, best, victims) of every count claim of a mention, in order.
pub fn counts(m: &Mention) -> Vec<(String, u32, Option<Victims>)> {
    m.claims
        .iter()
        .filter_map(|c| match c.value {
            ClaimValue::Count(Quantity { best, .. }) => Some((c.field.clone(), best, c.victims)),
            _ => None,
        })
        .collect()
}

/// The best values of the count claims of one field, in order.
pub fn field(m: &Mention, name: &str) -> Vec<u32> {
    counts(m)
        .into_iter()
        .filter(|c| c.0 == name)
        .map(|c| c.1)
        .collect()
}

/// (best, victims) of every fatalities claim of a mention, in order.
pub fn dead(m: &Mention) -> Vec<(u32, Option<Victims>)> {
    counts(m)
        .into_iter()
        .filter(|c| c.0 == "fatalities")
        .map(|c| (c.1, c.2))
        .collect()
}
