//! Importing a newer GeoNames dump into the bundled gazetteer.

use vigie_geo::{find_places, parse_geonames_dump, resolve, Gazetteer, PlaceKind};

// Fictional rows in GeoNames dump format: a new village, and a new spelling for Kayes.
const DUMP: &str = "90000001\tTadjoulamé\tTadjoulame\tTadjoulami\t14.50000\t-11.30000\tP\tPPL\tML\t\t03\t\t\t\t0\t\t50\tAfrica/Bamako\t2025-01-01\n\
90000002\tKayes\tKayes\tKayi Ba\t14.44700\t-11.44400\tP\tPPLA\tML\t\t03\t\t\t\t130000\t\t50\tAfrica/Bamako\t2025-01-01\n";

#[test]
fn import_adds_new_places_and_merges_known_ones() {
    let base = Gazetteer::bundled();
    let extra = parse_geonames_dump(DUMP.as_bytes()).unwrap();
    let g = base.with_extra(extra);
    assert_eq!(
        g.len(),
        base.len() + 1,
        "Kayes merged, the new village appended"
    );
    let ids = g.lookup("Tadjoulame");
    assert_eq!(ids.len(), 1);
    let p = g.place(ids[0]);
    assert_eq!(p.kind, PlaceKind::Village);
    assert_eq!(p.sources, vec!["import"]);
    // admin units taken from the nearest known place (the Kayes area)
    assert_eq!(p.admin1.as_deref(), Some("Kayes"));
    assert_eq!(p.admin2.as_deref(), Some("Kayes"));
    // the new spelling of Kayes now finds the city
    let kayes = g.lookup("Kayi Ba");
    assert!(kayes.iter().any(|&id| g.place(id).population >= 127_368
        && g.place(id).sources.contains(&"import".to_string())));
    let text = "Des hommes armés ont attaqué Tadjoulamé, au Mali.";
    let ms = find_places(&g, text);
    let rs = resolve(&g, text, &ms);
    let r = rs
        .iter()
        .flatten()
        .find(|r| r.location == "Tadjoulamé")
        .unwrap();
    assert_eq!(r.geo_precision, 1);
}
