//! `vigie report`: the situation report as HTML, Markdown, or PDF printed by headless Chromium.

use anyhow::Context;
use std::path::Path;
use std::process::Command;

/// The Chromium binary: `CHROMIUM` if set, else Debian's `/usr/bin/chromium`.
pub fn chromium() -> String {
    std::env::var("CHROMIUM")
        .ok()
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "/usr/bin/chromium".into())
}

/// Print `html` (a self-contained page) to `out` as PDF with headless Chromium. The page is
/// written to a temporary file; Chromium runs with its own temporary profile and without
/// background networking, so printing fetches nothing.
pub fn print_pdf(html: &str, out: &Path) -> anyhow::Result<()> {
    let dir = tempfile_dir()?;
    let page = dir.join("report.html");
    std::fs::write(&page, html).with_context(|| format!("cannot write {}", page.display()))?;
    let profile = dir.join("profile");
    let out_abs = if out.is_absolute() {
        out.to_path_buf()
    } else {
        std::env::current_dir()?.join(out)
    };
    let _ = std::fs::remove_file(&out_abs);
    let browser = chromium();
    let result = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", out_abs.display()))
        .arg(format!("file://{}", page.display()))
        .output();
    let cleanup = || {
        let _ = std::fs::remove_dir_all(&dir);
    };
    let output = match result {
        Ok(o) => o,
        Err(e) => {
            cleanup();
            anyhow::bail!(
                "cannot run {browser}: {e} (install Chromium: apt-get install -y chromium, or set CHROMIUM)"
            );
        }
    };
    cleanup();
    let made = std::fs::metadata(&out_abs)
        .map(|m| m.len() > 0)
        .unwrap_or(false);
    if !output.status.success() || !made {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        anyhow::bail!(
            "{browser} did not print {} ({}): {last}",
            out_abs.display(),
            output.status
        );
    }
    Ok(())
}

/// A fresh private temporary directory (std has none; the name is unique per process and call).
fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "vigie-report-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}
