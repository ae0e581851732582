//! The real `vigie` binary on the shared seeds and on texts of our own: schema-valid output,
//! idempotent re-ingest, versions, output formats.

mod common;
use common::*;

/// Texts written for these tests (fiction in the style of news dispatches; places are real
/// Sahel towns, events invented).
const FR_ATTACK: &str = "Mali : une attaque contre le poste de gendarmerie de Diéma\n\n\
Des hommes armés non identifiés ont attaqué le poste de gendarmerie de Diéma, dans la région de Kayes, \
le 3 février 2025 vers 4 heures du matin. Selon une source sécuritaire, deux gendarmes ont été tués \
et trois autres blessés. Les assaillants, une trentaine selon des habitants, ont pris la fuite vers le nord.";

const EN_ABDUCTION: &str = "Gunmen abduct five traders near Djibo\n\n\
Armed men kidnapped five traders on the road between Djibo and Namssiguia in northern Burkina Faso \
on 14 March 2025, local sources said. A relative of one of the victims said six people had been taken. \
No group has claimed the abduction.";

#[test]
fn seeds_ingest_and_every_incident_validates_against_the_schema() {
    let seeds = seeds_dir();
    let Some(v) = validator() else {
        eprintln!("note: ../shared/schema absent, test skipped");
        return;
    };
    if !seeds.is_dir() {
        eprintln!("note: {} absent, test skipped", seeds.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    let r = vigie(&db, &["ingest", seeds.to_str().unwrap()]);
    assert_eq!(r.code, 0, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    let n_files = std::fs::read_dir(&seeds)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count();
    assert_eq!(
        summary(&r),
        format!("read {n_files}, new {n_files}, unchanged 0, updated 0, rejected 0")
    );
    let n = validate_incidents(&db, &v);
    assert!(n > 0, "the seed reports should give incidents");
    assert_eq!(article_refs(&db).len(), n_files);
}

#[test]
fn our_own_texts_ingest_and_validate() {
    let Some(v) = validator() else {
        eprintln!("note: ../shared/schema absent, test skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write(&input.join("diema-fr.txt"), FR_ATTACK.as_bytes());
    write(&input.join("djibo-en.md"), EN_ABDUCTION.as_bytes());
    let record = serde_json::json!({
        "id": "wire-djibo", "url": "https://wire.example.org/djibo", "outlet": "Example Wire",
        "published": "2025-03-15T09:30:00Z", "language": "en",
        "html": format!("<html><body><nav>Home | World</nav><article><h1>Traders kidnapped</h1><p>{}</p></article><footer>© Example</footer></body></html>", EN_ABDUCTION.replace("\n\n", "</p><p>"))
    });
    write(&input.join("wire.jsonl"), format!("{record}\n").as_bytes());
    let r = vigie(&db, &["ingest", input.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        summary(&r),
        "read 3, new 3, unchanged 0, updated 0, rejected 0"
    );
    let n = validate_incidents(&db, &v);
    eprintln!("note: {n} incidents from our own texts");
    let mut refs = article_refs(&db);
    refs.sort();
    assert_eq!(refs, vec!["diema-fr", "djibo-en", "wire-djibo"]);
    // The HTML record keeps its metadata.
    let a = vigie(&db, &["article", "wire-djibo", "--format", "json"]);
    assert_eq!(a.code, 0, "{}", a.stderr);
    let a: serde_json::Value = serde_json::from_str(&a.stdout).unwrap();
    assert_eq!(a["url"], "https://wire.example.org/djibo");
    assert_eq!(a["outlet"], "Example Wire");
    assert_eq!(a["published"], "2025-03-15");
    assert!(a["text"]
        .as_str()
        .unwrap()
        .contains("kidnapped five traders"));
}

fn snapshot(db: &std::path::Path) -> String {
    let mut s = String::new();
    for args in [
        &["articles", "--format", "jsonl"][..],
        &["incidents", "--format", "jsonl"][..],
        &["incidents", "--format", "csv"][..],
    ] {
        let r = vigie(db, args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        s.push_str(&r.stdout);
    }
    s
}

#[test]
fn a_second_ingest_adds_nothing_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write(&input.join("diema-fr.txt"), FR_ATTACK.as_bytes());
    write(&input.join("djibo-en.txt"), EN_ABDUCTION.as_bytes());
    let mut paths: Vec<String> = vec![input.to_str().unwrap().to_string()];
    if seeds_dir().is_dir() {
        paths.push(seeds_dir().to_str().unwrap().to_string());
    }
    let args: Vec<&str> = std::iter::once("ingest")
        .chain(paths.iter().map(String::as_str))
        .collect();
    let first = vigie(&db, &args);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = snapshot(&db);
    // Let a second tick pass so a rewritten timestamp would show.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = vigie(&db, &args);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let n = article_refs(&db).len();
    assert_eq!(
        summary(&second),
        format!("read {n}, new 0, unchanged {n}, updated 0, rejected 0")
    );
    assert_eq!(
        snapshot(&db),
        before,
        "a second ingest must not change the store"
    );

    // A changed text under the same ref is a new version.
    write(
        &input.join("diema-fr.txt"),
        FR_ATTACK
            .replace("deux gendarmes", "quatre gendarmes")
            .as_bytes(),
    );
    let third = vigie(&db, &args);
    assert_eq!(
        summary(&third),
        format!(
            "read {n}, new 0, unchanged {}, updated 1, rejected 0",
            n - 1
        )
    );
    let a = vigie(&db, &["article", "diema-fr", "--format", "json"]);
    let a: serde_json::Value = serde_json::from_str(&a.stdout).unwrap();
    assert_eq!(a["version"], 2);
    assert!(a["text"].as_str().unwrap().contains("quatre gendarmes"));
}

#[test]
fn csv_has_acled_columns_then_extras() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let f = dir.path().join("diema.txt");
    write(&f, FR_ATTACK.as_bytes());
    assert_eq!(vigie(&db, &["ingest", f.to_str().unwrap()]).code, 0);
    let r = vigie(&db, &["incidents", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut rd = csv::ReaderBuilder::new().from_reader(r.stdout.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
    let expected = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,\
assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,\
admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp,\
fatalities_low,fatalities_best,fatalities_high,abducted_low,abducted_best,abducted_high,attackers_low,\
attackers_best,attackers_high,injured_low,injured_best,injured_high,article_refs";
    assert_eq!(header.join(","), expected);
    for rec in rd.records() {
        let rec = rec.unwrap();
        assert_eq!(rec.len(), header.len());
        assert_eq!(&rec[43], "diema");
    }
}

#[test]
fn geojson_is_a_feature_collection() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let f = dir.path().join("djibo.txt");
    write(&f, EN_ABDUCTION.as_bytes());
    assert_eq!(vigie(&db, &["ingest", f.to_str().unwrap()]).code, 0);
    let r = vigie(&db, &["incidents", "--format", "geojson"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    for f in v["features"].as_array().unwrap() {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        assert!(c[0].as_f64().unwrap().abs() <= 180.0 && c[1].as_f64().unwrap().abs() <= 90.0);
        assert!(f["properties"]["id"].is_string());
    }
}

#[test]
fn show_unknown_id_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let r = vigie(&db, &["show", "no-such-incident"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.trim(),
        "error: no incident with id \"no-such-incident\" (list them with `vigie incidents`)"
    );
}

#[test]
fn show_lists_every_claim_of_each_incident() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let f = dir.path().join("djibo.txt");
    write(&f, EN_ABDUCTION.as_bytes());
    assert_eq!(vigie(&db, &["ingest", f.to_str().unwrap()]).code, 0);
    let r = vigie(&db, &["incidents", "--format", "jsonl"]);
    for line in r.stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["id"].as_str().unwrap();
        let text = vigie(&db, &["show", id]);
        assert_eq!(text.code, 0, "{}", text.stderr);
        assert!(text.stdout.starts_with(&format!("Incident {id}\n")));
        for c in v["claims"].as_array().unwrap() {
            let quote = c["quote"].as_str().unwrap().replace('\n', " ");
            assert!(
                text.stdout.contains(&format!("«{quote}»")),
                "claim missing from show: {quote}"
            );
        }
        let json = vigie(&db, &["show", id, "--format", "json"]);
        let back: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        assert_eq!(back, v);
    }
}

#[test]
fn filters_reach_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write(&input.join("diema-fr.txt"), FR_ATTACK.as_bytes());
    write(&input.join("djibo-en.txt"), EN_ABDUCTION.as_bytes());
    assert_eq!(vigie(&db, &["ingest", input.to_str().unwrap()]).code, 0);
    let all = vigie(&db, &["incidents", "--format", "jsonl"]).stdout;
    let all: Vec<serde_json::Value> = all
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let count = |args: &[&str]| {
        let mut a = vec!["incidents", "--format", "jsonl"];
        a.extend_from_slice(args);
        let r = vigie(&db, &a);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout.lines().count()
    };
    let in_mali = all.iter().filter(|v| v["country"] == "Mali").count();
    assert_eq!(count(&["--country", "Mali"]), in_mali);
    assert_eq!(count(&["--country", "ml"]), in_mali);
    assert_eq!(count(&["--since", "2100-01-01"]), 0);
    assert_eq!(count(&["--near", "0,0,1"]), 0);
    assert_eq!(count(&["--limit", "1"]), all.len().min(1));
    let bad = vigie(&db, &["incidents", "--near", "14,-9"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("expected LAT,LON,KM"), "{}", bad.stderr);
    let bad = vigie(&db, &["incidents", "--since", "yesterday"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn an_unopenable_store_is_exit_2_and_nothing_is_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    write(&f, FR_ATTACK.as_bytes());
    let db = dir.path().join("no-such-dir").join("v.db");
    let r = vigie(&db, &["ingest", f.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: cannot open "), "{}", r.stderr);
    assert!(!db.exists());
}

#[test]
fn large_jsonl_goes_in_several_batches() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let f = dir.path().join("many.jsonl");
    let mut s = String::new();
    for i in 0..1203 {
        s.push_str(&serde_json::json!({"id": format!("n{i}"), "text": format!("Dépêche numéro {i} : rien à signaler à Ségou.")}).to_string());
        s.push('\n');
    }
    s.push_str("{\"id\": \"broken\"\n");
    write(&f, s.as_bytes());
    let r = vigie(&db, &["ingest", f.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        summary(&r),
        "read 1204, new 1203, unchanged 0, updated 0, rejected 1"
    );
    assert_eq!(article_refs(&db).len(), 1203);
}

#[test]
fn html_pages_lose_their_furniture() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let f = dir.path().join("page-tessit.html");
    let html = "<!doctype html><html><head><title>Patrouille attaquée près de Tessit</title></head><body>\
<header><nav><a href=\"/\">Accueil</a> | <a href=\"/monde\">Monde</a> | <a href=\"/sport\">Sport</a></nav></header>\
<main><article><h1>Une patrouille attaquée près de Tessit</h1>\
<p>Une patrouille de l'armée malienne est tombée dans une embuscade près de Tessit, dans la région de Gao, le 9 juin 2025, \
selon un communiqué de l'état-major.</p><p>Le communiqué fait état de trois soldats blessés.</p></article></main>\
<footer>© 2025 Journal fictif. Tous droits réservés. Abonnez-vous à notre lettre d'information.</footer></body></html>";
    write(&f, html.as_bytes());
    let r = vigie(&db, &["ingest", f.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let a = vigie(&db, &["article", "page-tessit", "--format", "json"]);
    let a: serde_json::Value = serde_json::from_str(&a.stdout).unwrap();
    let text = a["text"].as_str().unwrap();
    assert!(
        text.contains("tombée dans une embuscade près de Tessit"),
        "{text}"
    );
    assert!(
        !text.contains("Abonnez-vous") && !text.contains("Accueil") && !text.contains('<'),
        "{text}"
    );
}

#[test]
fn the_store_path_comes_from_vigie_db() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("from-env.db");
    let f = dir.path().join("note.txt");
    write(&f, "Un rapport bref sur Ansongo.".as_bytes());
    let out = std::process::Command::new(BIN)
        .args(["ingest", f.to_str().unwrap()])
        .env("VIGIE_DB", &db)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(db.exists());
    assert!(!dir.path().join("vigie.db").exists());
    assert_eq!(article_refs(&db), vec!["note"]);
}
