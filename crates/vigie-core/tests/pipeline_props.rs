//! The pipeline never fails on text: arbitrary input gives a result, and every claim's quote
//! is exactly the cleaned text at its offsets.

use proptest::prelude::*;
use vigie_core::{incidents, process, Article, Body};

fn report_like() -> impl Strategy<Value = String> {
    // Fragments of real-looking report language mixed with noise, so the extractors are reached.
    let words = prop::sample::select(vec![
        "Le",
        "camp",
        "militaire",
        "de",
        "Kayes",
        "a été attaqué",
        "le 3 mars 2025",
        "par",
        "le JNIM",
        ".",
        "trois à quatre",
        "personnes",
        "ont été enlevées",
        "selon l'ORTM",
        "plus de 150",
        "combattants",
        "aucun mort ni blessé",
        "Gunmen",
        "killed",
        "at least 12",
        "soldiers",
        "near",
        "Djibo",
        "on Monday",
        "hier",
        "le lendemain",
        "(Bankass, Mopti)",
        "à 50 km de Kati",
        "’",
        "é",
        "\n",
        "\n\n",
        "—",
        "«",
        "»",
        "FAMa",
        "had already been attacked",
        "in July 2024",
        "quatre-vingts",
        "assaillants",
        "neutralisés",
    ]);
    prop::collection::vec(
        prop_oneof![words.prop_map(str::to_string), ".{0,12}"],
        0..60,
    )
    .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_never_panics_and_quotes_match_offsets(text in report_like(), published in prop::option::of(0i64..4000)) {
        let mut article = Article::text("prop", text);
        article.published = published.map(|d| chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(d));
        let processed = process(&article);
        for m in &processed.mentions {
            for c in &m.claims {
                prop_assert_eq!(processed.document.text.get(c.span.start..c.span.end), Some(c.quote.as_str()));
            }
        }
        let _ = incidents::link(&processed.mentions);
    }

    #[test]
    fn arbitrary_html_never_panics(html in "(<[a-z/ =\"]{0,12}>|[^<]{0,20}|&[a-z#0-9]{0,6};){0,40}") {
        let article = Article { body: Body::Html(html), ..Article::text("html", "") };
        let _ = process(&article);
    }
}

#[test]
fn extraction_is_deterministic() {
    let text = "Le 3 mars 2025, des hommes armés ont attaqué le camp militaire de Boulkessi. \
                Selon l'armée, douze assaillants ont été tués et deux soldats blessés.";
    let a = process(&Article::text("d", text));
    let b = process(&Article::text("d", text));
    assert_eq!(a.mentions, b.mentions);
    assert!(!a.mentions.is_empty());
}
