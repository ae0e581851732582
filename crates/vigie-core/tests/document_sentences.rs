//! Sentence and paragraph splitting, French and English (texts written for these tests).

use vigie_core::document::sentences::{paragraphs, sentences};
use vigie_core::document::{self};
use vigie_core::model::{Article, Span};

fn split(text: &str) -> Vec<&str> {
    let p = paragraphs(text);
    sentences(text, &p)
        .into_iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

#[test]
fn english_abbreviations_titles_and_initials() {
    let t = "Gen. Moussa Sow met U.S. officials on Monday. Lt. Col. Diarra said the St. Louis road was open. \
             Dr. Amy J. Carter, who arrived at 10 a.m. on Tuesday, treated 12 people. Were they soldiers? Nobody knows!";
    assert_eq!(
        split(t),
        vec![
            "Gen. Moussa Sow met U.S. officials on Monday.",
            "Lt. Col. Diarra said the St. Louis road was open.",
            "Dr. Amy J. Carter, who arrived at 10 a.m. on Tuesday, treated 12 people.",
            "Were they soldiers?",
            "Nobody knows!",
        ]
    );
}

#[test]
fn french_numbers_abbreviations_and_quotes() {
    let t = "Le bilan est de 1.200 déplacés, selon M. Traoré. Des motos, des armes, etc. ont été saisies. \
             Voir p. 12 du rapport. « Nous avons fui. » Les habitants sont partis vers Kayes… \
             Le 3 sept. 2025, ils étaient sept. 40 soldats sont arrivés.";
    assert_eq!(
        split(t),
        vec![
            "Le bilan est de 1.200 déplacés, selon M. Traoré.",
            "Des motos, des armes, etc. ont été saisies.",
            "Voir p. 12 du rapport.",
            "« Nous avons fui. »",
            "Les habitants sont partis vers Kayes…",
            "Le 3 sept. 2025, ils étaient sept.",
            "40 soldats sont arrivés.",
        ]
    );
}

#[test]
fn english_quotes_close_the_sentence() {
    let t = "\"We left at dawn.\" The convoy stopped. He said: 'It burned.' (Officials declined to comment.) Then rain came.";
    assert_eq!(
        split(t),
        vec![
            "\"We left at dawn.\"",
            "The convoy stopped.",
            "He said: 'It burned.'",
            "(Officials declined to comment.)",
            "Then rain came."
        ]
    );
}

#[test]
fn lower_case_after_a_period_does_not_split() {
    assert_eq!(
        split("Il est arrivé vers 4 h. du matin et reparti."),
        vec!["Il est arrivé vers 4 h. du matin et reparti."]
    );
    assert_eq!(
        split("See the report. also the annex."),
        vec!["See the report. also the annex."]
    );
}

#[test]
fn headlines_and_paragraphs_are_their_own_units() {
    let t = "Attaque dans le cercle de Bafoulabé\nTrois sites ont été visés. Aucun mort.\n\nBilan incertain\nL'armée n'a rien dit";
    let p = paragraphs(t);
    let got: Vec<&str> = p.iter().map(|s| &t[s.start..s.end]).collect();
    assert_eq!(
        got,
        vec![
            "Attaque dans le cercle de Bafoulabé",
            "Trois sites ont été visés. Aucun mort.",
            "Bilan incertain",
            "L'armée n'a rien dit"
        ]
    );
    assert_eq!(
        split(t),
        vec![
            "Attaque dans le cercle de Bafoulabé",
            "Trois sites ont été visés.",
            "Aucun mort.",
            "Bilan incertain",
            "L'armée n'a rien dit"
        ]
    );
    // Every sentence lies in one paragraph.
    let s = sentences(t, &p);
    assert!(s.iter().all(|s| p.iter().any(|p| p.contains(*s))));
}

#[test]
fn list_numbers_and_spans_exclude_whitespace() {
    let t = "  1. Les faits. 2. Les suites.  \n";
    let p = paragraphs(t);
    assert_eq!(p, vec![Span::new(2, 30)]);
    assert_eq!(split(t), vec!["1. Les faits.", "2. Les suites."]);
}

#[test]
fn document_title_from_a_headline_first_line() {
    let doc = document::build(&Article::text(
        "a",
        "Deux soldats tués près de Gao\nDeux soldats ont été tués lundi près de Gao.",
    ));
    assert_eq!(doc.title.as_deref(), Some("Deux soldats tués près de Gao"));
    assert!(doc.text.starts_with("Deux soldats tués près de Gao\n"));
    assert_eq!(doc.sentences.len(), 2);
    // A first line ending with a period is not a headline.
    let doc = document::build(&Article::text(
        "b",
        "Two soldiers were killed near Gao on Monday.\nThe army confirmed it.",
    ));
    assert_eq!(doc.title, None);
    // A given title wins.
    let mut a = Article::text(
        "c",
        "Deux soldats tués près de Gao\nDeux soldats ont été tués lundi.",
    );
    a.title = Some("  Titre   fourni ".into());
    assert_eq!(document::build(&a).title.as_deref(), Some("Titre fourni"));
}
