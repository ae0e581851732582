//! Corrections over HTTP: `POST /api/incidents/{id}/corrections` (write token; the token's
//! name is recorded as the author), `GET /api/incidents/{id}/history`, `GET /api/corrections`.

use crate::api::{ApiError, ApiResult};
use crate::AppState;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;
use vigie_store::{CorrectionRequest, Operation, PlaceValue};

type AppStateRef = State<Arc<AppState>>;

/// A place given as `{"name", "country"?}` (gazetteer) or `{"coordinates": "LAT,LON",
/// "location"?}` becomes the stored [`PlaceValue`]; a full `place` object is taken as it is.
fn resolve_place(body: &mut Value, current_location: Option<String>) -> Result<(), String> {
    let is_place_edit = body["op"] == "edit" && body["field"] == "place";
    if !is_place_edit || body.get("place").is_some() {
        return Ok(());
    }
    let text = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_string);
    let place = match (text("name"), text("coordinates")) {
        (Some(name), None) => {
            PlaceValue::from_gazetteer(vigie_geo::global(), &name, text("country").as_deref())
                .map_err(|e| e.to_string())?
        }
        (None, Some(c)) => {
            let location = text("location")
                .filter(|l| !l.trim().is_empty())
                .or(current_location)
                .unwrap_or_else(|| c.clone());
            PlaceValue::from_coordinates(&c, &location).map_err(|e| e.to_string())?
        }
        _ => {
            return Err(
                "place: give \"name\" (a gazetteer place) or \"coordinates\" (\"LAT,LON\")".into(),
            )
        }
    };
    body["place"] = serde_json::to_value(place).map_err(|e| e.to_string())?;
    Ok(())
}

pub async fn post_correction(
    State(state): AppStateRef,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    let body =
        body.map_err(|e| ApiError::new(e.status(), format!("cannot read request body: {e}")))?;
    let mut value: Value = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("body: not JSON: {e}")))?;
    if !value.is_object() {
        return Err(ApiError::bad_request(
            "body: expected a JSON object such as {\"op\": \"confirm\"}",
        ));
    }
    let note = match value.get("note") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(ApiError::bad_request("note: expected a string")),
    };
    let author = state.token_name.clone();
    let st = state.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let _writer = st.write_lock.lock().unwrap_or_else(|p| p.into_inner());
        st.with_store(|s| {
            let current = s.incident(&id)?;
            let Some(current) = current else {
                return Ok(Err(ApiError::not_found(format!(
                    "no incident with id {id:?}"
                ))));
            };
            if let Err(e) = resolve_place(&mut value, current.location.clone()) {
                return Ok(Err(ApiError::bad_request(e)));
            }
            let operation: Operation = match serde_json::from_value(value) {
                Ok(o) => o,
                Err(e) => {
                    return Ok(Err(ApiError::bad_request(format!(
                        "body: {e} (op: merge, split, edit, not_an_event, confirm)"
                    ))))
                }
            };
            let req = CorrectionRequest {
                incident: id,
                operation,
                note,
                author,
            };
            match s.correct(&req) {
                Ok(row) => {
                    let incident = match &row.applied_to {
                        Some(i) => s.incident(i)?,
                        None => None,
                    };
                    Ok(Ok((row, incident)))
                }
                // Storage failures are the server's; every other refusal names the caller's
                // field ("type: …", "split: …", "no incident …").
                Err(e)
                    if ["database error", "serialization error", "stored "]
                        .iter()
                        .any(|p| e.0.starts_with(p)) =>
                {
                    Err(e)
                }
                // An incident the correction names that does not exist (the one to merge in):
                // not found, like the incident of the path.
                Err(e) if e.0.starts_with("no incident") => Ok(Err(ApiError::not_found(e.0))),
                Err(e) => Ok(Err(ApiError::bad_request(e.0))),
            }
        })
    })
    .await
    .map_err(|e| ApiError::internal(format!("worker failed: {e}")))??;
    let (row, incident) = outcome?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "correction": row, "incident": incident })),
    )
        .into_response())
}

pub async fn history(State(state): AppStateRef, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    let st = state.clone();
    let found = tokio::task::spawn_blocking(move || {
        st.with_store(|s| {
            let rows = s.history(&id)?;
            let known = !rows.is_empty() || s.incident(&id)?.is_some();
            Ok((id, known, rows))
        })
    })
    .await
    .map_err(|e| ApiError::internal(format!("worker failed: {e}")))??;
    let (id, known, rows) = found;
    if !known {
        return Err(ApiError::not_found(format!("no incident with id {id:?}")));
    }
    let items: Vec<Value> = rows
        .iter()
        .map(|r| {
            let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
            v["what"] = json!(r.what());
            v["changes"] = json!(r.changes());
            v
        })
        .collect();
    Ok(Json(json!({ "incident": id, "items": items })))
}

pub async fn list(
    State(state): AppStateRef,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let mut stale = false;
    for (k, v) in &q {
        match (k.as_str(), v.as_str()) {
            ("stale", "true" | "1") => stale = true,
            ("stale", "false" | "0" | "") => stale = false,
            ("stale", other) => {
                return Err(ApiError::bad_request(format!(
                    "stale: expected true or false, got {other:?}"
                )))
            }
            (other, _) => {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {other:?} (allowed: stale)"
                )))
            }
        }
    }
    let st = state.clone();
    let rows = tokio::task::spawn_blocking(move || st.with_store(|s| s.corrections(stale)))
        .await
        .map_err(|e| ApiError::internal(format!("worker failed: {e}")))??;
    Ok(Json(json!({ "items": rows })))
}
