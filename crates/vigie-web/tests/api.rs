//! API tests against a real server on 127.0.0.1 (ephemeral port), over a temporary store.
//!
//! The incidents are built from mentions written by hand (not by the extractor), so these
//! tests depend on the store and the linker but not on extraction quality. All places,
//! people and events below are fiction.

use serde_json::Value;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;
use vigie_core::{
    Actor, ActorKind, Article, Claim, ClaimValue, EventDate, Mention, Processed, Quantity,
    ResolvedPlace, Span, SubEventType, TimePrecision,
};
use vigie_store::Store;
use vigie_web::{AppState, ServeOptions};

const TOKEN: &str = "s3cret-test-token";
const TEST_MAX_BODY: usize = 64 * 1024;

struct Server {
    base: String,
    _dir: tempfile::TempDir,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .new_agent()
}

fn start(token: Option<&str>, fill: bool) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("vigie.db");
    if fill {
        let mut store = Store::open(&db).unwrap();
        store.ingest(&fixture()).unwrap();
        store.relink().unwrap();
    }
    let opts = ServeOptions {
        db,
        addr: "127.0.0.1:0".parse().unwrap(),
        token: token.map(str::to_string),
        token_name: Some("desk-test".into()),
        tile_url: Some("https://tiles.example.invalid/{z}/{x}/{y}.png".into()),
    };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind(opts.addr).await.unwrap();
            let addr = listener.local_addr().unwrap();
            let state = Arc::new(AppState::new(&opts).unwrap().with_max_body(TEST_MAX_BODY));
            tx.send(addr).unwrap();
            vigie_web::serve_state(listener, state, std::future::pending())
                .await
                .unwrap();
        });
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("server did not start");
    Server {
        base: format!("http://{addr}"),
        _dir: dir,
    }
}

fn get(s: &Server, path: &str) -> (u16, Value) {
    let mut r = agent().get(&format!("{}{path}", s.base)).call().unwrap();
    let status = r.status().as_u16();
    let text = r.body_mut().read_to_string().unwrap();
    let v =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {text}"));
    (status, v)
}

fn post(s: &Server, token: Option<&str>, content_type: &str, body: &str) -> (u16, Value) {
    let mut req = agent()
        .post(&format!("{}/api/articles", s.base))
        .content_type(content_type);
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    let mut r = req.send(body).unwrap();
    let status = r.status().as_u16();
    let text = r.body_mut().read_to_string().unwrap();
    let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("POST: not JSON ({e}): {text}"));
    (status, v)
}

fn error_of(v: &Value) -> &str {
    v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no `error` member in {v}"))
}

// ---------------------------------------------------------------------------
// Fixture: four fictional reports, their mentions written by hand
// ---------------------------------------------------------------------------

fn place(
    location: &str,
    country: &str,
    cc: &str,
    admin1: &str,
    lat: f64,
    lon: f64,
) -> ResolvedPlace {
    ResolvedPlace {
        location: location.into(),
        place_id: None,
        country: country.into(),
        country_code: cc.into(),
        admin1: Some(admin1.into()),
        admin1_new: None,
        admin2: None,
        admin3: None,
        latitude: Some(lat),
        longitude: Some(lon),
        geo_precision: 1,
    }
}

fn claim(text: &str, field: &str, quote: &str, value: ClaimValue, source: Option<&str>) -> Claim {
    let start = text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} not in text"));
    Claim {
        field: field.into(),
        value,
        quote: quote.into(),
        span: Span::new(start, start + quote.len()),
        attributed_to: source.map(str::to_string),
        hedged: false,
        victims: None,
    }
}

struct Report {
    reference: &'static str,
    lang: &'static str,
    outlet: &'static str,
    text: &'static str,
    sub: SubEventType,
    day: (i32, u32, u32),
    place: ResolvedPlace,
    actor1: Option<&'static str>,
    claims: Vec<(&'static str, &'static str, ClaimValue)>,
}

const FR_TEXT: &str = "Le 3 mars 2031, des hommes armés ont attaqué le poste militaire de Torokéla, village imaginaire du cercle fictif de Sabaré. Selon une source sécuritaire, douze soldats ont été tués. L'armée dit avoir repoussé l'assaut.";
const EN_TEXT: &str = "Gunmen attacked an army post in the imaginary village of Torokela on March 3, 2031. Nearly 15 soldiers were killed, a local official said. The army said it repelled the assault.";
const ABDUCTION_TEXT: &str = "Four aid workers were abducted near the invented town of Wassoumba on March 20, 2031, colleagues said. Their employer, a fictional charity, called for their release.";
const BLAST_TEXT: &str = "A roadside bomb killed three passengers of a bus on the road out of Kanfiéla, a made-up town, on May 10, 2031, according to police.";

fn reports() -> Vec<Report> {
    let torokela = || place("Torokela", "Mali", "ML", "Kayes", 14.35, -10.85);
    vec![
        Report {
            reference: "fiction-fr-torokela",
            lang: "fr",
            outlet: "Le Veilleur (fictif)",
            text: FR_TEXT,
            sub: SubEventType::ArmedClash,
            day: (2031, 3, 3),
            place: torokela(),
            actor1: Some("Unidentified Armed Group (Mali)"),
            claims: vec![(
                "fatalities",
                "douze soldats ont été tués",
                ClaimValue::Count(Quantity::exact(12)),
            )],
        },
        Report {
            reference: "fiction-en-torokela",
            lang: "en",
            outlet: "The Lookout (fiction)",
            text: EN_TEXT,
            sub: SubEventType::ArmedClash,
            day: (2031, 3, 3),
            place: torokela(),
            actor1: Some("Unidentified Armed Group (Mali)"),
            claims: vec![(
                "fatalities",
                "Nearly 15 soldiers were killed",
                ClaimValue::Count(Quantity {
                    low: 15,
                    high: Some(15),
                    best: 15,
                    qualifier: vigie_core::Qualifier::UpTo,
                }),
            )],
        },
        Report {
            reference: "fiction-en-wassoumba",
            lang: "en",
            outlet: "The Lookout (fiction)",
            text: ABDUCTION_TEXT,
            sub: SubEventType::AbductionForcedDisappearance,
            day: (2031, 3, 20),
            place: place("Wassoumba", "Mali", "ML", "Mopti", 14.2, -4.1),
            actor1: None,
            claims: vec![(
                "abducted",
                "Four aid workers were abducted",
                ClaimValue::Count(Quantity::exact(4)),
            )],
        },
        Report {
            reference: "fiction-en-kanfiela",
            lang: "en",
            outlet: "Sahel Ledger (fiction)",
            text: BLAST_TEXT,
            sub: SubEventType::RemoteExplosiveLandmineIed,
            day: (2031, 5, 10),
            place: place("Kanfiela", "Burkina Faso", "BF", "Est", 12.05, 0.35),
            actor1: None,
            claims: vec![(
                "fatalities",
                "A roadside bomb killed three passengers",
                ClaimValue::Count(Quantity::exact(3)),
            )],
        },
    ]
}

fn fixture() -> Vec<Processed> {
    reports()
        .into_iter()
        .map(|r| {
            let mut article = Article::text(r.reference, r.text);
            article.outlet = Some(r.outlet.into());
            article.declared_language = Some(r.lang.into());
            article.published = chrono::NaiveDate::from_ymd_opt(r.day.0, r.day.1, r.day.2);
            let mut processed = vigie_core::process(&article);
            let claims: Vec<Claim> = r
                .claims
                .iter()
                .map(|(f, q, v)| claim(r.text, f, q, v.clone(), Some("a source")))
                .collect();
            let claims: Vec<Value> = claims.iter().map(|c| serde_json::to_value(c).unwrap()).collect();
            // Built through serde so that fields added to `Mention` later (Option, default)
            // do not break this fixture.
            let mention = serde_json::json!({
                "id": format!("{}#0", r.reference),
                "article": r.reference,
                "published": article.published,
                "ordinal": 0,
                "background": false,
                "event_type": r.sub.event_type(),
                "sub_event_type": r.sub,
                "actor1": r.actor1.map(|n| Actor { name: n.into(), kind: ActorKind::PoliticalMilitia, parent: None }),
                "assoc_actor1": null,
                "actor2": null,
                "assoc_actor2": null,
                "people": [],
                "targets": [],
                "date": EventDate {
                    date: chrono::NaiveDate::from_ymd_opt(r.day.0, r.day.1, r.day.2).unwrap(),
                    precision: TimePrecision::Day,
                },
                "place": r.place,
                "operation": null,
                "operation_wide": false,
                "claims": claims,
                "evidence": Span::new(0, r.text.len()),
                "keys": [],
            });
            let mention: Mention = serde_json::from_value(mention)
                .unwrap_or_else(|e| panic!("the test's Mention no longer matches the model: {e}"));
            processed.mentions = vec![mention];
            processed
        })
        .collect()
}

fn items(v: &Value) -> &Vec<Value> {
    v["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items in {v}"))
}

fn locations(v: &Value) -> Vec<String> {
    let mut l: Vec<String> = items(v)
        .iter()
        .map(|i| i["location"].as_str().unwrap_or("").to_string())
        .collect();
    l.sort();
    l.dedup();
    l
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[test]
fn incidents_filters_pagination_detail_geojson_stats() {
    let s = start(Some(TOKEN), true);

    let (st, all) = get(&s, "/api/incidents");
    assert_eq!(st, 200, "{all}");
    let total = all["total"].as_u64().unwrap() as usize;
    assert!(
        total >= 3,
        "expected the 3 fictional places as incidents, got {all}"
    );
    assert_eq!(items(&all).len(), total);
    assert_eq!(all["limit"], 100);
    assert_eq!(locations(&all), vec!["Kanfiela", "Torokela", "Wassoumba"]);

    // Filters (each is checked against values we know).
    let (_, v) = get(&s, "/api/incidents?type=Explosions%2FRemote%20violence");
    assert_eq!(locations(&v), vec!["Kanfiela"]);
    let (_, v) = get(&s, "/api/incidents?type=Abduction%2Fforced%20disappearance");
    assert_eq!(locations(&v), vec!["Wassoumba"]);
    let (_, v) = get(&s, "/api/incidents?since=2031-03-15&until=2031-04-30");
    assert_eq!(locations(&v), vec!["Wassoumba"]);
    let (_, v) = get(&s, "/api/incidents?country=Burkina%20Faso");
    assert_eq!(locations(&v), vec!["Kanfiela"]);
    let (_, v) = get(&s, "/api/incidents?country=ML");
    assert_eq!(locations(&v), vec!["Torokela", "Wassoumba"]);
    let (_, v) = get(&s, "/api/incidents?admin1=mopti");
    assert_eq!(locations(&v), vec!["Wassoumba"]);
    let (_, v) = get(&s, "/api/incidents?actor=unidentified%20armed");
    assert_eq!(locations(&v), vec!["Torokela"]);
    let (_, v) = get(&s, "/api/incidents?near=14.3,-10.8,50");
    assert_eq!(locations(&v), vec!["Torokela"]);
    let (_, v) = get(&s, "/api/incidents?q=roadside%20bomb");
    assert_eq!(locations(&v), vec!["Kanfiela"]);
    let (_, v) = get(&s, "/api/incidents?since=2032-01-01");
    assert_eq!((v["total"].as_u64(), items(&v).len()), (Some(0), 0));

    // Pagination: pages partition the full list, in the same order.
    let ids: Vec<String> = items(&all)
        .iter()
        .map(|i| i["id"].as_str().unwrap().into())
        .collect();
    let (_, p1) = get(&s, "/api/incidents?limit=2&offset=0");
    let (_, p2) = get(&s, "/api/incidents?limit=2&offset=2");
    assert_eq!(p1["total"].as_u64().unwrap() as usize, total);
    assert_eq!(
        (p1["limit"].as_u64(), p2["offset"].as_u64()),
        (Some(2), Some(2))
    );
    let paged: Vec<String> = items(&p1)
        .iter()
        .chain(items(&p2))
        .map(|i| i["id"].as_str().unwrap().into())
        .collect();
    assert_eq!(paged, ids.iter().take(4).cloned().collect::<Vec<_>>());
    let (_, past) = get(&s, "/api/incidents?offset=50");
    assert!(items(&past).is_empty());

    // Summaries: the same page, in the same order, with what a list shows and no claims.
    let (st, sum) = get(&s, "/api/incidents?view=summary&limit=2&offset=2");
    assert_eq!(st, 200, "{sum}");
    assert_eq!(sum["total"], p2["total"]);
    for (short, full) in items(&sum).iter().zip(items(&p2)) {
        assert_eq!(short["id"], full["id"]);
        assert_eq!(short["location"], full["location"]);
        assert_eq!(short["fatalities"], full["fatalities"]);
        assert_eq!(
            short["reports"].as_u64().unwrap() as usize,
            full["articles"].as_array().unwrap().len()
        );
        assert!(short.get("claims").is_none() && short.get("articles").is_none());
    }
    assert_eq!(items(&sum).len(), items(&p2).len());
    let (_, full) = get(&s, "/api/incidents?view=full&limit=2&offset=2");
    assert_eq!(full, p2);

    // One incident: its claims, and the article texts the claim offsets point into.
    let kanfiela = items(&all)
        .iter()
        .find(|i| i["location"] == "Kanfiela")
        .expect("Kanfiela incident");
    let id = kanfiela["id"].as_str().unwrap();
    let (st, inc) = get(&s, &format!("/api/incidents/{id}"));
    assert_eq!(st, 200, "{inc}");
    assert_eq!(inc["event_type"], "Explosions/Remote violence");
    assert_eq!(inc["fatalities"]["best"], 3);
    let claims = inc["claims"].as_array().unwrap();
    let c = claims
        .iter()
        .find(|c| c["field"] == "fatalities")
        .expect("fatalities claim");
    assert_eq!(c["quote"], "A roadside bomb killed three passengers");
    let texts = inc["texts"].as_array().unwrap();
    assert_eq!(texts.len(), 1);
    assert_eq!(texts[0]["ref"], "fiction-en-kanfiela");
    let text = texts[0]["text"].as_str().unwrap();
    let (a, b) = (
        c["start"].as_u64().unwrap() as usize,
        c["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], "A roadside bomb killed three passengers");

    // 404 and 400 are JSON errors naming what is wrong.
    let (st, v) = get(&s, "/api/incidents/no-such-incident");
    assert_eq!(st, 404);
    assert!(error_of(&v).contains("no-such-incident"));
    for (q, param) in [
        ("near=14.3,-10.8", "near"),
        ("near=abc,1,2", "near"),
        ("since=03/03/2031", "since"),
        ("limit=many", "limit"),
        ("limit=999999", "limit"),
        ("colour=red", "colour"),
        ("view=everything", "view"),
    ] {
        let (st, v) = get(&s, &format!("/api/incidents?{q}"));
        assert_eq!(st, 400, "{q}: {v}");
        assert!(error_of(&v).contains(&format!("`{param}`")), "{q}: {v}");
    }
    let (st, v) = get(&s, "/api/nothing-here");
    assert_eq!(st, 404);
    error_of(&v);

    // GeoJSON: one point per incident, [lon, lat]; filters apply.
    let (st, g) = get(&s, "/api/incidents.geojson?country=BF");
    assert_eq!(st, 200);
    assert_eq!(g["type"], "FeatureCollection");
    let f = g["features"].as_array().unwrap();
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0]["geometry"]["coordinates"],
        serde_json::json!([0.35, 12.05])
    );
    assert_eq!(f[0]["properties"]["location"], "Kanfiela");
    let (_, g) = get(&s, "/api/incidents.geojson");
    assert_eq!(g["features"].as_array().unwrap().len(), total);

    // Articles.
    let (st, arts) = get(&s, "/api/articles");
    assert_eq!(st, 200);
    assert_eq!(arts["total"], 4);
    let (st, art) = get(&s, "/api/articles/fiction-fr-torokela");
    assert_eq!(st, 200, "{art}");
    assert_eq!(art["text"], FR_TEXT);
    let (st, v) = get(&s, "/api/articles/fiction-xx");
    assert_eq!(st, 404);
    assert!(error_of(&v).contains("fiction-xx"));

    // Statistics.
    let (st, stats) = get(&s, "/api/stats");
    assert_eq!(st, 200);
    assert_eq!(stats["articles"], 4);
    assert_eq!(stats["incidents"].as_u64().unwrap() as usize, total);
    let weeks = stats["per_week_type"].as_array().unwrap();
    assert!(
        weeks.iter().any(|w| w["week"] == "2031-05-05"
            && w["event_type"] == "Explosions/Remote violence"
            && w["count"] == 1),
        "{stats}"
    );
    let admin1 = stats["per_admin1"].as_array().unwrap();
    assert!(
        admin1
            .iter()
            .any(|a| a["admin1"] == "Mopti" && a["count"] == 1),
        "{stats}"
    );
    assert!(stats["per_actor"].is_array());
}

#[test]
fn the_map_is_grouped_by_the_server_and_the_list_follows_a_box() {
    let s = start(None, true);
    let (_, all) = get(&s, "/api/incidents");
    let total = all["total"].as_u64().unwrap();
    let point = |loc: &str| {
        let i = items(&all)
            .iter()
            .find(|i| i["location"] == loc)
            .unwrap_or_else(|| panic!("no incident at {loc}"));
        (
            i["latitude"].as_f64().unwrap(),
            i["longitude"].as_f64().unwrap(),
        )
    };
    let (lat, lon) = point("Torokela");

    // The world at zoom 0: every mapped incident in one place or another, counted once.
    let (st, m) = get(&s, "/api/map?zoom=0");
    assert_eq!(st, 200, "{m}");
    assert_eq!(m["total"].as_u64(), Some(total));
    let clusters = m["clusters"].as_array().unwrap();
    let lone = m["incidents"].as_array().unwrap();
    let shown: u64 = clusters
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum::<u64>()
        + lone.len() as u64;
    assert_eq!(shown, m["in_box"].as_u64().unwrap());
    assert_eq!(
        m["in_box"].as_u64().unwrap() + m["without_coordinates"].as_u64().unwrap(),
        total
    );
    assert!(clusters.iter().all(|c| c["count"].as_u64().unwrap() >= 2));

    // A small box around one town at a street zoom: that incident alone, sent as itself;
    // the list takes the same box.
    let b = format!(
        "{},{},{},{}",
        lon - 0.05,
        lat - 0.05,
        lon + 0.05,
        lat + 0.05
    );
    let (st, m) = get(&s, &format!("/api/map?bbox={b}&zoom=12"));
    assert_eq!(st, 200, "{m}");
    assert_eq!(m["zoom"], 12);
    let lone = m["incidents"].as_array().unwrap();
    assert_eq!(lone.len(), 1, "{m}");
    assert_eq!(lone[0]["location"], "Torokela");
    assert!(lone[0]["fatalities"].is_object());
    let (_, v) = get(&s, &format!("/api/incidents?bbox={b}"));
    assert_eq!(locations(&v), vec!["Torokela"]);
    let (_, g) = get(&s, &format!("/api/incidents.geojson?bbox={b}"));
    assert_eq!(g["features"].as_array().unwrap().len(), 1);

    // Bad values are one-line errors naming the parameter.
    for (query, name) in [
        ("bbox=1,2,3", "bbox"),
        ("bbox=1,2,3,north", "bbox"),
        ("bbox=12345,0,1,1", "bbox"),
        ("zoom=25", "zoom"),
        ("zoom=-1", "zoom"),
        ("near=14,-4,50", "near"),
    ] {
        let (st, e) = get(&s, &format!("/api/map?{query}"));
        assert_eq!(st, 400, "{query}: {e}");
        assert!(error_of(&e).contains(name), "{query}: {e}");
    }
}

#[test]
fn french_and_english_reports_of_one_event_are_one_incident_with_both_figures() {
    let s = start(None, true);
    let (_, v) = get(&s, "/api/incidents?admin1=Kayes");
    assert_eq!(
        items(&v).len(),
        1,
        "the FR and EN Torokela reports should be one incident: {v}"
    );
    let id = items(&v)[0]["id"].as_str().unwrap();
    let (_, inc) = get(&s, &format!("/api/incidents/{id}"));
    let mut langs: Vec<&str> = inc["texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["language"].as_str().unwrap())
        .collect();
    langs.sort();
    assert_eq!(langs, vec!["en", "fr"]);
    assert_eq!(inc["fatalities"]["low"], 12);
    assert_eq!(inc["fatalities"]["high"], 15);
    let quotes: Vec<&str> = inc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == "fatalities")
        .map(|c| c["quote"].as_str().unwrap())
        .collect();
    assert!(quotes.contains(&"douze soldats ont été tués"), "{quotes:?}");
    assert!(
        quotes.contains(&"Nearly 15 soldiers were killed"),
        "{quotes:?}"
    );
    // The French quote's byte offsets land on the right words despite the accents.
    let fr = inc["texts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["language"] == "fr")
        .unwrap();
    let c = inc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["quote"] == "douze soldats ont été tués")
        .unwrap();
    let text = fr["text"].as_str().unwrap();
    let (a, b) = (
        c["start"].as_u64().unwrap() as usize,
        c["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], "douze soldats ont été tués");
}

#[test]
fn openapi_health_config_and_the_embedded_ui() {
    let s = start(None, false);
    let (st, doc) = get(&s, "/api/openapi.json");
    assert_eq!(st, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for route in [
        "/api/incidents",
        "/api/incidents/{id}",
        "/api/incidents.geojson",
        "/api/articles",
        "/api/articles/{ref}",
        "/api/stats",
        "/api/openapi.json",
        "/api/health",
        "/api/config",
    ] {
        assert!(
            paths.contains_key(route),
            "{route} missing from the OpenAPI document"
        );
    }
    assert!(paths["/api/articles"]["post"]["security"].is_array());
    for (method, path) in vigie_web::API_ROUTES {
        assert!(paths[*path][*method].is_object(), "{method} {path}");
    }

    let (st, h) = get(&s, "/api/health");
    assert_eq!((st, h["status"].as_str()), (200, Some("ok")));
    let (_, c) = get(&s, "/api/config");
    assert_eq!(
        c["tile_url"],
        "https://tiles.example.invalid/{z}/{x}/{y}.png"
    );
    assert_eq!(c["writes"], false);

    // The page and its assets come from the binary.
    let mut r = agent().get(&format!("{}/", s.base)).call().unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = r.body_mut().read_to_string().unwrap();
    assert!(html.contains("<script src=\"app.js\"></script>"), "{html}");
    assert!(html.contains("vendor/leaflet.js"));
    for asset in [
        "/app.js",
        "/app.css",
        "/vendor/leaflet.js",
        "/vendor/leaflet.css",
    ] {
        let r = agent().get(&format!("{}{asset}", s.base)).call().unwrap();
        assert_eq!(r.status().as_u16(), 200, "{asset}");
    }
    let mut r = agent()
        .get(&format!("{}/geo/countries.geojson", s.base))
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let geo: Value = serde_json::from_str(
        &r.body_mut()
            .with_config()
            .limit(50 * 1024 * 1024)
            .read_to_string()
            .unwrap(),
    )
    .unwrap();
    assert!(geo["features"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["properties"]["name"] == "Mali"));
    let mut r = agent()
        .delete(&format!("{}/api/incidents", s.base))
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 405);
    let v: Value = serde_json::from_str(&r.body_mut().read_to_string().unwrap()).unwrap();
    assert!(error_of(&v).contains("DELETE"));
    let (st, v) = get(&s, "/no/such/file.js");
    assert_eq!(st, 404);
    error_of(&v);
}

#[test]
fn writes_need_the_token_and_report_bad_records() {
    let s = start(Some(TOKEN), false);
    let good = r#"{"id":"fiction-post-1","title":"Essai","outlet":"Le Veilleur (fictif)","published":"2031-06-01","language":"fr","text":"Le 1er juin 2031, un marché imaginaire a été incendié à Dabakoro, ville inventée."}"#;

    let (st, v) = post(&s, None, "application/x-ndjson", good);
    assert_eq!(st, 401, "{v}");
    assert!(error_of(&v).contains("Bearer"));
    let (st, v) = post(&s, Some("wrong"), "application/x-ndjson", good);
    assert_eq!(st, 401);
    assert!(error_of(&v).contains("invalid"));

    // JSON Lines: the bad lines are reported by number, the good ones stored.
    let body = format!(
        "{good}\n{{\"id\": \"broken\", \"text\": \n\n{{\"id\":\"fiction-post-2\"}}\n{}\n",
        r#"{"url":"https://example.invalid/fiction-3","language":"en","html":"<p>A made-up convoy was stopped near Gorodji, an invented town, on June 2, 2031.</p>"}"#
    );
    let (st, v) = post(&s, Some(TOKEN), "application/x-ndjson", &body);
    assert_eq!(st, 200, "{v}");
    assert_eq!(v["read"], 4);
    assert_eq!(v["new"], 2, "{v}");
    let rejected = v["rejected"].as_array().unwrap();
    let lines: Vec<u64> = rejected
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![2, 4]);
    assert!(rejected[0]["error"]
        .as_str()
        .unwrap()
        .contains("invalid JSON"));
    assert!(rejected[1]["error"]
        .as_str()
        .unwrap()
        .contains("`text` nor `html`"));

    // Same record again: unchanged. As a JSON object this time.
    let (st, v) = post(&s, Some(TOKEN), "application/json", good);
    assert_eq!(st, 200, "{v}");
    assert_eq!(
        (v["new"].as_u64(), v["unchanged"].as_u64()),
        (Some(0), Some(1))
    );

    let (_, arts) = get(&s, "/api/articles");
    let refs: Vec<&str> = items(&arts)
        .iter()
        .map(|a| a["ref"].as_str().unwrap())
        .collect();
    assert!(
        refs.contains(&"fiction-post-1") && refs.contains(&"https://example.invalid/fiction-3")
    );
    assert_eq!(arts["total"], 2);
    // The record's outlet and url are kept.
    let posted = items(&arts)
        .iter()
        .find(|a| a["ref"] == "fiction-post-1")
        .expect("posted article listed");
    assert_eq!(posted["outlet"], "Le Veilleur (fictif)");
    let by_url = items(&arts)
        .iter()
        .find(|a| a["ref"] == "https://example.invalid/fiction-3")
        .expect("posted page listed");
    assert_eq!(by_url["url"], "https://example.invalid/fiction-3");

    // Whole-body errors.
    let (st, v) = post(&s, Some(TOKEN), "application/json", "{\"id\": ");
    assert_eq!(st, 400);
    assert!(error_of(&v).contains("invalid JSON"));
    let (st, v) = post(
        &s,
        Some(TOKEN),
        "application/json",
        "[{\"title\":\"no id\"}]",
    );
    assert_eq!(st, 400);
    assert_eq!(v["rejected"][0]["line"], 1);
    let (st, v) = post(&s, Some(TOKEN), "application/x-ndjson", "\n\n");
    assert_eq!(st, 400);
    error_of(&v);
    let (st, v) = post(&s, Some(TOKEN), "text/html", "<p>hello</p>");
    assert_eq!(st, 415);
    error_of(&v);
    let big = format!(
        "{{\"id\":\"big\",\"text\":\"{}\"}}",
        "Texte de remplissage imaginaire. ".repeat(TEST_MAX_BODY / 16)
    );
    let (st, v) = post(&s, Some(TOKEN), "application/json", &big);
    assert_eq!(st, 413, "{v}");
    assert!(error_of(&v).contains("too large"));
}

#[test]
fn writes_are_disabled_without_a_configured_token() {
    let s = start(None, false);
    let (st, v) = post(
        &s,
        Some("anything"),
        "application/json",
        r#"{"id":"x","text":"Texte fictif."}"#,
    );
    assert_eq!(st, 403);
    assert!(error_of(&v).contains("disabled"));
}

/// Percent-encodes a query value (RFC 3986 unreserved characters kept).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn geocode_lists_places_choices_and_reasons() {
    let s = start(None, false);
    for text in [
        "Des hommes armés ont incendié Doundé (Bankass, Mopti) dimanche.",
        "Gunmen burned Dounde (Bankass, Mopti) on Sunday.",
    ] {
        let (st, v) = get(&s, &format!("/api/geocode?text={}", encode(text)));
        assert_eq!(st, 200, "{v}");
        assert_eq!(v["country"], "ML");
        let p = &v["places"][0];
        assert_eq!(p["chosen"]["admin2"], "Bankass", "{p}");
        assert!(p["candidates"].as_array().unwrap().len() >= 2);
        assert!(p["why"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("Bankass")));
    }
    let (st, v) = get(&s, "/api/geocode");
    assert_eq!(st, 400);
    assert!(error_of(&v).contains("text"));
    let (st, v) = get(&s, "/api/geocode?text=%20");
    assert_eq!(st, 400);
    error_of(&v);
    let (st, v) = get(&s, "/api/geocode?text=Kayes&radius=3");
    assert_eq!(st, 400);
    assert!(error_of(&v).contains("radius"));
}

#[test]
fn alerts_zones_and_the_atom_feed() {
    let s = start(None, true);
    let (st, v) = get(&s, "/api/alerts");
    assert_eq!(st, 200);
    assert_eq!(v["items"].as_array().unwrap().len(), 0);

    let mut store = Store::open(&s._dir.path().join("vigie.db")).unwrap();
    let geometry =
        serde_json::json!({"kind": "point", "lat": 14.1, "lon": -1.6, "radius_km": 30.0});
    let zone = store
        .add_zone("Djibo & around", "point", &geometry, &["Battles".into()], 0)
        .unwrap();
    let incident = store.incidents(&Default::default()).unwrap()[0].clone();
    for (kind, changes) in [
        ("new", vec![]),
        ("updated", vec!["fatalities: 5 → 12".to_string()]),
    ] {
        store
            .record_alert(&vigie_store::NewAlert {
                incident_id: incident.id.clone(),
                zone_id: zone,
                kind: kind.into(),
                changes: changes.clone(),
                state: serde_json::json!({}),
                payload: serde_json::json!({"kind": kind, "zone": "Djibo & around",
                    "incident": {"id": incident.id, "location": "Djibo <north>", "date": "2026-03-04",
                                 "event_type": "Battles", "fatalities": {"best": 12}},
                    "changes": changes}),
            })
            .unwrap();
    }

    let (st, v) = get(&s, "/api/zones");
    assert_eq!(st, 200);
    assert_eq!(v["items"][0]["name"], "Djibo & around");
    assert_eq!(v["items"][0]["geometry"]["radius_km"], 30.0);
    let (st, v) = get(&s, "/api/alerts?limit=1");
    assert_eq!(st, 200);
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["kind"], "updated", "newest first");
    assert_eq!(items[0]["changes"][0], "fatalities: 5 → 12");
    assert_eq!(items[0]["payload"]["alert_id"], items[0]["id"]);
    let (st, v) = get(&s, "/api/alerts?zone=elsewhere");
    assert_eq!((st, v["items"].as_array().unwrap().len()), (200, 0));
    let (st, v) = get(&s, "/api/alerts?limit=x");
    assert_eq!(st, 400);
    assert!(error_of(&v).contains("limit"));
    let (st, _) = get(&s, "/api/alerts?nonsense=1");
    assert_eq!(st, 400);

    let mut r = agent()
        .get(&format!("{}/alerts.atom", s.base))
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    let xml = r.body_mut().read_to_string().unwrap();
    assert_eq!(xml.matches("<entry>").count(), 2);
    assert!(xml.contains("<title>[Djibo &amp; around] update: Battles at Djibo &lt;north&gt;, 2026-03-04: 12 killed</title>"), "{xml}");
    assert!(
        xml.contains(&format!("{}/api/incidents/{}", s.base, incident.id)),
        "{xml}"
    );
    assert!(xml.contains("Changed: fatalities: 5 → 12"));
    // Well-formed: Vigie's own feed reader reads it back.
    let entries = vigie_monitor::feed::parse(xml.as_bytes(), &s.base).unwrap();
    assert_eq!(entries.len(), 2);
    assert!(entries[0]
        .title
        .as_deref()
        .unwrap()
        .starts_with("[Djibo & around] update"));
}

fn post_json(s: &Server, path: &str, token: Option<&str>, body: &str) -> (u16, Value) {
    let mut req = agent()
        .post(&format!("{}{path}", s.base))
        .content_type("application/json");
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    let mut r = req.send(body).unwrap();
    let status = r.status().as_u16();
    let text = r.body_mut().read_to_string().unwrap();
    let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("POST: not JSON ({e}): {text}"));
    (status, v)
}

fn incident_at(s: &Server, location: &str) -> Value {
    let (_, all) = get(s, "/api/incidents");
    items(&all)
        .iter()
        .find(|i| i["location"] == location)
        .cloned()
        .unwrap_or_else(|| panic!("no incident at {location}"))
}

#[test]
fn corrections_need_the_token_name_their_author_and_make_a_history() {
    let s = start(Some(TOKEN), true);
    let torokela = incident_at(&s, "Torokela");
    let id = torokela["id"].as_str().unwrap().to_string();
    let path = format!("/api/incidents/{id}/corrections");
    let edit = r#"{"op": "edit", "field": "figure", "figure": "fatalities", "low": 12, "best": 13, "high": 15, "note": "hospital count"}"#;

    // Without or with a wrong token: refused, nothing written.
    let (st, v) = post_json(&s, &path, None, edit);
    assert_eq!(st, 401, "{v}");
    let (st, _) = post_json(&s, &path, Some("wrong"), edit);
    assert_eq!(st, 401);
    let (_, h) = get(&s, &format!("/api/incidents/{id}/history"));
    assert_eq!(h["items"].as_array().unwrap().len(), 0);

    // Bad bodies: one line naming the problem.
    let (st, v) = post_json(
        &s,
        &path,
        Some(TOKEN),
        r#"{"op": "edit", "field": "type", "sub_event_type": "Picnic"}"#,
    );
    assert_eq!(st, 400);
    assert!(
        error_of(&v).starts_with("type: \"Picnic\" is not an ACLED sub-event type"),
        "{v}"
    );
    let (st, v) = post_json(&s, &path, Some(TOKEN), r#"{"op": "rename"}"#);
    assert_eq!(st, 400);
    assert!(error_of(&v).contains("rename"), "{v}");
    let (st, v) = post_json(&s, &path, Some(TOKEN), "not json");
    assert_eq!(st, 400);
    assert!(error_of(&v).starts_with("body: not JSON"), "{v}");
    let (st, v) = post_json(&s, "/api/incidents/nope/corrections", Some(TOKEN), edit);
    assert_eq!(st, 404, "{v}");
    let (st, v) = post_json(
        &s,
        &path,
        Some(TOKEN),
        r#"{"op": "edit", "field": "place", "coordinates": "95,3"}"#,
    );
    assert_eq!(st, 400);
    assert!(error_of(&v).starts_with("place:"), "{v}");

    // The edit: in force at once, its author the token's name.
    let (st, v) = post_json(&s, &path, Some(TOKEN), edit);
    assert_eq!(st, 201, "{v}");
    assert_eq!(v["correction"]["author"], "desk-test");
    assert_eq!(v["correction"]["applied_to"], id.as_str());
    assert_eq!(v["incident"]["fatalities"]["best"], 13);
    let (_, now) = get(&s, &format!("/api/incidents/{id}"));
    assert_eq!(now["fatalities"]["low"], 12);
    assert_eq!(now["fatalities"]["best"], 13);
    assert_eq!(now["review"]["status"], "corrected");
    assert!(now["tags"]
        .as_str()
        .unwrap()
        .contains("reviewed: corrected"));

    // A place by coordinates, then a confirmation.
    let (st, v) = post_json(
        &s,
        &path,
        Some(TOKEN),
        r#"{"op": "edit", "field": "place", "coordinates": "14.40,-10.80", "location": "Torokela market"}"#,
    );
    assert_eq!(st, 201, "{v}");
    assert_eq!(v["incident"]["location"], "Torokela market");
    let (st, _) = post_json(&s, &path, Some(TOKEN), r#"{"op": "confirm"}"#);
    assert_eq!(st, 201);

    let (st, h) = get(&s, &format!("/api/incidents/{id}/history"));
    assert_eq!(st, 200, "{h}");
    let hist = h["items"].as_array().unwrap();
    assert_eq!(hist.len(), 3);
    assert_eq!(hist[0]["op"], "edit");
    assert_eq!(hist[0]["note"], "hospital count");
    assert_eq!(hist[0]["before"]["fatalities"]["best"], 12);
    assert_eq!(hist[0]["after"]["fatalities"]["best"], 13);
    assert!(
        hist[0]["changes"][0]
            .as_str()
            .unwrap()
            .starts_with("fatalities:"),
        "{h}"
    );
    assert_eq!(hist[2]["op"], "confirm");
    let (_, now) = get(&s, &format!("/api/incidents/{id}"));
    assert_eq!(now["review"]["status"], "confirmed");
    let (st, _) = get(&s, "/api/incidents/nope/history");
    assert_eq!(st, 404);

    // Not an event: gone from lists, still readable by id; the journal lists everything.
    let kanfiela = incident_at(&s, "Kanfiela")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (st, _) = post_json(
        &s,
        &format!("/api/incidents/{kanfiela}/corrections"),
        Some(TOKEN),
        r#"{"op": "not_an_event", "note": "a drill"}"#,
    );
    assert_eq!(st, 201);
    let (_, all) = get(&s, "/api/incidents");
    assert!(!locations(&all).contains(&"Kanfiela".to_string()));
    let (st, one) = get(&s, &format!("/api/incidents/{kanfiela}"));
    assert_eq!(
        (st, one["review"]["status"].as_str()),
        (200, Some("not an event"))
    );
    let (_, journal) = get(&s, "/api/corrections");
    assert_eq!(journal["items"].as_array().unwrap().len(), 4);
    let (_, stale) = get(&s, "/api/corrections?stale=true");
    assert_eq!(stale["items"].as_array().unwrap().len(), 0);
    let (st, _) = get(&s, "/api/corrections?stale=maybe");
    assert_eq!(st, 400);
}

#[test]
fn corrections_are_refused_when_writes_are_disabled() {
    let s = start(None, true);
    let id = incident_at(&s, "Torokela")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (st, v) = post_json(
        &s,
        &format!("/api/incidents/{id}/corrections"),
        Some(TOKEN),
        r#"{"op": "confirm"}"#,
    );
    assert_eq!(st, 403, "{v}");
}

#[test]
fn the_report_is_one_html_page_with_its_charts() {
    let s = start(None, true);
    let mut r = agent()
        .get(&format!(
            "{}/report?since=2031-03-01&until=2031-05-31",
            s.base
        ))
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = r.body_mut().read_to_string().unwrap();
    assert!(html.contains("Situation report"));
    assert!(html.matches("<svg").count() >= 5, "charts missing");
    assert!(html.contains("Torokela") && html.contains("Kanfiela"));
    // The disputed Torokela toll is shown with what each source says.
    assert!(html.contains("disputed fatalities"), "{html}");
    // Reversed bounds give the period between the two days.
    let mut r = agent()
        .get(&format!(
            "{}/report?since=2031-06-01&until=2031-05-01",
            s.base
        ))
        .call()
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let swapped = r.body_mut().read_to_string().unwrap();
    assert!(
        swapped.contains("Situation report 2031-05-01 – 2031-06-01"),
        "{}",
        &swapped[..swapped.len().min(400)]
    );
    let (st, v) = get(&s, "/report?colour=red");
    assert_eq!(st, 400);
    assert!(error_of(&v).contains("colour"));
}
