//! Regression for what fuzzing and the length-scaling probe found (RELIABILITY.md): one long
//! sentence without punctuation, full of killing words, nouns and actors. Every trigger was
//! compared with every noun and actor of the sentence, scanning and folding the whole gap
//! between them each time: a 16 KB sentence took 3.4 s in release and 100 KB more than a minute.
//! Now the gaps are bounded (a clause's word count read lazily, at most `CLAUSE_BYTES`), and
//! these texts go through the pipeline like any other. Nothing here is timed: a regression
//! shows as this test taking minutes.

use vigie_core::{incidents, process, Article};

fn run_on(unit: &str, bytes: usize) {
    let text = unit.repeat(bytes / unit.len() + 1);
    let mut article = Article::text("long-sentence", text.as_str());
    article.published = chrono::NaiveDate::from_ymd_opt(2031, 3, 4);
    let p = process(&article);
    assert!(
        !p.mentions.is_empty(),
        "the sentence still speaks of killings"
    );
    for m in &p.mentions {
        for c in &m.claims {
            assert_eq!(
                p.document.text.get(c.span.start..c.span.end),
                Some(c.quote.as_str())
            );
        }
    }
    let _ = incidents::link(&p.mentions);
}

#[test]
fn a_long_french_sentence_without_punctuation() {
    run_on("des hommes armés ont tué des civils à Djibo ", 32 * 1024);
}

#[test]
fn a_long_english_sentence_without_punctuation() {
    run_on(
        "gunmen attacked the army post near Kaya and killed soldiers of the FAMa ",
        32 * 1024,
    );
}
