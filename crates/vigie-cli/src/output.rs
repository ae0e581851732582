//! Rendering incidents and articles: tables, ACLED CSV, GeoJSON, and the `show` page.

use vigie_store::{
    figure_claims_text, value_text, ArticleRow, EstimateView, IncidentView, RejectionRow,
};

/// ACLED's export columns, in ACLED's order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Vigie's columns after ACLED's.
pub const EXTRA_COLUMNS: [&str; 13] = [
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "abducted_low",
    "abducted_best",
    "abducted_high",
    "attackers_low",
    "attackers_best",
    "attackers_high",
    "injured_low",
    "injured_best",
    "injured_high",
    "article_refs",
];

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

/// ACLED's single fatality figure: the best estimate, else the lowest, else 0.
pub fn acled_fatalities(v: &IncidentView) -> u32 {
    v.fatalities.best.or(v.fatalities.low).unwrap_or(0)
}

/// One CSV row, in the order of [`ACLED_COLUMNS`] then [`EXTRA_COLUMNS`].
pub fn csv_row(v: &IncidentView) -> Vec<String> {
    let year = v
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .unwrap_or("")
        .to_string();
    let mut row = vec![
        v.event_id_cnty.clone(),
        opt(&v.date),
        year,
        opt(&v.time_precision),
        opt(&v.disorder_type),
        opt(&v.event_type),
        opt(&v.sub_event_type),
        opt(&v.actor1),
        opt(&v.assoc_actor_1),
        opt(&v.inter1),
        opt(&v.actor2),
        opt(&v.assoc_actor_2),
        opt(&v.inter2),
        opt(&v.interaction),
        opt(&v.civilian_targeting),
        opt(&v.iso),
        opt(&v.region),
        opt(&v.country),
        opt(&v.admin1),
        opt(&v.admin2),
        opt(&v.admin3),
        opt(&v.location),
        v.latitude.map(|x| format!("{x:.4}")).unwrap_or_default(),
        v.longitude.map(|x| format!("{x:.4}")).unwrap_or_default(),
        opt(&v.geo_precision),
        opt(&v.source),
        opt(&v.source_scale),
        opt(&v.notes),
        acled_fatalities(v).to_string(),
        opt(&v.tags),
        v.timestamp.to_string(),
    ];
    for e in [v.fatalities, v.abducted, v.attackers, v.injured] {
        row.push(opt(&e.low));
        row.push(opt(&e.best));
        row.push(opt(&e.high));
    }
    row.push(
        v.articles
            .iter()
            .map(|a| a.reference.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    );
    row
}

pub fn write_csv<W: std::io::Write>(views: &[IncidentView], out: W) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let header: Vec<&str> = ACLED_COLUMNS
        .iter()
        .chain(EXTRA_COLUMNS.iter())
        .copied()
        .collect();
    w.write_record(&header)?;
    for v in views {
        w.write_record(csv_row(v))?;
    }
    w.flush()?;
    Ok(())
}

/// A GeoJSON FeatureCollection of the incidents that have coordinates.
pub fn geojson(views: &[IncidentView]) -> serde_json::Value {
    let features: Vec<serde_json::Value> = views
        .iter()
        .filter_map(|v| {
            let (lat, lon) = (v.latitude?, v.longitude?);
            Some(serde_json::json!({
                "type": "Feature",
                "id": v.id,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "id": v.id,
                    "date": v.date,
                    "time_precision": v.time_precision,
                    "event_type": v.event_type,
                    "sub_event_type": v.sub_event_type,
                    "actor1": v.actor1,
                    "actor2": v.actor2,
                    "country": v.country,
                    "admin1": v.admin1,
                    "admin2": v.admin2,
                    "location": v.location,
                    "geo_precision": v.geo_precision,
                    "fatalities": v.fatalities,
                    "abducted": v.abducted,
                    "attackers": v.attackers,
                    "articles": v.articles.iter().map(|a| a.reference.clone()).collect::<Vec<_>>(),
                    "notes": v.notes,
                    "review": v.review.as_ref().map(|r| r.status.as_str()),
                }
            }))
        })
        .collect();
    serde_json::json!({"type": "FeatureCollection", "features": features})
}

fn width(s: &str) -> usize {
    s.chars().count()
}

pub fn clip(s: &str, max: usize) -> String {
    if width(s) <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A plain, aligned text table.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(width(c));
            }
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(widths[i] - width(c) + 2));
            }
        }
        s.trim_end().to_string()
    };
    let mut out = line(header.to_vec());
    out.push('\n');
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}

/// "3", "3–4", "150–?" for an estimate's range, with the best figure.
pub fn estimate_text(e: EstimateView) -> Option<String> {
    let range = match (e.low, e.high) {
        (Some(l), Some(h)) if l == h => l.to_string(),
        (Some(l), Some(h)) => format!("{l}–{h}"),
        (Some(l), None) => format!("{l}–?"),
        (None, Some(h)) => format!("?–{h}"),
        (None, None) => return e.best.map(|b| format!("best {b}")),
    };
    Some(match e.best {
        Some(b) => format!("{range} (best {b})"),
        None => range,
    })
}

pub fn incidents_table(views: &[IncidentView]) -> String {
    let header = [
        "id", "date", "type", "location", "country", "actor1", "actor2", "killed", "abducted",
        "articles",
    ];
    let rows: Vec<Vec<String>> = views
        .iter()
        .map(|v| {
            vec![
                v.id.clone(),
                opt(&v.date),
                clip(
                    v.sub_event_type
                        .as_deref()
                        .or(v.event_type.as_deref())
                        .unwrap_or(""),
                    30,
                ),
                clip(v.location.as_deref().unwrap_or(""), 24),
                opt(&v.country),
                clip(v.actor1.as_deref().unwrap_or(""), 32),
                clip(v.actor2.as_deref().unwrap_or(""), 28),
                estimate_text(v.fatalities).unwrap_or_default(),
                estimate_text(v.abducted).unwrap_or_default(),
                v.articles.len().to_string(),
            ]
        })
        .collect();
    let mut s = table(&header, &rows);
    s.push_str(&format!(
        "{} incident{}\n",
        views.len(),
        if views.len() == 1 { "" } else { "s" }
    ));
    s
}

pub fn articles_table(rows: &[ArticleRow], rejections: &[RejectionRow]) -> String {
    let header = [
        "ref", "language", "status", "version", "mentions", "copy of", "errors",
    ];
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let errors: Vec<&str> = r
                .diagnostics
                .iter()
                .filter(|d| d.starts_with("warning"))
                .map(String::as_str)
                .collect();
            vec![
                clip(&r.reference, 48),
                r.language.clone(),
                r.status.clone(),
                r.version.to_string(),
                r.mentions.to_string(),
                clip(r.copy_of.as_deref().unwrap_or(""), 32),
                clip(&errors.join("; "), 80),
            ]
        })
        .collect();
    let mut s = table(&header, &body);
    s.push_str(&format!(
        "{} article{}\n",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    ));
    if !rejections.is_empty() {
        s.push_str(&format!(
            "\n{} rejected input{}:\n",
            rejections.len(),
            if rejections.len() == 1 { "" } else { "s" }
        ));
        for r in rejections {
            s.push_str(&format!("rejected: {}\n", r.rejection));
        }
    }
    s
}

fn time_precision_word(p: u8) -> &'static str {
    match p {
        1 => "day",
        2 => "week",
        3 => "month",
        _ => "?",
    }
}

fn geo_precision_word(p: u8) -> &'static str {
    match p {
        1 => "the named place",
        2 => "near the place",
        3 => "region only",
        _ => "?",
    }
}

/// The human-readable page of one incident: header, figures with their claims, every claim.
pub fn show_text(v: &IncidentView) -> String {
    let mut s = String::new();
    let dash = "—".to_string();
    s.push_str(&format!("Incident {}\n", v.id));
    s.push_str(&format!(
        "  Type:     {} / {}{}\n",
        v.event_type.as_deref().unwrap_or("?"),
        v.sub_event_type.as_deref().unwrap_or("?"),
        v.disorder_type
            .as_ref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default()
    ));
    let date = match (&v.date, v.time_precision) {
        (Some(d), Some(p)) => format!("{d} (time precision {p}: {})", time_precision_word(p)),
        (Some(d), None) => d.clone(),
        _ => "unknown".into(),
    };
    s.push_str(&format!("  Date:     {date}\n"));
    let mut place = v.location.clone().unwrap_or_else(|| "unknown".into());
    let within = v.enclosing_units(true);
    if !within.is_empty() {
        place.push_str(&format!(", {}", within.join(", ")));
    }
    if let (Some(lat), Some(lon)) = (v.latitude, v.longitude) {
        place.push_str(&format!(" ({lat:.4}, {lon:.4})"));
    }
    if let Some(p) = v.geo_precision {
        place.push_str(&format!(" — geo precision {p}: {}", geo_precision_word(p)));
    }
    s.push_str(&format!("  Place:    {place}\n"));
    if let Some(r) = &v.review {
        s.push_str(&format!(
            "  Review:   {} by {} (vigie history {}){}\n",
            r.status,
            r.reviewers.join(", "),
            v.id,
            if r.notes.is_empty() {
                String::new()
            } else {
                format!(" — {}", r.notes.join("; "))
            }
        ));
    }
    let actor = |name: &Option<String>, assoc: &Option<String>, inter: Option<u8>| -> String {
        let mut a = name.clone().unwrap_or_else(|| dash.clone());
        if let Some(i) = inter {
            a.push_str(&format!(" [inter {i}]"));
        }
        if let Some(x) = assoc {
            a.push_str(&format!(" with {x}"));
        }
        a
    };
    s.push_str(&format!(
        "  Actor 1:  {}\n",
        actor(&v.actor1, &v.assoc_actor_1, v.inter1)
    ));
    s.push_str(&format!(
        "  Actor 2:  {}\n",
        actor(&v.actor2, &v.assoc_actor_2, v.inter2)
    ));
    if !v.targets.is_empty() {
        let t: Vec<String> = v
            .targets
            .iter()
            .map(|t| match &t.name {
                Some(n) => format!("{} ({n})", t.kind),
                None => t.kind.clone(),
            })
            .collect();
        s.push_str(&format!("  Targets:  {}\n", t.join(", ")));
    }
    if !v.people.is_empty() {
        s.push_str(&format!("  People:   {}\n", v.people.join(", ")));
    }
    if let Some(op) = &v.operation {
        s.push_str(&format!("  Operation: {op}\n"));
    }
    s.push_str("\nFigures\n");
    for (name, e) in [
        ("fatalities", v.fatalities),
        ("injured", v.injured),
        ("abducted", v.abducted),
        ("attackers", v.attackers),
    ] {
        let claims = figure_claims_text(v, name);
        match estimate_text(e) {
            Some(t) if claims.is_empty() => s.push_str(&format!("  {name}: {t}\n")),
            Some(t) => s.push_str(&format!("  {name}: {t} — {claims}\n")),
            None if !claims.is_empty() => s.push_str(&format!("  {name}: — {claims}\n")),
            None => s.push_str(&format!("  {name}: none reported\n")),
        }
    }
    s.push_str(&format!("\nClaims ({})\n", v.claims.len()));
    for c in &v.claims {
        let mut flags = Vec::new();
        if c.hedged {
            flags.push("unconfirmed");
        }
        if c.background {
            flags.push("recalled in passing");
        }
        if let Some(vi) = &c.victims {
            flags.push(vi.as_str());
        }
        s.push_str(&format!(
            "  {}: {} «{}» — {} [{}..{}], attributed to {}{}\n",
            c.field,
            value_text(&c.value),
            c.quote.replace('\n', " "),
            c.article,
            c.start,
            c.end,
            c.attributed_to.as_deref().unwrap_or("—"),
            if flags.is_empty() {
                String::new()
            } else {
                format!(" ({})", flags.join(", "))
            }
        ));
    }
    s.push_str(&format!("\nSources ({})\n", v.articles.len()));
    for a in &v.articles {
        let parts: Vec<String> = [
            a.outlet.clone(),
            a.published.clone(),
            a.language.clone(),
            a.title.clone(),
            a.url.clone(),
        ]
        .into_iter()
        .flatten()
        .chain(
            a.copy_of
                .as_ref()
                .map(|o| format!("wire copy of {o}, counted once")),
        )
        .collect();
        s.push_str(&format!(
            "  {}{}\n",
            a.reference,
            if parts.is_empty() {
                String::new()
            } else {
                format!(" — {}", parts.join(" · "))
            }
        ));
    }
    if let Some(n) = &v.notes {
        s.push_str(&format!("\nNotes: {n}\n"));
    }
    if let Some(t) = &v.tags {
        s.push_str(&format!("Tags: {t}\n"));
    }
    s
}

/// `vigie geocode` as text: the story's country, then each place found with the candidate chosen,
/// why, and the other candidates (with their reasons when `verbose`).
pub fn geocode_text(g: &vigie_geo::Geocoding, verbose: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let votes: Vec<String> = g
        .country_votes
        .iter()
        .map(|v| format!("{} {}", v.country, v.votes))
        .collect();
    let _ = writeln!(
        out,
        "story's country: {} (votes: {})",
        g.country.as_deref().unwrap_or("undecided"),
        if votes.is_empty() {
            "none".to_string()
        } else {
            votes.join(", ")
        }
    );
    if g.places.is_empty() {
        let _ = writeln!(out, "no place found");
    }
    for p in &g.places {
        let _ = writeln!(out, "\n{:?} at {}..{}", p.surface, p.start, p.end);
        match &p.chosen {
            Some(r) => {
                let point = match (r.latitude, r.longitude) {
                    (Some(la), Some(lo)) => format!("{la:.4},{lo:.4}"),
                    _ => "no point".to_string(),
                };
                let units: Vec<&str> = [&r.admin1, &r.admin2, &r.admin3]
                    .iter()
                    .filter_map(|a| a.as_deref())
                    .collect();
                let _ = writeln!(
                    out,
                    "  chosen: {} [{}] {} {} geo_precision {}",
                    r.location,
                    r.country_code,
                    units.join(" / "),
                    point,
                    r.geo_precision
                );
            }
            None => {
                let _ = writeln!(out, "  chosen: none");
            }
        }
        for w in &p.why {
            let _ = writeln!(out, "  why: {w}");
        }
        for (i, c) in p.candidates.iter().enumerate() {
            let units: Vec<&str> = [&c.admin1, &c.admin2, &c.admin3]
                .iter()
                .filter_map(|a| a.as_deref())
                .collect();
            let _ = writeln!(
                out,
                "  {} {:>6.2} {} [{}] {:?} {} {:.4},{:.4}{}{}",
                if i == 0 { "*" } else { "-" },
                c.score,
                c.name,
                c.country_code,
                c.kind,
                units.join(" / "),
                c.latitude,
                c.longitude,
                if c.exact { "" } else { " (similar spelling)" },
                c.nearest_other_place
                    .as_deref()
                    .map(|d| format!("; {d}"))
                    .unwrap_or_default()
            );
            if verbose {
                for r in &c.reasons {
                    let _ = writeln!(out, "        {r}");
                }
            }
        }
    }
    out
}
