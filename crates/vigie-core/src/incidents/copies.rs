//! Wire copies: near-identical articles (one agency story republished by several outlets, a
//! page fetched twice under two URLs) are recognised so that reconciliation counts them as one
//! source, not as independent confirmation.
//!
//! Each article gets a [`Fingerprint`]: a MinHash of its 5-word shingles (folded text), whose
//! share of equal slots estimates the Jaccard similarity of the two shingle sets. Candidate
//! pairs come from locality-sensitive hashing (bands of slots), so grouping is near-linear in
//! the number of articles. Everything here is deterministic and independent of input order:
//! the hash functions are fixed (not std's, which may change between Rust releases; the
//! fingerprints are stored).

use crate::lexicon::fold;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// Number of MinHash slots.
pub const SLOTS: usize = 32;
const BAND_ROWS: usize = 4;
const SHINGLE_WORDS: usize = 5;
/// Estimated Jaccard similarity of shingles from which two articles are copies of one story.
/// Republished wire copies with a different headline, byline or page furniture score well above
/// it; two outlets' own reports of one event, even from one press release, score far below.
pub const COPY_SIMILARITY: f64 = 0.75;
/// Copies are published close together; a story rerun months later is a new publication.
const MAX_DAYS_APART: i64 = 7;

/// MinHash signature of an article's text; empty when the text has too few words to tell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fingerprint(pub Vec<u32>);

fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// splitmix64 finaliser: one fixed, well-mixed hash function per slot.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const SEEDS: [u64; SLOTS] = {
    let mut s = [0u64; SLOTS];
    let mut i = 0;
    while i < SLOTS {
        s[i] = 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64 + 1);
        i += 1;
    }
    s
};

impl Fingerprint {
    /// Fingerprint of a cleaned text. Texts of fewer than 2 × 5 words get an empty one.
    pub fn of(text: &str) -> Fingerprint {
        let folded = fold(text);
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() < 2 * SHINGLE_WORDS {
            return Fingerprint::default();
        }
        let mut slots = [u64::MAX; SLOTS];
        for shingle in words.windows(SHINGLE_WORDS) {
            let h = shingle_hash(shingle);
            for (slot, seed) in slots.iter_mut().zip(SEEDS) {
                *slot = (*slot).min(mix(h ^ seed));
            }
        }
        Fingerprint(slots.iter().map(|v| (*v >> 32) as u32).collect())
    }

    /// Estimated Jaccard similarity of the two texts' shingles (0 when either is empty).
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        if self.0.len() != SLOTS || other.0.len() != SLOTS {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / SLOTS as f64
    }

    /// Stored form: hex, 8 digits per slot.
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|v| format!("{v:08x}")).collect()
    }

    /// Parse the stored form; anything malformed gives an empty fingerprint (never a copy).
    pub fn from_hex(s: &str) -> Fingerprint {
        if s.len() != SLOTS * 8 || !s.is_ascii() {
            return Fingerprint::default();
        }
        let parsed: Option<Vec<u32>> = (0..SLOTS)
            .map(|i| u32::from_str_radix(&s[i * 8..i * 8 + 8], 16).ok())
            .collect();
        Fingerprint(parsed.unwrap_or_default())
    }
}

/// One shingle in [`PASSAGE_SAMPLING`] is kept as a passage mark: the ones whose hash falls in
/// the lowest part of the range, so that two texts keep the same marks of a passage they share
/// whatever else each says.
pub const PASSAGE_SAMPLING: u32 = 4;
/// At most this many marks per mention (the smallest): a long page keeps the marks of about
/// 250 shingles.
pub const PASSAGE_MARKS: usize = 64;
/// Marks two mentions must share to tell of one event in the same words: about sixteen
/// shingles, a passage of some twenty words that one outlet took from another or both from one
/// statement. Stock phrases ("des hommes armés non identifiés ont attaqué le village") are too
/// short to give as many, and so are two formulaic short reports of different events.
pub const SHARED_PASSAGE_MARKS: usize = 4;

/// Passage marks of a text: the hashes of its 5-word shingles (folded words) that fall in the
/// sampled part of the range, sorted, at most [`PASSAGE_MARKS`].
pub fn passage_marks(text: &str) -> Vec<u32> {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut marks: Vec<u32> = words
        .windows(SHINGLE_WORDS)
        .map(|shingle| (mix(shingle_hash(shingle)) >> 32) as u32)
        .filter(|h| *h < u32::MAX / PASSAGE_SAMPLING)
        .collect();
    marks.sort_unstable();
    marks.dedup();
    marks.truncate(PASSAGE_MARKS);
    marks
}

/// Whether two mentions' sentences share a passage (both mark lists sorted).
pub fn share_passage(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                if shared >= SHARED_PASSAGE_MARKS {
                    return true;
                }
                i += 1;
                j += 1;
            }
        }
    }
    false
}

fn shingle_hash(shingle: &[&str]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for w in shingle {
        h = fnv1a(w.as_bytes(), h);
        h = fnv1a(b" ", h);
    }
    h
}

/// One article as copy detection sees it.
#[derive(Debug, Clone)]
pub struct ArticlePrint {
    pub reference: String,
    pub published: Option<NaiveDate>,
    pub fingerprint: Fingerprint,
}

/// In a bucket, each article is compared with at most this many earlier, mutually distinct
/// articles: boilerplate-heavy or template pages can fill one bucket with thousands, and
/// comparing all pairs would be quadratic.
const MAX_COMPARISONS: usize = 16;

/// Group wire copies. Returns, for each article that has at least one copy, the reference of
/// its group's original: the earliest published (undated last), ties by reference. Articles
/// without copies are absent. Depends only on the set of articles, not on their order.
pub fn copy_groups(articles: &[ArticlePrint]) -> BTreeMap<String, String> {
    let order_key = |a: &ArticlePrint| (a.published.is_none(), a.published);
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&articles[i], &articles[j]);
        order_key(a)
            .cmp(&order_key(b))
            .then_with(|| a.reference.cmp(&b.reference))
    });
    let items: Vec<&ArticlePrint> = order.iter().map(|&i| &articles[i]).collect();

    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Buckets list items in the canonical order, since items are visited in that order.
    let mut buckets: HashMap<(usize, [u32; BAND_ROWS]), Vec<usize>> = HashMap::new();
    for (i, a) in items.iter().enumerate() {
        if a.fingerprint.0.len() != SLOTS {
            continue;
        }
        for (band, rows) in a.fingerprint.0.chunks(BAND_ROWS).enumerate() {
            let mut key = [0u32; BAND_ROWS];
            key.copy_from_slice(rows);
            buckets.entry((band, key)).or_default().push(i);
        }
    }
    let close_in_time = |a: &ArticlePrint, b: &ArticlePrint| match (a.published, b.published) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= MAX_DAYS_APART,
        _ => true,
    };
    // Visit buckets in a fixed order so unions happen in the same order every time.
    let mut keys: Vec<&(usize, [u32; BAND_ROWS])> = buckets
        .iter()
        .filter(|(_, m)| m.len() > 1)
        .map(|(k, _)| k)
        .collect();
    keys.sort();
    for key in keys {
        // Representatives: the first member seen of each distinct group in this bucket.
        let mut reps: Vec<usize> = Vec::new();
        for &i in &buckets[key] {
            let mut joined = false;
            for &r in reps.iter().rev().take(MAX_COMPARISONS) {
                let (ri, rr) = (find(&mut parent, i), find(&mut parent, r));
                if ri == rr {
                    joined = true;
                    break;
                }
                let (a, b) = (items[i], items[r]);
                if close_in_time(a, b)
                    && a.fingerprint.similarity(&b.fingerprint) >= COPY_SIMILARITY
                {
                    parent[ri.max(rr)] = ri.min(rr);
                    joined = true;
                    break;
                }
            }
            if !joined {
                reps.push(i);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out = BTreeMap::new();
    for members in groups.values().filter(|m| m.len() > 1) {
        // Items are in canonical order: the first member is the original.
        let original = &items[members[0]].reference;
        for &i in members {
            out.insert(items[i].reference.clone(), original.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE_FR: &str = "Des hommes armés ont attaqué mardi matin le poste de gendarmerie de \
        Koro, dans le centre du pays, tuant quatre gendarmes, selon une source sécuritaire. \
        Les assaillants, arrivés à moto, ont incendié deux véhicules avant de se replier vers la \
        frontière. Une opération de ratissage est en cours dans la zone, a précisé la même source.";
    const WIRE_EN: &str = "Gunmen on motorbikes attacked a gendarmerie post in the central town \
        of Koro on Tuesday morning, killing four gendarmes, a security source said. The attackers \
        set two vehicles on fire before withdrawing towards the border, and a sweep of the area \
        was under way, the source added.";

    fn print(r: &str, day: u32, text: &str) -> ArticlePrint {
        ArticlePrint {
            reference: r.to_string(),
            published: NaiveDate::from_ymd_opt(2026, 3, day),
            fingerprint: Fingerprint::of(text),
        }
    }

    #[test]
    fn a_republished_copy_with_other_furniture_is_a_copy() {
        let copy =
            format!("Koro : quatre gendarmes tués\n{WIRE_FR}\nLire aussi : nos autres articles");
        let sim = Fingerprint::of(WIRE_FR).similarity(&Fingerprint::of(&copy));
        assert!(sim >= COPY_SIMILARITY, "similarity {sim}");
        let groups = copy_groups(&[print("b", 4, &copy), print("a", 3, WIRE_FR)]);
        assert_eq!(groups.get("b").map(String::as_str), Some("a"));
        assert_eq!(groups.get("a").map(String::as_str), Some("a"));
    }

    #[test]
    fn a_translation_or_an_independent_report_is_not_a_copy() {
        let own = "Quatre gendarmes ont perdu la vie mardi à Koro lorsque leur poste a été pris \
            d'assaut par des individus armés venus à moto, rapportent des habitants joints par \
            téléphone, qui évoquent aussi des véhicules incendiés.";
        let groups = copy_groups(&[
            print("a", 3, WIRE_FR),
            print("b", 3, WIRE_EN),
            print("c", 3, own),
        ]);
        assert!(groups.is_empty(), "{groups:?}");
    }

    #[test]
    fn a_rerun_months_later_is_not_grouped() {
        let mut late = print("b", 3, WIRE_FR);
        late.published = NaiveDate::from_ymd_opt(2026, 9, 1);
        assert!(copy_groups(&[print("a", 3, WIRE_FR), late]).is_empty());
    }

    #[test]
    fn a_rewrite_that_adds_an_incident_is_less_similar_than_a_copy() {
        let rewrite = format!(
            "{WIRE_FR} Plus tard dans la journée, un autre groupe a enlevé trois commerçants sur \
             la route de Bankass, selon des élus locaux qui ont requis l'anonymat. Les familles \
             des otages n'ont reçu aucune revendication à ce stade. Les marchés de la zone sont \
             restés fermés mercredi par crainte de nouvelles attaques."
        );
        let copy = format!("{WIRE_FR} Publié le 3 mars.");
        let a = Fingerprint::of(WIRE_FR);
        let rewritten = a.similarity(&Fingerprint::of(&rewrite));
        assert!(rewritten < COPY_SIMILARITY, "similarity {rewritten}");
        assert!(a.similarity(&Fingerprint::of(&copy)) >= COPY_SIMILARITY);
    }

    #[test]
    fn grouping_does_not_depend_on_input_order() {
        let copy = format!("{WIRE_FR} (AFP)");
        let mut items = vec![
            print("z", 5, &copy),
            print("m", 3, WIRE_FR),
            print("k", 3, WIRE_EN),
        ];
        let first = copy_groups(&items);
        items.reverse();
        assert_eq!(first, copy_groups(&items));
        assert_eq!(first.get("z").map(String::as_str), Some("m"));
    }

    #[test]
    fn a_crowded_bucket_still_groups_every_copy() {
        // Many copies of one story plus many distinct stories sharing its opening.
        let mut items: Vec<ArticlePrint> = (0..300)
            .map(|i| print(&format!("copy-{i:03}"), 3, &format!("{WIRE_FR} Réf. {i}.")))
            .collect();
        items.extend((0..300).map(|i| {
            print(
                &format!("other-{i:03}"),
                3,
                &format!(
                    "{} Suite {i} : {}",
                    &WIRE_FR[..60],
                    "mots ".repeat(i % 50 + 20)
                ),
            )
        }));
        let groups = copy_groups(&items);
        for i in 0..300 {
            assert_eq!(
                groups.get(&format!("copy-{i:03}")).map(String::as_str),
                Some("copy-000")
            );
        }
    }

    #[test]
    fn hex_round_trip_and_garbage() {
        let f = Fingerprint::of(WIRE_EN);
        assert_eq!(f.0.len(), SLOTS);
        assert_eq!(Fingerprint::from_hex(&f.to_hex()), f);
        assert_eq!(Fingerprint::from_hex("zz"), Fingerprint::default());
        assert_eq!(Fingerprint::of("trop court").0.len(), 0);
        assert_eq!(Fingerprint::default().similarity(&f), 0.0);
    }
}
