//! Prints gazetteer size, load time, memory and matching time. Run with
//! `cargo test -p vigie-geo --release --test bench_numbers -- --ignored --nocapture` (no timed assertions).

use std::time::Instant;
use vigie_geo::{find_places, resolve, Gazetteer};

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse()
                    .unwrap_or(0)
            })
        })
        .unwrap_or(0)
}

/// A fictional 3 KB report (French), written for this benchmark.
fn article() -> String {
    let base = "Des hommes armés non identifiés ont attaqué mardi le poste de sécurité de Diboli, à la frontière \
avec le Sénégal, selon des sources locales. D'autres assaillants ont visé Sandaré et la cimenterie de Gangontéry, \
dans le cercle de Bafoulabé, région de Kayes. L'armée malienne affirme avoir repoussé les attaques à Nioro du Sahel \
et près de Kati, à 15 km de Bamako. Un convoi a sauté sur une mine sur l'axe Kayes-Diboli. Les habitants de Doundé \
(Bankass, Mopti) ont fui vers Bandiagara. Au Burkina Faso voisin, des combats ont eu lieu entre Djibo et Barsalogho. ";
    let mut s = String::new();
    while s.len() < 3000 {
        s.push_str(base);
    }
    s
}

#[test]
#[ignore]
fn print_numbers() {
    let rss0 = rss_kb();
    let t = Instant::now();
    let g = Gazetteer::bundled();
    let load = t.elapsed();
    let rss1 = rss_kb();
    println!(
        "gazetteer: {} places, load {:.1} ms, RSS {} KB -> {} KB (+{} KB)",
        g.len(),
        load.as_secs_f64() * 1e3,
        rss0,
        rss1,
        rss1 - rss0
    );
    let text = article();
    let n = 2000;
    let t = Instant::now();
    let mut found = 0;
    for _ in 0..n {
        found += find_places(g, &text).len();
    }
    let fp = t.elapsed() / n;
    let ms = find_places(g, &text);
    let t = Instant::now();
    for _ in 0..n {
        found += resolve(g, &text, &ms).len();
    }
    let rs = t.elapsed() / n;
    println!(
        "{}-byte article: {} mentions; find_places {:.1} us, resolve {:.1} us ({found})",
        text.len(),
        ms.len(),
        fp.as_secs_f64() * 1e6,
        rs.as_secs_f64() * 1e6
    );
    println!("RSS after matching: {} KB", rss_kb());
}
