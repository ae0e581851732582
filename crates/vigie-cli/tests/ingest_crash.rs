//! `vigie ingest` killed with SIGKILL at random (seeded) moments, 20 times, then run to the end:
//! the store holds the same articles (and versions), mentions, incidents and ids as one clean
//! run, and `PRAGMA integrity_check` says ok.
//!
//! The corpus is generated (fictional template reports, French and English) and large enough
//! for several batch transactions (`ingest::BATCH` articles each) and a relink, so the kills
//! land before, between and inside them. Replay a failure with `VIGIE_CRASH_SEED=<seed>`.

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TOWNS: [&str; 16] = [
    "Djibo",
    "Kaya",
    "Dori",
    "Boni",
    "Tessit",
    "Ménaka",
    "Douentza",
    "Kayes",
    "Tillia",
    "Ayorou",
    "Téra",
    "Arbinda",
    "Titao",
    "Barsalogho",
    "Ansongo",
    "Bankass",
];
const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Articles in the generated corpus: over two full batches and a partial one.
const ARTICLES: usize = 1_150;
const KILLS: usize = 20;
const ROUNDS: usize = 5;

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

/// Fictional one-paragraph reports from templates (fixed, whatever the kill seed). One in ten
/// restates an earlier report (another outlet, same event) so linking joins articles.
fn corpus() -> String {
    let mut out = String::new();
    for i in 0..ARTICLES {
        let k = if i % 10 == 9 { i - 1 } else { i };
        // Each report's facts derive from its index (a restatement uses its original's).
        let mut facts = Lcg(k as u64 * 7919 + 13);
        let town = TOWNS[facts.below(TOWNS.len() as u64) as usize];
        let day = 1 + facts.below(27) as usize;
        let month = facts.below(12) as usize;
        let n = 2 + facts.below(30) as usize;
        let published = format!("2025-{:02}-{:02}", month + 1, day + 1);
        let (language, text) = if k % 2 == 0 {
            (
                "fr",
                format!(
                    "Des hommes armés ont tué {n} civils à {town} le {day} {} 2025, selon des sources locales. \
                     Les assaillants, arrivés à moto, ont aussi incendié des greniers. (Dépêche fictive {i}.)",
                    MOIS[month]
                ),
            )
        } else {
            (
                "en",
                format!(
                    "Gunmen attacked an army post near {town} on {} {day}, 2025, killing {n} soldiers, \
                     a security source said. The attackers fled on motorbikes. (Fictional dispatch {i}.)",
                    MONTHS[month]
                ),
            )
        };
        let record = serde_json::json!({
            "id": format!("gen-{i}"),
            "title": format!("Report {i}"),
            "outlet": if i % 10 == 9 { "Second outlet (fictional)" } else { "First outlet (fictional)" },
            "published": published,
            "language": language,
            "text": text,
        });
        out.push_str(&record.to_string());
        out.push('\n');
    }
    out
}

fn ingest(db: &Path, input: &Path) {
    let r = vigie(db, &["-q", "ingest", input.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
}

/// Everything the store says, read with SQL and the CLI: article versions and hashes, mention
/// ids, incident membership, and each incident as exported (its write time left out).
struct Outcome {
    articles: Vec<String>,
    mentions: Vec<String>,
    memberships: Vec<String>,
    incidents: Vec<serde_json::Value>,
}

fn rows(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
    let mut st = conn.prepare(sql).unwrap();
    let cols = st.column_count();
    st.query_map([], |r| {
        let mut parts = Vec::new();
        for c in 0..cols {
            let v: rusqlite::types::Value = r.get(c)?;
            parts.push(format!("{v:?}"));
        }
        Ok(parts.join(" "))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

fn outcome(db: &Path) -> Outcome {
    let conn = rusqlite::Connection::open(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "integrity_check of {}", db.display());
    let articles = rows(
        &conn,
        "SELECT ref, version, content_hash FROM article_versions ORDER BY ref, version",
    );
    let mentions = rows(
        &conn,
        "SELECT article_ref, ordinal, id FROM mentions ORDER BY article_ref, ordinal",
    );
    let memberships = rows(
        &conn,
        "SELECT incident_id, mention_id FROM incident_mentions ORDER BY 1, 2",
    );
    drop(conn);
    let r = vigie(db, &["incidents", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut incidents: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("timestamp");
            v
        })
        .collect();
    incidents.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    Outcome {
        articles,
        mentions,
        memberships,
        incidents,
    }
}

#[test]
fn ingest_killed_twenty_times_then_resumed_equals_a_clean_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("generated.jsonl");
    std::fs::write(&input, corpus()).unwrap();

    let clean = dir.path().join("clean.db");
    let started = Instant::now();
    ingest(&clean, &input);
    let clean_run = started.elapsed();
    let expected = outcome(&clean);
    assert_eq!(expected.articles.len(), ARTICLES, "one version per article");
    assert!(
        expected.mentions.len() >= ARTICLES / 2,
        "the reports give mentions: {}",
        expected.mentions.len()
    );
    assert!(
        expected.incidents.len() < expected.mentions.len(),
        "restated reports link into incidents"
    );

    let seed = std::env::var("VIGIE_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("ingest crash test seed {seed} (VIGIE_CRASH_SEED), clean run {clean_run:?}");
    let mut rng = Lcg(seed);
    // Kill moments spread over the whole clean run (and a little past it: a run that already
    // ended is simply not killed), so lives die in reading, processing, a batch's transaction
    // or the relink. Five rounds on a fresh store each, four kills then a resumed run: the
    // kills land at every stage, not only in the relink of an all-stored corpus.
    let span = (clean_run.as_millis() as u64).max(200) * 11 / 10;
    let mut killed = 0;
    for round in 0..ROUNDS {
        let crashed = dir.path().join(format!("crashed-{round}.db"));
        let mut after = Vec::new();
        for _ in 0..KILLS / ROUNDS {
            // A life that ended before its moment (a resumed run has less to do, and a loaded
            // machine stretches the clean run's timing) is tried again with an earlier moment,
            // so the lives really die mid-run whatever the machine's speed.
            for attempt in 0..3 {
                let mut child = Command::new(BIN)
                    .arg("--db")
                    .arg(&crashed)
                    .args(["-q", "ingest", input.to_str().unwrap()])
                    .env_remove("VIGIE_DB")
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("start vigie ingest");
                std::thread::sleep(Duration::from_millis(
                    rng.below((span >> (2 * attempt)).max(1)),
                ));
                let died = child.try_wait().unwrap().is_none();
                if died {
                    child.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
                    killed += 1;
                }
                let _ = child.wait();
                after.push(stage(&crashed));
                if died {
                    break;
                }
            }
        }
        eprintln!("round {round}: after each life (articles stored, relink pending): {after:?}");
        ingest(&crashed, &input);
        let got = outcome(&crashed);
        assert_eq!(
            got.articles, expected.articles,
            "articles, versions, hashes"
        );
        assert_eq!(got.mentions, expected.mentions, "mention ids");
        assert_eq!(got.memberships, expected.memberships, "incident members");
        assert_eq!(got.incidents.len(), expected.incidents.len());
        for (g, e) in got.incidents.iter().zip(&expected.incidents) {
            assert_eq!(g, e, "incident {}", e["id"]);
        }
    }
    eprintln!("killed {killed} of {KILLS} lives");
    assert!(
        killed * 2 >= KILLS,
        "most lives must be killed mid-run ({killed} of {KILLS})"
    );
}

/// (articles stored, relink flagged) of a store a killed run left, or None before it exists.
fn stage(db: &Path) -> Option<(i64, String)> {
    if !db.exists() {
        return None;
    }
    let conn = rusqlite::Connection::open(db).ok()?;
    let n = conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .ok()?;
    let flag = conn
        .query_row(
            "SELECT value FROM store_meta WHERE key = 'relink_needed'",
            [],
            |r| r.get(0),
        )
        .unwrap_or_else(|_| "-".to_string());
    Some((n, flag))
}
