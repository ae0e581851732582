//! Counts in text: digits and number words with their qualifiers, as ranges.
//!
//! [`find_quantities`] returns every count expression of a text, in order and without overlap,
//! with the head noun that follows it (for the caller to classify: "combattants", "soldiers",
//! "km", "heures"). The words are data (`data/quantity_numbers.tsv`, `data/quantity_qualifiers.tsv`),
//! parsed once; matching is one pass over a token stream of the text (words folded with the
//! same rules as [`crate::lexicon::fold`]), no regular expressions.
//!
//! # Values (`Quantity { low, high, best, qualifier }`)
//!
//! | wording                                   | qualifier  | low  | high      | best |
//! |-------------------------------------------|------------|------|-----------|------|
//! | "150", "cent cinquante"                   | `Exact`    | n    | n         | n    |
//! | "plus de 150", "more than", "over"        | `MoreThan` | n    | None      | n    |
//! | "au moins 3", "at least", "no fewer than", "10 ou plus" | `AtLeast` | n | None | n |
//! | "près de 160", "nearly", "jusqu'à", "up to", "moins de" | `UpTo` | n | n  | n    |
//! | "environ 50", "about", "some", "une centaine" | `About` | n    | n         | n    |
//! | "3 à 4", "three or four", "entre 3 et 5", "3-4" | `Range` | low | high     | low  |
//! | "plusieurs", "several", "a few"           | `Vague`    | 2    | None      | 3    |
//! | "de nombreux", "many"                     | `Vague`    | 3    | None      | 10   |
//! | "des dizaines", "dozens"                  | `Vague`    | 12   | None      | 12   |
//! | "des centaines", "hundreds"               | `Vague`    | 100  | None      | 100  |
//! | "aucun mort", "no casualties", "zéro"     | `Exact`    | 0    | 0         | 0    |
//!
//! `UpTo` and `About` keep low = high = best = the stated figure: the qualifier carries the
//! vagueness and the reconciliation reads `UpTo` as "≤ n". A range's best is its low end
//! (ACLED records the lowest figure). Vague figures are ACLED's conventional ones (data file).
//!
//! # What is not a count
//!
//! - digits glued to letters ("RN22", "G5", "5G"), ordinals ("2e", "1er", "3rd"), decimals
//!   ("2,5" — unless followed by "million"), clock times with a colon ("14:30"), numeric dates
//!   ("11/01/2026", "11.01.2026", "2026-01-11");
//! - day numbers next to a month name ("11 janvier", "July 1") and a number right after a
//!   month name ("juillet 2025");
//! - a plain four-digit number from 1900 to 2099 is a **year**, not a count, when the word
//!   before it is a year context ("en", "in", "since", "depuis", "fin", "early", "of", …, data)
//!   or a month, or when no noun follows it. "2000 soldats" stays a count.
//! - glued units are kept: "4h" is 4 with noun "h", "10km" 10 with noun "km"; "6 heures" is 6
//!   with noun "heures" — the caller filters by noun.
//!
//! # Zero
//!
//! "aucun mort ni blessé" gives two matches: span "aucun" with noun "mort", then span "ni" with
//! noun "blessé" (same for "no deaths or injuries", "ni mort ni blessé").
//! [`zero_casualty_phrase`] finds whole phrases such as "no one was killed",
//! "personne n'a été tué", "sans faire de victime".

use crate::lexicon;
use crate::model::{Qualifier, Quantity, Span};
use std::collections::HashSet;
use std::sync::LazyLock;

/// One count expression of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuantityMatch {
    /// Exact bytes of the whole expression including its qualifier ("plus de 150").
    pub span: Span,
    pub quantity: Quantity,
    /// The head word after the number (after "de"/"d'"/"of" and a few adjectives).
    pub noun: Option<Span>,
    /// A plain number from 1900 to 2099 ("2015"): a year unless its noun comes right after it.
    pub year_like: bool,
}

/// All count expressions of `text`, in order, non-overlapping (longest match at each place).
pub fn find_quantities(text: &str) -> Vec<QuantityMatch> {
    let lex = &*QLEX;
    let toks = tokenize(text, &VOCAB);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Every expression starts with a digit or a lexicon word.
        if toks[i].kind != Kind::Num && (toks[i].id == NO_ID || !lex.start[toks[i].id as usize]) {
            i += 1;
            continue;
        }
        if let Some((end, _)) = lex.skip.longest(&toks, i) {
            i = end;
            continue;
        }
        if let Some(end) = numeric_date_at(&toks, i) {
            i = end;
            continue;
        }
        match lex.parse_at(text, &toks, i, &mut out) {
            Some(next) => i = next.max(i + 1),
            None => i += 1,
        }
    }
    out
}

/// The first phrase of `text` saying nobody was hurt or killed ("no one was killed",
/// "personne n'a été tué", "aucune victime", "sans faire de victimes"), if any.
pub fn zero_casualty_phrase(text: &str) -> Option<Span> {
    let toks = tokenize(text, &VOCAB);
    (0..toks.len()).find_map(|i| {
        QLEX.zero_casualty
            .longest(&toks, i)
            .map(|(end, _)| Span::new(toks[i].start, toks[end - 1].end))
    })
}

/// Whether `text` (typically one sentence) says nobody was hurt or killed.
pub fn is_zero_casualty_phrase(text: &str) -> bool {
    zero_casualty_phrase(text).is_some()
}

// ---------------------------------------------------------------------------
// Tokens (shared with the date extractor)
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// Glued ("RN22", "1,200", "4h").
    None,
    /// Exactly one space-like character ("1 200").
    Space,
    /// Several spaces or a tab.
    Spaces,
    /// A line break: expressions never cross it.
    Break,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub kind: Kind,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Vocabulary id of the folded word or punctuation, [`NO_ID`] when unknown.
    pub id: u32,
    pub gap: Gap,
    /// First character is upper case.
    pub upper: bool,
    /// Folded punctuation character (apostrophes → `'`, dashes → `-`).
    pub ch: char,
    /// Value of a digit run (saturating), number of digits.
    pub value: u64,
    pub digits: u32,
}

pub(crate) const NO_ID: u32 = u32::MAX;

impl Tok {
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.ch == c
    }
    pub fn joined(&self) -> bool {
        self.gap < Gap::Break
    }
}

/// FNV-1a over bytes: short keys, no DoS concern (the keys are our own lexicon).
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Every folded word and punctuation mark that appears in any quantity or date lexicon,
/// in an open-addressing table (one hash and usually one comparison per text word).
pub(crate) struct Vocab {
    /// (hash, id); id [`NO_ID`] = empty slot.
    slots: Vec<(u64, u32)>,
    words: Vec<Box<str>>,
    /// Longest word: longer text words are not looked up.
    max_len: usize,
}

impl Vocab {
    fn with_words(words: Vec<Box<str>>) -> Vocab {
        let size = (words.len() * 4).next_power_of_two().max(64);
        let mut slots = vec![(0u64, NO_ID); size];
        for (id, w) in words.iter().enumerate() {
            let h = fnv(w.as_bytes());
            let mut k = (h as usize) & (size - 1);
            while slots[k].1 != NO_ID {
                k = (k + 1) & (size - 1);
            }
            slots[k] = (h, id as u32);
        }
        let max_len = words.iter().map(|w| w.len()).max().unwrap_or(0);
        Vocab {
            slots,
            words,
            max_len,
        }
    }
    pub fn len(&self) -> usize {
        self.words.len()
    }
    pub fn get(&self, folded: &str) -> u32 {
        if folded.len() > self.max_len || self.words.is_empty() {
            return NO_ID;
        }
        let h = fnv(folded.as_bytes());
        let mask = self.slots.len() - 1;
        let mut k = (h as usize) & mask;
        loop {
            let (sh, id) = self.slots[k];
            if id == NO_ID {
                return NO_ID;
            }
            if sh == h && *self.words[id as usize] == *folded {
                return id;
            }
            k = (k + 1) & mask;
        }
    }
}

const NUMBERS_TSV: &str = include_str!("../../data/quantity_numbers.tsv");
const QUALIFIERS_TSV: &str = include_str!("../../data/quantity_qualifiers.tsv");

pub(crate) static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let empty = Vocab::with_words(Vec::new());
    let mut seen: HashSet<Box<str>> = HashSet::new();
    let mut words: Vec<Box<str>> = Vec::new();
    let files = [
        NUMBERS_TSV,
        QUALIFIERS_TSV,
        super::dates::MONTHS_TSV,
        super::dates::WEEKDAYS_TSV,
        super::dates::RELATIVE_TSV,
    ];
    for file in files {
        for row in lexicon::rows(file) {
            for field in row {
                for t in tokenize(field, &empty) {
                    if t.kind == Kind::Num {
                        continue;
                    }
                    let key: Box<str> = lexicon::fold(&field[t.start..t.end]).into();
                    if seen.insert(key.clone()) {
                        words.push(key);
                    }
                }
            }
        }
    }
    Vocab::with_words(words)
});

fn gap_of(c: char, gap: Gap) -> Gap {
    if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
        return Gap::Break;
    }
    let single = matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
    match gap {
        Gap::None if single => Gap::Space,
        Gap::Break => Gap::Break,
        _ => Gap::Spaces,
    }
}

/// Append the folded form of a non-ASCII letter (same rules as [`lexicon::fold`]).
fn push_folded(buf: &mut Vec<u8>, c: char) {
    if let Some(d) = deunicode::deunicode_char(c) {
        buf.extend(
            d.bytes()
                .filter(u8::is_ascii)
                .map(|b| b.to_ascii_lowercase()),
        );
    }
}

fn fold_punct(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
        '‐' | '‑' | '‒' | '–' | '—' | '−' => '-',
        c => c,
    }
}

/// Split `text` into words (letters), digit runs and single punctuation marks.
pub(crate) fn tokenize(text: &str, vocab: &Vocab) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 4 + 4);
    let mut buf: Vec<u8> = Vec::with_capacity(32);
    let mut gap = Gap::Break;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, clen) = if b < 0x80 {
            (b as char, 1)
        } else {
            match text[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if b == b' ' {
            gap = if gap == Gap::None {
                Gap::Space
            } else {
                gap.max(Gap::Spaces)
            };
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            gap = gap_of(c, gap);
            i += clen;
            continue;
        }
        let mut tok = Tok {
            kind: Kind::Punct,
            start: i,
            end: i + clen,
            id: NO_ID,
            gap,
            upper: false,
            ch: c,
            value: 0,
            digits: 0,
        };
        if b.is_ascii_digit() {
            let mut j = i;
            let mut v: u64 = 0;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                v = v
                    .saturating_mul(10)
                    .saturating_add(u64::from(bytes[j] - b'0'));
                j += 1;
            }
            tok.kind = Kind::Num;
            tok.end = j;
            tok.value = v;
            tok.digits = (j - i) as u32;
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && c.is_alphabetic() && c != 'ʼ') {
            buf.clear();
            let mut j = i;
            while j < bytes.len() {
                let bj = bytes[j];
                if bj.is_ascii_alphabetic() {
                    buf.push(bj.to_ascii_lowercase());
                    j += 1;
                } else if bj >= 0x80 {
                    match text[j..].chars().next() {
                        Some(c2) if c2.is_alphabetic() && c2 != 'ʼ' => {
                            push_folded(&mut buf, c2);
                            j += c2.len_utf8();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            tok.kind = Kind::Word;
            tok.end = j;
            tok.upper = c.is_uppercase();
            tok.id = std::str::from_utf8(&buf).map_or(NO_ID, |w| vocab.get(w));
        } else {
            let f = fold_punct(c);
            tok.ch = f;
            if f.is_ascii() {
                tok.id = vocab.get(f.encode_utf8(&mut [0u8; 4]));
            }
        }
        i = tok.end;
        toks.push(tok);
        gap = Gap::None;
    }
    toks
}

/// A phrase as vocabulary ids, with its value.
type Phrase<T> = (Box<[u32]>, T);

/// A set of multi-token phrases with one value each, matched against a token stream.
pub(crate) struct Phrases<T> {
    /// Phrases grouped by their first word, longest first in each group.
    groups: Vec<Vec<Phrase<T>>>,
    /// Group index + 1 of each vocabulary id (0 = no phrase starts with it).
    first: Vec<u32>,
}

impl<T> Phrases<T> {
    pub fn new(vocab: &Vocab) -> Self {
        Phrases {
            groups: Vec::new(),
            first: vec![0; vocab.len()],
        }
    }
    pub fn add(&mut self, vocab: &Vocab, phrase: &str, value: T) {
        let ids: Vec<u32> = tokenize(phrase, vocab).iter().map(|t| t.id).collect();
        if ids.is_empty() || ids.contains(&NO_ID) {
            return;
        }
        let slot = &mut self.first[ids[0] as usize];
        if *slot == 0 {
            self.groups.push(Vec::new());
            *slot = self.groups.len() as u32;
        }
        let group = &mut self.groups[*slot as usize - 1];
        let pos = group.partition_point(|(p, _)| p.len() >= ids.len());
        group.insert(pos, (ids.into_boxed_slice(), value));
    }
    /// Number of phrases.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.groups.iter().map(Vec::len).sum()
    }
    fn group(&self, tok: &Tok) -> Option<&[Phrase<T>]> {
        let g = *self.first.get(tok.id as usize)?;
        (g != 0).then(|| self.groups[g as usize - 1].as_slice())
    }
    pub fn starts_id(&self, id: u32) -> bool {
        self.first.get(id as usize).is_some_and(|g| *g != 0)
    }
    pub fn starts(&self, tok: &Tok) -> bool {
        self.group(tok).is_some()
    }
    /// Longest phrase starting at token `i`: (end token index, value).
    pub fn longest(&self, toks: &[Tok], i: usize) -> Option<(usize, &T)> {
        let group = self.group(toks.get(i)?)?;
        group.iter().find_map(|(p, v)| {
            let end = i + p.len();
            let rest = toks.get(i + 1..end)?;
            let ok = rest
                .iter()
                .zip(&p[1..])
                .all(|(t, id)| t.id == *id && t.joined());
            ok.then_some((end, v))
        })
    }
    /// A one-word phrase equal to this token.
    pub fn contains_word(&self, tok: &Tok) -> bool {
        self.group(tok)
            .is_some_and(|g| g.iter().any(|(p, _)| p.len() == 1))
    }
}

/// A numeric date "11/01/2026", "11.01.2026", "11-01-2026", "2026-01-11" starting at token
/// `i`: the end token index. Parts must be glued and the separators identical.
pub(crate) fn numeric_date_at(toks: &[Tok], i: usize) -> Option<usize> {
    numeric_date(toks, i).map(|(end, _, _, _)| end)
}

/// (end, year, month, day) of a numeric date at `i` (day-first unless impossible).
pub(crate) fn numeric_date(toks: &[Tok], i: usize) -> Option<(usize, i32, u32, u32)> {
    let g = toks.get(i..i + 5)?;
    if g[0].kind != Kind::Num || g[2].kind != Kind::Num || g[4].kind != Kind::Num {
        return None;
    }
    if g[1].kind != Kind::Punct || g[3].kind != Kind::Punct || g[1].ch != g[3].ch {
        return None;
    }
    if !matches!(g[1].ch, '/' | '.' | '-') || g[1..].iter().any(|t| t.gap != Gap::None) {
        return None;
    }
    if i > 0 && toks[i].gap == Gap::None && toks[i - 1].kind != Kind::Punct {
        return None;
    }
    if toks
        .get(i + 5)
        .is_some_and(|t| t.gap == Gap::None && t.kind != Kind::Punct)
    {
        return None;
    }
    let (a, b, c) = (g[0].value, g[2].value, g[4].value);
    if g[0].digits == 4 && g[2].digits <= 2 && g[4].digits <= 2 {
        // ISO order.
        return valid(a, b, c).map(|(y, m, d)| (i + 5, y, m, d));
    }
    if g[4].digits != 4 || g[0].digits > 2 || g[2].digits > 2 {
        return None;
    }
    valid(c, b, a)
        .or_else(|| valid(c, a, b))
        .map(|(y, m, d)| (i + 5, y, m, d))
}

fn valid(y: u64, m: u64, d: u64) -> Option<(i32, u32, u32)> {
    if !(1000..=2999).contains(&y) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)?;
    Some((y as i32, m as u32, d as u32))
}

// ---------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumKind {
    Unit,
    Teen,
    Ten,
    Hundred,
    Thousand,
    Million,
    Dozen,
    Article,
    Connector,
}

#[derive(Debug, Clone, Copy)]
struct NumWord {
    value: u64,
    kind: NumKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Any,
    Open,
    Digits,
}

pub(crate) struct QLex {
    num: Vec<Option<NumWord>>,
    prefix: Phrases<Qualifier>,
    suffix_at_least: Phrases<()>,
    range_open: Phrases<()>,
    range_sep: Phrases<Sep>,
    approx: Phrases<u32>,
    vague: Phrases<(u32, u32, Option<u32>)>,
    zero: Phrases<()>,
    zero_chain: Phrases<()>,
    zero_pair: Phrases<()>,
    zero_casualty: Phrases<()>,
    noun_skip: Phrases<()>,
    adjective: Phrases<()>,
    unit: Phrases<()>,
    noun_phrase: Phrases<()>,
    ordinal: Phrases<()>,
    year_context: Phrases<()>,
    skip: Phrases<()>,
    month: Vec<bool>,
    /// Month names that are also common words ("March", "May"): months when capitalised.
    cap_month: Vec<bool>,
    /// Vocabulary ids that can begin a count expression (or a skipped phrase).
    start: Vec<bool>,
}

pub(crate) static QLEX: LazyLock<QLex> = LazyLock::new(|| {
    let v = &*VOCAB;
    let mut num = vec![None; v.len()];
    for row in lexicon::rows(NUMBERS_TSV) {
        let (Some(word), Some(value), Some(kind)) = (row.first(), row.get(1), row.get(2)) else {
            continue;
        };
        let kind = match *kind {
            "unit" => NumKind::Unit,
            "teen" => NumKind::Teen,
            "ten" => NumKind::Ten,
            "hundred" => NumKind::Hundred,
            "thousand" => NumKind::Thousand,
            "million" => NumKind::Million,
            "dozen" => NumKind::Dozen,
            "article" => NumKind::Article,
            "connector" => NumKind::Connector,
            _ => continue,
        };
        let (Ok(value), id) = (value.parse::<u64>(), v.get(word)) else {
            continue;
        };
        if id != NO_ID {
            num[id as usize] = Some(NumWord { value, kind });
        }
    }
    let mut l = QLex {
        num,
        prefix: Phrases::new(v),
        suffix_at_least: Phrases::new(v),
        range_open: Phrases::new(v),
        range_sep: Phrases::new(v),
        approx: Phrases::new(v),
        vague: Phrases::new(v),
        zero: Phrases::new(v),
        zero_chain: Phrases::new(v),
        zero_pair: Phrases::new(v),
        zero_casualty: Phrases::new(v),
        noun_skip: Phrases::new(v),
        adjective: Phrases::new(v),
        unit: Phrases::new(v),
        noun_phrase: Phrases::new(v),
        ordinal: Phrases::new(v),
        year_context: Phrases::new(v),
        skip: Phrases::new(v),
        month: vec![false; v.len()],
        cap_month: vec![false; v.len()],
        start: vec![false; v.len()],
    };
    let n = |s: Option<&&str>| s.and_then(|s| s.parse::<u32>().ok());
    for row in lexicon::rows(QUALIFIERS_TSV) {
        let (Some(p), Some(role)) = (row.first().copied(), row.get(1).copied()) else {
            continue;
        };
        match role {
            "more_than" => l.prefix.add(v, p, Qualifier::MoreThan),
            "at_least" => l.prefix.add(v, p, Qualifier::AtLeast),
            "up_to" => l.prefix.add(v, p, Qualifier::UpTo),
            "about" => l.prefix.add(v, p, Qualifier::About),
            "at_least_suffix" => l.suffix_at_least.add(v, p, ()),
            "range_open" => l.range_open.add(v, p, ()),
            "range_sep" => {
                let sep = match row.get(2).copied() {
                    Some("open") => Sep::Open,
                    Some("digits") => Sep::Digits,
                    _ => Sep::Any,
                };
                l.range_sep.add(v, p, sep)
            }
            "approx" => {
                if let Some(b) = n(row.get(2)) {
                    l.approx.add(v, p, b)
                }
            }
            "vague" => {
                if let (Some(lo), Some(b)) = (n(row.get(2)), n(row.get(3))) {
                    l.vague.add(v, p, (lo, b, n(row.get(4))))
                }
            }
            "zero" => l.zero.add(v, p, ()),
            "zero_chain" => l.zero_chain.add(v, p, ()),
            "zero_pair" => l.zero_pair.add(v, p, ()),
            "zero_casualty" => l.zero_casualty.add(v, p, ()),
            "noun_skip" => l.noun_skip.add(v, p, ()),
            "adjective" => l.adjective.add(v, p, ()),
            "unit" => l.unit.add(v, p, ()),
            "noun_phrase" => l.noun_phrase.add(v, p, ()),
            "ordinal" => l.ordinal.add(v, p, ()),
            "year_context" => l.year_context.add(v, p, ()),
            "skip" => l.skip.add(v, p, ()),
            _ => {}
        }
    }
    for row in lexicon::rows(super::dates::MONTHS_TSV) {
        let Some(word) = row.first() else { continue };
        // Abbreviations and capitalised-only names are left to the date extractor: a count
        // next to "mar" or "may" is rare, and excluding it there would lose real counts.
        let flagged = row.get(2).is_some_and(|f| !f.is_empty());
        let id = v.get(word);
        if id != NO_ID {
            if flagged {
                l.cap_month[id as usize] = true;
            } else {
                l.month[id as usize] = true;
            }
        }
    }
    for id in 0..v.len() {
        let id32 = id as u32;
        l.start[id] = l.num[id].is_some()
            || l.prefix.starts_id(id32)
            || l.range_open.starts_id(id32)
            || l.zero.starts_id(id32)
            || l.zero_pair.starts_id(id32)
            || l.skip.starts_id(id32)
            || l.vague.starts_id(id32)
            || l.approx.starts_id(id32);
    }
    l
});

// ---------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------

/// A parsed number: value, end token, glued unit (noun) token.
struct Number {
    value: u64,
    end: usize,
    unit: Option<usize>,
    digits: bool,
    plain_year: bool,
}

enum NumResult {
    Some(Number),
    /// Not a count; skip to this token.
    Skip(usize),
    None,
}

impl QLex {
    fn numword(&self, t: &Tok) -> Option<NumWord> {
        if t.kind != Kind::Word || t.id == NO_ID {
            return None;
        }
        self.num.get(t.id as usize).copied().flatten()
    }

    fn is_month(&self, t: &Tok) -> bool {
        t.kind == Kind::Word && t.id != NO_ID && self.month[t.id as usize]
    }

    /// Parse a count expression starting at token `i`; push matches; return the next token.
    fn parse_at(
        &self,
        text: &str,
        toks: &[Tok],
        i: usize,
        out: &mut Vec<QuantityMatch>,
    ) -> Option<usize> {
        let span = |a: usize, b: usize| Span::new(toks[a].start, toks[b - 1].end);
        // Prefix qualifier, then range opener.
        let (qual, j) = match self.prefix.longest(toks, i) {
            Some((e, q)) if toks.get(e).is_some_and(Tok::joined) => (Some(*q), e),
            _ => (None, i),
        };
        if qual.is_none() {
            if let Some(next) = self.zero_at(toks, i, out) {
                return Some(next);
            }
        }
        if let Some((e, &(low, best, high))) = self.vague.longest(toks, j) {
            let q = Quantity {
                low,
                high,
                best,
                qualifier: Qualifier::Vague,
            };
            return Some(self.finish(toks, span(i, e), q, e, None, out));
        }
        if let Some((e, &n)) = self.approx.longest(toks, j) {
            let q = qualify(qual.unwrap_or(Qualifier::About), n);
            return Some(self.finish(toks, span(i, e), q, e, None, out));
        }
        let (open, j) = match self.range_open.longest(toks, j) {
            Some((e, _)) if toks.get(e).is_some_and(Tok::joined) => (true, e),
            _ => (false, j),
        };
        // "d'une quinzaine": the elided "de" opened no range.
        if open {
            if let Some((e, &n)) = self.approx.longest(toks, j) {
                let q = qualify(qual.unwrap_or(Qualifier::About), n);
                return Some(self.finish(toks, span(j, e), q, e, None, out));
            }
        }
        let first = match self.number(text, toks, j, false) {
            NumResult::Some(n) => n,
            NumResult::Skip(e) => return Some(e),
            NumResult::None => return None,
        };
        // Range.
        if let Some((se, sep)) = self.range_sep.longest(toks, first.end) {
            let ok_sep = match sep {
                Sep::Any => true,
                Sep::Open => open,
                Sep::Digits => {
                    first.digits
                        && toks[first.end].gap == Gap::None
                        && toks.get(se).is_some_and(|t| t.gap == Gap::None)
                }
            };
            if ok_sep && first.unit.is_none() && toks.get(se).is_some_and(Tok::joined) {
                if let NumResult::Some(second) = self.number(text, toks, se, true) {
                    if second.value > first.value && (*sep != Sep::Digits || second.digits) {
                        let q = Quantity {
                            low: first.value as u32,
                            high: Some(second.value as u32),
                            best: first.value as u32,
                            qualifier: Qualifier::Range,
                        };
                        return Some(self.finish(
                            toks,
                            span(i, second.end),
                            q,
                            second.end,
                            second.unit,
                            out,
                        ));
                    }
                }
            }
        }
        // Without a range, an opener ("de", "entre") is not part of the expression.
        let start = if open && qual.is_none() { j } else { i };
        let value = first.value as u32;
        let mut end = first.end;
        let mut qualifier = qual.unwrap_or(Qualifier::Exact);
        if first.unit.is_none() {
            if let Some((e, _)) = self.suffix_at_least.longest(toks, end) {
                if toks[end].joined() && qualifier == Qualifier::Exact {
                    qualifier = Qualifier::AtLeast;
                    end = e;
                }
            }
        }
        // Years.
        if first.plain_year && qualifier == Qualifier::Exact {
            let prev_context = start > 0 && {
                let mut p = start - 1;
                if toks[p].is_punct('-') && p > 0 {
                    p -= 1;
                }
                let pt = &toks[p];
                // "3 March 2026": a capitalised month name that is also a word.
                let cap_month = pt.kind == Kind::Word
                    && pt.id != NO_ID
                    && self.cap_month[pt.id as usize]
                    && text[pt.start..].starts_with(|c: char| c.is_uppercase());
                self.is_month(pt) || cap_month || self.year_context.contains_word(pt)
            };
            if prev_context || self.noun_after(toks, end).is_none() {
                return Some(end);
            }
        }
        let next = self.finish(
            toks,
            span(start, end),
            qualify(qualifier, value),
            end,
            first.unit,
            out,
        );
        if let Some(m) = out.last_mut() {
            m.year_like = first.plain_year;
        }
        Some(next)
    }

    /// Push a match with its noun; return where scanning resumes.
    fn finish(
        &self,
        toks: &[Tok],
        span: Span,
        quantity: Quantity,
        end: usize,
        unit: Option<usize>,
        out: &mut Vec<QuantityMatch>,
    ) -> usize {
        let (noun, next) = match unit {
            Some(u) => (Some(Span::new(toks[u].start, toks[u].end)), u + 1),
            None => match self.noun_after(toks, end) {
                Some((s, e)) => (Some(Span::new(toks[s].start, toks[e - 1].end)), e),
                None => (None, end),
            },
        };
        out.push(QuantityMatch {
            span,
            quantity,
            noun,
            year_like: false,
        });
        next
    }

    /// The head noun after token `end`: (first token, end token).
    fn noun_after(&self, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
        let mut j = end;
        let t = toks.get(j)?;
        if t.is_punct('%') && t.gap <= Gap::Space {
            return Some((j, j + 1));
        }
        for _ in 0..2 {
            match self.noun_skip.longest(toks, j) {
                Some((e, _)) if toks[j].joined() => j = e,
                _ => break,
            }
        }
        for _ in 0..2 {
            match self.adjective.longest(toks, j) {
                Some((e, _)) if toks[j].joined() => j = e,
                _ => break,
            }
        }
        if let Some((e, _)) = self.noun_phrase.longest(toks, j) {
            if toks[j].joined() {
                return Some((j, e));
            }
        }
        let t = toks.get(j)?;
        if t.kind != Kind::Word || !t.joined() || t.end - t.start < 2 || self.numword(t).is_some() {
            return None;
        }
        let mut e = j + 1;
        // Hyphenated compounds: "sous-officiers", "casques-bleus".
        while e + 1 < toks.len()
            && toks[e].is_punct('-')
            && toks[e].gap == Gap::None
            && toks[e + 1].kind == Kind::Word
            && toks[e + 1].gap == Gap::None
        {
            e += 2;
        }
        Some((j, e))
    }

    /// "aucun mort ni blessé", "no casualties", "ni mort ni blessé".
    fn zero_at(&self, toks: &[Tok], i: usize, out: &mut Vec<QuantityMatch>) -> Option<usize> {
        let zero = Quantity::exact(0);
        let mut next = if let Some((e, _)) = self.zero.longest(toks, i) {
            let (ns, ne) = self.noun_after(toks, e)?;
            let noun = Span::new(toks[ns].start, toks[ne - 1].end);
            out.push(QuantityMatch {
                span: Span::new(toks[i].start, toks[e - 1].end),
                quantity: zero,
                noun: Some(noun),
                year_like: false,
            });
            ne
        } else if self.zero_pair.starts(&toks[i]) {
            // "ni X ni Y": only when a second "ni" follows the noun.
            let (ns, ne) = self.noun_after(toks, i + 1)?;
            if !toks
                .get(ne)
                .is_some_and(|t| self.zero_pair.starts(t) && t.joined())
            {
                return None;
            }
            out.push(QuantityMatch {
                span: Span::new(toks[i].start, toks[i].end),
                quantity: zero,
                noun: Some(Span::new(toks[ns].start, toks[ne - 1].end)),
                year_like: false,
            });
            ne
        } else {
            return None;
        };
        while let Some((e, _)) = self.zero_chain.longest(toks, next) {
            if !toks[next].joined() {
                break;
            }
            let Some((ns, ne)) = self.noun_after(toks, e) else {
                break;
            };
            out.push(QuantityMatch {
                span: Span::new(toks[next].start, toks[e - 1].end),
                quantity: zero,
                noun: Some(Span::new(toks[ns].start, toks[ne - 1].end)),
                year_like: false,
            });
            next = ne;
        }
        Some(next)
    }

    /// A number at token `i`; `second` = the second number of a range ("3-4").
    fn number(&self, text: &str, toks: &[Tok], i: usize, second: bool) -> NumResult {
        let Some(t) = toks.get(i) else {
            return NumResult::None;
        };
        match t.kind {
            Kind::Num => self.digits(toks, i, second),
            Kind::Word => match self.words(text, toks, i) {
                Some((value, end)) => NumResult::Some(Number {
                    value,
                    end,
                    unit: None,
                    digits: false,
                    plain_year: false,
                }),
                None => NumResult::None,
            },
            Kind::Punct => NumResult::None,
        }
    }

    fn digits(&self, toks: &[Tok], i: usize, second: bool) -> NumResult {
        let t = toks[i];
        // Glued to a word or code before it: "RN22", "covid-19", "14h30".
        if t.gap == Gap::None && i > 0 && !second {
            let p = toks[i - 1];
            if p.kind != Kind::Punct {
                return NumResult::Skip(i + 1);
            }
            if i > 1 && p.gap == Gap::None && toks[i - 2].kind != Kind::Punct && p.ch != '(' {
                return NumResult::Skip(i + 1);
            }
        }
        let mut value = t.value;
        let mut end = i + 1;
        let mut grouped = false;
        let glued = |k: usize| toks.get(k).is_some_and(|t| t.gap == Gap::None);
        // Thousands: "1 200", "1,200", "1.200".
        if t.digits <= 3 {
            if let Some(sep) = toks.get(end).filter(|s| {
                s.gap == Gap::None && (s.is_punct(',') || s.is_punct('.')) && glued(end + 1)
            }) {
                let sep = sep.ch;
                while toks
                    .get(end)
                    .is_some_and(|s| s.gap == Gap::None && s.is_punct(sep))
                    && toks
                        .get(end + 1)
                        .is_some_and(|n| n.kind == Kind::Num && n.gap == Gap::None && n.digits == 3)
                {
                    value = value
                        .saturating_mul(1000)
                        .saturating_add(toks[end + 1].value);
                    end += 2;
                    grouped = true;
                }
            } else {
                while toks
                    .get(end)
                    .is_some_and(|n| n.kind == Kind::Num && n.gap == Gap::Space && n.digits == 3)
                {
                    value = value.saturating_mul(1000).saturating_add(toks[end].value);
                    end += 1;
                    grouped = true;
                }
            }
        }
        // Decimals ("2,5", "3.75"), clock times ("14:30"), fractions ("1/2").
        if let Some(s) = toks.get(end) {
            if s.gap == Gap::None
                && matches!(s.ch, ',' | '.' | ':' | '/')
                && s.kind == Kind::Punct
                && toks
                    .get(end + 1)
                    .is_some_and(|n| n.kind == Kind::Num && n.gap == Gap::None)
            {
                let frac = toks[end + 1];
                let mut e = end + 2;
                while toks
                    .get(e)
                    .is_some_and(|t| t.gap == Gap::None && t.kind != Kind::Word)
                {
                    e += 1;
                }
                if matches!(s.ch, ',' | '.') && !grouped {
                    if let Some(m) = toks.get(e).filter(|m| m.joined()) {
                        if self.numword(m).is_some_and(|w| w.kind == NumKind::Million) {
                            let scale = 10u64.saturating_pow(frac.digits);
                            let v = value.saturating_mul(1_000_000).saturating_add(
                                frac.value.saturating_mul(1_000_000) / scale.max(1),
                            );
                            return self.checked(v, e + 1, None, false);
                        }
                    }
                }
                return NumResult::Skip(e);
            }
        }
        // Glued suffix: unit ("4h", "10km"), ordinal ("2e", "1er"), or a code ("5G").
        if let Some(w) = toks
            .get(end)
            .filter(|w| w.gap == Gap::None && w.kind == Kind::Word)
        {
            if self.unit.contains_word(w) {
                return self.checked(value, end, Some(end), false);
            }
            return NumResult::Skip(end + 1);
        }
        if toks
            .get(end)
            .is_some_and(|n| n.gap == Gap::None && n.kind == Kind::Num)
        {
            return NumResult::Skip(end + 1);
        }
        // Day of a date: "11 janvier", "July 1", "juillet 2025".
        if !grouped {
            if toks
                .get(end)
                .is_some_and(|m| m.joined() && self.is_month(m))
                && value <= 31
            {
                return NumResult::Skip(end + 1);
            }
            if i > 0 && t.joined() && self.is_month(&toks[i - 1]) {
                return NumResult::Skip(end);
            }
        }
        // "3 millions".
        if let Some(m) = toks.get(end).filter(|m| m.joined()) {
            if self.numword(m).is_some_and(|w| w.kind == NumKind::Million) {
                return self.checked(value.saturating_mul(1_000_000), end + 1, None, false);
            }
        }
        let plain_year = !grouped && t.digits == 4 && (1900..=2099).contains(&value);
        self.checked(value, end, None, plain_year)
    }

    fn checked(&self, value: u64, end: usize, unit: Option<usize>, plain_year: bool) -> NumResult {
        if value > u64::from(u32::MAX) {
            return NumResult::Skip(end);
        }
        NumResult::Some(Number {
            value,
            end,
            unit,
            digits: true,
            plain_year,
        })
    }

    /// Number words: "vingt et un", "quatre-vingt-dix", "two hundred and fifty", "a hundred".
    fn words(&self, text: &str, toks: &[Tok], i: usize) -> Option<(u64, usize)> {
        let first = self.numword(&toks[i])?;
        // Short all-capital words are acronyms: "UN" is the United Nations, not one.
        let w = &text[toks[i].start..toks[i].end];
        if w.len() <= 3 && w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let (mut total, mut current): (u64, u64) = (0, 0);
        let mut last: Option<NumKind> = None;
        let mut j = i;
        let mut end = i;
        if first.kind == NumKind::Article {
            // "a hundred", "a thousand", "a dozen": only the plain English article.
            let w = &text[toks[i].start..toks[i].end];
            if !matches!(w, "a" | "A" | "an" | "An") {
                return None;
            }
            // "two soldiers and a civilian": after "and", the article counts one (the caller
            // keeps it only with a count noun right after it, like French "et un civil").
            let after_and = i > 0
                && toks[i - 1].kind == Kind::Word
                && text[toks[i - 1].start..toks[i - 1].end].eq_ignore_ascii_case("and");
            let next_number = toks
                .get(i + 1)
                .filter(|t| t.joined())
                .and_then(|t| self.numword(t));
            if after_and && next_number.is_none() {
                return Some((1, i + 1));
            }
            let next = next_number?;
            if !matches!(
                next.kind,
                NumKind::Hundred | NumKind::Thousand | NumKind::Million
            ) {
                return None;
            }
            current = 1;
            last = Some(NumKind::Article);
            j = i + 1;
        } else if first.kind == NumKind::Connector {
            return None;
        }
        while let Some(t) = toks.get(j) {
            if j > i && !t.joined() {
                break;
            }
            let Some(w) = self.numword(t) else { break };
            let v = w.value;
            let ok = match w.kind {
                NumKind::Unit => current % 10 == 0 && last != Some(NumKind::Unit),
                NumKind::Teen => {
                    matches!(current % 100, 0 | 60 | 80)
                        && !matches!(last, Some(NumKind::Unit | NumKind::Teen))
                }
                NumKind::Ten => {
                    (current % 100 == 0 && !matches!(last, Some(NumKind::Unit | NumKind::Teen)))
                        || (v == 20 && current % 100 == 4 && last == Some(NumKind::Unit))
                }
                NumKind::Hundred => current % 1000 < 100 && last != Some(NumKind::Hundred),
                NumKind::Thousand => !matches!(last, Some(NumKind::Thousand | NumKind::Million)),
                NumKind::Million => last != Some(NumKind::Million),
                NumKind::Dozen => !matches!(
                    last,
                    Some(NumKind::Dozen | NumKind::Hundred | NumKind::Thousand | NumKind::Million)
                ),
                NumKind::Article | NumKind::Connector => false,
            };
            if !ok {
                break;
            }
            match w.kind {
                NumKind::Unit | NumKind::Teen => current += v,
                NumKind::Ten => {
                    if current % 100 == 4 && v == 20 && last == Some(NumKind::Unit) {
                        current += 76;
                    } else {
                        current += v;
                    }
                }
                NumKind::Hundred => current = current.max(1) * 100,
                NumKind::Thousand => {
                    total = total.saturating_add(current.max(1).saturating_mul(1000));
                    current = 0;
                }
                NumKind::Million => {
                    total = total
                        .saturating_add(current)
                        .max(1)
                        .saturating_mul(1_000_000);
                    current = 0;
                }
                NumKind::Dozen => current = current.max(1) * 12,
                NumKind::Article | NumKind::Connector => {}
            }
            last = Some(w.kind);
            j += 1;
            end = j;
            // Hyphen or "et"/"and" before the next number word.
            let Some(n) = toks.get(j) else { break };
            let next_word = |k: usize| {
                toks.get(k)
                    .filter(|t| t.joined())
                    .and_then(|t| self.numword(t))
            };
            if n.is_punct('-') && n.gap <= Gap::Space {
                if next_word(j + 1)
                    .is_some_and(|w| w.kind != NumKind::Article && w.kind != NumKind::Connector)
                {
                    j += 1;
                }
            } else if self
                .numword(n)
                .is_some_and(|w| w.kind == NumKind::Connector)
                && n.joined()
            {
                let word = &text[n.start..n.end];
                let after = next_word(j + 1);
                let fr = word.eq_ignore_ascii_case("et")
                    && matches!(current % 100, 20 | 30 | 40 | 50 | 60)
                    && after.is_some_and(|w| w.value == 1 || w.value == 11);
                let en = word.eq_ignore_ascii_case("and")
                    && (current % 100 == 0 && (current >= 100 || total > 0))
                    && after.is_some_and(|w| {
                        matches!(w.kind, NumKind::Unit | NumKind::Teen | NumKind::Ten)
                    });
                if fr || en {
                    j += 1;
                }
            }
        }
        if end == i || last == Some(NumKind::Article) {
            return None;
        }
        let value = total.saturating_add(current);
        (value <= u64::from(u32::MAX)).then_some((value, end))
    }

    /// Whether this vocabulary id is a number word (or the article "a"/"an").
    pub(crate) fn is_number_word(&self, id: u32) -> bool {
        self.num.get(id as usize).is_some_and(Option::is_some)
    }

    /// Parse a number (digits or words) at token `i` for the date extractor ("trois jours").
    pub(crate) fn plain_number(&self, text: &str, toks: &[Tok], i: usize) -> Option<(u64, usize)> {
        match self.number(text, toks, i, false) {
            NumResult::Some(n) if n.unit.is_none() => Some((n.value, n.end)),
            _ => None,
        }
    }
}

fn qualify(q: Qualifier, n: u32) -> Quantity {
    match q {
        Qualifier::MoreThan | Qualifier::AtLeast => Quantity {
            low: n,
            high: None,
            best: n,
            qualifier: q,
        },
        _ => Quantity {
            low: n,
            high: Some(n),
            best: n,
            qualifier: q,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (best, noun) of every match.
    fn q(text: &str) -> Vec<(u32, Option<&str>)> {
        find_quantities(text)
            .into_iter()
            .map(|m| (m.quantity.best, m.noun.map(|n| &text[n.start..n.end])))
            .collect()
    }

    #[test]
    fn french_compound_number_words() {
        for (text, n) in [
            ("vingt et un soldats", 21),
            ("soixante-dix-sept soldats", 77),
            ("quatre-vingts soldats", 80),
            ("quatre-vingt-dix-neuf soldats", 99),
            ("deux cents soldats", 200),
            ("trois mille deux cent cinquante soldats", 3250),
            ("soixante et onze soldats", 71),
            ("dix-sept soldats", 17),
            ("deux millions de soldats", 2_000_000),
        ] {
            assert_eq!(q(text), vec![(n, Some("soldats"))], "{text}");
        }
    }

    #[test]
    fn english_number_words() {
        for (text, n) in [
            ("two hundred and fifty soldiers", 250),
            ("twenty-five soldiers", 25),
            ("a hundred soldiers", 100),
            ("two dozen soldiers", 24),
            ("one thousand soldiers", 1000),
        ] {
            assert_eq!(q(text), vec![(n, Some("soldiers"))], "{text}");
        }
    }

    #[test]
    fn words_not_merged_across_lists() {
        assert_eq!(q("trois quatre")[0].0, 3);
        assert_eq!(q("vingt vingt")[0].0, 20);
    }

    #[test]
    fn every_lexicon_row_is_loaded() {
        let rows = lexicon::rows(QUALIFIERS_TSV).count();
        let l = &*QLEX;
        let loaded = l.prefix.len()
            + l.suffix_at_least.len()
            + l.range_open.len()
            + l.range_sep.len()
            + l.approx.len()
            + l.vague.len()
            + l.zero.len()
            + l.zero_chain.len()
            + l.zero_pair.len()
            + l.zero_casualty.len()
            + l.noun_skip.len()
            + l.adjective.len()
            + l.unit.len()
            + l.noun_phrase.len()
            + l.ordinal.len()
            + l.year_context.len()
            + l.skip.len();
        assert_eq!(loaded, rows);
        let numbers = lexicon::rows(NUMBERS_TSV).count();
        // "six" is both French and English.
        assert_eq!(l.num.iter().flatten().count(), numbers - 1);
    }

    #[test]
    fn tokens_keep_original_offsets() {
        let text = "Près de 1\u{a0}200 soldats — l’armée";
        let toks = tokenize(text, &VOCAB);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            ["Près", "de", "1", "200", "soldats", "—", "l", "’", "armée"]
        );
        assert_eq!(toks[3].gap, Gap::Space);
        assert_eq!(toks[5].ch, '-');
        assert_eq!(toks[7].ch, '\'');
        assert_eq!(toks[0].id, VOCAB.get("pres"));
    }
}

#[cfg(test)]
mod probe {
    use super::*;

    /// On-CPU time of this thread (ns), so that other processes' load does not count.
    fn cpu_ns() -> u64 {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    }

    fn per_call(n: u32, mut f: impl FnMut()) -> f64 {
        let t = cpu_ns();
        for _ in 0..n {
            f();
        }
        (cpu_ns() - t) as f64 / f64::from(n) / 1000.0
    }

    #[test]
    #[ignore]
    fn tokenize_time() {
        let base = "Dans la nuit du samedi au dimanche, plus de 150 combattants lourdement armés ont attaqué le poste de Tinkaré, à 30 km de la frontière. Selon une source locale, au moins 12 soldats et trois civils ont été tués. On Sunday, July 6, 2025, nearly 160 armed men stormed the camp. ";
        let text = base.repeat(3000 / base.len() + 1);
        let n = 5000;
        let tt = per_call(n, || {
            std::hint::black_box(tokenize(std::hint::black_box(&text), &VOCAB));
        });
        let tq = per_call(n, || {
            std::hint::black_box(find_quantities(std::hint::black_box(&text)));
        });
        let td = per_call(n, || {
            std::hint::black_box(super::super::dates::find_dates(std::hint::black_box(&text)));
        });
        let words: Vec<String> = tokenize(&text, &VOCAB)
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| lexicon::fold(&text[t.start..t.end]))
            .collect();
        let tl = per_call(n, || {
            for w in &words {
                std::hint::black_box(VOCAB.get(std::hint::black_box(w)));
            }
        });
        let tc = per_call(n, || {
            let mut k = 0usize;
            for b in std::hint::black_box(text.as_bytes()) {
                if b.is_ascii_alphabetic() {
                    k += 1;
                }
            }
            std::hint::black_box(k);
        });
        println!(
            "{} word lookups {tl:.1} µs; byte scan {tc:.2} µs",
            words.len()
        );
        let tf = per_call(n, || {
            std::hint::black_box(crate::lexicon::Folded::new(std::hint::black_box(&text)));
        });
        println!(
            "{} bytes, {} tokens (CPU time per call): tokenize {tt:.1} µs, find_quantities {tq:.1} µs, find_dates {td:.1} µs, lexicon::Folded::new {tf:.1} µs",
            text.len(),
            tokenize(&text, &VOCAB).len()
        );
    }
}
