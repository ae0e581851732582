//! One pass of multi-pattern matching per article: every lexicon (triggers, targets, cues,
//! count nouns, nationalities, actors, people) is compiled into a single Aho-Corasick automaton
//! over folded text, built once per process.

use crate::lexicon::{fold, rows, Folded};
use crate::model::{ActorKind, Span, TargetKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TriggerClass {
    Attack,
    Clash,
    Overrun,
    Ambush,
    Abduction,
    Killing,
    Injury,
    Arson,
    Ied,
    Suicide,
    Air,
    Shelling,
    Grenade,
    Protest,
    Riot,
    Blockade,
    Arrest,
    Sexual,
    /// A base or headquarters established.
    Base,
    /// Hostages released or freed: a strategic development, not a new abduction.
    Release,
    /// Someone lynched: mob violence, and the word kills ("lynché", "lynched").
    Lynching,
}

impl TriggerClass {
    fn parse(s: &str) -> Option<Self> {
        use TriggerClass::*;
        Some(match s {
            "attack" => Attack,
            "clash" => Clash,
            "overrun" => Overrun,
            "ambush" => Ambush,
            "abduction" => Abduction,
            "killing" => Killing,
            "injury" => Injury,
            "arson" => Arson,
            "ied" => Ied,
            "suicide" => Suicide,
            "air" => Air,
            "shelling" => Shelling,
            "grenade" => Grenade,
            "protest" => Protest,
            "riot" => Riot,
            "blockade" => Blockade,
            "arrest" => Arrest,
            "sexual" => Sexual,
            "base" => Base,
            "release" => Release,
            "lynching" => Lynching,
            _ => return None,
        })
    }
    /// Violence against people or positions (as opposed to announcements and demonstrations).
    pub fn is_violent(self) -> bool {
        !matches!(
            self,
            TriggerClass::Protest
                | TriggerClass::Blockade
                | TriggerClass::Arrest
                | TriggerClass::Base
                | TriggerClass::Release
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    Hedge,
    SourceBefore,
    SourceVerb,
    /// A claim by the clause's subject ("affirme avoir", "claimed"): hedged, and the subject
    /// is the source.
    Claim,
    /// A claim of responsibility ("a revendiqué", "claimed responsibility for").
    Responsibility,
    Background,
    /// A court, a trial or a verdict ("tribunal militaire", "sentenced", "procès"): like
    /// `Background`, the violence named is an older incident, the one judged; and a date of
    /// the sentence not told as that incident's is the court's (see `Analysis::dates_the_court`).
    Court,
    Coordinated,
    Zero,
    Generic,
    Anaphora,
    Direction,
    /// A checkpoint held by the perpetrators ("makeshift checkpoint"): not a military target.
    Held,
    /// What a protest is about ("protest over kidnappings", "manifester contre les
    /// enlèvements"): the violence named after it is the grievance, not an event.
    Grievance,
    /// Publication of a statement ("publié", "rendu public", "issued"): a date right after it
    /// (like one right after "said", "a annoncé", "claimed") dates the statement, not the event.
    Statement,
    /// Something yet to happen ("aura lieu", "se tiendra", "will take place", "is scheduled
    /// for"): a date right after it is that future thing's (the funeral, the repatriation, the
    /// trial), never the event's.
    Scheduled,
    /// A later toll for an incident already reported ("le bilan s'est alourdi à", "the death
    /// toll rose to"): figures for the current incident, not a new one.
    Update,
    /// What an announcement, a release or a protest follows from ("après l'attaque contre la
    /// gendarmerie", "following the attack"): the violence named right after it is the cause,
    /// reported elsewhere, not an event of the sentence.
    Cause,
    /// Another incident begins ("Meanwhile,", "In a separate attack", "Dans une autre
    /// attaque"): in the first words of a sentence, its violence is not the story told so far.
    Separate,
    /// An earlier incident of the same day ("plus tôt dans la matinée", "hours earlier"):
    /// wherever it stands in the sentence, its violence is another incident, as after
    /// `Separate`.
    Earlier,
    /// When the facts took place ("les faits remontent au 25 mars", "the attack took place
    /// on"): a sentence with no word of violence that dates the story being told.
    Occurred,
    /// Forces sent to the scene afterwards ("un renfort a été dépêché sur les lieux", "security
    /// forces have been dispatched to the area"): in a sentence with no word of violence of its
    /// own, they are not a side of the fighting.
    Dispatched,
    /// Nobody fought ("sans combat", "without any fighting", "no clashes were reported"): a
    /// position taken so is a non-violent transfer of territory.
    Unopposed,
    /// The event told as a repeat ("a second attack", "une nouvelle attaque", "again"): not
    /// the one of the day before on the same spot.
    Repeat,
}

impl CueKind {
    fn parse(s: &str) -> Option<Self> {
        use CueKind::*;
        Some(match s {
            "hedge" => Hedge,
            "source_before" => SourceBefore,
            "source_verb" => SourceVerb,
            "claim" => Claim,
            "responsibility" => Responsibility,
            "grievance" => Grievance,
            "background" => Background,
            "court" => Court,
            "coordinated" => Coordinated,
            "zero" => Zero,
            "generic" => Generic,
            "anaphora" => Anaphora,
            "direction" => Direction,
            "held" => Held,
            "statement" => Statement,
            "scheduled" => Scheduled,
            "update" => Update,
            "separate" => Separate,
            "earlier" => Earlier,
            "cause" => Cause,
            "occurred" => Occurred,
            "dispatched" => Dispatched,
            "unopposed" => Unopposed,
            "repeat" => Repeat,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NounClass {
    Dead,
    Injured,
    Attacker,
    Soldier,
    Civilian,
    Person,
    Hostage,
    /// One person named with the counted group ("… et leur chauffeur", "and their driver").
    Companion,
    /// People missing ("13 personnes portées disparues", "seven missing"): nobody's toll.
    Missing,
}

impl NounClass {
    fn parse(s: &str) -> Option<Self> {
        use NounClass::*;
        Some(match s {
            "dead" => Dead,
            "injured" => Injured,
            "attacker" => Attacker,
            "soldier" => Soldier,
            "civilian" => Civilian,
            "person" => Person,
            "hostage" => Hostage,
            "companion" => Companion,
            "missing" => Missing,
            _ => return None,
        })
    }
}

/// An actor alias row of `data/actors.tsv`.
#[derive(Debug, Clone)]
pub struct ActorEntry {
    /// ACLED name, possibly with `{country}`; names starting with `?` are placeholders.
    pub name: String,
    pub kind: ActorKind,
    pub parent: Option<String>,
    /// ISO2 country the alias is restricted to.
    pub country: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PersonEntry {
    pub name: String,
    pub organisation: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Trigger(TriggerClass, bool),
    Target(TargetKind),
    Cue(CueKind),
    Noun(NounClass),
    Nationality(u16),
    Actor(u32),
    Person(u32),
}

impl Category {
    fn group(self) -> u8 {
        match self {
            Category::Trigger(..) => 0,
            Category::Target(_) => 1,
            Category::Cue(_) => 2,
            Category::Noun(_) => 3,
            Category::Nationality(_) => 4,
            Category::Actor(_) => 5,
            Category::Person(_) => 6,
        }
    }
}

/// A lexicon match, with byte offsets in the original (cleaned) text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub span: Span,
    pub category: Category,
}

struct Pattern {
    category: Category,
    /// `*` suffix: the match may end inside a word (it is extended to the word's end).
    prefix: bool,
    /// Must match the original text's case (short all-caps acronyms).
    case_sensitive: Option<String>,
    /// `head … tail` patterns ("forced … off"): the folded words that must follow the head
    /// within [`GAP_WORDS`] words of the same clause; the hit is the tail.
    tail: Option<Vec<String>>,
}

/// The ACLED name column of actors.tsv rows whose words contain an alias but name no armed
/// group ("la Plateforme des députés du Centre" is not the Platform coalition).
const NOT_AN_ACTOR: &str = "-";

/// How many words may separate the two parts of a `head … tail` pattern.
const GAP_WORDS: usize = 4;

pub struct Scanner {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
    pub actors: Vec<ActorEntry>,
    pub people: Vec<PersonEntry>,
    pub nationalities: Vec<String>,
}

static SCANNER: LazyLock<Scanner> = LazyLock::new(Scanner::build);

impl Scanner {
    pub fn get() -> &'static Scanner {
        &SCANNER
    }

    fn build() -> Scanner {
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut push = |raw: &str, category: Category, keys: &mut Vec<String>| {
            let (raw, tail) = match raw.split_once(" … ").or_else(|| raw.split_once(" ... ")) {
                Some((head, tail)) => {
                    let words: Vec<String> =
                        fold(tail).split_whitespace().map(String::from).collect();
                    (head, (!words.is_empty()).then_some(words))
                }
                None => (raw, None),
            };
            let prefix = raw.ends_with('*');
            let text = raw.trim_end_matches('*');
            let folded = fold(text);
            if folded.trim().is_empty() {
                return;
            }
            let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
            let case_sensitive = (matches!(category, Category::Actor(_))
                && !letters.is_empty()
                && letters.len() <= 5
                && letters.iter().all(|c| c.is_uppercase()))
            .then(|| text.to_string());
            keys.push(folded);
            patterns.push(Pattern {
                category,
                prefix,
                case_sensitive,
                tail,
            });
        };
        for row in rows(include_str!("../../data/triggers.tsv")) {
            if let (Some(p), Some(class)) =
                (row.first(), row.get(1).and_then(|c| TriggerClass::parse(c)))
            {
                let strong = row.get(2).is_none_or(|s| *s != "weak");
                push(p, Category::Trigger(class, strong), &mut keys);
            }
        }
        for row in rows(include_str!("../../data/targets.tsv")) {
            if let (Some(p), Some(kind)) = (row.first(), row.get(1).and_then(|k| target_kind(k))) {
                push(p, Category::Target(kind), &mut keys);
            }
        }
        for row in rows(include_str!("../../data/cues.tsv")) {
            if let (Some(p), Some(cue)) = (row.first(), row.get(1).and_then(|c| CueKind::parse(c)))
            {
                push(p, Category::Cue(cue), &mut keys);
            }
        }
        for row in rows(include_str!("../../data/count_nouns.tsv")) {
            if let (Some(p), Some(class)) =
                (row.first(), row.get(1).and_then(|c| NounClass::parse(c)))
            {
                push(p, Category::Noun(class), &mut keys);
            }
        }
        let mut nationalities: Vec<String> = Vec::new();
        for row in rows(include_str!("../../data/nationalities.tsv")) {
            if let (Some(p), Some(key)) = (row.first(), row.get(1)) {
                let idx = match nationalities.iter().position(|k| k == key) {
                    Some(i) => i,
                    None => {
                        nationalities.push(key.to_string());
                        nationalities.len() - 1
                    }
                };
                push(p, Category::Nationality(idx as u16), &mut keys);
            }
        }
        let mut actors: Vec<ActorEntry> = Vec::new();
        for row in rows(include_str!("../../data/actors.tsv")) {
            let (Some(alias), Some(name), Some(inter)) = (row.first(), row.get(1), row.get(2))
            else {
                continue;
            };
            // ("-": words that contain an alias but name no armed group, see actors.tsv)
            let kind = if *name == NOT_AN_ACTOR {
                ActorKind::Civilians
            } else {
                let Some(kind) = inter.parse::<u8>().ok().and_then(ActorKind::from_code) else {
                    continue;
                };
                kind
            };
            let parent = row.get(3).filter(|p| !p.is_empty()).map(|p| p.to_string());
            let country = row.get(4).filter(|c| !c.is_empty()).map(|c| c.to_string());
            actors.push(ActorEntry {
                name: name.to_string(),
                kind,
                parent,
                country,
            });
            push(alias, Category::Actor((actors.len() - 1) as u32), &mut keys);
        }
        let mut people: Vec<PersonEntry> = Vec::new();
        for row in rows(include_str!("../../data/people.tsv")) {
            let Some(name) = row.first() else { continue };
            let organisation = row.get(3).filter(|o| !o.is_empty()).map(|o| o.to_string());
            people.push(PersonEntry {
                name: name.to_string(),
                organisation,
            });
            let idx = (people.len() - 1) as u32;
            push(name, Category::Person(idx), &mut keys);
            for alias in row.get(1).map(|a| a.split(';')).into_iter().flatten() {
                if !alias.trim().is_empty() {
                    push(alias.trim(), Category::Person(idx), &mut keys);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .expect("lexicon patterns form a valid automaton");
        Scanner {
            automaton,
            patterns,
            actors,
            people,
            nationalities,
        }
    }

    /// Every lexicon match in `text`, on whole words, longest first within a category group,
    /// sorted by position.
    pub fn scan(&self, text: &str, folded: &Folded) -> Vec<Hit> {
        let f = folded.text.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric();
        let mut hits: Vec<(usize, usize, Category)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(&folded.text) {
            let pattern = &self.patterns[m.pattern().as_usize()];
            let (start, mut end) = (m.start(), m.end());
            if start > 0 && is_word(f[start - 1]) {
                continue;
            }
            if pattern.prefix {
                while end < f.len()
                    && (is_word(f[end])
                        || f[end] == b'-' && end + 1 < f.len() && is_word(f[end + 1]))
                {
                    end += 1;
                }
            } else if end < f.len() && is_word(f[end]) {
                continue;
            }
            let (start, end) = match &pattern.tail {
                Some(tail) => match find_tail(&folded.text, end, tail) {
                    Some(span) => span,
                    None => continue,
                },
                None => (start, end),
            };
            let (os, oe) = folded.original_span(start, end);
            if let Some(exact) = &pattern.case_sensitive {
                if text.get(os..oe).is_none_or(|s| s != exact) {
                    continue;
                }
            }
            hits.push((os, oe, pattern.category));
        }
        // Within one group, keep the longest of overlapping matches.
        hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut kept: Vec<(usize, usize, Category)> = Vec::with_capacity(hits.len());
        for h in hits {
            let covered = kept.iter().rev().take(16).any(|k| {
                k.2.group() == h.2.group()
                        && k.0 <= h.0
                        && h.1 <= k.1
                        // One alias for several countries ("army"): every reading is kept, the
                        // article's country picks one.
                        && !(matches!(k.2, Category::Actor(_)) && (k.0, k.1) == (h.0, h.1))
            });
            if !covered {
                kept.push(h);
            }
        }
        // Words that contain an alias but name no group shadow every actor alias they overlap
        // ("la Plateforme des députés": neither "la Plateforme" nor "Plateforme"), then go.
        let not_an_actor = |c: &Category| {
            matches!(c, Category::Actor(i)
                if self.actors.get(*i as usize).is_some_and(|e| e.name == NOT_AN_ACTOR))
        };
        let shadows: Vec<(usize, usize)> = kept
            .iter()
            .filter(|k| not_an_actor(&k.2))
            .map(|k| (k.0, k.1))
            .collect();
        kept.into_iter()
            .filter(|(s, e, c)| {
                !(matches!(c, Category::Actor(_)) && shadows.iter().any(|&(a, b)| *s < b && a < *e))
            })
            .map(|(s, e, c)| Hit {
                span: Span::new(s, e),
                category: c,
            })
            .collect()
    }
}

/// The folded span of `tail` (whole words) within [`GAP_WORDS`] words after byte `from` of
/// `folded`, before any clause punctuation.
fn find_tail(folded: &str, from: usize, tail: &[String]) -> Option<(usize, usize)> {
    let rest = folded.get(from..)?;
    let clause_end = rest
        .find([',', ';', ':', '.', '!', '?', '('])
        .unwrap_or(rest.len());
    let mut words: Vec<(usize, &str)> = Vec::with_capacity(GAP_WORDS + tail.len());
    let mut pos = 0;
    for w in rest[..clause_end].split(' ') {
        if !w.is_empty() {
            words.push((from + pos, w));
            if words.len() > GAP_WORDS + tail.len() {
                break;
            }
        }
        pos += w.len() + 1;
    }
    (0..words.len().min(GAP_WORDS + 1)).find_map(|i| {
        let window = words.get(i..i + tail.len())?;
        window.iter().zip(tail).all(|((_, w), t)| w == t).then(|| {
            let (last_start, last) = window[tail.len() - 1];
            (window[0].0, last_start + last.len())
        })
    })
}

pub fn target_kind(name: &str) -> Option<TargetKind> {
    use TargetKind::*;
    Some(match name {
        "military_base" => MilitaryBase,
        "checkpoint" => Checkpoint,
        "border_post" => BorderPost,
        "convoy" => Convoy,
        "fuel_tankers" => FuelTankers,
        "industrial_site" => IndustrialSite,
        "mine" => Mine,
        "village" => Village,
        "civilians" => Civilians,
        "place_of_worship" => PlaceOfWorship,
        "school" => School,
        "health_facility" => HealthFacility,
        "officials" => Officials,
        "vehicle" => Vehicle,
        "infrastructure" => Infrastructure,
        "patrol" => Patrol,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<(String, Category)> {
        let folded = Folded::new(text);
        Scanner::get()
            .scan(text, &folded)
            .into_iter()
            .map(|h| (text[h.span.start..h.span.end].to_string(), h.category))
            .collect()
    }

    #[test]
    fn finds_triggers_on_whole_words_with_prefix_patterns() {
        let hits = scan("Des hommes armés ont attaqué le camp militaire de Tessit.");
        assert!(hits
            .iter()
            .any(|(s, c)| s == "attaqué" && *c == Category::Trigger(TriggerClass::Attack, false)));
        assert!(hits.iter().any(
            |(s, c)| s == "camp militaire" && *c == Category::Target(TargetKind::MilitaryBase)
        ));
        // "attaquer" inside "contre-attaque" is a clash, not an attack.
        let hits = scan("Une contre-attaque a suivi.");
        assert!(hits
            .iter()
            .any(|(s, c)| s == "contre-attaque"
                && *c == Category::Trigger(TriggerClass::Clash, true)));
    }

    #[test]
    fn does_not_match_inside_words() {
        let hits = scan("Le tuteur a raidi sa position.");
        assert!(!hits
            .iter()
            .any(|(_, c)| matches!(c, Category::Trigger(TriggerClass::Killing, _))));
        assert!(!hits.iter().any(|(s, _)| s == "raid"));
    }

    #[test]
    fn split_patterns_match_the_tail_within_a_few_words() {
        // Sentences written for this test.
        let hits = scan("Armed men forced eleven travellers off near the well.");
        assert!(hits
            .iter()
            .any(|(s, c)| s == "off" && *c == Category::Trigger(TriggerClass::Abduction, false)));
        let hits = scan("Les assaillants ont forcé les onze voyageurs à descendre du car.");
        assert!(hits
            .iter()
            .any(|(s, c)| s == "à descendre"
                && *c == Category::Trigger(TriggerClass::Abduction, false)));
        // Too far, or across a comma: no match.
        let hits = scan("They forced the old blue truck of the traders off the road.");
        assert!(!hits
            .iter()
            .any(|(_, c)| *c == Category::Trigger(TriggerClass::Abduction, false)));
        let hits = scan("He was forced to resign, and walked off.");
        assert!(!hits
            .iter()
            .any(|(_, c)| *c == Category::Trigger(TriggerClass::Abduction, false)));
        let hits = scan("The army opened a new forward base in the town.");
        assert!(hits
            .iter()
            .any(|(s, c)| s == "base" && *c == Category::Trigger(TriggerClass::Base, true)));
        let hits = scan("L'armée a ouvert une nouvelle base dans la ville.");
        assert!(hits
            .iter()
            .any(|(_, c)| *c == Category::Trigger(TriggerClass::Base, true)));
    }

    #[test]
    fn an_alias_of_several_countries_keeps_every_reading() {
        let hits = scan("The army said it had repelled the assault.");
        let army: Vec<u32> = hits
            .iter()
            .filter_map(|(s, c)| match c {
                Category::Actor(i) if s == "army" => Some(*i),
                _ => None,
            })
            .collect();
        let countries: Vec<Option<&str>> = army
            .iter()
            .map(|&i| Scanner::get().actors[i as usize].country.as_deref())
            .collect();
        assert!(countries.contains(&Some("ML")) && countries.contains(&Some("BF")));
    }

    #[test]
    fn short_acronyms_match_only_in_capitals() {
        let hits = scan("Le JNIM a revendiqué l'attaque.");
        assert!(hits
            .iter()
            .any(|(s, c)| s == "JNIM" && matches!(c, Category::Actor(_))));
        let hits = scan("The fan was broken.");
        assert!(!hits.iter().any(|(_, c)| matches!(c, Category::Actor(_))));
    }
}
