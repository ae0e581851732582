//! The API under abuse, through the real `vigie serve` on 127.0.0.1: hostile filter and search
//! strings (SQL, LIKE wildcards, full-text syntax) are plain text and leave the store intact;
//! writes are rate-limited per client; the token is never echoed nor logged.
//!
//! Reports are fictional, written for this test.

mod common;

use common::*;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const TOKEN: &str = "tok-Zq8-never-in-logs-41";

const REPORTS: &str = r#"{"id":"abuse-djibo","published":"2031-03-04","language":"fr","text":"Des hommes armés ont tué six civils à Djibo le 3 mars 2031, selon des sources locales."}
{"id":"abuse-kaya","published":"2031-03-09","language":"en","text":"Gunmen killed four soldiers near Kaya on 8 March 2031, a security source said."}
"#;

struct Served {
    child: Child,
    base: String,
    log: Arc<Mutex<String>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `vigie serve --addr 127.0.0.1:0` with the token in its environment; the address is read
/// from its start-up line, and everything it prints is kept.
fn serve(db: &std::path::Path) -> Served {
    let mut child = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env_remove("VIGIE_DB")
        .env("VIGIE_TOKEN", TOKEN)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start vigie serve");
    let log = Arc::new(Mutex::new(String::new()));
    let (tx, rx) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let l = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("on http://").nth(1) {
                let addr = rest.split('/').next().unwrap_or("").to_string();
                let _ = tx.send(addr);
            }
            l.lock().unwrap().push_str(&line);
            l.lock().unwrap().push('\n');
        }
    });
    let l = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            l.lock().unwrap().push_str(&line);
            l.lock().unwrap().push('\n');
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("vigie serve did not say where it listens");
    Served {
        child,
        base: format!("http://{addr}"),
        log,
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .new_agent()
}

fn get(s: &Served, path_and_query: &str) -> (u16, String) {
    let mut r = agent()
        .get(&format!("{}{path_and_query}", s.base))
        .call()
        .unwrap();
    (r.status().as_u16(), r.body_mut().read_to_string().unwrap())
}

/// Percent-encode every byte outside unreserved ASCII.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn total(s: &Served, query: &str) -> u64 {
    let (status, body) = get(s, &format!("/api/incidents?{query}"));
    assert_eq!(status, 200, "{query}: {body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    v["total"].as_u64().unwrap()
}

const HOSTILE: &[&str] = &[
    "' OR '1'='1",
    "x' OR 1=1 --",
    "\"; DROP TABLE incidents; --",
    "'); DELETE FROM articles; --",
    ") OR (1=1",
    "1 UNION SELECT id, id, id FROM incidents --",
    "%",
    "_",
    "%%",
    "Dj%bo",
    "Dj_bo",
    "\\",
    "\\%",
    "?1",
    ":name",
    "Djibo OR Kaya",
    "NEAR(Djibo Kaya)",
    "Dji*",
    "\"Djibo\"",
    "-Djibo",
    "djibo\u{0}",
    "ﾠ\u{202e}Djibo",
];

#[test]
fn hostile_filters_are_text_writes_are_rate_limited_and_the_token_stays_secret() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("abuse.db");
    let input = dir.path().join("reports.jsonl");
    std::fs::write(&input, REPORTS).unwrap();
    let r = vigie(&db, &["-q", "ingest", input.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    let s = serve(&db);
    let all = total(&s, "");
    assert_eq!(all, 2, "one incident per report");
    assert_eq!(total(&s, "q=Djibo"), 1, "plain search works");
    assert_eq!(total(&s, "q=djibo"), 1, "case-insensitive");
    assert_eq!(
        total(&s, "since=2031-03-09&until=2031-03-01"),
        0,
        "an empty period matches nothing"
    );

    // Hostile strings in every text filter: an answer (200, or 400 naming the parameter), no
    // wildcard or SQL meaning, and nothing changed.
    let mut tried = 0;
    for h in HOSTILE {
        for param in ["q", "actor", "country", "type", "admin1"] {
            let (status, body) = get(&s, &format!("/api/incidents?{param}={}", enc(h)));
            tried += 1;
            assert!(
                status == 200 || status == 400,
                "{param}={h:?}: {status} {body}"
            );
            if status == 200 {
                let v: serde_json::Value = serde_json::from_str(&body).unwrap();
                // Free text is folded as the pipeline folds (case, accents, invisible
                // characters): a name behind invisible marks is the name.
                let expected = u64::from(param == "q" && *h == "ﾠ\u{202e}Djibo");
                assert_eq!(
                    v["total"], expected,
                    "{param}={h:?} matched as a pattern or as SQL: {body}"
                );
            }
            let (status, _) = get(&s, &format!("/api/incidents.geojson?{param}={}", enc(h)));
            assert!(status == 200 || status == 400, "geojson {param}={h:?}");
        }
        // Hostile ids and refs are unknown ids, not queries.
        let (status, body) = get(&s, &format!("/api/incidents/{}", enc(h)));
        assert!(
            status == 404 || status == 400,
            "incident {h:?}: {status} {body}"
        );
        let (status, body) = get(&s, &format!("/api/articles/{}", enc(h)));
        assert!(
            status == 404 || status == 400,
            "article {h:?}: {status} {body}"
        );
    }
    eprintln!("{tried} hostile filter values tried");
    assert_eq!(total(&s, ""), all, "the store is intact");
    let (status, body) = get(&s, "/api/articles");
    assert_eq!(status, 200);
    assert!(body.contains("abuse-djibo") && body.contains("abuse-kaya"));

    // Writes: a wrong token is refused without being echoed; then the client's burst runs out
    // and it gets 429 with Retry-After, while reads still answer.
    let guess = "tok-Zq8-never-in-logs-42";
    let post = |token: &str| {
        let mut r = agent()
            .post(&format!("{}/api/articles", s.base))
            .header("Authorization", &format!("Bearer {token}"))
            .content_type("application/x-ndjson")
            .send(REPORTS)
            .unwrap();
        let retry = r
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        (
            r.status().as_u16(),
            r.body_mut().read_to_string().unwrap(),
            retry,
        )
    };
    let (status, body, _) = post(guess);
    assert_eq!(status, 401, "{body}");
    assert!(!body.contains(guess) && !body.contains(TOKEN), "{body}");
    let (status, body, _) = post(TOKEN);
    assert_eq!(status, 200, "{body}");
    assert!(!body.contains(TOKEN), "{body}");
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for _ in 0..(vigie_web::WRITE_BURST + 5) {
        let (status, body, retry) = post(TOKEN);
        statuses.push(status);
        if status == 429 {
            assert!(body.contains("too many writes"), "{body}");
            retry_after = retry;
            break;
        }
        assert!(status == 401 || status == 200, "{status} {body}");
    }
    assert_eq!(statuses.last(), Some(&429), "never limited: {statuses:?}");
    let wait: u64 = retry_after
        .expect("429 without Retry-After")
        .parse()
        .unwrap();
    assert!(wait >= 1, "Retry-After {wait}");
    assert_eq!(get(&s, "/api/health").0, 200, "reads are not limited");
    // The token is checked first: without it the answer stays 401 (not 429) once limited.
    let (status, body, _) = post(guess);
    assert_eq!(status, 401, "{body}");
    let mut r = agent()
        .post(&format!("{}/api/articles", s.base))
        .content_type("application/x-ndjson")
        .send(REPORTS)
        .unwrap();
    assert_eq!(
        r.status().as_u16(),
        401,
        "{}",
        r.body_mut().read_to_string().unwrap()
    );
    assert_eq!(total(&s, ""), all, "the accepted writes changed nothing");

    let log = s.log.lock().unwrap().clone();
    assert!(log.contains("writes enabled"), "start-up line: {log}");
    assert!(
        !log.contains(TOKEN) && !log.contains(guess),
        "the token reached the server's output: {log}"
    );
}
