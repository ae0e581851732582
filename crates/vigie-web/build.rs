//! Builds the web UI (`web/dist`) that `src/assets.rs` embeds, when it is missing or older than
//! its sources: `npm ci` (only if `web/node_modules` is absent) then `npm run build`.
//! Set `VIGIE_SKIP_WEB_BUILD=1` to use `web/dist` as it is.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

fn newest(path: &Path) -> Option<SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_dir() {
        std::fs::read_dir(path)
            .ok()?
            .filter_map(|e| e.ok())
            .filter_map(|e| newest(&e.path()))
            .max()
    } else {
        meta.modified().ok()
    }
}

fn npm(web: &Path, args: &[&str]) -> Result<(), String> {
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    match Command::new(npm).args(args).current_dir(web).status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!(
            "`npm {}` in {} failed ({s})",
            args.join(" "),
            web.display()
        )),
        Err(e) => Err(format!(
            "cannot run `npm {}` in {} ({e}). Install Node.js and npm (Debian: apt-get install \
             nodejs npm), or build the UI yourself: cd web && npm ci && npm run build",
            args.join(" "),
            web.display()
        )),
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let web = manifest.join("../../web");
    for p in [
        "src",
        "build.mjs",
        "package.json",
        "package-lock.json",
        "geo",
    ] {
        println!("cargo:rerun-if-changed={}", web.join(p).display());
    }
    println!(
        "cargo:rerun-if-changed={}",
        web.join("dist/index.html").display()
    );
    println!("cargo:rerun-if-env-changed=VIGIE_SKIP_WEB_BUILD");

    let index = web.join("dist/index.html");
    let built = newest(&index);
    let sources = ["src", "build.mjs", "package-lock.json", "geo"]
        .iter()
        .filter_map(|p| newest(&web.join(p)))
        .max();
    let stale = match (built, sources) {
        (None, _) => true,
        (Some(b), Some(s)) => s > b,
        (Some(_), None) => false,
    };
    if !stale || std::env::var_os("VIGIE_SKIP_WEB_BUILD").is_some() {
        if built.is_none() {
            panic!(
                "vigie-web: {} is missing and VIGIE_SKIP_WEB_BUILD is set",
                index.display()
            );
        }
        return;
    }
    let mut result = Ok(());
    if !web.join("node_modules/leaflet").exists() {
        result = npm(&web, &["ci", "--no-audit", "--no-fund"]);
    }
    if result.is_ok() {
        result = npm(&web, &["run", "build"]);
    }
    match result {
        Ok(()) if index.exists() => {}
        Ok(()) => panic!(
            "vigie-web: `npm run build` did not produce {}",
            index.display()
        ),
        // An older build is still a working UI: keep it, but say so.
        Err(e) if built.is_some() => {
            println!(
                "cargo:warning=vigie-web: web UI not rebuilt, embedding the existing web/dist: {e}"
            )
        }
        Err(e) => panic!("vigie-web: the embedded web UI (web/dist) cannot be built: {e}"),
    }
}
