//! Data-driven extraction tests: every `tests/texts/NN_name.txt` (a report written for the
//! tests, with `# published:` and `# lang:` header lines) is run through the pipeline and its
//! mentions and linked incidents are rendered as text and compared with `NN_name.snap`.
//!
//! After a deliberate change, regenerate with `UPDATE_SNAPSHOTS=1 cargo test -p vigie-core
//! --test texts` and review the diff of the `.snap` files (the `.expected.md` files beside them
//! say what a careful ACLED coder would extract).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use vigie_core::{incidents, process, Article, ClaimValue, Mention};

fn texts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/texts")
}

/// The article of a test text: header lines, then the report.
fn load(path: &Path) -> Article {
    let raw = std::fs::read_to_string(path).expect("test text is readable");
    let mut published = None;
    let mut language = None;
    let mut body = Vec::new();
    for line in raw.lines() {
        if let Some(v) = line.strip_prefix("# published:") {
            published = chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok();
        } else if let Some(v) = line.strip_prefix("# lang:") {
            language = Some(v.trim().to_string());
        } else {
            body.push(line);
        }
    }
    let reference = path.file_stem().unwrap().to_string_lossy().into_owned();
    let mut article = Article::text(reference, body.join("\n").trim().to_string());
    article.published = published;
    article.declared_language = language;
    article
}

fn render_mention(out: &mut String, m: &Mention) {
    let _ = writeln!(
        out,
        "- {}{} / {}",
        if m.background { "[background] " } else { "" },
        m.event_type,
        m.sub_event_type
    );
    let _ = writeln!(
        out,
        "  date: {}",
        m.date.map_or("unknown".to_string(), |d| format!(
            "{} (precision {})",
            d.date,
            d.precision.code()
        ))
    );
    let _ = writeln!(
        out,
        "  place: {}",
        m.place.as_ref().map_or("unknown".to_string(), |p| format!(
            "{} [{}] admin1={} admin2={} precision {}",
            p.location,
            p.country_code,
            p.admin1.as_deref().unwrap_or("-"),
            p.admin2.as_deref().unwrap_or("-"),
            p.geo_precision
        ))
    );
    let _ = writeln!(
        out,
        "  actor1: {}",
        m.actor1.as_ref().map_or("-", |a| a.name.as_str())
    );
    let _ = writeln!(
        out,
        "  actor2: {}",
        m.actor2.as_ref().map_or("-", |a| a.name.as_str())
    );
    let mut targets: Vec<&str> = m.targets.iter().map(|t| t.kind.name()).collect();
    targets.dedup();
    let _ = writeln!(out, "  targets: {}", targets.join(", "));
    if m.operation.is_some() {
        let _ = writeln!(out, "  operation: yes");
    }
    for c in &m.claims {
        if let ClaimValue::Count(q) = &c.value {
            let high = q.high.map_or("open".to_string(), |h| h.to_string());
            let _ = writeln!(
                out,
                "  {}: {}..{} best {} ({:?}){}{} «{}»",
                c.field,
                q.low,
                high,
                q.best,
                q.qualifier,
                c.attributed_to
                    .as_ref()
                    .map_or(String::new(), |s| format!(" by {s}")),
                if c.hedged { " hedged" } else { "" },
                c.quote.chars().take(70).collect::<String>()
            );
        }
    }
}

fn render(article: &Article) -> String {
    let processed = process(article);
    let mut out = String::new();
    let _ = writeln!(out, "language: {}", processed.document.language.code());
    let _ = writeln!(out, "mentions:");
    for m in &processed.mentions {
        render_mention(&mut out, m);
    }
    let _ = writeln!(out, "incidents:");
    for i in incidents::link(&processed.mentions) {
        let e = |x: vigie_core::Estimate| format!("{:?}/{:?}/{:?}", x.low, x.best, x.high);
        let _ = writeln!(
            out,
            "- {} at {} on {}: fatalities {} abducted {} attackers {}",
            i.sub_event_type,
            i.place.as_ref().map_or("?", |p| p.location.as_str()),
            i.date.map_or("?".to_string(), |d| d.date.to_string()),
            e(i.fatalities),
            e(i.abducted),
            e(i.attackers)
        );
    }
    out
}

#[test]
fn test_texts_match_their_snapshots() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(texts_dir())
        .expect("tests/texts exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 10,
        "expected the test texts, found {}",
        paths.len()
    );
    let mut failures = Vec::new();
    for path in &paths {
        let got = render(&load(path));
        let snap = path.with_extension("snap");
        if update {
            std::fs::write(&snap, &got).expect("write snapshot");
            continue;
        }
        let want = std::fs::read_to_string(&snap).unwrap_or_default();
        if want != got {
            failures.push(format!(
                "{}:\n--- snapshot\n{want}\n--- now\n{got}",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} texts differ from their snapshots (UPDATE_SNAPSHOTS=1 to accept):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_french_and_english_reports_of_one_raid_link_into_one_incident() {
    let fr = load(&texts_dir().join("14_village_raid_fr.txt"));
    let en = load(&texts_dir().join("15_village_raid_en.txt"));
    let mut mentions = process(&fr).mentions;
    mentions.extend(process(&en).mentions);
    let linked = incidents::link(&mentions);
    let both: Vec<_> = linked.iter().filter(|i| i.articles.len() == 2).collect();
    assert_eq!(
        both.len(),
        1,
        "one incident carries both reports: {linked:#?}"
    );
}

#[test]
fn two_attacks_on_one_town_a_week_apart_stay_apart() {
    let first = load(&texts_dir().join("10_town_attack_first_en.txt"));
    let second = load(&texts_dir().join("11_town_attack_second_fr.txt"));
    let mut mentions = process(&first).mentions;
    mentions.extend(process(&second).mentions);
    let linked = incidents::link(&mentions);
    // The attack of 13 September is reported only by the second article; the one of
    // 6 September by the first, which the second recalls in passing (a background mention
    // that links to it, as 10_town_attack_first_en.expected.md says).
    let on = |day: &str| {
        linked
            .iter()
            .filter(|i| i.date.is_some_and(|d| d.date.to_string() == day))
            .collect::<Vec<_>>()
    };
    let second_attack = on("2026-09-13");
    assert_eq!(second_attack.len(), 1, "{linked:#?}");
    assert_eq!(second_attack[0].articles, vec!["11_town_attack_second_fr"]);
    let first_attack = on("2026-09-06");
    assert_eq!(first_attack.len(), 1, "{linked:#?}");
    assert!(first_attack[0]
        .articles
        .contains(&"10_town_attack_first_en".to_string()));
    let background: Vec<&str> = mentions
        .iter()
        .filter(|m| m.article == "11_town_attack_second_fr" && m.background)
        .map(|m| m.id.as_str())
        .collect();
    assert!(first_attack[0]
        .mentions
        .iter()
        .filter(|id| mentions
            .iter()
            .any(|m| &m.id == *id && m.article == "11_town_attack_second_fr"))
        .all(|id| background.contains(&id.as_str())));
    assert_eq!(
        linked.len(),
        2,
        "no incident mixes the two attacks: {linked:#?}"
    );
}
