//! Arbitrary text never breaks the date extractor or the resolver.

use chrono::NaiveDate;
use proptest::prelude::*;
use vigie_core::mentions::dates::{find_dates, resolve};
use vigie_core::{EventDate, TimePrecision};

fn check(text: &str, anchor: Option<NaiveDate>) {
    let got = find_dates(text);
    let mut last_end = 0;
    let prev = anchor.map(|date| EventDate {
        date,
        precision: TimePrecision::Day,
    });
    for m in &got {
        assert!(m.span.start < m.span.end, "empty span {m:?}");
        assert!(m.span.start >= last_end, "overlap or disorder {got:?}");
        assert!(m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        last_end = m.span.end;
        let _ = resolve(&m.expr, anchor, prev);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(text in "\\PC*", days in -800_000i32..800_000) {
        check(&text, NaiveDate::from_num_days_from_ce_opt(days.abs().max(1)));
    }

    #[test]
    fn date_like_strings(
        text in "([0-9]{1,4}|[ ,./\\-’']|le|er|janvier|février|May|juillet|dans la nuit du|au|samedi|dimanche|il y a|jours|deux|plus tard|fin|mi|early|en|hier|\n){0,25}",
        days in 1i32..3_000_000,
    ) {
        check(&text, NaiveDate::from_num_days_from_ce_opt(days));
        check(&text, None);
    }
}
