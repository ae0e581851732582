//! The day or month a page's address files it under, and what the document makes of it.

use chrono::NaiveDate;
use vigie_core::document::address::{date_in_address, AddressDate};
use vigie_core::{document, Article};

fn day(y: i32, m: u32, d: u32) -> Option<AddressDate> {
    NaiveDate::from_ymd_opt(y, m, d).map(AddressDate::Day)
}

#[test]
fn addresses_that_file_a_page_by_date() {
    let cases = [
        (
            "https://a.example/2024/07/21/wedding-attack/",
            day(2024, 7, 21),
        ),
        (
            "https://a.example/news/2019/11/03/claims-attack.html",
            day(2019, 11, 3),
        ),
        ("https://a.example/2021/12/06/", day(2021, 12, 6)),
        (
            "https://a.example/2021/5/mali-journaliste",
            Some(AddressDate::Month {
                year: 2021,
                month: 5,
            }),
        ),
        (
            "https://a.example/2024/07/21-people-massacred/",
            Some(AddressDate::Month {
                year: 2024,
                month: 7,
            }),
        ),
        (
            "https://a.example/2021/07/8-soldats-tues/",
            Some(AddressDate::Month {
                year: 2021,
                month: 7,
            }),
        ),
        (
            "https://a.example/stories/201905150173.html",
            day(2019, 5, 15),
        ),
        (
            "https://a.example/afrique/20190515-attaque-camp",
            day(2019, 5, 15),
        ),
        (
            "https://a.example/2022-03-09-attaque-de-tamalate",
            day(2022, 3, 9),
        ),
        (
            "a.example/2020/06/refugees-flee",
            Some(AddressDate::Month {
                year: 2020,
                month: 6,
            }),
        ),
    ];
    for (url, expected) in cases {
        assert_eq!(date_in_address(url), expected, "{url}");
    }
}

#[test]
fn addresses_that_do_not_date_a_page() {
    for url in [
        "https://a.example/article/148327/mali-attaque",
        // an id, not a date (month 75)
        "https://a.example/archives/2003755053",
        // a year alone, a year then a word, a number out of the years news is filed by
        "https://a.example/2019/attaque-de-koulogon",
        "https://a.example/1234/05/06/",
        // the host, the query and the fragment are not the path
        "https://2021.example.org/news",
        "https://a.example/story?date=2021/05/01",
        "https://a.example/story#2021/05/01",
        // a month that is not one, a day that does not exist
        "https://a.example/2021/13/item",
        "https://a.example/20210231-item",
        "",
        "not a url at all",
    ] {
        assert_eq!(date_in_address(url), None, "{url}");
    }
}

#[test]
fn the_document_takes_the_address_date_only_when_the_page_gives_none() {
    let mut a = Article::text("p", "Des hommes armés ont attaqué le village.");
    a.url = Some("https://exemple.info/2023/07/18/village-attaque/".into());
    let doc = document::build(&a);
    assert_eq!(doc.published, NaiveDate::from_ymd_opt(2023, 7, 18));
    assert_eq!(doc.published_month, None);
    // The article's own date wins.
    a.published = NaiveDate::from_ymd_opt(2023, 7, 20);
    assert_eq!(
        document::build(&a).published,
        NaiveDate::from_ymd_opt(2023, 7, 20)
    );
    // A month only: no publication day, the month kept beside it.
    let mut a = Article::text("p", "Gunmen attacked the village.");
    a.url = Some("https://example.com/2023/07/village-attacked/".into());
    let doc = document::build(&a);
    assert_eq!(doc.published, None);
    assert_eq!(doc.published_month, Some((2023, 7)));
    // A month with a publication day known: the day says more.
    a.published = NaiveDate::from_ymd_opt(2023, 7, 20);
    assert_eq!(document::build(&a).published_month, None);
}
