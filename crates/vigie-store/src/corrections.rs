//! The analyst's corrections: a journal of operations (merge, split, field edits, not an event,
//! confirm) re-applied after every relink.
//!
//! Incident ids are decided by the linker and change when what they are keyed on changes, so a
//! correction never names an incident by id. It names the *reports* the incident was made of
//! when the analyst saw it ([`Reports`]: mention ids, and their article refs as a fallback when
//! re-extraction gave the mentions new ids). After grouping, each correction finds the group that
//! holds most of its reports; when none does, the correction is stale: it stays in the journal,
//! is listed by [`Store::corrections`] with the reason, and applies again if its reports return.

use crate::db::{params, Db, Row};
use crate::{country_info, unix_now, EstimateView, IncidentView, Result, Store, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use vigie_core::incidents::{Group, LinkKey};
use vigie_core::{CountField, SubEventType};

/// The reports an incident was made of when a correction was written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reports {
    /// Mention ids (hash of article, content, ordinal and type): exact while extraction is.
    pub mentions: Vec<String>,
    /// Article refs: what is left to go by when re-extraction changed the mentions.
    pub articles: Vec<String>,
}

/// A place set by hand: a gazetteer place or bare coordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceValue {
    pub location: String,
    /// ISO 3166-1 alpha-2, when known.
    pub country_code: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin1_post2023: Option<String>,
    pub admin2: Option<String>,
    pub admin3: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
    pub geo_precision: u8,
}

impl PlaceValue {
    /// A gazetteer place by name; `country` (name or alpha-2) chooses among homonyms, else the
    /// most populous candidate is taken. Errors name the place when it is unknown.
    pub fn from_gazetteer(
        gazetteer: &vigie_geo::Gazetteer,
        name: &str,
        country: Option<&str>,
    ) -> Result<PlaceValue> {
        let mut candidates: Vec<&vigie_geo::Place> = gazetteer
            .lookup(name)
            .into_iter()
            .map(|id| gazetteer.place(id))
            .filter(|p| match country {
                Some(c) => {
                    p.country.eq_ignore_ascii_case(c)
                        || vigie_geo::country_name(&p.country)
                            .is_some_and(|n| n.eq_ignore_ascii_case(c))
                }
                None => true,
            })
            .collect();
        candidates.sort_by_key(|p| std::cmp::Reverse(p.population));
        let p = candidates.first().ok_or_else(|| {
            StoreError(format!(
                "place: no gazetteer place named {name:?}{}; give coordinates instead (LAT,LON)",
                country.map(|c| format!(" in {c}")).unwrap_or_default()
            ))
        })?;
        Ok(PlaceValue {
            location: p.name.clone(),
            country_code: Some(p.country.clone()),
            country: vigie_geo::country_name(&p.country).map(str::to_string),
            admin1: p.admin1.clone(),
            admin1_post2023: p.admin1_new.clone(),
            admin2: p.admin2.clone(),
            admin3: p.admin3.clone(),
            latitude: p.lat,
            longitude: p.lon,
            geo_precision: 1,
        })
    }

    /// Bare coordinates ("12.65,-8.0"), named `location` (the incident's own name is kept when
    /// none is given). Errors say what is wrong with the text.
    pub fn from_coordinates(text: &str, location: &str) -> Result<PlaceValue> {
        let bad = || {
            StoreError(format!(
                "place: {text:?} is not LAT,LON (latitude -90..90, longitude -180..180)"
            ))
        };
        let (lat, lon) = text.split_once(',').ok_or_else(bad)?;
        let lat: f64 = lat.trim().parse().map_err(|_| bad())?;
        let lon: f64 = lon.trim().parse().map_err(|_| bad())?;
        if !(lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            return Err(bad());
        }
        Ok(PlaceValue {
            location: location.to_string(),
            country_code: None,
            country: None,
            admin1: None,
            admin1_post2023: None,
            admin2: None,
            admin3: None,
            latitude: lat,
            longitude: lon,
            geo_precision: 1,
        })
    }
}

/// A field set by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum FieldEdit {
    /// The sub-event type (ACLED label); the event type and disorder type follow from it.
    Type {
        sub_event_type: String,
    },
    Place {
        place: PlaceValue,
    },
    /// "YYYY-MM-DD" and ACLED's time precision (1 day, 2 week, 3 month).
    Date {
        date: String,
        precision: u8,
    },
    /// `None` keeps the actor; an empty string clears it.
    Actors {
        actor1: Option<String>,
        actor2: Option<String>,
    },
    /// One figure (fatalities, injured, abducted, attackers) as low/best/high.
    Figure {
        figure: String,
        low: Option<u32>,
        best: Option<u32>,
        high: Option<u32>,
    },
}

impl FieldEdit {
    /// Checks the values; the error is one line naming the field.
    pub fn validate(&self) -> Result<()> {
        match self {
            FieldEdit::Type { sub_event_type } => {
                if SubEventType::from_label(sub_event_type).is_none() {
                    let known: Vec<&str> = SubEventType::ALL.iter().map(|s| s.label()).collect();
                    return Err(StoreError(format!(
                        "type: {sub_event_type:?} is not an ACLED sub-event type (one of: {})",
                        known.join(", ")
                    )));
                }
            }
            FieldEdit::Place { place } => {
                if place.location.trim().is_empty() {
                    return Err(StoreError("place: the location name is empty".into()));
                }
                if !(place.latitude.abs() <= 90.0 && place.longitude.abs() <= 180.0) {
                    return Err(StoreError(format!(
                        "place: {},{} is outside -90..90, -180..180",
                        place.latitude, place.longitude
                    )));
                }
                if !(1..=3).contains(&place.geo_precision) {
                    return Err(StoreError("place: geo precision must be 1, 2 or 3".into()));
                }
            }
            FieldEdit::Date { date, precision } => {
                if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
                    return Err(StoreError(format!("date: {date:?} is not YYYY-MM-DD")));
                }
                if !(1..=3).contains(precision) {
                    return Err(StoreError(format!(
                        "date: precision {precision} must be 1 (day), 2 (week) or 3 (month)"
                    )));
                }
            }
            FieldEdit::Actors { actor1, actor2 } => {
                if actor1.is_none() && actor2.is_none() {
                    return Err(StoreError("actors: give actor1, actor2 or both".into()));
                }
            }
            FieldEdit::Figure {
                figure,
                low,
                best,
                high,
            } => {
                if !CountField::ALL.iter().any(|f| f.name() == figure) {
                    return Err(StoreError(format!(
                        "figure: {figure:?} is not one of fatalities, injured, abducted, attackers"
                    )));
                }
                if low.is_none() && best.is_none() && high.is_none() {
                    return Err(StoreError(format!("{figure}: give low, best or high")));
                }
                let ordered = [low, best, high]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .windows(2)
                    .all(|w| w[0] <= w[1]);
                if !ordered {
                    return Err(StoreError(format!(
                        "{figure}: low ≤ best ≤ high does not hold"
                    )));
                }
            }
        }
        Ok(())
    }

    /// Short wording for history lines.
    pub fn describe(&self) -> String {
        let opt = |v: &Option<u32>| v.map(|n| n.to_string()).unwrap_or_else(|| "–".into());
        match self {
            FieldEdit::Type { sub_event_type } => format!("type = {sub_event_type}"),
            FieldEdit::Place { place } => format!(
                "place = {} ({:.4}, {:.4})",
                place.location, place.latitude, place.longitude
            ),
            FieldEdit::Date { date, precision } => {
                format!("date = {date} (precision {precision})")
            }
            FieldEdit::Actors { actor1, actor2 } => {
                let mut parts = Vec::new();
                if let Some(a) = actor1 {
                    parts.push(format!("actor1 = {a:?}"));
                }
                if let Some(a) = actor2 {
                    parts.push(format!("actor2 = {a:?}"));
                }
                parts.join(", ")
            }
            FieldEdit::Figure {
                figure,
                low,
                best,
                high,
            } => format!(
                "{figure} = {} (low {}, high {})",
                opt(best),
                opt(low),
                opt(high)
            ),
        }
    }
}

/// What an analyst asks for, on the incident they are looking at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Operation {
    /// Merge `other` (an incident id) into the incident.
    Merge {
        other: String,
    },
    /// Move the reports of these articles out of the incident, into an incident of their own.
    Split {
        articles: Vec<String>,
    },
    Edit {
        #[serde(flatten)]
        edit: FieldEdit,
    },
    NotAnEvent,
    Confirm,
}

impl Operation {
    pub fn name(&self) -> &'static str {
        match self {
            Operation::Merge { .. } => "merge",
            Operation::Split { .. } => "split",
            Operation::Edit { .. } => "edit",
            Operation::NotAnEvent => "not_an_event",
            Operation::Confirm => "confirm",
        }
    }
}

/// One journal entry as stored (what, who, when, before and after, where it applies now).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectionRow {
    pub id: i64,
    #[serde(flatten)]
    pub operation: Operation,
    pub note: Option<String>,
    pub author: String,
    /// Unix seconds.
    pub at: i64,
    /// The incident the analyst corrected, by its id at that time.
    pub incident: String,
    /// The incident's reports at that time: what the correction is keyed on.
    pub reports: Reports,
    /// Merge: the reports of the incident merged in; split: the reports moved out.
    pub other_reports: Option<Reports>,
    /// Summary of the incident(s) before and right after the correction.
    pub before: serde_json::Value,
    pub after: serde_json::Value,
    /// The incident it applies to as of the last relink; `None` when stale.
    pub applied_to: Option<String>,
    /// Why it does not apply any more (its reports are gone), when stale.
    pub stale: Option<String>,
}

impl CorrectionRow {
    /// One line saying what the correction does ("merge with X", "edit: date = …").
    pub fn what(&self) -> String {
        match &self.operation {
            Operation::Merge { other } => format!("merge: {other} into {}", self.incident),
            Operation::Split { articles } => format!("split: {} moved out", articles.join(", ")),
            Operation::Edit { edit } => format!("edit: {}", edit.describe()),
            Operation::NotAnEvent => "not an event".into(),
            Operation::Confirm => "confirm".into(),
        }
    }

    /// The fields that differ between before and after, as "field: before → after".
    pub fn changes(&self) -> Vec<String> {
        let pick = |v: &serde_json::Value| -> serde_json::Value {
            // Merge and split keep the corrected incident under "incident".
            v.get("incident").cloned().unwrap_or_else(|| v.clone())
        };
        let (before, after) = (pick(&self.before), pick(&self.after));
        let (Some(b), Some(a)) = (before.as_object(), after.as_object()) else {
            return Vec::new();
        };
        let text = |v: Option<&serde_json::Value>| match v {
            None | Some(serde_json::Value::Null) => "–".to_string(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Object(o)) if o.contains_key("best") => {
                let n = |k: &str| {
                    o.get(k)
                        .and_then(|x| x.as_u64())
                        .map(|x| x.to_string())
                        .unwrap_or_else(|| "?".into())
                };
                format!("{} ({}–{})", n("best"), n("low"), n("high"))
            }
            Some(v) => v.to_string(),
        };
        a.iter()
            .filter(|(k, v)| b.get(*k) != Some(*v))
            .map(|(k, v)| format!("{k}: {} → {}", text(b.get(k)), text(Some(v))))
            .collect()
    }
}

/// What a correction did to a group at the last relink.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Resolution {
    AppliedTo(String),
    Stale(String),
}

/// The fields of an incident shown in the audit trail's before/after.
pub(crate) fn summary(view: &IncidentView) -> serde_json::Value {
    serde_json::json!({
        "id": view.id,
        "date": view.date,
        "time_precision": view.time_precision,
        "event_type": view.event_type,
        "sub_event_type": view.sub_event_type,
        "location": view.location,
        "country": view.country,
        "admin1": view.admin1,
        "latitude": view.latitude,
        "longitude": view.longitude,
        "geo_precision": view.geo_precision,
        "actor1": view.actor1,
        "actor2": view.actor2,
        "fatalities": view.fatalities,
        "injured": view.injured,
        "abducted": view.abducted,
        "attackers": view.attackers,
        "articles": view.articles.iter().map(|a| a.reference.as_str()).collect::<Vec<_>>(),
        "review": view.review.as_ref().map(|r| r.status.as_str()),
    })
}

/// An incident's review by analysts, carried in its view (and so in every export).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewView {
    /// "not an event", "confirmed" or "corrected".
    pub status: String,
    /// The journal entries in force on it, oldest first.
    pub corrections: Vec<i64>,
    /// Who corrected or confirmed it.
    pub reviewers: Vec<String>,
    /// Unix seconds of the latest correction.
    pub last_at: i64,
    /// The notes given with edits ("fatalities = 12 (low 10, high 15): hospital count").
    pub notes: Vec<String>,
}

/// Index of which group holds which mention and article, to find a correction's incident.
struct GroupIndex {
    by_mention: HashMap<String, usize>,
    by_article: HashMap<String, Vec<usize>>,
}

impl GroupIndex {
    fn of(groups: &[Group]) -> GroupIndex {
        let mut by_mention = HashMap::new();
        let mut by_article: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, g) in groups.iter().enumerate() {
            for m in &g.members {
                by_mention.insert(m.clone(), i);
            }
            for a in &g.articles {
                by_article.entry(a.clone()).or_default().push(i);
            }
        }
        GroupIndex {
            by_mention,
            by_article,
        }
    }

    /// The group holding most of `reports`: mentions weigh more than articles (an article can
    /// tell several incidents); ties go to the smaller group index (groups are sorted by the
    /// linker, so this is deterministic).
    fn find(&self, reports: &Reports) -> Option<usize> {
        let mut score: HashMap<usize, usize> = HashMap::new();
        for m in &reports.mentions {
            if let Some(&g) = self.by_mention.get(m) {
                *score.entry(g).or_default() += 1000;
            }
        }
        for a in &reports.articles {
            for &g in self.by_article.get(a).into_iter().flatten() {
                *score.entry(g).or_default() += 1;
            }
        }
        score
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(g, _)| g)
    }
}

fn sorted_union(a: &mut Vec<String>, b: &[String]) {
    a.extend(b.iter().cloned());
    a.sort();
    a.dedup();
}

fn merge_into(target: &mut Group, other: &Group) {
    sorted_union(&mut target.members, &other.members);
    sorted_union(&mut target.articles, &other.articles);
    sorted_union(&mut target.main_members, &other.main_members);
}

/// Re-apply merges and splits, in journal order, to the linker's groups. Returns each
/// structural correction's resolution. `keys` are every mention's link key (a split regroups
/// the reports it moves out, so the new incident is coded from them alone).
pub(crate) fn apply_structure(
    journal: &[CorrectionRow],
    groups: &mut Vec<Group>,
    keys: &[LinkKey],
) -> HashMap<i64, Resolution> {
    let mut out = HashMap::new();
    for c in journal {
        if !matches!(
            c.operation,
            Operation::Merge { .. } | Operation::Split { .. }
        ) {
            continue;
        }
        // Rebuilt per structural correction: each one changes the groups the next one sees.
        let index = GroupIndex::of(groups);
        let resolution = match &c.operation {
            Operation::Merge { .. } => {
                let other = c.other_reports.clone().unwrap_or_default();
                match (index.find(&c.reports), index.find(&other)) {
                    (Some(a), Some(b)) if a == b => Resolution::AppliedTo(groups[a].id.clone()),
                    (Some(a), Some(b)) => {
                        let absorbed = groups[b].clone();
                        merge_into(&mut groups[a], &absorbed);
                        let id = groups[a].id.clone();
                        groups.remove(b);
                        Resolution::AppliedTo(id)
                    }
                    (None, _) => Resolution::Stale("the incident's reports are gone".into()),
                    (_, None) => Resolution::Stale("the merged incident's reports are gone".into()),
                }
            }
            Operation::Split { .. } => {
                let moved = c.other_reports.clone().unwrap_or_default();
                split(groups, &index, &c.reports, &moved, keys, c.id)
            }
            _ => continue,
        };
        out.insert(c.id, resolution);
    }
    out
}

fn split(
    groups: &mut Vec<Group>,
    index: &GroupIndex,
    anchor: &Reports,
    moved: &Reports,
    keys: &[LinkKey],
    correction: i64,
) -> Resolution {
    let Some(g) = index.find(anchor) else {
        return match index.find(moved) {
            Some(m) => Resolution::AppliedTo(groups[m].id.clone()),
            None => Resolution::Stale("the split reports are gone".into()),
        };
    };
    // Members of the anchor's group that are the moved reports: by mention id, else (when
    // re-extraction renamed them) every member from a moved article.
    let moved_ids: BTreeSet<&str> = moved.mentions.iter().map(String::as_str).collect();
    let moved_articles: BTreeSet<&str> = moved.articles.iter().map(String::as_str).collect();
    let key_of: HashMap<&str, &LinkKey> = keys.iter().map(|k| (k.id.as_str(), k)).collect();
    let anchor_articles: BTreeSet<&str> = anchor.articles.iter().map(String::as_str).collect();
    let leaving: Vec<String> = groups[g]
        .members
        .iter()
        .filter(|m| {
            moved_ids.contains(m.as_str())
                || key_of.get(m.as_str()).is_some_and(|k| {
                    moved_articles.contains(k.article.as_str())
                        && !anchor_articles.contains(k.article.as_str())
                })
        })
        .cloned()
        .collect();
    if leaving.is_empty() {
        // Already apart (the linker no longer joins them): the decision holds as it is.
        return match index.find(moved) {
            Some(m) => Resolution::AppliedTo(groups[m].id.clone()),
            None => Resolution::Stale("the split reports are gone".into()),
        };
    }
    if leaving.len() == groups[g].members.len() {
        return Resolution::Stale("the split would leave the incident empty".into());
    }
    let leaving_keys: Vec<LinkKey> = leaving
        .iter()
        .filter_map(|m| key_of.get(m.as_str()).map(|k| (*k).clone()))
        .collect();
    let regrouped = vigie_core::incidents::group(&leaving_keys);
    let Some((first, rest)) = regrouped.split_first() else {
        return Resolution::Stale("the split reports are gone".into());
    };
    let mut new_group = first.clone();
    for r in rest {
        merge_into(&mut new_group, r);
    }
    let leaving_set: BTreeSet<&str> = leaving.iter().map(String::as_str).collect();
    let remaining_articles: BTreeSet<String> = {
        let kept = &groups[g];
        kept.members
            .iter()
            .filter(|m| !leaving_set.contains(m.as_str()))
            .filter_map(|m| key_of.get(m.as_str()).map(|k| k.article.clone()))
            .collect()
    };
    {
        let kept = &mut groups[g];
        kept.members.retain(|m| !leaving_set.contains(m.as_str()));
        kept.main_members
            .retain(|m| !leaving_set.contains(m.as_str()));
        kept.articles = remaining_articles.into_iter().collect();
    }
    // The linker keys ids on type, place and day, which the split-off reports may share with
    // the incident they left: make the id unique, deterministically.
    if groups.iter().any(|x| x.id == new_group.id) {
        new_group.id = format!("{}-s{correction}", new_group.id);
    }
    let id = new_group.id.clone();
    groups.insert(g + 1, new_group);
    Resolution::AppliedTo(id)
}

/// Which group each field correction (edit, not an event, confirm) applies to, by group id.
pub(crate) fn resolve_fields(
    journal: &[CorrectionRow],
    groups: &[Group],
) -> (HashMap<String, Vec<i64>>, HashMap<i64, Resolution>) {
    let index = GroupIndex::of(groups);
    let mut by_group: HashMap<String, Vec<i64>> = HashMap::new();
    let mut resolutions = HashMap::new();
    for c in journal {
        if matches!(
            c.operation,
            Operation::Merge { .. } | Operation::Split { .. }
        ) {
            continue;
        }
        match index.find(&c.reports) {
            Some(g) => {
                by_group.entry(groups[g].id.clone()).or_default().push(c.id);
                resolutions.insert(c.id, Resolution::AppliedTo(groups[g].id.clone()));
            }
            None => {
                resolutions.insert(
                    c.id,
                    Resolution::Stale("the incident's reports are gone".into()),
                );
            }
        }
    }
    (by_group, resolutions)
}

fn set_estimate(e: &mut EstimateView, low: Option<u32>, best: Option<u32>, high: Option<u32>) {
    let best = best.or(low).or(high);
    *e = EstimateView {
        low: low.or(best),
        best,
        high: high.or(best),
    };
}

/// Apply field corrections (in journal order) and the review mark to a built view.
pub(crate) fn apply_fields(view: &mut IncidentView, corrections: &[&CorrectionRow]) {
    if corrections.is_empty() {
        return;
    }
    let mut review = ReviewView {
        status: "corrected".into(),
        corrections: Vec::new(),
        reviewers: Vec::new(),
        last_at: 0,
        notes: Vec::new(),
    };
    let (mut confirmed, mut dismissed) = (false, false);
    for c in corrections {
        review.corrections.push(c.id);
        if !review.reviewers.contains(&c.author) {
            review.reviewers.push(c.author.clone());
        }
        review.last_at = review.last_at.max(c.at);
        match &c.operation {
            Operation::Edit { edit } => {
                apply_edit(view, edit);
                if let Some(n) = c.note.as_deref().filter(|n| !n.trim().is_empty()) {
                    review
                        .notes
                        .push(format!("{}: {}", edit.describe(), n.trim()));
                }
            }
            Operation::NotAnEvent => dismissed = true,
            Operation::Confirm => {
                confirmed = true;
                dismissed = false;
            }
            Operation::Merge { .. } | Operation::Split { .. } => {}
        }
        if matches!(c.operation, Operation::NotAnEvent) {
            confirmed = false;
        }
    }
    review.status = if dismissed {
        NOT_AN_EVENT
    } else if confirmed {
        "confirmed"
    } else {
        "corrected"
    }
    .into();
    let mut tags: Vec<String> = view
        .tags
        .as_deref()
        .map(|t| t.split("; ").map(str::to_string).collect())
        .unwrap_or_default();
    tags.push(format!("reviewed: {}", review.status));
    view.tags = Some(tags.join("; "));
    view.review = Some(review);
}

/// Whether a structural correction (merge, split) touched this group: its review lists them.
pub(crate) fn mark_structural(view: &mut IncidentView, corrections: &[&CorrectionRow]) {
    if corrections.is_empty() {
        return;
    }
    let review = view.review.get_or_insert_with(|| ReviewView {
        status: "corrected".into(),
        corrections: Vec::new(),
        reviewers: Vec::new(),
        last_at: 0,
        notes: Vec::new(),
    });
    let had_tag = view
        .tags
        .as_deref()
        .is_some_and(|t| t.contains("reviewed: "));
    for c in corrections {
        review.corrections.push(c.id);
        if !review.reviewers.contains(&c.author) {
            review.reviewers.push(c.author.clone());
        }
        review.last_at = review.last_at.max(c.at);
    }
    review.corrections.sort();
    review.corrections.dedup();
    if !had_tag {
        let tag = format!("reviewed: {}", review.status);
        view.tags = Some(match view.tags.take() {
            Some(t) => format!("{t}; {tag}"),
            None => tag,
        });
    }
}

fn apply_edit(view: &mut IncidentView, edit: &FieldEdit) {
    let some = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    match edit {
        FieldEdit::Type { sub_event_type } => {
            if let Some(st) = SubEventType::from_label(sub_event_type) {
                let et = st.event_type();
                view.sub_event_type = Some(st.label().to_string());
                view.event_type = Some(et.label().to_string());
                view.disorder_type = Some(et.disorder_type().to_string());
            }
        }
        FieldEdit::Place { place } => {
            view.location = Some(place.location.clone());
            view.latitude = Some(place.latitude);
            view.longitude = Some(place.longitude);
            view.geo_precision = Some(place.geo_precision);
            // Coordinates alone keep the incident's country and units: the analyst moved the
            // point, not the country.
            if let Some(cc) = &place.country_code {
                view.country = place.country.clone().or(view.country.take());
                if let Some((iso, region)) = country_info(cc) {
                    view.iso = Some(iso);
                    view.region = Some(region.to_string());
                }
                view.admin1 = place.admin1.clone();
                view.admin1_post2023 = place.admin1_post2023.clone();
                view.admin2 = place.admin2.clone();
                view.admin3 = place.admin3.clone();
            }
        }
        FieldEdit::Date { date, precision } => {
            view.date = Some(date.clone());
            view.time_precision = Some(*precision);
            // The state forces of another period are named after its government.
            if let Ok(day) = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                for actor in [&mut view.actor1, &mut view.actor2].into_iter().flatten() {
                    *actor = vigie_core::regimes::name_on(actor, day);
                }
            }
        }
        FieldEdit::Actors { actor1, actor2 } => {
            if let Some(a) = actor1 {
                view.actor1 = some(a);
            }
            if let Some(a) = actor2 {
                view.actor2 = some(a);
            }
        }
        FieldEdit::Figure {
            figure,
            low,
            best,
            high,
        } => {
            let e = match figure.as_str() {
                "fatalities" => &mut view.fatalities,
                "injured" => &mut view.injured,
                "abducted" => &mut view.abducted,
                "attackers" => &mut view.attackers,
                _ => return,
            };
            set_estimate(e, *low, *best, *high);
        }
    }
}

const COLUMNS: &str = "id, op, data, note, author, at, incident, reports, other_reports,
                       before, after, applied_to, stale";

fn row(r: &Row<'_>) -> Result<CorrectionRow> {
    let id: i64 = r.get(0)?;
    let data: String = r.get(2)?;
    let reports: String = r.get(7)?;
    let other: Option<String> = r.get(8)?;
    let before: String = r.get(9)?;
    let after: Option<String> = r.get(10)?;
    let parse = || -> Result<CorrectionRow> {
        let unreadable =
            |e: serde_json::Error| StoreError(format!("stored correction {id} is unreadable: {e}"));
        Ok(CorrectionRow {
            id,
            operation: serde_json::from_str(&data).map_err(unreadable)?,
            note: r.get(3)?,
            author: r.get(4)?,
            at: r.get(5)?,
            incident: r.get(6)?,
            reports: serde_json::from_str(&reports).map_err(unreadable)?,
            other_reports: other
                .as_deref()
                .map(serde_json::from_str)
                .transpose()
                .map_err(unreadable)?,
            before: serde_json::from_str(&before).map_err(unreadable)?,
            after: after
                .as_deref()
                .map(serde_json::from_str)
                .transpose()
                .map_err(unreadable)?
                .unwrap_or(serde_json::Value::Null),
            applied_to: r.get(11)?,
            stale: r.get(12)?,
        })
    };
    parse()
}

pub(crate) fn load(tx: &Db, filter: &str) -> Result<Vec<CorrectionRow>> {
    tx.query_map(
        &format!("SELECT {COLUMNS} FROM corrections {filter} ORDER BY id"),
        params![],
        row,
    )
}

/// Record where each correction applies after a relink (`None` applied_to = stale).
pub(crate) fn record_resolutions(tx: &Db, resolutions: &HashMap<i64, Resolution>) -> Result<()> {
    let sql = "UPDATE corrections SET applied_to = ?2, stale = ?3
         WHERE id = ?1 AND (applied_to IS DISTINCT FROM ?2 OR stale IS DISTINCT FROM ?3)";
    for (id, r) in resolutions {
        match r {
            Resolution::AppliedTo(i) => tx.execute(sql, params![id, i, Option::<String>::None])?,
            Resolution::Stale(why) => tx.execute(sql, params![id, Option::<String>::None, why])?,
        };
    }
    Ok(())
}

/// The reports an incident is made of now: its mentions and their articles.
fn reports_of(tx: &Db, incident: &str) -> Result<Reports> {
    let rows: Vec<(String, String)> = tx.query_map(
        "SELECT im.mention_id, m.article_ref FROM incident_mentions im
         JOIN mentions m ON m.id = im.mention_id
         JOIN incident_articles ia ON ia.incident_id = im.incident_id AND ia.article_ref = m.article_ref
         WHERE im.incident_id = ?1 ORDER BY 1, 2",
        params![incident],
        |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)),
    )?;
    let mut reports = Reports::default();
    for (m, a) in rows {
        reports.mentions.push(m);
        reports.articles.push(a);
    }
    reports.mentions.dedup();
    reports.articles.sort();
    reports.articles.dedup();
    Ok(reports)
}

/// A correction to write: what, on which incident, by whom.
#[derive(Debug, Clone, PartialEq)]
pub struct CorrectionRequest {
    pub incident: String,
    pub operation: Operation,
    pub note: Option<String>,
    pub author: String,
}

impl Store {
    /// Write a correction to the journal and relink, in one transaction: the correction is in
    /// force when this returns, or nothing was written. Errors are one line naming the problem.
    pub fn correct(&mut self, req: &CorrectionRequest) -> Result<CorrectionRow> {
        if req.author.trim().is_empty() {
            return Err(StoreError(
                "author: who makes the correction must be named".into(),
            ));
        }
        if let Operation::Edit { edit } = &req.operation {
            edit.validate()?;
        }
        let tx = self.conn.transaction()?;
        let view = incident_in(&tx, &req.incident)?;
        let reports = reports_of(&tx, &req.incident)?;
        let mut before = summary(&view);
        let mut other_reports = None;
        let mut anchor = reports.clone();
        match &req.operation {
            Operation::Merge { other } => {
                if other == &req.incident {
                    return Err(StoreError(format!("merge: {other} is the incident itself")));
                }
                let other_view = incident_in(&tx, other)?;
                other_reports = Some(reports_of(&tx, other)?);
                before = serde_json::json!({"incident": before, "merged": summary(&other_view)});
            }
            Operation::Split { articles } => {
                if articles.is_empty() {
                    return Err(StoreError("split: name the articles to move out".into()));
                }
                let theirs: BTreeSet<&str> = reports.articles.iter().map(String::as_str).collect();
                if let Some(a) = articles.iter().find(|a| !theirs.contains(a.as_str())) {
                    return Err(StoreError(format!(
                        "split: article {a:?} is not a report of incident {}",
                        req.incident
                    )));
                }
                let moving: BTreeSet<&str> = articles.iter().map(String::as_str).collect();
                if theirs.iter().all(|a| moving.contains(a)) {
                    return Err(StoreError(format!(
                        "split: that would move every report out of incident {}",
                        req.incident
                    )));
                }
                let mut moved = Reports::default();
                let mut kept = Reports::default();
                let rows: Vec<(String, String)> = tx.query_map(
                    "SELECT im.mention_id, m.article_ref FROM incident_mentions im
                     JOIN mentions m ON m.id = im.mention_id WHERE im.incident_id = ?1",
                    params![req.incident],
                    |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?)),
                )?;
                for (m, a) in rows {
                    if !theirs.contains(a.as_str()) {
                        continue;
                    }
                    let side = if moving.contains(a.as_str()) {
                        &mut moved
                    } else {
                        &mut kept
                    };
                    side.mentions.push(m);
                    side.articles.push(a);
                }
                for r in [&mut moved, &mut kept] {
                    r.mentions.sort();
                    r.mentions.dedup();
                    r.articles.sort();
                    r.articles.dedup();
                }
                anchor = kept;
                other_reports = Some(moved);
            }
            _ => {}
        }
        let data = serde_json::to_string(&req.operation)?;
        let id: i64 = tx.query_row(
            "INSERT INTO corrections (op, data, note, author, at, incident, reports, other_reports, before)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
            params![
                req.operation.name(),
                data,
                req.note.as_deref().map(str::trim).filter(|n| !n.is_empty()),
                req.author.trim(),
                unix_now(),
                req.incident,
                serde_json::to_string(&anchor)?,
                other_reports.as_ref().map(serde_json::to_string).transpose()?,
                serde_json::to_string(&before)?,
            ],
            |r| r.get(0),
        )?;
        crate::relink_in(&tx)?;
        let applied_to: Option<String> = tx.query_row(
            "SELECT applied_to FROM corrections WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )?;
        let after = match &applied_to {
            Some(i) => {
                let now = summary(&incident_in(&tx, i)?);
                match &req.operation {
                    Operation::Split { .. } => {
                        let rest = match crate::corrections::find_incident(&tx, &anchor)? {
                            Some(r) => summary(&incident_in(&tx, &r)?),
                            None => serde_json::Value::Null,
                        };
                        serde_json::json!({"incident": rest, "split_off": now})
                    }
                    _ => now,
                }
            }
            None => serde_json::Value::Null,
        };
        tx.execute(
            "UPDATE corrections SET after = ?2 WHERE id = ?1",
            params![id, serde_json::to_string(&after)?],
        )?;
        let out = load(&tx, &format!("WHERE id = {id}"))?
            .pop()
            .ok_or_else(|| StoreError(format!("correction {id} vanished")))?;
        tx.commit()?;
        Ok(out)
    }

    /// Every journal entry, oldest first; `stale_only` keeps those that no longer apply.
    pub fn corrections(&self, stale_only: bool) -> Result<Vec<CorrectionRow>> {
        load(
            &self.conn,
            if stale_only {
                "WHERE applied_to IS NULL"
            } else {
                ""
            },
        )
    }

    /// The audit trail of an incident: corrections in force on it, and those written on it
    /// (by the id the analyst saw), oldest first.
    pub fn history(&self, incident: &str) -> Result<Vec<CorrectionRow>> {
        let other = self.conn.dialect().json_text("data", "other");
        self.conn.query_map(
            &format!(
                "SELECT {COLUMNS} FROM corrections
                 WHERE applied_to = ?1 OR incident = ?1
                    OR (op = 'merge' AND {other} = ?1)
                 ORDER BY id"
            ),
            params![incident],
            row,
        )
    }
}

fn incident_in(tx: &Db, id: &str) -> Result<IncidentView> {
    let view: Option<String> = tx.query_opt(
        "SELECT view FROM incidents WHERE id = ?1",
        params![id],
        |r| r.get(0),
    )?;
    match view {
        Some(v) => Ok(serde_json::from_str(&v)?),
        None => Err(StoreError(format!("no incident {id}"))),
    }
}

/// The stored incident holding most of `reports`, if any.
pub(crate) fn find_incident(tx: &Db, reports: &Reports) -> Result<Option<String>> {
    let mut score: HashMap<String, usize> = HashMap::new();
    for m in &reports.mentions {
        tx.query_each(
            "SELECT incident_id FROM incident_mentions WHERE mention_id = ?1",
            params![m],
            |r| {
                *score.entry(r.get(0)?).or_default() += 1000;
                Ok(())
            },
        )?;
    }
    for a in &reports.articles {
        tx.query_each(
            "SELECT incident_id FROM incident_articles WHERE article_ref = ?1",
            params![a],
            |r| {
                *score.entry(r.get(0)?).or_default() += 1;
                Ok(())
            },
        )?;
    }
    Ok(score
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i))
}

/// The review status of an incident an analyst marked as not an event.
pub(crate) const NOT_AN_EVENT: &str = "not an event";

/// The country code set by the latest place edit among `corrections`, if any.
pub(crate) fn country_code_set(corrections: &[&CorrectionRow]) -> Option<String> {
    corrections.iter().rev().find_map(|c| match &c.operation {
        Operation::Edit {
            edit: FieldEdit::Place { place },
        } => place.country_code.clone(),
        _ => None,
    })
}

#[cfg(test)]
#[path = "corrections_tests.rs"]
mod tests;
