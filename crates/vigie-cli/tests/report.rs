//! The situation report: HTML with inline SVG charts, Markdown, and a PDF printed by headless
//! Chromium whose first page, rasterised by poppler's `pdftoppm`, shows the charts.
//! Needs Debian's `chromium` and `poppler-utils` (.ci/run installs both).

mod common;

use common::vigie;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../web/tests/fixture.jsonl"
    ))
}

fn store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let r = vigie(&db, &["-q", "ingest", fixture().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    (dir, db)
}

/// A P6 PPM (what `pdftoppm` writes by default): width, height, RGB bytes.
fn read_ppm(path: &Path) -> (usize, usize, Vec<u8>) {
    let data = std::fs::read(path).unwrap();
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while data[i].is_ascii_whitespace() {
            i += 1;
        }
        if data[i] == b'#' {
            while data[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while !data[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P6", "not a binary PPM");
    assert_eq!(fields[3], "255");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = data[i + 1..].to_vec();
    assert_eq!(pixels.len(), w * h * 3);
    (w, h, pixels)
}

/// Share of the first page's pixels that are in colour (the charts' series, the map's land and
/// markers; text and rules are black or grey).
fn first_page_colour(pdf: &Path) -> f64 {
    let prefix = pdf.with_extension("");
    let out = Command::new("pdftoppm")
        .args(["-f", "1", "-l", "1", "-r", "50", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm (apt-get install -y poppler-utils)");
    assert!(
        out.status.success(),
        "pdftoppm: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (w, h, px) = read_ppm(&prefix.with_extension("ppm"));
    let coloured = px
        .chunks(3)
        .filter(|p| {
            let (max, min) = (p.iter().max().unwrap(), p.iter().min().unwrap());
            max - min > 40
        })
        .count();
    coloured as f64 / (w * h) as f64
}

fn first_page_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-f", "1", "-l", "1", "-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_pdf_report_shows_its_charts_on_the_first_page() {
    let (dir, db) = store();
    let pdf = dir.path().join("report.pdf");
    let r = vigie(
        &db,
        &[
            "report",
            "--since",
            "2031-03-01",
            "--until",
            "2031-05-31",
            "--format",
            "pdf",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let text = first_page_text(&pdf);
    for title in [
        "Situation report",
        "Incidents on the map",
        "Incidents per week, by type",
        "People killed per week, by type",
    ] {
        assert!(text.contains(title), "{title:?} not on page 1:\n{text}");
    }
    let colour = first_page_colour(&pdf);

    // The same measure on a page without charts, printed the same way: the test tells them apart.
    let plain = dir.path().join("plain.pdf");
    vigie_cli::report::print_pdf(
        "<!DOCTYPE html><html><body><h1>Situation report</h1><p>No chart here.</p></body></html>",
        &plain,
    )
    .unwrap();
    let plain_colour = first_page_colour(&plain);
    eprintln!("colour share of page 1: report {colour:.4}, page without charts {plain_colour:.4}");
    assert!(
        plain_colour < 0.001,
        "a page without charts is {plain_colour:.4} colour"
    );
    assert!(
        colour > 0.005,
        "the first page is only {colour:.4} colour: are the charts drawn?"
    );
}

#[test]
fn html_and_markdown_reports_compare_with_the_previous_period() {
    let (dir, db) = store();
    let html = dir.path().join("r.html");
    let r = vigie(
        &db,
        &[
            "report",
            "--since",
            "2031-03-16",
            "--until",
            "2031-05-31",
            "--country",
            "Mali",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(&html).unwrap();
    // Self-contained: inline SVG charts, nothing to fetch.
    assert!(html.matches("<svg").count() >= 5, "charts missing");
    for external in ["<script", "<link", "src=\"http", "@import"] {
        assert!(
            !html.contains(external),
            "{external} in a self-contained report"
        );
    }
    assert!(html.contains("Incidents per region"));
    assert!(html.contains("Most active actors"));
    // Djenné and Douentza are in the period, Niono (3 March) in the previous one.
    let md = vigie(
        &db,
        &[
            "report",
            "--since",
            "2031-03-16",
            "--until",
            "2031-05-31",
            "--country",
            "Mali",
            "--format",
            "md",
        ],
    );
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(
        md.stdout.contains("| Incidents | 2 | 1 | +1 (+100%) |"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("| People killed | 3 | 12 | -9 (-75%) |"),
        "{}",
        md.stdout
    );
    assert!(md.stdout.contains("Djenné"));
    assert!(
        !md.stdout.contains("**2031-03-03"),
        "Niono is not in the period"
    );

    // A watch zone narrows the report to what it matches: the RN16 corridor holds Douentza only.
    let r = vigie(
        &db,
        &[
            "-q",
            "zones",
            "add",
            "RN16",
            "--corridor",
            "14.35,-3.90;14.99,-2.95;15.30,-1.70",
            "--buffer",
            "15",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let zone = vigie(
        &db,
        &[
            "report",
            "--since",
            "2031-03-01",
            "--until",
            "2031-05-31",
            "--zone",
            "rn16",
            "--format",
            "md",
        ],
    );
    assert_eq!(zone.code, 0, "{}", zone.stderr);
    assert!(zone.stdout.contains("(zone RN16)"), "{}", zone.stdout);
    assert!(
        zone.stdout.contains("| Incidents | 1 | 0 | +1 |"),
        "{}",
        zone.stdout
    );
    assert!(zone.stdout.contains("Douentza") && !zone.stdout.contains("Djenné"));

    let bad = vigie(
        &db,
        &["report", "--since", "2031-06-01", "--until", "2031-05-01"],
    );
    assert_eq!(bad.code, 2);
    assert_eq!(
        bad.stderr.trim(),
        "error: since: 2031-06-01 is after until 2031-05-01"
    );
    let bad = vigie(&db, &["report", "--zone", "Nowhere"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("zone: no watch zone named \"Nowhere\""),
        "{}",
        bad.stderr
    );
}
