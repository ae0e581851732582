//! Stage 3 — Mentions → Incidents: link the mentions of all articles into incidents
//! (one event type, one place, one day) and reconcile their figures (low/best/high).
//!
//! Linking compares normalised values only (dates, coordinates, admin units, ACLED types,
//! actor names, figures, victim nationalities), so French and English reports meet.
//! It runs in three passes, each deterministic:
//! 1. mentions with a date, in date order: join a compatible incident of the same country within
//!    the date's precision (blocked by day), else found a new incident;
//! 2. mentions with a place but no date: join the best compatible incident near that place
//!    (blocked by a 1° grid cell) when the evidence is strong enough, else found one;
//! 3. mentions with no place below country level: join the incident they
//!    match best on figures, actors and keys, never found one; a report of a coordinated
//!    operation joins every site of that operation.
//!
//! Two mentions of one article are never merged: the article itself told them apart.
//!
//! Linking is split in two so the store can run it over a large database in little memory:
//! [`group`] clusters [`LinkKey`]s (the mentions' normalised values, no quotes) and decides each
//! incident's id, type, date and place; [`build`] turns one group and its full mentions into an
//! [`Incident`] (actors, targets, reconciled figures, notes). [`link`] does both.

pub mod copies;
pub mod key;
pub mod reconcile;

pub use key::LinkKey;

use crate::mentions::build::short_hash;
use crate::mentions::frames::{places_fit, same_day};
use crate::model::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Group mentions into incidents. Deterministic: the same set of mentions, in any order,
/// gives the same incidents with the same ids. Every article is its own source.
pub fn link(mentions: &[Mention]) -> Vec<Incident> {
    let keys: Vec<LinkKey> = mentions.iter().map(LinkKey::of).collect();
    let by_id: HashMap<&str, &Mention> = mentions.iter().map(|m| (m.id.as_str(), m)).collect();
    group(&keys)
        .iter()
        .map(|g| {
            let members: Vec<&Mention> = g
                .members
                .iter()
                .filter_map(|id| by_id.get(id.as_str()).copied())
                .collect();
            build(g, &members, &|article: &str| article.to_string())
        })
        .collect()
}

/// One incident as decided by [`group`]: who belongs to it and what it is coded as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    /// The id before ids shared by several groups were numbered ([`number_ids`]).
    pub base_id: String,
    /// The mention that founded the incident (the first member in linking order): a handle
    /// that stays the same while the incident's earlier members do.
    pub founder: String,
    pub sub_event_type: SubEventType,
    pub date: Option<EventDate>,
    pub place: Option<ResolvedPlace>,
    /// Member mention ids, sorted.
    pub members: Vec<String>,
    /// Articles of the members, sorted.
    pub articles: Vec<String>,
    /// Ids of the main (non-background) members, sorted: the only ones whose type counts.
    pub main_members: Vec<String>,
    pub operation: Option<String>,
}

/// Cluster mentions (by their keys) into incidents. Deterministic: the same set of keys, in any
/// order, gives the same groups with the same ids, most recent first.
pub fn group(keys: &[LinkKey]) -> Vec<Group> {
    let mut order: Vec<&LinkKey> = keys.iter().collect();
    order.sort_by_key(|a| sort_key(a));
    order.dedup_by(|a, b| a.id == b.id);

    let mut clusters: Vec<Cluster> = Vec::new();
    // Blocking indexes, so each mention is compared with a bounded number of incidents:
    // dated incidents by (country, day) over their date window, undated ones by (country,
    // publication day of their first report). A report with neither an event date nor a
    // publication date (a bare text file) falls back to every incident in the surrounding
    // 1° cells and those of its region placed only by the region, or in the country when it
    // has no place below country level.
    let mut index = Blocks::default();

    // Pass 1: dated mentions.
    for m in order.iter().filter(|m| m.date.is_some() && is_placed(m)) {
        let d = m.date.expect("filtered");
        let country = country_of(m);
        let candidates = index.in_time(&country, m).unwrap_or_default();
        let idx = join_or_found(&mut clusters, candidates, m, Pass::Dated);
        index.add_dated(&country, d, m, idx);
    }
    // Pass 2: placed, undated mentions.
    for m in order.iter().filter(|m| m.date.is_none() && is_placed(m)) {
        let country = country_of(m);
        let candidates = match index.in_time(&country, m) {
            Some(c) => c,
            None if coords(m).is_some() => index.near(&country, m),
            None => index.in_country(&country),
        };
        let idx = join_or_found(&mut clusters, candidates, m, Pass::Undated);
        index.add_undated(&country, m, idx);
    }
    // Pass 3: mentions with no place below country level join, never found.
    // (Known only at country level: ACLED does not code it on its own.)
    let mut by_operation: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in clusters.iter().enumerate() {
        for o in &c.operations {
            by_operation.entry(o.as_str()).or_default().push(i);
        }
    }
    let dependent: Vec<&LinkKey> = order.iter().copied().filter(|m| !is_placed(m)).collect();
    let mut attachments: Vec<(usize, &LinkKey)> = Vec::new();
    for m in dependent {
        let country = country_of(m);
        let candidates = index
            .in_time(&country, m)
            .unwrap_or_else(|| index.in_country(&country));
        let best = candidates
            .into_iter()
            .filter_map(|c| score(&clusters[c], m, Pass::Dependent).map(|s| (s, c)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let Some((_, c)) = best else { continue };
        // A report of a whole coordinated operation supports each of its sites.
        if m.keys.iter().any(|k| k == "coordinated") {
            let mut sites: BTreeSet<usize> = BTreeSet::new();
            for o in &clusters[c].operations {
                sites.extend(by_operation.get(o.as_str()).into_iter().flatten().copied());
            }
            for i in sites {
                if i != c && clusters[i].event_type() == clusters[c].event_type() {
                    attachments.push((i, m));
                }
            }
        }
        attachments.push((c, m));
    }
    for (c, m) in attachments {
        if !clusters[c].articles.contains(&m.article) {
            clusters[c].add(m);
        }
    }
    finish(clusters)
}

/// Which pass of [`group`] links a key: 1 dated and placed, 2 placed but undated, 3 known only
/// at country level (it joins, never founds).
pub fn pass_of(k: &LinkKey) -> u8 {
    match (is_placed(k), k.date.is_some()) {
        (true, true) => 1,
        (true, false) => 2,
        (false, _) => 3,
    }
}

/// How many days before its own date a dated key looks for incidents: the widest precision's
/// slack (a month's 15 days) plus the day next to it.
pub const DATED_PROBE_DAYS: i64 = 16;

/// The first day of the dated index a pass-1 key reads its candidates from.
pub fn probe_start(k: &LinkKey) -> Option<NaiveDate> {
    let d = k.date?;
    d.date
        .checked_sub_signed(chrono::Duration::days(d.precision.slack_days() + 1))
}

/// The days of the dated-incident index that a key touches: for a pass-1 key, the days it
/// indexes its incident on (its date's window); for the others, the days they read candidates
/// from. None when a pass-2 or pass-3 key has neither a date nor a publication date: it reads
/// whole 1° cells or countries whatever the day.
pub fn day_reach(k: &LinkKey) -> Option<(NaiveDate, NaiveDate)> {
    let shift = |d: NaiveDate, n: i64| d.checked_add_signed(chrono::Duration::days(n));
    match (k.date, k.published) {
        (Some(d), _) => {
            let s = d.precision.slack_days() + i64::from(pass_of(k) != 1);
            Some((shift(d.date, -s)?, shift(d.date, s)?))
        }
        (None, Some(p)) => Some((shift(p, -UNDATED_LOOKBACK_DAYS)?, shift(p, 1)?)),
        (None, None) => None,
    }
}

/// What [`resume_dated`] found: the groups that came out differently from the last run.
#[derive(Debug, Clone, PartialEq)]
pub struct Resumed {
    /// The groups (ids not numbered: `id` = `base_id`) whose members are not what they were,
    /// and the new ones, each complete.
    pub changed: Vec<Group>,
    /// Founders of the groups of the last run that changed or are gone (a founder names the
    /// old group and, when it still founds one, the new one).
    pub dirty: BTreeSet<String>,
    /// How many keys were linked again.
    pub replayed: usize,
    /// The last day a group that differs from the last run is (or was) indexed on: keys dated
    /// more than [`DATED_PROBE_DAYS`] after it are out of the change's reach.
    pub reach: Option<NaiveDate>,
}

/// The outcome of [`resume_dated`].
#[derive(Debug, Clone, PartialEq)]
pub enum Resume {
    Done(Resumed),
    /// The keys given end before the changes have died out: call again with more.
    NeedMore,
    /// Not a pass-1 key, or a prior key not before the tail.
    Invalid,
}

/// One key after the point where pass 1 resumes: its link key and the founder of the group it
/// was in at the last run (None for a new key).
pub type TailKey<'a> = (&'a LinkKey, Option<&'a str>);

/// Pass 1 of [`group`] resumed after a change, stopping as soon as the change has died out.
///
/// - `prior`: dated, placed keys sorted before the first changed one, each with the founder of
///   its group: every member of every group that a tail key can reach (any group indexed on a
///   day from the earliest [`probe_start`] of the tail keys).
/// - `tail`: every dated, placed key (same countries) from the first changed day on, up to some
///   day, with its founder at the last run (None for a new key).
/// - `later_probe`: the earliest [`probe_start`] of the keys after those given (None: there are
///   none).
/// - `dirty_from_start`: founders of the last run's groups that lost a member (removed keys).
/// - `old_reach`: for each founder of the last run, the last day its group was indexed on.
///
/// Pass 1 is causal in linking order: a key's decision depends only on the keys sorted before
/// it, and only on the groups indexed on the days it probes. So the keys before the tail keep
/// their decisions; tail keys are linked again; and once every new key has been linked and no
/// later key probes a day on which a group that differs from the last run (by its old or its
/// new members) is indexed, every later key decides as it did, against groups that are as they
/// were: it stops there. The changed groups are then complete. This gives what [`group`] gives,
/// as far as pass 1 goes (passes 2 and 3 and operations are the caller's to rule out).
pub fn resume_dated(
    prior: &[(&LinkKey, &str)],
    tail: &[TailKey],
    later_probe: Option<NaiveDate>,
    dirty_from_start: &[&str],
    old_reach: &HashMap<String, NaiveDate>,
) -> Resume {
    if prior.iter().any(|(k, _)| pass_of(k) != 1) || tail.iter().any(|(k, _)| pass_of(k) != 1) {
        return Resume::Invalid;
    }
    let mut order: Vec<TailKey> = tail.to_vec();
    order.sort_by_key(|a| sort_key(a.0));
    order.dedup_by(|a, b| a.0.id == b.0.id);
    if let Some(start) = order.first().and_then(|k| k.0.date) {
        if prior
            .iter()
            .any(|(k, _)| k.date.is_none_or(|d| d.date >= start.date))
        {
            return Resume::Invalid;
        }
    }
    let mut by_founder: HashMap<&str, Vec<&LinkKey>> = HashMap::new();
    for (k, founder) in prior {
        by_founder.entry(founder).or_default().push(k);
    }
    let mut earlier: Vec<Vec<&LinkKey>> = by_founder.into_values().collect();
    for members in earlier.iter_mut() {
        members.sort_by_key(|a| sort_key(a));
        members.dedup_by(|a, b| a.id == b.id);
    }
    // Incidents are numbered in the order they were founded, which breaks ties between equal
    // scores: the order of their first members.
    earlier.sort_by_cached_key(|members| members.first().map(|m| sort_key(m)));
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut index = Blocks::default();
    for members in earlier {
        let idx = clusters.len();
        clusters.push(Cluster::default());
        for m in members {
            clusters[idx].add(m);
            if let Some(d) = m.date {
                index.add_dated(&country_of(m), d, m, idx);
            }
        }
    }
    let last_indexed = |c: &Cluster| -> Option<NaiveDate> {
        c.members
            .iter()
            .filter_map(|m| m.date)
            .filter_map(|d| {
                d.date
                    .checked_add_signed(chrono::Duration::days(d.precision.slack_days()))
            })
            .max()
    };
    let mut dirty: BTreeSet<String> = dirty_from_start.iter().map(|f| f.to_string()).collect();
    // The last day any group that differs from the last run is (or was) indexed on.
    let mut dirty_reach: Option<NaiveDate> =
        dirty.iter().filter_map(|f| old_reach.get(f)).max().copied();
    let mut new_left = order.iter().filter(|k| k.1.is_none()).count();
    let founder_of = |clusters: &[Cluster], idx: usize| -> String {
        clusters[idx]
            .members
            .first()
            .map(|m| m.id.clone())
            .unwrap_or_default()
    };
    // The earliest day any key from the i-th on probes.
    let mut probes_from: Vec<Option<NaiveDate>> = vec![later_probe; order.len() + 1];
    for i in (0..order.len()).rev() {
        let own = probe_start(order[i].0);
        probes_from[i] = match (own, probes_from[i + 1]) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    let settled = |i: usize, new_left: usize, reach: Option<NaiveDate>| {
        new_left == 0
            && match (reach, probes_from[i]) {
                (Some(r), Some(p)) => p > r,
                _ => true,
            }
    };
    let mut replayed = 0usize;
    for (i, (m, was)) in order.iter().copied().enumerate() {
        let Some(d) = m.date else { continue };
        if settled(i, new_left, dirty_reach) {
            break;
        }
        replayed += 1;
        let country = country_of(m);
        let candidates = index.in_time(&country, m).unwrap_or_default();
        let idx = join_or_found(&mut clusters, candidates, m, Pass::Dated);
        index.add_dated(&country, d, m, idx);
        if was.is_none() {
            new_left -= 1;
        }
        let now = founder_of(&clusters, idx);
        if was != Some(now.as_str()) {
            if let Some(w) = was {
                dirty.insert(w.to_string());
                dirty_reach = dirty_reach.max(old_reach.get(w).copied());
            }
            dirty.insert(now.clone());
        }
        if dirty.contains(&now) {
            dirty_reach = dirty_reach
                .max(last_indexed(&clusters[idx]))
                .max(old_reach.get(&now).copied());
        }
    }
    // Out of keys before the change died out: the caller must give more.
    if !settled(order.len(), new_left, dirty_reach) {
        return Resume::NeedMore;
    }
    let op_ids = operation_ids(&clusters);
    let changed = clusters
        .iter()
        .filter(|c| c.members.first().is_some_and(|m| dirty.contains(&m.id)))
        .map(|c| group_of(c, &op_ids))
        .collect();
    Resume::Done(Resumed {
        changed,
        dirty,
        replayed,
        reach: dirty_reach,
    })
}

/// How many members of an incident a new mention is compared with.
const MAX_COMPARED_MEMBERS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Dated,
    Undated,
    Dependent,
}

#[derive(Default, Debug)]
struct Cluster<'a> {
    members: Vec<&'a LinkKey>,
    articles: BTreeSet<String>,
    operations: BTreeSet<String>,
}

impl<'a> Cluster<'a> {
    fn add(&mut self, m: &'a LinkKey) {
        self.articles.insert(m.article.clone());
        if let Some(op) = &m.operation {
            self.operations.insert(op.clone());
        }
        self.members.push(m);
    }
    fn main_members(&self) -> impl Iterator<Item = &&'a LinkKey> {
        let any_main = self.members.iter().any(|m| !m.background);
        self.members
            .iter()
            .filter(move |m| !any_main || !m.background)
    }
    fn event_type(&self) -> Option<EventType> {
        self.main_members().next().map(|m| m.event_type)
    }
}

fn sort_key(m: &LinkKey) -> (Option<NaiveDate>, u8, String, String, u32) {
    (
        m.date.map(|d| d.date),
        m.date.map_or(9, |d| d.precision.code()),
        m.place
            .as_ref()
            .map(|p| p.location.clone())
            .unwrap_or_default(),
        m.article.clone(),
        m.ordinal,
    )
}

fn country_of(m: &LinkKey) -> String {
    m.place
        .as_ref()
        .map(|p| p.country_code.clone())
        .unwrap_or_default()
}

fn coords(m: &LinkKey) -> Option<(f64, f64)> {
    let p = m.place.as_ref()?;
    Some((p.latitude?, p.longitude?))
}

fn region_of(m: &LinkKey) -> Option<&str> {
    m.place.as_ref()?.admin1.as_deref()
}

/// Placed only by a region (or a larger unit).
fn coarse(m: &LinkKey) -> bool {
    m.place.as_ref().is_some_and(|p| p.geo_precision > 2)
}

/// Neither an event date nor a publication date (a bare text): nothing bounds when it happened.
fn timeless(m: &LinkKey) -> bool {
    m.date.is_none() && m.published.is_none()
}

/// Coded to a village itself (not near it, not a town or an administrative unit). (A key
/// stored by an older gazetteer may carry an id this one does not have: no village then.)
fn is_village(p: &ResolvedPlace) -> bool {
    let gazetteer = vigie_geo::global();
    p.geo_precision == 1
        && p.place_id.is_some_and(|id| {
            (id as usize) < gazetteer.len()
                && gazetteer.place(id).kind == vigie_geo::PlaceKind::Village
        })
}

/// A key that is never an agreement of its own: a day and month or a weekday (counted apart, as
/// `day_agrees`), a page's month, a repeat.
fn never_links(k: &str) -> bool {
    k.starts_with(DAY_MONTH_KEY)
        || k.starts_with(WEEKDAY_KEY)
        || k.starts_with(MONTH_WEEKDAY_KEY)
        || k.starts_with(PAGE_MONTH_KEY)
        || k == REPEAT_KEY
}

/// Placed below country level.
fn is_placed(m: &LinkKey) -> bool {
    m.place
        .as_ref()
        .is_some_and(|p| p.latitude.is_some() || p.admin1.is_some())
}

/// Join the best-scoring candidate incident, or found a new one. Returns its index.
fn join_or_found<'a>(
    clusters: &mut Vec<Cluster<'a>>,
    candidates: BTreeSet<usize>,
    m: &'a LinkKey,
    pass: Pass,
) -> usize {
    let best = candidates
        .into_iter()
        .filter_map(|c| score(&clusters[c], m, pass).map(|s| (s, c)))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let idx = match best {
        Some((_, c)) => c,
        None => {
            clusters.push(Cluster::default());
            clusters.len() - 1
        }
    };
    clusters[idx].add(m);
    idx
}

/// How far back an undated report may look for its incident (and `score` agrees: an undated
/// report joins only something that happened at most this long before it was published).
const UNDATED_LOOKBACK_DAYS: i64 = 60;
/// How far back an undated report reaches on its place, type and group alone (a week).
const RECENT_DAYS: i64 = 7;
/// Above any agreement score: an undated report goes to an incident of its last week before
/// any older one it may also fit.
const RECENT_FIRST: i32 = 1_000;
/// How far apart two undated reports may be published and still join on place, type and group
/// alone.
const UNDATED_PAIR_RECENT_DAYS: i64 = 3;
/// Two undated reports are compared only when published this close together.
const UNDATED_PAIR_DAYS: i64 = 14;

/// When an undated report's event can have happened: in the `UNDATED_LOOKBACK_DAYS` before its
/// publication, or before the end of the month of a page dated only to its month. None when
/// nothing bounds it.
fn undated_window(m: &LinkKey) -> Option<(NaiveDate, NaiveDate)> {
    match m.published {
        Some(p) => lookback(p, p),
        None => page_month_window(m),
    }
}

/// The days from `UNDATED_LOOKBACK_DAYS` before `first` to the day after `last`.
fn lookback(first: NaiveDate, last: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        first.checked_sub_signed(chrono::Duration::days(UNDATED_LOOKBACK_DAYS))?,
        last.succ_opt()?,
    ))
}

/// [`undated_window`] of a report whose page is dated only to its month.
fn page_month_window(m: &LinkKey) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = page_month_of(&m.keys)?;
    lookback(first, last)
}

/// A report from a page dated only to its month ("date 2017-11") tells of something that
/// happened that month or in the weeks before it (true when its page gives no month).
fn fits_page_month(m: &LinkKey, day: NaiveDate) -> bool {
    page_month_window(m).is_none_or(|(from, to)| from <= day && day <= to)
}

/// A country code as a small key (the blocking maps are probed many times per mention).
type Cc = [u8; 2];

fn cc(country: &str) -> Cc {
    let b = country.as_bytes();
    [
        b.first().copied().unwrap_or(0),
        b.get(1).copied().unwrap_or(0),
    ]
}

#[derive(Default)]
struct Blocks {
    by_day: HashMap<(Cc, NaiveDate), Vec<usize>>,
    undated_by_published: HashMap<(Cc, NaiveDate), Vec<usize>>,
    by_cell: HashMap<(Cc, i32, i32), Vec<usize>>,
    /// Incidents by (country, region) of their places: every one, and those placed only by
    /// the region (whose point, the region's middle, may lie far from the town it holds).
    by_region: HashMap<(Cc, String), Vec<usize>>,
    by_region_coarse: HashMap<(Cc, String), Vec<usize>>,
    by_country: HashMap<Cc, Vec<usize>>,
}

fn push_once(list: &mut Vec<usize>, idx: usize) {
    if list.last() != Some(&idx) {
        list.push(idx);
    }
}

fn days(d: NaiveDate, from: i64, to: i64) -> impl Iterator<Item = NaiveDate> {
    (from..=to).filter_map(move |off| d.checked_add_signed(chrono::Duration::days(off)))
}

impl Blocks {
    /// A dated incident is indexed over its date's whole window, so precise reports of any day
    /// in it find it.
    fn add_dated(&mut self, country: &str, d: EventDate, m: &LinkKey, idx: usize) {
        let spread = d.precision.slack_days();
        for day in days(d.date, -spread, spread) {
            push_once(self.by_day.entry((cc(country), day)).or_default(), idx);
        }
        self.add_place(country, m, idx);
    }

    fn add_place(&mut self, country: &str, m: &LinkKey, idx: usize) {
        if let Some((la, lo)) = coords(m) {
            let key = (cc(country), la.floor() as i32, lo.floor() as i32);
            push_once(self.by_cell.entry(key).or_default(), idx);
        }
        if let Some(region) = region_of(m) {
            let key = (cc(country), region.to_string());
            if coarse(m) {
                push_once(self.by_region_coarse.entry(key.clone()).or_default(), idx);
            }
            push_once(self.by_region.entry(key).or_default(), idx);
        }
        push_once(self.by_country.entry(cc(country)).or_default(), idx);
    }

    fn add_undated(&mut self, country: &str, m: &LinkKey, idx: usize) {
        if let Some(p) = m.published {
            let list = self
                .undated_by_published
                .entry((cc(country), p))
                .or_default();
            push_once(list, idx);
        }
        self.add_place(country, m, idx);
    }

    /// Incidents whose time fits the mention's date (or, undated, its publication date);
    /// None when the mention has neither.
    fn in_time(&self, country: &str, m: &LinkKey) -> Option<BTreeSet<usize>> {
        let mut out = BTreeSet::new();
        let code = cc(country);
        let mut collect = |map: &HashMap<(Cc, NaiveDate), Vec<usize>>, day: NaiveDate| {
            if let Some(v) = map.get(&(code, day)) {
                out.extend(v.iter().copied());
            }
        };
        match (m.date, m.published) {
            (Some(d), _) => {
                let slack = d.precision.slack_days() + 1;
                for day in days(d.date, -slack, slack) {
                    collect(&self.by_day, day);
                }
                // Undated incidents first reported in the days after this date (none exist yet
                // while dated reports are grouped: skip the 62 probes then).
                if !self.undated_by_published.is_empty() {
                    for day in days(d.date, -1, UNDATED_LOOKBACK_DAYS) {
                        collect(&self.undated_by_published, day);
                    }
                }
            }
            (None, Some(p)) => {
                for day in days(p, -UNDATED_LOOKBACK_DAYS, 1) {
                    collect(&self.by_day, day);
                }
                for day in days(p, -UNDATED_PAIR_DAYS, UNDATED_PAIR_DAYS) {
                    collect(&self.undated_by_published, day);
                }
            }
            (None, None) => return None,
        }
        Some(out)
    }

    /// Incidents in the 1° cells around the mention (for reports with no date at all), and
    /// in its region those placed only by the region (all of the region's, for a mention
    /// placed only by it).
    fn near(&self, country: &str, m: &LinkKey) -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        if let Some(region) = region_of(m) {
            let by = if coarse(m) {
                &self.by_region
            } else {
                &self.by_region_coarse
            };
            if let Some(v) = by.get(&(cc(country), region.to_string())) {
                out.extend(v.iter().copied());
            }
        }
        if let Some((la, lo)) = coords(m) {
            let (cy, cx) = (la.floor() as i32, lo.floor() as i32);
            for dy in -1..=1 {
                for dx in -1..=1 {
                    let key = (cc(country), cy + dy, cx + dx);
                    if let Some(v) = self.by_cell.get(&key) {
                        out.extend(v.iter().copied());
                    }
                }
            }
        }
        out
    }

    /// Every incident of the country (for country-level reports with no date at all).
    fn in_country(&self, country: &str) -> BTreeSet<usize> {
        self.by_country
            .get(&cc(country))
            .map(|v| v.iter().copied().collect())
            .unwrap_or_default()
    }
}

/// How far apart two places may be and still be the same event location.
fn place_tolerance_km(a: &ResolvedPlace, b: &ResolvedPlace) -> f64 {
    match a.geo_precision.max(b.geo_precision) {
        1 => 8.0,
        2 => 60.0,
        _ => 150.0,
    }
}

/// Two places of one second-level unit (cercle, province, department), at least one of them
/// known only approximately (near a town, the unit itself).
fn same_district_loosely(a: &ResolvedPlace, b: &ResolvedPlace) -> bool {
    a.country_code == b.country_code
        && a.admin2.is_some()
        && a.admin2 == b.admin2
        && a.geo_precision.max(b.geo_precision) >= 2
}

/// Two reports placed on one spot ([`same_spot`]).
fn on_one_spot(a: &LinkKey, b: &LinkKey) -> bool {
    matches!((&a.place, &b.place), (Some(x), Some(y)) if same_spot(x, y))
}

/// The same precisely located spot: one gazetteer place, or two points a few km apart.
fn same_spot(a: &ResolvedPlace, b: &ResolvedPlace) -> bool {
    if a.geo_precision > 2 || b.geo_precision > 2 {
        return false;
    }
    if a.place_id.is_some() && a.place_id == b.place_id {
        return true;
    }
    match (a.latitude, a.longitude, b.latitude, b.longitude) {
        (Some(la), Some(oa), Some(lb), Some(ob)) => vigie_geo::distance_km(la, oa, lb, ob) <= 8.0,
        _ => false,
    }
}

fn places_compatible(a: &ResolvedPlace, b: &ResolvedPlace) -> bool {
    if places_fit(a, b) {
        return true;
    }
    match (a.latitude, a.longitude, b.latitude, b.longitude) {
        (Some(la), Some(oa), Some(lb), Some(ob)) => {
            vigie_geo::distance_km(la, oa, lb, ob) <= place_tolerance_km(a, b)
        }
        _ => {
            a.admin1.is_some() && a.admin1 == b.admin1 && a.geo_precision.max(b.geo_precision) >= 3
        }
    }
}

/// Political violence with a perpetrator: battles, violence against civilians, explosions, mob violence.
fn violent(m: &LinkKey) -> bool {
    // (and a crowd's killing: communal violence is told as clashes by one outlet and as a mob's
    // violence by another)
    !m.background
        && (matches!(
            m.event_type,
            EventType::Battles
                | EventType::ViolenceAgainstCivilians
                | EventType::ExplosionsRemoteViolence
        ) || m.sub_event_type == SubEventType::MobViolence)
}

fn demonstration(m: &LinkKey) -> bool {
    m.event_type == EventType::Protests || m.sub_event_type == SubEventType::ViolentDemonstration
}

/// A demonstration and a killing on the same spot and day, with the same dead (two at least):
/// deaths in unrest that one outlet tells as protesters shot or a riot, another as people
/// killed — one event, not a demonstration beside an attack.
fn deaths_in_unrest_told_two_ways(a: &LinkKey, b: &LinkKey) -> bool {
    let one_each = (demonstration(a) && violent(b)) || (demonstration(b) && violent(a));
    let to_the_day = matches!((a.date, b.date), (Some(x), Some(y))
        if x.precision == TimePrecision::Day && y.precision == TimePrecision::Day && x.date == y.date);
    let spot = on_one_spot(a, b);
    one_each && to_the_day && spot && same_dead(a, b, 2)
}

fn types_compatible(a: &LinkKey, b: &LinkKey) -> bool {
    if a.event_type == b.event_type {
        return true;
    }
    // A recollection in passing rarely says what exactly happened.
    if a.background || b.background {
        let violent = |m: &LinkKey| {
            m.event_type != EventType::Protests
                && m.sub_event_type != SubEventType::ChangeToGroupActivity
        };
        return violent(a) && violent(b);
    }
    // One demonstration, told as protesters shot by the police by one outlet and as a riot by
    // another: both are the day's demonstration (mob violence, a lynching, is something else).
    if demonstration(a) && demonstration(b) {
        return true;
    }
    // (and the crowd's own violence that day, told as a mob's: "rioters killed a gendarme"
    // beside "protesters shot by the police" in the same town)
    let crowd_unrest = |m: &LinkKey| {
        demonstration(m)
            || (m.sub_event_type == SubEventType::MobViolence
                && m.actor1.as_deref().is_some_and(is_crowd))
    };
    if crowd_unrest(a) && crowd_unrest(b) {
        return true;
    }
    if arrests_at_a_demonstration(a, b) {
        return true;
    }
    // One report only saw the burning, another the kidnapping: same raid on the same sites.
    let property = |m: &LinkKey| m.sub_event_type == SubEventType::LootingPropertyDestruction;
    let shared_target = a.target_kinds.iter().any(|t| b.target_kinds.contains(t));
    (property(a) || property(b)) && shared_target
}

/// A demonstration and arrests on the same spot and day: the crowd's protest and the
/// arrests the forces made in it ("50 protesters arrested" beside "the march was dispersed"),
/// one event.
fn arrests_at_a_demonstration(a: &LinkKey, b: &LinkKey) -> bool {
    let arrests = |m: &LinkKey| m.sub_event_type == SubEventType::Arrests;
    let one_each = (demonstration(a) && arrests(b)) || (demonstration(b) && arrests(a));
    let same_day = matches!((a.date, b.date), (Some(x), Some(y)) if x.date == y.date);
    let spot = on_one_spot(a, b);
    one_each && same_day && spot
}

/// Two reports name different perpetrators. Not when one report has the sides the other way
/// round (a militia post attacked by jihadists, told as a clash led by the militia).
fn actors_conflict(a: &LinkKey, b: &LinkKey) -> bool {
    // A clash between two communities the report names and fighting with the state's forces
    // are two events, whoever each blames ("fighting between Fulani and Bambara" at one
    // village, "soldiers clashed with militants" at another). (Unnamed communities may be the
    // unrest the forces came to end: "des affrontements entre communautés", "gendarmes sent".)
    let communal_clash = |k: &LinkKey| {
        let (Some(x), Some(y)) = (k.actor1.as_deref(), k.actor2.as_deref()) else {
            return false;
        };
        is_communal(x)
            && is_communal(y)
            && (x.contains(" Ethnic Militia") || y.contains(" Ethnic Militia"))
    };
    let with_the_state = |k: &LinkKey| {
        [&k.actor1, &k.actor2]
            .iter()
            .any(|x| x.as_deref().and_then(state_forces_of).is_some())
    };
    if (communal_clash(a) && with_the_state(b)) || (communal_clash(b) && with_the_state(a)) {
        return true;
    }
    match (&a.actor1, &b.actor1) {
        (Some(x), Some(y)) => {
            let named = |s: &str| !s.starts_with("Unidentified");
            let swapped =
                a.actor2.as_deref() == Some(y.as_str()) || b.actor2.as_deref() == Some(x.as_str());
            // (one crowd, called protesters by one outlet and rioters by another)
            let one_crowd = is_crowd(x) && is_crowd(y);
            // (one country's forces, told as soldiers by one outlet and as gendarmes or police
            // by another: "arrêté par des militaires", "interpellé par la police")
            let one_state =
                state_forces_of(x).is_some() && state_forces_of(x) == state_forces_of(y);
            // (the crowd and the forces that arrested some of it are the two sides of one
            // event)
            let crowd_and_its_arrests = arrests_at_a_demonstration(a, b);
            // (one outlet's "Boko Haram" is another's ISWAP — for reports that give the day:
            // pages of no date may tell two of a town's raids years apart)
            let confused = a.date.is_some() && b.date.is_some() && names_outlets_confuse(x, y);
            named(x)
                && named(y)
                && x != y
                && !swapped
                && !one_crowd
                && !one_state
                && !crowd_and_its_arrests
                && !confused
        }
        _ => false,
    }
}

/// Two armed groups the press names for one another (`data/actor_confusions.tsv`).
fn names_outlets_confuse(x: &str, y: &str) -> bool {
    static GROUPS: std::sync::LazyLock<Vec<Vec<&'static str>>> = std::sync::LazyLock::new(|| {
        crate::lexicon::rows(include_str!("../../data/actor_confusions.tsv")).collect()
    });
    GROUPS
        .iter()
        .any(|names| names.contains(&x) && names.contains(&y))
}

/// The country whose state forces (military or police, not its government) an ACLED name is
/// ("Police Forces of Benin (2016-)" → "Benin"), if it is one.
fn state_forces_of(actor: &str) -> Option<&str> {
    crate::regimes::state_actor(actor)
        .filter(|(kind, _)| !kind.starts_with("Government"))
        .map(|(_, country)| country)
}

/// ACLED's name for a community's militia ("Fulani Ethnic Militia (Mali)", "Dozo Communal
/// Militia (Mali)", "Unidentified Communal Militia (Chad)").
fn is_communal(actor: &str) -> bool {
    actor.contains(" Ethnic Militia") || actor.contains("Communal Militia")
}

/// ACLED's name for a crowd ("Protesters (Mali)", "Rioters (Togo)"), not an organised group.
fn is_crowd(actor: &str) -> bool {
    actor.starts_with("Protesters") || actor.starts_with("Rioters")
}

/// Targets that single out an incident (a camp, a convoy, a mine), unlike villages or civilians.
fn specific(t: TargetKind) -> bool {
    !matches!(
        t,
        TargetKind::Village | TargetKind::Civilians | TargetKind::Vehicle | TargetKind::Officials
    )
}

fn ranges_meet(a: Quantity, b: Quantity) -> bool {
    let (alo, ahi) = (
        a.low as f64 * 0.9,
        a.high.map_or(f64::INFINITY, |h| h as f64 * 1.1),
    );
    let (blo, bhi) = (
        b.low as f64 * 0.9,
        b.high.map_or(f64::INFINITY, |h| h as f64 * 1.1),
    );
    alo <= bhi && blo <= ahi
}

/// Both reports count the same dead, at least five, within a tenth ("37 morts", "38 killed"),
/// neither a vague figure ("des dizaines").
fn same_heavy_toll(a: &LinkKey, b: &LinkKey) -> bool {
    same_dead(a, b, 5)
}

/// Both reports count the same dead, at least `least`, within a tenth, neither vaguely.
fn same_dead(a: &LinkKey, b: &LinkKey, least: u32) -> bool {
    match (
        a.figure(CountField::Fatalities),
        b.figure(CountField::Fatalities),
    ) {
        (Some(x), Some(y)) => {
            let precise = |q: Quantity| q.qualifier != Qualifier::Vague && q.best >= least;
            precise(x) && precise(y) && x.best.abs_diff(y.best) * 10 <= x.best.max(y.best)
        }
        _ => false,
    }
}

/// Both reports date the event to the same day, or to two days in a row with one of them
/// placing it only by its region (or within the other's place), and place it in the same
/// first-level unit (region) of one country.
fn same_or_next_day_and_region(a: &LinkKey, b: &LinkKey) -> bool {
    let day = |k: &LinkKey| {
        k.date
            .filter(|d| d.precision == TimePrecision::Day)
            .map(|d| d.date)
    };
    let region = |k: &LinkKey| {
        k.place.as_ref().and_then(|p| {
            p.admin1
                .as_ref()
                .map(|r| (p.country_code.clone(), r.clone()))
        })
    };
    // (on two days, one of the two told only by its region, or one place within the other:
    // two villages of a region raided on two days with the same toll are two raids)
    let one_coarse = matches!((&a.place, &b.place), (Some(x), Some(y))
        if x.geo_precision > 2 || y.geo_precision > 2 || places_fit(x, y));
    let days_apart = match (day(a), day(b)) {
        (Some(x), Some(y)) => Some((x - y).num_days().abs()),
        _ => None,
    };
    (days_apart == Some(0) || (days_apart == Some(1) && one_coarse))
        && region(a).is_some()
        && region(a) == region(b)
}

/// `VIGIE_DEBUG_LINK=1` prints to stderr why a report did not join an incident's member.
static DEBUG_LINK: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("VIGIE_DEBUG_LINK").is_some());

fn reject(m: &LinkKey, other: &LinkKey, why: &str) {
    if *DEBUG_LINK {
        eprintln!(
            "link: {} ({:?} {:?}) x {} ({:?} {:?}): {why}",
            m.article,
            m.date.map(|d| d.date),
            m.place.as_ref().map(|p| &p.location),
            other.article,
            other.date.map(|d| d.date),
            other.place.as_ref().map(|p| &p.location),
        );
    }
}

/// An undated report published within `TOLL_RISE_DAYS` of a dated one's day, with a higher
/// death toll (tolls grow as bodies are found and the wounded die; they rarely fall).
fn rises_within_days(m: &LinkKey, other: &LinkKey) -> bool {
    let (Some(p), Some(d)) = (m.published, other.date) else {
        return false;
    };
    let days = (p - d.date).num_days();
    let toll = |k: &LinkKey| k.figure(CountField::Fatalities).map(|q| q.best);
    m.date.is_none()
        && (0..=TOLL_RISE_DAYS).contains(&days)
        && matches!((toll(m), toll(other)), (Some(later), Some(first)) if later > first && first > 1)
}

/// How long after an attack a higher toll still reads as its update.
const TOLL_RISE_DAYS: i64 = 3;

/// Do two reports agree on the day and month, when one or both know them without a year
/// (None when there is nothing to compare)?
fn day_month_agreement(a: &LinkKey, b: &LinkKey) -> Option<bool> {
    let near = |(m1, d1): (u32, u32), (m2, d2): (u32, u32)| {
        // Compared in a leap year, so 29 February exists; 31 December and 1 January are
        // neighbours too.
        let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d);
        match (day(m1, d1), day(m2, d2)) {
            (Some(x), Some(y)) => {
                let gap = (x - y).num_days().abs();
                gap <= 1 || gap >= 365
            }
            _ => false,
        }
    };
    let exact_day = |k: &LinkKey| {
        k.date
            .filter(|d| d.precision == TimePrecision::Day)
            .map(|d| {
                (
                    chrono::Datelike::month(&d.date),
                    chrono::Datelike::day(&d.date),
                )
            })
    };
    // "Vendredi" on a page with no date: a report dated elsewhere must fall on that weekday
    // (or the next day, for a night attack told by its evening).
    let weekday_fits = |w: chrono::Weekday, k: &LinkKey| {
        exact_day(k).and(k.date).map(|d| {
            let actual = chrono::Datelike::weekday(&d.date);
            actual == w || actual == w.succ() || actual == w.pred()
        })
    };
    match (day_month_of(&a.keys), day_month_of(&b.keys)) {
        (Some(x), Some(y)) => Some(near(x, y)),
        (Some(x), None) => exact_day(b).map(|y| near(x, y)),
        (None, Some(y)) => exact_day(a).map(|x| near(x, y)),
        (None, None) => match (weekday_of(&a.keys), weekday_of(&b.keys)) {
            (Some(w), None) => weekday_fits(w, b).filter(|fits| !fits),
            (None, Some(w)) => weekday_fits(w, a).filter(|fits| !fits),
            _ => None,
        },
    }
}

/// Evidence that mention `m` reports the incident of `cluster`, or None when it cannot.
fn score(cluster: &Cluster, m: &LinkKey, pass: Pass) -> Option<i32> {
    if cluster.articles.contains(&m.article) {
        return None;
    }
    let mut total = 0i32;
    let mut best_member = i32::MIN;
    // A member told on another day and month vetoes the join, whatever the others share.
    let mut day_differs = false;
    // ...unless the day and month are those of the incident's own date: one outlet that
    // misdates an attack ("mercredi 4 juillet" for a Monday raid) keeps nobody else out.
    let fits_incident_date = day_month_of(&m.keys).is_some_and(|(month, day)| {
        coded_date(cluster).is_some_and(|d| {
            d.precision == TimePrecision::Day
                && chrono::Datelike::month(&d.date) == month
                && chrono::Datelike::day(&d.date) == day
        })
    });
    // An undated report from a page dated only to its month, and a member dated outside it:
    // the incident happened on a day the page cannot be about.
    let mut outside_page_month = false;
    // An undated report and a member of the week before its publication: of all the incidents
    // it may be about, one of the last days is the likeliest (an older one is recalled with
    // its date).
    let mut recent = false;
    // The first reports of a big incident say enough about it; comparing with all of them would
    // make linking quadratic in the size of incidents that dozens of outlets cover.
    for other in cluster.main_members().take(MAX_COMPARED_MEMBERS) {
        // Outlets see one raid differently: the camp attacked (Battles), the people killed
        // (Violence against civilians), the explosion heard. Across violent types a report
        // joins only on the same spot and day, with no figure that differs (below).
        let cross_type = !types_compatible(m, other);
        // The same words for the event: one outlet's rewrite of another's report, or two
        // reports of one statement. Stock phrases are too short to count.
        let same_wording = copies::share_passage(&m.passage_marks, &other.passage_marks);
        // The same heavy toll on the same day in the same region: outlets that place one
        // massacre in the village, the commune's main town or the province, or call it a clash
        // or an attack, still count the same dead. Two attacks in one region on one day rarely
        // kill the same number of people.
        // (or on the next day: a night massacre told on either of its days)
        let toll_vouches = same_heavy_toll(m, other) && same_or_next_day_and_region(m, other);
        // Two named groups blamed: two events, unless the toll or the words say it is one that
        // outlets attribute differently (one names the group that claimed it, one another).
        let blamed_differently = actors_conflict(m, other) && !(toll_vouches || same_wording);
        let unrest = cross_type && deaths_in_unrest_told_two_ways(m, other);
        if (cross_type && !(violent(m) && violent(other)) && !unrest) || blamed_differently {
            reject(m, other, "type/actors conflict");
            continue;
        }
        let mut s = 0i32;
        // Dates. Reports of one night attack often disagree by a day ("dans la nuit de samedi
        // à dimanche", "on Sunday"), so the day next to it is allowed when the rest agrees
        // closely (checked below).
        let mut next_day = false;
        // An undated report tells of something recent: reaching further back than a week
        // takes more than a named group or a camp in common.
        let mut far_back = false;
        let mut recent_member = false;
        let mut loose_place = false;
        match (m.date, other.date) {
            (Some(a), Some(b)) => {
                if same_day(a, b) {
                    s += 3;
                } else if a.precision == TimePrecision::Day
                    && b.precision == TimePrecision::Day
                    && (a.date - b.date).num_days().abs() == 1
                {
                    next_day = true;
                } else {
                    reject(m, other, "dates differ");
                    // Two days told to the day, more than a day apart, are two events: a member
                    // dated only to the month (a page's "dimanche" in "date 2020-02") that fits
                    // both must not chain them into one incident — unless they count the same
                    // heavy toll (one outlet misdated the raid).
                    if a.precision == TimePrecision::Day
                        && b.precision == TimePrecision::Day
                        && !same_heavy_toll(m, other)
                    {
                        day_differs = true;
                    }
                    continue;
                }
            }
            (None, Some(b)) => {
                // An undated report can only be of something that happened before it was published.
                if let Some(p) = m.published {
                    let days = (p - b.date).num_days();
                    if !(-1..=UNDATED_LOOKBACK_DAYS).contains(&days) {
                        reject(m, other, "undated: outside lookback");
                        continue;
                    }
                    s += 1;
                    far_back = days > RECENT_DAYS;
                    recent_member = !far_back;
                } else if !fits_page_month(m, b.date) {
                    // (the incident happened on another member's day: none of it fits the page)
                    reject(m, other, "undated: outside its page's month");
                    outside_page_month = true;
                    continue;
                }
            }
            (None, None) => {
                // (two undated reports each tell of something recent to its own publication:
                // published half a week apart, they tell of the same thing only if something
                // specific says so)
                far_back = matches!((m.published, other.published),
                    (Some(x), Some(y)) if (x - y).num_days().abs() > UNDATED_PAIR_RECENT_DAYS);
                let page_month =
                    page_month_of(&m.keys).is_some() || page_month_of(&other.keys).is_some();
                if page_month {
                    if let (Some(a), Some(b)) = (undated_window(m), undated_window(other)) {
                        if a.1 < b.0 || b.1 < a.0 {
                            reject(m, other, "undated: page months too far apart");
                            continue;
                        }
                    }
                }
            }
            (Some(a), None) => {
                if other.published.is_none() && !fits_page_month(other, a.date) {
                    reject(m, other, "undated: outside its page's month");
                    continue;
                }
            }
        }
        let mut toll_place = false;
        // Places.
        match (&m.place, &other.place) {
            (Some(a), Some(b)) if is_placed(m) && is_placed(other) => {
                if next_day && !same_spot(a, b) && !toll_vouches {
                    reject(m, other, "next day, not same spot");
                    continue;
                }
                if !places_compatible(a, b) {
                    // "In Douentza district" and "near Boni", a town of that district: the
                    // same incident only if the rest agrees closely (checked below).
                    if same_district_loosely(a, b) && !next_day && !cross_type {
                        loose_place = true;
                    } else if toll_vouches {
                        toll_place = true;
                    } else {
                        reject(m, other, "places incompatible");
                        continue;
                    }
                }
                s += if toll_place {
                    0
                } else if a.place_id.is_some() && a.place_id == b.place_id {
                    3
                } else {
                    2
                };
            }
            _ => {}
        }
        if m.sub_event_type == other.sub_event_type {
            s += 1;
        }
        if let (Some(x), Some(y)) = (&m.actor1, &other.actor1) {
            // (communities' militias of one communal clash, named by one outlet only)
            if x == y || is_communal(x) && is_communal(y) {
                s += 1;
            }
        }
        let (mut figures_meet, mut figures_differ) = (false, false);
        // A figure above one singles an incident out; one dead agrees with too many.
        let mut telling_figure_meets = false;
        // Two tolls that say the same number (within a tenth), not just ranges that touch.
        let mut same_toll = false;
        for field in [
            CountField::Abducted,
            CountField::Attackers,
            CountField::Fatalities,
        ] {
            if let (Some(a), Some(b)) = (m.figure(field), other.figure(field)) {
                if ranges_meet(a, b) {
                    s += 2;
                    figures_meet = true;
                    // "Dozens" meets any toll above ten: it singles nothing out.
                    let vague = |q: Quantity| q.qualifier == Qualifier::Vague;
                    // ("at least three dead" meets a toll of 60, but does not single it out; a
                    // first toll of two that rose to eight still does)
                    let telling = a.best > 1
                        && b.best > 1
                        && !vague(a)
                        && !vague(b)
                        && a.best.max(b.best) <= 6 * a.best.min(b.best);
                    telling_figure_meets |= telling;
                    same_toll |= telling && a.best.abs_diff(b.best) * 10 <= a.best.max(b.best);
                } else {
                    figures_differ = true;
                    if field == CountField::Abducted {
                        s -= 2;
                    }
                }
            }
        }
        // The day and month an undated page gives ("lundi 30 septembre") against the other
        // report's: the same day (or the next, for a night attack) singles the event out,
        // another day is another event.
        let day_agrees = match day_month_agreement(m, other) {
            Some(true) => true,
            Some(false) if fits_incident_date => false,
            Some(false) => {
                reject(m, other, "day and month differ");
                day_differs = true;
                continue;
            }
            None => false,
        };
        let shared_keys = m
            .keys
            .iter()
            .filter(|k| !never_links(k) && other.keys.contains(k))
            .count() as i32
            + i32::from(day_agrees)
            + i32::from(same_wording);
        s += 2 * shared_keys;
        // A stretch — the next day, another violent type, a district for a town — is allowed
        // only when something specific agrees and no figure differs (a town attacked again the
        // next day, or a battle and other killings there, come with other figures).
        if next_day || cross_type || loose_place || toll_place {
            let same_named_actor = matches!((&m.actor1, &other.actor1),
                (Some(x), Some(y)) if x == y && !x.starts_with("Unidentified"));
            let spot = on_one_spot(m, other);
            // (an undated page's day and month, "dimanche 9 juin", on the same spot)
            let corroborated = figures_meet
                || same_named_actor
                || same_wording
                || (next_day && shared_keys > 0)
                || (day_agrees && spot);
            let same_day = matches!((m.date, other.date), (Some(x), Some(y)) if x.date == y.date);
            let both_to_the_day = matches!((m.date, other.date), (Some(x), Some(y))
                if x.precision == TimePrecision::Day && y.precision == TimePrecision::Day);
            let same_spot_and_day = same_day && spot && both_to_the_day;
            // One of the two known only to the week or the month the other's day falls in.
            let coarse_date = m.date.is_some() && other.date.is_some() && !both_to_the_day;
            // An undated report of the same spot with a telling figure that meets ("the
            // explosion killed at least 8 passengers" near Douentza; "8 killed when their bus
            // hit a mine" there) or the same words is of that event, whatever kind of violence
            // each outlet calls it (a page of no date at all still needs two agreements, below).
            let undated_same_spot_and_figure = (m.date.is_none() || other.date.is_none())
                && (telling_figure_meets || same_wording)
                && spot;
            // One report placed only by its region (or country), the other at a place in it,
            // on the same day with a figure that singles the event out: one outlet's summary
            // of the raid the other tells from the spot, each calling it its own way.
            let region_report_same_day =
                same_day && (coarse(m) || coarse(other)) && telling_figure_meets;
            // An undated page that gives the day and month of the event ("dimanche 9 juin"),
            // on the spot of an incident of that day: that incident, whatever it calls it.
            let undated_same_spot_and_day =
                (m.date.is_none() || other.date.is_none()) && spot && day_agrees;
            // Another violent type on the same spot and day, nothing else stretched: how outlets
            // tell one raid (villagers shot, a clash with the guards, the post overrun) more often
            // than two raids. Figures that differ still set them apart.
            // (a kidnapping is an act of its own: the same day in the same town, a checkpoint
            // attacked and a man abducted are two events)
            let abduction =
                |k: &LinkKey| k.sub_event_type == SubEventType::AbductionForcedDisappearance;
            let only_the_type = cross_type
                && !abduction(m)
                && !abduction(other)
                && same_spot_and_day
                && !next_day
                && !loose_place
                && !toll_place;
            // The same kind of event on the same spot, told on two days by reports that each
            // know the day: a night raid or a late report, more often than a second raid — which
            // comes with figures of its own (they differ) or is told as "again".
            let next_day_same_spot = next_day
                && spot
                && both_to_the_day
                && !cross_type
                && !loose_place
                && !toll_place
                && m.sub_event_type == other.sub_event_type
                && ![m, other]
                    .iter()
                    .any(|k| k.keys.iter().any(|x| x == REPEAT_KEY));
            let allowed = !figures_differ
                && (corroborated || only_the_type || next_day_same_spot)
                && (cross_type || m.sub_event_type == other.sub_event_type || toll_vouches)
                && (!cross_type
                    || same_spot_and_day
                    // (a night raid told on either of its days: another type the next day
                    // joins on the same spot only with something specific in common)
                    || (next_day && corroborated && spot)
                    // (a page that knows only the month of the raid it tells, with its figure
                    // or its group: that raid, however it calls it)
                    || (coarse_date && corroborated && spot)
                    || toll_vouches
                    || undated_same_spot_and_figure
                    || region_report_same_day
                    || undated_same_spot_and_day)
                && (!loose_place || same_day);
            if !allowed {
                reject(m, other, "stretch not corroborated");
                continue;
            }
            s -= if loose_place { 3 } else { 2 };
        }
        let shared_target = m
            .target_kinds
            .iter()
            .any(|t| other.target_kinds.contains(t));
        if shared_target {
            s += 1;
        }
        // An undated report joins only on something specific: in a conflict zone the same town
        // sees the same kind of attack every few weeks, so place and type alone say nothing.
        if m.date.is_none() || other.date.is_none() {
            let same_named_actor = matches!((&m.actor1, &other.actor1),
                (Some(x), Some(y)) if x == y && !x.starts_with("Unidentified"));
            let specific_target = m
                .target_kinds
                .iter()
                .any(|t| other.target_kinds.contains(t) && specific(*t));
            // Tolls that differ set it apart, unless the same named group or a shared key says
            // it is the same event told with another (often disputed) toll — or the toll rose:
            // a report of the same kind of attack on the same spot published within days, with
            // more dead ("six killed at a wedding in Gwoza", then "18 killed in Gwoza").
            let rising_toll = rises_within_days(m, other)
                && m.sub_event_type == other.sub_event_type
                && on_one_spot(m, other);
            let vouched = same_named_actor || shared_keys > 0 || rising_toll;
            // A village is not a town: the same kind of attack there in the week before the
            // page came out is the one it tells (a town sees one every few weeks).
            let same_village = m.sub_event_type == other.sub_event_type
                && !far_back
                && !timeless(m)
                && !timeless(other)
                && matches!((&m.place, &other.place),
                    (Some(a), Some(b)) if same_spot(a, b) && is_village(a) && is_village(b));
            if (figures_differ && !vouched)
                || !(telling_figure_meets || vouched || specific_target || same_village)
                || (far_back && !(telling_figure_meets || shared_keys > 0))
            {
                reject(m, other, "undated: nothing specific");
                continue;
            }
            // A report with neither an event date nor a publication date may be of any year:
            // one agreement can be chance (the same group, the same camp, tolls that merely
            // overlap, in the same town years apart), so it needs the same toll or two of
            // these, "coordinated" saying nothing about which attack.
            if timeless(m) || timeless(other) {
                // (the day and month counted once, as `day_agrees`)
                let specific_keys = m
                    .keys
                    .iter()
                    .any(|k| k != "coordinated" && !never_links(k) && other.keys.contains(k));
                let spot = on_one_spot(m, other);
                // (the same day and month, "mardi 24 décembre", is one of them: the year is
                // what such a page leaves open)
                // (a crowd, "Protesters (Togo)", is no group of its own: the capital sees
                // protesters every year)
                let same_group = same_named_actor && !m.actor1.as_deref().is_some_and(is_crowd);
                let agreements = [
                    same_wording,
                    telling_figure_meets,
                    same_group,
                    specific_target,
                    specific_keys,
                    spot,
                    day_agrees,
                ];
                // (a day and month and a toll that merely overlaps say July 1st of any year and
                // any massacre of that size: one of them must come with something of the
                // incident itself — its spot, group, target, words or keys)
                let of_the_incident = [
                    same_wording,
                    same_group,
                    specific_target,
                    specific_keys,
                    spot,
                ]
                .iter()
                .any(|x| *x);
                if !same_toll && (agreements.iter().filter(|x| **x).count() < 2 || !of_the_incident)
                {
                    reject(m, other, "timeless: one agreement only");
                    continue;
                }
            }
        }
        best_member = best_member.max(s);
        total += s;
        recent |= recent_member;
    }
    if best_member == i32::MIN || day_differs || outside_page_month {
        return None;
    }
    let threshold = match pass {
        Pass::Dated => 0,
        Pass::Undated => 4,
        Pass::Dependent => 5,
    };
    // (recent first, then the agreement: the rank only orders the candidates that passed)
    (best_member >= threshold)
        .then_some(i32::from(recent) * RECENT_FIRST + best_member * 4 + total.min(40))
}

/// Turn clusters into groups: pick the coded type, date and place, give ids.
fn finish(clusters: Vec<Cluster>) -> Vec<Group> {
    let op_ids = operation_ids(&clusters);
    let mut groups: Vec<Group> = clusters
        .iter()
        .filter(|c| !c.members.is_empty())
        .map(|c| group_of(c, &op_ids))
        .collect();
    number_ids(&mut groups);
    groups
}

/// Operations: incidents sharing any article-level operation key form one operation, named
/// by the smallest key reached first.
fn operation_ids(clusters: &[Cluster]) -> BTreeMap<String, String> {
    let mut op_ids: BTreeMap<String, String> = BTreeMap::new();
    for c in clusters {
        if let Some(min) = c.operations.iter().next() {
            let root = c
                .operations
                .iter()
                .filter_map(|o| op_ids.get(o))
                .min()
                .cloned()
                .unwrap_or_else(|| min.clone());
            for o in &c.operations {
                op_ids.insert(o.clone(), root.clone());
            }
        }
    }
    op_ids
}

/// Order groups as [`group`] returns them: most recent first, then by base id and members.
pub fn sort_groups(groups: &mut [Group]) {
    groups.sort_by(|a, b| {
        b.date
            .map(|d| d.date)
            .cmp(&a.date.map(|d| d.date))
            .then(a.base_id.cmp(&b.base_id))
            .then(a.members.cmp(&b.members))
    });
}

/// Order groups as [`group`] returns them and give each its final id: ids are unique by
/// construction (type, place, day) unless one article reports two events of one type at one
/// place on one day; the later ones (by members) are numbered. Only groups of one `base_id`
/// affect each other's ids, so a caller may number one base id's groups alone.
pub fn number_ids(groups: &mut [Group]) {
    sort_groups(groups);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for g in groups.iter_mut() {
        let n = seen.entry(g.base_id.clone()).or_insert(0);
        g.id = if *n > 0 {
            format!("{}-{}", g.base_id, n)
        } else {
            g.base_id.clone()
        };
        *n += 1;
    }
}

/// An incident that no report dates, told as news (not recalled in passing): it happened
/// shortly before its first report came out. ACLED codes such reports to the reported period:
/// the day before the earliest publication, with the week as precision.
fn publication_date(c: &Cluster) -> Option<EventDate> {
    let first = c.main_members().filter_map(|m| m.published).min()?;
    Some(EventDate {
        date: first.pred_opt()?,
        precision: TimePrecision::Week,
    })
}

/// The date an incident is coded with from its reports: of the most precise, the one most
/// pages give (each page once), then the earliest — a page put online the day after it was
/// written, whose "hier" falls a day late, is outvoted by the others.
/// When that is only a week or a month, a day and month that reports without a year give
/// ("samedi 1er mai" on a page with no date) and that fall in it make it a day.
fn coded_date(c: &Cluster) -> Option<EventDate> {
    use chrono::Datelike;
    let Some(precision) = c
        .members
        .iter()
        .filter_map(|m| m.date)
        .map(|d| d.precision)
        .min()
    else {
        return day_in_page_month(c);
    };
    let told: BTreeSet<(&str, NaiveDate)> = c
        .members
        .iter()
        .filter_map(|m| Some((m.article.as_str(), m.date?)))
        .filter(|(_, d)| d.precision == precision)
        .map(|(article, d)| (article, d.date))
        .collect();
    let date = most_common(told.iter().map(|&(_, d)| d))?;
    let best = EventDate { date, precision };
    if best.precision == TimePrecision::Day {
        return Some(best);
    }
    // (a week: within six days of its date)
    let in_period = |d: NaiveDate| match best.precision {
        TimePrecision::Month => d.month() == best.date.month() && d.year() == best.date.year(),
        _ => (d - best.date).num_days().abs() <= 6,
    };
    let day = reported_day(c, |month, day| {
        // (the year of the period; a week astride the new year tries both)
        [0, -1, 1].into_iter().find_map(|dy| {
            NaiveDate::from_ymd_opt(best.date.year() + dy, month, day).filter(|d| in_period(*d))
        })
    });
    // "dimanche" on a page dated only "2021-02", and another report of the event published on
    // Monday 22 February: the Sunday before that publication, when it falls in the period.
    let day = day.or_else(|| {
        let weekday = most_common(
            c.members
                .iter()
                .filter_map(|m| month_weekday_of(&m.keys))
                .map(|w| w.num_days_from_monday()),
        )?;
        most_common(c.members.iter().filter_map(|m| {
            let published = m.published?;
            (0..7)
                .filter_map(|back| published.checked_sub_days(chrono::Days::new(back)))
                .find(|d| d.weekday().num_days_from_monday() == weekday)
                .filter(|d| in_period(*d))
        }))
    });
    Some(match day {
        Some(date) => EventDate {
            date,
            precision: TimePrecision::Day,
        },
        None => best,
    })
}

/// An incident no report dates, one of whose pages is dated only to its month ("date 2020-07")
/// while another report gives the day and month without the year ("le 1er juillet"): that day,
/// in the weeks the page's month bounds.
fn day_in_page_month(c: &Cluster) -> Option<EventDate> {
    use chrono::Datelike;
    let windows: Vec<(NaiveDate, NaiveDate)> = c
        .members
        .iter()
        .filter_map(|m| page_month_window(m))
        .collect();
    let date = reported_day(c, |month, day| {
        windows.iter().find_map(|&(from, to)| {
            // (the window may start in the year before its month's)
            [to.year(), to.year() - 1].into_iter().find_map(|year| {
                NaiveDate::from_ymd_opt(year, month, day).filter(|d| from <= *d && *d <= to)
            })
        })
    })?;
    Some(EventDate {
        date,
        precision: TimePrecision::Day,
    })
}

/// The day most reports give with its month but no year ("samedi 1er mai"), each placed in a
/// year by `in_year` (None when it fits no period the incident allows).
fn reported_day(c: &Cluster, in_year: impl Fn(u32, u32) -> Option<NaiveDate>) -> Option<NaiveDate> {
    most_common(
        c.members
            .iter()
            .filter_map(|m| day_month_of(&m.keys))
            .filter_map(|(month, day)| in_year(month, day)),
    )
}

fn group_of(c: &Cluster, op_ids: &BTreeMap<String, String>) -> Group {
    // Type: the most reported sub-event type among the main reports, ties by ACLED order.
    let sub =
        most_common(c.main_members().map(|m| m.sub_event_type)).unwrap_or(SubEventType::Other);
    let date = coded_date(c).or_else(|| publication_date(c));
    // A report that says nothing of when (no date, no publication) joined on other evidence:
    // it never moves the place of an incident that timed reports locate.
    let placed = |m: &&&LinkKey| is_placed(m);
    let timed_placed = c.members.iter().filter(placed).any(|m| !timeless(m));
    let candidates: Vec<&ResolvedPlace> = c
        .members
        .iter()
        .filter(placed)
        .filter(|m| !timed_placed || !timeless(m))
        .filter_map(|m| m.place.as_ref())
        .collect();
    // The most precise place; among equally precise ones, the one most reports give (three
    // outlets name the village, one a village nearby; a report with no date votes too, though it
    // never brings a place of its own), then by name for a fixed choice.
    // (counted once: an incident told by hundreds of reports must not cost their square)
    let mut reports_naming: HashMap<&str, usize> = HashMap::new();
    for q in c
        .members
        .iter()
        .filter(placed)
        .filter_map(|m| m.place.as_ref())
    {
        *reports_naming.entry(q.location.as_str()).or_default() += 1;
    }
    let named_by = |p: &ResolvedPlace| {
        reports_naming
            .get(p.location.as_str())
            .copied()
            .unwrap_or(0)
    };
    let place = candidates
        .iter()
        .copied()
        .min_by(|a, b| {
            a.geo_precision
                .cmp(&b.geo_precision)
                .then(named_by(b).cmp(&named_by(a)))
                .then(a.location.cmp(&b.location))
        })
        .or_else(|| {
            // Known only at country level: the first member's, in a fixed order.
            c.members
                .iter()
                .filter(|m| m.place.is_some())
                .min_by(|a, b| sort_key(a).cmp(&sort_key(b)))
                .and_then(|m| m.place.as_ref())
        })
        .cloned();
    let mut members: Vec<String> = c.members.iter().map(|m| m.id.clone()).collect();
    members.sort();
    members.dedup();
    let mut main_members: Vec<String> = c.main_members().map(|m| m.id.clone()).collect();
    main_members.sort();
    main_members.dedup();
    let country = place
        .as_ref()
        .map(|p| p.country_code.clone())
        .unwrap_or_else(|| "XX".to_string());
    // The place by name and rounded coordinates, not by gazetteer row: ids survive a rebuilt
    // gazetteer.
    let key_place = place
        .as_ref()
        .map(|p| match (p.latitude, p.longitude) {
            (Some(la), Some(lo)) => format!("{}@{la:.2},{lo:.2}", p.location),
            _ => format!("{}@{}", p.location, p.admin1.as_deref().unwrap_or("")),
        })
        .unwrap_or_default();
    let key_date = date.map_or_else(
        || format!("undated:{}", members.first().cloned().unwrap_or_default()),
        |d| d.date.to_string(),
    );
    let id = format!(
        "{}-{}",
        country,
        short_hash(&[&country, sub.event_type().label(), &key_place, &key_date])
    );
    let operation = c
        .operations
        .iter()
        .next()
        .and_then(|o| op_ids.get(o))
        .cloned();
    Group {
        base_id: id.clone(),
        id,
        founder: c.members.first().map(|m| m.id.clone()).unwrap_or_default(),
        sub_event_type: sub,
        date,
        place,
        members,
        articles: c.articles.iter().cloned().collect(),
        main_members,
        operation,
    }
}

/// Build the incident of `group` from its member mentions (any order; ids not in the group are
/// ignored). `source_of` maps an article to its source for reconciliation: wire copies of one
/// story share a source and count once.
pub fn build(group: &Group, mentions: &[&Mention], source_of: &dyn Fn(&str) -> String) -> Incident {
    let mut members: Vec<&Mention> = mentions
        .iter()
        .copied()
        .filter(|m| group.members.binary_search(&m.id).is_ok())
        .collect();
    members.sort_by(|a, b| (&a.article, a.ordinal, &a.id).cmp(&(&b.article, b.ordinal, &b.id)));
    members.dedup_by(|a, b| a.id == b.id);
    let main: Vec<&Mention> = members
        .iter()
        .copied()
        .filter(|m| group.main_members.binary_search(&m.id).is_ok())
        .collect();
    let sub = group.sub_event_type;
    // A group named by any report beats "unidentified" (a claim, a report that knows more);
    // state forces made the agent by one report do not outvote the others' unknown attackers.
    // (A crowd is the actor of a riot or a protest only: a report that took a battle for mob
    // violence does not make rioters its perpetrator.)
    let crowd_event = matches!(sub.event_type(), EventType::Riots | EventType::Protests);
    let fits_event =
        |a: &Actor| crowd_event || !matches!(a.kind, ActorKind::Rioters | ActorKind::Protesters);
    let named = |a: &Actor| {
        !a.name.starts_with("Unidentified") && a.kind != ActorKind::StateForces && fits_event(a)
    };
    let actor1_among = |keep: &dyn Fn(&Actor) -> bool| {
        most_common_actor(
            members
                .iter()
                .filter_map(|m| m.actor1.as_ref())
                .filter(|a| keep(a)),
        )
    };
    // An air or drone strike is a state's: the forces one report names as its author beat the
    // group others name (often the strike's target).
    let air_force = (sub == SubEventType::AirDroneStrike)
        .then(|| actor1_among(&|a| matches!(a.kind, ActorKind::StateForces | ActorKind::External)))
        .flatten();
    let actor1 = air_force
        .or_else(|| actor1_among(&named))
        .or_else(|| actor1_among(&fits_event))
        .or_else(|| actor1_among(&|_| true));
    let assoc_actor1 = most_common_actor(members.iter().filter_map(|m| m.assoc_actor1.as_ref()));
    // Never the perpetrator again as its own opponent (reports that disagree on who attacked).
    let actor2 = most_common_actor(
        main.iter()
            .filter(|m| m.sub_event_type.event_type() == sub.event_type())
            .filter_map(|m| m.actor2.as_ref())
            .filter(|a| actor1.as_ref().is_none_or(|x| x.name != a.name)),
    );
    let mut targets: Vec<Target> = members
        .iter()
        .flat_map(|m| m.targets.iter().cloned())
        .collect();
    targets.sort();
    targets.dedup();
    let mut people: Vec<String> = members
        .iter()
        .flat_map(|m| m.people.iter().cloned())
        .collect();
    people.sort();
    people.dedup();
    let sources: HashMap<&str, String> = members
        .iter()
        .map(|m| (m.article.as_str(), source_of(&m.article)))
        .collect();
    let estimate = |field: CountField| {
        reconcile::estimate(members.iter().flat_map(|m| {
            let source = sources[m.article.as_str()].as_str();
            m.counts(field).map(move |(claim, _)| (source, claim))
        }))
    };
    // State forces are named after the government of the event's day (ACLED's periods).
    let on_day = |a: Option<Actor>| match group.date {
        Some(d) => a.map(|a| Actor {
            name: crate::regimes::name_on(&a.name, d.date),
            ..a
        }),
        None => a,
    };
    let (actor1, actor2) = (on_day(actor1), on_day(actor2));
    let mut incident = Incident {
        id: group.id.clone(),
        event_type: sub.event_type(),
        sub_event_type: sub,
        date: group.date,
        place: group.place.clone(),
        actor1,
        assoc_actor1,
        actor2,
        assoc_actor2: None,
        targets,
        people,
        fatalities: estimate(CountField::Fatalities),
        injured: estimate(CountField::Injured),
        abducted: estimate(CountField::Abducted),
        attackers: estimate(CountField::Attackers),
        mentions: group.members.clone(),
        articles: group.articles.clone(),
        operation: group.operation.clone(),
        notes: String::new(),
    };
    incident.notes = notes(&incident, &members);
    incident
}

fn most_common<T: Ord + Copy>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k)
}

fn most_common_actor<'a>(items: impl Iterator<Item = &'a Actor>) -> Option<Actor> {
    let mut counts: BTreeMap<&'a Actor, usize> = BTreeMap::new();
    for a in items {
        *counts.entry(a).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| k.clone())
}

/// A one-line summary, then the figures sources disagree on.
fn notes(inc: &Incident, members: &[&Mention]) -> String {
    let mut out = format!("{}", inc.sub_event_type);
    if let Some(a) = &inc.actor1 {
        out.push_str(&format!(": {}", a.name));
    }
    if let Some(a) = &inc.actor2 {
        out.push_str(&format!(" against {}", a.name));
    }
    if let Some(p) = &inc.place {
        out.push_str(&format!(" at {}", p.location));
    }
    out.push('.');
    for field in CountField::ALL {
        let mut claims: Vec<String> = Vec::new();
        for m in members {
            for (c, q) in m.counts(field) {
                let figure = match (q.qualifier, q.high) {
                    (Qualifier::MoreThan | Qualifier::AtLeast, _) => format!("{}+", q.low),
                    (_, Some(h)) if h != q.low => format!("{}-{}", q.low, h),
                    _ => q.best.to_string(),
                };
                let who = c.attributed_to.clone().unwrap_or_else(|| m.article.clone());
                let s = format!(
                    "{figure} ({who}{})",
                    if c.hedged { ", unconfirmed" } else { "" }
                );
                if !claims.contains(&s) {
                    claims.push(s);
                }
            }
        }
        let distinct: BTreeSet<&str> = claims
            .iter()
            .map(|c| c.split(' ').next().unwrap_or(""))
            .collect();
        if distinct.len() > 1 {
            out.push_str(&format!(
                " {} disputed: {}.",
                field.name(),
                claims.join(" · ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_id_the_gazetteer_does_not_have_is_no_village() {
        // (a linking key stored by an older, larger gazetteer)
        let place = ResolvedPlace {
            location: "Gone".into(),
            place_id: Some(u32::MAX),
            country: "Mali".into(),
            country_code: "ML".into(),
            admin1: None,
            admin1_new: None,
            admin2: None,
            admin3: None,
            latitude: Some(14.0),
            longitude: Some(-4.0),
            geo_precision: 1,
        };
        assert!(!is_village(&place));
    }

    fn actor(name: &str, kind: ActorKind) -> Actor {
        Actor {
            name: name.into(),
            kind,
            parent: None,
        }
    }

    fn battle(article: &str, a1: &str, a2: &str) -> Mention {
        Mention {
            id: format!("m-{article}"),
            article: article.into(),
            published: NaiveDate::from_ymd_opt(2026, 3, 2),
            ordinal: 0,
            background: false,
            event_type: EventType::Battles,
            sub_event_type: SubEventType::ArmedClash,
            actor1: Some(actor(a1, ActorKind::RebelGroup)),
            assoc_actor1: None,
            actor2: Some(actor(a2, ActorKind::StateForces)),
            assoc_actor2: None,
            people: vec![],
            targets: vec![],
            date: Some(EventDate {
                date: NaiveDate::from_ymd_opt(2026, 3, 1).expect("date"),
                precision: TimePrecision::Day,
            }),
            place: Some(ResolvedPlace {
                location: "Boni".into(),
                place_id: None,
                country: "Mali".into(),
                country_code: "ML".into(),
                admin1: Some("Mopti".into()),
                admin1_new: None,
                admin2: Some("Douentza".into()),
                admin3: None,
                latitude: Some(15.03),
                longitude: Some(-1.98),
                geo_precision: 1,
            }),
            operation: None,
            operation_wide: false,
            claims: vec![],
            evidence: Span::new(0, 1),
            keys: vec![],
            passage_marks: vec![],
        }
    }

    #[test]
    fn the_perpetrator_is_never_its_own_opponent() {
        // Two reports of one clash that disagree on who attacked whom.
        let jnim = "JNIM: Group for Support of Islam and Muslims";
        let army = "Military Forces of Mali (2021-)";
        let a = battle("a", jnim, army);
        let mut b = battle("b", "Unidentified Armed Group (Mali)", jnim);
        b.actor2.as_mut().expect("actor2").kind = ActorKind::RebelGroup;
        let linked = link(&[a, b]);
        assert_eq!(linked.len(), 1);
        assert_eq!(
            linked[0].actor1.as_ref().map(|x| x.name.as_str()),
            Some(jnim)
        );
        assert_eq!(
            linked[0].actor2.as_ref().map(|x| x.name.as_str()),
            Some(army)
        );
    }

    #[test]
    fn building_does_not_depend_on_the_order_of_members() {
        let jnim = "JNIM: Group for Support of Islam and Muslims";
        let army = "Military Forces of Mali (2021-)";
        let ms = [
            battle("a", jnim, army),
            battle("b", jnim, army),
            battle("c", jnim, army),
        ];
        let keys: Vec<LinkKey> = ms.iter().map(LinkKey::of).collect();
        let groups = group(&keys);
        assert_eq!(groups.len(), 1);
        let forward: Vec<&Mention> = ms.iter().collect();
        let backward: Vec<&Mention> = ms.iter().rev().collect();
        let source = |a: &str| a.to_string();
        assert_eq!(
            build(&groups[0], &forward, &source),
            build(&groups[0], &backward, &source)
        );
        assert_eq!(build(&groups[0], &forward, &source).id, groups[0].id);
    }

    #[test]
    fn sides_told_the_other_way_round_are_not_rival_perpetrators() {
        let jnim = "JNIM: Group for Support of Islam and Muslims";
        let vdp = "VDP: Volunteers for the Defense of the Homeland";
        let isgs = "Islamic State Sahel";
        let swapped = link(&[battle("a", jnim, vdp), battle("b", vdp, jnim)]);
        assert_eq!(swapped.len(), 1, "{swapped:#?}");
        let rivals = link(&[battle("a", jnim, vdp), battle("b", isgs, vdp)]);
        assert_eq!(rivals.len(), 2, "{rivals:#?}");
    }
}
