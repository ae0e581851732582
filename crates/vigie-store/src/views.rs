//! Building the published view of an incident (ACLED columns, claims, notes) from the
//! linker's [`Incident`] and its member mentions.

use crate::{ArticleRefView, ClaimView, EstimateView, IncidentView, TargetView};
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;
use vigie_core::{ActorKind, CountField, Estimate, Incident, Mention};

/// (alpha-2, ISO numeric, ACLED region), from `data/countries.tsv`.
static COUNTRIES: LazyLock<Vec<(String, u16, String)>> = LazyLock::new(|| {
    include_str!("../data/countries.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let a2 = cols.next()?.trim().to_string();
            let num = cols.next()?.trim().parse().ok()?;
            let region = cols.next()?.trim().to_string();
            Some((a2, num, region))
        })
        .collect()
});

/// ISO 3166-1 numeric code and ACLED region of an alpha-2 country code ("ML" → 466, "Western Africa").
pub fn country_info(alpha2: &str) -> Option<(u16, &'static str)> {
    COUNTRIES
        .iter()
        .find(|(a, _, _)| a.eq_ignore_ascii_case(alpha2))
        .map(|(_, n, r)| (*n, r.as_str()))
}

fn estimate(e: Estimate) -> EstimateView {
    EstimateView {
        low: e.low,
        best: e.best,
        high: e.high,
    }
}

/// Human wording of a claimed value as stored in a [`ClaimView`]: counts as "3", "more than 150",
/// "3–4", "about 100"; text values as they are.
pub fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Object(o) => {
            let num = |k: &str| o.get(k).and_then(|v| v.as_u64());
            let (low, high, best) = (num("low"), num("high"), num("best"));
            let q = o
                .get("qualifier")
                .and_then(|v| v.as_str())
                .unwrap_or("exact");
            let low_s = low.map(|v| v.to_string()).unwrap_or_else(|| "?".into());
            let high_s = high.map(|v| v.to_string()).unwrap_or_else(|| "?".into());
            let best_s = best.map(|v| v.to_string()).unwrap_or_else(|| low_s.clone());
            match q {
                "exact" => best_s,
                "more_than" => format!("more than {low_s}"),
                "at_least" => format!("at least {low_s}"),
                "up_to" => format!("up to {high_s}"),
                "about" => format!("about {best_s}"),
                "range" => format!("{low_s}–{high_s}"),
                "vague" => format!("several (coded {best_s})"),
                other => format!("{best_s} ({other})"),
            }
        }
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Who stands behind a claim, for display: the person/body it is attributed to, else the
/// article's outlet, else the article ref.
pub fn claim_source(view: &IncidentView, claim: &ClaimView) -> String {
    if let Some(a) = claim
        .attributed_to
        .as_deref()
        .filter(|a| !a.trim().is_empty())
    {
        return a.to_string();
    }
    view.articles
        .iter()
        .find(|a| a.reference == claim.article)
        .and_then(|a| a.outlet.clone())
        .unwrap_or_else(|| claim.article.clone())
}

/// The claims behind one figure, as "3 (Wamaps) · 4 (an elected official)" — hedged claims
/// are marked "(unconfirmed)". Empty when no claim gives that figure.
pub fn figure_claims_text(view: &IncidentView, field: &str) -> String {
    view.claims
        .iter()
        .filter(|c| c.field == field)
        .map(|c| {
            let mut s = format!("{} ({})", value_text(&c.value), claim_source(view, c));
            if c.hedged {
                s.push_str(" (unconfirmed)");
            }
            s
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Whether the claims of a figure disagree (more than one distinct value).
pub fn figure_disputed(view: &IncidentView, field: &str) -> bool {
    let values: BTreeSet<String> = view
        .claims
        .iter()
        .filter(|c| c.field == field)
        .map(|c| value_text(&c.value))
        .collect();
    values.len() > 1
}

/// Top-level domain of a URL ("https://www.x.ml/a" → "ml").
fn url_tld(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?;
    let tld = host.rsplit('.').next()?;
    if tld.is_empty() || tld == host {
        return None;
    }
    Some(tld.to_ascii_lowercase())
}

/// ACLED-like source scale from the articles' URLs: an article whose domain is under the
/// incident country's ccTLD counts as national, any other URL as international. All national →
/// "National"; all international → "International"; both → "National-International"; no URL
/// (or no country) → "Other".
pub fn source_scale(country_code: Option<&str>, articles: &[ArticleRefView]) -> String {
    let Some(cc) = country_code.map(|c| c.to_ascii_lowercase()) else {
        return "Other".into();
    };
    let (mut national, mut international) = (false, false);
    for a in articles {
        if let Some(tld) = a.url.as_deref().and_then(url_tld) {
            if tld == cc {
                national = true;
            } else {
                international = true;
            }
        }
    }
    match (national, international) {
        (true, false) => "National",
        (false, true) => "International",
        (true, true) => "National-International",
        (false, false) => "Other",
    }
    .into()
}

fn victims_name(v: vigie_core::Victims) -> Option<String> {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

/// Build the view of an incident. `timestamp` is filled in by the caller.
pub(crate) fn build(
    inc: &Incident,
    mentions: &HashMap<&str, Vec<&Mention>>,
    articles: &HashMap<String, ArticleRefView>,
) -> IncidentView {
    let place = inc.place.as_ref();
    let inter1 = inc.actor1.as_ref().map(|a| a.kind.inter_code());
    let inter2 = inc.actor2.as_ref().map(|a| a.kind.inter_code());
    let interaction = match (inter1, inter2) {
        (Some(a), Some(b)) => Some(a.min(b) as u16 * 10 + a.max(b) as u16),
        (Some(a), None) | (None, Some(a)) => Some(a as u16 * 10),
        (None, None) => None,
    };
    let civilian_targeting = inc
        .actor2
        .as_ref()
        .filter(|a| a.kind == ActorKind::Civilians)
        .map(|_| "Civilian targeting".to_string());
    let country_code = place
        .map(|p| p.country_code.as_str())
        .filter(|c| !c.is_empty());
    let info = country_code.and_then(country_info);

    let article_views: Vec<ArticleRefView> = inc
        .articles
        .iter()
        .map(|r| {
            articles.get(r).cloned().unwrap_or(ArticleRefView {
                reference: r.clone(),
                url: None,
                outlet: None,
                language: None,
                published: None,
                title: None,
                copy_of: None,
            })
        })
        .collect();

    let mut claims = Vec::new();
    let mut seen = BTreeSet::new();
    for mid in &inc.mentions {
        for m in mentions.get(mid.as_str()).into_iter().flatten() {
            // The same mention id may come from two articles with identical content.
            if !seen.insert((m.article.clone(), m.ordinal)) {
                continue;
            }
            for c in &m.claims {
                claims.push(ClaimView {
                    field: c.field.clone(),
                    value: serde_json::to_value(&c.value).unwrap_or(serde_json::Value::Null),
                    article: m.article.clone(),
                    quote: c.quote.clone(),
                    start: c.span.start,
                    end: c.span.end,
                    attributed_to: c.attributed_to.clone(),
                    hedged: c.hedged,
                    victims: c.victims.and_then(victims_name),
                    background: m.background,
                });
            }
        }
    }

    let mut outlets: Vec<String> = Vec::new();
    for a in &article_views {
        if let Some(o) = a.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            if !outlets.iter().any(|x| x == o) {
                outlets.push(o.to_string());
            }
        }
    }

    let mut view = IncidentView {
        id: inc.id.clone(),
        event_id_cnty: inc.id.clone(),
        date: inc.date.map(|d| d.date.format("%Y-%m-%d").to_string()),
        date_end: None,
        time_precision: inc.date.map(|d| d.precision.code()),
        disorder_type: Some(inc.event_type.disorder_type().to_string()),
        event_type: Some(inc.event_type.label().to_string()),
        sub_event_type: Some(inc.sub_event_type.label().to_string()),
        actor1: inc.actor1.as_ref().map(|a| a.name.clone()),
        assoc_actor_1: inc.assoc_actor1.as_ref().map(|a| a.name.clone()),
        inter1,
        actor2: inc.actor2.as_ref().map(|a| a.name.clone()),
        assoc_actor_2: inc.assoc_actor2.as_ref().map(|a| a.name.clone()),
        inter2,
        interaction,
        civilian_targeting,
        iso: info.map(|i| i.0),
        region: info.map(|i| i.1.to_string()),
        country: place.map(|p| p.country.clone()).filter(|c| !c.is_empty()),
        admin1: place.and_then(|p| p.admin1.clone()),
        admin1_post2023: place.and_then(|p| p.admin1_new.clone()),
        admin2: place.and_then(|p| p.admin2.clone()),
        admin3: place.and_then(|p| p.admin3.clone()),
        location: place.map(|p| p.location.clone()),
        latitude: place.and_then(|p| p.latitude).map(round4),
        longitude: place.and_then(|p| p.longitude).map(round4),
        geo_precision: place.map(|p| p.geo_precision),
        fatalities: estimate(inc.fatalities),
        injured: estimate(inc.injured),
        abducted: estimate(inc.abducted),
        attackers: estimate(inc.attackers),
        targets: inc
            .targets
            .iter()
            .map(|t| TargetView {
                kind: t.kind.name().to_string(),
                name: t.name.clone(),
            })
            .collect(),
        people: inc.people.clone(),
        operation: inc.operation.clone(),
        source_scale: Some(source_scale(country_code, &article_views)),
        articles: article_views,
        claims,
        notes: None,
        source: if outlets.is_empty() {
            None
        } else {
            Some(outlets.join("; "))
        },
        tags: None,
        review: None,
        timestamp: 0,
    };
    // The linker writes its own summary (with the disputed figures); generate one otherwise.
    let linker_notes = inc.notes.trim();
    view.notes = Some(if linker_notes.is_empty() {
        notes(&view)
    } else {
        linker_notes.to_string()
    });
    view.tags = tags(&view);
    view
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl IncidentView {
    /// The units around the location, innermost first (admin3 only when asked), without
    /// repeating the location's own name: "Bafoulabé, Kayes, Mali".
    pub fn enclosing_units(&self, with_admin3: bool) -> Vec<&str> {
        let admin3 = if with_admin3 {
            self.admin3.as_deref()
        } else {
            None
        };
        let mut within: Vec<&str> = [
            admin3,
            self.admin2.as_deref(),
            self.admin1.as_deref(),
            self.country.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        within.dedup();
        within.retain(|w| Some(*w) != self.location.as_deref());
        within
    }
}

/// One-line summary, then the disputed figures.
fn notes(v: &IncidentView) -> String {
    let mut s = String::new();
    if let Some(d) = &v.date {
        s.push_str(&format!("On {d}, "));
    }
    let what = v
        .sub_event_type
        .clone()
        .unwrap_or_else(|| "incident".into())
        .to_lowercase();
    s.push_str(&what);
    if let Some(loc) = &v.location {
        s.push_str(&format!(" at {loc}"));
        let within = v.enclosing_units(false);
        if !within.is_empty() {
            s.push_str(&format!(" ({})", within.join(", ")));
        }
    }
    match (&v.actor1, &v.actor2) {
        (Some(a), Some(b)) => s.push_str(&format!(": {a} against {b}")),
        (Some(a), None) => s.push_str(&format!(": {a}")),
        (None, Some(b)) => s.push_str(&format!(": against {b}")),
        (None, None) => {}
    }
    s.push('.');
    let mut figures = Vec::new();
    for f in CountField::ALL {
        let e = match f {
            CountField::Fatalities => v.fatalities,
            CountField::Injured => v.injured,
            CountField::Abducted => v.abducted,
            CountField::Attackers => v.attackers,
        };
        if let Some(best) = e.best {
            figures.push(format!("{} {}", f.name(), best));
        }
    }
    if !figures.is_empty() {
        s.push_str(&format!(" Figures: {}.", figures.join(", ")));
    }
    for f in CountField::ALL {
        if figure_disputed(v, f.name()) {
            s.push_str(&format!(
                " Disputed {}: {}.",
                f.name(),
                figure_claims_text(v, f.name())
            ));
        }
    }
    s
}

fn tags(v: &IncidentView) -> Option<String> {
    let mut t = Vec::new();
    for f in CountField::ALL {
        if figure_disputed(v, f.name()) {
            t.push(format!("disputed {}", f.name()));
        }
    }
    if v.operation.is_some() {
        t.push("coordinated operation".to_string());
    }
    if !v.claims.is_empty() && v.claims.iter().all(|c| c.background) {
        t.push("recalled in passing".to_string());
    }
    if v.claims.iter().any(|c| c.hedged) {
        t.push("unconfirmed claims".to_string());
    }
    if t.is_empty() {
        None
    } else {
        Some(t.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_table_has_the_sahel() {
        assert_eq!(country_info("ML"), Some((466, "Western Africa")));
        assert_eq!(country_info("td"), Some((148, "Middle Africa")));
        assert_eq!(country_info("BF").map(|c| c.0), Some(854));
        assert_eq!(country_info("XX"), None);
    }

    #[test]
    fn tld_and_scale() {
        assert_eq!(url_tld("https://www.journal.ml/a/b?c"), Some("ml".into()));
        assert_eq!(
            url_tld("http://user@news.example.org:8080/x"),
            Some("org".into())
        );
        assert_eq!(url_tld("nonsense"), None);
        let a = |u: &str| ArticleRefView {
            reference: "r".into(),
            url: Some(u.into()),
            outlet: None,
            language: None,
            published: None,
            title: None,
            copy_of: None,
        };
        assert_eq!(source_scale(Some("ML"), &[a("https://x.ml/1")]), "National");
        assert_eq!(
            source_scale(Some("ML"), &[a("https://x.com/1")]),
            "International"
        );
        assert_eq!(
            source_scale(Some("ML"), &[a("https://x.ml/1"), a("https://y.fr/")]),
            "National-International"
        );
        assert_eq!(source_scale(None, &[a("https://x.ml/1")]), "Other");
    }

    #[test]
    fn quantities_read_as_words() {
        let q = |qual: &str, low: u32, high: Option<u32>, best: u32| serde_json::json!({"low": low, "high": high, "best": best, "qualifier": qual});
        assert_eq!(value_text(&q("exact", 3, Some(3), 3)), "3");
        assert_eq!(value_text(&q("more_than", 150, None, 150)), "more than 150");
        assert_eq!(value_text(&q("range", 3, Some(4), 3)), "3–4");
        assert_eq!(value_text(&q("up_to", 160, Some(160), 160)), "up to 160");
        assert_eq!(value_text(&serde_json::json!("Kayes")), "Kayes");
    }
}
