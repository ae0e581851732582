//! Paragraph and sentence spans of a cleaned text.
//!
//! A paragraph is a non-blank line (a single line break ends a paragraph: news texts often put
//! one paragraph per line). Sentences never cross a paragraph: a headline line without final
//! punctuation is a sentence of its own. Inside a paragraph a sentence ends at `.`, `!`, `?` or
//! `…` (possibly followed by closing quotes or brackets, French `» ` included) when whitespace
//! and then a capital letter, an opening quote/bracket or a digit follow — unless the period
//! closes an abbreviation from `data/abbreviations.tsv`, an initial ("A."), a dotted
//! initialism ("U.S.") or a list number opening the sentence ("1. ").

use crate::lexicon::rows;
use crate::model::Span;
use std::collections::HashMap;
use std::sync::LazyLock;

static ABBREVIATIONS_TSV: &str = include_str!("../../data/abbreviations.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Always,
    BeforeDigit,
    InDate,
}

static ABBREVIATIONS: LazyLock<HashMap<&'static str, When>> = LazyLock::new(|| {
    rows(ABBREVIATIONS_TSV)
        .filter_map(|r| {
            let abbr = *r.first()?;
            let when = match r.get(1).copied() {
                Some("before_digit") => When::BeforeDigit,
                Some("in_date") => When::InDate,
                _ => When::Always,
            };
            (!abbr.is_empty()).then_some((abbr, when))
        })
        .collect()
});

/// Byte spans of the non-blank lines of `text`, surrounding whitespace excluded.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let trimmed_start = line.trim_start();
        let lead = line.len() - trimmed_start.len();
        let trimmed = trimmed_start.trim_end();
        if !trimmed.is_empty() {
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start += line.len() + 1;
    }
    out
}

/// Byte spans of the sentences of `text`, paragraph by paragraph.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for p in paragraphs {
        if let Some(para) = text.get(p.start..p.end) {
            split_paragraph(para, p.start, &mut out);
        }
    }
    out
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '“' | '«' | '\'' | '‘' | '(' | '[' | '¿' | '¡')
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Split one paragraph (no line breaks expected, but any text is accepted) into sentence spans.
fn split_paragraph(para: &str, base: usize, out: &mut Vec<Span>) {
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let n = chars.len();
    let at = |k: usize| if k < n { chars[k].0 } else { para.len() };
    // Start of the current sentence (char index), skipping leading whitespace.
    let mut start = 0;
    while start < n && is_space(chars[start].1) {
        start += 1;
    }
    let mut k = start;
    while k < n {
        let c = chars[k].1;
        if c == '\n' {
            // Defensive: a line break always ends a sentence.
            push_trimmed(para, base, at(start), at(k), out);
            k += 1;
            while k < n && is_space(chars[k].1) {
                k += 1;
            }
            start = k;
            continue;
        }
        if !is_terminator(c) {
            k += 1;
            continue;
        }
        // Run of terminators ("?!", "...").
        let term_start = k;
        while k < n && is_terminator(chars[k].1) {
            k += 1;
        }
        let single_period = k - term_start == 1 && c == '.';
        // Closing quotes/brackets, also French "fin. »" with a space before the guillemet.
        loop {
            if k < n && is_closer(chars[k].1) {
                k += 1;
                continue;
            }
            if k + 1 < n
                && matches!(chars[k].1, ' ' | '\u{A0}' | '\u{202F}')
                && matches!(chars[k + 1].1, '»' | '”')
            {
                k += 2;
                continue;
            }
            break;
        }
        let end = k;
        if k >= n || !is_space(chars[k].1) {
            continue;
        }
        let mut m = k;
        while m < n && is_space(chars[m].1) {
            m += 1;
        }
        if m >= n {
            continue;
        }
        let next = chars[m].1;
        if !(next.is_uppercase() || next.is_numeric() || is_opener(next)) {
            continue;
        }
        if single_period && is_abbreviation(para, &chars, start, term_start, next) {
            continue;
        }
        push_trimmed(para, base, at(start), at(end), out);
        start = m;
        k = m;
    }
    if start < n {
        push_trimmed(para, base, at(start), para.len(), out);
    }
}

fn at_char(chars: &[(usize, char)], k: usize, len: usize) -> usize {
    chars.get(k).map_or(len, |c| c.0)
}

fn push_trimmed(para: &str, base: usize, s: usize, e: usize, out: &mut Vec<Span>) {
    let slice = &para[s..e];
    let t = slice.trim_start();
    let s2 = s + (slice.len() - t.len());
    let t = t.trim_end();
    if !t.is_empty() {
        out.push(Span::new(base + s2, base + s2 + t.len()));
    }
}

/// Is the period at char index `dot` the end of an abbreviation rather than of a sentence?
fn is_abbreviation(
    para: &str,
    chars: &[(usize, char)],
    sentence_start: usize,
    dot: usize,
    next: char,
) -> bool {
    // The token before the period: back to whitespace, then opening quotes/brackets skipped.
    let mut t = dot;
    while t > sentence_start && !is_space(chars[t - 1].1) {
        t -= 1;
    }
    while t < dot && is_opener(chars[t].1) {
        t += 1;
    }
    if t == dot {
        return false;
    }
    let token = &para[chars[t].0..chars[dot].0];
    // A list number opening the sentence: "1. Les faits".
    if t == sentence_start && token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // Single-letter initial: "M. Traoré", "John F. Kennedy".
    let mut it = token.chars();
    if let (Some(first), None) = (it.next(), it.next()) {
        if first.is_uppercase() {
            return true;
        }
    }
    // Dotted initialism: "U.S", "a.m", "J.-C".
    if token.contains('.') {
        let parts: Vec<&str> = token.split('.').collect();
        if parts.len() >= 2
            && parts.iter().all(|p| {
                let p = p.trim_start_matches('-');
                let mut c = p.chars();
                matches!((c.next(), c.next()), (Some(x), None) if x.is_alphabetic())
            })
        {
            return true;
        }
    }
    let in_date = || {
        // "le 3 sept. 2025", "1er janv.": a day number before, or a year after.
        let mut p = t;
        while p > sentence_start && is_space(chars[p - 1].1) {
            p -= 1;
        }
        let mut q = p;
        while q > sentence_start && !is_space(chars[q - 1].1) {
            q -= 1;
        }
        let prev = &para[chars[q].0..at_char(chars, p, para.len())];
        let day = matches!(prev.len(), 1 | 2) && prev.bytes().all(|b| b.is_ascii_digit())
            || prev == "1er";
        let mut r = dot + 1;
        while r < chars.len() && is_space(chars[r].1) {
            r += 1;
        }
        let mut e = r;
        while e < chars.len() && chars[e].1.is_ascii_digit() {
            e += 1;
        }
        day || (e - r == 4 && (e == chars.len() || !chars[e].1.is_alphanumeric()))
    };
    let lookup = |tok: &str| -> bool {
        let when = ABBREVIATIONS.get(tok).copied().or_else(|| {
            let lower = tok.to_lowercase();
            if lower != tok {
                ABBREVIATIONS.get(lower.as_str()).copied()
            } else {
                None
            }
        });
        match when {
            Some(When::Always) => true,
            Some(When::BeforeDigit) => next.is_ascii_digit(),
            Some(When::InDate) => in_date(),
            None => false,
        }
    };
    if lookup(token) {
        return true;
    }
    // "Lt.-Col." / "sergent-chef": the last component.
    if let Some(last) = token.rsplit(['-', '.']).next() {
        if last.len() < token.len() && !last.is_empty() && lookup(last) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let p = paragraphs(text);
        sentences(text, &p)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviation_table_loads() {
        assert_eq!(ABBREVIATIONS.get("Gen"), Some(&When::Always));
        assert_eq!(ABBREVIATIONS.get("p"), Some(&When::BeforeDigit));
    }

    #[test]
    fn french_sentences_with_abbreviations() {
        let t = "M. Traoré a parlé. Le Dr Keita aussi. Ils étaient sept. Le 3 janv. 2026, tout a changé.";
        assert_eq!(
            split(t),
            vec![
                "M. Traoré a parlé.",
                "Le Dr Keita aussi.",
                "Ils étaient sept.",
                "Le 3 janv. 2026, tout a changé."
            ]
        );
    }

    #[test]
    fn guillemets_and_question_marks() {
        let t = "Il a dit : « C'est fini. » Puis il est parti. « Pourquoi ? » demande-t-il.";
        assert_eq!(
            split(t),
            vec![
                "Il a dit : « C'est fini. »",
                "Puis il est parti.",
                "« Pourquoi ? » demande-t-il."
            ]
        );
    }
}
