//! `vigie edit …` and `vigie history ID`: the analysts' corrections from the command line.

use clap::Subcommand;
use vigie_store::{CorrectionRequest, CorrectionRow, FieldEdit, Operation, PlaceValue, Store};

#[derive(Subcommand, Debug)]
pub enum EditCmd {
    /// Merge incident OTHER into incident ID (their reports become one incident).
    Merge { id: String, other: String },
    /// Move the reports of the articles REF… out of incident ID, into an incident of their own.
    Split {
        id: String,
        #[arg(required = true, value_name = "REF")]
        articles: Vec<String>,
    },
    /// Set the sub-event type (ACLED label, e.g. "Armed clash"); the event type follows.
    Type { id: String, sub_event_type: String },
    /// Set the place: a gazetteer place (--name, --country to choose among homonyms) or
    /// coordinates (--coordinates LAT,LON, named --location).
    Place {
        id: String,
        #[arg(long, conflicts_with = "coordinates")]
        name: Option<String>,
        #[arg(long)]
        country: Option<String>,
        #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true)]
        coordinates: Option<String>,
        #[arg(long)]
        location: Option<String>,
    },
    /// Set the date (YYYY-MM-DD) and its precision (1 day, 2 week, 3 month).
    Date {
        id: String,
        date: String,
        #[arg(long, default_value_t = 1)]
        precision: u8,
    },
    /// Set actor 1 and/or actor 2 ("" clears one).
    Actors {
        id: String,
        #[arg(long)]
        actor1: Option<String>,
        #[arg(long)]
        actor2: Option<String>,
    },
    /// Set a figure (fatalities, injured, abducted, attackers) as low/best/high; say why with --note.
    Figure {
        id: String,
        figure: String,
        #[arg(long)]
        low: Option<u32>,
        #[arg(long)]
        best: Option<u32>,
        #[arg(long)]
        high: Option<u32>,
    },
    /// Mark incident ID as not an event (hidden from lists and exports, kept in the store).
    NotAnEvent { id: String },
    /// Confirm incident ID as reviewed and right.
    Confirm { id: String },
    /// The corrections journal; --stale: only corrections that no longer apply.
    List {
        #[arg(long)]
        stale: bool,
        #[arg(long)]
        jsonl: bool,
    },
}

/// Who makes the corrections: `--as NAME`, else the OS user.
pub fn author(given: Option<String>) -> String {
    given
        .filter(|a| !a.trim().is_empty())
        .or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()))
        .or_else(|| std::env::var("LOGNAME").ok().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

/// Run one `vigie edit` subcommand; prints what was done.
pub fn run(
    store: &mut Store,
    cmd: EditCmd,
    note: Option<String>,
    author: String,
) -> anyhow::Result<String> {
    let (incident, operation) = match cmd {
        EditCmd::List { stale, jsonl } => {
            let rows = store.corrections(stale)?;
            return Ok(if jsonl {
                let mut s = String::new();
                for r in &rows {
                    s.push_str(&serde_json::to_string(r)?);
                    s.push('\n');
                }
                s
            } else {
                journal_table(&rows)
            });
        }
        EditCmd::Merge { id, other } => (id, Operation::Merge { other }),
        EditCmd::Split { id, articles } => (id, Operation::Split { articles }),
        EditCmd::Type { id, sub_event_type } => (
            id,
            Operation::Edit {
                edit: FieldEdit::Type { sub_event_type },
            },
        ),
        EditCmd::Place {
            id,
            name,
            country,
            coordinates,
            location,
        } => {
            let place = match (name, coordinates) {
                (Some(n), None) => {
                    PlaceValue::from_gazetteer(vigie_geo::global(), &n, country.as_deref())?
                }
                (None, Some(c)) => {
                    let current = store
                        .incident(&id)?
                        .and_then(|v| v.location)
                        .unwrap_or_default();
                    let location = location.unwrap_or(current);
                    let location = if location.trim().is_empty() {
                        c.clone()
                    } else {
                        location
                    };
                    PlaceValue::from_coordinates(&c, &location)?
                }
                _ => anyhow::bail!("place: give --name NAME or --coordinates LAT,LON"),
            };
            (
                id,
                Operation::Edit {
                    edit: FieldEdit::Place { place },
                },
            )
        }
        EditCmd::Date {
            id,
            date,
            precision,
        } => (
            id,
            Operation::Edit {
                edit: FieldEdit::Date { date, precision },
            },
        ),
        EditCmd::Actors { id, actor1, actor2 } => (
            id,
            Operation::Edit {
                edit: FieldEdit::Actors { actor1, actor2 },
            },
        ),
        EditCmd::Figure {
            id,
            figure,
            low,
            best,
            high,
        } => (
            id,
            Operation::Edit {
                edit: FieldEdit::Figure {
                    figure,
                    low,
                    best,
                    high,
                },
            },
        ),
        EditCmd::NotAnEvent { id } => (id, Operation::NotAnEvent),
        EditCmd::Confirm { id } => (id, Operation::Confirm),
    };
    let row = store.correct(&CorrectionRequest {
        incident,
        operation,
        note,
        author,
    })?;
    let mut out = format!("correction {} by {}: {}\n", row.id, row.author, row.what());
    match &row.applied_to {
        Some(i) => out.push_str(&format!("in force on incident {i}\n")),
        None => out.push_str("does not apply (its reports are gone)\n"),
    }
    for c in row.changes() {
        out.push_str(&format!("  {c}\n"));
    }
    Ok(out)
}

fn when(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| unix.to_string())
}

/// The journal as a table: id, when, who, what, note, where it applies now.
pub fn journal_table(rows: &[CorrectionRow]) -> String {
    if rows.is_empty() {
        return "no corrections\n".into();
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.id.to_string(),
                when(r.at),
                r.author.clone(),
                crate::output::clip(&r.what(), 60),
                r.note.clone().unwrap_or_default(),
                match (&r.applied_to, &r.stale) {
                    (Some(i), _) => i.clone(),
                    (None, why) => format!("STALE: {}", why.as_deref().unwrap_or("does not apply")),
                },
            ]
        })
        .collect();
    crate::output::table(&["#", "when", "who", "what", "note", "applies to"], &cells)
}

/// An incident's history: each correction with who, when, what and before → after.
pub fn history_text(incident: &str, rows: &[CorrectionRow]) -> String {
    if rows.is_empty() {
        return format!("no corrections on incident {incident}\n");
    }
    let mut out = String::new();
    for r in rows {
        out.push_str(&format!(
            "#{} {} by {}: {}\n",
            r.id,
            when(r.at),
            r.author,
            r.what()
        ));
        if let Some(n) = &r.note {
            out.push_str(&format!("  note: {n}\n"));
        }
        for c in r.changes() {
            out.push_str(&format!("  {c}\n"));
        }
        match (&r.applied_to, &r.stale) {
            (Some(i), _) if i != incident => out.push_str(&format!("  now in force on {i}\n")),
            (Some(_), _) => {}
            (None, why) => out.push_str(&format!(
                "  STALE: {}\n",
                why.as_deref().unwrap_or("does not apply")
            )),
        }
    }
    out
}
