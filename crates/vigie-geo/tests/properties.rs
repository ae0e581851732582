//! Arbitrary text never panics the scanner or the resolver, and spans are valid.

use proptest::prelude::*;
use vigie_geo::{find_places, resolve, Gazetteer};

fn check(text: &str) {
    let g = Gazetteer::bundled();
    let ms = find_places(g, text);
    for m in &ms {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.start < m.end);
        assert_eq!(&text[m.start..m.end], m.surface);
        assert!(m.candidates.iter().all(|&c| (c as usize) < g.len()));
    }
    let rs = resolve(g, text, &ms);
    assert_eq!(rs.len(), ms.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn any_string(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn place_like_strings(parts in proptest::collection::vec(
        prop_oneof![
            Just("Kayes"), Just("à"), Just("près de"), Just("entre"), Just("et"), Just("(Bankass, Mopti)"),
            Just("Doundé"), Just("cercle de"), Just("50 km de"), Just("-"), Just("Niger"), Just("É"), Just("Ⅻ"),
            Just("l'axe"), Just("Nioro du Sahel"), Just("("), Just(","), Just("\u{301}"), Just("🙂"), Just("MALI"),
        ], 0..30)) {
        check(&parts.join(" "));
        check(&parts.concat());
    }
}

#[test]
fn mentions_with_foreign_ids_do_not_panic() {
    let g = Gazetteer::bundled();
    let text = "à Kayes";
    let mut ms = find_places(g, text);
    ms[0].candidates.push(u32::MAX);
    let rs = resolve(g, text, &ms);
    assert!(rs[0].is_some());
}
