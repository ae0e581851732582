//! Relinking: stored mentions regrouped into incidents (ids stable), the corrections journal
//! applied again, and what linking needs (fingerprints, link keys) kept up to date.

use super::*;
use rayon::prelude::*;

impl Store {
    /// [`Store::relink`] when an ingest changed articles since the last relink; otherwise only
    /// the number of stored incidents. Returns the number of incidents.
    pub fn relink_if_needed(&mut self) -> Result<usize> {
        let needed: Option<String> = self.conn.query_opt(
            "SELECT value FROM store_meta WHERE key = 'relink_needed'",
            params![],
            |r| r.get(0),
        )?;
        if needed.as_deref() == Some("0") {
            self.count_incidents(&IncidentFilter::default())
        } else {
            self.relink()
        }
    }

    /// Re-link every stored mention and bring the stored incidents up to date, in one
    /// transaction. Returns the number of incidents.
    ///
    /// Grouping runs over the mentions' link keys only (a few hundred bytes each), and after a
    /// small ingest only over the keys that the new or changed articles can affect (see
    /// `incremental.rs`); the full mentions are loaded, and incidents rebuilt and written, only
    /// for groups whose members changed (`members_hash`: member ids, their articles' versions
    /// and wire-copy sources). The result is the same as linking everything from scratch.
    /// Unchanged incidents keep their row and `timestamp`; incidents no group produces any
    /// more are deleted.
    pub fn relink(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let n = relink_in(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    /// [`Store::relink`] over every stored mention, never incrementally (the reference the
    /// incremental relink is tested against, and a way out should its saved state be doubted).
    pub fn relink_full(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        set_link_state_valid(&tx, false)?;
        let n = relink_in(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    /// Run the pipeline again over every stored article (their cleaned texts) and rebuild
    /// everything derived from them — fingerprints, mentions, link keys, wire copies,
    /// incidents — in one transaction, then relink (which re-applies the analysts'
    /// corrections). For new extraction rules. Articles and their versions are untouched.
    /// Returns the number of incidents.
    pub fn reprocess(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let articles: Vec<Article> = {
            tx.query_map("SELECT ref, url, title, outlet, published, language, text FROM articles ORDER BY ref", params![], |r| {
                let published: Option<String> = r.get(4)?;
                Ok(Article {
                    reference: r.get(0)?,
                    url: r.get(1)?,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    published: published
                        .and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
                    declared_language: r.get(5)?,
                    body: vigie_core::Body::Text(r.get(6)?),
                })
            })?
        };
        tx.execute_batch(
            "DELETE FROM incident_mentions; DELETE FROM incident_articles;
             DELETE FROM mention_keys; DELETE FROM mentions; DELETE FROM article_copies;
             DELETE FROM article_prints;",
        )?;
        search::delete_all_incident_rows(&tx)?;
        // Everything is extracted anew: the next relink regroups everything.
        set_link_state_valid(&tx, false)?;
        for chunk in articles.chunks(256) {
            for p in vigie_core::process_batch(chunk) {
                write_derived(&tx, &p)?;
            }
        }
        let n = relink_in(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    /// Replace the stored incidents by `incidents` (built from `mentions`), in one transaction,
    /// keeping rows (and their `timestamp`) whose content is unchanged. Returns their number.
    pub fn replace_incidents(
        &mut self,
        incidents: &[vigie_core::Incident],
        mentions: &[Mention],
    ) -> Result<usize> {
        let articles = self.article_refs()?;
        let mut by_id: HashMap<&str, Vec<&Mention>> = HashMap::new();
        for m in mentions {
            by_id.entry(m.id.as_str()).or_default().push(m);
        }

        // (view, content hash, country code, the linker's incident)
        let mut views: Vec<(IncidentView, String, String, &vigie_core::Incident)> = Vec::new();
        let mut ids = HashSet::new();
        for inc in incidents {
            let mut view = views::build(inc, &by_id, &articles);
            // Guard against a duplicate id from the linker: keep ids unique, deterministically.
            let mut n = 2;
            while ids.contains(&view.id) {
                view.id = format!("{}-{n}", inc.id);
                view.event_id_cnty = view.id.clone();
                n += 1;
            }
            ids.insert(view.id.clone());
            let hash = sha256_hex(&[&serde_json::to_string(&view)?]);
            let cc = inc
                .place
                .as_ref()
                .map(|p| p.country_code.clone())
                .unwrap_or_default();
            views.push((view, hash, cc, inc));
        }

        let now = unix_now();
        let tx = self.conn.transaction()?;
        // Incidents written from outside the linker: the next relink must regroup everything.
        set_link_state_valid(&tx, false)?;
        let existing: HashMap<String, String> = {
            tx.query_map("SELECT id, content_hash FROM incidents", params![], |r| {
                Ok((r.get::<String>(0)?, r.get::<String>(1)?))
            })?
        };
        let mut text_index = search::TextIndexChanges::default();
        for id in existing.keys() {
            if !ids.contains(id) {
                text_index.delete_row(&tx, id)?;
            }
        }
        for (mut view, hash, cc, inc) in views {
            if existing.get(&view.id) == Some(&hash) {
                continue;
            }
            view.timestamp = now;
            text_index.delete_row(&tx, &view.id)?;
            write_incident(&tx, &view, &hash, &cc, Some(inc), &mut text_index)?;
        }
        text_index.apply(&tx)?;
        tx.commit()?;
        Ok(ids.len())
    }
}

/// [`Store::relink`] inside a caller's transaction (a correction and its effect are one write).
///
/// Incremental when it can be ([`crate::incremental::relink`]: only the groups that the
/// articles ingested since the last relink can have changed are regrouped), else every stored
/// mention is regrouped. Both give the same incidents.
pub(crate) fn relink_in(tx: &Db) -> Result<usize> {
    let timer = StageTimer::from_env();
    let previous_copies = stored_copies(tx)?;
    let copies = refresh_copies(tx, &previous_copies)?;
    timer.lap("wire copies");
    if let Some(n) = crate::incremental::relink(tx, &copies, &previous_copies, &timer)? {
        timer.lap("incremental relink done");
        return Ok(n);
    }
    relink_everything(tx, &copies, &timer)
}

/// Every stored mention regrouped; the linker's groups saved for the next incremental relink.
fn relink_everything(
    tx: &Db,
    copies: &BTreeMap<String, String>,
    timer: &StageTimer,
) -> Result<usize> {
    let (keys, ordinals, versions) = load_link_keys(tx)?;
    timer.lap("link keys loaded");
    let groups = vigie_core::incidents::group(&keys);
    timer.lap("grouped");
    save_link_state(tx, &groups, &keys, &ordinals)?;
    timer.lap("link state saved");
    let journal = corrections::load(tx, "")?;
    let corrected = apply_corrections(&journal, groups, &keys);
    let existing: HashMap<String, (String, Option<String>)> = {
        tx.query_map(
            "SELECT id, content_hash, members_hash FROM incidents",
            params![],
            |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))),
        )?
    };
    let n = write_incidents(
        tx, &corrected, &journal, &keys, &versions, copies, &existing, timer,
    )?;
    corrections::record_resolutions(tx, &corrected.resolutions)?;
    set_relink_needed(tx, false)?;
    Ok(n)
}

/// The linker's groups with the analysts' merges, splits and field corrections resolved.
pub(crate) struct Corrected {
    pub groups: Vec<vigie_core::incidents::Group>,
    pub resolutions: HashMap<i64, corrections::Resolution>,
    /// Group id → the field corrections in force on it.
    pub fields_by_group: HashMap<String, Vec<i64>>,
    /// Group id → the merges and splits that made it.
    pub structure_by_group: HashMap<String, Vec<i64>>,
}

/// Re-apply the journal to `groups` (sorted as the linker returns them). `keys`: the link keys
/// of every member (a split regroups the reports it moves out).
pub(crate) fn apply_corrections(
    journal: &[CorrectionRow],
    mut groups: Vec<vigie_core::incidents::Group>,
    keys: &[LinkKey],
) -> Corrected {
    let mut resolutions = corrections::apply_structure(journal, &mut groups, keys);
    let (fields_by_group, field_resolutions) = corrections::resolve_fields(journal, &groups);
    let mut structure_by_group: HashMap<String, Vec<i64>> = HashMap::new();
    for (id, r) in &resolutions {
        if let corrections::Resolution::AppliedTo(g) = r {
            structure_by_group.entry(g.clone()).or_default().push(*id);
        }
    }
    resolutions.extend(field_resolutions);
    Corrected {
        groups,
        resolutions,
        fields_by_group,
        structure_by_group,
    }
}

/// Bring the stored incidents of `corrected.groups` up to date: `existing` holds every stored
/// incident these groups may replace (id → content hash, members hash); those no group
/// produces any more are deleted, and a group is rebuilt only when its `members_hash` (member
/// ids, their articles' versions and wire-copy sources, the corrections in force) changed.
/// `keys` and `versions` cover every member and its article. Returns the number of groups.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_incidents(
    tx: &Db,
    corrected: &Corrected,
    journal: &[CorrectionRow],
    keys: &[LinkKey],
    versions: &HashMap<String, i64>,
    copies: &BTreeMap<String, String>,
    existing: &HashMap<String, (String, Option<String>)>,
    timer: &StageTimer,
) -> Result<usize> {
    let groups = &corrected.groups;
    let fields_by_group = &corrected.fields_by_group;
    let structure_by_group = &corrected.structure_by_group;
    let journal_by_id: HashMap<i64, &CorrectionRow> = journal.iter().map(|c| (c.id, c)).collect();
    let in_force = |ids: Option<&Vec<i64>>| -> Vec<&CorrectionRow> {
        let mut ids: Vec<i64> = ids.cloned().unwrap_or_default();
        ids.sort();
        ids.iter()
            .filter_map(|i| journal_by_id.get(i).copied())
            .collect()
    };
    let source_of = |article: &str| {
        copies
            .get(article)
            .cloned()
            .unwrap_or_else(|| article.to_string())
    };

    let ids: HashSet<&str> = groups.iter().map(|g| g.id.as_str()).collect();
    let mut text_index = search::TextIndexChanges::default();
    for id in existing.keys() {
        if !ids.contains(id.as_str()) {
            text_index.delete_row(tx, id)?;
        }
    }
    let article_of: HashMap<&str, &str> = keys
        .iter()
        .map(|k| (k.id.as_str(), k.article.as_str()))
        .collect();
    let mut stale: Vec<(&vigie_core::incidents::Group, String)> = Vec::new();
    for g in groups {
        // The operation id too: it is shared with the operation's other incidents, so a
        // report joining one of them can change it for incidents whose members did not.
        let mut parts: Vec<String> = vec![g.id.clone(), g.operation.clone().unwrap_or_default()];
        // What the linker coded too: after a merge the incident keeps its target's type, date
        // and place, so the same members can come with another coding when the linker split
        // them otherwise before the merge.
        parts.push(serde_json::to_string(&(
            g.sub_event_type,
            g.date,
            &g.place,
            &g.main_members,
        ))?);
        for c in in_force(fields_by_group.get(&g.id))
            .into_iter()
            .chain(in_force(structure_by_group.get(&g.id)))
        {
            parts.push(format!("correction {}@{}", c.id, c.at));
        }
        for id in &g.members {
            let article = article_of.get(id.as_str()).copied().unwrap_or_default();
            let version = versions.get(article).copied().unwrap_or(0);
            parts.push(format!("{id}@{article}#{version}~{}", source_of(article)));
        }
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        let members_hash = sha256_hex(&refs);
        if existing.get(&g.id).and_then(|e| e.1.as_ref()) != Some(&members_hash) {
            stale.push((g, members_hash));
        }
    }
    drop(article_of);
    timer.lap(&format!(
        "members hashed, {} incidents to rebuild",
        stale.len()
    ));
    let now = unix_now();
    // Rebuild in chunks so memory stays bounded when everything changed (first ingest). Within a
    // chunk the store is read and written by this thread, and what needs no store (parsing the
    // members, building and serialising the views) runs on every core.
    for chunk in stale.chunks(512) {
        let mut stored: Vec<(&str, String)> = Vec::new();
        for (g, _) in chunk {
            for id in &g.members {
                tx.query_each(
                    "SELECT data FROM mentions WHERE id = ?1",
                    params![id],
                    |r| {
                        stored.push((id.as_str(), r.get(0)?));
                        Ok(())
                    },
                )?;
            }
        }
        let mentions: Vec<Mention> = stored
            .par_iter()
            .map(|(id, data)| {
                serde_json::from_str(data)
                    .map_err(|e| StoreError(format!("stored mention {id} is unreadable: {e}")))
            })
            .collect::<Result<_>>()?;
        drop(stored);
        let mut by_id: HashMap<&str, Vec<&Mention>> = HashMap::new();
        for m in &mentions {
            by_id.entry(m.id.as_str()).or_default().push(m);
        }
        let mut article_views: HashMap<String, ArticleRefView> = HashMap::new();
        for (g, _) in chunk {
            for r in &g.articles {
                if !article_views.contains_key(r) {
                    if let Some(v) = article_ref(tx, r, copies.get(r))? {
                        article_views.insert(r.clone(), v);
                    }
                }
            }
        }
        let built: Vec<Rebuilt> = chunk
            .par_iter()
            .map(|(g, members_hash)| -> Result<Rebuilt> {
                let members: Vec<&Mention> = g
                    .members
                    .iter()
                    .flat_map(|id| by_id.get(id.as_str()).into_iter().flatten().copied())
                    .collect();
                let inc = vigie_core::incidents::build(g, &members, &source_of);
                let mut view = views::build(&inc, &by_id, &article_views);
                corrections::apply_fields(&mut view, &in_force(fields_by_group.get(&g.id)));
                corrections::mark_structural(&mut view, &in_force(structure_by_group.get(&g.id)));
                let hash = sha256_hex(&[&serde_json::to_string(&view)?]);
                let country_code =
                    corrections::country_code_set(&in_force(fields_by_group.get(&g.id)))
                        .or_else(|| inc.place.as_ref().map(|p| p.country_code.clone()))
                        .unwrap_or_default();
                Ok(Rebuilt {
                    inc,
                    view,
                    hash,
                    members_hash,
                    country_code,
                })
            })
            .collect::<Result<_>>()?;
        for Rebuilt {
            inc,
            mut view,
            hash,
            members_hash,
            country_code,
        } in built
        {
            if existing.get(&view.id).map(|e| &e.0) == Some(&hash) {
                tx.execute(
                    "UPDATE incidents SET members_hash = ?2 WHERE id = ?1",
                    params![view.id, members_hash],
                )?;
                // Same published view, other members (e.g. renamed mentions): the member list
                // is what corrections are keyed on, so it must follow.
                tx.execute(
                    "DELETE FROM incident_mentions WHERE incident_id = ?1",
                    params![&view.id],
                )?;
                write_incident_mentions(tx, &view.id, &inc)?;
                continue;
            }
            view.timestamp = now;
            // (only a stored incident has a row to replace: a first ingest deletes nothing)
            if existing.contains_key(&view.id) {
                text_index.delete_row(tx, &view.id)?;
            }
            write_incident(tx, &view, &hash, &country_code, Some(&inc), &mut text_index)?;
            tx.execute(
                "UPDATE incidents SET members_hash = ?2 WHERE id = ?1",
                params![view.id, members_hash],
            )?;
        }
    }
    text_index.apply(tx)?;
    timer.lap("rebuilt");
    Ok(ids.len())
}

/// One stale incident built again, ready to be written.
struct Rebuilt<'a> {
    inc: vigie_core::Incident,
    view: IncidentView,
    /// Hash of the view without its timestamp: unchanged views are not written again.
    hash: String,
    members_hash: &'a String,
    country_code: String,
}

/// The linker's groups (before corrections) and every key's place in them, for the next
/// incremental relink; the relink queue emptied. A store whose mentions share ids (which
/// extraction never produces) keeps no state: it is always relinked in full.
fn save_link_state(
    tx: &Db,
    groups: &[vigie_core::incidents::Group],
    keys: &[LinkKey],
    ordinals: &[i64],
) -> Result<()> {
    tx.execute_batch(
        "DELETE FROM link_members; DELETE FROM link_clusters; DELETE FROM relink_queue;",
    )?;
    let distinct: HashSet<&str> = keys.iter().map(|k| k.id.as_str()).collect();
    if distinct.len() != keys.len() {
        return set_link_state_valid(tx, false);
    }
    for g in groups {
        crate::incremental::insert_cluster(tx, g)?;
    }
    let mut founders: HashMap<&str, Vec<&str>> = HashMap::new();
    for g in groups {
        for m in &g.members {
            founders
                .entry(m.as_str())
                .or_default()
                .push(g.founder.as_str());
        }
    }
    for (k, ordinal) in keys.iter().zip(ordinals) {
        let of = founders.get(k.id.as_str()).cloned().unwrap_or_default();
        if of.is_empty() {
            crate::incremental::insert_member(tx, k, *ordinal, "")?;
        }
        for f in of {
            crate::incremental::insert_member(tx, k, *ordinal, f)?;
        }
    }
    set_link_state_valid(tx, true)
}

/// Whether `link_clusters` and `link_members` describe the last relink (else the next relink
/// regroups everything).
pub(crate) fn set_link_state_valid(tx: &Db, valid: bool) -> Result<()> {
    set_meta(tx, "link_state", if valid { "1" } else { "0" })
}

pub(crate) fn set_relink_needed(tx: &Db, needed: bool) -> Result<()> {
    set_meta(tx, "relink_needed", if needed { "1" } else { "0" })
}

/// Record one `store_meta` value (insert or replace).
pub(crate) fn set_meta(tx: &Db, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO store_meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Stage timings of a relink on stderr when `VIGIE_TIMINGS` is set (for benchmarks).
pub(crate) struct StageTimer(Option<std::time::Instant>);

impl StageTimer {
    pub(crate) fn from_env() -> StageTimer {
        StageTimer(std::env::var_os("VIGIE_TIMINGS").map(|_| std::time::Instant::now()))
    }
    pub(crate) fn lap(&self, what: &str) {
        if let Some(start) = self.0 {
            eprintln!("relink: {what} at {:.2} s", start.elapsed().as_secs_f64());
        }
    }
}

/// Databases written before schema 2 lack fingerprints and link keys: compute them once, when
/// the schema is upgraded.
pub(crate) fn backfill_link_data(tx: &Db) -> Result<()> {
    let missing: Vec<(String, Option<String>, String)> = {
        tx.query_map(
            "SELECT ref, published, text FROM articles",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?
    };
    for (r, published, text) in missing {
        tx.execute(
            "INSERT INTO article_prints (ref, published, fingerprint) VALUES (?1, ?2, ?3)
             ON CONFLICT (ref) DO UPDATE SET published = excluded.published, fingerprint = excluded.fingerprint",
            params![r, published, Fingerprint::of(&text).to_hex()],
        )?;
    }
    let missing: Vec<(String, i64, String)> = {
        tx.query_map(
            "SELECT article_ref, ordinal, data FROM mentions",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?
    };
    for (r, ord, data) in missing {
        let m: Mention = serde_json::from_str(&data)
            .map_err(|e| StoreError(format!("stored mention {r}#{ord} is unreadable: {e}")))?;
        tx.execute(
            "INSERT INTO mention_keys (article_ref, ordinal, link_key) VALUES (?1, ?2, ?3)
             ON CONFLICT (article_ref, ordinal) DO UPDATE SET link_key = excluded.link_key",
            params![r, ord, serde_json::to_string(&LinkKey::of(&m))?],
        )?;
    }
    Ok(())
}

/// The wire-copy groups as stored by the last relink: article → original (copies only).
pub(crate) fn stored_copies(tx: &Db) -> Result<BTreeMap<String, String>> {
    tx.query_map("SELECT ref, original FROM article_copies", params![], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
}

/// Recompute wire-copy groups over all articles and store them (only the rows that differ from
/// `previous`, the stored ones). Returns article → original.
pub(crate) fn refresh_copies(
    tx: &Db,
    previous: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>> {
    let prints: Vec<ArticlePrint> = {
        tx.query_map(
            "SELECT ref, published, fingerprint FROM article_prints",
            params![],
            |r| {
                let published: Option<String> = r.get(1)?;
                let fingerprint: Option<String> = r.get(2)?;
                Ok(ArticlePrint {
                    reference: r.get(0)?,
                    published: published
                        .and_then(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
                    fingerprint: Fingerprint::from_hex(fingerprint.as_deref().unwrap_or("")),
                })
            },
        )?
    };
    let copies = copy_groups(&prints);
    for (r, original) in previous {
        if copies.get(r) != Some(original) {
            tx.execute("DELETE FROM article_copies WHERE ref = ?1", params![r])?;
        }
    }
    for (r, original) in &copies {
        if r != original && previous.get(r) != Some(original) {
            tx.execute(
                "INSERT INTO article_copies (ref, original) VALUES (?1, ?2)
                 ON CONFLICT (ref) DO UPDATE SET original = excluded.original",
                params![r, original],
            )?;
        }
    }
    Ok(copies)
}

/// Every stored mention's link key, and each article's version.
#[allow(clippy::type_complexity)]
pub(crate) fn load_link_keys(tx: &Db) -> Result<(Vec<LinkKey>, Vec<i64>, HashMap<String, i64>)> {
    let mut keys = Vec::new();
    let mut ordinals = Vec::new();
    {
        tx.query_each(
            "SELECT article_ref, ordinal, link_key FROM mention_keys ORDER BY article_ref, ordinal",
            params![],
            |r| {
                let key: String = r.get(2)?;
                ordinals.push(r.get::<i64>(1)?);
                keys.push(serde_json::from_str(&key).map_err(|e| {
                    let aref: String = r.get(0).unwrap_or_default();
                    let ord: i64 = r.get(1).unwrap_or_default();
                    StoreError(format!(
                        "stored link key of mention {aref}#{ord} is unreadable: {e}"
                    ))
                })?);
                Ok(())
            },
        )?;
    }
    let versions = {
        tx.query_map("SELECT ref, version FROM articles", params![], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
    };
    Ok((keys, ordinals, versions))
}

pub(crate) fn write_incident_mentions(tx: &Db, id: &str, inc: &vigie_core::Incident) -> Result<()> {
    let mut mention_ids: Vec<&str> = inc.mentions.iter().map(String::as_str).collect();
    mention_ids.sort();
    mention_ids.dedup();
    for m in mention_ids {
        tx.execute(
            "INSERT INTO incident_mentions (incident_id, mention_id) VALUES (?1, ?2)",
            params![id, m],
        )?;
    }
    Ok(())
}

pub(crate) fn write_incident(
    tx: &Db,
    view: &IncidentView,
    hash: &str,
    country_code: &str,
    inc: Option<&vigie_core::Incident>,
    text_index: &mut search::TextIndexChanges,
) -> Result<()> {
    let actors: Vec<&str> = [
        &view.actor1,
        &view.assoc_actor_1,
        &view.actor2,
        &view.assoc_actor_2,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    let actors_lc = actors.join("\n").to_lowercase();
    let search = search::incident_search_text(view);
    tx.execute(
        "INSERT INTO incidents (id, date, event_type, sub_event_type, country, country_code, iso, admin1,
                                actor1, actor2, actors_lc, lat, lon, search, content_hash, timestamp, view, summary)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        params![
            view.id,
            view.date,
            view.event_type,
            view.sub_event_type,
            view.country,
            country_code,
            view.iso,
            view.admin1,
            view.actor1,
            view.actor2,
            actors_lc,
            view.latitude,
            view.longitude,
            search,
            hash,
            view.timestamp,
            serde_json::to_string(view)?,
            serde_json::to_string(&IncidentSummary::of(view))?
        ],
    )?;
    text_index.written(tx, &view.id);
    if let Some(inc) = inc {
        write_incident_mentions(tx, &view.id, inc)?;
    }
    let mut refs: Vec<&str> = view.articles.iter().map(|a| a.reference.as_str()).collect();
    refs.sort();
    refs.dedup();
    for r in refs {
        tx.execute(
            "INSERT INTO incident_articles (incident_id, article_ref) VALUES (?1, ?2)",
            params![view.id, r],
        )?;
    }
    if view
        .review
        .as_ref()
        .is_some_and(|r| r.status == corrections::NOT_AN_EVENT)
    {
        tx.execute(
            "UPDATE incidents SET dismissed = 1 WHERE id = ?1",
            params![&view.id],
        )?;
    }
    Ok(())
}
