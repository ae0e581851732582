//! Stage 1 — Article → Document: main text out of HTML, page furniture stripped, Unicode
//! NFC and whitespace normalised, language identified, sentences and paragraphs split.
//! The cleaned text is what every quote and byte offset downstream refers to.
//!
//! Submodules, each usable alone:
//! - [`address`]: the day or month a page's address files it under;
//! - [`html`]: main text and metadata of an HTML page (dom_smoothie / Readability);
//! - [`clean`]: normalisation and furniture removal (`data/boilerplate.tsv`);
//! - [`language`]: French / English / other / unknown (lingua);
//! - [`sentences`]: paragraph and sentence spans (`data/abbreviations.tsv`).

pub mod address;
pub mod clean;
pub mod html;
pub mod language;
pub mod sentences;

use crate::model::{Article, Body, Diagnostic, Language, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use unicode_normalization::UnicodeNormalization;

const STAGE: &str = "document";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub reference: String,
    /// Title given with the article, else the page's title (HTML), else the first line when it
    /// reads as a headline (that line stays in `text`).
    pub title: Option<String>,
    /// Cleaned text (NFC, normalised whitespace, furniture removed). Quotes index into it.
    pub text: String,
    pub language: Language,
    /// The article's date, else the page's published date (HTML metadata), else the day its
    /// address files it under ("/2024/07/21/…").
    pub published: Option<NaiveDate>,
    /// With no publication day known, the month the page's address files it under
    /// ("/2021/05/…"): it anchors the page's weekdays to that month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_month: Option<(i32, u32)>,
    /// Byte spans of the paragraphs of `text` (each non-blank line).
    pub paragraphs: Vec<Span>,
    /// Byte spans of the sentences of `text`, in order, never crossing a paragraph.
    pub sentences: Vec<Span>,
    /// Hex SHA-256 of the article's raw body and metadata: same content, same hash.
    pub content_hash: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    pub fn sentence_text(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// Index of the sentence containing byte offset `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        self.sentences.get(i).filter(|s| s.start <= pos).map(|_| i)
    }

    /// Index of the paragraph containing byte offset `pos`, if any.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|s| s.end <= pos);
        self.paragraphs.get(i).filter(|s| s.start <= pos).map(|_| i)
    }
}

/// Hex SHA-256 over the raw body and the metadata that matters (title, url, outlet,
/// published, declared language). The reference is left out: the same content ingested
/// under another id has the same hash.
pub fn content_hash(article: &Article) -> String {
    let mut h = Sha256::new();
    h.update(b"vigie-document-v1\0");
    let field = |h: &mut Sha256, tag: &[u8], value: Option<&str>| {
        h.update(tag);
        match value {
            Some(v) => {
                h.update([1u8]);
                h.update((v.len() as u64).to_le_bytes());
                h.update(v.as_bytes());
            }
            None => h.update([0u8]),
        }
    };
    let (kind, body) = match &article.body {
        Body::Text(t) => ("text", t.as_str()),
        Body::Html(t) => ("html", t.as_str()),
    };
    field(&mut h, b"kind", Some(kind));
    field(&mut h, b"body", Some(body));
    field(&mut h, b"title", article.title.as_deref());
    field(&mut h, b"url", article.url.as_deref());
    field(&mut h, b"outlet", article.outlet.as_deref());
    let published = article.published.map(|d| d.format("%Y-%m-%d").to_string());
    field(&mut h, b"published", published.as_deref());
    field(&mut h, b"language", article.declared_language.as_deref());
    let digest = h.finalize();
    let mut out = String::with_capacity(64);
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// NFC, whitespace collapsed; None when empty.
fn tidy_title(t: &str) -> Option<String> {
    let nfc: String = t.nfc().collect();
    let t = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// The first paragraph, when it reads as a headline: short, 2–25 words, no final period,
/// and followed by more text.
fn headline(text: &str, paragraphs: &[Span]) -> Option<String> {
    if paragraphs.len() < 2 {
        return None;
    }
    let first = &text[paragraphs[0].start..paragraphs[0].end];
    let words = first.split_whitespace().count();
    let last = first.chars().last()?;
    let ok = first.chars().count() <= 160
        && (2..=25).contains(&words)
        && !matches!(last, '.' | ',' | ';' | ':' | '…')
        && first.chars().any(char::is_alphabetic);
    ok.then(|| first.to_string())
}

/// A stored page's own date line at the top of its text ("date 2021-01", "date 2019-11-03"):
/// when the page was published (a day or only a month). It is page furniture: it never dates
/// an event. Returns its span, year, month and day (when given).
pub fn page_date_line(text: &str) -> Option<(Span, i32, u32, Option<u32>)> {
    static LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b")
            .expect("page date line pattern")
    });
    let c = LINE.captures(text)?;
    let whole = c.get(0)?;
    let year: i32 = c.get(1)?.as_str().parse().ok()?;
    let month: u32 = c.get(2)?.as_str().parse().ok()?;
    let day: Option<u32> = c.get(3).and_then(|d| d.as_str().parse().ok());
    NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1))?;
    Some((Span::new(whole.start(), whole.end()), year, month, day))
}

/// Build the document for an article. Never fails: problems become diagnostics.
pub fn build(article: &Article) -> Document {
    let mut diagnostics = Vec::new();
    let mut page_title = None;
    let mut page_published = None;
    let mut page_lang = None;
    let cleaned = match &article.body {
        Body::Text(t) => clean::clean(t),
        Body::Html(h) => {
            let ex = html::extract(h);
            diagnostics.push(Diagnostic::info(
                STAGE,
                match ex.method {
                    html::Method::Readability => "html: main text extracted (readability)",
                    html::Method::Fallback => "html: no article found by readability; used the page body without furniture",
                },
            ));
            if ex.nesting.bounded() {
                diagnostics.push(Diagnostic::warning(
                    STAGE,
                    format!(
                        "html: page nested too deep; flattened ({} start tags dropped while \
                         parsing, tree {} elements deep, elements below depth {} unwrapped)",
                        ex.nesting.dropped,
                        ex.nesting.parsed,
                        html::MAX_NESTING
                    ),
                ));
            }
            page_title = ex.title;
            page_published = ex.published;
            page_lang = ex.lang;
            clean::clean(&ex.text)
        }
    };
    if cleaned.removed_lines() > 0 {
        let parts: Vec<String> = cleaned
            .removed
            .iter()
            .map(|(r, n)| format!("{} {n}", r.name()))
            .collect();
        diagnostics.push(Diagnostic::info(
            STAGE,
            format!(
                "removed {} lines of page furniture ({})",
                cleaned.removed_lines(),
                parts.join(", ")
            ),
        ));
    }
    let text = cleaned.text;
    if text.is_empty() {
        diagnostics.push(Diagnostic::warning(STAGE, "no text after cleaning"));
    }
    let paragraphs = sentences::paragraphs(&text);
    let sentence_spans = sentences::sentences(&text, &paragraphs);

    let declared = article
        .declared_language
        .as_deref()
        .or(page_lang.as_deref());
    let id = language::identify(&text, declared);
    match id.language {
        Language::Unknown if !text.is_empty() => {
            diagnostics.push(Diagnostic::info(
                STAGE,
                "too little text to identify the language",
            ));
        }
        Language::Other => diagnostics.push(Diagnostic::info(
            STAGE,
            format!(
                "language identified as {} (not supported)",
                id.code.unwrap_or("?")
            ),
        )),
        _ => {}
    }
    if id.from_declared {
        diagnostics.push(Diagnostic::info(
            STAGE,
            format!(
                "language detector unsure; declared language {} kept",
                id.code.unwrap_or("?")
            ),
        ));
    }

    let title = article
        .title
        .as_deref()
        .and_then(tidy_title)
        .or_else(|| page_title.as_deref().and_then(tidy_title))
        .or_else(|| headline(&text, &paragraphs));

    let address = article.url.as_deref().and_then(address::date_in_address);
    // A stored page's own date line ("date 2019-11-03") says when it came out; its address
    // too, when the site files pages by date.
    let published = article
        .published
        .or(page_published)
        .or_else(|| {
            page_date_line(&text).and_then(|(_, y, m, d)| NaiveDate::from_ymd_opt(y, m, d?))
        })
        .or(match address {
            Some(address::AddressDate::Day(d)) => Some(d),
            _ => None,
        });
    let published_month = match address {
        Some(address::AddressDate::Month { year, month }) if published.is_none() => {
            Some((year, month))
        }
        _ => None,
    };
    Document {
        reference: article.reference.clone(),
        title,
        language: id.language,
        published,
        published_month,
        paragraphs,
        sentences: sentence_spans,
        content_hash: content_hash(article),
        diagnostics,
        text,
    }
}
