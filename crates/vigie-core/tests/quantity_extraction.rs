//! Count expressions in French and English sentences written for these tests.

use vigie_core::mentions::quantity::{
    find_quantities, is_zero_casualty_phrase, zero_casualty_phrase,
};
use vigie_core::{Qualifier, Quantity};

/// (span text, quantity, noun text) of every match.
fn q(text: &str) -> Vec<(&str, Quantity, Option<&str>)> {
    find_quantities(text)
        .into_iter()
        .map(|m| {
            (
                &text[m.span.start..m.span.end],
                m.quantity,
                m.noun.map(|n| &text[n.start..n.end]),
            )
        })
        .collect()
}

fn one(text: &str) -> (&str, Quantity, Option<&str>) {
    let got = q(text);
    assert_eq!(got.len(), 1, "{text:?} gave {got:?}");
    got[0]
}

fn quantity(low: u32, high: Option<u32>, best: u32, qualifier: Qualifier) -> Quantity {
    Quantity {
        low,
        high,
        best,
        qualifier,
    }
}

#[test]
fn plain_digits_with_thousands_separators() {
    assert_eq!(
        one("Les assaillants, 150 combattants, ont fui."),
        ("150", Quantity::exact(150), Some("combattants"))
    );
    assert_eq!(
        one("On compte 1 200 déplacés."),
        ("1 200", Quantity::exact(1200), Some("déplacés"))
    );
    assert_eq!(
        one("some 1,200 people fled"),
        (
            "some 1,200",
            quantity(1200, Some(1200), 1200, Qualifier::About),
            Some("people")
        )
    );
    assert_eq!(
        one("1.200 personnes ont fui"),
        ("1.200", Quantity::exact(1200), Some("personnes"))
    );
    assert_eq!(
        one("12 000 personnes"),
        ("12 000", Quantity::exact(12000), Some("personnes"))
    );
    assert_eq!(
        one("2,5 millions de personnes"),
        (
            "2,5 millions",
            Quantity::exact(2_500_000),
            Some("personnes")
        )
    );
    assert_eq!(
        one("le bilan est de 3 morts"),
        ("3", Quantity::exact(3), Some("morts"))
    );
}

#[test]
fn ranges_take_the_low_end_as_best() {
    let r = |lo, hi| quantity(lo, Some(hi), lo, Qualifier::Range);
    assert_eq!(one("3-4 soldats tués"), ("3-4", r(3, 4), Some("soldats")));
    assert_eq!(
        one("3 à 4 soldats tués"),
        ("3 à 4", r(3, 4), Some("soldats"))
    );
    assert_eq!(
        one("3 or 4 soldiers died"),
        ("3 or 4", r(3, 4), Some("soldiers"))
    );
    assert_eq!(
        one("trois à quatre otages"),
        ("trois à quatre", r(3, 4), Some("otages"))
    );
    assert_eq!(
        one("three or four hostages"),
        ("three or four", r(3, 4), Some("hostages"))
    );
    assert_eq!(
        one("3 to 5 vehicles"),
        ("3 to 5", r(3, 5), Some("vehicles"))
    );
    assert_eq!(
        one("entre 3 et 5 blessés"),
        ("entre 3 et 5", r(3, 5), Some("blessés"))
    );
    assert_eq!(
        one("between 30 and 50 fighters"),
        ("between 30 and 50", r(30, 50), Some("fighters"))
    );
    assert_eq!(
        one("de dix à quinze assaillants"),
        ("de dix à quinze", r(10, 15), Some("assaillants"))
    );
}

#[test]
fn a_backwards_pair_is_not_a_range() {
    let got = q("5 à 3 heures");
    assert_eq!(got[0].0, "5");
    assert_eq!(got[0].1, Quantity::exact(5));
}

#[test]
fn qualifiers() {
    assert_eq!(
        one("plus de 150 combattants"),
        (
            "plus de 150",
            quantity(150, None, 150, Qualifier::MoreThan),
            Some("combattants")
        )
    );
    assert_eq!(
        one("nearly 160 armed men"),
        (
            "nearly 160",
            quantity(160, Some(160), 160, Qualifier::UpTo),
            Some("men")
        )
    );
    assert_eq!(
        one("près de 160 hommes"),
        (
            "près de 160",
            quantity(160, Some(160), 160, Qualifier::UpTo),
            Some("hommes")
        )
    );
    assert_eq!(
        one("au moins 12 morts"),
        (
            "au moins 12",
            quantity(12, None, 12, Qualifier::AtLeast),
            Some("morts")
        )
    );
    assert_eq!(
        one("at least twelve dead"),
        (
            "at least twelve",
            quantity(12, None, 12, Qualifier::AtLeast),
            Some("dead")
        )
    );
    assert_eq!(
        one("pas moins de 20 véhicules"),
        (
            "pas moins de 20",
            quantity(20, None, 20, Qualifier::AtLeast),
            Some("véhicules")
        )
    );
    assert_eq!(
        one("no fewer than 20 trucks"),
        (
            "no fewer than 20",
            quantity(20, None, 20, Qualifier::AtLeast),
            Some("trucks")
        )
    );
    assert_eq!(
        one("jusqu’à 300 personnes"),
        (
            "jusqu’à 300",
            quantity(300, Some(300), 300, Qualifier::UpTo),
            Some("personnes")
        )
    );
    assert_eq!(
        one("up to 300 people"),
        (
            "up to 300",
            quantity(300, Some(300), 300, Qualifier::UpTo),
            Some("people")
        )
    );
    assert_eq!(
        one("environ 40 motos"),
        (
            "environ 40",
            quantity(40, Some(40), 40, Qualifier::About),
            Some("motos")
        )
    );
    assert_eq!(
        one("around forty motorbikes"),
        (
            "around forty",
            quantity(40, Some(40), 40, Qualifier::About),
            Some("motorbikes")
        )
    );
    assert_eq!(
        one("more than 150 fighters"),
        (
            "more than 150",
            quantity(150, None, 150, Qualifier::MoreThan),
            Some("fighters")
        )
    );
    assert_eq!(
        one("over 20 civilians"),
        (
            "over 20",
            quantity(20, None, 20, Qualifier::MoreThan),
            Some("civilians")
        )
    );
    assert_eq!(
        one("10 ou plus morts"),
        (
            "10 ou plus",
            quantity(10, None, 10, Qualifier::AtLeast),
            Some("morts")
        )
    );
}

#[test]
fn approximate_nouns() {
    let about = |n| quantity(n, Some(n), n, Qualifier::About);
    assert_eq!(
        one("une dizaine de soldats"),
        ("une dizaine", about(10), Some("soldats"))
    );
    assert_eq!(
        one("une quinzaine de motos"),
        ("une quinzaine", about(15), Some("motos"))
    );
    assert_eq!(
        one("une vingtaine d’assaillants"),
        ("une vingtaine", about(20), Some("assaillants"))
    );
    assert_eq!(
        one("une cinquantaine de civils"),
        ("une cinquantaine", about(50), Some("civils"))
    );
    assert_eq!(
        one("une centaine de personnes"),
        ("une centaine", about(100), Some("personnes"))
    );
    assert_eq!(
        one("un millier de déplacés"),
        ("un millier", about(1000), Some("déplacés"))
    );
    assert_eq!(
        one("a dozen soldiers"),
        ("a dozen", about(12), Some("soldiers"))
    );
    // A qualifier before the approximate noun wins.
    assert_eq!(
        one("plus d'une centaine de combattants"),
        (
            "plus d'une centaine",
            quantity(100, None, 100, Qualifier::MoreThan),
            Some("combattants")
        )
    );
    assert_eq!(
        one("près d’une trentaine de morts"),
        (
            "près d’une trentaine",
            quantity(30, Some(30), 30, Qualifier::UpTo),
            Some("morts")
        )
    );
}

#[test]
fn vague_words_use_acled_figures() {
    let vague = |lo, best| quantity(lo, None, best, Qualifier::Vague);
    assert_eq!(
        one("plusieurs soldats ont été blessés"),
        ("plusieurs", vague(2, 3), Some("soldats"))
    );
    assert_eq!(
        one("several soldiers were wounded"),
        ("several", vague(2, 3), Some("soldiers"))
    );
    assert_eq!(
        one("quelques civils"),
        ("quelques", vague(2, 3), Some("civils"))
    );
    assert_eq!(
        one("a few civilians"),
        ("a few", vague(2, 3), Some("civilians"))
    );
    assert_eq!(
        one("des dizaines de morts"),
        ("des dizaines", vague(12, 12), Some("morts"))
    );
    assert_eq!(
        one("plusieurs dizaines de morts"),
        ("plusieurs dizaines", vague(12, 12), Some("morts"))
    );
    assert_eq!(
        one("dozens of people"),
        ("dozens", vague(12, 12), Some("people"))
    );
    assert_eq!(
        one("des centaines de déplacés"),
        ("des centaines", vague(100, 100), Some("déplacés"))
    );
    assert_eq!(
        one("hundreds of people"),
        ("hundreds", vague(100, 100), Some("people"))
    );
    assert_eq!(
        one("de nombreux blessés"),
        ("de nombreux", vague(3, 10), Some("blessés"))
    );
    assert_eq!(
        one("many casualties"),
        ("many", vague(3, 10), Some("casualties"))
    );
}

#[test]
fn zero_counts_and_their_second_noun() {
    let got = q("L'attaque n'a fait aucun mort ni blessé.");
    assert_eq!(
        got,
        vec![
            ("aucun", Quantity::exact(0), Some("mort")),
            ("ni", Quantity::exact(0), Some("blessé"))
        ]
    );
    let got = q("Il n'y a eu ni mort ni blessé.");
    assert_eq!(
        got,
        vec![
            ("ni", Quantity::exact(0), Some("mort")),
            ("ni", Quantity::exact(0), Some("blessé"))
        ]
    );
    let got = q("No deaths or injuries were reported.");
    assert_eq!(
        got,
        vec![
            ("No", Quantity::exact(0), Some("deaths")),
            ("or", Quantity::exact(0), Some("injuries"))
        ]
    );
    assert_eq!(
        one("zéro victime civile"),
        ("zéro", Quantity::exact(0), Some("victime"))
    );
    assert!(q("No one was killed.").is_empty());
}

#[test]
fn zero_casualty_phrases() {
    let text = "Selon l'armée, personne n'a été tué lors de l'attaque.";
    let s = zero_casualty_phrase(text).unwrap();
    assert_eq!(&text[s.start..s.end], "personne n'a été tué");
    assert!(is_zero_casualty_phrase(
        "The blast caused no casualties, police said."
    ));
    assert!(is_zero_casualty_phrase("No one was injured."));
    assert!(is_zero_casualty_phrase(
        "L'explosion n'a pas fait de victime, sans faire de victimes."
    ));
    assert!(!is_zero_casualty_phrase("Three people were killed."));
}

#[test]
fn number_words_in_sentences() {
    assert_eq!(
        one("Deux soldats ont été tués."),
        ("Deux", Quantity::exact(2), Some("soldats"))
    );
    assert_eq!(
        one("Vingt-deux militaires ont été tués."),
        ("Vingt-deux", Quantity::exact(22), Some("militaires"))
    );
    assert_eq!(
        one("cent cinquante hommes armés"),
        ("cent cinquante", Quantity::exact(150), Some("hommes"))
    );
    assert_eq!(
        one("quatre-vingt-dix otages"),
        ("quatre-vingt-dix", Quantity::exact(90), Some("otages"))
    );
    assert_eq!(
        one("Fourteen soldiers were killed"),
        ("Fourteen", Quantity::exact(14), Some("soldiers"))
    );
    assert_eq!(
        one("one hundred and twenty people"),
        (
            "one hundred and twenty",
            Quantity::exact(120),
            Some("people")
        )
    );
    assert_eq!(
        one("trois de ses hommes"),
        ("trois", Quantity::exact(3), Some("hommes"))
    );
    assert_eq!(
        one("two of the soldiers"),
        ("two", Quantity::exact(2), Some("soldiers"))
    );
    assert_eq!(
        one("five heavily armed gunmen"),
        ("five", Quantity::exact(5), Some("gunmen"))
    );
    assert_eq!(
        one("trois sous-officiers"),
        ("trois", Quantity::exact(3), Some("sous-officiers"))
    );
}

#[test]
fn codes_ordinals_dates_and_decimals_are_not_counts() {
    assert!(
        q("sur la RN22 près de Gao").is_empty(),
        "{:?}",
        q("sur la RN22 près de Gao")
    );
    assert!(q("the G5 Sahel force").is_empty());
    assert!(q("le 2e bataillon").is_empty());
    assert!(q("le 1er juillet").is_empty());
    assert!(q("the 3rd battalion").is_empty());
    assert!(q("le 11 janvier 2026").is_empty());
    assert!(q("on July 1, 2025").is_empty());
    assert!(q("en juillet 2025").is_empty());
    assert!(q("le 11/01/2026 et le 2026-01-11 et le 11.01.2026").is_empty());
    assert!(q("à 14:30").is_empty());
    assert!(q("le taux est de 2,5").is_empty());
    assert!(q("la covid-19").is_empty());
}

#[test]
fn years_are_not_counts_but_large_figures_are() {
    assert!(q("En 2022, l'armée s'est retirée.").is_empty());
    assert!(q("since 2019 the town has been besieged").is_empty());
    assert!(q("fin 2024").is_empty());
    assert!(q("C'était 2023.").is_empty());
    assert_eq!(
        one("2000 soldats sont arrivés"),
        ("2000", Quantity::exact(2000), Some("soldats"))
    );
}

#[test]
fn times_and_units_keep_their_noun() {
    assert_eq!(
        one("vers 4h du matin"),
        ("4", Quantity::exact(4), Some("h"))
    );
    assert_eq!(
        one("pendant 6 heures"),
        ("6", Quantity::exact(6), Some("heures"))
    );
    assert_eq!(
        one("à 10km de Gao"),
        ("10", Quantity::exact(10), Some("km"))
    );
    assert_eq!(
        one("à 30 km de Gao"),
        ("30", Quantity::exact(30), Some("km"))
    );
    assert_eq!(
        one("la hausse atteint 30 %"),
        ("30", Quantity::exact(30), Some("%"))
    );
    assert_eq!(
        one("la hausse atteint 30 pour cent"),
        ("30", Quantity::exact(30), Some("pour cent"))
    );
}

#[test]
fn several_counts_in_one_sentence_in_order() {
    let text =
        "Au moins 12 soldats et trois civils ont été tués, et une vingtaine de personnes blessées.";
    let got = q(text);
    assert_eq!(
        got,
        vec![
            (
                "Au moins 12",
                quantity(12, None, 12, Qualifier::AtLeast),
                Some("soldats")
            ),
            ("trois", Quantity::exact(3), Some("civils")),
            (
                "une vingtaine",
                quantity(20, Some(20), 20, Qualifier::About),
                Some("personnes")
            ),
        ]
    );
}

#[test]
fn the_indefinite_article_is_one() {
    // "un"/"une" are the number one: the caller decides by the noun.
    assert_eq!(
        one("Un soldat a été tué"),
        ("Un", Quantity::exact(1), Some("soldat"))
    );
    // Short all-capital words are acronyms.
    assert!(q("according to the UN agency").is_empty());
    // English "a" is only a number before a multiplier.
    assert!(q("a soldier was killed").is_empty());
    assert!(q("Il a été un peu blessé").is_empty());
}

#[test]
fn nothing_in_text_without_numbers() {
    assert!(q("").is_empty());
    assert!(q("Les habitants ont fui vers la ville voisine.").is_empty());
}

#[test]
fn a_year_after_a_capitalised_month_that_is_also_a_word_is_not_a_count() {
    // "March" and "May" are months only when capitalised; then the year after them is a year.
    let got = q("One soldier was killed on 3 March 2026 when gunmen attacked the camp.");
    assert!(got.iter().all(|(s, _, _)| *s != "2026"), "{got:?}");
    let got = q("On 5 May 2026 gunmen attacked the post.");
    assert!(got.iter().all(|(s, _, _)| *s != "2026"), "{got:?}");
    // Lower-case "may" is a verb: the count after it stays a count.
    let (s, n, noun) = one("They may 2000 soldiers deploy.");
    assert_eq!((s, n.best, noun), ("2000", 2000, Some("soldiers")));
}

#[test]
fn an_approximate_noun_after_an_elided_de() {
    let (s, n, noun) = one("ainsi que d'une quinzaine de terroristes neutralisés.");
    assert_eq!(s, "une quinzaine");
    assert_eq!(n, quantity(15, Some(15), 15, Qualifier::About));
    assert_eq!(noun, Some("terroristes"));
    // A real range after "d'" is still a range.
    let (_, n, _) = one("le bilan serait d'une à trois victimes.");
    assert_eq!(n, quantity(1, Some(3), 1, Qualifier::Range));
}
