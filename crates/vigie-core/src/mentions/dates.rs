//! Dates in text (absolute, partial, weekdays, relative) and their resolution to ACLED days.
//!
//! [`find_dates`] finds date expressions in French and English; [`resolve`] turns one into an
//! [`EventDate`] (ACLED coded day + time precision) against an anchor date (the publication
//! date, or [`anchor_from_text`] when there is none) and the previously resolved event date
//! (for "le lendemain", "two days later"). Month names, weekdays and relative phrases are data
//! (`data/dates_months.tsv`, `data/dates_weekdays.tsv`, `data/dates_relative.tsv`), parsed once;
//! matching is one pass over the token stream shared with the quantity extractor.
//!
//! # Spans
//!
//! A match covers the whole expression including "le"/"en"/"in"/"on" before it and time-of-day
//! words ("au petit matin du 11 janvier 2026", "dans la nuit du samedi au dimanche",
//! "mardi soir"), but not "depuis"/"since"/"during", which only serve as cues.
//!
//! # Reading rules
//!
//! - Numeric dates are day-first ("01/07/2025" = 1 July 2025) unless that is impossible
//!   ("07/13/2025" = 13 July); ISO "2025-07-01" is year-month-day.
//! - A bare month ("juillet") or year ("2022") is only a date after a cue ("en juillet",
//!   "in 2022", "since 2022", "fin juin", "mi-mars", "early 2025"). "May", "March", "August"
//!   must be capitalised; abbreviations ("janv.", "Sept.") need a dot or a following number.
//! - "early/début/late/fin 2025" (a part of a year) is a [`DateExpr::Year`]: not codable.
//! - Night phrases ("dans la nuit du samedi au dimanche", "la nuit du 5 au 6 juillet") give the
//!   first day; a day range ("du 3 au 5 mars") gives its first day.
//! - "jeudi dernier" / "last Thursday" read like "jeudi": the latest Thursday on or before the
//!   anchor.
//!
//! # Resolution ([`resolve`])
//!
//! | expression | date | precision |
//! |---|---|---|
//! | `Full` | itself | Day |
//! | `DayMonth` | in the anchor's year, or the year before when that would put it more than 7 days after the anchor | Day |
//! | `MonthYear`, `Month`, `RelativeMonths` | the 15th (`Whole`, `Mid`), the 1st (`Early`), the last day (`Late`) | Month |
//! | `Month` | year of the anchor, or the year before when the month is after the anchor's | Month |
//! | `Weekday` | the latest such weekday on or before the anchor (the anchor itself if it is one) | Day |
//! | `RelativeDays` | anchor + days | Day |
//! | `RelativeWeeks` | Thursday (middle) of the ISO week anchor + weeks; this week: the middle of Monday..anchor | Week |
//! | `FollowingDay` | previous event date + days | the previous one's |
//! | `Year` | None (less precise than a month is not coded) | |
//!
//! Everything but `Full`, `MonthYear` and `Year` needs an anchor (or a previous date for
//! `FollowingDay`); without one `resolve` returns None. Today's date is never used.

use super::quantity::{numeric_date, tokenize, Gap, Kind, Phrases, Tok, NO_ID, QLEX, VOCAB};
use crate::lexicon;
use crate::model::{EventDate, Span, TimePrecision};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::collections::HashMap;
use std::sync::LazyLock;

pub(crate) const MONTHS_TSV: &str = include_str!("../../data/dates_months.tsv");
pub(crate) const WEEKDAYS_TSV: &str = include_str!("../../data/dates_weekdays.tsv");
pub(crate) const RELATIVE_TSV: &str = include_str!("../../data/dates_relative.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateExpr {
    /// "11 janvier 2026", "1er juillet 2025", "July 1, 2025", "2025-07-01", "01/07/2025".
    Full { year: i32, month: u32, day: u32 },
    /// "28 octobre", "July 1", "le 3 mars".
    DayMonth { month: u32, day: u32 },
    /// "juillet 2025", "early July 2025", "fin juin 2025", "mi-mars 2024".
    MonthYear {
        year: i32,
        month: u32,
        part: MonthPart,
    },
    /// "en juillet", "in early March" (year from the anchor).
    Month { month: u32, part: MonthPart },
    /// "en 2022", "since early 2025": not codable (resolves to None).
    Year { year: i32 },
    /// "jeudi", "Thursday", "dans la nuit du samedi au dimanche" (night, the first day).
    Weekday { weekday: Weekday, night: bool },
    /// "hier" -1, "avant-hier" -2, "aujourd'hui" 0, "yesterday" -1, "last night" -1.
    RelativeDays { days: i64 },
    /// "la semaine dernière" -1, "this week" 0.
    RelativeWeeks { weeks: i64 },
    /// "le mois dernier" -1, "earlier this month" 0, "en début de mois" 0 early.
    RelativeMonths { months: i64, part: MonthPart },
    /// "le lendemain" +1, "la veille" -1, "deux jours plus tard" +2: from the previous event.
    FollowingDay { days: i64 },
    /// "Le 12, une patrouille…", "On the 12th, …": a day of the publication month (of the
    /// month before when that day has not come yet).
    DayOfMonth { day: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MonthPart {
    Whole,
    Early,
    Mid,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    pub span: Span,
    pub expr: DateExpr,
}

/// All date expressions of `text`, in order, non-overlapping (longest at each place).
/// The weekday a folded word names ("vendredi", "friday"), from `data/dates_weekdays.tsv`.
pub fn weekday_named(word: &str) -> Option<Weekday> {
    static NAMES: LazyLock<HashMap<String, Weekday>> = LazyLock::new(|| {
        lexicon::rows(WEEKDAYS_TSV)
            .filter_map(|row| {
                let (w, d) = (row.first()?, row.get(1)?.parse::<Weekday>().ok()?);
                Some((lexicon::fold(w), d))
            })
            .collect()
    });
    NAMES.get(word).copied()
}

pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let lex = &*DLEX;
    let toks = tokenize(text, &VOCAB);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Every expression starts with a digit or a lexicon word.
        if toks[i].kind != Kind::Num && (toks[i].id == NO_ID || !lex.start[toks[i].id as usize]) {
            i += 1;
            continue;
        }
        match lex.parse_at(text, &toks, i) {
            Some((s, e, expr)) => {
                let mut m = DateMatch {
                    span: Span::new(toks[s].start, toks[e - 1].end),
                    expr,
                };
                m.expr = new_year_slip(text, &m).unwrap_or(m.expr);
                match out.last_mut() {
                    Some(prev) if apposition(text, prev, &m) => {
                        prev.span.end = m.span.end;
                        prev.expr = m.expr;
                    }
                    _ => out.push(m),
                }
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// "Hier mardi 11 juillet", "yesterday, Tuesday July 11", "hier samedi": a day told relative
/// to the page, then named. The named day is the one meant: counting "hier" from a page whose
/// date is unknown or a day late (a page written one day, put online the next) would move the
/// event, and the weekday that follows belongs to the date.
fn apposition(text: &str, prev: &DateMatch, next: &DateMatch) -> bool {
    matches!(prev.expr, DateExpr::RelativeDays { days } if (-2..=0).contains(&days))
        && matches!(
            next.expr,
            DateExpr::DayMonth { .. } | DateExpr::Full { .. } | DateExpr::Weekday { .. }
        )
        && text
            .get(prev.span.end..next.span.start)
            .is_some_and(|gap| gap.len() <= 3 && gap.chars().all(|c| c.is_whitespace() || c == ','))
}

/// Resolve against `anchor` (the publication date, or when unknown the article's own anchor
/// date — the caller passes it) and `previous` (the date of the event the text last spoke of,
/// for `FollowingDay`). See the module documentation for the rules.
pub fn resolve(
    expr: &DateExpr,
    anchor: Option<NaiveDate>,
    previous: Option<EventDate>,
) -> Option<EventDate> {
    let day = |date: NaiveDate| {
        Some(EventDate {
            date,
            precision: TimePrecision::Day,
        })
    };
    // A month not yet over when the text was written ("earlier this month", told on the
    // 14th): the event lies between the 1st and the anchor, so its coded day is the middle of
    // that stretch, never a day after the telling.
    let month = |date: NaiveDate| {
        let date = match anchor {
            Some(a) if a < date && (a.year(), a.month()) == (date.year(), date.month()) => {
                // ("late November", told on the 14th: the days just before it)
                let late = date.day() > 15;
                let day = if late { a.day() } else { a.day().div_ceil(2) };
                a.with_day(day).unwrap_or(date)
            }
            _ => date,
        };
        Some(EventDate {
            date,
            precision: TimePrecision::Month,
        })
    };
    match *expr {
        DateExpr::Full {
            year,
            month: m,
            day: d,
        } => day(NaiveDate::from_ymd_opt(year, m, d)?),
        DateExpr::DayMonth { month: m, day: d } => {
            let a = anchor?;
            let limit = a.checked_add_days(Days::new(7))?;
            let date = [
                a.year(),
                a.year() - 1,
                a.year() - 2,
                a.year() - 3,
                a.year() - 4,
            ]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
            .find(|date| *date <= limit)?;
            day(date)
        }
        DateExpr::MonthYear {
            year,
            month: m,
            part,
        } => month(month_day(year, m, part)?),
        DateExpr::Month { month: m, part } => {
            let a = anchor?;
            let year = if m > a.month() {
                a.year() - 1
            } else {
                a.year()
            };
            month(month_day(year, m, part)?)
        }
        DateExpr::Year { .. } => None,
        DateExpr::Weekday { weekday, .. } => {
            let a = anchor?;
            let back = (i64::from(a.weekday().num_days_from_monday())
                - i64::from(weekday.num_days_from_monday()))
            .rem_euclid(7);
            day(a.checked_sub_days(Days::new(back as u64))?)
        }
        DateExpr::RelativeDays { days } => day(add_days(anchor?, days)?),
        DateExpr::RelativeWeeks { weeks } => {
            let a = anchor?;
            let monday =
                a.checked_sub_days(Days::new(u64::from(a.weekday().num_days_from_monday())))?;
            // "Earlier this week", told on Thursday: between Monday and the day of telling,
            // not the week's Thursday, which may lie after it.
            let middle_offset = if weeks == 0 {
                i64::from(a.weekday().num_days_from_monday()) / 2
            } else {
                weeks.checked_mul(7)?.checked_add(3)?
            };
            let mid = add_days(monday, middle_offset)?;
            Some(EventDate {
                date: mid,
                precision: TimePrecision::Week,
            })
        }
        DateExpr::RelativeMonths { months, part } => {
            let a = anchor?;
            let first = a.with_day(1)?;
            let shifted = if months >= 0 {
                first.checked_add_months(Months::new(u32::try_from(months).ok()?))?
            } else {
                first.checked_sub_months(Months::new(u32::try_from(-months).ok()?))?
            };
            month(month_day(shifted.year(), shifted.month(), part)?)
        }
        DateExpr::DayOfMonth { day: d } => {
            let a = anchor?;
            let this_month = NaiveDate::from_ymd_opt(a.year(), a.month(), d).filter(|x| *x <= a);
            match this_month {
                Some(x) => day(x),
                None => {
                    let before = a.with_day(1)?.pred_opt()?;
                    day(NaiveDate::from_ymd_opt(before.year(), before.month(), d)?)
                }
            }
        }
        DateExpr::FollowingDay { days } => {
            let p = previous?;
            Some(EventDate {
                date: add_days(p.date, days)?,
                precision: p.precision,
            })
        }
    }
}

pub use crate::document::page_date_line;

/// The weekday a date expression starts with or follows ("dimanche 9 juin", "Tuesday,
/// December 24"), looked for among its first `reach` words.
fn leading_weekday(text: &str, m: &DateMatch, reach: usize) -> Option<Weekday> {
    // (the span may open with a cue word: "on Tuesday, December 24")
    let weekday_of = |words: &str| {
        let toks = tokenize(words, &VOCAB);
        (0..reach).find_map(|i| DLEX.weekday_at(&toks, i))
    };
    let inside = text.get(m.span.start..m.span.end)?;
    weekday_of(inside).or_else(|| {
        let before = text.get(m.span.start.saturating_sub(16)..m.span.start)?;
        let before = before.trim_end().trim_end_matches(',').trim_end();
        weekday_of(before.rsplit(char::is_whitespace).next()?)
    })
}

/// A full date written early in a year with the previous year's number ("jeudi 9 janvier 2019"
/// in a report of January 2020), told by its weekday: in January and February, when the
/// weekday the text gives is not that day's in the written year but is in the next one, the
/// next year is meant. Writers slip on the year far more often than on a weekday they have just
/// lived; in other months a weekday that does not fit is left to the other rules.
fn new_year_slip(text: &str, m: &DateMatch) -> Option<DateExpr> {
    let DateExpr::Full { year, month, day } = m.expr else {
        return None;
    };
    if month > 2 {
        return None;
    }
    // ("dans la nuit du dimanche 31 janvier": the weekday may come after four words)
    let weekday = leading_weekday(text, m, 5)?;
    let written = NaiveDate::from_ymd_opt(year, month, day)?;
    let next = NaiveDate::from_ymd_opt(year + 1, month, day)?;
    (written.weekday() != weekday && next.weekday() == weekday).then_some(DateExpr::Full {
        year: year + 1,
        month,
        day,
    })
}

/// The date the article itself gives as its frame of reference when it has no publication
/// date, from the most to the least telling:
/// 1. the page's own date line ("date 2019-11-03");
/// 2. a weekday with its day and month ("dimanche 9 juin"): the year, among those the page
///    names (its date line's first) — or the one after or before its date line's year and the
///    years of its dates with a day or month — whose calendar has that weekday on that day;
///    failing those, the first such year in the few after the latest year of those dates
///    (a page recalls older events with their dates: "depuis le 17 août 2015");
/// 3. the end of the month of the page's date line ("date 2021-01");
/// 4. the latest full date (day, month and year) the text mentions — unless a weekday with its
///    day and month (rule 2) fits none of the page's years: then the page's year is unknown.
///
/// None when the text gives none of these.
pub fn anchor_from_text(text: &str, matches: &[DateMatch]) -> Option<NaiveDate> {
    page_anchor(text, matches, None).map(|a| a.0)
}

/// [`anchor_from_text`], and how precisely the page knows it: `Month` when only the month
/// of its date line is known (rule 3), so that a weekday or "hier" counted from it is known
/// only to the month. `month_out` is the month the page came out when known from elsewhere
/// (its address): it stands for a date line the text lacks.
pub fn page_anchor(
    text: &str,
    matches: &[DateMatch],
    month_out: Option<(i32, u32)>,
) -> Option<(NaiveDate, TimePrecision)> {
    let line = page_date_line(text)
        .or_else(|| month_out.map(|(year, month)| (Span::new(0, 0), year, month, None)));
    if let Some((_, year, month, Some(day))) = line {
        return NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, TimePrecision::Day));
    }
    let outside_line = |m: &&DateMatch| line.is_none_or(|(span, ..)| m.span.start >= span.end);
    // (year, which of its calendars may be meant): a weekday fits one year in seven, so the
    // neighbours of a year are tried only for the page's own date line and dates with a day or
    // month. A year named alone is often that of something recalled ("a nun was kidnapped in
    // 2017"): only its own calendar counts. A period the story is in ("depuis fin novembre
    // 2021", "since 2015") says the page is later: its start's year or the next when a month
    // or day comes with it and the story's day falls after it; a year alone says nothing of
    // how much later.
    let mut years: Vec<(i32, YearTries)> =
        line.iter().map(|l| (l.1, YearTries::Neighbours)).collect();
    // ("Sidebar / Airtel Ban Septembre 2024": a month and year alone on a short line is a
    // banner's or an archive list's, not the page's year)
    let furniture: Vec<Span> = matches
        .iter()
        .filter(|m| {
            matches!(m.expr, DateExpr::MonthYear { .. }) && alone_on_a_short_line(text, m.span)
        })
        .map(|m| m.span)
        .collect();
    let mut named: Vec<(i32, YearTries)> = matches
        .iter()
        .filter(outside_line)
        .filter(|m| !furniture.contains(&m.span))
        .filter_map(|m| {
            let period = opens_a_period(text, m.span.start);
            match m.expr {
                DateExpr::Full { year, month, day } if period => Some((
                    year,
                    YearTries::After(NaiveDate::from_ymd_opt(year, month, day)?),
                )),
                DateExpr::MonthYear { year, month, .. } if period => Some((
                    year,
                    YearTries::After(NaiveDate::from_ymd_opt(
                        year,
                        month,
                        last_day(year, month)?,
                    )?),
                )),
                DateExpr::Full { year, .. } | DateExpr::MonthYear { year, .. } => {
                    Some((year, YearTries::Neighbours))
                }
                DateExpr::Year { .. } if period => None,
                DateExpr::Year { year } => Some((year, YearTries::Own)),
                _ => None,
            }
        })
        .collect();
    // Any year the text names, even outside a date ("the 2019 offensive"), after those.
    static YEAR: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"\b(?:19|20)\d\d\b").expect("year pattern"));
    let from = line.map_or(0, |(span, ..)| span.end);
    let mut bare: Vec<(i32, YearTries)> = YEAR
        .find_iter(text.get(from..).unwrap_or(""))
        .filter(|y| !opens_a_period(text, from + y.start()))
        .filter(|y| {
            let at = from + y.start();
            !furniture.iter().any(|f| f.start <= at && at < f.end)
        })
        .filter_map(|y| Some((y.as_str().parse().ok()?, YearTries::Own)))
        .collect();
    named.sort_unstable_by_key(|y| std::cmp::Reverse(y.0));
    bare.sort_unstable_by_key(|y| std::cmp::Reverse(y.0));
    years.extend(named);
    years.extend(bare);
    // A page whose own "mardi 11 juillet" fits none of the years it names is of a year it does
    // not say: the full dates it gives are of things it recalls, not its frame of reference.
    let mut weekday_fits_no_year = false;
    for m in matches.iter().filter(outside_line) {
        let DateExpr::DayMonth { month, day } = m.expr else {
            continue;
        };
        let Some(weekday) = leading_weekday(text, m, 2) else {
            continue;
        };
        let found = years.iter().find_map(|&(y, tries)| {
            let (tried, after): (&[i32], _) = match tries {
                YearTries::Own => (&[y], None),
                YearTries::Neighbours => (&[y, y + 1, y - 1], None),
                YearTries::After(start) => (&[y, y + 1], Some(start)),
            };
            tried.iter().find_map(|&y| {
                NaiveDate::from_ymd_opt(y, month, day)
                    .filter(|d| d.weekday() == weekday && after.is_none_or(|a| *d > a))
            })
        });
        if let Some(found) = found {
            return Some((found, TimePrecision::Day));
        }
        // None of the years it names: a page tells the news of its own year and recalls older
        // events with their month ("la première offensive date de février 2015"), so the
        // story's day is the first one after the latest such year, within a few years, with
        // that weekday.
        // (years of dates with a month: a bare year is as often a movement's founding or an
        // old war's as a recent event's)
        let latest = years
            .iter()
            .filter(|(_, tries)| !matches!(tries, YearTries::Own))
            .map(|&(y, _)| y)
            .max();
        let after_latest = latest.and_then(|latest| {
            (latest + 1..=latest + WEEKDAY_YEARS_AFTER_NAMED).find_map(|y| {
                NaiveDate::from_ymd_opt(y, month, day).filter(|d| d.weekday() == weekday)
            })
        });
        if let Some(found) = after_latest {
            return Some((found, TimePrecision::Day));
        }
        weekday_fits_no_year = true;
    }
    if let Some((_, year, month, None)) = line {
        return NaiveDate::from_ymd_opt(year, month, last_day(year, month)?)
            .map(|d| (d, TimePrecision::Month));
    }
    if weekday_fits_no_year {
        return None;
    }
    matches
        .iter()
        .filter(outside_line)
        .filter_map(|m| match m.expr {
            DateExpr::Full { year, month, day } => NaiveDate::from_ymd_opt(year, month, day),
            _ => None,
        })
        .max()
        .map(|d| (d, TimePrecision::Day))
}

/// Does the date at `span` stand on a line of a few words with no sentence in it (a banner, an
/// archive link: "Airtel Ban Septembre 2024", "Octobre 2019")?
fn alone_on_a_short_line(text: &str, span: Span) -> bool {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let line = &text[start..end];
    line.split_whitespace().count() <= 6 && !line.contains(['.', '!', '?', ','])
}

/// How many years after the latest year a page names its weekday-dated story may lie.
const WEEKDAY_YEARS_AFTER_NAMED: i32 = 4;

/// What a full date on the first line of a page tells, when the page's publication date is not
/// known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopDate {
    /// After the place the story was filed from and closed by a period ("Koumbri, 4 septembre
    /// 2023. Une attaque…"): the dispatch's date, when the page came out.
    Dateline(NaiveDate),
    /// Alone on the line, with its weekday or time ("Friday, June 9, 2023", "jeudi, 28 mars
    /// 2024 08:41"): the site's date of the day it was read, page furniture — months or years
    /// after the story on the pages where it could be checked. The index of its match.
    Today(usize),
}

/// The first line's full date, when it is a [`TopDate`]. A first line that tells something on
/// that day ("Dimanche 14 novembre 2021, des hommes armés…", "Le 8 août 2020, …") is neither.
pub fn top_date(text: &str, matches: &[DateMatch]) -> Option<TopDate> {
    static BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^\s*(\p{Lu}[\p{L}'’ -]{1,30},\s*)?(?:(\p{L}+),?\s*)?$")
            .expect("top date prefix pattern")
    });
    static ALONE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^,?\s*(?:\d{1,2}\s*[:h]\s*\d{2}\s*)?$")
            .expect("top date suffix pattern")
    });
    let start = text.len() - text.trim_start().len();
    let line_end = text[start..].find('\n').map_or(text.len(), |e| start + e);
    let (k, m) = matches
        .iter()
        .enumerate()
        .find(|(_, m)| m.span.start < line_end)?;
    let DateExpr::Full { year, month, day } = m.expr else {
        return None;
    };
    let prefix = BEFORE.captures(text.get(start..m.span.start)?)?;
    let after = text.get(m.span.end..line_end)?;
    // (a word just before the date is its weekday: "Friday, June 9", not "Le 9 juin")
    if prefix.get(2).is_some() && leading_weekday(text, m, 2).is_none() {
        return None;
    }
    match prefix.get(1) {
        Some(_) if after.starts_with(". ") || after == "." => {
            NaiveDate::from_ymd_opt(year, month, day).map(TopDate::Dateline)
        }
        None if ALONE.is_match(after) => Some(TopDate::Today(k)),
        _ => None,
    }
}

/// Which calendars a year the page names may stand for, when a weekday with its day and month
/// looks for its year.
#[derive(Clone, Copy)]
enum YearTries {
    /// That year's only.
    Own,
    /// That year's, the next one's, the one before's.
    Neighbours,
    /// That year's and the next one's, after the start of a period the story is in.
    After(NaiveDate),
}

/// The date at byte `start` opens a period the story is in ("depuis 2015", "since early
/// 2022", "depuis le 17 août 2015"): the page is later than it, not of it.
fn opens_a_period(text: &str, start: usize) -> bool {
    let before = crate::lexicon::fold_before(text, start, 40);
    before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| w == "depuis" || w == "since")
}

fn add_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

fn last_day(year: i32, month: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(Months::new(1))?;
    Some(next.pred_opt()?.day())
}

fn month_day(year: i32, month: u32, part: MonthPart) -> Option<NaiveDate> {
    let d = match part {
        MonthPart::Whole | MonthPart::Mid => 15,
        MonthPart::Early => 1,
        MonthPart::Late => last_day(year, month)?,
    };
    NaiveDate::from_ymd_opt(year, month, d)
}

/// Longest day count of a month (29 for February).
fn max_day(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// ---------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct MonthWord {
    month: u32,
    cap: bool,
    abbr: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Days,
    Weeks,
    Months,
}

struct DLex {
    month: Vec<Option<MonthWord>>,
    weekday: Vec<Option<Weekday>>,
    relative: Phrases<DateExpr>,
    part: Phrases<MonthPart>,
    cue: Phrases<bool>,
    prefix: Phrases<bool>,
    suffix: Phrases<bool>,
    weekday_prefix: Phrases<()>,
    weekday_suffix: Phrases<()>,
    link: Phrases<()>,
    day_suffix: Phrases<()>,
    day_word: Phrases<u32>,
    of: Phrases<()>,
    count_unit: Phrases<Unit>,
    ago_prefix: Phrases<()>,
    ago_suffix: Phrases<()>,
    later: Phrases<i64>,
    /// "le", "on the": before a lone day of the month ("Le 12, …").
    day_of_month: Phrases<()>,
    /// Vocabulary ids that can begin a date expression.
    start: Vec<bool>,
}

fn part_of(s: Option<&&str>) -> MonthPart {
    match s.copied() {
        Some("early") => MonthPart::Early,
        Some("mid") => MonthPart::Mid,
        Some("late") => MonthPart::Late,
        _ => MonthPart::Whole,
    }
}

static DLEX: LazyLock<DLex> = LazyLock::new(|| {
    let v = &*VOCAB;
    let mut l = DLex {
        month: vec![None; v.len()],
        weekday: vec![None; v.len()],
        relative: Phrases::new(v),
        part: Phrases::new(v),
        cue: Phrases::new(v),
        prefix: Phrases::new(v),
        suffix: Phrases::new(v),
        weekday_prefix: Phrases::new(v),
        weekday_suffix: Phrases::new(v),
        link: Phrases::new(v),
        day_suffix: Phrases::new(v),
        day_word: Phrases::new(v),
        of: Phrases::new(v),
        count_unit: Phrases::new(v),
        ago_prefix: Phrases::new(v),
        ago_suffix: Phrases::new(v),
        later: Phrases::new(v),
        day_of_month: Phrases::new(v),
        start: vec![false; v.len()],
    };
    for row in lexicon::rows(MONTHS_TSV) {
        let (Some(w), Some(Ok(month))) = (row.first(), row.get(1).map(|m| m.parse::<u32>())) else {
            continue;
        };
        let flags = row.get(2).copied().unwrap_or("");
        let id = v.get(w);
        if id != NO_ID && (1..=12).contains(&month) {
            l.month[id as usize] = Some(MonthWord {
                month,
                cap: flags.contains("cap"),
                abbr: flags.contains("abbr"),
            });
        }
    }
    for row in lexicon::rows(WEEKDAYS_TSV) {
        let (Some(w), Some(Ok(wd))) = (row.first(), row.get(1).map(|d| d.parse::<Weekday>()))
        else {
            continue;
        };
        let id = v.get(w);
        if id != NO_ID {
            l.weekday[id as usize] = Some(wd);
        }
    }
    let int = |s: Option<&&str>| s.and_then(|s| s.trim_start_matches('+').parse::<i64>().ok());
    for row in lexicon::rows(RELATIVE_TSV) {
        let (Some(p), Some(role)) = (row.first().copied(), row.get(1).copied()) else {
            continue;
        };
        let n = int(row.get(2));
        match (role, n) {
            ("days", Some(days)) => l.relative.add(v, p, DateExpr::RelativeDays { days }),
            ("weeks", Some(weeks)) => l.relative.add(v, p, DateExpr::RelativeWeeks { weeks }),
            ("months", Some(months)) => l.relative.add(
                v,
                p,
                DateExpr::RelativeMonths {
                    months,
                    part: part_of(row.get(3)),
                },
            ),
            ("following", Some(days)) => l.relative.add(v, p, DateExpr::FollowingDay { days }),
            ("part", _) => l.part.add(v, p, part_of(row.get(2))),
            ("cue", _) => l.cue.add(v, p, row.get(2).copied() != Some("drop")),
            ("prefix", _) => l.prefix.add(v, p, row.get(2).copied() == Some("night")),
            ("suffix", _) => l.suffix.add(v, p, row.get(2).copied() == Some("night")),
            ("weekday_prefix", _) => l.weekday_prefix.add(v, p, ()),
            ("weekday_suffix", _) => l.weekday_suffix.add(v, p, ()),
            ("link", _) => l.link.add(v, p, ()),
            ("day_suffix", _) => l.day_suffix.add(v, p, ()),
            ("day_word", Some(d)) => l.day_word.add(v, p, d as u32),
            ("of", _) => l.of.add(v, p, ()),
            ("count_unit", _) => {
                let unit = match row.get(2).copied() {
                    Some("weeks") => Unit::Weeks,
                    Some("months") => Unit::Months,
                    _ => Unit::Days,
                };
                l.count_unit.add(v, p, unit)
            }
            ("ago_prefix", _) => l.ago_prefix.add(v, p, ()),
            ("ago_suffix", _) => l.ago_suffix.add(v, p, ()),
            ("later", Some(dir)) => l.later.add(v, p, dir.signum()),
            ("day_of_month", _) => l.day_of_month.add(v, p, ()),
            _ => {}
        }
    }
    for id in 0..v.len() {
        let id32 = id as u32;
        l.start[id] = l.month[id].is_some()
            || l.weekday[id].is_some()
            || QLEX.is_number_word(id32)
            || l.relative.starts_id(id32)
            || l.ago_prefix.starts_id(id32)
            || l.prefix.starts_id(id32)
            || l.cue.starts_id(id32)
            || l.weekday_prefix.starts_id(id32)
            || l.part.starts_id(id32)
            || l.day_word.starts_id(id32)
            || l.day_of_month.starts_id(id32);
    }
    l
});

// ---------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------

/// Token `k` exists and is on the same line as the one before it.
fn joined(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(Tok::joined)
}

impl DLex {
    /// The longest date expression starting at token `i`: (start token, end token, expr).
    fn parse_at(&self, text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize, DateExpr)> {
        let mut best: Option<(usize, usize, DateExpr)> = None;
        let mut consider = |c: Option<(usize, usize, DateExpr)>| {
            if let Some(c) = c {
                if best.is_none_or(|b| c.1 > b.1) {
                    best = Some(c);
                }
            }
        };
        consider(self.relative.longest(toks, i).map(|(e, x)| (i, e, *x)));
        consider(self.counted(text, toks, i));
        if let Some((e, &night)) = self.prefix.longest(toks, i) {
            if joined(toks, e) {
                consider(self.core(toks, e, night, true).map(|(ce, x)| (i, ce, x)));
            }
        }
        if let Some((e, &keep)) = self.cue.longest(toks, i) {
            if joined(toks, e) {
                let start = if keep { i } else { e };
                consider(
                    self.core(toks, e, false, true)
                        .map(|(ce, x)| (start, ce, x)),
                );
            }
        }
        if let Some((e, _)) = self.weekday_prefix.longest(toks, i) {
            if joined(toks, e) && self.weekday_at(toks, e).is_some() {
                consider(self.core(toks, e, false, false).map(|(ce, x)| (i, ce, x)));
            }
        }
        // (a weekday with no word of time before it may be a given name: see names_someone)
        if !self.names_someone(toks, i) {
            consider(self.core(toks, i, false, false).map(|(ce, x)| (i, ce, x)));
        }
        // "Le 12, une patrouille…": a lone day of the month, closed by a comma (not "le 12
        // soldats", not "le 12 juin", which the grammar above reads whole).
        if best.is_some() {
            return best;
        }
        let (e, _) = self.day_of_month.longest(toks, i)?;
        if !joined(toks, e) {
            return None;
        }
        let (day, de) = self.day_at(toks, e)?;
        toks.get(de).is_some_and(|c| c.is_punct(',')).then_some((
            i,
            de,
            DateExpr::DayOfMonth { day },
        ))
    }

    /// "il y a trois jours", "two weeks ago", "deux jours plus tard", "three days earlier".
    fn counted(&self, text: &str, toks: &[Tok], i: usize) -> Option<(usize, usize, DateExpr)> {
        let (ago, j) = match self.ago_prefix.longest(toks, i) {
            Some((e, _)) if joined(toks, e) => (true, e),
            _ => (false, i),
        };
        let (n, k) = self.count(text, toks, j)?;
        let (ue, &unit) = self
            .count_unit
            .longest(toks, k)
            .filter(|_| joined(toks, k))?;
        let n = i64::try_from(n).ok()?;
        if ago {
            return Some((i, ue, relative(unit, -n)?));
        }
        if !joined(toks, ue) {
            return None;
        }
        if let Some((e, _)) = self.ago_suffix.longest(toks, ue) {
            return Some((i, e, relative(unit, -n)?));
        }
        let (e, &dir) = self.later.longest(toks, ue)?;
        let days = match unit {
            Unit::Days => n,
            Unit::Weeks => n.checked_mul(7)?,
            Unit::Months => return None,
        };
        Some((i, e, DateExpr::FollowingDay { days: dir * days }))
    }

    /// A small count before a time unit: digits, number words, or the article "a"/"an".
    fn count(&self, text: &str, toks: &[Tok], j: usize) -> Option<(u64, usize)> {
        let t = toks.get(j)?;
        if t.kind == Kind::Word && matches!(&text[t.start..t.end], "a" | "an" | "A" | "An") {
            return Some((1, j + 1));
        }
        if t.kind == Kind::Num && t.gap == Gap::None && j > 0 && toks[j - 1].kind == Kind::Word {
            return None;
        }
        QLEX.plain_number(text, toks, j)
            .filter(|(n, _)| *n <= 10_000)
    }

    fn month_at(&self, toks: &[Tok], j: usize) -> Option<(u32, usize)> {
        let t = toks.get(j)?;
        if t.kind != Kind::Word || t.id == NO_ID {
            return None;
        }
        let m = self.month.get(t.id as usize).copied().flatten()?;
        if m.cap && !t.upper {
            return None;
        }
        if m.abbr {
            let n = toks.get(j + 1)?;
            if n.is_punct('.') && n.gap == Gap::None {
                return Some((m.month, j + 2));
            }
            if n.kind == Kind::Num && n.joined() {
                return Some((m.month, j + 1));
            }
            return None;
        }
        Some((m.month, j + 1))
    }

    /// "Sunday Kontagora was arrested", "the Saturday Telegraph said": a capitalised weekday right
    /// before a capitalised word that is no part of a date, in running text (a small word or a
    /// mark follows, so not a headline in title case), is part of a name (given names in
    /// Nigeria and Ghana are often days), not a date.
    fn names_someone(&self, toks: &[Tok], j: usize) -> bool {
        let name_follows = toks.get(j + 1).is_some_and(|n| {
            n.kind == Kind::Word
                && n.upper
                && n.gap == Gap::Space
                && self.weekday_at(toks, j + 1).is_none()
                && self.month_at(toks, j + 1).is_none()
                && self.suffix.longest(toks, j + 1).is_none()
                && self.weekday_suffix.longest(toks, j + 1).is_none()
        });
        let running_text = toks.get(j + 2).is_none_or(|after| {
            after.gap == Gap::Break
                || after.kind == Kind::Punct
                || (after.kind == Kind::Word && !after.upper)
        });
        self.weekday_at(toks, j).is_some() && toks[j].upper && name_follows && running_text
    }

    fn weekday_at(&self, toks: &[Tok], j: usize) -> Option<Weekday> {
        let t = toks.get(j)?;
        if t.kind != Kind::Word || t.id == NO_ID {
            return None;
        }
        self.weekday.get(t.id as usize).copied().flatten()
    }

    /// A day of the month: "11", "1er", "2nd", "premier".
    fn day_at(&self, toks: &[Tok], j: usize) -> Option<(u32, usize)> {
        let t = toks.get(j)?;
        if t.kind == Kind::Num {
            if t.digits > 2 || t.value == 0 || t.value > 31 {
                return None;
            }
            if t.gap == Gap::None && j > 0 && toks[j - 1].kind != Kind::Punct {
                return None;
            }
            let mut e = j + 1;
            if let Some(s) = toks.get(e).filter(|s| s.gap == Gap::None) {
                if s.kind == Kind::Word {
                    self.day_suffix.longest(toks, e)?;
                    e += 1;
                } else if s.kind == Kind::Num {
                    return None;
                }
            }
            return Some((t.value as u32, e));
        }
        self.day_word.longest(toks, j).map(|(e, &d)| (d, e))
    }

    fn year_at(&self, toks: &[Tok], j: usize) -> Option<(i32, usize)> {
        let t = toks.get(j)?;
        if t.kind != Kind::Num || t.digits != 4 || !(1900..=2100).contains(&t.value) {
            return None;
        }
        if toks.get(j + 1).is_some_and(|n| {
            n.gap == Gap::None && (n.kind != Kind::Punct || matches!(n.ch, '/' | ':' | '-'))
        }) {
            return None;
        }
        Some((t.value as i32, j + 1))
    }

    /// Optional "," then a year: (year, end).
    fn year_after(&self, toks: &[Tok], k: usize) -> Option<(i32, usize)> {
        if !joined(toks, k) {
            return None;
        }
        let k = if toks[k].is_punct(',') && joined(toks, k + 1) {
            k + 1
        } else {
            k
        };
        self.year_at(toks, k)
            .or_else(|| self.year_glued_to_a_word(toks, k))
    }

    /// "jeudi 9 février 2023à 16 h 45": after a day and month, a year glued to the next word
    /// (a space lost between two tags of the page) is still the year. Not "the 1990s": a
    /// single letter is a suffix.
    fn year_glued_to_a_word(&self, toks: &[Tok], k: usize) -> Option<(i32, usize)> {
        let t = toks.get(k)?;
        let glued = toks.get(k + 1)?;
        let word = glued.gap == Gap::None
            && glued.kind == Kind::Word
            && !glued.upper
            && glued.end - glued.start >= 2;
        (word && t.kind == Kind::Num && t.digits == 4 && (1900..=2100).contains(&t.value))
            .then_some((t.value as i32, k + 1))
    }

    /// "11 janvier [2026]", "1st of July [2025]", "5 au 6 juillet [2025]": (end, expr).
    fn day_month(&self, toks: &[Tok], j: usize) -> Option<(usize, DateExpr)> {
        let (d, k) = self.day_at(toks, j)?;
        if !joined(toks, k) {
            return None;
        }
        // A range of days, or the two days of one night: the first day counts.
        if let Some((le, _)) = self.link.longest(toks, k) {
            let mut k2 = le;
            if self.weekday_at(toks, k2).is_some() && joined(toks, k2 + 1) {
                k2 += 1;
            }
            if joined(toks, k2) {
                if let Some((d2, k3)) = self.day_at(toks, k2) {
                    if let Some((end, expr)) = self.month_tail(toks, k3, d2) {
                        return Some((end, first_of_range(d, d2, expr)?));
                    }
                }
            }
        }
        let k = match self.of.longest(toks, k) {
            Some((e, _)) if joined(toks, e) => e,
            _ => k,
        };
        let (end, expr) = self.month_tail(toks, k, d)?;
        // "31 décembre au 1er janvier 2026": the first day takes the year of the second.
        if let (DateExpr::DayMonth { month, day }, Some((le, _))) = (
            expr,
            self.link.longest(toks, end).filter(|_| joined(toks, end)),
        ) {
            let mut k2 = le;
            if self.weekday_at(toks, k2).is_some() && joined(toks, k2 + 1) {
                k2 += 1;
            }
            if joined(toks, k2) {
                if let Some((
                    e2,
                    DateExpr::Full {
                        year,
                        month: m2,
                        day: d2,
                    },
                )) = self.day_month(toks, k2)
                {
                    let y = if (month, day) > (m2, d2) {
                        year - 1
                    } else {
                        year
                    };
                    if NaiveDate::from_ymd_opt(y, month, day).is_some() {
                        return Some((
                            e2,
                            DateExpr::Full {
                                year: y,
                                month,
                                day,
                            },
                        ));
                    }
                }
            }
        }
        Some((end, expr))
    }

    /// Month [year] after a day `d` at token `k`.
    fn month_tail(&self, toks: &[Tok], k: usize, d: u32) -> Option<(usize, DateExpr)> {
        if !joined(toks, k) {
            return None;
        }
        let (m, me) = self.month_at(toks, k)?;
        if d > max_day(m) {
            return None;
        }
        self.with_optional_year(toks, me, m, d)
    }

    /// Day `d` of month `m` ending at token `end`: a full date when a year follows, else a
    /// day and month.
    fn with_optional_year(
        &self,
        toks: &[Tok],
        end: usize,
        m: u32,
        d: u32,
    ) -> Option<(usize, DateExpr)> {
        match self.year_after(toks, end) {
            Some((y, ye)) => {
                NaiveDate::from_ymd_opt(y, m, d)?;
                Some((
                    ye,
                    DateExpr::Full {
                        year: y,
                        month: m,
                        day: d,
                    },
                ))
            }
            None => Some((end, DateExpr::DayMonth { month: m, day: d })),
        }
    }

    /// "July 1, 2025", "July 1".
    fn month_day(&self, toks: &[Tok], j: usize) -> Option<(usize, DateExpr)> {
        let (m, k) = self.month_at(toks, j)?;
        if !joined(toks, k) {
            return None;
        }
        let (d, de) = self.day_at(toks, k)?;
        if toks[k].kind != Kind::Num || d > max_day(m) {
            return None;
        }
        self.with_optional_year(toks, de, m, d)
    }

    /// The date itself, after any prefix: (end, expr). `cue` allows a bare month or year.
    fn core(&self, toks: &[Tok], j: usize, night: bool, cue: bool) -> Option<(usize, DateExpr)> {
        let t = toks.get(j)?;
        if let Some(weekday) = self.weekday_at(toks, j) {
            let mut k = j + 1;
            if toks.get(k).is_some_and(|c| c.is_punct(',')) && joined(toks, k + 1) {
                k += 1;
            }
            if joined(toks, k) {
                if let Some(r) = self.day_month(toks, k).or_else(|| self.month_day(toks, k)) {
                    return Some(r);
                }
            }
            let mut e = j + 1;
            let mut night = night;
            if joined(toks, e) {
                if let Some((se, &n)) = self.suffix.longest(toks, e) {
                    night |= n;
                    e = se;
                }
            }
            if joined(toks, e) {
                if let Some((se, _)) = self.weekday_suffix.longest(toks, e) {
                    e = se;
                }
            }
            if night && joined(toks, e) {
                if let Some((le, _)) = self.link.longest(toks, e) {
                    if joined(toks, le) && self.weekday_at(toks, le).is_some() {
                        e = le + 1;
                    }
                }
            }
            return Some((e, DateExpr::Weekday { weekday, night }));
        }
        if let Some(r) = self.day_month(toks, j) {
            return Some(r);
        }
        if let Some(r) = self.month_day(toks, j) {
            return Some(r);
        }
        if t.kind == Kind::Num {
            if let Some((e, year, month, day)) = numeric_date(toks, j) {
                return Some((e, DateExpr::Full { year, month, day }));
            }
        }
        if let Some((pe, &part)) = self.part.longest(toks, j) {
            let mut k = pe;
            if toks.get(k).is_some_and(|h| h.is_punct('-')) {
                k += 1;
            }
            if joined(toks, k) {
                if let Some((m, me)) = self.month_at(toks, k) {
                    return Some(match self.year_after(toks, me) {
                        Some((year, ye)) => (
                            ye,
                            DateExpr::MonthYear {
                                year,
                                month: m,
                                part,
                            },
                        ),
                        None => (me, DateExpr::Month { month: m, part }),
                    });
                }
                if let Some((year, ye)) = self.year_at(toks, k) {
                    return Some((ye, DateExpr::Year { year }));
                }
            }
        }
        if let Some((m, me)) = self.month_at(toks, j) {
            if let Some((year, ye)) = self.year_after(toks, me) {
                return Some((
                    ye,
                    DateExpr::MonthYear {
                        year,
                        month: m,
                        part: MonthPart::Whole,
                    },
                ));
            }
            if cue {
                return Some((
                    me,
                    DateExpr::Month {
                        month: m,
                        part: MonthPart::Whole,
                    },
                ));
            }
        }
        if cue {
            if let Some((year, ye)) = self.year_at(toks, j) {
                return Some((ye, DateExpr::Year { year }));
            }
        }
        None
    }
}

fn relative(unit: Unit, n: i64) -> Option<DateExpr> {
    Some(match unit {
        Unit::Days => DateExpr::RelativeDays { days: n },
        Unit::Weeks => DateExpr::RelativeWeeks { weeks: n },
        Unit::Months => DateExpr::RelativeMonths {
            months: n,
            part: MonthPart::Whole,
        },
    })
}

/// The first day `d1` of a range ending on `d2` of the month in `end`.
fn first_of_range(d1: u32, d2: u32, end: DateExpr) -> Option<DateExpr> {
    match end {
        DateExpr::Full { year, month, .. } => {
            let (y, m) = if d1 > d2 {
                prev_month(year, month)
            } else {
                (year, month)
            };
            NaiveDate::from_ymd_opt(y, m, d1)?;
            Some(DateExpr::Full {
                year: y,
                month: m,
                day: d1,
            })
        }
        DateExpr::DayMonth { month, .. } => {
            let m = if d1 > d2 {
                prev_month(2000, month).1
            } else {
                month
            };
            (d1 <= max_day(m)).then_some(DateExpr::DayMonth { month: m, day: d1 })
        }
        _ => None,
    }
}

fn prev_month(year: i32, month: u32) -> (i32, u32) {
    if month == 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load() {
        assert!(DLEX.month.iter().flatten().count() >= 24);
        assert_eq!(DLEX.weekday.iter().flatten().count(), 14);
    }

    #[test]
    fn last_day_of_february() {
        assert_eq!(last_day(2024, 2), Some(29));
        assert_eq!(last_day(2025, 2), Some(28));
        assert_eq!(last_day(2025, 12), Some(31));
    }
}
