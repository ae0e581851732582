//! Timing probe for the quantity and date extractors (prints, asserts nothing about speed).
//! Run: `cargo test -p vigie-core --test quantity_speed -- --ignored --nocapture`.

use std::time::Instant;
use vigie_core::mentions::{dates, quantity};

/// About 3 KB of fictional report text in French and English, written for this probe.
fn article() -> String {
    let fr = "Dans la nuit du samedi au dimanche, plus de 150 combattants lourdement armés ont attaqué \
le poste de Tinkaré, à 30 km de la frontière. Selon une source locale, au moins 12 soldats et trois \
civils ont été tués, et une vingtaine de personnes blessées. Le lendemain, l'armée a affirmé avoir \
neutralisé près de 40 assaillants. Le 11 janvier 2026, une attaque similaire avait fait des dizaines \
de morts. Aucun mort ni blessé n'a été signalé à Sanaré, où la population avait fui vers 4h du matin. ";
    let en = "On Sunday, July 6, 2025, nearly 160 armed men stormed the camp. Two days later, between 30 \
and 50 fighters returned with several motorbikes and a dozen pick-up trucks. Hundreds of people fled \
toward the regional capital, some 1,200 according to the UN. No one was killed in the second raid, a \
local official said on Thursday. In early March, three or four hostages had been freed. ";
    let mut s = String::new();
    while s.len() < 3000 {
        s.push_str(fr);
        s.push_str(en);
    }
    s
}

#[test]
#[ignore]
fn time_extractors() {
    let text = article();
    let (q, d) = (quantity::find_quantities(&text), dates::find_dates(&text));
    let runs = 2000;
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(quantity::find_quantities(std::hint::black_box(&text)));
    }
    let tq = t.elapsed() / runs;
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(dates::find_dates(std::hint::black_box(&text)));
    }
    let td = t.elapsed() / runs;
    println!(
        "{} bytes: find_quantities {:?} ({} matches), find_dates {:?} ({} matches)",
        text.len(),
        tq,
        q.len(),
        td,
        d.len()
    );
}

/// Prints what both extractors find in the probe article (for eyeballing).
#[test]
#[ignore]
fn show_matches() {
    let text = article();
    let text = &text[..1200];
    for m in quantity::find_quantities(text) {
        let noun = m.noun.map(|n| &text[n.start..n.end]);
        println!(
            "Q {:?} {:?} {:?}",
            &text[m.span.start..m.span.end],
            m.quantity,
            noun
        );
    }
    for m in dates::find_dates(text) {
        println!("D {:?} {:?}", &text[m.span.start..m.span.end], m.expr);
    }
}
