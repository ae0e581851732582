//! Framing rules for what surrounds an event in a report: the day a statement or a claim was
//! made, a later update of the toll, places that are not where the event happened. Short
//! reports written for these tests (fiction, French and English), checked value by value.

use vigie_core::{ClaimValue, Mention, Quantity};

mod common;
use common::*;

/// (best, hedged) of every fatalities claim, in order.
fn fatalities(m: &Mention) -> Vec<(u32, bool)> {
    m.claims
        .iter()
        .filter(|c| c.field == "fatalities")
        .filter_map(|c| match c.value {
            ClaimValue::Count(Quantity { best, .. }) => Some((best, c.hedged)),
            _ => None,
        })
        .collect()
}

// --- The day a claim or a statement was made is not the event's day -----------------------

#[test]
fn a_claim_made_on_a_later_day_joins_the_attack_fr() {
    let ms = mentions(
        "Le camp militaire de Boni a été attaqué le mardi 3 mars 2026 ; cinq soldats ont été \
         tués. Le JNIM a revendiqué l'attaque jeudi sur ses canaux de propagande.",
        "2026-03-06",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-03");
    assert_eq!(location(&ms[0]), "Boni");
}

#[test]
fn a_claim_made_on_a_later_day_joins_the_attack_en() {
    let ms = mentions(
        "Gunmen attacked the army camp in Boni on Tuesday 3 March 2026, killing five soldiers. \
         JNIM claimed the attack on Thursday on its propaganda channels.",
        "2026-03-06",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-03");
}

#[test]
fn a_claim_naming_the_attack_by_its_date_keeps_that_date_fr() {
    let ms = mentions(
        "Le JNIM a revendiqué l'attaque du 3 mars contre le camp militaire de Boni, où cinq \
         soldats ont été tués.",
        "2026-03-06",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-03");
}

#[test]
fn the_day_a_communique_was_published_is_not_the_events_fr() {
    let ms = mentions(
        "Dans un communiqué publié lundi, l'armée affirme que six soldats ont été tués dimanche \
         dans une embuscade près de Bankass.",
        "2026-03-10",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-08");
    // In the other order: the communiqué made public on one day about an attack of the day
    // before.
    let ms = mentions(
        "L'armée a rendu public mercredi soir un communiqué sur l'attaque qui a visé mardi le \
         camp militaire de Boni ; quatre soldats ont été tués.",
        "2026-03-06",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-03");
}

#[test]
fn the_day_a_statement_was_issued_is_not_the_events_en() {
    let ms = mentions(
        "In a statement issued on Monday, the army said six soldiers were killed in an ambush \
         near Bankass on Sunday.",
        "2026-03-10",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-08");
}

#[test]
fn an_announcement_happens_the_day_it_is_made_en() {
    let ms = mentions(
        "JNIM announced on Monday that it was imposing a blockade on the town of Léré.",
        "2026-03-10",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-09");
}

// --- A later toll updates the incident -------------------------------------------------------

#[test]
fn an_updated_toll_is_the_same_incident_and_supersedes_the_first_fr() {
    let ms = mentions(
        "Des hommes armés ont attaqué le camp militaire de Boni le 3 mars 2026 ; quatre soldats \
         ont été tués.\n\n\
         Mise à jour (5 mars) : selon une source sécuritaire, le bilan s'est alourdi à neuf morts.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-03");
    assert_eq!(fatalities(&ms[0]), vec![(4, true), (9, false)]);
}

#[test]
fn an_updated_toll_is_the_same_incident_and_supersedes_the_first_en() {
    let ms = mentions(
        "Gunmen attacked the army camp in Boni on 3 March 2026, killing four soldiers.\n\n\
         Update, 5 March: the death toll rose to nine dead, a security source said.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-03");
    assert_eq!(fatalities(&ms[0]), vec![(4, true), (9, false)]);
}

// --- Round-ups: one story per country ------------------------------------------------------

fn actor1(m: &Mention) -> &str {
    m.actor1.as_ref().map_or("", |a| a.name.as_str())
}

#[test]
fn a_round_up_does_not_lend_one_storys_group_to_another_fr() {
    let ms = mentions(
        "Lundi, des combattants du JNIM ont attaqué le camp militaire de Tessalit, dans la région de \
         Kidal ; trois soldats ont été tués.\n\n\
         Mardi, un véhicule de l'armée nigérienne a sauté sur une mine près de Makalondi, au \
         Niger, tuant deux soldats.",
        "2026-03-07",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert_eq!(
        actor1(&ms[0]),
        "JNIM: Group for Support of Islam and Muslims"
    );
    assert_eq!(location(&ms[1]), "Makalondi");
    assert_eq!(actor1(&ms[1]), "Unidentified Armed Group (Niger)");
}

#[test]
fn a_round_up_does_not_lend_one_storys_group_to_another_en() {
    let ms = mentions(
        "On Monday, JNIM fighters attacked the army camp in Tessalit, in Mali's Kidal region, \
         killing three soldiers.\n\n\
         On Tuesday, a Nigerien army vehicle struck a landmine near Makalondi, in Niger, killing \
         two soldiers.",
        "2026-03-07",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert_eq!(
        actor1(&ms[0]),
        "JNIM: Group for Support of Islam and Muslims"
    );
    assert_eq!(location(&ms[1]), "Makalondi");
    assert_eq!(actor1(&ms[1]), "Unidentified Armed Group (Niger)");
}

#[test]
fn a_country_label_starts_the_next_story_of_a_round_up_fr() {
    let ms = mentions(
        "Sahel : la semaine sécuritaire\n\n\
         MALI — Lundi, des combattants du JNIM ont attaqué le camp militaire de Tessalit, dans la \
         région de Kidal ; trois soldats ont été tués.\n\n\
         BURKINA FASO — Cinq civils tués dans l'Est\n\n\
         Mardi, des hommes armés ont tué cinq civils dans le village de Foutouri, dans la \
         province de la Komandjoari.",
        "2026-03-07",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Tessalit");
    assert_eq!(fatalities(&ms[0]), vec![(3, false)]);
    assert_eq!(location(&ms[1]), "Foutouri");
    assert_eq!(day(&ms[1]), "2026-03-03");
    // The heading sums up the figure the body gives: provisional next to it.
    assert_eq!(fatalities(&ms[1]), vec![(5, true), (5, false)]);
}

#[test]
fn a_country_label_starts_the_next_story_of_a_round_up_en() {
    let ms = mentions(
        "The Sahel this week\n\n\
         MALI — On Monday, JNIM fighters attacked the army camp in Tessalit, in the Kidal \
         region, killing three soldiers.\n\n\
         BURKINA FASO — Five civilians killed in the East\n\n\
         On Tuesday, gunmen killed five civilians in the village of Foutouri, in Komandjoari \
         province.",
        "2026-03-07",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Tessalit");
    assert_eq!(fatalities(&ms[0]), vec![(3, false)]);
    assert_eq!(location(&ms[1]), "Foutouri");
    assert_eq!(day(&ms[1]), "2026-03-03");
}

// --- A lone day of the month ----------------------------------------------------------------

#[test]
fn a_lone_day_is_a_day_of_the_publication_month_fr() {
    let ms = mentions(
        "Le 12, une patrouille de l'armée est tombée dans une embuscade près de Banibangou ; \
         dix soldats ont été tués.",
        "2026-06-13",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-06-12");
    // A day not yet come this month is last month's.
    let ms = mentions(
        "Le 28, une patrouille de l'armée est tombée dans une embuscade près de Banibangou ; \
         dix soldats ont été tués.",
        "2026-06-03",
    );
    assert_eq!(day(&ms[0]), "2026-05-28");
}

#[test]
fn a_lone_day_is_a_day_of_the_publication_month_en() {
    let ms = mentions(
        "On the 12th, an army patrol was ambushed near Banibangou and ten soldiers were killed.",
        "2026-06-13",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-06-12");
}

// --- Bare names later in the same story -------------------------------------------------------

#[test]
fn bare_town_names_later_in_the_story_are_not_new_places_fr() {
    let ms = mentions(
        "Des centaines de camionneurs ont manifesté mercredi à Sévaré contre l'insécurité.\n\n\
         Les manifestants ont bloqué la route nationale et ont refusé de charger pour Gao et \
         Bamako pendant six heures.",
        "2026-08-20",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Sévaré");
}

#[test]
fn bare_town_names_later_in_the_story_are_not_new_places_en() {
    let ms = mentions(
        "Hundreds of truck drivers protested in Sévaré on Wednesday against insecurity.\n\n\
         The protesters blocked the highway and refused to load for Gao and Bamako for about \
         six hours.",
        "2026-08-20",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Sévaré");
}

// --- Who attacked whom: the defenders and the victims are not the perpetrator ---------------

fn actor2(m: &Mention) -> &str {
    m.actor2.as_ref().map_or("", |a| a.name.as_str())
}

#[test]
fn a_militia_post_attacked_by_a_group_that_claimed_it_fr() {
    let ms = mentions(
        "Des dizaines de membres des VDP ont été tués vendredi lorsque des jihadistes ont pris \
         d'assaut leur poste à Nassoumbou, dans la province du Soum. L'assaut contre le poste \
         tenu par les Volontaires pour la défense de la patrie a duré plusieurs heures. Le JNIM \
         a revendiqué l'attaque samedi.",
        "2026-06-28",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(
        actor1(&ms[0]),
        "JNIM: Group for Support of Islam and Muslims"
    );
    assert_eq!(
        actor2(&ms[0]),
        "VDP: Volunteers for the Defense of the Homeland"
    );
    assert_eq!(day(&ms[0]), "2026-06-26");
}

#[test]
fn a_militia_post_attacked_by_a_group_that_claimed_it_en() {
    let ms = mentions(
        "Dozens of VDP members were killed on Friday when jihadist fighters stormed their post \
         in Nassoumbou, in Soum province. The assault on the post held by the Volunteers for the \
         Defence of the Homeland lasted several hours. JNIM claimed the attack on Saturday.",
        "2026-06-28",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(
        actor1(&ms[0]),
        "JNIM: Group for Support of Islam and Muslims"
    );
    assert_eq!(
        actor2(&ms[0]),
        "VDP: Volunteers for the Defense of the Homeland"
    );
    assert_eq!(day(&ms[0]), "2026-06-26");
}

// --- Aggregates over a year; a side ambushed ---------------------------------------------------

#[test]
fn a_yearly_toll_is_not_a_figure_of_the_incident_fr() {
    let ms = mentions(
        "Le 21 novembre 2025, un convoi de l'armée malienne et de Wagner a été pris en embuscade \
         près de Tessit ; l'armée a reconnu 14 soldats tués. Un centre de recherche a recensé \
         plus de 1 100 morts liés aux violences dans la zone des trois frontières en 2025.",
        "2026-02-20",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(fatalities(&ms[0]), vec![(14, false)]);
    // The side ambushed is not the perpetrator.
    assert_eq!(actor1(&ms[0]), "Unidentified Armed Group (Mali)");
}

#[test]
fn a_yearly_toll_is_not_a_figure_of_the_incident_en() {
    let ms = mentions(
        "On 21 November 2025, a convoy of the Malian army and Russia's Africa Corps was ambushed \
         near Tessit; the army acknowledged 14 soldiers killed. A research centre counted more \
         than 1,100 deaths linked to political violence in the tri-border area in 2025.",
        "2026-02-20",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(fatalities(&ms[0]), vec![(14, false)]);
    assert_eq!(actor1(&ms[0]), "Unidentified Armed Group (Mali)");
}

// --- A time limit is not a date; a labelled heading with a place --------------------------------

#[test]
fn a_time_limit_does_not_date_a_new_incident_en() {
    let ms = mentions(
        "Gunmen killed at least nine people at a gold mining site near Komabangou, in Niger, on \
         Sunday. A miner who hid during the raid said 11 bodies had been collected by Monday \
         evening.",
        "2026-03-03",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-01");
}

#[test]
fn a_time_limit_does_not_date_a_new_incident_fr() {
    let ms = mentions(
        "Des hommes armés ont tué au moins neuf personnes sur un site d'orpaillage près de \
         Komabangou, au Niger, dimanche. Selon un orpailleur, onze corps avaient été retrouvés \
         jusqu'à lundi soir après l'attaque.",
        "2026-03-03",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-01");
}

#[test]
fn a_cut_off_date_of_a_count_does_not_date_the_incident_fr_en() {
    for (label, text) in [
        (
            "fr",
            "Burkina : les télécommunications ciblées par les jihadistes\n\nLa destruction des \
             antennes par les jihadistes est une stratégie pour couper ces zones du reste du \
             pays.Dans la nuit du jeudi 24 au vendredi 25 novembre 2022, des hommes armés ont \
             fait irruption dans le village de Sideradougou. Ils ont saccagé des édifices \
             publics.\n\nAu total 293 antennes téléphoniques ont été saccagées par les insurgés \
             islamistes à la date du 28 novembre 2022, selon un rapport.",
        ),
        (
            "en",
            "Gunmen ransacked the town hall and the telephone mast of Sideradougou overnight on \
             Thursday, 24 November 2022. In all, 293 telephone masts had been destroyed by the \
             insurgents as of 28 November 2022.",
        ),
    ] {
        let ms = mentions(text, "");
        assert!(!ms.is_empty(), "{label}");
        for m in &ms {
            assert_eq!(day(m), "2022-11-24", "{label}: {ms:#?}");
        }
    }
}

#[test]
fn a_labelled_heading_naming_the_place_does_not_take_the_last_storys_date_fr() {
    let ms = mentions(
        "NIGER — Le 12, une patrouille de l'armée est tombée dans une embuscade près de \
         Banibangou ; dix soldats ont été tués.\n\n\
         BÉNIN — Un engin explosif sur la route de Banikoara\n\n\
         Jeudi, un véhicule de l'armée béninoise a sauté sur un engin explosif improvisé près de \
         Banikoara, tuant deux militaires.",
        "2026-06-13",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert_eq!(location(&ms[1]), "Banikoara");
    assert_eq!(day(&ms[1]), "2026-06-11");
}

#[test]
fn a_labelled_heading_naming_the_place_does_not_take_the_last_storys_date_en() {
    let ms = mentions(
        "NIGER — On the 12th, an army patrol was ambushed near Banibangou and ten soldiers were \
         killed.\n\n\
         BENIN — A roadside bomb near Banikoara\n\n\
         On Thursday, a Beninese army vehicle struck an improvised explosive device near \
         Banikoara, killing two soldiers.",
        "2026-06-13",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
    assert_eq!(location(&ms[1]), "Banikoara");
    assert_eq!(day(&ms[1]), "2026-06-11");
}

// --- A sentence that says when the facts took place dates the story ----------------------

#[test]
fn the_facts_date_back_to_a_day_dates_the_story_fr_en() {
    let ms = mentions(
        "Voilà deux mois que le maire de Boni a été enlevé par des hommes armés. Les faits \
         remontent au 3 mars. Son convoi quittait alors le village pour Hombori.",
        "2026-05-04",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-03");
    let ms = mentions(
        "Two months have passed since the mayor of Boni was kidnapped by gunmen. The incident \
         took place on March 3, as his convoy left the village for Hombori.",
        "2026-05-04",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-03");
    let ms = mentions(
        "There have been reports of several civilians being killed in the village of Boni. \
         The events occurred on Tuesday 3 March 2026.",
        "2026-03-06",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-03");
}

#[test]
fn where_a_spokesman_spoke_to_the_press_is_not_the_event_s_place() {
    let ms = mentions(
        "Le convoi du maire a été attaqué le 3 mars 2026 près de Hombori. Son garde du corps a \
         été tué, a relaté devant la presse à Bamako un responsable du parti.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Hombori");
    let ms = mentions(
        "The mayor's convoy was attacked near Hombori on 3 March 2026. His bodyguard was killed, \
         a party official told journalists in Bamako.",
        "2026-03-05",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(location(&ms[0]), "Hombori");
}

#[test]
fn announced_the_day_after_the_attack_dates_the_attack_the_day_before() {
    let ms = mentions(
        "Un soldat a été tué dans une attaque contre un poste de l'armée près de Hombori. Le chef \
         d'état-major l'a annoncé mardi 3 mars 2026, au lendemain de l'attaque.",
        "2026-03-04",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-02");
    let ms = mentions(
        "One soldier was killed in an attack on an army post near Hombori, the army chief said \
         on Tuesday, a day after the attack.",
        "2026-03-04",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(day(&ms[0]), "2026-03-02");
}

#[test]
fn in_an_update_the_toll_after_the_update_words_replaces_the_others() {
    // Fiction: the new toll, the bodies found since and the first toll, in one sentence.
    let ms = mentions(
        "Des hommes armés ont attaqué le poste de Boni le 3 mars 2026. Un premier bilan \
         faisait état de huit victimes. « Ce sont 43 nouveaux corps qui ont été découverts, \
         établissant le bilan provisoire à 51 militaires tombés », précise l'armée qui avait \
         fait cas de huit victimes.",
        "2026-03-06",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    let firm: Vec<u32> = fatalities(&ms[0])
        .into_iter()
        .filter(|(_, hedged)| !hedged)
        .map(|(n, _)| n)
        .collect();
    assert_eq!(firm, vec![51], "{:?}", fatalities(&ms[0]));
    let ms = mentions(
        "Gunmen attacked the army post in Boni on 3 March 2026. Initial reports gave eight \
         dead. By Monday, 43 more bodies had been found, bringing the provisional death toll \
         to 51, the army said.",
        "2026-03-06",
    );
    let firm: Vec<u32> = fatalities(&ms[0])
        .into_iter()
        .filter(|(_, hedged)| !hedged)
        .map(|(n, _)| n)
        .collect();
    assert_eq!(firm, vec![51], "{:?}", fatalities(&ms[0]));
    // Sides counted apart in an update still add up.
    let ms = mentions(
        "Des hommes armés ont attaqué le poste de Boni le 3 mars 2026. Le nouveau bilan fait \
         état de 3 soldats et 10 terroristes tués.",
        "2026-03-06",
    );
    assert_eq!(fatalities(&ms[0]), vec![(3, false), (10, false)]);
}

#[test]
fn a_toll_s_figure_counts_the_dead() {
    for text in [
        "Gunmen attacked the army post in Boni on 3 March 2026. The death toll rose to 12 on \
         Wednesday.",
        "Des hommes armés ont attaqué le poste de Boni le 3 mars 2026. Le bilan est passé à 12 \
         mercredi.",
    ] {
        let ms = mentions(text, "2026-03-06");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(fatalities(&ms[0]), vec![(12, false)], "{text}");
    }
    // A year after "bilan de" is no toll.
    let ms = mentions(
        "Des hommes armés ont attaqué le poste de Boni le 3 mars 2026. Le bilan de l'attaque \
         de 2019 reste dans les mémoires.",
        "2026-03-06",
    );
    assert!(fatalities(&ms[0]).is_empty(), "{:?}", fatalities(&ms[0]));
}

#[test]
fn on_a_page_with_no_date_today_is_not_the_day_of_a_recalled_attack() {
    for text in [
        "A suicide bombing killed 50 soldiers in Gao, Mali, today. The bomber was also involved \
         in an earlier attack in Gao on November 29, 2016.",
        "Un attentat suicide a tué 50 soldats à Gao, au Mali, aujourd'hui. Le kamikaze avait déjà \
         participé à une attaque à Gao le 29 novembre 2016.",
    ] {
        let ms = vigie_core::process(&vigie_core::Article::text("t", text.to_string())).mentions;
        let main: Vec<_> = ms.iter().filter(|m| !m.background).collect();
        assert_eq!(main.len(), 1, "{ms:#?}");
        assert_eq!(main[0].date, None, "{text}");
        assert!(
            ms.iter().any(|m| m.background && day(m) == "2016-11-29"),
            "{ms:#?}"
        );
    }
}

#[test]
fn what_an_event_occurred_some_time_after_is_nobody_s_event() {
    for text in [
        "A farmer was abducted near Boni on Tuesday, March 3, 2026. The incident, which occurred \
         two months after militants linked to the Islamic State killed six aid workers, was a \
         kidnapping for ransom, an official said.",
        "Un agriculteur a été enlevé près de Boni le mardi 3 mars 2026. L'enlèvement s'est produit \
         deux mois après que des militants liés à l'État islamique ont tué six humanitaires.",
    ] {
        let ms = mentions(text, "2026-03-05");
        assert_eq!(ms.len(), 1, "{ms:#?}");
        assert_eq!(actor1(&ms[0]), "Unidentified Armed Group (Mali)", "{text}");
        assert!(fatalities(&ms[0]).is_empty(), "{text}");
    }
}

#[test]
fn a_weak_trigger_with_its_own_day_and_place_is_an_event_of_its_own() {
    // After a story at another place, "attacked" with no named target still reports an event
    // when the sentence gives its day and its place.
    for text in [
        "Une patrouille de l'armée a repoussé une attaque complexe près de Ménaka.\n\nDes hommes \
         armés non identifiés ont attaqué, le mardi 3 mars 2026, le chef-lieu de la commune de \
         Tébaram, dans la région de Tahoua.",
        "An army patrol repelled a complex attack near Menaka.\n\nUnidentified gunmen attacked \
         the main town of the Tebaram commune on Tuesday, March 3, 2026, in the Tahoua region.",
    ] {
        let ms = mentions(text, "2026-03-05");
        assert!(
            ms.iter()
                .any(|m| location(m) == "Tébaram" && day(m) == "2026-03-03"),
            "{text}: {ms:#?}"
        );
    }
    // "The attack took place on Thursday in Houet province": when and where the story's own
    // event happened, not another event.
    for text in [
        "Des hommes armés ont pris d'assaut un poste de douane à Fô, à 95 km de Bobo-Dioulasso. \
         L'attaque a eu lieu jeudi après-midi dans la province du Houet, sur l'axe Bobo-Faramana.",
        "Gunmen stormed a customs post in Fo, 95 km from Bobo-Dioulasso. The attack took place \
         on Thursday afternoon in Houet province, on the Bobo-Faramana road.",
    ] {
        let ms = mentions(text, "2026-03-07");
        assert_eq!(locations(&ms), vec!["Fô"], "{text}: {ms:#?}");
    }
}
