//! `vigie watch` killed with SIGKILL at random moments, then restarted with `--once` until the
//! feed is done: every item is ingested exactly once — the same articles, incidents (ids
//! included) and alerts as one clean run, and every alert delivered.
//!
//! Each page says how many times it was fetched ("Révision N"), so an item ingested twice
//! (fetched again after its article was stored) would show as version 2 of its article.

mod common;
mod loopback;

use common::*;
use loopback::{page, rss_of, table_row, Reply, Server};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TOWNS: [&str; 12] = [
    "Boromo",
    "Djibo",
    "Sabou",
    "Houndé",
    "Kaya",
    "Dori",
    "Fada N'Gourma",
    "Ouahigouya",
    "Koudougou",
    "Tougan",
    "Gorom-Gorom",
    "Diapaga",
];

/// Fictional one-paragraph reports, French and English in turn.
fn report(i: usize) -> (String, String) {
    let town = TOWNS[i];
    let n = i + 2;
    let day = i + 1;
    if i & 1 == 0 {
        (
            format!("Burkina Faso : {n} civils tués à {town}"),
            format!(
                "Des hommes armés ont tué {n} civils à {town}, au Burkina Faso, le {day} mars 2026, selon des sources locales."
            ),
        )
    } else {
        (
            format!("Burkina Faso: {n} civilians killed in {town}"),
            format!(
                "Gunmen killed {n} civilians in {town}, Burkina Faso, on {day} March 2026, local sources said."
            ),
        )
    }
}

fn serve_feed(server: &Server) {
    let mut items = Vec::new();
    for i in 0..TOWNS.len() {
        let (title, text) = report(i);
        let path = format!("/articles/{i}.html");
        // Slow pages spread a run over time, so the kills land in the middle of it.
        let revision = if i & 1 == 0 {
            "Révision {fetch} de cette dépêche."
        } else {
            "Revision {fetch} of this dispatch."
        };
        server.set(
            &path,
            Reply::ok("text/html", page(&title, &[&text, revision]))
                .with_delay(Duration::from_millis(300))
                .numbered(),
        );
        items.push((
            format!("item-{i}"),
            title,
            server.url(&path),
            format!("{:02} Mar 2026 08:00:00 GMT", i + 2),
            text,
        ));
    }
    server.set(
        "/feed.xml",
        Reply::ok("application/rss+xml", rss_of(&items)),
    );
    server.set("/hook-clean", Reply::ok("text/plain", "ok"));
    server.set(
        "/hook-crashed",
        Reply::ok("text/plain", "ok").with_delay(Duration::from_millis(100)),
    );
}

fn setup(db: &Path, server: &Server, hook: &str) {
    for args in [
        vec!["feeds", "add", &server.url("/feed.xml"), "--name", "Sahel"],
        vec![
            "zones",
            "add",
            "Burkina",
            "--point",
            "12.3,-1.5",
            "--radius",
            "600",
        ],
        vec!["hooks", "add", &server.url(hook), "--secret", "k"],
    ] {
        let r = vigie(db, &args);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
}

fn watch_once(db: &Path) -> Run {
    let r = vigie(
        db,
        &["watch", "--once", "--allow-private", "--retry-after", "1"],
    );
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    r
}

fn jsonl(db: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let r = vigie(db, args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// What must be equal between a clean run and a crashed one (the pages' revision lines differ,
/// so incidents are compared on what they say, not on their quotes' mention ids).
fn outcome(db: &Path) -> (Vec<String>, Vec<serde_json::Value>, Vec<String>) {
    let mut articles: Vec<String> = jsonl(db, &["articles", "--format", "jsonl"])
        .iter()
        .map(|a| format!("{} v{} {} mentions", a["ref"], a["version"], a["mentions"]))
        .collect();
    articles.sort();
    let incidents = jsonl(db, &["incidents", "--format", "jsonl"])
        .into_iter()
        .map(|v| {
            let mut refs: Vec<&str> = v["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["ref"].as_str().unwrap())
                .collect();
            refs.sort();
            serde_json::json!({
                "id": v["id"], "date": v["date"], "event_type": v["event_type"],
                "sub_event_type": v["sub_event_type"], "location": v["location"],
                "latitude": v["latitude"], "longitude": v["longitude"],
                "actor1": v["actor1"], "actor2": v["actor2"],
                "fatalities": v["fatalities"], "articles": refs,
            })
        })
        .collect();
    let mut alerts: Vec<String> = jsonl(db, &["alerts", "--format", "jsonl", "--limit", "1000"])
        .iter()
        .map(|a| format!("{} {} {}", a["kind"], a["incident_id"], a["zone"]))
        .collect();
    alerts.sort();
    (articles, incidents, alerts)
}

/// A small deterministic generator (the seed is printed, so a failure can be replayed).
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn sigkill_at_random_moments_loses_nothing_and_ingests_nothing_twice() {
    let server = Server::start();
    serve_feed(&server);
    let dir = tempfile::tempdir().unwrap();

    // The clean run: one uninterrupted poll.
    let clean = dir.path().join("clean.db");
    setup(&clean, &server, "/hook-clean");
    let started = Instant::now();
    watch_once(&clean);
    let clean_run = started.elapsed();
    let expected = outcome(&clean);
    assert_eq!(expected.0.len(), TOWNS.len(), "{:?}", expected.0);
    assert_eq!(expected.1.len(), TOWNS.len());
    assert_eq!(expected.2.len(), TOWNS.len(), "one new alert per incident");

    // The crashed run: `vigie watch` (its loop) killed at random moments of a run.
    let crashed = dir.path().join("crashed.db");
    setup(&crashed, &server, "/hook-crashed");
    let seed = std::env::var("VIGIE_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("crash test seed {seed} (VIGIE_CRASH_SEED), clean run {clean_run:?}");
    let mut rng = Lcg(seed);
    let mut progress = Vec::new();
    for _ in 0..12 {
        let mut child = Command::new(BIN)
            .args(["--db", crashed.to_str().unwrap(), "-q", "watch"])
            .args(["--allow-private", "--interval", "1", "--retry-after", "1"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start vigie watch");
        // Each life is short (0.1–1.3 s, a few items), so the 12 kills spread over the work.
        std::thread::sleep(Duration::from_millis(100 + rng.below(1200)));
        child.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
        let _ = child.wait();
        let seen = jsonl(&crashed, &["feeds", "list", "--format", "jsonl"])[0]["items_seen"]
            .as_i64()
            .unwrap();
        progress.push(seen);
    }
    eprintln!("items seen after each kill: {progress:?}");

    // Restart with --once until the feed is done (nothing new in a run).
    let mut restarts = 0;
    loop {
        restarts += 1;
        assert!(restarts <= 5, "still not done after 5 restarts");
        let r = watch_once(&crashed);
        if r.stdout.contains("new items 0,") {
            break;
        }
    }
    // A delivery interrupted by a kill is retried after its back-off: let it come due.
    std::thread::sleep(Duration::from_millis(1100));
    watch_once(&crashed);

    let got = outcome(&crashed);
    assert_eq!(
        got.0, expected.0,
        "articles (each at version 1: none ingested twice)"
    );
    assert!(got.0.iter().all(|a| a.contains(" v1 ")), "{:?}", got.0);
    // The clean run fetched each page once; more than one more fetch means a kill interrupted
    // that item (its page was fetched again, its article still stored once).
    let refetched = (0..TOWNS.len())
        .filter(|i| server.requests(&format!("/articles/{i}.html")).len() > 2)
        .count();
    eprintln!(
        "pages fetched again after a kill: {refetched} of {}",
        TOWNS.len()
    );
    assert_eq!(got.1, expected.1, "incidents and their ids");
    assert_eq!(got.2, expected.2, "alerts");
    let feed = &jsonl(&crashed, &["feeds", "list", "--format", "jsonl"])[0];
    assert_eq!(feed["items_seen"], TOWNS.len());
    assert_eq!(feed["items_ingested"], TOWNS.len());

    // Every alert reached the hook at least once (a kill between the receiver's answer and
    // the status write sends it again: at-least-once, told apart by X-Vigie-Alert-Id).
    let alert_ids: std::collections::BTreeSet<i64> = jsonl(
        &crashed,
        &["alerts", "--format", "jsonl", "--limit", "1000"],
    )
    .iter()
    .map(|a| a["id"].as_i64().unwrap())
    .collect();
    let delivered_ids: std::collections::BTreeSet<i64> = server
        .requests("/hook-crashed")
        .iter()
        .filter(|r| r.status == 200)
        .filter_map(|r| r.headers.get("x-vigie-alert-id")?.parse().ok())
        .collect();
    assert!(
        alert_ids.is_subset(&delivered_ids),
        "undelivered: {:?}",
        alert_ids.difference(&delivered_ids).collect::<Vec<_>>()
    );
    let r = vigie(&crashed, &["hooks", "list"]);
    let row = table_row(&r.stdout, 1);
    assert_eq!(
        row[3..6],
        [TOWNS.len().to_string().as_str(), "0", "0"],
        "{}",
        r.stdout
    );
}
