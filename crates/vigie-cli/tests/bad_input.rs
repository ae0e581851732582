//! Every kind of bad input gets a one-line error naming the file (and line); the good files of
//! the same batch still go in; the exit status is 1.

mod common;
use common::*;
use std::path::{Path, PathBuf};

const GOOD: &str =
    "Des hommes armés ont incendié un camion-citerne près de Nara le 2 avril 2025, selon des \
témoins. Aucune victime n'a été signalée.";

/// A directory with one good file; returns (tempdir, input dir, db path).
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write(&input.join("good.txt"), GOOD.as_bytes());
    let db = dir.path().join("v.db");
    (dir, input, db)
}

fn ingest_dir(db: &Path, input: &Path) -> Run {
    vigie(db, &["ingest", input.to_str().unwrap()])
}

/// The run rejected exactly `expected` (one `error:` line each), kept the good file, exited 1.
fn check(r: &Run, db: &Path, expected: &[String], refs: &[&str]) {
    let errors: Vec<&str> = r
        .stderr_lines()
        .into_iter()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(
        errors,
        expected.iter().map(String::as_str).collect::<Vec<_>>(),
        "stderr: {}",
        r.stderr
    );
    assert_eq!(r.code, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    let mut got = article_refs(db);
    got.sort();
    let mut want: Vec<String> = refs.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want);
    // `vigie articles` also shows the rejected inputs.
    let a = vigie(db, &["articles"]);
    for e in expected {
        assert!(
            a.stdout
                .contains(&format!("rejected: {}", &e["error: ".len()..])),
            "{}",
            a.stdout
        );
    }
}

fn p(input: &Path, name: &str) -> String {
    input.join(name).display().to_string()
}

#[test]
fn binary_file() {
    let (_d, input, db) = setup();
    write(&input.join("x.txt"), b"\x7fELF\x02\x01\x01\0\0\0\0\0binary");
    let r = ingest_dir(&db, &input);
    check(
        &r,
        &db,
        &[format!(
            "error: {}: binary file (NUL bytes)",
            p(&input, "x.txt")
        )],
        &["good"],
    );
    assert_eq!(
        summary(&r),
        "read 2, new 1, unchanged 0, updated 0, rejected 1"
    );
}

#[test]
fn empty_file() {
    let (_d, input, db) = setup();
    write(&input.join("empty.txt"), b"");
    write(&input.join("blank.md"), b"  \n\n ");
    let r = ingest_dir(&db, &input);
    check(
        &r,
        &db,
        &[
            format!("error: {}: empty file", p(&input, "blank.md")),
            format!("error: {}: empty file", p(&input, "empty.txt")),
        ],
        &["good"],
    );
}

#[test]
fn huge_file() {
    let (_d, input, db) = setup();
    let big = "Texte de remplissage. ".repeat(12_400_000 / 22 + 1);
    write(&input.join("big.txt"), &big.as_bytes()[..12_400_000]);
    let r = ingest_dir(&db, &input);
    check(
        &r,
        &db,
        &[format!(
            "error: {}: file too large (12.4 MB > 10 MB)",
            p(&input, "big.txt")
        )],
        &["good"],
    );
}

#[test]
fn windows_1252_is_decoded_and_accepted() {
    let (_d, input, db) = setup();
    // "Attaque à Sévaré – « 3 morts »" in Windows-1252 bytes.
    write(
        &input.join("cp.txt"),
        b"Attaque \xe0 S\xe9var\xe9 \x96 \xab 3 morts \xbb, selon l'arm\xe9e.",
    );
    let r = ingest_dir(&db, &input);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "note: {}: not UTF-8: decoded as Windows-1252",
            p(&input, "cp.txt")
        )),
        "{}",
        r.stderr
    );
    assert_eq!(
        summary(&r),
        "read 2, new 2, unchanged 0, updated 0, rejected 0"
    );
    let a = vigie(&db, &["article", "cp", "--format", "json"]);
    let a: serde_json::Value = serde_json::from_str(&a.stdout).unwrap();
    let text = a["text"].as_str().unwrap();
    assert!(text.contains("Sévaré"), "{text}");
    assert!(text.contains("« 3 morts »"), "{text}");
    assert!(a["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d == "info: input: not UTF-8: decoded as Windows-1252"));
}

#[test]
fn undecodable_bytes_are_rejected() {
    let (_d, input, db) = setup();
    // Invalid UTF-8, and 0x81/0x8D/0x90 are undefined in Windows-1252.
    write(
        &input.join("bad.txt"),
        b"Rapport \x81\x8d\x90 \xff\xfe illisible",
    );
    let r = ingest_dir(&db, &input);
    check(
        &r,
        &db,
        &[format!(
            "error: {}: invalid text encoding (neither UTF-8 nor Windows-1252)",
            p(&input, "bad.txt")
        )],
        &["good"],
    );
}

#[test]
fn malformed_json_line_names_file_and_line_and_keeps_the_others() {
    let (_d, input, db) = setup();
    let lines = [
        r#"{"id": "r1", "text": "Premier rapport : une embuscade près de Ménaka le 5 mai 2025."}"#,
        r#"{"id": "r2", "text": "coupé"#,
        r#"{"id": "r3", "text": "Third report: a convoy was attacked near Gao on 6 May 2025."}"#,
    ];
    write(&input.join("batch.jsonl"), lines.join("\n").as_bytes());
    let r = ingest_dir(&db, &input);
    check(
        &r,
        &db,
        &[format!(
            "error: {}:2: malformed JSON: EOF while parsing a string at column 28",
            p(&input, "batch.jsonl")
        )],
        &["good", "r1", "r3"],
    );
}

#[test]
fn json_record_without_text_and_bad_field() {
    let (_d, input, db) = setup();
    let lines = [
        r#"{"id": "ok", "text": "Un rapport valide sur Kidal."}"#,
        r#"{"id": "notext", "title": "Sans corps"}"#,
        r#"{"id": "baddate", "text": "x", "published": "le 3 mars"}"#,
        r#"{"id": "badtitle", "text": "x", "title": ["a"]}"#,
    ];
    write(&input.join("r.jsonl"), lines.join("\n").as_bytes());
    let r = ingest_dir(&db, &input);
    let f = p(&input, "r.jsonl");
    check(
        &r,
        &db,
        &[
            format!("error: {f}:2: missing \"text\" or \"html\""),
            format!("error: {f}:3: bad \"published\": \"le 3 mars\" is not a date (expected YYYY-MM-DD or RFC 3339)"),
            format!("error: {f}:4: bad \"title\": expected a string"),
        ],
        &["good", "ok"],
    );
}

#[test]
fn unreadable_entries_broken_symlink_and_fifo() {
    let (_d, input, db) = setup();
    std::os::unix::fs::symlink("/nonexistent/vigie-test-target", input.join("nope.txt")).unwrap();
    let fifo = input.join("pipe.txt");
    let st = std::process::Command::new("mkfifo").arg(&fifo).status();
    let have_fifo = st.is_ok_and(|s| s.success());
    let r = ingest_dir(&db, &input);
    let mut expected = vec![format!(
        "error: {}: cannot read: No such file or directory",
        p(&input, "nope.txt")
    )];
    if have_fifo {
        expected.push(format!(
            "error: {}: cannot read: not a regular file",
            p(&input, "pipe.txt")
        ));
    } else {
        eprintln!("note: mkfifo unavailable, FIFO case skipped");
    }
    check(&r, &db, &expected, &["good"]);
}

#[test]
fn explicit_missing_and_unsupported_paths() {
    let (_d, input, db) = setup();
    let missing = input.join("missing.txt");
    let pdf = input.join("report.pdf");
    write(&pdf, b"%PDF-1.4");
    let r = vigie(
        &db,
        &[
            "ingest",
            input.join("good.txt").to_str().unwrap(),
            missing.to_str().unwrap(),
            pdf.to_str().unwrap(),
        ],
    );
    check(
        &r,
        &db,
        &[
            format!("error: {}: cannot read: No such file or directory", missing.display()),
            format!("error: {}: unsupported file type (expected .txt, .md, .html, .htm, .jsonl or .json)", pdf.display()),
        ],
        &["good"],
    );
}

#[test]
fn stdin_jsonl() {
    let (_d, input, db) = setup();
    let data = concat!(
        "{\"id\": \"s1\", \"text\": \"Une patrouille a sauté sur un engin explosif près de Boni.\"}\n",
        "not json\n",
        "{\"url\": \"https://example.org/s2\", \"text\": \"A second report from stdin.\"}\n",
    );
    let r = vigie_stdin(
        &db,
        &["ingest", input.to_str().unwrap(), "-"],
        data.as_bytes(),
    );
    check(
        &r,
        &db,
        &["error: <stdin>:2: malformed JSON: expected ident at column 2".to_string()],
        &["good", "s1", "https://example.org/s2"],
    );
    assert_eq!(
        summary(&r),
        "read 4, new 3, unchanged 0, updated 0, rejected 1"
    );
}

#[test]
fn rejections_are_forgotten_once_fixed() {
    let (_d, input, db) = setup();
    let bad = input.join("later.txt");
    write(&bad, b"");
    assert_eq!(ingest_dir(&db, &input).code, 1);
    write(&bad, "Un texte corrigé sur Tessalit.".as_bytes());
    let r = ingest_dir(&db, &input);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let a = vigie(&db, &["articles"]);
    assert!(!a.stdout.contains("rejected"), "{}", a.stdout);
}
