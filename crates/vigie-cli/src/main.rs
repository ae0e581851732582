//! `vigie` — conflict-event monitor: ingest reports, list and export incidents, serve the map.
//!
//! Exit status: 0 success; 1 some input was rejected (the rest went in); 2 usage or store error.

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use vigie_cli::{bench, ingest, input, output};
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
    /// SQLite store [env: VIGIE_DB] [default: ./vigie.db; `demo`: ./vigie-demo.db]
    #[arg(long, global = true, value_name = "PATH")]
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
    /// Serve the HTTP API and the web map.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Bearer token required for writes (POST /api/articles); none disables writes.
        #[arg(long, env = "VIGIE_TOKEN", hide_env_values = true)]
        token: Option<String>,
        /// Online tile layer URL template ("https://…/{z}/{x}/{y}.png").
        #[arg(long = "tiles", value_name = "URL")]
        tiles: Option<String>,
    },
    /// Ingest the bundled sample corpus into a fresh store, print its incidents and serve it.
    Demo {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Do not serve; only build the demo store and print the incidents.
        #[arg(long)]
        no_serve: bool,
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
    /// Free text over places, actors, notes and quotes.
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
            text: f.text,
            admin1: f.admin1,
            limit: f.limit,
            offset: f.offset,
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
        Cmd::Serve { addr, token, tiles } => {
            let db = db_path(&cli.db);
            // Create and migrate the store before serving, so errors are reported here.
            drop(open(&db)?);
            vigie_web::serve(vigie_web::ServeOptions {
                db,
                addr,
                token,
                tile_url: tiles,
            })?;
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
            if path.exists() {
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
