//! The situation report: one period's incidents against the previous period of the same
//! length, as one self-contained HTML page (inline CSS, inline SVG charts drawn with
//! `plotters`, no request leaves the page) or as Markdown. `vigie report` prints the HTML to
//! PDF with headless Chromium; `vigie serve` serves it at `/report`.

use crate::assets::Dist;
use chrono::{Datelike, Duration, NaiveDate};
use plotters::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use vigie_store::{figure_claims_text, figure_disputed, IncidentFilter, IncidentView, Store};

/// What to report on.
#[derive(Debug, Clone, Default)]
pub struct ReportParams {
    /// First day; default: 29 days before `until`.
    pub since: Option<NaiveDate>,
    /// Last day; default: the latest incident's date.
    pub until: Option<NaiveDate>,
    /// Country name or ISO code.
    pub country: Option<String>,
    /// A watch zone's name: only the incidents it matches.
    pub zone: Option<String>,
    /// A `since` after `until` (given or defaulted) asks for the period between the two days
    /// instead of being refused (the HTTP route: no date is wrong on its own there).
    pub swap_reversed: bool,
}

/// A period's incidents and the previous period's, ready to render.
#[derive(Debug, Clone)]
pub struct Report {
    pub since: NaiveDate,
    pub until: NaiveDate,
    pub previous_since: NaiveDate,
    pub previous_until: NaiveDate,
    /// "Mali · zone RN16", "all countries".
    pub scope: String,
    pub incidents: Vec<IncidentView>,
    pub previous: Vec<IncidentView>,
}

/// The ACLED event types in a fixed order, each with its colour in every chart.
const TYPES: [(&str, RGBColor); 6] = [
    ("Battles", RGBColor(200, 50, 40)),
    ("Violence against civilians", RGBColor(130, 40, 160)),
    ("Explosions/Remote violence", RGBColor(230, 130, 20)),
    ("Riots", RGBColor(40, 120, 200)),
    ("Protests", RGBColor(40, 160, 90)),
    ("Strategic developments", RGBColor(110, 110, 110)),
];

fn type_color(t: &str) -> RGBColor {
    TYPES
        .iter()
        .find(|(n, _)| *n == t)
        .map(|(_, c)| *c)
        .unwrap_or(RGBColor(60, 60, 60))
}

fn parse_day(d: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()
}

fn best(e: vigie_store::EstimateView) -> u32 {
    e.best.unwrap_or(0)
}

/// People killed, injured or abducted (best figures): what makes an incident notable.
fn severity(v: &IncidentView) -> u32 {
    best(v.fatalities) + best(v.injured) + best(v.abducted)
}

impl Report {
    /// Gather the period's incidents (analysts' "not an event" excluded, as in every list).
    /// Errors are one line naming the parameter.
    pub fn build(store: &Store, params: &ReportParams) -> Result<Report, String> {
        let base = IncidentFilter {
            country: params.country.clone(),
            ..Default::default()
        };
        let until = match params.until {
            Some(u) => u,
            None => store
                .incidents(&IncidentFilter {
                    limit: Some(1),
                    ..base.clone()
                })
                .map_err(|e| e.to_string())?
                .first()
                .and_then(|v| v.date.as_deref().and_then(parse_day))
                .unwrap_or_else(|| chrono::Utc::now().date_naive()),
        };
        let mut since = params.since.unwrap_or(until - Duration::days(29));
        let mut until = until;
        if since > until {
            if !params.swap_reversed {
                return Err(format!("since: {since} is after until {until}"));
            }
            std::mem::swap(&mut since, &mut until);
        }
        let days = (until - since).num_days() + 1;
        let previous_until = since - Duration::days(1);
        let previous_since = previous_until - Duration::days(days - 1);
        let zone = match params
            .zone
            .as_deref()
            .map(str::trim)
            .filter(|z| !z.is_empty())
        {
            None => None,
            Some(name) => {
                let rows = store.zones().map_err(|e| e.to_string())?;
                let row = rows
                    .iter()
                    .find(|z| z.name.eq_ignore_ascii_case(name))
                    .ok_or_else(|| {
                        let known: Vec<&str> = rows.iter().map(|z| z.name.as_str()).collect();
                        format!(
                            "zone: no watch zone named {name:?} (known: {})",
                            if known.is_empty() {
                                "none".to_string()
                            } else {
                                known.join(", ")
                            }
                        )
                    })?;
                Some(vigie_monitor::zones::Zone::from_row(row)?)
            }
        };
        let fetch = |from: NaiveDate, to: NaiveDate| -> Result<Vec<IncidentView>, String> {
            let mut v = store
                .incidents(&IncidentFilter {
                    since: Some(from),
                    until: Some(to),
                    ..base.clone()
                })
                .map_err(|e| e.to_string())?;
            if let Some(z) = &zone {
                v.retain(|i| z.matches(i));
            }
            Ok(v)
        };
        let mut scope = Vec::new();
        if let Some(c) = params.country.as_deref().filter(|c| !c.trim().is_empty()) {
            scope.push(c.trim().to_string());
        }
        if let Some(z) = &zone {
            scope.push(format!("zone {}", z.name));
        }
        Ok(Report {
            since,
            until,
            previous_since,
            previous_until,
            scope: if scope.is_empty() {
                "all countries".into()
            } else {
                scope.join(" · ")
            },
            incidents: fetch(since, until)?,
            previous: fetch(previous_since, previous_until)?,
        })
    }

    /// (label, this period, previous period) for the headline figures.
    pub fn key_figures(&self) -> Vec<(String, u32, u32)> {
        let sum =
            |v: &[IncidentView], f: &dyn Fn(&IncidentView) -> u32| -> u32 { v.iter().map(f).sum() };
        let mut out = vec![
            (
                "Incidents".to_string(),
                self.incidents.len() as u32,
                self.previous.len() as u32,
            ),
            (
                "People killed".to_string(),
                sum(&self.incidents, &|i| best(i.fatalities)),
                sum(&self.previous, &|i| best(i.fatalities)),
            ),
            (
                "People injured".to_string(),
                sum(&self.incidents, &|i| best(i.injured)),
                sum(&self.previous, &|i| best(i.injured)),
            ),
            (
                "People abducted".to_string(),
                sum(&self.incidents, &|i| best(i.abducted)),
                sum(&self.previous, &|i| best(i.abducted)),
            ),
        ];
        for (t, _) in TYPES {
            let n = |v: &[IncidentView]| {
                v.iter()
                    .filter(|i| i.event_type.as_deref() == Some(t))
                    .count() as u32
            };
            let (now, before) = (n(&self.incidents), n(&self.previous));
            if now + before > 0 {
                out.push((t.to_string(), now, before));
            }
        }
        out
    }

    /// Mondays of the weeks the period touches.
    pub fn weeks(&self) -> Vec<NaiveDate> {
        let monday = |d: NaiveDate| d - Duration::days(d.weekday().num_days_from_monday() as i64);
        let mut w = monday(self.since);
        let mut out = Vec::new();
        while w <= self.until {
            out.push(w);
            w += Duration::days(7);
        }
        out
    }

    /// Per event type present, the number (or fatalities, when `fatalities`) per week.
    pub fn per_week(&self, fatalities: bool) -> Vec<(String, Vec<u32>)> {
        let weeks = self.weeks();
        let mut by_type: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
        for i in &self.incidents {
            let (Some(t), Some(d)) = (
                i.event_type.as_deref(),
                i.date.as_deref().and_then(parse_day),
            ) else {
                continue;
            };
            let Some(ti) = TYPES.iter().position(|(n, _)| *n == t) else {
                continue;
            };
            let Some(w) = weeks.iter().rposition(|w| *w <= d) else {
                continue;
            };
            let row = by_type.entry(ti).or_insert_with(|| vec![0; weeks.len()]);
            row[w] += if fatalities { best(i.fatalities) } else { 1 };
        }
        by_type
            .into_iter()
            .map(|(ti, v)| (TYPES[ti].0.to_string(), v))
            .collect()
    }

    /// (first-level region, incidents), most first (at most `n`).
    pub fn per_region(&self, n: usize) -> Vec<(String, u32)> {
        top(
            self.incidents.iter().map(|i| {
                let region = i
                    .admin1
                    .clone()
                    .or_else(|| i.country.clone())
                    .unwrap_or_else(|| "unknown".into());
                match &i.country {
                    Some(c) if i.admin1.is_some() => format!("{region} ({c})"),
                    _ => region,
                }
            }),
            n,
        )
    }

    /// (actor, incidents it is a side of), most first (at most `n`); "Civilians (…)" left out.
    pub fn top_actors(&self, n: usize) -> Vec<(String, u32)> {
        top(
            self.incidents.iter().flat_map(|i| {
                let mut a: Vec<String> = [&i.actor1, &i.actor2]
                    .into_iter()
                    .flatten()
                    .filter(|a| !a.starts_with("Civilians"))
                    .cloned()
                    .collect();
                a.dedup();
                a
            }),
            n,
        )
    }

    /// The most serious incidents (killed + injured + abducted), then the latest.
    pub fn notable(&self, n: usize) -> Vec<&IncidentView> {
        let mut v: Vec<&IncidentView> = self.incidents.iter().collect();
        v.sort_by(|a, b| {
            severity(b)
                .cmp(&severity(a))
                .then(b.date.cmp(&a.date))
                .then(a.id.cmp(&b.id))
        });
        v.truncate(n);
        v
    }

    /// Incidents whose sources disagree on a figure, with each figure's claims.
    pub fn disputed(&self) -> Vec<(&IncidentView, Vec<(String, String)>)> {
        self.incidents
            .iter()
            .filter_map(|i| {
                let figures: Vec<(String, String)> =
                    ["fatalities", "injured", "abducted", "attackers"]
                        .into_iter()
                        .filter(|f| figure_disputed(i, f))
                        .map(|f| (f.to_string(), figure_claims_text(i, f)))
                        .collect();
                (!figures.is_empty()).then_some((i, figures))
            })
            .collect()
    }
}

fn top(items: impl Iterator<Item = String>, n: usize) -> Vec<(String, u32)> {
    let mut counts: HashMap<String, u32> = HashMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    let mut v: Vec<(String, u32)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn change(now: u32, before: u32) -> String {
    let d = now as i64 - before as i64;
    let sign = if d > 0 { "+" } else { "" };
    if before == 0 {
        format!("{sign}{d}")
    } else {
        format!("{sign}{d} ({sign}{:.0}%)", d as f64 * 100.0 / before as f64)
    }
}

fn estimate_text(e: vigie_store::EstimateView) -> String {
    match (e.low, e.best, e.high) {
        (None, None, None) => "–".into(),
        (l, b, h) if l == h => b.or(l).map(|n| n.to_string()).unwrap_or_default(),
        (l, b, h) => format!(
            "{} ({}–{})",
            b.map(|n| n.to_string()).unwrap_or_else(|| "?".into()),
            l.map(|n| n.to_string()).unwrap_or_else(|| "?".into()),
            h.map(|n| n.to_string()).unwrap_or_else(|| "?".into())
        ),
    }
}

fn place_text(v: &IncidentView) -> String {
    let mut parts: Vec<String> = v.location.iter().cloned().collect();
    parts.extend(v.enclosing_units(false).into_iter().map(str::to_string));
    if parts.is_empty() {
        "unknown place".into()
    } else {
        parts.join(", ")
    }
}

// ---------------------------------------------------------------------------
// Charts (plotters, SVG backend)
// ---------------------------------------------------------------------------

type ChartResult = Result<String, String>;

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("chart: {e:?}")
}

/// Lines per event type over the weeks of the period.
pub fn weekly_chart(
    title: &str,
    weeks: &[NaiveDate],
    series: &[(String, Vec<u32>)],
) -> ChartResult {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 300)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let ymax = series
            .iter()
            .flat_map(|(_, v)| v.iter().copied())
            .max()
            .unwrap_or(0)
            .max(1);
        let n = weeks.len().max(1);
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 22))
            .margin(10)
            .x_label_area_size(44)
            .y_label_area_size(44)
            .build_cartesian_2d(-0.3f64..(n as f64 - 0.7), 0u32..(ymax + ymax / 5 + 1))
            .map_err(err)?;
        let week_label = |x: &f64| {
            let i = x.round();
            if (x - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            weeks
                .get(i as usize)
                .map(|w| w.format("%d %b").to_string())
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .label_style(("sans-serif", 15))
            .axis_desc_style(("sans-serif", 15))
            .x_labels(n.min(10))
            .x_label_formatter(&week_label)
            .y_labels(6)
            .light_line_style(WHITE.mix(0.0))
            .x_desc("week starting")
            .draw()
            .map_err(err)?;
        for (name, values) in series {
            let color = type_color(name);
            chart
                .draw_series(LineSeries::new(
                    values.iter().enumerate().map(|(i, v)| (i as f64, *v)),
                    color.stroke_width(3),
                ))
                .map_err(err)?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(3))
                });
            chart
                .draw_series(
                    values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| Circle::new((i as f64, *v), 4, color.filled())),
                )
                .map_err(err)?;
        }
        if !series.is_empty() {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK.mix(0.3))
                .label_font(("sans-serif", 16))
                .draw()
                .map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// Horizontal bars, largest on top.
pub fn bar_chart(title: &str, items: &[(String, u32)], color: RGBColor) -> ChartResult {
    let mut svg = String::new();
    {
        let height = 80 + 30 * items.len().max(1) as u32;
        let root = SVGBackend::with_string(&mut svg, (640, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let xmax = items.iter().map(|i| i.1).max().unwrap_or(0).max(1);
        let n = items.len().max(1) as i32;
        let labels: Vec<String> = items
            .iter()
            .map(|(l, _)| {
                if l.chars().count() > 34 {
                    format!("{}…", l.chars().take(33).collect::<String>())
                } else {
                    l.clone()
                }
            })
            .collect();
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 22))
            .margin(10)
            .x_label_area_size(26)
            .y_label_area_size(250)
            .build_cartesian_2d(0u32..(xmax + xmax / 5 + 1), (0..n).into_segmented())
            .map_err(err)?;
        let label = |v: &SegmentValue<i32>| match v {
            // Largest first, from the top: segment 0 is at the bottom.
            SegmentValue::CenterOf(i) => labels
                .get((n - 1 - *i) as usize)
                .cloned()
                .unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .label_style(("sans-serif", 15))
            .axis_desc_style(("sans-serif", 15))
            .disable_y_mesh()
            .light_line_style(WHITE.mix(0.0))
            .y_labels(n as usize)
            .y_label_formatter(&label)
            .x_labels(6)
            .draw()
            .map_err(err)?;
        chart
            .draw_series(
                Histogram::horizontal(&chart)
                    .style(color.filled())
                    .margin(5)
                    .data(
                        items
                            .iter()
                            .enumerate()
                            .map(|(i, (_, v))| (n - 1 - i as i32, *v)),
                    ),
            )
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// Country outlines (Natural Earth, embedded with the web UI) as rings of (lon, lat).
fn country_rings() -> &'static Vec<Vec<(f64, f64)>> {
    static RINGS: OnceLock<Vec<Vec<(f64, f64)>>> = OnceLock::new();
    RINGS.get_or_init(|| {
        let Some(file) = Dist::get("geo/countries.geojson") else {
            return Vec::new();
        };
        let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&file.data) else {
            return Vec::new();
        };
        let ring = |r: &serde_json::Value| -> Vec<(f64, f64)> {
            r.as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
                .collect()
        };
        let mut out = Vec::new();
        for f in doc["features"].as_array().into_iter().flatten() {
            let g = &f["geometry"];
            let polygons: Vec<&serde_json::Value> = match g["type"].as_str() {
                Some("Polygon") => vec![&g["coordinates"]],
                Some("MultiPolygon") => g["coordinates"].as_array().into_iter().flatten().collect(),
                _ => continue,
            };
            for p in polygons {
                if let Some(outer) = p.get(0) {
                    out.push(ring(outer));
                }
            }
        }
        out
    })
}

/// The incidents on a map of the countries around them, coloured by type, sized by toll.
pub fn map_chart(incidents: &[IncidentView]) -> ChartResult {
    let points: Vec<(f64, f64, &IncidentView)> = incidents
        .iter()
        .filter_map(|i| Some((i.longitude?, i.latitude?, i)))
        .collect();
    let (mut lon0, mut lon1, mut lat0, mut lat1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (lon, lat, _) in &points {
        lon0 = lon0.min(*lon);
        lon1 = lon1.max(*lon);
        lat0 = lat0.min(*lat);
        lat1 = lat1.max(*lat);
    }
    if points.is_empty() {
        // The Sahel, for an empty period.
        (lon0, lon1, lat0, lat1) = (-12.0, 16.0, 9.0, 24.0);
    }
    // At least 6° across, with a margin, so a single incident still shows its country.
    let pad = |a: f64, b: f64, min: f64| {
        let mid = (a + b) / 2.0;
        let half = ((b - a) / 2.0 * 1.2).max(min / 2.0);
        (mid - half, mid + half)
    };
    let (lon0, lon1) = pad(lon0, lon1, 6.0);
    let (lat0, lat1) = pad(lat0, lat1, 4.0);
    let width = 640u32;
    let aspect = (lat1 - lat0) / ((lon1 - lon0) * ((lat0 + lat1) / 2.0).to_radians().cos());
    let height = ((width as f64 - 60.0) * aspect + 60.0).clamp(260.0, 560.0) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&RGBColor(234, 242, 250)).map_err(err)?;
        let mut chart = ChartBuilder::on(&root)
            .caption("Incidents on the map", ("sans-serif", 22))
            .margin(10)
            .x_label_area_size(24)
            .y_label_area_size(36)
            .build_cartesian_2d(lon0..lon1, lat0..lat1)
            .map_err(err)?;
        chart
            .configure_mesh()
            .label_style(("sans-serif", 15))
            .axis_desc_style(("sans-serif", 15))
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(BLACK.mix(0.08))
            .x_labels(6)
            .y_labels(5)
            .x_label_formatter(&|x| format!("{x:.0}°"))
            .y_label_formatter(&|y| format!("{y:.0}°"))
            .draw()
            .map_err(err)?;
        let inside = |r: &[(f64, f64)]| {
            r.iter().any(|(x, y)| {
                *x >= lon0 - 10.0 && *x <= lon1 + 10.0 && *y >= lat0 - 10.0 && *y <= lat1 + 10.0
            })
        };
        // Points outside the view are pulled onto its edge, which clips the outline well
        // enough at map scale.
        let clamp = |r: &[(f64, f64)]| -> Vec<(f64, f64)> {
            r.iter()
                .map(|(x, y)| (x.clamp(lon0, lon1), y.clamp(lat0, lat1)))
                .collect()
        };
        let land = RGBColor(250, 248, 240);
        let border = RGBColor(150, 150, 150);
        let rings: Vec<Vec<(f64, f64)>> = country_rings()
            .iter()
            .filter(|r| inside(r))
            .map(|r| clamp(r))
            .collect();
        chart
            .draw_series(rings.iter().map(|r| Polygon::new(r.clone(), land.filled())))
            .map_err(err)?;
        chart
            .draw_series(
                rings
                    .iter()
                    .map(|r| PathElement::new(r.clone(), border.stroke_width(1))),
            )
            .map_err(err)?;
        for (t, color) in TYPES {
            let mine: Vec<&(f64, f64, &IncidentView)> = points
                .iter()
                .filter(|(_, _, i)| i.event_type.as_deref() == Some(t))
                .collect();
            if mine.is_empty() {
                continue;
            }
            chart
                .draw_series(mine.iter().map(|(lon, lat, i)| {
                    let r = 5 + (severity(i) as f64).sqrt().round().min(14.0) as i32;
                    Circle::new((*lon, *lat), r, color.mix(0.75).filled())
                }))
                .map_err(err)?
                .label(t)
                .legend(move |(x, y)| Circle::new((x + 8, y), 5, color.filled()));
        }
        let mut labelled: Vec<&(f64, f64, &IncidentView)> = points.iter().collect();
        labelled.sort_by_key(|(_, _, i)| std::cmp::Reverse(severity(i)));
        labelled.truncate(8);
        chart
            .draw_series(labelled.iter().map(|(lon, lat, i)| {
                Text::new(
                    i.location.clone().unwrap_or_default(),
                    (*lon + (lon1 - lon0) * 0.012, *lat),
                    ("sans-serif", 16),
                )
            }))
            .map_err(err)?;
        if !points.is_empty() {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::LowerRight)
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK.mix(0.3))
                .label_font(("sans-serif", 16))
                .draw()
                .map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(svg)
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

const CSS: &str = r#"
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #222; margin: 24px auto; max-width: 1000px; font-size: 14px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 22px 0 8px; border-bottom: 1px solid #ccc; }
.sub { color: #555; margin-bottom: 12px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #e4e4e4; vertical-align: top; }
table.figures td.n, table.figures th.n { text-align: right; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.chart svg { width: 100%; height: auto; display: block; }
.incident { margin: 10px 0; padding: 6px 8px; border-left: 4px solid #999; page-break-inside: avoid; }
.incident .meta { color: #555; } .disputed { color: #a03020; } .reviewed { color: #206040; }
a { color: #1f4e8c; }
@media print { body { margin: 0; max-width: none; font-size: 11px; } h2 { margin-top: 12px; } .charts { gap: 4px; } }
@page { size: A4; margin: 12mm; }
"#;

impl Report {
    fn period_text(&self) -> String {
        format!(
            "{} to {} ({}), compared with {} to {}",
            self.since, self.until, self.scope, self.previous_since, self.previous_until
        )
    }

    /// One self-contained HTML page: nothing is fetched when it is opened or printed.
    pub fn to_html(&self) -> Result<String, String> {
        let weeks = self.weeks();
        let charts = [
            ("map", map_chart(&self.incidents)?),
            (
                "incidents-per-week",
                weekly_chart("Incidents per week, by type", &weeks, &self.per_week(false))?,
            ),
            (
                "fatalities-per-week",
                weekly_chart(
                    "People killed per week, by type",
                    &weeks,
                    &self.per_week(true),
                )?,
            ),
            (
                "regions",
                bar_chart(
                    "Incidents per region",
                    &self.per_region(10),
                    RGBColor(31, 78, 140),
                )?,
            ),
            (
                "actors",
                bar_chart(
                    "Most active actors (incidents)",
                    &self.top_actors(8),
                    RGBColor(160, 60, 40),
                )?,
            ),
        ];
        let mut h = String::new();
        h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.push_str(&format!(
            "<title>Situation report {} – {}</title><style>{CSS}</style></head><body>\n",
            self.since, self.until
        ));
        h.push_str(&format!(
            "<h1>Situation report</h1><div class=\"sub\">{}. Generated by Vigie from {} incidents; figures are best estimates across sources.</div>\n",
            escape(&self.period_text()),
            self.incidents.len()
        ));
        h.push_str("<table class=\"figures\"><tr><th></th><th class=\"n\">this period</th><th class=\"n\">previous period</th><th class=\"n\">change</th></tr>\n");
        for (label, now, before) in self.key_figures() {
            h.push_str(&format!(
                "<tr><td>{}</td><td class=\"n\"><b>{now}</b></td><td class=\"n\">{before}</td><td class=\"n\">{}</td></tr>\n",
                escape(&label),
                change(now, before)
            ));
        }
        h.push_str("</table>\n<div class=\"charts\">\n");
        for (id, svg) in &charts {
            h.push_str(&format!(
                "<div class=\"chart\" id=\"chart-{id}\">{svg}</div>\n"
            ));
        }
        h.push_str("</div>\n<h2>Notable incidents</h2>\n");
        let notable = self.notable(10);
        if notable.is_empty() {
            h.push_str("<p>No incident in this period.</p>\n");
        }
        for i in notable {
            h.push_str(&format!(
                "<div class=\"incident\" style=\"border-color: rgb({},{},{})\"><b>{} · {}</b> — {}<br><span class=\"meta\">{}{}</span><br>",
                type_color(i.event_type.as_deref().unwrap_or("")).0,
                type_color(i.event_type.as_deref().unwrap_or("")).1,
                type_color(i.event_type.as_deref().unwrap_or("")).2,
                escape(i.date.as_deref().unwrap_or("undated")),
                escape(&place_text(i)),
                escape(i.sub_event_type.as_deref().unwrap_or("")),
                escape(&[i.actor1.as_deref(), i.actor2.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" vs ")),
                i.review
                    .as_ref()
                    .map(|r| format!(" · <span class=\"reviewed\">reviewed: {}</span>", escape(&r.status)))
                    .unwrap_or_default()
            ));
            h.push_str(&format!(
                "killed {} · injured {} · abducted {}",
                estimate_text(i.fatalities),
                estimate_text(i.injured),
                estimate_text(i.abducted)
            ));
            for f in ["fatalities", "injured", "abducted"] {
                if figure_disputed(i, f) {
                    h.push_str(&format!(
                        "<br><span class=\"disputed\">disputed {f}: {}</span>",
                        escape(&figure_claims_text(i, f))
                    ));
                }
            }
            h.push_str("<br>Sources: ");
            let sources: Vec<String> = i
                .articles
                .iter()
                .map(|a| {
                    let name = a
                        .outlet
                        .clone()
                        .or_else(|| a.title.clone())
                        .unwrap_or_else(|| a.reference.clone());
                    let title = a
                        .title
                        .as_deref()
                        .map(|t| format!(", “{}”", escape(t)))
                        .unwrap_or_default();
                    match &a.url {
                        Some(u) => {
                            format!("<a href=\"{}\">{}</a>{title}", escape(u), escape(&name))
                        }
                        None => format!("{}{title}", escape(&name)),
                    }
                })
                .collect();
            h.push_str(&sources.join("; "));
            h.push_str(&format!(
                " <span class=\"meta\">(incident {})</span></div>\n",
                escape(&i.id)
            ));
        }
        h.push_str("<h2>Disputed figures</h2>\n");
        let disputed = self.disputed();
        if disputed.is_empty() {
            h.push_str("<p>No source disagrees with another on a figure in this period.</p>\n");
        } else {
            h.push_str(
                "<table><tr><th>incident</th><th>figure</th><th>what each source says</th></tr>\n",
            );
            for (i, figures) in disputed {
                for (f, claims) in figures {
                    h.push_str(&format!(
                        "<tr><td>{} · {}</td><td>{f}</td><td>{}</td></tr>\n",
                        escape(i.date.as_deref().unwrap_or("undated")),
                        escape(i.location.as_deref().unwrap_or("")),
                        escape(&claims)
                    ));
                }
            }
            h.push_str("</table>\n");
        }
        h.push_str("<p class=\"sub\">Map: country outlines from Natural Earth (public domain). Charts drawn with plotters.</p>\n</body></html>\n");
        Ok(h)
    }

    /// The same report as Markdown (tables in place of charts).
    pub fn to_markdown(&self) -> String {
        let mut m = format!("# Situation report\n\n{}.\n\n", self.period_text());
        m.push_str("| | this period | previous period | change |\n|---|---:|---:|---:|\n");
        for (label, now, before) in self.key_figures() {
            m.push_str(&format!(
                "| {label} | {now} | {before} | {} |\n",
                change(now, before)
            ));
        }
        let weeks = self.weeks();
        for (title, fatalities) in [
            ("Incidents per week", false),
            ("People killed per week", true),
        ] {
            let series = self.per_week(fatalities);
            m.push_str(&format!("\n## {title}\n\n| week | "));
            m.push_str(
                &series
                    .iter()
                    .map(|s| s.0.as_str())
                    .collect::<Vec<_>>()
                    .join(" | "),
            );
            m.push_str(" |\n|---|");
            m.push_str(&"---:|".repeat(series.len()));
            m.push('\n');
            for (w, week) in weeks.iter().enumerate() {
                m.push_str(&format!("| {week} |"));
                for (_, v) in &series {
                    m.push_str(&format!(" {} |", v[w]));
                }
                m.push('\n');
            }
        }
        for (title, rows) in [
            ("Incidents per region", self.per_region(10)),
            ("Most active actors", self.top_actors(8)),
        ] {
            m.push_str(&format!("\n## {title}\n\n| | incidents |\n|---|---:|\n"));
            for (k, v) in rows {
                m.push_str(&format!("| {} | {v} |\n", k.replace('|', "/")));
            }
        }
        m.push_str("\n## Notable incidents\n\n");
        for i in self.notable(10) {
            m.push_str(&format!(
                "- **{} · {}** — {}; killed {}, injured {}, abducted {}{}\n",
                i.date.as_deref().unwrap_or("undated"),
                place_text(i),
                i.sub_event_type.as_deref().unwrap_or(""),
                estimate_text(i.fatalities),
                estimate_text(i.injured),
                estimate_text(i.abducted),
                i.review
                    .as_ref()
                    .map(|r| format!(" (reviewed: {})", r.status))
                    .unwrap_or_default()
            ));
            for f in ["fatalities", "injured", "abducted"] {
                if figure_disputed(i, f) {
                    m.push_str(&format!("  - disputed {f}: {}\n", figure_claims_text(i, f)));
                }
            }
            let sources: Vec<String> = i
                .articles
                .iter()
                .map(|a| {
                    let name = a.outlet.clone().unwrap_or_else(|| a.reference.clone());
                    match &a.url {
                        Some(u) => format!("[{name}]({u})"),
                        None => name,
                    }
                })
                .collect();
            m.push_str(&format!("  - sources: {}\n", sources.join("; ")));
        }
        m
    }
}

/// `GET /report?since=&until=&country=&zone=`: the report as an HTML page.
pub(crate) async fn serve_report(
    axum::extract::State(state): axum::extract::State<std::sync::Arc<crate::AppState>>,
    axum::extract::Query(q): axum::extract::Query<HashMap<String, String>>,
) -> Result<axum::response::Response, crate::api::ApiError> {
    use axum::response::IntoResponse;
    let mut params = ReportParams::default();
    for (k, v) in q {
        let v = v.trim().to_string();
        if v.is_empty() {
            continue;
        }
        let date = |name: &str| {
            parse_day(&v).ok_or_else(|| {
                crate::api::ApiError::bad_request(format!("{name}: {v:?} is not YYYY-MM-DD"))
            })
        };
        match k.as_str() {
            "since" => params.since = Some(date("since")?),
            "until" => params.until = Some(date("until")?),
            "country" => params.country = Some(v),
            "zone" => params.zone = Some(v),
            other => {
                return Err(crate::api::ApiError::bad_request(format!(
                    "unknown parameter {other:?} (allowed: since, until, country, zone)"
                )))
            }
        }
    }
    // Reversed bounds ask for the period between the two days: no date is wrong on its own.
    params.swap_reversed = true;
    let st = state.clone();
    let html = tokio::task::spawn_blocking(move || {
        st.with_store(|s| Ok(Report::build(s, &params).and_then(|r| r.to_html())))
    })
    .await
    .map_err(|e| crate::api::ApiError::internal(format!("worker failed: {e}")))?
    .map_err(crate::api::ApiError::from)?
    .map_err(|e| {
        // A zone nobody drew is not found; other refusals name the caller's parameter.
        if e.starts_with("zone: no watch zone") {
            crate::api::ApiError::not_found(e)
        } else {
            crate::api::ApiError::bad_request(e)
        }
    })?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response())
}
