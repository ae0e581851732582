//! Relinking in proportion to what changed: after a small ingest, only the groups that the new
//! or changed articles' mentions can reach are regrouped, and the result is the one a full
//! relink gives (same groups, ids, members and fields; tested against it in
//! `tests/incremental_relink.rs`).
//!
//! Why it is exact. Pass 1 of `vigie_core::incidents::group` (dated, placed mentions, in date
//! order) is causal: a mention's decision depends only on the mentions sorted before it, and it
//! reads only incidents of its own country indexed on the days around its date (at most
//! [`DATED_PROBE_DAYS`] before it). So when the changed mentions of a country start on day D,
//! every decision before D stands, and pass 1 resumed at D over that country's mentions from D
//! on, starting from the incidents indexed on a day from D − 16 (with all their earlier
//! members), gives what the full pass gives (`regroup_dated_tail`). Groups whose pass-1 members
//! come out the same are unchanged; the others are "dirty".
//!
//! What is ruled out, with a full relink instead (correctness first):
//! - a changed article with an undated or country-level mention (passes 2 and 3 are not
//!   causal in time: an undated report reads 60 days of incidents, in place order);
//! - a dirty group that held (before) an undated or country-level report, or whose members
//!   carry an operation (operation ids and coordinated reports span groups);
//! - an undated or country-level report anywhere in the country whose window of days reads a
//!   dirty group's days, or one with neither date nor publication date (it reads everything);
//! - a split correction whose new id is held by a group outside the regrouped set;
//! - no saved link state (first relink after the upgrade, after `reprocess`, `relink_full`).
//!
//! Saved state (schema 5): `link_clusters` (each group before corrections, keyed by the
//! mention that founded it, with its numbered id and base id), `link_members` (every key's
//! group, pass, country and the days of the dated index it touches), `relink_queue` (articles
//! whose mentions were written since). Invariant: after every relink the two link tables
//! describe exactly what `group` gives over all stored keys, and the incidents table holds
//! exactly the corrected groups.
//!
//! Then, as in the full relink: ids shared by several groups are renumbered within their base
//! id only; the corrections journal is re-applied to the dirty groups plus every group holding
//! a report any correction names (so each correction finds the same group as over all groups,
//! in the same order); groups whose articles changed version or wire-copy source are rehashed;
//! incidents rebuilt where `members_hash` changed.

use super::*;
use chrono::Datelike;
use std::collections::BTreeSet;
use vigie_core::incidents::{day_reach, pass_of, Group, Resume, DATED_PROBE_DAYS};

/// How many relinks were incremental (for tests: the fallback must not be all that runs).
pub(crate) static INCREMENTAL_RUNS: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(0);

/// One row of `link_members`.
#[derive(Debug, Clone)]
struct MemberRow {
    mention_id: String,
    cluster: String,
    article: String,
    ordinal: i64,
    country: String,
    pass: i64,
    day: Option<i64>,
    lo: Option<i64>,
    hi: Option<i64>,
    operation: bool,
    cell: Option<(i64, i64)>,
}

const MEMBER_COLUMNS: &str =
    "mention_id, cluster, article_ref, ordinal, country, pass, day, lo, hi, operation, cell_y, cell_x";

fn member_row(r: &Row<'_>) -> Result<MemberRow> {
    Ok(MemberRow {
        mention_id: r.get(0)?,
        cluster: r.get(1)?,
        article: r.get(2)?,
        ordinal: r.get(3)?,
        country: r.get(4)?,
        pass: r.get(5)?,
        day: r.get(6)?,
        lo: r.get(7)?,
        hi: r.get(8)?,
        operation: r.get::<i64>(9)? != 0,
        cell: match (r.get::<Option<i64>>(10)?, r.get::<Option<i64>>(11)?) {
            (Some(y), Some(x)) => Some((y, x)),
            _ => None,
        },
    })
}

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn country_of(k: &LinkKey) -> String {
    k.place
        .as_ref()
        .map(|p| p.country_code.clone())
        .unwrap_or_default()
}

/// The 1° grid cell of a key's place (what the linker's cell index uses).
fn cell_of(k: &LinkKey) -> Option<(i64, i64)> {
    let p = k.place.as_ref()?;
    Some((p.latitude?.floor() as i64, p.longitude?.floor() as i64))
}

/// The day a key is sorted and windowed by: its event date, else its publication date.
fn key_day(k: &LinkKey) -> Option<i64> {
    k.date.map(|d| d.date).or(k.published).map(day_number)
}

pub(crate) fn insert_member(tx: &Db, k: &LinkKey, ordinal: i64, cluster: &str) -> Result<()> {
    let reach = day_reach(k);
    tx.execute(
        &format!(
            "INSERT INTO link_members ({MEMBER_COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (mention_id, cluster) DO UPDATE SET
            article_ref = excluded.article_ref, ordinal = excluded.ordinal,
            country = excluded.country, pass = excluded.pass, day = excluded.day,
            lo = excluded.lo, hi = excluded.hi, operation = excluded.operation,
            cell_y = excluded.cell_y, cell_x = excluded.cell_x"
        ),
        params![
            k.id,
            cluster,
            k.article,
            ordinal,
            country_of(k),
            i64::from(pass_of(k)),
            key_day(k),
            reach.map(|r| day_number(r.0)),
            reach.map(|r| day_number(r.1)),
            i64::from(k.operation.is_some()),
            cell_of(k).map(|c| c.0),
            cell_of(k).map(|c| c.1),
        ],
    )?;
    Ok(())
}

pub(crate) fn insert_cluster(tx: &Db, g: &Group) -> Result<()> {
    tx.execute(
        "INSERT INTO link_clusters (founder, id, base_id, data) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (founder) DO UPDATE SET
            id = excluded.id, base_id = excluded.base_id, data = excluded.data",
        params![g.founder, g.id, g.base_id, serde_json::to_string(g)?],
    )?;
    Ok(())
}

fn rows_where(tx: &Db, column: &str, value: &str) -> Result<Vec<MemberRow>> {
    tx.query_map(
        &format!("SELECT {MEMBER_COLUMNS} FROM link_members WHERE {column} = ?1"),
        params![value],
        member_row,
    )
}

fn load_key(tx: &Db, article: &str, ordinal: i64) -> Result<Option<LinkKey>> {
    let data: Option<String> = tx.query_opt(
        "SELECT link_key FROM mention_keys WHERE article_ref = ?1 AND ordinal = ?2",
        params![article, ordinal],
        |r| r.get(0),
    )?;
    data.map(|d| {
        serde_json::from_str(&d).map_err(|e| {
            StoreError(format!(
                "stored link key of mention {article}#{ordinal} is unreadable: {e}"
            ))
        })
    })
    .transpose()
}

fn load_group(tx: &Db, founder: &str) -> Result<Option<Group>> {
    let data: Option<String> = tx.query_opt(
        "SELECT data FROM link_clusters WHERE founder = ?1",
        params![founder],
        |r| r.get(0),
    )?;
    data.map(|d| {
        serde_json::from_str(&d)
            .map_err(|e| StoreError(format!("saved group {founder} is unreadable: {e}")))
    })
    .transpose()
}

fn give_up(timer: &StageTimer, why: &str) -> Result<Option<usize>> {
    timer.lap(&format!("full relink: {why}"));
    Ok(None)
}

/// Relink in proportion to what changed since the last relink, or `None` (nothing written)
/// when a full relink is needed (see the module's comment). `copies` are the wire-copy groups
/// just computed, `previous_copies` those of the last relink (copies only, both).
pub(crate) fn relink(
    tx: &Db,
    copies: &BTreeMap<String, String>,
    previous_copies: &BTreeMap<String, String>,
    timer: &StageTimer,
) -> Result<Option<usize>> {
    let valid: Option<String> = tx.query_opt(
        "SELECT value FROM store_meta WHERE key = 'link_state'",
        params![],
        |r| r.get(0),
    )?;
    if valid.as_deref() != Some("1") {
        return give_up(timer, "no saved link state");
    }
    let queued: Vec<String> = {
        tx.query_map(
            "SELECT article_ref FROM relink_queue ORDER BY article_ref",
            params![],
            |r| r.get(0),
        )?
    };
    let queued_set: HashSet<&str> = queued.iter().map(String::as_str).collect();

    // 1. What changed: the queued articles' mentions as they were and as they are.
    let mut old_rows: Vec<MemberRow> = Vec::new();
    let mut new_keys: Vec<(LinkKey, i64)> = Vec::new();
    for a in &queued {
        old_rows.extend(rows_where(tx, "article_ref", a)?);
        let rows: Vec<(i64, String)> = tx.query_map(
            "SELECT ordinal, link_key FROM mention_keys WHERE article_ref = ?1 ORDER BY ordinal",
            params![a],
            |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?)),
        )?;
        for (ordinal, data) in rows {
            let key: LinkKey = serde_json::from_str(&data).map_err(|e| {
                StoreError(format!(
                    "stored link key of mention {a}#{ordinal} is unreadable: {e}"
                ))
            })?;
            new_keys.push((key, ordinal));
        }
    }
    if old_rows.iter().any(|r| r.pass != 1) || new_keys.iter().any(|(k, _)| pass_of(k) != 1) {
        return give_up(timer, "a changed report is undated or country-level");
    }
    {
        let mut ids: HashSet<&str> = HashSet::new();
        for (k, _) in &new_keys {
            let elsewhere: Option<i64> = tx.query_opt(
                "SELECT 1 FROM link_members WHERE mention_id = ?1 AND article_ref <> ?2 LIMIT 1",
                params![k.id, k.article],
                |r| r.get(0),
            )?;
            if !ids.insert(k.id.as_str()) || elsewhere.is_some() {
                return give_up(timer, "two mentions share an id");
            }
        }
    }
    // Per country, the days that changed.
    let mut changed: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    let changed_days = old_rows
        .iter()
        .map(|r| (r.country.clone(), r.day))
        .chain(new_keys.iter().map(|(k, _)| (country_of(k), key_day(k))));
    for (country, day) in changed_days {
        let Some(day) = day else {
            return give_up(timer, "a changed report has no day");
        };
        changed.entry(country).or_default().insert(day);
    }

    // 2. Pass 1 resumed at the first changed day in each country, over a window of days that
    // grows until the change has died out.
    let mut key_of: HashMap<String, LinkKey> = HashMap::new();
    let mut ordinal_of: HashMap<String, i64> = HashMap::new();
    for (k, ordinal) in &new_keys {
        key_of.insert(k.id.clone(), k.clone());
        ordinal_of.insert(k.id.clone(), *ordinal);
    }
    let mut rows_of: HashMap<String, Vec<MemberRow>> = HashMap::new();
    let mut dirty_old: BTreeSet<String> = BTreeSet::new();
    let mut dirty_new: BTreeMap<String, Group> = BTreeMap::new();
    let mut founder_of_new: HashMap<String, String> = HashMap::new();
    let mut replayed = 0usize;
    // Changes far apart in time are regrouped apart: pass 1 resumes at each run of changed days
    // and stops where that change has died out. Two runs are merged (and regrouped together)
    // when the first one's window or reach comes near the second.
    for (country, days) in &changed {
        let mut segments: Vec<(i64, i64)> = Vec::new();
        for &d in days {
            match segments.last_mut() {
                Some(last) if d - last.1 <= 1 => last.1 = d,
                _ => segments.push((d, d)),
            }
        }
        let mut i = 0;
        while i < segments.len() {
            let (first, last) = segments[i];
            let next = segments.get(i + 1).map(|s| s.0);
            let merge = |segments: &mut Vec<(i64, i64)>| {
                segments[i].1 = segments[i + 1].1;
                segments.remove(i + 1);
            };
            let mut extra = 2;
            let resumed = loop {
                let until = last + extra;
                if next.is_some_and(|n| until >= n) {
                    break None;
                }
                match resume_segment(
                    tx,
                    country,
                    (first, last, until),
                    &queued_set,
                    &old_rows,
                    &new_keys,
                    &mut rows_of,
                    &mut key_of,
                    &mut ordinal_of,
                )? {
                    Some(Resume::Done(r)) => break Some(r),
                    Some(Resume::NeedMore) => extra *= 2,
                    Some(Resume::Invalid) => return give_up(timer, "pass 1 cannot be resumed"),
                    None => return give_up(timer, "a linked mention is missing"),
                }
            };
            let Some(resumed) = resumed.filter(|r| {
                next.is_none_or(|n| r.reach.is_none_or(|x| day_number(x) + DATED_PROBE_DAYS < n))
            }) else {
                merge(&mut segments);
                continue;
            };
            replayed += resumed.replayed;
            timer.lap(&format!(
                "{country}: days {first}..={last} resumed over {} keys",
                resumed.replayed
            ));
            for g in resumed.changed {
                for m in &g.members {
                    founder_of_new.insert(m.clone(), g.founder.clone());
                }
                dirty_new.insert(g.founder.clone(), g);
            }
            for f in resumed.dirty {
                if rows_of.contains_key(&f) {
                    dirty_old.insert(f);
                }
            }
            i += 1;
        }
    }
    // New keys in groups that did not change (a new version with the same mentions).
    for (k, _) in &new_keys {
        if !founder_of_new.contains_key(&k.id) {
            let old = old_rows
                .iter()
                .find(|r| r.mention_id == k.id)
                .map(|r| r.cluster.clone());
            match old {
                Some(f) if !f.is_empty() => {
                    founder_of_new.insert(k.id.clone(), f);
                }
                _ => return give_up(timer, "a new mention was not linked"),
            }
        }
    }
    timer.lap(&format!(
        "pass 1 resumed over {replayed} keys: {} groups gone or changed, {} new or changed",
        dirty_old.len(),
        dirty_new.len()
    ));

    // 3. What pass 1 alone cannot settle.
    let mut windows: Vec<(String, i64, i64)> = Vec::new();
    // The 1° cells of the changed groups' reports, by country (what a report with neither date
    // nor publication date reads).
    let mut cells: BTreeMap<String, BTreeSet<(i64, i64)>> = BTreeMap::new();
    for f in &dirty_old {
        let rows = rows_of.get(f).map(Vec::as_slice).unwrap_or_default();
        if rows.iter().any(|r| r.pass != 1) {
            return give_up(
                timer,
                "a changed group holds undated or country-level reports",
            );
        }
        if rows.iter().any(|r| r.operation) {
            return give_up(timer, "a changed group is part of an operation");
        }
        if let (Some(first), Some(lo), Some(hi)) = (
            rows.first(),
            rows.iter().filter_map(|r| r.lo).min(),
            rows.iter().filter_map(|r| r.hi).max(),
        ) {
            windows.push((first.country.clone(), lo, hi));
        }
        for r in rows {
            cells.entry(r.country.clone()).or_default().extend(r.cell);
        }
    }
    for g in dirty_new.values() {
        let keys: Vec<&LinkKey> = g.members.iter().filter_map(|m| key_of.get(m)).collect();
        if keys.iter().any(|k| k.operation.is_some()) {
            return give_up(timer, "a changed group is part of an operation");
        }
        let reach: Vec<(NaiveDate, NaiveDate)> = keys.iter().filter_map(|k| day_reach(k)).collect();
        if let (Some(k), Some(lo), Some(hi)) = (
            keys.first(),
            reach.iter().map(|r| r.0).min(),
            reach.iter().map(|r| r.1).max(),
        ) {
            windows.push((country_of(k), day_number(lo), day_number(hi)));
        }
        for k in &keys {
            cells.entry(country_of(k)).or_default().extend(cell_of(k));
        }
    }
    // Reports with neither date nor publication date read the incidents of the 1° cells around
    // them (or of the whole country, when they have no coordinates or no place below it).
    for (country, changed_cells) in &cells {
        let readers: Vec<(i64, Option<i64>, Option<i64>)> = tx.query_map(
            "SELECT pass, cell_y, cell_x FROM link_members
             WHERE pass IN (2, 3) AND country = ?1 AND lo IS NULL",
            params![country],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        for (pass, y, x) in readers {
            let reads = match (pass, y, x) {
                (2, Some(y), Some(x)) => changed_cells
                    .iter()
                    .any(|(cy, cx)| (cy - y).abs() <= 1 && (cx - x).abs() <= 1),
                _ => true,
            };
            if reads {
                return give_up(
                    timer,
                    "a report with neither date nor publication date may read a changed group",
                );
            }
        }
    }
    for (country, lo, hi) in &windows {
        let reader: Option<i64> = tx.query_opt(
            "SELECT 1 FROM link_members WHERE pass IN (2, 3) AND country = ?1
                 AND lo IS NOT NULL AND lo <= ?3 AND hi >= ?2 LIMIT 1",
            params![country, lo, hi],
            |r| r.get(0),
        )?;
        if reader.is_some() {
            return give_up(
                timer,
                "an undated or country-level report may read a changed group",
            );
        }
    }

    // 4. Ids: only groups of one base id number each other.
    let mut bases: BTreeSet<String> = dirty_new.values().map(|g| g.base_id.clone()).collect();
    for f in &dirty_old {
        let base: Option<String> = tx.query_opt(
            "SELECT base_id FROM link_clusters WHERE founder = ?1",
            params![f],
            |r| r.get(0),
        )?;
        bases.extend(base);
    }
    let mut selected: BTreeMap<String, Group> = BTreeMap::new();
    let mut renumbered: Vec<Group> = Vec::new();
    for base in &bases {
        let mut bucket: Vec<Group> = Vec::new();
        let mut clean_ids: HashMap<String, String> = HashMap::new();
        {
            let founders: Vec<String> = tx.query_map(
                "SELECT founder FROM link_clusters WHERE base_id = ?1",
                params![base],
                |r| r.get(0),
            )?;
            for f in founders {
                if dirty_old.contains(&f) || dirty_new.contains_key(&f) {
                    continue;
                }
                if let Some(g) = load_group(tx, &f)? {
                    clean_ids.insert(f, g.id.clone());
                    bucket.push(g);
                }
            }
        }
        bucket.extend(dirty_new.values().filter(|g| &g.base_id == base).cloned());
        vigie_core::incidents::number_ids(&mut bucket);
        for g in bucket {
            match clean_ids.get(&g.founder) {
                Some(old) if *old == g.id => {}
                Some(_) => {
                    renumbered.push(g.clone());
                    selected.insert(g.founder.clone(), g);
                }
                None => {
                    if let Some(d) = dirty_new.get_mut(&g.founder) {
                        d.id = g.id.clone();
                    }
                }
            }
        }
    }
    for (f, g) in &dirty_new {
        selected.insert(f.clone(), g.clone());
    }

    // 5. The other groups whose incidents may change: those of articles that changed version
    // or wire-copy source, and those holding a report any correction names.
    let mut articles: BTreeSet<String> = queued.iter().cloned().collect();
    for a in copies.keys().chain(previous_copies.keys()) {
        let before = previous_copies.get(a).unwrap_or(a);
        let now = copies.get(a).unwrap_or(a);
        if before != now {
            articles.insert(a.clone());
        }
    }
    let mut wanted: BTreeSet<String> = new_keys
        .iter()
        .filter_map(|(k, _)| founder_of_new.get(&k.id).cloned())
        .collect();
    for a in &articles {
        wanted.extend(
            rows_where(tx, "article_ref", a)?
                .into_iter()
                .map(|r| r.cluster),
        );
    }
    let journal = corrections::load(tx, "")?;
    for c in &journal {
        for reports in std::iter::once(&c.reports).chain(c.other_reports.as_ref()) {
            for m in &reports.mentions {
                wanted.extend(
                    rows_where(tx, "mention_id", m)?
                        .into_iter()
                        .map(|r| r.cluster),
                );
            }
            for a in &reports.articles {
                wanted.extend(
                    rows_where(tx, "article_ref", a)?
                        .into_iter()
                        .map(|r| r.cluster),
                );
            }
        }
    }
    for f in wanted {
        if f.is_empty() || dirty_old.contains(&f) || selected.contains_key(&f) {
            continue;
        }
        match load_group(tx, &f)? {
            Some(g) => {
                selected.insert(f, g);
            }
            None => return give_up(timer, "a saved group is missing"),
        }
    }

    // The keys of every selected group's members (a split regroups them).
    let mut keys: Vec<LinkKey> = Vec::new();
    let mut have: HashSet<String> = HashSet::new();
    for (f, g) in &selected {
        let rows = if dirty_new.contains_key(f) {
            Vec::new()
        } else {
            rows_where(tx, "cluster", f)?
        };
        for m in &g.members {
            if !have.insert(m.clone()) {
                continue;
            }
            if let Some(k) = key_of.get(m) {
                keys.push(k.clone());
                continue;
            }
            let Some(r) = rows.iter().find(|r| &r.mention_id == m) else {
                return give_up(timer, "a saved member is missing");
            };
            match load_key(tx, &r.article, r.ordinal)? {
                Some(k) => keys.push(k),
                None => return give_up(timer, "a linked mention is missing"),
            }
        }
    }
    let mut versions: HashMap<String, i64> = HashMap::new();
    for k in &keys {
        if !versions.contains_key(&k.article) {
            let v: Option<i64> = tx.query_opt(
                "SELECT version FROM articles WHERE ref = ?1",
                params![&k.article],
                |r| r.get(0),
            )?;
            versions.insert(k.article.clone(), v.unwrap_or(0));
        }
    }

    // 6. Corrections over the selected groups, in the linker's order.
    let founders: HashSet<String> = selected.keys().cloned().collect();
    let mut groups: Vec<Group> = selected.into_values().collect();
    vigie_core::incidents::sort_groups(&mut groups);
    let corrected = apply_corrections(&journal, groups, &keys);
    let outside = |id: &str| -> Result<bool> {
        let holders: Vec<String> = tx.query_map(
            "SELECT founder FROM link_clusters WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )?;
        Ok(holders
            .iter()
            .any(|f| !founders.contains(f) && !dirty_old.contains(f)))
    };
    for g in &corrected.groups {
        if outside(&g.id)? {
            return give_up(timer, "an id is shared with an incident left as it is");
        }
    }
    timer.lap(&format!(
        "corrections applied to {} groups",
        corrected.groups.len()
    ));

    // 7. The stored incidents these groups replace: every incident holding one of their
    // reports, before or now, except those of groups left as they are.
    let mut reports: BTreeSet<&str> = keys.iter().map(|k| k.id.as_str()).collect();
    for f in &dirty_old {
        reports.extend(
            rows_of
                .get(f)
                .into_iter()
                .flatten()
                .map(|r| r.mention_id.as_str()),
        );
    }
    reports.extend(old_rows.iter().map(|r| r.mention_id.as_str()));
    let mut related: BTreeSet<String> = corrected.groups.iter().map(|g| g.id.clone()).collect();
    for m in reports {
        let ids: Vec<String> = tx.query_map(
            "SELECT incident_id FROM incident_mentions WHERE mention_id = ?1",
            params![m],
            |r| r.get(0),
        )?;
        related.extend(ids);
    }
    let produced: HashSet<&str> = corrected.groups.iter().map(|g| g.id.as_str()).collect();
    let mut existing: HashMap<String, (String, Option<String>)> = HashMap::new();
    for id in related {
        if !produced.contains(id.as_str()) && outside(&id)? {
            continue;
        }
        let row: Option<(String, Option<String>)> = tx.query_opt(
            "SELECT content_hash, members_hash FROM incidents WHERE id = ?1",
            params![&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if let Some(row) = row {
            existing.insert(id, row);
        }
    }
    write_incidents(
        tx, &corrected, &journal, &keys, &versions, copies, &existing, timer,
    )?;

    // 8. The saved state follows.
    for f in &dirty_old {
        tx.execute("DELETE FROM link_members WHERE cluster = ?1", params![f])?;
        tx.execute("DELETE FROM link_clusters WHERE founder = ?1", params![f])?;
    }
    for a in &queued {
        tx.execute(
            "DELETE FROM link_members WHERE article_ref = ?1",
            params![a],
        )?;
    }
    for g in dirty_new.values() {
        insert_cluster(tx, g)?;
        for m in &g.members {
            if let (Some(k), Some(o)) = (key_of.get(m), ordinal_of.get(m)) {
                insert_member(tx, k, *o, &g.founder)?;
            }
        }
    }
    for (k, ordinal) in &new_keys {
        if let Some(f) = founder_of_new.get(&k.id) {
            insert_member(tx, k, *ordinal, f)?;
        }
    }
    for g in &renumbered {
        insert_cluster(tx, g)?;
    }
    tx.execute("DELETE FROM relink_queue", params![])?;
    corrections::record_resolutions(tx, &corrected.resolutions)?;
    set_relink_needed(tx, false)?;
    let n: i64 = tx.query_row("SELECT COUNT(*) FROM incidents", params![], |r| r.get(0))?;
    INCREMENTAL_RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Ok(Some(n as usize))
}

/// One run of pass 1 resumed (see [`relink`]): `days` = (first changed day, last changed day,
/// last day loaded). Caches the rows and keys it reads. None when a linked mention is missing.
#[allow(clippy::too_many_arguments)]
fn resume_segment(
    tx: &Db,
    country: &str,
    days: (i64, i64, i64),
    queued: &HashSet<&str>,
    old_rows: &[MemberRow],
    new_keys: &[(LinkKey, i64)],
    rows_of: &mut HashMap<String, Vec<MemberRow>>,
    key_of: &mut HashMap<String, LinkKey>,
    ordinal_of: &mut HashMap<String, i64>,
) -> Result<Option<Resume>> {
    let (first, last, until) = days;
    let date_of = |day: i64| {
        i32::try_from(day)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
    };
    let clusters_between = |from: i64, to: i64| -> Result<Vec<String>> {
        tx.query_map(
            "SELECT DISTINCT cluster FROM link_members
             WHERE pass = 1 AND country = ?1 AND hi >= ?2 AND hi <= ?3",
            params![country, from, to],
            |r| r.get(0),
        )
    };
    let in_run = |country_of_key: &str, day: Option<i64>| {
        country_of_key == country && day.is_some_and(|d| (first..=last).contains(&d))
    };
    // The groups of the window's keys (indexed up to 15 days after them), then the earlier
    // groups those keys can read: indexed on a day from the earliest they probe.
    let mut clusters = clusters_between(first, until + DATED_PROBE_DAYS)?;
    let mut earliest_probe = first;
    for c in &clusters {
        if !rows_of.contains_key(c) {
            rows_of.insert(c.clone(), rows_where(tx, "cluster", c)?);
        }
        for r in &rows_of[c] {
            let in_window = r.day.is_some_and(|d| (first..=until).contains(&d));
            if r.pass == 1 && in_window && !queued.contains(r.article.as_str()) {
                if let Some(lo) = r.lo {
                    earliest_probe = earliest_probe.min(lo - 1);
                }
            }
        }
    }
    for (k, _) in new_keys {
        if in_run(&country_of(k), key_day(k)) {
            if let Some(p) = vigie_core::incidents::probe_start(k) {
                earliest_probe = earliest_probe.min(day_number(p));
            }
        }
    }
    clusters.extend(clusters_between(earliest_probe, first - 1)?);
    clusters.sort();
    clusters.dedup();
    let mut prior: Vec<(String, String)> = Vec::new();
    let mut tail: Vec<(String, Option<String>)> = Vec::new();
    let mut old_reach: HashMap<String, NaiveDate> = HashMap::new();
    for c in &clusters {
        if !rows_of.contains_key(c) {
            rows_of.insert(c.clone(), rows_where(tx, "cluster", c)?);
        }
        let rows = &rows_of[c];
        if let Some(reach) = rows.iter().filter_map(|r| r.hi).max().and_then(date_of) {
            old_reach.insert(c.clone(), reach);
        }
        for r in rows.iter().filter(|r| r.pass == 1) {
            if queued.contains(r.article.as_str()) {
                continue;
            }
            let Some(day) = r.day else { continue };
            if day > until {
                continue;
            }
            if !key_of.contains_key(&r.mention_id) {
                let Some(k) = load_key(tx, &r.article, r.ordinal)? else {
                    return Ok(None);
                };
                ordinal_of.insert(k.id.clone(), r.ordinal);
                key_of.insert(k.id.clone(), k);
            }
            if day < first {
                prior.push((r.mention_id.clone(), c.clone()));
            } else {
                tail.push((r.mention_id.clone(), Some(c.clone())));
            }
        }
    }
    tail.extend(
        new_keys
            .iter()
            .filter(|(k, _)| in_run(&country_of(k), key_day(k)))
            .map(|(k, _)| (k.id.clone(), None)),
    );
    let removed: BTreeSet<&str> = old_rows
        .iter()
        .filter(|r| in_run(&r.country, r.day) && !r.cluster.is_empty())
        .map(|r| r.cluster.as_str())
        .collect();
    let removed: Vec<&str> = removed.into_iter().collect();
    // The earliest day a key after the window probes: a key probes at most 16 days back, so
    // only keys indexed up to 31 days after the window can probe back into it.
    let later_lo: Option<i64> = tx.query_row(
        "SELECT MIN(lo) FROM link_members WHERE pass = 1 AND country = ?1
         AND hi > ?2 AND hi <= ?3 AND day > ?2",
        params![country, until, until + 2 * DATED_PROBE_DAYS],
        |r| r.get(0),
    )?;
    let any_later: Option<i64> = tx.query_opt(
        "SELECT 1 FROM link_members WHERE pass = 1 AND country = ?1 AND hi > ?2 AND day > ?3
         LIMIT 1",
        params![country, until, until],
        |r| r.get(0),
    )?;
    let later_probe = match (later_lo, any_later) {
        (Some(lo), _) => date_of((lo - 1).min(until + 1)),
        (None, Some(_)) => date_of(until + 1),
        (None, None) => None,
    };
    let prior_refs: Vec<(&LinkKey, &str)> = prior
        .iter()
        .filter_map(|(id, c)| key_of.get(id).map(|k| (k, c.as_str())))
        .collect();
    let tail_refs: Vec<(&LinkKey, Option<&str>)> = tail
        .iter()
        .filter_map(|(id, c)| key_of.get(id).map(|k| (k, c.as_deref())))
        .collect();
    Ok(Some(vigie_core::incidents::resume_dated(
        &prior_refs,
        &tail_refs,
        later_probe,
        &removed,
        &old_reach,
    )))
}

#[cfg(test)]
#[path = "incremental_tests.rs"]
mod tests;
