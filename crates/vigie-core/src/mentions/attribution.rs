//! To whom a sentence attributes what it says ("selon l'ORTM", "a local official told AFP",
//! "Wamaps reported") and whether it is hedged ("auraient été", "non confirmée", "reportedly").

use super::scan::{Category, CueKind, Hit};
use crate::model::Span;

/// Source and hedging of the statements of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    pub source: Option<String>,
    pub hedged: bool,
}

/// First words of a phrase of time or circumstance that opens a sentence before its subject.
const OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "while",
    "later",
    "earlier",
    "speaking",
    "dans",
    "lors",
    "après",
    "apres",
    "avant",
    "pendant",
    "plus",
    "en",
    "au",
    "aux",
    "depuis",
    "interrogé",
    "interrogée",
    "joint",
    "jointe",
    "contacté",
    "contactée",
];

/// Words that open a clause but are not its subject.
const CONNECTORS: &[&str] = &[
    "however",
    "but",
    "and",
    "meanwhile",
    "toutefois",
    "mais",
    "et",
    "en revanche",
    "pourtant",
    "cependant",
    "par ailleurs",
    "yet",
    "also",
];

const PRONOUNS: &[&str] = &[
    "il", "elle", "ils", "elles", "lui", "eux", "he", "she", "they", "it", "him", "them", "on",
];

/// Attribution of `sentence` (a span of `text`) from the cue hits inside it.
pub fn attribute(text: &str, sentence: Span, hits: &[Hit]) -> Attribution {
    let mut out = Attribution::default();
    let inside: Vec<&Hit> = hits.iter().filter(|h| sentence.contains(h.span)).collect();
    for (k, hit) in inside.iter().enumerate() {
        match hit.category {
            Category::Cue(CueKind::Hedge) => out.hedged = true,
            Category::Cue(CueKind::SourceBefore) if out.source.is_none() => {
                out.source = source_after(text, hit.span.end, sentence.end);
            }
            Category::Cue(CueKind::SourceVerb | CueKind::Claim | CueKind::Responsibility) => {
                if hit.category == Category::Cue(CueKind::Claim) {
                    out.hedged = true;
                }
                // "security reports suggest", "l'annonce a indiqué": a reporting word used as
                // the noun of the subject; the verb after it takes the source.
                if out.source.is_none() && verb_after_noun(text, hit, &inside[k + 1..]).is_none() {
                    out.source = subject_of_verb(text, sentence, hit);
                }
            }
            _ => {}
        }
    }
    out
}

/// The subject of a reporting verb: the clause right before a sentence-final verb
/// ("Fifteen soldiers were killed, a local official said."), else the clause's subject.
fn subject_of_verb(text: &str, sentence: Span, hit: &Hit) -> Option<String> {
    let rest = text
        .get(hit.span.end..sentence.end)
        .unwrap_or("")
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    // "…, a local official told AFP.": a relay named after the verb ends the sentence too.
    let relay = !rest.is_empty()
        && rest.split_whitespace().count() <= 3
        && rest
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let before = text.get(sentence.start..hit.span.start).unwrap_or("");
    // "…, a précisé l'élu.", "…, said a local official.": the subject after the verb.
    if before.trim_end().ends_with(',') && !rest.is_empty() && !relay {
        let phrase = rest.split([',', ';', '(']).next().unwrap_or(rest).trim();
        // A noun phrase: a determiner or a name first ("that two traders…" is the object).
        let first = phrase
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let determiner = first.starts_with("l'")
            || first.starts_with("l’")
            || first.starts_with("d'")
            || matches!(
                first.as_str(),
                "le" | "la"
                    | "les"
                    | "un"
                    | "une"
                    | "des"
                    | "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "son"
                    | "sa"
                    | "ses"
                    | "leur"
                    | "leurs"
            );
        let name = phrase.chars().next().is_some_and(char::is_uppercase);
        if (determiner || name) && phrase.split_whitespace().count() <= 8 {
            return clean_source(phrase);
        }
    }
    if rest.is_empty() || relay {
        let last = before.rsplit(',').next().unwrap_or(before);
        clean_source(last)
    } else {
        subject_before(text, sentence.start, hit.span.start)
    }
}

/// A reporting word that is a noun of the subject ("reports" in "security reports suggest",
/// "annonce" in "l'annonce a indiqué"): another reporting verb follows it within a few words of
/// the same clause.
fn verb_after_noun<'h>(text: &str, hit: &Hit, later: &[&'h Hit]) -> Option<&'h Hit> {
    later
        .iter()
        .copied()
        .find(|h| {
            matches!(
                h.category,
                Category::Cue(CueKind::SourceVerb | CueKind::Claim | CueKind::Responsibility)
            ) && h.span.start >= hit.span.end
        })
        .filter(|next| {
            let gap = text.get(hit.span.end..next.span.start).unwrap_or(",");
            !gap.contains([',', ';', ':', '.', '(', '«', '"', '“'])
                && gap.split_whitespace().count() <= 2
        })
}

/// "selon l'ORTM, …" → "ORTM"; "according to a local official, …" → "a local official".
fn source_after(text: &str, from: usize, until: usize) -> Option<String> {
    let rest = text.get(from..until)?;
    let end = rest
        .find([',', ';', ':', '.', '(', '«', '"', '“'])
        .unwrap_or(rest.len());
    let phrase = rest[..end].trim();
    // Keep a short noun phrase: sources are named in a few words.
    let words: Vec<&str> = phrase.split_whitespace().take(9).collect();
    clean_source(&words.join(" "))
}

/// "Wamaps, a collective of journalists, reported that …" → "Wamaps";
/// "An elected official from the Kayes region, however, said …" → that official.
fn subject_before(text: &str, sentence_start: usize, verb_start: usize) -> Option<String> {
    let before = text.get(sentence_start..verb_start)?;
    // Quoted speech then "the source said": the subject follows the closing quote.
    let before = match before.rfind(['»', '”']) {
        Some(q) => &before[q + before[q..].chars().next().map_or(1, char::len_utf8)..],
        None => before,
    };
    // Start of the clause: after the last "que"/"that"-style boundary is not needed for
    // subjects, but a preceding clause ending in ";" or ":" is.
    let clause = before.rsplit([';', ':']).next().unwrap_or(before);
    // (an opening phrase of time or circumstance is no subject: "In an interview after the
    // burial, Zulum said", "Plus tard dans la soirée, le ministre a fait état de…")
    let opener = |s: &str| {
        let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
        OPENERS.contains(&first.as_str())
    };
    let segment = clause.split(',').map(str::trim).find(|s| {
        !s.is_empty() && !CONNECTORS.contains(&s.to_lowercase().as_str()) && !opener(s)
    })?;
    let mut words: Vec<&str> = segment.split_whitespace().collect();
    // ("le ministre a fait état de …": the auxiliary is the verb's, not the subject's)
    if words.len() > 1
        && words.last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "a" | "ont" | "avait" | "avaient" | "has" | "have" | "had"
            )
        })
    {
        words.pop();
    }
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    // Drop the auxiliary of a compound verb ("L'armée malienne a rapporté").
    let phrase = words.join(" ");
    clean_source(&phrase)
}

fn clean_source(phrase: &str) -> Option<String> {
    let mut p = phrase
        .trim()
        .trim_matches(|c: char| c == '"' || c == '«' || c == '»' || c == '“' || c == '”')
        .trim();
    for article in ["l'", "l’", "le ", "la ", "les ", "the "] {
        let head = p.get(..article.len()).filter(|_| p.len() > article.len());
        if head.is_some_and(|h| h.eq_ignore_ascii_case(article)) {
            let rest = &p[article.len()..];
            // Keep "the" before common nouns ("the army"), drop it before acronyms ("l'ORTM").
            if rest.chars().next().is_some_and(|c| c.is_uppercase()) {
                p = rest;
            }
            break;
        }
    }
    let lower = p.to_lowercase();
    if p.is_empty() || PRONOUNS.contains(&lower.as_str()) || p.chars().count() > 90 {
        return None;
    }
    // A subject that is only a number phrase or starts lowercase mid-sentence after a
    // conjunction is not a source ("que 80 assaillants").
    if p.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(p.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Folded;
    use crate::mentions::scan::Scanner;

    fn attr(sentence: &str) -> Attribution {
        let folded = Folded::new(sentence);
        let hits = Scanner::get().scan(sentence, &folded);
        attribute(sentence, Span::new(0, sentence.len()), &hits)
    }

    #[test]
    fn source_after_selon_and_according_to() {
        let a = attr("Au moins douze soldats ont été tués selon l'AMAP, qui cite l'état-major.");
        assert_eq!(a.source.as_deref(), Some("AMAP"));
        assert!(!a.hedged);
        let a = attr("According to a local official, five villagers were killed.");
        assert_eq!(a.source.as_deref(), Some("a local official"));
    }

    #[test]
    fn subject_of_reporting_verbs() {
        let a = attr("Radio Kledu, a Bamako station, reported that two traders were kidnapped.");
        assert_eq!(a.source.as_deref(), Some("Radio Kledu"));
        let a = attr("A regional councillor, however, said six people were abducted.");
        assert_eq!(a.source.as_deref(), Some("A regional councillor"));
        let a = attr("L'armée nigérienne rapporte vingt assaillants neutralisés.");
        assert_eq!(
            a.source.as_deref(),
            Some("armée nigérienne").map(|_| "L'armée nigérienne")
        );
    }

    #[test]
    fn a_sentence_final_reporting_verb_takes_the_clause_before_it() {
        let a = attr("Fifteen soldiers were killed, a local official said.");
        assert_eq!(a.source.as_deref(), Some("a local official"));
    }

    #[test]
    fn a_reporting_noun_in_the_subject_does_not_cut_the_source() {
        // Sentences written for this test.
        let a = attr(
            "Hospital staff and early security reports suggest that twelve herders were killed.",
        );
        assert_eq!(
            a.source.as_deref(),
            Some("Hospital staff and early security reports")
        );
        let a = attr("Two police reports said four traders were abducted.");
        assert_eq!(a.source.as_deref(), Some("Two police reports"));
        let a = attr("Local press reports claimed that the camp had fallen.");
        assert_eq!(a.source.as_deref(), Some("Local press reports"));
        assert!(a.hedged);
        let a = attr("L'annonce officielle a indiqué que six soldats avaient été tués.");
        assert_eq!(a.source.as_deref(), Some("L'annonce officielle"));
        let a = attr("Cette annonce affirme que trois civils ont été enlevés.");
        assert_eq!(a.source.as_deref(), Some("Cette annonce"));
        // A reporting verb with no other verb after it is still the verb.
        let a = attr("Radio Kledu reports that two traders were kidnapped.");
        assert_eq!(a.source.as_deref(), Some("Radio Kledu"));
    }

    #[test]
    fn an_inverted_subject_after_a_final_reporting_verb() {
        // Sentences written for this test.
        let a = attr("Personne n'a été blessé, a précisé le maire de la commune.");
        assert_eq!(a.source.as_deref(), Some("le maire de la commune"));
        let a =
            attr("Nine soldiers were killed, said a regional governor, adding that the post held.");
        assert_eq!(a.source.as_deref(), Some("a regional governor"));
        // Subject before the verb: unchanged.
        let a = attr("Nine soldiers were killed, a regional governor said.");
        assert_eq!(a.source.as_deref(), Some("a regional governor"));
    }

    #[test]
    fn hedges_are_flagged() {
        assert!(attr("Une trentaine d'assaillants auraient été tués.").hedged);
        assert!(attr("Ten soldiers were reportedly killed.").hedged);
        assert!(attr("L'enlèvement de deux personnes, une information non confirmée.").hedged);
        assert!(!attr("Deux soldats ont été tués.").hedged);
    }
}
