//! Releases, curfews and the violence they follow from: short reports written for these tests
//! (fiction, French and English), checked value by value.

use vigie_core::{ClaimValue, EventType, Quantity, SubEventType};

mod common;
use common::*;

// --- A release is not a new abduction ----------------------------------------------------------

#[test]
fn hostages_freed_are_a_release_and_their_abduction_is_recalled_fr() {
    let ms = mentions(
        "Les trois ingénieurs chinois enlevés le 2 avril dans la région de Kayes ont été libérés \
         samedi dans la région de Tombouctou, a annoncé dimanche le gouvernement de transition.\n\n\
         Les ex-otages ont été accueillis lundi à Bamako par le ministre des Affaires étrangères.",
        "2026-07-21",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    let release = ms.iter().find(|m| !m.background).unwrap();
    assert_eq!(release.event_type, EventType::StrategicDevelopments);
    assert_eq!(release.sub_event_type, SubEventType::Other);
    assert_eq!(day(release), "2026-07-18");
    assert_eq!(location(release), "Tombouctou");
    assert_eq!(actor1(release), "Government of Mali (2021-)");
    assert!(field(release, "abducted").is_empty());
    let abduction = ms.iter().find(|m| m.background).unwrap();
    assert_eq!(
        abduction.sub_event_type,
        SubEventType::AbductionForcedDisappearance
    );
    assert_eq!(day(abduction), "2026-04-02");
    assert_eq!(location(abduction), "Kayes");
}

#[test]
fn hostages_freed_are_a_release_and_their_abduction_is_recalled_en() {
    let ms = mentions(
        "Three Chinese engineers kidnapped on 2 April in the Kayes region were freed on Saturday \
         in the Timbuktu region, the transitional government announced on Sunday.",
        "2026-07-21",
    );
    let release = ms.iter().find(|m| !m.background).expect("a release");
    assert_eq!(release.sub_event_type, SubEventType::Other);
    assert_eq!(day(release), "2026-07-18");
    assert_eq!(actor1(release), "Government of Mali (2021-)");
    assert!(field(release, "abducted").is_empty());
    let abduction = ms
        .iter()
        .find(|m| m.background)
        .expect("the abduction recalled");
    assert_eq!(day(abduction), "2026-04-02");
}

#[test]
fn a_release_story_that_tells_the_abduction_with_its_day_keeps_the_abduction_fr_en() {
    // Pages with no date: the release's weekday resolves to nothing, the abduction's day and
    // month are all there is to tell the two apart.
    for (text, lang) in [
        (
            "Dix des onze otages enlevés la semaine dernière par des membres présumés de Boko \
             Haram ont été libérés jeudi par l'armée dans l'Extrême-Nord, a annoncé le \
             gouverneur. Le 13 août, onze passagers d'un bus ont été enlevés près de Mora par \
             des membres présumés de Boko Haram.",
            "fr",
        ),
        (
            "Ten of the eleven hostages kidnapped last week by suspected Boko Haram members were \
             freed by the army on Thursday in the Far North, the governor said. On August 13, \
             eleven bus passengers were kidnapped near Mora by suspected Boko Haram members.",
            "en",
        ),
    ] {
        let ms = mentions(text, "");
        let abduction = ms
            .iter()
            .find(|m| m.sub_event_type == SubEventType::AbductionForcedDisappearance)
            .unwrap_or_else(|| panic!("{lang}: no abduction in {ms:#?}"));
        assert_eq!(location(abduction), "Mora", "{lang}: {abduction:#?}");
        assert!(
            abduction.keys.iter().any(|k| k == "day:08-13"),
            "{lang}: {abduction:#?}"
        );
    }
}

#[test]
fn one_abductee_freed_the_next_day_stays_in_the_abduction_fr() {
    let ms = mentions(
        "Trois agents de santé ont été enlevés lundi soir près de Ménaka par des hommes armés. \
         Le chauffeur a été libéré mardi matin et a regagné un hameau voisin.",
        "2026-07-08",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(
        ms[0].sub_event_type,
        SubEventType::AbductionForcedDisappearance
    );
    assert_eq!(day(&ms[0]), "2026-07-06");
}

#[test]
fn one_abductee_freed_the_next_day_stays_in_the_abduction_en() {
    let ms = mentions(
        "Three health workers were abducted near Ménaka late on Monday by gunmen. The driver \
         was freed on Tuesday morning and walked to a nearby hamlet.",
        "2026-07-08",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(
        ms[0].sub_event_type,
        SubEventType::AbductionForcedDisappearance
    );
    assert_eq!(day(&ms[0]), "2026-07-06");
}

// --- A curfew after an attack: two events, the curfew the authorities' --------------------------

#[test]
fn a_curfew_after_an_attack_is_the_governors_and_the_attack_a_battle_fr() {
    let ms = mentions(
        "Le gouverneur de la région de Ségou a instauré lundi un couvre-feu à Niono, deux jours \
         après l'attaque contre le poste de gendarmerie de la ville.\n\n\
         L'attaque de samedi a coûté la vie à trois gendarmes, selon un élu local. Elle n'a pas \
         été revendiquée, mais le JNIM est très présent dans la zone.",
        "2026-09-09",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    let curfew = ms
        .iter()
        .find(|m| m.event_type == EventType::StrategicDevelopments)
        .unwrap();
    assert_eq!(curfew.sub_event_type, SubEventType::ChangeToGroupActivity);
    assert_eq!(day(curfew), "2026-09-07");
    assert_eq!(actor1(curfew), "Government of Mali (2021-)");
    let attack = ms
        .iter()
        .find(|m| m.event_type == EventType::Battles)
        .unwrap();
    assert_eq!(attack.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(day(attack), "2026-09-05");
    assert_eq!(field(attack, "fatalities"), vec![3]);
    // Named only as present in the area: not the perpetrator.
    assert_eq!(actor1(attack), "Unidentified Armed Group (Mali)");
}

#[test]
fn a_curfew_after_an_attack_is_the_governors_and_the_attack_a_battle_en() {
    let ms = mentions(
        "The governor of the Ségou region imposed a curfew in Niono on Monday, two days after \
         the attack on the town's gendarmerie post.\n\n\
         Saturday's attack claimed the lives of three gendarmes, a local official said. It has \
         not been claimed, but JNIM is present in the area.",
        "2026-09-09",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    let curfew = ms
        .iter()
        .find(|m| m.event_type == EventType::StrategicDevelopments)
        .unwrap();
    assert_eq!(day(curfew), "2026-09-07");
    assert_eq!(actor1(curfew), "Government of Mali (2021-)");
    let attack = ms
        .iter()
        .find(|m| m.event_type == EventType::Battles)
        .unwrap();
    assert_eq!(day(attack), "2026-09-05");
    assert_eq!(field(attack, "fatalities"), vec![3]);
    assert_eq!(actor1(attack), "Unidentified Armed Group (Mali)");
}

// --- Back references: claims in the passive, "the day after the abduction" --------------------

#[test]
fn a_claim_in_the_passive_and_a_back_reference_add_no_incident_fr() {
    let ms = mentions(
        "Deux techniciens ont été enlevés le 3 mars 2026 près de Kita. Le corps de leur gardien \
         a été retrouvé le lendemain de l'enlèvement. Le rapt a été revendiqué en avril par le \
         JNIM.",
        "2026-03-20",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-03");
    assert_eq!(
        actor1(&ms[0]),
        "JNIM: Group for Support of Islam and Muslims"
    );
}

#[test]
fn a_claim_in_the_passive_and_a_back_reference_add_no_incident_en() {
    let ms = mentions(
        "Two technicians were kidnapped near Kita on 3 March 2026. The body of their guard was \
         found the day after the kidnapping. The abduction was claimed in April by JNIM.",
        "2026-03-20",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-03");
    assert_eq!(
        actor1(&ms[0]),
        "JNIM: Group for Support of Islam and Muslims"
    );
}

// --- Lynchings: mob violence that kills one person ----------------------------------------------

#[test]
fn a_lynching_is_mob_violence_with_one_dead_fr() {
    let ms = mentions(
        "Le 3 septembre, un commerçant accusé de vol avait été lynché par des habitants à \
         Tominian.",
        "2026-09-20",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].event_type, EventType::Riots);
    assert_eq!(ms[0].sub_event_type, SubEventType::MobViolence);
    assert_eq!(actor1(&ms[0]), "Rioters (Mali)");
    assert_eq!(
        ms[0].actor2.as_ref().map(|a| a.name.as_str()),
        Some("Civilians (Mali)")
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![1]);
}

#[test]
fn a_lynching_is_mob_violence_with_one_dead_en() {
    let ms = mentions(
        "On 3 September one trader accused of theft was lynched by residents in Tominian, Mali.",
        "2026-09-20",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].sub_event_type, SubEventType::MobViolence);
    assert_eq!(actor1(&ms[0]), "Rioters (Mali)");
    assert_eq!(field(&ms[0], "fatalities"), vec![1]);
}

#[test]
fn one_person_after_an_indefinite_article_is_a_count_of_one() {
    let ms = mentions(
        "Un berger a été tué le 3 septembre 2026 par des hommes armés près de Tominian.",
        "2026-09-05",
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![1]);
    let ms = mentions(
        "One herder was killed by gunmen near Tominian, Mali, on 3 September 2026.",
        "2026-09-05",
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![1]);
    // A witness is not a victim.
    let ms = mentions(
        "Un homme a raconté que des hommes armés avaient tué quatre civils le 3 septembre 2026 \
         près de Tominian.",
        "2026-09-05",
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![4]);
}

// --- Motorbikes are not attackers ---------------------------------------------------------------

#[test]
fn motorbikes_counted_are_not_attackers_fr() {
    let ms = mentions(
        "Le 3 septembre 2026, des assaillants arrivés à bord d'une quarantaine de motos ont tué \
         cinq civils à Bangadié.",
        "2026-09-05",
    );
    assert!(field(&ms[0], "attackers").is_empty(), "{ms:#?}");
    let ms = mentions(
        "Les assaillants, une trentaine d'hommes armés à moto, ont incendié le marché de \
         Bangadié le 3 septembre 2026.",
        "2026-09-05",
    );
    assert_eq!(field(&ms[0], "attackers"), vec![30]);
}

#[test]
fn motorbikes_counted_are_not_attackers_en() {
    let ms = mentions(
        "On 3 September 2026, attackers who arrived on about forty motorbikes killed five \
         civilians in Bangadié, Mali.",
        "2026-09-05",
    );
    assert!(field(&ms[0], "attackers").is_empty(), "{ms:#?}");
    let ms = mentions(
        "The attackers, about thirty gunmen on motorbikes, burned the market in Bangadié, Mali, \
         on 3 September 2026.",
        "2026-09-05",
    );
    assert_eq!(field(&ms[0], "attackers"), vec![30]);
}

#[test]
fn a_town_freed_is_not_a_release_of_hostages() {
    for text in [
        "Les FAMa ont libéré samedi la ville de Léré, selon l'état-major.",
        "The army freed the town of Léré, in Mali, on Saturday, the general staff said.",
    ] {
        let ms = mentions(text, "2026-09-08");
        assert!(
            ms.iter().all(|m| m.sub_event_type != SubEventType::Other),
            "{ms:#?}"
        );
    }
    // Hostages named in the sentence make it a release.
    let ms = mentions(
        "Deux otages italiens ont été libérés samedi près de Léré, au Mali.",
        "2026-09-08",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].sub_event_type, SubEventType::Other);
    assert_eq!(day(&ms[0]), "2026-09-05");
}

#[test]
fn a_government_that_condemns_an_attack_is_not_a_side_of_it() {
    for text in [
        "Le gouvernement a condamné l'attaque du camp militaire de Boni, où cinq soldats de \
         l'armée malienne ont été tués le 3 mars 2026.",
        "The government condemned the attack on the army camp in Boni, Mali, where five Malian \
         soldiers were killed on 3 March 2026.",
    ] {
        let ms = mentions(text, "2026-03-05");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(ms[0].event_type, EventType::Battles);
        assert_eq!(
            ms[0].actor2.as_ref().map(|a| a.name.as_str()),
            Some("Military Forces of Mali (2021-)")
        );
    }
}

// --- Companions named with a counted group; headlines restate the body --------------------------

#[test]
fn companions_named_with_the_group_add_one_each_fr() {
    let ms = mentions(
        "Deux techniciens ont été enlevés le 3 mars 2026 près de Kita, en même temps que leur \
         chauffeur malien et un gardien du site.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "abducted"), vec![4]);
    // Listed members are not companions; a companion with a verb of its own is not either.
    let ms = mentions(
        "Le 3 mars 2026, deux employés d'une ONG, une infirmière et un chauffeur, ont été enlevés \
         près de Kita.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "abducted"), vec![2]);
    let ms = mentions(
        "Deux soldats ont été tués le 3 mars 2026 près de Kita et leur chauffeur blessé.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![2]);
}

#[test]
fn companions_named_with_the_group_add_one_each_en() {
    let ms = mentions(
        "Two aid workers and their driver were abducted near Kita, Mali, on 3 March 2026.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "abducted"), vec![3]);
    let ms = mentions(
        "On 3 March 2026, two NGO staff, a nurse and a driver, were abducted near Kita, Mali.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "abducted"), vec![2]);
}

#[test]
fn a_headline_figure_is_provisional_next_to_the_bodys() {
    let ms = mentions(
        "Two aid workers kidnapped in Mali's Ménaka region\n\n\
         Two foreign employees of a medical charity and their Malian driver were abducted near \
         Inékar on 6 July 2026, the organisation said.",
        "2026-07-08",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    let abducted: Vec<(u32, bool)> = ms[0]
        .claims
        .iter()
        .filter(|c| c.field == "abducted")
        .filter_map(|c| match c.value {
            ClaimValue::Count(Quantity { best, .. }) => Some((best, c.hedged)),
            _ => None,
        })
        .collect();
    assert_eq!(abducted, vec![(2, true), (3, false)]);
}

// --- An arrest told in weak words, beside an opponent's word for it ----------------------------

// "ont arrêté", "apprehended" are weak words (a decree, a stop); the party's "un enlèvement"
// in the next sentence is a strong one. The report announces an arrest all the same: the
// anchor's own words say what happened, not the strongest word of the frame.
#[test]
fn an_arrest_an_opponent_calls_a_kidnapping_is_an_arrest_fr_en() {
    for text in [
        "Des gendarmes ont arrêté vendredi à Nouakchott le sénateur Ahmed Ould Salem, figure de \
         l'opposition. Son parti a dénoncé « un enlèvement » et exige sa libération.",
        "Gendarmes apprehended opposition senator Ahmed Ould Salem in Nouakchott on Friday. His \
         party denounced \"a kidnapping\" and demanded his release.",
    ] {
        let ms = mentions(text, "2026-03-14");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(ms[0].sub_event_type, SubEventType::Arrests);
        assert_eq!(day(&ms[0]), "2026-03-13");
        assert_eq!(location(&ms[0]), "Nouakchott");
    }
}
