//! `vigie geocode TEXT`: places found, the candidate chosen, the others and why (sentences written
//! for these tests, French and English).

mod common;
use common::*;

#[test]
fn geocode_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let r = vigie(
        &db,
        &[
            "geocode",
            "Des hommes armés ont incendié Doundé (Bankass, Mopti) dimanche.",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("story's country: ML"), "{}", r.stdout);
    assert!(r.stdout.contains("\"Doundé\""), "{}", r.stdout);
    assert!(
        r.stdout.contains("chosen: Doundé [ML] Mopti / Bankass"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("units given with the name: Bankass, Mopti"),
        "{}",
        r.stdout
    );
    // geocoding never creates a store
    assert!(!db.exists());

    let r = vigie(
        &db,
        &[
            "geocode",
            "--format",
            "json",
            "Gunmen attacked Douna, Mopti, near the Burkina Faso border.",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["country"], "ML");
    let douna = &v["places"][0];
    assert_eq!(douna["surface"], "Douna");
    assert_eq!(douna["chosen"]["country_code"], "ML");
    assert!(douna["candidates"].as_array().unwrap().len() >= 2);
    assert!(douna["candidates"][0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r.as_str().unwrap().contains("units given with the name")));

    let r = vigie(&db, &["geocode", "Rien à signaler aujourd'hui."]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("no place found"), "{}", r.stdout);
}
