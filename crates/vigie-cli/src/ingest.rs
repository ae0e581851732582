//! The ingest loop: read sources → batches → `process_batch` (parallel) → one store
//! transaction per batch → relink at the end.

use crate::input::{read_source_with, Item, ReadArticle, Rejection, Source};
use std::ops::ControlFlow;
use vigie_core::{Article, Diagnostic};
use vigie_store::{ArticleMeta, Store};

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
                        if let Err(e) = flush(store, &mut pending, &mut summary) {
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
    flush(store, &mut pending, &mut summary)?;
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
    flush(store, &mut pending, &mut summary)?;
    summary.incidents = store.relink_if_needed()?;
    Ok(summary)
}

fn flush(
    store: &mut Store,
    pending: &mut Vec<(ReadArticle, String)>,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let batch: Vec<(ReadArticle, String)> = std::mem::take(pending);
    for chunk in batch.chunks(BATCH) {
        let articles: Vec<Article> = chunk.iter().map(|(a, _)| a.article.clone()).collect();
        let mut processed = vigie_core::process_batch(&articles);
        for (p, (a, _)) in processed.iter_mut().zip(chunk) {
            for n in &a.notes {
                p.diagnostics.push(Diagnostic::info("input", n.clone()));
            }
        }
        let meta: Vec<ArticleMeta> = articles.iter().map(ArticleMeta::from).collect();
        let report = store.ingest_articles(&processed, &meta)?;
        summary.new += report.new;
        summary.unchanged += report.unchanged;
        summary.updated += report.updated;
    }
    Ok(())
}
