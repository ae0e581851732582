//! One watch cycle: poll the feeds that are due, ingest their new items, relink, compute
//! alerts, deliver webhooks. `vigie watch` runs cycles on a timer; `--once` runs one.
//!
//! Crash safety: each item is ingested together with its "seen" mark in one transaction
//! ([`Store::ingest_feed_item`]); feed validators (ETag, Last-Modified) are saved only after
//! every item of the document is in, so a document cut short by a crash is fetched again in
//! full; relinking is flagged in the store and done at the next run if the process died
//! before; alerts compare with the last recorded alert. So a `kill -9` at any moment loses no
//! item and ingests none twice.

use crate::feed::{self, FeedItem};
use crate::fetch::{Fetched, Fetcher, Validators};
use crate::{alerts, hooks};
use std::time::Duration;
use vigie_core::{Article, Body};
use vigie_store::{ArticleMeta, FeedRow, FeedStatusUpdate, Store};

#[derive(Debug, Clone)]
pub struct WatchConfig {
    /// Default time between two polls of a feed.
    pub interval: Duration,
    /// Poll every feed now, whatever its next poll time (`--once`).
    pub poll_all: bool,
    /// Fetch each new item's page (else use the item's own content).
    pub fetch_pages: bool,
    /// First wait before retrying a webhook delivery.
    pub retry_base: Duration,
}

impl Default for WatchConfig {
    fn default() -> Self {
        WatchConfig {
            interval: Duration::from_secs(300),
            poll_all: false,
            fetch_pages: true,
            retry_base: Duration::from_secs(30),
        }
    }
}

/// What one cycle did.
#[derive(Debug, Clone, Default)]
pub struct CycleReport {
    pub feeds_polled: usize,
    pub feeds_not_modified: usize,
    /// (feed URL, one-line error)
    pub feed_errors: Vec<(String, String)>,
    pub items_new: usize,
    pub articles_ingested: usize,
    /// Items whose page could not be had, read from the feed's own content.
    pub pages_missing: usize,
    pub incidents: usize,
    pub alerts: usize,
    pub delivered: usize,
    pub delivery_failures: usize,
}

impl CycleReport {
    pub fn line(&self) -> String {
        format!(
            "feeds polled {}, not modified {}, errors {}, new items {}, ingested {}, incidents {}, alerts {}, delivered {}, delivery failures {}",
            self.feeds_polled,
            self.feeds_not_modified,
            self.feed_errors.len(),
            self.items_new,
            self.articles_ingested,
            self.incidents,
            self.alerts,
            self.delivered,
            self.delivery_failures
        )
    }
}

/// Run one cycle. Feed problems end up on the feed's status and in the report; only store
/// errors are returned.
pub fn cycle(
    store: &mut Store,
    fetcher: &Fetcher,
    config: &WatchConfig,
) -> Result<CycleReport, String> {
    let now = alerts::unix_now();
    let mut report = CycleReport::default();
    let feeds = if config.poll_all {
        store.feeds()
    } else {
        store.due_feeds(now)
    }
    .map_err(|e| e.to_string())?;
    for feed in &feeds {
        poll_feed(store, fetcher, config, feed, &mut report)?;
    }
    report.incidents = store.relink_if_needed().map_err(|e| e.to_string())?;
    report.alerts = alerts::compute(store)?;
    let delivered = hooks::deliver_due(store, fetcher, config.retry_base)?;
    report.delivered = delivered.delivered;
    report.delivery_failures = delivered.retrying + delivered.failed;
    Ok(report)
}

/// Longest poll interval honoured: a week (also keeps time arithmetic far from overflow).
const MAX_INTERVAL: i64 = 7 * 86_400;

fn interval_of(feed: &FeedRow, config: &WatchConfig) -> i64 {
    feed.interval_secs
        .filter(|s| *s > 0)
        .unwrap_or_else(|| config.interval.as_secs().min(MAX_INTERVAL as u64) as i64)
        .clamp(1, MAX_INTERVAL)
}

/// After `errors` failures in a row: the interval doubled per failure (at most 6 hours), with
/// up to 20% jitter so that feeds failing together do not retry together.
pub fn error_delay(interval: i64, errors: i64, jitter_seed: u64) -> i64 {
    let doubled = interval.saturating_mul(1i64 << errors.clamp(0, 10));
    let capped = doubled.min(6 * 3600).max(interval);
    let jitter = (splitmix(jitter_seed) % 1000) as i64; // 0..999 per mille of 20%
    capped + capped * jitter / 5000
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn poll_feed(
    store: &mut Store,
    fetcher: &Fetcher,
    config: &WatchConfig,
    feed: &FeedRow,
    report: &mut CycleReport,
) -> Result<(), String> {
    report.feeds_polled += 1;
    let interval = interval_of(feed, config);
    let now = alerts::unix_now();
    let fail = |store: &mut Store, report: &mut CycleReport, error: String| {
        let seed = (now as u64) ^ (feed.id as u64).rotate_left(32);
        let next = now + error_delay(interval, feed.consecutive_errors + 1, seed);
        report.feed_errors.push((feed.url.clone(), error.clone()));
        store
            .record_feed_error(feed.id, &error, next)
            .map_err(|e| e.to_string())
    };
    let validators = Validators {
        etag: feed.etag.clone(),
        last_modified: feed.last_modified.clone(),
    };
    let (bytes, final_url, etag, last_modified) = match fetcher.get(&feed.url, &validators) {
        Err(e) => return fail(store, report, e),
        Ok(Fetched::NotModified) => {
            report.feeds_not_modified += 1;
            let update = FeedStatusUpdate {
                etag: feed.etag.clone(),
                last_modified: feed.last_modified.clone(),
                next_poll: now + interval,
            };
            return store
                .record_feed_success(feed.id, &update)
                .map_err(|e| e.to_string());
        }
        Ok(Fetched::Body {
            bytes,
            final_url,
            etag,
            last_modified,
            ..
        }) => (bytes, final_url, etag, last_modified),
    };
    let items = match feed::parse(&bytes, &final_url) {
        Ok(items) => items,
        Err(e) => return fail(store, report, e),
    };
    let keys: Vec<String> = items.iter().map(|i| i.key.clone()).collect();
    let known = store
        .known_feed_items(feed.id, &keys)
        .map_err(|e| e.to_string())?;
    // Oldest first, so that articles arrive in the order they were published.
    let mut new_items: Vec<&FeedItem> = items.iter().filter(|i| !known.contains(&i.key)).collect();
    new_items.sort_by_key(|i| i.published);
    let mut seen_now = std::collections::HashSet::new();
    for item in new_items {
        if !seen_now.insert(item.key.clone()) {
            continue; // the same item twice in one document
        }
        report.items_new += 1;
        let article = article_for(fetcher, config, feed, item, report);
        let processed = article.as_ref().map(|a| {
            let p = vigie_core::process(a);
            (p, ArticleMeta::from(a))
        });
        let outcome = store
            .ingest_feed_item(feed.id, &item.key, processed.as_ref().map(|(p, m)| (p, m)))
            .map_err(|e| e.to_string())?;
        if matches!(outcome, Some(Some(_))) {
            report.articles_ingested += 1;
        }
    }
    let update = FeedStatusUpdate {
        etag,
        last_modified,
        next_poll: now + interval,
    };
    store
        .record_feed_success(feed.id, &update)
        .map_err(|e| e.to_string())
}

/// The item as an article: its page's main text when the page can be had, else the item's
/// own content; `None` when there is nothing to read.
fn article_for(
    fetcher: &Fetcher,
    config: &WatchConfig,
    feed: &FeedRow,
    item: &FeedItem,
    report: &mut CycleReport,
) -> Option<Article> {
    let page = match (&item.link, config.fetch_pages) {
        (Some(link), true) => match fetcher.get(link, &Validators::default()) {
            Ok(Fetched::Body {
                bytes,
                content_type,
                ..
            }) => Some(decode_page(&bytes, content_type.as_deref())),
            _ => None,
        },
        _ => None,
    };
    let body = match page {
        Some(html) if !html.trim().is_empty() => Body::Html(html),
        _ => {
            if item.link.is_some() && config.fetch_pages {
                report.pages_missing += 1;
            }
            let content = item.content.clone().or_else(|| item.title.clone())?;
            if content.contains('<') {
                Body::Html(content)
            } else {
                Body::Text(content)
            }
        }
    };
    Some(Article {
        // The link names the article across feeds (the same story in two feeds is one
        // article); an item without one is named by its feed and key.
        reference: item
            .link
            .clone()
            .unwrap_or_else(|| format!("feed{}:{}", feed.id, item.key)),
        url: item.link.clone(),
        title: item.title.clone(),
        outlet: feed.name.clone().or_else(|| host_of(&feed.url)),
        published: item.published,
        declared_language: feed.language.clone(),
        body,
    })
}

/// A page's bytes as text: the charset its Content-Type or its `<meta>` declares, else UTF-8
/// when the bytes are UTF-8, else Windows-1252 (what "ISO-8859-1" pages really are).
pub fn decode_page(bytes: &[u8], content_type: Option<&str>) -> String {
    let declared = content_type
        .and_then(charset_in)
        .or_else(|| {
            let head =
                String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
            charset_in(&head)
        })
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    let encoding = match declared {
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
        None => encoding_rs::WINDOWS_1252,
    };
    // A BOM wins over the declaration, as in browsers.
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// The value after `charset=` in a header or a `<meta>` tag.
fn charset_in(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let value: String = lower[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| host.to_string())
}

/// Run cycles until `stop` says so, one every `tick` (the feeds' own intervals decide which
/// are polled). `on_cycle` sees each report.
pub fn run(
    store: &mut Store,
    fetcher: &Fetcher,
    config: &WatchConfig,
    tick: Duration,
    stop: &dyn Fn() -> bool,
    on_cycle: &mut dyn FnMut(Result<&CycleReport, &str>),
) {
    while !stop() {
        match cycle(store, fetcher, config) {
            Ok(r) => on_cycle(Ok(&r)),
            Err(e) => on_cycle(Err(&e)),
        }
        let deadline = std::time::Instant::now() + tick;
        while std::time::Instant::now() < deadline && !stop() {
            std::thread::sleep(Duration::from_millis(100).min(tick));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_delay_grows_with_jitter_and_a_cap() {
        let d1 = error_delay(300, 1, 7);
        assert!((600..=720).contains(&d1), "{d1}");
        let d3 = error_delay(300, 3, 7);
        assert!((2400..=2880).contains(&d3), "{d3}");
        let capped = error_delay(300, 30, 7);
        assert!((21600..=25920).contains(&capped), "{capped}");
        // Two feeds failing at the same time get different delays.
        assert_ne!(error_delay(300, 1, 1), error_delay(300, 1, 2));
    }

    #[test]
    fn pages_are_decoded_by_their_declared_charset() {
        let latin1 = b"<p>Des hommes arm\xe9s \xe0 Bobo</p>";
        assert_eq!(
            decode_page(latin1, Some("text/html; charset=ISO-8859-1")),
            "<p>Des hommes armés à Bobo</p>"
        );
        // Undeclared and not UTF-8: Windows-1252.
        assert_eq!(decode_page(latin1, None), "<p>Des hommes armés à Bobo</p>");
        let meta =
            b"<html><head><meta charset=\"windows-1252\"></head><body>arm\xe9s</body></html>";
        assert!(decode_page(meta, Some("text/html")).contains("armés"));
        assert_eq!(decode_page("armés".as_bytes(), None), "armés");
        assert_eq!(
            decode_page("\u{feff}armés".as_bytes(), Some("text/html; charset=utf-8")),
            "armés"
        );
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("http://a.example:8/x?y").as_deref(),
            Some("a.example:8")
        );
        assert_eq!(host_of("nonsense"), None);
    }
}
