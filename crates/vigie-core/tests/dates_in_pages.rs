//! How a report is placed in time when its page says little: no publication date, only a
//! page date line, a weekday with its day and month, a statement date, a lead sentence. Each
//! report here was written for these tests (fiction, French and English).

use vigie_core::{process, Article, Mention};

/// The mentions of an article with no publication date.
fn undated(text: &str) -> Vec<Mention> {
    process(&Article::text("page", text)).mentions
}

fn published(text: &str, date: &str) -> Vec<Mention> {
    let mut a = Article::text("page", text);
    a.published = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    process(&a).mentions
}

fn days(ms: &[Mention]) -> Vec<String> {
    ms.iter()
        .map(|m| m.date.map(|d| d.date.to_string()).unwrap_or_default())
        .collect()
}

#[test]
fn a_weekday_with_its_day_and_month_fixes_the_year_fr() {
    // 9 June was a Sunday in 2019 (and in 2024): the page names 2019 elsewhere.
    let ms = undated(
        "Le village de Sangha a été attaqué dimanche 9 juin par des hommes armés ; au moins \
         dix personnes ont été tuées. Le village avait déjà été menacé en 2019.",
    );
    assert_eq!(days(&ms), vec!["2019-06-09"]);
}

#[test]
fn a_weekday_with_its_day_and_month_fixes_the_year_en() {
    // 24 December was a Tuesday in 2019.
    let ms = undated(
        "Seven soldiers were killed on Tuesday, December 24, when gunmen attacked the army \
         post in Arbinda, in the 2019 offensive.",
    );
    assert_eq!(days(&ms), vec!["2019-12-24"]);
}

#[test]
fn the_page_date_line_anchors_the_text_and_dates_no_event_en() {
    // A month line: a day and month in the text take its year.
    let ms = undated(" date 2021-01 Gunmen killed five villagers near Bankass on 3 January.");
    assert_eq!(days(&ms), vec!["2021-01-03"]);
    // A day line: it is when the page came out, not when the attack happened.
    let ms = published(
        " date 2023-04-30 Soldiers said gunmen killed five villagers near Bankass on 20 April.",
        "2023-04-30",
    );
    assert_eq!(days(&ms), vec!["2023-04-20"]);
}

#[test]
fn the_page_date_line_anchors_the_text_and_dates_no_event_fr() {
    let ms = undated(
        " date 2021-01 Des hommes armés ont tué cinq villageois près de Bankass dimanche 3 \
         janvier.",
    );
    assert_eq!(days(&ms), vec!["2021-01-03"]);
}

#[test]
fn a_date_right_before_a_claim_dates_the_claim_en() {
    let ms = published(
        "Islamic State on Saturday claimed the attack on the army camp in Ménaka in which \
         gunmen killed 12 soldiers on Friday.",
        "2026-03-09",
    );
    // Saturday is the 7th; Friday the 6th.
    assert_eq!(days(&ms), vec!["2026-03-06"]);
}

#[test]
fn a_day_counted_from_a_statement_counts_from_its_date_fr() {
    let ms = published(
        "L'armée a annoncé, lundi 2 mars, que l'attaque du camp de Ménaka, survenue la \
         veille, a fait douze morts parmi les soldats.",
        "2026-03-04",
    );
    assert_eq!(days(&ms), vec!["2026-03-01"]);
}

#[test]
fn a_lead_sentence_without_violence_dates_the_first_event_fr_en() {
    let ms = undated(
        "De nouvelles violences ont eu lieu le dimanche 16 juin 2019 dans le cercle de \
         Bandiagara.\n\nDes hommes armés ont tué cinq personnes à Bandiagara.",
    );
    assert_eq!(days(&ms), vec!["2019-06-16"]);
    // A bare date line under a headline is the page's date, not the event's.
    let ms = published(
        "Flash update — Bandiagara\n3 March 2026\n\nGunmen killed five people near Bandiagara \
         on 1 March.",
        "2026-03-03",
    );
    assert_eq!(days(&ms), vec!["2026-03-01"]);
}

#[test]
fn the_weekend_before_publication_en_fr() {
    let ms = published(
        "Gunmen killed five people near Bandiagara over the weekend.",
        "2026-03-09",
    );
    assert_eq!(days(&ms), vec!["2026-03-07"]);
    let ms = published(
        "Des hommes armés ont tué cinq personnes près de Bandiagara le week-end dernier.",
        "2026-03-09",
    );
    assert_eq!(days(&ms), vec!["2026-03-07"]);
}

#[test]
fn two_days_named_differently_are_two_events_even_unresolved_fr() {
    // No publication date and no year: neither day can be resolved, yet they differ.
    let ms = undated(
        "Dans la nuit de samedi à dimanche, des hommes armés ont attaqué le camp militaire de \
         Boni, tuant six soldats.\n\nLe jeudi précédent, des hommes armés avaient attaqué le \
         camp militaire de Boni, tuant trois soldats.",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
}

#[test]
fn two_days_named_differently_are_two_events_even_unresolved_en() {
    let ms = undated(
        "On Saturday night gunmen attacked the army camp in Boni, killing six soldiers.\n\nOn \
         Thursday, gunmen had attacked the army camp in Boni, killing three soldiers.",
    );
    assert_eq!(ms.len(), 2, "{ms:#?}");
}

#[test]
fn a_span_of_days_is_its_middle_day_with_the_week_as_precision_en_fr() {
    let ms = published(
        "Between 21 and 23 October 2025, militiamen attacked villages near Koro, killing \
         civilians.",
        "2025-10-25",
    );
    assert_eq!(days(&ms), vec!["2025-10-22"]);
    assert_eq!(
        ms[0].date.unwrap().precision,
        vigie_core::TimePrecision::Week
    );
    let ms = published(
        "Entre le 21 et le 23 octobre 2025, des miliciens ont attaqué des villages près de Koro.",
        "2025-10-25",
    );
    assert_eq!(days(&ms), vec!["2025-10-22"]);
    // One night over two days stays its first day.
    let ms = published(
        "Dans la nuit du 5 au 6 octobre 2025, des hommes armés ont attaqué Koro.",
        "2025-10-08",
    );
    assert_eq!(days(&ms), vec!["2025-10-05"]);
    assert_eq!(
        ms[0].date.unwrap().precision,
        vigie_core::TimePrecision::Day
    );
}

#[test]
fn a_date_marked_week_of_or_month_of_keeps_that_precision_en() {
    let ms = published(
        "Around 1 October 2025 (week of), gunmen killed two herders near Dioura.",
        "2025-10-09",
    );
    assert_eq!(
        ms[0].date.unwrap().precision,
        vigie_core::TimePrecision::Week
    );
    let ms = published(
        "Around 1 October 2025 (month of), gunmen killed two herders near Dioura.",
        "2025-10-30",
    );
    assert_eq!(
        ms[0].date.unwrap().precision,
        vigie_core::TimePrecision::Month
    );
}

#[test]
fn a_full_page_date_line_is_the_publication_date_fr() {
    let a = Article::text(
        "page",
        " date 2021-01-05 Des hommes armés ont tué cinq villageois près de Bankass dimanche.",
    );
    let doc = vigie_core::document::build(&a);
    assert_eq!(
        doc.published.map(|d| d.to_string()).as_deref(),
        Some("2021-01-05")
    );
    let ms = process(&a).mentions;
    assert_eq!(days(&ms), vec!["2021-01-03"]);
}

#[test]
fn a_statement_dated_en_date_du_dates_the_statement_fr() {
    let ms = published(
        "Le gouverneur a annoncé, dans un communiqué en date du 3 juillet, que des hommes armés \
         ont tué douze villageois à Djiguibombo le lundi 1er juillet.",
        "2024-07-05",
    );
    assert_eq!(days(&ms), vec!["2024-07-01"]);
}

#[test]
fn a_weekday_on_a_page_dated_only_to_the_month_is_known_to_the_month_fr_en() {
    // Which Monday of July the page cannot say: the month, not its last Monday.
    for text in [
        " date 2024-07 Au moins 21 villageois ont été tués lundi à Djiguibombo par des hommes \
         armés.",
        " date 2024-07 Gunmen killed at least 21 villagers in Djiguibombo on Monday.",
    ] {
        let ms = undated(text);
        assert_eq!(ms.len(), 1, "{ms:#?}");
        let date = ms[0].date.expect("dated to the month");
        assert_eq!(date.precision, vigie_core::TimePrecision::Month, "{text}");
        assert_eq!(date.date.to_string(), "2024-07-15", "{text}");
    }
}

#[test]
fn the_date_of_another_kind_of_event_told_in_passing_does_not_date_the_story_en_fr() {
    // The church attack has no day of its own; the kidnapping recalled in passing has one.
    for text in [
        "Gunmen killed a priest and five worshippers during Mass in an attack on the church of \
         Dablo. The operation had been ordered to free French hostages, who were kidnapped on \
         May 1 in Pendjari park.",
        "Des hommes armés ont tué un prêtre et cinq fidèles pendant la messe dans l'attaque de \
         l'église de Dablo. L'opération visait à libérer des otages français, qui avaient été \
         enlevés le 1er mai dans le parc de la Pendjari.",
    ] {
        let ms = published(text, "2019-05-13");
        let dablo: Vec<&Mention> = ms
            .iter()
            .filter(|m| m.place.as_ref().is_some_and(|p| p.location == "Dablo"))
            .collect();
        assert_eq!(dablo.len(), 1, "{ms:#?}");
        assert_ne!(
            dablo[0].date.map(|d| d.date.to_string()).as_deref(),
            Some("2019-05-01"),
            "{ms:#?}"
        );
    }
}

#[test]
fn a_day_counted_on_counts_from_the_last_day_told() {
    // "Five days later" after a sentence dated October 5 counts from October 5, not from the
    // fighting of April that opened the story.
    for text in [
        "Le 17 avril 2025, des combats ont éclaté près de Mao. Le 5 octobre 2025, les participants \
         au dialogue national ont prolongé la transition. Cinq jours plus tard, des rebelles ont \
         attaqué un poste militaire à Mao.",
        "On April 17, 2025, fighting broke out near Mao. On October 5, 2025, the national dialogue \
         extended the transition. Five days later, rebels attacked an army post in Mao.",
    ] {
        let ms = published(text, "2025-10-20");
        let days: Vec<String> = ms
            .iter()
            .filter_map(|m| m.date.map(|d| d.date.to_string()))
            .collect();
        assert!(days.contains(&"2025-10-10".to_string()), "{text}: {days:?}");
        assert!(!days.contains(&"2025-04-22".to_string()), "{text}: {days:?}");
    }
}

#[test]
fn a_dispatch_dateline_at_the_top_is_the_publication_date_fr_en() {
    // No date of its own for the attack: its incident takes the day before the dispatch, as
    // for a published page.
    for text in [
        "Djibo, 14 mars 2026. Une attaque terroriste a fait douze morts parmi les soldats du \
         détachement de la localité.",
        "Djibo, March 14, 2026. A terrorist attack killed twelve soldiers of the town's army \
         detachment.",
    ] {
        let ms = undated(text);
        assert_eq!(
            ms[0].published.map(|d| d.to_string()).as_deref(),
            Some("2026-03-14"),
            "{text}"
        );
        let linked = vigie_core::incidents::link(&ms);
        assert_eq!(
            linked[0].date.map(|d| d.date.to_string()).as_deref(),
            Some("2026-03-13"),
            "{text}"
        );
    }
    // A first line that tells what happened that day is no dateline.
    let ms = undated(
        "Samedi 14 mars 2026, une attaque terroriste a fait douze morts parmi les soldats du \
         détachement de Djibo.",
    );
    assert_eq!(days(&ms), vec!["2026-03-14"]);
    assert_eq!(ms[0].published, None);
}

#[test]
fn a_date_alone_on_the_first_line_is_the_site_s_date_of_the_day_fr_en() {
    // "Wednesday, Nov 13, 2024" over a story of another year: the day the page was read. A
    // weekday in the story is not counted from it.
    for text in [
        "Wednesday, Nov 13, 2024\nGunmen killed twelve villagers in Djibo on Sunday, residents said.",
        "mercredi 13 novembre 2024 08:41\nDes hommes armés ont tué douze villageois dimanche à Djibo, selon des habitants.",
    ] {
        let ms = undated(text);
        assert_eq!(days(&ms), vec![""], "{text}");
        assert_eq!(ms[0].published, None, "{text}");
    }
}

/// The mentions of an article with no publication date, found at `url`.
fn at_address(text: &str, url: &str) -> Vec<Mention> {
    let mut a = Article::text("page", text);
    a.url = Some(url.to_string());
    process(&a).mentions
}

#[test]
fn a_page_filed_by_day_in_its_address_came_out_that_day_fr_en() {
    // 18 July 2023 was a Tuesday: "lundi" is the day before.
    for (text, url) in [
        (
            "Des hommes armés ont tué trois civils lundi à Kaya.",
            "https://exemple.info/2023/07/18/trois-civils-tues-a-kaya/",
        ),
        (
            "Gunmen killed three civilians in Kaya on Monday.",
            "https://example.com/news/2023/07/18/three-civilians-killed",
        ),
        (
            "Gunmen killed three civilians in Kaya on Monday.",
            "https://example.com/stories/202307180412.html",
        ),
    ] {
        let ms = at_address(text, url);
        assert_eq!(days(&ms), vec!["2023-07-17"], "{url}");
        // Without its address the page says nothing of when it came out.
        assert_eq!(days(&undated(text)), vec![""], "{text}");
    }
}

#[test]
fn a_page_filed_by_month_in_its_address_is_known_to_the_month_fr_en() {
    for (text, url) in [
        (
            "Des hommes armés ont tué trois civils lundi à Kaya.",
            "https://exemple.info/2023/07/trois-civils-tues-a-kaya/",
        ),
        (
            // A figure that opens the title is not the day.
            "Gunmen killed 21 civilians in Kaya on Monday.",
            "https://example.com/2023/07/21-civilians-killed-in-kaya/",
        ),
    ] {
        let ms = at_address(text, url);
        assert_eq!(ms.len(), 1, "{ms:#?}");
        let date = ms[0].date.expect("dated to the month");
        assert_eq!(date.precision, vigie_core::TimePrecision::Month, "{url}");
        assert_eq!(date.date.to_string(), "2023-07-15", "{url}");
    }
}

#[test]
fn a_weekday_beside_the_full_date_it_names_takes_that_date_fr_en() {
    // On a page known only to the month, "lundi" alone is some Monday of July; with its date
    // beside it, it is that day.
    for text in [
        " date 2024-07 L'attaque a eu lieu lundi soir, 1er juillet 2024, pendant un mariage \
         à Toula, dans le cercle de Douentza ; vingt villageois ont été tués.",
        " date 2024-07 The attack took place on Monday evening, July 1, 2024, during a wedding \
         in Toula, in the Douentza district; twenty villagers were killed.",
    ] {
        let ms = undated(text);
        assert_eq!(ms.len(), 1, "{ms:#?}");
        let date = ms[0].date.expect("dated");
        assert_eq!(date.precision, vigie_core::TimePrecision::Day, "{text}");
        assert_eq!(date.date.to_string(), "2024-07-01", "{text}");
    }
}

#[test]
fn a_dated_entry_of_a_related_news_list_does_not_date_the_page_fr_en() {
    // The page shows no date of its own; the list entry's date is another story's.
    for text in [
        "Le Niger renouvelle le mandat de sa mission au lac Tchad\n- Le 22 Novembre 2024\n\
         Des hommes armés ont attaqué lundi le poste de Barassoro et tué trois gendarmes.",
        "Niger renews its Lake Chad mission's mandate\n- November 22, 2024\n\
         Gunmen attacked the Barassoro post on Monday and killed three gendarmes.",
    ] {
        let ms = undated(text);
        assert_eq!(ms.len(), 1, "{text}: {ms:#?}");
        assert!(ms[0].date.is_none(), "{text}: {ms:#?}");
    }
}

#[test]
fn a_month_and_year_alone_on_a_short_line_does_not_date_the_page_fr_en() {
    // A banner over the story ("Promo Internet Septembre 2024"): 2 October 2024 was a
    // Wednesday, as 2 October 2019 was; the page names no year of its own.
    for text in [
        "Sidebar\n\nPromo Internet Septembre 2024\n\nLe mercredi 2 octobre, des bandits armés ont \
         attaqué le village de Barassoro et tué quatre personnes.",
        "Sidebar\n\nInternet Deals September 2024\n\nOn Wednesday, October 2, armed bandits \
         attacked the village of Barassoro and killed four people.",
    ] {
        let ms = undated(text);
        assert_eq!(ms.len(), 1, "{text}: {ms:#?}");
        assert!(ms[0].date.is_none(), "{text}: {ms:#?}");
    }
    // A month and year in a sentence still says which year the page tells.
    let ms = undated(
        "En septembre 2024, la région avait connu une accalmie. Le mercredi 2 octobre, des \
         bandits armés ont attaqué le village de Barassoro et tué quatre personnes.",
    );
    assert_eq!(days(&ms), vec!["2024-10-02"]);
}
