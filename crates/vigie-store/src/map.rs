//! The map side of the read API: incidents grouped on a grid in SQL, so that a map of a store
//! of years of news receives a few hundred clusters, never every incident.
//!
//! The grid is anchored at (-90, -180) and its cells are [`CELL_PIXELS`] wide at the asked zoom
//! (a web map's tile is 256 pixels and 360 / 2^zoom degrees wide); the database groups the
//! matching incidents by (cell, event type) and only the cells holding one incident are read
//! one by one. What is sent grows with the screen, not with the store: at most [`MAX_CELLS`]
//! cells, the zoom lowered until the box holds no more.

use super::*;
use std::collections::BTreeMap;

/// The side of a grid cell on screen, in pixels: incidents closer than this are one cluster.
pub const CELL_PIXELS: f64 = 60.0;

/// The most cells one answer may cover; a larger box is gridded at a lower zoom.
pub const MAX_CELLS: f64 = 4096.0;

/// The highest zoom a grid is made for (a cell of about 0.0003°, some 30 m).
pub const MAX_ZOOM: u8 = 20;

/// The side of a cell at `zoom`, in degrees.
pub fn cell_degrees(zoom: u8) -> f64 {
    360.0 / f64::from(1u32 << zoom.min(MAX_ZOOM)) * CELL_PIXELS / 256.0
}

/// Per cell: incidents, sums and extremes of their coordinates, their types, one id.
#[derive(Default)]
struct Cell {
    count: usize,
    sum_lat: f64,
    sum_lon: f64,
    bounds: Option<(f64, f64, f64, f64)>,
    event_types: Vec<(String, usize)>,
    first_id: String,
}

#[derive(Deserialize)]
struct MarkerFields {
    location: Option<String>,
    #[serde(default)]
    fatalities: EstimateView,
}

impl Store {
    /// The incidents matching `filter` (its `bbox`, or the world) grouped for a map at `zoom`.
    /// Limit, offset and `near` do not apply to a map: `near` is refused (give a `bbox`).
    pub fn map(&self, filter: &IncidentFilter, zoom: u8) -> Result<MapView> {
        if filter.near.is_some() {
            return Err(StoreError(
                "map: `near` does not apply to a map; give a bbox".into(),
            ));
        }
        let dialect = self.conn.dialect();
        let bbox = filter.bbox.unwrap_or(BoundingBox::WORLD);
        let mut zoom = zoom.min(MAX_ZOOM);
        while zoom > 0
            && (bbox.width() / cell_degrees(zoom)).ceil()
                * ((bbox.north - bbox.south) / cell_degrees(zoom)).ceil()
                > MAX_CELLS
        {
            zoom -= 1;
        }
        let cell = cell_degrees(zoom);
        let boxed = IncidentFilter {
            bbox: Some(bbox),
            limit: None,
            offset: 0,
            ..filter.clone()
        };

        // Cells and the types of their incidents, grouped by the database.
        let cy = dialect.floor_int(&format!("(lat + 90.0) / {cell:e}"));
        let cx = dialect.floor_int(&format!("(lon + 180.0) / {cell:e}"));
        let (mut sql, args) = queries::incident_query(
            dialect,
            &boxed,
            &format!(
                "{cy}, {cx}, event_type, count(*), sum(lat), sum(lon), min(lat), max(lat), \
                 min(lon), max(lon), min(id)"
            ),
        )?;
        sql.push_str(" AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3");
        let params: Vec<&dyn db::ToParam> = args.iter().map(|a| a as _).collect();
        let mut cells: BTreeMap<(i64, i64), Cell> = BTreeMap::new();
        self.conn.query_each(&sql, &params, |r| {
            let key = (r.get::<i64>(0)?, r.get::<i64>(1)?);
            let event_type = r
                .get::<Option<String>>(2)?
                .unwrap_or_else(|| "Other".into());
            let n = r.get::<i64>(3)?.max(0) as usize;
            let c = cells.entry(key).or_default();
            c.count += n;
            c.sum_lat += r.get::<f64>(4)?;
            c.sum_lon += r.get::<f64>(5)?;
            let (s, n_, w, e) = (
                r.get::<f64>(6)?,
                r.get::<f64>(7)?,
                r.get::<f64>(8)?,
                r.get::<f64>(9)?,
            );
            c.bounds = Some(match c.bounds {
                None => (s, n_, w, e),
                Some((s0, n0, w0, e0)) => (s0.min(s), n0.max(n_), w0.min(w), e0.max(e)),
            });
            c.event_types.push((event_type, n));
            let id = r.get::<String>(10)?;
            if c.first_id.is_empty() || id < c.first_id {
                c.first_id = id;
            }
            Ok(())
        })?;

        let mut clusters = Vec::new();
        let mut single_ids = Vec::new();
        let mut in_box = 0;
        for c in cells.into_values() {
            in_box += c.count;
            let Some((south, north, west, east)) = c.bounds else {
                continue;
            };
            if c.count == 1 {
                single_ids.push(c.first_id);
                continue;
            }
            let mut event_types: Vec<TypeCount> = c
                .event_types
                .into_iter()
                .map(|(event_type, count)| TypeCount { event_type, count })
                .collect();
            event_types.sort_by(|a, b| {
                b.count
                    .cmp(&a.count)
                    .then_with(|| a.event_type.cmp(&b.event_type))
            });
            clusters.push(MapCluster {
                latitude: c.sum_lat / c.count as f64,
                longitude: c.sum_lon / c.count as f64,
                count: c.count,
                bounds: BoundingBox {
                    west,
                    south,
                    east,
                    north,
                },
                event_types,
            });
        }

        // Incidents alone in their cell, read by id (a few hundred at most on a screen), from
        // their summaries.
        let mut incidents = Vec::with_capacity(single_ids.len());
        self.each_incident_by_id(
            &single_ids,
            "id, lat, lon, date, event_type, sub_event_type, summary",
            |r| {
                let fields: MarkerFields = serde_json::from_str(&r.get::<String>(6)?)?;
                incidents.push(MapIncident {
                    id: r.get(0)?,
                    latitude: r.get(1)?,
                    longitude: r.get(2)?,
                    date: r.get(3)?,
                    event_type: r.get(4)?,
                    sub_event_type: r.get(5)?,
                    location: fields.location,
                    fatalities: fields.fatalities,
                });
                Ok(())
            },
        )?;

        // The filter anywhere: how many, how many cannot be mapped, where they lie.
        let anywhere = IncidentFilter {
            bbox: None,
            limit: None,
            offset: 0,
            ..filter.clone()
        };
        let (sql, args) = queries::incident_query(
            dialect,
            &anywhere,
            "count(*), sum(CASE WHEN lat IS NULL OR lon IS NULL THEN 1 ELSE 0 END), \
             min(lat), max(lat), min(lon), max(lon)",
        )?;
        let params: Vec<&dyn db::ToParam> = args.iter().map(|a| a as _).collect();
        let (total, without_coordinates, extent) = self.conn.query_row(&sql, &params, |r| {
            let extent = match (
                r.get::<Option<f64>>(2)?,
                r.get::<Option<f64>>(3)?,
                r.get::<Option<f64>>(4)?,
                r.get::<Option<f64>>(5)?,
            ) {
                (Some(south), Some(north), Some(west), Some(east)) => Some(BoundingBox {
                    west,
                    south,
                    east,
                    north,
                }),
                _ => None,
            };
            Ok((
                r.get::<i64>(0)?.max(0) as usize,
                r.get::<Option<i64>>(1)?.unwrap_or(0).max(0) as usize,
                extent,
            ))
        })?;

        // The timeline of what is in the box, by week.
        let (mut sql, args) =
            queries::incident_query(dialect, &boxed, "date, event_type, count(*)")?;
        sql.push_str(" AND date IS NOT NULL GROUP BY date, event_type");
        let params: Vec<&dyn db::ToParam> = args.iter().map(|a| a as _).collect();
        let mut weeks: BTreeMap<(String, String), usize> = BTreeMap::new();
        self.conn.query_each(&sql, &params, |r| {
            let (date, event_type) = (r.get::<String>(0)?, r.get::<Option<String>>(1)?);
            if let Some(week) = queries::week_of(&date) {
                *weeks
                    .entry((week, event_type.unwrap_or_else(|| "Other".into())))
                    .or_default() += r.get::<i64>(2)?.max(0) as usize;
            }
            Ok(())
        })?;

        Ok(MapView {
            zoom,
            cell_degrees: cell,
            in_box,
            total,
            without_coordinates,
            extent,
            clusters,
            incidents,
            per_week_type: weeks
                .into_iter()
                .map(|((week, event_type), count)| WeekTypeCount {
                    week,
                    event_type,
                    count,
                })
                .collect(),
        })
    }
}
