//! Spelling normalisation shared by the index and the text scanner.
//!
//! - [`fold`]: lower case, accents removed (`deunicode`), every non-alphanumeric character a single space.
//! - [`key`]: the index key — [`fold`] without spaces, so "Bani Bangou", "Banibangou" and "BANI-BANGOU"
//!   share one key, as do "Nioro du Sahel" and "Nioro-du-Sahel".
//! - [`skeleton`]: a coarse consonant skeleton used to widen candidates for spelling variants
//!   ("Boulkessi"/"Boulikessi", "Barsalogho"/"Barsalogo").

/// Appends the folded form of one character (lowercase ASCII alphanumerics only) to `out`.
#[inline]
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    if let Some(s) = deunicode::deunicode_char(c) {
        for b in s.chars() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase());
            }
        }
    }
}

/// Lower case, no accents, punctuation as single spaces, trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut tmp = String::new();
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            tmp.clear();
            push_folded(c, &mut tmp);
            if tmp.is_empty() {
                continue;
            }
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(&tmp);
        } else {
            pending_space = true;
        }
    }
    out
}

/// Index key: the folded spelling without any separator.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() {
            push_folded(c, &mut out);
        }
    }
    out
}

/// FNV-1a 64-bit over bytes, incremental (`hash_extend(hash_start(), a)` then `b` equals the hash of `a ++ b`).
#[inline]
pub fn hash_start() -> u64 {
    0xcbf2_9ce4_8422_2325
}

#[inline]
pub fn hash_extend(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

pub fn hash_key(k: &str) -> u64 {
    hash_extend(hash_start(), k.as_bytes())
}

/// Consonant skeleton of a key: first letter kept, then vowels and `h` dropped, c/q→k, z→s, w→ou-less,
/// repeated letters collapsed. "boulkessi" and "boulikessi" → "blks".
pub fn skeleton(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for (i, c) in key.chars().enumerate() {
        let m = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' | 'w' if i > 0 => continue,
            'c' | 'q' => 'k',
            'z' => 's',
            c => c,
        };
        if out.ends_with(m) {
            continue;
        }
        out.push(m);
    }
    out
}

/// The other common Latin spelling of a Tamasheq name opening with the particle "in"/"n" before a
/// consonant ("In-Tillit", "In Tillit", "Ntillit"; "In-Delimane", "Ndelimane"): the key with the
/// initial "i" added or dropped. None for other keys.
pub fn tamasheq_variant(key: &str) -> Option<String> {
    let is_consonant =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() && !"aeiouy".contains(c));
    if let Some(rest) = key.strip_prefix("in") {
        if rest.len() >= 3 && is_consonant(rest.chars().next()) {
            return Some(format!("n{rest}"));
        }
    } else if let Some(rest) = key.strip_prefix('n') {
        if rest.len() >= 3 && is_consonant(rest.chars().next()) {
            return Some(format!("in{rest}"));
        }
    }
    None
}

/// A folded word with each doubled letter written once ("hamma" → "hama"): French and English
/// transliterations of one Tamasheq or Fulfulde name differ in doubled letters, and the gazetteer
/// already carries each source spelling's single-letter form.
pub fn single_letters(word: &str) -> std::borrow::Cow<'_, str> {
    let b = word.as_bytes();
    if !b
        .windows(2)
        .any(|w| w[0] == w[1] && w[0].is_ascii_alphabetic())
    {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    let mut prev: Option<char> = None;
    for c in word.chars() {
        if prev == Some(c) && c.is_ascii_alphabetic() {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_punctuation() {
        assert_eq!(fold("  Sandaré"), "sandare");
        assert_eq!(fold("Nioro-du-Sahel"), "nioro du sahel");
        assert_eq!(fold("Côte d’Ivoire"), "cote d ivoire");
        assert_eq!(key("Bani Bangou"), key("BANIBANGOU"));
        assert_eq!(key("Gangontéry"), "gangontery");
    }

    #[test]
    fn doubled_letters_written_once() {
        assert_eq!(single_letters("hamma"), "hama");
        assert_eq!(single_letters("boulkessi"), "boulkesi");
        assert_eq!(single_letters("gao"), "gao");
    }

    #[test]
    fn skeletons_join_variants() {
        assert_eq!(skeleton(&key("Boulkessi")), skeleton(&key("Boulikéssi")));
        assert_eq!(skeleton(&key("Barsalogho")), skeleton(&key("Barsalogo")));
        assert_ne!(skeleton(&key("Kayes")), skeleton(&key("Kati")));
    }

    #[test]
    fn tamasheq_particle_variants() {
        assert_eq!(
            tamasheq_variant(&key("In-Tillit")).as_deref(),
            Some("ntillit")
        );
        assert_eq!(
            tamasheq_variant(&key("Ntillit")).as_deref(),
            Some("intillit")
        );
        assert_eq!(key("In Tillit"), key("In-Tillit"));
        // a vowel after the particle, or a short word: no variant
        assert_eq!(tamasheq_variant("inata"), None);
        assert_eq!(tamasheq_variant("nara"), None);
        assert_eq!(tamasheq_variant("ntk"), None);
    }

    #[test]
    fn incremental_hash_matches() {
        let h = hash_extend(hash_extend(hash_start(), b"bani"), b"bangou");
        assert_eq!(h, hash_key("banibangou"));
    }
}
