//! The map's grid (`map.rs`) and the `bbox` filter, on the three seeded incidents: Nioro and
//! Diéma (Mali, 75 km apart, two attacks on civilians) and Djibo (Burkina Faso, a battle).

use super::map::{cell_degrees, MAX_CELLS};
use super::tests::seeded_incidents;
use super::*;

fn bbox(w: f64, s: f64, e: f64, n: f64) -> BoundingBox {
    BoundingBox::new(w, s, e, n).unwrap()
}

fn ids(s: &Store, f: IncidentFilter) -> Vec<String> {
    s.incidents(&f).unwrap().into_iter().map(|v| v.id).collect()
}

#[test]
fn the_grid_follows_the_zoom_one_cluster_then_two_groups_then_three_incidents() {
    let (s, _, _) = seeded_incidents();
    // Zoom 0: one cell of 84° holds everything; its types, most frequent first.
    let world = s.map(&IncidentFilter::default(), 0).unwrap();
    assert_eq!((world.zoom, world.in_box, world.total), (0, 3, 3));
    assert!(world.incidents.is_empty());
    assert_eq!(world.clusters.len(), 1);
    let c = &world.clusters[0];
    assert_eq!(c.count, 3);
    assert_eq!(
        (c.event_types[0].event_type.as_str(), c.event_types[0].count),
        ("Violence against civilians", 2)
    );
    assert_eq!(c.event_types[1].event_type, "Battles");
    assert!((c.latitude - (15.23 + 14.54 + 14.10) / 3.0).abs() < 1e-9);
    assert_eq!(
        (c.bounds.west, c.bounds.south, c.bounds.east, c.bounds.north),
        (-9.59, 14.10, -1.63, 15.23)
    );
    // Zoom 6 (cells of 1.3°) over the two countries: Nioro and Diéma together, Djibo alone,
    // sent as itself.
    let sahel = IncidentFilter {
        bbox: Some(bbox(-12.0, 12.0, 0.0, 16.0)),
        ..Default::default()
    };
    let country = s.map(&sahel, 6).unwrap();
    assert_eq!(country.zoom, 6);
    assert_eq!(country.clusters.len(), 1);
    assert_eq!(country.clusters[0].count, 2);
    assert_eq!(country.incidents.len(), 1);
    let djibo = &country.incidents[0];
    assert_eq!(djibo.id, "inc-2");
    assert_eq!(djibo.location.as_deref(), Some("Djibo"));
    assert_eq!(djibo.event_type.as_deref(), Some("Battles"));
    assert_eq!(djibo.date.as_deref(), Some("2025-02-10"));
    // Zoom 8 (0.33°): three incidents, no cluster.
    let close = s.map(&sahel, 8).unwrap();
    assert_eq!(close.zoom, 8);
    assert!(close.clusters.is_empty());
    let mut got: Vec<&str> = close.incidents.iter().map(|i| i.id.as_str()).collect();
    got.sort();
    assert_eq!(got, vec!["inc-1", "inc-2", "inc-3"]);
    // The timeline counts what is in the box, by week.
    let weeks: usize = close.per_week_type.iter().map(|w| w.count).sum();
    assert_eq!(weeks, 3);
    assert!(close.per_week_type.iter().any(|w| w.week == "2025-02-24"
        && w.event_type == "Violence against civilians"
        && w.count == 2));
    let e = close.extent.unwrap();
    assert_eq!(
        (e.west, e.south, e.east, e.north),
        (-9.59, 14.10, -1.63, 15.23)
    );
}

#[test]
fn a_box_selects_incidents_for_the_list_and_the_map_and_filters_still_apply() {
    let (s, _, _) = seeded_incidents();
    let western_mali = bbox(-12.0, 13.0, -5.0, 17.0);
    assert_eq!(
        ids(
            &s,
            IncidentFilter {
                bbox: Some(western_mali),
                ..Default::default()
            }
        ),
        vec!["inc-1", "inc-3"]
    );
    assert_eq!(
        s.count_incidents(&IncidentFilter {
            bbox: Some(western_mali),
            ..Default::default()
        })
        .unwrap(),
        2
    );
    let m = s
        .map(
            &IncidentFilter {
                bbox: Some(western_mali),
                event_type: Some("Battles".into()),
                ..Default::default()
            },
            0,
        )
        .unwrap();
    // No battle in the box; one battle anywhere, and the extent says where.
    assert_eq!((m.in_box, m.total), (0, 1));
    assert!(m.clusters.is_empty() && m.incidents.is_empty() && m.per_week_type.is_empty());
    assert_eq!(m.extent.map(|e| e.west), Some(-1.63));
    // A box whose west edge is east of its east edge crosses the antimeridian: from 0° east
    // round the world to 5° west it holds the two Malian towns, not Djibo (1.6° W).
    let crossing = bbox(0.0, 0.0, -5.0, 20.0);
    assert!(crossing.crosses_antimeridian());
    assert_eq!(
        ids(
            &s,
            IncidentFilter {
                bbox: Some(crossing),
                ..Default::default()
            }
        ),
        vec!["inc-1", "inc-3"]
    );
    // A south edge north of the north edge is an empty box.
    assert!(ids(
        &s,
        IncidentFilter {
            bbox: Some(bbox(-20.0, 20.0, 10.0, 0.0)),
            ..Default::default()
        }
    )
    .is_empty());
}

#[test]
fn boxes_are_normalised_the_way_a_web_map_gives_them() {
    // Panned once round the world: the same box, wrapped.
    let b = bbox(-372.0, 13.0, -365.0, 17.0);
    assert_eq!((b.west, b.east), (-12.0, -5.0));
    // Across the antimeridian, given with the west edge first and the east past 180.
    let b = bbox(170.0, -10.0, 190.0, 10.0);
    assert_eq!((b.west, b.east), (170.0, -170.0));
    assert!(b.crosses_antimeridian());
    assert_eq!(b.width(), 20.0);
    // Ending on the antimeridian; the whole world; latitudes clamped.
    assert_eq!(bbox(100.0, 0.0, 180.0, 10.0).east, 180.0);
    assert_eq!(bbox(-200.0, -100.0, 400.0, 100.0), BoundingBox::WORLD);
    assert!(BoundingBox::new(f64::NAN, 0.0, 1.0, 1.0).is_err());
    assert!(BoundingBox::new(0.0, 0.0, f64::INFINITY, 1.0).is_err());
}

#[test]
fn a_large_box_at_a_high_zoom_is_gridded_at_a_lower_one_and_near_is_refused() {
    let (s, _, _) = seeded_incidents();
    let m = s.map(&IncidentFilter::default(), 14).unwrap();
    let cell = cell_degrees(m.zoom);
    assert!(m.zoom < 14);
    assert!((360.0 / cell).ceil() * (180.0 / cell).ceil() <= MAX_CELLS);
    assert_eq!(m.cell_degrees, cell);
    assert_eq!(m.in_box, 3);
    let err = s
        .map(
            &IncidentFilter {
                near: Some((14.0, -4.0, 50.0)),
                ..Default::default()
            },
            5,
        )
        .unwrap_err();
    assert!(err.0.contains("near"), "{err}");
}
