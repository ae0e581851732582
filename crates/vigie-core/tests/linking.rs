//! Linking rules, one test each, in French and English: what must join and what must stay
//! apart. Every report here is fiction written for these tests (places are real, events not).

use chrono::NaiveDate;
use vigie_core::{incidents, process, Article, Incident, Mention, SubEventType};

fn report(reference: &str, published: (i32, u32, u32), text: &str) -> Article {
    let mut a = Article::text(reference, text.to_string());
    a.published = NaiveDate::from_ymd_opt(published.0, published.1, published.2);
    a
}

fn mentions_of(articles: &[Article]) -> Vec<Mention> {
    articles.iter().flat_map(|a| process(a).mentions).collect()
}

/// Incidents as (location, date, sub-event type, sorted article refs), sorted.
fn summary(linked: &[Incident]) -> Vec<(String, String, SubEventType, Vec<String>)> {
    let mut out: Vec<_> = linked
        .iter()
        .map(|i| {
            (
                i.place
                    .as_ref()
                    .map(|p| p.location.clone())
                    .unwrap_or_default(),
                i.date.map(|d| d.date.to_string()).unwrap_or_default(),
                i.sub_event_type,
                i.articles.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

fn articles_of<'a>(linked: &'a [Incident], location: &str) -> Vec<&'a Vec<String>> {
    linked
        .iter()
        .filter(|i| i.place.as_ref().is_some_and(|p| p.location == location))
        .map(|i| &i.articles)
        .collect()
}

const AMBUSH_FR: &str = "Récit fictif écrit pour les tests de Vigie.\n\n\
Un convoi militaire escorté a été pris en embuscade le mercredi 30 septembre 2026 près de Hombori, \
dans le cercle de Douentza. Une dizaine de soldats ont été tués, selon des sources locales.";

const CAMP_EN: &str = "Fictional report written for Vigie's tests.\n\n\
Jihadist fighters attacked the army camp in Boni, in Mali's Douentza district, on Wednesday \
September 30, 2026. The army said it repelled the assault without losses.";

#[test]
fn a_convoy_ambush_and_a_camp_attack_in_one_district_on_one_day_stay_apart() {
    let linked = incidents::link(&mentions_of(&[
        report("ambush-fr", (2026, 10, 1), AMBUSH_FR),
        report("camp-en", (2026, 10, 1), CAMP_EN),
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Hombori"),
        vec![&vec!["ambush-fr".to_string()]],
        "{s:#?}"
    );
    assert_eq!(
        articles_of(&linked, "Boni"),
        vec![&vec!["camp-en".to_string()]],
        "{s:#?}"
    );
}

const WIRE_EN: &str = "Fictional report written for Vigie's tests.\n\n\
Gunmen killed four gendarmes in an attack on a gendarmerie post in Djibo, in northern Burkina Faso, \
on Tuesday March 3, 2026, a security source said. The attackers arrived on motorbikes and set two \
vehicles on fire before withdrawing, the source added.";

#[test]
fn a_rewrite_of_a_wire_story_that_adds_an_incident_keeps_the_new_incident_apart() {
    let rewrite = format!(
        "{WIRE_EN}\n\nThe same day, armed men kidnapped three traders on the road near Titao, \
         about a hundred kilometres to the west, local officials said."
    );
    let linked = incidents::link(&mentions_of(&[
        report("wire", (2026, 3, 4), WIRE_EN),
        report("rewrite", (2026, 3, 4), &rewrite),
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Djibo"),
        vec![&vec!["rewrite".to_string(), "wire".to_string()]],
        "the wire story and its rewrite report one attack at Djibo: {s:#?}"
    );
    let titao = linked
        .iter()
        .find(|i| i.place.as_ref().is_some_and(|p| p.location == "Titao"))
        .unwrap_or_else(|| panic!("the rewrite's own incident exists: {s:#?}"));
    assert_eq!(titao.articles, vec!["rewrite".to_string()]);
    assert_eq!(
        titao.sub_event_type,
        SubEventType::AbductionForcedDisappearance
    );
}

const RAID_FR: &str = "Récit fictif écrit pour les tests de Vigie.\n\n\
Des hommes armés ont attaqué le village de Kouakourou, dans le cercle de Djenné, le dimanche \
8 mars 2026, tuant trois civils, selon un élu local.";

const RAID_EN: &str = "Fictional report written for Vigie's tests.\n\n\
Three civilians were killed when armed men raided the village of Kouakourou in central Mali on \
Sunday, March 8, 2026, a local official said.";

const RAID_UNDATED_EN: &str = "Fictional report written for Vigie's tests.\n\n\
Residents of Kouakourou, in central Mali, buried three civilians killed when armed men raided the \
village, a local official said.";

#[test]
fn french_english_and_undated_reports_of_one_raid_form_one_incident_with_its_date() {
    let linked = incidents::link(&mentions_of(&[
        report("raid-fr", (2026, 3, 9), RAID_FR),
        report("raid-en", (2026, 3, 9), RAID_EN),
        report("raid-undated", (2026, 3, 10), RAID_UNDATED_EN),
    ]));
    let s = summary(&linked);
    let raid: Vec<_> = linked
        .iter()
        .filter(|i| i.place.as_ref().is_some_and(|p| p.location == "Kouakourou"))
        .collect();
    assert_eq!(raid.len(), 1, "{s:#?}");
    assert_eq!(raid[0].articles, vec!["raid-en", "raid-fr", "raid-undated"]);
    assert_eq!(
        raid[0].date.map(|d| d.date.to_string()).as_deref(),
        Some("2026-03-08")
    );
}

#[test]
fn the_same_village_raided_again_a_week_later_is_a_second_incident() {
    let later = "Fictional report written for Vigie's tests.\n\n\
        Armed men attacked the village of Kouakourou again on Sunday, March 15, 2026, killing two \
        civilians, a local official said.";
    let linked = incidents::link(&mentions_of(&[
        report("raid-fr", (2026, 3, 9), RAID_FR),
        report("raid-later", (2026, 3, 16), later),
    ]));
    let s = summary(&linked);
    let at = articles_of(&linked, "Kouakourou");
    assert_eq!(at.len(), 2, "{s:#?}");
    assert!(at.iter().all(|a| a.len() == 1), "{s:#?}");
}

#[test]
fn a_recollection_in_passing_joins_the_older_incident_not_the_new_one() {
    let old = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Le camp militaire de Tessit, dans la région de Gao, a été attaqué le 12 juillet 2025 par \
        des hommes armés. L'armée affirme avoir repoussé l'assaut.";
    let new = "Fictional report written for Vigie's tests.\n\n\
        Militants attacked the military camp in Tessit, in Mali's Gao region, on November 2, 2026, \
        the army said. The same camp had already been attacked on July 12, 2025.";
    let linked = incidents::link(&mentions_of(&[
        report("old-fr", (2025, 7, 13), old),
        report("new-en", (2026, 11, 3), new),
    ]));
    let s = summary(&linked);
    let tessit: Vec<_> = linked
        .iter()
        .filter(|i| i.place.as_ref().is_some_and(|p| p.location == "Tessit"))
        .map(|i| {
            (
                i.date.map(|d| d.date.to_string()).unwrap_or_default(),
                i.articles.clone(),
            )
        })
        .collect();
    assert_eq!(
        tessit,
        vec![
            ("2026-11-02".to_string(), vec!["new-en".to_string()]),
            (
                "2025-07-12".to_string(),
                vec!["new-en".to_string(), "old-fr".to_string()]
            ),
        ],
        "{s:#?}"
    );
}

#[test]
fn linking_does_not_depend_on_the_order_of_reports() {
    let articles = [
        report("ambush-fr", (2026, 10, 1), AMBUSH_FR),
        report("camp-en", (2026, 10, 1), CAMP_EN),
        report("raid-fr", (2026, 3, 9), RAID_FR),
        report("raid-en", (2026, 3, 9), RAID_EN),
        report("raid-undated", (2026, 3, 10), RAID_UNDATED_EN),
        report("wire", (2026, 3, 4), WIRE_EN),
    ];
    let forward = mentions_of(&articles);
    let mut backward = forward.clone();
    backward.reverse();
    let a = incidents::link(&forward);
    let b = incidents::link(&backward);
    assert_eq!(a, b);
    // Grouping alone gives the same ids as the full linking.
    let keys: Vec<_> = forward.iter().map(incidents::LinkKey::of).collect();
    let ids: Vec<String> = incidents::group(&keys).into_iter().map(|g| g.id).collect();
    assert_eq!(ids, a.iter().map(|i| i.id.clone()).collect::<Vec<_>>());
}

#[test]
fn a_protest_and_an_attack_in_one_town_on_one_day_are_two_incidents() {
    let protest = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des centaines d'habitants ont manifesté le lundi 6 avril 2026 à Djibo pour dénoncer le \
        blocus de la ville, selon des témoins.";
    let attack = "Fictional report written for Vigie's tests.\n\n\
        Gunmen attacked a checkpoint at the entrance of Djibo on Monday April 6, 2026, killing two \
        soldiers, a security source said.";
    let linked = incidents::link(&mentions_of(&[
        report("protest-fr", (2026, 4, 7), protest),
        report("attack-en", (2026, 4, 7), attack),
    ]));
    let s = summary(&linked);
    let at = articles_of(&linked, "Djibo");
    assert_eq!(at.len(), 2, "{s:#?}");
    assert!(at.iter().all(|a| a.len() == 1), "{s:#?}");
}

#[test]
fn villages_forty_kilometres_apart_raided_the_same_day_stay_apart() {
    // Kouakourou and Djenné are about 40 km apart, both in the cercle of Djenné.
    let other = "Fictional report written for Vigie's tests.\n\n\
        Armed men raided the town of Djenné on Sunday, March 8, 2026, killing three civilians, a \
        local official said.";
    let linked = incidents::link(&mentions_of(&[
        report("raid-fr", (2026, 3, 9), RAID_FR),
        report("djenne-en", (2026, 3, 9), other),
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Kouakourou"),
        vec![&vec!["raid-fr".to_string()]],
        "{s:#?}"
    );
    assert_eq!(
        articles_of(&linked, "Djenné"),
        vec![&vec!["djenne-en".to_string()]],
        "{s:#?}"
    );
}

#[test]
fn an_undated_report_published_months_later_does_not_join() {
    let linked = incidents::link(&mentions_of(&[
        report("raid-fr", (2026, 3, 9), RAID_FR),
        report("raid-undated", (2026, 9, 20), RAID_UNDATED_EN),
    ]));
    let s = summary(&linked);
    assert!(
        linked.iter().all(|i| i.articles.len() == 1),
        "a report published six months later is not of the March raid: {s:#?}"
    );
}

#[test]
fn a_coordinated_attack_gives_one_incident_per_town_under_one_operation() {
    let fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Le JNIM a attaqué simultanément le 4 août 2026 à l'aube les camps de l'armée à Yélimané, \
        Diéma et Nara, dans l'ouest du Mali, selon des sources sécuritaires.";
    let en = "Fictional report written for Vigie's tests.\n\n\
        JNIM fighters attacked army positions in Nara, in western Mali, at dawn on August 4, 2026, \
        as part of a wider offensive, residents said.";
    let linked = incidents::link(&mentions_of(&[
        report("op-fr", (2026, 8, 5), fr),
        report("nara-en", (2026, 8, 5), en),
    ]));
    let s = summary(&linked);
    let towns: Vec<(String, Vec<String>, Option<String>)> = linked
        .iter()
        .map(|i| {
            (
                i.place
                    .as_ref()
                    .map(|p| p.location.clone())
                    .unwrap_or_default(),
                i.articles.clone(),
                i.operation.clone(),
            )
        })
        .collect();
    assert_eq!(towns.len(), 3, "{s:#?}");
    let op = towns[0].2.clone();
    assert!(op.is_some(), "{towns:#?}");
    assert!(towns.iter().all(|t| t.2 == op), "one operation: {towns:#?}");
    let nara = towns.iter().find(|t| t.0 == "Nara").expect("Nara");
    assert_eq!(nara.1, vec!["nara-en".to_string(), "op-fr".to_string()]);
}

#[test]
fn different_named_groups_the_same_day_in_one_town_stay_apart() {
    let jnim = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Le JNIM a attaqué le poste militaire de Tessit le 10 mai 2026, selon l'armée.";
    let isgs = "Fictional report written for Vigie's tests.\n\n\
        Islamic State Sahel fighters attacked the military post in Tessit on May 10, 2026, \
        the army said.";
    let linked = incidents::link(&mentions_of(&[
        report("jnim-fr", (2026, 5, 11), jnim),
        report("isgs-en", (2026, 5, 11), isgs),
    ]));
    let s = summary(&linked);
    let at = articles_of(&linked, "Tessit");
    assert_eq!(at.len(), 2, "{s:#?}");
}

#[test]
fn a_report_dated_only_to_the_month_joins_the_dated_incident_and_the_day_is_kept() {
    let vague = "Fictional report written for Vigie's tests.\n\n\
        In March 2026, armed men raided the village of Kouakourou in central Mali and killed \
        three civilians, according to a report by a local human rights group published on Friday.";
    let linked = incidents::link(&mentions_of(&[
        report("raid-fr", (2026, 3, 9), RAID_FR),
        report("month-en", (2026, 4, 3), vague),
    ]));
    let s = summary(&linked);
    let raid: Vec<_> = linked
        .iter()
        .filter(|i| i.place.as_ref().is_some_and(|p| p.location == "Kouakourou"))
        .collect();
    assert_eq!(raid.len(), 1, "{s:#?}");
    assert_eq!(raid[0].articles, vec!["month-en", "raid-fr"]);
    let date = raid[0].date.expect("dated");
    assert_eq!(date.date.to_string(), "2026-03-08");
    assert_eq!(date.precision.code(), 1);
}

#[test]
fn a_bare_text_with_no_date_at_all_still_joins_its_incident() {
    let mut bare = report("bare", (2026, 3, 10), RAID_UNDATED_EN);
    bare.published = None;
    let linked = incidents::link(&mentions_of(&[
        report("raid-fr", (2026, 3, 9), RAID_FR),
        bare,
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Kouakourou"),
        vec![&vec!["bare".to_string(), "raid-fr".to_string()]],
        "{s:#?}"
    );
}

#[test]
fn reports_a_day_apart_on_a_night_attack_join_when_their_figures_agree() {
    let fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des hommes armés ont attaqué le village de Kouakourou dans la nuit du samedi 14 au \
        dimanche 15 mars 2026, tuant quatre civils, selon un élu local.";
    let en = "Fictional report written for Vigie's tests.\n\n\
        Gunmen killed four civilians in the village of Kouakourou in central Mali on Sunday, \
        March 15, 2026, a local official said.";
    let linked = incidents::link(&mentions_of(&[
        report("night-fr", (2026, 3, 16), fr),
        report("sunday-en", (2026, 3, 16), en),
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Kouakourou"),
        vec![&vec!["night-fr".to_string(), "sunday-en".to_string()]],
        "{s:#?}"
    );
}

#[test]
fn a_village_attacked_on_two_consecutive_days_with_other_tolls_is_two_incidents() {
    let monday = "Fictional report written for Vigie's tests.\n\n\
        Gunmen killed three civilians in the village of Kouakourou in central Mali on Monday, \
        March 16, 2026, a local official said.";
    let tuesday = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des hommes armés ont tué sept civils le mardi 17 mars 2026 à Kouakourou, selon un élu.";
    let linked = incidents::link(&mentions_of(&[
        report("monday-en", (2026, 3, 17), monday),
        report("tuesday-fr", (2026, 3, 18), tuesday),
    ]));
    let s = summary(&linked);
    let at = articles_of(&linked, "Kouakourou");
    assert_eq!(at.len(), 2, "{s:#?}");
}

#[test]
fn one_raid_seen_as_a_battle_and_as_killings_joins_when_figures_agree() {
    let camp = "Fictional report written for Vigie's tests.\n\n\
        JNIM fighters attacked the army camp in Boni, in central Mali, on Wednesday September 30, \
        2026, killing twelve soldiers, a security source said.";
    let killings = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Douze personnes ont été tuées le mercredi 30 septembre 2026 à Boni, dans le centre du \
        Mali, lors d'une attaque du JNIM, selon des habitants.";
    let linked = incidents::link(&mentions_of(&[
        report("camp-en", (2026, 10, 1), camp),
        report("killings-fr", (2026, 10, 1), killings),
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Boni"),
        vec![&vec!["camp-en".to_string(), "killings-fr".to_string()]],
        "{s:#?}"
    );
}

#[test]
fn one_raid_told_as_a_clash_and_as_an_attack_on_villagers_joins_on_its_spot_and_day_fr_en() {
    // Neither gives a toll nor names the group: the village and the day say it is one raid.
    let clash = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des affrontements ont opposé des volontaires pour la défense de la patrie à des hommes \
        armés le mardi 3 mars 2026 à Belga, dans la province du Namentenga.";
    let attack = "Fictional report written for Vigie's tests.\n\n\
        Gunmen attacked villagers in Belga, in Burkina Faso's Namentenga province, on Tuesday \
        March 3, 2026, residents said.";
    let linked = incidents::link(&mentions_of(&[
        report("clash-fr", (2026, 3, 4), clash),
        report("attack-en", (2026, 3, 4), attack),
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Belga"),
        vec![&vec!["attack-en".to_string(), "clash-fr".to_string()]],
        "{s:#?}"
    );
    // A kidnapping is an act of its own: the same day in the same town, it stays apart from
    // the clash.
    let kidnapping = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Un commerçant a été enlevé devant sa boutique à Belga le 3 mars 2026, ont rapporté \
        ses proches.";
    let linked = incidents::link(&mentions_of(&[
        report("kidnapping-fr", (2026, 3, 4), kidnapping),
        report("clash-fr", (2026, 3, 4), clash),
    ]));
    let s = summary(&linked);
    assert!(linked.iter().all(|i| i.articles.len() == 1), "{s:#?}");
}

#[test]
fn a_night_raid_told_on_either_day_and_as_another_type_joins_on_its_spot_and_toll_fr_en() {
    let camp = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des jihadistes ont attaqué le camp militaire de Boni, dans le centre du Mali, le mardi \
        3 mars 2026 tard dans la soirée, tuant douze soldats, selon une source sécuritaire.";
    let killings = "Fictional report written for Vigie's tests.\n\n\
        Twelve people were killed when gunmen stormed Boni, in central Mali, on Wednesday \
        March 4, 2026, residents said.";
    let linked = incidents::link(&mentions_of(&[
        report("camp-fr", (2026, 3, 5), camp),
        report("killings-en", (2026, 3, 5), killings),
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Boni"),
        vec![&vec!["camp-fr".to_string(), "killings-en".to_string()]],
        "{s:#?}"
    );
}

#[test]
fn a_report_known_only_to_the_month_does_not_chain_two_days_into_one_incident_fr_en() {
    // (two tolls that differ: two raids; the same toll on two days is one raid misdated, see
    // `an_undated_page_with_the_raids_day_and_month_joins_it_despite_one_misdated_report`)
    let month_only = Article::text(
        "month-fr",
        " date 2026-03 Récit fictif écrit pour les tests de Vigie. Dimanche, des hommes armés ont \
         fait irruption dans l'église du village de Pansi, dans la province du Yagha, tuant \
         24 fidèles."
            .to_string(),
    );
    let first = "Fictional report written for Vigie's tests.\n\n\
        Gunmen stormed a church in the village of Pansi, in Burkina Faso's Yagha province, on \
        Sunday March 22, 2026, killing two worshippers.";
    let second = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Le dimanche 29 mars 2026, des hommes armés ont attaqué l'église du village de Pansi, \
        dans la province du Yagha, et tué 24 fidèles.";
    let linked = incidents::link(&mentions_of(&[
        month_only,
        report("first-en", (2026, 3, 23), first),
        report("second-fr", (2026, 3, 30), second),
    ]));
    let s = summary(&linked);
    assert!(
        !linked
            .iter()
            .any(|i| i.articles.contains(&"first-en".to_string())
                && i.articles.contains(&"second-fr".to_string())),
        "{s:#?}"
    );
}

#[test]
fn a_battle_and_killings_with_other_tolls_in_one_town_stay_apart() {
    let camp = "Fictional report written for Vigie's tests.\n\n\
        JNIM fighters attacked the army camp in Boni, in central Mali, on Wednesday September 30, \
        2026, killing twelve soldiers, a security source said.";
    let killings = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Trois bergers ont été tués le mercredi 30 septembre 2026 près de Boni, dans le centre du \
        Mali, par des hommes armés, selon des habitants.";
    let linked = incidents::link(&mentions_of(&[
        report("camp-en", (2026, 10, 1), camp),
        report("herders-fr", (2026, 10, 1), killings),
    ]));
    let s = summary(&linked);
    assert!(linked.iter().all(|i| i.articles.len() == 1), "{s:#?}");
}

mod order {
    use super::*;
    use proptest::prelude::*;

    fn corpus() -> Vec<Mention> {
        mentions_of(&[
            report("ambush-fr", (2026, 10, 1), AMBUSH_FR),
            report("camp-en", (2026, 10, 1), CAMP_EN),
            report("raid-fr", (2026, 3, 9), RAID_FR),
            report("raid-en", (2026, 3, 9), RAID_EN),
            report("raid-undated", (2026, 3, 10), RAID_UNDATED_EN),
            report("wire", (2026, 3, 4), WIRE_EN),
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Any order of the same reports gives the same incidents and ids; any subset gives
        /// incidents whose ids are a function of that subset alone.
        #[test]
        fn linking_is_a_function_of_the_set_of_reports(
            seed in any::<u64>(),
            keep in prop::collection::vec(any::<bool>(), 6),
        ) {
            let all = corpus();
            let reference = incidents::link(&all);
            let mut shuffled = all.clone();
            // A deterministic shuffle from the seed.
            let mut state = seed | 1;
            for i in (1..shuffled.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                shuffled.swap(i, (state % (i as u64 + 1)) as usize);
            }
            prop_assert_eq!(&incidents::link(&shuffled), &reference);
            let refs = ["ambush-fr", "camp-en", "raid-fr", "raid-en", "raid-undated", "wire"];
            let subset: Vec<Mention> = all
                .iter()
                .filter(|m| refs.iter().zip(&keep).any(|(r, k)| *k && m.article == *r))
                .cloned()
                .collect();
            let mut reversed = subset.clone();
            reversed.reverse();
            prop_assert_eq!(incidents::link(&subset), incidents::link(&reversed));
        }
    }
}

#[test]
fn a_report_naming_only_the_district_joins_the_town_when_the_toll_agrees() {
    let town = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Sept soldats ont été tués le jeudi 28 janvier 2027 dans l'embuscade tendue à un convoi \
        militaire à Boni, dans le centre du Mali, selon une source sécuritaire.";
    let district = "Fictional report written for Vigie's tests.\n\n\
        Militants ambushed a military convoy in central Mali's Douentza district on Thursday \
        January 28, 2027, killing at least five soldiers, two security sources said.";
    let linked = incidents::link(&mentions_of(&[
        report("town-fr", (2027, 1, 29), town),
        report("district-en", (2027, 1, 29), district),
    ]));
    let s = summary(&linked);
    assert_eq!(linked.len(), 1, "{s:#?}");
    assert_eq!(linked[0].articles, vec!["district-en", "town-fr"]);
    assert_eq!(
        linked[0].place.as_ref().map(|p| p.location.as_str()),
        Some("Boni"),
        "the most precise place is kept"
    );
}

#[test]
fn undated_notes_of_one_town_stay_apart_without_something_specific_in_common() {
    // Two short notes a few days apart, neither dated: the same kind of attack in the same
    // town says nothing about being the same attack.
    let linked = incidents::link(&mentions_of(&[
        report(
            "note-1",
            (2026, 3, 4),
            "Fictional note for Vigie's tests. Gunmen killed a trader in Gossi.",
        ),
        report(
            "note-2",
            (2026, 3, 7),
            "Note fictive pour les tests de Vigie. Des hommes armés ont tué un berger à Gossi.",
        ),
    ]));
    let gossi = articles_of(&linked, "Gossi");
    assert_eq!(gossi.len(), 2, "{:#?}", summary(&linked));
}

#[test]
fn undated_notes_that_agree_on_a_figure_join() {
    let linked = incidents::link(&mentions_of(&[
        report(
            "note-en",
            (2026, 3, 4),
            "Fictional note for Vigie's tests. Gunmen killed five villagers in Gossi.",
        ),
        report(
            "note-fr",
            (2026, 3, 5),
            "Note fictive pour les tests de Vigie. Des hommes armés ont tué cinq villageois à \
             Gossi.",
        ),
    ]));
    let gossi = articles_of(&linked, "Gossi");
    assert_eq!(
        gossi,
        vec![&vec!["note-en".to_string(), "note-fr".to_string()]]
    );
}

#[test]
fn an_incident_no_report_dates_is_dated_to_the_day_before_its_first_report() {
    let linked = incidents::link(&mentions_of(&[report(
        "note",
        (2026, 3, 4),
        "Fictional note for Vigie's tests. Gunmen killed five villagers in Gossi.",
    )]));
    assert_eq!(linked.len(), 1);
    let date = linked[0].date.expect("dated from its publication");
    assert_eq!(date.date.to_string(), "2026-03-03");
    assert_eq!(date.precision, vigie_core::TimePrecision::Week);
}

fn bare(reference: &str, text: &str) -> Article {
    Article::text(reference, text.to_string())
}

#[test]
fn a_bare_text_whose_toll_only_overlaps_does_not_join_an_incident_that_may_be_of_another_year() {
    // Nothing says when the bare note happened: "at least 14" and "twenty" in the same region
    // may be two attacks years apart.
    let dated = "Fictional report written for Vigie's tests.\n\n\
        Gunmen raided the village of Soufouroulaye, in central Mali, on Monday March 2, 2026, \
        killing at least 14 civilians, a local official said.";
    let note = "Note fictive pour les tests de Vigie.\n\n\
        Vingt civils ont été tués par des hommes armés dans un village de la région de Mopti, \
        a indiqué un élu local.";
    let linked = incidents::link(&mentions_of(&[
        report("dated-en", (2026, 3, 3), dated),
        bare("bare-fr", note),
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Soufouroulaye"),
        vec![&vec!["dated-en".to_string()]],
        "{s:#?}"
    );
    let undated = linked
        .iter()
        .find(|i| i.articles == ["bare-fr"])
        .unwrap_or_else(|| panic!("the bare note founds its own incident: {s:#?}"));
    assert!(undated.date.is_none(), "{s:#?}");
    // The same number of dead is specific enough, and the incident keeps its village.
    let same = note.replace("Vingt", "Quatorze");
    let linked = incidents::link(&mentions_of(&[
        report("dated-en", (2026, 3, 3), dated),
        bare("bare-fr", &same),
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Soufouroulaye"),
        vec![&vec!["bare-fr".to_string(), "dated-en".to_string()]],
        "{s:#?}"
    );
}

#[test]
fn a_bare_text_that_agrees_on_a_toll_and_a_named_group_joins_without_moving_the_incident() {
    // Dated reports place the attack near Douentza; the bare note names the village and the
    // same group and toll. It joins, but the incident stays where the dated reports put it.
    let dated_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Le JNIM a attaqué le 12 avril 2026 un convoi de forains près de Douentza, tuant onze \
        personnes, selon des sources locales.";
    let dated_en = "Fictional report written for Vigie's tests.\n\n\
        JNIM fighters ambushed a convoy of traders near Douentza on April 12, 2026, killing 11 \
        people, local sources said.";
    let note = "Fictional note for Vigie's tests.\n\n\
        JNIM fighters killed 11 traders when they attacked their convoy at Boni, residents said.";
    let linked = incidents::link(&mentions_of(&[
        report("dated-fr", (2026, 4, 13), dated_fr),
        report("dated-en", (2026, 4, 13), dated_en),
        bare("bare-en", note),
    ]));
    let s = summary(&linked);
    let joined = linked
        .iter()
        .find(|i| i.articles.iter().any(|a| a == "bare-en"))
        .unwrap_or_else(|| panic!("{s:#?}"));
    assert_eq!(
        joined.articles,
        vec!["bare-en", "dated-en", "dated-fr"],
        "{s:#?}"
    );
    assert_eq!(
        joined.place.as_ref().map(|p| p.location.as_str()),
        Some("Douentza"),
        "{s:#?}"
    );
    assert_eq!(
        joined.date.map(|d| d.date.to_string()).as_deref(),
        Some("2026-04-12")
    );
}

#[test]
fn a_vague_toll_does_not_count_as_a_figure_that_agrees() {
    // "Dozens killed" meets any toll above ten; with a number given later, the number is the
    // report's figure.
    let dated = "Fictional report written for Vigie's tests.\n\n\
        Dozens of civilians were killed when armed men raided the market of Gossi on Sunday \
        May 10, 2026. The governor later said 23 civilians had been killed.";
    let keys: Vec<_> = mentions_of(&[report("dated-en", (2026, 5, 11), dated)])
        .iter()
        .map(incidents::LinkKey::of)
        .collect();
    let fatalities = keys[0].figure(vigie_core::CountField::Fatalities);
    assert_eq!(fatalities.map(|q| q.best), Some(23), "{keys:#?}");
    // A bare note of the same market with a vague toll only: nothing specific agrees.
    let note = "Note fictive pour les tests de Vigie.\n\n\
        Des dizaines de civils ont été tués lors d'une attaque contre le marché de Gossi.";
    let linked = incidents::link(&mentions_of(&[
        report("dated-en", (2026, 5, 11), dated),
        bare("bare-fr", note),
    ]));
    assert_eq!(
        articles_of(&linked, "Gossi").len(),
        2,
        "{:#?}",
        summary(&linked)
    );
}

#[test]
fn an_undated_report_with_another_toll_joins_when_the_same_group_is_named() {
    // The army's toll and the residents' toll differ, as they often do; the same named
    // perpetrator and spot say it is one strike.
    let linked = incidents::link(&mentions_of(&[
        report(
            "strike-fr",
            (2026, 3, 19),
            "Récit fictif pour les tests de Vigie : la frappe de drone menée mercredi 18 mars \
             2026 par l'armée malienne près de Sévaré a tué sept civils, selon des habitants.",
        ),
        report(
            "strike-en",
            (2026, 3, 19),
            "Fictional report for Vigie's tests: the Malian army said its drone strike near \
             Sévaré killed twelve terrorists.",
        ),
    ]));
    let sevare = articles_of(&linked, "Sévaré");
    assert_eq!(
        sevare,
        vec![&vec!["strike-en".to_string(), "strike-fr".to_string()]],
        "{:#?}",
        summary(&linked)
    );
}

#[test]
fn an_undated_note_does_not_reach_weeks_back_on_a_named_group_alone() {
    // A dated ambush of a patrol by JNIM, then an undated note published a month later of
    // another JNIM ambush of a patrol in the same place: two events.
    let linked = incidents::link(&mentions_of(&[
        report(
            "ambush-sept",
            (2026, 9, 15),
            "Fictional note for Vigie's tests. On 14 September 2026 JNIM fighters ambushed an \
             army patrol near Kouakourou.",
        ),
        report(
            "ambush-oct",
            (2026, 10, 17),
            "Fictional note for Vigie's tests. JNIM fighters ambushed an army patrol near \
             Kouakourou, four soldiers reported killed.",
        ),
    ]));
    let kouakourou = articles_of(&linked, "Kouakourou");
    assert_eq!(kouakourou.len(), 2, "{:#?}", summary(&linked));
    // Published the day after, the same note joins.
    let linked = incidents::link(&mentions_of(&[
        report(
            "ambush-sept",
            (2026, 9, 15),
            "Fictional note for Vigie's tests. On 14 September 2026 JNIM fighters ambushed an \
             army patrol near Kouakourou.",
        ),
        report(
            "ambush-next-day",
            (2026, 9, 15),
            "Fictional note for Vigie's tests. JNIM fighters ambushed an army patrol near \
             Kouakourou, four soldiers reported killed.",
        ),
    ]));
    assert_eq!(
        articles_of(&linked, "Kouakourou").len(),
        1,
        "{:#?}",
        summary(&linked)
    );
}

#[test]
fn undated_pages_that_give_the_day_and_month_join_the_incident_of_that_day_fr_en() {
    // Neither page shows a year or a publication date; the day and month they give single the
    // attack out among the attacks on the same camp over the years.
    let dated = report(
        "dated",
        (2019, 10, 1),
        "Des jihadistes ont attaqué lundi 30 septembre le camp militaire de Boulkessi, tuant \
         38 soldats.",
    );
    let mut fr = report(
        "fr",
        (2019, 10, 3),
        "L'armée recherche toujours 27 soldats disparus lors de l'attaque jihadiste du 30 \
         septembre à Boulkessi. Trente-huit soldats sont morts à Boulkessi, dit l'armée.",
    );
    fr.published = None;
    let mut en = report(
        "en",
        (2019, 10, 3),
        "Jihadists stormed the army camp in Boulkessi on September 30, killing 40 soldiers.",
    );
    en.published = None;
    let mut other_day = report(
        "other-day",
        (2019, 10, 3),
        "Forty soldiers died on March 15 when armed men overran the military base of \
         Boulkessi, the defence ministry said in a statement.",
    );
    other_day.published = None;
    let linked = incidents::link(&mentions_of(&[dated, fr, en, other_day]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Boulkessi"),
        vec![
            &vec!["dated".to_string(), "en".to_string(), "fr".to_string()],
            &vec!["other-day".to_string()],
        ],
        "{s:#?}"
    );
}

const MASSACRE_FR_1: &str = "Récit fictif écrit pour les tests de Vigie.\n\n\
Au moins 41 civils ont été tués le dimanche 8 mars 2026 dans l'attaque du village de \
Diallassagou, dans la région de Mopti, par des hommes armés non identifiés.";
const MASSACRE_FR_2: &str = "Récit fictif écrit pour les tests de Vigie.\n\n\
Des hommes armés ont tué 41 habitants du village de Diallassagou dimanche 8 mars 2026, selon \
des élus locaux de la région de Mopti.";
const MASSACRE_EN_VILLAGE: &str = "Fictional report written for Vigie's tests.\n\n\
Gunmen killed 40 villagers in Diallassagou, in Mali's Mopti region, on Sunday March 8, 2026, \
local officials said.";
const MASSACRE_EN_TOWN: &str = "Fictional report written for Vigie's tests.\n\n\
Gunmen killed 42 civilians in Koro, in Mali's Mopti region, on Sunday March 8, 2026, a \
security source said.";

#[test]
fn one_heavy_toll_on_one_day_in_one_region_joins_reports_that_place_it_apart() {
    let linked = incidents::link(&mentions_of(&[
        report("fr-1", (2026, 3, 9), MASSACRE_FR_1),
        report("fr-2", (2026, 3, 9), MASSACRE_FR_2),
        report("en-village", (2026, 3, 9), MASSACRE_EN_VILLAGE),
        report("en-town", (2026, 3, 9), MASSACRE_EN_TOWN),
    ]));
    let s = summary(&linked);
    assert_eq!(linked.len(), 1, "{s:#?}");
    // The village three reports give, not the town one report gives (first by name).
    assert_eq!(s[0].0, "Diallassagou", "{s:#?}");
    assert_eq!(
        s[0].3,
        vec!["en-town", "en-village", "fr-1", "fr-2"],
        "{s:#?}"
    );
}

#[test]
fn another_toll_or_another_region_on_the_same_day_stays_apart() {
    let other_toll = "Fictional report written for Vigie's tests.\n\n\
Gunmen killed 12 civilians in Koro, in Mali's Mopti region, on Sunday March 8, 2026, a \
security source said.";
    let other_region = "Récit fictif écrit pour les tests de Vigie.\n\n\
Au moins 41 civils ont été tués le dimanche 8 mars 2026 dans l'attaque du village de \
Niono, dans la région de Ségou, par des hommes armés non identifiés.";
    for (name, text) in [("other-toll", other_toll), ("other-region", other_region)] {
        let linked = incidents::link(&mentions_of(&[
            report("fr-1", (2026, 3, 9), MASSACRE_FR_1),
            report(name, (2026, 3, 9), text),
        ]));
        assert_eq!(linked.len(), 2, "{name}: {:#?}", summary(&linked));
    }
}

#[test]
fn a_page_with_no_date_at_all_joins_on_the_same_spot_and_the_same_day_and_month() {
    // The undated page gives "Tuesday, December 22" and no year; nothing else singles it out
    // but the village: the day and month are the second agreement it needs.
    let dated = "Récit fictif écrit pour les tests de Vigie.\n\n\
Des hommes armés ont attaqué le village de Boni le mardi 22 décembre 2026, tuant des habitants \
et incendiant des greniers, selon des sources locales.";
    let timeless = "Fictional report written for Vigie's tests.\n\n\
Gunmen attacked the village of Boni on Tuesday, December 22, killing residents and burning \
granaries, local sources said.";
    let mut undated = Article::text("en-undated", timeless.to_string());
    undated.published = None;
    let linked = incidents::link(&mentions_of(&[
        report("fr-dated", (2026, 12, 23), dated),
        undated.clone(),
    ]));
    assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
    // Another day and month is another attack on the village.
    let other_day = timeless.replace("December 22", "December 8");
    let undated = Article::text("en-undated", other_day);
    let linked = incidents::link(&mentions_of(&[
        report("fr-dated", (2026, 12, 23), dated),
        undated,
    ]));
    assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
}

#[test]
fn an_undated_report_of_the_same_spot_and_toll_joins_whatever_kind_it_calls_it() {
    // One outlet tells of a bus that hit a mine (an explosion), another, undated, only of the
    // passengers killed: the same spot and the same toll of eight.
    let dated = "Récit fictif écrit pour les tests de Vigie.\n\n\
Un bus de transport a heurté une mine le mardi 3 septembre 2026 près de Boni, dans le cercle de \
Douentza. Huit passagers ont été tués, selon des témoins.";
    let undated_text = "Fictional report written for Vigie's tests.\n\n\
Eight passengers were killed and several wounded near Boni, in central Mali, witnesses said. \
Armed men had been seen on the road.";
    let mut undated = Article::text("en-undated", undated_text.to_string());
    undated.published = Some(NaiveDate::from_ymd_opt(2026, 9, 4).unwrap());
    let both = [report("fr-dated", (2026, 9, 4), dated), undated.clone()];
    let linked = incidents::link(&mentions_of(&both));
    assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
    assert_eq!(
        linked[0].sub_event_type,
        SubEventType::RemoteExplosiveLandmineIed
    );
    // Another toll there is another event.
    let mut other = Article::text("en-undated", undated_text.replace("Eight", "Three"));
    other.published = undated.published;
    let linked = incidents::link(&mentions_of(&[
        report("fr-dated", (2026, 9, 4), dated),
        other,
    ]));
    assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
}

#[test]
fn a_page_with_no_date_that_names_another_weekday_is_another_event() {
    // The dated report tells of Tuesday 3 March; the undated page of a Friday: the same
    // village and toll, but not the same day.
    let dated = "Récit fictif écrit pour les tests de Vigie.\n\n\
Des hommes armés ont tué six personnes dans le village de Boni le mardi 3 mars 2026, selon des \
sources locales.";
    let friday = "Fictional report written for Vigie's tests.\n\n\
Gunmen killed six people in the village of Boni on Friday, local sources said.";
    let mut undated = Article::text("en-undated", friday.to_string());
    undated.published = None;
    let linked = incidents::link(&mentions_of(&[
        report("fr-dated", (2026, 3, 4), dated),
        undated,
    ]));
    assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
    // Told on Tuesday, it joins.
    let mut undated = Article::text("en-undated", friday.replace("Friday", "Tuesday"));
    undated.published = None;
    let linked = incidents::link(&mentions_of(&[
        report("fr-dated", (2026, 3, 4), dated),
        undated,
    ]));
    assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
}

#[test]
fn state_forces_made_the_agent_by_one_report_do_not_outvote_unknown_attackers() {
    let a = "Récit fictif écrit pour les tests de Vigie.\n\n\
Des hommes armés ont tué six soldats dans une embuscade près de Boni le mardi 3 mars 2026.";
    let b = "Fictional report written for Vigie's tests.\n\n\
Gunmen killed six soldiers in an ambush near Boni on Tuesday, March 3, 2026.";
    let c = "Fictional report written for Vigie's tests.\n\n\
Six soldiers were killed in an ambush near Boni on Tuesday, March 3, 2026. Soldiers killed two \
suspects near Boni the same day, a resident said.";
    let linked = incidents::link(&mentions_of(&[
        report("fr", (2026, 3, 4), a),
        report("en", (2026, 3, 4), b),
        report("en2", (2026, 3, 4), c),
    ]));
    let ambush = linked
        .iter()
        .find(|i| i.articles.contains(&"fr".to_string()))
        .expect("the ambush");
    assert_eq!(
        ambush.actor1.as_ref().map(|x| x.name.as_str()),
        Some("Unidentified Armed Group (Mali)"),
        "{:#?}",
        summary(&linked)
    );
}

/// Four reports of one fictional raid: two date it right, one outlet misdates it by three
/// days and joins through a report that says only "this week", and a page with no date of its
/// own names the day and month without the year.
fn one_raid_one_misdated(undated: Article) -> Vec<Incident> {
    incidents::link(&mentions_of(&[
        report(
            "right-fr",
            (2026, 7, 7),
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Lundi 6 juillet 2026, des hommes armés ont attaqué le village de Barassoro, dans le \
             cercle de Bankass. Dix-neuf civils ont été tués, selon le maire.",
        ),
        report(
            "week-en",
            (2026, 7, 10),
            "Fictional report written for Vigie's tests.\n\n\
             Gunmen killed 19 villagers in Barassoro, in Mali's Bankass district, earlier this \
             week, local officials said.",
        ),
        report(
            "misdated-en",
            (2026, 7, 10),
            "Fictional report written for Vigie's tests.\n\n\
             On Thursday, July 9, 2026, an armed group attacked the village of Barassoro in the \
             Bankass district, killing 19 people.",
        ),
        undated,
    ]))
}

#[test]
fn an_undated_page_with_the_raids_day_and_month_joins_it_despite_one_misdated_report() {
    for undated in [
        Article::text(
            "undated-fr",
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Le lundi 6 juillet, des assaillants ont tué 19 habitants de Barassoro, dans le \
             cercle de Bankass, avant de piller le marché."
                .to_string(),
        ),
        Article::text(
            "undated-en",
            "Fictional report written for Vigie's tests.\n\n\
             On Monday, July 6, attackers killed 19 residents of Barassoro in the Bankass \
             district before looting the market."
                .to_string(),
        ),
    ] {
        let reference = undated.reference.clone();
        let linked = one_raid_one_misdated(undated);
        let raid: Vec<&Incident> = linked
            .iter()
            .filter(|i| i.articles.contains(&"right-fr".to_string()))
            .collect();
        assert_eq!(raid.len(), 1, "{:#?}", summary(&linked));
        assert_eq!(
            raid[0].date.map(|d| d.date.to_string()).as_deref(),
            Some("2026-07-06")
        );
        for r in ["week-en", "misdated-en", reference.as_str()] {
            assert!(
                raid[0].articles.contains(&r.to_string()),
                "{r} not in the raid: {:#?}",
                summary(&linked)
            );
        }
    }
}

#[test]
fn an_undated_page_with_another_day_and_month_stays_apart_from_the_raid() {
    let linked = one_raid_one_misdated(Article::text(
        "other-day-fr",
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Le lundi 20 juillet, des assaillants ont tué 19 habitants de Barassoro, dans le cercle \
         de Bankass."
            .to_string(),
    ));
    let raid = linked
        .iter()
        .find(|i| i.articles.contains(&"right-fr".to_string()))
        .expect("the raid");
    assert!(
        !raid.articles.contains(&"other-day-fr".to_string()),
        "{:#?}",
        summary(&linked)
    );
}

#[test]
fn one_demonstration_told_as_repression_and_as_a_riot_is_one_incident_fr_en() {
    let linked = incidents::link(&mentions_of(&[
        report(
            "police-fr",
            (2026, 3, 4),
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Mardi 3 mars 2026, la police a ouvert le feu sur des manifestants qui dénonçaient \
             la vie chère à Kayes, tuant trois personnes, selon des témoins.",
        ),
        report(
            "riot-en",
            (2026, 3, 4),
            "Fictional report written for Vigie's tests.\n\n\
             Rioters torched the town hall and clashed with police in Kayes on Tuesday, March 3, \
             2026, during a protest against the cost of living; three people died.",
        ),
    ]));
    let kayes = articles_of(&linked, "Kayes");
    assert_eq!(kayes.len(), 1, "{:#?}", summary(&linked));
    assert_eq!(kayes[0].len(), 2, "{:#?}", summary(&linked));
}

#[test]
fn an_undated_report_with_a_risen_toll_days_later_joins_the_attack_fr_en() {
    let first = report(
        "first-fr",
        (2026, 3, 7),
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Samedi 7 mars 2026, deux kamikazes ont fait exploser leurs charges lors d'un mariage à \
         Bérimbé, dans le cercle de Bankass, tuant six invités.",
    );
    let later = |reference: &str, published: (i32, u32, u32)| {
        report(
            reference,
            published,
            "Fictional report written for Vigie's tests.\n\n\
             Female suicide bombers killed 18 people in Bérimbé, in Mali's Bankass district, \
             officials said, as the toll of the bombings kept rising.",
        )
    };
    let linked = incidents::link(&mentions_of(&[
        first.clone(),
        later("later-en", (2026, 3, 8)),
    ]));
    assert_eq!(
        articles_of(&linked, "Bérimbé"),
        vec![&vec!["first-fr".to_string(), "later-en".to_string()]],
        "{:#?}",
        summary(&linked)
    );
    // A higher toll told two weeks later is another bombing.
    let linked = incidents::link(&mentions_of(&[first, later("weeks-en", (2026, 3, 21))]));
    assert_eq!(
        articles_of(&linked, "Bérimbé").len(),
        2,
        "{:#?}",
        summary(&linked)
    );
}

#[test]
fn undated_reports_published_days_apart_tell_of_different_raids_unless_close_fr_en() {
    let raid_fr = |reference: &str, published: (i32, u32, u32)| {
        report(
            reference,
            published,
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Des combattants du JNIM ont attaqué une patrouille de l'armée près de Bérimbé, dans \
             le cercle de Bankass.",
        )
    };
    let raid_en = |reference: &str, published: (i32, u32, u32)| {
        report(
            reference,
            published,
            "Fictional report written for Vigie's tests.\n\n\
             JNIM fighters attacked an army patrol near Bérimbé, in Mali's Bankass district.",
        )
    };
    // Two days apart: the same raid told twice.
    let linked = incidents::link(&mentions_of(&[
        raid_fr("first-fr", (2026, 3, 3)),
        raid_en("second-en", (2026, 3, 5)),
    ]));
    assert_eq!(
        articles_of(&linked, "Bérimbé").len(),
        1,
        "{:#?}",
        summary(&linked)
    );
    // A week apart, nothing but the place, the kind and the group in common: two raids.
    let linked = incidents::link(&mentions_of(&[
        raid_fr("first-fr", (2026, 3, 3)),
        raid_en("week-en", (2026, 3, 10)),
    ]));
    assert_eq!(
        articles_of(&linked, "Bérimbé").len(),
        2,
        "{:#?}",
        summary(&linked)
    );
}

/// A dated report, and a page with no date at all on the same village: a rewrite of it (the
/// same long passage) or the outlet's own telling (the same facts in other words).
fn dated_and_timeless(reference_dated: &str, dated: &str, timeless: &str) -> Vec<Incident> {
    let mut undated = Article::text("timeless", timeless.to_string());
    undated.published = None;
    incidents::link(&mentions_of(&[
        report(reference_dated, (2026, 11, 18), dated),
        undated,
    ]))
}

#[test]
fn a_page_with_no_date_that_tells_the_attack_in_the_same_words_joins_it_fr_en() {
    // The undated page gives no year, day or toll: only the village agrees, which is not enough
    // (the village is attacked every few weeks). Twenty words of the dated report's own
    // telling, taken over by the other outlet, say it is that report's story.
    let dated_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
Des hommes armés ont attaqué le village de Barassoro le mardi 17 novembre 2026. Les assaillants, \
arrivés à moto en fin d'après-midi, ont incendié les greniers et emporté le bétail des éleveurs \
avant de se replier vers la forêt, selon un élu de la commune.";
    let rewrite_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
Le village de Barassoro a de nouveau été la cible d'une attaque. Les assaillants, arrivés à moto \
en fin d'après-midi, ont incendié les greniers et emporté le bétail des éleveurs avant de se \
replier vers la forêt, selon un élu de la commune.";
    let own_words_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
Le village de Barassoro a de nouveau été la cible d'une attaque. Venus à moto, des hommes armés \
ont brûlé des réserves de mil et volé des animaux, puis sont repartis en direction de la brousse, \
raconte un habitant.";
    let joined = dated_and_timeless("dated-fr", dated_fr, rewrite_fr);
    assert_eq!(joined.len(), 1, "{:#?}", summary(&joined));
    let apart = dated_and_timeless("dated-fr", dated_fr, own_words_fr);
    assert_eq!(apart.len(), 2, "{:#?}", summary(&apart));

    let dated_en = "Fictional report written for Vigie's tests.\n\n\
Gunmen attacked the village of Barassoro on Tuesday, November 17, 2026. The attackers, who \
arrived on motorbikes in the late afternoon, set fire to the granaries and drove off the \
herders' cattle before withdrawing towards the forest, a local councillor said.";
    let rewrite_en = "Fictional report written for Vigie's tests.\n\n\
The village of Barassoro has been attacked once more. The attackers, who arrived on motorbikes \
in the late afternoon, set fire to the granaries and drove off the herders' cattle before \
withdrawing towards the forest, a local councillor said.";
    let own_words_en = "Fictional report written for Vigie's tests.\n\n\
The village of Barassoro has been attacked once more. Armed men on motorbikes burned millet \
stores and stole animals, then left in the direction of the bush, a resident said.";
    let joined = dated_and_timeless("dated-en", dated_en, rewrite_en);
    assert_eq!(joined.len(), 1, "{:#?}", summary(&joined));
    let apart = dated_and_timeless("dated-en", dated_en, own_words_en);
    assert_eq!(apart.len(), 2, "{:#?}", summary(&apart));
}

#[test]
fn two_reports_that_share_only_a_stock_phrase_do_not_share_a_passage() {
    use vigie_core::incidents::copies::{passage_marks, share_passage};
    // Different attacks told with the same opening formula.
    let a = passage_marks(
        "Des hommes armés non identifiés ont attaqué le village de Barassoro, tuant deux \
         bergers et emportant une centaine de têtes de bétail.",
    );
    let b = passage_marks(
        "Des hommes armés non identifiés ont attaqué le village de Barassoro ce matin : le poste \
         de santé a été pillé et l'infirmier enlevé, selon le maire.",
    );
    assert!(!share_passage(&a, &b), "{a:?} {b:?}");
    let a = passage_marks(
        "Unidentified gunmen attacked the village of Barassoro, killing two herders and driving \
         off about a hundred head of cattle.",
    );
    let b = passage_marks(
        "Unidentified gunmen attacked the village of Barassoro this morning: the health post was \
         looted and the nurse abducted, the mayor said.",
    );
    assert!(!share_passage(&a, &b), "{a:?} {b:?}");
    // A passage of some twenty words in common is shared.
    let passage = "Les assaillants, arrivés à moto en fin d'après-midi, ont incendié les greniers \
        et emporté le bétail des éleveurs avant de se replier vers la forêt";
    let a = passage_marks(&format!("Selon un élu, {passage}, a-t-il dit."));
    let b = passage_marks(&format!("Barassoro a encore été attaqué. {passage}."));
    assert!(share_passage(&a, &b), "{a:?} {b:?}");
}

#[test]
fn a_month_from_one_report_and_a_day_from_another_date_the_incident_to_the_day_fr_en() {
    // One page gives only the month and year, the other only "Saturday 2 May": together, the
    // incident is of 2 May 2026.
    for (day_text, month_text) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
Une patrouille de l'armée est tombée dans une embuscade le samedi 2 mai près de Barassoro. \
Seize soldats ont été tués, selon une source sécuritaire.",
            "Récit fictif écrit pour les tests de Vigie.\n\n\
En mai 2026, une patrouille de l'armée est tombée dans une embuscade près de Barassoro. Seize \
soldats ont été tués, selon une source sécuritaire.",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
An army patrol was ambushed on Saturday, May 2 near Barassoro. Sixteen soldiers were killed, a \
security source said.",
            "Fictional report written for Vigie's tests.\n\n\
In May 2026, an army patrol was ambushed near Barassoro. Sixteen soldiers were killed, a \
security source said.",
        ),
    ] {
        let mut with_day = Article::text("with-day", day_text.to_string());
        with_day.published = None;
        let mut with_month = Article::text("with-month", month_text.to_string());
        with_month.published = None;
        let linked = incidents::link(&mentions_of(&[with_day, with_month.clone()]));
        assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
        let date = linked[0].date.expect("dated");
        assert_eq!(date.date, NaiveDate::from_ymd_opt(2026, 5, 2).unwrap());
        assert_eq!(date.precision, vigie_core::TimePrecision::Day);
        // Alone, the month page is coded to the month.
        let alone = incidents::link(&mentions_of(&[with_month]));
        assert_eq!(
            alone[0].date.map(|d| d.precision),
            Some(vigie_core::TimePrecision::Month)
        );
    }
}

#[test]
fn one_ambush_blamed_on_two_groups_is_one_incident_when_the_toll_says_so_fr_en() {
    // Two outlets, two named groups blamed, the same day, region and toll of fourteen.
    let jnim = "Récit fictif écrit pour les tests de Vigie.\n\n\
Quatorze soldats ont été tués le mardi 3 novembre 2026 dans une embuscade près de Bankass, \
dans la région de Mopti. L'attaque a été revendiquée par le JNIM.";
    let isgs = "Fictional report written for Vigie's tests.\n\n\
Fourteen soldiers were killed on Tuesday, November 3, 2026 in an ambush near Bandiagara, in \
Mali's Mopti region, by fighters of the Islamic State in the Greater Sahara.";
    let linked = incidents::link(&mentions_of(&[
        report("jnim-fr", (2026, 11, 4), jnim),
        report("isgs-en", (2026, 11, 4), isgs),
    ]));
    assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
    // Another toll: two groups, two attacks.
    let other = isgs.replace("Fourteen", "Three");
    let linked = incidents::link(&mentions_of(&[
        report("jnim-fr", (2026, 11, 4), jnim),
        report("isgs-en", (2026, 11, 4), &other),
    ]));
    assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
}

#[test]
fn a_page_with_no_date_and_a_small_toll_does_not_join_a_far_deadlier_bombing_fr_en() {
    for (big, small, bare_text) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Un attentat-suicide revendiqué par le JNIM a tué 60 soldats mercredi au camp \
             militaire de Gao.",
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Un attentat-suicide à la voiture piégée a tué trois civils lundi soir à Gao, près \
             d'une résidence d'une société de déminage.",
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Au moins trois civils ont été tués dans un attentat-suicide contre une résidence \
             d'une société de déminage à Gao.",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             A suicide bombing claimed by JNIM killed 60 soldiers at the military camp in Gao on \
             Wednesday.",
            "Fictional report written for Vigie's tests.\n\n\
             A suicide car bombing killed three civilians near a mine-clearing company's \
             residence in Gao on Monday evening.",
            "Fictional report written for Vigie's tests.\n\n\
             At least three civilians were killed in a suicide attack on a mine-clearing \
             company's residence in Gao.",
        ),
    ] {
        let mut bare = report("bare", (2026, 11, 13), bare_text);
        bare.published = None;
        // "At least three" meets 60 but does not single that bombing out.
        let linked = incidents::link(&mentions_of(&[
            report("big", (2026, 1, 19), big),
            bare.clone(),
        ]));
        let s = summary(&linked);
        assert_eq!(linked.len(), 2, "{s:#?}");
        // It is the small one's.
        let linked = incidents::link(&mentions_of(&[
            report("big", (2026, 1, 19), big),
            report("small", (2026, 11, 13), small),
            bare,
        ]));
        let s = summary(&linked);
        assert_eq!(
            articles_of(&linked, "Gao")
                .into_iter()
                .filter(|a| a.contains(&"bare".to_string()))
                .collect::<Vec<_>>(),
            vec![&vec!["bare".to_string(), "small".to_string()]],
            "{s:#?}"
        );
    }
}

#[test]
fn a_page_of_no_year_agreeing_only_on_the_day_and_a_toll_range_stays_apart_fr_en() {
    // A wedding massacre of 1 July 2026 in one village (30 km from the cercle's seat), and a page with no year at all that
    // tells of villages of the same cercle attacked "on 1 July" with "at least 15" dead: the day
    // and month and an overlapping toll fit many years; nothing of the incident itself agrees.
    for (dated, timeless) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Le mercredi 1er juillet 2026, des jihadistes du JNIM ont tué 21 personnes lors d'un \
             mariage à Anagara, dans le cercle de Bankass.",
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Le 1er juillet, des hommes armés ont attaqué plusieurs villages du cercle de Bankass, \
             tuant au moins 15 civils.",
        ),
        (
            "Fictional report written for Vigie's tests.\n\n\
             On Wednesday, July 1, 2026, JNIM jihadists killed 21 people at a wedding in \
             Anagara, in the Bankass cercle.",
            "Fictional report written for Vigie's tests.\n\n\
             On July 1, gunmen attacked several villages of the Bankass cercle, killing at least \
             15 civilians.",
        ),
    ] {
        let linked = dated_and_timeless("dated", dated, timeless);
        assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
    }
}

#[test]
fn state_forces_are_named_after_the_government_of_the_events_day() {
    // The same kind of attack told in 2017 and in 2023: ACLED's names differ by period.
    let old_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des hommes armés ont attaqué le mardi 28 mars 2017 un poste de l'armée malienne à \
        Boulkessi, dans le cercle de Douentza. Trois soldats maliens ont été tués.";
    let new_en = "Fictional report written for Vigie's tests.\n\n\
        Gunmen attacked a Malian army post in Boulkessi, in the Douentza district, on Tuesday \
        March 28, 2023. Three Malian soldiers were killed.";
    let linked = incidents::link(&mentions_of(&[
        report("old-fr", (2017, 3, 29), old_fr),
        report("new-en", (2023, 3, 29), new_en),
    ]));
    let army_of = |year: &str| {
        linked
            .iter()
            .find(|i| i.date.is_some_and(|d| d.date.to_string().starts_with(year)))
            .and_then(|i| i.actor2.as_ref().or(i.actor1.as_ref()))
            .map(|a| a.name.clone())
    };
    assert_eq!(
        army_of("2017").as_deref(),
        Some("Military Forces of Mali (2013-2020)")
    );
    assert_eq!(
        army_of("2023").as_deref(),
        Some("Military Forces of Mali (2021-)")
    );
}

#[test]
fn an_air_strike_is_the_states_even_when_most_reports_name_the_group_it_hit() {
    let gathered_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des combattants de Boko Haram s'étaient rassemblés à Gwoza quand une frappe aérienne a \
        touché le village le mardi 3 mars 2026, tuant 20 civils.";
    let gathered_en = "Fictional report written for Vigie's tests.\n\n\
        Boko Haram fighters had gathered in Gwoza when an air strike hit the village on Tuesday \
        March 3, 2026, killing 20 civilians.";
    let air_force_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Le mardi 3 mars 2026, un avion de l'armée de l'air nigériane a bombardé par erreur le \
        village de Gwoza. Au moins 20 civils sont morts.";
    let linked = incidents::link(&mentions_of(&[
        report("gathered-fr", (2026, 3, 4), gathered_fr),
        report("gathered-en", (2026, 3, 4), gathered_en),
        report("air-force-fr", (2026, 3, 4), air_force_fr),
    ]));
    assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
    assert_eq!(
        linked[0].actor1.as_ref().map(|a| a.name.as_str()),
        Some("Military Forces of Nigeria (2023-)")
    );
}

#[test]
fn communal_violence_told_as_clashes_and_as_a_mob_killing_is_one_incident_fr_en() {
    let clashes_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des affrontements intercommunautaires ont fait 16 morts lundi 12 octobre 2026 à Niono, \
        selon le gouvernement.";
    let mob_en = "Fictional report written for Vigie's tests.\n\n\
        Rioters lynched 16 people in Niono on Monday, October 12, 2026, during communal \
        violence, the government said.";
    let linked = incidents::link(&mentions_of(&[
        report("clashes-fr", (2026, 10, 13), clashes_fr),
        report("mob-en", (2026, 10, 13), mob_en),
    ]));
    assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
    // Coded as the clash, its perpetrator is not the rioters of the other telling.
    if linked[0].event_type != vigie_core::EventType::Riots {
        assert!(
            linked[0]
                .actor1
                .as_ref()
                .is_none_or(|a| !a.name.starts_with("Rioters")),
            "{:?}",
            linked[0].actor1
        );
    }
    // A riot elsewhere in the region that day, with another toll, stays apart.
    let other_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des émeutiers ont lynché deux commerçants lundi 12 octobre 2026 à Macina, selon la police.";
    let linked = incidents::link(&mentions_of(&[
        report("clashes-fr", (2026, 10, 13), clashes_fr),
        report("other-fr", (2026, 10, 13), other_fr),
    ]));
    assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
}

#[test]
fn a_weekday_on_a_page_dated_to_the_month_becomes_a_day_with_another_report_s_date_fr_en() {
    for (dated, month_page, lang) in [
        (
            "Sept agents électoraux ont été tués dans l'explosion de leur véhicule sur une \
             mine près de Barassoro, dans la région de Tillabéri.",
            " date 2027-02 Sept agents électoraux ont été tués, dimanche, dans l'explosion de \
             leur véhicule sur une mine près de Barassoro, dans la région de Tillabéri.",
            "fr",
        ),
        (
            "Seven election workers were killed when their vehicle hit a mine near Barassoro, \
             in the Tillabéri region.",
            " date 2027-02 Seven election workers were killed on Sunday when their vehicle hit \
             a mine near Barassoro, in the Tillabéri region.",
            "en",
        ),
    ] {
        // Monday 22 February 2027; the month page has no publication date of its own.
        let mut undated = Article::text("month-page", month_page.to_string());
        undated.published = None;
        let articles = [report("dated", (2027, 2, 22), dated), undated];
        let linked = incidents::link(&mentions_of(&articles));
        let s = summary(&linked);
        assert_eq!(s.len(), 1, "{lang}: {s:?}");
        // the Sunday before the dated report came out, not the middle of the month
        assert_eq!(s[0].1, "2027-02-21", "{lang}: {s:?}");
    }
}

#[test]
fn an_undated_report_on_a_page_dated_to_the_month_joins_only_an_incident_of_that_time_fr_en() {
    for (dated, undated, lang) in [
        (
            "Des émeutiers ont incendié la mairie de Savé le samedi 13 juin 2026; deux \
             personnes ont été tuées lors des affrontements avec les forces de l'ordre.",
            "Des émeutiers ont incendié la mairie de Savé; deux personnes ont été tuées lors \
             des affrontements avec les forces de l'ordre.",
            "fr",
        ),
        (
            "Rioters set fire to the town hall in Savé on Saturday, June 13, 2026; two people \
             were killed in clashes with the security forces.",
            "Rioters set fire to the town hall in Savé; two people were killed in clashes with \
             the security forces.",
            "en",
        ),
    ] {
        for (month, joins) in [("2026-06", true), ("2028-04", false)] {
            // a page with no publication date but its own month line
            let mut page = Article::text("month-page", format!(" date {month} {undated}"));
            page.published = None;
            let articles = [report("dated", (2026, 6, 14), dated), page];
            let linked = incidents::link(&mentions_of(&articles));
            let together = linked.iter().any(|i| i.articles.len() == 2);
            assert_eq!(together, joins, "{lang} {month}: {:?}", summary(&linked));
        }
    }
}

#[test]
fn a_report_of_no_time_joins_no_protest_on_its_town_and_crowd_alone_fr_en() {
    for (dated, timeless, lang) in [
        (
            "La police a dispersé à coups de gaz lacrymogène des manifestants à Lomé le jeudi \
             26 juin 2026.",
            "La police a dispersé à coups de gaz lacrymogène des manifestants qui réclamaient la \
             libération d'un opposant à Lomé.",
            "fr",
        ),
        (
            "Police fired tear gas to disperse protesters in Lomé on Thursday, June 26, 2026.",
            "Police fired tear gas to disperse protesters demanding the release of an opposition \
             leader in Lomé.",
            "en",
        ),
    ] {
        // a page with neither a publication date nor any date: it may be of any year
        let mut page = Article::text("timeless", timeless.to_string());
        page.published = None;
        let articles = [report("dated", (2026, 6, 27), dated), page];
        let linked = incidents::link(&mentions_of(&articles));
        assert_eq!(linked.len(), 2, "{lang}: {:?}", summary(&linked));
    }
}

#[test]
fn a_day_without_its_year_takes_the_year_of_another_report_s_page_month_fr_en() {
    for (month_page, day_only, lang) in [
        (
            " date 2027-07 Des hommes armés ont attaqué le village de Gouari, dans le cercle \
             de Bankass. L'attaque a fait 32 morts parmi les villageois, selon les autorités \
             locales.",
            "Le village de Gouari, dans le cercle de Bankass, a été attaqué le 1er juillet par \
             des hommes armés. Au moins 32 villageois ont été tués.",
            "fr",
        ),
        (
            " date 2027-07 Gunmen attacked the village of Gouari, in the Bankass district. The \
             attack killed 32 villagers, local authorities said.",
            "The village of Gouari, in the Bankass district, was attacked on July 1 by gunmen. \
             At least 32 villagers were killed.",
            "en",
        ),
    ] {
        // neither page has a publication date; one is dated to its month, the other gives a
        // day and month without the year
        let mut month = Article::text("month-page", month_page.to_string());
        month.published = None;
        let mut day = Article::text("day-page", day_only.to_string());
        day.published = None;
        let linked = incidents::link(&mentions_of(&[month, day]));
        let s = summary(&linked);
        assert_eq!(s.len(), 1, "{lang}: {s:?}");
        assert_eq!(s[0].1, "2027-07-01", "{lang}: {s:?}");
    }
}

#[test]
fn an_undated_report_goes_to_the_incident_of_its_last_days_before_an_older_one() {
    // Two air strikes at Keana weeks apart; an undated report published days after the second
    // one, whose toll also meets the first one's, is about the recent one: an older incident
    // would be recalled with its date.
    for (older, newer, undated, label) in [
        (
            "Récit fictif écrit pour les tests de Vigie.\n\nLe 3 décembre 2026, une frappe \
             aérienne de l'armée nigériane a tué 32 éleveurs près de Keana, dans l'État de \
             Nasarawa.",
            "Récit fictif écrit pour les tests de Vigie.\n\nLe 24 janvier 2027, une frappe \
             aérienne de l'armée nigériane a visé des éleveurs près de Keana, dans l'État de \
             Nasarawa.",
            "Récit fictif écrit pour les tests de Vigie.\n\nVingt-sept éleveurs ont été tués par \
             une frappe aérienne de l'armée nigériane près de Keana, dans l'État de Nasarawa, \
             selon leur association.",
            "fr",
        ),
        (
            "Fictional report written for Vigie's tests.\n\nOn December 3, 2026, a Nigerian army \
             air strike killed 32 herders near Keana, in Nasarawa State.",
            "Fictional report written for Vigie's tests.\n\nOn January 24, 2027, a Nigerian army \
             air strike hit herders near Keana, in Nasarawa State.",
            "Fictional report written for Vigie's tests.\n\nTwenty-seven herders were killed in a \
             Nigerian army air strike near Keana, in Nasarawa State, their association said.",
            "en",
        ),
    ] {
        let linked = incidents::link(&mentions_of(&[
            report("older", (2026, 12, 4), older),
            report("newer", (2027, 1, 25), newer),
            report("undated", (2027, 1, 28), undated),
        ]));
        let s = summary(&linked);
        let with_undated: Vec<&String> = s
            .iter()
            .filter(|i| i.3.contains(&"undated".to_string()))
            .map(|i| &i.1)
            .collect();
        assert_eq!(with_undated, vec!["2027-01-24"], "{label}: {s:#?}");
    }
}

#[test]
fn a_department_of_tillaberi_and_the_region_on_one_day_with_one_toll_are_one_ambush_fr_en() {
    // GeoNames files Niger's departments under the old "Niamey" unit; the gazetteer refiles
    // them, so a report naming the department and one naming the region are of one region, and
    // their common toll that day says one ambush that each outlet blames on another group.
    let department = "Récit fictif écrit pour les tests de Vigie.\n\n\
Des combattants d'Al-Qaïda au Maghreb islamique (AQMI) ont tendu une embuscade à une \
patrouille de l'armée nigérienne le mercredi 4 mars 2026 dans le département de Ouallam. \
Douze soldats ont été tués, selon le ministère de la Défense.";
    let region = "Fictional report written for Vigie's tests.\n\n\
Twelve Nigerien soldiers were killed on Wednesday March 4, 2026 when their patrol was \
ambushed in the Tillaberi region, near the border with Mali. The Islamic State in the \
Greater Sahara claimed the attack.";
    let linked = incidents::link(&mentions_of(&[
        report("department-fr", (2026, 3, 5), department),
        report("region-en", (2026, 3, 5), region),
    ]));
    let s = summary(&linked);
    assert_eq!(linked.len(), 1, "{s:#?}");
    assert_eq!(s[0].3, vec!["department-fr", "region-en"], "{s:#?}");
}

#[test]
fn a_report_known_to_the_month_joins_the_day_s_raid_of_another_type_on_its_figure_fr_en() {
    // One outlet tells villagers killed (an attack on civilians), a later page, dated only to
    // the month, a clash with soldiers there with the same toll: one raid.
    let attack_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des hommes armés ont tué neuf villageois le mardi 6 octobre 2026 à Diafarabé, \
        selon des élus locaux.";
    let month_en = "Fictional report written for Vigie's tests.\n\n\
        In October 2026, clashes between jihadists and soldiers in Diafarabé left nine dead, \
        according to a rights group.";
    let month_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        En octobre 2026, des combats entre des jihadistes et des soldats à Diafarabé ont fait \
        neuf morts, selon une organisation de défense des droits humains.";
    for month in [month_en, month_fr] {
        let linked = incidents::link(&mentions_of(&[
            report("attack-fr", (2026, 10, 7), attack_fr),
            report("month", (2026, 11, 2), month),
        ]));
        let s = summary(&linked);
        assert_eq!(
            articles_of(&linked, "Diafarabé"),
            vec![&vec!["attack-fr".to_string(), "month".to_string()]],
            "{s:#?}"
        );
        let date = linked[0].date.expect("dated");
        assert_eq!(
            (date.date.to_string(), date.precision.code()),
            ("2026-10-06".into(), 1)
        );
        // With another toll, the month's fighting may be another day's: it stays apart.
        let other = month.replace("neuf", "deux").replace("nine", "two");
        let linked = incidents::link(&mentions_of(&[
            report("attack-fr", (2026, 10, 7), attack_fr),
            report("month", (2026, 11, 2), &other),
        ]));
        assert_eq!(
            articles_of(&linked, "Diafarabé").len(),
            2,
            "{:#?}",
            summary(&linked)
        );
    }
}

#[test]
fn the_incident_takes_the_day_most_reports_give_fr_en() {
    // Two outlets date the ambush to Sunday; a third, to the Saturday before (the night it
    // began, or a slip): the incident is Sunday's, not the earliest day told.
    let sunday_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des hommes armés ont tué quatre gendarmes dimanche 14 juin 2026 dans une embuscade \
        près de Koutiala.";
    let sunday_en = "Fictional report written for Vigie's tests.\n\n\
        Gunmen killed four gendarmes in an ambush near Koutiala on Sunday, June 14, 2026.";
    let saturday_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Quatre gendarmes ont été tués samedi 13 juin 2026 dans une embuscade près de Koutiala.";
    let linked = incidents::link(&mentions_of(&[
        report("sat-fr", (2026, 6, 15), saturday_fr),
        report("sun-en", (2026, 6, 15), sunday_en),
        report("sun-fr", (2026, 6, 15), sunday_fr),
    ]));
    assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
    assert_eq!(
        linked[0].date.expect("dated").date.to_string(),
        "2026-06-14"
    );
}

#[test]
fn deaths_in_unrest_told_as_protesters_shot_and_as_people_killed_are_one_incident_fr_en() {
    let shot_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        La police a tiré sur les manifestants qui contestaient les résultats de l'élection le \
        jeudi 25 février 2027 à Zinder ; trois manifestants ont été tués.";
    let killed_en = "Fictional report written for Vigie's tests.\n\n\
        Three people were killed in Zinder on Thursday, February 25, 2027, as gunmen set homes \
        on fire, the interior minister said.";
    let linked = incidents::link(&mentions_of(&[
        report("shot-fr", (2027, 2, 26), shot_fr),
        report("killed-en", (2027, 2, 26), killed_en),
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Zinder"),
        vec![&vec!["killed-en".to_string(), "shot-fr".to_string()]],
        "{s:#?}"
    );
    // Another toll: a demonstration and an attack that day, two events.
    let other = killed_en.replace("Three people were", "Seven people were");
    let linked = incidents::link(&mentions_of(&[
        report("shot-fr", (2027, 2, 26), shot_fr),
        report("killed-en", (2027, 2, 26), &other),
    ]));
    assert_eq!(
        articles_of(&linked, "Zinder").len(),
        2,
        "{:#?}",
        summary(&linked)
    );
}

#[test]
fn a_page_of_no_date_joins_the_attack_on_its_village_of_the_week_before_fr_en() {
    let dated_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des hommes armés ont tué quatre civils le lundi 11 mai 2026 à Toula, dans le cercle de \
        Douentza.";
    let undated_en = "Fictional report written for Vigie's tests.\n\n\
        Gunmen attacked the village of Toula in Mali's Douentza district, killing civilians, \
        residents said.";
    let undated_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des hommes armés ont attaqué le village de Toula, dans le cercle de Douentza, tuant des \
        civils, selon des habitants.";
    for undated in [undated_en, undated_fr] {
        let linked = incidents::link(&mentions_of(&[
            report("dated-fr", (2026, 5, 12), dated_fr),
            report("undated", (2026, 5, 14), undated),
        ]));
        assert_eq!(
            articles_of(&linked, "Toula"),
            vec![&vec!["dated-fr".to_string(), "undated".to_string()]],
            "{:#?}",
            summary(&linked)
        );
        // Published weeks later, it may tell another attack on the village.
        let linked = incidents::link(&mentions_of(&[
            report("dated-fr", (2026, 5, 12), dated_fr),
            report("undated", (2026, 6, 2), undated),
        ]));
        assert_eq!(
            articles_of(&linked, "Toula").len(),
            2,
            "{:#?}",
            summary(&linked)
        );
    }
    // A town sees such attacks every few weeks: its name alone joins nothing.
    let town_dated = dated_fr.replace("à Toula, dans le cercle de Douentza", "à Douentza");
    let town_undated = undated_en.replace(
        "the village of Toula in Mali's Douentza district",
        "Douentza, in central Mali",
    );
    let linked = incidents::link(&mentions_of(&[
        report("dated-fr", (2026, 5, 12), &town_dated),
        report("undated", (2026, 5, 14), &town_undated),
    ]));
    assert_eq!(
        articles_of(&linked, "Douentza").len(),
        2,
        "{:#?}",
        summary(&linked)
    );
}

#[test]
fn a_massacre_told_on_the_next_day_in_its_region_with_the_same_toll_is_one_incident_fr_en() {
    // A night raid: one outlet gives the village and the evening, another the region and the
    // morning after, with the same heavy toll.
    let village_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des hommes armés ont tué 37 villageois le samedi 14 novembre 2026 à Toula, dans le \
        cercle de Douentza.";
    let region_en = "Fictional report written for Vigie's tests.\n\n\
        Gunmen killed 38 villagers in Mali's Mopti region on Sunday, November 15, 2026, \
        officials said.";
    let region_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des hommes armés ont tué 38 villageois le dimanche 15 novembre 2026 dans la région de \
        Mopti, selon les autorités.";
    for region in [region_en, region_fr] {
        let linked = incidents::link(&mentions_of(&[
            report("village-fr", (2026, 11, 16), village_fr),
            report("region", (2026, 11, 16), region),
        ]));
        assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
        assert_eq!(
            linked[0].date.expect("dated").date.to_string(),
            "2026-11-14"
        );
        // Another toll the next day in the region: another raid.
        let other = region.replace("38", "12");
        let linked = incidents::link(&mentions_of(&[
            report("village-fr", (2026, 11, 16), village_fr),
            report("region", (2026, 11, 16), &other),
        ]));
        assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
    }
    // Two villages of the region, each named, on two days with the same toll: two raids.
    for other_village in [
        "Gunmen killed 37 villagers in Boni, in Mali's Douentza district, on Sunday, November \
         15, 2026, officials said.",
        "Des hommes armés ont tué 37 villageois le dimanche 15 novembre 2026 à Boni, dans le \
         cercle de Douentza, selon les autorités.",
    ] {
        let linked = incidents::link(&mentions_of(&[
            report("village-fr", (2026, 11, 16), village_fr),
            report("other", (2026, 11, 16), other_village),
        ]));
        assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
    }
}

#[test]
fn a_report_of_no_date_joins_the_raid_on_its_spot_told_as_another_type_with_its_toll_fr_en() {
    // A dated report tells villagers killed (an attack); a later page, giving no date, tells
    // clashes there with a toll near enough to be the same dead counted later.
    let attack_en = "Fictional report written for Vigie's tests.\n\n\
        Gunmen killed 35 villagers in Toula, in Mali's Douentza district, on Wednesday, \
        May 13, 2026, local officials said.";
    let clash_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des affrontements entre des miliciens et des jihadistes ont fait 41 morts à Toula, \
        dans le cercle de Douentza, selon des sources locales.";
    let clash_en = "Fictional report written for Vigie's tests.\n\n\
        Clashes between militiamen and jihadists left 41 dead in Toula, in the Douentza \
        district, local sources said.";
    for clash in [clash_fr, clash_en] {
        let linked = incidents::link(&mentions_of(&[
            report("attack-en", (2026, 5, 14), attack_en),
            report("clash", (2026, 5, 16), clash),
        ]));
        assert_eq!(
            articles_of(&linked, "Toula"),
            vec![&vec!["attack-en".to_string(), "clash".to_string()]],
            "{:#?}",
            summary(&linked)
        );
        // Another toll: the clashes may be another day's.
        let other = clash.replace("41", "3");
        let linked = incidents::link(&mentions_of(&[
            report("attack-en", (2026, 5, 14), attack_en),
            report("clash", (2026, 5, 16), &other),
        ]));
        assert_eq!(
            articles_of(&linked, "Toula").len(),
            2,
            "{:#?}",
            summary(&linked)
        );
    }
}

// One country's forces are one side: an arrest told as made by soldiers in one report and by
// the police (or by no one: then the police) in another is one arrest.
#[test]
fn an_arrest_told_as_made_by_soldiers_and_by_the_police_is_one_fr_en() {
    let linked = incidents::link(&mentions_of(&[
        report(
            "soldiers-fr",
            (2026, 8, 4),
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             L'ancien ministre a été arrêté par des militaires lundi 3 août 2026 à son domicile \
             de Nouakchott.",
        ),
        report(
            "police-en",
            (2026, 8, 4),
            "Fictional report written for Vigie's tests.\n\n\
             The former minister was arrested by police officers at his home in Nouakchott on \
             Monday, August 3, 2026.",
        ),
        report(
            "no-one-en",
            (2026, 8, 5),
            "Fictional report written for Vigie's tests.\n\n\
             The former minister was arrested at his home in Nouakchott on Monday, August 3, \
             2026, his lawyer said.",
        ),
    ]));
    let arrests: Vec<_> = linked
        .iter()
        .filter(|i| i.sub_event_type == SubEventType::Arrests)
        .collect();
    assert_eq!(arrests.len(), 1, "{:#?}", summary(&linked));
    assert_eq!(arrests[0].articles.len(), 3, "{:#?}", summary(&linked));
}

// Reports of one communal clash join however they name its sides (the communities named by one
// outlet, "communal clashes" by another); a clash between two named communities and fighting
// with the state's forces nearby in the same days are two events.
#[test]
fn a_communal_clash_joins_across_namings_and_stays_apart_from_a_fight_with_soldiers_fr_en() {
    let linked = incidents::link(&mentions_of(&[
        report(
            "named-fr",
            (2026, 3, 13),
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Des affrontements entre Peuls et Dogons ont fait six morts le jeudi 12 mars 2026 à \
             Toula, dans le cercle de Douentza, selon un élu local.",
        ),
        report(
            "unnamed-en",
            (2026, 3, 13),
            "Fictional report written for Vigie's tests.\n\n\
             Communal clashes killed six people in Toula, in Mali's Douentza cercle, on \
             Thursday, March 12, 2026, a local official said.",
        ),
    ]));
    let clashes: Vec<_> = linked
        .iter()
        .filter(|i| i.sub_event_type == SubEventType::ArmedClash)
        .collect();
    assert_eq!(clashes.len(), 1, "{:#?}", summary(&linked));
    assert_eq!(clashes[0].articles.len(), 2, "{:#?}", summary(&linked));

    let linked = incidents::link(&mentions_of(&[
        report(
            "communities-en",
            (2026, 3, 13),
            "Fictional report written for Vigie's tests.\n\n\
             At least three people were killed at Diaka in the Tenenkou cercle in fighting \
             between Fulani and Bambara.",
        ),
        report(
            "soldiers-en",
            (2026, 3, 15),
            "Fictional report written for Vigie's tests.\n\n\
             Malian soldiers raided Kouakourou in the Djenne cercle and clashed with alleged \
             Islamist militants, killing ten.",
        ),
    ]));
    assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
}

// A page that tells a communal clash only by the country, its communities named, joins the
// report of that day's communal clash in a town of that country (one side named, the other
// not, is still one conflict's militias); the toll the page announces days later stays its own.
#[test]
fn a_communal_clash_placed_by_its_country_joins_the_day_s_communal_clash_fr_en() {
    let linked = incidents::link(&mentions_of(&[
        report(
            "town-fr",
            (2026, 5, 16),
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Des affrontements intercommunautaires ont fait onze morts et des dizaines de \
             blessés le vendredi 15 mai 2026 à Toula, dans le cercle de Douentza, au Mali.",
        ),
        report(
            "country-fr",
            (2026, 5, 20),
            "Récit fictif écrit pour les tests de Vigie.\n\n\
             Les conflits intercommunautaires dans le cercle de Douentza ont fait onze morts et \
             des dizaines de blessés. Ce bilan a été livré ce mercredi 20 mai 2026 par le \
             porte-parole du gouvernement malien.\n\n\
             Le gouvernement a décidé de maintenir les unités des forces de sécurité déployées \
             dans la localité.\n\n\
             Ces affrontements entre Peuls et Dogons se sont déroulés le vendredi 15 mai 2026.",
        ),
    ]));
    let toula = articles_of(&linked, "Toula");
    assert_eq!(toula.len(), 1, "{:#?}", summary(&linked));
    assert_eq!(toula[0].len(), 2, "{:#?}", summary(&linked));

    let linked = incidents::link(&mentions_of(&[
        report(
            "town-en",
            (2026, 5, 16),
            "Fictional report written for Vigie's tests.\n\n\
             Communal clashes killed eleven people and wounded dozens on Friday, May 15, 2026 in \
             Toula, in Mali's Douentza cercle.",
        ),
        report(
            "country-en",
            (2026, 5, 20),
            "Fictional report written for Vigie's tests.\n\n\
             The communal conflicts in the Douentza cercle killed eleven people and wounded \
             dozens. The toll was given on Wednesday, May 20, 2026 by the Malian government's \
             spokesman.\n\n\
             The government decided to keep the security forces deployed in the area.\n\n\
             The clashes between Fulani and Dogon took place on Friday, May 15, 2026.",
        ),
    ]));
    let toula = articles_of(&linked, "Toula");
    assert_eq!(toula.len(), 1, "{:#?}", summary(&linked));
    assert_eq!(toula[0].len(), 2, "{:#?}", summary(&linked));
}

// One outlet places a raid only by its region, another at the village, on the same day, each
// calling it its own way (villagers killed, a clash with the guards): with a toll that singles
// the raid out ("at least 10", 12 dead), one incident; with another toll, two.
#[test]
fn a_region_s_report_joins_the_day_s_raid_at_a_village_of_it_told_as_another_type_fr_en() {
    let village_en = "Fictional report written for Vigie's tests.\n\n\
        Gunmen clashed with volunteer fighters in Boulsa, in Burkina Faso's Centre-Nord \
        region, on Wednesday, December 7, 2022, leaving 12 dead, a security source said.";
    let region_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Au moins 10 civils ont été tués le mercredi 7 décembre 2022 par des hommes armés dans \
        la région du Centre-Nord, au Burkina Faso, selon des sources locales.";
    let region_en = "Fictional report written for Vigie's tests.\n\n\
        At least 10 civilians were killed by gunmen on Wednesday, December 7, 2022, in \
        Burkina Faso's Centre-Nord region, local sources said.";
    for region in [region_fr, region_en] {
        let linked = incidents::link(&mentions_of(&[
            report("village-en", (2022, 12, 8), village_en),
            report("region", (2022, 12, 8), region),
        ]));
        assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
        // Another toll: another attack of the region that day.
        let other = region.replace("10", "40");
        let linked = incidents::link(&mentions_of(&[
            report("village-en", (2022, 12, 8), village_en),
            report("region", (2022, 12, 8), &other),
        ]));
        assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
    }
}

// Two pages with no date at all: one places the blast only by its region (whose middle lies
// far from the town), the other at the town. Same day of the week, same toll, same kind of
// event: one incident.
#[test]
fn pages_of_no_date_join_when_one_places_the_event_only_by_its_region_fr_en() {
    let region_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Au moins quatre personnes ont été tuées samedi quand leur véhicule a sauté sur un engin \
        explosif dans la région nigérienne de Diffa, selon un élu local.";
    let region_en = "Fictional report written for Vigie's tests.\n\n\
        At least four people were killed on Saturday when their vehicle hit an explosive \
        device in Niger's Diffa region, a local official said.";
    let town_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Quatre passagers ont été tués samedi quand leur véhicule a sauté sur une mine près de \
        Toumour, dans la région de Diffa, ont indiqué des sources concordantes.";
    for region in [region_fr, region_en] {
        let linked = incidents::link(&mentions_of(&[
            Article::text("region", region.to_string()),
            Article::text("town-fr", town_fr.to_string()),
        ]));
        assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
    }
}

// One day of unrest in a town: outlets tell protesters shot by the police, or rioters' own
// violence (a mob's). The crowd is one; so is the day's unrest.
#[test]
fn protesters_shot_and_rioters_violence_in_one_town_on_one_day_are_one_unrest_fr_en() {
    let shot_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Les forces de l'ordre ont tiré sur des manifestants lundi 16 octobre 2026 à Sokodé, \
        faisant deux morts, selon des témoins.";
    let shot_en = "Fictional report written for Vigie's tests.\n\n\
        Security forces fired on protesters in Sokodé on Monday, October 16, 2026, killing two, \
        witnesses said.";
    let mob_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des émeutiers ont lynché un militaire lundi 16 octobre 2026 à Sokodé, selon des sources \
        sécuritaires.";
    let mob_en = "Fictional report written for Vigie's tests.\n\n\
        Rioters lynched a soldier in Sokodé on Monday, October 16, 2026, security sources said.";
    for (shot, mob) in [(shot_fr, mob_en), (shot_en, mob_fr)] {
        let linked = incidents::link(&mentions_of(&[
            report("shot", (2026, 10, 17), shot),
            report("mob", (2026, 10, 17), mob),
        ]));
        assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
    }
}

// A demonstration dispersed, and the arrests the police made in it, told apart by two outlets
// on the same day in the same town: one event (ACLED's protest with intervention).
#[test]
fn arrests_made_at_a_demonstration_on_its_day_and_spot_join_it_fr_en() {
    let march_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        La police a dispersé samedi 7 mars 2026 à Lomé une manifestation de l'opposition à \
        coups de gaz lacrymogène.";
    let march_en = "Fictional report written for Vigie's tests.\n\n\
        Police dispersed an opposition demonstration in Lomé on Saturday, March 7, 2026, using \
        tear gas.";
    let arrests_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        La police a arrêté une cinquantaine de militants de l'opposition samedi 7 mars 2026 à \
        Lomé, a annoncé le procureur.";
    let arrests_en = "Fictional report written for Vigie's tests.\n\n\
        Police arrested about fifty opposition activists in Lomé on Saturday, March 7, 2026, the \
        prosecutor said.";
    for (march, arrests) in [(march_fr, arrests_en), (march_en, arrests_fr)] {
        let linked = incidents::link(&mentions_of(&[
            report("march", (2026, 3, 8), march),
            report("arrests", (2026, 3, 8), arrests),
        ]));
        assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
        // Arrests on another day are another event.
        let later = arrests
            .replace("7 mars", "9 mars")
            .replace("March 7", "March 9");
        let linked = incidents::link(&mentions_of(&[
            report("march", (2026, 3, 8), march),
            report("arrests", (2026, 3, 10), &later),
        ]));
        assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
    }
}

// A page with no date of its own tells clashes on "dimanche 9 juin" in a village where a dated
// report tells villagers killed that day: the same event, each outlet calling it its own way.
#[test]
fn a_page_of_no_date_that_gives_the_day_joins_that_day_s_raid_on_its_spot_told_another_way_fr_en() {
    let dated_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des hommes armés ont tué 21 villageois à Dinangourou, dans le cercle de Koro, le \
        dimanche 9 juin 2019, selon des élus locaux.";
    let undated_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des affrontements ont éclaté dimanche 9 juin à Dinangourou entre des miliciens et des \
        assaillants, selon des témoins.";
    let undated_en = "Fictional report written for Vigie's tests.\n\n\
        Fighting broke out between militiamen and assailants in Dinangourou on Sunday, June 9, \
        witnesses said.";
    for undated in [undated_fr, undated_en] {
        let linked = incidents::link(&mentions_of(&[
            report("dated-fr", (2019, 6, 10), dated_fr),
            Article::text("undated", undated.to_string()),
        ]));
        assert_eq!(
            articles_of(&linked, "Dinangourou"),
            vec![&vec!["dated-fr".to_string(), "undated".to_string()]],
            "{:#?}",
            summary(&linked)
        );
        // Another day: another event.
        let other = undated
            .replace("dimanche 9 juin", "mercredi 5 juin")
            .replace("Sunday, June 9", "Wednesday, June 5");
        let linked = incidents::link(&mentions_of(&[
            report("dated-fr", (2019, 6, 10), dated_fr),
            Article::text("undated", other),
        ]));
        assert_eq!(
            articles_of(&linked, "Dinangourou").len(),
            2,
            "{:#?}",
            summary(&linked)
        );
    }
}

// Outlets name one raid's group differently where the press uses one name for another: one
// says Boko Haram, another ISWAP. Two groups no one confuses still make two raids.
#[test]
fn groups_the_press_names_for_one_another_do_not_part_one_raid_fr_en() {
    let bh_fr = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des combattants de Boko Haram ont attaqué la base militaire de Magumeri le mardi \
        5 juillet 2026, selon des sources sécuritaires.";
    let iswap_en = "Fictional report written for Vigie's tests.\n\n\
        Fighters of the Islamic State West Africa Province (ISWAP) attacked the army base in \
        Magumeri on Tuesday, July 5, 2026, security sources said.";
    let linked = incidents::link(&mentions_of(&[
        report("bh-fr", (2026, 7, 6), bh_fr),
        report("iswap-en", (2026, 7, 6), iswap_en),
    ]));
    assert_eq!(linked.len(), 1, "{:#?}", summary(&linked));
    let jnim_en = iswap_en.replace("the Islamic State West Africa Province (ISWAP)", "JNIM");
    let linked = incidents::link(&mentions_of(&[
        report("bh-fr", (2026, 7, 6), bh_fr),
        report("jnim-en", (2026, 7, 6), &jnim_en),
    ]));
    assert_eq!(linked.len(), 2, "{:#?}", summary(&linked));
}

#[test]
fn the_same_kind_of_event_on_one_spot_told_on_two_days_joins_unless_told_as_a_repeat() {
    // One outlet dates the night raid on the gendarmerie to Sunday, another to Monday; neither
    // gives a toll or names the group.
    let sunday = "Récit fictif écrit pour les tests de Vigie.\n\n\
        Des hommes armés ont attaqué la brigade de gendarmerie de Niono le dimanche 15 mars \
        2026, selon une source sécuritaire.";
    let monday = "Fictional report written for Vigie's tests.\n\n\
        Gunmen attacked the gendarmerie post in Niono on Monday, March 16, 2026, a security \
        source said.";
    let linked = incidents::link(&mentions_of(&[
        report("sunday-fr", (2026, 3, 17), sunday),
        report("monday-en", (2026, 3, 17), monday),
    ]));
    let s = summary(&linked);
    assert_eq!(
        articles_of(&linked, "Niono"),
        vec![&vec!["monday-en".to_string(), "sunday-fr".to_string()]],
        "{s:#?}"
    );
    // Told as a second attack, the next day's is another event.
    for again in [
        "Fictional report written for Vigie's tests.\n\n\
         Gunmen attacked the gendarmerie post in Niono again on Monday, March 16, 2026, in a \
         second attack, a security source said.",
        "Récit fictif écrit pour les tests de Vigie.\n\n\
         Des hommes armés ont de nouveau attaqué la brigade de gendarmerie de Niono le lundi 16 \
         mars 2026, selon une source sécuritaire.",
    ] {
        let linked = incidents::link(&mentions_of(&[
            report("sunday-fr", (2026, 3, 17), sunday),
            report("again", (2026, 3, 17), again),
        ]));
        let s = summary(&linked);
        assert_eq!(articles_of(&linked, "Niono").len(), 2, "{s:#?}");
    }
}
