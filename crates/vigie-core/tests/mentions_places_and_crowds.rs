//! Where events happen (places the story only passes through) and crowds (protests: their
//! actors, their grievances, police intervention). Short reports written for these tests
//! (fiction), French and English, checked value by value.

use vigie_core::{EventType, Mention, SubEventType};

mod common;
use common::*;

#[test]
fn where_the_wounded_were_taken_is_not_an_event_place_en() {
    let ms = mentions(
        "Gunmen attacked the village of Makalondi on Sunday, killing five civilians, residents \
         said. Three wounded people were evacuated to Niamey and to Torodi, where they were \
         treated.",
        "2026-05-19",
    );
    assert_eq!(locations(&ms), vec!["Makalondi"], "{ms:#?}");
}

#[test]
fn where_the_wounded_were_taken_is_not_an_event_place_fr() {
    let ms = mentions(
        "Des hommes armés ont attaqué dimanche le village de Makalondi, tuant cinq civils, selon \
         des habitants. Trois blessés ont été évacués vers Niamey, où ils sont soignés.",
        "2026-05-19",
    );
    assert_eq!(locations(&ms), vec!["Makalondi"], "{ms:#?}");
}

#[test]
fn where_a_witness_speaks_from_is_not_an_event_place() {
    let ms = mentions(
        "Jihadists stormed a militia post in Nassoumbou on Friday, killing nine volunteers. \
         \"We buried our men on Saturday,\" a survivor said by telephone from Djibo.",
        "2026-06-29",
    );
    assert_eq!(locations(&ms), vec!["Nassoumbou"], "{ms:#?}");
    let ms = mentions(
        "Des hommes armés ont tué quatre bergers vendredi près de Nassoumbou, selon un \
         ressortissant de la zone joint depuis Djibo.",
        "2026-06-29",
    );
    assert_eq!(locations(&ms), vec!["Nassoumbou"], "{ms:#?}");
}

#[test]
fn a_protest_over_kidnappings_is_a_protest_not_a_kidnapping_en() {
    let ms = mentions(
        "Hundreds of truck drivers protested in Sévaré on Wednesday over the kidnappings of \
         their colleagues on the road to Gao; police fired tear gas to disperse them.",
        "2026-08-20",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].event_type, EventType::Protests);
    assert_eq!(ms[0].sub_event_type, SubEventType::ProtestWithIntervention);
    assert_eq!(
        ms[0].actor1.as_ref().map(|a| a.name.as_str()),
        Some("Protesters (Mali)")
    );
    assert!(ms[0].claims.iter().all(|c| c.field != "abducted"));
}

#[test]
fn a_protest_against_kidnappings_is_a_protest_not_a_kidnapping_fr() {
    let ms = mentions(
        "Des centaines d'habitants ont manifesté mardi à Djibo contre les enlèvements de \
         commerçants sur l'axe Djibo-Namsiguia, selon des témoins.",
        "2026-04-08",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].sub_event_type, SubEventType::PeacefulProtest);
    assert_eq!(
        ms[0].actor1.as_ref().map(|a| a.name.as_str()),
        Some("Protesters (Burkina Faso)")
    );
    // Dispersed with tear gas: the forces intervened.
    let ms = mentions(
        "Des centaines d'habitants ont manifesté mardi à Djibo contre les enlèvements ; la \
         police les a dispersés à coups de gaz lacrymogène.",
        "2026-04-08",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].sub_event_type, SubEventType::ProtestWithIntervention);
}

#[test]
fn a_kidnapping_reported_on_its_own_is_still_a_kidnapping() {
    // The grievance rule only applies inside a sentence that reports a crowd.
    let ms = mentions(
        "Armed men kidnapped three traders on Monday near Djibo, residents said. The kidnappings \
         have angered local traders.",
        "2026-04-08",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(
        ms[0].sub_event_type,
        SubEventType::AbductionForcedDisappearance
    );
}

#[test]
fn a_headline_with_a_vaguer_place_is_the_story_below_it() {
    let ms = mentions(
        "Mali : au moins 20 civils tués dans l'attaque d'un village près de Tombouctou\n\n\
         Au moins vingt civils ont été tués mardi 12 janvier 2027 dans l'attaque du village de \
         Chorfa, dans la commune de Ber (cercle de Tombouctou), selon un élu local.",
        "2027-01-13",
    );
    assert_eq!(locations(&ms), vec!["Chorfa"], "{ms:#?}");
    let ms = mentions(
        "Gunmen kill six near Djibo in northern Burkina Faso\n\n\
         Gunmen killed six villagers in Gaskindé, a village of the Djibo area, on Monday \
         January 11, 2027, residents said.",
        "2027-01-12",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
}

#[test]
fn the_start_of_a_period_is_not_the_day_of_the_event() {
    for text in [
        "Gunmen abducted three traders near Ménaka, the fourth abduction on that road since \
         November 2026, a local official said.",
        "Des hommes armés ont enlevé trois commerçants près de Ménaka, le quatrième enlèvement \
         sur cet axe depuis novembre 2026, selon un élu local.",
    ] {
        let ms = mentions(text, "2027-01-19");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(ms[0].date, None, "{text}");
    }
}

#[test]
fn people_seized_or_taken_away_are_abducted() {
    for text in [
        "On Monday, gunmen seized at least three people on the road out of Ménaka, residents said.",
        "Lundi, des hommes armés ont emmené quatre commerçants sur la route de Ménaka, selon des \
         habitants.",
    ] {
        let ms = mentions(text, "2027-01-20");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(
            ms[0].sub_event_type,
            SubEventType::AbductionForcedDisappearance,
            "{text}"
        );
    }
    // Seizing things is not abducting anyone.
    let ms = mentions(
        "Soldiers seized weapons and motorbikes near Ménaka on Monday, the army said.",
        "2027-01-20",
    );
    assert!(
        ms.iter()
            .all(|m| m.sub_event_type != SubEventType::AbductionForcedDisappearance),
        "{ms:#?}"
    );
}

#[test]
fn the_wounded_taken_to_a_health_centre_belong_to_the_story() {
    let ms = mentions(
        "Six personnes ont été tuées jeudi à Boussouma, un village du cercle de Douentza, par des \
         hommes armés, selon le maire. Les blessés ont été évacués vers le centre de santé de \
         Douentza.",
        "2027-01-29",
    );
    assert_eq!(locations(&ms), vec!["Boussouma"], "{ms:#?}");
    let ms = mentions(
        "Gunmen killed six people in Boussouma, a village of the Douentza district, on Thursday, \
         the mayor said. Three wounded were brought to the health centre of Douentza.",
        "2027-01-29",
    );
    assert_eq!(locations(&ms), vec!["Boussouma"], "{ms:#?}");
}

#[test]
fn a_town_named_after_a_distance_is_only_a_reference() {
    let ms = mentions(
        "Le même jour, un convoi escorté par l'armée a été attaqué près de Boni, à une \
         quarantaine de kilomètres à l'est de Boussouma, selon une source sécuritaire.",
        "2027-01-29",
    );
    assert_eq!(locations(&ms), vec!["Boni"], "{ms:#?}");
    let ms = mentions(
        "An army convoy was ambushed near Boni, about 40 km east of Boussouma, on Thursday, a \
         security source said.",
        "2027-01-29",
    );
    assert_eq!(locations(&ms), vec!["Boni"], "{ms:#?}");
}

#[test]
fn a_context_sentence_about_frequent_attacks_is_no_incident() {
    for text in [
        "Gunmen killed eight civilians in Boussouma on 28 January 2027, local sources said. The \
         attack occurred in a context of growing insecurity along the Douentza–Hombori road, \
         where convoys are frequently attacked.",
        "Des hommes armés ont tué huit civils à Boussouma le 28 janvier 2027, selon des sources \
         locales. L'attaque s'inscrit dans un contexte d'insécurité croissante sur l'axe \
         Douentza-Hombori, où les convois sont fréquemment attaqués.",
    ] {
        let ms = mentions(text, "2027-01-29");
        assert_eq!(locations(&ms), vec!["Boussouma"], "{ms:#?}");
    }
}

#[test]
fn days_after_another_attack_date_neither_attack() {
    let ms = mentions(
        "Cinq passagers ont été tués jeudi 14 janvier 2027 lorsqu'un minibus a sauté sur un engin \
         explosif près de Douékiré. Ce drame survient deux jours après l'attaque du village de \
         Chorfa, dans la commune de Ber, où au moins vingt civils avaient été tués mardi par des \
         hommes armés.",
        "2027-01-15",
    );
    let dates: Vec<(String, String)> = ms
        .iter()
        .map(|m| {
            (
                m.place
                    .as_ref()
                    .map_or(String::new(), |p| p.location.clone()),
                m.date.map_or(String::new(), |d| d.date.to_string()),
            )
        })
        .collect();
    assert!(
        dates.contains(&("Chorfa".to_string(), "2027-01-12".to_string())),
        "{dates:?}"
    );
    let ms = mentions(
        "A roadside bomb killed five bus passengers near Douékiré on Friday, January 15, 2027. \
         The bombing came three days after the attack on Chorfa, in the commune of Ber, where \
         gunmen had killed twenty villagers on Tuesday.",
        "2027-01-16",
    );
    let dated: Vec<(String, String)> = ms
        .iter()
        .map(|m| {
            (
                m.place
                    .as_ref()
                    .map_or(String::new(), |p| p.location.clone()),
                m.date.map_or(String::new(), |d| d.date.to_string()),
            )
        })
        .collect();
    // The recalled attack (coded to Chorfa or its commune) is Tuesday's, not three days after
    // the bombing.
    assert!(
        dated
            .iter()
            .any(|(p, d)| p != "Douekiré" && d == "2027-01-12"),
        "{dated:?}"
    );
    assert!(dated.iter().all(|(_, d)| d != "2027-01-18"), "{dated:?}");
}

/// The countries of mentions known only at country level.
fn countries(ms: &[vigie_core::Mention]) -> Vec<String> {
    ms.iter()
        .filter_map(|m| m.place.as_ref().map(|p| p.country_code.clone()))
        .collect()
}

#[test]
fn neighbours_named_at_a_border_are_not_the_story_country_fr() {
    let ms = mentions(
        "Au moins douze soldats ont été tués dans l'attaque d'une position de l'armée aux \
         frontières du Niger et du Burkina Faso, selon les autorités béninoises.",
        "2026-03-02",
    );
    assert_eq!(countries(&ms), vec!["BJ"], "{ms:#?}");
}

#[test]
fn neighbours_named_at_a_border_are_not_the_story_country_en() {
    let ms = mentions(
        "Nine Ivorian soldiers were killed overnight when gunmen attacked their post near the \
         border with Burkina Faso, the army said.",
        "2026-03-02",
    );
    assert_eq!(countries(&ms), vec!["CI"], "{ms:#?}");
}

#[test]
fn the_seat_of_an_authority_that_speaks_is_not_an_event_place() {
    for text in [
        "Au moins neuf soldats ont été tués mardi dans une embuscade près de la frontière \
         malienne, a annoncé le ministère de la Défense à Niamey.",
        "At least nine soldiers were killed on Tuesday in an ambush near the border with Mali, \
         the Defence Ministry in Niamey said.",
    ] {
        let ms = mentions(text, "2026-05-20");
        assert_eq!(ms.len(), 1, "{text}: {ms:#?}");
        // known only at country level: the story's country, not the capital that spoke
        assert_eq!(locations(&ms), vec!["Niger"], "{text}: {ms:#?}");
    }
}

#[test]
fn a_stretch_between_two_places_of_a_road_is_one_spot_not_four_sites_fr_en() {
    for text in [
        "Récit fictif écrit pour les tests de Vigie.\n\nSix gendarmes ont été tués dimanche 12 \
         septembre 2027 dans l'embuscade d'un convoi entre Boni et Hombori, précisément sur \
         l'axe Douentza-Gao.",
        "Fictional report written for Vigie's tests.\n\nSix gendarmes were killed on Sunday, \
         September 12, 2027, in an ambush on a convoy between Boni and Hombori, on the \
         Douentza-Gao road.",
    ] {
        let ms = mentions(text, "2027-09-13");
        let events: Vec<&Mention> = ms.iter().filter(|m| !m.background).collect();
        assert_eq!(events.len(), 1, "{text}: {:?}", locations(&ms));
        assert!(
            ["Boni", "Hombori"].contains(&location(events[0])),
            "{text}: {:?}",
            locations(&ms)
        );
    }
}

// A lead that gives only the region, then the village where it happened: one event, at the
// village. (GeoNames' Niger dump files villages of the Tillabéri region under the old "Niamey"
// unit; the gazetteer build refiles them, else village and region would not fit and the lead
// would make an incident of its own.)
#[test]
fn a_region_in_the_lead_then_the_village_is_one_event_at_the_village_en() {
    let ms = mentions(
        "Twenty villagers were killed on Monday in the Tillaberi region of Niger, local sources \
         said on Tuesday.\n\nIn the morning, gunmen opened fire on villagers in the village of \
         Assanni, killing fifteen people.",
        "2024-05-08",
    );
    assert_eq!(locations(&ms), vec!["Assanni"], "{ms:#?}");
}

// ("la localité d'Assanni": the elided "de" is a cue like the full one)
#[test]
fn a_region_in_the_lead_then_the_village_is_one_event_at_the_village_fr() {
    let ms = mentions(
        "Vingt villageois ont été tués lundi au Niger dans la région de Tillabéri, ont rapporté \
         mardi des sources locales.\n\nDans la matinée, des hommes armés ont ouvert le feu sur \
         des villageois dans la localité d'Assanni, tuant quinze personnes.",
        "2024-05-08",
    );
    assert_eq!(locations(&ms), vec!["Assanni"], "{ms:#?}");
}

#[test]
fn the_village_named_as_the_target_is_the_event_place_fr_en() {
    // The violent sentences name no place; the village is named bare (no "à", "in") in a
    // sentence of its own, as the one attacked.
    for (text, lang) in [
        (
            "Les auteurs de l'attaque, qui a eu lieu vendredi dans le centre du Mali, n'ont pas \
             été identifiés. Les habitants du village ciblé, Binedama, sont surtout des \
             éleveurs. Les assaillants ont abattu 26 personnes.",
            "fr",
        ),
        (
            "La localité attaquée de Binedama se trouve dans le centre du Mali. Des hommes \
             armés y ont abattu 26 personnes vendredi.",
            "fr",
        ),
        (
            "The perpetrators of Friday's attack in central Mali have not been identified. \
             Residents of the targeted village, Binedama, are mostly herders. The assailants \
             shot dead 26 people.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-06-08");
        assert_eq!(locations(&ms), vec!["Binédama"], "{lang}: {ms:#?}");
    }
}

#[test]
fn a_unit_known_by_its_town_holds_the_village_of_the_story() {
    // "Le préfet du département de Liwa": a unit the gazetteer has only as a town; the
    // village of the story lies in it, so the toll the prefect gives is the same attack's.
    for (text, label) in [
        (
            "Des hommes armés ont attaqué un village de pêcheurs près de Kiskawa dans la nuit de \
             mardi à mercredi. Le bilan est lourd : « il y a eu neuf morts », a déclaré le préfet \
             du département de Liwa, cité par l'armée tchadienne.",
            "fr",
        ),
        (
            "Gunmen attacked a fishing village near Kiskawa overnight on Tuesday. \"Nine people \
             were killed,\" the prefect of the department of Liwa told the Chadian army.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-12");
        assert_eq!(locations(&ms), vec!["Kiskawa"], "{label}: {ms:#?}");
        assert_eq!(
            dead(&ms[0]).first().map(|d| d.0),
            Some(9),
            "{label}: {ms:#?}"
        );
    }
}

#[test]
fn a_name_with_an_elided_capital_keeps_its_lower_case_rest() {
    // "N’djamena", "N'guigmi": the letter after the apostrophe is written small as often as not.
    for (text, place, label) in [
        (
            "Des milliers de personnes ont manifesté samedi dans les rues de N’djamena ; la police \
             a dispersé la foule à coups de gaz lacrymogène.",
            "N'Djamena",
            "fr",
        ),
        (
            "Gunmen attacked a police post in N'guigmi on Sunday, killing two officers.",
            "Nguigmi",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-16");
        assert_eq!(locations(&ms), vec![place], "{label}: {ms:#?}");
    }
}

#[test]
fn a_crowd_counted_in_thousands_is_a_protest_not_a_toll() {
    for (text, label) in [
        (
            "Des milliers de manifestants ont marché samedi à Zinder contre la vie chère.",
            "fr",
        ),
        (
            "Thousands of protesters marched in Zinder on Saturday against the high cost of living.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-16");
        assert_eq!(locations(&ms), vec!["Zinder"], "{label}: {ms:#?}");
        assert_eq!(ms[0].event_type, EventType::Protests, "{label}: {ms:#?}");
    }
    // A count in thousands of the conflict's dead stays about the conflict in general.
    for text in [
        "Des milliers de personnes ont été tuées depuis le début du conflit à Zinder.",
        "Thousands have been killed in the conflict around Zinder.",
    ] {
        assert!(mentions(text, "2026-03-16").is_empty(), "{text}");
    }
}

#[test]
fn the_country_attackers_came_from_is_not_the_story_s_country() {
    // "Venus du Mali", "came from Mali": where the attackers came from, not where the post
    // they attacked lies (Madouba is a village in both countries).
    for text in [
        "Des individus armés venus du Mali ont attaqué lundi le poste de la police burkinabè à \
         Madouba.",
        "Gunmen who came from Mali attacked a Burkinabe police post in Madouba on Monday.",
    ] {
        let ms = mentions(text, "2026-03-20");
        assert_eq!(ms.len(), 1, "{text}: {ms:#?}");
        let place = ms[0].place.as_ref().expect("placed");
        assert_eq!(
            (place.location.as_str(), place.country_code.as_str()),
            ("Madouba", "BF"),
            "{text}"
        );
        assert_eq!(
            actor1(&ms[0]),
            "Unidentified Armed Group (Burkina Faso)",
            "{text}"
        );
    }
}
