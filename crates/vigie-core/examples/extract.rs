//! Print what the pipeline makes of text files: mentions per article, then linked incidents.
//! `cargo run -p vigie-core --example extract -- FILE...` (a developer's lens on extraction).

use vigie_core::{incidents, process, Article};

fn main() {
    let mut all = Vec::new();
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let reference = std::path::Path::new(&path)
            .file_stem()
            .map_or(path.clone(), |s| s.to_string_lossy().into_owned());
        if std::env::var("VIGIE_PLACES").is_ok() {
            dump_places(&text);
        }
        // Test texts start with `# published: YYYY-MM-DD`, `# lang: xx` and `# title: …` header
        // lines.
        let mut article = Article::text(reference.clone(), String::new());
        let mut body = Vec::new();
        for line in text.lines() {
            if let Some(v) = line.strip_prefix("# published:") {
                article.published = chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok();
            } else if let Some(v) = line.strip_prefix("# lang:") {
                article.declared_language = Some(v.trim().to_string());
            } else if let Some(v) = line.strip_prefix("# title:") {
                article.title = Some(v.trim().to_string());
            } else {
                body.push(line);
            }
        }
        article.body = vigie_core::Body::Text(body.join("\n").trim().to_string());
        let processed = process(&article);
        println!(
            "== {reference} [{}] {} mentions",
            processed.document.language.code(),
            processed.mentions.len()
        );
        for d in &processed.diagnostics {
            println!("   diag: {}", d.message);
        }
        for m in &processed.mentions {
            println!(
                "  #{} {}{} / {} | date {:?} | place {:?} p{:?} | a1 {:?} a2 {:?} | op {:?} | keys {:?}",
                m.ordinal,
                if m.background { "[bg] " } else { "" },
                m.event_type,
                m.sub_event_type,
                m.date.map(|d| (d.date.to_string(), d.precision.code())),
                m.place.as_ref().map(|p| p.location.clone()),
                m.place.as_ref().map(|p| p.geo_precision),
                m.actor1.as_ref().map(|a| a.name.clone()),
                m.actor2.as_ref().map(|a| a.name.clone()),
                m.operation,
                m.keys
            );
            for c in &m.claims {
                if matches!(c.value, vigie_core::ClaimValue::Count(_)) {
                    println!(
                        "      {} = {:?} by {:?} hedged={} «{}»",
                        c.field,
                        c.value,
                        c.attributed_to,
                        c.hedged,
                        c.quote.chars().take(90).collect::<String>()
                    );
                }
            }
        }
        all.extend(processed.mentions);
    }
    println!("== incidents");
    for i in incidents::link(&all) {
        println!(
            "{} {} / {} | {:?} | {:?} | {:?} | fat {:?} abd {:?} att {:?} | {:?}",
            i.id,
            i.event_type,
            i.sub_event_type,
            i.date.map(|d| d.date.to_string()),
            i.place.as_ref().map(|p| p.location.clone()),
            i.actor1.as_ref().map(|a| a.name.clone()),
            i.fatalities,
            i.abducted,
            i.attackers,
            i.articles
        );
    }
}

#[allow(dead_code)]
fn dump_places(text: &str) {
    let g = vigie_geo::global();
    let found = vigie_geo::find_places(g, text);
    let res = vigie_geo::resolve(g, text, &found);
    for (p, r) in found.iter().zip(res) {
        println!(
            "   place {:?} {:?} -> {:?}",
            p.surface,
            p.cue,
            r.map(|r| (r.location, r.country_code, r.geo_precision))
        );
    }
}
