//! Extraction rules checked on short reports written for these tests (fiction, French and
//! English): what each rule must give, value by value.

use vigie_core::{EventType, Mention, SubEventType, Victims};

mod common;
use common::*;

#[test]
fn an_indefinite_article_before_a_thing_is_not_a_count_fr() {
    let ms = mentions(
        "Un convoi militaire a été pris en embuscade près de Bankass le 3 mars 2026 ; huit \
         soldats ont été tués.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1);
    assert_eq!(field(&ms[0], "fatalities"), vec![8]);
    // Right before its noun, the article does count one.
    let ms = mentions(
        "Un soldat a été tué le 3 mars 2026 dans l'attaque du camp militaire de Bankass.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![1]);
}

#[test]
fn an_indefinite_article_before_a_thing_is_not_a_count_en() {
    let ms = mentions(
        "A convoy of soldiers was ambushed near Bankass on 3 March 2026 and eight soldiers \
         were killed.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1);
    assert_eq!(field(&ms[0], "fatalities"), vec![8]);
    let ms = mentions(
        "One soldier was killed on 3 March 2026 when gunmen attacked the army camp in Bankass.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![1]);
}

#[test]
fn two_towns_of_one_cercle_in_two_paragraphs_are_two_incidents_fr() {
    let ms = mentions(
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Deux attaques ont visé l'armée malienne lundi dans le cercle de Bankass. Le matin, une \
         patrouille a été prise en embuscade près de Bankass ; six soldats ont été tués, selon \
         un élu local.\n\n\
         Dans l'après-midi, le camp de Diallassagou a été attaqué à son tour. L'armée affirme \
         avoir repoussé les assaillants.",
        "2026-03-04",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Bankass");
    assert_eq!(ms[0].place.as_ref().unwrap().geo_precision, 2);
    assert_eq!(field(&ms[0], "fatalities"), vec![6]);
    assert_eq!(location(&ms[1]), "Diallassagou");
    assert!(field(&ms[1], "fatalities").is_empty());
    for m in &ms {
        assert_eq!(m.sub_event_type, SubEventType::ArmedClash);
        assert_eq!(m.date.unwrap().date.to_string(), "2026-03-02");
    }
}

#[test]
fn two_towns_of_one_region_in_two_paragraphs_are_two_incidents_en() {
    let ms = mentions(
        "Fictional report written for Vigie's tests.\n\n\
         Two separate attacks hit the army in Burkina Faso's Sahel region on Sunday. In the \
         morning, a military convoy was ambushed near Djibo; nine soldiers were killed, a \
         security source said.\n\n\
         Hours later, the army camp at Arbinda was attacked in turn. The army said it had \
         repelled the assault.",
        "2026-03-03",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Djibo");
    assert_eq!(field(&ms[0], "fatalities"), vec![9]);
    // The gazetteer's name of the town (Arbinda is its other spelling).
    assert_eq!(location(&ms[1]), "Aribinda");
    assert!(field(&ms[1], "fatalities").is_empty());
    for m in &ms {
        assert_eq!(m.event_type, EventType::Battles);
        assert_eq!(m.date.unwrap().date.to_string(), "2026-03-01");
    }
}

#[test]
fn abducted_then_killed_is_an_attack_on_civilians_en() {
    let ms = mentions(
        "Fictional report written for Vigie's tests.\n\n\
         Armed men stopped a bus near Bankass on Monday and forced nine passengers off, \
         relatives said. The bodies of three of them were found on Tuesday, a local official \
         told AFP. Witnesses said the attackers, about fifteen men on motorbikes, had been \
         running checkpoints on the road.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    let m = &ms[0];
    assert_eq!(m.event_type, EventType::ViolenceAgainstCivilians);
    assert_eq!(m.sub_event_type, SubEventType::Attack);
    assert_eq!(m.date.unwrap().date.to_string(), "2026-03-02");
    assert_eq!(m.actor2.as_ref().unwrap().name, "Civilians (Mali)");
    assert_eq!(field(m, "abducted"), vec![9]);
    assert_eq!(field(m, "fatalities"), vec![3]);
    assert_eq!(field(m, "attackers"), vec![15]);
    let fatal = m.claims.iter().find(|c| c.field == "fatalities").unwrap();
    assert_eq!(fatal.attributed_to.as_deref(), Some("a local official"));
}

#[test]
fn abducted_then_killed_is_an_attack_on_civilians_fr() {
    let ms = mentions(
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Des hommes armés ont fait descendre six passagers d'un car près de Bankass lundi, \
         selon des proches. Les corps de deux d'entre eux ont été retrouvés mardi. Les \
         ravisseurs, une trentaine selon un témoin, circulaient à moto.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    let m = &ms[0];
    assert_eq!(m.sub_event_type, SubEventType::Attack);
    assert_eq!(m.date.unwrap().date.to_string(), "2026-03-02");
    assert_eq!(field(m, "abducted"), vec![6]);
    assert_eq!(field(m, "fatalities"), vec![2]);
    assert_eq!(field(m, "attackers"), vec![30]);
}

#[test]
fn a_count_of_them_takes_the_noun_before_it() {
    let ms = mentions(
        "Le 3 mars 2026, l'armée a repoussé des assaillants près de Bankass et affirme en avoir \
         tué plusieurs d'entre eux.",
        "2026-03-05",
    );
    let c = counts(&ms[0]);
    assert!(
        c.contains(&("fatalities".to_string(), 3, Some(Victims::Attackers))),
        "{c:?}"
    );
    let ms = mentions(
        "On 3 March 2026 gunmen kidnapped twelve traders near Bankass and killed four of them.",
        "2026-03-05",
    );
    assert_eq!(ms[0].sub_event_type, SubEventType::Attack);
    assert_eq!(field(&ms[0], "abducted"), vec![12]);
    assert_eq!(field(&ms[0], "fatalities"), vec![4]);
}

#[test]
fn a_target_in_a_relative_clause_is_context() {
    // The arson hit a market; the camp is only where the supplied soldiers are.
    let ms = mentions(
        "Des hommes armés ont incendié le 3 mars 2026 le marché de Bankass, qui ravitaillait \
         le camp voisin. Il n'y a eu aucun mort ni blessé.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].sub_event_type,
        SubEventType::LootingPropertyDestruction
    );
    let ms = mentions(
        "Gunmen burned the market of Bankass on 3 March 2026, which supplied the nearby army \
         camp. No one was hurt.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].sub_event_type,
        SubEventType::LootingPropertyDestruction
    );
}

fn actor_names(m: &Mention) -> (String, String) {
    (
        m.actor1.as_ref().map_or("-".into(), |a| a.name.clone()),
        m.actor2.as_ref().map_or("-".into(), |a| a.name.clone()),
    )
}

#[test]
fn a_group_that_was_attacked_is_the_other_side_not_the_perpetrator_en() {
    let ms = mentions(
        "Gunmen attacked a post of the Volunteers for the Defense of the Homeland in Djibo on \
         3 March 2026, killing four volunteers and one civilian, a local source said.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].sub_event_type, SubEventType::ArmedClash);
    assert_eq!(
        actor_names(&ms[0]),
        (
            "Unidentified Armed Group (Burkina Faso)".to_string(),
            "VDP: Volunteers for the Defense of the Homeland".to_string()
        )
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![4, 1]);
}

#[test]
fn a_group_that_was_attacked_is_the_other_side_not_the_perpetrator_fr() {
    let ms = mentions(
        "Des combats ont opposé le 3 mars 2026 des combattants du JNIM à ceux de l'État \
         islamique au Sahel près de Ménaka. Une centaine de combattants de l'État islamique \
         au Sahel ont mené l'assaut contre une position du JNIM.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(
        actor_names(&ms[0]),
        (
            "Islamic State Sahel".to_string(),
            "JNIM: Group for Support of Islam and Muslims".to_string()
        )
    );
    // The agent after "par" is the perpetrator.
    let ms = mentions(
        "Le poste de Ménaka a été attaqué le 3 mars 2026 par des combattants du JNIM.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "JNIM: Group for Support of Islam and Muslims"
    );
}

#[test]
fn a_group_only_said_to_be_active_in_the_area_is_not_the_perpetrator() {
    let ms = mentions(
        "Des hommes armés ont enlevé quatre commerçants près de Bankass le 3 mars 2026. \
         L'enlèvement n'a pas été revendiqué ; le JNIM est actif dans la zone.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Unidentified Armed Group (Mali)"
    );
    assert_eq!(field(&ms[0], "abducted"), vec![4]);
    let ms = mentions(
        "Gunmen kidnapped four traders near Bankass on 3 March 2026. Nobody claimed the \
         kidnapping. JNIM is active in the area.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Unidentified Armed Group (Mali)"
    );
}

#[test]
fn a_drone_strike_is_the_state_air_force_s_and_hits_civilians() {
    let ms = mentions(
        "A drone strike killed nine people at a market near Bankass on 3 March 2026, \
         residents said. They said all of them were civilians. The strike was carried out by \
         the Malian army.",
        "2026-03-05",
    );
    assert_eq!(ms[0].sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(
        actor_names(&ms[0]),
        (
            "Military Forces of Mali (2021-)".to_string(),
            "Civilians (Mali)".to_string()
        )
    );
    let ms = mentions(
        "Une frappe de drone a tué neuf civils sur un marché près de Bankass le 3 mars 2026, \
         selon des habitants. L'armée malienne n'a pas commenté.",
        "2026-03-05",
    );
    assert_eq!(
        actor_names(&ms[0]),
        (
            "Military Forces of Mali (2021-)".to_string(),
            "Civilians (Mali)".to_string()
        )
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![9]);
}

#[test]
fn figures_of_a_communique_and_lives_lost_fr() {
    let ms = mentions(
        "Le camp militaire de Bankass a été attaqué le 3 mars 2026 par des combattants du \
         JNIM. Le communiqué de l'état-major fait état de deux soldats tués, ainsi que d'une \
         vingtaine d'assaillants neutralisés. Selon un élu, au moins deux militaires ont \
         perdu la vie.",
        "2026-03-05",
    );
    let c = counts(&ms[0]);
    assert_eq!(
        c,
        vec![
            ("fatalities".to_string(), 2, Some(Victims::Soldiers)),
            ("fatalities".to_string(), 20, Some(Victims::Attackers)),
            ("fatalities".to_string(), 2, Some(Victims::Soldiers)),
        ]
    );
    let src: Vec<Option<&str>> = ms[0]
        .claims
        .iter()
        .filter(|c| c.field == "fatalities")
        .map(|c| c.attributed_to.as_deref())
        .collect();
    assert_eq!(
        src,
        vec![
            Some("Le communiqué de l'état-major"),
            Some("Le communiqué de l'état-major"),
            Some("un élu")
        ]
    );
}

#[test]
fn an_escort_is_on_the_victims_side() {
    let ms = mentions(
        "Un convoi de l'armée burkinabè a sauté sur un engin explosif près de Djibo le 3 mars \
         2026 ; deux soldats ont été tués. Le convoi, escorté par des VDP, a poursuivi sa route.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].sub_event_type,
        SubEventType::RemoteExplosiveLandmineIed
    );
    assert_eq!(
        actor_names(&ms[0]),
        (
            "Unidentified Armed Group (Burkina Faso)".to_string(),
            "Military Forces of Burkina Faso (2022-)".to_string()
        )
    );
    assert_eq!(
        ms[0].assoc_actor2.as_ref().map(|a| a.name.as_str()),
        Some("VDP: Volunteers for the Defense of the Homeland")
    );
    let ms = mentions(
        "A Burkinabe army convoy, escorted by the Volunteers for the Defense of the Homeland, \
         hit a roadside bomb near Djibo on 3 March 2026, killing two soldiers.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].actor1.as_ref().map(|a| a.name.as_str()),
        Some("Unidentified Armed Group (Burkina Faso)")
    );
}

#[test]
fn a_part_of_a_count_is_not_another_count() {
    let ms = mentions(
        "Des hommes armés ont enlevé six commerçants, dont deux ressortissants ivoiriens, près \
         de Bankass le 3 mars 2026.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "abducted"), vec![6]);
    let ms = mentions(
        "Gunmen killed eight villagers, including three children, near Bankass on 3 March 2026.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![8]);
}

#[test]
fn a_group_named_for_an_older_similar_attack_is_not_the_perpetrator() {
    let ms = mentions(
        "Un kamikaze s'est fait exploser le 3 mars 2026 devant le camp militaire de Bankass, \
         tuant quatre soldats. L'attaque n'a pas été revendiquée ; le JNIM avait mené une \
         opération semblable dans la région.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(
        ms[0].actor1.as_ref().map(|a| a.name.as_str()),
        Some("Unidentified Armed Group (Mali)")
    );
    let ms = mentions(
        "A suicide bomber blew himself up outside the army camp in Bankass on 3 March 2026, \
         killing four soldiers. JNIM carried out a similar operation in the region in the past.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(
        ms[0].actor1.as_ref().map(|a| a.name.as_str()),
        Some("Unidentified Armed Group (Mali)")
    );
}

#[test]
fn a_claim_goes_to_the_incident_it_names() {
    let ms = mentions(
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Une patrouille militaire a été prise en embuscade lundi près de Bankass ; trois \
         soldats ont été tués.\n\n\
         Le lendemain, des hommes armés ont enlevé quatre éleveurs près de Bandiagara. Le \
         JNIM a revendiqué l'embuscade de lundi.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Bankass");
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "JNIM: Group for Support of Islam and Muslims"
    );
    assert_eq!(location(&ms[1]), "Bandiagara");
    assert_eq!(
        ms[1].actor1.as_ref().unwrap().name,
        "Unidentified Armed Group (Mali)"
    );
    let ms = mentions(
        "Fictional report written for Vigie's tests.\n\n\
         Gunmen raided the village of Bankass on Monday, killing six villagers.\n\n\
         On the same day, an army post in Bandiagara came under fire. Islamic State Sahel \
         claimed the raid on Bankass on Tuesday.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Bankass");
    assert_eq!(ms[0].actor1.as_ref().unwrap().name, "Islamic State Sahel");
    assert_eq!(ms[0].date.unwrap().date.to_string(), "2026-03-02");
    assert_eq!(location(&ms[1]), "Bandiagara");
    assert_eq!(
        ms[1].actor1.as_ref().unwrap().name,
        "Unidentified Armed Group (Mali)"
    );
}

#[test]
fn a_number_in_apposition_to_the_attackers_counts_them() {
    let ms = mentions(
        "Des hommes armés ont attaqué le camp militaire de Bankass le 3 mars 2026. Les \
         assaillants, une quarantaine selon des habitants, sont repartis vers le nord.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "attackers"), vec![40]);
    let ms = mentions(
        "Gunmen attacked the army camp in Bankass on 3 March 2026. The attackers, about forty \
         according to residents, fled north.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "attackers"), vec![40]);
}

#[test]
fn an_earlier_attack_recalled_to_date_a_new_one_is_its_own_background_incident() {
    let ms = mentions(
        "Une semaine après l'attaque du 2 mars contre le camp militaire de Bankass, la ville a \
         de nouveau été visée lundi : des hommes armés ont tué cinq civils au marché.",
        "2026-03-12",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    let recalled = ms.iter().find(|m| m.background).unwrap();
    assert_eq!(recalled.date.unwrap().date.to_string(), "2026-03-02");
    assert_eq!(location(recalled), "Bankass");
    let news = ms.iter().find(|m| !m.background).unwrap();
    assert_eq!(news.date.unwrap().date.to_string(), "2026-03-09");
    assert_eq!(news.sub_event_type, SubEventType::Attack);
    assert_eq!(field(news, "fatalities"), vec![5]);
    assert!(field(recalled, "fatalities").is_empty());

    let ms = mentions(
        "A week after the 2 March attack on the army camp in Bankass, gunmen struck the town \
         again on Monday, killing five civilians at the market.",
        "2026-03-12",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    let recalled = ms.iter().find(|m| m.background).unwrap();
    assert_eq!(recalled.date.unwrap().date.to_string(), "2026-03-02");
    let news = ms.iter().find(|m| !m.background).unwrap();
    assert_eq!(news.date.unwrap().date.to_string(), "2026-03-09");
}

#[test]
fn the_people_who_report_are_not_a_target() {
    use vigie_core::TargetKind;
    let ms = mentions(
        "Selon des habitants, des hommes armés ont pris d'assaut le camp militaire de Bankass \
         le 3 mars 2026.",
        "2026-03-05",
    );
    let kinds: Vec<TargetKind> = ms[0].targets.iter().map(|t| t.kind).collect();
    assert_eq!(kinds, vec![TargetKind::MilitaryBase]);
    let ms = mentions(
        "Gunmen overran the army camp in Bankass on 3 March 2026, residents said.",
        "2026-03-05",
    );
    let kinds: Vec<TargetKind> = ms[0].targets.iter().map(|t| t.kind).collect();
    assert_eq!(kinds, vec![TargetKind::MilitaryBase]);
    // Victims named as such stay a target.
    let ms = mentions(
        "Gunmen killed four residents of Bankass on 3 March 2026, a local official said.",
        "2026-03-05",
    );
    assert!(ms[0]
        .targets
        .iter()
        .any(|t| t.kind == TargetKind::Civilians));
}

#[test]
fn a_number_right_after_a_verb_counts_the_people_named_before() {
    let ms = mentions(
        "Des hommes armés ont ouvert le feu au marché de Bankass le 3 mars 2026, tuant six \
         civils et en blessant une dizaine.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![6]);
    assert_eq!(field(&ms[0], "injured"), vec![10]);
    let ms = mentions(
        "Gunmen opened fire at the market in Bankass on 3 March 2026, killing six villagers and \
         wounding a dozen.",
        "2026-03-05",
    );
    assert_eq!(field(&ms[0], "fatalities"), vec![6]);
    assert_eq!(field(&ms[0], "injured"), vec![12]);
}

#[test]
fn a_raid_acted_out_in_a_military_exercise_is_no_incident_en() {
    let ms = mentions(
        "Commandos simulate a raid on a militant camp during a military exercise near Ouallam, \
         Niger, on April 3, 2026.",
        "2026-04-05",
    );
    assert!(ms.is_empty(), "{ms:#?}");
    // The attack that happened the same week is one.
    let ms = mentions(
        "Commandos simulated a raid near Ouallam on April 3, 2026. Two days later, gunmen \
         attacked the army post of Banibangou, killing six soldiers.",
        "2026-04-06",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(field(&ms[0], "fatalities"), vec![6]);
}

#[test]
fn a_raid_acted_out_in_a_military_exercise_is_no_incident_fr() {
    let ms = mentions(
        "Lors d'exercices militaires conjoints, des soldats simulent une attaque contre un \
         camp jihadiste près de Sévaré, le 12 février 2026.",
        "2026-02-14",
    );
    assert!(ms.is_empty(), "{ms:#?}");
}

#[test]
fn mourning_and_tribute_sentences_start_no_incident_fr() {
    // The attack is told once; the mourning declared afterwards names it and another tragedy
    // in the capital, with a later date: neither is a new incident.
    let ms = mentions(
        "Des hommes armés ont attaqué le camp militaire de Boni le 3 mars 2026, tuant douze \
         soldats. Le jeudi 5 mars, le président a décrété un deuil national de trois jours en \
         hommage aux victimes de l'attaque de Boni et des incendies survenus à Bamako.",
        "2026-03-06",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(
        ms[0].place.as_ref().map(|p| p.location.as_str()),
        Some("Boni")
    );
    assert_eq!(
        ms[0].date.map(|d| d.date.to_string()).as_deref(),
        Some("2026-03-03")
    );
}

#[test]
fn mourning_and_tribute_sentences_start_no_incident_en() {
    let ms = mentions(
        "Gunmen attacked the army camp in Boni on March 3, 2026, killing twelve soldiers. On \
         Thursday March 5, flags flew at half-mast in Bamako as the country observed a minute \
         of silence in tribute to the victims of the attack.",
        "2026-03-06",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(
        ms[0].place.as_ref().map(|p| p.location.as_str()),
        Some("Boni")
    );
}

#[test]
fn a_trend_of_attacks_or_a_fear_of_them_is_no_incident() {
    let ms = mentions(
        "Face à la multiplication des attaques meurtrières dans le nord du Bénin, le président \
         était en visite à Cotonou mardi.",
        "2026-03-06",
    );
    assert!(ms.is_empty(), "{ms:#?}");
    let ms = mentions(
        "Men, afraid to be targeted by armed groups, hide in the bush near Ménaka, an aid \
         worker said on Tuesday.",
        "2026-03-06",
    );
    assert!(ms.is_empty(), "{ms:#?}");
}

#[test]
fn foreign_forces_named_for_their_help_or_departure_are_not_the_perpetrator() {
    let ms = mentions(
        "Des hommes armés ont tué douze villageois à Bankass le 3 mars 2026. Le départ des \
         forces françaises et la fin de la mission de l'ONU au Mali ont affaibli la région.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Unidentified Armed Group (Mali)"
    );
    let ms = mentions(
        "Gunmen killed twelve villagers in Bankass on 3 March 2026. The expulsion of French \
         troops and the end of the UN mission in Mali have weakened the region.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Unidentified Armed Group (Mali)"
    );
    // Made the agent, they are.
    let ms = mentions(
        "Deux combattants ont été tués le 3 mars 2026 près de Ménaka lors d'une opération \
         menée par la force Barkhane.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Military Forces of France"
    );
    let ms = mentions(
        "French troops attacked a militant camp near Menaka on 3 March 2026, killing two \
         fighters.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Military Forces of France"
    );
    // An air strike the frame reports is theirs when they are named, even without a verb.
    let ms = mentions(
        "Une frappe aérienne a tué deux combattants près de Ménaka le 3 mars 2026, en appui \
         de la force Barkhane.",
        "2026-03-05",
    );
    assert_eq!(ms[0].sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Military Forces of France"
    );
}

#[test]
fn groups_named_to_describe_the_conflict_are_not_the_perpetrator() {
    let ms = mentions(
        "A jihadist attack on an army camp near Bankass killed 12 soldiers on 3 March 2026. \
         The country has been battling groups affiliated with al-Qaeda and the Islamic State \
         for more than a decade.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Unidentified Armed Group (Mali)"
    );
    let ms = mentions(
        "Une attaque jihadiste contre un camp militaire près de Bankass a tué 12 soldats le \
         3 mars 2026. Le pays est en proie aux attaques de groupes liés à Al-Qaïda et à l'État \
         islamique.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Unidentified Armed Group (Mali)"
    );
    let ms = mentions(
        "Gunmen kidnapped a farmer near Bankass on 3 March 2026. Mali has faced a growing \
         number of attacks by groups linked to the Islamic State, and the area is key to \
         militant groups operating in the Sahel, including JNIM.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Unidentified Armed Group (Mali)"
    );
}

#[test]
fn a_vehicle_that_hit_a_mine_is_an_explosion_and_the_forces_that_stop_a_bomb_are_not_its_author() {
    let ms = mentions(
        "Un bus de transport en commun a heurté une mine le 3 mars 2026 près de Douentza, \
         tuant huit passagers.",
        "2026-03-05",
    );
    assert_eq!(
        ms[0].sub_event_type,
        SubEventType::RemoteExplosiveLandmineIed
    );
    let ms = mentions(
        "Trois véhicules piégés ont explosé le 3 mars 2026 à Sévaré, tuant neuf civils. Le \
         gouvernement a indiqué que l'attaque kamikaze avait été arrêtée par l'armée.",
        "2026-03-05",
    );
    assert_eq!(ms[0].sub_event_type, SubEventType::SuicideBomb);
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Unidentified Armed Group (Mali)"
    );
    let ms = mentions(
        "A suicide car bomb killed nine civilians in Sevare on 3 March 2026. Three vehicles \
         filled with explosives were destroyed by the army, the government said.",
        "2026-03-05",
    );
    assert_eq!(ms[0].sub_event_type, SubEventType::SuicideBomb);
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Unidentified Armed Group (Mali)"
    );
}

#[test]
fn recent_attacks_in_a_country_are_no_incident() {
    for text in [
        "With recent attacks in Benin, the security situation in the region is changing fast.",
        "Avec les récentes attaques au Bénin, la situation sécuritaire de la région change vite.",
    ] {
        assert!(mentions(text, "2026-03-05").is_empty(), "{text}");
    }
}

#[test]
fn an_air_strike_with_no_force_named_is_the_state_s() {
    let ms = mentions(
        "A military drone strike targeting bandits killed 30 villagers celebrating a wedding \
         near Kaduna on 3 March 2026, residents said.",
        "2026-03-05",
    );
    assert_eq!(ms[0].sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Military Forces of Nigeria (2023-)"
    );
    let ms = mentions(
        "Une frappe de drone visant des terroristes a tué 30 civils près de Kaduna, au Nigeria, \
         le 3 mars 2026.",
        "2026-03-05",
    );
    assert_eq!(ms[0].sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(
        ms[0].actor1.as_ref().unwrap().name,
        "Military Forces of Nigeria (2023-)"
    );
}

#[test]
fn a_group_counted_in_a_toll_s_breakdown_is_among_the_dead() {
    let ms = mentions(
        "Un convoi a été attaqué près de Djibo le 3 mars 2026 par des hommes armés. Le bilan \
         fait état de 47 morts, dont 30 civils, 14 soldats et 3 VDP.",
        "2026-03-05",
    );
    assert_eq!(
        actor_names(&ms[0]).0,
        "Unidentified Armed Group (Burkina Faso)".to_string()
    );
    let ms = mentions(
        "A convoy was attacked near Djibo on 3 March 2026 by gunmen. The toll stands at 47 dead, \
         including 30 civilians, 14 soldiers and 3 Volunteers for the Defense of the Homeland.",
        "2026-03-05",
    );
    assert_eq!(
        actor_names(&ms[0]).0,
        "Unidentified Armed Group (Burkina Faso)".to_string()
    );
}

#[test]
fn the_spot_where_the_attack_took_place_beats_the_roads_ends_fr() {
    let ms = mentions(
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         C'est un nouveau coup dur pour les forces de sécurité. Le mardi 3 mars 2026, l'axe \
         Bankass-Koro a été le théâtre d'une attaque d'une rare violence. Une centaine d'hommes \
         armés ont tendu une embuscade à un convoi de camions escorté par l'armée.\n\
         L'attaque a eu lieu vers 10 heures, près de la localité de Bérimbé.\n\
         Les assaillants ont ouvert le feu des deux côtés de la route. Neuf civils ont été tués.",
        "2026-03-04",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Bérimbé");
    assert_eq!(day(&ms[0]), "2026-03-03");
}

#[test]
fn the_spot_where_the_attack_took_place_beats_the_roads_ends_en() {
    let ms = mentions(
        "Fictional report written for Vigie's tests.\n\n\
         It is another blow for the security forces. On Tuesday, March 3, 2026, the \
         Bankass-Koro road was the scene of a brutal attack. About a hundred gunmen ambushed a \
         convoy of trucks escorted by the army.\n\
         The attack took place around 10 am near the village of Bérimbé.\n\
         The gunmen opened fire from both sides of the road. Nine civilians were killed.",
        "2026-03-04",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Bérimbé");
}

#[test]
fn a_village_named_between_two_towns_is_the_place_fr_en() {
    for text in [
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Le mardi 3 mars 2026, un car de transport a été attaqué entre Bankass et Koro, à \
         hauteur de Barassoro. Quatre passagers ont été tués.",
        "Fictional report written for Vigie's tests.\n\n\
         On Tuesday, March 3, 2026, gunmen attacked a bus between Bankass and Koro, near \
         Barassoro, killing four passengers.",
    ] {
        let ms = mentions(text, "2026-03-04");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(location(&ms[0]), "Barassoro", "{text}");
    }
}

#[test]
fn a_city_with_a_three_letter_name_is_a_place_without_a_locative_word_fr_en() {
    for text in [
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Des obus ont frappé Gao ce mardi matin, blessant deux soldats.",
        "Fictional report written for Vigie's tests.\n\n\
         Gao's airport and the army camp came under mortar fire on Tuesday morning; two \
         soldiers were wounded.",
    ] {
        let ms = mentions(text, "2026-03-04");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(location(&ms[0]), "Gao", "{text}");
    }
    // (a three-letter village is still not read into a capitalised word: "One of them")
    let ms = mentions(
        "Fictional report written for Vigie's tests.\n\n\
         Gunmen shot two traders on Tuesday. One of them died of his wounds.",
        "2026-03-04",
    );
    assert!(ms.iter().all(|m| location(m) != "One"), "{ms:#?}");
}

#[test]
fn a_story_with_no_day_of_its_own_takes_the_day_its_setting_gives_fr_en() {
    for text in [
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Deux kamikazes ont fait exploser leurs charges lors d'un mariage à Bérimbé, dans le \
         cercle de Bankass, tuant six invités.\n\n\
         La cérémonie se tenait samedi près du marché de Bérimbé.\n\n\
         Les blessés ont été évacués vers Bankass.",
        "Fictional report written for Vigie's tests.\n\n\
         Two suicide bombers detonated explosives at a wedding in Bérimbé, in Mali's Bankass \
         district, killing six guests.\n\n\
         The wedding was held on Saturday near the market of Bérimbé.\n\n\
         The wounded were taken to Bankass.",
    ] {
        let ms = mentions(text, "2026-03-09");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(day(&ms[0]), "2026-03-07", "{text}");
    }
}

#[test]
fn soldiers_and_attackers_in_a_tolls_breakdown_make_it_a_battle_fr_en() {
    for text in [
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Mardi 3 mars 2026, un commando a attaqué la mairie de Bérimbé, faisant 19 morts, dont \
         1 soldat de la garde, 18 parmi les assaillants, et 9 blessés.",
        "Fictional report written for Vigie's tests.\n\n\
         On Tuesday, March 3, 2026, gunmen attacked the town hall in Bérimbé, leaving 19 dead, \
         including one soldier and 18 among the attackers.",
    ] {
        let ms = mentions(text, "2026-03-04");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(ms[0].sub_event_type, SubEventType::ArmedClash, "{text}");
        assert_eq!(field(&ms[0], "fatalities"), vec![19], "{text}");
        // (18 is a part of the toll, not the number of attackers)
        assert!(field(&ms[0], "attackers").is_empty(), "{text}");
    }
}

#[test]
fn a_handover_story_that_only_describes_the_conflict_reports_no_incident_en_fr() {
    for text in [
        "Fictional report written for Vigie's tests.\n\n\
         The UN mission handed its last camp in Bankass to the authorities on Tuesday. The \
         security situation in this region, prey to jihadist attacks, precipitated its \
         departure. Since then, more than 40 of its members have been killed in hostile acts.",
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         La mission de l'ONU a remis mardi son dernier camp de Bankass aux autorités. La \
         situation sécuritaire de cette région, en proie aux attaques jihadistes, a précipité \
         son départ. Depuis lors, plus de 40 de ses membres ont été tués dans des actes hostiles.",
    ] {
        let ms = mentions(text, "2026-03-04");
        assert!(ms.is_empty(), "{text}\n{ms:#?}");
    }
}

#[test]
fn a_famous_older_incident_the_story_echoes_is_not_its_place_en_fr() {
    for text in [
        "Fictional report written for Vigie's tests.\n\n\
         Dozens of schoolgirls kidnapped by gunmen in Bérimbé are still missing, the governor \
         said on Thursday. This week's incident carries echoes of the most infamous abduction, \
         the 200 pupils taken in April 2014 in Barassoro. The gunmen drove into Bérimbé on \
         Monday night.",
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Des dizaines d'écolières enlevées par des hommes armés à Bérimbé sont toujours \
         portées disparues, a déclaré jeudi le gouverneur. L'enlèvement de cette semaine fait \
         écho à celui de 200 élèves en avril 2014 à Barassoro. Les hommes armés sont entrés \
         dans Bérimbé lundi soir.",
    ] {
        let ms = mentions(text, "2026-03-05");
        let current: Vec<&Mention> = ms.iter().filter(|m| !m.background).collect();
        assert!(!current.is_empty(), "{text}\n{ms:#?}");
        assert!(
            current.iter().all(|m| location(m) == "Bérimbé"),
            "{text}\n{:?}",
            locations(&ms)
        );
    }
}

#[test]
fn the_killing_of_an_armed_groups_men_is_a_battle_en_fr() {
    for text in [
        "Fictional report written for Vigie's tests.\n\n\
         Gunmen killed an MNLA officer near Bérimbé on Tuesday, March 3, 2026.",
        "Fictional report written for Vigie's tests.\n\n\
         GATIA's commander was killed near Bérimbé on Tuesday, March 3, 2026, by gunmen on \
         motorcycles.",
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Le commandant du GATIA a été tué mardi 3 mars 2026 près de Bérimbé par des hommes \
         armés non identifiés.",
    ] {
        let ms = mentions(text, "2026-03-04");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(ms[0].sub_event_type, SubEventType::ArmedClash, "{text}");
        assert!(actor1(&ms[0]).starts_with("Unidentified"), "{text}");
    }
    // (villagers killed by a community's militia stay an attack on civilians)
    let ms = mentions(
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Mardi 3 mars 2026, des chasseurs dozos ont tué 12 villageois à Bérimbé.",
        "2026-03-04",
    );
    assert_eq!(ms[0].sub_event_type, SubEventType::Attack);
}

#[test]
fn roadside_explosives_and_mine_detonations_are_explosions_en_fr() {
    for text in [
        "Fictional report written for Vigie's tests.\n\n\
         An army vehicle hit a roadside explosive near Bérimbé on Tuesday, March 3, 2026, \
         injuring two soldiers.",
        "Fictional report written for Vigie's tests.\n\n\
         A convoy was targeted by a mine detonation near Bérimbé on Tuesday, March 3, 2026; \
         three soldiers were wounded.",
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         L'explosion d'une mine a blessé trois soldats près de Bérimbé mardi 3 mars 2026.",
    ] {
        let ms = mentions(text, "2026-03-04");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(
            ms[0].sub_event_type,
            SubEventType::RemoteExplosiveLandmineIed,
            "{text}"
        );
    }
}

#[test]
fn a_trial_or_a_verdict_recalls_the_attack_it_judges_fr_en() {
    // The news is the verdict; the attack it judges is an older incident, recalled.
    for (text, published) in [
        (
            "Le verdict est tombé mercredi au procès de l'attaque du marché de Barassoro, qui \
             avait fait douze morts en mars 2024.",
            "2026-11-20",
        ),
        (
            "La cour d'assises de Bamako a jugé par contumace les auteurs de l'attaque contre le \
             poste de Barassoro, qui avait tué six gendarmes en 2023.",
            "2026-11-20",
        ),
        (
            "Five men were sentenced on Wednesday for the attack on the Barassoro market, which \
             killed twelve people in March 2024.",
            "2026-11-20",
        ),
        (
            "The trial of the men accused of the 2023 raid on the Barassoro post, in which six \
             gendarmes were killed, opened on Monday.",
            "2026-11-20",
        ),
    ] {
        let ms = mentions(text, published);
        assert!(ms.iter().all(|m| m.background), "{text}: {ms:#?}");
    }
    // A convict's escape is news: "condamné" alone is no trial.
    let ms = mentions(
        "Trois détenus condamnés à mort se sont évadés de la prison de Barassoro dans la nuit \
         de lundi à mardi après avoir tué un gardien.",
        "2026-11-18",
    );
    assert!(ms.iter().any(|m| !m.background), "{ms:#?}");
}

#[test]
fn the_day_a_court_sits_does_not_date_the_attack_it_judges_fr_en() {
    // The verdict's day is not the attack's, and the day men are tried dates neither their
    // arrest nor their attack: with no day of its own, the older event judged is not coded.
    for (text, lang, published) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Le 18 novembre 2026, la cour d'assises de Bamako a condamné à la prison à \
             perpétuité onze accusés pour l'attaque du marché de Barassoro, qui avait fait douze \
             morts.",
            "fr",
            "2026-11-20",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             On 18 November 2026, the military court in Bamako sentenced four men to death for \
             the attack on the Barassoro market, which killed twelve people.",
            "en",
            "2026-11-20",
        ),
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Arrêtés lors de l'attaque du poste de Barassoro, les 40 assaillants ont été jugés le \
             26 août 2026 à Bamako.",
            "fr, tried",
            "2026-09-10",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Arrested after the attack on the Barassoro post, the 40 gunmen were tried on 26 \
             August 2026 in Bamako.",
            "en, tried",
            "2026-09-10",
        ),
    ] {
        let ms = mentions(text, published);
        assert!(ms.is_empty(), "{lang}: {ms:#?}");
    }
    // A day told as the attack's still dates it.
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             La cour d'assises de Bamako a condamné mercredi onze accusés pour l'attaque \
             perpétrée le 13 mars 2024 contre le marché de Barassoro, qui avait fait douze morts.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             The military court in Bamako on Wednesday sentenced four men for the 13 March 2024 \
             attack on the Barassoro market, which killed twelve people.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-11-20");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert!(ms[0].background, "{lang}");
        assert_eq!(ms[0].date.unwrap().date.to_string(), "2024-03-13", "{lang}");
    }
}

#[test]
fn an_attack_named_by_a_verdict_then_told_is_one_mention_fr_en() {
    // A verdict's lead names the older attack with its day and town, then the report tells
    // it: one event told twice, not two.
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Le tribunal militaire a condamné quatre hommes à la peine capitale pour avoir tué \
             sept élèves à Barassoro, une école attaquée le 24 octobre 2025.\n\n\
             Le 24 octobre 2025, des hommes armés avaient pris d'assaut l'école de Barassoro et \
             ouvert le feu sur les élèves.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             The military court sentenced four men to death for killing seven pupils in \
             Barassoro, a school attacked on 24 October 2025.\n\n\
             On 24 October 2025, gunmen had stormed the school in Barassoro and opened fire on \
             the pupils.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-09-10");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(ms[0].date.unwrap().date.to_string(), "2025-10-24", "{lang}");
        assert_eq!(location(&ms[0]), "Barassoro", "{lang}");
    }
}

#[test]
fn two_weekdays_on_an_undated_page_are_two_events_fr_en() {
    // Nothing to resolve the days against, but "dimanche 13 mars" and "vendredi" are two days.
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Dimanche 13 mars, treize gendarmes ont été tués dans une embuscade près de \
             Barassoro, selon des sources sécuritaires.\n\n\
             Vendredi, un engin explosif avait touché un camion près de Barassoro, faisant deux \
             blessés.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             On Sunday, March 13, thirteen gendarmes were killed in an ambush near Barassoro, \
             security sources said.\n\n\
             On Friday, an explosive device had hit a truck near Barassoro, wounding two people.",
            "en",
        ),
    ] {
        let ms = mentions(text, "");
        assert_eq!(ms.len(), 2, "{lang}: {ms:#?}");
    }
}

#[test]
fn an_incident_told_as_earlier_the_same_day_is_another_incident_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Dimanche 13 mars, treize gendarmes ont été tués dans une embuscade près de \
             Barassoro. Ils partaient sécuriser l'axe de Barassoro où, plus tôt dans la matinée, \
             deux passagers ont été tués par l'explosion d'un engin artisanal au passage d'un car.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             On Sunday, March 13, thirteen gendarmes were killed in an ambush near Barassoro. \
             Hours earlier, two passengers were killed when a homemade bomb hit a bus near \
             Barassoro.",
            "en",
        ),
    ] {
        let ms = mentions(text, "");
        assert_eq!(ms.len(), 2, "{lang}: {ms:#?}");
        assert_eq!(field(&ms[0], "fatalities"), vec![13], "{lang}");
        assert_eq!(
            ms[1].event_type,
            EventType::ExplosionsRemoteViolence,
            "{lang}"
        );
        assert_eq!(field(&ms[1], "fatalities"), vec![2], "{lang}");
        // (of the same day as the story)
        assert_eq!(ms[1].keys, ms[0].keys, "{lang}");
    }
    // Earlier was the announcement of the deaths, not another incident.
    let ms = mentions(
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Dimanche 13 mars, des manifestants ont été tués par balles à Barassoro. Plus tôt dans la \
         journée, l'armée avait annoncé la mort de trois soldats tués par la foule à \
         Barassoro.",
        "",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
}

#[test]
fn the_day_a_statement_was_sent_to_an_agency_is_the_statement_s_fr_en() {
    for (text, lang) in [
        (
            "A rights group said 136 civilians were killed on April 20 in Barassoro by men in \
             army fatigues.\n\n\
             \"Our teams have recorded 136 bodies in Barassoro, including children killed in \
             their homes,\" the group said in a statement sent to a news agency on Friday.",
            "en",
        ),
        (
            "Une organisation de défense des droits humains a recensé 136 civils tués le 20 avril \
             à Barassoro par des hommes en tenue militaire.\n\n\
             « Nos équipes ont enregistré 136 corps à Barassoro, dont des enfants tués dans leurs \
             maisons », a indiqué l'organisation dans un communiqué transmis à une agence vendredi.",
            "fr",
        ),
    ] {
        let m = one_mention(text, "2023-04-29", lang);
        assert_eq!(day(&m), "2023-04-20", "{lang}");
    }
}

#[test]
fn the_date_of_the_attack_before_is_not_this_one_s_fr_en() {
    // "celle de …", "the one of …": the day of another attack, which the pronoun stands for.
    for (text, lang) in [
        (
            "Dans la nuit du samedi 13 au dimanche 14 décembre 2025, jour d'élections locales.\n\n\
             Des hommes armés ont attaqué le village de Barassoro, tuant douze civils. Cette \
             attaque suit celle de la nuit du 6 au 7 décembre 2025 contre le même village.",
            "fr",
        ),
        (
            "On the night of Saturday 13 to Sunday 14 December 2025, a day of local elections.\n\n\
             Gunmen attacked the village of Barassoro, killing twelve civilians. The attack \
             follows the one of December 6, 2025 on the same village.",
            "en",
        ),
    ] {
        let m = one_mention(text, "", lang);
        assert_eq!(day(&m), "2025-12-13", "{lang}");
    }
}

#[test]
fn a_lead_s_day_beats_a_month_told_later_fr_en() {
    // The lead gives the night; a later sentence only the month ("ce mois de décembre").
    for (text, lang) in [
        (
            "Dans la nuit du samedi 13 au dimanche 14 décembre 2025, jour d'élections locales.\n\n\
             Des hommes armés ont attaqué le village de Barassoro, tuant douze civils. C'est la \
             troisième attaque de ce mois de décembre dans la région.",
            "fr",
        ),
        (
            "On the night of Saturday 13 to Sunday 14 December 2025, a day of local elections.\n\n\
             Gunmen attacked the village of Barassoro, killing twelve civilians. It is the third \
             attack in the region this month of December.",
            "en",
        ),
    ] {
        let m = one_mention(text, "", lang);
        assert_eq!(day(&m), "2025-12-13", "{lang}");
    }
}

#[test]
fn countries_that_face_attacks_is_the_conflict_in_general_fr_en() {
    for text in [
        "Au Sahel, les villages autour de Barassoro font face aux attaques.",
        "In the Sahel, the villages around Barassoro are facing attacks.",
    ] {
        assert!(mentions(text, "2026-11-20").is_empty(), "{text}");
    }
}

#[test]
fn a_protestant_church_attacked_is_no_protest_fr_en() {
    for (text, protest) in [
        (
            "Au moins dix personnes ont été tuées dimanche lors de l'attaque d'une église à \
             Barassoro. « Plus d'une dizaine de personnes qui assistaient à la messe ont été \
             tuées lors d'une attaque qui a visé l'église protestante de Barassoro », a précisé \
             une source sécuritaire.",
            false,
        ),
        (
            "At least ten people were killed on Sunday in an attack on a church in Barassoro. \
             \"More than ten people attending the service were killed in an attack on the \
             Protestant church of Barassoro,\" a security source said.",
            false,
        ),
        (
            "Des protestataires ont bloqué la route de Barassoro le 1er novembre 2026 pour \
             protester contre les enlèvements.",
            true,
        ),
        (
            "Hundreds of protesters marched in Barassoro on November 1, 2026.",
            true,
        ),
    ] {
        let ms = mentions(text, "2026-11-02");
        assert!(!ms.is_empty(), "{text}");
        assert_eq!(
            ms.iter().any(|m| m.event_type == EventType::Protests),
            protest,
            "{text}: {ms:#?}"
        );
    }
}

#[test]
fn a_figure_of_speech_about_tension_is_no_arson_fr_en() {
    for text in [
        "Le torchon brûle entre les partisans de la transition et les syndicats à Barassoro \
         depuis lundi 2 novembre 2026.",
        "The row over the transition left the unions in Barassoro holding the torch on Monday, \
         November 2, 2026.",
    ] {
        assert!(mentions(text, "2026-11-03").is_empty(), "{text}");
    }
    // Burned and torched are arson.
    for text in [
        "Des hommes armés ont brûlé le marché de Barassoro le lundi 2 novembre 2026.",
        "Gunmen torched the market in Barassoro on Monday, November 2, 2026.",
    ] {
        assert!(!mentions(text, "2026-11-03").is_empty(), "{text}");
    }
}

#[test]
fn attacks_fought_suffered_or_planned_for_in_general_are_no_incident_fr_en() {
    for sentence in [
        "Les pays de l'alliance ont formé une force commune pour lutter contre les attaques des \
         djihadistes dans leurs territoires.",
        "Le Togo a également subi des attaques dans l'extrême nord.",
        "Les recrues seront déployées dans les zones où il y a des tentatives d'incursions \
         terroristes.",
        "Les nouvelles recrues vont compléter le déploiement anti-incursion terroriste.",
        "The allied countries formed a joint force to fight against jihadist attacks on their \
         territories.",
        "Togo has also suffered attacks in its far north.",
        "The recruits will be deployed where incursion attempts by terrorists take place.",
    ] {
        let text = format!(
            "Fictional report written for Vigie's tests.\n\nLe sommet s'est tenu samedi à \
             Niamey. The summit was held on Saturday in Niamey. {sentence}"
        );
        let ms = mentions(&text, "2026-05-12");
        assert!(ms.is_empty(), "{sentence}: {ms:#?}");
    }
}

#[test]
fn attackers_ways_attacks_as_a_pattern_and_calls_to_end_them_are_no_incident_fr_en() {
    for text in [
        "Le saccage des antennes de télécommunication fait partie du mode opératoire des \
         terroristes lors de leurs incursions dans les localités de la province du Sourou.",
        "Les attaques répétées de groupes armés contre les villages de la commune de Djibo ont \
         contraint des milliers de personnes à fuir.",
        "UNICEF's regional director, calling for an end to attacks on children, said schools in \
         the province of Soum had been looted and burnt.",
    ] {
        let ms = mentions(text, "2022-12-01");
        assert!(ms.is_empty(), "{text}: {ms:#?}");
    }
}

#[test]
fn a_trial_of_an_older_event_told_in_weak_words_is_no_incident_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Le verdict est tombé ce 21 mars dans le procès en appel des 200 membres d'un \
             mouvement rebelle, arrêtés après la mort du chef de l'État en 2021. La majorité a été condamnée à la prison à vie.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             The appeal court delivered its verdict on 21 March in the trial of 200 members of a \
             rebel movement, held since the death of the head of state in 2021. Most were sentenced to life imprisonment.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-22");
        assert!(ms.is_empty(), "{lang}: {ms:#?}");
    }
}

#[test]
fn forces_sent_to_the_scene_afterwards_do_not_make_a_village_attack_a_battle_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Des hommes armés ont attaqué lundi soir le village de Barassoro et tué 12 \
             habitants. Un renfort de l'armée a été dépêché sur les lieux pour retrouver les \
             assaillants. Les conflits entre communautés y sont souvent meurtriers.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Gunmen attacked the village of Barassoro on Monday evening, killing 12 residents. \
             Security forces have been dispatched to the area to track down the assailants. \
             There are often clashes between communities over land.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-04");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(ms[0].sub_event_type, SubEventType::Attack, "{lang}");
        assert_eq!(location(&ms[0]), "Barassoro", "{lang}");
    }
}

#[test]
fn a_raid_on_some_other_village_last_week_is_not_placed_at_the_story_s_village_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Des hommes armés ont tué 12 habitants lundi à Barassoro. La semaine dernière, des \
             assaillants avaient attaqué un autre village, tuant 30 personnes.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Gunmen killed 12 residents in Barassoro on Monday. Attackers raided a neighbouring \
             village last week, killing 30 people.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-04");
        let main: Vec<&Mention> = ms.iter().filter(|m| !m.background).collect();
        assert_eq!(main.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(location(main[0]), "Barassoro", "{lang}");
        assert_eq!(field(main[0], "fatalities"), vec![12], "{lang}");
        for m in ms.iter().filter(|m| m.background) {
            assert_ne!(location(m), "Barassoro", "{lang}: {m:#?}");
        }
    }
}

#[test]
fn the_day_of_an_election_or_a_summit_does_not_date_the_violence_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Trois manifestants sont morts dans des émeutes à Barassoro, a indiqué le ministère \
             mardi. La ville a connu des manifestations de partisans du candidat arrivé deuxième \
             à l'élection présidentielle de samedi. La police a dispersé les manifestants lundi \
             soir.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Three protesters died in riots in Barassoro, the ministry said on Tuesday. The town \
             saw protests by supporters of the candidate who came second in Saturday's \
             presidential election. Police dispersed the protesters on Monday evening.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-07-07");
        assert!(!ms.is_empty(), "{lang}");
        for m in &ms {
            assert_ne!(day(m), "2026-07-04", "{lang}: {m:#?}");
        }
        assert!(ms.iter().any(|m| day(m) == "2026-07-06"), "{lang}: {ms:#?}");
    }
}

#[test]
fn a_camp_said_to_lie_n_km_from_a_city_and_named_later_is_one_spot_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Deux militaires ont été blessés et deux assaillants tués dans une attaque menée \
             dimanche contre un camp militaire situé à une centaine de kilomètres à l'est de \
             Bamako.\n\
             Des coups de feu ont retenti dimanche à l'aube devant ce camp, situé dans la \
             localité de Fana. Les assaillants ont utilisé deux véhicules piégés.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Two soldiers were wounded and two attackers killed in an attack on Sunday on a \
             military camp about 110 kilometres east of Bamako.\n\
             Gunfire rang out at dawn at the gate of the camp, in the town of Fana. The \
             attackers used two car bombs.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-04");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(location(&ms[0]), "Fana", "{lang}");
    }
}

#[test]
fn a_simulated_assault_in_an_exercise_is_no_incident_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Un soldat tchadien assure la sécurité lors d'un assaut simulé à Faya-Largeau en \
             mars 2017, pendant un exercice d'embuscade réunissant vingt armées.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             A Chadian soldier pulls security during a simulated assault in Faya-Largeau, Chad, \
             in March 2017 as part of an annual exercise involving twenty armies.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-04-30");
        assert!(ms.is_empty(), "{lang}: {ms:#?}");
    }
}

#[test]
fn chad_s_rebel_front_is_named_and_bare_rebels_are_an_armed_group_fr_en() {
    let ms = mentions(
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Jeudi, l'armée tchadienne et les rebelles du Front pour l'alternance et la concorde au \
         Tchad se sont affrontés près de Mao.",
        "2026-04-30",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(actor1(&ms[0]), "FACT: Front for Change and Concord in Chad");
    let ms = mentions(
        "Fictional report written for Vigie's tests.\n\n\
         Rebels attacked an army post near Mao on Thursday; people protested in the capital the \
         next week.",
        "2026-04-30",
    );
    assert!(!ms.is_empty(), "{ms:#?}");
    assert_eq!(ms[0].event_type, EventType::Battles, "{ms:#?}");
    // "in fact" is no group
    let ms = mentions(
        "Fictional report written for Vigie's tests.\n\n\
         In fact, gunmen attacked an army post near Mao on Thursday.",
        "2026-04-30",
    );
    assert_ne!(actor1(&ms[0]), "FACT: Front for Change and Concord in Chad");
}

#[test]
fn a_birth_date_does_not_date_an_abduction_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Née le 14 mai 2003, Aïcha fait partie des 110 élèves enlevées dans leur école de \
             Barassoro, et elle est toujours captive.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Born on the 14 of May 2003, Aisha was among the 110 students abducted from their \
             school in Barassoro, and she is still held captive.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-05-15");
        for m in &ms {
            assert!(!day(m).starts_with("2003"), "{lang}: {m:#?}");
        }
    }
}

#[test]
fn wounded_many_of_them_seriously_is_the_toll_of_the_event_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Un attentat à la voiture piégée contre un camp de casques bleus près de Barassoro a \
             fait 15 blessés, dont beaucoup grièvement, vendredi.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             A car bomb attack on a peacekeeping camp near Barassoro left 15 soldiers injured, \
             many of them seriously, officials said on Friday.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-06-26");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(field(&ms[0], "injured"), vec![15], "{lang}");
    }
}

#[test]
fn a_drone_that_bombed_or_a_bomb_dropped_is_an_air_strike_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Dimanche soir, un drone de l'armée a bombardé une fête religieuse à Faskari, tuant \
             au moins 40 civils.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             On Sunday night a drone of the army bombed a religious gathering in Faskari, killing \
             at least 40 civilians.",
            "en",
        ),
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Un avion militaire a largué une bombe sur une fête religieuse à Faskari dimanche \
             soir. Au moins 40 civils sont morts.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             At least 40 villagers died in Faskari on Sunday night after an alleged bomb drop by \
             a military jet during a religious gathering.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-10");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(ms[0].sub_event_type, SubEventType::AirDroneStrike, "{lang}");
    }
}

#[test]
fn an_air_force_plane_that_bombed_by_mistake_is_the_states_air_strike_fr_en() {
    // The air force named at length before its verb, or the strikes "of a plane".
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Le mardi 3 mars au matin, un avion de l'armée de l'air nigériane a bombardé par \
             erreur un camp de déplacés à Gwoza. Au moins 20 civils sont morts.",
            "fr",
        ),
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Vingt civils ont été tués mardi 3 mars à Gwoza par les frappes d'un avion de l'armée \
             nigériane, selon une ONG.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             On Tuesday March 3 a fighter jet of the Nigerian Air Force mistakenly bombed a camp \
             for displaced people in Gwoza, killing at least 20 civilians.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-05");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(
            ms[0].sub_event_type,
            SubEventType::AirDroneStrike,
            "{lang}: {text}"
        );
        assert_eq!(
            ms[0].actor1.as_ref().map(|a| a.name.as_str()),
            Some("Military Forces of Nigeria (2023-)"),
            "{lang}: {text}"
        );
    }
}

#[test]
fn the_group_an_air_strike_targeted_is_its_target_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Une frappe aérienne visant des combattants de Boko Haram a tué six civils à Gwoza \
             mardi.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             An air strike targeting Boko Haram fighters killed six civilians in Gwoza on \
             Tuesday.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-05");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        let (a1, a2) = actor_names(&ms[0]);
        assert_eq!(a1, "Military Forces of Nigeria (2023-)", "{lang}");
        assert!(a2.starts_with("Boko Haram"), "{lang}: {a2}");
    }
}

#[test]
fn a_place_described_as_the_scene_of_another_attack_lends_it_nothing_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Des hommes armés ont enlevé dix-sept femmes dimanche 1er mars à Mondoro. Mondoro est \
             situé à quelques kilomètres de Boulkessi, théâtre d'un attentat-suicide mercredi.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Gunmen abducted seventeen women in Mondoro on Sunday, March 1. Mondoro lies a few \
             kilometres from Boulkessi, the scene of a suicide bombing on Wednesday.",
            "en",
        ),
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Des hommes armés ont enlevé dix-sept femmes dimanche 1er mars à Mondoro. Mondoro est \
             situé dans le cercle de Douentza, théâtre depuis dix ans des attaques des groupes \
             armés.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Gunmen abducted seventeen women in Mondoro on Sunday, March 1. Mondoro lies in the \
             Douentza district, the scene of frequent attacks by armed groups for ten years.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-03");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(
            ms[0].sub_event_type,
            SubEventType::AbductionForcedDisappearance,
            "{lang}"
        );
    }
}

#[test]
fn a_town_described_as_the_scene_of_years_of_attacks_is_not_the_events_place_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Un véhicule a sauté sur une mine samedi dans la région de Mopti, tuant quatre \
             passagers. Sévaré, une ville de la région, est le théâtre depuis quatre ans des \
             attaques des jihadistes.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             A vehicle hit a mine on Saturday in the Mopti region, killing four passengers. \
             Sévaré, a town of the region, has been the scene of frequent attacks by jihadists \
             for four years.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-09");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        let place = ms[0].place.as_ref().map(|p| p.location.as_str());
        assert_ne!(place, Some("Sévaré"), "{lang}");
    }
}

#[test]
fn taking_people_to_do_something_is_not_an_abduction_fr_en() {
    // "emmener quelqu'un à faire": to lead, not to carry off.
    let text = "Récit fictif écrit pour les tests de Vigie.\n\n\
                Il a fallu que l'ONG vienne à Boni et qu'elle emmène chacun à faire des \
                concessions pour que nous puissions dialoguer, a expliqué le porte-parole.";
    assert!(mentions(text, "2026-03-05").is_empty());
    // Carried off, they were abducted, in French and in English.
    for text in [
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Des hommes armés ont emmené quatre commerçants mardi à Boni, selon des sources locales.",
        "Fictional report written for Vigie's tests.\n\n\
         Gunmen took away four traders on Tuesday in Boni, local sources said.",
    ] {
        let ms = mentions(text, "2026-03-05");
        assert_eq!(ms.len(), 1, "{text}: {ms:#?}");
        assert_eq!(
            ms[0].sub_event_type,
            SubEventType::AbductionForcedDisappearance
        );
    }
}

#[test]
fn a_tally_over_years_and_the_places_it_lists_are_no_incident_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Dimanche, des hommes armés ont tué 12 villageois à Anakaba.\n\n\
             Entre 2015 et 2025, l'armée de l'air a mené 15 autres frappes aériennes qui ont tué \
             des civils. Les frappes aériennes ont eu lieu dans les États de Kano, Katsina, \
             Zamfara et Sokoto.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Gunmen killed 12 villagers in Anakaba on Sunday.\n\n\
             There were 15 other air strikes that killed civilians between 2015 and 2025. The \
             aerial bombardments took place in Kano, Katsina, Zamfara and Sokoto states.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-10");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(day(&ms[0]), "2026-03-08", "{lang}");
        assert_ne!(ms[0].sub_event_type, SubEventType::AirDroneStrike, "{lang}");
    }
}

#[test]
fn a_toll_revised_upward_in_the_telling_replaces_the_first_one_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Des terroristes ont attaqué mardi le camp militaire de Tessalitt. L'armée a donné un \
             premier bilan de 12 morts avant de le revoir à la hausse avec 30 soldats tués.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Terrorists attacked the army camp in Tessalitt on Tuesday. The army gave a first toll \
             of 12 dead, later revised upward to 30 soldiers killed.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-12");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        let firm: Vec<u32> = ms[0]
            .claims
            .iter()
            .filter(|c| c.field == "fatalities" && !c.hedged)
            .filter_map(|c| match c.value {
                vigie_core::ClaimValue::Count(q) => Some(q.best),
                _ => None,
            })
            .collect();
        assert_eq!(firm, vec![30], "{lang}: {ms:#?}");
    }
}

#[test]
fn a_platform_of_members_of_parliament_is_not_the_armed_coalition() {
    let ms = mentions(
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Mardi, des hommes armés ont tué 12 civils à Barassoro. Dans un communiqué, la \
         Plateforme des députés du Centre a condamné l'attaque. Pour ladite plateforme, les \
         auteurs sont des terroristes.",
        "2026-03-12",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    let a1 = actor1(&ms[0]);
    assert!(!a1.starts_with("Platform"), "{a1}");
    let ms = mentions(
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Mardi, des combattants de la Plateforme ont attaqué une position rebelle près de \
         Barassoro.",
        "2026-03-12",
    );
    assert_eq!(
        ms[0].actor1.as_ref().map(|a| a.name.as_str()),
        Some("Platform of June 14th 2014 movements")
    );
}

#[test]
fn a_sentence_opening_on_a_date_years_back_recalls_an_older_incident_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Des hommes armés ont enlevé 25 élèves dans un lycée de Faskari tôt ce matin, a \
             confirmé la police. L'attaque s'ajoute à une longue série. En juin 2021, des hommes \
             armés avaient envahi un collège de Tessalitt, enlevant des dizaines d'élèves.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Gunmen abducted 25 students from a school in Faskari early this morning, the police \
             confirmed. The attack adds to a long history. In June 2021, gunmen invaded a college \
             in Tessalitt, abducting dozens of students.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-10");
        let story: Vec<&Mention> = ms.iter().filter(|m| !m.background).collect();
        assert_eq!(story.len(), 1, "{lang}: {ms:#?}");
        assert!(
            !day(story[0]).starts_with("2021"),
            "{lang}: {:?}",
            story[0].date
        );
        assert!(
            ms.iter()
                .any(|m| m.background && day(m).starts_with("2021-06")),
            "{lang}: {ms:#?}"
        );
    }
}

#[test]
fn a_captivity_that_goes_on_is_no_new_abduction_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Quatre ans après son enlèvement à Anakaba, la lycéenne est toujours en captivité, \
             ont rappelé ses parents lundi.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Four years after she was abducted from her school in Anakaba, the girl remains in \
             captivity, her parents said on Monday.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-10");
        assert!(
            ms.iter()
                .all(|m| m.background || !day(m).starts_with("2026")),
            "{lang}: {ms:#?}"
        );
    }
}

#[test]
fn a_nigerian_police_rank_is_not_a_malian_coalition() {
    let ms = mentions(
        "Fictional report written for Vigie's tests.\n\n\
         Gunmen abducted 25 students from a school in Faskari, Katsina State, on Monday, the \
         police spokesman, CSP Musa Bello, said.",
        "2026-03-10",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    let a1 = actor1(&ms[0]);
    assert!(!a1.starts_with("CSP"), "{a1}");
}

#[test]
fn citizens_killed_by_terrorists_are_civilians_not_attackers_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Lundi, un groupe de terroristes armés a fait irruption dans le marché de Barassoro, \
             où ils ont tué 32 citoyens.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             On Monday, a group of armed terrorists broke into a market in Barassoro, where they \
             killed 32 citizens.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-10");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        let victims: Vec<Option<Victims>> = dead(&ms[0]).into_iter().map(|d| d.1).collect();
        assert_eq!(victims, vec![Some(Victims::Civilians)], "{lang}");
    }
}

#[test]
fn an_opening_phrase_of_time_or_circumstance_is_not_the_source_fr_en() {
    for (text, lang, source) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Plus tard dans la soirée, le ministre a fait état de 54 morts dans l'attaque du camp \
             de Tessalitt samedi.",
            "fr",
            "le ministre",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             In an interview with journalists after the burial in Anakaba, the governor said more \
             than 40 farmers were killed on Saturday.",
            "en",
            "the governor",
        ),
    ] {
        let ms = mentions(text, "2026-03-10");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        let by: Vec<Option<&str>> = ms[0]
            .claims
            .iter()
            .filter(|c| c.field == "fatalities")
            .map(|c| c.attributed_to.as_deref())
            .collect();
        assert_eq!(by, vec![Some(source)], "{lang}");
    }
}

#[test]
fn the_day_a_statement_opens_on_does_not_date_the_attack_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Des hommes armés ont tué 22 villageois à Anakaba, selon des sources locales.\n\n\
             Le 17 décembre, le chef de la junte a déclaré que la situation sécuritaire se \
             normalisait dans la région de Tillabéri.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Gunmen killed 22 villagers in Anakaba, local sources said.\n\n\
             On December 17, the junta leader said the security situation in the Tillaberi \
             region was normalising.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-01-30");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_ne!(day(&ms[0]), "2025-12-17", "{lang}");
    }
}

#[test]
fn since_the_start_of_this_week_is_not_the_conflict_in_general_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             La ville de Fana est plongée dans la contestation depuis le début de cette semaine. \
             Les forces de l'ordre répriment les manifestations dans la violence. La commission \
             des droits de l'homme avance 5 morts.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             The town of Fana has been in turmoil since the start of this week. Security forces \
             violently repressed the protests. The human rights commission reported 5 dead.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-01-27");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(location(&ms[0]), "Fana", "{lang}");
    }
}

#[test]
fn an_abduction_remembered_years_later_is_not_dated_to_the_remembrance_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Dix ans après l'enlèvement de 200 lycéennes à Anakaba, les parents se sont réunis \
             dimanche à l'école pour prier pour le retour des 90 jeunes filles toujours \
             disparues.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Exactly ten years after the abduction of 200 schoolgirls in Anakaba, parents \
             gathered at the school on Sunday to pray for the safe return of the 90 girls still \
             missing.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-04-15");
        assert!(
            ms.iter().all(|m| !day(m).starts_with("2026")),
            "{lang}: {ms:#?}"
        );
    }
}

#[test]
fn the_accused_at_a_hearing_are_judged_for_an_older_attack_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Les quatre hommes présents à l'audience mercredi étaient accusés d'être complices de \
             l'attaque qui a coûté la vie à 19 personnes à Barassoro.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             The four men present at the hearing on Wednesday were accused of complicity in the \
             attack that killed 19 people in Barassoro.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-04-16");
        assert!(ms.iter().all(|m| m.background), "{lang}: {ms:#?}");
    }
}

#[test]
fn frequent_attacks_said_of_the_place_in_an_apposition_leave_the_event_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Au moins treize gendarmes ont été tués dimanche dans une embuscade près de \
             Barassoro, localité minière en proie à des attaques djihadistes fréquentes, a-t-on \
             appris de sources sécuritaires.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             At least 13 gendarmes were killed on Sunday in an ambush near Barassoro, a mining \
             town that has suffered frequent attacks, security sources said.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-16");
        let events: Vec<&Mention> = ms.iter().filter(|m| !m.background).collect();
        assert_eq!(events.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(location(events[0]), "Barassoro", "{lang}");
        assert_eq!(day(events[0]), "2026-03-15", "{lang}");
    }
    // The same words as the sentence's subject, or before its event, still make it generic.
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Barassoro, localité en proie à des attaques djihadistes fréquentes, a perdu treize \
             gendarmes depuis 2019.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Frequent attacks have killed at least 13 gendarmes near Barassoro, a mining town.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-16");
        assert!(
            ms.iter().all(|m| m.background || m.date.is_none()),
            "{lang}: {ms:#?}"
        );
    }
}

#[test]
fn the_day_of_something_yet_to_happen_is_not_the_event_s_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Deux chauffeurs tués près de Barassoro : le rapatriement des dépouilles aura lieu \
             ce jeudi 16 septembre.\n\n\
             Les deux chauffeurs ont été tués samedi 11 septembre par des hommes armés.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Two drivers killed near Barassoro: the repatriation of the bodies will take place \
             on Thursday, September 16.\n\n\
             The two drivers were killed on Saturday, September 11, by gunmen.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2027-09-15");
        let events: Vec<&Mention> = ms.iter().filter(|m| !m.background).collect();
        assert!(!events.is_empty(), "{lang}: {ms:#?}");
        assert!(
            events.iter().all(|m| day(m) == "2027-09-11"),
            "{lang}: {:?}",
            events.iter().map(|m| day(m)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn people_counted_as_dead_by_an_adjective_are_the_toll_fr_en() {
    for (text, lang) in [
        (
            "L'attaque du village de Barassoro, mercredi 3 mars 2027, a fait 32 personnes \
             mortes et cinq personnes blessées, selon les autorités locales.",
            "fr",
        ),
        (
            "The attack on the village of Barassoro on Wednesday, March 3, 2027, left 32 people \
             dead and five people wounded, local authorities said.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2027-03-05", lang);
        assert_eq!(field(&m, "fatalities"), vec![32], "{lang}");
        assert_eq!(field(&m, "injured"), vec![5], "{lang}");
    }
}

#[test]
fn forces_that_came_when_it_was_over_were_no_side_fr_en() {
    for (text, lang) in [
        (
            "Un minibus a sauté sur un engin explosif près de Barassoro mardi 2 mars 2027 ; \
             quatre passagers ont été tués. Une équipe de la gendarmerie de Bankass s'est \
             immédiatement rendue sur les lieux afin de ratisser la zone.",
            "fr",
        ),
        (
            "A minibus hit an explosive device near Barassoro on Tuesday, March 2, 2027, killing \
             four passengers. A gendarmerie team from Bankass went to the scene to search the \
             area.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2027-03-05", lang);
        assert_eq!(
            m.sub_event_type,
            SubEventType::RemoteExplosiveLandmineIed,
            "{lang}"
        );
        assert_eq!(field(&m, "fatalities"), vec![4], "{lang}");
        // the gendarmes sent afterwards are not the side the bomb was aimed at
        assert_eq!(m.actor2, None, "{lang}");
    }
}

#[test]
fn a_militia_that_tried_to_defend_the_village_was_attacked_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Mercredi 3 mars 2027, des assaillants armés non identifiés ont attaqué le village \
             de Barassoro, dans la région de Mopti. Les Dozos (chasseurs) qui ont tenté de \
             défendre les villageois ont subi de lourdes pertes.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             On Wednesday, March 3, 2027, unidentified gunmen attacked the village of \
             Barassoro, in the Mopti region. Dozo hunters who tried to defend the villagers \
             suffered heavy losses.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2027-03-05", lang);
        let (a1, a2) = actor_names(&m);
        assert_eq!(a1, "Unidentified Armed Group (Mali)", "{lang}");
        // coded with its country, as every actor is
        assert_eq!(a2, "Dozo Communal Militia (Mali)", "{lang}");
    }
}

#[test]
fn the_older_attack_a_period_is_counted_from_lends_nothing_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Des jihadistes ont attaqué jeudi 11 juin 2026 un poste frontalier près de la \
             frontière avec le Burkina Faso, tuant dix soldats ivoiriens. C'est la première \
             attaque jihadiste en Côte d'Ivoire depuis mars 2016, lorsqu'un raid contre la \
             station balnéaire de Grand-Bassam avait fait 19 morts.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Jihadists attacked a border post near the frontier with Burkina Faso on Thursday, \
             June 11, 2026, killing ten Ivorian soldiers. It is the first jihadist assault on \
             Ivorian soil since March 2016, when a raid on the beach resort of Grand-Bassam left \
             19 people dead.",
            "en",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             Jihadists attacked a border post near the frontier with Burkina Faso on Thursday, \
             June 11, 2026, killing ten Ivorian soldiers. It is the first jihadist attack on \
             Ivorian soil since the 2016 Grand-Bassam attack.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-06-12");
        let events: Vec<&Mention> = ms.iter().filter(|m| !m.background).collect();
        assert_eq!(events.len(), 1, "{lang}: {ms:#?}");
        assert_ne!(location(events[0]), "Grand-Bassam", "{lang}");
        assert_eq!(field(events[0], "fatalities"), vec![10], "{lang}");
    }
}

#[test]
fn a_group_led_by_someone_is_not_carried_off_fr_en() {
    for (text, lang) in [
        (
            "Début février 2026, le groupe armé Union des forces de Barassoro (UFB) emmené par \
             Ali Barka, neveu du président, était entré à Fada depuis la Libye.",
            "fr",
        ),
        (
            "In early February 2026, the armed group Union of Barassoro Forces (UBF) led by Ali \
             Barka, the president's nephew, had entered Fada from Libya.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-02-20");
        assert!(
            ms.iter()
                .all(|m| m.sub_event_type != SubEventType::AbductionForcedDisappearance),
            "{lang}: {ms:#?}"
        );
    }
    // Carried off by armed men, the same word is an abduction.
    let m = one_mention(
        "Trois commerçants ont été emmenés par des hommes armés le 3 février 2026 près de \
         Barassoro.",
        "2026-02-10",
        "carried off",
    );
    assert_eq!(m.sub_event_type, SubEventType::AbductionForcedDisappearance);
}

#[test]
fn protesters_who_turn_on_or_storm_a_building_make_a_violent_demonstration_fr_en() {
    for (text, lang) in [
        (
            "Samedi 12 octobre 2026 à Barassoro, des manifestants s'en sont pris à l'entrepôt de \
             la mission onusienne. Ils ont emporté du matériel.",
            "fr",
        ),
        (
            "Samedi 12 octobre 2026, des manifestants ont pris d'assaut l'entrepôt de la mission \
             onusienne à Barassoro lors d'une marche contre les forces étrangères.",
            "fr",
        ),
        (
            "On Saturday, October 12, 2026, protesters in Barassoro stormed the UN mission's \
             warehouse during a march against foreign forces.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-10-14", lang);
        assert_eq!(
            m.sub_event_type,
            SubEventType::ViolentDemonstration,
            "{lang}: {text}"
        );
    }
    // The crowd fired on is not the crowd attacking.
    let m = one_mention(
        "Many were feared killed at the Barassoro toll gate on Tuesday night, October 20, 2026, \
         as protesters came under heavy gunfire.",
        "2026-10-21",
        "crowd fired on",
    );
    assert_ne!(m.sub_event_type, SubEventType::ViolentDemonstration);
}

#[test]
fn a_military_aircraft_s_strike_is_the_state_s_whoever_else_is_named_fr_en() {
    for (text, lang) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Mardi 17 mars 2026, plus de cinquante personnes ont été tuées lorsqu'un avion de \
             l'armée de l'air a bombardé par erreur un camp de déplacés ayant fui les violences \
             de Boko Haram à Rann, dans l'État de Borno, au Nigeria.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             On Tuesday, March 17, 2026, more than fifty people were killed when an air force \
             jet mistakenly bombed a camp for people who had fled Boko Haram violence in Rann, \
             Borno State, Nigeria.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-03-18", lang);
        assert_eq!(m.sub_event_type, SubEventType::AirDroneStrike, "{lang}");
        assert!(
            actor1(&m).starts_with("Military Forces of Nigeria"),
            "{lang}: {}",
            actor1(&m)
        );
    }
}

#[test]
fn people_fighting_the_police_with_no_armed_group_named_riot_fr_en() {
    for (text, lang) in [
        (
            "À Barassoro, un jeune de 18 ans a été tué mercredi 12 août 2026 lors des heurts \
             avec les forces de l'ordre, d'après le maire de la ville.",
            "fr",
        ),
        (
            "In Barassoro, an 18-year-old was killed on Wednesday, August 12, 2026 as young \
             people clashed with the police, the mayor said.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-08-14", lang);
        assert_eq!(m.sub_event_type, SubEventType::MobViolence, "{lang}");
    }
    // With an armed group named, the same words tell a battle.
    let m = one_mention(
        "À Barassoro, un policier a été tué mercredi 12 août 2026 lors des heurts entre des \
         combattants du JNIM et la police.",
        "2026-08-14",
        "armed group named",
    );
    assert_eq!(m.sub_event_type, SubEventType::ArmedClash);
}

#[test]
fn boko_haram_spelt_with_a_hyphen_or_joined_is_the_group_not_two_places_fr_en() {
    for (text, lang) in [
        (
            "Dimanche 2 août 2026, les terroristes de Boko-Haram ont attaqué le camp de \
             déplacés de Mokolo, tuant quinze personnes.",
            "fr",
        ),
        (
            "On Sunday, August 2, 2026, BokoHaram fighters attacked the displaced people's camp \
             in Mokolo, killing fifteen people.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-08-04", lang);
        assert!(
            actor1(&m).starts_with("Boko Haram"),
            "{lang}: {}",
            actor1(&m)
        );
        assert_eq!(location(&m), "Mokolo", "{lang}");
    }
}

#[test]
fn a_number_of_victims_is_an_event_not_talk_of_the_conflict_fr_en() {
    for (text, lang) in [
        (
            "Soldiers killed a number of militants near Gao on Saturday, August 8, 2026.",
            "en",
        ),
        (
            "Un certain nombre de civils ont été tués samedi 8 août 2026 près de Gao.",
            "fr",
        ),
    ] {
        let m = one_mention(text, "2026-08-10", lang);
        assert_eq!(location(&m), "Gao", "{lang}");
        assert_eq!(day(&m), "2026-08-08", "{lang}");
    }
    // A growing number of attacks is still talk of the conflict.
    assert!(mentions(
        "A growing number of attacks have hit the Gao region this year.",
        "2026-08-10"
    )
    .is_empty());
}

#[test]
fn the_unnamed_side_of_a_clash_with_a_named_group_is_an_unidentified_group_fr_en() {
    for (text, lang) in [
        (
            "Des affrontements ont opposé samedi 8 août 2026 des combattants du MSA à des hommes \
             armés non identifiés près de Tamalat.",
            "fr",
        ),
        (
            "On Saturday, August 8, 2026, MSA fighters clashed with unknown gunmen near Tamalat.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-08-10", lang);
        assert_eq!(m.sub_event_type, SubEventType::ArmedClash, "{lang}");
        assert!(actor1(&m).starts_with("MSA"), "{lang}: {}", actor1(&m));
        assert_eq!(actor2(&m), "Unidentified Armed Group (Mali)", "{lang}");
    }
    // No unidentified group named: the other side stays unknown rather than invented.
    let m = one_mention(
        "On Saturday, August 8, 2026, MSA fighters clashed near Tamalat.",
        "2026-08-10",
        "none named",
    );
    assert_ne!(actor2(&m), "Unidentified Armed Group (Mali)");
}

#[test]
fn the_forces_of_the_coastal_states_and_cameroon_are_named_by_their_country_fr_en() {
    for (text, lang, want) in [
        (
            "Des terroristes ont attaqué un poste de l'armée togolaise à Dapaong dans la nuit du \
             mardi 9 novembre 2021; les soldats togolais ont repoussé l'attaque.",
            "fr",
            "Military Forces of Togo",
        ),
        (
            "Gunmen attacked Beninese soldiers at an army post near Kandi on Wednesday, January \
             8, 2025, killing 28.",
            "en",
            "Military Forces of Benin",
        ),
        (
            "On Monday, June 28, 2021, Ghanaian police fired on protesters in Ejura, killing two.",
            "en",
            "Police Forces of Ghana",
        ),
        (
            "Trois militaires camerounais ont été tués samedi 24 juillet 2021 lors de l'attaque de \
             leur poste de Makary par des combattants de Boko Haram.",
            "fr",
            "Military Forces of Cameroon",
        ),
    ] {
        let m = mentions(text, "2026-08-10");
        // (the period after the name follows the event's day, at the incident)
        let sides: Vec<String> = m
            .iter()
            .flat_map(|m| [actor1(m).to_string(), actor2(m).to_string()])
            .collect();
        assert!(
            sides.iter().any(|s| s.split(" (").next() == Some(want)),
            "{lang}: {sides:?}"
        );
    }
}

#[test]
fn a_date_opening_the_reported_clause_is_the_event_s_fr_en() {
    for (text, lang) in [
        (
            "Un communiqué du ministère indique que dans la nuit du 24 au 25 août 2021, les \
             positions de l'armée à Baroua ont fait l'objet d'une attaque.",
            "fr",
        ),
        (
            "The ministry said that on the night of August 24, 2021, gunmen attacked army \
             positions in Baroua.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2021-08-28", lang);
        assert_eq!(day(&m), "2021-08-24", "{lang}");
    }
    // The day the statement was made is still not the event's.
    let m = one_mention(
        "The ministry said on Tuesday, August 24, 2021, that gunmen had attacked army positions \
         in Baroua.",
        "2021-08-28",
        "statement",
    );
    assert_ne!(day(&m), "2021-08-24");
}

// "Interpeller" is also to call on someone: lawyers who "interpellent la communauté
// internationale" after a verdict arrest nobody; suspects "interpellés" were arrested.
#[test]
fn lawyers_calling_on_the_world_arrest_nobody_fr_en() {
    for (text, lang) in [
        (
            "Le chef du parti, accusé de complicité dans le conflit de Mongo, est condamné à \
             vingt ans de réclusion criminelle.\n\nAprès 86 jours de détention, le verdict est \
             tombé samedi soir.\n\nLes avocats entendent faire des recours et interpellent la \
             communauté internationale sur ce qu'ils considèrent comme une injustice.",
            "fr",
        ),
        (
            "The party leader, accused of complicity in the Mongo conflict, was sentenced to \
             twenty years in prison.\n\nAfter 86 days in detention, the verdict came on Saturday \
             evening.\n\nHis lawyers will appeal and are calling on the international community \
             over what they see as an injustice.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-08-10");
        assert!(ms.is_empty(), "{lang}: {ms:#?}");
    }
    let ms = mentions(
        "Trois suspects ont été interpellés samedi à Mongo par la gendarmerie.",
        "2026-08-10",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].sub_event_type, SubEventType::Arrests);
}

// An arrest told by a phrase ("mise aux arrêts", "placed under arrest") is one; people arrested
// and counted dead are violence against them, not an arrest.
#[test]
fn an_arrest_told_by_a_phrase_and_the_arrested_found_dead_fr_en() {
    for (text, lang) in [
        (
            "L'opposante a été mise aux arrêts samedi 28 novembre 2020 à son domicile à Lomé par \
             des éléments de la gendarmerie.",
            "fr",
        ),
        (
            "The opposition leader was placed under arrest on Saturday at her home in Lomé by \
             gendarmes.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2020-11-29", lang);
        assert_eq!(m.sub_event_type, SubEventType::Arrests, "{lang}");
        assert_eq!(day(&m), "2020-11-28", "{lang}");
    }
    for (text, lang) in [
        (
            "Sept hommes ont été interpellés par des militaires mercredi à Kobaka. Bilan : sept \
             morts, selon un élu local.",
            "fr",
        ),
        (
            "Seven men were arrested by soldiers on Wednesday in Kobaka. Toll: seven dead, a \
             local official said.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2018-06-15", lang);
        assert_eq!(m.sub_event_type, SubEventType::Attack, "{lang}");
    }
}

// A quote that tells the attack again after an aside ("« Dans la journée du 29 novembre, une
// église du village a été victime d'une attaque »") is the same event: one mention.
#[test]
fn an_attack_told_again_in_a_quote_is_one_event_fr_en() {
    for (text, lang) in [
        (
            "Douze fidèles d'une église ont été tués dimanche matin à Bourzanga par des hommes \
             armés, a annoncé le gouverneur de la région.\nMali : les députés en séance plénière \
             ce jeudi\n« Dans la journée du 29 novembre 2026, une église du village de Bourzanga \
             a été victime d'une attaque meurtrière perpétrée par des hommes armés non \
             identifiés », a indiqué le gouverneur.",
            "fr",
        ),
        (
            "Twelve worshippers were killed on Sunday morning in Bourzanga when gunmen attacked \
             a church, the regional governor said.\nMali: MPs meet in plenary session on \
             Thursday\n\"On November 29, 2026, a church in the village of Bourzanga was the \
             target of a deadly attack by unidentified gunmen,\" the governor said.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-12-02");
        assert_eq!(locations(&ms), vec!["Bourzanga"], "{lang}: {ms:#?}");
        assert_eq!(
            ms[0].date.map(|d| d.date.to_string()).as_deref(),
            Some("2026-11-29"),
            "{lang}"
        );
    }
}

// "S'emparer de" a town is to take it ("qui s'était emparé de Tin-Hama mardi"), as "took
// control of" is in English: an event at that town.
#[test]
fn a_group_seizing_a_town_is_an_event_there_fr_en() {
    for (text, lang) in [
        (
            "Dans le nord du Mali, le groupe État islamique, qui s'était emparé de Tin-Hama \
             mardi 8 septembre après une bataille, a quitté cette localité.",
            "fr",
        ),
        (
            "In northern Mali, the Islamic State group, which had taken control of Tin-Hama on \
             Tuesday, September 8, after a battle, has left the town.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-09-09");
        assert_eq!(locations(&ms), vec!["Tin Hama"], "{lang}: {ms:#?}");
        assert_eq!(
            ms[0].date.map(|d| d.date.to_string()).as_deref(),
            Some("2026-09-08"),
            "{lang}"
        );
    }
}

#[test]
fn overrunning_people_is_not_taking_a_place_but_overrunning_a_base_is_fr_en() {
    let m = one_mention(
        "Over 40 persons were killed yesterday in Daudu by gunmen. An army officer said two \
         soldiers were also killed in the attack. \"It started last night \
         when they came from the western part of the town and started shooting. The police \
         men and young people that were there tried to engage them. Suddenly another group \
         came from the eastern part of the community and they overran those trying to resist \
         them. They killed people and burnt the market stalls,\" a community leader said.",
        "2026-06-15",
        "people overrun",
    );
    assert_ne!(
        m.sub_event_type,
        SubEventType::NonStateActorOvertakesTerritory,
        "{m:#?}"
    );
    // A position overrun is a position taken, in both languages.
    for (text, lang) in [
        (
            "JNIM fighters overran the army base in Boni on Saturday, killing four soldiers, and \
             held it for hours, the army said.",
            "en",
        ),
        (
            "Des combattants du JNIM se sont emparés du camp militaire de Boni samedi, tuant \
             quatre soldats, et l'ont tenu pendant des heures, selon l'armée.",
            "fr",
        ),
    ] {
        let m = one_mention(text, "2026-06-15", lang);
        assert_eq!(
            (m.sub_event_type, location(&m)),
            (SubEventType::NonStateActorOvertakesTerritory, "Boni"),
            "{lang}: {m:#?}"
        );
    }
}

#[test]
fn the_day_calm_returned_is_not_the_day_of_the_clashes_fr_en() {
    for (text, lang) in [
        (
            "Le calme est revenu ce vendredi 17 juillet 2026 à Béoumi, après de violents \
             affrontements intercommunautaires mercredi. Au moins huit personnes ont été tuées.",
            "fr",
        ),
        (
            "Calm returned on Friday, July 17, 2026 to Béoumi after violent intercommunal clashes \
             on Wednesday. At least eight people were killed.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-07-18", lang);
        assert_eq!(day(&m), "2026-07-15", "{lang}: {m:#?}");
    }
}

#[test]
fn what_an_attack_comes_after_is_an_older_incident_fr_en() {
    for (text, lang) in [
        (
            "Des hommes armés ont attaqué lundi matin le village de Daudu, tuant trois \
             personnes. Cette attaque intervient deux mois après celle du 13 juin, lorsque des \
             hommes armés ont tué 200 personnes dans la même localité.",
            "fr",
        ),
        (
            "Gunmen attacked Daudu village early on Monday, killing three people. The attack \
             comes barely two months after gunmen stormed the same community on June 13 and \
             killed 200 people.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-08-11");
        let news: Vec<_> = ms.iter().filter(|m| !m.background).collect();
        assert_eq!(news.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(day(news[0]), "2026-08-10", "{lang}: {ms:#?}");
        assert_eq!(
            dead(news[0]).first().map(|d| d.0),
            Some(3),
            "{lang}: {ms:#?}"
        );
    }
}

#[test]
fn people_missing_are_no_toll_fr_en() {
    for (text, label) in [
        (
            "Des hommes armés ont attaqué lundi le village de Tin-Hama : il y a eu 14 morts, 5 \
             blessés et 13 personnes portées disparues.",
            "fr",
        ),
        (
            "Des jihadistes ont attaqué lundi le camp militaire de Boni : 25 soldats ont été tués, \
             4 blessés et 30 autres sont portés disparus.",
            "fr",
        ),
        (
            "Gunmen attacked the army camp in Boni on Monday, killing 25 soldiers and wounding 4; \
             nine soldiers are missing.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-03-11", label);
        let counted: Vec<u32> = counts(&m).into_iter().map(|c| c.1).collect();
        assert!(
            !counted.iter().any(|n| [13, 30, 9].contains(n)),
            "{label}: {:?}",
            counts(&m)
        );
    }
    // ...but "the eleven missing soldiers were found dead" counts dead soldiers.
    let m = one_mention(
        "The dead bodies of the eleven missing soldiers have been found near Boni, bringing the \
         death toll to 28, a source said.",
        "2026-03-11",
        "en",
    );
    assert!(field(&m, "fatalities").contains(&11), "{:?}", counts(&m));
}

#[test]
fn the_group_whose_attack_killed_the_soldiers_is_the_perpetrator_fr_en() {
    for (lang, text, army) in [
        (
            "fr",
            "Au moins trois militaires camerounais ont été tués dimanche 8 mars 2026 dans une \
             attaque de Boko Haram contre le poste militaire de Fotokol, dans l'Extrême-Nord.",
            "Military Forces of Cameroon",
        ),
        (
            "fr-members",
            "Cinq soldats nigériens ont été tués dimanche 8 mars 2026 dans une embuscade \
             d'éléments de Boko Haram près de Bosso, dans la région de Diffa.",
            "Military Forces of Niger",
        ),
        (
            "en",
            "Three Cameroonian soldiers were killed on Sunday March 8, 2026 in a Boko Haram \
             attack on the military post at Fotokol, in the Far North region.",
            "Military Forces of Cameroon",
        ),
        (
            "fr-faction",
            "Cinq soldats nigériens ont été tués dimanche 8 mars 2026 dans une incursion des \
             factions de Boko Haram près de Bosso, dans la région de Diffa.",
            "Military Forces of Niger",
        ),
        (
            "en-faction",
            "Five Nigerien soldiers were killed on Sunday March 8, 2026 in an incursion by \
             factions of Boko Haram near Bosso, in the Diffa region.",
            "Military Forces of Niger",
        ),
    ] {
        let m = one_mention(text, "2026-03-09", lang);
        assert_eq!(
            actor1(&m),
            "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
            "{lang}"
        );
        assert!(actor2(&m).starts_with(army), "{lang}: {}", actor2(&m));
    }
    // The object of an assault stays the side attacked.
    let m = one_mention(
        "Des soldats ont lancé le 8 mars 2026 un assaut contre une position de Boko Haram \
         près de Bosso, dans la région de Diffa, tuant douze combattants.",
        "2026-03-09",
        "object",
    );
    assert_eq!(
        actor2(&m),
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    );
}

#[test]
fn no_loss_of_human_life_is_a_toll_of_zero_unless_it_is_one_side_s_fr_en() {
    for (label, text) in [
        (
            "fr-perte",
            "Des hommes armés ont attaqué mardi 3 mars 2026 le commissariat de Djibo. Aucune \
             perte en vie humaine n'a été enregistrée.",
        ),
        (
            "fr-pas-eu",
            "Des hommes armés ont attaqué mardi 3 mars 2026 le commissariat de Djibo. Il n'y a \
             pas eu de victimes.",
        ),
        (
            "en",
            "Gunmen attacked the police station in Djibo on Tuesday March 3, 2026. No death was \
             recorded during the attack.",
        ),
    ] {
        let m = one_mention(text, "2026-03-05", label);
        assert_eq!(field(&m, "fatalities"), vec![0], "{label}");
    }
    // One side lost nobody: the attackers' dead still count.
    for (label, text) in [
        (
            "fr-side",
            "Des hommes armés ont attaqué mardi 3 mars 2026 le commissariat de Djibo. Il n'y a \
             pas eu de victimes côté policiers, mais deux assaillants ont été tués.",
        ),
        (
            "en-side",
            "Gunmen attacked the police station in Djibo on Tuesday March 3, 2026. There were no \
             casualties among the police, but two attackers were killed.",
        ),
    ] {
        let m = one_mention(text, "2026-03-05", label);
        assert_eq!(field(&m, "fatalities"), vec![2], "{label}");
    }
}

#[test]
fn a_kidnapping_or_killing_told_in_the_singular_passive_takes_one_person_fr_en() {
    for (label, text, counted, want) in [
        (
            "fr-apposition",
            "Le curé de la paroisse de Djibo, l'abbé Paul Sawadogo, a été enlevé dimanche 8 mars \
             2026 par des hommes armés.",
            "abducted",
            vec![1],
        ),
        (
            "en-apposition",
            "Paul Martin, a Canadian geologist, was kidnapped from a mining site near Djibo on \
             Sunday March 8, 2026.",
            "abducted",
            vec![1],
        ),
        (
            "fr-companion",
            "Le préfet de Djibo a été enlevé dimanche 8 mars 2026 avec son chauffeur.",
            "abducted",
            vec![2],
        ),
        // plural, no number: how many is not said
        (
            "fr-plural",
            "Des enseignants ont été enlevés dimanche 8 mars 2026 près de Djibo.",
            "abducted",
            vec![],
        ),
        // the same for a killing
        (
            "fr-killed",
            "Le maire de Djibo, Paul Sawadogo, a été assassiné dimanche 8 mars 2026 devant son \
             domicile.",
            "fatalities",
            vec![1],
        ),
        (
            "en-killed",
            "Paul Martin, a Canadian geologist, was shot dead near a mining site close to Djibo \
             on Sunday March 8, 2026.",
            "fatalities",
            vec![1],
        ),
    ] {
        let m = one_mention(text, "2026-03-09", label);
        assert_eq!(field(&m, counted), want, "{label}");
    }
}

#[test]
fn people_counted_by_their_trade_or_community_are_counted_fr_en() {
    for (label, text, want) in [
        (
            "en-peacekeeper",
            "A convoy was ambushed near Boni on 8 March 2026, 1 peacekeeper killed and 3 \
             wounded.",
            1,
        ),
        (
            "en-dozos",
            "7 Dozos were killed in an ambush near Diafarabé on 8 March 2026.",
            7,
        ),
        (
            "en-shepherds",
            "Two shepherds were killed by gunmen near Mondoro on 8 March 2026.",
            2,
        ),
        (
            "fr-pecheurs",
            "Trois pêcheurs ont été tués par des hommes armés près de Mopti le 8 mars 2026.",
            3,
        ),
        (
            "fr-douaniers",
            "Deux douaniers ont été tués dans l'attaque du poste de Koury le 8 mars 2026.",
            2,
        ),
        (
            "en-community",
            "Violence between communities in Koro on 8 March 2026: 4 Dogons killed.",
            4,
        ),
    ] {
        let m = one_mention(text, "2026-03-09", label);
        assert_eq!(field(&m, "fatalities"), vec![want], "{label}");
    }
}

#[test]
fn every_part_of_a_toll_s_breakdown_is_of_the_toll_fr_en() {
    for (label, text) in [
        (
            "fr",
            "Au moins 5 personnes ont été tuées dimanche 8 mars 2026 à Djibo, dont 2 soldats et 3 \
             civils.",
        ),
        (
            "en",
            "At least 5 people were killed in Djibo on Sunday March 8, 2026, including 2 soldiers \
             and 3 civilians.",
        ),
    ] {
        let m = one_mention(text, "2026-03-09", label);
        assert_eq!(field(&m, "fatalities"), vec![5], "{label}");
    }
}

#[test]
fn protesters_killed_are_counted_and_a_crowd_of_protesters_is_not_a_toll_fr_en() {
    for text in [
        "La police a tiré sur les manifestants le 25 février 2027 à Zinder ; trois manifestants \
         ont été tués.",
        "Police fired on the crowd in Zinder on 25 February 2027; three protesters were killed.",
    ] {
        let ms = mentions(text, "2027-02-26");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(field(&ms[0], "fatalities"), vec![3], "{text}");
    }
    for text in [
        "Des milliers de manifestants ont défilé le 25 février 2027 à Zinder.",
        "Thousands of demonstrators marched in Zinder on 25 February 2027.",
    ] {
        let ms = mentions(text, "2027-02-26");
        assert!(
            ms.iter().all(|m| field(m, "fatalities").is_empty()),
            "{ms:#?}"
        );
    }
}

// An arrest is made by the state: the forces the text names, else the country's police, as
// ACLED codes an arrest whose text names no one making it.
#[test]
fn an_arrest_no_one_is_said_to_make_is_the_police_s_fr_en() {
    for (text, lang) in [
        (
            "L'ancien ministre a été arrêté lundi 3 août 2026 à son domicile de Nouakchott.",
            "fr",
        ),
        (
            "The former minister was arrested on Monday, August 3, 2026 at his home in \
             Nouakchott.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-08-04", lang);
        assert_eq!(m.sub_event_type, SubEventType::Arrests, "{lang}");
        assert!(
            actor1(&m).starts_with("Police Forces of Mauritania"),
            "{lang}: {}",
            actor1(&m)
        );
    }
    for (text, lang) in [
        (
            "L'ancien ministre a été arrêté lundi 3 août 2026 à Nouakchott par des militaires.",
            "fr",
        ),
        (
            "The former minister was arrested by soldiers on Monday, August 3, 2026 in \
             Nouakchott.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-08-04", lang);
        assert_eq!(m.sub_event_type, SubEventType::Arrests, "{lang}");
        assert!(
            actor1(&m).starts_with("Military Forces of Mauritania"),
            "{lang}: {}",
            actor1(&m)
        );
    }
}

// Violence between two communities the text names is a clash of their militias, as ACLED
// codes it ("Fulani Ethnic Militia (Mali)" against "Dogon Ethnic Militia (Mali)"), even when
// only one side's dead are told; violence called communal with its sides unnamed is an
// unidentified communal militia's.
#[test]
fn violence_between_two_communities_is_their_militias_clash_fr_en() {
    for (text, lang) in [
        (
            "De nouvelles violences entre Peuls et Dogons ont éclaté le 12 mars 2026 à Toula, \
             dans le cercle de Douentza : un Dogon a été tué et deux autres blessés.",
            "fr",
        ),
        (
            "Renewed violence between Fulani and Dogon broke out in Toula, in the Douentza \
             cercle, on 12 March 2026: one Dogon was killed and two others wounded.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-03-13", lang);
        assert_eq!(m.sub_event_type, SubEventType::ArmedClash, "{lang}");
        assert_eq!(actor1(&m), "Fulani Ethnic Militia (Mali)", "{lang}");
        assert_eq!(actor2(&m), "Dogon Ethnic Militia (Mali)", "{lang}");
    }
    for (text, lang) in [
        (
            "Des affrontements entre éleveurs et agriculteurs ont fait six morts le 12 mars 2026 \
             à Toula, dans le cercle de Douentza.",
            "fr",
        ),
        (
            "Clashes between herders and farmers killed six people in Toula, in the Douentza \
             cercle, on 12 March 2026.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-03-13", lang);
        assert_eq!(m.sub_event_type, SubEventType::ArmedClash, "{lang}");
        assert_eq!(actor1(&m), "Unidentified Communal Militia (Mali)", "{lang}");
        assert_eq!(actor2(&m), "Unidentified Communal Militia (Mali)", "{lang}");
    }
    for (text, lang) in [
        (
            "Un commerçant bambara a été tué le 12 mars 2026 à Toula, dans le cercle de \
             Douentza, lors de violences intercommunautaires.",
            "fr",
        ),
        (
            "A Bambara trader was killed in communal violence in Toula, in the Douentza cercle, \
             on 12 March 2026.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-03-13", lang);
        assert_eq!(m.sub_event_type, SubEventType::Attack, "{lang}");
        assert_eq!(actor1(&m), "Unidentified Communal Militia (Mali)", "{lang}");
    }
    // Attackers the text blames, however vaguely, are theirs: the communal violence is the
    // locality's past.
    for (text, lang) in [
        (
            "Le chef du village de Toula a été assassiné le 12 mars 2026 par des jihadistes \
             présumés ; la localité avait connu des violences entre Peuls et Dogons.",
            "fr",
        ),
        (
            "The chief of Toula village was assassinated by presumed jihadists on 12 March 2026; \
             the locality had seen violence between Fulani and Dogon.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-03-13", lang);
        assert_eq!(m.sub_event_type, SubEventType::Attack, "{lang}");
        assert!(
            actor1(&m).starts_with("Unidentified Armed Group"),
            "{lang}: {}",
            actor1(&m)
        );
    }
}

// One armed man killed by the forces is fighting, as several are ("un terroriste neutralisé",
// "a militant was killed by soldiers"); "gunmen" are several, however they kill one man.
#[test]
fn one_militant_killed_by_soldiers_is_a_clash_fr_en() {
    for (text, lang) in [
        (
            "Un terroriste a été neutralisé par l'armée le 12 mars 2026 près de Toula, dans le \
             cercle de Douentza.",
            "fr",
        ),
        (
            "A militant was killed by soldiers near Toula, in the Douentza cercle, on 12 March \
             2026.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-03-13", lang);
        assert_eq!(m.sub_event_type, SubEventType::ArmedClash, "{lang}");
        assert_eq!(field(&m, "fatalities"), vec![1], "{lang}");
    }
    let m = one_mention(
        "Unknown gunmen killed a fisherman near Toula, in the Douentza cercle, on 12 March 2026.",
        "2026-03-13",
        "en",
    );
    assert_eq!(m.sub_event_type, SubEventType::Attack);
}

// A march told first, then what the marchers burned or ransacked, is a violent demonstration.
#[test]
fn a_march_and_then_what_it_ransacked_is_a_violent_demonstration_fr_en() {
    for (text, lang) in [
        (
            "Une manifestation contre la vie chère a rassemblé des milliers de personnes le \
             samedi 14 mars 2026 à Mopti.\n\nSur le passage des manifestants, la mairie a été \
             saccagée et plusieurs boutiques ont été pillées.",
            "fr",
        ),
        (
            "Thousands of demonstrators marched against the high cost of living on Saturday, \
             March 14, 2026 in Mopti.\n\nAlong their route, the town hall was ransacked and \
             several shops were looted.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-15");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(
            ms[0].sub_event_type,
            SubEventType::ViolentDemonstration,
            "{lang}"
        );
    }
}

// A protest called violent, or one whose crowd ransacked places, is a violent demonstration;
// "des manifestations violentes qui secouent la ville" told in an arrest story is the unrest
// in general (de + les), no demonstration of that day.
#[test]
fn a_protest_called_violent_or_that_ransacked_is_a_violent_demonstration_fr_en() {
    for (text, lang) in [
        (
            "De violentes manifestations ont éclaté le samedi 14 mars 2026 à Mopti après la \
             mort d'un commerçant.",
            "fr",
        ),
        (
            "Violent protests broke out in Mopti on Saturday, March 14, 2026 after the death of \
             a trader.",
            "en",
        ),
        (
            "Des dizaines de jeunes ont saccagé des bars à Mopti le samedi 14 mars 2026 lors \
             d'une manifestation contre l'alcool.",
            "fr",
        ),
        (
            "Dozens of young men ransacked bars in Mopti on Saturday, March 14, 2026 during a \
             protest against alcohol.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-03-15");
        assert_eq!(ms.len(), 1, "{lang}: {ms:#?}");
        assert_eq!(
            ms[0].sub_event_type,
            SubEventType::ViolentDemonstration,
            "{lang}: {text}"
        );
    }
    let ms = mentions(
        "L'opposant a été arrêté le vendredi 13 mars 2026 à Mopti. Le gouvernement l'accuse \
         d'être responsable des manifestations violentes qui secouent la ville depuis mardi.",
        "2026-03-15",
    );
    assert!(
        !ms.iter()
            .any(|m| m.sub_event_type == SubEventType::ViolentDemonstration),
        "{ms:#?}"
    );
}

// A group named as a victim's affiliation ("GATIA's commander", "un cadre du MNLA") is the side
// hit when the text tells the attackers as unknown: they are the perpetrators.
#[test]
fn a_group_named_as_the_victim_s_affiliation_is_the_side_hit_fr_en() {
    for (text, lang) in [
        (
            "Le commandant du GATIA à Ménaka, Moussa Ag Attaher, a été abattu le 12 mars 2026 \
             par des hommes armés non identifiés.",
            "fr",
        ),
        (
            "GATIA's commander Moussa Ag Attaher was shot dead in Menaka by unidentified gunmen \
             on 12 March 2026.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-03-13", lang);
        assert!(
            actor1(&m).starts_with("Unidentified Armed Group"),
            "{lang}: {}",
            actor1(&m)
        );
        assert!(actor2(&m).starts_with("GATIA"), "{lang}: {}", actor2(&m));
    }
}

// A nomad or herders' camp is a home, not a military camp: people killed there are an attack on
// civilians, livestock taken there is looting.
#[test]
fn a_nomad_camp_is_a_home_not_a_military_camp_fr_en() {
    for (text, lang) in [
        (
            "Des hommes armés ont attaqué un campement de nomades près de Toula le 12 mars 2026 \
             et ont exécuté cinq bergers.",
            "fr",
        ),
        (
            "Gunmen attacked a nomad camp near Toula on 12 March 2026 and executed five \
             herders.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-03-13", lang);
        assert_eq!(m.sub_event_type, SubEventType::Attack, "{lang}");
    }
    for (text, lang) in [
        (
            "Des hommes armés ont pillé un campement de nomades près de Toula le 12 mars 2026 \
             et emporté le bétail.",
            "fr",
        ),
        (
            "Gunmen raided a nomad camp near Toula on 12 March 2026 and stole the livestock.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-03-13", lang);
        assert_eq!(
            m.sub_event_type,
            SubEventType::LootingPropertyDestruction,
            "{lang}"
        );
    }
}

// Someone abducted or missing and then found dead was killed: an attack with its dead.
#[test]
fn an_abducted_man_found_dead_was_killed_fr_en() {
    for (text, lang) in [
        (
            "Un éleveur a été enlevé par des hommes armés à Toula le 12 mars 2026. Il a été \
             retrouvé mort.",
            "fr",
        ),
        (
            "A herder was abducted by gunmen in Toula on 12 March 2026. He was found dead.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-03-15", lang);
        assert_eq!(m.sub_event_type, SubEventType::Attack, "{lang}");
        assert_eq!(field(&m, "fatalities"), vec![1], "{lang}");
    }
}

#[test]
fn the_court_that_passes_a_sentence_judges_an_older_attack_fr_en() {
    for text in [
        "Le tribunal militaire a condamné à mort mercredi quatre hommes pour le massacre de \
         l'école de Barassoro, où sept élèves avaient été tués.",
        "La cour d'appel a confirmé vendredi la condamnation des auteurs de l'attaque contre le \
         poste de Barassoro, qui avait tué six gendarmes.",
        "A military court on Wednesday sentenced four men to death for the massacre at the \
         Barassoro school, where seven pupils were killed.",
        "The appeal court upheld on Friday the life imprisonment of the men behind the attack on \
         the Barassoro post, which killed six gendarmes.",
    ] {
        let ms = mentions(text, "2026-11-20");
        assert!(ms.iter().all(|m| m.background), "{text}: {ms:#?}");
    }
}

#[test]
fn ten_or_more_events_counted_are_a_statistic_not_an_incident_fr_en() {
    for text in [
        "Plus de 22 attaques de groupes armés contre les civils ont été enregistrées au mois de \
         septembre dans le département de Barassoro.",
        "L'État de Barassoro compte 120 cas de kidnapping ces dix dernières années.",
        "More than 22 attacks by armed groups on civilians were recorded in September in the \
         Barassoro department.",
        "Barassoro State recorded 120 cases of kidnapping over the last ten years.",
    ] {
        let ms = mentions(text, "2026-10-10");
        assert!(ms.is_empty(), "{text}: {ms:#?}");
    }
    // a few attacks on one day are still events
    let ms = mentions(
        "Deux attaques ont visé lundi les postes de l'armée à Barassoro, tuant trois soldats.",
        "2026-10-10",
    );
    assert!(!ms.is_empty());
}

#[test]
fn a_weekday_given_as_a_first_name_is_neither_a_date_nor_before_a_place_fr_en() {
    // (fiction: a person whose family name is also a town's)
    for (text, lang) in [
        (
            "The activist Sunday Kontagora was arrested on Monday by the police in Cotonou.",
            "en",
        ),
        (
            "L'activiste Sunday Kontagora a été arrêté lundi par la police à Cotonou.",
            "fr",
        ),
    ] {
        let m = one_mention(text, "2026-07-22", lang);
        assert_eq!(day(&m), "2026-07-20", "{lang}");
        assert_eq!(location(&m), "Cotonou", "{lang}");
    }
    // the weekday after a word of time is still the day
    let m = one_mention(
        "On Sunday Nigerian troops killed 12 insurgents near Kontagora.",
        "2026-07-22",
        "en",
    );
    assert_eq!(day(&m), "2026-07-19");
}

#[test]
fn a_groups_habit_told_in_the_present_is_no_part_of_the_event_fr_en() {
    // (Without the rule the habit's "attaques … enlèvements" and "camps … combattants" made a
    // clash and a kidnapping of the fishermen's killing.)
    for (text, lang) in [
        (
            "Au moins 14 pêcheurs ont été tués mardi par des membres présumés de Boko Haram dans \
             un village près de Bol. Le village est situé près de la frontière, dans une zone \
             truffée d'îlots servant de camps d'entraînement aux combattants du groupe Boko \
             Haram, qui multiplie attaques meurtrières et enlèvements dans les pays riverains du \
             lac.",
            "fr",
        ),
        (
            "At least 14 fishermen were killed on Tuesday by suspected Boko Haram members in a \
             village near Bol. The village lies near the border, in an area of islands used as \
             training camps by Boko Haram fighters, who have stepped up attacks and kidnappings \
             in the countries around the lake.",
            "en",
        ),
    ] {
        let ms = mentions(text, "2026-11-12");
        assert!(!ms.is_empty(), "{lang}");
        for m in &ms {
            assert_eq!(
                m.event_type,
                EventType::ViolenceAgainstCivilians,
                "{lang}: {m:#?}"
            );
            assert_eq!(m.sub_event_type, SubEventType::Attack, "{lang}: {m:#?}");
        }
        assert!(ms.iter().any(|m| field(m, "fatalities") == [14]), "{lang}");
    }
    // The event a trend is shown by, told after a colon, and the event told before a relative
    // clause about its place, stand.
    for (text, lang, dead) in [
        (
            "Les rapts et les attaques se multiplient : trois policiers ont encore été tués \
             début novembre à Tessaoua.",
            "fr",
            3,
        ),
        (
            "Six civils ont été tués lundi lors de deux attaques près de Mokolo, où les \
             islamistes multiplient les exactions.",
            "fr",
            6,
        ),
        (
            "Les enlèvements se multiplient, à l'image du récent rapt de deux commerçants tués \
             lundi à l'ouest de Kayes.",
            "fr",
            2,
        ),
        (
            "Armed groups have stepped up attacks on traders, such as the recent abduction of \
             two traders killed on Monday west of Kayes.",
            "en",
            2,
        ),
        (
            "Six civilians were killed on Monday in two attacks near Mokolo, where the \
             Islamists have stepped up attacks.",
            "en",
            6,
        ),
    ] {
        let m = one_mention(text, "2026-11-12", lang);
        assert_eq!(field(&m, "fatalities"), [dead], "{text}");
    }
}

#[test]
fn counts_of_the_parts_of_one_whole_add_up_fr_en() {
    // Each part given its rank, or told "respectively": the whole is their sum, not the
    // smallest part.
    for (text, lang) in [
        (
            "Des soldats ont exécuté lundi des civils près de Boni. Trois fosses communes ont \
             été découvertes : la première contenait 7 corps, 13 pour la deuxième, puis 5 pour \
             la troisième.",
            "fr",
        ),
        (
            "Des soldats ont exécuté lundi des civils près de Boni. Un témoin a fait savoir \
             qu'il y avait 3 fosses contenant, respectivement, 13, 5 et 7 corps sans vie.",
            "fr",
        ),
        (
            "Soldiers executed civilians near Boni on Monday. Three mass graves were found: the \
             first held 7 bodies, the second 13 and the third 5.",
            "en",
        ),
        (
            "Soldiers executed civilians near Boni on Monday. A witness said three graves held \
             13, 5 and 7 bodies respectively.",
            "en",
        ),
    ] {
        let m = one_mention(text, "2026-11-12", lang);
        assert_eq!(field(&m, "fatalities"), [25], "{text}");
    }
    // Two tolls of one whole ("a first toll … the second") are two readings, not parts.
    let m = one_mention(
        "A first toll gave 5 dead in the attack on Boni on Monday, the second toll 12 dead.",
        "2026-11-12",
        "en",
    );
    assert_eq!(field(&m, "fatalities"), [5, 12]);
}
