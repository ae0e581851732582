//! Count expressions ("plus de 150 combattants", "three to four", "aucun mort ni blessé").
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_core::mentions::quantity;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for m in quantity::find_quantities(&text) {
        assert!(text.get(m.span.start..m.span.end).is_some(), "bad span");
        if let Some(n) = m.noun {
            assert!(text.get(n.start..n.end).is_some(), "bad noun span");
        }
    }
    if let Some(s) = quantity::zero_casualty_phrase(&text) {
        assert!(text.get(s.start..s.end).is_some(), "bad zero span");
    }
});
