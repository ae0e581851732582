//! The monitor's commands: `feeds`, `zones`, `hooks`, `alerts`, `watch`. The work is
//! `vigie-monitor`'s; here are only arguments, tables and messages.

use crate::output::{clip, table};
use anyhow::Context;
use std::path::Path;
use std::time::Duration;
use vigie_monitor::fetch::{FetchConfig, Fetcher};
use vigie_monitor::watch::{self, CycleReport, WatchConfig};
use vigie_monitor::zones::{self, Shape, Zone};
use vigie_store::{FeedRow, Store};

fn time(t: Option<i64>) -> String {
    t.and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_default()
}

/// A feed URL as accepted by `feeds add`: http(s) with a host.
pub fn check_feed_url(url: &str) -> anyhow::Result<()> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"));
    match rest {
        Some(r)
            if !r.is_empty() && !r.starts_with('/') && !url.chars().any(char::is_whitespace) =>
        {
            Ok(())
        }
        _ => anyhow::bail!("{url:?} is not an http(s) URL"),
    }
}

pub fn check_language(l: &str) -> anyhow::Result<()> {
    if matches!(l, "fr" | "en") {
        Ok(())
    } else {
        anyhow::bail!("--language {l:?}: expected fr or en")
    }
}

pub fn feeds_table(feeds: &[FeedRow]) -> String {
    let header = [
        "id",
        "url",
        "name",
        "lang",
        "seen",
        "ingested",
        "last success",
        "next poll",
        "last error",
    ];
    let rows: Vec<Vec<String>> = feeds
        .iter()
        .map(|f| {
            let error = match (&f.last_error, f.last_error_at) {
                (Some(e), at) if f.consecutive_errors > 0 => format!("{} ({})", e, time(at)),
                (Some(e), at) => format!("earlier: {} ({})", e, time(at)),
                _ => String::new(),
            };
            vec![
                f.id.to_string(),
                clip(&f.url, 48),
                clip(f.name.as_deref().unwrap_or(""), 24),
                f.language.clone().unwrap_or_default(),
                f.items_seen.to_string(),
                f.items_ingested.to_string(),
                time(f.last_success),
                if f.next_poll == 0 {
                    "now".into()
                } else {
                    time(Some(f.next_poll))
                },
                clip(&error, 72),
            ]
        })
        .collect();
    let mut s = table(&header, &rows);
    s.push_str(&format!(
        "{} feed{}\n",
        feeds.len(),
        if feeds.len() == 1 { "" } else { "s" }
    ));
    s
}

/// `feeds import FILE.opml`: (added, already followed).
pub fn import_opml(store: &mut Store, file: &Path) -> anyhow::Result<(usize, usize)> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let feeds = vigie_monitor::feed::parse_opml(&text)
        .map_err(|e| anyhow::anyhow!("{}:{e}", file.display()))?;
    let (mut added, mut known) = (0, 0);
    for f in feeds {
        let language = f.language.as_deref().filter(|l| matches!(*l, "fr" | "en"));
        let (_, new) = store.add_feed(&f.url, f.name.as_deref(), language, None)?;
        if new {
            added += 1;
        } else {
            known += 1;
        }
    }
    Ok((added, known))
}

pub fn zone_description(z: &Zone) -> String {
    match &z.shape {
        Shape::Point {
            lat,
            lon,
            radius_km,
        } => format!("{radius_km} km around {lat},{lon}"),
        Shape::Corridor { line, buffer_km } => {
            let km: f64 = line
                .windows(2)
                .map(|w| vigie_store::distance_km(w[0].0, w[0].1, w[1].0, w[1].1))
                .sum();
            format!(
                "{buffer_km} km either side of a {km:.0} km line of {} points",
                line.len()
            )
        }
        Shape::Polygon { polygons } => format!("{} polygon(s)", polygons.len()),
        Shape::Admin { name } => format!("admin unit {name}"),
    }
}

pub fn zones_table(zones: &[Zone]) -> String {
    let header = ["id", "name", "kind", "shape", "event types", "min severity"];
    let rows: Vec<Vec<String>> = zones
        .iter()
        .map(|z| {
            vec![
                z.id.to_string(),
                clip(&z.name, 32),
                z.shape.kind().to_string(),
                clip(&zone_description(z), 60),
                if z.event_types.is_empty() {
                    "all".into()
                } else {
                    clip(&z.event_types.join(", "), 40)
                },
                z.min_severity.to_string(),
            ]
        })
        .collect();
    let mut s = table(&header, &rows);
    s.push_str(&format!(
        "{} zone{}\n",
        zones.len(),
        if zones.len() == 1 { "" } else { "s" }
    ));
    s
}

pub fn load_zones(store: &Store) -> anyhow::Result<Vec<Zone>> {
    store
        .zones()?
        .iter()
        .map(|r| Zone::from_row(r).map_err(|e| anyhow::anyhow!(e)))
        .collect()
}

/// Add one zone after checking it.
pub fn add_zone(
    store: &mut Store,
    name: &str,
    shape: Shape,
    event_types: &[String],
    min_severity: u32,
) -> anyhow::Result<i64> {
    if name.trim().is_empty() {
        anyhow::bail!("a zone needs a name");
    }
    shape
        .validate()
        .map_err(|e| anyhow::anyhow!("zone {name:?}: {e}"))?;
    let geometry = serde_json::to_value(&shape)?;
    Ok(store.add_zone(
        name.trim(),
        shape.kind(),
        &geometry,
        event_types,
        min_severity,
    )?)
}

/// `zones import FILE.geojson`: every feature or none (the file is checked first).
pub fn import_zones(store: &mut Store, file: &Path) -> anyhow::Result<usize> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let specs =
        zones::parse_geojson(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    for z in &specs {
        add_zone(
            store,
            &z.name,
            z.shape.clone(),
            &z.event_types,
            z.min_severity,
        )
        .with_context(|| file.display().to_string())?;
    }
    Ok(specs.len())
}

pub fn alerts_table(alerts: &[vigie_store::AlertRow]) -> String {
    let header = [
        "id", "time", "zone", "kind", "incident", "date", "type", "location", "killed", "changes",
    ];
    let rows: Vec<Vec<String>> = alerts
        .iter()
        .map(|a| {
            let inc = &a.payload["incident"];
            let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
            vec![
                a.id.to_string(),
                time(Some(a.created_at)),
                clip(&a.zone, 24),
                a.kind.clone(),
                a.incident_id.clone(),
                s(&inc["date"]),
                clip(&s(&inc["event_type"]), 28),
                clip(&s(&inc["location"]), 24),
                inc["fatalities"]["best"]
                    .as_u64()
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                clip(&a.changes.join("; "), 60),
            ]
        })
        .collect();
    let mut s = table(&header, &rows);
    s.push_str(&format!(
        "{} alert{}\n",
        alerts.len(),
        if alerts.len() == 1 { "" } else { "s" }
    ));
    s
}

pub struct WatchArgs {
    pub interval: Duration,
    pub once: bool,
    pub allow_private: bool,
    pub timeout: Duration,
    pub max_bytes: u64,
    pub fetch_pages: bool,
    pub retry_base: Duration,
}

pub fn fetcher_for(args: &WatchArgs) -> Fetcher {
    Fetcher::new(FetchConfig {
        timeout: args.timeout,
        max_bytes: args.max_bytes,
        allow_private: args.allow_private,
        ..FetchConfig::default()
    })
}

pub fn watch_config(args: &WatchArgs) -> WatchConfig {
    WatchConfig {
        interval: args.interval,
        poll_all: args.once,
        fetch_pages: args.fetch_pages,
        retry_base: args.retry_base,
    }
}

/// The lines a cycle prints: its summary, then one per feed error.
pub fn cycle_lines(r: &CycleReport) -> String {
    let mut s = format!("{} {}\n", chrono::Utc::now().format("%H:%M:%S"), r.line());
    for (url, e) in &r.feed_errors {
        s.push_str(&format!("  feed {url}: {e}\n"));
    }
    s
}

/// `vigie watch`: one cycle with `--once`, else cycles until interrupted.
pub fn run_watch(store: &mut Store, args: &WatchArgs, quiet: bool) -> anyhow::Result<i32> {
    let fetcher = fetcher_for(args);
    let config = watch_config(args);
    if args.once {
        let r = watch::cycle(store, &fetcher, &config).map_err(|e| anyhow::anyhow!(e))?;
        if !quiet {
            print!("{}", cycle_lines(&r));
        }
        return Ok(0);
    }
    // The feeds' own next-poll times decide what each cycle fetches; the loop only wakes up
    // often enough to honour them (and to retry webhooks).
    let tick = args
        .interval
        .min(Duration::from_secs(1))
        .max(Duration::from_millis(200));
    watch::run(
        store,
        &fetcher,
        &config,
        tick,
        &|| false,
        &mut |r| match r {
            Ok(r) => {
                let busy = r.feeds_polled > 0
                    || r.alerts > 0
                    || r.delivered > 0
                    || r.delivery_failures > 0;
                if !quiet && busy {
                    print!("{}", cycle_lines(r));
                }
            }
            Err(e) => eprintln!("error: {e}"),
        },
    );
    Ok(0)
}
