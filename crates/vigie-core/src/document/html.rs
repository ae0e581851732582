//! Main text out of an HTML page with `dom_smoothie` (Readability), plus the page's title,
//! publication date and declared language. When Readability cannot find an article (short
//! pages), the body's text is taken after dropping scripts, styles and page furniture
//! (nav, header, footer, aside, forms...). Entities are decoded by the HTML parser; paragraph
//! breaks come from block elements.

use chrono::NaiveDate;
use dom_smoothie::{Config, Readability, TextMode};
use regex::Regex;
use std::sync::LazyLock;

/// Readability output shorter than this (chars) is compared with the plain body text.
const MIN_READABLE_CHARS: usize = 140;

/// Elements never part of the story, removed before the fallback text extraction.
const FURNITURE_SELECTOR: &str = "script, style, noscript, template, nav, header, footer, aside, \
     form, iframe, svg, button, select, menu, [role=navigation], [role=banner], \
     [role=contentinfo], [aria-hidden=true]";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Readability found the article.
    Readability,
    /// Readability failed or found too little: body text without furniture elements.
    Fallback,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// Plain text, paragraphs separated by blank lines (not yet cleaned).
    pub text: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// The page's declared language (`<html lang>`), if any.
    pub lang: Option<String>,
    pub method: Method,
}

/// Parse an ISO-8601-like date ("2026-01-11", "2026-01-11T08:00:00+00:00").
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

fn fallback_text(html: &str) -> (String, Option<String>, Option<String>) {
    let r = Readability::from(html);
    let title = non_empty(&r.get_article_title());
    let lang = r
        .doc
        .select("html")
        .attr("lang")
        .and_then(|l| non_empty(&l));
    r.doc.select(FURNITURE_SELECTOR).remove();
    let body = r.doc.select("body");
    let text = if body.exists() {
        body.formatted_text()
    } else {
        r.doc.formatted_text()
    };
    (text.to_string(), title, lang)
}

/// Last resort if the HTML parser ever panics: scripts/styles dropped, tags stripped,
/// common entities decoded.
fn naive_text(html: &str) -> String {
    static BLOCKS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?is)<(script|style|noscript|template|nav|header|footer|aside)\b.*?</\s*(script|style|noscript|template|nav|header|footer|aside)\s*>")
            .expect("valid regex")
    });
    static BREAKS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)</?(p|div|br|h[1-6]|li|tr|article|section|blockquote)\b[^>]*>")
            .expect("valid regex")
    });
    static TAGS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").expect("valid regex"));
    static ENTITIES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").expect("valid regex")
    });
    let t = BLOCKS.replace_all(html, " ");
    let t = BREAKS.replace_all(&t, "\n\n");
    let t = TAGS.replace_all(&t, "");
    ENTITIES
        .replace_all(&t, |c: &regex::Captures| {
            let e = &c[1];
            let ch = if let Some(hex) = e.strip_prefix("#x").or_else(|| e.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = e.strip_prefix('#') {
                dec.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                match e {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some('\u{A0}'),
                    "rsquo" => Some('’'),
                    "lsquo" => Some('‘'),
                    "laquo" => Some('«'),
                    "raquo" => Some('»'),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    "hellip" => Some('…'),
                    _ => None,
                }
            };
            ch.map_or_else(|| c[0].to_string(), String::from)
        })
        .into_owned()
}

/// Extract the main text and metadata of an HTML page. Never fails, never panics: should the
/// HTML parser panic on some input, the tags are stripped instead.
pub fn extract(html: &str) -> Extracted {
    match std::panic::catch_unwind(|| extract_dom(html)) {
        Ok(ex) => ex,
        Err(_) => Extracted {
            text: naive_text(html),
            title: None,
            published: None,
            lang: None,
            method: Method::Fallback,
        },
    }
}

fn extract_dom(html: &str) -> Extracted {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let parsed = Readability::new(html, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok());
    match parsed {
        Some(article) => {
            let title = non_empty(&article.title);
            let published = article.published_time.as_deref().and_then(parse_date);
            let lang = article.lang.as_deref().and_then(non_empty);
            let text = article.text_content.to_string();
            if text.trim().chars().count() >= MIN_READABLE_CHARS {
                return Extracted {
                    text,
                    title,
                    published,
                    lang,
                    method: Method::Readability,
                };
            }
            let (fb, fb_title, fb_lang) = fallback_text(html);
            // Readability found little: on such short pages it keeps menus it would drop on
            // long ones, so the body without furniture elements is the better text.
            if !fb.trim().is_empty() {
                let (title, lang) = (title.or(fb_title), lang.or(fb_lang));
                Extracted {
                    text: fb,
                    title,
                    published,
                    lang,
                    method: Method::Fallback,
                }
            } else {
                Extracted {
                    text,
                    title,
                    published,
                    lang,
                    method: Method::Readability,
                }
            }
        }
        None => {
            let (text, title, lang) = fallback_text(html);
            Extracted {
                text,
                title,
                published: None,
                lang,
                method: Method::Fallback,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naive_text_strips_tags_scripts_and_decodes_entities() {
        let t = naive_text("<p>L&#8217;arm&eacute;e &amp; la <b>police</b></p><script>x&lt;1</script><p>Fin&hellip;</p>");
        assert_eq!(
            t.split_whitespace().collect::<Vec<_>>().join(" "),
            "L’arm&eacute;e & la police Fin…"
        );
    }

    #[test]
    fn dates_parse() {
        assert_eq!(
            parse_date("2025-09-14T08:30:00+00:00"),
            NaiveDate::from_ymd_opt(2025, 9, 14)
        );
        assert_eq!(parse_date("14/09/2025"), None);
        assert_eq!(parse_date("2025"), None);
    }
}
