//! HTML page → Document: main-text extraction, cleaning, language, sentences.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_core::{document, Article, Body};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data).into_owned();
    // `build` runs `document::html::extract` on the page; calling it here too did that work twice.
    let article = Article {
        body: Body::Html(html),
        ..Article::text("fuzz", "")
    };
    let doc = document::build(&article);
    // Every span must lie on char boundaries of the cleaned text.
    for s in doc.sentences.iter().chain(doc.paragraphs.iter()) {
        assert!(doc.text.get(s.start..s.end).is_some(), "bad span {s:?}");
    }
});
