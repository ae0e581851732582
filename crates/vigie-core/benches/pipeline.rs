//! Throughput of the pipeline (cleaning + language + extraction + geocoding) and of linking,
//! on template-made ~3 KB reports. `cargo bench -p vigie-core`; figures go to BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use vigie_core::{incidents, process, process_batch, Article};

const TOWNS: &[&str] = &[
    "Kayes", "Diboli", "Sandaré", "Mopti", "Douentza", "Djibo", "Titao", "Tillia", "Ayorou",
    "Ansongo",
];
const FILLER: &str = "La situation sécuritaire reste préoccupante dans la zone, où les déplacements sont devenus \
difficiles et où les marchés hebdomadaires fonctionnent au ralenti. Les habitants décrivent une vie quotidienne \
marquée par l'incertitude, les routes étant jugées dangereuses par les transporteurs. ";

/// Fictional template reports, French and English alternately.
fn articles(n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let town = TOWNS[i % TOWNS.len()];
            let day = 1 + i % 28;
            let text = if i % 2 == 0 {
                format!(
                    "Rapport fictif {i}.\n\nLe camp militaire de {town} a été attaqué le {day} mars 2025 par des hommes armés. \
                     Selon une source sécuritaire, {} assaillants ont été neutralisés et trois soldats blessés.\n\n{}",
                    i % 40 + 2,
                    FILLER.repeat(12)
                )
            } else {
                format!(
                    "Fictional report {i}.\n\nGunmen abducted {} civilians near {town} on March {day}, 2025, a local official said. \
                     At least {} people were killed, according to residents.\n\n{}",
                    i % 7 + 2,
                    i % 30 + 1,
                    FILLER.repeat(12)
                )
            };
            let mut a = Article::text(format!("bench-{i}"), text);
            a.published = chrono::NaiveDate::from_ymd_opt(2025, 3, 30);
            a
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let batch = articles(512);
    let bytes: usize = batch.iter().map(|a| a.body_len()).sum();
    // Warm the lazily built lexicons, language models and gazetteer outside the measurement.
    let _ = process(&batch[0]);
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Elements(batch.len() as u64));
    g.sample_size(10);
    g.bench_function(
        format!(
            "process_batch 512 articles ({} KB avg)",
            bytes / batch.len() / 1024
        ),
        |b| b.iter(|| process_batch(&batch)),
    );
    let mentions: Vec<_> = process_batch(&articles(4096))
        .into_iter()
        .flat_map(|p| p.mentions)
        .collect();
    g.throughput(Throughput::Elements(4096));
    g.bench_function("link mentions of 4096 articles", |b| {
        b.iter_batched(
            || mentions.clone(),
            |m| incidents::link(&m),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
