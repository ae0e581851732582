//! From a frame to mentions: the ACLED type by order of precedence, actors, targets, figures,
//! the place (one mention per site of a coordinated operation) and a claim for every value.

use super::communities::Community;
use super::frames::{places_fit, Analysis, Frame, Sentence};
use super::scan::{Category, CueKind, NounClass, Scanner, TriggerClass};
use crate::model::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// The mentions of one frame.
pub fn mentions_of(
    a: &Analysis,
    frame: &Frame,
    frame_index: usize,
    next_ordinal: &mut u32,
) -> Vec<Mention> {
    let sentences: Vec<usize> = {
        let mut v: Vec<usize> = frame.all_sentences().collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let targets = targets_of(a, &frame.sentences, frame.background);
    let mut counts = counts_of(a, &sentences, frame.background);
    supersede_provisional(a, &mut counts);
    headline_restates_body(a, &mut counts);
    let Perpetrator {
        actor1,
        assoc1,
        people,
        claims: actor_claims,
        attacked_group,
        escort,
        from_article,
        foreign,
    } = perpetrator(a, &sentences, frame.background, frame_country(a, frame));
    // Communal violence ("des affrontements entre Peuls et Dogons") that names no armed group
    // of its own is fought between the communities' militias, as ACLED codes it.
    // (not when the frame blames attackers it does not name: "assassinated by presumed
    // jihadists; the locality had seen communal violence between Peuls and Dogons")
    let communities = ((actor1.is_none() || from_article)
        && !blames_unnamed_attackers(a, &sentences))
    .then(|| communities_at_odds(a, &sentences))
    .flatten();
    // A military position attacked is held by the state forces the article names, even when
    // the frame's sentences do not ("the same base had already been attacked").
    let position_attacked = targets.iter().any(|t| {
        matches!(
            t.kind,
            TargetKind::MilitaryBase
                | TargetKind::Checkpoint
                | TargetKind::BorderPost
                | TargetKind::Patrol
        )
    });
    let all_sentences: Vec<usize> = (0..a.sentences.len())
        .filter(|&s| !a.sentences[s].generic)
        .collect();
    let state_opponent = state_actor(a, &sentences, actor1.as_ref()).or_else(|| {
        position_attacked
            .then(|| state_actor(a, &all_sentences, actor1.as_ref()))
            .flatten()
    });
    let keys = keys_of(a, &frame.sentences, frame);
    let wording: Vec<&str> = sentences
        .iter()
        .map(|&s| a.doc.sentence_text(a.sentences[s].span))
        .collect();
    let passage_marks = crate::incidents::copies::passage_marks(&wording.join(" "));

    // Which kinds of event the frame holds: usually one; a raid on a base that also carries
    // off civilians is a battle and an abduction (two ACLED events).
    let victims_civilian = counts.iter().any(|c| c.field == "abducted")
        || targets.iter().any(|t| {
            matches!(
                t.kind,
                TargetKind::Civilians | TargetKind::IndustrialSite | TargetKind::Village
            )
        });
    let military_target = targets.iter().any(|t| {
        matches!(
            t.kind,
            TargetKind::MilitaryBase | TargetKind::Checkpoint | TargetKind::BorderPost
        )
    });
    let breakdown = toll_breakdown_sides(a, &frame.sentences);
    // (a rebel group or a political militia, not a community's militia)
    let armed_group_victim = attacked_group
        .as_ref()
        .is_some_and(|g| matches!(g.kind, ActorKind::RebelGroup | ActorKind::PoliticalMilitia));
    let primary = classify(
        frame,
        &targets,
        &counts,
        actor1.as_ref(),
        breakdown,
        Sides {
            state_opponent: state_opponent.is_some() || attacked_group.is_some(),
            armed_group_victim,
            crowd_assault: crowd_assault(a, frame.anchor),
            crowd_vs_police: frame.sentences.iter().any(|&si| clash_with_police(a, si)),
            unopposed: unopposed(a, frame),
        },
    );
    let Some(mut primary) = primary else {
        return Vec::new();
    };
    // (the dead of violence between two communities fell on both sides: a clash; violence
    // called communal with one side killed, "one Bambara killed in communal violence", stays
    // an attack by the other community's militia)
    if primary == SubEventType::Attack
        && communities
            .as_ref()
            .is_some_and(|(_, _, second)| second.is_some())
    {
        primary = SubEventType::ArmedClash;
    }
    let split = primary.event_type() == EventType::Battles
        && effective_classes(frame).contains(&TriggerClass::Abduction)
        && victims_civilian
        && military_target;
    let mut kinds = vec![primary];
    if split {
        kinds.push(SubEventType::AbductionForcedDisappearance);
    }

    // Places: one per site of a coordinated operation, else the most specific one.
    let sites = sites_of(a, frame);
    // "All were fleeing Boko Haram attacks that destroyed their villages", "resorting to
    // suicide bomb attacks": with no day, no figure, no place below a region and no particular
    // target, violence is told in general, not reported as an event.
    let located = sites
        .iter()
        .chain(frame.anaphoric_place.as_ref().map(|(p, _)| p))
        .any(|&p| a.place(p).is_some_and(|r| r.geo_precision < 3));
    let particular_target = targets.iter().any(|t| {
        !matches!(
            t.kind,
            TargetKind::Village | TargetKind::Civilians | TargetKind::Vehicle
        )
    });
    if frame.date.is_none() && counts.is_empty() && !located && !particular_target {
        return Vec::new();
    }
    let operation = (sites.len() > 1).then(|| {
        format!(
            "op-{}",
            short_hash(&[
                &a.doc.reference,
                &a.doc.content_hash,
                &frame_index.to_string()
            ])
        )
    });
    let country = sites
        .first()
        .and_then(|&p| a.place(p).map(|r| r.country_code.clone()))
        .or_else(|| a.country.clone());
    let country_name = country
        .as_deref()
        .and_then(vigie_geo::country_name)
        .unwrap_or("");

    let mut out = Vec::new();
    for kind in kinds {
        let site_list: Vec<Option<usize>> = if sites.is_empty() {
            vec![None]
        } else {
            sites.iter().map(|&s| Some(s)).collect()
        };
        for (site_no, site) in site_list.iter().enumerate() {
            let anaphoric = frame.anaphoric_place.map(|(p, _)| p);
            let mut place = site.and_then(|p| a.place(p).cloned()).map(|mut r| {
                if anaphoric == *site {
                    r.geo_precision = r.geo_precision.max(2);
                }
                r
            });
            if place.is_none() {
                if let Some((p, _)) = frame.anaphoric_place {
                    place = a.place(p).cloned().map(|mut r| {
                        r.geo_precision = r.geo_precision.max(2);
                        r
                    });
                }
            }
            if place.is_none() {
                // Known only at country level: no point, but the country is kept for linking.
                place = country.as_ref().map(|code| ResolvedPlace {
                    location: country_name.to_string(),
                    place_id: None,
                    country: country_name.to_string(),
                    country_code: code.clone(),
                    admin1: None,
                    admin1_new: None,
                    admin2: None,
                    admin3: None,
                    latitude: None,
                    longitude: None,
                    geo_precision: 3,
                });
            }
            let mut claims: Vec<Claim> = Vec::new();
            if let (Some(d), Some(src)) = (frame.date, frame.date_source) {
                claims.push(sentence_claim(
                    a,
                    src,
                    "date",
                    ClaimValue::Text(d.date.to_string()),
                ));
            }
            if let (Some(p), Some(r)) = (site, &place) {
                let sentence = a.sentences.iter().position(|s| {
                    s.span
                        .contains(Span::new(a.places[*p].start, a.places[*p].end))
                });
                if let Some(s) = sentence {
                    claims.push(sentence_claim(
                        a,
                        s,
                        "location",
                        ClaimValue::Text(r.location.clone()),
                    ));
                }
            }
            claims.push(sentence_claim(
                a,
                frame.anchor,
                "event_type",
                ClaimValue::Text(kind.label().to_string()),
            ));
            let is_abduction_split =
                kind == SubEventType::AbductionForcedDisappearance && primary != kind;
            // Figures: the first site carries the operation's figures; an abduction split
            // carries the abducted, the battle the rest.
            if site_no == 0 {
                for c in &counts {
                    let wanted = if is_abduction_split {
                        c.field == "abducted"
                    } else if split {
                        c.field != "abducted"
                    } else {
                        true
                    };
                    if wanted {
                        claims.push(c.clone());
                    }
                }
            }
            let civilian_victims = kind.event_type() == EventType::ViolenceAgainstCivilians;
            let civilians = Some(Actor {
                name: format!("Civilians ({country_name})"),
                kind: ActorKind::Civilians,
                parent: None,
            })
            .filter(|_| !country_name.is_empty());
            // (and a position taken without a fight: someone armed took it)
            let violent = matches!(
                kind.event_type(),
                EventType::Battles
                    | EventType::ViolenceAgainstCivilians
                    | EventType::ExplosionsRemoteViolence
            ) || kind == SubEventType::NonViolentTransferOfTerritory;
            let actor1 = match kind {
                // A base opened by state forces is theirs.
                SubEventType::HeadquartersOrBaseEstablished => {
                    state_actor(a, &sentences, None).or_else(|| actor1.clone())
                }
                // A curfew, a ban, a release: announced by the authorities the frame names,
                // unless it names a group of its own.
                SubEventType::ChangeToGroupActivity
                | SubEventType::Other
                | SubEventType::Agreement
                    if from_article || actor1.is_none() =>
                {
                    announcing_authority(a, &sentences).or_else(|| actor1.clone())
                }
                // Air and drone strikes in these reports are flown by the state's air forces.
                // (or by foreign forces when the frame names them: "a Barkhane air strike")
                // (and when no force is named — "a military air strike" — by the state's: the
                // "terrorists" it targeted did not fly it)
                SubEventType::AirDroneStrike => actor1
                    .clone()
                    .filter(|x| x.kind == ActorKind::External)
                    .or_else(|| foreign.clone())
                    .or_else(|| state_actor(a, &all_sentences, None))
                    // ("un avion de l'armée de l'air a bombardé par erreur un camp de déplacés
                    // ayant fui Boko Haram": a military aircraft flew it, whoever else is named)
                    .or_else(|| {
                        military_aircraft(a, &sentences)
                            .then(|| country_forces(a))
                            .flatten()
                    })
                    .or_else(|| {
                        actor1
                            .clone()
                            .filter(|x| !x.name.starts_with("Unidentified"))
                    })
                    .or_else(|| country_forces(a)),
                // An arrest is made by the state: the forces the frame names, else its
                // police, as ACLED codes an arrest whose text names no one making it ("the
                // former president was arrested", "l'opposant a été interpellé").
                SubEventType::Arrests => actor1
                    .clone()
                    .or_else(|| state_actor(a, &sentences, None))
                    .or_else(|| country_state_forces(country_name, "Police Forces of")),
                // A bomb is never the state's: forces made the agent of a bombing story
                // stopped it ("arrêtée par l'armée", "destroyed by army drone fire").
                SubEventType::SuicideBomb | SubEventType::RemoteExplosiveLandmineIed => {
                    actor1.clone().filter(|x| x.kind != ActorKind::StateForces)
                }
                _ => actor1.clone(),
            }
            // Violence with no group named: an unidentified armed group.
            .or_else(|| violent.then(unidentified_group).flatten());
            // ACLED names the crowd itself: "Protesters (Mali)", "Rioters (Mali)".
            let crowd = |label: &str, kind: ActorKind| {
                Some(Actor {
                    name: format!("{label} ({country_name})"),
                    kind,
                    parent: None,
                })
                .filter(|_| !country_name.is_empty())
            };
            let actor1 = match kind.event_type() {
                EventType::Protests => crowd("Protesters", ActorKind::Protesters),
                EventType::Riots => actor1
                    .filter(|x| x.kind == ActorKind::Rioters)
                    .or_else(|| crowd("Rioters", ActorKind::Rioters)),
                _ => actor1,
            };
            let actor2 = if civilian_victims || kind == SubEventType::MobViolence {
                civilians
            } else if matches!(
                kind,
                SubEventType::ProtestWithIntervention
                    | SubEventType::ExcessiveForceAgainstProtesters
            ) {
                // The forces that broke up the protest.
                state_opponent
                    .clone()
                    .or_else(|| state_actor(a, &sentences, None))
            } else if kind.event_type() == EventType::Battles
                || kind.event_type() == EventType::ExplosionsRemoteViolence
            {
                // The group the text says was attacked, else the state forces in the frame.
                attacked_group
                    .clone()
                    .or_else(|| state_opponent.clone())
                    .filter(|s| Some(s) != actor1.as_ref())
                    .or_else(|| {
                        // State forces striking civilians.
                        let state = actor1
                            .as_ref()
                            .is_some_and(|x| x.kind == ActorKind::StateForces);
                        // People killed, not said to be fighters, count as civilians.
                        let people_dead = counts.iter().any(|c| {
                            c.field == "fatalities"
                                && matches!(
                                    c.victims,
                                    Some(Victims::Civilians | Victims::Unspecified)
                                )
                                && count_positive(c)
                        });
                        (state && (victims_civilian || people_dead))
                            .then_some(civilians)
                            .flatten()
                    })
                    // A clash has two sides: "MSA fighters clashed with unknown gunmen", "des
                    // Dozos ont affronté des individus armés" — the side no group is named
                    // for is an unidentified armed group, as ACLED codes it.
                    .or_else(|| {
                        let named = actor1
                            .as_ref()
                            .is_some_and(|x| !x.name.starts_with("Unidentified"));
                        (kind == SubEventType::ArmedClash
                            && named
                            && names_unidentified_group(a, &sentences))
                        .then(unidentified_group)
                        .flatten()
                    })
            } else {
                None
            };
            let militia = |c: &Community| Actor {
                name: c.militia(country_name),
                kind: ActorKind::IdentityMilitia,
                parent: None,
            };
            let (actor1, actor2) = match (&communities, kind) {
                (Some((si, first, second)), SubEventType::ArmedClash | SubEventType::Attack) => {
                    claims.push(sentence_claim(
                        a,
                        *si,
                        "actor1",
                        ClaimValue::Text(first.militia(country_name)),
                    ));
                    // (a clash told as communal, its sides unnamed: two communities' militias)
                    let second = second.as_ref().unwrap_or(&Community::Unnamed);
                    let actor2 = if kind == SubEventType::Attack {
                        actor2
                    } else {
                        Some(militia(second))
                    };
                    (Some(militia(first)), actor2)
                }
                _ => (actor1, actor2),
            };
            // ("Dozo Communal Militia (Mali)" when a community's militia was attacked)
            let actor2 = actor2.map(|x| with_country(x, country_name));
            // The escort of the victims' side ("le convoi, escorté par des VDP").
            let assoc_actor2 = escort
                .clone()
                .filter(|e| actor2.is_some() && actor2.as_ref() != Some(e));
            let resolved_actor1 = actor1.clone().map(|a| with_country(a, country_name));
            // The claim quotes the actor as coded: "Unidentified Armed Group (Mali)", never the
            // lexicon's "Unidentified Armed Group ({country})".
            claims.extend(actor_claims.iter().cloned().map(|mut c| {
                if let ClaimValue::Text(name) = &c.value {
                    if name.contains("{country}") {
                        let coded = with_country(
                            Actor {
                                name: name.clone(),
                                kind: ActorKind::RebelGroup,
                                parent: None,
                            },
                            country_name,
                        );
                        c.value = ClaimValue::Text(coded.name);
                    }
                }
                c
            }));
            let mention_targets: Vec<Target> = if is_abduction_split {
                targets
                    .iter()
                    .filter(|t| {
                        !matches!(
                            t.kind,
                            TargetKind::MilitaryBase
                                | TargetKind::Checkpoint
                                | TargetKind::BorderPost
                        )
                    })
                    .cloned()
                    .collect()
            } else {
                targets.clone()
            };
            let ordinal = *next_ordinal;
            *next_ordinal += 1;
            let id = format!(
                "m-{}",
                short_hash(&[
                    &a.doc.reference,
                    &a.doc.content_hash,
                    &ordinal.to_string(),
                    kind.label()
                ])
            );
            let evidence = Span::new(
                sentences
                    .iter()
                    .map(|&s| a.sentences[s].span.start)
                    .min()
                    .unwrap_or(0),
                sentences
                    .iter()
                    .map(|&s| a.sentences[s].span.end)
                    .max()
                    .unwrap_or(0),
            );
            out.push(Mention {
                id,
                article: a.doc.reference.clone(),
                published: a.published,
                ordinal,
                background: frame.background,
                event_type: kind.event_type(),
                sub_event_type: kind,
                actor1: resolved_actor1,
                assoc_actor1: assoc1.clone(),
                actor2,
                assoc_actor2,
                people: people.clone(),
                targets: mention_targets,
                date: frame.date,
                place,
                operation: operation.clone(),
                operation_wide: operation.is_some()
                    && site_no == 0
                    && claims
                        .iter()
                        .any(|c| matches!(c.value, ClaimValue::Count(_))),
                claims,
                evidence,
                keys: keys.clone(),
                passage_marks: passage_marks.clone(),
            });
        }
    }
    out
}

/// A death toll this high is a conflict's total, not an incident's.
const CONFLICT_TOLL: u32 = 1_000;

/// Weak triggers ("fighting over territory") count only when nothing strong was said.
fn effective_classes(frame: &Frame) -> &BTreeSet<TriggerClass> {
    if frame.strong_classes.is_empty() {
        &frame.classes
    } else {
        &frame.strong_classes
    }
}

/// Who faced whom, as far as the frame tells, for [`classify`].
struct Sides {
    /// State forces were a side (named, or soldiers among the dead), or a group was attacked.
    state_opponent: bool,
    /// The group attacked is a rebel group or a political militia.
    armed_group_victim: bool,
    /// The crowd itself assaulted something ([`crowd_assault`]).
    crowd_assault: bool,
    /// The fighting was with the police ([`clash_with_police`]).
    crowd_vs_police: bool,
    /// The frame says nobody fought ("sans combat", "no clashes were reported").
    unopposed: bool,
}

/// Does the frame, or the remark right after it ("… took control of the town. No clashes were
/// reported."), say nobody fought?
fn unopposed(a: &Analysis, frame: &Frame) -> bool {
    let after = frame
        .sentences
        .iter()
        .max()
        .map(|&last| last + 1)
        .filter(|&next| a.sentences.get(next).is_some_and(|s| s.triggers.is_empty()));
    frame
        .sentences
        .iter()
        .copied()
        .chain(after)
        .any(|si| has_cue(a, si, CueKind::Unopposed))
}

/// Does sentence `si` hold a cue of `kind`?
fn has_cue(a: &Analysis, si: usize, kind: CueKind) -> bool {
    a.sentences[si]
        .hits
        .iter()
        .any(|h| h.category == Category::Cue(kind))
}

/// "des manifestants s'en sont pris à l'entrepôt", "protesters in Barassoro stormed the
/// warehouse": in the frame's own sentence, the protesters are the subject of an assault — the
/// word of protest comes first and the assault follows within a few words, in the active voice
/// ("protesters came under gunfire", "were attacked" are the crowd attacked).
fn crowd_assault(a: &Analysis, sentence: usize) -> bool {
    let triggers = &a.sentences[sentence].triggers;
    triggers.iter().any(|p| {
        p.0 == TriggerClass::Protest
            && triggers.iter().any(|t| {
                matches!(t.0, TriggerClass::Attack | TriggerClass::Overrun)
                    && t.1
                    && clause_gap(a, p.2.end, t.2.start).is_some_and(|gap| {
                        let words = words_of(&gap);
                        words.len() <= CROWD_ASSAULT_WORDS
                            && !words.iter().any(|w| {
                                matches!(
                                    *w,
                                    "under"
                                        | "sous"
                                        | "were"
                                        | "was"
                                        | "been"
                                        | "ete"
                                        | "by"
                                        | "par"
                                )
                            })
                    })
            })
    })
}

/// "heurts avec les forces de l'ordre", "affrontements entre les forces de l'ordre et de
/// jeunes manifestants", "clashed with the police": a word of fighting with the police (the
/// forces that keep order, not the army) as the other side, within a few words in its clause.
fn clash_with_police(a: &Analysis, si: usize) -> bool {
    let sentence = &a.sentences[si];
    sentence.triggers.iter().any(|t| {
        t.0 == TriggerClass::Clash && {
            let reach = sentence.span.end.saturating_sub(t.2.end);
            let folded =
                crate::lexicon::fold_after(&a.doc.text, t.2.end, POLICE_SIDE_BYTES.min(reach));
            let clause = folded.split([',', ';', ':', '.']).next().unwrap_or("");
            let words = words_of(clause);
            words
                .iter()
                .take(POLICE_SIDE_WORDS)
                .enumerate()
                .any(|(i, w)| {
                    matches!(*w, "police" | "policiers")
                        || (*w == "forces"
                            && words.get(i + 1..i + 3) == Some(&["de", "l"][..])
                            && words.get(i + 3) == Some(&"ordre"))
                })
        }
    })
}

/// How far after a word of fighting its police side may be named, in bytes and in words.
const POLICE_SIDE_BYTES: usize = 80;
const POLICE_SIDE_WORDS: usize = 6;

/// How many words may stand between the crowd and its assault ("protesters in Barassoro
/// stormed", "des manifestants ont pris d'assaut").
const CROWD_ASSAULT_WORDS: usize = 4;

/// ACLED's order of precedence over what the frame says.
fn classify(
    frame: &Frame,
    targets: &[Target],
    counts: &[Claim],
    actor1: Option<&Actor>,
    breakdown: BreakdownSides,
    sides: Sides,
) -> Option<SubEventType> {
    let Sides {
        state_opponent,
        armed_group_victim,
        crowd_assault,
        crowd_vs_police,
        unopposed,
    } = sides;
    use SubEventType::*;
    use TriggerClass as T;
    let classes = effective_classes(frame);
    let has = |c: T| classes.contains(&c);
    let target = |k: TargetKind| targets.iter().any(|t| t.kind == k);
    // Soldiers killed: the state's forces were a side even when the text does not name them.
    let soldiers_dead = breakdown.soldiers
        || counts.iter().any(|c| {
            c.field == "fatalities"
                && matches!(c.victims, Some(Victims::Soldiers))
                && count_positive(c)
        });
    let state_opponent = state_opponent || soldiers_dead;
    let military = target(TargetKind::MilitaryBase)
        || target(TargetKind::Checkpoint)
        || target(TargetKind::BorderPost)
        || target(TargetKind::Patrol)
        || (target(TargetKind::Convoy) && state_opponent);
    // Attackers killed by the side they attacked, or by forces hunting them: a battle
    // (ACLED codes armed men killed by soldiers or militiamen as Battles).
    let attackers_dead = breakdown.attackers
        || counts.iter().any(|c| {
            c.field == "fatalities"
                && matches!(c.victims, Some(Victims::Attackers))
                && count_positive(c)
        });
    let civilian_dead = counts.iter().any(|c| {
        c.field == "fatalities"
            && matches!(c.victims, Some(Victims::Civilians))
            && count_positive(c)
    });
    let anyone_dead = counts
        .iter()
        .any(|c| c.field == "fatalities" && count_positive(c));
    let abducted = has(T::Abduction)
        || counts
            .iter()
            .any(|c| c.field == "abducted" && count_positive(c));
    let non_state = actor1.is_some_and(|a| a.kind != ActorKind::StateForces);
    let announcement_only = frame.anchor_classes.iter().all(|c| !c.is_violent());

    if announcement_only {
        // (the anchor's own words say what was announced, even when the frame's strong
        // words come from sentences about something else: "des gendarmes ont arrêté le
        // sénateur", then an accident he caused and an opponent's "un enlèvement")
        let has = |c: T| has(c) || frame.anchor_classes.contains(&c);
        if has(T::Protest) {
            return Some(if has(T::Killing) {
                ExcessiveForceAgainstProtesters
            } else if has(T::Arson) || has(T::Riot) {
                // (a march told first, then what the marchers burned or ransacked: "le lycée a
                // été saccagé", "an institute set on fire by demonstrators")
                ViolentDemonstration
            } else if has(T::Arrest) || has(T::Clash) || frame.classes.contains(&T::Arrest) {
                // Arrests, tear gas, a crowd dispersed: even a passing word says the forces
                // intervened.
                ProtestWithIntervention
            } else {
                PeacefulProtest
            });
        }
        if has(T::Blockade) {
            // Announced blockades and curfews need their own date to be an event.
            return frame.date.is_some().then_some(ChangeToGroupActivity);
        }
        if has(T::Arrest) {
            // People arrested and found dead, a death in custody: violence against them, not
            // an arrest
            return Some(if anyone_dead { Attack } else { Arrests });
        }
        if has(T::Release) {
            // Hostages freed: a strategic development on the day it happened.
            return frame.date.is_some().then_some(Other);
        }
        if has(T::Base) {
            return frame
                .date
                .is_some()
                .then_some(HeadquartersOrBaseEstablished);
        }
        return None;
    }
    // A protest that turns violent, with no armed group in it: burning, barricades, stones,
    // clashes, or protesters turning on or storming a building ("s'en sont pris à l'entrepôt",
    // "ont pris d'assaut la mairie") make it a violent demonstration; protesters killed or
    // wounded with none of these, excessive force against them.
    let armed_perpetrator = actor1.is_some_and(|a| {
        matches!(
            a.kind,
            ActorKind::RebelGroup
                | ActorKind::PoliticalMilitia
                | ActorKind::IdentityMilitia
                | ActorKind::External
        )
    });
    if has(T::Protest) && !armed_perpetrator {
        if has(T::Arson) || has(T::Riot) || has(T::Clash) || crowd_assault {
            return Some(ViolentDemonstration);
        }
        if has(T::Killing) || has(T::Injury) {
            return Some(ExcessiveForceAgainstProtesters);
        }
    }
    // Clashes among people with no armed group named ("clashes between students", "heurts
    // entre jeunes et policiers", "un jeune tué lors des heurts avec les forces de l'ordre"): a
    // riot, not a battle (ACLED: "Clashes between police and Dire youth", mob violence).
    if has(T::Clash)
        && actor1.is_none()
        && (target(TargetKind::Civilians) || crowd_vs_police)
        && !military
    {
        return Some(MobViolence);
    }
    if has(T::Riot) || has(T::Lynching) {
        return Some(if has(T::Killing) || has(T::Injury) || has(T::Lynching) {
            MobViolence
        } else {
            ViolentDemonstration
        });
    }
    // Remote violence, unless it is part of a ground battle.
    // (an ambush is fought on the ground, whatever mine opened it)
    // (and air strikes flown in support of the defence of a position under ground attack)
    // (and a bombing inside an assault where soldiers and several assailants died: "8
    // militaires et 8 assaillants tués" is a firefight, not one bomber)
    let assailants_killed = counts
        .iter()
        .filter(|c| c.field == "fatalities" && matches!(c.victims, Some(Victims::Attackers)))
        .filter_map(|c| match c.value {
            ClaimValue::Count(q) => Some(q.low),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    // "Armed groups took control of the town; no clashes were reported", "la ville est passée
    // sous leur contrôle sans combat": a position taken with no fighting and no one killed is a
    // non-violent transfer of territory (ACLED: a strategic development).
    if has(T::Overrun)
        && unopposed
        && !has(T::Clash)
        && !has(T::Killing)
        && !counts
            .iter()
            .any(|c| c.field == "fatalities" && count_positive(c))
    {
        return Some(NonViolentTransferOfTerritory);
    }
    let ground_battle = has(T::Clash)
        || has(T::Overrun)
        || has(T::Ambush)
        || (military && frame.classes.contains(&T::Attack) && has(T::Air))
        || (soldiers_dead && assailants_killed >= 2 && frame.classes.contains(&T::Attack));
    if !ground_battle {
        if has(T::Suicide) {
            return Some(SuicideBomb);
        }
        if has(T::Air) {
            return Some(AirDroneStrike);
        }
        if has(T::Shelling) {
            return Some(ShellingArtilleryMissileAttack);
        }
        if has(T::Ied) {
            return Some(RemoteExplosiveLandmineIed);
        }
        if has(T::Grenade) {
            return Some(Grenade);
        }
    }
    if military
        || has(T::Clash)
        || (has(T::Ambush) && state_opponent)
        // Soldiers or militiamen killed on the ground: a battle, whatever else was hit.
        || (soldiers_dead && !abducted)
        || (attackers_dead && !abducted && !civilian_dead)
        || (state_opponent && !abducted && has(T::Attack) && (!civilian_dead || soldiers_dead))
        // The killing of a rebel group's or a militia's men ("gunmen killed an MNLA officer",
        // "GATIA's commander was killed") is fighting between armed men, as ACLED codes it.
        || (armed_group_victim
            && !abducted
            && has(T::Killing)
            && !civilian_dead
            && !target(TargetKind::Civilians)
            && !target(TargetKind::Village))
    {
        if has(T::Overrun) && non_state {
            return Some(NonStateActorOvertakesTerritory);
        }
        return Some(ArmedClash);
    }
    if has(T::Sexual) {
        return Some(SexualViolence);
    }
    // Abducted then killed: Attack precedes Abduction. The dead of an abduction with no
    // battle are its victims unless they are said to be the attackers or soldiers.
    let victims_dead = counts.iter().any(|c| {
        c.field == "fatalities"
            && matches!(
                c.victims,
                Some(Victims::Civilians | Victims::Unspecified) | None
            )
            && count_positive(c)
    });
    if abducted && victims_dead {
        return Some(Attack);
    }
    if abducted {
        return Some(AbductionForcedDisappearance);
    }
    if civilian_dead || has(T::Killing) || has(T::Injury) || anyone_dead {
        return Some(Attack);
    }
    if has(T::Arson) {
        return Some(LootingPropertyDestruction);
    }
    if has(T::Ambush) || has(T::Attack) || has(T::Overrun) {
        // An attack with no one reported hurt: on property it is destruction, else an attack.
        let property = target(TargetKind::IndustrialSite)
            || target(TargetKind::FuelTankers)
            || target(TargetKind::Vehicle)
            || target(TargetKind::Infrastructure)
            || target(TargetKind::Mine);
        return Some(if property && !target(TargetKind::Civilians) {
            LootingPropertyDestruction
        } else {
            Attack
        });
    }
    if has(T::Arrest) {
        return Some(Arrests);
    }
    None
}

/// "Bilan provisoire : 4 morts … Mise à jour : le bilan s'est alourdi à 12 morts": the
/// article's own later toll replaces its earlier one. The earlier figures stay as claims but
/// count as provisional (hedged), like a figure the article itself no longer stands by.
/// Figures for the attackers are superseded only by a later toll of the attackers.
fn supersede_provisional(a: &Analysis, counts: &mut [Claim]) {
    let sentence_of = |c: &Claim| {
        let i = a
            .sentences
            .partition_point(|s| s.span.start <= c.span.start)
            .checked_sub(1)?;
        (c.span.start < a.sentences[i].span.end.max(a.sentences[i].span.start + 1)).then_some(i)
    };
    let updates: Vec<(String, Option<Victims>, usize)> = counts
        .iter()
        .filter(|c| sentence_of(c).is_some_and(|i| a.sentences[i].update))
        .map(|c| (c.field.clone(), c.victims, c.span.start))
        .collect();
    // In the update sentence itself, the toll is the figure right after the update words
    // ("établissant le bilan provisoire à 51 militaires"): the bodies found since ("43
    // nouveaux corps") and the earlier figure it recalls ("l'armée avait fait cas de huit
    // victimes") are not it.
    let update_end = |i: usize| {
        a.sentences[i]
            .hits
            .iter()
            .find(|h| matches!(h.category, Category::Cue(CueKind::Update)))
            .map(|h| h.span.end)
    };
    // (per update sentence, the first figure after the update words)
    let toll_after_update = |i: usize| -> Option<u32> {
        let end = update_end(i)?;
        let s = &a.sentences[i];
        s.quantities
            .iter()
            .map(|&q| &a.quantities[q])
            .filter(|q| q.span.start >= end && !q.year_like)
            .min_by_key(|q| q.span.start)
            .map(|q| q.quantity.best)
    };
    let best_of = |c: &Claim| match c.value {
        ClaimValue::Count(q) => Some(q.best),
        _ => None,
    };
    // (update sentence, its toll, whose dead the toll counts)
    let tolls: Vec<(usize, u32, Option<Victims>)> = counts
        .iter()
        .filter(|c| c.field == "fatalities")
        .filter_map(|c| {
            let i = sentence_of(c).filter(|&i| a.sentences[i].update)?;
            let toll = toll_after_update(i)?;
            (best_of(c)? == toll).then_some((i, toll, c.victims))
        })
        .collect();
    let unspecified = |v: Option<Victims>| matches!(v, None | Some(Victims::Unspecified));
    for c in counts.iter_mut() {
        if let Some(i) = sentence_of(c).filter(|&i| a.sentences[i].update) {
            // (soldiers and attackers counted apart add up: only the same dead are replaced)
            let replaced = c.field == "fatalities"
                && tolls.iter().any(|&(j, toll, v)| {
                    j == i
                        && best_of(c) != Some(toll)
                        && (v == c.victims || unspecified(v) || unspecified(c.victims))
                });
            if replaced {
                c.hedged = true;
            }
            continue;
        }
        let attackers = matches!(c.victims, Some(Victims::Attackers));
        let superseded = updates.iter().any(|(field, victims, start)| {
            *field == c.field
                && c.span.start < *start
                && (*victims == c.victims
                    || (!attackers
                        && !matches!(victims, Some(Victims::Attackers))
                        && matches!(victims, None | Some(Victims::Unspecified))))
        });
        if superseded {
            c.hedged = true;
        }
    }
}

/// A headline ("Two foreign aid workers kidnapped in Mali") sums up the figures its story
/// gives with their source ("two foreign employees … and their driver were abducted, the
/// organisation said"): when the body gives the same figure, the headline's counts as provisional.
fn headline_restates_body(a: &Analysis, counts: &mut [Claim]) {
    let headline = |c: &Claim| {
        a.sentences
            .iter()
            .position(|s| s.span.start <= c.span.start && c.span.start < s.span.end)
            .is_some_and(|i| {
                let s = &a.sentences[i];
                let alone = a
                    .sentences
                    .iter()
                    .filter(|o| o.paragraph == s.paragraph)
                    .count()
                    == 1;
                let text = a.sentence_text(i).trim_end();
                alone && !text.ends_with(['.', '!', '?', '»', '"', '”', ')'])
            })
    };
    let body: Vec<(String, Option<Victims>)> = counts
        .iter()
        .filter(|c| !headline(c) && !c.hedged)
        .map(|c| (c.field.clone(), c.victims))
        .collect();
    for c in counts.iter_mut() {
        if !c.hedged
            && headline(c)
            && body.iter().any(|(field, victims)| {
                *field == c.field
                    && (*victims == c.victims
                        || matches!(victims, None | Some(Victims::Unspecified))
                        || matches!(c.victims, None | Some(Victims::Unspecified)))
            })
        {
            c.hedged = true;
        }
    }
}

fn count_positive(c: &Claim) -> bool {
    matches!(c.value, ClaimValue::Count(q) if q.best > 0)
}

fn targets_of(a: &Analysis, sentences: &[usize], background: bool) -> Vec<Target> {
    let mut out: BTreeSet<Target> = BTreeSet::new();
    for &s in sentences {
        let span = a.sentences[s].span;
        let relative = relative_clause_start(a.doc.text.get(span.start..span.end).unwrap_or(""))
            .map_or(usize::MAX, |r| span.start + r);
        let held: Vec<Span> = a.sentences[s]
            .hits
            .iter()
            .filter(|h| h.category == Category::Cue(super::scan::CueKind::Held))
            .map(|h| h.span)
            .collect();
        let sources = source_phrases(a, s);
        for h in &a.sentences[s].hits {
            if let Category::Target(kind) = h.category {
                if !a.serves(s, h.span, background) {
                    continue;
                }
                // "according to residents", "traders said": who speaks is not what was hit.
                if sources.iter().any(|r| r.contains(h.span)) {
                    continue;
                }
                // A checkpoint the attackers set up is where they struck, not what they attacked.
                if kind == TargetKind::Checkpoint && held.iter().any(|c| c.overlaps(h.span)) {
                    continue;
                }
                // "…, qui reproche aux commerçants de ravitailler le camp voisin": a place in a
                // relative clause after the event is context, not what was attacked.
                if h.span.start < relative {
                    out.insert(Target { kind, name: None });
                }
            }
        }
    }
    out.into_iter().collect()
}

/// The spans of sentence `si` that name a source: after "selon", "according to" up to the next
/// punctuation, and a short subject right before a reporting verb ("residents said").
fn source_phrases(a: &Analysis, si: usize) -> Vec<Span> {
    use super::scan::CueKind;
    let s = &a.sentences[si];
    let text = &a.doc.text;
    let mut out = Vec::new();
    for h in &s.hits {
        match h.category {
            Category::Cue(CueKind::SourceBefore) => {
                let end = text
                    .get(h.span.end..s.span.end)
                    .and_then(|rest| rest.find([',', ';', ':', '.', '(']))
                    .map_or(s.span.end, |k| h.span.end + k);
                out.push(Span::new(h.span.end, end));
            }
            Category::Cue(CueKind::SourceVerb | CueKind::Claim | CueKind::Responsibility) => {
                let before = text.get(s.span.start..h.span.start).unwrap_or("");
                let start = before
                    .rfind([',', ';', ':'])
                    .map_or(s.span.start, |k| s.span.start + k + 1);
                let subject = text.get(start..h.span.start).unwrap_or("");
                if subject.split_whitespace().count() <= 4 {
                    out.push(Span::new(start, h.span.start));
                }
            }
            _ => {}
        }
    }
    out
}

/// Is the group at `span` only the source of sentence `si` — "MINUSMA said on Tuesday it had
/// visited the village where the attack took place", "selon la MINUSMA", "ce qu'indique le
/// rapport de la MINUSMA" — rather than a side of its violence? The subject of a source verb
/// (with no word of violence between them), a "selon X" phrase, or any group of a sentence
/// that reports a statement and names no violence. Claims of responsibility are not sources:
/// who claims an attack did it.
fn speaks(a: &Analysis, si: usize, span: Span) -> bool {
    use super::scan::CueKind;
    let s = &a.sentences[si];
    let text = &a.doc.text;
    let violence_in = |from: usize, to: usize| {
        s.triggers
            .iter()
            .any(|t| t.0.is_violent() && t.2.start >= from && t.2.end <= to)
    };
    // "le rapport d'enquête de la MINUSMA", "the MINUSMA report", "a statement by MINUSMA":
    // the author of a report.
    let before = crate::lexicon::fold_before(text, span.start, 40);
    let after = crate::lexicon::fold(
        text.get(span.end..(span.end + 12).min(s.span.end))
            .unwrap_or(""),
    );
    let report_word = |w: &str| {
        matches!(
            w,
            "rapport"
                | "report"
                | "communique"
                | "statement"
                | "document"
                | "enquete"
                | "investigation"
                | "investigators"
                | "enqueteurs"
        )
    };
    let words_before: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let authored = words_before.iter().rev().take(6).any(|w| report_word(w))
        && words_before.last().is_some_and(|w| {
            matches!(
                *w,
                "de" | "du" | "d" | "la" | "l" | "by" | "of" | "from" | "the"
            )
        })
        || after
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .is_some_and(report_word);
    if authored {
        return true;
    }
    // "MINUSMA is able to confirm that a wedding was held", "the report said": a group named
    // in a sentence that reports and tells no violence speaks — unless the sentence lays
    // the blame ("a security source said fighters of IS Sahel were responsible").
    let reports = s.hits.iter().any(|h| {
        matches!(
            h.category,
            Category::Cue(CueKind::SourceVerb | CueKind::SourceBefore | CueKind::Statement)
        )
    });
    let blames = || {
        crate::lexicon::fold(text.get(s.span.start..s.span.end).unwrap_or(""))
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| {
                matches!(
                    w,
                    "responsible"
                        | "responsibility"
                        | "responsable"
                        | "responsables"
                        | "responsabilite"
                        | "blamed"
                        | "blames"
                        | "blame"
                        | "behind"
                        | "derriere"
                        | "attributed"
                        | "attribue"
                        | "attribuee"
                        | "impute"
                        | "imputee"
                        | "accused"
                        | "accuse"
                        | "accusent"
                        | "suspected"
                        | "soupconnes"
                        | "soupconne"
                )
            })
    };
    if reports && !s.triggers.iter().any(|t| t.0.is_violent()) && !blames() {
        return true;
    }
    s.hits.iter().any(|h| match h.category {
        Category::Cue(CueKind::SourceBefore) => {
            let end = text
                .get(h.span.end..s.span.end)
                .and_then(|rest| rest.find([',', ';', ':', '.']))
                .map_or(s.span.end, |k| h.span.end + k);
            h.span.end <= span.start && span.end <= end
        }
        Category::Cue(CueKind::SourceVerb) => {
            span.end <= h.span.start
                && !violence_in(span.end, h.span.start)
                && text
                    .get(span.end..h.span.start)
                    .is_some_and(|gap| !gap.contains([',', ';', '.']) || gap.contains('('))
        }
        _ => false,
    })
}

/// Byte offset of the first relative clause that follows a comma (", qui", ", who", ", which").
fn relative_clause_start(sentence: &str) -> Option<usize> {
    [", qui ", ", who ", ", which ", ", where ", ", où "]
        .iter()
        .filter_map(|m| sentence.find(m))
        .min()
}

/// Every counted figure of the frame, as claims.
fn counts_of(a: &Analysis, sentences: &[usize], background: bool) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for &si in sentences {
        let s = &a.sentences[si];
        if s.generic {
            continue;
        }
        // "aucun mort ni blessé", "no casualties"
        for z in s.zero.iter().filter(|z| a.serves(si, **z, background)) {
            let zero = Quantity::exact(0);
            let tail: String = a
                .doc
                .text
                .get(z.end..s.span.end)
                .unwrap_or("")
                .chars()
                .take(30)
                .collect();
            let tail = crate::lexicon::fold(&tail);
            // "pas de victimes côté policiers", "no casualties among the police": one side
            // lost nobody, which says nothing of the others' dead.
            if side_named_after(a, si, *z).is_some() {
                continue;
            }
            push_claim(&mut out, a, si, "fatalities", zero, None);
            if tail.trim_start().starts_with("ni blesse") {
                push_claim(&mut out, a, si, "injured", zero, None);
            }
        }
        let before_sentence = out.len();
        // (a list needs two numbers: folding every sentence of the frame for it is not free)
        let enumerates = s.quantities.len() >= 2 && enumerates_parts(a, si);
        // (the noun of the last part counted: "7 corps, 13 pour la deuxième" counts bodies)
        let mut part_noun: Option<NounClass> = None;
        for &qi in &s.quantities {
            let q = &a.quantities[qi];
            if !a.serves(si, q.span, background) {
                continue;
            }
            // "tuant neuf civils et en blessant une douzaine", "wounding a dozen": a number
            // right after a verb with no noun of its own counts the people named before.
            let elliptic = || {
                let verb_before = s.triggers.iter().any(|t| {
                    matches!(
                        t.0,
                        TriggerClass::Killing | TriggerClass::Injury | TriggerClass::Abduction
                    ) && t.2.end <= q.span.start
                        && a.doc
                            .text
                            .get(t.2.end..q.span.start)
                            .is_some_and(|g| g.trim().is_empty())
                });
                // "Five killed and two wounded", "deux tués": a number right before a word
                // of killing or wounding counts people ("un massacre" is an article and a noun).
                let surface =
                    crate::lexicon::fold(a.doc.text.get(q.span.start..q.span.end).unwrap_or(""));
                let article = matches!(surface.as_str(), "un" | "une" | "a" | "an");
                let verb_after = !article
                    && s.triggers.iter().any(|t| {
                        matches!(t.0, TriggerClass::Killing | TriggerClass::Injury)
                            && t.2.start >= q.span.end
                            && a.doc
                                .text
                                .get(q.span.end..t.2.start)
                                .is_some_and(|g| g.trim().is_empty())
                    });
                if verb_after && !verb_before {
                    return Some(NounClass::Person);
                }
                verb_before.then(|| {
                    s.hits
                        .iter()
                        .rev()
                        .find_map(|h| match h.category {
                            Category::Noun(c) if h.span.end <= q.span.start => Some(c),
                            _ => None,
                        })
                        .unwrap_or(NounClass::Person)
                })
            };
            // "killed over five days", "tués en trois jours": a duration counts no one.
            // (the next word only: folding the rest of the page for it cost a tenth of the
            // pipeline's time)
            let duration = crate::lexicon::fold_after(&a.doc.text, q.span.end, 64)
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    matches!(
                        w,
                        "days"
                            | "day"
                            | "weeks"
                            | "week"
                            | "months"
                            | "month"
                            | "hours"
                            | "hour"
                            | "years"
                            | "jours"
                            | "jour"
                            | "semaines"
                            | "semaine"
                            | "mois"
                            | "heures"
                            | "heure"
                            | "ans"
                            | "annees"
                    )
                });
            if duration {
                continue;
            }
            let Some(noun) = a
                .noun_after(qi)
                .or_else(elliptic)
                .or(part_noun.filter(|_| enumerates))
                .or_else(|| enumerates.then(|| noun_after_list(a, si, qi)).flatten())
            else {
                continue;
            };
            part_noun = Some(noun);
            if noun == NounClass::Missing {
                continue;
            }
            // "trois travailleurs, dont deux ressortissants chinois", "including three
            // children": a part of a count already given.
            let before = words_before(a, q.span.start, 16);
            let last: Vec<&str> = before.split_whitespace().rev().take(2).collect();
            if matches!(
                last.as_slice(),
                ["dont", ..]
                    | ["including", ..]
                    | ["notamment", ..]
                    | ["them", "among"]
                    | ["whom", "among"]
                    | ["eux", "parmi"]
                    | ["lesquels", "parmi"]
                    | ["compris", "y"]
            ) || continues_breakdown(&words_before(a, q.span.start, 60))
            {
                continue;
            }
            // "19 morts, dont 1 soldat, 18 parmi les assaillants": the parts of a toll are
            // not more dead, nor the number of attackers.
            if matches!(
                noun,
                NounClass::Attacker | NounClass::Soldier | NounClass::Civilian | NounClass::Person
            ) && in_death_breakdown(a, si, qi)
            {
                continue;
            }
            let verb = nearest_verb(a, si, q.span);
            // Fighters are the dead only when the verb is about them ("80 assaillants tués",
            // "neutralisé quatre-vingts assaillants"), not when they do the killing
            // ("a hundred gunmen raided the village, killing five").
            // "Un homme … a été battu à mort": an article counts one person only with its own
            // verb close by, not a witness ("un homme a raconté que dix personnes…").
            let article = matches!(
                crate::lexicon::fold(a.doc.text.get(q.span.start..q.span.end).unwrap_or(""))
                    .as_str(),
                "un" | "une" | "a" | "an"
            );
            let verb = if noun == NounClass::Attacker {
                verb_close(a, si, q.span, 40)
            } else if article {
                // (in the same clause: not "un homme a raconté que … tué")
                verb_close(a, si, q.span, 70).filter(|_| {
                    let rest = a.doc.text.get(q.span.end..s.span.end).unwrap_or("");
                    let next_verb = s
                        .triggers
                        .iter()
                        .filter(|t| t.2.start >= q.span.end)
                        .map(|t| t.2.start - q.span.end)
                        .min()
                        .unwrap_or(rest.len());
                    !crate::lexicon::fold(rest.get(..next_verb).unwrap_or(rest))
                        .split(|c: char| !c.is_alphanumeric() && c != '\'')
                        .any(|w| matches!(w, "que" | "qu'" | "that"))
                })
            } else {
                verb
            };
            // "kidnapped by six men armed with AK-47s", "enlevé par six hommes armés": the
            // agent of a passive verb is who did it, not who suffered it.
            let agent = matches!(
                words_before(a, q.span.start, 8).split_whitespace().last(),
                Some("by" | "par")
            );
            let (field, victims) = match (noun, verb) {
                (
                    NounClass::Person
                    | NounClass::Attacker
                    | NounClass::Civilian
                    | NounClass::Soldier,
                    _,
                ) if agent => ("attackers", None),
                (NounClass::Dead, _) => (
                    "fatalities",
                    Some(
                        side_named_after(a, si, q.span)
                            .or_else(|| side_label_before(a, si, q.span))
                            .unwrap_or(Victims::Unspecified),
                    ),
                ),
                (NounClass::Injured, _) => ("injured", None),
                (NounClass::Hostage, _) => ("abducted", None),
                (NounClass::Attacker, Some(TriggerClass::Killing)) => {
                    ("fatalities", Some(Victims::Attackers))
                }
                (NounClass::Attacker, Some(TriggerClass::Injury)) => ("injured", None),
                (NounClass::Attacker, _) => ("attackers", None),
                (NounClass::Soldier, Some(TriggerClass::Killing)) => {
                    ("fatalities", Some(Victims::Soldiers))
                }
                (NounClass::Soldier, Some(TriggerClass::Injury)) => ("injured", None),
                (NounClass::Soldier, Some(TriggerClass::Abduction)) => ("abducted", None),
                (NounClass::Civilian | NounClass::Person, Some(TriggerClass::Killing)) => (
                    "fatalities",
                    Some(if noun == NounClass::Civilian {
                        Victims::Civilians
                    } else {
                        Victims::Unspecified
                    }),
                ),
                (NounClass::Civilian | NounClass::Person, Some(TriggerClass::Injury)) => {
                    ("injured", None)
                }
                (NounClass::Civilian | NounClass::Person, Some(TriggerClass::Abduction)) => {
                    ("abducted", None)
                }
                _ => continue,
            };
            if q.quantity.best == 0 && field == "attackers" {
                continue;
            }
            // "An offensive that has left more than 10,000 dead": a toll in the thousands is
            // the conflict's, never one incident's (the deadliest single attacks in the
            // region's records are counted in hundreds).
            if field == "fatalities" && q.quantity.low >= CONFLICT_TOLL {
                continue;
            }
            // A zero phrase in the sentence already said it.
            if q.quantity.best == 0
                && out
                    .iter()
                    .any(|c| c.field == field && c.span == a.sentences[si].span)
            {
                continue;
            }
            // "Deux techniciens … en même temps que leur chauffeur et un gardien", "two aid
            // workers and their driver were abducted": one more per companion named with them.
            let extra = if matches!(field, "abducted" | "fatalities") {
                companions(a, si, q.span)
            } else {
                0
            };
            let quantity = Quantity {
                low: q.quantity.low.saturating_add(extra),
                high: q.quantity.high.map(|h| h.saturating_add(extra)),
                best: q.quantity.best.saturating_add(extra),
                qualifier: q.quantity.qualifier,
            };
            push_claim(&mut out, a, si, field, quantity, victims);
        }
        if enumerates {
            add_up_parts(&mut out, before_sentence);
        }
    }
    for (field, class) in [
        ("fatalities", TriggerClass::Killing),
        ("abducted", TriggerClass::Abduction),
    ] {
        if out.iter().any(|c| c.field == field) {
            continue;
        }
        for &si in sentences {
            if !a.sentences[si].generic {
                if let Some(victims) = one_person(a, si, background, class) {
                    let victims = (field == "fatalities").then_some(victims);
                    push_claim(&mut out, a, si, field, Quantity::exact(1), victims);
                    break;
                }
                if let Some(verb) = singular_passive(a, si, background, class) {
                    let n = 1 + companions(a, si, verb);
                    push_claim(&mut out, a, si, field, Quantity::exact(n), None);
                    break;
                }
            }
        }
    }
    out
}

/// "Trois fosses : la première contenait 7 corps, 13 pour la deuxième, puis 5 pour la
/// troisième", "three graves holding 13, 5 and 7 bodies respectively": a sentence that counts
/// the parts of one whole, each given its rank (two ranks or more) or told "respectively".
fn enumerates_parts(a: &Analysis, si: usize) -> bool {
    let span = a.sentences[si].span;
    let sentence = crate::lexicon::fold(a.doc.text.get(span.start..span.end).unwrap_or(""));
    let mut ranks: Vec<&str> = Vec::new();
    let mut respectively = false;
    for word in sentence.split(|c: char| !c.is_alphanumeric()) {
        match word {
            "respectivement" | "respectively" => respectively = true,
            // ("un premier bilan de 5 morts, un second de 12": two tolls of one whole)
            "bilan" | "bilans" | "toll" | "tolls" | "decompte" | "estimate" | "estimates" => {
                return false
            }
            "premiere" | "premier" | "deuxieme" | "seconde" | "troisieme" | "quatrieme"
            | "derniere" | "first" | "second" | "third" | "fourth" | "last"
                if !ranks.contains(&word) =>
            {
                ranks.push(word)
            }
            _ => {}
        }
    }
    respectively || ranks.len() >= 2
}

/// "13, 5 et 7 corps", "13, 5 and 7 bodies": the noun after the last number of a list counts
/// each of them.
fn noun_after_list(a: &Analysis, si: usize, qi: usize) -> Option<NounClass> {
    let mut previous = a.quantities[qi].span;
    for &qj in a.sentences[si].quantities.iter().filter(|&&qj| qj > qi) {
        let next = a.quantities[qj].span;
        let gap = crate::lexicon::fold(a.doc.text.get(previous.end..next.start).unwrap_or("x"));
        let separators_only = gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .all(|w| matches!(w, "" | "et" | "and"));
        if !separators_only {
            return None;
        }
        if let Some(noun) = a.noun_after(qj) {
            return Some(noun);
        }
        previous = next;
    }
    None
}

/// The figures of one field that a sentence gives for the parts of one whole (the claims from
/// `from` on, all of that sentence) become one figure: their sum.
fn add_up_parts(out: &mut Vec<Claim>, from: usize) {
    for field in ["fatalities", "injured", "abducted"] {
        let parts: Vec<usize> = (from..out.len())
            .filter(|&i| out[i].field == field && out[i].victims != Some(Victims::Attackers))
            .collect();
        if parts.len() < 2 {
            continue;
        }
        let mut total = Quantity::exact(0);
        for &i in &parts {
            if let ClaimValue::Count(q) = out[i].value {
                total.low = total.low.saturating_add(q.low);
                total.best = total.best.saturating_add(q.best);
                total.high = match (total.high, q.high) {
                    (Some(x), Some(y)) => Some(x.saturating_add(y)),
                    _ => None,
                };
                if q.qualifier != Qualifier::Exact {
                    total.qualifier = q.qualifier;
                }
            }
        }
        out[parts[0]].value = ClaimValue::Count(total);
        for &i in parts[1..].iter().rev() {
            out.remove(i);
        }
    }
}

/// "Le curé de Djibo, l'abbé X, a été enlevé", "Kirk Woodman, a Canadian geologist, was
/// kidnapped", "le maire de X, Y, a été assassiné": a verb of abduction (or killing, for
/// `class`) in the singular passive ("a été enlevé(e)", "was kidnapped") with no number says
/// one person was taken (killed), whoever the sentence names. The verb's span.
fn singular_passive(
    a: &Analysis,
    si: usize,
    background: bool,
    class: TriggerClass,
) -> Option<Span> {
    let s = &a.sentences[si];
    s.triggers
        .iter()
        .filter(|t| t.1 && as_verb(t.0) == class && a.serves(si, t.2, background))
        .find_map(|t| {
            let verb = crate::lexicon::fold(a.doc.text.get(t.2.start..t.2.end)?);
            let before = words_before(a, t.2.start, 30);
            let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
            let at = |i: usize| words.get(i).copied().unwrap_or("");
            // (an adverb may sit in the auxiliary: "a finalement été enlevé", "was reportedly")
            let auxiliary = |w: &str| matches!(w, "a" | "avait" | "aurait");
            let french =
                at(0) == "ete" && (auxiliary(at(1)) || auxiliary(at(2))) && !verb.ends_with('s');
            let english = at(0) == "was"
                || (at(0) == "been" && matches!(at(1), "has" | "had"))
                || (at(1) == "was" && at(0).ends_with("ly"));
            (french || english).then_some(t.2)
        })
}

/// "Village chief assassinated in X", "the marabout was shot dead", "gunmen killed the
/// mayor", "a US national was abducted": one person named by a singular noun, with no number,
/// right next to a word of killing (or of abduction, for `class`) in the same clause, is one
/// dead (one hostage).
fn one_person(a: &Analysis, si: usize, background: bool, class: TriggerClass) -> Option<Victims> {
    let s = &a.sentences[si];
    let text = &a.doc.text;
    let same_clause = |from: usize, to: usize, words: usize| {
        text.get(from..to).is_some_and(|gap| {
            // (the word count first, and lazily: a long sentence has many triggers and nouns,
            // and scanning every gap between them whole was cubic in its length)
            gap.split_whitespace().nth(words).is_none()
                && !gap.contains([',', ';', ':', '.', '('])
                && !crate::lexicon::fold(gap)
                    .split_whitespace()
                    .any(|w| matches!(w, "and" | "et" | "who" | "qui" | "que" | "that"))
        })
    };
    s.triggers
        .iter()
        .filter(|t| t.1 && as_verb(t.0) == class)
        .find_map(|t| {
            s.hits.iter().find_map(|h| {
                let Category::Noun(class) = h.category else {
                    return None;
                };
                // (one officer killed alone, off duty or at home, is no battle: only the
                // position attacked or the fighting would make it one)
                let victims = match class {
                    NounClass::Person | NounClass::Soldier => Victims::Unspecified,
                    NounClass::Civilian => Victims::Civilians,
                    // ("a jihadist commander was killed by soldiers")
                    NounClass::Attacker => Victims::Attackers,
                    _ => return None,
                };
                let word = crate::lexicon::fold(text.get(h.span.start..h.span.end)?);
                // ("gunmen", "armed men": plural without an s)
                let singular =
                    !word.ends_with('s') && !word.ends_with('x') && !word.ends_with("men");
                // The noun before the verb ("the mayor was killed"), or its object right
                // after it ("killed a trader", "a tué le maire").
                let next_to = (h.span.end <= t.2.start && same_clause(h.span.end, t.2.start, 4))
                    || (t.2.end <= h.span.start && same_clause(t.2.end, h.span.start, 2));
                (singular && next_to && a.serves(si, h.span, background)).then_some(victims)
            })
        })
}

/// Companions named with a counted group, up to the end of the clause: "et leur chauffeur",
/// "ainsi qu'un gardien", "and their driver" (a companion noun after a joining word and a
/// determiner), unless a verb of their own follows ("and their driver was wounded").
fn companions(a: &Analysis, si: usize, span: Span) -> u32 {
    let s = &a.sentences[si];
    // (up to the next number: "un", "une", "a" are the companions' own articles)
    let next_quantity = s
        .quantities
        .iter()
        .map(|&q| a.quantities[q].span)
        .filter(|q| {
            !matches!(
                crate::lexicon::fold(a.doc.text.get(q.start..q.end).unwrap_or("")).as_str(),
                "un" | "une" | "a" | "an"
            )
        })
        .map(|q| q.start)
        .find(|&p| p > span.end)
        .unwrap_or(s.span.end);
    let end = a.doc.text[span.end..next_quantity]
        .find([';', ':', '.'])
        .map_or(next_quantity, |k| span.end + k);
    let mut n = 0;
    for h in &s.hits {
        if h.category != Category::Noun(NounClass::Companion)
            || h.span.start <= span.end
            || h.span.end > end
        {
            continue;
        }
        let before = words_before(a, h.span.start, 40);
        let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
        let determiner = |w: &str| {
            matches!(
                w,
                "leur"
                    | "leurs"
                    | "son"
                    | "sa"
                    | "un"
                    | "une"
                    | "their"
                    | "his"
                    | "her"
                    | "a"
                    | "an"
                    | "qu'un"
                    | "qu'une"
            )
        };
        let joined = |w: &str| {
            matches!(
                w,
                "et" | "and" | "que" | "qu'un" | "qu'une" | "with" | "avec" | "as" | "de" | "of"
            )
        };
        // determiner right before the noun, or before one adjective
        let det = words.iter().position(|w| determiner(w)).filter(|&k| k <= 1);
        let Some(k) = det else { continue };
        let link = words.get(k + 1).copied().unwrap_or("");
        if !(joined(link) || words[k].starts_with("qu'")) {
            continue;
        }
        // "two national staff, a nurse and a driver": the members listed, not companions.
        let between = crate::lexicon::fold(a.doc.text.get(span.end..h.span.start).unwrap_or(""));
        if [", a ", ", an ", ", un ", ", une "]
            .iter()
            .any(|p| between.contains(p))
        {
            continue;
        }
        // After the group's own verb, a verb right after the companion is the companion's:
        // "two soldiers were killed and their driver wounded".
        let group_verb = s
            .triggers
            .iter()
            .any(|t| t.2.start >= span.end && t.2.end <= h.span.start);
        let own_verb = group_verb
            && s.triggers.iter().any(|t| {
                t.2.start >= h.span.end
                    && a.doc
                        .text
                        .get(h.span.end..t.2.start)
                        .is_some_and(|g| g.split_whitespace().count() <= 3 && !g.contains(','))
            });
        if !own_verb {
            n += 1;
        }
    }
    n
}

fn push_claim(
    out: &mut Vec<Claim>,
    a: &Analysis,
    si: usize,
    field: &str,
    q: Quantity,
    victims: Option<Victims>,
) {
    let mut c = sentence_claim(a, si, field, ClaimValue::Count(q));
    c.victims = victims;
    // (the same figure for two sides is two figures: "huit militaires et huit assaillants")
    if !out.iter().any(|o| {
        o.field == c.field && o.span == c.span && o.value == c.value && o.victims == c.victims
    }) {
        out.push(c);
    }
}

/// A killing/injury word within `reach` bytes of the number (and its noun), none of it
/// across a comma.
/// A lynching kills: for figures it is a killing word.
fn as_verb(c: TriggerClass) -> TriggerClass {
    match c {
        TriggerClass::Lynching => TriggerClass::Killing,
        c => c,
    }
}

/// Whose dead a toll counts when the words after it say so: "11 morts parmi les assaillants",
/// "6 morts du côté de l'armée malienne", "11 morts côté ennemi", "ten dead among the
/// attackers", "five dead on the army's side". The side is the first attacker, soldier or
/// civilian word (or a state force's name) after a word of belonging, in the same clause.
fn side_named_after(a: &Analysis, si: usize, span: Span) -> Option<Victims> {
    let s = &a.sentences[si];
    let mut end = (span.end + 60).min(s.span.end);
    while !a.doc.text.is_char_boundary(end) {
        end -= 1;
    }
    let window = a.doc.text.get(span.end..end)?;
    // (the clause only: "11 morts parmi les assaillants et 6 du côté de l'armée" gives each
    // toll its own side)
    let clause = window
        .find([',', ';', '.', '(', ':'])
        .map_or(window, |i| &window[..i]);
    let clause = clause
        .find(" et ")
        .or_else(|| clause.find(" and "))
        .map_or(clause, |i| &clause[..i]);
    let limit = span.end + clause.len();
    let folded = crate::lexicon::fold(clause);
    let belonging = folded.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "parmi" | "among" | "chez" | "cote" | "cotes" | "rangs" | "side" | "ranks"
        )
    }) || folded.contains("ennemi")
        || folded.contains("enemy");
    if !belonging {
        return None;
    }
    if folded.contains("ennemi") || folded.contains("enemy") {
        return Some(Victims::Attackers);
    }
    let scanner = Scanner::get();
    s.hits
        .iter()
        .filter(|h| h.span.start >= span.end && h.span.end <= limit)
        .find_map(|h| match h.category {
            Category::Noun(NounClass::Attacker) => Some(Victims::Attackers),
            Category::Noun(NounClass::Soldier) => Some(Victims::Soldiers),
            Category::Noun(NounClass::Civilian) => Some(Victims::Civilians),
            Category::Actor(idx) => scanner
                .actors
                .get(idx as usize)
                .and_then(|e| (e.kind == ActorKind::StateForces).then_some(Victims::Soldiers)),
            _ => None,
        })
}

/// A communiqué's side label before its toll: "Côté ami : 04 morts", "Côté ennemi : 23
/// morts", "Côté FAMa : deux morts" (friendly forces are the army that speaks).
fn side_label_before(a: &Analysis, si: usize, span: Span) -> Option<Victims> {
    let before = a.doc.text.get(a.sentences[si].span.start..span.start)?;
    let folded = crate::lexicon::fold(before);
    let mut words = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    match (words.next(), words.next()) {
        (Some("cote"), Some("ami" | "amis" | "fama" | "armee" | "forces")) => {
            Some(Victims::Soldiers)
        }
        (Some("cote"), Some("ennemi" | "ennemis" | "terroristes" | "assaillants")) => {
            Some(Victims::Attackers)
        }
        _ => None,
    }
}

fn verb_close(a: &Analysis, si: usize, span: Span, reach: usize) -> Option<TriggerClass> {
    let s = &a.sentences[si];
    s.triggers
        .iter()
        .filter(|t| matches!(as_verb(t.0), TriggerClass::Killing | TriggerClass::Injury))
        .filter(|t| {
            let (from, to) = if t.2.start >= span.end {
                (span.end, t.2.start)
            } else {
                (t.2.end, span.start.max(t.2.end))
            };
            to.saturating_sub(from) <= reach
                && !a
                    .doc
                    .text
                    .get(from..to)
                    .unwrap_or(",")
                    .contains([',', ';', ':'])
        })
        .map(|t| as_verb(t.0))
        .next()
}

/// The killing/injury/abduction word nearest to a number in its sentence (after it first).
fn nearest_verb(a: &Analysis, si: usize, span: Span) -> Option<TriggerClass> {
    let s = &a.sentences[si];
    let relevant = |c: TriggerClass| {
        matches!(
            as_verb(c),
            TriggerClass::Killing | TriggerClass::Injury | TriggerClass::Abduction
        )
    };
    let after = s
        .triggers
        .iter()
        .filter(|t| relevant(t.0) && t.2.start >= span.end)
        .min_by_key(|t| t.2.start - span.end)
        .map(|t| (as_verb(t.0), t.2.start - span.end));
    let before = s
        .triggers
        .iter()
        .filter(|t| relevant(t.0) && t.2.end <= span.start)
        .min_by_key(|t| span.start - t.2.end)
        .map(|t| (as_verb(t.0), span.start - t.2.end));
    match (after, before) {
        // "kidnapped twelve traders … and killed four": a verb right before the number has it
        // as its object.
        (Some(_), Some(y)) if y.1 <= 1 => Some(y.0),
        (Some(x), Some(y)) => Some(if x.1 <= y.1 + 40 { x.0 } else { y.0 }),
        (Some(x), None) => Some(x.0),
        (None, Some(y)) => Some(y.0),
        (None, None) => None,
    }
}

pub fn sentence_claim(a: &Analysis, si: usize, field: &str, value: ClaimValue) -> Claim {
    let s = &a.sentences[si];
    Claim {
        field: field.to_string(),
        value,
        quote: a.doc.text[s.span.start..s.span.end].to_string(),
        span: s.span,
        attributed_to: s.attribution.source.clone(),
        hedged: s.attribution.hedged,
        victims: None,
    }
}

/// The perpetrator: the first named armed group in the frame, else the article's, else an
/// unidentified armed group when the text speaks of gunmen. Also the people named.
/// A recalled (background) incident takes only the groups its own sentences name: the
/// article's group is the perpetrator of the news, not of an older attack.
struct Perpetrator {
    actor1: Option<Actor>,
    assoc1: Option<Actor>,
    people: Vec<String>,
    claims: Vec<Claim>,
    /// A named armed group on the receiving end ("a post of the VDP", "contre une position du
    /// JNIM"): the other side of a battle.
    attacked_group: Option<Actor>,
    /// A named armed group escorting or protecting the victims ("escorté par des VDP").
    escort: Option<Actor>,
    /// actor1 is the article's group, not one named in the frame.
    from_article: bool,
    /// Foreign forces the frame names without making them the agent of its violence ("the
    /// expulsion of French troops", "with the help of Barkhane"): the one who flew an air
    /// strike the frame reports, no one's perpetrator otherwise.
    foreign: Option<Actor>,
}

/// The few words before byte `pos` of the text, folded.
fn words_before(a: &Analysis, pos: usize, bytes: usize) -> String {
    crate::lexicon::fold_before(&a.doc.text, pos, bytes)
}

/// "escorté par des VDP", "escorted by militiamen", "accompagné de".
fn escorting(a: &Analysis, span: Span) -> bool {
    words_before(a, span.start, 24)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with("escort") || w.starts_with("accompagn"))
}

/// "Les Dozos (chasseurs) qui ont tenté de défendre les villageois", "militiamen who came to
/// the villagers' rescue": a group the sentence has defending, protecting or rescuing, in its
/// own clause (a parenthesis after its name is read through) of a sentence telling violence,
/// is on the side attacked.
fn defending(a: &Analysis, si: usize, span: Span) -> bool {
    // In a sentence that tells violence, or as an attempt ("qui ont tenté de défendre"):
    // "Wagner is only there to protect the junta" says nothing of a fight.
    let violent = a.sentences[si].triggers.iter().any(|t| t.0.is_violent());
    let reach = a.sentences[si].span.end.saturating_sub(span.end);
    let folded = crate::lexicon::fold_after(&a.doc.text, span.end, DEFENDING_BYTES.min(reach));
    // the clause: through a parenthesis, up to the first clause mark after it
    let mut depth = 0usize;
    let clause_end = folded
        .char_indices()
        .find(|&(_, c)| match c {
            '(' => {
                depth += 1;
                false
            }
            ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            ',' | ';' | ':' | '.' | '!' | '?' => depth == 0,
            _ => false,
        })
        .map_or(folded.len(), |(i, _)| i);
    let words = words_of(&folded[..clause_end]);
    words
        .iter()
        .take(DEFENDING_WORDS)
        .enumerate()
        .any(|(i, w)| {
            let defends = w.starts_with("defend")
                || w.starts_with("proteg")
                || w.starts_with("protect")
                || w.starts_with("secour")
                || (*w == "rescue" && i > 0 && matches!(words[i - 1], "the" | "to"));
            let attempt = words[i.saturating_sub(2)..i].iter().any(|p| {
                p.starts_with("tent")
                    || p.starts_with("essay")
                    || matches!(*p, "tried" | "trying" | "attempted" | "attempting")
            });
            defends && (violent || attempt)
        })
}

/// How far after a group's name its defending may be told, in bytes and in words.
const DEFENDING_BYTES: usize = 160;
const DEFENDING_WORDS: usize = 10;

/// Longest gap (bytes) between an attack word and an actor read as one clause. Real clauses are
/// far shorter; without a bound, a long unpunctuated "sentence" (fuzzing: 100 KB) folded every
/// gap between every trigger and every actor, quadratic and worse in its length.
const CLAUSE_BYTES: usize = 1_000;

/// The folded text between bytes `from` and `to` when it lies within one clause (close, and no
/// clause punctuation in it); None otherwise.
fn clause_gap(a: &Analysis, from: usize, to: usize) -> Option<String> {
    if from > to || to - from > CLAUSE_BYTES {
        return None;
    }
    let gap = crate::lexicon::fold(a.doc.text.get(from..to)?);
    (!gap.contains([',', ';', ':', '.', '('])).then_some(gap)
}

/// The words of a folded text.
fn words_of(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Nouns of an attack whose complement or modifier is its author when it is an armed group
/// ("une attaque de Boko Haram", "an ISWAP ambush"); the callers only ask about armed groups,
/// whose attack it is ("l'attaque de la gendarmerie", of a unit of the state, is another matter).
const ATTACK_NOUNS: [&str; 19] = [
    "attaque",
    "attaques",
    "assaut",
    "assauts",
    "embuscade",
    "embuscades",
    "raid",
    "raids",
    "incursion",
    "incursions",
    "offensive",
    "offensives",
    "attack",
    "attacks",
    "ambush",
    "ambushes",
    "assault",
    "assaults",
    "onslaught",
];

/// Words for a group's members between an attack noun and the group ("une attaque d'éléments
/// de Boko Haram", "an attack of JNIM fighters").
const MEMBER_NOUNS: [&str; 10] = [
    "elements",
    "faction",
    "factions",
    "combattants",
    "hommes",
    "membres",
    "jihadistes",
    "djihadistes",
    "terroristes",
    "fighters",
];

/// Ranks and offices of a group's people: a group named with one of them ("an MNLA officer",
/// "GATIA's commander", "un cadre du MNLA") is that person's affiliation. (Not "fighters",
/// "éléments", "membres": the group's men acting as the group.)
const ROLE_NOUNS: [&str; 23] = [
    "officer",
    "officers",
    "commander",
    "commanders",
    "chief",
    "leader",
    "leaders",
    "official",
    "officials",
    "spokesman",
    "cadre",
    "cadres",
    "chef",
    "chefs",
    "commandant",
    "responsable",
    "responsables",
    "dirigeant",
    "dirigeants",
    "lieutenant",
    "colonel",
    "capitaine",
    "captain",
];

/// Is the armed group at `span` named as a person's affiliation: with a rank or office after it
/// ("an MNLA officer", "GATIA's commander") or before it ("the chief of the MNLA's unit", "un
/// cadre du MNLA")? (Not in brackets: "Baba Ag X (MNLA)" is rare beside "the Volunteers for
/// Homeland Defense (VDP)", the group's own name.)
fn affiliation(a: &Analysis, span: Span) -> bool {
    let text = &a.doc.text;
    let after = crate::lexicon::fold_after(text, span.end, 40);
    let before = crate::lexicon::fold_before(text, span.start, 40);
    let words_after = words_of(&after);
    let role_after = {
        // ("GATIA's commander", "MNLA officer", "the MNLA's counter-terrorism unit" no)
        let skip = usize::from(after.starts_with("'s ") || after.starts_with("s "));
        (after.starts_with(' ') || skip == 1)
            && words_after
                .get(skip)
                .is_some_and(|w| ROLE_NOUNS.contains(w))
    };
    let words_before = words_of(&before);
    let n = words_before.len();
    let role_before = {
        // "chief of the", "cadre du", "chef de la"
        let mut k = n;
        while k > 0 && matches!(words_before[k - 1], "the" | "la" | "l" | "les") {
            k -= 1;
        }
        k >= 2
            && matches!(words_before[k - 1], "of" | "du" | "de" | "des" | "d")
            && ROLE_NOUNS.contains(&words_before[k - 2])
    };
    role_after || role_before
}

/// Is the armed group at `span` named as the author of an attack: the complement of an attack
/// noun ("dans une attaque de Boko Haram", "l'embuscade du JNIM", "une attaque d'éléments de
/// l'EIGS") or its modifier ("in a Boko Haram attack", "an ISWAP ambush")?
fn names_the_attacker(a: &Analysis, span: Span) -> bool {
    let before = words_before(a, span.start, 60);
    // (only the clause's last words count)
    let clause = before
        .rsplit([',', ';', ':', '.', '(', '\n'])
        .next()
        .unwrap_or("");
    let mut words = words_of(clause);
    // ("de l'EIGS", "de la katiba Macina")
    if matches!(words.last(), Some(&("l" | "la" | "les"))) {
        words.pop();
    }
    let genitive = |w: &str| matches!(w, "de" | "du" | "des" | "d" | "of" | "by");
    let n = words.len();
    let complement = n >= 2
        && genitive(words[n - 1])
        && (ATTACK_NOUNS.contains(&words[n - 2])
            || (n >= 4
                && MEMBER_NOUNS.contains(&words[n - 2])
                && genitive(words[n - 3])
                && ATTACK_NOUNS.contains(&words[n - 4])));
    let after = crate::lexicon::fold_after(&a.doc.text, span.end, 30);
    let modifier = after.starts_with(' ')
        && words_of(&after)
            .first()
            .is_some_and(|w| ATTACK_NOUNS.contains(w));
    complement || modifier
}

/// Is the actor at `span` the object of an attack word before it in sentence `si` ("attacked a
/// post of the VDP", "l'assaut contre une position du JNIM"), not its agent ("attaqué par
/// des combattants du JNIM", "une attaque de Boko Haram": [`names_the_attacker`])?
fn attacked(a: &Analysis, si: usize, span: Span) -> bool {
    if names_the_attacker(a, span) {
        return false;
    }
    a.sentences[si].triggers.iter().any(|t| {
        // ("une frappe aérienne de la force Barkhane": a strike of X is X's own)
        let before = !matches!(t.0, TriggerClass::Clash | TriggerClass::Air)
            && t.0.is_violent()
            && clause_gap(a, t.2.end, span.start).is_some_and(|gap| {
                let words = words_of(&gap);
                // "the post held by the VDP", "le poste tenu par les VDP": the defenders.
                let held = words.windows(2).any(|w| {
                    matches!(
                        w,
                        [
                            "held"
                                | "manned"
                                | "occupied"
                                | "controlled"
                                | "tenu"
                                | "tenue"
                                | "occupe"
                                | "occupee"
                                | "controle"
                                | "controlee",
                            "by" | "par"
                        ]
                    )
                });
                held || !words
                    .iter()
                    .any(|w| matches!(*w, "par" | "by" | "oeuvre" | "work" | "responsible"))
            });
        // "members of the militia were killed", "des VDP ont été tués": the victims.
        // "a convoy of the army and Africa Corps was ambushed": the side attacked.
        let victims = t.0.is_violent()
            && !matches!(t.0, TriggerClass::Clash)
            && clause_gap(a, span.end, t.2.start).is_some_and(|gap| {
                let words = words_of(&gap);
                words.len() <= 4
                    && words
                        .iter()
                        .any(|w| matches!(*w, "were" | "was" | "been" | "ete"))
            });
        // "une frappe aérienne visant des combattants de Boko Haram", "an air strike targeting
        // Boko Haram fighters": what the strike was aimed at.
        let aimed_at = t.0 == TriggerClass::Air
            && clause_gap(a, t.2.end, span.start).is_some_and(|gap| {
                words_of(&gap).iter().take(4).any(|w| {
                    matches!(
                        *w,
                        "visant"
                            | "ciblant"
                            | "contre"
                            | "targeting"
                            | "targeted"
                            | "against"
                            | "on"
                            | "sur"
                    )
                })
            });
        before || victims || aimed_at
    }) || counted_victims(a, si, span)
        || owns_target(a, si, span)
}

/// "3 peacekeepers killed", "deux VDP tués": members counted, then a word of killing or
/// wounding, are the victims.
fn counted_victims(a: &Analysis, si: usize, span: Span) -> bool {
    counted_before(a, span)
        && a.sentences[si].triggers.iter().any(|t| {
            matches!(t.0, TriggerClass::Killing | TriggerClass::Injury)
                && t.2.start >= span.end
                && a.doc.text.get(span.end..t.2.start).is_some_and(|gap| {
                    gap.split_whitespace().count() <= 3 && !gap.contains([',', ';', '.'])
                })
        })
}

/// The words before a number go on a breakdown opened a few words back, in the same clause:
/// "dont 2 soldats et 2 civils", "including 2 soldiers and 2 civilians" — the second part too
/// is of the toll already given.
fn continues_breakdown(folded_before: &str) -> bool {
    let clause = folded_before
        .rsplit(['.', ';', ':', '(', '\n'])
        .next()
        .unwrap_or("");
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let mut rev = words.iter().rev();
    // (the part right before: a joining word, then the earlier part's noun and number)
    matches!(rev.next(), Some(&("et" | "and")))
        && rev
            .take(6)
            .any(|w| matches!(*w, "dont" | "including" | "notamment"))
}

/// A word that opens the breakdown of a count ("47 morts, dont …", "including …").
fn opens_breakdown(word: &str) -> bool {
    matches!(word, "dont" | "including" | "soit" | "notamment")
}

/// Whose dead a toll's breakdown names: "19 morts, dont 1 soldat, 18 parmi les assaillants",
/// "12 killed, including two soldiers". The parts are not counted again (the total is the
/// toll), but they say who fought.
#[derive(Debug, Clone, Copy, Default)]
struct BreakdownSides {
    soldiers: bool,
    attackers: bool,
}

fn toll_breakdown_sides(a: &Analysis, sentences: &[usize]) -> BreakdownSides {
    let mut sides = BreakdownSides::default();
    for &si in sentences {
        let s = &a.sentences[si];
        for &qi in &s.quantities {
            if !in_death_breakdown(a, si, qi) {
                continue;
            }
            match a.noun_after(qi) {
                Some(NounClass::Soldier) => sides.soldiers = true,
                Some(NounClass::Attacker) => sides.attackers = true,
                _ => {}
            }
        }
    }
    sides
}

/// Is quantity `qi` a part of a death toll given before it in its sentence, after "dont",
/// "including", "notamment", "soit"?
fn in_death_breakdown(a: &Analysis, si: usize, qi: usize) -> bool {
    let q = &a.quantities[qi];
    a.sentences[si].quantities.iter().any(|&qj| {
        let toll = &a.quantities[qj];
        qj != qi
            && toll.span.end <= q.span.start
            && q.span.start - toll.span.end <= 80
            && a.noun_after(qj) == Some(NounClass::Dead)
            && a.doc
                .text
                .get(toll.span.end..q.span.start)
                .is_some_and(|gap| {
                    crate::lexicon::fold(gap)
                        .split(|c: char| !c.is_alphanumeric())
                        .any(opens_breakdown)
                })
    })
}

/// Does a number stand right before `span` ("3 peacekeepers", "deux VDP")?
/// "47 morts, dont 30 civils, 14 éléments des FDS et 3 VDP", "80 killed, including 6
/// volunteers": a group counted in the breakdown of a toll is among the dead.
fn in_toll_breakdown(a: &Analysis, span: Span) -> bool {
    counted_before(a, span)
        && words_before(a, span.start, 60)
            .split(|c: char| !c.is_alphanumeric())
            .any(opens_breakdown)
}

fn counted_before(a: &Analysis, span: Span) -> bool {
    a.quantities.iter().any(|q| {
        q.span.end <= span.start
            && a.doc
                .text
                .get(q.span.end..span.start)
                .is_some_and(|gap| gap.trim().is_empty())
    })
}

/// "a MINUSMA convoy", "the FAMa checkpoint", "un poste de la Plateforme": the group whose
/// vehicle, convoy or position the sentence names is the side it happened to, whatever the
/// verb.
fn owns_target(a: &Analysis, si: usize, span: Span) -> bool {
    let text = &a.doc.text;
    a.sentences[si].hits.iter().any(|h| {
        let Category::Target(kind) = h.category else {
            return false;
        };
        if matches!(
            kind,
            TargetKind::Civilians | TargetKind::Village | TargetKind::Officials
        ) {
            return false;
        }
        let gap = |from: usize, to: usize| {
            text.get(from..to)
                .map(|g| crate::lexicon::fold(g.trim()))
                .unwrap_or_else(|| "x".to_string())
        };
        (span.end <= h.span.start && gap(span.end, h.span.start).is_empty())
            || (h.span.end <= span.start
                && matches!(
                    gap(h.span.end, span.start).as_str(),
                    "of" | "of the" | "de" | "de la" | "du" | "des" | "de l" | "d"
                ))
    })
}

fn claimant_sentence(a: &Analysis, sentences: &[usize]) -> Option<usize> {
    sentences
        .iter()
        .copied()
        .find(|&si| !a.sentences[si].claimed.is_empty())
}

/// A group that claimed the frame's event ("JNIM … claimed the attack"): the perpetrator.
fn claimant(a: &Analysis, sentences: &[usize]) -> Option<u32> {
    sentences.iter().find_map(|&si| {
        let s = &a.sentences[si];
        if s.claimed.is_empty() {
            return None;
        }
        let cue = s
            .hits
            .iter()
            .find(|h| h.category == Category::Cue(CueKind::Responsibility))?;
        s.actors.iter().find_map(|h| match h.category {
            Category::Actor(idx) if h.span.end <= cue.span.start => Some(idx),
            _ => None,
        })
    })
}

/// The country of a frame's first resolved place.
fn frame_country<'a>(a: &'a Analysis, frame: &Frame) -> Option<&'a str> {
    frame
        .places
        .iter()
        .find_map(|&p| a.place(p).map(|r| r.country_code.as_str()))
}

fn perpetrator(
    a: &Analysis,
    sentences: &[usize],
    background: bool,
    frame_country: Option<&str>,
) -> Perpetrator {
    let scanner = Scanner::get();
    let country = a.country.clone();
    let resolve_entry = |idx: u32| -> Option<(Actor, Option<Actor>)> {
        let e = scanner.actors.get(idx as usize)?;
        if e.country
            .as_ref()
            .is_some_and(|c| Some(c) != country.as_ref())
        {
            return None;
        }
        let actor = Actor {
            name: e.name.clone(),
            kind: e.kind,
            parent: e.parent.clone(),
        };
        // A wing is coded as an associated actor of its parent.
        match &e.parent {
            Some(parent) => {
                let parent_kind = scanner
                    .actors
                    .iter()
                    .find(|p| &p.name == parent)
                    .map_or(e.kind, |p| p.kind);
                Some((
                    Actor {
                        name: parent.clone(),
                        kind: parent_kind,
                        parent: None,
                    },
                    Some(actor),
                ))
            }
            None => Some((actor, None)),
        }
    };
    let mut people: Vec<String> = Vec::new();
    let mut named: Option<(Actor, Option<Actor>, usize)> = None;
    let mut generic: Option<(Actor, usize)> = None;
    let mut attacked_group: Option<Actor> = None;
    let mut escort: Option<Actor> = None;
    let mut foreign: Option<Actor> = None;
    // Another named group, in case the first one named turns out to be the one attacked.
    let mut second: Option<(Actor, Option<Actor>, usize)> = None;
    // Attackers told as unknown ("unknown gunmen shot dead an MNLA officer", "tué par des
    // hommes armés non identifiés"): a group named as a victim's affiliation is the side hit.
    let unnamed_agent = names_unidentified_group(a, sentences);
    for &si in sentences {
        for h in &a.sentences[si].actors {
            match h.category {
                Category::Person(p) => {
                    if let Some(person) = scanner.people.get(p as usize) {
                        if !people.contains(&person.name) {
                            people.push(person.name.clone());
                        }
                    }
                }
                Category::Actor(idx) => {
                    if !a.serves(si, h.span, background) || speaks(a, si, h.span) {
                        continue;
                    }
                    let Some((actor, assoc)) = resolve_entry(idx) else {
                        continue;
                    };
                    if actor.name.starts_with('?') {
                        continue;
                    }
                    let armed = matches!(
                        actor.kind,
                        ActorKind::RebelGroup
                            | ActorKind::PoliticalMilitia
                            | ActorKind::IdentityMilitia
                            | ActorKind::External
                    );
                    if !armed {
                        continue;
                    }
                    if actor.name.starts_with("Unidentified") {
                        if generic.is_none() {
                            generic = Some((actor, si));
                        }
                    } else if escorting(a, h.span) {
                        if escort.is_none() {
                            escort = Some(actor);
                        }
                    } else if attacked(a, si, h.span)
                        || in_toll_breakdown(a, h.span)
                        || defending(a, si, h.span)
                        || (unnamed_agent && affiliation(a, h.span))
                    {
                        if attacked_group.is_none() {
                            attacked_group = Some(actor);
                        }
                    } else if actor.kind == ActorKind::External && !makes_agent(a, si, h.span, true)
                    {
                        // Foreign forces are named for much besides attacking: their help,
                        // their surveillance, their departure.
                        if foreign.is_none() {
                            foreign = Some(actor);
                        }
                    } else if named.is_none() {
                        named = Some((actor, assoc, si));
                    } else if named.as_ref().is_some_and(|n| n.0.name != actor.name)
                        && second.is_none()
                    {
                        second = Some((actor, assoc, si));
                    } else if let (Some((n, assoc_slot, _)), Some(assoc)) = (named.as_mut(), assoc)
                    {
                        if assoc_slot.is_none() && assoc.parent.as_deref() == Some(n.name.as_str())
                        {
                            *assoc_slot = Some(assoc);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // The group that claimed the attack did it, whoever else the frame names first.
    if let Some((actor, assoc)) = claimant(a, sentences).and_then(&resolve_entry) {
        let armed = matches!(
            actor.kind,
            ActorKind::RebelGroup | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia
        );
        if armed
            && !actor.name.starts_with('?')
            && !actor.name.starts_with("Unidentified")
            && named.as_ref().is_none_or(|n| n.0.name != actor.name)
        {
            let si = claimant_sentence(a, sentences).unwrap_or(sentences[0]);
            // A pro-government militia named before the claimant was on the receiving end.
            if let Some(previous) = named.take() {
                if attacked_group.is_none() && previous.0.kind == ActorKind::PoliticalMilitia {
                    attacked_group = Some(previous.0);
                }
            }
            named = Some((actor, assoc, si));
        }
    }
    // "Clashes between JNIM and IS … IS fighters took part in the assault on a JNIM
    // position": the group attacked is the other side.
    if let (Some(n), Some(g)) = (&named, &attacked_group) {
        if n.0.name == g.name {
            // ("des casques bleus de la MINUSMA ont été blessés": named twice, attacked once;
            // with no other group named, the perpetrator is unknown.)
            named = second.take();
        }
    }
    // "FAMa killed four militants", "arrested by the Malian army … executed", "tués par des
    // militaires": the state's own forces did it when the text makes them the agent and names
    // no armed group as one.
    if named.is_none() {
        if let Some((actor, si)) = state_agent(a, sentences) {
            named = Some((actor, None, si));
        }
    }
    let mut claims = Vec::new();
    if let Some((actor, assoc, si)) = named {
        claims.push(sentence_claim(
            a,
            si,
            "actor1",
            ClaimValue::Text(actor.name.clone()),
        ));
        return Perpetrator {
            actor1: Some(actor),
            assoc1: assoc,
            people,
            claims,
            attacked_group,
            escort,
            from_article: false,
            foreign: foreign.clone(),
        };
    }
    // The article's named group, when the frame only says "jihadists" or names no one.
    // Not from sentences about the conflict in general ("JNIM is active in the area"), nor a
    // group that was itself attacked.
    let article_group = a.sentences.iter().enumerate().find_map(|(si, s)| {
        // (nor from a claim of another incident of the article: claims go to their own)
        if s.generic || s.background || (!s.claimed.is_empty() && !s.claimed_plural) {
            return None;
        }
        // (nor from the story of another country in a round-up: "MALI — JNIM attacked
        // Boulkessi … BURKINA FASO — gunmen killed six civilians in Foutouri")
        let elsewhere = frame_country.is_some_and(|fc| {
            let own: Vec<&str> = s
                .places
                .iter()
                .filter_map(|&p| a.place(p).map(|r| r.country_code.as_str()))
                .collect();
            !own.is_empty() && !own.contains(&fc)
        });
        if elsewhere {
            return None;
        }
        s.actors.iter().find_map(|h| match h.category {
            Category::Actor(idx) if !attacked(a, si, h.span) => resolve_entry(idx)
                .filter(|(x, _)| {
                    matches!(x.kind, ActorKind::RebelGroup)
                        && !x.name.starts_with('?')
                        && !x.name.starts_with("Unidentified")
                })
                .map(|(x, assoc)| (x, assoc, si)),
            _ => None,
        })
    });
    let frame_says_jihadists = names_actor(a, sentences, |name| name.starts_with('?'));
    if background && generic.is_none() {
        return Perpetrator {
            actor1: unidentified_group(),
            assoc1: None,
            people,
            claims,
            attacked_group,
            escort,
            from_article: false,
            foreign: foreign.clone(),
        };
    }
    if let Some((actor, assoc, si)) =
        article_group.filter(|_| frame_says_jihadists || generic.is_none())
    {
        claims.push(sentence_claim(
            a,
            si,
            "actor1",
            ClaimValue::Text(actor.name.clone()),
        ));
        return Perpetrator {
            actor1: Some(actor),
            assoc1: assoc,
            people,
            claims,
            attacked_group,
            escort,
            from_article: true,
            foreign: foreign.clone(),
        };
    }
    if let Some((actor, si)) = generic {
        claims.push(sentence_claim(
            a,
            si,
            "actor1",
            ClaimValue::Text(actor.name.clone()),
        ));
        return Perpetrator {
            actor1: Some(actor),
            assoc1: None,
            people,
            claims,
            attacked_group,
            escort,
            from_article: false,
            foreign: foreign.clone(),
        };
    }
    Perpetrator {
        actor1: None,
        assoc1: None,
        people,
        claims,
        attacked_group,
        escort,
        from_article: false,
        foreign,
    }
}

/// Does the frame blame attackers it does not name ("des hommes armés", "presumed jihadists",
/// "unknown gunmen")?
fn blames_unnamed_attackers(a: &Analysis, sentences: &[usize]) -> bool {
    names_actor(a, sentences, |name| {
        name.starts_with('?') || name.starts_with("Unidentified Armed Group")
    })
}

/// The communities a sentence of the frame sets against each other in violence, with that
/// sentence (not a sentence of background or of the conflict in general): both sides when it
/// names them ("entre Peuls et Dogons", "between herders and farmers"), else one unnamed
/// community when it calls the violence communal ("des affrontements intercommunautaires").
fn communities_at_odds(
    a: &Analysis,
    sentences: &[usize],
) -> Option<(usize, Community, Option<Community>)> {
    let told: Vec<(usize, String)> = sentences
        .iter()
        .filter(|&&si| !a.sentences[si].generic && !a.sentences[si].background)
        .map(|&si| {
            let text = a.doc.sentence_text(a.sentences[si].span);
            (si, crate::lexicon::fold(text))
        })
        .collect();
    told.iter()
        .find_map(|(si, folded)| {
            super::communities::at_odds(folded).map(|(x, y)| (*si, x, Some(y)))
        })
        .or_else(|| {
            told.iter()
                .find(|(_, folded)| super::communities::communal(folded))
                .map(|(si, _)| (*si, Community::Unnamed, None))
        })
}

/// The military forces of the article's country, as the actor list names them.
fn country_forces(a: &Analysis) -> Option<Actor> {
    country_state_forces(
        vigie_geo::country_name(a.country.as_deref()?)?,
        "Military Forces of",
    )
}

/// A country's forces of one kind ("Military Forces of", "Police Forces of"), as the actor list
/// names them.
fn country_state_forces(country: &str, kind: &str) -> Option<Actor> {
    if country.is_empty() {
        return None;
    }
    let name = format!("{kind} {country}");
    let with_period = format!("{name} (");
    Scanner::get()
        .actors
        .iter()
        .find(|e| {
            e.kind == ActorKind::StateForces && (e.name == name || e.name.starts_with(&with_period))
        })
        .map(|e| Actor {
            name: e.name.clone(),
            kind: e.kind,
            parent: None,
        })
}

/// The frame says the aircraft was military ("un avion militaire", "l'armée de l'air", "the
/// air force", "a fighter jet"): state aviation, even when the text names its country wrongly
/// or not at all.
fn military_aircraft(a: &Analysis, sentences: &[usize]) -> bool {
    sentences.iter().any(|&si| {
        let folded = crate::lexicon::fold(a.doc.sentence_text(a.sentences[si].span));
        [
            "avion militaire",
            "avions militaires",
            "armee de l'air",
            "armee de l air",
            "aviation militaire",
            "air force",
            "military aircraft",
            "military jet",
            "fighter jet",
            "avion de chasse",
            "avions de chasse",
        ]
        .iter()
        .any(|p| folded.contains(p))
    })
}

/// Does the frame name an armed group by words that identify none ("unknown gunmen", "des
/// individus armés non identifiés")?
fn names_unidentified_group(a: &Analysis, sentences: &[usize]) -> bool {
    names_actor(a, sentences, |name| {
        name.starts_with("Unidentified Armed Group")
    })
}

/// Does the frame name an actor of the lexicon whose name (as the lexicon writes it) passes
/// `wanted`?
fn names_actor(a: &Analysis, sentences: &[usize], wanted: impl Fn(&str) -> bool) -> bool {
    let scanner = Scanner::get();
    sentences.iter().any(|&si| {
        a.sentences[si].actors.iter().any(|h| {
            matches!(h.category, Category::Actor(idx)
                if scanner.actors.get(idx as usize).is_some_and(|e| wanted(&e.name)))
        })
    })
}

/// ACLED's unidentified armed group (`{country}` filled in by the caller).
fn unidentified_group() -> Option<Actor> {
    Scanner::get()
        .actors
        .iter()
        .find(|e| e.name.starts_with("Unidentified Armed Group") && e.country.is_none())
        .map(|e| Actor {
            name: e.name.clone(),
            kind: e.kind,
            parent: None,
        })
}

/// State forces named in the frame (the other side of a battle).
fn state_actor(a: &Analysis, sentences: &[usize], actor1: Option<&Actor>) -> Option<Actor> {
    // Forces only: a government is no side of the violence ("the government condemned it").
    state_actor_in_order(a, sentences, actor1, &[false])
}

/// The authority behind an announcement: a government the frame names, else its forces.
fn announcing_authority(a: &Analysis, sentences: &[usize]) -> Option<Actor> {
    state_actor_in_order(a, sentences, None, &[true, false])
}

/// The first state actor named in `sentences`, governments (`true`) or forces (`false`) in the
/// order given.
/// State forces that the frame makes the agent of its violence: named right before a word
/// of violence in the active voice ("soldiers killed", "l'armée a abattu"), or right after
/// "by"/"par" following one ("executed by soldiers", "tués par des militaires").
fn state_agent(a: &Analysis, sentences: &[usize]) -> Option<(Actor, usize)> {
    let scanner = Scanner::get();
    sentences.iter().find_map(|&si| {
        let s = &a.sentences[si];
        s.actors.iter().find_map(|h| {
            let Category::Actor(idx) = h.category else {
                return None;
            };
            let e = scanner.actors.get(idx as usize)?;
            if e.kind != ActorKind::StateForces
                || e.name.starts_with("Government of")
                || e.country
                    .as_ref()
                    .is_some_and(|c| Some(c) != a.country.as_ref())
            {
                return None;
            }
            makes_agent(a, si, h.span, false).then(|| {
                let country = a
                    .country
                    .as_deref()
                    .and_then(vigie_geo::country_name)
                    .unwrap_or("");
                (
                    with_country(
                        Actor {
                            name: e.name.clone(),
                            kind: e.kind,
                            parent: None,
                        },
                        country,
                    ),
                    si,
                )
            })
        })
    })
}

/// Does sentence `si` make the forces named at `span` the agent of its violence? Named right
/// before a word of violence in the active voice ("soldiers killed 4", "l'armée a abattu deux
/// hommes"), or right after "by"/"par" following one ("executed by soldiers"). With
/// `any_act`, a clash counts and the active voice needs no object ("French troops attacked
/// the camp"): said of foreign forces, who are otherwise named for their help or departure;
/// without it (the country's own forces, named in most reports as the side attacked), only
/// violence done to a counted object does.
fn makes_agent(a: &Analysis, si: usize, span: Span, any_act: bool) -> bool {
    let text = &a.doc.text;
    let words = |from: usize, to: usize| -> Option<Vec<String>> {
        // (every use wants a few words: a longer gap is no clause, and folding it for every
        // actor, trigger and figure of a long sentence was cubic in its length)
        if to.saturating_sub(from) > CLAUSE_BYTES {
            return None;
        }
        let gap = text.get(from..to)?;
        if gap.contains([',', ';', ':', '.', '(']) {
            return None;
        }
        Some(
            crate::lexicon::fold(gap)
                .split_whitespace()
                .map(str::to_string)
                .collect(),
        )
    };
    let s = &a.sentences[si];
    // (counted, they are the victims: "3 FAMa wounded")
    if counted_before(a, span) {
        return false;
    }
    // the active voice needs its object: "killed 4 militants", "a tué deux hommes"
    let object_after = |end: usize| {
        a.quantities
            .iter()
            .any(|q| q.span.start >= end && words(end, q.span.start).is_some_and(|w| w.len() <= 2))
    };
    // ("tués lors d'une opération menée par la force Barkhane", "killed in an operation by
    // French forces": the agent of the operation that did it)
    let by_before = || {
        // ("by the", "par les", "by French …": two words at most after it)
        let start = s.span.start.max(span.start.saturating_sub(24));
        let before = (0..4)
            .map(|back| start.saturating_sub(back))
            .find_map(|st| text.get(st..span.start))
            .unwrap_or("");
        crate::lexicon::fold(before)
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| matches!(w, "by" | "par"))
    };
    if any_act
        && by_before()
        && s.triggers
            .iter()
            .any(|t| t.0.is_violent() && t.2.end <= span.start)
    {
        return true;
    }
    s.triggers.iter().any(|t| {
        let violent = t.0.is_violent() && (any_act || !matches!(t.0, TriggerClass::Clash));
        let active = span.end <= t.2.start
            && t.2.start - span.end <= CLAUSE_BYTES
            && (any_act || object_after(t.2.end))
            && words(span.end, t.2.start).is_some_and(|w| {
                w.len() <= 2
                    && w.iter().all(|w| {
                        matches!(
                            w.as_str(),
                            "a" | "ont" | "has" | "have" | "had" | "reportedly"
                        )
                    })
            });
        let passive = t.2.end <= span.start
            && words(t.2.end, span.start).is_some_and(|w| {
                matches!(w.first().map(String::as_str), Some("by" | "par")) && w.len() <= 3
            });
        violent && (active || passive)
    })
}

fn state_actor_in_order(
    a: &Analysis,
    sentences: &[usize],
    actor1: Option<&Actor>,
    order: &[bool],
) -> Option<Actor> {
    let scanner = Scanner::get();
    let country_name = a
        .country
        .as_deref()
        .and_then(vigie_geo::country_name)
        .unwrap_or("");
    for &government in order {
        for &si in sentences {
            let sentence = &a.sentences[si];
            if !government && sent_afterwards(sentence) {
                continue;
            }
            for h in &sentence.actors {
                if let Category::Actor(idx) = h.category {
                    let Some(e) = scanner.actors.get(idx as usize) else {
                        continue;
                    };
                    if e.name.starts_with("Government of") != government {
                        continue;
                    }
                    if !government && arrived_afterwards(sentence, h.span) {
                        continue;
                    }
                    if e.kind != ActorKind::StateForces
                        || e.country
                            .as_ref()
                            .is_some_and(|c| Some(c) != a.country.as_ref())
                    {
                        continue;
                    }
                    let actor = with_country(
                        Actor {
                            name: e.name.clone(),
                            kind: e.kind,
                            parent: None,
                        },
                        country_name,
                    );
                    if Some(&actor) != actor1 {
                        return Some(actor);
                    }
                }
            }
        }
    }
    None
}

/// A sentence that only tells forces being sent ("des renforts ont été dépêchés sur les
/// lieux": a `dispatched` cue and no strong word of an event): none of its forces was a side.
fn sent_afterwards(sentence: &Sentence) -> bool {
    sentence
        .hits
        .iter()
        .any(|h| matches!(h.category, Category::Cue(CueKind::Dispatched)))
        && !sentence.triggers.iter().any(|t| t.1)
}

/// Within a sentence that tells the event too ("L'armée, qui a un camp à 20 km, y est arrivée
/// vers 22 heures, après l'arrêt des combats", "soldiers went to the scene after the attackers
/// had left"): forces the sentence brings in afterwards (a `dispatched` cue later in their
/// sentence, with no word of violence of their own before it) were no side of the fighting.
fn arrived_afterwards(sentence: &Sentence, actor: Span) -> bool {
    sentence.hits.iter().any(|cue| {
        matches!(cue.category, Category::Cue(CueKind::Dispatched))
            && cue.span.start >= actor.end
            && cue.span.start - actor.end <= AFTERWARDS_BYTES
            && !sentence.triggers.iter().any(|t| {
                t.1 && t.0.is_violent() && t.2.start >= actor.end && t.2.start < cue.span.start
            })
    })
}

/// How far after the forces' name their arrival may be told ("L'armée malienne, qui a un
/// campement à 20 km du village, y est arrivée vers 22 heures, après …").
const AFTERWARDS_BYTES: usize = 120;

fn with_country(mut actor: Actor, country: &str) -> Actor {
    if actor.name.contains("{country}") {
        let c = if country.is_empty() {
            "Unknown"
        } else {
            country
        };
        actor.name = actor.name.replace("{country}", c);
    }
    actor
}

/// Linking keys: victim nationalities, "coordinated", the day and month of an undated event.
fn keys_of(a: &Analysis, sentences: &[usize], frame: &Frame) -> Vec<String> {
    let scanner = Scanner::get();
    let mut keys: BTreeSet<String> = BTreeSet::new();
    for &si in sentences {
        for h in &a.sentences[si].hits {
            if let Category::Nationality(n) = h.category {
                if let Some(k) = scanner.nationalities.get(n as usize) {
                    keys.insert(format!("nationality:{k}"));
                }
            }
        }
    }
    if frame.coordinated {
        keys.insert("coordinated".to_string());
    }
    if sentences.iter().any(|&si| has_cue(a, si, CueKind::Repeat)) {
        keys.insert(REPEAT_KEY.to_string());
    }
    if let Some((month, day)) = a.day_month_hint(frame) {
        keys.insert(format!("{DAY_MONTH_KEY}{month:02}-{day:02}"));
    } else if let Some(weekday) = a.weekday_hint(frame) {
        keys.insert(format!("{WEEKDAY_KEY}{}", weekday.num_days_from_monday()));
    } else if let Some(weekday) = a.month_weekday_hint(frame) {
        keys.insert(format!(
            "{MONTH_WEEKDAY_KEY}{}",
            weekday.num_days_from_monday()
        ));
    }
    // A page dated only to its month ("date 2017-11") and an event it gives no date: the
    // event happened that month or in the weeks before it, not years away.
    if let (None, true, Some(anchor)) = (frame.date, a.anchor_month_only, a.anchor) {
        keys.insert(format!("{PAGE_MONTH_KEY}{}", anchor.format("%Y-%m")));
    }
    keys.into_iter().collect()
}

/// The frame's event locations: each site of an operation, or the single most specific place.
/// How far from its main point a province or cercle named beside a town may still hold it.
const ADMIN_REACH_KM: f64 = 75.0;

fn sites_of(a: &Analysis, frame: &Frame) -> Vec<usize> {
    let usable: Vec<(usize, &ResolvedPlace)> = frame
        .places
        .iter()
        .filter_map(|&p| a.place(p).map(|r| (p, r)))
        .collect();
    if usable.is_empty() {
        return Vec::new();
    }
    // Group places that fit each other (same place, or one inside the other).
    // Two distinct names a few km apart (Niono, Molodo) are two sites; a name and the
    // cercle or region containing it are one.
    // A province or cercle named beside a town ("Arbinda, in Soum province") is where the
    // town lies, even when the gazetteer files the town under another unit: one site when the
    // town is within the unit's reach.
    let admin_around = |unit: usize, town: &ResolvedPlace| {
        matches!(a.places[unit].cue, vigie_geo::Cue::Admin(level) if level != vigie_geo::AdminLevel::Country)
            && a.place(unit).is_some_and(|u| {
                match (u.latitude, u.longitude, town.latitude, town.longitude) {
                    (Some(la), Some(lo), Some(lb), Some(lob)) => {
                        vigie_geo::distance_km(la, lo, lb, lob) <= ADMIN_REACH_KM
                    }
                    _ => false,
                }
            })
    };
    let same_site = |x: &ResolvedPlace, y: &ResolvedPlace| {
        (x.place_id.is_some() && x.place_id == y.place_id)
            || (crate::lexicon::fold(&x.location) == crate::lexicon::fold(&y.location))
            || (places_fit(x, y) && (x.geo_precision >= 2 || y.geo_precision >= 2))
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &(p, rp) in &usable {
        match groups.iter_mut().find(|g| {
            g.iter().any(|&q| {
                a.place(q).is_some_and(|rq| {
                    same_site(rp, rq)
                        || admin_around(p, rq)
                        || admin_around(q, rp)
                        || a.at_stated_distance(p, q)
                })
            })
        }) {
            Some(g) => g.push(p),
            None => groups.push(vec![p]),
        }
    }
    // At equal precision, a town named as such ("près de Hombori") rather than an area coded
    // to its main town ("le cercle de Douentza").
    // A village named as the spot ("à hauteur de Kobé", "near Boni").
    let village_spot = |p: usize| {
        matches!(a.places[p].cue, vigie_geo::Cue::At | vigie_geo::Cue::Near)
            && a.place(p).and_then(|r| r.place_id).is_some_and(|id| {
                matches!(
                    vigie_geo::global().place(id).kind,
                    vigie_geo::PlaceKind::Village | vigie_geo::PlaceKind::Other
                )
            })
    };
    let most_specific = |g: &Vec<usize>| -> usize {
        let spot_named = g.iter().any(|&p| village_spot(p));
        *g.iter()
            .min_by_key(|&&p| {
                (
                    a.place(p).map_or(9, |r| r.geo_precision),
                    matches!(a.places[p].cue, vigie_geo::Cue::Admin(_)),
                    // a road's end only says which road ("sur l'axe Koro-Mondoro, à 10 km de
                    // Dioungani": Dioungani), and so do the ends "between" which a village is
                    // named ("entre Gao et Ansongo, à hauteur de Kobé": Kobé)
                    matches!(a.places[p].cue, vigie_geo::Cue::Axis)
                        || (spot_named && matches!(a.places[p].cue, vigie_geo::Cue::Between)),
                )
            })
            .unwrap_or(&g[0])
    };
    // The sentence of the frame that names the most distinct places lists the sites.
    let in_sentence = |si: usize| -> Vec<&Vec<usize>> {
        let span = a.sentences[si].span;
        groups
            .iter()
            .filter(|g| {
                g.iter()
                    .any(|&p| span.contains(Span::new(a.places[p].start, a.places[p].end)))
            })
            .collect()
    };
    let list_sentence = frame
        .sentences
        .iter()
        .copied()
        .max_by(|&x, &y| {
            in_sentence(x)
                .len()
                .cmp(&in_sentence(y).len())
                .then(y.cmp(&x))
        })
        .unwrap_or(frame.anchor);
    let mut anchor_groups = in_sentence(list_sentence);
    // The ends of a road ("sur l'axe Tombouctou-Goundam") only say where a place named on it
    // ("près de Douékiré") lies: they are neither sites nor the event's place.
    let list_span = a.sentences[list_sentence].span;
    let road_end = |g: &Vec<usize>| {
        g.iter()
            .filter(|&&p| list_span.contains(Span::new(a.places[p].start, a.places[p].end)))
            .all(|&p| {
                matches!(
                    a.places[p].cue,
                    vigie_geo::Cue::Axis | vigie_geo::Cue::Between
                )
            })
    };
    if anchor_groups.iter().any(|g| !road_end(g)) {
        anchor_groups.retain(|g| !road_end(g));
    } else {
        // Only road ends: "entre Sakoani et Matiacoali, sur l'axe Kantchari-Fada" names a
        // stretch between two places of the road, narrower than the road's ends.
        let axis_end = |g: &Vec<usize>| {
            g.iter()
                .filter(|&&p| list_span.contains(Span::new(a.places[p].start, a.places[p].end)))
                .all(|&p| matches!(a.places[p].cue, vigie_geo::Cue::Axis))
        };
        if anchor_groups.iter().any(|g| !axis_end(g)) {
            anchor_groups.retain(|g| !axis_end(g));
        }
    }
    let multi = anchor_groups.len() >= 2
        && (frame.coordinated
            || anchor_groups.len() >= 3
            || places_joined_by_and(a, anchor_groups[0], anchor_groups[1]));
    if multi {
        return anchor_groups.iter().map(|g| most_specific(g)).collect();
    }
    let chosen = anchor_groups.first().copied().unwrap_or(&groups[0]);
    vec![most_specific(chosen)]
}

/// "in Kidal and Gao", "à Aguelhok et à Tessalit": two places joined by "and" after a word of
/// place are two sites of the event (ACLED codes one event per town), with or without a word
/// saying the attacks were coordinated. A name qualifying the first ("Takalout (40 km from
/// Kidal) and Amassin") may stand between them. Not the two ends of a stretch ("entre le village
/// de X et Y") nor the last two of a longer list ("taken to hospitals in X, Y and Z", where the
/// towns are often not where it happened).
fn places_joined_by_and(a: &Analysis, first: &[usize], second: &[usize]) -> bool {
    let text = &a.doc.text;
    let located = first
        .iter()
        .any(|&p| matches!(a.places[p].cue, vigie_geo::Cue::At | vigie_geo::Cue::Near));
    let opens_pair = |p: usize| {
        let start = a.places[p].start;
        let before = crate::lexicon::fold_before(text, start, 40);
        let words: Vec<&str> = before.split_whitespace().collect();
        // ("between Imghad and Idnane in Kidal and Gao": the sides, then where)
        let stretch = words
            .iter()
            .rposition(|w| matches!(*w, "entre" | "between"))
            .is_some_and(|i| {
                !words[i + 1..]
                    .iter()
                    .any(|w| matches!(*w, "in" | "at" | "a" | "au" | "dans"))
            });
        !stretch
            && !text
                .get(..start)
                .is_some_and(|t| t.trim_end().ends_with(','))
    };
    located
        && first.iter().any(|&p| {
            opens_pair(p)
                && second.iter().any(|&q| {
                    let (x, y) = (&a.places[p], &a.places[q]);
                    x.end <= y.start
                        && matches!(y.cue, vigie_geo::Cue::None | vigie_geo::Cue::At)
                        && text.get(x.end..y.start).is_some_and(|gap| {
                            let gap = crate::lexicon::fold(gap.trim_start_matches([')', ']']));
                            matches!(
                                gap.trim(),
                                "and" | "et" | "and in" | "and at" | "et a" | "et dans"
                            )
                        })
                })
        })
}

pub fn short_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
