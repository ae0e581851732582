//! Resolution of date expressions to ACLED days and precisions.

use chrono::{NaiveDate, Weekday};
use vigie_core::mentions::dates::{anchor_from_text, find_dates, resolve, DateExpr, MonthPart};
use vigie_core::{EventDate, TimePrecision};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(date: NaiveDate, precision: TimePrecision) -> Option<EventDate> {
    Some(EventDate { date, precision })
}

/// Resolve the only date of `text` against `anchor`.
fn r(text: &str, anchor: Option<NaiveDate>) -> Option<EventDate> {
    let got = find_dates(text);
    assert_eq!(got.len(), 1, "{text:?} gave {got:?}");
    resolve(&got[0].expr, anchor, None)
}

#[test]
fn full_dates_need_no_anchor() {
    assert_eq!(
        r("le 11 janvier 2026", None),
        at(ymd(2026, 1, 11), TimePrecision::Day)
    );
    assert_eq!(
        r("July 1, 2025", Some(ymd(2026, 3, 1))),
        at(ymd(2025, 7, 1), TimePrecision::Day)
    );
}

#[test]
fn day_month_takes_the_anchor_year_or_the_year_before() {
    assert_eq!(
        r("le 28 décembre", Some(ymd(2026, 1, 3))),
        at(ymd(2025, 12, 28), TimePrecision::Day)
    );
    assert_eq!(
        r("le 28 octobre", Some(ymd(2025, 11, 2))),
        at(ymd(2025, 10, 28), TimePrecision::Day)
    );
    // A few days after the anchor is still the anchor's year (announced or mis-dated items).
    assert_eq!(
        r("le 5 janvier", Some(ymd(2026, 1, 3))),
        at(ymd(2026, 1, 5), TimePrecision::Day)
    );
    assert_eq!(
        r("le 20 janvier", Some(ymd(2026, 1, 3))),
        at(ymd(2025, 1, 20), TimePrecision::Day)
    );
    // 29 February goes back to the last leap year.
    assert_eq!(
        r("le 29 février", Some(ymd(2026, 3, 10))),
        at(ymd(2024, 2, 29), TimePrecision::Day)
    );
    assert_eq!(r("le 28 octobre", None), None);
}

#[test]
fn weekdays_are_the_latest_on_or_before_the_anchor() {
    // 2025-07-04 is a Friday.
    assert_eq!(
        r("jeudi", Some(ymd(2025, 7, 4))),
        at(ymd(2025, 7, 3), TimePrecision::Day)
    );
    assert_eq!(
        r("vendredi", Some(ymd(2025, 7, 4))),
        at(ymd(2025, 7, 4), TimePrecision::Day)
    );
    assert_eq!(
        r("Saturday", Some(ymd(2025, 7, 4))),
        at(ymd(2025, 6, 28), TimePrecision::Day)
    );
    assert_eq!(
        r("dans la nuit du samedi au dimanche", Some(ymd(2025, 7, 7))),
        at(ymd(2025, 7, 5), TimePrecision::Day)
    );
    // Across a year boundary: 2026-01-01 is a Thursday.
    assert_eq!(
        r("lundi", Some(ymd(2026, 1, 1))),
        at(ymd(2025, 12, 29), TimePrecision::Day)
    );
    assert_eq!(r("jeudi", None), None);
}

#[test]
fn relative_days_and_weeks() {
    assert_eq!(
        r("hier", Some(ymd(2026, 1, 1))),
        at(ymd(2025, 12, 31), TimePrecision::Day)
    );
    assert_eq!(
        r("avant-hier", Some(ymd(2025, 3, 1))),
        at(ymd(2025, 2, 27), TimePrecision::Day)
    );
    assert_eq!(
        r("today", Some(ymd(2025, 3, 1))),
        at(ymd(2025, 3, 1), TimePrecision::Day)
    );
    // 2025-07-04 is a Friday: last week is Mon 23 June .. Sun 29 June, middle Thursday 26.
    assert_eq!(
        r("last week", Some(ymd(2025, 7, 4))),
        at(ymd(2025, 6, 26), TimePrecision::Week)
    );
    // This week, told on Friday 4 July: what happened lies between Monday 30 June and the
    // telling, not on the week's Thursday; the middle of it is Wednesday 2 July.
    assert_eq!(
        r("cette semaine", Some(ymd(2025, 7, 4))),
        at(ymd(2025, 7, 2), TimePrecision::Week)
    );
    // Told on Thursday 3 July: Monday 30 June .. Thursday, middle Tuesday 1 July.
    assert_eq!(
        r("earlier this week", Some(ymd(2025, 7, 3))),
        at(ymd(2025, 7, 1), TimePrecision::Week)
    );
    assert_eq!(
        r("en début de semaine", Some(ymd(2025, 6, 30))),
        at(ymd(2025, 6, 30), TimePrecision::Week)
    );
    assert_eq!(r("hier", None), None);
}

#[test]
fn months_use_the_fifteenth_or_the_first_and_last_days() {
    assert_eq!(
        r("juillet 2025", None),
        at(ymd(2025, 7, 15), TimePrecision::Month)
    );
    assert_eq!(
        r("début juillet 2025", None),
        at(ymd(2025, 7, 1), TimePrecision::Month)
    );
    assert_eq!(
        r("fin février 2024", None),
        at(ymd(2024, 2, 29), TimePrecision::Month)
    );
    assert_eq!(
        r("mi-mars 2024", None),
        at(ymd(2024, 3, 15), TimePrecision::Month)
    );
    assert_eq!(
        r("en juillet", Some(ymd(2025, 9, 2))),
        at(ymd(2025, 7, 15), TimePrecision::Month)
    );
    assert_eq!(
        r("en décembre", Some(ymd(2026, 1, 3))),
        at(ymd(2025, 12, 15), TimePrecision::Month)
    );
    assert_eq!(
        r("le mois dernier", Some(ymd(2026, 1, 3))),
        at(ymd(2025, 12, 15), TimePrecision::Month)
    );
    assert_eq!(
        r("à la fin du mois dernier", Some(ymd(2025, 3, 3))),
        at(ymd(2025, 2, 28), TimePrecision::Month)
    );
    assert_eq!(
        r("earlier this month", Some(ymd(2025, 3, 20))),
        at(ymd(2025, 3, 15), TimePrecision::Month)
    );
}

#[test]
fn years_are_not_codable() {
    assert_eq!(r("en 2022", Some(ymd(2025, 3, 1))), None);
}

#[test]
fn following_days_keep_the_previous_precision() {
    let prev = EventDate {
        date: ymd(2025, 12, 31),
        precision: TimePrecision::Day,
    };
    let next = DateExpr::FollowingDay { days: 1 };
    assert_eq!(
        resolve(&next, Some(ymd(2026, 1, 10)), Some(prev)),
        at(ymd(2026, 1, 1), TimePrecision::Day)
    );
    let week = EventDate {
        date: ymd(2025, 6, 26),
        precision: TimePrecision::Week,
    };
    assert_eq!(
        resolve(&DateExpr::FollowingDay { days: -1 }, None, Some(week)),
        at(ymd(2025, 6, 25), TimePrecision::Week)
    );
    assert_eq!(resolve(&next, Some(ymd(2026, 1, 10)), None), None);
}

#[test]
fn month_part_resolution_directly() {
    let e = DateExpr::Month {
        month: 2,
        part: MonthPart::Late,
    };
    assert_eq!(
        resolve(&e, Some(ymd(2025, 3, 1)), None),
        at(ymd(2025, 2, 28), TimePrecision::Month)
    );
    let w = DateExpr::Weekday {
        weekday: Weekday::Sun,
        night: true,
    };
    assert_eq!(
        resolve(&w, Some(ymd(2025, 7, 6)), None),
        at(ymd(2025, 7, 6), TimePrecision::Day)
    );
}

#[test]
fn anchor_is_the_latest_full_date() {
    let text = "Le 3 mars 2025, une attaque. Le 28 octobre, une autre. Publié le 2 novembre 2025. Rappel: 12/01/2024.";
    let found = find_dates(text);
    assert_eq!(anchor_from_text(text, &found), Some(ymd(2025, 11, 2)));
    assert_eq!(
        anchor_from_text("le 28 octobre, hier", &find_dates("le 28 octobre, hier")),
        None
    );
}

#[test]
fn a_year_named_alone_anchors_a_weekday_only_in_its_own_calendar() {
    // 19 May was a Thursday in 2022 and in 2016, a Friday in 2017: a page telling of "Thursday,
    // May 19" that names only 2017 (for something recalled) does not say which year it is.
    let text = "Two farmers were abducted on Thursday, May 19, near the town. A nun was kidnapped \
                in 2017 in the same area.";
    assert_eq!(anchor_from_text(text, &find_dates(text)), None);
    let text =
        "Deux agriculteurs ont été enlevés le jeudi 19 mai près de la ville. Une religieuse \
                avait été enlevée en 2017 dans la même zone.";
    assert_eq!(anchor_from_text(text, &find_dates(text)), None);
    // Named in a full date, the year and its neighbours are tried (a story of January told
    // beside a date of the December before).
    let text = "Le 30 décembre 2021, une patrouille a été attaquée. Le mardi 4 janvier, des \
                hommes armés ont tué trois bergers.";
    assert_eq!(
        anchor_from_text(text, &find_dates(text)),
        Some(ymd(2022, 1, 4))
    );
    // The year's own calendar still counts: 19 May 2022 was a Thursday.
    let text = "Two farmers were abducted on Thursday, May 19, near the town, the second \
                kidnapping there in 2022.";
    assert_eq!(
        anchor_from_text(text, &find_dates(text)),
        Some(ymd(2022, 5, 19))
    );
}

#[test]
fn a_weekday_that_fits_no_named_year_is_of_the_first_year_after_them_fr_en() {
    // 11 July was a Tuesday in 2017, not in 2015 or 2016: the full date of 2015 is of something
    // the page recalls, and the page tells the news of a later year — the first with that
    // weekday on that day.
    let text = "Dix combattants ont été tués hier mardi 11 juillet près de la ville. La localité \
                était sous le contrôle du groupe depuis le 17 août 2015.";
    assert_eq!(
        anchor_from_text(text, &find_dates(text)),
        Some(ymd(2017, 7, 11))
    );
    let text = "Ten fighters were killed on Tuesday, July 11, near the town, held by the group \
                since August 17, 2015.";
    assert_eq!(
        anchor_from_text(text, &find_dates(text)),
        Some(ymd(2017, 7, 11))
    );
    // (2 July was a Sunday in 2017: "février 2015" dates what the page recalls)
    let text = "Dimanche 2 juillet, des hommes armés ont enlevé 37 femmes. La première offensive \
                du groupe dans la région date de février 2015.";
    assert_eq!(
        anchor_from_text(text, &find_dates(text)),
        Some(ymd(2017, 7, 2))
    );
}

#[test]
fn a_weekday_far_from_every_named_year_leaves_the_page_without_a_year_fr_en() {
    // 11 July was a Tuesday in 2006 and 2017: more than four years after the recalled date,
    // nothing says which.
    let text = "Dix combattants ont été tués hier mardi 11 juillet près de la ville. La localité \
                était sous le contrôle du groupe depuis le 17 août 2011.";
    assert_eq!(anchor_from_text(text, &find_dates(text)), None);
    // A year named alone (a movement's founding, an old war) is no recalled date.
    let text = "Ten fighters were killed on Tuesday, July 11, near the town. The group was \
                founded in 2015.";
    assert_eq!(anchor_from_text(text, &find_dates(text)), None);
    // Without a weekday the latest full date still anchors the page.
    let text = "Dix combattants ont été tués le 11 juillet près de la ville, tenue par le groupe \
                depuis le 17 août 2015.";
    assert_eq!(
        anchor_from_text(text, &find_dates(text)),
        Some(ymd(2015, 8, 17))
    );
}

#[test]
fn a_year_that_opens_a_period_is_not_the_pages_year_fr_en() {
    // 6 June was a Saturday in 2015 and in 2020: "since 2015" says only that the page is later.
    let text = "Vingt personnes ont péri dans l'attaque de leur village, samedi 06 juin, par des \
                individus armés. Le centre du pays est, depuis 2015, le théâtre d'attaques.";
    assert_eq!(anchor_from_text(text, &find_dates(text)), None);
    let text = "Twenty people died when their village was attacked on Saturday, June 6. The \
                centre of the country has seen attacks since 2015.";
    assert_eq!(anchor_from_text(text, &find_dates(text)), None);
    // A period that began in a month says the page is later, in that year or the next.
    let text = "Six gardes ont été tués le mardi 08 février dans le parc. Le nord du pays est \
                confronté depuis fin novembre 2021 à des incursions armées.";
    assert_eq!(
        anchor_from_text(text, &find_dates(text)),
        Some(ymd(2022, 2, 8))
    );
    let text = "Six rangers were killed on Tuesday, February 8, in the park. The north has faced \
                armed incursions since late November 2021.";
    assert_eq!(
        anchor_from_text(text, &find_dates(text)),
        Some(ymd(2022, 2, 8))
    );
    // A year the story is told in still anchors it.
    let text = "Vingt personnes ont péri dans l'attaque de leur village, samedi 06 juin, la pire \
                attaque de 2020 dans la région.";
    assert_eq!(
        anchor_from_text(text, &find_dates(text)),
        Some(ymd(2020, 6, 6))
    );
}

#[test]
fn yesterday_followed_by_its_date_is_that_date() {
    let text = "Les affrontements ont opposé, hier mardi 11 juillet, deux groupes armés.";
    let found = find_dates(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        resolve(&found[0].expr, Some(ymd(2017, 7, 12)), None),
        at(ymd(2017, 7, 11), TimePrecision::Day)
    );
    // Counted from a later day (a page dated when it was put online), the named day still wins.
    assert_eq!(
        resolve(&found[0].expr, Some(ymd(2017, 7, 14)), None),
        at(ymd(2017, 7, 11), TimePrecision::Day)
    );
    let text = "The two groups clashed yesterday, Tuesday July 11, north of the town.";
    let found = find_dates(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        resolve(&found[0].expr, Some(ymd(2017, 7, 12)), None),
        at(ymd(2017, 7, 11), TimePrecision::Day)
    );
    // A weekday after "hier" is the day meant, on a page put online the day after it was
    // written (Monday 30 November) as on one dated right.
    for (text, published) in [
        (
            "La militante a été interpellée hier samedi chez elle.",
            ymd(2020, 11, 30),
        ),
        (
            "The activist was arrested at her home yesterday, Saturday.",
            ymd(2020, 11, 30),
        ),
        (
            "La militante a été interpellée hier samedi chez elle.",
            ymd(2020, 11, 29),
        ),
    ] {
        let found = find_dates(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            resolve(&found[0].expr, Some(published), None),
            at(ymd(2020, 11, 28), TimePrecision::Day),
            "{text} {published}"
        );
    }
    // "Hier" alone still counts from the page.
    let found = find_dates("Les affrontements ont eu lieu hier près de la ville.");
    assert_eq!(
        resolve(&found[0].expr, Some(ymd(2017, 7, 12)), None),
        at(ymd(2017, 7, 11), TimePrecision::Day)
    );
}

#[test]
fn a_month_not_over_when_told_is_coded_before_the_telling_fr_en() {
    // Told on 14 November: between the 1st and the 14th, middle the 7th, not the 15th.
    let told = Some(ymd(2025, 11, 14));
    for text in [
        "earlier this month",
        "plus tôt ce mois-ci",
        "en novembre",
        "in November",
    ] {
        assert_eq!(
            r(text, told),
            at(ymd(2025, 11, 7), TimePrecision::Month),
            "{text}"
        );
    }
    // A month already over keeps its 15th.
    assert_eq!(
        r("en octobre", told),
        at(ymd(2025, 10, 15), TimePrecision::Month)
    );
    // Told on the 20th: the 15th is not after it.
    assert_eq!(
        r("in November", Some(ymd(2025, 11, 20))),
        at(ymd(2025, 11, 15), TimePrecision::Month)
    );
}

#[test]
fn a_night_early_in_the_year_written_with_last_year_s_number_takes_its_weekday_s_year() {
    // Sunday 31 January was in 2021, not 2020: the writer slipped on the year.
    for text in [
        "dans la nuit du dimanche 31 janvier au lundi 1er février 2020",
        "dans la nuit du dimanche 31 janvier 2020",
        "in the night of Sunday, January 31, 2020",
    ] {
        let got = find_dates(text);
        assert_eq!(
            got.first().map(|m| m.expr),
            Some(DateExpr::Full {
                year: 2021,
                month: 1,
                day: 31
            }),
            "{text:?} gave {got:?}"
        );
    }
}
