//! Event frames: which sentences of an article speak of which incident.
//!
//! Each sentence is analysed once (triggers, dates, places, figures, cues). Sentences with an
//! event trigger open a new frame or join the current one; a sentence opens a new frame when
//! it brings its own date, a place that does not fit the frame, a different kind of event at a
//! place of its own, or a background cue ("had already been attacked"). Sentences without a
//! trigger but with figures or actors support the current frame.

use super::attribution::{attribute, Attribution};
use super::dates::{self, DateMatch};
use super::quantity::QuantityMatch;
use super::scan::{Category, CueKind, Hit, NounClass, TriggerClass};
use crate::document::Document;
use crate::model::{EventDate, Span, TargetKind};
use std::collections::BTreeSet;
use vigie_geo::{AdminLevel, Cue, PlaceMention, ResolvedPlace};

/// What one sentence carries.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    pub hits: Vec<Hit>,
    pub triggers: Vec<(TriggerClass, bool, Span)>,
    pub quantities: Vec<usize>,
    pub dates: Vec<usize>,
    /// Indices of resolved sub-national places.
    pub places: Vec<usize>,
    /// Country codes named in the sentence.
    pub countries: Vec<String>,
    pub attribution: Attribution,
    pub background: bool,
    /// Speaks of a court, a trial or a verdict (`CueKind::Court`; also `background`).
    pub court: bool,
    pub coordinated: bool,
    pub generic: bool,
    /// Where the sentence's generic cues start (they make it generic, unless descriptive; see
    /// `Analysis::new`).
    pub generic_cues: Vec<usize>,
    pub anaphora: bool,
    pub zero: Vec<Span>,
    pub actors: Vec<Hit>,
    /// Kinds of event named as claimed ("a revendiqué l'embuscade"): the sentence speaks of
    /// an incident already reported.
    pub claimed: Vec<TriggerClass>,
    /// The events claimed are named in the plural ("les deux attaques ont été revendiquées"):
    /// the claim may cover several incidents of the article.
    pub claimed_plural: bool,
    /// A later toll of the incident being reported ("le bilan s'est alourdi à 12 morts").
    pub update: bool,
    /// Says when the facts took place ("les faits remontent au 25 mars").
    pub occurred: bool,
    /// Opens with a word that turns to another incident ("Meanwhile,", "In a separate
    /// attack,", "Dans une autre attaque").
    pub separate: bool,
    /// Where a cue of an earlier incident of the day being told ends ("plus tôt dans la
    /// matinée"; see `Analysis::tells_an_earlier_incident`).
    pub earlier_cue: Option<usize>,
    /// A country named in the first words ("BURKINA FASO — Six civils tués", "In Niger,
    /// gunmen…"): in a round-up, the story of that country starts here.
    pub leading_country: Option<String>,
    /// In a sentence reporting a release, the clause that describes the hostages' abduction
    /// ("les techniciens [enlevés le 27 mai dans la région de Kayes] ont été libérés"), with
    /// its dates and places: they belong to the abduction, an older incident.
    pub release_clause: Option<(Span, Vec<usize>, Vec<usize>)>,
}

impl Sentence {
    pub fn classes(&self) -> BTreeSet<TriggerClass> {
        self.triggers.iter().map(|t| t.0).collect()
    }
    pub fn strong_classes(&self) -> BTreeSet<TriggerClass> {
        self.triggers.iter().filter(|t| t.1).map(|t| t.0).collect()
    }
    fn has_strong_trigger(&self) -> bool {
        self.triggers.iter().any(|t| t.1)
    }
}

/// The text's analysis shared by framing and mention building.
pub struct Analysis<'a> {
    pub doc: &'a Document,
    pub hits: Vec<Hit>,
    pub quantities: Vec<QuantityMatch>,
    pub dates: Vec<DateMatch>,
    pub places: Vec<PlaceMention>,
    pub resolved: Vec<Option<ResolvedPlace>>,
    pub sentences: Vec<Sentence>,
    /// When the page came out: its publication date, else the date line at its top.
    pub published: Option<chrono::NaiveDate>,
    /// Publication date, else the article's own reference date.
    pub anchor: Option<chrono::NaiveDate>,
    /// The anchor is known only to its month (a page dated "2024-07"): a weekday or "hier"
    /// counted from it gives the month, not a guessed day.
    pub anchor_month_only: bool,
    /// The country most of the article's places are in (ISO2).
    pub country: Option<String>,
    /// Per sentence, the earlier incident it recalls to date its own (see [`Self::recalled`]).
    recalls: Vec<Option<(EventDate, Span)>>,
}

/// How many events counted in one figure make a sentence a statistic (see `event_nouns.tsv`).
const EVENTS_COUNTED_AS_A_STATISTIC: u32 = 10;

/// How many words may come between a word of violence and the date told as that event's
/// ("l'attentat terroriste perpétré dans la ville, le 13 mars").
const EVENT_DATE_AFTER_WORDS: usize = 6;

/// Nouns naming one incident (`data/incident_nouns.tsv`), folded.
static INCIDENT_NOUNS: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
        crate::lexicon::rows(include_str!("../../data/incident_nouns.tsv"))
            .filter_map(|r| r.first().map(|w| crate::lexicon::fold(w)))
            .collect()
    });

/// Nouns naming events, not people (`data/event_nouns.tsv`), folded.
static EVENT_NOUNS: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
        crate::lexicon::rows(include_str!("../../data/event_nouns.tsv"))
            .filter_map(|r| r.first().map(|w| crate::lexicon::fold(w)))
            .collect()
    });

/// Sentences about one incident.
#[derive(Debug, Clone)]
pub struct Frame {
    pub anchor: usize,
    pub sentences: Vec<usize>,
    /// Sentences that only bring figures, actors or places.
    pub support: Vec<usize>,
    pub classes: BTreeSet<TriggerClass>,
    /// Classes named by strong triggers only ("fighting over territory" is weak).
    pub strong_classes: BTreeSet<TriggerClass>,
    pub anchor_classes: BTreeSet<TriggerClass>,
    pub date: Option<EventDate>,
    /// Sentence whose words give the date.
    pub date_source: Option<usize>,
    pub places: Vec<usize>,
    /// A place referred back to ("à l'ouest de la ville"), with the sentence that does so.
    pub anaphoric_place: Option<(usize, usize)>,
    pub background: bool,
    pub coordinated: bool,
    pub strong: bool,
    /// The sentence that tells this frame's day when its own sentences do not: "plus tôt dans
    /// la matinée, un car avait sauté sur un engin" is of the day of the story told before it.
    pub day_told_in: Option<usize>,
}

impl Frame {
    /// Sentence `i` tells more of this frame's event: its sentence and its kinds of event.
    fn absorb(&mut self, i: usize, s: &Sentence) {
        self.sentences.push(i);
        self.classes.extend(s.classes());
        self.strong_classes.extend(s.strong_classes());
    }

    /// Another frame tells this frame's event: its sentences, support and kinds of event.
    fn take_in(&mut self, other: Frame) {
        self.sentences.extend(other.sentences);
        self.support.extend(other.support);
        self.classes.extend(other.classes);
        self.strong_classes.extend(other.strong_classes);
        self.strong |= other.strong;
    }

    fn new(i: usize, s: &Sentence) -> Frame {
        Frame {
            anchor: i,
            sentences: vec![i],
            support: Vec::new(),
            classes: s.classes(),
            strong_classes: s.strong_classes(),
            anchor_classes: s.classes(),
            date: None,
            date_source: None,
            places: s.places.clone(),
            anaphoric_place: None,
            background: s.background,
            coordinated: s.coordinated,
            strong: s.has_strong_trigger(),
            day_told_in: None,
        }
    }

    /// The frame's sentences, then the one that tells its day for it, if any.
    fn dated_sentences(&self) -> impl Iterator<Item = usize> + '_ {
        self.sentences.iter().copied().chain(self.day_told_in)
    }

    pub fn all_sentences(&self) -> impl Iterator<Item = usize> + '_ {
        self.sentences.iter().chain(self.support.iter()).copied()
    }

    fn is_announcement(&self) -> bool {
        !self.anchor_classes.iter().any(|c| c.is_violent())
    }
}

impl<'a> Analysis<'a> {
    pub fn place(&self, idx: usize) -> Option<&ResolvedPlace> {
        self.resolved.get(idx).and_then(|r| r.as_ref())
    }

    pub fn sentence_text(&self, i: usize) -> &str {
        let s = self.sentences[i].span;
        &self.doc.text[s.start..s.end]
    }

    /// Distribute matches over sentences.
    pub fn new(
        doc: &'a Document,
        hits: Vec<Hit>,
        quantities: Vec<QuantityMatch>,
        dates: Vec<DateMatch>,
        places: Vec<PlaceMention>,
        resolved: Vec<Option<ResolvedPlace>>,
        demonyms: &[(&'static str, usize)],
    ) -> Analysis<'a> {
        let mut sentences: Vec<Sentence> = doc
            .sentences
            .iter()
            .map(|&span| Sentence {
                span,
                paragraph: doc
                    .paragraphs
                    .iter()
                    .position(|p| p.contains(span))
                    .unwrap_or(0),
                ..Sentence::default()
            })
            .collect();
        let locate = |pos: usize| -> Option<usize> {
            let i = sentences_partition(&doc.sentences, pos)?;
            (doc.sentences[i].start <= pos
                && pos < doc.sentences[i].end.max(doc.sentences[i].start + 1))
            .then_some(i)
        };
        for hit in &hits {
            if let Some(i) = locate(hit.span.start) {
                let s = &mut sentences[i];
                s.hits.push(*hit);
                match hit.category {
                    Category::Trigger(class, strong) => {
                        let leads = class == TriggerClass::Abduction
                            && !strong
                            && (leads_to_do(&doc.text, hit.span.end)
                                || group_led_by(&doc.text, hit.span));
                        if !negated(&doc.text, hit.span.start) && !leads {
                            s.triggers.push((class, strong, hit.span));
                        }
                    }
                    Category::Cue(CueKind::Background) => s.background = true,
                    Category::Cue(CueKind::Court) => {
                        s.background = true;
                        s.court = true;
                    }
                    Category::Cue(CueKind::Coordinated) => s.coordinated = true,
                    Category::Cue(CueKind::Generic) => s.generic_cues.push(hit.span.start),
                    Category::Cue(CueKind::Anaphora) => s.anaphora = true,
                    Category::Cue(CueKind::Zero) => s.zero.push(hit.span),
                    Category::Cue(CueKind::Update) => s.update = true,
                    Category::Cue(CueKind::Occurred) => s.occurred = true,
                    Category::Cue(CueKind::Earlier) => s.earlier_cue = Some(hit.span.end),
                    Category::Cue(CueKind::Separate) => {
                        // Only in the sentence's first words: "attacked a base; meanwhile the
                        // convoy…" mid-sentence does not split the sentence's event.
                        let lead = doc.text.get(s.span.start..hit.span.start).unwrap_or("x");
                        s.separate |= lead.split_whitespace().count() <= 1;
                    }
                    Category::Actor(_) | Category::Person(_) => s.actors.push(*hit),
                    _ => {}
                }
            }
        }
        // "overran the army base at Tessit", "the old camp was overrun", "s'est emparé du camp":
        // a weak word of taking (which may take cattle, or "those trying to resist them") with
        // a position right after or before it is a position taken.
        for s in sentences.iter_mut() {
            let positions: Vec<Span> = s
                .hits
                .iter()
                .filter(|h| {
                    matches!(
                        h.category,
                        Category::Target(
                            TargetKind::MilitaryBase
                                | TargetKind::Checkpoint
                                | TargetKind::BorderPost
                                | TargetKind::Village
                        )
                    )
                })
                .map(|h| h.span)
                .collect();
            for t in s.triggers.iter_mut() {
                let near = |p: &Span| {
                    (p.start >= t.2.end && p.start - t.2.end <= TAKEN_POSITION_BYTES)
                        || (p.end <= t.2.start && t.2.start - p.end <= TAKEN_POSITION_BYTES)
                };
                if t.0 == TriggerClass::Overrun && !t.1 && positions.iter().any(near) {
                    t.1 = true;
                }
            }
        }
        // "Truck drivers protest over kidnappings": in a sentence reporting a protest or riot,
        // the violence named right after a grievance word is what the crowd protests about.
        // Likewise "un couvre-feu … après l'attaque contre la gendarmerie", "hostages freed
        // after the raid": in a sentence reporting an announcement, a release, a protest or a
        // riot, the violence named right after "après", "following" is its cause.
        for s in sentences.iter_mut() {
            let crowd = s
                .triggers
                .iter()
                .any(|t| matches!(t.0, TriggerClass::Protest | TriggerClass::Riot));
            let announcement = s.triggers.iter().any(|t| {
                t.1 && matches!(
                    t.0,
                    TriggerClass::Protest
                        | TriggerClass::Riot
                        | TriggerClass::Blockade
                        | TriggerClass::Release
                )
            });
            if !crowd && !announcement {
                continue;
            }
            let cues_of = |kind: CueKind, wanted: bool| -> Vec<Span> {
                s.hits
                    .iter()
                    .filter(|h| wanted && h.category == Category::Cue(kind))
                    .map(|h| h.span)
                    .collect()
            };
            let grievances = cues_of(CueKind::Grievance, crowd);
            let causes = cues_of(CueKind::Cause, announcement);
            let right_after = |cues: &[Span], t: Span| {
                cues.iter().any(|g| {
                    g.end <= t.start
                        && doc
                            .text
                            .get(g.end..t.start)
                            .is_some_and(|gap| gap.split_whitespace().count() <= 3)
                })
            };
            s.triggers.retain(|t| {
                matches!(t.0, TriggerClass::Protest | TriggerClass::Riot)
                    || (!right_after(&grievances, t.2)
                        && (!t.0.is_violent() || !right_after(&causes, t.2)))
            });
        }
        // "a revendiqué l'attaque", "claimed the abduction": the event named right after a
        // claim of responsibility is the one already reported, not a new one.
        // A claim with nothing else told ("JNIM claimed an IED attack on a convoy near X on
        // 14 November") is itself the report of the event: its words stay triggers.
        let claim_spans = |s: &Sentence| -> Vec<Span> {
            s.hits
                .iter()
                .filter(|h| h.category == Category::Cue(CueKind::Responsibility))
                .map(|h| h.span)
                .collect()
        };
        let is_claimed = |claims: &[Span], t: Span| {
            claims.iter().any(|c| {
                (c.end <= t.start
                    && doc.text.get(c.end..t.start).is_some_and(|gap| {
                        gap.split_whitespace().count() <= 3 && !gap.contains([',', ';', ':', '.'])
                    }))
                    || (t.end <= c.start
                        && doc.text.get(t.end..c.start).is_some_and(|gap| {
                            PASSIVE_AUXILIARIES.contains(&crate::lexicon::fold(gap.trim()).as_str())
                        }))
            })
        };
        // (told in another sentence: words of the claim's own sentence, "… that destroyed a
        // vehicle", describe the event claimed)
        let tells: Vec<bool> = sentences
            .iter()
            .map(|s| {
                let claims = claim_spans(s);
                claims.is_empty()
                    && s.triggers
                        .iter()
                        .any(|t| t.0.is_violent() && !is_claimed(&claims, t.2))
            })
            .collect();
        for (i, s) in sentences.iter_mut().enumerate() {
            let told_elsewhere = tells.iter().enumerate().any(|(j, t)| *t && j != i);
            let claims = claim_spans(s);
            if claims.is_empty() {
                continue;
            }
            let mut claimed = Vec::new();
            let mut plural = false;
            s.triggers.retain(|t| {
                let is_claimed = is_claimed(&claims, t.2);
                if is_claimed {
                    claimed.push(t.0);
                    // "les deux attaques ont été revendiquées", "claimed both attacks"
                    let word = crate::lexicon::fold(doc.text.get(t.2.start..t.2.end).unwrap_or(""));
                    plural |= word.ends_with('s') || word.ends_with('x');
                }
                !is_claimed || !told_elsewhere
            });
            s.claimed = claimed;
            s.claimed_plural = plural;
        }
        // "Le corps avait été retrouvé le lendemain de l'enlèvement": an event word right after
        // a date counted from another event names that event, already told.
        for d in &dates {
            if !matches!(d.expr, dates::DateExpr::FollowingDay { .. }) {
                continue;
            }
            let Some(i) = locate(d.span.start) else {
                continue;
            };
            sentences[i].triggers.retain(|t| {
                !(t.2.start >= d.span.end
                    && doc.text.get(d.span.end..t.2.start).is_some_and(|gap| {
                        let gap = crate::lexicon::fold(gap.trim());
                        BACK_REFERENCES.contains(&gap.as_str())
                    }))
            });
        }
        // "Les otages enlevés le 27 mai ont été libérés dimanche", "the hostages were freed":
        // in a sentence reporting a release, the abduction words describe the hostages.
        let mut clauses: Vec<Option<Span>> = vec![None; sentences.len()];
        for (i, s) in sentences.iter_mut().enumerate() {
            // Only people held are released: "l'armée a libéré la ville" is no release.
            let hostages = s.triggers.iter().any(|t| {
                t.0 == TriggerClass::Abduction
                    || (t.0 == TriggerClass::Release && {
                        let w =
                            crate::lexicon::fold(doc.text.get(t.2.start..t.2.end).unwrap_or(""));
                        w.contains("otage") || w.contains("hostage")
                    })
            }) || s
                .hits
                .iter()
                .any(|h| h.category == Category::Noun(NounClass::Hostage));
            if !hostages {
                s.triggers.retain(|t| t.0 != TriggerClass::Release);
                continue;
            }
            let Some(release) = s
                .triggers
                .iter()
                .find(|t| t.1 && t.0 == TriggerClass::Release)
                .map(|t| t.2)
            else {
                continue;
            };
            let before = s
                .triggers
                .iter()
                .filter(|t| t.0 == TriggerClass::Abduction && t.2.end <= release.start)
                .map(|t| t.2)
                .next();
            s.triggers.retain(|t| t.0 != TriggerClass::Abduction);
            clauses[i] = before.map(|a| Span::new(a.end, release.start));
        }
        for (qi, q) in quantities.iter().enumerate() {
            if let Some(i) = locate(q.span.start) {
                sentences[i].quantities.push(qi);
            }
        }
        // "Treize gendarmes tués dans une embuscade près de Taparko, localité minière en proie
        // à des attaques fréquentes": a generic cue in an apposition that describes the place
        // ("localité…", "a town…"), after the sentence has told its event (a strong trigger and
        // a figure before it), says what the place is like; the event stands. Anywhere else
        // ("les attaques fréquentes ont tué…", "a region where attacks are frequent") it makes
        // the sentence generic.
        for s in sentences.iter_mut() {
            let describes_the_place = |cue: usize| {
                let told = s.triggers.iter().any(|t| t.1 && t.2.end <= cue)
                    && s.quantities.iter().any(|&q| quantities[q].span.start < cue);
                let head = &doc.text[s.span.start.min(cue)..cue];
                let Some(comma) = head.rfind(',') else {
                    return false;
                };
                let comma = s.span.start + comma;
                let no_trigger_after = !s
                    .triggers
                    .iter()
                    .any(|t| t.2.start > comma && t.2.start < cue);
                told && no_trigger_after && place_apposition(&doc.text[comma + 1..cue])
            };
            // "Des milliers de manifestants ont marché samedi", "thousands of protesters": the
            // vague count of a protest's crowd, not the toll of a conflict.
            let counts_a_crowd = |cue: usize| {
                s.triggers.iter().any(|t| t.0 == TriggerClass::Protest)
                    && s.quantities.iter().any(|&q| {
                        let span = quantities[q].span;
                        span.start <= cue && cue < span.end
                    })
            };
            // "Les rapts se multiplient : trois policiers ont encore été tués début novembre":
            // after a colon, a strong trigger and a figure tell the event the trend is shown by.
            // (or after a word that brings in an example: "se multiplient, à l'image du récent
            // rapt de deux commerçants", "such as the kidnapping of two traders")
            let event_after_example = |cue: usize| {
                static EXAMPLE: std::sync::LazyLock<regex::Regex> =
                    std::sync::LazyLock::new(|| {
                        regex::Regex::new(
                            r"(?i):|\b(?:à l['’]image d|such as|comme en témoigne|as shown by)",
                        )
                        .expect("example pattern")
                    });
                let rest = &doc.text[cue.min(s.span.end)..s.span.end];
                let Some(colon) = EXAMPLE.find(rest).map(|m| m.start()) else {
                    return false;
                };
                let colon = cue + colon;
                s.triggers.iter().any(|t| t.1 && t.2.start > colon)
                    && s.quantities
                        .iter()
                        .any(|&q| quantities[q].span.start > colon)
            };
            s.generic |= s
                .generic_cues
                .iter()
                .any(|&c| !describes_the_place(c) && !counts_a_crowd(c) && !event_after_example(c));
        }
        // "plus de 22 attaques ont été enregistrées au cours du mois", "120 cas de kidnapping",
        // "more than 50 attacks this year": ten or more events counted is a statistic over a
        // period, whatever else the sentence says.
        for s in sentences.iter_mut() {
            s.generic |= s.quantities.iter().any(|&q| {
                let m = &quantities[q];
                m.quantity.low >= EVENTS_COUNTED_AS_A_STATISTIC
                    && !m.year_like
                    && m.noun.is_some_and(|n| {
                        let noun = crate::lexicon::fold(doc.text.get(n.start..n.end).unwrap_or(""));
                        EVENT_NOUNS.contains(noun.as_str())
                    })
            });
        }
        let in_clause =
            |i: usize, start: usize| clauses[i].is_some_and(|c| c.start <= start && start < c.end);
        // "More than 1,100 deaths in the tri-border area in 2025": a sentence dated by a year
        // alone speaks of a period, and its figures are no incident's.
        // (per sentence: has a year, has a finer date)
        let mut year_only: Vec<(bool, bool)> = vec![(false, false); sentences.len()];
        for d in &dates {
            if let Some(i) = locate(d.span.start) {
                match d.expr {
                    dates::DateExpr::Year { .. } => year_only[i].0 = true,
                    _ => year_only[i].1 = true,
                }
            }
        }
        for (s, &(year, finer)) in sentences.iter_mut().zip(&year_only) {
            if year && !finer {
                s.generic = true;
            }
        }
        // "There were 15 other air strikes between 2014 and 2023. The aerial bombardments took
        // place in Borno, Yobe…": events named in the plural with a definite article, right
        // after a sentence about many of them, are those same events.
        for i in 1..sentences.len() {
            if sentences[i - 1].generic
                && !sentences[i].generic
                && !year_only[i].1
                && sentences[i]
                    .triggers
                    .first()
                    .is_some_and(|t| refers_back_in_plural(&doc.text, sentences[i].span, t.2))
            {
                sentences[i].generic = true;
            }
        }
        for (di, d) in dates.iter().enumerate() {
            if let Some(i) = locate(d.span.start) {
                if in_clause(i, d.span.start) {
                    if let Some(c) = clauses[i] {
                        let rc =
                            sentences[i]
                                .release_clause
                                .get_or_insert((c, Vec::new(), Vec::new()));
                        rc.1.push(di);
                    }
                    continue;
                }
                sentences[i].dates.push(di);
            }
        }
        let mut country_votes: Vec<(String, usize)> = Vec::new();
        let masked = |p: &PlaceMention| {
            // (an English possessive names the place: "Gao's 8th district", "Kidal's outskirts")
            let after = doc.text.get(p.end..).unwrap_or("");
            let possessive = ["'s ", "’s "].iter().any(|s| after.starts_with(s));
            let glued = after.starts_with(['\'', '’']) && !possessive;
            glued
                || hits.iter().any(|h| {
                    matches!(h.category, Category::Actor(_) | Category::Person(_))
                        && h.span.overlaps(Span::new(p.start, p.end))
                })
        };
        // A small place named with no locative cue ("owned by Ibrahima Diawara") is more
        // often a person or a word than a village: keep it only inside a list of places, or
        // when the same name is also given with a cue.
        let gazetteer = vigie_geo::global();
        let gazetteer_place = |pi: usize| {
            resolved
                .get(pi)
                .and_then(|r| r.as_ref())
                .and_then(|r| r.place_id)
                .map(|id| gazetteer.place(id))
        };
        let is_small = |pi: usize| {
            gazetteer_place(pi).is_some_and(|place| {
                matches!(
                    place.kind,
                    vigie_geo::PlaceKind::Village | vigie_geo::PlaceKind::Other
                ) && place.population < 20_000
            })
        };
        let is_city = |pi: usize| {
            gazetteer_place(pi).is_some_and(|place| {
                matches!(
                    place.kind,
                    vigie_geo::PlaceKind::Capital
                        | vigie_geo::PlaceKind::City
                        | vigie_geo::PlaceKind::Town
                ) && place.population >= 20_000
            })
        };
        let cued_names: BTreeSet<String> = places
            .iter()
            .filter(|p| !matches!(p.cue, Cue::None | Cue::Elsewhere))
            .map(|p| crate::lexicon::fold(&p.surface))
            .collect();
        let in_list = |pi: usize| {
            let p = &places[pi];
            let near = |q: &PlaceMention| {
                let (a, b) = if q.end <= p.start {
                    (q.end, p.start)
                } else if p.end <= q.start {
                    (p.end, q.start)
                } else {
                    return false;
                };
                let gap = crate::lexicon::fold(doc.text.get(a..b).unwrap_or("x"));
                matches!(
                    gap.trim(),
                    "," | "et" | "and" | "-" | "/" | ", et" | ", and"
                )
            };
            places.iter().enumerate().any(|(qi, q)| {
                qi != pi && !matches!(q.cue, Cue::Admin(AdminLevel::Country)) && near(q)
            })
        };
        // A short report that names one place only ("The mayor of Mondoro was killed"): that
        // place is the one the report is about, cue or none.
        let lone_place = {
            let mut named = places
                .iter()
                .filter(|p| !matches!(p.cue, Cue::Admin(AdminLevel::Country) | Cue::Elsewhere))
                .map(|p| crate::lexicon::fold(&p.surface));
            named
                .next()
                .is_some_and(|first| named.all(|other| other == first))
        };
        for (pi, p) in places.iter().enumerate() {
            let Some(i) = locate(p.start) else { continue };
            if masked(p) {
                continue;
            }
            // Where the wounded were taken or someone speaks from: the country, not the event.
            if matches!(p.cue, Cue::Elsewhere) {
                if let Some(r) = resolved.get(pi).and_then(|r| r.as_ref()) {
                    vote(&mut country_votes, &r.country_code, 1);
                }
                continue;
            }
            // (after "of", "de", "on", "contre": "the mayor of Mondoro", "an attack on Fafa";
            // not a name's last part, "Mehdi Ag Abdallah")
            let lone = lone_place && {
                let before = crate::lexicon::fold_before(&doc.text, p.start, 12);
                matches!(
                    before
                        .split(|c: char| !c.is_alphanumeric())
                        .rfind(|w| !w.is_empty()),
                    Some("of" | "de" | "d" | "du" | "on" | "sur" | "contre" | "against")
                )
            };
            if matches!(p.cue, Cue::None)
                && is_small(pi)
                && !lone
                && !in_list(pi)
                && !cued_names.contains(&crate::lexicon::fold(&p.surface))
                && !names_a_site(doc.text.get(p.end..).unwrap_or(""))
            {
                continue;
            }
            // Two- and three-letter names ("Si", "Sy", "One") match too many words to trust
            // bare — except a city's ("Gao airport was shelled"): a word that happens to
            // spell a village is common, one that spells a city of 20,000 is not.
            let letters = p.surface.chars().filter(|c| c.is_alphabetic()).count();
            if matches!(p.cue, Cue::None) && (letters <= 2 || (letters == 3 && !is_city(pi))) {
                continue;
            }
            match (&p.cue, resolved.get(pi).and_then(|r| r.as_ref())) {
                (Cue::Admin(AdminLevel::Country), r) => {
                    let code = r
                        .map(|r| r.country_code.clone())
                        .or_else(|| vigie_geo::country_code_of(&p.surface).map(str::to_string));
                    if let Some(code) = code {
                        // "aux frontières du Niger et du Burkina Faso": a neighbour named as a
                        // reference point says nothing of where the story happened.
                        if !vigie_geo::is_reference_point(&doc.text, p.start, p.end) {
                            vote(&mut country_votes, &code, 1);
                        }
                        let lead = doc
                            .text
                            .get(sentences[i].span.start..p.start)
                            .is_some_and(|before| before.split_whitespace().count() <= 2);
                        if lead && sentences[i].leading_country.is_none() {
                            sentences[i].leading_country = Some(code.clone());
                        }
                        sentences[i].countries.push(code);
                    }
                }
                (_, Some(r)) => {
                    vote(&mut country_votes, &r.country_code, 2);
                    if let Some(c) = clauses[i].filter(|c| c.start <= p.start && p.start < c.end) {
                        let rc =
                            sentences[i]
                                .release_clause
                                .get_or_insert((c, Vec::new(), Vec::new()));
                        rc.2.push(pi);
                        continue;
                    }
                    sentences[i].places.push(pi);
                }
                _ => {}
            }
        }
        // "près de Boni, à une quarantaine de kilomètres à l'est de Boussouma": a town named
        // after a distance from the place before it is only the reference the distance is from.
        for s in sentences.iter_mut() {
            if s.places.len() < 2 {
                continue;
            }
            let reference: Vec<usize> = s
                .places
                .windows(2)
                .filter(|w| {
                    let (p, q) = (&places[w[0]], &places[w[1]]);
                    // (after a road's ends, "sur l'axe Koro-Mondoro, à 10 km de Dioungani",
                    // the town the distance is from is the best place there is)
                    if matches!(p.cue, Cue::Axis | Cue::Between) {
                        return false;
                    }
                    let gap = doc.text.get(p.end..q.start).unwrap_or("");
                    gap.len() <= 80 && {
                        let g = crate::lexicon::fold(gap);
                        g.split(|c: char| !c.is_alphanumeric())
                            .any(|w| matches!(w, "km" | "kilometres" | "kilometers" | "miles"))
                    }
                })
                .map(|w| w[1])
                .collect();
            s.places.retain(|p| !reference.contains(p));
        }
        // "la pire attaque depuis celle d'Inates", "a month after the attack on Boni": the town
        // of an earlier attack named for comparison is not where this one happened.
        // "since the 2016 Grand Bassam attack": the same, with the town before the noun.
        let before_attack_noun = |end: usize| {
            let after: String = doc.text.get(end..).unwrap_or("").chars().take(24).collect();
            let after = crate::lexicon::fold(&after);
            after
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .is_some_and(|w| {
                    matches!(
                        w,
                        "attack" | "attacks" | "massacre" | "ambush" | "bombing" | "raid"
                    )
                })
        };
        for s in sentences.iter_mut() {
            s.places.retain(|&p| {
                let before = crate::lexicon::fold_before(&doc.text, places[p].start, 40);
                let before: Vec<&str> = before
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                let year = |w: &str| w.len() == 4 && (w.starts_with("20") || w.starts_with("19"));
                let named_before_noun = match before.as_slice() {
                    [.., "after" | "since", "the"] => true,
                    [.., "after" | "since", "the", y] => year(y),
                    _ => false,
                } && before_attack_noun(places[p].end);
                !named_before_noun
                    && !matches!(
                        before.as_slice(),
                        [
                            ..,
                            "apres" | "depuis" | "comme",
                            "celle" | "celles" | "celui" | "ceux",
                            "de" | "d"
                        ] | [
                            ..,
                            "apres" | "depuis",
                            "l",
                            "attaque" | "assaut" | "embuscade" | "attentat",
                            "de" | "d" | "contre"
                        ] | [
                            ..,
                            "after" | "since",
                            "the",
                            "attack" | "attacks" | "assault" | "ambush" | "massacre",
                            "on" | "in" | "at"
                        ] | [
                            ..,
                            "after" | "since",
                            "the",
                            "one" | "ones",
                            "in" | "at" | "on"
                        ]
                    )
            });
        }
        // "The kidnapping comes two months after ISIL-linked fighters killed six French aid
        // workers", "Cette attaque survient une semaine après que des hommes armés ont tué…",
        // "Boulkessi, théâtre d'un attentat-suicide mercredi": what follows "after" (or "the
        // scene of", dated or not) is another event set beside this one; with no date to make
        // it a recalled incident of its own, its triggers, figures and places are nobody's.
        // (With a date of its own the clause is a recalled incident: see `recalled`.)
        for s in sentences.iter_mut() {
            if let Some(aside) = comes_after_clause(&doc.text, s.span)
                .filter(|c| !s.dates.iter().any(|&d| c.contains(dates[d].span)))
                .or_else(|| scene_of_clause(&doc.text, s.span))
                .or_else(|| since_when_clause(&doc.text, s.span))
            {
                let outside = |span: Span| !aside.contains(span);
                s.triggers.retain(|t| outside(t.2));
                s.hits.retain(|h| outside(h.span));
                s.actors.retain(|h| outside(h.span));
                s.quantities.retain(|&q| outside(quantities[q].span));
                s.places
                    .retain(|&p| outside(Span::new(places[p].start, places[p].end)));
                s.dates.retain(|&d| outside(dates[d].span));
            }
        }
        for s in sentences.iter_mut() {
            s.attribution = attribute(&doc.text, s.span, &s.hits);
        }
        // A page with no publication date is anchored on its own dates — not on those of
        // sentences that recall an older event ("an earlier attack in Gao on Nov. 29, 2016"):
        // "today" on such a page is not that day.
        let recalled_dates: BTreeSet<usize> = sentences
            .iter()
            .filter(|s| s.background)
            .flat_map(|s| s.dates.iter().copied())
            .collect();
        let mut own_dates: Vec<DateMatch> = dates
            .iter()
            .enumerate()
            .filter(|(k, _)| !recalled_dates.contains(k))
            .map(|(_, d)| *d)
            .collect();
        // A page with no publication date: a dispatch's dateline at its top ("Koumbri, 4
        // septembre 2023. Une attaque…") says when it came out; a date alone on its first line
        // is the site's date of the day it was read, which dates nothing.
        let top = (doc.published.is_none() && dates::page_date_line(&doc.text).is_none())
            .then(|| dates::top_date(&doc.text, &dates))
            .flatten();
        let published = doc.published.or(match top {
            Some(dates::TopDate::Dateline(d)) => Some(d),
            _ => None,
        });
        if let Some(dates::TopDate::Today(k)) = top {
            let today = dates[k];
            own_dates.retain(|d| *d != today);
        }
        let (anchor, anchor_month_only) = match published {
            Some(p) => (Some(p), false),
            None => match dates::page_anchor(&doc.text, &own_dates, doc.published_month) {
                Some((a, precision)) => (Some(a), precision == crate::model::TimePrecision::Month),
                None => (None, false),
            },
        };
        // "les autorités béninoises", "Ivorian soldiers": whose soldiers and officials the story
        // is about tells its country when few places do.
        for &(code, n) in demonyms {
            vote(&mut country_votes, code, n);
        }
        // (stable: on a tie, the country the text named first)
        country_votes.sort_by_key(|v| std::cmp::Reverse(v.1));
        let country = country_votes.first().map(|c| c.0.clone());
        let mut analysis = Analysis {
            doc,
            hits,
            quantities,
            dates,
            places,
            resolved,
            sentences,
            published,
            anchor,
            anchor_month_only,
            country,
            recalls: Vec::new(),
        };
        analysis.recalls = (0..analysis.sentences.len())
            .map(|i| analysis.find_recalled(i))
            .collect();
        analysis
    }

    /// The first date of sentence `i` that resolves, with the match index.
    /// A date introduced by "après", "after", "depuis", "since" situates the event relative to
    /// another one ("une semaine après l'attaque du 6 septembre, … dimanche"): the event's own
    /// date is another one of the sentence when there is one.
    /// A date that only dates a statement about violence ("a annoncé lundi", "said on Monday",
    /// "claimed the attack on Saturday", "un communiqué publié lundi") is not the event's.
    fn sentence_date(&self, i: usize, previous: Option<EventDate>) -> Option<EventDate> {
        let relative = |d: usize| self.relative_date(d, RELATIVE_WORDS);
        // An announcement (a blockade, a curfew) happens when it is made.
        let violent = self.tells_violence(i);
        // "a annoncé lundi que l'attaque, survenue la veille, …": a day counted from the
        // statement counts from the statement's date.
        let statement_day = self.sentences[i]
            .dates
            .iter()
            .filter(|&&d| violent && self.statement_date(i, d))
            .find_map(|&d| dates::resolve(&self.dates[d].expr, self.anchor, None));
        let previous = statement_day.or(previous);
        let resolved: Vec<(usize, EventDate)> = self.sentences[i]
            .dates
            .iter()
            .filter(|&&d| self.may_date_event(i, d, violent))
            .filter_map(|&d| {
                dates::resolve(&self.dates[d].expr, self.anchor, previous).map(|r| (d, r))
            })
            .collect();
        // "Monday evening, July 1, 2024": a weekday and, a word or two on, the date of that
        // weekday name one day; the date says it outright, where a page dated only to the
        // month knows the weekday to the month.
        let named_outright = resolved.iter().find(|&&(d, r)| {
            !self.counted_from_page(d)
                && r.precision == crate::model::TimePrecision::Day
                && resolved.iter().any(|&(w, _)| {
                    matches!(self.dates[w].expr, dates::DateExpr::Weekday { weekday, .. }
                        if weekday == chrono::Datelike::weekday(&r.date))
                        && self.just_before(self.dates[w].span, self.dates[d].span)
                })
        });
        named_outright
            .or_else(|| resolved.iter().find(|(d, _)| !relative(*d)))
            .or(resolved.first())
            .map(|&(d, r)| self.month_only(d, self.widened(d, r)))
    }

    /// "Du 9 au 10 décembre, … Deux jours plus tard, …": a day counted on from the last day
    /// the text told, a few sentences before, rather than from the frame's first day.
    fn day_counted_from(&self, i: usize) -> Option<EventDate> {
        let counts_on = self.sentences[i].dates.iter().any(
            |&d| matches!(self.dates[d].expr, dates::DateExpr::FollowingDay { days } if days > 0),
        );
        if !counts_on {
            return None;
        }
        (i.saturating_sub(DAY_COUNTED_FROM_SENTENCES)..i)
            .rev()
            .filter(|&j| !self.sentences[j].generic && !self.sentences[j].background)
            .find_map(|j| {
                self.sentence_date(j, None)
                    .filter(|d| d.precision == crate::model::TimePrecision::Day)
            })
    }

    /// "Lundi" on a page dated only "2024-07": some Monday of July, known to the month.
    fn month_only(&self, d: usize, r: EventDate) -> EventDate {
        match self.anchor {
            Some(a) if self.anchor_month_only && self.counted_from_page(d) => EventDate {
                date: chrono::Datelike::with_day(&a, 15).unwrap_or(a),
                precision: crate::model::TimePrecision::Month,
            },
            _ => r,
        }
    }

    /// `first` ends at most two words before `second` starts, in the same clause ("lundi soir,
    /// 1er juillet", "Monday evening, July 1").
    fn just_before(&self, first: Span, second: Span) -> bool {
        first.end <= second.start
            && self
                .doc
                .text
                .get(first.end..second.start)
                .is_some_and(|gap| {
                    gap.split_whitespace().count() <= 2 && !gap.contains([';', ':', '.', '('])
                })
    }

    /// A date known only by counting from the page's own day: "lundi", "hier", "last week".
    fn counted_from_page(&self, d: usize) -> bool {
        matches!(
            self.dates[d].expr,
            dates::DateExpr::Weekday { .. }
                | dates::DateExpr::RelativeDays { .. }
                | dates::DateExpr::RelativeWeeks { .. }
        )
    }

    /// A date given as a span or as approximate: "between 21 and 23 October" (the middle day,
    /// the week as precision; the month when the span is longer), "entre le 21 et le 23
    /// octobre", "around 1 May (week of)", "(month of)".
    fn widened(&self, d: usize, r: EventDate) -> EventDate {
        let text = &self.doc.text;
        let span = self.dates[d].span;
        let after = crate::lexicon::fold(
            text.get(span.end..(span.end + 16).min(text.len()))
                .unwrap_or(""),
        );
        let after = after.trim_start();
        if after.starts_with("(week of)") || after.starts_with("(semaine du)") {
            return EventDate {
                precision: crate::model::TimePrecision::Week.max(r.precision),
                ..r
            };
        }
        if after.starts_with("(month of)") || after.starts_with("(mois de)") {
            return EventDate {
                precision: crate::model::TimePrecision::Month,
                ..r
            };
        }
        static RANGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                r"(?:between|entre(?: le| les)?|from) (\d{1,2})(?:er|st|nd|rd|th)? (?:and|et(?: le)?|to|au) (\d{1,2})\b",
            )
            .expect("day range pattern")
        });
        let around = crate::lexicon::fold_before(text, span.start, 24)
            + &crate::lexicon::fold(text.get(span.start..span.end).unwrap_or(""));
        let days = RANGE
            .captures_iter(&around)
            .last()
            .and_then(|c| Some((c[1].parse::<u32>().ok()?, c[2].parse::<u32>().ok()?)));
        match days {
            Some((first, last)) if first < last && last - first >= 2 => {
                let middle =
                    chrono::Datelike::with_day(&r.date, (first + last) / 2).unwrap_or(r.date);
                let precision = if last - first <= 7 {
                    crate::model::TimePrecision::Week
                } else {
                    crate::model::TimePrecision::Month
                };
                EventDate {
                    date: middle,
                    precision: precision.max(r.precision),
                }
            }
            _ => r,
        }
    }

    /// Does date match `d` of sentence `i` date a statement rather than an event: it follows a
    /// source verb, a claim, a claim of responsibility or a publication word within three
    /// words of the same clause ("a annoncé lundi soir", "said on Monday", "claimed the attack
    /// on Saturday", "publié lundi") — but not "revendiqué l'attaque du 14 avril", where the
    /// date is the attack's.
    fn statement_date(&self, i: usize, d: usize) -> bool {
        self.date_of_cue(i, d, |k| {
            matches!(
                k,
                CueKind::SourceVerb | CueKind::Claim | CueKind::Responsibility | CueKind::Statement
            )
        })
    }

    /// "Le rapatriement aura lieu jeudi 16 septembre", "the funeral will take place on
    /// Friday": the date of something yet to happen, never an event's.
    fn scheduled_date(&self, i: usize, d: usize) -> bool {
        self.date_of_cue(i, d, |k| k == CueKind::Scheduled)
    }

    /// Is date match `d` right after a cue of these kinds (within three words of the same
    /// clause), or right before one?
    fn date_of_cue(&self, i: usize, d: usize, kinds: impl Fn(CueKind) -> bool) -> bool {
        let text = &self.doc.text;
        let span = self.dates[d].span;
        let start = span.start;
        self.sentences[i].hits.iter().any(|h| {
            let statement = matches!(h.category, Category::Cue(k) if kinds(k));
            // After the verb: "a annoncé lundi", "a annoncé, lundi 8 août," (a comma right
            // after the verb only sets the date off) — but not past a word of violence, which
            // the date then belongs to ("the army said killed 49 soldiers the previous day").
            let violence_between = self.sentences[i]
                .triggers
                .iter()
                .any(|t| t.2.start >= h.span.end && t.2.end <= start);
            let after = h.span.end <= start
                && !violence_between
                && text.get(h.span.end..start).is_some_and(|gap| {
                    let gap = gap.trim_start().strip_prefix(',').unwrap_or(gap);
                    let words: Vec<&str> = gap.split_whitespace().collect();
                    let last = words.last().map(|w| crate::lexicon::fold(w));
                    // "indique que dans la nuit du 24 août", "said that on Monday": the date
                    // opens the clause reported, it is the event's
                    let reported = words.iter().any(|w| {
                        let w = crate::lexicon::fold(w);
                        matches!(w.as_str(), "que" | "that") || w.starts_with("qu'")
                    });
                    words.len() <= 3
                        && !reported
                        && !gap.contains([',', ';', ':', '.', '«', '"', '(', '“'])
                        && !last.as_deref().is_some_and(|w| {
                            matches!(w, "du" | "de" | "of" | "d'") || w.ends_with('\'')
                        })
                });
            // Right before it: "on Saturday claimed", "lundi a annoncé", "on Monday has said".
            let before = span.end <= h.span.start
                && text.get(span.end..h.span.start).is_some_and(|gap| {
                    !gap.contains([',', ';', ':', '.', '«', '"', '(', '“'])
                        && crate::lexicon::fold(gap).split_whitespace().all(|w| {
                            matches!(
                                w,
                                "a" | "ont" | "has" | "have" | "had" | "avait" | "avaient"
                            )
                        })
                });
            statement && (after || before)
        })
    }

    /// Does sentence `i` tell of violence (or name violence claimed)? Its statement dates are
    /// then not the event's; an announcement happens when it is made.
    fn tells_violence(&self, i: usize) -> bool {
        let s = &self.sentences[i];
        s.triggers.iter().any(|t| t.0.is_violent()) || !s.claimed.is_empty()
    }

    /// Can date match `d` of sentence `i` date the sentence's event: not a statement's date
    /// (in a sentence telling violence), not a time limit, not a day counted from another event.
    fn may_date_event(&self, i: usize, d: usize, violent: bool) -> bool {
        let statement = (violent && self.statement_date(i, d)) || self.scheduled_date(i, d);
        !(statement
            || self.time_limit(d)
            || self.relates_two_events(d)
            || self.dates_an_occasion(d)
            || self.dates_the_court(i, d)
            || self.dates_another_one(d))
    }

    /// "Cette attaque, qui suit celle de la nuit du 3 au 4 mars", "after the one of
    /// 3 March", "like that of Monday": the date of another event, which a pronoun stands
    /// for, not the sentence's.
    fn dates_another_one(&self, d: usize) -> bool {
        let before = crate::lexicon::fold_before(&self.doc.text, self.dates[d].span.start, 40);
        let all: Vec<&str> = before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let mut words = all.as_slice();
        // (over the words of a time of day: "celle de la nuit du 3 au 4 mars")
        while let Some((last, rest)) = words.split_last() {
            let time_of_day = matches!(
                *last,
                "de" | "du"
                    | "d"
                    | "la"
                    | "le"
                    | "nuit"
                    | "allant"
                    | "journee"
                    | "matinee"
                    | "soiree"
            );
            if !time_of_day {
                break;
            }
            words = rest;
        }
        matches!(
            words,
            [.., "celle" | "celles" | "celui" | "ceux"]
                | [.., "that" | "those", "of"]
                | [.., "the", "one", "of" | "on"]
        )
    }

    /// In a sentence about a court, is date match `d` the court's (the trial's, the
    /// verdict's: "a condamné mercredi", "Le 4 mai, le tribunal militaire a condamné",
    /// "were sentenced on Tuesday") rather than the judged incident's? The incident's date is
    /// told right after a word of its violence or a noun naming it ("l'attentat perpétré le 13
    /// mars", "accused of killing 12 people on March 3"), or right before the noun ("the
    /// March 13 attack").
    fn dates_the_court(&self, i: usize, d: usize) -> bool {
        let s = &self.sentences[i];
        if !s.court {
            return false;
        }
        let text = &self.doc.text;
        let span = self.dates[d].span;
        let after_violence = s.triggers.iter().any(|&(_, _, t)| {
            t.end <= span.start
                && text
                    .get(t.end..span.start)
                    .is_some_and(|gap| gap.split_whitespace().count() <= EVENT_DATE_AFTER_WORDS)
        });
        let names_incident = |w: &&str| INCIDENT_NOUNS.contains(*w) || EVENT_NOUNS.contains(*w);
        let before = crate::lexicon::fold_before(text, span.start, 80);
        // (words as the gap after a word of violence counts them: "l'attentat" is one, the
        // noun after its article's apostrophe)
        let after_noun = before
            .split_whitespace()
            .rev()
            .take(EVENT_DATE_AFTER_WORDS + 1)
            .filter_map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
            })
            .any(|w| names_incident(&w));
        let before_noun = crate::lexicon::fold_after(text, span.end, 30)
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .is_some_and(|w| names_incident(&w));
        !(after_violence || after_noun || before_noun)
    }

    /// Is date match `d` the day of an occasion other than the violence: "Saturday's
    /// presidential election", "l'élection présidentielle de samedi", "le sommet du 6 juillet",
    /// a birth date?
    fn dates_an_occasion(&self, d: usize) -> bool {
        const OCCASIONS: &[&str] = &[
            "election",
            "elections",
            "vote",
            "poll",
            "polls",
            "runoff",
            "referendum",
            "scrutin",
            "presidentielle",
            "legislatives",
            "summit",
            "sommet",
            "meeting",
            "reunion",
            "match",
            "ceremony",
            "ceremonie",
            "congress",
            "congres",
            "talks",
            "negociations",
            "negotiations",
        ];
        let text = &self.doc.text;
        let span = self.dates[d].span;
        let end = (span.end + 40).min(text.len());
        let mut end = end;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let after = crate::lexicon::fold(text.get(span.end..end).unwrap_or(""));
        let possessive = after
            .strip_prefix("'s ")
            .map(|rest| {
                rest.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .take(2)
                    .any(|w| OCCASIONS.contains(&w))
            })
            .unwrap_or(false);
        let before = crate::lexicon::fold_before(text, span.start, 40);
        let words: Vec<&str> = before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // "l'élection (présidentielle) de samedi", "le scrutin du 29 juin"
        let of_occasion = matches!(words.last(), Some(&("de" | "du" | "d")))
            && words
                .iter()
                .rev()
                .skip(1)
                .take(2)
                .any(|w| OCCASIONS.contains(w));
        // "Born on the 14 of May 2003", "née le 3 mars 2005": a birth, not the violence
        let birth = words
            .iter()
            .rev()
            .find(|w| !matches!(**w, "on" | "the" | "le"))
            .is_some_and(|w| matches!(*w, "born" | "ne" | "nee" | "nes" | "nees"));
        possessive || of_occasion || birth
    }

    /// The first date expression of sentence `i` that could date its event (not a statement's
    /// date, not a time limit, not a day counted from another event).
    fn first_date_expr(&self, i: usize) -> Option<dates::DateExpr> {
        self.first_date_match(i).map(|d| self.dates[d].expr)
    }

    /// "…sur l'axe où, plus tôt dans la matinée, un car avait sauté sur un engin
    /// explosif", "Hours earlier, gunmen had attacked a checkpoint": sentence `i` tells another
    /// incident, earlier the same day — unless what came earlier is a statement about the
    /// violence ("Plus tôt dans la journée, l'armée avait annoncé la mort de trois
    /// soldats").
    fn tells_an_earlier_incident(&self, i: usize) -> bool {
        let s = &self.sentences[i];
        let Some(cue_end) = s.earlier_cue else {
            return false;
        };
        let violence = s
            .triggers
            .iter()
            .map(|t| t.2.start)
            .filter(|&t| t >= cue_end)
            .min()
            .unwrap_or(s.span.end);
        !s.hits.iter().any(|h| {
            matches!(
                h.category,
                Category::Cue(CueKind::SourceVerb | CueKind::Statement | CueKind::Claim)
            ) && h.span.start >= cue_end
                && h.span.start < violence
        })
    }

    /// The date match of [`Self::first_date_expr`].
    fn first_date_match(&self, i: usize) -> Option<usize> {
        self.sentences[i].dates.iter().copied().find(|&d| {
            self.may_date_event(i, d, true)
                && !matches!(self.dates[d].expr, dates::DateExpr::FollowingDay { .. })
        })
    }

    /// The weekday date match `d` names: its own ("vendredi"), the one written with a day and
    /// month ("dimanche 13 mars"), or a full date's.
    fn told_weekday(&self, d: usize) -> Option<chrono::Weekday> {
        match self.dates[d].expr {
            dates::DateExpr::Weekday { weekday, .. } => Some(weekday),
            dates::DateExpr::Full { year, month, day } => {
                chrono::NaiveDate::from_ymd_opt(year, month, day)
                    .map(|x| chrono::Datelike::weekday(&x))
            }
            _ => {
                let span = self.dates[d].span;
                let text = crate::lexicon::fold(self.doc.text.get(span.start..span.end)?);
                // (the last one: "la nuit de samedi à dimanche 13 mars" is of the 13th, a
                // Sunday)
                text.split(|c: char| !c.is_alphanumeric())
                    .rev()
                    .find_map(dates::weekday_named)
            }
        }
    }

    /// "Vendredi, un engin explosif avait été déclenché" in a story of "dimanche 13 mars": two
    /// weekdays told, two days, even when the page gives nothing to resolve them against. (A
    /// night told from one day to the next fits both.)
    fn distinct_weekdays(&self, x: usize, y: usize) -> bool {
        let night = |d: usize| {
            matches!(
                self.dates[d].expr,
                dates::DateExpr::Weekday { night: true, .. }
            )
        };
        match (self.told_weekday(x), self.told_weekday(y)) {
            (Some(a), Some(b)) => {
                a != b && !(night(x) && a.succ() == b) && !(night(y) && b.succ() == a)
            }
            _ => false,
        }
    }

    /// Can sentence `i`, which has no word of violence, date the story that follows: a
    /// sentence of its own (not a bare date line under a headline, not "issued on …", "publié
    /// le …"), not generic, not about an older event.
    fn dates_the_story(&self, i: usize) -> bool {
        let s = &self.sentences[i];
        if s.generic || s.background || s.dates.is_empty() {
            return false;
        }
        if s.dates
            .iter()
            .any(|&d| self.statement_date(i, d) || self.scheduled_date(i, d))
        {
            return false;
        }
        let mut rest = self
            .doc
            .text
            .get(s.span.start..s.span.end)
            .unwrap_or("")
            .to_string();
        for &d in s.dates.iter().rev() {
            let span = self.dates[d].span;
            if span.start >= s.span.start && span.end <= s.span.end {
                rest.replace_range(span.start - s.span.start..span.end - s.span.start, " ");
            }
        }
        let words = rest
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic));
        let folded: Vec<String> = words.map(crate::lexicon::fold).collect();
        folded.len() >= 3
            && !folded.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "issued" | "published" | "updated" | "publie" | "publiee" | "mis" | "posted"
                )
            })
    }

    /// The day and month an undated frame's own sentences give without a year ("lundi 30
    /// septembre", "on January 3") when the page gives no year to resolve them: not a date to
    /// code, but what two reports of one event share. The same dates are left out as for
    /// `sentence_date` (a statement's, a time limit, a distance between two events).
    pub fn day_month_hint(&self, frame: &Frame) -> Option<(u32, u32)> {
        if frame.date.is_some() || self.anchor.is_some() {
            return None;
        }
        std::iter::once(frame.anchor)
            .chain(frame.dated_sentences())
            .flat_map(|i| self.own_date_exprs(i))
            .find_map(|e| match e {
                dates::DateExpr::DayMonth { month, day } => Some((month, day)),
                _ => None,
            })
    }

    /// The date expressions of sentence `i` that could date its own event, when it is not
    /// generic: not a statement's date, a time limit or a day counted from another event, and
    /// not introduced by a relative word ("après", "since").
    fn own_date_exprs(&self, i: usize) -> impl Iterator<Item = dates::DateExpr> + '_ {
        let s = self.sentences.get(i).filter(|s| !s.generic);
        let violent = s.is_some_and(|_| self.tells_violence(i));
        s.into_iter()
            .flat_map(|s| s.dates.iter().copied())
            .filter(move |&d| {
                self.may_date_event(i, d, violent) && !self.relative_date(d, RELATIVE_WORDS)
            })
            .map(|d| self.dates[d].expr)
    }

    /// The date match that opens sentence `i`: at most `words` words before it ("In June
    /// 2021, …", "On December 17, …").
    fn opening_date(&self, i: usize, words: usize) -> Option<usize> {
        let s = &self.sentences[i];
        s.dates.iter().copied().find(|&d| {
            self.doc
                .text
                .get(s.span.start..self.dates[d].span.start)
                .is_some_and(|before| before.split_whitespace().count() <= words)
        })
    }

    /// "In June 2021, gunmen invaded the Federal Government College, Birnin Yauri": a sentence
    /// that opens on a date months before the page and names a place other than the story's
    /// recalls an older incident, told like the story.
    fn opens_on_an_older_event_elsewhere(
        &self,
        i: usize,
        current: Option<&Frame>,
        own_places: &[usize],
    ) -> bool {
        let (Some(anchor), Some(f)) = (self.anchor, current) else {
            return false;
        };
        if self.anchor_month_only || f.background {
            return false;
        }
        let Some(days_before) = self
            .opening_date(i, 2)
            .and_then(|d| dates::resolve(&self.dates[d].expr, Some(anchor), None))
            .map(|d| (anchor - d.date).num_days())
        else {
            return false;
        };
        let elsewhere = !f.places.is_empty()
            && !own_places.is_empty()
            && !own_places
                .iter()
                .any(|&p| f.places.iter().any(|&q| self.places_fit(p, q)));
        // (a year and more before a page whose publication date is known: whatever the place,
        // which a page often names in a form the gazetteer lacks)
        let years_before = days_before > 365 && self.published.is_some();
        days_before > RECALL_DAYS && (elsewhere || years_before)
    }

    /// "On December 17, the general said the situation was normalising", "Le 17 décembre, le
    /// ministre a déclaré que…": a sentence that opens on a date set off by a comma and goes on
    /// to a statement — the date is the statement's (unlike "The operation took place on
    /// Friday, an official said").
    fn opens_on_the_day_of_a_statement(&self, i: usize) -> bool {
        let Some(d) = self.opening_date(i, 1) else {
            return false;
        };
        let s = &self.sentences[i];
        let text = &self.doc.text;
        let after = self.dates[d].span.end;
        let comma_next = text
            .get(after..s.span.end)
            .is_some_and(|rest| rest.trim_start().starts_with(','));
        comma_next
            && s.hits.iter().any(|h| {
                h.span.start > after
                    && matches!(
                        h.category,
                        Category::Cue(CueKind::SourceVerb | CueKind::Claim | CueKind::Statement)
                    )
            })
    }

    /// The weekday an undated frame's first sentence gives ("vendredi", "on Friday") when the
    /// page gives nothing to count it from: what a report of that event dated elsewhere must
    /// fit. Only the sentence that opened the frame: a weekday further on may be another
    /// event's ("le jeudi dernier, trois militaires…"). The same dates are left out as for
    /// [`Self::day_month_hint`].
    pub fn weekday_hint(&self, frame: &Frame) -> Option<chrono::Weekday> {
        if frame.date.is_some() || self.anchor.is_some() {
            return None;
        }
        self.first_weekday(frame)
    }

    /// On a page dated only to the month ("date 2021-02 … tués, dimanche"), the frame's date is
    /// that month; its weekday is kept beside it, so that a report of the same event with a
    /// publication date makes it a day.
    pub fn month_weekday_hint(&self, frame: &Frame) -> Option<chrono::Weekday> {
        let month_from_weekday = self.anchor_month_only
            && frame
                .date
                .is_some_and(|d| d.precision == crate::model::TimePrecision::Month);
        month_from_weekday
            .then(|| self.first_weekday(frame))
            .flatten()
    }

    fn first_weekday(&self, frame: &Frame) -> Option<chrono::Weekday> {
        std::iter::once(frame.anchor)
            .chain(frame.day_told_in)
            .flat_map(|i| self.own_date_exprs(i))
            .find_map(|e| match e {
                dates::DateExpr::Weekday { weekday, .. } => Some(weekday),
                _ => None,
            })
    }

    /// "deux jours après l'attaque de Chorfa", "three days after the raid": the distance
    /// between two events, which dates neither by itself.
    fn relates_two_events(&self, d: usize) -> bool {
        let m = &self.dates[d];
        if !matches!(m.expr, dates::DateExpr::FollowingDay { days } if days != 0) {
            return false;
        }
        let words = crate::lexicon::fold(self.doc.text.get(m.span.start..m.span.end).unwrap_or(""));
        matches!(
            words
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty()),
            Some("apres" | "after" | "avant" | "before")
        )
    }

    /// "11 bodies had been collected by Monday evening", "jusqu'à dimanche", "293 antennas
    /// destroyed as of 28 November", "à la date du 28 novembre": a time limit, never the day of
    /// the event.
    fn time_limit(&self, d: usize) -> bool {
        let text = &self.doc.text;
        let span = self.dates[d].span;
        let before = crate::lexicon::fold_before(text, span.start, 16);
        let first = crate::lexicon::fold(text.get(span.start..span.end).unwrap_or(""));
        let last_word = before
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .unwrap_or("");
        let first_word = first
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        [last_word, first_word]
            .iter()
            // "since November 2026", "depuis juin": the start of a period, not an event's day.
            .any(|w| matches!(*w, "by" | "until" | "till" | "jusqu" | "since" | "depuis"))
            || ["jusqu'a", "jusqu'au", "a la date du", "as of", "as at"]
                .iter()
                .any(|cut_off| before.trim_end().ends_with(cut_off))
    }

    /// Is date match `d` introduced by one of `words` ("après", "since"…) in the 30 bytes
    /// before it?
    fn relative_date(&self, d: usize, words: &[&str]) -> bool {
        let text = &self.doc.text;
        let start = self.dates[d].span.start;
        let before = crate::lexicon::fold_before(text, start, 30);
        before
            .split(|c: char| !c.is_alphanumeric())
            .any(|t| words.contains(&t))
    }

    /// An earlier incident recalled to situate this one ("une semaine après l'attaque du 6
    /// septembre", "a week after the 6 September attack"): its date, when it differs from
    /// the sentence's own date and an event word sits right next to it, and the clause that
    /// speaks of it (from the event word to the next comma).
    pub fn recalled(&self, i: usize) -> Option<(EventDate, Span)> {
        self.recalls.get(i).copied().flatten()
    }

    fn find_recalled(&self, i: usize) -> Option<(EventDate, Span)> {
        let s = &self.sentences[i];
        if let Some((clause, dates, _)) = &s.release_clause {
            let date = dates
                .iter()
                .find_map(|&d| dates::resolve(&self.dates[d].expr, self.anchor, None))?;
            return Some((date, *clause));
        }
        if s.dates.len() < 2 {
            return None;
        }
        let own = self.sentence_date(i, None)?;
        let text = &self.doc.text;
        s.dates.iter().find_map(|&d| {
            let span = self.dates[d].span;
            let event = s.triggers.iter().find(|t| {
                (t.2.end <= span.start && span.start - t.2.end <= 12)
                    || (t.2.start >= span.end && t.2.start - span.end <= 3)
            })?;
            if !self.relative_date(d, &["apres", "after", "avant", "before"]) {
                return None;
            }
            let date = dates::resolve(&self.dates[d].expr, self.anchor, None)
                .filter(|r| !same_day(*r, own) && r.date < own.date)?;
            let from = event.2.start.min(span.start);
            let after = span.end.max(event.2.end);
            let to = text
                .get(after..s.span.end)
                .and_then(|rest| rest.find([',', ';', ':']))
                .map_or(s.span.end, |k| after + k);
            Some((date, Span::new(from, to)))
        })
    }

    /// May a hit of sentence `i` at `span` serve a frame? In a sentence that recalls an
    /// earlier incident, the recalled clause serves only that (background) incident.
    pub fn serves(&self, i: usize, span: Span, background: bool) -> bool {
        match self.recalled(i) {
            Some((_, clause)) => clause.contains(span) == background,
            None => true,
        }
    }

    fn sentence_has_date_words(&self, i: usize) -> bool {
        !self.sentences[i].dates.is_empty()
    }

    /// Is place `a` the same place as `b`, inside it, or containing it?
    pub fn places_fit(&self, a: usize, b: usize) -> bool {
        match (self.place(a), self.place(b)) {
            (Some(pa), Some(pb)) => {
                places_fit(pa, pb)
                    || self.at_stated_distance(a, b)
                    || self.in_unit_of_town(a, pb)
                    || self.in_unit_of_town(b, pa)
            }
            _ => false,
        }
    }

    /// Place mention `unit` names an administrative unit ("le préfet du département de Liwa")
    /// that the gazetteer knows only by its town, and `other` lies within reach of that town:
    /// the unit holds it, as a unit record would by its name.
    fn in_unit_of_town(&self, unit: usize, other: &ResolvedPlace) -> bool {
        let reach_km = match self.places[unit].cue {
            Cue::Admin(vigie_geo::AdminLevel::Region) => 150.0,
            Cue::Admin(vigie_geo::AdminLevel::Cercle) => 80.0,
            Cue::Admin(vigie_geo::AdminLevel::Commune) => 40.0,
            _ => return false,
        };
        let Some(town) = self.place(unit).filter(|t| t.geo_precision <= 2) else {
            return false;
        };
        // (a town filed under a unit of its own name — "Dans la région de Bafoulabé" — is the
        // seat of a unit the gazetteer knows: containment goes by that unit's name)
        let seat_of_known_unit = filed_under(town, &crate::lexicon::fold(&town.location));
        !seat_of_known_unit && km_in_one_country(town, other).is_some_and(|d| d <= reach_km)
    }

    /// One of place mentions `a` and `b` says "N km from X" and the other lies about N km from
    /// X: "un camp situé à une cinquantaine de kilomètres de Bamako" and "le camp de Koulikoro"
    /// are one spot.
    pub(crate) fn at_stated_distance(&self, a: usize, b: usize) -> bool {
        let one_way = |from: usize, to: usize| {
            self.place(to)
                .is_some_and(|other| self.lies_at_stated_distance(from, other))
        };
        one_way(a, b) || one_way(b, a)
    }

    /// Place mention `a` says "N km from X" and `other` lies about N km from X.
    fn lies_at_stated_distance(&self, a: usize, other: &ResolvedPlace) -> bool {
        let vigie_geo::Cue::DistanceFrom { km } = self.places[a].cue else {
            return false;
        };
        let Some(town) = self.place(a) else {
            return false;
        };
        km_in_one_country(town, other).is_some_and(|d| (d - km).abs() <= (km * 0.5).max(15.0))
    }

    /// Are places `a` and `b` one town (same place, same name, or a few km apart)? Unlike
    /// [`Self::places_fit`], a town "near" which something happened does not contain the
    /// villages of its commune.
    fn same_town(&self, a: usize, b: usize) -> bool {
        match (self.place(a), self.place(b)) {
            (Some(x), Some(y)) => {
                (x.place_id.is_some() && x.place_id == y.place_id)
                    || (x.country_code == y.country_code
                        && crate::lexicon::fold(&x.location) == crate::lexicon::fold(&y.location))
                    || matches!(
                        (x.latitude, x.longitude, y.latitude, y.longitude),
                        (Some(la), Some(oa), Some(lb), Some(ob))
                            if vigie_geo::distance_km(la, oa, lb, ob) <= 15.0
                    )
                    || self.at_stated_distance(a, b)
            }
            _ => false,
        }
    }

    /// The last sub-national place named before byte `pos` (for "the town", "la ville").
    fn last_place_before(&self, pos: usize) -> Option<usize> {
        self.sentences
            .iter()
            .filter(|s| s.span.start < pos)
            .flat_map(|s| s.places.iter().copied())
            .rfind(|&p| self.places[p].start < pos)
    }

    /// Group the sentences into frames.
    pub fn frames(&self) -> Vec<Frame> {
        let mut frames: Vec<Frame> = Vec::new();
        let mut pending_support: Vec<usize> = Vec::new();
        // "Les violences ont repris le dimanche 16 juin. Des hommes armés ont attaqué …": a
        // lead sentence that dates the story without a word of violence dates its first event.
        let mut lead_date: Option<(EventDate, usize)> = None;
        // The frame the text is currently about (never a background frame).
        let mut current: Option<usize> = None;
        for (i, s) in self.sentences.iter().enumerate() {
            if frames.is_empty() && s.triggers.is_empty() && self.dates_the_story(i) {
                if let Some(d) = self.sentence_date(i, None) {
                    lead_date = Some((d, i));
                }
            }
            // "Les faits remontent au 25 mars": the day of the story being told, when it has
            // none yet (or only a month, a lead's or a caption's).
            if s.occurred && !s.generic && !s.background {
                if let (Some(c), Some(d)) = (current, self.sentence_date(i, None)) {
                    let f = &mut frames[c];
                    let day = |x: EventDate| x.precision == crate::model::TimePrecision::Day;
                    if !f.background && day(d) && f.date.is_none_or(|x| !day(x)) {
                        f.date = Some(d);
                        f.date_source = Some(i);
                    }
                }
                // "L'attaque a eu lieu près de la localité de Kobé" after "l'axe Ansongo-Gao":
                // the spot named for the facts is the place, when the story had only a road's
                // ends or an administrative unit.
                if let Some(c) = current {
                    let spot: Vec<usize> = s
                        .places
                        .iter()
                        .copied()
                        .filter(|&p| {
                            matches!(
                                self.places[p].cue,
                                Cue::At | Cue::Near | Cue::Admin(vigie_geo::AdminLevel::Commune)
                            )
                        })
                        .collect();
                    let f = &mut frames[c];
                    let vague = f.places.iter().all(|&p| {
                        matches!(
                            self.places[p].cue,
                            Cue::Axis | Cue::Between | Cue::Admin(_) | Cue::DistanceFrom { .. }
                        )
                    });
                    if !f.background && !spot.is_empty() && vague {
                        f.places = spot;
                    }
                }
            }
            if s.triggers.is_empty() || s.generic {
                // A sentence about an older event ("a similar operation in the past") lends
                // nothing to the current one.
                let supports = !s.generic
                    && !s.background
                    && (!s.zero.is_empty()
                        || !s.actors.is_empty()
                        || self.has_counted_quantity(i)
                        || !s.places.is_empty());
                if supports {
                    // A claim supports the incident it names: by place, else by kind.
                    let claimed = (!s.claimed.is_empty())
                        .then(|| {
                            frames
                                .iter()
                                .rposition(|g| {
                                    !g.background
                                        && s.places.iter().any(|&p| {
                                            g.places.iter().any(|&q| self.places_fit(p, q))
                                        })
                                })
                                .or_else(|| {
                                    frames.iter().rposition(|g| {
                                        !g.background
                                            && s.claimed.iter().any(|c| g.classes.contains(c))
                                    })
                                })
                        })
                        .flatten();
                    match claimed.or(current) {
                        Some(c) => {
                            // A frame that has no place yet takes the one its support names
                            // ("… récupérés dans la région de Tombouctou") before the story
                            // moves on to other places.
                            let f = &mut frames[c];
                            f.support.push(i);
                            if f.places.is_empty() && !f.background {
                                f.places = s.places.clone();
                            }
                            // ...and the day its support gives ("The wedding was held on
                            // Saturday in Gwoza town"), when the story's own sentences give none.
                            // (not the day of a statement: "On December 17, the general said
                            // the situation was normalising")
                            let says = self.opens_on_the_day_of_a_statement(i);
                            if f.date.is_none() && !f.background && !says {
                                if let Some(d) = self.sentence_date(i, None) {
                                    if d.precision == crate::model::TimePrecision::Day {
                                        let f = &mut frames[c];
                                        f.date = Some(d);
                                        f.date_source = Some(i);
                                    }
                                }
                            }
                        }
                        None => pending_support.push(i),
                    }
                }
                continue;
            }
            let classes = s.classes();
            let previous_date = self
                .day_counted_from(i)
                .or(current.and_then(|c| frames[c].date));
            let own_date = self.sentence_date(i, previous_date);
            let mut own_places = s.places.clone();
            let anaphoric = if own_places.is_empty() && s.anaphora {
                self.last_place_before(s.span.start)
            } else {
                None
            };
            if let Some(p) = anaphoric {
                own_places.push(p);
            }
            // "Une semaine après l'attaque du 6 septembre contre le poste, …, dimanche": the
            // earlier attack is an incident of its own, recalled in passing.
            if let Some((recalled, _)) = self.recalled(i) {
                let mut f = Frame::new(i, s);
                f.background = true;
                f.date = Some(recalled);
                f.date_source = Some(i);
                if let Some((_, _, places)) = &s.release_clause {
                    // The hostages' abduction, recalled in the release sentence.
                    let abduction: BTreeSet<TriggerClass> = [TriggerClass::Abduction].into();
                    f.classes = abduction.clone();
                    f.strong_classes = abduction.clone();
                    f.anchor_classes = abduction;
                    f.places = places.clone();
                }
                frames.push(f);
            }
            let strong = s.has_strong_trigger();
            // A weak trigger on a named target at a place of its own ("le camp de Boni a été
            // attaqué") reports an event, not the conflict in general.
            // Nor does one told with its own day at a place of its own ("des hommes armés ont
            // attaqué, le jeudi 6 janvier, le chef-lieu de la commune de Tébaram"), unless it
            // says when and where the story's event took place ("l'attaque a eu lieu jeudi").
            // (looked at only for a weak trigger at a place of its own)
            let dated_here = || {
                !s.occurred
                    && self.own_date_exprs(i).any(|d| {
                        matches!(
                            d,
                            dates::DateExpr::Full { .. }
                                | dates::DateExpr::DayMonth { .. }
                                | dates::DateExpr::Weekday { .. }
                        )
                    })
            };
            let concrete = strong
                || (!own_places.is_empty()
                    && (s
                        .hits
                        .iter()
                        .any(|h| matches!(h.category, Category::Target(_)))
                        || dated_here()));

            // "12 soldiers had also been wounded in Tuesday's attack": told like a
            // recollection, but of the very event being reported (same day, same place or
            // none): more about it, not an older incident.
            let same_event = frames.iter().rposition(|f| {
                !f.background
                    && matches!((own_date, f.date), (Some(a), Some(b)) if a.precision == crate::model::TimePrecision::Day && a.date == b.date)
                    && (own_places.is_empty()
                        || own_places
                            .iter()
                            .any(|&p| f.places.iter().any(|&q| self.places_fit(p, q))))
            });
            // "Attackers raided a Dogon village last week": a sentence that goes back weeks or
            // months to some other place recalls another incident.
            let recalled_elsewhere =
                !s.background && self.own_date_exprs(i).any(|d| {
                    matches!(d, dates::DateExpr::RelativeWeeks { weeks } if weeks < 0)
                        || matches!(d, dates::DateExpr::RelativeMonths { months, .. } if months < 0)
                }) && names_another_place(self.sentence_text(i));
            let background = s.background
                || recalled_elsewhere
                || self.opens_on_an_older_event_elsewhere(
                    i,
                    current.map(|c| &frames[c]),
                    &own_places,
                );
            if let (true, Some(c)) = (background, same_event) {
                frames[c].absorb(i, s);
                continue;
            }
            if background {
                // An older incident recalled in passing: its own frame, never the main one.
                let mut f = Frame::new(i, s);
                f.background = true;
                f.date = own_date;
                f.date_source = own_date.map(|_| i);
                // "These sites had already been attacked": the sites of the frame before —
                // unless the recollection is of some other place ("raided a Dogon village
                // last week", "une autre localité").
                if f.places.is_empty() && !names_another_place(self.sentence_text(i)) {
                    if let Some(c) = current {
                        f.places = frames[c].places.clone();
                    }
                }
                frames.push(f);
                continue;
            }

            // A release told inside a story: "the hostages were welcomed on Monday in Bamako"
            // after the release, "the driver was freed the next morning" after the abduction.
            let release_only = classes.iter().all(|c| *c == TriggerClass::Release);
            let release_joins = release_only
                && current.is_some_and(|c| {
                    let f = &frames[c];
                    !f.background
                        && (f.classes.contains(&TriggerClass::Release)
                            || f.classes.contains(&TriggerClass::Abduction))
                });
            // "Le bilan s'est alourdi à 12 morts": a later toll of the incident being told,
            // whatever date or place (where the source was reached) the sentence names.
            if let (true, Some(c)) = (s.update || release_joins, current) {
                let f = &mut frames[c];
                f.absorb(i, s);
                f.strong |= strong;
                // (its date and place only when the frame has none yet: a headline opened it)
                if f.date.is_none() && own_date.is_some() {
                    f.date = own_date;
                    f.date_source = Some(i);
                }
                if f.places.is_empty() {
                    f.places = own_places;
                }
                continue;
            }
            // "They refused to load for Gao and Bamako": bare town names (no "à", "near"…) in
            // a sentence that goes on about the same kind of event are not its place.
            if let Some(c) = current {
                let f = &frames[c];
                let bare = !s.places.is_empty()
                    && s.places
                        .iter()
                        .all(|&p| matches!(self.places[p].cue, Cue::None));
                if bare && !f.places.is_empty() && !classes.is_disjoint(&f.classes) {
                    own_places.retain(|p| !s.places.contains(p));
                }
            }
            let mut new_story = false;
            let target = match current {
                None => None,
                Some(c) => {
                    let f = &frames[c];
                    // "Dix otages ont été libérés jeudi … Le 13 août, onze personnes ont été
                    // enlevées": in a story of a release, the abduction told with its own day is
                    // the incident the release ends, not more about the release.
                    let abduction_told = !f.anchor_classes.is_empty()
                        && f.anchor_classes.iter().all(|c| *c == TriggerClass::Release)
                        && classes.contains(&TriggerClass::Abduction)
                        && matches!(
                            self.first_date_expr(i),
                            Some(dates::DateExpr::DayMonth { .. } | dates::DateExpr::Full { .. })
                        );
                    let date_conflict = abduction_told
                        || match (own_date, f.date) {
                            (Some(a), Some(b)) => !same_day(a, b),
                            // "dans la nuit du samedi au dimanche … Le jeudi dernier, trois
                            // militaires ont été tués": two days named differently are two events
                            // even when the page gives nothing to resolve them against.
                            _ => match (
                                self.first_date_match(i),
                                f.dated_sentences().find_map(|j| self.first_date_match(j)),
                            ) {
                                (Some(x), Some(y)) => {
                                    distinct_days(&self.dates[x].expr, &self.dates[y].expr)
                                        || self.distinct_weekdays(x, y)
                                }
                                _ => false,
                            },
                        };
                    // Towns are compared with the frame's towns: two towns of one cercle
                    // are two places even though both fit the cercle named first.
                    let town = |p: &usize| {
                        !matches!(self.places[*p].cue, Cue::Admin(_))
                            && self.place(*p).is_some_and(|r| r.geo_precision <= 2)
                    };
                    let own_towns: Vec<usize> = own_places.iter().copied().filter(town).collect();
                    let frame_towns: Vec<usize> = f.places.iter().copied().filter(town).collect();
                    let (mine, theirs) = if own_towns.is_empty() || frame_towns.is_empty() {
                        (&own_places, &f.places)
                    } else {
                        (&own_towns, &frame_towns)
                    };
                    let towns = !own_towns.is_empty() && !frame_towns.is_empty();
                    let fit = |p: usize, q: usize| {
                        if towns {
                            self.same_town(p, q)
                        } else {
                            self.places_fit(p, q)
                        }
                    };
                    // "BURKINA FASO — Six civils tués": a story of another country begins.
                    let other_country = s.leading_country.as_ref().is_some_and(|lc| {
                        let countries: Vec<&str> = f
                            .places
                            .iter()
                            .filter_map(|&p| self.place(p).map(|r| r.country_code.as_str()))
                            .collect();
                        !countries.is_empty() && !countries.contains(&lc.as_str())
                    });
                    let country_shift = own_places.is_empty() && other_country;
                    // (a new story does not inherit the last one's date)
                    new_story = other_country;
                    let place_conflict = country_shift
                        || (!mine.is_empty()
                            && !theirs.is_empty()
                            && !mine.iter().any(|&p| theirs.iter().any(|&q| fit(p, q))));
                    // Another kind of event at a place of its own: a new incident, unless the
                    // place is one of this frame's and the text has not moved on.
                    let last_par = f
                        .sentences
                        .last()
                        .map_or(0, |&l| self.sentences[l].paragraph);
                    let moved_on = place_conflict || s.paragraph > last_par + 1;
                    // "Meanwhile, France said one of its soldiers had died after his vehicle
                    // hit an IED": a turn to another incident, with a kind of event of its
                    // own, is a new incident even at the same place.
                    // ("Une autre attaque a eu lieu lundi dans le village tout proche de
                    // Sokorokanda": the same kind of event at another village is one too.)
                    let elsewhere = !own_places.is_empty()
                        && !own_places
                            .iter()
                            .any(|&p| f.places.iter().any(|&q| self.same_town(p, q)));
                    let earlier = self.tells_an_earlier_incident(i);
                    let turned =
                        (s.separate || earlier) && (!classes.is_subset(&f.classes) || elsewhere);
                    let new_kind = turned
                        || (classes.is_disjoint(&f.classes) && !own_places.is_empty() && moved_on);
                    let announcement_shift = !f.is_announcement()
                        && classes.iter().all(|c| !c.is_violent())
                        && self.sentence_has_date_words(i);
                    // "Les blessés ont été évacués vers le centre de santé de Douentza": the
                    // wounded of the story told, wherever they were taken.
                    let wounded_only = !classes.is_empty()
                        && classes.iter().all(|c| *c == TriggerClass::Injury)
                        && own_date.is_none()
                        && !f.background;
                    if wounded_only {
                        own_places.clear();
                        Some(c)
                    } else if date_conflict {
                        // Back to an earlier frame of that day and place, or a new one.
                        frames.iter().position(|g| {
                            !g.background
                                && g.date
                                    .is_some_and(|d| own_date.is_some_and(|o| same_day(d, o)))
                                && (own_places.is_empty()
                                    || g.places.is_empty()
                                    || own_places
                                        .iter()
                                        .any(|&p| g.places.iter().any(|&q| self.places_fit(p, q))))
                        })
                    } else if (place_conflict || new_kind) && concrete || announcement_shift {
                        // With no date of its own, the same kind of event at the place of a
                        // recalled incident goes on with that incident: "les deux
                        // hommes avaient été enlevés près de Kita" after the release sentence
                        // that recalled their abduction in the Kayes region.
                        if own_date.is_none() && !own_places.is_empty() && !new_story {
                            frames.iter().rposition(|g| {
                                g.background
                                    && !g.classes.is_disjoint(&classes)
                                    && own_places
                                        .iter()
                                        .any(|&p| g.places.iter().any(|&q| self.places_fit(p, q)))
                            })
                        } else {
                            None
                        }
                    } else if place_conflict && !concrete {
                        // A weak trigger somewhere else: talk about the conflict in general.
                        continue;
                    } else if f.is_announcement()
                        && classes.iter().any(|c| c.is_violent())
                        && own_date.is_none()
                    {
                        // Violence recalled in an announcement's frame belongs to the last
                        // violent frame of its kind (fighting and dead attackers to a battle).
                        let battle_like = |set: &BTreeSet<TriggerClass>| {
                            set.iter().any(|c| {
                                matches!(
                                    c,
                                    TriggerClass::Clash
                                        | TriggerClass::Overrun
                                        | TriggerClass::Ambush
                                )
                            })
                        };
                        let wants_battle = battle_like(&classes) || self.mentions_combatants(i);
                        frames
                            .iter()
                            .rposition(|g| {
                                !g.background
                                    && !g.is_announcement()
                                    && (!wants_battle || battle_like(&g.classes))
                            })
                            .or_else(|| {
                                frames
                                    .iter()
                                    .rposition(|g| !g.background && !g.is_announcement())
                            })
                            .or(Some(c))
                    } else {
                        Some(c)
                    }
                }
            };
            match target {
                Some(t) => {
                    let f = &mut frames[t];
                    // "…freed French hostages, who were kidnapped on May 1 in Benin", in a story
                    // of a church attack: another kind of event, whose date is not the story's.
                    let other_kind = !classes.is_empty()
                        && classes.is_disjoint(&f.classes)
                        && !classes.iter().any(|c| {
                            matches!(
                                c,
                                TriggerClass::Attack | TriggerClass::Killing | TriggerClass::Injury
                            )
                        });
                    f.absorb(i, s);
                    f.coordinated |= s.coordinated;
                    f.strong |= strong;
                    if f.date.is_none() && own_date.is_some() && !other_kind {
                        f.date = own_date;
                        f.date_source = Some(i);
                    }
                    for p in own_places {
                        if !f.places.contains(&p) {
                            f.places.push(p);
                        }
                    }
                    current = Some(t);
                }
                None => {
                    let mut f = Frame::new(i, s);
                    f.places = own_places;
                    if let (true, Some(p)) = (s.places.is_empty(), anaphoric) {
                        f.anaphoric_place = Some((p, i));
                    }
                    match own_date {
                        Some(d) => {
                            f.date = Some(d);
                            f.date_source = Some(i);
                        }
                        None => {
                            // Same story, next lines: the date carries over.
                            if let (Some(c), false) = (current, new_story) {
                                let prev = &frames[c];
                                let last_par = prev
                                    .sentences
                                    .last()
                                    .map(|&l| self.sentences[l].paragraph)
                                    .unwrap_or(0);
                                // ("plus tôt dans la matinée" is of the same day)
                                let same_day_told = self.tells_an_earlier_incident(i);
                                if s.paragraph <= last_par + 1
                                    && (same_day_told || !self.sentence_has_date_words(i))
                                {
                                    f.date = prev.date;
                                    f.date_source = prev.date_source;
                                }
                                if same_day_told {
                                    f.day_told_in = prev
                                        .dated_sentences()
                                        .find(|&j| self.first_date_match(j).is_some());
                                }
                            }
                        }
                    }
                    if frames.is_empty() && !pending_support.is_empty() {
                        f.support.append(&mut pending_support);
                    }
                    frames.push(f);
                    current = Some(frames.len() - 1);
                }
            }
        }
        if let (Some(first), Some((d, source))) = (frames.first_mut(), lead_date) {
            // (or only the month of the lead's day, from a later sentence: "… la troisième
            // attaque de ce mois de mars")
            let coarser = first.date.is_some_and(|x| {
                x.precision.slack_days() > d.precision.slack_days()
                    && chrono::Datelike::year(&x.date) == chrono::Datelike::year(&d.date)
                    && chrono::Datelike::month(&x.date) == chrono::Datelike::month(&d.date)
            });
            if (first.date.is_none() || coarser) && !first.background {
                first.date = Some(d);
                first.date_source = Some(source);
            }
        }
        // Figures found before any trigger belong to the first frame.
        if let (Some(first), false) = (frames.first_mut(), pending_support.is_empty()) {
            first.support.extend(pending_support);
        }
        // An event dated well before the article's date is recalled, not reported.
        if let Some(anchor) = self.anchor {
            for f in frames.iter_mut() {
                if f.date.is_some_and(|d| {
                    d.precision.slack_days() <= 7 && (anchor - d.date).num_days() > RECALL_DAYS
                }) {
                    f.background = true;
                }
            }
        }
        // "Ten years after the abduction of 276 students, parents gathered on Sunday to pray":
        // a day counted from the page, in a sentence that recalls an older incident, is the
        // day of what the page reports around it (a prayer, a statement), not the incident's.
        for f in frames.iter_mut() {
            let counted_from_page = f.date_source.is_some_and(|i| {
                self.sentences[i].dates.iter().all(|&d| {
                    matches!(
                        self.dates[d].expr,
                        dates::DateExpr::Weekday { .. } | dates::DateExpr::RelativeDays { .. }
                    )
                })
            });
            let recent = f
                .date
                .zip(self.anchor)
                .is_some_and(|(d, a)| (a - d.date).num_days() <= RECALL_DAYS);
            if f.background && self.sentences[f.anchor].background && counted_from_page && recent {
                f.date = None;
                f.date_source = None;
            }
        }
        // A recalled incident with no place of its own ("the same base had already been
        // attacked") happened where the story before it did.
        // (not one said to be somewhere else: "raided a Dogon village last week")
        for i in 0..frames.len() {
            if frames[i].background
                && frames[i].places.is_empty()
                && !names_another_place(self.sentence_text(frames[i].anchor))
            {
                if let Some(prev) = frames[..i].iter().rev().find(|g| !g.places.is_empty()) {
                    frames[i].places = prev.places.clone();
                }
            }
        }
        self.fold_headline_into_story(&mut frames);
        self.fold_restatements(&mut frames);
        // Support sentences may name the place when the frame's own sentences do not.
        for f in frames.iter_mut() {
            if f.places.is_empty() {
                let support_places: Vec<usize> = f
                    .support
                    .iter()
                    .flat_map(|&s| self.sentences[s].places.iter().copied())
                    .collect();
                f.places = support_places;
            }
        }
        frames
    }

    /// Is sentence `i` a headline: the article's title, or a line of its own near the top that
    /// does not end like a sentence?
    fn is_headline(&self, i: usize) -> bool {
        let Some(span) = self.doc.sentences.get(i) else {
            return false;
        };
        let text = self.doc.text.get(span.start..span.end).unwrap_or("").trim();
        if text.is_empty() {
            return false;
        }
        if self.doc.title.as_deref().is_some_and(|t| t.trim() == text) {
            return true;
        }
        let paragraph = self.sentences.get(i).map_or(usize::MAX, |s| s.paragraph);
        let whole_paragraph = self
            .doc
            .paragraphs
            .get(paragraph)
            .is_some_and(|p| self.doc.text.get(p.start..p.end).map(str::trim) == Some(text));
        paragraph < 3 && whole_paragraph && !text.ends_with(['.', '!', '?', '…', '»', '"', '”'])
    }

    /// A headline summarises the story told under it, often with a vaguer place ("un village
    /// près de Tombouctou" above "le village de Chorfa, cercle de Tombouctou"): when the first
    /// frame is only the headline and the next one tells an event of the same kind, on a date
    /// that fits, somewhere inside the headline's area, they are one incident.
    fn fold_headline_into_story(&self, frames: &mut Vec<Frame>) {
        if frames.len() < 2 {
            return;
        }
        let (h, b) = (&frames[0], &frames[1]);
        let headline_only = h.sentences.iter().all(|&i| self.is_headline(i));
        if !headline_only || h.background || b.background {
            return;
        }
        let dates_fit = match (h.date, b.date) {
            (Some(x), Some(y)) => same_day(x, y),
            _ => true,
        };
        let violent = |f: &Frame| f.classes.iter().any(|c| c.is_violent());
        let kinds_fit = !h.classes.is_disjoint(&b.classes) || (violent(h) && violent(b));
        let area = |p: usize| {
            self.place(p)
                .and_then(|r| r.admin2.clone().or(r.admin1.clone()))
        };
        let places_fit = h.places.is_empty()
            || b.places.is_empty()
            || h.places.iter().any(|&p| {
                b.places
                    .iter()
                    .any(|&q| self.places_fit(p, q) || (area(p).is_some() && area(p) == area(q)))
            });
        if !(dates_fit && kinds_fit && places_fit) {
            return;
        }
        let mut h = frames.remove(0);
        let b = &mut frames[0];
        // (the headline's sentences first)
        let mut sentences = std::mem::take(&mut h.sentences);
        sentences.append(&mut b.sentences);
        b.sentences = sentences;
        if b.date.is_none() {
            b.date = h.date;
            b.date_source = h.date_source;
        }
        if b.places.is_empty() {
            b.places = std::mem::take(&mut h.places);
        }
        b.take_in(h);
    }

    /// "Quatorze fidèles ont été tués dimanche à Hantoukoura … « Dans la journée du premier
    /// décembre, une église du village de Hantoukoura a été victime d'une attaque »": a later
    /// frame of the same kind of event, on the same day at the same town as an earlier one,
    /// tells that event again (a quote, a recap after an aside): one incident, not two. So
    /// does an earlier frame of an older incident recalled in passing, told again as a story.
    fn fold_restatements(&self, frames: &mut Vec<Frame>) {
        let town = |p: usize| self.place(p).is_some_and(|r| r.geo_precision == 1);
        let day = |f: &Frame| {
            f.date
                .filter(|d| d.precision == crate::model::TimePrecision::Day)
                .map(|d| d.date)
        };
        // (killings told once as an attack: "tués" and "victime d'une attaque"; not a battle
        // and the abduction of travellers the same day, two events)
        let killing = |f: &Frame| {
            f.classes.iter().all(|c| {
                matches!(
                    c,
                    TriggerClass::Attack | TriggerClass::Killing | TriggerClass::Injury
                )
            })
        };
        let mut i = 1;
        while i < frames.len() {
            let b = &frames[i];
            let towns: Vec<usize> = b.places.iter().copied().filter(|&p| town(p)).collect();
            // (a recalled incident told again is that incident: it joins an earlier frame
            // that is recalled too, never the story's)
            let target = (!towns.is_empty() && day(b).is_some())
                .then(|| {
                    frames[..i].iter().position(|a| {
                        (a.background || !b.background)
                            && day(a) == day(b)
                            && (!a.classes.is_disjoint(&b.classes) || (killing(a) && killing(b)))
                            && towns
                                .iter()
                                .all(|&p| a.places.iter().any(|&q| town(q) && self.same_town(p, q)))
                    })
                })
                .flatten();
            match target {
                // Told first in passing as an older incident (a verdict's lead: "condamnés
                // pour avoir tué sept élèves à Barassoro, une école attaquée le 24 octobre"), then told as a story: the story's frame takes the passing one in.
                Some(t) if frames[t].background && !frames[i].background => {
                    let a = frames.remove(t);
                    let b = &mut frames[i - 1];
                    b.coordinated |= a.coordinated;
                    b.take_in(a);
                }
                Some(t) => {
                    let b = frames.remove(i);
                    let a = &mut frames[t];
                    a.coordinated |= b.coordinated;
                    a.take_in(b);
                }
                None => i += 1,
            }
        }
    }

    /// Does sentence `i` count fighters or soldiers?
    fn mentions_combatants(&self, i: usize) -> bool {
        self.sentences[i].quantities.iter().any(|&q| {
            matches!(
                self.noun_after(q),
                Some(NounClass::Attacker | NounClass::Soldier)
            )
        })
    }

    /// Does sentence `i` hold a number that counts people?
    pub fn has_counted_quantity(&self, i: usize) -> bool {
        let s = &self.sentences[i];
        s.quantities.iter().any(|&q| self.noun_after(q).is_some())
    }

    /// The count-noun class right after quantity `q` ("150 combattants", "160 armed men").
    pub fn noun_after(&self, q: usize) -> Option<NounClass> {
        let qm = &self.quantities[q];
        let end = qm.span.end;
        let sentence = &self.sentences[sentences_partition(&self.doc.sentences, qm.span.start)?];
        let next_quantity = self
            .quantities
            .get(q + 1)
            .map_or(usize::MAX, |n| n.span.start);
        // An indefinite article ("un", "une", "a", "an") counts one only when a count noun is
        // the very next word ("un soldat"), not in "un convoi militaire" or "a local official".
        let surface = self.doc.text.get(qm.span.start..qm.span.end).unwrap_or("");
        let article = ["un", "une", "a", "an"]
            .iter()
            .any(|w| surface.eq_ignore_ascii_case(w));
        // "plusieurs d'entre eux", "four of them", "dont trois": the count noun before.
        let after = self.doc.text.get(end..sentence.span.end).unwrap_or("");
        let partitive = PARTITIVES.iter().any(|p| {
            after
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        });
        if partitive {
            return sentence.hits.iter().rev().find_map(|h| match h.category {
                Category::Noun(class) if h.span.end <= qm.span.start => Some(class),
                _ => None,
            });
        }
        let found = sentence.hits.iter().find_map(|h| match h.category {
            Category::Noun(class) if h.span.start >= end && h.span.start < next_quantity => {
                let between = self.doc.text.get(end..h.span.start).unwrap_or(",");
                if article {
                    // "killed a Bambara shopkeeper", "a retired gendarme": one word that
                    // qualifies a person may sit between (not "a local official", who speaks).
                    let qualifier = between.trim();
                    let one_word = !qualifier.contains(char::is_whitespace)
                        && qualifier.chars().all(|c| c.is_alphabetic() || c == '-');
                    let qualifies = one_word
                        && (qualifier.starts_with(char::is_uppercase)
                            || matches!(
                                crate::lexicon::fold(qualifier).as_str(),
                                "retired"
                                    | "former"
                                    | "young"
                                    | "elderly"
                                    | "ancien"
                                    | "jeune"
                                    | "vieil"
                                    | "vieux"
                            ));
                    return (qualifier.is_empty() || qualifies).then_some(class);
                }
                let is_head = qm.noun.is_some_and(|n| n.start == h.span.start);
                // Or nothing but two small words ("de", "d'", "of", an adjective) between —
                // not for a number that could be a year ("l'accord de paix de 2015 avec les
                // rebelles"), which counts people only with its noun right after it.
                let close = !qm.year_like
                    && between.split_whitespace().count() <= 2
                    && between.len() <= 20
                    && !between.contains([',', ';', '.', ':', '(']);
                (is_head || close).then_some(class)
            }
            _ => None,
        });
        // The count noun found is the number's own head word ("cinq soldats"), not one a few
        // words on ("une cinquantaine selon des habitants").
        let own_head = qm.noun.is_some_and(|n| {
            sentence.hits.iter().any(|h| {
                h.span.start == n.start
                    && matches!(h.category, Category::Noun(c) if Some(c) == found)
            })
        });
        if own_head && found != Some(NounClass::Person) {
            return found;
        }
        // "the death toll rose to 51", "a toll of 51", "le bilan est passé à 51": with no
        // noun of its own, a toll's figure counts the dead.
        if found.is_none() && !qm.year_like && !article {
            let before = crate::lexicon::fold_before(&self.doc.text, qm.span.start, 48);
            let words: Vec<&str> = before.split_whitespace().rev().take(6).collect();
            let toll = words.iter().any(|w| matches!(*w, "toll" | "bilan"));
            let linked = words
                .first()
                .is_some_and(|w| matches!(*w, "to" | "at" | "of" | "a" | "de"));
            if toll && linked {
                return Some(NounClass::Dead);
            }
        }
        // In apposition to the attackers: "les ravisseurs, une centaine selon un habitant",
        // "the attackers, about twenty men on motorbikes".
        let apposition = sentence.hits.iter().rev().find_map(|h| match h.category {
            Category::Noun(NounClass::Attacker) if h.span.end <= qm.span.start => Some(h.span.end),
            _ => None,
        });
        match apposition {
            Some(noun_end)
                if matches!(
                    self.doc.text.get(noun_end..qm.span.start).map(str::trim),
                    Some("," | "(" | "—" | "–")
                ) =>
            {
                Some(NounClass::Attacker)
            }
            _ => found,
        }
    }
}

/// Auxiliaries between an event word and a claim of responsibility in the passive ("le rapt
/// avait été revendiqué", "the attack was claimed").
const PASSIVE_AUXILIARIES: &[&str] = &[
    "a ete",
    "avait ete",
    "ont ete",
    "avaient ete",
    "a deja ete",
    "n'a pas ete",
    "was",
    "has been",
    "had been",
    "was not",
    "has not been",
];

/// Between a relative date and an event word that refers back to an event already told ("le
/// lendemain de l'enlèvement", "la veille de l'attaque", "the day after the raid").
const BACK_REFERENCES: &[&str] = &["de l'", "du", "de la", "des", "d'", "the", "of the"];

/// Words that make a date situate the event rather than date it.
const RELATIVE_WORDS: &[&str] = &["apres", "after", "depuis", "since", "avant", "before"];

/// An event dated more than this many days before publication is a recollection.
const RECALL_DAYS: i64 = 60;

/// How many sentences back "two days later" looks for the day it counts from.
const DAY_COUNTED_FROM_SENTENCES: usize = 4;

/// How far (bytes) from a word of taking the position taken may be named ("overran the army
/// base", "the old camp was overrun").
const TAKEN_POSITION_BYTES: usize = 30;

/// What follows a number that counts a group named before it ("plusieurs d'entre eux",
/// "four of them", "ten soldiers, three of whom").
const PARTITIVES: &[&str] = &[
    " d'entre eux",
    " d'entre elles",
    " d’entre eux",
    " d’entre elles",
    " of them",
    " of whom",
    " parmi eux",
    " parmi elles",
];

/// The sentence opens on its event words in the plural after a definite article ("The aerial
/// bombardments took place…", "Ces attaques ont visé…"): they refer back to events already named.
fn refers_back_in_plural(text: &str, sentence: Span, trigger: Span) -> bool {
    let Some(before) = text.get(sentence.start..trigger.start) else {
        return false;
    };
    let Some(word) = text.get(trigger.start..trigger.end) else {
        return false;
    };
    let before = crate::lexicon::fold(before);
    let words: Vec<&str> = before.split_whitespace().collect();
    let plural = word.ends_with('s') || word.ends_with('x');
    plural
        && words.len() <= 3
        && words.first().is_some_and(|w| {
            matches!(
                *w,
                "the" | "these" | "those" | "such" | "ces" | "les" | "de" | "tels" | "telles"
            )
        })
}

/// "qu'il emmène chacun à faire des concessions": taking someone to do something (a verb in
/// the infinitive after "à") is leading, not abducting.
fn leads_to_do(text: &str, end: usize) -> bool {
    static TO_DO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\s+(?:\p{L}+\s+){0,2}[àa]\s+\p{L}+(?:er|ir|re)\b")
            .expect("lead-to-do pattern")
    });
    text.get(end..(end + 60).min(text.len()))
        .or_else(|| text.get(end..))
        .is_some_and(|after| TO_DO.is_match(after))
}

/// "le groupe armé UFR emmené par Timan Erdimi", "une délégation emmenée par le ministre": a
/// group, a column or a delegation "emmené par" someone is led by them, not carried off.
fn group_led_by(text: &str, word: Span) -> bool {
    let after = text.get(word.end..).unwrap_or("");
    let by = after
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("par"));
    by && crate::lexicon::fold_before(text, word.start, 90)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(10)
        .any(|w| {
            matches!(
                w,
                "groupe"
                    | "groupes"
                    | "mouvement"
                    | "colonne"
                    | "coalition"
                    | "rebellion"
                    | "delegation"
                    | "equipe"
                    | "mission"
                    | "cortege"
            )
        })
}

/// "aucun échange de tirs", "no fighting", "sans combat": the event did not happen.
fn negated(text: &str, start: usize) -> bool {
    let before = crate::lexicon::fold_before(text, start, 14);
    let words: Vec<&str> = before.split_whitespace().collect();
    words.iter().rev().take(2).any(|w| {
        matches!(
            *w,
            "aucun"
                | "aucune"
                | "no"
                | "sans"
                | "without"
                | "pas"
                | "never"
                | "jamais"
                | "ni"
                | "nor"
        )
    })
}

/// The clause of a sentence that sets an earlier event beside the story's ("comes two months
/// after …", "survient une semaine après …", "came days after …"): from "after" to the end of
/// the sentence, when a verb of coming shortly precedes it.
fn comes_after_clause(text: &str, sentence: Span) -> Option<Span> {
    static COMES_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:comes?|came|coming|survient|survenue?|intervient|intervenue?|arrive)\b[^.;:]{0,40}?\b(after|apr[eè]s)\b",
        )
        .expect("comes-after pattern")
    });
    // "The incident, which occurred two months after militants killed six aid workers",
    // "l'attaque s'est produite trois jours après …": with the distance said, the same.
    static HAPPENED_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:occurred|occurs|took place|happened|s'est produite?|s’est produite?|a eu lieu)\s+(?:(?:only|just|some|about|seulement|environ|quelque|quelques)\s+)?(?:\d+|a|one|two|three|four|five|six|a few|several|un|une|deux|trois|quatre|cinq|six|plusieurs)\s+(?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans?|années?)\s+(after|apr[eè]s)\b",
        )
        .expect("happened-after pattern")
    });
    aside_from(&COMES_AFTER, text, sentence).or_else(|| aside_from(&HAPPENED_AFTER, text, sentence))
}

/// From where `pattern`'s first group starts to the end of the sentence: an aside that tells
/// another event.
fn aside_from(pattern: &regex::Regex, text: &str, sentence: Span) -> Option<Span> {
    let s = text.get(sentence.start..sentence.end)?;
    let m = pattern.captures(s)?.get(1)?;
    Some(Span::new(sentence.start + m.start(), sentence.end))
}

/// "…, au nord de Diffa, théâtre d'un attentat-suicide mercredi", "Boulkessi, the scene of a
/// suicide bombing on Wednesday": a place described by another event it saw, from the words
/// that say so to the end of the sentence. Told in passing, with at most a weekday, it is not
/// an incident the reader can place or date.
fn scene_of_clause(text: &str, sentence: Span) -> Option<Span> {
    static SCENE_OF: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?:,|\bthe|\ble)\s*(th[ée][aâ]tre\s+(?:depuis\s|d['’]une?\b|de\s+(?:nombreu|plusieurs|multiples|fr[ée]quent|r[ée]current))|(?:scene|site)\s+of\s+(?:an?|several|many|repeated|frequent|recurrent)\b)",
        )
        .expect("scene-of pattern")
    });
    aside_from(&SCENE_OF, text, sentence)
}

/// "the first jihadist assault on Ivorian soil since March 2016, when a raid on Grand-Bassam
/// left 19 people dead", "la première depuis mars 2016, lorsque …": the event of the "when"
/// clause is the older one a period is counted from, told for comparison — from "since" to the
/// end of the sentence.
fn since_when_clause(text: &str, sentence: Span) -> Option<Span> {
    static SINCE_WHEN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(since|depuis)\b[^.;:]{0,40}?,\s*(?:when\b|lorsque\b|lorsqu['’]|quand\b|où\b)",
        )
        .expect("since-when pattern")
    });
    aside_from(&SINCE_WHEN, text, sentence)
}

fn vote(votes: &mut Vec<(String, usize)>, code: &str, weight: usize) {
    match votes.iter_mut().find(|v| v.0 == code) {
        Some(v) => v.1 += weight,
        None => votes.push((code.to_string(), weight)),
    }
}

/// Index of the last sentence starting at or before `pos`.
fn sentences_partition(sentences: &[Span], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.start <= pos);
    i.checked_sub(1)
}

/// Same day within the precision of the two dates.
pub fn same_day(a: EventDate, b: EventDate) -> bool {
    let slack = a.precision.slack_days().max(b.precision.slack_days());
    (a.date - b.date).num_days().abs() <= slack
}

/// How far apart two places of one country are (none when either has no point or they lie in
/// two countries).
fn km_in_one_country(a: &ResolvedPlace, b: &ResolvedPlace) -> Option<f64> {
    match (a.latitude, a.longitude, b.latitude, b.longitude) {
        (Some(la), Some(oa), Some(lb), Some(ob)) if a.country_code == b.country_code => {
            Some(vigie_geo::distance_km(la, oa, lb, ob))
        }
        _ => None,
    }
}

/// Is `place` filed under a unit whose folded name is `unit` (at any level)?
fn filed_under(place: &ResolvedPlace, unit: &str) -> bool {
    [
        &place.admin1,
        &place.admin1_new,
        &place.admin2,
        &place.admin3,
    ]
    .iter()
    .any(|u| {
        u.as_deref()
            .is_some_and(|u| crate::lexicon::fold(u) == unit)
    })
}

/// Same place, within a few km, or one is an administrative unit containing the other.
pub fn places_fit(a: &ResolvedPlace, b: &ResolvedPlace) -> bool {
    if a.place_id.is_some() && a.place_id == b.place_id {
        return true;
    }
    if a.country_code == b.country_code
        && a.geo_precision == b.geo_precision
        && crate::lexicon::fold(&a.location) == crate::lexicon::fold(&b.location)
    {
        return true;
    }
    if a.country_code != b.country_code {
        return false;
    }
    if let (Some(la), Some(oa), Some(lb), Some(ob)) =
        (a.latitude, a.longitude, b.latitude, b.longitude)
    {
        if vigie_geo::distance_km(la, oa, lb, ob) <= 15.0 {
            return true;
        }
    }
    let contains = |outer: &ResolvedPlace, inner: &ResolvedPlace| {
        outer.geo_precision >= 2 && filed_under(inner, &crate::lexicon::fold(&outer.location))
    };
    contains(a, b) || contains(b, a)
}

/// A bare name followed by the kind of site it names ("the Bamba checkpoint", "Kidal's
/// outskirts", "the Boni camp") is where something happened: the noun after it says so, as a
/// preposition before it would.
fn names_a_site(after: &str) -> bool {
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("\u{2019}s"))
        .unwrap_or(after);
    let word: String = after
        .trim_start_matches([' ', '-'])
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect::<String>()
        .to_lowercase();
    matches!(
        word.as_str(),
        "camp"
            | "base"
            | "checkpoint"
            | "check-point"
            | "checkpost"
            | "post"
            | "garrison"
            | "barracks"
            | "market"
            | "outskirts"
            | "mine"
            | "gendarmerie"
            | "police"
            | "village"
            | "town"
    )
}

/// Two date expressions that cannot name the same day: two weekdays, two days of a month or
/// two full dates that differ.
fn distinct_days(x: &dates::DateExpr, y: &dates::DateExpr) -> bool {
    use dates::DateExpr::*;
    match (x, y) {
        (Weekday { weekday: a, .. }, Weekday { weekday: b, .. }) => a != b,
        (DayMonth { month: m, day: d }, DayMonth { month: n, day: e }) => (m, d) != (n, e),
        (Full { .. }, Full { .. }) => x != y,
        _ => false,
    }
}

/// A sentence that speaks of a place it does not name, other than the one being told: "a
/// village", "un village voisin", "another town", "une autre localité".
fn names_another_place(sentence: &str) -> bool {
    static OTHER_PLACE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\b(?:a|an|another|un|une|autre|other)\s+(?:[a-z'-]+\s+)?(?:village|villages|town|hamlet|locality|localite|ville|hameau|bourgade|settlement)\b",
        )
        .expect("other-place pattern")
    });
    OTHER_PLACE.is_match(&crate::lexicon::fold(sentence))
}

/// "localité minière située dans le nord…", "a mining town in…": an apposition that names what
/// kind of place the name before it is; or a relative clause about that place or group ("…, où
/// les islamistes multiplient les exactions", "…, where attacks are frequent").
fn place_apposition(after_comma: &str) -> bool {
    const RELATIVES: &[&str] = &["où", "where", "qui", "which", "who"];
    const ARTICLES: &[&str] = &["une", "un", "la", "le", "l'", "a", "an", "the"];
    const PLACES: &[&str] = &[
        "localité",
        "localite",
        "ville",
        "commune",
        "village",
        "bourgade",
        "zone",
        "région",
        "region",
        "chef-lieu",
        "town",
        "city",
        "area",
        "district",
        "locality",
        "community",
    ];
    let mut words = after_comma
        .split(|c: char| c.is_whitespace() || c == '\u{2019}')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    let mut first = words.next().unwrap_or_default();
    if RELATIVES.contains(&first.as_str()) {
        return true;
    }
    if ARTICLES.contains(&first.as_str()) {
        first = words.next().unwrap_or_default();
    }
    // ("a mining town", "une petite ville": one adjective before the noun)
    let second = words.next().unwrap_or_default();
    PLACES.contains(&first.as_str()) || PLACES.contains(&second.as_str())
}
