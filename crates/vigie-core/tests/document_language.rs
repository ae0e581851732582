//! Language identification (texts written for these tests).

use vigie_core::document::language::identify;
use vigie_core::document::{self};
use vigie_core::model::{Article, Language};

const FR_HEADLINES: &[&str] = &[
    "Attaque jihadiste contre un camp militaire près de Gao",
    "Trois civils enlevés sur la route de Kayes",
    "Le blocus du carburant paralyse la capitale",
    "Des hommes armés incendient une usine de ciment",
    "L'armée affirme avoir neutralisé des dizaines d'assaillants",
    "Un convoi de camions-citernes pris pour cible",
    "Manifestation contre la vie chère à Bamako",
    "Deux soldats tués dans une embuscade au centre du pays",
    "Enlèvement de quatre travailleurs étrangers",
    "Les habitants fuient après des tirs nourris",
    "Frappe de drone sur un marché hebdomadaire",
    "Le gouverneur annonce un couvre-feu dans la région",
];

const EN_HEADLINES: &[&str] = &[
    "Jihadists attack army camp near Gao",
    "Three civilians kidnapped on the road to Kayes",
    "Fuel blockade paralyses the capital",
    "Gunmen torch a cement plant in western Mali",
    "Army says dozens of attackers were killed",
    "Tanker convoy targeted by militants",
    "Protest against rising prices in Bamako",
    "Two soldiers killed in an ambush in central Mali",
    "Four foreign workers abducted",
    "Residents flee after heavy gunfire",
    "Drone strike hits a weekly market",
    "Governor announces a curfew in the region",
];

#[test]
fn short_headlines_are_mostly_identified() {
    let fr = FR_HEADLINES
        .iter()
        .filter(|h| identify(h, None).language == Language::Fr)
        .count();
    let en = EN_HEADLINES
        .iter()
        .filter(|h| identify(h, None).language == Language::En)
        .count();
    eprintln!(
        "headlines: fr {fr}/{}, en {en}/{}",
        FR_HEADLINES.len(),
        EN_HEADLINES.len()
    );
    assert!(fr >= FR_HEADLINES.len() - 1, "fr {fr}");
    assert!(en >= EN_HEADLINES.len() - 1, "en {en}");
}

#[test]
fn paragraphs_are_identified() {
    let fr = "Des hommes armés ont attaqué mardi un poste de douane près de la frontière, selon des sources locales. Deux agents ont été blessés.";
    let en = "Armed men attacked a customs post near the border on Tuesday, local sources said. Two officers were wounded.";
    assert_eq!(identify(fr, None).language, Language::Fr);
    assert_eq!(identify(en, None).language, Language::En);
    // A confident detector overrides a wrong declaration.
    let id = identify(en, Some("fr"));
    assert_eq!(id.language, Language::En);
    assert!(!id.from_declared);
}

#[test]
fn other_languages_are_other() {
    let es = "Hombres armados atacaron el martes un puesto de aduanas cerca de la frontera, según fuentes locales. Dos agentes resultaron heridos.";
    let pt = "Homens armados atacaram na terça-feira um posto alfandegário perto da fronteira, segundo fontes locais. Dois agentes ficaram feridos.";
    let es_id = identify(es, None);
    assert_eq!(es_id.language, Language::Other);
    assert_eq!(es_id.code, Some("es"));
    let pt_id = identify(pt, None);
    assert_eq!(pt_id.language, Language::Other);
    assert_eq!(pt_id.code, Some("pt"));
    let doc = document::build(&Article::text("es", es));
    assert_eq!(doc.language, Language::Other);
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.message.contains("identified as es")));
}

#[test]
fn long_texts_take_the_function_word_path_and_agree_with_lingua() {
    let fr = "Des hommes armés ont attaqué mardi un poste de douane près de la frontière, selon des sources locales. Deux agents ont été blessés et les assaillants sont repartis avec des armes. ";
    let en = "Armed men attacked a customs post near the border on Tuesday, local sources said. Two officers were wounded and the attackers left with weapons that had been stored there. ";
    let es = "Hombres armados atacaron el martes un puesto de aduanas cerca de la frontera, según fuentes locales. Dos agentes fueron heridos y los atacantes huyeron con las armas. ";
    let pt = "Homens armados atacaram na terça-feira um posto alfandegário perto da fronteira, segundo fontes locais. Dois agentes ficaram feridos e os atacantes já fugiram com as armas. ";
    for (text, lang, code) in [
        (fr, Language::Fr, "fr"),
        (en, Language::En, "en"),
        (es, Language::Other, "es"),
        (pt, Language::Other, "pt"),
    ] {
        let short = identify(text, None);
        let long = identify(&text.repeat(4), None);
        assert_eq!((short.language, short.code), (lang, Some(code)), "{text}");
        assert_eq!((long.language, long.code), (lang, Some(code)), "{text}");
    }
}

#[test]
fn too_short_is_unknown() {
    assert_eq!(
        identify("Mali : 12 morts", None).language,
        Language::Unknown
    );
    assert_eq!(identify("", None).language, Language::Unknown);
    assert_eq!(
        identify("1 200 / 3 400 — 2025", Some("fr")).language,
        Language::Unknown
    );
}

#[test]
fn declared_language_breaks_ties() {
    // Words shared by French and English: the detector is unsure, the declaration decides.
    let text = "Transport Service Direction Communication Information";
    let fr = identify(text, Some("fr-FR"));
    let en = identify(text, Some("EN"));
    assert!(fr.from_declared && en.from_declared, "{fr:?} {en:?}");
    assert_eq!(fr.language, Language::Fr);
    assert_eq!(en.language, Language::En);
    // Without a declaration, the detector's best guess is used.
    assert!(!identify(text, None).from_declared);
    // A declaration the detector gives no credit to is ignored.
    assert!(!identify(text, Some("ar")).from_declared);
}

/// Speed of identification (run with `--ignored --nocapture`); printed, not asserted.
#[test]
#[ignore]
fn measure_language_speed() {
    let fr = "Des hommes armés ont attaqué mardi un poste de douane près de la frontière, selon des sources locales. Deux agents ont été blessés et un véhicule a été incendié. ".repeat(20);
    let en = "Armed men attacked a customs post near the border on Tuesday, local sources said. Two officers were wounded and a vehicle was set on fire. ".repeat(20);
    identify(&fr, None);
    identify(&en, None);
    for (name, text) in [
        ("fr 3KB", &fr),
        ("en 3KB", &en),
        ("headline", &FR_HEADLINES[0].to_string()),
    ] {
        let n = 300;
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(identify(text, None));
        }
        eprintln!(
            "{name}: {:.1} µs per text",
            t.elapsed().as_secs_f64() * 1e6 / n as f64
        );
    }
}
