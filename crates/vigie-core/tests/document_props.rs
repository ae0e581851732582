//! Property tests: any input, no panic, valid spans; plus content hashing.

use proptest::prelude::*;
use vigie_core::document::{self, clean::clean, Document};
use vigie_core::model::{Article, Body};

fn check_spans(doc: &Document) {
    let t = &doc.text;
    let mut prev_end = 0;
    for p in &doc.paragraphs {
        assert!(p.start < p.end && p.end <= t.len(), "{p:?}");
        assert!(p.start >= prev_end, "paragraphs overlap or out of order");
        assert!(t.is_char_boundary(p.start) && t.is_char_boundary(p.end));
        let s = &t[p.start..p.end];
        assert_eq!(s, s.trim());
        prev_end = p.end;
    }
    let mut prev_end = 0;
    for s in &doc.sentences {
        assert!(s.start < s.end && s.end <= t.len(), "{s:?}");
        assert!(s.start >= prev_end, "sentences overlap or out of order");
        assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        let x = &t[s.start..s.end];
        assert_eq!(x, x.trim());
        assert!(
            doc.paragraphs.iter().any(|p| p.contains(*s)),
            "sentence crosses a paragraph"
        );
        prev_end = s.end;
    }
    // Every paragraph's non-blank text is covered by its sentences.
    for p in &doc.paragraphs {
        assert!(doc.sentences.iter().any(|s| p.contains(*s)));
    }
}

fn html(body: String) -> Article {
    Article {
        reference: "p".into(),
        url: None,
        title: None,
        outlet: None,
        published: None,
        declared_language: None,
        body: Body::Html(body),
    }
}

const HTMLISH: &str = "(<(p|div|script|nav|br|/p|/div|/script|h1|/h1|a href=\"x\"|/a|!--|-->)>|&(amp|lt|#8217|rsquo|nbsp|bogus);|[A-Za-zÀ-ÿ .!?«»'’\n\t-]{0,20}){0,40}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_never_panics_and_spans_are_valid(s in any::<String>()) {
        let doc = document::build(&Article::text("x", s));
        check_spans(&doc);
    }

    #[test]
    fn text_like_input_gives_valid_spans(s in "([A-Za-zÀ-ÿ]{1,8}|[ .!?…«»\"'’()\n\r\t]|\u{A0}|\u{202F}|[0-9]{1,4}|M\\.|U\\.S\\.|etc\\.){0,80}") {
        let doc = document::build(&Article::text("x", s));
        check_spans(&doc);
    }

    #[test]
    fn htmlish_input_never_panics(s in HTMLISH) {
        let doc = document::build(&html(s));
        check_spans(&doc);
    }

    #[test]
    fn cleaning_is_idempotent(s in "([A-Za-zé]{1,8}|[ .\n]|Partager|Lire aussi|a-b-c|\n\n){0,40}") {
        let once = clean(&s).text;
        let twice = clean(&once).text;
        prop_assert_eq!(once, twice);
    }
}

#[test]
fn content_hash_is_stable_and_sensitive() {
    let a = Article::text("ref-1", "Deux soldats tués près de Gao.");
    let mut b = a.clone();
    b.reference = "ref-2".into();
    let h = document::build(&a).content_hash;
    assert_eq!(h.len(), 64);
    assert!(h.bytes().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(h, document::build(&a).content_hash);
    assert_eq!(
        h,
        document::build(&b).content_hash,
        "the reference is not content"
    );
    let mut c = a.clone();
    c.body = Body::Text("Trois soldats tués près de Gao.".into());
    assert_ne!(h, document::build(&c).content_hash);
    let mut d = a.clone();
    d.title = Some("Gao".into());
    assert_ne!(h, document::build(&d).content_hash);
    let mut e = a.clone();
    e.body = Body::Html("Deux soldats tués près de Gao.".into());
    assert_ne!(h, document::build(&e).content_hash);
}
