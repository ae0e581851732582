//! `vigie` — conflict-event monitor: ingest reports, list and export incidents, serve the map.
//!
//! Exit status: 0 success; 1 some input was rejected (the rest went in); 2 usage or store error.

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use vigie_cli::{bench, ingest, input, monitor, output};
use vigie_store::{IncidentFilter, Store};

/// The bundled demo corpus (written by us; see corpus/sample).
const SAMPLE: &str = include_str!("../../../corpus/sample/sample.jsonl");

#[derive(Parser, Debug)]
#[command(
    name = "vigie",
    version,
    about = "Conflict-event monitor: reports in, traced incidents out."
)]
struct Cli {
    /// Store: a SQLite file, or a PostgreSQL database as postgres://USER[:PASSWORD]@HOST[:PORT]/DB
    /// (shared by several processes) [env: VIGIE_DB] [default: ./vigie.db; `demo`: ./vigie-demo.db]
    #[arg(long, global = true, value_name = "PATH|URL")]
    db: Option<PathBuf>,
    /// Print only errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Read reports (.txt .md .html .htm .jsonl .json, directories recursively, `-` = JSONL on stdin).
    Ingest {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<String>,
    },
    /// List stored articles with language, status, version, mentions and errors, then rejected inputs.
    Articles {
        #[arg(long, value_enum, default_value_t = ArticleFormat::Table)]
        format: ArticleFormat,
    },
    /// One stored article: metadata, diagnostics, incidents and the cleaned text claims refer to.
    Article {
        #[arg(value_name = "REF")]
        reference: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// List incidents.
    Incidents {
        #[arg(long, value_enum, default_value_t = IncidentFormat::Table)]
        format: IncidentFormat,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// One incident: figures with every claim behind them, quotes and sources.
    Show {
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Correct an incident: merge, split, edit a field, not an event, confirm. Corrections
    /// are kept in a journal keyed on the incident's reports and survive every relink.
    Edit {
        #[command(subcommand)]
        cmd: vigie_cli::edit::EditCmd,
        /// Why (kept in the audit trail; shown with figure edits).
        #[arg(long, global = true)]
        note: Option<String>,
        /// Who makes the correction (default: the OS user).
        #[arg(long = "as", global = true, value_name = "NAME")]
        author: Option<String>,
    },
    /// An incident's audit trail: every correction with who, when, what, before and after.
    History {
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Run the pipeline again over every stored article and rebuild all incidents (after new
    /// extraction rules); the analysts' corrections are re-applied.
    Reprocess,
    /// The situation report of a period: key figures against the previous period, a map,
    /// charts, notable incidents with their sources and disputed figures.
    Report {
        /// First day (default: 29 days before --until).
        #[arg(long, value_parser = parse_date)]
        since: Option<NaiveDate>,
        /// Last day (default: the latest incident's date).
        #[arg(long, value_parser = parse_date)]
        until: Option<NaiveDate>,
        /// Country name or ISO code.
        #[arg(long)]
        country: Option<String>,
        /// Only the incidents a watch zone matches (its name).
        #[arg(long)]
        zone: Option<String>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
        format: ReportFormat,
        /// Where to write it (default: stdout for html and md, report.pdf for pdf).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Serve the HTTP API and the web map.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Bearer token required for writes (POST /api/articles); none disables writes.
        #[arg(long, env = "VIGIE_TOKEN", hide_env_values = true)]
        token: Option<String>,
        /// Name of the token's holder, recorded as the author of corrections made with it.
        #[arg(long, env = "VIGIE_TOKEN_NAME", default_value = "api")]
        token_name: String,
        /// Online tile layer URL template ("https://…/{z}/{x}/{y}.png").
        #[arg(long = "tiles", value_name = "URL")]
        tiles: Option<String>,
        /// Also watch the feeds (as `vigie watch`) while serving.
        #[arg(long)]
        watch: bool,
        #[command(flatten)]
        watch_args: WatchOptions,
    },
    /// Follow news feeds (RSS 2.0, Atom): add, list, remove, import an OPML list.
    Feeds {
        #[command(subcommand)]
        cmd: FeedsCmd,
    },
    /// Poll the feeds that are due, ingest new items, relink, raise alerts, call webhooks.
    Watch {
        /// Poll each feed once and exit (for cron and tests).
        #[arg(long)]
        once: bool,
        #[command(flatten)]
        watch_args: WatchOptions,
    },
    /// Watch zones: points with a radius, corridors, polygons, admin units.
    Zones {
        #[command(subcommand)]
        cmd: ZonesCmd,
    },
    /// Webhooks that receive alerts (JSON POST, HMAC-signed with the secret).
    Hooks {
        #[command(subcommand)]
        cmd: HooksCmd,
    },
    /// Alerts raised in the watch zones, newest first.
    Alerts {
        /// Only this zone's.
        #[arg(long)]
        zone: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = ArticleFormat::Table)]
        format: ArticleFormat,
    },
    /// Ingest the bundled sample corpus into a fresh store, print its incidents and serve it.
    Demo {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Do not serve; only build the demo store and print the incidents.
        #[arg(long)]
        no_serve: bool,
    },
    /// Copy a whole store into a new, empty one (e.g. a SQLite file into PostgreSQL): articles,
    /// incidents and their ids, corrections, feeds, zones, alerts, hooks. The source is not changed.
    Migrate {
        /// The store to read: a SQLite file or a postgres:// URL.
        #[arg(long, value_name = "PATH|URL")]
        from: PathBuf,
        /// The store to create: a postgres:// URL (its database must exist and hold no Vigie
        /// data) or a SQLite file that does not exist yet.
        #[arg(long, value_name = "PATH|URL")]
        to: PathBuf,
    },
    /// Measure the pipeline alone (no store) on the given inputs: articles/s and peak memory.
    Bench {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<String>,
        /// Runs over the inputs; the best is reported.
        #[arg(long, default_value_t = 3)]
        repeat: usize,
    },
    /// Places in a text: each name found, the candidate chosen, the others, and why
    /// (cue, admin units, story's country, distance to the text's other places). `-` reads stdin.
    Geocode {
        #[arg(value_name = "TEXT")]
        text: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// Also list each candidate's reasons (text format).
        #[arg(long)]
        verbose: bool,
    },
    /// Inspect or extend the gazetteer.
    Gazetteer {
        #[command(subcommand)]
        cmd: GazetteerCmd,
    },
}

/// Options of `vigie watch` and `vigie serve --watch`.
#[derive(clap::Args, Debug)]
struct WatchOptions {
    /// Seconds between two polls of a feed (a feed's own `--interval` wins); at most a week.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=604_800))]
    interval: u64,
    /// Allow feeds, pages and webhooks on private, loopback and link-local addresses.
    #[arg(long)]
    allow_private: bool,
    /// Seconds allowed for one HTTP request, body included (at most an hour).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=3600))]
    timeout: u64,
    /// Largest feed or page accepted, in bytes.
    #[arg(long, default_value_t = 5 * 1024 * 1024)]
    max_bytes: u64,
    /// Do not fetch items' pages; read the feed's own content.
    #[arg(long)]
    no_pages: bool,
    /// Seconds before the first retry of a failed webhook delivery (then doubling).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    retry_after: u64,
}

impl WatchOptions {
    fn args(&self, once: bool) -> monitor::WatchArgs {
        monitor::WatchArgs {
            interval: std::time::Duration::from_secs(self.interval),
            once,
            allow_private: self.allow_private,
            timeout: std::time::Duration::from_secs(self.timeout),
            max_bytes: self.max_bytes,
            fetch_pages: !self.no_pages,
            retry_base: std::time::Duration::from_secs(self.retry_after),
        }
    }
}

#[derive(Subcommand, Debug)]
enum FeedsCmd {
    /// Follow a feed.
    Add {
        url: String,
        #[arg(long)]
        name: Option<String>,
        /// Language of the feed's items (the detector has the last word).
        #[arg(long)]
        language: Option<String>,
        /// Seconds between polls of this feed (default: watch's --interval); at most a week.
        #[arg(long, value_parser = clap::value_parser!(i64).range(1..=604_800))]
        interval: Option<i64>,
    },
    /// Followed feeds with their status: items seen and ingested, last success, last error.
    List {
        #[arg(long, value_enum, default_value_t = ArticleFormat::Table)]
        format: ArticleFormat,
    },
    /// Stop following a feed (by URL or id); its articles stay.
    Remove { url: String },
    /// Follow every feed of an OPML file.
    Import { file: PathBuf },
}

#[derive(Subcommand, Debug)]
enum ZonesCmd {
    /// Add a zone: --point LAT,LON --radius KM, or --corridor "LAT,LON;LAT,LON;…" --buffer KM,
    /// or --admin NAME (region, cercle/province or commune). Polygons: `zones import`.
    Add {
        name: String,
        #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true)]
        point: Option<String>,
        #[arg(long, value_name = "KM")]
        radius: Option<f64>,
        #[arg(long, value_name = "LAT,LON;LAT,LON;...", allow_hyphen_values = true)]
        corridor: Option<String>,
        #[arg(long, value_name = "KM")]
        buffer: Option<f64>,
        #[arg(long, value_name = "NAME")]
        admin: Option<String>,
        /// Event or sub-event types, comma-separated (default: all).
        #[arg(long, value_name = "TYPES")]
        types: Option<String>,
        /// Least number of people killed, injured or abducted to alert on.
        #[arg(long, default_value_t = 0)]
        min_severity: u32,
    },
    List {
        #[arg(long, value_enum, default_value_t = ArticleFormat::Table)]
        format: ArticleFormat,
    },
    /// Remove a zone (by name or id) and its alerts.
    Remove { name: String },
    /// Zones from a GeoJSON file: Point (+ radius_km), LineString (+ buffer_km), Polygon,
    /// MultiPolygon; properties name, event_types, min_severity.
    Import { file: PathBuf },
}

#[derive(Subcommand, Debug)]
enum HooksCmd {
    /// Deliver alerts to URL (a JSON POST signed with X-Vigie-Signature when --secret is set).
    Add {
        url: String,
        #[arg(long, env = "VIGIE_HOOK_SECRET", hide_env_values = true)]
        secret: Option<String>,
    },
    /// Hooks with their delivery counts.
    List,
    /// Remove a hook (by URL or id).
    Remove { url: String },
}

#[derive(Subcommand, Debug)]
enum GazetteerCmd {
    /// Candidates for a place name.
    Lookup { name: String },
    /// Import a GeoNames country dump (e.g. ML.txt) into the store; used by later ingests.
    Import { file: PathBuf },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum ArticleFormat {
    Table,
    Jsonl,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum IncidentFormat {
    Table,
    Jsonl,
    Csv,
    Geojson,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum ReportFormat {
    Html,
    Pdf,
    Md,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum ShowFormat {
    Text,
    Json,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date (expected YYYY-MM-DD)"))
}

fn parse_near(s: &str) -> Result<(f64, f64, f64), String> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    let bad = || format!("{s:?}: expected LAT,LON,KM (e.g. 14.45,-11.44,50)");
    if parts.len() != 3 {
        return Err(bad());
    }
    let n: Vec<f64> = parts
        .iter()
        .map(|p| p.parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    let (lat, lon, km) = (n[0], n[1], n[2]);
    let ok = (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
        && km.is_finite()
        && km >= 0.0;
    if !ok {
        return Err(format!(
            "{s:?}: latitude must be in -90..90, longitude in -180..180, distance ≥ 0"
        ));
    }
    Ok((lat, lon, km))
}

/// The incident filters of `vigie incidents`.
#[derive(clap::Args, Debug)]
struct FilterArgs {
    /// From this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    since: Option<NaiveDate>,
    /// Up to this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    until: Option<NaiveDate>,
    /// Country name or ISO code (ML, 466).
    #[arg(long)]
    country: Option<String>,
    /// Event type or sub-event type ("Battles", "Abduction/forced disappearance").
    #[arg(long = "type")]
    event_type: Option<String>,
    /// Part of an actor's name.
    #[arg(long)]
    actor: Option<String>,
    /// Within KM of a point: LAT,LON,KM.
    #[arg(long, value_parser = parse_near, allow_hyphen_values = true)]
    near: Option<(f64, f64, f64)>,
    /// Free text: incidents whose places, actors, notes or quotes contain it, whatever the
    /// case, accents and apostrophe styles.
    #[arg(long)]
    text: Option<String>,
    /// First-level region (old or post-2023 name), e.g. "Mopti".
    #[arg(long)]
    admin1: Option<String>,
    #[arg(long)]
    limit: Option<usize>,
    #[arg(long, default_value_t = 0)]
    offset: usize,
}

impl From<FilterArgs> for IncidentFilter {
    fn from(f: FilterArgs) -> Self {
        IncidentFilter {
            since: f.since,
            until: f.until,
            country: f.country,
            event_type: f.event_type,
            actor: f.actor,
            near: f.near,
            bbox: None,
            text: f.text,
            admin1: f.admin1,
            limit: f.limit,
            offset: f.offset,
            include_dismissed: false,
        }
    }
}

fn main() {
    let cli = Cli::parse();
    let code = match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "error: {e:#}");
            2
        }
    };
    std::process::exit(code);
}

fn db_path(cli_db: &Option<PathBuf>) -> PathBuf {
    if let Some(p) = cli_db {
        return p.clone();
    }
    match std::env::var_os("VIGIE_DB") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from("vigie.db"),
    }
}

fn open(path: &Path) -> anyhow::Result<Store> {
    Store::open(path).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Write to stdout, treating a closed pipe (`vigie … | head`) as success.
fn emit(s: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e).context("cannot write to stdout"),
    }
}

fn run(cli: Cli) -> anyhow::Result<i32> {
    let quiet = cli.quiet;
    match cli.cmd {
        Cmd::Ingest { paths } => {
            let mut store = open(&db_path(&cli.db))?;
            vigie_cli::install_gazetteer(&store)?;
            let sources = input::collect_sources(&paths);
            let summary = run_ingest(&mut store, &sources, quiet)?;
            Ok(report_summary(&summary, quiet))
        }
        Cmd::Articles { format } => {
            let store = open(&db_path(&cli.db))?;
            let rows = store.articles()?;
            let rejections = store.rejections()?;
            match format {
                ArticleFormat::Table => emit(&output::articles_table(&rows, &rejections))?,
                ArticleFormat::Jsonl => {
                    let mut s = String::new();
                    for r in &rows {
                        s.push_str(&serde_json::to_string(r)?);
                        s.push('\n');
                    }
                    for r in &rejections {
                        let mut v = serde_json::to_value(r)?;
                        if let Some(o) = v.as_object_mut() {
                            o.insert("status".into(), "rejected".into());
                        }
                        s.push_str(&serde_json::to_string(&v)?);
                        s.push('\n');
                    }
                    emit(&s)?
                }
            }
            Ok(0)
        }
        Cmd::Article { reference, format } => {
            let store = open(&db_path(&cli.db))?;
            let Some(a) = store.article(&reference)? else {
                anyhow::bail!(
                    "no article with ref {reference:?} (list them with `vigie articles`)"
                );
            };
            match format {
                ShowFormat::Json => emit(&format!("{}\n", serde_json::to_string_pretty(&a)?))?,
                ShowFormat::Text => {
                    let r = &a.row;
                    let mut s = format!("Article {}\n", r.reference);
                    for (k, v) in [
                        ("title", &r.title),
                        ("url", &r.url),
                        ("outlet", &r.outlet),
                        ("published", &r.published),
                    ] {
                        if let Some(v) = v {
                            s.push_str(&format!("  {k}: {v}\n"));
                        }
                    }
                    s.push_str(&format!(
                        "  language: {}, status: {}, version: {}, mentions: {}\n",
                        r.language, r.status, r.version, r.mentions
                    ));
                    for d in &r.diagnostics {
                        s.push_str(&format!("  {d}\n"));
                    }
                    if !a.incidents.is_empty() {
                        s.push_str(&format!("  incidents: {}\n", a.incidents.join(", ")));
                    }
                    s.push_str(&format!("\n{}\n", a.text));
                    emit(&s)?
                }
            }
            Ok(0)
        }
        Cmd::Incidents { format, filter } => {
            let store = open(&db_path(&cli.db))?;
            let filter = IncidentFilter::from(filter);
            let views = store.incidents(&filter)?;
            match format {
                IncidentFormat::Table => emit(&output::incidents_table(&views))?,
                IncidentFormat::Jsonl => {
                    let mut s = String::new();
                    for v in &views {
                        s.push_str(&serde_json::to_string(v)?);
                        s.push('\n');
                    }
                    emit(&s)?
                }
                IncidentFormat::Csv => {
                    let mut buf = Vec::new();
                    output::write_csv(&views, &mut buf)?;
                    emit(&String::from_utf8_lossy(&buf))?
                }
                IncidentFormat::Geojson => emit(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&output::geojson(&views))?
                ))?,
            }
            Ok(0)
        }
        Cmd::Show { id, format } => {
            let store = open(&db_path(&cli.db))?;
            let Some(v) = store.incident(&id)? else {
                anyhow::bail!("no incident with id {id:?} (list them with `vigie incidents`)");
            };
            match format {
                ShowFormat::Text => emit(&output::show_text(&v))?,
                ShowFormat::Json => emit(&format!("{}\n", serde_json::to_string_pretty(&v)?))?,
            }
            Ok(0)
        }
        Cmd::Edit { cmd, note, author } => {
            let mut store = open(&db_path(&cli.db))?;
            vigie_cli::install_gazetteer(&store)?;
            let out = vigie_cli::edit::run(&mut store, cmd, note, vigie_cli::edit::author(author))?;
            if !quiet {
                emit(&out)?;
            }
            Ok(0)
        }
        Cmd::History { id, format } => {
            let store = open(&db_path(&cli.db))?;
            let rows = store.history(&id)?;
            if rows.is_empty() && store.incident(&id)?.is_none() {
                anyhow::bail!("no incident with id {id:?} and no correction written on it");
            }
            match format {
                ShowFormat::Text => emit(&vigie_cli::edit::history_text(&id, &rows))?,
                ShowFormat::Json => emit(&format!("{}\n", serde_json::to_string_pretty(&rows)?))?,
            }
            Ok(0)
        }
        Cmd::Report {
            since,
            until,
            country,
            zone,
            format,
            output,
        } => {
            let store = open(&db_path(&cli.db))?;
            // (on the command line, reversed bounds are a mistake worth saying)
            let params = vigie_web::report::ReportParams {
                since,
                until,
                country,
                zone,
                swap_reversed: false,
            };
            let report =
                vigie_web::report::Report::build(&store, &params).map_err(anyhow::Error::msg)?;
            let text = match format {
                ReportFormat::Md => report.to_markdown(),
                _ => report.to_html().map_err(anyhow::Error::msg)?,
            };
            match (format, output) {
                (ReportFormat::Pdf, out) => {
                    let out = out.unwrap_or_else(|| PathBuf::from("report.pdf"));
                    vigie_cli::report::print_pdf(&text, &out)?;
                    if !quiet {
                        eprintln!(
                            "report: {} incidents, {} to {}, written to {}",
                            report.incidents.len(),
                            report.since,
                            report.until,
                            out.display()
                        );
                    }
                }
                (_, Some(out)) => std::fs::write(&out, text)
                    .with_context(|| format!("cannot write {}", out.display()))?,
                (_, None) => emit(&text)?,
            }
            Ok(0)
        }
        Cmd::Reprocess => {
            let mut store = open(&db_path(&cli.db))?;
            vigie_cli::install_gazetteer(&store)?;
            let n = store.reprocess()?;
            let stale = store.corrections(true)?.len();
            if !quiet {
                emit(&format!("{n} incidents; {stale} corrections no longer apply (vigie edit list --stale)\n"))?;
            }
            Ok(0)
        }
        Cmd::Serve {
            addr,
            token,
            token_name,
            tiles,
            watch,
            watch_args,
        } => {
            let db = db_path(&cli.db);
            // Create and migrate the store before serving, so errors are reported here; its
            // imported gazetteer rows serve place corrections and geocoding.
            vigie_cli::install_gazetteer(&open(&db)?)?;
            if watch {
                // The watcher writes through its own connection; the server reads (SQLite WAL).
                let mut store = open(&db)?;
                vigie_cli::install_gazetteer(&store)?;
                let args = watch_args.args(false);
                std::thread::spawn(move || {
                    if let Err(e) = monitor::run_watch(&mut store, &args, quiet) {
                        eprintln!("error: watch: {e:#}");
                    }
                });
            }
            vigie_web::serve(vigie_web::ServeOptions {
                db,
                addr,
                token,
                token_name: Some(token_name),
                tile_url: tiles,
            })?;
            Ok(0)
        }
        Cmd::Feeds { cmd } => run_feeds(&db_path(&cli.db), cmd, quiet),
        Cmd::Watch { once, watch_args } => {
            let mut store = open(&db_path(&cli.db))?;
            vigie_cli::install_gazetteer(&store)?;
            monitor::run_watch(&mut store, &watch_args.args(once), quiet)
        }
        Cmd::Zones { cmd } => run_zones(&db_path(&cli.db), cmd, quiet),
        Cmd::Hooks { cmd } => run_hooks(&db_path(&cli.db), cmd, quiet),
        Cmd::Alerts {
            zone,
            limit,
            format,
        } => {
            let store = open(&db_path(&cli.db))?;
            let alerts = store.alerts(limit, zone.as_deref())?;
            match format {
                ArticleFormat::Table => emit(&monitor::alerts_table(&alerts))?,
                ArticleFormat::Jsonl => emit(&jsonl(&alerts)?)?,
            }
            Ok(0)
        }
        Cmd::Migrate { from, to } => {
            let from_is_url = vigie_store::is_postgres_url(&from.to_string_lossy());
            if !from_is_url && !from.exists() {
                anyhow::bail!("--from: {} does not exist", from.display());
            }
            let to_is_url = vigie_store::is_postgres_url(&to.to_string_lossy());
            if !to_is_url && to.exists() {
                anyhow::bail!(
                    "--to: {} exists; migrate into a new file or a PostgreSQL database",
                    to.display()
                );
            }
            let source = open(&from).context("--from")?;
            let mut dest = open(&to).context("--to")?;
            let counts = source.copy_to(&mut dest).context("--to")?;
            if !quiet {
                let total: usize = counts.iter().map(|(_, n)| n).sum();
                let detail: Vec<String> = counts
                    .iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(t, n)| format!("{t} {n}"))
                    .collect();
                eprintln!("migrated {total} rows ({})", detail.join(", "));
            }
            Ok(0)
        }
        Cmd::Bench { paths, repeat } => {
            emit(&bench::run(&paths, repeat)?)?;
            Ok(0)
        }
        Cmd::Demo { addr, no_serve } => {
            let db = cli
                .db
                .clone()
                .unwrap_or_else(|| PathBuf::from("vigie-demo.db"));
            if vigie_store::is_postgres_url(&db.to_string_lossy()) {
                // The demo deletes and recreates its store; it never empties a shared database.
                anyhow::bail!("demo: --db must be a SQLite file (the demo recreates it), not a PostgreSQL URL");
            }
            for suffix in ["", "-wal", "-shm"] {
                let mut p = db.clone().into_os_string();
                p.push(suffix);
                match std::fs::remove_file(&p) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => {
                        return Err(e).with_context(|| format!("cannot recreate {}", db.display()))
                    }
                }
            }
            let mut store = open(&db)?;
            let items =
                input::read_jsonl("sample.jsonl", std::io::Cursor::new(SAMPLE), Some("sample"));
            let mut articles = Vec::new();
            for item in items {
                match item {
                    input::Item::Article(a) => articles.push(a.article),
                    input::Item::Rejected(r) => eprintln!("error: {r}"),
                }
            }
            let summary = ingest::run_articles(&mut store, articles)?;
            let views = store.incidents(&IncidentFilter::default())?;
            emit(&output::incidents_table(&views))?;
            if !quiet {
                eprintln!("{} (demo store: {})", summary.line(), db.display());
            }
            if no_serve {
                return Ok(0);
            }
            drop(store);
            emit(&format!(
                "Vigie demo: open http://{addr}/ (Ctrl-C to stop)\n"
            ))?;
            vigie_web::serve(vigie_web::ServeOptions {
                db,
                addr,
                token: None,
                token_name: None,
                tile_url: None,
            })?;
            Ok(0)
        }
        Cmd::Geocode {
            text,
            format,
            verbose,
        } => {
            let text = if text == "-" {
                let mut s = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                    .context("cannot read the text from stdin")?;
                s
            } else {
                text
            };
            // an existing store may hold imported places; never create one just to geocode
            let path = db_path(&cli.db);
            if path.exists() || vigie_store::is_postgres_url(&path.to_string_lossy()) {
                let store = open(&path)?;
                vigie_cli::install_gazetteer(&store)?;
            }
            let g = vigie_geo::geocode(vigie_geo::global(), &text);
            match format {
                ShowFormat::Json => emit(&format!("{}\n", serde_json::to_string_pretty(&g)?))?,
                ShowFormat::Text => emit(&output::geocode_text(&g, verbose))?,
            }
            Ok(0)
        }
        Cmd::Gazetteer {
            cmd: GazetteerCmd::Lookup { name },
        } => {
            let store = open(&db_path(&cli.db))?;
            vigie_cli::install_gazetteer(&store)?;
            let gaz = vigie_geo::global();
            let cands = gaz.lookup_details(&name);
            if cands.is_empty() {
                eprintln!(
                    "no place named {name:?} in the gazetteer ({} places)",
                    gaz.len()
                );
                return Ok(1);
            }
            let header = [
                "name", "country", "admin1", "admin2", "admin3", "lat", "lon", "kind", "match",
                "sources",
            ];
            let rows: Vec<Vec<String>> = cands
                .iter()
                .map(|c| {
                    let p = c.place;
                    vec![
                        p.name.clone(),
                        p.country.clone(),
                        p.admin1.clone().unwrap_or_default(),
                        p.admin2.clone().unwrap_or_default(),
                        p.admin3.clone().unwrap_or_default(),
                        format!("{:.4}", p.lat),
                        format!("{:.4}", p.lon),
                        format!("{:?}", p.kind),
                        if c.exact {
                            "exact".into()
                        } else {
                            "similar".into()
                        },
                        p.sources.join(","),
                    ]
                })
                .collect();
            emit(&output::table(&header, &rows))?;
            Ok(0)
        }
        Cmd::Gazetteer {
            cmd: GazetteerCmd::Import { file },
        } => {
            let mut store = open(&db_path(&cli.db))?;
            let f = std::fs::File::open(&file)
                .map_err(|e| anyhow::anyhow!("{}: cannot read: {}", file.display(), e.kind()))?;
            let (places, errors) =
                vigie_geo::parse_geonames_dump_lenient(std::io::BufReader::new(f));
            let n = store.import_gazetteer(&places)?;
            for e in &errors {
                // The parser says "line N: reason"; name it file:N like every other input error.
                match e.strip_prefix("line ").and_then(|r| r.split_once(": ")) {
                    Some((n, reason)) if n.parse::<usize>().is_ok() => {
                        eprintln!("error: {}:{n}: {reason}", file.display())
                    }
                    _ => eprintln!("error: {}: {e}", file.display()),
                }
            }
            if !quiet {
                println!(
                    "imported {n} places from {}, rejected {} lines",
                    file.display(),
                    errors.len()
                );
            }
            Ok(if errors.is_empty() { 0 } else { 1 })
        }
    }
}

struct Bar(Option<indicatif::ProgressBar>);

impl ingest::Progress for Bar {
    fn source_done(&self, name: &str) {
        if let Some(b) = &self.0 {
            b.set_message(name.to_string());
            b.inc(1);
        }
    }
    fn articles_done(&self, n: usize) {
        if let Some(b) = &self.0 {
            b.set_message(format!("{n} articles stored"));
        }
    }
}

fn jsonl<T: serde::Serialize>(rows: &[T]) -> anyhow::Result<String> {
    let mut s = String::new();
    for r in rows {
        s.push_str(&serde_json::to_string(r)?);
        s.push('\n');
    }
    Ok(s)
}

fn say(quiet: bool, line: &str) -> anyhow::Result<()> {
    if quiet {
        Ok(())
    } else {
        emit(&format!("{line}\n"))
    }
}

fn run_feeds(db: &Path, cmd: FeedsCmd, quiet: bool) -> anyhow::Result<i32> {
    let mut store = open(db)?;
    match cmd {
        FeedsCmd::Add {
            url,
            name,
            language,
            interval,
        } => {
            monitor::check_feed_url(&url)?;
            if let Some(l) = &language {
                monitor::check_language(l)?;
            }
            let (id, new) = store.add_feed(&url, name.as_deref(), language.as_deref(), interval)?;
            say(
                quiet,
                &format!("feed {id} {}: {url}", if new { "added" } else { "updated" }),
            )?;
        }
        FeedsCmd::List { format } => {
            let feeds = store.feeds()?;
            match format {
                ArticleFormat::Table => emit(&monitor::feeds_table(&feeds))?,
                ArticleFormat::Jsonl => emit(&jsonl(&feeds)?)?,
            }
        }
        FeedsCmd::Remove { url } => {
            if !store.remove_feed(&url)? {
                anyhow::bail!("no feed {url:?} (list them with `vigie feeds list`)");
            }
            say(quiet, &format!("feed removed: {url}"))?;
        }
        FeedsCmd::Import { file } => {
            let (added, known) = monitor::import_opml(&mut store, &file)?;
            say(
                quiet,
                &format!(
                    "{}: {added} feeds added, {known} already followed",
                    file.display()
                ),
            )?;
        }
    }
    Ok(0)
}

fn run_zones(db: &Path, cmd: ZonesCmd, quiet: bool) -> anyhow::Result<i32> {
    use vigie_monitor::zones::{parse_latlon, parse_line, split_types, Shape};
    let mut store = open(db)?;
    match cmd {
        ZonesCmd::Add {
            name,
            point,
            radius,
            corridor,
            buffer,
            admin,
            types,
            min_severity,
        } => {
            let shape = match (point, corridor, admin) {
                (Some(p), None, None) => {
                    let (lat, lon) = parse_latlon(&p).map_err(|e| anyhow::anyhow!("--point: {e}"))?;
                    let radius_km = radius.context("--point needs --radius KM")?;
                    Shape::Point { lat, lon, radius_km }
                }
                (None, Some(c), None) => Shape::Corridor {
                    line: parse_line(&c).map_err(|e| anyhow::anyhow!("--corridor: {e}"))?,
                    buffer_km: buffer.context("--corridor needs --buffer KM")?,
                },
                (None, None, Some(a)) => Shape::Admin { name: a },
                _ => anyhow::bail!(
                    "give exactly one of --point LAT,LON --radius KM, --corridor \"LAT,LON;LAT,LON\" --buffer KM, --admin NAME"
                ),
            };
            let types = types.as_deref().map(split_types).unwrap_or_default();
            let id = monitor::add_zone(&mut store, &name, shape, &types, min_severity)?;
            say(quiet, &format!("zone {id} added: {name}"))?;
        }
        ZonesCmd::List { format } => {
            let zones = monitor::load_zones(&store)?;
            match format {
                ArticleFormat::Table => emit(&monitor::zones_table(&zones))?,
                ArticleFormat::Jsonl => emit(&jsonl(&store.zones()?)?)?,
            }
        }
        ZonesCmd::Remove { name } => {
            if !store.remove_zone(&name)? {
                anyhow::bail!("no zone {name:?} (list them with `vigie zones list`)");
            }
            say(quiet, &format!("zone removed: {name}"))?;
        }
        ZonesCmd::Import { file } => {
            let n = monitor::import_zones(&mut store, &file)?;
            say(quiet, &format!("{}: {n} zones added", file.display()))?;
        }
    }
    Ok(0)
}

fn run_hooks(db: &Path, cmd: HooksCmd, quiet: bool) -> anyhow::Result<i32> {
    let mut store = open(db)?;
    match cmd {
        HooksCmd::Add { url, secret } => {
            monitor::check_feed_url(&url)?;
            let id = store.add_hook(&url, secret.as_deref())?;
            say(quiet, &format!("hook {id}: {url}"))?;
        }
        HooksCmd::List => {
            let hooks = store.hooks()?;
            let rows: Vec<Vec<String>> = hooks
                .iter()
                .map(|h| {
                    vec![
                        h.id.to_string(),
                        h.url.clone(),
                        if h.secret.is_some() { "yes" } else { "no" }.into(),
                        h.delivered.to_string(),
                        h.pending.to_string(),
                        h.failed.to_string(),
                        h.last_error.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            emit(&output::table(
                &[
                    "id",
                    "url",
                    "signed",
                    "delivered",
                    "pending",
                    "failed",
                    "last error",
                ],
                &rows,
            ))?;
        }
        HooksCmd::Remove { url } => {
            if !store.remove_hook(&url)? {
                anyhow::bail!("no hook {url:?} (list them with `vigie hooks list`)");
            }
            say(quiet, &format!("hook removed: {url}"))?;
        }
    }
    Ok(0)
}

fn run_ingest(
    store: &mut Store,
    sources: &[input::Source],
    quiet: bool,
) -> anyhow::Result<ingest::Summary> {
    let bar = if !quiet && std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new(sources.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} files {elapsed} {wide_msg}",
        ) {
            b.set_style(style);
        }
        Some(b)
    } else {
        None
    };
    let bar = Bar(bar);
    let result = ingest::run(store, sources, &bar);
    if let Some(b) = &bar.0 {
        b.finish_and_clear();
    }
    result
}

fn report_summary(s: &ingest::Summary, quiet: bool) -> i32 {
    if !quiet {
        let _ = emit(&format!("{}\nincidents {}\n", s.line(), s.incidents));
        let mut err = std::io::stderr().lock();
        for n in &s.notes {
            let _ = writeln!(err, "note: {n}");
        }
    }
    let mut err = std::io::stderr().lock();
    for r in &s.rejected {
        let _ = writeln!(err, "error: {r}");
    }
    if s.rejected.is_empty() {
        0
    } else {
        1
    }
}
