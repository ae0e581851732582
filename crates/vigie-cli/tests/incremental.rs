//! Ingesting in several runs gives the same incidents, with the same ids, as ingesting
//! everything at once; unchanged incidents are not rewritten; wire copies count as one source.

mod common;
use common::*;
use std::path::{Path, PathBuf};

fn ingest(db: &Path, paths: &[&Path]) {
    let mut args = vec!["ingest"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let r = vigie(db, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn ingesting_in_three_runs_equals_ingesting_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let lines = sample_lines();
    assert!(
        lines.len() >= 30,
        "sample corpus has {} reports",
        lines.len()
    );
    // Interleaved thirds, so reports of one incident arrive in different runs.
    let mut parts = Vec::new();
    for k in 0..3 {
        let part: Vec<&str> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 3 == k)
            .map(|(_, l)| l.as_str())
            .collect();
        let path = dir.path().join(format!("part{k}.jsonl"));
        write(&path, (part.join("\n") + "\n").as_bytes());
        parts.push(path);
    }
    let incremental = dir.path().join("incremental.db");
    for p in parts.iter().rev() {
        ingest(&incremental, &[p]);
    }
    let scratch = dir.path().join("scratch.db");
    ingest(
        &scratch,
        &parts.iter().map(PathBuf::as_path).collect::<Vec<_>>(),
    );

    let a = incidents_without_timestamps(&incremental);
    let b = incidents_without_timestamps(&scratch);
    assert!(a.len() >= 10, "only {} incidents", a.len());
    let multi = a
        .iter()
        .filter(|v| v["articles"].as_array().is_some_and(|x| x.len() > 1))
        .count();
    assert!(
        multi >= 3,
        "some incidents gather reports from several runs"
    );
    assert_eq!(a, b, "incremental and from-scratch stores differ");
}

#[test]
fn adding_unrelated_reports_leaves_existing_incidents_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let lines = sample_lines();
    let half = |parity: usize| -> Vec<&str> {
        lines
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == parity)
            .map(|(_, l)| l.as_str())
            .collect()
    };
    let (first, rest) = (half(0), half(1));
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    write(&a, (first.join("\n") + "\n").as_bytes());
    write(&b, (rest.join("\n") + "\n").as_bytes());
    let db = dir.path().join("v.db");
    ingest(&db, &[&a]);
    // (id, timestamp, reports and operation)
    let stamps = |db: &Path| -> Vec<(String, i64, Vec<String>)> {
        let r = vigie(db, &["incidents", "--format", "jsonl"]);
        r.stdout
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                (
                    v["id"].as_str().unwrap().to_string(),
                    v["timestamp"].as_i64().unwrap(),
                    v["articles"]
                        .as_array()
                        .map_or(Vec::new(), |refs| {
                            refs.iter()
                                .filter_map(|a| a["ref"].as_str().map(str::to_string))
                                .collect()
                        })
                        .into_iter()
                        .chain(v["operation"].as_str().map(str::to_string))
                        .collect(),
                )
            })
            .collect()
    };
    let before = stamps(&db);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    ingest(&db, &[&b]);
    let after = stamps(&db);
    // An incident whose reports (and operation) stayed the same keeps its id and its row.
    let mut kept = 0;
    for (id, ts, n) in &before {
        if let Some((_, ts2, n2)) = after.iter().find(|(i, _, _)| i == id) {
            if n2 == n {
                assert_eq!(
                    ts2, ts,
                    "incident {id} was rewritten though nothing changed"
                );
                kept += 1;
            }
        }
    }
    assert!(kept > 0, "no incident of the first run was left as it was");
    // Ones that did get reports changed their timestamp.
    assert!(
        after
            .iter()
            .any(|(id, ts, _)| before.iter().any(|(i, t, _)| i == id && t < ts)),
        "some incident gained a report from the second run"
    );
}

const WIRE: &str = "Récit fictif écrit pour les tests de Vigie.\n\n\
Trois civils ont été tués le dimanche 8 mars 2026 lors de l'attaque du village de Kouakourou, \
dans le cercle de Djenné, par des hommes armés non identifiés, selon une source locale. Les \
assaillants ont incendié des greniers avant de repartir vers la brousse, a précisé cette source.";

fn record(id: &str, outlet: &str, published: &str, text: &str) -> String {
    serde_json::json!({
        "id": id, "outlet": outlet, "published": published, "text": text
    })
    .to_string()
}

#[test]
fn wire_copies_are_recognised_and_count_as_one_source() {
    let dir = tempfile::tempdir().unwrap();
    let copy1 = format!(
        "Mali : trois civils tués à Kouakourou\n\n{WIRE}\n\nLire aussi nos autres articles."
    );
    let copy2 = format!("{WIRE}\n\n© Agence fictive de presse");
    let own_fr = "Récit fictif écrit pour les tests de Vigie.\n\nCinq villageois ont été tués \
        dimanche 8 mars 2026 à Kouakourou, dans le cercle de Djenné, ont indiqué des habitants \
        joints par téléphone, qui décrivent une attaque menée par des hommes armés à moto.";
    let own_en = "Fictional report written for Vigie's tests.\n\nFive villagers were killed when \
        gunmen attacked Kouakourou, in Mali's Djenné district, on Sunday March 8, 2026, a local \
        councillor said.";
    let input = dir.path().join("in.jsonl");
    let lines = [
        record("wire", "Agency", "2026-03-09", WIRE),
        record("copy-1", "Outlet one", "2026-03-10", &copy1),
        record("copy-2", "Outlet two", "2026-03-10", &copy2),
        record("own-fr", "Outlet three", "2026-03-09", own_fr),
        record("own-en", "Outlet four", "2026-03-10", own_en),
    ];
    write(&input, (lines.join("\n") + "\n").as_bytes());
    let db = dir.path().join("v.db");
    ingest(&db, &[&input]);

    let r = vigie(&db, &["articles", "--format", "jsonl"]);
    let copies: Vec<(String, String)> = r
        .stdout
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some((
                v["ref"].as_str()?.to_string(),
                v["copy_of"].as_str()?.to_string(),
            ))
        })
        .collect();
    assert_eq!(
        copies,
        vec![
            ("copy-1".to_string(), "wire".to_string()),
            ("copy-2".to_string(), "wire".to_string())
        ]
    );

    let all = incidents_without_timestamps(&db);
    let raid: Vec<_> = all
        .iter()
        .filter(|v| v["location"] == "Kouakourou")
        .collect();
    assert_eq!(raid.len(), 1, "{all:#?}");
    assert_eq!(raid[0]["articles"].as_array().unwrap().len(), 5);
    // Three copies of one story say 3; two independent reports say 5. Counted by article the
    // best estimate would be 3; counted by source it is 5.
    assert_eq!(raid[0]["fatalities"]["low"], 3);
    assert_eq!(raid[0]["fatalities"]["high"], 5);
    assert_eq!(raid[0]["fatalities"]["best"], 5, "{:#?}", raid[0]["claims"]);
    let shown = vigie(&db, &["show", raid[0]["id"].as_str().unwrap()]);
    assert!(
        shown.stdout.contains("copy-1 — Outlet one · 2026-03-10")
            && shown.stdout.contains("wire copy of wire, counted once"),
        "{}",
        shown.stdout
    );
}
