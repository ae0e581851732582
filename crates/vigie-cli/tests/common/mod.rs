#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_vigie");

pub fn seeds_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/seeds"
    ))
}

pub fn schema_path() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/schema/incident.schema.json"
    ))
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

fn command(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--db").arg(db).args(args).env_remove("VIGIE_DB");
    c
}

pub fn vigie(db: &Path, args: &[&str]) -> Run {
    let o = command(db, args)
        .stdin(Stdio::null())
        .output()
        .expect("run vigie");
    Run::from(o)
}

pub fn vigie_stdin(db: &Path, args: &[&str], input: &[u8]) -> Run {
    let mut child = command(db, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vigie");
    {
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input).expect("write stdin");
    }
    Run::from(child.wait_with_output().expect("wait vigie"))
}

/// Refs listed by `vigie articles --format jsonl` (stored articles only).
pub fn article_refs(db: &Path) -> Vec<String> {
    let r = vigie(db, &["articles", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v.get("status").and_then(|s| s.as_str()) != Some("rejected"))
        .filter_map(|v| v.get("ref").and_then(|s| s.as_str()).map(str::to_string))
        .collect()
}

/// The summary line of an ingest.
pub fn summary(r: &Run) -> &str {
    r.stdout.lines().next().unwrap_or("")
}

pub fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).expect("write test file");
}

/// A JSON schema validator for the shared incident schema, or None when `../shared` is absent.
pub fn validator() -> Option<jsonschema::Validator> {
    let text = std::fs::read_to_string(schema_path()).ok()?;
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    Some(jsonschema::validator_for(&schema).expect("schema compiles"))
}

/// Validate every line of `vigie incidents --format jsonl`; returns the number of lines.
pub fn validate_incidents(db: &Path, v: &jsonschema::Validator) -> usize {
    let r = vigie(db, &["incidents", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut n = 0;
    for (i, line) in r.stdout.lines().enumerate() {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", i + 1));
        let errors: Vec<String> = v
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "line {} does not validate: {errors:?}\n{line}",
            i + 1
        );
        n += 1;
    }
    n
}

/// The lines of the bundled sample corpus (`corpus/sample/sample.jsonl`), blank lines left out.
pub fn sample_lines() -> Vec<String> {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/sample/sample.jsonl"
    ));
    std::fs::read_to_string(path)
        .expect("bundled sample corpus")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// `vigie incidents --format jsonl` with the `timestamp` of each incident removed, as JSON
/// values: what two stores holding the same incidents print alike.
pub fn incidents_without_timestamps(db: &Path) -> Vec<serde_json::Value> {
    let r = vigie(db, &["incidents", "--format", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).expect("jsonl");
            v.as_object_mut().expect("object").remove("timestamp");
            v
        })
        .collect()
}
