//! What a page's address says of when it came out. News sites file their pages by date
//! ("/2021/05/…", "/2024/07/21/…", "/20190515-…", an id that opens with the day,
//! "/stories/201905150173.html"): a page that states no publication date of its own still
//! tells its day or month there, and that is what anchors its "samedi" and "last week".

use chrono::NaiveDate;

/// When the page came out, as far as its address tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressDate {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
}

/// Years a news page's address can plausibly carry; other four-digit segments are ids.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// The date in `url`'s path, if it files the page by date. Only the path is read (not the
/// host, query or fragment), and only whole segments: a year segment followed by a month
/// segment (and a day segment), or a segment that opens with the whole date ("2019-05-15-…",
/// "20190515-…", "201905150173.html"). A number inside a title's slug ("/21-people-massacred")
/// is not a date.
pub fn date_in_address(url: &str) -> Option<AddressDate> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    for (i, segment) in segments.iter().enumerate() {
        if let Some(day) = opening_date(segment) {
            return Some(AddressDate::Day(day));
        }
        let Some(year) = number(segment, 4).filter(|y| YEARS.contains(y)) else {
            continue;
        };
        let Some(month) = segments.get(i + 1).and_then(|m| month_segment(m)) else {
            continue;
        };
        // The day is a segment of its own ("/2024/07/21/slug"); "/2024/07/21-people-…" is a
        // title that starts with a figure.
        let day = segments
            .get(i + 2)
            .filter(|_| i + 3 < segments.len() || path.ends_with('/'))
            .and_then(|d| number(d, 2))
            .and_then(|d| NaiveDate::from_ymd_opt(year, month, u32::try_from(d).ok()?));
        return Some(match day {
            Some(day) => AddressDate::Day(day),
            None => AddressDate::Month { year, month },
        });
    }
    None
}

/// A segment made of one to `max_digits` digits, as a number.
fn number(segment: &str, max_digits: usize) -> Option<i32> {
    (!segment.is_empty()
        && segment.len() <= max_digits
        && segment.bytes().all(|b| b.is_ascii_digit()))
    .then(|| segment.parse().ok())
    .flatten()
}

/// "05" or "5" as the month of a date path.
fn month_segment(segment: &str) -> Option<u32> {
    number(segment, 2)
        .and_then(|m| u32::try_from(m).ok())
        .filter(|m| (1..=12).contains(m))
}

/// A segment that opens with a whole date: "2019-05-15" then the end or a non-digit, or a run
/// of 8 to 14 digits whose first eight are the date (a date-stamped id or time stamp).
fn opening_date(segment: &str) -> Option<NaiveDate> {
    let bytes = segment.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let (year, month, day) = if digits == 4
        && bytes.get(4) == Some(&b'-')
        && bytes.get(7) == Some(&b'-')
        && segment.get(5..7)?.bytes().all(|b| b.is_ascii_digit())
        && segment.get(8..10)?.bytes().all(|b| b.is_ascii_digit())
        && bytes.get(10).is_none_or(|b| !b.is_ascii_digit())
    {
        (&segment[..4], &segment[5..7], &segment[8..10])
    } else if (8..=14).contains(&digits) {
        (&segment[..4], &segment[4..6], &segment[6..8])
    } else {
        return None;
    };
    let year: i32 = year.parse().ok().filter(|y| YEARS.contains(y))?;
    NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?)
}
