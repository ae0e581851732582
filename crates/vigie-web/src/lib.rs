//! Vigie's HTTP API (JSON, OpenAPI at `/api/openapi.json`) and the embedded offline web UI.
//!
//! Contract used by `vigie-cli`: [`serve`] blocks serving `opts.db` on `opts.addr` until
//! Ctrl-C; writes (`POST /api/articles`) need `opts.token`.
//!
//! For tests and embedding: [`router`] builds the axum app over an [`AppState`], and
//! [`serve_on`] serves it on a listener you bound yourself (e.g. `127.0.0.1:0`).
//!
//! Modules: `api` (handlers, filters, POST parsing), `openapi` (the OpenAPI 3.1 document),
//! `assets` (the UI built from `web/` into `web/dist`, embedded with rust-embed).

// The OpenAPI document is one large `json!` literal.
#![recursion_limit = "512"]

mod api;
mod assets;
mod corrections;
mod limit;
mod openapi;
pub mod report;

use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use vigie_store::Store;

pub use limit::{WRITES_PER_MINUTE, WRITE_BURST};
pub use openapi::{openapi_document, ROUTES as API_ROUTES};

#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// SQLite store to serve.
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Bearer token required for writes; None disables writes.
    pub token: Option<String>,
    /// The token's name, recorded as the author of corrections made with it (default "api").
    pub token_name: Option<String>,
    /// Optional online tile layer URL template for the map ("https://.../{z}/{x}/{y}.png").
    pub tile_url: Option<String>,
}

/// Largest request body accepted by `POST /api/articles` unless configured otherwise.
pub const DEFAULT_MAX_BODY: usize = 10 * 1024 * 1024;

/// What a `POST /api/articles` body holds: the articles read, and each rejected record as
/// (1-based line or position, error).
pub type ParsedBody = (Vec<vigie_core::Article>, Vec<(usize, String)>);

/// Parse a `POST /api/articles` body exactly as the server does (`content_type` is the request's
/// `Content-Type` header, if any): the articles read, and each rejected record as (1-based line or
/// position, error). `Err` is the one-line message of a request refused as a whole. Used by the
/// fuzz target for request bodies (`fuzz/fuzz_targets/api_body.rs`).
pub fn parse_article_body(content_type: Option<&str>, body: &[u8]) -> Result<ParsedBody, String> {
    let mut headers = axum::http::HeaderMap::new();
    if let Some(ct) = content_type {
        let v = axum::http::HeaderValue::from_str(ct)
            .map_err(|_| "Content-Type is not a valid header value".to_string())?;
        headers.insert(axum::http::header::CONTENT_TYPE, v);
    }
    let (articles, rejected) = api::parse_records(&headers, body).map_err(|e| e.message)?;
    Ok((
        articles,
        rejected.into_iter().map(|r| (r.line, r.error)).collect(),
    ))
}

/// Shared server state: where the store is, the write token, UI configuration, and a small
/// pool of open store connections (a `Store` is one SQLite connection: `Send`, not `Sync`).
pub struct AppState {
    pub db: PathBuf,
    pub token: Option<String>,
    /// Who writes with the token, in the corrections' audit trail.
    pub token_name: String,
    pub tile_url: Option<String>,
    /// Request body limit for writes, in bytes.
    pub max_body: usize,
    pool: Mutex<Vec<Store>>,
    /// Serialises writers (ingest + relink) so two batches never relink concurrently.
    pub(crate) write_lock: Mutex<()>,
    /// Rate limit of writes per client address.
    write_limit: limit::WriteLimit,
}

impl AppState {
    /// Opens the store once (creating/migrating it) so a bad path fails at start-up.
    pub fn new(opts: &ServeOptions) -> anyhow::Result<AppState> {
        let store = Store::open(&opts.db).map_err(|e| {
            let shown = vigie_store::redact_url(&opts.db.to_string_lossy());
            anyhow::anyhow!("cannot open store {shown}: {e}")
        })?;
        Ok(AppState {
            db: opts.db.clone(),
            token: opts.token.clone().filter(|t| !t.is_empty()),
            token_name: opts
                .token_name
                .clone()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| "api".into()),
            tile_url: opts.tile_url.clone().filter(|t| !t.is_empty()),
            max_body: DEFAULT_MAX_BODY,
            pool: Mutex::new(vec![store]),
            write_lock: Mutex::new(()),
            write_limit: limit::WriteLimit::new(WRITES_PER_MINUTE, WRITE_BURST),
        })
    }

    pub fn with_max_body(mut self, bytes: usize) -> AppState {
        self.max_body = bytes;
        self
    }

    /// Writes allowed per client address: `per_minute` sustained, `burst` at once
    /// (default [`WRITES_PER_MINUTE`], [`WRITE_BURST`]).
    pub fn with_write_rate(mut self, per_minute: u32, burst: u32) -> AppState {
        self.write_limit = limit::WriteLimit::new(per_minute, burst);
        self
    }

    /// Run `f` with a store connection from the pool (opening one if none is free).
    pub(crate) fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> vigie_store::Result<T>,
    ) -> vigie_store::Result<T> {
        let pooled = self.pool.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let mut store = match pooled {
            Some(s) => s,
            None => Store::open(&self.db)?,
        };
        let out = f(&mut store);
        let mut pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
        if pool.len() < 8 {
            pool.push(store);
        }
        out
    }
}

/// The whole app: `/api/*` JSON routes and the embedded UI for every other path.
pub fn router(state: Arc<AppState>) -> Router {
    let max_body = state.max_body;
    Router::new()
        .route("/api/health", get(api::health))
        .route("/api/config", get(api::config))
        .route("/api/openapi.json", get(api::openapi))
        .route("/api/incidents", get(api::incidents))
        .route("/api/incidents.geojson", get(api::incidents_geojson))
        .route("/api/map", get(api::map))
        .route("/api/incidents/{id}", get(api::incident))
        .route("/api/incidents/{id}/history", get(corrections::history))
        .route(
            "/api/incidents/{id}/corrections",
            axum::routing::post(corrections::post_correction.layer(
                axum::middleware::from_fn_with_state(state.clone(), api::require_token),
            )),
        )
        .route("/api/corrections", get(corrections::list))
        .route("/report", get(report::serve_report))
        .route(
            "/api/articles",
            get(api::articles)
                .post(
                    api::post_articles
                        .layer(axum::middleware::from_fn_with_state(
                            state.clone(),
                            limit::limit_writes,
                        ))
                        .layer(axum::middleware::from_fn_with_state(
                            state.clone(),
                            api::require_token,
                        )),
                )
                .layer(DefaultBodyLimit::max(max_body)),
        )
        .route("/api/articles/{*reference}", get(api::article))
        .route("/api/stats", get(api::stats))
        .route("/api/geocode", get(api::geocode))
        .route("/api/alerts", get(api::alerts))
        .route("/api/zones", get(api::zones))
        .route("/alerts.atom", get(api::alerts_atom))
        .route("/api", get(api::api_not_found))
        .route("/api/{*rest}", axum::routing::any(api::api_not_found))
        .fallback(assets::static_file)
        .method_not_allowed_fallback(api::method_not_allowed)
        .with_state(state)
}

/// Serve the app on an already-bound listener until the future is dropped.
pub async fn serve_on(listener: tokio::net::TcpListener, opts: ServeOptions) -> anyhow::Result<()> {
    // (opened on a blocking thread: the PostgreSQL client runs its own runtime, which may not
    // start inside this one)
    let state = Arc::new(tokio::task::spawn_blocking(move || AppState::new(&opts)).await??);
    serve_state(listener, state, std::future::pending()).await
}

/// Serve `state` on `listener` until `shutdown` resolves.
pub async fn serve_state(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    // The peer address keys the write rate limit.
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}

/// Serve the API and UI until interrupted.
pub fn serve(opts: ServeOptions) -> anyhow::Result<()> {
    // The store is opened before the runtime starts: the PostgreSQL client runs its own
    // runtime, which may not start inside another (every later connection is opened on a
    // blocking thread, see `with_store`).
    let state = Arc::new(AppState::new(&opts)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.addr)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", opts.addr))?;
        let local = listener.local_addr()?;
        eprintln!(
            "vigie: serving {} on http://{local}/ (API at /api, OpenAPI at /api/openapi.json; writes {})",
            vigie_store::redact_url(&opts.db.to_string_lossy()),
            if state.token.is_some() { "enabled with a bearer token" } else { "disabled: no token" }
        );
        serve_state(listener, state, async {
            let _ = tokio::signal::ctrl_c().await;
            eprintln!("vigie: shutting down");
        })
        .await
    })
}
