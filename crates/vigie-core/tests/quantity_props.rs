//! Arbitrary text never breaks the quantity extractor.

use proptest::prelude::*;
use vigie_core::mentions::quantity::find_quantities;

fn check(text: &str) {
    let got = find_quantities(text);
    let mut last_end = 0;
    for m in &got {
        assert!(m.span.start < m.span.end, "empty span {m:?}");
        assert!(m.span.start >= last_end, "overlap or disorder {got:?}");
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert!(m.span.end <= text.len());
        if let Some(n) = m.noun {
            assert!(n.start >= m.span.end && n.end <= text.len() && n.start < n.end);
            assert!(text.is_char_boundary(n.start) && text.is_char_boundary(n.end));
        }
        if let Some(h) = m.quantity.high {
            assert!(h >= m.quantity.low);
        }
        assert!(m.quantity.best >= m.quantity.low);
        last_end = m.span.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(text in "\\PC*") {
        check(&text);
    }

    #[test]
    fn number_like_strings(text in "([0-9]{1,5}|[ ,.\\-/:%’'à]|plus de|au moins|vingt|et|un|une|cent|a|hundred|and|entre|ni|aucun|morts|soldats|é|\u{a0}|\n| ){0,30}") {
        check(&text);
    }
}
