//! RSS 2.0 / Atom (and RSS 1.0, JSON Feed: whatever `feed-rs` reads) into [`FeedItem`]s, and
//! OPML subscription lists into feed URLs.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

/// One entry of a feed, reduced to what Vigie needs.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// What identifies the item within its feed: the guid/id, else the link, else a hash of
    /// its title and text. Stable across polls, so an item is ingested once.
    pub key: String,
    pub link: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// The item's own content (or summary), HTML or text, used when its page cannot be had.
    pub content: Option<String>,
}

/// Parse a feed document. The error is one line.
pub fn parse(bytes: &[u8], source_url: &str) -> Result<Vec<FeedItem>, String> {
    // The generator decides nothing: an empty id tells us the feed gave none (feed-rs would
    // otherwise invent a random UUID, which changes at every poll).
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser
        .parse(bytes)
        .map_err(|e| format!("not a feed (RSS/Atom): {}", one_line(&e.to_string())))?;
    let mut items = Vec::with_capacity(feed.entries.len());
    for entry in feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| resolve_link(source_url, l.href.trim()))
            .filter(|l| !l.is_empty());
        let title = entry
            .title
            .map(|t| t.content.trim().to_string())
            .filter(|t| !t.is_empty());
        let content = entry
            .content
            .and_then(|c| c.body)
            .or(entry.summary.map(|s| s.content))
            .filter(|c| !c.trim().is_empty());
        let published = entry.published.or(entry.updated).map(|d| d.date_naive());
        let key = if !entry.id.trim().is_empty() {
            entry.id.trim().to_string()
        } else if let Some(l) = &link {
            l.clone()
        } else {
            let mut h = Sha256::new();
            h.update(title.as_deref().unwrap_or("").as_bytes());
            h.update([0]);
            h.update(content.as_deref().unwrap_or("").as_bytes());
            let digest = h.finalize();
            let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
            format!("sha256:{hex}")
        };
        if link.is_none() && title.is_none() && content.is_none() {
            continue; // nothing to read and nothing to name it by
        }
        items.push(FeedItem {
            key,
            link,
            title,
            published,
            content,
        });
    }
    Ok(items)
}

/// A relative link ("/a/1.html") made absolute against the feed's URL.
fn resolve_link(base: &str, href: &str) -> String {
    if href.contains("://") || href.is_empty() {
        return href.to_string();
    }
    let Some(scheme_end) = base.find("://") else {
        return href.to_string();
    };
    let after = &base[scheme_end + 3..];
    let host_end = after.find('/').map_or(base.len(), |i| scheme_end + 3 + i);
    if let Some(rest) = href.strip_prefix("//") {
        return format!("{}//{rest}", &base[..scheme_end + 1]);
    }
    if href.starts_with('/') {
        return format!("{}{href}", &base[..host_end]);
    }
    let dir_end = base[host_end..]
        .rfind('/')
        .map_or(base.len(), |i| host_end + i + 1);
    let dir = &base[..dir_end];
    if dir.ends_with('/') {
        format!("{dir}{href}")
    } else {
        format!("{dir}/{href}")
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A feed listed in an OPML file.
#[derive(Debug, Clone, PartialEq)]
pub struct OpmlFeed {
    pub url: String,
    pub name: Option<String>,
    pub language: Option<String>,
}

/// The `xmlUrl` of every `<outline>` of an OPML document. Errors name the line.
pub fn parse_opml(text: &str) -> Result<Vec<OpmlFeed>, String> {
    if !text.contains("<opml") {
        return Err("line 1: not an OPML document (no <opml> element)".into());
    }
    let mut out = Vec::new();
    for (i, line_text) in text.lines().enumerate() {
        let mut rest = line_text;
        while let Some(start) = rest.find("<outline") {
            let tail = &rest[start..];
            let Some(end) = tail.find('>') else {
                return Err(format!("line {}: <outline> not closed on its line", i + 1));
            };
            let element = &tail[..end];
            if let Some(url) = attribute(element, "xmlUrl") {
                if !(url.starts_with("http://") || url.starts_with("https://")) {
                    return Err(format!(
                        "line {}: xmlUrl {url:?} is not an http(s) URL",
                        i + 1
                    ));
                }
                out.push(OpmlFeed {
                    url,
                    name: attribute(element, "title").or_else(|| attribute(element, "text")),
                    language: attribute(element, "language"),
                });
            }
            rest = &tail[end..];
        }
    }
    Ok(out)
}

fn attribute(element: &str, name: &str) -> Option<String> {
    for quote in ['"', '\''] {
        let pattern = format!("{name}={quote}");
        if let Some(at) = element.find(&pattern) {
            let value_start = at + pattern.len();
            let value_end = element[value_start..].find(quote)? + value_start;
            return Some(unescape_xml(&element[value_start..value_end]));
        }
    }
    None
}

fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sahel info</title><link>http://example.org/</link>
<item><title>Attaque à Djibo</title><link>/a/1.html</link><guid isPermaLink="false">item-1</guid>
<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate><description>&lt;p&gt;Des hommes armés…&lt;/p&gt;</description></item>
<item><title>Sans guid</title><link>http://example.org/a/2.html</link></item>
<item><description>Only text, no title nor link.</description></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<updated>2026-03-04T10:00:00Z</updated>
<entry><id>urn:wire:42</id><title>Gunmen attack convoy</title>
<link rel="alternate" href="http://example.org/en/42"/><published>2026-03-04T09:00:00Z</published>
<updated>2026-03-04T10:00:00Z</updated><content type="html">&lt;p&gt;Gunmen attacked…&lt;/p&gt;</content></entry>
</feed>"#;

    #[test]
    fn rss_items_keep_guid_link_date_and_content() {
        let items = parse(RSS.as_bytes(), "http://example.org/feed.xml").unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].key, "item-1");
        assert_eq!(
            items[0].link.as_deref(),
            Some("http://example.org/a/1.html")
        );
        assert_eq!(items[0].published, NaiveDate::from_ymd_opt(2026, 3, 3));
        assert!(items[0]
            .content
            .as_deref()
            .unwrap()
            .contains("hommes armés"));
        // No guid: the link identifies the item.
        assert_eq!(items[1].key, "http://example.org/a/2.html");
        // Neither: a hash of the text, the same at every parse.
        assert!(items[2].key.starts_with("sha256:"));
        let again = parse(RSS.as_bytes(), "http://example.org/feed.xml").unwrap();
        assert_eq!(items[2].key, again[2].key);
    }

    #[test]
    fn atom_entries() {
        let items = parse(ATOM.as_bytes(), "http://example.org/atom").unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].key, "urn:wire:42");
        assert_eq!(items[0].title.as_deref(), Some("Gunmen attack convoy"));
        assert_eq!(items[0].link.as_deref(), Some("http://example.org/en/42"));
        assert_eq!(items[0].published, NaiveDate::from_ymd_opt(2026, 3, 4));
    }

    #[test]
    fn bad_xml_is_a_one_line_error() {
        for bad in [
            "",
            "<rss><channel><item>",
            "not xml at all",
            "<html><body></body></html>",
        ] {
            let e = parse(bad.as_bytes(), "http://x/").unwrap_err();
            assert!(!e.contains('\n'), "{e}");
            assert!(e.starts_with("not a feed"), "{e}");
        }
    }

    #[test]
    fn opml_lists_feed_urls_and_names_bad_lines() {
        let opml = "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body>\n\
            <outline text=\"Sahel\" title=\"Sahel &amp; co\" type=\"rss\" xmlUrl=\"http://a.example/rss\"/>\n\
            <outline text=\"folder\"><outline text=\"B\" xmlUrl='https://b.example/atom' language=\"en\"/></outline>\n\
            </body></opml>";
        let feeds = parse_opml(opml).unwrap();
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[0].name.as_deref(), Some("Sahel & co"));
        assert_eq!(feeds[1].url, "https://b.example/atom");
        assert_eq!(feeds[1].language.as_deref(), Some("en"));
        let bad = "<opml><body>\n<outline xmlUrl=\"file:///etc/passwd\"/>\n</body></opml>";
        assert_eq!(
            parse_opml(bad).unwrap_err(),
            "line 2: xmlUrl \"file:///etc/passwd\" is not an http(s) URL"
        );
        assert!(parse_opml("hello").is_err());
    }

    #[test]
    fn relative_links() {
        assert_eq!(
            resolve_link("http://h:8/f/feed.xml", "a.html"),
            "http://h:8/f/a.html"
        );
        assert_eq!(
            resolve_link("http://h:8/f/feed.xml", "/a.html"),
            "http://h:8/a.html"
        );
        assert_eq!(resolve_link("https://h/f", "//o/x"), "https://o/x");
        assert_eq!(resolve_link("http://h", "a"), "http://h/a");
    }
}
