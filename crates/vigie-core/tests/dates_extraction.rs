//! Date expressions in French and English sentences written for these tests.

use chrono::Weekday;
use vigie_core::mentions::dates::{find_dates, DateExpr, MonthPart};

fn d(text: &str) -> Vec<(&str, DateExpr)> {
    find_dates(text)
        .into_iter()
        .map(|m| (&text[m.span.start..m.span.end], m.expr))
        .collect()
}

fn one(text: &str) -> (&str, DateExpr) {
    let got = d(text);
    assert_eq!(got.len(), 1, "{text:?} gave {got:?}");
    got[0]
}

fn full(year: i32, month: u32, day: u32) -> DateExpr {
    DateExpr::Full { year, month, day }
}

#[test]
fn full_dates_french_and_english() {
    assert_eq!(
        one("L'attaque a eu lieu le 11 janvier 2026 à Gao."),
        ("le 11 janvier 2026", full(2026, 1, 11))
    );
    assert_eq!(
        one("Le 1er juillet 2025, des hommes armés"),
        ("Le 1er juillet 2025", full(2025, 7, 1))
    );
    assert_eq!(
        one("le premier juillet 2025"),
        ("le premier juillet 2025", full(2025, 7, 1))
    );
    assert_eq!(
        one("On July 1, 2025, gunmen attacked"),
        ("On July 1, 2025", full(2025, 7, 1))
    );
    assert_eq!(
        one("on the 1st of July 2025"),
        ("1st of July 2025", full(2025, 7, 1))
    );
    assert_eq!(
        one("dimanche 6 juillet 2025"),
        ("dimanche 6 juillet 2025", full(2025, 7, 6))
    );
    assert_eq!(
        one("Sunday, July 6, 2025"),
        ("Sunday, July 6, 2025", full(2025, 7, 6))
    );
    assert_eq!(
        one("le 14 février 2024"),
        ("le 14 février 2024", full(2024, 2, 14))
    );
    assert_eq!(
        one("le 14 fevrier 2024"),
        ("le 14 fevrier 2024", full(2024, 2, 14))
    );
    assert_eq!(one("15 août 2025"), ("15 août 2025", full(2025, 8, 15)));
    assert_eq!(one("le 3 déc. 2025"), ("le 3 déc. 2025", full(2025, 12, 3)));
    assert_eq!(one("Jan. 5, 2026"), ("Jan. 5, 2026", full(2026, 1, 5)));
}

#[test]
fn numeric_dates_are_day_first() {
    assert_eq!(one("le 11/01/2026"), ("le 11/01/2026", full(2026, 1, 11)));
    assert_eq!(one("11.01.2026"), ("11.01.2026", full(2026, 1, 11)));
    assert_eq!(one("01/07/2025"), ("01/07/2025", full(2025, 7, 1)));
    assert_eq!(one("07/13/2025"), ("07/13/2025", full(2025, 7, 13)));
    assert_eq!(one("ISO 2026-01-11"), ("2026-01-11", full(2026, 1, 11)));
    assert!(d("31/02/2025").is_empty());
}

#[test]
fn time_of_day_prefixes_are_in_the_span() {
    assert_eq!(
        one("au petit matin du 11 janvier 2026, les jihadistes"),
        ("au petit matin du 11 janvier 2026", full(2026, 1, 11))
    );
    assert_eq!(
        one("à l’aube du 3 mars"),
        (
            "à l’aube du 3 mars",
            DateExpr::DayMonth { month: 3, day: 3 }
        )
    );
    assert_eq!(
        one("in the early hours of Sunday"),
        (
            "in the early hours of Sunday",
            DateExpr::Weekday {
                weekday: Weekday::Sun,
                night: false
            }
        )
    );
}

#[test]
fn day_and_month() {
    assert_eq!(
        one("le 28 octobre"),
        ("le 28 octobre", DateExpr::DayMonth { month: 10, day: 28 })
    );
    assert_eq!(
        one("Le 3 mars, l'armée"),
        ("Le 3 mars", DateExpr::DayMonth { month: 3, day: 3 })
    );
    assert_eq!(
        one("on July 1 the army"),
        ("on July 1", DateExpr::DayMonth { month: 7, day: 1 })
    );
    assert_eq!(
        one("le 1er juillet"),
        ("le 1er juillet", DateExpr::DayMonth { month: 7, day: 1 })
    );
    assert_eq!(
        one("1st of July"),
        ("1st of July", DateExpr::DayMonth { month: 7, day: 1 })
    );
    assert_eq!(
        one("du 3 au 5 mars"),
        ("3 au 5 mars", DateExpr::DayMonth { month: 3, day: 3 })
    );
    assert!(d("le 31 avril").is_empty());
}

#[test]
fn nights_give_their_first_day() {
    assert_eq!(
        one("dans la nuit du samedi au dimanche, des hommes armés"),
        (
            "dans la nuit du samedi au dimanche",
            DateExpr::Weekday {
                weekday: Weekday::Sat,
                night: true
            }
        )
    );
    assert_eq!(
        one("dans la nuit de samedi à dimanche"),
        (
            "dans la nuit de samedi à dimanche",
            DateExpr::Weekday {
                weekday: Weekday::Sat,
                night: true
            }
        )
    );
    assert_eq!(
        one("dans la nuit du 31 décembre au 1er janvier 2026"),
        (
            "dans la nuit du 31 décembre au 1er janvier 2026",
            full(2025, 12, 31)
        )
    );
    assert_eq!(
        one("dans la nuit du 5 au 6 juillet 2025"),
        ("dans la nuit du 5 au 6 juillet 2025", full(2025, 7, 5))
    );
    assert_eq!(
        one("mardi soir"),
        (
            "mardi soir",
            DateExpr::Weekday {
                weekday: Weekday::Tue,
                night: true
            }
        )
    );
    assert_eq!(
        one("on Saturday night"),
        (
            "on Saturday night",
            DateExpr::Weekday {
                weekday: Weekday::Sat,
                night: true
            }
        )
    );
}

#[test]
fn weekdays() {
    assert_eq!(
        one("Jeudi, des hommes armés"),
        (
            "Jeudi",
            DateExpr::Weekday {
                weekday: Weekday::Thu,
                night: false
            }
        )
    );
    assert_eq!(
        one("on Thursday gunmen"),
        (
            "on Thursday",
            DateExpr::Weekday {
                weekday: Weekday::Thu,
                night: false
            }
        )
    );
    assert_eq!(
        one("jeudi dernier"),
        (
            "jeudi dernier",
            DateExpr::Weekday {
                weekday: Weekday::Thu,
                night: false
            }
        )
    );
    assert_eq!(
        one("last Tuesday"),
        (
            "last Tuesday",
            DateExpr::Weekday {
                weekday: Weekday::Tue,
                night: false
            }
        )
    );
    assert_eq!(
        one("mercredi matin"),
        (
            "mercredi matin",
            DateExpr::Weekday {
                weekday: Weekday::Wed,
                night: false
            }
        )
    );
}

#[test]
fn months_and_years() {
    let my = |year, month, part| DateExpr::MonthYear { year, month, part };
    assert_eq!(
        one("en juillet 2025"),
        ("en juillet 2025", my(2025, 7, MonthPart::Whole))
    );
    assert_eq!(
        one("juillet 2025"),
        ("juillet 2025", my(2025, 7, MonthPart::Whole))
    );
    assert_eq!(
        one("early July 2025"),
        ("early July 2025", my(2025, 7, MonthPart::Early))
    );
    assert_eq!(
        one("fin juin 2025"),
        ("fin juin 2025", my(2025, 6, MonthPart::Late))
    );
    assert_eq!(
        one("mi-mars 2024"),
        ("mi-mars 2024", my(2024, 3, MonthPart::Mid))
    );
    assert_eq!(
        one("à la fin du mois de juin 2025"),
        (
            "à la fin du mois de juin 2025",
            my(2025, 6, MonthPart::Late)
        )
    );
    assert_eq!(
        one("début juillet"),
        (
            "début juillet",
            DateExpr::Month {
                month: 7,
                part: MonthPart::Early
            }
        )
    );
    assert_eq!(
        one("en juillet"),
        (
            "en juillet",
            DateExpr::Month {
                month: 7,
                part: MonthPart::Whole
            }
        )
    );
    assert_eq!(
        one("in early March"),
        (
            "in early March",
            DateExpr::Month {
                month: 3,
                part: MonthPart::Early
            }
        )
    );
    assert_eq!(
        one("depuis juillet"),
        (
            "juillet",
            DateExpr::Month {
                month: 7,
                part: MonthPart::Whole
            }
        )
    );
    assert_eq!(one("en 2022"), ("en 2022", DateExpr::Year { year: 2022 }));
    assert_eq!(
        one("since early 2025"),
        ("early 2025", DateExpr::Year { year: 2025 })
    );
}

#[test]
fn bare_or_ambiguous_month_words_are_not_dates() {
    assert!(d("Les habitants de Mars").is_empty());
    assert!(d("They may return, and march on.").is_empty());
    assert!(d("Ils étaient sept dans la voiture").is_empty());
    assert_eq!(
        one("in May 2025"),
        (
            "in May 2025",
            DateExpr::MonthYear {
                year: 2025,
                month: 5,
                part: MonthPart::Whole
            }
        )
    );
}

#[test]
fn relative_days_weeks_months() {
    assert_eq!(
        one("Hier, des hommes armés"),
        ("Hier", DateExpr::RelativeDays { days: -1 })
    );
    assert_eq!(
        one("avant-hier"),
        ("avant-hier", DateExpr::RelativeDays { days: -2 })
    );
    assert_eq!(
        one("aujourd’hui"),
        ("aujourd’hui", DateExpr::RelativeDays { days: 0 })
    );
    assert_eq!(
        one("ce matin"),
        ("ce matin", DateExpr::RelativeDays { days: 0 })
    );
    assert_eq!(
        one("yesterday"),
        ("yesterday", DateExpr::RelativeDays { days: -1 })
    );
    assert_eq!(
        one("the day before yesterday"),
        (
            "the day before yesterday",
            DateExpr::RelativeDays { days: -2 }
        )
    );
    assert_eq!(
        one("this morning"),
        ("this morning", DateExpr::RelativeDays { days: 0 })
    );
    assert_eq!(
        one("il y a trois jours"),
        ("il y a trois jours", DateExpr::RelativeDays { days: -3 })
    );
    assert_eq!(
        one("two days ago"),
        ("two days ago", DateExpr::RelativeDays { days: -2 })
    );
    assert_eq!(
        one("la semaine dernière"),
        ("la semaine dernière", DateExpr::RelativeWeeks { weeks: -1 })
    );
    assert_eq!(
        one("this week"),
        ("this week", DateExpr::RelativeWeeks { weeks: 0 })
    );
    assert_eq!(
        one("a week ago"),
        ("a week ago", DateExpr::RelativeWeeks { weeks: -1 })
    );
    assert_eq!(
        one("le mois dernier"),
        (
            "le mois dernier",
            DateExpr::RelativeMonths {
                months: -1,
                part: MonthPart::Whole
            }
        )
    );
    assert_eq!(
        one("earlier this month"),
        (
            "earlier this month",
            DateExpr::RelativeMonths {
                months: 0,
                part: MonthPart::Whole
            }
        )
    );
    assert_eq!(
        one("en début de mois"),
        (
            "en début de mois",
            DateExpr::RelativeMonths {
                months: 0,
                part: MonthPart::Early
            }
        )
    );
    assert_eq!(
        one("ce mois-ci"),
        (
            "ce mois-ci",
            DateExpr::RelativeMonths {
                months: 0,
                part: MonthPart::Whole
            }
        )
    );
}

#[test]
fn following_days_are_relative_to_the_previous_event() {
    assert_eq!(
        one("Le lendemain, l'armée"),
        ("Le lendemain", DateExpr::FollowingDay { days: 1 })
    );
    assert_eq!(
        one("the next day"),
        ("the next day", DateExpr::FollowingDay { days: 1 })
    );
    assert_eq!(
        one("the following day"),
        ("the following day", DateExpr::FollowingDay { days: 1 })
    );
    assert_eq!(
        one("la veille"),
        ("la veille", DateExpr::FollowingDay { days: -1 })
    );
    assert_eq!(
        one("the day before"),
        ("the day before", DateExpr::FollowingDay { days: -1 })
    );
    assert_eq!(
        one("deux jours plus tard"),
        ("deux jours plus tard", DateExpr::FollowingDay { days: 2 })
    );
    assert_eq!(
        one("three days later"),
        ("three days later", DateExpr::FollowingDay { days: 3 })
    );
    assert_eq!(
        one("une semaine plus tard"),
        ("une semaine plus tard", DateExpr::FollowingDay { days: 7 })
    );
}

#[test]
fn times_durations_ordinals_and_counts_are_not_dates() {
    for text in [
        "vers 4h du matin",
        "pendant 6 heures",
        "pendant trois jours",
        "for three days",
        "le 2e bataillon",
        "12 soldats ont été tués",
        "150 combattants",
        "à 14:30",
        "2025 a été une année difficile",
    ] {
        assert!(d(text).is_empty(), "{text:?} gave {:?}", d(text));
    }
}

#[test]
fn several_dates_in_order() {
    let text = "Le 3 mars 2025, Gao a été attaquée. Le lendemain, l'armée a riposté; en juillet, une autre attaque.";
    let got = d(text);
    assert_eq!(
        got,
        vec![
            ("Le 3 mars 2025", full(2025, 3, 3)),
            ("Le lendemain", DateExpr::FollowingDay { days: 1 }),
            (
                "en juillet",
                DateExpr::Month {
                    month: 7,
                    part: MonthPart::Whole
                }
            ),
        ]
    );
}

#[test]
fn a_january_date_written_with_last_years_number_is_told_by_its_weekday() {
    // 6 January 2024 was a Saturday, 6 January 2025 a Monday.
    assert_eq!(
        one("ce lundi 6 janvier 2024, des hommes armés"),
        ("ce lundi 6 janvier 2024", full(2025, 1, 6))
    );
    // 13 February 2024 was a Tuesday, 13 February 2025 a Thursday.
    assert_eq!(
        one("on Thursday, February 13, 2024, gunmen"),
        ("on Thursday, February 13, 2024", full(2025, 2, 13))
    );
    // The weekday fits the written year: nothing to correct.
    assert_eq!(
        one("ce mardi 7 janvier 2025"),
        ("ce mardi 7 janvier 2025", full(2025, 1, 7))
    );
    // Outside January and February a weekday that does not fit proves nothing about the year
    // (14 March 2024 was a Thursday, 14 March 2025 a Friday).
    assert_eq!(
        one("le vendredi 14 mars 2024"),
        ("le vendredi 14 mars 2024", full(2024, 3, 14))
    );
}

#[test]
fn a_year_glued_to_the_next_word_is_still_the_year() {
    // A space lost between two tags of a page: "9 février 2023à 16 h 45".
    assert_eq!(
        d("placé en garde à vue jeudi 9 février 2023à 16 h 45")
            .first()
            .map(|x| x.1),
        Some(full(2023, 2, 9))
    );
    assert_eq!(
        d("arrested on Thursday, February 9, 2023at 4:45 pm")
            .first()
            .map(|x| x.1),
        Some(full(2023, 2, 9))
    );
    // "The 1990s": a single letter after the digits is a suffix, not a word.
    assert!(
        !d("since February 9, 1990s")
            .iter()
            .any(|x| x.1 == full(1990, 2, 9)),
        "{:?}",
        d("since February 9, 1990s")
    );
}
