//! `vigie gazetteer import` stores GeoNames rows in the DB; `lookup` and later ingests use them.

mod common;
use common::*;

#[test]
fn import_then_lookup_finds_the_new_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    // A fictional village in GeoNames' 19-column format, then a malformed line.
    let dump = "9999001\tKoulouvigie\tKoulouvigie\tKoulou Vigie\t14.6\t-11.2\tP\tPPL\tML\t\t03\t\t\t\t0\t\t47\tAfrica/Bamako\t2024-01-01\n\
                not a geonames line\n";
    let f = dir.path().join("ML-extra.txt");
    write(&f, dump.as_bytes());
    let before = vigie(&db, &["gazetteer", "lookup", "Koulouvigie"]);
    assert_eq!(before.code, 1);
    assert!(
        before.stderr.starts_with("no place named \"Koulouvigie\""),
        "{}",
        before.stderr
    );

    let r = vigie(&db, &["gazetteer", "import", f.to_str().unwrap()]);
    assert_eq!(r.code, 1, "one line was malformed: {}", r.stderr);
    assert_eq!(
        r.stdout.trim(),
        format!("imported 1 places from {}, rejected 1 lines", f.display())
    );
    let errors: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with(&format!("error: {}:2: ", f.display())),
        "{}",
        errors[0]
    );

    let l = vigie(&db, &["gazetteer", "lookup", "koulou vigie"]);
    assert_eq!(l.code, 0, "{}", l.stderr);
    let row = l.stdout.lines().nth(1).unwrap();
    assert!(row.starts_with("Koulouvigie"), "{row}");
    assert!(row.contains("14.6000") && row.contains("-11.2000"), "{row}");

    // Importing again does not duplicate the row.
    vigie(&db, &["gazetteer", "import", f.to_str().unwrap()]);
    let l = vigie(&db, &["gazetteer", "lookup", "Koulouvigie"]);
    assert_eq!(
        l.stdout
            .lines()
            .filter(|x| x.starts_with("Koulouvigie"))
            .count(),
        1,
        "{}",
        l.stdout
    );
}
