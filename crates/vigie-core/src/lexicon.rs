//! Lexicons (trigger words, number words, qualifiers, months, weekdays, actors, targets) are
//! data files under `crates/vigie-core/data/`, compiled in and parsed once by the module that
//! uses them. Format: UTF-8, tab-separated, `#` starts a comment line, blank lines ignored;
//! each file's header comment names its source and licence.

/// Rows of a TSV lexicon: comment and blank lines skipped, fields trimmed.
pub fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The folded text of up to `bytes` bytes before byte `pos` (backed off to a char boundary):
/// what the rules read to see which words precede a match.
pub fn fold_before(text: &str, pos: usize, bytes: usize) -> String {
    let mut from = pos.saturating_sub(bytes);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    fold(text.get(from..pos).unwrap_or(""))
}

/// The folded text of up to `bytes` bytes after byte `pos` (backed off to a char boundary):
/// what the rules read to see which words follow a match.
pub fn fold_after(text: &str, pos: usize, bytes: usize) -> String {
    let mut to = pos.saturating_add(bytes).min(text.len());
    while to > pos && !text.is_char_boundary(to) {
        to -= 1;
    }
    fold(text.get(pos..to).unwrap_or(""))
}

/// Lower-case, accents removed, apostrophes and dashes unified: the form lexicon keys are
/// compared in. ("Près" → "pres", "l’État" → "l'etat").
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Most snippets the rules read are plain ASCII: one pass over the bytes.
        return s.bytes().map(|b| fold_ascii(b) as char).collect();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// The folded form of an ASCII byte.
#[inline]
fn fold_ascii(b: u8) -> u8 {
    if b == b'`' {
        b'\''
    } else {
        b.to_ascii_lowercase()
    }
}

/// Append the folded form of one char (no allocation: this runs on every char of every article).
#[inline]
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        // Checked first: nearly every char of an article is ASCII.
        out.push(fold_ascii(c as u8) as char);
        return;
    }
    match c {
        '’' | '‘' | 'ʼ' | '´' => out.push('\''),
        '‐' | '‑' | '‒' | '–' | '—' => out.push('-'),
        '\u{a0}' | '\u{202f}' => out.push(' '),
        c => {
            for dc in deunicode::deunicode_char(c).unwrap_or("").chars() {
                out.push(dc.to_ascii_lowercase());
            }
        }
    }
}

/// A folded copy of a text that remembers where each of its bytes came from, so matches
/// found in the folded form map back to exact byte offsets of the original.
pub struct Folded {
    pub text: String,
    /// `origin[i]` = byte offset in the original of the char that produced folded byte `i`;
    /// one extra entry at the end holds the original length.
    origin: Vec<usize>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        for (i, c) in original.char_indices() {
            if c.is_ascii() {
                text.push(fold_ascii(c as u8) as char);
                origin.push(i);
                continue;
            }
            let before = text.len();
            push_folded(c, &mut text);
            origin.resize(origin.len() + (text.len() - before), i);
        }
        origin.push(original.len());
        Folded { text, origin }
    }

    /// Original byte range of the folded range `start..end`.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.origin[start.min(self.origin.len() - 1)];
        // The end maps to the start of the char after the last folded byte.
        let e = if end >= self.origin.len() - 1 {
            *self.origin.last().unwrap_or(&0)
        } else {
            let last = self.origin[end];
            if end > 0 && self.origin[end - 1] == last {
                // `end` splits one original char's expansion: include that whole char.
                self.origin[end..]
                    .iter()
                    .copied()
                    .find(|&o| o != last)
                    .unwrap_or(last)
            } else {
                last
            }
        };
        (s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_after_reads_whole_chars_only() {
        let text = "Les Dozos défendaient";
        // "é" is bytes 11-12: a window ending at byte 12 stops before it
        assert_eq!(fold_after(text, 9, 3), " d");
        assert_eq!(fold_after(text, 9, 4), " de");
        assert_eq!(fold_after(text, 9, 100), " defendaient");
        assert_eq!(fold_after(text, 40, 5), "");
    }

    #[test]
    fn fold_removes_case_accents_and_typographic_marks() {
        assert_eq!(fold("Près de l’État — Sandaré"), "pres de l'etat - sandare");
    }

    #[test]
    fn folded_offsets_map_back_to_the_original() {
        let original = "Attaque à Sandaré, près de Kayes";
        let f = Folded::new(original);
        let start = f.text.find("sandare").unwrap();
        let (s, e) = f.original_span(start, start + "sandare".len());
        assert_eq!(&original[s..e], "Sandaré");
        let start = f.text.find("pres").unwrap();
        let (s, e) = f.original_span(start, start + 4);
        assert_eq!(&original[s..e], "près");
    }

    #[test]
    fn plain_ascii_folds_like_any_text() {
        // The ASCII fast paths keep the one mapping ASCII has (the backtick as an apostrophe).
        assert_eq!(fold("L`ARMEE a Gao"), "l'armee a gao");
        assert_eq!(fold("L`ARMÉE à Gao"), "l'armee a gao");
        assert_eq!(Folded::new("L`ARMEE a Gao").text, "l'armee a gao");
    }

    proptest::proptest! {
        /// Folding a text in one piece, or char by char, gives the same string, and every
        /// folded byte maps back to the start of the char it came from.
        #[test]
        fn folding_is_per_char(text in "[a-zA-Z0-9 `'’éÉàç—\u{a0}œ-]{0,40}") {
            let by_char: String = text.chars().map(|c| fold(c.encode_utf8(&mut [0; 4]))).collect();
            proptest::prop_assert_eq!(fold(&text), by_char.clone());
            let folded = Folded::new(&text);
            proptest::prop_assert_eq!(&folded.text, &by_char);
            for i in 0..folded.text.len() {
                let (s, _) = folded.original_span(i, i + 1);
                proptest::prop_assert!(text.is_char_boundary(s));
            }
        }
    }

    #[test]
    fn rows_skip_comments_and_blanks() {
        let data = "# source: test\n\na\tb\n  # indented comment\nc\t d \n";
        let got: Vec<Vec<&str>> = rows(data).collect();
        assert_eq!(got, vec![vec!["a", "b"], vec!["c", "d"]]);
    }
}
