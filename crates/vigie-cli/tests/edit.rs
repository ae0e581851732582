//! `vigie edit …`, `vigie history`, `vigie reprocess`: corrections from the command line, their
//! audit trail, and what exports say about reviewed incidents.

mod common;

use common::vigie;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../web/tests/fixture.jsonl"
    ))
}

fn incidents(db: &Path) -> Vec<Value> {
    let r = vigie(db, &["incidents", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn id_at(db: &Path, location: &str) -> String {
    incidents(db)
        .iter()
        .find(|i| i["location"] == location)
        .unwrap_or_else(|| panic!("no incident at {location}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn edits_from_the_cli_are_audited_exported_and_survive_reprocessing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    assert_eq!(
        vigie(&db, &["-q", "ingest", fixture().to_str().unwrap()]).code,
        0
    );
    let niono = id_at(&db, "Niono");
    let djenne = id_at(&db, "Djenné");
    let douentza = id_at(&db, "Douentza");

    let r = vigie(
        &db,
        &[
            "edit",
            "figure",
            &niono,
            "fatalities",
            "--low",
            "12",
            "--best",
            "14",
            "--high",
            "15",
            "--note",
            "hospital count",
            "--as",
            "amina",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("correction 1 by amina: edit: fatalities = 14"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("fatalities: 12 (12–15) → 14 (12–15)"),
        "{}",
        r.stdout
    );
    let r = vigie(&db, &["edit", "merge", &djenne, &douentza, "--as", "amina"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = vigie(
        &db,
        &[
            "edit",
            "date",
            &niono,
            "2031-03-02",
            "--precision",
            "2",
            "--as",
            "bob",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);

    // Bad input: one line, exit 2, nothing written.
    for (args, expected) in [
        (
            vec!["edit", "date", niono.as_str(), "2031-13-02"],
            "error: date: \"2031-13-02\" is not YYYY-MM-DD",
        ),
        (
            vec!["edit", "place", niono.as_str(), "--name", "Atlantis"],
            "error: place: no gazetteer place named \"Atlantis\"; give coordinates instead (LAT,LON)",
        ),
        (vec!["edit", "confirm", "ML-nope"], "error: no incident ML-nope"),
    ] {
        let r = vigie(&db, &args);
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(r.stderr.trim(), expected, "{args:?}");
    }

    let history = vigie(&db, &["history", &niono]);
    assert_eq!(history.code, 0, "{}", history.stderr);
    assert!(history
        .stdout
        .contains("by amina: edit: fatalities = 14 (low 12, high 15)"));
    assert!(history.stdout.contains("note: hospital count"));
    assert!(history
        .stdout
        .contains("by bob: edit: date = 2031-03-02 (precision 2)"));
    assert!(
        history.stdout.contains("date: 2031-03-03 → 2031-03-02"),
        "{}",
        history.stdout
    );
    assert!(!history.stdout.contains("merge"), "{}", history.stdout);

    // Exports mark reviewed incidents: a `reviewed: …` tag in CSV, a `review` field in JSONL.
    let csv = vigie(&db, &["incidents", "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(csv.stdout.as_bytes());
    let header = rows.headers().unwrap().clone();
    let tags = header.iter().position(|h| h == "tags").unwrap();
    let reviewed: Vec<String> = rows
        .records()
        .map(|r| r.unwrap()[tags].to_string())
        .filter(|t| t.contains("reviewed: corrected"))
        .collect();
    assert_eq!(reviewed.len(), 2, "{}", csv.stdout);
    let geo = vigie(&db, &["incidents", "--format", "geojson"]);
    let geo: Value = serde_json::from_str(&geo.stdout).unwrap();
    let statuses: Vec<&Value> = geo["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| &f["properties"]["review"])
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == "corrected").count(),
        2,
        "{geo}"
    );

    let check = |when: &str| {
        let all = incidents(&db);
        assert_eq!(all.len(), 2, "{when}: Douentza merged into Djenné");
        let n = all.iter().find(|i| i["location"] == "Niono").unwrap();
        assert_eq!(n["fatalities"]["best"], 14, "{when}");
        assert_eq!(n["date"], "2031-03-02", "{when}");
        assert_eq!(n["review"]["status"], "corrected", "{when}");
        assert_eq!(
            n["review"]["reviewers"],
            serde_json::json!(["amina", "bob"]),
            "{when}"
        );
        let d = all.iter().find(|i| i["location"] == "Djenné").unwrap();
        assert_eq!(d["articles"].as_array().unwrap().len(), 2, "{when}");
    };
    check("after the edits");
    let r = vigie(&db, &["reprocess"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.trim(),
        "2 incidents; 0 corrections no longer apply (vigie edit list --stale)"
    );
    check("after reprocessing every stored article");

    let journal = vigie(&db, &["edit", "list"]);
    assert_eq!(journal.stdout.lines().count(), 4, "{}", journal.stdout);
    let stale = vigie(&db, &["edit", "list", "--stale"]);
    assert_eq!(stale.stdout, "no corrections\n");
    let shown = vigie(&db, &["show", &niono]);
    assert!(
        shown.stdout.contains("Review:   corrected by amina, bob"),
        "{}",
        shown.stdout
    );
}
