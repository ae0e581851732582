//! `vigie bench`: throughput and peak memory of the pipeline alone (cleaning, language,
//! extraction, geocoding) and of grouping, on the given inputs, with no store. Figures are
//! printed, never asserted; BENCHMARKS.md records them with the machine.

use crate::input::{self, Item};
use std::ops::ControlFlow;
use std::time::Instant;
use vigie_core::incidents::{self, LinkKey};
use vigie_core::Article;

/// Articles per `process_batch` call, as in `vigie ingest`.
const BATCH: usize = 500;

pub fn run(paths: &[String], repeat: usize) -> anyhow::Result<String> {
    let mut articles: Vec<Article> = Vec::new();
    let mut rejected = 0usize;
    for source in input::collect_sources(paths) {
        let _ = input::read_source_with(&source, &mut |item| {
            match item {
                Item::Article(a) => articles.push(a.article),
                Item::Rejected(r) => {
                    eprintln!("error: {r}");
                    rejected += 1;
                }
            }
            ControlFlow::Continue(())
        });
    }
    anyhow::ensure!(!articles.is_empty(), "no article to measure");
    let bytes: usize = articles.iter().map(|a| a.body_len()).sum();
    // Load the gazetteer and lexicons before timing: a long-running ingest pays this once.
    let warm = Instant::now();
    let _ = vigie_core::process(&articles[0]);
    let warm = warm.elapsed();

    let mut best = f64::INFINITY;
    let mut keys: Vec<LinkKey> = Vec::new();
    for _ in 0..repeat.max(1) {
        keys.clear();
        let start = Instant::now();
        for chunk in articles.chunks(BATCH) {
            for p in vigie_core::process_batch(chunk) {
                keys.extend(p.mentions.iter().map(LinkKey::of));
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let start = Instant::now();
    let groups = incidents::group(&keys);
    let grouping = start.elapsed().as_secs_f64();
    let n = articles.len();
    Ok(format!(
        "articles        {n} ({:.1} KB average; {rejected} rejected inputs)\n\
         warm-up         {:.0} ms (gazetteer, lexicons, language models)\n\
         pipeline        {:.2} s best of {} = {:.0} articles/s, {:.1} MB/s\n\
         mentions        {}\n\
         grouping        {:.3} s = {:.0} mentions/s → {} incidents\n\
         peak memory     {}\n\
         threads         {}\n",
        bytes as f64 / n as f64 / 1024.0,
        warm.as_secs_f64() * 1000.0,
        best,
        repeat.max(1),
        n as f64 / best,
        bytes as f64 / best / 1e6,
        keys.len(),
        grouping,
        keys.len() as f64 / grouping.max(1e-9),
        groups.len(),
        peak_rss().unwrap_or_else(|| "unknown (no /proc/self/status)".into()),
        rayon_threads(),
    ))
}

/// Peak resident set size of this process (Linux `VmHWM`).
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.0} MB (VmHWM)", kb / 1024.0))
}

fn rayon_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
