//! The ingest loop: read sources → batches → `process_batch` (parallel) → one store
//! transaction per batch (written while the next batch is processed) → relink at the end.

use crate::input::{read_source_with, Item, ReadArticle, Rejection, Source};
use std::ops::ControlFlow;
use vigie_core::{Article, Diagnostic, Processed};
use vigie_store::{ArticleMeta, IngestReport, Store};

/// Articles per batch (one transaction each).
pub const BATCH: usize = 500;

#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Records read (accepted + rejected).
    pub read: usize,
    pub new: usize,
    pub unchanged: usize,
    pub updated: usize,
    pub rejected: Vec<Rejection>,
    /// Information lines (e.g. "x.txt: not UTF-8: decoded as Windows-1252").
    pub notes: Vec<String>,
    pub incidents: usize,
}

impl Summary {
    pub fn line(&self) -> String {
        format!(
            "read {}, new {}, unchanged {}, updated {}, rejected {}",
            self.read,
            self.new,
            self.unchanged,
            self.updated,
            self.rejected.len()
        )
    }
}

/// Hooks for progress display.
pub trait Progress {
    /// One more input (file, stdin) fully read.
    fn source_done(&self, _name: &str) {}
    /// Articles stored so far in this run.
    fn articles_done(&self, _n: usize) {}
}
impl Progress for () {}

/// Ingest `sources` into `store`. Store errors abort (what was committed in earlier batches
/// stays; the failing batch leaves nothing).
pub fn run(
    store: &mut Store,
    sources: &[Source],
    progress: &dyn Progress,
) -> anyhow::Result<Summary> {
    let mut summary = Summary::default();
    let mut pending: Vec<(ReadArticle, String)> = Vec::new();
    let mut seen_refs: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut in_flight: Option<InFlight> = None;
    let mut failure: Option<anyhow::Error> = None;
    for source in sources {
        let name = source.name();
        let _ = read_source_with(source, &mut |item| {
            summary.read += 1;
            match item {
                Item::Rejected(r) => summary.rejected.push(r),
                Item::Article(a) => {
                    for n in &a.notes {
                        summary.notes.push(format!("{name}: {n}"));
                    }
                    let r = a.article.reference.clone();
                    if let Some(first) = seen_refs.get(&r) {
                        if first != &name {
                            summary.notes.push(format!(
                                "{name}: ref {r:?} is also used by {first} in this run; the later text is a new version"
                            ));
                        }
                    } else {
                        seen_refs.insert(r, name.clone());
                    }
                    pending.push((a, name.clone()));
                    if pending.len() >= BATCH {
                        if let Err(e) = flush(store, &mut pending, &mut in_flight, &mut summary) {
                            failure = Some(e);
                            return ControlFlow::Break(());
                        }
                        progress.articles_done(summary.new + summary.unchanged + summary.updated);
                    }
                }
            }
            ControlFlow::Continue(())
        });
        if let Some(e) = failure {
            return Err(e);
        }
        progress.source_done(&name);
    }
    flush(store, &mut pending, &mut in_flight, &mut summary)?;
    finish(store, &mut in_flight, &mut summary)?;
    let names: Vec<String> = sources.iter().map(Source::name).collect();
    store.record_rejections(&names, &summary.rejected)?;
    summary.incidents = store.relink_if_needed()?;
    Ok(summary)
}

/// Ingest already-read articles (e.g. the demo corpus) as one run.
pub fn run_articles(store: &mut Store, articles: Vec<Article>) -> anyhow::Result<Summary> {
    let mut summary = Summary {
        read: articles.len(),
        ..Default::default()
    };
    let mut pending: Vec<(ReadArticle, String)> = articles
        .into_iter()
        .map(|a| {
            (
                ReadArticle {
                    article: a,
                    notes: vec![],
                },
                String::new(),
            )
        })
        .collect();
    let mut in_flight = None;
    flush(store, &mut pending, &mut in_flight, &mut summary)?;
    finish(store, &mut in_flight, &mut summary)?;
    summary.incidents = store.relink_if_needed()?;
    Ok(summary)
}

/// A processed batch waiting for its store transaction. The next batch goes through the
/// pipeline while this one is written, so the pipeline's cores and the store's writes overlap
/// (on two cores, writes alone took a third of an ingest's time before).
struct InFlight {
    processed: Vec<Processed>,
    meta: Vec<ArticleMeta>,
}

/// Run the pending articles through the pipeline, batch by batch, writing the batch before
/// each one meanwhile; the last processed batch stays in `in_flight` for `finish`.
fn flush(
    store: &mut Store,
    pending: &mut Vec<(ReadArticle, String)>,
    in_flight: &mut Option<InFlight>,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let batch: Vec<(ReadArticle, String)> = std::mem::take(pending);
    for chunk in batch.chunks(BATCH) {
        let previous = in_flight.take();
        let (next, written) = std::thread::scope(|scope| {
            let writer = scope.spawn(|| write(store, previous));
            let next = process(chunk);
            (next, writer.join())
        });
        summary.add(
            &written.map_err(|_| anyhow::anyhow!("the store writer stopped unexpectedly"))??,
        );
        *in_flight = Some(next);
    }
    Ok(())
}

/// Write what is still in flight (the end of a run).
fn finish(
    store: &mut Store,
    in_flight: &mut Option<InFlight>,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    summary.add(&write(store, in_flight.take())?);
    Ok(())
}

fn process(chunk: &[(ReadArticle, String)]) -> InFlight {
    let articles: Vec<Article> = chunk.iter().map(|(a, _)| a.article.clone()).collect();
    let mut processed = vigie_core::process_batch(&articles);
    for (p, (a, _)) in processed.iter_mut().zip(chunk) {
        for n in &a.notes {
            p.diagnostics.push(Diagnostic::info("input", n.clone()));
        }
    }
    let meta: Vec<ArticleMeta> = articles.iter().map(ArticleMeta::from).collect();
    InFlight { processed, meta }
}

/// One store transaction for one processed batch (none: nothing to write).
fn write(store: &mut Store, batch: Option<InFlight>) -> anyhow::Result<IngestReport> {
    let Some(batch) = batch else {
        return Ok(IngestReport::default());
    };
    Ok(store.ingest_articles(&batch.processed, &batch.meta)?)
}

impl Summary {
    /// Count what one batch transaction stored.
    fn add(&mut self, report: &IngestReport) {
        self.new += report.new;
        self.unchanged += report.unchanged;
        self.updated += report.updated;
    }
}
