//! Latency from a feed item published to its alert received by a webhook, with `vigie watch`
//! polling on an interval. Slow (minutes), so ignored by default:
//!
//! ```sh
//! VIGIE_LATENCY_INTERVAL=30 VIGIE_LATENCY_ITEMS=6 \
//!   cargo test -p vigie-cli --test monitor_latency -- --ignored --nocapture
//! ```
//!
//! Items are published at random moments of the poll cycle; the figures are written in
//! BENCHMARKS.md.

mod common;
mod loopback;

use common::*;
use loopback::{page, rss, rss_of, Reply, Server};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TOWNS: [&str; 8] = [
    "Boromo",
    "Sabou",
    "Houndé",
    "Pa",
    "Bagassi",
    "Koudougou",
    "Léo",
    "Dédougou",
];

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
#[ignore = "takes minutes; run by hand to measure (see the module docs)"]
fn item_published_to_webhook_received() {
    let interval = env_u64("VIGIE_LATENCY_INTERVAL", 30);
    let n = env_u64("VIGIE_LATENCY_ITEMS", 6).min(TOWNS.len() as u64) as usize;
    let server = Server::start();
    server.set("/feed.xml", Reply::ok("application/rss+xml", rss(&[])));
    server.set("/hook", Reply::ok("text/plain", "ok"));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("latency.db");
    for args in [
        vec!["feeds", "add", &server.url("/feed.xml"), "--language", "fr"],
        vec![
            "zones",
            "add",
            "West",
            "--point",
            "12.0,-3.0",
            "--radius",
            "300",
        ],
        vec!["hooks", "add", &server.url("/hook")],
    ] {
        let r = vigie(&db, &args);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let mut child = Command::new(BIN)
        .args([
            "--db",
            db.to_str().unwrap(),
            "-q",
            "watch",
            "--allow-private",
        ])
        .args(["--interval", &interval.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut rng = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    let mut items: Vec<(String, String, String, String, String)> = Vec::new();
    let mut latencies = Vec::new();
    for (i, town) in TOWNS.iter().take(n).enumerate() {
        // Publish at a random moment of the poll cycle.
        rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_millis((rng >> 33) % (interval * 1000)));
        let title = format!("Burkina Faso : {} civils tués à {town}", i + 3);
        let text = format!(
            "Des hommes armés ont tué {} civils à {town}, au Burkina Faso, le {} mars 2026, selon des sources locales.",
            i + 3,
            i + 1
        );
        let path = format!("/a/{i}.html");
        server.set(&path, Reply::ok("text/html", page(&title, &[&text])));
        items.push((
            format!("latency-{i}"),
            title,
            server.url(&path),
            format!("{:02} Mar 2026 08:00:00 GMT", i + 2),
            text,
        ));
        let before = server.requests("/hook").len();
        server.set(
            "/feed.xml",
            Reply::ok("application/rss+xml", rss_of(&items)),
        );
        let published = Instant::now();
        while server.requests("/hook").len() == before {
            assert!(
                published.elapsed() < Duration::from_secs(interval * 3 + 30),
                "no alert for {town}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let latency = published.elapsed();
        eprintln!("{town}: {:.1} s", latency.as_secs_f64());
        latencies.push(latency.as_secs_f64());
    }
    child.kill().unwrap();
    let _ = child.wait();
    latencies.sort_by(f64::total_cmp);
    let mean = latencies.iter().sum::<f64>() / latencies.len() as f64;
    eprintln!(
        "interval {interval} s, {} items: min {:.1} s, median {:.1} s, mean {mean:.1} s, max {:.1} s",
        latencies.len(),
        latencies[0],
        latencies[latencies.len() / 2],
        latencies[latencies.len() - 1]
    );
    assert!(latencies[latencies.len() - 1] < (interval + 30) as f64);
}
