//! Main text out of an HTML page with `dom_smoothie` (Readability), plus the page's title,
//! publication date and declared language. When Readability cannot find an article (short
//! pages), the body's text is taken after dropping scripts, styles and page furniture
//! (nav, header, footer, aside, forms...). Entities are decoded by the HTML parser; paragraph
//! breaks come from block elements.
//!
//! Nesting is bounded twice: html5ever's tree builder scans its stack of open elements for most
//! start tags, and Readability's work grows with the depth of the tree times its size, so a
//! page of thousands of nested elements took seconds (8,000 nested `<div>`: 16 s through the
//! whole pipeline, release). While parsing, start tags that would open an element beyond
//! [`MAX_OPEN`] are dropped; in the tree built, elements deeper than [`MAX_NESTING`] are
//! unwrapped ([`bound_nesting`]). Both keep the text of the deep content, in order, with line
//! breaks where blocks were. Pages within the bounds are parsed and handed to Readability
//! untouched.

use chrono::NaiveDate;
use dom_query::{Document, Matcher, NodeId, NodeRef};
use dom_smoothie::{Config, Readability, TextMode};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeBuilderOpts};
use html5ever::{LocalName, TokenizerResult};
use regex::Regex;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Readability output shorter than this (chars) is compared with the plain body text.
const MIN_READABLE_CHARS: usize = 140;

/// Elements never part of the story, removed before the fallback text extraction.
const FURNITURE_SELECTOR: &str = "script, style, noscript, template, nav, header, footer, aside, \
     form, iframe, svg, button, select, menu, [role=navigation], [role=banner], \
     [role=contentinfo], [aria-hidden=true]";

/// Deepest element nesting handed to Readability (`<html>` is at depth 1, `<body>` at 2).
/// Far above ordinary pages (those of `tests/nested_html.rs` nest 4 to 44 levels); Blink caps
/// the depth of the tree its HTML parser builds at 512.
pub const MAX_NESTING: usize = 128;

/// Most elements the HTML parser keeps open at once (its stack of open elements and list of
/// active formatting elements, counted together); start tags beyond are dropped.
pub const MAX_OPEN: usize = 2 * MAX_NESTING;

/// Elements beyond the bounds dropped with their content rather than unwrapped: never article
/// text (scripts, styles, embedded documents, hidden elements, page furniture), and unwrapping
/// them would turn their content into visible text. [`drop_whole`] says the same of a tag.
const DROP_DEEP_SELECTOR: &str = "title, script, style, noscript, template, iframe, \
     object, embed, canvas, svg, math, textarea, select, button, nav, header, footer, aside, \
     form, menu, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], \
     [hidden], [style*=\"display:none\"], [style*=\"display: none\"], \
     [style*=\"visibility:hidden\"], [style*=\"visibility: hidden\"]";

/// Phrasing elements: unwrapped below [`MAX_NESTING`] without a line break around their text.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u", "var",
];

/// Void and raw-text elements: never dropped by the parser bound (void ones open nothing; the
/// tokenizer reads a raw-text element's content as text only when its start tag is seen).
const PASS: &[&str] = &[
    "area",
    "base",
    "basefont",
    "bgsound",
    "br",
    "col",
    "embed",
    "frame",
    "hr",
    "image",
    "img",
    "input",
    "keygen",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Elements dropped with their content beyond the parser bound (as [`DROP_DEEP_SELECTOR`]).
/// (`<head>` is not among them: out of place, the tree builder ignores it, and it would hide
/// everything up to a `</head>` that may not come.)
const DROP_WHOLE: &[&str] = &[
    "template", "object", "canvas", "svg", "math", "select", "button", "nav", "header", "footer",
    "aside", "form", "menu",
];

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// Whether a start tag opens an element [`DROP_DEEP_SELECTOR`] matches.
fn drop_whole(tag: &Tag) -> bool {
    let name: &str = &tag.name;
    DROP_WHOLE.contains(&name)
        || attr(tag, "hidden").is_some()
        || attr(tag, "aria-hidden") == Some("true")
        || matches!(
            attr(tag, "role"),
            Some("navigation" | "banner" | "contentinfo")
        )
        || attr(tag, "style").is_some_and(|st| {
            [
                "display:none",
                "display: none",
                "visibility:hidden",
                "visibility: hidden",
            ]
            .iter()
            .any(|p| st.contains(p))
        })
}

/// Counts the handles the tree builder holds.
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = NodeId;
    fn trace_handle(&self, _: &NodeId) {
        self.0.set(self.0.get() + 1);
    }
}

/// Sits between html5ever's tokenizer and tree builder and keeps the tree builder's open
/// elements within [`MAX_OPEN`]: beyond it, a start tag is dropped (an inline one), replaced by
/// a `<br>` (a block one, so the text of sibling blocks does not run together), or dropped with
/// everything up to its end tag ([`drop_whole`]); in SVG or MathML it is dropped. The end tag of
/// a dropped start tag is dropped (or replaced by a `<br>`) too. Below the bound every token
/// passes untouched.
struct Bounded {
    builder: TreeBuilder<NodeId, Document>,
    /// Start tags dropped, by name, whose end tags have not come yet.
    open_dropped: RefCell<HashMap<LocalName, usize>>,
    /// Inside an element dropped with its content: its name and how many of that name are open.
    skipping: RefCell<Option<(LocalName, usize)>>,
    /// Start tags dropped or replaced.
    dropped: Cell<usize>,
    /// The last token handed on was a `<br>` of ours (whitespace aside): no second one.
    after_break: Cell<bool>,
}

impl Bounded {
    fn open_elements(&self) -> usize {
        let count = Count(Cell::new(0));
        self.builder.trace_handles(&count);
        count.0.get()
    }

    fn break_line(&self, line_number: u64) -> TokenSinkResult<NodeId> {
        if self.after_break.replace(true) {
            return TokenSinkResult::Continue;
        }
        let br = Tag {
            kind: TagKind::StartTag,
            name: LocalName::from("br"),
            self_closing: false,
            attrs: Vec::new(),
            had_duplicate_attributes: false,
        };
        self.builder.process_token(Token::TagToken(br), line_number)
    }
}

impl TokenSink for Bounded {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        {
            let mut skipping = self.skipping.borrow_mut();
            if let Some((name, open)) = skipping.as_mut() {
                match &token {
                    Token::TagToken(t) if t.name == *name => {
                        if t.kind == TagKind::StartTag {
                            *open += usize::from(!t.self_closing);
                        } else {
                            *open -= 1;
                            if *open == 0 {
                                *skipping = None;
                            }
                        }
                    }
                    Token::EOFToken => *skipping = None,
                    _ => {}
                }
                if !matches!(token, Token::EOFToken) {
                    return TokenSinkResult::Continue;
                }
            }
        }
        match &token {
            Token::TagToken(t)
                if t.kind == TagKind::StartTag
                    && !PASS.contains(&&*t.name)
                    && self.open_elements() >= MAX_OPEN =>
            {
                self.dropped.set(self.dropped.get() + 1);
                if self
                    .builder
                    .adjusted_current_node_present_but_not_in_html_namespace()
                {
                    return TokenSinkResult::Continue;
                }
                if drop_whole(t) {
                    if !(t.self_closing && matches!(&*t.name, "svg" | "math")) {
                        *self.skipping.borrow_mut() = Some((t.name.clone(), 1));
                    }
                    return TokenSinkResult::Continue;
                }
                *self
                    .open_dropped
                    .borrow_mut()
                    .entry(t.name.clone())
                    .or_default() += 1;
                if INLINE.contains(&&*t.name) {
                    return TokenSinkResult::Continue;
                }
                return self.break_line(line_number);
            }
            Token::TagToken(t) if t.kind == TagKind::EndTag => {
                let was_dropped = match self.open_dropped.borrow_mut().get_mut(&t.name) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        true
                    }
                    _ => false,
                };
                if was_dropped {
                    if INLINE.contains(&&*t.name) {
                        return TokenSinkResult::Continue;
                    }
                    return self.break_line(line_number);
                }
            }
            _ => {}
        }
        let blank = match &token {
            Token::CharacterTokens(text) => text.trim().is_empty(),
            Token::ParseError(_) => true,
            _ => false,
        };
        if !blank {
            self.after_break.set(false);
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

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
    /// How deep the page nests, and what the bounds did to it.
    pub nesting: Nesting,
}

/// Element nesting of a page: what the parser dropped, the tree it built, the tree handed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Nesting {
    /// Start tags the parser dropped (or replaced by a line break) beyond [`MAX_OPEN`].
    pub dropped: usize,
    /// Depth of the tree the parser built (`<html>` = 1).
    pub parsed: usize,
    /// Depth of the tree handed to Readability, after [`bound_nesting`].
    pub handed: usize,
}

impl Nesting {
    /// Whether a bound changed the page.
    pub fn bounded(&self) -> bool {
        self.dropped > 0 || self.parsed > MAX_NESTING
    }
}

/// Greatest element depth under `root` (elements only; `root`'s own children are at depth 1).
fn max_depth(root: NodeRef) -> usize {
    let mut max = 0;
    let mut stack: Vec<(NodeRef, usize)> = vec![(root, 0)];
    while let Some((node, depth)) = stack.pop() {
        max = max.max(depth);
        for child in node.children_it(false) {
            if child.is_element() {
                stack.push((child, depth + 1));
            }
        }
    }
    max
}

/// Whether the nearest sibling on one side, whitespace-only text aside, is a `<br>`.
fn next_to_break(node: &NodeRef, before: bool) -> bool {
    let mut sib = if before {
        node.prev_sibling()
    } else {
        node.next_sibling()
    };
    while let Some(s) = sib {
        if s.is_element() {
            return s.has_name("br");
        }
        if !(s.is_text() && s.text().trim().is_empty()) {
            return false;
        }
        sib = if before {
            s.prev_sibling()
        } else {
            s.next_sibling()
        };
    }
    false
}

/// Bound the element nesting of a parsed page to [`MAX_NESTING`]; returns the depth it had.
///
/// Each element deeper than the bound that holds other elements is unwrapped: its children take
/// its place, in order, so its text is kept. A block element (anything not phrasing content)
/// leaves a `<br>` before and after its content so the text of sibling blocks does not run
/// together (no `<br>` next to another one). Elements that hold only text are kept, so the tree
/// handed on is at most `MAX_NESTING + 1` deep. Deep elements that are never article text
/// ([`DROP_DEEP_SELECTOR`]) are removed with their content. Within the bound the page is not
/// touched. Linear in the size of the page.
pub fn bound_nesting(doc: &Document) -> usize {
    let root = doc.root();
    let depth = max_depth(root);
    if depth <= MAX_NESTING {
        return depth;
    }
    // The elements below the bound, in document order, with their depths.
    let mut deep: Vec<(NodeRef, usize)> = Vec::new();
    let mut stack: Vec<(NodeRef, usize)> = vec![(root, 0)];
    while let Some((node, d)) = stack.pop() {
        if d > MAX_NESTING {
            deep.push((node, d));
        }
        for child in node.children_it(true) {
            if child.is_element() {
                stack.push((child, d + 1));
            }
        }
    }
    static DROP: LazyLock<Matcher> =
        LazyLock::new(|| Matcher::new(DROP_DEEP_SELECTOR).expect("valid selector"));
    // Ancestors are handled before their descendants: when an element's turn comes, the
    // unwrapped elements above it are gone and it sits right under an element at the bound.
    let mut dropped_at: Option<usize> = None;
    for (el, d) in deep {
        if let Some(top) = dropped_at {
            if d > top {
                continue; // inside a dropped element
            }
            dropped_at = None;
        }
        if el.is_match(&DROP) {
            el.remove_from_parent();
            dropped_at = Some(d);
            continue;
        }
        let Some(first) = el.first_child() else {
            continue;
        };
        if !el.children_it(false).any(|c| c.is_element()) {
            continue;
        }
        let block = !INLINE.iter().any(|n| el.has_name(n));
        if block && !next_to_break(&el, true) {
            el.insert_before(&doc.tree.new_element("br"));
        }
        if block && !next_to_break(&el, false) {
            el.insert_after(&doc.tree.new_element("br"));
        }
        el.insert_siblings_before(&first);
        el.remove_from_parent();
    }
    depth
}

/// Parse a page with html5ever as `dom_query` does (`Document::from`, scripting off), with the
/// parser's open elements bounded ([`MAX_OPEN`], see [`Bounded`]), then bound the nesting of
/// the tree ([`bound_nesting`]).
fn parse_page(html: &str) -> (Document, Nesting) {
    let builder = TreeBuilder::new(
        Document::default(),
        TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
    );
    let sink = Bounded {
        builder,
        open_dropped: RefCell::new(HashMap::new()),
        skipping: RefCell::new(None),
        dropped: Cell::new(0),
        after_break: Cell::new(false),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let dropped = tokenizer.sink.dropped.get();
    let doc = tokenizer.sink.builder.sink;
    let parsed = bound_nesting(&doc);
    let handed = if parsed > MAX_NESTING {
        max_depth(doc.root())
    } else {
        parsed
    };
    (
        doc,
        Nesting {
            dropped,
            parsed,
            handed,
        },
    )
}

/// Element nesting of `html` as parsed and as handed to Readability.
pub fn nesting(html: &str) -> Nesting {
    parse_page(html).1
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
    // Selectors parsed once (`select(str)` parses its selector at each call).
    static HTML: LazyLock<Matcher> = LazyLock::new(|| Matcher::new("html").expect("selector"));
    static BODY: LazyLock<Matcher> = LazyLock::new(|| Matcher::new("body").expect("selector"));
    static FURNITURE: LazyLock<Matcher> =
        LazyLock::new(|| Matcher::new(FURNITURE_SELECTOR).expect("selector"));
    let (doc, _) = parse_page(html);
    let r = Readability {
        doc,
        doc_url: None,
        config: Config::default(),
    };
    let title = non_empty(&r.get_article_title());
    let lang = r
        .doc
        .select_matcher(&HTML)
        .attr("lang")
        .and_then(|l| non_empty(&l));
    r.doc.select_matcher(&FURNITURE).remove();
    let body = r.doc.select_matcher(&BODY);
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
            nesting: Nesting::default(),
        },
    }
}

fn extract_dom(html: &str) -> Extracted {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let (doc, nesting) = parse_page(html);
    let parsed = Readability::with_document(doc, None, Some(cfg))
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
                    nesting,
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
                    nesting,
                }
            } else {
                Extracted {
                    text,
                    title,
                    published,
                    lang,
                    method: Method::Readability,
                    nesting,
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
                nesting,
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

    use proptest::prelude::*;

    /// Pieces of tag soup: start tags (some hidden, some furniture, foreign and raw-text ones),
    /// end tags, text, entities, comments.
    fn piece() -> impl Strategy<Value = String> {
        const TAGS: &str = "(div|p|b|i|span|font|a|h1|table|tr|td|ul|li|script|style|title|\
                            textarea|svg|math|template|select|option|form|nav|br|img|html|body|head)";
        let re = |r: String| proptest::string::string_regex(&r).expect("valid regex");
        prop_oneof![
            re(format!(
                "<{TAGS}( hidden| id=x| style=\"display:none\")?/?>"
            )),
            re(format!("</{TAGS}>")),
            "[A-Za-zé ]{1,12}",
            "&(amp|lt|eacute|nbsp);",
            "<!-- [a-z]{0,5} -->",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Within the bounds, the page is parsed into exactly the tree `dom_query` builds.
        #[test]
        fn within_the_bounds_the_tree_is_dom_querys(pieces in prop::collection::vec(piece(), 0..80)) {
            let html = pieces.concat();
            let (doc, nesting) = parse_page(&html);
            prop_assert!(!nesting.bounded(), "{nesting:?}");
            prop_assert_eq!(doc.html(), Document::from(html.as_str()).html());
        }

        /// Beyond them, the tree handed on is within `MAX_NESTING + 1`, whatever the soup.
        #[test]
        fn beyond_the_bounds_the_depth_is_bounded(pieces in prop::collection::vec(piece(), 0..300)) {
            let html = format!("{}{}", "<div><span>".repeat(150), pieces.concat());
            let (doc, nesting) = parse_page(&html);
            prop_assert!(nesting.bounded(), "{nesting:?}");
            prop_assert!(nesting.handed <= MAX_NESTING + 1, "{nesting:?}");
            prop_assert_eq!(max_depth(doc.root()), nesting.handed);
        }
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
