//! Reading inputs: files and directories (recursively), `.txt`/`.md` plain text, `.html`/`.htm`
//! pages, `.jsonl` records and `.json` arrays, and JSONL from stdin. Every problem becomes a
//! one-line [`Rejection`] naming the file (and line); nothing here panics on any bytes.

use chrono::NaiveDate;
use std::io::BufRead;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use vigie_core::{Article, Body};
pub use vigie_store::Rejection;

/// Largest file (or JSONL line) accepted, in bytes.
pub const MAX_BYTES: u64 = 10_000_000;

/// An input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File {
        path: PathBuf,
        kind: Kind,
    },
    /// A file or directory entry that cannot be read at all (reported as is).
    Bad {
        path: PathBuf,
        reason: String,
    },
    Stdin,
}

impl Source {
    /// How the source is named in messages.
    pub fn name(&self) -> String {
        match self {
            Source::File { path, .. } | Source::Bad { path, .. } => path.display().to_string(),
            Source::Stdin => STDIN_NAME.to_string(),
        }
    }
}

pub const STDIN_NAME: &str = "<stdin>";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
    Jsonl,
    Json,
}

impl Kind {
    pub fn of(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "md" => Kind::Text,
            "html" | "htm" => Kind::Html,
            "jsonl" => Kind::Jsonl,
            "json" => Kind::Json,
            _ => return None,
        })
    }
}

fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Expand the command-line arguments into sources: directories recursively (entries sorted by
/// name, files of unknown type skipped), `-` as stdin. A path given explicitly with an unknown
/// extension, or that does not exist, is a [`Source::Bad`].
pub fn collect_sources(args: &[String]) -> Vec<Source> {
    let mut out = Vec::new();
    for a in args {
        if a == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(a);
        walk(&path, true, &mut out, 0);
    }
    out
}

fn walk(path: &Path, explicit: bool, out: &mut Vec<Source>, depth: usize) {
    let bad = |reason: String| Source::Bad {
        path: path.to_path_buf(),
        reason,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            // Broken symlinks and vanished entries inside directories are reported only when
            // they look like inputs.
            if explicit || Kind::of(path).is_some() {
                out.push(bad(format!("cannot read: {}", io_reason(&e))));
            }
            return;
        }
    };
    if meta.is_dir() {
        if depth > 64 {
            out.push(bad("directory nesting too deep".into()));
            return;
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                out.push(bad(format!("cannot read directory: {}", io_reason(&e))));
                return;
            }
        };
        entries.sort();
        for e in entries {
            walk(&e, false, out, depth + 1);
        }
        return;
    }
    match Kind::of(path) {
        Some(kind) if meta.is_file() => out.push(Source::File {
            path: path.to_path_buf(),
            kind,
        }),
        Some(_) => out.push(bad("cannot read: not a regular file".into())),
        None if explicit => out.push(bad(
            "unsupported file type (expected .txt, .md, .html, .htm, .jsonl or .json)".into(),
        )),
        None => {}
    }
}

/// An article read from an input, with notes about how it was read (e.g. its encoding).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadArticle {
    pub article: Article,
    pub notes: Vec<String>,
}

/// What one input gave: articles and rejections, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Article(ReadArticle),
    Rejected(Rejection),
}

fn reject(source: &str, line: Option<usize>, reason: impl Into<String>) -> Item {
    Item::Rejected(Rejection {
        source: source.to_string(),
        line,
        reason: reason.into(),
    })
}

fn mb(n: u64) -> String {
    format!("{:.1} MB", n as f64 / 1_000_000.0)
}

/// Bytes → text: UTF-8 (BOM dropped), else Windows-1252 when the bytes read as text in it.
/// Returns the text and whether it was decoded from Windows-1252, or the reason it is not text.
pub fn decode(bytes: &[u8]) -> Result<(String, bool), String> {
    if bytes.contains(&0) {
        return Err("binary file (NUL bytes)".into());
    }
    let (text, cp1252) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.strip_prefix('\u{feff}').unwrap_or(s).to_string(), false),
        Err(_) => {
            let (cow, _, had_errors) = encoding_rs::WINDOWS_1252.decode(bytes);
            // WHATWG's windows-1252 maps the five undefined bytes to C1 controls: text in
            // Windows-1252 never contains them.
            if had_errors || cow.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
                return Err("invalid text encoding (neither UTF-8 nor Windows-1252)".into());
            }
            (cow.into_owned(), true)
        }
    };
    let total = text.chars().count();
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls > 0 && controls * 20 > total {
        return Err("binary file (control characters)".into());
    }
    Ok((text, cp1252))
}

const CP1252_NOTE: &str = "not UTF-8: decoded as Windows-1252";

/// Read one source completely. File-level problems give a single rejection.
pub fn read_source(source: &Source) -> Vec<Item> {
    let mut out = Vec::new();
    let _ = read_source_with(source, &mut |item| {
        out.push(item);
        ControlFlow::Continue(())
    });
    out
}

/// Streaming form of [`read_source`]: JSONL (files and stdin) is passed on record by record,
/// so a large input never sits whole in memory.
pub fn read_source_with(
    source: &Source,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    match source {
        Source::Bad { path, reason } => {
            sink(reject(&path.display().to_string(), None, reason.clone()))
        }
        Source::Stdin => {
            let stdin = std::io::stdin();
            read_jsonl_with(STDIN_NAME, stdin.lock(), None, sink)
        }
        Source::File {
            path,
            kind: Kind::Jsonl,
        } => {
            let name = path.display().to_string();
            match std::fs::File::open(path) {
                Ok(f) => read_jsonl_with(
                    &name,
                    std::io::BufReader::new(f),
                    Some(&file_stem(path)),
                    sink,
                ),
                Err(e) => sink(reject(
                    &name,
                    None,
                    format!("cannot read: {}", io_reason(&e)),
                )),
            }
        }
        Source::File { path, kind } => {
            for item in read_file(path, *kind) {
                sink(item)?;
            }
            ControlFlow::Continue(())
        }
    }
}

/// Read one file of the given kind.
pub fn read_file(path: &Path, kind: Kind) -> Vec<Item> {
    let name = path.display().to_string();
    if kind == Kind::Jsonl {
        return match std::fs::File::open(path) {
            Ok(f) => {
                let stem = file_stem(path);
                read_jsonl(&name, std::io::BufReader::new(f), Some(&stem))
            }
            Err(e) => vec![reject(
                &name,
                None,
                format!("cannot read: {}", io_reason(&e)),
            )],
        };
    }
    let bytes = match read_limited(path) {
        Ok(b) => b,
        Err(reason) => return vec![reject(&name, None, reason)],
    };
    parse_file_bytes(&name, &file_stem(path), kind, &bytes)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let f = std::fs::File::open(path).map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    let mut buf = Vec::new();
    f.take(MAX_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    if buf.len() as u64 > MAX_BYTES {
        let size = std::fs::metadata(path)
            .map(|m| m.len())
            .unwrap_or(buf.len() as u64);
        return Err(format!(
            "file too large ({} > {})",
            mb(size),
            mb(MAX_BYTES).replace(".0", "")
        ));
    }
    Ok(buf)
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Parse the bytes of a whole (non-JSONL) file. `name` is used in messages, `stem` as the ref.
pub fn parse_file_bytes(name: &str, stem: &str, kind: Kind, bytes: &[u8]) -> Vec<Item> {
    if bytes.len() as u64 > MAX_BYTES {
        return vec![reject(
            name,
            None,
            format!("file too large ({} > 10 MB)", mb(bytes.len() as u64)),
        )];
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return vec![reject(name, None, "empty file")];
    }
    let (text, cp1252) = match decode(bytes) {
        Ok(t) => t,
        Err(reason) => return vec![reject(name, None, reason)],
    };
    let notes = if cp1252 {
        vec![CP1252_NOTE.to_string()]
    } else {
        vec![]
    };
    match kind {
        Kind::Text | Kind::Html => {
            let body = if kind == Kind::Text {
                Body::Text(text)
            } else {
                Body::Html(text)
            };
            let mut article = Article::text(stem, "");
            article.body = body;
            vec![Item::Article(ReadArticle { article, notes })]
        }
        Kind::Json => {
            let value: serde_json::Value = match serde_json::from_str(&text) {
                Ok(v) => v,
                Err(e) => return vec![reject(name, Some(e.line()), json_error(&e))],
            };
            let records = match value {
                serde_json::Value::Array(a) => a,
                v @ serde_json::Value::Object(_) => vec![v],
                _ => {
                    return vec![reject(
                        name,
                        None,
                        "expected a JSON array of records or one record",
                    )]
                }
            };
            records
                .into_iter()
                .enumerate()
                .map(|(i, v)| match record_to_article(&v) {
                    Ok(Some(a)) => Item::Article(ReadArticle {
                        article: a,
                        notes: notes.clone(),
                    }),
                    Ok(None) => {
                        let a = record_article_fallback(&v, &format!("{stem}-{}", i + 1));
                        Item::Article(ReadArticle {
                            article: a,
                            notes: notes.clone(),
                        })
                    }
                    Err(reason) => reject(name, None, format!("record {}: {reason}", i + 1)),
                })
                .collect()
        }
        Kind::Jsonl => read_jsonl(name, std::io::Cursor::new(text.into_bytes()), Some(stem)),
    }
}

/// Read JSONL records: one article per non-blank line; each bad line is its own rejection.
pub fn read_jsonl<R: BufRead>(name: &str, reader: R, stem: Option<&str>) -> Vec<Item> {
    let mut out = Vec::new();
    let _ = read_jsonl_with(name, reader, stem, &mut |item| {
        out.push(item);
        ControlFlow::Continue(())
    });
    out
}

/// Streaming form of [`read_jsonl`]: each item goes to `sink` as soon as it is read; the sink
/// may stop the reading with `ControlFlow::Break`.
pub fn read_jsonl_with<R: BufRead>(
    name: &str,
    mut reader: R,
    stem: Option<&str>,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    let mut any = false;
    loop {
        buf.clear();
        // Read at most MAX_BYTES + 1 of a line, then skip the rest of an oversized line.
        let n = match std::io::Read::take(&mut reader, MAX_BYTES + 1).read_until(b'\n', &mut buf) {
            Ok(n) => n,
            Err(e) => {
                return sink(reject(
                    name,
                    Some(line_no + 1),
                    format!("cannot read: {}", io_reason(&e)),
                ));
            }
        };
        if n == 0 {
            break;
        }
        line_no += 1;
        if buf.len() as u64 > MAX_BYTES && buf.last() != Some(&b'\n') {
            let mut total = buf.len() as u64;
            let mut skip = Vec::new();
            loop {
                skip.clear();
                match std::io::Read::take(&mut reader, 1 << 20).read_until(b'\n', &mut skip) {
                    Ok(0) | Err(_) => break,
                    Ok(k) => {
                        total += k as u64;
                        if skip.last() == Some(&b'\n') {
                            break;
                        }
                    }
                }
            }
            sink(reject(
                name,
                Some(line_no),
                format!("record too large ({} > 10 MB)", mb(total)),
            ))?;
            any = true;
            continue;
        }
        if buf.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        any = true;
        sink(parse_jsonl_line(name, line_no, &buf, stem))?;
    }
    if !any {
        sink(reject(name, None, "empty file"))?;
    }
    ControlFlow::Continue(())
}

/// Parse one JSONL line (1-based `line_no`) into an article or a rejection.
pub fn parse_jsonl_line(name: &str, line_no: usize, bytes: &[u8], stem: Option<&str>) -> Item {
    let (text, cp1252) = match decode(bytes) {
        Ok(t) => t,
        Err(reason) => return reject(name, Some(line_no), reason),
    };
    let value: serde_json::Value = match serde_json::from_str(text.trim()) {
        Ok(v) => v,
        Err(e) => return reject(name, Some(line_no), json_error(&e)),
    };
    let notes = if cp1252 {
        vec![CP1252_NOTE.to_string()]
    } else {
        vec![]
    };
    match record_to_article(&value) {
        Ok(Some(a)) => Item::Article(ReadArticle { article: a, notes }),
        Ok(None) => {
            let fallback = format!("{}-{line_no}", stem.unwrap_or("stdin"));
            Item::Article(ReadArticle {
                article: record_article_fallback(&value, &fallback),
                notes,
            })
        }
        Err(reason) => reject(name, Some(line_no), reason),
    }
}

/// "malformed JSON: expected value at column 1" (serde's message without its line number).
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    if e.is_eof() && e.column() == 0 {
        format!("malformed JSON: {msg}")
    } else {
        format!("malformed JSON: {msg} at column {}", e.column())
    }
}

fn record_article_fallback(value: &serde_json::Value, reference: &str) -> Article {
    // Only called once `record_to_article` validated the record; re-read it without a ref.
    let mut v = value.clone();
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "id".into(),
            serde_json::Value::String(reference.to_string()),
        );
    }
    match record_to_article(&v) {
        Ok(Some(a)) => a,
        _ => Article::text(reference, ""),
    }
}

fn str_field(
    o: &serde_json::Map<String, serde_json::Value>,
    key: &str,
) -> Result<Option<String>, String> {
    match o.get(key) {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => {
            let s = s.trim();
            Ok(if s.is_empty() {
                None
            } else {
                Some(s.to_string())
            })
        }
        Some(serde_json::Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
        Some(_) => Err(format!("bad \"{key}\": expected a string")),
    }
}

/// A publication date: `YYYY-MM-DD`, RFC 3339, or a `YYYY-MM-DD[T ]HH:MM[:SS]` datetime.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt.date());
        }
    }
    None
}

/// A JSON record → article. `Ok(None)`: valid but without `id` or `url` (the caller names it).
pub fn record_to_article(value: &serde_json::Value) -> Result<Option<Article>, String> {
    let o = value
        .as_object()
        .ok_or_else(|| "expected a JSON object".to_string())?;
    let id = str_field(o, "id")?;
    let url = str_field(o, "url")?;
    let title = str_field(o, "title")?;
    let outlet = str_field(o, "outlet")?;
    let language = str_field(o, "language")?;
    let published = match str_field(o, "published")? {
        None => None,
        Some(p) => Some(parse_published(&p).ok_or_else(|| {
            format!(
                "bad \"published\": {:?} is not a date (expected YYYY-MM-DD or RFC 3339)",
                p
            )
        })?),
    };
    let text = match o.get("text") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(_) => return Err("bad \"text\": expected a string".into()),
    };
    let html = match o.get("html") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(_) => return Err("bad \"html\": expected a string".into()),
    };
    let body = match (text, html) {
        (Some(t), _) if !t.trim().is_empty() => Body::Text(t),
        (_, Some(h)) if !h.trim().is_empty() => Body::Html(h),
        (None, None) => return Err("missing \"text\" or \"html\"".into()),
        _ => return Err("empty \"text\"".into()),
    };
    let (Body::Text(t) | Body::Html(t)) = &body;
    if t.len() as u64 > MAX_BYTES {
        return Err(format!("record too large ({} > 10 MB)", mb(t.len() as u64)));
    }
    let Some(reference) = id.or_else(|| url.clone()) else {
        return Ok(None);
    };
    Ok(Some(Article {
        reference,
        url,
        title,
        outlet,
        published,
        declared_language: language,
        body,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(item: &Item) -> &Article {
        match item {
            Item::Article(a) => &a.article,
            Item::Rejected(r) => panic!("rejected: {r}"),
        }
    }
    fn rejection(item: &Item) -> String {
        match item {
            Item::Rejected(r) => r.to_string(),
            Item::Article(a) => panic!("accepted: {:?}", a.article.reference),
        }
    }

    #[test]
    fn jsonl_records_and_bad_lines() {
        let data = concat!(
            "{\"id\":\"a1\",\"url\":\"https://x.ml/1\",\"title\":\"T\",\"outlet\":\"O\",\"published\":\"2025-01-02T08:00:00Z\",\"language\":\"fr\",\"text\":\"Bonjour.\"}\n",
            "\n",
            "{not json\n",
            "{\"url\":\"https://y.ml/2\",\"html\":\"<p>Hi</p>\"}\n",
            "{\"title\":\"no body\"}\n",
            "{\"id\":\"p\",\"text\":\"x\",\"published\":\"yesterday\"}\n",
            "[1,2]\n",
            "{\"text\":\"anonymous\"}\n",
        );
        let items = read_jsonl("r.jsonl", std::io::Cursor::new(data), Some("r"));
        assert_eq!(items.len(), 7);
        let a = article(&items[0]);
        assert_eq!(a.reference, "a1");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2025, 1, 2));
        assert_eq!(a.declared_language.as_deref(), Some("fr"));
        assert_eq!(a.body, Body::Text("Bonjour.".into()));
        assert_eq!(
            rejection(&items[1]),
            "r.jsonl:3: malformed JSON: key must be a string at column 2"
        );
        assert_eq!(article(&items[2]).reference, "https://y.ml/2");
        assert_eq!(article(&items[2]).body, Body::Html("<p>Hi</p>".into()));
        assert_eq!(
            rejection(&items[3]),
            "r.jsonl:5: missing \"text\" or \"html\""
        );
        assert_eq!(
            rejection(&items[4]),
            "r.jsonl:6: bad \"published\": \"yesterday\" is not a date (expected YYYY-MM-DD or RFC 3339)"
        );
        assert_eq!(rejection(&items[5]), "r.jsonl:7: expected a JSON object");
        assert_eq!(article(&items[6]).reference, "r-8");
    }

    #[test]
    fn empty_jsonl_is_rejected() {
        let items = read_jsonl("e.jsonl", std::io::Cursor::new("\n  \n"), Some("e"));
        assert_eq!(
            items.iter().map(rejection).collect::<Vec<_>>(),
            vec!["e.jsonl: empty file"]
        );
    }

    #[test]
    fn text_files_and_encodings() {
        let items = parse_file_bytes("d/n.txt", "n", Kind::Text, "Attaque à Sévaré.".as_bytes());
        assert_eq!(article(&items[0]).reference, "n");
        // "Sévaré" in Windows-1252 bytes.
        let items = parse_file_bytes(
            "w.txt",
            "w",
            Kind::Text,
            b"Attaque \xe0 S\xe9var\xe9 \x96 \x93ok\x94.",
        );
        assert_eq!(
            article(&items[0]).body,
            Body::Text("Attaque à Sévaré – “ok”.".into())
        );
        match &items[0] {
            Item::Article(a) => assert_eq!(a.notes, vec![CP1252_NOTE.to_string()]),
            _ => unreachable!(),
        }
        let items = parse_file_bytes("bad.txt", "bad", Kind::Text, b"abc \x81\x8d\x90 def");
        assert_eq!(
            rejection(&items[0]),
            "bad.txt: invalid text encoding (neither UTF-8 nor Windows-1252)"
        );
        let items = parse_file_bytes("x.bin.txt", "x", Kind::Text, b"ab\0cd");
        assert_eq!(rejection(&items[0]), "x.bin.txt: binary file (NUL bytes)");
        let items = parse_file_bytes("c.txt", "c", Kind::Text, b"\x01\x02\x03\x04abc");
        assert_eq!(
            rejection(&items[0]),
            "c.txt: binary file (control characters)"
        );
        let items = parse_file_bytes("e.txt", "e", Kind::Text, b" \n\t ");
        assert_eq!(rejection(&items[0]), "e.txt: empty file");
        let items = parse_file_bytes("p.html", "p", Kind::Html, b"<html><p>x</p></html>");
        assert_eq!(
            article(&items[0]).body,
            Body::Html("<html><p>x</p></html>".into())
        );
        // A BOM is dropped.
        let items = parse_file_bytes("b.md", "b", Kind::Text, "\u{feff}# Titre".as_bytes());
        assert_eq!(article(&items[0]).body, Body::Text("# Titre".into()));
    }

    #[test]
    fn json_arrays() {
        let items = parse_file_bytes(
            "a.json",
            "a",
            Kind::Json,
            br#"[{"id":"x","text":"un"},{"html":""},{"text":"deux"}]"#,
        );
        assert_eq!(article(&items[0]).reference, "x");
        assert_eq!(rejection(&items[1]), "a.json: record 2: empty \"text\"");
        assert_eq!(article(&items[2]).reference, "a-3");
        let items = parse_file_bytes("b.json", "b", Kind::Json, b"[1,");
        assert!(
            rejection(&items[0]).starts_with("b.json:1: malformed JSON: "),
            "{}",
            rejection(&items[0])
        );
        let items = parse_file_bytes("c.json", "c", Kind::Json, b"42");
        assert_eq!(
            rejection(&items[0]),
            "c.json: expected a JSON array of records or one record"
        );
    }

    #[test]
    fn published_dates() {
        let d = NaiveDate::from_ymd_opt(2024, 12, 31);
        assert_eq!(parse_published("2024-12-31"), d);
        assert_eq!(parse_published("2024-12-31T23:10:00+01:00"), d);
        assert_eq!(parse_published("2024-12-31 08:00:00"), d);
        assert_eq!(parse_published("Tue, 31 Dec 2024 10:00:00 +0000"), d);
        assert_eq!(parse_published("31/12/2024"), None);
        assert_eq!(parse_published("2024-02-30"), None);
    }

    #[test]
    fn numeric_ids_and_wrong_types() {
        let items = read_jsonl(
            "n.jsonl",
            std::io::Cursor::new(
                "{\"id\":12,\"text\":\"a\"}\n{\"id\":\"z\",\"title\":5,\"text\":\"a\"}\n",
            ),
            None,
        );
        assert_eq!(article(&items[0]).reference, "12");
        assert_eq!(
            rejection(&items[1]),
            "n.jsonl:2: bad \"title\": expected a string"
        );
    }
}
