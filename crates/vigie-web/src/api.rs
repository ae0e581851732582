//! JSON handlers. Every error is `{"error": "..."}` with a meaningful status code.

use crate::AppState;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use serde_json::{json, Map, Value};
use std::sync::Arc;
use vigie_core::{Article, Body};
use vigie_store::{BoundingBox, IncidentFilter, Store};

type AppStateRef = State<Arc<AppState>>;

/// Page size of list routes when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 100;
/// Largest `limit` accepted.
pub const MAX_LIMIT: usize = 10_000;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
    pub(crate) fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
    pub(crate) fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }
    pub(crate) fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut resp = (self.status, Json(json!({ "error": self.message }))).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            resp.headers_mut().insert(
                WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        resp
    }
}

impl From<vigie_store::StoreError> for ApiError {
    fn from(e: vigie_store::StoreError) -> ApiError {
        ApiError::internal(format!("store: {e}"))
    }
}

pub(crate) type ApiResult<T> = Result<T, ApiError>;

/// Run store work on the blocking pool with a pooled connection.
async fn with_store<T: Send + 'static>(
    state: &Arc<AppState>,
    f: impl FnOnce(&mut Store) -> vigie_store::Result<T> + Send + 'static,
) -> ApiResult<T> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || state.with_store(f))
        .await
        .map_err(|e| ApiError::internal(format!("worker failed: {e}")))?
        .map_err(ApiError::from)
}

pub async fn api_not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!(
        "no such API route: {} (see /api/openapi.json)",
        uri.path()
    ))
}

pub async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{method} is not allowed on {} (see /api/openapi.json)",
            uri.path()
        ),
    )
}

// ---------------------------------------------------------------------------
// Small routes
// ---------------------------------------------------------------------------

pub async fn health() -> Json<Value> {
    Json(json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

pub async fn config(State(state): AppStateRef) -> Json<Value> {
    Json(json!({
        "version": env!("CARGO_PKG_VERSION"),
        "tile_url": state.tile_url,
        "writes": state.token.is_some(),
        "admin1_layer": crate::assets::Dist::get("geo/admin1.geojson").is_some(),
    }))
}

pub async fn openapi() -> Json<Value> {
    Json(crate::openapi::openapi_document())
}

// ---------------------------------------------------------------------------
// Query parameters
// ---------------------------------------------------------------------------

type Params = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Parsed `?since&until&country&type&actor&admin1&near&q&limit&offset`.
#[derive(Debug, Default)]
pub(crate) struct IncidentQuery {
    pub filter: IncidentFilter,
    /// First-level region (admin1, old or post-2023 name), case-insensitive.
    pub admin1: Option<String>,
    pub limit: Option<usize>,
    pub offset: usize,
}

fn params(p: Params, allowed: &[&str]) -> ApiResult<Vec<(String, String)>> {
    let Query(pairs) = p.map_err(|e| ApiError::bad_request(format!("bad query string: {e}")))?;
    let mut seen: Vec<&str> = Vec::new();
    for (k, _) in &pairs {
        if !allowed.contains(&k.as_str()) {
            return Err(ApiError::bad_request(format!(
                "unknown parameter `{k}` (expected one of: {})",
                allowed.join(", ")
            )));
        }
        if seen.contains(&k.as_str()) {
            return Err(ApiError::bad_request(format!(
                "parameter `{k}` is given twice"
            )));
        }
        seen.push(k);
    }
    Ok(pairs)
}

/// Largest integer a query parameter takes (2^53 - 1, exact in every JSON reader); the
/// OpenAPI document says the same.
pub const MAX_INTEGER: usize = 9_007_199_254_740_991;

/// A date exactly `YYYY-MM-DD` (as OpenAPI's `format: date`; chrono alone would also take
/// "2025-3-4" or "+2025-03-04").
fn parse_date(name: &str, v: &str) -> ApiResult<NaiveDate> {
    let shaped = v.len() == 10
        && v.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let parsed = if shaped {
        NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
    } else {
        None
    };
    parsed.ok_or_else(|| {
        ApiError::bad_request(format!(
            "bad `{name}`: expected a date YYYY-MM-DD, got {v:?}"
        ))
    })
}

/// Digits only (no sign), at most [`MAX_INTEGER`].
fn parse_usize(name: &str, v: &str) -> ApiResult<usize> {
    let n = if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        v.parse::<usize>().ok().filter(|n| *n <= MAX_INTEGER)
    } else {
        None
    };
    n.ok_or_else(|| {
        ApiError::bad_request(format!(
            "bad `{name}`: expected an integer from 0 to {MAX_INTEGER}, got {v:?}"
        ))
    })
}

/// "-12.5", "3", "0.25": an optional minus, digits, and an optional fraction (no exponent, no
/// plus sign, no "inf"), as the `near` pattern of the OpenAPI document.
fn plain_number(s: &str, signed: bool) -> bool {
    let s = if signed {
        s.strip_prefix('-').unwrap_or(s)
    } else {
        s
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    digits(int) && frac.is_none_or(digits)
}

pub(crate) fn parse_near(v: &str) -> ApiResult<(f64, f64, f64)> {
    let bad = |why: &str| {
        ApiError::bad_request(format!(
            "bad `near`: expected lat,lon,km ({why}), got {v:?}"
        ))
    };
    let parts: Vec<&str> = v.split(',').map(str::trim).collect();
    if parts.len() != 3 {
        return Err(bad("three numbers separated by commas"));
    }
    let mut n = [0f64; 3];
    for (i, p) in parts.iter().enumerate() {
        if !plain_number(p, i < 2) {
            return Err(bad("not a number"));
        }
        n[i] = p
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .ok_or_else(|| bad("not a number"))?;
    }
    if !(-90.0..=90.0).contains(&n[0]) {
        return Err(bad("latitude must be within -90..90"));
    }
    if !(-180.0..=180.0).contains(&n[1]) {
        return Err(bad("longitude must be within -180..180"));
    }
    if n[2] <= 0.0 {
        return Err(bad("radius in km must be positive"));
    }
    Ok((n[0], n[1], n[2]))
}

/// `bbox`: west,south,east,north in degrees, plain numbers of at most four integer digits;
/// longitudes wrap, latitudes are clamped, west greater than east crosses the antimeridian,
/// south greater than north is an empty box (as the OpenAPI pattern says, nothing else fails).
pub(crate) fn parse_bbox(v: &str) -> ApiResult<BoundingBox> {
    let bad = |why: &str| {
        ApiError::bad_request(format!(
            "bad `bbox`: expected west,south,east,north in degrees ({why}), got {v:?}"
        ))
    };
    let parts: Vec<&str> = v.split(',').map(str::trim).collect();
    if parts.len() != 4 {
        return Err(bad("four numbers separated by commas"));
    }
    let mut n = [0f64; 4];
    for (i, p) in parts.iter().enumerate() {
        let int_digits = p
            .trim_start_matches('-')
            .split('.')
            .next()
            .unwrap_or("")
            .len();
        if !plain_number(p, true) || int_digits > 4 {
            return Err(bad("not a number of at most four integer digits"));
        }
        n[i] = p.parse::<f64>().map_err(|_| bad("not a number"))?;
    }
    BoundingBox::new(n[0], n[1], n[2], n[3]).map_err(|e| bad(&e.0))
}

/// Zoom levels of a web map a `/api/map` request may give (grids stop at the store's
/// `map::MAX_ZOOM`).
pub const MAX_MAP_ZOOM: usize = 24;

const INCIDENT_PARAMS: &[&str] = &[
    "since", "until", "country", "type", "actor", "admin1", "near", "bbox", "q", "limit", "offset",
];

/// The list also takes `view`: `full` (the default) or `summary`.
const LIST_PARAMS: &[&str] = &[
    "since", "until", "country", "type", "actor", "admin1", "near", "bbox", "q", "limit", "offset",
    "view",
];

const MAP_PARAMS: &[&str] = &[
    "since", "until", "country", "type", "actor", "admin1", "bbox", "q", "zoom",
];

pub(crate) fn incident_query(
    pairs: Vec<(String, String)>,
    default_limit: Option<usize>,
) -> ApiResult<IncidentQuery> {
    let mut q = IncidentQuery {
        limit: default_limit,
        ..Default::default()
    };
    for (k, v) in pairs {
        let v = v.trim().to_string();
        if v.is_empty() {
            continue;
        }
        match k.as_str() {
            "since" => q.filter.since = Some(parse_date("since", &v)?),
            "until" => q.filter.until = Some(parse_date("until", &v)?),
            "country" => q.filter.country = Some(v),
            "type" => q.filter.event_type = Some(v),
            "actor" => q.filter.actor = Some(v),
            "admin1" => q.admin1 = Some(v),
            "near" => q.filter.near = Some(parse_near(&v)?),
            "bbox" => q.filter.bbox = Some(parse_bbox(&v)?),
            "q" => q.filter.text = Some(v),
            "limit" => {
                let n = parse_usize("limit", &v)?;
                if n > MAX_LIMIT {
                    return Err(ApiError::bad_request(format!(
                        "bad `limit`: at most {MAX_LIMIT}, got {n}"
                    )));
                }
                q.limit = Some(n);
            }
            "offset" => q.offset = parse_usize("offset", &v)?,
            _ => unreachable!("checked by params()"),
        }
    }
    // `since` after `until` is an empty period: it matches nothing (the OpenAPI document cannot
    // say that one parameter bounds another, and the answer is no less true).
    Ok(q)
}

/// The store's filter for a query, with its page.
fn page_filter(q: &IncidentQuery) -> IncidentFilter {
    let mut filter = q.filter.clone();
    filter.admin1 = q.admin1.clone();
    filter.limit = q.limit;
    filter.offset = q.offset;
    filter
}

/// (total matching, the requested page read by `read`: full views or summaries), paged and
/// counted by the store.
async fn matching<T: Send + 'static>(
    state: &Arc<AppState>,
    q: &IncidentQuery,
    read: fn(&Store, &IncidentFilter) -> vigie_store::Result<Vec<T>>,
) -> ApiResult<(usize, Vec<T>)> {
    let filter = page_filter(q);
    with_store(state, move |s| {
        Ok((s.count_incidents(&filter)?, read(s, &filter)?))
    })
    .await
}

// ---------------------------------------------------------------------------
// Incidents
// ---------------------------------------------------------------------------

/// One page of a list, serialised as it is (no intermediate JSON tree: a page of full views
/// can be megabytes).
#[derive(serde::Serialize)]
struct Page<T> {
    total: usize,
    limit: Option<usize>,
    offset: usize,
    items: Vec<T>,
}

/// A page of the incidents matching the filters: full views, or with `view=summary` what a
/// list shows of each (a few hundred bytes instead of tens of kilobytes).
pub async fn incidents(State(state): AppStateRef, p: Params) -> ApiResult<Response> {
    let mut pairs = params(p, LIST_PARAMS)?;
    let mut summary = false;
    if let Some(i) = pairs.iter().position(|(k, _)| k == "view") {
        let (_, v) = pairs.remove(i);
        summary = match v.trim() {
            "" | "full" => false,
            "summary" => true,
            other => {
                return Err(ApiError::bad_request(format!(
                    "bad `view`: `full` or `summary`, got `{other}`"
                )))
            }
        };
    }
    let q = incident_query(pairs, Some(DEFAULT_LIMIT))?;
    let (limit, offset) = (q.limit, q.offset);
    Ok(if summary {
        let (total, items) = matching(&state, &q, Store::incident_summaries).await?;
        Json(Page {
            total,
            limit,
            offset,
            items,
        })
        .into_response()
    } else {
        let (total, items) = matching(&state, &q, Store::incidents).await?;
        Json(Page {
            total,
            limit,
            offset,
            items,
        })
        .into_response()
    })
}

pub async fn incidents_geojson(State(state): AppStateRef, p: Params) -> ApiResult<Response> {
    let q = incident_query(params(p, INCIDENT_PARAMS)?, None)?;
    let (total, items) = matching(&state, &q, Store::incident_summaries).await?;
    let mut without_coordinates = 0usize;
    let features: Vec<Value> = items
        .iter()
        .filter_map(|i| {
            let (Some(lat), Some(lon)) = (i.latitude, i.longitude) else {
                without_coordinates += 1;
                return None;
            };
            Some(json!({
                "type": "Feature",
                "id": i.id,
                "geometry": { "type": "Point", "coordinates": [lon, lat] },
                "properties": {
                    "id": i.id,
                    "event_id_cnty": i.event_id_cnty,
                    "date": i.date,
                    "time_precision": i.time_precision,
                    "event_type": i.event_type,
                    "sub_event_type": i.sub_event_type,
                    "actor1": i.actor1,
                    "actor2": i.actor2,
                    "country": i.country,
                    "admin1": i.admin1,
                    "admin2": i.admin2,
                    "location": i.location,
                    "geo_precision": i.geo_precision,
                    "fatalities": i.fatalities,
                    "injured": i.injured,
                    "abducted": i.abducted,
                    "articles": i.reports,
                    "review": i.review,
                }
            }))
        })
        .collect();
    let body = json!({
        "type": "FeatureCollection",
        "features": features,
        "total": total,
        "without_coordinates": without_coordinates,
    });
    Ok(([(CONTENT_TYPE, "application/geo+json")], Json(body)).into_response())
}

/// The map of the filters at one zoom: incidents grouped on a grid by the store, so that the
/// answer's size depends on the box and the zoom, not on how many incidents the store holds.
pub async fn map(State(state): AppStateRef, p: Params) -> ApiResult<Json<Value>> {
    let mut pairs = params(p, MAP_PARAMS)?;
    let mut zoom = 0u8;
    if let Some(i) = pairs.iter().position(|(k, _)| k == "zoom") {
        let (_, v) = pairs.remove(i);
        let v = v.trim();
        if !v.is_empty() {
            let n = parse_usize("zoom", v)?;
            if n > MAX_MAP_ZOOM {
                return Err(ApiError::bad_request(format!(
                    "bad `zoom`: at most {MAX_MAP_ZOOM}, got {n}"
                )));
            }
            zoom = n as u8;
        }
    }
    let q = incident_query(pairs, None)?;
    let mut filter = q.filter;
    filter.admin1 = q.admin1;
    let view = with_store(&state, move |s| s.map(&filter, zoom)).await?;
    Ok(Json(json!(view)))
}

pub async fn incident(State(state): AppStateRef, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    let found = with_store(&state, move |s| {
        let Some(incident) = s.incident(&id)? else {
            return Ok(Err(id));
        };
        let mut texts = Vec::new();
        for a in &incident.articles {
            if let Some(d) = s.article(&a.reference)? {
                texts.push(json!({
                    "ref": d.row.reference,
                    "title": d.row.title,
                    "url": d.row.url,
                    "outlet": d.row.outlet,
                    "published": d.row.published,
                    "language": d.row.language,
                    "text": d.text,
                }));
            }
        }
        Ok(Ok((incident, texts)))
    })
    .await?;
    match found {
        Ok((incident, texts)) => {
            let mut v = serde_json::to_value(&incident)
                .map_err(|e| ApiError::internal(format!("cannot serialise incident: {e}")))?;
            if let Value::Object(m) = &mut v {
                m.insert("texts".into(), Value::Array(texts));
            }
            Ok(Json(v))
        }
        Err(id) => Err(ApiError::not_found(format!("no incident with id {id:?}"))),
    }
}

// ---------------------------------------------------------------------------
// Articles and statistics
// ---------------------------------------------------------------------------

pub async fn articles(State(state): AppStateRef, p: Params) -> ApiResult<Json<Value>> {
    let pairs = params(p, &["limit", "offset"])?;
    let (mut limit, mut offset) = (Some(DEFAULT_LIMIT), 0);
    for (k, v) in pairs {
        if v.trim().is_empty() {
            continue; // (an empty value is no value, as for the incident filters)
        }
        match k.as_str() {
            "limit" => {
                let n = parse_usize("limit", v.trim())?;
                if n > MAX_LIMIT {
                    return Err(ApiError::bad_request(format!(
                        "bad `limit`: at most {MAX_LIMIT}, got {n}"
                    )));
                }
                limit = Some(n);
            }
            _ => offset = parse_usize("offset", v.trim())?,
        }
    }
    let (total, items) = with_store(&state, move |s| {
        Ok((s.article_count()?, s.articles_page(limit, offset)?))
    })
    .await?;
    Ok(Json(
        json!({ "total": total, "limit": limit, "offset": offset, "items": items }),
    ))
}

pub async fn article(
    State(state): AppStateRef,
    Path(reference): Path<String>,
) -> ApiResult<Json<Value>> {
    let r = reference.clone();
    match with_store(&state, move |s| s.article(&r)).await? {
        Some(d) => Ok(Json(
            serde_json::to_value(d).map_err(|e| ApiError::internal(e.to_string()))?,
        )),
        None => Err(ApiError::not_found(format!(
            "no article with ref {reference:?}"
        ))),
    }
}

/// Longest text `GET /api/geocode` accepts, in bytes.
pub const MAX_GEOCODE_TEXT: usize = 20_000;

/// `GET /api/geocode?text=`: the places in a text, the candidate chosen for each, the others, and
/// why (cue, admin units given with the name, the story's country, distance to the other places).
pub async fn geocode(p: Params) -> ApiResult<Json<Value>> {
    let pairs = params(p, &["text"])?;
    let text = pairs
        .into_iter()
        .find(|(k, _)| k == "text")
        .map(|(_, v)| v)
        .ok_or_else(|| ApiError::bad_request("missing parameter `text`"))?;
    if text.trim().is_empty() {
        return Err(ApiError::bad_request("empty `text`"));
    }
    if text.len() > MAX_GEOCODE_TEXT {
        return Err(ApiError::bad_request(format!(
            "`text` too long: {} bytes, at most {MAX_GEOCODE_TEXT}",
            text.len()
        )));
    }
    let g = tokio::task::spawn_blocking(move || vigie_geo::geocode(vigie_geo::global(), &text))
        .await
        .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(Json(
        serde_json::to_value(g).map_err(|e| ApiError::internal(e.to_string()))?,
    ))
}

pub async fn stats(State(state): AppStateRef) -> ApiResult<Json<Value>> {
    let s = with_store(&state, |s| s.stats()).await?;
    Ok(Json(json!({
        "articles": s.articles,
        "incidents": s.incidents,
        "per_week_type": s.per_week_type.iter()
            .map(|(w, t, n)| json!({ "week": w, "event_type": t, "count": n }))
            .collect::<Vec<_>>(),
        "per_admin1": s.per_admin1.iter()
            .map(|(a, n)| json!({ "admin1": a, "count": n }))
            .collect::<Vec<_>>(),
        "per_actor": s.per_actor.iter()
            .map(|(a, n)| json!({ "actor": a, "count": n }))
            .collect::<Vec<_>>(),
    })))
}

// ---------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------

/// Constant-time comparison so the token cannot be guessed byte by byte from timings: the
/// SHA-256 digests of both are compared with `subtle`, so not even the length shows.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    use sha2::{Digest, Sha256};
    use subtle::ConstantTimeEq;
    Sha256::digest(a).ct_eq(&Sha256::digest(b)).into()
}

/// Middleware for write routes: 403 when writes are disabled, 401 without the right bearer
/// token. Runs before the body is read.
pub async fn require_token(State(state): AppStateRef, req: Request, next: Next) -> Response {
    let Some(token) = state.token.as_deref() else {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: start the server with --token or VIGIE_TOKEN",
        )
        .into_response();
    };
    let given = req
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim);
    match given {
        None => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "missing `Authorization: Bearer <token>` header",
        )
        .into_response(),
        Some(g) if !same_secret(g.as_bytes(), token.as_bytes()) => {
            ApiError::new(StatusCode::UNAUTHORIZED, "invalid bearer token").into_response()
        }
        Some(_) => next.run(req).await,
    }
}

/// One record that could not be read.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Rejected {
    /// 1-based line of a JSON Lines body, or 1-based position in a JSON array.
    pub line: usize,
    pub error: String,
}

enum Format {
    Json,
    Lines,
}

fn body_format(headers: &HeaderMap, body: &[u8]) -> ApiResult<Format> {
    let ct = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    match ct.as_deref() {
        Some(
            "application/x-ndjson"
            | "application/ndjson"
            | "application/jsonl"
            | "application/x-jsonl"
            | "application/jsonlines"
            | "application/x-jsonlines"
            | "application/json-lines"
            | "text/plain",
        ) => Ok(Format::Lines),
        Some("application/json") => Ok(Format::Json),
        Some(other) => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "unsupported Content-Type {other:?}: send application/json (one record or an \
                 array) or application/x-ndjson (one record per line)"
            ),
        )),
        None => {
            let first = body.iter().find(|b| !b.is_ascii_whitespace());
            Ok(if first == Some(&b'[') {
                Format::Json
            } else {
                Format::Lines
            })
        }
    }
}

fn opt_string(obj: &Map<String, Value>, field: &str) -> Result<Option<String>, String> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!(
            "field `{field}`: expected a string, got {}",
            kind(other)
        )),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One input record `{id,url,title,outlet,published,language,text|html}` → Article.
pub(crate) fn record_to_article(v: &Value) -> Result<Article, String> {
    let Value::Object(obj) = v else {
        return Err(format!("expected a JSON object, got {}", kind(v)));
    };
    let id = match obj.get("id") {
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => opt_string(obj, "id")?,
    };
    let url = opt_string(obj, "url")?;
    let reference = id
        .or_else(|| url.clone())
        .ok_or_else(|| "record has neither `id` nor `url`".to_string())?;
    let published = match opt_string(obj, "published")? {
        None => None,
        Some(p) => {
            let day = p.get(..10).unwrap_or(&p);
            Some(NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
                format!("field `published`: expected a date YYYY-MM-DD (or an ISO date-time), got {p:?}")
            })?)
        }
    };
    let body = match (opt_string(obj, "text")?, opt_string(obj, "html")?) {
        (Some(t), _) => Body::Text(t),
        (None, Some(h)) => Body::Html(h),
        (None, None) => return Err("record has neither `text` nor `html`".to_string()),
    };
    Ok(Article {
        reference,
        url,
        title: opt_string(obj, "title")?,
        outlet: opt_string(obj, "outlet")?,
        published,
        declared_language: opt_string(obj, "language")?.map(|l| l.trim().to_ascii_lowercase()),
        body,
    })
}

/// Parse a POST body into (position, article) records and per-record errors.
pub(crate) fn parse_records(
    headers: &HeaderMap,
    body: &[u8],
) -> ApiResult<(Vec<Article>, Vec<Rejected>)> {
    let mut articles = Vec::new();
    let mut rejected = Vec::new();
    match body_format(headers, body)? {
        Format::Json => {
            let v: Value = serde_json::from_slice(body).map_err(|e| {
                ApiError::bad_request(format!(
                    "invalid JSON at line {} column {}: {e} (send JSON Lines as application/x-ndjson)",
                    e.line(),
                    e.column()
                ))
            })?;
            let items = match v {
                Value::Array(items) => items,
                obj @ Value::Object(_) => vec![obj],
                other => {
                    return Err(ApiError::bad_request(format!(
                        "expected a record object or an array of records, got {}",
                        kind(&other)
                    )))
                }
            };
            for (i, item) in items.iter().enumerate() {
                match record_to_article(item) {
                    Ok(a) => articles.push(a),
                    Err(error) => rejected.push(Rejected { line: i + 1, error }),
                }
            }
        }
        Format::Lines => {
            for (i, raw) in body.split(|b| *b == b'\n').enumerate() {
                let line = i + 1;
                let Ok(text) = std::str::from_utf8(raw) else {
                    rejected.push(Rejected {
                        line,
                        error: "line is not valid UTF-8".into(),
                    });
                    continue;
                };
                let text = text.trim();
                if text.is_empty() {
                    continue;
                }
                let parsed = serde_json::from_str::<Value>(text)
                    .map_err(|e| format!("invalid JSON at column {}: {e}", e.column()))
                    .and_then(|v| record_to_article(&v));
                match parsed {
                    Ok(a) => articles.push(a),
                    Err(error) => rejected.push(Rejected { line, error }),
                }
            }
        }
    }
    Ok((articles, rejected))
}

pub async fn post_articles(
    State(state): AppStateRef,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    let body = body.map_err(|e| {
        let status = e.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                status,
                format!(
                    "request body too large: the limit is {} bytes",
                    state.max_body
                ),
            )
        } else {
            ApiError::new(status, format!("cannot read request body: {e}"))
        }
    })?;
    let (articles, rejected) = parse_records(&headers, &body)?;
    let read = articles.len() + rejected.len();
    if read == 0 {
        return Err(ApiError::bad_request("no records in the request body"));
    }
    if articles.is_empty() {
        let body = json!({
            "error": format!("no valid record ({} rejected)", rejected.len()),
            "read": read, "new": 0, "unchanged": 0, "updated": 0, "incidents": null,
            "rejected": rejected, "articles": [],
        });
        return Ok((StatusCode::BAD_REQUEST, Json(body)).into_response());
    }
    let st = state.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let _writer = st.write_lock.lock().unwrap_or_else(|p| p.into_inner());
        let processed = vigie_core::process_batch(&articles);
        let meta: Vec<vigie_store::ArticleMeta> = articles
            .iter()
            .map(vigie_store::ArticleMeta::from)
            .collect();
        st.with_store(|s| {
            let report = s.ingest_articles(&processed, &meta)?;
            let incidents = s.relink_if_needed()?;
            Ok((report, incidents))
        })
    })
    .await
    .map_err(|e| ApiError::internal(format!("worker failed: {e}")))?;
    let (report, incidents) = outcome?;
    let per_article: Vec<Value> = report
        .outcomes
        .iter()
        .map(|(r, o)| json!({ "ref": r, "outcome": o }))
        .collect();
    Ok(Json(json!({
        "read": read,
        "new": report.new,
        "unchanged": report.unchanged,
        "updated": report.updated,
        "incidents": incidents,
        "rejected": rejected,
        "articles": per_article,
    }))
    .into_response())
}

// ---------------------------------------------------------------------------
// Monitor: zones and alerts
// ---------------------------------------------------------------------------

/// Most alerts a list or the Atom feed returns.
pub const MAX_ALERTS: usize = 1000;

fn alert_params(p: Params) -> ApiResult<(usize, Option<String>)> {
    let mut limit = DEFAULT_LIMIT;
    let mut zone = None;
    for (k, v) in params(p, &["limit", "zone"])? {
        match k.as_str() {
            "limit" => {
                limit = parse_usize("limit", v.trim())?;
                if limit > MAX_ALERTS {
                    return Err(ApiError::bad_request(format!(
                        "bad `limit`: at most {MAX_ALERTS}, got {limit}"
                    )));
                }
            }
            _ => zone = Some(v),
        }
    }
    Ok((limit, zone))
}

/// `GET /api/alerts?limit=&zone=`: alerts raised in the watch zones, newest first.
pub async fn alerts(State(state): AppStateRef, p: Params) -> ApiResult<Json<Value>> {
    let (limit, zone) = alert_params(p)?;
    let items = with_store(&state, move |s| s.alerts(limit, zone.as_deref())).await?;
    Ok(Json(json!({ "limit": limit, "items": items })))
}

/// `GET /api/zones`: the watch zones with their shapes.
pub async fn zones(State(state): AppStateRef) -> ApiResult<Json<Value>> {
    let items = with_store(&state, |s| s.zones()).await?;
    Ok(Json(json!({ "items": items })))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn rfc3339(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// One line saying what an alert is about: "Attack at Boromo, 2026-03-03: 5 killed".
fn alert_title(a: &vigie_store::AlertRow) -> String {
    let inc = &a.payload["incident"];
    let text = |k: &str| inc[k].as_str().unwrap_or("?").to_string();
    let mut t = format!(
        "[{}] {}{} at {}, {}",
        a.zone,
        if a.kind == "updated" { "update: " } else { "" },
        inc["sub_event_type"]
            .as_str()
            .or(inc["event_type"].as_str())
            .unwrap_or("Incident"),
        text("location"),
        text("date")
    );
    if let Some(n) = inc["fatalities"]["best"].as_u64() {
        t.push_str(&format!(": {n} killed"));
    }
    t
}

/// `GET /alerts.atom`: the latest alerts as an Atom feed, for any feed reader.
pub async fn alerts_atom(
    State(state): AppStateRef,
    headers: HeaderMap,
    p: Params,
) -> ApiResult<Response> {
    let (limit, zone) = alert_params(p)?;
    let items = with_store(&state, move |s| s.alerts(limit, zone.as_deref())).await?;
    // Feed readers want absolute links: the address the client used.
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_graphic()))
        .unwrap_or("localhost");
    let base = format!("http://{host}");
    let updated = items.first().map_or(0, |a| a.created_at);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
         <title>Vigie alerts</title>\n<id>urn:vigie:alerts</id>\n<updated>{}</updated>\n\
         <link rel=\"self\" href=\"{}/alerts.atom\"/>\n<generator>Vigie</generator>\n",
        rfc3339(updated),
        xml_escape(&base)
    );
    for a in &items {
        let inc = &a.payload["incident"];
        let mut summary = String::new();
        if let Some(notes) = inc["notes"].as_str() {
            summary.push_str(notes);
        }
        if !a.changes.is_empty() {
            if !summary.is_empty() {
                summary.push('\n');
            }
            summary.push_str("Changed: ");
            summary.push_str(&a.changes.join("; "));
        }
        xml.push_str(&format!(
            "<entry>\n<id>urn:vigie:alert:{}</id>\n<title>{}</title>\n<updated>{}</updated>\n\
             <link href=\"{}/api/incidents/{}\"/>\n<category term=\"{}\"/>\n<summary>{}</summary>\n</entry>\n",
            a.id,
            xml_escape(&alert_title(a)),
            rfc3339(a.created_at),
            xml_escape(&base),
            xml_escape(&a.incident_id),
            xml_escape(&a.kind),
            xml_escape(&summary)
        ));
    }
    xml.push_str("</feed>\n");
    Ok(([(CONTENT_TYPE, "application/atom+xml; charset=utf-8")], xml).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(ct: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(CONTENT_TYPE, HeaderValue::from_str(ct).unwrap());
        h
    }

    #[test]
    fn near_is_checked() {
        assert_eq!(parse_near("14.5, -4.2, 50").unwrap(), (14.5, -4.2, 50.0));
        for bad in [
            "14.5,-4.2",
            "north,1,2",
            "95,0,10",
            "0,190,10",
            "1,2,0",
            "1,2,NaN",
        ] {
            let e = parse_near(bad).unwrap_err();
            assert_eq!(e.status, StatusCode::BAD_REQUEST);
            assert!(e.message.contains("`near`"), "{}", e.message);
        }
    }

    #[test]
    fn filters_are_parsed_and_bad_values_named() {
        let q = incident_query(
            vec![
                ("since".into(), "2031-02-01".into()),
                ("type".into(), "Battles".into()),
                ("admin1".into(), "Kayes".into()),
                ("limit".into(), "5".into()),
                ("offset".into(), "10".into()),
                ("q".into(), " ".into()),
            ],
            Some(DEFAULT_LIMIT),
        )
        .unwrap();
        assert_eq!(q.filter.since, NaiveDate::from_ymd_opt(2031, 2, 1));
        assert_eq!(q.filter.event_type.as_deref(), Some("Battles"));
        assert_eq!(q.admin1.as_deref(), Some("Kayes"));
        assert_eq!((q.limit, q.offset), (Some(5), 10));
        assert_eq!(q.filter.text, None);
        let e = incident_query(vec![("until".into(), "31/01/2031".into())], None).unwrap_err();
        assert!(e.message.contains("`until`"));
        // An empty period is a query that matches nothing, not an error.
        let q = incident_query(
            vec![
                ("since".into(), "2031-02-02".into()),
                ("until".into(), "2031-02-01".into()),
            ],
            None,
        )
        .unwrap();
        assert!(q.filter.since > q.filter.until);
        let e = incident_query(vec![("limit".into(), "-1".into())], None).unwrap_err();
        assert!(e.message.contains("`limit`"));
        // Exactly the forms the OpenAPI document gives (schemathesis found chrono's and
        // Rust's looser ones accepted): no sign, no short date, no exponent, nothing past 2^53-1.
        for (k, v) in [
            ("limit", "+5"),
            ("offset", "9007199254740992"),
            ("since", "2031-2-1"),
            ("until", "+2031-02-01"),
            ("near", "1e1,2,3"),
            ("near", "+14,2,3"),
            ("near", "14,2,-3"),
            ("near", "14,2,0.0"),
            ("near", "inf,2,3"),
            ("near", "14.,2,3"),
        ] {
            let e = incident_query(vec![(k.into(), v.into())], None).unwrap_err();
            assert!(
                e.message.contains(&format!("`{k}`")),
                "{k}={v}: {}",
                e.message
            );
        }
        for near in ["14,2,3", "-14.5, -2.25 , 0.5", "90,-180,1"] {
            assert!(
                incident_query(vec![("near".into(), near.into())], None).is_ok(),
                "{near}"
            );
        }
    }

    #[test]
    fn json_lines_report_bad_lines_by_number() {
        let body = b"{\"id\":\"a\",\"text\":\"Un texte.\",\"published\":\"2031-03-04T10:00:00Z\"}\n\n{oops\n{\"id\":\"b\"}\n{\"url\":\"u\",\"html\":\"<p>x</p>\",\"published\":\"mars\"}\n{\"url\":\"u2\",\"html\":\"<p>y</p>\",\"language\":\"FR\"}\n";
        let (arts, rej) = parse_records(&headers("application/x-ndjson"), body).unwrap();
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].reference, "a");
        assert_eq!(arts[0].published, NaiveDate::from_ymd_opt(2031, 3, 4));
        assert_eq!(arts[1].reference, "u2");
        assert_eq!(arts[1].declared_language.as_deref(), Some("fr"));
        assert!(matches!(arts[1].body, Body::Html(_)));
        let lines: Vec<usize> = rej.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        assert!(rej[0].error.contains("invalid JSON"));
        assert!(rej[1].error.contains("`text`"));
        assert!(rej[2].error.contains("`published`"));
    }

    #[test]
    fn json_bodies_are_one_record_or_an_array() {
        let (a, r) =
            parse_records(&headers("application/json"), br#"{"id":7,"text":"t"}"#).unwrap();
        assert_eq!((a.len(), r.len(), a[0].reference.as_str()), (1, 0, "7"));
        let (a, r) = parse_records(
            &headers("application/json; charset=utf-8"),
            br#"[{"id":"x","text":"t"}, 3, {"id":"y","title":5,"text":"t"}]"#,
        )
        .unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(r.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 3]);
        assert!(r[1].error.contains("`title`"));
        let e = parse_records(&headers("application/json"), b"{\"id\":1}\n{\"id\":2}").unwrap_err();
        assert!(e.message.contains("line 2"), "{}", e.message);
        let e = parse_records(&headers("text/html"), b"<p>").unwrap_err();
        assert_eq!(e.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        // No Content-Type: sniffed.
        let (a, _) = parse_records(&HeaderMap::new(), br#"[{"id":"x","text":"t"}]"#).unwrap();
        assert_eq!(a.len(), 1);
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abc", b"abd"));
        assert!(!same_secret(b"abc", b"abcd"));
    }
}
