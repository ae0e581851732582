//! When an alert is due: an incident inside a zone is new to that zone ("new"), or differs from
//! the state last alerted for (incident, zone) — a new source, a revised figure, another type,
//! date or place ("updated", saying what changed).
//!
//! The decision compares the incident's current state with the last *recorded* alert, and an
//! alert is recorded with its deliveries in one transaction, so running it twice (or after a
//! crash) raises nothing twice.

use crate::zones::Zone;
use serde::{Deserialize, Serialize};
use vigie_store::{EstimateView, IncidentView, NewAlert, Store};

/// What an alert says about an incident; two states that differ make an "updated" alert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertState {
    pub date: Option<String>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub location: Option<String>,
    pub fatalities: EstimateView,
    pub injured: EstimateView,
    pub abducted: EstimateView,
    /// Article refs behind the incident, sorted.
    pub sources: Vec<String>,
}

impl AlertState {
    pub fn of(incident: &IncidentView) -> AlertState {
        let mut sources: Vec<String> = incident
            .articles
            .iter()
            .map(|a| a.reference.clone())
            .collect();
        sources.sort();
        sources.dedup();
        AlertState {
            date: incident.date.clone(),
            event_type: incident.event_type.clone(),
            sub_event_type: incident.sub_event_type.clone(),
            location: incident.location.clone(),
            fatalities: incident.fatalities,
            injured: incident.injured,
            abducted: incident.abducted,
            sources,
        }
    }

    /// What changed from `old` to `self`, one phrase per change; empty = nothing to say.
    pub fn changes_since(&self, old: &AlertState) -> Vec<String> {
        let mut out = Vec::new();
        let text = |o: &Option<String>| o.clone().unwrap_or_else(|| "?".into());
        let mut field = |name: &str, a: &Option<String>, b: &Option<String>| {
            if a != b {
                out.push(format!("{name}: {} → {}", text(a), text(b)));
            }
        };
        field("type", &old.event_type, &self.event_type);
        field("sub-event type", &old.sub_event_type, &self.sub_event_type);
        field("date", &old.date, &self.date);
        field("location", &old.location, &self.location);
        for (name, a, b) in [
            ("fatalities", old.fatalities, self.fatalities),
            ("injured", old.injured, self.injured),
            ("abducted", old.abducted, self.abducted),
        ] {
            if a != b {
                out.push(format!("{name}: {} → {}", estimate(&a), estimate(&b)));
            }
        }
        let added: Vec<&String> = self
            .sources
            .iter()
            .filter(|s| !old.sources.contains(s))
            .collect();
        if !added.is_empty() {
            let list: Vec<&str> = added.iter().map(|s| s.as_str()).collect();
            out.push(format!("new source: {}", list.join(", ")));
        }
        out
    }
}

fn estimate(e: &EstimateView) -> String {
    let n = |x: Option<u32>| x.map_or_else(|| "?".to_string(), |v| v.to_string());
    match (e.low, e.best, e.high) {
        (None, None, None) => "none".into(),
        (l, b, h) if l == h => n(b),
        (l, b, h) => format!("{} ({}–{})", n(b), n(l), n(h)),
    }
}

/// The JSON an alert carries to hooks, the API and the Atom feed.
pub fn payload(
    kind: &str,
    zone: &Zone,
    incident: &IncidentView,
    changes: &[String],
) -> serde_json::Value {
    serde_json::json!({
        "kind": kind,
        "zone": zone.name,
        "incident": {
            "id": incident.id,
            "date": incident.date,
            "event_type": incident.event_type,
            "sub_event_type": incident.sub_event_type,
            "country": incident.country,
            "admin1": incident.admin1,
            "location": incident.location,
            "latitude": incident.latitude,
            "longitude": incident.longitude,
            "actor1": incident.actor1,
            "actor2": incident.actor2,
            "fatalities": incident.fatalities,
            "injured": incident.injured,
            "abducted": incident.abducted,
            "notes": incident.notes,
            "articles": incident.articles.iter().map(|a| serde_json::json!({
                "ref": a.reference, "url": a.url, "outlet": a.outlet, "title": a.title,
            })).collect::<Vec<_>>(),
        },
        "changes": changes,
    })
}

/// Alerts due for one incident in one zone, given the last state alerted (if any).
pub fn decide(zone: &Zone, incident: &IncidentView, last: Option<&AlertState>) -> Option<NewAlert> {
    if incident.timestamp < zone.added_at || !zone.matches(incident) {
        // A zone speaks of what happens after it was drawn, not of the archive.
        return None;
    }
    let state = AlertState::of(incident);
    let (kind, changes) = match last {
        None => ("new", Vec::new()),
        Some(old) => {
            let changes = state.changes_since(old);
            if changes.is_empty() {
                return None;
            }
            ("updated", changes)
        }
    };
    Some(NewAlert {
        incident_id: incident.id.clone(),
        zone_id: zone.id,
        kind: kind.to_string(),
        payload: payload(kind, zone, incident, &changes),
        changes,
        state: serde_json::to_value(&state).unwrap_or(serde_json::Value::Null),
    })
}

/// Compare the incidents written since the last check with the last alert per (incident,
/// zone); record the alerts due. Returns the number of alerts recorded.
pub fn compute(store: &mut Store) -> Result<usize, String> {
    let started = unix_now();
    let zones: Vec<Zone> = store
        .zones()
        .map_err(|e| e.to_string())?
        .iter()
        .map(Zone::from_row)
        .collect::<Result<_, _>>()?;
    if zones.is_empty() {
        store
            .set_alerts_checked_at(started)
            .map_err(|e| e.to_string())?;
        return Ok(0);
    }
    let since = store.alerts_checked_at().map_err(|e| e.to_string())?;
    // A second of overlap: an incident written in the same second as the last check is looked
    // at again (deciding twice records nothing twice).
    let incidents = store
        .incidents_changed_since(since.saturating_sub(1))
        .map_err(|e| e.to_string())?;
    let mut recorded = 0;
    for incident in &incidents {
        for zone in &zones {
            let last = store
                .last_alert_state(&incident.id, zone.id)
                .map_err(|e| e.to_string())?
                .and_then(|v| serde_json::from_value::<AlertState>(v).ok());
            if let Some(alert) = decide(zone, incident, last.as_ref()) {
                store.record_alert(&alert).map_err(|e| e.to_string())?;
                recorded += 1;
            }
        }
    }
    store
        .set_alerts_checked_at(started)
        .map_err(|e| e.to_string())?;
    Ok(recorded)
}

pub(crate) fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zones::Shape;

    fn incident(fatal: u32, sources: &[&str]) -> IncidentView {
        let none = serde_json::json!({"low": null, "best": null, "high": null});
        let mut v = serde_json::json!({
            "id": "inc1", "event_id_cnty": "BFA1", "date": "2026-03-03",
            "time_precision": 1, "event_type": "Battles", "sub_event_type": "Armed clash",
            "iso": 854, "country": "Burkina Faso", "admin1": "Centre-Ouest",
            "admin2": "Boulkiemdé", "location": "Sabou", "latitude": 12.06,
            "longitude": -2.23, "geo_precision": 1, "targets": [], "people": [],
            "claims": [], "timestamp": 2000
        });
        let obj = v.as_object_mut().unwrap();
        for key in [
            "date_end",
            "disorder_type",
            "actor1",
            "assoc_actor_1",
            "inter1",
            "actor2",
            "assoc_actor_2",
            "inter2",
            "interaction",
            "civilian_targeting",
            "region",
            "admin1_post2023",
            "admin3",
            "operation",
            "notes",
            "source",
            "source_scale",
            "tags",
        ] {
            obj.insert(key.into(), serde_json::Value::Null);
        }
        obj.insert(
            "fatalities".into(),
            serde_json::json!({"low": fatal, "best": fatal, "high": fatal}),
        );
        for key in ["injured", "abducted", "attackers"] {
            obj.insert(key.into(), none.clone());
        }
        let articles: Vec<serde_json::Value> = sources
            .iter()
            .map(|s| {
                serde_json::json!({"ref": s, "url": null, "outlet": null, "language": null,
                    "published": null, "title": null})
            })
            .collect();
        obj.insert("articles".into(), articles.into());
        serde_json::from_value(v).unwrap()
    }

    fn zone(shape: Shape, types: &[&str], min_severity: u32) -> Zone {
        Zone {
            id: 1,
            name: "z".into(),
            shape,
            event_types: types.iter().map(|s| s.to_string()).collect(),
            min_severity,
            added_at: 1000,
        }
    }

    #[test]
    fn new_then_updated_then_nothing() {
        let z = zone(
            Shape::Point {
                lat: 12.0,
                lon: -2.2,
                radius_km: 20.0,
            },
            &[],
            0,
        );
        let first = decide(&z, &incident(5, &["a"]), None).unwrap();
        assert_eq!(first.kind, "new");
        let state: AlertState = serde_json::from_value(first.state).unwrap();
        assert!(decide(&z, &incident(5, &["a"]), Some(&state)).is_none());
        let update = decide(&z, &incident(12, &["a", "b"]), Some(&state)).unwrap();
        assert_eq!(update.kind, "updated");
        assert_eq!(update.changes, vec!["fatalities: 5 → 12", "new source: b"]);
    }

    #[test]
    fn zone_filters_place_type_severity_and_age() {
        let near = Shape::Point {
            lat: 12.0,
            lon: -2.2,
            radius_km: 20.0,
        };
        let far = Shape::Point {
            lat: 14.0,
            lon: -2.2,
            radius_km: 20.0,
        };
        assert!(decide(&zone(far, &[], 0), &incident(5, &["a"]), None).is_none());
        assert!(decide(
            &zone(near.clone(), &["Riots"], 0),
            &incident(5, &["a"]),
            None
        )
        .is_none());
        assert!(decide(
            &zone(near.clone(), &["armed clash"], 0),
            &incident(5, &["a"]),
            None
        )
        .is_some());
        assert!(decide(&zone(near.clone(), &[], 6), &incident(5, &["a"]), None).is_none());
        let mut young = zone(near.clone(), &[], 0);
        young.added_at = 3000;
        assert!(decide(&young, &incident(5, &["a"]), None).is_none());
        let admin = zone(
            Shape::Admin {
                name: "boulkiemdé".into(),
            },
            &[],
            0,
        );
        assert!(decide(&admin, &incident(5, &["a"]), None).is_some());
    }
}
