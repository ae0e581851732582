//! Language identification with `lingua`, restricted to the languages Vigie meets in its
//! sources (French, English, and Spanish, Portuguese, German, Arabic, Italian so that those are
//! recognised as *other* rather than forced into French or English).
//!
//! Rules:
//! - fewer than [`MIN_LETTERS`] letters in the sample → [`Language::Unknown`];
//! - only the first [`SAMPLE_BYTES`] bytes are read (cut at a word boundary): enough to tell,
//!   and the cost stays flat for long articles;
//! - the detector is *sure* when its best language has confidence ≥ [`SURE`]: it then has the
//!   last word, whatever the source declared;
//! - when it is unsure and the source declared a language that the detector still gives some
//!   credit to (confidence ≥ [`PLAUSIBLE`]), the declared language is used; otherwise the
//!   detector's best guess is.

use crate::model::Language;
use lingua::{Language as L, LanguageDetector, LanguageDetectorBuilder};
use std::sync::LazyLock;

/// Letters needed before anything is said about the language.
pub const MIN_LETTERS: usize = 20;
/// Bytes of text given to the detector.
pub const SAMPLE_BYTES: usize = 2000;
/// Confidence at which the detector overrides a declared language.
pub const SURE: f64 = 0.6;
/// Confidence a declared language needs to be kept when the detector is unsure.
pub const PLAUSIBLE: f64 = 0.1;

const CANDIDATES: [L; 7] = [L::French, L::English, L::Spanish, L::Portuguese, L::German, L::Arabic, L::Italian];

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
    let unknown = Identification { language: Language::Unknown, code: None, confidence: 0.0, from_declared: false };
    let s = sample(text, SAMPLE_BYTES);
    if s.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return unknown;
    }
    let values = DETECTOR.compute_language_confidence_values(s);
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
                    return Identification { language: to_model(d), code: Some(code_of(d)), confidence: dc, from_declared: true };
                }
            }
        }
    }
    Identification { language: to_model(best), code: Some(code_of(best)), confidence: conf, from_declared: false }
}

/// Load the detector now (it is otherwise built on first use).
pub fn warm_up() {
    LazyLock::force(&DETECTOR);
}
