//! PostgreSQL as the shared store: several `vigie` processes on one database at once.
//!
//! Needs a server: `VIGIE_TEST_POSTGRES=postgres://…` (set by `scripts/with_postgres.sh`, which
//! `make test` and CI use). Without it these tests return early, unless
//! `VIGIE_REQUIRE_POSTGRES=1`, which makes a missing server a failure.

mod common;
use common::*;
use std::path::{Path, PathBuf};

fn pg_url() -> Option<String> {
    match std::env::var("VIGIE_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("VIGIE_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                "VIGIE_REQUIRE_POSTGRES=1 but VIGIE_TEST_POSTGRES names no database"
            );
            eprintln!("VIGIE_TEST_POSTGRES is not set: PostgreSQL test skipped");
            None
        }
    }
}

/// A schema of its own in the test database, dropped at the end; `url` opens the database
/// with that schema first on the search path.
struct Scratch {
    client: postgres::Client,
    schema: String,
    url: String,
}

impl Scratch {
    fn new(base: &str, name: &str) -> Scratch {
        let schema = format!("vigie_cli_{}_{name}", std::process::id());
        let mut client = postgres::Client::connect(base, postgres::NoTls).expect("connect");
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
            ))
            .expect("create schema");
        let sep = if base.contains('?') { '&' } else { '?' };
        let url = format!("{base}{sep}options=-csearch_path%3D{schema}");
        Scratch {
            client,
            schema,
            url,
        }
    }

    fn db(&self) -> PathBuf {
        PathBuf::from(&self.url)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = self
            .client
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
    }
}

/// (ref, version) of every stored article.
fn articles(db: &Path) -> Vec<(String, u64)> {
    let r = vigie(db, &["articles", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("jsonl");
            (
                v["ref"].as_str().expect("ref").to_string(),
                v["version"].as_u64().expect("version"),
            )
        })
        .collect()
}

#[test]
fn three_concurrent_ingests_end_as_one_process() {
    let Some(base) = pg_url() else { return };
    let dir = tempfile::tempdir().unwrap();
    let lines = sample_lines();
    assert!(
        lines.len() >= 30,
        "sample corpus has {} reports",
        lines.len()
    );
    // First the same file of half the reports sent by three processes at the same moment:
    // their ingests and relinks overlap. Then the other half in small files, so that each
    // process runs several ingest + relink cycles while the others do; every fourth file is
    // sent by two processes.
    let (first, rest) = lines.split_at(lines.len() / 2);
    let first_path = dir.path().join("first.jsonl");
    write(&first_path, (first.join("\n") + "\n").as_bytes());
    let mut files: Vec<Vec<PathBuf>> = vec![vec![first_path.clone()]; 3];
    let mut all = vec![first_path];
    for (i, chunk) in rest.chunks(3).enumerate() {
        let worker = i % 3;
        let part: Vec<&str> = chunk.iter().map(String::as_str).collect();
        let path = dir.path().join(format!("part{i}.jsonl"));
        write(&path, (part.join("\n") + "\n").as_bytes());
        files[worker].push(path.clone());
        if i % 4 == 0 {
            files[(worker + 1) % 3].push(path.clone());
        }
        all.push(path);
    }

    let shared = Scratch::new(&base, "shared");
    // Create the schema first, as an administrator would; the workers then race on data only.
    let r = vigie(&shared.db(), &["incidents"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let start = std::sync::Arc::new(std::sync::Barrier::new(3));
    let workers: Vec<_> = files
        .into_iter()
        .map(|paths| {
            let db = shared.db();
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                for p in paths {
                    let r = vigie(&db, &["--quiet", "ingest", p.to_str().unwrap()]);
                    assert_eq!(r.code, 0, "{}", r.stderr);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker");
    }

    let single = Scratch::new(&base, "single");
    let mut args = vec!["--quiet", "ingest"];
    args.extend(all.iter().map(|p| p.to_str().unwrap()));
    let r = vigie(&single.db(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);

    let stored = articles(&shared.db());
    assert_eq!(
        stored.len(),
        lines.len(),
        "every article stored exactly once"
    );
    assert!(
        stored.iter().all(|(_, v)| *v == 1),
        "an article sent twice is unchanged the second time: {stored:?}"
    );
    assert_eq!(stored, articles(&single.db()));
    let a = incidents_without_timestamps(&shared.db());
    let b = incidents_without_timestamps(&single.db());
    assert!(a.len() >= 10, "only {} incidents", a.len());
    assert_eq!(a, b, "three processes at once and one process differ");
}

#[test]
fn a_bad_postgres_url_is_one_clear_line() {
    let r = vigie(
        Path::new("postgres://nobody@127.0.0.1:1/none"),
        &["incidents"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    let lines = r.stderr_lines();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert!(
        lines[0].contains("cannot connect to postgres://nobody@127.0.0.1:1/none"),
        "{}",
        r.stderr
    );
    let r = vigie(
        Path::new("postgres://u:secret@127.0.0.1:notaport/db"),
        &["incidents"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("invalid PostgreSQL URL"), "{}", r.stderr);
    assert!(!r.stderr.contains("secret"), "password shown: {}", r.stderr);
}

#[test]
fn a_sqlite_store_migrates_to_postgres_with_the_same_answers() {
    let Some(base) = pg_url() else { return };
    let dir = tempfile::tempdir().unwrap();
    let lines = sample_lines();
    let input = dir.path().join("all.jsonl");
    write(&input, (lines.join("\n") + "\n").as_bytes());
    let file = dir.path().join("v.db");
    let r = vigie(&file, &["--quiet", "ingest", input.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    let pg = Scratch::new(&base, "migrated");
    let r = vigie(
        &file,
        &["migrate", "--from", file.to_str().unwrap(), "--to", &pg.url],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("migrated"), "{}", r.stderr);
    let with_ts = |db: &Path| vigie(db, &["incidents", "--format", "jsonl"]).stdout;
    assert_eq!(
        with_ts(&file),
        with_ts(&pg.db()),
        "same incidents, timestamps too"
    );
    assert_eq!(articles(&file), articles(&pg.db()));
    // The copy is a working store: an unchanged re-ingest changes nothing there either.
    let r = vigie(&pg.db(), &["ingest", input.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(with_ts(&file), with_ts(&pg.db()));
    // Migrating again into a store that holds data is refused.
    let r = vigie(
        &file,
        &["migrate", "--from", file.to_str().unwrap(), "--to", &pg.url],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("not empty"), "{}", r.stderr);
}

/// `vigie serve` on a PostgreSQL store answers its API (the store is opened before the server's
/// runtime starts: the PostgreSQL client runs a runtime of its own).
#[test]
fn serve_answers_from_a_postgres_store() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let Some(base) = pg_url() else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("all.jsonl");
    write(&input, (sample_lines().join("\n") + "\n").as_bytes());
    let pg = Scratch::new(&base, "served");
    let r = vigie(&pg.db(), &["--quiet", "ingest", input.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .arg("--db")
        .arg(pg.db())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env_remove("VIGIE_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start vigie serve");
    let stderr = child.stderr.take().unwrap();
    let mut said = String::new();
    let mut addr = None;
    for line in BufReader::new(stderr).lines().map_while(Result::ok) {
        said.push_str(&line);
        said.push('\n');
        if let Some(rest) = line.split("on http://").nth(1) {
            addr = Some(rest.split('/').next().unwrap_or("").to_string());
            break;
        }
    }
    let Some(addr) = addr else {
        let _ = child.kill();
        panic!("vigie serve did not start on PostgreSQL: {said}");
    };
    let get = |path: &str| -> serde_json::Value {
        let mut r = ureq::get(&format!("http://{addr}{path}"))
            .call()
            .expect(path);
        serde_json::from_str(&r.body_mut().read_to_string().unwrap()).unwrap()
    };
    let list = get("/api/incidents");
    let map = get("/api/map?zoom=0");
    let _ = child.kill();
    let _ = child.wait();
    let total = list["total"].as_u64().unwrap();
    assert!(total >= 1, "{list}");
    assert_eq!(map["total"].as_u64(), Some(total), "{map}");
}
