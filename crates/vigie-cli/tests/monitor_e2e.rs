//! The monitor end to end, on loopback only: feeds that change between polls (new items, 304s,
//! an error status, a response slower than the timeout, an oversized body, a page that is not
//! a feed), article pages, and a webhook receiver. An item inside a corridor gives one signed
//! "new" alert, an item outside it none; a later report revising the toll of the same
//! incident gives exactly one "updated" alert.

mod common;
mod loopback;

use common::*;
use loopback::{atom, page, rss, table_row, Reply, Server};
use std::path::Path;
use std::time::Duration;

const SECRET: &str = "s3cret-for-tests";

// Fictional reports written for this test.
const BOROMO_FR_TITLE: &str = "Burkina Faso : cinq civils tués dans une attaque près de Boromo";
const BOROMO_FR: &str =
    "Des hommes armés ont attaqué un convoi de camions de marchandises sur la route \
    nationale 1 près de Boromo, dans la région de la Boucle du Mouhoun, le mardi 3 mars 2026. Cinq \
    civils ont été tués et plusieurs camions incendiés, selon des sources locales.";
const DJIBO_FR_TITLE: &str = "Burkina Faso : sept civils tués à Djibo";
const DJIBO_FR: &str =
    "Des hommes armés ont tué sept civils à Djibo, dans la province du Soum, le \
    mercredi 4 mars 2026, selon des sources sécuritaires.";
const BOROMO_EN_TITLE: &str = "Burkina Faso: toll of Boromo convoy attack rises to 12";
const BOROMO_EN: &str =
    "Gunmen attacked a convoy of goods trucks on the N1 highway near Boromo, in \
    Burkina Faso's Boucle du Mouhoun region, on Tuesday 3 March 2026. Twelve civilians were \
    killed, local sources said on Thursday.";

/// The N1, Ouagadougou – Sabou – Boromo – Bobo-Dioulasso, 10 km either side. Djibo is 250 km north.
const N1: &str = "12.37,-1.53;12.06,-2.23;11.75,-2.93;11.18,-4.30";

fn watch_once(db: &Path) -> Run {
    let r = vigie(
        db,
        &[
            "watch",
            "--once",
            "--allow-private",
            "--timeout",
            "2",
            "--max-bytes",
            "1000000",
            "--retry-after",
            "1",
        ],
    );
    assert_eq!(r.code, 0, "watch failed: {}\n{}", r.stdout, r.stderr);
    r
}

fn feeds(db: &Path) -> Vec<serde_json::Value> {
    let r = vigie(db, &["feeds", "list", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn feed<'a>(all: &'a [serde_json::Value], url: &str) -> &'a serde_json::Value {
    all.iter()
        .find(|f| f["url"] == url)
        .unwrap_or_else(|| panic!("no feed {url}"))
}

fn alerts(db: &Path) -> Vec<serde_json::Value> {
    let r = vigie(db, &["alerts", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The webhook's successful deliveries, each checked against its signature.
fn delivered(server: &Server) -> Vec<serde_json::Value> {
    server
        .requests("/hook")
        .into_iter()
        .filter(|r| r.status == 200)
        .map(|r| {
            assert_eq!(r.method, "POST");
            let sig = r.headers.get("x-vigie-signature").expect("signed");
            assert!(
                vigie_monitor::hooks::verify(SECRET, &r.body, sig),
                "bad signature {sig}"
            );
            let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
            assert_eq!(
                r.headers.get("x-vigie-alert-id").map(String::as_str),
                Some(v["alert_id"].to_string().as_str())
            );
            v
        })
        .collect()
}

#[test]
fn feeds_to_corridor_alerts_on_loopback() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("watch.db");

    // Poll 1: two French items (one on the N1, one far from it) with their pages.
    let fr_v1 = rss(&[
        (
            "sahel-1",
            BOROMO_FR_TITLE,
            &server.url("/articles/boromo.html"),
            "Wed, 04 Mar 2026 08:00:00 GMT",
            "Attaque près de Boromo.",
        ),
        (
            "sahel-2",
            DJIBO_FR_TITLE,
            &server.url("/articles/djibo.html"),
            "Thu, 05 Mar 2026 08:00:00 GMT",
            "Attaque à Djibo.",
        ),
    ]);
    server.set(
        "/fr.xml",
        Reply::ok("application/rss+xml", fr_v1.clone()).with_etag("\"fr-v1\""),
    );
    server.set(
        "/articles/boromo.html",
        Reply::ok("text/html", page(BOROMO_FR_TITLE, &[BOROMO_FR])),
    );
    server.set(
        "/articles/djibo.html",
        Reply::ok("text/html", page(DJIBO_FR_TITLE, &[DJIBO_FR])),
    );
    server.set("/en.xml", Reply::ok("application/atom+xml", atom(&[])));
    server.set("/broken.xml", Reply::status(500));
    server.set(
        "/slow.xml",
        Reply::ok("application/rss+xml", rss(&[])).with_delay(Duration::from_secs(4)),
    );
    server.set(
        "/huge.xml",
        Reply::ok("application/rss+xml", vec![b' '; 1_500_000]),
    );
    server.set(
        "/notafeed.xml",
        Reply::ok("text/html", page("Accueil", &["Bienvenue."])),
    );
    // The receiver fails once, then accepts: the first delivery is retried.
    server.set_sequence(
        "/hook",
        vec![Reply::status(503), Reply::ok("text/plain", "ok")],
    );

    let r = vigie(
        &db,
        &["zones", "add", "N1", "--corridor", N1, "--buffer", "10"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = vigie(
        &db,
        &["hooks", "add", &server.url("/hook"), "--secret", SECRET],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (path, lang) in [
        ("/fr.xml", "fr"),
        ("/en.xml", "en"),
        ("/broken.xml", "fr"),
        ("/slow.xml", "fr"),
        ("/huge.xml", "fr"),
        ("/notafeed.xml", "fr"),
    ] {
        let r = vigie(
            &db,
            &["feeds", "add", &server.url(path), "--language", lang],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
    }

    let first = watch_once(&db);
    let all = feeds(&db);
    let fr = feed(&all, &server.url("/fr.xml"));
    assert_eq!(
        (fr["items_seen"].as_i64(), fr["items_ingested"].as_i64()),
        (Some(2), Some(2))
    );
    assert_eq!(fr["etag"], "\"fr-v1\"");
    assert!(fr["last_error"].is_null());
    // Every failure is a one-line status on its feed; the run went on.
    let error_of = |path: &str| {
        feed(&all, &server.url(path))["last_error"]
            .as_str()
            .unwrap_or_else(|| panic!("{path} has no error; feeds: {all:?}"))
            .to_string()
    };
    assert_eq!(error_of("/broken.xml"), "HTTP 500");
    assert!(
        error_of("/slow.xml").contains("timed out"),
        "{}",
        error_of("/slow.xml")
    );
    assert!(
        error_of("/huge.xml").contains("larger than 1000000 bytes"),
        "{}",
        error_of("/huge.xml")
    );
    assert!(
        error_of("/notafeed.xml").starts_with("not a feed"),
        "{}",
        error_of("/notafeed.xml")
    );
    for path in ["/broken.xml", "/slow.xml", "/huge.xml", "/notafeed.xml"] {
        assert!(!error_of(path).contains('\n'));
        assert_eq!(feed(&all, &server.url(path))["consecutive_errors"], 1);
    }
    assert!(first.stdout.contains("errors 4"), "{}", first.stdout);

    // One alert: Boromo is on the N1; Djibo is not.
    let a = alerts(&db);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0]["kind"], "new");
    assert_eq!(a[0]["zone"], "N1");
    assert_eq!(a[0]["payload"]["incident"]["location"], "Boromo");
    assert_eq!(a[0]["payload"]["incident"]["fatalities"]["best"], 5);
    // The receiver answered 503: nothing delivered yet, a retry is due in a second.
    assert_eq!(server.requests("/hook").len(), 1);
    assert!(delivered(&server).is_empty());

    // Poll 2: the feed has not changed (304), the delivery is retried and succeeds.
    std::thread::sleep(Duration::from_millis(1100));
    watch_once(&db);
    let fr_requests = server.requests("/fr.xml");
    assert_eq!(fr_requests.len(), 2);
    assert_eq!(
        fr_requests[1]
            .headers
            .get("if-none-match")
            .map(String::as_str),
        Some("\"fr-v1\"")
    );
    assert_eq!(fr_requests[1].status, 304);
    assert!(fr_requests[1].headers["user-agent"].starts_with("Vigie/"));
    let got = delivered(&server);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["kind"], "new");
    assert_eq!(got[0]["zone"], "N1");
    assert_eq!(got[0]["incident"]["location"], "Boromo");
    assert!(!server
        .requests("/hook")
        .iter()
        .any(|r| String::from_utf8_lossy(&r.body).contains("Djibo")));
    let a = alerts(&db);
    assert_eq!(a.len(), 1);

    // Poll 3: an English wire report revises the toll of the same attack. Its page is gone
    // (404): the item's own summary is read instead.
    server.set(
        "/en.xml",
        Reply::ok(
            "application/atom+xml",
            atom(&[(
                "urn:test:wire:7",
                BOROMO_EN_TITLE,
                &server.url("/en/boromo-toll"),
                "2026-03-05T12:00:00Z",
                BOROMO_EN,
            )]),
        ),
    );
    watch_once(&db);
    let a = alerts(&db);
    assert_eq!(a.len(), 2, "{a:#?}");
    assert_eq!(a[0]["kind"], "updated");
    assert_eq!(
        a[0]["incident_id"], a[1]["incident_id"],
        "the same incident"
    );
    let changes: Vec<&str> = a[0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(
        changes
            .iter()
            .any(|c| c.starts_with("fatalities: 5 → ") && c.contains("12")),
        "{changes:?}"
    );
    assert!(
        changes
            .iter()
            .any(|c| c.starts_with("new source: ") && c.contains("/en/boromo-toll")),
        "{changes:?}"
    );
    let got = delivered(&server);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1]["kind"], "updated");
    assert_eq!(got[1]["incident"]["fatalities"]["high"], 12);
    let en = feed(&feeds(&db), &server.url("/en.xml")).clone();
    assert_eq!(
        (en["items_seen"].as_i64(), en["items_ingested"].as_i64()),
        (Some(1), Some(1))
    );

    // Poll 4: nothing new anywhere: no alert, no delivery, no article twice.
    watch_once(&db);
    assert_eq!(alerts(&db).len(), 2);
    assert_eq!(delivered(&server).len(), 2);
    assert_eq!(
        server.requests("/hook").len(),
        3,
        "one failed attempt + two deliveries"
    );
    let refs = article_refs(&db);
    assert_eq!(refs.len(), 3, "{refs:?}");
    let r = vigie(&db, &["hooks", "list"]);
    let row = table_row(&r.stdout, 1);
    assert_eq!(row[2..6], ["yes", "2", "0", "0"], "{}", r.stdout);
}

#[test]
fn private_addresses_are_refused_without_allow_private() {
    let server = Server::start();
    server.set("/fr.xml", Reply::ok("application/rss+xml", rss(&[])));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("strict.db");
    let r = vigie(&db, &["feeds", "add", &server.url("/fr.xml")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = vigie(&db, &["watch", "--once"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let all = feeds(&db);
    let e = all[0]["last_error"].as_str().unwrap();
    assert!(e.contains("127.0.0.1") && e.contains("refused"), "{e}");
    assert!(
        server.requests("/fr.xml").is_empty(),
        "no connection was made"
    );
}

#[test]
fn feed_and_zone_commands_check_their_input() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cmds.db");
    let r = vigie(&db, &["feeds", "add", "file:///etc/passwd"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not an http(s) URL"), "{}", r.stderr);
    let r = vigie(
        &db,
        &["feeds", "add", "http://a.example/rss", "--language", "de"],
    );
    assert_eq!(r.code, 2);
    let r = vigie(
        &db,
        &[
            "zones",
            "add",
            "x",
            "--corridor",
            "12,-1;abc",
            "--buffer",
            "5",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("point 2"), "{}", r.stderr);
    let r = vigie(&db, &["zones", "add", "x", "--point", "12,-1"]);
    assert!(r.stderr.contains("--radius"), "{}", r.stderr);
    // OPML and GeoJSON imports, and their errors naming file and line or feature.
    let opml = dir.path().join("feeds.opml");
    write(
        &opml,
        b"<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body>\n\
          <outline text=\"A\" xmlUrl=\"http://a.example/rss\"/>\n\
          <outline text=\"B\" xmlUrl=\"https://b.example/atom\"/>\n</body></opml>\n",
    );
    let r = vigie(&db, &["feeds", "import", opml.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("2 feeds added"), "{}", r.stdout);
    assert_eq!(feeds(&db).len(), 2);
    let r = vigie(&db, &["feeds", "remove", "http://a.example/rss"]);
    assert_eq!(r.code, 0);
    assert_eq!(feeds(&db).len(), 1);
    let geo = dir.path().join("zones.geojson");
    write(
        &geo,
        br#"{"type":"FeatureCollection","features":[
  {"type":"Feature","properties":{"name":"Mine","radius_km":5},"geometry":{"type":"Point","coordinates":[-0.5,13.2]}},
  {"type":"Feature","properties":{"name":"Road"},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}}]}"#,
    );
    let r = vigie(&db, &["zones", "import", geo.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("zones.geojson: feature 2: properties.buffer_km"),
        "{}",
        r.stderr
    );
    let r = vigie(&db, &["zones", "list", "--format", "jsonl"]);
    assert_eq!(
        r.stdout.lines().count(),
        0,
        "nothing imported from a bad file"
    );
}

#[test]
fn serve_watch_publishes_alerts_on_the_api_and_the_atom_feed() {
    use std::io::BufRead;
    let server = Server::start();
    server.set(
        "/fr.xml",
        Reply::ok(
            "application/rss+xml",
            rss(&[(
                "sahel-1",
                BOROMO_FR_TITLE,
                &server.url("/articles/boromo.html"),
                "Wed, 04 Mar 2026 08:00:00 GMT",
                "Attaque près de Boromo.",
            )]),
        ),
    );
    server.set(
        "/articles/boromo.html",
        Reply::ok("text/html", page(BOROMO_FR_TITLE, &[BOROMO_FR])),
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("serve.db");
    for args in [
        vec!["feeds", "add", &server.url("/fr.xml"), "--language", "fr"],
        vec!["zones", "add", "N1", "--corridor", N1, "--buffer", "10"],
    ] {
        let r = vigie(&db, &args);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let mut child = std::process::Command::new(BIN)
        .args([
            "--db",
            db.to_str().unwrap(),
            "serve",
            "--addr",
            "127.0.0.1:0",
        ])
        .args(["--watch", "--interval", "1", "--allow-private"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The server says where it listens on its first line.
    let mut line = String::new();
    std::io::BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches('/')
        .to_string();
    let agent = ureq::Agent::config_builder()
        .proxy(None)
        .http_status_as_error(false)
        .build()
        .new_agent();
    let get = |path: &str| {
        agent
            .get(&format!("{base}{path}"))
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap()
    };
    let started = std::time::Instant::now();
    let alerts = loop {
        let v: serde_json::Value = serde_json::from_str(&get("/api/alerts")).unwrap();
        if !v["items"].as_array().unwrap().is_empty() {
            break v;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "no alert: {v}");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(alerts["items"][0]["zone"], "N1");
    assert_eq!(
        alerts["items"][0]["payload"]["incident"]["location"],
        "Boromo"
    );
    let zones: serde_json::Value = serde_json::from_str(&get("/api/zones")).unwrap();
    assert_eq!(zones["items"][0]["kind"], "corridor");
    let atom = get("/alerts.atom");
    assert!(
        atom.contains("<title>[N1] Attack at Boromo, 2026-03-03: 5 killed</title>"),
        "{atom}"
    );
    child.kill().unwrap();
    let _ = child.wait();
}
