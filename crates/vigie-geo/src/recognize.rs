//! Finding place names (and country names) in a text, with their cue words.
//!
//! The text is tokenised once (runs of alphanumeric characters, each folded to lower-case ASCII into one
//! buffer). From every capitalised token, n-grams of up to `max_tokens` tokens joined by a space, hyphen or
//! apostrophe are hashed incrementally and looked up in the gazetteer's hash index; the longest known name
//! wins. A name must start and end with a capitalised token (lower-case particles such as "du" may sit
//! inside), all-capital tokens never start one (acronyms), one-word names in `data/stopwords.txt` are skipped,
//! and a one-word name glued to another capitalised word ("Amadou Koufa", "Radio Kayes") is taken for part of
//! a person's or organisation's name unless that word is generic (`data/generic.txt`: "Region", "Airport"…).
//!
//! Country names (`data/countries.tsv`, French and English) are reported with `Cue::Admin(Country)` and no
//! candidates; "Niger" next to "fleuve"/"river" is the river and is not reported.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::gazetteer::{IdMap, MIN_SKELETON};
use crate::normalize::{fold, hash_extend, hash_key, hash_start, key, push_folded, skeleton};
use crate::{AdminLevel, Cue, Gazetteer, PlaceMention};

pub(crate) struct Lexicon {
    pub stop: HashSet<u64>,
    pub person: HashSet<u64>,
    /// Verbs of speech, each as its folded words ("a declare").
    pub speech: Vec<Vec<String>>,
    pub generic: HashSet<u64>,
    /// key hash of a country name → ISO code.
    pub countries: IdMap<&'static str>,
    /// key hash of a demonym → ISO code.
    pub demonyms: IdMap<&'static str>,
    /// last word of a cue phrase → (words of the phrase, cue), longest first.
    pub cues: HashMap<String, Vec<(Vec<String>, Cue)>>,
    /// Words of a place of care ("hôpital", "clinics") that may stand between a phrase of
    /// passage and the town it names.
    pub facility: HashSet<String>,
    pub max_country_tokens: usize,
}

fn data_lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

pub(crate) static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let stop = data_lines(include_str!("../data/stopwords.txt"))
        .map(|w| hash_key(&key(w)))
        .collect();
    let person = data_lines(include_str!("../data/person_names.txt"))
        .map(|w| hash_key(&key(w)))
        .collect();
    let speech = data_lines(include_str!("../data/speech_verbs.txt"))
        .map(|l| l.split(' ').map(str::to_string).collect())
        .collect();
    let generic = data_lines(include_str!("../data/generic.txt"))
        .map(|w| hash_key(&key(w)))
        .collect();
    let mut countries: IdMap<&'static str> = IdMap::default();
    let mut demonyms: IdMap<&'static str> = IdMap::default();
    let mut max_country_tokens = 1;
    for line in data_lines(include_str!("../data/countries.tsv")) {
        let mut f = line.split('\t');
        let (Some(code), Some(names)) = (f.next(), f.next()) else {
            continue;
        };
        for n in names.split('|') {
            max_country_tokens = max_country_tokens.max(fold(n).split(' ').count());
            countries.insert(hash_key(&key(n)), code);
        }
        for d in f.next().unwrap_or("").split('|').filter(|d| !d.is_empty()) {
            demonyms.insert(hash_key(&key(d)), code);
        }
    }
    // (one pass over the cue file: the `Facility` rows are words of care, the others cues)
    let mut facility = HashSet::new();
    let mut cues: Vec<(String, Cue)> = Vec::new();
    for line in data_lines(include_str!("../data/cues.tsv")) {
        let Some((phrase, class)) = line.split_once('\t') else {
            continue;
        };
        let cue = match class.trim() {
            "At" => Cue::At,
            "Near" => Cue::Near,
            "Between" => Cue::Between,
            "Axis" => Cue::Axis,
            "Region" => Cue::Admin(AdminLevel::Region),
            "Cercle" => Cue::Admin(AdminLevel::Cercle),
            "Commune" => Cue::Admin(AdminLevel::Commune),
            "Elsewhere" => Cue::Elsewhere,
            "Facility" => {
                facility.insert(fold(phrase));
                continue;
            }
            _ => continue,
        };
        cues.push((fold(phrase), cue));
    }
    cues.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut by_last: HashMap<String, Vec<(Vec<String>, Cue)>> = HashMap::new();
    for (phrase, cue) in cues {
        let words: Vec<String> = phrase.split(' ').map(str::to_string).collect();
        let last = words.last().cloned().unwrap_or_default();
        by_last.entry(last).or_default().push((words, cue));
    }
    let cues = by_last;
    Lexicon {
        stop,
        person,
        speech,
        generic,
        countries,
        demonyms,
        cues,
        facility,
        max_country_tokens,
    }
});

pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    fstart: u32,
    fend: u32,
    /// First character upper case.
    pub cap: bool,
    /// Every letter upper case and at least two letters (an acronym or a shouted word).
    pub upper: bool,
}

pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    folded: String,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut folded = String::with_capacity(text.len());
        let mut cur: Option<(usize, bool, usize, usize)> = None; // start, cap, letters, uppers
        let mut inner_upper = false; // an upper-case letter after the first one ("FAMa", "MINUSMA")
        let mut fstart = 0u32;
        let close = |cur: &mut Option<(usize, bool, usize, usize)>,
                     inner_upper: &mut bool,
                     end: usize,
                     toks: &mut Vec<Tok>,
                     folded: &String,
                     fstart: u32| {
            let inner_upper = std::mem::take(inner_upper);
            if let Some((start, cap, letters, uppers)) = cur.take() {
                toks.push(Tok {
                    start,
                    end,
                    fstart,
                    fend: folded.len() as u32,
                    cap,
                    upper: letters >= 2 && (letters == uppers || (uppers >= 2 && inner_upper)),
                });
            }
        };
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                let cur_ref = cur.get_or_insert_with(|| {
                    fstart = folded.len() as u32;
                    (i, c.is_uppercase(), 0, 0)
                });
                if c.is_alphabetic() {
                    cur_ref.2 += 1;
                    if c.is_uppercase() {
                        cur_ref.3 += 1;
                        if cur_ref.2 > 1 {
                            inner_upper = true;
                        }
                    }
                }
                push_folded(c, &mut folded);
            } else {
                close(&mut cur, &mut inner_upper, i, &mut toks, &folded, fstart);
            }
        }
        close(
            &mut cur,
            &mut inner_upper,
            text.len(),
            &mut toks,
            &folded,
            fstart,
        );
        // "NTillit", "MBeba": a particle glued to a name, not an acronym
        for t in toks.iter_mut().filter(|t| t.upper) {
            let mut cs = text[t.start..t.end].chars();
            let (a, b) = (cs.next(), cs.next());
            let rest: Vec<char> = cs.collect();
            if a.is_some_and(char::is_uppercase)
                && b.is_some_and(char::is_uppercase)
                && rest.len() >= 3
                && rest.iter().all(|c| c.is_lowercase())
            {
                t.upper = false;
            }
        }
        Tokens { text, toks, folded }
    }

    pub fn folded(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.folded[t.fstart as usize..t.fend as usize]
    }

    /// Token `i` folded, or "" past the last token (the words after a name at the text's end).
    pub fn folded_or_empty(&self, i: usize) -> &str {
        if i < self.toks.len() {
            self.folded(i)
        } else {
            ""
        }
    }

    /// Text between token `i` and token `i + 1`.
    pub fn sep(&self, i: usize) -> &str {
        &self.text[self.toks[i].end..self.toks[i + 1].start]
    }

    /// Token `j` is the rest of a name whose head is token `i`, one capital letter elided
    /// before it ("N’djamena", "N'guigmi", "M'bahiakro": names written with a lower-case letter
    /// after the apostrophe as often as with a capital).
    fn elided_head(&self, i: usize, j: usize) -> bool {
        j == i + 1
            && self.toks[i].cap
            && self.folded(i).len() == 1
            && matches!(self.sep(i), "'" | "’")
            && self.folded(j).len() >= 4
    }

    fn joinable(&self, i: usize) -> bool {
        let s = self.sep(i);
        !s.is_empty()
            && s.chars().count() <= 3
            && s.chars()
                .all(|c| matches!(c, ' ' | '\u{a0}' | '-' | '\'' | '’' | '\u{2011}'))
    }

    /// Separated from the next token by white space only (not a hyphen: "Kayes-Diboli" is two places).
    fn spaced(&self, i: usize) -> bool {
        let s = self.sep(i);
        !s.is_empty() && s.chars().count() <= 2 && s.chars().all(|c| c == ' ' || c == '\u{a0}')
    }
}

enum Hit<'g> {
    Place(std::borrow::Cow<'g, [u32]>),
    Country(&'static str),
}

/// Place names in `text`, with their cues and gazetteer candidates. Country names come with
/// `Cue::Admin(AdminLevel::Country)` and no candidates. Never panics; spans are char boundaries.
pub fn find_places(gaz: &Gazetteer, text: &str) -> Vec<PlaceMention> {
    let lex = &*LEX;
    let t = Tokens::new(text);
    let n = t.toks.len();
    let max_n = gaz.max_tokens.max(lex.max_country_tokens);
    let mut out: Vec<PlaceMention> = Vec::new();
    let mut matched_until = 0usize; // first token index not inside a previous mention
    let mut widened: IdMap<Vec<u32>> = IdMap::default();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    // one-word names the text gives as a person's surname ("alias Sunday Igboho"), with the
    // weight of that evidence (see `surname_evidence`)
    let mut surnames: HashMap<u64, u32> = HashMap::new();
    let mut i = 0;
    while i < n {
        let ti = &t.toks[i];
        // An all-caps word is an acronym more often than a place, but a country in capitals
        // ("BURKINA FASO —", "MALI :") labels a round-up's section: countries only.
        let caps_only = ti.upper;
        if !ti.cap || t.folded(i).is_empty() || (caps_only && t.folded(i).len() < 4) {
            i += 1;
            continue;
        }
        let mut h = hash_start();
        // the Tamasheq variant of the name ("Ntillit" for "In Tillit"), tried when the spelling is unknown
        let mut h_alt = crate::normalize::tamasheq_variant(t.folded(i))
            .map(|v| hash_extend(hash_start(), v.as_bytes()));
        // the name with its doubled letters written once ("Tin-Hamma" for "Tin Hama"), tried
        // when neither spelling above is known
        let mut h_single = hash_start();
        let mut single_differs = false;
        let mut best: Option<(usize, Hit<'_>)> = None;
        let mut j = i;
        while j < n && j < i + max_n {
            if j > i {
                if !t.joinable(j - 1) {
                    break;
                }
                let tj = &t.toks[j];
                if !tj.cap && t.folded(j).len() > 4 && !state_word(&t, j) && !t.elided_head(i, j) {
                    break;
                }
            }
            h = hash_extend(h, t.folded(j).as_bytes());
            if j > i {
                h_alt = h_alt.map(|x| hash_extend(x, t.folded(j).as_bytes()));
            }
            // (the same hash as `h` until a word with a doubled letter comes)
            let single = crate::normalize::single_letters(t.folded(j));
            single_differs |= single.len() != t.folded(j).len();
            h_single = if single_differs {
                hash_extend(h_single, single.as_bytes())
            } else {
                h
            };
            if t.toks[j].cap
                || t.elided_head(i, j)
                || t.folded(j).bytes().all(|b| b.is_ascii_digit())
                || (j > i && state_word(&t, j))
            {
                if let Some(code) = lex.countries.get(&h) {
                    best = Some((j, Hit::Country(code)));
                } else if !caps_only && j < i + gaz.max_tokens {
                    let mut ids = gaz.lookup_hash(h);
                    if ids.is_empty() {
                        ids = h_alt.map_or(&[][..], |x| gaz.lookup_hash(x));
                    }
                    if ids.is_empty() && single_differs {
                        ids = gaz.lookup_hash(h_single);
                    }
                    if !ids.is_empty() {
                        best = Some((j, Hit::Place(ids.into())));
                    }
                }
            }
            j += 1;
        }
        let best = best
            .or_else(|| similar_after_locative(gaz, &t, i).map(|ids| (i, Hit::Place(ids.into()))));
        let Some((end_tok, hit)) = best else {
            i += 1;
            continue;
        };
        let single = end_tok == i;
        let fi = hash_key(t.folded(i));
        let keep = match hit {
            Hit::Country("NE") => !is_river(&t, i, end_tok),
            Hit::Country(_) => true,
            Hit::Place(_) => {
                if single {
                    match surname_evidence(gaz, &t, i, matched_until) {
                        SurnameEvidence::Strong => *surnames.entry(fi).or_default() += 2,
                        SurnameEvidence::Weak => *surnames.entry(fi).or_default() += 1,
                        SurnameEvidence::None => {}
                    }
                }
                !single
                    || ((!lex.stop.contains(&fi) || named_as_a_province(&t, i))
                        && !lex.person.contains(&fi)
                        && !glued_to_name(gaz, &t, i, matched_until)
                        && !speaks(&t, i))
            }
        };
        if !keep {
            i += 1;
            continue;
        }
        let start = t.toks[i].start;
        let end = t.toks[end_tok].end;
        let (cue, candidates) = match hit {
            Hit::Country(_) => (Cue::Admin(AdminLevel::Country), Vec::new()),
            Hit::Place(ids) => {
                let c = widened
                    .entry(h_of(&t, i, end_tok))
                    .or_insert_with(|| widen(gaz, &t, i, end_tok, &ids))
                    .clone();
                (Cue::None, c)
            }
        };
        out.push(PlaceMention {
            start,
            end,
            surface: text[start..end].to_string(),
            cue,
            candidates,
        });
        ranges.push((i, end_tok));
        matched_until = end_tok + 1;
        i = end_tok + 1;
    }
    drop_pieces_of_unknown_names(gaz, text, &mut out, &mut ranges);
    assign_cues(&t, &mut out, &ranges);
    surnames.retain(|_, weight| *weight >= 2);
    drop_surnames_said_alone(&t, &surnames, &mut out, &mut ranges);
    mark_admin_context(gaz, text, &mut out);
    out
}

/// How surely the one-word name at `i` is a person's surname here.
#[derive(Clone, Copy, PartialEq)]
enum SurnameEvidence {
    None,
    /// After a capitalised word that is no place and no common word ("Reckya Madougou"): as
    /// often the first word of a longer place name ("Birnin Yauri"), so it takes two.
    Weak,
    /// After a known first name ("Moussa Kati") or "alias" ("alias Sunday Igboho", "Adeyemo aka
    /// Igboho").
    Strong,
}

/// The evidence that the one-word name at token `i` is a person's surname there (see
/// [`SurnameEvidence`]); none before a generic word of place ("Mera town").
fn surname_evidence(
    gaz: &Gazetteer,
    t: &Tokens<'_>,
    i: usize,
    matched_until: usize,
) -> SurnameEvidence {
    let lex = &*LEX;
    if i == 0 || i <= matched_until || !t.spaced(i - 1) || followed_by_generic(t, i) {
        return SurnameEvidence::None;
    }
    let word = |j: usize| hash_key(t.folded(j));
    let prev = &t.toks[i - 1];
    let alias = |j: usize| ALIAS_WORDS.contains(&t.folded(j));
    // "better known as Sunday Igboho", "popularly called Sunday Igboho": a first name and a
    // surname after words that also name places ("a village called Kpékpé"), so two names
    let named_as = |j: usize| {
        t.folded(j) == "called" || (t.folded(j) == "as" && j >= 1 && t.folded(j - 1) == "known")
    };
    if alias(i - 1)
        || (prev.cap && i >= 2 && t.spaced(i - 2) && (alias(i - 2) || named_as(i - 2)))
        || (prev.cap && lex.person.contains(&word(i - 1)))
    {
        return SurnameEvidence::Strong;
    }
    if prev.cap
        && !prev.upper
        && !lex.stop.contains(&word(i - 1))
        && !lex.generic.contains(&word(i - 1))
        && !lex.countries.contains_key(&word(i - 1))
        && gaz.lookup_hash(word(i - 1)).is_empty()
    {
        return SurnameEvidence::Weak;
    }
    SurnameEvidence::None
}

/// "Mera town", "Ajata Aboki village": the name before a generic word of place is a place.
fn followed_by_generic(t: &Tokens<'_>, i: usize) -> bool {
    i + 1 < t.toks.len() && t.spaced(i) && LEX.generic.contains(&hash_key(t.folded(i + 1)))
}

/// Words that give the name a person is known by.
const ALIAS_WORDS: &[&str] = &["alias", "aka", "dit", "dite", "surnomme", "surnommee"];

/// A surname of the text said alone with no word of place before it ("Igboho s'est enfui",
/// "the DSS raided Igboho's home") names the person, not the town of the same name; after "à",
/// "in", "near"… or before "town", "village"… it is still a place.
fn drop_surnames_said_alone(
    t: &Tokens<'_>,
    surnames: &HashMap<u64, u32>,
    out: &mut Vec<PlaceMention>,
    ranges: &mut Vec<(usize, usize)>,
) {
    if surnames.is_empty() {
        return;
    }
    let drop: Vec<bool> = out
        .iter()
        .zip(ranges.iter())
        .map(|(m, &(a, b))| {
            a == b
                && m.cue == Cue::None
                && surnames.contains_key(&hash_key(t.folded(a)))
                && !followed_by_generic(t, b)
        })
        .collect();
    drop_marked(out, ranges, &drop);
}

/// Remove the mentions (and their token ranges) marked in `drop`.
fn drop_marked(out: &mut Vec<PlaceMention>, ranges: &mut Vec<(usize, usize)>, drop: &[bool]) {
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    let mut k = 0;
    ranges.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// "Tudun Biri", a village the gazetteer does not know, read as two villages "Tudun" and
/// "Biri": two small places written one after the other with nothing but a space between are
/// the words of one longer name, not two places. (Towns, cities and admin units are kept: "in
/// the Gao Kidal region" is rare, "Niamey Tillabéri" rarer still; a comma, "et", "and" or a
/// hyphen between two names keeps both.)
fn drop_pieces_of_unknown_names(
    gaz: &Gazetteer,
    text: &str,
    out: &mut Vec<PlaceMention>,
    ranges: &mut Vec<(usize, usize)>,
) {
    let small = |m: &PlaceMention| {
        !m.candidates.is_empty()
            && m.candidates.iter().all(|&id| {
                matches!(
                    gaz.recs[id as usize].kind,
                    crate::PlaceKind::Village | crate::PlaceKind::Other
                )
            })
    };
    let mut drop = vec![false; out.len()];
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if text.get(a.end..b.start) == Some(" ") && small(a) && small(b) {
            drop[k - 1] = true;
            drop[k] = true;
        }
    }
    drop_marked(out, ranges, &drop);
}

/// "Douna, Mopti", "Mourdiah, Nara": a name right after a comma that is the region, cercle or
/// commune of a candidate of the name before it qualifies that name (cue `Parenthetical`),
/// unless a list goes on after it ("Ansongo, Gao et Ménaka").
fn mark_admin_context(gaz: &Gazetteer, text: &str, ms: &mut [PlaceMention]) {
    let mut host: Option<usize> = None;
    for k in 1..ms.len() {
        let between = text.get(ms[k - 1].end..ms[k].start).unwrap_or("x").trim();
        let parenthetical = ms[k].cue == Cue::Parenthetical;
        if parenthetical {
            host = host.or(Some(k - 1));
            continue;
        }
        if between != "," || !matches!(ms[k].cue, Cue::None | Cue::At) {
            host = None;
            continue;
        }
        let h = host.unwrap_or(k - 1);
        if ms[h].cue == Cue::Admin(AdminLevel::Country) || ms[h].candidates.is_empty() {
            host = None;
            continue;
        }
        let list_goes_on = ms.get(k + 1).is_some_and(|next| {
            let gap = fold(text.get(ms[k].end..next.start).unwrap_or("x"));
            matches!(gap.as_str(), "et" | "and" | "" | "ou" | "or")
        });
        // "Mopti Region": the unit's own name
        let folded = fold(&ms[k].surface);
        let unit_name = match folded.rsplit_once(' ') {
            Some((name, "region" | "cercle" | "circle" | "province" | "commune" | "district")) => {
                name.to_string()
            }
            _ => folded.clone(),
        };
        let unit = hash_key(&key(&unit_name));
        let qualifies = ms[h].candidates.iter().any(|&id| {
            (id as usize) < gaz.len() && (0..4).any(|lvl| gaz.admin_key(id, lvl) == unit)
        });
        if qualifies && !list_goes_on {
            ms[k].cue = Cue::Parenthetical;
            host = Some(h);
        } else {
            host = None;
        }
    }
}

/// Words after which a capitalised unknown word is most likely a place ("in X", "à X", "near X").
const LOCATIVE: [&str; 9] = [
    "in", "at", "a", "near", "pres", "de", "village", "of", "localite",
];

/// A one-word name the gazetteer does not spell this way, right after a locative word: the places
/// spelled alike (same consonant skeleton, one edit: "Almoustarat"/"Almoustarast"; two in a
/// long name: "Chinégodar"/"Chinagodrar").
fn similar_after_locative(gaz: &Gazetteer, t: &Tokens<'_>, i: usize) -> Option<Vec<u32>> {
    let lex = &*LEX;
    let w = t.folded(i);
    if i == 0 || w.len() < 6 || t.toks[i].upper || !t.spaced(i - 1) {
        return None;
    }
    if !LOCATIVE.contains(&t.folded(i - 1)) {
        return None;
    }
    // a longer capitalised phrase is a name of its own
    if i + 1 < t.toks.len() && t.spaced(i) && t.toks[i + 1].cap {
        return None;
    }
    let h = hash_key(w);
    if lex.stop.contains(&h) || lex.person.contains(&h) || lex.countries.contains_key(&h) {
        return None;
    }
    let sk = skeleton(w);
    if sk.len() < MIN_SKELETON {
        return None;
    }
    // the skeleton itself, then with one consonant more or less ("Almoustarat"/"Almoustarast")
    let mut skeletons = vec![sk.clone()];
    let chars: Vec<char> = sk.chars().collect();
    for i in 1..chars.len() {
        let mut d = chars.clone();
        d.remove(i);
        skeletons.push(d.into_iter().collect());
    }
    for i in 1..=chars.len() {
        for c in "bdfgjklmnprstvx".chars() {
            let mut d = chars.clone();
            d.insert(i, c);
            skeletons.push(d.into_iter().collect());
        }
    }
    // (one edit per five letters, as `widen` allows)
    let max_edits = (w.len() / 5).max(1);
    let mut ids: Vec<u32> = Vec::new();
    for s in &skeletons {
        if s.len() < MIN_SKELETON {
            continue;
        }
        let similar = gaz.lookup_skeleton(hash_key(s));
        if similar.len() > 40 {
            continue;
        }
        for &id in similar {
            if !ids.contains(&id) && gaz.names_of(id).any(|n| edits(&key(n), w) <= max_edits) {
                ids.push(id);
            }
        }
    }
    if ids.is_empty() {
        return None;
    }
    Some(ids)
}

fn h_of(t: &Tokens<'_>, i: usize, end: usize) -> u64 {
    (i..=end).fold(hash_start(), |h, x| hash_extend(h, t.folded(x).as_bytes()))
}

/// Exact candidates plus places spelled alike (same skeleton, at most one edit per five letters).
fn widen(gaz: &Gazetteer, t: &Tokens<'_>, i: usize, end_tok: usize, ids: &[u32]) -> Vec<u32> {
    let mut c = ids.to_vec();
    // widen with similar spellings ("Boulikessi" for "Boulkessi") for the resolver to weigh
    let k: String = (i..=end_tok).map(|x| t.folded(x)).collect();
    let sk = skeleton(&k);
    if sk.len() >= MIN_SKELETON {
        let similar = gaz.lookup_skeleton(hash_key(&sk));
        if similar.len() <= 40 {
            let max_edits = (k.len() / 5).max(1);
            for &id in similar {
                if !c.contains(&id) && gaz.names_of(id).any(|n| edits(&key(n), &k) <= max_edits) {
                    c.push(id);
                }
            }
        }
    }
    c
}

/// "state" after a name, capitalised or not ("Niger state", legit.ng's spelling of "Niger
/// State"): the gazetteer knows the Nigerian states whose bare name is a common word or a
/// country only as "X State", so the word is part of the name.
fn state_word(t: &Tokens<'_>, j: usize) -> bool {
    t.folded(j) == "state"
}

fn is_river(t: &Tokens<'_>, i: usize, end: usize) -> bool {
    let before = i.checked_sub(1).map(|p| t.folded(p)).unwrap_or("");
    let after = t.folded_or_empty(end + 1);
    matches!(before, "fleuve" | "river")
        || matches!(after, "river")
        || (before == "du" && after.is_empty())
}

/// A one-word name with a capitalised, non-generic word right before or after it (space-separated) is
/// taken for part of a longer proper noun.
fn glued_to_name(gaz: &Gazetteer, t: &Tokens<'_>, i: usize, matched_until: usize) -> bool {
    let lex = &*LEX;
    let other = |j: usize| {
        let tj = &t.toks[j];
        if !tj.cap || tj.upper {
            return false;
        }
        let h = hash_key(t.folded(j));
        lex.person.contains(&h)
            || (!lex.stop.contains(&h)
                && !lex.generic.contains(&h)
                && !lex.countries.contains_key(&h))
    };
    if i > 0
        && i > matched_until
        && t.spaced(i - 1)
        && other(i - 1)
        && (!sentence_start(t, i - 1) || lex.person.contains(&hash_key(t.folded(i - 1))))
    {
        return true;
    }
    if i + 1 < t.toks.len() && t.spaced(i) && other(i + 1) {
        // "Kayes Diboli" lists two places: a following known name does not glue
        return gaz.lookup_hash(hash_key(t.folded(i + 1))).is_empty();
    }
    false
}

/// The one-word name at token `i` opens a clause and is followed by a verb of speech ("Zulum
/// said", "…, Koufa a déclaré"): it names a speaker, not a place. After a word ("the mayor of
/// Konna says", "sources in Kaduna said") the name is not the one who speaks.
fn speaks(t: &Tokens<'_>, i: usize) -> bool {
    let opens_clause = i == 0
        || sentence_start(t, i)
        || t.sep(i - 1)
            .chars()
            .any(|c| matches!(c, ',' | ';' | ':' | '"' | '«' | '“' | '—' | '–' | '('));
    opens_clause
        && LEX.speech.iter().any(|verb| {
            verb.iter().enumerate().all(|(k, word)| {
                let j = i + 1 + k;
                j < t.toks.len() && t.spaced(j - 1) && t.folded(j) == word
            })
        })
}

/// Token `j` opens a sentence (so its capital says nothing).
fn sentence_start(t: &Tokens<'_>, j: usize) -> bool {
    if j == 0 {
        return t.text[..t.toks[0].start].trim().is_empty();
    }
    let s = t.sep(j - 1);
    s.contains(['.', '!', '?', '\n', ':', '«', '"'])
}

/// Beyond this distance from a named town, the town is a landmark for the reader, not the
/// event's surroundings.
const FAR_REFERENCE_KM: f64 = 100.0;

/// Where the words end once a trailing "the capital" is set aside, with the capital's country
/// or rank when given: "la capitale (malienne | du Mali | régionale)", "the (state | Nigerien)
/// capital", "Mali's capital". Without such words, all of them.
fn before_capital(words: &[&str]) -> usize {
    let k = words.len();
    let at = |i: usize| words.get(i).copied().unwrap_or("");
    // "la capitale du Mali", "la capitale de la région"
    let mut j = if k >= 3 && at(k - 3) == "capitale" && matches!(at(k - 2), "du" | "de" | "d") {
        k - 2
    } else if k >= 4
        && at(k - 4) == "capitale"
        && at(k - 3) == "de"
        && matches!(at(k - 2), "la" | "l")
    {
        k - 3
    } else if k >= 2 && at(k - 2) == "capitale" {
        // "la capitale malienne", "la capitale régionale"
        k - 1
    } else {
        k
    };
    if j == 0 || !matches!(at(j - 1), "capital" | "capitale") {
        return k;
    }
    j -= 1;
    if j >= 2 && at(j - 1) == "s" {
        // "Mali's capital"
        return j - 2;
    }
    if j > 0 && matches!(at(j - 1), "la" | "the") {
        return j - 1;
    }
    // "the state capital", "the Nigerien capital"
    if j >= 2 && at(j - 2) == "the" {
        return j - 2;
    }
    k
}

fn distance_km(words: &[&str]) -> Option<f64> {
    // "à 600 kilomètres de la capitale, Lomé", "200 km from the capital Niamey"
    let mut k = before_capital(words);
    let last = *words.get(k.checked_sub(1)?)?;
    if !matches!(last, "de" | "d" | "du" | "from" | "of") {
        return None;
    }
    k -= 1;
    // (and "away": "10km away from Ke-Macina")
    // (and the compass abbreviations of situation reports: "30 km NE of")
    // (and "far": "spotted 90 km far from Gao")
    const DIRS: [&str; 30] = [
        "far",
        "ne",
        "no",
        "so",
        "nw",
        "se",
        "sw",
        "n",
        "s",
        "e",
        "w",
        "away",
        "au",
        "a",
        "l",
        "la",
        "to",
        "the",
        "nord",
        "sud",
        "est",
        "ouest",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    ];
    let mut skipped = 0;
    while k > 0 && skipped < 5 && DIRS.contains(&words[k - 1]) {
        k -= 1;
        skipped += 1;
    }
    let unit = *words.get(k.checked_sub(1)?)?;
    // "20 miles from Maiduguri"
    let per_unit = if matches!(unit, "miles" | "mile") {
        1.609
    } else {
        1.0
    };
    let (num_word, num_at) = match unit.strip_suffix("km") {
        Some("") => (*words.get(k.checked_sub(2)?)?, k - 2),
        Some(num) => (num, k - 1),
        None if matches!(
            unit,
            "kilometres" | "kilometre" | "kilometers" | "kilometer" | "kms" | "miles" | "mile"
        ) =>
        {
            (*words.get(k.checked_sub(2)?)?, k - 2)
        }
        None => return None,
    };
    // "à une trentaine de kilomètres de Gao": French round figures of distance
    let approximate = |w: &str| match w {
        "dizaine" => Some(10.0),
        "douzaine" => Some(12.0),
        "quinzaine" => Some(15.0),
        "vingtaine" => Some(20.0),
        "trentaine" => Some(30.0),
        "quarantaine" => Some(40.0),
        "cinquantaine" => Some(50.0),
        "soixantaine" => Some(60.0),
        "centaine" => Some(100.0),
        _ => None,
    };
    let km: f64 = per_unit
        * match num_word {
            "de" | "d" => approximate(words.get(num_at.checked_sub(1)?)?)?,
            _ => num_word.parse::<f64>().ok()?,
        };
    (km > 0.0 && km < 2000.0).then_some(km)
}

/// Words of a day, an hour or a date that may sit between a verb and its preposition without
/// changing what the place is ("accueillis lundi soir à", "welcomed on Monday in", "partie le
/// 1er octobre au matin de"), French and English, folded. (Day numbers are allowed besides.)
const TIME_WORDS: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "soir",
    "matin",
    "hier",
    "aujourd",
    "hui",
    "le",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "on",
    "yesterday",
    "today",
    "morning",
    "evening",
    "night",
    "afternoon",
    "later",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "er",
    "au",
    "du",
    "the",
    "ce",
    "cette",
    "this",
    "last",
    "dernier",
    "derniere",
];

/// A capitalised common word named as a province: "la province du Lac", "Lac province"
/// (Chad's Lac, which "lac" as a stop word would hide).
fn named_as_a_province(t: &Tokens<'_>, i: usize) -> bool {
    if !t.toks[i].cap || t.toks[i].upper {
        return false;
    }
    let before = |k: usize| if i >= k { t.folded(i - k) } else { "" };
    let after = t.folded_or_empty(i + 1);
    // (provinces only: "la région du Sahel", "the Sahel region", "North region" are as often
    // the wider Sahel or a direction as Burkina's or Cameroon's units)
    (matches!(before(1), "du" | "de" | "des") && before(2) == "province") || after == "province"
}

/// A word naming the kind of administrative unit before its name ("la région de", "le cercle
/// de"), folded.
fn admin_unit_word(w: &str) -> bool {
    matches!(
        w,
        "region" | "province" | "cercle" | "commune" | "departement" | "prefecture"
    )
}

/// The cues whose phrase ends `words` (folded words before a name), longest phrase first.
fn ending_cues<'a>(lex: &'a Lexicon, words: &'a [&str]) -> impl Iterator<Item = &'a Cue> + 'a {
    words
        .last()
        .and_then(|w| lex.cues.get(*w))
        .into_iter()
        .flatten()
        .filter(move |(phrase, _)| {
            phrase.len() <= words.len()
                && words[words.len() - phrase.len()..]
                    .iter()
                    .zip(phrase)
                    .all(|(a, b)| a == b)
        })
        .map(|(_, c)| c)
}

fn assign_cues(t: &Tokens<'_>, ms: &mut [PlaceMention], ranges: &[(usize, usize)]) {
    let lex = &*LEX;
    let text = t.text;
    for k in 0..ms.len() {
        if ms[k].cue == Cue::Admin(AdminLevel::Country) {
            continue;
        }
        let (first_tok, last_tok) = ranges[k];
        let start = ms[k].start;
        let prev_end = if k > 0 { ms[k - 1].end } else { 0 };
        let between = if k > 0 {
            text[prev_end..start].trim()
        } else {
            ""
        };
        let prev_cue = if k > 0 {
            ms[k - 1].cue.clone()
        } else {
            Cue::None
        };
        // "(Bankass, Mopti)" right after a name
        if k > 0 {
            let opens = between == "(" || between == "[";
            let continues = matches!(between, "," | ";") && prev_cue == Cue::Parenthetical;
            if opens || continues {
                ms[k].cue = Cue::Parenthetical;
                continue;
            }
        }
        // "Kayes-Diboli" after "axe", or "between X and Y"
        // ("sur l'axe Ténenkou à Macina", "la route reliant Gao à Ansongo": its other end)
        if k > 0 && matches!(between, "-" | "–" | "—" | "/" | "à" | "a") && prev_cue == Cue::Axis
        {
            ms[k].cue = Cue::Axis;
            continue;
        }
        // (a gloss between the two ends does not break them apart: "entre Douentza (centre)
        // et Gao", "between Kaya (north) and Dori")
        let joiner = match between.strip_prefix(['(', '[']) {
            Some(rest) => rest
                .find([')', ']'])
                .map_or(between, |close| rest[close + 1..].trim()),
            None => between,
        };
        if k > 0
            && (joiner.eq_ignore_ascii_case("et")
                || joiner.eq_ignore_ascii_case("and")
                || joiner == "&"
                // "la route reliant Gao à Ansongo", "the road linking Gao to Ansongo"
                || matches!(joiner, "à" | "a" | "to"))
            && prev_cue == Cue::Between
        {
            ms[k].cue = Cue::Between;
            continue;
        }
        let from = first_tok.saturating_sub(8);
        let words: Vec<&str> = (from..first_tok).map(|x| t.folded(x)).collect();
        if let Some(km) = distance_km(&words) {
            // Far off, the town only tells the reader where the region lies ("à 600 kilomètres
            // de la capitale"): it is not near the event.
            ms[k].cue = if km > FAR_REFERENCE_KM {
                Cue::Elsewhere
            } else {
                Cue::DistanceFrom { km }
            };
            continue;
        }
        // "Mopti region", "Soum province" (English order)
        let first_after = t.folded_or_empty(last_tok + 1);
        let second_after = t.folded_or_empty(last_tok + 2);
        let third_after = t.folded_or_empty(last_tok + 3);
        // "Diffa est une région riveraine du lac Tchad", "Mopti is a region of central Mali":
        // the text says what kind of unit the name is.
        let said_to_be = matches!(first_after, "est" | "is")
            && matches!(second_after, "une" | "un" | "a" | "an")
            && matches!(
                third_after,
                "region" | "province" | "cercle" | "commune" | "state" | "district"
            );
        let (first_after, second_after) = if said_to_be {
            (third_after, "")
        } else {
            (first_after, second_after)
        };
        let suffix_cue = match first_after {
            "region" | "state" => Some(Cue::Admin(AdminLevel::Region)),
            "province" | "cercle" | "circle" | "department" | "district" | "prefecture" => {
                Some(Cue::Admin(AdminLevel::Cercle))
            }
            // Nigeria's second-level units, named after their seat: "in the Kankara Local
            // Government Area of Katsina State", "Gwoza LGA"
            "lga" | "lgas" => Some(Cue::Admin(AdminLevel::Cercle)),
            "local" if second_after == "government" => Some(Cue::Admin(AdminLevel::Cercle)),
            // the same units in the Federal Capital Territory: "Gwagwalada Area Council"
            "area" if second_after == "council" => Some(Cue::Admin(AdminLevel::Cercle)),
            "commune" | "municipality" => Some(Cue::Admin(AdminLevel::Commune)),
            // "in the Ber area", "the Djibo area": around the town.
            "area" | "areas" | "vicinity" | "outskirts" | "environs" | "forest" => Some(Cue::Near),
            // "on the Parou bridge": the bridge is the spot
            "bridge" => Some(Cue::At),
            _ => None,
        };
        let mut cue = ending_cues(lex, &words)
            .next()
            .cloned()
            .unwrap_or(Cue::None);
        // "la région nigérienne de Diffa", "la commune rurale de Tessit", "la province
        // burkinabè du Soum": a unit with one adjective before its name is still that unit.
        if matches!(cue, Cue::None | Cue::At) && words.len() >= 3 {
            let n = words.len();
            let adjective = words[n - 2];
            if matches!(words[n - 1], "de" | "d" | "du")
                && admin_unit_word(words[n - 3])
                && adjective.len() > 3
                && adjective.chars().all(char::is_alphabetic)
                // (a neighbouring unit is where someone is from, not the unit itself)
                && !matches!(
                    adjective,
                    "voisin" | "voisine" | "voisins" | "voisines" | "limitrophe" | "proche"
                        | "natale" | "natal"
                )
            {
                let unit = [words[n - 3], words[n - 1]];
                let unit_cue = ending_cues(lex, &unit).next().cloned();
                if let Some(c) = unit_cue {
                    cue = c;
                }
            }
        }
        // "in Inhinita, Menaka": a place after an unknown name that a locative word introduced
        // only says where that place lies (around it: precision 2)
        if cue == Cue::None && first_tok >= 3 {
            let unknown = first_tok - 1;
            let inside_previous = k > 0 && ms[k - 1].end > t.toks[unknown].start;
            let comma = t.sep(unknown).trim() == ",";
            if comma
                && !inside_previous
                && t.toks[unknown].cap
                && !t.toks[unknown].upper
                && t.spaced(unknown - 1)
                && matches!(
                    t.folded(unknown - 1),
                    "in" | "at" | "a" | "near" | "pres" | "of" | "de"
                )
                && !LEX.stop.contains(&hash_key(t.folded(unknown)))
            {
                cue = Cue::Near;
            }
        }
        // "en direction de la région de Kidal", "vers la localité de Boni": a journey's end named
        // with its kind of unit is still elsewhere.
        if matches!(cue, Cue::Admin(_) | Cue::At | Cue::None) && words.len() >= 3 {
            let n = words.len();
            let unit_at = (n.saturating_sub(3)..n).rev().find(|&i| {
                admin_unit_word(words[i])
                    || matches!(words[i], "localite" | "ville" | "village" | "zone")
            });
            if let Some(i) = unit_at {
                let mut before = &words[..i];
                while let Some((last, rest)) = before.split_last() {
                    if matches!(*last, "la" | "le" | "l" | "les" | "du" | "de" | "d" | "des") {
                        before = rest;
                    } else {
                        break;
                    }
                }
                let mut with_prep: Vec<&str> = before.to_vec();
                with_prep.push("de");
                if ending_cues(lex, before).any(|c| *c == Cue::Elsewhere)
                    || ending_cues(lex, &with_prep).any(|c| *c == Cue::Elsewhere)
                {
                    cue = Cue::Elsewhere;
                }
            }
        }
        // "évacués vers l'hôpital régional de Kidal", "taken to clinics in Gao": the place of
        // care stands between the phrase of passage and the town, which is still elsewhere.
        if matches!(cue, Cue::None | Cue::At) {
            let filler = |w: &str| {
                matches!(
                    w,
                    "l" | "la"
                        | "le"
                        | "les"
                        | "de"
                        | "d"
                        | "du"
                        | "des"
                        | "the"
                        | "a"
                        | "an"
                        | "in"
                        | "of"
                        | "at"
                )
            };
            // (back from the name over words of care and small words, to a phrase of passage)
            let mut j = words.len();
            let mut care = false;
            let mut passage = false;
            while j > 0 && (lex.facility.contains(words[j - 1]) || filler(words[j - 1])) {
                care |= lex.facility.contains(words[j - 1]);
                j -= 1;
                if care && ending_cues(lex, &words[..j]).any(|c| *c == Cue::Elsewhere) {
                    passage = true;
                    break;
                }
            }
            if passage {
                cue = Cue::Elsewhere;
            }
        }
        // "correspondant de RFI à Bamako", "a correspondent for Example News in Niamey": where
        // an outlet's reporter is posted, whichever the outlet (the data's "correspondant à"
        // holds only with nothing between).
        if matches!(cue, Cue::None | Cue::At) && words.len() >= 4 {
            let n = words.len();
            // (the outlet's name: capitalised words, an article before them at most)
            let outlet = |x: usize| {
                let tok = &t.toks[from + x];
                tok.cap || tok.upper || matches!(words[x], "l" | "la" | "le" | "the")
            };
            let posted = matches!(words[n - 1], "a" | "au" | "in" | "at")
                && (n.saturating_sub(7)..n - 2).any(|c| {
                    words[c].starts_with("correspond")
                        && matches!(words[c + 1], "de" | "du" | "d" | "for" | "of" | "pour")
                        && n - 1 - (c + 2) <= 4
                        && (c + 2..n - 1).all(outlet)
                });
            if posted {
                cue = Cue::Elsewhere;
            }
        }
        // "east of the ancient city of Timbuktu", "près de la ville de Kayes": a descriptor
        // ("city of", "ville de") after a nearness phrase keeps the nearness.
        if cue == Cue::At && words.len() >= 3 {
            let n = words.len();
            let descriptor = matches!(words[n - 1], "of" | "de" | "d" | "du")
                && matches!(
                    words[n - 2],
                    "city" | "town" | "village" | "ville" | "localite" | "hameau" | "cite"
                );
            if descriptor {
                // Skip the article and up to two adjectives before the descriptor.
                let before = &words[..n - 2];
                let near = (0..=3.min(before.len())).any(|skip| {
                    ending_cues(lex, &before[..before.len() - skip]).any(|c| *c == Cue::Near)
                });
                if near {
                    cue = Cue::Near;
                }
            }
        }
        // "accueillis lundi à Bamako", "welcomed on Monday in Bamako", "partie le lundi 2
        // octobre au matin de Gao": a place passed through even with the day between the verb
        // and the preposition.
        if matches!(cue, Cue::At | Cue::None) && words.len() >= 3 {
            let prep = words.len() - 1;
            let mut k = prep;
            let timely = |w: &str| {
                TIME_WORDS.contains(&w)
                    || (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
            };
            while k > 0 && prep - k < 8 && timely(words[k - 1]) {
                k -= 1;
            }
            if k < prep {
                let mut shifted: Vec<&str> = words[..k].to_vec();
                shifted.push(words[prep]);
                if ending_cues(lex, &shifted).any(|c| *c == Cue::Elsewhere) {
                    cue = Cue::Elsewhere;
                }
            }
        }
        if let Some(sc) = suffix_cue {
            // ("in the Local Government Area of Katsina State": the state, not its surroundings)
            let unit_after_area = cue == Cue::Near
                && matches!(sc, Cue::Admin(_))
                && t.sep(last_tok).trim().is_empty();
            if matches!(cue, Cue::None | Cue::At) || unit_after_area {
                cue = sc;
            }
        }
        // "Macina fighters", "Kidal rebels": the name qualifies a group, not the event's place
        if matches!(cue, Cue::None)
            && matches!(
                first_after,
                "fighters"
                    | "militants"
                    | "jihadists"
                    | "rebels"
                    | "militiamen"
                    | "militia"
                    | "combatants"
                    | "insurgents"
            )
        {
            cue = Cue::Elsewhere;
        }
        // "on the Kayes-Diboli road", "the Tenenkou to Ke-Macina axis": the pair before
        // "road"/"highway" is an axis
        if k > 0
            && matches!(between, "-" | "–" | "—" | "to" | "à" | "a")
            && matches!(first_after, "road" | "highway" | "axis" | "axe" | "route")
        {
            ms[k - 1].cue = Cue::Axis;
            cue = Cue::Axis;
        }
        // "evacuated to Djibo and to the capital Ouagadougou": a bare name later in the same
        // sentence as a place passed through is passed through too.
        if cue == Cue::None
            && prev_cue == Cue::Elsewhere
            && between.len() <= 40
            && !between.contains(['.', '!', '?', ';', '\n'])
        {
            cue = Cue::Elsewhere;
        }
        // "in Borno's Gwoza area", "Kidal's Anefis area": the first name is the unit the
        // second lies in; the second takes the word before the pair.
        if k > 0
            && matches!(between, "'s" | "\u{2019}s")
            && !matches!(prev_cue, Cue::Admin(AdminLevel::Country) | Cue::Elsewhere)
        {
            ms[k - 1].cue = Cue::Admin(AdminLevel::Region);
            if cue == Cue::None {
                cue = prev_cue;
            }
        }
        ms[k].cue = cue;
    }
}

/// ISO code of a country mention's surface ("Sénégal" → "SN").
pub fn country_code_of(surface: &str) -> Option<&'static str> {
    LEX.countries.get(&hash_key(&key(surface))).copied()
}

/// Country evidence from demonyms in the text ("l'armée malienne", "Burkinabe soldiers"): (code, count).
pub fn demonym_votes(text: &str) -> Vec<(&'static str, usize)> {
    let lex = &*LEX;
    let t = Tokens::new(text);
    let mut votes: Vec<(&'static str, usize)> = Vec::new();
    for i in 0..t.toks.len() {
        let w = t.folded(i);
        if w.len() < 5 {
            continue;
        }
        if let Some(code) = lex.demonyms.get(&hash_key(w)) {
            // "à la frontière sénégalaise", "the Nigerien border": a reference point only
            let border = |j: usize| {
                matches!(
                    t.folded(j),
                    "frontiere" | "frontieres" | "border" | "borders" | "frontier"
                )
            };
            if (i >= 1 && border(i - 1)) || (i + 1 < t.toks.len() && border(i + 1)) {
                continue;
            }
            // "deux Mauritaniens enlevés", "two Mauritanians": people counted by their
            // nationality, the nationality as the noun, are foreigners where it happened as
            // often as not (not "2 Malian gendarmes", "trois soldats maliens": the adjective
            // of the country's own forces); "l'agence de presse mauritanienne", "a Nigerien
            // news agency": the source's country.
            let counted = i >= 1 && counted_people(t.folded(i - 1)) && w.ends_with('s');
            let agency = (i >= 1 && matches!(t.folded(i - 1), "presse" | "news"))
                || (i + 2 < t.toks.len()
                    && t.folded(i + 1) == "news"
                    && matches!(t.folded(i + 2), "agency" | "agencies"));
            if counted || agency {
                continue;
            }
            match votes.iter_mut().find(|(c, _)| c == code) {
                Some(v) => v.1 += 1,
                None => votes.push((code, 1)),
            }
        }
    }
    votes
}

/// A number of people before a demonym: digits or a small number word, French or English.
fn counted_people(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty()
        || matches!(
            w,
            "deux"
                | "trois"
                | "quatre"
                | "cinq"
                | "six"
                | "sept"
                | "huit"
                | "neuf"
                | "dix"
                | "two"
                | "three"
                | "four"
                | "five"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
        )
}

/// Levenshtein distance over bytes (keys are ASCII).
pub(crate) fn edits(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > 3 {
        return a.len().abs_diff(b.len());
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod timing {
    use super::*;
    #[test]
    #[ignore]
    fn parts() {
        let text = "Des hommes armés non identifiés ont attaqué mardi le poste de sécurité de Diboli, à la frontière \
avec le Sénégal, selon des sources locales. D'autres assaillants ont visé Sandaré et la cimenterie de Gangontéry, \
dans le cercle de Bafoulabé, région de Kayes. ".repeat(12);
        let g = Gazetteer::bundled();
        let _ = &*LEX;
        let n = 500;
        let t0 = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(Tokens::new(&text));
        }
        println!("tokens {:?}", t0.elapsed() / n);
        let t0 = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(find_places(g, &text));
        }
        println!("find {:?}", t0.elapsed() / n);
        println!("{} mentions", find_places(g, &text).len());
    }
}
