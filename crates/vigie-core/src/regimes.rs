//! State actors named by the government in power on the event's day, as ACLED names them
//! ("Military Forces of Mali (2013-2020)" in 2017, "(2021-)" in 2023). The actor lexicon gives
//! each state force its current name; an incident's date picks the period. The periods are data:
//! `data/regimes.tsv`.

use chrono::NaiveDate;
use std::sync::LazyLock;

/// The kinds of state actor ACLED dates by regime.
const STATE_ACTORS: [&str; 3] = ["Military Forces of ", "Police Forces of ", "Government of "];

struct Period {
    country: &'static str,
    from: NaiveDate,
    to: Option<NaiveDate>,
    label: &'static str,
}

static PERIODS: LazyLock<Vec<Period>> = LazyLock::new(|| {
    crate::lexicon::rows(include_str!("../data/regimes.tsv"))
        .filter_map(|r| {
            let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            Some(Period {
                country: r.first()?,
                from: day(r.get(1)?)?,
                to: r.get(2).and_then(|s| day(s)),
                label: r.get(3)?,
            })
        })
        .collect()
});

/// The name ACLED gives this actor on `date`: a state actor of a country with known periods gets
/// the period covering the day; every other name (and a day outside every period) is unchanged.
pub fn name_on(name: &str, date: NaiveDate) -> String {
    let Some((kind, country)) = state_actor(name) else {
        return name.to_string();
    };
    PERIODS
        .iter()
        .find(|p| p.country == country && p.from <= date && p.to.is_none_or(|to| date <= to))
        .map_or_else(
            || name.to_string(),
            |p| format!("{kind}{country} ({})", p.label),
        )
}

/// A state actor's kind ("Military Forces of ", "Police Forces of ", "Government of ") and
/// country, its period left out: "Military Forces of Mali (2021-)" → ("Military Forces of ",
/// "Mali"); `None` for any other actor.
pub fn state_actor(name: &str) -> Option<(&'static str, &str)> {
    let kind = STATE_ACTORS.iter().find(|k| name.starts_with(**k))?;
    let rest = &name[kind.len()..];
    // "Mali (2021-)" → "Mali"; "France" stays "France".
    let country = match rest.rfind(" (") {
        Some(i) if rest.ends_with(')') && is_period(&rest[i + 2..rest.len() - 1]) => &rest[..i],
        _ => rest,
    };
    Some((kind, country))
}

/// "2013-2020" or "2021-".
fn is_period(s: &str) -> bool {
    let mut parts = s.splitn(2, '-');
    let year =
        |p: Option<&str>| p.is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    let first = parts.next();
    let second = parts.next();
    year(first) && second.is_some_and(|y| y.is_empty() || year(Some(y)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_state_force_takes_the_period_of_the_events_day() {
        let army = "Military Forces of Mali (2021-)";
        assert_eq!(
            name_on(army, day("2017-03-29")),
            "Military Forces of Mali (2013-2020)"
        );
        assert_eq!(
            name_on(army, day("2020-12-01")),
            "Military Forces of Mali (2020-2021)"
        );
        assert_eq!(name_on(army, day("2023-05-01")), army);
        assert_eq!(
            name_on("Police Forces of Niger (2023-)", day("2019-12-10")),
            "Police Forces of Niger (2011-2021)"
        );
        assert_eq!(
            name_on("Government of Burkina Faso (2022-)", day("2021-06-05")),
            "Government of Burkina Faso (2015-2022)"
        );
    }

    #[test]
    fn the_last_day_of_a_period_and_the_first_of_the_next() {
        let army = "Military Forces of Niger (2023-)";
        assert_eq!(
            name_on(army, day("2023-07-25")),
            "Military Forces of Niger (2021-2023)"
        );
        assert_eq!(name_on(army, day("2023-07-26")), army);
    }

    #[test]
    fn a_name_without_a_period_gets_one_and_other_names_are_untouched() {
        assert_eq!(
            name_on("Military Forces of France", day("2016-01-14")),
            "Military Forces of France (2012-2017)"
        );
        for other in [
            "JNIM: Group for Support of Islam and Muslims",
            "Civilians (Mali)",
            "Military Forces of Guinea",
            "Unidentified Armed Group (Mali)",
        ] {
            assert_eq!(name_on(other, day("2017-01-01")), other);
        }
        // Before a country's first known period: the lexicon's name stays.
        let army = "Military Forces of Mali (2021-)";
        assert_eq!(name_on(army, day("1995-01-01")), army);
    }

    #[test]
    fn every_row_of_the_data_reads_and_periods_do_not_overlap() {
        let rows = crate::lexicon::rows(include_str!("../data/regimes.tsv")).count();
        assert_eq!(PERIODS.len(), rows);
        for a in PERIODS.iter() {
            assert!(is_period(a.label), "{}", a.label);
            for b in PERIODS
                .iter()
                .filter(|b| b.country == a.country && b.from > a.from)
            {
                let a_end = a.to.expect("only the last period of a country is open");
                assert!(a_end < b.from, "{} periods overlap", a.country);
            }
        }
    }
}
