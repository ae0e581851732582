//! Watch zones: a point with a radius, a corridor (a road as a line of coordinates with a buffer
//! in km), an area (GeoJSON polygon or multipolygon) or an admin unit by name; each with the
//! event types and the minimum severity it cares about.

use serde::{Deserialize, Serialize};
use vigie_store::IncidentView;

/// (latitude, longitude) in degrees.
pub type LatLon = (f64, f64);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Shape {
    Point {
        lat: f64,
        lon: f64,
        radius_km: f64,
    },
    Corridor {
        line: Vec<LatLon>,
        buffer_km: f64,
    },
    /// Rings of (lat, lon); the first ring of each polygon is its outline, the others holes.
    Polygon {
        polygons: Vec<Vec<Vec<LatLon>>>,
    },
    /// An admin unit (region, cercle/province, commune) by name, matched against the
    /// incident's admin1/admin2/admin3.
    Admin {
        name: String,
    },
}

impl Shape {
    pub fn kind(&self) -> &'static str {
        match self {
            Shape::Point { .. } => "point",
            Shape::Corridor { .. } => "corridor",
            Shape::Polygon { .. } => "polygon",
            Shape::Admin { .. } => "admin",
        }
    }

    /// Whether a point lies in the shape (admin units need the incident: see [`Zone::matches`]).
    pub fn contains(&self, p: LatLon) -> bool {
        match self {
            Shape::Point {
                lat,
                lon,
                radius_km,
            } => vigie_store::distance_km(p.0, p.1, *lat, *lon) <= *radius_km,
            Shape::Corridor { line, buffer_km } => {
                distance_to_line_km(p, line).is_some_and(|d| d <= *buffer_km)
            }
            Shape::Polygon { polygons } => polygons.iter().any(|rings| in_polygon(p, rings)),
            Shape::Admin { .. } => false,
        }
    }

    /// Checks that the numbers make sense; the error names the field.
    pub fn validate(&self) -> Result<(), String> {
        let check_point = |(lat, lon): LatLon, what: &str| {
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                Err(format!(
                    "{what}: ({lat}, {lon}) is not a latitude in -90..90 and a longitude in -180..180"
                ))
            } else {
                Ok(())
            }
        };
        let check_km = |km: f64, what: &str| {
            if km.is_finite() && km > 0.0 && km <= 2000.0 {
                Ok(())
            } else {
                Err(format!("{what}: {km} is not a distance in km in (0, 2000]"))
            }
        };
        match self {
            Shape::Point {
                lat,
                lon,
                radius_km,
            } => {
                check_point((*lat, *lon), "point")?;
                check_km(*radius_km, "radius_km")
            }
            Shape::Corridor { line, buffer_km } => {
                if line.len() < 2 {
                    return Err("line: a corridor needs at least 2 points".into());
                }
                for (i, p) in line.iter().enumerate() {
                    check_point(*p, &format!("line point {}", i + 1))?;
                }
                check_km(*buffer_km, "buffer_km")
            }
            Shape::Polygon { polygons } => {
                if polygons.is_empty() {
                    return Err("coordinates: no polygon".into());
                }
                for rings in polygons {
                    if rings.first().is_none_or(|r| r.len() < 4) {
                        return Err("coordinates: a polygon ring needs at least 4 positions".into());
                    }
                    for ring in rings {
                        for p in ring {
                            check_point(*p, "coordinates")?;
                        }
                    }
                }
                Ok(())
            }
            Shape::Admin { name } => {
                if name.trim().is_empty() {
                    Err("admin: empty name".into())
                } else {
                    Ok(())
                }
            }
        }
    }
}

/// Shortest distance from `p` to the polyline, in km; `None` for an empty line.
///
/// Each segment is measured in a local plane (equirectangular around `p`): within a few hundred
/// km of the point, which is what a buffer is, the error is far below a road's width.
pub fn distance_to_line_km(p: LatLon, line: &[LatLon]) -> Option<f64> {
    const KM_PER_DEG_LAT: f64 = 111.195;
    let cos_lat = p.0.to_radians().cos();
    let to_plane = |q: LatLon| {
        let mut dlon = q.1 - p.1;
        if dlon > 180.0 {
            dlon -= 360.0;
        } else if dlon < -180.0 {
            dlon += 360.0;
        }
        (
            dlon * KM_PER_DEG_LAT * cos_lat,
            (q.0 - p.0) * KM_PER_DEG_LAT,
        )
    };
    match line {
        [] => None,
        [only] => Some(vigie_store::distance_km(p.0, p.1, only.0, only.1)),
        _ => line
            .windows(2)
            .map(|w| {
                let (ax, ay) = to_plane(w[0]);
                let (bx, by) = to_plane(w[1]);
                // The point is the origin: project it on segment AB.
                let (dx, dy) = (bx - ax, by - ay);
                let len2 = dx * dx + dy * dy;
                let t = if len2 == 0.0 {
                    0.0
                } else {
                    (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
                };
                let (cx, cy) = (ax + t * dx, ay + t * dy);
                (cx * cx + cy * cy).sqrt()
            })
            .reduce(f64::min),
    }
}

/// Even-odd ray casting over all rings: inside the outline and outside every hole.
fn in_polygon(p: LatLon, rings: &[Vec<LatLon>]) -> bool {
    let mut inside = false;
    for ring in rings {
        let n = ring.len();
        if n < 3 {
            continue;
        }
        let mut j = n - 1;
        for i in 0..n {
            let (yi, xi) = ring[i];
            let (yj, xj) = ring[j];
            if (yi > p.0) != (yj > p.0) && p.1 < (xj - xi) * (p.0 - yi) / (yj - yi) + xi {
                inside = !inside;
            }
            j = i;
        }
    }
    inside
}

/// A zone as stored: a shape and what it cares about.
#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    pub id: i64,
    pub name: String,
    pub shape: Shape,
    /// ACLED event types or sub-event types, case-insensitive; empty = every type.
    pub event_types: Vec<String>,
    /// Minimum [`severity`] of an incident to alert on.
    pub min_severity: u32,
    pub added_at: i64,
}

impl Zone {
    pub fn from_row(row: &vigie_store::ZoneRow) -> Result<Zone, String> {
        let shape: Shape = serde_json::from_value(row.geometry.clone())
            .map_err(|e| format!("zone {:?}: stored geometry: {e}", row.name))?;
        Ok(Zone {
            id: row.id,
            name: row.name.clone(),
            shape,
            event_types: row.event_types.clone(),
            min_severity: row.min_severity,
            added_at: row.added_at,
        })
    }

    /// Whether the zone cares about this incident: its place, its type, its severity.
    pub fn matches(&self, incident: &IncidentView) -> bool {
        let placed = match &self.shape {
            Shape::Admin { name } => [&incident.admin1, &incident.admin2, &incident.admin3]
                .iter()
                .any(|a| {
                    a.as_deref()
                        .is_some_and(|a| a.eq_ignore_ascii_case(name.trim()))
                }),
            shape => match (incident.latitude, incident.longitude) {
                (Some(lat), Some(lon)) => shape.contains((lat, lon)),
                _ => false,
            },
        };
        let typed = self.event_types.is_empty()
            || self.event_types.iter().any(|t| {
                [&incident.event_type, &incident.sub_event_type]
                    .iter()
                    .any(|x| {
                        x.as_deref()
                            .is_some_and(|x| x.eq_ignore_ascii_case(t.trim()))
                    })
            });
        placed && typed && severity(incident) >= self.min_severity
    }
}

/// People killed, injured or abducted (best estimates): how serious an incident is, for a
/// zone's minimum. An incident with no figure has severity 0.
pub fn severity(incident: &IncidentView) -> u32 {
    [
        incident.fatalities.best,
        incident.injured.best,
        incident.abducted.best,
    ]
    .iter()
    .map(|x| x.unwrap_or(0))
    .fold(0u32, u32::saturating_add)
}

/// A zone read from a GeoJSON feature, before it has an id.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneSpec {
    pub name: String,
    pub shape: Shape,
    pub event_types: Vec<String>,
    pub min_severity: u32,
}

/// Zones from a GeoJSON FeatureCollection (or one Feature): Point + `radius_km`, LineString +
/// `buffer_km`, Polygon/MultiPolygon; `name` (required), `event_types`, `min_severity` in the
/// properties. Errors say which feature and field, or the JSON line and column.
pub fn parse_geojson(text: &str) -> Result<Vec<ZoneSpec>, String> {
    let doc: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| format!("line {}, column {}: not JSON: {e}", e.line(), e.column()))?;
    let features: Vec<&serde_json::Value> = match doc.get("type").and_then(|t| t.as_str()) {
        Some("FeatureCollection") => doc
            .get("features")
            .and_then(|f| f.as_array())
            .ok_or("features: missing or not an array")?
            .iter()
            .collect(),
        Some("Feature") => vec![&doc],
        other => {
            return Err(format!(
                "type: expected \"FeatureCollection\" or \"Feature\", found {other:?}"
            ))
        }
    };
    features
        .iter()
        .enumerate()
        .map(|(i, f)| parse_feature(f).map_err(|e| format!("feature {}: {e}", i + 1)))
        .collect()
}

fn parse_feature(f: &serde_json::Value) -> Result<ZoneSpec, String> {
    let empty = serde_json::Map::new();
    let props = f
        .get("properties")
        .and_then(|p| p.as_object())
        .unwrap_or(&empty);
    let name = props
        .get("name")
        .and_then(|n| n.as_str())
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or("properties.name: missing (every zone needs a name)")?
        .to_string();
    let number = |key: &str| -> Result<Option<f64>, String> {
        match props.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(v) => v
                .as_f64()
                .map(Some)
                .ok_or_else(|| format!("properties.{key}: not a number")),
        }
    };
    let geometry = f.get("geometry").ok_or("geometry: missing")?;
    let gtype = geometry
        .get("type")
        .and_then(|t| t.as_str())
        .ok_or("geometry.type: missing")?;
    let coords = geometry
        .get("coordinates")
        .ok_or("geometry.coordinates: missing")?;
    let shape = match gtype {
        "Point" => {
            let (lat, lon) = position(coords)?;
            let radius_km =
                number("radius_km")?.ok_or("properties.radius_km: missing for a Point")?;
            Shape::Point {
                lat,
                lon,
                radius_km,
            }
        }
        "LineString" => Shape::Corridor {
            line: positions(coords)?,
            buffer_km: number("buffer_km")?
                .ok_or("properties.buffer_km: missing for a LineString")?,
        },
        "Polygon" => Shape::Polygon {
            polygons: vec![rings(coords)?],
        },
        "MultiPolygon" => Shape::Polygon {
            polygons: coords
                .as_array()
                .ok_or("geometry.coordinates: not an array")?
                .iter()
                .map(rings)
                .collect::<Result<_, _>>()?,
        },
        other => {
            return Err(format!(
                "geometry.type: {other:?} is not Point, LineString, Polygon or MultiPolygon"
            ))
        }
    };
    shape.validate()?;
    let event_types = match props.get("event_types") {
        None | Some(serde_json::Value::Null) => Vec::new(),
        Some(serde_json::Value::String(s)) => split_types(s),
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .map(|t| {
                t.as_str()
                    .map(str::to_string)
                    .ok_or("properties.event_types: not a list of strings")
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("properties.event_types: not a list of strings".into()),
    };
    let min_severity = match number("min_severity")? {
        None => 0,
        Some(x) if x >= 0.0 && x.fract() == 0.0 && x <= u32::MAX as f64 => x as u32,
        Some(x) => {
            return Err(format!(
                "properties.min_severity: {x} is not a whole number ≥ 0"
            ))
        }
    };
    Ok(ZoneSpec {
        name,
        shape,
        event_types,
        min_severity,
    })
}

/// "Battles, Explosions/Remote violence" → two types.
pub fn split_types(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// GeoJSON [lon, lat] → (lat, lon).
fn position(v: &serde_json::Value) -> Result<LatLon, String> {
    let a = v
        .as_array()
        .filter(|a| a.len() >= 2)
        .ok_or("geometry.coordinates: a position must be [longitude, latitude]")?;
    match (a[0].as_f64(), a[1].as_f64()) {
        (Some(lon), Some(lat)) => Ok((lat, lon)),
        _ => Err("geometry.coordinates: a position must be two numbers".into()),
    }
}

fn positions(v: &serde_json::Value) -> Result<Vec<LatLon>, String> {
    v.as_array()
        .ok_or("geometry.coordinates: not an array of positions")?
        .iter()
        .map(position)
        .collect()
}

fn rings(v: &serde_json::Value) -> Result<Vec<Vec<LatLon>>, String> {
    v.as_array()
        .ok_or("geometry.coordinates: not an array of rings")?
        .iter()
        .map(positions)
        .collect()
}

/// "LAT,LON;LAT,LON;…" (a corridor typed on the command line) → points.
pub fn parse_line(s: &str) -> Result<Vec<LatLon>, String> {
    s.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
        .map(|(i, p)| parse_latlon(p).map_err(|e| format!("point {}: {e}", i + 1)))
        .collect()
}

/// "LAT,LON" → (lat, lon).
pub fn parse_latlon(s: &str) -> Result<LatLon, String> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [a, b] => match (a.parse::<f64>(), b.parse::<f64>()) {
            (Ok(lat), Ok(lon)) if lat.is_finite() && lon.is_finite() => Ok((lat, lon)),
            _ => Err(format!("{s:?} is not LAT,LON")),
        },
        _ => Err(format!("{s:?} is not LAT,LON")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The N1 from Ouagadougou towards Bobo-Dioulasso, roughly (Burkina Faso).
    fn n1() -> Shape {
        Shape::Corridor {
            line: vec![(12.37, -1.53), (12.25, -2.36), (11.18, -4.30)],
            buffer_km: 10.0,
        }
    }

    #[test]
    fn corridor_buffer() {
        let road = n1();
        // On the road, between two vertices.
        assert!(road.contains((12.31, -1.95)));
        // 5 km north of a vertex: inside; 20 km: outside.
        assert!(road.contains((12.25 + 5.0 / 111.2, -2.36)));
        assert!(!road.contains((12.25 + 20.0 / 111.2, -2.36)));
        // Beyond the end of the road, even on its prolongation.
        assert!(!road.contains((10.9, -4.8)));
        // Ouahigouya, far north.
        assert!(!road.contains((13.58, -2.42)));
        let d =
            distance_to_line_km((12.25 + 0.1, -2.36), &[(12.37, -1.53), (12.25, -2.36)]).unwrap();
        assert!((d - 11.1).abs() < 0.3, "{d}");
    }

    #[test]
    fn point_radius() {
        let djibo = Shape::Point {
            lat: 14.10,
            lon: -1.63,
            radius_km: 25.0,
        };
        assert!(djibo.contains((14.2, -1.6)));
        assert!(!djibo.contains((14.5, -1.6)));
    }

    #[test]
    fn polygon_with_a_hole() {
        let square = |c: f64, h: f64| {
            vec![
                (c - h, c - h),
                (c - h, c + h),
                (c + h, c + h),
                (c + h, c - h),
                (c - h, c - h),
            ]
        };
        let shape = Shape::Polygon {
            polygons: vec![vec![square(10.0, 1.0), square(10.0, 0.2)]],
        };
        assert!(shape.contains((10.5, 10.5)));
        assert!(!shape.contains((10.0, 10.0)), "in the hole");
        assert!(!shape.contains((12.0, 10.0)));
    }

    #[test]
    fn geojson_import_and_its_errors() {
        let doc = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"N1","buffer_km":10,"event_types":["Battles"]},
           "geometry":{"type":"LineString","coordinates":[[-1.53,12.37],[-2.36,12.25]]}},
          {"type":"Feature","properties":{"name":"Mine","radius_km":5,"min_severity":3},
           "geometry":{"type":"Point","coordinates":[-0.5,13.2]}},
          {"type":"Feature","properties":{"name":"Area"},
           "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}"#;
        let zones = parse_geojson(doc).unwrap();
        assert_eq!(zones.len(), 3);
        assert_eq!(zones[0].shape.kind(), "corridor");
        assert_eq!(zones[0].event_types, vec!["Battles".to_string()]);
        assert_eq!(zones[1].min_severity, 3);
        assert!(zones[1].shape.contains((13.2, -0.5)));
        assert!(zones[2].shape.contains((0.5, 0.5)));

        let missing = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"ok","radius_km":1},"geometry":{"type":"Point","coordinates":[1,2]}},
          {"type":"Feature","properties":{"name":"road"},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}}]}"#;
        assert_eq!(
            parse_geojson(missing).unwrap_err(),
            "feature 2: properties.buffer_km: missing for a LineString"
        );
        let e =
            parse_geojson("{\"type\": \"FeatureCollection\",\n \"features\": [,]}").unwrap_err();
        assert!(e.starts_with("line 2, column"), "{e}");
        let bad_lat = r#"{"type":"Feature","properties":{"name":"x","radius_km":1},"geometry":{"type":"Point","coordinates":[1,200]}}"#;
        assert!(parse_geojson(bad_lat).unwrap_err().contains("latitude"));
        assert!(parse_geojson("[]").unwrap_err().starts_with("type:"));
    }

    #[test]
    fn line_argument() {
        assert_eq!(
            parse_line("12.37,-1.53; 12.25,-2.36").unwrap(),
            vec![(12.37, -1.53), (12.25, -2.36)]
        );
        assert_eq!(
            parse_line("12.37,-1.53;x").unwrap_err(),
            "point 2: \"x\" is not LAT,LON"
        );
    }
}
