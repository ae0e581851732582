//! The OpenAPI 3.1 document served at `/api/openapi.json`, written by hand.

use serde_json::{json, Value};

/// (method, path) of every API route, as written in the document.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/health"),
    ("get", "/api/config"),
    ("get", "/api/openapi.json"),
    ("get", "/api/incidents"),
    ("get", "/api/incidents.geojson"),
    ("get", "/api/map"),
    ("get", "/api/incidents/{id}"),
    ("get", "/api/articles"),
    ("post", "/api/articles"),
    ("get", "/api/articles/{ref}"),
    ("get", "/api/stats"),
    ("get", "/api/geocode"),
    ("get", "/api/alerts"),
    ("get", "/api/zones"),
    ("get", "/alerts.atom"),
    ("get", "/api/incidents/{id}/history"),
    ("post", "/api/incidents/{id}/corrections"),
    ("get", "/api/corrections"),
    ("get", "/report"),
];

/// `bbox`: four plain decimal numbers of at most four integer digits (signed), with spaces
/// allowed around them; or empty. The server reads every such value (longitudes wrap, latitudes
/// are clamped; a south edge north of the north edge is an empty box).
const BBOX_PATTERN: &str = concat!(
    r"^\s*$|^\s*-?[0-9]{1,4}(\.[0-9]+)?\s*,\s*-?[0-9]{1,4}(\.[0-9]+)?\s*,",
    r"\s*-?[0-9]{1,4}(\.[0-9]+)?\s*,\s*-?[0-9]{1,4}(\.[0-9]+)?\s*$"
);

/// `near`: three plain decimal numbers (no sign on the distance, no exponent) within their
/// ranges, with spaces allowed around them; or empty. The server checks the same.
const NEAR_PATTERN: &str = concat!(
    r"^\s*$|^\s*-?(90(\.0+)?|[0-8]?[0-9](\.[0-9]+)?)\s*,",
    r"\s*-?(180(\.0+)?|(1[0-7][0-9]|[0-9]?[0-9])(\.[0-9]+)?)\s*,",
    r"\s*([0-9]*[1-9][0-9]*(\.[0-9]+)?|[0-9]+\.[0-9]*[1-9][0-9]*)\s*$"
);

fn param(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema })
}

fn errors(codes: &[&str]) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    for c in codes {
        let what = match *c {
            "400" => "Bad parameter or body; the message names it",
            "401" => "Missing or wrong bearer token",
            "403" => "Writes are disabled (no token configured)",
            "404" => "Unknown id",
            "413" => "Request body too large",
            "415" => "Unsupported Content-Type",
            "429" => "Too many writes from this client: wait `Retry-After` seconds",
            _ => "Store failure",
        };
        m.insert(
            (*c).into(),
            json!({ "description": what, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }),
        );
    }
    m
}

fn ok(description: &str, schema: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } } })
}

fn responses(ok_resp: Value, error_codes: &[&str]) -> Value {
    let mut m = errors(error_codes);
    m.insert("200".into(), ok_resp);
    Value::Object(m)
}

fn estimate() -> Value {
    json!({ "$ref": "#/components/schemas/Estimate" })
}

fn nullable(t: &str) -> Value {
    json!({ "type": [t, "null"] })
}

/// The monitor's routes and schemas, added to the document (one `json!` for everything would
/// pass the macro's recursion limit).
fn add_monitor(doc: &mut Value) {
    let alert_params = vec![
        param(
            "limit",
            "Most alerts returned, newest first",
            json!({"type": "integer", "minimum": 0, "maximum": crate::api::MAX_ALERTS, "default": crate::api::DEFAULT_LIMIT}),
        ),
        param(
            "zone",
            "Only this zone's alerts (its name)",
            json!({"type": "string"}),
        ),
    ];
    doc["paths"]["/api/alerts"] = json!({ "get": {
        "operationId": "listAlerts",
        "summary": "Alerts raised in the watch zones, newest first: one `new` alert per incident and zone, then `updated` alerts saying what changed (a new source, a revised figure, another type, date or place)",
        "parameters": alert_params.clone(),
        "responses": responses(ok("Alerts", "AlertList"), &["400", "500"])
    }});
    doc["paths"]["/api/zones"] = json!({ "get": {
        "operationId": "listZones",
        "summary": "Watch zones: points with a radius, corridors (a line with a buffer in km), polygons, admin units; with the event types and minimum severity each cares about",
        "responses": responses(ok("Zones", "ZoneList"), &["500"])
    }});
    doc["paths"]["/alerts.atom"] = json!({ "get": {
        "operationId": "alertsAtom",
        "summary": "The latest alerts as an Atom feed, for any feed reader",
        "parameters": alert_params,
        "responses": responses(json!({ "description": "Atom 1.0 feed", "content": { "application/atom+xml": { "schema": { "type": "string" } } } }), &["400", "500"])
    }});
    let schemas = &mut doc["components"]["schemas"];
    schemas["Alert"] = json!({ "type": "object",
        "required": ["id", "incident_id", "zone_id", "zone", "kind", "changes", "payload", "created_at"],
        "properties": {
            "id": { "type": "integer" }, "incident_id": { "type": "string" },
            "zone_id": { "type": "integer" }, "zone": { "type": "string" },
            "kind": { "enum": ["new", "updated"] },
            "changes": { "type": "array", "items": { "type": "string" }, "description": "What changed since the last alert, e.g. \"fatalities: 5 → 12\"" },
            "payload": { "type": "object", "description": "The JSON delivered to webhooks: alert_id, kind, zone, incident (id, date, types, place, actors, figures, articles), changes, created_at" },
            "created_at": { "type": "integer", "description": "Unix seconds" } } });
    schemas["AlertList"] = json!({ "type": "object", "required": ["items"], "properties": {
        "limit": { "type": "integer" },
        "items": { "type": "array", "items": { "$ref": "#/components/schemas/Alert" } } } });
    schemas["Zone"] = json!({ "type": "object",
        "required": ["id", "name", "kind", "geometry", "event_types", "min_severity", "added_at"],
        "properties": {
            "id": { "type": "integer" }, "name": { "type": "string" },
            "kind": { "enum": ["point", "corridor", "polygon", "admin"] },
            "geometry": { "type": "object", "description": "point: {lat, lon, radius_km}; corridor: {line: [[lat, lon]...], buffer_km}; polygon: {polygons: [[[[lat, lon]...] rings] ...]}; admin: {name}" },
            "event_types": { "type": "array", "items": { "type": "string" }, "description": "Empty: every type" },
            "min_severity": { "type": "integer", "description": "Least number of people killed, injured or abducted (best estimates)" },
            "added_at": { "type": "integer" } } });
    schemas["ZoneList"] = json!({ "type": "object", "required": ["items"], "properties": {
        "items": { "type": "array", "items": { "$ref": "#/components/schemas/Zone" } } } });
}

pub fn openapi_document() -> Value {
    let mut doc = base_document();
    add_monitor(&mut doc);
    add_corrections(&mut doc);
    doc
}

/// The analysts' corrections and the situation report.
fn add_corrections(doc: &mut Value) {
    let id =
        json!({ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } });
    doc["paths"]["/api/incidents/{id}/history"] = json!({ "get": {
        "operationId": "incidentHistory",
        "summary": "The audit trail of an incident: every correction in force on it or written on it, oldest first, with who (the token's name or the CLI user), when, what, and the incident before and after",
        "parameters": [id.clone()],
        "responses": responses(ok("Corrections", "History"), &["404", "500"])
    }});
    let mut created = serde_json::Map::new();
    created.insert(
        "201".into(),
        ok(
            "The correction as written and the incident it is now in force on",
            "CorrectionResult",
        ),
    );
    for (code, v) in errors(&["400", "401", "403", "404", "500"]) {
        created.insert(code, v);
    }
    doc["paths"]["/api/incidents/{id}/corrections"] = json!({ "post": {
        "operationId": "correctIncident",
        "summary": "Correct an incident: merge another into it, split reports out, edit a field, mark it not an event, confirm it. Kept in a journal keyed on the incident's reports and re-applied after every relink. Needs the write token; its name is recorded as the author",
        "security": [{ "bearer": [] }],
        "parameters": [id],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CorrectionRequest" } } } },
        "responses": Value::Object(created)
    }});
    doc["paths"]["/api/corrections"] = json!({ "get": {
        "operationId": "listCorrections",
        "summary": "The corrections journal, oldest first; stale=true: only the corrections that no longer apply (their reports are gone)",
        "parameters": [param("stale", "Only corrections that no longer apply: true/1, or false/0/empty (the default)", json!({"type": "string", "enum": ["true", "false", "1", "0", ""], "default": "false"}))],
        "responses": responses(ok("Corrections", "CorrectionList"), &["400", "500"])
    }});
    doc["paths"]["/report"] = json!({ "get": {
        "operationId": "situationReport",
        "summary": "The situation report as one self-contained HTML page: key figures against the previous period, a map, charts, notable incidents with sources and disputed figures",
        "parameters": [
            param("since", "First day, YYYY-MM-DD (default, or empty: 30 days before until; after until, the two are swapped)", json!({"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "pattern": "^\\s*$", "description": "empty: the default"}]})),
            param("until", "Last day, YYYY-MM-DD (default, or empty: the latest incident's date)", json!({"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "pattern": "^\\s*$", "description": "empty: the default"}]})),
            param("country", "Country name or ISO code", json!({"type": "string"})),
            param("zone", "A watch zone's name (404 when no zone has it)", json!({"type": "string"})),
        ],
        "responses": responses(json!({ "description": "HTML page", "content": { "text/html": { "schema": { "type": "string" } } } }), &["400", "404", "500"])
    }});
    let schemas = &mut doc["components"]["schemas"];
    schemas["Incident"]["properties"]["review"] = json!({ "type": "object",
        "description": "Present when analysts corrected or confirmed the incident (exports mark it too: a `reviewed: …` entry in tags)",
        "properties": {
            "status": { "enum": ["corrected", "confirmed", "not an event"] },
            "corrections": { "type": "array", "items": { "type": "integer" } },
            "reviewers": { "type": "array", "items": { "type": "string" } },
            "last_at": { "type": "integer" },
            "notes": { "type": "array", "items": { "type": "string" } } } });
    schemas["Correction"] = json!({ "type": "object",
        "required": ["id", "op", "author", "at", "incident", "reports", "before", "after"],
        "properties": {
            "id": { "type": "integer" },
            "op": { "enum": ["merge", "split", "edit", "not_an_event", "confirm"] },
            "other": { "type": "string", "description": "merge: the incident merged in (its id then)" },
            "articles": { "type": "array", "items": { "type": "string" }, "description": "split: the articles moved out" },
            "field": { "enum": ["type", "place", "date", "actors", "figure"], "description": "edit: the field set" },
            "note": nullable("string"),
            "author": { "type": "string" },
            "at": { "type": "integer", "description": "Unix seconds" },
            "incident": { "type": "string", "description": "The incident corrected, by its id at that time" },
            "reports": { "type": "object", "description": "What the correction is keyed on: {mentions, articles} of the incident then" },
            "other_reports": { "type": ["object", "null"] },
            "before": { "type": "object" },
            "after": { "type": ["object", "null"] },
            "applied_to": { "type": ["string", "null"], "description": "The incident it is in force on now; null when stale" },
            "stale": { "type": ["string", "null"], "description": "Why it no longer applies" },
            "what": { "type": "string" },
            "changes": { "type": "array", "items": { "type": "string" }, "description": "\"field: before → after\"" } } });
    schemas["History"] = json!({ "type": "object", "required": ["incident", "items"], "properties": {
        "incident": { "type": "string" },
        "items": { "type": "array", "items": { "$ref": "#/components/schemas/Correction" } } } });
    schemas["CorrectionList"] = json!({ "type": "object", "required": ["items"], "properties": {
        "items": { "type": "array", "items": { "$ref": "#/components/schemas/Correction" } } } });
    schemas["CorrectionResult"] = json!({ "type": "object", "required": ["correction", "incident"], "properties": {
        "correction": { "$ref": "#/components/schemas/Correction" },
        "incident": { "oneOf": [{ "$ref": "#/components/schemas/Incident" }, { "type": "null" }] } } });
    schemas["CorrectionRequest"] = json!({ "type": "object", "required": ["op"],
        "description": "{\"op\": \"merge\", \"other\": ID} · {\"op\": \"split\", \"articles\": [REF…]} · {\"op\": \"edit\", \"field\": \"type\", \"sub_event_type\"} · {\"op\": \"edit\", \"field\": \"place\", \"name\", \"country\"?} or {… \"coordinates\": \"LAT,LON\", \"location\"?} · {\"op\": \"edit\", \"field\": \"date\", \"date\", \"precision\"} · {\"op\": \"edit\", \"field\": \"actors\", \"actor1\"?, \"actor2\"?} · {\"op\": \"edit\", \"field\": \"figure\", \"figure\", \"low\"?, \"best\"?, \"high\"?} · {\"op\": \"not_an_event\"} · {\"op\": \"confirm\"}; each with an optional \"note\"",
        "properties": {
            "op": { "enum": ["merge", "split", "edit", "not_an_event", "confirm"] },
            "note": { "type": "string" },
            "other": { "type": "string" },
            "articles": { "type": "array", "items": { "type": "string" } },
            "field": { "enum": ["type", "place", "date", "actors", "figure"] },
            "sub_event_type": { "type": "string" },
            "name": { "type": "string" }, "country": { "type": "string" },
            "coordinates": { "type": "string", "examples": ["14.24,-5.99"] },
            "location": { "type": "string" },
            "date": { "type": "string", "format": "date" },
            "precision": { "enum": [1, 2, 3] },
            "actor1": { "type": "string" }, "actor2": { "type": "string" },
            "figure": { "enum": ["fatalities", "injured", "abducted", "attackers"] },
            "low": { "type": "integer", "minimum": 0 }, "best": { "type": "integer", "minimum": 0 }, "high": { "type": "integer", "minimum": 0 } } });
}

fn base_document() -> Value {
    let filters = vec![
        param(
            "since",
            "Earliest event date (inclusive), YYYY-MM-DD; empty for none",
            json!({"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "pattern": "^\\s*$", "description": "empty: no bound"}]}),
        ),
        param(
            "until",
            "Latest event date (inclusive), YYYY-MM-DD; empty for none",
            json!({"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "pattern": "^\\s*$", "description": "empty: no bound"}]}),
        ),
        param(
            "country",
            "Country name or ISO code, case-insensitive",
            json!({"type": "string"}),
        ),
        param(
            "type",
            "Event type or sub-event type label (ACLED), case-insensitive",
            json!({"type": "string"}),
        ),
        param(
            "actor",
            "Substring of actor1/actor2/associated actors, case-insensitive",
            json!({"type": "string"}),
        ),
        param(
            "admin1",
            "First-level region (old or post-2023 name), case-insensitive",
            json!({"type": "string"}),
        ),
        param(
            "near",
            "lat,lon,km: within km (more than 0) of a point, latitude in -90..90, longitude in -180..180; empty for none",
            json!({"type": "string", "pattern": NEAR_PATTERN, "examples": ["14.45,-11.43,50"]}),
        ),
        param(
            "bbox",
            "west,south,east,north in degrees: only incidents inside this rectangle (west greater than east crosses the antimeridian; longitudes past ±180 wrap); empty for none",
            json!({"type": "string", "pattern": BBOX_PATTERN, "examples": ["-12.5,10.1,4.3,25.0"]}),
        ),
        param(
            "q",
            "Free text: the incidents whose places, actors, notes or quotes contain it, whatever the case, accents and apostrophe styles (\"tillaberi\" finds \"Tillabéri\")",
            json!({"type": "string"}),
        ),
    ];
    let paging = |default: Option<usize>| {
        let mut limit = json!({"type": "integer", "minimum": 0, "maximum": crate::api::MAX_LIMIT});
        if let Some(d) = default {
            limit["default"] = json!(d);
        }
        // (an empty value is no value: the server takes the default)
        let empty = json!({"type": "string", "pattern": "^\\s*$"});
        let limit = json!({"anyOf": [limit, empty]});
        vec![
            param("limit", "Page size", limit),
            param(
                "offset",
                "Items to skip",
                json!({"anyOf": [{"type": "integer", "minimum": 0, "maximum": crate::api::MAX_INTEGER, "default": 0}, empty]}),
            ),
        ]
    };
    let mut map_params: Vec<Value> = filters
        .iter()
        .filter(|p| p["name"] != "near")
        .cloned()
        .collect();
    map_params.push(param(
        "zoom",
        "Zoom level of the web map (0 = the world on one 256-pixel tile): incidents closer than about 60 pixels at that zoom are one cluster",
        json!({"anyOf": [{"type": "integer", "minimum": 0, "maximum": crate::api::MAX_MAP_ZOOM, "default": 0}, {"type": "string", "pattern": "^\\s*$"}]}),
    ));
    let mut list_params = filters.clone();
    list_params.extend(paging(Some(crate::api::DEFAULT_LIMIT)));
    list_params.push(param(
        "view",
        "`full` (the default): each item is a whole incident with its articles and claims; `summary`: what a list shows of it (place, day, type, actors, figures, how many reports), a few hundred bytes each",
        json!({"type": "string", "enum": ["full", "summary", ""], "default": "full"}),
    ));
    let mut geo_params = filters;
    geo_params.extend(paging(None));

    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Vigie API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Conflict incidents (ACLED conventions) linked across French and English reports, every figure traced to its quote. Errors are JSON objects {\"error\": \"...\"}.",
            "license": { "name": "Apache-2.0", "identifier": "Apache-2.0" }
        },
        "paths": {
            "/api/health": { "get": {
                "operationId": "health", "summary": "Liveness check",
                "responses": responses(ok("Server is up", "Health"), &[])
            }},
            "/api/config": { "get": {
                "operationId": "config", "summary": "UI configuration (optional tile layer, whether writes are enabled)",
                "responses": responses(ok("Configuration", "Config"), &[])
            }},
            "/api/openapi.json": { "get": {
                "operationId": "openapi", "summary": "This document",
                "responses": { "200": { "description": "OpenAPI 3.1 document", "content": { "application/json": { "schema": { "type": "object" } } } } }
            }},
            "/api/incidents": { "get": {
                "operationId": "listIncidents", "summary": "Incidents matching the filters, paginated",
                "parameters": list_params,
                // anyOf, not oneOf: an empty page is valid under both list shapes.
                "responses": responses(json!({ "description": "A page of incidents (summaries with `view=summary`)", "content": { "application/json": { "schema": { "anyOf": [
                    { "$ref": "#/components/schemas/IncidentList" }, { "$ref": "#/components/schemas/IncidentSummaryList" } ] } } } }), &["400", "500"])
            }},
            "/api/incidents.geojson": { "get": {
                "operationId": "incidentsGeoJson", "summary": "Incidents matching the filters as a GeoJSON FeatureCollection of points (incidents without coordinates are counted in `without_coordinates`)",
                "parameters": geo_params,
                "responses": responses(json!({ "description": "GeoJSON", "content": { "application/geo+json": { "schema": { "$ref": "#/components/schemas/FeatureCollection" } } } }), &["400", "500"])
            }},
            "/api/map": { "get": {
                "operationId": "incidentsMap",
                "summary": "Incidents matching the filters in a box, grouped on a grid for a map at one zoom: clusters with their counts and types, the incidents alone in their cell, the box's weekly counts. Its size depends on the box and zoom, not on the store (at most 4,096 cells: a larger box is gridded at a lower zoom, given in `zoom`)",
                "parameters": map_params,
                "responses": responses(ok("The map", "MapView"), &["400", "500"])
            }},
            "/api/incidents/{id}": { "get": {
                "operationId": "getIncident", "summary": "One incident with its claims, its articles and their texts (claim offsets are UTF-8 byte offsets into `texts[].text`)",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
                "responses": responses(ok("The incident", "IncidentDetail"), &["404", "500"])
            }},
            "/api/articles": {
                "get": {
                    "operationId": "listArticles", "summary": "Stored articles, paginated",
                    "parameters": paging(Some(crate::api::DEFAULT_LIMIT)),
                    "responses": responses(ok("A page of articles", "ArticleList"), &["400", "500"])
                },
                "post": {
                    "operationId": "ingestArticles",
                    "summary": "Ingest articles: one JSON record, a JSON array, or JSON Lines; then relink incidents",
                    "description": "Bad records are reported in `rejected` with their line (JSON Lines) or 1-based array position, and the rest of the batch is stored. Returns 400 when no record is valid.",
                    "security": [{ "bearer": [] }],
                    "requestBody": { "required": true, "content": {
                        "application/json": { "schema": { "oneOf": [
                            { "$ref": "#/components/schemas/ArticleRecord" },
                            { "type": "array", "contains": { "$ref": "#/components/schemas/ArticleRecord" }, "description": "A batch: at least one valid record; the others are reported in `rejected`" }
                        ] } },
                        "application/x-ndjson": { "schema": { "type": "string", "description": "One ArticleRecord JSON object per line" } }
                    }},
                    "responses": responses(ok("Ingest report", "IngestReport"), &["400", "401", "403", "413", "415", "429", "500"])
                }
            },
            "/api/articles/{ref}": { "get": {
                "operationId": "getArticle", "summary": "One article with its cleaned text and incident ids",
                "parameters": [{ "name": "ref", "in": "path", "required": true, "schema": { "type": "string" } }],
                "responses": responses(ok("The article", "ArticleDetail"), &["404", "500"])
            }},
            "/api/stats": { "get": {
                "operationId": "stats", "summary": "Counts per ISO week × event type, per admin1, per actor",
                "responses": responses(ok("Statistics", "Stats"), &["500"])
            }},
            "/api/geocode": { "get": {
                "operationId": "geocode", "summary": "Places in a text: each name found, the candidate chosen, the other candidates, and why (cue, admin units given with the name, the story's country, distance to the text's other places)",
                "parameters": [{ "name": "text", "in": "query", "required": true, "description": "The text (at most 20,000 bytes), not blank", "schema": { "type": "string", "minLength": 1, "pattern": "\\S" } }],
                "responses": responses(ok("Places found", "Geocoding"), &["400", "500"])
            }}
        },
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer", "description": "The server's --token / VIGIE_TOKEN" } },
            "schemas": {
                "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "string" } } },
                "Health": { "type": "object", "required": ["status"], "properties": { "status": { "const": "ok" }, "version": { "type": "string" } } },
                "Config": { "type": "object", "properties": { "version": { "type": "string" }, "tile_url": nullable("string"), "writes": { "type": "boolean" }, "admin1_layer": { "type": "boolean", "description": "Whether the UI bundles first-level region outlines" } } },
                "Estimate": { "type": "object", "description": "UCDP-style low/best/high over all claims", "properties": { "low": nullable("integer"), "best": nullable("integer"), "high": nullable("integer") } },
                "ArticleRef": { "type": "object", "required": ["ref"], "properties": {
                    "ref": { "type": "string" }, "url": nullable("string"), "outlet": nullable("string"),
                    "language": nullable("string"), "published": nullable("string"), "title": nullable("string"),
                    "copy_of": { "type": "string", "description": "ref of the article this one is a wire copy of (absent when none)" } } },
                "Claim": { "type": "object", "required": ["field", "value", "article", "quote", "start", "end", "hedged", "background"], "properties": {
                    "field": { "type": "string", "description": "date, location, event_type, actor1, actor2, target, fatalities, injured, abducted, attackers" },
                    "value": { "description": "A quantity {low, high, best, qualifier} or a string" },
                    "article": { "type": "string", "description": "ref of the article that says it" },
                    "quote": { "type": "string" },
                    "start": { "type": "integer", "description": "UTF-8 byte offset of the quote in the article text" },
                    "end": { "type": "integer" },
                    "attributed_to": nullable("string"),
                    "hedged": { "type": "boolean" },
                    "victims": { "type": "string" },
                    "background": { "type": "boolean" } } },
                "Target": { "type": "object", "properties": { "kind": { "type": "string" }, "name": nullable("string") } },
                "Incident": { "type": "object", "required": ["id", "event_id_cnty", "fatalities", "articles", "claims"], "properties": {
                    "id": { "type": "string" }, "event_id_cnty": { "type": "string" },
                    "date": nullable("string"), "date_end": nullable("string"), "time_precision": nullable("integer"),
                    "disorder_type": nullable("string"), "event_type": nullable("string"), "sub_event_type": nullable("string"),
                    "actor1": nullable("string"), "assoc_actor_1": nullable("string"), "inter1": nullable("integer"),
                    "actor2": nullable("string"), "assoc_actor_2": nullable("string"), "inter2": nullable("integer"),
                    "interaction": nullable("integer"), "civilian_targeting": nullable("string"),
                    "iso": nullable("integer"), "region": nullable("string"), "country": nullable("string"),
                    "admin1": nullable("string"), "admin1_post2023": nullable("string"), "admin2": nullable("string"), "admin3": nullable("string"),
                    "location": nullable("string"), "latitude": nullable("number"), "longitude": nullable("number"), "geo_precision": nullable("integer"),
                    "fatalities": estimate(), "injured": estimate(), "abducted": estimate(), "attackers": estimate(),
                    "targets": { "type": "array", "items": { "$ref": "#/components/schemas/Target" } },
                    "people": { "type": "array", "items": { "type": "string" } },
                    "operation": nullable("string"),
                    "articles": { "type": "array", "items": { "$ref": "#/components/schemas/ArticleRef" } },
                    "claims": { "type": "array", "items": { "$ref": "#/components/schemas/Claim" } },
                    "notes": nullable("string"), "source": nullable("string"), "source_scale": nullable("string"), "tags": nullable("string"),
                    "timestamp": { "type": "integer" } } },
                "ArticleText": { "type": "object", "required": ["ref", "text"], "properties": {
                    "ref": { "type": "string" }, "title": nullable("string"), "url": nullable("string"), "outlet": nullable("string"),
                    "published": nullable("string"), "language": { "type": "string" }, "text": { "type": "string" } } },
                "IncidentDetail": { "allOf": [ { "$ref": "#/components/schemas/Incident" }, { "type": "object", "required": ["texts"], "properties": {
                    "texts": { "type": "array", "items": { "$ref": "#/components/schemas/ArticleText" } } } } ] },
                "IncidentList": { "type": "object", "required": ["total", "offset", "items"], "properties": {
                    "total": { "type": "integer" }, "limit": nullable("integer"), "offset": { "type": "integer" },
                    "items": { "type": "array", "items": { "$ref": "#/components/schemas/Incident" } } } },
                "IncidentSummary": { "type": "object", "required": ["id", "event_id_cnty", "fatalities", "injured", "abducted", "reports", "languages", "timestamp"], "properties": {
                    "id": { "type": "string" }, "event_id_cnty": { "type": "string" },
                    "date": nullable("string"), "date_end": nullable("string"), "time_precision": nullable("integer"),
                    "event_type": nullable("string"), "sub_event_type": nullable("string"),
                    "actor1": nullable("string"), "actor2": nullable("string"), "country": nullable("string"),
                    "admin1": nullable("string"), "admin1_post2023": nullable("string"), "admin2": nullable("string"),
                    "location": nullable("string"), "latitude": nullable("number"), "longitude": nullable("number"), "geo_precision": nullable("integer"),
                    "fatalities": estimate(), "injured": estimate(), "abducted": estimate(),
                    "reports": { "type": "integer", "description": "How many reports tell it" },
                    "languages": { "type": "array", "items": { "type": "string" }, "description": "Their languages" },
                    "timestamp": { "type": "integer" },
                    "review": { "type": "string", "description": "The analysts' verdict when there is one: not an event, confirmed, corrected" } } },
                "IncidentSummaryList": { "type": "object", "required": ["total", "offset", "items"], "properties": {
                    "total": { "type": "integer" }, "limit": nullable("integer"), "offset": { "type": "integer" },
                    "items": { "type": "array", "items": { "$ref": "#/components/schemas/IncidentSummary" } } } },
                "FeatureCollection": { "type": "object", "required": ["type", "features"], "properties": {
                    "type": { "const": "FeatureCollection" },
                    "features": { "type": "array", "items": { "type": "object", "properties": {
                        "type": { "const": "Feature" }, "id": { "type": "string" },
                        "geometry": { "type": "object", "properties": { "type": { "const": "Point" }, "coordinates": { "type": "array", "items": { "type": "number" }, "minItems": 2, "maxItems": 2 } } },
                        "properties": { "type": "object" } } } },
                    "total": { "type": "integer" }, "without_coordinates": { "type": "integer" } } },
                "ArticleRow": { "type": "object", "required": ["ref", "language", "status", "version"], "properties": {
                    "ref": { "type": "string" }, "title": nullable("string"), "url": nullable("string"), "outlet": nullable("string"),
                    "published": nullable("string"), "language": { "type": "string" },
                    "status": { "enum": ["extracted", "unsupported_language", "empty"] },
                    "version": { "type": "integer" }, "mentions": { "type": "integer" },
                    "diagnostics": { "type": "array", "items": { "type": "string" } },
                    "copy_of": { "type": "string", "description": "ref of the article this one is a wire copy of (absent when none)" } } },
                "ArticleDetail": { "allOf": [ { "$ref": "#/components/schemas/ArticleRow" }, { "type": "object", "properties": {
                    "text": { "type": "string" }, "incidents": { "type": "array", "items": { "type": "string" } } } } ] },
                "ArticleList": { "type": "object", "required": ["total", "offset", "items"], "properties": {
                    "total": { "type": "integer" }, "limit": nullable("integer"), "offset": { "type": "integer" },
                    "items": { "type": "array", "items": { "$ref": "#/components/schemas/ArticleRow" } } } },
                "Geocoding": { "type": "object", "required": ["country", "country_votes", "places"], "properties": {
                    "country": { "type": ["string", "null"], "description": "ISO code of the story's country, when the text settles it" },
                    "country_votes": { "type": "array", "items": { "type": "object", "properties": { "country": { "type": "string" }, "votes": { "type": "number" } } } },
                    "places": { "type": "array", "items": { "$ref": "#/components/schemas/GeocodedPlace" } } } },
                "GeocodedPlace": { "type": "object", "required": ["surface", "start", "end", "cue", "chosen", "why", "candidates"], "properties": {
                    "surface": { "type": "string" },
                    "start": { "type": "integer", "description": "UTF-8 byte offset in the text" },
                    "end": { "type": "integer" },
                    "cue": { "description": "The words around the name: \"At\", \"Near\", \"Between\", \"Axis\", \"Parenthetical\", \"Elsewhere\", \"None\", {\"Admin\": level} or {\"DistanceFrom\": {\"km\": n}}" },
                    "chosen": { "description": "The place coded for this name (null: dropped or unknown)", "oneOf": [{ "type": "null" }, { "type": "object", "properties": {
                        "location": { "type": "string" }, "place_id": nullable("integer"), "country": { "type": "string" }, "country_code": { "type": "string" },
                        "admin1": nullable("string"), "admin1_new": nullable("string"), "admin2": nullable("string"), "admin3": nullable("string"),
                        "latitude": nullable("number"), "longitude": nullable("number"), "geo_precision": { "type": "integer", "enum": [1, 2, 3] } } }] },
                    "why": { "type": "array", "items": { "type": "string" } },
                    "candidates": { "type": "array", "description": "Best first, at most 8", "items": { "type": "object", "properties": {
                        "place_id": { "type": "integer" }, "name": { "type": "string" }, "country_code": { "type": "string" }, "kind": { "type": "string" },
                        "latitude": { "type": "number" }, "longitude": { "type": "number" },
                        "admin1": nullable("string"), "admin2": nullable("string"), "admin3": nullable("string"),
                        "score": { "type": "number" }, "exact": { "type": "boolean" },
                        "nearest_other_place": nullable("string"), "reasons": { "type": "array", "items": { "type": "string" } } } } } } },
                "BoundingBox": { "type": "object", "required": ["west", "south", "east", "north"], "properties": {
                    "west": { "type": "number" }, "south": { "type": "number" }, "east": { "type": "number" }, "north": { "type": "number" } } },
                "MapView": { "type": "object", "required": ["zoom", "cell_degrees", "in_box", "total", "without_coordinates", "clusters", "incidents", "per_week_type"], "properties": {
                    "zoom": { "type": "integer", "description": "The zoom the grid was made for (lower than asked when the box held more than 4,096 cells)" },
                    "cell_degrees": { "type": "number" },
                    "in_box": { "type": "integer", "description": "Incidents matching the filters in the box" },
                    "total": { "type": "integer", "description": "Incidents matching the filters anywhere" },
                    "without_coordinates": { "type": "integer", "description": "Of `total`, those without coordinates (never on the map)" },
                    "extent": { "anyOf": [{ "$ref": "#/components/schemas/BoundingBox" }, { "type": "null" }], "description": "Where every incident matching the filters lies" },
                    "clusters": { "type": "array", "items": { "type": "object", "required": ["latitude", "longitude", "count", "bounds", "event_types"], "properties": {
                        "latitude": { "type": "number" }, "longitude": { "type": "number" }, "count": { "type": "integer", "minimum": 2 },
                        "bounds": { "$ref": "#/components/schemas/BoundingBox" },
                        "event_types": { "type": "array", "items": { "type": "object", "properties": { "event_type": { "type": "string" }, "count": { "type": "integer" } } } } } } },
                    "incidents": { "type": "array", "items": { "type": "object", "required": ["id", "latitude", "longitude", "fatalities"], "properties": {
                        "id": { "type": "string" }, "latitude": { "type": "number" }, "longitude": { "type": "number" },
                        "date": nullable("string"), "event_type": nullable("string"), "sub_event_type": nullable("string"), "location": nullable("string"),
                        "fatalities": { "$ref": "#/components/schemas/Estimate" } } } },
                    "per_week_type": { "type": "array", "items": { "type": "object", "properties": { "week": { "type": "string", "description": "Monday of the ISO week" }, "event_type": { "type": "string" }, "count": { "type": "integer" } } } } } },
                "Stats": { "type": "object", "properties": {
                    "articles": { "type": "integer" }, "incidents": { "type": "integer" },
                    "per_week_type": { "type": "array", "items": { "type": "object", "properties": { "week": { "type": "string", "description": "Monday of the ISO week" }, "event_type": { "type": "string" }, "count": { "type": "integer" } } } },
                    "per_admin1": { "type": "array", "items": { "type": "object", "properties": { "admin1": { "type": "string" }, "count": { "type": "integer" } } } },
                    "per_actor": { "type": "array", "items": { "type": "object", "properties": { "actor": { "type": "string" }, "count": { "type": "integer" } } } } } },
                "ArticleRecord": { "type": "object", "description": "One input report; `id` (else `url`) is its reference; `text` or `html` (not blank) is required. Blank or null optional fields count as absent.",
                    "allOf": [
                        { "anyOf": [ { "required": ["id"], "properties": { "id": { "type": ["string", "number"], "pattern": "\\S" } } },
                                     { "required": ["url"], "properties": { "url": { "type": "string", "pattern": "\\S" } } } ] },
                        { "anyOf": [ { "required": ["text"], "properties": { "text": { "type": "string", "pattern": "\\S" } } },
                                     { "required": ["html"], "properties": { "html": { "type": "string", "pattern": "\\S" } } } ] }
                    ],
                    "properties": {
                        "id": { "type": ["string", "number", "null"] }, "url": { "type": ["string", "null"] }, "title": { "type": ["string", "null"] },
                        "outlet": { "type": ["string", "null"] },
                        "published": { "type": ["string", "null"], "pattern": "^\\s*$|^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])", "description": "YYYY-MM-DD or an ISO date-time (only its first ten characters are read)" },
                        "language": { "type": ["string", "null"], "description": "Declared language, e.g. fr, en" },
                        "text": { "type": ["string", "null"] }, "html": { "type": ["string", "null"] } } },
                "IngestReport": { "type": "object", "required": ["read", "new", "unchanged", "updated", "rejected"], "properties": {
                    "read": { "type": "integer" }, "new": { "type": "integer" }, "unchanged": { "type": "integer" }, "updated": { "type": "integer" },
                    "incidents": { "type": ["integer", "null"], "description": "Incidents after relinking" },
                    "rejected": { "type": "array", "items": { "type": "object", "required": ["line", "error"], "properties": { "line": { "type": "integer" }, "error": { "type": "string" } } } },
                    "articles": { "type": "array", "items": { "type": "object", "properties": { "ref": { "type": "string" }, "outcome": { "type": ["string", "null"] } } } },
                    "error": { "type": "string" } } }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_documented_and_every_ref_resolves() {
        let doc = openapi_document();
        for (method, path) in ROUTES {
            assert!(
                doc["paths"][path][method].is_object(),
                "{method} {path} missing"
            );
        }
        assert_eq!(doc["paths"].as_object().unwrap().len(), 18);
        let text = doc.to_string();
        let mut from = 0;
        while let Some(i) = text[from..].find("#/components/schemas/") {
            let start = from + i + "#/components/schemas/".len();
            let end = start + text[start..].find('"').unwrap();
            let name = &text[start..end];
            assert!(
                doc["components"]["schemas"][name].is_object(),
                "dangling $ref {name}"
            );
            from = end;
        }
    }
}
