//! What linking compares: the normalised values of a mention, without its quotes.
//!
//! Linking reads only these keys, so the store can group every stored mention while holding
//! a few hundred bytes per mention, and load the full mentions (claims, quotes) only for the
//! incidents that changed.

use crate::model::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The figures linking compares, in this order.
pub const KEY_FIELDS: [CountField; 3] = [
    CountField::Abducted,
    CountField::Attackers,
    CountField::Fatalities,
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkKey {
    pub id: String,
    pub article: String,
    pub published: Option<NaiveDate>,
    pub ordinal: u32,
    pub background: bool,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    /// Name of the first actor, when any.
    pub actor1: Option<String>,
    /// Name of the second actor (keys stored before it existed read as none).
    #[serde(default)]
    pub actor2: Option<String>,
    pub date: Option<EventDate>,
    pub place: Option<ResolvedPlace>,
    pub operation: Option<String>,
    pub keys: Vec<String>,
    pub target_kinds: Vec<TargetKind>,
    /// First stated figure for each of [`KEY_FIELDS`]; a vague one ("dozens", "plusieurs")
    /// only when the report gives no number.
    pub figures: [Option<Quantity>; 3],
    /// The mention's passage marks (keys stored before they existed read as none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passage_marks: Vec<u32>,
}

impl LinkKey {
    pub fn of(m: &Mention) -> LinkKey {
        let mut target_kinds: Vec<TargetKind> = m.targets.iter().map(|t| t.kind).collect();
        target_kinds.sort();
        target_kinds.dedup();
        LinkKey {
            id: m.id.clone(),
            article: m.article.clone(),
            published: m.published,
            ordinal: m.ordinal,
            background: m.background,
            event_type: m.event_type,
            sub_event_type: m.sub_event_type,
            actor1: m.actor1.as_ref().map(|a| a.name.clone()),
            actor2: m.actor2.as_ref().map(|a| a.name.clone()),
            date: m.date,
            place: m.place.clone(),
            operation: m.operation.clone(),
            keys: m.keys.clone(),
            passage_marks: m.passage_marks.clone(),
            target_kinds,
            figures: KEY_FIELDS.map(|f| {
                let mut figures = m.counts(f).map(|(_, q)| q);
                let first = figures.next()?;
                if first.qualifier != Qualifier::Vague {
                    return Some(first);
                }
                Some(
                    figures
                        .find(|q| q.qualifier != Qualifier::Vague)
                        .unwrap_or(first),
                )
            }),
        }
    }

    pub fn figure(&self, field: CountField) -> Option<Quantity> {
        KEY_FIELDS
            .iter()
            .position(|f| *f == field)
            .and_then(|i| self.figures[i])
    }
}
