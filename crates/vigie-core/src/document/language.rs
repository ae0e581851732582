//! Language identification with `lingua`, restricted to the languages Vigie meets in its
//! sources (French, English, and Spanish, Portuguese, German, Arabic, Italian so that those are
//! recognised as *other* rather than forced into French or English).
//!
//! Rules:
//! - fewer than [`MIN_LETTERS`] letters in the sample → [`Language::Unknown`];
//! - only the first [`SAMPLE_BYTES`] bytes are read (cut at a word boundary): enough to tell,
//!   and the cost stays flat for long articles;
//! - fast path (lingua costs 150–600 µs a text, the function words 10–20 µs): on a sample
//!   mostly in Arabic script → Arabic; else function words of each language are counted
//!   (`data/language_function_words.tsv`, words exclusive to one language); with at least
//!   [`FAST_MIN_HITS`] hits, when the leading language has [`FAST_RATIO`] times the hits of
//!   the next one, it is taken with confidence = its share of the hits;
//! - otherwise lingua decides, on at most [`LINGUA_BYTES`] bytes;
//! - the detector is *sure* when its best language has confidence ≥ [`SURE`]: it then has the
//!   last word, whatever the source declared;
//! - when it is unsure and the source declared a language that the detector still gives some
//!   credit to (confidence ≥ [`PLAUSIBLE`]), the declared language is used; otherwise the
//!   detector's best guess is.

use crate::lexicon::rows;
use crate::model::Language;
use lingua::{Language as L, LanguageDetector, LanguageDetectorBuilder};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Letters needed before anything is said about the language.
pub const MIN_LETTERS: usize = 20;
/// Bytes of text given to the detector.
pub const SAMPLE_BYTES: usize = 2000;
/// Bytes given to lingua when the fast path did not decide.
pub const LINGUA_BYTES: usize = 1000;
/// Function-word hits needed before the fast path decides.
pub const FAST_MIN_HITS: usize = 12;
/// How many times more hits the leading language needs than the next one.
pub const FAST_RATIO: usize = 4;
/// Confidence at which the detector overrides a declared language.
pub const SURE: f64 = 0.6;
/// Confidence a declared language needs to be kept when the detector is unsure.
pub const PLAUSIBLE: f64 = 0.1;

const CANDIDATES: [L; 7] = [
    L::French,
    L::English,
    L::Spanish,
    L::Portuguese,
    L::German,
    L::Arabic,
    L::Italian,
];

static FUNCTION_WORDS_TSV: &str = include_str!("../../data/language_function_words.tsv");

/// Function word → index in [`CANDIDATES`].
static FUNCTION_WORDS: LazyLock<HashMap<&'static str, usize>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for row in rows(FUNCTION_WORDS_TSV) {
        let (Some(code), Some(words)) = (row.first(), row.get(1)) else {
            continue;
        };
        let Some(lang) = parse_declared(code) else {
            continue;
        };
        let Some(idx) = CANDIDATES.iter().position(|l| *l == lang) else {
            continue;
        };
        for w in words.split_whitespace() {
            map.insert(w, idx);
        }
    }
    map
});

static DETECTOR: LazyLock<LanguageDetector> =
    LazyLock::new(|| LanguageDetectorBuilder::from_languages(&CANDIDATES).build());

/// The result of identification.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Identification {
    pub language: Language,
    /// ISO 639-1 code of the identified language ("fr", "es"...), None when unknown.
    pub code: Option<&'static str>,
    /// The detector's confidence in `code` (0..1); 0 when unknown.
    pub confidence: f64,
    /// True when the declared language decided (the detector was unsure).
    pub from_declared: bool,
}

fn code_of(l: L) -> &'static str {
    match l {
        L::French => "fr",
        L::English => "en",
        L::Spanish => "es",
        L::Portuguese => "pt",
        L::German => "de",
        L::Arabic => "ar",
        L::Italian => "it",
        #[allow(unreachable_patterns)]
        _ => "other",
    }
}

fn to_model(l: L) -> Language {
    match l {
        L::French => Language::Fr,
        L::English => Language::En,
        _ => Language::Other,
    }
}

/// Map a declared language ("fr", "fr-FR", "FRA", "French", "français") to a candidate.
pub fn parse_declared(declared: &str) -> Option<L> {
    let d = declared.trim().to_lowercase();
    let primary = d.split(['-', '_']).next().unwrap_or("");
    Some(match primary {
        "fr" | "fra" | "fre" | "french" | "français" | "francais" => L::French,
        "en" | "eng" | "english" | "anglais" => L::English,
        "es" | "spa" | "spanish" | "español" | "espagnol" => L::Spanish,
        "pt" | "por" | "portuguese" | "português" | "portugais" => L::Portuguese,
        "de" | "deu" | "ger" | "german" | "deutsch" | "allemand" => L::German,
        "ar" | "ara" | "arabic" | "arabe" => L::Arabic,
        "it" | "ita" | "italian" | "italiano" | "italien" => L::Italian,
        _ => return None,
    })
}

/// The first `max` bytes of `text`, cut at a char boundary and, if possible, at a space.
fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    match head.rfind(char::is_whitespace) {
        Some(sp) if sp > max / 2 => &head[..sp],
        _ => head,
    }
}

/// Identify the language of a (cleaned) text. `declared` is the source's claim, if any.
pub fn identify(text: &str, declared: Option<&str>) -> Identification {
    let unknown = Identification {
        language: Language::Unknown,
        code: None,
        confidence: 0.0,
        from_declared: false,
    };
    let s = sample(text, SAMPLE_BYTES);
    if s.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return unknown;
    }
    if let Some((best, conf)) = fast_path(s) {
        return Identification {
            language: to_model(best),
            code: Some(code_of(best)),
            confidence: conf,
            from_declared: false,
        };
    }
    let values = DETECTOR.compute_language_confidence_values(sample(s, LINGUA_BYTES));
    let Some(&(best, conf)) = values.first() else {
        return unknown;
    };
    if conf <= 0.0 {
        return unknown;
    }
    if conf < SURE {
        if let Some(d) = declared.and_then(parse_declared) {
            if let Some(&(_, dc)) = values.iter().find(|(l, _)| *l == d) {
                if dc >= PLAUSIBLE {
                    return Identification {
                        language: to_model(d),
                        code: Some(code_of(d)),
                        confidence: dc,
                        from_declared: true,
                    };
                }
            }
        }
    }
    Identification {
        language: to_model(best),
        code: Some(code_of(best)),
        confidence: conf,
        from_declared: false,
    }
}

/// Arabic script, or a clear majority of one language's function words.
fn fast_path(s: &str) -> Option<(L, f64)> {
    let (mut letters, mut arabic) = (0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
        {
            arabic += 1;
        }
    }
    if letters > 0 && arabic * 2 > letters && letters >= 100 {
        return Some((L::Arabic, arabic as f64 / letters as f64));
    }
    let mut hits = [0usize; CANDIDATES.len()];
    let mut buf = String::new();
    for word in s
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 12)
    {
        buf.clear();
        if word.is_ascii() {
            buf.push_str(word);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        if let Some(&i) = FUNCTION_WORDS.get(buf.as_str()) {
            hits[i] += 1;
        }
    }
    let total: usize = hits.iter().sum();
    let (best, &top) = hits.iter().enumerate().max_by_key(|(_, h)| **h)?;
    let second = hits
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, h)| *h)
        .max()
        .unwrap_or(0);
    (top >= FAST_MIN_HITS && top >= FAST_RATIO * second.max(1))
        .then(|| (CANDIDATES[best], top as f64 / total as f64))
}

/// Load the detector now (it is otherwise built on first use).
pub fn warm_up() {
    LazyLock::force(&FUNCTION_WORDS);
    LazyLock::force(&DETECTOR);
    for probe in [
        "Des hommes armés ont attaqué un poste",
        "Armed men attacked a customs post",
    ] {
        let _ = DETECTOR.detect_language_of(probe);
    }
}
