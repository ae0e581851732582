//! Stage 2 — Document → Mentions: every incident the article reports (and the older ones it
//! recalls), one event frame per incident and place, each value backed by a quoted claim.
//!
//! Components, in the order they run over one document:
//! - [`scan`]: one Aho-Corasick pass over the folded text for every lexicon;
//! - [`quantity`], [`dates`]: numbers with qualifiers, date expressions;
//! - `vigie_geo::find_places` / `resolve`: place names in context;
//! - [`attribution`]: source and hedging per sentence;
//! - [`frames`]: which sentences speak of which incident;
//! - [`build`]: type by ACLED precedence, actors, targets, figures, place, claims.

pub mod attribution;
pub mod build;
pub mod communities;
pub mod dates;
pub mod frames;
pub mod quantity;
pub mod scan;

use crate::document::Document;
use crate::lexicon::Folded;
use crate::model::{Diagnostic, Mention};

/// `VIGIE_DEBUG_FRAMES=1` prints the frames to stderr (read once, not per article).
static DEBUG_FRAMES: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("VIGIE_DEBUG_FRAMES").is_some());

/// Extract the event mentions of a document. Never fails on text.
pub fn extract(doc: &Document) -> (Vec<Mention>, Vec<Diagnostic>) {
    let folded = Folded::new(&doc.text);
    let hits = scan::Scanner::get().scan(&doc.text, &folded);
    let quantities = quantity::find_quantities(&doc.text);
    let mut date_matches = dates::find_dates(&doc.text);
    // The page's own date line says when it was published, not when anything happened.
    if let Some((line, ..)) = dates::page_date_line(&doc.text) {
        date_matches.retain(|d| d.span.start >= line.end);
    }
    let gazetteer = vigie_geo::global();
    let places = vigie_geo::find_places(gazetteer, &doc.text);
    let demonyms = vigie_geo::demonym_votes(&doc.text);
    let resolved = vigie_geo::resolve_with_demonyms(gazetteer, &doc.text, &places, &demonyms);
    let analysis = frames::Analysis::new(
        doc,
        hits,
        quantities,
        date_matches,
        places,
        resolved,
        &demonyms,
    );
    let frames = analysis.frames();
    if *DEBUG_FRAMES {
        for (i, f) in frames.iter().enumerate() {
            eprintln!(
                "frame {i}: classes {:?} strong {:?} sentences {:?} support {:?} places {:?}",
                f.classes, f.strong_classes, f.sentences, f.support, f.places
            );
            for &s in &f.sentences {
                eprintln!(
                    "   [{s}] {:?} {}",
                    analysis.sentences[s].classes(),
                    shorten(analysis.sentence_text(s))
                );
            }
        }
    }
    let mut diagnostics = Vec::new();
    let mut mentions = Vec::new();
    let mut ordinal = 0u32;
    for (i, frame) in frames.iter().enumerate() {
        // An older event recalled only in weak words, with nothing attacked and no place named
        // ("le verdict est tombé dans le procès des rebelles", "the killings of those years"):
        // nothing says which event it was. ("The same base had already been attacked on 18
        // September 2024" names one; "an earlier attack in Gao on November 29, 2016" names
        // where it was.)
        let names_a_target = || {
            frame.sentences.iter().any(|&si| {
                analysis.sentences[si]
                    .hits
                    .iter()
                    .any(|h| matches!(h.category, scan::Category::Target(_)))
            })
        };
        let names_a_place = || {
            analysis.sentences[frame.anchor].places.iter().any(|&p| {
                !matches!(
                    analysis.places[p].cue,
                    vigie_geo::Cue::Admin(vigie_geo::AdminLevel::Country)
                )
            })
        };
        if frame.background
            && frame.strong_classes.is_empty()
            && !names_a_target()
            && !names_a_place()
        {
            continue;
        }
        let before = mentions.len();
        mentions.extend(build::mentions_of(&analysis, frame, i, &mut ordinal));
        if mentions.len() == before {
            diagnostics.push(Diagnostic::info(
                "mentions",
                format!(
                    "no codable event in: {}",
                    shorten(analysis.sentence_text(frame.anchor))
                ),
            ));
        }
    }
    // A background mention with no date cannot be placed in time: not coded (ACLED codes
    // nothing less precise than a month).
    mentions.retain(|m| {
        let keep = !m.background || m.date.is_some();
        if !keep {
            diagnostics.push(Diagnostic::info(
                "mentions",
                "undated background mention not coded",
            ));
        }
        keep
    });
    (mentions, diagnostics)
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}
