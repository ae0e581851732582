//! Cue words around place names (sentences written for these tests): where an event happened
//! versus places a story only passes through.

use vigie_geo::{find_places, global, AdminLevel, Cue};

fn cue_of(text: &str, name: &str) -> Cue {
    find_places(global(), text)
        .into_iter()
        .find(|p| p.surface == name)
        .unwrap_or_else(|| panic!("{name} not found in {text:?}"))
        .cue
}

/// The names found in a text, in order.
fn places(text: &str) -> Vec<String> {
    find_places(global(), text)
        .into_iter()
        .map(|p| p.surface)
        .collect()
}

/// None of `names` is found as a place in `text`; returns the places found.
fn assert_not_places(text: &str, names: &[&str]) -> Vec<String> {
    let found = places(text);
    assert!(
        !found.iter().any(|p| names.contains(&p.as_str())),
        "{text}: {found:?}"
    );
    found
}

#[test]
fn a_named_position_locates_the_event_fr() {
    assert_eq!(
        cue_of(
            "Des hommes armés ont attaqué le camp militaire de Boulkessi.",
            "Boulkessi"
        ),
        Cue::At
    );
    assert_eq!(
        cue_of("Le poste de Dioura a été visé mardi.", "Dioura"),
        Cue::At
    );
    assert_eq!(
        cue_of(
            "Une frappe a touché la foire de Monimpébougou.",
            "Monimpébougou"
        ),
        Cue::At
    );
}

#[test]
fn a_named_position_locates_the_event_en() {
    assert_eq!(
        cue_of(
            "Gunmen stormed the army camp of Boulkessi on Friday.",
            "Boulkessi"
        ),
        Cue::At
    );
    assert_eq!(
        cue_of(
            "A drone struck the market of Monimpébougou.",
            "Monimpébougou"
        ),
        Cue::At
    );
}

#[test]
fn where_a_source_was_reached_or_hostages_welcomed_is_elsewhere_fr() {
    assert_eq!(
        cue_of(
            "Selon une source sécuritaire jointe à Mopti, le bilan est lourd.",
            "Mopti"
        ),
        Cue::Elsewhere
    );
    assert_eq!(
        cue_of(
            "Les ex-otages ont été accueillis lundi à Bamako par le ministre.",
            "Bamako"
        ),
        Cue::Elsewhere
    );
    assert_eq!(
        cue_of(
            "Les otages ont été accueillis lundi soir à Bamako.",
            "Bamako"
        ),
        Cue::Elsewhere
    );
    // The day alone does not make a place elsewhere.
    assert_eq!(
        cue_of(
            "Des hommes armés ont attaqué lundi à Bamako un poste de police.",
            "Bamako"
        ),
        Cue::At
    );
}

#[test]
fn where_an_outlet_s_correspondent_is_posted_is_elsewhere_fr_en() {
    assert_eq!(
        cue_of(
            "« Des tirs ont été entendus près du camp », a écrit Jean Dupont, journaliste et \
             correspondant de Radio Exemple à Bamako.",
            "Bamako"
        ),
        Cue::Elsewhere
    );
    assert_eq!(
        cue_of(
            "\"Gunfire was heard near the camp,\" said John Doe, a correspondent for Example \
             News in Niamey.",
            "Niamey"
        ),
        Cue::Elsewhere
    );
    // A correspondent who tells of the town: the town stays where it happened.
    assert_eq!(
        cue_of(
            "Selon notre correspondant, des hommes armés ont attaqué à Bamako un poste de police.",
            "Bamako"
        ),
        Cue::At
    );
}

#[test]
fn where_a_source_was_reached_or_hostages_welcomed_is_elsewhere_en() {
    assert_eq!(
        cue_of(
            "A security source contacted in Mopti said the toll was heavy.",
            "Mopti"
        ),
        Cue::Elsewhere
    );
    assert_eq!(
        cue_of(
            "The freed hostages were welcomed on Monday in Bamako by the minister.",
            "Bamako"
        ),
        Cue::Elsewhere
    );
    assert_eq!(
        cue_of(
            "Gunmen attacked on Monday in Bamako a police post.",
            "Bamako"
        ),
        Cue::At
    );
}

#[test]
fn a_country_in_capitals_labels_a_round_up_section() {
    assert_eq!(
        cue_of("BURKINA FASO — Six civils tués dans l'Est", "BURKINA FASO"),
        Cue::Admin(AdminLevel::Country)
    );
    assert_eq!(
        cue_of("NIGER — Army patrol ambushed near Banibangou", "NIGER"),
        Cue::Admin(AdminLevel::Country)
    );
    // Short acronyms in capitals are still not places.
    assert!(find_places(global(), "Le MNLA et le HCUA ont signé.")
        .iter()
        .all(|p| p.surface != "MNLA"));
}

#[test]
fn a_gloss_between_two_road_ends_and_round_distances_fr_en() {
    let fr = "Le car faisait la liaison entre Douentza (centre) et Gao (nord) lorsqu'il a sauté.";
    assert_eq!(cue_of(fr, "Douentza"), Cue::Between);
    assert_eq!(cue_of(fr, "Gao"), Cue::Between);
    let en = "The bus was travelling between Kaya (north) and Dori when it hit a mine.";
    assert_eq!(cue_of(en, "Dori"), Cue::Between);
    assert_eq!(
        cue_of(
            "Une embuscade près de Boni, à une trentaine de kilomètres de Hombori.",
            "Hombori"
        ),
        Cue::DistanceFrom { km: 30.0 }
    );
    assert_eq!(
        cue_of("L'embuscade a eu lieu à hauteur de Boni.", "Boni"),
        Cue::Near
    );
    // (situation reports' compass abbreviations)
    assert_eq!(
        cue_of(
            "A patrol was ambushed at Boni, 30 km NE of Hombori.",
            "Hombori"
        ),
        Cue::DistanceFrom { km: 30.0 }
    );
    assert_eq!(
        cue_of("Une patrouille attaquée à 12 km SO de Hombori.", "Hombori"),
        Cue::DistanceFrom { km: 12.0 }
    );
    assert_eq!(
        cue_of(
            "Two soldiers were wounded, with a medical evacuation to Mopti.",
            "Mopti"
        ),
        Cue::Elsewhere
    );
}

#[test]
fn a_name_that_speaks_is_a_person_not_a_place_fr_en() {
    // Diarra and Dicko are villages, and surnames: opening a clause with a verb of speech,
    // they are people.
    for text in [
        "Après les obsèques à Barassoro, Diarra a déclaré que les bergers avaient été tués.",
        "After the funeral in Barassoro, Diarra said the herders had been killed.",
        "Dicko told reporters that the village had been attacked twice.",
        "« Nous avons tout perdu », Dicko a raconté devant les élus.",
    ] {
        assert_not_places(text, &["Diarra", "Dicko"]);
    }
    // A capital that blames or condemns is its government.
    for text in [
        "Des hommes armés ont attaqué Mozogo dans la nuit. Yaoundé attribue l'attaque à Boko Haram.",
        "Gunmen attacked Mozogo overnight. Niamey blamed the attack on Boko Haram.",
        "Bamako a condamné l'attaque de Kwala, qui a fait trois morts.",
        "Abuja condemned the attack on the village.",
    ] {
        let found = places(text);
        assert!(
            !found
                .iter()
                .any(|p| p == "Yaoundé" || p == "Niamey" || p == "Bamako" || p == "Abuja"),
            "{text}: {found:?}"
        );
    }
    // After a word, the name is a place again: the mayor, or sources there, speak.
    for text in [
        "The mayor of Diarra said two herders had been killed.",
        "Le maire de Diarra a déclaré que deux bergers avaient été tués.",
        "Sources in Diarra said the attackers came on motorbikes.",
    ] {
        assert!(places(text).iter().any(|p| p == "Diarra"), "{text}");
    }
}

#[test]
fn a_town_far_from_the_event_only_situates_it_fr_en() {
    // Hundreds of kilometres away, the capital tells the reader where the region lies.
    for (text, town) in [
        (
            "Cette partie du pays, située à 600 kilomètres de la capitale, Bamako, est isolée.",
            "Bamako",
        ),
        (
            "The region lies some 400 km from the capital Niamey.",
            "Niamey",
        ),
        ("Le village se trouve à 250 km au nord de Mopti.", "Mopti"),
    ] {
        assert_eq!(cue_of(text, town), Cue::Elsewhere, "{text}");
    }
    // Close by, it is the event's surroundings.
    assert_eq!(
        cue_of(
            "L'embuscade a eu lieu à 30 km de la capitale, Bamako.",
            "Bamako"
        ),
        Cue::DistanceFrom { km: 30.0 }
    );
    assert_eq!(
        cue_of("The ambush took place 25 km north of Mopti.", "Mopti"),
        Cue::DistanceFrom { km: 25.0 }
    );
}

#[test]
fn a_far_capital_named_with_its_country_or_rank_only_situates_fr_en() {
    // The capital said with its country ("Mali's capital", "la capitale malienne", "la
    // capitale du Niger") or its rank ("the state capital", "la capitale régionale").
    for (text, town) in [
        (
            "Two drivers were killed 300 kilometers away from Mali's capital, Bamako, on Sunday.",
            "Bamako",
        ),
        (
            "The village lies 150km from the state capital, Katsina.",
            "Katsina",
        ),
        (
            "The convoy was ambushed 200 km from the Nigerien capital Niamey.",
            "Niamey",
        ),
        (
            "Le village se situe à 300 km de la capitale malienne, Bamako.",
            "Bamako",
        ),
        (
            "L'attaque a eu lieu à 400 km de la capitale du Niger, Niamey.",
            "Niamey",
        ),
        (
            "Le poste est à 180 km de la capitale régionale, Mopti.",
            "Mopti",
        ),
    ] {
        assert_eq!(cue_of(text, town), Cue::Elsewhere, "{text}");
    }
    // Close by, the same words give the event's surroundings.
    assert_eq!(
        cue_of(
            "The ambush took place 20 km from the state capital, Katsina.",
            "Katsina"
        ),
        Cue::DistanceFrom { km: 20.0 }
    );
    assert_eq!(
        cue_of(
            "L'embuscade a eu lieu à 30 km de la capitale malienne, Bamako.",
            "Bamako"
        ),
        Cue::DistanceFrom { km: 30.0 }
    );
}

#[test]
fn a_convoys_start_and_destination_are_not_where_it_was_attacked_fr_en() {
    // The day and hour of departure between the verb and the town; the destination named as a
    // region.
    let fr = "La colonne de l'armée partie le lundi 2 octobre au matin de Gao en direction de \
              la région de Kidal a été attaquée jeudi à Tabankort.";
    assert_eq!(cue_of(fr, "Gao"), Cue::Elsewhere, "{fr}");
    assert_eq!(cue_of(fr, "Kidal"), Cue::Elsewhere, "{fr}");
    assert_ne!(cue_of(fr, "Tabankort"), Cue::Elsewhere, "{fr}");
    let fr = "D'importants renforts sont arrivés ce mercredi de Mopti pour rétablir le calme à \
              Boni.";
    assert_eq!(cue_of(fr, "Mopti"), Cue::Elsewhere, "{fr}");
    let en = "Reinforcements arrived from Mopti on Wednesday to restore calm in Boni.";
    assert_eq!(cue_of(en, "Mopti"), Cue::Elsewhere, "{en}");
    let en = "The army column that set off from Gao on Monday heading for the Kidal region was \
              attacked on Thursday at Tabankort.";
    assert_eq!(cue_of(en, "Gao"), Cue::Elsewhere, "{en}");
    assert_eq!(cue_of(en, "Kidal"), Cue::Elsewhere, "{en}");
    assert_ne!(cue_of(en, "Tabankort"), Cue::Elsewhere, "{en}");
}

#[test]
fn short_words_opening_a_sentence_are_not_places_fr_en() {
    for text in [
        "Gunmen attacked the village of Boni. No one was hurt. So the army came.",
        "More security\n\nAs part of efforts to contain violence, troops went to Boni.",
        "Des hommes armés ont attaqué Boni. Ne sachant où aller, les habitants ont fui. Se \
         cachant, ils ont attendu.",
    ] {
        assert_eq!(places(text), ["Boni"], "{text}");
    }
}

#[test]
fn where_a_correspondent_files_from_is_elsewhere_fr_en() {
    let fr = "L'attaque d'hier soir a été rapide, rapporte notre correspondante à Niamey : les \
              assaillants ont envahi la ville de Dosso.";
    assert_eq!(cue_of(fr, "Niamey"), Cue::Elsewhere, "{fr}");
    let en = "The attack was swift, our correspondent in Niamey reports: the gunmen overran Dosso.";
    assert_eq!(cue_of(en, "Niamey"), Cue::Elsewhere, "{en}");
}

#[test]
fn a_unit_with_an_adjective_before_its_name_is_that_unit_fr() {
    for (text, name, level) in [
        (
            "Un véhicule a sauté sur une mine dans la région nigérienne de Diffa.",
            "Diffa",
            AdminLevel::Region,
        ),
        (
            "Des hommes armés ont attaqué la commune rurale de Tessit.",
            "Tessit",
            AdminLevel::Commune,
        ),
    ] {
        assert_eq!(cue_of(text, name), Cue::Admin(level), "{text}");
    }
}

#[test]
fn a_squadron_named_after_its_garrison_fought_elsewhere_fr_en() {
    let fr = "Les 13 gendarmes du 13e escadron de gendarmerie mobile de Dori sont tombés dans une \
              embuscade près de Boulsa.";
    assert_eq!(cue_of(fr, "Dori"), Cue::Elsewhere, "{fr}");
    let en =
        "Thirteen gendarmes of the mobile gendarmerie squadron of Dori died in an ambush near \
              Boulsa.";
    assert_eq!(cue_of(en, "Dori"), Cue::Elsewhere, "{en}");
}

#[test]
fn a_bridge_named_after_a_village_is_the_spot_fr_en() {
    for text in [
        "Un minibus a sauté sur une mine au niveau du pont de Barassoro mardi.",
        "Un car a heurté un engin explosif sur le pont d'Anakaba.",
        "A minibus hit a mine on the Barassoro bridge on Tuesday.",
        "A bus struck an explosive device at the bridge of Barassoro.",
    ] {
        let name = if text.contains("Anakaba") {
            "Anakaba"
        } else {
            "Barassoro"
        };
        assert_eq!(cue_of(text, name), Cue::At, "{text}");
    }
}

#[test]
fn a_resort_town_is_the_spot_and_a_court_seat_is_elsewhere_fr_en() {
    assert_eq!(
        cue_of(
            "L'attentat de la ville balnéaire de Grand-Bassam avait fait 19 morts.",
            "Grand-Bassam"
        ),
        Cue::At
    );
    assert_eq!(
        cue_of(
            "Gunmen opened fire in the seaside town of Grand-Bassam.",
            "Grand-Bassam"
        ),
        Cue::At
    );
    for (text, town) in [
        (
            "La cour d'assises d'Abidjan a rendu son verdict.",
            "Abidjan",
        ),
        ("La cour d'appel de Bamako a confirmé la peine.", "Bamako"),
        ("A court in Abidjan handed down the sentences.", "Abidjan"),
    ] {
        assert_eq!(cue_of(text, town), Cue::Elsewhere, "{text}");
    }
}

#[test]
fn a_nigerian_local_government_area_is_a_unit_and_a_spokesman_speaks_from_elsewhere_fr_en() {
    let en = "Gunmen on Friday attacked a school in the Faskari Local Government Area of Katsina \
              State, the police spokesperson in Funtua said.";
    assert_eq!(cue_of(en, "Faskari"), Cue::Admin(AdminLevel::Cercle));
    assert_eq!(cue_of(en, "Funtua"), Cue::Elsewhere);
    assert_eq!(cue_of(en, "Katsina"), Cue::Admin(AdminLevel::Region));
    let en = "Bandits killed nine farmers in Dandume LGA, a police spokesman in Funtua said.";
    assert_eq!(cue_of(en, "Dandume"), Cue::Admin(AdminLevel::Cercle));
    assert_eq!(cue_of(en, "Funtua"), Cue::Elsewhere);
    let fr = "Des bandits ont tué neuf paysans à Dandume, selon le porte-parole à Funtua.";
    assert_eq!(cue_of(fr, "Dandume"), Cue::At);
    assert_eq!(cue_of(fr, "Funtua"), Cue::Elsewhere);
}

#[test]
fn the_object_of_a_verb_of_attack_or_capture_is_the_place_attacked_fr_en() {
    for (text, name) in [
        (
            "Des jihadistes ont attaqué Anakaba dans la nuit de lundi.",
            "Anakaba",
        ),
        (
            "L'EIGS s'est emparé de Barassoro mardi après une bataille.",
            "Barassoro",
        ),
        (
            "Les assaillants ont pris d'assaut Anakaba à l'aube.",
            "Anakaba",
        ),
        ("Gunmen raided Anakaba on Monday night.", "Anakaba"),
        (
            "The militants seized control of Barassoro after a battle.",
            "Barassoro",
        ),
        ("Fighters stormed Anakaba at dawn.", "Anakaba"),
    ] {
        assert_eq!(cue_of(text, name), Cue::At, "{text}");
    }
}

#[test]
fn where_survivors_went_back_to_is_elsewhere_fr_en() {
    assert_eq!(
        cue_of(
            "The convoy was ambushed 15 km from Anakaba; three vehicles managed to return to \
             Ansongo.",
            "Ansongo"
        ),
        Cue::Elsewhere
    );
    assert_eq!(
        cue_of(
            "Le convoi a été pris en embuscade ; trois véhicules ont regagné Ansongo.",
            "Ansongo"
        ),
        Cue::Elsewhere
    );
}

#[test]
fn distances_far_from_a_town_and_in_miles_fr_en() {
    assert_eq!(
        cue_of(
            "A vehicle carrying armed men was spotted 90 km far from Gao.",
            "Gao"
        ),
        Cue::DistanceFrom { km: 90.0 }
    );
    match cue_of(
        "Gunmen killed six farmers about 20 miles from Maiduguri.",
        "Maiduguri",
    ) {
        Cue::DistanceFrom { km } => assert!((km - 32.2).abs() < 0.5, "{km}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        cue_of(
            "Des hommes armés ont tué six paysans à une vingtaine de kilomètres de Gao.",
            "Gao"
        ),
        Cue::DistanceFrom { km: 20.0 }
    );
}

#[test]
fn the_town_of_a_security_source_is_elsewhere_fr_en() {
    for (text, town) in [
        (
            "Selon une source sécuritaire à Ouahigouya, le prêtre a été enlevé par des hommes armés.",
            "Ouahigouya",
        ),
        (
            "The priest was kidnapped by gunmen, a security source in Ouahigouya said.",
            "Ouahigouya",
        ),
    ] {
        assert_eq!(cue_of(text, town), Cue::Elsewhere, "{text}");
    }
}

#[test]
fn a_frequent_first_name_and_the_surname_after_it_are_a_person_fr_en() {
    // Makan and Doumbia are also places (a town of Senegal, villages of Mali); Makan is one of
    // the region's frequent first names, and the name after it is a surname.
    for text in [
        "Le préfet Makan Doumbia a été enlevé sur la route de Barassoro.",
        "Prefect Makan Doumbia was kidnapped on the road to Barassoro.",
        "Le chef de village Boureima Doumbia a été tué devant sa maison.",
    ] {
        let found: Vec<String> = find_places(global(), text)
            .into_iter()
            .map(|p| p.surface)
            .collect();
        assert!(
            !found
                .iter()
                .any(|p| p == "Makan" || p == "Doumbia" || p == "Boureima"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn the_base_aircraft_took_off_from_and_a_newspaper_s_town_are_elsewhere_fr_en() {
    for (text, base) in [
        (
            "Les Mirage 2000, partis de la base aérienne de N'Djamena, ont frappé la colonne \
             dans le Tibesti.",
            "N'Djamena",
        ),
        (
            "L'action des Mirage 2000, engagés depuis la base de Niamey, a visé la colonne près \
             de Tillabéri.",
            "Niamey",
        ),
        (
            "The Mirage jets took off from the air base in Niamey and struck the column near \
             Tillabéri.",
            "Niamey",
        ),
        (
            "La Dépêche d'Abidjan\nDes frappes ont visé la colonne dans le Tibesti.",
            "Abidjan",
        ),
    ] {
        assert_eq!(cue_of(text, base), Cue::Elsewhere, "{text}");
    }
    let fr = "Des Mirage 2000 ont frappé dimanche la colonne dans le Tibesti. Les avions étaient \
              partis de la base aérienne de N'Djamena.";
    assert_ne!(cue_of(fr, "Tibesti"), Cue::Elsewhere, "{fr}");
    assert_eq!(cue_of(fr, "N'Djamena"), Cue::Elsewhere, "{fr}");
}

#[test]
fn a_capital_standing_for_its_government_and_a_prison_people_were_moved_to_are_elsewhere_fr_en() {
    for (text, town) in [
        (
            "À la demande de N'Djamena, des avions ont frappé la colonne dans le Tibesti.",
            "N'Djamena",
        ),
        (
            "At the request of Niamey, jets struck the column near Tillabéri.",
            "Niamey",
        ),
        (
            "Plus de 260 personnes ont été arrêtées puis transférées à Koro, une prison de haute \
             sécurité.",
            "Koro",
        ),
        (
            "More than 260 people were arrested and transferred to Koro, a high-security prison.",
            "Koro",
        ),
    ] {
        assert_eq!(cue_of(text, town), Cue::Elsewhere, "{text}");
    }
}

#[test]
fn an_area_council_of_the_capital_territory_is_a_district_fr_en() {
    for text in [
        "The procession clashed with soldiers at a checkpoint in Gwagwalada Area Council.",
        "La procession a été dispersée par les soldats dans le Gwagwalada Area Council, près \
         d'Abuja.",
    ] {
        assert_eq!(
            cue_of(text, "Gwagwalada"),
            Cue::Admin(AdminLevel::Cercle),
            "{text}"
        );
    }
}

#[test]
fn where_a_march_set_out_from_is_elsewhere_fr_en() {
    for text in [
        "The Shiites were marching from Suleja to the capital when soldiers opened fire.",
        "Les fidèles marchaient depuis Suleja vers la capitale quand les soldats ont tiré.",
    ] {
        assert_eq!(cue_of(text, "Suleja"), Cue::Elsewhere, "{text}");
    }
}

#[test]
fn dan_opens_a_two_word_name_and_is_no_place_alone_fr_en() {
    for text in [
        "Trouble started when the marchers got to a checkpoint at Dan Kogi, where soldiers \
         asked them to turn back.",
        "Les soldats ont tiré au poste de contrôle de Dan Kogi.",
    ] {
        assert_not_places(text, &["Dan", "Kogi"]);
    }
}

#[test]
fn the_unit_before_a_possessive_contains_the_place_after_it_fr_en() {
    for (text, unit, place) in [
        (
            "Gunmen killed ten people in Borno's Gwoza area on Monday.",
            "Borno",
            "Gwoza",
        ),
        (
            "At least two graves were uncovered in Kidal\u{2019}s Anefis area.",
            "Kidal",
            "Anefis",
        ),
    ] {
        assert_eq!(cue_of(text, unit), Cue::Admin(AdminLevel::Region), "{text}");
        assert_ne!(
            cue_of(text, place),
            Cue::Admin(AdminLevel::Region),
            "{text}"
        );
    }
    // French says it with "de": the unit is named as such and the place keeps its own cue.
    let fr = "Deux fosses communes ont été découvertes à Anefis, dans la région de Kidal.";
    assert_eq!(cue_of(fr, "Anefis"), Cue::At, "{fr}");
    assert_eq!(cue_of(fr, "Kidal"), Cue::Admin(AdminLevel::Region), "{fr}");
}

#[test]
fn the_ends_of_a_road_told_from_one_to_the_other_are_its_ends_fr_en() {
    for (text, ends, cue) in [
        (
            "A MINUSMA vehicle hit an IED near Kera on the Tenenkou to Ke-Macina axis.",
            ["Tenenkou", "Ke-Macina"],
            Cue::Axis,
        ),
        (
            "Un véhicule de la MINUSMA a sauté sur une mine près de Kera, sur l'axe Ténenkou à \
             Macina.",
            ["Ténenkou", "Macina"],
            Cue::Axis,
        ),
        (
            "Un véhicule a sauté sur une mine sur la route reliant Gao à Ansongo.",
            ["Gao", "Ansongo"],
            Cue::Between,
        ),
        (
            "A vehicle hit a mine on the road linking Gao to Ansongo.",
            ["Gao", "Ansongo"],
            Cue::Between,
        ),
    ] {
        for end in ends {
            assert_eq!(cue_of(text, end), cue, "{text}: {end}");
        }
    }
    assert_eq!(
        cue_of(
            "A MINUSMA vehicle hit an IED near Kera on the Tenenkou to Ke-Macina axis.",
            "Kera"
        ),
        Cue::Near
    );
}

#[test]
fn a_facility_named_after_a_town_is_not_in_that_town_fr_en() {
    for (text, town) in [
        (
            "Armed men attacked the tourist resort Campement Kangaba in Yirimandio, near Bamako.",
            "Kangaba",
        ),
        (
            "Des hommes armés ont attaqué l'hôtel Sahel de Niamey, dans le quartier du fleuve.",
            "Sahel",
        ),
    ] {
        let found = find_places(global(), text);
        assert!(
            found
                .iter()
                .all(|p| p.surface != town || p.cue == Cue::Elsewhere),
            "{text}: {found:?}"
        );
    }
    assert!(!places(
        "Armed men attacked the tourist resort Campement Kangaba in Yirimandio, near Bamako."
    )
    .contains(&"Campement".to_string()));
    // "le campement de X" is a camp at X.
    assert_ne!(
        cue_of(
            "Des hommes armés ont attaqué le campement de Kangaba.",
            "Kangaba"
        ),
        Cue::Elsewhere
    );
}

#[test]
fn a_unit_named_with_an_elided_article_keeps_its_level_fr_en() {
    // "la province de l'Oudalan", "la préfecture de l'Oti": the elided article does not hide
    // the unit's level; nor does the English order, "Kpendjal prefecture".
    for (text, name, level) in [
        (
            "Attaque dans la province de l'Oudalan.",
            "Oudalan",
            AdminLevel::Cercle,
        ),
        (
            "Une mine a explosé dans la préfecture de l'Oti.",
            "Oti",
            AdminLevel::Cercle,
        ),
        (
            "Des villages de la région de l'Extrême-Nord ont été attaqués.",
            "Extrême-Nord",
            AdminLevel::Region,
        ),
        (
            "Gunmen attacked a village in Kpendjal prefecture.",
            "Kpendjal",
            AdminLevel::Cercle,
        ),
    ] {
        assert_eq!(cue_of(text, name), Cue::Admin(level), "{text}");
    }
}

#[test]
fn a_name_the_text_gives_as_a_surname_is_the_person_when_said_alone_fr_en() {
    // Igboho and Madougou are also towns (Nigeria, Mali): named after "alias", or twice after a
    // first name that is no place, they are the person wherever no word of place comes before.
    for text in [
        "Security operatives raided the home of Sunday Adeyemo, alias Sunday Igboho, in Ibadan. \
         Igboho escaped before dawn.",
        "Les forces spéciales ont perquisitionné la maison de Sunday Adeyemo, dit Sunday Igboho, \
         à Ibadan. Igboho s'est enfui avant l'aube.",
        "L'opposante Reckya Madougou a été arrêtée à Porto-Novo. Selon ses avocats, Reckya \
         Madougou a été conduite au tribunal. Hier, Madougou a nié les faits.",
        "The DSS raided the Ibadan home of Sunday Adeyemo, better known as Sunday Igboho, on \
         Thursday. Igboho escaped.",
        "Police are looking for the activist popularly called Sunday Igboho, in Ibadan. Igboho \
         escaped.",
    ] {
        let found = assert_not_places(text, &["Igboho", "Madougou"]);
        assert!(
            found.iter().any(|p| p == "Ibadan" || p == "Porto-Novo"),
            "{text}: {found:?}"
        );
    }
    // "called" before one name alone names a place.
    assert_eq!(
        places("Gunmen attacked a village called Bodio near Bandiagara. Bodio residents fled."),
        vec!["Bodio", "Bandiagara", "Bodio"]
    );
    // After "à" or "in", or before "town", the name is the place again.
    assert_eq!(
        places(
            "Des affrontements ont éclaté à Igboho, dit Sunday Igboho ailleurs. La police est \
             arrivée à Igboho le soir."
        ),
        vec!["Igboho", "Igboho"]
    );
    assert!(places(
        "Police said Sunday Adeyemo, alias Sunday Igboho, was seen near Igboho town. In Igboho, \
         shops stayed closed."
    )
    .iter()
    .filter(|p| *p == "Igboho")
    .count()
        == 2);
}

#[test]
fn an_honorific_before_a_name_is_no_place_fr_en() {
    // Alhaji, Isa, Bawa and Mme are also places of the gazetteer (Alhaji in Ogun, Isa in
    // Sokoto, Bawa in Ondo, Mme-Bafumen in Cameroon's North-West).
    assert_eq!(
        places("The District Head of Gatawa, Alhaji Isa Bawa, was abducted by bandits."),
        vec!["Gatawa"]
    );
    let found = places("Mme la Ministre Madougou a été conduite à Porto-Novo.");
    assert!(!found.iter().any(|p| p == "Mme"), "{found:?}");
    assert!(found.iter().any(|p| p == "Porto-Novo"), "{found:?}");
}

#[test]
fn a_province_named_by_a_common_word_is_the_province_fr_en() {
    for text in [
        "Vingt soldats ont été tués dans une attaque de Boko Haram dans la province du Lac.",
        "Twenty soldiers were killed in a Boko Haram attack in Chad's Lac province.",
    ] {
        assert_eq!(
            places(text).iter().filter(|p| *p == "Lac").count(),
            1,
            "{text}"
        );
    }
    // The lake itself, and "the Sahel region", stay common words.
    for text in [
        "Des pêcheurs ont été tués au bord du Lac, près de la frontière.",
        "Gunmen killed four herders in the Sahel region on Sunday.",
        "Des hommes armés ont tué quatre éleveurs dans la région du Sahel dimanche.",
    ] {
        assert_not_places(text, &["Lac", "Sahel"]);
    }
}

#[test]
fn a_name_said_to_be_a_unit_is_that_unit_fr_en() {
    // "Diffa est une région riveraine du lac Tchad": the text says what the name is (the town
    // of the same name is another place).
    for (text, name, level) in [
        (
            "Diffa est une région riveraine du lac Tchad, exposée aux raids.",
            "Diffa",
            AdminLevel::Region,
        ),
        (
            "Mopti is a region of central Mali where attacks are frequent.",
            "Mopti",
            AdminLevel::Region,
        ),
        (
            "Boni est une commune du cercle de Douentza.",
            "Boni",
            AdminLevel::Commune,
        ),
    ] {
        assert_eq!(cue_of(text, name), Cue::Admin(level), "{text}");
    }
    // ("Diffa est une ville": a town, no unit)
    assert!(!matches!(
        cue_of("Diffa est une ville du sud-est du Niger.", "Diffa"),
        Cue::Admin(_)
    ));
}
