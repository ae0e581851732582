//! The whole pipeline on arbitrary text: document, mentions, then linking into incidents.
//! Checks the "every figure is a claim" invariant: each claim's quote is the text at its offsets.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_core::{incidents, process, Article};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut article = Article::text("fuzz", text.as_ref());
    article.published = chrono::NaiveDate::from_ymd_opt(2025, 3, 4);
    let p = process(&article);
    for m in &p.mentions {
        for c in &m.claims {
            assert_eq!(
                p.document.text.get(c.span.start..c.span.end),
                Some(c.quote.as_str()),
                "claim quote is not the text at its offsets"
            );
        }
    }
    let _ = incidents::link(&p.mentions);
});
