//! Text cleaning: Unicode NFC, whitespace and line breaks normalised, page furniture removed.
//!
//! The furniture patterns are data (`data/boilerplate.tsv`, see its header for the kinds of
//! rule). Structural rules live here: author bios (a name standing alone on its line, then a
//! paragraph "<Name> est une spécialiste…"), a "related" heading and the teaser headlines under
//! it, repeated lines (the same line twice: the first is kept), and a photo's alt text standing
//! right above its caption. Furniture run into a story line (an inline caption and its credit, a
//! donation appeal) is cut out of the line (`span` rows); a label line takes the headline under
//! it along (`label` rows: a video's duration in a video list).

use crate::lexicon::{fold, rows};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

static BOILERPLATE_TSV: &str = include_str!("../../data/boilerplate.tsv");

/// Lines longer than this (in chars) are never compared with the line/prefix patterns.
const SHORT_LINE: usize = 300;
/// A line longer than this, or ending a sentence, reads as story text (not a teaser title).
const TEASER_MAX: usize = 160;

/// Why a line was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Removal {
    /// Matched a `line` pattern (share button, heading, menu item...).
    Furniture,
    /// "Lire aussi", "Read more", "You might also like" and the link titles under them.
    Related,
    /// Matched a `regex` pattern (crumbs, slug, URL, cookie notice, by-line, credit).
    Pattern,
    /// An author block: name line(s) and bio.
    AuthorBio,
    /// The same line again.
    Duplicate,
    /// A dateline ("BAMAKO, 3 mars (AFP) -") at the start of the story: that part of the line.
    Dateline,
}

impl Removal {
    pub fn name(self) -> &'static str {
        match self {
            Removal::Furniture => "furniture",
            Removal::Related => "related links",
            Removal::Pattern => "crumbs/slugs/notices",
            Removal::AuthorBio => "author bio",
            Removal::Duplicate => "repeated lines",
            Removal::Dateline => "datelines",
        }
    }
}

/// The cleaned text and what was taken out of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    pub text: String,
    /// Number of removed (non-blank) lines per reason, in [`Removal`] order; zero counts omitted.
    pub removed: Vec<(Removal, usize)>,
}

impl Cleaned {
    pub fn removed_lines(&self) -> usize {
        self.removed.iter().map(|(_, n)| n).sum()
    }
}

struct Rules {
    lines: HashSet<String>,
    tails: HashSet<String>,
    /// (folded pattern, pattern with its decoration stripped, max chars)
    prefixes: Vec<(String, String, usize)>,
    /// (compiled pattern, max chars). Separate regexes: a RegexSet over these is ~40× slower.
    regexes: Vec<(Regex, usize)>,
    /// Folded bio verbs: "est une", "is a"...
    bios: Vec<String>,
    /// (dateline pattern, max chars of the match, whether the match must name a capital city)
    datelines: Vec<(Regex, usize, bool)>,
    /// Furniture inside a story line (an inline photo caption, a donation appeal): each match
    /// is cut out and the rest of the line kept.
    spans: Vec<Regex>,
    /// (pattern, max chars) of a line that labels the headline under it (a video's duration
    /// "01:53", "Go to video"): both lines dropped.
    labels: Vec<(Regex, usize)>,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let mut lines = HashSet::new();
    let mut tails = HashSet::new();
    let mut prefixes = Vec::new();
    let mut regexes = Vec::new();
    let mut bios = Vec::new();
    let mut datelines = Vec::new();
    let mut spans = Vec::new();
    let mut labels = Vec::new();
    for row in rows(BOILERPLATE_TSV) {
        let (kind, pattern) = match (row.first(), row.get(1)) {
            (Some(k), Some(p)) if !p.is_empty() => (*k, *p),
            _ => continue,
        };
        let max = row
            .get(2)
            .and_then(|m| m.parse::<usize>().ok())
            .unwrap_or(0);
        match kind {
            "line" => {
                lines.insert(strip_decoration(&fold(pattern)).to_string());
            }
            "tail" => {
                tails.insert(strip_decoration(&fold(pattern)).to_string());
            }
            "prefix" => {
                let folded = fold(pattern);
                let alone = strip_decoration(&folded).to_string();
                prefixes.push((folded, alone, max));
            }
            "regex" => {
                // The data file is compiled in and covered by tests: a bad pattern is a bug.
                let re = Regex::new(pattern).expect("data/boilerplate.tsv: invalid regex");
                regexes.push((re, if max == 0 { usize::MAX } else { max }));
            }
            "bio" => bios.push(fold(pattern)),
            "dateline" | "capital_dateline" => {
                let re = Regex::new(pattern).expect("data/boilerplate.tsv: invalid dateline");
                let max = if max == 0 { usize::MAX } else { max };
                datelines.push((re, max, kind == "capital_dateline"));
            }
            "span" => {
                spans.push(Regex::new(pattern).expect("data/boilerplate.tsv: invalid span"));
            }
            "label" => {
                let re = Regex::new(pattern).expect("data/boilerplate.tsv: invalid label");
                labels.push((re, if max == 0 { usize::MAX } else { max }));
            }
            _ => {}
        }
    }
    Rules {
        lines,
        tails,
        prefixes,
        regexes,
        bios,
        datelines,
        spans,
        labels,
    }
});

/// Story lines (from the top, after furniture is gone) in which a dateline is looked for:
/// the headline, a standfirst and a section label may come first.
const DATELINE_LINES: usize = 6;

/// The line without its leading dateline, if it has one followed by story text.
fn strip_dateline<'a>(rules: &Rules, line: &'a str) -> Option<&'a str> {
    rules.datelines.iter().find_map(|(re, max, capital)| {
        let m = re.find(line)?;
        // A pattern may name the town (`city`) and where the story starts (`keep`): "Bamako,
        // June 26, 2026 Twelve soldiers were wounded…" loses the town, not the date. (Groups are
        // read only for such patterns and once one matched: a regex's capture engines cost
        // memory on every thread.)
        let (town, rest_start) = if re.captures_len() > 1 {
            let caps = re.captures(line)?;
            (
                caps.name("city").map_or(m.as_str(), |c| c.as_str()),
                caps.name("keep").map_or(m.end(), |k| k.start()),
            )
        } else {
            (m.as_str(), m.end())
        };
        let rest = &line[rest_start..];
        // "BURKINA FASO — Six civils tués": a country alone is a round-up's section label,
        // not where a reporter filed from; it says which country the story is about.
        let label = town.trim_end_matches(|c: char| !c.is_alphanumeric());
        if vigie_geo::country_code_of(label).is_some() {
            return None;
        }
        // "Ouagadougou: Thirty-six civilians were killed … in Sanmatenga province." A town and
        // a colon also open headlines that say where it happened ("Tillabéri : dix soldats
        // tués"), so only a capital city opening a whole sentence is taken for a dateline.
        if *capital {
            let gaz = vigie_geo::global();
            let is_capital = gaz
                .lookup(label)
                .into_iter()
                .any(|id| gaz.place(id).kind == vigie_geo::PlaceKind::Capital);
            let sentence =
                rest.trim_end().ends_with(['.', '!', '?']) && rest.split_whitespace().count() >= 8;
            if !(is_capital && sentence) {
                return None;
            }
        }
        // A dateline introduces a sentence; a lone "MALI -" headline is not one.
        (m.as_str().chars().count() <= *max && rest.split_whitespace().count() >= 4).then_some(rest)
    })
}

/// The line with every `span` match cut out, the spaces around each cut made one.
fn cut_spans(rules: &Rules, line: &str) -> String {
    let mut out = line.to_string();
    for re in &rules.spans {
        if re.is_match(&out) {
            out = re.replace_all(&out, " ").into_owned();
        }
    }
    let mut joined = String::with_capacity(out.len());
    for w in out.split(' ').filter(|w| !w.is_empty()) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
    }
    joined
}

/// Trim everything that is not a letter or digit from both ends ("› Lire aussi :" → "Lire aussi").
fn strip_decoration(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphanumeric())
}

fn strip_leading_decoration(s: &str) -> &str {
    s.trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// Normalise Unicode (NFC) and whitespace: line breaks to `\n`, runs of spaces/tabs to one
/// space (a lone no-break space is kept: French typography), zero-width characters, soft
/// hyphens and control characters dropped, every line trimmed. Blank lines are kept.
pub fn normalize(raw: &str) -> String {
    let nfc;
    let src: &str = if is_nfc_quick(raw.chars()) == IsNormalized::Yes {
        raw
    } else {
        nfc = raw.nfc().collect::<String>();
        &nfc
    };
    let mut out = String::with_capacity(src.len());
    // Pending horizontal whitespace: None, or Some(char to emit).
    let mut pending: Option<char> = None;
    let mut at_line_start = true;
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    continue;
                }
                pending = None;
                out.push('\n');
                at_line_start = true;
            }
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                pending = None;
                out.push('\n');
                at_line_start = true;
            }
            '\u{A0}' | '\u{202F}' => {
                // A lone no-break space stays; in a run with other spaces, the run is one space.
                pending = Some(if pending.is_none() { c } else { ' ' });
            }
            ' ' | '\t' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{205F}' | '\u{3000}' => {
                pending = Some(' ');
            }
            '\u{200B}' | '\u{FEFF}' | '\u{AD}' | '\u{2060}' => {}
            c if c.is_control() => {}
            c => {
                if let Some(p) = pending.take() {
                    if !at_line_start {
                        out.push(p);
                    }
                }
                at_line_start = false;
                out.push(c);
            }
        }
    }
    out
}

/// The text so far stops in the middle of a sentence (a lower-case word or a comma, no final
/// punctuation) and the next line goes on with a lower-case word: a sentence that a page or a
/// copy broke over lines ("At least three Malian civilians were" / "killed and four
/// foreigners injured"), not two paragraphs.
fn wrapped_mid_sentence(text: &str, next: &str) -> bool {
    let last_word = text
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let ends_open = last_word.ends_with(',')
        || (last_word.chars().all(char::is_alphabetic)
            && last_word.chars().next().is_some_and(char::is_lowercase));
    let goes_on = next.split_whitespace().next().is_some_and(|w| {
        w.chars().all(char::is_alphabetic) && w.chars().next().is_some_and(char::is_lowercase)
    });
    ends_open && goes_on
}

/// A line that reads like a person's name: 2–5 words, capitalised (particles allowed), letters only.
fn is_name_line(line: &str) -> bool {
    if line.len() > 60 {
        return false;
    }
    let mut capitalised = 0;
    let mut words = 0;
    for w in line.split(' ') {
        words += 1;
        if words > 5 || w.is_empty() {
            return false;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        {
            return false;
        }
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitalised += 1;
        } else if !matches!(
            w,
            "de" | "du"
                | "da"
                | "dos"
                | "van"
                | "von"
                | "al"
                | "el"
                | "ben"
                | "bin"
                | "ould"
                | "ag"
        ) {
            return false;
        }
    }
    capitalised >= 2
}

/// A line that could be a link title under a "related" heading: short, no sentence end.
fn is_teaser_like(line: &str) -> bool {
    if line.chars().count() > TEASER_MAX {
        return false;
    }
    let last = line
        .trim_end_matches(['»', '"', '”', '’', ')', ' ', '\u{A0}', '\u{202F}'])
        .chars()
        .last();
    !matches!(last, Some('.') | Some('…'))
}

/// How many lines cut short with "…" in a row make a list of teasers.
const TEASER_RUN: usize = 3;

/// Clean a raw text (plain text, or text extracted from HTML). See the module docs.
pub fn clean(raw: &str) -> Cleaned {
    let rules = &*RULES;
    let normalized = normalize(raw);
    let lines: Vec<&str> = normalized.split('\n').collect();
    let mut removed: Vec<Option<Removal>> = vec![None; lines.len()];

    // Folded forms of the short lines (pattern matching and duplicate detection).
    let folded: Vec<Option<String>> = lines
        .iter()
        .map(|l| {
            (!l.is_empty() && l.len() <= SHORT_LINE * 4 && l.chars().count() <= SHORT_LINE)
                .then(|| fold(l))
        })
        .collect();

    // 1. Author blocks: a name alone on its line and a paragraph "<Name> <bio verb> ...".
    let names: Vec<&str> = lines.iter().copied().filter(|l| is_name_line(l)).collect();
    if !names.is_empty() {
        for (i, line) in lines.iter().enumerate() {
            for name in &names {
                let Some(rest) = line.strip_prefix(name).and_then(|r| r.strip_prefix(' ')) else {
                    continue;
                };
                let head: String = rest.chars().take(40).collect();
                let head = fold(&head);
                let is_bio = rules.bios.iter().any(|b| {
                    head.strip_prefix(b.as_str()).is_some_and(|after| {
                        after.chars().next().is_none_or(|c| !c.is_alphanumeric())
                    })
                });
                if is_bio {
                    removed[i] = Some(Removal::AuthorBio);
                    for (j, other) in lines.iter().enumerate() {
                        if other == name {
                            removed[j] = Some(Removal::AuthorBio);
                        }
                    }
                }
            }
        }
    }

    // 2. Line patterns.
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.is_empty() || removed[i].is_some() {
            i += 1;
            continue;
        }
        let nchars = line.chars().count();
        if let Some(f) = &folded[i] {
            let bare = strip_decoration(f);
            if rules.lines.contains(bare) {
                removed[i] = Some(Removal::Furniture);
                i += 1;
                continue;
            }
            if rules.tails.contains(bare) {
                removed[i] = Some(Removal::Related);
                let mut j = i + 1;
                while j < lines.len() {
                    if !lines[j].is_empty() {
                        if !is_teaser_like(lines[j]) {
                            break;
                        }
                        removed[j] = Some(Removal::Related);
                    }
                    j += 1;
                }
                i = j;
                continue;
            }
            let lead = strip_leading_decoration(f);
            let prefix = rules.prefixes.iter().find(|(p, _, max)| {
                nchars <= *max
                    && lead.strip_prefix(p.as_str()).is_some_and(|after| {
                        p.ends_with(|c: char| !c.is_alphanumeric())
                            || after.chars().next().is_none_or(|c| !c.is_alphanumeric())
                    })
            });
            if let Some((_, alone, max)) = prefix {
                removed[i] = Some(Removal::Related);
                if bare == alone.as_str() {
                    // The heading alone: the link titles follow, on the next non-blank line and
                    // the lines right under it.
                    let mut j = i + 1;
                    while j < lines.len() && lines[j].is_empty() {
                        j += 1;
                    }
                    while j < lines.len()
                        && !lines[j].is_empty()
                        && lines[j].chars().count() <= *max
                        && is_teaser_like(lines[j])
                        && removed[j].is_none()
                    {
                        removed[j] = Some(Removal::Related);
                        j += 1;
                    }
                }
                i += 1;
                continue;
            }
        }
        if rules
            .regexes
            .iter()
            .any(|(re, max)| nchars <= *max && re.is_match(line))
        {
            removed[i] = Some(Removal::Pattern);
            // A photo's alt text often stands right above its caption, which repeats it and
            // adds the credit: the alt text goes with the caption.
            if let Some(p) = (0..i).rev().find(|&p| !lines[p].is_empty()) {
                if removed[p].is_none()
                    && lines[p].chars().count() >= 20
                    && line.starts_with(lines[p])
                {
                    removed[p] = Some(Removal::Pattern);
                }
            }
            i += 1;
            continue;
        }
        if rules
            .labels
            .iter()
            .any(|(re, max)| nchars <= *max && re.is_match(line))
        {
            removed[i] = Some(Removal::Related);
            let mut j = i + 1;
            while j < lines.len() && lines[j].is_empty() {
                j += 1;
            }
            if j < lines.len() && is_teaser_like(lines[j]) {
                removed[j] = Some(Removal::Related);
                i = j;
            }
        }
        i += 1;
    }

    // 2b. Teasers: three or more lines in a row (blank lines aside) cut short with "…" are the
    // headlines of other stories that a page lists under its own, whatever heads them.
    let truncated = |l: &str| {
        let t = l.trim_end();
        t.ends_with('…') || t.ends_with("...")
    };
    let mut run: Vec<usize> = Vec::new();
    for i in 0..=lines.len() {
        let line = lines.get(i).copied();
        match line {
            Some("") => continue,
            Some(l) if removed[i].is_none() && truncated(l) => run.push(i),
            _ => {
                if run.len() >= TEASER_RUN {
                    for &j in &run {
                        removed[j] = Some(Removal::Related);
                    }
                }
                run.clear();
            }
        }
    }

    // 3. Repeated lines: keep the first.
    let mut seen_short: HashSet<&str> = HashSet::new();
    let mut seen_long: HashSet<&str> = HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() || removed[i].is_some() {
            continue;
        }
        let fresh = match &folded[i] {
            Some(f) => seen_short.insert(f.as_str()),
            None => seen_long.insert(line),
        };
        if !fresh {
            removed[i] = Some(Removal::Duplicate);
        }
    }

    // 4. Assemble: kept lines, blank runs collapsed to one blank line, none at the ends.
    let mut text = String::with_capacity(normalized.len());
    let mut blank_pending = false;
    let mut counts: Vec<(Removal, usize)> = Vec::new();
    let mut story_lines = 0;
    for (i, line) in lines.iter().enumerate() {
        let cut;
        let mut line: &str = line;
        if removed[i].is_none() && rules.spans.iter().any(|re| re.is_match(line)) {
            cut = cut_spans(rules, line);
            line = &cut;
            if !line.chars().any(char::is_alphanumeric) {
                removed[i] = Some(Removal::Pattern);
            }
        }
        if let Some(r) = removed[i] {
            match counts.iter_mut().find(|(k, _)| *k == r) {
                Some((_, n)) => *n += 1,
                None => counts.push((r, 1)),
            }
            continue;
        }
        if line.is_empty() {
            blank_pending = true;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if wrapped_mid_sentence(&text, line) {
                // "At least three civilians were\n\nkilled": one sentence hard-wrapped
                " "
            } else if blank_pending {
                "\n\n"
            } else {
                "\n"
            });
        }
        blank_pending = false;
        story_lines += 1;
        match strip_dateline(rules, line).filter(|_| story_lines <= DATELINE_LINES) {
            Some(rest) => {
                match counts.iter_mut().find(|(k, _)| *k == Removal::Dateline) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((Removal::Dateline, 1)),
                }
                text.push_str(rest);
            }
            None => text.push_str(line),
        }
    }
    counts.sort();
    Cleaned {
        text,
        removed: counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_table_loads_and_every_regex_compiles() {
        let r = &*RULES;
        assert!(r.lines.contains("read full bio"));
        assert!(r.tails.contains("you might also like"));
        assert!(r.prefixes.iter().any(|(p, _, _)| p == "a lire aussi"));
        assert!(r.regexes.len() >= 8);
        assert!(r.bios.iter().any(|b| b == "est une"));
    }

    #[test]
    fn name_lines() {
        assert!(is_name_line("Jean-Paul de Almeida"));
        assert!(is_name_line("Aminata Ould Sidi"));
        assert!(!is_name_line("Mali"));
        assert!(!is_name_line("Détails des attaques"));
        assert!(!is_name_line("Le Mali, Le Niger"));
    }
}
