//! Stage 2 — Document → Mentions: every incident the article reports (and the older ones it
//! recalls), one event frame per incident and place, each value backed by a quoted claim.
//!
//! Components, in the order they run over one document:
//! - [`scan`]: one Aho-Corasick pass over the folded text for every lexicon;
//! - [`quantity`], [`dates`]: numbers with qualifiers, date expressions;
//! - `vigie_geo::find_places` / `resolve`: place names in context;
//! - [`attribution`]: source and hedging per sentence;
//! - [`frames`]: which sentences speak of which incident;
//! - [`build`]: type by ACLED precedence, actors, targets, figures, place, claims.

pub mod attribution;
pub mod build;
pub mod communities;
pub mod dates;
pub mod frames;
pub mod quantity;
pub mod scan;

use crate::document::Document;
use crate::lexicon::Folded;
use crate::model::{Claim, ClaimValue, Diagnostic, Mention};

/// `VIGIE_DEBUG_FRAMES=1` prints the frames to stderr (read once, not per article).
static DEBUG_FRAMES: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("VIGIE_DEBUG_FRAMES").is_some());

/// Extract the event mentions of a document. Never fails on text.
pub fn extract(doc: &Document) -> (Vec<Mention>, Vec<Diagnostic>) {
    let folded = Folded::new(&doc.text);
    let hits = scan::Scanner::get().scan(&doc.text, &folded);
    let quantities = quantity::find_quantities(&doc.text);
    let mut date_matches = dates::find_dates(&doc.text);
    // The page's own date line says when it was published, not when anything happened.
    if let Some((line, ..)) = dates::page_date_line(&doc.text) {
        date_matches.retain(|d| d.span.start >= line.end);
    }
    let gazetteer = vigie_geo::global();
    let places = vigie_geo::find_places(gazetteer, &doc.text);
    let demonyms = vigie_geo::demonym_votes(&doc.text);
    let resolved = vigie_geo::resolve_with_demonyms(gazetteer, &doc.text, &places, &demonyms);
    let analysis = frames::Analysis::new(
        doc,
        hits,
        quantities,
        date_matches,
        places,
        resolved,
        &demonyms,
    );
    let frames = analysis.frames();
    if *DEBUG_FRAMES {
        for (i, f) in frames.iter().enumerate() {
            eprintln!(
                "frame {i}: classes {:?} strong {:?} sentences {:?} support {:?} places {:?}",
                f.classes, f.strong_classes, f.sentences, f.support, f.places
            );
            for &s in &f.sentences {
                eprintln!(
                    "   [{s}] {:?} {}",
                    analysis.sentences[s].classes(),
                    shorten(analysis.sentence_text(s))
                );
            }
        }
    }
    let mut diagnostics = Vec::new();
    let mut mentions = Vec::new();
    let mut ordinal = 0u32;
    for (i, frame) in frames.iter().enumerate() {
        // An older event recalled only in weak words, with nothing attacked and no place named
        // ("le verdict est tombé dans le procès des rebelles", "the killings of those years"):
        // nothing says which event it was. ("The same base had already been attacked on 18
        // September 2024" names one; "an earlier attack in Gao on November 29, 2016" names
        // where it was.)
        let names_a_target = || {
            frame.sentences.iter().any(|&si| {
                analysis.sentences[si]
                    .hits
                    .iter()
                    .any(|h| matches!(h.category, scan::Category::Target(_)))
            })
        };
        let names_a_place = || {
            analysis.sentences[frame.anchor].places.iter().any(|&p| {
                !matches!(
                    analysis.places[p].cue,
                    vigie_geo::Cue::Admin(vigie_geo::AdminLevel::Country)
                )
            })
        };
        if frame.background
            && frame.strong_classes.is_empty()
            && !names_a_target()
            && !names_a_place()
        {
            continue;
        }
        let before = mentions.len();
        mentions.extend(build::mentions_of(&analysis, frame, i, &mut ordinal));
        if mentions.len() == before {
            diagnostics.push(Diagnostic::info(
                "mentions",
                format!(
                    "no codable event in: {}",
                    shorten(analysis.sentence_text(frame.anchor))
                ),
            ));
        }
    }
    // A background mention with no date cannot be placed in time: not coded (ACLED codes
    // nothing less precise than a month).
    mentions.retain(|m| {
        let keep = !m.background || m.date.is_some();
        if !keep {
            diagnostics.push(Diagnostic::info(
                "mentions",
                "undated background mention not coded",
            ));
        }
        keep
    });
    fold_region_into_site(&mut mentions);
    (mentions, diagnostics)
}

/// "Dans l'État du Niger, des hommes armés ont tué 30 personnes … au marché de Kasuwan Daji":
/// a report that tells an event at a site and, in another passage, the same kind of event on
/// the same day (or undated) in the region around that site tells one event. The region-level
/// mention would found an incident of its own; its figures go to the site's, and it goes.
fn fold_region_into_site(mentions: &mut Vec<Mention>) {
    let region_level = |m: &Mention| {
        m.place
            .as_ref()
            .is_some_and(|p| p.geo_precision == 3 && p.admin1.is_some() && p.admin2.is_none())
    };
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        let site = (!m.background && region_level(m))
            .then(|| {
                let region = m.place.as_ref()?;
                mentions.iter().position(|s| {
                    !s.background
                        && s.event_type == m.event_type
                        && (m.date.is_none() || s.date.map(|d| d.date) == m.date.map(|d| d.date))
                        && s.place.as_ref().is_some_and(|p| {
                            matches!(p.geo_precision, 1 | 2)
                                && p.country_code == region.country_code
                                && p.admin1 == region.admin1
                        })
                })
            })
            .flatten();
        match site {
            Some(j) => {
                let figures: Vec<Claim> = mentions[i]
                    .claims
                    .iter()
                    .filter(|c| matches!(c.value, ClaimValue::Count(_)))
                    .cloned()
                    .collect();
                mentions[j].claims.extend(figures);
                mentions.remove(i);
            }
            None => i += 1,
        }
    }
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventDate, EventType, Quantity, Span, SubEventType, TimePrecision};
    use vigie_geo::ResolvedPlace;

    fn attack(location: &str, admin2: Option<&str>, precision: u8, dead: u32) -> Mention {
        Mention {
            id: format!("m-{location}"),
            article: "a".into(),
            published: None,
            ordinal: 0,
            background: false,
            event_type: EventType::ViolenceAgainstCivilians,
            sub_event_type: SubEventType::Attack,
            actor1: None,
            assoc_actor1: None,
            actor2: None,
            assoc_actor2: None,
            people: vec![],
            targets: vec![],
            date: Some(EventDate {
                date: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).expect("date"),
                precision: TimePrecision::Day,
            }),
            place: Some(ResolvedPlace {
                location: location.into(),
                place_id: None,
                country: "Nigeria".into(),
                country_code: "NG".into(),
                admin1: Some("Zamfara".into()),
                admin1_new: None,
                admin2: admin2.map(Into::into),
                admin3: None,
                latitude: Some(12.0),
                longitude: Some(6.0),
                geo_precision: precision,
            }),
            operation: None,
            operation_wide: false,
            claims: vec![Claim {
                field: "fatalities".into(),
                value: ClaimValue::Count(Quantity::exact(dead)),
                quote: String::new(),
                span: Span::new(0, 1),
                attributed_to: None,
                hedged: false,
                victims: None,
            }],
            evidence: Span::new(0, 1),
            keys: vec![],
            passage_marks: vec![],
        }
    }

    #[test]
    fn a_region_level_report_of_an_event_told_at_a_site_of_that_region_folds_into_it() {
        let mut ms = vec![
            attack("Zamfara State", None, 3, 30),
            attack("Maru", Some("Maru"), 1, 32),
        ];
        fold_region_into_site(&mut ms);
        assert_eq!(ms.len(), 1);
        assert_eq!(
            ms[0].place.as_ref().map(|p| p.location.as_str()),
            Some("Maru")
        );
        assert_eq!(
            ms[0].claims.len(),
            2,
            "the region's figure is one more reading"
        );
        // Another day, another region or another kind of event stays apart.
        let mut other_day = attack("Zamfara State", None, 3, 30);
        other_day.date.as_mut().expect("date").date =
            chrono::NaiveDate::from_ymd_opt(2026, 3, 5).expect("date");
        let mut other_region = attack("Sokoto State", None, 3, 30);
        other_region.place.as_mut().expect("place").admin1 = Some("Sokoto".into());
        let mut other_kind = attack("Zamfara State", None, 3, 30);
        other_kind.event_type = EventType::Battles;
        for apart in [other_day, other_region, other_kind] {
            let mut ms = vec![apart, attack("Maru", Some("Maru"), 1, 32)];
            fold_region_into_site(&mut ms);
            assert_eq!(ms.len(), 2, "{:?}", ms[0].place);
        }
    }
}
