//! The whole per-article pipeline, and its parallel batch form.

use crate::document::{self, Document};
use crate::incidents::copies::Fingerprint;
use crate::mentions;
use crate::model::{Article, Diagnostic, Mention};
use rayon::prelude::*;

/// What the pipeline makes of one article.
#[derive(Debug, Clone)]
pub struct Processed {
    pub document: Document,
    pub mentions: Vec<Mention>,
    /// For recognising wire copies across articles (see `incidents::copies`).
    pub fingerprint: Fingerprint,
    pub diagnostics: Vec<Diagnostic>,
}

/// Clean, identify, extract. Never fails: problems are diagnostics.
pub fn process(article: &Article) -> Processed {
    let document = document::build(article);
    let mut diagnostics = document.diagnostics.clone();
    let mentions = if document.language.is_supported() {
        let (m, d) = mentions::extract(&document);
        diagnostics.extend(d);
        m
    } else {
        diagnostics.push(Diagnostic::info(
            "mentions",
            format!("language {} is not extracted", document.language.code()),
        ));
        Vec::new()
    };
    let fingerprint = Fingerprint::of(&document.text);
    Processed {
        document,
        mentions,
        fingerprint,
        diagnostics,
    }
}

/// [`process`] over many articles, in parallel, results in input order.
pub fn process_batch(articles: &[Article]) -> Vec<Processed> {
    articles.par_iter().map(process).collect()
}
